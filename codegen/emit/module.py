"""`_ModEmitter` and `emit_crate`: a whole program crate (functions in their own Rust modules,
module variables, exception classes, main).
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

from portalis import ir
from portalis.codegen.emit.common import (RustCrate, _Writer, crate_name, is_copy, plain_data, runtime_text, rust_str,
                                          rust_type)
from portalis.codegen.emit.enums import emit_enum_classes
from portalis.codegen.emit.function import _FnEmitter
from portalis.codegen.emit.names import Names


class _ModEmitter:
    # a program sets each module variable where the module body first assigns it; a library
    # has no module body, so its getters evaluate the (call-free) initial value on first use
    lazy_globals = False

    def __init__(self, module: ir.Module, big_ints: bool = False):
        self.module = module
        self.big = big_ints  # the big-int build: Python's int is rt::Int (see runtime/pyrt/bigint.rs)
        # Every Rust name: user names first, then the generated module-level ones, each unique
        # in the crate (codegen/emit/names.py), allocated in module order (deterministic).
        self.names = names = Names(module)
        user_classes = {c.name for c in module.classes}
        self.fn_names: dict[str, str] = {}  # Python function -> its Rust fn
        self._fn_items: dict[str, tuple[str, str]] = {}  # Python function -> (its module, its body fn)
        for f in (*module.functions, module.main):
            if f is module.main:
                base = "module_body"
                self.fn_names[f.name] = names.fresh(base)
            elif f.nested_in:  # "outer.inner": a nested function, lifted (analyzers/nested.py)
                base = names.bare(f.nested_in) + "__" + names.bare(f.name.rsplit(".", 1)[1])
                self.fn_names[f.name] = names.fresh(base)
            elif "." in f.name and f.name.split(".")[0] in user_classes:  # a method "Class.m" (setter "C.p#set")
                cls, meth = f.name.split(".", 1)
                base = names.bare(cls) + "__" + (re.sub(r"[^A-Za-z0-9_]", "_", meth).strip("_") or "m")
                self.fn_names[f.name] = names.fresh(base)
            elif "." in f.name:  # "Class.__init__" of an exception class: not a Python name
                base = names.bare(f.name.split(".")[0]) + "__init"
                self.fn_names[f.name] = names.fresh(base)
            else:
                base = names.bare(f.name)
                self.fn_names[f.name] = names.rust(f.name)
            self._fn_items[f.name] = (names.fresh(f"pf_{base}"), names.fresh(f"{base}_body"))
        self._globals = {g.name: (names.fresh(f"G_{names.bare(g.name)}"), names.fresh(f"g_{names.bare(g.name)}"),
                                  names.fresh(f"set_g_{names.bare(g.name)}")) for g in module.globals}
        self._excs = {x.name: (names.fresh(f"EXC_{names.bare(x.name)}"), names.fresh(f"ExcFields{names.bare(x.name)}"))
                      for x in module.exceptions}
        self._enums = {x.name: names.fresh(f"E_{names.bare(x.name)}") for x in module.enums}
        self.callees = Callees(module)
        self.recursive = _recursive_functions(module, self.callees)
        self.exit_fn = _exit_function(module, self.recursive)
        self.byref = _byref_params(module)
        self.stable = _list_stable(module)
        self.list_changes = _list_change_summaries(module, self.callees, self.rty)
        self.assigned_globals = _assigned_globals(module)
        self.defined_before_calls = _defined_before_calls(module.main.body)
        self.user_excs = {e.name for e in module.exceptions}
        from portalis.codegen.emit.classes import ClassEmitter
        self.classes = ClassEmitter(self)

    def rty(self, t: ir.Type) -> str:
        return rust_type(t, self.big)

    def copy(self, t: ir.Type) -> bool:
        return is_copy(t, self.big)

    def fn_ident(self, name: str) -> str:
        return self.fn_names[name]

    def fn_items(self, fn: ir.Function) -> tuple[str, str, str]:
        """(Rust fn, its module, the fn holding its body) of a function or the module body."""
        return (self.fn_names[fn.name], *self._fn_items[fn.name])

    def exc_owner(self, cls: str) -> "ir.ExcClass | None":
        """The user class (cls or a base) whose `__init__` builds cls instances, if any."""
        by_name = {x.name: x for x in self.module.exceptions}
        while cls in by_name:
            if by_name[cls].init is not None:
                return by_name[cls]
            cls = by_name[cls].base
        return None

    def exc_init_descendants(self, owner: str) -> list[str]:
        """User classes below `owner` with an `__init__` of their own (their fields struct holds
        `owner`'s fields too)."""
        by_name = {x.name: x for x in self.module.exceptions}
        out = []
        for x in self.module.exceptions:
            c = x.base
            while x.init is not None and x.name != owner and c in by_name:
                if c == owner:
                    out.append(x.name)
                    break
                c = by_name[c].base
        return out

    def exc_fields_struct(self, cls: str) -> str:
        return self._excs[cls][1]

    def enum_static(self, cls: str) -> str:
        return self._enums[cls]

    def exc_static(self, cls: str) -> str:
        if cls in self.user_excs:
            return self._excs[cls][0]
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
            return self._globals[name][0]
        return fe.q(f"{self._globals[name][1]}()")

    def global_setter(self, name: str) -> str:
        return self._globals[name][2]

    def emit(self) -> RustCrate:
        w = _Writer()
        m = self.module
        w.line(f"// Generated by Portalis from {m.path}. Edit the Python, not this file.")
        w.line("#![allow(unused_mut, unused_variables, unused_imports, unused_parens, unused_braces, unreachable_code, dead_code,")
        w.line("    unused_labels, non_snake_case, non_upper_case_globals, unexpected_cfgs, clippy::all)]")
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
                   f"base: Some(&{self.exc_static(x.base)}), module: {rust_str(x.module)} }};")
            if x.init is not None:
                flds = " ".join(f"{self.names.rust(f)}: {self.rty(t)}," for f, t in x.fields)
                w.line(f"#[derive(Clone)] struct {self.exc_fields_struct(x.name)} {{ {flds} }}")
        emit_enum_classes(self, w)
        self.classes.emit(w)
        for g in m.globals:
            self.emit_global(w, g)
        for f in m.functions:
            w.line("")
            _FnEmitter(self, f, w).emit()
        w.line("")
        _FnEmitter(self, m.main, w).emit()
        w.line("")
        w.line("fn main() {")
        frames = ", ".join(f"({f.span.line}, {f.span.end_line}, {rust_str(_code_name(f.name))})"
                           for f in m.functions if f.span.end_line >= f.span.line > 0)
        w.line(f"    rt::run_main_in({self.fn_names[m.main.name]}, {rust_str(m.path.rsplit('/', 1)[-1])}, &[{frames}]);")
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
        static, getter, setter = self._globals[g.name]
        ln = g.span.line
        if self.const_global(g):
            fe = _FnEmitter(self, self.module.main, w)
            w.line(f"const {static}: {ty} = {fe.expr(g.init)};", ln)
            return
        w.line(f"py_global!({static}, {ty});", ln)
        fe = _FnEmitter(self, self.module.main, w)
        w.line(f"fn {getter}() -> rt::PyResult<{ty}> {{", ln)
        w.line(f"    if let Some(v) = py_global_get!({static}) {{ return Ok(v); }}", ln)
        if self.lazy_globals:
            if self.recursive:  # computed on first use, outside any function frame
                w.line("    let _depth: u32 = 0;", ln)
            w.line(f"    let v: {ty} = {fe.expr(g.init)};", ln)
            w.line(f"    py_global_set!({static}, v.clone());", ln)
            w.line("    Ok(v)", ln)
        else:  # the module body sets it (ir.GlobalInit); reading it earlier is Python's NameError
            msg = rust_str(f"name '{g.name}' is not defined")
            w.line(f"    Err(rt::PyErr::new(&rt::NAME_ERROR, {msg}, {ln}))", ln)
        w.line("}", ln)
        w.line(f"fn {setter}(v: {ty}) {{ py_global_set!({static}, v); }}", ln)


