# corpus: edge: repr() quoting rules for strings with quotes/escapes, inside lists/dicts/tuples and !r
def main() -> None:
    print(repr("it's"))
    print(repr('say "hi"'))
    print(repr("both ' and \""))
    print(repr("plain"))
    print(["a'b", 'x"y', "none"])
    print(repr("tab\there"), repr("new\nline"), repr("back\\slash"))
    print(repr("bell\x07"), repr("nul\x00"), repr("del\x7f"))
    print(repr("é ü 🐍"), repr("\u200b"))
    print({"key'1": "v\"1", "k2": "it's"})
    print(("single",), ("a", "b'c"))
    name = "O'Brien"
    print(f"{name!r} {name} {name!r:>12}|")
    print(str("it's"), "it's")
    print(repr(""), [""], repr(" "))
    print(repr("\r\n"), repr("a\\nb"))
    print([repr("x")], repr(repr("y")))


if __name__ == "__main__":
    main()
