"""Lowering: `SourceModule` -> `ir.Module` plus diagnostics (`lower_module`).

Owns the module-level structure (functions, exception classes, module constants, the
module body as `main`), statement lowering, and the fixpoint that lets types flow across
the module: the whole module is lowered a few times with shared type variables, and only
the last pass keeps its IR and diagnostics. Expressions are in `analyzers.exprs`, calls in
`analyzers.builtins`, definite assignment in `analyzers.flow`. Unsupported code becomes a
diagnostic with a stable code at the exact Python span, never an exception and never a guess.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from portalis import ir
from portalis.analyzers import class_attrs, class_group, class_methods, enums, exc_extras, generators, matching, memo, named, nested, \
    numeric, protocols
from portalis.analyzers.annotation_names import rebound_annotation_names
from portalis.analyzers import none_errors as ne
from portalis.diagnostics import Diagnostic, Severity, Span, make
from portalis.analyzers.builtins import BUILTIN_EXCEPTIONS, BuiltinMixin, _exc_arg_msg, _text_fixed
from portalis.analyzers import classes as user_classes
from portalis.analyzers.classes import ClassMixin
from portalis.analyzers.exprs import _AUGOPS, ExprMixin
from portalis.analyzers.flow import check_definite_assignment
from portalis.analyzers.unions import UnionMixin, _assigns
from portalis.analyzers.ingest import SourceModule
from portalis.analyzers.scope import function_scope
from portalis.analyzers.types import AnnotationError, TVar, free_var, parse_annotation, prune, resolve, set_order_unknown, show, type_alias, unify

PASSES = 4
ALLOWED_IMPORTS = {"math", "sys", "typing", "__future__", "dataclasses"}


@dataclass
class FuncSig:
    name: str
    params: list[tuple[str, Any]]
    ret: Any
    node: cst.FunctionDef
    source_hash: str
    defaults: dict[str, cst.BaseExpression] = field(default_factory=dict)  # literal default values
    owner: str | None = None  # a method: its class (analyzers.classes)
    kind: str = "function"  # a method: "method" | "static" | "class" | "property" | "setter"
    self_name: str | None = None  # a method's first parameter (`self`)
    cls_param: str | None = None  # a class method's first parameter (`cls`), not a parameter here
    refused_params: tuple[str, ...] = ()  # `*args`, `**kw`, keyword-only...: refused; calls are not checked
    parent: str | None = None  # a nested function ("outer.inner", lifted): the function it is defined in
    captures: tuple[str, ...] = ()  # a nested function's last params: the parent's variables it reads
    cache: ir.CacheSpec | None = None  # @functools.cache / @lru_cache (analyzers/memo.py)
    generator: bool = False  # it yields; `ret` is `gen[T]` (analyzers/generators.py)


@dataclass
class ModuleInfo:
    sm: SourceModule
    funcs: dict[str, FuncSig] = field(default_factory=dict)
    exceptions: dict[str, str] = field(default_factory=dict)  # user class -> base
    globals: dict[str, Any] = field(default_factory=dict)  # module names functions can see
    yields_refused: set[tuple[int, int]] = field(default_factory=set)  # (line, col) of each `yield` reported
    yields_guarded: set[tuple[int, int]] = field(default_factory=set)  # (line, col) of each `yield` in a try/except
    exc_modules: dict[str, str] = field(default_factory=dict)  # library exception classes: their module
    global_inits: dict[str, cst.CSTNode] = field(default_factory=dict)  # the statement that defines it
    imports: set[str] = field(default_factory=set)
    from_imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    refused_imports: set[str] = field(default_factory=set)  # names a refused import binds: no second error at each use
    locals: dict[str, dict[str, Any]] = field(default_factory=dict)  # per function (and "<module>")
    exc_inits: dict[str, "ExcInit"] = field(default_factory=dict)  # exception class with __init__
    refused_excs: set[str] = field(default_factory=set)  # known names, already diagnosed: no cascades
    synth_alias: dict[cst.CSTNode, cst.CSTNode] = field(default_factory=dict)  # generated -> source node
    synth_calls: dict[cst.CSTNode, str] = field(default_factory=dict)  # generated callee name -> function
    type_aliases: dict[str, Any] = field(default_factory=dict)  # `Vector = list[float]` (module level)
    annotated: set[tuple[str, str]] = field(default_factory=set)  # (function, local) with an annotation
    widened: int = 0  # locals widened to a union so far (analyzers.unions.widen_local)
    enum_state: enums.EnumState = field(default_factory=enums.EnumState)  # enum imports and classes
    named_state: named.NamedState = field(default_factory=named.NamedState)  # named tuple classes
    classes: dict[str, Any] = field(default_factory=dict)  # user classes: name -> classes.ClassInfo
    nested: dict[str, dict[str, str]] = field(default_factory=dict)  # function -> its lifted nested ones (analyzers.nested)
    nested_refused: dict[str, set[str]] = field(default_factory=dict)  # function -> nested ones refused at collection

    def exc_owner(self, cls: str) -> str | None:
        """The class (cls or a user base) whose `__init__` builds instances of cls, if any."""
        while cls in self.exceptions:
            if cls in self.exc_inits:
                return cls
            cls = self.exceptions[cls]
        return None

    def add_library_exception(self, name: str, base: str, module: str) -> None:
        """An exception class a library defines (`dataclasses.FrozenInstanceError`), unless the
        program defines its own class of that name."""
        if name not in self.exceptions:
            self.exceptions[name] = base
            self.exc_modules[name] = module

    def exc_field_type(self, owner: str, name: str) -> Any:
        """The type of field `name` of `owner` (None while inference has not settled it)."""
        init = self.exc_inits[owner]
        ret = prune(self.funcs[init.func].ret)
        if not isinstance(ret, ir.TupleT):
            return None
        return ret.items[1 + 2 * init.n_args + init.fields.index(name)]


@dataclass
class ExcInit:
    """An exception class's `__init__`, lowered as the generated function `func`."""

    func: str  # "Class.__init__"
    fields: tuple[str, ...]
    n_args: int
    # no super().__init__: `args` are the positional arguments of each call (BaseException.__new__)
    args_from_call: bool = False


class Ctx:
    """Per-pass state: diagnostics and whether this is the final (IR-keeping) pass."""

    def __init__(self, final: bool):
        self.final = final
        self.diags: list[Diagnostic] = []
        self.seen: set[tuple[str, int, int]] = set()


def _refused_params(p: cst.Parameters) -> tuple[str, ...]:
    """The parameters a `def` has beyond plain positional ones (refused where it is collected)."""
    star = [p.star_arg] if isinstance(p.star_arg, cst.Param) else []
    kw = [p.star_kwarg] if p.star_kwarg is not None else []
    return tuple(prm.name.value for prm in (*p.posonly_params, *star, *p.kwonly_params, *kw))


