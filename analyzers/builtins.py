"""Calls: user functions, builtins, `math`/`sys` functions and methods of the builtin types.

A mixin of `analyzers.lower.FunctionLowerer`. Every supported call becomes an
`ir.Call` (user function), `ir.NewExc` (exception constructor) or an `ir.Intrinsic` whose
name fixes its meaning and whose arguments are already coerced to the types the runtime
expects. Anything else is refused with `unsupported-builtin`/`dynamic-eval`. The
intrinsic names and argument conventions here are the contract with `codegen.emit`.
"""

from __future__ import annotations

import dataclasses
import string
from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers import enums, named, nested, protocols
from portalis.analyzers import none_errors as ne
from portalis.analyzers.scope import walrus_targets
from portalis.diagnostics import Severity
from portalis.analyzers.types import TVar, prune, stable_hash, unify, show

BUILTIN_EXCEPTIONS: dict[str, str] = {
    "BaseException": "", "Exception": "BaseException", "ArithmeticError": "Exception",
    "ZeroDivisionError": "ArithmeticError", "OverflowError": "ArithmeticError", "LookupError": "Exception",
    "IndexError": "LookupError", "KeyError": "LookupError", "ValueError": "Exception", "TypeError": "Exception",
    "RuntimeError": "Exception", "RecursionError": "RuntimeError", "NotImplementedError": "RuntimeError",
    "AssertionError": "Exception", "AttributeError": "Exception", "NameError": "Exception",
    "UnboundLocalError": "NameError", "StopIteration": "Exception", "UnicodeError": "ValueError",
    "SystemExit": "BaseException", "EOFError": "Exception",
}

_MATH_FLOAT1 = {"sqrt", "exp", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
                "tanh", "fabs", "degrees", "radians", "expm1", "log1p"}
_MATH_FLOAT2 = {"atan2", "hypot", "pow", "copysign", "fmod"}
_MATH_TO_INT = {"floor", "ceil", "trunc"}
# WebAssembly's libm (wasi-libc/musl) is not glibc's: these can differ from CPython in the last
# digit for some arguments (adversarial testing found exp and pow too; log and sqrt agreed)
_MATH_LAST_DIGIT = {"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "atan2", "hypot",
                    "log10", "log2", "expm1", "log1p", "exp", "pow"}
# collections.defaultdict's supported factories, and the value types they make
_DEFAULT_FACTORIES = ("int", "float", "str", "bool", "list", "set", "dict")
_PRIM_TYPES = {"int": ir.INT, "float": ir.FLOAT, "str": ir.STR, "bool": ir.BOOL}
_MATH_PRED = {"isnan", "isinf", "isfinite"}

_STR_PRED = {"isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal", "isnumeric", "istitle",
             "isascii", "isprintable"}
_STR_SIMPLE = {"upper", "lower", "title", "capitalize", "swapcase", "casefold"}


class Star:
    """A `*xs` argument (print() takes them)."""

    def __init__(self, value: cst.BaseExpression) -> None:
        self.value = value


def ascii_of(x: ir.Expr) -> ir.Expr:
    """ascii(x): repr(x) with its non-ASCII characters escaped."""
    return ir.Intrinsic("ascii", (ir.Intrinsic("repr", (x,), ir.STR, x.span),), ir.STR, x.span)


def _text_fixed(t: Any) -> bool:
    """Whether str() and repr() of a value of type t can never change nor run user code: an
    exception keeps its arguments' text from when it is made, CPython the objects (`str(e)`
    shows a list appended to since, and runs a class's `__str__` when it is printed). Types not
    known yet count as fixed (the final pass sees them)."""
    t = prune(t)
    if isinstance(t, TVar) or t in (ir.INT, ir.FLOAT, ir.BOOL, ir.STR, ir.NONE):
        return True
    if isinstance(t, ir.OptionT):
        return _text_fixed(t.inner)
    if isinstance(t, (ir.TupleT, ir.NamedT)):
        return all(_text_fixed(x) for x in t.items)
    if isinstance(t, ir.UnionT):
        return bool(t.members) and all(_text_fixed(x) for x in t.members)
    return isinstance(t, (ir.EnumT, ir.ExcT))


def _exc_arg_msg(t: Any) -> str:
    return (f"an exception argument of type {show(prune(t))}: Portalis keeps its str() and repr() from when the "
            "exception is made, CPython keeps the object (its text shows later changes, a class's __str__ runs "
            "when the exception is printed); pass its text (str(...), an f-string) instead")


def _orderable_for_sort(t: Any) -> bool:
    from portalis.analyzers.exprs import _orderable
    return _orderable(t, optional=False)


def _why_unordered(t: Any) -> str:
    from portalis.analyzers.exprs import _orderable
    if _orderable(t, optional=True):  # only because they may be None
        return (" by sorted()/sort()/min()/max() here: they may be None, and CPython raises TypeError "
                "when it compares a None, naming the first pair its algorithm compares (not reproduced)")
    return ""


