# expect: unsupported-builtin @ 6
def main() -> None:
    xs = [1, 2, 3]
    gen = (x * 2 for x in xs)
    print(sum(xs))
    print(next(gen))


if __name__ == "__main__":
    main()