class FunctionLowerer(ClassMixin, ExprMixin, BuiltinMixin, UnionMixin):
    def __init__(self, info: ModuleInfo, ctx: Ctx, name: str, locals_: dict[str, Any],
                 global_names: set[str], ret: Any):
        self.info = info
        self.ctx = ctx
        self.final = ctx.final
        self.fname = name
        self.locals = locals_
        self.global_names = global_names
        self.ret = ret
        self.comp_scope: dict[str, Any] = {}
        self.narrowed: dict[str, Any] = {}  # names narrowed by isinstance() (analyzers.unions)
        self.loops: list[int] = []
        self.handler_vars: list[str] = []
        self.label = 0
        self.unknowns: list[tuple[TVar, Span]] = []
        self.cascades: list[Span] = []  # expressions not known because an operand was refused (`unknown`)
        self.positions_alias: dict[cst.CSTNode, cst.CSTNode] = {}
        self.self_name: str | None = None
        self.evaluated: dict[cst.CSTNode, ir.Expr] = {}  # expressions already evaluated (into a hidden local)
        self.refused_defs: set[str] = set()  # nested functions and classes (refused): no second error at each use
        self.nested: dict[str, str] = {}  # the nested functions this body can call: Python name -> "outer.inner"
        self.generator = False  # a generator function's body: `ret` is `gen[T]`, `yield` statements lower

    # ------------------------------------------------------------ plumbing

    def sp(self, node: cst.CSTNode) -> Span:
        if self.positions_alias:  # (a look-up hashes the node: a Python-level call in libcst)
            node = self.positions_alias.get(node, node)
        if self.info.synth_alias:
            node = self.info.synth_alias.get(node, node)
        return self.info.sm.span(node)

    def err(self, code: str, msg: str, node: cst.CSTNode, severity: Severity = Severity.ERROR) -> ir.Expr:
        sp = self.sp(node)
        key = (code, sp.line, sp.col)
        if key not in self.ctx.seen:
            self.ctx.seen.add(key)
            self.ctx.diags.append(make(code, msg, sp, severity))
        return ir.Const(None, TVar("error"), sp)

    def err_at(self, code: str, msg: str, sp: Span, severity: Severity = Severity.ERROR) -> None:
        """`err` at a span (for checks made on IR rather than on a CST node)."""
        key = (code, sp.line, sp.col)
        if key not in self.ctx.seen:
            self.ctx.seen.add(key)
            self.ctx.diags.append(make(code, msg, sp, severity))

    def poison(self, node: cst.CSTNode) -> ir.Expr:
        return ir.Const(None, TVar("error"), self.sp(node))

    def warn_set_order(self, node: cst.CSTNode) -> None:
        self.err("set-iteration-order", "iterating over a set whose elements CPython hashes differently in every "
                 "run (str, None, objects): its order is not CPython's, which changes from run to run; use sorted() "
                 "if the order matters", node, Severity.WARNING)

    def name(self, node: cst.Name) -> ir.Expr:  # comprehension/lambda variables shadow the function's
        if node.value in self.comp_scope:
            return ir.Local(node.value, self.comp_scope[node.value], self.sp(node))
        return super().name(node)

    def new_label(self) -> int:
        self.label += 1
        return self.label

    # ------------------------------------------------------------ statements

    def block(self, stmts: Any) -> tuple[ir.Stmt, ...]:
        out: list[ir.Stmt] = []
        body = stmts.body if isinstance(stmts, (cst.IndentedBlock, cst.SimpleStatementSuite)) else stmts
        for i, s in enumerate(body):
            if isinstance(s, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                n0 = len(out)
                for small in s.body:
                    out.extend(self.small(small))
                rest = self.assigned_rest(out[n0:], body[i + 1:])  # `x = "a"` on a union x: a str below
                if rest is not None:
                    out.extend(rest)
                    break
            else:
                out.extend(self.compound(s))
                if protocols.ends_block(self, out):  # an operator method's copy: the rest cannot run
                    break
                rest = self.narrowed_rest(s, body[i + 1:], out[-1] if out else None)  # `if x is None: return`
                if rest is not None:
                    out.extend(rest)
                    break
        return tuple(out)

    def small(self, node: cst.BaseSmallStatement) -> list[ir.Stmt]:
        sp = self.sp(node)
        if isinstance(node, cst.Expr):
            v = node.value
            if isinstance(v, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis)):
                return []  # docstring, bare string, `...` (a body that does nothing)
            if isinstance(v, cst.Yield) and self.generator:
                return generators.lower_yield(self, node, v)
            e = self.expr(v)
            if isinstance(e, ir.Intrinsic) and e.name == "sys.exit":
                return [ir.Raise(e, None, sp)]
            return [ir.ExprStmt(e, sp)]
        if isinstance(node, cst.Assign):
            return self.assign(node)
        if isinstance(node, cst.AnnAssign):
            return self.ann_assign(node)
        if isinstance(node, cst.AugAssign):
            return self.aug_assign(node)
        if isinstance(node, cst.Return):  # out of a try/finally or `with`: the `finally` runs first (codegen)
            if node.value is None:
                return [ir.Return(None, sp)]
            if protocols.is_notimpl(node.value):
                return protocols.return_notimpl(self, node)
            v = self.expr(node.value)
            r = prune(self.ret)
            if isinstance(r, TVar) and r.origin == "error":  # a refused generator: its callers see no type
                return [ir.Return(v, sp)]
            if r == ir.NONE and prune(v.ty) == ir.NONE:
                return [ir.Return(None, sp)]
            return [ir.Return(self.coerce_to(v, self.ret, node.value, f"the return value of `{self.fname}`"), sp)]
        if isinstance(node, (cst.Break, cst.Continue)):
            label = self.loops[-1] if self.loops else 0
            return [ir.Break(label, sp) if isinstance(node, cst.Break) else ir.Continue(label, sp)]
        if isinstance(node, cst.Pass):
            return []
        if isinstance(node, cst.Raise):
            if node.exc is None:
                if not self.handler_vars:
                    self.err("unsupported-syntax", "bare `raise` outside an except block", node)
                    return []
                return [ir.Raise(None, self.handler_vars[-1], sp)]
            if isinstance(node.exc, cst.Name) and (node.exc.value in BUILTIN_EXCEPTIONS or node.exc.value in self.info.exceptions):
                call = cst.Call(node.exc)  # `raise E` instantiates E with no arguments
                self.positions_alias[call] = node.exc
                e = self.expr(call)
            else:
                e = self.expr(node.exc)
            t = prune(e.ty)
            if not isinstance(t, ir.ExcT):
                if not (isinstance(t, TVar) and t.origin == "error"):
                    self.err("type-mismatch", f"exceptions must derive from BaseException, not {show(t)}", node.exc)
                return []
            if node.cause is not None:
                # `raise X from Y`: the cause only shows in the stderr traceback's chain, which
                # Portalis does not print; Y is evaluated after X, for its effects
                e = exc_extras.raise_cause(self, e, node.cause.item)
            return [ir.Raise(e, None, sp)]
        if isinstance(node, cst.Assert):
            msg = self.expr(node.msg) if node.msg is not None else None
            if msg is not None and not _text_fixed(msg.ty):  # AssertionError(msg) keeps the object
                self.err("unsupported-syntax", _exc_arg_msg(msg.ty), node.msg)
                return []
            return [ir.Assert(self.cond(node.test), msg, sp)]
        if isinstance(node, cst.Global):
            if self.fname == "<module>":
                return []
            return []
        if isinstance(node, cst.Del):
            return self.delete(node.target, node)
        if isinstance(node, (cst.Import, cst.ImportFrom)):
            self.err("unsupported-import", "imports are supported at module level only", node)
            return []
        if isinstance(node, cst.Nonlocal):
            self.err("unsupported-syntax", "`nonlocal` is not supported: a nested function can read the variables "
                     "of the function it is in, not rebind them; return the new value instead", node)
            return []
        self.err("unsupported-syntax", f"unsupported statement ({type(node).__name__})", node)
        return []

    def delete(self, target: cst.BaseExpression, node: cst.CSTNode) -> list[ir.Stmt]:
        if isinstance(target, cst.Tuple):
            out: list[ir.Stmt] = []
            for el in target.elements:
                out.extend(self.delete(el.value, node))
            return out
        if isinstance(target, cst.Subscript) and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
            obj = self.expr(target.value)
            t = prune(obj.ty)
            idx_node = target.slice[0].slice.value
            if isinstance(t, ir.DictT):
                return [ir.DelItem(obj, self.coerce_to(self.expr(idx_node), t.key, idx_node, "the dict key", ne.key_error()),
                                   self.sp(node))]
            if isinstance(t, (ir.ListT, ir.DequeT)):
                what = "list" if isinstance(t, ir.ListT) else "deque"
                return [ir.DelItem(obj, self.int_arg(self.expr(idx_node), idx_node, ne.sequence_index(what, "NoneType")),
                                   self.sp(node))]
            if isinstance(t, ir.ObjT) and self.info.classes:  # `__delitem__`
                return [ir.ExprStmt(self.obj_dunder(obj, t, "__delitem__", [idx_node], node), self.sp(node))]
            if isinstance(t, TVar):
                return []
        if isinstance(target, cst.Subscript) and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Slice):
            obj = self.expr(target.value)
            t = prune(obj.ty)
            sl = target.slice[0].slice
            if isinstance(t, ir.ListT):
                sp = self.sp(node)
                parts = [self.opt_int_arg(p, sp) for p in (sl.lower, sl.upper, sl.step)]
                return [ir.DelSlice(obj, *parts, sp)]
            if isinstance(t, TVar):
                return []
        self.err("unsupported-syntax", "only `del container[key]` and `del list[a:b]` are supported", node)
        return []

    # assignment ---------------------------------------------------

    def assign(self, node: cst.Assign) -> list[ir.Stmt]:
        value = self.expr(node.value)
        targets = [t.target for t in node.targets]
        out = [self.bind(targets[0], value, node)]
        for t in targets[1:]:
            if not isinstance(targets[0], cst.Name):
                self.err("unsupported-syntax", "chained assignment needs a plain name first", node)
                break
            out.append(self.bind(t, self.name(targets[0]), node))
        return out

    def ann_assign(self, node: cst.AnnAssign) -> list[ir.Stmt]:
        try:
            t = parse_annotation(node.annotation.annotation, set(self.info.exceptions), self.info.type_aliases)
            class_group.apply_pending(self.info, self.err)  # `x: Dog | Car` (unrelated classes)
        except AnnotationError as e:
            self.err("unsupported-type", str(e), e.node)
            t = TVar("error")
        if isinstance(node.target, cst.Name):
            n = node.target.value
            if n in self.locals and n not in self.global_names:
                self.info.annotated.add((self.fname, n))  # never widened to a union
                if not unify(self.locals[n], t):
                    self.err("type-mismatch", f"`{n}` is annotated {show(t)} but holds {show(self.locals[n])}", node)
            elif n in self.info.globals:
                unify(self.info.globals[n], t)
        if node.value is None:
            return []
        value = self.expr(node.value)
        return [self.bind(node.target, value, node)]

    def bind(self, target: cst.BaseExpression, value: ir.Expr, node: cst.CSTNode) -> ir.Stmt:
        tgt, value = self.target(target, value, node)
        return ir.Assign(tgt, value, self.sp(node))

    def refused_target(self, t: cst.BaseExpression) -> None:
        """The names a refused assignment target binds (`x, *rest = ...`) get the error type, as
        a refused value's name does: one diagnostic at the line, not `cannot infer` for each
        name and each later use too."""
        if isinstance(t, (cst.Tuple, cst.List)):
            for el in t.elements:
                self.refused_target(el.value)
        elif isinstance(t, cst.StarredElement):
            self.refused_target(t.value)
        elif isinstance(t, cst.Name):
            n = t.value
            is_global = self.module_variable(n)
            slot = self.info.globals.get(n) if is_global else self.locals.get(n)
            if slot is not None and isinstance(prune(slot), TVar):
                unify(slot, TVar("error"))

    def target(self, t: cst.BaseExpression, value: ir.Expr, node: cst.CSTNode) -> tuple[ir.Target, ir.Expr]:
        sp = self.sp(t)
        if isinstance(t, cst.Name):
            n = t.value
            if n == "_" and n not in self.info.globals and n not in self.locals:
                return ir.NameTarget(ir.DISCARD, value.ty, False, sp), value  # a throwaway: never read back
            is_global = self.module_variable(n)
            slot = self.info.globals.get(n) if is_global else self.locals.get(n)
            if slot is None:  # a `global` never assigned at module level (reported), or no scope for it
                if not is_global:
                    self.err("unsupported-syntax", f"cannot assign `{n}` here", t)
                return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
            vt = prune(value.ty)
            if isinstance(vt, TVar) and vt.origin == "error" and isinstance(prune(slot), TVar):
                unify(slot, vt)  # the value was refused at its line: no `cannot infer` for the name too
            if not is_global:
                slot = self.widen_local(n, slot, value)  # `x = 1` ... `x = "a"`: x holds either
            v = self.coerce_to(value, slot, node, f"`{n}`" + (f" (first {show(slot)})" if not isinstance(prune(slot), TVar) else ""))
            return ir.NameTarget(n, slot, is_global, sp), v
        if isinstance(t, cst.Subscript):
            obj = self.expr(t.value)
            ot = prune(obj.ty)
            if len(t.slice) == 1 and isinstance(t.slice[0].slice, cst.Slice) and isinstance(ot, ir.ListT):
                # `xs[a:b] = ys`: CPython takes any iterable; Portalis a list of the same items
                sl = t.slice[0].slice
                vt = prune(value.ty)
                if isinstance(vt, TVar) or isinstance(vt, ir.ListT):
                    v = self.coerce_to(value, ot, node, "the assigned slice")
                    parts = [self.opt_int_arg(p, sp) for p in (sl.lower, sl.upper, sl.step)]
                    return ir.SliceTarget(obj, *parts, sp), v
                self.err("unsupported-syntax", f"slice assignment needs a list on the right (got {show(vt)}); "
                         "wrap it in list(...)", node)
                return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
            if len(t.slice) != 1 or not isinstance(t.slice[0].slice, cst.Index):
                if not isinstance(ot, TVar):
                    self.err("unsupported-syntax", f"slice assignment is supported on lists only, not {show(ot)}", t)
                return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
            idx_node = t.slice[0].slice.value
            if isinstance(ot, ir.ObjT) and self.info.classes:
                return self.obj_setitem(obj, ot, idx_node, value, node, sp)
            if isinstance(ot, ir.DictT):
                k = self.coerce_to(self.expr(idx_node), ot.key, idx_node, "the dict key")
                return ir.IndexTarget(obj, k, sp), self.coerce_to(value, ot.val, node, "the dict value")
            if isinstance(ot, ir.ListT):
                i = self.int_arg(self.expr(idx_node), idx_node, ne.sequence_index("list", "NoneType"))
                return ir.IndexTarget(obj, i, sp), self.coerce_to(value, ot.elem, node, "the list element")
            if isinstance(ot, ir.DequeT):
                i = self.int_arg(self.expr(idx_node), idx_node, ne.sequence_index("deque", "NoneType"))
                return ir.IndexTarget(obj, i, sp), self.coerce_to(value, ot.elem, node, "the deque item")
            if not isinstance(ot, TVar):
                self.err("type-mismatch", f"{show(ot)} does not support item assignment", t)
            return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
        if isinstance(t, (cst.Tuple, cst.List)):
            vt = prune(value.ty)
            named_t = vt if isinstance(vt, ir.NamedT) else None  # `x, y = point`: its tuple
            if named_t is not None:
                vt = ir.TupleT(named_t.items)
            if isinstance(vt, ir.ObjT) and self.info.classes:  # `a, b = obj`: what its `__iter__` gives
                value = self.iterated(value)
                vt = prune(value.ty)
            n = len(t.elements)
            stars = [i for i, el in enumerate(t.elements) if isinstance(el, cst.StarredElement)]
            if stars and isinstance(vt, ir.TupleT):  # `name, *scores = row`: the lengths are known
                k, after, m = stars[0], n - 1 - stars[0], len(vt.items)
                middle = [prune(x) for x in vt.items[k:m - after]]
                mid_t = middle[0] if middle else TVar("unpack")
                if m < n - 1 or not all(x == mid_t or unify(mid_t, x) for x in middle[1:]):
                    why = "too few items" if m < n - 1 else "the `*` target would hold items of several types"
                    self.err("type-mismatch", f"cannot unpack {show(vt)} into `{cst.Module([]).code_for_node(t)}`: {why}", t)
                    self.refused_target(t)
                    return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
                vt = ir.TupleT(vt.items[:k] + (ir.ListT(mid_t),) + vt.items[m - after:])
                value = ir.Intrinsic("tuple.unpack_star", (value, ir.Const(k, ir.INT, sp), ir.Const(after, ir.INT, sp)),
                                     vt, value.span)
            elif stars:  # `a, *b, c = xs` (CPython's compiler allows one star): the middle a new list
                if isinstance(vt, TVar) and vt.origin != "error":
                    unify(vt, ir.ListT(TVar("unpack")))
                    vt = prune(vt)
                if isinstance(vt, TVar):
                    self.refused_target(t)
                    return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
                el_t = self.iter_elem(value, node)
                if isinstance(prune(el_t), TVar) and prune(el_t).origin == "error":  # reported
                    self.refused_target(t)
                    return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
                if not isinstance(vt, ir.ListT):  # any iterable: CPython takes all its items first
                    value = ir.Intrinsic("list.from_iter", (value,), ir.ListT(el_t), value.span)
                k = stars[0]
                vt = ir.TupleT((el_t,) * k + (ir.ListT(el_t),) + (el_t,) * (n - 1 - k))
                value = ir.Intrinsic("list.unpack_star", (value, ir.Const(k, ir.INT, sp), ir.Const(n - 1 - k, ir.INT, sp)),
                                     vt, value.span)
            if isinstance(vt, TVar):
                if vt.origin != "error":
                    unify(vt, ir.TupleT(tuple(TVar("unpack") for _ in range(n))))
                    vt = prune(vt)
                else:
                    vt = ir.TupleT(tuple(TVar("error") for _ in range(n)))
            if isinstance(vt, ir.ListT):
                # `a, b = line.split("=", 1)`: checked at run time (ValueError like CPython)
                vt = ir.TupleT((vt.elem,) * n)
                value = ir.Intrinsic("list.unpack", (value, ir.Const(n, ir.INT, sp)), vt, value.span)
            if not isinstance(vt, ir.TupleT) or len(vt.items) != n:
                self.err("type-mismatch", f"cannot unpack {show(vt)} into {n} targets", t)
                self.refused_target(t)
                return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
            items = []
            for el, it in zip(t.elements, vt.items):
                item = ir.Const(None, it, sp)
                if isinstance(el.value, (cst.Tuple, cst.List)) and any(
                        isinstance(x, cst.StarredElement) for x in el.value.elements):
                    self.err("unsupported-syntax", "a starred target inside a nested target (`(a, *b), c = ...`) is "
                             "not supported; unpack in two steps", el.value)
                    self.refused_target(t)
                    return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value
                sub, conv = self.target(el.value, item, node)
                if conv is not item and isinstance(sub, ir.NameTarget) and not (
                        isinstance(prune(conv.ty), TVar) and prune(conv.ty).origin == "error"):
                    # the item would need a conversion (into an Optional, a float, a union) that an
                    # unpacking does not make: refused rather than built wrong
                    self.err("unsupported-syntax", f"unpacking a value of type {show(it)} into `{sub.name}`, which holds "
                             f"{show(sub.ty)}, is not supported; assign it on a line of its own", el.value)
                items.append(sub)
            return ir.TupleTarget(tuple(items), named_t or vt, sp), value
        if isinstance(t, cst.Attribute):
            stored = self.attr_store(t, value, node)
            if stored is not None:
                return stored
            self.err("unsupported-class", "attribute assignment is supported on user objects only", t)
        else:
            self.err("unsupported-syntax", "unsupported assignment target", t)
        return ir.NameTarget(ir.DISCARD, TVar("error"), False, sp), value

    def aug_assign(self, node: cst.AugAssign) -> list[ir.Stmt]:
        op = _AUGOPS.get(type(node.operator))
        sp = self.sp(node)
        if op is None:
            self.err("unsupported-syntax", "unsupported augmented assignment", node)
            return []
        tv = node.target.value if isinstance(node.target, cst.Attribute) else None
        if tv is not None and tv not in self.evaluated and (not isinstance(tv, cst.Name) or _assigns(node.value, tv.value)
                                                            or self.module_variable(tv.value)):
            # the object is evaluated once, before the right side; only a local that no walrus
            # there rebinds may be read again (a module variable may be rebound by a call, a
            # local by a walrus: `b.x += g()`, `b.x += (b := other).x` change the old object)
            return self.attr_aug_assign(node)
        cur = self.expr(node.target) if not isinstance(node.target, (cst.Tuple, cst.List)) else None
        if cur is None:
            self.err("unsupported-syntax", "augmented assignment to a tuple", node)
            return []
        rhs = self.expr(node.value)
        ct = prune(cur.ty)
        # in-place forms Python defines: str +=, list +=
        if op == "+" and isinstance(node.target, cst.Name) and ct == ir.STR and prune(rhs.ty) == ir.STR:
            tgt, _ = self.target(node.target, cur, node)
            return [ir.AugAssign(tgt, "+", rhs, sp)]
        if op in ("+", "*") and isinstance(ct, ir.ListT):
            if op == "+":
                it_elem = self.iter_elem(rhs, node.value)
                if not unify(ct.elem, it_elem):
                    self.err("type-mismatch", f"`+=` of {show(rhs.ty)} onto {show(ct)}", node)
                    return []
                call, arg = "list.extend", rhs
            else:  # list.__imul__ repeats the list in place: every alias sees it
                call, arg = "list.imul", self.int_arg(rhs, node.value)
            if isinstance(cur, ir.Local) and not ir.rebinds(cur, arg):
                # only a walrus in the right side can rebind a local in one statement
                return [ir.ExprStmt(ir.Intrinsic(call, (cur, arg), ir.NONE, sp), sp)]
            return self.list_inplace(node, cur, call, arg)
        if isinstance(ct, ir.SetT) and op in ("|", "&", "-", "^"):
            self.err("unsupported-syntax", "in-place set operators are not supported; use .update()", node)
            return []
        if isinstance(node.target, cst.Subscript):
            return self.item_aug_assign(node, op, cur, rhs)
        value = self.binop(op, cur, rhs, node, inplace=True)
        return [self.bind(node.target, value, node)]

    def module_variable(self, n: str) -> bool:
        """Whether the name `n` read here is a module variable (a call may rebind it)."""
        return n in self.global_names or (n not in self.locals and n in self.info.globals)

    def list_inplace(self, node: cst.AugAssign, cur: ir.Expr, call: str, arg: ir.Expr) -> list[ir.Stmt]:
        """`xs += ys` (`*=`) on a module variable, a field or an item: CPython runs
        `xs = xs.__iadd__(ys)`, so the list read before the right side is the one extended and
        stored back, even where the right side rebinds the target (`g += f()` with `f` setting
        `g = [...]`, `xs += (xs := ys)`). The list goes to a hidden local first; an item's object
        and key too."""
        sp = self.sp(node)
        stmts: list[ir.Stmt] = []

        def once(e: ir.Expr, suffix: str) -> ir.Expr:
            if isinstance(e, ir.Const) or isinstance(e, ir.Local) and not ir.rebinds(e, arg):
                return e
            n = ir.hidden("aug", sp.line, sp.col, suffix)
            if n not in self.locals:
                self.locals[n] = TVar("aug")
            unify(self.locals[n], e.ty)
            stmts.append(ir.Assign(ir.NameTarget(n, self.locals[n], False, sp), e, sp))
            return ir.Local(n, self.locals[n], e.span)

        if isinstance(node.target, cst.Subscript):
            if not (isinstance(cur, ir.Intrinsic) and cur.name in ("list.getitem", "dict.getitem", "deque.getitem")):
                if not isinstance(prune(cur.ty), TVar):
                    self.err("unsupported-syntax", "augmented assignment to this kind of item is not supported", node)
                return []
            lo, lk = once(cur.args[0], "obj"), once(cur.args[1], "key")
            lst = once(ir.Intrinsic(cur.name, (lo, lk), cur.ty, cur.span), "list")
            store: ir.Stmt = ir.Assign(ir.IndexTarget(lo, lk, sp), lst, sp)
        else:
            lst = once(cur, "list")
            store = self.bind(node.target, lst, node)
        stmts.append(ir.ExprStmt(ir.Intrinsic(call, (lst, arg), ir.NONE, sp), sp))
        return stmts + [store]

    def attr_aug_assign(self, node: cst.AugAssign) -> list[ir.Stmt]:
        """`items[k].qty += n`, `a.b.c += f()`: the object before the dot is evaluated once, into
        a hidden local (objects are references, so the field changes on the object itself), before
        the field is read and the right side evaluated, as CPython does."""
        t = node.target
        assert isinstance(t, cst.Attribute)
        sp = self.sp(node)
        obj = self.expr(t.value)
        ot = prune(obj.ty)
        if isinstance(ot, TVar):
            return []
        if not (isinstance(ot, ir.ObjT) or isinstance(ot, ir.OptionT) and isinstance(prune(ot.inner), ir.ObjT)):
            self.err("unsupported-syntax", "augmented assignment to an attribute needs a user object before the "
                     "dot", node)
            return []
        n = ir.hidden("aug", sp.line, sp.col, "obj")
        if n not in self.locals:
            self.locals[n] = TVar("aug")
        unify(self.locals[n], obj.ty)
        first = ir.Assign(ir.NameTarget(n, self.locals[n], False, sp), obj, sp)
        self.evaluated[t.value] = ir.Local(n, self.locals[n], obj.span)
        try:
            rest = self.aug_assign(node)
        finally:
            del self.evaluated[t.value]
        return [first] + rest

    def item_aug_assign(self, node: cst.AugAssign, op: str, cur: ir.Expr, rhs: ir.Expr) -> list[ir.Stmt]:
        """`obj[key] op= value`: obj and key are evaluated once (into two hidden locals unless
        they are plain locals or constants)."""
        sp = self.sp(node)
        if not (isinstance(cur, ir.Intrinsic) and cur.name in ("list.getitem", "dict.getitem", "deque.getitem")):
            if not isinstance(prune(cur.ty), TVar):
                self.err("unsupported-syntax", "augmented assignment to this kind of item is not supported", node)
            return []
        obj, key = cur.args
        if (isinstance(obj, ir.Local) and isinstance(key, (ir.Local, ir.Const))
                and not ir.rebinds(ir.TupleLit((obj, key), ir.NONE, sp), rhs)):
            # only a walrus in the right side can rebind a local in one statement, so without
            # one re-reading them is evaluating once
            value = self.coerce_to(self.binop(op, cur, rhs, node, inplace=True), cur.ty, node, "the item")
            return [ir.Assign(ir.IndexTarget(obj, key, sp), value, sp)]
        # a hidden local for each of obj and key that is not already one (or a constant); a plain
        # local obj stays itself, so the item store goes to it (and a loop may view the list)
        stmts: list[ir.Stmt] = []
        parts = []
        for suffix, e in (("obj", obj), ("key", key)):
            if isinstance(e, ir.Local) and not ir.rebinds(e, rhs) or (suffix == "key" and isinstance(e, ir.Const)):
                parts.append(e)
                continue
            n = ir.hidden("aug", sp.line, sp.col, suffix)
            if n not in self.locals:
                self.locals[n] = TVar("aug")
            unify(self.locals[n], e.ty)
            stmts.append(ir.Assign(ir.NameTarget(n, self.locals[n], False, sp), e, sp))
            parts.append(ir.Local(n, self.locals[n], e.span))
        lo, lk = parts
        current = ir.Intrinsic(cur.name, (lo, lk), cur.ty, cur.span)
        value = self.binop(op, current, rhs, node, inplace=True)
        value = self.coerce_to(value, cur.ty, node, "the item")
        return stmts + [ir.Assign(ir.IndexTarget(lo, lk, sp), value, sp)]

    # compound -----------------------------------------------------

    def compound(self, node: cst.BaseCompoundStatement) -> list[ir.Stmt]:
        sp = self.sp(node)
        if isinstance(node, cst.If):
            return [self.if_(node)]
        if isinstance(node, cst.While):
            c = self.cond(node.test)
            label = self.new_label()
            self.loops.append(label)
            body = self.block(node.body)
            self.loops.pop()
            orelse = self.block(node.orelse.body) if node.orelse is not None else ()
            return [ir.While(c, body, label, sp, orelse)]
        if isinstance(node, cst.For):
            if node.asynchronous is not None:
                self.err("unsupported-syntax", "`async for` is not supported", node)
            it = self.expr(node.iter)
            by_next = protocols.next_loop(self, node, it)  # an iterator class (`__next__`)
            if by_next is not None:
                return by_next
            it = self.iterated(it)
            el = self.iter_elem(it, node.iter)
            item = ir.Const(None, el, sp)
            label = self.new_label()
            if isinstance(node.target, (cst.Tuple, cst.List)) and any(
                    isinstance(x, cst.StarredElement) for x in node.target.elements):
                # `for x, *rest in rows`: each item into a hidden variable, unpacked as `x, *rest = item`
                hidden = ir.NameTarget(ir.hidden("for", label), el, False, sp)
                tgt, value = self.target(node.target, ir.Local(hidden.name, el, sp), node.target)
                self.loops.append(label)
                body = self.block(node.body)
                self.loops.pop()
                orelse = self.block(node.orelse.body) if node.orelse is not None else ()
                return [ir.For(hidden, it, (ir.Assign(tgt, value, sp), *body), label, sp, orelse)]
            tgt, coerced = self.target(node.target, item, node.target)
            self.loops.append(label)
            body = self.block(node.body)
            self.loops.pop()
            orelse = self.block(node.orelse.body) if node.orelse is not None else ()
            if coerced is not item and isinstance(coerced, ir.Coerce) and coerced.expr is item:
                # the loop variable is wider than the items (e.g. str into a `str | None` name)
                hidden = ir.NameTarget(ir.hidden("for", label), el, False, sp)
                bind = ir.Assign(tgt, ir.Coerce(ir.Local(hidden.name, el, sp), coerced.ty, sp), sp)
                return [ir.For(hidden, it, (bind, *body), label, sp, orelse)]
            if coerced is not item and not (isinstance(coerced, ir.Const) and isinstance(prune(coerced.ty), TVar)):
                self.err("type-mismatch", "the loop variable cannot hold these items", node.target)
            return [ir.For(tgt, it, body, label, sp, orelse)]
        if isinstance(node, cst.Try):
            return [self.try_(node)]
        if isinstance(node, cst.FunctionDef):
            lifted = self.nested.get(node.name.value)
            if lifted is not None and self.info.funcs[lifted].node is node:
                return []  # lowered as the module function "outer.inner" (analyzers.nested)
            if node.name.value in self.info.nested_refused.get(self.fname, ()):
                return []  # refused where it was collected
            self.err("unsupported-syntax", nested.refusal(self.info.funcs.get(self.fname), self.fname), node.name)
            self.refused_defs.add(node.name.value)
            return []
        if isinstance(node, cst.ClassDef):
            self.err("unsupported-class", "classes inside functions are not supported", node.name)
            self.refused_defs.add(node.name.value)
            return []
        if isinstance(node, cst.With):
            return self.with_(node)
        if isinstance(node, cst.Match):
            return matching.lower_match(self, node)
        if isinstance(node, cst.TryStar):
            self.err("unsupported-syntax", "`except*` is not supported", node)
            return []
        name = type(node).__name__
        self.err("unsupported-syntax", f"`{name.lower()}` statements are not supported", node)
        return []

    def if_(self, node: cst.If) -> ir.If:
        c = self.cond(node.test)
        known = protocols.static_if(self, node, c)  # an operator method's copy: only the branch that runs
        if known is not None:
            return known
        nar = self.union_narrowing(node.test)  # `isinstance(x, C)`, `x is None` on a union x
        body = self.block(node.body) if nar is None else self.lower_narrowed(
            nar[0], nar[1], lambda: self.block(node.body), node.body)
        orelse: tuple[ir.Stmt, ...] = ()
        if node.orelse is not None:
            def lower_else() -> tuple[ir.Stmt, ...]:
                if isinstance(node.orelse, cst.If):
                    return (self.if_(node.orelse),)
                return self.block(node.orelse.body)
            orelse = lower_else() if nar is None else self.lower_narrowed(nar[0], nar[2], lower_else, node.orelse)
        return ir.If(c, body, orelse, self.sp(node))

    def try_(self, node: cst.Try) -> ir.Try:
        label = self.new_label()
        body = self.block(node.body)
        handlers = []
        for h in node.handlers:
            classes: list[str] = []
            if h.type is not None:
                elems = h.type.elements if isinstance(h.type, cst.Tuple) else [h.type]
                for el in elems:
                    v = el.value if isinstance(el, cst.Element) else el
                    if isinstance(v, cst.Name) and (v.value in BUILTIN_EXCEPTIONS or v.value in self.info.exceptions):
                        classes.append(v.value)
                    else:
                        self.err("unsupported-syntax", "except clauses need exception class names", v)
            hname = None
            if h.name is not None and isinstance(h.name.name, cst.Name):
                hname = h.name.name.value
            var = hname or ir.hidden("exc", label, len(handlers))
            # Python unbinds the name when the handler ends: it is scoped to the handler here too.
            saved = dict(self.comp_scope)
            # one class caught: `e` has that type (its fields can be read); several: any exception
            self.comp_scope[var] = ir.ExcT(classes[0] if len(classes) == 1 else "Exception")
            self.handler_vars.append(var)
            hbody = self.block(h.body)
            self.handler_vars.pop()
            self.comp_scope.clear()
            self.comp_scope.update(saved)
            handlers.append(ir.Handler(tuple(classes), var, hbody, self.sp(h)))
        orelse = self.block(node.orelse.body) if node.orelse is not None else ()
        final: tuple[ir.Stmt, ...] = ()
        if node.finalbody is not None:
            final = self.block(node.finalbody.body)
        return ir.Try(body, tuple(handlers), orelse, final, label, self.sp(node))


