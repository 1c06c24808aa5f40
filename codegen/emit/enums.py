"""Enum classes in Rust: one `rt::EnumClass` static per class (its members' names and values)
and the `enum.*` intrinsics (a member is an `rt::EnumV`: the class and an index, `Copy`).
What members do (repr, str, lookup errors) lives in runtime/pyrt/enums.rs.
"""

from __future__ import annotations

from typing import Any

from portalis import ir
from portalis.codegen.emit.common import EmitError, rust_str


def emit_enum_classes(mod: Any, w: Any) -> None:
    """The statics of the module's enum classes (`mod`: the `_ModEmitter`)."""
    for x in mod.module.enums:
        names = ", ".join(rust_str(n) for n in x.names)
        ints = ", ".join(f"{v}" for v in x.values) if x.value == ir.INT else ""
        strs = ", ".join(rust_str(v) for v in x.values) if x.value == ir.STR else ""
        aliases = ", ".join(f"({rust_str(n)}, {i})" for n, i in x.aliases)
        w.line(f"static {mod.enum_static(x.name)}: rt::EnumClass = rt::EnumClass {{ name: {rust_str(x.name)}, "
               f"names: &[{names}], ints: &[{ints}], strs: &[{strs}], aliases: &[{aliases}], "
               f"int_enum: {'true' if x.int_enum else 'false'} }};", x.span.line)


def enum_intrinsic(fe: Any, e: ir.Intrinsic) -> str:
    """The Rust of an `enum.*` intrinsic (`fe`: the `_FnEmitter`)."""
    n, a, ln = e.name, e.args, e.span.line
    if n == "enum.member":  # args: (index,) as a constant
        return f"rt::EnumV {{ cls: &{fe.mod.enum_static(e.ty.name)}, idx: {a[0].value} }}"
    if n == "enum.members":  # the class iterated: a new list of its members
        return f"rt::enum_members(&{fe.mod.enum_static(e.ty.elem.name)})"
    if n == "enum.name":
        return f"{fe.ref(a[0])}.name()"
    if n == "enum.value":
        if a[0].ty.value == ir.STR:
            return f"{fe.ref(a[0])}.str_value()"
        return fe.from_i64(f"{fe.ref(a[0])}.int_value()")
    if n == "enum.from_value":
        static = fe.mod.enum_static(e.ty.name)
        if e.ty.value == ir.STR:
            return fe.q(f"rt::enum_from_str(&{static}, &{fe.ref(a[0])}, {ln})")
        if fe.big:
            return fe.q(f"rt::enum_from_big(&{static}, &{fe.ref(a[0])}, {ln})")
        return fe.q(f"rt::enum_from_int(&{static}, {fe.expr(a[0])}, {ln})")
    if n == "enum.from_name":
        return fe.q(f"rt::enum_from_name(&{fe.mod.enum_static(e.ty.name)}, &{fe.ref(a[0])}, {ln})")
    raise EmitError(f"intrinsic {n} is not implemented", e.span)
