"""Formatting a crate for people to read: rustfmt, when one is installed, with the Rust-line ->
Python-line map kept true.

Each line of the generated `src/main.rs`/`src/lib.rs` gets a trailing marker comment with its
line number; rustfmt keeps comments after the last token of a line, so after formatting, every
line with a marker maps to that original line, and a line without one (rustfmt split a long
line) maps to the next marker below it. The markers are then removed. If rustfmt is missing,
fails or times out, the crate is returned unchanged: formatting is a courtesy, never a reason
for a translation to fail. This module runs rustfmt and nothing else.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

from portalis.codegen.emit import RustCrate

_MARK = re.compile(r"\s*// @PL(\d+)@\s*$")
_FORMATTED = ("src/main.rs", "src/lib.rs")


def rustfmt_path() -> str | None:
    for cand in (shutil.which("rustfmt"), str(Path.home() / ".cargo" / "bin" / "rustfmt"), "/usr/bin/rustfmt"):
        if cand and Path(cand).is_file():
            return cand
    return None


def format_crate(crate: RustCrate, timeout: float = 20.0) -> RustCrate:
    tool = rustfmt_path()
    if tool is None:
        return crate
    files = dict(crate.files)
    line_map = dict(crate.line_map)
    for name in _FORMATTED:
        if name not in files:
            continue
        out = _format(tool, files[name], timeout)
        if out is None:
            continue
        text, origin = out
        old = line_map.get(name, [])
        files[name] = text
        line_map[name] = [old[o] if 0 <= o < len(old) else 0 for o in origin]
    return dataclasses.replace(crate, files=files, line_map=line_map)


def _format(tool: str, text: str, timeout: float) -> tuple[str, list[int]] | None:
    """(formatted text, original 0-based line of each formatted line) or None."""
    src = text.split("\n")
    marked = []
    for i, line in enumerate(src):
        # a line inside a string literal or ending in a line comment cannot take a marker safely
        if line.strip() and "//" not in line and not line.rstrip().endswith("\\"):
            marked.append(f"{line} // @PL{i}@")
        else:
            marked.append(line)
    try:
        r = subprocess.run([tool, "--edition", "2021", "--emit", "stdout", "--quiet"], input="\n".join(marked),
                           capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if r.returncode != 0 or not r.stdout.strip():
        return None
    lines = r.stdout.split("\n")
    origin: list[int | None] = []
    clean = []
    for line in lines:
        m = _MARK.search(line)
        if m:
            origin.append(int(m.group(1)))
            line = line[:m.start()]
        else:
            origin.append(None)
        clean.append(line.rstrip())
    # lines without a marker: the next marked line below (a split line ends at its marker)
    nxt = None
    for i in range(len(origin) - 1, -1, -1):
        if origin[i] is None:
            origin[i] = nxt if nxt is not None else (origin[i + 1] if i + 1 < len(origin) else 0)
        else:
            nxt = origin[i]
    if "@PL" in "\n".join(clean):  # a marker rustfmt moved somewhere we did not expect: keep the original
        return None
    return "\n".join(clean), [o if o is not None else 0 for o in origin]
