"""Features of every type slot (parameter / return) of a Python file, for the type model.

Pure: stdlib `ast` only, works on any Python file (classes, nested functions, code Portalis cannot
translate) and never raises (a syntax error gives {}). The contract with the inference layers is
in MODEL_API (SlotQuery, slot_queries); keep the field names.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SlotQuery:
    module: str                 # module name ("geometry")
    function: str               # qualified: "clamp", "Shape.area", "outer.inner"
    kind: str                   # "param" | "return"
    name: str                   # the parameter's name; the function's name for "return"
    position: int               # parameter index (0-based, self/cls excluded); -1 for "return"
    default: str | None         # "int" "float" "str" "bool" "None" "list" "dict" "tuple" "call:<name>" or None
    methods: tuple[str, ...] = ()     # methods called on the value (sorted, unique)
    attributes: tuple[str, ...] = ()  # attributes read that are not calls
    operators: tuple[str, ...] = ()   # "+", "<", "in", "[]", "[]=", "not", "f-string", ...
    passed_to: tuple[str, ...] = ()   # "len#0", "self.helper#1", "math.sqrt#0", "open#mode"
    iterated: bool = False            # for-loop / comprehension over it
    unpacked: int = 0                 # tuple-unpacking arity seen (a, b = x -> 2), 0 if never
    returned_values: tuple[str, ...] = ()  # for "return": kinds of the returned expressions
    other_params: tuple[str, ...] = ()     # the function's other parameter names
    decorators: tuple[str, ...] = ()
    docstring_words: tuple[str, ...] = ()  # lowercased docstring words near the name


_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
           ast.Mod: "%", ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
           ast.LShift: "<<", ast.RShift: ">>", ast.MatMult: "@"}
_CMPOPS = {ast.Lt: "<", ast.LtE: "<", ast.Gt: "<", ast.GtE: "<", ast.Eq: "==", ast.NotEq: "==",
           ast.Is: "is", ast.IsNot: "is", ast.In: "in", ast.NotIn: "in"}
_WORD = re.compile(r"[a-z][a-z0-9_]+")
_MAX_DOC_WORDS = 12


def dotted(node: ast.AST) -> str | None:
    """`a.b.c` for a Name/Attribute chain, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def callee(func: ast.AST) -> str:
    """A call's callee as text: "len", "math.sqrt", "self.helper"; ".split" for a method of an
    expression (`s.strip().split`); "?" otherwise."""
    name = dotted(func)
    if name is None and isinstance(func, ast.Attribute):
        name = "." + func.attr
    return name or "?"


def value_kind(node: ast.AST | None) -> str | None:
    """The kind of an expression, as used for defaults and returned values."""
    if node is None:
        return None
    if isinstance(node, ast.Constant):
        v = node.value
        if v is None:
            return "None"
        if v is Ellipsis:
            return "ellipsis"
        return {bool: "bool", int: "int", float: "float", str: "str", bytes: "bytes",
                complex: "complex"}.get(type(v), "const")
    if isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant):
        return value_kind(node.operand) if not isinstance(node.op, ast.Not) else "bool"
    if isinstance(node, (ast.List, ast.ListComp)):
        return "list"
    if isinstance(node, (ast.Dict, ast.DictComp)):
        return "dict"
    if isinstance(node, ast.Tuple):
        return "tuple"
    if isinstance(node, (ast.Set, ast.SetComp)):
        return "set"
    if isinstance(node, ast.GeneratorExp):
        return "generator"
    if isinstance(node, ast.JoinedStr):
        return "str"
    if isinstance(node, ast.Call):
        return f"call:{callee(node.func)}"
    if isinstance(node, (ast.Compare, )):
        return "bool"
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return "bool"
    if isinstance(node, ast.BoolOp):
        return "boolop"
    if isinstance(node, ast.BinOp):
        return "binop:" + _BINOPS.get(type(node.op), "?")
    if isinstance(node, ast.Name):
        return "name"
    if isinstance(node, ast.Attribute):
        return "attr"
    if isinstance(node, ast.Subscript):
        return "subscript"
    if isinstance(node, ast.Lambda):
        return "lambda"
    if isinstance(node, ast.IfExp):
        return "ifexp"
    if isinstance(node, ast.Await):
        return "await"
    return type(node).__name__.lower()


