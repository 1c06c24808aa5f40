# Ints where a float is annotated, used where int and float agree: int(), round(), math.floor,
# truth tests, negation, a module variable read in a function, a default, a local annotation.
import math

RATE: float = 3
LIMIT: float = 100


def f(x: float) -> int:
    return int(x) + round(x) + math.floor(x) + math.ceil(x)


def g(x: float) -> float:
    return -x * 2.5 if x else 0.5


def fee(amount: float, pct: float = 2) -> float:
    cost = amount * 1.0 * pct / 100
    if cost > LIMIT:
        return LIMIT * 1.0
    return cost


def main() -> None:
    print(f(7), f(-3), f(2.5))
    print(g(0), g(4), g(-1.5))
    print(RATE / 4, fee(250), fee(1000000), fee(80, 3.5))
    level: float = 12
    steps = 0
    while level > 1:
        level = level / 2
        steps += 1
    print(f"{level:.3f}", steps)


main()
