"""Loops: cursors over iterables, `for`/`while` with `else`, comprehension loops, and the loop
fast paths (hoisted ASCII hints, list views, reused str buffers).
"""

from __future__ import annotations

from typing import Callable

from portalis import ir
from portalis.codegen.emit.common import EmitError, _assigned_names, _indexed_str_locals, _list_view_candidates, folded_const


def index_offset(idx: ir.Expr, j: str) -> int | None:
    """c when `idx` is `j`, `j + c`, `c + j` or `j - c` (j an int local, c an int constant below
    2**31 in size), else None."""
    if isinstance(idx, ir.Local) and idx.name == j:
        return 0
    if not (isinstance(idx, ir.BinOp) and idx.op in "+-" and idx.ty == ir.INT):
        return None
    a, b = idx.left, idx.right
    if idx.op == "+" and isinstance(a, ir.Const):
        a, b = b, a
    if not (isinstance(a, ir.Local) and a.name == j and isinstance(b, ir.Const) and type(b.value) is int
            and abs(b.value) < 2**31):
        return None
    return b.value if idx.op == "+" else -b.value


def _int_operand(e: ir.Expr) -> bool:
    """An int local or an int constant below 2**62 in size (evaluating it runs nothing)."""
    if isinstance(e, ir.Local):
        return e.ty == ir.INT
    return isinstance(e, ir.Const) and type(e.value) is int and abs(e.value) < 2**62


