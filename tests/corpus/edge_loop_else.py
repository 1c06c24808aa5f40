# for ... else and while ... else (the else runs when the loop ends without break)
def find(xs: list[int], target: int) -> str:
    for i, x in enumerate(xs):
        if x == target:
            result = f"found at {i}"
            break
    else:
        result = "not found"
    return result


def first_divisor(n: int) -> int:
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


def main() -> None:
    print(find([3, 5, 7], 5), find([3, 5, 7], 4), find([], 1))
    print([first_divisor(n) for n in [2, 9, 13, 15, 49]])
    for w in ["a", "b"]:
        for c in w:
            if c == "z":
                break
        else:
            print("no z in", w)
    n = 0
    while n < 3:
        n += 1
        if n == 10:
            break
    else:
        print("while done", n)
    for ch in "xyz":
        if ch == "y":
            continue
        print(ch)
    else:
        print("str loop done")


if __name__ == "__main__":
    main()
