# corpus: exc: KeyError/IndexError raised by the runtime, messages printed via str(e), dict/list access
PRICES: dict[str, int] = {"apple": 3, "pear": 4}
QUEUE: list[str] = ["first", "second"]


def lookup(name: str) -> int:
    return PRICES[name]


def nth(i: int) -> str:
    return QUEUE[i]


def main() -> None:
    for name in ["apple", "kiwi", ""]:
        try:
            print(f"{name}: {lookup(name)}")
        except KeyError as e:
            print(f"missing key: {e}")
    for i in [0, 1, 2, -1, -2, -3]:
        try:
            print(f"QUEUE[{i}] = {nth(i)}")
        except IndexError as e:
            print(f"QUEUE[{i}]: {e}")
    empty: list[int] = []
    try:
        empty.pop()
    except IndexError as e:
        print("pop:", e)
    try:
        QUEUE.index("third")
    except ValueError as e:
        print("index:", e)
    try:
        QUEUE.remove("zeroth")
    except ValueError as e:
        print("remove:", e)
    try:
        del PRICES["plum"]
    except KeyError as e:
        print("del:", e)
    try:
        print("abc"[5])
    except IndexError as e:
        print("str index:", e)
    d: dict[int, str] = {1: "one"}
    try:
        print(d[2])
    except KeyError as e:
        print("int key:", e)
    try:
        print(max([1, 2][5:]))
    except ValueError as e:
        print("max:", e)


if __name__ == "__main__":
    main()
