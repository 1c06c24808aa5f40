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
import unicodedata
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from portalis.diagnostics import Diagnostic, Span, make


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


def parse_module(text: str, path: str = "prog.py") -> tuple[SourceModule, list[Diagnostic]]:
    """Parse `text`; a syntax error is a diagnostic, never an exception."""
    empty = SourceModule(path, text, None, {}, [])
    # CPython's own parser first: its error positions are the ones users know.
    try:
        compile(text, path, "exec", dont_inherit=True, flags=0x400)  # ast.PyCF_ONLY_AST
    except SyntaxError as e:
        return empty, [make("syntax-error", e.msg, Span.point(e.lineno or 1, max((e.offset or 1) - 1, 0)))]
    except (ValueError, RecursionError, MemoryError) as e:
        return empty, [make("syntax-error", str(e) or type(e).__name__, Span.point(1))]
    try:
        tree = cst.parse_module(text)
    except cst.ParserSyntaxError as e:
        return empty, [make("syntax-error", f"invalid syntax: {e.message}", Span.point(e.raw_line, e.raw_column))]
    except RecursionError:
        return empty, [make("syntax-error", "the file is nested too deeply to parse", Span.point(1))]
    wrapper = MetadataWrapper(tree, unsafe_skip_copy=True)
    positions = dict(wrapper.resolve(PositionProvider))
    if not text.isascii():
        tree, positions = _nfkc_identifiers(tree, positions)
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
    return sm, []


class _NfkcNames(cst.CSTTransformer):
    """NFKC-normalises every identifier (PEP 3131: CPython's parser does, so `µ` (U+00B5) and
    `μ` (U+03BC), `ﬁle` and `file`, full-width and plain letters are one name) and remembers
    which original node each rebuilt node stands for, so positions stay those of the source."""

    def __init__(self) -> None:
        super().__init__()
        self.origin: dict[cst.CSTNode, cst.CSTNode] = {}

    def on_leave(self, original_node, updated_node):  # type: ignore[override]
        if isinstance(updated_node, cst.Name):
            norm = unicodedata.normalize("NFKC", updated_node.value)
            if norm != updated_node.value:
                updated_node = updated_node.with_changes(value=norm)
        if updated_node is not original_node:
            self.origin[updated_node] = original_node
        return updated_node


def _nfkc_identifiers(tree: cst.Module, positions: dict) -> tuple[cst.Module, dict]:
    """The tree with NFKC-normalised identifiers, and positions keyed by its nodes (only
    non-ASCII text can change: NFKC leaves ASCII as it is)."""
    t = _NfkcNames()
    new_tree = tree.visit(t)
    if not t.origin:
        return tree, positions
    out = dict(positions)
    for new, old in t.origin.items():
        r = positions.get(old)
        if r is not None:
            out[new] = r
    return new_tree, out
