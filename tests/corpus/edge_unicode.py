# corpus: edge: unicode strings: len/index/slice by code point, upper/lower, ord/chr, emoji, alignment
def main() -> None:
    s = "héllo wörld"
    print(s, len(s))
    print(s[1], s[7], s[-1], s[1:4], s[::-1])
    print(s.upper(), s.title(), s.capitalize())
    print(s.find("ö"), s.index("w"), s.count("l"), "ö" in s)
    print([ord(c) for c in "é€ö"])
    print(chr(233), chr(8364), chr(128013), chr(65) + chr(97))
    snake = "py🐍thon"
    print(snake, len(snake), snake[2], snake[3:], snake.replace("🐍", "-"))
    print(f"[{'naïve':<8}] [{'café':>8}] [{'über':^8}]")
    print("ÆØÅ".lower(), "straße".upper(), "ǅ".lower())
    words = ["zebra", "Äpfel", "apple", "éclair", "Zoo"]
    print(sorted(words))
    print(sorted(words, key=lambda w: w.lower()))
    print("日本語".center(9, "*"), len("日本語"))
    print("é".isalpha(), "٣".isdigit(), "Ⅷ".isalpha(), " ".isspace(), "\u00a0".isspace())
    total = sum(ord(c) for c in s)
    print("code point sum:", total)
    print("".join(reversed("añb")), "a,ü,c".split(","))


if __name__ == "__main__":
    main()
