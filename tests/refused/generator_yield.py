# expect: generator @ 5
def countdown(n: int):
    while n > 0:
        n -= 1
        yield n


def main() -> None:
    for v in countdown(3):
        print(v)


if __name__ == "__main__":
    main()
