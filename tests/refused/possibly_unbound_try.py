# expect: possibly-unbound @ 8
def main() -> None:
    raw = "42"
    try:
        value = int(raw)
    except ValueError:
        print("bad input")
    print(value + 1)


if __name__ == "__main__":
    main()
