# corpus: text: str.title/capitalize/upper edge cases and a hand-written smart title-caser
SMALL = ["a", "an", "the", "of", "in", "on", "and", "or", "to"]


def smart_title(s: str) -> str:
    words = s.lower().split()
    out: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and i < len(words) - 1 and w in SMALL:
            out.append(w)
        else:
            out.append(w[0].upper() + w[1:])
    return " ".join(out)


def main() -> None:
    samples = [
        "the lord of the rings",
        "they're bill's friends from the UK",
        "hello   world",
        "a tale of two cities",
        "2nd place in the race",
        "o'neil and mcdonald",
    ]
    for s in samples:
        print(f"input     : {s}")
        print(f"  title   : {s.title()}")
        print(f"  capital : {s.capitalize()}")
        print(f"  smart   : {smart_title(s)}")
        print(f"  swap-ish: {s.upper()} / {s.lower()}")
    print("is title:", "Hello World" == "Hello World".title())
    print("isupper:", "ABC1".isupper(), "abc".islower(), "Abc".isupper())


if __name__ == "__main__":
    main()
