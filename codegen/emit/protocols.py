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

        def chain(calls: list) -> str:
            code = fe.expr(final)
            for c, test in reversed(calls):
                if isinstance(c, ir.Call):
                    code = f"match {test}{{ {_raw_call(fe, c)} }} {{ Some(v) => v, None => {code} }}"
            return code
        test = ""
        if kw["reflect"].value == "tags_differ":  # CPython tries it only if the classes differ
            test = f"if {lv}.tag() == {rv}.tag() {{ None }} else "
        code = chain([(first, ""), (second, test)])
        swap = dict(e.kwargs).get("swap")
        if swap is not None and swap.value:  # the right operand's class derives from the left's: reflected first
            code = f"if matches!(({lv}.tag(), {rv}.tag()), {swap.value}) {{ {chain([(second, ''), (first, '')])} }} else {{ {code} }}"
        return f"{{ let {lv} = {fe.expr(left)}; let {rv} = {fe.expr(right)}; {code} }}"
    raise EmitError(f"intrinsic {n} is not implemented", e.span)


def _raw_call(fe: Any, e: ir.Call) -> str:
    """A user method call as `Option<value>` (None: it returned NotImplemented); its other
    exceptions propagate."""
    args = fe.call_args(e.func, e.args)
    if fe.mod.recursive:
        args.append(f"_depth + {1 + fe.frame_off}")
    target = fe.mod.classes.call_target(e)
    return fe.q(f"rt::ret_ni({target}({', '.join(args)}))")


def notimpl_functions(m: ir.Module) -> set[str]:
    """The functions that may return NotImplemented: those with `return NotImplemented`
    (`ni.signal`), and those that pass on what such a method returns (the methods
    @total_ordering writes call the root method directly)."""
    calls: dict[str, set[str]] = {}
    out: set[str] = set()
    for f in m.functions:
        cs: set[str] = set()
        stack: list = [f.body]
        while stack:
            n = stack.pop()
            if type(n) in (tuple, list):
                stack.extend(n)
                continue
            fs = ir._child_fields(type(n))
            if fs is None:
                continue
            if isinstance(n, ir.Intrinsic) and n.name == "ni.signal":
                out.add(f.name)
            if isinstance(n, ir.Intrinsic) and n.name == "ni.op":  # takes its calls' NotImplemented
                stack.extend(n.args[:2])
                continue
            if isinstance(n, ir.Call):
                cs.add(n.func)
            for fld in fs:
                stack.append(getattr(n, fld))
        calls[f.name] = cs
    grew = True
    while grew:
        grew = False
        for f, cs in calls.items():
            if f not in out and cs & out:
                out.add(f)
                grew = True
    return out


def ni_wrap(first: str, second: str | None, final: str) -> str:
    """A comparison the runtime's traits make (containers, sorted, min/max): `first`, on
    NotImplemented `second` (the reflected method), then `final`; an exception stays pending."""
    err = "Err(e) => { rt::set_pending(e); false }"
    rest = final if second is None else f"match rt::ret_ni({second}) {{ Ok(Some(v)) => v, Ok(None) => {final}, {err} }}"
    return f"match rt::ret_ni({first}) {{ Ok(Some(v)) => v, Ok(None) => {rest}, {err} }}"


def ni_type_error(op: str) -> str:
    return (f"{{ rt::set_pending(rt::PyErr::new(&rt::TYPE_ERROR, format!(\"'{op}' not supported between instances "
            "of '{}' and '{}'\", self.cls_name(), other.cls_name()), 0)); false }")
