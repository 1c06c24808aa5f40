"""Ingest: Python text -> `SourceModule` (libcst tree, node spans, syntax diagnostics).

Owns parsing and the mapping from CST nodes to `Span`s, and splits the module into
top-level units (functions, classes, other statements) each with a content hash, so that
later passes (and the language server) can cache per-function results. It must not infer
types or decide what is translatable.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from portalis.diagnostics import Diagnostic, Severity, Span, make


@dataclass(frozen=True)
class Unit:
    """One top-level statement of the module: a function, a class, or anything else."""

    kind: str  # "function" | "class" | "statement"
    name: str | None
    node: cst.CSTNode
    span: Span
    source_hash: str


@dataclass
class SourceModule:
    path: str
    text: str
    tree: cst.Module | None
    positions: dict[cst.CSTNode, CodeRange]
    units: list[Unit]
    _spans: dict[cst.CSTNode, Span] = field(default_factory=dict, repr=False, compare=False)

    def span(self, node: cst.CSTNode) -> Span:
        s = self._spans.get(node)
        if s is None:
            r = self.positions.get(node)
            s = _NO_SPAN if r is None else Span(r.start.line, r.start.column, r.end.line, r.end.column)
            self._spans[node] = s  # spans are immutable: one per node (lowering asks ~1.5 times per node and pass)
        return s

    def text_at(self, span: Span) -> str | None:
        """The source text of a span (None for a node without a position)."""
        if span == _NO_SPAN:
            return None
        lines = _split_lines(self.text)
        if span.line == span.end_line:
            return lines[span.line - 1][span.col:span.end_col]
        return (lines[span.line - 1][span.col:] + "".join(lines[span.line:span.end_line - 1])
                + lines[span.end_line - 1][:span.end_col])

    def source_lines(self, node: cst.CSTNode) -> str:
        """The whole source lines the node spans (a superset of its code), for content hashes:
        ~100x cheaper than libcst's ``code_for_node``, which re-generates the code."""
        r = self.positions.get(node)
        if r is None:
            return cst.Module([]).code_for_node(node)
        lines = _split_lines(self.text)
        return "".join(lines[r.start.line - 1:r.end.line])


_NO_SPAN = Span(0, 0, 0, 0)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@functools.lru_cache(maxsize=8)
def _split_lines(text: str) -> list[str]:
    """Lines as Python's tokenizer (and libcst's positions) count them: \\n, \\r\\n or \\r."""
    return _LINE.findall(text)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_module(text: str, path: str = "prog.py", cancelled=None) -> tuple[SourceModule, list[Diagnostic]]:
    """Parse `text`; a syntax error is a diagnostic, never an exception."""
    empty = SourceModule(path, text, None, {}, [])
    # CPython's own compiler first: its errors (also those found after parsing, such as a
    # starred expression where none may be) and positions are the ones users know, and its
    # SyntaxWarnings become warnings with a line instead of text on stderr.
    errors, warned = _cpython_check(text, path)
    if errors:
        return empty, errors
    lone = _lone_backslashes(text)
    if lone:
        return empty, [make("unsupported-syntax", "a line continuation (`\\`) on a line with nothing before it: "
                            "Portalis' parser (libcst) would read the next line into the block above "
                            "(CPython does not); remove the backslash or join the lines", Span.point(n, col))
                       for n, col in lone]
    parsed = _parse_by_units(text, cancelled)  # top-level statements parsed one by one, cached by text
    if parsed is not None:
        tree, positions = parsed
    else:
        try:
            tree = cst.parse_module(text)
        except cst.ParserSyntaxError as e:
            return empty, [make("syntax-error", f"invalid syntax: {e.message}", Span.point(e.raw_line, e.raw_column))]
        except RecursionError:
            return empty, [make("syntax-error", "the file is nested too deeply to parse", Span.point(1))]
        except Exception as e:  # noqa: BLE001 - libcst refusing what CPython accepts: a limit, not a crash
            return empty, [make("unsupported-syntax", f"Portalis' parser (libcst) cannot read this file: {e}",
                                Span.point(1))]
        positions = _positions(tree)
        tree, positions = _normalise(tree, positions, text)
    sm = SourceModule(path, text, tree, positions, [])
    for stmt in tree.body:
        code = sm.source_lines(stmt)
        if isinstance(stmt, cst.FunctionDef):
            unit = Unit("function", stmt.name.value, stmt, sm.span(stmt), content_hash(code))
        elif isinstance(stmt, cst.ClassDef):
            unit = Unit("class", stmt.name.value, stmt, sm.span(stmt), content_hash(code))
        else:
            unit = Unit("statement", None, stmt, sm.span(stmt), content_hash(code))
        sm.units.append(unit)
    return sm, warned


