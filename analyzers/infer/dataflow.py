"""Layer 2: dataflow, call sites and usage over one module (stdlib `ast` only, never raises).

An expression evaluator over PEP 585/604 type text, run to a fixpoint over every function of the
module: returns feed callers, call sites feed parameters, parameters feed bodies.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from .annotations import is_final_bare, normalise
from .types import UNK, element, head_args, is_known, item, join, join_all, parts

_CONST = {bool: "bool", int: "int", float: "float", str: "str", bytes: "bytes", complex: "complex", type(None): "None"}

_BUILTIN_RET = {
    "len": "int", "int": "int", "float": "float", "str": "str", "bool": "bool", "repr": "str", "ord": "int",
    "chr": "str", "hash": "int", "id": "int", "input": "str", "isinstance": "bool", "issubclass": "bool",
    "callable": "bool", "hex": "str", "oct": "str", "bin": "str", "format": "str", "ascii": "str",
    "bytes": "bytes", "bytearray": "bytearray", "range": "range", "any": "bool", "all": "bool",
    "hasattr": "bool", "divmod": "tuple[int, int]", "complex": "complex", "object": "object",
    "frozenset": "frozenset", "type": "type", "print": "None", "setattr": "None", "delattr": "None",
}
_STR_METHODS = {
    "split": "list[str]", "rsplit": "list[str]", "splitlines": "list[str]", "join": "str", "strip": "str",
    "lstrip": "str", "rstrip": "str", "upper": "str", "lower": "str", "title": "str", "capitalize": "str",
    "replace": "str", "format": "str", "casefold": "str", "center": "str", "ljust": "str", "rjust": "str",
    "zfill": "str", "swapcase": "str", "expandtabs": "str", "removeprefix": "str", "removesuffix": "str",
    "startswith": "bool", "endswith": "bool", "isdigit": "bool", "isalpha": "bool", "isalnum": "bool",
    "isspace": "bool", "isupper": "bool", "islower": "bool", "isidentifier": "bool", "isnumeric": "bool",
    "isdecimal": "bool", "istitle": "bool", "find": "int", "rfind": "int", "index": "int", "rindex": "int",
    "count": "int", "encode": "bytes", "partition": "tuple[str, str, str]", "rpartition": "tuple[str, str, str]",
    "translate": "str", "format_map": "str",
}
# methods that say what a value is when called on it (usage layer)
_USAGE_STR = set(_STR_METHODS) - {"index", "count", "join", "format", "find"} | {"join", "format", "find"}
_USAGE_LIST = {"append", "extend", "insert", "sort", "reverse", "remove"}
_USAGE_DICT = {"items", "keys", "values", "get", "setdefault", "update"}
_USAGE_SET = {"add", "discard", "union", "intersection", "difference", "issubset", "issuperset"}
_MATH_FLOAT = {"sqrt", "sin", "cos", "tan", "atan", "atan2", "asin", "acos", "exp", "log", "log2", "log10",
               "pow", "hypot", "fabs", "radians", "degrees", "fsum", "copysign", "fmod", "dist"}
_MATH_INT = {"floor", "ceil", "gcd", "factorial", "comb", "perm", "isqrt", "lcm"}


@dataclass
class Func:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    qual: str
    cls: str | None  # enclosing class (methods)
    params: list[ast.arg]  # self/cls excluded
    skip_first: bool
    ret: str = UNK
    # per layer answers for params: name -> type
    ann: dict = field(default_factory=dict)
    ret_ann: str = UNK
    callsite: dict = field(default_factory=dict)
    callsite_seen: dict = field(default_factory=dict)  # name -> number of call sites passing it
    usage: dict = field(default_factory=dict)
    default: dict = field(default_factory=dict)
    maybe_none: set = field(default_factory=set)
    env: dict = field(default_factory=dict)  # locals (and params, current best)
    ret_hint: str = UNK  # a later layer's answer for the return (jedi), used where dataflow has none


@dataclass
class Klass:
    name: str
    node: ast.ClassDef
    fields: dict = field(default_factory=dict)  # attribute -> type
    methods: dict = field(default_factory=dict)  # name -> Func
    kind: str = "class"  # "class" | "dataclass" | "namedtuple" | "typeddict" | "enum"


class Module:
    """Everything the dataflow layer knows about one module."""

    def __init__(self, tree: ast.Module, extra: list[ast.Module] = ()) -> None:
        self.tree = tree
        self.funcs: dict[str, Func] = {}
        self.classes: dict[str, Klass] = {}
        self.globals: dict[str, str] = {}
        self.imports: set[str] = set()
        self._collect(tree.body, [], None)
        self._globals(tree)
        self.extra = list(extra)
        # classes of the workspace's other modules: their methods and fields identify a value (usage)
        self.ext_members: dict[str, set[str]] = {}
        for t in self.extra:
            for node in ast.walk(t):
                if isinstance(node, ast.ClassDef) and node.name not in self.classes:
                    mem = self.ext_members.setdefault(node.name, set())
                    for b in node.body:
                        if isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) and not b.name.startswith("__"):
                            mem.add(b.name)
                        elif isinstance(b, ast.AnnAssign) and isinstance(b.target, ast.Name):
                            mem.add(b.target.id)

    # ------------------------------------------------------------------ collection

    def _collect(self, body: list[ast.stmt], prefix: list[str], cls: Klass | None) -> None:
        for st in body:
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                qual = ".".join(prefix + [st.name])
                a = st.args
                allp = list(a.posonlyargs) + list(a.args)
                static = any(_dec_name(d) == "staticmethod" for d in st.decorator_list)
                skip = cls is not None and not static and bool(allp)
                params = allp[1:] if skip else allp
                params = params + ([a.vararg] if a.vararg else []) + list(a.kwonlyargs) + ([a.kwarg] if a.kwarg else [])
                f = Func(st, qual, cls.name if cls else None, params, skip)
                self.funcs[qual] = f
                if cls is not None and st.name not in cls.methods:
                    cls.methods[st.name] = f
                self._collect(st.body, prefix + [st.name], None)
            elif isinstance(st, ast.ClassDef):
                k = Klass(st.name, st)
                bases = {(_dotted(b) or "").split(".")[-1] for b in st.bases}
                decs = {_dec_name(d) for d in st.decorator_list}
                if "dataclass" in decs or "define" in decs or "attrs" in decs or "frozen" in decs:
                    k.kind = "dataclass"
                elif "NamedTuple" in bases:
                    k.kind = "namedtuple"
                elif "TypedDict" in bases:
                    k.kind = "typeddict"
                elif bases & {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"}:
                    k.kind = "enum"
                for s in st.body:
                    if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name):
                        t = normalise(s.annotation)
                        if is_final_bare(s.annotation) and s.value is not None:
                            t = _literal_type(s.value)
                        k.fields[s.target.id] = t
                self.classes.setdefault(st.name, k)
                self._collect(st.body, prefix + [st.name], k)
            elif isinstance(st, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
                for sub in ("body", "orelse", "finalbody"):
                    self._collect(getattr(st, sub, []) or [], prefix, cls)
                for h in getattr(st, "handlers", []) or []:
                    self._collect(h.body, prefix, cls)

    def _globals(self, tree: ast.Module) -> None:
        for st in tree.body:
            if isinstance(st, (ast.Import, ast.ImportFrom)):
                for a in st.names:
                    self.imports.add((a.asname or a.name).split(".")[0])
            elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
                t = normalise(st.annotation)
                if is_final_bare(st.annotation) and st.value is not None:
                    t = _literal_type(st.value)
                self.globals[st.target.id] = t
            elif isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                self.globals[st.targets[0].id] = join(self.globals.get(st.targets[0].id), _literal_type(st.value))

    # ------------------------------------------------------------------ the fixpoint

    def run(self) -> None:
        for f in self.funcs.values():
            self._annotations_and_defaults(f)
        for _ in range(10):
            before = self._snapshot()
            for f in self.funcs.values():
                self._scope = f.qual
                self._body(f)
            self._scope = ""
            self._module_level()
            self._call_sites()
            if self._snapshot() == before:
                break

    def _raisers(self) -> frozenset:
        """Names of the module's functions whose every path raises (`def fail(msg): raise ...`)."""
        if getattr(self, "_raiser_names", None) is None:
            self._raiser_names = _NO_RETURN | {f.node.name for f in self.funcs.values()
                                               if f.node.body and isinstance(f.node.body[-1], ast.Raise)
                                               and not any(isinstance(n, ast.Return) for n in ast.walk(f.node))}
        return self._raiser_names

    def _module_level(self) -> None:
        """Module-level assignments evaluated with everything known so far (`s = Stack()`)."""
        for st in self.tree.body:
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                t = self.expr(st.value, {})
                if is_known(t):
                    self.globals[st.targets[0].id] = t

    def _lookup_func(self, name: str) -> Func | None:
        scope = getattr(self, "_scope", "")
        while scope:
            f = self.funcs.get(f"{scope}.{name}")
            if f is not None:
                return f
            scope = scope.rpartition(".")[0]
        f = self.funcs.get(name)
        return f

    def _snapshot(self):
        return [(f.ret, tuple(sorted(f.env.items())), tuple(sorted(f.callsite.items())), tuple(sorted(f.usage.items())))
                for f in self.funcs.values()] + [tuple(sorted(k.fields.items())) for k in self.classes.values()]

    def _annotations_and_defaults(self, f: Func) -> None:
        a = f.node.args
        pos = list(a.posonlyargs) + list(a.args)
        defaults = dict(zip([p.arg for p in pos[len(pos) - len(a.defaults):]], a.defaults))
        defaults.update({p.arg: d for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None})
        for p in f.params:
            if p.annotation is not None:
                t = normalise(p.annotation)
                if p is a.vararg and is_known(t):
                    t = f"tuple[{t}, ...]"
                elif p is a.kwarg and is_known(t):
                    t = f"dict[str, {t}]"
                f.ann[p.arg] = t
            d = defaults.get(p.arg)
            if d is not None:
                dt = _literal_type(d)
                if dt == "None":
                    f.maybe_none.add(p.arg)
                elif is_known(dt):
                    f.default[p.arg] = dt
        if f.node.returns is not None:
            f.ret_ann = normalise(f.node.returns)

    def param_type(self, f: Func, name: str) -> str:
        """The current best type of a parameter (for evaluating bodies)."""
        for layer in (f.ann, f.callsite, f.usage, f.default):
            t = layer.get(name)
            if is_known(t):
                if name in f.maybe_none and layer is not f.ann:
                    return join(t, "None")
                return t
        return UNK

    def returns_of(self, f: Func) -> str:
        return f.ret_ann if is_known(f.ret_ann) else f.ret if is_known(f.ret) else f.ret_hint

    # ------------------------------------------------------------------ one function body

    def _body(self, f: Func) -> None:
        env: dict[str, str] = {}
        a = f.node.args
        for p in f.params:
            t = self.param_type(f, p.arg)
            if p is a.vararg and p.arg not in f.ann:
                t = f"tuple[{t}, ...]" if is_known(t) else "tuple"
            if p is a.kwarg and p.arg not in f.ann:
                t = f"dict[str, {t}]" if is_known(t) else "dict"
            env[p.arg] = t
        if f.skip_first and f.cls:
            first = (list(a.posonlyargs) + list(a.args))[0].arg
            env[first] = f.cls if not any(_dec_name(d) == "classmethod" for d in f.node.decorator_list) else f"type[{f.cls}]"
        # locals: flow-insensitive join over assignments, iterated to settle
        params = {p.arg for p in f.params}
        for _ in range(3):
            old = dict(env)
            for st in _walk_body(f.node):
                self._bind(st, env, params, f)
            if env == old:
                break
        f.env = env
        # returns
        rets, has_yield, yields = [], False, []
        for node in _walk_body(f.node):
            if isinstance(node, ast.Return):
                rt = "None" if node.value is None else self.expr(node.value, env)
                if isinstance(node.value, ast.Name) and "None" in parts(rt):
                    rt = self._narrowed(f.node, node, node.value.id, rt, env)
                rets.append(rt)
            elif isinstance(node, (ast.Yield, ast.YieldFrom)):
                has_yield = True
                if isinstance(node, ast.Yield):
                    yields.append("None" if node.value is None else self.expr(node.value, env))
                else:
                    yields.append(element(self.expr(node.value, env)))
        if _trivial(f.node, bool(f.cls)):
            f.ret = _DUNDER_RET.get(f.node.name, UNK) if f.cls else UNK
        elif has_yield:
            y = join_all(yields)
            f.ret = f"Iterator[{y}]" if is_known(y) else "Iterator"
        elif not rets:
            f.ret = "None" if not _always_raises(f.node) else UNK
        else:
            if not _ends_in_return(f.node.body, self._raisers()) and "None" not in rets:
                rets.append("None")
            f.ret = join_all(rets) if any(is_known(r) for r in rets) else UNK
            if f.ret == "None" and not all(r == "None" for r in rets):
                f.ret = UNK  # only the implicit None is known: the rest was not
        if f.cls and not is_known(f.ret) and f.node.name in _DUNDER_RET:
            f.ret = _DUNDER_RET[f.node.name]
        # usage of each parameter
        for p in f.params:
            if p.arg in f.ann:
                continue
            u = self.usage_of(p.arg, f.node, env)
            if not is_known(u):
                u = self._usage_through_attribute(p.arg, f)
            if is_known(u):
                f.usage[p.arg] = u
            if self._none_checked(p.arg, f.node):
                f.maybe_none.add(p.arg)
        # attributes assigned on self
        if f.cls and f.cls in self.classes and f.skip_first:
            k = self.classes[f.cls]
            first = (list(a.posonlyargs) + list(a.args))[0].arg
            for node in _walk_body(f.node):
                tgts = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
                for t in tgts:
                    if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == first:
                        if isinstance(node, ast.AnnAssign):
                            k.fields[t.attr] = normalise(node.annotation)
                        elif node.value is not None:
                            vt = self.expr(node.value, env)
                            if t.attr not in k.fields or not is_known(k.fields[t.attr]) or f.node.name == "__init__":
                                k.fields[t.attr] = join(k.fields.get(t.attr) if f.node.name != "__init__" or True else None, vt)
                # self.items.append(x) refines list fields
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
                    recv = node.func.value
                    if isinstance(recv, ast.Attribute) and isinstance(recv.value, ast.Name) and recv.value.id == first:
                        cur = k.fields.get(recv.attr, UNK)
                        k.fields[recv.attr] = _refine_container(cur, node.func.attr, [self.expr(x, env) for x in node.args])

    def _bind(self, st: ast.AST, env: dict, params: set, f: Func) -> None:
        def assign(target: ast.AST, t: str) -> None:
            if isinstance(target, ast.Name):
                if target.id in params and target.id in f.ann:
                    return
                env[target.id] = join(env.get(target.id), t) if target.id not in params else join(env.get(target.id), t)
            elif isinstance(target, (ast.Tuple, ast.List)):
                h, args = head_args(t)
                for i, e in enumerate(target.elts):
                    if isinstance(e, ast.Starred):
                        assign(e.value, f"list[{element(t)}]")
                    elif h == "tuple" and len(args) == len(target.elts) and "..." not in args:
                        assign(e, args[i])
                    else:
                        assign(e, element(t))
            elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                # x[k] = v refines an empty container
                name = target.value.id
                cur = env.get(name, UNK)
                kt, vt = self.expr(target.slice, env), t
                h, args = head_args(cur)
                if h == "dict" and (not args or not all(is_known(x) for x in args)):
                    env[name] = f"dict[{join(args[0] if args else UNK, kt)}, {join(args[1] if args else UNK, vt)}]"
                elif h == "list" and (not args or not is_known(args[0])):
                    env[name] = f"list[{vt}]"

        if isinstance(st, ast.Assign):
            t = self.expr(st.value, env)
            for tg in st.targets:
                assign(tg, t)
        elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
            t = normalise(st.annotation)
            if is_final_bare(st.annotation) and st.value is not None:
                t = self.expr(st.value, env)
            env[st.target.id] = t
        elif isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name):
            cur = env.get(st.target.id, UNK)
            assign(st.target, self._binop(cur, st.op, self.expr(st.value, env)))
        elif isinstance(st, (ast.For, ast.AsyncFor)):
            assign(st.target, element(self.expr(st.iter, env)))
        elif isinstance(st, (ast.With, ast.AsyncWith)):
            for it in st.items:
                if it.optional_vars is not None:
                    assign(it.optional_vars, self._enter(self.expr(it.context_expr, env)))
        elif isinstance(st, ast.NamedExpr) and isinstance(st.target, ast.Name):
            assign(st.target, self.expr(st.value, env))
        elif isinstance(st, ast.ExceptHandler) and st.name and st.type is not None:
            env[st.name] = _dotted(st.type) or "Exception"
        elif isinstance(st, ast.Call) and isinstance(st.func, ast.Attribute) and isinstance(st.func.value, ast.Name):
            name = st.func.value.id
            if name in env and not (name in params and name in f.ann):
                env[name] = _refine_container(env[name], st.func.attr, [self.expr(x, env) for x in st.args])

    def _mapped(self, fn: ast.AST, iters: list[str], env: dict) -> str:
        """What `map(fn, *iters)` yields: a lambda's body with its parameters bound to the
        iterables' elements, a method of a builtin type (`str.lower`), a function of the module,
        a builtin conversion."""
        if isinstance(fn, ast.Lambda):
            ps = [a.arg for a in fn.args.args]
            if len(ps) != len(iters) or fn.args.vararg or fn.args.kwonlyargs:
                return UNK
            return self.expr(fn.body, {**env, **{p: element(t) for p, t in zip(ps, iters)}})
        if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Name) and fn.value.id == "str" and "str" not in env:
            return _STR_METHODS.get(fn.attr, UNK)
        if isinstance(fn, ast.Name) and fn.id not in env:
            f = self._lookup_func(fn.id)
            if f is not None:
                return self.returns_of(f)
            if fn.id in ("int", "float", "str", "bool", "len", "repr", "ord", "chr", "abs") and fn.id not in self.imports:
                return {"len": "int", "repr": "str", "ord": "int", "chr": "str"}.get(fn.id, fn.id if fn.id != "abs" else UNK)
        return UNK

    def _narrowed(self, fn: ast.AST, ret: ast.Return, name: str, t: str, env: dict) -> str:
        """The type of `name` at `return name`, from the statements before it in its block (the
        env is a flow-insensitive join): the nearest plain assignment decides; an
        `if name is None:` / `if not name:` (no else) that leaves the function or assigns `name`
        a value that cannot be None means it is not None after the `if`. Anything else that
        may assign `name` on the way: the joined type `t` stands."""
        block = _block_of(fn, ret)
        if block is None:
            return t
        i = next(k for k, st in enumerate(block) if st is ret)
        for st in reversed(block[:i]):
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and _is(st.targets[0], name):
                got = self.expr(st.value, env)
                return got if is_known(got) else t
            if isinstance(st, ast.Assert) and (_is(st.test, name) or _tests_not_none(st.test, name)):
                return _drop_none(t)
            if isinstance(st, ast.If) and not st.orelse and _tests_none(st.test, name):
                if _ends_in_return(st.body, self._raisers()):
                    return _drop_none(t)
                # every binding of `name` in the body is a plain assignment of a value that is not
                # None, and one of them is unconditional
                inner = [n for s in st.body for n in ast.walk(s)]
                binds = [n for n in inner if isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load)]
                plain = [n for n in inner if isinstance(n, ast.Assign) and len(n.targets) == 1 and _is(n.targets[0], name)]
                top = [s for s in st.body if s in plain]
                if top and len(binds) == len(plain) and not any(isinstance(n, (ast.Global, ast.Nonlocal)) for n in inner) \
                        and all("None" not in parts(v) for v in (self.expr(n.value, env) for n in plain)):
                    return _drop_none(t)
                return t
            if _assigns(st, name):
                return t
        return t

    def _enter(self, t: str) -> str:
        if t in ("TextIOWrapper",):
            return t
        return t if t in self.classes else UNK

    # ------------------------------------------------------------------ expressions

    def expr(self, e: ast.AST, env: dict) -> str:
        try:
            return self._expr(e, env)
        except RecursionError:
            return UNK
        except Exception:  # noqa: BLE001 - broken code is data
            return UNK

    def _expr(self, e: ast.AST, env: dict) -> str:
        if isinstance(e, ast.Constant):
            return _CONST.get(type(e.value), UNK)
        if isinstance(e, ast.JoinedStr):
            return "str"
        if isinstance(e, ast.Name):
            if e.id in env:
                return env[e.id]
            if e.id in self.globals:
                return self.globals[e.id]
            if e.id in ("True", "False"):
                return "bool"
            return UNK
        if isinstance(e, ast.List):
            return f"list[{self._elts(e.elts, env)}]"
        if isinstance(e, ast.Set):
            return f"set[{self._elts(e.elts, env)}]"
        if isinstance(e, ast.Tuple):
            if any(isinstance(x, ast.Starred) for x in e.elts):
                return f"tuple[{self._elts(e.elts, env)}, ...]"
            return "tuple[" + ", ".join(self.expr(x, env) for x in e.elts) + "]" if e.elts else "tuple[()]"
        if isinstance(e, ast.Dict):
            ks = join_all(self.expr(k, env) for k in e.keys if k is not None)
            vs = join_all(self.expr(v, env) for v in e.values)
            return f"dict[{ks}, {vs}]"
        if isinstance(e, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            inner = dict(env)
            for g in e.generators:
                self._bind_target(g.target, element(self.expr(g.iter, inner)), inner)
            if isinstance(e, ast.DictComp):
                return f"dict[{self.expr(e.key, inner)}, {self.expr(e.value, inner)}]"
            el = self.expr(e.elt, inner)
            h = {ast.ListComp: "list", ast.SetComp: "set", ast.GeneratorExp: "Iterator"}[type(e)]
            return f"{h}[{el}]"
        if isinstance(e, ast.BinOp):
            return self._binop(self.expr(e.left, env), e.op, self.expr(e.right, env))
        if isinstance(e, ast.UnaryOp):
            if isinstance(e.op, ast.Not):
                return "bool"
            t = self.expr(e.operand, env)
            return "int" if t == "bool" else t if t in ("int", "float", "complex") else UNK
        if isinstance(e, ast.BoolOp):
            ts = [self.expr(v, env) for v in e.values]
            if all(t == "bool" for t in ts):
                return "bool"
            if isinstance(e.op, ast.Or):
                # `x or default`: an operand before the last is returned only when truthy, and
                # None never is; the last is returned whatever it is
                ts = [_drop_none(t) for t in ts[:-1]] + ts[-1:]
            return _none_only_if_known(*ts)
        if isinstance(e, ast.Compare):
            return "bool"
        if isinstance(e, ast.IfExp):
            return _none_only_if_known(self.expr(e.body, env), self.expr(e.orelse, env))
        if isinstance(e, ast.NamedExpr):
            return self.expr(e.value, env)
        if isinstance(e, ast.Await):
            return UNK
        if isinstance(e, ast.Lambda):
            return "Callable"
        if isinstance(e, ast.Subscript):
            base = self.expr(e.value, env)
            if _dotted(e.value) == "os.environ" and "os" not in env:
                return "str"
            if isinstance(e.slice, ast.Slice):
                return base if head_args(base)[0] in ("list", "str", "bytes", "tuple") else UNK
            idx = e.slice.value if isinstance(e.slice, ast.Constant) and isinstance(e.slice.value, int) else None
            if isinstance(e.slice, ast.UnaryOp) and isinstance(e.slice.op, ast.USub) and isinstance(e.slice.operand, ast.Constant):
                idx = -e.slice.operand.value if isinstance(e.slice.operand.value, int) else None
            return item(base, idx)
        if isinstance(e, ast.Attribute):
            return self._attribute(e, env)
        if isinstance(e, ast.Call):
            return self._call(e, env)
        return UNK

    def _bind_target(self, target: ast.AST, t: str, env: dict) -> None:
        if isinstance(target, ast.Name):
            env[target.id] = t
        elif isinstance(target, (ast.Tuple, ast.List)):
            h, args = head_args(t)
            for i, x in enumerate(target.elts):
                self._bind_target(x, args[i] if h == "tuple" and len(args) == len(target.elts) else element(t), env)

    def _elts(self, elts: list, env: dict) -> str:
        out = UNK
        for x in elts:
            out = join(out, element(self.expr(x.value, env)) if isinstance(x, ast.Starred) else self.expr(x, env))
        return out

    def _binop(self, lt: str, op: ast.operator, rt: str) -> str:
        num = ("bool", "int", "float", "complex")
        if isinstance(op, ast.Div) and lt in num and rt in num:
            return "complex" if "complex" in (lt, rt) else "float"
        if lt in num and rt in num:
            w = max(num.index(lt), num.index(rt), 1)
            if isinstance(op, (ast.BitAnd, ast.BitOr, ast.BitXor)) and lt == rt == "bool":
                return "bool"
            if isinstance(op, ast.Pow) and lt == "int" and rt == "int":
                return "int"
            return num[w]
        if isinstance(op, ast.Mod) and lt == "str":
            return "str"
        if isinstance(op, ast.Add) and lt == rt and lt in ("str", "bytes"):
            return lt
        if isinstance(op, ast.Mult) and {lt, rt} & {"str", "bytes"} and {lt, rt} & {"int", "bool"}:
            return lt if lt in ("str", "bytes") else rt
        hl, hr = head_args(lt)[0], head_args(rt)[0]
        if isinstance(op, ast.Add) and hl == hr and hl in ("list", "tuple"):
            return join(lt, rt) if hl == "list" else f"tuple[{element(lt) if is_known(element(lt)) else element(rt)}, ...]"
        if isinstance(op, ast.Mult) and hl in ("list",) and rt == "int":
            return lt
        if isinstance(op, (ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor)) and hl == hr == "set":
            return join(lt, rt)
        if isinstance(op, ast.BitOr) and hl == hr == "dict":
            return join(lt, rt)
        return UNK

    def _attribute(self, e: ast.Attribute, env: dict) -> str:
        base = self.expr(e.value, env)
        h = head_args(base)[0]
        if h in self.classes:
            k = self.classes[h]
            if e.attr in k.fields:
                return k.fields[e.attr]
            m = k.methods.get(e.attr)
            if m is not None and any(_dec_name(d) in ("property", "cached_property") for d in m.node.decorator_list):
                return self.returns_of(m)
        if h == "complex" and e.attr in ("real", "imag"):
            return "float"
        if h in ("int", "float") and e.attr in ("real", "imag"):
            return h
        if isinstance(e.value, ast.Name) and e.value.id == "math" and e.attr in ("pi", "e", "tau", "inf", "nan"):
            return "float"
        if isinstance(e.value, ast.Name) and e.value.id == "sys" and e.attr == "argv":
            return "list[str]"
        return UNK

    def _call(self, e: ast.Call, env: dict) -> str:
        fn = e.func
        args = [self.expr(a, env) for a in e.args]
        if isinstance(fn, ast.Name):
            n = fn.id
            f = self._lookup_func(n)
            if n in env and f is None:
                h, ta = head_args(env[n])
                return ta[0] if h == "type" and len(ta) == 1 else UNK
            if f is not None:
                return self.returns_of(f)
            if n in self.classes:
                return n
            if n in _BUILTIN_RET:
                if n in ("int", "float", "str", "bool") or not (n in self.imports):
                    return _BUILTIN_RET[n]
            a0 = args[0] if args else UNK
            if n in ("list", "sorted"):
                return f"list[{element(a0)}]" if args else "list[unknown]"
            if n in ("set", "frozenset"):
                return f"{n}[{element(a0)}]" if args else f"{n}[unknown]"
            if n == "tuple":
                return f"tuple[{element(a0)}, ...]" if args else "tuple[()]"
            if n == "dict":
                if not args and e.keywords and all(k.arg for k in e.keywords):
                    return f"dict[str, {join_all(self.expr(k.value, env) for k in e.keywords)}]"
                if args and head_args(a0)[0] == "dict":
                    return a0
                el = element(a0)
                h, ta = head_args(el)
                return f"dict[{ta[0]}, {ta[1]}]" if h == "tuple" and len(ta) == 2 else "dict[unknown, unknown]"
            if n in ("reversed", "iter", "filter"):
                src = args[-1] if args else UNK
                return f"Iterator[{element(src)}]"
            if n == "enumerate":
                return f"enumerate[{element(a0)}]"
            if n == "zip":
                return "zip[" + ", ".join(element(a) for a in args) + "]"
            if n == "map":
                r = self._mapped(e.args[0], args[1:], env) if e.args else UNK
                return f"Iterator[{r}]" if is_known(r) else "Iterator"
            if n in ("abs",):
                return a0 if a0 in ("int", "float") else UNK
            if n == "round":
                return "int" if len(e.args) == 1 else a0 if a0 in ("int", "float") else "float"
            if n in ("min", "max"):  # None cannot be compared: a None argument would have raised
                if len(args) == 1:
                    return element(a0)
                return join_all(" | ".join(p for p in parts(a) if p != "None") or UNK for a in args)
            if n == "sum":
                el = element(a0)
                return el if el in ("int", "float") else ("int" if el == "bool" else UNK)
            if n == "pow":
                return join_all(args[:2]) if all(a in ("int", "float") for a in args[:2]) else UNK
            if n == "next":
                return element(a0)
            if n == "open":
                return "TextIOWrapper" if not any(isinstance(a, ast.Constant) and isinstance(a.value, str) and "b" in a.value for a in e.args[1:2]) else "BufferedReader"
            return UNK
        if isinstance(fn, ast.Attribute):
            recv = fn.value
            # module functions
            if isinstance(recv, ast.Name) and recv.id == "math" and recv.id not in env:
                return "float" if fn.attr in _MATH_FLOAT else "int" if fn.attr in _MATH_INT else UNK
            if _dotted(recv) == "os.environ" and "os" not in env:
                if fn.attr == "get":
                    return "str" if len(args) > 1 and args[1] == "str" else "str | None" if len(args) == 1 else UNK
                return {"copy": "dict[str, str]", "keys": "KeysView[str]", "values": "ValuesView[str]",
                        "items": "ItemsView[str, str]", "pop": "str", "setdefault": "str"}.get(fn.attr, UNK)
            if isinstance(recv, ast.Name) and recv.id == "os" and "os" not in env and fn.attr == "getenv":
                return "str" if len(args) > 1 and args[1] == "str" else "str | None" if len(args) == 1 else UNK
            rt = self.expr(recv, env)
            h, ta = head_args(rt)
            if h in self.classes:
                return self._method_ret(h, fn.attr)
            if h == "type" and ta and ta[0] in self.classes:
                m = self.classes[ta[0]].methods.get(fn.attr)
                return self.returns_of(m) if m else UNK
            if isinstance(recv, ast.Name) and recv.id in self.classes and recv.id not in env:
                return self._method_ret(recv.id, fn.attr, static=True)
            if rt == "str":
                return _STR_METHODS.get(fn.attr, UNK)
            if rt == "bytes":
                return {"decode": "str", "split": "list[bytes]", "strip": "bytes", "hex": "str",
                        "startswith": "bool", "endswith": "bool", "find": "int", "count": "int"}.get(fn.attr, UNK)
            if h == "list":
                el = ta[0] if ta else UNK
                return {"pop": el, "copy": rt, "index": "int", "count": "int", "append": "None",
                        "extend": "None", "sort": "None", "insert": "None", "reverse": "None", "clear": "None"}.get(fn.attr, UNK)
            if h in ("dict", "defaultdict", "OrderedDict") and len(ta) == 2:
                kt, vt = ta
                if fn.attr == "get":
                    return join(vt, args[1]) if len(args) > 1 else join(vt, "None")
                return {"keys": f"KeysView[{kt}]", "values": f"ValuesView[{vt}]", "items": f"ItemsView[{kt}, {vt}]",
                        "pop": vt, "setdefault": vt, "copy": rt, "update": "None", "clear": "None"}.get(fn.attr, UNK)
            if h in ("set", "frozenset"):
                return {"copy": rt, "union": rt, "intersection": rt, "difference": rt, "add": "None",
                        "issubset": "bool", "issuperset": "bool", "isdisjoint": "bool", "pop": ta[0] if ta else UNK}.get(fn.attr, UNK)
            if rt in ("int",) and fn.attr == "bit_length":
                return "int"
            if rt == "float" and fn.attr == "is_integer":
                return "bool"
            if h == "TextIOWrapper":
                return {"read": "str", "readline": "str", "readlines": "list[str]", "write": "int"}.get(fn.attr, UNK)
        return UNK

    def _find_method(self, cls: str, name: str) -> Func | None:
        k = self.classes.get(cls)
        seen = set()
        while k is not None and k.name not in seen:
            seen.add(k.name)
            m = k.methods.get(name)
            if m is not None:
                return m
            bases = [(_dotted(b) or "").split(".")[-1] for b in k.node.bases]
            k = next((self.classes[b] for b in bases if b in self.classes), None)
        return None

    def _method_ret(self, cls: str, name: str, static: bool = False) -> str:
        k = self.classes.get(cls)
        seen = set()
        while k is not None and k.name not in seen:
            seen.add(k.name)
            m = k.methods.get(name)
            if m is not None:
                return self.returns_of(m)
            bases = [(_dotted(b) or "").split(".")[-1] for b in k.node.bases]
            k = next((self.classes[b] for b in bases if b in self.classes), None)
        return UNK

    # ------------------------------------------------------------------ call sites

    def _call_sites(self) -> None:
        found: dict[str, dict[str, list[str]]] = {}
        trees = [(self.tree, True)] + [(t, False) for t in self.extra]
        for tree, local in trees:
            for owner, node, env in self._calls_in(tree, local):
                target = self._callee(node.func, env, local)
                if target is None:
                    continue
                f, bound = target
                names = [p.arg for p in f.params]
                a = f.node.args
                positional = [p.arg for p in (list(a.posonlyargs) + list(a.args))]
                if f.skip_first and not bound:
                    positional = positional[1:]
                elif f.skip_first and bound:
                    positional = positional[1:]
                slots = found.setdefault(f.qual, {})
                for i, arg in enumerate(node.args):
                    if isinstance(arg, ast.Starred):
                        break
                    if i < len(positional):
                        slots.setdefault(positional[i], []).append(self.expr(arg, env))
                for kw in node.keywords:
                    if kw.arg and kw.arg in names:
                        slots.setdefault(kw.arg, []).append(self.expr(kw.value, env))
        for qual, slots in found.items():
            f = self.funcs[qual]
            for name, ts in slots.items():
                t = join_all(ts)
                f.callsite_seen[name] = len(ts)
                if is_known(t) and len(parts(t)) <= 2:
                    f.callsite[name] = t

    def _calls_in(self, tree: ast.Module, local: bool):
        funcs_by_node = {id(f.node): f for f in self.funcs.values()} if local else {}
        module_env = dict(self.globals) if local else {}

        def visit(node: ast.AST, env: dict):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    f = funcs_by_node.get(id(child))
                    prev = getattr(self, "_scope", "")
                    self._scope = f.qual if f else ""
                    yield from visit(child, f.env if f else {})
                    self._scope = prev
                    continue
                if isinstance(child, ast.Call):
                    yield (None, child, env)
                yield from visit(child, env)
        yield from visit(tree, module_env)

    def _callee(self, fn: ast.AST, env: dict, local: bool):
        if isinstance(fn, ast.Name):
            f = self._lookup_func(fn.id) if local else self.funcs.get(fn.id)
            if f is not None:
                return f, False
            if fn.id in self.classes:
                init = self._find_method(fn.id, "__init__")
                return (init, True) if init is not None else None
        if isinstance(fn, ast.Attribute):
            rt = self.expr(fn.value, env) if local else UNK
            h = head_args(rt)[0]
            if h in self.classes:
                m = self._find_method(h, fn.attr)
                return (m, True) if m is not None else None
            if isinstance(fn.value, ast.Name) and fn.value.id in self.classes:
                m = self.classes[fn.value.id].methods.get(fn.attr)
                if m is not None and any(_dec_name(d) in ("staticmethod", "classmethod") for d in m.node.decorator_list):
                    return m, True
            if not local and fn.attr in self.funcs:  # workspace: `mod.f(...)`
                return self.funcs[fn.attr], False
            if not is_known(rt) and not fn.attr.startswith("__") and fn.attr not in _COMMON_METHODS:
                # `tok.expect(...)` on a receiver of unknown type: the one class here with that method
                owners = [k for k in self.classes.values() if fn.attr in k.methods]
                if len(owners) == 1 and not fn.attr.startswith("_") or len(owners) == 1 and local:
                    m = owners[0].methods[fn.attr]
                    if m.skip_first:
                        return m, True
        return None

    def overrides(self, f: Func) -> list[Func]:
        """The same-named methods up and down the module's class tree (they share a signature)."""
        if not f.cls or f.cls not in self.classes or f.node.name.startswith("__"):
            return []
        family = set()
        todo = [f.cls]
        while todo:  # the connected classes through in-module inheritance
            c = todo.pop()
            if c in family or c not in self.classes:
                continue
            family.add(c)
            todo += [(_dotted(b) or "").split(".")[-1] for b in self.classes[c].node.bases]
            todo += [k.name for k in self.classes.values()
                     if c in {(_dotted(b) or "").split(".")[-1] for b in k.node.bases}]
        out = []
        for c in family:
            m = self.classes[c].methods.get(f.node.name)
            if m is not None and m is not f:
                out.append(m)
        return out

    # ------------------------------------------------------------------ usage

    def usage_of(self, name: str, fn: ast.AST, env: dict, depth: int = 0) -> str:
        """What a body does with `name` says what it is."""
        votes: list[str] = []
        elem_votes: list[str] = []
        isin: list[str] = []
        kinds = set()
        for node in _walk_body(fn):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args \
                    and any(_is(a, name) for a in node.args[:1]) and self.expr(node.func.value, env) == "str":
                # "sep".join(x), s.startswith(x), s.split(x): str methods take str (join: strs)
                m = node.func.attr
                if m == "join":
                    kinds.add("iter")
                    elem_votes.append("str")
                elif m not in ("center", "ljust", "rjust", "zfill", "expandtabs", "format", "format_map", "translate"):
                    votes.append("str")
            if isinstance(node, ast.Call) and any(_is(a, name) for a in node.args):
                callee = _dotted(node.func) or ""
                i = next(i for i, a in enumerate(node.args) if _is(a, name))
                want = _STDLIB_PARAMS.get(callee)
                if want is not None and callee.split(".")[0] not in env and (callee.split(".")[0] in self.imports
                                                                               or "." not in callee):
                    if i in want:
                        votes.append(want[i])
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance" \
                    and len(node.args) == 2 and _is(node.args[0], name):
                cls = node.args[1]
                for c in (cls.elts if isinstance(cls, ast.Tuple) else [cls]):
                    d = _dotted(c)
                    if d:
                        isin.append("None" if d == "NoneType" else d.split(".")[-1])
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and _is(node.func.value, name):
                m = node.func.attr
                if m in _USAGE_LIST:
                    kinds.add("list")
                    if m in ("append", "insert") and node.args:
                        elem_votes.append(self.expr(node.args[-1], env))
                    if m == "extend" and node.args:
                        elem_votes.append(element(self.expr(node.args[0], env)))
                elif m in _USAGE_DICT:
                    kinds.add("dict")
                elif m in _USAGE_SET:
                    kinds.add("set")
                elif m in _STR_METHODS:
                    kinds.add("str")
                else:
                    owners = [k.name for k in self.classes.values() if m in k.methods]
                    owners += [n for n, mem in self.ext_members.items() if m in mem]
                    if len(owners) == 1:
                        votes.append(owners[0])
            elif isinstance(node, ast.Attribute) and _is(node.value, name) and not isinstance(getattr(node, "_parent", None), ast.Call):
                owners = [k.name for k in self.classes.values() if node.attr in k.fields]
                owners += [n for n, mem in self.ext_members.items() if node.attr in mem]
                if len(owners) == 1:
                    votes.append(owners[0])
            elif isinstance(node, ast.BinOp):
                for me, other in ((node.left, node.right), (node.right, node.left)):
                    if _is(me, name):
                        ot = self.expr(other, env)
                        if isinstance(node.op, ast.Mod):
                            if me is node.left:
                                votes.append("int" if ot == "int" else "str")
                        elif ot in ("int", "float"):
                            votes.append(ot)
                        elif ot == "str" and isinstance(node.op, ast.Add):
                            votes.append("str")
                    if isinstance(me, ast.Subscript) and _is(me.value, name):
                        ot = self.expr(other, env)
                        if ot in ("int", "float", "str"):
                            elem_votes.append(ot)
                            kinds.add(_index_kind(me.slice, env, self))
            elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Subscript) and _is(node.left.value, name) \
                    and not isinstance(node.left.slice, ast.Slice):
                # x[i] == "a", x[i] in "abc": the items are str
                kinds.add(_index_kind(node.left.slice, env, self))
                for op, c in zip(node.ops, node.comparators):
                    ct = self.expr(c, env)
                    if isinstance(op, (ast.Eq, ast.NotEq)) and ct == "str":
                        elem_votes.append("str")
                    elif isinstance(op, (ast.In, ast.NotIn)) and (ct == "str" or element(ct) == "str"):
                        elem_votes.append("str")
            elif isinstance(node, ast.Compare):
                ops = [node.left] + node.comparators
                for i, o in enumerate(ops):
                    if _is(o, name):
                        op = node.ops[i - 1] if i > 0 else node.ops[0]
                        if isinstance(op, (ast.In, ast.NotIn)) and i > 0:
                            kinds.add("container")
                            continue
                        if isinstance(op, (ast.Is, ast.IsNot)):
                            continue
                        for j, p in enumerate(ops):
                            if j != i:
                                pt = self.expr(p, env)
                                if pt in ("int", "float", "str"):
                                    votes.append(pt)
            elif isinstance(node, ast.Subscript) and _is(node.value, name):
                kinds.add(_index_kind(node.slice, env, self))
            elif isinstance(node, ast.Subscript) and _is(node.slice, name):
                bt = self.expr(node.value, env)
                if head_args(bt)[0] in ("list", "tuple", "str", "Sequence", "bytes"):
                    votes.append("int")
                elif head_args(bt)[0] == "dict" and len(head_args(bt)[1]) == 2:
                    votes.append(head_args(bt)[1][0])
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                fname = node.func.id
                for i, a in enumerate(node.args):
                    if not _is(a, name):
                        continue
                    if fname == "range":
                        votes.append("int")
                    elif fname in ("len", "sorted", "sum", "min", "max", "enumerate", "reversed", "list", "set", "tuple",
                                   "frozenset", "any", "all", "zip", "map", "filter", "iter"):
                        kinds.add("len" if fname in ("len", "reversed") else "iter")
                        if fname == "sum":
                            elem_votes.append("int")
                    elif fname in ("chr",):
                        votes.append("int")
                    elif fname in ("ord",):
                        votes.append("str")
                    elif fname in self.funcs:
                        callee = self.funcs.get(fname)
                        pos = [p.arg for p in (list(callee.node.args.posonlyargs) + list(callee.node.args.args))]
                        if i < len(pos) and callee is not None:
                            ct = callee.ann.get(pos[i]) or callee.callsite.get(pos[i]) if depth == 0 else callee.ann.get(pos[i])
                            if is_known(ct):
                                votes.append(ct)
            elif isinstance(node, (ast.For, ast.comprehension)) and _is(node.iter, name):
                kinds.add("iter")
                tgt = node.target
                if isinstance(tgt, ast.Name) and depth == 0:
                    u = self.usage_of(tgt.id, fn, env, depth + 1)
                    if is_known(u):
                        elem_votes.append(u)
            elif isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.iter, ast.Call) \
                    and isinstance(node.iter.func, ast.Attribute) and _is(node.iter.func.value, name) \
                    and node.iter.func.attr in ("items", "keys", "values"):
                kinds.add("dict")
        if isin:  # isinstance() tests name the types the body is ready for
            t = join_all([*isin, *(v for v in votes if v in isin)])
            if is_known(t) and len(parts(t)) <= 3:
                return t
        if "str" in kinds and not (kinds - {"str", "container", "iter", "len", "str-index"} - {"seq"}):
            return "str"
        t = join_all(v for v in votes if is_known(v) and v != "bool")
        el = join_all(v for v in elem_votes if is_known(v))
        if "seq" in kinds and el == "str" and not kinds & {"list", "dict", "set", "dict-index"}:
            return "str"  # indexed by ints, its items are str: a str (a list[str] would be mutated or joined)
        if "dict" in kinds or "dict-index" in kinds:
            if "list" not in kinds:
                return "dict"
        if "container" in kinds and is_known(el) and not kinds & {"dict", "dict-index", "set"}:
            kinds.add("seq")
        if "set" in kinds and not kinds & {"list", "dict"}:
            return f"set[{el}]" if is_known(el) else "set"
        # only read: what the body shows is the protocol (a call site, when there is one, says which list)
        if "list" in kinds:
            return f"list[{el}]" if is_known(el) else "list"
        if kinds & {"seq", "len"} and "dict" not in kinds:
            return f"Sequence[{el}]" if is_known(el) else "Sequence"
        if is_known(t) and len(parts(t)) == 1:
            return t
        if "iter" in kinds:
            return f"Iterable[{el}]" if is_known(el) else "Iterable"
        return UNK

    def _usage_through_attribute(self, name: str, f: Func) -> str:
        """`self.attr = name` in a method: what the class's methods do with `self.attr`."""
        if not (f.cls and f.skip_first and f.cls in self.classes):
            return UNK
        first = (list(f.node.args.posonlyargs) + list(f.node.args.args))[0].arg
        attrs = [t.attr for node in _walk_body(f.node) if isinstance(node, ast.Assign) and _is(node.value, name)
                 for t in node.targets if isinstance(t, ast.Attribute) and _is(t.value, first)]
        if len(attrs) != 1:
            return UNK
        out = UNK
        for m in self.classes[f.cls].methods.values():
            if not m.skip_first:
                continue
            mfirst = (list(m.node.args.posonlyargs) + list(m.node.args.args))[0].arg
            u = self.usage_of((mfirst, attrs[0]), m.node, m.env or {}, depth=0)
            if is_known(u):
                out = join(out, u)
        return out if len(parts(out)) == 1 else UNK

    def _none_checked(self, name: str, fn: ast.AST) -> bool:
        for node in _walk_body(fn):
            if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
                a, b = node.left, node.comparators[0]
                if (_is(a, name) and _is_none(b)) or (_is(b, name) and _is_none(a)):
                    return True
        return False


