"""Realistic modules of a given size for the language-server benchmarks: the corpus programs
(tests/corpus, real-style code: algorithms, data processing, text) concatenated, each one's
module-level names (functions, classes, variables) renamed with a suffix so that they do not
collide. `module(lines)` -> text of about that many lines."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _top_names(tree: ast.Module) -> set[str]:
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Assign):
            out |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
    return out


def _rename(text: str, names: set[str], suffix: str) -> str:
    """Rename the NAME tokens in `names` (not attributes, not inside strings)."""
    import io
    import tokenize
    toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
    lines = text.splitlines(keepends=True)
    edits = []
    prev = None
    for tok in toks:
        if tok.type == tokenize.NAME and tok.string in names and not (prev is not None and prev.string == "."):
            edits.append((tok.start, tok.end))
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            prev = tok
    for (sl, sc), (el, ec) in reversed(edits):
        line = lines[sl - 1]
        lines[sl - 1] = line[:sc] + line[sc:ec] + suffix + line[ec:]
    return "".join(lines)


def _programs() -> list[str]:
    out = []
    for p in sorted((ROOT / "tests" / "corpus").glob("*.py")):
        text = p.read_text(encoding="utf-8")
        if not text.isascii() or "import" in text.replace("from typing import", ""):
            continue
        out.append(text)
    return out


def module(lines: int) -> str:
    progs = _programs()
    parts: list[str] = ["from typing import Optional\n"]
    total = 1
    k = 0
    while total < lines:
        text = progs[k % len(progs)]
        text = _rename(text, _top_names(ast.parse(text)), f"_{k}")
        text = "\n".join(line for line in text.splitlines() if not line.startswith(("from typing import", "import ")))
        parts.append(text)
        total += text.count("\n") + 2
        k += 1
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    import sys
    sys.stdout.write(module(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
