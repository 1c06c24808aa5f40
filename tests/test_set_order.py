"""Sets iterate, print and pop in CPython's order (pyrt/set.rs is CPython 3.11's set table):
a differential test with fixed seeds. Each generated program builds sets of ints and of tuples
of ints in the ways CPython lays out differently (displays of constants and of variables,
`set()` of lists, ranges, dicts, dict views and sets, comprehensions, `for` over a display) and
changes them (add, discard, remove, pop, clear, update, copy, the four operators and their
methods, displays with `*` parts), with values chosen to collide (multiples of table sizes, -1 and -2, which hash the
same, 2**61 - 1 and beyond, where the hash wraps); after each step it prints the set, its first
items and a checksum of its order. The whole stdout must be CPython's."""

from __future__ import annotations

import random

import pytest
from progen.runner import check


def _value(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return str(rng.randrange(-3, 40))
    if kind == 1:  # multiples of table sizes collide in the low bits
        return str(rng.choice([8, 16, 32, 64, 128, 256, 1024]) * rng.randrange(0, 12))
    if kind == 2:
        return rng.choice(["-1", "-2", "2305843009213693951", "2305843009213693952", "-2305843009213693953",
                           "4611686018427387904", "9223372036854775807", "-9223372036854775807"])
    if kind == 3:
        return str(rng.randrange(-10**6, 10**6))
    if kind == 4:
        return str(rng.randrange(0, 5000))
    return str(rng.randrange(-50, 50) * 37)


def _ints(rng: random.Random, n: int) -> str:
    return ", ".join(_value(rng) for _ in range(n))


def _list(rng: random.Random, n: int) -> str:
    return f"[{_ints(rng, n)}]" if n else "list(range(0))"


SHOW = "    show({})\n"


def _case(rng: random.Random, c: int) -> str:
    n = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 20, 40, 100, 700])
    out = [f"def case{c}() -> None:"]
    build = rng.randrange(9)
    if build == 0 and n:
        out.append(f"    s = {{{_ints(rng, min(n, 40))}}}")  # a display of constants
    elif build == 1 and n:
        out.append(f"    a = {_value(rng)}")
        out.append(f"    s = {{a, {_ints(rng, min(n, 30))}}}")  # not all constants: one add each
    elif build == 2:
        out.append(f"    s = set({_list(rng, n)})")
    elif build == 3:
        out.append(f"    s = set(range({rng.randrange(-20, 20)}, {rng.randrange(0, 3 * n + 2)}, {rng.choice([1, 3, 8, 16])}))")
    elif build == 4:
        out.append(f"    d = {{k: 0 for k in {_list(rng, n)}}}")
        out.append("    s = set(d)" if rng.random() < 0.6 else "    s = set(d.keys())")
    elif build == 5:
        out.append(f"    s = {{x * {rng.choice([1, 8, 32, -3])} for x in {_list(rng, n)}}}")
    elif build == 6:
        out.append(f"    s = set(set({_list(rng, n)}))")
    elif build == 7:
        out.append(f"    s = {{*set({_list(rng, n)}), *{_list(rng, rng.randrange(8))}, {_value(rng)}, *range({rng.randrange(30)})}}")
    else:
        out.append("    s: set[int] = set()")
        out.append(f"    for v in {_list(rng, n)}:")
        out.append("        s.add(v)")
    out.append(SHOW.format("s"))
    for _ in range(rng.randint(1, 5)):
        op = rng.randrange(13)
        k = rng.choice([0, 2, 5, 20, 200])
        other = f"set({_list(rng, k)})"
        if op == 0:
            out.append(f"    for v in [{_ints(rng, rng.randint(1, 30))}]:\n        s.add(v)")
        elif op == 1:
            out.append(f"    for v in [{_ints(rng, rng.randint(1, 30))}]:\n        s.discard(v)")
        elif op == 2:
            out.append("    for _ in range(min(len(s), %d)):\n        print(s.pop(), end=' ')\n    print()" % rng.randint(1, 6))
        elif op == 3:
            out.append(f"    s.update({other})")
        elif op == 4:
            out.append(f"    s = s | {other}" if rng.random() < 0.5 else f"    s = {other} | s")
        elif op == 5:
            out.append(f"    s = s & {other}" if rng.random() < 0.5 else f"    s = {other}.intersection(s)")
        elif op == 6:
            out.append(f"    s = s - {other}" if rng.random() < 0.5 else f"    s = {other}.difference(s)")
        elif op == 7:
            out.append(f"    s = s ^ {other}" if rng.random() < 0.5 else f"    s = {other}.symmetric_difference(s)")
        elif op == 8:
            out.append("    s = s.copy()")
        elif op == 9:
            out.append("    s.clear()" if rng.random() < 0.3 else "    t = s.copy()\n    s = s & t")
        elif op == 10:
            out.append(f"    for v in list(s)[:{rng.randint(1, 8)}]:\n        s.remove(v)")
        elif op == 11:
            out.append(f"    s = s.difference(s ^ {other})")
        else:
            out.append(f"    s = {{*s, *{other}}}" if rng.random() < 0.5 else f"    s = {{*{other}, {_value(rng)}, *s}}")
        out.append(SHOW.format("s"))
    return "\n".join(out) + "\n"


HEADER = '''def show(s: set[int]) -> None:
    items = list(s)
    print(len(s), items[:12], sum((i + 1) * v for i, v in enumerate(items)) % 1000000007)
    if len(s) <= 12:
        print(s)


def tuples() -> None:
    pairs = {(a % 7, b * 8) for a in range(12) for b in range(5)}
    print(pairs)
    print({(1, 2), (2, 1), (0, 0), (-1, -2), (-2, -1)}, {(3,), (1,), (2,)})
    for v in {30, 10, 20, 8, 16, 0}:
        print(v, end=" ")
    print([x for x in {5, 3, 1024, 1}], sorted({3, 1, 2}) == list({1, 2, 3}))


'''


def _program(seed: int, cases: int = 30) -> str:
    rng = random.Random(seed)
    body = "\n\n".join(_case(rng, c) for c in range(cases))
    return HEADER + body + "\n\ntuples()\n" + "".join(f"case{c}()\n" for c in range(cases))


@pytest.mark.parametrize("seed", range(3))
def test_set_order_matches_cpython(seed, toolchain, tmp_path):
    o = check(_program(seed), toolchain, path=str(tmp_path / f"sets_{seed}.py"))  # stdout, exit code, exception
    assert o.kind == "same", f"seed {seed}: {o.kind}: {o.detail} {o.codes}"