class _LoopsMixin:
    """Part of `_FnEmitter` (codegen/emit/function.py)."""

    def hoist_ascii_hints(self, loop: "ir.While | ir.For") -> bool:
        """Indexing a str is O(1) only when it is known to be ASCII. For each str local indexed
        inside `loop` and never assigned in it (Python strs are immutable values, so its text is
        then fixed for the whole loop), compute `is_ascii()` once before the loop and emit the loop
        with that hint in scope. Returns False when there is nothing to hoist."""
        ln = loop.span.line
        assigned = _assigned_names(loop)
        bases = sorted(n for n in _indexed_str_locals(loop.body)
                       if n not in assigned and n not in self.ascii_hints and n not in self.char_locals)
        if not bases:
            return False
        w = self.w
        w.line("{", ln)
        w.indent += 1
        for n in bases:
            v, t = self.t("_asc"), self.t("_txt")
            # the text too: `s[i]` then reads it without going through the `Str`'s cases
            w.line(f"let {v} = {self.ident(n)}.is_ascii(); let {t}: &str = {self.ident(n)}.as_str();", ln)
            self.ascii_hints[n] = v
            self.ascii_texts[n] = t
        try:
            self.stmt(loop)
        finally:
            for n in bases:
                del self.ascii_hints[n]
                del self.ascii_texts[n]
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
            w.line(f"let {g} = {self.ident(n)}.view(); let {v} = {g}.cells;", ln)
            self.list_views[n] = v
        try:
            self.stmt(loop)
        finally:
            for n in names:
                del self.list_views[n]
        w.indent -= 1
        w.line("}", ln)
        return True

    def span_tests(self, spans, test) -> str:
        """The test before a checked loop copy: `test(view, min offset, max offset)` for each
        view indexed at `j + c`, a str's preceded by its hoisted ASCII hint (its byte length
        is its length in chars when it is ASCII)."""
        texts = {t: self.ascii_hints[b] for b, t in self.ascii_texts.items()}
        tests = []
        for v in sorted({n for n, _ in spans}):
            cs = [c for n, c in spans if n == v]
            tests.append(f"{texts[v] + ' && ' if v in texts else ''}{test(v, min(cs), max(cs))}")
        return " && ".join(tests)

    def in_bounds_loop(self, s: "ir.For", ln: int) -> bool:
        """`for j in range(a, b)` whose body indexes viewed lists at `j + c` (c a constant) runs
        as two loops: when every such index is inside its list for every j of the range (a test
        made once, before the loop: the lists cannot change length while it runs, see
        `hoist_list_views`), a copy whose accesses read and store with no bounds or overflow
        test (`rt::vget_in`); otherwise the loop as usual (negative indexes, IndexError at its
        line). Only small bodies of plain statements get the copy. Returns False when the loop
        does not qualify."""
        it, t = s.iter, s.target
        if (self.big or s.orelse or self.in_bounds is not None or not (self.list_views or self.ascii_texts)
                or not (isinstance(it, ir.Intrinsic) and it.name == "range")
                or not (isinstance(it.args[2], ir.Const) and it.args[2].value == 1)
                or not isinstance(t, ir.NameTarget) or t.is_global or t.ty != ir.INT
                or t.name in _assigned_names(s.body)):
            return False
        nodes = list(ir.walk(s.body))
        # (no calls either: a loop with one has no views, `_list_view_candidates`)
        if len(nodes) > 120 or any(isinstance(n, (ir.For, ir.While, ir.Try, ir.Lambda, ir.Comprehension, ir.Yield))
                                   for n in nodes):
            return False
        spans = {(n, c) for n, c in (self.affine_view_index(x, t.name) for x in nodes) if n}
        if not spans:
            return False
        w = self.w
        lo, hi = self.t("_lo"), self.t("_hi")
        w.line("{", ln)
        w.indent += 1
        w.line(f"let {lo}: i64 = {self.expr(it.args[0])}; let {hi}: i64 = {self.expr(it.args[1])};", ln)
        tests = self.span_tests(spans, lambda v, c0, c1: f"rt::span_in({lo}, {hi}, {c0}, {c1}, {v}.len())")
        w.line(f"if {tests} {{", ln)
        w.indent += 1
        r = self.t("_r")
        w.line(f"let mut {r} = {lo}..{hi};", ln)
        w.line(f"'l{s.label}: loop {{", ln)
        w.indent += 1
        w.line(f"let _x = match {r}.next() {{ Some(_x) => _x, None => break }};", ln)
        self.bind_target(t, "_x", ln)
        self.in_bounds = (t.name, frozenset(spans))
        try:
            self.block(s.body)
        finally:
            self.in_bounds = None
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("} else {", ln)
        w.indent += 1
        self.range_bounds[id(it)] = (lo, hi)
        try:
            self.stmt(s)
        finally:
            del self.range_bounds[id(it)]
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)
        return True

    def in_bounds_while(self, s: "ir.While", ln: int) -> bool:
        """`while j <= n: ...; j += i` (or `j < n`; j an int local that only the last statement,
        the step, assigns; n and i int locals or constants the loop does not assign; a sieve's
        inner loop) whose body indexes viewed lists or ASCII strs at `j + c` runs as two loops,
        as `in_bounds_loop`'s range loops do: when, before it, `i > 0`, the first j's accesses
        are not below 0 and the last j's (n, or n - 1) not past the end, and the last j plus i
        does not overflow, every pass's accesses are in bounds (j only grows, and a pass runs
        only while j is at most the last j) and the step cannot overflow: a copy with no bounds or
        overflow test; otherwise the loop as usual. Returns False when the loop does not qualify."""
        if (self.big or s.orelse or self.in_bounds is not None or not (self.list_views or self.ascii_texts)
                or len(s.body) < 2):
            return False
        c = s.cond
        if not (isinstance(c, ir.Compare) and len(c.ops) == 1 and c.ops[0] in ("<", "<=")):
            return False
        jx, nx = c.operands
        step = s.body[-1]
        if not (isinstance(jx, ir.Local) and jx.ty == ir.INT and _int_operand(nx)
                and isinstance(step, ir.Assign) and isinstance(step.target, ir.NameTarget)
                and not step.target.is_global and step.target.name == jx.name
                and isinstance(step.value, ir.BinOp) and step.value.op == "+" and step.value.ty == ir.INT):
            return False
        a, b = step.value.left, step.value.right
        if isinstance(b, ir.Local) and b.name == jx.name:
            a, b = b, a
        if not (isinstance(a, ir.Local) and a.name == jx.name and _int_operand(b)):
            return False
        j = jx.name
        assigned = _assigned_names(s.body[:-1])
        if any(isinstance(x, ir.Local) and x.name in assigned for x in (jx, nx, b)):
            return False
        nodes = [n for st in s.body[:-1] for n in ir.walk(st)]
        if len(nodes) > 120 or any(isinstance(n, (ir.For, ir.While, ir.Try, ir.Lambda, ir.Comprehension, ir.Yield))
                                   for n in nodes):
            return False
        spans = {(v, k) for v, k in (self.affine_view_index(x, j) for x in nodes) if v}
        if not spans:
            return False
        w = self.w
        jv, nv, iv = self.expr(jx), self.expr(nx), self.expr(b)
        strict = "true" if c.ops[0] == "<" else "false"
        tests = self.span_tests(spans, lambda v, c0, c1: f"rt::stride_in({jv}, {nv}, {strict}, {iv}, {c0}, {c1}, {v}.len())")
        w.line(f"if {tests} {{", ln)
        w.indent += 1
        w.line(f"'l{s.label}: while {self.expr(c)} {{", ln)
        w.indent += 1
        self.in_bounds = (j, frozenset(spans))
        try:
            self.block(s.body[:-1])
        finally:
            self.in_bounds = None
        # (`stride_in`: j + i cannot overflow)
        w.line(f"{self.ident(j)} = {jv} + {iv};", step.span.line)
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("} else {", ln)
        w.indent += 1
        self.loop_else_flag(s, ln)
        w.line(f"'l{s.label}: while {self.expr(c)} {{", ln)
        self.body(s.body)
        w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)
        return True

    def affine_view_index(self, n: object, j: str) -> tuple[str, int]:
        """(view var, c) for a read `xs[j + c]` / store `xs[j + c] = v` of a viewed list local
        (c a small int constant, `j`, `j + c`, `c + j` or `j - c`), or (text var, c) for a
        one-character read `s[j + c]` of a str local whose text and ASCII hint are hoisted
        (`hoist_ascii_hints`), else ("", 0)."""
        if (isinstance(n, ir.Intrinsic) and n.name == "str.getitem" and n.ty == ir.STR
                and isinstance(n.args[0], ir.Local) and n.args[0].name in self.ascii_texts):
            c = index_offset(n.args[1], j)
            return (self.ascii_texts[n.args[0].name], c) if c is not None else ("", 0)
        if isinstance(n, ir.Intrinsic) and n.name == "list.getitem":
            obj, idx = n.args[0], n.args[1]
        elif isinstance(n, ir.IndexTarget):
            obj, idx = n.obj, n.index
        else:
            return "", 0
        if not (isinstance(obj, ir.Local) and obj.name in self.list_views):
            return "", 0
        c = index_offset(idx, j)
        return (self.list_views[obj.name], c) if c is not None else ("", 0)

    def view_index_in(self, obj: ir.Expr, idx: ir.Expr) -> str | None:
        """Inside `in_bounds_loop`'s checked copy: the usize index of `obj[idx]` when it is one
        of the accesses known to be in bounds, else None."""
        if self.in_bounds is None or not (isinstance(obj, ir.Local) and obj.name in self.list_views):
            return None
        j, spans = self.in_bounds
        c = index_offset(idx, j)
        if c is None or (self.list_views[obj.name], c) not in spans:
            return None
        k = self.expr(idx)  # `offset_in`: no overflow test
        return f"({k} as usize)"

    def str_char_in(self, e: ir.Intrinsic) -> str | None:
        """Inside `in_bounds_loop`'s checked copy: the Rust `char` of a one-character read
        `s[j + c]` known to be in bounds of an ASCII text (`affine_view_index`), else None."""
        if self.in_bounds is None or not (isinstance(e.args[0], ir.Local) and e.args[0].name in self.ascii_texts):
            return None
        j, spans = self.in_bounds
        c = index_offset(e.args[1], j)
        t = self.ascii_texts[e.args[0].name]
        if c is None or (t, c) not in spans:
            return None
        return f"rt::text_char_in({t}, ({self.expr(e.args[1])} as usize))"

    def offset_in(self, e: ir.BinOp) -> str | None:
        """Inside `in_bounds_loop`'s checked copy: `j + c` with no overflow test when c is within
        the offsets the copy's test covered (j + c is then inside some list's bounds)."""
        if self.in_bounds is None:
            return None
        j, spans = self.in_bounds
        c = index_offset(e, j)
        if c is None or not min(k for _, k in spans) <= c <= max(k for _, k in spans):
            return None
        jv = self.expr(ir.Local(j, ir.INT, e.span))
        return f"({jv} + {c})" if c >= 0 else f"({jv} - {-c})"

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
                and not ir.is_made_up(t.name)
                and dict(self.fn.locals).get(t.name, dict(self.fn.params).get(t.name)) == ir.STR)

    def str_buffer_loop(self, s: "ir.For", ln: int) -> None:
        """`for ch in text:` / `for w in words:` copy each item into the loop variable's own
        buffer (one String for the whole loop instead of one allocation per item). A str is
        iterated as a snapshot; a list by index, live, as CPython does; `s.split(sep)` and
        `s.splitlines()` piece by piece (`rt::Pieces`, no list); a list the body cannot change:
        `borrowed_items_loop`."""
        w = self.w
        name = self.ident(s.target.name)
        w.line("{", ln)
        w.indent += 1
        if s.iter.ty == ir.STR:
            src, it = self.t("_s"), self.t("_ci")
            w.line(f"let {src}: rt::Str = {self.expr(s.iter)};", ln)
            w.line(f"let mut {it} = {src}.chars();", ln)
            w.line(f"'l{s.label}: loop {{", ln)
            w.indent += 1
            w.line(f"let _c = match {it}.next() {{ Some(_x) => _x, None => break }};", ln)
            w.line(f"{name} = _c;" if s.target.name in self.char_locals else f"{name} = rt::Str::from_char(_c);", ln)
        elif (lazy := self.lazy_pieces(s.iter)) is not None:
            lst = self.t("_l")
            w.line(f"let mut {lst} = {lazy};", ln)
            w.line(f"'l{s.label}: loop {{", ln)
            w.indent += 1
            w.line(f"if !{lst}.next_into(&mut {name}) {{ break; }}", ln)
        else:
            lst, k = self.t("_l"), self.t("_k")
            w.line(f"let {lst} = {self.expr(s.iter)};", ln)
            if (room := self.append_room(s)) is not None:
                w.line(room(f"{lst}.len()"), ln)
            w.line(f"let mut {k}: usize = 0;", ln)
            w.line(f"'l{s.label}: loop {{", ln)
            w.indent += 1
            w.line(f"if !{lst}.read_str_into({k}, &mut {name}) {{ break; }} {k} += 1;", ln)
        self.block(s.body)
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)

    def borrowed_items_loop(self, s: "ir.For", ln: int) -> None:
        """`for w in xs:` / `for a, b in xs:` whose body changes no list (function.py
        `loop_borrows`): `w` a reference to each item in place (`a`, `b` to its fields; an int,
        float or bool field copied into its variable), under a shared borrow of the list held
        for the whole loop."""
        w = self.w
        lst, items = self.t("_l"), self.t("_b")
        w.line("{", ln)
        w.indent += 1
        w.line(f"let {lst} = {self.expr(s.iter)}; let {items} = {lst}.items();", ln)
        copies: list[str] = []
        if isinstance(s.target, ir.TupleTarget):
            pats = []
            for i in s.target.items:
                if i.name in self.loop_borrowed:
                    pats.append(self.ident(i.name))
                elif i.name == ir.DISCARD:
                    pats.append("_")
                else:
                    c = self.t("_c")
                    pats.append(c)
                    copies.append(f"{self.ident(i.name)} = *{c};")
            pat = f"({', '.join(pats)}{',' if len(pats) == 1 else ''})"
        else:
            pat = self.ident(s.target.name)
        w.line(f"'l{s.label}: for {pat} in {items}.iter() {{", ln)
        w.indent += 1
        for c in copies:
            w.line(c, ln)
        # the borrowed variables read as references in the body only (loops that copy may bind
        # the local of that name). (No ASCII hint is hoisted for them: a loop hoists hints only
        # for names nothing in it binds.)
        added = [n.name for n in ir.walk(s.target) if isinstance(n, ir.NameTarget) and n.name in self.loop_borrowed
                 and n.name not in self.byref_locals]
        self.byref_locals.update(added)
        try:
            self.block(s.body)
        finally:
            self.byref_locals.difference_update(added)
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)

    def str_getitem(self, e: ir.Intrinsic) -> tuple[str, str]:
        """(`&s, hint` , index) for rt::str_index* calls; hint is the hoisted ASCII flag or false."""
        base = e.args[0]
        # the hoisted hint, else the one a Str caches (only for a local: no second evaluation)
        if isinstance(base, ir.Local):
            hint = self.ascii_hints.get(base.name, f"{self.ident(base.name)}.is_ascii()")
        else:  # a literal's text is known (`"+-*"[k]`)
            hint = "true" if isinstance(base, ir.Const) and isinstance(base.value, str) and base.value.isascii() else "false"
        if isinstance(base, ir.Local) and base.name in self.ascii_texts:
            return f"{self.ascii_texts[base.name]}, {hint}", self.as_i64(e.args[1], "index")
        return f"&{self.ref(base)}, {hint}", self.as_i64(e.args[1], "index")

    def _zip_err(self, i: int, how: str, ln: int) -> str:
        """Raise zip(strict=True)'s ValueError for argument i (0-based) ending `how` than the ones before it."""
        before = "argument 1" if i == 1 else f"arguments 1-{i}"
        return self.propagate(f"rt::PyErr::new(&rt::VALUE_ERROR, \"zip() argument {i + 1} is {how} than {before}\", {ln})")

    def cursor(self, it: ir.Expr, ln: int) -> tuple[list[str], str, str | None]:
        """(setup statements, an expression giving Option<next item>, a Rust i64 expression giving
        the number of items to come when it is known once the setup ran, else None) for an iterable."""
        t = it.ty
        if isinstance(it, ir.Intrinsic) and it.name == "range":
            a, b, c = it.args
            r = self.t("_r")
            if self.big:  # bounds of any size (i64 arithmetic while they fit)
                bounds = ", ".join(f"&{self.ref(x)}" for x in (a, b, c))
                return [f"let mut {r} = {self.q(f'rt::bi_range({bounds}, {ln})')};"], f"{r}.next()", None
            ea, eb = self.range_bounds.get(id(it)) or (self.expr(a), self.expr(b))
            if isinstance(c, ir.Const) and c.value == 1:
                return [f"let mut {r} = {ea}..{eb};"], f"{r}.next()", f"{r}.end.saturating_sub({r}.start)"
            if isinstance(c, ir.Const) and isinstance(c.value, int) and 0 < c.value < 2**31:
                return [f"let mut {r} = ({ea}..{eb}).step_by({c.value});"], f"{r}.next()", f"({r}.size_hint().0 as i64)"
            return [f"let mut {r} = {self.q(f'rt::py_range({ea}, {eb}, {self.expr(c)}, {ln})')};"], f"{r}.next()", None
        if isinstance(it, ir.Intrinsic) and it.name == "enumerate":
            setup, nxt, count = self.cursor(it.args[0], ln)
            c = self.t("_c")
            if self.big:  # a Python int counter: any start, no limit
                setup.append(f"let mut {c}: rt::Int = {self.expr(it.args[1])};")
                return setup, (f"match {nxt} {{ Some(_x) => {{ let _i = {c}.clone(); "
                               f"{c} = rt::bi_add(&{c}, &rt::Int::S(1)); Some((_i, _x)) }} None => None }}"), count
            # the index of the next item; None once past 2**63 - 1 (the 64-bit limit, only if
            # an item needs that index)
            setup.append(f"let mut {c}: Option<i64> = Some({self.expr(it.args[1])});")
            take = self.q(f"rt::enum_index({c}, {ln})")
            return setup, f"match {nxt} {{ Some(_x) => {{ let _i = {take}; {c} = _i.checked_add(1); Some((_i, _x)) }} None => None }}", count
        if isinstance(it, ir.Intrinsic) and it.name == "zip":
            setups: list[str] = []
            nexts = []
            for a in it.args:
                s1, n1, _ = self.cursor(a, ln)
                setups += s1
                nexts.append(n1)
            names = [self.t("_z") for _ in nexts]
            code = f"Some(({', '.join(names)},))" if len(names) == 1 else f"Some(({', '.join(names)}))"
            strict = "strict" in dict(it.kwargs)
            for i, (n, nx) in reversed(list(enumerate(zip(names, nexts)))):
                end = "None"
                if strict and i > 0:  # CPython's zip(strict=True): this one ended before the first
                    end = f"{{ {self._zip_err(i, 'shorter', ln)} }}"
                elif strict and len(nexts) > 1:  # the first ended: the others must end too
                    checks = " ".join(f"if {nexts[j]}.is_some() {{ {self._zip_err(j, 'longer', ln)} }}"
                                      for j in range(1, len(nexts)))
                    end = f"{{ {checks} None }}"
                code = f"match {nx} {{ Some({n}) => {code}, None => {end} }}"
            return setups, code, None
        if isinstance(it, ir.Intrinsic) and it.name == "reversed":
            inner = it.args[0]
            if isinstance(inner.ty, ir.ListT):
                l, k = self.t("_l"), self.t("_k")
                return ([f"let {l} = {self.expr(inner)};", f"let mut {k}: i64 = {l}.len();"],
                        f"if {k} > 0 && {k} <= {l}.len() {{ {k} -= 1; {l}.get_raw({k} as usize) }} else {{ None }}", k)
            if isinstance(inner.ty, ir.DequeT):  # CPython's reverse iterator: RuntimeError if it changes
                d, p, n = self.t("_d"), self.t("_p"), self.t("_n")
                return ([f"let {d} = {self.expr(inner)};", f"let {n} = {d}.iter_mark();", f"let mut {p}: usize = 0;"],
                        self.q(f"{d}.item_back_at(&mut {p}, {n}, {ln})"), None)
            r = self.t("_r")
            if inner.ty == ir.STR:
                return [f"let mut {r} = rt::str_chars(&{self.ref(inner)}).into_iter().rev();"], f"{r}.next()", f"({r}.len() as i64)"
            s1, n1, _ = self.cursor(inner, ln)
            v = self.t("_v")
            return [f"let mut {v}: Vec<_> = Vec::new();", "{", *s1, f"while let Some(_x) = {n1} {{ {v}.push(_x); }}", "}",
                    f"let mut {r} = {v}.into_iter().rev();"], f"{r}.next()", f"({r}.len() as i64)"
        if isinstance(it, ir.Intrinsic) and it.name in ("dict.items", "dict.keys", "dict.values"):
            d, p, n = self.t("_d"), self.t("_p"), self.t("_n")
            meth = {"dict.items": "item_at", "dict.keys": "key_at", "dict.values": "value_at"}[it.name]
            return ([f"let {d} = {self.expr(it.args[0])};", f"let {n} = {d}.iter_mark();", f"let mut {p}: usize = 0;"],
                    self.q(f"{d}.{meth}(&mut {p}, {n}, {ln})"), f"{d}.len()")
        if isinstance(t, ir.ListT):
            l, k = self.t("_l"), self.t("_k")
            lazy = self.lazy_pieces(it)
            if lazy is not None:
                return [f"let mut {l} = {lazy};"], f"{l}.next_raw()", None
            return ([f"let {l} = {self.expr(it)};", f"let mut {k}: usize = 0;"],
                    f"{{ let _o = {l}.get_raw({k}); {k} += 1; _o }}", f"{l}.len()")
        if isinstance(t, ir.DequeT):  # CPython's deque iterator: RuntimeError once the deque changes
            d, p, n = self.t("_d"), self.t("_p"), self.t("_n")
            return ([f"let {d} = {self.expr(it)};", f"let {n} = {d}.iter_mark();", f"let mut {p}: usize = 0;"],
                    self.q(f"{d}.item_at(&mut {p}, {n}, {ln})"), None)
        if isinstance(t, ir.IterT) and t.kind == "iter":  # a list iterator: it advances for every holder
            r = self.t("_r")
            return [f"let {r} = {self.expr(it)};"], f"{r}.next_item()", None
        if isinstance(t, (ir.DictT, ir.SetT)):
            d, p, n = self.t("_d"), self.t("_p"), self.t("_n")
            meth = "key_at" if isinstance(t, ir.DictT) else "elem_at"
            src = self.expr(it)
            if isinstance(it, ir.SetLit) and it.items and all(map(folded_const, it.items)):
                # `for x in {3, 1, 2}`: CPython iterates a frozenset constant (ast_opt's fold_iter)
                src = f"rt::PySet::frozen_consts(vec![{', '.join(self.expr(i) for i in it.items)}])"
            return ([f"let {d} = {src};", f"let {n} = {d}.iter_mark();", f"let mut {p}: usize = 0;"],
                    self.q(f"{d}.{meth}(&mut {p}, {n}, {ln})"), f"{d}.len()")
        if t == ir.STR:
            r = self.t("_r")
            return [f"let mut {r} = rt::str_chars(&{self.ref(it)}).into_iter();"], f"{r}.next()", f"({r}.len() as i64)"
        if isinstance(t, ir.TupleT):
            r, v = self.t("_r"), self.t("_v")
            items = ", ".join(f"{v}.{i}" for i in range(len(t.items)))
            return [f"let {v} = {self.expr(it)};", f"let mut {r} = vec![{items}].into_iter();"], f"{r}.next()", None
        if ir.is_generator(it):
            raise EmitError("a generator can only be looped over or passed directly to a consumer "
                            "(list, sum, any, all, min, max, sorted, str.join, ...)", it.span)
        raise EmitError(f"cannot iterate over {t}", it.span)

    def foreach(self, it: ir.Expr, body: Callable[[str], None], ln: int, label: str = "",
                enter: str = "", driver: int | None = None,
                room: Callable[[str], str] | None = None) -> None:
        """Emit a loop over `it`; `body(item)` emits the loop body with the item in a variable.
        `enter` is emitted once `it` is evaluated, before the first item; `driver` is the frame
        offset of the code that takes the items (default: the current one); `room(n)`, when the
        number of items is known then (a Rust i64 `n`), the statement that makes room for what
        the loop adds (`rt::vec_room`)."""
        w = self.w
        drv = self.frame_off if driver is None else driver
        if label and label not in self.inner_labels:  # `stop_loop` can break it from here
            self.inner_labels.add(label)
            try:
                self.foreach(it, body, ln, label, enter, driver, room)
            finally:
                self.inner_labels.discard(label)
            return
        if isinstance(it, ir.Call) and ir.is_generator(it):
            self.gen_call(it, body, ln, label, enter, drv)
            return
        if isinstance(it, ir.Intrinsic) and it.name == "enumerate" and ir.is_generator(it.args[0]):
            self.enumerate_gen(it, body, ln, label, enter, drv)
            return
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
        setup, nxt, count = self.cursor(it, ln)
        w.line("{", ln)
        w.indent += 1
        for s in setup:
            w.line(s, ln)
        if enter:
            w.line(enter, ln)
        if room is not None and count is not None:
            w.line(room(count), ln)
        item = self.t("_it")
        w.line(f"{label + ': ' if label else ''}loop {{", ln)
        w.indent += 1
        w.line(f"let {item} = match {nxt} {{ Some(_x) => _x, None => break }};", ln)
        body(item)
        w.indent -= 1
        w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)

    def gen_call(self, it: ir.Call, body: Callable[[str], None], ln: int, label: str, enter: str, drv: int) -> None:
        """A loop over a call of a generator function (analyzers/generators.py): the function,
        called with the loop body as its callback `_y`, runs it at each `yield`. The callback
        returns Ok(true) to go on (the body ended, or `continue`), Ok(false) to stop (`break`,
        any/all/next done, or a `return` of the enclosing function, which is made after the
        call returns: `_gc`/`_grv`, as a `finally` frame does in `jump`)."""
        w = self.w
        w.line("{", ln)
        w.indent += 1
        args = []
        for a in it.args:  # evaluated when the generator is made, before its first item
            v = self.t("_ga")
            w.line(f"let {v} = {self.expr(a)};", ln)
            args.append(v)
        if enter:
            w.line(enter, ln)
        if self.mod.recursive:
            args.append(f"_depth + {drv + 1}")  # the generator's frame, above the code taking its items
        n = self.t("")
        decl_at = len(w.lines)
        item = f"_gx{n}"
        frame = {"closure": n, "codes": {}}
        self.fin_frames = [*getattr(self, "fin_frames", []), frame]
        self.err_ctx.append("")
        outer_labels, self.inner_labels = self.inner_labels, ({label} if label else set())
        target = self.mod.classes.call_target(it) if "." in it.func else self.mod.fn_ident(it.func)
        w.line(f"let _gr{n}: rt::PyResult<bool> = {target}({''.join(a + ', ' for a in args)}"
               f"&mut |_gp{n}: {self.rty(it.ty.elem)}| -> rt::PyResult<bool> {{", ln)
        w.indent += 1
        # a loop that runs once, so that `continue` goes on and `break` stops (labelled blocks
        # are newer than rustc 1.63); the item is taken out of an Option, which the borrow
        # checker sees is moved once
        w.line(f"let mut _go{n} = Some(_gp{n});", ln)
        w.line(f"{label + ': ' if label else ''}loop {{", ln)
        w.indent += 1
        w.line(f"let {item} = match _go{n}.take() {{ Some(_x) => _x, None => return Ok(true) }};", ln)
        body(item)
        w.line("#[allow(unreachable_code)]\n{ return Ok(true); }", ln)
        w.indent -= 1
        w.line("}", ln)
        w.line("#[allow(unreachable_code)]\nOk(false)", ln)
        w.indent -= 1
        w.line("});", ln)
        self.err_ctx.pop()
        self.fin_frames = self.fin_frames[:-1]
        self.inner_labels = outer_labels
        w.line(f"{self.q(f'_gr{n}')};", ln)
        if frame["codes"]:
            decl = [f"let mut _gc{n}: u8 = 0;", f"let mut _grv{n}: Option<{self.ret_rty()}> = None;"]
            for d in reversed(decl):
                w.lines.insert(decl_at, "    " * w.indent + d)
                w.pylines.insert(decl_at, ln)
            for (kind, lab), code in frame["codes"].items():
                w.line(f"if _gc{n} == {code} {{", ln)
                w.indent += 1
                if kind == "stop":
                    w.line(self.stop_loop(lab), ln)
                else:
                    self.jump(kind, lab, f"_grv{n}.take().unwrap()" if kind == "return" else None, ln)
                w.indent -= 1
                w.line("}", ln)
        w.indent -= 1
        w.line("}", ln)

    def stop_loop(self, label: str) -> str:
        """Rust that leaves the loop `foreach` opened with `label` (a consumer that is done: any,
        all, next, `in`), from anywhere inside it: a `break`, or from inside a generator's
        consumer closure, a stop recorded in its frame and made after the generator returns."""
        if label in self.inner_labels:
            return f"break {label};"
        f = next(f for f in reversed(getattr(self, "fin_frames", [])) if "closure" in f)
        code = f["codes"].setdefault(("stop", label), len(f["codes"]) + 1)
        return f"_gc{f['closure']} = {code}; return Ok(false);"

    def loop_label(self) -> str:
        return f"'c{self.t('')}"

    def enumerate_gen(self, it: ir.Intrinsic, body: Callable[[str], None], ln: int, label: str, enter: str,
                      drv: int) -> None:
        """`enumerate(<generator>, start)`: the count kept beside the generator's loop (see the
        cursor of enumerate for the 64-bit limit); `start` is evaluated once the generator is made."""
        c, i = self.t("_c"), self.t("_i")
        if self.big:
            start = f"let mut {c}: rt::Int = {self.expr(it.args[1])};"
        else:
            start = f"let mut {c}: Option<i64> = Some({self.expr(it.args[1])});"

        def counted(x: str) -> None:  # (its error goes where the loop body's do: made in there)
            if self.big:
                self.w.line(f"let {i} = {c}.clone(); {c} = rt::bi_add(&{c}, &rt::Int::S(1));", ln)
            else:
                self.w.line(f"let {i} = {self.q(f'rt::enum_index({c}, {ln})')}; {c} = {i}.checked_add(1);", ln)
            body(f"({i}, {x})")

        self.foreach(it.args[0], counted, ln, label, enter=start + enter, driver=drv)

    def comp_loops(self, gens: tuple, inner: Callable[[str], None], ln: int, label: str = "",
                   frame: str | None = None, driver: int | None = None, enter: str = "",
                   room: Callable[[str], str] | None = None) -> None:
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

        one_each = len(gens) == 1 and not g.conds  # (`room`: then the loop adds one item per item)
        self.foreach(g.iter, body, ln, label, enter=enter, driver=off, room=room if one_each else None)
