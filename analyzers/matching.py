"""`match` statements (PEP 634) as the `if`/`elif` chain they mean.

The subject is evaluated once (into a hidden local, unless it is a local name no case
rebinds); each case becomes one branch whose test checks the pattern on the subject and on
the parts of it the pattern reads (`s[0]`, `s.x`, `s["k"]`), in CPython's order, and whose
body first binds the pattern's captures. The chain is built as libcst nodes, each standing
for the position of the pattern it comes from, and lowered as an ordinary `if`: the types,
narrowing (`case Circle(r=r)` on a `Shape`), comparisons and errors are those of the code it
means. Which tests a pattern needs depends on the subject's type: a sequence pattern on a
tuple checks its length statically, and one on a `str` never matches (CPython excludes str
from sequence patterns); a case that can never match is left out.

A guard is tested with each capture replaced by the part it captures, so a capture is bound
only when its case runs. CPython binds it before testing the guard (and may bind part of a
pattern that then fails): where that could be seen, the name read outside the cases that
bind it, the case is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

import libcst as cst

from portalis import ir
from portalis.analyzers.types import TVar, prune

Make = Callable[[], cst.BaseExpression]

# the classes whose instances a positional sub-pattern matches as a whole (`case int(n)`)
_SELF_MATCHING = ("bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple")


class Refused(Exception):
    def __init__(self, msg: str, node: cst.CSTNode):
        super().__init__(msg)
        self.msg, self.node = msg, node


@dataclass
class _Case:
    tests: list[cst.BaseExpression] = field(default_factory=list)
    binds: list[tuple[str, Make, cst.CSTNode]] = field(default_factory=list)  # name, what it captures, where
    never: bool = False  # the pattern cannot match a value of the subject's type
    partial: bool = False  # a capture is bound before a later test of the pattern


def lower_match(fl: Any, node: cst.Match) -> list[ir.Stmt]:
    out: list[ir.Stmt] = []
    subj = node.subject
    name = subj.value if isinstance(subj, cst.Name) else None
    if not (name is not None and name in fl.locals and name not in fl.global_names and name not in fl.comp_scope
            and not any(_binds_or_assigns(c, name) for c in node.cases)):
        value = fl.expr(subj)  # evaluated once, as CPython does
        vt = prune(value.ty)
        if isinstance(vt, TVar):
            if vt.origin != "error":
                fl.err("cannot-infer-type", "the type of the `match` subject is not known; annotate it", subj)
            return []
        name = _fresh(fl, node)
        fl.locals[name] = value.ty
        out.append(ir.Assign(ir.NameTarget(name, value.ty, False, fl.sp(subj)), value, fl.sp(subj)))
    anchor = subj
    branches: list[tuple[cst.MatchCase, _Case, cst.BaseExpression | None]] = []
    never: set[str] = set()  # captured by cases that cannot match
    walked: list[dict[str, cst.CSTNode]] = []

    def used_outside() -> dict[str, cst.CSTNode]:
        """Capture -> its first use outside the cases capturing it: one walk of the function for
        the whole statement, when first needed."""
        if not walked:
            walked.append(_used_outside(fl, {n for c in node.cases for n in _captures(c.pattern)}))
        return walked[0]
    for case in node.cases:
        if branches and not branches[-1][1].tests and branches[-1][2] is None:
            never.update(_captures(case.pattern))  # after a case that always matches: never reached
            continue
        st = _Case()
        subject = name

        def mk(n: str = subject, a: cst.CSTNode = anchor) -> cst.BaseExpression:
            return _own(fl, cst.Name(n), a)
        try:
            _compile(fl, case.pattern, mk, subject, st, [])
            guard = _guard(fl, case, st) if case.guard is not None else None
        except Refused as r:
            fl.err("unsupported-syntax", r.msg, r.node)
            _poison(fl, _captures(case.pattern) + _captures(case.guard or cst.Name("_")))
            continue
        if st.never:
            never.update(_captures(case.pattern))
            continue
        if (guard is not None or st.partial) and st.binds:
            seen = next(((n, at) for n, _, at in st.binds if n in used_outside()), None)
            if seen is not None:
                n, at = seen
                where = used_outside()[n]
                fl.err("unsupported-syntax", f"`{n}` is captured by a `case` whose guard or later sub-pattern may "
                       f"still fail, and is used outside the cases that capture it (line {fl.sp(where).line}): "
                       "CPython leaves it bound when that case does not match, which Portalis does not reproduce; "
                       "use another name", at)
                _poison(fl, [b[0] for b in st.binds])
                continue
        branches.append((case, st, guard))
    for n in never - {b[0] for _, st, _ in branches for b in st.binds}:
        if n not in used_outside():
            fl.locals.pop(n, None)  # bound nowhere that runs, read nowhere: no variable at all
    chain: cst.If | cst.Else | None = None
    for case, st, guard in reversed(branches):
        body = cst.IndentedBlock(body=[*(_bind_line(fl, n, m, at) for n, m, at in st.binds), *case.body.body])
        tests = list(st.tests) + ([guard] if guard is not None else [])
        if not tests:
            chain = cst.Else(body=body)  # an irrefutable case: the branches after it cannot run
            continue
        test = tests[0]
        for t in tests[1:]:
            test = _own(fl, cst.BooleanOperation(left=test, operator=cst.And(), right=t), case.pattern)
        chain = _own(fl, cst.If(test=test, body=body, orelse=chain), case)
    if chain is None:
        return out
    if isinstance(chain, cst.Else):
        return out + list(fl.block(chain.body))
    return out + [fl.if_(chain)]


# ---------------------------------------------------------------- patterns


def _compile(fl: Any, pat: cst.MatchPattern, mk: Make, name: str | None, st: _Case,
             narrow: list[tuple[str, Any]]) -> Make:
    """Add to `st` the tests and captures of `pat` on the value `mk()` (a local `name` when it
    is one); `narrow`: the narrowings the tests so far make, for the types of the parts.
    Returns the value as the pattern leaves it (not None once a class pattern matched it)."""
    if st.never:
        return mk
    if isinstance(pat, cst.MatchAs):
        if pat.pattern is not None:
            mk = _compile(fl, pat.pattern, mk, name, st, narrow)
        if pat.name is not None:
            st.binds.append((pat.name.value, mk, pat.name))
        return mk
    if isinstance(pat, cst.MatchOr):
        return _or(fl, pat, mk, name, st, narrow)
    if isinstance(pat, cst.MatchValue):
        _test(st, _own(fl, _cmp(mk(), cst.Equal(), pat.value), pat))
        return mk
    if isinstance(pat, cst.MatchSingleton):
        _singleton(fl, pat, mk, _type(fl, mk, narrow), st)
        return mk
    if isinstance(pat, (cst.MatchList, cst.MatchTuple)):
        return _sequence(fl, pat, mk, name, st, narrow)
    if isinstance(pat, cst.MatchMapping):
        return _mapping(fl, pat, mk, name, st, narrow)
    if isinstance(pat, cst.MatchClass):
        return _class(fl, pat, mk, name, st, narrow)
    raise Refused(f"this pattern ({type(pat).__name__}) is not supported", pat)


def _test(st: _Case, t: cst.BaseExpression) -> None:
    if st.binds:
        st.partial = True
    st.tests.append(t)


def _singleton(fl: Any, pat: cst.MatchSingleton, mk: Make, t: Any, st: _Case) -> None:
    v = pat.value.value  # None, True or False: compared with `is`
    if isinstance(t, TVar):
        raise Refused("the type of this value is not known here; annotate it", pat)
    nullable = t == ir.NONE or isinstance(t, ir.OptionT) or (
        isinstance(t, ir.UnionT) and (not t.members or ir.NONE in t.members))  # `object` may be None
    if v == "None":
        if not nullable:
            st.never = True
        elif t != ir.NONE:
            _test(st, _own(fl, _cmp(mk(), cst.Is(), cst.Name("None")), pat))
        return
    inner = t.inner if isinstance(t, ir.OptionT) else t
    if prune(inner) == ir.BOOL:
        _test(st, _own(fl, _cmp(mk(), cst.Equal(), cst.Name(v)), pat))  # `b == True` only for a bool
        return
    if isinstance(t, ir.UnionT) and (not t.members or ir.BOOL in t.members):
        raise Refused(f"`case {v}` on a value of several types is not supported; narrow it with isinstance() first",
                      pat)
    st.never = True  # `1 is True` is False: an int, float, str... never matches


def _sequence(fl: Any, pat: cst.MatchList | cst.MatchTuple, mk: Make, name: str | None, st: _Case,
              narrow: list[tuple[str, Any]]) -> Make:
    t, mk = _not_none(fl, pat, mk, name, _type(fl, mk, narrow), st, narrow)
    t, mk = _only_member(fl, pat, "list", (ir.ListT, ir.TupleT, ir.NamedT), mk, name, t, st, narrow)
    if st.never:
        return mk
    elems = list(pat.patterns)
    star = next((i for i, e in enumerate(elems) if isinstance(e, cst.MatchStar)), None)
    n = len(elems) - (star is not None)
    after = len(elems) - star - 1 if star is not None else 0
    if isinstance(t, (ir.TupleT, ir.NamedT)):
        size = len(t.items)
        if (star is None and size != n) or (star is not None and size < n):
            st.never = True
            return mk

        def item(i: int) -> Make:
            return lambda: _own(fl, _index(mk(), i), pat)
        for i, e in enumerate(elems):
            if isinstance(e, cst.MatchStar):
                if e.name is not None:
                    def middle(e: cst.MatchStar = e, i: int = i) -> cst.BaseExpression:
                        # a list of the items between, as CPython makes (`[t[1], t[2]]`)
                        items = [cst.Element(_index(mk(), j)) for j in range(i, size - after)]
                        return _own(fl, cst.List(items), e)
                    st.binds.append((e.name.value, middle, e.name))
                continue
            k = i if star is None or i < star else size - (len(elems) - i)
            _compile(fl, e.value, item(k), None, st, narrow)
        return mk
    if not isinstance(t, ir.ListT):
        _cannot_match(t, pat, "sequence", "list", st)  # str, bytes, dict, set, numbers, objects
        return mk
    size_test = _cmp(_call("len", mk()), cst.Equal() if star is None else cst.GreaterThanEqual(),
                     cst.Integer(str(n)))
    _test(st, _own(fl, size_test, pat))
    for i, e in enumerate(elems):
        if isinstance(e, cst.MatchStar):
            if e.name is not None:
                def rest(i: int = i, e: cst.MatchStar = e) -> cst.BaseExpression:
                    upper = _neg(after) if after else None
                    sl = cst.Slice(lower=cst.Integer(str(i)), upper=upper)
                    return _own(fl, cst.Subscript(value=mk(), slice=[cst.SubscriptElement(slice=sl)]), e)
                st.binds.append((e.name.value, rest, e.name))
            continue
        k = i if star is None or i < star else -(len(elems) - i)
        _compile(fl, e.value, (lambda k=k, e=e: _own(fl, _index(mk(), k), e)), None, st, narrow)
    return mk


def _cannot_match(t: Any, pat: cst.CSTNode, what: str, member: str, st: _Case) -> None:
    """A value that is no list (dict) for a sequence (mapping) pattern: it never matches, unless
    its type is not known precisely enough to say."""
    if isinstance(t, ir.UnionT):
        raise Refused(f"a {what} pattern on a value of several types (other than one {member} and others that "
                      f"are not {what}s) is not supported; narrow it with isinstance() first", pat)
    if isinstance(t, TVar):
        raise Refused("the type of this value is not known here; annotate it", pat)
    st.never = True


def _only_member(fl: Any, pat: cst.CSTNode, cls: str, kinds: tuple, mk: Make, name: str | None, t: Any, st: _Case,
                 narrow: list[tuple[str, Any]]) -> tuple[Any, Make]:
    """A union with one member a sequence (mapping) pattern can match, a list (dict): the test
    `isinstance(value, list)` first, then the value as that member (`list[int] | int`). An
    `object` is one too: a tuple cannot be one of several types (unions.py), so its only
    sequences are lists."""
    if not isinstance(t, ir.UnionT):
        return t, mk
    if t.members:
        fits = [m for m in t.members if isinstance(prune(m), kinds)]
        if not fits:
            st.never = True  # `int | str`: no member is a sequence (a mapping)
            return t, mk
        if len(fits) != 1 or not isinstance(prune(fits[0]), kinds[0]):
            return t, mk
    mk = _isinstance(fl, pat, cls, mk, name, t, st, narrow)
    return _type(fl, mk, narrow), mk


def _mapping(fl: Any, pat: cst.MatchMapping, mk: Make, name: str | None, st: _Case,
              narrow: list[tuple[str, Any]]) -> Make:
    t, mk = _not_none(fl, pat, mk, name, _type(fl, mk, narrow), st, narrow)
    t, mk = _only_member(fl, pat, "dict", (ir.DictT,), mk, name, t, st, narrow)
    if st.never:
        return mk
    if not isinstance(t, ir.DictT):
        _cannot_match(t, pat, "mapping", "dict", st)
        return mk
    for el in pat.elements:
        _test(st, _own(fl, _cmp(el.key, cst.In(), mk()), el))
        key = el.key

        def part(key: cst.BaseExpression = key, el: cst.CSTNode = el) -> cst.BaseExpression:
            k = _own(fl, key.deep_clone(), key)
            return _own(fl, cst.Subscript(value=mk(), slice=[cst.SubscriptElement(slice=cst.Index(value=k))]), el)
        _compile(fl, el.pattern, part, None, st, narrow)
    if pat.rest is not None:
        keys = [el.key for el in pat.elements]

        def rest() -> cst.BaseExpression:
            # `**rest`: a new dict of the other items, in the subject's order (CPython copies the
            # subject and deletes the keys the pattern names)
            k, v = cst.Name("_rest_key"), cst.Name("_rest_value")
            items = cst.Call(func=cst.Attribute(value=mk(), attr=cst.Name("items")))
            loop = cst.CompFor(target=cst.Tuple([cst.Element(k), cst.Element(cst.Name("_rest_value"))]), iter=items)
            if keys:
                named = cst.Tuple([cst.Element(_own(fl, x.deep_clone(), x)) for x in keys])
                loop = loop.with_changes(ifs=[cst.CompIf(test=_cmp(cst.Name("_rest_key"), cst.NotIn(), named))])
            comp = cst.DictComp(key=cst.Name("_rest_key"), value=v, for_in=loop)
            return _own(fl, comp, pat.rest)
        st.binds.append((pat.rest.value, rest, pat.rest))
    return mk


def _class(fl: Any, pat: cst.MatchClass, mk: Make, name: str | None, st: _Case,
           narrow: list[tuple[str, Any]]) -> Make:
    from portalis.analyzers.classes import resolve
    if not isinstance(pat.cls, cst.Name):
        raise Refused("a class pattern needs a class name of this module or a builtin type", pat.cls)
    cls = pat.cls.value
    t = _type(fl, mk, narrow)
    info = fl.info
    if cls in _SELF_MATCHING and cls not in info.classes:
        if pat.kwds:
            raise Refused(f"keyword sub-patterns of `{cls}()` are not supported", pat.kwds[0])
        if len(pat.patterns) > 1:
            raise Refused(f"`{cls}()` accepts one positional sub-pattern (CPython raises TypeError)", pat.patterns[1])
        mk = _isinstance(fl, pat, cls, mk, name, t, st, narrow)
        if pat.patterns and not st.never:
            mk = _compile(fl, pat.patterns[0].value, mk, name, st, narrow)
        return mk
    if cls in info.classes:
        attrs = _match_args(info, cls, pat)
    elif cls in info.named_state.classes:
        attrs = tuple(info.named_state.classes[cls].type.fields)
    else:
        raise Refused(f"`{cls}` in a class pattern: only classes of this module and builtin types are supported",
                      pat.cls)
    if len(pat.patterns) > len(attrs):
        raise Refused(f"`{cls}()` accepts {len(attrs)} positional sub-pattern{'s' if len(attrs) != 1 else ''} "
                      f"({len(pat.patterns)} given; CPython raises TypeError)", pat)
    mk = _isinstance(fl, pat, cls, mk, name, t, st, narrow)
    if st.never:
        return mk
    seen: set[str] = set()
    parts = [(attrs[i], p.value, p) for i, p in enumerate(pat.patterns)]
    parts += [(k.key.value, k.pattern, k) for k in pat.kwds]
    for attr, sub, at in parts:
        if attr in seen:
            raise Refused(f"`{cls}()` gets the attribute `{attr}` twice (CPython raises TypeError)", at)
        seen.add(attr)
        if cls in info.classes and (resolve(info, cls, attr) or ("", "", ""))[1] == "property":
            raise Refused(f"`{cls}.{attr}` is a property: CPython reads it once for the sub-pattern, the tests "
                          "Portalis makes may read it more than once; not supported", at)

        def part(attr: str = attr, at: cst.CSTNode = at, mk: Make = mk) -> cst.BaseExpression:
            return _own(fl, cst.Attribute(value=mk(), attr=cst.Name(attr)), at)
        _compile(fl, sub, part, None, st, narrow)
    return mk


def _match_args(info: Any, cls: str, pat: cst.MatchClass) -> tuple[str, ...]:
    """The class's `__match_args__`: a dataclass's fields, or a tuple of names the class sets."""
    from portalis.analyzers.classes import mro
    for k in mro(info, cls):
        ci = info.classes[k]
        if "__match_args__" in ci.attrs:
            node = ci.attrs["__match_args__"][0]
            items = node.elements if isinstance(node, (cst.Tuple, cst.List)) else None
            if items is None or not all(isinstance(e.value, cst.SimpleString) for e in items):
                raise Refused(f"`{k}.__match_args__` must be a tuple of string literals", pat)
            return tuple(e.value.evaluated_value for e in items)
        if ci.dc_fields is not None:
            return tuple(f[0] for f in ci.dc_fields)  # the dataclass's `__match_args__`
    if pat.patterns:
        raise Refused(f"`{cls}` has no `__match_args__`, so CPython raises TypeError for positional sub-patterns "
                      f"(a dataclass has them); use keywords (`{cls}(x=...)`)", pat.patterns[0])
    return ()


def _isinstance(fl: Any, pat: cst.CSTNode, cls: str, mk: Make, name: str | None, t: Any, st: _Case,
                narrow: list[tuple[str, Any]]) -> Make:
    """The test `isinstance(value, cls)`: static where the type decides, else at run time (with
    the value narrowed for the parts read after it, which needs it in a local). Returns the
    value as the test leaves it."""
    from portalis.analyzers.classes import is_subclass
    info = fl.info
    if isinstance(t, TVar):
        raise Refused("the type of this value is not known here; annotate it", pat)
    if isinstance(t, ir.OptionT) and not isinstance(prune(t.inner), ir.UnionT):
        t, mk = _not_none(fl, pat, mk, name, t, st, narrow)  # None is an instance of none of these classes
        if st.never:
            return mk
    if isinstance(t, ir.ObjT) and cls in info.classes:
        if is_subclass(info, t.name, cls):
            return mk  # always an instance
        if not is_subclass(info, cls, t.name):
            st.never = True
            return mk
    elif isinstance(t, ir.NamedT) and cls in info.named_state.classes:
        if t.name != cls:
            st.never = True
        return mk
    elif not isinstance(t, (ir.UnionT, ir.OptionT)):
        if cls not in _static_classes(t, pat):
            st.never = True
        return mk
    test = _own(fl, _call("isinstance", mk(), cst.Name(cls)), pat)
    _test(st, test)
    return _narrowed(fl, pat, cst.Name(cls), mk, name, t, narrow)


def _narrowed(fl: Any, pat: cst.CSTNode, classes: cst.BaseExpression, mk: Make, name: str | None, t: Any,
              narrow: list[tuple[str, Any]]) -> Make:
    """After the test `isinstance(value, classes)`: a local is narrowed for what follows (and
    in the case body, by the `if`); a part of the subject (`d["x"]`) is read as the narrowed
    type from then on, as a narrowed local would be."""
    if name is not None:
        nar = fl.union_narrowing(_call("isinstance", cst.Name(name), classes))
        if nar is not None and nar[1] is not None:
            narrow.append((nar[0], nar[1]))
        return mk
    tmp = "_match_part"
    fl.locals[tmp] = t
    try:
        nar = fl.union_narrowing(_call("isinstance", cst.Name(tmp), classes))
    finally:
        del fl.locals[tmp]
    if nar is None or nar[1] is None:
        return mk
    yes, before = nar[1], list(narrow)

    def part() -> cst.BaseExpression:
        node = _own(fl, cst.Name("_"), pat)
        v = _lower(fl, mk, before)
        fl.evaluated[node] = ir.Coerce(v, yes, v.span)
        return node
    return part


def _static_classes(t: Any, pat: cst.CSTNode) -> set[str]:
    """The builtin classes a value of (non-union) type `t` is an instance of."""
    if t == ir.BOOL:
        return {"bool", "int"}
    if t == ir.NONE:
        return {"NoneType"}
    if isinstance(t, ir.Prim):
        return {t.name}
    if isinstance(t, (ir.ListT, ir.DictT, ir.SetT, ir.TupleT)):
        return {{ir.ListT: "list", ir.DictT: "dict", ir.SetT: "set", ir.TupleT: "tuple"}[type(t)]}
    if isinstance(t, ir.NamedT):
        return {"tuple"}
    if isinstance(t, ir.ObjT):
        return set()  # a class of the module (no builtin bases)
    raise Refused(f"a class pattern on a value of type {t} is not supported", pat)


def _or(fl: Any, pat: cst.MatchOr, mk: Make, name: str | None, st: _Case, narrow: list[tuple[str, Any]]) -> Make:
    alts = [p.pattern for p in pat.patterns]
    classes = [a.cls.value for a in alts if isinstance(a, cst.MatchClass) and isinstance(a.cls, cst.Name)
               and not a.kwds and (not a.patterns or _self_capture(a) is not None)]
    if len(classes) == len(alts) and all(c in _SELF_MATCHING or c in fl.info.classes for c in classes) and \
            isinstance(_type(fl, mk, narrow), (ir.UnionT, ir.OptionT)):
        # `case int() | float():` as one `isinstance(x, (int, float))`, which narrows; `int(n) |
        # float(n)` also binds n to the value so narrowed
        tup = cst.Tuple(elements=[cst.Element(cst.Name(c)) for c in classes])
        _test(st, _own(fl, _call("isinstance", mk(), tup), pat))
        mk = _narrowed(fl, pat, tup, mk, name, _type(fl, mk, narrow), narrow)
        cap = _self_capture(alts[0])
        if cap is not None:
            st.binds.append((cap.value, mk, cap))
        return mk

    def compiled() -> list[_Case]:
        """The alternatives that can match, each as tests and captures of its own (fresh nodes on
        every call); the list ends at one that always matches."""
        out = []
        for a in alts:
            sub = _Case()
            _compile(fl, a, mk, name, sub, list(narrow))
            if sub.never:
                continue
            out.append(sub)
            if not sub.tests:
                break
        return out

    def test_of(sub: _Case, at: cst.CSTNode) -> cst.BaseExpression:
        t = sub.tests[0]
        for x in sub.tests[1:]:
            t = _own(fl, cst.BooleanOperation(left=t, operator=cst.And(), right=x), at)
        return t

    live = compiled()
    if not live:
        st.never = True
        return mk
    if live[-1].tests:  # else the last one always matches, and so does the pattern
        test = test_of(live[0], pat)
        for sub in live[1:]:
            test = _own(fl, cst.BooleanOperation(left=test, operator=cst.Or(), right=test_of(sub, pat)), pat)
        _test(st, test)
    for n in _captures(alts[0]):  # every alternative captures the same names (CPython checks)
        def value(n: str = n) -> cst.BaseExpression:
            # the part the alternative that matched captures: `a if <alt 1 matched> else b ...`
            subs = compiled()
            v = _capture(subs[-1], n)()
            for sub in reversed(subs[:-1]):
                v = _own(fl, cst.IfExp(test=test_of(sub, pat), body=_capture(sub, n)(), orelse=v), pat)
            return v
        st.binds.append((n, value, pat))
    return mk


def _self_capture(a: cst.MatchClass) -> cst.Name | None:
    """`n` of `int(n)`: a builtin class pattern whose one sub-pattern captures the value itself."""
    if not (isinstance(a.cls, cst.Name) and a.cls.value in _SELF_MATCHING and len(a.patterns) == 1):
        return None
    p = a.patterns[0].value
    return p.name if isinstance(p, cst.MatchAs) and p.pattern is None and p.name is not None else None


def _capture(sub: _Case, n: str) -> Make:
    return next(m for name, m, _ in sub.binds if name == n)


def _not_none(fl: Any, pat: cst.CSTNode, mk: Make, name: str | None, t: Any, st: _Case,
              narrow: list[tuple[str, Any]]) -> tuple[Any, Make]:
    """A value that may be None, which a sequence, mapping or class pattern looks into: the
    test `is not None` first; then its type and the value as a plain one."""
    if t == ir.NONE:
        st.never = True
        return t, mk
    if not isinstance(t, ir.OptionT):
        return t, mk
    _test(st, _own(fl, _cmp(mk(), cst.IsNot(), cst.Name("None")), pat))
    inner = prune(t.inner)
    if name is not None:
        narrow.append((name, inner))  # the local is narrowed (the `if` narrows it the same way)
        return inner, mk
    before = list(narrow)

    def plain() -> cst.BaseExpression:
        # a part (`node.left`): its value known not to be None, as a narrowed local's would be
        node = _own(fl, cst.Name("_"), pat)
        v = _lower(fl, mk, before)
        fl.evaluated[node] = ir.Coerce(v, inner, v.span, "(unreachable: tested for None)", "TypeError")
        return node
    return inner, plain


def _lower(fl: Any, mk: Make, narrow: list[tuple[str, Any]]) -> ir.Expr:
    """`mk()` lowered where the tests so far hold."""
    def go(i: int) -> Any:
        if i == len(narrow):
            return fl.expr(mk())
        n, t = narrow[i]
        return fl.lower_narrowed(n, t, lambda: go(i + 1), None)
    return go(0)


def _type(fl: Any, mk: Make, narrow: list[tuple[str, Any]]) -> Any:
    """The type of `mk()` where the tests so far hold."""
    return prune(_lower(fl, mk, narrow).ty)


# ---------------------------------------------------------------- guards and captures


def _guard(fl: Any, case: cst.MatchCase, st: _Case) -> cst.BaseExpression:
    caps = {n: (m, at) for n, m, at in st.binds}
    sub = _Substitute(fl, caps)
    g = case.guard.visit(sub)
    if sub.refused is not None:
        raise Refused(*sub.refused)
    return g


class _Substitute(cst.CSTTransformer):
    """The guard with each capture replaced by the part it captures."""

    def __init__(self, fl: Any, caps: dict[str, tuple[Make, cst.CSTNode]]):
        super().__init__()
        self.fl, self.caps = fl, caps
        self.skip: set[cst.Name] = set()
        self.refused: tuple[str, cst.CSTNode] | None = None

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self.skip.add(node.attr)
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        if node.keyword is not None:
            self.skip.add(node.keyword)
        return True

    def visit_NamedExpr(self, node: cst.NamedExpr) -> bool:
        self.refused = ("a walrus in a `case` guard is not supported", node)
        return False

    def _scope(self, node: cst.CSTNode) -> bool:
        from portalis.analyzers.unions import _assigns
        if any(_assigns(node, n) for n in self.caps):
            self.refused = ("a comprehension or lambda in a guard that rebinds a captured name is not supported",
                            node)
            return False
        return True

    visit_Lambda = visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _scope

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        if original in self.skip or original.value not in self.caps:
            return updated
        mk, _ = self.caps[original.value]
        return _own(self.fl, mk(), original)


def _used_outside(fl: Any, names: set[str]) -> dict[str, cst.CSTNode]:
    """Each of `names` -> its first use as the variable the match binds (in the function, or in
    the module for a module-level match) outside the cases that capture it. Scopes of their own
    (a nested function's locals and nested defs, a class body, comprehension and lambda
    variables) hold other variables of those names."""
    from portalis.analyzers.scope import _target_names, function_scope
    sig = fl.info.funcs.get(fl.fname)
    root = sig.node if sig is not None else fl.info.sm.tree
    wanted = names
    found: dict[str, cst.CSTNode] = {}
    frames: list[tuple[str, set[str]]] = []  # ("function" | "class" | "case", the names it binds)
    skip: set[cst.Name] = set()  # the names of defs inside other scopes (bound there)

    def inner_scope() -> set[str] | None:
        """The names of the innermost function or class around this point (None: the root's)."""
        return next((bound for kind, bound in reversed(frames) if kind != "case"), None)

    def ours(n: str) -> bool:
        for i in range(len(frames) - 1, -1, -1):
            kind, bound = frames[i]
            if kind == "class" and i != len(frames) - 1:
                continue  # a class body's names are not seen from the functions inside it
            if n in bound:
                return False
        return True

    class V(cst.CSTVisitor):
        def visit_MatchCase(self, node: cst.MatchCase) -> bool:
            # a case of the function's own scope capturing some of the names: inside it, those
            # are where they are meant to be used
            own = all(kind == "case" for kind, _ in frames)
            frames.append(("case", set(_captures(node.pattern)) if own else set()))
            return True

        def leave_MatchCase(self, node: cst.MatchCase) -> None:
            frames.pop()

        def visit_Name(self, node: cst.Name) -> None:
            if node.value in wanted and node not in skip and ours(node.value):
                found.setdefault(node.value, node)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)
            return False

        def visit_MatchKeywordElement(self, node: cst.MatchKeywordElement) -> bool:
            node.pattern.visit(self)  # `case C(name=...)`: `name` is an attribute, not the variable
            return False

        def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
            # `from enum import Enum`: the module's name is no variable; the names it binds are
            if not isinstance(node.names, cst.ImportStar):
                for a in node.names:
                    bound = a.asname.name if a.asname is not None else a.name
                    if isinstance(bound, cst.Name):
                        self.visit_Name(bound)
            return False

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            if node is root:
                return True
            facts = function_scope(node.body)
            params = {p.name.value for p in (*node.params.params, *node.params.kwonly_params,
                                             *node.params.posonly_params)}
            own = set(facts.assigned) | params | _defs_in(node.body) | set(facts.handler_names)
            scope = inner_scope()
            if scope is not None:  # a def inside a function or class: its own name is that scope's
                scope.add(node.name.value)
                skip.add(node.name)
            frames.append(("function", own - set(facts.globals_declared)))
            return True

        def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
            if node is not root:
                frames.pop()

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            scope = inner_scope()
            if scope is not None:
                scope.add(node.name.value)
                skip.add(node.name)
            facts = function_scope(node.body)
            frames.append(("class", set(facts.assigned) | _defs_in(node.body)))
            return True

        def leave_ClassDef(self, node: cst.ClassDef) -> None:
            frames.pop()

        def _comp(self, node: Any) -> bool:
            # a comprehension's variables are its own (its first iterable is read outside it)
            node.for_in.iter.visit(self)
            bound: set[str] = set()
            f = node.for_in
            while f is not None:
                bound |= {n.value for n in _target_names(f.target)}
                f = f.inner_for_in
            frames.append(("function", bound))
            return True

        def _leave_comp(self, node: Any) -> None:
            frames.pop()

        visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comp
        leave_ListComp = leave_SetComp = leave_DictComp = leave_GeneratorExp = _leave_comp

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            frames.append(("function", {p.name.value for p in node.params.params}))
            return True

        def leave_Lambda(self, node: cst.Lambda) -> None:
            frames.pop()

    root.visit(V())
    return found


