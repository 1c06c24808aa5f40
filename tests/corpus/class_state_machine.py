# corpus: classes: a state machine of State objects that reference each other (cycles), transitions in dicts, a runner with counters
class State:
    def __init__(self, name: str, accepting: bool = False) -> None:
        self.name = name
        self.accepting = accepting
        self.edges: dict[str, State] = {}
        self.visits = 0

    def on(self, ch: str, target: "State") -> "State":
        self.edges[ch] = target
        return self

    def __repr__(self) -> str:
        return f"State({self.name})"


class Machine:
    def __init__(self, start: State) -> None:
        self.start = start
        self.trace: list[str] = []

    def run(self, text: str) -> bool:
        cur = self.start
        self.trace = [cur.name]
        for ch in text:
            cur.visits += 1
            if ch not in cur.edges:
                return False
            cur = cur.edges[ch]
            self.trace.append(cur.name)
        return cur.accepting


def main() -> None:
    even = State("even", True)
    odd = State("odd")
    even.on("1", odd).on("0", even)
    odd.on("1", even).on("0", odd)
    m = Machine(even)
    for s in ["", "1", "11", "1011", "10x1", "0000"]:
        print(repr(s), m.run(s), "->".join(m.trace))
    print(even.visits, odd.visits, even.edges, odd.edges["1"] is even)


main()
