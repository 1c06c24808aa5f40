"""Expressions: constants, coercions, truthiness, operators and comparisons (64-bit and big
ints), comprehensions, f-strings, exception values and lambdas.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from portalis import ir
from portalis.codegen.emit.common import EmitError, _CMP_NAME, _FLIP, _ORDER_OPS, _Writer, _has_float, _has_int, _has_obj, _opaque, _py_type_name, one_char_literal, pad_part, rust_char, rust_float, rust_str, folded_const, str_pieces


class _ExpressionsMixin:
    """Part of `_FnEmitter` (codegen/emit/function.py)."""

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

    def strip_view(self, e: ir.Expr) -> str | None:
        """`s.strip(...)` / `lstrip` / `rstrip` as an `rt::Src` borrowed from `s` (`rt::str_strip_view`:
        the part of its text, no str made and dropped); None: another expression."""
        if not (isinstance(e, ir.Intrinsic) and e.name in ("str.strip", "str.lstrip", "str.rstrip")):
            return None
        how = ("str.strip", "str.lstrip", "str.rstrip").index(e.name)
        return f"rt::str_strip_view({self.src_ref(e.args[0])}, {how}, {self.strip_chars(e.args[1])})"

    def strip_chars(self, ch: ir.Expr) -> str:
        """The `Option<&str>` chars argument of a strip call."""
        if isinstance(ch, ir.Const):
            return "None"
        if isinstance(ch, ir.Coerce) and ch.expr.ty != ir.NONE:
            return f"Some(&*{self.expr(ch.expr)})"
        return f"{self.expr(ch)}.as_deref()"

    def src_ref(self, e: ir.Expr) -> str:
        """The text argument (`&S`, `S: rt::StrSrc`) of a runtime str function: `sref`, except
        that a strip call is a borrowed `rt::Src` of its operand (see `strip_view`)."""
        v = self.strip_view(e)
        return f"&{v}" if v is not None else self.sref(e)

    def sref(self, e: ir.Expr) -> str:
        """A `&str` for a str-typed expression: literals are not allocated, locals not cloned."""
        v = self.strip_view(e)
        if v is not None:
            return f"&*{v}"
        if isinstance(e, ir.Const) and isinstance(e.value, str) and e.ty == ir.STR:
            return rust_str(e.value)
        if self.is_char_text(e):
            # one character (a char local, `s[i]`): its UTF-8 on the stack, no str made
            return f"&*{self.char_operand(e)}.encode_utf8(&mut [0u8; 4])"
        if isinstance(e, ir.Intrinsic) and e.name == "tuple.getitem":
            # `t[k]` of a tuple local: the field borrowed in place (`node[0] == "num"` compares
            # it, no clone of the str first)
            fields, base = [], e
            while isinstance(base, ir.Intrinsic) and base.name == "tuple.getitem":
                fields.insert(0, f".{base.args[1].value}")
                base = base.args[0]
            if isinstance(base, ir.Local) and base.name not in self.char_locals and isinstance(base.ty, ir.TupleT):
                return f"&{self.ref(base)}{''.join(fields)}"
        return f"&{self.ref(e)}"

    def is_char_text(self, e: ir.Expr) -> bool:
        """`e` is one character the emitter holds as a Rust `char` (a char local, `s[i]`)."""
        return (isinstance(e, ir.Local) and e.name in self.char_locals
                or isinstance(e, ir.Intrinsic) and e.name == "str.getitem" and e.args[1].ty == ir.INT)

    def str_value_ref(self, e: ir.Expr) -> bool:
        """`sref(e)` is a `&rt::Str` (a str local, or a field of a tuple local), not a text."""
        if self.strip_view(e) is not None:
            return False
        while isinstance(e, ir.Intrinsic) and e.name == "tuple.getitem":
            e = e.args[0]
            if not isinstance(e.ty, ir.TupleT):
                return False
        return (isinstance(e, ir.Local) and e.name not in self.char_locals and e.name not in self.piece_locals
                and (e.ty == ir.STR or isinstance(e.ty, ir.TupleT)))

    def ref(self, e: ir.Expr) -> str:
        """An expression usable by reference without moving (no clone for locals)."""
        if isinstance(e, ir.Local):
            if e.name in self.char_locals:
                return f"(rt::Str::from_char({self.ident(e.name)}))"
            if e.name in self.byref_locals:
                return f"(*{self.ident(e.name)})"
            return self.ident(e.name)
        item = self.piece_item(e)
        if item is not None:
            return f"(*{item})"
        return f"({self.expr(e)})"

    def key_hashed(self, e: ir.Expr) -> str | None:
        """The variable holding the hash of the key of lookup `e`, when `key_hash` planned one
        for it (codegen/emit/keyhash.py), else None."""
        got = self.__dict__.get("key_uses", {}).get(id(e))
        return got[0] if got is not None and got[1] is e else None

    def lit_key(self, d: ir.Type, k: ir.Expr) -> str | None:
        """A `str` literal key `k` of a `dict[str, V]` (type `d`) as a compile-time `rt::LitKey`
        (hash and inline words computed by rustc), else None."""
        if isinstance(d, ir.DictT) and d.key == ir.STR and isinstance(k, ir.Const) and k.ty == ir.STR \
                and isinstance(k.value, str):
            return f"{{ const K: rt::LitKey = rt::LitKey::new({rust_str(k.value)}); K }}"
        return None

    def ref_before(self, e: ir.Expr, later: "list[ir.Expr] | tuple[ir.Expr, ...]") -> str:
        """`ref(e)` for an operand evaluated before `later`; its value instead when one of them
        rebinds (walrus) a local `e` reads: `xs + (xs := ys)` reads the old `xs` first."""
        if any(ir.rebinds(e, x) for x in later):
            return f"({{ {self.expr(e)} }})"  # a block: a copy even of an i64 local, not a place
        return self.ref(e)

    def char_operand(self, e: ir.Expr) -> str | None:
        """A Rust `char` for a char local, a one-character literal or `s[i]`; else None."""
        if isinstance(e, ir.Local) and e.name in self.char_locals:
            return self.ident(e.name)
        if one_char_literal(e):
            return rust_char(e.value)
        if isinstance(e, ir.Intrinsic) and e.name == "str.getitem" and e.ty == ir.STR:
            return self.str_char(e)
        return None

    def str_char(self, e: ir.Intrinsic) -> str:
        """The Rust `char` of a one-character read `s[i]` (IndexError at its line)."""
        if (k := self.str_char_in(e)) is not None:
            return k
        sh, idx = self.str_getitem(e)
        return self.q(f"rt::str_index_char({sh}, {idx}, {e.span.line})")

    def receiver(self, e: ir.Expr) -> str:
        """An object whose field is read: `ref`, and a local that may be None (`cur.key` after
        `cur = cur.left`) is borrowed (`cur.as_ref()`) rather than cloned: no reference count
        written and dropped again for every field read."""
        if _narrowed_local(e):
            assert isinstance(e, ir.Coerce) and isinstance(e.expr, ir.Local)
            return f"({self.coerce(e, self.ident(e.expr.name) + '.as_ref()')})"
        return self.ref(e)

    def expr(self, e: ir.Expr) -> str:
        if isinstance(e, (ir.BinOp, ir.Compare, ir.Intrinsic, ir.Call)):
            first = self.operands_first(e)
            if first is not None:
                return first
        ln = e.span.line
        if isinstance(e, ir.Const):
            return self.const(e)
        if isinstance(e, ir.Local):
            if e.name in self.char_locals:
                return f"rt::Str::from_char({self.ident(e.name)})"
            if e.name in self.byref_locals:
                return f"(*{self.ident(e.name)}).clone()"
            return self.ident(e.name) if self.copy(e.ty) else f"{self.ident(e.name)}.clone()"
        if isinstance(e, ir.Global):
            return self.mod.global_getter(e.name, self)
        if isinstance(e, ir.AssignExpr):  # `(x := v)`: v stored in the local, and the value of it
            v = self.t("_w")
            keep = v if self.copy(e.ty) else f"{v}.clone()"
            return f"{{ let {v} = {self.expr(e.value)}; {self.ident(e.target.name)} = {keep}; {v} }}"
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
            return self.after_dunders(e, e.operands, self.compare(e))
        if isinstance(e, ir.BoolOp):
            if e.ty == ir.BOOL:
                return f"({self.expr(e.left)} {'&&' if e.op == 'and' else '||'} {self.expr(e.right)})"
            v = self.t("_b")
            if isinstance(e.left.ty, ir.OptionT) and not isinstance(e.ty, ir.OptionT):  # `maybe or default`
                x = self.t("_x")
                return (f"{{ match {self.expr(e.left)} {{ Some({x}) if {self.truthy(x, e.left.ty.inner)} => {x}, "
                        f"_ => {self.expr(e.right)} }} }}")
            truth = self.truthy(v, e.left.ty)
            if e.op == "and":
                return f"{{ let {v} = {self.expr(e.left)}; if {truth} {{ {self.expr(e.right)} }} else {{ {v} }} }}"
            return f"{{ let {v} = {self.expr(e.left)}; if {truth} {{ {v} }} else {{ {self.expr(e.right)} }} }}"
        if isinstance(e, ir.IfExp):
            return f"(if {self.expr(e.cond)} {{ {self.expr(e.then)} }} else {{ {self.expr(e.orelse)} }})"
        if isinstance(e, ir.Call):
            if ir.is_generator(e):
                raise EmitError("a generator function's call runs none of its code until it is looped over: loop over "
                                "it, or pass it directly to a consumer (list, sum, any, all, min, max, sorted, ...)", e.span)
            return self.q(f"rt::ret({self.call_code(e)})")
        if isinstance(e, ir.FuncRef):
            return self.func_ref(e)
        if isinstance(e, ir.CallValue):  # through the pointer: the callee first, then the arguments
            f = self.t("_fv")
            args = [self.expr(a) for a in e.args]
            depth = f"_depth + {1 + self.frame_off}" if self.mod.recursive else "0"
            return self.q(f"{{ let {f} = {self.expr(e.callee)}; rt::ret({f}({''.join(a + ', ' for a in args)}{depth})) }}")
        if isinstance(e, ir.NewObj):
            return self.new_obj(e)
        if isinstance(e, ir.GetAttr):
            return f"{self.receiver(e.obj)}.get_{self.ident(e.name).removeprefix('r#')}()"
        if isinstance(e, ir.Intrinsic):
            return self.after_dunders(e, e.args, self.intrinsic(e))
        if isinstance(e, ir.ListLit):
            if not e.items:
                return f"{self.rty(e.ty)}::new()".replace("rt::PyList<", "rt::PyList::<", 1)
            return f"rt::PyList::from_vec(vec![{', '.join(self.expr(i) for i in e.items)}])"
        if isinstance(e, ir.SetLit):
            if not e.items:
                return f"{self.rty(e.ty)}::new()".replace("rt::PySet<", "rt::PySet::<", 1)
            # three or more constants: CPython builds a frozenset constant and merges it in
            how = "from_consts" if len(e.items) > 2 and all(map(folded_const, e.items)) else "from_vec"
            return f"rt::PySet::{how}(vec![{', '.join(self.expr(i) for i in e.items)}])"
        if isinstance(e, ir.DictLit):
            if not e.items:
                return f"{self.rty(e.ty)}::new()".replace("rt::PyDict<", "rt::PyDict::<", 1)
            lits = [self.lit_key(e.ty, k) for k, _ in e.items]
            if all(lits):
                pairs = ", ".join(f"({lk}, {self.expr(v)})" for lk, (_, v) in zip(lits, e.items))
                return f"rt::PyDict::from_lit_pairs([{pairs}])"
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
            return self.after_dunders(e, [p.expr for p in e.parts if isinstance(p, ir.FormatField)], self.fstring(e))
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
            out = f"rt::Str::lit({rust_str(v)})"
        else:
            raise EmitError(f"constant {v!r}", e.span)
        return f"Some({out})" if isinstance(e.ty, ir.OptionT) else out

    def operands_first(self, e: "ir.BinOp | ir.Compare | ir.Intrinsic | ir.Call") -> str | None:
        """CPython evaluates every operand of an operation (`a + b`, `a < b`, `a[i]`, a call's
        arguments) before the operation raises its error for a None operand (`TypeError:
        unsupported operand type(s) ...`): `x + f()` with x None runs `f()` first. A None check
        (a checking `Coerce`) emitted in place would raise before the operands after it run, so
        where one is followed by an operand that can print, raise or change state, the operands
        are evaluated into temporaries first, in order, and the operation reads those. Not for
        AttributeError: `x.m(f())` looks `m` up on None before it evaluates the arguments.
        None when nothing needs to move."""
        def late_check(x: ir.Expr) -> bool:
            return isinstance(x, ir.Coerce) and bool(x.none_msg) and x.none_cls != "AttributeError" \
                and isinstance(x.expr.ty, ir.OptionT)

        def plain(x: ir.Expr) -> bool:  # evaluating it cannot print or see a change (its own check aside)
            return isinstance(x.expr if late_check(x) else x, (ir.Const, ir.Local))

        if isinstance(e, ir.BinOp):
            ops = [e.left, e.right]
        elif isinstance(e, ir.Compare):
            # `a < b < c` compares a and b before it evaluates c (only if a < b): a check of
            # b or c, in place, raises where CPython's does; one of a waits for b
            ops = list(e.operands[:2])
        else:
            ops = [*e.args, *(v for _, v in getattr(e, "kwargs", ()))]
        checked = [i for i, x in enumerate(ops) if late_check(x)]
        if not checked or all(plain(x) for x in ops[checked[0] + 1:]):
            return None
        lets, new = [], []
        for x in ops:
            inner = x.expr if late_check(x) else x
            if plain(x):
                new.append(x)
                continue
            v, local = self.temp_local("op", inner.ty, inner.span)
            lets.append(f"let {v} = {self.expr(inner)};")
            new.append(ir.Coerce(local, x.ty, x.span, x.none_msg, x.none_cls) if inner is not x else local)
        if isinstance(e, ir.BinOp):
            node = dataclasses.replace(e, left=new[0], right=new[1])
        elif isinstance(e, ir.Compare):
            node = dataclasses.replace(e, operands=(*new, *e.operands[2:]))
        else:
            n = len(e.args)
            node = dataclasses.replace(e, args=tuple(new[:n]))
            if isinstance(e, ir.Intrinsic) and e.kwargs:
                node = dataclasses.replace(node, kwargs=tuple((k, v) for (k, _), v in zip(e.kwargs, new[n:])))
        return f"{{ {' '.join(lets)} {self.expr(node)} }}"

    def coerce(self, e: ir.Coerce, x: str | None = None) -> str:
        """`x`: the operand's code when the caller has it (`receiver`: a borrow)."""
        if x is None:
            dyn = self.union_coerce(e)
            if dyn is not None:
                return dyn
            x = self.expr(e.expr)
        src = e.expr.ty
        if e.ty == ir.FLOAT and src == ir.INT:
            if e.exact:  # an int where a float is annotated, compared later: exact or stop
                if self.big:
                    return self.q(f"rt::bi_to_f64_exact(&{self.ref(e.expr)}, {e.span.line})")
                return self.q(f"rt::int_to_f64_exact({x}, {e.span.line})")
            if self.big:
                return self.q(f"rt::bi_to_f64(&{self.ref(e.expr)}, {e.span.line})")
            return f"({x} as f64)"
        if e.ty == ir.INT and src == ir.BOOL:
            return f"rt::Int::from({x})" if self.big else f"({x} as i64)"
        if isinstance(e.ty, ir.OptionT) and src == ir.NONE:  # what returned None, as an Optional's None
            return f"{{ {x}; None::<{self.rty(e.ty.inner)}> }}"
        if isinstance(e.ty, ir.OptionT) and not isinstance(src, ir.OptionT):
            return f"Some({x})"
        if isinstance(src, ir.ObjT) and isinstance(e.ty, ir.ObjT):
            return x  # a subclass as its base: one Rust type per hierarchy
        if isinstance(src, ir.OptionT):
            if not e.none_msg:  # the analyzers refuse an Optional they have no CPython error for
                raise EmitError("an Optional used where CPython's error for None is not known", e.span)
            msg = rust_str(e.none_msg)
            cls = self.mod.exc_static(e.none_cls)
            if e.none_cls == "KeyError":  # KeyError(None): its str() is the key's repr
                err = f"rt::PyErr::with_args(&{cls}, vec![{msg}.to_string()], vec![{msg}.to_string()], {e.span.line})"
            else:
                err = f"rt::PyErr::new(&{cls}, {msg}, {e.span.line})"
            return self.q(f"{x}.ok_or_else(|| {err})")
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
        if isinstance(t, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)):
            return f"({v}.len() != 0)"
        if isinstance(t, (ir.TupleT, ir.NamedT)):
            return "true" if t.items else "false"
        if isinstance(t, ir.OptionT):
            return f"(match &{v} {{ Some(_y) => {self.truthy('(*_y)' if self.copy(t.inner) else '_y', t.inner)}, None => false }})"
        if isinstance(t, ir.ExcT):
            return "true"
        if isinstance(t, ir.UnionT):
            return f"rt::obj_truthy(&{v})"
        if isinstance(t, ir.ExcArgsT):
            return f"({v}.len() != 0)"
        if isinstance(t, ir.EnumT):  # an IntEnum member is false when its value is 0
            return f"{v}.truthy()"
        raise EmitError(f"the truth value of a {t} is not supported; test its len() or compare it", None)

    def binop(self, e: ir.BinOp) -> str:
        ln = e.span.line
        if self.big and (e.ty == ir.INT or (e.ty == ir.FLOAT and e.op == "/" and e.left.ty == ir.INT)):
            return self.big_binop(e)
        if e.ty == ir.STR:
            chain = self.str_chain(e)
            if chain is not None:
                return chain
            # the right operand is only read (a local is not cloned for it)
            a = self.expr(e.left)
            return f"({a} + &{self.ref(e.right)})"
        if e.ty == ir.INT and (k := self.offset_in(e)) is not None:
            return k
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
        raise EmitError(f"operator {e.op} on {e.ty}", e.span)

    def call_args(self, func: str, args: "tuple[ir.Expr, ...] | list[ir.Expr]") -> list[str]:
        """The Rust arguments of a call of user function `func` (module._byref_params): a
        parameter the callee takes by reference gets a local borrowed where it stands (a walrus
        among the arguments could rebind it: then a clone, borrowed), any other value a
        temporary the call borrows (alive until the call returns)."""
        byref = self.mod.byref.get(func, frozenset())
        walrus = byref and any(isinstance(n, ir.AssignExpr) for a in args for n in ir.walk(a))
        return [self.byref_arg(a, walrus) if i in byref else self.expr(a) for i, a in enumerate(args)]

    def byref_arg(self, a: ir.Expr, walrus: bool) -> str:
        """A `&T` argument (see `call_args`); an `object | None` local tested not None is
        borrowed inside its Option (`receiver`)."""
        if not walrus:
            if (local := _same_local(a)) is not None:
                return f"&{self.ref(local)}"
            if _narrowed_local(a):
                return self.receiver(a)
        return f"&({self.expr(a)})"

    def call_code(self, e: ir.Call, into: str = "") -> str:
        """The Rust call of user function `e` (its value; an exception it raised left pending);
        with `into`, the call of that `_into` fn writing into `_out` (a PyResult<()>, see
        function.py `into_candidate`)."""
        args = self.call_args(e.func, e.args)
        if self.mod.recursive:
            args.append(f"_depth + {1 + self.frame_off}")
        target = self.mod.classes.call_target(e) if "." in e.func else self.mod.fn_ident(e.func)
        if self.self_target and e.func == self.fn.name and e.dispatch is None:
            target = self.self_target
        if into:
            target = into
            args.insert(0, "_out")
        return f"{target}({', '.join(args)})"

    def str_chain(self, e: ir.BinOp) -> str | None:
        """`a + b + c + ...` of strs as one str: written into one buffer when an operand is an
        f-string, a join or a padding method (`str_chain_buffer`, two operands or more), else, for three or more,
        one `rt::str_concat`: the operands that are not locals or constants evaluated first, in
        order, into temporaries; locals read where the parts are listed (nothing in the chain
        can rebind them: no walrus in it, and `nonlocal` is refused). None: a walrus, or fewer
        than three operands and no f-string or join."""
        parts = str_pieces(e)
        if any(isinstance(n, ir.AssignExpr) for p in parts for n in ir.walk(p)):
            return None
        jb = [p for p in parts if isinstance(p, ir.Intrinsic) and p.name == "str.join"
              and isinstance(p.args[1], ir.Local) and p.args[1].name in self.joinbufs]
        if jb and all(p in jb or (isinstance(p, ir.Const) and isinstance(p.value, str)) for p in parts):
            # `"{" + ", ".join(fields) + "}"` of a joined-text local (common._joinbuf_locals):
            # one exact-size copy of the pieces, no buffer filled first
            refs = [f"{self.ident(p.args[1].name)}.text.as_str()" if p in jb else rust_str(p.value) for p in parts]
            return f"rt::str_concat_scanned(&[{', '.join(refs)}])"
        if any(self.buffer_part(p) or pad_part(p) for p in parts):
            return self.str_chain_buffer(parts)
        if len(parts) < 3:
            return None
        lets, refs = [], []
        for p in parts:
            if isinstance(p, ir.Local) and p.name not in self.char_locals:
                refs.append(f"{self.ident(p.name)}.as_str()")
            elif isinstance(p, (ir.Local, ir.Const)):
                refs.append(self.sref(p))
            elif isinstance(p, ir.Call) and not ir.is_generator(p) and self.operands_first(p) is None:
                # a user function's str stored straight where the callee writes it, then its
                # pending exception taken (`rt::ret` would move it: a 16-byte copy just
                # after the callee's narrower stores, which stalls store forwarding)
                v = self.t("_cc")
                lets.append(f"let {v} = {self.call_code(p)}; {self.q('rt::pend()')};")
                refs.append(f"&*{v}")
            else:
                v = self.t("_cc")
                lets.append(f"let {v} = {self.expr(p)};")
                refs.append(f"&*{v}")
        # a few pieces: `str_concat_n`, inlined (the literals' lengths fold); more, one call
        fn = "rt::str_concat_n([" if len(refs) <= 8 else "rt::str_concat(&["
        return f"{{ {' '.join(lets)} {fn}{', '.join(refs)}]) }}"

    def buffer_part(self, p: ir.Expr) -> bool:
        """An operand of a str `+` chain that can write its text straight into the chain's
        buffer: an f-string, or a join of a comprehension, a generator or a list of strs."""
        if isinstance(p, ir.FString):
            return not p.eval_first and not all(isinstance(x, str) for x in p.parts)
        if isinstance(p, ir.Intrinsic) and p.name == "str.join":
            it = p.args[1]
            return not isinstance(it, ir.ListLit) and not (isinstance(it, ir.Intrinsic) and it.name == "list.slice")
        return False

    def str_chain_buffer(self, parts: list[ir.Expr]) -> str:
        """`"{" + ", ".join(xs) + "}"`, `f"<{k}>" + s`: the operands written left to right (the
        order Python evaluates them in) into one buffer (rt::fmt_buf), then one str made of it,
        instead of a str per f-string or join and one more for their concatenation."""
        f = self.t("_f")
        cap = sum(len(p.value.encode()) if isinstance(p, ir.Const) else 16 for p in parts)
        out = [f"let mut {f} = rt::fmt_buf({cap});"]
        for p in parts:
            out += self.into_buffer(p, f)
        out.append(f"rt::Str::from_fmt({f})")
        return "{ " + " ".join(out) + " }"

    def join_display_buffer(self, sep: ir.Expr, items: tuple[ir.Expr, ...]) -> str:
        """`sep.join([a.ljust(8), f"{n}", b])`: the separator, then each item evaluated and
        written in turn into one buffer (joining runs no code, so nothing can tell that the
        list was never made), then one str of it."""
        f = self.t("_f")
        out = [f"let mut {f} = rt::fmt_buf({16 * len(items)});"]
        if isinstance(sep, ir.Const) and isinstance(sep.value, str):
            put_sep = f"{f}.push_str({rust_str(sep.value)});" if sep.value else ""
        else:
            v = self.t("_sep")
            out.insert(0, f"let {v}: rt::Str = {self.expr(sep)};")
            put_sep = f"rt::push_text(&mut {f}, &{v});"
        for k, p in enumerate(items):
            if k and put_sep:
                out.append(put_sep)
            out += self.into_buffer(p, f)
        out.append(f"rt::Str::from_fmt({f})")
        return "{ " + " ".join(out) + " }"

    def into_buffer(self, p: ir.Expr, f: str) -> list[str]:
        """The statements that write the str `p` at the end of the buffer `f`: a constant, an
        f-string, a join or a padding method (`s.ljust(n)`) straight into it, anything else
        made first and copied."""
        if isinstance(p, ir.Const) and isinstance(p.value, str):
            return [f"{f}.push_str({rust_str(p.value)});"] if p.value else []
        if isinstance(p, ir.FString) and self.buffer_part(p):
            return self.fstring_into(p, f)
        if (isinstance(p, ir.Intrinsic) and p.name == "str.join" and isinstance(p.args[1], ir.Local)
                and p.args[1].name in self.joinbufs):
            return [f"rt::push_text(&mut {f}, &{self.ident(p.args[1].name)}.text);"]  # common._joinbuf_locals
        if isinstance(p, ir.Intrinsic) and p.name == "str.join" and self.buffer_part(p):
            it = p.args[1]
            if isinstance(it.ty, ir.ListT) and not isinstance(it, ir.Comprehension):
                # the separator first, then the list (Python's order)
                sep = self.t("_sep")
                return [f"let {sep}: rt::Str = {self.expr(p.args[0])}; "
                        f"rt::push_join_list(&mut {f}, &{sep}, &{self.ref(it)});"]
            return ["{\n" + self.sub(lambda p=p: self.join_into(p, f)) + "\n}"]
        if pad_part(p):
            assert isinstance(p, ir.Intrinsic)
            a = p.args
            how = {"str.ljust": 0, "str.rjust": 1, "str.center": 2}[p.name]
            return [self.q(f"rt::str_pad_into(&mut {f}, {self.sref(a[0])}, {how}, {self.as_i64(a[1], 'ssize')}, "
                           f"{self.sref(a[2])}, {p.span.line})") + ";"]
        return [f"rt::push_text(&mut {f}, {self.sref(p)});"]

    def big_binop(self, e: ir.BinOp) -> str:
        """An int operator in the big-int build: the runtime's arbitrary-precision ops, operands
        by reference, evaluated left to right."""
        ln = e.span.line
        a, b = f"&{self.ref(e.left)}", f"&{self.ref(e.right)}"
        if isinstance(e.left, ir.Local) and ir.rebinds(e.left, e.right):
            # `a + (a := 10)`: the right operand may rebind the local, so its value is taken
            # first (as Python reads it first), not borrowed across the assignment
            a = f"&({self.expr(e.left)})"
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
        kh = self.key_hashed(e)
        if kh is not None:  # `k in c` with k's hash computed once (codegen/emit/keyhash.py)
            neg = "!" if e.ops[0] == "not in" else ""
            k, c = e.operands
            m = "contains_key_h" if isinstance(c.ty, ir.DictT) else "contains_h"
            return f"{neg}{self.ref(c)}.{m}(&{self.ident(k.name)}, {kh})"
        operands = list(e.operands)
        if all(op in _ORDER_OPS for op in e.ops):
            # int vs float compares exactly in Python: keep the int (no `as f64`), see cmp1
            operands = [x.expr if isinstance(x, ir.Coerce) and x.ty == ir.FLOAT and x.expr.ty == ir.INT else x
                        for x in operands]
        if any(op in ("<", "<=", ">", ">=") for op in e.ops) and all(x.ty == ir.FLOAT for x in operands):
            # every float ordering comparison has an operand the optimiser cannot see through
            # (see `_opaque`): the first one stays as it is, unless it is the one constant of
            # `c < x` (a constant is hidden more cheaply, see `opaque_f64` in intrinsics.py)
            if len(operands) == 2 and isinstance(operands[0], ir.Const) and not isinstance(operands[1], ir.Const):
                operands = [_opaque(operands[0]), operands[1]]
            else:
                operands = [operands[0], *(_opaque(x) for x in operands[1:])]
        vals = [self.t("_c") for _ in operands]
        parts = []
        for i, op in enumerate(e.ops):
            parts.append(self.cmp1(op, vals[i], vals[i + 1], operands[i], operands[i + 1]))
        if len(e.ops) == 1 and e.ops[0] in ("in", "not in") and not any(
                isinstance(x, (ir.Local, ir.Const)) for x in operands):
            pass  # both sides may have effects: the chained form below evaluates left first
        elif len(e.ops) == 1 and ir.rebinds(operands[0], operands[1]):
            pass  # `s == (s := t)`: the left value is taken before the right rebinds it (chained form)
        elif len(e.ops) == 1:
            a, b = operands
            chars = [isinstance(x, ir.Local) and x.name in self.char_locals for x in (a, b)]
            if any(chars) and e.ops[0] in ("==", "!=") and a.ty == ir.STR and b.ty == ir.STR:
                # a char local against a character: compared as chars (left operand first)
                ca, cb = self.char_operand(a), self.char_operand(b)
                if ca is not None and cb is not None:
                    return f"({ca} {e.ops[0]} {cb})"
                other = b if chars[0] else a
                if isinstance(other, ir.Const) and isinstance(other.value, str):  # "" or "ab": never one char
                    return "true" if e.ops[0] == "!=" else "false"
            if (chars[0] and e.ops[0] in ("in", "not in") and isinstance(b, ir.Const) and isinstance(b.value, str)
                    and b.ty == ir.STR):
                # `c in "+-*"`: one character in a literal is a substring of it when it is one of its characters
                neg = "!" if e.ops[0] == "not in" else ""
                return f"({neg}{rust_str(b.value)}.contains({self.ident(a.name)}))"
            if e.ops[0] in ("==", "!=") and a.ty == ir.STR and b.ty == ir.STR:
                # `s[i] == x` without allocating a one-character String (x evaluated after s[i]
                # only matters if it has effects: restrict to locals and constants)
                if all(isinstance(x, ir.Intrinsic) and x.name == "str.getitem" for x in (a, b)):
                    ca, cb = self.str_char(a), self.str_char(b)
                    return f"({ca} {e.ops[0]} {cb})"
                for ix, other in ((a, b), (b, a)):
                    if (isinstance(ix, ir.Intrinsic) and ix.name == "str.getitem"
                            and isinstance(other, (ir.Local, ir.Const))):
                        sh, idx = self.str_getitem(ix)
                        neg = "!" if e.ops[0] == "!=" else ""
                        return f"({neg}{self.q(f'rt::str_index_eq({sh}, {idx}, {self.sref(other)}, {ix.span.line})')})"
            if e.ops[0] in ("==", "!=") and a.ty == ir.STR and b.ty == ir.STR:
                neg = "!" if e.ops[0] == "!=" else ""
                for x, lit in ((a, b), (b, a)):
                    if isinstance(lit, ir.Const) and isinstance(lit.value, str) and self.str_value_ref(x):
                        # a `Str` against a literal: its pointer first, no bounds test (rt::EqLit)
                        return f"{neg}rt::EqLit::eq_lit({self.sref(x)}, {rust_str(lit.value)})"
                return f"{neg}rt::str_eq({self.sref(a)}, {self.sref(b)})"
            return "(" + self.cmp1(e.ops[0], self.ref(a), self.ref(b), a, b) + ")"
        # chained: evaluate each operand once, left to right, short-circuiting
        code = parts[-1]
        for i in range(len(e.ops) - 1, 0, -1):
            code = f"{parts[i - 1]} && {{ let {vals[i + 1]} = {self.expr(operands[i + 1])}; {code} }}"
        return f"{{ let {vals[0]} = {self.expr(operands[0])}; let {vals[1]} = {self.expr(operands[1])}; {code} }}"

    def cmp1(self, op: str, a: str, b: str, ea: ir.Expr, eb: ir.Expr) -> str:
        dyn = self.union_order(op, a, b, ea, eb)
        if dyn is not None:
            return dyn
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
        if op in ("is", "is not") and any(isinstance(t.inner if isinstance(t, ir.OptionT) else t, ir.ObjT)
                                           for t in (ea.ty, eb.ty)) and ir.NONE not in (ea.ty, eb.ty):
            return f"{'!' if op == 'is not' else ''}{self.mod.classes.is_fn}(&{a}, &{b})"
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
        if op in ("==", "!=") and isinstance(ea.ty, (ir.ListT, ir.DequeT, ir.TupleT, ir.DictT, ir.NamedT, ir.UnionT)) and _has_float(ea.ty) \
                and (not isinstance(ea.ty, ir.UnionT) or any(isinstance(m, (ir.ListT, ir.DictT)) for m in ea.ty.members)
                     or not ea.ty.members):
            chk = " ".join(f"{self.q(f'rt::no_nan({x}, {ea.span.line})')};" for x in ("_l", "_r"))
            return f"({{ let _l = &{a}; let _r = &{b}; {chk} *_l {op} *_r }})"
        return self.cmp1_plain(op, a, b, ea, eb)

    def cmp1_plain(self, op: str, a: str, b: str, ea: ir.Expr, eb: ir.Expr) -> str:
        if op in ("in", "not in") and isinstance(ea.ty, ir.OptionT) and not _holds_optionals(eb.ty):
            # an Optional needle in a container of plain values (see analyzers.exprs.compare):
            # both sides evaluated, left first; None is in no such container
            neg = "!" if op == "not in" else ""
            stand_in = ir.Local(ir.hidden("kv", 0), ea.ty.inner, ea.span)
            found = self.cmp1_plain("in", "(*_kv)", "_kc", stand_in, eb)
            return f"{neg}({{ let _kn = &{a}; let _kc = &{b}; match _kn.as_ref() {{ None => false, Some(_kv) => {found} }} }})"
        if op in ("in", "not in"):
            neg = "!" if op == "not in" else ""
            ct = eb.ty
            if ct == ir.STR:
                return f"{neg}rt::str_contains(&{b}, &{a})"
            if isinstance(ct, ir.DictT):
                lk = self.lit_key(ct, ea)
                if lk:
                    return f"{neg}{b}.contains_lit(&{lk})"
                return f"{neg}{b}.contains_key(&{a})"
            if isinstance(ct, (ir.ListT, ir.SetT, ir.DequeT)):
                return f"{neg}{b}.contains(&{a})"
            if isinstance(ct, ir.TupleT):
                if (ea.ty == ir.STR and isinstance(eb, ir.TupleLit) and eb.items
                        and all(isinstance(x, ir.Const) and isinstance(x.value, str) and x.ty == ir.STR for x in eb.items)):
                    # `s in ("==", "<=")`: the literals compared in place (rt::EqLit), no tuple made
                    return (f"{neg}{{ let _k: &rt::Str = &{a}; "
                            + " || ".join(f"rt::EqLit::eq_lit(_k, {rust_str(x.value)})" for x in eb.items) + " }")
                return f"{neg}{{ let _k = &{a}; let _t = &{b}; " + " || ".join(f"*_k == _t.{i}" for i in range(len(ct.items))) + " }"
            if isinstance(eb, ir.Intrinsic) and eb.name == "range":  # O(1), as CPython's
                if self.big:
                    bounds = ", ".join(f"&{self.ref(x)}" for x in eb.args)
                    return f"{neg}{{ let _k = &{a}; {self.q(f'rt::bi_range_contains({bounds}, _k, {eb.span.line})')} }}"
                bounds = ", ".join(self.expr(x) for x in eb.args)
                return f"{neg}{{ let _k = {a}; {self.q(f'rt::py_range({bounds}, {eb.span.line})')}.contains(_k) }}"
            if isinstance(ct, ir.IterT):
                lab = self.loop_label()
                return f"{neg}{{ let _k = &{a}; let mut _f = false; " + self.sub(lambda: self.foreach(
                    eb, lambda it: self.w.line(f"if {it} == *_k {{ _f = true; {self.stop_loop(lab)} }}"), eb.span.line,
                    lab)) + " _f }"
            raise EmitError(f"`in` on {ct}", eb.span)
        if isinstance(ea.ty, ir.SetT) and op in ("<", "<=", ">", ">="):  # subset / superset
            sub, sup = (a, b) if op in ("<", "<=") else (b, a)
            strict = f" && {a}.len() != {b}.len()" if op in ("<", ">") else ""
            return f"({sub}.issubset(&{sup}){strict})"
        return f"{a} {op} {b}"

    def piece_vec(self, e: ir.Expr) -> str:
        """The `Vec<rt::Str>` of a fresh split bound to a piece local (common._piece_locals)."""
        if isinstance(e, ir.Intrinsic):
            return self.q(f"rt::str_split_vec({self.split_args(e)}, {e.span.line})")
        assert isinstance(e, ir.Comprehension)
        code = self.split_strip_comp(e, "str_split_strip_vec")
        assert code is not None
        return code

    def piece_item(self, e: ir.Expr) -> str | None:
        """`xs[i]` of a piece local (common._piece_locals) as a `&rt::Str` expression (the item
        borrowed), else None."""
        if (isinstance(e, ir.Intrinsic) and e.name == "list.getitem" and isinstance(e.args[0], ir.Local)
                and e.args[0].name in self.piece_locals):
            return self.q(f"rt::str_piece(&{self.ident(e.args[0].name)}, {self.as_i64(e.args[1], 'index')}, "
                          f"{e.span.line})")
        return None

    def split_strip_comp(self, e: ir.Comprehension, fn: str = "str_split_strip") -> str | None:
        """`[x.strip() for x in s.split(sep)]` (or lstrip/rstrip, no chars; no maxsplit, no
        condition): one runtime call, `rt::str_split_strip`. None: another comprehension. Not
        where the comprehension's frame counts toward the recursion limit (a recursive module)."""
        if e.kind != "list" or len(e.gens) != 1 or (e.frame is not None and self.mod.recursive):
            return None
        g, elt = e.gens[0], e.elt
        it = g.iter
        if (g.conds or not isinstance(g.target, ir.NameTarget) or g.target.is_global
                or not (isinstance(it, ir.Intrinsic) and it.name == "str.split"
                        and isinstance(it.args[2], ir.Const) and it.args[2].value == -1)
                or not (isinstance(elt, ir.Intrinsic) and elt.name in ("str.strip", "str.lstrip", "str.rstrip")
                        and isinstance(elt.args[0], ir.Local) and elt.args[0].name == g.target.name
                        and isinstance(elt.args[1], ir.Const) and elt.args[1].value is None)
                or e.ty != ir.ListT(ir.STR)):
            return None
        how = {"str.strip": 0, "str.lstrip": 1, "str.rstrip": 2}[elt.name]
        return self.q(f"rt::{fn}({self.split_text_sep(it)}, {how}, {e.span.line})")

    def comprehension(self, e: ir.Comprehension) -> str:
        fused = self.split_strip_comp(e)
        if fused is not None:
            return fused
        ln = e.span.line
        acc = self.t("_acc")

        def fill() -> None:
            if e.kind == "list":
                self.w.line(f"let mut {acc}: Vec<{self.rty(e.ty.elem)}> = Vec::new();", ln)
                self.comp_loops(e.gens, lambda _: self.w.line(f"{acc}.push({self.expr(e.elt)});", ln), ln, frame=e.frame,
                                room=lambda n: f"rt::vec_room(&mut {acc}, {n});")
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
        """A Vec<T> of the items of any iterable (of a list of the same items: one copy of its
        Vec, no user code runs while it is made)."""
        if isinstance(it.ty, ir.ListT) and self.rty(it.ty.elem) == self.rty(elem_ty):
            return f"{self.ref(it)}.to_vec()"
        v = self.t("_vec")
        return "{\n" + self.sub(lambda: (
            self.w.line(f"let mut {v}: Vec<{self.rty(elem_ty)}> = Vec::new();"),
            self.foreach(it, lambda x: self.w.line(f"{v}.push({x});"), it.span.line,
                         room=lambda n: f"rt::vec_room(&mut {v}, {n});"),
            self.w.line(v))) + "\n}"

    def fstring(self, e: ir.FString) -> str:
        if all(isinstance(p, str) for p in e.parts):
            return f"rt::Str::lit({rust_str(''.join(e.parts))})"  # type: ignore[arg-type]
        pieces = self.fstring_pieces(e)
        if pieces is not None:
            return pieces
        f = self.t("_f")
        # room for the text and ~8 bytes per field, in the buffer the last f-string gave back
        # (rt::fmt_buf): in a loop, only the result is allocated, and only when it is not inline
        cap = sum(len(p.encode()) for p in e.parts if isinstance(p, str)) + 8 * sum(not isinstance(p, str) for p in e.parts)
        out = [f"let mut {f} = rt::fmt_buf({cap});"]
        if e.eval_first:  # str.format(): the arguments first, in order, then the formatting
            parts: list = []
            lets: list[str] = []
            for p in e.parts:
                if isinstance(p, ir.FormatField) and not isinstance(p.expr, (ir.Local, ir.Const)):
                    v, local = self.temp_local("fa", p.expr.ty, p.expr.span)
                    lets.append(f"let {v} = {self.expr(p.expr)};")
                    p = ir.FormatField(local, p.conversion, p.spec)
                parts.append(p)
            out = lets + out
            e = ir.FString(tuple(parts), e.ty, e.span)
        out += self.fstring_into(e, f)
        out.append(f"rt::Str::from_fmt({f})")
        return "{ " + " ".join(out) + " }"

    def fstring_pieces(self, e: ir.FString) -> str | None:
        """An f-string of literal text, strs (no spec or conversion) and ints (no spec, or a
        simple one: `{n:02d}`, `{n:5}`) as one `rt::str_concat_scanned` of its pieces: each
        field evaluated in order into a temporary (an int as its digits, a short `Str` put
        together in registers), locals read in place; then the text's exact size summed and one
        block written, ASCII flag recorded (no buffer filled piece by piece, then copied).
        None: another f-string (a walrus in it, another field)."""
        if e.eval_first or any(isinstance(n, ir.AssignExpr) for n in ir.walk(e)):
            return None
        lets: list[str] = []
        refs: list[str] = []
        for p in e.parts:
            if isinstance(p, str):
                if p:
                    refs.append(rust_str(p))
                continue
            x, t = p.expr, p.expr.ty
            if p.conversion:  # (!r, !s, !a)
                return None
            empty_spec = p.spec is None or (isinstance(p.spec, ir.FString) and p.spec.parts in ((), ("",)))
            if t == ir.STR and empty_spec:
                if isinstance(x, ir.Local) and x.name not in self.char_locals:
                    refs.append(f"{self.ref(x)}.as_str()")
                    continue
                v = self.t("_fp")
                lets.append(f"let {v}: rt::Str = {self.expr(x)};")
                refs.append(f"{v}.as_str()")
                continue
            if t != ir.INT or self.big:
                return None
            if empty_spec:
                simple: tuple[bool, int] | None = (False, 0)
            elif all(isinstance(sp, str) for sp in p.spec.parts):  # type: ignore[union-attr]
                simple = _simple_int_spec("".join(p.spec.parts))  # type: ignore[union-attr, arg-type]
            else:
                simple = None
            if simple is None:
                return None
            v = self.t("_fp")
            if simple == (False, 0):
                lets.append(f"let {v} = rt::Str::from_i64({self.expr(x)});")
            else:
                lets.append(f"let {v} = rt::int_padded_str({self.expr(x)}, {'true' if simple[0] else 'false'}, "
                            f"{simple[1]});")
            refs.append(f"{v}.as_str()")
        return f"{{ {' '.join(lets)} rt::str_concat_scanned(&[{', '.join(refs)}]) }}"

    def fstring_into(self, e: ir.FString, f: str) -> list[str]:
        """The statements that write the f-string `e`'s text at the end of the buffer `f`."""
        ln = e.span.line
        out: list[str] = []
        for p in e.parts:
            if isinstance(p, str):
                if p:
                    out.append(f"{f}.push_str({rust_str(p)});")
                continue
            x = p.expr
            t = x.ty
            empty_spec = p.spec is None or (isinstance(p.spec, ir.FString) and p.spec.parts in ((), ("",)))
            spec_var = None  # the spec, evaluated already (None: evaluated where it is used)
            close = ""
            if isinstance(t, ir.OptionT) and not empty_spec and p.conversion not in ("r", "s"):
                # a spec applies to the value (after !r/!s it applies to the text, None is fine);
                # None takes object.__format__: only a spec that turns out empty ({x:{w}}, w = "")
                if not all(isinstance(sp, str) for sp in p.spec.parts):
                    v, local = self.temp_local("fo", t, x.span)
                    spec_var = self.t("_fs")
                    none_ok = self.q(f'rt::object_format_check(&{spec_var}, "NoneType", {ln})')
                    out.append(f"let {v} = {self.expr(x)}; let {spec_var} = {self.fstring(p.spec)}; "
                               f"if {v}.is_none() {{ {none_ok}; {f}.push_str(\"None\"); }} else {{")
                    x = local
                    close = "}"
                x = ir.Coerce(x, t.inner, x.span, "unsupported format string passed to NoneType.__format__")
                t = t.inner
            if empty_spec:
                fn = "fmt_repr" if p.conversion == "r" else "fmt_str"
                if t == ir.STR and p.conversion != "r":
                    out.append(f"rt::push_text(&mut {f}, &{self.ref(x)});")
                elif self.big and _has_int(t):
                    v = self.t("_dv")
                    out.append(f"let {v} = &{self.ref(x)}; {self.q(f'rt::CheckDigits::check_digits({v}, {ln})')}; "
                               f"rt::PyFmt::{fn}({v}, &mut {f});")
                else:
                    out.append(f"rt::PyFmt::{fn}(&{self.ref(x)}, &mut {f});")
                continue
            if isinstance(t, ir.EnumT) and p.conversion not in ("r", "s"):
                # CPython 3.11: an IntEnum member formats as its int, an Enum member as its str()
                x = (ir.Intrinsic("enum.value", (x,), ir.INT, x.span) if t.int_enum
                     else ir.Intrinsic("str", (x,), ir.STR, x.span))
                t = x.ty
            if spec_var is None and (not all(isinstance(sp, str) for sp in p.spec.parts) or (
                    isinstance(t, ir.DictT) and p.conversion not in ("r", "s") and not isinstance(x, ir.Local))):
                # a computed spec: CPython evaluates the value, then the spec, then converts
                # (`!r` calls __repr__) and formats; the spec is evaluated once (a dict is read
                # twice below, for its class name: so once, into a local)
                v, local = self.temp_local("fv", t, x.span)
                spec_var = self.t("_fs")
                out.append(f"let {v} = {self.expr(x)}; let {spec_var} = {self.fstring(p.spec)};")
                x = local
            simple = (_simple_int_spec("".join(p.spec.parts))  # type: ignore[arg-type]
                      if spec_var is None and t == ir.INT and not self.big and p.conversion not in ("r", "s") else None)
            if simple is not None:
                # `{n:5d}`, `{n:02}`: padded digits straight into the buffer (the spec known here,
                # not parsed per value; the runtime's own fast path for it, `push_int_padded`)
                out.append(f"rt::push_int_padded(&mut {f}, {self.ref(x)}, {'true' if simple[0] else 'false'}, "
                           f"{simple[1]});{close}")
                continue
            spec = spec_var or self.fstring(p.spec)
            if p.conversion not in ("r", "s") and isinstance(t, ir.UnionT):  # the value's own __format__
                out.append(f"{f}.push_str(&{self.q(f'rt::PyFormat::py_format(&{self.ref(x)}, &{spec}, {ln})')});{close}")
                continue
            if p.conversion not in ("r", "s") and t not in (ir.INT, ir.FLOAT, ir.BOOL, ir.STR):
                # object.__format__: a list/tuple/dict/set takes no format spec (only "")
                tname = f"{self.ref(x)}.qual_type_name()" if isinstance(t, ir.DictT) else rust_str(_py_type_name(t))
                out.append(f"{self.q(f'rt::object_format_check(&{spec}, {tname}, {ln})')};")
            if p.conversion in ("r", "s") or t not in (ir.INT, ir.FLOAT, ir.BOOL, ir.STR):
                conv = "py_repr" if p.conversion == "r" else "py_str"
                val = f"rt::{conv}(&{self.ref(x)})"
                if self.big and _has_int(t):
                    v = self.t("_dv")
                    val = (f"{{ let {v} = &{self.ref(x)}; {self.q(f'rt::CheckDigits::check_digits({v}, {ln})')}; "
                           f"rt::{conv}({v}) }}")
            else:
                val = self.ref(x)
            out.append(f"{self.q(f'rt::PyFormat::py_format_into(&{val}, &{spec}, &mut {f}, {ln})')};{close}")
        return out

    def new_exc(self, e: ir.NewExc) -> str:
        static = self.mod.exc_static(e.cls)
        ln = e.span.line
        if e.cls == "SystemExit" and len(e.args) <= 1 and all(a.ty in (ir.NONE, ir.STR, ir.BOOL, ir.INT) for a in e.args):
            return self.system_exit(e.args[0] if e.args else None, ln)
        owner = self.mod.exc_owner(e.cls)
        if owner is not None:  # args[0] calls the generated __init__: (0, str/repr pairs..., fields...)
            t = self.t("_ti")
            init = self.at_off(self.frame_off + 1, lambda: self.expr(e.args[0]))  # __init__ from type.__call__
            strs = ", ".join(f"String::from({t}.{1 + 2 * i})" for i in range(owner.n_args))
            reprs = ", ".join(f"String::from({t}.{2 + 2 * i})" for i in range(owner.n_args))
            base = 1 + 2 * owner.n_args
            flds = ", ".join(f"{self.ident(f)}: {t}.{base + i}" for i, (f, _) in enumerate(owner.fields))
            return (f"{{ let {t} = {init}; rt::PyErr::with_payload(&{static}, vec![{strs}], "
                    f"vec![{reprs}], {self.mod.exc_fields_struct(owner.name)} {{ {flds} }}, {ln}) }}")
        if len(e.args) == 1 and e.args[0].ty == ir.STR and e.cls != "KeyError":
            return f"rt::PyErr::new(&{static}, {self.expr(e.args[0])}, {ln})"
        vals = [self.t("_a") for _ in e.args]
        lets = " ".join(f"let {v} = {self.expr(a)};" for v, a in zip(vals, e.args))
        strs = ", ".join(f"rt::py_str(&{v})" for v in vals)
        reprs = ", ".join(f"rt::py_repr(&{v})" for v in vals)
        return f"{{ {lets} rt::PyErr::with_args(&{static}, vec![{strs}], vec![{reprs}], {ln}) }}"

    def after_dunders(self, e: ir.Expr, operands, code: str) -> str:
        """An operation on values holding objects may have run their `__repr__`/`__eq__`/`__lt__`/
        `__hash__` through the runtime's traits, which leave an exception pending: take it here."""
        if not self.mod.module.classes or e.ty == ir.NONE and isinstance(e, ir.Intrinsic) and e.name == "print":
            return code
        if isinstance(e, ir.Compare) and all(op in ("is", "is not") for op in e.ops):
            return code  # identity: no dunder runs
        if any(_has_obj(x.ty) for x in operands) or any(_has_obj(v.ty) for _, v in getattr(e, "kwargs", ())):
            return self.q(f"rt::ret({code})")
        return code

    def new_obj(self, e: ir.NewObj) -> str:
        """`C(args)`: the object, then `__init__` on it (a call from type.__call__: one more
        frame toward the recursion limit, as for exceptions)."""
        o = self.t("_ob")
        cls = self.mod.classes.classes[e.cls]
        tag = str(cls.tag) if e.tag is None else self.tag_u32(e.tag)  # `cls(...)`: the run-time class
        new = f"{self.rty(e.ty)}::new({tag})"
        if e.init is None:
            return new
        byref = self.mod.byref.get(e.init, frozenset())
        walrus = byref and any(isinstance(n, ir.AssignExpr) for a in e.args for n in ir.walk(a))
        args = [f"&{o}" if 0 in byref else f"{o}.clone()"]
        for i, a in enumerate(e.args, 1):  # (module._byref_params, as `call_args`)
            if i in byref and (_same_local(a) is not None or _narrowed_local(a)) and not walrus:
                args.append(self.byref_arg(a, walrus))
            else:
                v = self.at_off(self.frame_off + 1, lambda a=a: self.expr(a))
                args.append(f"&({v})" if i in byref else v)
        if self.mod.recursive:
            args.append(f"_depth + {2 + self.frame_off}")
        init = self.mod.classes.call_target(e) if e.dispatch is not None else self.mod.fn_ident(e.init)
        call = self.q(f"rt::ret({init}({', '.join(args)}))")
        return f"{{ let {o} = {new}; {call}; {o} }}"

    def func_ref(self, e: ir.FuncRef) -> str:
        """A module function as a function pointer: the function itself when it takes its frame's
        depth (a program that recurses), else a closure that drops it."""
        t = e.ty
        assert isinstance(t, ir.FuncT)
        target = self.mod.fn_ident(e.func)
        if self.mod.recursive:
            return f"({target} as {self.rty(t)})"
        names = [f"_a{i}" for i in range(len(t.params))]
        params = "".join(f"{n}: {self.rty(p)}, " for n, p in zip(names, t.params))
        ret = "()" if t.ret == ir.NONE else self.rty(t.ret)
        return f"((|{params}_: u32| -> {ret} {{ {target}({', '.join(names)}) }}) as {self.rty(t)})"

    def lam(self, e: ir.Lambda) -> str:
        (pname, pty), = e.params
        self.err_ctx.append("")
        # the parameter is a new local: facts hoisted for an outer local of that name (ASCII
        # hints, list views) do not hold for it
        saved = [(d, d.pop(pname)) for d in (self.ascii_hints, self.ascii_texts, self.list_views) if pname in d]
        hidden = [st for st in (self.char_locals, self.byref_locals) if pname in st]  # (a char local, a borrowed parameter)
        for st in hidden:
            st.discard(pname)
        # a str or container parameter the body never rebinds is read through the reference the
        # caller passes (a sort key reads `p[2]` without copying the record `p` first)
        borrowed = ((pty == ir.STR or isinstance(pty, (ir.TupleT, ir.ListT, ir.DictT, ir.SetT, ir.DequeT)))
                    and not any(isinstance(n, ir.NameTarget) and n.name == pname for n in ir.walk(e.body)))
        # (not when the body binds the name: a walrus, or a comprehension's own `p`)
        if borrowed:
            self.byref_locals.add(pname)
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
            self.byref_locals.discard(pname)
            for st in hidden:
                st.add(pname)
        bind = "_p" if borrowed else "_p.clone()"
        return (f"|_p: &{self.rty(pty)}| -> rt::PyResult<{self.rty(e.body.ty)}> {{ {enter} "
                f"let {self.ident(pname)} = {bind}; Ok({body}) }}")


