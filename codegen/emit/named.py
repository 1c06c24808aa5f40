"""Named tuples in Rust: a value is `rt::Nt<(A, B, ...)>`, the tuple of its items `v` and its
class `info` (a promoted constant `rt::NtInfo`, see common.nt_info); the `named.*` intrinsics.
What a named tuple does (repr, comparisons, hashing) lives in runtime/pyrt/named.rs.
"""

from __future__ import annotations

from typing import Any

from portalis import ir
from portalis.codegen.emit.common import EmitError, nt_info, rust_str


def named_intrinsic(fe: Any, e: ir.Intrinsic) -> str:
    """The Rust of a `named.*` intrinsic (`fe`: the `_FnEmitter`)."""
    n, a = e.name, e.args
    if n == "named.new":  # items in field order, evaluated left to right (a Rust tuple is too)
        items = ", ".join(fe.expr(x) for x in a)
        tup = f"({items},)" if len(a) == 1 else f"({items})"
        return f"rt::Nt {{ v: {tup}, info: {nt_info(e.ty)} }}"
    if n == "named.tuple":  # used as a plain tuple
        return f"({fe.expr(a[0])}).v"
    if n == "named.field":
        i = a[1].value
        return f"{fe.ref(a[0])}.v.{i}" + ("" if fe.copy(e.ty) else ".clone()")
    if n == "named.replace":  # the value first, then each new field in the order written
        v = fe.t("_nt")
        sets = " ".join(f"{v}.v.{idx.value} = {fe.expr(x)};" for (_, idx), x in zip(e.kwargs, a[1:]))
        return f"{{ let mut {v} = {fe.expr(a[0])}; {sets} {v} }}"
    if n == "named.asdict":
        t = a[0].ty
        v, d = fe.t("_nt"), fe.t("_nd")
        sets = " ".join(f"{d}.set_item(rt::Str::lit({rust_str(f)}), {v}.v.{i}" + ("" if fe.copy(t.items[i]) else ".clone()")
                        + ");" for i, f in enumerate(t.fields))
        return f"{{ let {v} = &{fe.ref(a[0])}; let {d}: {fe.rty(e.ty)} = rt::PyDict::new(); {sets} {d} }}"
    raise EmitError(f"intrinsic {n} is not implemented", e.span)
