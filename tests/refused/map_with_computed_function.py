# expect: unsupported-syntax @ 4
def main() -> None:
    loud = True
    print(list(map(str.upper if loud else str.lower, ["a", "b"])))


main()
