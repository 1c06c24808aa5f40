# sorted()/min()/max() of a dict's items whose values are objects without __lt__: the keys of one
# dict differ, so CPython never compares two values
class It:
    def __init__(self, n: int):
        self.n = n


d = {"b": It(1), "a": It(2)}
for k, v in sorted(d.items()):
    print(k, v.n)
print([k for k, v in sorted(d.items(), reverse=True)])
print(min(d.items())[0], max(d.items())[0])
for num, it in sorted({3: It(5), 1: It(6)}.items(), reverse=True):
    print(num, it.n)
