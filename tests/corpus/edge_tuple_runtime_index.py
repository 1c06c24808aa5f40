# a tuple of one item type indexed with a run-time index (IndexError as CPython)
DAYS = ("Mon", "Tue", "Wed")


def day(i: int) -> str:
    return DAYS[i % 3]


def main() -> None:
    print([day(i) for i in range(5)])
    t = (1, 2, 3)
    k = -1
    print(t[k], t[k - 1])
    try:
        print(t[k + 5])
    except IndexError as e:
        print("IndexError", e)


main()
