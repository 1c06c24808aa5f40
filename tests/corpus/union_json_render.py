def render(v: object, depth: int) -> str:
    pad = "  " * depth
    if isinstance(v, dict):
        lines = []
        for k in v:
            lines.append(pad + k + ":")
            lines.append(render(v[k], depth + 1))
        return "\n".join(lines)
    if isinstance(v, list):
        return "\n".join(render(x, depth + 1) for x in v)
    if isinstance(v, bool):
        return pad + ("yes" if v else "no")
    if isinstance(v, (int, float)):
        return pad + f"{v:>8}"
    if v is None:
        return pad + "null"
    return pad + repr(v)

config: dict[str, object] = {
    "name": "svc",
    "port": 8080,
    "ratio": 0.25,
    "debug": False,
    "tags": ["a", "b", 3],
    "nested": {"x": 1, "y": [1.5, None]},
    "missing": None,
}
print(config)
print(render(config, 0))
config["port"] = 9090
config["extra"] = [1, 2]
print(len(config), config["port"], config["extra"])
print(type(config["ratio"]).__name__)
keys = {1: "a", 1.0: "b", True: "c"}
print(keys)
s = {1, 1.0, True, 2}
print(s)
vals = [3, 1.5, 2, -0.0, 10]
print(sorted(vals), min(vals), max(vals), sum(vals))
x: int | float = 2
x += 1
print(x, x / 2, x ** -1, x ** 2, x % 2.0)
x = x * 1.0
print(x)
big: int | float = 2
big = big ** 100
print(big)
print(str(x), repr(x), bool(x), int(x), float(big))
