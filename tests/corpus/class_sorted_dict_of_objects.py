# sorted()/max()/list() of a dict whose values are objects: only the keys are compared
class It:
    def __init__(self, n: int):
        self.n = n
d = {"b": It(1), "a": It(2)}
print(sorted(d))
for k in sorted(d):
    print(k, d[k].n)
print(list(d), max(d), min(d), sorted(d, reverse=True))