# ---------------------------------------------------------------- module


def _is_main_guard(node: cst.CSTNode) -> bool:
    if not isinstance(node, cst.If) or node.orelse is not None:
        return False
    t = node.test
    if not (isinstance(t, cst.Comparison) and len(t.comparisons) == 1 and isinstance(t.comparisons[0].operator, cst.Equal)):
        return False
    a, b = t.left, t.comparisons[0].comparator
    names = {x.value for x in (a, b) if isinstance(x, cst.Name)}
    strs = {x.evaluated_value for x in (a, b) if isinstance(x, cst.SimpleString)}
    return names == {"__name__"} and strs == {"__main__"}


def _returns_value(fn: cst.FunctionDef) -> bool:
    class V(cst.CSTVisitor):
        found = False

        def visit_Return(self, node: cst.Return) -> None:
            if node.value is not None and not (isinstance(node.value, cst.Name) and node.value.value == "None"):
                V.found = True

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is fn

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

    V.found = False
    fn.visit(V())
    return V.found


def _pure_init(node: cst.BaseExpression, funcs: dict[str, Any]) -> bool:
    """A module constant's initializer must not call user functions (it is evaluated lazily)."""
    class V(cst.CSTVisitor):
        ok = True

        def visit_Call(self, n: cst.Call) -> None:
            if isinstance(n.func, cst.Name) and n.func.value in funcs:
                V.ok = False

        def visit_Name(self, n: cst.Name) -> None:
            if n.value in ("input", "print"):
                V.ok = False

    V.ok = True
    node.visit(V())
    return V.ok


