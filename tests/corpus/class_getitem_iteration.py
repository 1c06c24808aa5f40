# corpus: classes: the sequence protocol in for statements (__getitem__ from 0 until IndexError, with continue and for-else), __delitem__ (del obj[i], its IndexError)
class Deck:
    def __init__(self) -> None:
        self.cards: list[str] = []
        for s in "SH":
            for r in "A23":
                self.cards.append(r + s)

    def __len__(self) -> int:
        return len(self.cards)

    def __getitem__(self, i: int) -> str:
        return self.cards[i]

    def __delitem__(self, i: int) -> None:
        del self.cards[i]


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError("done")
        return i * i


d = Deck()
for c in d:
    if c == "2S":
        continue
    print(c, end=" ")
print(len(d))
del d[0]
del d[-1]
print(d[0], len(d))
for q in Squares():
    print(q)
else:
    print("end")
try:
    del d[10]
except IndexError as e:
    print("IndexError:", e)
