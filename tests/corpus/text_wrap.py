# corpus: text: greedy word wrap, justification with padding distribution, module-level code
TEXT = ("Portalis translates a statically typed subset of Python into Rust, "
        "which is then compiled to WebAssembly. The output of every program "
        "must match CPython byte for byte, including float formatting.")


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def justify(line: str, width: int) -> str:
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    q, r = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (q + (1 if i < r else 0))
    return out + words[-1]


for width in [30, 45]:
    print(f"--- width {width} ---")
    wrapped = wrap(TEXT, width)
    for ln in wrapped[:-1]:
        print("|" + justify(ln, width) + "|")
    print("|" + wrapped[-1].ljust(width) + "|")
print(wrap("", 10), wrap("supercalifragilistic word", 5))