class _Usage:
    __slots__ = ("methods", "attributes", "operators", "passed_to", "iterated", "unpacked")

    def __init__(self) -> None:
        self.methods: set[str] = set()
        self.attributes: set[str] = set()
        self.operators: set[str] = set()
        self.passed_to: set[str] = set()
        self.iterated = False
        self.unpacked = 0


def _own_nodes(fn: ast.AST):
    """The nodes of a function's body, not descending into nested functions/classes/lambdas."""
    stack = list(reversed(getattr(fn, "body", [])))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            # decorators and defaults of nested definitions run in this scope
            for d in getattr(node, "decorator_list", []):
                stack.append(d)
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _usage(fn: ast.AST, names: set[str]) -> dict[str, _Usage]:
    uses = {n: _Usage() for n in names}
    parent: dict[ast.AST, ast.AST] = {}
    nodes = list(_own_nodes(fn))
    for node in nodes:
        for child in ast.iter_child_nodes(node):
            parent[child] = node
    for node in nodes:
        if not (isinstance(node, ast.Name) and node.id in uses):
            continue
        u = uses[node.id]
        p = parent.get(node)
        if isinstance(node.ctx, ast.Store):
            if isinstance(p, ast.AugAssign) and p.target is node:
                u.operators.add(_BINOPS.get(type(p.op), "?"))
            continue
        if isinstance(p, ast.Attribute) and p.value is node:
            gp = parent.get(p)
            if isinstance(gp, ast.Call) and gp.func is p:
                u.methods.add(p.attr)
            elif isinstance(p.ctx, ast.Load):
                u.attributes.add(p.attr)
        elif isinstance(p, ast.BinOp):
            u.operators.add(_BINOPS.get(type(p.op), "?"))
        elif isinstance(p, ast.AugAssign):
            u.operators.add(_BINOPS.get(type(p.op), "?"))
        elif isinstance(p, ast.Compare):
            operands = [p.left, *p.comparators]
            i = next((k for k, o in enumerate(operands) if o is node), -1)
            for k, op in enumerate(p.ops):
                sym = _CMPOPS.get(type(op), "?")
                if sym == "in":
                    if i == k + 1:
                        u.operators.add("in")      # `... in x`: x is a container
                elif k == i or k + 1 == i:
                    if sym == "is" and isinstance(operands[k + 1 - (k + 1 == i)], ast.Constant):
                        sym = "is None"
                    u.operators.add(sym)
        elif isinstance(p, ast.Subscript) and p.value is node:
            u.operators.add("[]=" if isinstance(p.ctx, ast.Store) else "[]")
        elif isinstance(p, ast.UnaryOp):
            u.operators.add("not" if isinstance(p.op, ast.Not) else "unary" + _unary(p.op))
        elif isinstance(p, ast.FormattedValue):
            u.operators.add("f-string")
        elif isinstance(p, ast.Call) and node in p.args:
            u.passed_to.add(f"{callee(p.func)}#{p.args.index(node)}")
        elif isinstance(p, ast.keyword):
            call = parent.get(p)
            if isinstance(call, ast.Call):
                u.passed_to.add(f"{callee(call.func)}#{p.arg or '**'}")
        elif isinstance(p, ast.Starred):
            u.operators.add("*unpack")
        elif isinstance(p, (ast.For, ast.AsyncFor)) and p.iter is node:
            u.iterated = True
            if isinstance(p.target, ast.Tuple):
                u.unpacked = u.unpacked or len(p.target.elts)
        elif isinstance(p, ast.comprehension) and p.iter is node:
            u.iterated = True
        elif isinstance(p, ast.Assign) and p.value is node:
            for t in p.targets:
                if isinstance(t, (ast.Tuple, ast.List)):
                    u.unpacked = u.unpacked or len(t.elts)
        elif isinstance(p, (ast.If, ast.While, ast.IfExp)) and p.test is node:
            u.operators.add("truth")
        elif isinstance(p, ast.BoolOp):
            u.operators.add("truth")
    return uses