# `warnings.catch_warnings` swaps process-wide state: one compile at a time (a server analyses
# from several threads)
_COMPILE_LOCK = threading.Lock()


def _cpython_check(text: str, path: str) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """CPython's verdict on the text: (errors, warnings). `compile` (not only the parser) so
    that every SyntaxError `python prog.py` would report is found."""
    with _COMPILE_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(text, path, "exec", dont_inherit=True)
        except SyntaxError as e:
            return [make("syntax-error", e.msg, Span.point(e.lineno or 1, max((e.offset or 1) - 1, 0)))], []
        except (ValueError, RecursionError, MemoryError) as e:
            return [make("syntax-error", str(e) or type(e).__name__, Span.point(1))], []
    out = []
    for w in caught:
        if issubclass(w.category, (SyntaxWarning, DeprecationWarning)):
            msg = f"{w.category.__name__}: {w.message}"
            out.append(make("python-syntax-warning", msg, Span.point(w.lineno or 1), Severity.WARNING))
    return [], out


class _Normalise(cst.CSTTransformer):
    """Rewrites the tree into the one form later passes read, and remembers which original node
    each rebuilt node stands for, so positions stay those of the source:

    * every identifier NFKC-normalised (PEP 3131: CPython's parser does, so `µ` (U+00B5) and
      `μ` (U+03BC), `ﬁle` and `file`, full-width and plain letters are one name);
    * a body on the line of its header (`def f(): return 1`, `if x: y = 1; z = 2`, a
      `SimpleStatementSuite`) as the indented block it means;
    * statements joined by `;` on one line as one line each (every later pass reads a
      statement line as one statement)."""

    def __init__(self, nfkc: bool) -> None:
        super().__init__()
        self.nfkc = nfkc
        self.origin: dict[cst.CSTNode, cst.CSTNode] = {}

    def on_leave(self, original_node, updated_node):  # type: ignore[override]
        if self.nfkc and isinstance(updated_node, cst.Name):
            norm = unicodedata.normalize("NFKC", updated_node.value)
            if norm != updated_node.value:
                updated_node = updated_node.with_changes(value=norm)
        if isinstance(updated_node, cst.SimpleStatementSuite):
            updated_node = cst.IndentedBlock(body=self._lines(updated_node.body, original_node))
        elif isinstance(updated_node, (cst.IndentedBlock, cst.Module)) and any(
                isinstance(s, cst.SimpleStatementLine) and len(s.body) > 1 for s in updated_node.body):
            body: list = []
            for s in updated_node.body:
                if isinstance(s, cst.SimpleStatementLine) and len(s.body) > 1:
                    body += self._lines(s.body, None)
                else:
                    body.append(s)
            updated_node = updated_node.with_changes(body=body)
        if updated_node is not original_node:
            self.origin[updated_node] = original_node
        return updated_node

    def _lines(self, smalls, suite) -> list:
        """One statement line per small statement (at the small statement's place; one alone
        in a one-line body stands at the body's place)."""
        out = []
        for small in smalls:
            line = cst.SimpleStatementLine(body=[small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)])
            self.origin[line.body[0]] = self.origin.get(small, small)
            self.origin[line] = suite if suite is not None and len(smalls) == 1 else self.origin.get(small, small)
            out.append(line)
        return out


