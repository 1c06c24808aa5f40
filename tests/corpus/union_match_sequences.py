def f(v: list[int] | int | str) -> str:
    match v:
        case [a, b]:
            return f"pair {a} {b}"
        case [*xs]:
            return f"list of {len(xs)}"
        case int(n):
            return f"int {n}"
        case s:
            return f"str {s}"


def g(cfg: dict[str, dict[str, int] | int]) -> str:
    out = []
    for key in sorted(cfg):
        match cfg[key]:
            case {"port": p, **rest}:
                out.append(f"{key}: port {p} +{len(rest)}")
            case {}:
                out.append(f"{key}: a dict")
            case n:
                out.append(f"{key}: {n}")
    return "; ".join(out)


def h(rows: list[list[int] | None]) -> int:
    total = 0
    for r in rows:
        match r:
            case [x, *_]:
                total += x
            case None:
                total -= 1
            case []:
                total += 100
    return total


def main() -> None:
    print(f([1, 2]), f([1, 2, 3]), f(7), f("s"))
    print(g({"web": {"port": 80, "tls": 1}, "db": {"host": 1}, "n": 4}))
    print(h([[5, 6], None, [], [1]]))


if __name__ == "__main__":
    main()