class BuiltinMixin:
    locals: dict[str, Any]
    info: Any

    # ------------------------------------------------------------ argument plumbing

    def split_args(self, node: cst.Call, stars: bool = False) -> tuple[list[Any], dict[str, cst.BaseExpression]] | None:
        """Positional and keyword arguments; `stars`: a `*xs` argument comes as a `Star`."""
        pos: list[Any] = []
        kw: dict[str, cst.BaseExpression] = {}
        for a in node.args:
            if stars and a.star == "*":
                pos.append(Star(a.value))
                continue
            if a.star:
                self.err("unsupported-syntax", "`*args`/`**kwargs` in calls are not supported", a)
                return None
            if a.keyword is not None:
                kw[a.keyword.value] = a.value
            else:
                pos.append(a.value)
        return pos, kw

    def want(self, node: cst.Call, pos: list, kw: dict, lo: int, hi: int, allowed: tuple[str, ...] = (),
             kw_only: bool = False) -> bool:
        """`lo` to `hi` positional arguments and keywords among `allowed`: the names of the last
        positional parameters, in order (`kw_only`: keyword-only parameters instead)."""
        bad = [k for k in kw if k not in allowed]
        # a parameter given by position and by name is CPython's TypeError (`s.split(",", sep=",")`)
        twice = [] if kw_only else [k for i, k in enumerate(allowed) if k in kw and hi - len(allowed) + i < len(pos)]
        if not bad and not twice and lo <= len(pos) <= hi:
            return True
        name = cst.Module([]).code_for_node(node.func)  # for the message only (libcst regenerates the code)
        if twice:
            self.err("type-mismatch", f"`{name}()` is given `{twice[0]}` by position and by name "
                     "(Python raises TypeError)", node)
            return False
        if bad:
            self.err("unsupported-builtin", f"`{name}()` does not support the keyword argument `{bad[0]}` here", node)
            return False
        if not lo <= len(pos) <= hi:
            self.err("type-mismatch", f"`{name}()` takes {lo if lo == hi else f'{lo} to {hi}'} positional "
                     f"arguments, got {len(pos)}", node)
            return False
        return True

    def known(self, e: ir.Expr) -> bool:
        """False (and the result should be `unknown`) while the type of `e` is still a variable."""
        return not isinstance(prune(e.ty), TVar)

    # ------------------------------------------------------------ entry

    def call(self, node: cst.Call) -> ir.Expr:
        sp = self.sp(node)
        f = node.func
        # print(*xs): the only call that takes `*` arguments
        printing = (isinstance(f, cst.Name) and f.value == "print" and f.value not in self.info.funcs
                    and f.value not in self.info.globals and f.value not in self.locals and f.value not in self.comp_scope
                    and f.value not in self.nested and f.value not in self.info.from_imports
                    and f.value not in self.info.classes and f.value not in self.info.exceptions)
        parts = self.split_args(node, stars=printing)
        if parts is None:
            return ir.Const(None, TVar("error"), sp)
        pos, kw = parts
        f = node.func
        if isinstance(f, cst.Name):
            n = f.value
            if f in self.info.synth_calls:  # a generated call (a base exception class's __init__)
                return self.user_call(self.info.synth_calls[f], node, pos, kw)
            if n in self.nested and n not in self.comp_scope and n not in self.locals and n not in self.global_names:
                return self.user_call(self.nested[n], node, pos, kw)  # a nested function (analyzers.nested)
            if n in self.comp_scope or (n in self.locals and n not in self.global_names) or (
                    n in self.info.globals and n not in self.info.funcs):
                held = self.expr(f)
                if isinstance(prune(held.ty), ir.FuncT):  # a function value
                    return self.call_value(held, node, pos, kw)
                called = protocols.call_object(self, f, node, pos, kw)  # an object with `__call__`
                if called is not None:
                    return called
                return self.err("unsupported-syntax", f"`{n}` is a variable, not a function", f)
            if enums.is_class(self, f):  # Color(value)
                return enums.call_class(self, node, pos, kw)
            if named.is_class(self, f):  # Point(1, 2)
                return named.construct(self, node, pos, kw)
            cname = self.class_named(f) if self.info.classes else None
            if cname is not None:
                return self.construct(cname, node, pos, kw)
            if n in self.info.funcs:
                return self.user_call(n, node, pos, kw)
            if n in self.info.exceptions or n in BUILTIN_EXCEPTIONS:
                if n in self.info.refused_excs:  # already diagnosed at the class
                    return ir.Const(None, TVar("error"), sp)
                owner = self.info.exc_owner(n)
                if kw and owner is None:
                    return self.err("unsupported-syntax", "exceptions take positional arguments only", node)
                if owner is not None:  # its (or a base's) __init__, lowered as a generated function
                    if kw and self.info.exc_inits[owner].args_from_call:
                        return self.err("unsupported-syntax", f"keyword arguments to `{n}()`: its `__init__` does not "
                                        "call `super().__init__(...)`, so Python's `args` are the positional "
                                        "arguments of the call only (pass them by position)", node)
                    init = self.info.exc_inits[owner].func
                    sig = self.info.funcs[init]
                    want = len(sig.params)
                    if not want - len(sig.defaults) <= len(pos) + len(kw) <= want:
                        return self.err("type-mismatch", f"`{n}()` takes {want} argument{'s' * (want != 1)} "
                                        f"(`{owner}.__init__`), got {len(pos) + len(kw)}", node)
                    call = self.user_call(init, node, pos, kw)
                    if isinstance(prune(call.ty), TVar) and prune(call.ty).origin == "error":
                        return call
                    return ir.NewExc(n, (call,), ir.ExcT(n), sp)
                args = tuple(self.unwrap_any(self.expr(a)) for a in pos)
                for a, p in zip(args, pos):
                    if not _text_fixed(a.ty):
                        return self.err("unsupported-syntax", _exc_arg_msg(a.ty), p)
                return ir.NewExc(n, args, ir.ExcT(n), sp)
            if n in self.info.from_imports:
                mod, attr = self.info.from_imports[n]
                return self.module_call(mod, attr, node, pos, kw)
            handler = getattr(self, f"b_{n}", None)
            if handler is not None and n not in self.info.globals:
                return handler(node, pos, kw)
            return self.name(f) if n not in _BUILTIN_NAMES else self.err(
                "dynamic-eval" if n in ("eval", "exec", "compile", "getattr", "setattr", "globals", "locals", "vars",
                                       "__import__", "hasattr", "delattr") else "unsupported-builtin",
                f"the builtin `{n}()` is not supported", f)
        if isinstance(f, cst.Attribute):
            if isinstance(f.value, cst.Name) and f.value.value in ("math", "sys") and f.value.value in self.info.imports:
                return self.module_call(f.value.value, f.attr.value, node, pos, kw)
            if (isinstance(f.value, cst.Name) and f.value.value == "collections"
                    and f.attr.value in ("defaultdict", "Counter", "deque", "OrderedDict")
                    and self.info.named_state.collections_module and not self.shadowed("collections")):
                return self.module_call("collections", f.attr.value, node, pos, kw)
            if (isinstance(f.value, cst.Name) and f.value.value == "dict" and f.attr.value == "fromkeys"
                    and "dict" not in self.info.globals):
                return self.dict_fromkeys(node, pos, kw)
            if isinstance(f.value, cst.Name) and f.value.value in ("str", "int", "float", "list", "dict"):
                return self.err("unsupported-builtin", f"`{f.value.value}.{f.attr.value}(...)` is not supported", node)
            if self.info.classes:
                from portalis.analyzers.classes import _is_super_call
                if _is_super_call(node, f.attr.value):
                    return self.super_call(node, f.attr.value, pos, kw)
                cname = self.class_named(f.value)
                if cname is not None:
                    return self.class_method_call(cname, f.attr.value, node, pos, kw)
            obj = self.expr(f.value)
            if not self.known(obj):
                return self.unknown(sp) if prune(obj.ty).origin != "error" else obj
            return self.method(obj, f.attr.value, node, pos, kw)
        callee = self.expr(f)  # reports what is wrong inside first (e.g. `globals()[name](...)`)
        if isinstance(prune(callee.ty), TVar) and prune(callee.ty).origin == "error":
            return callee
        if isinstance(prune(callee.ty), ir.FuncT):  # `ops[k](a, b)`: a function value
            return self.call_value(callee, node, pos, kw)
        if isinstance(prune(callee.ty), ir.ObjT) and self.info.classes:  # `xs[0](...)`: `__call__`
            called = protocols.call_object(self, f, node, pos, kw)
            if called is not None:
                return called
        return self.err("unsupported-syntax", "only calls of named functions and methods are supported", node)

    def unwrap_any(self, e: ir.Expr) -> ir.Expr:
        return e

    def effect_free(self, e: cst.BaseExpression, rebound: frozenset[str] = frozenset()) -> bool:
        """A literal or a local variable: evaluating it can neither print, raise nor see another
        argument's effects (a module variable can: a call may rebind it; so can a local that a
        walrus among the other arguments assigns, one of `rebound`)."""
        if isinstance(e, cst.Name):
            if e.value in rebound:
                return False
            return (e.value in self.comp_scope or (e.value in self.locals and e.value not in self.global_names)
                    or e.value in ("True", "False", "None"))
        return _effect_free(e)

    def refused_call(self, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
        """A call of a function refused at its `def` (`*args`, ...): its arguments are lowered
        for what they say themselves; the call gives the error type (no second error)."""
        for a in [*pos, *kw.values()]:
            self.expr(a)
        return self.poison(node)

    def user_call(self, n: str, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
        """A call of a user function: positional and keyword arguments bound to the parameters
        as Python binds them, literal defaults for the rest; the IR call lists them in parameter
        order, so keywords written out of that order must not have effects that could show."""
        sig = self.info.funcs[n]
        if sig.refused_params:  # its parameters were refused at the `def`: the call is not checked
            return self.refused_call(node, pos, kw)
        shown = n.rsplit(".", 1)[-1] if sig.parent else n  # a nested function: its Python name
        names = [pn for pn, _ in sig.params if pn not in sig.captures]
        if len(pos) > len(names):
            return self.err("type-mismatch", f"`{shown}()` takes {len(names)} arguments, got {len(pos)}", node)
        bound: dict[str, cst.BaseExpression] = dict(zip(names, pos))
        for k, v in kw.items():
            if k not in names:
                return self.err("type-mismatch", f"`{shown}()` got an unexpected keyword argument `{k}`", v)
            if k in bound:
                return self.err("type-mismatch", f"`{shown}()` got multiple values for argument `{k}`", v)
            bound[k] = v
        missing = [pn for pn in names if pn not in bound and pn not in sig.defaults]
        if missing:
            return self.err("type-mismatch", f"`{shown}()` is missing the argument `{missing[0]}`", node)
        if sig.cache is not None and (kw or len(pos) != len(names)):
            return self.err("unsupported-syntax", f"a call of the cached function `{shown}` must pass all "
                            f"{len(names)} arguments by position (CPython's cache keys on how a call is written: "
                            "`f(1)`, `f(x=1)` and a default left out are different keys)", node)
        order = [names.index(k) for k in kw]
        rebound = walrus_targets(kw.values())
        if order != sorted(order) and sum(not self.effect_free(kw[k], rebound) for k in kw) > 1:
            return self.err("unsupported-syntax", f"keyword arguments written out of `{shown}`'s parameter order "
                            "must be local variables or literals (Python evaluates them in the order written)", node)
        args = tuple(nested.capture(self, n, pn, pt, node) if pn in sig.captures else
                     self.coerce_to(self.expr(bound.get(pn, sig.defaults.get(pn))), pt, bound.get(pn, node),
                                    f"parameter `{pn}` of `{shown}`")
                     for pn, pt in sig.params)
        return ir.Call(n, args, sig.ret, self.sp(node))

    # ------------------------------------------------------------ builtins (b_<name>)

    def b_print(self, node, pos, kw):
        args = tuple(self.print_star(a, node) if isinstance(a, Star) else self.text(a) for a in pos)
        for a in args:
            if isinstance(prune(a.ty), TVar):
                return self.unknown(self.sp(node)) if prune(a.ty).origin != "error" else a
        kws = []
        for k in [k for k in kw if k in ("sep", "end")]:  # in the order written: Python evaluates them so
            if k in kw:
                v = self.expr(kw[k])
                if prune(v.ty) == ir.NONE:
                    self.none_default(v, kw[k])
                    continue
                vt = prune(v.ty)
                if isinstance(vt, ir.OptionT) and prune(vt.inner) == ir.STR and protocols.reads_the_same(v):
                    # a `str | None` name: None is the default (" " or "\n"), as for a literal None
                    sp = self.sp(kw[k])
                    v = ir.IfExp(ir.Compare(("is not",), (v, ir.Const(None, ir.NONE, sp)), ir.BOOL, sp),
                                 ir.Coerce(v, ir.STR, sp, "not reached: tested for None"),
                                 ir.Const(" " if k == "sep" else "\n", ir.STR, sp), ir.STR, sp)
                kws.append((k, self.coerce_to(v, ir.STR, kw[k], f"`{k}=`")))
        if "file" in kw:
            fv = kw["file"]
            if (isinstance(fv, cst.Attribute) and isinstance(fv.value, cst.Name) and fv.value.value == "sys"
                    and fv.attr.value in ("stderr", "stdout")):
                kws.append(("file", ir.Const(fv.attr.value, ir.STR, self.sp(fv))))
            else:
                return self.err("unsupported-builtin", "print(file=...) supports only sys.stdout and sys.stderr", fv)
        if "flush" in kw:
            self.expr(kw["flush"])
        other = [k for k in kw if k not in ("sep", "end", "file", "flush")]
        if other:
            return self.err("unsupported-builtin", f"print() has no keyword `{other[0]}`", node)
        return ir.Intrinsic("print", args, ir.NONE, self.sp(node), tuple(kws))

    def print_star(self, a: "Star", node) -> ir.Expr:
        """`*xs` in print(): its items, each printed as str() prints it (`print.star`)."""
        it, el = self.iterable(a.value, none_err=ne.star_iteration("NoneType", "print"))
        pe = prune(el)
        if isinstance(pe, TVar):
            return ir.Const(None, pe, self.sp(a.value))
        if any(isinstance(x, ir.ObjT) for x in ir.type_parts(pe)):
            return self.err("unsupported-builtin", "print(*xs) of objects is not supported; print them one by one", a.value)
        return ir.Intrinsic("print.star", (it,), ir.ListT(pe), self.sp(a.value))

    def b_len(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        x = named.as_tuple(self.unwrap(self.expr(pos[0]), ne.length("NoneType")))
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(self.sp(node), of=(t,))
        if isinstance(t, ir.UnionT):
            return self.union_convert("len", x, node)
        if isinstance(t, ir.ObjT):
            call = self.obj_dunder(x, t, "__len__", [], node)
            if prune(call.ty) != ir.INT:
                return call
            # CPython checks what __len__ returns (ValueError below 0, OverflowError past 64 bits)
            return ir.Intrinsic("obj.len_check", (call,), ir.INT, self.sp(node))
        if t == ir.STR or isinstance(t, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT, ir.TupleT, ir.ExcArgsT)) or (isinstance(t, ir.IterT) and t.kind in ("range", "keys", "values", "items")):
            return ir.Intrinsic("len", (x,), ir.INT, self.sp(node))
        return self.err("type-mismatch", f"object of type {show(t)} has no len()", node)

    def b_range(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 3):
            return self.poison(node)
        args = [self.int_arg(self.expr(a), a) for a in pos]
        sp = self.sp(node)
        if len(args) == 1:
            args = [ir.Const(0, ir.INT, sp), args[0], ir.Const(1, ir.INT, sp)]
        elif len(args) == 2:
            args.append(ir.Const(1, ir.INT, sp))
        if isinstance(args[2], ir.Const) and args[2].value == 0:
            return self.err("type-mismatch", "range() arg 3 must not be zero", node)
        return ir.Intrinsic("range", tuple(args), ir.IterT(ir.INT, "range"), sp)

    def iterable(self, node: cst.BaseExpression, order_free: bool = False,
                 none_err: "ne.Err | None" = None) -> tuple[ir.Expr, Any]:
        it = self.iterated(self.expr(node), none_err)
        return it, self.iter_elem(it, node, order_free)

    def b_enumerate(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 2, ("start",)):
            return self.poison(node)
        it, el = self.iterable(pos[0])
        start_node = pos[1] if len(pos) == 2 else kw.get("start")
        start = self.int_arg(self.expr(start_node), start_node) if start_node is not None else ir.Const(0, ir.INT, self.sp(node))
        return ir.Intrinsic("enumerate", (it, start), ir.IterT(ir.TupleT((ir.INT, el)), "enumerate"), self.sp(node))

    def b_zip(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 4, ("strict",), kw_only=True):
            return self.poison(node)
        strict = kw.get("strict")
        if strict is not None and not (isinstance(strict, cst.Name) and strict.value in ("True", "False")
                                       and strict.value not in self.locals):
            return self.err("unsupported-builtin", "zip(strict=...) is supported with True or False written out", strict)
        its = [self.iterable(p) for p in pos]
        # strict=True: ValueError when one iterable ends before the others (`emit.loops.cursor`)
        kws = (("strict", ir.Const(True, ir.BOOL, self.sp(strict))),) if strict is not None and strict.value == "True" else ()
        return ir.Intrinsic("zip", tuple(i for i, _ in its), ir.IterT(ir.TupleT(tuple(e for _, e in its)), "zip"),
                            self.sp(node), kws)

    # map()/filter() are lowered as the generator expressions they are equivalent to when the
    # function is a name or a lambda (evaluating it has no effects, so Python's order -- the
    # function, then the iterables -- is kept): `map(f, a, b)` is `(f(x, y) for x, y in zip(a, b))`,
    # `filter(f, xs)` is `(x for x in xs if f(x))`, `filter(None, xs)` is `(x for x in xs if x)`.
    # Like any generator, the result must be consumed where it is made (list(), sum(), for, ...).

    def b_map(self, node, pos, kw):
        if not self.want(node, pos, kw, 2, 5):
            return self.poison(node)
        return self._as_genexp(node, pos[0], pos[1:], keep_if=False)

    def b_filter(self, node, pos, kw):
        if not self.want(node, pos, kw, 2, 2):
            return self.poison(node)
        return self._as_genexp(node, pos[0], pos[1:], keep_if=True)

    def _as_genexp(self, node: cst.Call, f: cst.BaseExpression, its: list, keep_if: bool):
        name = "filter" if keep_if else "map"
        n = len(its)
        if isinstance(f, cst.Lambda):
            ps = f.params
            if isinstance(ps.star_arg, cst.Param) or ps.star_kwarg is not None or \
                    ps.kwonly_params or ps.posonly_params or any(p.default is not None for p in ps.params) or \
                    len(ps.params) != n:
                return self.err("unsupported-syntax", f"the function given to {name}() must take exactly "
                                f"{n} plain parameter{'s' * (n != 1)}", f)
            names = [p.name for p in ps.params]
            body = f.body
        elif isinstance(f, cst.Name) or (isinstance(f, cst.Attribute) and isinstance(f.value, cst.Name)
                                        and f.value.value == "str" and f.value.value not in self.info.globals):
            if isinstance(f, cst.Name) and f.value == "None":
                if not keep_if:
                    return self.err("type-mismatch", "map(None, ...) is not callable", f)
                body = None
            names = [cst.Name(f"__portalis_{name}_{i}") for i in range(n)]
            if isinstance(f, cst.Attribute):  # map(str.upper, words): the method on each item
                if n != 1:
                    return self.err("unsupported-syntax", f"{name}(str.{f.attr.value}, ...) takes one iterable here", f)
                body = cst.Call(func=cst.Attribute(value=names[0], attr=f.attr), args=())
            elif f.value != "None":
                body = cst.Call(func=f, args=tuple(cst.Arg(value=x) for x in names))
        else:
            return self.err("unsupported-syntax", f"{name}() is supported with a function name or a lambda "
                            "(an expression here could have effects in a different order)", f)
        target: cst.BaseExpression = names[0] if n == 1 else \
            cst.Tuple(elements=[cst.Element(value=x) for x in names])
        it = its[0] if n == 1 else cst.Call(func=cst.Name("zip"), args=tuple(cst.Arg(value=i) for i in its))
        if keep_if:
            test = names[0] if body is None else body
            elt, ifs = names[0], (cst.CompIf(test=test),)
        else:
            elt, ifs = body, ()
        gen = cst.GeneratorExp(elt=elt, for_in=cst.CompFor(target=target, iter=it, ifs=ifs))
        for synth in (gen, gen.for_in, target, it, *names, *ifs, *([] if isinstance(f, cst.Lambda) else [body])):
            if synth is not None and synth not in self.info.sm.positions:
                self.info.synth_alias[synth] = node
        if isinstance(body, cst.Call) and isinstance(body.func, cst.Attribute) and body.func not in self.info.sm.positions:
            self.info.synth_alias[body.func] = f
        comp = self.comprehension(gen)
        if isinstance(comp, ir.Comprehension):  # CPython calls the function from C: no generator frame
            comp = dataclasses.replace(comp, frame="per-item" if isinstance(f, cst.Lambda) else "none")
        return comp

    def b_reversed(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        it, el = self.iterable(pos[0])
        t = prune(it.ty)
        if not (t == ir.STR or isinstance(t, (ir.ListT, ir.DequeT)) or (isinstance(t, ir.IterT) and t.kind == "range")):
            if isinstance(t, TVar):
                return self.unknown(self.sp(node), of=(t,))
            return self.err("unsupported-builtin", f"reversed() of {show(t)} is not supported", node)
        return ir.Intrinsic("reversed", (it,), ir.IterT(el, "reversed"), self.sp(node))

    def key_fn(self, node: cst.BaseExpression, elem_t: Any, over: cst.BaseExpression | None = None) -> ir.Expr:
        """`key=` argument: a lambda of one parameter, a user function, or len/abs/str/str.lower...;
        `d.get` when the items are d's own keys (`over` is `d` or `d.keys()`): `d[k]`, never None."""
        sp = self.sp(node)
        getter = self.operator_getter(node)
        if getter is not None:  # key=itemgetter(1) / attrgetter("name"): the lambda it stands for
            if isinstance(getter, cst.Lambda):
                return self.key_fn(getter, elem_t)
            return ir.Lambda((("_key_arg", elem_t),), getter, ir.FuncT((elem_t,), getter.ty), sp, frame=False)
        if over is not None and _own_keys_get(node, over) and isinstance(prune(self.expr(node.value).ty), ir.DictT):
            sub = cst.Subscript(value=node.value, slice=[cst.SubscriptElement(cst.Index(cst.Name("_key_arg")))])
            self.positions_alias[sub] = node
            return self.key_arg_lambda(elem_t, lambda: self.expr(sub), sp)
        if isinstance(node, cst.Lambda):
            ps = node.params
            if len(ps.params) != 1 or isinstance(ps.star_arg, cst.Param) or ps.kwonly_params or ps.star_kwarg or ps.posonly_params:
                return self.err("unsupported-syntax", "key lambdas take exactly one parameter", node)
            pname = ps.params[0].name.value
            saved = dict(self.comp_scope)
            self.comp_scope[pname] = elem_t
            try:
                body = self.expr(node.body)
            finally:
                self.comp_scope.clear()
                self.comp_scope.update(saved)
            return ir.Lambda(((pname, elem_t),), body, ir.FuncT((elem_t,), body.ty), sp)
        if (isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "str"
                and "str" not in self.info.globals):
            # key=str.lower: the method on each item (as map(str.upper, ...))
            func = cst.Attribute(value=cst.Name("_key_arg"), attr=node.attr)
            call = cst.Call(func=func, args=())
            self.positions_alias[func] = node
        else:
            call = cst.Call(func=node, args=[cst.Arg(cst.Name("_key_arg"))])
        self.positions_alias[call] = node
        return self.key_arg_lambda(elem_t, lambda: self.call(call), sp)

    def key_arg_lambda(self, elem_t: Any, lower: Any, sp: Any) -> ir.Lambda:
        """The key function `lambda _key_arg: <lower()>`, lowered with `_key_arg` an item."""
        saved = dict(self.comp_scope)
        self.comp_scope["_key_arg"] = elem_t
        try:
            body = lower()
        finally:
            self.comp_scope.clear()
            self.comp_scope.update(saved)
        return ir.Lambda((("_key_arg", elem_t),), body, ir.FuncT((elem_t,), body.ty), sp, frame=False)

    def operator_getter(self, node: cst.BaseExpression) -> cst.Lambda | ir.Expr | None:
        """`operator.itemgetter(k, ...)` / `attrgetter("a.b", ...)` with literal arguments as the
        lambda it stands for (`lambda x: x[k]`, `lambda x: (x.a.b, ...)`); an error if it is one
        with other arguments; None if it is neither."""
        if not isinstance(node, cst.Call):
            return None
        which = next((n for n in ("itemgetter", "attrgetter") if protocols.names(self.info, node.func, "operator", n)),
                     None)
        if which is None:
            return None
        args = [a.value for a in node.args]
        if not args or any(a.keyword is not None or a.star for a in node.args) or not all(
                _effect_free(a) if which == "itemgetter" else isinstance(a, cst.SimpleString) for a in args):
            what = "literal indexes or keys" if which == "itemgetter" else "literal attribute names"
            return self.err("unsupported-builtin", f"{which}() is supported with {what} only", node)
        x = cst.Name("_key_arg")
        parts: list[cst.BaseExpression] = []
        for a in args:
            if which == "itemgetter":
                parts.append(cst.Subscript(value=x, slice=[cst.SubscriptElement(cst.Index(a))]))
                continue
            path = a.evaluated_value  # type: ignore[attr-defined]
            if not isinstance(path, str) or not all(p.isidentifier() for p in path.split(".")):
                return self.err("unsupported-builtin", f"attrgetter({a.value}): not an attribute name", node)
            e: cst.BaseExpression = x
            for p in path.split("."):
                e = cst.Attribute(value=e, attr=cst.Name(p))
            parts.append(e)
        body = parts[0] if len(parts) == 1 else cst.Tuple([cst.Element(p) for p in parts])
        lam = cst.Lambda(params=cst.Parameters(params=[cst.Param(cst.Name("_key_arg"))]), body=body)
        stack: list[cst.CSTNode] = [lam]
        while stack:  # the synthetic nodes are reported at the call
            n = stack.pop()
            self.positions_alias[n] = node
            stack.extend(n.children)
        return lam

    def sort_kwargs(self, node, kw, elem_t, over: cst.BaseExpression | None = None) -> tuple | None:
        out = []
        if "key" in kw and not (isinstance(kw["key"], cst.Name) and kw["key"].value == "None"):
            k = self.key_fn(kw["key"], elem_t, over)
            if isinstance(prune(k.ty), TVar):
                return None
            kt = prune(k.ty.ret) if isinstance(k.ty, ir.FuncT) else None
            if kt is not None and not isinstance(kt, TVar):
                from portalis.analyzers.exprs import _orderable
                if not _orderable(kt, optional=False):
                    self.err("type-mismatch", f"sort keys of type {show(kt)} cannot be ordered{_why_unordered(kt)}",
                             kw["key"])
                    return None
            out.append(("key", k))
        if "reverse" in kw:
            out.append(("reverse", self.truthy(self.expr(kw["reverse"]))))
        return tuple(out)

    def b_sorted(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1, ("key", "reverse"), kw_only=True):
            return self.poison(node)
        it, el = self.iterable(pos[0], order_free="key" not in kw)
        if isinstance(prune(el), TVar):
            return self.unknown(self.sp(node), of=(el,))
        kws = self.sort_kwargs(node, kw, el, pos[0])
        if kws is None:
            return self.unknown(self.sp(node))
        if "key" not in dict(kws):
            from portalis.analyzers.exprs import _orderable
            if not _orderable(el, optional=False):
                return self.err("type-mismatch", f"values of type {show(el)} cannot be ordered{_why_unordered(el)}", node)
        return ir.Intrinsic("sorted", (it,), ir.ListT(el), self.sp(node), kws)

    def minmax(self, which: str, node, pos, kw):
        if not pos:
            return self.err("type-mismatch", f"{which}() expects at least one argument", node)
        bad = [k for k in kw if k not in ("key", "default")]
        if bad:
            return self.err("unsupported-builtin", f"{which}() has no keyword `{bad[0]}` here", node)
        sp = self.sp(node)
        if len(pos) == 1:
            it, el = self.iterable(pos[0], order_free="key" not in kw)
            if isinstance(prune(el), TVar):
                return self.unknown(sp, of=(el,))
            kws = self.sort_kwargs(node, {k: v for k, v in kw.items() if k == "key"}, el, pos[0])
            if kws is None:
                return self.unknown(sp)
            if "key" not in dict(kws) and not _orderable_for_sort(el):
                return self.err("type-mismatch", f"values of type {show(el)} cannot be ordered{_why_unordered(el)}", node)
            ty = el
            if "default" in kw:
                d = self.expr(kw["default"])
                if prune(d.ty) == ir.NONE:
                    self.none_default(d, kw["default"])
                    ty = ir.OptionT(el)
                    d = ir.Const(None, ty, d.span)
                else:
                    d = self.coerce_to(d, el, kw["default"], f"{which}(default=)")
                kws = kws + (("default", d),)
            return ir.Intrinsic(f"{which}.iter", (it,), ty, sp, kws)
        if "default" in kw:
            return self.err("type-mismatch", f"{which}() default= needs a single iterable", node)
        args = [self.expr(a) for a in pos]
        if any(isinstance(prune(a.ty), TVar) for a in args):
            return self.unknown(sp, of=tuple(a.ty for a in args))
        ts = {prune(a.ty) for a in args}
        if ts <= {ir.INT, ir.FLOAT, ir.BOOL} and len(ts) > 1:
            names = " and ".join(sorted(show(t) for t in ts))
            want = "floats" if ir.FLOAT in ts else "ints"
            return self.err("int-float-mix", f"{which}() of {names} returns whichever wins, keeping its type; "
                            f"make all arguments {want}", node)
        t = prune(args[0].ty)
        # an Optional argument after the first (the first decides the type): None raises when
        # CPython compares it with the best so far (`item < best` for min, `>` for max); with
        # key= the keys are compared, and with two Optionals the message depends on both: refused
        n_opt = sum(isinstance(prune(a.ty), ir.OptionT) for a in args)
        none_err = ne.order("<" if which == "min" else ">", "NoneType", ne.type_name(t)) \
            if n_opt == 1 and "key" not in kw else None
        args = [self.coerce_to(a, t, p, f"{which}()", none_err) for a, p in zip(args, pos)]
        kws = self.sort_kwargs(node, {k: v for k, v in kw.items() if k == "key"}, t)
        if kws is None:
            return self.unknown(sp)
        if "key" not in dict(kws) and not _orderable_for_sort(t):
            return self.err("type-mismatch", f"values of type {show(t)} cannot be ordered{_why_unordered(t)}", node)
        return ir.Intrinsic(f"{which}.args", tuple(args), t, sp, kws)

    def b_min(self, node, pos, kw):
        return self.minmax("min", node, pos, kw)

    def b_max(self, node, pos, kw):
        return self.minmax("max", node, pos, kw)

    def b_sum(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 2, ("start",)):
            return self.poison(node)
        it, el = self.iterable(pos[0], order_free=True)
        el = prune(el)
        if isinstance(el, TVar):
            return self.unknown(self.sp(node), of=(el,))
        start_node = pos[1] if len(pos) == 2 else kw.get("start")
        if isinstance(el, ir.UnionT) and start_node is None:
            return self.union_sum(it, el, node)
        if el == ir.BOOL or (isinstance(el, ir.EnumT) and el.int_enum):  # IntEnum members add as ints
            el = ir.INT
        if isinstance(el, ir.ObjT) and self.info.classes:  # through `+` (analyzers/protocols.py)
            return protocols.obj_sum(self, node, it, el, start_node)
        if el not in (ir.INT, ir.FLOAT):
            return self.err("type-mismatch", f"sum() of {show(el)} values is not supported", node)
        args: tuple = (it,)
        marks: tuple = ()
        if start_node is not None:
            s = self.expr(start_node)
            if prune(s.ty) == ir.FLOAT and el == ir.INT:
                el = ir.FLOAT
            if el == ir.FLOAT and prune(s.ty) in (ir.INT, ir.BOOL):  # empty: Python returns the int
                marks = (("int_start", ir.Const(True, ir.BOOL, self.sp(node))),)
            s = self.to_float(s) if el == ir.FLOAT else self.coerce_to(s, ir.INT, start_node, "sum(start=)")
            args = (it, s)
        return ir.Intrinsic("sum", args, el, self.sp(node), marks)

    def math_prod(self, node, pos, kw):
        """math.prod(xs, start=1): the left-to-right product, as sum() adds (one emitter for both)."""
        if not self.want(node, pos, kw, 1, 1, ("start",), kw_only=True):
            return self.poison(node)
        it, el = self.iterable(pos[0], order_free=True)
        el = prune(el)
        if isinstance(el, TVar):
            return self.unknown(self.sp(node), of=(el,))
        if el == ir.BOOL:
            el = ir.INT
        if el not in (ir.INT, ir.FLOAT):
            return self.err("unsupported-builtin", f"math.prod() of {show(el)} values is not supported", node)
        args: tuple = (it,)
        marks: tuple = ()
        start_node = kw.get("start")
        if start_node is not None:
            s = self.expr(start_node)
            st = prune(s.ty)
            if st not in (ir.INT, ir.BOOL, ir.FLOAT):
                return self.err("unsupported-builtin", f"math.prod(start=) of {show(st)} is not supported", start_node)
            if st == ir.FLOAT:
                el = ir.FLOAT
            elif el == ir.FLOAT:  # empty: Python returns the int start
                marks = (("int_start", ir.Const(True, ir.BOOL, self.sp(node))),)
            s = self.to_float(s) if el == ir.FLOAT else self.to_int(s)
            args = (it, s)
        return ir.Intrinsic("math.prod", args, el, self.sp(node), marks)

    def anyall(self, which, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        it, el = self.iterable(pos[0], order_free=True)
        if isinstance(prune(el), TVar):
            return self.unknown(self.sp(node), of=(el,))
        return ir.Intrinsic(which, (it,), ir.BOOL, self.sp(node))

    def b_iter(self, node, pos, kw):
        """`iter(xs)` of a list: a list iterator (`ir.IterT(elem, "iter")`, `rt::ListIter`), a value
        that `next()`, loops and consumers advance wherever it is held."""
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        x = self.expr(pos[0])
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(self.sp(node), of=(t,))
        if isinstance(t, ir.IterT) and t.kind == "iter":
            return x  # iter() of an iterator is that iterator
        if t == ir.STR or isinstance(t, ir.TupleT) or (isinstance(t, ir.IterT) and t.kind == "range"):
            # an immutable sequence: iterating it is iterating the list of its items
            x = self.container_ctor("list", node, pos, kw)
            t = prune(x.ty)
        if not isinstance(t, ir.ListT):
            return self.err("unsupported-builtin", f"iter() is supported on lists, strings, tuples and ranges (not on "
                            f"{show(t)}); `iter(list(...))` makes one", node)
        return ir.Intrinsic("iter.list", (x,), ir.IterT(t.elem, "iter"), self.sp(node))

    def b_next(self, node, pos, kw):
        """`next(it[, default])` of a list iterator (`iter(xs)`); `next(x for x in xs if ...)` /
        `next(<generator expression>, default)`: the first item the generator yields (the rest
        is never run), else the default, else StopIteration. A generator held in a variable is
        not modelled."""
        if not self.want(node, pos, kw, 1, 2):
            return self.poison(node)
        if not isinstance(pos[0], cst.GeneratorExp):
            return self.next_of_iterator(node, pos)
        sp = self.sp(node)
        it, el = self.iterable(pos[0])
        if isinstance(prune(el), TVar):
            return self.unknown(sp, of=(el,))
        ty, kws = el, ()
        if len(pos) == 2:
            d = self.expr(pos[1])
            if prune(d.ty) == ir.NONE:  # an Optional (a generator of Optionals: the same Optional)
                self.none_default(d, pos[1])
                ty = el if isinstance(prune(el), ir.OptionT) else ir.OptionT(el)
                d = ir.Const(None, ty, d.span)
            else:
                d = self.coerce_to(d, el, pos[1], "next() default")
            kws = (("default", d),)
        return ir.Intrinsic("next.gen", (it,), ty, sp, kws)

    def next_of_iterator(self, node, pos):
        it = self.expr(pos[0])
        t = prune(it.ty)
        if isinstance(t, TVar):
            return self.unknown(self.sp(node), of=(t,))
        if not (isinstance(t, ir.IterT) and t.kind == "iter"):
            return self.err("unsupported-builtin", "next() is supported on list iterators (`it = iter(xs)`) and on a "
                            "generator expression written in the call (`next((x for x in xs if ...), default)`)", node)
        sp, el = self.sp(node), t.elem
        if len(pos) == 1:
            return ir.Intrinsic("iter.next", (it,), el, sp)
        d = self.expr(pos[1])
        if prune(d.ty) == ir.NONE:
            self.none_default(d, pos[1])
        if prune(d.ty) == ir.NONE and not isinstance(prune(el), ir.OptionT):  # `next(it, None)`: an Optional
            return ir.Intrinsic("iter.next_opt", (it,), ir.OptionT(el), sp)
        return ir.Intrinsic("iter.next_or", (it, self.coerce_to(d, el, pos[1], "next() default")), el, sp)

    def b_any(self, node, pos, kw):
        return self.anyall("any", node, pos, kw)

    def b_all(self, node, pos, kw):
        return self.anyall("all", node, pos, kw)

    def b_abs(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        x = enums.as_int(self.unwrap(self.expr(pos[0]), ne.absolute("NoneType")))  # an IntEnum member is its int
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(self.sp(node), of=(t,))
        if isinstance(t, ir.UnionT):
            return self.union_convert("abs", x, node)
        if t == ir.FLOAT:
            return ir.Intrinsic("abs", (x,), ir.FLOAT, self.sp(node))
        if t in (ir.INT, ir.BOOL):
            return ir.Intrinsic("abs", (self.to_int(x),), ir.INT, self.sp(node))
        if isinstance(t, ir.ObjT) and self.info.classes:  # `__abs__`
            if self._has(t, "__abs__") or self.refused_class(t.name):
                return self.obj_dunder(x, t, "__abs__", [], node)
        return self.err("type-mismatch", f"bad operand type for abs(): {show(t)}", node)

    def b_round(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 2, ("ndigits",)):
            return self.poison(node)
        x = enums.as_int(self.unwrap(self.expr(pos[0]), ne.rounding("NoneType")))  # an IntEnum member is its int
        t = prune(x.ty)
        nd = pos[1] if len(pos) == 2 else kw.get("ndigits")
        if isinstance(t, TVar):
            return self.unknown(self.sp(node), of=(t,))
        if isinstance(t, ir.UnionT) and not (isinstance(nd, cst.Name) and nd.value == "None"):
            return self.union_round(x, None if nd is None else self.int_arg(self.expr(nd), nd, None), node)
        if t not in (ir.INT, ir.FLOAT, ir.BOOL):
            return self.err("type-mismatch", f"round() of {show(t)} is not supported", node)
        if nd is None or (isinstance(nd, cst.Name) and nd.value == "None"):
            return ir.Intrinsic("round", (x if t == ir.FLOAT else self.to_int(x),), ir.INT, self.sp(node))
        n = self.int_arg(self.expr(nd), nd, None)  # round(x, None) is round(x): refused
        if t == ir.FLOAT:
            return ir.Intrinsic("round.ndigits", (x, n), ir.FLOAT, self.sp(node))
        return ir.Intrinsic("round.ndigits", (self.to_int(x), n), ir.INT, self.sp(node))

    def b_int(self, node, pos, kw):
        if not self.want(node, pos, kw, 0, 2, ("base",)):
            return self.poison(node)
        sp = self.sp(node)
        if not pos and "base" in kw:
            return self.err("type-mismatch", "int() missing string argument (Python raises TypeError)", node)
        if not pos:
            return ir.Const(0, ir.INT, sp)
        x = enums.as_int(self.unwrap(self.expr(pos[0]), ne.int_conversion("NoneType")))  # int(IntEnum member)
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(sp, of=(t,))
        base = pos[1] if len(pos) == 2 else kw.get("base")
        if isinstance(t, ir.UnionT) and base is None:
            return self.union_convert("int", x, node)
        if base is not None:
            if t != ir.STR:
                return self.err("type-mismatch", "int() can't convert non-string with explicit base", node)
            return ir.Intrinsic("int.from_str_base", (x, self.int_arg(self.expr(base), base)), ir.INT, sp)
        if t == ir.INT:
            return x
        if t == ir.BOOL:
            return self.to_int(x)
        if t == ir.FLOAT:
            return ir.Intrinsic("int.from_float", (x,), ir.INT, sp)
        if t == ir.STR:
            return ir.Intrinsic("int.from_str", (x,), ir.INT, sp)
        return self.err("type-mismatch", f"int() argument must be a string or a number, not {show(t)}", node)

    def b_float(self, node, pos, kw):
        if not self.want(node, pos, kw, 0, 1):
            return self.poison(node)
        sp = self.sp(node)
        if not pos:
            return ir.Const(0.0, ir.FLOAT, sp)
        x = enums.as_int(self.unwrap(self.expr(pos[0]), ne.float_conversion("NoneType")))  # an IntEnum member is its int
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(sp, of=(t,))
        if isinstance(t, ir.UnionT):
            return self.union_convert("float", x, node)
        if t == ir.FLOAT:
            return x
        if t in (ir.INT, ir.BOOL):
            # an explicit conversion: kept apart from implicit int->float coercions, which
            # comparisons drop to compare int and float exactly as Python does
            return ir.Intrinsic("float", (self.to_float(x),), ir.FLOAT, sp)
        if t == ir.STR:
            return ir.Intrinsic("float.from_str", (x,), ir.FLOAT, sp)
        return self.err("type-mismatch", f"float() argument must be a string or a number, not {show(t)}", node)

    def b_str(self, node, pos, kw):
        if not self.want(node, pos, kw, 0, 1):
            return self.poison(node)
        if not pos:
            return ir.Const("", ir.STR, self.sp(node))
        x = self.expr(pos[0])
        if isinstance(prune(x.ty), TVar):
            return self.unknown(self.sp(node), of=(x.ty,))
        if prune(x.ty) == ir.STR:
            return x
        if not self.exc_args_text(node, x):
            return self.poison(node)
        return ir.Intrinsic("str", (x,), ir.STR, self.sp(node))

    def exc_args_text(self, node, x) -> bool:
        """In an exception's generated `__init__`, `str()`/`repr()` of an argument it passes to
        `super().__init__` (the exception's `args`, kept as text): refused (False) when that text
        could change later (`_text_fixed`)."""
        owner = self.fname.rsplit(".", 1)[0]
        if node not in self.info.synth_alias or not self.fname.endswith(".__init__") or owner not in self.info.exc_inits:
            return True
        if _text_fixed(x.ty):
            return True
        self.err("unsupported-syntax", _exc_arg_msg(x.ty), node)
        return False

    def b_repr(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        x = self.expr(pos[0])
        if isinstance(prune(x.ty), TVar):
            return self.unknown(self.sp(node), of=(x.ty,))
        if not self.exc_args_text(node, x):
            return self.poison(node)
        return ir.Intrinsic("repr", (x,), ir.STR, self.sp(node))

    def b_ascii(self, node, pos, kw):
        """ascii(x): repr(x) with its non-ASCII characters escaped (what CPython documents)."""
        r = self.b_repr(node, pos, kw)
        if not isinstance(r, ir.Intrinsic) or r.name != "repr":
            return r  # refused or not known yet
        return ir.Intrinsic("ascii", (r,), ir.STR, r.span)

    def b_bool(self, node, pos, kw):
        if not self.want(node, pos, kw, 0, 1):
            return self.poison(node)
        if not pos:
            return ir.Const(False, ir.BOOL, self.sp(node))
        return self.cond(pos[0])

    def b_hash(self, node, pos, kw):
        """hash(x) of ints, bools and tuples of them: CPython's value (pyrt/set.rs `PyHash`).
        Other values' hashes differ from run to run in CPython (salted str hashes, addresses)."""
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        x = self.expr(pos[0])
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(self.sp(node), of=(t,))
        if not stable_hash(t):
            return self.err("unsupported-builtin", f"hash() of {show(t)} is not supported: only ints, bools and "
                            "tuples of them, whose hash is the same in every CPython process", node)
        return ir.Intrinsic("hash", (x,), ir.INT, self.sp(node))

    def b_ord(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        return ir.Intrinsic("ord", (self.coerce_to(self.expr(pos[0]), ir.STR, pos[0], "ord()"),), ir.INT, self.sp(node))

    def b_chr(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        return ir.Intrinsic("chr", (self.int_arg(self.expr(pos[0]), pos[0]),), ir.STR, self.sp(node))

    def fmt_builtin(self, spec: str, node, pos, kw):
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        x = self.int_arg(self.expr(pos[0]), pos[0])
        return ir.FString((ir.FormatField(x, "", ir.FString((spec,), ir.STR, x.span)),), ir.STR, self.sp(node))

    def b_hex(self, node, pos, kw):
        return self.fmt_builtin("#x", node, pos, kw)

    def b_bin(self, node, pos, kw):
        return self.fmt_builtin("#b", node, pos, kw)

    def b_oct(self, node, pos, kw):
        return self.fmt_builtin("#o", node, pos, kw)

    def b_format(self, node, pos, kw):
        if not self.want(node, pos, kw, 1, 2):
            return self.poison(node)
        x = self.expr(pos[0])
        spec = self.coerce_to(self.expr(pos[1]), ir.STR, pos[1], "format spec") if len(pos) == 2 else ir.Const("", ir.STR, self.sp(node))
        if isinstance(prune(x.ty), TVar):
            return self.unknown(self.sp(node), of=(x.ty,))
        # format(x, spec) is f"{x:{spec}}": a literal spec is text, any other a nested field
        spec_f = (ir.FString((spec.value,), ir.STR, spec.span) if isinstance(spec, ir.Const)
                  else ir.FString((ir.FormatField(spec, "", None),), ir.STR, spec.span))
        x, _, spec_f = protocols.format_field(self, x, "", spec_f, node)  # `__format__`
        return ir.FString((ir.FormatField(x, "", spec_f),), ir.STR, self.sp(node))

    def b_divmod(self, node, pos, kw):
        if not self.want(node, pos, kw, 2, 2):
            return self.poison(node)
        a, b = self.expr(pos[0]), self.expr(pos[1])
        ta, tb = prune(a.ty), prune(b.ty)
        if isinstance(ta, TVar) or isinstance(tb, TVar):
            return self.unknown(self.sp(node), of=(ta, tb))
        a, b = self.unwrap_pair(a, b, ne.divmod_)
        a, b = enums.as_int(a), enums.as_int(b)
        ta, tb = prune(a.ty), prune(b.ty)
        if not {ta, tb} <= {ir.INT, ir.FLOAT, ir.BOOL}:
            return self.err("type-mismatch", f"unsupported operand types for divmod(): {show(ta)} and {show(tb)}", node)
        if ir.FLOAT in (ta, tb):
            return ir.Intrinsic("divmod", (self.to_float(a), self.to_float(b)), ir.TupleT((ir.FLOAT, ir.FLOAT)), self.sp(node))
        return ir.Intrinsic("divmod", (self.to_int(a), self.to_int(b)), ir.TupleT((ir.INT, ir.INT)), self.sp(node))

    def b_pow(self, node, pos, kw):
        if not self.want(node, pos, kw, 2, 3):
            return self.poison(node)
        a, b = self.expr(pos[0]), self.expr(pos[1])
        if len(pos) == 3:
            m = self.int_arg(self.expr(pos[2]), pos[2], None)  # pow(a, b, None) is pow(a, b): refused
            return ir.Intrinsic("pow.mod", (self.int_arg(a, pos[0], None), self.int_arg(b, pos[1], None), m), ir.INT, self.sp(node))
        return self.binop("**", a, b, node)

    def b_isinstance(self, node, pos, kw):
        if not self.want(node, pos, kw, 2, 2):
            return self.poison(node)
        x = self.expr(pos[0])
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(self.sp(node), of=(t,))
        names = []
        cls = pos[1]
        for c in (cls.elements if isinstance(cls, cst.Tuple) else [cls]):
            v = c.value if isinstance(c, cst.Element) else c
            if not isinstance(v, cst.Name):
                return self.err("unsupported-builtin", "isinstance() needs builtin type names", node)
            names.append(v.value)
        for v in names:
            if self.info.from_imports.get(v) in (("collections", "defaultdict"), ("collections", "Counter"),
                                                 ("collections", "OrderedDict")):
                article = "an" if v[0] in "AEIOU" else "a"
                return self.err("unsupported-builtin", f"isinstance() with {v} is not supported ({article} {v} is a dict "
                                "to Portalis: test `isinstance(x, dict)`)", node)
            if self.info.from_imports.get(v) == ("collections", "deque"):
                return self.err("unsupported-builtin", "isinstance() with deque is not supported", node)
        dyn = self.union_isinstance(x, names, node)
        if dyn is not None:
            return dyn
        base = t.inner if isinstance(t, ir.OptionT) else t
        if isinstance(t, ir.ObjT) and t.name in self.info.classes:
            return self.obj_isinstance(x, t, names, node)
        if isinstance(base, ir.ObjT):
            return self.err("unsupported-builtin", "isinstance() of an object that may be None is not supported; "
                            "check `is not None` first", node)
        match_names = {ir.INT: {"int"}, ir.BOOL: {"bool", "int"}, ir.FLOAT: {"float"}, ir.STR: {"str"}}.get(base, set())
        if isinstance(base, ir.ListT):
            match_names = {"list"}
        elif isinstance(base, ir.DictT):
            match_names = {"dict"}
        elif isinstance(base, ir.SetT):
            match_names = {"set"}
        elif isinstance(base, ir.TupleT):
            match_names = {"tuple"}
        elif isinstance(base, ir.NamedT):
            match_names = {base.name, "tuple"}
        elif isinstance(base, ir.EnumT):
            match_names = {base.name, "Enum"} | ({"IntEnum", "int"} if base.int_enum else set())
        elif isinstance(base, ir.ExcT):
            return self.err("unsupported-builtin", "isinstance() on exceptions is not supported; use except clauses", node)
        hit = bool(match_names & set(names))
        if isinstance(t, ir.OptionT) and hit:
            return ir.Compare(("is not",), (x, ir.Const(None, ir.NONE, x.span)), ir.BOOL, self.sp(node))
        result = ir.Const(hit, ir.BOOL, self.sp(node))
        if isinstance(x, (ir.Local, ir.Const, ir.Global)) and base != ir.FLOAT:  # a float may be an int (numeric.py)
            return result
        # known statically, but the argument is still evaluated (it may print or raise)
        return ir.Intrinsic("eval_then", (x, result), ir.BOOL, self.sp(node))

    def dict_fromkeys(self, node, pos, kw):
        """dict.fromkeys(keys, value=None): every key maps to the one value (the same object)."""
        if not self.want(node, pos, kw, 1, 2):
            return self.poison(node)
        sp = self.sp(node)
        it, el = self.iterable(pos[0])
        if isinstance(prune(el), TVar):
            return self.unknown(sp) if prune(el).origin != "error" else it
        self.check_hashable(el, node)
        v = self.expr(pos[1]) if len(pos) == 2 else ir.Const(None, ir.NONE, sp)
        return ir.Intrinsic("dict.fromkeys", (it, v), ir.DictT(el, v.ty), sp)

    def defaultdict_new(self, node, pos, kw):
        """`collections.defaultdict(T)` with T one of the builtin types below: a dict whose
        missing keys read as `T()` (stored by `d[k]`, not by `get` or `in`). Its value type is
        T's, so the factory's result always fits the dict."""
        if kw or len(pos) != 1:
            return self.err("unsupported-builtin", "defaultdict() is supported with one argument, a builtin type "
                            "(`defaultdict(list)`, `defaultdict(int)`)", node)
        f = pos[0]
        n = f.value if isinstance(f, cst.Name) else None
        if n not in _DEFAULT_FACTORIES or self.shadowed(n):
            return self.err("unsupported-builtin", "defaultdict() is supported with a builtin type as its factory: "
                            f"{', '.join(_DEFAULT_FACTORIES)} (a lambda or function is not)", f)
        sp = self.sp(node)
        line = sp.line
        val = {"list": lambda: ir.ListT(TVar("list-element", line)), "set": lambda: ir.SetT(TVar("set-element", line)),
               "dict": lambda: ir.DictT(TVar("dict-key", line), TVar("dict-value", line))}.get(n, lambda: _PRIM_TYPES[n])()
        return ir.Intrinsic("defaultdict", (), ir.DictT(TVar("dict-key", line), val), sp,
                            (("factory", ir.Const(n, ir.STR, sp)),))

    def counter_new(self, node, pos, kw):
        """`collections.Counter()`, `Counter(iterable)` (counts its items) or `Counter(d)` (a dict
        of int counts): a dict[K, int] whose missing keys read as 0 without being stored."""
        sp = self.sp(node)
        if kw or len(pos) > 1:
            return self.err("unsupported-builtin", "Counter() is supported with no argument, an iterable or a dict of "
                            "ints (not keyword arguments)", node)
        if not pos:
            return ir.Intrinsic("counter.new", (), ir.DictT(TVar("dict-key", sp.line), ir.INT), sp)
        x = self.expr(pos[0])
        t = prune(x.ty)
        if isinstance(t, TVar):
            return self.unknown(sp) if t.origin != "error" else x
        if isinstance(t, ir.DictT):
            if not unify(t.val, ir.INT):
                return self.err("type-mismatch", f"Counter() of a {show(t)}: only int counts are supported", node)
            return ir.Intrinsic("counter.from_dict", (x,), ir.DictT(t.key, ir.INT), sp)
        it, el = self.iterable(pos[0])
        if isinstance(prune(el), TVar):
            return self.unknown(sp) if prune(el).origin != "error" else it
        self.check_hashable(el, node)
        return ir.Intrinsic("counter.from_iter", (it,), ir.DictT(el, ir.INT), sp)

    def odict_new(self, node, pos, kw):
        """`collections.OrderedDict()` / `OrderedDict(d)` / `OrderedDict(pairs)`: a dict to the
        type checker (as defaultdict and Counter are), marked ordered at run time (repr,
        order-sensitive `==` between two, `move_to_end`, `popitem(last=...)`, its iterator's
        RuntimeError: pyrt/collections.rs)."""
        if not self.want(node, pos, kw, 0, 1):
            return self.poison(node)
        sp = self.sp(node)
        if not pos:
            return ir.Intrinsic("odict.new", (), ir.DictT(TVar("dict-key", sp.line), TVar("dict-value", sp.line)), sp)
        d = self.container_ctor("dict", node, pos, kw)  # a new plain dict, which is then marked
        if not isinstance(prune(d.ty), ir.DictT):
            return d
        return ir.Intrinsic("odict.from", (d,), d.ty, sp)

    def deque_new(self, node, pos, kw):
        """`collections.deque()`, `deque(iterable)`, `deque(iterable, maxlen)` (maxlen also by
        keyword). CPython checks maxlen before it takes the first item; maxlen is a literal or a
        name here, so reading it first (as the runtime does) shows no difference."""
        if not self.want(node, pos, kw, 0, 2, ("iterable", "maxlen")):
            return self.poison(node)
        sp = self.sp(node)
        src = pos[0] if pos else kw.get("iterable")
        m_node = pos[1] if len(pos) == 2 else kw.get("maxlen")
        if src is not None:
            it, el = self.iterable(src)
            if isinstance(prune(el), TVar):
                return self.unknown(sp) if prune(el).origin != "error" else it
        else:
            it, el = None, TVar("deque-element", sp.line)
        if m_node is None or (isinstance(m_node, cst.Name) and m_node.value == "None"):
            maxlen: ir.Expr = ir.Const(None, ir.OptionT(ir.INT), sp)
        else:
            if not (_effect_free(m_node) or isinstance(m_node, cst.Name)):
                return self.err("unsupported-builtin", "deque(maxlen=...) is supported with a literal or a variable", m_node)
            m = self.expr(m_node)
            if not self.known(m):
                return self.unknown(sp, of=(m.ty,))
            if prune(m.ty) not in (ir.INT, ir.BOOL):
                return self.err("type-mismatch", f"deque() maxlen must be an int, not {show(m.ty)}", m_node)
            maxlen = self.to_int(m)
            src_t = prune(it.ty) if it is not None else None
            lazy = it is not None and not (isinstance(src_t, (ir.ListT, ir.DequeT, ir.SetT, ir.DictT, ir.TupleT))
                                           or src_t == ir.STR or _plain_range(it))
            if lazy and not (isinstance(m, ir.Const) and isinstance(m.value, int) and m.value >= 0):
                # CPython makes the generator (evaluating its first iterable), checks maxlen,
                # then takes the items: here maxlen is checked first, which only shows when
                # it is negative
                return self.err("unsupported-builtin", "deque(<generator or iterator>, maxlen) is supported with a "
                                "non-negative int literal as maxlen; build a list first: deque(list(...), maxlen)",
                                m_node)
        t = ir.DequeT(el)
        if it is None:
            return ir.Intrinsic("deque.new", (maxlen,), t, sp)
        return ir.Intrinsic("deque.from_iter", (it, maxlen), t, sp)

    def shadowed(self, n: str) -> bool:
        """The builtin name `n` means something else here (a variable, function, class or import)."""
        return (n in self.locals or n in self.comp_scope or n in self.nested or n in self.info.globals
                or n in self.info.funcs or n in self.info.classes or n in self.info.from_imports)

    def container_ctor(self, kind: str, node, pos, kw):
        if not self.want(node, pos, kw, 0, 1):
            return self.poison(node)
        sp = self.sp(node)
        if not pos:
            if kind == "dict":
                return ir.DictLit((), ir.DictT(TVar("dict-key", sp.line), TVar("dict-value", sp.line)), sp)
            el = TVar(f"{kind}-element", sp.line)
            return ir.ListLit((), ir.ListT(el), sp) if kind == "list" else ir.SetLit((), ir.SetT(el), sp)
        it, el = self.iterable(pos[0], order_free=kind == "set")
        if isinstance(prune(el), TVar):
            return self.unknown(sp) if prune(el).origin != "error" else it
        if isinstance(it, ir.Comprehension) and it.kind == "gen" and kind in ("set", "dict"):
            # set(x for ...) / dict((k, v) for ...): the comprehension they are equal to
            if kind == "set":
                self.check_hashable(el, node)
                return ir.Comprehension("set", it.elt, it.gens, ir.SetT(el), sp, it.frame)
            if isinstance(it.elt, ir.TupleLit) and len(it.elt.items) == 2:
                k, v = it.elt.items
                self.check_hashable(k.ty, node)
                return ir.Comprehension("dict", it.elt, it.gens, ir.DictT(k.ty, v.ty), sp, it.frame)
        if kind == "dict":
            t = prune(it.ty)
            if isinstance(t, ir.DictT):
                return ir.Intrinsic("dict.copy_plain", (it,), t, sp)
            pe = prune(el)
            if not (isinstance(pe, ir.TupleT) and len(pe.items) == 2):
                return self.err("type-mismatch", f"dict() needs (key, value) pairs, got {show(pe)}", node)
            self.check_hashable(pe.items[0], node)
            return ir.Intrinsic("dict.from_iter", (it,), ir.DictT(pe.items[0], pe.items[1]), sp)
        if kind == "set":
            self.check_hashable(el, node)
            return ir.Intrinsic("set.from_iter", (it,), ir.SetT(el), sp)
        return ir.Intrinsic("list.from_iter", (it,), ir.ListT(el), sp)

    def b_list(self, node, pos, kw):
        return self.container_ctor("list", node, pos, kw)

    def b_set(self, node, pos, kw):
        return self.container_ctor("set", node, pos, kw)

    def b_dict(self, node, pos, kw):
        return self.container_ctor("dict", node, pos, kw)

    def b_input(self, node, pos, kw):
        if not self.want(node, pos, kw, 0, 1):
            return self.poison(node)
        args = tuple(self.coerce_to(self.expr(p), ir.STR, p, "input() prompt") for p in pos)
        return ir.Intrinsic("input", args, ir.STR, self.sp(node))

    # ------------------------------------------------------------ modules

    def module_call(self, mod: str, attr: str, node, pos, kw):
        sp = self.sp(node)
        if mod == "sys":
            if attr == "exit":
                if not self.want(node, pos, kw, 0, 1):
                    return self.poison(node)
                code = self.expr(pos[0]) if pos else ir.Const(None, ir.NONE, sp)
                t = prune(code.ty)
                if t not in (ir.INT, ir.STR, ir.BOOL, ir.NONE):
                    return self.err("type-mismatch", f"sys.exit() of {show(t)} is not supported", node)
                return ir.Intrinsic("sys.exit", (code,), ir.NONE, sp)
            return self.err("unsupported-builtin", f"`sys.{attr}` is not supported", node)
        if mod == "operator":
            return self.err("unsupported-builtin", f"`operator.{attr}()` is supported only as a key= function "
                            "(sorted, list.sort, min, max)", node)
        if (mod, attr) == ("collections", "defaultdict"):
            return self.defaultdict_new(node, pos, kw)
        if (mod, attr) == ("collections", "Counter"):
            return self.counter_new(node, pos, kw)
        if (mod, attr) == ("collections", "deque"):
            return self.deque_new(node, pos, kw)
        if (mod, attr) == ("collections", "OrderedDict"):
            return self.odict_new(node, pos, kw)
        if mod != "math":
            return self.err("unsupported-import", f"`{mod}.{attr}` is not supported", node)
        if attr == "prod":
            return self.math_prod(node, pos, kw)
        allowed = ("rel_tol", "abs_tol") if attr == "isclose" else ()
        args = [self.expr(a) for a in pos]
        if any(isinstance(prune(a.ty), TVar) for a in args):
            return self.unknown(sp, of=tuple(a.ty for a in args))

        def f(e, p):
            if prune(e.ty) not in (ir.INT, ir.FLOAT, ir.BOOL) and not isinstance(prune(e.ty), ir.OptionT):
                self.err("type-mismatch", f"math.{attr}() needs numbers, got {show(e.ty)}", p)
            return self.to_float(self.unwrap(e, ne.real("NoneType")))

        if attr in _MATH_LAST_DIGIT or (attr == "log" and len(pos) == 2):
            self.err("float-last-digit", f"math.{attr}() may differ from CPython in the last digit for some "
                     "arguments (WebAssembly's libm is not glibc's)", node, Severity.WARNING)
        if attr in _MATH_FLOAT1 and self.want(node, pos, kw, 1, 1):
            return ir.Intrinsic(f"math.{attr}", (f(args[0], pos[0]),), ir.FLOAT, sp)
        if attr in _MATH_FLOAT2 and self.want(node, pos, kw, 2, 2):
            return ir.Intrinsic(f"math.{attr}", (f(args[0], pos[0]), f(args[1], pos[1])), ir.FLOAT, sp)
        if attr == "log" and self.want(node, pos, kw, 1, 2):
            return ir.Intrinsic("math.log", tuple(f(a, p) for a, p in zip(args, pos)), ir.FLOAT, sp)
        if attr in _MATH_TO_INT and self.want(node, pos, kw, 1, 1):
            a = args[0]
            if prune(a.ty) in (ir.INT, ir.BOOL):
                return self.to_int(a)
            return ir.Intrinsic(f"math.{attr}", (f(a, pos[0]),), ir.INT, sp)
        if attr in _MATH_PRED and self.want(node, pos, kw, 1, 1):
            return ir.Intrinsic(f"math.{attr}", (f(args[0], pos[0]),), ir.BOOL, sp)
        if attr in ("gcd", "lcm") and self.want(node, pos, kw, 2, 2):
            return ir.Intrinsic(f"math.{attr}", tuple(self.int_arg(a, p) for a, p in zip(args, pos)), ir.INT, sp)
        if attr in ("factorial", "isqrt") and self.want(node, pos, kw, 1, 1):
            return ir.Intrinsic(f"math.{attr}", (self.int_arg(args[0], pos[0]),), ir.INT, sp)
        if attr == "comb" and self.want(node, pos, kw, 2, 2):
            return ir.Intrinsic("math.comb", tuple(self.int_arg(a, p) for a, p in zip(args, pos)), ir.INT, sp)
        if attr == "isclose" and self.want(node, pos, kw, 2, 2, allowed, kw_only=True):
            rel = f(self.expr(kw["rel_tol"]), kw["rel_tol"]) if "rel_tol" in kw else ir.Const(1e-09, ir.FLOAT, sp)
            ab = f(self.expr(kw["abs_tol"]), kw["abs_tol"]) if "abs_tol" in kw else ir.Const(0.0, ir.FLOAT, sp)
            return ir.Intrinsic("math.isclose", (f(args[0], pos[0]), f(args[1], pos[1]), rel, ab), ir.BOOL, sp)
        if attr == "fsum":
            return self.err("unsupported-builtin", "`math.fsum` is not supported yet", node)
        if attr in _MATH_FLOAT1 | _MATH_FLOAT2 | _MATH_TO_INT | _MATH_PRED | {"log", "gcd", "lcm", "factorial", "isqrt", "comb", "isclose"}:
            return self.poison(node)  # `want` reported the arity problem
        return self.err("unsupported-builtin", f"`math.{attr}` is not supported", node)

    # ------------------------------------------------------------ methods

    def method(self, obj: ir.Expr, m: str, node: cst.Call, pos, kw) -> ir.Expr:
        if isinstance(prune(obj.ty), ir.UnionT):
            obj = self.as_plain(obj, node, f"`.{m}()`")
            if not self.known(obj):
                return obj
        t = prune(obj.ty)
        if isinstance(t, ir.OptionT):
            obj = self.unwrap(obj, ne.attribute("NoneType", m))
            t = prune(t.inner)
        if t == ir.STR:
            return self.str_method(obj, m, node, pos, kw)
        if isinstance(t, ir.ListT):
            return self.list_method(obj, t, m, node, pos, kw)
        if isinstance(t, ir.DictT):
            return self.dict_method(obj, t, m, node, pos, kw)
        if isinstance(t, ir.SetT):
            return self.set_method(obj, t, m, node, pos, kw)
        if isinstance(t, ir.DequeT):
            return self.deque_method(obj, t, m, node, pos, kw)
        if isinstance(t, ir.TupleT) and m in ("index", "count"):
            return self.tuple_method(obj, t, m, node, pos, kw)
        if isinstance(t, ir.NamedT):  # p._replace(...), p._asdict()
            return named.method(self, obj, t, m, node, pos, kw)
        if isinstance(t, ir.ObjT):
            return self.obj_method(obj, t, m, node, pos, kw)
        if t in (ir.INT, ir.BOOL) and m in ("bit_length", "bit_count") and self.want(node, pos, kw, 0, 0):
            return ir.Intrinsic(f"int.{m}", (self.to_int(obj),), ir.INT, self.sp(node))
        if t == ir.FLOAT and m == "is_integer" and self.want(node, pos, kw, 0, 0):
            return ir.Intrinsic("float.is_integer", (obj,), ir.BOOL, self.sp(node))
        return self.err("unsupported-builtin", f"method `.{m}()` of {show(t)} is not supported", node)

    def s(self, p) -> ir.Expr:
        return self.coerce_to(self.expr(p), ir.STR, p, "this argument")

    def opt_str(self, p, sp) -> ir.Expr:
        if p is None:
            return ir.Const(None, ir.OptionT(ir.STR), sp)
        e = self.expr(p)
        if prune(e.ty) == ir.NONE:  # (a call that returns None still runs: exprs.coerce_to)
            return self.coerce_to(e, ir.OptionT(ir.STR), p, "this argument")
        return ir.Coerce(self.coerce_to(e, ir.STR, p, "this argument"), ir.OptionT(ir.STR), e.span)

    def str_method(self, obj, m, node, pos, kw):
        sp = self.sp(node)
        I = ir.Intrinsic
        if m in _STR_PRED and self.want(node, pos, kw, 0, 0):
            return I(f"str.{m}", (obj,), ir.BOOL, sp)
        if m in _STR_SIMPLE and self.want(node, pos, kw, 0, 0):
            return I(f"str.{m}", (obj,), ir.STR, sp)
        if m in ("split", "rsplit") and self.want(node, pos, kw, 0, 2, ("sep", "maxsplit")):
            sep = pos[0] if pos else kw.get("sep")
            mx = pos[1] if len(pos) > 1 else kw.get("maxsplit")
            mxe = self.int_arg(self.expr(mx), mx) if mx is not None else ir.Const(-1, ir.INT, sp)
            return I(f"str.{m}", (obj, self.opt_str(sep, sp), mxe), ir.ListT(ir.STR), sp)
        if m in ("strip", "lstrip", "rstrip") and self.want(node, pos, kw, 0, 1):
            return I(f"str.{m}", (obj, self.opt_str(pos[0] if pos else None, sp)), ir.STR, sp)
        if m == "join" and self.want(node, pos, kw, 1, 1):
            it, el = self.iterable(pos[0])
            if isinstance(prune(el), TVar):
                if prune(el).origin == "error":
                    return self.poison(node)
                unify(el, ir.STR)
            elif prune(el) != ir.STR:
                return self.err("type-mismatch", f"str.join() needs str items, got {show(el)}", node)
            return I("str.join", (obj, it), ir.STR, sp)
        if m == "replace" and self.want(node, pos, kw, 2, 3):
            cnt = self.int_arg(self.expr(pos[2]), pos[2]) if len(pos) == 3 else ir.Const(-1, ir.INT, sp)
            return I("str.replace", (obj, self.s(pos[0]), self.s(pos[1]), cnt), ir.STR, sp)
        if m in ("startswith", "endswith") and self.want(node, pos, kw, 1, 3):
            a = self.expr(pos[0])
            ta = prune(a.ty)
            rng = tuple(self.opt_int_arg(p, sp) for p in pos[1:3])
            if rng:
                rng += (ir.Const(None, ir.OptionT(ir.INT), sp),) * (2 - len(rng))
            if isinstance(ta, ir.TupleT) and all(prune(x) == ir.STR for x in ta.items):
                return I(f"str.{m}", (obj, a, *rng), ir.BOOL, sp)
            return I(f"str.{m}", (obj, self.coerce_to(a, ir.STR, pos[0], "prefix"), *rng), ir.BOOL, sp)
        if m in ("find", "rfind", "index", "rindex", "count") and self.want(node, pos, kw, 1, 3):
            sub = self.s(pos[0])
            rng = tuple(self.opt_int_arg(p, sp) for p in pos[1:3])
            if rng:  # s.find(sub, start[, end]): both positions, None meaning "default"
                rng += (ir.Const(None, ir.OptionT(ir.INT), sp),) * (2 - len(rng))
            return I(f"str.{m}", (obj, sub, *rng), ir.INT, sp)
        if m in ("ljust", "rjust", "center") and self.want(node, pos, kw, 1, 2):
            fill = self.s(pos[1]) if len(pos) == 2 else ir.Const(" ", ir.STR, sp)
            return I(f"str.{m}", (obj, self.int_arg(self.expr(pos[0]), pos[0]), fill), ir.STR, sp)
        if m == "zfill" and self.want(node, pos, kw, 1, 1):
            return I("str.zfill", (obj, self.int_arg(self.expr(pos[0]), pos[0])), ir.STR, sp)
        if m == "expandtabs" and self.want(node, pos, kw, 0, 1, ("tabsize",)):
            ts = pos[0] if pos else kw.get("tabsize")
            n = self.int_arg(self.expr(ts), ts) if ts is not None else ir.Const(8, ir.INT, sp)
            return I("str.expandtabs", (obj, n), ir.STR, sp)
        if m in ("removeprefix", "removesuffix") and self.want(node, pos, kw, 1, 1):
            return I(f"str.{m}", (obj, self.s(pos[0])), ir.STR, sp)
        if m in ("partition", "rpartition") and self.want(node, pos, kw, 1, 1):
            return I(f"str.{m}", (obj, self.s(pos[0])), ir.TupleT((ir.STR, ir.STR, ir.STR)), sp)
        if m == "splitlines" and self.want(node, pos, kw, 0, 1, ("keepends",)):
            keep = pos[0] if pos else kw.get("keepends")
            if keep is None:
                return I("str.splitlines", (obj,), ir.ListT(ir.STR), sp)
            return I("str.splitlines_keep", (obj, self.truthy(self.expr(keep))), ir.ListT(ir.STR), sp)
        if m == "format":
            return self.str_format(obj, node, pos, kw)
        if m in _STR_PRED | _STR_SIMPLE | {"split", "rsplit", "strip", "lstrip", "rstrip", "join", "replace",
                                            "startswith", "endswith", "find", "rfind", "index", "rindex", "count",
                                            "ljust", "rjust", "center", "zfill", "partition", "rpartition", "splitlines",
                                            "expandtabs", "removeprefix", "removesuffix"}:
            return self.poison(node)
        return self.err("unsupported-builtin", f"`str.{m}()` is not supported", node)

    def str_format(self, obj, node, pos, kw):
        if not isinstance(obj, ir.Const):
            return self.err("unsupported-builtin", "str.format() is supported on string literals only", node)
        # the arguments in the order Python evaluates them: the positional ones, then the keywords
        args = [self.expr(p) for p in pos] + [self.expr(v) for v in kw.values()]
        by_name = {k: len(pos) + i for i, k in enumerate(kw)}
        parts: list[Any] = []
        used: list[int] = []
        auto = 0
        manual = False
        try:
            parsed = list(string.Formatter().parse(obj.value))
        except ValueError as e:
            return self.err("type-mismatch", f"bad format string: {e}", node)
        for text, field, spec, conv in parsed:
            if text:
                parts.append(text)
            if field is None:
                continue
            # CPython numbers fields automatically or manually, never both (a ValueError when
            # formatting: refused here, as the other errors of a literal format string)
            if field == "":
                if manual:
                    return self.err("type-mismatch", "bad format string: cannot switch from manual field "
                                    "specification to automatic field numbering", node)
                idx = auto
                auto += 1
            elif field.isdecimal():  # CPython reads Unicode decimal digits ("{١}"); "{²}" is a name
                if auto:
                    return self.err("type-mismatch", "bad format string: cannot switch from automatic field "
                                    "numbering to manual field specification", node)
                manual = True
                idx = int(field)
                if idx >= len(pos):
                    return self.err("type-mismatch", f"format string needs argument {idx}, only {len(pos)} given "
                                    "by position", node)
            elif field.isidentifier():  # a keyword argument (`"{name}".format(name=n)`)
                if field not in by_name:
                    return self.err("type-mismatch", f"format string needs the keyword argument `{field}` (Python "
                                    "raises KeyError)", node)
                idx = by_name[field]
            else:
                return self.err("unsupported-builtin", f"format field `{{{field}}}` is not supported; use positions "
                                "or keyword names", node)
            if idx >= len(pos) and field == "":
                return self.err("type-mismatch", f"format string needs argument {idx}, only {len(pos)} given "
                                "by position", node)
            if spec and "{" in spec:
                return self.err("unsupported-builtin", "nested format fields are not supported", node)
            if conv not in (None, "r", "s", "a"):
                return self.err("type-mismatch", f"bad format string: Unknown conversion specifier {conv}", node)
            if isinstance(prune(args[idx].ty), TVar):
                return self.unknown(self.sp(node), of=(args[idx].ty,))
            arg = args[idx]
            if conv == "a":  # format(ascii(x), spec)
                arg, conv = ascii_of(arg), ""
            fe, fconv, fspec = protocols.format_field(  # `__format__`, as format() calls it
                self, arg, conv or "", ir.FString((spec,), ir.STR, obj.span) if spec else None, node)
            if fe is not arg and len(args) > 1 and not all(isinstance(a, (ir.Local, ir.Const)) for a in args):
                # CPython evaluates every argument before it formats the first field: a
                # `__format__` call in the field would run before the arguments after it
                return self.err("unsupported-builtin", "str.format() of an object whose class defines __format__ needs "
                                "arguments that are names or literals (Python evaluates them all before formatting)", node)
            parts.append(ir.FormatField(fe, fconv, fspec))
            used.append(idx)
        # Python evaluates every argument once, left to right; the f-string form evaluates each
        # field where it is used: the same only if fields use arguments once, in order, all of them
        if used != list(range(len(args))) and not all(isinstance(a, (ir.Local, ir.Const)) for a in args):
            return self.err("unsupported-builtin", "str.format() fields that reorder, repeat or skip arguments need "
                            "arguments that are names or literals (Python evaluates each argument once, in order)", node)
        return ir.FString(tuple(parts), ir.STR, self.sp(node), eval_first=len(args) > 1)

    def tuple_method(self, obj, t, m, node, pos, kw):
        """t.index(x) / t.count(x) on a tuple whose items have one type (compared as list items are)."""
        if not self.want(node, pos, kw, 1, 1):
            return self.poison(node)
        items = [prune(x) for x in t.items]
        if any(isinstance(x, TVar) for x in items):
            return self.unknown(self.sp(node), of=tuple(items))
        if not items or any(x != items[0] for x in items[1:]):
            return self.err("unsupported-builtin", f"`tuple.{m}()` is supported on a non-empty tuple whose items have "
                            f"one type, not {show(t)}", node)
        v = self.coerce_to(self.expr(pos[0]), items[0], pos[0], f"tuple.{m}()")
        return ir.Intrinsic(f"tuple.{m}", (obj, v), ir.INT, self.sp(node))

    def list_method(self, obj, t, m, node, pos, kw):
        sp = self.sp(node)
        I = ir.Intrinsic
        el = t.elem
        if m == "append" and self.want(node, pos, kw, 1, 1):
            return I("list.append", (obj, self.coerce_to(self.expr(pos[0]), el, pos[0], "list.append()")), ir.NONE, sp)
        if m == "extend" and self.want(node, pos, kw, 1, 1):
            it, iel = self.iterable(pos[0])
            if not unify(el, iel):
                return self.err("type-mismatch", f"extending {show(t)} with {show(iel)} items", node)
            return I("list.extend", (obj, it), ir.NONE, sp)
        if m == "insert" and self.want(node, pos, kw, 2, 2):
            return I("list.insert", (obj, self.int_arg(self.expr(pos[0]), pos[0]),
                                     self.coerce_to(self.expr(pos[1]), el, pos[1], "list.insert()")), ir.NONE, sp)
        if m == "pop" and self.want(node, pos, kw, 0, 1):
            if pos:
                return I("list.pop_at", (obj, self.int_arg(self.expr(pos[0]), pos[0])), el, sp)
            return I("list.pop", (obj,), el, sp)
        if m == "index" and len(pos) in (2, 3) and self.want(node, pos, kw, 2, 3):
            v = self.coerce_to(self.expr(pos[0]), el, pos[0], "list.index()")
            bounds = [self.coerce_to(self.int_arg(self.expr(p), p, ne.slice_index("NoneType")), ir.OptionT(ir.INT), p,
                                     "list.index() position")
                      for p in pos[1:]]
            if len(bounds) == 1:
                bounds.append(ir.Const(None, ir.OptionT(ir.INT), sp))
            return I("list.index_in", (obj, v, *bounds), ir.INT, sp)
        if m in ("remove", "index", "count") and self.want(node, pos, kw, 1, 1):
            v = self.coerce_to(self.expr(pos[0]), el, pos[0], f"list.{m}()")
            return I(f"list.{m}", (obj, v), ir.NONE if m == "remove" else ir.INT, sp)
        if m == "sort" and self.want(node, pos, kw, 0, 0, ("key", "reverse"), kw_only=True):
            if isinstance(prune(el), TVar):
                return self.unknown(sp, of=(el,))
            kws = self.sort_kwargs(node, kw, el)
            if kws is None:
                return self.unknown(sp)
            if "key" not in dict(kws):
                from portalis.analyzers.exprs import _orderable
                if not _orderable(el, optional=False):
                    return self.err("type-mismatch", f"values of type {show(el)} cannot be ordered{_why_unordered(el)}", node)
            return I("list.sort", (obj,), ir.NONE, sp, kws)
        if m in ("reverse", "clear") and self.want(node, pos, kw, 0, 0):
            return I(f"list.{m}", (obj,), ir.NONE, sp)
        if m == "copy" and self.want(node, pos, kw, 0, 0):
            return I("list.copy", (obj,), t, sp)
        if m in ("append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "clear", "copy"):
            return self.poison(node)
        return self.err("unsupported-builtin", f"`list.{m}()` is not supported", node)

    def dict_method(self, obj, t, m, node, pos, kw):
        sp = self.sp(node)
        I = ir.Intrinsic
        if m == "get" and self.want(node, pos, kw, 1, 2):
            k = self.coerce_to(self.expr(pos[0]), t.key, pos[0], "the dict key")
            if len(pos) == 1:
                return I("dict.get", (obj, k), ir.OptionT(t.val), sp)
            d = self.expr(pos[1])
            if prune(d.ty) == ir.NONE:
                self.none_default(d, pos[1])  # (refused when it is a call: the type stays, no cascade)
                return I("dict.get", (obj, k), ir.OptionT(t.val), sp)
            return I("dict.get_or", (obj, k, self.coerce_to(d, t.val, pos[1], "the default")), t.val, sp)
        if m in ("items", "keys", "values") and self.want(node, pos, kw, 0, 0):
            el = {"items": ir.TupleT((t.key, t.val)), "keys": t.key, "values": t.val}[m]
            return I(f"dict.{m}", (obj,), ir.IterT(el, m), sp)
        if m == "setdefault" and self.want(node, pos, kw, 2, 2):
            k = self.coerce_to(self.expr(pos[0]), t.key, pos[0], "the dict key")
            return I("dict.setdefault", (obj, k, self.coerce_to(self.expr(pos[1]), t.val, pos[1], "the default")), t.val, sp)
        if m == "pop" and self.want(node, pos, kw, 1, 2):
            k = self.coerce_to(self.expr(pos[0]), t.key, pos[0], "the dict key")
            if len(pos) == 2:
                return I("dict.pop_or", (obj, k, self.coerce_to(self.expr(pos[1]), t.val, pos[1], "the default")), t.val, sp)
            return I("dict.pop", (obj, k), t.val, sp)
        if m == "update" and self.want(node, pos, kw, 1, 1):
            o = self.expr(pos[0])
            ot = prune(o.ty)
            if not isinstance(ot, (ir.DictT, TVar)) and prune(t.val) == ir.INT:
                # Counter.update(iterable): one more of each item (a plain dict stops at run time)
                it, el = self.iterable(pos[0])
                if isinstance(prune(el), TVar):
                    return self.unknown(sp) if prune(el).origin != "error" else it
                if not unify(el, t.key):
                    return self.err("type-mismatch", f"Counter.update() of {show(el)} items into a {show(t)}", node)
                return I("counter.count_into", (it,), ir.NONE, sp, (("into", obj),))
            if not unify(o.ty, t):
                return self.err("type-mismatch", f"dict.update() needs a {show(t)}, got {show(o.ty)}", node)
            return I("dict.update", (obj, o), ir.NONE, sp)
        if m == "most_common" and prune(t.val) == ir.INT and self.want(node, pos, kw, 0, 1):
            # a Counter's; a dict raises AttributeError at run time, as in CPython
            n = tuple(self.int_arg(self.expr(p), p, None) for p in pos)
            return I("dict.most_common", (obj, *n), ir.ListT(ir.TupleT((t.key, ir.INT))), sp)
        if m == "total" and prune(t.val) == ir.INT and self.want(node, pos, kw, 0, 0):
            return I("dict.total", (obj,), ir.INT, sp)
        if m in ("copy", "clear") and self.want(node, pos, kw, 0, 0):
            return I(f"dict.{m}", (obj,), t if m == "copy" else ir.NONE, sp)
        if m == "popitem" and not pos and not kw:  # the last inserted pair
            return I("dict.popitem", (obj,), ir.TupleT((t.key, t.val)), sp)
        if m == "popitem" and self.want(node, pos, kw, 0, 1, ("last",)):
            # OrderedDict.popitem(last): a dict's TypeError at run time, as in CPython
            node_last = pos[0] if pos else kw["last"]
            last = self.truthy(self.expr(node_last))
            return I("dict.popitem_last", (obj, last), ir.TupleT((t.key, t.val)), sp,
                     (("by_keyword", ir.Const(not pos, ir.BOOL, sp)),))
        if m == "move_to_end" and self.want(node, pos, kw, 1, 2, ("last",)):
            # an OrderedDict's; a dict's AttributeError at run time, as in CPython
            k = self.coerce_to(self.expr(pos[0]), t.key, pos[0], "the dict key")
            node_last = pos[1] if len(pos) == 2 else kw.get("last")
            last = self.truthy(self.expr(node_last)) if node_last is not None else ir.Const(True, ir.BOOL, sp)
            return I("dict.move_to_end", (obj, k, last), ir.NONE, sp)
        if m in ("get", "items", "keys", "values", "setdefault", "pop", "update", "copy", "clear", "popitem",
                 "move_to_end"):
            return self.poison(node)
        if m in ("most_common", "total") and prune(t.val) != ir.INT:
            return self.err("unsupported-builtin", f"`{m}()` of a {show(t)}: a Counter's counts are ints", node)
        if m in ("elements", "subtract", "fromkeys"):
            return self.err("unsupported-builtin", f"`Counter.{m}()` is not supported", node)
        return self.err("unsupported-builtin", f"`dict.{m}()` is not supported", node)

    def set_method(self, obj, t, m, node, pos, kw):
        sp = self.sp(node)
        I = ir.Intrinsic
        if m in ("add", "discard", "remove") and self.want(node, pos, kw, 1, 1):
            return I(f"set.{m}", (obj, self.coerce_to(self.expr(pos[0]), t.elem, pos[0], f"set.{m}()")), ir.NONE, sp)
        if m in ("union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
                 "isdisjoint", "update") and self.want(node, pos, kw, 1, 1):
            o = self.expr(pos[0])
            if not unify(o.ty, t):
                return self.err("type-mismatch", f"set.{m}() needs a {show(t)}, got {show(o.ty)}", node)
            rt = ir.BOOL if m.startswith("is") else ir.NONE if m == "update" else t
            return I(f"set.{m}", (obj, o), rt, sp)
        if m in ("copy", "clear") and self.want(node, pos, kw, 0, 0):
            return I(f"set.{m}", (obj,), t if m == "copy" else ir.NONE, sp)
        if m == "pop" and self.want(node, pos, kw, 0, 0):
            if not stable_hash(t.elem):
                return self.err("set-iteration-order", "set.pop() returns an arbitrary element in CPython (its "
                                f"elements' hashes, {show(t.elem)}, differ from run to run)", node)
            return I("set.pop", (obj,), t.elem, sp)
        return self.err("unsupported-builtin", f"`set.{m}()` is not supported", node)

    def deque_method(self, obj, t, m, node, pos, kw):
        sp = self.sp(node)
        I = ir.Intrinsic
        el = t.elem
        if m in ("append", "appendleft") and self.want(node, pos, kw, 1, 1):
            return I(f"deque.{m}", (obj, self.coerce_to(self.expr(pos[0]), el, pos[0], f"deque.{m}()")), ir.NONE, sp)
        if m in ("extend", "extendleft") and self.want(node, pos, kw, 1, 1):
            it, iel = self.iterable(pos[0])
            if not unify(el, iel):
                return self.err("type-mismatch", f"extending {show(t)} with {show(iel)} items", node)
            return I(f"deque.{m}", (obj, it), ir.NONE, sp)
        if m in ("pop", "popleft") and self.want(node, pos, kw, 0, 0):
            return I(f"deque.{m}", (obj,), el, sp)
        if m in ("clear", "reverse") and self.want(node, pos, kw, 0, 0):
            return I(f"deque.{m}", (obj,), ir.NONE, sp)
        if m == "copy" and self.want(node, pos, kw, 0, 0):
            return I("deque.copy", (obj,), t, sp)
        if m == "rotate" and self.want(node, pos, kw, 0, 1):
            n = self.int_arg(self.expr(pos[0]), pos[0]) if pos else ir.Const(1, ir.INT, sp)
            return I("deque.rotate", (obj, n), ir.NONE, sp)
        if m in ("remove", "index", "count") and self.want(node, pos, kw, 1, 1):
            v = self.coerce_to(self.expr(pos[0]), el, pos[0], f"deque.{m}()")
            return I(f"deque.{m}", (obj, v), ir.NONE if m == "remove" else ir.INT, sp)
        if m == "insert" and self.want(node, pos, kw, 2, 2):
            return I("deque.insert", (obj, self.int_arg(self.expr(pos[0]), pos[0]),
                                      self.coerce_to(self.expr(pos[1]), el, pos[1], "deque.insert()")), ir.NONE, sp)
        if m in ("append", "appendleft", "extend", "extendleft", "pop", "popleft", "clear", "reverse", "copy",
                 "rotate", "remove", "index", "count", "insert"):
            return self.poison(node)  # `want` reported the arguments
        return self.err("unsupported-builtin", f"`deque.{m}()` is not supported", node)


_BUILTIN_NAMES = {
    "abs", "all", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
    "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec",
    "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
    "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview",
    "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed",
    "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
    "vars", "zip", "__import__", "exit", "quit",
}


def _own_keys_get(key: cst.BaseExpression, over: cst.BaseExpression) -> bool:
    """`key=d.get` over `d` or `d.keys()` (d a name): every item is one of d's keys."""
    if not (isinstance(key, cst.Attribute) and key.attr.value == "get" and isinstance(key.value, cst.Name)):
        return False
    if isinstance(over, cst.Call) and not over.args and isinstance(over.func, cst.Attribute) \
            and over.func.attr.value == "keys":
        over = over.func.value
    return isinstance(over, cst.Name) and over.value == key.value.value


def _plain_range(e: ir.Expr) -> bool:
    """`range(...)` of constants and local names: making it cannot print or raise."""
    return isinstance(e, ir.Intrinsic) and e.name == "range" and all(isinstance(a, (ir.Const, ir.Local)) for a in e.args)


def _effect_free(e: cst.BaseExpression) -> bool:
    """A literal: evaluating it can neither print nor raise."""
    if isinstance(e, cst.UnaryOperation) and isinstance(e.operator, (cst.Minus, cst.Plus)):
        e = e.expression
    return isinstance(e, (cst.Integer, cst.Float, cst.SimpleString))
