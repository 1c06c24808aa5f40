"""`for x in s.split(sep)`, `for x in s.split()` and `for x in s.splitlines()` make their pieces
as the loop goes (`rt::Pieces`, no list): a differential test with fixed seeds. Each generated
program loops (plain `for`, comprehensions, `enumerate`) over random texts built from
separators, ASCII whitespace and line breaks (\\r\\n too), the non-ASCII ones CPython also
splits at (\\x85, \\u2028, \\u00a0, \\u3000), letters, and pieces longer than an inline str, and
prints every piece's repr and length. The whole stdout must be CPython's."""

from __future__ import annotations

import random

import pytest
from progen.runner import check

from portalis.pipeline import translate_source

ATOMS = [";", ",", " ", "  ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f",
         "a", "bc", "def", "é", "名", "\x85", "\u2028", "\u00a0", "\u3000", "x" * 17, "y" * 30]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(ATOMS) for _ in range(rng.randrange(0, 14)))


def _program(seed: int) -> str:
    rng = random.Random(seed)
    texts = [_text(rng) for _ in range(40)]
    ascii_only = [t for t in (_text(rng) for _ in range(80)) if t.isascii()][:20]
    return f'''TEXTS = {texts + ascii_only!r}


def main() -> None:
    for t in TEXTS:
        out: list[str] = []
        for p in t.split(";"):
            out.append(f"{{p!r}}:{{len(p)}}")
        for w in t.split():
            out.append(f"w{{w!r}}")
        for i, ln in enumerate(t.splitlines()):
            out.append(f"{{i}}{{ln!r}}")
        out.extend([c.upper() for c in t.split(",")])
        out.extend([s for s in t.split(" ") if s])
        print(len(out), out)


if __name__ == "__main__":
    main()
'''


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_split_pieces_match_cpython(seed, toolchain, tmp_path):
    main_rs = translate_source(_program(seed), "pieces.py").crate.files["src/main.rs"]
    assert main_rs.count("rt::Pieces::split(") == 4 and main_rs.count("rt::Pieces::lines(") == 1
    o = check(_program(seed), toolchain, path=str(tmp_path / f"pieces_{seed}.py"))  # stdout, exit code, exception
    assert o.kind == "same", f"seed {seed}: {o.kind}: {o.detail} {o.codes}"


def _strip_program(seed: int) -> str:
    rng = random.Random(1000 + seed)
    texts = [_text(rng) for _ in range(60)]
    return f'''TEXTS = {texts!r}


def main() -> None:
    for t in TEXTS:
        a = [p.strip() for p in t.split(";")]
        b = [p.lstrip() for p in t.split(",")]
        c = [p.rstrip() for p in t.split(" ")]
        d = [w.strip() for w in t.split()]
        e = [p.strip() for p in t.split("\\r\\n")]
        print(a, b, c, d, e, [len(x) for x in a])


if __name__ == "__main__":
    main()
'''


@pytest.mark.parametrize("seed", [0, 1])
def test_split_strip_comprehension_matches_cpython(seed, toolchain, tmp_path):
    # `[p.strip() for p in s.split(sep)]` (and lstrip/rstrip) is one runtime call that trims each
    # piece before making it (rt::str_split_strip): Unicode and \x1c-\x1f whitespace, long pieces
    main_rs = translate_source(_strip_program(seed), "strip.py").crate.files["src/main.rs"]
    assert main_rs.count("rt::str_split_strip(") == 5
    o = check(_strip_program(seed), toolchain, path=str(tmp_path / f"strip_{seed}.py"))
    assert o.kind == "same", f"seed {seed}: {o.kind}: {o.detail} {o.codes}"
