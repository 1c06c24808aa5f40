def normalize(tags: str | None | list[str]) -> list[str]:
    if tags is None:
        return []
    if isinstance(tags, str):
        return [t.strip() for t in tags.split(",")]
    out: list[str] = []
    for t in tags:
        out.append(t.upper())
    return out


def show(v: str | None | list[str]) -> str:
    if v is None:
        return "-"
    return str(len(v)) + ":" + str(v)


print(normalize(None))
print(normalize("a, b,c"))
print(normalize(["x", "y"]))
print(show(None), show("abc"), show(["p", "q", "r"]))