class _ModuleLowering:
    cancelled = None  # a callable; lower_for_analysis sets it

    def __init__(self, sm: SourceModule, partial: bool = False):
        self.sm = sm
        self.partial = partial
        self.info = ModuleInfo(sm)
        self.pre_diags: list[Diagnostic] = []
        self.main_stmts: list[cst.CSTNode] = []
        self._module_facts: Any = None  # module_facts(), once main_stmts is complete
        self.main_globals: set[str] = set()
        self.scopes: dict[str, Any] = {}  # function name -> function_scope facts
        self.class_lines: dict[str, int] = {}  # exception class -> line of its `class` statement

    def diag(self, code: str, msg: str, node: cst.CSTNode) -> None:
        self.pre_diags.append(make(code, msg, self.sm.span(node)))
        if isinstance(node, (cst.Import, cst.ImportFrom, cst.ImportAlias)):
            aliases = [node] if isinstance(node, cst.ImportAlias) else (
                node.names if not isinstance(node.names, cst.ImportStar) else [])
            for a in aliases:
                # what the statement binds: `import os.path` binds `os`, `import x as y` and
                # `from m import x as y` bind `y`
                bound = a.evaluated_alias or (a.evaluated_name.split(".")[0] if isinstance(node, cst.Import)
                                              else a.evaluated_name)
                self.info.refused_imports.add(bound)

    def refuse_yield(self, node: cst.Yield, msg: str) -> None:
        sp = self.sm.span(node)
        if (sp.line, sp.col) in self.info.yields_refused:
            return
        self.info.yields_refused.add((sp.line, sp.col))
        self.pre_diags.append(make("generator", msg, sp))

    def refuse_return_value(self, node: cst.Return) -> None:
        self.pre_diags.append(make("generator", "`return value` in a generator (the value of its StopIteration) is "
                                   "not supported; a bare `return` ends it", self.sm.span(node)))

    def collect(self) -> None:
        info = self.info
        assert self.sm.tree is not None
        body = list(self.sm.tree.body)
        flat: list[cst.CSTNode] = []
        for s in body:
            if _is_main_guard(s):
                flat.extend(s.body.body if isinstance(s.body, cst.IndentedBlock) else [s.body])
            else:
                flat.append(s)
        self.constant_defaults = self.constant_literals(flat)
        for name, msg in rebound_annotation_names(self.sm.tree):  # CPython evaluates them (at def time)
            self.diag("unsupported-type", msg, name)
        done = self.collect_imports(flat)
        for s in flat:  # user classes are types in every annotation (forward references too)
            if isinstance(s, cst.ClassDef) and not self._is_exception_class(s, flat) and not self.is_value_class(s):
                self.info.type_aliases[s.name.value] = ir.ObjT(s.name.value)
        done |= self.collect_value_classes(flat)
        for s in flat:
            self.check_current()
            if id(s) in done:
                continue
            if isinstance(s, cst.FunctionDef):
                self.collect_function(s)
            elif isinstance(s, cst.ClassDef):
                self.collect_class(s)
                class_attrs.note_class(self, s)
            elif isinstance(s, cst.SimpleStatementLine) and all(isinstance(x, (cst.Import, cst.ImportFrom)) for x in s.body):
                for x in s.body:
                    self.collect_import(x)
            elif not self.collect_type_alias(s):
                self.main_stmts.append(s)
        # Which module-level names do functions see? Those they read or declare global.
        fn_reads: set[str] = set()
        fn_globals: set[str] = set()
        for sig in info.funcs.values():
            facts = self.scope_of(sig)
            scope = sig.parent or sig.name  # a nested function's name is its parent's local
            nested = set(info.nested.get(scope, {})) | info.nested_refused.get(scope, set())
            fn_reads |= facts.reads - set(facts.assigned) - {p for p, _ in sig.params} - facts.handler_names - nested
            fn_globals |= facts.globals_declared
        mfacts = self.module_facts()
        for n in mfacts.assigned:
            if n in fn_reads or n in fn_globals:
                info.globals[n] = TVar(f"global {n}")
        # each global's defining statement: its first top-level plain assignment. A global's
        # initial value is evaluated lazily outside the module body, so the module names it
        # reads are globals too (to a fixpoint: `A = 3; B = A + 1` with only B used by functions).
        first_defs: dict[str, tuple[cst.CSTNode, cst.BaseExpression]] = {}
        for s in self.main_stmts:
            if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1:
                x = s.body[0]
                tgt = None
                val = None
                if isinstance(x, cst.Assign) and len(x.targets) == 1 and isinstance(x.targets[0].target, cst.Name):
                    tgt, val = x.targets[0].target.value, x.value
                elif isinstance(x, cst.AnnAssign) and isinstance(x.target, cst.Name) and x.value is not None:
                    tgt, val = x.target.value, x.value
                if tgt is not None and val is not None and tgt not in first_defs:
                    first_defs[tgt] = (x, val)
        pending = [n for n in info.globals if n in first_defs]
        while pending:
            n = pending.pop()
            for r in _names_read(first_defs[n][1]):
                if r in mfacts.assigned and r not in info.globals:
                    info.globals[r] = TVar(f"global {r}")
                    if r in first_defs:
                        pending.append(r)
        for tgt, (x, val) in first_defs.items():
            if tgt in info.globals and isinstance(x, cst.AnnAssign):
                # the annotation holds from the start: functions are lowered before the module
                # body, and `best = v` in one of them must not make `best: Optional[int] = None`
                # an int
                try:
                    t = parse_annotation(x.annotation.annotation, set(info.exceptions), info.type_aliases)
                except AnnotationError:
                    t = None  # reported where the module body is lowered
                if t is not None and not any(isinstance(prune(p), ir.ObjT) for p in ir.type_parts(t)):
                    unify(info.globals[tgt], t)
            if tgt in info.globals:
                if not _pure_init(val, info.funcs):
                    self.diag("unsupported-syntax", f"module constant `{tgt}` must be initialised without calling "
                              "functions (it is evaluated when first used)", val)
                info.global_inits[tgt] = x
        for n in info.globals:
            if n not in info.global_inits:
                # at the first top-level statement that names it (where it is bound otherwise)
                where = next((st for st in self.main_stmts if _names(st, n)), None)
                msg = f"module variable `{n}` is used by functions, so it must first be assigned by a plain " \
                      "top-level `NAME = value`"
                if where is not None:
                    self.diag("unsupported-syntax", msg, where)
                else:
                    self.pre_diags.append(make("unsupported-syntax", msg, Span.point(1)))

    def collect_imports(self, flat: list[cst.CSTNode]) -> set[int]:
        """Imports, before anything else: the ids of the statements handled."""
        done: set[int] = set()
        for s in flat:
            if isinstance(s, cst.SimpleStatementLine) and all(isinstance(x, (cst.Import, cst.ImportFrom)) for x in s.body):
                for x in s.body:
                    self.collect_import(x)
                done.add(id(s))
        return done

    def is_value_class(self, c: cst.ClassDef) -> bool:
        """An enum or named tuple class (analyzers/enums.py, analyzers/named.py); imports collected."""
        return enums.enum_base(self, c) is not None or named.is_namedtuple_class(self, c)

    def collect_value_classes(self, flat: list[cst.CSTNode]) -> set[int]:
        """Enum and named tuple classes, right after the imports (so that every annotation can
        name them): the ids of the statements handled."""
        done: set[int] = set()
        for s in flat:
            if isinstance(s, cst.ClassDef) and self.is_value_class(s):
                self.collect_class(s)
                done.add(id(s))
            elif named.collect_assign(self, s):
                done.add(id(s))
        return done

    def collect_import(self, x: cst.CSTNode) -> None:
        if enums.collect_import(self, x) or named.collect_import(self, x) or protocols.collect_import(self, x):
            return
        if isinstance(x, cst.Import):
            for a in x.names:
                name = cst.Module([]).code_for_node(a.name)
                if name not in ALLOWED_IMPORTS or a.asname is not None:
                    self.diag("unsupported-import", f"`import {name}` is not supported (only math, sys, typing, "
                              "dataclasses, enum, collections, abc, functools, operator)", x)
                else:
                    self.info.imports.add(name)
        elif isinstance(x, cst.ImportFrom):
            mod = cst.Module([]).code_for_node(x.module) if x.module is not None else ""
            if mod not in ALLOWED_IMPORTS or x.relative:
                self.diag("unsupported-import", f"`from {mod} import ...` is not supported (only math, sys, typing, "
                          "dataclasses, enum, collections, abc, functools, operator)", x)
                return
            if mod in ("typing", "__future__"):
                return
            if isinstance(x.names, cst.ImportStar):
                self.diag("unsupported-import", "`import *` is not supported", x)
                return
            for a in x.names:
                self.info.from_imports[a.evaluated_alias or a.evaluated_name] = (mod, a.evaluated_name)
                self.info.imports.add(mod)
                if mod == "dataclasses" and a.evaluated_name not in ("dataclass", "field", "FrozenInstanceError"):
                    self.diag("unsupported-import", f"`dataclasses.{a.evaluated_name}` is not supported", a)
                if (mod, a.evaluated_name) == ("dataclasses", "FrozenInstanceError") and a.asname is None:
                    self.info.add_library_exception("FrozenInstanceError", "AttributeError", "dataclasses")

    def collect_class(self, c: cst.ClassDef) -> None:
        enum_base = enums.enum_base(self, c)
        if enum_base is not None:  # Enum / IntEnum: analyzers/enums.py
            enums.collect_enum(self, c, enum_base)
            return
        if named.is_namedtuple_class(self, c):  # typing.NamedTuple: analyzers/named.py
            named.collect_class(self, c)
            return
        bases = [b.value for b in c.bases]
        base = bases[0].value if len(bases) == 1 and isinstance(bases[0], cst.Name) else None
        if base is None or not (base in BUILTIN_EXCEPTIONS or base in self.info.exceptions) or c.decorators:
            if any(isinstance(b, cst.Name) and (b.value in BUILTIN_EXCEPTIONS or b.value in self.info.exceptions)
                   for b in bases):
                self.diag("unsupported-class", f"class `{c.name.value}`: an exception class takes one base and no "
                          "decorators", c.name)
                return
            user_classes.collect_class(self, c)
            return
        name = c.name.value
        self.class_lines[name] = self.sm.span(c).line
        body = c.body.body if isinstance(c.body, cst.IndentedBlock) else []
        init: cst.FunctionDef | None = None
        for s in body:
            if isinstance(s, cst.FunctionDef) and s.name.value == "__init__" and init is None:
                init = s
                continue
            if not _is_doc_or_pass(s):
                self.diag("unsupported-class", f"exception class `{name}` may only hold a docstring, `pass` and an "
                          "`__init__` that sets fields (other class members come with class support)",
                          s.name if isinstance(s, cst.FunctionDef) else s)
                init = None
                self.info.refused_excs.add(name)
                break
        if init is not None:
            if not self.collect_exc_init(name, init, base):
                self.info.refused_excs.add(name)
        # a refused class stays a known exception name, so its uses do not repeat the diagnostic
        self.info.exceptions[name] = base

    def collect_exc_init(self, cname: str, fn: cst.FunctionDef, base: str = "") -> bool:
        """Lower `__init__` of exception class `cname` as a generated function (see ir.ExcClass).

        Only `super().__init__(args...)` (at most once) and `self.NAME = value` statements are
        accepted, where the values may use the parameters but not `self`. When a base class has
        fields (its `__init__`, `base_init`), `super().__init__(...)` calls that one: its result
        tuple gives the args and the base's fields, and this class's fields follow them."""
        base_owner = self.info.exc_owner(base) if base else None
        base_init = self.info.exc_inits[base_owner] if base_owner is not None else None
        def refuse(msg: str, node: cst.CSTNode) -> bool:
            self.diag("unsupported-class", msg, node)
            return False

        p = fn.params
        if fn.decorators or fn.asynchronous is not None:
            return refuse("an exception's `__init__` cannot be decorated or async", fn.name)
        if not p.params or p.params[0].name.value != "self" or p.params[0].default is not None:
            return refuse("an exception's `__init__` must take `self` first", fn.params)
        if isinstance(p.star_arg, cst.Param) or p.star_kwarg is not None or p.kwonly_params or p.posonly_params:
            return refuse("an exception's `__init__` takes plain positional parameters only", fn.params)
        stmts = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else []
        out: list[cst.BaseStatement] = []
        fields: list[str] = []
        super_args: list[cst.BaseExpression] | None = None

        def uses_self(e: cst.CSTNode) -> bool:
            return "self" in _names_read(e)

        def add(small: cst.BaseSmallStatement, orig: cst.CSTNode) -> None:
            line = cst.SimpleStatementLine([small])
            self.info.synth_alias[line] = orig
            self.info.synth_alias[small] = orig
            out.append(line)

        for st in stmts:
            if _is_doc_or_pass(st):
                continue
            x = st.body[0] if isinstance(st, cst.SimpleStatementLine) and len(st.body) == 1 else None
            v = x.value if isinstance(x, cst.Expr) else None
            if (isinstance(v, cst.Call) and isinstance(v.func, cst.Attribute) and v.func.attr.value == "__init__"
                    and isinstance(v.func.value, cst.Call) and isinstance(v.func.value.func, cst.Name)
                    and v.func.value.func.value == "super" and not v.func.value.args):
                if super_args is not None:
                    return refuse("`super().__init__(...)` may be called once", st)
                if any(a.keyword is not None or a.star for a in v.args):
                    return refuse("`super().__init__` takes positional arguments only here", st)
                super_args = [a.value for a in v.args]
                if any(uses_self(a) for a in super_args):
                    return refuse("the arguments of `super().__init__` cannot use `self` here", st)
                if base_init is not None:  # the base's generated __init__, called by name
                    callee = cst.Name("__base_init")
                    call = cst.Call(callee, [cst.Arg(a) for a in super_args])
                    self.info.synth_calls[callee] = base_init.func
                    self.info.synth_alias[call] = st
                    add(cst.Assign([cst.AssignTarget(cst.Name("__sup"))], call), st)
                    continue
                for i, a in enumerate(super_args):
                    add(cst.Assign([cst.AssignTarget(cst.Name(f"__a{i}"))], a), st)
                continue
            tgt = None
            if isinstance(x, cst.Assign) and len(x.targets) == 1:
                tgt = x.targets[0].target
            elif isinstance(x, cst.AnnAssign) and x.value is not None:
                tgt = x.target
            if (isinstance(tgt, cst.Attribute) and isinstance(tgt.value, cst.Name) and tgt.value.value == "self"
                    and not uses_self(x.value)):  # type: ignore[union-attr]
                f = tgt.attr.value
                if f == "args":
                    return refuse("`self.args` cannot be assigned here", st)
                if base_init is not None and f in base_init.fields:
                    return refuse(f"`{f}` is a field of the base class `{base_owner}` already; set it there", st)
                if f not in fields:
                    fields.append(f)
                if isinstance(x, cst.AnnAssign):
                    add(cst.AnnAssign(cst.Name(f"__f_{f}"), x.annotation, x.value), st)
                else:
                    add(cst.Assign([cst.AssignTarget(cst.Name(f"__f_{f}"))], x.value), st)  # type: ignore[union-attr]
                continue
            return refuse("an exception's `__init__` may only call `super().__init__(...)` and set fields "
                          "(`self.NAME = value`, values not using `self`)", st)
        params = list(p.params[1:])
        defaults: dict[str, cst.BaseExpression] = {}
        for prm in params:
            if prm.default is not None:
                if super_args is None:
                    # without super().__init__, args are the positional arguments of each call
                    return refuse("default parameter values need `super().__init__(...)` in the `__init__` (without "
                                  "it, `args` depends on how each call passes its arguments)", prm.default)
                if not _literal_default(prm.default):
                    return refuse("a default value must be a literal (number, string, True/False/None)", prm.default)
                defaults[prm.name.value] = prm.default
        if base_init is not None:
            if super_args is None:
                return refuse(f"the base class `{base_owner}` has fields: this `__init__` must call "
                              "`super().__init__(...)` (or the base's fields would not be set)", fn.name)

            def sup(k: int) -> cst.BaseExpression:
                return cst.Subscript(cst.Name("__sup"), [cst.SubscriptElement(cst.Index(cst.Integer(str(k))))])

            # (0, the base's str/repr pairs, the base's fields, this class's fields)
            n_base = 2 * base_init.n_args + len(base_init.fields)
            items = [cst.Integer("0"), *(sup(k) for k in range(1, 1 + n_base))]
            items += [cst.Name(f"__f_{f}") for f in fields]
            for n in list(items):
                if isinstance(n, cst.Subscript):
                    self.info.synth_alias[n] = fn.name
                    self.info.synth_alias[n.value] = fn.name
                    self.info.synth_alias[n.slice[0]] = fn.name
                    self.info.synth_alias[n.slice[0].slice] = fn.name
                    self.info.synth_alias[n.slice[0].slice.value] = fn.name
            fields = [*base_init.fields, *fields]
            args: list[cst.BaseExpression] = [cst.Name("__sup")] * base_init.n_args  # only counted below
        else:
            # without super().__init__, Python's BaseException keeps the constructor arguments as args
            args = [cst.Name(f"__a{i}") for i in range(len(super_args))] if super_args is not None \
                else [cst.Name(prm.name.value) for prm in params]
            items = [cst.Integer("0")]
            for a in args:
                items += [cst.Call(cst.Name("str"), [cst.Arg(a)]), cst.Call(cst.Name("repr"), [cst.Arg(a)])]
            items += [cst.Name(f"__f_{f}") for f in fields]
        tup = cst.Tuple([cst.Element(i) for i in items])
        for n in (tup, *items, *(a for i in items if isinstance(i, cst.Call) for a in (i.func, i.args[0], i.args[0].value))):
            self.info.synth_alias[n] = fn.name
        add(cst.Return(tup), fn.name)
        synth = fn.with_changes(params=p.with_changes(params=params), body=cst.IndentedBlock(out),
                                returns=None, decorators=())
        self.info.synth_alias[synth] = fn
        func = f"{cname}.__init__"
        from portalis.analyzers.ingest import content_hash
        sig_params = [(prm.name.value, self.param_type(prm, func)) for prm in params]
        code = self.sm.source_lines(fn)
        self.info.funcs[func] = FuncSig(func, sig_params, TVar(f"return of {func}"), synth, content_hash(code), defaults)
        self.info.exc_inits[cname] = ExcInit(func, tuple(fields), len(args), base_init is None and super_args is None)
        return True

    def param_type(self, prm: cst.Param, func: str) -> Any:
        """A parameter's annotated type, or a type variable for inference to settle."""
        if prm.annotation is not None:
            try:
                return parse_annotation(prm.annotation.annotation, set(self.info.exceptions) | self._pending_exceptions(),
                                        self.info.type_aliases)
            except AnnotationError as e:
                self.diag("unsupported-type", str(e), e.node)
        return TVar(f"param {prm.name.value} of {func}", self.sm.span(prm).line)

    def collect_type_alias(self, s: cst.CSTNode) -> bool:
        """`Vector = list[float]`: usable in the annotations that follow it (as in CPython, which
        evaluates annotations when the `def` runs); not a value the program can use."""
        try:
            found = type_alias(s, set(self.info.exceptions) | self._pending_exceptions(), self.info.type_aliases)
        except AnnotationError as e:
            self.diag("unsupported-type", str(e), e.node)
            return True
        if found is None:
            return False
        self.info.type_aliases[found[0]] = found[1]
        return True

    def constant_literals(self, flat: list[cst.CSTNode]) -> dict[str, tuple[cst.BaseExpression, int]]:
        """Module constants a parameter default may name (`def f(q: int = QUANTUM)`): a top-level
        `NAME = <immutable literal>` that nothing else in the module binds (no other assignment,
        loop or handler at module level, no `global NAME` in a function), with its line."""
        from collections import Counter

        from portalis.analyzers.scope import function_scope, module_scope
        cands: dict[str, tuple[cst.BaseExpression, int]] = {}
        binds: Counter[str] = Counter()
        declared_global: set[str] = set()
        for st in flat:
            if isinstance(st, (cst.FunctionDef, cst.ClassDef)):
                binds[st.name.value] += 1
                if isinstance(st, cst.FunctionDef) and "global" in self.sm.source_lines(st):
                    declared_global |= function_scope(st.body).globals_declared
                continue
            facts = module_scope([st])
            binds.update(set(facts.assigned) | facts.handler_names)
            if isinstance(st, cst.SimpleStatementLine) and len(st.body) == 1:
                x = st.body[0]
                tgt, val = None, None
                if isinstance(x, cst.Assign) and len(x.targets) == 1 and isinstance(x.targets[0].target, cst.Name):
                    tgt, val = x.targets[0].target.value, x.value
                elif isinstance(x, cst.AnnAssign) and isinstance(x.target, cst.Name) and x.value is not None:
                    tgt, val = x.target.value, x.value
                if tgt is not None and val is not None and _literal_default(val) and tgt not in cands:
                    cands[tgt] = (val, self.sm.span(st).line)
        return {n: v for n, v in cands.items() if binds[n] == 1 and n not in declared_global}

    def collect_function(self, fn: cst.FunctionDef, parent: FuncSig | None = None, captures: tuple[str, ...] = ()) -> None:
        """A module function, or (with `parent`) one nested in it, lifted as "outer.inner" with
        the parent's variables it reads as its last parameters (analyzers.nested)."""
        name = fn.name.value if parent is None else f"{parent.name}.{fn.name.value}"
        cache = memo.cache_spec(self, fn, parent is not None)
        if fn.asynchronous is not None:
            self.diag("unsupported-syntax", "async functions are not supported", fn.name)
        p = fn.params
        if isinstance(p.star_arg, cst.Param) or p.star_kwarg is not None:
            self.diag("unsupported-syntax", "*args/**kwargs are not supported", fn.params)
        if p.kwonly_params or p.posonly_params:
            self.diag("unsupported-syntax", "keyword-only/positional-only parameters are not supported", fn.params)
        if name in self.info.funcs and parent is None:
            self.diag("type-mismatch", f"function `{name}` is defined twice", fn.name)
        params = []
        defaults: dict[str, cst.BaseExpression] = {}
        for prm in p.params:
            if prm.default is not None:
                d = prm.default
                if isinstance(d, cst.Name) and d.value in self.constant_defaults and not (
                        parent is not None and d.value in nested.parent_names(self, parent)):  # its own
                    # variable, not the module constant: `def outer(): LIMIT = 5; def g(x=LIMIT)`
                    lit, line = self.constant_defaults[d.value]
                    if line < self.sm.span(fn).line:  # set before the `def` runs: its value then
                        d = lit
                defaults[prm.name.value] = d  # kept when refused: calls do not cascade
                if not _literal_default(d):
                    self.diag("unsupported-syntax", "a default value must be a literal (number, string, True/False/"
                              "None), or a module constant assigned one once, before the `def`: Python evaluates "
                              "it once and shares it between calls", prm.default)
            params.append((prm.name.value, self.param_type(prm, name)))
        params += [(c, nested.captured_type(self.info, parent, c)) for c in captures]
        code = self.sm.source_lines(fn)
        ret, gen = generators.signature(self, fn, code, name, cache)
        from portalis.analyzers.ingest import content_hash
        sig = FuncSig(name, params, ret, fn, content_hash(code), defaults, refused_params=_refused_params(p),
                      parent=parent.name if parent is not None else None, captures=captures, cache=cache,
                      generator=gen)
        self.info.funcs[name] = sig
        if parent is None:
            nested.collect(self, fn, sig)

    def _is_exception_class(self, c: cst.ClassDef, flat: list[cst.CSTNode]) -> bool:
        excs = set(BUILTIN_EXCEPTIONS)
        for s in flat:
            if isinstance(s, cst.ClassDef) and len(s.bases) == 1 and isinstance(s.bases[0].value, cst.Name) \
                    and s.bases[0].value.value in excs:
                excs.add(s.name.value)
            if s is c:
                break
        return c.name.value in excs

    def collect_method(self, fn: cst.FunctionDef, fname: str, cname: str, kind: str) -> None:
        """A method of user class `cname` as the function `fname` ("C.m"): `self` typed as the
        class; a class method's `cls` is not a parameter (it stands for the class)."""
        p = fn.params
        if fn.asynchronous is not None:
            self.diag("unsupported-syntax", "async methods are not supported", fn.name)
        if isinstance(p.star_arg, cst.Param) or p.star_kwarg is not None or p.kwonly_params or p.posonly_params:
            self.diag("unsupported-syntax", "methods take plain positional parameters only", fn.params)
        prms = list(p.params)
        self_name = cls_param = None
        if kind != "static":
            if not prms or prms[0].default is not None:
                self.diag("unsupported-class", f"method `{fname}` needs `self` (or `cls`) as its first parameter",
                          fn.params)
                self.info.classes[cname].refused = True
                prms = []
            elif kind == "class":
                cls_param = prms.pop(0).name.value
            else:
                self_name = prms[0].name.value
        params = []
        defaults: dict[str, cst.BaseExpression] = {}
        for i, prm in enumerate(prms):
            if prm.default is not None:
                defaults[prm.name.value] = prm.default
                if not _literal_default(prm.default):
                    self.diag("unsupported-syntax", "a default value must be a literal (number, string, True/False/"
                              "None): Python evaluates it once and shares it between calls", prm.default)
            if i == 0 and self_name is not None:
                params.append((prm.name.value, ir.ObjT(cname)))
            elif fn.name.value == "__exit__" and self_name is not None and i in (1, 2, 3):
                # CPython passes (type, exception, traceback): Portalis passes the exception (or
                # None) as exc, and refuses code that reads the type or the traceback
                params.append((prm.name.value, ir.OptionT(ir.ExcT("BaseException"))))
                if i != 2 and not _only_none_tests(fn.body, prm.name.value, allow=(i == 1)):
                    self.diag("unsupported-class", f"`__exit__` may use `{prm.name.value}` only in `is None` tests "
                              "(the exception's type and traceback are not modelled)", prm.name)
            elif (prm.annotation is None or protocols.is_object(prm.annotation.annotation)) and self_name is not None \
                    and i == 1 and fn.name.value in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):
                params.append((prm.name.value, ir.ObjT(cname)))  # `other`: an instance, as CPython's usual use
            elif i == 1 and self_name is not None \
                    and (prm.annotation is None or protocols.is_object(prm.annotation.annotation)) \
                    and fn.name.value in self.info.classes[cname].specializable:
                # `other` (unannotated or `object`) in an operator method lowered per operand
                # type: an instance, as for the comparisons above; each other operand type the
                # program uses gets a copy (protocols.specialized), and a method never used
                # still translates
                params.append((prm.name.value, ir.ObjT(cname)))
            else:
                params.append((prm.name.value, self.param_type(prm, fname)))
        if kind == "class" and class_methods.in_hierarchy(self, cname):
            params.insert(0, (class_methods.CLS_TAG, ir.INT))  # the run-time class (analyzers/class_methods)
        code = self.sm.source_lines(fn)
        refuse = None
        if kind not in ("method", "static"):
            refuse = f"a generator {'property' if kind in ('property', 'setter') else 'class method'} is not supported"
        elif fn.name.value.startswith("__") and fn.name.value.endswith("__") and fn.name.value != "__iter__":
            refuse = f"`{fn.name.value}` cannot be a generator here (only `__iter__`)"
        ret, gen = generators.signature(self, fn, code, fname, None, refuse)
        from portalis.analyzers.ingest import content_hash
        self.info.funcs[fname] = FuncSig(fname, params, ret, fn, content_hash(code), defaults, cname, kind,
                                         self_name, cls_param, _refused_params(p), generator=gen)

    def return_type(self, fn: cst.FunctionDef, name: str) -> Any:
        """The return type of function (or method) `name`: its annotation, else a type variable
        when it returns a value, else None."""
        if fn.returns is not None:
            try:
                return parse_annotation(fn.returns.annotation, set(self.info.exceptions) | self._pending_exceptions(),
                                        self.info.type_aliases)
            except AnnotationError as e:
                self.diag("unsupported-type", str(e), e.node)
                return TVar("error")
        return TVar(f"return of {name}", self.sm.span(fn).line) if _returns_value(fn) else ir.NONE

    def _pending_exceptions(self) -> set[str]:
        assert self.sm.tree is not None
        return {s.name.value for s in self.sm.tree.body if isinstance(s, cst.ClassDef)}

    # ------------------------------------------------------------ passes

    def scope_of(self, sig: FuncSig) -> Any:
        """`function_scope` of a function's body, computed once (every pass asks again)."""
        if sig.name not in self.scopes:
            self.scopes[sig.name] = function_scope(sig.node.body)
        return self.scopes[sig.name]

    def lower_function(self, ctx: Ctx, sig: FuncSig) -> tuple[ir.Function, FunctionLowerer]:
        facts = self.scope_of(sig)
        nested.refresh(self.info, sig)
        locs = self.info.locals.setdefault(sig.name, {})
        for pname, pt in sig.params:
            locs[pname] = pt
        for pname in (*sig.refused_params, *facts.nonlocals):  # refused at the `def`/`nonlocal`: uses say no more
            locs[pname] = TVar("error")
        for n in facts.assigned:
            if n not in locs:
                locs[n] = TVar(f"local {n} of {sig.name}")
        fl = FunctionLowerer(self.info, ctx, sig.name, locs, facts.globals_declared, sig.ret)
        fl.owner, fl.self_name, fl.cls_param = sig.owner, sig.self_name, sig.cls_param
        fl.generator = sig.generator
        nested.prepare(self, fl, sig)
        for g in facts.globals_declared:
            if g not in self.info.globals:
                fl.err("unsupported-syntax", f"global `{g}` is not assigned at module level: Portalis needs a top-level "
                       f"`{g} = ...` before the functions that use it (CPython creates it on the first assignment)",
                       sig.node.name)
        body = fl.block(sig.node.body)
        params = tuple((n, t) for n, t in sig.params)
        local_list = tuple((n, locs[n]) for n in locs if n not in dict(params))
        f = ir.Function(sig.name, params, sig.ret, body, local_list, self.sm.span(sig.node), sig.source_hash,
                        sig.parent or "", sig.cache, sig.generator)
        return f, fl

    def module_facts(self) -> Any:
        """Scope facts of the module's own statements (computed once: a full tree walk)."""
        if self._module_facts is None:
            from portalis.analyzers.scope import module_scope
            self._module_facts = module_scope(self.main_stmts)
        return self._module_facts

    def lower_main(self, ctx: Ctx) -> tuple[ir.Function, FunctionLowerer]:
        facts = self.module_facts()
        locs = self.info.locals.setdefault("<module>", {})
        for n in facts.assigned:
            if n not in self.info.globals and n not in locs:
                locs[n] = TVar(f"module variable {n}")
        fl = FunctionLowerer(self.info, ctx, "<module>", locs, set(self.info.globals), ir.NONE)
        body: list[ir.Stmt] = []
        inits = set(map(id, self.info.global_inits.values()))
        for i, s in enumerate(self.main_stmts):
            body.extend(class_attrs.inits_at(self, fl, i))
            if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1 and id(s.body[0]) in inits:
                x = s.body[0]
                value = x.value
                tgt = x.targets[0].target if isinstance(x, cst.Assign) else x.target
                if isinstance(x, cst.AnnAssign):
                    fl.ann_assign(cst.AnnAssign(target=tgt, annotation=x.annotation, value=None))
                fl.positions_alias[value] = value
                v = fl.expr(value)
                gname = tgt.value
                c = fl.coerce_to(v, self.info.globals[gname], value, f"`{gname}`")
                ct = prune(c.ty)
                if not (isinstance(ct, TVar) and ct.origin == "error"):
                    # the value as the variable holds it: an int for a float (analyzers.numeric),
                    # None or a value for an Optional, a literal built with boxed items for
                    # `ys: list[int | str] = []` (unions.retype_literal)
                    v = c
                self.global_values[gname] = (v, self.sm.span(x))
                body.append(ir.GlobalInit(gname, v, self.sm.span(x)))
                continue
            fl.forget_narrowed(s)  # a statement that may rebind a narrowed name (analyzers.unions)
            stmts = fl.block([s])
            body.extend(stmts)
            fl.narrow_after(stmts)  # `x = "a"` on a union x: a str in the statements that follow
        body.extend(class_attrs.inits_at(self, fl, len(self.main_stmts)))
        f = ir.Function("<module>", (), ir.NONE, tuple(body), tuple(locs.items()), Span(1, 0, 1, 0), "")
        return f, fl

    def type_facts(self) -> tuple:
        """Everything a pass can learn that the next one starts from: the types of function
        signatures, module variables and function locals (as text, type variables resolved)."""
        return (tuple((n, tuple(show(t) for _, t in sig.params), show(sig.ret)) for n, sig in self.info.funcs.items()),
                tuple((n, show(t)) for n, t in self.info.globals.items()),
                tuple((f, tuple((n, show(t)) for n, t in locs.items())) for f, locs in self.info.locals.items()))

    def check_current(self) -> None:
        """Give up (raise Superseded) when the text analysed is no longer the current one."""
        if self.cancelled is not None and self.cancelled():
            raise Superseded()

    group_seed: tuple = ()  # classes held together with unrelated ones, known from the start (class_group)

    def run(self) -> tuple[ir.Module | None, list[Diagnostic]]:
        result = self._run()
        roots = class_group.restart_roots(self)
        if roots is not None:  # unrelated classes met: lower again, knowing it from the start
            cancelled, sm, partial = self.cancelled, self.sm, self.partial
            self.__dict__.clear()
            self.__init__(sm, partial)  # type: ignore[misc]
            self.cancelled = cancelled
            self.group_seed = roots
            result = self._run()
        return result

    def _run(self) -> tuple[ir.Module | None, list[Diagnostic]]:
        self.collect()
        class_group.apply_seed(self)
        result: ir.Module | None = None
        diags: list[Diagnostic] = []
        facts_before = self.type_facts()
        widened_before = self.info.widened
        for n in range(PASSES):
            # up to PASSES passes: types learnt in one (a return type, a call site's argument)
            # feed the next. A pass that learns nothing new ran on the final types, so its IR and
            # diagnostics are the final ones (every pass reports as the final one would).
            ctx = Ctx(final=True)
            self.global_values: dict[str, tuple[ir.Expr, Span]] = {}
            funcs = []
            lowerers = []
            for sig in list(self.info.funcs.values()):  # operator calls may add methods' copies (protocols)
                self.check_current()
                f, fl = self.lower_function(ctx, sig)
                funcs.append(f)
                lowerers.append(fl)
            main, mfl = self.lower_main(ctx)
            lowerers.append(mfl)
            self.check_current()
            if n == PASSES - 1 and (self.info.widened != widened_before or len(funcs) != len(self.info.funcs)):
                ctx.diags.append(make("type-mismatch", "the types of this module did not settle: a name was given "
                                      "values of several types too late; annotate it (`x: int | str`)", Span(1, 0, 1, 0)))
            widened_before = self.info.widened
            if n < PASSES - 1:
                facts_after = self.type_facts()
                if facts_after != facts_before:
                    facts_before = facts_after
                    continue
            diags = list(self.pre_diags) + ctx.diags
            diags += self.report_unresolved(lowerers)
            self.stage1_diags = list(diags)  # before the checks made on the finished IR
            self.translate_diags = _sorted(diags)  # what a full (not partial) lowering reports
            if any(d.severity is Severity.ERROR for d in diags) and not self.partial:
                return None, _sorted(diags)
            ground = _ground_partial if self.partial else _ground
            gvars = tuple(ir.GlobalVar(n, ground(self.info.globals[n]), v, sp)
                          for n, (v, sp) in self.global_values.items())
            excs = tuple(self.exc_class(n, b) for n, b in self.info.exceptions.items())
            result = ir.Module(self.sm.path.rsplit("/", 1)[-1].removesuffix(".py"), self.sm.path,
                               tuple(funcs), gvars, excs, main, frozenset(self.info.imports),
                               user_classes.ir_classes(self.info),
                               tuple(e.to_ir() for e in self.info.enum_state.classes.values()))
            self.check_current()
            if not any(d.severity is Severity.ERROR for d in diags):
                silent = _unreported_errors(result)  # a refusal that gave no reason: never left out
                if silent:
                    diags += silent
                    self.translate_diags = _sorted(diags)
                    if not self.partial:
                        return None, _sorted(diags)
            result = finalize(result, ground)
            self.check_current()
            post = (check_definite_assignment(result) + _unhashable_keys(result) + self.used_before_definition(result)
                    + user_classes.check_module(self.info, result) + _set_text(result) + _iterator_text(result)
                    + memo.check_module(result) + _function_values(result))
            result, widened, self.numeric_coupled = numeric.check_module(result)  # ints where a float is annotated
            post += widened
            self.post_diags = post
            diags += post
            if not any(d.severity is Severity.ERROR for d in self.translate_diags):
                self.translate_diags = _sorted(diags)
            if any(d.severity is Severity.ERROR for d in diags) and not self.partial:
                return None, _sorted(diags)
            break
        return result, _sorted(diags)

    def used_before_definition(self, m: ir.Module) -> list[Diagnostic]:
        """Python binds a function or class when its `def`/`class` statement runs: a module
        statement that (directly or through the functions it calls) uses one defined further
        down raises NameError in CPython. Portalis defines them all up front, so refuse."""
        def_line = {f.name: self.sm.span(self.info.funcs[f.name].node).line for f in m.functions
                    if not f.name.endswith(".__init__") and self.info.funcs[f.name].owner is None and not f.nested_in}
        for f in m.functions:  # a method exists once its class statement has run
            owner = self.info.funcs[f.name].owner
            if owner is not None:
                def_line[f.name] = self.info.classes[owner].line
        for c in self.info.classes.values():
            self.class_lines.setdefault(c.name, c.line)
        uses: dict[str, set[str]] = {}  # function -> functions/classes it uses directly

        def direct(node: Any) -> set[str]:
            out: set[str] = set()
            for n in ir.walk(node):
                if isinstance(n, ir.NewObj):
                    out.add(n.cls)
                    if n.init is not None:
                        out.add(n.init)
                elif isinstance(n, ir.Call) and (not n.func.endswith(".__init__") or n.func in def_line):
                    out.add(n.func)
                elif isinstance(n, ir.FuncRef):  # reading the function's name
                    out.add(n.func)
                elif isinstance(n, ir.Call):
                    out.update(uses_init.get(n.func, set()))
                elif isinstance(n, ir.NewExc) and n.cls in self.class_lines:
                    out.add(n.cls)
                elif isinstance(n, ir.Intrinsic) and n.name in _CLASS_USES:  # an enum or named tuple class
                    t = n.ty.elem if isinstance(n.ty, ir.ListT) else n.ty
                    if getattr(t, "name", None) in value_class_lines:
                        out.add(t.name)
            return out

        value_class_lines = {**{e.name: e.span.line for e in self.info.enum_state.classes.values()},
                             **{i.type.name: i.line for i in self.info.named_state.classes.values()}}
        class_lines = {**self.class_lines, **value_class_lines}

        uses_init = {f.name: set() for f in m.functions if f.name.endswith(".__init__") and f.name not in def_line}
        for f in m.functions:
            uses[f.name] = direct(f.body)
        out: list[Diagnostic] = []
        for st in m.main.body:
            line = st.span.line
            order: list[str] = []  # breadth-first: what the statement uses itself comes first
            todo = sorted(direct(st))
            while todo:
                n = todo.pop(0)
                if n in order:
                    continue
                order.append(n)
                todo.extend(sorted(uses.get(n, ())))
            late = [n for n in order if def_line.get(n, class_lines.get(n, 0)) > line]
            if late:
                what = "class" if late[0] in class_lines else "function"
                out.append(make("undefined-name", f"{what} `{late[0]}` is used before its "
                                f"`{'class' if what == 'class' else 'def'}` statement runs (line "
                                f"{def_line.get(late[0], class_lines.get(late[0]))}); Python raises NameError "
                                "here: move the definition up", st.span))
        return out

    def exc_class(self, name: str, base: str) -> ir.ExcClass:
        init = self.info.exc_inits.get(name)
        module = self.info.exc_modules.get(name, "")
        if init is None:
            return ir.ExcClass(name, base, Span(0, 0, 0, 0), module=module)
        fields = tuple((f, self.info.exc_field_type(name, f)) for f in init.fields)
        return ir.ExcClass(name, base, Span(0, 0, 0, 0), fields, init.func, init.n_args, module)

    def report_unresolved(self, lowerers: list[FunctionLowerer]) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        seen: set[int] = set()

        def report(t: Any, what: str, span: Any) -> None:
            """`span` is a thunk: finding a local's first assignment walks the tree, so only
            unresolved types pay for it."""
            v = free_var(t)
            if v is None or v.origin == "error" or id(v) in seen:
                return
            seen.add(id(v))
            out.append(make("cannot-infer-type", f"cannot infer the type of {what}; add a type annotation", span()))

        for sig in self.info.funcs.values():
            pnodes = {p.name.value: p.name for p in sig.node.params.params}
            for pname, pt in sig.params:
                report(pt, f"parameter `{pname}` of `{sig.name}` (is the function ever called?)",
                       lambda: self.sm.span(pnodes.get(pname, sig.node.name)))
            report(sig.ret, f"the return value of `{sig.name}`", lambda: self.sm.span(sig.node.name))
        for fname, locs in self.info.locals.items():
            for n, t in locs.items():
                report(t, f"`{n}`" + (f" in `{fname}`" if fname != "<module>" else ""),
                       lambda: self._first_assign_span(fname, n))
        for n, t in self.info.globals.items():
            report(t, f"module variable `{n}`", lambda: self._first_assign_span("<module>", n))
        for fl in lowerers:
            for tv, sp in fl.unknowns:
                if prune(tv) is tv and id(tv) not in seen:
                    seen.add(id(tv))
                    out.append(make("cannot-infer-type", "cannot infer the type of this expression; annotate the "
                                    "variables it uses", sp))
        errors = [d for fl in lowerers for d in fl.ctx.diags] + self.pre_diags + out
        if not any(d.severity is Severity.ERROR for d in errors):  # a refused operand without its error: a bug,
            for fl in lowerers:  # but never an expression left out silently
                for sp in fl.cascades:
                    out.append(make("cannot-infer-type", "cannot infer the type of this expression; annotate the "
                                    "variables it uses", sp))
        return out

    def _first_assign_span(self, fname: str, name: str) -> Span:
        node = self.info.funcs[fname].node if fname in self.info.funcs else self.sm.tree
        if "." in name and node is self.sm.tree and node is not None:  # a class attribute `C.n`: in C's body
            cname, name = name.split(".", 1)
            node = next((c for c in node.body if isinstance(c, cst.ClassDef) and c.name.value == cname), node)
        found: list[Span] = []

        class V(cst.CSTVisitor):
            def visit_Name(self_, n: cst.Name) -> None:
                if n.value == name and not found:
                    found.append(self.sm.span(n))

        if node is not None:
            node.visit(V())
        return found[0] if found else Span(1, 0, 1, 0)