def _byref_params(m: ir.Module) -> dict[str, frozenset[int]]:
    """Per module function or method, the positions of its list, dict, set, str, object and
    `object | None` parameters that it never rebinds: passed as `&T` (the caller's container,
    str or object handle, borrowed) instead of a clone, so a call writes and drops no reference
    count (recursion over a list, a str function called per line, `p.step(dt)` per particle).
    The same object either way, as in Python; a caller's local cannot change while the callee
    runs (no `nonlocal`), and an argument that is not a local is a temporary the caller holds
    until the call returns (`lst[0].m()` where m empties lst: the object stays alive). A use
    that needs its own handle (stored, returned, passed on by value) clones it.
    The implementations of one method in a hierarchy (and the functions implementing several
    names) share their signature, as the tag dispatchers and the runtime traits (`__eq__`,
    `__repr__`, ...) call any of them alike: a position is by reference only if it is in all
    of them, and none if one of them cannot be (a generator, memoized).
    Not for functions used as values (a function pointer has one signature), generators,
    memoized functions, nested functions, and exception classes' `__init__`."""
    as_values = {n.func for n in ir.walk(m) if isinstance(n, ir.FuncRef)}
    user_classes = {c.name for c in m.classes}

    def by_ref_type(t: ir.Type) -> bool:
        return isinstance(t, (ir.ListT, ir.DictT, ir.SetT)) or t == ir.STR or _obj_ref(t)

    cand: dict[str, frozenset[int] | None] = {}  # None: must take every parameter by value
    for f in m.functions:
        method = "." in f.name and f.name.split(".")[0] in user_classes and not f.nested_in
        if ("." in f.name and not method) or f.nested_in:
            continue
        if f.generator or f.cache is not None or f.name in as_values:
            cand[f.name] = None
            continue
        bound = {n.name for n in ir.walk(f.body) if isinstance(n, (ir.NameTarget, ir.Handler)) and n.name}
        cand[f.name] = frozenset(i for i, (n, t) in enumerate(f.params) if by_ref_type(t) and n not in bound)
    # the methods dispatched together: one group per (hierarchy, method name), merged where a
    # function implements several
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    groups: dict[tuple[str, str], list[str]] = {}
    for c in m.classes:
        for meth, fname in c.methods:
            groups.setdefault((c.root, meth), []).append(fname)
    for fs in groups.values():
        for f in fs[1:]:
            a, b = find(fs[0]), find(f)
            if a != b:
                parent[a] = b
    members: dict[str, list[str]] = {}
    for f in {*cand, *parent}:
        members.setdefault(find(f), []).append(f)
    out: dict[str, frozenset[int]] = {}
    for fs in members.values():
        sets = [cand.get(f) for f in fs]  # (a method not in cand: by value)
        if any(s is None for s in sets):
            continue
        pos = frozenset.intersection(*sets)  # type: ignore[arg-type]
        for f in fs:
            if pos:
                out[f] = pos
    return out


