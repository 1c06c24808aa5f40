# expect: syntax-error @ 3
def main() -> None:
    for i in range(3)
        print(i)


if __name__ == "__main__":
    main()
