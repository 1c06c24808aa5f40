"""Builtin calls: the `ir.Intrinsic` table, print, math, and consumers of iterables
(sum/min/max/any/all/sorted/join/list/...).
"""

from __future__ import annotations

from portalis import ir
from portalis.codegen.emit.common import EmitError, _has_float, _has_int, _has_obj, _opaque_rs, pad_part, rust_str
from portalis.codegen.emit.enums import enum_intrinsic
from portalis.codegen.emit.named import named_intrinsic
from portalis.codegen.emit.protocols import protocol_intrinsic


def _runs_user_code(x: ir.Expr) -> bool:
    """Whether evaluating x may call a user function (which could rebind a module variable or a
    field): a call, a new object (its `__init__`), a lambda's body run by a builtin."""
    return any(isinstance(n, (ir.Call, ir.NewObj)) for n in ir.walk(x))


class _IntrinsicsMixin:
    """Part of `_FnEmitter` (codegen/emit/function.py)."""

    def intrinsic(self, e: ir.Intrinsic) -> str:
        code = self.intrinsic_code(e)
        # a str result is a `rt::Str`: runtime functions that build a `String` are converted
        # (`From<Str> for Str` is the identity for those that already return one)
        return f"rt::Str::from({code})" if e.ty == ir.STR else code

    def intrinsic_code(self, e: ir.Intrinsic) -> str:  # noqa: C901 - one table, kept in one place
        n = e.name
        ln = e.span.line
        a = e.args
        X = self.expr
        R = self.ref
        q = self.q
        if n == "print":
            return self.print_(e)
        if n == "str.join" and isinstance(a[1], ir.Local) and a[1].name in self.joinbufs:
            return f"{self.ident(a[1].name)}.join()"  # the text so far (common._joinbuf_locals)
        if n.startswith("union."):
            return self.union_intrinsic(e)
        if n.startswith("enum."):
            return enum_intrinsic(self, e)
        if n.startswith("named."):
            return named_intrinsic(self, e)
        if n.startswith("ni."):
            return protocol_intrinsic(self, e)
        if n == "defaultdict":  # `collections.defaultdict(T)`: T() as a function
            f = dict(e.kwargs)["factory"].value
            make = {"int": X(ir.Const(0, ir.INT, e.span)), "float": X(ir.Const(0.0, ir.FLOAT, e.span)),
                    "str": "rt::Str::new()", "bool": "false", "list": "rt::PyList::new()", "set": "rt::PySet::new()",
                    "dict": "rt::PyDict::new()"}[f]
            return f'rt::PyDict::with_default(|| {make}, "{f}")'
        if n == "obj.isinstance":
            return f"matches!({R(a[0])}.tag(), {a[1].value})"
        if n == "obj.by_tag":  # a class constant a subclass overrides
            groups = dict(e.kwargs)["tags"].value.split(";")
            arms = " ".join(f"{g} => {X(v)}," for g, v in zip(groups, a[1:]))
            return f"match {R(a[0])}.tag() {{ {arms} _ => {X(a[1])} }}"
        if n == "obj.same_class":  # `type(x) is type(y)`
            return f"({R(a[0])}.tag() == {R(a[1])}.tag())"
        if n == "obj.group_field":  # a field of some of the unrelated classes held together
            kw = dict(e.kwargs)
            o = self.t("_go")
            arms = []
            for part in kw["missing"].value.split(";"):
                tag, cname = part.split("=", 1)
                msg = rust_str(f"'{cname}' object has no attribute '{kw['field'].value}'")
                arms.append(f"{tag} => {{ rt::set_pending(rt::PyErr::new(&rt::ATTRIBUTE_ERROR, {msg}, {ln})); "
                            f"{self.dflt(e.ty)} }},")
            get = f"{o}.get_{self.ident(kw['field'].value).removeprefix('r#')}()"
            return f"{{ let {o} = {X(a[0])}; match {o}.tag() {{ {' '.join(arms)} _ => {get} }} }}"
        if n == "obj.tag":  # the run-time class, passed as a dynamic class method's `cls` (analyzers/class_methods)
            return self.from_i64(f"({R(a[0])}.tag() as i64)")
        if n == "cls.by_tag":  # `cls.NAME` in a dynamic class method
            groups = dict(e.kwargs)["tags"].value.split(";")
            arms = " ".join(f"{g} => {X(v)}," for g, v in zip(groups, a[1:]))
            return f"match {self.tag_u32(a[0])} {{ {arms} _ => {X(a[1])} }}"
        if n == "obj.type_name":
            cls = self.mod.classes
            root = a[0].ty.name
            arms = " ".join(f"{cls.classes[k].tag} => {rust_str(k)}," for k in cls.subclasses(root))
            return f"rt::Str::lit(match {R(a[0])}.tag() {{ {arms} _ => \"\" }})"
        if n == "obj.len_check":  # what a user __len__ returned, checked as CPython's len() does
            if self.big:
                return q(f"rt::bi_len_check(&{R(a[0])}, {ln})")
            return q(f"rt::len_check({X(a[0])}, {ln})")
        if n == "opaque_f64":
            if isinstance(a[0], ir.Const) and a[0].ty == ir.FLOAT:
                # a constant: a volatile read of a static (one load; no stack slot to store into)
                return f"{{ static C: f64 = {self.expr(a[0])}; rt::opaque_static(&C) }}"
            return f"rt::opaque_f64({self.expr(a[0])})"
        if n == "truthy":
            v = self.t("_y")
            if isinstance(a[0], ir.Local) and a[0].name in self.char_locals:
                return "true"  # one character: a non-empty str
            return f"{{ let {v} = {R(a[0])}; {self.truthy(v, a[0].ty)} }}" if not isinstance(a[0], ir.Local) else self.truthy(self.ident(a[0].name), a[0].ty)
        if n == "len":
            t = a[0].ty
            if t == ir.STR:  # a Str knows whether it is ASCII (then its length in bytes is the answer)
                return self.from_i64(f"{R(a[0])}.char_len()")
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
            # len(s.split(...)) / len(s.splitlines()): the pieces counted, no list of them
            if isinstance(a[0], ir.Intrinsic) and a[0].name == "str.split":
                return self.from_i64(q(f"rt::str_split_count({self.split_args(a[0])}, {ln})"))
            if isinstance(a[0], ir.Intrinsic) and a[0].name == "str.splitlines":
                return self.from_i64(f"rt::str_splitlines_count({self.sref(a[0].args[0])})")
            if isinstance(a[0], ir.Local) and a[0].name in self.joinbufs:  # common._joinbuf_locals
                return self.from_i64(f"{self.ident(a[0].name)}.len()")
            if isinstance(a[0], ir.Local) and a[0].name in self.piece_locals:  # a `Vec` (common._piece_locals)
                return self.from_i64(f"({self.ident(a[0].name)}.len() as i64)")
            return self.from_i64(f"{R(a[0])}.len()")
        if n in ("str", "repr") and self.big and _has_int(a[0].ty):
            # CPython's limit on the digits of int -> decimal text (ValueError)
            v = self.t("_dv")
            return f"{{ let {v} = &{R(a[0])}; {q(f'rt::CheckDigits::check_digits({v}, {ln})')}; rt::py_{n}({v}) }}"
        if n == "str" and a[0].ty == ir.INT:  # big ints were handled above
            return f"rt::Str::from_i64({X(a[0])})"
        if n == "str":
            return f"rt::py_str(&{R(a[0])})"
        if n == "ascii":
            return f"rt::py_ascii(&{R(a[0])})"
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
        if n in ("int.bit_length", "int.bit_count"):
            fn = n.replace(".", "_")
            return f"rt::bi_{fn[4:]}(&{R(a[0])})" if self.big else f"rt::{fn}({X(a[0])})"
        if n == "float.is_integer":
            return f"rt::float_is_integer({X(a[0])})"
        if n == "tuple.index_dyn":  # t[i] with a run-time i on a tuple of one item type
            k = len(a[0].ty.items)  # type: ignore[attr-defined]
            items = ", ".join(f"_t.{j}.clone()" for j in range(k))
            idx = self.as_i64(a[1], "index")
            return (f"{{ let _t = &{R(a[0])}; let _i: i64 = {idx}; "
                    f"{q(f'rt::tuple_index(&[{items}], _i, {ln})')} }}")
        if n == "tuple.unpack_star":  # a, *b, c = t: the items around the star, the middle ones a new list
            m, k, after = len(a[0].ty.items), a[1].value, a[2].value  # type: ignore[attr-defined]
            mid = [f"_s.{j}" for j in range(k, m - after)]
            lst = (f"rt::PyList::from_vec(vec![{', '.join(mid)}])" if mid
                   else f"{self.rty(e.ty.items[k])}::new()".replace("rt::PyList<", "rt::PyList::<", 1))  # type: ignore[attr-defined]
            parts = [f"_s.{j}" for j in range(k)] + [lst] + [f"_s.{j}" for j in range(m - after, m)]
            return f"{{ let _s = {self.expr(a[0])}; ({', '.join(parts)}{',' if len(parts) == 1 else ''}) }}"
        if n in ("tuple.index", "tuple.count"):  # on a tuple of one item type: the tuple first, then x
            items = ", ".join(f"&_t.{j}" for j in range(len(a[0].ty.items)))  # type: ignore[attr-defined]
            guard = f"{q(f'rt::no_nan(_nd, {ln})')}; " if _has_float(a[1].ty) else ""
            call = q(f"rt::tuple_index_of(&[{items}], _nd, {ln})") if n == "tuple.index" else f"rt::tuple_count(&[{items}], _nd)"
            return self.from_i64(f"{{ let _t = &{R(a[0])}; let _nd = &{R(a[1])}; {guard}{call} }}")
        if n in ("float.int_exact", "float.int_exact_mul", "float.no_neg_zero"):
            # arithmetic Python does in ints (analyzers/numeric.py): exact below 2**53, and no
            # -0.0 where CPython's int is 0
            fn = {"float.int_exact": "f64_int_exact", "float.int_exact_mul": "f64_int_exact_mul",
                  "float.no_neg_zero": "f64_no_neg_zero"}[n]
            return q(f"rt::{fn}({X(a[0])}, {ln})")
        if n == "float":  # explicit float(int): the conversion is already in a[0]
            return X(a[0])
        if n == "raise_as":  # raise the exception a[0] where a value of type e.ty is expected
            return f"{{ #[allow(unreachable_code)] let _v: {self.rty(e.ty)} = {self.propagate(X(a[0]))}; _v }}"
        if n == "eval_then":  # evaluate a[0] for its effects, then the value a[1]
            return f"{{ let _ = {X(a[0])}; {X(a[1])} }}"
        if n == "exc.args":
            return f"rt::ExcArgs::of(&{R(a[0])})"
        if n == "exc.class_name":
            return f"rt::Str::lit({R(a[0])}.class_name())"
        if n == "exc.field":  # e.NAME: args = (e, owner class, field) as constants
            struct = self.mod.exc_fields_struct(a[1].value)  # type: ignore[attr-defined]
            fld = self.ident(a[2].value)  # type: ignore[attr-defined]
            subs = self.mod.exc_init_descendants(a[1].value)  # type: ignore[attr-defined]
            if not subs:
                return f"{R(a[0])}.exc_fields::<{struct}>().{fld}.clone()"
            # a subclass with fields of its own built e: its struct holds the base's fields too
            tests = " else ".join(f"if let Some(_f) = _ef.payload_ref::<{self.mod.exc_fields_struct(s)}>() {{ _f.{fld}.clone() }}"
                                  for s in subs)
            return f"{{ let _ef = &{R(a[0])}; {tests} else {{ _ef.exc_fields::<{struct}>().{fld}.clone() }} }}"
        if n == "ord":
            if isinstance(a[0], ir.Local) and a[0].name in self.char_locals:
                return self.from_i64(f"({self.ident(a[0].name)} as i64)")
            if isinstance(a[0], ir.Intrinsic) and a[0].name == "str.getitem":  # ord(s[i]): no one-character str
                return self.from_i64(f"({self.char_operand(a[0])} as i64)")
            return self.from_i64(q(f"rt::py_ord(&{R(a[0])}, {ln})"))
        if n == "hash":
            return self.from_i64(f"rt::PyHash::py_hash(&{R(a[0])})")
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
            prompt = X(a[0]) if a else "rt::Str::new()"
            return q(f"rt::py_input(&{prompt}, {ln})")
        if n == "range":
            if self.big:
                return q(f"rt::bi_range({', '.join(f'&{R(x)}' for x in a)}, {ln})")
            return q(f"rt::py_range({', '.join(X(x) for x in a)}, {ln})")
        if n.startswith("math.") and n != "math.prod":
            return self.math(e)
        if n == "odict.new":
            return f"<{self.rty(e.ty)}>::new_ordered()"
        if n == "odict.from":  # a[0] is `dict(...)` of the argument: a new dict
            return f"{X(a[0])}.into_ordered()"
        if n == "counter.new":  # two runtimes impls (i64 and big-int counts): the type picks one
            return f"<{self.rty(e.ty)}>::new_counter()"
        if n == "counter.from_dict":
            c = self.t("_c")
            return (f"{{ let {c} = <{self.rty(e.ty)}>::new_counter(); "
                    f"{self.q(f'{c}.update_from(&{R(a[0])}, {ln})')}; {c} }}")
        if n in ("counter.from_iter", "counter.count_into", "next.gen",
                 "sum", "math.prod", "obj.sum", "any", "all", "min.iter", "max.iter", "sorted", "list.from_iter", "set.from_iter",
                 "dict.from_iter", "dict.fromkeys", "str.join"):
            return self.consume(e)
        if n in ("min.args", "max.args"):
            return self.minmax_args(e)
        if (n.startswith(("list.", "dict.", "set.", "deque.", "str.")) and len(a) > 1
                and (isinstance(a[0].ty, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)) or a[0].ty == ir.STR)
                and not dict(e.kwargs).get("count_first")
                and (not isinstance(a[0], (ir.Local, ir.Const)) and any(_runs_user_code(x) for x in a[1:])
                     or any(ir.rebinds(a[0], x) for x in a[1:]))):
            # CPython reads the receiver (`xs` of `xs.append(f())`, a module variable or a field;
            # `xs` of `xs.index(len(xs := ys))`) before the arguments: an `f()` or a walrus that
            # rebinds it does not redirect the call
            v, local = self.temp_local("rcv", a[0].ty, a[0].span)
            inner = ir.Intrinsic(n, (local, *a[1:]), e.ty, e.span, e.kwargs)
            return f"{{ let {v} = {self.expr(a[0])}; {self.intrinsic_code(inner)} }}"
        if n.startswith("str."):
            return self.str_method(e)
        if n.startswith("list."):
            return self.list_method(e)
        if n.startswith("deque."):
            return self.deque_method(e)
        if n.startswith("dict."):
            return self.dict_method(e)
        if n == "set.display":
            return self.set_display(e)
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
            if m == "pop":
                return q(f"{R(a[0])}.pop({ln})")
        if n == "iter.list":
            return f"rt::ListIter::new({X(a[0])})"
        if n == "iter.next":
            return q(f"{R(a[0])}.next_or_stop({ln})")
        if n == "iter.next_opt":  # next(it, None)
            return f"{R(a[0])}.next_item()"
        if n == "iter.next_or":  # the iterator, then the default, are evaluated before the call
            return f"{{ let _i = {X(a[0])}; let _d = {X(a[1])}; match _i.next_item() {{ Some(_v) => _v, None => _d }} }}"
        if n == "tuple.getitem":
            clone = "" if self.copy(e.ty) else ".clone()"
            fields, base = [], e
            while isinstance(base, ir.Intrinsic) and base.name == "tuple.getitem":
                fields.insert(0, f".{base.args[1].value}")
                base = base.args[0]
            if (isinstance(base, ir.Intrinsic) and base.name == "list.getitem" and isinstance(base.args[0].ty, ir.ListT)
                    and isinstance(base.args[0], ir.Local) and base.args[0].name not in self.list_views
                    and not ir.rebinds(base.args[0], base.args[1])):
                # `xs[i][k]`: the field, not a clone of the whole item first
                idx = self.as_i64(base.args[1], "index")
                return q(f"{R(base.args[0])}.get_with({idx}, {base.span.line}, |_t| _t{''.join(fields)}{clone})")
            if isinstance(base, ir.Local) and base.name not in self.char_locals and len(fields) > 1:
                # `t[i][k]` of a tuple local: the field, not a clone of the inner tuple first
                return f"{R(base)}{''.join(fields)}{clone}"
            return f"{R(a[0])}.{a[1].value}{clone}"
        if n in ("enumerate", "zip", "reversed"):
            raise EmitError(f"{n}() can only be looped over or passed to list()/sorted()/dict()", e.span)
        raise EmitError(f"intrinsic {n} is not implemented", e.span)

    def join_into(self, e: ir.Intrinsic, acc: str) -> None:
        """`sep.join(items)` of a comprehension or another iterable, written at the end of the
        buffer `acc` (the separator evaluated first, then the items, as Python does)."""
        ln = e.span.line
        w_line = lambda s: self.w.line(s, ln)  # noqa: E731
        sep = self.t("_sep")
        w_line(f"let {sep}: rt::Str = {self.expr(e.args[0])}; let mut _first = true;")

        def push(x: str, digits: bool = False) -> None:
            # the separator (but before the first item) and the item in one call: one reserve,
            # fixed-size moves for short pieces (no memcpy call), an int's digits written in place
            f = "push_join_i64" if digits else "push_join_text"
            w_line(f"rt::{f}(&mut {acc}, &{sep}, _first, {'' if digits else '&'}{x}); _first = false;")
        comp = e.args[1]
        if isinstance(comp, ir.Comprehension) and comp.kind == "list":
            # sep.join([f(x) for x in xs]): each item joined as the comprehension makes
            # it, no list of them (CPython makes them all first, but joining runs no code);
            # `str(n)` of an int: its digits written into the text, no str of them
            elt = comp.elt
            if (isinstance(elt, ir.Intrinsic) and elt.name == "str" and len(elt.args) == 1
                    and elt.args[0].ty == ir.INT and not self.big):
                self.comp_loops(comp.gens, lambda _: push(self.expr(elt.args[0]), True), ln, frame=comp.frame)
            else:
                self.comp_loops(comp.gens, lambda _: push(self.expr(elt)), ln, frame=comp.frame)
        else:
            self.foreach(e.args[1], push, ln, driver=self.frame_off + 1)  # str.join (METH_O) drains a generator

    def print_(self, e: ir.Intrinsic) -> str:
        """print(): like CPython, every argument is evaluated (then sep=, then end=) before any
        is turned into text, so `print(xs, xs.pop())` shows the list after the pop. Arguments
        are bound by reference (containers alias, as the objects CPython passes do)."""
        kw = dict(e.kwargs)
        o = self.t("_o")
        out = [f"let mut {o} = String::new();"]
        checked = self.big and any(_has_int(x.ty) for x in e.args)  # each value is used twice below
        starred = any(isinstance(x, ir.Intrinsic) and x.name == "print.star" for x in e.args)
        # print(f"..."): the f-string's text written straight into the line (its fields are
        # evaluated in order as they are written, before the other arguments, as in CPython;
        # nothing is printed if one raises): no str of it made first
        direct = (not starred and bool(e.args) and isinstance(e.args[0], ir.FString)
                  and self.buffer_part(e.args[0]))
        if direct:
            out += self.fstring_into(e.args[0], o)
        if starred:  # print(a, *xs): each `*` part's items collected where it stands
            vals = []
            for x in e.args:
                v = self.t("_a")
                if isinstance(x, ir.Intrinsic) and x.name == "print.star":
                    out.append(f"let {v} = {self.collect(x.args[0], x.ty.elem)};")  # type: ignore[attr-defined]
                else:
                    out.append(f"let {v} = &{self.ref(x)};")
                vals.append(v)
        elif all(isinstance(x, (ir.Local, ir.Const)) for x in (*e.args[1:], *(v for k, v in e.kwargs if k in ("sep", "end")))) \
                and not checked:
            # nothing after the first (sep= and end= too) can change anything
            vals = ["" if direct and i == 0 else self.ref(x) for i, x in enumerate(e.args)]
        else:
            vals = []
            for i, x in enumerate(e.args):
                if i == 0 and direct:
                    vals.append("")
                    continue
                v = self.t("_a")
                later = [*e.args[i + 1:], *(v for k, v in e.kwargs if k in ("sep", "end"))]
                out.append(f"let {v} = &{self.ref_before(x, later)};")
                vals.append(f"(*{v})")
        sepv, endv = self.t("_s"), self.t("_e")
        for k, v in e.kwargs:  # in the order written
            if k in ("sep", "end"):
                out.append(f"let {sepv if k == 'sep' else endv}: rt::Str = {self.expr(v)};")
        target = "rt::err_str" if "file" in kw and kw["file"].value == "stderr" else "rt::out_str"
        if starred:
            return "{ " + " ".join(out + self.print_starred(e, vals, o, sepv, endv, target) + [f"{target}(&{o});"]) + " }"
        for i, (x, v) in enumerate(zip(e.args, vals)):
            if i:
                out.append(f"{o}.push_str(&{sepv});" if "sep" in kw else f"{o}.push(' ');")
            elif direct:
                continue  # written above
            if self.big and _has_int(x.ty):
                # CPython's limit on the digits of int -> decimal text (ValueError); print has
                # written the arguments (and separators) before the failing one by then
                err = self.propagate("_e")
                out.append(f"if let Err(_e) = rt::CheckDigits::check_digits(&{v}, {e.span.line}) "
                           f"{{ {target}(&{o}); {err}; }}")
            if x.ty == ir.STR:
                out.append(f"{o}.push_str(&{v});")
            elif self.mod.module.classes and _has_obj(x.ty):
                # a user __str__/__repr__ may raise (left pending): what print wrote before this
                # argument is written, then the exception goes on, as in CPython. It may print:
                # CPython has written the arguments and separators before this one by then
                err = self.propagate("_e")
                if i:
                    out.append(f"{target}(&{o}); {o}.clear();")
                out.append(f"let _pl = {o}.len(); rt::PyFmt::fmt_str(&{v}, &mut {o}); "
                           f"if let Err(_e) = rt::ret(()) {{ {o}.truncate(_pl); {target}(&{o}); {err}; }}")
            else:
                out.append(f"rt::PyFmt::fmt_str(&{v}, &mut {o});")
        out.append(f"{o}.push_str(&{endv});" if "end" in kw else f"{o}.push('\\n');")
        out.append(f"{target}(&{o});")
        return "{ " + " ".join(out) + " }"

    def print_starred(self, e: ir.Intrinsic, vals: list[str], o: str, sepv: str, endv: str, target: str) -> list[str]:
        """print()'s text when some arguments are `*xs` (no objects among them: the analyzer
        refuses those): a separator before every item but the first, wherever it comes from."""
        kw = dict(e.kwargs)
        out = ["let mut _first = true;"]
        sep_code = f"if !_first {{ {o}.push_str(&{sepv}); }}" if "sep" in kw else f"if !_first {{ {o}.push(' '); }}"

        def one(v: str, ty: ir.Type) -> str:
            code = f"{sep_code} _first = false; "
            if self.big and _has_int(ty):  # CPython's limit on int -> decimal text; what came before is written
                code += (f"if let Err(_e) = rt::CheckDigits::check_digits(&{v}, {e.span.line}) "
                         f"{{ {target}(&{o}); {self.propagate('_e')}; }} ")
            if ty == ir.STR:
                return code + f"{o}.push_str(&{v});"
            if self.mod.module.classes and _has_obj(ty):
                err = self.propagate("_e")
                return code + (f"{target}(&{o}); {o}.clear(); let _pl = {o}.len(); rt::PyFmt::fmt_str(&{v}, &mut {o}); "
                               f"if let Err(_e) = rt::ret(()) {{ {o}.truncate(_pl); {target}(&{o}); {err}; }}")
            return code + f"rt::PyFmt::fmt_str(&{v}, &mut {o});"
        for x, v in zip(e.args, vals):
            if isinstance(x, ir.Intrinsic) and x.name == "print.star":
                out.append(f"for _it in {v}.iter() {{ {one('(*_it)', x.ty.elem)} }}")  # type: ignore[attr-defined]
            else:
                out.append(one(f"(*{v})", x.ty))
        out.append(f"{o}.push_str(&{endv});" if "end" in kw else f"{o}.push('\\n');")
        return out

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
            if m == "fabs":
                return f"{a[0]}.abs()"
            # CPython's math_1: sin(inf) is a domain error, sinh(1000) a range error
            meth = "exp_m1" if m == "expm1" else m
            over = "true" if m in ("sinh", "cosh", "expm1") else "false"
            return self.q(f"{{ let _x: f64 = {a[0]}; rt::math_1(_x, _x.{meth}(), {over}, {ln}) }}")
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

    def set_display(self, e: ir.Intrinsic) -> str:
        """`{a, *xs, *s}`: CPython's BUILD_SET then SET_ADD / SET_UPDATE: a set operand is merged
        (set_merge), a dict's keys added after one resize, any other iterable's items added."""
        ln = e.span.line
        acc = self.t("_acc")
        stars = dict(e.kwargs)["stars"].value

        def fill() -> None:
            self.w.line(f"let {acc}: {self.rty(e.ty)} = rt::PySet::new();", ln)
            for a, star in zip(e.args, stars):
                if star == ".":
                    self.w.line(f"{acc}.add({self.expr(a)});", ln)
                elif isinstance(a.ty, ir.SetT):
                    self.w.line(f"{acc}.update(&{self.ref(a)});", ln)
                elif isinstance(a.ty, ir.DictT):
                    self.w.line(f"{acc}.update_dict(&{self.ref(a)});", ln)
                else:
                    self.foreach(a, lambda x: self.w.line(f"{acc}.add({x});", ln), ln)
            self.w.line(acc, ln)
        return "{\n" + self.sub(fill) + "\n}"

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
            v, local = self.temp_local("src", it.ty, it.span)
            w_line(f"let {v} = {self.expr(it)};")
            return local

        def fill() -> None:
            if n == "obj.sum":  # objects through `+` (analyzers/protocols.py obj_sum)
                accn, itemn = (self.ident(x) for x in kw["names"].value.split(";"))
                src = first(None if kw["no_start"].value else e.args[1])
                step = lambda x: f"let {itemn} = ({x}).clone(); "  # noqa: E731
                if not kw["no_start"].value:
                    w_line(f"let mut {accn} = {self.expr(e.args[1])};")
                    self.foreach(src, lambda x: w_line(f"{step(x)}{accn} = {self.expr(e.args[2])};"), ln)
                    w_line(accn)
                else:
                    w_line(f"let mut {acc}: Option<{self.rty(e.ty)}> = None;")
                    self.foreach(src, lambda x: w_line(
                        f"{step(x)}{acc} = Some(match {acc}.take() {{ None => {self.expr(e.args[1])}, "
                        f"Some({accn}) => {self.expr(e.args[2])} }});"), ln)
                    msg = rust_str("sum() of no objects: Python returns the int 0 here, which Portalis cannot "
                                   "represent; pass a start value (sum(xs, start))")
                    w_line(f"match {acc} {{ Some(v) => v, None => {{ {self.propagate(f'rt::limit_err({msg}, {ln})')} }} }}")
                return
            if n in ("sum", "math.prod"):
                mul = n == "math.prod"
                unit, bi_op, int_op, f_op = ("1", "bi_mul", "int_mul", "*=") if mul else ("0", "bi_add", "int_add", "+=")
                call = "math.prod(xs, start=1.0)" if mul else "sum(xs, 0.0)"
                src = first(e.args[1] if len(e.args) > 1 else None)
                if e.ty == ir.INT and self.big:
                    start = self.expr(e.args[1]) if len(e.args) > 1 else f"rt::Int::S({unit})"
                    w_line(f"let mut {acc}: rt::Int = {start};")
                    conv = ((lambda x: f"&rt::Int::from({x})") if self.elem_type(src) == ir.BOOL
                            else (lambda x: f"&rt::Int::S({x}.int_value())") if isinstance(self.elem_type(src), ir.EnumT)
                            else (lambda x: f"&{x}"))
                    self.foreach(src, lambda x: w_line(f"{acc} = rt::{bi_op}(&{acc}, {conv(x)});"), ln)
                    w_line(acc)
                elif e.ty == ir.INT:
                    w_line(f"let mut {acc}: i64 = {self.expr(e.args[1]) if len(e.args) > 1 else unit};")
                    as_i = ".int_value()" if isinstance(self.elem_type(src), ir.EnumT) else " as i64"
                    self.foreach(src, lambda x: w_line(f"{acc} = {self.q(f'rt::{int_op}({acc}, {x}{as_i}, {ln})')};"), ln)
                    w_line(acc)
                else:
                    start = e.args[1] if len(e.args) > 1 else None
                    as_f = (lambda x: self.q(f"rt::bi_to_f64(&{x}, {ln})")) \
                        if self.big and self.elem_type(src) == ir.INT else (lambda x: f"{x} as f64")
                    if "int_start" in kw:
                        # sum(floats, 0): Python returns the int start itself when there are no items
                        w_line(f"let mut {acc}: f64 = {self.expr(start)}; let mut _any = false;")
                        self.foreach(src, lambda x: w_line(f"{acc} {f_op} {as_f(x)}; _any = true;"), ln)
                        msg = rust_str(f"{n}() of an empty sequence of floats with an int start: Python returns "
                                       f"the int start here, which Portalis cannot represent; use a float start ({unit}.0)")
                        w_line(f"if !_any {{ {self.propagate(f'rt::limit_err({msg}, {ln})')}; }}")
                    elif start is not None:
                        w_line(f"let mut {acc}: f64 = {self.expr(start)};")
                        self.foreach(src, lambda x: w_line(f"{acc} {f_op} {as_f(x)};"), ln)
                    else:
                        w_line(f"let mut {acc}: f64 = {unit}.0; let mut _any = false;")
                        self.foreach(it, lambda x: w_line(f"{acc} {f_op} {as_f(x)}; _any = true;"), ln)
                        msg = rust_str(f"{n}() of an empty sequence of floats: Python returns the int {unit} here, "
                                       f"which Portalis cannot represent; pass a float start value ({call})")
                        w_line(f"if !_any {{ {self.propagate(f'rt::limit_err({msg}, {ln})')}; }}")
                    w_line(acc)
            elif n in ("any", "all"):
                el = self.elem_type(it)
                w_line(f"let mut {acc} = {'false' if n == 'any' else 'true'};")
                # any/all take one argument (METH_O): even specialised, CPython counts the call
                # the first item that decides it ends the loop (all of them: a generator
                # expression with several `for`s is several loops)
                lab = self.loop_label()
                if n == "any":
                    self.foreach(it, lambda x: w_line(f"if {self.truthy(x, el)} {{ {acc} = true; {self.stop_loop(lab)} }}"),
                                 ln, lab, driver=self.frame_off + 1)
                else:
                    self.foreach(it, lambda x: w_line(f"if !({self.truthy(x, el)}) {{ {acc} = false; {self.stop_loop(lab)} }}"),
                                 ln, lab, driver=self.frame_off + 1)
                w_line(acc)
            elif n == "next.gen":  # the first item, else the default (evaluated before), else StopIteration
                el = self.elem_type(it)
                src = first(kw.get("default"))
                dv = self.t("_dflt")
                if "default" in kw:
                    w_line(f"let {dv} = {self.expr(kw['default'])};")
                w_line(f"let mut {acc}: Option<{self.rty(el)}> = None;")
                lab = self.loop_label()
                self.foreach(src, lambda x: w_line(f"{acc} = Some({x}); {self.stop_loop(lab)}"), ln, lab,
                             driver=self.frame_off + 1)
                if "default" not in kw:
                    stop = self.propagate(f"rt::PyErr::with_args(&rt::STOP_ITERATION, vec![], vec![], {ln})")
                    w_line(f"match {acc} {{ Some(_m) => _m, None => {{ {stop} }} }}")
                elif isinstance(e.ty, ir.OptionT) and not isinstance(el, ir.OptionT):
                    w_line(acc)
                else:
                    w_line(f"match {acc} {{ Some(_m) => _m, None => {dv} }}")
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
                    kcmp = f"_k {better} {_opaque_rs('*_b', kt)}"
                    self.foreach(src, lambda x: w_line(
                        f"let _k = {self.q(f'{kf}(&{x})')}; "
                        f"if match &_bk {{ None => true, Some(_b) => {self.cmp_checked(kcmp, kt)} }} {{ _bk = Some(_k); {acc} = Some({x}); }}"),
                        ln, driver=self.frame_off + 1)
                else:
                    b = _opaque_rs("*_b", el)
                    self.foreach(src, lambda x: w_line(
                        f"if match &{acc} {{ None => true, Some(_b) => {self.cmp_checked(f'{x} {better} {b}', el)} }} {{ {acc} = Some({x}); }}"),
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
                self.sort_call(acc, kw, ln, el)
                w_line(acc)
            elif n == "list.from_iter":
                w_line(f"rt::PyList::from_vec({self.collect(it, e.ty.elem)})")
            elif n in ("counter.from_iter", "counter.count_into"):  # one more of each item
                if n == "counter.from_iter":
                    w_line(f"let {acc} = <{self.rty(e.ty)}>::new_counter();")
                else:  # the receiver is evaluated before the iterable (`c.update(xs)`)
                    w_line(f"let {acc} = {self.expr(kw['into'])};")
                one = self.expr(ir.Const(1, ir.INT, e.span))
                self.foreach(it, lambda x: w_line(f"{self.q(f'{acc}.count_one({x}, &{one}, {ln})')};"), ln)
                w_line(acc if n == "counter.from_iter" else "()")
            elif n == "set.from_iter" and isinstance(it.ty, ir.SetT):  # set_merge: the layout copied
                w_line(f"{self.ref(it)}.copy()")
            elif n == "set.from_iter" and isinstance(it.ty, ir.DictT):  # set(d): one resize first
                w_line(f"rt::PySet::from_dict(&{self.ref(it)})")
            elif n == "set.from_iter":
                w_line(f"let {acc}: {self.rty(e.ty)} = rt::PySet::new();")
                self.foreach(it, lambda x: w_line(f"{acc}.add({x});"), ln)
                w_line(acc)
            elif n == "dict.fromkeys":  # the value once, then one clone (an alias for containers) per key
                src = first(e.args[1])
                fv = self.t("_fv")
                w_line(f"let {acc}: {self.rty(e.ty)} = rt::PyDict::new(); let {fv} = {self.expr(e.args[1])};")
                self.foreach(src, lambda x: w_line(f"{acc}.set_item({x}, {fv}.clone());"), ln)
                w_line(acc)
            elif n == "dict.from_iter":
                w_line(f"let {acc}: {self.rty(e.ty)} = rt::PyDict::new();")
                self.foreach(it, lambda x: w_line(f"{acc}.set_item({x}.0, {x}.1);"), ln)
                w_line(acc)
            elif (n == "str.join" and isinstance(e.args[1], ir.ListLit)
                  and any(pad_part(x) or (isinstance(x, ir.FString) and self.buffer_part(x)) for x in e.args[1].items)):
                w_line(self.join_display_buffer(e.args[0], e.args[1].items))  # no list, no str per item
            elif n == "str.join" and isinstance(e.args[1], ir.ListLit):  # no list: the items
                sep = self.sref(e.args[0])
                w_line(f"rt::str_join({sep}, &[{', '.join(self.expr(x) for x in e.args[1].items)}])")
            elif (n == "str.join" and isinstance(e.args[1], ir.Intrinsic) and e.args[1].name == "list.slice"
                  and e.args[1].args[0].ty == ir.ListT(ir.STR)):  # sep.join(xs[a:b]): no list for the slice
                sep = self.sref(e.args[0])
                a = e.args[1].args
                lst = self.ref(a[0])
                bounds = f"{self.as_i64(a[1])}, {self.as_i64(a[2])}, {self.as_i64(a[3])}"
                w_line(self.q(f"rt::str_join_list_slice({sep}, &{lst}, {bounds}, {e.args[1].span.line})"))
            elif n == "str.join" and isinstance(e.args[1].ty, ir.ListT) and not isinstance(e.args[1], ir.Comprehension):
                w_line(f"rt::str_join_list({self.sref(e.args[0])}, &{self.ref(e.args[1])})")
            elif n == "str.join":
                # the text in the buffer the last f-string or join gave back (rt::fmt_buf)
                w_line(f"let mut {acc} = rt::fmt_buf(0);")
                self.join_into(e, acc)
                w_line(f"rt::Str::from_fmt({acc})")
            else:
                raise EmitError(n, e.span)

        if n == "str.join":
            it = e.args[1]
        return "{\n" + self.sub(fill) + "\n}"
