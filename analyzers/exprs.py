"""Expression lowering: libcst expressions -> typed `ir.Expr`.

A mixin of `analyzers.lower.FunctionLowerer`: it reads `self.locals`, `self.info` and
reports through `self.err`. Owns operators, comparisons, literals, comprehensions,
f-strings, subscripts and the coercions Python performs implicitly (int->float in
arithmetic, bool->int, T->Optional[T]). Builtin calls and methods are in
`analyzers.builtins`. Must not build statements or emit Rust.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from typing import Any, Callable

import libcst as cst

from portalis import ir
from portalis.analyzers import class_types, enums, exc_extras, named, numeric, printf, protocols
from portalis.analyzers import none_errors as ne
from portalis.analyzers.types import TVar, prune, stable_hash, unify, show
from portalis.analyzers import unions as un
from portalis.diagnostics import NO_SPAN, Span

_BINOPS: dict[type, str] = {
    cst.Add: "+", cst.Subtract: "-", cst.Multiply: "*", cst.Divide: "/", cst.FloorDivide: "//",
    cst.Modulo: "%", cst.Power: "**", cst.LeftShift: "<<", cst.RightShift: ">>",
    cst.BitAnd: "&", cst.BitOr: "|", cst.BitXor: "^",
}
_AUGOPS: dict[type, str] = {
    cst.AddAssign: "+", cst.SubtractAssign: "-", cst.MultiplyAssign: "*", cst.DivideAssign: "/",
    cst.FloorDivideAssign: "//", cst.ModuloAssign: "%", cst.PowerAssign: "**",
    cst.LeftShiftAssign: "<<", cst.RightShiftAssign: ">>", cst.BitAndAssign: "&",
    cst.BitOrAssign: "|", cst.BitXorAssign: "^",
}
_CMPOPS: dict[type, str] = {
    cst.LessThan: "<", cst.LessThanEqual: "<=", cst.GreaterThan: ">", cst.GreaterThanEqual: ">=",
    cst.Equal: "==", cst.NotEqual: "!=", cst.In: "in", cst.NotIn: "not in", cst.Is: "is", cst.IsNot: "is not",
}
_DYNAMIC = {"eval", "exec", "compile", "globals", "locals", "vars", "getattr", "setattr", "delattr",
            "hasattr", "__import__", "dir"}


MATH_CONSTS = {"pi": 3.141592653589793, "e": 2.718281828459045, "tau": 6.283185307179586,
               "inf": float("inf"), "nan": float("nan")}


class ExprMixin:
    # provided by FunctionLowerer
    locals: dict[str, Any]
    info: Any

    # ------------------------------------------------------------ helpers

    def is_float(self, e: ir.Expr) -> bool:
        return prune(e.ty) == ir.FLOAT

    def is_int(self, e: ir.Expr) -> bool:
        return prune(e.ty) == ir.INT

    def is_bool(self, e: ir.Expr) -> bool:
        return prune(e.ty) == ir.BOOL

    def to_float(self, e: ir.Expr, exact: bool = False) -> ir.Expr:
        """int -> float as Python converts (correctly rounded).  `exact` (an int compared with a
        float, which Python compares exactly): a literal is folded only if the float is exact."""
        t = prune(e.ty)
        if t == ir.FLOAT:
            return e
        if isinstance(e, ir.Const) and t == ir.INT and type(e.value) is int:
            try:
                f = float(e.value)
            except OverflowError:
                f = None
            if f is not None and (not exact or int(f) == e.value):
                return ir.Const(f, ir.FLOAT, e.span, from_int=True)
        return ir.Coerce(self.to_int(e), ir.FLOAT, e.span)

    def to_int(self, e: ir.Expr, err: "ne.Err | None" = None) -> ir.Expr:
        e = enums.as_int(e)  # an IntEnum member is its int
        t = prune(e.ty)
        if t == ir.BOOL:
            return ir.Coerce(e, ir.INT, e.span)
        return self.unwrap(e, err)

    def unwrap(self, e: ir.Expr, err: "ne.Err | None" = None) -> ir.Expr:
        """Optional[T] used where T is needed: at run time, if it is None, the exception CPython
        raises for the operation (`err`, from analyzers.none_errors). Without one the
        operation is refused: Portalis never raises an error CPython would not."""
        t = prune(e.ty)
        if isinstance(t, ir.OptionT):
            if err is None:
                self.err_at("type-mismatch", "this value may be None here, and what CPython does with None in this "
                            "operation is not modelled: check `is not None` first", e.span)
                return ir.Coerce(e, t.inner, e.span)
            cls, msg = err
            return ir.Coerce(e, t.inner, e.span, msg, cls)
        return e

    def unwrap_pair(self, a: ir.Expr, b: ir.Expr, err: "Callable[[str, str], ne.Err | None]") -> tuple[ir.Expr, ir.Expr]:
        """Both operands of a binary operation, each checked for None with CPython's error
        `err(left type name, right type name)`."""
        ta, tb = _strip_opt(prune(a.ty)), _strip_opt(prune(b.ty))
        return (self.unwrap(a, err("NoneType", ne.type_name(tb))), self.unwrap(b, err(ne.type_name(ta), "NoneType")))

    def cond(self, node: cst.BaseExpression) -> ir.Expr:
        """An expression used only for its truth value (`and`/`or` then need no common type)."""
        if isinstance(node, cst.BooleanOperation):
            op = "and" if isinstance(node.operator, cst.And) else "or"
            left = self.cond(node.left)
            right = self.narrowed_right(node, lambda: self.cond(node.right))  # `isinstance(x, int) and x > 0`
            return ir.BoolOp(op, left, right, ir.BOOL, self.sp(node))
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            return ir.UnaryOp("not", self.cond(node.expression), ir.BOOL, self.sp(node))
        return self.truthy(self.expr(node))

    def text(self, node: cst.BaseExpression) -> ir.Expr:
        """An expression used only for its str() (print arguments, f-string fields without a spec):
        a conditional expression may then pick values of different types."""
        if isinstance(node, cst.IfExp):
            a, b = self.expr(node.body), self.expr(node.orelse)
            ta, tb = prune(a.ty), prune(b.ty)
            if not isinstance(ta, TVar) and not isinstance(tb, TVar) and show(ta) != show(tb):
                sa = a if ta == ir.STR else ir.Intrinsic("str", (a,), ir.STR, a.span)
                sb = b if tb == ir.STR else ir.Intrinsic("str", (b,), ir.STR, b.span)
                return ir.IfExp(self.cond(node.test), sa, sb, ir.STR, self.sp(node))
        return self.expr(node)

    def truthy(self, e: ir.Expr) -> ir.Expr:
        t = prune(e.ty)
        if t == ir.BOOL:
            return e
        if isinstance(t, TVar):
            return self.unknown(e.span, of=(t,))
        if isinstance(t, ir.ObjT) and self.info.classes:
            return self.obj_truthy(e, t)
        if isinstance(t, ir.OptionT) and isinstance(prune(t.inner), ir.ObjT) and self.info.classes:
            return self.opt_obj_truthy(e, prune(t.inner))
        return ir.Intrinsic("truthy", (e,), ir.BOOL, e.span)

    def unknown(self, span: Any, origin: str = "unknown", of: tuple = ()) -> ir.Expr:
        """An expression whose type is not known yet (`cannot-infer-type` if it stays so); `of`:
        the operand types it depends on: one that was refused (the error type) makes this one
        refused too, so that the refusal is not reported again as `cannot infer`."""
        if any(isinstance(prune(t), TVar) and prune(t).origin == "error" for t in of):
            self.cascades.append(span)  # reported after all if nothing else was (never dropped silently)
            return ir.Const(None, TVar("error"), span)
        tv = TVar(origin, span.line)
        self.unknowns.append((tv, span))
        return ir.Const(None, tv, span)

    def coerce_to(self, e: ir.Expr, want: Any, node: cst.CSTNode, what: str, none_err: "ne.Err | None" = None) -> ir.Expr:
        """Passing `e` where a `want` is expected (argument, return value, element, assignment).
        An Optional where a plain value is wanted: `none_err` is what CPython raises if it is
        None (a dict key: KeyError); without one it is refused, since CPython would carry the
        None on where Portalis has no place for it."""
        have = prune(e.ty)
        w = prune(want)
        if isinstance(have, TVar) and have.origin == "error":
            return e
        if isinstance(w, ir.UnionT) or isinstance(have, ir.UnionT):
            boxed = self.union_coerce(e, w, node, what)
            if boxed is not None:
                return boxed
        if isinstance(e, (ir.ListLit, ir.DictLit, ir.TupleLit)) and isinstance(w, (ir.ListT, ir.DictT, ir.TupleT)) \
                and show(w) != show(have):
            lit = self.retype_literal(e, w, node, what)
            if lit is not None:
                return lit
        if have == ir.NONE and isinstance(w, TVar):
            unify(w, ir.OptionT(TVar("optional", e.span.line)))
            w = prune(w)
        if isinstance(have, ir.ObjT) and isinstance(w, (TVar, ir.OptionT)) and self.info.classes:
            from portalis.analyzers import class_group  # an inferred place for an instance of unrelated classes
            w = class_group.inferred_slot(self, have, w)
        if isinstance(w, ir.OptionT) and isinstance(have, TVar) and unify(have, w.inner):
            return ir.Coerce(e, w, e.span)  # prefer the plain type for a value not known yet
        if isinstance(w, ir.OptionT):
            if have == ir.NONE:
                if isinstance(e, (ir.Const, ir.Local, ir.Global)):
                    return ir.Const(None, w, e.span)
                return ir.Coerce(e, w, e.span)  # a call that returns None: it runs (codegen: `{ f(); None }`)
            if not isinstance(have, ir.OptionT) and not isinstance(have, TVar):
                if unify(w.inner, have):
                    return ir.Coerce(e, w, e.span)
        if isinstance(have, ir.OptionT) and not isinstance(w, (ir.OptionT, TVar)) and unify(have.inner, w):
            if none_err is None:
                hint = ("a module variable is not narrowed by an `is None` test (a call could change it): "
                        "copy it into a local, test that and use it" if isinstance(e, ir.Global)
                        else "check `is not None` first")
                return self.err("type-mismatch", f"{what} expects {show(w)} but gets {show(have)}: where it is None, "
                                "Python would carry the None on, and a "
                                f"{show(w)} cannot hold it; {hint}", node)
            return ir.Coerce(e, w, e.span, none_err[1], none_err[0])
        if isinstance(w, ir.ExcT) and isinstance(have, ir.ExcT):
            return e
        if isinstance(have, ir.ObjT) and self.info.classes:
            up = self.coerce_obj(e, have, w)
            if up is not None:
                return up
        if unify(w, have):
            return e
        if isinstance(have, ir.ObjT) and isinstance(w, ir.ObjT) and self.info.classes:
            from portalis.analyzers import class_group  # unrelated classes: held together from the next pass on
            class_group.note_meet(self, w, have, node)
        if have == ir.INT and w == ir.FLOAT:  # kept an int in CPython: checked by analyzers.numeric
            return numeric.widen(e, self.sp(node), what)
        a, b = show(w), show(have)
        if {a, b} <= {"int", "float"} or _mixes_numbers(w, have):
            return self.err("int-float-mix", f"{what} expects {a} but gets {b}; Python keeps ints and floats "
                            f"apart (they print differently), write a float literal or convert with float()", node)
        return self.err("type-mismatch", f"{what} expects {a} but gets {b}", node)

    # ------------------------------------------------------------ dispatch

    def expr(self, node: cst.BaseExpression) -> ir.Expr:
        done = self.evaluated.get(node)
        if done is not None:
            return done
        sp = self.sp(node)
        cls = type(node)  # `is`, not isinstance: these classes have no subclasses, and isinstance against
        # libcst's classes (ABCs) costs ~0.25 µs a call (this chain runs for every expression)
        if cls is cst.Integer:
            # any size: the 64-bit build stops at a literal past 64 bits (and is rerun with big ints)
            return ir.Const(node.evaluated_value, ir.INT, sp)
        if cls is cst.Float:
            return ir.Const(node.evaluated_value, ir.FLOAT, sp)
        if cls is cst.Imaginary:
            return self.err("unsupported-syntax", "complex numbers are not supported", node)
        if cls in (cst.SimpleString, cst.ConcatenatedString):
            v = node.evaluated_value
            if not isinstance(v, str):
                if isinstance(node, cst.ConcatenatedString) and v is None:
                    return self.concat_fstrings(node)
                return self.err("unsupported-syntax", "bytes literals are not supported", node)
            if _SURROGATE.search(v):
                return self.err("unsupported-syntax", _SURROGATE_MSG, node)
            return ir.Const(v, ir.STR, sp)
        if cls is cst.FormattedString:
            return self.fstring(node)
        if cls is cst.Name:
            return self.name(node)
        if cls is cst.Attribute:
            return self.attribute(node)
        if cls is cst.BinaryOperation:
            left, right = self.expr(node.left), self.expr(node.right)
            op = _BINOPS.get(type(node.operator))
            if op is None:
                return self.err("unsupported-syntax", "the `@` operator is not supported", node)
            return self.binop(op, left, right, node)
        if cls is cst.UnaryOperation:
            return self.unary(node)
        if cls is cst.BooleanOperation:
            return self.boolop(node)
        if cls is cst.Comparison:
            return self.compare(node)
        if cls is cst.IfExp:
            c = self.cond(node.test)
            a, b = self.expr(node.body), self.expr(node.orelse)
            a, b = self.ifexp_none_narrowed(node, a, b)
            t = self.join(a, b, node)
            return ir.IfExp(c, self.coerce_to(a, t, node.body, "this branch"),
                            self.coerce_to(b, t, node.orelse, "this branch"), t, sp)
        if cls is cst.Call:
            return self.call(node)
        if cls is cst.Subscript:
            return self.subscript(node)
        if cls is cst.List:
            return self.list_lit(node)
        if cls is cst.Tuple:
            items = tuple(self.elem(el) for el in node.elements)
            return ir.TupleLit(items, ir.TupleT(tuple(i.ty for i in items)), sp)
        if cls is cst.Set and any(isinstance(el, cst.StarredElement) for el in node.elements):
            return self.starred_lit(node, "set")
        if cls is cst.Set:
            items = tuple(self.elem(el) for el in node.elements)
            t = self.common(items, node, "set")
            return ir.SetLit(tuple(self.coerce_to(i, t, node, "a set element") for i in items), ir.SetT(t), sp)
        if cls is cst.Dict:
            return self.dict_lit(node)
        if cls in (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp):
            return self.comprehension(node)
        if cls is cst.Lambda:
            return self.err("unsupported-syntax", "lambdas are only supported as `key=` arguments", node)
        if cls is cst.NamedExpr:
            return self.walrus(node)
        if cls is cst.Yield:
            sp = self.sp(node)
            if (sp.line, sp.col) in self.info.yields_refused:  # reported with its function
                return ir.Const(None, TVar("error"), sp)
        if cls in (cst.Yield, cst.Await):
            code = "generator" if isinstance(node, cst.Yield) else "unsupported-syntax"
            return self.err(code, "generators are not supported yet" if code == "generator" else "async code is not supported", node)
        if cls is cst.Ellipsis:
            return self.err("unsupported-syntax", "`...` is not supported as a value", node)
        return self.err("unsupported-syntax", f"unsupported expression ({type(node).__name__})", node)

    def ifexp_none_narrowed(self, node: cst.IfExp, a: ir.Expr, b: ir.Expr) -> tuple[ir.Expr, ir.Expr]:
        """`x if x is not None else d` / `d if x is None else x` with x a local Optional: the
        branch that reads x has its plain value (the test ruled None out)."""
        t = node.test
        if not (isinstance(t, cst.Comparison) and len(t.comparisons) == 1 and isinstance(t.left, cst.Name)
                and isinstance(t.comparisons[0].comparator, cst.Name) and t.comparisons[0].comparator.value == "None"
                and isinstance(t.comparisons[0].operator, (cst.Is, cst.IsNot))):
            return a, b
        n = t.left.value
        is_not = isinstance(t.comparisons[0].operator, cst.IsNot)
        side, e = (node.body, a) if is_not else (node.orelse, b)
        if not (isinstance(side, cst.Name) and side.value == n and isinstance(e, ir.Local)):
            return a, b
        et = prune(e.ty)
        if not isinstance(et, ir.OptionT):
            return a, b
        plain = ir.Coerce(e, et.inner, e.span, "(unreachable: tested for None)", "TypeError")
        return (plain, b) if is_not else (a, plain)

    def elem(self, el: cst.BaseElement) -> ir.Expr:
        if isinstance(el, cst.StarredElement):
            return self.err("unsupported-syntax", "star-unpacking in a tuple is not supported (its length is not "
                            "known before the run); build a list: [*a, *b]", el)
        return self.expr(el.value)

    # ------------------------------------------------------------ names

    def name(self, node: cst.Name) -> ir.Expr:
        n, sp = node.value, self.sp(node)
        if n == "True" or n == "False":
            return ir.Const(n == "True", ir.BOOL, sp)
        if n == "None":
            return ir.Const(None, ir.NONE, sp)
        if n in self.locals and n not in self.global_names:
            if n in self.narrowed and n not in self.comp_scope:
                if isinstance(prune(self.locals[n]), ir.OptionT):  # narrowed by `x is None` (analyzers.unions)
                    return ir.Coerce(ir.Local(n, self.locals[n], sp), self.narrowed[n], sp,
                                     "(unreachable: tested for None)", "TypeError")
                return ir.Coerce(ir.Local(n, self.locals[n], sp), self.narrowed[n], sp)
            return ir.Local(n, self.locals[n], sp)
        if n in self.nested and n not in self.global_names:
            return self.err("unsupported-syntax", f"nested function `{n}` used as a value; only calls of it are "
                            "supported (a closure object could run after the variables it reads changed)", node)
        if n in self.info.globals:
            return ir.Global(n, self.info.globals[n], sp)
        if n in self.info.enum_state.classes:
            return enums.class_value(self, node)
        if n in self.info.named_state.classes:
            return named.class_value(self, node)
        if n in self.info.funcs:
            return self.func_value(n, node)
        if n in self.info.classes:
            return self.err("unsupported-class", f"class `{n}` used as a value; only calls and attributes of "
                            "classes are supported", node)
        if n in _DYNAMIC:
            return self.err("dynamic-eval", f"`{n}` needs dynamic evaluation, which cannot be translated", node)
        if n == "NotImplemented":
            return protocols.notimpl_name(self, node)
        if n in self.info.from_imports and self.info.from_imports[n][0] == "math" and \
                self.info.from_imports[n][1] in MATH_CONSTS:  # `from math import pi, inf as INF`
            return ir.Const(MATH_CONSTS[self.info.from_imports[n][1]], ir.FLOAT, sp)
        if n in self.refused_defs or n in self.info.refused_imports:  # refused at its line: nothing more to say
            return ir.Const(None, TVar("error"), self.sp(node))
        return self.err("undefined-name", f"name `{n}` is not defined (or not supported here)", node)

    def attribute(self, node: cst.Attribute) -> ir.Expr:
        sp = self.sp(node)
        if enums.is_class(self, node.value):  # Color.RED
            return enums.class_attr(self, node)
        if named.is_class(self, node.value):  # Point._fields
            return named.class_attr(self, node)
        got = class_types.type_name(self, node)  # x.__class__.__name__
        if got is not None:
            return got
        if exc_extras.is_type_name(self, node):  # type(e).__name__
            return exc_extras.type_name(self, node)
        if isinstance(node.value, cst.Name) and node.value.value == "math" and "math" in self.info.imports:
            if node.attr.value in MATH_CONSTS:
                return ir.Const(MATH_CONSTS[node.attr.value], ir.FLOAT, sp)
        if (isinstance(node.value, cst.Name) and node.value.value == "sys" and "sys" in self.info.imports
                and node.attr.value == "maxsize"):  # CPython's on 64-bit machines (what it prints)
            return ir.Const(2**63 - 1, ir.INT, sp)
        if isinstance(node.value, cst.Name) and node.value.value in ("math", "sys"):
            return self.err("unsupported-builtin", f"`{node.value.value}.{node.attr.value}` is not supported", node)
        cname = self.class_named(node.value) if self.info.classes else None
        if cname is not None:
            return self.class_attribute(cname, node)
        obj = self.expr(node.value)
        ot = prune(obj.ty)
        if isinstance(ot, ir.OptionT) and isinstance(prune(ot.inner), (ir.EnumT, ir.NamedT)):
            obj = self.unwrap(obj, ne.attribute("NoneType", node.attr.value))  # CPython's AttributeError on None
            ot = prune(obj.ty)
        if isinstance(ot, ir.EnumT):  # c.name, c.value
            return enums.member_attr(self, obj, ot, node)
        if isinstance(ot, ir.NamedT):  # p.x
            return named.attr(self, obj, ot, node)
        if isinstance(ot, ir.OptionT) and isinstance(prune(ot.inner), ir.ObjT):
            obj = self.unwrap(obj, ne.attribute("NoneType", node.attr.value))
            ot = prune(obj.ty)
        if isinstance(ot, ir.ObjT):
            return self.obj_attribute(node, obj, ot)
        if isinstance(ot, TVar):
            return self.unknown(sp) if ot.origin != "error" else obj
        if isinstance(ot, ir.DequeT) and node.attr.value == "maxlen":
            return ir.Intrinsic("deque.maxlen", (obj,), ir.OptionT(ir.INT), sp)
        if isinstance(ot, ir.ExcT) and node.attr.value == "args":
            return exc_extras.args(self, obj, node)
        if isinstance(ot, ir.ExcT):
            if ot.name in self.info.refused_excs:
                return self.poison(node)
            owner = self.info.exc_owner(ot.name)
            f = node.attr.value
            if owner is None or f not in self.info.exc_inits[owner].fields:
                return self.err("unsupported-class", f"`{ot.name}` has no field `{f}` (a field is set by its "
                                "`__init__`; catch the class itself, not a base or a tuple, to read it)", node)
            ft = self.info.exc_field_type(owner, f)
            if ft is None:
                return self.unknown(sp)
            return ir.Intrinsic("exc.field", (obj, ir.Const(owner, ir.STR, sp), ir.Const(f, ir.STR, sp)), ft, sp)
        return self.err("unsupported-class", f"attribute `.{node.attr.value}` is not supported on {show(ot)} values", node)

    # ------------------------------------------------------------ operators

    def binop(self, op: str, left: ir.Expr, right: ir.Expr, node: cst.CSTNode, inplace: bool = False) -> ir.Expr:
        """`left op right`, or `left op= right` (`inplace`: only CPython's error messages differ)."""
        sp = self.sp(node)
        if op == "%" and isinstance(left, ir.Const) and isinstance(left.value, str) and prune(left.ty) == ir.STR:
            return printf.lower(self, left, right, node)
        left, right = enums.as_int(left), enums.as_int(right)  # IntEnum members compute as ints
        lt, rt_ = prune(left.ty), prune(right.ty)
        if any(isinstance(t, TVar) and t.origin == "error" for t in (lt, rt_)):
            return ir.Const(None, TVar("error"), sp)  # already reported: no cascade
        if isinstance(lt, TVar) or isinstance(rt_, TVar):
            if not (isinstance(lt, TVar) and lt.origin == "error") and not (isinstance(rt_, TVar) and rt_.origin == "error"):
                # `total = total + x` with x unknown yet: same-type arithmetic is the only guess we make,
                # and only for + - * where the result type equals the operand type.
                if op in "+-*" and isinstance(lt, TVar) != isinstance(rt_, TVar):
                    known = rt_ if isinstance(lt, TVar) else lt
                    if known in (ir.INT, ir.FLOAT, ir.STR):
                        return ir.Const(None, TVar("binop"), sp)
            return self.unknown(sp)
        dyn = self.union_binop(op, left, right, node, inplace)
        if dyn is not None:
            return dyn
        if (isinstance(lt, ir.ObjT) or isinstance(rt_, ir.ObjT)) and self.info.classes:
            return self.obj_binop(op, left, right, lt, rt_, node, inplace)
        lt, rt_ = _strip_opt(lt), _strip_opt(rt_)
        if isinstance(lt, TVar) or isinstance(rt_, TVar):  # `n + 1` where n was only None so far
            return self.unknown(sp)
        left, right = self.unwrap_pair(left, right, lambda x, y: ne.binop(op, x, y, inplace))
        nums = (ir.INT, ir.FLOAT, ir.BOOL)
        if lt in nums and rt_ in nums:
            if op in ("&", "|", "^") and lt == ir.BOOL and rt_ == ir.BOOL:
                return ir.BinOp(op, left, right, ir.BOOL, sp)
            if op == "/" and ir.FLOAT not in (lt, rt_):
                return ir.BinOp("/", self.to_int(left), self.to_int(right), ir.FLOAT, sp)
            if ir.FLOAT in (lt, rt_) or op == "/":
                if op in ("<<", ">>", "&", "|", "^"):
                    return self.err("type-mismatch", f"`{op}` needs int operands", node)
                if op == "**":
                    self.warn_float_pow(right, node)
                return ir.BinOp(op, self.to_float(left), self.to_float(right), ir.FLOAT, sp)
            li, ri = self.to_int(left), self.to_int(right)
            if op == "**":
                if isinstance(right, ir.Const) and isinstance(right.value, int) and right.value < 0:
                    self.warn_float_pow(right, node)
                    return ir.BinOp(op, self.to_float(left), self.to_float(right), ir.FLOAT, sp)
            return ir.BinOp(op, li, ri, ir.INT, sp)
        if lt == ir.STR and rt_ == ir.STR and op == "+":
            return ir.BinOp("+", left, right, ir.STR, sp)
        # `n * seq` evaluates n first: the IR keeps (seq, n) and marks the order
        first = (("count_first", ir.Const(True, ir.BOOL, sp)),)
        if op == "*" and {lt, rt_} <= {ir.STR, ir.INT, ir.BOOL} and ir.STR in (lt, rt_):
            s, n = (left, right) if lt == ir.STR else (right, left)
            return ir.Intrinsic("str.repeat", (s, self.to_int(n)), ir.STR, sp, () if lt == ir.STR else first)
        if isinstance(lt, ir.ListT):
            if op == "+" and isinstance(rt_, ir.ListT):
                if not unify(lt, rt_):
                    return self.err("type-mismatch", f"cannot concatenate {show(lt)} and {show(rt_)}", node)
                return ir.Intrinsic("list.concat", (left, right), lt, sp)
            if op == "*" and rt_ in (ir.INT, ir.BOOL):
                return ir.Intrinsic("list.repeat", (left, self.to_int(right)), lt, sp)
        if op == "*" and isinstance(rt_, ir.ListT) and lt in (ir.INT, ir.BOOL):
            return ir.Intrinsic("list.repeat", (right, self.to_int(left)), rt_, sp, first)
        if isinstance(lt, ir.SetT) and isinstance(rt_, ir.SetT) and op in ("|", "&", "-", "^"):
            if not unify(lt, rt_):
                return self.err("type-mismatch", f"set operation on {show(lt)} and {show(rt_)}", node)
            name = {"|": "union", "&": "intersection", "-": "difference", "^": "symmetric_difference"}[op]
            return ir.Intrinsic(f"set.{name}", (left, right), lt, sp)
        if isinstance(lt, ir.TupleT) and isinstance(rt_, ir.TupleT) and op == "+":
            return self.err("unsupported-syntax", "tuple concatenation is not supported", node)
        if lt == ir.STR and op == "%":
            return self.err("unsupported-syntax", "printf-style `%` formatting needs a string literal as its format", node)
        return self.err("type-mismatch", f"unsupported operand types for {op}: {show(lt)} and {show(rt_)}", node)

    def unary(self, node: cst.UnaryOperation) -> ir.Expr:
        sp = self.sp(node)
        if isinstance(node.operator, cst.Not):
            return ir.UnaryOp("not", self.cond(node.expression), ir.BOOL, sp)
        e = enums.as_int(self.expr(node.expression))
        t = _strip_opt(prune(e.ty))
        if isinstance(t, TVar):
            return self.unknown(sp, of=(t,))
        op = {cst.Minus: "-", cst.Plus: "+", cst.BitInvert: "~"}[type(node.operator)]
        dyn = self.union_unary(op, e, node)
        if dyn is not None:
            return dyn
        if isinstance(t, ir.ObjT) and self.info.classes:
            return self.obj_unary(op, e, t, node)
        e = self.unwrap(e, ne.unary(op, "NoneType"))
        if isinstance(e, ir.Const) and op == "-" and t in (ir.INT, ir.FLOAT) and isinstance(e.value, (int, float)):
            return ir.Const(-e.value, t, sp, e.from_int)
        if t == ir.FLOAT and op != "~":
            return ir.UnaryOp(op, e, ir.FLOAT, sp)
        if t in (ir.INT, ir.BOOL):
            return ir.UnaryOp(op, self.to_int(e), ir.INT, sp)
        return self.err("type-mismatch", f"bad operand type for unary {op}: {show(t)}", node)

    def join(self, a: ir.Expr, b: ir.Expr, node: cst.CSTNode) -> Any:
        """The type of a value that is either `a` or `b` (conditional expressions, or/and)."""
        ta, tb = prune(a.ty), prune(b.ty)
        if ta == ir.NONE and not isinstance(tb, ir.OptionT) and tb != ir.NONE:
            return ir.OptionT(tb)
        if tb == ir.NONE and not isinstance(ta, ir.OptionT) and ta != ir.NONE:
            return ir.OptionT(ta)
        if isinstance(ta, ir.OptionT) and not isinstance(tb, ir.OptionT) and not isinstance(tb, ir.UnionT):
            if isinstance(tb, TVar) or show(ta.inner) == show(tb):
                return ta
        if not isinstance(ta, TVar) and not isinstance(tb, TVar) and show(ta) != show(tb) and (
                un.kind(ta) != un.kind(tb) or isinstance(ta, ir.UnionT) or isinstance(tb, ir.UnionT)):
            try:  # `x if c else "n/a"`: a value of either type, each keeping its own
                return un.make_union([ta, tb])
            except un.UnionError:
                pass
        return ta if not isinstance(ta, TVar) else tb

    def boolop(self, node: cst.BooleanOperation) -> ir.Expr:
        sp = self.sp(node)
        op = "and" if isinstance(node.operator, cst.And) else "or"
        left = self.expr(node.left)
        right = self.narrowed_right(node, lambda: self.expr(node.right))
        if self.is_bool(left) and self.is_bool(right):
            return ir.BoolOp(op, left, right, ir.BOOL, sp)
        lt, rt = prune(left.ty), prune(right.ty)
        if op == "or" and isinstance(lt, ir.OptionT) and not isinstance(prune(lt.inner), (TVar, ir.UnionT, ir.ObjT)) \
                and not isinstance(rt, (ir.OptionT, TVar, ir.UnionT)) and rt != ir.NONE and unify(lt.inner, rt, dry=True):
            # `x or default` with x Optional: a None x is falsy, so the result is never None (the
            # default of the same type; not an int for a float: `None or 1` is the int 1 in CPython)
            right2 = self.coerce_to(right, lt.inner, node.right, "`or`")
            if not (isinstance(prune(right2.ty), TVar) and prune(right2.ty).origin == "error"):
                return ir.BoolOp(op, left, right2, prune(lt.inner), sp)
            return right2
        t = self.join(left, right, node)
        if isinstance(prune(t), TVar):
            return self.unknown(sp, of=(t,))
        left2 = self.coerce_to(left, t, node.left, f"`{op}`")
        right2 = self.coerce_to(right, t, node.right, f"`{op}`")
        return ir.BoolOp(op, left2, right2, t, sp)

    def compare(self, node: cst.Comparison) -> ir.Expr:
        ni = protocols.notimpl_test(self, node)  # `x is NotImplemented`
        if ni is not None:
            return ni
        sp = self.sp(node)
        if self.info.classes:  # `type(x) is C` (analyzers/class_types)
            got = class_types.compare(self, node)
            if got is not None:
                return got
        operands = [self.expr(node.left)]
        ops: list[str] = []
        for ct in node.comparisons:
            ops.append(_CMPOPS[type(ct.operator)])
            operands.append(self.expr(ct.comparator))
        out = [operands[0]]
        for i, op in enumerate(ops):
            a, b = out[-1], operands[i + 1]
            a, b, op = enums.compare_operands(a, b, op)  # members: `is` is `==`; IntEnum as int
            ops[i], out[-1] = op, a
            ta, tb = prune(a.ty), prune(b.ty)
            cnode = node.comparisons[i].comparator
            if op in ("is", "is not") and (un.none_inside(ta) or un.none_inside(tb)):
                if tb != ir.NONE and ta != ir.NONE:
                    return self.err("unsupported-syntax", "`is` is only supported with None; use `==`", node)
                x = a if un.none_inside(ta) else b
                if len(ops) > 1:
                    return self.err("unsupported-syntax", "`is None` on a value of several types inside a chained "
                                    "comparison is not supported", node)
                chk: ir.Expr = ir.Intrinsic("union.is_none", (x,), ir.BOOL, sp)
                return chk if op == "is" else ir.UnaryOp("not", chk, ir.BOOL, sp)
            if (any(isinstance(_strip_opt(x), ir.ObjT) for x in (ta, tb)) and self.info.classes
                    and not (op in ("is", "is not") and ir.NONE in (ta, tb))):
                if len(ops) > 1:
                    return self.err("unsupported-syntax", "chained comparisons of objects are not supported", node)
                return self.obj_compare(op, a, b, node)
            if op in ("is", "is not"):
                if tb != ir.NONE and ta != ir.NONE:
                    return self.err("unsupported-syntax", "`is` is only supported with None; use `==`", node)
                if ta == ir.NONE and tb != ir.NONE:
                    out[-1] = b  # `None is x` -> `x is None`
                    out.append(a)
                else:
                    out.append(b)
                continue
            if any(isinstance(t, TVar) and t.origin == "error" for t in (ta, tb)):
                return ir.Const(None, TVar("error"), sp)  # already reported: no cascade
            if isinstance(ta, TVar) or isinstance(tb, TVar):
                return self.unknown(sp, of=(ta, tb))
            if op in ("in", "not in") and isinstance(tb, ir.UnionT):
                b = self.as_plain(b, cnode, "`in`")
                tb = prune(b.ty)
                if isinstance(tb, TVar):
                    return b
            if op in ("in", "not in") and isinstance(ta, ir.UnionT) and tb == ir.STR:
                out[-1] = a = self.unbox_to(a, ir.STR, cnode, "`in <str>`")
                ta = prune(a.ty)
            if op not in ("in", "not in"):
                if isinstance(ta, ir.OptionT) and un.none_inside(ta):  # `d.get(k) == None`: the Obj inside
                    out[-1] = a = ir.Coerce(a, un.make_union([ta]), a.span)
                if isinstance(tb, ir.OptionT) and un.none_inside(tb):
                    b = ir.Coerce(b, un.make_union([tb]), b.span)
                pair = self.union_compare_pair(op, a, b, cnode)
                if pair is not None:
                    out[-1] = pair[0]
                    out.append(pair[1])
                    continue
            if op in ("in", "not in"):
                if isinstance(tb, ir.OptionT):  # `x in maybe_list`: CPython's TypeError if it is None
                    b = self.unwrap(b, ne.containment("NoneType"))
                    tb = prune(b.ty)
                if isinstance(ta, ir.OptionT):
                    # an Optional needle (usually narrowed by `if x is None: return` before)
                    ct = tb
                    elem = ct.elem if isinstance(ct, (ir.ListT, ir.SetT, ir.DequeT)) else ct.key if isinstance(ct, ir.DictT) else None
                    if ct == ir.STR:
                        out[-1] = a = self.unwrap(a, ne.str_containment("NoneType"))
                    elif elem is not None and isinstance(prune(elem), ir.OptionT):
                        pass  # a container of Optionals: compared as they are
                    elif isinstance(ct, (ir.ListT, ir.SetT, ir.DequeT, ir.DictT, ir.TupleT)):
                        # None is in no container of plain values: False, as in CPython (the
                        # emitter tests the needle for None after evaluating both sides)
                        self.membership_rhs(ir.Const(None, ta.inner, a.span), b, cnode)
                        out.append(b)
                        continue
                    else:
                        out[-1] = a = self.unwrap(a)
                else:
                    # `None in xs` / `"a" in xs` for a container of Optionals: the needle as
                    # that element type
                    ct = prune(b.ty)
                    elem = ct.elem if isinstance(ct, (ir.ListT, ir.SetT, ir.DequeT)) else ct.key if isinstance(ct, ir.DictT) else None
                    if elem is not None and isinstance(prune(elem), ir.OptionT):
                        if ta == ir.NONE and isinstance(a, ir.Const):
                            out[-1] = a = ir.Const(None, prune(elem), a.span)
                        elif not isinstance(ta, TVar) and ta != ir.NONE and unify(prune(elem).inner, ta):
                            out[-1] = a = ir.Coerce(a, prune(elem), a.span)
                ct = prune(b.ty)
                elem = ct.elem if isinstance(ct, (ir.ListT, ir.SetT, ir.DequeT)) else ct.key if isinstance(ct, ir.DictT) else None
                if elem is not None and isinstance(prune(elem), ir.UnionT) and not isinstance(prune(a.ty), ir.UnionT):
                    out[-1] = a = self.coerce_to(a, elem, cnode, "the value looked for")  # `1 in [1, "a"]`
                out.append(self.membership_rhs(a, b, cnode))
                continue
            if (ta == ir.NONE) != (tb == ir.NONE) and op in ("==", "!="):
                # `x == None` behaves like `x is None` for the supported types
                if tb == ir.NONE:
                    ops[i] = "is" if op == "==" else "is not"
                    out.append(b)
                    continue
            nums = (ir.INT, ir.FLOAT, ir.BOOL)
            sa, sb = _strip_opt(ta), _strip_opt(tb)
            if sa in nums and sb in nums and op not in ("==", "!=") or (sa in nums and sb in nums and sa != sb):
                if ir.FLOAT in (sa, sb):
                    ua, ub = self.unwrap_pair(a, b, lambda x, y, op=op: ne.order(op, x, y))
                    out[-1] = self.to_float(ua, exact=True) if sa != ir.FLOAT else ua
                    out.append(self.to_float(ub, exact=True))
                    continue
                if sa == ir.BOOL or sb == ir.BOOL:
                    out[-1] = self.to_int(a)
                    out.append(self.to_int(b))
                    continue
                out[-1], ub = self.unwrap_pair(a, b, lambda x, y, op=op: ne.order(op, x, y))
                out.append(ub)
                continue
            if op in ("==", "!="):
                if isinstance(ta, ir.OptionT) and not isinstance(tb, ir.OptionT):
                    out.append(self.coerce_to(b, ta, cnode, "comparison"))
                    continue
                if isinstance(tb, ir.OptionT) and not isinstance(ta, ir.OptionT):
                    out[-1] = self.coerce_to(a, tb, cnode, "comparison")
                    out.append(b)
                    continue
            if op not in ("==", "!=") and isinstance(ta, ir.OptionT) != isinstance(tb, ir.OptionT):
                # `v > best` with an Optional best (`best is None or v > best`): CPython's
                # TypeError if it is None, else the values compare as themselves
                a, b = self.unwrap_pair(a, b, lambda x, y, op=op: ne.order(op, x, y))
                out[-1], ta, tb = a, prune(a.ty), prune(b.ty)
            if not unify(ta, tb):
                return self.err("type-mismatch", f"comparing {show(ta)} with {show(tb)} is not supported: "
                                "Portalis compares values of one type (tuples of one length, lists of one "
                                "element type); make the types agree", node)
            if op not in ("==", "!=") and not _orderable(ta) and not isinstance(ta, ir.SetT):
                return self.err("type-mismatch", f"`{op}` is not supported between {show(ta)} values", node)
            if op not in ("==", "!=") and isinstance(ta, (ir.TupleT, ir.NamedT, ir.ListT)) and not _orderable(ta, False):
                # CPython raises TypeError if the comparison reaches a None item (Rust's Option
                # would order it first instead)
                return self.err("type-mismatch", f"`{op}` between {show(ta)} values that may hold None is not "
                                "supported (CPython raises TypeError when it compares a None item)", node)
            if isinstance(ta, ir.OptionT) and op not in ("==", "!="):
                out[-1], ub = self.unwrap_pair(a, b, lambda x, y, op=op: ne.order(op, x, y))
                out.append(ub)
                continue
            out.append(b)
        return ir.Compare(tuple(ops), tuple(out), ir.BOOL, sp)

    def membership_rhs(self, item: ir.Expr, container: ir.Expr, node: cst.CSTNode) -> ir.Expr:
        container = named.as_tuple(container)
        ct = prune(container.ty)
        it = prune(item.ty)
        if ct == ir.STR:
            if it != ir.STR:
                return self.err("type-mismatch", f"`in <str>` requires a str on the left, not {show(it)}", node)
            return container
        elem = None
        if isinstance(ct, (ir.ListT, ir.SetT, ir.DequeT)):
            elem = ct.elem
        elif isinstance(ct, ir.DictT):
            elem = ct.key
        elif isinstance(ct, ir.TupleT) and ct.items:
            elem = ct.items[0]
            for x in ct.items[1:]:
                if not unify(elem, x):
                    return self.err("type-mismatch", "`in` over a tuple with mixed element types", node)
        elif isinstance(ct, ir.IterT) and ct.kind in ("range", "keys", "values"):
            elem = ct.elem
        if elem is None:
            return self.err("type-mismatch", f"`in` is not supported for {show(ct)}", node)
        if not unify(elem, it):
            if {prune(elem), it} <= {ir.INT, ir.FLOAT, ir.BOOL}:
                return self.err("int-float-mix", f"membership test of {show(it)} in a container of {show(elem)}", node)
            return self.err("type-mismatch", f"membership test of {show(it)} in a container of {show(elem)}", node)
        return container

    # ------------------------------------------------------------ literals

    def common(self, items: tuple[ir.Expr, ...], node: cst.CSTNode, what: str) -> Any:
        t: Any = TVar(f"{what}-element", self.sp(node).line)
        objs = {prune(i.ty).name for i in items if isinstance(prune(i.ty), ir.ObjT)}
        if len(objs) > 1 and self.info.classes:  # instances of several classes: their nearest common base
            from portalis.analyzers.classes import common_base
            names = sorted(objs)
            cb = names[0]
            for n in names[1:]:
                cb = common_base(self.info, cb, n) if cb is not None else None
            if cb is None:  # unrelated classes: their implicit common root (analyzers/class_group)
                from portalis.analyzers import class_group
                cb = class_group.meet(self, names, node)
            if cb is not None:
                unify(t, ir.ObjT(cb))
        elif len(objs) == 1 and self.info.classes:
            from portalis.analyzers import class_group
            if class_group.member(self.info, next(iter(objs))):  # a list that also gets other classes' instances
                unify(t, ir.ObjT(class_group.GROUP))
        for i in items:
            it = prune(i.ty)
            if isinstance(it, TVar) and it.origin == "error":
                continue
            pt = prune(t)
            if it == ir.NONE and isinstance(pt, TVar):
                t = ir.OptionT(TVar(f"{what}-element", self.sp(node).line))
                continue
            if it == ir.NONE and not isinstance(pt, TVar):
                t = pt if isinstance(pt, ir.OptionT) else un.make_union([pt, ir.NONE]) if isinstance(pt, ir.UnionT) else ir.OptionT(pt)
                continue
            if isinstance(pt, ir.ObjT) and isinstance(it, ir.ObjT) and self.coerce_obj(i, it, pt) is not None:
                continue
            if isinstance(pt, TVar) or not unify(pt, it):
                if isinstance(pt, ir.OptionT) and unify(pt.inner, it):
                    continue
                if not isinstance(pt, TVar) and isinstance(it, ir.OptionT) and unify(it.inner, pt):
                    t = it
                    continue
                if not isinstance(pt, TVar):
                    if isinstance(pt, ir.UnionT) and un.accepts(pt, it):
                        continue
                    if not isinstance(it, TVar):
                        try:  # a literal of mixed types: its items are values of several types
                            t = un.make_union([pt, it])
                            continue
                        except un.UnionError:
                            pass
                    if {show(pt), show(it)} <= {"int", "float"}:
                        self.err("int-float-mix", f"a {what} mixing int and float elements prints them differently; "
                                 "write float literals", node)
                    else:
                        self.err("type-mismatch", f"a {what} must hold one type, found {show(pt)} and {show(it)}", node)
                    return TVar("error")
                unify(pt, it)
        return t

    def starred_lit(self, node: cst.List | cst.Set, kind: str) -> ir.Expr:
        """`[a, *xs, *ys]` / `{a, *xs}`: the parts in order, each `*` part copied into a new list
        or set before the next part is evaluated (as CPython extends the one it builds), then
        joined (`list.concat` / `set.union` make new ones)."""
        sp = self.sp(node)
        parts: list[tuple[str, Any]] = []
        for el in node.elements:
            if isinstance(el, cst.StarredElement):
                parts.append(("star", self.iterable(el.value, order_free=kind == "set",
                                                    none_err=ne.star_iteration("NoneType") if kind == "list" else None)))
            elif parts and parts[-1][0] == "lit":
                parts[-1][1].append(self.expr(el.value))
            else:
                parts.append(("lit", [self.expr(el.value)]))
        for k, v in parts:
            if k == "star" and isinstance(prune(v[1]), TVar) and prune(v[1]).origin == "error":
                return self.poison(node)
        # one element type: the plain items may convert to it, a starred part's items must have it
        shown = [x for k, v in parts for x in (v if k == "lit" else [ir.Const(None, v[1], sp)])]
        t = self.common(tuple(shown), node, kind)
        if isinstance(prune(t), TVar):
            return self.unknown(sp, of=(t,))
        for k, v in parts:
            if k == "star" and not unify(v[1], t):
                return self.err("type-mismatch", f"a `*` part with {show(v[1])} items in a {kind} of {show(t)}", node)
        ct = ir.ListT(t) if kind == "list" else ir.SetT(t)
        if kind == "set":
            self.check_hashable(t, node)
        what = f"a {kind} element"
        if kind == "set":  # BUILD_SET + SET_ADD/SET_UPDATE: one set, each part added to it in turn
            args: list[ir.Expr] = []
            stars = ""
            for k, v in parts:
                if k == "lit":
                    args += [self.coerce_to(i, t, node, what) for i in v]
                    stars += "." * len(v)
                else:
                    args.append(v[0])
                    stars += "*"
            return ir.Intrinsic("set.display", tuple(args), ct, sp, (("stars", ir.Const(stars, ir.STR, sp)),))
        acc: ir.Expr | None = None
        for k, v in parts:
            if k == "lit":
                items = tuple(self.coerce_to(i, t, node, what) for i in v)
                e: ir.Expr = ir.ListLit(items, ct, sp) if kind == "list" else ir.SetLit(items, ct, sp)
            else:
                e = ir.Intrinsic(f"{kind}.from_iter", (v[0],), ct, v[0].span)
            acc = e if acc is None else ir.Intrinsic("list.concat" if kind == "list" else "set.union", (acc, e), ct, sp)
        assert acc is not None
        return acc

    def list_lit(self, node: cst.List) -> ir.Expr:
        if any(isinstance(el, cst.StarredElement) for el in node.elements):
            return self.starred_lit(node, "list")
        items = tuple(self.elem(el) for el in node.elements)
        t = self.common(items, node, "list")
        return ir.ListLit(tuple(self.coerce_to(i, t, node, "a list element") for i in items), ir.ListT(t), self.sp(node))

    def dict_lit(self, node: cst.Dict) -> ir.Expr:
        if any(isinstance(el, cst.StarredDictElement) for el in node.elements):
            return self.starred_dict(node)
        keys, vals = [], []
        for el in node.elements:
            keys.append(self.expr(el.key))
            vals.append(self.expr(el.value))
        kt = self.common(tuple(keys), node, "dict key")
        vt = self.common(tuple(vals), node, "dict value")
        self.check_hashable(kt, node)
        pairs = tuple((self.coerce_to(k, kt, node, "a dict key"), self.coerce_to(v, vt, node, "a dict value"))
                      for k, v in zip(keys, vals))
        return ir.DictLit(pairs, ir.DictT(kt, vt), self.sp(node))

    def starred_dict(self, node: cst.Dict) -> ir.Expr:
        """`{**a, "k": v, **b}`: a new dict updated with each part in order (each `**` part is
        copied in before the next part is evaluated, as CPython's DICT_UPDATE does)."""
        sp = self.sp(node)
        parts: list[tuple[str, Any]] = []
        for el in node.elements:
            if isinstance(el, cst.StarredDictElement):
                parts.append(("star", self.expr(el.value)))
            elif parts and parts[-1][0] == "lit":
                parts[-1][1].append((self.expr(el.key), self.expr(el.value)))
            else:
                parts.append(("lit", [(self.expr(el.key), self.expr(el.value))]))
        keys: list[ir.Expr] = []
        vals: list[ir.Expr] = []
        for k, v in parts:
            if k == "lit":
                keys += [a for a, _ in v]
                vals += [b for _, b in v]
                continue
            dt = prune(v.ty)
            if isinstance(dt, TVar):
                return self.poison(node) if dt.origin == "error" else self.unknown(sp, of=(dt,))
            if not isinstance(dt, ir.DictT):
                return self.err("type-mismatch", f"`**` needs a dict here, not {show(dt)}", node)
            keys.append(ir.Const(None, dt.key, sp))
            vals.append(ir.Const(None, dt.val, sp))
        kt = self.common(tuple(keys), node, "dict key")
        vt = self.common(tuple(vals), node, "dict value")
        if isinstance(prune(kt), TVar) or isinstance(prune(vt), TVar):
            return self.unknown(sp, of=(kt, vt))
        self.check_hashable(kt, node)
        dt = ir.DictT(kt, vt)
        acc: ir.Expr = ir.DictLit((), dt, sp)
        for k, v in parts:
            if k == "lit":
                part: ir.Expr = ir.DictLit(tuple((self.coerce_to(a, kt, node, "a dict key"), self.coerce_to(b, vt, node, "a dict value"))
                                                 for a, b in v), dt, sp)
            elif not unify(v.ty, dt):
                return self.err("type-mismatch", f"a `**` part of type {show(v.ty)} in a dict of {show(dt)}", node)
            else:
                part = v
            acc = ir.Intrinsic("dict.merged", (acc, part), dt, sp)
        return acc

    def check_hashable(self, t: Any, node: cst.CSTNode) -> None:
        t = prune(t)
        if isinstance(t, ir.UnionT):
            if not (t.members and all(isinstance(m, ir.Prim) for m in t.members)):
                self.err("type-mismatch", f"dict keys / set elements of type {show(t)} are not supported "
                         "(they may be unhashable)", node)
            return
        if t == ir.FLOAT:
            self.err("unsupported-syntax", "float dict keys / set elements are not supported", node)
        elif isinstance(t, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)):
            self.err("type-mismatch", f"unhashable type: {show(t)}", node)
        elif isinstance(t, (ir.TupleT, ir.NamedT)):
            for i in t.items:
                self.check_hashable(i, node)

    # ------------------------------------------------------------ subscripts

    def subscript(self, node: cst.Subscript) -> ir.Expr:
        sp = self.sp(node)
        if enums.is_class(self, node.value):  # Color["RED"]
            return enums.class_subscript(self, node)
        obj = self.expr(node.value)
        if len(node.slice) != 1:
            return self.err("unsupported-syntax", "multi-dimensional subscripts are not supported", node)
        sl = node.slice[0].slice
        if isinstance(prune(obj.ty), ir.UnionT):
            obj = self.as_plain(obj, node.value, "indexing")
        t = _strip_opt(prune(obj.ty))
        if isinstance(t, TVar):
            return self.unknown(sp) if t.origin != "error" else obj
        if isinstance(prune(obj.ty), ir.ObjT) and self.info.classes and not isinstance(sl, cst.Slice):
            return self.obj_dunder(obj, prune(obj.ty), "__getitem__", [sl.value], node)
        obj = self.unwrap(obj, ne.subscript("NoneType"))
        if isinstance(t, ir.NamedT):  # p[0]: as a tuple
            obj = named.as_tuple(obj)
            t = prune(obj.ty)
        if isinstance(t, ir.ExcArgsT):
            return self.err("unsupported-builtin", "indexing `e.args` is not supported (the types of its items are not "
                            "known statically); use str(e), or give the exception class fields", node)
        if isinstance(sl, cst.Slice):
            parts = [self.opt_int_arg(p, sp) for p in (sl.lower, sl.upper, sl.step)]
            if t == ir.STR:
                return ir.Intrinsic("str.slice", (obj, *parts), ir.STR, sp)
            if isinstance(t, ir.ListT):
                return ir.Intrinsic("list.slice", (obj, *parts), t, sp)
            if isinstance(t, ir.DequeT):
                return self.err("type-mismatch", "a deque cannot be sliced (CPython raises TypeError: sequence index "
                                "must be integer, not 'slice'); use list(d)[a:b]", node)
            return self.err("type-mismatch", f"slicing is not supported for {show(t)}", node)
        idx_node = sl.value
        if isinstance(t, ir.DictT):
            k = self.coerce_to(self.expr(idx_node), t.key, idx_node, "the dict key", ne.key_error())
            return ir.Intrinsic("dict.getitem", (obj, k), t.val, sp)
        if isinstance(t, ir.TupleT):
            e = self.expr(idx_node)
            if not (isinstance(e, ir.Const) and isinstance(e.value, int) and not isinstance(e.value, bool)):
                items = [prune(x) for x in t.items]
                if all(not isinstance(x, TVar) and show(x) == show(items[0]) for x in items):
                    # NAMES[i] on a tuple of one item type: checked like a list index at run time
                    return ir.Intrinsic("tuple.index_dyn", (obj, self.int_arg(e, idx_node, ne.sequence_index("tuple", "NoneType"))),
                                        items[0], sp)
                return self.err("unsupported-syntax", "tuples with items of different types can only be indexed "
                                "with an integer literal", idx_node)
            i = e.value
            n = len(t.items)
            if not -n <= i < n:
                return self.err("type-mismatch", f"tuple index {i} out of range for {show(t)}", idx_node)
            i = i % n
            return ir.Intrinsic("tuple.getitem", (obj, ir.Const(i, ir.INT, e.span)), t.items[i], sp)
        idx = self.int_arg(self.expr(idx_node), idx_node, ne.sequence_index(ne.type_name(t), "NoneType"))
        if t == ir.STR:
            return ir.Intrinsic("str.getitem", (obj, idx), ir.STR, sp)
        if isinstance(t, ir.ListT):
            return ir.Intrinsic("list.getitem", (obj, idx), t.elem, sp)
        if isinstance(t, ir.DequeT):
            return ir.Intrinsic("deque.getitem", (obj, idx), t.elem, sp)
        return self.err("type-mismatch", f"{show(t)} is not subscriptable", node)

    def func_value(self, n: str, node: cst.Name) -> ir.Expr:
        """A module function used as a value: `FuncRef` of type `FuncT` (its parameter and return
        types). Calls through it pass every argument by position (`call_value`)."""
        sig = self.info.funcs[n]
        if sig.owner is not None or sig.parent is not None or sig.refused_params:
            return self.err("unsupported-syntax", f"function `{n}` used as a value; only calls are supported", node)
        if sig.generator:
            return self.err("generator", f"generator function `{n}` used as a value; only calls that are looped over "
                            "or passed to a consumer (list, sum, ...) are supported", node)
        return ir.FuncRef(n, ir.FuncT(tuple(t for _, t in sig.params), sig.ret), self.sp(node))

    def call_value(self, callee: ir.Expr, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
        """`f(a, b)` where `f` is a function value (a variable, an item, a parameter)."""
        t = prune(callee.ty)
        assert isinstance(t, ir.FuncT)
        if kw:
            return self.err("unsupported-syntax", "a call of a function value takes positional arguments only (its "
                            "parameter names are not known here)", node)
        if len(pos) != len(t.params):
            return self.err("type-mismatch", f"this function value takes {len(t.params)} arguments ({show(t)}), "
                            f"got {len(pos)}", node)
        args = tuple(self.coerce_to(self.expr(p), pt, p, "an argument of a function value") for p, pt in zip(pos, t.params))
        return ir.CallValue(callee, args, t.ret, self.sp(node))

    def none_default(self, d: ir.Expr, node: cst.CSTNode) -> bool:
        """Whether `d` (a value that is always None, passed where None means "no default" or "the
        default separator") may be left out of the translation: a literal, a variable. A call that
        returns None is refused there (its code would not run)."""
        if isinstance(d, (ir.Const, ir.Local, ir.Global)):
            return True
        self.err("unsupported-syntax", "a call that returns None is not supported here (Portalis would leave it out); "
                 "call it before, and write None", node)
        return False

    def opt_int_arg(self, p: cst.BaseExpression | None, sp) -> ir.Expr:
        """An optional position (slice bound, `find` start/end): absent or None -> None::<i64>."""
        if p is None:
            return ir.Const(None, ir.OptionT(ir.INT), sp)
        e = self.expr(p)
        if prune(e.ty) == ir.NONE:  # (a call that returns None still runs: coerce_to)
            return self.coerce_to(e, ir.OptionT(ir.INT), p, "this argument")
        t = prune(e.ty)
        if isinstance(t, ir.OptionT) and prune(t.inner) == ir.INT:
            return e  # an Optional[int] variable: None means the default, as in Python
        return ir.Coerce(self.int_arg(e, p), ir.OptionT(ir.INT), e.span)

    def walrus(self, node: cst.NamedExpr) -> ir.Expr:
        """`(name := value)` inside a function body (not in a comprehension or lambda, whose
        scopes Portalis does not split this way, nor for a module variable)."""
        t = node.target
        n = t.value if isinstance(t, cst.Name) else None
        where = None
        if n is None:
            where = "with a target other than a name"
        elif self.comp_scope:
            where = "inside a comprehension or lambda"
        elif n in self.global_names or n not in self.locals:
            where = "assigning a module variable"
        if where is not None:
            self.refused_target(t)  # no `cannot infer` for the name it binds too
            return self.err("unsupported-syntax", f"the walrus operator `:=` {where} is not supported", node)
        value = self.expr(node.value)
        tgt, v = self.target(t, value, node)
        if not isinstance(tgt, ir.NameTarget) or tgt.name == ir.DISCARD:
            return v
        return ir.AssignExpr(tgt, v, v.ty, self.sp(node))

    def int_arg(self, e: ir.Expr, node: cst.CSTNode, err: "ne.Err | None" = ne.index("NoneType")) -> ir.Expr:
        """An int argument; None in it raises `err` (by default `__index__`'s TypeError, which
        is what range(), chr(), list.pop(), str.ljust(), math.factorial(), ... raise)."""
        e = enums.as_int(e)  # an IntEnum member is an int index
        t = prune(e.ty)
        if t in (ir.INT, ir.BOOL):
            return self.to_int(e)
        if isinstance(t, ir.OptionT) and prune(t.inner) == ir.INT:
            return self.unwrap(e, err)
        if isinstance(t, TVar):
            if t.origin == "error":
                return e
            unify(t, ir.INT)
            return e
        return self.err("type-mismatch", f"indices must be integers, not {show(t)}", node)

    # ------------------------------------------------------------ f-strings

    def fstring(self, node: cst.FormattedString) -> ir.Expr:
        parts: list[Any] = []
        for p in node.parts:
            if isinstance(p, cst.FormattedStringText):
                text = _unescape(p.value, node)
                if _SURROGATE.search(text):
                    return self.err("unsupported-syntax", _SURROGATE_MSG, node)
                parts.append(text)
            else:
                e = self.text(p.expression) if not p.format_spec and not p.conversion else self.expr(p.expression)
                if isinstance(prune(e.ty), TVar):
                    return self.unknown(self.sp(node), of=(e.ty,))
                spec = None
                if p.format_spec:
                    spec_node = cst.FormattedString(parts=p.format_spec, start=node.start, end=node.end)
                    spec = self.fstring(spec_node)
                conv = p.conversion or ""
                if p.equal is not None:  # f"{ x = }" prints the source text exactly, spaces too
                    parts.append(self.debug_text(p))
                    if not conv and p.format_spec is None:  # repr, unless a spec is given (even `{x=:}`)
                        conv = "r"
                if conv == "a":  # format(ascii(x), spec)
                    from portalis.analyzers.builtins import ascii_of
                    e, conv = ascii_of(e), ""
                e, conv, spec = protocols.format_field(self, e, conv, spec, p)  # `__format__`
                parts.append(ir.FormatField(e, conv, spec))  # type: ignore[arg-type]
        return ir.FString(tuple(parts), ir.STR, self.sp(node))

    def debug_text(self, p: cst.FormattedStringExpression) -> str:
        """The text `f"{ x = }"` prints before the value: the source between `{` and the end of
        the whitespace after `=`, as written. The tree's names are NFKC-normalised (`ﬁle` is
        `file`: CPython prints `ﬁle=3`), and libcst regenerates a line break's indentation
        without the spaces written there; the regenerated text is kept when the source's
        positions are missing or do not match it."""
        m = cst.Module([])
        eq = p.equal
        assign = isinstance(eq, cst.AssignEqual)
        code = (m.code_for_node(p.whitespace_before_expression) + m.code_for_node(p.expression)
                + m.code_for_node(p.whitespace_after_expression)
                + (m.code_for_node(eq.whitespace_before) if assign else "") + "="
                + (m.code_for_node(eq.whitespace_after) if assign else ""))
        sm = self.info.sm
        field, at = self.sp(p), self.sp(eq) if assign else NO_SPAN
        if field == NO_SPAN or at == NO_SPAN:
            return code
        written = sm.text_at(Span(field.line, field.col + 1, at.end_line, at.end_col))
        rest = sm.text_at(Span(at.end_line, at.end_col, field.end_line, field.end_col))
        if written is None or rest is None or not written.endswith("="):
            return code
        written += rest[:len(rest) - len(rest.lstrip(" \t\f\r\n"))]
        written = written.replace("\r\n", "\n").replace("\r", "\n")  # as CPython's tokenizer reads lines
        same = [re.sub(r"\s", "", unicodedata.normalize("NFKC", x)) for x in (written, code)]
        return written if same[0] == same[1] else code

    def concat_fstrings(self, node: cst.ConcatenatedString) -> ir.Expr:
        left = self.expr(node.left)
        right = self.expr(node.right)
        return ir.BinOp("+", left, right, ir.STR, self.sp(node))

    # ------------------------------------------------------------ comprehensions

    def comprehension(self, node: Any) -> ir.Expr:
        sp = self.sp(node)
        saved = dict(self.comp_scope)
        gens: list[ir.CompFor] = []
        f = node.for_in
        while f is not None:
            if f.asynchronous is not None:
                return self.err("unsupported-syntax", "async comprehensions are not supported", node)
            it = self.iterated(self.expr(f.iter))
            elem_t = self.iter_elem(it, f.iter)
            target = self.comp_target(f.target, elem_t)
            conds = tuple(self.cond(i.test) for i in f.ifs)
            gens.append(ir.CompFor(target, it, conds))
            f = f.inner_for_in
        try:
            if isinstance(node, cst.DictComp):
                k, v = self.expr(node.key), self.expr(node.value)
                self.check_hashable(k.ty, node.key)
                elt: ir.Expr = ir.TupleLit((k, v), ir.TupleT((k.ty, v.ty)), sp)
                ty: Any = ir.DictT(k.ty, v.ty)
                kind = "dict"
            else:
                elt = self.expr(node.elt)
                kind = {cst.ListComp: "list", cst.SetComp: "set", cst.GeneratorExp: "gen"}[type(node)]
                ty = {"list": ir.ListT, "set": ir.SetT, "gen": lambda t: ir.IterT(t, "gen")}[kind](elt.ty)
        finally:
            self.comp_scope.clear()
            self.comp_scope.update(saved)
        return ir.Comprehension(kind, elt, tuple(gens), ty, sp)

    def comp_target(self, node: cst.BaseExpression, elem_t: Any) -> ir.Target:
        if isinstance(node, cst.Name):
            self.comp_scope[node.value] = elem_t
            return ir.NameTarget(node.value, elem_t, False, self.sp(node))
        if isinstance(node, (cst.Tuple, cst.List)) and any(isinstance(el, cst.StarredElement) for el in node.elements):
            self.err("unsupported-syntax", "a starred target (`x, *rest`) in a comprehension is not supported; "
                     "write a for loop", node)
            for el in node.elements:  # its names hold the error type: one diagnostic, not one per use
                self.comp_target(el.value, TVar("error"))
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, self.sp(node))
        if isinstance(node, (cst.Tuple, cst.List)):
            t = prune(elem_t)
            if isinstance(t, TVar) and t.origin == "error":
                for el in node.elements:
                    self.comp_target(el.value, t)
                return ir.NameTarget(ir.DISCARD, t, False, self.sp(node))
            n = len(node.elements)
            named_t = t if isinstance(t, ir.NamedT) else None  # `for x, y in points`: its tuple
            if named_t is not None:
                t = ir.TupleT(named_t.items)
            if isinstance(t, TVar):
                unify(t, ir.TupleT(tuple(TVar("unpack") for _ in range(n))))
                t = prune(t)
            if not isinstance(t, ir.TupleT) or len(t.items) != n:
                self.err("type-mismatch", f"cannot unpack {show(t)} into {n} names", node)
                return ir.NameTarget(ir.DISCARD, TVar("error"), False, self.sp(node))
            items = tuple(self.comp_target(el.value, it) for el, it in zip(node.elements, t.items))
            return ir.TupleTarget(items, named_t or t, self.sp(node))
        self.err("unsupported-syntax", "unsupported comprehension target", node)
        return ir.NameTarget(ir.DISCARD, TVar("error"), False, self.sp(node))

    def warn_float_pow(self, exponent: ir.Expr, node: cst.CSTNode) -> None:
        """Float `**` is glibc's pow() in CPython, which is not always correctly rounded;
        WebAssembly's libm computes some results one unit in the last place apart."""
        if isinstance(exponent, ir.Const) and exponent.value in (0, 1):
            return  # exact either way
        if self.final:
            from portalis.diagnostics import Severity
            self.err("float-last-digit", "float `**` may differ from CPython in the last digit for some arguments "
                     "(CPython uses glibc's pow(), WebAssembly's libm is not glibc's)", node, Severity.WARNING)

    def iterated(self, it: ir.Expr, none_err: "ne.Err | None" = None) -> ir.Expr:
        """An Optional iterable (usually narrowed by `if xs is not None:` before): its value, or
        CPython's TypeError if it is None at run time (`none_err`, where it says more)."""
        t = prune(it.ty)
        if isinstance(t, ir.OptionT) and not isinstance(prune(t.inner), TVar):
            return named.as_tuple(self.unwrap(it, none_err or ne.iteration("NoneType")))
        if isinstance(t, ir.UnionT):
            return self.union_iterated(it)
        if isinstance(t, ir.ObjT) and self.info.classes:
            return protocols.obj_iterated(self, it)  # `__iter__`
        return named.as_tuple(it)  # a named tuple iterates as its tuple

    def iter_elem(self, it: ir.Expr, node: cst.CSTNode, order_free: bool = False) -> Any:
        """The element type of something a `for` can loop over. ``order_free``: the consumer's
        result does not depend on the order (sorted() without key, sum of ints, any, ...), so
        a set's order cannot show and needs no warning."""
        t = prune(it.ty)
        if isinstance(t, TVar):
            return TVar("error") if t.origin == "error" else TVar("iter-elem", self.sp(node).line)
        if isinstance(t, (ir.ListT, ir.SetT, ir.DequeT, ir.IterT)):
            if isinstance(t, ir.SetT) and self.final and not order_free and not stable_hash(t.elem):
                self.warn_set_order(node)
            return t.elem
        if isinstance(t, ir.DictT):
            return t.key
        if t == ir.STR:
            return ir.STR
        if isinstance(t, ir.TupleT) and t.items:
            e = t.items[0]
            if all(unify(e, x) for x in t.items[1:]):
                return e
            self.err("type-mismatch", "looping over a tuple with mixed element types", node)
            return TVar("error")
        self.err("type-mismatch", f"{show(t)} is not iterable", node)
        return TVar("error")


