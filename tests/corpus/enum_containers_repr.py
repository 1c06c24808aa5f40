"""Members inside containers print by repr; str() and f-strings print the member's str."""
from enum import Enum, IntEnum


class Suit(Enum):
    HEARTS = "H"
    SPADES = "S"
    CLUBS = "C"
    DIAMONDS = "D"


class Rank(IntEnum):
    JACK = 11
    QUEEN = 12
    KING = 13
    ACE = 14


def deal(n: int) -> list[tuple[Rank, Suit]]:
    ranks = list(Rank)
    suits = list(Suit)
    hand: list[tuple[Rank, Suit]] = []
    for i in range(n):
        hand.append((ranks[(i * 3) % len(ranks)], suits[(i * 7) % len(suits)]))
    return hand


def main() -> None:
    hand = deal(5)
    print(hand)
    print(hand[0], str(hand[0][1]), f"{hand[0][0]} of {hand[0][1]}")
    by_suit: dict[Suit, list[Rank]] = {}
    for r, s in hand:
        by_suit.setdefault(s, []).append(r)
    print(by_suit)
    print(sorted(hand, key=lambda c: (c[0], c[1].value)))
    pips = sum(r for r, _ in hand)
    print("pips:", pips, "best:", max(r for r, _ in hand))
    seen = set()
    for _, s in hand:
        seen.add(s)
    print(len(seen), Suit.HEARTS in seen, Suit.CLUBS not in seen)
    print(Suit.SPADES in Suit, [s for s in Suit if s.value > "C"])
    names = ", ".join(f"{s.name.title()}({s.value})" for s in Suit)
    print(names)
    empty: list[Suit] = []
    print(empty, [Suit.HEARTS] * 2, (Rank.ACE,))


main()