# intrinsics that use an enum or named tuple class (its `class` statement must have run)
_CLASS_USES = frozenset({"enum.member", "enum.members", "enum.from_value", "enum.from_name", "named.new"})


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    """In source order, each diagnostic once (two passes over one construct may report it twice)."""
    return sorted(dict.fromkeys(diags), key=lambda d: (d.span.line, d.span.col, d.code))


def _unreported_errors(m: ir.Module) -> list[Diagnostic]:
    """The expressions of a module without error diagnostics whose type is still the error type:
    each stands for code a lowering path gave up on while assuming it was reported (`poison`).
    Grounded, it would become a value of type None and the code it stands for would be left out
    of the translation silently; refused here instead, at the first one."""
    for n in ir.walk(m):
        t = getattr(n, "ty", None)
        if isinstance(t, TVar):
            t = prune(t)
            if isinstance(t, TVar) and t.origin == "error":
                return [make("unsupported-syntax", "Portalis cannot translate this expression and gave no reason (a "
                             "Portalis bug, please report it): refused rather than left out", n.span)]
    return []


def _ground(t: Any) -> Any:
    """A type variable nothing ever constrained holds no values (e.g. the items of a `[]` that is
    only printed): any type is then correct, and None is the cheapest."""
    return resolve(t, ir.NONE)


