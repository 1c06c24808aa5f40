"""The typed IR: the one boundary between the Python side and the Rust side.

Plain frozen data. `analyzers.lower` builds it from libcst; `codegen.emit` turns it into
Rust. Invariants: every expression carries a concrete type (no type variables), every node
carries the `Span` of the Python code it came from, and every operation is already
resolved (an `Intrinsic` names exactly one runtime behaviour, e.g. `str.split`), so the
emitter never re-derives Python semantics. Implicit conversions are explicit nodes
(`Coerce`). This module imports nothing from libcst, rustc or LSP.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterator, Union

from portalis.diagnostics import Span

# ---------------------------------------------------------------- types


@dataclass(frozen=True)
class Prim:
    name: str  # "int" | "float" | "bool" | "str" | "None"

    def __str__(self) -> str:
        return self.name


INT = Prim("int")
FLOAT = Prim("float")
BOOL = Prim("bool")
STR = Prim("str")
NONE = Prim("None")

# Names the analyzers make up are spelled with a `#`, which no Python name contains:
# `DISCARD` is a target that is never read back (`_` when the function never reads `_`, or a
# target that could not be lowered); `hidden(kind, n)` is a local of the translator's own.
DISCARD = "#discard"


def hidden(kind: str, *ns: int | str) -> str:
    """`_kind#n` (`_kind#a#b` for several parts). Its Rust spelling (codegen.emit.names) drops the
    `#`s and has the temporaries' form, which no Python name is given."""
    return f"_{kind}#" + "#".join(str(n) for n in ns)


def is_made_up(name: str) -> bool:
    return "#" in name


@dataclass(frozen=True)
class ListT:
    elem: "Type"

    def __str__(self) -> str:
        return f"list[{self.elem}]"


@dataclass(frozen=True)
class DictT:
    key: "Type"
    val: "Type"

    def __str__(self) -> str:
        return f"dict[{self.key}, {self.val}]"


@dataclass(frozen=True)
class SetT:
    elem: "Type"

    def __str__(self) -> str:
        return f"set[{self.elem}]"


@dataclass(frozen=True)
class DequeT:
    """`collections.deque[T]` (Rust `rt::PyDeque`): only the operations lowered for it (no
    slicing, no `+`); a value of its own, never mixed into a union."""
    elem: "Type"

    def __str__(self) -> str:
        return f"deque[{self.elem}]"


@dataclass(frozen=True)
class TupleT:
    items: tuple["Type", ...]

    def __str__(self) -> str:
        return "tuple[" + ", ".join(map(str, self.items)) + "]"


@dataclass(frozen=True)
class OptionT:
    inner: "Type"

    def __str__(self) -> str:
        return f"{self.inner} | None"


