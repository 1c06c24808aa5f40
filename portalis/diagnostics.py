"""Diagnostics: the one shape in which every layer reports a problem with the user's code.

Owns `Span`, `Diagnostic`, `Severity` and the registry of stable diagnostic codes
(`CODES`). Broken or untranslatable user code is data, never an exception: passes return
`(result, diagnostics)`. This module knows nothing of LSP; the server converts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, order=True)
class Span:
    """A range in a Python source file: 1-based lines, 0-based columns (code points)."""

    line: int
    col: int
    end_line: int
    end_col: int

    @staticmethod
    def point(line: int, col: int = 0) -> "Span":
        return Span(line, col, line, col)


NO_SPAN = Span(0, 0, 0, 0)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    span: Span
    severity: Severity = Severity.ERROR

    def render(self, path: str) -> str:
        """`prog.py:LINE:COL: error[CODE]: message` (COL is 1-based, like compilers print)."""
        return f"{path}:{self.span.line}:{self.span.col + 1}: {self.severity.value}[{self.code}]: {self.message}"


# Stable, kebab-case codes. The text after each code is its one-line documentation; the
# README's table is generated from this dict (tests check they agree).
CODES: dict[str, str] = {
    "syntax-error": "The file is not valid Python 3.11.",
    "dynamic-eval": "eval/exec/compile/globals()/locals()/getattr-style dynamic code cannot be translated statically.",
    "unsupported-import": "Only `math`, `sys` (exit), `typing`, `dataclasses`, `enum`, `collections` (namedtuple, defaultdict, Counter, OrderedDict, deque), `abc`, `functools` (total_ordering, cache, lru_cache) and `operator` (itemgetter, attrgetter) can be imported.",
    "unsupported-class": "A class feature outside the supported subset (multiple inheritance, metaclasses, class decorators, fields not set by `__init__`, ...).",
    "unsupported-enum": "An enum outside the supported subset (Enum/IntEnum with int or str literal values or `auto()`; members, `.name`, `.value`, `Color(v)`, `Color[name]`, iteration): methods, Flag/StrEnum, the functional API, the class as a value.",
    "unsupported-namedtuple": "A named tuple outside the supported subset (`class P(NamedTuple)` with annotated fields and literal defaults, `namedtuple(\"P\", \"x y\")`; construction, fields, indexing, unpacking, `_replace`, `_asdict`, `_fields`): methods, `defaults=`, the class as a value.",
    "object-default-repr": "Printing an object whose class has no `__repr__`/`__str__`: CPython shows its memory address, which differs between runs.",
    "generator": "A generator feature that is not supported: `x = yield` (`send()`), `return value`, a `yield` inside "
                 "`try`/`finally` or `with`, generator properties and class methods, a generator function used as a value.",
    "unsupported-syntax": "A statement or expression outside the supported subset (async, decorators, *args, a walrus in a comprehension or lambda, some `match` patterns, ...).",
    "unsupported-builtin": "A builtin function, module attribute or method that Portalis does not translate.",
    "type-mismatch": "A name, container or operation would hold values of incompatible types.",
    "int-float-mix": "An int where a float is expected and a use can tell it stays an int in CPython (a `float` parameter given an int that is then printed, `//`-ed with an int, stored in a list...: the message names that use's line; uses that cannot tell are converted), `1 in floats`, `max(1, 2.5)`, a `list[int]` for `list[float]`; write a float literal (`2.0`) or annotate `int | float`.",
    "union-not-narrowed": "An operation on a value of several types (`int | str`, `object`) that is not defined for every type it may have; narrow it with `isinstance()` first.",
    "union-container-copy": "A `list[T]`/`dict[K, V]` stored as one of several types would be copied where Python shares it; give it a union element type (`list[object]`, `dict[str, object]`) where it is made.",
    "cannot-infer-type": "No type could be inferred; add an annotation.",
    "possibly-unbound": "A name may be read before it is assigned on some path.",
    "undefined-name": "A name that is not defined in the module, or a function/class used before its `def`/`class` statement runs (CPython raises NameError).",
    "unsupported-type": "A type annotation outside the supported types.",
    "build-failed": "rustc rejected the generated Rust (a Portalis bug, please report it); the line is the Python line that produced it.",
    "python-syntax-warning": "Warning: CPython warns about this code when it compiles it (an invalid escape sequence, `1if`, `is` with a literal, ...).",
    "set-iteration-order": "Iterating, printing or popping a set of values CPython hashes differently in every run (str, None, objects hashed by identity): CPython's own order changes from run to run.",
    "float-last-digit": "math.sin/cos/tan/atan/hypot/... (warning): WebAssembly's libm is not glibc's, results can differ from CPython in the last digit.",
    "internal-error": "A Portalis bug met while analysing this file (the traceback is in the log); please report it.",
    "function-not-found": "`translate --function NAME`: the module has no top-level function NAME.",
    "needs-module-state": "`translate --function NAME`: NAME uses a module variable that only the module body sets, or that code outside NAME and its callees changes (a library crate has no module body).",
}


def make(code: str, message: str, span: Span, severity: Severity = Severity.ERROR) -> Diagnostic:
    assert code in CODES, code
    return Diagnostic(code, message, span, severity)


def has_errors(diags: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)