def _ground_partial(t: Any) -> Any:
    """`_ground` for a partial module: a variable bound to the type of untranslatable code stays a
    (free) variable, so that users of the partial IR can tell it from a real type."""
    return resolve(t, ir.NONE, keep_errors=True)


def finalize(node: Any, ground: Any = _ground) -> Any:
    """Replace every type variable in the IR by its solution (the IR invariant: concrete types)."""
    how = _FINALIZE.get(type(node)) or _finalize_how(type(node))
    if how == "keep":
        return node
    if how == "ground":
        return ground(node)
    if how == "tuple":
        return tuple(finalize(x, ground) for x in node)
    changes = {}
    for f in how:  # a node: its fields
        v = getattr(node, f)
        nv = finalize(v, ground)
        if nv is not v:
            changes[f] = nv
    return dataclasses.replace(node, **changes) if changes else node


_FINALIZE: dict[type, Any] = {}  # class -> what `finalize` does with its instances ("keep", ...)


def _finalize_how(cls: type) -> Any:
    if issubclass(cls, tuple):
        how: Any = "tuple"
    elif issubclass(cls, TVar):
        how = "ground"
    elif not dataclasses.is_dataclass(cls) or issubclass(cls, (ir.Prim, ir.ExcT, ir.ObjT, ir.EnumT, ir.ExcArgsT, Span)):
        how = "keep"
    elif issubclass(cls, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT, ir.TupleT, ir.OptionT, ir.IterT, ir.FuncT, ir.NamedT)):
        how = "ground"
    else:
        how = tuple(f.name for f in dataclasses.fields(cls)) or "keep"  # (no fields: nothing to replace)
    _FINALIZE[cls] = how
    return how


