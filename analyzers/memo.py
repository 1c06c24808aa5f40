"""`@functools.cache` and `@functools.lru_cache` on a module function.

CPython's cache wrapper is a C object in front of the function: a call looks its arguments up
(the key is how the call was written: `f(1)` and `f(x=1)` are different keys, and equal values
of different types, `1`, `1.0` and `True`, are one key) and returns the stored result on a hit
without running the body, so a body that prints prints once per key. The emitter builds the same
wrapper around the function (codegen/emit/function.py, runtime `rt::Memo`): a hit, a miss that
stores the result (not an exception), and for `lru_cache(maxsize=N)` CPython's eviction of the
least recently used key. The wrapper is a call of its own, one more unit toward the recursion
limit (a cached function recurses about half as deep, 498 levels from the module in CPython 3.11),
and a limit hit there reads `... while calling a Python object`, as CPython's does.

Refused here, each at its line: other decorators, a cached method or nested function,
`typed=True`, a maxsize that is not a literal, parameters whose values Portalis cannot key as
CPython does (floats and anything holding one: `1` and `1.0` are one key in CPython; unions;
objects; unhashable lists, dicts, sets: CPython's TypeError), calls that pass an argument by
keyword or leave one to its default (other keys in CPython), and any use of the function other
than calling it (`f.cache_clear()`, `f.cache_info()`: attributes of the wrapper).
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers import protocols
from portalis.diagnostics import Diagnostic, make

DEFAULT_MAXSIZE = 128  # `@lru_cache` / `@lru_cache()`


def cache_spec(ml: Any, fn: cst.FunctionDef, nested: bool) -> ir.CacheSpec | None:
    """The cache a module function's decorators ask for (None: no decorator, or refused)."""
    if not fn.decorators:
        return None
    info = ml.info
    d = fn.decorators[0]
    x = d.decorator
    call = x if isinstance(x, cst.Call) else None
    target = call.func if call is not None else x
    kind = "cache" if protocols.names(info, target, "functools", "cache") else \
        "lru_cache" if protocols.names(info, target, "functools", "lru_cache") else None
    if kind is None:
        ml.diag("unsupported-syntax", "decorators are not supported (on functions: only @functools.cache and "
                "@functools.lru_cache)", d)
        return None
    if len(fn.decorators) > 1:
        ml.diag("unsupported-syntax", f"@{kind} is supported as a function's only decorator", fn.decorators[1])
        return None
    if nested:
        ml.diag("unsupported-syntax", f"@{kind} is supported on module functions only (not on nested functions)", d)
        return None
    if kind == "cache":
        if call is not None:
            ml.diag("type-mismatch", "functools.cache takes the function only: write `@cache`, or "
                    "`@lru_cache(maxsize=...)`", d)
            return None
        return ir.CacheSpec(None)
    if call is None:
        return ir.CacheSpec(DEFAULT_MAXSIZE)
    args = list(call.args)
    maxsize: cst.BaseExpression | None = None
    for i, a in enumerate(args):
        name = a.keyword.value if a.keyword is not None else ("maxsize" if i == 0 else "typed" if i == 1 else None)
        if a.star or name not in ("maxsize", "typed"):
            ml.diag("unsupported-syntax", "lru_cache() takes maxsize and typed", a)
            return None
        if name == "typed":
            if not (isinstance(a.value, cst.Name) and a.value.value == "False"):
                ml.diag("unsupported-syntax", "lru_cache(typed=True) is not supported", a)
                return None
            continue
        maxsize = a.value
    if maxsize is None:
        return ir.CacheSpec(DEFAULT_MAXSIZE)
    if isinstance(maxsize, cst.Name) and maxsize.value == "None":
        return ir.CacheSpec(None)
    value = _int_literal(maxsize)
    if value is None:
        ml.diag("unsupported-syntax", "lru_cache(maxsize=...) is supported with an int literal or None", maxsize)
        return None
    return ir.CacheSpec(max(value, 0))  # CPython treats a negative maxsize as 0


def _int_literal(e: cst.BaseExpression) -> int | None:
    neg = isinstance(e, cst.UnaryOperation) and isinstance(e.operator, cst.Minus)
    if neg:
        e = e.expression  # type: ignore[attr-defined]
    if isinstance(e, cst.Integer):
        v = int(e.value.replace("_", ""), 0)
        return -v if neg else v
    return None


def keyable(t: Any) -> bool:
    """Arguments of type t are looked up in the cache as CPython looks them up: their `==` and
    hash are Portalis' (ints, bools, strs, None, enum members and tuples of these)."""
    if t in (ir.INT, ir.BOOL, ir.STR, ir.NONE) or isinstance(t, ir.EnumT):
        return True
    if isinstance(t, ir.OptionT):
        return keyable(t.inner)
    if isinstance(t, ir.TupleT):
        return all(keyable(i) for i in t.items)
    return False


def check_module(module: ir.Module) -> list[Diagnostic]:
    """Cached functions whose parameter types cannot be keyed (see `keyable`), on the final IR."""
    out: list[Diagnostic] = []
    for f in module.functions:
        if f.cache is None:
            continue
        for name, t in f.params:
            if not keyable(t):
                why = ("CPython's cache treats 1 and 1.0 as one key" if any(p == ir.FLOAT for p in ir.type_parts(t))
                       else "CPython raises TypeError: unhashable type" if any(
                           isinstance(p, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)) for p in ir.type_parts(t))
                       else "Portalis does not key such values as CPython does")
                out.append(make("unsupported-type", f"parameter `{name}` ({t}) of cached function `{f.name}`: "
                                f"{why}", f.span))
    return out
