"""Values of more than one type: `ir.UnionT` (`int | float`, `str | None | list[str]`,
`object`, the values of a JSON-like `dict[str, object]`).

Owns the canonical form of a union (`make_union`), what may flow into one (`accepts`), the
result types of operators on union operands (`binop_result`, `orderable`), `isinstance`
masks, and `UnionMixin`, the part of `analyzers.lower.FunctionLowerer` that lowers operations
on union values: boxing (`Coerce` into a union), unboxing where every member has the one type
an operation needs (a union of one type, or a name narrowed by `isinstance`), and the
refusal, at the line of the operation, of anything not defined for every member
(`union-not-narrowed`), or that would copy a list or dict into a union where Python shares it
(`union-container-copy`). A union that is only `X | None` stays an `OptionT`. Must not emit
Rust; the run-time side is `codegen/runtime/pyrt/dynval.rs` (`rt::Obj`).
"""

from __future__ import annotations

from typing import Any, Iterable

import libcst as cst

from portalis import ir
from portalis.analyzers.types import TVar, prune, show, unify

OBJECT = ir.UnionT(())

_RANK = {"bool": 1, "int": 2, "float": 3, "str": 4, "None": 7}

# isinstance() class -> the bits of codegen/runtime/pyrt/dynval.rs (OBJ_*)
ISINSTANCE_BITS = {"NoneType": 1, "bool": 2, "int": 4, "float": 8, "str": 16, "list": 32, "dict": 64}


class UnionError(Exception):
    """A type that cannot be a member of a union (tuples, sets, exceptions, non-str dict keys)."""


def _rank(t: ir.Type) -> int:
    if isinstance(t, ir.Prim):
        return _RANK[t.name]
    return 5 if isinstance(t, ir.ListT) else 6


def kind(t: Any) -> str:
    """The Python class name of a member type (`list`, `dict`, `int`, `NoneType`, ...)."""
    t = prune(t)
    if isinstance(t, ir.ListT):
        return "list"
    if isinstance(t, ir.DictT):
        return "dict"
    if t == ir.NONE:
        return "NoneType"
    return str(t)


def members(t: Any) -> tuple[ir.Type, ...] | None:
    """The member types of `t` as a union would hold them (None: `object`, any type)."""
    t = prune(t)
    if isinstance(t, ir.UnionT):
        return t.members if t.members else None
    if isinstance(t, ir.OptionT):
        inner = members(t.inner)
        return None if inner is None else _canon([*inner, ir.NONE])
    m = _member(t)
    return None if isinstance(m, ir.UnionT) else (m,)


def box(t: Any) -> ir.UnionT:
    """`t` as the element type of a list (or value type of a dict) inside a union: always a
    `UnionT` (one member is fine), so that the list is a `PyList<Obj>` that an `Obj` can hold."""
    t = prune(t)
    if isinstance(t, TVar):
        unify(t, OBJECT)  # an element type nothing told us (`[]` in a mixed literal): any value
        return OBJECT
    if isinstance(t, ir.UnionT):
        return t
    ms = members(t)
    return OBJECT if ms is None else ir.UnionT(ms)


def _member(t: Any) -> ir.Type:
    t = prune(t)
    if isinstance(t, ir.Prim):
        return t
    if isinstance(t, ir.ListT):
        return ir.ListT(box(t.elem))
    if isinstance(t, ir.DictT):
        if prune(t.key) != ir.STR and not isinstance(prune(t.key), TVar):
            raise UnionError(f"a dict with {show(t.key)} keys cannot be one of several types (only str keys)")
        if isinstance(prune(t.key), TVar):
            unify(t.key, ir.STR)
        return ir.DictT(ir.STR, box(t.val))
    if isinstance(t, TVar):
        if t.origin == "error":
            raise UnionError("a value whose type is not known")
        unify(t, OBJECT)  # nothing says what it holds (`None` in `{"k": None}`): any value
        return OBJECT
    raise UnionError(f"{show(t)} values cannot be one of several types yet")


def _canon(ms: Iterable[ir.Type]) -> tuple[ir.Type, ...]:
    out: dict[str, ir.Type] = {}
    lists: list[ir.Type] = []
    dicts: list[ir.Type] = []
    for m in ms:
        if isinstance(m, ir.ListT):
            lists.append(m.elem)
        elif isinstance(m, ir.DictT):
            dicts.append(m.val)
        else:
            out.setdefault(str(m), m)
    # lists (dicts) of different element types are one member: at run time they are all
    # `PyList<Obj>`, and isinstance() cannot tell them apart either
    if lists:
        e = make_union(lists)
        out["list"] = ir.ListT(box(e))
    if dicts:
        v = make_union(dicts)
        out["dict"] = ir.DictT(ir.STR, box(v))
    return tuple(sorted(out.values(), key=_rank))


def make_union(types: Iterable[Any]) -> ir.Type:
    """The type of a value that may have any of `types`: a plain type when they are one type,
    `X | None` as an `OptionT`, else a canonical `UnionT`. Raises UnionError."""
    types = [prune(t) for t in types]
    plain: list[Any] = []
    for t in types:
        for x in ([prune(t.inner), ir.NONE] if isinstance(t, ir.OptionT) else [t]):
            if not any(x is y or x == y for y in plain):
                plain.append(x)
    others = [x for x in plain if x != ir.NONE]
    try:
        return _make_union(types)
    except UnionError:
        # `X | None` (or X alone) where X is, or holds, a type a union cannot hold (an object,
        # an enum member, a named tuple, a tuple, a set, a list of objects): an Optional, as
        # every `X | None` was before unions
        if len(others) == 1 and not isinstance(others[0], (ir.UnionT, TVar)):
            return ir.OptionT(others[0]) if len(plain) == 2 else others[0]
        raise


