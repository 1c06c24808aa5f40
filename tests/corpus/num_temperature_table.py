# corpus: num: float conversion table with ranges and rounding, module-level code, no annotations
def c_to_f(c):
    return c * 9 / 5 + 32


def f_to_c(f: float) -> float:
    return (f - 32.0) * 5.0 / 9.0


print(f"{'C':>6} {'F':>7} {'K':>8}")
for c in range(-40, 101, 20):
    f = c_to_f(c)
    print(f"{c:>6} {f:>7.1f} {c + 273.15:>8.2f}")
print()
readings = [98.6, 32.0, 212.0, -40.0, 0.0, 451.0]
converted = [round(f_to_c(r), 2) for r in readings]
for r, cv in zip(readings, converted):
    label = "freezing" if cv <= 0 else ("boiling" if cv >= 100 else "liquid")
    print(f"{r:>6.1f}F = {cv:>7.2f}C  {label}")
print("converted list:", converted)
avg = sum(converted) / len(converted)
print(f"average: {avg:.3f}C")
print("warmest:", max(converted), "coldest:", min(converted))
print("exact 37C:", c_to_f(37), "exact -40C:", c_to_f(-40))
