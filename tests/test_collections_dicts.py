"""collections.defaultdict and Counter (analyzers/builtins.py `defaultdict_new` / `counter_new`;
the runtime's `PyDict` carries what a missing key reads as, codegen/runtime/pyrt/collections.rs):
what runs is checked against CPython in tests/corpus/data_defaultdict.py and data_counter.py;
here, the shapes that stay refused, each with the reason it names."""

from __future__ import annotations

import pytest

from portalis.pipeline import translate_source

REFUSED = [  # (code after `from collections import defaultdict, Counter`, error code, part of the message)
    ("d = defaultdict(lambda: 0)\nd['a'] += 1\nprint(d)\n", "unsupported-builtin", "a lambda or function is not"),
    ("d = defaultdict(list, {'a': [1]})\nprint(d)\n", "unsupported-builtin", "with one argument"),
    ("d = defaultdict()\nprint(d)\n", "unsupported-builtin", "with one argument"),
    ("d = defaultdict(tuple)\nprint(d)\n", "unsupported-builtin", "a builtin type as its factory"),
    # `list` is a variable here: CPython raises TypeError (not callable)
    ("list = [1]\nd = defaultdict(list)\nprint(d)\n", "unsupported-builtin", "a builtin type as its factory"),
    ("def f() -> None:\n    int = 3\n    d = defaultdict(int)\n    print(d)\nf()\n", "unsupported-builtin",
     "a builtin type as its factory"),
    ("d: defaultdict[str, int] = defaultdict(int)\nprint(isinstance(d, defaultdict))\n", "unsupported-builtin",
     "isinstance() with defaultdict"),
    # the factory makes ints: a missing key would print 0, not 0.0
    ("d: defaultdict[str, float] = defaultdict(int)\nd['a'] += 1\nprint(d)\n", "int-float-mix", "dict[str, float]"),
    ("from typing import Optional\ndef f(d: Optional[dict[str, int]]) -> str:\n    return type(d).__name__\n"
     "print(f(defaultdict(int)))\n", "unsupported-builtin", "may be a defaultdict"),
    ("d = defaultdict(int)\nd['a'] = 1\nprint(d.default_factory)\n", "unsupported-class", "default_factory"),
    ("c = Counter(a=1)\nprint(c)\n", "unsupported-builtin", "not keyword arguments"),
    ("c = Counter({'a': 1.5})\nprint(c)\n", "type-mismatch", "only int counts"),
    ("c = Counter(['a'])\nprint(isinstance(c, Counter))\n", "unsupported-builtin", "isinstance() with Counter"),
    ("c = Counter(['a'])\nprint(sorted(c.elements()))\n", "unsupported-builtin", "Counter.elements()"),
    ("c = Counter(['a'])\nc.subtract(['a'])\nprint(c)\n", "unsupported-builtin", "Counter.subtract()"),
    # Counter arithmetic: `+` drops counts below 1, unary `-` keeps the negated ones
    ("c = Counter(['a'])\nprint(c + Counter(['b']))\n", "type-mismatch", "unsupported operand types for +"),
    ("c = Counter()\nc['a'] += 0.5\nprint(c)\n", "int-float-mix", "expects int"),
    ("d: dict[str, float] = {}\nprint(d.most_common())\n", "unsupported-builtin", "a Counter's counts are ints"),
    ("c: Counter = Counter('ab')\nprint(c)\n", "unsupported-type", "give the key type: `Counter[str]`"),
    ("d: defaultdict = defaultdict(int)\nd['a'] += 1\nprint(d)\n", "unsupported-type", "`defaultdict[str, int]`"),
]


@pytest.mark.parametrize("body,code,part", REFUSED)
def test_refused_with_its_reason(body, code, part):
    src = "from collections import defaultdict, Counter\n" + body
    errs = [d for d in translate_source(src, "m.py").diagnostics if d.severity.value == "error"]
    assert errs, "translated: " + body
    assert errs[0].code == code and part in errs[0].message, [d.render("m.py") for d in errs]


def test_other_collections_names_still_refused():
    errs = [d for d in translate_source("from collections import ChainMap\n", "m.py").diagnostics]
    assert [d.code for d in errs] == ["unsupported-import"]
    assert "only namedtuple, defaultdict, Counter, OrderedDict and deque" in errs[0].message


def test_dict_updated_from_keys_stops_at_run_time(toolchain, tmp_path):
    """`c.update(keys)` counts for a Counter; a dict reaches the same code only when typed as a
    dict of ints, and stops there (CPython would store pairs from the keys)."""
    from portalis.pipeline import run_program
    src = "d: dict[str, int] = {}\nd.update(['ab'])\nprint(d)\n"
    pr = run_program(src, str(tmp_path / "u.py"), [], toolchain=toolchain)
    assert pr.result is not None and pr.result.exit_code == 1 and pr.result.stdout == b""
    assert b"from an iterable of keys: Portalis does not support it" in pr.result.stderr
