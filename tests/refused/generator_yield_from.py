# expect: generator @ 3
def squares(limit: int):
    yield from range(limit)


def main() -> None:
    print(sum(squares(5)))


if __name__ == "__main__":
    main()
