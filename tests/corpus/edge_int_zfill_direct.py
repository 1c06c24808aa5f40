# corpus: edge: str(n).zfill(w) and f"{n:0w}"/f"{n:w}" of an int made from its digits: signs, widths -5..20, 8/9-digit and 64-bit values, call order


def width(w: int) -> int:
    print("width", w)
    return w


def value(v: int) -> int:
    print("value", v)
    return v


def main() -> None:
    vals = [0, 1, 7, -1, -7, 42, -42, 999, 1000, 12345, -12345, 250000, 9999999, -9999999,
            10000000, -10000000, 12345678, 99999999, 100000000, -99999999, 123456789012345,
            -123456789012345, 9223372036854775807, -9223372036854775807 - 1]
    widths = [-5, 0, 1, 2, 5, 6, 7, 8, 9, 13, 14, 15, 16, 20]
    for v in vals:
        row: list[str] = []
        for w in widths:
            z = str(v).zfill(w)
            assert z == str(v).rjust(w, "0") or v < 0
            assert len(z) == max(len(str(v)), w)
            row.append(z)
        print(v, row)
        print(f"[{v:02d}|{v:06d}|{v:6d}|{v:9d}|{v:014d}|{v:14d}|{v:015d}|{v:1d}|{v:08}]")
        padded: dict[str, int] = {f"K{v:06d}": 1, f"{v:9d}|": 2, f"<{v:014d}": 3, f"{v:2d}.": 4,
                                  f"{v:15d}": 5, f"{v:014}x": 6, f"{v:1d}_": 7}
        print(list(padded), f"K{v:06d}" == "K" + str(v).zfill(6), f"K{v:06d}" in padded)
    print(str(value(-5)).zfill(width(4)), str(True).zfill(6), str(False).zfill(2))
    keys: dict[str, int] = {}
    x = 5
    for i in range(3000):
        x = (x * 1103515245 + 12345) % 2147483648
        k = "SKU-" + str(x % 2500 - 1200).zfill(5)
        keys[k] = keys.get(k, 0) + 1
    print(len(keys), keys.get("SKU--0001", -1), keys.get("SKU-00007", -1), keys.get("SKU-0007", -1))
    print(sorted(keys)[:4], sorted(keys)[-3:])
    n = 3
    print(str(n * n - 20).zfill(n), str(-n).zfill(-n), str(n).zfill(n * 5))


if __name__ == "__main__":
    main()