def _make_union(types: list[Any]) -> ir.Type:
    flat: list[ir.Type] = []
    originals: dict[str, ir.Type] = {}
    for t in types:
        ms = members(t)
        if ms is None:
            return OBJECT
        flat.extend(ms)
        if not isinstance(t, (ir.UnionT, ir.OptionT)):
            originals.setdefault(str(_member(t)), t)
    ms = _canon(flat)
    if len(ms) == 1:
        return originals.get(str(ms[0]), ms[0])
    if len(ms) == 2 and ms[1] == ir.NONE:
        return ir.OptionT(originals.get(str(ms[0]), ms[0]))
    return ir.UnionT(ms)


def is_union(t: Any) -> bool:
    return isinstance(prune(t), ir.UnionT)


def accepts(w: ir.UnionT, have: Any) -> bool:
    """A value of type `have` may be stored where a `w` is expected without a copy or a check.
    A bool is not taken for an int: `isinstance(x, int)` would narrow it to an int, which
    prints differently."""
    have = prune(have)
    if isinstance(have, TVar):
        return False
    try:
        hm = members(have)
    except UnionError:
        return False
    if not w.members:
        return True
    if hm is None:
        return False
    wk = {str(m): m for m in w.members}
    for m in hm:
        if str(m) in wk:
            continue
        k = kind(m)
        same = [x for x in w.members if kind(x) == k]
        if k == "list" and same and _elem_accepts(same[0].elem, m.elem):
            continue
        if k == "dict" and same and _elem_accepts(same[0].val, m.val):
            continue
        return False
    return True


def _elem_accepts(w: Any, have: Any) -> bool:
    w = prune(w)
    return isinstance(w, ir.UnionT) and accepts(w, have)


def none_inside(t: Any) -> bool:
    """A union value (or an Optional of one: `d.get(k)` of a `dict[str, object]`) that may be
    None as an `Obj` (so `is None` must look inside it)."""
    t = prune(t)
    if isinstance(t, ir.OptionT):
        t = prune(t.inner)
    return isinstance(t, ir.UnionT)


def single(t: Any) -> ir.Type | None:
    """The one type every member of union `t` has (a union of one type), else None."""
    t = prune(t)
    if isinstance(t, ir.UnionT) and len(t.members) == 1:
        return t.members[0]
    return None


# ---------------------------------------------------------------- operator result types

_NUM = ("bool", "int", "float")


def binop_result(op: str, a: ir.Type, b: ir.Type) -> ir.Type | None:
    """The type of `a op b` for member types `a`, `b` as CPython computes it, or None when
    CPython raises TypeError for that pair."""
    ka, kb = kind(a), kind(b)
    if ka in _NUM and kb in _NUM:
        if op in ("&", "|", "^") and ka == kb == "bool":
            return ir.BOOL
        if "float" in (ka, kb):
            return None if op in ("<<", ">>", "&", "|", "^") else ir.FLOAT
        if op == "/":
            return ir.FLOAT
        if op == "**":
            return make_union([ir.INT, ir.FLOAT])  # a negative exponent gives a float
        return ir.INT
    if op == "+" and ka == kb and ka in ("str", "list"):
        if ka == "str":
            return ir.STR
        return ir.ListT(box(make_union([a.elem, b.elem])))
    if op == "*" and {ka, kb} <= {"str", "int", "bool"} and "str" in (ka, kb) and ka != kb:
        return ir.STR
    if op == "*" and "list" in (ka, kb) and ({ka, kb} - {"list"}) <= {"int", "bool"} and ka != kb:
        return a if ka == "list" else b
    return None


def orderable(a: ir.Type, b: ir.Type) -> bool:
    """CPython defines `<` between values of member types `a` and `b`."""
    ka, kb = kind(a), kind(b)
    if ka in _NUM and kb in _NUM:
        return True
    if ka == kb == "str":
        return True
    if ka == kb == "list":
        ea, eb = prune(a.elem), prune(b.elem)
        ma, mb = members(ea), members(eb)
        if ma is None or mb is None:
            return False
        return all(orderable(x, y) for x in ma for y in mb)
    return False


def all_members() -> tuple[ir.Type, ...]:
    """What `object` may hold, for checking an operation on it."""
    return (ir.NONE, ir.BOOL, ir.INT, ir.FLOAT, ir.STR, ir.ListT(OBJECT), ir.DictT(ir.STR, OBJECT))


def member_list(t: Any) -> tuple[ir.Type, ...]:
    ms = members(t)
    return all_members() if ms is None else ms


# ---------------------------------------------------------------- lowering


