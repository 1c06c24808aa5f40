"""Seeded mutations of Python programs, for fuzzing the engine with broken and odd input.

`mutants(sources, seed)` yields `(name, text)`: a corpus program with one to three random edits:
delete, duplicate or splice lines, swap or drop tokens, insert brackets, quotes, colons,
operators or keywords, change indentation, insert non-ASCII or control characters. Most
mutants are invalid Python; some are valid and odd. The engine (ingest + lower + emit, no
rustc) must never raise on any of them: `run(text)` returns the exception that escaped, if any.
"""

from __future__ import annotations

import random
import re
import traceback
from collections.abc import Iterator

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
_INSERTS = ["(", ")", "[", "]", "{", "}", "'", '"', '"""', ":", ",", "*", "**", "=", "==", ".", "\\", "#",
            "lambda", "yield", "global x", "not", "None", "if", "else", "for x in", "await", "async", "f'{",
            "}'", "\t", "\n", "    ", "\u00b5", "\u202e", "\x00", "\r", "1if", "0x", "\ufeff", ";", "@",
            "return", "del", "in", "is", "-", "~", "%", "//", "...", "class C:", "def f():", "try:",
            "except:", "with x:", "import os", "from math import *", "nonlocal y", ":=", "->", "print"]


def mutate(text: str, rnd: random.Random) -> str:
    for _ in range(rnd.randint(1, 3)):
        lines = text.split("\n")
        kind = rnd.randrange(9)
        i = rnd.randrange(len(lines)) if lines else 0
        if kind == 0 and lines:
            del lines[i]
        elif kind == 1 and lines:
            lines.insert(i, lines[rnd.randrange(len(lines))])
        elif kind == 2 and len(lines) > 2:
            j = rnd.randrange(len(lines))
            a, b = sorted((i, j))
            lines[a:b] = lines[a:b][::-1]
        elif kind == 3 and lines:
            toks = _TOKEN.findall(lines[i])
            if len(toks) > 1:
                a, b = rnd.randrange(len(toks)), rnd.randrange(len(toks))
                toks[a], toks[b] = toks[b], toks[a]
                lines[i] = "".join(toks)
        elif kind == 4 and lines:
            toks = _TOKEN.findall(lines[i])
            if toks:
                del toks[rnd.randrange(len(toks))]
                lines[i] = "".join(toks)
        elif kind in (5, 6) and lines:
            line = lines[i]
            k = rnd.randint(0, len(line))
            lines[i] = line[:k] + rnd.choice(_INSERTS) + line[k:]
        elif kind == 7 and lines:
            lines[i] = (" " * rnd.choice([1, 2, 4, 8])) + lines[i] if rnd.random() < 0.5 else lines[i].lstrip()
        elif kind == 8 and lines:
            toks = _TOKEN.findall(lines[i])
            words = [t for t in _TOKEN.findall(text) if t.strip()]
            if toks and words:
                toks[rnd.randrange(len(toks))] = rnd.choice(words)
                lines[i] = "".join(toks)
        text = "\n".join(lines)
    return text


def mutants(sources: list[tuple[str, str]], seed: int, count: int) -> Iterator[tuple[str, str]]:
    rnd = random.Random(seed)
    for n in range(count):
        name, text = sources[rnd.randrange(len(sources))]
        yield f"{name}#{seed}:{n}", mutate(text, rnd)


def run(text: str, path: str = "mutant.py") -> BaseException | None:
    """Translate `text` as `portalis translate` does (ingest, lower, emit). The exception that
    escaped the engine, if any (a Portalis bug)."""
    from portalis.pipeline import translate_source
    try:
        translate_source(text, path)
    except RecursionError as e:  # deeply nested input: must be a diagnostic too
        return e
    except Exception as e:  # noqa: BLE001 - any escaping exception is the finding
        return e
    return None


def crash_class(e: BaseException) -> str:
    """A short key for a crash: the exception type and the innermost Portalis frame."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if "/portalis/" in f.filename
              or "/analyzers/" in f.filename or "/codegen/" in f.filename]
    where = f"{frames[-1].filename.rsplit('/', 2)[-2]}/{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" \
        if frames else "?"
    return f"{type(e).__name__} at {where}"