# builtins and methods that only read their arguments and run no user code when those are plain
# values (`_plain`): a function using only these (and plain operators) changes no list
_STABLE_INTRINSICS = frozenset({
    "abs", "all", "any", "chr", "divmod", "enumerate", "float", "float.from_str", "int.from_float", "int.from_str",
    "int.from_str_base", "len", "list.concat", "list.from_iter", "list.getitem", "list.repeat", "list.slice",
    "list.unpack", "max.args", "max.iter", "min.args", "min.iter", "ord", "pow.mod", "print", "range", "repr",
    "reversed", "round", "round.ndigits", "sorted", "str", "sum", "truthy", "tuple.getitem", "zip",
})
# the IR nodes such a function may hold (no stores into containers, objects or globals, no
# calls through values, no objects made, no exceptions caught or raised, no generators)
_STABLE_NODES = (ir.Const, ir.Local, ir.Global, ir.Coerce, ir.BinOp, ir.UnaryOp, ir.Compare, ir.BoolOp, ir.IfExp,
                 ir.Call, ir.Intrinsic, ir.TupleLit, ir.ListLit, ir.FString, ir.FormatField, ir.Assign, ir.ExprStmt,
                 ir.If, ir.While, ir.For, ir.Break, ir.Continue, ir.Return, ir.Pass, ir.NameTarget, ir.TupleTarget)


def _plain(t: ir.Type) -> bool:
    """A type whose values' comparison, hashing, printing and dropping run no user code: plain
    data (`common.plain_data`) or an iterator over it."""
    return plain_data(t.elem) if isinstance(t, ir.IterT) else plain_data(t)


