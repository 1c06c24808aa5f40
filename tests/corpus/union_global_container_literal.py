# A module variable holding a container of values of several types, filled by functions:
# `items: list[int | str] = []` was accepted and then failed to build (the empty literal kept
# no element type; found by the lead while checking a change to union inference).

items: list[int | str] = []
scores: dict[str, int | float] = {}
pair: tuple[int | str, int] = (1, 2)


def add(y):
    items.append(y)


def add_any(y: int | str) -> None:
    items.append(y)


def score(name: str, value: int | float) -> None:
    scores[name] = value


def show(v: int | str) -> None:
    print(repr(v))


def relay(x):
    show(x)


add(5)
add(6)
add_any("seven")
score("a", 1)
score("b", 2.5)
relay(3)
relay(4)
print(items, scores, pair, [type(v).__name__ for v in items])
