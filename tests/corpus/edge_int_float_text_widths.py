# corpus: edge: ints and floats written into text (f-strings, print, joins, str()): digit counts 1-19, signs, the 8-digit boundaries, short float reprs
def ints() -> list[int]:
    out: list[int] = [0, -0, 1, -1, 9, -9, 10, -10]
    p = 1
    for k in range(19):
        out.extend([p - 1, p, p + 1, -(p - 1), -p, -(p + 1)])
        if k < 18:
            p *= 10
    out.extend([9223372036854775807, -9223372036854775807 - 1, 99999999, 100000000, -9999999, -10000000,
                -10000001, 12345678, -1234567, 87654321])
    return out


def floats() -> list[float]:
    return [0.0, -0.0, 0.5, -0.5, 19.99, -19.99, 1500.0, 0.1, 0.0001, 0.00012, 1e-05, 123456789.125,
            1125899906842623.0, 1125899906842624.0, 1e16, -2.5e-7, 59.99, -20.0, 1 / 3, 2 / 3, 0.30000000000000004,
            float("inf"), float("-inf"), float("nan")]


def main() -> None:
    xs = ints()
    for x in xs:
        s = f"<{x}>{x};{-x if x > -9223372036854775807 - 1 else 0}"
        print(s, str(x), len(str(x)), repr(x))
    print(", ".join([f"{x}" for x in xs[:30]]))
    print(xs[-10:])
    fs = floats()
    for f in fs:
        print(f"[{f}]", f, str(f), repr(f), f"{f}{f}")
    print(fs)
    parts: list[str] = []
    for i, x in enumerate(xs):
        parts.append(f"id={i};v={x};f={fs[i % len(fs)]}")
    text = "\n".join(parts)
    print(len(text), text[:120])
    total = 0
    for line in text.splitlines():
        total += int(line.split(";")[1][2:])
    print(total)


main()
