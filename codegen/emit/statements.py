"""Statements: assignment and targets, raise, SystemExit, try/except/else/finally.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from portalis import ir
from portalis.codegen.emit.common import EmitError, _appended_each_pass, rust_str
from portalis.codegen.emit.methods import _effect_free


class _StatementsMixin:
    """Part of `_FnEmitter` (codegen/emit/function.py)."""

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
            elif ir.rebinds(ir.Local(tgt.name, tgt.ty, s.span), s.value):
                # `s += (s := t)`: Python reads the old `s` first, then the right side, then stores
                cur = ir.Local(tgt.name, tgt.ty, s.span)
                self.assign(tgt, ir.BinOp("+", cur, s.value, ir.STR, s.span), ln)
            else:
                v = self.t()
                w.line(f"let {v} = {self.expr(s.value)}; {self.ident(tgt.name)}.push_str(&{v});", ln)
        elif isinstance(s, ir.ExprStmt):
            w.line(f"{self.expr(s.expr)};", ln)
        elif isinstance(s, ir.If) and self.if_store(s, ln):
            return
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
        elif isinstance(s, ir.While) and self.in_bounds_while(s, ln):
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
        elif isinstance(s, ir.For) and id(s.iter) not in self.range_bounds and self.in_bounds_loop(s, ln):
            return
        elif isinstance(s, ir.For) and id(s) in self.loop_borrows:
            self.borrowed_items_loop(s, ln)
        elif isinstance(s, ir.For) and self.is_str_buffer_loop(s):
            self.str_buffer_loop(s, ln)
        elif isinstance(s, ir.For):
            def bind(item: str) -> None:
                hidden = isinstance(s.target, ir.NameTarget) and ir.is_made_up(s.target.name)
                self.bind_target(s.target, item, ln, fresh=hidden)
                self.block(s.body)
            self.loop_else_flag(s, ln)
            self.foreach(s.iter, bind, ln, label=f"'l{s.label}", room=self.append_room(s))
            self.loop_else(s, ln)
        elif isinstance(s, ir.Break):
            self.jump("break", s.label, None, ln)
        elif isinstance(s, ir.Continue):
            self.jump("continue", s.label, None, ln)
        elif isinstance(s, ir.Return):
            if self.fn.generator:  # the generator ended: the consumer goes on after its loop
                self.jump("return", 0, "true", ln)
            elif self.into_fn and s.value is not None:
                self.return_into(s.value, ln)
            elif s.value is None:
                self.jump("return", 0, "()" if self.fn.ret == ir.NONE else "None", ln)
            else:
                self.jump("return", 0, self.expr(s.value), ln)
        elif isinstance(s, ir.Yield):  # the consumer's loop body runs; Ok(false): it stopped, and so does this
            v = self.t("_yv")
            w.line(f"let {v} = {self.expr(s.value)};", ln)
            if s.guarded:  # past this try's handlers (ir.Yield.guarded)
                if any("closure" in f for f in getattr(self, "fin_frames", [])):
                    raise EmitError("a `yield` inside `try` and inside a loop over another generator is not supported "
                                    "yet (write the loop outside the `try`)", s.span)
                w.line(f"match _y({v}) {{ Ok(true) => {{}} Ok(false) => return Ok(false), Err(_e) => return Err(_e) }}", ln)
                return
            w.line(f"if !{self.q(f'_y({v})')} {{", ln)
            w.indent += 1
            self.jump("return", 0, "false", ln)
            w.indent -= 1
            w.line("}", ln)
        elif isinstance(s, ir.Raise):
            w.line(f"{self.propagate(self.exc_value(s))};", ln)
        elif isinstance(s, ir.Try):
            self.try_(s)
        elif isinstance(s, ir.Assert):
            if s.msg is None:
                err = f"rt::PyErr::with_args(&rt::ASSERTION_ERROR, vec![], vec![], {ln})"
            else:  # the message is evaluated once (it may have effects), only when the test fails
                m = self.t("_am")
                err = (f"{{ let {m} = {self.expr(s.msg)}; rt::PyErr::with_args(&rt::ASSERTION_ERROR, "
                       f"vec![rt::py_str(&{m})], vec![rt::py_repr(&{m})], {ln}) }}")
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

    def if_store(self, s: ir.If, ln: int) -> bool:
        """`if c1: xs[i] = e1 / elif c2: xs[i] = e2 / else: xs[i] = e3` (every branch one store
        of an int, float or bool to the same item of the same list, written the same way) as one
        store of `if c1 { e1 } else if c2 { e2 } else { e3 }`: each path evaluates what it did
        before in the same order (its tests, its value, then the list and the index, then the
        store), but with one store the branches become selects (a DP cell's max, lcs: no
        mispredicted jump per cell). Only where the store cannot fail (an index known to be in
        bounds): a failing one raises at its own branch's line. False: not this shape (or an
        operand needs statements of its own before it: emitted as usual)."""
        target = _if_store_target(s)
        # only a store known to be in bounds (`in_bounds_loop`'s copy): one that can fail raises
        # at its own branch's line, which one store could not tell
        if self.big or target is None or self.view_index_in(target.obj, target.index) is None:
            return False
        w = self.w
        mark = len(w.lines)

        def arm(x) -> str:
            if isinstance(x, ir.Assign):
                return f"{{ {self.expr(x.value)} }}"
            return f"if {self.expr(x.cond)} {arm(x.body[0])} else {arm(x.orelse[0])}"
        code = arm(s)
        if len(w.lines) != mark:  # something was emitted ahead of the test: not movable into it
            del w.lines[mark:]
            del w.pylines[mark:]
            return False
        v = self.t("_v")
        w.line(f"let {v} = {code};", ln)
        self.bind_target(target, v, ln)
        return True

    def append_room(self, s: ir.For) -> Callable[[str], str] | None:
        """`foreach`'s `room` for a loop that appends to lists on every pass
        (`_appended_each_pass`): room for its items' worth in each, before the first."""
        lists = {n: v for n, v in _appended_each_pass(s).items() if n not in self.joinbufs}
        if not lists:
            return None
        def room(n: str) -> str:
            return " ".join(f"{self.ref(local)}.room({n}{'' if k == 1 else f'.saturating_mul({k})'});"
                            for local, k in lists.values())
        return room

    def exc_value(self, s: ir.Raise) -> str:
        if s.exc is None:
            return f"{self.ident(s.handler_var or '')}.clone()"
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
        if id(value) in self.item_borrows:
            self.borrow_item(target, value, ln)
            return
        if isinstance(target, ir.NameTarget) and target.name in self.char_locals and not target.is_global:
            self.w.line(f"{self.ident(target.name)} = {self.char_operand(value)};", ln)  # see common._char_locals
            return
        if isinstance(target, ir.NameTarget) and target.name in self.piece_locals and not target.is_global:
            self.w.line(f"{self.ident(target.name)} = {self.piece_vec(value)};", ln)  # see common._piece_locals
            return
        if isinstance(target, ir.NameTarget) and not target.is_global:
            if (isinstance(value, (ir.ListLit, ir.DictLit)) and not value.items and value.ty == target.ty
                    and target.name != ir.DISCARD):
                # `x = []` / `x = {}`: the old container emptied in place when only `x` has it;
                # nothing to do when `x` still holds the empty one it was declared with
                if not (self.depth == 1 and id(value) in self.fresh_empty):
                    self.w.line(f"{self.ident(target.name)}.renew();", ln)
                return
            lhs = "let _" if target.name == ir.DISCARD else self.ident(target.name)
            self.w.line(f"{lhs} = {self.expr(value)};", ln)
            return
        fused = self.dict_add(target, value) or self.split_unpack_into(target, value, ln)
        if fused is not None:
            self.w.line(fused, ln)
            return
        v = self.t("_v")
        self.w.line(f"let {v} = {self.expr(value)};", ln)
        self.bind_target(target, v, ln)

    def borrow_item(self, target: ir.Target, value: ir.Expr, ln: int) -> None:
        """`t = xs[i]` / `a, b = xs[i]` planned by function.item_borrows: a reference to the item
        (IndexError as `xs[i]` raises it), the borrowed locals bound to it or its fields, the
        other fields copied or cloned."""
        xs, idx = value.args
        v = self.t("_v")
        get = f"unsafe {{ {self.ref(xs)}.get_ref({self.as_i64(idx, 'index')}, {ln}) }}"
        self.w.line(f"let {v} = {self.q(get)};", ln)
        items = target.items if isinstance(target, ir.TupleTarget) else (target,)
        for k, x in enumerate(items):
            assert isinstance(x, ir.NameTarget)
            field = v if isinstance(target, ir.NameTarget) else f"{v}.{k}"
            if x.name in self.borrowed_locals:
                self.w.line(f"let {self.ident(x.name)}: &{self.rty(x.ty)} = {'' if field == v else '&'}{field};", ln)
            elif x.name != ir.DISCARD:
                self.bind_target(x, field if self.copy(x.ty) else f"{field}.clone()", ln)

    def split_unpack_into(self, target: ir.Target, value: ir.Expr, ln: int) -> str | None:
        """`a, b = s.split(sep)` into distinct str locals that the call does not read: each piece
        made in its variable (`rt::str_split_unpack_into`), not returned as an array and moved
        through temporaries. None: another assignment."""
        if not (isinstance(target, ir.TupleTarget) and isinstance(value, ir.Intrinsic) and value.name == "list.unpack"
                and isinstance(value.args[0], ir.Intrinsic)):
            return None
        window = self.split_unpack_from(value.args[0])  # s.rsplit(..), s.split(..)[k:], s.rsplit(..)[k:]
        if window is None and value.args[0].name != "str.split":
            return None
        names = []
        for t in target.items:
            if not (isinstance(t, ir.NameTarget) and not t.is_global and t.ty == ir.STR
                    and t.name not in self.char_locals):
                return None
            names.append(t.name)
        split = value.args[0] if window is None else window[0]
        n = value.args[1].value  # type: ignore[attr-defined]
        named = [x for x in names if x != ir.DISCARD]
        if len(set(named)) != len(named) or n != len(names):
            return None

        def ok(e: ir.Expr) -> bool:  # read by the call without a borrow of a target
            if isinstance(e, ir.Coerce):
                e = e.expr
            return isinstance(e, ir.Const) or (isinstance(e, ir.Local) and e.name not in names)
        if not all(ok(a) for a in split.args):
            return None
        outs = ", ".join("&mut rt::Str::new()" if x == ir.DISCARD else f"&mut {self.ident(x)}" for x in names)
        args = f"{self.split_text_sep(split)}, {self.as_i64(split.args[2], 'ssize')}"
        if window is not None:
            args += f", {window[1]}, {window[2]}_i64"
            return self.q(f"rt::str_split_unpack_from_into::<{n}>({args}, [{outs}], {ln})") + ";"
        return self.q(f"rt::str_split_unpack_into::<{n}>({args}, [{outs}], {ln})") + ";"

    def dict_add(self, target: ir.Target, value: ir.Expr) -> str | None:
        """`d[k] = d.get(k, c) + x` and `d[k] += x` (d a local dict of ints or floats; k, c and x
        locals or constants, k also `e[j]` of such): one lookup (`add_int`/`add_float`) instead
        of a lookup and a store, where nothing can run between them. None: not this shape."""
        if self.big or not isinstance(target, ir.IndexTarget) or not isinstance(target.obj, ir.Local):
            return None
        t = target.obj.ty
        if not isinstance(t, ir.DictT) or t.val not in (ir.INT, ir.FLOAT):
            return None
        if not (isinstance(value, ir.BinOp) and value.op == "+" and value.ty == t.val):
            return None
        get, x = value.left, value.right
        if not (isinstance(get, ir.Intrinsic) and get.name in ("dict.get_or", "dict.getitem")):
            return None
        d, k = get.args[0], get.args[1]
        if not (isinstance(d, ir.Local) and d.name == target.obj.name and _same_pure(k, target.index)):
            return None
        default = get.args[2] if get.name == "dict.get_or" else None
        if not (_simple(x) and x.ty == t.val and (default is None or (_simple(default) and default.ty == t.val))):
            return None
        obj = self.ident(d.name)
        dflt = "None" if default is None else f"Some({self.expr(default)})"
        key = f"&{self.ref(k)}"
        lk = self.lit_key(t, k)
        sfx = ""
        if lk:
            key, sfx = f"&{lk}", "_lit"
        kl = get.span.line
        if t.val == ir.INT:
            return f"{self.q(f'{obj}.add_int{sfx}({key}, {dflt}, {self.expr(x)}, {kl}, {value.span.line})')};"
        return f"{self.q(f'{obj}.add_float{sfx}({key}, {dflt}, {self.expr(x)}, {kl})')};"

    def bind_target(self, target: ir.Target, item: str, ln: int, fresh: bool = False) -> None:
        """Store the Rust value `item` (a variable name or expression, moved) into a Python target."""
        w = self.w
        if isinstance(target, ir.NameTarget):
            if target.name == ir.DISCARD:
                w.line(f"let _ = {item};", ln)
                return
            if target.is_global:
                w.line(f"{self.mod.global_setter(target.name)}({item});", ln)
            elif fresh:
                w.line(f"let {self.ident(target.name)} = {item};", ln)
            else:
                w.line(f"{self.ident(target.name)} = {item};", ln)
        elif isinstance(target, ir.TupleTarget):
            names = [self.t("_u") for _ in target.items]
            pat = "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"
            if isinstance(target.ty, ir.NamedT):  # a named tuple unpacks as its tuple
                item = f"({item}).v"
            w.line(f"let {pat} = {item};", ln)
            for sub, n in zip(target.items, names):
                self.bind_target(sub, n, ln, fresh)
        elif isinstance(target, ir.IndexTarget):
            obj = self.ref(target.obj)
            if isinstance(target.obj.ty, ir.DictT):
                lk = self.lit_key(target.obj.ty, target.index)
                if lk:
                    w.line(f"{obj}.set_item_lit(&{lk}, {item});", ln)
                elif isinstance(target.index, ir.Local) and not self.copy(target.index.ty):
                    w.line(f"{obj}.set_item_ref(&{self.ref(target.index)}, {item});", ln)
                else:
                    w.line(f"{obj}.set_item({self.expr(target.index)}, {item});", ln)
            elif (k := self.view_index_in(target.obj, target.index)) is not None:
                w.line(f"rt::vset_in({self.list_views[target.obj.name]}, {k}, {item});", ln)
            elif isinstance(target.obj, ir.Local) and target.obj.name in self.list_views:
                view = self.list_views[target.obj.name]
                idx = self.as_i64(target.index, "index")
                w.line(f"{self.q(f'rt::vset({view}, {idx}, {item}, {ln})')};", ln)
            else:
                idx = self.as_i64(target.index, "index")
                w.line(f"{self.q(f'{obj}.set({idx}, {item}, {ln})')};", ln)
        elif isinstance(target, ir.AttrTarget) and target.frozen:  # dataclasses.FrozenInstanceError
            msg = rust_str(f"cannot assign to field '{target.name}'")
            static = self.mod.exc_static("FrozenInstanceError")
            w.line(f"let _ = {item}; let _ = {self.expr(target.obj)};", ln)
            w.line(f"{self.propagate(f'rt::PyErr::new(&{static}, {msg}, {ln})')};", ln)
        elif isinstance(target, ir.AttrTarget):
            w.line(f"{self.ref(target.obj)}.set_{self.ident(target.name).removeprefix('r#')}({item});", ln)
        elif isinstance(target, ir.MethodTarget):
            v = self.t("_mv")
            w.line(f"let {v} = {item};", ln)
            byref = self.mod.byref.get(target.func, frozenset())
            args = self.call_args(target.func, target.args) + [f"&{v}" if len(target.args) in byref else v]
            if self.mod.recursive:
                args.append(f"_depth + {1 + self.frame_off}")
            w.line(f"{self.q(f'rt::ret({self.mod.classes.call_target(target)}({chr(44).join(args)}))')};", ln)
        elif isinstance(target, ir.SliceTarget):
            # CPython: the value first (done: `item`), then the list, then the bounds
            v = self.t("_sv")
            w.line(f"let {v} = {item};", ln)
            obj = self.ref(target.obj)
            bounds = ", ".join(self.as_i64(b) for b in (target.lower, target.upper, target.step))
            w.line(f"{self.q(f'{obj}.set_slice({bounds}, &{v}, {ln})')};", ln)
        else:
            raise EmitError("bad target", None)

    def jump(self, kind: str, label: int, value: str | None, ln: int) -> None:
        """`return value` (kind "return"), `break`/`continue` of loop `label`. Leaving a `try`
        that has a `finally` (a `with` block is one: analyzers/classes.py) runs the `finally`
        first: the jump is recorded in that try's frame (`_c<label>`, the value in `_rv<label>`)
        and leaves its body or handlers as they end; after the `finally` the frame makes the
        jump again from there (`try_`), through the next frame out if there is one."""
        w = self.w
        frames = getattr(self, "fin_frames", [])
        if frames and "closure" in frames[-1] and kind == "return":
            # out of a generator's consumer body (loops.py `gen_call`): made after the generator
            # returns (break/continue target the body's own loops, or the one `gen_call` makes)
            f = frames[-1]
            code = f["codes"].setdefault((kind, label), len(f["codes"]) + 1)
            w.line(f"_grv{f['closure']} = Some({value}); _gc{f['closure']} = {code}; return Ok(false);", ln)
        elif frames and "closure" not in frames[-1] and (kind == "return" or label not in frames[-1]["inner"]):
            f = frames[-1]
            code = f["codes"].setdefault((kind, label), len(f["codes"]) + 1)
            if kind == "return":
                w.line(f"_rv{f['label']} = Some({value});", ln)
            w.line(f"_c{f['label']} = {code}; break {f['ctx']} Ok(());", ln)
        elif kind == "return":
            w.line(f"return Ok({value});", ln)
        elif kind == "break":
            if label in self.else_loops:  # the loop's `else` must not run
                w.line(f"_brk{label} = true;", ln)
            w.line(f"break 'l{label};", ln)
        else:
            w.line(f"continue 'l{label};", ln)

    def try_(self, s: ir.Try) -> None:
        w = self.w
        ln = s.span.line
        lab = f"'t{s.label}"
        r = f"_r{s.label}"
        frame = None
        if s.final:  # the jumps out of its body, handlers and else go through the `finally`
            inside = (s.body, s.handlers, s.orelse)
            inner = {n.label for n in ir.walk(inside) if isinstance(n, (ir.For, ir.While))}
            jumps = [n for n in ir.walk(inside) if isinstance(n, ir.Return) or (
                isinstance(n, (ir.Break, ir.Continue)) and n.label not in inner)]
            if jumps:
                frame = {"label": s.label, "ctx": lab, "inner": inner, "codes": {}}
                w.line(f"let mut _c{s.label}: u8 = 0;", ln)
                if any(isinstance(n, (ir.Return, ir.Yield)) for n in jumps):
                    w.line(f"let mut _rv{s.label}: Option<{self.ret_rty()}> = None;", ln)
                if not hasattr(self, "fin_frames"):
                    self.fin_frames = []
                self.fin_frames.append(frame)
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
            if frame is not None:
                frame["ctx"] = hlab
            w.line(f"let _f{s.label}: rt::PyResult<()> = {hlab}: loop {{", ln)
            w.indent += 1
            self.err_ctx.append(hlab)
        w.line(f"match {r} {{", ln)
        w.indent += 1
        if frame is not None and s.orelse:  # the body left by a jump (`_c` set): no `else`
            w.line(f"Ok(()) => if _c{s.label} == 0 {{", ln)
        else:
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
            w.line(f"#[allow(unused_variables, unused_mut)]\nlet mut {self.ident(h.name) if h.name else '_exc'} = _e;", h.span.line)
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
            if frame is not None:
                self.fin_frames.pop()
            self.block(s.final)
            w.line(f"if let Err(_e) = _f{s.label} {{ {self.propagate('_e')}; }}", ln)
            for (kind, label), code in (frame["codes"].items() if frame is not None else ()):
                w.line(f"if _c{s.label} == {code} {{", ln)
                w.indent += 1
                self.jump(kind, label, f"_rv{s.label}.take().unwrap()" if kind == "return" else None, ln)
                w.indent -= 1
                w.line("}", ln)


