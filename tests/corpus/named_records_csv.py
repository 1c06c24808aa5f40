"""CSV-like records in collections.namedtuple (field types inferred from the values), grouped
in dicts keyed by named tuples."""
from collections import namedtuple

Sale = namedtuple("Sale", "region product units price")
Key = namedtuple("Key", ["region", "product"])

DATA = """north,apples,10,3
south,pears,4,5
north,pears,7,5
east,apples,3,3
north,apples,2,3
south,pears,6,4"""


def parse(text: str) -> list[Sale]:
    rows: list[Sale] = []
    for line in text.splitlines():
        region, product, units, price = line.split(",")
        rows.append(Sale(region, product, int(units), int(price)))
    return rows


def main() -> None:
    sales = parse(DATA)
    print(sales[0])
    totals: dict[Key, int] = {}
    for s in sales:
        k = Key(s.region, s.product)
        totals[k] = totals.get(k, 0) + s.units * s.price
    for k, v in sorted(totals.items()):
        print(f"{k.region:<6} {k.product:<7} {v:>4}")
    print(totals)
    best = max(totals, key=lambda k: totals[k])
    print("best:", best, best._asdict())
    region, product = best
    print(region.upper(), product[::-1], best[0] == region)
    print(Key("north", "apples") in totals, Key("west", "kiwis") in totals)
    big = [s for s in sales if s.units >= 6]
    print(big, len(big))
    print([s._replace(price=s.price + 1) for s in big])


main()
