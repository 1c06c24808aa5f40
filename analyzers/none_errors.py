"""CPython's exception for an operation whose operand turned out to be a value of the wrong type
(in Portalis: an Optional that is None at run time), derived the way CPython derives it.

Each function names the CPython mechanism that raises (the number protocol's binary operators
with their sequence fallbacks, `__index__`, `__float__`, the subscript and iteration protocols,
attribute lookup, rich comparison, ...) and builds the message from the operand types' names,
as that mechanism does — not from a table of cases. `tests/test_none_errors.py` checks every
function against CPython over a grid of operand types.

All return `(exception class name, message)`. Type names are CPython's (`int`, `str`,
`NoneType`, `list`, ...): `type_name` converts a Portalis type.
"""

from __future__ import annotations

from portalis import ir

Err = tuple[str, str]

# sequences with CPython's sq_concat / sq_repeat slots, and the one with sq_inplace_concat
_CONCAT = {"str", "list", "tuple"}
_INPLACE_CONCAT = {"list"}


def type_name(t) -> str:
    """The name CPython's `type(x).__name__` gives a value of Portalis type `t`."""
    if isinstance(t, ir.Prim):
        return "NoneType" if t.name == "None" else t.name
    if isinstance(t, ir.OptionT):
        return type_name(t.inner)
    for cls, name in ((ir.ListT, "list"), (ir.DictT, "dict"), (ir.SetT, "set"), (ir.DequeT, "deque"), (ir.TupleT, "tuple"), (ir.ExcArgsT, "tuple")):
        if isinstance(t, cls):
            return name
    if isinstance(t, (ir.ExcT, ir.EnumT, ir.NamedT)):
        return t.name
    return "object"


def binop(op: str, left: str, right: str, inplace: bool = False) -> Err | None:
    """`left op right` (`op=` when `inplace`) where neither operand's number slot handles the
    other (abstract.c: binary_op1 / binary_iop1 gave NotImplemented). None for `str % x`, which
    is printf-style formatting: its error depends on the format string, not on the types."""
    if op == "%" and left == "str":
        return None
    if op == "|" and inplace and left == "dict":  # dict |= x is dict.update(x)
        return iteration(right)
    if op == "+":
        if inplace and left in _INPLACE_CONCAT:  # list += x is list.extend(x)
            return iteration(right)
        if left in _CONCAT:
            return "TypeError", f'can only concatenate {left} (not "{right}") to {left}'
    if op == "*":
        if left in _CONCAT:
            return "TypeError", f"can't multiply sequence by non-int of type '{right}'"
        if right in _CONCAT:
            return "TypeError", f"can't multiply sequence by non-int of type '{left}'"
    sym = "** or pow()" if op == "**" and not inplace else op + ("=" if inplace else "")
    return "TypeError", f"unsupported operand type(s) for {sym}: '{left}' and '{right}'"


def unary(op: str, operand: str) -> Err:
    return "TypeError", f"bad operand type for unary {op}: '{operand}'"


def order(op: str, left: str, right: str) -> Err:
    """`<`, `<=`, `>`, `>=` where neither side's rich comparison handles the other."""
    return "TypeError", f"'{op}' not supported between instances of '{left}' and '{right}'"


def divmod_(left: str, right: str) -> Err:
    return "TypeError", f"unsupported operand type(s) for divmod(): '{left}' and '{right}'"


def index(t: str) -> Err:
    """An argument that must be an int (`__index__`): range(), chr(), list.pop(), str.ljust(), ..."""
    return "TypeError", f"'{t}' object cannot be interpreted as an integer"


def real(t: str) -> Err:
    """A math-module argument that must be a float (`__float__`): math.sqrt(), math.floor(), ..."""
    return "TypeError", f"must be real number, not {t}"


def attribute(t: str, name: str) -> Err:
    """`x.name` (a method call too: the lookup fails before the arguments are evaluated)."""
    return "AttributeError", f"'{t}' object has no attribute '{name}'"


def subscript(container: str) -> Err:
    """`x[i]` on a value that has no `__getitem__`."""
    return "TypeError", f"'{container}' object is not subscriptable"


def item_assignment(container: str) -> Err:
    return "TypeError", f"'{container}' object does not support item assignment"


def item_deletion(container: str) -> Err:
    return "TypeError", f"'{container}' object does not support item deletion"


def sequence_index(container: str, index_type: str) -> Err:
    """`seq[i]` with an index of the wrong type."""
    if container == "str":
        return "TypeError", f"string indices must be integers, not '{index_type}'"
    if container == "deque":
        return "TypeError", f"sequence index must be integer, not '{index_type}'"
    return "TypeError", f"{container} indices must be integers or slices, not {index_type}"


def slice_index(t: str) -> Err:
    """A start/stop position of list.index() and the like (`_PyEval_SliceIndex`)."""
    del t
    return "TypeError", "slice indices must be integers or have an __index__ method"


def iteration(t: str) -> Err:
    return "TypeError", f"'{t}' object is not iterable"


def star_iteration(t: str, call: str | None = None) -> Err:
    """`[*x]` (call None) or `f(*x)` with an x that is not iterable (CPython checks before it
    iterates; `{*x}` says what `iteration` says)."""
    if call is None:
        return "TypeError", f"Value after * must be an iterable, not {t}"
    return "TypeError", f"{call}() argument after * must be an iterable, not {t}"


def containment(container: str) -> Err:
    """`x in container` where the container has no `__contains__` and is not iterable."""
    return "TypeError", f"argument of type '{container}' is not iterable"


def str_containment(needle: str) -> Err:
    """`needle in some_str` with a needle that is not a str."""
    return "TypeError", f"'in <string>' requires string as left operand, not {needle}"


def length(t: str) -> Err:
    return "TypeError", f"object of type '{t}' has no len()"


def absolute(t: str) -> Err:
    return "TypeError", f"bad operand type for abs(): '{t}'"


def rounding(t: str) -> Err:
    return "TypeError", f"type {t} doesn't define __round__ method"


def int_conversion(t: str) -> Err:
    return "TypeError", f"int() argument must be a string, a bytes-like object or a real number, not '{t}'"


def float_conversion(t: str) -> Err:
    return "TypeError", f"float() argument must be a string or a real number, not '{t}'"


def format_spec(t: str) -> Err:
    """`format(x, spec)` / `f"{x:spec}"` with a non-empty spec on a type that has none."""
    return "TypeError", f"unsupported format string passed to {t}.__format__"


def key_error() -> Err:
    """`d[k]` with a key that is not there (None included: its repr is the message)."""
    return "KeyError", "None"
