# corpus: edge: sets of ints and tuples print, iterate and pop in CPython's order (its hash
# table: collisions, -1/-2, wrapped hashes, displays of constants, set(dict), * parts)
def part1() -> None:
    a = {1, 2, 100, 33, -5, 8, 16, 1024, 7}
    print(a)
    b = set(range(20, 0, -3))
    b.discard(5)
    b.add(64)
    b.add(-1)
    print(b, sorted(b))
    c = {x * 37 % 101 for x in range(40)}
    print(c)
    c = c - {1, 2, 3, 4}
    print(c, len(c))
    d = {2**40, 2**33 + 1, -2**35, 0}
    print(d)
    f = {(1, 2), (3, 4), (0, 0)}
    print(f)
    g = {True, 2, 3}
    print(g, {0, False}, {1, 1.0})
    h = set()
    for i in range(100):
        h.add(i * 7919 % 1000)
        if i % 3 == 0:
            h.discard(i)
    print(list(h)[:20])


part1()


def part2() -> None:
    a = {40, 8, 16, 1, 33}
    b = set([100, 64, 8, -1, -2])
    print({*a, *b}, {*b, *a})
    xs = [24, 16, 8, 0, 99]
    print({*xs}, {*xs, *a}, {*range(20, 0, -3), 5})
    d = {"k": {32, 0, 64}, "j": set(range(10, 0, -1))}
    print(d, [sorted(v) for v in d.values()], list(d["k"]))
    e = {x: x for x in [64, 32, 0, 8]}
    print(set(e), set(e.keys()), set(e.values()), set(e.items()))
    t = (3, 1, 2)
    print(set(t), {v for v in t}, {-1, -2, 2, 1}, {2 ** 61 - 1, 0, 2 ** 61, 1})


part2()


d = {k: 1 for k in [0, 8, 16, 24, 32]}
print(set(d), set(d.keys()), {*d}, {*d.keys()})

xs = [3, 1, 2, 3]
s = set(xs)
print(s)
for v in s:
    print(v)
print(list(s), {5, 4})


def part3() -> None:
    seen: set[int] = set()
    order: list[int] = []
    for v in [10, 3, 10, 7, 3, 1, 99, 64, 0]:
        if v not in seen:
            seen.add(v)
            order.append(v)
    print(order, seen, list(seen) == sorted(seen))
    pairs = {(i % 3, i // 3) for i in range(9)}
    print(pairs, pairs.pop(), pairs.pop(), len(pairs))
    big = set(range(1000, 0, -7))
    while len(big) > 140:
        big.pop()
    print(len(big), list(big)[:10])
    for x in {5, 13, 21, 29}:
        print(x, end=" ")
    print()


part3()
