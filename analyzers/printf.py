"""printf-style formatting, `"format" % args`, lowered to the f-string IR.

CPython's `str % args` (Objects/unicodeobject.c, `PyUnicode_Format`) formats each conversion of
the format string with one argument. Every conversion Portalis accepts becomes a field whose
format() spec prints the same text: `%5s` is `{x!s:>5}` (printf right-aligns strings, format()
left-aligns them), `%-08.2f` is `{x:<8.2f}` (`-` overrides `0`), `%x` `{x:x}`, `%c` `{n:c}`
(printf ignores `0`, `+`, ` ` and `#` there, format() rejects or honours them). `%d` of a float
is `int(x)` first; `%e`/`%f`/`%g` of an int are `float(x)` first, as in CPython.

What depends on run-time values CPython would meet only while formatting is refused up front
(type-mismatch, with CPython's message): the wrong number of arguments, a conversion that cannot
take its argument's type. The format must be a string literal. Mapping keys (`"%(name)s" % d`,
d a dict with str keys held in a name) look each key up as the field is formatted, in order, as
CPython does (no argument is evaluated first). Not supported: `*` widths, length modifiers (`%ld`), precision on integer conversions (`%.3d`
pads with zeros), `%a`, a `%%` with flags. A value that may be None is formatted as CPython does
(`%s` prints `None`; `%d` raises `TypeError: %d format: a real number is required, not
NoneType`).

Evaluation order: CPython evaluates the whole argument tuple, then formats field by field. The
f-string IR's `eval_first` evaluates every argument first too; a conversion that can raise
(None in `%d`, `int(inf)`) is part of its field's expression, so it runs while the arguments
are evaluated: accepted only where that cannot be told apart (the arguments after it are names
or literals, and no field before it may run user code or raise while it is formatted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers import enums, protocols
from portalis.analyzers import none_errors as ne
from portalis.analyzers.types import TVar, prune, show, unify

# `%` [flags] [width] [. precision] [length modifier] conversion, as CPython's parser reads it
_SPEC = re.compile(r"%(?P<key>\()?(?P<flags>[-+ #0]*)(?P<width>\*|[0-9]+)?(?:\.(?P<prec>\*|[0-9]*))?(?P<len>[hlL])?(?P<conv>.)?",
                   re.S)
# what follows a mapping key's `)`
_REST = re.compile(r"(?P<flags>[-+ #0]*)(?P<width>\*|[0-9]+)?(?:\.(?P<prec>\*|[0-9]*))?(?P<len>[hlL])?(?P<conv>.)?", re.S)
_INT_CONVS = "diuxXoc"
_FLOAT_CONVS = "eEfFgG"


@dataclass(frozen=True)
class Conversion:
    flags: str
    width: str
    prec: str | None
    conv: str
    key: str | None = None  # `%(key)s`: the argument is a mapping, this its key


def parse(fmt: str) -> tuple[list[str | Conversion], str | None]:
    """The literal pieces and conversions of `fmt`, or an error message (CPython's where it
    raises one, else what Portalis does not support)."""
    out: list[str | Conversion] = []
    text: list[str] = []
    i = 0
    while i < len(fmt):
        j = fmt.find("%", i)
        if j < 0:
            text.append(fmt[i:])
            break
        text.append(fmt[i:j])
        m = _SPEC.match(fmt, j)
        assert m is not None
        key = None
        if m.group("key"):  # `%(key)`: up to the `)` that closes it (CPython counts nested parentheses)
            depth, k = 1, j + 2
            while k < len(fmt) and depth:
                depth += {"(": 1, ")": -1}.get(fmt[k], 0)
                k += 1
            if depth:
                return out, "incomplete format key (Python raises ValueError)"
            key = fmt[j + 2:k - 1]
            m = _REST.match(fmt, k)
            assert m is not None
        if m.group("conv") is None:
            return out, "incomplete format (Python raises ValueError)"
        conv = m.group("conv")
        idx = m.end() - 1
        if conv == "%":
            if key is not None or m.end() - j != 2:
                return out, f"unsupported format character '%' (0x25) at index {idx} (Python raises ValueError)"
            text.append("%")
            i = m.end()
            continue
        if conv not in "srdiuxXoeEfFgGca":
            return out, (f"unsupported format character {conv!r} (0x{ord(conv):x}) at index {idx} "
                         "(Python raises ValueError)")
        if m.group("width") == "*" or m.group("prec") == "*":
            return out, "`*` widths and precisions are not supported; use an f-string"
        if m.group("len"):
            return out, f"the length modifier `{m.group('len')}` is not supported; leave it out"
        if conv == "a":
            return out, "the `%a` conversion is not supported"
        prec = m.group("prec")
        if prec is not None and conv in _INT_CONVS:
            return out, f"a precision on `%{conv}` (zero-padded digits) is not supported; use an f-string"
        if "".join(text):
            out.append("".join(text))
        text = []
        out.append(Conversion(m.group("flags"), m.group("width") or "", prec if prec is None else (prec or "0"), conv, key))
        i = m.end()
    if "".join(text):
        out.append("".join(text))
    return out, None


def spec_of(c: Conversion) -> str:
    """The format() spec that prints what printf prints for `c` (see the module docstring)."""
    left = "-" in c.flags
    prec = f".{c.prec}" if c.prec is not None else ""
    if c.conv in "sr":
        return (("<" if left else ">") + c.width if c.width else "") + prec
    if c.conv == "c":
        return ("<" if left else "") + c.width + "c"
    sign = "+" if "+" in c.flags else " " if " " in c.flags else ""
    alt = "#" if "#" in c.flags and c.conv != "d" else ""
    zero = "0" if "0" in c.flags and not left and c.width else ""
    conv = "d" if c.conv in "iu" else c.conv
    return ("<" if left else "") + sign + alt + zero + c.width + prec + conv


def _pure(e: Any) -> bool:
    return protocols.reads_the_same(e) or isinstance(e, ir.Intrinsic) and e.name == "tuple.getitem" and _pure(e.args[0])


def _plain(t: Any) -> bool:
    """Whether str()/repr() of a value of type `t` runs no user code."""
    t = prune(t)
    if t in (ir.INT, ir.FLOAT, ir.BOOL, ir.STR, ir.NONE):
        return True
    if isinstance(t, ir.OptionT):
        return _plain(t.inner)
    if isinstance(t, (ir.ListT, ir.SetT)):
        return _plain(t.elem)
    if isinstance(t, ir.DictT):
        return _plain(t.key) and _plain(t.val)
    if isinstance(t, ir.TupleT):
        return all(_plain(x) for x in t.items)
    return False


def lower(lw: Any, fmt: ir.Const, right: ir.Expr, node: cst.BinaryOperation) -> ir.Expr:
    """`fmt % right` for a string literal `fmt` (lw: the FunctionLowerer)."""
    sp = lw.sp(node)
    pieces, error = parse(fmt.value)
    if error:
        kind = "type-mismatch" if "Python raises" in error else "unsupported-syntax"
        return lw.err(kind, f"printf-style formatting: {error}", node)
    convs = [p for p in pieces if isinstance(p, Conversion)]
    rt = prune(right.ty)
    if isinstance(rt, TVar):
        return lw.unknown(sp, of=(rt,))
    mapping = any(c.key is not None for c in convs)
    if mapping:
        # `"%(name)s" % d`: each field looks its key up while the string is formatted, in order
        # (a KeyError after the fields before it were formatted): no arguments evaluated first
        if not all(c.key is not None for c in convs):
            return lw.err("type-mismatch", "printf-style formatting: `%(name)s` mixed with conversions without a key "
                          "(Python raises TypeError)", node)
        if not (isinstance(rt, ir.DictT) and unify(rt.key, ir.STR)):
            return lw.err("type-mismatch", f"printf-style formatting: `%(name)s` needs a dict with str keys, got "
                          f"{show(rt)} (Python raises TypeError or KeyError)", node)
        if not isinstance(right, (ir.Local, ir.Global)):
            return lw.err("unsupported-syntax", "printf-style formatting with `%(name)s` of a dict computed in place: "
                          "assign it to a name first", node)
        args = [ir.Intrinsic("dict.getitem", (right, ir.Const(c.key, ir.STR, sp)), rt.val, sp) for c in convs]
    elif isinstance(right, ir.TupleLit):
        args = list(right.items)
    elif isinstance(rt, ir.TupleT):
        if not isinstance(right, (ir.Local, ir.Global)):
            return lw.err("unsupported-syntax", "printf-style formatting with a tuple computed in place: assign it to "
                          "a name first, or write the tuple out", node)
        args = [ir.Intrinsic("tuple.getitem", (right, ir.Const(i, ir.INT, sp)), t, sp) for i, t in enumerate(rt.items)]
    elif isinstance(rt, ir.NamedT) or isinstance(rt, ir.UnionT) and any(
            isinstance(prune(m), (ir.TupleT, ir.NamedT)) for m in rt.members) or (
            isinstance(rt, ir.OptionT) and isinstance(prune(rt.inner), (ir.TupleT, ir.NamedT))):
        return lw.err("unsupported-syntax", f"printf-style formatting of a {show(rt)} (a tuple's items are the "
                      "arguments): write the tuple out", node)
    elif not convs:
        # a list or dict argument is accepted and ignored, any other raises: not modelled
        return lw.err("unsupported-syntax", "printf-style formatting without a conversion needs `()` as its argument",
                      node)
    else:
        args = [right]
    if mapping:
        pass
    elif len(args) < len(convs):
        return lw.err("type-mismatch", "printf-style formatting: not enough arguments for format string "
                      "(Python raises TypeError)", node)
    elif len(args) > len(convs):
        return lw.err("type-mismatch", "printf-style formatting: not all arguments converted during string "
                      "formatting (Python raises TypeError)", node)
    for a in args:
        if isinstance(prune(a.ty), TVar):
            return lw.unknown(sp, of=(a.ty,))
    parts: list[Any] = []
    unsafe_before = False  # a field before this one whose formatting may run user code or raise
    for k, a in enumerate(args):
        while isinstance(pieces[0], str):
            parts.append(pieces.pop(0))
        p = pieces.pop(0)
        assert isinstance(p, Conversion)
        field = _field(lw, p, a, node)
        if field is None:
            return ir.Const(None, TVar("error"), sp)
        e, conv, may_raise = field
        if may_raise and not mapping and (unsafe_before or not all(_pure(b) for b in args[k + 1:])):
            return lw.err("unsupported-syntax", f"printf-style formatting: `%{p.conv}` of a {show(prune(a.ty))} may raise, "
                          "which Python does only after evaluating the other arguments and formatting the fields "
                          "before it; use names or literals as the arguments after it", node)
        if (conv and not _plain(a.ty)) or p.conv == "c":
            unsafe_before = True
        spec = spec_of(p)
        parts.append(ir.FormatField(e, conv, ir.FString((spec,), ir.STR, sp) if spec else None))
    parts += pieces
    return ir.FString(tuple(parts), ir.STR, sp, eval_first=len(args) > 1 and not mapping)


_ACCEPTS = {**dict.fromkeys("diu", (ir.INT, ir.BOOL, ir.FLOAT)), **dict.fromkeys("xXoc", (ir.INT, ir.BOOL)),
            **dict.fromkeys(_FLOAT_CONVS, (ir.INT, ir.BOOL, ir.FLOAT))}


def _type_error(conv: str, name: str) -> str:
    """CPython's TypeError message for printf conversion `conv` of a value of type `name`."""
    if conv in "diu":
        return f"%{conv} format: a real number is required, not {name}"
    if conv in "xXo":
        return f"%{conv} format: an integer is required, not {name}"
    if conv == "c":
        return "%c requires int or char"
    return f"must be real number, not {name}"


