# corpus: str: one-character tests (s[i].isdigit(), c.isalpha(), ...) on ASCII and Unicode characters
def classify(c: str) -> str:
    flags = ""
    flags += "d" if c.isdigit() else "-"
    flags += "D" if c.isdecimal() else "-"
    flags += "n" if c.isnumeric() else "-"
    flags += "a" if c.isalpha() else "-"
    flags += "A" if c.isalnum() else "-"
    flags += "s" if c.isspace() else "-"
    flags += "u" if c.isupper() else "-"
    flags += "l" if c.islower() else "-"
    return flags


def at(t: str, i: int) -> str:
    return ("d" if t[i].isdigit() else "-") + ("D" if t[i].isdecimal() else "-") + (
        "n" if t[i].isnumeric() else "-") + ("a" if t[i].isalpha() else "-") + (
        "A" if t[i].isalnum() else "-") + ("s" if t[i].isspace() else "-") + (
        "u" if t[i].isupper() else "-") + ("l" if t[i].islower() else "-")


def scan(text: str) -> list[str]:
    out: list[str] = []
    for i in range(len(text)):
        flags = classify(text[i])
        assert flags == at(text, i)
        out.append(f"{ord(text[i]):x}:{flags}")
    return out


def words(src: str) -> list[str]:
    found: list[str] = []
    i = 0
    n = len(src)
    while i < n:
        if src[i].isalpha() or src[i] == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            found.append(src[i:j])
            i = j
        elif src[i].isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            found.append("#" + src[i:j])
            i = j
        else:
            i += 1
    return found


sample = "aZ09 _\t\n\x0b\x0c\r\x1c\x1f\x7f!~" + "é²½٣Ⅷ一ǅß\x85\xa0\u2028\u3000Σσ𝟎\u0301"
for line in scan(sample):
    print(line)
print(words("x1 = α2 + 42 * y_3 - ²7 / ٣٤ Ⅷ ǅx"))
print(sum(1 for ch in sample if ch.isspace()), sum(1 for ch in sample if ch.isdigit()))
for k in range(-3, 0):
    print(sample[k].isalpha(), sample[k].isnumeric())
try:
    print(sample[100].isdigit())
except IndexError as e:
    print("IndexError", e)
