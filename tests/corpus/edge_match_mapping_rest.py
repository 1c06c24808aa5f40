from collections import Counter


def f(d: dict[str, int]) -> str:
    match d:
        case {"a": 1, **rest}:
            return f"a=1 rest {rest}"
        case {"a": a, "b": b, **others} if others:
            return f"{a} {b} and {others}"
        case {**everything}:
            return f"all {everything} {everything == d}"


def main() -> None:
    print(f({"x": 0, "a": 1, "z": 2}))
    print(f({"b": 2, "a": 5, "c": 3}))
    print(f({"b": 2, "a": 5}))
    c = Counter("abca")
    match c:
        case {"a": n, **rest}:
            print(n, rest, type(rest).__name__)


if __name__ == "__main__":
    main()
