# unpacking a list into names (a, b = line.split('=', 1)): checked at run time like CPython
def parse(line: str) -> tuple[str, str]:
    k, v = line.split("=", 1)
    return k.strip(), v.strip()


def main() -> None:
    for line in ["a = 1", "name=x=y", "broken", "p=q"]:
        try:
            print(parse(line))
        except ValueError as e:
            print("ValueError:", e)
    x, y, z = [1, 2, 3]
    print(x + y + z)
    try:
        a, b = [1, 2, 3]
        print(a, b)
    except ValueError as e:
        print("ValueError:", e)
    first, second = "k:v".split(":")
    print(second, first)


main()