def fuse_dict_idioms(stmts: tuple) -> tuple:
    """Two dict idioms with one lookup where Python makes two, the same in Python when `d` is a
    local dict whose keys' `==` and hash run no code and `k` a local or constant (nothing runs
    between the lookups, so `d` and `k` are the same):

    * grouping: `if k not in d: d[k] = []` then `d[k].append(x)` as
      `d.setdefault(k, []).append(x)` (the default a constant or a display of constants, the
      method's other arguments locals or constants);
    * counting: `if k in d: d[k] += x` / `else: d[k] = x` (or the `not in` order) as
      `d[k] = d.get(k, 0) + x` (ints; `x` a local or constant), which `dict_add` makes one
      `add_int`."""
    out: list = []
    i = 0
    while i < len(stmts):
        s = stmts[i]
        nxt = stmts[i + 1] if i + 1 < len(stmts) else None
        fused = _setdefault_pair(s, nxt) if nxt is not None else None
        if fused is None:
            out.append(_count_if(s) or s)
            i += 1
        else:
            out.append(fused)
            i += 2
    return tuple(out)


def _count_if(s: object) -> ir.Assign | None:
    if not (isinstance(s, ir.If) and len(s.body) == 1 and len(s.orelse) == 1 and isinstance(s.cond, ir.Compare)
            and s.cond.ops in (("in",), ("not in",))):
        return None
    add, put = (s.body[0], s.orelse[0]) if s.cond.ops == ("in",) else (s.orelse[0], s.body[0])
    if not (isinstance(add, ir.Assign) and isinstance(put, ir.Assign)
            and isinstance(add.target, ir.IndexTarget) and isinstance(put.target, ir.IndexTarget)):
        return None
    d, k = put.target.obj, put.target.index
    if not (isinstance(d, ir.Local) and isinstance(d.ty, ir.DictT) and d.ty.val == ir.INT and _plain_key(d.ty.key)
            and _simple(k)):
        return None
    if not (_same_pure(s.cond.operands[0], k) and _same_pure(s.cond.operands[1], d)
            and _same_pure(add.target.obj, d) and _same_pure(add.target.index, k)):
        return None
    v = add.value
    if not (isinstance(v, ir.BinOp) and v.op == "+" and v.ty == ir.INT and isinstance(v.left, ir.Intrinsic)
            and v.left.name == "dict.getitem" and _same_pure(v.left.args[0], d) and _same_pure(v.left.args[1], k)):
        return None
    x = v.right
    if not (_simple(x) and x.ty == ir.INT and _same_pure(put.value, x)):
        return None
    get = ir.Intrinsic("dict.get_or", (v.left.args[0], v.left.args[1], ir.Const(0, ir.INT, v.left.span)),
                       ir.INT, v.left.span)
    return ir.Assign(add.target, ir.BinOp("+", get, x, ir.INT, v.span), add.span)