def _list_stable(m: ir.Module) -> frozenset[str]:
    """The plain module functions during whose run no existing list changes or is dropped: their
    bodies store only into their own locals, read plain values (`_plain`) with plain operators
    and `_STABLE_INTRINSICS`, and call only such functions (directly, by name). An item of a
    list parameter such a function borrows stays where it is until it returns (see
    function.py `item_borrows`)."""
    cand: dict[str, set[str]] = {}
    for f in m.functions:
        if "." in f.name or f.nested_in or f.generator or f.cache is not None:
            continue
        ok, calls = True, set()
        for n in ir.walk(f.body):
            if not isinstance(n, _STABLE_NODES) or not _plain(getattr(n, "ty", ir.NONE)):
                ok = False
            elif isinstance(n, ir.Intrinsic):
                ok = (n.name in _STABLE_INTRINSICS or n.name.startswith(("str.", "math."))) and not n.kwargs
            elif isinstance(n, ir.NameTarget):
                ok = not n.is_global
            elif isinstance(n, ir.Call):
                ok = n.dispatch is None
                calls.add(n.func)
            if not ok:
                break
        if ok:
            cand[f.name] = calls
    changed = True
    while changed:  # drop the functions that call one that is not (or no longer) a candidate
        changed = False
        for name in list(cand):
            if not cand[name] <= cand.keys():
                del cand[name]
                changed = True
    return frozenset(cand)


def _obj_ref(t: ir.Type) -> bool:
    """An object or an optional object: reading, storing and releasing one runs no user code
    (objects have no `__del__`)."""
    return isinstance(t, ir.ObjT) or (isinstance(t, ir.OptionT) and isinstance(t.inner, ir.ObjT))


class Callees:
    """The user functions a call, a store or a new object may run: a method called through a
    base type may run any implementation of that name (`overrides`); a user exception class's
    generated `__init__` (`exc_inits`, None: it has none)."""

    def __init__(self, m: ir.Module) -> None:
        self.exc_inits = {x.name: x.init for x in m.exceptions}
        self.overrides: dict[str, set[str]] = {}
        for c in m.classes:
            for meth, func in c.methods:
                self.overrides.setdefault(meth, set()).add(func)

    def of(self, func: str, dispatch: str | None) -> set[str]:
        return {func} if dispatch is None else self.overrides.get(func.split(".", 1)[1], set()) | {func}


# builtins `list_changes` admits besides `_STABLE_INTRINSICS` and the `str.`/`math.` ones: reads
# and stores of dicts and sets (keys and values plain: hashing, comparing and releasing them run
# no user code)
_DICT_SET_INTRINSICS = frozenset({"dict.get", "dict.get_or", "dict.getitem", "dict.setdefault", "set.add",
                                  "set.discard"})
# list methods that change their list (the first argument) and, when its items and the other
# arguments are plain, run no user code
_LIST_CHANGERS = frozenset({"list.append", "list.extend", "list.insert", "list.pop", "list.pop_at", "list.remove",
                            "list.clear", "list.reverse", "list.sort", "list.imul"})


