"""`_FnEmitter`: one Python function (or the module body) -> Rust. The class is composed of
the mixins in statements/loops/expressions/intrinsics/methods; this file holds its state, the
calling convention (recursion depth, pending exceptions) and the function frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from portalis import ir
from portalis.codegen.emit.common import (EmitError, _Writer, _char_locals, _joinbuf_locals, _piece_locals, default_value, is_copy, plain_data,
                                          rust_str, rust_type, str_pieces, yield_param)
from portalis.codegen.emit import keyhash
from portalis.codegen.emit.statements import _StatementsMixin, fuse_dict_idioms
from portalis.codegen.emit.loops import _LoopsMixin
from portalis.codegen.emit.expressions import _ExpressionsMixin
from portalis.codegen.emit.intrinsics import _IntrinsicsMixin
from portalis.codegen.emit.methods import _MethodsMixin
from portalis.codegen.emit.unions import _UnionsMixin

if TYPE_CHECKING:
    from portalis.codegen.emit.module import _ModEmitter


class _FnEmitter(_StatementsMixin, _LoopsMixin, _ExpressionsMixin, _IntrinsicsMixin, _MethodsMixin, _UnionsMixin):
    def __init__(self, mod: "_ModEmitter", fn: ir.Function, w: _Writer):
        self.mod = mod
        self.fn = fn
        self.w = w
        self.err_ctx: list[str] = []  # innermost try label ("'t3") or "" for `?`
        self.tmp = 0
        self.ascii_hints: dict[str, str] = {}  # str local -> Rust bool var: "is ASCII" (loop-invariant)
        self.ascii_texts: dict[str, str] = {}  # the same locals -> a Rust `&str` of their text, taken with the hint
        self.list_views: dict[str, str] = {}  # list local -> Rust `&[Cell<T>]` var (see hoist_list_views)
        # inside the checked-bounds copy of a range loop (loops.py `in_bounds_loop`): the loop
        # variable, and the view accesses `xs[j + c]` known to be in bounds
        self.in_bounds: tuple[str, frozenset[tuple[str, int]]] | None = None
        self.range_bounds: dict[int, tuple[str, str]] = {}  # id(range intrinsic) -> Rust vars of its start and stop
        self.char_locals = _char_locals(fn)  # str locals kept as a Rust `char` (see common._char_locals)
        # list[str] locals kept as a plain `Vec<rt::Str>` (see common._piece_locals)
        self.piece_locals = _piece_locals(fn, bool(mod.recursive))
        # list[str] locals that are only joined: the joined text itself (common._joinbuf_locals)
        self.joinbufs = _joinbuf_locals(fn)
        # container, str and object parameters taken by reference (module._byref_params)
        self.byref_locals = {fn.params[i][0] for i in mod.byref.get(fn.name, ())}
        # `k, v = xs[i]` / `t = xs[i]` of a borrowed list parameter in a function that changes no
        # list: the str and tuple locals it binds borrow the item's fields in place (see
        # `item_borrows`); they then read like borrowed parameters
        self.item_borrows, self.borrowed_locals = item_borrows(fn, mod, self.byref_locals, self.char_locals,
                                                               self.piece_locals)
        self.byref_locals |= self.borrowed_locals
        # `for w in words:` whose body changes no list of that type: `w` borrows each item in
        # place (`loop_borrows`); inside those loops' bodies it reads like a borrowed parameter
        # (loops.py `borrowed_items_loop`)
        self.loop_borrows, self.loop_borrowed, self.loop_shared = loop_borrows(
            fn, mod, {*self.byref_locals, *self.char_locals, *self.piece_locals, *self.joinbufs},
            {*self.piece_locals, *self.joinbufs})
        # CPython recursion-limit units between this function's frame and the code being
        # emitted (see `enter_frame`): comprehension and lambda frames, C calls that call back
        self.frame_off = 0
        # nesting of the statements being emitted (`block`), and the `x = []` / `x = {}`
        # displays of the top level that bind a still fresh local (`fresh_empty_displays`)
        self.depth = 0
        self.fresh_empty: set[int] = set()
        # the Rust labels of the loops `foreach` opened that code here can `break` directly (not
        # from inside a generator's consumer closure: `stop_loop`)
        self.inner_labels: set[str] = set()
        # labels of loops with an `else` block (their breaks set a flag)
        self.else_loops = {n.label for n in ir.walk(fn.body) if isinstance(n, (ir.For, ir.While)) and n.orelse}
        # the Rust fn its direct calls of itself go to ("": its own, see `emit`)
        self.self_target = ""
        # the `_into` fn its returns write into ("": returns give back a value; see
        # `into_candidate`)
        self.into_fn = ""

    def ident(self, name: str) -> str:
        """The Rust identifier of a Python name (see codegen/emit/names.py)."""
        return self.mod.names.rust(name)

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

    def tag_u32(self, e: ir.Expr) -> str:
        """A class tag held as an int (a dynamic class method's `cls`) as the `u32` objects keep."""
        return f"(match &{self.ref(e)} {{ rt::Int::S(t) => *t as u32, _ => 0 }})" if self.big else f"({self.expr(e)} as u32)"

    def from_i64(self, code: str) -> str:
        """An int the runtime computes as an i64 (len, find, ord, ...), as this build's int."""
        return f"rt::Int::S({code})" if self.big else code

    def t(self, prefix: str = "_t") -> str:
        self.tmp += 1
        return f"{prefix}{self.tmp}"

    def temp_local(self, kind: str, ty: ir.Type, span) -> tuple[str, ir.Local]:
        """A fresh temporary `_<kind>N`, and an IR read of it (its name is made up, `ir.hidden`,
        so it is never mistaken for a Python name)."""
        v = self.t(f"_{kind}")
        return v, ir.Local(ir.hidden(kind, self.tmp), ty, span)

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

    def ret_rty(self) -> str:
        """The Rust type of what a `return` in this function gives back (a generator: whether its
        consumer should go on, see codegen/emit/loops.py `gen_call`)."""
        if self.fn.generator:
            return "bool"
        return "()" if self.fn.ret == ir.NONE else self.rty(self.fn.ret)

    def q(self, code: str) -> str:
        """Propagate the error of a PyResult expression to the current handler."""
        if self.err_ctx and self.err_ctx[-1]:
            return f"tr!({code}, {self.err_ctx[-1]})"
        return f"tr!({code})"

    def propagate(self, err_code: str) -> str:
        if self.err_ctx and self.err_ctx[-1]:
            return f"break {self.err_ctx[-1]} Err({err_code})"
        return f"return Err({err_code})"

    def line_of(self, node) -> int:
        return node.span.line

    def emit(self) -> None:
        fn = self.fn
        w = self.w
        is_main = fn.name == "<module>"
        params = ", ".join(f"{self.ident(n)}: &{self.rty(t)}" if n in self.byref_locals else f"mut {self.ident(n)}: {self.rty(t)}"
                           for n, t in fn.params)
        if self.mod.recursive and not is_main:  # the frame's depth (see rt::MAX_USER_DEPTH)
            params = f"{params}, _depth: u32" if params else "_depth: u32"
        try:
            ret = self.ret_rty()
        except EmitError as e:  # a type no value can have (a generator's): at the `return`
            if e.span is None:
                e.span = next((x.span for x in ir.walk(fn.body) if isinstance(x, ir.Return)), fn.span)
            raise
        name, module, body = self.mod.fn_items(fn)
        # One Rust module per function: rustc's incremental builds (the edit loop) then
        # recompile only the edited function's codegen unit (see codegen/build.py).
        w.line(f"mod {module} {{ use super::*;", fn.span.line)
        if is_main:
            w.line(f"pub(super) fn {name}({params}) -> rt::PyResult<{ret}> {{", fn.span.line)
        elif fn.generator:
            # the consumer's loop body as `_y`: Ok(false) when it stopped (analyzers/generators.py)
            assert isinstance(fn.ret, ir.IterT)
            y = yield_param(self.rty(fn.ret.elem))
            w.line(f"pub(super) fn {name}({params + ', ' if params else ''}{y}) -> rt::PyResult<bool> {{", fn.span.line)
        else:
            # A user function returns its value itself; an exception it raises is left pending
            # in the runtime (`rt::set_pending`) and taken by the caller (`tr!(rt::ret(f(..)))`):
            # on wasm32 a `Result` return travels through memory, a plain value in a register
            # (recursive code ~1.6x faster). The body keeps `Result` and `?` (inlined here).
            args = ", ".join([*(self.ident(n) for n, _ in fn.params), *(["_depth"] if self.mod.recursive else [])])
            plain = params.replace("mut ", "")

            def value_fn(head: str, lines: list[str]) -> None:
                w.line(f"{head}({plain}) -> {ret} {{", fn.span.line)
                for x in lines:
                    w.line(f"    {x}", fn.span.line)
                w.line("}", fn.span.line)

            def settle(b: str) -> str:  # the body fn's Result as a value, its error left pending
                return f"match {b}({args}) {{ Ok(v) => v, Err(e) => {{ rt::set_pending(e); {self.dflt(fn.ret)} }} }}"

            guard = self.entry_guard() if fn.cache is None else None
            if self.into_candidate():
                # a str built by `+` chains that call the function itself (a recursive
                # printer): the chains are written into one buffer the calls share
                # (`{name}_into`), not a str per call copied into its caller's
                into = self.mod.names.fresh(f"{name}_into")
                value_fn(f"pub(super) fn {name}", [
                    "let mut _o = rt::fmt_buf(0);",
                    f"match {into}(&mut _o, {args}) {{ Ok(()) => rt::Str::from_fmt(_o), "
                    f"Err(e) => {{ rt::set_pending(e); {self.dflt(fn.ret)} }} }}"])
                self.into_fn = into
                w.line(f"fn {into}(_out: &mut String, {params}) -> rt::PyResult<()> {{", fn.span.line)
                self.emit_body()
                w.line(f"}} use {module}::{name};")
                return
            if guard is not None:
                # `if n < 2: return n` opening a recursive function: answered at the call site
                # (half of fib's calls never enter the function); any other case, or a depth
                # over the limit (the check the function opens with), calls it
                cond = f"if _depth <= rt::MAX_USER_DEPTH && {guard[0]} {{ return {guard[1]}; }}"
                outer = self.mod.names.fresh(f"{name}_call")
                w.line("#[inline(always)]", fn.span.line)
                value_fn(f"pub(super) fn {name}", [cond, f"{outer}({args})"])
                w.line("#[inline(never)]", fn.span.line)
                value_fn(f"fn {outer}", [settle(body)])
                if self.unrollable():
                    # one level of the recursion inlined into the function (as compilers inline
                    # a self-recursive call once): its own calls of itself go to a copy of the
                    # body, inlined, whose calls are the real ones (half as many calls)
                    inner = self.mod.names.fresh(f"{name}_in")
                    body2 = self.mod.names.fresh(f"{body}_in")
                    self.self_target = inner
                    w.line("#[inline(always)]", fn.span.line)
                    value_fn(f"fn {inner}", [cond, settle(body2)])
                    w.line("#[inline(always)]", fn.span.line)
                    w.line(f"fn {body2}({params}) -> rt::PyResult<{ret}> {{", fn.span.line)
                    _FnEmitter(self.mod, fn, w).emit_body()
            elif fn.cache is not None:
                w.line(f"pub(super) fn {name}({plain}) -> {ret} {{", fn.span.line)
                self.memo_wrapper(fn, body, ret)
                w.line("}", fn.span.line)
            else:
                value_fn(f"pub(super) fn {name}", [settle(body)])
            w.line("#[inline(always)]", fn.span.line)
            w.line(f"fn {body}({params}) -> rt::PyResult<{ret}> {{", fn.span.line)
        self.emit_body()
        w.line(f"}} use {module}::{name};")

    def into_candidate(self) -> bool:
        """A plain recursive function returning str, one of whose `return`s is a `+` chain with
        a direct call of itself among its operands, and nothing that catches, yields or returns
        through a frame (no `try`/`with`, no loop over a generator): its returns can write
        their operands, left to right (the order Python evaluates them in), at the end of one
        buffer the recursive calls share (`return_into`). An exception leaves the buffer
        half-written, and it always propagates out of the whole call: the wrapper drops it."""
        fn = self.fn
        if (fn.name == "<module>" or "." in fn.name or fn.generator or fn.cache is not None or fn.ret != ir.STR
                or fn.name not in self.mod.recursive):
            return False
        nodes = list(ir.walk(fn.body))
        if any(isinstance(n, (ir.Try, ir.Yield)) or isinstance(n, ir.For) and ir.is_generator(n.iter) for n in nodes):
            return False
        rets = [n for n in nodes if isinstance(n, ir.Return)]
        if any(r.value is None or any(isinstance(x, ir.AssignExpr) for x in ir.walk(r.value)) for r in rets):
            return False
        return any(isinstance(r.value, ir.BinOp) and any(self.self_piece(p) for p in str_pieces(r.value)) for r in rets)

    def self_piece(self, p: ir.Expr) -> bool:
        """A direct call of this function (not through a method or a value), not a generator."""
        return isinstance(p, ir.Call) and p.func == self.fn.name and p.dispatch is None and not ir.is_generator(p)

    def return_into(self, e: ir.Expr, ln: int) -> None:
        """`return a + f(x) + c` in `f_into` (see `into_candidate`): each operand written at the
        end of `_out` as Python evaluates it, a call of itself straight into it; then done."""
        w = self.w
        for p in str_pieces(e):
            if self.self_piece(p):
                w.line(f"{self.q(self.call_code(p, into=self.into_fn))};", ln)
            elif isinstance(p, ir.Const) and isinstance(p.value, str):
                if p.value:  # (in line: `String::push_str` is a call, its copy a memcpy call)
                    w.line(f"rt::push_piece(_out, {rust_str(p.value)});", ln)
            elif isinstance(p, ir.Intrinsic) and p.name == "str" and p.args[0].ty == ir.INT and not self.big:
                w.line(f"rt::push_int_piece(_out, {self.expr(p.args[0])});", ln)
            else:
                w.line(f"rt::push_piece(_out, {self.sref(p)});", ln)
        w.line("return Ok(());", ln)

    def unrollable(self) -> bool:
        """A small function of plain statements and int/bool expressions that calls itself
        directly (its body can be emitted twice: nothing in it is a static or a closure)."""
        ok = (ir.If, ir.Return, ir.Assign, ir.ExprStmt, ir.NameTarget, ir.BinOp, ir.UnaryOp, ir.Compare,
              ir.BoolOp, ir.Local, ir.Const, ir.Call, ir.Coerce, ir.IfExp)
        nodes = list(ir.walk(self.fn.body))
        return (len(nodes) <= 60 and all(isinstance(n, ok) for n in nodes)
                and all(n.ty in (ir.INT, ir.BOOL, ir.FLOAT) for n in nodes if hasattr(n, "ty"))
                and any(isinstance(n, ir.Call) and n.func == self.fn.name and n.dispatch is None for n in nodes))

    def emit_body(self) -> None:
        """The statements of the function's body fn (its header written), and its closing brace."""
        fn, w = self.fn, self.w
        is_main = fn.name == "<module>"
        w.indent += 1
        if self.mod.recursive:
            # CPython's limit counts every frame (the module's too), so once anything recurses,
            # every function call counts toward RecursionError
            if is_main:
                w.line("let _depth: u32 = 0;", fn.span.line)
            else:
                w.line(f"tr!(rt::check_depth(_depth, {fn.span.line}));", fn.span.line)
        cls = self.mod.classes.classes.get(fn.name.removesuffix(".__repr__")) if fn.name.endswith(".__repr__") else None
        if cls is not None and cls.recursive_repr and fn.params:
            # reprlib.recursive_repr around @dataclass's __repr__: the object met again inside
            # its own repr (through a field holding it) is written `...`
            me = self.ident(fn.params[0][0])
            w.line(f"let _repr_guard = rt::ReprGuard::enter({cls.tag}, {me}.oid());", fn.span.line)
            w.line("if !_repr_guard.entered() { return Ok(rt::Str::lit(\"...\")); }", fn.span.line)
        handler_vars = {n.name for n in ir.walk(fn.body) if isinstance(n, ir.Handler) and n.name}
        self.fresh_empty = fresh_empty_displays(fn, {*handler_vars, *self.char_locals, *self.piece_locals,
                                                     *self.joinbufs, *self.borrowed_locals, *self.loop_borrowed})
        for n, t in fn.locals:
            if isinstance(t, ir.ExcT) and n in handler_vars:
                continue  # handler variables are bound in their handler
            if n in self.borrowed_locals:
                continue  # a reference, bound where the item is read (`borrow_item`)
            if n in self.loop_borrowed and n not in self.loop_shared:
                continue  # a reference, each of its loops binds its own (`loop_borrows`)
            try:
                if n in self.char_locals:
                    w.line(f"let mut {self.ident(n)}: char = '\\0';", fn.span.line)
                    continue
                if n in self.piece_locals:
                    w.line(f"let mut {self.ident(n)}: Vec<rt::Str> = Vec::new();", fn.span.line)
                    continue
                if n in self.joinbufs:
                    w.line(f"let mut {self.ident(n)}: rt::JoinBuf = rt::JoinBuf::new();", fn.span.line)
                    continue
                w.line(f"let mut {self.ident(n)}: {self.rty(t)} = {self.dflt(t)};", fn.span.line)
            except EmitError as e:
                if e.span is None:  # at the variable's first assignment, not at 1:1
                    e.span = next((x.span for x in ir.walk(fn.body) if isinstance(x, ir.NameTarget) and x.name == n),
                                  fn.span)
                raise
        self.block(fn.body)
        if not fn.body or not isinstance(fn.body[-1], (ir.Return, ir.Raise)):
            last = fn.span.end_line
            if fn.generator:
                w.line("Ok(true)", last)
            elif fn.ret == ir.NONE:
                if fn.name == self.mod.exit_fn:
                    # the program's last call returning: its plain-data locals are left to the exit
                    keep = [self.ident(n) for n, t in fn.locals
                            if n not in self.char_locals and n not in self.loop_borrowed
                            and (n in self.piece_locals or plain_data(t) and not self.copy(t))]
                    if keep:
                        w.line(" ".join(f"std::mem::forget({x});" for x in keep), last)
                w.line("Ok(())", last)
            elif isinstance(fn.ret, ir.OptionT):
                w.line("Ok(None)", last)
            else:
                # CPython returns None here, which the declared type cannot hold: a Portalis
                # limit (never caught by `except`: CPython raised nothing)
                msg = f"{fn.name}() ended without a return statement: CPython returns None, which a {fn.ret} cannot hold"
                w.line(f"#[allow(unreachable_code)]\nreturn Err(rt::limit_err({rust_str(msg)}, {last}));", last)
        w.indent -= 1
        w.line("}")

    def entry_guard(self) -> tuple[str, str] | None:
        """(condition, value) of an `if COND: return VALUE` opening a recursive plain function
        (not a method, generator or the module body), when both read only its int/bool
        parameters and constants through comparisons, `and`, `or` and `not` (nothing that can
        raise or have an effect, so evaluating them before the call changes nothing)."""
        fn = self.fn
        if (self.big or fn.generator or fn.nested_in or "." in fn.name or fn.name not in self.mod.recursive
                or not fn.body):
            return None
        first = fn.body[0]
        if not (isinstance(first, ir.If) and not first.orelse and len(first.body) == 1
                and isinstance(first.body[0], ir.Return) and first.body[0].value is not None):
            return None
        params = dict(fn.params)

        def leaf(x: ir.Expr) -> bool:
            if isinstance(x, ir.Local):
                return (x.ty in (ir.INT, ir.BOOL) and params.get(x.name) == x.ty
                        and x.name not in self.byref_locals and x.name not in self.char_locals)
            return isinstance(x, ir.Const) and x.ty in (ir.INT, ir.BOOL) and type(x.value) in (int, bool)

        def pure(x: ir.Expr) -> bool:
            if isinstance(x, ir.Compare):
                return (all(op in ("<", "<=", ">", ">=", "==", "!=") for op in x.ops)
                        and all(leaf(o) and o.ty == ir.INT for o in x.operands))
            if isinstance(x, ir.BoolOp):
                return x.ty == ir.BOOL and x.op in ("and", "or") and pure(x.left) and pure(x.right)
            if isinstance(x, ir.UnaryOp):
                return x.op == "not" and x.operand.ty == ir.BOOL and pure(x.operand)
            return leaf(x) and x.ty == ir.BOOL

        val = first.body[0].value
        if not (first.cond.ty == ir.BOOL and pure(first.cond) and leaf(val) and val.ty == fn.ret):
            return None
        tmp = self.tmp
        cond, v = self.expr(first.cond), self.expr(val)
        self.tmp = tmp  # the body's temporaries keep their names
        if "?" in cond + v or "tr!" in cond + v:
            return None
        return cond, v

    def memo_wrapper(self, fn: ir.Function, body: str, ret: str) -> None:
        """The body of `fn`'s cache wrapper (`@functools.cache` / `@lru_cache`, analyzers/memo.py):
        a call of its own toward the recursion limit (checked even on a hit, as CPython's C
        wrapper is), then the stored result for the argument tuple, or the body's result, stored
        (an exception is not)."""
        w, ln = self.w, fn.span.line
        dflt = self.dflt(fn.ret)
        names = [self.ident(n) for n, _ in fn.params]
        key_t = "(" + "".join(f"{self.rty(t)}, " for _, t in fn.params) + ")"
        maxsize = "None" if fn.cache.maxsize is None else f"Some({fn.cache.maxsize})"
        w.line(f"    py_global!(_MEMO, rt::Memo<{key_t}, {ret}>);", ln)
        w.line("    let _memo = match py_global_get!(_MEMO) { Some(m) => m, None => { "
               f"let m = rt::Memo::new({maxsize}); py_global_set!(_MEMO, m.clone()); m }} }};", ln)
        depth = []
        if self.mod.recursive:
            w.line(f"    if let Err(e) = rt::check_depth_call(_depth, {ln}) {{ rt::set_pending(e); return {dflt}; }}", ln)
            depth = ["_depth + 1"]
        w.line("    let _key = (" + "".join(f"{n}.clone(), " for n in names) + ");", ln)
        w.line("    if let Some(v) = _memo.get(&_key) { return v; }", ln)
        w.line(f"    match {body}({', '.join([*names, *depth])}) {{ Ok(v) => {{ _memo.put(_key, v.clone()); v }} "
               f"Err(e) => {{ rt::set_pending(e); {dflt} }} }}", ln)

    def block(self, stmts: tuple) -> None:
        stmts = fuse_dict_idioms(stmts)
        self.depth += 1  # 1: the function body's own statements (`fresh_empty`)
        try:
            for i, s in enumerate(stmts):
                try:
                    self.stmt(s)
                except EmitError as e:
                    if e.span is None:  # reported at the innermost statement's line, not at 1:1
                        e.span = getattr(s, "span", None)
                    raise
                kh = keyhash.plan(stmts, i, self.char_locals)
                if kh is not None:
                    self.key_hash(kh, s.span.line)
        finally:
            self.depth -= 1

    def key_hash(self, kh: "keyhash.KeyHashPlan", ln: int) -> None:
        """`let _hkN = rt::hash_of(&k);` for the lookups of `kh` (codegen/emit/keyhash.py), and
        the prefetches of the containers they read after the first."""
        h = self.t("_hk")
        k = self.ident(kh.name)
        line = f"let {h}: u64 = rt::hash_of(&{k});"
        for c in kh.prefetch:
            line += f" {self.ref(c)}.prefetch_h({h});"
        self.w.line(line, ln)
        uses = self.__dict__.setdefault("key_uses", {})
        for n in kh.uses:
            uses[id(n)] = (h, n)

    def body(self, stmts: tuple) -> None:
        self.w.indent += 1
        self.block(stmts)
        self.w.indent -= 1


def fresh_empty_displays(fn: ir.Function, other: set[str]) -> set[int]:
    """The `[]` / `{}` displays (ids) of the top-level `x = []` / `x = {}` statements of `fn`
    that bind a local still holding the empty container it was declared with (`let mut x: T =
    T::new();`, `emit_body`): no statement before it at the top level names `x` (a local is
    only changed by statements of its function naming it: `nonlocal` is refused), and it is
    not a parameter nor a local kept in another form (`other`).  Their `x.renew()` (emptying
    the old container in place, `statements.assign`) is left out: the same empty container,
    and less for rustc to compile on each edit (an inlined `renew` per container type)."""
    declared = {n for n, _ in fn.locals} - other - {n for n, _ in fn.params}
    named: set[str] = set()
    out: set[int] = set()
    for s in fn.body:
        if (isinstance(s, ir.Assign) and isinstance(s.target, ir.NameTarget) and not s.target.is_global
                and s.target.name in declared and s.target.name not in named
                and isinstance(s.value, (ir.ListLit, ir.DictLit))
                and not s.value.items):
            out.add(id(s.value))
        named |= {n.name for n in ir.walk(s) if isinstance(getattr(n, "name", None), str)}
    return out


def item_borrows(fn: ir.Function, mod, byref: set[str], chars: set[str], pieces: set[str]
                 ) -> tuple[set[int], set[str]]:
    """The top-level `target = xs[i]` statements of `fn` whose str and tuple locals can borrow
    the item of `xs` in place instead of cloning it (ids of their `xs[i]` expressions), and
    those locals. `fn` is list-stable (module._list_stable: while it runs, its callees included,
    no list changes and none is dropped) and `xs` is a parameter passed by reference (the
    caller's list, alive until `fn` returns): the item stays where it is while the local lives.
    A local qualifies when this statement is its only binding (so every read of it follows the
    statement: a read before it would be an unbound local, refused), it is not a parameter, and
    its type is a str or a tuple of plain values (the str in `kind, value, left, right =
    nodes[i]`; `node = nodes[i]`); the item's other fields are copied or cloned as before."""
    if fn.name not in mod.stable or mod.big:
        return set(), set()
    params = {n for n, _ in fn.params}
    bound: dict[str, int] = {}
    for n in ir.walk(fn.body):
        if isinstance(n, ir.NameTarget):
            bound[n.name] = bound.get(n.name, 0) + 1

    def ok(t: ir.Target) -> bool:
        return (isinstance(t, ir.NameTarget) and not t.is_global and t.name != ir.DISCARD and t.name not in params
                and t.name not in chars and t.name not in pieces and bound.get(t.name) == 1
                and not ir.is_made_up(t.name) and (t.ty == ir.STR or isinstance(t.ty, ir.TupleT) and not is_copy(t.ty, False)))

    sites: set[int] = set()
    names: set[str] = set()
    for s in fn.body:
        if not (isinstance(s, ir.Assign) and isinstance(s.value, ir.Intrinsic) and s.value.name == "list.getitem"):
            continue
        xs = s.value.args[0]
        if not (isinstance(xs, ir.Local) and xs.name in byref and isinstance(xs.ty, ir.ListT)):
            continue
        t = s.target
        if isinstance(t, ir.TupleTarget) and all(isinstance(x, ir.NameTarget) and not x.is_global for x in t.items) \
                and isinstance(t.ty, ir.TupleT):
            mine = {x.name for x in t.items if ok(x)}
        elif ok(t):
            mine = {t.name}
        else:
            continue
        if mine:
            sites.add(id(s.value))
            names |= mine
    return sites, names


# the types of a tuple loop target's items that are copied out of the borrowed item
_COPIED = (ir.INT, ir.FLOAT, ir.BOOL)


def loop_borrows(fn: ir.Function, mod, other: set[str], kept: set[str]) -> tuple[set[int], set[str], set[str]]:
    """The `for w in xs:` / `for a, b in xs:` loops of `fn` (ids) whose str and object
    variables can be references to each item (or its fields) of the list local `xs` instead of
    copies, and those variables (ints, floats and bools of a tuple are copied out). The loop
    holds a shared borrow of the list's cell while it runs (`PyList::items`), so a change to
    that list would stop the program (a Portalis bug, never a wrong value or a dangling
    reference); the body is therefore limited to what changes no list of that Rust type
    (`module.body_list_changes`: plain values and operators, dict and set reads and stores,
    changes of other lists of plain items, objects' fields read and stored, calls of
    functions and methods followed there). The list itself is then the same from the first
    item to the last, so iterating a snapshot of it is what CPython's live iteration sees.
    Each borrowed variable is a local (not a parameter, nor kept in another form: `other`) bound
    only by loop targets and read only inside the bodies of loops binding it (the last item stays
    bound after a Python loop: a read after it keeps the copy); a borrowing loop's variable is
    its own Rust variable, shadowing the local that loops which copy bind (the third set: those
    names), and the loop is in no other loop binding it; no `else`. `xs` is a list local not
    kept in another form (`kept`: a piece vector, a join buffer)."""
    from portalis.codegen.emit.module import body_list_changes
    if fn.generator or fn.name == "<module>":
        return set(), set(), set()
    params = {n for n, _ in fn.params}
    local_types = dict(fn.locals)
    bound: dict[str, int] = {}
    reads: dict[str, int] = {}
    for n in ir.walk(fn.body):
        if isinstance(n, ir.NameTarget):
            bound[n.name] = bound.get(n.name, 0) + 1
        elif isinstance(n, ir.Handler) and n.name:
            bound[n.name] = bound.get(n.name, 0) + 2
        elif isinstance(n, ir.Local):
            reads[n.name] = reads.get(n.name, 0) + 1
        elif isinstance(n, ir.Lambda):
            for p, _ in n.params:  # (a lambda's own parameter of that name: left alone)
                bound[p] = bound.get(p, 0) + 2

    def borrowable(t: ir.NameTarget, ty: ir.Type) -> bool:
        return (not t.is_global and t.ty == ty and local_types.get(t.name) == ty and t.name not in params
                and t.name not in other and (ty == ir.STR or isinstance(ty, ir.ObjT)))

    def borrowed_names(s: ir.For) -> list[str] | None:
        """The variables of the candidate loop `s` that borrow, None: not a candidate."""
        t, xs = s.target, s.iter
        if s.orelse or not (isinstance(xs, ir.Local) and isinstance(xs.ty, ir.ListT) and xs.name not in kept):
            return None
        if isinstance(t, ir.NameTarget):
            items, tys = (t,), (xs.ty.elem,)
        elif (isinstance(t, ir.TupleTarget) and isinstance(xs.ty.elem, ir.TupleT)
              and len(t.items) == len(xs.ty.elem.items) and all(isinstance(i, ir.NameTarget) for i in t.items)):
            items, tys = t.items, xs.ty.elem.items
        else:
            return None
        out = []
        for i, ty in zip(items, tys):
            if i.name == ir.DISCARD or (ty in _COPIED and i.ty == ty and not i.is_global and not ir.is_made_up(i.name)):
                continue
            if ir.is_made_up(i.name):
                return None
            if not borrowable(i, ty):
                return None
            out.append(i.name)
        if not out or any(isinstance(n, ir.NameTarget) and n.name in out for n in ir.walk(s.body)):
            return None
        changes = body_list_changes(s.body, mod)
        return out if changes is not None and mod.rty(xs.ty) not in changes else None

    cands: dict[int, tuple[ir.For, list[str]]] = {}
    heads: dict[str, list[ir.For]] = {}  # the loops whose target binds each name
    # the names bound by the targets of the loops each loop is nested in: a loop inside another
    # binding its variable does not borrow (after it, the outer loop's body reads its last item)
    enclosing: dict[int, set[str]] = {}
    for s in ir.walk(fn.body):
        if isinstance(s, ir.For):
            if (ns := borrowed_names(s)) is not None:
                cands[id(s)] = (s, ns)
            names = {t.name for t in ir.walk(s.target) if isinstance(t, ir.NameTarget)}
            for n in names:
                heads.setdefault(n, []).append(s)
            for inner in ir.walk(s.body):
                if isinstance(inner, ir.For):
                    enclosing.setdefault(id(inner), set()).update(names)
    cands = {k: (s, ns) for k, (s, ns) in cands.items() if not set(ns) & enclosing.get(k, set())}
    while True:
        # every binding of a name is a loop's target, and every read is inside the body of a
        # loop binding it: the innermost such loop's item (a borrowed loop's `w` is a Rust
        # variable of its own, shadowing the local the other loops bind; none is inside another's
        # body); a loop stays when all its variables do
        loops_of: dict[str, list[ir.For]] = {}
        for s, ns in cands.values():
            for n in ns:
                loops_of.setdefault(n, []).append(s)
        good = {n for n in loops_of
                if bound.get(n) == len(heads[n])
                and reads.get(n, 0) == len({id(x) for s in heads[n] for x in ir.walk(s.body)
                                            if isinstance(x, ir.Local) and x.name == n})}
        drop = [k for k, (_, ns) in cands.items() if not set(ns) <= good]
        if not drop:
            # (and those also bound by loops that do not borrow: declared as locals too)
            shared = {n for n, fors in loops_of.items() if len(fors) < len(heads[n])}
            return set(cands), set(loops_of), shared
        for k in drop:
            del cands[k]
