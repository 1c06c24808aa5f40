# corpus: edge: a strip() chained into another str method reads the stripped part in place (rt::str_strip_view)
TEXTS = [
    "",
    "   ",
    "a",
    " a ",
    "no-blanks-at-all,but,commas",
    "  alice smith ,  paris, 130.29 ;ok  ",
    "\t a much longer piece of text than fits inline , and another long piece of text here \n",
    "\u3000 straße , ǆemal ǆ , ΣΑΣ σας \u2003",
    "  first line of a text\nsecond line is longer than fourteen\r\n third  \n",
    "xyxy__middle part, longer than fourteen bytes__yxyx",
]


def main() -> None:
    for t in TEXTS:
        print("split", repr(t.strip().split(",")))
        print("lsplit", repr(t.lstrip().split()))
        print("rsplit", repr(t.rstrip().rsplit(" ", 1)))
        print("lines", repr(t.strip().splitlines()))
        print("fields", repr([f.strip() for f in t.strip().split(",")]))
        print("upper", repr(t.strip().upper()))
        print("lower", repr(t.rstrip().lower()))
        print("title", repr(t.lstrip().title()))
        print("replace", repr(t.strip().replace(";ok", "")))
        print("nohit", repr(t.strip().replace("@@", "!")))
        print("chars", repr(t.strip("xy_ ").upper()))
        print("lchars", repr(t.lstrip("xy").rstrip("yx")))
        print("find", repr(t.strip().find("a")))
        print("count", repr(t.strip().count(" ")))
        print("starts", repr(t.strip().startswith(("a", "n", "x"))))
        print("ends", repr(t.rstrip().endswith("ok")))
        print("eq", repr(t.strip() == "a"))
        print("len", repr(len(t.strip())))
        print("slice", repr(t.strip()[2:20]))
        print("part", repr(t.strip().partition(",")))
        print("center", repr(t.strip().center(30, "*")))
        print("join", repr("|".join(t.strip().split(" "))))
        n = 0
        for piece in t.strip().split(","):
            n += len(piece)
        for ln in t.strip().splitlines():
            n += len(ln)
        print("n", repr(n))
        print("f", repr(f"<{t.strip()}>{t.lstrip()[:3]}"))
        print("idx", repr(t.strip().index(t.strip()[:1]) if t.strip() else -1))
    try:
        print("  abc  ".strip().index("z"))
    except ValueError as e:
        print("ValueError", e)
    s = "  q  "
    print(s.strip().split("") if len(s) > 99 else "skip")
    print("  ,  ".strip().split(",")[5])


if __name__ == "__main__":
    main()