# what well-known stdlib functions take, by argument position (usage of a parameter passed to them)
_PATHS = {0: "str"}
_STDLIB_PARAMS = {
    "open": _PATHS, "os.path.join": {0: "str", 1: "str"}, "os.path.exists": _PATHS, "os.path.isfile": _PATHS,
    "os.path.isdir": _PATHS, "os.path.basename": _PATHS, "os.path.dirname": _PATHS, "os.path.abspath": _PATHS,
    "os.path.realpath": _PATHS, "os.path.expanduser": _PATHS, "os.path.splitext": _PATHS, "os.path.normpath": _PATHS,
    "os.listdir": _PATHS, "os.getenv": _PATHS, "os.environ.get": _PATHS, "os.fsencode": _PATHS, "shutil.which": _PATHS,
    "re.match": {0: "str", 1: "str"}, "re.search": {0: "str", 1: "str"}, "re.fullmatch": {0: "str", 1: "str"},
    "re.compile": {0: "str"}, "re.findall": {0: "str", 1: "str"}, "re.split": {0: "str", 1: "str"},
    "re.sub": {0: "str", 2: "str"}, "re.escape": {0: "str"}, "Path": _PATHS, "pathlib.Path": _PATHS,
    "time.sleep": {0: "float"}, "math.sqrt": {0: "float"}, "math.log": {0: "float"}, "math.exp": {0: "float"},
    "math.floor": {0: "float"}, "math.ceil": {0: "float"}, "math.isnan": {0: "float"}, "math.isinf": {0: "float"},
    "math.isfinite": {0: "float"}, "json.loads": {0: "str"}, "unicodedata.normalize": {0: "str", 1: "str"},
}

