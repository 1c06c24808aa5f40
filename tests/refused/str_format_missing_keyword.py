# expect: type-mismatch @ 6
# CPython raises KeyError: 'nme' when it formats (a literal format string: checked statically)


def main() -> None:
    print("{name} is {nme}".format(name="bob"))


if __name__ == "__main__":
    main()
