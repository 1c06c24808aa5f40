"""printf-style formatting (`"fmt" % args`, analyzers/printf.py).

Two layers: the mapping of each printf conversion to a format() spec is checked in CPython
itself over every combination of flags, widths, precisions and kinds of value (printf's text
must equal format()'s of the converted value); then random format strings and arguments run
through Portalis against CPython (the differential test), and what CPython raises while
formatting is refused at its line."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from portalis.analyzers import printf
from portalis.codegen.conformance import compare_run
from portalis.pipeline import run_program, translate_source

VALUES = {
    "int": [0, 1, -1, 7, -42, 255, 9223372036854775807, -9223372036854775808, 10 ** 20],
    "bool": [True, False],
    "float": [0.0, -0.0, 0.5, 1.5, 2.675, -3.14159, 1e16, 1e-7, 123456.789, 1e300, math.inf, -math.inf, math.nan],
    "str": ["", "a", "héllo", "ab'c", "\u00e9\u0301", "\U0001f600x"],
    "none": [None],
    "list": [[1, "a"]],
}
ACCEPTS = {"s": "int bool float str none list", "r": "int bool float str none list", "d": "int bool float",
           "i": "int bool float", "u": "int bool float", "x": "int bool", "X": "int bool", "o": "int bool",
           "c": "int bool", "e": "int bool float", "E": "int bool float", "f": "int bool float",
           "F": "int bool float", "g": "int bool float", "G": "int bool float"}


def _converted(conv: str, v):
    """The value format() is given for printf conversion `conv` of `v` (see printf.lower)."""
    if conv == "s":
        return str(v)
    if conv == "r":
        return repr(v)
    if conv in "diu" and isinstance(v, float):
        return int(v)
    if conv in "eEfFgG":
        return float(v)
    return int(v)


def _formats():
    for conv in ACCEPTS:
        for flags in ("", "-", "+", " ", "#", "0", "-0", "+0", " 0", "#0", "-#", "+ ", "-+ #0"):
            for width in ("", "1", "7", "12"):
                for prec in ([None] if conv in "diuxXoc" else [None, "", "0", "2", "10"]):
                    yield conv, "%" + flags + width + ("" if prec is None else "." + prec) + conv


def test_every_accepted_conversion_prints_what_its_format_spec_prints():
    checked = 0
    for conv, fmt in _formats():
        pieces, error = printf.parse(fmt)
        assert error is None, fmt
        (c,) = pieces
        spec = printf.spec_of(c)
        for kind in ACCEPTS[conv].split():
            for v in VALUES[kind]:
                if conv == "c" and not 0 <= int(v) < 0x110000:
                    continue
                if conv in "diu" and isinstance(v, float) and not math.isfinite(v):
                    continue  # int(v) raises, as printf does (the differential test checks it)
                assert fmt % v == format(_converted(conv, v), spec), (fmt, v, spec)
                checked += 1
    assert checked > 20000


@pytest.mark.parametrize("fmt,why", [
    ("%(name", "incomplete format key"), ("%(a)%", "unsupported format character '%' (0x25) at index 4"),
    ("%(a)*d", "`*` widths"), ("%*d", "`*` widths"), ("%.*f", "`*` widths"), ("%ld", "length modifier"),
    ("%.3d", "precision on `%d`"), ("%a", "`%a`"), ("%5%", "unsupported format character '%'"),
    ("%", "incomplete format"), ("%-", "incomplete format"), ("%y", "unsupported format character 'y' (0x79) at index 1"),
    ("%\uff15d", "unsupported format character '\uff15'"),  # a full-width digit is not a width for CPython
])
def test_parse_refuses(fmt: str, why: str):
    _, error = printf.parse(fmt)
    assert error is not None and why in error, error


def test_parse_mapping_keys():
    """`%(key)` up to the `)` that closes it, nested parentheses counted (as CPython reads it)."""
    pieces, error = printf.parse("a %(k(1))5s %(x)-3d%%")
    assert error is None
    convs = [p for p in pieces if isinstance(p, printf.Conversion)]
    assert [(c.key, c.width, c.flags, c.conv) for c in convs] == [("k(1)", "5", "", "s"), ("x", "3", "-", "d")]
    assert pieces[-1] == "%"


@pytest.mark.parametrize("src,code", [
    ("print('%s %s' % (1,))\n", "type-mismatch"),           # not enough arguments
    ("print('%s' % (1, 2))\n", "type-mismatch"),            # not all arguments converted
    ("print('%d' % 'x')\n", "type-mismatch"),               # %d format: a real number is required, not str
    ("print('%x' % 1.5)\n", "type-mismatch"),               # %x format: an integer is required, not float
    ("print('%f' % [1])\n", "type-mismatch"),               # must be real number, not list
    ("print('%c' % 'ab')\n", "unsupported-syntax"),
    ("print('abc' % 5)\n", "unsupported-syntax"),           # CPython: TypeError; with a list: no error
    ("fmt = '%s'\nprint(fmt % 1)\n", "unsupported-syntax"),  # the format must be a literal
    ("d = {'a': 1}\nprint('%(a)s %s' % d)\n", "type-mismatch"),  # keys mixed with positions
    ("d = {1: 1}\nprint('%(a)s' % d)\n", "type-mismatch"),       # KeyError: 'a'
    ("print('%(a)s' % [1])\n", "type-mismatch"),                  # not a mapping
    ("print('%(a)s' % {'a': 1})\n", "unsupported-syntax"),       # the dict must be held in a name
    ("d: dict[str, object] = {'a': 1}\nprint('%(a)d' % d)\n", "type-mismatch"),  # %d of an object
    ("def f() -> tuple[int, int]:\n    return (1, 2)\nprint('%d %d' % f())\n", "unsupported-syntax"),
    # a None in %d raises while formatting, after the arguments were all evaluated
    ("def f() -> int:\n    print('f')\n    return 1\nx: int | None = None\nprint('%d %d' % (x, f()))\n",
     "unsupported-syntax"),
])
def test_refused(src: str, code: str):
    tr = translate_source(src, "t.py")
    assert not tr.ok
    assert code in [d.code for d in tr.diagnostics], [d.render("t.py") for d in tr.diagnostics]


def _program(seed: int, lines: int) -> str:
    """Random `print(fmt % args)` lines, each inside its own try (a %c out of range, int(inf))."""
    rng = random.Random(seed)
    values = {"int": ["0", "7", "-42", "255", "9223372036854775807", "n"], "bool": ["True", "flag"],
              "float": ["0.5", "-0.0", "2.675", "1e16", "-3.14159", "x", "inf", "nan"],
              "str": ["'h\u00e9llo'", "'a\"b'", "s", "'\\u0301'"], "none": ["none"], "list": ["xs"]}
    out = ["n = 1234", "flag = False", "x = 0.1 + 0.2", "inf = float('inf')", "nan = -float('nan')", "s = 'w\u00f6rld'", "xs = [1.5, -2.0]",
           "none: int | None = None", "some: int | None = 5"]
    for i in range(lines):
        text, args = [rng.choice(["", "a", "|", " = ", "100%% "])], []
        for _ in range(rng.randint(1, 3)):
            conv = rng.choice(list(ACCEPTS))
            flags = "".join(rng.sample("-+ #0", rng.randint(0, 2)))
            width = rng.choice(["", "", "3", "9"])
            prec = "" if conv in "diuxXoc" or rng.random() < 0.5 else "." + rng.choice(["", "0", "3"])
            kinds = ACCEPTS[conv].split()
            kind = rng.choice(kinds)
            arg = rng.choice(values[kind]) if not (kind == "int" and conv in "diuxXoc" and rng.random() < 0.2) else "some"
            if conv == "c" and kind == "int":
                arg = rng.choice(["65", "233", "0x1F600", "n"])
            text.append("%" + flags + width + prec + conv + rng.choice(["", " ", "%%"]))
            args.append(arg)
            if conv == "c":
                break  # %c may raise while formatting: a conversion after it that may raise is refused
        fmt = "".join(text)
        rhs = args[0] if len(args) == 1 and rng.random() < 0.5 and args[0] != "xs" else "(" + ", ".join(args) + ",)"
        out += ["try:", f"    print({i}, {fmt!r} % {rhs})",
                "except (TypeError, ValueError, OverflowError) as e:", f"    print({i}, type(e).__name__, e)"]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", [1, 2])
def test_random_formats_print_what_cpython_prints(seed: int, toolchain, tmp_path):
    path = tmp_path / f"printf_{seed}.py"
    path.write_text(_program(seed, 60), encoding="utf-8")

    def run():
        pr = run_program(path.read_text(encoding="utf-8"), str(path), [], toolchain=toolchain)
        tr = pr.build.translation
        assert tr is None or tr.ok, [d.render(path.name) for d in tr.diagnostics]
        assert pr.result is not None, pr.build.build.format_errors() if pr.build.build else "no build"
        return pr.result
    verdict = compare_run(path, [], run)
    assert verdict.same, verdict.detail


def test_random_formats_are_all_accepted():
    """The generator above only writes what the translator accepts (so the differential test
    cannot pass by refusing)."""
    for seed in range(10):
        tr = translate_source(_program(seed, 60), "p.py")
        assert tr.ok, [d.render("p.py") for d in tr.diagnostics][:5]


def test_flag_combinations_cover_the_grid():
    assert len(list(itertools.islice(_formats(), 100000))) > 1000
