# str.find/rfind/index/rindex/count/startswith/endswith with start and end positions, checked
# against CPython over every start/end in range (including negatives, None and past the end)


def table(s: str, subs: list[str]) -> int:
    n = len(s)
    acc = 0
    lines = 0
    for sub in subs:
        for start in range(-n - 2, n + 3):
            for end in range(-n - 2, n + 3):
                f = s.find(sub, start, end)
                r = s.rfind(sub, start, end)
                c = s.count(sub, start, end)
                a = s.startswith(sub, start, end)
                b = s.endswith(sub, start, end)
                acc = (acc * 31 + f * 7 + r * 5 + c * 3 + (2 if a else 0) + (1 if b else 0)) % 1000000007
                lines += 1
            acc = (acc + s.find(sub, start) + s.rfind(sub, start) + s.count(sub, start)) % 1000000007
            if s.startswith(sub, start):
                acc += 1
            if s.endswith(sub, None, start):
                acc += 2
    print(s, lines, acc)
    return acc


def main() -> None:
    table("abcabca", ["", "a", "bc", "ca", "abcabca", "x"])
    table("héllo wörld ö", ["", "ö", "l", "lo w", "d ö"])
    text = "key=value; other=thing; last=one"
    pos = 0
    while True:
        eq = text.find("=", pos)
        if eq == -1:
            break
        end = text.find(";", eq)
        if end == -1:
            end = len(text)
        print(text[pos:eq].strip(), "->", text[eq + 1:end])
        pos = end + 1
    print(text.startswith(("key", "x"), 0), text.startswith(("x", "other"), 11, 20), text.endswith(("one", "z"), None, -1))
    try:
        print(text.index("=", 0, 3))
    except ValueError as e:
        print("ValueError:", e)
    print(text.index("=", 4), text.rindex("=", None, 20), text.count("e", 5, None))
    try:
        print(text.rindex("q", 2))
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
