# corpus: classes: a discrete-event simulation with Event objects ordered by __lt__ (time, then sequence), a sorted agenda, handlers dispatching on event kind
class Event:
    def __init__(self, time: int, seq: int, kind: str, who: str) -> None:
        self.time = time
        self.seq = seq
        self.kind = kind
        self.who = who

    def __lt__(self, other: "Event") -> bool:
        if self.time != other.time:
            return self.time < other.time
        return self.seq < other.seq

    def __repr__(self) -> str:
        return f"<{self.time}:{self.kind}:{self.who}>"


class Sim:
    def __init__(self) -> None:
        self.agenda: list[Event] = []
        self.seq = 0
        self.now = 0
        self.log: list[str] = []
        self.busy: dict[str, int] = {}

    def schedule(self, delay: int, kind: str, who: str) -> None:
        self.seq += 1
        self.agenda.append(Event(self.now + delay, self.seq, kind, who))
        self.agenda.sort()

    def run(self, until: int) -> None:
        while self.agenda and self.agenda[0].time <= until:
            ev = self.agenda.pop(0)
            self.now = ev.time
            self.handle(ev)

    def handle(self, ev: Event) -> None:
        if ev.kind == "arrive":
            self.log.append(f"{self.now} {ev.who} arrives")
            self.schedule(3 if ev.who < "m" else 5, "leave", ev.who)
            self.busy[ev.who] = self.busy.get(ev.who, 0) + 1
        elif ev.kind == "leave":
            self.log.append(f"{self.now} {ev.who} leaves")


def main() -> None:
    s = Sim()
    for i, who in enumerate(["ann", "zed", "bob", "max", "eve"]):
        s.schedule(i * 2, "arrive", who)
    print(s.agenda[:3], min(s.agenda), max(s.agenda))
    s.run(7)
    print(s.now, len(s.agenda), s.agenda)
    s.run(100)
    print("\n".join(s.log))
    print(s.busy, sorted([Event(1, 2, "x", "a"), Event(1, 1, "y", "b"), Event(0, 9, "z", "c")]))


main()
