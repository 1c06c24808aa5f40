"""Reading Python source files as CPython does (PEP 263, PEP 3120).

`decode_source(data)`: bytes -> text with `tokenize.detect_encoding` semantics: a UTF-8 BOM is
accepted (and dropped), a coding cookie on line 1 or 2 (`# -*- coding: latin-1 -*-`) chooses the
codec, UTF-8 otherwise. A file CPython would refuse (undecodable bytes, an unknown codec, a BOM
that contradicts the cookie) gives a `syntax-error` diagnostic with CPython's message and line,
never an exception. `read_source(path)` does the same for a file; every place that reads a
Python file (the CLI, the language server's files on disk) goes through it.
"""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

from portalis.diagnostics import Diagnostic, Span, make


def decode_source(data: bytes) -> tuple[str | None, list[Diagnostic]]:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:  # unknown codec, BOM + non-UTF-8 cookie, invalid UTF-8 in the cookie lines
        return None, [make("syntax-error", str(e.msg if hasattr(e, "msg") else e), Span.point(_cookie_line(data)))]
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        if encoding in ("utf-8", "utf-8-sig"):
            msg = (f"Non-UTF-8 code starting with '\\x{data[e.start]:02x}' on line {line}, but no encoding "
                   f"declared; see https://peps.python.org/pep-0263/ for details")
        else:
            msg = f"(unicode error) '{e.encoding}' codec can't decode byte 0x{data[e.start]:02x}: {e.reason}"
        return None, [make("syntax-error", msg, Span.point(line))]
    except LookupError as e:  # a codec detect_encoding accepted but cannot decode with
        return None, [make("syntax-error", str(e), Span.point(_cookie_line(data)))]


def read_source(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    """The text of a Python file as CPython would read it. OSError (missing file, a directory,
    no permission) is the caller's to report: it is not a problem of the code."""
    return decode_source(Path(path).read_bytes())


def _cookie_line(data: bytes) -> int:
    for i, line in enumerate(data.splitlines()[:2], 1):
        if b"coding" in line:
            return i
    return 1
