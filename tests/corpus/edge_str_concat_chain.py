# corpus: edge: chains of three or more str + (one concatenation, operands evaluated left to right) keep CPython's results
def show(n: int) -> str:
    if n <= 0:
        return str(n)
    return "(" + show(n - 1) + " " + "+-*"[n % 3] + " " + show(n - 2) + ")"


def noisy(tag: str) -> str:
    print("eval", tag)
    return tag * 2


def main() -> None:
    print(noisy("a") + "|" + noisy("b") + noisy("c"))
    a, b = "engineering", "vienna"
    key = a + "/" + b
    print(key, len(key), show(5))
    s = "x"
    s = s + s + s
    c = "é"
    for ch in "ab":
        print(ch + c + ch, c + "-" + c + "-" + str(len(s)))
    parts = [a, b]
    print(parts[0] + ":" + parts[1] + ":" + f"{len(a)}" + "")
    t = ""
    for i in range(3):
        t = t + str(i) + ","
    print(t, "" + "" + "")
    try:
        print("a" + b + parts[5])
    except IndexError as e:
        print("IndexError", e)


main()