def _field(lw: Any, c: Conversion, a: ir.Expr, node: cst.CSTNode) -> tuple[ir.Expr, str, bool] | None:
    """(value, conversion, whether computing the value may raise) of the field for `a`, or None
    after reporting why not."""
    if c.conv in "sr":
        return a, c.conv, False
    t = prune(a.ty)
    if isinstance(t, ir.EnumT) and t.int_enum:
        a, t = enums.as_int(a), ir.INT
    inner = prune(t.inner) if isinstance(t, ir.OptionT) else t
    if isinstance(inner, ir.EnumT) and inner.int_enum:
        inner = None  # an IntEnum member that may be None: not modelled
    if inner not in _ACCEPTS[c.conv]:
        if c.conv == "c" and inner == ir.STR:
            lw.err("unsupported-syntax", "printf-style formatting: `%c` of a str is not supported; use `%s`", node)
            return None
        name = ne.type_name(inner) if inner is not None else show(t)
        lw.err("type-mismatch", f"printf-style formatting: {_type_error(c.conv, name)} (Python raises TypeError)", node)
        return None
    # None raises; int(inf) and int(nan) raise; float() of an int past 1e308 (big ints) raises
    may_raise = isinstance(t, ir.OptionT) or (inner == ir.FLOAT and c.conv in "diu") or (
        inner == ir.INT and c.conv in _FLOAT_CONVS and not isinstance(a, ir.Const))
    if isinstance(t, ir.OptionT):
        a = ir.Coerce(a, inner, a.span, _type_error(c.conv, "NoneType"), "TypeError")
    if inner == ir.BOOL:
        a = ir.Coerce(a, ir.INT, a.span)
    if c.conv in "diu" and inner == ir.FLOAT:
        a = ir.Intrinsic("int.from_float", (a,), ir.INT, a.span)
    if c.conv in _FLOAT_CONVS and inner != ir.FLOAT:
        a = lw.to_float(a)
    return a, "", may_raise
