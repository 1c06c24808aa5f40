"""The analysis engine: what the language server (and the CLI) ask about a module.

Pure core: no LSP imports, no printing, never raises on user input (an internal error becomes an
`internal-error` diagnostic and a logged traceback). Positions are `portalis.diagnostics.Span`s:
1-based lines, 0-based columns in code points; the server converts to LSP in one place.

    engine = Engine()
    engine.set_text(path, text)          # a new revision of that file
    a = engine.analysis(path)            # an immutable ModuleAnalysis of the current text
    a.diagnostics                        # exactly what `portalis translate` reports for the text
    a.functions                          # FunctionInfo per top-level function
    a.function_at(line, col)             # on a def name or a call site
    a.slot_at(line, col)                 # on a parameter or local: (FunctionInfo, SlotInfo)

Analyses are cached by the text's content (an unchanged file is not analysed again). Each
analysis lowers the module once with `partial=True`, so functions elsewhere that cannot be
translated do not hide the types of those that can; a function's own errors make it not
translatable (`blocking`). Type provenance: a parameter's type is `annotation` if annotated,
`default` if it came from a default value, else `call-site` (lowering unifies it with the
arguments of the module's calls); locals and unannotated returns are `dataflow`.
"""

from __future__ import annotations

import doctest
import hashlib
import logging
import threading
import traceback
from dataclasses import dataclass

from portalis import ir
from portalis.diagnostics import Diagnostic, Severity, Span, make

log = logging.getLogger("portalis.engine")


@dataclass(frozen=True)
class SlotInfo:
    """A parameter, a return value or a local."""

    name: str  # "" for a return
    python: str  # PEP 585/604 text ("int", "list[str]", "int | None"), "unknown" when not inferred
    rust: str | None  # the Rust type as emitted ("i64", "PyList<String>"), None when unknown
    source: str  # "annotation" | "dataflow" | "call-site" | "default"
    confidence: float
    span: Span


@dataclass(frozen=True)
class Doctest:
    source: str  # the expression or statement after `>>>`
    want: str  # the expected output ("" when none)
    line: int  # the line of the `>>>` in the module


@dataclass(frozen=True)
class FunctionInfo:
    name: str
    span: Span  # the whole def (decorators included)
    name_span: Span  # the name after `def`
    params: tuple[SlotInfo, ...]
    returns: SlotInfo
    locals: tuple[SlotInfo, ...]
    python_signature: str  # "def gcd(a: int, b: int) -> int"
    rust_signature: str | None  # "fn gcd(a: i64, b: i64) -> i64" (None when not translatable)
    translatable: bool
    blocking: tuple[Diagnostic, ...]  # errors inside this function (the first one is shown)
    source_hash: str
    doctests: tuple[Doctest, ...] = ()
    calls: tuple[tuple[str, Span], ...] = ()  # (callee, span of the callee's name) of its calls


@dataclass(frozen=True)
class ModuleAnalysis:
    path: str
    text: str
    revision: int
    diagnostics: tuple[Diagnostic, ...]
    functions: tuple[FunctionInfo, ...]
    runs_as_program: bool  # top-level code runs (print(...), `if __name__ == "__main__":`, ...)
    module_calls: tuple[tuple[str, Span], ...] = ()  # calls made by the module body

    def function(self, name: str) -> FunctionInfo | None:
        return next((f for f in self.functions if f.name == name), None)

    def function_at(self, line: int, col: int) -> FunctionInfo | None:
        """The function whose `def` name, or a call of which, is at (line, col)."""
        for f in self.functions:
            if _inside(f.name_span, line, col):
                return f
        for f in self.functions:
            for callee, sp in f.calls:
                if _inside(sp, line, col):
                    return self.function(callee)
        for callee, sp in self.module_calls:
            if _inside(sp, line, col):
                return self.function(callee)
        return None

    def function_containing(self, line: int) -> FunctionInfo | None:
        return next((f for f in self.functions if f.span.line <= line <= f.span.end_line), None)

    def slot_at(self, line: int, col: int) -> tuple[FunctionInfo, SlotInfo] | None:
        """The parameter or local named at (line, col), in the function that contains it."""
        f = self.function_containing(line)
        if f is None:
            return None
        for s in (*f.params, *f.locals):
            if _inside(s.span, line, col):
                return f, s
        word = _word_at(self.text, line, col)
        if word:
            for s in (*f.params, *f.locals):
                if s.name == word:
                    return f, s
        return None


def _inside(sp: Span, line: int, col: int) -> bool:
    if sp.line == 0:
        return False
    if (line, col) < (sp.line, sp.col):
        return False
    return (line, col) <= (sp.end_line, sp.end_col)