@dataclass(frozen=True)
class ExcT:
    """An exception instance (the `e` of `except E as e`)."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class IterT:
    """A lazy iterable that only loops and consumers accept (range, enumerate, zip, dict views...)."""

    elem: "Type"
    kind: str  # "range" | "enumerate" | "zip" | "reversed" | "items" | "keys" | "values"

    def __str__(self) -> str:
        return f"{self.kind}[{self.elem}]"


@dataclass(frozen=True)
class FuncT:
    params: tuple["Type", ...]
    ret: "Type"

    def __str__(self) -> str:  # as Python's typing spells it
        return "Callable[[" + ", ".join(map(str, self.params)) + f"], {self.ret}]"


@dataclass(frozen=True)
class EnumT:
    """A member of the enum class `name` (`enum.Enum`, or `enum.IntEnum` when `int_enum`); its
    `.value` has type `value` (int or str). A value type: the member's index in the class."""

    name: str
    int_enum: bool = False
    value: "Type" = INT

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class ObjT:
    """An instance of user class `name` (or of a subclass: the static type). Objects are
    references: every class of one hierarchy shares one Rust type (see `Class`)."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class NamedT:
    """An instance of the named tuple class `name` (`typing.NamedTuple`, `collections.namedtuple`):
    a tuple of `items` whose positions are also called `fields`. Immutable, a value type."""

    name: str
    fields: tuple[str, ...]
    items: tuple["Type", ...]

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class ExcArgsT:
    """`e.args` of an exception: a tuple whose items' types are not known statically (it is
    printed, converted to str, measured with len(), tested for truth; not indexed)."""

    def __str__(self) -> str:
        return "tuple"


@dataclass(frozen=True)
class UnionT:
    """A value of one of several types, kept with its exact type at run time (`rt::Obj`):
    `int | float`, `str | None | list[str]`, the values of a JSON-like dict. `members` are
    canonical (analyzers.unions.make_union): flat, without duplicates, in a fixed order, lists
    and dicts among them hold unions themselves; `()` is `object` (any value). A union of
    only `X | None` is an `OptionT`, never a UnionT."""

    members: tuple["Type", ...]

    def __str__(self) -> str:
        if not self.members:
            return "object"
        return " | ".join(map(str, self.members))


Type = Union[Prim, ListT, DictT, SetT, DequeT, TupleT, OptionT, ExcT, IterT, FuncT, ObjT, EnumT, NamedT, ExcArgsT, UnionT]

# ---------------------------------------------------------------- expressions


@dataclass(frozen=True)
class Const:
    value: object  # int | float | bool | str | None
    ty: Type
    span: Span
    from_int: bool = False  # a float folded from an int literal (`x * 2`): an int in CPython


@dataclass(frozen=True)
class Local:
    name: str
    ty: Type
    span: Span


@dataclass(frozen=True)
class Global:
    name: str
    ty: Type
    span: Span


@dataclass(frozen=True)
class Coerce:
    """An implicit conversion Python performs: int->float, bool->int, T->T|None, T|None->T (TypeError on None)."""

    expr: "Expr"
    ty: Type
    span: Span
    # T|None -> T: the exception CPython raises for this operation on None (class name and
    # message, from analyzers.none_errors); a Coerce from an Optional always has one
    none_msg: str = ""
    none_cls: str = "TypeError"
    # int -> float where a float is annotated (analyzers.numeric): what receives it, and
    # whether the conversion must be exact (a run-time check)
    widen: str = ""
    exact: bool = False


@dataclass(frozen=True)
class BinOp:
    op: str  # + - * / // % ** << >> & | ^ ; operands already coerced to a common type
    left: "Expr"
    right: "Expr"
    ty: Type
    span: Span


@dataclass(frozen=True)
class UnaryOp:
    op: str  # "-" | "+" | "~" | "not"
    operand: "Expr"
    ty: Type
    span: Span


@dataclass(frozen=True)
class Compare:
    """`a < b < c`: operands[i] ops[i] operands[i+1], each operand evaluated once."""

    ops: tuple[str, ...]  # < <= > >= == != in "not in" is "is not"
    operands: tuple["Expr", ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class BoolOp:
    """`and`/`or` with Python's value semantics (returns an operand, not a bool)."""

    op: str
    left: "Expr"
    right: "Expr"
    ty: Type
    span: Span


@dataclass(frozen=True)
class IfExp:
    cond: "Expr"
    then: "Expr"
    orelse: "Expr"
    ty: Type
    span: Span


@dataclass(frozen=True)
class Call:
    """A call to a user function of this module. `dispatch`: a method called on an instance of
    that static class, some of whose subclasses override it: the run-time class picks the
    implementation (the signature is the same for all of them)."""

    func: str
    args: tuple["Expr", ...]
    ty: Type
    span: Span
    dispatch: str | None = None


@dataclass(frozen=True)
class FuncRef:
    """A module function used as a value (`ops = {"+": add}`, `apply(double, 3)`): type `FuncT`
    (Rust: a function pointer taking the recursion depth last)."""

    func: str
    ty: Type
    span: Span


