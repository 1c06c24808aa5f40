"""Methods in the engine (portalis/engine.py): each method of a user class is a FunctionInfo
"Class.method" (its Python and Rust signatures as `translate --function Class.method` emits
them, its parameters without self, translatability with the diagnostic that blocks it), and
`function_at` / `slot_at` work inside it. Edits in a module with classes always get the full
analysis (the quick re-analysis does not know classes)."""

from __future__ import annotations

import re
import subprocess

from portalis.engine import Engine, analyse
from portalis.pipeline import translate_function

SRC = '''class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

    def scaled(self, k):
        factor = k * 2
        return Point(self.x * factor, self.y * factor)

    @staticmethod
    def make(x: int, y: int) -> "Point":
        return Point(x, y)


class Log:
    def __init__(self) -> None:
        self.n = 0

    def write(self, s: str) -> None:
        with open("log.txt", "a") as f:
            f.write(s)

    def count(self) -> int:
        return self.n


def total(ps: list[Point]) -> int:
    return sum(p.norm1() for p in ps)


print(total([Point(1, 2), Point.make(3, -4).scaled(2)]))
'''


def test_methods_are_functions():
    a = analyse(SRC, "m.py")
    f = {x.name: x for x in a.functions}
    assert [x.name for x in a.functions] == ["Point.__init__", "Point.norm1", "Point.scaled", "Point.make",
                                             "Log.__init__", "Log.write", "Log.count", "total"]  # source order
    s = f["Point.scaled"]
    assert s.python_signature == "def Point.scaled(self, k: int) -> Point"
    assert s.rust_signature == "fn Point__scaled(self_: OPoint, k: i64) -> OPoint"
    assert [(p.name, p.python, p.source) for p in s.params] == [("k", "int", "call-site")]  # no self
    assert s.returns.source == "dataflow" and s.translatable and not s.blocking
    assert [x.name for x in s.locals] == ["factor"]
    assert f["Point.make"].python_signature == "def Point.make(x: int, y: int) -> Point"  # static: no receiver
    assert f["Point.make"].rust_signature == "fn Point__make(x: i64, y: i64) -> OPoint"
    assert f["Point.norm1"].rust_signature == "fn Point__norm1(self_: OPoint) -> i64"
    assert f["total"].rust_signature == "fn total(ps: PyList<OPoint>) -> i64"  # a class type in a signature
    assert f["Point.make"].span.line == 13  # from its decorator on


def test_positions_inside_methods():
    a = analyse(SRC, "m.py")
    assert a.function_at(9, 9).name == "Point.scaled"  # on the def name
    assert a.function_at(6, 10).name == "Point.norm1"
    assert a.function_containing(11).name == "Point.scaled"
    f, slot = a.slot_at(10, 9)  # `factor`
    assert (f.name, slot.name, slot.python, slot.rust) == ("Point.scaled", "factor", "int", "i64")
    f, slot = a.slot_at(9, 21)  # the parameter `k`
    assert (f.name, slot.name) == ("Point.scaled", "k")
    assert a.function_at(18, 6) is None  # a class name is no function


def test_refused_method_blocks_its_class():
    """A class is translated whole (portalis.slicing): the refusal inside `Log.write` blocks
    every method of Log, with its line; Point's methods and `total` are unaffected."""
    a = analyse(SRC, "m.py")
    f = {x.name: x for x in a.functions}
    w = f["Log.write"]
    assert not w.translatable and w.rust_signature is None
    assert (w.blocking[0].code, w.blocking[0].span.line) == ("unsupported-builtin", 23)
    c = f["Log.count"]
    assert not c.translatable and (c.blocking[0].code, c.blocking[0].span.line) == ("unsupported-builtin", 23)
    for name in ("Point.norm1", "Point.scaled", "Point.make", "total"):
        assert f[name].translatable, name
    # what `translate --function` says agrees
    assert translate_function(SRC, "m.py", "Log.count").crate is None
    assert translate_function(SRC, "m.py", "Point.norm1").crate is not None


def test_rust_signature_is_the_emitted_wrapper():
    for name in ("Point.scaled", "Point.make", "total"):
        f = analyse(SRC, "m.py").function(name)
        tr = translate_function(SRC, "m.py", name)
        m = re.search(r"^pub fn (.*) -> Result<(.*), pyrt::PyErr> \{$", tr.crate.files["src/lib.rs"], re.M)
        emitted = "fn " + m.group(1) + ("" if m.group(2) == "()" else " -> " + m.group(2))
        assert f.rust_signature == emitted.replace("rt::", ""), name


def test_method_library_compiles(tmp_path):
    """`translate --function Point.norm1`: the library crate compiles (its inner function was
    named `Point.norm1_py`, no Rust identifier)."""
    from portalis.codegen.crate import write_crate
    from portalis.codegen.toolchain import find_native_rustc
    tr = translate_function(SRC, "m.py", "Point.norm1")
    assert tr.crate is not None, tr.diagnostics
    write_crate(tr.crate, tmp_path / "crate")
    r = subprocess.run([str(find_native_rustc()), "--edition", "2021", "--crate-type", "lib", "--crate-name", "m_norm1",
                        "-o", str(tmp_path / "libm_norm1.rlib"), str(tmp_path / "crate" / "src" / "lib.rs")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr


def test_edits_in_a_module_with_classes_get_the_full_analysis():
    e = Engine()
    e.set_text("m.py", SRC)
    e.analysis("m.py")
    lines = SRC.split("\n")
    for at, new in ((10, "        print(k)"), (30, "    print(ps)")):  # in a method; in a function
        text = "\n".join(lines[:at] + [new] + lines[at:])
        e.set_text("m.py", text)
        assert e.quick("m.py") is None
        a = e.analysis("m.py")
        assert a.functions == analyse(text, "m.py").functions


def test_quick_reanalysis_never_misses_a_class_check():
    """An edit in a plain function of a module with classes: `print(p)` of an instance without
    `__repr__` is refused by a check on the finished IR (analyzers/classes.py check_module),
    which the quick re-analysis does not run: it used to answer without the refusal."""
    src = "class P:\n    def __init__(self, x: int) -> None:\n        self.x = x\n\n\n" \
          "def f(n: int) -> int:\n    p = P(n)\n    return p.x\n\n\nprint(f(2))\n"
    e = Engine()
    e.set_text("m.py", src)
    e.analysis("m.py")
    text = src.replace("    return p.x", "    print(p)\n    return p.x")
    e.set_text("m.py", text)
    q = e.quick("m.py")
    fresh = [(d.code, d.span.line) for d in analyse(text, "m.py").diagnostics]
    assert fresh == [("object-default-repr", 8)]
    assert q is None or [(d.code, d.span.line) for d in q.diagnostics] == fresh