def _word_at(text: str, line: int, col: int) -> str:
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    s = lines[line - 1]
    if not 0 <= col <= len(s):
        return ""
    a = col
    while a > 0 and (s[a - 1].isalnum() or s[a - 1] == "_"):
        a -= 1
    b = col
    while b < len(s) and (s[b].isalnum() or s[b] == "_"):
        b += 1
    return s[a:b]


class Engine:
    """Files by path, each with its text and revision; analyses cached by content."""

    def __init__(self, *, cache_size: int = 64) -> None:
        self._lock = threading.Lock()
        self._texts: dict[str, tuple[str, int]] = {}
        self._cache: dict[str, ModuleAnalysis] = {}
        self._order: list[str] = []
        self._cache_size = cache_size

    def set_text(self, path: str, text: str) -> int:
        with self._lock:
            rev = self._texts.get(path, ("", 0))[1] + 1
            self._texts[path] = (text, rev)
            return rev

    def remove(self, path: str) -> None:
        with self._lock:
            self._texts.pop(path, None)

    def text(self, path: str) -> str | None:
        with self._lock:
            entry = self._texts.get(path)
            return entry[0] if entry else None

    def revision(self, path: str) -> int:
        with self._lock:
            return self._texts.get(path, ("", 0))[1]

    def analysis(self, path: str) -> ModuleAnalysis:
        with self._lock:
            text, rev = self._texts.get(path, ("", 0))
        key = hashlib.sha256(f"{path}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            hit = analyse(text, path)
            with self._lock:
                self._cache[key] = hit
                self._order.append(key)
                while len(self._order) > self._cache_size:
                    self._cache.pop(self._order.pop(0), None)
        return ModuleAnalysis(hit.path, hit.text, rev, hit.diagnostics, hit.functions, hit.runs_as_program,
                              hit.module_calls)


def analyse(text: str, path: str) -> ModuleAnalysis:
    """A fresh analysis of `text`; never raises (an internal error is an `internal-error`)."""
    try:
        return _analyse(text, path)
    except Exception as e:  # noqa: BLE001 - the last line of defence; the bug is logged
        log.error("internal error analysing %s:\n%s", path, traceback.format_exc())
        d = make("internal-error", f"Portalis internal error ({type(e).__name__}: {e}); please report it",
                 Span.point(1))
        return ModuleAnalysis(path, text, 0, (d,), (), False)


# --------------------------------------------------------------------------- the analysis


def _analyse(text: str, path: str) -> ModuleAnalysis:
    import libcst as cst

    from portalis.analyzers.ingest import parse_module
    from portalis.analyzers.lower import lower_module
    from portalis.pipeline import translate_source

    # exactly what `portalis translate` reports
    diags = tuple(translate_source(text, path).diagnostics)
    sm, parse_diags = parse_module(text, path)
    if sm.tree is None:
        return ModuleAnalysis(path, text, 0, diags, (), False)
    module, _ = lower_module(sm, partial=True)
    by_name = {f.name: f for f in module.functions} if module is not None else {}
    names = None
    if module is not None:
        from portalis.codegen.emit.names import Names
        try:
            names = Names(module)
        except Exception:  # noqa: BLE001 - partial IR may hold what the allocator never sees
            names = None
    errors = [d for d in diags if d.severity is Severity.ERROR]
    functions = []
    module_calls: list[tuple[str, Span]] = []
    runs = False
    for stmt in sm.tree.body:
        if isinstance(stmt, cst.FunctionDef):
            functions.append(_function_info(sm, stmt, by_name.get(stmt.name.value), names, errors))
        elif isinstance(stmt, cst.ClassDef):
            continue
        else:
            if _runs(stmt):
                runs = True
            module_calls += _calls(sm, stmt, by_name)
    return ModuleAnalysis(path, text, 0, diags, tuple(functions), runs, tuple(module_calls))


def _runs(stmt) -> bool:
    """Top-level code other than imports, constants, type aliases and docstrings."""
    import libcst as cst
    if isinstance(stmt, cst.SimpleStatementLine):
        for s in stmt.body:
            if isinstance(s, (cst.Import, cst.ImportFrom, cst.Pass)):
                continue
            if isinstance(s, (cst.Assign, cst.AnnAssign)) and not _has_call(s):
                continue
            if isinstance(s, cst.Expr) and isinstance(s.value, (cst.SimpleString, cst.ConcatenatedString)):
                continue
            return True
        return False
    return True  # if / for / while / try / with at module level


def _has_call(node) -> bool:
    import libcst as cst
    import libcst.matchers as m
    return bool(m.findall(node, m.Call())) if isinstance(node, cst.CSTNode) else False


def _calls(sm, node, by_name: dict) -> list[tuple[str, Span]]:
    import libcst as cst
    import libcst.matchers as m
    out = []
    for c in m.findall(node, m.Call(func=m.Name())):
        assert isinstance(c, cst.Call) and isinstance(c.func, cst.Name)
        out.append((c.func.value, sm.span(c.func)))
    return out


def _function_info(sm, node, fn: ir.Function | None, names, errors: list[Diagnostic]) -> FunctionInfo:
    span = sm.span(node)
    start = min([span.line] + [sm.span(d).line for d in node.decorators])
    span = Span(start, 0 if start < span.line else span.col, span.end_line, span.end_col)
    name = node.name.value
    blocking = tuple(d for d in errors if span.line <= d.span.line <= span.end_line)
    annotated = {p.name.value: p.annotation is not None for p in node.params.params}
    defaulted = {p.name.value: p.default is not None for p in node.params.params}
    param_spans = {p.name.value: sm.span(p.name) for p in node.params.params}
    params = []
    ir_params = dict(fn.params) if fn is not None else {}
    for p in node.params.params:
        pn = p.name.value
        t = ir_params.get(pn)
        src = "annotation" if annotated[pn] else "default" if defaulted[pn] else "call-site"
        params.append(_slot(pn, t, src, param_spans[pn]))
    ret_t = fn.ret if fn is not None else None
    returns = _slot("", ret_t, "annotation" if node.returns is not None else "dataflow",
                    sm.span(node.returns) if node.returns is not None else sm.span(node.name))
    local_spans = _first_assignments(sm, node)
    locals_ = tuple(_slot(n, t, "dataflow", local_spans.get(n, sm.span(node.name)))
                    for n, t in (fn.locals if fn is not None else ()) if not ir.is_made_up(n))
    translatable = fn is not None and not blocking and _known(ret_t) and all(_known(t) for t in ir_params.values())
    py_params = ", ".join(f"{s.name}: {s.python}" if s.python != "unknown" else s.name for s in params)
    py_sig = f"def {name}({py_params}) -> {returns.python}"
    rust_sig = None
    if translatable and names is not None:
        rname = names.rust(name)
        rparams = ", ".join(f"{names.rust(s.name)}: {s.rust}" for s in params)
        rret = "" if returns.rust == "()" else f" -> {returns.rust}"
        rust_sig = f"fn {rname}({rparams}){rret}"
    calls = _calls(sm, node.body, {})
    return FunctionInfo(name, span, sm.span(node.name), tuple(params), returns, locals_, py_sig, rust_sig,
                        translatable, blocking, _hash(sm.source_lines(node)), _doctests(sm, node), tuple(calls))


def _known(t) -> bool:
    return _py_text(t) != "unknown"


def _py_text(t) -> str:
    from portalis.analyzers.types import TVar, prune
    if t is None:
        return "unknown"
    if isinstance(t, TVar):
        t = prune(t)
        if isinstance(t, TVar):
            return "unknown"
    try:
        s = str(t)
    except Exception:  # noqa: BLE001
        return "unknown"
    return "unknown" if "TVar" in s or "?" in s else s


def _slot(name: str, t, source: str, span: Span) -> SlotInfo:
    py = _py_text(t)
    rust = None
    if py != "unknown":
        from portalis.codegen.emit import rust_type
        try:
            rust = rust_type(t).replace("rt::", "")
        except Exception:  # noqa: BLE001 - a type the emitter has no Rust for
            rust = None
    conf = 1.0 if py != "unknown" else 0.0
    return SlotInfo(name, py, rust, source, conf, span)


def _first_assignments(sm, node) -> dict[str, Span]:
    import libcst as cst
    import libcst.matchers as m

    out: dict[str, Span] = {}
    for a in m.findall(node.body, m.AssignTarget(target=m.Name()) | m.AnnAssign(target=m.Name())
                       | m.For(target=m.Name())):
        tgt = a.target
        if isinstance(tgt, cst.Name) and tgt.value not in out:
            out[tgt.value] = sm.span(tgt)
    return out


def _doctests(sm, node) -> tuple[Doctest, ...]:
    import libcst as cst
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    if not body or not isinstance(body[0], cst.SimpleStatementLine) or not body[0].body:
        return ()
    first = body[0].body[0]
    if not (isinstance(first, cst.Expr) and isinstance(first.value, cst.SimpleString)):
        return ()
    doc = first.value.evaluated_value
    if not isinstance(doc, str) or ">>>" not in doc:
        return ()
    base = sm.span(first.value).line
    out = []
    try:
        examples = doctest.DocTestParser().get_examples(doc)
    except ValueError:
        return ()
    for ex in examples:
        out.append(Doctest(ex.source.rstrip("\n"), ex.want, base + ex.lineno))
    return tuple(out)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


__all__ = ["Engine", "ModuleAnalysis", "FunctionInfo", "SlotInfo", "Doctest", "analyse"]
