# corpus: text: Morse encode/decode with dict lookups, unannotated helpers, a global conversion counter
CODE = {
    "A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.",
    "H": "....", "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.",
    "O": "---", "P": ".--.", "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-",
    "V": "...-", "W": ".--", "X": "-..-", "Y": "-.--", "Z": "--..", "1": ".----", "2": "..---",
    "0": "-----",
}
REVERSE = {v: k for k, v in CODE.items()}
conversions = 0


def encode(text):
    global conversions
    conversions += 1
    words = []
    for word in text.upper().split():
        words.append(" ".join(CODE.get(ch, "?") for ch in word))
    return " / ".join(words)


def decode(morse):
    global conversions
    conversions += 1
    out = []
    for word in morse.split(" / "):
        out.append("".join(REVERSE.get(sym, "#") for sym in word.split()))
    return " ".join(out)


def main():
    for msg in ["SOS", "Hello World", "rust 2 wasm", "q&a"]:
        enc = encode(msg)
        print(f"{msg!r:<14} -> {enc}")
        print(f"{'':<14} <- {decode(enc)}")
    print(decode("- . ... - / ..--.. / .-"))
    longest = max(CODE, key=lambda k: (len(CODE[k]), k))
    print("longest code:", longest, CODE[longest])
    dots = sum(v.count(".") for v in CODE.values())
    print("dots:", dots, "dashes:", sum(v.count("-") for v in CODE.values()))
    print("conversions performed:", conversions)


if __name__ == "__main__":
    main()
