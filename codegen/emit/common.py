"""Shared pieces of the emitter: the runtime's text, Rust names and types, literals, the line
writer, and small IR queries used by several parts.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from portalis import ir


RUNTIME_DIR = Path(__file__).parent.parent / "runtime" / "pyrt"


# The runtime's source, one file per Python concept; a crate gets them concatenated, in this
# order, as its one module `src/pyrt.rs` (the prelude with the macros and imports first).
RUNTIME_PARTS = tuple(RUNTIME_DIR / f"{name}.rs" for name in (
    "prelude", "errors", "output", "text", "float_digits", "format_spec", "int", "float", "math",
    "str", "str_methods", "list", "timsort", "radix", "dict", "collections", "deque", "memo", "set", "range", "unicode_tables", "alloc", "bigint", "bigint_text", "enums",
    "named", "dynval"))


@functools.lru_cache(maxsize=1)
def runtime_text() -> str:
    """The text of the runtime module `src/pyrt.rs`: `RUNTIME_PARTS` concatenated."""
    return "\n".join(part.read_text() for part in RUNTIME_PARTS)


class EmitError(Exception):
    """A construct the emitter cannot express; carries the Python span."""

    def __init__(self, message: str, span):
        super().__init__(message)
        self.span = span


@dataclass(frozen=True)
class RustCrate:
    name: str
    files: dict[str, str]
    line_map: dict[str, list[int]]

    def map_json(self) -> str:
        return json.dumps(self.line_map)


def crate_name(module_name: str) -> str:
    """A valid, sanitised Cargo package name derived from a Python module name."""
    n = re.sub(r"[^a-z0-9_]", "_", module_name.lower()).strip("_") or "prog"
    if n[0].isdigit():
        n = "py_" + n
    return n


def rust_type(t: ir.Type, big: bool = False) -> str:
    """The Rust type of a Python type; `big`: the big-int build (`int` is `rt::Int`)."""
    if isinstance(t, ir.Prim):
        if big and t.name == "int":
            return "rt::Int"
        return {"int": "i64", "float": "f64", "bool": "bool", "str": "rt::Str", "None": "()"}[t.name]
    if isinstance(t, ir.ListT):
        return f"rt::PyList<{rust_type(t.elem, big)}>"
    if isinstance(t, ir.DictT):
        return f"rt::PyDict<{rust_type(t.key, big)}, {rust_type(t.val, big)}>"
    if isinstance(t, ir.SetT):
        return f"rt::PySet<{rust_type(t.elem, big)}>"
    if isinstance(t, ir.DequeT):
        return f"rt::PyDeque<{rust_type(t.elem, big)}>"
    if isinstance(t, ir.TupleT):
        if not t.items:  # not Rust's `()`: that is None
            return "rt::EmptyTuple"
        inner = ", ".join(rust_type(i, big) for i in t.items)
        return f"({inner},)" if len(t.items) == 1 else f"({inner})"
    if isinstance(t, ir.OptionT):
        return f"Option<{rust_type(t.inner, big)}>"
    if isinstance(t, ir.ExcT):
        return "rt::PyErr"
    if isinstance(t, ir.UnionT):
        return "rt::Obj"
    if isinstance(t, ir.EnumT):
        return "rt::EnumV"
    if isinstance(t, ir.ExcArgsT):
        return "rt::ExcArgs"
    if isinstance(t, ir.NamedT):
        return f"rt::Nt<{rust_type(ir.TupleT(t.items), big)}>"
    if isinstance(t, ir.ObjT):
        from portalis.codegen.emit.classes import obj_rust_type
        return obj_rust_type(t.name)
    if isinstance(t, ir.IterT) and t.kind == "iter":
        return f"rt::ListIter<{rust_type(t.elem, big)}>"
    if isinstance(t, ir.FuncT):  # a module function as a value: the depth of its frame last
        ret = "()" if t.ret == ir.NONE else rust_type(t.ret, big)
        return f"fn({''.join(rust_type(p, big) + ', ' for p in t.params)}u32) -> {ret}"
    if isinstance(t, ir.IterT) and t.kind == "gen":
        raise EmitError("a generator cannot be stored (in a variable, a container, a return value): loop over it "
                        "where it is made, or pass it to list(...)", None)
    raise EmitError(f"values of type {t} cannot be stored; convert with list(...)", None)


def default_value(t: ir.Type, big: bool = False) -> str:
    if isinstance(t, ir.Prim):
        if big and t.name == "int":
            return "rt::Int::S(0)"
        return {"int": "0", "float": "0.0", "bool": "false", "str": "rt::Str::new()", "None": "()"}[t.name]
    if isinstance(t, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)):
        return f"{rust_type(t, big).split('<')[0]}::new()"
    if isinstance(t, ir.TupleT):
        if not t.items:
            return "rt::EmptyTuple"
        inner = ", ".join(default_value(i, big) for i in t.items)
        return f"({inner},)" if len(t.items) == 1 else f"({inner})"
    if isinstance(t, ir.OptionT):
        return "None"
    if isinstance(t, ir.ExcT):
        return "rt::PyErr::new(&rt::EXCEPTION, \"\", 0)"
    if isinstance(t, ir.UnionT):
        return "rt::Obj::None"
    if isinstance(t, ir.EnumT):
        return "rt::EnumV { cls: &rt::ENUM_UNSET, idx: 0 }"  # never read: assigned first
    if isinstance(t, ir.ExcArgsT):
        return "rt::ExcArgs(Vec::new())"
    if isinstance(t, ir.NamedT):
        return f"rt::Nt {{ v: {default_value(ir.TupleT(t.items), big)}, info: {nt_info(t)} }}"
    if isinstance(t, ir.ObjT):
        return f"{rust_type(t, big)}::null()"
    if isinstance(t, ir.IterT) and t.kind == "iter":
        return "rt::ListIter::empty()"
    if isinstance(t, ir.FuncT):  # never called: assigned first
        params = "".join(f"_: {rust_type(p, big)}, " for p in t.params)
        ret = "()" if t.ret == ir.NONE else rust_type(t.ret, big)
        return f"((|{params}_: u32| -> {ret} {{ {default_value(t.ret, big)} }}) as {rust_type(t, big)})"
    raise EmitError(f"no default for {t}", None)


def nt_info(t: ir.NamedT) -> str:
    """The class of a named tuple value: a constant the compiler promotes to a static."""
    fields = ", ".join(rust_str(f) for f in t.fields)
    return f"&rt::NtInfo {{ name: {rust_str(t.name)}, fields: &[{fields}] }}"


def is_copy(t: ir.Type, big: bool = False) -> bool:
    """Whether the Rust form of `t` is `Copy` (no `.clone()`): `ir.is_copy`, except that the
    big-int build's `rt::Int` is not."""
    if big and any(x == ir.INT for x in ir.type_parts(t)):
        return False
    return ir.is_copy(t)


