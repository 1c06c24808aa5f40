# corpus: text: caesar cipher with ord/chr, negative shifts via %, brute-force decode; some helpers unannotated
def shift_char(ch, k):
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + k) % 26 + ord("A"))
    return ch


def caesar(text: str, k: int) -> str:
    return "".join(shift_char(c, k) for c in text)


def score(text):
    common = "etaoin shrdlu"
    return sum(1 for c in text.lower() if c in common)


def main() -> None:
    msg = "Hello, World! Attack at dawn."
    for k in [0, 1, 3, 13, 25, 26, -3, 52]:
        enc = caesar(msg, k)
        print(f"k={k:>3}: {enc}")
    secret = caesar("The quick brown fox jumps over the lazy dog", 7)
    print("secret:", secret)
    best_k = max(range(26), key=lambda k: score(caesar(secret, -k)))
    print("guessed key:", best_k)
    print("decoded:", caesar(secret, -best_k))
    print("rot13 twice:", caesar(caesar(msg, 13), 13) == msg)


if __name__ == "__main__":
    main()
