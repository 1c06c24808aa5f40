# operator.itemgetter / attrgetter as key= functions (sorted, list.sort, min, max): the lambda
# each stands for, with one or several indexes, keys or (dotted) attribute names.
from operator import itemgetter, attrgetter
import operator


class P:
    def __init__(self, name: str, age: int) -> None:
        self.name = name
        self.age = age

    def __repr__(self) -> str:
        return f"P({self.name!r}, {self.age})"


def main() -> None:
    pairs = [("b", 2), ("a", 3), ("c", 1), ("d", 2)]
    print(sorted(pairs, key=itemgetter(1)), sorted(pairs, key=itemgetter(1, 0), reverse=True))
    print(max(pairs, key=itemgetter(1)), min(pairs, key=operator.itemgetter(0)))
    rows = [{"n": 3, "m": 1}, {"n": 1, "m": 2}]
    print(sorted(rows, key=itemgetter("n")))
    ps = [P("x", 30), P("y", 20), P("z", 30)]
    ps.sort(key=attrgetter("age"))
    print(ps, sorted(ps, key=attrgetter("age", "name"), reverse=True), max(ps, key=operator.attrgetter("name")))
    print(sorted(pairs, key=itemgetter(-1)))
    try:
        print(sorted(rows, key=itemgetter("q")))
    except KeyError as e:
        print("KeyError", e)


if __name__ == "__main__":
    main()