def _defs_in(body: cst.CSTNode) -> set[str]:
    """The names the `def`s and `class`es of a body bind in its scope (not those nested deeper)."""
    out: set[str] = set()
    stack = list(body.children)
    while stack:
        n = stack.pop()
        if isinstance(n, (cst.FunctionDef, cst.ClassDef)):
            out.add(n.name.value)
            continue
        stack.extend(n.children)
    return out


def _captures(pat: cst.CSTNode) -> list[str]:
    out: list[str] = []
    stack = [pat]
    while stack:
        n = stack.pop()
        if isinstance(n, (cst.MatchAs, cst.MatchStar)) and n.name is not None:
            out.append(n.name.value)
        if isinstance(n, cst.MatchMapping) and n.rest is not None:
            out.append(n.rest.value)
        if isinstance(n, cst.NamedExpr) and isinstance(n.target, cst.Name):
            out.append(n.target.value)  # (in a guard)
        stack.extend(reversed(n.children))
    return out


def _binds_or_assigns(case: cst.MatchCase, name: str) -> bool:
    from portalis.analyzers.unions import _assigns
    return name in _captures(case.pattern) or _assigns(case.body, name) or (
        case.guard is not None and _assigns(case.guard, name))


def _poison(fl: Any, names: list[str]) -> None:
    """Captures of a refused case whose type nothing else gave: no second error at each use."""
    for n in names:
        t = fl.locals.get(n)
        if isinstance(t, TVar) and isinstance(prune(t), TVar) and prune(t).origin != "error":
            prune(t).ref = TVar("error")


