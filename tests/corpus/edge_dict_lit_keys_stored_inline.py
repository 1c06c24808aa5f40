# corpus: dicts whose keys come from str literals (stored inline when short) looked up by literals and by text made at run time: lengths 0-23, non-ASCII, KeyError, del and re-add, a dict per record


def main() -> None:
    d: dict[str, int] = {"": 0, "a": 1, "abcdefg": 7, "abcdefgh": 8, "abcdefghi": 9,
                         "abcdefghijklmn": 14, "abcdefghijklmno": 15, "abcdefghijklmnop": 16,
                         "abcdefghijklmnopq": 17, "abcdefghijklmnopqrstuvw": 23, "é": 2, "日本語": 9}
    print(d)
    # by literal
    print(d[""], d["a"], d["abcdefg"], d["abcdefgh"], d["abcdefghi"], d["abcdefghijklmn"],
          d["abcdefghijklmno"], d["abcdefghijklmnop"], d["abcdefghijklmnopq"], d["é"], d["日本語"])
    # by text made at run time
    total = 0
    for n in range(25):
        k = "abcdefghijklmnopqrstuvwxyz"[:n]
        if k in d:
            total += d[k] * 100 + n
    print(total, "".join(["e", "\u0301"]) in d, "e\u0301" == "é", chr(233) in d)
    d["abcdefgh"] += 5
    d["new"] = 3
    d["new"] += 1
    del d["a"]
    d["a"] = 11
    print(d, len(d))
    try:
        print(d["abcdefghij"])
    except KeyError as e:
        print("KeyError", e)
    try:
        print(d["日本"])
    except KeyError as e:
        print("KeyError", e)
    # a dict per record, keys from literals and from split text
    out: list[str] = []
    for line in ["id=1;name=ann;score=7", "id=2;name=bo;score=9;extra=x", "id=3;score=1;name=é"]:
        rec: dict[str, str] = {"kind": "row"}
        for field in line.split(";"):
            k, v = field.split("=")
            rec[k] = v
        rec["seen"] = "y"
        out.append(rec["name"] + ":" + rec["score"] + ":" + rec.get("extra", "-") + ":" + rec["kind"])
        print(rec)
    print(out)
    counts: dict[str, int] = {}
    for w in "the cat the hat a cat the end".split():
        counts[w] = counts.get(w, 0) + 1
    counts["the"] += 10
    print(counts, counts["cat"], "hat" in counts, "dog" in counts)


if __name__ == "__main__":
    main()
