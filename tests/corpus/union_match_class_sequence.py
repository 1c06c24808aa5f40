def f(v: list[int] | str | dict[str, int]) -> str:
    match v:
        case list([a, b]):
            return f"pair {a + b}"
        case list([a, *rest]):
            return f"head {a} rest {rest}"
        case dict({"k": k}):
            return f"k={k}"
        case str(s) if len(s) == 2:
            return "two chars " + s
        case _:
            return "other"


def main() -> None:
    print(f([1, 2]), f([4, 5, 6]), f([]), f("ab"), f({"k": 3}), f({"j": 1}), f("abc"))


if __name__ == "__main__":
    main()
