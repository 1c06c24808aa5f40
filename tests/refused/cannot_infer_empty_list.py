# expect: cannot-infer-type @ 3
def main() -> None:
    xs = []
    print(xs)
    print(len(xs))


if __name__ == "__main__":
    main()
