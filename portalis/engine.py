"""The analysis engine: what the language server (and the CLI) ask about a module.

Pure core: no LSP imports, no printing, never raises on user input (an internal error becomes an
`internal-error` diagnostic and a logged traceback). Positions are `portalis.diagnostics.Span`s:
1-based lines, 0-based columns in code points; the server converts to LSP in one place.

    engine = Engine()
    engine.set_text(path, text)          # a new revision of that file
    a = engine.analysis(path)            # an immutable ModuleAnalysis of the current text
    a.diagnostics                        # exactly what `portalis translate` reports for the text
    a.functions                          # FunctionInfo per top-level function, method, nested function
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

import dataclasses
import doctest
import hashlib
import logging
import threading
import traceback
from dataclasses import dataclass, field

from portalis import ir
from portalis.analyzers.matching import is_subject_local
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
    parent: str = ""  # a nested function "outer.inner": "outer" (translated with it, not alone)


@dataclass(frozen=True)
class ModuleAnalysis:
    path: str
    text: str
    revision: int
    diagnostics: tuple[Diagnostic, ...]
    functions: tuple[FunctionInfo, ...]
    runs_as_program: bool  # top-level code runs (print(...), `if __name__ == "__main__":`, ...)
    module_calls: tuple[tuple[str, Span], ...] = ()  # calls made by the module body
    provisional: bool = False  # a quick re-analysis of one edited function; a full one follows

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
    """Files by path, each with its text and revision; full analyses cached by content, and the
    last full analysis of each file kept for quick re-analysis of an edited function."""

    def __init__(self, *, cache_size: int = 16) -> None:
        self._lock = threading.Lock()
        self._texts: dict[str, tuple[str, int]] = {}
        self._cache: dict[str, ModuleAnalysis] = {}
        self._order: list[str] = []
        self._cache_size = cache_size
        self._states: dict[str, _State] = {}
        self._by_rev: dict[str, ModuleAnalysis] = {}

    def set_text(self, path: str, text: str) -> int:
        with self._lock:
            rev = self._texts.get(path, ("", 0))[1] + 1
            self._texts[path] = (text, rev)
            return rev

    def remove(self, path: str) -> None:
        with self._lock:
            self._texts.pop(path, None)
            self._states.pop(path, None)

    def text(self, path: str) -> str | None:
        with self._lock:
            entry = self._texts.get(path)
            return entry[0] if entry else None

    def revision(self, path: str) -> int:
        with self._lock:
            return self._texts.get(path, ("", 0))[1]

    def _key(self, path: str, text: str) -> str:
        return hashlib.sha256(f"{path}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def cached(self, path: str) -> ModuleAnalysis | None:
        """The full analysis of the current text, if it was made already (no hashing when it
        was made for this very revision: hovers ask this on every request)."""
        with self._lock:
            text, rev = self._texts.get(path, ("", 0))
            by_rev = self._by_rev.get(path)
            if by_rev is not None and by_rev.revision == rev:
                return by_rev
            hit = self._cache.get(self._key(path, text))
            if hit is None:
                return None
            hit = dataclasses.replace(hit, revision=rev)
            self._by_rev[path] = hit
            return hit

    def analysis(self, path: str, *, give_up_when_stale: bool = False) -> ModuleAnalysis | None:
        """The full analysis of the current text (cached by content). `give_up_when_stale`: stop
        (and return None) as soon as the file has a newer text (a server drops such work)."""
        with self._lock:
            text, rev = self._texts.get(path, ("", 0))
        key = self._key(path, text)
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            from portalis.analyzers.lower import Superseded
            cancelled = (lambda: self.revision(path) != rev) if give_up_when_stale else None
            try:
                hit, state = _full(text, path, cancelled)
            except Superseded:
                return None
            except Exception as e:  # noqa: BLE001 - the last line of defence; the bug is logged
                log.error("internal error analysing %s:\n%s", path, traceback.format_exc())
                d = make("internal-error", f"Portalis internal error ({type(e).__name__}: {e}); please report it",
                         Span.point(1))
                hit, state = ModuleAnalysis(path, text, 0, (d,), (), False), None
            with self._lock:
                self._cache[key] = hit
                self._order.append(key)
                while len(self._order) > self._cache_size:
                    self._cache.pop(self._order.pop(0), None)
                cur = self._states.get(path)
                if state is not None and (cur is None or cur.revision <= rev):
                    state.revision = rev
                    self._states[path] = state
        hit = dataclasses.replace(hit, revision=rev)
        with self._lock:
            if self._texts.get(path, ("", 0))[1] == rev:
                self._by_rev[path] = hit
        return hit

    def quick(self, path: str) -> ModuleAnalysis | None:
        """A provisional analysis of the current text when it differs from the last full one
        only inside one function's body (`quick_reanalysis`), the full one when it is cached,
        else None. Cheap: one function re-parsed and re-lowered."""
        hit = self.cached(path)
        if hit is not None:
            return hit
        with self._lock:
            text, rev = self._texts.get(path, ("", 0))
            state = self._states.get(path)
        if state is None:
            return None
        try:
            a = quick_reanalysis(state, text, path)
        except Exception:  # noqa: BLE001 - an optimisation must never be the reason for an error
            log.error("quick re-analysis of %s failed:\n%s", path, traceback.format_exc())
            return None
        if a is None:
            return None
        with self._lock:  # the next edit starts from this one (unless a newer full state arrived)
            nxt = state.next
            if nxt is not None and self._states.get(path) is state:
                nxt.revision = rev
                self._states[path] = nxt
        return dataclasses.replace(a, revision=rev)


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
    return _full(text, path)[0]


def _full(text: str, path: str, cancelled=None) -> "tuple[ModuleAnalysis, _State | None]":
    """One parse and one (partial) lowering: every function's IR and types, and exactly the
    diagnostics `portalis translate` reports (its emission too, when nothing is refused)."""
    import libcst as cst

    from portalis.analyzers.ingest import parse_module
    from portalis.analyzers.lower import Superseded, lower_for_analysis
    from portalis.diagnostics import has_errors

    def check_current() -> None:
        if cancelled is not None and cancelled():
            raise Superseded()

    sm, parse_diags = parse_module(text, path, cancelled)
    if sm.tree is None or has_errors(parse_diags):
        return ModuleAnalysis(path, text, 0, tuple(parse_diags), (), False), None
    module, lower_diags, ml = lower_for_analysis(sm, cancelled)
    diags = sorted(dict.fromkeys(parse_diags + lower_diags), key=lambda d: (d.span, d.code))
    if module is not None and not has_errors(diags):
        from portalis.codegen.emit import EmitError, emit_crate
        check_current()  # the emission of a large module takes a while: not for an old text
        try:
            emit_crate(module)
        except EmitError as e:  # what translate_source reports for it
            diags.append(make("unsupported-syntax", str(e), e.span or Span(1, 0, 1, 0)))
    by_name = {f.name: f for f in module.functions} if module is not None else {}
    names = _names(module)
    # what blocks a function: every error in it, also those a full lowering stops before
    # reporting (the checks on the finished IR, when another function has an error)
    every = list(diags) + list(getattr(ml, "post_diags", [])) if ml is not None else list(diags)
    errors = sorted(dict.fromkeys(d for d in every if d.severity is Severity.ERROR), key=lambda d: (d.span, d.code))
    functions = []
    module_calls: list[tuple[str, Span]] = []
    runs = False
    check_current()
    methods = []
    for stmt in sm.tree.body:
        if isinstance(stmt, cst.FunctionDef):
            functions.append(_function_info(sm, stmt, by_name.get(stmt.name.value), names, errors))
            functions += _nested_infos(sm, stmt, by_name, names, errors)
        elif isinstance(stmt, cst.ClassDef):
            methods.append(stmt)
        elif _runs(stmt):
            runs = True
    # the methods of user classes, and of class statements refused as one (not an exception class,
    # whose `__init__` is an ir.ExcClass's, nor an enum)
    user = {c.name for c in module.classes} if module is not None else set()
    other = {e.name for e in (*module.exceptions, *module.enums)} if module is not None else set()
    methods = [c for c in methods if c.name.value in user or (c.name.value not in other and isinstance(
        c.body, cst.IndentedBlock) and any(isinstance(s, cst.FunctionDef) for s in c.body.body))]
    if methods:
        functions += _method_infos(sm, methods, module, by_name, names, errors)
        functions.sort(key=lambda f: f.span.line)  # in source order
    if module is not None:
        module_calls = _ir_calls(module.main)
    a = ModuleAnalysis(path, text, 0, tuple(diags), tuple(functions), runs, tuple(module_calls))
    state = None
    # the quick re-analysis does not know classes (their methods, the checks on the finished IR
    # that involve them): a module with a user class always gets the full analysis
    if ml is not None and not methods and not user and not any(d.code == "unsupported-syntax" and d.span == Span(1, 0, 1, 0) for d in diags):
        state = _State(text, a, sm, ml, names, list(parse_diags), list(getattr(ml, "stage1_diags", [])),
                       list(getattr(ml, "post_diags", [])))
    return a, state


def _nests_defs(fn) -> bool:
    """Whether a function's body has a `def` among its own statements."""
    import libcst as cst
    return isinstance(fn.body, cst.IndentedBlock) and any(isinstance(s, cst.FunctionDef) for s in fn.body.body)


