"""The engine never raises (issue 11): seeded mutants of the corpus programs go through
ingest + lower + emit; an exception escaping is a failure. The long run is
scripts/mutation_fuzz.py."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from fuzz.mutate import crash_class, mutants, run

CORPUS = sorted((p.name, p.read_text(encoding="utf-8")) for p in (Path(__file__).parent / "corpus").glob("*.py"))


@pytest.mark.parametrize("seed", range(4))
def test_mutants_never_crash_the_engine(seed):
    crashes = {}
    for name, text in mutants(CORPUS, seed, 250):
        e = run(text)
        if e is not None:
            crashes.setdefault(crash_class(e), (name, text, "".join(traceback.format_exception(e))[-2000:]))
    assert not crashes, "\n\n".join(f"{k}: {n}\n--- mutant ---\n{t[:1500]}\n--- traceback ---\n{tb}"
                                    for k, (n, t, tb) in crashes.items())


def test_regressions_from_the_issue():
    """The three crashes of issue 11 on valid Python, and a SyntaxWarning kept off stderr."""
    for text in ("def f() -> None:\n    global counter\n    counter = 1\n\nf()\nprint(counter)\n",
                 "errors = [[1], [2]]\nfor e in*errors:\n    print(e)\n",
                 "t = 5\nprint(f\"{t:>3\\}\")\n",
                 "x = 1if True else 2\nprint(x)\n",
                 # a refused class's `__format__` called by str.format()/f-strings (a KeyError in
                 # the lowering until 2026-12-05; found by seed 0 once the corpus grew)
                 "class F:\n    def __format__(self, spec: str) -> str:\n        self.tag = spec\n        return spec\n"
                 "    def __init__(self) -> None:\n        pass\ndef make() -> F:\n    return F()\n"
                 "print('{:x}'.format(make()), f'{make():y}')\n"):
        assert run(text) is None, text
