# expect: int-float-mix @ 10
class Samples:
    def __init__(self):
        self.values: list[float] = []
    def add(self, v: float) -> None:
        self.values.append(v)  # the int stays an int inside the list
s = Samples()
s.add(1.5)
print(s.values)
s.add(2)
print(s.values)
