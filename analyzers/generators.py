"""Generator functions (`def f(...): ... yield x ...`), consumed where they are called.

A call of a generator function has type `gen[T]` (`ir.IterT(T, "gen")`), the type of a
generator expression, so it is accepted exactly where one is: as the iterable of a `for` loop
or a comprehension, and passed directly to a consumer (list, sum, sorted, min/max, any/all,
str.join, dict/set, list.extend, ...). Storing it, printing it or calling `next()` on it is
refused as for a generator expression.

The emitter (codegen/emit/loops.py, `gen_call`) compiles the generator into a function that
takes the consumer's loop body as a callback: each `yield` calls it, in the generator's own
state, so the generator's code and the consumer's run interleaved exactly as in CPython, each
at its own depth toward the recursion limit. The callback says whether to go on; when the
consumer stops early (`break`, `any`, a `return` or an exception in its loop body) the generator
returns at that `yield`, which is what CPython's `close()` (GeneratorExit at the `yield`) does
to a generator without `finally`/`with` around its `yield`s.

A `yield` inside `try`/`except` is supported: what the consumer raises, and its early stop, leave
the generator at once, past the handlers (CPython raises the consumer's exception in the
consumer's frame, and GeneratorExit passes `except Exception`).

Refused here, each at its line: a `yield` used as a value (`x = yield`: `send()`), a `yield`
inside `try`/`finally` or `with` (CPython runs the `finally` when the generator is closed) or
under a handler that catches GeneratorExit (bare `except:`, BaseException), `return value`
(StopIteration's value), generator properties, class methods and special methods (but
`__iter__`, analyzers/protocols.py), cached generators, and a return annotation other than
`Iterator[T]`, `Iterable[T]` or `Generator[T, None, None]`.
`yield from X` is `for x in X: yield x` (the same items at the same moments; `send()`/`throw()`,
which tell them apart, are not supported).
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers.scope import statement_blocks
from portalis.analyzers.types import AnnotationError, TVar, parse_annotation, prune, unify

_ANNOTATIONS = ("Iterator", "Iterable", "Generator")


def own_yields(fn: cst.FunctionDef) -> list[cst.Yield]:
    """The `yield`s of `fn` itself (not those of functions or lambdas inside it)."""
    found: list[cst.Yield] = []

    class V(cst.CSTVisitor):
        def visit_Yield(self, node: cst.Yield) -> None:
            found.append(node)

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is fn

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

    fn.visit(V())
    return found


def _statement_yields(fn: cst.FunctionDef) -> tuple[set[int], dict[int, str], set[int], list[cst.Return]]:
    """Of `fn`'s own body: (ids of the yields written as statements; of those inside a `try`
    with `finally`, a `with` or a handler that catches GeneratorExit: why each is refused; ids
    of those inside a `try` with `except` handlers only; the `return value` statements)."""
    stmt_yields: set[int] = set()
    refused: dict[int, str] = {}
    guarded: set[int] = set()
    returns: list[cst.Return] = []

    def block(stmts: list, why: str | None, in_try: bool) -> None:
        for s in stmts:
            if isinstance(s, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                for small in s.body:
                    if isinstance(small, cst.Expr) and isinstance(small.value, cst.Yield):
                        stmt_yields.add(id(small.value))
                        if why is not None:
                            refused[id(small.value)] = why
                        elif in_try:
                            guarded.add(id(small.value))
                    elif isinstance(small, cst.Return) and small.value is not None:
                        returns.append(small)
            elif isinstance(s, (cst.FunctionDef, cst.ClassDef)):
                continue
            elif isinstance(s, (cst.With, cst.TryStar)) or (isinstance(s, cst.Try) and s.finalbody is not None):
                for part in statement_blocks(s):
                    block(part, why or _GUARDED, in_try)
            elif isinstance(s, cst.Try):
                body, *rest = statement_blocks(s)
                catch_all = any(_catches_generator_exit(h) for h in s.handlers)
                block(body, why or (_CATCH_ALL if catch_all else None), True)
                for part in rest:  # handlers and else: only their own `try`s guard them
                    block(part, why, in_try)
            else:
                for part in statement_blocks(s):
                    block(part, why, in_try)

    block(statement_blocks(fn)[0], None, False)
    return stmt_yields, refused, guarded, returns


_GUARDED = ("a `yield` inside `try`/`finally` or `with` is not supported yet: CPython runs the `finally` (or "
            "`__exit__`) when the consumer stops early, as the generator is closed")
_CATCH_ALL = ("a `yield` inside a `try` whose handler catches GeneratorExit (a bare `except:`, BaseException) is not "
              "supported: CPython's GeneratorExit, when the consumer stops early, would run that handler")


def _catches_generator_exit(h: cst.ExceptHandler) -> bool:
    if h.type is None:
        return True
    names = h.type.elements if isinstance(h.type, cst.Tuple) else [h.type]
    for el in names:
        x = el.value if isinstance(el, cst.Element) else el
        n = x.value if isinstance(x, cst.Name) else x.attr.value if isinstance(x, cst.Attribute) else ""
        if n in ("BaseException", "GeneratorExit"):
            return True
    return False


def signature(ml: Any, fn: cst.FunctionDef, code: str, name: str, cache: Any,
              refuse: str | None = None) -> tuple[Any, bool]:
    """(return type, is a generator) of function or method `fn`: `gen[T]` for a generator that
    can be translated; the error type when it yields but cannot (every `yield` is refused, at
    its line, so that its calls are not reported again; `refuse`: why a method cannot be one);
    else its ordinary return type."""
    ys = own_yields(fn) if "yield" in code else []
    if not ys:
        return ml.return_type(fn, name), False
    before = len(ml.info.yields_refused)
    stmt_yields, refused, guarded, returns = _statement_yields(fn)
    why = refuse
    if why is None and cache is not None:
        why = "a cached generator is not supported (the cache would hold the generator object)"
    elif why is None and fn.asynchronous is not None:
        why = "async generators are not supported"
    if why is not None:
        for y in ys:
            ml.refuse_yield(y, why)
        return TVar("error"), False
    for y in ys:
        if id(y) not in stmt_yields:
            ml.refuse_yield(y, "a `yield` is supported as a statement (`yield value`, `yield from iterable`); "
                            "its value (what `send()` passes in) is not")
        elif id(y) in refused:
            ml.refuse_yield(y, refused[id(y)])
        elif id(y) in guarded:  # the consumer's exceptions pass its handlers by (codegen: `ir.Yield.guarded`)
            sp = ml.sm.span(y)
            ml.info.yields_guarded.add((sp.line, sp.col))
    for r in returns:
        ml.refuse_return_value(r)
    if returns:  # reported there: its `yield`s say no more
        for y in ys:
            sp = ml.sm.span(y)
            ml.info.yields_refused.add((sp.line, sp.col))
    elem = _annotated_elem(ml, fn, name)
    if elem is None:
        for y in ys:
            ml.refuse_yield(y, "a generator's return annotation must be `Iterator[T]`, `Iterable[T]` or "
                            "`Generator[T, None, None]` (or none)")
    if len(ml.info.yields_refused) != before or elem is None or returns:
        return TVar("error"), False
    return ir.IterT(elem, "gen"), True


def _annotated_elem(ml: Any, fn: cst.FunctionDef, name: str) -> Any:
    """The item type a generator's return annotation gives (a type variable without one);
    None when the annotation is not a generator's."""
    if fn.returns is None:
        return TVar(f"items of {name}", ml.sm.span(fn).line)
    a = fn.returns.annotation
    if not isinstance(a, cst.Subscript):
        return None
    base = a.value
    bname = base.value if isinstance(base, cst.Name) else base.attr.value if isinstance(base, cst.Attribute) else ""
    if bname not in _ANNOTATIONS or not all(isinstance(el.slice, cst.Index) for el in a.slice):
        return None
    args = [el.slice.value for el in a.slice]  # type: ignore[union-attr]
    if bname == "Generator":
        if len(args) != 3 or not all(isinstance(x, cst.Name) and x.value == "None" for x in args[1:]):
            return None
    elif len(args) != 1:
        return None
    try:
        return parse_annotation(args[0], set(ml.info.exceptions) | ml._pending_exceptions(), ml.info.type_aliases)
    except AnnotationError as e:
        ml.diag("unsupported-type", str(e), e.node)
        return TVar("error")


