def walk(v: str | list[int]) -> None:
    for ch in v:
        print(repr(ch), end=" ")
    print()


def letters(v: str | list[str]) -> list[str]:
    out: list[str] = []
    for x in v:
        out.append(x.upper())
    return out


walk("ab")
walk([1, 2, 3])
print(letters("hey"), letters(["a", "bc"]))
items: list[object] = [1, "x"]
src: str | list[object] = items
for it in src:
    if isinstance(it, int) and it < 3:
        items.append(it + 1)
print(items, [c for c in "hi" + "!"])
