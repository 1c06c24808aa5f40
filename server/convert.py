"""Every conversion between the core's values and LSP's, in one place (the house style's
`to_proto`/`from_proto`).

Core positions (`portalis.diagnostics.Span`): 1-based lines, 0-based columns in code points.
LSP positions: 0-based lines, columns in the negotiated encoding's code units (UTF-16 unless the
client offered UTF-32 or UTF-8).
"""

from __future__ import annotations

from typing import Any

import functools
from pathlib import Path
from urllib.parse import quote

from lsprotocol import types as T

from portalis.diagnostics import Diagnostic, Severity, Span
from portalis.engine import FunctionInfo, SlotInfo

# translation warnings that are facts about the Python, not problems of it
_TRANSLATION_NOTES = {"set-iteration-order", "float-last-digit"}
# codes that say the Python itself is broken (an Error in any setting)
_PYTHON_ERRORS = {"syntax-error", "internal-error"}


def _units(s: str, encoding: str) -> int:
    if encoding == T.PositionEncodingKind.Utf32:
        return len(s)
    if encoding == T.PositionEncodingKind.Utf8:
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


@functools.lru_cache(maxsize=16)
def lines_of(text: str) -> list[str]:
    """Lines as LSP counts them (\\n, \\r\\n and \\r end a line), without their ends. Cached:
    every hover asks for them (a str caches its hash, so a hit costs nothing). Do not mutate."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def to_lsp_position(lines: list[str], line: int, col: int, encoding: str) -> T.Position:
    """Core (1-based line, code-point column) -> LSP position."""
    i = max(line - 1, 0)
    if i >= len(lines):
        return T.Position(line=len(lines), character=0)
    return T.Position(line=i, character=_units(lines[i][:max(col, 0)], encoding))


def from_lsp_position(lines: list[str], pos: T.Position, encoding: str) -> tuple[int, int]:
    """LSP position -> core (1-based line, code-point column); clamped to the text."""
    if pos.line >= len(lines):
        return len(lines), len(lines[-1]) if lines else 0
    s = lines[max(pos.line, 0)]
    units = 0
    for i, ch in enumerate(s):
        if units >= pos.character:
            return pos.line + 1, i
        units += _units(ch, encoding)
    return pos.line + 1, len(s)


def to_lsp_range(lines: list[str], sp: Span, encoding: str) -> T.Range:
    if sp.line == 0:
        return T.Range(T.Position(line=0, character=0), T.Position(line=0, character=0))
    start = to_lsp_position(lines, sp.line, sp.col, encoding)
    if (sp.end_line, sp.end_col) <= (sp.line, sp.col):
        # a point: cover the rest of the word (or the line) so that the client shows something
        s = lines[sp.line - 1] if sp.line - 1 < len(lines) else ""
        end_col = sp.col
        while end_col < len(s) and (s[end_col].isalnum() or s[end_col] == "_"):
            end_col += 1
        if end_col == sp.col:
            end_col = len(s)
        return T.Range(start, to_lsp_position(lines, sp.line, end_col, encoding))
    return T.Range(start, to_lsp_position(lines, sp.end_line, sp.end_col, encoding))


def readme_uri() -> str | None:
    """The README section that documents the codes, when this is a checkout (editable install)."""
    p = Path(__file__).resolve().parent.parent / "README.md"
    return p.as_uri() + "#" + quote("what-is-refused-diagnostic-codes") if p.is_file() else None


def to_lsp_severity(d: Diagnostic, untranslatable: str, requested: bool) -> T.DiagnosticSeverity:
    """Python that cannot run is an Error; Python that is fine but cannot be translated is
    Information (setting: Warning), and an Error only in a function the user asked to translate;
    CPython's own warnings are Warnings; translation notes are Hints."""
    if d.code in _PYTHON_ERRORS:
        return T.DiagnosticSeverity.Error
    if d.code == "python-syntax-warning":
        return T.DiagnosticSeverity.Warning
    if d.severity is Severity.WARNING or d.code in _TRANSLATION_NOTES:
        return T.DiagnosticSeverity.Hint
    if requested:
        return T.DiagnosticSeverity.Error
    return T.DiagnosticSeverity.Warning if untranslatable == "warning" else T.DiagnosticSeverity.Information


