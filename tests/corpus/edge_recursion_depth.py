# RecursionError at CPython's depth, counting every frame (module and callers too)
def rec(n: int) -> int:
    if n == 0:
        return 0
    return rec(n - 1) + 1


def probe(n: int) -> bool:
    try:
        rec(n)
        return True
    except RecursionError:
        return False


def main() -> None:
    print(rec(996))
    first = -1
    for n in range(990, 1001):
        if not probe(n) and first < 0:
            first = n
    print("first failing depth", first)
    print(rec(998))


main()
