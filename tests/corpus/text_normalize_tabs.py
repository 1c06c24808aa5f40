"""Cleaning text the way everyday scripts do: casefold() to compare words case-insensitively
(ß, ﬁ, final sigma), expandtabs() on tab-separated lines, removeprefix()/removesuffix() on
names, isascii()/isprintable() to flag odd input, and ascii() / !a to show it safely."""


def clean_name(name: str) -> str:
    name = name.strip().removeprefix("Dr. ").removeprefix("Mr. ").removesuffix(" Jr.")
    return name.casefold()


def flag(text: str) -> str:
    if not text.isprintable():
        return "unprintable"
    if not text.isascii():
        return "non-ascii"
    return "plain"


people = ["Dr. Straße", "Mr. STRASSE", "ﬁona Jr.", "FIONA", "Ὀδυσσεύς", "ὈΔΥΣΣΕΎΣ", "Dr. ", "İlker"]
groups: dict[str, list[str]] = {}
for p in people:
    groups.setdefault(clean_name(p), []).append(p)
for key, names in groups.items():
    print(f"{key!a:>24} <- {ascii(names)}")

table = "name\tqty\tprice\napple\t3\t0.5\nkiwi fruit\t12\t1.25\n\tno name\t0"
for width in (8, 4, 1, 0, -3):
    print(f"--- tabsize={width}")
    for row in table.expandtabs(width).splitlines():
        print(repr(row))
print(repr("a\tb\r\tc\n\td".expandtabs()), repr("\t".expandtabs(tabsize=2)))

for s in ["hello", "héllo", "tab\there", "zero\u200bwidth", "bell\x07", "", "日本", "nbsp\xa0"]:
    print(f"{flag(s):12} {s.isascii()!s:5} {s.isprintable()!s:5} {ascii(s)} {'{0!a:^14}'.format(s)}|")
try:
    print("x\ty".expandtabs(2 ** 31))
except OverflowError as e:
    print("OverflowError:", e)
