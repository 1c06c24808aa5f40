# corpus: edge: sep.join of comprehensions written item by item (separator and item in one push): int digit counts around 8/9, signs, separators of 0-17 bytes and non-ASCII, str items of lengths 0-17
def digits_row(sep: str, values: list[int]) -> str:
    return "<" + sep.join([str(v) for v in values]) + ">"


def words_row(sep: str, words: list[str]) -> str:
    return "(" + sep.join([w for w in words]) + ")"


def main() -> None:
    edges = [0, 9, 10, -1, -9, -10, 9999999, 10000000, -9999999, -10000000, 99999999, 100000000,
             -99999999, -100000000, 4294967295, 4294967296, -4294967296, 9223372036854775807,
             -9223372036854775807 - 1]
    seps = ["", ",", ", ", "é", " | ", "0123456789abcdef", "0123456789abcdefg", "\U0001f600"]
    for sep in seps:
        print(digits_row(sep, edges))
        print(digits_row(sep, []), digits_row(sep, [edges[11]]), digits_row(sep, edges[-2:]))
    words = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop",
             "abcdefghijklmnopq", "naïve", "日本語テキスト", "\U0001f600\U0001f601", ""]
    for sep in seps[:5]:
        print(words_row(sep, words), len(words_row(sep, words)))
    print("[" + "-".join([str(k * k - 50) for k in range(12) if k % 2]) + "]")
    print("{" + ", ".join([w.upper() for w in words if len(w) > 7]) + "}")
    text = "[" + ",\n".join([digits_row(", ", [i, -i, i * 12345678]) for i in range(4)]) + "]"
    print(text, len(text))


if __name__ == "__main__":
    main()
