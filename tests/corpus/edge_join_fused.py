# corpus: edge: sep.join of a list display and of a list slice (joined without building the list):
# steps, negative and empty slices, a zero step, empty and non-ASCII items
def main() -> None:
    words = "alpha beta gamma delta epsilon zeta eta theta".split()
    for i in range(len(words) - 2):
        print(" ".join(words[i:i + 3]), "|".join(words[i::2]), "".join(words[-1:i:-3]), ",".join(words[5:2]))
    a = "x"
    print(" | ".join([a.ljust(16), a, "lit", a.upper() * 3]), "-".join([]), "".join(["", ""]), "é".join(["ü", "ö"]))
    try:
        print(" ".join(words[::0]))
    except ValueError as e:
        print("ValueError:", e)


main()