class Superseded(Exception):
    """An analysis given up because its text is no longer current (`cancelled()` said so)."""


def lower_for_analysis(sm: SourceModule, cancelled=None) -> tuple[ir.Module | None, list[Diagnostic], "_ModuleLowering | None"]:
    """For the engine: the partial module (every function's IR, errors or not), the diagnostics
    a full lowering (`portalis translate`) reports, and the lowering state (signatures and
    types, for re-lowering one edited function in the same context). `cancelled()` is asked
    before each function: True raises Superseded."""
    if sm.tree is None:
        return None, [], None
    ml = _ModuleLowering(sm, partial=True)
    ml.cancelled = cancelled
    module, _ = ml.run()
    return module, list(getattr(ml, "translate_diags", [])), ml


def lower_module(sm: SourceModule, *, partial: bool = False) -> tuple[ir.Module | None, list[Diagnostic]]:
    """Lower a parsed module; returns (None, diagnostics) when anything is untranslatable.

    `partial=True` returns the module even then, for callers that keep only part of it
    (`portalis.slicing`): the IR of code with errors is then meaningless, and a type that came
    from untranslatable code is left a type variable (not an `ir` type) so that it can be
    refused instead of grounded. Such callers must check both before using any function."""
    if sm.tree is None:
        return None, []
    return _ModuleLowering(sm, partial).run()


