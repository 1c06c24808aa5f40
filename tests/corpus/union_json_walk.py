def leaves(v: object) -> int:
    if isinstance(v, dict):
        n = 0
        for k in v:
            n += leaves(v[k])
        return n
    if isinstance(v, list):
        return sum(leaves(x) for x in v)
    return 1


def numbers_total(v: object) -> int | float:
    if isinstance(v, bool):
        return 0
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, list):
        t: int | float = 0
        for x in v:
            t = t + numbers_total(x)
        return t
    if isinstance(v, dict):
        t2: int | float = 0
        for k in v:
            t2 = t2 + numbers_total(v[k])
        return t2
    return 0


def paths(v: object, prefix: str) -> list[str]:
    out: list[str] = []
    if isinstance(v, dict):
        for k in v:
            out.extend(paths(v[k], prefix + "/" + k))
    elif isinstance(v, list):
        for i in range(len(v)):
            out.extend(paths(v[i], prefix + "[" + str(i) + "]"))
    else:
        out.append(prefix + "=" + repr(v))
    return out


doc: dict[str, object] = {
    "id": 17,
    "price": 9.99,
    "tags": ["new", "sale"],
    "dims": {"w": 2, "h": 3.5, "unit": "cm"},
    "stock": [{"where": "A", "n": 4}, {"where": "B", "n": 0}],
    "active": True,
    "note": None,
}
print(leaves(doc))
print(numbers_total(doc))
for p in paths(doc, ""):
    print(p)
