# expect: union-container-copy @ 4
def main() -> None:
    nums = [1, 2, 3]
    box: object = nums
    nums.append(4)
    print(box)


main()
