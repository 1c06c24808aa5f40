# corpus: text: Vigenere cipher with key cycling via index %, preserves non-letters
ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def vigenere(text: str, key: str, direction: int) -> str:
    out: list[str] = []
    ki = 0
    for ch in text:
        up = ch.upper()
        if up in ALPHA:
            shift = ALPHA.index(key[ki % len(key)].upper()) * direction
            enc = ALPHA[(ALPHA.index(up) + shift) % 26]
            out.append(enc if ch.isupper() else enc.lower())
            ki += 1
        else:
            out.append(ch)
    return "".join(out)


def main() -> None:
    cases = [
        ("ATTACK AT DAWN", "LEMON"),
        ("Hello, World!", "key"),
        ("The quick brown fox.", "Z"),
        ("nothing to see", "A"),
        ("1234 !?", "abc"),
    ]
    for plain, key in cases:
        enc = vigenere(plain, key, 1)
        dec = vigenere(enc, key, -1)
        print(f"{plain!r:<24} key={key!r:<8} enc={enc!r:<24} ok={dec == plain}")
    print(ALPHA.find("Q"), ALPHA.find("?"), ALPHA.count("A"))


if __name__ == "__main__":
    main()
