# Bodies on the line of their header (one-line suites): every compound statement, in
# functions, methods and at module level, with several statements after `;`.
def double(n: int) -> int: return n * 2


def sign(n: int) -> str:
    if n < 0: return "negative"
    elif n == 0: return "zero"
    else: return "positive"


def total(xs: list[int]) -> int:
    t = 0
    for x in xs: t += x; t -= 0
    return t


def countdown(n: int) -> list[int]:
    out: list[int] = []
    while n > 0: out.append(n); n -= 1
    return out


def safe_div(a: int, b: int) -> int:
    r = 0
    try: r = a // b
    except ZeroDivisionError: r = -1
    finally: print("divided", a, b)
    return r


class Counter:
    def __init__(self, start: int): self.n = start
    def bump(self) -> None: self.n += 1
    def get(self) -> int: return self.n


class Empty(Exception): pass


for i in range(3): print(double(i), sign(i - 1))
print(total([1, 2, 3]), countdown(3))
print(safe_div(7, 2), safe_div(1, 0))
c = Counter(5); c.bump(); c.bump()
print(c.get())
try: raise Empty("nothing")
except Empty as e: print("caught", e)
if c.get() > 6: print("big")
else: print("small")
x = 0
while x < 2: x += 1
print(x)