def to_lsp_diagnostic(lines: list[str], d: Diagnostic, encoding: str, *, untranslatable: str = "information",
                      requested: bool = False, related: list[T.DiagnosticRelatedInformation] | None = None
                      ) -> T.Diagnostic:
    href = readme_uri()
    return T.Diagnostic(
        range=to_lsp_range(lines, d.span, encoding),
        message=d.message,
        severity=to_lsp_severity(d, untranslatable, requested),
        code=d.code,
        code_description=T.CodeDescription(href=href) if href else None,
        source="portalis",
        related_information=related or None,
    )


# --------------------------------------------------------------------------- hover


def _slot_line(s: SlotInfo) -> str:
    rust = f"`{s.rust}`" if s.rust else "no Rust type"
    return f"`{s.name}: {s.python}` → {rust} ({s.source})"


def inferred_lines(ft: Any) -> str:
    """The layered inference's answers (a portalis.infer.FunctionTypes) for a hover card."""
    def one(label: str, t: Any) -> str:
        if t.python == "unknown":
            return f"`{label}`: unknown"
        lost = f", over {', '.join(f'`{p}` ({s})' for p, s in t.conflicts)}" if t.conflicts else ""
        return f"`{label}: {t.python}` ({t.source}, {t.confidence:.2f}{lost})"
    items = [one(p.name, p.type) for p in ft.params]
    items.append(one("returns", ft.returns).replace("`returns: ", "returns `", 1))
    return "Inferred (portalis infer): " + "; ".join(items)


def inferred_hover(ft: Any) -> str:
    """The card of a function the translator does not analyse (a method, a nested function)."""
    params = ", ".join(p.name if p.type.python == "unknown" else f"{p.name}: {p.type.python}" for p in ft.params)
    ret = f" -> {ft.returns.python}" if ft.returns.python != "unknown" else ""
    return f"```python\ndef {ft.name}({params}){ret}\n```\n\n" + inferred_lines(ft)


def function_hover(f: FunctionInfo, *, stale: bool = False, built: str | None = None, inferred: Any = None) -> str:
    """The hover card of a function: Python and Rust signatures, where each type came from,
    and whether it can be translated."""
    parts = [f"```python\n{f.python_signature}\n```"]
    if f.rust_signature:
        parts.append(f"```rust\n{f.rust_signature}\n```")
    sources = [_slot_line(s) for s in f.params]
    sources.append(f"returns `{f.returns.python}` ({f.returns.source})")
    parts.append("Types: " + "; ".join(sources))
    if inferred is not None:
        parts.append(inferred_lines(inferred))
    if f.translatable and f.parent:
        parts.append(f"**Translatable** to Rust with `{f.parent}`, which it is nested in (the variables of "
                     f"`{f.parent}` it reads are parameters of its Rust fn, passed at each call).")
    elif f.translatable:
        parts.append("**Translatable** to Rust.")
    elif f.blocking:
        d = f.blocking[0]
        more = f" (and {len(f.blocking) - 1} more)" if len(f.blocking) > 1 else ""
        parts.append(f"**Not translatable**: line {d.span.line}: `{d.code}`: {d.message}{more}")
    else:
        parts.append("**Not translatable**: some types could not be inferred; add annotations.")
    if stale:
        parts.append("The Rust written for this function is **out of date**: the Python changed since.")
    if built:
        parts.append(built)
    return "\n\n".join(parts)


def slot_hover(f: FunctionInfo, s: SlotInfo) -> str:
    kind = "parameter" if s in f.params else "local"
    rust = f"```rust\n{s.name}: {s.rust}\n```" if s.rust else "No Rust type (not inferred)."
    return f"```python\n{s.name}: {s.python}\n```\n\n{rust}\n\n{kind} of `{f.name}`, type from {s.source}"
