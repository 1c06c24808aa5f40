# corpus: algo: recursive permutations and combinations via backtracking, unannotated helpers
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out: list[list[str]] = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            out.append([items[i]] + p)
    return out


def combinations(items: list[int], k: int, start: int, current: list[int], out: list[list[int]]) -> None:
    if len(current) == k:
        out.append(current.copy())
        return
    for i in range(start, len(items)):
        current.append(items[i])
        combinations(items, k, i + 1, current, out)
        current.pop()


def main() -> None:
    perms = permutations(["a", "b", "c"])
    print(len(perms), "permutations")
    for p in perms:
        print("".join(p))
    print("4 letters:", len(permutations(list("abcd"))))
    nums = [1, 2, 3, 4, 5]
    for k in range(0, 6):
        out: list[list[int]] = []
        combinations(nums, k, 0, [], out)
        print(f"C(5,{k}) = {len(out)}: {out[:4]}{' ...' if len(out) > 4 else ''}")


if __name__ == "__main__":
    main()
