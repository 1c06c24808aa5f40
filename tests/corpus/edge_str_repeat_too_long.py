"""A str repeated past PY_SSIZE_T_MAX code points is `OverflowError: repeated string is too
long` in CPython (64-bit), a smaller absurd size MemoryError. Found by the hunt of 2026-12-04:
Portalis raised MemoryError for both, and the uncaught form printed a bare `MemoryError`."""
big = 2 ** 62
for s in ["ab", "é", "", "abc"]:
    for n in [big, 2 ** 61, 2 ** 63 - 1, 3, -2]:
        try:
            r = s * n
            print(len(r))
        except OverflowError as e:
            print("OverflowError", e)
        except Exception as e:
            print(type(e).__name__, e)
        try:
            r = n * s
            print(len(r))
        except OverflowError as e:
            print("OverflowError", e)
        except Exception as e:
            print(type(e).__name__, e)
k = 2 ** 62
print("ab" * k)