def rust_str(s: str) -> str:
    """A Rust string literal of `s`. Everything Python does not call printable (controls, format
    characters such as the bidirectional overrides U+202A-U+202E and U+2066-U+2069, which rustc
    refuses in literals, separators, unassigned and private-use code points) is a `\\u{...}`
    escape, so the literal is plain visible text."""
    out = ['"']
    for c in s:
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif 0xD800 <= o <= 0xDFFF:
            raise EmitError("lone surrogates in strings are not supported", None)
        elif not c.isprintable():
            out.append(f"\\u{{{o:x}}}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def rust_float(v: float) -> str:
    if v != v:
        return "f64::NAN"
    if v in (float("inf"), float("-inf")):
        return "f64::INFINITY" if v > 0 else "f64::NEG_INFINITY"
    r = repr(v)
    if "e" not in r and "." not in r:
        r += ".0"
    s = r + "_f64"
    return f"({s})" if v < 0 or r.startswith("-") else s


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pylines: list[int] = []
        self.indent = 0

    def line(self, text: str, py: int = 0) -> None:
        for part in text.split("\n"):
            self.lines.append("    " * self.indent + part)
            self.pylines.append(py)


def _opaque_rs(code: str, t: ir.Type) -> str:
    """`code` hidden from the optimiser if it is a float (see `_opaque`)."""
    return f"rt::opaque_f64({code})" if t == ir.FLOAT else code


def _opaque(x: ir.Expr) -> ir.Expr:
    """A float compared with another, hidden from LLVM: rustc 1.63's wasm backend turns
    `if x < 0.0 { 0.0 } else { x }` or `max(x, n * 1.0)` (a select of the two compared values,
    one of them known not to be NaN) into `f64.max`/`f64.min`, which order -0.0 below 0.0
    where Python returns x (-0.0).  A comparison with a value read through `rt::opaque_f64`
    no longer selects between its own operands."""
    return ir.Intrinsic("opaque_f64", (x,), ir.FLOAT, x.span)


def _py_type_name(t: ir.Type) -> str:
    if isinstance(t, ir.ListT):
        return "list"
    if isinstance(t, (ir.TupleT, ir.ExcArgsT)):
        return "tuple"
    if isinstance(t, ir.NamedT):
        return t.name
    if isinstance(t, ir.DictT):
        return "dict"
    if isinstance(t, ir.SetT):
        return "set"
    if isinstance(t, ir.DequeT):
        return "deque"
    if t == ir.NONE:
        return "NoneType"
    return str(t)


def _has_int(t: ir.Type) -> bool:
    return any(x == ir.INT for x in ir.type_parts(t))


def _has_obj(t: ir.Type) -> bool:
    return any(isinstance(x, ir.ObjT) for x in ir.type_parts(t))


def _has_float(t: ir.Type) -> bool:
    return any(x == ir.FLOAT for x in ir.type_parts(t))


_ORDER_OPS = ("<", "<=", ">", ">=", "==", "!=")


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


_CMP_NAME = {"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq", "!=": "eq"}


def _assigned_names(node) -> set[str]:
    """Names any target (assignment, for, augmented, tuple, handler variable) in `node` binds."""
    out: set[str] = set()
    for n in ir.walk(node):
        if isinstance(n, ir.NameTarget):
            out.add(n.name)
        elif isinstance(n, ir.Handler) and n.name:
            out.add(n.name)
    return out


def _appended_each_pass(loop: "ir.For") -> dict[str, tuple[ir.Local, int]]:
    """List locals that every pass of the for-loop `loop` appends to: name -> (the ir.Local, how
    many `x.append(e)` statements stand at the top of its body). The loop must end only when its
    items run out, or by an exception: no `break` or `continue` of it, no `return` or `yield` in
    it, and `x` is not rebound in it. Such a loop makes room for its items first (`rt::vec_room`):
    it adds exactly that many per item."""
    nodes = list(ir.walk(loop.body))
    if any(isinstance(n, (ir.Return, ir.Yield)) or (isinstance(n, (ir.Break, ir.Continue)) and n.label == loop.label)
           for n in nodes):
        return {}
    assigned = _assigned_names(loop)
    out: dict[str, tuple[ir.Local, int]] = {}
    for st in loop.body:
        e = st.expr if isinstance(st, ir.ExprStmt) else None
        if (isinstance(e, ir.Intrinsic) and e.name == "list.append" and isinstance(e.args[0], ir.Local)
                and e.args[0].name not in assigned):
            name = e.args[0].name
            out[name] = (e.args[0], out[name][1] + 1 if name in out else 1)
    return out


# list intrinsics that change a list's length (or reorder it wholesale): a loop containing one
# on any list of type T gets no view of a list[T] (the list it changes may be the viewed one)
_LIST_RESIZERS = frozenset({"list.append", "list.extend", "list.insert", "list.pop", "list.pop_at", "list.remove",
                            "list.sort", "list.reverse", "list.clear", "list.imul"})


def yield_param(elem: str) -> str:
    """The parameter through which a generator's Rust function (or its dispatcher) takes the
    consumer's loop body, for items of Rust type `elem` (codegen/emit/loops.py `gen_call`)."""
    return f"_y: &mut dyn FnMut({elem}) -> rt::PyResult<bool>"


def _list_view_candidates(loop, big: bool = False) -> set[str]:
    """List locals that `loop` may index through a view (`_FnEmitter.hoist_list_views`):
    indexed (read or stored) in the loop, items of a `Copy` type, never rebound in it, and no
    list of that type can change length or be stored into other than through a view while it
    runs. Anything that could reach a list behind the loop's back -- a call of a user function,
    a resizing method, `del`, slice assignment or an indexed store on any other list of the
    same type (it may be an alias) -- rules the type out."""
    nodes = list(ir.walk(loop))
    # user code can reach any list: a call (also through a function value, or a constructor's
    # `__init__`), or a `yield` (the consumer's loop body runs there)
    if any(isinstance(n, (ir.Call, ir.CallValue, ir.NewObj, ir.Yield)) for n in nodes):
        return set()
    assigned = _assigned_names(loop)
    # a lambda parameter is a local of its own (`lam` hides views inside it); a list with the
    # same name as one is left alone, since its stores inside the lambda are not through a view
    shadowed = {p for n in nodes if isinstance(n, ir.Lambda) for p, _ in n.params}
    indexed: dict[str, ir.Type] = {}
    for n in nodes:
        if isinstance(n, ir.Intrinsic) and n.name == "list.getitem" and isinstance(n.args[0], ir.Local):
            indexed[n.args[0].name] = n.args[0].ty
        elif isinstance(n, ir.IndexTarget) and isinstance(n.obj, ir.Local) and isinstance(n.obj.ty, ir.ListT):
            indexed[n.obj.name] = n.obj.ty
    cands = {name: t for name, t in indexed.items()
             if name not in assigned and name not in shadowed and isinstance(t, ir.ListT) and is_copy(t.elem, big)}
    unsafe: list[ir.Type] = []
    for n in nodes:
        if isinstance(n, ir.Intrinsic) and n.name in _LIST_RESIZERS and n.args:
            unsafe.append(n.args[0].ty)
        elif isinstance(n, (ir.DelItem, ir.DelSlice, ir.SliceTarget)):
            unsafe.append(n.obj.ty)
        elif isinstance(n, ir.IndexTarget) and not (isinstance(n.obj, ir.Local) and n.obj.name in cands):
            unsafe.append(n.obj.ty)
    return {name for name, t in cands.items() if t not in unsafe}


def _char_locals(fn: ir.Function) -> set[str]:
    """str locals that only ever hold one character, kept as a Rust `char`: every binding is
    `c = s[i]`, `c = "x"` (one character) or `for c in <str>` (no `else`), and nothing else binds
    them (no augmented, tuple, walrus, handler or comprehension target). Reads that need a str
    make one (`rt::Str::from_char`); comparisons with a character, `in` a literal, `ord()` and the
    `is...()` tests use the char. Every read follows a binding (possibly-unbound reads are
    refused), so the char's initial value is never seen."""
    params = {n for n, _ in fn.params}
    cands = {n for n, t in fn.locals if t == ir.STR and n not in params and not ir.is_made_up(n)}
    if not cands:
        return set()
    ok: dict[str, int] = {}
    bound: dict[str, int] = {}
    for n in ir.walk(fn.body):
        if isinstance(n, ir.NameTarget) and n.name in cands:
            bound[n.name] = bound.get(n.name, 0) + 1
        elif isinstance(n, ir.Handler) and n.name in cands:
            bound[n.name] = bound.get(n.name, 0) + 2  # never matched by an allowed binding
        if isinstance(n, ir.Assign) and isinstance(n.target, ir.NameTarget) and n.target.name in cands \
                and not n.target.is_global and _one_char_value(n.value):
            ok[n.target.name] = ok.get(n.target.name, 0) + 1
        elif isinstance(n, ir.For) and isinstance(n.target, ir.NameTarget) and n.target.name in cands \
                and not n.target.is_global and n.iter.ty == ir.STR and not n.orelse:
            ok[n.target.name] = ok.get(n.target.name, 0) + 1
    return {n for n in cands if bound.get(n, 0) > 0 and bound.get(n) == ok.get(n)}


def _piece_locals(fn: ir.Function, recursive: bool) -> set[str]:
    """list[str] locals only ever bound to a fresh split -- `xs = s.split(sep[, n])` or
    `xs = [x.strip() for x in s.split(sep)]` (lstrip/rstrip; `split_strip_comp`) -- and only
    read as `xs[i]` or `len(xs)`: no other reference to that list can exist, so it is a plain
    `Vec<rt::Str>` (no shared cell, reference count or borrow flag; an item read is borrowed,
    not cloned). Not in a generator or the module body; not read inside a lambda (a closure
    would borrow it); no other binding (augmented, tuple, walrus, `for`, handler)."""
    if fn.generator or fn.name == "<module>":
        return set()
    params = {n for n, _ in fn.params}
    cands = {n for n, t in fn.locals if t == ir.ListT(ir.STR) and n not in params and not ir.is_made_up(n)}
    if not cands:
        return set()
    nodes = list(ir.walk(fn.body))
    targets: set[int] = set()
    reads: set[int] = set()
    bad: set[str] = set()
    bound: set[str] = set()
    for n in nodes:
        if (isinstance(n, ir.Assign) and isinstance(n.target, ir.NameTarget) and n.target.name in cands
                and not n.target.is_global and _fresh_split(n.value, recursive)):
            targets.add(id(n.target))
            bound.add(n.target.name)
        elif (isinstance(n, ir.Intrinsic) and n.name in ("list.getitem", "len") and n.args
              and isinstance(n.args[0], ir.Local) and n.args[0].name in cands):
            reads.add(id(n.args[0]))
        elif isinstance(n, ir.Lambda):
            bad.update(x.name for x in ir.walk(n.body) if isinstance(x, ir.Local))
        elif isinstance(n, ir.Handler) and n.name in cands:
            bad.add(n.name)
    for n in nodes:
        if isinstance(n, ir.NameTarget) and n.name in cands and id(n) not in targets:
            bad.add(n.name)
        elif isinstance(n, ir.Local) and n.name in cands and id(n) not in reads:
            bad.add(n.name)
    return (cands & bound) - bad


def _joinbuf_locals(fn: ir.Function) -> dict[str, str]:
    """list[str] locals whose only use is to be joined: every binding is `xs = []`, every other
    reference is `xs.append(e)` as a statement (`e` not reading `xs`), `len(xs)`, or
    `SEP.join(xs)` with one str literal SEP for all its joins. Such a list is the joined text
    itself (`rt::JoinBuf`): an item is written into it, after the separator, when it is
    appended; a join copies the text so far. Name -> the separator. Not in a generator or the
    module body; not in a function with a `try` (an item that raises half-written would stay in
    a text that a handler could then join)."""
    if fn.generator or fn.name == "<module>":
        return {}
    params = {n for n, _ in fn.params}
    cands = {n for n, t in fn.locals if t == ir.ListT(ir.STR) and n not in params and not ir.is_made_up(n)}
    if not cands:
        return {}
    nodes = list(ir.walk(fn.body))
    if any(isinstance(n, ir.Try) for n in nodes):
        return {}
    ok: set[int] = set()  # ids of the allowed references
    bad: set[str] = set()
    seps: dict[str, set[str]] = {}
    for n in nodes:
        if (isinstance(n, ir.Assign) and isinstance(n.target, ir.NameTarget) and n.target.name in cands
                and not n.target.is_global and isinstance(n.value, ir.ListLit) and not n.value.items):
            ok.add(id(n.target))
        elif (isinstance(n, ir.ExprStmt) and isinstance(n.expr, ir.Intrinsic) and n.expr.name == "list.append"
              and isinstance(n.expr.args[0], ir.Local) and n.expr.args[0].name in cands):
            name = n.expr.args[0].name
            ok.add(id(n.expr.args[0]))
            if any(isinstance(x, ir.Local) and x.name == name for x in ir.walk(n.expr.args[1:])):
                bad.add(name)
        elif (isinstance(n, ir.Intrinsic) and n.name == "str.join" and len(n.args) == 2
              and isinstance(n.args[1], ir.Local) and n.args[1].name in cands
              and isinstance(n.args[0], ir.Const) and isinstance(n.args[0].value, str)):
            ok.add(id(n.args[1]))
            seps.setdefault(n.args[1].name, set()).add(n.args[0].value)
        elif (isinstance(n, ir.Intrinsic) and n.name == "len" and len(n.args) == 1
              and isinstance(n.args[0], ir.Local) and n.args[0].name in cands):
            ok.add(id(n.args[0]))
        elif isinstance(n, ir.Handler) and n.name in cands:
            bad.add(n.name)
    for n in nodes:
        if isinstance(n, (ir.NameTarget, ir.Local)) and n.name in cands and id(n) not in ok:
            bad.add(n.name)
    return {n: next(iter(ss)) for n, ss in seps.items() if n not in bad and len(ss) == 1}


def _fresh_split(e: ir.Expr, recursive: bool) -> bool:
    """`s.split(...)`, or a comprehension `split_strip_comp` makes one call of (see there)."""
    if isinstance(e, ir.Intrinsic):
        return e.name == "str.split" and e.ty == ir.ListT(ir.STR)
    if not (isinstance(e, ir.Comprehension) and e.kind == "list" and len(e.gens) == 1
            and (e.frame is None or not recursive) and e.ty == ir.ListT(ir.STR)):
        return False
    g, elt = e.gens[0], e.elt
    it = g.iter
    return (not g.conds and isinstance(g.target, ir.NameTarget) and not g.target.is_global
            and isinstance(it, ir.Intrinsic) and it.name == "str.split"
            and isinstance(it.args[2], ir.Const) and it.args[2].value == -1
            and isinstance(elt, ir.Intrinsic) and elt.name in ("str.strip", "str.lstrip", "str.rstrip")
            and isinstance(elt.args[0], ir.Local) and elt.args[0].name == g.target.name
            and isinstance(elt.args[1], ir.Const) and elt.args[1].value is None)


def _one_char_value(e: ir.Expr) -> bool:
    if isinstance(e, ir.Const):
        return one_char_literal(e)
    return isinstance(e, ir.Intrinsic) and e.name == "str.getitem" and e.ty == ir.STR and e.args[1].ty == ir.INT


def one_char_literal(e: ir.Expr) -> bool:
    """A str constant of one character that a Rust `char` can hold (not a lone surrogate)."""
    return (isinstance(e, ir.Const) and isinstance(e.value, str) and len(e.value) == 1 and e.ty == ir.STR
            and not 0xD800 <= ord(e.value) <= 0xDFFF)


def rust_char(c: str) -> str:
    """A Rust char literal of the one character `c`."""
    return f"'\\u{{{ord(c):x}}}'"


def _indexed_str_locals(node) -> set[str]:
    return {n.args[0].name for n in ir.walk(node)
            if isinstance(n, ir.Intrinsic) and n.name == "str.getitem" and isinstance(n.args[0], ir.Local)}


def folded_const(e: ir.Expr) -> bool:
    """Whether CPython's compiler sees e as a constant after its AST optimizer folded it (a
    literal, `-5`, `2 ** 10`, a tuple of those): a set display of such items becomes a frozenset
    constant, which decides the set's layout (pyrt/set.rs `from_consts`)."""
    if isinstance(e, ir.Const):
        return True
    if isinstance(e, ir.UnaryOp):
        return folded_const(e.operand)
    if isinstance(e, ir.BinOp):
        return folded_const(e.left) and folded_const(e.right)  # (a zero divisor raises first)
    if isinstance(e, ir.TupleLit):
        return all(folded_const(i) for i in e.items)
    return False


def pad_part(p: ir.Expr) -> bool:
    """`s.ljust(n[, fill])`, `s.rjust(...)` or `s.center(...)` whose receiver no later argument
    rebinds (a walrus): `into_buffer` writes it straight into a buffer (`rt::str_pad_into`)."""
    return (isinstance(p, ir.Intrinsic) and p.name in ("str.ljust", "str.rjust", "str.center")
            and not any(ir.rebinds(p.args[0], x) for x in p.args[1:]))


def plain_data(t: ir.Type) -> bool:
    """Whether releasing a value of type `t` runs no code and shows nothing: strs, numbers,
    None, and lists, dicts, sets, deques, tuples and optionals of such."""
    if isinstance(t, ir.Prim):
        return True
    if isinstance(t, (ir.ListT, ir.SetT, ir.DequeT)):
        return plain_data(t.elem)
    if isinstance(t, ir.DictT):
        return plain_data(t.key) and plain_data(t.val)
    if isinstance(t, ir.TupleT):
        return all(plain_data(x) for x in t.items)
    if isinstance(t, ir.OptionT):
        return plain_data(t.inner)
    return False

def str_pieces(e: ir.Expr) -> list[ir.Expr]:
    """The operands of a str `a + b + c` chain, left to right (the expression alone if it is not one)."""
    parts: list[ir.Expr] = []
    while isinstance(e, ir.BinOp) and e.op == "+" and e.ty == ir.STR:
        parts.append(e.right)
        e = e.left
    parts.append(e)
    parts.reverse()
    return parts
