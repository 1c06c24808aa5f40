# any/all/next over a generator expression with several `for` clauses stop at the first item that
# decides them, out of every loop (the inner `for` alone was left until 2026-12-05: the outer
# one went on, ran more conditions and, for next(), kept a later item)
def seen(tag: str, v: int) -> int:
    print("seen", tag, v)
    return v


rows = [[1, 2], [3, 4], [5, 6]]
print(any(seen("any", x) > 2 for row in rows for x in row))
print(all(seen("all", x) < 3 for row in rows for x in row))
print(next((x for row in rows for x in row if seen("next", x) % 2 == 0), None))
print(next((a * b for a in range(1, 4) for b in range(a, 4) if a * b > 3), -1))
print(any(x == y for x in "abc" for y in "zcx"))