def _names(module):
    """The crate's Rust names: `rust(name)` of a Python name, `fns` (Python function or method
    "K.m" -> its Rust fn) and `objs` (class -> its hierarchy's Rust type) when the module has
    classes (those come from the emitter's own allocation, codegen/emit/module.py)."""
    if module is None:
        return None
    try:
        if not module.classes and not any(f.nested_in for f in module.functions):
            from portalis.codegen.emit.names import Names
            return _RustNames(Names(module), None, {})
        from portalis.codegen.emit.module import _ModEmitter
        em = _ModEmitter(module)
        return _RustNames(em.names, dict(em.fn_names), {c.name: em.classes.struct[c.root] for c in module.classes})
    except Exception:  # noqa: BLE001 - partial IR may hold what the allocator never sees
        return None


@dataclass
class _RustNames:
    names: object  # codegen.emit.names.Names
    fns: "dict[str, str] | None"
    objs: dict

    def rust(self, name: str) -> str:
        return self.names.rust(name)

    def fn(self, name: str) -> str:
        return self.fns[name] if self.fns is not None and name in self.fns else self.names.rust(name)


@dataclass
class _State:
    """The last full analysis of a file, kept to re-analyse one edited function quickly."""
    text: str
    analysis: ModuleAnalysis
    sm: object
    ml: object
    names: object
    parse_warnings: list = field(default_factory=list)
    ml_stage1: list = field(default_factory=list)
    ml_post: list = field(default_factory=list)
    revision: int = 0  # of the text (states only ever move forward)
    next: "_State | None" = None  # set by a quick re-analysis: the state of the edited text