_COMMON_METHODS = frozenset(_STR_METHODS) | _USAGE_LIST | _USAGE_DICT | _USAGE_SET | {
    "get", "set", "read", "write", "close", "open", "run", "copy", "pop", "clear", "send", "load", "dump",
    "parse", "match", "search", "sub", "group", "start", "stop", "reset", "next", "flush", "seek", "encode", "decode"}

_DUNDER_RET = {
    "__init__": "None", "__str__": "str", "__repr__": "str", "__format__": "str", "__eq__": "bool", "__ne__": "bool",
    "__lt__": "bool", "__le__": "bool", "__gt__": "bool", "__ge__": "bool", "__contains__": "bool", "__bool__": "bool",
    "__hash__": "int", "__len__": "int", "__index__": "int", "__int__": "int", "__float__": "float", "__bytes__": "bytes",
    "__setitem__": "None", "__delitem__": "None", "__setattr__": "None", "__delattr__": "None", "__post_init__": "None",
    "__set__": "None", "__set_name__": "None", "__init_subclass__": "None",
}


def _trivial(fn: ast.AST, method: bool) -> bool:
    """A body that is only a docstring, `...` or a raise (or `pass` in a method): abstract or a
    stub, it says nothing about what implementations return."""
    stubby = False
    for s in fn.body:
        if isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant):
            stubby |= s.value.value is Ellipsis
            continue
        if isinstance(s, ast.Raise):
            stubby = True
            continue
        if isinstance(s, ast.Pass):
            stubby |= method
            continue
        return False
    return stubby or (method and len(fn.body) == 1)


