"""Optionals narrowed by the flow (analyzers/unions.py, `union_narrowing` and `narrowed_rest`):
where None is ruled out the plain value is used; everywhere else the Optional stays refused
where CPython would carry the None on. The accepted side runs against CPython in
tests/corpus/data_optional_narrowed.py; here, the cases that must stay refused."""

from __future__ import annotations

import pytest

from portalis.pipeline import translate_source

HEAD = "from typing import Optional\ndef maybe(c: bool) -> Optional[int]:\n    return 1 if c else None\n"

STILL_REFUSED = [  # (body of `def f(x: Optional[int], c: bool) -> int:`, why it may still be None)
    "    if x is None:\n        print('none')\n    return x\n",  # the branch neither exits nor assigns
    "    if x is None and c:\n        x = 1\n    return x\n",  # false when c is False: x may be None
    "    if x is None:\n        x = 1\n    x = maybe(c)\n    return x\n",  # assigned an Optional again
    "    if x is None:\n        x = maybe(c)\n    return x\n",  # the value assigned may be None
    "    if x is None:\n        if c:\n            x = 1\n    return x\n",  # assigned on one path only
    "    if x is not None:\n        x = maybe(c)\n        return x\n    return 0\n",  # the body rebinds x
    "    if x is None or c:\n        return 0\n    x = None\n    return x\n",
    "    if x is None:\n        x = 1\n        print('set')\n        x = maybe(c)\n    return x\n",
    "    for _ in range(2):\n        if x is None:\n            continue\n        x = maybe(c)\n        return x\n    return 0\n",
]


def _errors(src: str) -> list:
    return [d for d in translate_source(src, "m.py").diagnostics if d.severity.value == "error"]


def _f(body: str) -> str:
    return HEAD + "def f(x: Optional[int], c: bool) -> int:\n" + body + "print(f(None, False), f(3, True))\n"


@pytest.mark.parametrize("body", STILL_REFUSED)
def test_optional_not_narrowed_where_it_may_be_none(body):
    errs = _errors(_f(body))
    assert [d.code for d in errs] == ["type-mismatch"], [d.render("m.py") for d in errs]
    assert "return value of `f`" in errs[0].message and "None" in errs[0].message


ACCEPTED = [  # the same shapes where None is ruled out
    "    if x is None:\n        return 0\n    return x\n",
    "    if x is None:\n        x = 1\n    return x\n",
    "    if x is None or c:\n        x = 2\n    return x\n",
    "    if x is not None:\n        return x\n    return 0\n",
    "    if x is None:\n        x = 1\n        print('set')\n        y = x\n    return x\n",
    "    if not (x is not None):\n        raise ValueError('none')\n    return x + 1\n",
]


@pytest.mark.parametrize("body", ACCEPTED)
def test_optional_narrowed_where_none_is_ruled_out(body):
    errs = _errors(_f(body))
    assert errs == [], [d.render("m.py") for d in errs]


def test_module_variable_is_not_narrowed_and_the_message_says_what_to_do():
    src = ("from typing import Optional\n_c: Optional[dict[str, int]] = None\n"
           "def get() -> dict[str, int]:\n    global _c\n    if _c is None:\n        _c = {'a': 1}\n    return _c\n"
           "print(get())\n")
    errs = _errors(src)
    assert [(d.code, d.span.line) for d in errs] == [("type-mismatch", 7)], [d.render("m.py") for d in errs]
    assert "module variable is not narrowed" in errs[0].message and "copy it into a local" in errs[0].message
