"""A common mistake: __lt__ written with <=, which is not a strict order. The result then
depends on which comparisons the sort makes; it must still be CPython's, as must the number
of calls."""


class Card:
    calls = 0

    def __init__(self, rank: int, suit: str) -> None:
        self.rank = rank
        self.suit = suit

    def __lt__(self, other: "Card") -> bool:
        Card.calls += 1
        return self.rank <= other.rank

    def __repr__(self) -> str:
        return f"{self.rank}{self.suit}"


def deal(n: int) -> list[Card]:
    cards: list[Card] = []
    seed = 7
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        cards.append(Card(seed % 6, "shdc"[i % 4]))
    return cards


for n in (5, 12, 40, 70, 150):
    hand = deal(n)
    Card.calls = 0
    ordered = sorted(hand)
    print(n, Card.calls, ordered[:12])
    Card.calls = 0
    hand.sort(reverse=True)
    print(n, Card.calls, hand[:12])