def _setdefault_pair(s: object, nxt: object) -> ir.ExprStmt | None:
    if not (isinstance(s, ir.If) and not s.orelse and len(s.body) == 1 and isinstance(s.body[0], ir.Assign)):
        return None
    store = s.body[0]
    tgt, dflt = store.target, store.value
    if not (isinstance(tgt, ir.IndexTarget) and isinstance(tgt.obj, ir.Local) and _simple(tgt.index)):
        return None
    d, k = tgt.obj, tgt.index
    if not (isinstance(d.ty, ir.DictT) and _plain_key(d.ty.key) and _effect_free(dflt) and dflt.ty == d.ty.val):
        return None
    c = s.cond
    if not (isinstance(c, ir.Compare) and c.ops == ("not in",) and _same_pure(c.operands[0], k)
            and _same_pure(c.operands[1], d)):
        return None
    if not (isinstance(nxt, ir.ExprStmt) and isinstance(nxt.expr, ir.Intrinsic) and nxt.expr.args):
        return None
    call = nxt.expr
    get, rest = call.args[0], call.args[1:]
    if not (isinstance(get, ir.Intrinsic) and get.name == "dict.getitem" and _same_pure(get.args[0], d)
            and _same_pure(get.args[1], k) and all(_simple(a) for a in rest)
            and all(_simple(v) for _, v in call.kwargs)):
        return None
    recv = ir.Intrinsic("dict.setdefault", (get.args[0], get.args[1], dflt), get.ty, get.span)
    return ir.ExprStmt(ir.Intrinsic(call.name, (recv, *rest), call.ty, call.span, call.kwargs), nxt.span)


