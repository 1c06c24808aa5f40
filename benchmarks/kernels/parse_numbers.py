# kernel: parse numbers from text: key=value records, int() and float() of fields


def make_text(n: int) -> str:
    lines: list[str] = []
    x = 99991
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        temp = (x % 8000 - 2000) / 100
        lines.append(f"id={i};temp={temp};count={x % 1000};label=s{x % 13}")
    return "\n".join(lines)


def main() -> None:
    text = make_text(1500000)
    temp_sum = 0.0
    count_sum = 0
    hottest = -1000.0
    labels: dict[str, int] = {}
    for line in text.splitlines():
        rec: dict[str, str] = {}
        for field in line.split(";"):
            k, v = field.split("=")
            rec[k] = v
        t = float(rec["temp"])
        temp_sum += t
        if t > hottest:
            hottest = t
        count_sum += int(rec["count"])
        labels[rec["label"]] = labels.get(rec["label"], 0) + 1
    print(f"mean temp {temp_sum / len(text.splitlines()):.3f} hottest {hottest} counts {count_sum}")
    print(sorted(labels.items())[:4])


if __name__ == "__main__":
    main()
