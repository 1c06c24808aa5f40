# expect: unsupported-syntax @ 2
def total(*nums: int) -> int:
    result = 0
    for n in nums:
        result += n
    return result


def main() -> None:
    print(total(1, 2, 3))


if __name__ == "__main__":
    main()
