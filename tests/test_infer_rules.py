"""portalis.infer, one rule at a time: a fixture in, the expected (type, source) of each slot out.
Layer 3 (jedi) and layer 4 (the model) are off here unless the test is about them."""

from __future__ import annotations

import textwrap

import pytest

from portalis.infer import SOURCES, infer_file


def slots(src: str, **kw) -> dict[str, tuple[str, str]]:
    """{"f.x": (python, source), "f->": (python, source)} for every slot of the file."""
    kw.setdefault("use_jedi", False)
    kw.setdefault("model_server", None)
    ft = infer_file(textwrap.dedent(src), **kw)
    assert ft.error is None, ft.error
    out = {}
    for f in ft.functions:
        for p in f.params:
            out[f"{f.name}.{p.name}"] = (p.type.python, p.type.source)
            assert p.type.source in SOURCES
        out[f"{f.name}->"] = (f.returns.python, f.returns.source)
    return out


CASES = {
    "annotations_pep484_585_604": ('''
        from typing import Optional, Union, List, Dict, Callable, Tuple
        def f(a: Optional[int], b: Union[str, bytes], c: List[Dict[str, int]], d: "Tuple[int, ...]",
              e: int | None, g: Callable[[int], str], *args: int, **kw: str) -> list[str]: ...
        ''', {"f.a": ("int | None", "annotation"), "f.b": ("str | bytes", "annotation"),
              "f.c": ("list[dict[str, int]]", "annotation"), "f.d": ("tuple[int, ...]", "annotation"),
              "f.e": ("int | None", "annotation"), "f.g": ("Callable[[int], str]", "annotation"),
              "f.args": ("tuple[int, ...]", "annotation"), "f.kw": ("dict[str, str]", "annotation"),
              "f->": ("list[str]", "annotation")}),
    "literals_and_operators": ('''
        def f():
            return 1 + 2 * 3
        def g():
            return 7 / 2
        def h():
            return "a" * 3
        def k():
            return f"{1}"
        ''', {"f->": ("int", "dataflow"), "g->": ("float", "dataflow"), "h->": ("str", "dataflow"),
              "k->": ("str", "dataflow")}),
    "containers_built_by_append_add_item": ('''
        def f():
            out = []
            for i in range(3):
                out.append(str(i))
            return out
        def g():
            s = set()
            s.add(1.5)
            return s
        def h():
            d = {}
            d["a"] = 1
            return d
        ''', {"f->": ("list[str]", "dataflow"), "g->": ("set[float]", "dataflow"), "h->": ("dict[str, int]", "dataflow")}),
    "recursion_fixpoint": ('''
        def fact(n):
            if n <= 1:
                return 1
            return n * fact(n - 1)
        ''', {"fact->": ("int", "dataflow")}),
    "none_return_joins": ('''
        def find(xs):
            for i, x in enumerate(xs):
                if x == 0:
                    return i
            return None
        ''', {"find->": ("int | None", "dataflow")}),
    "defaults": ('''
        def f(a=1, b="x", c=2.5, d=None):
            pass
        ''', {"f.a": ("int", "default"), "f.b": ("str", "default"), "f.c": ("float", "default"),
              "f.d": ("unknown", "default"), "f->": ("None", "dataflow")}),
    "call_sites_and_none_default": ('''
        def clamp(value, lo, hi=None):
            if hi is None:
                return max(lo, value)
            return min(max(lo, value), hi)
        clamp(5, 1, 3)
        clamp(7, 2)
        ''', {"clamp.value": ("int", "call-site"), "clamp.lo": ("int", "call-site"),
              "clamp.hi": ("int | None", "call-site"), "clamp->": ("int", "dataflow")}),
    "usage_str_list_dict_seq": ('''
        def a(x):
            return x.split(",")
        def b(xs):
            xs.append(1)
        def c(d):
            for k, v in d.items():
                print(k, v)
        def e(seq, i):
            return seq[i] + 1
        def g(n):
            return list(range(n))
        def h(words):
            return sorted(w.lower() for w in words)
        def k(xs):
            return xs[0] if len(xs) else None
        ''', {"a.x": ("str", "usage"), "a->": ("list[str]", "dataflow"), "b.xs": ("list[int]", "usage"),
              "c.d": ("dict", "usage"), "e.seq": ("Sequence[int]", "usage"), "e.i": ("int", "usage"),
              "e->": ("int", "dataflow"), "g.n": ("int", "usage"), "h.words": ("Iterable[str]", "usage"), "k.xs": ("Sequence", "usage"), "g->": ("list[int]", "dataflow")}),
    "isinstance_is_data_not_a_crash": ('''
        def f(x):
            if isinstance(x, str):
                return x.upper()
            return x
        ''', {"f.x": ("str", "usage")}),
    "classes_methods_init_attributes": ('''
        class Stack:
            def __init__(self):
                self.items = []
            def push(self, v):
                self.items.append(v)
            def pop(self):
                return self.items.pop()
            def size(self):
                return len(self.items)
            def __repr__(self):
                raise NotImplementedError
        s = Stack()
        s.push("a")
        ''', {"Stack.push.v": ("str", "call-site"), "Stack.pop->": ("str", "dataflow"),
              "Stack.size->": ("int", "dataflow"), "Stack.__init__->": ("None", "dataflow"),
              "Stack.__repr__->": ("str", "dataflow")}),
    "dataclass_fields_and_final": ('''
        from dataclasses import dataclass
        from typing import Final
        LIMIT: Final = 10
        @dataclass
        class P:
            x: float
            y: float
            def norm2(self):
                return self.x * self.x + self.y * self.y
        def limit():
            return LIMIT
        ''', {"P.norm2->": ("float", "dataflow"), "limit->": ("int", "dataflow")}),
    "nested_functions": ('''
        def outer(n):
            def inner(k):
                return k * 2
            return inner(n)
        outer(4)
        ''', {"outer.n": ("int", "call-site"), "outer->": ("int", "dataflow"), "outer.inner.k": ("int", "call-site")}),
    "generators": ('''
        def gen(n):
            for i in range(n):
                yield str(i)
        ''', {"gen->": ("Iterator[str]", "dataflow")}),
    "abstract_bodies_say_nothing": ('''
        class Base:
            def area(self):
                """The area."""
                raise NotImplementedError
            def name(self):
                ...
        ''', {"Base.area->": ("unknown", "default"), "Base.name->": ("unknown", "default")}),
    "none_narrowed_before_the_return": ('''
        import os
        def lookup(key):
            return {"a": "x"}.get(key)
        def filled(key, fallback):
            v = lookup(key)
            if v is None:
                v = os.environ.get(key, "").strip()
                if not v:
                    v = fallback + "!"
            return v
        def guarded(key):
            v = lookup(key)
            if v is None:
                raise KeyError(key)
            return v
        def asserted(key):
            v = lookup(key)
            assert v is not None
            return v
        def maybe_reset(key, c):
            v = lookup(key)
            if v is None:
                v = "x"
                if c:
                    v = None
            return v
        def or_default(key):
            return lookup(key) or "default"
        def and_other(key):
            return lookup(key) and "x"
        filled("a", "b")
        ''', {"filled->": ("str", "dataflow"), "guarded->": ("str", "dataflow"), "asserted->": ("str", "dataflow"),
              "maybe_reset->": ("str | None", "dataflow"), "or_default->": ("str", "dataflow"),
              "and_other->": ("str | None", "dataflow")}),
    "none_alone_is_no_answer_beside_an_unknown": ('''
        class V:
            def __init__(self, parts):
                self.parts = parts
                self.nxt = None
            @property
            def dev(self):
                return self.parts[1] if self.parts else None
            def take(self):
                t = self.nxt
                assert t is not None
                return t
        ''', {"V.dev->": ("unknown", "default"), "V.take->": ("unknown", "default")}),
    "map_yields_what_its_function_returns": ('''
        def low(words):
            return list(map(str.lower, words))
        def lens(words):
            return list(map(len, words))
        def sq(xs):
            return list(map(lambda x: x * 2.0, xs))
        def named(xs):
            return set(map(twice, xs))
        def twice(x):
            return 2 * x
        named([1, 2])
        sq([1.5])
        ''', {"low->": ("list[str]", "dataflow"), "lens->": ("list[int]", "dataflow"),
              "sq->": ("list[float]", "dataflow"), "named->": ("set[int]", "dataflow")}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rule(case):
    src, want = CASES[case]
    got = slots(src)
    for key, expected in want.items():
        assert got.get(key) == expected, (key, got.get(key), expected)


def test_annotation_beats_dataflow_and_records_the_conflict():
    ft = infer_file("def f(x: int) -> str:\n    return 1\nf('a')\n", use_jedi=False)
    f = ft.function("f")
    assert f.returns.python == "str" and f.returns.source == "annotation"
    assert f.returns.conflicts == (("int", "dataflow"),)
    assert f.param("x").python == "int" and ("str", "call-site") in f.param("x").conflicts


def test_stub_beside_the_module(tmp_path):
    (tmp_path / "m.py").write_text("def f(x):\n    return g(x)\n")
    (tmp_path / "m.pyi").write_text("def f(x: bytes) -> float: ...\n")
    ft = infer_file((tmp_path / "m.py").read_text(), str(tmp_path / "m.py"), use_jedi=False)
    f = ft.function("f")
    assert (f.param("x").python, f.param("x").source) == ("bytes", "annotation")
    assert (f.returns.python, f.returns.source) == ("float", "annotation")


def test_workspace_call_sites(tmp_path):
    (tmp_path / "lib.py").write_text("def area(w, h):\n    return w * h\n")
    (tmp_path / "main.py").write_text("import lib\nprint(lib.area(2.0, 3.0))\n")
    ft = infer_file((tmp_path / "lib.py").read_text(), str(tmp_path / "lib.py"), workspace=[str(tmp_path / "main.py")],
                    use_jedi=False)
    f = ft.function("area")
    assert (f.param("w").python, f.param("w").source) == ("float", "call-site")
    assert f.returns.python == "float"


def test_jedi_layer_follows_imports():
    ft = infer_file("import os\n\ndef j(p):\n    return os.getcwd()\n", use_jedi=True)
    r = ft.function("j").returns
    assert (r.python, r.source) == ("str", "jedi")


def test_dataflow_runs_again_with_jedis_answers():
    """A function that returns what a jedi-answered function returns learns it in a second
    dataflow round: through a call, and through a property yielded by a generator."""
    src = textwrap.dedent('''
        import os
        def cwd():
            return os.getcwd()
        def both():
            return [cwd(), cwd()]
        class Dirs:
            @property
            def home(self):
                return os.path.expanduser("~")
            def each(self):
                yield self.home
                yield cwd()
        ''')
    ft = infer_file(src, use_jedi=True, model_server=None)
    assert (ft.function("cwd").returns.python, ft.function("cwd").returns.source) == ("str", "jedi")
    assert (ft.function("both").returns.python, ft.function("both").returns.source) == ("list[str]", "dataflow")
    assert ft.function("Dirs.each").returns.python == "Iterator[str]"


def test_rust_spelling():
    ft = infer_file("def f():\n    return [(1, 'a')]\ndef g(x=None):\n    return 1 if x else None\n", use_jedi=False)
    assert ft.function("f").returns.rust == "Vec<(i64, String)>"
    assert ft.function("g").returns.rust == "Option<i64>"


MODEL_SRC = """def greet(name, verbose):
    print("hi", name)
    if verbose:
        print("done")


def path_of(filename, count):
    return helper(filename, count)
"""


def test_model_layer_fills_what_layers_1_to_3_leave_unknown():
    """Layer 4 through the shipped weights in-process (Triton's path: tests/model): only slots
    still unknown, only answers at MODEL_MIN_CONFIDENCE or above, source "model"."""
    from portalis.infer import MODEL_MIN_CONFIDENCE
    without = infer_file(MODEL_SRC, "m.py", use_jedi=False, model_server=None)
    assert without.function("greet").param("name").python == "unknown"
    assert without.function("path_of").param("count").python == "unknown"
    ft = infer_file(MODEL_SRC, "m.py", use_jedi=False, model_server="off")
    assert "model" in ft.layers_used
    name, count = ft.function("greet").param("name"), ft.function("path_of").param("count")
    assert (name.python, name.source) == ("str", "model") and name.confidence >= MODEL_MIN_CONFIDENCE
    assert (count.python, count.rust, count.source) == ("int", "i64", "model")
    # the static layers' answers are never replaced
    assert ft.function("greet").returns == without.function("greet").returns
    # a guess below the threshold leaves the slot unknown
    from portalis import model
    from portalis.model.features import slot_queries
    q = slot_queries(MODEL_SRC, "m")[("path_of", "filename")]
    [p] = model.predict([q], "off")
    assert p is not None and p.confidence < MODEL_MIN_CONFIDENCE
    assert ft.function("path_of").param("filename").python == "unknown"


def test_model_layer_with_no_server_reachable_falls_back_in_process():
    ft = infer_file(MODEL_SRC, "m.py", use_jedi=False, model_server="http://127.0.0.1:9")
    assert ft.function("path_of").param("count").python == "int"


def test_model_layer_answers_nothing_when_the_model_fails(monkeypatch):
    import portalis.model as model

    def broken(*a, **k):
        raise RuntimeError("boom")
    monkeypatch.setattr(model, "predict", broken)
    ft = infer_file(MODEL_SRC, "m.py", use_jedi=False, model_server="off")
    assert ft.error is None and ft.function("path_of").param("count").python == "unknown"


def test_model_adds_items_to_a_bare_container_only(monkeypatch):
    """A bare container from layers 1-3 (`Iterator`: what `map` of an unknown function yields)
    takes the model's answer only when it is the same container with its items."""
    import portalis.model as model
    src = "def each(xs):\n    return map(foo, xs)\n"
    assert infer_file(src, "m.py", use_jedi=False, model_server=None).function("each").returns.python == "Iterator"

    def answering(python):
        return lambda qs, *a, **k: [model.Prediction(python, 0.9, "model (in-process)") for _ in qs]
    monkeypatch.setattr(model, "predict", answering("Iterator[str]"))
    r = infer_file(src, "m.py", use_jedi=False, model_server="off").function("each").returns
    assert (r.python, r.source, r.conflicts) == ("Iterator[str]", "model", (("Iterator", "dataflow"),))
    monkeypatch.setattr(model, "predict", answering("list[str]"))
    r = infer_file(src, "m.py", use_jedi=False, model_server="off").function("each").returns
    assert (r.python, r.source) == ("Iterator", "dataflow")


@pytest.mark.parametrize("src", [
    "def f(:\n", "x = (", "\x00", "def f(x):\n  return x.\n", "class A(B, metaclass=M):\n  def m(self, *, a=lambda: 0): yield from a\n",
    "def f(x):\n    " + "(" * 200 + "x" + ")" * 200 + "\n", "async def f(x):\n    await x\n    async for a in x: pass\n",
    "match x:\n    case [1, *r]: pass\n", "def f(a, /, b, *, c): return a[b:c]\n", "@d\n@e.f(1)\ndef g(): return g\n",
])
def test_never_raises(src):
    ft = infer_file(src)
    assert ft.error is not None or isinstance(ft.functions, tuple)


def test_a_call_that_always_raises_ends_a_path():
    src = '''
        class Tok:
            def fail(self, msg):
                raise SyntaxError(msg)
            def read(self, c):
                if c == "a":
                    return 1
                else:
                    self.fail("bad")
        '''
    assert slots(src)["Tok.read->"] == ("int", "dataflow")


def test_jedi_anystr_reads_as_str():
    ft = infer_file("import os\n\ndef j(p):\n    return os.path.basename(p)\n", use_jedi=True)
    assert ft.function("j").returns.python == "str"


def test_indexed_with_str_items_is_a_str():
    src = '''
        def skip(src, pos):
            while src[pos] == " ":
                pos += 1
            return pos
        '''
    assert slots(src)["skip.src"] == ("str", "usage")


def test_empty_tuple_joins_as_variadic():
    src = '''
        def keys(parts):
            key = ()
            for p in parts.split("."):
                key = key + (p,)
            return key
        '''
    assert slots(src)["keys->"] == ("tuple[str, ...]", "dataflow")


def test_overrides_share_their_signature():
    src = '''
        class Shape:
            def scale(self, k):
                raise NotImplementedError
        class Square(Shape):
            def __init__(self, side):
                self.side = side
            def scale(self, k):
                return Square(self.side * k)
        Square(2.0).scale(3.0)
        '''
    got = slots(src)
    assert got["Shape.scale.k"] == ("float", "dataflow") and got["Shape.scale->"] == ("Square", "dataflow")


def test_method_call_on_unknown_receiver_counts_when_one_class_has_it():
    src = '''
        class Tokenizer:
            def expect(self, name, expected):
                return name
        def parse(tok):
            return tok.expect("NAME", expected="a name")
        '''
    got = slots(src)
    assert got["Tokenizer.expect.name"] == ("str", "call-site") and got["Tokenizer.expect.expected"] == ("str", "call-site")
    assert got["parse.tok"] == ("Tokenizer", "usage")


def test_usage_through_an_attribute_set_in_init():
    src = '''
        class Lexer:
            def __init__(self, text):
                self.text = text
                self.pos = 0
            def word(self):
                return self.text.split()[self.pos]
        '''
    assert slots(src)["Lexer.__init__.text"] == ("str", "usage")


def test_isinstance_names_the_types_and_str_methods_take_str():
    src = '''
        def fmt(value):
            if isinstance(value, (int, float)):
                return str(value)
            if isinstance(value, str):
                return value
            return "?"
        def has(line, prefix):
            return line.strip().startswith(prefix)
        def csv(cells):
            return ",".join(cells)
        '''
    got = slots(src)
    assert got["fmt.value"] == ("float | str", "usage")  # int joins float (PEP 484 numeric tower)
    assert got["has.prefix"] == ("str", "usage") and got["has.line"] == ("str", "usage")
    assert got["csv.cells"] == ("Iterable[str]", "usage")


def test_passed_to_well_known_stdlib_functions():
    src = '''
        import os
        import re
        def load(path):
            if os.path.exists(path):
                with open(path) as f:
                    return f.read()
        def ver(text):
            return re.match(r"\\d+", text)
        '''
    got = slots(src)
    assert got["load.path"] == ("str", "usage") and got["ver.text"] == ("str", "usage")
