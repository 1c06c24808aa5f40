"""Named tuple constants at module level, read by functions; a lookup table of them."""
from collections import namedtuple
from typing import NamedTuple


class Unit(NamedTuple):
    name: str
    factor: float


Rate = namedtuple("Rate", "src dst value")

METER = Unit("m", 1.0)
UNITS = [Unit("km", 1000.0), METER, Unit("cm", 0.01), Unit("mm", 0.001)]
RATES = [Rate("EUR", "USD", 1.08), Rate("USD", "JPY", 151.5), Rate("EUR", "GBP", 0.86)]


def convert(value: float, src: str, dst: str) -> float:
    f_src = 0.0
    f_dst = 0.0
    for u in UNITS:
        if u.name == src:
            f_src = u.factor
        if u.name == dst:
            f_dst = u.factor
    return value * f_src / f_dst


def rate(src: str, dst: str) -> float:
    for r in RATES:
        if (r.src, r.dst) == (src, dst):
            return r.value
        if (r.dst, r.src) == (src, dst):
            return round(1 / r.value, 4)
    raise KeyError((src, dst))


def main() -> None:
    print(METER, UNITS[0], len(UNITS))
    print(convert(2.5, "km", "m"), convert(30.0, "cm", "mm"), convert(1.0, "mm", "km"))
    print(rate("EUR", "USD"), rate("USD", "EUR"), rate("JPY", "USD"))
    print(sorted(RATES, key=lambda r: r.value))
    print(max(UNITS, key=lambda u: u.factor).name, [u.name for u in sorted(UNITS, key=lambda u: u.factor)])
    try:
        rate("GBP", "JPY")
    except KeyError as e:
        print("no rate:", e, e.args)


main()
