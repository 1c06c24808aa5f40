"""Rust emission: `ir.Module` -> `RustCrate` (a dict of relative path -> text). Pure.

Owns how each IR node becomes Rust: value semantics (`.clone()` of owned values, `Rc`
aliasing of containers through `pyrt`), error propagation (`?` out of a function,
`tr!(…, 'tN)` inside a `try` body), loops as cursors, and the line map that sends every
Rust line back to the Python line that produced it (`portalis-map.json`). All Python
behaviour that is more than a line lives in the runtime (`runtime/pyrt/*.rs`), which is copied
into the crate as `src/pyrt.rs`; this module must not run anything, touch the file system, or re-derive
types (the IR is fully typed).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from portalis import ir

RUNTIME_DIR = Path(__file__).parent / "runtime" / "pyrt"
# The runtime's source, one file per Python concept; a crate gets them concatenated, in this
# order, as its one module `src/pyrt.rs` (the prelude with the macros and imports first).
RUNTIME_PARTS = tuple(RUNTIME_DIR / f"{name}.rs" for name in (
    "prelude", "errors", "output", "text", "float_digits", "format_spec", "int", "float", "math",
    "str", "list", "dict", "set", "range", "unicode_tables", "alloc", "bigint", "bigint_text"))


@functools.lru_cache(maxsize=1)
def runtime_text() -> str:
    """The text of the runtime module `src/pyrt.rs`: `RUNTIME_PARTS` concatenated."""
    return "\n".join(part.read_text() for part in RUNTIME_PARTS)
# `mod pf_<name> { use super::*; pub(super) fn <name>(...) }`: modules live in Rust's type
# namespace, so only a struct or module of the same name could collide (and would not compile)
FN_MODULE_PREFIX = "pf_"

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "union", "main", "rt",
    "std", "core", "alloc", "Ok", "Err", "Some", "None", "String", "Vec", "Option", "Result",
}


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


def ident(name: str) -> str:
    """A Rust identifier for a Python name (Python identifiers may be non-ASCII)."""
    if not name.isascii():
        name = "u_" + "".join(c if c.isascii() and (c.isalnum() or c == "_") else f"_{ord(c):x}_" for c in name)
    if name in RUST_KEYWORDS or name == "_":
        return name + "_"
    return name


def rust_type(t: ir.Type, big: bool = False) -> str:
    """The Rust type of a Python type; `big`: the big-int build (`int` is `rt::Int`)."""
    if isinstance(t, ir.Prim):
        if big and t.name == "int":
            return "rt::Int"
        return {"int": "i64", "float": "f64", "bool": "bool", "str": "String", "None": "()"}[t.name]
    if isinstance(t, ir.ListT):
        return f"rt::PyList<{rust_type(t.elem, big)}>"
    if isinstance(t, ir.DictT):
        return f"rt::PyDict<{rust_type(t.key, big)}, {rust_type(t.val, big)}>"
    if isinstance(t, ir.SetT):
        return f"rt::PySet<{rust_type(t.elem, big)}>"
    if isinstance(t, ir.TupleT):
        if not t.items:  # not Rust's `()`: that is None
            return "rt::EmptyTuple"
        inner = ", ".join(rust_type(i, big) for i in t.items)
        return f"({inner},)" if len(t.items) == 1 else f"({inner})"
    if isinstance(t, ir.OptionT):
        return f"Option<{rust_type(t.inner, big)}>"
    if isinstance(t, ir.ExcT):
        return "rt::PyErr"
    raise EmitError(f"values of type {t} cannot be stored; convert with list(...)", None)


def default_value(t: ir.Type, big: bool = False) -> str:
    if isinstance(t, ir.Prim):
        if big and t.name == "int":
            return "rt::Int::S(0)"
        return {"int": "0", "float": "0.0", "bool": "false", "str": "String::new()", "None": "()"}[t.name]
    if isinstance(t, (ir.ListT, ir.DictT, ir.SetT)):
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
    raise EmitError(f"no default for {t}", None)


def is_copy(t: ir.Type, big: bool = False) -> bool:
    """Whether the Rust form of `t` is `Copy` (no `.clone()`): `ir.is_copy`, except that the
    big-int build's `rt::Int` is not."""
    if big and any(x == ir.INT for x in ir.type_parts(t)):
        return False
    return ir.is_copy(t)


def rust_str(s: str) -> str:
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
        elif o < 0x20 or o == 0x7F or 0xD800 <= o <= 0xDFFF:
            if 0xD800 <= o <= 0xDFFF:
                raise EmitError("lone surrogates in strings are not supported", None)
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


