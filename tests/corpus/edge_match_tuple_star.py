def f(t: tuple[int, int, int, int]) -> str:
    match t:
        case (0, *rest):
            return f"zero then {rest}"
        case (a, *mid, 9):
            return f"{a} .. 9 via {mid}"
        case (*init, last):
            return f"{init} + {last}"


def g(t: tuple[str, int]) -> str:
    match t:
        case (name, *more):
            return f"{name} {more} {len(more)}"


def main() -> None:
    print(f((0, 1, 2, 3)), f((5, 6, 7, 9)), f((1, 2, 3, 4)))
    print(g(("a", 1)))


if __name__ == "__main__":
    main()