def list_changes(body, callees: Callees, rty: Callable[[ir.Type], str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """What running the IR `body` may change: (the Rust types of the lists whose items it may
    store, add, remove or reorder itself, the user functions it may call), or None: it may do
    what is not followed here. Admitted: plain values with plain operators and
    `_STABLE_INTRINSICS` (the `str.`/`math.` ones, dict and set reads and stores of plain
    values: `_DICT_SET_INTRINSICS`), changes of lists of plain
    items (`_LIST_CHANGERS`, item stores and deletions, `+=`), locals, objects read and passed
    along, their fields read and stored (a store releases the old value, which runs no user code
    and changes no list), methods called (every implementation a call through a base type may
    run: `Callees`) and property setters, objects made (their `__init__`), exceptions made from
    plain values and raised, str `+=` on a local. An operator, builtin or test applied to an
    object could run its class's dunder methods, so every operand of those must be plain (but
    `is`). A list may be released here (by a store): `loop_borrows`' loops hold their own count
    of their list. A change goes through a value of the list's own Rust type: a list of
    another Rust type is another list."""
    changed: set[str] = set()
    calls: set[str] = set()

    def val(e) -> bool:  # a value an operator, builtin or display may take: plain
        return _plain(getattr(e, "ty", ir.NONE))

    def plain_list(e) -> bool:
        return isinstance(e.ty, ir.ListT) and _plain(e.ty)

    for n in ir.walk(body):
        if isinstance(n, ir.Local):
            ok = True  # (what takes it is checked: a builtin or an operator takes plain values only)
        elif isinstance(n, ir.GetAttr):
            ok = _obj_ref(n.obj.ty) and (_plain(n.ty) or _obj_ref(n.ty))
        elif isinstance(n, ir.AttrTarget):
            ok = _obj_ref(n.obj.ty)
        elif isinstance(n, ir.NameTarget):
            ok = not n.is_global
        elif isinstance(n, ir.AugAssign):  # (only str and list `+=` stay AugAssigns)
            t = n.target
            ok = isinstance(t, ir.NameTarget) and (t.ty == ir.STR or (isinstance(t.ty, ir.ListT) and _plain(t.ty)))
            if ok and t.ty != ir.STR:
                changed.add(rty(t.ty))
        elif isinstance(n, (ir.IndexTarget, ir.DelItem)):
            ok = ((isinstance(n.obj.ty, ir.DictT) or plain_list(n.obj)) and _plain(n.obj.ty) and val(n.index))
            if ok and isinstance(n.obj.ty, ir.ListT):
                changed.add(rty(n.obj.ty))
        elif isinstance(n, (ir.Call, ir.MethodTarget)):
            calls |= callees.of(n.func, n.dispatch)
            ok = True
        elif isinstance(n, ir.NewObj):
            ok = n.dispatch is None and n.tag is None
            if n.init is not None:
                calls.add(n.init)
        elif isinstance(n, ir.NewExc):
            ok = all(map(val, n.args))
            if (init := callees.exc_inits.get(n.cls)) is not None:
                calls.add(init)
        elif isinstance(n, ir.Intrinsic):
            ok = not n.kwargs and all(map(val, n.args)) and (
                n.name in _STABLE_INTRINSICS or n.name in _DICT_SET_INTRINSICS
                or n.name.startswith(("str.", "math.")) or (n.name in _LIST_CHANGERS and plain_list(n.args[0])))
            if ok and n.name in _LIST_CHANGERS:
                changed.add(rty(n.args[0].ty))
        elif isinstance(n, ir.Coerce) and _obj_ref(n.ty) and _obj_ref(n.expr.ty):
            ok = True  # (an optional object narrowed: AttributeError or TypeError if None)
        elif isinstance(n, ir.IfExp) and _obj_ref(n.ty):
            ok = val(n.cond) and _obj_ref(n.then.ty) and _obj_ref(n.orelse.ty)
        elif isinstance(n, ir.Compare) and all(op in ("is", "is not") for op in n.ops):
            ok = True  # (identity: no dunder method)
        elif isinstance(n, (ir.Compare, ir.BinOp, ir.UnaryOp, ir.BoolOp, ir.IfExp, ir.Coerce, ir.TupleLit,
                            ir.ListLit, ir.FString, ir.FormatField)):
            ok = val(n) and all(map(val, ir.children(n)))
        elif isinstance(n, (ir.Const, ir.Assign, ir.ExprStmt, ir.If, ir.While, ir.For, ir.Break, ir.Continue,
                            ir.Return, ir.Pass, ir.TupleTarget, ir.Raise)):
            ok = True
        else:
            ok = False
        if not ok:
            return None
    return frozenset(changed), frozenset(calls)


def _list_change_summaries(m: ir.Module, callees: Callees, rty: Callable[[ir.Type], str]) -> dict[str, frozenset[str]]:
    """For each function and method whose run `list_changes` can follow (through the functions
    it calls), the Rust types of the lists that run may change (an empty set: it changes no
    list). A loop over a list whose body changes no list of that type can borrow its items in
    place (function.py `loop_borrows`). Unlike `_list_stable` it admits objects and stores into
    their fields, which may release a list: not for borrows that hold no count of their list."""
    own: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for f in m.functions:
        if not (f.nested_in or f.generator or f.cache is not None) and (r := list_changes(f.body, callees, rty)):
            own[f.name] = r
    out = {f: ch for f, (ch, _) in own.items()}
    changed = True
    while changed:  # add what the callees change; drop the functions calling one not (or no longer) known
        changed = False
        for f, (ch, calls) in own.items():
            if f not in out:
                continue
            if not calls <= out.keys():
                del out[f]
                changed = True
                continue
            new = ch.union(*(out[g] for g in calls))
            if new != out[f]:
                out[f] = new
                changed = True
    return out


def body_list_changes(body, mod) -> frozenset[str] | None:
    """The Rust types of the lists running `body` (of a function of the module `mod`) may
    change (`list_changes` with the callees' summaries), None: not known."""
    r = list_changes(body, mod.callees, mod.rty)
    if r is None or not r[1] <= mod.list_changes.keys():
        return None
    return r[0].union(*(mod.list_changes[g] for g in r[1]))


def _exit_function(m: ir.Module, recursive: set[str]) -> str | None:
    """The function whose call is the module's last statement (`main()`, also as the last of an
    `if __name__ == "__main__":` without `else`) and its only use: a plain function returning
    None that nothing else calls, refers to or nests in. When it returns normally the program
    only flushes its output and exits, so its plain-data locals (strs, numbers and containers
    of them, whose release runs no code and prints nothing) are left to the exit instead of
    released one by one (`FnEmitter.emit_body`): text_clean's 3 million strs, json_like's
    450,000 dicts."""
    body = m.main.body
    while body and isinstance(body[-1], ir.If) and not body[-1].orelse:
        body = body[-1].body
    if not body or not isinstance(body[-1], ir.ExprStmt):
        return None
    call = body[-1].expr
    if not isinstance(call, ir.Call) or call.dispatch is not None:
        return None
    name = call.func
    fn = next((f for f in m.functions if f.name == name), None)
    if (fn is None or fn.ret != ir.NONE or fn.generator or fn.cache is not None or fn.nested_in or "." in name
            or name in recursive or any(f.nested_in == name for f in m.functions)):
        return None
    uses = sum(1 for n in ir.walk((m.functions, m.main))
               if isinstance(n, (ir.Call, ir.FuncRef, ir.MethodTarget)) and n.func == name)
    return name if uses == 1 else None


def _recursive_functions(m: ir.Module, callees: Callees) -> set[str]:
    """Functions on a cycle of the call graph (if any, every function gets a depth guard)."""
    calls: dict[str, set[str]] = {}
    # a call through a function value may run any function used as a value
    values = {n.func for n in ir.walk((m.functions, m.main)) if isinstance(n, ir.FuncRef)}
    for f in m.functions:
        out: set[str] = set()
        for n in ir.walk(f.body):
            if isinstance(n, ir.Call):
                out.add(n.func)
            if isinstance(n, ir.CallValue):
                out |= values
            if isinstance(n, ir.NewObj) and n.init is not None:
                out.add(n.init)
            if isinstance(n, ir.MethodTarget):
                out.add(n.func)
        calls[f.name] = out
    # a method called through a base type may run any override (`Callees`; dunders the runtime
    # calls through traits, when objects are printed, compared or hashed, are not counted)
    for f in m.functions:
        for n in ir.walk(f.body):
            if isinstance(n, (ir.Call, ir.MethodTarget)) and n.dispatch is not None:
                calls[f.name] |= callees.of(n.func, n.dispatch)
            elif isinstance(n, ir.NewObj) and n.dispatch is not None:
                calls[f.name] |= callees.overrides.get("__init__", set())
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
        if isinstance(s, ir.GlobalInit) and not any(isinstance(n, (ir.Call, ir.NewObj)) for n in ir.walk(s.value)):
            out.add(s.name)
        elif any(isinstance(n, (ir.Call, ir.NewObj, ir.MethodTarget)) for n in ir.walk(s)):
            break
    return out


def emit_crate(module: ir.Module, big_ints: bool = False) -> RustCrate:
    """Translate a typed module into a Cargo crate (files as text; nothing is written).
    `big_ints`: the big-int build, for a program that outgrew 64-bit ints (Python's `int` as
    the runtime's arbitrary-precision `rt::Int`; slower, same behaviour otherwise)."""
    return _ModEmitter(module, big_ints).emit()


def _code_name(name: str) -> str:
    """The name CPython's traceback shows for an IR function (its code object's `co_name`):
    `Class.m` and `outer.inner` are `m` and `inner`; a suffix Portalis adds (a property's
    setter `C.p#set`, an operator method's copy per operand type) is dropped."""
    return re.split(r"[^\w]", name.rsplit(".", 1)[-1], maxsplit=1)[0] or name