class _ShiftedSource:
    """`SourceModule.span` for a module whose one function was re-parsed: the new function's
    nodes at their new place, the others' moved by the lines the edit added or removed."""

    def __init__(self, old, unit_positions, unit_offset: int, after_line: int, delta: int,
                 tree=None, text: str | None = None, unit_lines: list[str] | None = None):
        self.old = old
        self.unit_positions = unit_positions
        self.unit_offset = unit_offset
        self.after_line = after_line
        self.delta = delta
        self.path = old.path
        self.text = text if text is not None else old.text
        self.tree = tree if tree is not None else old.tree
        self.unit_lines = unit_lines or []

    def span(self, node) -> Span:
        r = self.unit_positions.get(node)
        if r is not None:
            o = self.unit_offset
            return Span(r.start.line + o, r.start.column, r.end.line + o, r.end.column)
        return _shift_span(self.old.span(node), self.after_line, self.delta)

    def source_lines(self, node) -> str:
        r = self.unit_positions.get(node)
        if r is not None:
            return "".join(line + "\n" for line in self.unit_lines[r.start.line - 1:r.end.line])
        return self.old.source_lines(node)


# errors that can mean a function's signature (its return or parameter types) changed
_TYPE_CODES = {"type-mismatch", "int-float-mix", "cannot-infer-type"}


def _type_errors(diags, start: int, end: int | None = None) -> list:
    """A function's type errors, positions relative to its first line (to compare before/after)."""
    return sorted((d.code, d.message, d.span.line - start, d.span.col) for d in diags
                  if d.code in _TYPE_CODES and d.span.line >= start and (end is None or d.span.line <= end))


def _shift_span(sp: Span, after_line: int, delta: int) -> Span:
    if sp.line > after_line and sp.line != 0:
        return Span(sp.line + delta, sp.col, sp.end_line + delta, sp.end_col)
    return sp


