"""str, list and dict methods, sorting and min/max arguments.
"""

from __future__ import annotations

from portalis import ir
from portalis.codegen.emit.common import EmitError, _has_float, _opaque_rs, rust_str, str_pieces

# str tests with a per-character runtime form (`rt::char_isdigit`, ...) for one-character operands
CHAR_TESTS = frozenset({"isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower"})


def _order_observable(t: ir.Type) -> bool:
    """Whether `<` on values of type t can run user code (a class's __lt__), so that which
    comparisons a sort makes, and in what order, shows in the program's behaviour."""
    return any(isinstance(p, ir.ObjT) for p in ir.type_parts(t))


def _equal_is_same(t: ir.Type) -> bool:
    """Whether two values of type t that compare equal print and behave the same, so that a sort
    of them may be unstable: ints, bools and tuples of them (not floats: 0.0 == -0.0). Strs
    qualify too, but their quicksort instantiation made modules ~3 % larger (fifty_lines.py) for
    little gain: they keep the merge sort."""
    if t in (ir.INT, ir.BOOL):
        return True
    return isinstance(t, ir.TupleT) and all(_equal_is_same(x) for x in t.items)


def _cheap_key(t: ir.Type) -> bool:
    """Whether sort keys of type t compare in a few instructions (numbers, tuples of them): then
    the runtime's unstable sort of (key, position) pairs beats its merge sort (sort_key 1.39x on
    wasm); with str keys the merge sort wins (sort_records 0.79x), making fewer comparisons, unless
    the pairs are the keys' prefix words (`_prefix_key`)."""
    if t in (ir.INT, ir.BOOL, ir.FLOAT):
        return True
    return isinstance(t, ir.TupleT) and all(_cheap_key(x) for x in t.items)


def _prefix_key(t: ir.Type, big: bool) -> bool:
    """Keys the runtime radix-sorts by their prefix words (pyrt/list.rs `SortPrefix`): a str, a
    float, a tuple of 2-3 strs, ints, floats and bools (not big ints)."""
    scalars = (ir.STR, ir.FLOAT, ir.BOOL) if big else (ir.STR, ir.INT, ir.FLOAT, ir.BOOL)
    return t in (ir.STR, ir.FLOAT) or (isinstance(t, ir.TupleT) and 2 <= len(t.items) <= 3 and all(x in scalars for x in t.items))


def _int_key(t: ir.Type) -> bool:
    """Keys the runtime radix-sorts (pyrt/radix.rs `RadixKey`): an int, a tuple of 2-3 ints."""
    return t == ir.INT or (isinstance(t, ir.TupleT) and 2 <= len(t.items) <= 3 and all(x == ir.INT for x in t.items))


