# pow() with a negative exponent and a modulus (modular inverse), str.splitlines(keepends)
def main() -> None:
    for a, b, m in [(2, -1, 7), (3, -2, 11), (-3, -1, 7), (2, -1, -7), (4, -1, 8), (5, -3, 1), (10, -1, 13), (2, 5, -7), (0, -1, 5)]:
        try:
            print(a, b, m, pow(a, b, m))
        except ValueError as e:
            print("ValueError", e)
    text = "one\ntwo\r\nthree\rfour\x0bfive\n"
    print(text.splitlines(), text.splitlines(True), text.splitlines(keepends=False), "".splitlines(True))


main()
