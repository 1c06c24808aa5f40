# corpus: parse: semantic version parsing to tuples, tuple comparison sort, range checks
def parse_version(s: str) -> tuple[int, int, int, str]:
    core, _, pre = s.lstrip("v").partition("-")
    parts = core.split(".")
    if len(parts) != 3:
        raise ValueError(f"expected MAJOR.MINOR.PATCH, got {s!r}")
    nums: list[int] = []
    for p in parts:
        if not p.isdigit():
            raise ValueError(f"non-numeric component {p!r} in {s!r}")
        nums.append(int(p))
    return nums[0], nums[1], nums[2], pre


def sort_key(v: tuple[int, int, int, str]) -> tuple[int, int, int, int, str]:
    return v[0], v[1], v[2], 0 if v[3] else 1, v[3]


def fmt(v: tuple[int, int, int, str]) -> str:
    base = f"{v[0]}.{v[1]}.{v[2]}"
    return base + "-" + v[3] if v[3] else base


def main() -> None:
    raw = ["1.2.3", "v1.10.0", "1.2.10", "0.9.9", "1.2.3-beta", "1.2.3-alpha", "2.0.0", "1.2", "1.x.0", "10.0.0-rc1"]
    good: list[tuple[int, int, int, str]] = []
    for r in raw:
        try:
            good.append(parse_version(r))
        except ValueError as e:
            print("skip:", e)
    ordered = sorted(good, key=sort_key)
    print("ascending:", [fmt(v) for v in ordered])
    print("newest:", fmt(max(good, key=sort_key)))
    low, high = (1, 0, 0), (2, 0, 0)
    for v in ordered:
        inside = low <= (v[0], v[1], v[2]) < high
        print(f"{fmt(v):<12} in [1.0.0, 2.0.0): {inside}  tuple={v}")
    print((1, 3) > (1, 2), (1, 2) < (1, 2), ("a", 2) < ("b", 1), ("a", 2) < ("a", 10))


if __name__ == "__main__":
    main()