def _plain_key(t: ir.Type) -> bool:
    """Keys whose hash and `==` run no user code and cannot fail."""
    if isinstance(t, ir.TupleT):
        return all(_plain_key(x) for x in t.items)
    return t in (ir.STR, ir.INT, ir.BOOL)


def _simple(e: ir.Expr) -> bool:
    """A local or a constant: evaluating it runs nothing and cannot fail."""
    return isinstance(e, (ir.Local, ir.Const))


def _same_pure(a: ir.Expr, b: ir.Expr) -> bool:
    """`a` and `b` are the same local, the same constant, or the same `e[j]` of a local dict
    with such a key: evaluated twice in a row they give the same value and run nothing else."""
    if isinstance(a, ir.Local) and isinstance(b, ir.Local):
        return a.name == b.name and a.ty == b.ty
    if isinstance(a, ir.Const) and isinstance(b, ir.Const):
        return type(a.value) is type(b.value) and a.value == b.value and a.ty == b.ty
    if (isinstance(a, ir.Intrinsic) and isinstance(b, ir.Intrinsic) and a.name == b.name == "dict.getitem"
            and isinstance(a.args[0], ir.Local)):
        return all(_same_pure(x, y) for x, y in zip(a.args, b.args)) and _simple(a.args[1])
    return False


