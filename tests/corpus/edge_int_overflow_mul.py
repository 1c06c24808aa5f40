# corpus: edge: arithmetic crossing the i64 boundary (add, mul, neg, abs, hashing without modulus)
MAX_I64 = 9223372036854775807
MIN_I64 = -9223372036854775808


def poly_hash(s: str) -> int:
    h = 0
    for ch in s:
        h = h * 131 + ord(ch)
    return h


def main() -> None:
    print("max:", MAX_I64, "min:", MIN_I64)
    print("max + 1 =", MAX_I64 + 1)
    print("min - 1 =", MIN_I64 - 1)
    print("-min =", -MIN_I64)
    print("abs(min) =", abs(MIN_I64))
    print("max * 2 =", MAX_I64 * 2)
    print("min // -1 =", MIN_I64 // -1)
    print("max * max =", MAX_I64 * MAX_I64)
    for word in ["a", "abc", "portalis", "webassembly!"]:
        h = poly_hash(word)
        print(f"hash({word!r}) = {h} mod 1e9+7 = {h % 1000000007}")
    x = 1
    steps = 0
    while x < 10 ** 25:
        x *= 1000
        steps += 1
    print("steps to exceed 1e25:", steps, x)
    print("back in range:", (MAX_I64 + 10) - 10 == MAX_I64)


if __name__ == "__main__":
    main()
