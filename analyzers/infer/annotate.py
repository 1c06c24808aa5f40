"""Write inferred types into the Python source as annotations (the quick fix for a slot the
translator cannot settle). libcst keeps the user's formatting; only parameters and returns that
have no annotation get one, and only with types that need no import (builtins, `X | None`,
`list[...]`, ...), so the edited file runs exactly as before. Pure: text in, text out."""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from portalis.infer import FunctionTypes, is_known

# names an annotation may use without an import (Python 3.10+ evaluates `X | None` at def time)
_BUILTIN_NAMES = {"int", "float", "str", "bool", "bytes", "None", "list", "dict", "set", "tuple", "frozenset",
                  "complex", "object", "bytearray"}


def writable(python: str) -> bool:
    """A type text that can be written as an annotation with no import."""
    if not is_known(python):
        return False
    return all(n in _BUILTIN_NAMES for n in re.findall(r"[A-Za-z_][A-Za-z0-9_.]*", python))


@dataclass(frozen=True)
class Annotated:
    first_line: int  # 1-based: the lines first_line..last_line (those that changed) become `text`
    last_line: int
    text: str  # with its line ends
    slots: tuple[tuple[str, str, str], ...]  # (slot name or "return", python type, source) written


def annotate(source: str, qualname: str, types: FunctionTypes) -> Annotated | None:
    """The lines of `qualname`'s header that change when the inferred types are written where
    there is no annotation; None when there is nothing to write (or the source does not parse)."""
    try:
        module = cst.parse_module(source)
    except Exception:  # noqa: BLE001 - broken code: nothing to annotate
        return None
    target = _find(module, qualname.split("."))
    if target is None:
        return None
    written: list[tuple[str, str, str]] = []
    params = []
    for p in target.params.params:
        t = types.param(p.name.value)
        if p.annotation is None and t is not None and writable(t.python):
            p = p.with_changes(annotation=cst.Annotation(cst.parse_expression(t.python)))
            if p.default is not None:  # PEP 8: `x: int = 1`, where an unannotated one is `x=1`
                p = p.with_changes(equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(" "),
                                                         whitespace_after=cst.SimpleWhitespace(" ")))
            written.append((p.name.value, t.python, t.source))
        params.append(p)
    new = target.with_changes(params=target.params.with_changes(params=params))
    if target.returns is None and writable(types.returns.python):
        new = new.with_changes(returns=cst.Annotation(cst.parse_expression(types.returns.python)))
        written.append(("return", types.returns.python, types.returns.source))
    if not written:
        return None
    text = module.deep_replace(target, new).code
    old_lines, new_lines = source.splitlines(keepends=True), text.splitlines(keepends=True)
    i = 0  # the changed lines: common prefix and suffix left out
    while i < min(len(old_lines), len(new_lines)) and old_lines[i] == new_lines[i]:
        i += 1
    j = 0
    while (j < min(len(old_lines), len(new_lines)) - i
           and old_lines[len(old_lines) - 1 - j] == new_lines[len(new_lines) - 1 - j]):
        j += 1
    return Annotated(i + 1, len(old_lines) - j, "".join(new_lines[i:len(new_lines) - j]), tuple(written))


def _find(node, path: list[str]):
    body = node.body.body if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and isinstance(
        node.body, cst.IndentedBlock) else getattr(node, "body", [])
    for s in body:
        if isinstance(s, (cst.FunctionDef, cst.ClassDef)) and s.name.value == path[0]:
            if len(path) == 1:
                return s if isinstance(s, cst.FunctionDef) else None
            return _find(s, path[1:])
        if isinstance(s, cst.If):  # `if __name__ == "__main__":` and other guarded definitions
            hit = _find_in_block(s.body, path)
            if hit is not None:
                return hit
    return None


def _find_in_block(block, path):
    holder = cst.Module(body=list(block.body) if isinstance(block, cst.IndentedBlock) else [])
    return _find(holder, path)
