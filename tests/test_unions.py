"""Values of more than one type (`ir.UnionT`, `rt::Obj`): the analyzer's canonical unions, and
a seeded property test: random mixed values (bool/int/float/str/None/lists, big ints, -0.0,
inf, NaN-free) through every operator, comparison, `==`, hashing as dict keys, truthiness,
isinstance and printing, in one program per seed, run under CPython and as WASM (real rustc and
wasmtime): stdout must be identical. CPython's TypeErrors and ZeroDivisionErrors are caught
and printed with their messages on both sides."""

from __future__ import annotations

import random

import pytest

from portalis import ir
from portalis.analyzers import unions as un
from portalis.codegen.conformance import compare_run
from portalis.pipeline import run_program, translate_source


def test_make_union_is_canonical():
    u = un.make_union([ir.STR, ir.INT, ir.NONE, ir.INT])
    assert str(u) == "int | str | None"
    assert un.make_union([ir.INT, ir.NONE]) == ir.OptionT(ir.INT)  # X | None stays an Optional
    assert un.make_union([ir.INT]) == ir.INT
    assert un.make_union([ir.INT, un.OBJECT]) == un.OBJECT
    # lists of different element types are one member (isinstance cannot tell them apart)
    assert str(un.make_union([ir.ListT(ir.INT), ir.ListT(ir.STR), ir.STR])) == "str | list[int | str]"
    with pytest.raises(un.UnionError):
        un.make_union([ir.INT, ir.TupleT((ir.INT,))])


def test_annotations_read_as_unions():
    tr = translate_source("from typing import Union, Any, Optional\n"
                          "def f(a: int | float, b: Union[int, str], c: Optional[int], d: Any, e: object,"
                          " g: dict[str, object]) -> None:\n    print(a, b, c, d, e, g)\n", "p.py")
    assert tr.ok, [d.message for d in tr.diagnostics]
    (f,) = tr.module.functions
    assert [str(t) for _, t in f.params] == ["int | float", "int | str", "int | None", "object", "object",
                                            "dict[str, object]"]
    assert isinstance(f.params[2][1], ir.OptionT)  # `Optional[int]` keeps today's representation


def test_x_or_none_keeps_the_optional_representation():
    tr = translate_source("def f(x: int | None) -> int:\n    if x is None:\n        return 0\n    return x + 1\n"
                          "print(f(None), f(2))\n", "p.py")
    assert tr.ok
    assert "Option<i64>" in tr.crate.files["src/main.rs"]
    assert "rt::Obj" not in tr.crate.files["src/main.rs"]


def test_plain_programs_do_not_use_obj():
    tr = translate_source("xs = [1, 2, 3]\nt = 0\nfor x in xs:\n    t += x\nprint(t, {'a': 1.5})\n", "p.py")
    assert tr.ok
    assert "rt::Obj" not in tr.crate.files["src/main.rs"]


_OPS = ["+", "-", "*", "/", "//", "%", "**"]
_CMP = ["<", "<=", ">", ">=", "==", "!="]


def _value(rng: random.Random) -> str:
    k = rng.randrange(10)
    if k == 0:
        return rng.choice(["True", "False"])
    if k in (1, 2):
        return str(rng.choice([0, 1, -1, 2, 3, -7, 10, 2 ** 40, -(2 ** 31)]))
    if k in (3, 4):
        return repr(rng.choice([0.0, -0.0, 0.5, -2.25, 1e16, 3.0, 1e-7, 2.5]))
    if k == 5:
        return rng.choice(["float('inf')", "float('-inf')"])
    return str(rng.randrange(-50, 50))


def _program(seed: int) -> str:
    rng = random.Random(seed)
    nums = [_value(rng) for _ in range(14)]
    lines = [
        f"nums: list[int | float | bool] = [{', '.join(nums)}]",
        "texts: list[object] = [1, 'a', None, 2.5, True, [1, 'b'], {'k': 0}, '', 0, [], -0.0]",
        "def show(v: object) -> str:",
        "    return repr(v) + ':' + type(v).__name__",
        "for t in texts:",
        "    print(show(t), bool(t), str(t), isinstance(t, int), isinstance(t, (float, str)), t == 1, t in texts)",
        "seen: dict[int | float | bool, int] = {}",
        "for n in nums:",
        "    seen[n] = seen.get(n, 0) + 1",
        "print(seen)",
        "print(sorted(nums), min(nums), max(nums))",
    ]
    for i in range(40):
        a, b = rng.randrange(len(nums)), rng.randrange(len(nums))
        op = rng.choice(_OPS)
        if op == "**":
            lines.append(f"b = nums[{b}]")
            lines.append("if not isinstance(b, float) and -3 <= b <= 3:")
            lines.append(f"    print({i}, nums[{a}] ** b)")
            continue
        lines += [
            "try:",
            f"    r = nums[{a}] {op} nums[{b}]",
            f"    print({i}, r, type(r).__name__)",
            "except ZeroDivisionError as e:",
            f"    print({i}, 'ZeroDivisionError', e)",
            "except OverflowError as e:",
            f"    print({i}, 'OverflowError', e)",
        ]
        c = rng.choice(_CMP)
        lines.append(f"print(nums[{a}] {c} nums[{b}], -nums[{a}], abs(nums[{b}]), nums[{a}] == nums[{b}])")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_mixed_values_match_cpython(seed: int, toolchain, tmp_path):
    path = tmp_path / f"mixed_{seed}.py"
    path.write_text(_program(seed))
    tr = translate_source(path.read_text(), str(path))
    assert tr.ok, "\n".join(d.render(path.name) for d in tr.diagnostics)

    def run():
        pr = run_program(path.read_text(), str(path), [], toolchain=toolchain)
        assert pr.result is not None
        return pr.result
    verdict = compare_run(path, [], run)
    assert verdict.same, verdict.detail


def test_engine_shows_unions_in_signatures():
    from portalis.engine import Engine
    src = ("def total(xs: list[int | float]) -> int | float:\n    t: int | float = 0\n    for x in xs:\n"
           "        t = t + x\n    return t\n\n\ndef keys(d: dict[str, object]) -> int:\n    return len(d)\n\n\n"
           "print(total([1, 2.5]), keys({'a': 1, 'b': [None]}))\n")
    e = Engine()
    e.set_text("m.py", src)
    a = e.analysis("m.py")
    assert a is not None
    sigs = {f.name: (f.python_signature, f.rust_signature, f.translatable) for f in a.functions}
    assert sigs["total"] == ("def total(xs: list[int | float]) -> int | float",
                             "fn total(xs: PyList<Obj>) -> Obj", True)
    assert sigs["keys"][0] == "def keys(d: dict[str, object]) -> int"
    assert sigs["keys"][1] == "fn keys(d: PyDict<Str, Obj>) -> i64"
    t = next(s for f in a.functions if f.name == "total" for s in f.locals if s.name == "t")
    assert (t.python, t.rust) == ("int | float", "Obj")
