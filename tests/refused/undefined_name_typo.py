# expect: undefined-name @ 5
def main() -> None:
    total = 0
    for n in range(5):
        total += nn
    print(total)


if __name__ == "__main__":
    main()