def _shift_diag(d: Diagnostic, after_line: int, delta: int) -> Diagnostic:
    return Diagnostic(d.code, d.message, _shift_span(d.span, after_line, delta), d.severity)


def _shift_function(f: FunctionInfo, after_line: int, delta: int) -> FunctionInfo:
    if delta == 0 or f.span.line <= after_line:
        return f
    s = lambda sp: _shift_span(sp, after_line, delta)  # noqa: E731
    slot = lambda x: SlotInfo(x.name, x.python, x.rust, x.source, x.confidence, s(x.span))  # noqa: E731
    return FunctionInfo(f.name, s(f.span), s(f.name_span), tuple(slot(p) for p in f.params), slot(f.returns),
                        tuple(slot(x) for x in f.locals), f.python_signature, f.rust_signature, f.translatable,
                        tuple(_shift_diag(d, after_line, delta) for d in f.blocking), f.source_hash,
                        tuple(Doctest(d.source, d.want, d.line + delta) for d in f.doctests),
                        tuple((c, s(sp)) for c, sp in f.calls))


def quick_reanalysis(state: "_State", text: str, path: str) -> ModuleAnalysis | None:
    """The analysis of `text`, where it differs from `state.text` only inside one function's
    body: that function lowered again in the types of the last full analysis, everything else
    reused (moved by the lines the edit added or removed). None when the edit is not of that
    kind (a signature, module-level code, several functions, a syntax error): then only a full
    analysis will do. The result is provisional: a full analysis follows and replaces it."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    old_lines = state.text.split("\n")
    new_lines = text.split("\n")
    n = min(len(old_lines), len(new_lines))
    pre = 0
    while pre < n and old_lines[pre] == new_lines[pre]:
        pre += 1
    if pre == len(old_lines) == len(new_lines):
        return state.analysis
    suf = 0
    while suf < n - pre and old_lines[-1 - suf] == new_lines[-1 - suf]:
        suf += 1
    first, last_old = pre + 1, len(old_lines) - suf  # 1-based changed lines of the old text
    delta = len(new_lines) - len(old_lines)
    sm = state.sm
    old = next((f for f in state.analysis.functions if f.span.line <= first and last_old <= f.span.end_line), None)
    if old is None:
        return None
    node = next((s for s in sm.tree.body if isinstance(s, cst.FunctionDef) and s.name.value == old.name), None)
    if node is None or not isinstance(node.body, cst.IndentedBlock) or not node.body.body:
        return None
    body_line = sm.span(node.body.body[0]).line
    if first < body_line:  # the def line (its parameters, decorators) changed
        return None
    start, end_new = old.span.line, old.span.end_line + delta
    unit = "\n".join(new_lines[start - 1:end_new]) + "\n"
    from portalis.analyzers.ingest import _cpython_check, _normalise
    errors, warned = _cpython_check(unit, path)
    if errors:
        return None  # mid-typing syntax errors: the full analysis reports CPython's first one
    try:
        mod = cst.parse_module(unit)
    except Exception:  # noqa: BLE001
        return None
    if len(mod.body) != 1 or not isinstance(mod.body[0], cst.FunctionDef) or mod.body[0].name.value != old.name:
        return None
    new_node = mod.body[0]
    if cst.Module([]).code_for_node(new_node.params) != cst.Module([]).code_for_node(node.params):
        return None
    if _nests_defs(node) or _nests_defs(new_node):
        return None  # its nested functions are functions of their own (analyzers.nested): the full analysis
    from portalis.analyzers.lower import _names_read
    inferred = {v for v, nt in state.ml.info.named_state.classes.items() if nt.inferred}
    if inferred & (_names_read(node) | _names_read(new_node)):
        return None  # a `collections.namedtuple` built or used here: its field types come from the whole module
    positions = dict(MetadataWrapper(mod, unsafe_skip_copy=True).resolve(PositionProvider))
    mod, positions = _normalise(mod, positions, unit)
    new_node = mod.body[0]
    warned = [Diagnostic(d.code, d.message, Span(d.span.line + start - 1, d.span.col, d.span.end_line + start - 1,
                                                 d.span.end_col), d.severity) for d in warned]
    ml = state.ml
    sig = ml.info.funcs.get(old.name)
    if sig is None or getattr(ml, "numeric_coupled", False):  # int-for-float verdicts span the module
        return None
    tree = sm.tree.with_changes(body=[new_node if s is node else s for s in sm.tree.body])
    shim = _ShiftedSource(sm, positions, start - 1, old.span.end_line, delta, tree, text, unit.split("\n"))
    from dataclasses import replace as dc_replace

    from portalis.analyzers.flow import check_definite_assignment
    from portalis.analyzers.lower import Ctx
    from portalis.analyzers.types import TVar
    # the return type is inferred afresh from the new body (a fresh type variable) when it is not
    # annotated: if it comes out different, callers would see another signature -> no quick answer
    new_sig = dc_replace(sig, node=new_node, ret=sig.ret if new_node.returns is not None else TVar(f"return of {old.name}"))
    saved_sm, saved_info_sm, saved_sig = ml.sm, ml.info.sm, ml.info.funcs[old.name]
    saved_scope = ml.scopes.pop(old.name, None)
    saved_locals = ml.info.locals.get(old.name)
    ok = False
    try:
        ml.sm = ml.info.sm = shim
        ml.info.funcs[old.name] = new_sig
        ml.info.locals[old.name] = {}
        from portalis.analyzers.lower import (PASSES, _function_values, _ground_partial, _iterator_text, _set_text,
                                              _unhashable_keys, finalize)
        for k in range(PASSES):  # as the full lowering does: types learnt in one pass feed the next
            ctx = Ctx(final=(k == PASSES - 1))
            fn, fl = ml.lower_function(ctx, new_sig)
        stage1 = list(ctx.diags) + [d for d in ml.report_unresolved([fl]) if start <= d.span.line <= end_new]
        fn = finalize(fn, _ground_partial)
        if any(isinstance(n, ir.Coerce) and n.widen for n in ir.walk(fn.body)):
            return None  # an int where a float is annotated: analyzers.numeric checks the whole module
        shell = ir.Module("m", path, (fn,), (), (), ir.Function("<module>", (), ir.NONE, (), (), Span(0, 0, 0, 0), ""))
        # the full analysis's checks of the finished IR that look at one function at a time
        # (analyzers.lower: its `post`); the module-wide ones are the full analysis's
        checks = (check_definite_assignment(shell) + _unhashable_keys(shell) + _set_text(shell)
                  + _iterator_text(shell) + _function_values(shell))
        post = [d for d in checks if start <= d.span.line <= end_new]
        errs = sorted(dict.fromkeys(d for d in stage1 + post if d.severity is Severity.ERROR), key=lambda d: (d.span, d.code))
        if _type_errors(stage1, start) != _type_errors(state.ml_stage1, old.span.line, old.span.end_line):
            return None  # a new type conflict may be the signature changing: only the full analysis can tell
        info = _function_info(shim, new_node, fn, state.names, errs,
                              span_override=Span(start, 0, end_new, len(new_lines[end_new - 1]) if end_new - 1 < len(new_lines) else 0))
        if info.returns.python != old.returns.python or [s.python for s in info.params] != [s.python for s in old.params]:
            return None  # the signature callers see changed: the functions that depend on it must be redone
        # the lowering keeps the function's new signature (its return type variable bound as before,
        # annotated or not) for the next quick edit
        new_sig = dc_replace(new_sig, ret=sig.ret)
        ml.info.funcs[old.name] = new_sig
        ok = True
    except Exception:  # noqa: BLE001 - the quick path is an optimisation: on any doubt, none
        log.debug("quick re-analysis gave up:\n%s", traceback.format_exc())
        return None
    finally:
        if not ok:  # leave the last state as it was
            ml.sm, ml.info.sm = saved_sm, saved_info_sm
            ml.info.funcs[old.name] = saved_sig
            if saved_scope is not None:
                ml.scopes[old.name] = saved_scope
            if saved_locals is not None:
                ml.info.locals[old.name] = saved_locals

    def outside(ds):
        return [_shift_diag(d, old.span.end_line, delta) for d in ds if not (old.span.line <= d.span.line <= old.span.end_line)]
    # what `portalis translate` reports: the checks on the finished IR only when nothing before
    # them is an error (analyzers.lower: stage1 / post)
    s1 = outside(state.ml_stage1) + stage1 + outside(state.parse_warnings) + warned
    if any(d.severity is Severity.ERROR for d in s1):
        reported = s1
    else:
        reported = s1 + outside(state.ml_post) + post
    diags = sorted(dict.fromkeys(reported), key=lambda d: (d.span, d.code))
    functions = tuple(info if f.name == old.name else _shift_function(f, old.span.end_line, delta)
                      for f in state.analysis.functions)
    calls = tuple((c, _shift_span(sp, old.span.end_line, delta)) for c, sp in state.analysis.module_calls)
    a = ModuleAnalysis(path, text, 0, tuple(diags), functions, state.analysis.runs_as_program, calls,
                       provisional=True)
    # the state the next quick edit starts from: this text, the shim as its source (ml now
    # lowers against it), the diagnostics of this function replaced
    state.next = _State(text, a, shim, ml, state.names, outside(state.parse_warnings) + warned,
                        outside(state.ml_stage1) + stage1, outside(state.ml_post) + post, state.revision)
    return a


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
    """Whether the tree holds a call (a plain walk: importing libcst.matchers costs ~0.4 s, paid by
    the first hover of a session)."""
    import libcst as cst
    if not isinstance(node, cst.CSTNode):
        return False
    todo = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, cst.Call):
            return True
        todo.extend(n.children)
    return False


def _ir_calls(fn: ir.Function) -> list[tuple[str, Span]]:
    """(callee, span of the callee's name) of the user-function calls in a function's IR."""
    out = []
    scope = fn.nested_in or fn.name  # the nested functions it can call: "scope.name"
    for n in ir.walk(fn.body):
        # a method call's span starts at its receiver, not at a name: not listed (no name to hover)
        if isinstance(n, ir.Call) and n.span.line and ("." not in n.func or n.func.rsplit(".", 1)[0] == scope):
            shown = n.func.rsplit(".", 1)[-1]  # a nested function "outer.inner" is called as `inner`
            out.append((n.func, Span(n.span.line, n.span.col, n.span.line, n.span.col + len(shown))))
    return out


def _nested_infos(sm, fn_node, by_name, names, errors: list[Diagnostic]) -> list[FunctionInfo]:
    """A FunctionInfo "outer.inner" for each function lifted out of `outer` (analyzers/nested.py):
    its own parameters (the variables of `outer` it reads are in its Rust signature), translated
    with `outer`, never alone."""
    import libcst as cst
    if not isinstance(fn_node.body, cst.IndentedBlock):
        return []
    outer = fn_node.name.value
    return [_function_info(sm, s, by_name[q], names, errors, qualname=q, parent=outer)
            for s in fn_node.body.body if isinstance(s, cst.FunctionDef)
            and (q := f"{outer}.{s.name.value}") in by_name and by_name[q].nested_in == outer]


def _method_infos(sm, classes, module, by_name, names, errors: list[Diagnostic]) -> list[FunctionInfo]:
    """A FunctionInfo "K.m" for each method written in a top-level class statement. A class is
    translated whole with its hierarchy (portalis.slicing), so the errors anywhere in the class
    statements of its hierarchy block each of its methods (its own errors first)."""
    import libcst as cst
    spans = {c.name.value: sm.span(c) for c in classes}
    roots = {c.name: c.root for c in module.classes} if module is not None else {}
    out = []
    for c in classes:
        k = c.name.value
        hier = [spans[n] for n in spans if n == k or (k in roots and roots.get(n) == roots[k])]
        near = [d for d in errors if any(h.line <= d.span.line <= h.end_line for h in hier)]
        body = c.body.body if isinstance(c.body, cst.IndentedBlock) else ()
        for node in body:
            if isinstance(node, cst.FunctionDef):
                q = f"{k}.{node.name.value}"
                static = any(isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
                             for d in node.decorators)
                out.append(_function_info(sm, node, by_name.get(q), names, errors, qualname=q,
                                          receiver=not static and bool(node.params.params), related=near))
    return out


def _function_info(sm, node, fn: ir.Function | None, names, errors: list[Diagnostic],
                   span_override: Span | None = None, *, qualname: str | None = None, receiver: bool = False,
                   related: list[Diagnostic] = (), parent: str = "") -> FunctionInfo:
    """`qualname`: a method's "K.m" (a nested function's "outer.inner", with `parent` "outer");
    `receiver`: its first parameter (self, cls) is not listed; `related`: errors elsewhere that
    block it too (its class hierarchy's)."""
    span = span_override or sm.span(node)
    start = min([span.line] + [sm.span(d).line for d in node.decorators])
    span = Span(start, 0 if start < span.line else span.col, span.end_line, span.end_col)
    name = qualname or node.name.value
    blocking = tuple(d for d in errors if span.line <= d.span.line <= span.end_line)
    blocking += tuple(d for d in related if d not in blocking)
    if names is not None and names.objs:
        from portalis.codegen.emit.classes import set_obj_names
        set_obj_names(names.objs)  # the Rust types of classes (thread-local, as the emitter has it)
    cst_params = list(node.params.params)[1 if receiver else 0:]
    annotated = {p.name.value: p.annotation is not None for p in cst_params}
    defaulted = {p.name.value: p.default is not None for p in cst_params}
    param_spans = {p.name.value: sm.span(p.name) for p in cst_params}
    params = []
    ir_params = dict(fn.params) if fn is not None else {}
    all_ir_params = dict(ir_params)
    if receiver:
        ir_params.pop(node.params.params[0].name.value, None)
    for p in cst_params:
        pn = p.name.value
        t = ir_params.get(pn)
        src = "annotation" if annotated[pn] else "default" if defaulted[pn] else "call-site"
        params.append(_slot(pn, t, src, param_spans[pn]))
    ret_t = fn.ret if fn is not None else None
    returns = _slot("", ret_t, "annotation" if node.returns is not None else "dataflow",
                    sm.span(node.returns) if node.returns is not None else sm.span(node.name))
    each = None  # a generator: its items' Rust type (the wrapper takes the loop body as `each`)
    if fn is not None and fn.generator and isinstance(ret_t, ir.IterT):
        item = _slot("", ret_t.elem, returns.source, returns.span)
        known = item.python != "unknown"
        returns = dataclasses.replace(returns, python=f"Iterator[{item.python}]" if known else "unknown",
                                      rust="()" if item.rust is not None else None)
        each = item.rust
    local_spans = _first_assignments(fn)
    locals_ = tuple(_slot(n, t, "dataflow", local_spans.get(n, sm.span(node.name)))
                    for n, t in (fn.locals if fn is not None else ())
                    if not ir.is_made_up(n) and not is_subject_local(n))
    translatable = fn is not None and not blocking and _known(ret_t) and all(_known(t) for t in all_ir_params.values())
    py_params = ", ".join(([node.params.params[0].name.value] if receiver else [])
                          + [f"{s.name}: {s.python}" if s.python != "unknown" else s.name for s in params])
    py_sig = f"def {name}({py_params}) -> {returns.python}"
    rust_sig = None
    if translatable and names is not None:
        rname = names.fn(name)
        # as the translated function's public wrapper has it (codegen/emit/library.py): a str
        # parameter takes anything that converts (String, &str, pyrt::Str), a str result is a String
        # (a method's receiver is its first parameter there)
        rslots = [_slot(n, t, "", Span(0, 0, 0, 0)) for n, t in fn.params] if receiver or parent else params
        # a nested function has no public wrapper: its own fn, with the parent's variables it reads
        into = not parent
        rparams = ", ".join(f"{names.rust(s.name)}: {'impl Into<pyrt::Str>' if into and s.python == 'str' else s.rust}"
                            for s in rslots)
        if each is not None:
            rparams += f"{', ' if rparams else ''}each: impl FnMut({each}) -> bool"
        rret = "" if returns.rust == "()" else f" -> {'String' if into and returns.python == 'str' else returns.rust}"
        if returns.rust is not None and all(s.rust is not None for s in rslots):
            rust_sig = f"fn {rname}({rparams}){rret}"
    calls = _ir_calls(fn) if fn is not None else []
    # a method's doctests are not listed: the verification runs a function's doctests at module level
    return FunctionInfo(name, span, sm.span(node.name), tuple(params), returns, locals_, py_sig, rust_sig,
                        translatable, blocking, _hash(sm.source_lines(node)),
                        () if qualname else _doctests(sm, node), tuple(calls), parent)


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


def _first_assignments(fn: ir.Function | None) -> dict[str, Span]:
    out: dict[str, Span] = {}
    if fn is None:
        return out
    for n in ir.walk(fn.body):
        if isinstance(n, ir.NameTarget) and n.name not in out and n.span.line:
            out[n.name] = Span(n.span.line, n.span.col, n.span.line, n.span.col + len(n.name))
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