class UnionMixin:
    """Part of `FunctionLowerer`: operations on union values. Each `union_*` method returns an
    IR expression, or None when its operands hold no union (the caller goes on)."""

    narrowed: dict[str, Any]
    _rebinding: list[str] = []

    def union_refuse(self, msg: str, node: cst.CSTNode | None, span: Any = None) -> ir.Expr:
        if node is None:
            self.err_at("union-not-narrowed", msg, span)
            return ir.Const(None, TVar("error"), span)
        return self.err("union-not-narrowed", msg, node)

    def box_to(self, e: ir.Expr, w: ir.UnionT, node: cst.CSTNode, what: str) -> ir.Expr | None:
        """`e` stored where a union `w` is expected (None: it does not fit)."""
        have = prune(e.ty)
        if isinstance(have, ir.UnionT):
            return ir.Coerce(e, w, e.span) if accepts(w, have) else None
        if isinstance(have, (ir.ListT, ir.DictT)):
            if isinstance(e, ir.ListLit) and isinstance(have, ir.ListT):
                we = self._container_member(w, "list")
                if we is None:
                    return None
                items = []
                for i in e.items:
                    b = self.box_to(i, we.elem, node, what)
                    if b is None:
                        return None
                    items.append(b)
                return ir.Coerce(ir.ListLit(tuple(items), we, e.span), w, e.span)
            if isinstance(e, ir.DictLit) and isinstance(have, ir.DictT):
                wd = self._container_member(w, "dict")
                if wd is None or (e.items and prune(have.key) != ir.STR):
                    return None
                pairs = []
                for k, v in e.items:
                    b = self.box_to(v, wd.val, node, what)
                    if b is None:
                        return None
                    pairs.append((k, b))
                return ir.Coerce(ir.DictLit(tuple(pairs), wd, e.span), w, e.span)
            if not accepts(w, have):
                return None
            same = self._container_member(w, kind(have))
            if same is not None and show(same) == show(have) and isinstance(
                    prune(have.elem if isinstance(have, ir.ListT) else have.val), ir.UnionT):
                return ir.Coerce(e, w, e.span)  # a list[union] is already a PyList<Obj>: shared as it is
            self.err("union-container-copy", f"{what}: a {show(have)} cannot be stored as one of several types "
                     f"without copying it (Python shares it); annotate it as `{show(ir.ListT(OBJECT)) if isinstance(have, ir.ListT) else 'dict[str, object]'}` "
                     "(or a union element type) where it is made", node)
            return ir.Const(None, TVar("error"), e.span)
        if isinstance(have, TVar):
            return None
        if accepts(w, have):
            return ir.Coerce(e, w, e.span)
        return None

    def _container_member(self, w: ir.UnionT, k: str) -> Any:
        if not w.members:
            return ir.ListT(OBJECT) if k == "list" else ir.DictT(ir.STR, OBJECT)
        for m in w.members:
            if kind(m) == k:
                return m
        return None

    def retype_literal(self, e: ir.Expr, w: Any, node: cst.CSTNode, what: str) -> ir.Expr | None:
        """A list/dict literal passed where a container of union elements is expected
        (`total([1, 2])` for `list[int | float]`): built with boxed items (it is new: no one
        else holds it). None when `e` is not such a literal."""
        if not any(isinstance(prune(x), ir.UnionT) for x in ir.type_parts(w)):
            return None
        if isinstance(w, ir.ListT) and isinstance(e, ir.ListLit):
            items = [self.coerce_to(i, w.elem, node, what) for i in e.items]
            return ir.ListLit(tuple(items), w, e.span)
        if isinstance(w, ir.DictT) and isinstance(e, ir.DictLit):
            pairs = [(self.coerce_to(k, w.key, node, what), self.coerce_to(v, w.val, node, what)) for k, v in e.items]
            return ir.DictLit(tuple(pairs), w, e.span)
        if isinstance(w, ir.TupleT) and isinstance(e, ir.TupleLit) and len(w.items) == len(e.items):
            items = [self.coerce_to(i, t, node, what) for i, t in zip(e.items, w.items)]
            return ir.TupleLit(tuple(items), w, e.span)
        return None

    def union_coerce(self, e: ir.Expr, w: Any, node: cst.CSTNode, what: str) -> ir.Expr | None:
        """`coerce_to` for a union on either side (None: not a union matter)."""
        have = prune(e.ty)
        if isinstance(w, ir.UnionT):
            if isinstance(have, TVar):
                if have.origin == "error":
                    return e
                # not known yet (a module variable whose assignments come later, a field whose
                # class is lowered later, a call of a function not lowered yet): its own
                # definition settles its type, and the next pass boxes it. Unifying it with the
                # union here would make that variable or field a union everywhere.
                return e
            out = self.box_to(e, w, node, what)
            if out is not None:
                return out
            return self.err("type-mismatch", f"{what} expects {show(w)} but gets {show(have)}", node)
        if isinstance(have, ir.UnionT) and not isinstance(w, TVar):
            return self.unbox_to(e, w, node, what)
        return None

    def unbox_to(self, e: ir.Expr, w: Any, node: cst.CSTNode, what: str) -> ir.Expr:
        """A union value where a plain `w` is expected: only when every member is a `w`."""
        have = prune(e.ty)
        ms = member_list(have)
        if isinstance(w, ir.OptionT):
            if all(m == ir.NONE or show(m) == show(w.inner) for m in ms):
                return ir.Coerce(e, w, e.span)
        elif all(show(m) == show(w) for m in ms):
            return ir.Coerce(e, w, e.span)
        other = next((m for m in ms if show(m) != show(w)), ms[0])
        return self.union_refuse(f"{what} expects {show(w)} but gets {show(have)}: it may be of type {kind(other)} here; "
                                 "narrow it first (`if isinstance(x, ...):`)", node)

    def as_plain(self, e: ir.Expr, node: cst.CSTNode | None, what: str) -> ir.Expr:
        """A union operand of an operation only plain values have (a method, a loop, an index):
        unboxed when it has one type, else refused."""
        t = prune(e.ty)
        if not isinstance(t, ir.UnionT):
            return e
        one = single(t)
        if one is not None:
            return ir.Coerce(e, one, e.span)
        ms = member_list(t)
        return self.union_refuse(f"{what} on a value of type {show(t)} (it may be any of {', '.join(kind(m) for m in ms)}): "
                                 "Portalis needs a value of one type here; narrow it first (`if isinstance(x, ...):`)",
                                 node, e.span)

    def union_binop(self, op: str, left: ir.Expr, right: ir.Expr, node: cst.CSTNode, inplace: bool) -> ir.Expr | None:
        lt, rt_ = prune(left.ty), prune(right.ty)
        if not (isinstance(lt, ir.UnionT) or isinstance(rt_, ir.UnionT)):
            return None
        if isinstance(lt, TVar) or isinstance(rt_, TVar):
            return self.unknown(self.sp(node), of=(lt, rt_))
        sp = self.sp(node)
        results = []
        undefined = None
        for a in member_list(lt):
            for b in member_list(rt_):
                r = binop_result(op, a, b)
                if r is not None and inplace and kind(a) == "list":
                    return self.union_refuse(
                        f"`{op}=` on a value that may be a list ({show(lt)}): Python changes that list in place "
                        "(other names for it see the change), which is not modelled for values of several types; "
                        "narrow it with isinstance() first", node)
                if r is None:
                    undefined = undefined or (a, b)
                else:
                    results.append(r)
        if undefined is not None:
            a, b = undefined
            refused = self.union_refuse(
                f"`{op}` is not defined for every pair of types the operands may have: {kind(a)} {op} "
                f"{kind(b)} raises TypeError in Python ({show(lt)} {op} {show(rt_)}); narrow with isinstance() first",
                node)
            # the value has the types of the pairs that are defined (not a type variable that the
            # first use binds): what is reported further on does not depend on the order in
            # which the passes learnt the operands' types (the language server's quick
            # re-analysis of one function and a fresh analysis agree)
            try:
                return ir.Const(None, make_union(results), sp) if results else refused
            except Exception:  # noqa: BLE001 - a union Portalis cannot hold: the refusal is enough
                return refused
        try:
            res = make_union(results)
        except Exception:
            return self.union_refuse(f"the result of `{op}` on {show(lt)} and {show(rt_)} is not supported", node)
        la = self._boxed_operand(left, node)
        ra = self._boxed_operand(right, node)
        if la is None or ra is None:
            return self.err("union-container-copy", f"`{op}` between a union and a plain list/dict is not supported", node)
        out_t = res if isinstance(res, ir.UnionT) else box(res)
        e = ir.Intrinsic("union.binop", (la, ra), out_t, sp,
                         (("op", ir.Const(op, ir.STR, sp)), ("inplace", ir.Const(inplace, ir.BOOL, sp))))
        return e if isinstance(res, ir.UnionT) else ir.Coerce(e, res, sp)

    def _boxed_operand(self, e: ir.Expr, node: cst.CSTNode) -> ir.Expr | None:
        t = prune(e.ty)
        if isinstance(t, ir.UnionT):
            return e
        if isinstance(t, (ir.ListT, ir.DictT)):
            return self.box_to(e, box(t), node, "operand")
        return ir.Coerce(e, box(t), e.span)

    def union_unary(self, op: str, e: ir.Expr, node: cst.CSTNode) -> ir.Expr | None:
        t = prune(e.ty)
        if not isinstance(t, ir.UnionT):
            return None
        sp = self.sp(node)
        results = []
        for m in member_list(t):
            k = kind(m)
            if k not in _NUM or (op == "~" and k == "float"):
                return self.union_refuse(f"unary `{op}` is not defined for {k} (the operand is {show(t)}); "
                                         "narrow with isinstance() first", node)
            results.append(ir.FLOAT if k == "float" else ir.INT)
        res = make_union(results)
        out_t = res if isinstance(res, ir.UnionT) else box(res)
        x = ir.Intrinsic("union.unary", (e,), out_t, sp, (("op", ir.Const(op, ir.STR, sp)),))
        return x if isinstance(res, ir.UnionT) else ir.Coerce(x, res, sp)

    def union_compare_pair(self, op: str, a: ir.Expr, b: ir.Expr, node: cst.CSTNode) -> tuple[ir.Expr, ir.Expr] | None:
        """Operands of one comparison where either is a union: both as `Obj` (None: no union)."""
        ta, tb = prune(a.ty), prune(b.ty)
        if not (isinstance(ta, ir.UnionT) or isinstance(tb, ir.UnionT)):
            return None
        if op in ("<", "<=", ">", ">="):
            for x in member_list(ta):
                for y in member_list(tb):
                    if not orderable(x, y):
                        self.union_refuse(f"`{op}` between {kind(x)} and {kind(y)} raises TypeError in Python "
                                          f"(comparing {show(ta)} with {show(tb)}); narrow with isinstance() first", node)
                        return a, b
        ba, bb = self._boxed_operand(a, node), self._boxed_operand(b, node)
        if ba is None or bb is None:
            return a, b
        return ba, bb

    def widen_local(self, n: str, slot: Any, value: ir.Expr) -> Any:
        """A local assigned a value its type cannot hold (`x = 1` ... `x = "a"`, `total = 0` ...
        `total += 0.5`): from now on (and in the next pass, from the start) it is a union of
        both, so it keeps each value's own type as CPython does. Not for parameters, annotated
        names or module variables. Returns the slot to coerce to."""
        st, vt = prune(slot), prune(value.ty)
        if isinstance(st, TVar) or isinstance(vt, TVar) or show(st) == show(vt):
            return slot
        if isinstance(st, ir.OptionT) and isinstance(prune(st.inner), TVar) and vt != ir.NONE:
            # `best = None` ... `best = v`: an Optional of v's type (the union of `?` and v's type
            # would be `object`, which no comparison or arithmetic accepts)
            if unify(st.inner, vt.inner if isinstance(vt, ir.OptionT) else vt):
                return slot
        if (self.fname, n) in self.info.annotated:
            return slot
        sig = self.info.funcs.get(self.fname)
        if sig is not None and any(p == n for p, _ in sig.params):
            return slot
        if isinstance(st, ir.UnionT) and accepts(st, vt):
            return slot
        if isinstance(st, ir.OptionT) and (vt == ir.NONE or show(st.inner) == show(vt)):
            return slot
        if isinstance(st, (ir.ListT, ir.DictT, ir.SetT, ir.TupleT)) and type(st) is type(vt):
            return slot  # containers of other element types: the ordinary (refusing) checks
        if isinstance(vt, (ir.ListT, ir.DictT)) and not isinstance(value, (ir.ListLit, ir.DictLit)):
            return slot
        if isinstance(st, ir.ObjT) and isinstance(vt, ir.ObjT):  # unrelated classes: analyzers/class_group
            from portalis.analyzers import class_group
            return class_group.widen_local(self, n, st, vt, value) or slot
        try:
            wide = make_union([st, vt])
        except UnionError:
            return slot
        if isinstance(wide, ir.OptionT) and not isinstance(st, ir.OptionT) and st != ir.NONE:
            return slot  # `x = 1` ... `x = None`: as today (an Optional needs its None first or an annotation)
        new = TVar(f"local {n} of {self.fname}")
        new.ref = wide
        self.locals[n] = new
        self.info.widened += 1
        return new

    def union_iterated(self, it: ir.Expr) -> ir.Expr:
        """A loop over a union value: one type (unboxed), or strs and lists (their items as
        values of several types; a list is looped over itself, so changes show as in CPython)."""
        t = prune(it.ty)
        if single(t) is not None or not t.members or any(kind(m) not in ("str", "list") for m in t.members):
            return self.as_plain(it, None, "a loop")
        elems = [ir.STR if kind(m) == "str" else m.elem for m in t.members]
        try:
            el = box(make_union(elems))
        except UnionError:
            return self.as_plain(it, None, "a loop")
        return ir.Intrinsic("union.iter", (it,), ir.ListT(el), it.span)

    # ------------------------------------------------------------ builtins

    def union_convert(self, fn: str, x: ir.Expr, node: cst.CSTNode) -> ir.Expr:
        """int()/float()/abs()/len() of a union value, where every member has it."""
        t = prune(x.ty)
        ms = member_list(t)
        ok = {"int": ("bool", "int", "float", "str"), "float": ("bool", "int", "float", "str"),
              "abs": _NUM, "len": ("str", "list", "dict")}[fn]
        bad = [m for m in ms if kind(m) not in ok]
        if bad:
            return self.union_refuse(f"`{fn}()` of a {kind(bad[0])} raises TypeError in Python (the argument is "
                                     f"{show(t)}); narrow it with isinstance() first", node)
        sp = self.sp(node)
        if fn == "abs":
            res = make_union([ir.FLOAT if kind(m) == "float" else ir.INT for m in ms])
            out_t = res if isinstance(res, ir.UnionT) else box(res)
            e = ir.Intrinsic("union.abs", (x,), out_t, sp)
            return e if isinstance(res, ir.UnionT) else ir.Coerce(e, res, sp)
        ty = {"int": ir.INT, "float": ir.FLOAT, "len": ir.INT}[fn]
        return ir.Intrinsic(f"union.{fn}", (x,), ty, sp)

    def union_round(self, x: ir.Expr, n: ir.Expr | None, node: cst.CSTNode) -> ir.Expr:
        """round(x) (an int) and round(x, n) (a float for a float, an int for an int) of numbers."""
        t = prune(x.ty)
        ms = member_list(t)
        bad = [m for m in ms if kind(m) not in _NUM]
        if bad:
            return self.union_refuse(f"`round()` of a {kind(bad[0])} raises TypeError in Python (the argument is "
                                     f"{show(t)}); narrow it with isinstance() first", node)
        sp = self.sp(node)
        if n is None:
            return ir.Coerce(ir.Intrinsic("union.round", (x,), box(ir.INT), sp), ir.INT, sp)
        res = make_union([ir.FLOAT if kind(m) == "float" else ir.INT for m in ms])
        out_t = res if isinstance(res, ir.UnionT) else box(res)
        e = ir.Intrinsic("union.round", (x, n), out_t, sp)
        return e if isinstance(res, ir.UnionT) else ir.Coerce(e, res, sp)

    def union_sum(self, it: ir.Expr, el: ir.UnionT, node: cst.CSTNode) -> ir.Expr:
        """sum() of union values (numbers only), added left to right from the int 0."""
        ms = member_list(el)
        bad = [m for m in ms if kind(m) not in _NUM]
        if bad:
            return self.union_refuse(f"sum() of values that may be {kind(bad[0])} (the items are {show(el)}) is not "
                                     "supported; narrow them first", node)
        if not isinstance(prune(it.ty), ir.ListT):
            return self.union_refuse("sum() of values of several types needs a list", node)
        sp = self.sp(node)
        res = make_union([ir.INT] + [ir.FLOAT if kind(m) == "float" else ir.INT for m in ms])
        out_t = res if isinstance(res, ir.UnionT) else box(res)
        e = ir.Intrinsic("union.sum", (it,), out_t, sp)
        return e if isinstance(res, ir.UnionT) else ir.Coerce(e, res, sp)

    def type_name_of(self, x: ir.Expr, node: cst.CSTNode) -> ir.Expr:
        """`type(x).__name__`"""
        t = prune(x.ty)
        sp = self.sp(node)
        if isinstance(t, TVar):
            return self.unknown(sp) if t.origin != "error" else x
        if isinstance(t, ir.UnionT):
            return ir.Intrinsic("union.type_name", (x,), ir.STR, sp)
        if isinstance(t, ir.OptionT) and isinstance(prune(t.inner), ir.DictT):
            return self.err("unsupported-builtin", "`type(x).__name__` of a dict that may be None is not supported "
                            "(it may be a defaultdict); check `is not None` first", node)
        if isinstance(t, ir.OptionT):
            try:
                x = ir.Coerce(x, box(t), sp)
            except UnionError:  # (an object that may be None: crashed the translator until 2026-12-05)
                return self.err("unsupported-builtin", f"`type(x).__name__` of a {show(t)} is not supported; check "
                                "`is not None` first", node)
            return ir.Intrinsic("union.type_name", (x,), ir.STR, sp)
        if isinstance(t, ir.DictT):
            return ir.Intrinsic("dict.type_name", (x,), ir.STR, sp)
        if isinstance(t, (ir.Prim, ir.ListT, ir.SetT, ir.TupleT)):
            name = {"list": "list", "dict": "dict", "set": "set", "tuple": "tuple"}.get(
                type(t).__name__[:-1].lower(), kind(t))
            return ir.Intrinsic("eval_then", (x, ir.Const(name, ir.STR, sp)), ir.STR, sp)
        return self.err("unsupported-builtin", f"`type(x).__name__` of {show(t)} is not supported", node)

    # ------------------------------------------------------------ isinstance and narrowing

    def union_isinstance(self, x: ir.Expr, names: list[str], node: cst.CSTNode) -> ir.Expr | None:
        t = prune(x.ty)
        if not isinstance(t, ir.UnionT):
            return None
        mask = 0
        for n in names:
            if n not in ISINSTANCE_BITS or n == "NoneType":
                return self.err("unsupported-builtin", f"isinstance() of a value of several types with `{n}`: "
                                "only int, bool, float, str, list and dict are supported", node)
            mask |= ISINSTANCE_BITS[n]
        sp = self.sp(node)
        return ir.Intrinsic("union.isinstance", (x, ir.Const(mask, ir.INT, sp)), ir.BOOL, sp)

    def narrowed_right(self, node: cst.BooleanOperation, fill: Any) -> Any:
        """The right operand of `and`/`or`, lowered where the left one narrowed a name
        (`isinstance(x, int) and x > 0`, `x is None or x < 0`)."""
        nar = self.union_narrowing(node.left)
        if nar is None:
            return fill()
        t = nar[1] if isinstance(node.operator, cst.And) else nar[2]
        return self.lower_narrowed(nar[0], t, fill, node.right)

    def union_narrowing(self, test: cst.BaseExpression) -> tuple[str, Any, Any] | None:
        """`if isinstance(x, C):` / `if not isinstance(...)` / `if x is None:` / `is not None` on a
        local union `x`: (x, its type in the body, its type in the else branch; None: unchanged)."""
        neg = False
        while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            neg, test = not neg, test.expression
        if isinstance(test, cst.BooleanOperation):
            # `A and B` true: A's narrowing holds (false: nothing known); `A or B` false: A's
            # negative narrowing holds
            inner = self.union_narrowing(test.left)
            if inner is None or _assigns(test.right, inner[0]):
                return None
            n, yes, no = inner
            r = (n, yes, None) if isinstance(test.operator, cst.And) else (n, None, no)
            return (r[0], r[2], r[1]) if neg else r
        name = None
        keep = None  # which members the test is true for
        if (isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "isinstance"
                and len(test.args) == 2 and isinstance(test.args[0].value, cst.Name) and not test.args[0].keyword):
            name = test.args[0].value.value
            cls = test.args[1].value
            classes = []
            for c in (cls.elements if isinstance(cls, cst.Tuple) else [cls]):
                v = c.value if isinstance(c, cst.Element) else c
                if not isinstance(v, cst.Name):
                    return None
                classes.append(v.value)

            def keep(m: ir.Type) -> bool:
                k = kind(m)
                return k in classes or (k == "bool" and "int" in classes)
        elif (isinstance(test, cst.Comparison) and len(test.comparisons) == 1
              and (isinstance(test.left, cst.Name)
                   or isinstance(test.left, cst.NamedExpr) and isinstance(test.left.target, cst.Name))
              and isinstance(test.comparisons[0].operator, (cst.Is, cst.IsNot))
              and isinstance(test.comparisons[0].comparator, cst.Name) and test.comparisons[0].comparator.value == "None"):
            # `x is None`, or `(x := value) is not None`: x holds the value tested
            name = test.left.value if isinstance(test.left, cst.Name) else test.left.target.value
            if isinstance(test.comparisons[0].operator, cst.IsNot):
                neg = not neg

            def keep(m: ir.Type) -> bool:
                return m == ir.NONE
        if name is None or keep is None:
            return None
        if name not in self.locals or name in self.global_names or name in self.comp_scope:
            return None
        t = prune(self.narrowed.get(name, self.locals[name]))
        if isinstance(t, ir.OptionT) and not isinstance(test, cst.Call) and not isinstance(prune(t.inner), TVar):
            # `x is None` on a local Optional: its plain value where the test ruled None out
            return (name, t.inner, None) if neg else (name, None, t.inner)
        if isinstance(t, ir.ObjT) and isinstance(test, cst.Call):
            # `isinstance(shape, Circle)` on a `Shape`: a Circle in the body (one Rust type per
            # hierarchy, so the downcast is free; the test itself checks the run-time class)
            sub = _only_subclass(self.info, t.name, classes)
            if sub is None:
                return None
            return (name, None, ir.ObjT(sub)) if neg else (name, ir.ObjT(sub), None)
        if not isinstance(t, ir.UnionT):
            return None
        ms = member_list(t)
        yes = [m for m in ms if keep(m)]
        no = [m for m in ms if not keep(m)]
        try:
            ty = make_union(yes) if yes else None
            tn = make_union(no) if no else None
        except UnionError:
            return None
        return (name, tn, ty) if neg else (name, ty, tn)

    def narrowed_rest(self, stmt: cst.CSTNode, rest: Any, lowered: Any = None) -> Any:
        """After `if isinstance(x, int): return ...` (no else), the statements that follow see x
        as what the test excluded: their IR, or None when that does not apply. An Optional x
        is also plain after `if x is None: x = <plain value>` (`lowered`: the If's IR)."""
        if not (isinstance(stmt, cst.If) and stmt.orelse is None and rest):
            return None
        nar = self.union_narrowing(stmt.test)
        if nar is None or nar[2] is None:
            return None
        if not _exits(stmt.body) and not self._ends_assigning_plain(lowered, nar[0], nar[2]):
            return None
        rest = list(rest)
        if any(_assigns(r, nar[0]) for r in rest):
            return None
        return self.lower_narrowed(nar[0], nar[2], lambda: self.block(rest), stmt)

    def _ends_assigning_plain(self, lowered: Any, name: str, t: Any) -> bool:
        """`lowered` is an If (no else) whose body ends with `name = <a value that is not None>`
        (then maybe assignments to other names and expression statements), where `name` is a
        local Optional of t: after it, `name` is not None either way."""
        if not (isinstance(lowered, ir.If) and not lowered.orelse and lowered.body):
            return False
        ot = prune(self.locals.get(name)) if name in self.locals else None
        if not (isinstance(ot, ir.OptionT) and prune(ot.inner) == prune(t)):
            return False
        i = len(lowered.body) - 1
        while i > 0 and _leaves_local(lowered.body[i], name):  # `x = {}` then `_cache = x`
            i -= 1
        last = lowered.body[i]
        if not (isinstance(last, ir.Assign) and isinstance(last.target, ir.NameTarget)
                and last.target.name == name and not last.target.is_global and isinstance(last.value, ir.Coerce)):
            return False
        vt = prune(last.value.expr.ty)  # a value that cannot be None (its element types may be open yet)
        return vt != ir.NONE and isinstance(vt, (ir.Prim, ir.ListT, ir.DictT, ir.SetT, ir.TupleT, ir.ObjT,
                                                 ir.EnumT, ir.NamedT))

    def _assigned_type(self, stmts: Any) -> tuple[str, Any] | None:
        """(x, T) when the last of `stmts` is `x = <a T>` for a local union x."""
        if not stmts:
            return None
        last = stmts[-1]
        if not (isinstance(last, ir.Assign) and isinstance(last.target, ir.NameTarget) and not last.target.is_global):
            return None
        n, v = last.target.name, last.value
        if not (isinstance(prune(last.target.ty), ir.UnionT) and isinstance(v, ir.Coerce)):
            return None
        t = prune(v.expr.ty)
        if isinstance(t, (TVar, ir.UnionT)) or n not in self.locals or n in self.comp_scope:
            return None
        return n, t

    def narrow_after(self, stmts: Any) -> None:
        """The module body, statement by statement: see `assigned_rest`."""
        for n in self._rebinding:
            self.narrowed.pop(n, None)
        self._rebinding = []
        a = self._assigned_type(stmts)
        if a is not None:
            self.narrowed[a[0]] = a[1]

    def forget_narrowed(self, stmt: cst.CSTNode) -> None:
        """Before a module statement: a name it may rebind is no longer narrowed (an assignment
        `x = f(x)` still reads the narrowed x; it ends the narrowing after it)."""
        self._rebinding = []
        for n in [n for n in self.narrowed if _assigns(stmt, n)]:
            if _simple_assign_to(stmt, n):
                self._rebinding.append(n)
            else:
                del self.narrowed[n]

    def assigned_rest(self, stmts: list, rest: Any) -> Any:
        """After `x = "a"` where x is a union, the statements that follow (up to one that may
        assign x again) see x as the value's type: their IR, or None when that does not apply."""
        a = self._assigned_type(stmts) if rest else None
        if a is None:
            return None
        n, t = a
        rest = list(rest)
        k = next((i for i, r in enumerate(rest) if _assigns(r, n)), len(rest))
        out = list(self.lower_narrowed(n, t, lambda: self.block(rest[:k]), None)) if k else []
        if k < len(rest):
            r = rest[k]
            if _simple_assign_to(r, n):  # `x = x + 1`: the value reads the narrowed x
                stmts = list(self.lower_narrowed(n, t, lambda: self.block([r]), None))
                out.extend(stmts)
                nxt = self.assigned_rest(stmts, rest[k + 1:])
                out.extend(nxt if nxt is not None else self.block(rest[k + 1:]))
            else:
                out.extend(self.block(rest[k:]))
        return out

    def lower_narrowed(self, name: str, t: Any, fill: Any, body: cst.CSTNode | None) -> Any:
        """`fill()` with `name` read as type `t` (when `body` never assigns it)."""
        if t is None or (body is not None and not isinstance(body, cst.If) and _assigns(body, name)):
            return fill()
        saved = self.narrowed.get(name)
        self.narrowed[name] = t
        try:
            return fill()
        finally:
            if saved is None:
                self.narrowed.pop(name, None)
            else:
                self.narrowed[name] = saved


