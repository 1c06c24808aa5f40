# int()/float() parsing: base 0 leading zeros, whitespace, Unicode digits; isclose tolerance check; chr range
import math


def try_int(s: str, base: int) -> None:
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print("ValueError", e)


def try_float(s: str) -> None:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print("ValueError", e)


def main() -> None:
    for s in ["017", "07", "0_7", "-017", "00", "0_0", "0x1f", " 12 ", "\x1c12", "12\x1f", "\u200312", "١٢", "１２"]:
        try_int(s, 0)
        try_int(s, 10)
        try_int(s, 8)
        try_int(s, 16)
    for s in ["\x1c1.5", " 1.5\t", "\u20031.5"]:
        try_float(s)
    r: float = -0.5
    try:
        print(math.isclose(1.0, 1.5, rel_tol=r))
    except ValueError as e:
        print("ValueError", e)
    print(math.isclose(1.0, 1.0000000001))
    for i in [65, 2 ** 40, -2 ** 40, -1]:
        try:
            print(chr(i))
        except ValueError as e:
            print("VE", e)
        except OverflowError as e:
            print("OE", e)


main()