def _index_kind(sl: ast.AST, env: dict, mod: Module) -> str:
    t = mod.expr(sl, env) if not isinstance(sl, ast.Slice) else "slice"
    if t == "str":
        return "dict-index"
    if t in ("int", "slice"):
        return "seq"
    return "container"


def _is(node: ast.AST, name) -> bool:
    """node is the name `name`, or (when name is a pair (obj, attr)) the attribute `obj.attr`."""
    if isinstance(name, tuple):
        return (isinstance(node, ast.Attribute) and node.attr == name[1] and isinstance(node.value, ast.Name)
                and node.value.id == name[0])
    return isinstance(node, ast.Name) and node.id == name


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        b = _dotted(node.value)
        return f"{b}.{node.attr}" if b else None
    if isinstance(node, ast.Call):
        return _dotted(node.func)
    return None


def _dec_name(d: ast.AST) -> str:
    return (_dotted(d) or "").split(".")[-1]


def _literal_type(e: ast.AST) -> str:
    if isinstance(e, ast.Constant):
        return _CONST.get(type(e.value), UNK)
    if isinstance(e, ast.UnaryOp) and isinstance(e.operand, ast.Constant):
        return _CONST.get(type(e.operand.value), UNK)
    if isinstance(e, (ast.List, ast.Set, ast.Dict, ast.Tuple, ast.JoinedStr)):
        m = Module(ast.Module(body=[], type_ignores=[]))
        return m.expr(e, {})
    return UNK


