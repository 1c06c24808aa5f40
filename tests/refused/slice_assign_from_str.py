# expect: unsupported-syntax @ 4
def main() -> None:
    letters = ["a", "b", "c"]
    letters[0:2] = "xy"
    print(letters)


main()
