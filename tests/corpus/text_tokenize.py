# corpus: text: hand-written tokenizer producing (kind, text) tuples, char classification
SOURCE = 'let total = price * 3 + tax_rate;  print("sum: " + total) // done'
KEYWORDS = ["let", "print", "if", "else"]


def tokenize(src: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif src.startswith("//", i):
            tokens.append(("comment", src[i:].strip()))
            i = n
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("number", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("keyword" if word in KEYWORDS else "ident", word))
            i = j
        elif c == '"':
            j = src.index('"', i + 1)
            tokens.append(("string", src[i + 1:j]))
            i = j + 1
        else:
            tokens.append(("op", c))
            i += 1
    return tokens


def main() -> None:
    toks = tokenize(SOURCE)
    for kind, text in toks:
        print(f"{kind:<8} {text!r}")
    kinds: dict[str, int] = {}
    for kind, _ in toks:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(kinds)
    print(tokenize("x1=42"))


if __name__ == "__main__":
    main()
