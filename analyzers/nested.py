"""Nested functions, lifted to module functions (lambda lifting).

A `def inner` directly in the body of a module function `outer` is lowered as the function
"outer.inner" (never a Python name). The variables of `outer` it reads (its free variables,
and those of the nested functions it calls) become its last parameters (`FuncSig.captures`),
and each call passes their values at the moment of the call. That is exactly CPython's
closure: a closure reads its parent's variables when it runs, and while it runs nothing can
rebind them, because only `nonlocal` could (refused) and `outer` itself is suspended in the
call. A list or object read this way is the same object (the runtime passes it shared), so
changes to it show in `outer` as they do in CPython.

What keeps the lifting exact, each refused at its line otherwise:
- the function is only called (exprs/builtins): passed, returned or stored, a closure object
  could be called after the variable changed;
- its `def` is a statement of `outer`'s own body (not inside if/for/while/try/with), so once
  it ran the name is bound for the rest of `outer`; `outer` uses it only after the `def`,
  and a nested function calls only those defined before it (or itself);
- its name is nothing else in `outer` (no variable of that name, no second `def`, no
  `global` declaration of it);
- it reads no `except ... as` name of `outer` (CPython unbinds those after the handler);
- a nested function that calls another one has none of the variables that one reads as a
  variable of its own (it could not pass `outer`'s on).
A variable that may be unbound when a nested function is called is refused at the call
(analyzers.flow: the call reads it there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import libcst as cst

from portalis.analyzers.scope import first_name, function_scope
from portalis.analyzers.types import TVar

if TYPE_CHECKING:
    from portalis.analyzers.lower import FuncSig, FunctionLowerer, ModuleInfo, _ModuleLowering


def collect(ml: "_ModuleLowering", fn: cst.FunctionDef, outer: "FuncSig") -> None:
    """Register the functions nested directly in module function `outer` (its `def` node `fn`)."""
    if not isinstance(fn.body, cst.IndentedBlock):
        return
    body = list(fn.body.body)
    defs = [(i, s) for i, s in enumerate(body) if isinstance(s, cst.FunctionDef)]
    if not defs:
        return
    from portalis.analyzers.lower import _refused_params
    info = ml.info
    ofacts = ml.scope_of(outer)
    own = {p for p, _ in outer.params} | set(outer.refused_params) | set(ofacts.assigned)  # its variables
    refused = info.nested_refused.setdefault(outer.name, set())
    index: dict[str, int] = {}
    node: dict[str, cst.FunctionDef] = {}
    for i, d in defs:
        n = d.name.value
        why = None
        if n in index or n in refused:
            why = f"function `{n}` is defined twice in `{outer.name}`"
        elif n in own:
            why = f"`{n}` names both a function nested in `{outer.name}` and a variable of it; rename one"
        elif n in ofacts.globals_declared:
            why = f"`{n}` is declared global in `{outer.name}`, so this `def` would set the module's `{n}`"
        if why is not None:
            ml.diag("unsupported-syntax", why, d.name)
            refused.add(n)
            index.pop(n, None)
            node.pop(n, None)
            continue
        index[n], node[n] = i, d
    local: dict[str, set[str]] = {}
    free: dict[str, set[str]] = {}
    for n, d in node.items():
        sc = function_scope(d.body)
        params = {p.name.value for p in d.params.params} | set(_refused_params(d.params))
        local[n] = params | set(sc.assigned) | sc.handler_names | sc.globals_declared | sc.nonlocals
        free[n] = sc.reads - local[n]
    caps = {n: free[n] & own for n in node}
    calls = {n: free[n] & set(node) for n in node}
    for n, d in node.items():
        late = sorted((s for s in calls[n] if index[s] > index[n]), key=index.__getitem__)
        handler = sorted((free[n] & ofacts.handler_names) - own)
        if late:
            ml.diag("unsupported-syntax", f"`{n}` calls `{late[0]}`, which is defined after it in `{outer.name}` "
                    f"(CPython raises NameError if `{n}` runs first); define `{late[0]}` above `{n}`",
                    first_name(d.body, late[0]) or d.name)
            refused.add(n)
        elif handler:
            ml.diag("unsupported-syntax", f"`{n}` reads `{handler[0]}`, the `except ... as` name of `{outer.name}` "
                    "(CPython unbinds it after the handler); copy it into another variable first",
                    first_name(d.body, handler[0]) or d.name)
            refused.add(n)
    changed = True
    while changed:  # what a nested function reads through the ones it calls
        changed = False
        for n in node:
            for s in calls[n]:
                if not caps[s] <= caps[n]:
                    caps[n] |= caps[s]
                    changed = True
    for n, d in node.items():
        clash = sorted(c for s in calls[n] for c in caps[s] & local[n])
        if clash and n not in refused:
            s = next(s for s in sorted(calls[n]) if caps[s] & local[n])
            ml.diag("unsupported-syntax", f"`{n}` calls `{s}`, which reads `{clash[0]}` of `{outer.name}`, but "
                    f"`{n}` has a `{clash[0]}` of its own; rename one", d.name)
            refused.add(n)
    for n, d in node.items():
        for st in body[:index[n]]:
            if not isinstance(st, cst.FunctionDef) and n in function_scope(st).reads:  # not `x.n`, `f(n=1)`
                ml.diag("undefined-name", f"function `{n}` is used before its `def` statement runs (line "
                        f"{ml.sm.span(d).line}); Python raises NameError here: move the definition up", st)
                break
    lifted = info.nested.setdefault(outer.name, {})
    for n, d in node.items():
        if n not in refused:
            lifted[n] = f"{outer.name}.{n}"
            ml.collect_function(d, outer, tuple(sorted(caps[n])))


def parent_names(ml: "_ModuleLowering", parent: "FuncSig") -> set[str]:
    """The names that are variables of `parent` (not the module's)."""
    facts = ml.scope_of(parent)
    return {p for p, _ in parent.params} | set(parent.refused_params) | set(facts.assigned) | facts.handler_names




def captured_type(info: "ModuleInfo", parent: "FuncSig | None", name: str) -> Any:
    """The type of `parent`'s variable `name`: the very type object of its parameter or local,
    so that inference settles one type for both."""
    assert parent is not None
    for pn, pt in parent.params:
        if pn == name:
            return pt
    locs = info.locals.setdefault(parent.name, {})
    if name not in locs:
        locs[name] = TVar(f"local {name} of {parent.name}")
    return locs[name]


def refresh(info: "ModuleInfo", sig: "FuncSig") -> None:
    """A nested function's captured parameters take the parent's variables' current types (a
    local the parent widened to a union has a new type object: analyzers.unions)."""
    if sig.parent is None or not sig.captures:
        return
    plocs = info.locals.get(sig.parent, {})
    sig.params = [(pn, plocs.get(pn, pt)) if pn in sig.captures else (pn, pt) for pn, pt in sig.params]


def prepare(ml: "_ModuleLowering", fl: "FunctionLowerer", sig: "FuncSig") -> None:
    """The nested functions a body can call: `outer`'s, in `outer` and in each of them."""
    scope = sig.parent or sig.name
    fl.nested = dict(ml.info.nested.get(scope, {}))
    fl.refused_defs |= ml.info.nested_refused.get(scope, set())


def refusal(sig: "FuncSig | None", fname: str) -> str:
    """Why a `def` inside a function body was not lifted (`collect` took those it could)."""
    if fname == "<module>":
        return "a `def` inside if/for/while/try/with at module level is not supported; define the function at the top level"
    if sig is not None and sig.parent is not None:
        return f"a function nested in a nested function is not supported; define it in `{sig.parent}` instead"
    if sig is None or "." in sig.name:
        return "functions nested in methods are not supported; define it at module level"
    return "a nested function must be defined directly in its function's body (not inside if/for/while/try/with)"


def capture(fl: "FunctionLowerer", callee: str, name: str, ty: Any, node: cst.CSTNode) -> Any:
    """The value a call of nested function `callee` passes for its captured variable `name`."""
    from portalis import ir
    if name in fl.comp_scope:
        return fl.err("unsupported-syntax", f"`{callee.rsplit('.', 1)[-1]}` reads `{name}` of "
                      f"`{fl.info.funcs[callee].parent}`, which a comprehension or lambda variable of the same name "
                      "hides here; rename that variable", node)
    local = ir.Local(name, fl.locals[name], fl.sp(node))
    return fl.coerce_to(local, ty, node, f"`{name}`")
