"""User classes (not exceptions): collecting them, and lowering what uses them.

Owns `ClassInfo` (a class's base, fields, methods, class constants, properties), `collect_class`
(a `class` statement -> `ClassInfo` + one `FuncSig` per method, named "Class.method"), the
checks that keep objects within what the Rust side models (single inheritance; every field set
by `__init__` before `self` escapes; no default repr printed), and `ClassMixin`, the part of
`analyzers.lower.FunctionLowerer` that lowers attribute reads and stores, method calls
(dispatched on the run-time class when subclasses override), constructors, `super()`,
`isinstance` and the dunder methods behind operators and builtins. Must not emit Rust.

Typing: an instance is `ir.ObjT(name)`; a subclass instance goes where a base is expected
(`coerce_to`), never the other way. Field types are type variables shared by the whole
hierarchy, settled by the module's fixpoint like locals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers import class_attrs, class_group, class_methods, class_types, generators, protocols
from portalis.analyzers.types import AnnotationError, TVar, parse_annotation, prune, show, unify
from portalis.analyzers.scope import walrus_targets

# dunders lowered as calls of the user's method (binary operators: (method, reflected method))
BINARY_DUNDERS = {"+": ("__add__", "__radd__"), "-": ("__sub__", "__rsub__"), "*": ("__mul__", "__rmul__"),
                  "/": ("__truediv__", "__rtruediv__"), "//": ("__floordiv__", "__rfloordiv__"),
                  "%": ("__mod__", "__rmod__"), "**": ("__pow__", "__rpow__"), "@": ("__matmul__", "__rmatmul__"),
                  "&": ("__and__", "__rand__"), "|": ("__or__", "__ror__"), "^": ("__xor__", "__rxor__"),
                  "<<": ("__lshift__", "__rlshift__"), ">>": ("__rshift__", "__rrshift__")}
COMPARE_DUNDERS = {"<": ("__lt__", "__gt__"), "<=": ("__le__", "__ge__"), ">": ("__gt__", "__lt__"),
                   ">=": ("__ge__", "__le__"), "==": ("__eq__", "__eq__"), "!=": ("__ne__", "__ne__")}
UNARY_DUNDERS = {"-": "__neg__", "+": "__pos__", "~": "__invert__"}
# dunders Portalis knows how to call; any other `__x__` method is refused at its `def`
# in-place operators (`x += y`): `__iadd__`, ... (analyzers/protocols.py)
INPLACE_DUNDERS = {op: "__i" + m[2:] for op, (m, _) in BINARY_DUNDERS.items() if op != "@"}
SUPPORTED_DUNDERS = ({"__init__", "__post_init__", "__call__", "__iter__", "__next__", "__delitem__", "__abs__", "__format__", *INPLACE_DUNDERS.values(), "__enter__", "__exit__", "__repr__", "__str__", "__eq__", "__ne__", "__hash__", "__len__", "__bool__",
                      "__contains__", "__getitem__", "__setitem__"}
                     | {m for pair in BINARY_DUNDERS.values() for m in pair} - {"__matmul__", "__rmatmul__"}
                     | {m for pair in COMPARE_DUNDERS.values() for m in pair} | set(UNARY_DUNDERS.values()))
_OPERATOR_DUNDERS = ({m for pair in BINARY_DUNDERS.values() for m in pair} | {m for pair in COMPARE_DUNDERS.values() for m in pair}
                     | set(UNARY_DUNDERS.values()) | {"__hash__"})
# `x.m(...)` methods every object has in CPython that Portalis does not model
_OBJECT_ATTRS = {"__class__", "__dict__", "__module__", "__doc__", "__init_subclass__", "__slots__"}


@dataclass
class ClassInfo:
    name: str
    base: str | None
    node: cst.ClassDef
    line: int
    tag: int
    fields: dict[str, Any] = field(default_factory=dict)  # on the root: every field of the hierarchy
    own_fields: dict[str, cst.CSTNode] = field(default_factory=dict)  # fields this class's methods set
    methods: dict[str, str] = field(default_factory=dict)  # own methods: name -> function ("C.m")
    kinds: dict[str, str] = field(default_factory=dict)  # name -> "method" | "static" | "class" | "property"
    setters: dict[str, str] = field(default_factory=dict)  # property -> its setter function
    attrs: dict[str, tuple[cst.BaseExpression, Any]] = field(default_factory=dict)  # class constants
    init_fields: set[str] = field(default_factory=set)  # set by `__init__` (own or inherited) before `self` escapes
    refused: bool = False
    body: list = field(default_factory=list)  # the class body (a dataclass's with its generated methods)
    frozen: bool = False  # a frozen dataclass
    generated_init: bool = False  # its `__init__` is the one @dataclass generates
    generated_repr: bool = False  # its `__repr__` is the one @dataclass generates (reprlib.recursive_repr)
    hash_fields: list[str] | None = None  # a frozen dataclass with eq: hashed by its fields
    abc_meta: bool = False  # its metaclass is ABCMeta (it or a base derives from ABC): analyzers.protocols
    abc_base: bool = False  # `ABC` is one of its bases
    abstract: set[str] = field(default_factory=set)  # its own @abstractmethod methods and properties
    notimpl: set[str] = field(default_factory=set)  # its own methods that may return NotImplemented
    derived: set[str] = field(default_factory=set)  # the methods @total_ordering added
    specializable: set[str] = field(default_factory=set)  # operator methods lowered per operand type
    stored_attrs: set[str] = field(default_factory=set)  # class attributes that are module variables (class_attrs)
    slots: tuple[str, ...] | None = None  # its `__slots__`
    dc_fields: list | None = None  # a dataclass's fields, its dataclass bases' first (analyzers/dataclass)
    dc_eq: bool = False  # a dataclass whose `__eq__` is the generated one
    synthetic: bool = False  # the implicit root of unrelated classes held together (class_group)
    group_roots: list[str] = field(default_factory=list)  # its top classes
    iter_view: str = ""  # its `__iter__` returns iter(d.items()/.keys()/.values()): the view (protocols)


# ---------------------------------------------------------------- the class hierarchy


def mro(info: Any, c: str) -> list[str]:
    out = []
    while c is not None and c in info.classes:
        out.append(c)
        c = info.classes[c].base
    return out


def root_of(info: Any, c: str) -> str:
    m = mro(info, c)
    return m[-1] if m else c


def is_subclass(info: Any, a: str, b: str) -> bool:
    return b in mro(info, a) or (b == class_group.GROUP and class_group.member(info, a))


def subclasses(info: Any, c: str) -> list[str]:
    """c and every class below it, in module order."""
    return [k for k in info.classes if is_subclass(info, k, c)]


def resolve(info: Any, c: str, m: str) -> tuple[str, str, str] | None:
    """(defining class, kind, function) of method or property `m` of class `c`."""
    for k in mro(info, c):
        ci = info.classes[k]
        if m in ci.methods:
            return k, ci.kinds[m], ci.methods[m]
    return None


def class_attr(info: Any, c: str, a: str) -> tuple[cst.BaseExpression, Any] | None:
    for k in mro(info, c):
        if a in info.classes[k].attrs:
            return info.classes[k].attrs[a]
    return None


def has_field(info: Any, c: str, f: str) -> bool:
    return any(f in info.classes[k].own_fields for k in mro(info, c))


def field_type(info: Any, c: str, f: str) -> Any:
    return info.classes[root_of(info, c)].fields[f]


def common_base(info: Any, a: str, b: str) -> str | None:
    ma = mro(info, a)
    for k in mro(info, b):
        if k in ma:
            return k
    return None


def defines_anywhere(info: Any, c: str, m: str) -> bool:
    """Whether c, a base or a subclass of c implements method m."""
    return any(m in info.classes[k].methods for k in set(mro(info, c)) | set(subclasses(info, c)))


# ---------------------------------------------------------------- collecting


def _decorator_name(d: cst.Decorator) -> str:
    x = d.decorator
    if isinstance(x, cst.Name):
        return x.value
    if isinstance(x, cst.Attribute) and isinstance(x.value, cst.Name):
        return f"{x.value.value}.{x.attr.value}"
    return "?"


def _self_attr(e: cst.CSTNode, selfname: str) -> str | None:
    if isinstance(e, cst.Attribute) and isinstance(e.value, cst.Name) and e.value.value == selfname:
        return e.attr.value
    return None


def _is_super_call(v: cst.CSTNode, m: str) -> bool:
    return (isinstance(v, cst.Call) and isinstance(v.func, cst.Attribute) and v.func.attr.value == m
            and isinstance(v.func.value, cst.Call) and isinstance(v.func.value.func, cst.Name)
            and v.func.value.func.value == "super" and not v.func.value.args)


def collect_class(ml: Any, c: cst.ClassDef) -> None:
    """A user class statement: refused (unsupported-class at its line) or recorded in
    `ml.info.classes`, with its methods as functions in `ml.info.funcs`."""
    from portalis.analyzers.lower import _is_doc_or_pass, _literal_default

    info = ml.info
    name = c.name.value
    line = ml.sm.span(c).line

    def refuse(msg: str, node: cst.CSTNode) -> None:
        ml.diag("unsupported-class", msg, node)
        if name not in info.classes:  # refused at its statement: a known name, its uses say nothing more
            info.classes[name] = ClassInfo(name, None, c, line, 0, refused=True)

    base: str | None = None
    dc = None
    # `ABC` / `metaclass=ABCMeta` and `@total_ordering` are analyzers.protocols'
    c_bases, c_keywords, abc_meta = protocols.abc_parts(info, c)
    total = [d for d in c.decorators if protocols.is_total_ordering(info, d)]
    decorators = [d for d in c.decorators if d not in total]
    if total and c.decorators[0] is not total[0]:
        refuse(f"class `{name}`: @total_ordering must be the outermost class decorator here", total[0])
        return
    if decorators:
        from portalis.analyzers.dataclass import dataclass_options
        d = _decorator_name(decorators[0]) if not isinstance(decorators[0].decorator, cst.Call) else \
            _decorator_name(cst.Decorator(decorators[0].decorator.func))
        is_dc = (d == "dataclass" and info.from_imports.get("dataclass") == ("dataclasses", "dataclass")) or \
            (d == "dataclasses.dataclass" and "dataclasses" in info.imports)
        if not is_dc or len(decorators) > 1:
            refuse(f"class `{name}`: class decorators other than @dataclass (imported from dataclasses) and "
                   "@total_ordering are not supported", decorators[0] if not is_dc else decorators[1])
            return
        dc = dataclass_options(ml, decorators[0])
        if dc is None:
            return
    if any(a.keyword is not None for a in c_bases) or c_keywords:
        refuse(f"class `{name}`: metaclasses and class keywords are not supported", c.name)
        return
    if len(c_bases) > 1:
        refuse(f"class `{name}`: multiple inheritance is not supported (one base class at most)", c.name)
        return
    if c_bases:
        b = c_bases[0].value
        if isinstance(b, cst.Name) and b.value == "object":
            base = None
        elif isinstance(b, cst.Name) and b.value in info.classes:
            if info.classes[b.value].refused:
                ml.info.classes[name] = ClassInfo(name, None, c, line, 0, refused=True)
                return
            base = b.value
        else:
            what = cst.Module([]).code_for_node(b)
            refuse(f"class `{name}`: its base `{what}` is not a user class defined before it (only single "
                   "inheritance from user classes is supported; enums, NamedTuple, builtin types are not)", c.name)
            return
    ci = ClassInfo(name, base, c, line, len(info.classes) + 1)
    ci.abc_meta = abc_meta or (base is not None and info.classes[base].abc_meta)
    ci.abc_base = len(c_bases) != len(c.bases)
    info.classes[name] = ci
    info.type_aliases[name] = ir.ObjT(name)
    body = list(c.body.body) if isinstance(c.body, cst.IndentedBlock) else []
    if dc is not None:
        from portalis.analyzers.dataclass import expand_dataclass
        if base is not None and info.classes[base].frozen != dc.frozen:
            refuse("cannot inherit frozen dataclass from a non-frozen one (or the reverse): CPython raises TypeError",
                   c.name)
            ci.refused = True
            return
        expanded = expand_dataclass(ml, c, dc)
        if expanded is None:
            ci.refused = True
            return
        own = {s.name.value for s in body if isinstance(s, cst.FunctionDef)}
        ci.generated_init = "__init__" not in own
        ci.generated_repr = "__repr__" not in own  # repr=False is refused
        body = expanded[0] + expanded[1]
        ci.frozen = dc.frozen
        if dc.frozen:
            info.add_library_exception("FrozenInstanceError", "AttributeError", "dataclasses")
        if dc.frozen and dc.eq and "__hash__" not in own:
            ci.hash_fields = [f[0] for f in ci.dc_fields or ()]  # its dataclass bases' fields too
    elif base is not None and info.classes[base].frozen:
        refuse("cannot inherit non-frozen dataclass from a frozen one: CPython raises TypeError", c.name)
        ci.refused = True
        return
    if total:
        added = protocols.total_ordering_methods(ml, c, body, base, total[0])
        if added is None:
            ci.refused = True
            return
        body = body + added
        ci.derived = {f.name.value for f in added}
    ci.body = body
    funcs: list[tuple[cst.FunctionDef, str]] = []
    for s in body:
        if _is_doc_or_pass(s):
            continue
        if isinstance(s, cst.FunctionDef):
            m = s.name.value
            kind = "method"
            stripped = protocols.strip_abstract(info, list(s.decorators))
            if stripped is None:
                refuse("@abstractmethod must be the innermost decorator", s.decorators[0])
                ci.refused = True
                continue
            if stripped[1]:
                ci.abstract.add(m)
            decos = [_decorator_name(d) for d in stripped[0]]
            if decos == ["staticmethod"]:
                kind = "static"
            elif decos == ["classmethod"]:
                kind = "class"
            elif decos == ["property"]:
                kind = "property"
            elif len(decos) == 1 and decos[0] == f"{m}.setter" and ci.kinds.get(m) == "property":
                kind = "setter"
            elif decos:
                refuse(f"method decorator `@{decos[0]}` is not supported (only @staticmethod, @classmethod, "
                       "@property and its setter)", s.decorators[0])
                ci.refused = True
                continue
            if m.startswith("__") and m.endswith("__") and m not in SUPPORTED_DUNDERS:
                refuse(f"the special method `{m}` is not supported", s.name)
                ci.refused = True
                continue
            if m == "__iter__" and not protocols.returns_iterator(s):  # analyzers/protocols.py
                rewritten = protocols.rewrite_iter(ml, s) if kind == "method" else None
                if rewritten is None and kind == "method" and generators.own_yields(s):
                    rewritten = s  # a generator method (analyzers/generators.py): loops call it
                if rewritten is None:
                    refuse("`__iter__` is supported as `return iter(self.FIELD)` (any list, dict, set, str or tuple "
                           "expression), as a generator (`yield`), or returning an iterator object", s.name)
                    ci.refused = True
                    continue
                s = rewritten
            if (m in ci.methods and kind != "setter") or (kind == "setter" and m in ci.setters):
                refuse(f"method `{m}` is defined twice in `{name}`", s.name)
                ci.refused = True
                continue
            if base is not None and kind != "setter":
                inherited = resolve(info, base, m)
                if inherited is not None and inherited[1] != kind:
                    refuse(f"`{m}` overrides a {inherited[1]} method of `{inherited[0]}` with a {kind} one", s.name)
                    ci.refused = True
                    continue
            fname = f"{name}.{m}" if kind != "setter" else f"{name}.{m}#set"
            if kind == "setter":
                ci.setters[m] = fname
            else:
                ci.methods[m] = fname
                ci.kinds[m] = kind
            funcs.append((s, fname))
            continue
        if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1:
            x = s.body[0]
            tgt = val = ann = None
            if isinstance(x, cst.Assign) and len(x.targets) == 1 and isinstance(x.targets[0].target, cst.Name):
                tgt, val = x.targets[0].target.value, x.value
            elif isinstance(x, cst.AnnAssign) and isinstance(x.target, cst.Name):
                tgt, val, ann = x.target.value, x.value, x.annotation.annotation
            if tgt is not None:
                t: Any = TVar(f"class attribute {name}.{tgt}")
                if ann is not None:
                    try:
                        t = parse_annotation(ann, set(info.exceptions) | ml._pending_exceptions(), info.type_aliases)
                    except AnnotationError as e:
                        ml.diag("unsupported-type", str(e), e.node)
                        ci.refused = True
                        continue
                if val is None:  # `x: int`: the type of an instance field
                    ci.own_fields.setdefault(tgt, x)
                    root = info.classes[root_of(info, name)]
                    root.fields.setdefault(tgt, TVar(f"field {tgt} of {name}"))
                    unify(root.fields[tgt], t)
                    continue
                if tgt == "__slots__" and ann is None:
                    class_attrs.collect_slots(ml, ci, val)
                    continue
                ci.attrs[tgt] = (val, t)
                class_attrs.collect_attr(ml, ci, tgt, x, val, t, _literal_default(val))
                continue
        refuse(f"class `{name}` may hold methods, literal class attributes and field annotations only",
               s.name if isinstance(s, (cst.FunctionDef, cst.ClassDef)) else s)
        ci.refused = True
    if base is not None:  # CPython tries a subclass's reflected operator first: not modelled
        for m in ci.methods:
            inh = resolve(info, base, m)
            if m == "__eq__" and ci.dc_eq and inh is not None and info.classes[inh[0]].dc_eq:
                continue  # generated by @dataclass on both: equal only within one class, whichever runs
            if m in _OPERATOR_DUNDERS and defines_anywhere(info, base, m):
                refuse(f"`{name}` overrides the operator method `{m}` of a base class: not supported (CPython "
                       "would try the subclass's reflected method first)", c.name)
                ci.refused = True
                break
    for fn, fname in funcs:
        _collect_fields(ml, ci, fn)
        if protocols.returns_notimpl(fn) or (fn.name.value in ci.derived and protocols.root_may_notimpl(info, ci, body)):
            ci.notimpl.add(fn.name.value)
        protocols.note_specializable(ml, ci, fn)
    for fn, fname in funcs:
        kind = ci.kinds.get(fn.name.value, "setter") if not fname.endswith("#set") else "setter"
        ml.collect_method(fn, fname, name, kind)
    _link_overrides(ml, ci)
    _check_init_fields(ml, ci)
    class_attrs.check_slots(ml, ci)
    if ci.refused:  # diagnosed: its methods are not lowered (their errors would only cascade)
        for f in (*ci.methods.values(), *ci.setters.values()):
            info.funcs.pop(f, None)


def _collect_fields(ml: Any, ci: ClassInfo, fn: cst.FunctionDef) -> None:
    """Every `self.NAME = ...` (and `self.NAME: T = ...`, `self.NAME op= ...`) in a method."""
    info = ml.info
    p = fn.params.params
    if not p or ci.kinds.get(fn.name.value) in ("static", "class"):
        return
    selfname = p[0].name.value
    root = info.classes[root_of(info, ci.name)]

    class V(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            self.target(node.target)

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            self.target(node.target)

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            self.target(node.target)

        def visit_For(self, node: cst.For) -> None:
            self.target(node.target)

        def target(self, t: cst.CSTNode) -> None:
            if isinstance(t, (cst.Tuple, cst.List)):
                for el in t.elements:
                    self.target(el.value)
                return
            f = _self_attr(t, selfname)
            if f is not None and f not in ci.methods:
                ci.own_fields.setdefault(f, t)
                root.fields.setdefault(f, TVar(f"field {f} of {ci.name}"))

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is fn

    fn.visit(V())


def _check_init_fields(ml: Any, ci: ClassInfo) -> None:
    """Python creates an attribute when it is first assigned; Portalis' objects have every field
    from the start. So every field a class's methods (or its bases') set must be set by its
    `__init__` (top-level `self.NAME = value` statements, or a base's through
    `super().__init__(...)`) before `self` is used in any other way: then no read can see a
    field that CPython would not have yet (AttributeError)."""
    info = ml.info
    init = resolve(info, ci.name, "__init__")
    done: set[str] = set()
    if init is not None and init[0] != ci.name:
        done = set(info.classes[init[0]].init_fields)
    elif init is not None:
        fn = next(s for s in ci.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__")
        p = fn.params.params
        selfname = p[0].name.value if p else "self"
        stmts = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else []
        # statements one by one: `self.x = x; self.y = y` on one line are two
        units = [u for st in stmts for u in (st.body if isinstance(st, cst.SimpleStatementLine) else [st])]
        for st in units:
            x = st if isinstance(st, cst.BaseSmallStatement) else None
            if isinstance(x, cst.Expr) and _is_super_call(x.value, "__init__") and ci.base is not None:
                if not _uses_self(x.value, selfname, done):
                    done |= info.classes[ci.base].init_fields
                    continue
                break
            tgt = val = None
            if isinstance(x, cst.Assign) and len(x.targets) == 1:
                tgt, val = x.targets[0].target, x.value
            elif isinstance(x, cst.AnnAssign) and x.value is not None:
                tgt, val = x.target, x.value
            f = _self_attr(tgt, selfname) if tgt is not None else None
            if f is not None and val is not None and not _uses_self(val, selfname, done):
                done.add(f)
                continue
            if not _uses_self(st, selfname, done) or isinstance(st, (cst.Pass, cst.Expr)) and isinstance(
                    getattr(st, "value", None), (cst.SimpleString, type(None))):
                continue
            break  # `self` escapes (a method call, passed on, a field read before it is set...)
    ci.init_fields = done
    for k in mro(info, ci.name):
        for f, node in info.classes[k].own_fields.items():
            if f not in done and not ci.refused:
                ml.diag("unsupported-class", f"field `{f}` of `{ci.name}` is not set by `__init__` before `self` is "
                        "used otherwise: Portalis needs every field set there first (top-level "
                        f"`self.{f} = ...` statements, or a base's `__init__` through `super().__init__()`), "
                        "since CPython raises AttributeError for a field read before it is set", node)
                ci.refused = True
                return


def _uses_self(node: cst.CSTNode, selfname: str, done: set[str]) -> bool:
    """Whether `node` uses `self` other than reading fields already set."""
    found = [False]

    class V(cst.CSTVisitor):
        def visit_Attribute(self, n: cst.Attribute) -> bool:
            if isinstance(n.value, cst.Name) and n.value.value == selfname:
                if n.attr.value not in done:
                    found[0] = True
                return False
            return True

        def visit_Name(self, n: cst.Name) -> None:
            if n.value == selfname:
                found[0] = True

    node.visit(V())
    return found[0]


def _link_overrides(ml: Any, ci: ClassInfo) -> None:
    """An override takes and returns what the method it overrides does (one Rust signature for
    the dispatch): unify their parameter and return types."""
    info = ml.info
    if ci.base is None:
        return
    for m, fname in ci.methods.items():
        inh = resolve(info, ci.base, m)
        if inh is None or m == "__init__" or inh[1] == "static":
            continue
        a, b = info.funcs[fname], info.funcs[inh[2]]
        if len(a.params) != len(b.params):
            ml.diag("unsupported-class", f"`{ci.name}.{m}` overrides `{inh[0]}.{m}` with a different number of "
                    "parameters", a.node.name)
            ci.refused = True
            continue
        for (pn, pt), (_, bt) in zip(a.params[1:], b.params[1:]):
            if not unify(pt, bt):
                ml.diag("unsupported-class", f"parameter `{pn}` of `{ci.name}.{m}` has another type than in "
                        f"`{inh[0]}.{m}` ({show(pt)} vs {show(bt)})", a.node.name)
                ci.refused = True
        if not unify(a.ret, b.ret):
            ml.diag("unsupported-class", f"`{ci.name}.{m}` returns another type than `{inh[0]}.{m}` "
                    f"({show(a.ret)} vs {show(b.ret)})", a.node.name)
            ci.refused = True


def ir_classes(info: Any) -> tuple[ir.Class, ...]:
    from portalis.diagnostics import Span
    out = []
    for name, ci in info.classes.items():
        if ci.refused:
            continue
        methods: dict[str, str] = {}
        for k in reversed(mro(info, name)):
            for m, f in info.classes[k].methods.items():
                methods[m] = f
            for m, f in info.classes[k].setters.items():
                methods[m + "#set"] = f
        fields = tuple((f, t) for f, t in ci.fields.items()) if ci.base is None else ()
        hf = None
        if ci.hash_fields is not None:
            hf = tuple((f, field_type(info, name, f)) for f in ci.hash_fields)
        base, root = ci.base, root_of(info, name)
        if ci.synthetic:
            methods = {}
        elif class_group.member(info, name):  # one Rust hierarchy under the implicit root
            root = class_group.GROUP
            if base is None:
                base, fields = class_group.GROUP, ()
        out.append(ir.Class(name, base, root, ci.tag, fields, tuple(methods.items()),
                            Span(ci.line, 0, ci.line, 0), hf, ci.generated_repr))
    return tuple(out)


# ---------------------------------------------------------------- lowering uses


# ---------------------------------------------------------------- checks on the finished IR


def _text_ok(info: Any, t: Any, mode: str) -> str | None:
    """The first class whose instances inside a value of type t would print CPython's default
    repr (an address) when the value is turned into text with str() ("str") or repr()."""
    if isinstance(t, ir.ObjT):
        if t.name not in info.classes:
            return None
        for k in subclasses(info, t.name):
            if info.classes[k].synthetic:
                continue
            if resolve(info, k, "__repr__") is None and (mode == "repr" or resolve(info, k, "__str__") is None):
                return k
        return None
    if isinstance(t, ir.OptionT):
        return _text_ok(info, t.inner, mode)
    for c in _type_children(t):
        bad = _text_ok(info, c, "repr")
        if bad is not None:
            return bad
    return None


def _type_children(t: Any) -> tuple:
    if isinstance(t, (ir.ListT, ir.SetT, ir.DequeT)):
        return (t.elem,)
    if isinstance(t, ir.DictT):
        return (t.key, t.val)
    if isinstance(t, ir.TupleT):
        return t.items
    return ()


def _needs_lt(info: Any, t: Any) -> str | None:
    """A class inside t whose instances cannot be ordered with `<` (no `__lt__`)."""
    for x in ir.type_parts(t):
        if isinstance(x, ir.ObjT) and x.name in info.classes:
            for k in subclasses(info, x.name):
                if resolve(info, k, "__lt__") is None:
                    return k
    return None


def unhashable(info: Any, t: Any) -> str | None:
    """A class whose instances CPython cannot hash (it defines `__eq__` but not `__hash__`)."""
    for x in ir.type_parts(t):
        if isinstance(x, ir.ObjT) and x.name in info.classes:
            for k in subclasses(info, x.name):
                for c in mro(info, k):  # the first class defining either decides
                    own = info.classes[c].methods
                    if "__hash__" in own or info.classes[c].hash_fields is not None:
                        if any(isinstance(x, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)) for f in info.classes[c].hash_fields or ()
                               for x in ir.type_parts(prune(field_type(info, c, f)))):
                            return k  # CPython's generated __hash__ hashes a list: TypeError
                        break
                    if "__eq__" in own:
                        return k
    return None


def check_module(info: Any, m: ir.Module) -> list:
    """Refusals that need the final types: printing an object with CPython's default repr (an
    address, different on every run) and objects CPython cannot hash used as keys."""
    from portalis.diagnostics import make
    if not info.classes:
        return []
    out = []
    seen: set[tuple[int, str]] = set()

    def text(e: Any, mode: str) -> None:
        bad = _text_ok(info, e.ty, mode)
        if bad is not None and (e.span.line, bad) not in seen:
            seen.add((e.span.line, bad))
            out.append(make("object-default-repr", f"this prints an instance of `{bad}` with CPython's default repr "
                            f"(`<__main__.{bad} object at 0x...>`, an address that differs between runs); define "
                            "`__repr__` (or `__str__`)", e.span))

    # dunders the runtime calls through its traits must return what the protocol returns
    # (a __bool__ that returns anything but a bool is CPython's TypeError at every truth test)
    want = {"__repr__": ir.STR, "__str__": ir.STR, "__eq__": ir.BOOL, "__lt__": ir.BOOL, "__hash__": ir.INT,
            "__len__": ir.INT, "__bool__": ir.BOOL}
    fn_by_name = {f.name: f for f in m.functions}
    for c in m.classes:
        for meth, func in c.methods:
            f = fn_by_name.get(func)
            if meth in want and f is not None and f.ret != want[meth] and (f.span.line, meth) not in seen:
                seen.add((f.span.line, meth))
                out.append(make("type-mismatch", f"`{func}` must return {want[meth]} (it returns {f.ret})", f.span))

    def order(t: Any, sp: Any) -> None:
        bad = _needs_lt(info, t)
        if bad is not None and (sp.line, "#lt") not in seen:
            seen.add((sp.line, "#lt"))
            out.append(make("type-mismatch", f"'<' not supported between instances of '{bad}' (define `__lt__`)", sp))

    for root in (*m.functions, m.main):
        for n in ir.walk(root.body):
            if isinstance(n, ir.Intrinsic) and n.name in ("sorted", "list.sort", "min.iter", "max.iter", "min.args",
                                                           "max.args"):
                kw = dict(n.kwargs)
                if "key" in kw:
                    kt = kw["key"].ty
                    order(kt.ret if isinstance(kt, ir.FuncT) else kt, n.span)
                elif n.name.endswith(".args"):
                    order(n.ty, n.span)
                else:
                    a0 = n.args[0]
                    t = prune(a0.ty)
                    if isinstance(a0, ir.Intrinsic) and a0.name == "dict.items" and n.name in ("sorted", "min.iter",
                                                                                                "max.iter"):
                        # (key, value) pairs of one dict: the keys differ, so no value is ever compared
                        order(prune(a0.args[0].ty).key, n.span)
                        continue
                    # what iterating it gives: a dict's keys (its values are never compared)
                    order(t.elem if isinstance(t, (ir.ListT, ir.SetT, ir.DequeT, ir.IterT)) else
                          t.key if isinstance(t, ir.DictT) else t, n.span)
            elif isinstance(n, ir.Compare) and any(op in ("<", "<=", ">", ">=") for op in n.ops):
                for x in n.operands:
                    order(x.ty, n.span)
            if isinstance(n, ir.Intrinsic) and n.name == "print":
                for a in n.args:
                    text(a, "str")
            elif isinstance(n, ir.Intrinsic) and n.name in ("str", "repr"):
                text(n.args[0], n.name)
            elif isinstance(n, ir.FormatField):
                text(n.expr, "repr" if n.conversion == "r" else "str")
            elif isinstance(n, ir.NewExc):
                for a in n.args:
                    text(a, "repr")
            elif isinstance(n, ir.Assert) and n.msg is not None:
                text(n.msg, "repr")
            ty = getattr(n, "ty", None)
            if isinstance(ty, (ir.DictT, ir.SetT)):
                key = ty.key if isinstance(ty, ir.DictT) else ty.elem
                bad = unhashable(info, key)
                if bad is not None and (n.span.line, "#hash") not in seen:
                    seen.add((n.span.line, "#hash"))
                    out.append(make("type-mismatch", f"unhashable type: '{bad}' (it defines `__eq__` but not "
                                    "`__hash__`, so CPython cannot use its instances as dict keys or set members)",
                                    n.span))
    return out


class OperatorMixin:
    """Part of `ClassMixin`: operators, truth, len and isinstance on objects, through dunders."""

    def obj_dunder(self, obj: ir.Expr, t: ir.ObjT, m: str, arg_nodes: list, node: cst.CSTNode) -> ir.Expr:
        if self.refused_class(t.name):
            return self.poison(node)
        r = resolve(self.info, t.name, m)
        if r is None or r[1] != "method":
            what = {"__getitem__": "is not subscriptable", "__len__": "has no len()",
                    "__delitem__": "does not support item deletion",
                    "__contains__": "is not a container (no `__contains__`)"}.get(m, f"has no `{m}`")
            return self.err("type-mismatch", f"'{t.name}' object {what}", node)
        return self.method_call_ir(obj, t, m, r, arg_nodes, node)

    def _call_lowered(self, t: ir.ObjT, m: str, args: list[ir.Expr], node: cst.CSTNode) -> ir.Expr:
        """`t.m(*args)` with every argument already lowered (dispatched when overridden)."""
        if self.refused_class(t.name):  # reported at the class; its methods are not lowered
            return self.poison(node)
        r = resolve(self.info, t.name, m)
        assert r is not None
        definer, _, func = r
        func = protocols.specialized(self, func, args)  # an operator method's copy for this operand type
        sig = self.info.funcs[func]
        if len(sig.params) != len(args):
            return self.err("type-mismatch", f"`{func}` takes {len(sig.params)} parameters here, "
                            f"not {len(args)}", node)
        dispatch = t.name if any(m in self.info.classes[k].methods for k in subclasses(self.info, t.name)
                                 if k != definer and not is_subclass(self.info, definer, k)) else None
        co = [self.coerce_to(a, pt, node, f"parameter `{pn}` of `{func}`") for a, (pn, pt) in zip(args, sig.params)]
        return ir.Call(func, tuple(co), sig.ret, self.sp(node), dispatch)

    def _has(self, t: Any, m: str) -> bool:
        return isinstance(t, ir.ObjT) and t.name in self.info.classes and resolve(self.info, t.name, m) is not None \
            and resolve(self.info, t.name, m)[1] == "method"

    def obj_compare(self, op: str, a: ir.Expr, b: ir.Expr, node: cst.CSTNode) -> ir.Expr:
        sp = self.sp(node)
        ta, tb = prune(a.ty), prune(b.ty)
        if isinstance(ta, TVar) or isinstance(tb, TVar):
            return self.unknown(sp, of=(ta, tb))
        for t in (ta, tb):
            inner = t.inner if isinstance(t, ir.OptionT) else t
            if isinstance(inner, ir.ObjT) and self.refused_class(inner.name):
                return self.poison(node)
        if op in ("is", "is not"):
            return ir.Compare((op,), (a, b), ir.BOOL, sp)
        if op in ("in", "not in"):
            if isinstance(tb, ir.ObjT) and not self._has(tb, "__contains__") and self._has(tb, "__iter__"):
                b = self.iterated(b)  # CPython looks for the needle in what `__iter__` gives
                tb = prune(b.ty)
                if isinstance(tb, TVar):
                    return self.unknown(sp) if tb.origin != "error" else self.poison(node)  # (reported there)
                if not isinstance(tb, (ir.ListT, ir.SetT, ir.DictT, ir.TupleT, ir.IterT)) and tb != ir.STR \
                        or (isinstance(tb, ir.IterT) and tb.kind not in ("range", "keys", "values")):
                    # (a generator `__iter__`, a dict's items: was a statement dropped silently until 2026-12-05)
                    return self.err("unsupported-class", f"`in` on an object whose `__iter__` gives {show(tb)} is not "
                                    "supported; define `__contains__`", node)
            if isinstance(tb, ir.ObjT):
                call = self.obj_dunder(b, tb, "__contains__", [], node) if not self._has(tb, "__contains__") \
                    else self._call_lowered(tb, "__contains__", [b, a], node)
                call = self.truthy(call) if not isinstance(prune(call.ty), TVar) else call
                return ir.UnaryOp("not", call, ir.BOOL, sp) if op == "not in" else call
            ct = prune(b.ty)
            elem = ct.elem if isinstance(ct, (ir.ListT, ir.SetT, ir.DequeT)) else ct.key if isinstance(ct, ir.DictT) else None
            if elem is not None and isinstance(ta, ir.ObjT):
                a = self.coerce_to(a, elem, node, "the needle")
            return ir.Compare((op,), (a, self.membership_rhs(a, b, node)), ir.BOOL, sp)
        if isinstance(ta, ir.OptionT) or isinstance(tb, ir.OptionT):
            if op in ("==", "!=") and not any(isinstance(x, ir.ObjT) and defines_anywhere(self.info, x.name, "__eq__")
                                              for x in (_strip(ta), _strip(tb))):
                return ir.Compare(("is" if op == "==" else "is not",), (a, b), ir.BOOL, sp)
            return self.err("type-mismatch", f"`{op}` between values that may be None and objects is not supported",
                            node)
        ni = protocols.ni_compare(self, op, a, b, ta, tb, node)
        if ni is not None:
            return ni
        if op in ("==", "!="):
            eq_a = isinstance(ta, ir.ObjT) and defines_anywhere(self.info, ta.name, "__eq__")
            eq_b = isinstance(tb, ir.ObjT) and defines_anywhere(self.info, tb.name, "__eq__")
            if op == "!=" and self._has(ta, "__ne__"):  # what it returns, with or without an __eq__
                return self._call_lowered(ta, "__ne__", [a, b], node)
            if op == "!=" and any(isinstance(x, ir.ObjT) and defines_anywhere(self.info, x.name, "__ne__")
                                  for x in (ta, tb)):
                # the right operand's __ne__ (CPython calls it when the left one's object.__ne__
                # gives NotImplemented), or one only some subclasses of the left operand's define
                return self.err("unsupported-class", "`!=` where the left operand's class does not define the "
                                "`__ne__` that some of the classes involved define is not supported", node)
            if not eq_a and not eq_b:  # object's default: identity
                if isinstance(ta, ir.ObjT) and isinstance(tb, ir.ObjT):
                    return ir.Compare(("is" if op == "==" else "is not",), (a, b), ir.BOOL, sp)
                return ir.Intrinsic("eval_then", (ir.TupleLit((a, b), ir.TupleT((ta, tb)), sp),
                                                  ir.Const(op == "!=", ir.BOOL, sp)), ir.BOOL, sp)
            if self._has(ta, "__eq__"):
                call = self._call_lowered(ta, "__eq__", [a, b], node)
            elif self._has(tb, "__eq__"):
                call = self._call_lowered(tb, "__eq__", [b, a], node)
            else:
                return self.err("unsupported-class", "`==` where only some classes of the hierarchy define `__eq__` "
                                "is not supported", node)
            if isinstance(prune(call.ty), TVar):
                return call
            return ir.UnaryOp("not", self.truthy(call), ir.BOOL, sp) if op == "!=" else call
        m, rm = COMPARE_DUNDERS[op]
        if self._has(ta, m):
            return self._call_lowered(ta, m, [a, b], node)
        if self._has(tb, rm):
            return self._call_lowered(tb, rm, [b, a], node)
        return self.err("type-mismatch", f"'{op}' not supported between instances of '{show(ta)}' and '{show(tb)}' "
                        f"(define `{m}`)", node)

    def obj_binop(self, op: str, left: ir.Expr, right: ir.Expr, lt: Any, rt: Any, node: cst.CSTNode,
                  inplace: bool = False) -> ir.Expr:
        if op not in BINARY_DUNDERS:
            return self.err("type-mismatch", f"unsupported operand types for {op}", node)
        for t in (lt, rt):
            if isinstance(t, ir.ObjT) and self.refused_class(t.name):
                return self.poison(node)
        if inplace:  # `x op= y`: `x.__iop__(y)` first
            ip = protocols.inplace_binop(self, op, left, right, lt, rt, node)
            if ip is not None:
                return ip
        ni = protocols.ni_binop(self, op, left, right, lt, rt, node, inplace)
        if ni is not None:
            return ni
        m, rm = BINARY_DUNDERS[op]
        if self._has(lt, m):
            return self._call_lowered(lt, m, [left, right], node)
        if self._has(rt, rm):
            return self._call_lowered(rt, rm, [right, left], node)
        return self.err("type-mismatch", f"unsupported operand type(s) for {op}: '{show(lt)}' and '{show(rt)}' "
                        f"(define `{m}`)", node)

    def obj_unary(self, op: str, e: ir.Expr, t: ir.ObjT, node: cst.CSTNode) -> ir.Expr:
        if self.refused_class(t.name):
            return self.poison(node)
        m = UNARY_DUNDERS[op]
        if self._has(t, m):
            return self._call_lowered(t, m, [e], node)
        return self.err("type-mismatch", f"bad operand type for unary {op}: '{t.name}' (define `{m}`)", node)

    def obj_truthy(self, e: ir.Expr, t: ir.ObjT) -> ir.Expr:
        sp = e.span
        if self.refused_class(t.name):
            return ir.Const(None, TVar("error"), sp)
        for m in ("__bool__", "__len__"):
            if defines_anywhere(self.info, t.name, m) and not self._has(t, m):
                self.err_at("unsupported-class", f"the truth of a `{t.name}` depends on `{m}`, which only some of its "
                            "subclasses define: not supported", sp)
                return ir.Const(None, TVar("error"), sp)
        if self._has(t, "__bool__"):
            call = self._call_lowered(t, "__bool__", [e], e)  # type: ignore[arg-type]
            return call if prune(call.ty) == ir.BOOL else self.truthy(call)
        if self._has(t, "__len__"):
            call = self._call_lowered(t, "__len__", [e], e)  # type: ignore[arg-type]
            if prune(call.ty) == ir.INT:  # checked as len() checks it: `if x:` with __len__ -1 raises
                call = ir.Intrinsic("obj.len_check", (call,), ir.INT, sp)
            return ir.Compare(("!=",), (call, ir.Const(0, ir.INT, sp)), ir.BOOL, sp)
        return ir.Intrinsic("eval_then", (e, ir.Const(True, ir.BOOL, sp)), ir.BOOL, sp)

    def opt_obj_truthy(self, e: ir.Expr, t: ir.ObjT) -> ir.Expr:
        """`while node:` on an Optional object: not None (and, where the class defines `__bool__`
        or `__len__`, what that says: refused, the common case is the plain object)."""
        if self.refused_class(t.name):
            return ir.Const(None, TVar("error"), e.span)
        for m in ("__bool__", "__len__"):
            if defines_anywhere(self.info, t.name, m):
                self.err_at("unsupported-class", f"the truth of an Optional `{t.name}` (which defines `{m}`) is not "
                            f"supported: write `x is not None and ...`", e.span)
                return ir.Const(None, TVar("error"), e.span)
        return ir.Compare(("is not",), (e, ir.Const(None, ir.NONE, e.span)), ir.BOOL, e.span)

    def obj_isinstance(self, x: ir.Expr, t: ir.ObjT, names: list[str], node: cst.CSTNode) -> ir.Expr:
        sp = self.sp(node)
        tags: set[int] = set()
        for n in names:
            if n in self.info.classes:
                if is_subclass(self.info, t.name, n):
                    tags |= {self.info.classes[k].tag for k in subclasses(self.info, t.name)}
                else:
                    tags |= {self.info.classes[k].tag for k in subclasses(self.info, n)}
            elif n == "object":
                tags |= {self.info.classes[k].tag for k in subclasses(self.info, t.name)}
            elif self.info.from_imports.get(n) == ("abc", "ABC"):  # classes with ABC among their bases
                tags |= {self.info.classes[k].tag for k in subclasses(self.info, t.name)
                         if any(self.info.classes[c].abc_base for c in mro(self.info, k))}
        every = {self.info.classes[k].tag for k in subclasses(self.info, t.name)}
        if every <= tags or not (tags & every):
            return ir.Intrinsic("eval_then", (x, ir.Const(every <= tags, ir.BOOL, sp)), ir.BOOL, sp)
        return ir.Intrinsic("obj.isinstance", (x, ir.Const("|".join(map(str, sorted(tags & every))), ir.STR, sp)),
                            ir.BOOL, sp)


def _strip(t: Any) -> Any:
    return t.inner if isinstance(t, ir.OptionT) else t


class ClassMixin(OperatorMixin):
    """Part of `analyzers.lower.FunctionLowerer`: attribute access, methods, constructors."""

    owner: str | None = None  # the class whose method is being lowered
    cls_param: str | None = None  # a class method's `cls`

    def is_class_name(self, n: str) -> bool:
        return (n in self.info.classes and not self.info.classes[n].synthetic and n not in self.locals and n not in self.info.globals
                and n not in self.comp_scope)

    def class_named(self, node: cst.BaseExpression) -> str | None:
        """The user class a name stands for (a class name, or a class method's `cls`)."""
        if isinstance(node, cst.Name):
            if self.cls_param is not None and node.value == self.cls_param and self.owner is not None:
                return self.owner
            if self.is_class_name(node.value):
                return node.value
        return None

    def b_issubclass(self, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
        return class_types.issubclass_(self, node, pos, kw)

    def refused_class(self, c: str) -> bool:
        """Diagnosed already (or never collected: a class refused at its statement)."""
        return c not in self.info.classes or self.info.classes[c].refused

    # ---- reads

    def obj_attribute(self, node: cst.Attribute, obj: ir.Expr, t: ir.ObjT) -> ir.Expr:
        sp = self.sp(node)
        a = node.attr.value
        info = self.info
        if self.refused_class(t.name):
            return self.poison(node)
        if info.classes[t.name].synthetic:  # unrelated classes held together
            return class_group.attribute(self, obj, node)
        r = resolve(info, t.name, a)
        if r is not None and r[1] == "property":
            return self.method_call_ir(obj, t, a, r, [], node)
        if has_field(info, t.name, a):
            ft = field_type(info, t.name, a)
            return ir.GetAttr(obj, a, ft, sp)
        ca = class_attr(info, t.name, a)
        if ca is not None:
            per_class = [(info.classes[k].tag, class_attr(info, k, a)) for k in subclasses(info, t.name)]
            if all(x[1] is ca for x in per_class):
                const = self.class_constant(ca, node)
                if isinstance(obj, (ir.Local, ir.Global)):
                    return const
                return ir.Intrinsic("eval_then", (obj, const), const.ty, sp)  # the object still runs
            # a subclass overrides the constant: the run-time class picks it
            groups: dict[int, list[int]] = {}
            vals: list[tuple[cst.BaseExpression, Any]] = []
            for tag, x in per_class:
                i = next((j for j, v in enumerate(vals) if v is x), None)
                if i is None:
                    vals.append(x)  # type: ignore[arg-type]
                    i = len(vals) - 1
                groups.setdefault(i, []).append(tag)
            lowered = [self.class_constant(v, node) for v in vals]
            ty = lowered[0].ty
            lowered = [self.coerce_to(v, ty, node, "the class attribute") for v in lowered]
            tags = ";".join("|".join(map(str, groups[i])) for i in range(len(vals)))
            return ir.Intrinsic("obj.by_tag", (obj, *lowered), ty, sp, (("tags", ir.Const(tags, ir.STR, sp)),))
        if self.owner is not None and self.fname == f"{self.owner}.__eq__" and info.classes[self.owner].dc_eq \
                and has_field(info, self.owner, a) and is_subclass(info, self.owner, t.name):
            # the generated `__eq__` of a dataclass reads `other`'s fields once the classes are equal
            return ir.GetAttr(obj, a, field_type(info, t.name, a), sp)
        if r is not None:
            return self.err("unsupported-syntax", f"method `{a}` used as a value; only calls are supported", node)
        return self.err("unsupported-class", f"`{t.name}` has no attribute `{a}` (fields are what its methods "
                        "assign to `self.NAME`; a subclass's fields cannot be read through the base type)", node)

    def class_constant(self, ca: tuple[cst.BaseExpression, Any], node: cst.CSTNode) -> ir.Expr:
        stored = class_attrs.read(self, ca, node)
        if stored is not None:
            return stored
        val, t = ca
        self.positions_alias[val] = node
        v = self.expr(val)
        return self.coerce_to(v, t, node, "the class attribute")

    def class_attribute(self, cname: str, node: cst.Attribute) -> ir.Expr:
        a = node.attr.value
        if self.refused_class(cname):
            return self.poison(node)
        tag = class_methods.dyn_tag(self, node.value)
        if tag is not None:
            got = class_methods.attribute(self, cname, tag, node)
            if got is not None:
                return got
        if a == "__name__":
            return ir.Const(cname, ir.STR, self.sp(node))
        ca = class_attr(self.info, cname, a)
        if ca is not None:
            return self.class_constant(ca, node)
        return self.err("unsupported-class", f"class attribute `{cname}.{a}` is not supported (only literal "
                        "class constants, and methods called through the class)", node)

    # ---- calls

    def construct(self, cname: str, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
        sp = self.sp(node)
        if self.refused_class(cname):
            return ir.Const(None, TVar("error"), sp)
        tag = class_methods.dyn_tag(self, node.func)
        if tag is not None:
            return class_methods.construct(self, cname, tag, node, pos, kw)
        r = resolve(self.info, cname, "__init__")
        abstract = protocols.abstract_error(self.info, cname)
        if r is None:
            if pos or kw:
                return self.err("type-mismatch", f"`{cname}()` takes no arguments", node)
            if abstract is not None:
                return protocols.raising(abstract, ir.ObjT(cname), (), sp)
            return ir.NewObj(cname, None, (), ir.ObjT(cname), sp)
        call = self.bind_call(r[2], [], node, pos, kw, skip=1)
        if not isinstance(call, ir.Call):
            return call
        if abstract is not None:  # object.__new__ raises after the arguments are evaluated
            return protocols.raising(abstract, ir.ObjT(cname), call.args, sp)
        return ir.NewObj(cname, r[2], call.args, ir.ObjT(cname), sp)

    def bind_call(self, func: str, pre: list[ir.Expr], node: cst.Call, pos: list, kw: dict, skip: int = 0,
                  dispatch: str | None = None) -> ir.Expr:
        """A call of user function `func` whose first arguments are already lowered (`pre`), or
        skipped (`skip`: the `self` a constructor passes)."""
        sig = self.info.funcs[func]
        if sig.refused_params:  # its parameters were refused at the `def`: the call is not checked
            return self.refused_call(node, pos, kw)
        params = sig.params[skip:]
        rest = params[len(pre):]
        names = [pn for pn, _ in rest]
        shown = func.split("#")[0]
        if len(pos) > len(names):
            return self.err("type-mismatch", f"`{shown}()` takes {len(names)} arguments, got {len(pos)}", node)
        bound: dict[str, cst.BaseExpression] = dict(zip(names, pos))
        for k, v in kw.items():
            if k not in names:
                return self.err("type-mismatch", f"`{shown}()` got an unexpected keyword argument `{k}`", v)
            if k in bound:
                return self.err("type-mismatch", f"`{shown}()` got multiple values for argument `{k}`", v)
            bound[k] = v
        missing = [pn for pn in names if pn not in bound and pn not in sig.defaults]
        if missing:
            return self.err("type-mismatch", f"`{shown}()` is missing the argument `{missing[0]}`", node)
        order = [names.index(k) for k in kw]
        rebound = walrus_targets(kw.values())
        if order != sorted(order) and sum(not self.effect_free(kw[k], rebound) for k in kw) > 1:
            return self.err("unsupported-syntax", "keyword arguments written out of the parameter order must be "
                            "local variables or literals (Python evaluates them in the order written)", node)
        args = [self.coerce_to(e, pt, node, f"`self` of `{shown}`") for e, (_, pt) in zip(pre, params)]
        args += [self.coerce_to(self.expr(bound.get(pn, sig.defaults.get(pn))), pt, bound.get(pn, node),
                                f"parameter `{pn}` of `{shown}`") for pn, pt in rest]
        return ir.Call(func, tuple(args), sig.ret, self.sp(node), dispatch)

    def method_call_ir(self, obj: ir.Expr, t: ir.ObjT, m: str, r: tuple[str, str, str], pos: list,
                       node: cst.CSTNode, kw: dict | None = None) -> ir.Expr:
        definer, kind, func = r
        if kind == "class" and class_methods.is_dynamic(self.info, func):  # cls: the object's class
            return class_methods.call(self, func, t.name, m, definer, class_methods.obj_tag(obj), node,
                                      pos, kw or {})  # type: ignore[arg-type]
        if kind in ("static", "class"):
            if not isinstance(obj, (ir.Local, ir.Global)):
                return self.err("unsupported-syntax", "call static and class methods through the class or a variable",
                                node)
            return self.bind_call(func, [], node, pos, kw or {})  # type: ignore[arg-type]
        dispatch = t.name if any(m in self.info.classes[k].methods for k in subclasses(self.info, t.name)
                                 if k != definer and not is_subclass(self.info, definer, k)) else None
        return self.bind_call(func, [obj], node, pos, kw or {}, dispatch=dispatch)  # type: ignore[arg-type]

    def obj_method(self, obj: ir.Expr, t: ir.ObjT, m: str, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
        if self.refused_class(t.name):
            return self.poison(node)
        if self.info.classes[t.name].synthetic:  # unrelated classes held together: duck typing
            return class_group.method(self, obj, m, node, pos, kw)
        r = resolve(self.info, t.name, m)
        if r is None or r[1] == "property":
            if has_field(self.info, t.name, m):
                held = self.expr(node.func)
                if isinstance(prune(held.ty), ir.FuncT):  # a field holding a function value: no `self`
                    return self.call_value(held, node, pos, kw)
                called = protocols.call_object(self, node.func, node, pos, kw)  # a field holding an object with `__call__`
                if called is not None:
                    return called
                return self.err("unsupported-syntax", f"`{m}` is a field; calling a field's value is not supported",
                                node)
            return self.err("unsupported-class", f"`{t.name}` has no method `{m}`", node)
        if protocols.direct_call_refused(self, t, m, node):
            return self.poison(node)
        if m == "__iter__":
            return self.err("unsupported-class", "calling `__iter__` directly is not supported (loop over the object)",
                            node)
        return self.method_call_ir(obj, t, m, r, pos, node, kw)

    def class_method_call(self, cname: str, m: str, node: cst.Call, pos: list, kw: dict) -> ir.Expr:
        """`C.m(...)`: a static or class method, or `Base.m(self, ...)` (a plain function call)."""
        if self.refused_class(cname):
            return self.poison(node)
        r = resolve(self.info, cname, m)
        if r is None:
            return self.err("unsupported-class", f"`{cname}` has no method `{m}`", node)
        if r[1] == "class" and class_methods.is_dynamic(self.info, r[2]):  # cls: the run-time class of `cls`, or C
            tag = class_methods.dyn_tag(self, node.func.value)  # type: ignore[attr-defined]
            return class_methods.call(self, r[2], cname, m, r[0], tag if tag is not None else
                                      class_methods.class_tag(self, cname, node), node, pos, kw)
        if r[1] in ("static", "class"):
            return self.bind_call(r[2], [], node, pos, kw)
        if r[1] == "method":
            return self.bind_call(r[2], [], node, pos, kw)  # Base.m(self, ...): no dispatch
        return self.err("unsupported-class", f"`{cname}.{m}` is a property", node)

    def super_call(self, node: cst.Call, m: str, pos: list, kw: dict) -> ir.Expr:
        owner = self.owner
        if owner is None or self.self_name is None:
            return self.err("unsupported-syntax", "`super()` is supported in methods only", node)
        base = self.info.classes[owner].base
        r = resolve(self.info, base, m) if base is not None else None
        if r is None:
            if m == "__init__" and not pos and not kw:  # object.__init__()
                return ir.Const(None, ir.NONE, self.sp(node))
            return self.err("unsupported-class", f"`super().{m}()`: no base of `{owner}` defines `{m}`", node)
        me = ir.Local(self.self_name, self.locals[self.self_name], self.sp(node))
        if protocols.direct_call_refused(self, ir.ObjT(base), m, node):
            return self.poison(node)
        if r[1] == "class" and class_methods.is_dynamic(self.info, r[2]):
            return self.bind_call(r[2], [class_methods.obj_tag(me)], node, pos, kw)
        if r[1] in ("static", "class"):
            return self.bind_call(r[2], [], node, pos, kw)
        if r[1] == "property":
            return self.err("unsupported-class", "`super()` of a property is not supported", node)
        return self.bind_call(r[2], [me], node, pos, kw)

    # ---- with

    def with_(self, node: cst.With) -> list[ir.Stmt]:
        """`with M() as x: body` (items nest): `_mgr = M(); x = _mgr.__enter__()`, then the body
        in a try whose handler calls `_mgr.__exit__(e, e, None)` and re-raises unless it returns
        true, in a try whose `finally` calls `_mgr.__exit__(None, None, None)` unless the handler
        called it (a return, break or continue out of the body too)."""
        if node.asynchronous is not None:
            self.err("unsupported-syntax", "`async with` is not supported", node)
            return []
        return self._with_items(node, list(node.items))

    def _with_items(self, node: cst.With, items: list) -> list[ir.Stmt]:
        sp = self.sp(node)
        if not items:
            return list(self.block(node.body))
        item = items[0]
        mgr = self.expr(item.item)
        t = prune(mgr.ty)

        def poison_target() -> None:
            """Diagnosed: the `as` name takes no type of its own, and the rest (items, body) is
            lowered for what it says itself, so that the names it assigns are not reported as
            `cannot infer` too (no cascade); nothing of it is kept."""
            if item.asname is not None:
                self.refused_target(item.asname.name)
            self._with_items(node, items[1:])

        if isinstance(t, TVar):
            if t.origin != "error":
                self.unknown(mgr.span)
            poison_target()
            return []
        if not isinstance(t, ir.ObjT) or self.refused_class(t.name) or not (
                self._has(t, "__enter__") and self._has(t, "__exit__")):
            if not (isinstance(t, ir.ObjT) and self.refused_class(t.name)):
                self.err("type-mismatch", f"'{show(t)}' object does not support the context manager protocol "
                         "(`with` needs a user class with `__enter__` and `__exit__`)", item.item)
            poison_target()
            return []
        n = ir.hidden("with", sp.line, sp.col, len(items))
        self.locals.setdefault(n, TVar("with"))
        unify(self.locals[n], t)
        out: list[ir.Stmt] = [ir.Assign(ir.NameTarget(n, self.locals[n], False, sp), mgr, sp)]
        me = ir.Local(n, t, sp)
        enter = self._call_lowered(t, "__enter__", [me], item.item)
        if item.asname is not None:
            out.append(self.bind(item.asname.name, enter, node))
        else:
            out.append(ir.ExprStmt(enter, sp))
        body = tuple(self._with_items(node, items[1:]))
        exit_sig = self.info.funcs[resolve(self.info, t.name, "__exit__")[2]]
        if len(exit_sig.params) != 4:
            self.err("type-mismatch", "`__exit__` must take (self, exc_type, exc, tb)", item.item)
            return out
        label = self.new_label()
        ev = ir.hidden("withexc", label)
        exc = ir.Local(ev, ir.ExcT("BaseException"), sp)
        opt = ir.OptionT(ir.ExcT("BaseException"))
        some = ir.Coerce(exc, opt, sp)
        none = ir.Const(None, opt, sp)
        on_exc = self._call_lowered(t, "__exit__", [me, some, some, none], item.item)
        on_ok = self._call_lowered(t, "__exit__", [me, none, none, none], item.item)
        if isinstance(prune(on_exc.ty), TVar):
            return out
        suppress = self.truthy(on_exc) if prune(on_exc.ty) != ir.NONE else ir.Const(False, ir.BOOL, sp)
        reraise = ir.If(ir.UnaryOp("not", suppress, ir.BOOL, sp), (ir.Raise(None, ev, sp),), (), sp)
        # PEP 343: the handler calls __exit__ with the exception; a `finally` calls it with
        # None unless the handler did, so a return/break/continue out of the body calls it too
        done = ir.hidden("withdone", label)
        self.locals[done] = ir.BOOL
        set_done = ir.Assign(ir.NameTarget(done, ir.BOOL, False, sp), ir.Const(True, ir.BOOL, sp), sp)
        if prune(on_exc.ty) == ir.NONE:
            handler_body: tuple = (set_done, ir.ExprStmt(on_exc, sp), ir.Raise(None, ev, sp))
        else:
            handler_body = (set_done, reraise)
        out.append(ir.Assign(ir.NameTarget(done, ir.BOOL, False, sp), ir.Const(False, ir.BOOL, sp), sp))
        inner = ir.Try(body, (ir.Handler((), ev, handler_body, sp),), (), (), label, sp)
        exit_ok = ir.If(ir.UnaryOp("not", ir.Local(done, ir.BOOL, sp), ir.BOOL, sp), (ir.ExprStmt(on_ok, sp),), (), sp)
        out.append(ir.Try((inner,), (), (), (exit_ok,), self.new_label(), sp))
        return out

    # ---- stores

    def obj_setitem(self, obj: ir.Expr, t: ir.ObjT, idx_node: cst.BaseExpression, value: ir.Expr, node: cst.CSTNode,
                    sp: Any) -> tuple[ir.Target, ir.Expr]:
        r = resolve(self.info, t.name, "__setitem__")
        if self.refused_class(t.name) or r is None or r[1] != "method":
            if not self.refused_class(t.name):
                self.err("type-mismatch", f"'{t.name}' object does not support item assignment", node)
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
        sig = self.info.funcs[r[2]]
        if len(sig.params) != 3:
            self.err("type-mismatch", f"`{r[2]}` must take (self, key, value)", node)
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
        key = self.coerce_to(self.expr(idx_node), sig.params[1][1], idx_node, "the key")
        disp = t.name if any("__setitem__" in self.info.classes[k].methods for k in subclasses(self.info, t.name)
                             if k != r[0] and not is_subclass(self.info, r[0], k)) else None
        obj = self.coerce_to(obj, sig.params[0][1], node, "the object")
        return ir.MethodTarget(r[2], (obj, key), sp, disp), self.coerce_to(value, sig.params[2][1], node, "the value")

    def attr_store(self, t: cst.Attribute, value: ir.Expr, node: cst.CSTNode) -> tuple[ir.Target, ir.Expr] | None:
        """`obj.NAME = value` (None: not an object attribute; the caller reports)."""
        sp = self.sp(t)
        cname = self.class_named(t.value)
        if cname is not None:
            if self.refused_class(cname):
                return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
            return class_attrs.store(self, cname, t, value, node, isinstance(t.value, cst.Name) and t.value.value == self.cls_param)
        obj = self.expr(t.value)
        ot = prune(obj.ty)
        if isinstance(ot, TVar):
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
        if isinstance(ot, ir.OptionT) and isinstance(prune(ot.inner), ir.ObjT):
            from portalis.analyzers import none_errors as ne
            obj = self.unwrap(obj, ne.attribute("NoneType", t.attr.value))
            ot = prune(obj.ty)
        if not isinstance(ot, ir.ObjT):
            return None
        if self.refused_class(ot.name):
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
        a = t.attr.value
        r = resolve(self.info, ot.name, a)
        if r is not None and r[1] == "property":
            setter = next((info.setters[a] for k in mro(self.info, ot.name)
                           for info in [self.info.classes[k]] if a in info.setters), None)
            if setter is None:
                self.err("unsupported-class", f"property `{a}` of `{ot.name}` has no setter "
                         "(CPython raises AttributeError)", t)
                return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
            disp = ot.name if any(a in self.info.classes[k].setters for k in subclasses(self.info, ot.name) if k != ot.name) else None
            return ir.MethodTarget(setter, (obj,), sp, disp), self.coerce_to(value, self.info.funcs[setter].params[1][1], node,
                                                                              f"property `{a}`")
        if not has_field(self.info, ot.name, a) and class_attr(self.info, ot.name, a) is not None:
            self.err("unsupported-class", f"assigning `{a}` on a `{ot.name}` instance would shadow the class attribute "
                     f"`{a}` with an instance attribute: not supported", t)
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
        if not has_field(self.info, ot.name, a):
            self.err("unsupported-class", f"`{ot.name}` has no field `{a}`: fields are what its methods assign "
                     "to `self.NAME` (adding attributes from outside is not supported)", t)
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
        ft = field_type(self.info, ot.name, a)
        ci = self.info.classes[ot.name]
        frozen = ci.frozen and not (ci.generated_init and self.fname == ci.methods.get("__init__"))
        return ir.AttrTarget(obj, a, sp, frozen), self.coerce_to(value, ft, node, f"field `{a}`")

    # ---- type relations

    def coerce_obj(self, e: ir.Expr, have: Any, w: Any) -> ir.Expr | None:
        """A subclass instance where a base (or Optional base) is expected."""
        inner = w.inner if isinstance(w, ir.OptionT) else w
        if isinstance(have, ir.ObjT) and isinstance(inner, ir.ObjT) and have.name != inner.name \
                and have.name in self.info.classes and is_subclass(self.info, have.name, inner.name):
            c = ir.Coerce(e, inner, e.span)
            return ir.Coerce(c, w, e.span) if w is not inner else c
        return None
