# corpus: edge: str(int) of up to 8 digits made in digit lanes: every length, powers of ten, inner zeros, signs, dict keys, zfill


def texts_of(v: int) -> list[str]:
    return [str(v), f"{v}", "<" + str(v) + ">", str(v).zfill(6), "SKU-" + str(v).zfill(6)]


def main() -> None:
    vals: list[int] = [0, 1, 9, 10, 11, 99, 100, 101, 909, 1000, 1001, 9999, 10000, 10001, 10203,
                       99999, 100000, 100001, 102030, 999999, 1000000, 1000001, 9000009,
                       9999999, 10000000, 10000001, 10203040, 90000009, 99999999, 100000000,
                       100000001, 123456789, 2147483647, 4294967296]
    for v in vals + [-v for v in vals]:
        t = texts_of(v)
        print(v, t, len(t[0]), int(t[0]) == v)
    print(",".join([str(v) for v in vals]))
    print(" ".join(str(-v) for v in vals[:12]))
    # keys made from digits, looked up with keys made otherwise
    d: dict[str, int] = {}
    x = 7
    for i in range(3000):
        x = (x * 1103515245 + 12345) % 2147483648
        k = str(x % 100000000 - 50000000)
        d[k] = d.get(k, 0) + 1
    hits = 0
    for k in list(d.keys())[:50]:
        if k in d and ("" + k) in d and int(k) == int(str(int(k))):
            hits += 1
    print(len(d), hits, sum(len(k) for k in d))
    s = set(str(i * 37) for i in range(0, 30000, 13))
    print(len(s), "0" in s, "37" in s, str(13 * 37 * 2) in s, "481" in s, "0481" in s)
    total = 0
    for i in range(-2000, 2000, 7):
        total += len(str(i * 4999)) + len(str(i).zfill(5))
    print(total)


if __name__ == "__main__":
    main()
