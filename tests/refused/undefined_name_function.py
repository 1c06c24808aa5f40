# expect: undefined-name @ 3
def main() -> None:
    print(compute_average([1.0, 2.0]))


if __name__ == "__main__":
    main()
