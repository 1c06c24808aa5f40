# corpus: edge: split/rsplit/strip/find/count/replace corner cases, empty strings, maxsplit, negative-step slices
def main() -> None:
    print("a,,b,".split(","))
    print("  a  b \t c\n".split())
    print("".split(","), "".split(), "   ".split())
    print("a b c d".split(" ", 2), "a b c d".rsplit(" ", 2), "k=v=w".split("=", 1))
    print("a--b--c".split("--"), "abc".split("abc"))
    print("xxhixx".strip("x"), "..a.b..".lstrip("."), "..a.b..".rstrip("."), "  pad  ".strip())
    print("banana".find("an"), "banana".find("an", 2), "banana".find("x"), "banana".find(""))
    print("banana".count("a"), "banana".count("an"), "aaaa".count("aa"), "abc".count(""))
    print("banana".replace("a", "o"), "banana".replace("an", ""), "aaa".replace("a", "aa"))
    print("banana".index("n"), "banana".rsplit("a", 1), "banana".rsplit("a"))
    s = "0123456789"
    print(s[::2], s[1::3], s[::-2], s[8:2:-2], s[-3:], s[:-7], s[5:100], s[100:], s[-100:2])
    print("ab" * 3, "ab" * 0, "-" * 10)
    print("Hello".startswith("He"), "Hello".endswith("lo"), "Hello".startswith("lo", 3))
    print("line1\nline2\r\nline3\n".splitlines(), "no newline".splitlines(), "".splitlines())
    print("a\tb".split("\t"), "x".join(["1", "2", "3"]), ", ".join([]))
    print("key: value: more".partition(": "), "nothing".partition(":"))
    print("  mixed Case  ".strip().lower(), "  mixed Case  ".strip().upper())
    print("42".zfill(5), "-42".zfill(5), "abc".zfill(2), "7".rjust(3, "0"), "7".ljust(3, "_"))


if __name__ == "__main__":
    main()
