"""sorted() / list.sort() of objects whose __lt__ is user code make CPython 3.11's comparisons,
in CPython's order (pyrt/timsort.rs): a differential test with fixed seeds. Each generated
program sorts random lists (sizes 0..300: random, few distinct keys, sorted, reversed, sorted
runs, nearly sorted) with a `__lt__` that hashes the sequence of its operands (and prints them
for small lists), also `reverse=True`, `key=` returning objects or tuples holding them, a
non-strict `<=` comparator, and a `__lt__` that raises after N calls (then the list is printed
as the sort left it). The whole stdout must be CPython's."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from portalis.pipeline import run_program, translate_source
from progen.runner import check

HEADER = '''class Counter:
    def __init__(self, limit: int, le: bool, verbose: bool) -> None:
        self.n = 0
        self.h = 0
        self.limit = limit
        self.le = le
        self.verbose = verbose


class K:
    def __init__(self, c: Counter, x: int, i: int) -> None:
        self.c = c
        self.x = x
        self.i = i

    def __lt__(self, o: "K") -> bool:
        c = self.c
        c.n += 1
        c.h = (c.h * 1000003 + self.i * 1009 + o.i + 1) % 1000000007
        if c.verbose:
            print("lt", self.i, o.i)
        if c.n == c.limit:
            raise ValueError("comparison " + str(c.n))
        if c.le:
            return self.x <= o.x
        return self.x < o.x


class P:
    def __init__(self, k: K, i: int) -> None:
        self.k = k
        self.i = i


def ids(xs: list[K]) -> list[int]:
    return [k.i for k in xs]


def pids(xs: list[P]) -> list[int]:
    return [p.i for p in xs]

'''

SIZES = [0, 1, 2, 3, 4, 5, 7, 10, 16, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 200, 255, 300]


def _data(rng: random.Random, n: int) -> list[int]:
    kind = rng.randrange(7)
    if kind == 0:
        return [rng.randrange(1000) for _ in range(n)]
    if kind == 1:  # many equal keys
        return [rng.randrange(3) for _ in range(n)]
    if kind == 2:
        return sorted(rng.randrange(50) for _ in range(n))
    if kind == 3:
        return sorted((rng.randrange(50) for _ in range(n)), reverse=True)
    if kind == 4:  # sorted and reversed runs of random lengths (merges, galloping)
        out: list[int] = []
        while len(out) < n:
            run = sorted(rng.randrange(100) for _ in range(rng.randint(1, 80)))
            out += run[::-1] if rng.random() < 0.3 else run
        return out[:n]
    if kind == 5:  # nearly sorted
        out = list(range(n))
        for _ in range(rng.randint(0, 4)):
            if n > 1:
                a, b = rng.randrange(n), rng.randrange(n)
                out[a], out[b] = out[b], out[a]
        return out
    # two interleaved ranges (long galloping stretches)
    return sorted(range(0, n, 2)) + sorted(range(1, n, 2))


def _case(rng: random.Random, c: int) -> str:
    n = rng.choice(SIZES)
    data = _data(rng, n)
    le = rng.random() < 0.25
    raising = rng.random() < 0.25 and n > 1
    limit = rng.randint(1, max(1, n * 4)) if raising else -1
    verbose = n <= 10
    rev = rng.random() < 0.3
    form = rng.randrange(4)  # 0 sorted(), 1 list.sort(), 2 key= object, 3 key= tuple with object
    if raising and form == 0:
        form = 1
    out = [f"def case{c}() -> None:",
           f"    c = Counter({limit}, {le}, {verbose})",
           f"    data: list[int] = {data!r}",
           "    xs: list[K] = []",
           "    for i in range(len(data)):",
           "        xs.append(K(c, data[i], i))"]
    r = ", reverse=True" if rev else ""
    if form == 0:
        out.append(f"    ys = sorted(xs{r})")
        out.append("    print(c.n, c.h, ids(ys))")
        return "\n".join(out) + "\n"
    if form == 1:
        call = f"xs.sort({r.lstrip(', ')})"
        show = "ids(xs)"
    else:
        out.append("    ps: list[P] = []")
        out.append("    for i in range(len(xs)):")
        out.append(f"        ps.append(P(xs[{n} - 1 - i], i))")
        key = "lambda p: p.k" if form == 2 else "lambda p: (p.k.x // 7, p.k)"
        call = f"ps.sort(key={key}{r})"
        show = "pids(ps)"
    if raising:
        out += ["    try:", f"        {call}", "    except ValueError as e:", '        print("error:", e)']
    else:
        out.append(f"    {call}")
    out.append(f"    print(c.n, c.h, {show})")
    return "\n".join(out) + "\n"


def _program(seed: int, cases: int = 40) -> str:
    rng = random.Random(seed)
    body = [_case(rng, c) for c in range(cases)]
    calls = "".join(f"case{c}()\n" for c in range(cases))
    return HEADER + "\n\n".join(body) + "\n\n" + calls


@pytest.mark.parametrize("seed", range(4))
def test_sort_comparisons_match_cpython(seed, toolchain, tmp_path):
    src = _program(seed)
    path = tmp_path / f"sort_{seed}.py"
    path.write_text(src)
    want = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    assert want.returncode == 0, want.stderr.decode()
    pr = run_program(src, str(path), [], toolchain=toolchain)
    assert pr.result is not None, f"seed {seed}: not translated/built:\n{src}\n{pr}"
    if pr.result.stdout != want.stdout:
        got = pr.result.stdout.decode().splitlines()
        exp = want.stdout.decode().splitlines()
        first = next((i for i, (a, b) in enumerate(zip(got, exp)) if a != b), min(len(got), len(exp)))
        pytest.fail(f"seed {seed}: stdout differs from line {first + 1}: "
                    f"got {got[first:first + 3]!r}, CPython {exp[first:first + 3]!r}\n{src}")
    assert pr.result.exit_code == 0


MODIFIED = '''class V:
    def __init__(self, x: int, box: list["V"]) -> None:
        self.x = x
        self.box = box

    def __lt__(self, o: "V") -> bool:
        print("lt", self.x, o.x, len(self.box))
        if len(self.box) < 3:
            self.box.append(V(99, self.box))
        return self.x < o.x

    def __repr__(self) -> str:
        return f"V({self.x})"


xs: list[V] = []
for i in range(6):
    xs.append(V(6 - i, xs))
try:
    xs.sort(reverse=True)
except ValueError as e:
    print("caught", e)
print(xs)
ys: list[V] = []
for i in range(4):
    ys.append(V(i % 2, ys))
ys.sort(key=lambda v: v)
print(ys)
'''


def test_list_modified_by_lt_during_sort(toolchain, tmp_path):
    """The list looks empty to __lt__ while it is sorted; what it adds is dropped and the sort
    raises CPython's ValueError (it was kept silently)."""
    path = tmp_path / "modified.py"
    path.write_text(MODIFIED)
    want = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    pr = run_program(MODIFIED, str(path), [], toolchain=toolchain)
    assert pr.result is not None, str(pr)
    assert (pr.result.stdout, pr.result.exit_code) == (want.stdout, want.returncode)
    assert b"caught list modified during sort" in want.stdout


