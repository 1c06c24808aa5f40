def tokens(src: str) -> list[str]:
    out: list[str] = []
    chars = iter(src)
    for c in chars:
        if c == "\\":
            out.append("esc:" + next(chars, "?"))
        elif c != " ":
            out.append(c)
    return out


def main() -> None:
    print(tokens("a b\\nc\\"))
    r = iter(range(3, 9, 2))
    print(next(r), list(r))
    t = iter((1, 2, 3))
    print(next(t), sum(t))
    s = iter("héllo")
    print(next(s), next(s), "".join(s))


if __name__ == "__main__":
    main()
