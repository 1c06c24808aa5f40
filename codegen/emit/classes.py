"""User classes in Rust: one reference type per class hierarchy, the dispatch of overridden
methods, and the Python protocols (str/repr, ==, <, hash) the runtime's containers use.

Representation (see ARCHITECTURE.md): every class of a hierarchy is the one Rust type
`O<Root> { p: rt::ObjP<D<Root>> }` (a count, a `u32` tag and the payload in one block): cloning
it is aliasing (Python's references; `is` compares the pointers), the tag is the run-time class
(`ir.Class.tag`, from 1), `D<Root>` holds the fields of every class of the hierarchy (a
subclass's fields keep their defaults in a base instance, which no Python code can read). Tag 0,
with no payload, is the placeholder a Rust local holds before the Python code assigns it (never
read: `analyzers.flow`). Fields are
read and written only through `get_F`/`set_F`, which run no user code while they hold the
payload, so no two references to it overlap. Methods are plain functions taking the object first; a call through a
base type whose subclasses override the method goes through `dsp_<S>_<m>`, a `match` on the tag.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from portalis import ir
from portalis.codegen.emit.common import _Writer, default_value, rust_str, rust_type, yield_param
from portalis.codegen.emit.protocols import ni_type_error, ni_wrap, notimpl_functions

if TYPE_CHECKING:
    from portalis.codegen.emit.module import _ModEmitter

_LOCAL = threading.local()  # class name -> Rust type name, for the crate being emitted


def set_obj_names(names: dict[str, str]) -> None:
    _LOCAL.names = names


def obj_rust_type(cls: str) -> str:
    return _LOCAL.names[cls]


def _sanitize(m: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", m).strip("_") or "m"


class ClassEmitter:
    """The Rust items of a module's classes (`emit`) and the names generated code uses."""

    def __init__(self, mod: "_ModEmitter"):
        self.mod = mod
        m = mod.module
        self.classes = {c.name: c for c in m.classes}
        names = mod.names
        self.struct: dict[str, str] = {}
        self.data: dict[str, str] = {}
        for c in m.classes:
            if c.base is None:
                self.struct[c.name] = names.fresh(f"O{names.bare(c.name)}")
                self.data[c.name] = names.fresh(f"D{names.bare(c.name)}")
        # the identity helpers: generated names, so that no Python name (a function `obj_is`) meets them
        self.id_trait = names.fresh("ObjId") if m.classes else "ObjId"
        self.is_fn = names.fresh("obj_is") if m.classes else "obj_is"
        obj_names = {c.name: self.struct[c.root] for c in m.classes}
        set_obj_names(obj_names)
        self.methods = {c.name: dict(c.methods) for c in m.classes}
        self.notimpl = notimpl_functions(m)
        # dispatchers used by the module: (static class, method) -> Rust fn
        self.dispatchers: dict[tuple[str, str], str] = {}
        for f in (*m.functions, m.main):
            for n in ir.walk(f.body):
                d = getattr(n, "dispatch", None)
                if d is not None and isinstance(n, (ir.Call, ir.MethodTarget, ir.NewObj)):
                    key = (d, self.method_name(n.init if isinstance(n, ir.NewObj) else n.func))
                    if key not in self.dispatchers:
                        self.dispatchers[key] = names.fresh(f"dsp_{names.bare(d)}_{_sanitize(key[1])}")

    def method_name(self, func: str) -> str:
        """"C.m" -> "m"; a property setter "C.p#set" -> "p#set"."""
        return func.split(".", 1)[1]

    def subclasses(self, c: str) -> list[str]:
        out = []
        for k in self.classes:
            x: str | None = k
            while x is not None:
                if x == c:
                    out.append(k)
                    break
                x = self.classes[x].base
        return out

    def impls(self, c: str, m: str) -> list[tuple[list[int], str]]:
        """For every class at or below c: the function implementing m, grouped by function."""
        groups: dict[str, list[int]] = {}
        for k in self.subclasses(c):
            f = self.methods[k].get(m)
            if f is not None:
                groups.setdefault(f, []).append(self.classes[k].tag)
        return [(tags, f) for f, tags in groups.items()]

    def call_target(self, e: "ir.Call | ir.MethodTarget | ir.NewObj") -> str:
        if e.dispatch is not None:
            return self.dispatchers[(e.dispatch, self.method_name(e.init if isinstance(e, ir.NewObj) else e.func))]
        return self.mod.fn_ident(e.func)

    # ------------------------------------------------------------ items

    def emit(self, w: _Writer) -> None:
        m = self.mod.module
        big = self.mod.big
        rec = self.mod.recursive
        depth = ", 1" if rec else ""
        for c in m.classes:
            if c.base is not None:
                continue
            s, d = self.struct[c.name], self.data[c.name]
            ln = c.span.line
            fields = [(self.mod.names.rust(f), f, t) for f, t in c.fields]
            w.line(f"pub struct {d} {{ " + " ".join(f"{rf}: {rust_type(t, big)}," for rf, _, t in fields) + " }", ln)
            # UnsafeCell, not RefCell: the only accesses are get_F (a clone) and set_F (a store),
            # neither of which runs user code while it holds the reference (a clone is an Rc
            # count or a copy; the value a store drops cannot be this object, which the caller
            # holds), so no two references to the payload ever overlap
            w.line(f"#[derive(Clone)] pub struct {s} {{ p: rt::ObjP<{d}> }}", ln)
            # freeing an object hands its `F | None` object fields to rt::trash: a chain of a
            # million objects (a linked list, a degenerate tree) must not drop one native frame
            # per object (CPython's trashcan). On the payload, so that it runs only when an
            # object is freed, not on every drop of a reference (tree_nodes ~10 % slower so)
            links = [rf for rf, _, t in fields if isinstance(t, ir.OptionT) and isinstance(t.inner, ir.ObjT)]
            if links:
                taken = "".join(f"self.{rf}.take(), " for rf in links)
                w.line(f"impl Drop for {d} {{ fn drop(&mut self) {{ rt::trash(({taken})); }} }}", ln)
            w.line(f"impl {s} {{", ln)
            w.line(f"    fn null() -> Self {{ {s} {{ p: rt::ObjP::null() }} }}", ln)
            init = ", ".join(f"{rf}: {default_value(t, big)}" for rf, _, t in fields)
            w.line(f"    fn new(tag: u32) -> Self {{ {s} {{ p: rt::ObjP::new(tag, {d} {{ {init} }}) }} }}", ln)
            w.line(f"    #[inline(always)] fn data(&self) -> &{d} {{ match self.p.data() {{ Some(d) => d, None => rt::null_object() }} }}", ln)
            w.line(f"    #[inline(always)] fn data_mut(&self) -> &mut {d} {{ match self.p.data_mut() {{ Some(d) => d, None => rt::null_object() }} }}", ln)
            w.line("    #[inline(always)] fn tag(&self) -> u32 { self.p.tag() }", ln)
            w.line("    #[inline(always)] fn oid(&self) -> usize { self.p.addr() }", ln)
            for rf, f, t in fields:
                bare = rf.removeprefix("r#")
                rt = rust_type(t, big)
                w.line(f"    #[inline(always)] fn get_{bare}(&self) -> {rt} {{ self.data().{rf}.clone() }}", ln)
                w.line(f"    #[inline(always)] fn set_{bare}(&self, v: {rt}) {{ self.data_mut().{rf} = v; }}", ln)
            names = " ".join(f"{self.classes[k].tag} => {rust_str(k)}," for k in self.subclasses(c.name))
            w.line(f"    #[allow(dead_code)] fn cls_name(&self) -> &'static str {{ match self.tag() {{ {names} _ => \"\" }} }}", ln)
            w.line("}", ln)
            w.line(f"impl {self.id_trait} for {s} {{ fn oid(&self) -> usize {{ {s}::oid(self) }} }}", ln)
            self.emit_protocols(w, c, s, depth)
        if m.classes:
            t, f = self.id_trait, self.is_fn
            w.line(f"trait {t} {{ fn oid(&self) -> usize; }}")
            w.line(f"impl<T: {t}> {t} for Option<T> {{ fn oid(&self) -> usize {{ match self {{ Some(x) => x.oid(), None => 0 }} }} }}")
            w.line(f"fn {f}<A: {t}, B: {t}>(a: &A, b: &B) -> bool {{ a.oid() == b.oid() }}")
        for (cls, meth), name in self.dispatchers.items():
            self.emit_dispatcher(w, cls, meth, name)

    def pass_args(self, f: str, refs: list[str], depth: str) -> str:
        """The call of method f from a runtime trait with `refs` (Rust `&Self` names): each
        passed as it is where f takes it by reference (module._byref_params), else cloned."""
        byref = self.mod.byref.get(f, frozenset())
        args = ", ".join(r if i in byref else f"{r}.clone()" for i, r in enumerate(refs))
        return f"{self.mod.fn_ident(f)}({args}{depth})"

    def tag_match(self, root: str, m: str, call: "callable", fallback: str) -> str:
        """`match self.tag() { tags => call(f), ... _ => fallback }` over the hierarchy of root."""
        arms = [f"{' | '.join(map(str, tags))} => {call(f)}," for tags, f in self.impls(root, m)]
        return f"match self.tag() {{ {' '.join(arms)} _ => {fallback} }}"

    def emit_protocols(self, w: _Writer, c: ir.Class, s: str, depth: str) -> None:
        ln = c.span.line
        root = c.name
        default_repr = f"{{ rt::set_pending(rt::limit_err({rust_str('printing an object with the default repr (its address) is not supported')}, 0)); rt::Str::new() }}"
        w.line(f"impl rt::PyFmt for {s} {{", ln)
        w.line("    fn fmt_repr(&self, out: &mut String) { let t: rt::Str = "
               + self.tag_match(root, "__repr__", lambda f: self.pass_args(f, ["self"], depth), default_repr)
               + "; out.push_str(&t); }", ln)
        str_arms = []
        for k in self.subclasses(root):
            f = self.methods[k].get("__str__") or self.methods[k].get("__repr__")
            if f is not None:
                str_arms.append(f"{self.classes[k].tag} => {self.pass_args(f, ['self'], depth)},")
        w.line("    fn fmt_str(&self, out: &mut String) { let t: rt::Str = match self.tag() { "
               + " ".join(str_arms) + f" _ => {default_repr} }}; out.push_str(&t); }}", ln)
        w.line("}", ln)
        # the big-int build checks the digits of ints about to be printed inside containers; an
        # object's text comes from its __repr__/__str__, which checks its own ints as it formats them
        w.line(f"impl rt::CheckDigits for {s} {{ fn check_digits(&self, _line: u32) -> rt::PyResult<()> {{ Ok(()) }} }}", ln)
        has = lambda m: any(m in self.methods[k] for k in self.subclasses(root))  # noqa: E731
        ni = self.notimpl  # methods that may return NotImplemented: CPython's protocol (codegen/emit/protocols.py)
        may_ni = lambda m: any(f in ni for _, f in self.impls(root, m))  # noqa: E731
        if has("__eq__"):
            eq = self.tag_match(root, "__eq__", lambda f: self.pass_args(f, ["self", "other"], depth),
                                "self.oid() == other.oid()")
            if may_ni("__eq__"):  # then other.__eq__(self), then identity (false here)
                eq = ni_wrap(eq, self.reflected(root, "__eq__", depth, "false"), "false")
            eq = self.swapped(root, eq, "__eq__", "__eq__", depth, "false")
            # the runtime's containers compare like CPython's (PyObject_RichCompareBool): identity
            # first, then __eq__ (a direct `a == b` calls __eq__ itself, analyzers.classes)
            w.line(f"impl PartialEq for {s} {{ fn eq(&self, other: &Self) -> bool {{ self.oid() == other.oid() || {eq} }} }}", ln)
        else:
            w.line(f"impl PartialEq for {s} {{ fn eq(&self, other: &Self) -> bool {{ self.oid() == other.oid() }} }}", ln)
        w.line(f"impl Eq for {s} {{}}", ln)
        w.line(f"impl rt::HasNan for {s} {{ fn has_nan(&self) -> bool {{ false }} }}", ln)  # compared by identity first
        # rt::PyHash: CPython's hash(obj), which lays out the sets holding the object
        # (pyrt/set.rs): the fields' tuple hash, `__hash__`'s int, or the identity
        if c.hash_fields is not None:  # a frozen dataclass: by its (non-float) fields, as a tuple
            parts = " ".join(f"self.get_{self.mod.names.rust(f).removeprefix('r#')}().hash(state);"
                             for f, t in c.hash_fields if not any(x == ir.FLOAT for x in ir.type_parts(t)))
            w.line(f"impl std::hash::Hash for {s} {{ fn hash<H: std::hash::Hasher>(&self, state: &mut H) {{ "
                   f"{parts} }} }}", ln)
            items = ", ".join(f"rt::PyHash::py_hash(&self.get_{self.mod.names.rust(f).removeprefix('r#')}())"
                              for f, _ in c.hash_fields)
            w.line(f"impl rt::PyHash for {s} {{ fn py_hash(&self) -> i64 {{ rt::tuple_py_hash(&[{items}]) }} }}", ln)
        elif has("__hash__"):
            fallback = "rt::Int::S(self.oid() as i64)" if self.mod.big else "(self.oid() as i64)"
            h = self.tag_match(root, "__hash__", lambda f: self.pass_args(f, ["self"], depth), fallback)
            w.line(f"impl std::hash::Hash for {s} {{ fn hash<H: std::hash::Hasher>(&self, state: &mut H) {{ "
                   f"let h = {h}; h.hash(state); }} }}", ln)
            w.line(f"impl rt::PyHash for {s} {{ fn py_hash(&self) -> i64 {{ let h = {h}; rt::obj_hash_result(&h) }} }}", ln)
        else:
            w.line(f"impl std::hash::Hash for {s} {{ fn hash<H: std::hash::Hasher>(&self, state: &mut H) {{ "
                   "self.oid().hash(state); } }", ln)
            w.line(f"impl rt::PyHash for {s} {{ fn py_hash(&self) -> i64 {{ rt::user_py_hash((self.oid() >> 4) as i64) }} }}", ln)
        if has("__lt__"):
            lt = self.tag_match(root, "__lt__", lambda f: self.pass_args(f, ["self", "other"], depth),
                                "false")
            if may_ni("__lt__") or may_ni("__gt__"):
                lt = ni_wrap(lt, self.reflected(root, "__gt__", depth, None) if has("__gt__") else None,
                             ni_type_error("<"))
            lt = self.swapped(root, lt, "__lt__", "__gt__", depth, ni_type_error("<"))
            w.line(f"impl PartialOrd for {s} {{", ln)
            w.line(f"    fn lt(&self, other: &Self) -> bool {{ {lt} }}", ln)
            rets = {f.name: f.ret for f in self.mod.module.functions}
            # max() asks `>`: the class's own __gt__ (__le__, __ge__) where it has one, as CPython
            for m, op, fallback in (("gt", "__gt__", "other.lt(self)"), ("le", "__le__", "!other.lt(self)"),
                                    ("ge", "__ge__", "!self.lt(other)")):
                own = has(op) and all(rets.get(f) == ir.BOOL for _, f in self.impls(root, op))
                body = self.tag_match(root, op, lambda f: self.pass_args(f, ["self", "other"], depth),
                                      fallback) if own else fallback
                if own and may_ni(op):
                    refl = {"__gt__": "__lt__", "__le__": "__ge__", "__ge__": "__le__"}[op]
                    sym = {"__gt__": ">", "__le__": "<=", "__ge__": ">="}[op]
                    body = ni_wrap(body, self.reflected(root, refl, depth, None) if has(refl) else None,
                                   ni_type_error(sym))
                if own:
                    refl = {"__gt__": "__lt__", "__le__": "__ge__", "__ge__": "__le__"}[op]
                    sym = {"__gt__": ">", "__le__": "<=", "__ge__": ">="}[op]
                    body = self.swapped(root, body, op, refl, depth, ni_type_error(sym))
                w.line(f"    fn {m}(&self, other: &Self) -> bool {{ {body} }}", ln)
            w.line("    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> { Some(if self.lt(other) "
                   "{ std::cmp::Ordering::Less } else if other.lt(self) { std::cmp::Ordering::Greater } else "
                   "{ std::cmp::Ordering::Equal }) }", ln)
            w.line("}", ln)
        else:
            w.line(f"impl PartialOrd for {s} {{ fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> "
                   "{ None } }", ln)

    def swapped(self, root: str, body: str, m: str, rm: str, depth: str, final: str) -> str:
        """`self m other` as CPython's do_richcompare: when other's class is a proper subclass of
        self's and has the reflected method rm, `other.rm(self)` comes first (then `self.m(other)`,
        then `final`); otherwise `body`."""
        pairs = []
        for k in self.subclasses(root):
            if rm not in self.methods[k]:
                continue
            a = self.classes[k].base
            while a is not None:
                pairs.append(f"({self.classes[a].tag}, {self.classes[k].tag})")
                a = self.classes[a].base
        if not pairs:
            return body
        first = self.tag_match(root, m, lambda f: self.pass_args(f, ["self", "other"], depth),
                               "{ rt::set_pending(rt::notimpl_signal(\"\", 0)); false }")
        swapped = ni_wrap(self.reflected(root, rm, depth, None), first, final)
        return f"(if matches!((self.tag(), other.tag()), {' | '.join(pairs)}) {{ {swapped} }} else {{ {body} }})"

    def reflected(self, root: str, m: str, depth: str, fallback: str | None) -> str:
        """`other.m(self)` dispatched on other's class (fallback for classes without m: a value, or
        None for NotImplemented)."""
        fb = fallback if fallback is not None else "{ rt::set_pending(rt::notimpl_signal(\"\", 0)); false }"
        return self.tag_match(root, m, lambda f: self.pass_args(f, ["other", "self"], depth), fb).replace(
            "match self.tag()", "match other.tag()", 1)

    def emit_dispatcher(self, w: _Writer, cls: str, meth: str, name: str) -> None:
        c = self.classes[cls]
        ln = c.span.line
        impls = self.impls(cls, meth)
        fn = next(f for f in self.mod.module.functions if f.name == impls[0][1])
        rec = self.mod.recursive
        byref = self.mod.byref.get(fn.name, frozenset())  # the same for every implementation
        params = [f"a{i}: {'&' if i in byref else ''}{self.mod.rty(t)}" for i, (_, t) in enumerate(fn.params)]
        args = [f"a{i}" for i in range(len(fn.params))]
        if rec:
            params.append("_depth: u32")
            args.append("_depth")
        if fn.generator:  # the consumer's loop body (codegen/emit/loops.py `gen_call`)
            assert isinstance(fn.ret, ir.IterT)
            params.append(yield_param(self.mod.rty(fn.ret.elem)))
            args.append("_y")
        ret = "rt::PyResult<bool>" if fn.generator else "()" if fn.ret == ir.NONE else self.mod.rty(fn.ret)
        arms = " ".join(f"{' | '.join(map(str, tags))} => {self.mod.fn_ident(f)}({', '.join(args)})," for tags, f in impls[:-1])
        for k in self.subclasses(cls):  # a class without the method (unrelated classes held together)
            if meth not in self.methods[k] and k != cls:
                msg = rust_str(f"'{k}' object has no attribute '{meth}'")
                if fn.generator:
                    arms += f" {self.classes[k].tag} => Err(rt::PyErr::new(&rt::ATTRIBUTE_ERROR, {msg}, {ln})),"
                    continue
                dflt = "()" if fn.ret == ir.NONE else default_value(fn.ret, self.mod.big)
                arms += (f" {self.classes[k].tag} => {{ rt::set_pending(rt::PyErr::new(&rt::ATTRIBUTE_ERROR, {msg}, "
                         f"{ln})); {dflt} }},")
        last = f"_ => {self.mod.fn_ident(impls[-1][1])}({', '.join(args)}),"
        # a dynamic class method's first argument is the run-time class itself (an int)
        tag = "a0.tag()" if fn.params[0][1] != ir.INT else (
            "(match &a0 { rt::Int::S(t) => *t as u32, _ => 0 })" if self.mod.big else "(a0 as u32)")
        w.line(f"fn {name}({', '.join(params)}) -> {ret} {{ match {tag} {{ {arms} {last} }} }}", ln)
