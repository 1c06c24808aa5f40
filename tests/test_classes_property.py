"""Objects are references: random sequences of aliasing, mutation (directly, through a list, a
loop variable, a function), rebinding and identity tests on user objects, each a function of
one module built once, must print what CPython prints (a differential property test with
fixed seeds; a failure prints the seed and the program)."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from portalis.pipeline import run_program

HEADER = '''class Box:
    def __init__(self, v: int) -> None:
        self.v = v
        self.items: list[int] = []
        self.child: Box | None = None

    def bump(self, k: int) -> "Box":
        self.v += k
        self.items.append(k)
        return self

    def __repr__(self) -> str:
        return f"Box({self.v}, {self.items})"


class Tagged(Box):
    def bump(self, k: int) -> "Box":
        self.v -= k
        return self

    def __repr__(self) -> str:
        return f"Tagged({self.v})"


def mutate(b: Box, k: int) -> None:
    b.v *= k
    b.items.append(-k)


def rebind(b: Box) -> Box:
    b = Box(100)
    return b

'''


def _case(rng: random.Random, n: int) -> str:
    names = [f"b{i}" for i in range(4)]
    out = [f"def case{n}() -> None:"]
    for i, nm in enumerate(names):
        out.append(f"    {nm}: Box = {'Tagged' if rng.random() < 0.3 else 'Box'}({i})")
    out.append("    bs: list[Box] = [" + ", ".join(rng.choice(names) for _ in range(3)) + "]")
    for _ in range(rng.randint(6, 14)):
        a, b = rng.choice(names), rng.choice(names)
        k = rng.randint(1, 5)
        op = rng.randrange(11)
        if op == 0:
            out.append(f"    {a} = {b}")
        elif op == 1:
            out.append(f"    {a}.v += {k}")
        elif op == 2:
            out.append(f"    {a}.bump({k})")
        elif op == 3:
            out.append(f"    bs[{rng.randrange(3)}] = {a}")
        elif op == 4:
            out.append(f"    for x in bs:\n        x.v += {k}")
        elif op == 5:
            out.append(f"    mutate({a}, {k})")
        elif op == 6:
            out.append(f"    {a} = rebind({b})")
        elif op == 7:
            out.append(f"    {a}.child = {b}")
        elif op == 8:
            out.append(f"    if {a}.child is not None:\n        {a}.child.v += {k}")
        elif op == 9:
            out.append(f"    bs.append({a}.bump({k}))")
        else:
            out.append(f"    {a}.items = {b}.items")
        out.append(f"    print({a}.v, {b}.v, {a} is {b}, {a} is bs[0], bs)")
    out.append("    print(" + ", ".join(names) + ", [x.child is None for x in bs])")
    return "\n".join(out) + "\n"


def _program(seed: int, cases: int = 12) -> str:
    rng = random.Random(seed)
    body = [_case(rng, n) for n in range(cases)]
    calls = "".join(f"case{n}()\n" for n in range(cases))
    return HEADER + "\n\n".join(body) + "\n\n" + calls


@pytest.mark.parametrize("seed", range(3))
def test_aliasing_matches_cpython(seed, toolchain, tmp_path):
    src = _program(seed)
    path = tmp_path / f"alias_{seed}.py"
    path.write_text(src)
    want = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    assert want.returncode == 0, want.stderr.decode()
    pr = run_program(src, str(path), [], toolchain=toolchain)
    assert pr.result is not None, f"seed {seed}: not translated/built:\n{src}\n{pr}"
    assert pr.result.stdout == want.stdout, f"seed {seed}:\n{src}"
    assert pr.result.exit_code == 0
