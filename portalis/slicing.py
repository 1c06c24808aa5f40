"""Slicing: the part of an `ir.Module` that one function needs (`slice_module`). Pure.

For `portalis translate --function NAME`: NAME, the user functions it calls (transitively),
the module variables they read or write (and those their initial values read), and the user
exception classes they raise or catch (with their bases). The result is an `ir.Module` whose
`main` is empty, for `codegen.emit.emit_library`.

A library crate has no module body: a module variable keeps its initial value (evaluated on
first use, as in program crates) until the slice itself changes it. So a variable the slice
uses is refused (`needs-module-state`) when its initial value needs the module body, or when
code outside the slice (the module body, other functions) assigns it — or, for a container,
uses it at all (it could be changed through any alias). `unresolved_types` refuses types that
came from untranslatable code elsewhere (see `lower_module(partial=True)`).

Only reads `portalis.ir`; knows nothing of libcst or Rust.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from portalis import ir
from portalis.diagnostics import Diagnostic, Span, make

MODULE_START = Span(1, 0, 1, 0)


@dataclass(frozen=True)
class Slice:
    function: str
    module: ir.Module | None  # None: NAME is not a function of the module
    functions: tuple[str, ...]  # in module order, NAME included
    globals: tuple[str, ...]
    exceptions: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]  # the slice's own refusals (not lowering's)


def _parented(node: Any, parent: Any = None) -> Iterator[tuple[Any, Any]]:
    """(node, parent) for every IR node under `node` (the parent of a tuple's items is the
    node that holds the tuple)."""
    if isinstance(node, tuple):
        for x in node:
            yield from _parented(x, parent)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        yield node, parent
        for f in dataclasses.fields(node):
            if f.name not in ("ty", "span"):
                yield from _parented(getattr(node, f.name), node)


# Builtins never change their arguments; these methods do not change their receiver.
_PURE_BUILTINS = {"len", "print", "str", "repr", "truthy", "bool", "sorted", "sum", "min", "max", "any", "all",
                  "enumerate", "zip", "reversed", "tuple"}
_READ_METHODS = {
    "list.getitem", "list.slice", "list.count", "list.index", "list.copy", "list.concat", "list.repeat",
    "list.from_iter", "set.from_iter", "dict.from_iter",
    "dict.getitem", "dict.get", "dict.get_or", "dict.items", "dict.keys", "dict.values", "dict.copy", "dict.copy_plain",
    "dict.type_name", "dict.qual_type_name", "dict.most_common", "dict.total",
    "set.union", "set.intersection", "set.difference", "set.symmetric_difference", "set.issubset",
    "set.issuperset", "set.isdisjoint", "set.copy", "str.join",
}


def _read_only_use(g: ir.Global, parent: Any) -> bool:
    """A use of a container global that can neither change it nor let it escape: a read-only
    builtin or method, a comparison, a loop over it — and only when its items are themselves
    immutable (so nothing taken out of it can be changed either)."""
    t = g.ty
    items = (t.elem,) if isinstance(t, (ir.ListT, ir.SetT)) else (t.key, t.val) if isinstance(t, ir.DictT) else (t,)
    if any(_mutable(i) for i in items):
        return False
    if isinstance(parent, ir.Intrinsic):
        return parent.name in _READ_METHODS or parent.name.split(".")[0] in _PURE_BUILTINS
    if isinstance(parent, ir.For):
        return parent.iter is g
    if isinstance(parent, ir.CompFor):
        return parent.iter is g
    return isinstance(parent, (ir.Compare, ir.FormatField))


def _mutable(t: Any) -> bool:
    """Whether a value of type `t` can be changed in place (it holds a list, dict or set)."""
    if isinstance(t, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)):
        return True
    if isinstance(t, ir.TupleT):
        return any(_mutable(i) for i in t.items)
    if isinstance(t, ir.OptionT):
        return _mutable(t.inner)
    return isinstance(t, ir.ObjT)


def _not_found(module: ir.Module, name: str) -> Diagnostic:
    gv = next((g for g in module.globals if g.name == name), None)
    if gv is not None:
        return make("function-not-found", f"`{name}` is a module variable, not a function", gv.span)
    if any(e.name == name for e in module.exceptions):
        return make("function-not-found", f"`{name}` is an exception class, not a function", MODULE_START)
    if any(n == name for n, _ in module.main.locals):
        return make("function-not-found", f"`{name}` is a module-level variable, not a function", MODULE_START)
    names = [f.name for f in module.functions if not f.nested_in]
    hint = f" (it defines: {', '.join(names[:12])}{', ...' if len(names) > 12 else ''})" if names else \
        " (it defines no functions)"
    return make("function-not-found", f"no top-level function `{name}` in this module{hint}", MODULE_START)


def slice_module(module: ir.Module, name: str) -> Slice:
    """NAME and everything it needs, as a module with an empty body; refusals as diagnostics."""
    funcs = {f.name: f for f in module.functions}
    if name not in funcs:
        return Slice(name, None, (), (), (), (_not_found(module, name),))
    if funcs[name].nested_in:  # its last parameters are its parent's variables (analyzers/nested.py)
        return Slice(name, None, (), (), (), (make("function-not-found", f"`{name.rsplit('.', 1)[1]}` is nested in "
                                                  f"`{funcs[name].nested_in}`: translate `{funcs[name].nested_in}`, "
                                                  "which includes it", funcs[name].span),))
    gvars = {g.name: g for g in module.globals}
    user_excs = {e.name: e for e in module.exceptions}
    want_f: set[str] = set()
    want_g: set[str] = set()
    want_e: set[str] = set()
    first_use: dict[str, Span] = {}
    classes = {c.name: c for c in module.classes}
    want_roots: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, (ir.Call, ir.FuncRef)) and node.func not in want_f and node.func in funcs:
            want_f.add(node.func)
            todo.append(funcs[node.func].body)
        elif isinstance(node, (ir.Global, ir.NameTarget)) and (isinstance(node, ir.Global) or node.is_global):
            first_use.setdefault(node.name, node.span)
            if node.name not in want_g:
                want_g.add(node.name)
                if node.name in gvars:
                    todo.append(gvars[node.name].init)
        elif isinstance(node, ir.NewExc):
            want_e.add(node.cls)
        elif isinstance(node, ir.Handler):
            want_e.update(node.classes)
        if module.classes:  # a class comes whole: its hierarchy's Rust type, every method of it
            for t in ir.type_parts(getattr(node, "ty", None)):
                if isinstance(t, ir.ObjT) and t.name in classes and classes[t.name].root not in want_roots:
                    root = classes[t.name].root
                    want_roots.add(root)
                    for c in module.classes:
                        if c.root == root:
                            for _, f in c.methods:
                                if f not in want_f and f in funcs:
                                    want_f.add(f)
                                    todo.append(funcs[f].body)

    want_f.add(name)
    todo: list[Any] = [funcs[name].body, *(ir.Local(p, t, funcs[name].span) for p, t in funcs[name].params),
                       ir.Local("#ret", funcs[name].ret, funcs[name].span)]
    while todo:
        for n in ir.walk(todo.pop()):
            visit(n)
    # a user exception class needs its user base classes (its static names the base)
    excs: set[str] = set()
    for e in want_e:
        while e in user_excs and e not in excs:
            excs.add(e)
            e = user_excs[e].base

    diags = _module_state(module, name, want_f, want_g, gvars, first_use)
    fnames = tuple(f.name for f in module.functions if f.name in want_f)
    gnames = tuple(g.name for g in module.globals if g.name in want_g)
    enames = tuple(e.name for e in module.exceptions if e.name in excs)
    main = ir.Function("<module>", (), ir.NONE, (), (), MODULE_START, "")
    sliced = ir.Module(
        module.name, module.path,
        tuple(funcs[f] for f in fnames),
        tuple(gvars[g] for g in gnames),
        tuple(user_excs[e] for e in enames),
        main, module.uses, tuple(c for c in module.classes if c.root in want_roots), module.enums)
    return Slice(name, sliced, fnames, tuple(sorted(want_g)), enames, tuple(diags))


def _module_state(module: ir.Module, name: str, want_f: set[str], want_g: set[str],
                  gvars: dict[str, ir.GlobalVar], first_use: dict[str, Span]) -> list[Diagnostic]:
    """Module variables of the slice that a library crate (which has no module body) cannot hold."""
    out: list[Diagnostic] = []
    seen: set[tuple[str, int, int]] = set()

    def refuse(g: str, msg: str, span: Span) -> None:
        if (g, span.line, span.col) not in seen:
            seen.add((g, span.line, span.col))
            out.append(make("needs-module-state", msg, span))

    lib = "a library crate has no module body"
    assigned_anywhere = {n.name for f in (*module.functions, module.main) for n in ir.walk(f.body)
                         if isinstance(n, ir.NameTarget) and n.is_global}
    for g in sorted(want_g):
        gv = gvars.get(g)
        if gv is None:
            refuse(g, f"`{name}` uses the module variable `{g}`, which is not set by a plain top-level "
                      f"`{g} = value`; {lib} to set it", first_use.get(g, MODULE_START))
            continue
        bound = {t.name for c in ir.walk(gv.init) if isinstance(c, ir.CompFor) for t in ir.walk(c.target)
                 if isinstance(t, ir.NameTarget)}
        bound |= {pn for c in ir.walk(gv.init) if isinstance(c, ir.Lambda) for pn, _ in c.params}
        for n in ir.walk(gv.init):
            if isinstance(n, ir.Local) and n.name not in bound:
                refuse(g, f"the initial value of `{g}` (used by `{name}`) reads `{n.name}`, which only the module "
                          f"body sets; {lib}", n.span)
            # a library computes `g` when first read, not at import: only the same value if what
            # its initial value reads cannot have changed by then
            if isinstance(n, ir.Global) and (_mutable(n.ty) or n.name in assigned_anywhere):
                refuse(g, f"the initial value of `{g}` (used by `{name}`) reads `{n.name}`, which can change "
                          f"before `{g}` is first used; {lib}, so `{g}` is computed on first use", n.span)
    # Code outside the slice that could change a variable of the slice: the module body and the
    # functions it runs besides the slice's (functions nothing runs cannot change anything).
    funcs = {f.name: f for f in module.functions}
    runs: list[str] = []
    todo: list[Any] = [module.main.body]
    while todo:
        for n in ir.walk(todo.pop()):
            if isinstance(n, (ir.Call, ir.FuncRef)) and n.func not in want_f and n.func not in runs and n.func in funcs:
                runs.append(n.func)
                todo.append(funcs[n.func].body)
    outside: list[tuple[str, Any]] = [("module-level code", module.main.body)]
    outside += [(f"`{f}` (which module-level code calls)", funcs[f].body) for f in runs]
    outside += [(f"the initial value of `{g.name}`", g.init) for g in module.globals if g.name not in want_g]
    for who, body in outside:
        for n, parent in _parented(body):
            if not (isinstance(n, (ir.NameTarget, ir.Global)) and n.name in want_g and n.name in gvars):
                continue
            if isinstance(n, ir.NameTarget) and n.is_global:
                refuse(n.name, f"{who} assigns `{n.name}`, which `{name}` uses; {lib}, so `{n.name}` would "
                               "keep its initial value", n.span)
            elif isinstance(n, ir.Global) and _mutable(n.ty) and not _read_only_use(n, parent):
                refuse(n.name, f"{who} uses `{n.name}` ({n.ty}), which `{name}` uses too and which could be changed "
                               f"through it; {lib}, so `{n.name}` would keep its initial value", n.span)
    return out


def _concrete(t: Any) -> bool:
    if isinstance(t, (ir.Prim, ir.ExcT, ir.ObjT, ir.EnumT, ir.ExcArgsT)):
        return True
    if isinstance(t, (ir.ListT, ir.SetT, ir.DequeT)):
        return _concrete(t.elem)
    if isinstance(t, ir.DictT):
        return _concrete(t.key) and _concrete(t.val)
    if isinstance(t, (ir.TupleT, ir.NamedT)):
        return all(_concrete(i) for i in t.items)
    if isinstance(t, ir.OptionT):
        return _concrete(t.inner)
    if isinstance(t, ir.IterT):
        return _concrete(t.elem)
    if isinstance(t, ir.FuncT):
        return all(_concrete(p) for p in t.params) and _concrete(t.ret)
    return False  # a type variable left by untranslatable code (lower_module(partial=True))


def unresolved_types(module: ir.Module) -> list[Diagnostic]:
    """`cannot-infer-type` for every function of a (sliced, partial) module whose types are not
    all concrete: they were inferred from code that cannot be translated. One per function."""
    out: list[Diagnostic] = []

    def first_bad(f: ir.Function) -> str | None:
        for pname, t in f.params:
            if not _concrete(t):
                return f"parameter `{pname}`"
        if not _concrete(f.ret):
            return "the return value"
        for lname, t in f.locals:
            if not _concrete(t):
                return f"`{lname}`"
        for n in ir.walk(f.body):
            t = getattr(n, "ty", ir.NONE)
            if not _concrete(t):
                return f"the expression at line {n.span.line}"
        return None

    check: list[tuple[str, Span, Callable[[], str | None]]] = [
        (f.name, f.span, lambda f=f: first_bad(f)) for f in module.functions]
    check += [(g.name, g.span, lambda g=g: None if _concrete(g.ty) and all(
        _concrete(getattr(n, "ty", ir.NONE)) for n in ir.walk(g.init)) else "its value") for g in module.globals]
    for owner, span, find in check:
        what = find()
        if what is not None:
            out.append(make("cannot-infer-type", f"the type of {what} of `{owner}` comes from code that cannot be "
                            "translated; fix that code or add a type annotation", span))
    return out
