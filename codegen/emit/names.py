"""Rust names for a module's Python names: one allocation pass per crate, collision-free.

Every Rust identifier the emitter writes is either a *user name* (a Python name: function,
parameter, local, module variable, exception class or field) or a *generated name*. They can
never collide:

* Generated names inside function bodies (temporaries `_t1`, `_o3`, `_e`, `_depth`, `_body`,
  ...) all have the form `_` + ASCII letters + digits (`TEMP_FORM`). No user name is ever
  spelled that way: a Python name of that form is renamed.
* Generated names at module level (`pf_f` modules, `G_x`/`g_x`/`set_g_x` for module variables,
  `EXC_E` statics, `ExcFieldsE` structs, `E__init` constructors, `module_body`) are allocated by
  `fresh` *after* every user name in the module has been given its spelling, so they avoid all
  of them (a local shadows an item of the same name in Rust, so locals count too).
* User names keep their Python spelling where Rust allows it. Rust keywords become raw
  identifiers (`type` -> `r#type`, which no other Python name can become); names Rust cannot
  use (`self`, `Self`, `super`, `crate`, `_`), prelude names generated code relies on
  (`String`, `Ok`, `Some`, ...), `main`, the runtime's `rt`/`pyrt`, and names of the temporary
  form get the first free spelling `NAME_`, `NAME_2`, ...; non-ASCII names are spelled in ASCII
  (`µ` -> `u_b5`, also allocated). The mapping is injective because every spelling is taken
  from one set of taken names.

Python names reach this module already NFKC-normalised (PEP 3131; analyzers.ingest), so two
Python spellings of one identifier are one name here.
"""

from __future__ import annotations

import re

from portalis import ir

# Strict and reserved keywords of every edition (2015-2021, and 2024's `gen`).
RUST_KEYWORDS = frozenset({
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct",
    "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
    "gen",
})
# keywords that cannot be raw identifiers
NOT_RAW = frozenset({"self", "Self", "super", "crate", "_"})
# names generated code uses unqualified, or that Rust gives a meaning of its own: a user name of
# this spelling would shadow it (a `let` of a unit variant is even a pattern, not a binding)
RESERVED = frozenset({
    "main", "rt", "pyrt", "std", "core", "alloc", "Ok", "Err", "Some", "None", "String", "Vec", "Option",
    "Result", "Box", "Rc", "Cell", "RefCell", "union", "macro_rules",
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64",
    "bool", "char", "str",
})
# the form of every generated name inside function bodies: `_` then letters and digits
TEMP_FORM = re.compile(r"_[A-Za-z0-9]*")


def ascii_spelling(name: str) -> str:
    """An ASCII spelling of a Python identifier (the allocator keeps it unique)."""
    if "." in name:  # a class attribute held as a module variable ("Class.attr", analyzers/class_attrs)
        return "ca_" + ascii_spelling(name.replace(".", "_"))
    if name.isascii():
        return name
    return "u_" + "".join(c if c.isascii() and (c.isalnum() or c == "_") else f"{ord(c):x}_" for c in name).rstrip("_")


def _needs_allocation(name: str) -> bool:
    return (not name.isascii() or "." in name or name in RESERVED or name in NOT_RAW or TEMP_FORM.fullmatch(name) is not None)


def _user_names(m: ir.Module) -> set[str]:
    """Every Python name the emitter may write as a Rust identifier."""
    out: set[str] = set()
    for f in (*m.functions, m.main):
        if "." not in f.name and f.name != "<module>":
            out.add(f.name)
        out.update(n for n, _ in f.params)
        out.update(n for n, _ in f.locals)
        for n in ir.walk(f.body):
            if isinstance(n, (ir.Local, ir.NameTarget, ir.Global)):
                out.add(n.name)
            elif isinstance(n, ir.Handler) and n.name:
                out.add(n.name)
            elif isinstance(n, ir.Lambda):
                out.update(p for p, _ in n.params)
            elif isinstance(n, ir.Raise) and n.handler_var:
                out.add(n.handler_var)
    out.update(g.name for g in m.globals)
    out = {n for n in out if not ir.is_made_up(n)}
    for x in m.exceptions:
        out.add(x.name)
        out.update(fname for fname, _ in x.fields)
    return out


class Names:
    """The Rust spelling of every user name in a module, and fresh generated names."""

    def __init__(self, module: ir.Module):
        self._rust: dict[str, str] = {}
        self._taken: set[str] = set()
        names = sorted(_user_names(module))
        for n in names:  # names Rust takes as they are claim their own spelling first
            if not _needs_allocation(n):
                if n in RUST_KEYWORDS:
                    self._rust[n] = f"r#{n}"
                else:
                    self._rust[n] = n
                self._taken.add(n)
        for n in names:
            if n not in self._rust:
                self._rust[n] = self.fresh(ascii_spelling(n), suffix_first=n.isascii())

    def rust(self, name: str) -> str:
        """The Rust identifier of a Python name of this module (or of a name the analyzers made
        up, `ir.hidden`: `_for#3` -> `_for3`, `_aug#3#4#obj` -> `_aug3x4xobj`: the temporaries' form, which no user name has)."""
        if ir.is_made_up(name):  # `_aug#3#4#obj` -> `_aug3x4xobj` (parts kept apart)
            kind, _, rest = name.partition("#")
            return kind + rest.replace("#", "x")
        r = self._rust.get(name)
        if r is None:  # a name the emitter was not told about: give it a spelling now
            r = self._rust[name] = self.fresh(ascii_spelling(name), suffix_first=name.isascii() and _needs_allocation(name))
        return r

    def bare(self, name: str) -> str:
        """The Rust spelling of a Python name without `r#`, to build generated names from."""
        return self.rust(name).removeprefix("r#")

    def fresh(self, preferred: str, *, suffix_first: bool = False) -> str:
        """A module-level generated name, unique among all names of the crate."""
        cands = [] if suffix_first else [preferred]
        cands.append(preferred + "_")
        k = 2
        while True:
            for c in cands:
                if c not in self._taken and c not in RUST_KEYWORDS and not _needs_allocation(c):
                    self._taken.add(c)
                    return c
            cands = [f"{preferred}_{k}"]
            k += 1
