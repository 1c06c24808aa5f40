"""Parsing unit by unit (analyzers/ingest.py `_parse_by_units`): top-level statement boundaries
as CPython's parser sees them, and exactly the translation a whole-module parse gives."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest

import portalis.analyzers.ingest as ing
from fuzz.mutate import mutants
from portalis.pipeline import translate_source

CORPUS = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((Path(__file__).parent / "corpus").glob("*.py"))]
REFUSED = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((Path(__file__).parent / "refused").glob("*.py"))]
TRICKY = [
    ("strings", 'X = """a\ndef f():\n  pass\n"""\nY = 1\n'),
    ("cr", "# c \r@ 5\ndef main() -> None:\n    pass\n"),
    ("backslash", "def f() -> int:\n    return 1\n\\\ndef g() -> int:\n    return 2\n"),
    ("else", "if True:\n    x = 1\nelse:\n    x = 2\ntry:\n    pass\nexcept ValueError:\n    pass\nfinally:\n    pass\n"),
    ("decorators", "@a\n@b\ndef f():\n    pass\n"),
    ("brackets", "X = [\n1,\n2]\nY = {\n'a': 1}\n"),
    ("semicolons", "a = 1; b = 2\nc = 3\n"),
    ("duplicates", "print(1)\nprint(1)\nprint(1)\n"),
]


def statement_lines(text: str) -> list[int]:
    out: list[tuple[int, int]] = []
    for node in ast.parse(text).body:
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        if not out or start > out[-1][1]:
            out.append((start, node.end_lineno - 1))
    return [a for a, _ in out]


def test_unit_starts_are_statement_starts():
    """Every unit start is where a statement starts (merging statements is harmless; splitting
    one never happens)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, text in CORPUS + REFUSED + TRICKY + list(mutants(CORPUS, 8, 600)):
            try:
                compile(text, name, "exec")
            except (SyntaxError, ValueError):
                continue
            starts = set(statement_lines(text))
            got = ing.unit_starts(text)
            assert set(got[1:]) <= starts, (name, got, sorted(starts))


@pytest.mark.parametrize("chunk", range(4))
def test_same_translation_as_a_whole_parse(chunk, monkeypatch):
    items = (CORPUS + REFUSED + TRICKY + list(mutants(CORPUS, 9, 300)))[chunk::4]
    for name, text in items:
        by_units = translate_source(text, "m.py")
        with monkeypatch.context() as m:
            m.setattr(ing, "_parse_by_units", lambda t, cancelled=None: None)
            whole = translate_source(text, "m.py")
        assert [(d.code, d.span, d.message) for d in by_units.diagnostics] == \
               [(d.code, d.span, d.message) for d in whole.diagnostics], name
        assert (by_units.crate.files if by_units.crate else None) == (whole.crate.files if whole.crate else None), name
        assert (by_units.crate.line_map if by_units.crate else None) == (whole.crate.line_map if whole.crate else None), name