def _same_expr(a: object, b: object) -> bool:
    """`a` and `b` are the same expression tree (spans aside)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same_expr(x, y) for x, y in zip(a, b))  # type: ignore[arg-type]
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return all(_same_expr(getattr(a, f.name), getattr(b, f.name))
                   for f in dataclasses.fields(a) if f.name != "span")
    return type(a) is type(b) and a == b


def _if_store_target(s: ir.If) -> ir.IndexTarget | None:
    """The target of `statements.if_store`'s shape: an `if` (elifs and an else) whose every
    branch is one store of an int, float or bool to the same `xs[i]`, xs a list local."""
    stores: list[ir.Assign] = []

    def walk(x) -> bool:
        if isinstance(x, ir.If):
            return (len(x.body) == 1 and len(x.orelse) == 1 and walk(x.body[0]) and walk(x.orelse[0]))
        if isinstance(x, ir.Assign) and isinstance(x.target, ir.IndexTarget):
            stores.append(x)
            return True
        return False
    if not walk(s) or len(stores) > 8:
        return None
    t = stores[0].target
    assert isinstance(t, ir.IndexTarget)
    if not (isinstance(t.obj, ir.Local) and isinstance(t.obj.ty, ir.ListT) and t.obj.ty.elem in (ir.INT, ir.FLOAT, ir.BOOL)):
        return None
    if not all(x.value.ty == t.obj.ty.elem and _same_expr(x.target, t) for x in stores):
        return None
    return t