def _same_local(e: ir.Expr) -> "ir.Local | None":
    """A local, also as its base class or narrowed to a subclass (the same Rust value: one
    Rust type per hierarchy), else None."""
    if isinstance(e, ir.Coerce) and isinstance(e.ty, ir.ObjT) and isinstance(e.expr.ty, ir.ObjT):
        e = e.expr
    return e if isinstance(e, ir.Local) else None


def _narrowed_local(e: ir.Expr) -> bool:
    """An `object | None` local used as its object (tested not None): `receiver` borrows it
    inside its Option."""
    return (isinstance(e, ir.Coerce) and isinstance(e.expr, ir.Local) and isinstance(e.expr.ty, ir.OptionT)
            and isinstance(e.ty, ir.ObjT) and e.expr.ty.inner == e.ty)


def _holds_optionals(t: ir.Type) -> bool:
    """A container whose elements (keys, for a dict) may be None."""
    if isinstance(t, (ir.ListT, ir.SetT)):
        return isinstance(t.elem, ir.OptionT)
    if isinstance(t, ir.DictT):
        return isinstance(t.key, ir.OptionT)
    if isinstance(t, ir.TupleT):
        return any(isinstance(x, ir.OptionT) for x in t.items)
    return False


def _simple_int_spec(spec: str) -> tuple[bool, int] | None:
    """The runtime's `simple_int_spec` (format_spec.rs), at translation time: `[0|>][width][d]`
    (width under 10000) as (zero fill, width), else None (the spec parsed at run time)."""
    right = spec[:1] == ">"
    zero = not right and spec[:1] == "0"
    st = 1 if zero or right else 0
    if right and spec[1:2] == "0":
        return None  # '>0...': the '0' flag with an explicit alignment
    i, w = st, 0
    while i < len(spec) and spec[i] in "0123456789" and i - st < 4:
        w = w * 10 + int(spec[i])
        i += 1
    if zero and (i == st or spec[st] == "0"):
        return None  # "0", "0d", "00d", ...
    if i < len(spec) and spec[i] == "d":
        i += 1
    return (zero, w) if i == len(spec) else None
