# expect: union-not-narrowed @ 3
def walk(v: str | list[int]) -> None:
    for ch in v:
        print(ch)


walk("ab")
