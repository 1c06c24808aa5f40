# corpus: text: run-length encoding/decoding with digit parsing and round-trip checks
def encode(s: str) -> str:
    if not s:
        return ""
    parts: list[str] = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            parts.append(f"{count}{prev}")
            prev = ch
            count = 1
    parts.append(f"{count}{prev}")
    return "".join(parts)


def decode(s: str) -> str:
    out: list[str] = []
    num = ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


def main() -> None:
    samples = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
               "aabcccccaaa", "abc", "", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "  --  "]
    for s in samples:
        e = encode(s)
        d = decode(e)
        ratio = len(e) / len(s) if s else 0.0
        print(f"{s[:20]!r:<24} -> {e!r:<28} ok={d == s} ratio={ratio:.2f}")
    print(decode("3x2y1z"))
    print(decode("10a"))


if __name__ == "__main__":
    main()
