# corpus: edge: print(f"...") writes the f-string's text straight into the printed line: field order, errors, prints inside fields
import sys

log: list[str] = []


def noisy(tag: str, n: int) -> int:
    print(f"  noisy({tag}) runs")
    log.append(tag)
    return n * 2


def fails(n: int) -> int:
    if n > 2:
        raise ValueError(f"n={n} too big")
    return n


def main() -> None:
    name = "Zoë"
    wide = "日本語🐍"
    count = 7
    print(f"{name} has {count} items")
    print(f"")
    print(f"{''}{name}{''}")
    print(f"a{noisy('first', 1)}b{noisy('second', 2)}c", noisy("third", 3))
    print(f"[{count:05d}] [{count:>4}] [{-count:<4}] {wide!r} {3.5:.2f}", sep="|", end="<\n")
    print(f"{count}", f"{name}", sep=f"{'--'}")
    print(f"{wide}" * 2, len(log))
    for i in range(5):
        try:
            print(f"try {i}: {fails(i)} ok")
        except ValueError as e:
            print(f"caught {e}")
    xs = [1, 2, 3]
    print(f"{xs} {xs.pop()}", xs)
    print(f"{len(name):x} {name[1:]}{name[::-1]}", file=sys.stderr)
    big = 2 ** 62
    print(f"{big}{big}{big}", log)
    print(f"{fails(count)} never printed")


main()