def _unary(op: ast.AST) -> str:
    return {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}.get(type(op), "?")


def _doc_words(doc: str | None, name: str) -> tuple[str, ...]:
    if not doc:
        return ()
    key = name.lower()
    out: list[str] = []
    lines = doc.lower().splitlines()
    for k, line in enumerate(lines):
        if re.search(r"\b" + re.escape(key) + r"\b", line):
            words = _WORD.findall(line)
            if k + 1 < len(lines) and len(words) < 4:
                words += _WORD.findall(lines[k + 1])
            for w in words:
                if w != key and w not in out:
                    out.append(w)
        if len(out) >= _MAX_DOC_WORDS:
            break
    return tuple(out[:_MAX_DOC_WORDS])


def _returns(fn: ast.AST) -> tuple[str, ...]:
    kinds: set[str] = set()
    for node in _own_nodes(fn):
        if isinstance(node, ast.Return):
            kinds.add(value_kind(node.value) or "None")
        elif isinstance(node, (ast.Yield, ast.YieldFrom)):
            kinds.add("yield")
        elif isinstance(node, ast.Raise):
            kinds.add("raise")
    if not kinds - {"raise"}:
        kinds.add("None")                        # no return statement: falls off the end
    return tuple(sorted(kinds))


def _slots(fn: ast.FunctionDef | ast.AsyncFunctionDef, qual: str, module: str, in_class: bool):
    a = fn.args
    positional = [*a.posonlyargs, *a.args]
    defaults: dict[str, ast.AST | None] = {}
    for arg, d in zip(positional[len(positional) - len(a.defaults):], a.defaults):
        defaults[arg.arg] = d
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        defaults[arg.arg] = d
    decorators = tuple(sorted({dotted(d.func if isinstance(d, ast.Call) else d) or "?"
                               for d in fn.decorator_list}))
    params = [*positional]
    if a.vararg:
        params.append(a.vararg)
    params.extend(a.kwonlyargs)
    if a.kwarg:
        params.append(a.kwarg)
    if (in_class and positional and params and params[0] is positional[0]
            and "staticmethod" not in decorators and positional[0].arg in ("self", "cls", "mcs", "metacls")):
        params = params[1:]
    names = [p.arg for p in params]
    uses = _usage(fn, set(names))
    doc = ast.get_docstring(fn, clean=True) if fn.body else None
    out = {}
    for i, p in enumerate(params):
        u = uses[p.arg]
        prefix = "*" if p is a.vararg else "**" if p is a.kwarg else ""
        out[(qual, p.arg)] = SlotQuery(
            module=module, function=qual, kind="param", name=prefix + p.arg, position=i,
            default=value_kind(defaults.get(p.arg)),
            methods=tuple(sorted(u.methods)), attributes=tuple(sorted(u.attributes)),
            operators=tuple(sorted(u.operators)), passed_to=tuple(sorted(u.passed_to)),
            iterated=u.iterated, unpacked=u.unpacked,
            other_params=tuple(n for n in names if n != p.arg),
            decorators=decorators, docstring_words=_doc_words(doc, p.arg))
    out[(qual, "return")] = SlotQuery(
        module=module, function=qual, kind="return", name=fn.name, position=-1, default=None,
        returned_values=_returns(fn), other_params=tuple(names), decorators=decorators,
        docstring_words=_doc_words(doc, "return") or _doc_words(doc, "returns"))
    return out


