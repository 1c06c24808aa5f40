# corpus: parse: duration strings like '1h30m15s' to seconds and back, ValueError handling
UNITS: dict[str, int] = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(s: str) -> int:
    if not s:
        raise ValueError("empty duration")
    total = 0
    num = ""
    seen: list[str] = []
    for ch in s.strip().lower():
        if ch.isdigit():
            num += ch
        elif ch in UNITS:
            if not num:
                raise ValueError(f"unit {ch!r} without number in {s!r}")
            if ch in seen:
                raise ValueError(f"repeated unit {ch!r}")
            seen.append(ch)
            total += int(num) * UNITS[ch]
            num = ""
        else:
            raise ValueError(f"bad character {ch!r}")
    if num:
        raise ValueError(f"trailing number {num!r} without unit")
    return total


def format_duration(secs: int) -> str:
    parts: list[str] = []
    for unit, size in UNITS.items():
        q, secs = divmod(secs, size)
        if q:
            parts.append(f"{q}{unit}")
    return "".join(parts) or "0s"


def main() -> None:
    for s in ["1h30m", "90s", "2d3h4m5s", "45M", "0s", "100m", "3h", "1x", "h", "5m5m", "12", ""]:
        try:
            secs = parse_duration(s)
            print(f"{s!r:>12} = {secs:>7} s = {format_duration(secs):<10} = {secs / 3600:.3f} h")
        except ValueError as e:
            print(f"{s!r:>12} invalid: {e}")


if __name__ == "__main__":
    main()