def _names(node: cst.CSTNode, name: str) -> bool:
    """Whether `name` appears as a Name anywhere in `node`."""
    class V(cst.CSTVisitor):
        found = False

        def visit_Name(self, n: cst.Name) -> None:
            if n.value == name:
                V.found = True
    node.visit(V())
    return V.found


def _names_read(e: cst.CSTNode) -> set[str]:
    """Every bare name in an expression (attribute names such as `.pi` are not bare names)."""
    out: set[str] = set()

    class V(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            out.add(node.value)

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

    e.visit(V())
    return out


def _is_doc_or_pass(s: cst.CSTNode) -> bool:
    return isinstance(s, cst.SimpleStatementLine) and all(
        isinstance(x, cst.Pass) or (isinstance(x, cst.Expr) and isinstance(x.value, (cst.SimpleString, cst.ConcatenatedString,
                                                                                    cst.Ellipsis)))
        for x in s.body)


def _literal_default(e: cst.BaseExpression) -> bool:
    """An immutable literal: the one value Python creates at `def` time is safe to re-create."""
    if isinstance(e, cst.UnaryOperation) and isinstance(e.operator, (cst.Minus, cst.Plus)):
        e = e.expression
    if isinstance(e, (cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString)):
        return True
    return isinstance(e, cst.Name) and e.value in ("True", "False", "None")


def _unhashable_keys(module: ir.Module) -> list[Diagnostic]:
    """Dicts/sets whose inferred key type the runtime cannot hash (float): refused at the first
    expression of each function that has one (annotations are checked when parsed)."""
    from portalis.analyzers.types import _hashable_key

    def bad_key(t: Any) -> Any:
        for x in ir.type_parts(t):
            k = x.key if isinstance(x, ir.DictT) else x.elem if isinstance(x, ir.SetT) else None
            if k is not None and not _hashable_key(k):
                return k
        return None

    out: list[Diagnostic] = []
    for root in (*module.functions, module.main, *module.globals):
        first = _first_bad(root, lambda t: bad_key(t) is not None)
        if first is None:
            continue
        key = next(bad_key(n.ty) for n in ir.walk(root) if getattr(n, "span", None) == first
                   and bad_key(getattr(n, "ty", None)) is not None)
        if any(isinstance(p, ir.FuncT) for p in ir.type_parts(key)):
            out.append(make("unsupported-type", f"function values as dict keys or set elements are not supported "
                            f"({key})", first))
        elif any(p == ir.FLOAT for p in ir.type_parts(key)) and not any(
                isinstance(p, (ir.ListT, ir.DictT, ir.SetT, ir.DequeT)) for p in ir.type_parts(key)):
            out.append(make("unsupported-type", "dict keys / set elements of type float are not supported "
                            "(Rust's f64 cannot be hashed exactly as Python hashes floats)", first))
        else:  # CPython's TypeError: unhashable type
            out.append(make("type-mismatch", f"unhashable type: {key} (as a dict key or set element)", first))
    return out


def _set_text(module: ir.Module) -> list[Diagnostic]:
    """`set-iteration-order` wherever a value holding a set becomes text (print, str, repr,
    f-string and format() fields, printf): the set prints in insertion order, CPython's in hash
    order. Loops over a set are flagged where they are lowered (`iter_elem`)."""
    out: list[Diagnostic] = []
    for root in (*module.functions, module.main):
        for n in ir.walk(root):
            if isinstance(n, ir.Intrinsic) and n.name in ("print", "str", "repr"):
                shown = n.args if n.name == "print" else n.args[:1]
            elif isinstance(n, ir.FormatField):
                shown = (n.expr,)
            else:
                continue
            for e in shown:
                if e.span.line > 0 and set_order_unknown(e.ty):
                    out.append(make("set-iteration-order", "printing a set whose elements CPython hashes "
                                    "differently in every run (str, None, objects), or a value that holds one: "
                                    "its order is not CPython's, which changes from run to run; print sorted(...) "
                                    "if the order matters", e.span, Severity.WARNING))
    return out


def _iterator_text(module: ir.Module) -> list[Diagnostic]:
    """A list iterator (`iter(xs)`) turned into text, or used as a dict key or set member: CPython
    shows its address and hashes it by identity, which Portalis does not reproduce."""
    def has_iter(t: Any) -> bool:
        return any(isinstance(x, ir.IterT) and x.kind == "iter" for x in ir.type_parts(t))

    out: list[Diagnostic] = []
    seen: set[int] = set()
    for root in (*module.functions, module.main):
        for n in ir.walk(root):
            for e in _shown(n):
                if has_iter(e.ty) and e.span.line not in seen:
                    seen.add(e.span.line)
                    out.append(make("unsupported-builtin", "printing a list iterator: CPython shows its address "
                                    "(`<list_iterator object at 0x...>`), which differs between runs", e.span))
            ty = getattr(n, "ty", None)
            if isinstance(ty, (ir.DictT, ir.SetT)) and has_iter(ty.key if isinstance(ty, ir.DictT) else ty.elem) \
                    and n.span.line not in seen:
                seen.add(n.span.line)
                out.append(make("unsupported-builtin", "list iterators as dict keys or set members are not supported "
                                "(CPython hashes them by identity)", n.span))
    return out


def _shown(n: Any) -> tuple:
    """The expressions IR node `n` turns into text (print, str, repr, format, f-string fields,
    exception arguments)."""
    if isinstance(n, ir.Intrinsic) and n.name in ("print", "str", "repr", "format"):
        return n.args if n.name == "print" else n.args[:1]
    if isinstance(n, ir.FormatField):
        return (n.expr,)
    if isinstance(n, ir.NewExc):
        return n.args
    return ()


def _function_values(module: ir.Module) -> list[Diagnostic]:
    """Function values (`ir.FuncRef`) turned into text or compared: CPython prints a function's
    address and compares functions by identity, neither of which Portalis reproduces."""
    def has_func(t: Any) -> bool:
        return any(isinstance(x, ir.FuncT) for x in ir.type_parts(t))

    out: list[Diagnostic] = []
    for root in (*module.functions, module.main):
        for n in ir.walk(root):
            for e in _shown(n):
                if has_func(e.ty):
                    out.append(make("unsupported-builtin", "printing a function value: CPython shows its address "
                                    "(`<function f at 0x...>`), which differs between runs", e.span))
            compared: list[Any] = []  # the types whose values `==` compares
            if isinstance(n, ir.Compare):
                for i, op in enumerate(n.ops):
                    a, b = n.operands[i].ty, n.operands[i + 1].ty
                    if op in ("in", "not in"):  # a dict compares its keys
                        compared += [a, b.key if isinstance(b, ir.DictT) else b]
                    elif op not in ("is", "is not"):
                        compared += [a, b]
            elif isinstance(n, ir.Intrinsic) and n.name.split(".")[-1] in ("index", "index_in", "count", "remove") \
                    and not n.name.startswith("str."):
                compared = [x.ty for x in n.args]
            if any(has_func(t) for t in compared):
                out.append(make("unsupported-builtin", "comparing function values is not supported (CPython compares "
                                "functions by identity)", n.span))
    return out


def _first_bad(root: Any, bad: Any) -> Span | None:
    """The earliest span in `root` of a node whose type `bad` rejects."""
    found = [n.span for n in ir.walk(root)
             if isinstance(getattr(n, "span", None), Span) and n.span.line > 0 and bad(getattr(n, "ty", None))]
    return min(found, key=lambda sp: (sp.line, sp.col)) if found else None



def _name_chain(e: cst.BaseExpression) -> bool:
    """`a`, `a.b.c`, `a.b[0].c`, `a[i]`: evaluating it twice reads the same object (nothing in it
    can print, change anything, or give another value the second time)."""
    while True:
        if isinstance(e, cst.Attribute):
            e = e.value
        elif (isinstance(e, cst.Subscript) and len(e.slice) == 1 and isinstance(e.slice[0].slice, cst.Index)
              and isinstance(e.slice[0].slice.value, (cst.Name, cst.Integer))):
            e = e.value
        else:
            return isinstance(e, cst.Name)


def _has_call(e: cst.CSTNode) -> bool:
    found = [False]

    class V(cst.CSTVisitor):
        def visit_Call(self, n: cst.Call) -> None:
            found[0] = True

    e.visit(V())
    return found[0]


def _only_none_tests(body: cst.CSTNode, name: str, allow: bool) -> bool:
    """`name` is read nowhere in body, or (allow) only as `name is None` / `name is not None`."""
    total = [0, 0]

    class V(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            if n.value == name:
                total[0] += 1

        def visit_Comparison(self, n: cst.Comparison) -> None:
            if (isinstance(n.left, cst.Name) and n.left.value == name and len(n.comparisons) == 1
                    and isinstance(n.comparisons[0].operator, (cst.Is, cst.IsNot))
                    and isinstance(n.comparisons[0].comparator, cst.Name) and n.comparisons[0].comparator.value == "None"):
                total[1] += 1

    body.visit(V())
    return total[0] == 0 or (allow and total[0] == total[1])