def _bind_line(fl: Any, name: str, mk: Make, at: cst.CSTNode) -> cst.SimpleStatementLine:
    assign = cst.Assign(targets=[cst.AssignTarget(target=cst.Name(name))], value=mk())
    return _own(fl, cst.SimpleStatementLine(body=[assign]), at)


# ---------------------------------------------------------------- nodes


def _fresh(fl: Any, node: cst.Match) -> str:
    """The hidden local of a subject, named after the statement's place (the same in every pass
    over the function: lowering runs until the types settle). An identifier, so that the `if`
    it is lowered as can narrow it; `is_subject_local` tells it from the program's names."""
    sp = fl.sp(node)
    name = f"_match_{sp.line}_{sp.col}"
    while name in fl.info.sm.text or name in fl.info.globals:  # a program's own name (never in practice)
        name += "_"
    return name


def is_subject_local(name: str) -> bool:
    """A hidden local `_fresh` made (not listed among a function's locals)."""
    return _SUBJECT.fullmatch(name) is not None


_SUBJECT = re.compile(r"_match_\d+_\d+_*")


def _own(fl: Any, node: Any, anchor: cst.CSTNode) -> Any:
    """`node` (built here) stands for `anchor`'s position, and so do the nodes built with it."""
    positions = fl.info.sm.positions
    stack = [node]
    while stack:
        n = stack.pop()
        if n in fl.positions_alias or positions.get(n) is not None or n in fl.info.synth_alias:
            continue
        fl.positions_alias[n] = anchor
        stack.extend(n.children)
    return node


def _cmp(a: cst.BaseExpression, op: cst.BaseCompOp, b: cst.BaseExpression) -> cst.Comparison:
    return cst.Comparison(left=a, comparisons=[cst.ComparisonTarget(operator=op, comparator=b)])


def _call(fn: str, *args: cst.BaseExpression) -> cst.Call:
    return cst.Call(func=cst.Name(fn), args=[cst.Arg(a) for a in args])


def _neg(k: int) -> cst.BaseExpression:
    return cst.UnaryOperation(operator=cst.Minus(), expression=cst.Integer(str(k)))


def _index(value: cst.BaseExpression, k: int) -> cst.Subscript:
    i = cst.Integer(str(k)) if k >= 0 else _neg(-k)
    return cst.Subscript(value=value, slice=[cst.SubscriptElement(slice=cst.Index(value=i))])
