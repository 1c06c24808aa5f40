"""Snapshot tests of the type model's slot features (the contract in MODEL_API: SlotQuery)."""
from __future__ import annotations

import dataclasses

from portalis.model.features import SlotQuery, slot_queries, tokens
from portalis.model.labels import normalize

SRC = '''
import math

def clamp(value, lo=0, hi=10):
    """Clamp value between lo and hi."""
    if value < lo:
        return lo
    return min(value, hi)

class Shape:
    def area(self, scale=1.0, *, name=None):
        return self.w * scale

    @staticmethod
    def parse(text, sep=","):
        parts = text.strip().split(sep)
        w, h = parts
        return [int(p) for p in parts]

def outer(items, table):
    def inner(key):
        return table[key]
    for a, b in items:
        table[a] = b
    print(f"{table}", len(items), math.sqrt(table["x"]))
    if "x" in table and not items:
        yield inner("x")
'''


def q(d, key):
    return dataclasses.asdict(d[key])


def test_keys_qualified_and_self_excluded():
    d = slot_queries(SRC, "geometry")
    assert sorted(d) == sorted([
        ("clamp", "value"), ("clamp", "lo"), ("clamp", "hi"), ("clamp", "return"),
        ("Shape.area", "scale"), ("Shape.area", "name"), ("Shape.area", "return"),
        ("Shape.parse", "text"), ("Shape.parse", "sep"), ("Shape.parse", "return"),
        ("outer", "items"), ("outer", "table"), ("outer", "return"),
        ("outer.inner", "key"), ("outer.inner", "return")])


def test_param_snapshot():
    d = slot_queries(SRC, "geometry")
    assert d[("clamp", "value")] == SlotQuery(
        module="geometry", function="clamp", kind="param", name="value", position=0, default=None,
        methods=(), attributes=(), operators=("<",), passed_to=("min#0",), iterated=False, unpacked=0,
        returned_values=(), other_params=("lo", "hi"), decorators=(),
        docstring_words=("clamp", "between", "lo", "and", "hi"))
    assert d[("clamp", "hi")].default == "int" and d[("clamp", "hi")].position == 2
    assert d[("Shape.area", "scale")].default == "float" and d[("Shape.area", "scale")].operators == ("*",)
    assert d[("Shape.area", "scale")].position == 0          # self excluded
    assert d[("Shape.area", "name")].default == "None"
    text = d[("Shape.parse", "text")]
    assert text.methods == ("strip",) and text.position == 0 and text.decorators == ("staticmethod",)
    assert d[("Shape.parse", "sep")].passed_to == (".split#0",)
    items = d[("outer", "items")]
    assert items.iterated and items.unpacked == 2 and items.operators == ("not",)
    assert items.passed_to == ("len#0",)
    table = d[("outer", "table")]
    assert table.operators == ("[]", "[]=", "f-string", "in")
    assert d[("outer.inner", "key")].passed_to == () and d[("outer.inner", "key")].kind == "param"


def test_return_snapshot():
    d = slot_queries(SRC, "geometry")
    assert d[("clamp", "return")].returned_values == ("call:min", "name")
    assert d[("clamp", "return")].position == -1 and d[("clamp", "return")].name == "clamp"
    assert d[("Shape.parse", "return")].returned_values == ("list",)
    assert d[("Shape.area", "return")].returned_values == ("binop:*",)
    assert d[("outer", "return")].returned_values == ("yield",)
    assert d[("outer.inner", "return")].returned_values == ("subscript",)
    assert d[("outer", "return")].other_params == ("items", "table")


def test_never_raises():
    assert slot_queries("def f(:\n", "m") == {}
    assert slot_queries("\x00\x01", "m") == {}
    assert slot_queries("x = (" * 300, "m") == {}
    deep = "def f(x):\n    return " + "-" * 5000 + "x\n"
    assert isinstance(slot_queries(deep, "m"), dict)
    assert slot_queries("", "m") == {}
    assert slot_queries("lambda x: x\n", "m") == {}
    assert ("f", "x") in slot_queries("async def f(x, /, *a, y, **k): await x\n", "m")


def test_tokens_and_labels():
    d = slot_queries(SRC, "geometry")
    t = tokens(d[("Shape.parse", "text")])
    assert {"kind:p", "p.name:text", "m:strip", "dec:staticmethod", "p.method"} <= set(t)
    assert normalize("Optional[List[int]]") == "list[int] | None"
    assert normalize("Union[str, None, int]") == "str | int | None"
    assert normalize("typing.Dict[str, int]") == "dict[str, int]"
    assert normalize("Any") is None and normalize("T") is None
    assert normalize("'Shape'") == "Shape"


def test_functions_under_match_try_and_if_are_found():
    src = ("match x:\n    case 1:\n        def f(a): return a\n"
           "try:\n    pass\nexcept E:\n    def g(b): pass\n"
           "if X:\n    class C:\n        def m(self, c): pass\n")
    assert sorted(slot_queries(src, "m")) == [("C.m", "c"), ("C.m", "return"), ("f", "a"), ("f", "return"),
                                              ("g", "b"), ("g", "return")]
