# one-character locals are Rust chars: `for ch in s`, `c = s[i]`; compared with characters,
# `in` a literal, `ord()` and `.isdigit()` without making a str; `s[i].isalpha()` likewise;
# `a + "/" + b` is one rt::str_concat
def scan(s: str) -> int:
    n = 0
    for ch in s:
        if ch == "," or ch in "; ":
            n += 1
        elif ch.isdigit():
            n += ord(ch) - 48
    i = 0
    while i < len(s):
        c = s[i]
        if c != "x" and s[i].isalpha():
            n += 100
        i += 1
    return n


def key(a: str, b: str) -> str:
    return a + "/" + b + "/" + str(len(a))


print(scan("a1,b2;c3 x"), key("ab", "c"))