def _strip_opt(t: Any) -> Any:
    return prune(t.inner) if isinstance(t, ir.OptionT) else t


def _mixes_numbers(a: Any, b: Any) -> bool:
    sa, sb = show(a), show(b)
    return sa.replace("float", "int") == sb.replace("float", "int") and sa != sb


def _orderable(t: Any, optional: bool = True) -> bool:
    """Values of type t can be compared with `<`.  `optional=False` (sorting, min, max): not
    if they may hold None anywhere: CPython raises TypeError as soon as it compares a None,
    with a message naming the first pair its algorithm compares, which Portalis' sort and
    min/max would not reproduce (they order None first instead): refused."""
    t = prune(t)
    if t in (ir.INT, ir.FLOAT, ir.BOOL, ir.STR):
        return True
    if isinstance(t, ir.UnionT):  # every pair of member types has an order (int and float do)
        return bool(t.members) and all(un.orderable(a, b) for a in t.members for b in t.members)
    if isinstance(t, ir.ObjT):  # through `__lt__`: checked on the finished IR (analyzers.classes.check_module)
        return True
    if isinstance(t, ir.EnumT):  # IntEnum members order as ints; Enum members do not order
        return t.int_enum
    if isinstance(t, (ir.TupleT, ir.NamedT)):
        return all(_orderable(i, optional) for i in t.items)
    if isinstance(t, ir.ListT):
        return _orderable(t.elem, optional)
    if isinstance(t, ir.OptionT):
        return optional and _orderable(t.inner)
    return False


# a str literal holding a lone surrogate ("\ud800"): CPython allows it, a Rust str cannot
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_MSG = "lone surrogates (U+D800..U+DFFF) in strings are not supported: Portalis strs cannot hold them"


def _unescape(raw: str, node: cst.FormattedString) -> str:
    """Text of an f-string part as Python evaluates it (escapes, doubled braces)."""
    text = raw.replace("{{", "{").replace("}}", "}")
    if "r" in node.prefix.lower():
        return text
    import ast
    # the f-string's own quotes hold the raw text as they held it in the source (a text part
    # cannot contain them); the space keeps a trailing backslash from escaping the closing quote
    quote = node.end
    if not text:
        return ""
    with warnings.catch_warnings():  # an invalid escape: CPython warned once at compile (ingest)
        warnings.simplefilter("ignore")
        return ast.literal_eval(quote + text + " " + quote)[:-1]