def _normalise(tree: cst.Module, positions: dict, text: str) -> tuple[cst.Module, dict]:
    """The tree after `_Normalise`, and positions keyed by its nodes. Only non-ASCII text can
    change names (NFKC leaves ASCII as it is), and only a tree with a one-line body changes
    shape: otherwise the tree is returned as it is, at no cost."""
    nfkc = not text.isascii()
    if not nfkc and not any(type(n) is cst.SimpleStatementSuite or type(n) is cst.SimpleStatementLine
                            and len(n.body) > 1 for n in positions):  # (isinstance: ~0.25 µs a node)
        return tree, positions
    t = _Normalise(nfkc)
    new_tree = tree.visit(t)
    if not t.origin:
        return tree, positions
    out = dict(positions)
    for new, old in t.origin.items():
        r = positions.get(old)
        if r is not None:
            out[new] = r
    return new_tree, out


# --------------------------------------------------------------------------- parsing unit by unit
#
# A module's top-level statements are parsed one by one (each is valid on its own), and each
# unit's tree and positions are cached by its text: after an edit, only the units whose text
# changed are parsed again, and a large module is parsed in short steps (libcst's parser holds
# the GIL while it runs: one long parse would stall the server's other threads). Unit boundaries
# come from a scan of the text with strings and comments masked (it only runs on text that
# CPython compiled): a line at column 0, outside brackets and continuations, that is not an
# `else`/`elif`/`except`/`finally` of the statement before and does not follow a decorator.

_STR_OR_COMMENT = re.compile(
    r"""(?:[rRbBuUfF]{0,2})(?:\'\'\'(?:\\.|[^\\])*?\'\'\'|\"\"\"(?:\\.|[^\\])*?\"\"\"|'(?:\\.|[^'\\\r\n])*'|"(?:\\.|[^"\\\r\n])*")"""
    r"""|\#[^\r\n]*""", re.S)
_CONTINUES = ("else", "elif", "except", "finally")
_UNIT_CACHE: "dict[str, tuple[cst.Module, dict]]" = {}
_UNIT_CACHE_MAX = 4096
_UNIT_LOCK = threading.Lock()


def _lone_backslashes(text: str) -> list[tuple[int, int]]:
    """(1-based line, 0-based column) of each backslash that continues a line holding nothing
    else (outside strings).  CPython takes the logical line's indentation from that line; libcst
    (1.x) does not: a line `\\` at column 0 after a function's body, then `print(1)`, put the
    `print` into the function (the program silently printed less).  Such lines are refused
    (parse_module)."""
    if "\\" not in text:
        return []
    masked, _ = _mask(text)
    lines = [line.rstrip("\r\n") for line in _split_lines(masked)]
    return [(i + 1, len(line) - 1) for i, line in enumerate(lines) if re.fullmatch(r"[ \t\f]*\\", line)]


def _mask(text: str) -> tuple[str, set[int]]:
    """The text with strings filled with "x" and comments with spaces (line breaks kept), and
    the 0-based lines that begin inside a (multi-line) string."""
    import bisect
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    inside: set[int] = set()

    def blank(m: re.Match) -> str:  # a string keeps its place ("x"s), a comment disappears
        s = m.group(0)
        if s.startswith("#"):
            return " " * len(s)
        if "\n" in s or "\r" in s:
            first = bisect.bisect_right(line_starts, m.start()) - 1
            last = bisect.bisect_right(line_starts, m.end() - 1) - 1
            inside.update(range(first + 1, last + 1))
        return "".join(c if c in "\r\n" else "x" for c in s)
    return _STR_OR_COMMENT.sub(blank, text), inside


def unit_starts(text: str) -> list[int]:
    """0-based indices of the lines where top-level statements start (text that compiles)."""
    masked_text, in_string = _mask(text)
    masked = _split_lines(masked_text)
    starts: list[int] = []
    depth = 0
    continued = False
    after_decorator = False
    for i, line in enumerate(masked):
        body = line.rstrip("\r\n")
        if depth == 0 and not continued and body and body[0] not in " \t#\\" and i not in in_string:
            word = re.match(r"[A-Za-z_]+", body)
            if not (word and word.group(0) in _CONTINUES) and not after_decorator:
                starts.append(i)
            after_decorator = body.startswith("@")
        depth += sum(body.count(c) for c in "([{") - sum(body.count(c) for c in ")]}")
        continued = body.endswith("\\")
    return starts


