# corpus: edge: f-strings in loops, nested f-strings and f-strings in format specs (one reused buffer) keep CPython's results
def tag(i: int) -> str:
    return f"<{i}:{f'{i * 2:>{i % 5 + 1}}'}>"


def main() -> None:
    out: list[str] = []
    for i in range(40):
        s = f"item {i:03d} {tag(i)} " + ("x" * (i * 7))
        out.append(f"{s}|{len(s)}|{f'{tag(i + 1)}{tag(i + 2)}'}")
    print(out[0])
    print(out[39][-60:], sum(len(x) for x in out))
    big = f"{'y' * 5000}{tag(3)}"
    print(len(big), f"{len(big)}-{tag(4)}", big[-12:])
    short = [f"{i}" for i in range(12)]
    print(short, "".join(f"{c}{c}" for c in "héllo"))
    w = 7
    print(f"{'é' * 3:>{w}}|{f'{w:{w}d}'}|")


if __name__ == "__main__":
    main()
