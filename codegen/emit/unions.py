"""Values of more than one type (`ir.UnionT`, Rust `rt::Obj`): boxing into and unboxing out of
an `Obj`, and the `obj.*` intrinsics (operators, comparisons, isinstance). Python behaviour
lives in the runtime (`codegen/runtime/pyrt/dynval.rs`); this only calls it.
"""

from __future__ import annotations

from portalis import ir
from portalis.codegen.emit.common import EmitError, rust_str

_UNBOX = {"int": "obj_as_int", "float": "obj_as_float", "bool": "obj_as_bool", "str": "obj_as_str", "None": "obj_as_none"}

_ORDER_BYTE = {"<": "b'<'", "<=": "b'l'", ">": "b'>'", ">=": "b'g'"}


class _UnionsMixin:
    """Part of `_FnEmitter` (codegen/emit/function.py)."""

    def union_coerce(self, e: ir.Coerce) -> str | None:
        """A Coerce into, out of or between unions (None: not a union conversion)."""
        src, dst = e.expr.ty, e.ty
        if not isinstance(src, ir.UnionT) and not isinstance(dst, ir.UnionT):
            return None
        if isinstance(src, ir.UnionT) and isinstance(dst, ir.UnionT):
            return self.expr(e.expr)  # a relabel: both are `rt::Obj`
        if isinstance(dst, ir.UnionT):
            return f"rt::Obj::from({self.expr(e.expr)})"
        return self.unbox(f"&{self.ref(e.expr)}", dst, e.span.line)

    def unbox(self, ref: str, t: ir.Type, ln: int) -> str:
        if t == ir.INT and self.big:
            return self.q(f"rt::obj_as_bigint({ref}, {ln})")
        if isinstance(t, ir.Prim):
            return self.q(f"rt::{_UNBOX[t.name]}({ref}, {ln})")
        if isinstance(t, ir.ListT):
            return self.q(f"rt::obj_as_list({ref}, {ln})")
        if isinstance(t, ir.DictT):
            return self.q(f"rt::obj_as_dict({ref}, {ln})")
        if isinstance(t, ir.OptionT):
            inner = self.unbox("_o", t.inner, ln)
            return f"{{ let _o = {ref}; if rt::obj_is_none(_o) {{ None }} else {{ Some({inner}) }} }}"
        raise EmitError(f"cannot take a {t} out of a value of several types", None)

    def union_intrinsic(self, e: ir.Intrinsic) -> str | None:
        n = e.name
        if not n.startswith("union."):
            return None
        a = e.args
        ln = e.span.line
        kw = dict(e.kwargs)
        big = "true" if self.big else "false"
        if n == "union.binop":
            op = rust_str(kw["op"].value)  # type: ignore[attr-defined]
            inplace = "true" if kw["inplace"].value else "false"  # type: ignore[attr-defined]
            return (f"{{ let _l: rt::Obj = {self.expr(a[0])}; let _r: rt::Obj = {self.expr(a[1])}; "
                    f"{self.q(f'rt::obj_binop({op}, &_l, &_r, {inplace}, {big}, {ln})')} }}")
        if n == "union.unary":
            op = rust_str(kw["op"].value)  # type: ignore[attr-defined]
            return self.q(f"rt::obj_unary({op}, &{self.ref(a[0])}, {big}, {ln})")
        if n == "union.isinstance":
            return f"rt::obj_isinstance(&{self.ref(a[0])}, {a[1].value})"  # type: ignore[attr-defined]
        if n == "union.is_none":
            if isinstance(a[0].ty, ir.OptionT):  # `d.get(k) is None`: no value, or the value None
                return f"(match &{self.ref(a[0])} {{ None => true, Some(_o) => rt::obj_is_none(_o) }})"
            return f"rt::obj_is_none(&{self.ref(a[0])})"
        if n == "union.round":
            if len(a) == 1:
                return self.q(f"rt::obj_round(&{self.ref(a[0])}, {big}, {ln})")
            nd = f"&{self.ref(a[1])}" if self.big else f"&rt::Int::from({self.expr(a[1])})"
            return self.q(f"{{ let _x = &{self.ref(a[0])}; rt::obj_round_ndigits(_x, {nd}, {big}, {ln}) }}")
        if n == "union.iter":
            return self.q(f"rt::obj_iter_list(&{self.ref(a[0])}, {ln})")
        if n == "union.type_name":
            return f"rt::obj_type_name(&{self.ref(a[0])})"
        if n == "union.abs":
            return self.q(f"rt::obj_abs(&{self.ref(a[0])}, {big}, {ln})")
        if n == "union.sum":
            return self.q(f"rt::obj_sum(&{self.ref(a[0])}, {big}, {ln})")
        if n == "union.len":
            return self.from_i64(self.q(f"rt::obj_len(&{self.ref(a[0])}, {ln})"))
        if n == "union.float":
            return self.q(f"rt::obj_to_float(&{self.ref(a[0])}, {ln})")
        if n == "union.int":
            fn = "obj_to_bigint" if self.big else "obj_to_int"
            return self.q(f"rt::{fn}(&{self.ref(a[0])}, {ln})")
        raise EmitError(f"cannot emit {n}", e.span)

    def union_order(self, op: str, a: str, b: str, ea: ir.Expr, eb: ir.Expr) -> str | None:
        """`a < b` where an operand is a union: CPython's order, or its TypeError."""
        if op not in _ORDER_BYTE or not (isinstance(ea.ty, ir.UnionT) or isinstance(eb.ty, ir.UnionT)):
            return None
        return self.q(f"rt::obj_order({_ORDER_BYTE[op]}, &{a}, &{b}, {ea.span.line})")
