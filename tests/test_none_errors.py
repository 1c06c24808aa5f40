"""analyzers/none_errors.py against CPython itself: every function, over a grid of operand types
(None among them), gives CPython's exception class and message (issue 10, family 3)."""

from __future__ import annotations

import collections
import math

import pytest

from portalis.analyzers import none_errors as ne

VALUES = {"int": 3, "float": 1.5, "bool": True, "str": "ab", "list": [1], "tuple": (1,), "dict": {1: 2},
          "set": {1}, "NoneType": None}
OPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]


def cpython(f) -> tuple[str, str] | None:
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the point is to see what CPython raises
        return type(e).__name__, str(e) if type(e) is not KeyError else repr(e.args[0])
    return None


def pairs_with_none():
    for a in VALUES:
        for b in VALUES:
            if "NoneType" in (a, b):
                yield a, b


@pytest.mark.parametrize("op", OPS)
def test_binop(op):
    for a, b in pairs_with_none():
        x, y = VALUES[a], VALUES[b]
        got = cpython(lambda: eval(f"x {op} y", {"x": x, "y": y}))
        if got is not None and (op, a) != ("%", "str"):  # printf-style formatting: analyzers/printf.py
            assert ne.binop(op, a, b) == got, (a, op, b)


@pytest.mark.parametrize("op", OPS)
def test_binop_inplace(op):
    for a, b in pairs_with_none():
        env = {"x": VALUES[a] if not isinstance(VALUES[a], (list, dict, set)) else type(VALUES[a])(VALUES[a]),
               "y": VALUES[b]}
        got = cpython(lambda: exec(f"x {op}= y", env))
        if got is not None and (op, a) != ("%", "str"):
            assert ne.binop(op, a, b, inplace=True) == got, (a, op + "=", b)


def test_unary_order_divmod():
    for op in "-+~":
        assert ne.unary(op, "NoneType") == cpython(lambda: eval(f"{op}None"))
    for op in ("<", "<=", ">", ">="):
        for a, b in pairs_with_none():
            got = cpython(lambda: eval(f"x {op} y", {"x": VALUES[a], "y": VALUES[b]}))
            assert ne.order(op, a, b) == got, (a, op, b)
    for a, b in pairs_with_none():
        assert ne.divmod_(a, b) == cpython(lambda: divmod(VALUES[a], VALUES[b]))


def test_protocols():
    t = "NoneType"
    N = None
    assert ne.index(t) == cpython(lambda: range(N))
    assert ne.index(t) == cpython(lambda: [1].pop(N))
    assert ne.index(t) == cpython(lambda: "a".ljust(N))
    assert ne.index(t) == cpython(lambda: chr(N))
    assert ne.index(t) == cpython(lambda: math.factorial(N))
    assert ne.real(t) == cpython(lambda: math.sqrt(N))
    assert ne.real(t) == cpython(lambda: math.floor(N))
    assert ne.attribute(t, "upper") == cpython(lambda: N.upper())
    assert ne.subscript(t) == cpython(lambda: N[0])
    env = {"x": None}
    assert ne.item_assignment(t) == cpython(lambda: exec("x[0] = 1", env))
    assert ne.item_deletion(t) == cpython(lambda: exec("del x[0]", env))
    for c in ("list", "tuple", "str"):
        assert ne.sequence_index(c, t) == cpython(lambda: VALUES[c][N])
    assert ne.sequence_index("deque", t) == cpython(lambda: collections.deque([1])[N])
    assert ne.slice_index(t) == cpython(lambda: [1].index(1, N))
    assert ne.iteration(t) == cpython(lambda: iter(N))
    assert ne.iteration(t) == cpython(lambda: sum(N))
    assert ne.iteration(t) == cpython(lambda: {*N})
    assert ne.star_iteration(t) == cpython(lambda: [*N])
    assert ne.star_iteration(t, "print") == cpython(lambda: print(*N))
    assert ne.containment(t) == cpython(lambda: 1 in N)
    assert ne.str_containment(t) == cpython(lambda: N in "a")
    assert ne.length(t) == cpython(lambda: len(N))
    assert ne.absolute(t) == cpython(lambda: abs(N))
    assert ne.rounding(t) == cpython(lambda: round(N))
    assert ne.int_conversion(t) == cpython(lambda: int(N))
    assert ne.float_conversion(t) == cpython(lambda: float(N))
    assert ne.format_spec(t) == cpython(lambda: format(N, ">3"))
    assert ne.key_error() == cpython(lambda: {1: 2}[N])