def lower_yield(fl: Any, stmt: cst.Expr, y: cst.Yield) -> list[ir.Stmt]:
    """`yield v` -> ir.Yield; `yield from X` -> `for _yf in X: yield _yf`."""
    elem = fl.ret.elem
    sp = fl.sp(y)
    guarded = (sp.line, sp.col) in fl.info.yields_guarded
    if isinstance(y.value, cst.From):
        it = fl.iterated(fl.expr(y.value.item))
        el = fl.iter_elem(it, y.value.item)
        name = ir.hidden("yf", sp.line, sp.col)
        item = ir.Local(name, el, sp)
        v = fl.coerce_to(item, elem, y.value.item, f"the items of `{fl.fname}`")
        label = fl.new_label()
        return [ir.For(ir.NameTarget(name, el, False, sp), it, (ir.Yield(v, sp, guarded),), label, sp)]
    if y.value is None:  # `yield`: None
        v: ir.Expr = ir.Const(None, ir.NONE, sp)
        if isinstance(prune(elem), TVar) and prune(elem).origin != "error":
            unify(elem, ir.NONE)
        return [ir.Yield(fl.coerce_to(v, elem, y, f"the items of `{fl.fname}`"), sp, guarded)]
    v = fl.expr(y.value)
    return [ir.Yield(fl.coerce_to(v, elem, y.value, f"the items of `{fl.fname}`"), sp, guarded)]
