# kernel: text processing: strip/split/join/replace/case and f-strings over generated lines

FIRST = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]
LAST = ["smith", "jones", "brown", "taylor", "wilson", "davies", "evans", "thomas"]
CITIES = ["london", "paris", "new york", "berlin", "san francisco", "tokyo", "rome"]


def make_lines(n: int) -> list[str]:
    lines: list[str] = []
    x = 7
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        first = FIRST[x % 10]
        last = LAST[(x // 16) % 8]
        city = CITIES[(x // 256) % 7]
        amount = (x // 4096) % 100000
        pad = " " * (x % 3)
        lines.append(f"{pad}{first} {last} ,{pad} {city}, {amount // 100}.{amount % 100:02d} ;ok")
    return lines


def clean(line: str) -> str:
    body = line.strip().replace(";ok", "")
    fields = [f.strip() for f in body.split(",")]
    name = fields[0].title()
    city = fields[1].upper().replace(" ", "_")
    amount = fields[2]
    return " | ".join([name.ljust(16), city, amount.rjust(8)])


def main() -> None:
    lines = make_lines(1500000)
    out: list[str] = []
    total = 0
    longest = ""
    for line in lines:
        c = clean(line)
        total += len(c)
        if len(c) > len(longest):
            longest = c
        out.append(c)
    text = "\n".join(out)
    print(f"{len(out)} lines, {total} chars, {text.count('LONDON')} in London")
    print(f"first: {out[0]!r}")
    print(f"longest: {longest!r}")


if __name__ == "__main__":
    main()
