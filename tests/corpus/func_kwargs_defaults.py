# keyword arguments and literal default values for user functions
from typing import Optional


def greet(name: str, greeting: str = "Hello", punct: str = "!", times: int = 1) -> str:
    return " ".join([f"{greeting}, {name}{punct}"] * times)


def scale(x: float, factor: float = 2.0, offset: float = -0.5) -> float:
    return x * factor + offset


def pick(items: list[int], start=0, step=1, limit=-1) -> list[int]:
    out: list[int] = []
    i = start
    while i < len(items):
        if limit >= 0 and len(out) >= limit:
            break
        out.append(items[i])
        i += step
    return out


def trace(tag: str) -> int:
    print("eval", tag)
    return len(tag)


def pair(a: int, b: int) -> str:
    return f"{a}-{b}"


def opt(x: int, cap: Optional[int] = None, label: str = "") -> str:
    if cap is None:
        return f"{label}{x}"
    return f"{label}{min(x, cap)}"


def main() -> None:
    print(opt(5), opt(5, 3), opt(7, label="n=", cap=6), opt(x=1, label="#"))
    print(greet("Ada"))
    print(greet("Bob", "Hi"))
    print(greet("Cy", punct="?"))
    print(greet(times=2, name="Di"))
    print(scale(3.0), scale(3.0, offset=1.0), scale(x=1.5, factor=-1.0))
    print(pick([1, 2, 3, 4, 5, 6]), pick([1, 2, 3, 4, 5, 6], step=2), pick([1, 2, 3, 4, 5, 6], 1, 2, 2))
    print(pair(b=trace("bb"), a=1), pair(a=trace("a"), b=trace("bbb")))


if __name__ == "__main__":
    main()
