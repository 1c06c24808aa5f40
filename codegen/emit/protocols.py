"""Operators whose method may return NotImplemented (analyzers/protocols.py): `ni.signal`
(`return NotImplemented`: the signal `rt::notimpl_signal`) and `ni.op` (call the method; on the
signal the reflected one, on the signal again CPython's fallback). Part of `_FnEmitter`'s
intrinsics.
"""

from __future__ import annotations

from typing import Any

from portalis import ir
from portalis.codegen.emit.common import EmitError, rust_str


def protocol_intrinsic(fe: Any, e: ir.Intrinsic) -> str:
    n = e.name
    a = e.args
    ln = e.span.line
    if n == "ni.signal":
        return f"rt::notimpl_signal({rust_str(a[0].value)}, {ln})"
    if n == "ni.op":
        kw = dict(e.kwargs)
        lname, rname = kw["names"].value.split(";")
        left, right, first, second, final = a
        lv, rv = fe.ident(lname), fe.ident(rname)
        code = fe.expr(final)
        if isinstance(second, ir.Call):
            test = ""
            if kw["reflect"].value == "tags_differ":  # CPython tries it only if the classes differ
                test = f"if {lv}.tag() == {rv}.tag() {{ None }} else "
            code = f"match {test}{{ {_raw_call(fe, second)} }} {{ Some(v) => v, None => {code} }}"
        if isinstance(first, ir.Call):
            code = f"match {_raw_call(fe, first)} {{ Some(v) => v, None => {code} }}"
        return f"{{ let {lv} = {fe.expr(left)}; let {rv} = {fe.expr(right)}; {code} }}"
    raise EmitError(f"intrinsic {n} is not implemented", e.span)


def _raw_call(fe: Any, e: ir.Call) -> str:
    """A user method call as `Option<value>` (None: it returned NotImplemented); its other
    exceptions propagate."""
    args = [fe.expr(x) for x in e.args]
    if fe.mod.recursive:
        args.append(f"_depth + {1 + fe.frame_off}")
    target = fe.mod.classes.call_target(e)
    return fe.q(f"rt::ret_ni({target}({', '.join(args)}))")