def _leaves_local(stmt: Any, name: str) -> bool:
    """An IR statement that cannot rebind the local `name`: an expression statement or an
    assignment to another name or to a module variable, with no walrus storing `name`."""
    if any(isinstance(n, ir.AssignExpr) and n.target.name == name for n in ir.walk(stmt)):
        return False
    if isinstance(stmt, ir.ExprStmt):
        return True
    return (isinstance(stmt, ir.Assign) and isinstance(stmt.target, ir.NameTarget)
            and (stmt.target.name != name or stmt.target.is_global))


def _simple_assign_to(stmt: cst.CSTNode, name: str) -> bool:
    """`name = value` or `name op= value`, alone on its line."""
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
        return False
    x = stmt.body[0]
    if isinstance(x, cst.Assign):
        return (all(isinstance(t.target, cst.Name) and t.target.value == name for t in x.targets)
                and not _assigns(x.value, name))
    if isinstance(x, cst.AugAssign):
        return isinstance(x.target, cst.Name) and x.target.value == name and not _assigns(x.value, name)
    return False


def _exits(block: cst.BaseSuite) -> bool:
    """The block always leaves by return/raise/continue/break (its last statement)."""
    body = block.body if isinstance(block, (cst.IndentedBlock, cst.SimpleStatementSuite)) else ()
    if not body:
        return False
    last = body[-1]
    if isinstance(last, cst.SimpleStatementLine):
        last = last.body[-1] if last.body else None
    elif isinstance(block, cst.SimpleStatementSuite):
        last = body[-1]
    return isinstance(last, (cst.Return, cst.Raise, cst.Continue, cst.Break))