class _FnEmitter:
    def __init__(self, mod: "_ModEmitter", fn: ir.Function, w: _Writer):
        self.mod = mod
        self.fn = fn
        self.w = w
        self.err_ctx: list[str] = []  # innermost try label ("'t3") or "" for `?`
        self.tmp = 0
        self.ascii_hints: dict[str, str] = {}  # str local -> Rust bool var: "is ASCII" (loop-invariant)
        self.list_views: dict[str, str] = {}  # list local -> Rust `&[Cell<T>]` var (see hoist_list_views)
        # CPython recursion-limit units between this function's frame and the code being
        # emitted (see `enter_frame`): comprehension and lambda frames, C calls that call back
        self.frame_off = 0
        # labels of loops with an `else` block (their breaks set a flag)
        self.else_loops = {n.label for n in ir.walk(fn.body) if isinstance(n, (ir.For, ir.While)) and n.orelse}

    # ------------------------------------------------------------ helpers

    @property
    def big(self) -> bool:
        return self.mod.big

    def rty(self, t: ir.Type) -> str:
        return rust_type(t, self.mod.big)

    def dflt(self, t: ir.Type) -> str:
        return default_value(t, self.mod.big)

    def copy(self, t: ir.Type) -> bool:
        return is_copy(t, self.mod.big)

    def as_i64(self, e: ir.Expr, kind: str = "size") -> str:
        """An i64 for an int the runtime takes as a repeat count ("size"), an index ("index") or
        a Py_ssize_t argument ("ssize": positions, widths, maxsplit). In the big-int build an
        int that does not fit raises what CPython raises there (OverflowError "cannot fit 'int'
        into an index-sized integer", IndexError, OverflowError "... C ssize_t"); an optional
        position (slice bound) clamps like CPython's."""
        if not self.big:
            return self.expr(e)
        ln = e.span.line
        if e.ty == ir.INT:
            if isinstance(e, ir.Const) and isinstance(e.value, int) and -(2**63) < e.value < 2**63:
                return f"({e.value}_i64)"
            fn = {"index": "bi_index", "ssize": "bi_ssize"}.get(kind, "bi_size")
            return self.q(f"rt::{fn}(&{self.ref(e)}, {ln})")
        if e.ty == ir.OptionT(ir.INT):
            if isinstance(e, ir.Const) and e.value is None:
                return "None::<i64>"
            return self.q(f"rt::bi_size_opt(&{self.ref(e)}, {ln})")
        return self.expr(e)

    def from_i64(self, code: str) -> str:
        """An int the runtime computes as an i64 (len, find, ord, ...), as this build's int."""
        return f"rt::Int::S({code})" if self.big else code

    def t(self, prefix: str = "_t") -> str:
        self.tmp += 1
        return f"{prefix}{self.tmp}"

    def enter_frame(self, extra: int, ln: int) -> str:
        """The recursion check of a frame `extra` units above the current one ("" when the
        module does not recurse).  Counted as CPython 3.11 counts toward its limit, once the
        code is warm (its calls of builtins specialised): each Python frame (function, lambda,
        comprehension, generator expression) is one unit, and so is each builtin that calls
        back into Python code and does not specialise (min/max, the sort in sorted/list.sort,
        a user exception's type call)."""
        if not self.mod.recursive:
            return ""
        return f"{self.q(f'rt::check_depth(_depth + {self.frame_off + extra}, {ln})')};"

    def q(self, code: str) -> str:
        """Propagate the error of a PyResult expression to the current handler."""
        if self.err_ctx and self.err_ctx[-1]:
            return f"tr!({code}, {self.err_ctx[-1]})"
        return f"{code}?"

    def propagate(self, err_code: str) -> str:
        if self.err_ctx and self.err_ctx[-1]:
            return f"break {self.err_ctx[-1]} Err({err_code})"
        return f"return Err({err_code})"

    def line_of(self, node) -> int:
        return node.span.line

    # ------------------------------------------------------------ function

    def emit(self) -> None:
        fn = self.fn
        w = self.w
        is_main = fn.name == "<module>"
        params = ", ".join(f"mut {ident(n)}: {self.rty(t)}" for n, t in fn.params)
        if self.mod.recursive and not is_main:  # the frame's depth (see rt::MAX_USER_DEPTH)
            params = f"{params}, _depth: u32" if params else "_depth: u32"
        ret = "()" if fn.ret == ir.NONE else self.rty(fn.ret)
        name = "module_body" if is_main else self.mod.fn_ident(fn.name)
        # One Rust module per function: rustc's incremental builds (the edit loop) then
        # recompile only the edited function's codegen unit (see codegen/build.py).
        w.line(f"mod {FN_MODULE_PREFIX}{name} {{ use super::*;", fn.span.line)
        if is_main:
            w.line(f"pub(super) fn {name}({params}) -> rt::PyResult<{ret}> {{", fn.span.line)
        else:
            # A user function returns its value itself; an exception it raises is left pending
            # in the runtime (`rt::set_pending`) and taken by the caller (`rt::ret(f(..))?`):
            # on wasm32 a `Result` return travels through memory, a plain value in a register
            # (recursive code ~1.6x faster). The body keeps `Result` and `?` (inlined here).
            args = ", ".join([*(ident(n) for n, _ in fn.params), *(["_depth"] if self.mod.recursive else [])])
            plain = params.replace("mut ", "")
            w.line(f"pub(super) fn {name}({plain}) -> {ret} {{", fn.span.line)
            w.line(f"    match {name}_body({args}) {{ Ok(v) => v, Err(e) => {{ rt::set_pending(e); {self.dflt(fn.ret)} }} }}",
                   fn.span.line)
            w.line("}", fn.span.line)
            w.line("#[inline(always)]", fn.span.line)
            w.line(f"fn {name}_body({params}) -> rt::PyResult<{ret}> {{", fn.span.line)
        w.indent += 1
        if self.mod.recursive:
            # CPython's limit counts every frame (the module's too), so once anything recurses,
            # every function call counts toward RecursionError
            if is_main:
                w.line("let _depth: u32 = 0;", fn.span.line)
            else:
                w.line(f"rt::check_depth(_depth, {fn.span.line})?;", fn.span.line)
        handler_vars = {n.name for n in ir.walk(fn.body) if isinstance(n, ir.Handler) and n.name}
        for n, t in fn.locals:
            if isinstance(t, ir.ExcT) and n in handler_vars:
                continue  # handler variables are bound in their handler
            w.line(f"let mut {ident(n)}: {self.rty(t)} = {self.dflt(t)};", fn.span.line)
        self.block(fn.body)
        if not fn.body or not isinstance(fn.body[-1], (ir.Return, ir.Raise)):
            last = fn.span.end_line
            if fn.ret == ir.NONE:
                w.line("Ok(())", last)
            elif isinstance(fn.ret, ir.OptionT):
                w.line("Ok(None)", last)
            else:
                w.line(f"#[allow(unreachable_code)]\nreturn Err(rt::PyErr::new(&rt::TYPE_ERROR, "
                       f"{rust_str(f'{fn.name}() ended without returning a {fn.ret} (Python would return None)')}, {last}));", last)
        w.indent -= 1
        w.line("}")
        w.line(f"}} use {FN_MODULE_PREFIX}{name}::{name};")

    def block(self, stmts: tuple) -> None:
        for s in stmts:
            self.stmt(s)

    def body(self, stmts: tuple) -> None:
        self.w.indent += 1
        self.block(stmts)
        self.w.indent -= 1

    # ------------------------------------------------------------ statements

    def stmt(self, s) -> None:
        w = self.w
        ln = s.span.line
        if isinstance(s, ir.Assign):
            self.assign(s.target, s.value, ln)
        elif isinstance(s, ir.AugAssign):
            tgt = s.target
            assert isinstance(tgt, ir.NameTarget)
            if tgt.is_global:
                cur = ir.Global(tgt.name, tgt.ty, s.span)
                self.assign(tgt, ir.BinOp("+", cur, s.value, ir.STR, s.span), ln)
            else:
                v = self.t()
                w.line(f"let {v} = {self.expr(s.value)}; {ident(tgt.name)}.push_str(&{v});", ln)
        elif isinstance(s, ir.ExprStmt):
            w.line(f"{self.expr(s.expr)};", ln)
        elif isinstance(s, ir.If):
            w.line(f"if {self.expr(s.cond)} {{", ln)
            self.body(s.body)
            if s.orelse:
                w.line("} else {", ln)
                self.body(s.orelse)
            w.line("}", ln)
        elif isinstance(s, (ir.While, ir.For)) and self.hoist_ascii_hints(s):
            return
        elif isinstance(s, (ir.While, ir.For)) and self.hoist_list_views(s):
            return
        elif isinstance(s, ir.While):
            self.loop_else_flag(s, ln)
            if isinstance(s.cond, ir.Const) and s.cond.value is True:
                w.line(f"'l{s.label}: loop {{", ln)
            else:
                w.line(f"'l{s.label}: while {self.expr(s.cond)} {{", ln)
            self.body(s.body)
            w.line("}", ln)
            self.loop_else(s, ln)
        elif isinstance(s, ir.For) and self.is_str_buffer_loop(s):
            self.str_buffer_loop(s, ln)
        elif isinstance(s, ir.For):
            def bind(item: str) -> None:
                hidden = isinstance(s.target, ir.NameTarget) and s.target.name.startswith("_for")
                self.bind_target(s.target, item, ln, fresh=hidden)
                self.block(s.body)
            self.loop_else_flag(s, ln)
            self.foreach(s.iter, bind, ln, label=f"'l{s.label}")
            self.loop_else(s, ln)
        elif isinstance(s, ir.Break):
            if s.label in self.else_loops:  # the loop's `else` must not run
                w.line(f"_brk{s.label} = true;", ln)
            w.line(f"break 'l{s.label};", ln)
        elif isinstance(s, ir.Continue):
            w.line(f"continue 'l{s.label};", ln)
        elif isinstance(s, ir.Return):
            if s.value is None:
                if self.fn.ret == ir.NONE:
                    w.line("return Ok(());", ln)
                else:
                    w.line("return Ok(None);", ln)
            else:
                w.line(f"return Ok({self.expr(s.value)});", ln)
        elif isinstance(s, ir.Raise):
            w.line(f"{self.propagate(self.exc_value(s))};", ln)
        elif isinstance(s, ir.Try):
            self.try_(s)
        elif isinstance(s, ir.Assert):
            msg = f"rt::py_str(&{self.ref(s.msg)})" if s.msg is not None else "String::new()"
            err = f"rt::PyErr::with_args(&rt::ASSERTION_ERROR, {'vec![' + msg + ']' if s.msg is not None else 'vec![]'}, " \
                  f"{'vec![rt::py_repr(&' + self.expr(s.msg) + ')]' if s.msg is not None else 'vec![]'}, {ln})"
            w.line(f"if !({self.expr(s.test)}) {{ {self.propagate(err)}; }}", ln)
        elif isinstance(s, ir.DelItem):
            if isinstance(s.obj.ty, ir.DictT):
                w.line(f"{self.q(f'{self.ref(s.obj)}.del_item(&{self.ref(s.index)}, {ln})')};", ln)
            else:
                idx = self.as_i64(s.index, "index")
                w.line(f"{self.q(f'{self.ref(s.obj)}.del_item({idx}, {ln})')};", ln)
        elif isinstance(s, ir.DelSlice):
            bounds = ", ".join(self.as_i64(b) for b in (s.lower, s.upper, s.step))
            w.line(f"{self.q(f'{self.ref(s.obj)}.del_slice({bounds}, {ln})')};", ln)
        elif isinstance(s, ir.Pass):
            pass
        elif isinstance(s, ir.GlobalInit):
            g = next(x for x in self.mod.module.globals if x.name == s.name)
            if not self.mod.const_global(g):
                w.line(f"{self.mod.global_setter(s.name)}({self.expr(s.value)});", ln)
        else:
            raise EmitError(f"cannot emit {type(s).__name__}", s.span)

    def exc_value(self, s: ir.Raise) -> str:
        if s.exc is None:
            return f"{ident(s.handler_var or '')}.clone()"
        e = s.exc
        if isinstance(e, ir.Intrinsic) and e.name == "sys.exit":
            return self.system_exit(e.args[0] if e.args else None, s.span.line)
        return self.expr(e)

    def system_exit(self, code: ir.Expr | None, ln: int) -> str:
        """`sys.exit(code)` / `SystemExit(code)`: None (or nothing) exits 0, an int with its
        value, True/False with 1/0, a str prints the message on stderr if uncaught and exits 1."""
        if code is None or code.ty == ir.NONE:
            return f"rt::sys_exit_none({ln})"
        if code.ty == ir.STR:
            return f"rt::sys_exit_msg({self.expr(code)}, {ln})"
        if code.ty == ir.BOOL:
            return f"rt::sys_exit_bool({self.expr(code)}, {ln})"
        if self.big:
            return f"rt::sys_exit(rt::bi_exit_code(&{self.ref(code)}), {ln})"
        return f"rt::sys_exit({self.expr(code)}, {ln})"

    def assign(self, target: ir.Target, value: ir.Expr, ln: int) -> None:
        if isinstance(target, ir.NameTarget) and not target.is_global:
            lhs = "let _" if target.name == "_" else ident(target.name)
            self.w.line(f"{lhs} = {self.expr(value)};", ln)
            return
        v = self.t("_v")
        self.w.line(f"let {v} = {self.expr(value)};", ln)
        self.bind_target(target, v, ln)

    def hoist_ascii_hints(self, loop: "ir.While | ir.For") -> bool:
        """Indexing a str is O(1) only when it is known to be ASCII. For each str local indexed
        inside `loop` and never assigned in it (Python strs are immutable values, so its text is
        then fixed for the whole loop), compute `is_ascii()` once before the loop and emit the loop
        with that hint in scope. Returns False when there is nothing to hoist."""
        ln = loop.span.line
        assigned = _assigned_names(loop)
        bases = sorted(n for n in _indexed_str_locals(loop.body) if n not in assigned and n not in self.ascii_hints)
        if not bases:
            return False
        w = self.w
        w.line("{", ln)
        w.indent += 1
        for n in bases:
            v = self.t("_asc")
            w.line(f"let {v} = {ident(n)}.is_ascii();", ln)
            self.ascii_hints[n] = v
        try:
            self.stmt(loop)
        finally:
            for n in bases:
                del self.ascii_hints[n]
        w.indent -= 1
        w.line("}", ln)
        return True

    def hoist_list_views(self, loop: "ir.While | ir.For") -> bool:
        """Lists of `Copy` items (int, float, bool, tuples of them) that `loop` indexes but cannot
        resize or rebind (`_list_view_candidates`) are indexed through a `rt::ListView` taken
        once before the loop: the item slice's address and length stay in registers instead of
        being reloaded, with the borrow flag, on every `xs[i]`. Returns False when there is
        nothing to view."""
        names = sorted(n for n in _list_view_candidates(loop, self.big) if n not in self.list_views)
        if not names:
            return False
        ln = loop.span.line
        w = self.w
        w.line("{", ln)
        w.indent += 1
        for n in names:
            g, v = self.t("_lv"), self.t("_vs")
            w.line(f"let {g} = {ident(n)}.view(); let {v} = {g}.cells;", ln)
            self.list_views[n] = v
        try:
            self.stmt(loop)
        finally:
            for n in names:
                del self.list_views[n]
        w.indent -= 1
        w.line("}", ln)
        return True

    def loop_else_flag(self, s: "ir.For | ir.While", ln: int) -> None:
        if s.orelse:
            self.w.line(f"let mut _brk{s.label} = false;", ln)

    def loop_else(self, s: "ir.For | ir.While", ln: int) -> None:
        """`for/while ... else`: the else block runs when the loop ended without `break`."""
        if s.orelse:
            self.w.line(f"if !_brk{s.label} {{", ln)
            self.body(s.orelse)
            self.w.line("}", ln)

    def is_str_buffer_loop(self, s: "ir.For") -> bool:
        """`for x in <str or list[str]>` into a plain str local: the loop can reuse x's buffer."""
        t = s.target
        return (not s.orelse
                and (s.iter.ty == ir.STR or (s.iter.ty == ir.ListT(ir.STR) and not isinstance(s.iter, ir.Comprehension)))
                and isinstance(t, ir.NameTarget) and t.ty == ir.STR and not t.is_global
                and t.name != "_" and not t.name.startswith("_for")
                and dict(self.fn.locals).get(t.name, dict(self.fn.params).get(t.name)) == ir.STR)

    def str_buffer_loop(self, s: "ir.For", ln: int) -> None:
        """`for ch in text:` / `for w in words:` copy each item into the loop variable's own
        buffer (one String for the whole loop instead of one allocation per item). A str is
        iterated as a snapshot; a list by index, live, as CPython does."""
        w = self.w
        name = ident(s.target.name)
        w.line("{", ln)
        w.indent += 1
        if s.iter.ty == ir.STR:
            src, it = self.t("_s"), self.t("_ci")
            w.line(f"let {src}: String = {self.expr(s.iter)};", ln)
            w.line(f"let mut {it} = {src}.chars();", ln)
            w.line(f"'l{s.label}: loop {{", ln)
            w.indent += 1
            w.line(f"let _c = match {it}.next() {{ Some(_x) => _x, None => break }};", ln)
            w.line(f"{name}.clear(); {name}.push(_c);", ln)
        else:
            lst, k = self.t("_l"), self.t("_k")
            w.line(f"let {lst} = {self.expr(s.iter)};", ln)
            w.line(f"let mut {k}: usize = 0;", ln)
            w.line(f"'l{s.label}: loop {{", ln)
            w.indent += 1
            w.line(f"if !{lst}.read_str_into({k}, &mut {name}) {{ break; }} {k} += 1;", ln)
        self.block(s.body)
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)

    def str_getitem(self, e: ir.Intrinsic) -> tuple[str, str]:
        """(`&s, hint` , index) for rt::str_index* calls; hint is the hoisted ASCII flag or false."""
        base = e.args[0]
        hint = self.ascii_hints.get(base.name, "false") if isinstance(base, ir.Local) else "false"
        return f"&{self.ref(base)}, {hint}", self.as_i64(e.args[1], "index")

    def bind_target(self, target: ir.Target, item: str, ln: int, fresh: bool = False) -> None:
        """Store the Rust value `item` (a variable name or expression, moved) into a Python target."""
        w = self.w
        if isinstance(target, ir.NameTarget):
            if target.name == "_":
                w.line(f"let _ = {item};", ln)
                return
            if target.is_global:
                w.line(f"{self.mod.global_setter(target.name)}({item});", ln)
            elif fresh:
                w.line(f"let {ident(target.name)} = {item};", ln)
            else:
                w.line(f"{ident(target.name)} = {item};", ln)
        elif isinstance(target, ir.TupleTarget):
            names = [self.t("_u") for _ in target.items]
            pat = "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"
            w.line(f"let {pat} = {item};", ln)
            for sub, n in zip(target.items, names):
                self.bind_target(sub, n, ln, fresh)
        elif isinstance(target, ir.IndexTarget):
            obj = self.ref(target.obj)
            if isinstance(target.obj.ty, ir.DictT):
                if isinstance(target.index, ir.Local) and not self.copy(target.index.ty):
                    w.line(f"{obj}.set_item_ref(&{ident(target.index.name)}, {item});", ln)
                else:
                    w.line(f"{obj}.set_item({self.expr(target.index)}, {item});", ln)
            elif isinstance(target.obj, ir.Local) and target.obj.name in self.list_views:
                view = self.list_views[target.obj.name]
                idx = self.as_i64(target.index, "index")
                w.line(f"{self.q(f'rt::vset({view}, {idx}, {item}, {ln})')};", ln)
            else:
                idx = self.as_i64(target.index, "index")
                w.line(f"{self.q(f'{obj}.set({idx}, {item}, {ln})')};", ln)
        elif isinstance(target, ir.SliceTarget):
            # CPython: the value first (done: `item`), then the list, then the bounds
            v = self.t("_sv")
            w.line(f"let {v} = {item};", ln)
            obj = self.ref(target.obj)
            bounds = ", ".join(self.as_i64(b) for b in (target.lower, target.upper, target.step))
            w.line(f"{self.q(f'{obj}.set_slice({bounds}, &{v}, {ln})')};", ln)
        else:
            raise EmitError("bad target", None)

    def try_(self, s: ir.Try) -> None:
        w = self.w
        ln = s.span.line
        lab = f"'t{s.label}"
        r = f"_r{s.label}"
        w.line(f"let {r}: rt::PyResult<()> = {lab}: loop {{", ln)
        w.indent += 1
        self.err_ctx.append(lab)
        self.block(s.body)
        self.err_ctx.pop()
        w.line(f"#[allow(unreachable_code)]\n{{ break {lab} Ok(()); }}", ln)
        w.indent -= 1
        w.line("};", ln)
        hlab = f"'h{s.label}"
        if s.final:
            w.line(f"let _f{s.label}: rt::PyResult<()> = {hlab}: loop {{", ln)
            w.indent += 1
            self.err_ctx.append(hlab)
        w.line(f"match {r} {{", ln)
        w.indent += 1
        w.line("Ok(()) => {", ln)
        self.body(s.orelse)
        w.line("}", ln)
        for h in s.handlers:
            if h.classes:
                cond = " || ".join(f"_e.is_instance(&{self.mod.exc_static(c)})" for c in h.classes)
                w.line(f"Err(_e) if !_e.is_limit() && ({cond}) => {{", h.span.line)
            else:
                w.line("Err(_e) if !_e.is_limit() => {", h.span.line)
            w.indent += 1
            w.line(f"#[allow(unused_variables, unused_mut)]\nlet mut {ident(h.name or '_exc')} = _e;", h.span.line)
            self.block(h.body)
            w.indent -= 1
            w.line("}", h.span.line)
        w.line(f"Err(_e) => {{ {self.propagate('_e')}; }}", ln)  # not caught (or the 64-bit limit)
        w.indent -= 1
        w.line("}", ln)
        if s.final:
            w.line(f"#[allow(unreachable_code)]\n{{ break {hlab} Ok(()); }}", ln)
            self.err_ctx.pop()
            w.indent -= 1
            w.line("};", ln)
            self.block(s.final)
            w.line(f"if let Err(_e) = _f{s.label} {{ {self.propagate('_e')}; }}", ln)

    # ------------------------------------------------------------ iteration

    def cursor(self, it: ir.Expr, ln: int) -> tuple[list[str], str]:
        """(setup statements, an expression giving Option<next item>) for an iterable."""
        t = it.ty
        if isinstance(it, ir.Intrinsic) and it.name == "range":
            a, b, c = it.args
            r = self.t("_r")
            if self.big:  # bounds of any size (i64 arithmetic while they fit)
                bounds = ", ".join(f"&{self.ref(x)}" for x in (a, b, c))
                return [f"let mut {r} = {self.q(f'rt::bi_range({bounds}, {ln})')};"], f"{r}.next()"
            ea, eb = self.expr(a), self.expr(b)
            if isinstance(c, ir.Const) and c.value == 1:
                return [f"let mut {r} = {ea}..{eb};"], f"{r}.next()"
            if isinstance(c, ir.Const) and isinstance(c.value, int) and 0 < c.value < 2**31:
                return [f"let mut {r} = ({ea}..{eb}).step_by({c.value});"], f"{r}.next()"
            return [f"let mut {r} = {self.q(f'rt::py_range({ea}, {eb}, {self.expr(c)}, {ln})')};"], f"{r}.next()"
        if isinstance(it, ir.Intrinsic) and it.name == "enumerate":
            setup, nxt = self.cursor(it.args[0], ln)
            c = self.t("_c")
            if self.big:  # a Python int counter: any start, no limit
                setup.append(f"let mut {c}: rt::Int = {self.expr(it.args[1])};")
                return setup, (f"match {nxt} {{ Some(_x) => {{ let _i = {c}.clone(); "
                               f"{c} = rt::bi_add(&{c}, &rt::Int::S(1)); Some((_i, _x)) }} None => None }}")
            # the index of the next item; None once past 2**63 - 1 (the 64-bit limit, only if
            # an item needs that index)
            setup.append(f"let mut {c}: Option<i64> = Some({self.expr(it.args[1])});")
            take = self.q(f"rt::enum_index({c}, {ln})")
            return setup, f"match {nxt} {{ Some(_x) => {{ let _i = {take}; {c} = _i.checked_add(1); Some((_i, _x)) }} None => None }}"
        if isinstance(it, ir.Intrinsic) and it.name == "zip":
            setups: list[str] = []
            nexts = []
            for a in it.args:
                s1, n1 = self.cursor(a, ln)
                setups += s1
                nexts.append(n1)
            names = [self.t("_z") for _ in nexts]
            code = f"Some(({', '.join(names)},))" if len(names) == 1 else f"Some(({', '.join(names)}))"
            for n, nx in reversed(list(zip(names, nexts))):
                code = f"match {nx} {{ Some({n}) => {code}, None => None }}"
            return setups, code
        if isinstance(it, ir.Intrinsic) and it.name == "reversed":
            inner = it.args[0]
            if isinstance(inner.ty, ir.ListT):
                l, k = self.t("_l"), self.t("_k")
                return ([f"let {l} = {self.expr(inner)};", f"let mut {k}: i64 = {l}.len();"],
                        f"if {k} > 0 && {k} <= {l}.len() {{ {k} -= 1; {l}.get_raw({k} as usize) }} else {{ None }}")
            r = self.t("_r")
            if inner.ty == ir.STR:
                return [f"let mut {r} = rt::str_chars(&{self.ref(inner)}).into_iter().rev();"], f"{r}.next()"
            s1, n1 = self.cursor(inner, ln)
            v = self.t("_v")
            return [f"let mut {v}: Vec<_> = Vec::new();", "{", *s1, f"while let Some(_x) = {n1} {{ {v}.push(_x); }}", "}",
                    f"let mut {r} = {v}.into_iter().rev();"], f"{r}.next()"
        if isinstance(it, ir.Intrinsic) and it.name in ("dict.items", "dict.keys", "dict.values"):
            d, p, n = self.t("_d"), self.t("_p"), self.t("_n")
            meth = {"dict.items": "item_at", "dict.keys": "key_at", "dict.values": "value_at"}[it.name]
            return ([f"let {d} = {self.expr(it.args[0])};", f"let {n} = {d}.iter_mark();", f"let mut {p}: usize = 0;"],
                    self.q(f"{d}.{meth}(&mut {p}, {n}, {ln})"))
        if isinstance(t, ir.ListT):
            l, k = self.t("_l"), self.t("_k")
            return [f"let {l} = {self.expr(it)};", f"let mut {k}: usize = 0;"], f"{{ let _o = {l}.get_raw({k}); {k} += 1; _o }}"
        if isinstance(t, (ir.DictT, ir.SetT)):
            d, p, n = self.t("_d"), self.t("_p"), self.t("_n")
            meth = "key_at" if isinstance(t, ir.DictT) else "elem_at"
            return ([f"let {d} = {self.expr(it)};", f"let {n} = {d}.iter_mark();", f"let mut {p}: usize = 0;"],
                    self.q(f"{d}.{meth}(&mut {p}, {n}, {ln})"))
        if t == ir.STR:
            r = self.t("_r")
            return [f"let mut {r} = rt::str_chars(&{self.ref(it)}).into_iter();"], f"{r}.next()"
        if isinstance(t, ir.TupleT):
            r, v = self.t("_r"), self.t("_v")
            items = ", ".join(f"{v}.{i}" for i in range(len(t.items)))
            return [f"let {v} = {self.expr(it)};", f"let mut {r} = vec![{items}].into_iter();"], f"{r}.next()"
        if isinstance(it, ir.Comprehension) and it.kind == "gen":
            raise EmitError("a generator expression can only be passed directly to sum/any/all/min/max/join/list/sorted", it.span)
        raise EmitError(f"cannot iterate over {t}", it.span)

    def foreach(self, it: ir.Expr, body: Callable[[str], None], ln: int, label: str = "",
                enter: str = "", driver: int | None = None) -> None:
        """Emit a loop over `it`; `body(item)` emits the loop body with the item in a variable.
        `enter` is emitted once `it` is evaluated, before the first item; `driver` is the frame
        offset of the code that takes the items (default: the current one)."""
        w = self.w
        drv = self.frame_off if driver is None else driver
        if isinstance(it, ir.Comprehension) and it.kind == "gen":
            def inner(_: str) -> None:
                v = self.t("_g")
                w.line(f"let {v} = {self.expr(it.elt)};", ln)
                saved = self.frame_off
                self.frame_off = drv  # the consumer's code runs in its own frame
                try:
                    body(v)
                finally:
                    self.frame_off = saved
            self.comp_loops(it.gens, inner, ln, label, frame=it.frame, driver=drv, enter=enter)
            return
        setup, nxt = self.cursor(it, ln)
        w.line("{", ln)
        w.indent += 1
        for s in setup:
            w.line(s, ln)
        if enter:
            w.line(enter, ln)
        item = self.t("_it")
        w.line(f"{label + ': ' if label else ''}loop {{", ln)
        w.indent += 1
        w.line(f"let {item} = match {nxt} {{ Some(_x) => _x, None => break }};", ln)
        body(item)
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)

    def comp_loops(self, gens: tuple, inner: Callable[[str], None], ln: int, label: str = "",
                   frame: str | None = None, driver: int | None = None, enter: str = "") -> None:
        """Loops over a comprehension's generators, `inner` in the innermost.  With `frame`
        (an ir.Comprehension.frame), the first iterable is evaluated in the current frame and
        the rest in the comprehension's, one unit above `driver` (the frame that runs the
        loop; default: the current one); `enter` is emitted once the first iterable is made."""
        g = gens[0]
        outer = self.frame_off
        off = outer if driver is None else driver
        per_item = ""
        if frame == "frame":
            enter = enter + self.at_off(off, lambda: self.enter_frame(1, ln))
            off += 1
        elif frame == "per-item":  # a lambda called on each item
            per_item = self.at_off(off, lambda: self.enter_frame(1, ln))
            off += 1

        def body(item: str) -> None:
            saved = self.frame_off
            self.frame_off = off if frame is not None else saved
            try:
                if per_item:
                    self.w.line(per_item, ln)
                self.bind_target(g.target, item, ln, fresh=True)
                for c in g.conds:
                    self.w.line(f"if !({self.expr(c)}) {{ continue; }}", ln)
                if len(gens) > 1:
                    self.comp_loops(gens[1:], inner, ln)
                else:
                    inner("")
            finally:
                self.frame_off = saved

        self.foreach(g.iter, body, ln, label, enter=enter, driver=off)

    def at_off(self, off: int, fill: Callable[[], str]) -> str:
        saved = self.frame_off
        self.frame_off = off
        try:
            return fill()
        finally:
            self.frame_off = saved

    def sub(self, fill: Callable[[], None]) -> str:
        """Run `fill` against a scratch writer and return its lines as one block of code."""
        saved = self.w
        self.w = _Writer()
        try:
            fill()
            return "\n".join(self.w.lines)
        finally:
            self.w = saved

    # ------------------------------------------------------------ expressions

    def sref(self, e: ir.Expr) -> str:
        """A `&str` for a str-typed expression: literals are not allocated, locals not cloned."""
        if isinstance(e, ir.Const) and isinstance(e.value, str) and e.ty == ir.STR:
            return rust_str(e.value)
        return f"&{self.ref(e)}"

    def ref(self, e: ir.Expr) -> str:
        """An expression usable by reference without moving (no clone for locals)."""
        if isinstance(e, ir.Local):
            return ident(e.name)
        return f"({self.expr(e)})"

    def expr(self, e: ir.Expr) -> str:
        ln = e.span.line
        if isinstance(e, ir.Const):
            return self.const(e)
        if isinstance(e, ir.Local):
            return ident(e.name) if self.copy(e.ty) else f"{ident(e.name)}.clone()"
        if isinstance(e, ir.Global):
            return self.mod.global_getter(e.name, self)
        if isinstance(e, ir.Coerce):
            return self.coerce(e)
        if isinstance(e, ir.BinOp):
            return self.binop(e)
        if isinstance(e, ir.UnaryOp):
            x = self.expr(e.operand)
            if e.op == "not":
                return f"(!{x})"
            if e.op == "+":
                return x
            if e.op == "~":
                return f"rt::bi_invert(&{self.ref(e.operand)})" if self.big and e.ty == ir.INT else f"(!{x})"
            if e.ty == ir.FLOAT:
                return f"(-{x})"
            if self.big:
                return f"rt::bi_neg(&{self.ref(e.operand)})"
            return self.q(f"rt::int_neg({x}, {ln})")
        if isinstance(e, ir.Compare):
            return self.compare(e)
        if isinstance(e, ir.BoolOp):
            if e.ty == ir.BOOL:
                return f"({self.expr(e.left)} {'&&' if e.op == 'and' else '||'} {self.expr(e.right)})"
            v = self.t("_b")
            truth = self.truthy(v, e.left.ty)
            if e.op == "and":
                return f"{{ let {v} = {self.expr(e.left)}; if {truth} {{ {self.expr(e.right)} }} else {{ {v} }} }}"
            return f"{{ let {v} = {self.expr(e.left)}; if {truth} {{ {v} }} else {{ {self.expr(e.right)} }} }}"
        if isinstance(e, ir.IfExp):
            return f"(if {self.expr(e.cond)} {{ {self.expr(e.then)} }} else {{ {self.expr(e.orelse)} }})"
        if isinstance(e, ir.Call):
            args = [self.expr(a) for a in e.args]
            if self.mod.recursive:
                args.append(f"_depth + {1 + self.frame_off}")
            return self.q(f"rt::ret({self.mod.fn_ident(e.func)}({', '.join(args)}))")
        if isinstance(e, ir.Intrinsic):
            return self.intrinsic(e)
        if isinstance(e, ir.ListLit):
            if not e.items:
                return f"{self.rty(e.ty)}::new()".replace("rt::PyList<", "rt::PyList::<", 1)
            return f"rt::PyList::from_vec(vec![{', '.join(self.expr(i) for i in e.items)}])"
        if isinstance(e, ir.SetLit):
            if not e.items:
                return f"{self.rty(e.ty)}::new()".replace("rt::PySet<", "rt::PySet::<", 1)
            return f"rt::PySet::from_vec(vec![{', '.join(self.expr(i) for i in e.items)}])"
        if isinstance(e, ir.DictLit):
            if not e.items:
                return f"{self.rty(e.ty)}::new()".replace("rt::PyDict<", "rt::PyDict::<", 1)
            pairs = ", ".join(f"({self.expr(k)}, {self.expr(v)})" for k, v in e.items)
            return f"rt::PyDict::from_pairs(vec![{pairs}])"
        if isinstance(e, ir.TupleLit):
            items = [self.expr(i) for i in e.items]
            if not items:
                return "rt::EmptyTuple"
            return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
        if isinstance(e, ir.Comprehension):
            return self.comprehension(e)
        if isinstance(e, ir.FString):
            return self.fstring(e)
        if isinstance(e, ir.NewExc):
            return self.new_exc(e)
        if isinstance(e, ir.Lambda):
            return self.lam(e)
        raise EmitError(f"cannot emit {type(e).__name__}", e.span)

    def const(self, e: ir.Const) -> str:
        v = e.value
        if v is None:
            return f"None::<{self.rty(e.ty.inner)}>" if isinstance(e.ty, ir.OptionT) else "()"
        if isinstance(v, bool):
            out = "true" if v else "false"
        elif isinstance(v, int):
            if e.ty == ir.FLOAT:
                return rust_float(float(v))
            if not -(2**63) <= v < 2**63:
                if not self.big:
                    # the 64-bit build stops here with the 64-bit limit (the big-int build reruns)
                    out = self.q(f"rt::int_literal_limit({e.span.line})")
                    return f"Some({out})" if isinstance(e.ty, ir.OptionT) else out
                out = f"rt::bi_parse({rust_str(str(v))}, 10, 0).unwrap_or_default()"
                return f"Some({out})" if isinstance(e.ty, ir.OptionT) else out
            out = f"({v}_i64)" if v < 0 else f"{v}_i64"
            if v == -(2**63):
                out = "i64::MIN"
            if self.big:
                out = f"rt::Int::S({out})"
        elif isinstance(v, float):
            out = rust_float(v)
        elif isinstance(v, str):
            out = f"String::from({rust_str(v)})"
        else:
            raise EmitError(f"constant {v!r}", e.span)
        return f"Some({out})" if isinstance(e.ty, ir.OptionT) else out

    def coerce(self, e: ir.Coerce) -> str:
        src = e.expr.ty
        x = self.expr(e.expr)
        if e.ty == ir.FLOAT and src == ir.INT:
            if self.big:
                return self.q(f"rt::bi_to_f64(&{self.ref(e.expr)}, {e.span.line})")
            return f"({x} as f64)"
        if e.ty == ir.INT and src == ir.BOOL:
            return f"rt::Int::from({x})" if self.big else f"({x} as i64)"
        if isinstance(e.ty, ir.OptionT) and not isinstance(src, ir.OptionT):
            return f"Some({x})"
        if isinstance(src, ir.OptionT):
            msg = rust_str(e.none_msg or "'NoneType' object cannot be used as a value here")
            return self.q(f"{x}.ok_or_else(|| rt::PyErr::new(&rt::TYPE_ERROR, {msg}, {e.span.line}))")
        if src == e.ty:
            return x
        raise EmitError(f"cannot convert {src} to {e.ty}", e.span)

    def truthy(self, v: str, t: ir.Type) -> str:
        if t == ir.BOOL:
            return v
        if t == ir.INT:
            return f"(!{v}.is_zero())" if self.big else f"({v} != 0)"
        if t == ir.FLOAT:
            return f"({v} != 0.0)"
        if t == ir.STR:
            return f"!{v}.is_empty()"
        if t == ir.NONE:
            return "false"
        if isinstance(t, (ir.ListT, ir.DictT, ir.SetT)):
            return f"({v}.len() != 0)"
        if isinstance(t, ir.TupleT):
            return "true" if t.items else "false"
        if isinstance(t, ir.OptionT):
            return f"(match &{v} {{ Some(_y) => {self.truthy('(*_y)' if self.copy(t.inner) else '_y', t.inner)}, None => false }})"
        if isinstance(t, ir.ExcT):
            return "true"
        raise EmitError(f"truth value of {t}", None)

    def binop(self, e: ir.BinOp) -> str:
        ln = e.span.line
        if self.big and (e.ty == ir.INT or (e.ty == ir.FLOAT and e.op == "/" and e.left.ty == ir.INT)):
            return self.big_binop(e)
        a, b = self.expr(e.left), self.expr(e.right)
        if e.ty == ir.INT:
            c = e.right.value if isinstance(e.right, ir.Const) and type(e.right.value) is int else None
            if e.op in ("//", "%") and c is not None and 0 < c < 2**62 and c & (c - 1) == 0:
                # by a positive power of two, Python's floor division and modulo are exactly an
                # arithmetic shift and a mask on two's complement ints (no error is possible);
                # LLVM leaves `i64.div_s`/`rem_s` in wasm for the engine, which may not reduce them
                k = c.bit_length() - 1
                return f"({a} >> {k})" if e.op == "//" else f"({a} & {c - 1}_i64)"
            fn = {"+": "int_add", "-": "int_sub", "*": "int_mul", "//": "int_floordiv", "%": "int_mod",
                  "**": "int_pow", "<<": "int_lshift", ">>": "int_rshift"}.get(e.op)
            if fn:
                return self.q(f"rt::{fn}({a}, {b}, {ln})")
            return f"({a} {e.op} {b})"
        if e.ty == ir.FLOAT:
            if e.op == "/" and e.left.ty == ir.INT:
                return self.q(f"rt::int_truediv({a}, {b}, {ln})")
            if e.op in "+-*":
                return f"({a} {e.op} {b})"
            fn = {"/": "float_div", "//": "float_floordiv", "%": "float_mod", "**": "float_pow"}[e.op]
            return self.q(f"rt::{fn}({a}, {b}, {ln})")
        if e.ty == ir.BOOL:
            return f"({a} {e.op} {b})"
        if e.ty == ir.STR:
            return f"({a} + &{b})"
        raise EmitError(f"operator {e.op} on {e.ty}", e.span)

    def big_binop(self, e: ir.BinOp) -> str:
        """An int operator in the big-int build: the runtime's arbitrary-precision ops, operands
        by reference, evaluated left to right."""
        ln = e.span.line
        a, b = f"&{self.ref(e.left)}", f"&{self.ref(e.right)}"
        if e.ty == ir.FLOAT:  # int / int
            return self.q(f"rt::bi_truediv({a}, {b}, {ln})")
        plain = {"+": "bi_add", "-": "bi_sub", "*": "bi_mul", "&": "bi_and", "|": "bi_or", "^": "bi_xor"}
        if e.op in plain:
            return f"rt::{plain[e.op]}({a}, {b})"
        fallible = {"//": "bi_floordiv", "%": "bi_mod", "**": "bi_pow", "<<": "bi_lshift", ">>": "bi_rshift"}
        if e.op in fallible:
            return self.q(f"rt::{fallible[e.op]}({a}, {b}, {ln})")
        raise EmitError(f"operator {e.op} on int", e.span)

    def compare(self, e: ir.Compare) -> str:
        operands = list(e.operands)
        if all(op in _ORDER_OPS for op in e.ops):
            # int vs float compares exactly in Python: keep the int (no `as f64`), see cmp1
            operands = [x.expr if isinstance(x, ir.Coerce) and x.ty == ir.FLOAT and x.expr.ty == ir.INT else x
                        for x in operands]
        if any(op in ("<", "<=", ">", ">=") for op in e.ops) and all(x.ty == ir.FLOAT for x in operands):
            # every float ordering comparison has an operand the optimiser cannot see through
            # (see `_opaque`): the first one stays as it is
            operands = [operands[0], *(_opaque(x) for x in operands[1:])]
        vals = [self.t("_c") for _ in operands]
        parts = []
        for i, op in enumerate(e.ops):
            parts.append(self.cmp1(op, vals[i], vals[i + 1], operands[i], operands[i + 1]))
        if len(e.ops) == 1 and e.ops[0] in ("in", "not in") and not any(
                isinstance(x, (ir.Local, ir.Const)) for x in operands):
            pass  # both sides may have effects: the chained form below evaluates left first
        elif len(e.ops) == 1:
            a, b = operands
            if e.ops[0] in ("==", "!=") and a.ty == ir.STR and b.ty == ir.STR:
                # `s[i] == x` without allocating a one-character String (x evaluated after s[i]
                # only matters if it has effects: restrict to locals and constants)
                if all(isinstance(x, ir.Intrinsic) and x.name == "str.getitem" for x in (a, b)):
                    (sa, ia), (sb, ib) = self.str_getitem(a), self.str_getitem(b)
                    ca = self.q(f"rt::str_index_char({sa}, {ia}, {a.span.line})")
                    cb = self.q(f"rt::str_index_char({sb}, {ib}, {b.span.line})")
                    return f"({ca} {e.ops[0]} {cb})"
                for ix, other in ((a, b), (b, a)):
                    if (isinstance(ix, ir.Intrinsic) and ix.name == "str.getitem"
                            and isinstance(other, (ir.Local, ir.Const))):
                        sh, idx = self.str_getitem(ix)
                        neg = "!" if e.ops[0] == "!=" else ""
                        return f"({neg}{self.q(f'rt::str_index_eq({sh}, {idx}, {self.sref(other)}, {ix.span.line})')})"
            if e.ops[0] in ("==", "!=") and a.ty == ir.STR and b.ty == ir.STR:
                neg = "!" if e.ops[0] == "!=" else ""
                return f"{neg}rt::str_eq({self.sref(a)}, {self.sref(b)})"
            return "(" + self.cmp1(e.ops[0], self.ref(a), self.ref(b), a, b) + ")"
        # chained: evaluate each operand once, left to right, short-circuiting
        code = parts[-1]
        for i in range(len(e.ops) - 1, 0, -1):
            code = f"{parts[i - 1]} && {{ let {vals[i + 1]} = {self.expr(operands[i + 1])}; {code} }}"
        return f"{{ let {vals[0]} = {self.expr(operands[0])}; let {vals[1]} = {self.expr(operands[1])}; {code} }}"

    def cmp1(self, op: str, a: str, b: str, ea: ir.Expr, eb: ir.Expr) -> str:
        if op in _ORDER_OPS and {ea.ty, eb.ty} == {ir.INT, ir.FLOAT}:
            # exact, as CPython (2**53 + 1 != 2.0**53); NaN compares false except for !=
            # the big-int build compares by reference (`a` may be a local, not to be moved)
            fn, it, amp = ("bi_cmp_float", "&rt::Int", "&") if self.big else ("cmp_int_float", "i64", "")
            if ea.ty == ir.FLOAT:
                a, b, op = b, a, _FLIP[op]
                code = f"rt::{fn}_{_CMP_NAME[op]}(_i, _f)"
                code = f"!{code}" if op == "!=" else code
                return f"({{ let _f: f64 = {b}; let _i: {it} = {amp}{a}; {code} }})"
            code = f"rt::{fn}_{_CMP_NAME[op]}(_i, _f)"
            code = f"!{code}" if op == "!=" else code
            return f"({{ let _i: {it} = {amp}{a}; let _f: f64 = {b}; {code} }})"
        if op in ("is", "is not"):
            if ea.ty == ir.NONE:  # always None, but the expression still runs (f() is None)
                return f"({{ let _ = {a}; {'true' if op == 'is' else 'false'} }})"
            if not isinstance(ea.ty, ir.OptionT):  # a value that is never None
                return f"({{ let _ = &{a}; {'false' if op == 'is' else 'true'} }})"
            return f"{a}.is_none()" if op == "is" else f"{a}.is_some()"
        # CPython's `in` and container `==` compare identity first, so a NaN can match itself
        # there; Portalis has no identity, so a NaN (x != x) stops with an error (rt::no_nan).
        # Each operand is evaluated once, by reference, left to right.
        if op in ("in", "not in") and _has_float(ea.ty) and not isinstance(eb.ty, ir.DictT) and eb.ty != ir.STR:
            return (f"({{ let _nd = &{a}; {self.q(f'rt::no_nan(_nd, {ea.span.line})')}; "
                    f"{self.cmp1_plain(op, '(*_nd)', b, ea, eb)} }})")
        if op in ("==", "!=") and isinstance(ea.ty, (ir.ListT, ir.TupleT, ir.DictT)) and _has_float(ea.ty):
            chk = " ".join(f"{self.q(f'rt::no_nan({x}, {ea.span.line})')};" for x in ("_l", "_r"))
            return f"({{ let _l = &{a}; let _r = &{b}; {chk} *_l {op} *_r }})"
        return self.cmp1_plain(op, a, b, ea, eb)

    def cmp1_plain(self, op: str, a: str, b: str, ea: ir.Expr, eb: ir.Expr) -> str:
        if op in ("in", "not in"):
            neg = "!" if op == "not in" else ""
            ct = eb.ty
            if ct == ir.STR:
                return f"{neg}rt::str_contains(&{b}, &{a})"
            if isinstance(ct, ir.DictT):
                return f"{neg}{b}.contains_key(&{a})"
            if isinstance(ct, (ir.ListT, ir.SetT)):
                return f"{neg}{b}.contains(&{a})"
            if isinstance(ct, ir.TupleT):
                return f"{neg}{{ let _k = &{a}; let _t = &{b}; " + " || ".join(f"*_k == _t.{i}" for i in range(len(ct.items))) + " }"
            if isinstance(eb, ir.Intrinsic) and eb.name == "range":  # O(1), as CPython's
                if self.big:
                    bounds = ", ".join(f"&{self.ref(x)}" for x in eb.args)
                    return f"{neg}{{ let _k = &{a}; {self.q(f'rt::bi_range_contains({bounds}, _k, {eb.span.line})')} }}"
                bounds = ", ".join(self.expr(x) for x in eb.args)
                return f"{neg}{{ let _k = {a}; {self.q(f'rt::py_range({bounds}, {eb.span.line})')}.contains(_k) }}"
            if isinstance(ct, ir.IterT):
                return f"{neg}{{ let _k = &{a}; let mut _f = false; " + self.sub(lambda: self.foreach(
                    eb, lambda it: self.w.line(f"if {it} == *_k {{ _f = true; break; }}"), eb.span.line)) + " _f }"
            raise EmitError(f"`in` on {ct}", eb.span)
        if isinstance(ea.ty, ir.SetT) and op in ("<", "<=", ">", ">="):  # subset / superset
            sub, sup = (a, b) if op in ("<", "<=") else (b, a)
            strict = f" && {a}.len() != {b}.len()" if op in ("<", ">") else ""
            return f"({sub}.issubset(&{sup}){strict})"
        return f"{a} {op} {b}"

    def comprehension(self, e: ir.Comprehension) -> str:
        ln = e.span.line
        acc = self.t("_acc")

        def fill() -> None:
            if e.kind == "list":
                self.w.line(f"let mut {acc}: Vec<{self.rty(e.ty.elem)}> = Vec::new();", ln)
                self.comp_loops(e.gens, lambda _: self.w.line(f"{acc}.push({self.expr(e.elt)});", ln), ln, frame=e.frame)
                self.w.line(f"rt::PyList::from_vec({acc})", ln)
            elif e.kind == "set":
                self.w.line(f"let {acc}: {self.rty(e.ty)} = rt::PySet::new();", ln)
                self.comp_loops(e.gens, lambda _: self.w.line(f"{acc}.add({self.expr(e.elt)});", ln), ln, frame=e.frame)
                self.w.line(acc, ln)
            elif e.kind == "dict":
                k, v = e.elt.items
                self.w.line(f"let {acc}: {self.rty(e.ty)} = rt::PyDict::new();", ln)
                self.comp_loops(e.gens, lambda _: self.w.line(f"{acc}.set_item({self.expr(k)}, {self.expr(v)});", ln), ln,
                                frame=e.frame)
                self.w.line(acc, ln)
            else:
                raise EmitError("a generator expression can only be passed directly to sum/any/all/min/max/join/list/sorted", e.span)

        return "{\n" + self.sub(fill) + "\n}"

    def collect(self, it: ir.Expr, elem_ty: ir.Type) -> str:
        """A Vec<T> of the items of any iterable."""
        v = self.t("_vec")
        return "{\n" + self.sub(lambda: (
            self.w.line(f"let mut {v}: Vec<{self.rty(elem_ty)}> = Vec::new();"),
            self.foreach(it, lambda x: self.w.line(f"{v}.push({x});"), it.span.line),
            self.w.line(v))) + "\n}"

    def fstring(self, e: ir.FString) -> str:
        if all(isinstance(p, str) for p in e.parts):
            return f"String::from({rust_str(''.join(e.parts))})"  # type: ignore[arg-type]
        ln = e.span.line
        f = self.t("_f")
        out = [f"let mut {f} = String::new();"]
        if e.eval_first:  # str.format(): the arguments first, in order, then the formatting
            parts: list = []
            lets: list[str] = []
            for p in e.parts:
                if isinstance(p, ir.FormatField) and not isinstance(p.expr, (ir.Local, ir.Const)):
                    v = self.t("_fa")
                    lets.append(f"let {v} = {self.expr(p.expr)};")
                    p = ir.FormatField(ir.Local(v, p.expr.ty, p.expr.span), p.conversion, p.spec)
                parts.append(p)
            out = lets + out
            e = ir.FString(tuple(parts), e.ty, e.span)
        for p in e.parts:
            if isinstance(p, str):
                if p:
                    out.append(f"{f}.push_str({rust_str(p)});")
                continue
            x = p.expr
            t = x.ty
            if isinstance(t, ir.OptionT) and p.spec is not None and p.conversion not in ("r", "s"):
                # a spec applies to the value (after !r/!s it applies to the text, None is fine)
                x = ir.Coerce(x, t.inner, x.span, "unsupported format string passed to NoneType.__format__")
                t = t.inner
            if p.spec is None or (isinstance(p.spec, ir.FString) and p.spec.parts in ((), ("",))):
                fn = "fmt_repr" if p.conversion == "r" else "fmt_str"
                if t == ir.STR and p.conversion != "r":
                    out.append(f"{f}.push_str(&{self.ref(x)});")
                elif self.big and _has_int(t):
                    v = self.t("_dv")
                    out.append(f"let {v} = &{self.ref(x)}; {self.q(f'rt::CheckDigits::check_digits({v}, {ln})')}; "
                               f"rt::PyFmt::{fn}({v}, &mut {f});")
                else:
                    out.append(f"rt::PyFmt::{fn}(&{self.ref(x)}, &mut {f});")
                continue
            spec = self.fstring(p.spec)
            if p.conversion not in ("r", "s") and t not in (ir.INT, ir.FLOAT, ir.BOOL, ir.STR):
                # object.__format__: a list/tuple/dict/set takes no format spec (only "")
                tname = _py_type_name(t)
                out.append(f"{self.q(f'rt::object_format_check(&{spec}, {rust_str(tname)}, {ln})')};")
            if p.conversion in ("r", "s") or t not in (ir.INT, ir.FLOAT, ir.BOOL, ir.STR):
                conv = "py_repr" if p.conversion == "r" else "py_str"
                val = f"rt::{conv}(&{self.ref(x)})"
                if self.big and _has_int(t):
                    v = self.t("_dv")
                    val = (f"{{ let {v} = &{self.ref(x)}; {self.q(f'rt::CheckDigits::check_digits({v}, {ln})')}; "
                           f"rt::{conv}({v}) }}")
            else:
                val = self.ref(x)
            out.append(f"{f}.push_str(&{self.q(f'rt::PyFormat::py_format(&{val}, &{spec}, {ln})')});")
        out.append(f)
        return "{ " + " ".join(out) + " }"

    def new_exc(self, e: ir.NewExc) -> str:
        static = self.mod.exc_static(e.cls)
        ln = e.span.line
        if e.cls == "SystemExit" and len(e.args) <= 1 and all(a.ty in (ir.NONE, ir.STR, ir.BOOL, ir.INT) for a in e.args):
            return self.system_exit(e.args[0] if e.args else None, ln)
        owner = self.mod.exc_owner(e.cls)
        if owner is not None:  # args[0] calls the generated __init__: (0, str/repr pairs..., fields...)
            t = self.t("_ti")
            init = self.at_off(self.frame_off + 1, lambda: self.expr(e.args[0]))  # __init__ from type.__call__
            strs = ", ".join(f"{t}.{1 + 2 * i}" for i in range(owner.n_args))
            reprs = ", ".join(f"{t}.{2 + 2 * i}" for i in range(owner.n_args))
            base = 1 + 2 * owner.n_args
            flds = ", ".join(f"{ident(f)}: {t}.{base + i}" for i, (f, _) in enumerate(owner.fields))
            return (f"{{ let {t} = {init}; rt::PyErr::with_payload(&{static}, vec![{strs}], "
                    f"vec![{reprs}], {self.mod.exc_fields_struct(owner.name)} {{ {flds} }}, {ln}) }}")
        if len(e.args) == 1 and e.args[0].ty == ir.STR and e.cls != "KeyError":
            return f"rt::PyErr::new(&{static}, {self.expr(e.args[0])}, {ln})"
        vals = [self.t("_a") for _ in e.args]
        lets = " ".join(f"let {v} = {self.expr(a)};" for v, a in zip(vals, e.args))
        strs = ", ".join(f"rt::py_str(&{v})" for v in vals)
        reprs = ", ".join(f"rt::py_repr(&{v})" for v in vals)
        return f"{{ {lets} rt::PyErr::with_args(&{static}, vec![{strs}], vec![{reprs}], {ln}) }}"

    def lam(self, e: ir.Lambda) -> str:
        (pname, pty), = e.params
        self.err_ctx.append("")
        # the parameter is a new local: facts hoisted for an outer local of that name (ASCII
        # hints, list views) do not hold for it
        saved = [(d, d.pop(pname)) for d in (self.ascii_hints, self.list_views) if pname in d]
        off = self.frame_off
        try:
            enter = self.enter_frame(1, e.span.line) if e.frame else ""  # a lambda's own frame
            self.frame_off += 1 if e.frame else 0
            body = self.expr(e.body)
        finally:
            self.frame_off = off
            self.err_ctx.pop()
            for d, v in saved:
                d[pname] = v
        return (f"|_p: &{self.rty(pty)}| -> rt::PyResult<{self.rty(e.body.ty)}> {{ {enter} "
                f"let {ident(pname)} = _p.clone(); Ok({body}) }}")

    # ------------------------------------------------------------ intrinsics

    def intrinsic(self, e: ir.Intrinsic) -> str:  # noqa: C901 - one table, kept in one place
        n = e.name
        ln = e.span.line
        a = e.args
        X = self.expr
        R = self.ref
        q = self.q
        if n == "print":
            return self.print_(e)
        if n == "opaque_f64":
            return f"rt::opaque_f64({self.expr(a[0])})"
        if n == "truthy":
            v = self.t("_y")
            return f"{{ let {v} = {R(a[0])}; {self.truthy(v, a[0].ty)} }}" if not isinstance(a[0], ir.Local) else self.truthy(ident(a[0].name), a[0].ty)
        if n == "len":
            t = a[0].ty
            if t == ir.STR:
                return self.from_i64(f"rt::str_len(&{R(a[0])})")
            if isinstance(t, ir.TupleT):
                return self.from_i64(f"{len(t.items)}_i64")
            if isinstance(a[0], ir.Intrinsic) and a[0].name == "range":
                if self.big:
                    bounds = ", ".join(f"&{R(x)}" for x in a[0].args)
                    return q(f"rt::bi_range_len({bounds}, {ln})")
                bounds = ", ".join(X(x) for x in a[0].args)
                return q(f"rt::range_len({bounds}, {ln})")
            if isinstance(a[0], ir.Intrinsic) and a[0].name in ("dict.keys", "dict.values", "dict.items"):
                return self.from_i64(f"{R(a[0].args[0])}.len()")
            return self.from_i64(f"{R(a[0])}.len()")
        if n in ("str", "repr") and self.big and _has_int(a[0].ty):
            # CPython's limit on the digits of int -> decimal text (ValueError)
            v = self.t("_dv")
            return f"{{ let {v} = &{R(a[0])}; {q(f'rt::CheckDigits::check_digits({v}, {ln})')}; rt::py_{n}({v}) }}"
        if n == "str":
            return f"rt::py_str(&{R(a[0])})"
        if n == "repr":
            return f"rt::py_repr(&{R(a[0])})"
        if n in ("abs",):
            if e.ty == ir.FLOAT:
                return f"{R(a[0])}.abs()"
            return f"rt::bi_abs(&{R(a[0])})" if self.big else q(f"rt::int_abs({X(a[0])}, {ln})")
        if n == "round":
            if a[0].ty != ir.FLOAT:
                return X(a[0])
            return q(f"rt::{'bi_round_half_even' if self.big else 'round_half_even'}({X(a[0])}, {ln})")
        if n == "round.ndigits":
            if e.ty == ir.FLOAT:  # CPython clamps a huge ndigits for floats
                nd = f"rt::bi_clamp_i64(&{R(a[1])})" if self.big else X(a[1])
                return f"rt::round_ndigits({X(a[0])}, {nd})"
            if self.big:
                return q(f"rt::bi_round_ndigits(&{R(a[0])}, &{R(a[1])}, {ln})")
            return q(f"rt::round_int_ndigits({X(a[0])}, {X(a[1])}, {ln})")
        if n == "int.from_float":
            return q(f"rt::{'bi_from_f64' if self.big else 'float_to_int'}({X(a[0])}, {ln})")
        if n == "int.from_str":
            if self.big:
                return q(f"rt::bi_parse(&{R(a[0])}, 10, {ln})")
            return q(f"rt::parse_int(&{R(a[0])}, {ln})")
        if n == "int.from_str_base":
            if self.big:  # a base past 64 bits is just a bad base (ValueError), as in CPython
                return q(f"{{ let _s = &{R(a[0])}; let _b = rt::bi_clamp_i64(&{R(a[1])}); rt::bi_parse(_s, _b, {ln}) }}")
            return q(f"rt::parse_int_base(&{R(a[0])}, {X(a[1])}, {ln})")
        if n == "float.from_str":
            return q(f"rt::parse_float(&{R(a[0])}, {ln})")
        if n == "float.is_integer":
            return f"rt::float_is_integer({X(a[0])})"
        if n == "tuple.index_dyn":  # t[i] with a run-time i on a tuple of one item type
            k = len(a[0].ty.items)  # type: ignore[attr-defined]
            items = ", ".join(f"_t.{j}.clone()" for j in range(k))
            idx = self.as_i64(a[1], "index")
            return (f"{{ let _t = &{R(a[0])}; let _i: i64 = {idx}; "
                    f"{q(f'rt::tuple_index(&[{items}], _i, {ln})')} }}")
        if n == "float":  # explicit float(int): the conversion is already in a[0]
            return X(a[0])
        if n == "eval_then":  # evaluate a[0] for its effects, then the value a[1]
            return f"{{ let _ = {X(a[0])}; {X(a[1])} }}"
        if n == "exc.field":  # e.NAME: args = (e, owner class, field) as constants
            struct = self.mod.exc_fields_struct(a[1].value)  # type: ignore[attr-defined]
            return f"{R(a[0])}.exc_fields::<{struct}>().{ident(a[2].value)}.clone()"  # type: ignore[attr-defined]
        if n == "ord":
            return self.from_i64(q(f"rt::py_ord(&{R(a[0])}, {ln})"))
        if n == "chr":
            if self.big:
                return q(f"rt::bi_chr(&{R(a[0])}, {ln})")
            return q(f"rt::py_chr({X(a[0])}, {ln})")
        if n == "divmod":
            if e.ty.items[0] == ir.FLOAT:
                return q(f"rt::float_divmod({X(a[0])}, {X(a[1])}, {ln})")
            if self.big:
                return q(f"rt::bi_divmod(&{R(a[0])}, &{R(a[1])}, {ln})")
            return q(f"rt::int_divmod({X(a[0])}, {X(a[1])}, {ln})")
        if n == "pow.mod":
            if self.big:
                return q(f"rt::bi_pow_mod(&{R(a[0])}, &{R(a[1])}, &{R(a[2])}, {ln})")
            return q(f"rt::int_pow_mod({X(a[0])}, {X(a[1])}, {X(a[2])}, {ln})")
        if n == "input":
            prompt = X(a[0]) if a else "String::new()"
            return q(f"rt::py_input(&{prompt}, {ln})")
        if n == "range":
            if self.big:
                return q(f"rt::bi_range({', '.join(f'&{R(x)}' for x in a)}, {ln})")
            return q(f"rt::py_range({', '.join(X(x) for x in a)}, {ln})")
        if n.startswith("math."):
            return self.math(e)
        if n in ("sum", "any", "all", "min.iter", "max.iter", "sorted", "list.from_iter", "set.from_iter",
                 "dict.from_iter", "str.join"):
            return self.consume(e)
        if n in ("min.args", "max.args"):
            return self.minmax_args(e)
        if n.startswith("str."):
            return self.str_method(e)
        if n.startswith("list."):
            return self.list_method(e)
        if n.startswith("dict."):
            return self.dict_method(e)
        if n.startswith("set."):
            m = n[4:]
            if m in ("add",):
                return f"{R(a[0])}.add({X(a[1])})"
            if m in ("discard",):
                return f"{R(a[0])}.discard(&{R(a[1])})"
            if m == "remove":
                return q(f"{R(a[0])}.remove(&{R(a[1])}, {ln})")
            if m in ("union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint", "update"):
                return f"{R(a[0])}.{m}(&{R(a[1])})"
            if m in ("copy", "clear"):
                return f"{R(a[0])}.{m}()"
        if n == "tuple.getitem":
            return f"{R(a[0])}.{a[1].value}" + ("" if self.copy(e.ty) else ".clone()")
        if n in ("enumerate", "zip", "reversed"):
            raise EmitError(f"{n}() can only be looped over or passed to list()/sorted()/dict()", e.span)
        raise EmitError(f"intrinsic {n} is not implemented", e.span)

    def print_(self, e: ir.Intrinsic) -> str:
        """print(): like CPython, every argument is evaluated (then sep=, then end=) before any
        is turned into text, so `print(xs, xs.pop())` shows the list after the pop. Arguments
        are bound by reference (containers alias, as the objects CPython passes do)."""
        kw = dict(e.kwargs)
        o = self.t("_o")
        out = [f"let mut {o} = String::new();"]
        checked = self.big and any(_has_int(x.ty) for x in e.args)  # each value is used twice below
        if all(isinstance(x, (ir.Local, ir.Const)) for x in e.args[1:]) and not checked:
            vals = [self.ref(x) for x in e.args]  # nothing after the first can change anything
        else:
            vals = []
            for x in e.args:
                v = self.t("_a")
                out.append(f"let {v} = &{self.ref(x)};")
                vals.append(f"(*{v})")
        sepv, endv = self.t("_s"), self.t("_e")
        for k, v in e.kwargs:  # in the order written
            if k in ("sep", "end"):
                out.append(f"let {sepv if k == 'sep' else endv}: String = {self.expr(v)};")
        target = "rt::err_str" if "file" in kw and kw["file"].value == "stderr" else "rt::out_str"
        for i, (x, v) in enumerate(zip(e.args, vals)):
            if i:
                out.append(f"{o}.push_str(&{sepv});" if "sep" in kw else f"{o}.push(' ');")
            if self.big and _has_int(x.ty):
                # CPython's limit on the digits of int -> decimal text (ValueError); print has
                # written the arguments (and separators) before the failing one by then
                err = self.propagate("_e")
                out.append(f"if let Err(_e) = rt::CheckDigits::check_digits(&{v}, {e.span.line}) "
                           f"{{ {target}(&{o}); {err}; }}")
            if x.ty == ir.STR:
                out.append(f"{o}.push_str(&{v});")
            else:
                out.append(f"rt::PyFmt::fmt_str(&{v}, &mut {o});")
        out.append(f"{o}.push_str(&{endv});" if "end" in kw else f"{o}.push('\\n');")
        out.append(f"{target}(&{o});")
        return "{ " + " ".join(out) + " }"

    def math(self, e: ir.Intrinsic) -> str:
        m = e.name[5:]
        ln = e.span.line
        if self.big:
            code = self.big_math(e)
            if code is not None:
                return code
        a = [self.expr(x) for x in e.args]
        plain1 = {"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "fabs", "expm1"}
        if m in plain1:
            if m in ("asin", "acos"):
                return self.q(f"rt::math_{m}({a[0]}, {ln})")
            return f"{a[0]}.{'abs' if m == 'fabs' else 'exp_m1' if m == 'expm1' else m}()"
        if m == "degrees":
            return f"{a[0]}.to_degrees()"
        if m == "radians":
            return f"{a[0]}.to_radians()"
        if m in ("atan2", "hypot", "copysign"):
            return f"{a[0]}.{m}({a[1]})"
        if m == "log":
            if len(a) == 2:
                return self.q(f"rt::math_log_base({a[0]}, {a[1]}, {ln})")
            return self.q(f"rt::math_log({a[0]}, {ln})")
        if m in ("sqrt", "exp", "log10", "log2", "floor", "ceil", "pow", "factorial", "log1p", "fmod", "trunc", "isqrt", "comb"):
            return self.q(f"rt::math_{m}({', '.join(a)}, {ln})")
        if m == "gcd":
            return self.q(f"rt::math_gcd({a[0]}, {a[1]}, {ln})")
        if m == "lcm":
            return self.q(f"rt::math_lcm({a[0]}, {a[1]}, {ln})")
        if m == "isclose":
            return self.q(f"rt::math_isclose_checked({', '.join(a)}, {e.span.line})")
        if m in ("isnan", "isinf", "isfinite"):
            return f"{a[0]}.is_{m[2:]}()" if m != "isinf" else f"{a[0]}.is_infinite()"
        raise EmitError(f"math.{m}", e.span)

    def big_math(self, e: ir.Intrinsic) -> str | None:
        """math functions whose int arguments or results need the big-int runtime (None: the
        float version applies)."""
        m = e.name[5:]
        ln = e.span.line
        q = self.q
        ints = [f"&{self.ref(x)}" for x in e.args]
        if m in ("factorial", "isqrt"):
            return q(f"rt::bi_{m}({ints[0]}, {ln})")
        if m == "comb":
            return q(f"rt::bi_comb({ints[0]}, {ints[1]}, {ln})")
        if m == "gcd":
            return f"rt::bi_gcd({ints[0]}, {ints[1]})"
        if m == "lcm":
            return q(f"rt::bi_lcm({ints[0]}, {ints[1]}, {ln})")
        if m in ("floor", "ceil", "trunc"):
            x = e.args[0]
            if x.ty == ir.INT:  # math.floor(int) is the int itself
                return self.expr(x)
            fn = {"floor": "bi_math_floor", "ceil": "bi_math_ceil", "trunc": "bi_from_f64"}[m]
            return q(f"rt::{fn}({self.expr(x)}, {ln})")
        if m in ("log", "log2", "log10") and len(e.args) == 1:
            x = e.args[0]
            if isinstance(x, ir.Coerce) and x.expr.ty == ir.INT:  # huge ints have logs too
                return q(f"rt::bi_math_{m}(&{self.ref(x.expr)}, {ln})")
        if m == "log" and len(e.args) == 2 and any(isinstance(x, ir.Coerce) and x.expr.ty == ir.INT for x in e.args):
            # log(x, base) = log(x) / log(base), each as CPython's loghelper (any size of int)
            num, den = (q(f"rt::bi_math_log(&{self.ref(x.expr)}, {ln})")
                        if isinstance(x, ir.Coerce) and x.expr.ty == ir.INT else q(f"rt::math_log({self.expr(x)}, {ln})")
                        for x in e.args)
            return q(f"{{ let _n = {num}; let _d = {den}; rt::float_div(_n, _d, {ln}) }}")
        return None

    def consume(self, e: ir.Intrinsic) -> str:
        """Builtins that drain an iterable: sum/any/all/min/max/sorted/list/set/dict/join."""
        n = e.name
        ln = e.span.line
        it = e.args[0]
        kw = dict(e.kwargs)
        acc = self.t("_acc")
        w_line = lambda s: self.w.line(s, ln)  # noqa: E731

        def first(extra: ir.Expr | None) -> ir.Expr:
            """Python evaluates the iterable before start=/default=: when both may have effects,
            bind a container iterable to a temporary first."""
            if (extra is None or isinstance(extra, (ir.Local, ir.Const)) or isinstance(it, (ir.Local, ir.Const))
                    or not isinstance(it.ty, (ir.ListT, ir.DictT, ir.SetT, ir.TupleT)) and it.ty != ir.STR):
                return it
            v = self.t("_src")
            w_line(f"let {v} = {self.expr(it)};")
            return ir.Local(v, it.ty, it.span)

        def fill() -> None:
            if n == "sum":
                src = first(e.args[1] if len(e.args) > 1 else None)
                if e.ty == ir.INT and self.big:
                    start = self.expr(e.args[1]) if len(e.args) > 1 else "rt::Int::S(0)"
                    w_line(f"let mut {acc}: rt::Int = {start};")
                    conv = (lambda x: f"&rt::Int::from({x})") if self.elem_type(src) == ir.BOOL else (lambda x: f"&{x}")
                    self.foreach(src, lambda x: w_line(f"{acc} = rt::bi_add(&{acc}, {conv(x)});"), ln)
                    w_line(acc)
                elif e.ty == ir.INT:
                    w_line(f"let mut {acc}: i64 = {self.expr(e.args[1]) if len(e.args) > 1 else '0'};")
                    self.foreach(src, lambda x: w_line(f"{acc} = {self.q(f'rt::int_add({acc}, {x} as i64, {ln})')};"), ln)
                    w_line(acc)
                else:
                    start = e.args[1] if len(e.args) > 1 else None
                    as_f = (lambda x: self.q(f"rt::bi_to_f64(&{x}, {ln})")) \
                        if self.big and self.elem_type(src) == ir.INT else (lambda x: f"{x} as f64")
                    if "int_start" in kw:
                        # sum(floats, 0): Python returns the int start itself when there are no items
                        w_line(f"let mut {acc}: f64 = {self.expr(start)}; let mut _any = false;")
                        self.foreach(src, lambda x: w_line(f"{acc} += {as_f(x)}; _any = true;"), ln)
                        msg = rust_str("sum() of an empty sequence of floats with an int start: Python returns "
                                       "the int start here, which Portalis cannot represent; use a float start (0.0)")
                        w_line(f"if !_any {{ {self.propagate(f'rt::limit_err({msg}, {ln})')}; }}")
                    elif start is not None:
                        w_line(f"let mut {acc}: f64 = {self.expr(start)};")
                        self.foreach(src, lambda x: w_line(f"{acc} += {as_f(x)};"), ln)
                    else:
                        w_line(f"let mut {acc}: f64 = 0.0; let mut _any = false;")
                        self.foreach(it, lambda x: w_line(f"{acc} += {as_f(x)}; _any = true;"), ln)
                        msg = rust_str("sum() of an empty sequence of floats: Python returns the int 0 here, "
                                       "which Portalis cannot represent; pass a float start value (sum(xs, 0.0))")
                        w_line(f"if !_any {{ {self.propagate(f'rt::limit_err({msg}, {ln})')}; }}")
                    w_line(acc)
            elif n in ("any", "all"):
                el = self.elem_type(it)
                w_line(f"let mut {acc} = {'false' if n == 'any' else 'true'};")
                # any/all take one argument (METH_O): even specialised, CPython counts the call
                if n == "any":
                    self.foreach(it, lambda x: w_line(f"if {self.truthy(x, el)} {{ {acc} = true; break; }}"), ln,
                                 driver=self.frame_off + 1)
                else:
                    self.foreach(it, lambda x: w_line(f"if !({self.truthy(x, el)}) {{ {acc} = false; break; }}"), ln,
                                 driver=self.frame_off + 1)
                w_line(acc)
            elif n in ("min.iter", "max.iter"):
                el = self.elem_type(it)
                better = "<" if n == "min.iter" else ">"
                key = kw.get("key")
                src = first(kw.get("default"))
                dv = self.t("_dflt")
                if "default" in kw:  # evaluated before the loop, as Python evaluates arguments
                    w_line(f"let {dv} = {self.expr(kw['default'])};")
                w_line(f"let mut {acc}: Option<{self.rty(el)}> = None;")
                if key is not None:
                    kf = self.t("_kf")
                    kt = key.ty.ret
                    # min/max (a builtin that does not specialise) calls the key and drains a generator
                    w_line(f"let mut {kf} = {self.at_off(self.frame_off + 1, lambda: self.expr(key))};")
                    w_line(f"let mut _bk: Option<{self.rty(kt)}> = None;")
                    self.foreach(src, lambda x: w_line(
                        f"let _k = {self.q(f'{kf}(&{x})')}; "
                        f"if match &_bk {{ None => true, Some(_b) => _k {better} {_opaque_rs('*_b', kt)} }} {{ _bk = Some(_k); {acc} = Some({x}); }}"),
                        ln, driver=self.frame_off + 1)
                else:
                    self.foreach(src, lambda x: w_line(
                        f"if match &{acc} {{ None => true, Some(_b) => {x} {better} {_opaque_rs('*_b', el)} }} {{ {acc} = Some({x}); }}"),
                        ln, driver=self.frame_off + 1)
                if "default" in kw:
                    d = dv
                    if isinstance(e.ty, ir.OptionT):
                        w_line(acc)
                    else:
                        w_line(f"match {acc} {{ Some(_m) => _m, None => {d} }}")
                else:
                    msg = rust_str(f"{n[:3]}() arg is an empty sequence")
                    w_line(f"match {acc} {{ Some(_m) => _m, None => {{ {self.propagate(f'rt::PyErr::new(&rt::VALUE_ERROR, {msg}, {ln})')} }} }}")
            elif n == "sorted":
                el = self.elem_type(it)
                w_line(f"let {acc} = rt::PyList::from_vec({self.collect(it, el)});")
                self.sort_call(acc, kw, ln)
                w_line(acc)
            elif n == "list.from_iter":
                w_line(f"rt::PyList::from_vec({self.collect(it, e.ty.elem)})")
            elif n == "set.from_iter":
                w_line(f"let {acc}: {self.rty(e.ty)} = rt::PySet::new();")
                self.foreach(it, lambda x: w_line(f"{acc}.add({x});"), ln)
                w_line(acc)
            elif n == "dict.from_iter":
                w_line(f"let {acc}: {self.rty(e.ty)} = rt::PyDict::new();")
                self.foreach(it, lambda x: w_line(f"{acc}.set_item({x}.0, {x}.1);"), ln)
                w_line(acc)
            elif n == "str.join" and isinstance(e.args[1].ty, ir.ListT) and not isinstance(e.args[1], ir.Comprehension):
                w_line(f"rt::str_join_list({self.sref(e.args[0])}, &{self.ref(e.args[1])})")
            elif n == "str.join":
                sep = self.t("_sep")
                w_line(f"let {sep}: String = {self.expr(e.args[0])};")
                w_line(f"let mut {acc} = String::new(); let mut _first = true;")
                self.foreach(e.args[1], lambda x: w_line(f"if !_first {{ {acc}.push_str(&{sep}); }} _first = false; {acc}.push_str(&{x});"), ln,
                             driver=self.frame_off + 1)  # str.join (METH_O) drains a generator
                w_line(acc)
            else:
                raise EmitError(n, e.span)

        if n == "str.join":
            it = e.args[1]
        return "{\n" + self.sub(fill) + "\n}"

    def sort_call(self, lst: str, kw: dict, ln: int) -> None:
        rev = self.expr(kw["reverse"]) if "reverse" in kw else "false"
        if "key" in kw:
            kf = self.t("_kf")
            key = self.at_off(self.frame_off + 1, lambda: self.expr(kw["key"]))  # called by list.sort
            self.w.line(f"let mut {kf} = {key};", ln)
            self.w.line(f"{self.q(f'{lst}.sort_by_key(&mut {kf}, {rev}, {ln})')};", ln)
        else:
            self.w.line(f"{self.q(f'{lst}.sort({rev}, {ln})')};", ln)

    def elem_type(self, it: ir.Expr) -> ir.Type:
        t = it.ty
        if isinstance(t, (ir.ListT, ir.SetT, ir.IterT)):
            return t.elem
        if isinstance(t, ir.DictT):
            return t.key
        if t == ir.STR:
            return ir.STR
        if isinstance(t, ir.TupleT):
            return t.items[0]
        raise EmitError(f"not iterable: {t}", it.span)

    def minmax_args(self, e: ir.Intrinsic) -> str:
        better = "<" if e.name.startswith("min") else ">"
        kw = dict(e.kwargs)
        vals = [self.t("_m") for _ in e.args]
        lets = " ".join(f"let {v} = {self.expr(x)};" for v, x in zip(vals, e.args))
        if "key" in kw:
            kf = self.t("_kf")
            key = self.at_off(self.frame_off + 1, lambda: self.expr(kw["key"]))  # called by min/max
            code = f"{{ {lets} let mut {kf} = {key}; let mut _best = {vals[0]}; let mut _bk = {self.q(f'{kf}(&_best)')};"
            kb = _opaque_rs("_bk", kw["key"].ty.ret)
            for v in vals[1:]:
                code += f" let _k = {self.q(f'{kf}(&{v})')}; if _k {better} {kb} {{ _bk = _k; _best = {v}; }}"
            return code + " _best }"
        code = f"{{ {lets} let mut _best = {vals[0]};"
        best = _opaque_rs("_best", e.ty)
        for v in vals[1:]:
            code += f" if {v} {better} {best} {{ _best = {v}; }}"
        return code + " _best }"

    def str_method(self, e: ir.Intrinsic) -> str:
        m = e.name[4:]
        ln = e.span.line
        a = e.args
        s = f"{self.sref(a[0])}"
        X = self.expr
        q = self.q
        if m in ("upper", "lower", "title", "capitalize", "swapcase", "isdigit", "isalpha", "isalnum", "isspace",
                 "isupper", "islower", "isdecimal", "isnumeric", "istitle", "splitlines"):
            return f"rt::str_{m}({s})"
        if m in ("split", "rsplit"):
            sep = a[1]
            sep_code = "None" if isinstance(sep, ir.Const) else f"{X(sep)}.as_deref()"
            if isinstance(sep, ir.Coerce):
                sep_code = f"Some(&*{X(sep.expr)})"
            return q(f"rt::str_{m}({s}, {sep_code}, {self.as_i64(a[2], 'ssize')}, {ln})")
        if m in ("strip", "lstrip", "rstrip"):
            ch = a[1]
            ch_code = "None" if isinstance(ch, ir.Const) else f"Some(&*{X(ch.expr)})" if isinstance(ch, ir.Coerce) else f"{X(ch)}.as_deref()"
            return f"rt::str_{m}({s}, {ch_code})"
        if m == "splitlines_keep":
            return f"rt::str_splitlines_keep({s}, {X(a[1])})"
        if m == "replace":
            return f"rt::str_replace({s}, {self.sref(a[1])}, {self.sref(a[2])}, {self.as_i64(a[3], 'ssize')})"
        # start/end positions (a[2], a[3]: Option<i64>) select the `_in` variants
        rng = f", {self.as_i64(a[2])}, {self.as_i64(a[3])}" if len(a) == 4 else ""
        suffix = "_in" if rng else ""
        if m in ("startswith", "endswith"):
            if isinstance(a[1].ty, ir.TupleT):
                tv, st, en = self.t("_tp"), self.t("_st"), self.t("_en")
                pos = f", {st}, {en}" if rng else ""
                alts = " || ".join(f"rt::str_{m}{suffix}(_s, &{tv}.{i}{pos})" for i in range(len(a[1].ty.items)))
                alts = alts or "false"  # an empty tuple of prefixes matches nothing
                bind = f"let {st} = {self.as_i64(a[2])}; let {en} = {self.as_i64(a[3])}; " if rng else ""
                return f"{{ let _s = {s}; let {tv} = {X(a[1])}; {bind}{alts} }}"
            return f"rt::str_{m}{suffix}({s}, {self.sref(a[1])}{rng})"
        if m in ("find", "rfind", "count"):
            return self.from_i64(f"rt::str_{m}{suffix}({s}, {self.sref(a[1])}{rng})")
        if m in ("index", "rindex"):
            return self.from_i64(q(f"rt::str_{m}_of{suffix}({s}, {self.sref(a[1])}{rng}, {ln})"))
        if m in ("ljust", "rjust", "center"):
            return q(f"rt::str_{m}({s}, {self.as_i64(a[1], 'ssize')}, {self.sref(a[2])}, {ln})")
        if m == "zfill":
            return f"rt::str_zfill({s}, {self.as_i64(a[1], 'ssize')})"
        if m in ("partition", "rpartition"):
            return q(f"rt::str_{m}({s}, {self.sref(a[1])}, {ln})")
        if m == "repeat":
            if dict(e.kwargs).get("count_first"):
                return f"{{ let _n: i64 = {self.as_i64(a[1])}; rt::str_repeat({s}, _n) }}"
            return f"rt::str_repeat({s}, {self.as_i64(a[1])})"
        if m == "getitem":
            sh, idx = self.str_getitem(e)
            return q(f"rt::str_index_hint({sh}, {idx}, {ln})")
        if m == "slice":
            return q(f"rt::str_slice({s}, {self.as_i64(a[1])}, {self.as_i64(a[2])}, {self.as_i64(a[3])}, {ln})")
        raise EmitError(f"str.{m}", e.span)

    def list_method(self, e: ir.Intrinsic) -> str:
        m = e.name[5:]
        ln = e.span.line
        a = e.args
        X, R = self.expr, self.ref
        q = self.q
        if m == "getitem" and isinstance(a[0], ir.Local) and a[0].name in self.list_views:
            idx = self.as_i64(a[1], "index")
            return q(f"rt::vget({self.list_views[a[0].name]}, {idx}, {ln})")
        lst = self.ref(a[0])
        if m == "getitem":
            idx = self.as_i64(a[1], "index")
            return q(f"{lst}.get({idx}, {ln})")
        if m == "slice":
            return q(f"{lst}.slice({self.as_i64(a[1])}, {self.as_i64(a[2])}, {self.as_i64(a[3])}, {ln})")
        if m == "append":
            v = self.t("_v")
            return f"{{ let {v} = {X(a[1])}; {lst}.append({v}) }}"
        if m == "extend":
            if isinstance(a[1].ty, ir.ListT) and not (isinstance(a[1], ir.Comprehension) and a[1].kind == "gen"):
                return f"{lst}.extend(&{self.ref(a[1])})"
            if isinstance(a[1], ir.Comprehension) and a[1].kind == "gen":
                # CPython appends a generator's items one by one: it sees the list grow
                tgt = self.t("_xl")
                return "{\n" + self.sub(lambda: (
                    self.w.line(f"let {tgt} = {self.expr(a[0])};", ln),
                    self.foreach(a[1], lambda x: self.w.line(f"{tgt}.append({x});", ln), ln,
                                 driver=self.frame_off + 1))) + "\n}"  # list.extend (METH_O)
            return f"{lst}.extend(&rt::PyList::from_vec({self.collect(a[1], a[0].ty.elem)}))"
        if m == "imul":
            return f"{lst}.imul({self.as_i64(a[1])})"
        if m == "insert":
            return f"{lst}.insert({self.as_i64(a[1], 'ssize')}, {X(a[2])})"
        if m == "pop":
            return q(f"{lst}.pop({ln})")
        if m == "pop_at":
            idx = self.as_i64(a[1], "ssize")
            return q(f"{lst}.pop_at({idx}, {ln})")
        if m in ("remove", "index", "count", "index_in"):
            # the needle is evaluated once, into `_nd`, then NaN-checked if it may hold a float
            if m == "index_in":  # xs.index(x, start[, stop]): positions clamp like slice bounds
                call = q(f"{lst}.index_of_in(_nd, {self.as_i64(a[2])}, {self.as_i64(a[3])}, {ln})")
            else:
                call = q(f"{lst}.{'index_of' if m == 'index' else m}(_nd, {ln})") if m != "count" else f"{lst}.count(_nd)"
            guard = f"{q(f'rt::no_nan(_nd, {ln})')}; " if _has_float(a[1].ty) else ""
            code = f"{{ let _nd = &{R(a[1])}; {guard}{call} }}"
            return self.from_i64(code) if m != "remove" else code
        if m == "sort":
            return "{\n" + self.sub(lambda: self.sort_call(lst, dict(e.kwargs), ln)) + "\n}"
        if m in ("reverse", "clear", "copy"):
            return f"{lst}.{m}()"
        if m == "concat":
            return f"{lst}.concat(&{self.ref(a[1])})"
        if m == "unpack":  # a, b = xs: exactly n items, else ValueError
            n = a[1].value  # type: ignore[attr-defined]
            items = ", ".join("_u.next().unwrap()" for _ in range(n))
            return (f"{{ let mut _u = {q(f'rt::list_unpack(&{lst}, {n}, {ln})')}.into_iter(); "
                    f"({items}{',' if n == 1 else ''}) }}")
        if m == "repeat":
            if dict(e.kwargs).get("count_first"):
                return f"{{ let _n: i64 = {self.as_i64(a[1])}; {lst}.repeat(_n) }}"
            return f"{lst}.repeat({self.as_i64(a[1])})"
        raise EmitError(f"list.{m}", e.span)

    def dict_method(self, e: ir.Intrinsic) -> str:
        m = e.name[5:]
        ln = e.span.line
        a = e.args
        X, R = self.expr, self.ref
        q = self.q
        d = self.ref(a[0])
        if m == "getitem":
            return q(f"{d}.get_item(&{R(a[1])}, {ln})")
        if m == "get":
            return f"{d}.get(&{R(a[1])})"
        if m == "get_or":
            return f"{d}.get_or(&{R(a[1])}, {X(a[2])})"
        if m == "setdefault":
            return f"{d}.setdefault({X(a[1])}, {X(a[2])})"
        if m == "pop":
            return q(f"{d}.pop(&{R(a[1])}, {ln})")
        if m == "pop_or":
            return f"{d}.pop_or(&{R(a[1])}, {X(a[2])})"
        if m == "popitem":
            return q(f"{d}.popitem({ln})")
        if m == "update":
            return f"{d}.update(&{self.ref(a[1])})"
        if m in ("copy", "clear"):
            return f"{d}.{m}()"
        if m in ("items", "keys", "values"):  # as a value (printing): a view, `dict_keys([...])`
            return f"rt::DictView(\"dict_{m}\", rt::PyList::from_vec({self.collect(e, e.ty.elem)}))"
        raise EmitError(f"dict.{m}", e.span)


class _ModEmitter:
    # a program sets each module variable where the module body first assigns it; a library
    # has no module body, so its getters evaluate the (call-free) initial value on first use
    lazy_globals = False

    def __init__(self, module: ir.Module, big_ints: bool = False):
        self.module = module
        self.big = big_ints  # the big-int build: Python's int is rt::Int (see runtime/pyrt/bigint.rs)
        self.fn_names = {f.name: self._fresh_fn(f.name) for f in module.functions}
        self.recursive = _recursive_functions(module)
        self.assigned_globals = _assigned_globals(module)
        self.defined_before_calls = _defined_before_calls(module.main.body)
        self.user_excs = {e.name for e in module.exceptions}

    def rty(self, t: ir.Type) -> str:
        return rust_type(t, self.big)

    def copy(self, t: ir.Type) -> bool:
        return is_copy(t, self.big)

    def _fresh_fn(self, name: str) -> str:
        if "." in name:  # "Class.__init__" of an exception class: not a Python name, keep it unique
            base = ident(name.split(".")[0]) + "__init"
            while base in {f.name for f in self.module.functions}:
                base += "_"
            return base
        return ident(name)

    def fn_ident(self, name: str) -> str:
        return self.fn_names[name]

    def exc_owner(self, cls: str) -> "ir.ExcClass | None":
        """The user class (cls or a base) whose `__init__` builds cls instances, if any."""
        by_name = {x.name: x for x in self.module.exceptions}
        while cls in by_name:
            if by_name[cls].init is not None:
                return by_name[cls]
            cls = by_name[cls].base
        return None

    def exc_fields_struct(self, cls: str) -> str:
        return f"ExcFields{ident(cls)}"

    def exc_static(self, cls: str) -> str:
        if cls in self.user_excs:
            return f"EXC_{ident(cls).upper()}"
        if cls == "EOFError":
            return "rt::EOF_ERROR"
        return "rt::" + re.sub(r"(?<!^)(?=[A-Z])", "_", cls).upper()

    def const_global(self, g: ir.GlobalVar) -> bool:
        """A Rust `const` when nothing assigns it but its definition, its value is a literal and
        (in a program) no function can run before the module body reaches the definition."""
        return (g.name not in self.assigned_globals and isinstance(g.init, ir.Const) and self.copy(g.ty)
                and not (type(g.init.value) is int and not -(2**63) <= g.init.value < 2**63)
                and (self.lazy_globals or g.name in self.defined_before_calls))

    def global_getter(self, name: str, fe: _FnEmitter) -> str:
        g = next(x for x in self.module.globals if x.name == name)
        if self.const_global(g):
            return f"G_{ident(name).upper()}"
        return fe.q(f"g_{ident(name).lower()}()")

    def global_setter(self, name: str) -> str:
        return f"set_g_{ident(name).lower()}"

    def emit(self) -> RustCrate:
        w = _Writer()
        m = self.module
        w.line(f"// Generated by Portalis from {m.path}. Edit the Python, not this file.")
        w.line("#![allow(unused_mut, unused_variables, unused_imports, unused_parens, unused_braces, unreachable_code, dead_code,")
        w.line("    non_snake_case, non_upper_case_globals, unexpected_cfgs, clippy::all)]")
        # The runtime is a module of the crate (cargo, build_native); codegen.build compiles it
        # once into an rlib and builds this file with `--cfg portalis_rt_rlib --extern pyrt=...`.
        w.line("#[cfg(not(portalis_rt_rlib))]")
        w.line("#[macro_use]")
        w.line("mod pyrt;")
        w.line("#[cfg(portalis_rt_rlib)]")
        w.line("#[macro_use]")
        w.line("extern crate pyrt;")
        w.line("use pyrt as rt;")
        w.line("")
        for x in m.exceptions:
            w.line(f"static {self.exc_static(x.name)}: rt::ExcClass = rt::ExcClass {{ name: {rust_str(x.name)}, "
                   f"base: Some(&{self.exc_static(x.base)}) }};")
            if x.init is not None:
                flds = " ".join(f"{ident(f)}: {self.rty(t)}," for f, t in x.fields)
                w.line(f"#[derive(Clone)] struct {self.exc_fields_struct(x.name)} {{ {flds} }}")
        for g in m.globals:
            self.emit_global(w, g)
        for f in m.functions:
            w.line("")
            _FnEmitter(self, f, w).emit()
        w.line("")
        _FnEmitter(self, m.main, w).emit()
        w.line("")
        w.line("fn main() {")
        w.line(f"    rt::run_main(module_body, {rust_str(m.path.rsplit('/', 1)[-1])});")
        w.line("}")
        main_rs = "\n".join(w.lines) + "\n"
        name = crate_name(m.name)
        cargo = (f'[package]\nname = "{name}"\nversion = "0.1.0"\nedition = "2021"\n'
                 f'rust-version = "1.63"\n\n[dependencies]\n\n[profile.release]\nopt-level = 3\nlto = true\n'
                 f'codegen-units = 1\npanic = "abort"\n')
        files = {"Cargo.toml": cargo, "src/main.rs": main_rs, "src/pyrt.rs": runtime_text()}
        return RustCrate(name, files, {"src/main.rs": w.pylines})

    def emit_global(self, w: _Writer, g: ir.GlobalVar) -> None:
        ty = self.rty(g.ty)
        up = ident(g.name).upper()
        low = ident(g.name).lower()
        ln = g.span.line
        if self.const_global(g):
            fe = _FnEmitter(self, self.module.main, w)
            w.line(f"const G_{up}: {ty} = {fe.expr(g.init)};", ln)
            return
        w.line(f"py_global!(G_{up}, {ty});", ln)
        fe = _FnEmitter(self, self.module.main, w)
        w.line(f"fn g_{low}() -> rt::PyResult<{ty}> {{", ln)
        w.line(f"    if let Some(v) = py_global_get!(G_{up}) {{ return Ok(v); }}", ln)
        if self.lazy_globals:
            if self.recursive:  # computed on first use, outside any function frame
                w.line("    let _depth: u32 = 0;", ln)
            w.line(f"    let v: {ty} = {fe.expr(g.init)};", ln)
            w.line(f"    py_global_set!(G_{up}, v.clone());", ln)
            w.line("    Ok(v)", ln)
        else:  # the module body sets it (ir.GlobalInit); reading it earlier is Python's NameError
            msg = rust_str(f"name '{g.name}' is not defined")
            w.line(f"    Err(rt::PyErr::new(&rt::NAME_ERROR, {msg}, {ln}))", ln)
        w.line("}", ln)
        w.line(f"fn set_g_{low}(v: {ty}) {{ py_global_set!(G_{up}, v); }}", ln)


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
    if isinstance(t, ir.TupleT):
        return "tuple"
    if isinstance(t, ir.DictT):
        return "dict"
    if isinstance(t, ir.SetT):
        return "set"
    if t == ir.NONE:
        return "NoneType"
    return str(t)


def _recursive_functions(m: ir.Module) -> set[str]:
    """Functions on a cycle of the call graph (if any, every function gets a depth guard)."""
    calls: dict[str, set[str]] = {}
    for f in m.functions:
        out: set[str] = set()
        out.update(n.func for n in ir.walk(f.body) if isinstance(n, ir.Call))
        calls[f.name] = out
    rec = set()
    for f in calls:
        seen, stack = set(), list(calls[f])
        while stack:
            g = stack.pop()
            if g == f:
                rec.add(f)
                break
            if g not in seen:
                seen.add(g)
                stack.extend(calls.get(g, ()))
    return rec


def _assigned_globals(m: ir.Module) -> set[str]:
    return {n.name for f in (*m.functions, m.main) for n in ir.walk(f.body)
            if isinstance(n, ir.NameTarget) and n.is_global}


def _defined_before_calls(body: tuple) -> set[str]:
    """Module variables the module body defines before its first statement that calls a user
    function (only those can be seen by every function that reads them)."""
    out: set[str] = set()
    for s in body:
        if isinstance(s, ir.GlobalInit) and not any(isinstance(n, ir.Call) for n in ir.walk(s.value)):
            out.add(s.name)
        elif any(isinstance(n, ir.Call) for n in ir.walk(s)):
            break
    return out


def emit_crate(module: ir.Module, big_ints: bool = False) -> RustCrate:
    """Translate a typed module into a Cargo crate (files as text; nothing is written).
    `big_ints`: the big-int build, for a program that outgrew 64-bit ints (Python's `int` as
    the runtime's arbitrary-precision `rt::Int`; slower, same behaviour otherwise)."""
    return _ModEmitter(module, big_ints).emit()


# ---------------------------------------------------------------- library crates (`translate --function`)

_PRELUDE_VALUES = {"Ok", "Err", "Some", "None", "String", "Vec", "Option", "Result", "Box"}
_NOT_KEYWORDS = {"main", "rt", "std", "core", "alloc"}  # in RUST_KEYWORDS only to keep program crates tidy


def _py_signature(fn: ir.Function) -> str:
    params = ", ".join(f"{n}: {t}" for n, t in fn.params)
    return f"def {fn.name}({params}) -> {fn.ret}"


class _LibEmitter(_ModEmitter):
    """A library crate for one function of a sliced module (`portalis.slicing`).

    `src/lib.rs` is the program crate of the same module (header, statics, globals, functions:
    one source of truth) without its module body and `main`, with `pyrt` public, plus a
    documented `pub fn` that keeps the Python name where Rust allows it, returns
    `Result<T, pyrt::PyErr>` and flushes what the function printed (the runtime buffers stdout
    and only a program's `main` flushes it otherwise)."""

    lazy_globals = True

    def __init__(self, module: ir.Module, function: str):
        super().__init__(module)
        self.function = function
        fn = next(f for f in module.functions if f.name == function)
        self.fn = fn
        ok = function.isascii() and function.isidentifier() and function != "_"
        pub = function if ok and (function not in RUST_KEYWORDS or function in _NOT_KEYWORDS) \
            and function not in _PRELUDE_VALUES else ident(function)
        taken = set(self.fn_names.values()) - {self.fn_names[function]}
        for g in module.globals:
            taken |= {f"g_{ident(g.name).lower()}", f"set_g_{ident(g.name).lower()}"}
        while pub in taken:
            pub += "_"
        self.pub_name = pub
        if self.fn_names[function] == pub:  # the wrapper takes the name; the translation moves aside
            inner = pub + "_py"
            while inner in taken:
                inner += "_"
            self.fn_names[function] = inner

    def emit_library(self) -> RustCrate:
        program = self.emit()
        lines = program.files["src/main.rs"].split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        pylines = list(program.line_map["src/main.rs"])[:len(lines)]
        cut = next((i for i, ln in enumerate(lines) if ln.startswith(f"mod {FN_MODULE_PREFIX}module_body ")), None)
        if cut is None:  # a Portalis bug: emit() no longer ends with the module body and main
            raise EmitError("cannot find the module body in the program crate", None)
        while cut > 0 and lines[cut - 1] == "":
            cut -= 1
        lines, pylines = lines[:cut], pylines[:cut]
        m = self.module
        for i, ln in enumerate(lines):
            if i == 0 and ln.startswith("// Generated by Portalis"):
                lines[i] = (f"// Generated by Portalis from {m.path}: `{self.function}` and what it uses, as a library. "
                            "Edit the Python, not this file.")
            elif re.fullmatch(r"(#\[macro_use\]\s*)?mod pyrt;", ln):
                lines[i] = ln.replace("mod pyrt;", "pub mod pyrt;")
        fn, ln = self.fn, self.fn.span.line
        ret = "()" if fn.ret == ir.NONE else self.rty(fn.ret)
        params = ", ".join(f"{ident(n)}: {self.rty(t)}" for n, t in fn.params)
        args = ", ".join([*(ident(n) for n, _ in fn.params), *(["1"] if self.recursive else [])])
        tail = [
            "",
            f"/// Python: `{_py_signature(fn)}` ({m.path.rsplit('/', 1)[-1]}, line {ln}).",
            "///",
            "/// Translated by Portalis together with what it calls. A Python exception comes back as",
            "/// `Err(pyrt::PyErr)` (`.class_name()`, `.py_str()`, `.line`); what the function prints is",
            "/// written to stdout before it returns.",
            f"pub fn {self.pub_name}({params}) -> Result<{ret}, pyrt::PyErr> {{",
            f"    let r = rt::ret({self.fn_ident(self.function)}({args}));",
            "    rt::flush_stdout();",
            "    r",
            "}",
        ]
        lines += tail
        pylines += [ln] * len(tail)
        name = crate_name(f"{m.name}_{self.function}")
        cargo = re.sub(r'(?m)^name = ".*"$', f'name = "{name}"', program.files["Cargo.toml"], count=1)
        lib = '[lib]\npath = "src/lib.rs"\n\n'
        cargo = cargo.replace("[dependencies]", lib + "[dependencies]", 1) if "[dependencies]" in cargo \
            else cargo + "\n" + lib
        files = {"Cargo.toml": cargo, "src/lib.rs": "\n".join(lines) + "\n", "src/pyrt.rs": program.files["src/pyrt.rs"]}
        return RustCrate(name, files, {"src/lib.rs": pylines})


def emit_library(module: ir.Module, function: str) -> RustCrate:
    """A library crate exposing `function` of a sliced module (`portalis.slicing.slice_module`:
    it has only what `function` needs and an empty module body) as a `pub fn`."""
    return _LibEmitter(module, function).emit_library()


def _has_int(t: ir.Type) -> bool:
    return any(x == ir.INT for x in ir.type_parts(t))


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


# list intrinsics that change a list's length (or reorder it wholesale): a loop containing one
# on any list of type T gets no view of a list[T] (the list it changes may be the viewed one)
_LIST_RESIZERS = frozenset({"list.append", "list.extend", "list.insert", "list.pop", "list.pop_at", "list.remove",
                            "list.sort", "list.reverse", "list.clear", "list.imul"})


def _list_view_candidates(loop, big: bool = False) -> set[str]:
    """List locals that `loop` may index through a view (`_FnEmitter.hoist_list_views`):
    indexed (read or stored) in the loop, items of a `Copy` type, never rebound in it, and no
    list of that type can change length or be stored into other than through a view while it
    runs. Anything that could reach a list behind the loop's back -- a call of a user function,
    a resizing method, `del`, slice assignment or an indexed store on any other list of the
    same type (it may be an alias) -- rules the type out."""
    nodes = list(ir.walk(loop))
    if any(isinstance(n, ir.Call) for n in nodes):
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


def _indexed_str_locals(node) -> set[str]:
    return {n.args[0].name for n in ir.walk(node)
            if isinstance(n, ir.Intrinsic) and n.name == "str.getitem" and isinstance(n.args[0], ir.Local)}