class _MethodsMixin:
    """Part of `_FnEmitter` (codegen/emit/function.py)."""

    def sort_call(self, lst: str, kw: dict, ln: int, el: ir.Type) -> None:
        rev = self.expr(kw["reverse"]) if "reverse" in kw else "false"
        # when `<` on the sort keys can run user code (__lt__), the runtime sorts with CPython's
        # own algorithm (pyrt/timsort.rs): same comparisons, same order, same state on an error
        kt = kw["key"].ty.ret if "key" in kw else el
        obs = ("_observed_nan" if _has_float(kt) else "_observed") if _order_observable(kt) else ""
        if "key" in kw:
            kf = self.t("_kf")
            key = self.at_off(self.frame_off + 1, lambda: self.expr(kw["key"]))  # called by list.sort
            self.w.line(f"let mut {kf} = {key};", ln)
            if _int_key(kt) and not self.big:
                # a radix sort (of the items with their keys when they are plain values)
                how = "sort_by_int_key_copy" if self.copy(el) else "sort_by_int_key"
            elif not obs and _prefix_key(kt, self.big):
                how = "sort_by_prefix_key"  # a radix sort of the keys' prefix words
            elif not obs and _cheap_key(kt):
                how = "sort_by_num_key"
            else:
                how = f"sort_by_key{obs}"
            self.w.line(f"{self.q(f'{lst}.{how}(&mut {kf}, {rev}, {ln})')};", ln)
        elif el == ir.INT and not self.big:
            self.w.line(f"{lst}.sort_ints({rev});", ln)  # a radix sort
        elif not obs and _equal_is_same(el):
            # equal items are indistinguishable: std's unstable sort (fewer moves than its merge
            # sort) gives the stable sort's result
            self.w.line(f"{self.q(f'{lst}.sort_unstable_ok({rev}, {ln})')};", ln)
        else:
            self.w.line(f"{self.q(f'{lst}.sort{obs}({rev}, {ln})')};", ln)

    def elem_type(self, it: ir.Expr) -> ir.Type:
        t = it.ty
        if isinstance(t, (ir.ListT, ir.SetT, ir.DequeT, ir.IterT)):
            return t.elem
        if isinstance(t, ir.DictT):
            return t.key
        if t == ir.STR:
            return ir.STR
        if isinstance(t, ir.TupleT):
            return t.items[0]
        raise EmitError(f"not iterable: {t}", it.span)

    def cmp_checked(self, cmp: str, t: ir.Type) -> str:
        """A comparison of min/max: when it can run user code (__lt__), an exception it raises
        stops min/max at once, as in CPython (otherwise it would stay pending while later items
        are compared)."""
        return self.q(f"rt::ret({cmp})") if _order_observable(t) else cmp

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
                code += (f" let _k = {self.q(f'{kf}(&{v})')}; if {self.cmp_checked(f'_k {better} {kb}', kw['key'].ty.ret)}"
                         f" {{ _bk = _k; _best = {v}; }}")
            return code + " _best }"
        code = f"{{ {lets} let mut _best = {vals[0]};"
        best = _opaque_rs("_best", e.ty)
        for v in vals[1:]:
            code += f" if {self.cmp_checked(f'{v} {better} {best}', e.ty)} {{ _best = {v}; }}"
        return code + " _best }"

    def split_args(self, e: ir.Intrinsic) -> str:
        """`s, sep, maxsplit` of a str.split/rsplit call, as the runtime's split functions take them."""
        return f"{self.split_text_sep(e)}, {self.as_i64(e.args[2], 'ssize')}"

    def split_text_sep(self, e: ir.Intrinsic) -> str:
        """`s, sep` of a str.split/rsplit call (see split_args)."""
        a = e.args
        s = self.src_ref(a[0])
        sep = a[1]
        if isinstance(sep, ir.Coerce) and sep.expr.ty != ir.NONE:  # (a call that returns None: as_deref below)
            sep_code = f"Some({self.sref(sep.expr)})"  # a literal as it is, a local not cloned
        else:
            sep_code = "None" if isinstance(sep, ir.Const) else f"{self.expr(sep)}.as_deref()"
        return f"{s}, {sep_code}"

    @staticmethod
    def split_unpack_from(e: ir.Expr) -> tuple[ir.Intrinsic, str, int] | None:
        """`s.rsplit(...)`, or `s.split(...)[k:]` / `s.rsplit(...)[k:]` with a constant `k`, being
        unpacked: (the split call, "true" for rsplit, k). None: another list."""
        start = 0
        if (isinstance(e, ir.Intrinsic) and e.name == "list.slice" and isinstance(e.args[0], ir.Intrinsic)
                and e.args[0].name in ("str.split", "str.rsplit")
                and all(isinstance(b, ir.Const) and b.value is None for b in e.args[2:4])):
            lo = e.args[1]
            if isinstance(lo, ir.Coerce):
                lo = lo.expr
            if not (isinstance(lo, ir.Const) and type(lo.value) is int and -(2**31) < lo.value < 2**31):
                return None
            start, e = lo.value, e.args[0]
        elif not (isinstance(e, ir.Intrinsic) and e.name == "str.rsplit"):
            return None
        assert isinstance(e, ir.Intrinsic)
        return e, "true" if e.name == "str.rsplit" else "false", start

    def lazy_pieces(self, it: ir.Expr) -> str | None:
        """`s.split(sep)` (no maxsplit) or `s.splitlines()` looped over: an `rt::Pieces` that
        makes the pieces as the loop takes them (no list). None: not one of these."""
        if not isinstance(it, ir.Intrinsic):
            return None
        if it.name == "str.split" and isinstance(it.args[2], ir.Const) and it.args[2].value == -1:
            return self.q(f"rt::Pieces::split({self.split_text_sep(it)}, {it.span.line})")
        if it.name == "str.splitlines":
            return f"rt::Pieces::lines({self.src_ref(it.args[0])})"
        return None

    def str_method(self, e: ir.Intrinsic) -> str:
        m = e.name[4:]
        ln = e.span.line
        a = e.args
        s = self.src_ref(a[0])
        X = self.expr
        q = self.q
        if m in CHAR_TESTS and self.is_char_text(a[0]):
            return f"rt::char_{m}({self.char_operand(a[0])})"  # one character: no text made
        if m in ("upper", "lower", "title", "capitalize", "swapcase", "casefold", "isdigit", "isalpha", "isalnum",
                 "isspace", "isupper", "islower", "isdecimal", "isnumeric", "istitle", "isascii", "isprintable",
                 "splitlines"):
            return f"rt::str_{m}({s})"
        if m == "expandtabs":  # tabsize is a C int in CPython: the runtime raises its OverflowError
            n = f"rt::bi_clamp_i64(&{self.ref(a[1])})" if self.big else X(a[1])
            return q(f"rt::str_expandtabs({s}, {n}, {ln})")
        if m in ("removeprefix", "removesuffix"):
            return f"rt::str_{m}({s}, {self.sref(a[1])})"
        if m in ("split", "rsplit"):
            return q(f"rt::str_{m}({self.split_args(e)}, {ln})")
        if m in ("strip", "lstrip", "rstrip"):
            return f"rt::str_{m}({s}, {self.strip_chars(a[1])})"
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
            t = a[0]
            if isinstance(t, ir.Intrinsic) and t.name == "str" and t.args[0].ty == ir.INT and not self.big:
                # `str(n).zfill(w)` of an int: the digits zero-filled, no `Str` of them made first
                return f"rt::int_zfill({X(t.args[0])}, {self.as_i64(a[1], 'ssize')})"
            return f"rt::str_zfill({s}, {self.as_i64(a[1], 'ssize')})"
        if m in ("partition", "rpartition"):
            return q(f"rt::str_{m}({s}, {self.sref(a[1])}, {ln})")
        if m == "repeat":
            if dict(e.kwargs).get("count_first"):
                return q(f"{{ let _n: i64 = {self.as_i64(a[1])}; rt::str_repeat_checked({s}, _n, {ln}) }}")
            return q(f"rt::str_repeat_checked({s}, {self.as_i64(a[1])}, {ln})")
        if m == "getitem":
            sh, idx = self.str_getitem(e)
            return q(f"rt::str_index_hint({sh}, {idx}, {ln})")
        if m == "slice":
            bounds = f"{self.as_i64(a[1])}, {self.as_i64(a[2])}, {self.as_i64(a[3])}"
            if isinstance(a[0], ir.Local):  # the hoisted ASCII hint, or the one a Str caches
                hint = self.ascii_hints.get(a[0].name, f"{self.ident(a[0].name)}.is_ascii()")
                return q(f"rt::str_slice_hint({s}, {hint}, {bounds}, {ln})")
            return q(f"rt::str_slice({s}, {bounds}, {ln})")
        raise EmitError(f"str.{m}", e.span)

    def list_method(self, e: ir.Intrinsic) -> str:
        m = e.name[5:]
        ln = e.span.line
        a = e.args
        X, R = self.expr, self.ref
        q = self.q
        if m == "getitem" and (k := self.view_index_in(a[0], a[1])) is not None:
            return f"rt::vget_in({self.list_views[a[0].name]}, {k})"
        if m == "getitem" and isinstance(a[0], ir.Local) and a[0].name in self.list_views:
            idx = self.as_i64(a[1], "index")
            return q(f"rt::vget({self.list_views[a[0].name]}, {idx}, {ln})")
        sliced = self.split_unpack_from(a[0]) if m == "unpack" else None
        if sliced is not None:
            # a, b = s.rsplit(sep, k) / a, b = s.split(sep, k)[1:]: the pieces, no list or slice
            sp, rev, start = sliced
            n = a[1].value  # type: ignore[attr-defined]
            names = ", ".join(f"_u{i}" for i in range(n))
            call = q(f"rt::str_split_unpack_from::<{n}>({self.split_args(sp)}, {rev}, {start}_i64, {ln})")
            return f"{{ let [{names}] = {call}; ({names}{',' if n == 1 else ''}) }}"
        if m == "unpack" and isinstance(a[0], ir.Intrinsic) and a[0].name == "str.split":
            # a, b = s.split(sep): the pieces themselves, no list
            n = a[1].value  # type: ignore[attr-defined]
            names = ", ".join(f"_u{i}" for i in range(n))
            call = q(f"rt::str_split_unpack::<{n}>({self.split_args(a[0])}, {ln})")
            # an array pattern moves the pieces out (no array iterator)
            return f"{{ let [{names}] = {call}; ({names}{',' if n == 1 else ''}) }}"
        if (m == "getitem" and isinstance(a[0], ir.Intrinsic) and a[0].name == "str.split"
                and isinstance(a[1], ir.Const) and type(a[1].value) is int and a[1].value >= -1):
            # s.split(sep)[k]: the piece itself, no list
            return q(f"rt::str_split_nth({self.split_args(a[0])}, {a[1].value}, {ln})")
        if m in ("repeat", "concat"):
            fresh = self.fresh_vec(e)
            if fresh is not None:
                return f"rt::PyList::from_vec({fresh})"
        if m == "getitem" and (item := self.piece_item(e)) is not None:
            return f"{item}.clone()"
        lst = self.ref(a[0])
        if m == "getitem":
            idx = self.as_i64(a[1], "index")
            return q(f"{lst}.get({idx}, {ln})")
        if m == "slice":
            return q(f"{lst}.slice({self.as_i64(a[1])}, {self.as_i64(a[2])}, {self.as_i64(a[3])}, {ln})")
        if m == "append" and isinstance(a[0], ir.Local) and a[0].name in self.joinbufs:
            # the item written into the joined text, after the separator (common._joinbuf_locals)
            jb = self.ident(a[0].name)
            sep = self.joinbufs[a[0].name]
            put = [f"{jb}.next({rust_str(sep)});"]
            # a `+` chain of strs: each operand written in turn, in Python's order (as
            # `str_chain_buffer`); no walrus in it (it could rebind a local read before it)
            parts = str_pieces(a[1])
            if any(isinstance(n, ir.AssignExpr) for n in ir.walk(a[1])):
                parts = [a[1]]
            for p in parts:
                put += self.into_buffer(p, f"{jb}.text")
            return "{ " + " ".join(put) + " }"
        if m == "append":
            v = self.t("_v")
            return f"{{ let {v} = {X(a[1])}; {lst}.append({v}) }}"
        if m == "extend":
            if isinstance(a[1].ty, ir.ListT) and not ir.is_generator(a[1]):
                return f"{lst}.extend(&{self.ref(a[1])})"
            if ir.is_generator(a[1]):
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
            if m == "index_in":  # xs.index(x, start[, stop]): positions clamp like slice bounds
                return self.from_i64(self.needle_search(
                    a[1], q(f"{lst}.index_of_in(_nd, {self.as_i64(a[2])}, {self.as_i64(a[3])}, {ln})"), ln))
            return self.search(lst, m, a[1], ln)
        if m == "sort":
            return "{\n" + self.sub(lambda: self.sort_call(lst, dict(e.kwargs), ln, a[0].ty.elem)) + "\n}"
        if m in ("reverse", "clear", "copy"):
            return f"{lst}.{m}()"
        if m == "concat":
            return f"{lst}.concat(&{self.ref(a[1])})"
        if m == "unpack_star":  # a, *b, c = xs: at least before + after items, else ValueError
            nb, na = a[1].value, a[2].value  # type: ignore[attr-defined]
            items = ["_h.next().unwrap()"] * nb + ["_m"] + ["_t.next().unwrap()"] * na
            return (f"{{ let (_h, _m, _t) = {q(f'rt::list_unpack_star(&{lst}, {nb}, {na}, {ln})')}; "
                    f"let mut _h = _h.into_iter(); let mut _t = _t.into_iter(); ({', '.join(items)}{',' if len(items) == 1 else ''}) }}")
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

    def fresh_vec(self, e: ir.Expr) -> str | None:
        """The items of a list no one else sees yet, as a `Vec` built in place: a display, or
        `*` / `+` whose left operand is one (`[0] * n`, `[i] + [0] * n`): one allocation, not
        one per intermediate list. None for any other list. The operands keep their order (the
        display's items, then the count or the right operand; `n * [x]`: the count first)."""
        if not _fresh_list(e):
            return None
        if isinstance(e, ir.ListLit):
            return f"vec![{', '.join(self.expr(i) for i in e.items)}]"
        assert isinstance(e, ir.Intrinsic)
        a = e.args
        if e.name == "list.repeat":
            one = a[0]
            count_first = dict(e.kwargs).get("count_first")
            n = self.t("_n") if count_first else ""
            let = f"let {n}: i64 = {self.as_i64(a[1])};" if count_first else ""
            if isinstance(one, ir.ListLit) and len(one.items) == 1:  # [x] * n: no one-item Vec
                call = f"rt::vec_fill({self.expr(one.items[0])}, {n or self.as_i64(a[1])})"
            else:
                call = f"rt::vec_repeat({self.fresh_vec(one)}, {n or self.as_i64(a[1])})"
            return f"{{ {let} {call} }}" if count_first else call
        head, tail = a
        if (isinstance(head, ir.ListLit) and isinstance(tail, ir.Intrinsic) and tail.name == "list.repeat"
                and not dict(tail.kwargs).get("count_first") and isinstance(tail.args[0], ir.ListLit)
                and len(tail.args[0].items) == 1):  # [i] + [0] * n: one Vec of the final size
            items = ", ".join(self.expr(i) for i in head.items)
            return (f"rt::vec_prefixed([{items}], {self.expr(tail.args[0].items[0])}, "
                    f"{self.as_i64(tail.args[1])})")
        inner = self.fresh_vec(a[0])
        if _fresh_list(a[1]):
            return f"rt::vec_chain({inner}, {self.fresh_vec(a[1])})"
        return f"rt::vec_concat({inner}, &{self.ref(a[1])})"

    def deque_method(self, e: ir.Intrinsic) -> str:
        """`collections.deque` (runtime `PyDeque`, pyrt/deque.rs)."""
        m = e.name[6:]
        ln = e.span.line
        a = e.args
        X, R, q = self.expr, self.ref, self.q
        if m in ("new", "from_iter"):
            mx = a[-1]
            maxlen = "None" if isinstance(mx, ir.Const) and mx.value is None else f"Some({self.as_i64(mx, 'ssize')})"
            el = self.rty(e.ty.elem)
            if m == "new":
                return q(f"rt::PyDeque::<{el}>::with_items(Vec::new(), {maxlen}, {ln})")
            # CPython: the iterable (a container here, or a lazy one with a literal maxlen:
            # analyzers.builtins.deque_new), then maxlen is checked, then the items are taken
            check = f"let _mx: Option<i64> = {q(f'rt::deque_maxlen({maxlen}, {ln})')};"
            if not isinstance(a[0].ty, (ir.ListT, ir.DequeT, ir.SetT, ir.DictT, ir.TupleT)) and a[0].ty != ir.STR:
                return f"{{ {check} {q(f'rt::PyDeque::with_items({self.collect(a[0], e.ty.elem)}, _mx, {ln})')} }}"
            src, local = self.temp_local("dqs", a[0].ty, a[0].span)
            return (f"{{ let {src} = {X(a[0])}; {check} "
                    f"{q(f'rt::PyDeque::with_items({self.collect(local, e.ty.elem)}, _mx, {ln})')} }}")
        d = R(a[0])
        if m in ("append", "appendleft"):
            v = self.t("_v")
            return f"{{ let {v} = {X(a[1])}; {d}.{m}({v}) }}"
        if m in ("extend", "extendleft"):
            if ir.is_generator(a[1]):
                # CPython takes a generator's items one by one: it sees the deque change
                tgt = self.t("_xd")
                put = "append" if m == "extend" else "appendleft"
                return "{\n" + self.sub(lambda: (
                    # maxlen 0: CPython runs the generator to its end and keeps nothing
                    self.w.line(f"let {tgt} = {self.expr(a[0])}; let _keep = {tgt}.maxlen() != Some(0);", ln),
                    self.foreach(a[1], lambda x: self.w.line(f"if _keep {{ {tgt}.{put}({x}); }}", ln), ln,
                                 driver=self.frame_off + 1))) + "\n}"
            # any other iterable's items are all known before the first is added (a deque
            # extended with itself: CPython copies it first)
            return f"{d}.{m}_vec({self.collect(a[1], a[0].ty.elem)})"
        if m in ("pop", "popleft"):
            return q(f"{d}.{m}({ln})")
        if m == "getitem":
            return q(f"{d}.get({self.as_i64(a[1], 'index')}, {ln})")
        if m == "rotate":
            return f"{d}.rotate({self.as_i64(a[1], 'ssize')})"
        if m == "insert":
            return q(f"{d}.insert({self.as_i64(a[1], 'ssize')}, {X(a[2])}, {ln})")
        if m in ("clear", "reverse", "copy"):
            return f"{d}.{m}()"
        if m == "maxlen":
            return f"{d}.maxlen()" if not self.big else f"{d}.maxlen().map(rt::Int::S)"
        if m in ("remove", "index", "count"):
            return self.search(d, m, a[1], ln)
        raise EmitError(f"deque.{m}", e.span)

    def search(self, seq: str, m: str, needle: ir.Expr, ln: int) -> str:
        """`seq.remove(x)` / `seq.index(x)` / `seq.count(x)` of a list or deque (the runtime's
        `remove` / `index_of` / `count`)."""
        q = self.q
        call = f"{seq}.count(_nd)" if m == "count" else q(f"{seq}.{'index_of' if m == 'index' else m}(_nd, {ln})")
        code = self.needle_search(needle, call, ln)
        return self.from_i64(code) if m != "remove" else code

    def needle_search(self, needle: ir.Expr, call: str, ln: int) -> str:
        """`call` (which reads `_nd`) with the needle evaluated once into `_nd`, then NaN-checked
        if it may hold a float (CPython's identity check would find a NaN; Portalis stops)."""
        guard = f"{self.q(f'rt::no_nan(_nd, {ln})')}; " if _has_float(needle.ty) else ""
        return f"{{ let _nd = &{self.ref(needle)}; {guard}{call} }}"

    def dict_method(self, e: ir.Intrinsic) -> str:
        m = e.name[5:]
        ln = e.span.line
        a = e.args
        X, R = self.expr, self.ref
        q = self.q
        d = self.ref(a[0])
        lk = self.lit_key(a[0].ty, a[1]) if len(a) > 1 else None
        kh = self.key_hashed(e)
        if kh is not None:  # a str local's hash computed once (codegen/emit/keyhash.py)
            k = f"&{self.ident(a[1].name)}, {kh}"
            if m == "getitem":
                return q(f"{d}.get_item_h({k}, {ln})")
            if m == "get":
                return f"{d}.get_h({k})"
            return f"{d}.get_or_h({k}, {X(a[2])})"
        if m == "getitem":
            if lk:
                return q(f"{d}.get_item_lit(&{lk}, {ln})")
            return q(f"{d}.get_item(&{R(a[1])}, {ln})")
        if m == "get":
            if lk:
                return f"{d}.get_lit(&{lk})"
            return f"{d}.get(&{R(a[1])})"
        if m == "get_or":
            if lk:
                return f"{d}.get_or_lit(&{lk}, {X(a[2])})"
            return f"{d}.get_or(&{R(a[1])}, {X(a[2])})"
        if m == "setdefault":
            if _effect_free(a[2]):
                # `d.setdefault(k, [])`: the default is made, and the key cloned, only when
                # the key is missing (making it has no effect CPython could show)
                return f"{d}.setdefault_with(&{R(a[1])}, || {X(a[2])})"
            return f"{d}.setdefault({X(a[1])}, {X(a[2])})"
        if m == "pop":
            return q(f"{d}.pop(&{R(a[1])}, {ln})")
        if m == "pop_or":
            return f"{d}.pop_or(&{R(a[1])}, {X(a[2])})"
        if m == "popitem":
            return q(f"{d}.popitem({ln})")
        if m == "update":  # a Counter adds the counts
            return q(f"{d}.update_from(&{self.ref(a[1])}, {ln})")
        if m == "most_common":
            n = f"Some({self.as_i64(a[1])})" if len(a) > 1 else "None"
            return q(f"{d}.most_common({n}, {ln})")
        if m == "total":
            return q(f"{d}.total({ln})")
        if m == "merged":  # a new dict (a[0] is always one: a literal or another merge) updated with a[1]
            return f"{{ let _m = {self.expr(a[0])}; _m.update(&{self.ref(a[1])}); _m }}"
        if m in ("type_name", "qual_type_name"):  # "defaultdict" / "collections.defaultdict" for one
            return f"{d}.{m}()"
        if m in ("copy", "copy_plain", "clear"):
            return f"{d}.{m}()"
        if m in ("items", "keys", "values"):  # as a value (printing): a view, `dict_keys([...])`
            src, local = self.temp_local("dv", a[0].ty, a[0].span)  # the dict, evaluated once
            view = ir.Intrinsic(e.name, (local,), e.ty, e.span)
            return (f"{{ let {src} = {X(a[0])}; rt::DictView({src}.view_name(\"{m}\"), "
                    f"rt::PyList::from_vec({self.collect(view, e.ty.elem)})) }}")
        if m == "move_to_end":  # a dict's AttributeError comes before the arguments are evaluated
            return (f"{{ let _od = &{d}; {q(f'_od.odict_only({chr(34)}move_to_end{chr(34)}, {ln})')}; "
                    f"{q(f'_od.move_to_end(&{R(a[1])}, {X(a[2])}, {ln})')} }}")
        if m == "popitem_last":
            by_kw = "true" if dict(e.kwargs).get("by_keyword") else "false"
            return q(f"{d}.popitem_last({X(a[1])}, {by_kw}, {ln})")
        raise EmitError(f"dict.{m}", e.span)


def _effect_free(e: ir.Expr) -> bool:
    """A constant, or a display of constants: making it cannot fail, print or change anything."""
    if isinstance(e, ir.Const):
        return True
    if isinstance(e, (ir.ListLit, ir.SetLit, ir.TupleLit)):
        return all(isinstance(x, ir.Const) for x in e.items)
    if isinstance(e, ir.DictLit):
        return all(isinstance(k, ir.Const) and isinstance(v, ir.Const) for k, v in e.items)
    return False


def _fresh_list(e: ir.Expr) -> bool:
    """A non-empty list display, or `*` / `+` with one on the left (see `fresh_vec`)."""
    if isinstance(e, ir.ListLit):
        return bool(e.items)
    return isinstance(e, ir.Intrinsic) and e.name in ("list.repeat", "list.concat") and _fresh_list(e.args[0])
