def f(p: tuple[int, int]) -> str:
    match p:
        case (0, y) | (y, 0):
            return f"on an axis at {y}"
        case (x, y) | [y, x] if x > y:
            return f"x first {x} {y}"
        case _:
            return "elsewhere"


def g(v: int | float | str) -> str:
    match v:
        case int(n) | float(n) if n > 1:
            return f"number {n}"
        case str(s) | s:
            return f"other {s!r}"


def h(cmd: list[str]) -> str:
    match cmd:
        case ["go", d] | ["move", d] | [d]:
            return "to " + d
        case ["stop" | "halt" as how, *_]:
            return how
        case _:
            return "?"


def main() -> None:
    print(f((0, 5)), f((7, 0)), f((3, 1)), f((1, 3)))
    print(g(5), g(0.5), g(2.5), g("x"))
    print(h(["go", "n"]), h(["move", "s"]), h(["e"]), h(["halt", "now"]), h(["a", "b", "c"]))


if __name__ == "__main__":
    main()