def _positions(mod: cst.Module) -> dict:
    """Every node's CodeRange (libcst's PositionProvider), computed by the provider itself:
    `MetadataWrapper.resolve` also runs a batched visitor over the whole tree after it, with no
    batchable provider to feed (libcst 1.x), which cost as much again (the 45-line function of
    benchmarks/kernels/fifty_lines.py: 14 -> ~8 ms). The same mapping (tests/test_ingest_positions.py);
    `resolve` where the provider's `_gen` is not there or not callable so."""
    wrapper = MetadataWrapper(mod, unsafe_skip_copy=True)
    try:
        return PositionProvider()._gen(wrapper).copy()  # (a mappingproxy: `dict()` of it hashes every node again)
    except (AttributeError, TypeError):
        return dict(wrapper.resolve(PositionProvider))


def _parse_unit(unit: str, fresh: bool = False) -> "tuple[cst.Module, dict]":
    """`fresh`: parse even if cached (a node may stand in one place of a module only: the same
    statement text twice in one module needs two trees)."""
    with _UNIT_LOCK:
        hit = None if fresh else _UNIT_CACHE.get(unit)
    if hit is not None:
        return hit
    mod = cst.parse_module(unit)
    positions = _positions(mod)
    mod, positions = _normalise(mod, positions, unit)
    with _UNIT_LOCK:
        if len(_UNIT_CACHE) >= _UNIT_CACHE_MAX:
            _UNIT_CACHE.clear()
        _UNIT_CACHE[unit] = (mod, positions)
    return mod, positions


class _UnitPositions(dict):
    """node -> CodeRange in the module, for nodes parsed unit by unit: each unit's positions
    moved down by the lines before it (computed when asked; the unit's own dict is shared with
    the cache, so a unit that only moved costs nothing)."""

    def __init__(self, units: "list[tuple[dict, int]]"):
        super().__init__()
        self._units = units
        for k, (pos, _) in enumerate(units):
            super().update(dict.fromkeys(pos, k))

    def get(self, node, default=None):  # type: ignore[override]
        k = dict.get(self, node)
        if k is None:
            return default
        pos, off = self._units[k]
        r = pos[node]
        if off == 0:
            return r
        return CodeRange((r.start.line + off, r.start.column), (r.end.line + off, r.end.column))

    def __getitem__(self, node):
        r = self.get(node)
        if r is None:
            raise KeyError(node)
        return r

    def items(self):  # type: ignore[override]
        return ((n, self.get(n)) for n in self.keys())

    def values(self):  # type: ignore[override]
        return (self.get(n) for n in self.keys())


def _parse_by_units(text: str, cancelled=None) -> "tuple[cst.Module, dict] | None":
    """The module parsed unit by unit, or None (then the whole text is parsed at once)."""
    lines = _split_lines(text)
    starts = unit_starts(text)
    if not starts:
        return None
    bounds = list(zip([0] + starts[1:], starts[1:] + [len(lines)]))  # leading comments go with unit 1
    body: list[cst.BaseStatement] = []
    units: list[tuple[dict, int]] = []
    seen: set[str] = set()
    try:
        for a, b in bounds:
            if cancelled is not None and cancelled():
                from portalis.analyzers.lower import Superseded
                raise Superseded()
            unit = "".join(lines[a:b])
            mod, positions = _parse_unit(unit, fresh=unit in seen)
            seen.add(unit)
            body.extend(mod.body)
            units.append((positions, a))
    except Exception as e:  # noqa: BLE001 - any doubt: the whole text at once, as before
        if type(e).__name__ == "Superseded":
            raise
        return None
    return cst.Module(body=body), _UnitPositions(units)