LISTS = '''class V:
    def __init__(self, x: int) -> None:
        self.x = x

    def __lt__(self, o: "V") -> bool:
        print("lt", self.x, o.x)
        return self.x < o.x

    def __repr__(self) -> str:
        return f"V({self.x})"


a = V(1)
print(sorted([[a, V(3)], [V(0)], [a, V(2)], [a], [V(5), V(1)]]))
print(max([[a, V(3)], [V(0)], [a, V(2)]]))
print(min([[a, V(3)], [V(0)], [a, V(2)]], key=lambda l: l))
print([1.0, 2.0] < [1.0, 3.0], [2] > [1, 5], [1] <= [1], [1, 2] >= [1, 2, 0], [3] < [3])
'''


def test_lists_of_objects_compare_like_cpython(toolchain, tmp_path):
    """Lists compare as CPython's list_richcompare: first differing item by `==` (identity
    first), then one `<` (or `>`) on it; it was `<` and then `>` through partial_cmp."""
    path = tmp_path / "lists.py"
    path.write_text(LISTS)
    want = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    pr = run_program(LISTS, str(path), [], toolchain=toolchain)
    assert pr.result is not None, str(pr)
    assert (pr.result.stdout, pr.result.exit_code) == (want.stdout, want.returncode)


def _int_keys(rng: random.Random, n: int) -> list[int]:
    kind = rng.randrange(5)
    if kind == 0:  # few distinct keys: stability decides most of the order
        return [rng.randrange(4) for _ in range(n)]
    if kind == 1:  # a small range around zero
        return [rng.randrange(-300, 300) for _ in range(n)]
    if kind == 2:  # the extremes of 64-bit ints
        edge = [-2**63, -2**63 + 1, -1, 0, 1, 2**63 - 2, 2**63 - 1]
        return [rng.choice(edge) for _ in range(n)]
    if kind == 3:  # wide
        return [rng.randrange(-2**62, 2**62) for _ in range(n)]
    return sorted(rng.randrange(1000) for _ in range(n))


def _int_case(rng: random.Random, c: int) -> str:
    n = rng.choice([0, 1, 2, 5, 63, 64, 65, 200, 1000, 3000])
    cols = [_int_keys(rng, n) for _ in range(3)]
    rows = list(zip(*cols)) if n else []
    rev = ", reverse=True" if rng.random() < 0.4 else ""
    key = rng.choice(["r[0]", "(r[0], r[1])", "(r[1], r[0], r[2])", "-r[2]", "r[0] // 3"])
    out = [f"def icase{c}() -> None:",
           f"    rows: list[tuple[int, int, int]] = {rows!r}",
           "    ids = list(range(len(rows)))",
           f"    a = sorted(ids, key=lambda i: {key.replace('r[', 'rows[i][')}{rev})",
           "    print(a)",
           "    xs = [r[0] for r in rows]",
           f"    xs.sort({rev.lstrip(', ')})",
           "    print(xs[:20], xs[-20:], sum(x * i for i, x in enumerate(xs)) % 1000003)"]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", range(2))
def test_int_key_sorts_match_cpython(seed, toolchain, tmp_path):
    """sorted()/list.sort() with int keys or tuples of 2-3 ints, and list.sort() of ints, which
    the runtime radix-sorts (pyrt/radix.rs): the same order as CPython's stable sort, for few
    distinct keys, negative keys, the 64-bit extremes, wide ranges, reverse=True, and sizes on
    both sides of the small-list path (64)."""
    rng = random.Random(1000 + seed)
    cases = 12
    src = "\n\n".join(_int_case(rng, c) for c in range(cases)) + "\n\n" + "".join(f"icase{c}()\n" for c in range(cases))
    rust = translate_source(src, "isort.py").crate.files["src/main.rs"]
    assert "sort_by_int_key" in rust and "sort_ints" in rust
    o = check(src, toolchain, path=str(tmp_path / f"isort_{seed}.py"))  # stdout, exit code, exception
    assert o.kind == "same", f"seed {seed}: {o.kind}: {o.detail} {o.codes}"
