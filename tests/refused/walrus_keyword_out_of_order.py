# expect: unsupported-syntax @ 8
def f(a: int, b: int = 0) -> str:
    return f"{a}-{b}"


def main() -> None:
    x = 5
    print(f(b=x, a=(x := 7)))  # Python reads x (5) for b first, then assigns 7: the call lists a first


main()
