"""Shrink a failing generated program (delta debugging over lines, then one line at a time
replaced by `pass`), keeping it valid under CPython and keeping its failure class."""

from __future__ import annotations

from typing import Callable


def shrink(source: str, still_fails: Callable[[str], bool], budget: int = 200) -> str:
    """The smallest variant of `source` found for which `still_fails` holds (it must hold for
    `source`). `budget` bounds the number of candidates tried (each one runs CPython and
    Portalis)."""
    lines = source.rstrip("\n").split("\n")
    tried = 0
    chunk = max(1, len(lines) // 2)
    while chunk >= 1 and tried < budget:
        i = 0
        changed = False
        while i < len(lines) and tried < budget:
            cand = lines[:i] + lines[i + chunk:]
            tried += 1
            if cand and still_fails("\n".join(cand) + "\n"):
                lines = cand
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    for i in range(len(lines)):  # a block's last statement can only become `pass`
        if tried >= budget:
            break
        stripped = lines[i].lstrip()
        if stripped and stripped != "pass" and not stripped.endswith(":"):
            cand = lines[:i] + [lines[i][:len(lines[i]) - len(stripped)] + "pass"] + lines[i + 1:]
            tried += 1
            if still_fails("\n".join(cand) + "\n"):
                lines = cand
    return "\n".join(lines) + "\n"
