# String literals with characters rustc refuses in literals (bidirectional controls) or that are
# not printable: zero-width joiners, soft hyphen, BOM, line/paragraph separators, private use.
RLO = "abc\u202edef"
LRI = "x\u2066y\u2069z"
SPECIAL = ["\u200b", "\u200d", "\u00ad", "\ufeff", "\u2028", "\u2029", "\ue000", "\u0085", "\x7f", "\u061c", "\u202a", "\u202c"]

def describe(s: str) -> str:
    return f"{len(s)}:{s!r}:{[ord(c) for c in s]}"

print(describe(RLO), describe(LRI))
for s in SPECIAL:
    print(describe(s), repr(s + "|"))
joined = "\u202d".join(["a", "b", "c"])
print(repr(joined), joined.split("\u202d"))
counts = {"\u2066key\u2069": 1, "plain": 2}
print(counts, counts["\u2066key\u2069"])
print(repr(f"[\u202e{RLO}\u202c]"))