@dataclass(frozen=True)
class CallValue:
    """A call of a function value (an expression of type `FuncT`), every argument by position."""

    callee: "Expr"
    args: tuple["Expr", ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class Intrinsic:
    """A builtin, module function or method with one fixed meaning, e.g. `str.split`, `len.list`."""

    name: str
    args: tuple["Expr", ...]
    ty: Type
    span: Span
    kwargs: tuple[tuple[str, "Expr"], ...] = ()


@dataclass(frozen=True)
class ListLit:
    items: tuple["Expr", ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class TupleLit:
    items: tuple["Expr", ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class SetLit:
    items: tuple["Expr", ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class DictLit:
    items: tuple[tuple["Expr", "Expr"], ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class CompFor:
    target: "Target"
    iter: "Expr"
    conds: tuple["Expr", ...]


@dataclass(frozen=True)
class Comprehension:
    kind: str  # "list" | "set" | "dict" | "gen"
    elt: "Expr"  # for "dict": a TupleLit (key, value)
    gens: tuple[CompFor, ...]
    ty: Type
    span: Span
    # CPython's frames, which count toward its recursion limit: "frame" (a comprehension or
    # generator expression: one frame), "per-item" (map()/filter() of a lambda: the lambda's
    # frame on each call), "none" (map()/filter() of a function name: called from C, no frame)
    frame: str = "frame"


@dataclass(frozen=True)
class Lambda:
    params: tuple[tuple[str, Type], ...]
    body: "Expr"
    ty: Type
    span: Span
    frame: bool = True  # False: stands for a function name (`key=f`), no frame of its own


@dataclass(frozen=True)
class FString:
    parts: tuple[Union[str, "FormatField"], ...]
    ty: Type
    span: Span
    # str.format(): every argument is evaluated before any is formatted (an f-string formats
    # each field as it goes)
    eval_first: bool = False


@dataclass(frozen=True)
class FormatField:
    expr: "Expr"
    conversion: str  # "" | "r" | "s"
    spec: "FString | None"


@dataclass(frozen=True)
class NewExc:
    """`ValueError("msg")`, `MyError()` — builds an exception value."""

    cls: str
    args: tuple["Expr", ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class NewObj:
    """`C(args)`: a new instance of user class `cls`, then `init` (the "K.__init__" function of
    `cls` or the nearest base defining one, None: no `__init__`) called with it and `args`.
    `tag`: `cls(...)` in a class method, an object of the run-time class (an int expression:
    its `Class.tag`); then `dispatch` (a class) when its subclasses' `__init__`s differ."""

    cls: str
    init: str | None
    args: tuple["Expr", ...]
    ty: Type
    span: Span
    tag: "Expr | None" = None
    dispatch: str | None = None


@dataclass(frozen=True)
class GetAttr:
    """`obj.name`: an instance field of a user object."""

    obj: "Expr"
    name: str
    ty: Type
    span: Span


@dataclass(frozen=True)
class AssignExpr:
    """`(name := value)` in a function: stores `value` in the local, then is its value."""

    target: "NameTarget"
    value: "Expr"
    ty: Type
    span: Span


Expr = Union[
    Const, Local, Global, Coerce, BinOp, UnaryOp, Compare, BoolOp, IfExp, Call, FuncRef, CallValue, Intrinsic,
    ListLit, TupleLit, SetLit, DictLit, Comprehension, Lambda, FString, NewExc, NewObj, GetAttr, AssignExpr,
]

# ---------------------------------------------------------------- assignment targets


@dataclass(frozen=True)
class NameTarget:
    name: str
    ty: Type
    is_global: bool
    span: Span


@dataclass(frozen=True)
class IndexTarget:
    obj: Expr
    index: Expr
    span: Span


@dataclass(frozen=True)
class SliceTarget:
    """`obj[lower:upper:step] = value` on a list; absent bounds are None constants."""

    obj: Expr
    lower: Expr
    upper: Expr
    step: Expr
    span: Span


@dataclass(frozen=True)
class TupleTarget:
    items: tuple["Target", ...]
    ty: Type
    span: Span


@dataclass(frozen=True)
class AttrTarget:
    """`obj.name = value` on an instance field of a user object."""

    obj: Expr
    name: str
    span: Span
    frozen: bool = False  # a frozen dataclass: the store raises FrozenInstanceError


@dataclass(frozen=True)
class MethodTarget:
    """A store that calls a user method: `obj.prop = value` (the property's setter) or
    `obj[key] = value` (`__setitem__`). The value is evaluated first, then `args`, then
    `func(*args, value)` is called (with `dispatch` as in `Call`)."""

    func: str
    args: tuple[Expr, ...]
    span: Span
    dispatch: str | None = None


Target = Union[NameTarget, IndexTarget, SliceTarget, TupleTarget, AttrTarget, MethodTarget]

# ---------------------------------------------------------------- statements


@dataclass(frozen=True)
class Assign:
    target: Target
    value: Expr
    span: Span


@dataclass(frozen=True)
class AugAssign:
    """`t op= v` where Python mutates in place (str +=, list +=); other ops lower to Assign."""

    target: Target
    op: str
    value: Expr
    span: Span


@dataclass(frozen=True)
class ExprStmt:
    expr: Expr
    span: Span


@dataclass(frozen=True)
class If:
    cond: Expr
    body: tuple["Stmt", ...]
    orelse: tuple["Stmt", ...]
    span: Span


@dataclass(frozen=True)
class While:
    cond: Expr
    body: tuple["Stmt", ...]
    label: int
    span: Span
    orelse: tuple["Stmt", ...] = ()  # `while ... else`: runs when the loop ends without `break`


@dataclass(frozen=True)
class For:
    target: Target
    iter: Expr
    body: tuple["Stmt", ...]
    label: int
    span: Span
    orelse: tuple["Stmt", ...] = ()  # `for ... else`: runs when the loop ends without `break`


@dataclass(frozen=True)
class Break:
    label: int
    span: Span


@dataclass(frozen=True)
class Continue:
    label: int
    span: Span


@dataclass(frozen=True)
class Return:
    value: Expr | None
    span: Span


@dataclass(frozen=True)
class Yield:
    """`yield value` in a generator function (analyzers/generators.py): hands the value to the
    consumer's loop body, which runs before the generator goes on."""

    value: Expr
    span: Span
    # inside a `try` with `except` handlers (no `finally`): what the consumer raises, or its
    # early stop, leaves the generator at once, past the handlers (CPython never raises the
    # consumer's exception in the generator; its GeneratorExit passes `except Exception`)
    guarded: bool = False


@dataclass(frozen=True)
class Raise:
    exc: Expr | None  # None: re-raise the exception being handled (`handler_var`)
    handler_var: str | None
    span: Span


@dataclass(frozen=True)
class Handler:
    classes: tuple[str, ...]  # empty: bare `except:`
    name: str | None
    body: tuple["Stmt", ...]
    span: Span


@dataclass(frozen=True)
class Try:
    body: tuple["Stmt", ...]
    handlers: tuple[Handler, ...]
    orelse: tuple["Stmt", ...]
    final: tuple["Stmt", ...]
    label: int
    span: Span


@dataclass(frozen=True)
class Assert:
    test: Expr
    msg: Expr | None
    span: Span


@dataclass(frozen=True)
class DelItem:
    obj: Expr
    index: Expr
    span: Span


@dataclass(frozen=True)
class DelSlice:
    """`del obj[lower:upper:step]` on a list."""

    obj: Expr
    lower: Expr
    upper: Expr
    step: Expr
    span: Span


@dataclass(frozen=True)
class Pass:
    span: Span


@dataclass(frozen=True)
class GlobalInit:
    """The module statement that first assigns module variable `name` (a `GlobalVar`; `value` is
    also its `init`): a program sets the variable here, in module order."""

    name: str
    value: Expr
    span: Span


Stmt = Union[Assign, AugAssign, ExprStmt, If, While, For, Break, Continue, Return, Yield, Raise, Try, Assert, DelItem,
             DelSlice, Pass, GlobalInit]

# ---------------------------------------------------------------- module


@dataclass(frozen=True)
class CacheSpec:
    """`@functools.cache` (maxsize None: unbounded) or `@functools.lru_cache(maxsize=N)` on a
    function (analyzers/memo.py): the emitter wraps it in CPython's cache."""
    maxsize: int | None


@dataclass(frozen=True)
class Function:
    name: str
    params: tuple[tuple[str, Type], ...]
    ret: Type
    body: tuple[Stmt, ...]
    locals: tuple[tuple[str, Type], ...]  # every local but the params, in first-assignment order
    span: Span
    source_hash: str  # content hash of the Python text, for per-function caching
    nested_in: str = ""  # a function nested in another ("outer.inner", lifted: its last params are
    #                      the variables of `outer` it reads, passed at each call): that function
    cache: CacheSpec | None = None  # @functools.cache / @lru_cache
    generator: bool = False  # it yields (ret: `IterT(T, "gen")`): emitted as a function taking the consumer's loop body


@dataclass(frozen=True)
class GlobalVar:
    name: str
    ty: Type
    init: Expr  # a pure expression, evaluated on first use
    span: Span


@dataclass(frozen=True)
class ExcClass:
    name: str
    base: str
    span: Span
    # A class with `__init__(self, ...)`: `init` is the generated function (named
    # "Class.__init__", so no Python name can clash) that evaluates the `super().__init__`
    # arguments and the `self.NAME = value` fields; it returns the tuple
    # (0, str(arg1), repr(arg1), ... [n_args pairs], field1, field2, ...).
    fields: tuple[tuple[str, Type], ...] = ()
    init: str | None = None
    n_args: int = 0
    module: str = ""  # a library's class (`dataclasses`): its traceback line names it `module.Name`


@dataclass(frozen=True)
class EnumClass:
    """An enum class (analyzers.enums): its canonical members in definition order (`names`,
    `values`: ints or strs), and every alias name with the index of the member it names."""

    name: str
    int_enum: bool
    value: Type
    names: tuple[str, ...]
    values: tuple[int | str, ...]
    aliases: tuple[tuple[str, int], ...]
    span: Span


@dataclass(frozen=True)
class Class:
    """A user class (not an exception). Every class of one hierarchy (single inheritance) is one
    Rust type, named after its `root`, holding the fields of all of them; `tag` (1, 2, ...)
    tells the classes apart at run time. `methods` maps each method name the class can answer
    (its own and inherited ones) to the function ("K.m") that implements it for this class;
    calls through a base type dispatch on the tag when subclasses implement it differently."""

    name: str
    base: str | None
    root: str
    tag: int
    fields: tuple[tuple[str, Type], ...]  # the root lists the fields of the whole hierarchy
    methods: tuple[tuple[str, str], ...]
    span: Span
    # a frozen dataclass with eq: hashed by these fields, as CPython's generated __hash__
    # (float fields are left out: equal values still hash alike, only collisions change)
    hash_fields: tuple[tuple[str, Type], ...] | None = None
    # its `__repr__` ("Name.__repr__") is the one @dataclass generates, which CPython wraps in
    # `reprlib.recursive_repr`: an object met again inside its own repr prints as `...`
    recursive_repr: bool = False


@dataclass(frozen=True)
class Module:
    name: str
    path: str
    functions: tuple[Function, ...]
    globals: tuple[GlobalVar, ...]
    exceptions: tuple[ExcClass, ...]
    main: Function  # the module-level statements, as a function of no arguments
    uses: frozenset[str] = field(default_factory=frozenset)  # e.g. {"math"}
    classes: tuple[Class, ...] = ()  # user classes, in module order
    enums: tuple[EnumClass, ...] = ()


def is_numeric(t: Type) -> bool:
    return t in (INT, FLOAT, BOOL)


def is_copy(t: Type) -> bool:
    """Types whose Rust form is `Copy` (no `.clone()` needed)."""
    if isinstance(t, Prim):
        return t != STR
    if isinstance(t, EnumT):
        return True
    if isinstance(t, (TupleT, NamedT)):
        return all(is_copy(i) for i in t.items)
    if isinstance(t, OptionT):
        return is_copy(t.inner)
    return False  # ObjT: an Rc, cloned


def is_generator(e: Any) -> bool:
    """A generator expression, or a call of a generator function: items made one at a time
    while the consumer takes them (codegen/emit/loops.py `foreach`), never a value of its own."""
    return (isinstance(e, Comprehension) and e.kind == "gen") or (
        isinstance(e, Call) and isinstance(e.ty, IterT) and e.ty.kind == "gen")


_CHILD_FIELDS: dict[type, tuple[str, ...] | None] = {}
# annotations of fields that hold no IR node (walk need not look into them)
_LEAF_FIELDS = frozenset({"bool", "int", "int | None", "str", "str | None", "frozenset[str]", "tuple[str, ...]",
                          "tuple[int | str, ...]", "tuple[tuple[str, int], ...]", "tuple[tuple[str, str], ...]"})
_UNSEEN = object()


def _child_fields(cls: type) -> tuple[str, ...] | None:
    """The fields `walk` descends into, last first (None: not an IR node)."""
    fs = _CHILD_FIELDS.get(cls, _UNSEEN)
    if fs is _UNSEEN:
        fs = (tuple(reversed([f.name for f in dataclasses.fields(cls)
                              if f.name not in ("ty", "span") and f.type not in _LEAF_FIELDS]))
              if dataclasses.is_dataclass(cls) else None)
        _CHILD_FIELDS[cls] = fs
    return fs


def walk(node: Any) -> Iterator[Any]:
    """Every IR node under `node` (itself included; expressions, statements, targets,
    handlers; not types or spans), in source order (pre-order)."""
    stack = [node]
    pop, push, extend, child_fields = stack.pop, stack.append, stack.extend, _CHILD_FIELDS.get
    while stack:
        n = pop()
        cls = type(n)
        if cls is tuple or cls is list:
            extend(reversed(n))
            continue
        fs = child_fields(cls, _UNSEEN)
        if fs is _UNSEEN:
            fs = _child_fields(cls)
        if fs is None:
            continue
        yield n
        for f in fs:
            push(getattr(n, f))



def children(node: Any) -> Iterator[Any]:
    """The IR nodes directly under `node` (its fields, and the items of its tuple fields), in
    source order."""
    for f in reversed(_child_fields(type(node)) or ()):
        v = getattr(node, f)
        for x in (v if isinstance(v, (tuple, list)) else (v,)):
            if _child_fields(type(x)) is not None:
                yield x

def rebinds(left: Any, right: Any) -> bool:
    """Whether `right` assigns, by a walrus, a local that `left` reads: Python reads `left`
    first, so it must not be read again (or borrowed) after `right` ran (`s += (s := t)`)."""
    assigned = {n.target.name for n in walk(right) if isinstance(n, AssignExpr)}
    return bool(assigned) and any(isinstance(n, Local) and n.name in assigned for n in walk(left))


def type_parts(t: Any) -> Iterator[Any]:
    """`t` and every type inside it (items, keys, values, inner types)."""
    yield t
    if isinstance(t, (ListT, SetT, DequeT, IterT)):
        yield from type_parts(t.elem)
    elif isinstance(t, DictT):
        yield from type_parts(t.key)
        yield from type_parts(t.val)
    elif isinstance(t, (TupleT, NamedT)):
        for i in t.items:
            yield from type_parts(i)
    elif isinstance(t, OptionT):
        yield from type_parts(t.inner)
    elif isinstance(t, UnionT):
        for i in t.members:
            yield from type_parts(i)
