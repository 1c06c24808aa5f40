# expect: unsupported-type @ 3
def main() -> None:
    e = {}
    e[2.5] = 1
    print(e)
    s = set()
    s.add(0.5)
    print(s)


main()
