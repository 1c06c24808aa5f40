"""len() and the truth test of an object check what its __len__ returns, as CPython does:
`ValueError: __len__() should return >= 0` below 0 (checked first), `OverflowError: cannot fit
'int' into an index-sized integer` past 64 bits. Found by the hunt of 2026-12-04: len() gave -1
and `if x:` was true."""
class L:
    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n


for n in [0, 3, -1, 2 ** 63 - 1]:
    x = L(n)
    try:
        print(n, len(x))
    except (ValueError, OverflowError) as e:
        print(n, type(e).__name__, e)
    try:
        print(n, bool(x))
    except (ValueError, OverflowError) as e:
        print(n, type(e).__name__, e)
    try:
        print(n, "yes" if x else "no", not x)
    except (ValueError, OverflowError) as e:
        print(n, type(e).__name__, e)
    try:
        while x:
            print("loop")
            break
    except (ValueError, OverflowError) as e:
        print(n, type(e).__name__, e)
big = L(2 ** 70)
try:
    print(len(big))
except OverflowError as e:
    print(e)
try:
    print(bool(L(-(2 ** 70))))
except ValueError as e:
    print(e)
print(len(L(-5)))
