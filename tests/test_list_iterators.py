"""List iterators (`iter(xs)`, `next(it[, default])`, `typing.Iterator[T]`): what runs is checked
against CPython in tests/corpus/builtins_iter_next.py; here, what stays refused, each with the
reason it names (CPython's output would show an address, or the operation is not modelled)."""

from __future__ import annotations

import pytest

from portalis.pipeline import translate_source

REFUSED = [  # (code after `xs = [1, 2]`, error code, part of the message)
    ("it = iter(xs)\nprint(it)\n", "unsupported-builtin", "printing a list iterator"),
    ("it = iter(xs)\ns = f'{it!r}'\n", "unsupported-builtin", "printing a list iterator"),
    ("its = [iter(xs)]\nprint(its)\n", "unsupported-builtin", "printing a list iterator"),
    ("d = {iter(xs): 1}\nprint(len(d))\n", "unsupported-builtin", "dict keys or set members"),
    ("it = iter(xs)\nprint(1 in it)\n", "type-mismatch", "`in` is not supported"),
    ("it = iter(xs)\nprint(len(it))\n", "type-mismatch", "has no len()"),
    # a dict's iterator fails when the dict changes size, a set's order is CPython's hash order
    ("it = iter({'a': 1})\nprint(next(it))\n", "unsupported-builtin", "iter() is supported on lists, strings"),
    ("it = iter({1, 2})\nprint(next(it))\n", "unsupported-builtin", "iter() is supported on lists, strings"),
    ("print(sorted([iter(xs), iter(xs)]) == [])\n", "type-mismatch", "cannot be ordered"),
    ("o: object = iter(xs)\nprint(o is None)\n", "type-mismatch", "expects object"),
    ("print(next(range(3)))\n", "unsupported-builtin", "next() is supported on list iterators"),
]


@pytest.mark.parametrize("body,code,part", REFUSED)
def test_refused_with_its_reason(body, code, part):
    src = "xs = [1, 2]\n" + body
    errs = [d for d in translate_source(src, "m.py").diagnostics if d.severity.value == "error"]
    assert errs, "translated: " + body
    assert errs[0].code == code and part in errs[0].message, [d.render("m.py") for d in errs]
