# kernel: string building (join of many pieces) and counting characters


def build(n: int) -> str:
    parts: list[str] = []
    for i in range(n):
        parts.append(str(i * 7919 % 100003))
        if i % 10 == 9:
            parts.append("\n")
        else:
            parts.append(",")
    return "".join(parts)


def count_chars(s: str) -> list[int]:
    counts = [0] * 12
    for ch in s:
        if ch == ",":
            counts[10] += 1
        elif ch == "\n":
            counts[11] += 1
        else:
            counts[ord(ch) - 48] += 1
    return counts


def main() -> None:
    s = build(7500000)
    counts = count_chars(s)
    lines = s.split("\n")
    longest = 0
    for line in lines:
        if len(line) > longest:
            longest = len(line)
    print(f"length {len(s)} lines {len(lines)} longest {longest} counts {counts}")


if __name__ == "__main__":
    main()
