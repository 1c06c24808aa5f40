# kernel: a small tokenizer: scan generated source text into (kind, text) tuples, count kinds

NAMES = ["x", "total", "count", "i", "value", "result", "tmp", "alpha"]
OPS = ["+", "-", "*", "/", "==", "<=", "(", ")", "=", ","]


def make_source(n: int) -> str:
    parts: list[str] = []
    x = 77
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        r = x % 10
        if r < 4:
            parts.append(NAMES[(x // 16) % 8])
        elif r < 6:
            parts.append(str((x // 16) % 10000))
        elif r < 9:
            parts.append(OPS[(x // 16) % 10])
        else:
            parts.append("\n")
    return " ".join(parts)


def tokenize(src: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " ":
            i += 1
        elif c == "\n":
            tokens.append(("NEWLINE", c))
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("NUMBER", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("NAME", src[i:j]))
            i = j
        elif src[i:i + 2] in ("==", "<="):
            tokens.append(("OP", src[i:i + 2]))
            i += 2
        else:
            tokens.append(("OP", c))
            i += 1
    return tokens


def main() -> None:
    src = make_source(4500000)
    tokens = tokenize(src)
    kinds: dict[str, int] = {}
    names: dict[str, int] = {}
    number_sum = 0
    for kind, text in tokens:
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind == "NAME":
            names[text] = names.get(text, 0) + 1
        elif kind == "NUMBER":
            number_sum += int(text)
    print(f"{len(src)} chars, {len(tokens)} tokens, number sum {number_sum}")
    print(sorted(kinds.items()))
    print(sorted(names.items(), key=lambda kv: -kv[1])[:3])


if __name__ == "__main__":
    main()
