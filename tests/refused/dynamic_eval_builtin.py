# expect: dynamic-eval @ 5
def compute(expr: str) -> int:
    if not expr:
        return 0
    return eval(expr)


def main() -> None:
    print(compute("1 + 2 * 3"))


if __name__ == "__main__":
    main()
