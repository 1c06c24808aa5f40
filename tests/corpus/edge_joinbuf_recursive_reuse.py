# corpus: edge: joined-only lists in recursion (buffers in use at every depth), joined twice, rebound, a raising item then reuse
def nested(n: int) -> str:
    xs: list[str] = []
    if n > 0:
        xs.append(nested(n - 1))
        xs.append(str(n))
        xs.append(nested(n - 2))
    else:
        xs.append("z")
    return "/".join(xs)


def twice(k: int) -> str:
    xs: list[str] = []
    xs.append("a")
    first = "→".join(xs)
    for i in range(k):
        xs.append(f"{i}é")
    second = "→".join(xs)
    xs.append("")
    return first + "|" + second + "|" + "→".join(xs) + "|" + str(len(xs))


def risky(d: dict[str, int], keys: list[str]) -> str:
    parts: list[str] = []
    for k in keys:
        parts.append(k + "=" + str(d[k]))
    return ", ".join(parts)


def rebind(n: int) -> str:
    out = ""
    ys: list[str] = []
    for i in range(n):
        ys.append(str(i))
        if i % 3 == 2:
            out += "<" + "".join(ys) + ">"
            ys = []
    return out + "".join(ys) + str(len(ys))


def main() -> None:
    print(nested(5))
    print(twice(0), twice(3))
    d = {"a": 1, "b": 22}
    print(risky(d, ["a", "b"]))
    try:
        print(risky(d, ["a", "zz", "b"]))
    except KeyError as e:
        print("KeyError", e)
    print(risky(d, ["b", "a", "b"]))
    print(risky(d, []))
    print(rebind(8))
    print(rebind(0))


if __name__ == "__main__":
    main()
