from collections import defaultdict
from typing import NamedTuple


class P(NamedTuple):
    x: int
    y: int


calls = 0


def nxt(v: int) -> int:
    global calls
    calls += 1
    print("eval", v)
    return v


def classify(rows: list[tuple[str, int]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        match row:
            case ("skip", _):
                continue
            case ("stop", n) if n > 0:
                break
            case (name, 0):
                out.append(name + "!")
            case (name, n):
                out.append(f"{name}*{n}")
    return out


def nested(d: dict[str, list[int]]) -> str:
    match d:
        case {"a": [x, y]}:
            return f"pair {x} {y}"
        case {"a": [x, *rest]}:
            return f"head {x} rest {rest}"
        case {"a": []}:
            return "empty a"
        case _:
            return "no a"


def fl(v: float) -> str:
    match v:
        case 1:
            return "one"
        case -1.5:
            return "minus one and a half"
        case _:
            return "?"


def word(s: str) -> str:
    match s:
        case "a" | "b":
            return "ab"
        case [x, y]:
            return "never"
        case other:
            return other.upper()


def maybe(xs: list[int] | None) -> str:
    match xs:
        case None:
            return "none"
        case [x]:
            return f"one {x}"
        case [x, y, *_]:
            return f"{x}+{y}"
        case _:
            return "empty"


def pt(p: P) -> str:
    match p:
        case P(0, y):
            return f"on y {y}"
        case P(x=x, y=0):
            return f"on x {x}"
        case (a, b):
            return f"{a} {b}"


def tup3(t: tuple[int, int, int]) -> str:
    match t:
        case (a, b):
            return "never"
        case (a, *_):
            return f"first {a}"


def main() -> None:
    print(classify([("a", 0), ("skip", 3), ("b", 2), ("stop", 0), ("c", 1), ("stop", 1), ("d", 5)]))
    print(nested({"a": [1, 2]}), nested({"a": [1, 2, 3]}), nested({"a": []}), nested({"b": [1]}))
    dd: defaultdict[str, list[int]] = defaultdict(list)
    print(nested(dd), len(dd))
    print(fl(1.0), fl(-1.5), fl(2.0))
    print(word("a"), word("xy"), word("hello"))
    print(maybe(None), maybe([4]), maybe([1, 2, 3]), maybe([]))
    print(pt(P(0, 3)), pt(P(4, 0)), pt(P(1, 2)))
    print(tup3((7, 8, 9)))
    match nxt(3):
        case 1:
            print("one")
        case 2 | 3:
            print("two or three")
    print(calls)
    match [1, 2]:
        case [1, 2]:
            print("literal list")


if __name__ == "__main__":
    main()