def _refine_container(cur: str, method: str, args: list[str]) -> str:
    h, ta = head_args(cur)
    if h == "list" and method in ("append", "insert") and args:
        return f"list[{join(ta[0] if ta else UNK, args[-1])}]"
    if h == "list" and method == "extend" and args:
        return f"list[{join(ta[0] if ta else UNK, element(args[0]))}]"
    if h == "set" and method == "add" and args:
        return f"set[{join(ta[0] if ta else UNK, args[0])}]"
    return cur


def _drop_none(t: str) -> str:
    """`t` without None; unknown when `t` is only None (the code says it is not: we know less
    than it does)."""
    if not is_known(t):
        return t
    ps = [p for p in parts(t) if p != "None"]
    return " | ".join(ps) if ps else UNK


def _none_only_if_known(*ts: str) -> str:
    """The join of branches (`a if c else b`, `a or b`), except that None alone is no answer
    when a branch is unknown (`x.val if x else None` is not `None`)."""
    out = join_all(ts)
    return UNK if out == "None" and not all(is_known(t) for t in ts) else out


def _tests_not_none(test: ast.AST, name: str) -> bool:
    return (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.IsNot)
            and _is(test.left, name) and _is_none(test.comparators[0]))


def _block_of(fn: ast.AST, target: ast.stmt) -> list | None:
    """The statement list of `fn` (not of nested functions) that holds `target`."""
    stack = [fn]
    while stack:
        node = stack.pop()
        for fld in ("body", "orelse", "finalbody", "handlers", "cases"):
            blk = getattr(node, fld, None)
            if not isinstance(blk, list):
                continue
            if any(st is target for st in blk):
                return blk
            stack.extend(st for st in blk if not isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    return None


def _tests_none(test: ast.AST, name: str) -> bool:
    """`name is None` or `not name`: the branch runs whenever `name` is None."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is):
        return _is(test.left, name) and _is_none(test.comparators[0])
    return isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and _is(test.operand, name)


def _assigns(st: ast.AST, name: str) -> bool:
    """Whether `st` (or anything inside it) may bind `name`."""
    for node in ast.walk(st):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, (ast.Store, ast.Del)):
            return True
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return True
    return False


def _walk_body(fn: ast.AST):
    """The nodes of a function's body, not descending into nested functions or classes."""
    stack = list(reversed(getattr(fn, "body", [])))
    while stack:
        node = stack.pop()
        yield node
        for child in reversed(list(ast.iter_child_nodes(node))):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            child._parent = node  # type: ignore[attr-defined]
            stack.append(child)


_NO_RETURN = frozenset({"exit", "_exit", "abort", "fail", "error"})


def _ends_in_return(body: list[ast.stmt], raisers: frozenset = _NO_RETURN) -> bool:
    """No path falls off the end (a call to a function that always raises ends a path too)."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        fn = last.value.func
        name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
        return name in raisers
    if isinstance(last, ast.If):
        return _ends_in_return(last.body, raisers) and _ends_in_return(last.orelse, raisers)
    if isinstance(last, (ast.While,)) and isinstance(last.test, ast.Constant) and last.test.value is True:
        return True
    if isinstance(last, ast.Try):
        return ((_ends_in_return(last.body, raisers) or _ends_in_return(last.orelse, raisers))
                and all(_ends_in_return(h.body, raisers) for h in last.handlers))
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return _ends_in_return(last.body, raisers)
    if isinstance(last, ast.Match):
        return all(_ends_in_return(c.body, raisers) for c in last.cases)
    return False


def _always_raises(fn: ast.AST) -> bool:
    body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    return bool(body) and isinstance(body[-1], ast.Raise) and len(body) <= 2 or (len(body) == 1 and isinstance(body[0], ast.Pass) and False)