def _assigns(node: cst.CSTNode, name: str) -> bool:
    """`node` (a branch) may rebind `name`: an assignment, augmented assignment, loop,
    `except ... as`, `del`, `global`, a comprehension variable of that name."""
    stack = [node]
    while stack:
        n = stack.pop()
        targets: list[cst.CSTNode] = []
        if isinstance(n, cst.AssignTarget):
            targets.append(n.target)
        elif isinstance(n, (cst.AnnAssign, cst.AugAssign)):
            targets.append(n.target)
        elif isinstance(n, (cst.For, cst.CompFor)):
            targets.append(n.target)
        elif isinstance(n, (cst.AsName, cst.NamedExpr)):
            targets.append(n.name if isinstance(n, cst.AsName) else n.target)
        elif isinstance(n, (cst.MatchAs, cst.MatchStar)) and n.name is not None:
            targets.append(n.name)  # a `case` pattern's capture
        elif isinstance(n, cst.MatchMapping) and n.rest is not None:
            targets.append(n.rest)
        elif isinstance(n, cst.Del):
            targets.append(n.target)
        elif isinstance(n, (cst.Global, cst.Nonlocal)):
            if any(x.name.value == name for x in n.names):
                return True
        for tg in targets:
            for x in _names_in(tg):
                if x == name:
                    return True
        stack.extend(n.children)
    return False


def _names_in(t: cst.CSTNode) -> list[str]:
    if isinstance(t, cst.Name):
        return [t.value]
    if isinstance(t, (cst.Tuple, cst.List)):
        return [x for el in t.elements for x in _names_in(el.value)]
    if isinstance(t, cst.StarredElement):
        return _names_in(t.value)
    return []


def _only_subclass(info: Any, base: str, classes: list[str]) -> str | None:
    """What `isinstance(x, classes)` narrows an `x` of class `base` to: the one class named, when
    it is a strict subclass of `base` (`isinstance(shape, Circle)`); else None (no narrowing)."""
    from portalis.analyzers.classes import is_subclass
    subs = {c for c in classes if c in info.classes and c != base and is_subclass(info, c, base)}
    if len(subs) != 1 or len(subs) != len(set(classes)):
        return None
    return subs.pop()