def slot_queries(source: str, module: str) -> dict[tuple[str, str], SlotQuery]:
    """Every slot of every function/method in the file, keyed (qualified function, param name or
    "return"). self/cls excluded. Syntax errors -> {}."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError, TypeError):
        return {}
    out: dict[tuple[str, str], SlotQuery] = {}

    def visit(body, prefix: str, in_class: bool) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                qual = prefix + node.name
                out.update(_slots(node, qual, module, in_class))
                visit(node.body, qual + ".", False)
            elif isinstance(node, ast.ClassDef):
                visit(node.body, prefix + node.name + ".", True)
            else:
                # functions defined under if/try/with/for at this level keep the same prefix
                for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                    sub = getattr(node, field, None)
                    if isinstance(sub, list) and sub and not isinstance(node, (ast.Lambda,)):
                        visit([s for s in sub if isinstance(s, ast.AST)], prefix, in_class)

    try:
        visit(tree.body, "", False)
    except (RecursionError, MemoryError):
        return out
    except Exception:  # never raise on any input: a bug here must not take the caller down
        return out
    return out


# --- model tokens (what the linear model sees of a query; pure, stdlib only) -------------------

_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def subwords(name: str) -> list[str]:
    """`max_retryCount` -> ["max", "retry", "count"]."""
    return [w.lower() for part in name.split("_") for w in _CAMEL.findall(part)]


def tokens(q: SlotQuery, stub: bool = False) -> list[str]:
    """The sparse features of one slot, as strings (hashed by the model)."""
    k = "p" if q.kind == "param" else "r"
    name = q.name.lstrip("*")
    out = [f"kind:{k}", f"{k}.name:{name.lower()}"]
    if q.name.startswith("**"):
        out.append("star2")
    elif q.name.startswith("*"):
        out.append("star1")
    words = subwords(name)
    out += [f"{k}.w:{w}" for w in words]
    if words:
        out += [f"{k}.first:{words[0]}", f"{k}.last:{words[-1]}"]
    padded = f"^{name.lower()}$"
    out += [f"{k}.c3:{padded[i:i + 3]}" for i in range(len(padded) - 2)]
    fn = q.function.rsplit(".", 1)[-1]
    fwords = subwords(fn)
    out += [f"{k}.fw:{w}" for w in fwords]
    if fwords:
        out.append(f"{k}.ffirst:{fwords[0]}")
    if fn.startswith("__") and fn.endswith("__"):
        out.append(f"{k}.dunder:{fn}")
    if "." in q.function:
        out.append(f"{k}.method")
    out += [f"mod:{w}" for w in subwords(q.module.rsplit(".", 1)[-1])]
    out.append(f"{k}.default:{q.default}")
    if q.default is not None and q.default.startswith("call:"):
        out.append(f"{k}.default:call")
    out.append(f"{k}.pos:{min(q.position, 3)}")
    out += [f"m:{m}" for m in q.methods]
    out += [f"a:{a}" for a in q.attributes]
    out += [f"op:{o}" for o in q.operators]
    for p in q.passed_to:
        name = p.rsplit("#", 1)[0]
        out += [f"pt:{p}", f"pc:{name.rsplit('.', 1)[-1]}"]
    if q.iterated:
        out.append("iter")
    if q.unpacked:
        out.append(f"unpack:{min(q.unpacked, 4)}")
    if q.kind == "param" and not (q.methods or q.attributes or q.operators or q.passed_to
                                  or q.iterated or q.unpacked):
        out.append("nouse")
    out += [f"ret:{r}" for r in q.returned_values]
    if len(q.returned_values) > 1:
        out += [f"ret2:{a}&{b}" for a in q.returned_values for b in q.returned_values if a < b]
    out += [f"dec:{d.rsplit('.', 1)[-1]}" for d in q.decorators]
    out += [f"{k}.other:{o.lower()}" for o in q.other_params[:6]]
    out += [f"{k}.doc:{w}" for w in q.docstring_words]
    if stub:
        out.append("stub")
    return out
