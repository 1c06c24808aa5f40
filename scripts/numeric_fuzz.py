"""Soundness fuzz for analyzers/numeric.py (ints where a float is annotated).

Generates small programs whose float parameters (of a function, or fields of an object) get
ints, with random arithmetic, conversions and sinks. For every program Portalis accepts, CPython
must print the same whether those arguments are the ints or the equal floats (the conversion at
the boundary is unobservable); where it does not, `portalis check` must either agree with CPython
or stop at a Portalis limit (the run-time exactness / -0.0 checks). Cheap: CPython runs only,
`portalis check` (a WASM build) only for the rare disagreements.

    .venv/bin/python scripts/numeric_fuzz.py [FIRST_SEED] [COUNT]
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

from portalis.pipeline import translate_source

ROOT = Path(__file__).resolve().parent.parent


def expr(r: random.Random, d: int, names: list[str]) -> str:
    if d <= 0 or r.random() < 0.3:
        return r.choice(names + ["1.5", "2", "3", "0.5", "7"])
    a = lambda: expr(r, d - 1, names)  # noqa: E731
    return r.choice([
        lambda: f"({a()} + {a()})", lambda: f"({a()} - {a()})", lambda: f"({a()} * {a()})",
        lambda: f"({a()} / 2)", lambda: f"({a()} // 2)", lambda: f"({a()} % 3)", lambda: f"(-{a()})",
        lambda: f"abs({a()})", lambda: f"round({a()})", lambda: f"math.sqrt(abs({a()}))",
        lambda: f"float({a()})", lambda: f"({a()} if {a()} > {a()} else {a()})", lambda: f"({a()} * 1.5)",
        lambda: f"({a()} ** 2)"])()


def sink(r: random.Random, e: str) -> str:
    return r.choice([f"print({e})", f"print(f'{{{e}:.3f}}')", f"print({e} > 2)", f"print({e} * 1.0)",
                     f"print(f'{{{e}}}')", f"print(str({e}))", f"print([{e}])", f"print({e} == 6)",
                     f"print(int({e}))"])


def program(r: random.Random, args: list[tuple[str, str]]) -> str:
    names = ["a", "b"]
    body = []
    for i in range(r.randrange(1, 3)):
        body.append(f"    c{i} = {expr(r, 2, names)}")
        names = names + [f"c{i}"]
    if r.random() < 0.3:
        body.append("    " + sink(r, expr(r, 1, names)))
    body.append(f"    return {expr(r, 2, names)}")
    if r.random() < 0.5:
        src = "import math\n\ndef f(a: float, b: float) -> float:\n" + "\n".join(body) + "\n\n"
    else:  # the same through the fields of an object
        body = [ln.replace("    ", "        ", 1) for ln in body]
        src = ("import math\n\nclass K:\n    def __init__(self, a: float, b: float):\n        self.a = a\n"
               "        self.b = b\n\n    def g(self) -> float:\n        a = self.a\n        b = self.b\n"
               + "\n".join(body) + "\n\ndef f(a: float, b: float) -> float:\n    return K(a, b).g()\n\n")
    return src + "\n".join(sink(r, f"f({x}, {y})") for x, y in args) + "\n"


def cpython(src: str) -> tuple:
    p = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, timeout=10)
    return p.stdout, p.returncode, p.stderr.strip().splitlines()[-1:] if p.returncode else []


def main() -> int:
    first = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    accepted = bad = 0
    for seed in range(first, first + count):
        r = random.Random(seed)
        vals = [(r.randrange(-5, 9), r.choice([r.randrange(-5, 9), 2.5])) for _ in range(3)]
        state = r.getstate()
        src_i = program(r, [(str(x), str(y)) for x, y in vals])
        r.setstate(state)
        src_f = program(r, [(repr(float(x)), repr(float(y))) for x, y in vals])
        tr = translate_source(src_i, "m.py")
        if any(d.severity.value == "error" for d in tr.diagnostics):
            continue
        accepted += 1
        if cpython(src_i) == cpython(src_f):
            continue
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "m.py"
            p.write_text(src_i)
            out = subprocess.run([str(ROOT / ".venv/bin/portalis"), "check", str(p)], capture_output=True,
                                 text=True, timeout=600).stdout
        if out.startswith("same") or "STOPPED AT A PORTALIS LIMIT" in out:
            continue
        bad += 1
        print(f"=== seed {seed}: accepted, and the int is observable\n{src_i}{out}")
    print(f"accepted {accepted} of {count}, unsound {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
