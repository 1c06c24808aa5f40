"""A seeded generator of random, valid, well-typed programs in the subset Portalis translates
(Csmith for this subset). Every program is deterministic under CPython, prints many intermediate
values, and ends (loops are bounded, recursion carries a decreasing counter).

What it draws on, on purpose: ints near and past 64 bits, floats with nan/inf/-0.0, strings
with non-ASCII, combining and case-special characters, lists/dicts/tuples/sets, Optional values
(also None reaching operators inside try/except), user exceptions and handlers, functions calling
functions, functions nested in them (reading their variables, which change after the `def`),
recursion, module globals with `global`, f-strings with format specs, str methods,
comprehensions, slicing, user classes (fields, methods, `__repr__`/`__eq__`, a subclass that
overrides and calls `super()`, objects aliased, mutated through lists and functions, sorted by a
field), value classes with protocols (rich.py: operators, ordering, hashing, str/repr,
properties, class and static methods), enums, named tuples, dicts of lists, sets and values of
several types (records.py), list and dict methods, chained comparisons and loops with `else`
(containers.py), one-character locals, `s[i]` tests and the counting and grouping dict idioms
(text.py), `with` over a context manager that may suppress, trys and `with` blocks left
by return/break/continue, bodies on their header's line, and names drawn to collide: Rust keywords, their `_` forms, case
variants, NFKC variants (several spellings of one name), the emitter's own prefixes.

`generate(seed)` -> `Program(source, module_names)`. `generate_batch(seed, n)` joins n programs
whose module-level names are disjoint, each starting with a marker line, so one build runs many.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .containers import ContainersMixin
from .gens import GensMixin
from .records import RecordsMixin
from .rich import RichMixin
from .order import OrderMixin
from .text import TextMixin

# -------------------------------------------------------------------- names

RUST_WORDS = ["type", "match", "fn", "impl", "mod", "ref", "move", "loop", "where", "use", "pub", "dyn", "box",
              "crate", "self", "Self", "super", "struct", "enum", "trait", "unsafe", "extern", "const", "static",
              "mut", "let", "abstract", "become", "do", "final", "macro", "override", "priv", "typeof", "unsized",
              "virtual", "union", "gen", "main", "rt", "pyrt", "std", "core", "alloc", "Ok", "Err", "Some", "Vec",
              "String", "Box", "Option", "Result", "usize", "i64", "f64", "u32", "char"]
GENERATED = ["_t1", "_v2", "_o3", "_e", "_l1", "_k2", "_r", "_p", "_depth", "_exc", "_body", "_src4", "_fa1",
             "_aug3_4_obj", "_for2", "pf_x", "G_n", "g_n", "set_g_n", "EXC_E", "module_body", "parse_body", "x__init"]
PLAIN = ["total", "count", "value", "item", "data", "result", "name", "text", "items", "acc", "n", "k", "idx",
         "score", "word", "line", "key", "LIMIT", "limit", "Limit", "buf", "tmp", "flag"]
# one name, several spellings (PEP 3131: CPython reads them as one identifier)
NFKC = {"μ": ["µ", "μ"], "file": ["file", "ﬁle"], "ｘ": ["x", "ｘ"], "H": ["H", "ℌ"], "total2": ["total2", "ｔｏｔａｌ2"]}
BUILTINS = {"print", "len", "range", "str", "int", "float", "bool", "list", "dict", "set", "tuple", "sorted", "sum",
            "min", "max", "abs", "round", "repr", "enumerate", "zip", "isinstance", "ValueError", "KeyError",
            "TypeError", "IndexError", "ZeroDivisionError", "AttributeError", "Exception", "Optional", "None",
            "True", "False", "divmod", "pow", "ord", "chr", "hex", "any", "all", "reversed", "x"}


def name_pool() -> list[str]:
    pool = set(RUST_WORDS) | {w + "_" for w in RUST_WORDS[:20]} | set(GENERATED) | set(PLAIN)
    pool |= {n.upper() for n in ("type", "match", "limit")} | set(NFKC)
    return sorted(n for n in pool if n.isidentifier() and n not in BUILTINS)


# -------------------------------------------------------------------- literals

STRINGS = ["", "a", "abc", "Hello, World", "  padded  ", "x,y,,z", "ΟΔΥΣΣΕΥΣ", "straße", "ﬁne", "İstanbul",
           "e\u0301", "naïve café", "日本語", "🙂ok", "tab\there", "quote'\"", "back\\slash", "ΑΣ'", "ǅemal",
           "12", "-7", "3.5", "Σσς", "a\u200db", "MiXeD cAsE"]
FLOATS = ["0.0", "-0.0", "1.5", "-2.25", "1e300", "1e-300", "0.1", "3.0", "float('inf')", "float('-inf')",
          "float('nan')", "123456789.125", "2.5e-8"]
INTS = ["0", "1", "-1", "2", "7", "-13", "100", "255", "4096", "9223372036854775807", "-9223372036854775808",
        "4611686018427387904", "2 ** 62", "2 ** 64", "10 ** 20", "-(2 ** 63)", "12345678901234567890"]
# a 64-bit batch's ints (see `generate_batch`): as many choices as INTS, so that both kinds of
# batch draw the same random numbers
# (atoms: a literal goes into any expression unparenthesised, and `1 << 16 / x` shifts by a float)
INTS_64 = ["0", "1", "-1", "2", "7", "-13", "100", "255", "4096", "65535", "-32768", "999983",
           "(2 ** 20)", "-(10 ** 6)", "(1 << 16)", "-4097", "123456"]
assert len(INTS_64) == len(INTS)
SPECS = {"int": ["", ">6", "<6", "^7", "+", ",", "_", "08", "x", "#x", "b", "o", "e", ".3e", "%"],
         "float": ["", ".2f", ">10.3f", "+.1f", ",.2f", "e", ".3g", "g", "%", "010.2f", ".0f"],
         "str": ["", ">8", "<8", "^9", "*^9", ".2"]}


@dataclass
class Fn:
    name: str
    params: list[tuple[str, str]]
    ret: str
    recursive: bool = False


@dataclass
class Program:
    source: str
    module_names: set[str] = field(default_factory=set)


_COMPOUND = {"if", "elif", "else:", "for", "while", "try:", "except", "except:", "finally:", "with", "def", "class"}


class Gen(RecordsMixin, RichMixin, ContainersMixin, GensMixin, TextMixin, OrderMixin):
    def __init__(self, rnd: random.Random, taken: set[str] | None = None, wide_ints: bool = True):
        self.r = rnd
        # False: no literal or shift meant to outgrow 64 bits (a program can still get there by
        # arithmetic); True: ints near and past 64 bits, which send the run to the big-int build
        self.wide_ints = wide_ints
        self.taken = set(taken or ())  # other programs' module names (one batch shares a module)
        self.pool = [n for n in name_pool() if n not in self.taken]
        self.r.shuffle(self.pool)
        self.used: set[str] = {"self", "super"}  # what methods use (`self`, `super()`): never a name of the program
        self.module: set[str] = set()
        self.fns: list[Fn] = []
        self.globals: dict[str, str] = {}
        self.excs: list[str] = []
        self.lines: list[str] = []
        self.depth = 0
        self.for_depth = 0  # inside a `for` body of the function being written: break/continue may leave a try
        self.cm: str | None = None  # the context manager class (cm_decl), if the program has one
        self.enclosing: Fn | None = None  # writing a nested function: the function it is in (never called from it)
        # inside a try body (its handlers end with `except Exception`): only there may an
        # expression fail or a statement raise. A program that ends with an uncaught exception
        # ends its batch there (runner.check_batch runs the rest again): keep them rare
        self.catching = 0
        self.current: Fn | None = None  # the function being written
        self.bases: dict[str, str | None] = {}
        self.reprs: dict[str, bool] = {}  # classes whose objects print by a __repr__ (theirs or a base's)
        self.dataclasses: dict[str, bool] = {}  # the classes that are dataclasses: whether order=True
        self.classes: list[str] = []  # user classes (see `class_decls`): each has a (int), b (str), hist (list[int])
        self.enums: dict[str, tuple[list[tuple[str, int]], bool]] = {}  # see records.py
        self.nts: dict[str, list[tuple[str, str, str | None]]] = {}
        self.rich: dict[str, set[str]] = {}  # value classes with protocols (rich.py): their features
        self.gens: list = []  # generator functions (gens.py)

    # ---- names

    def fresh(self) -> str:
        for n in self.pool:
            if n not in self.used:
                self.used.add(n)
                return n
        i = len(self.used)
        while (n := f"v{i}") in self.used or n in self.taken:
            i += 1
        self.used.add(n)
        return n

    def spell(self, name: str) -> str:
        return self.r.choice(NFKC[name]) if name in NFKC else name

    # ---- expressions of a type, in an environment {name: type}

    def expr(self, t: str, env: dict[str, str], d: int = 0) -> str:
        r = self.r
        vars_t = [n for n, ty in env.items() if ty == t]
        if vars_t and r.random() < 0.45:
            return self.spell(r.choice(vars_t))
        if d > 2 or r.random() < 0.25:
            return self.literal(t)
        return f"({self.compound(t, env, d)})"

    def compound(self, t: str, env: dict[str, str], d: int) -> str:
        r = self.r
        if t == "int":
            return self.int_expr(env, d)
        if t == "float":
            return self.float_expr(env, d)
        if t == "bool":
            return self.bool_expr(env, d)
        if t == "str":
            return self.str_expr(env, d)
        if t == "list[int]":
            return r.choice([
                f"[{self.expr('int', env, d + 1)}, {self.expr('int', env, d + 1)}, {self.literal('int')}]",
                # at odd depths sorted(), else list(set(...)): a set of ints, in CPython's order
                # (pyrt/set.rs); no extra draw, so the seeds keep their streams
                f"sorted({self.expr('list[int]', env, d + 1)})" if d % 2 else f"list(set({self.expr('list[int]', env, d + 1)}))",
                f"[v * 2 for v in {self.expr('list[int]', env, d + 1)} if v % 3 != 1]",
                f"{self.expr('list[int]', env, d + 1)}[{r.randint(-3, 3)}:{r.randint(-2, 5)}]",
                f"list(range({r.randint(-3, 3)}, {r.randint(0, 9)}, {r.choice([1, 2, 3, -1])}))",
                f"{self.expr('list[int]', env, d + 1)} + [{self.expr('int', env, d + 1)}]",
                f"[len(w) for w in {self.expr('list[str]', env, d + 1)}]",
            ])
        if t == "list[str]":
            return r.choice([
                f"{self.expr('str', env, d + 1)}.split()",
                f"{self.expr('str', env, d + 1)}.split({r.choice(STRINGS[1:6])!r})",
                f"[str(v) for v in {self.expr('list[int]', env, d + 1)}]",
                f"sorted({self.expr('list[str]', env, d + 1)})",
                f"[{self.expr('str', env, d + 1)}, {self.literal('str')}]",
            ])
        if t == "dict[str, int]":
            return r.choice([
                "{" + f"{self.literal('str')}: {self.expr('int', env, d + 1)}, {self.literal('str')}: 3" + "}",
                f"{{w: len(w) for w in {self.expr('list[str]', env, d + 1)}}}",
            ])
        if t == "int | None":
            return r.choice([f"None if {self.bool_expr(env, d + 1)} else {self.expr('int', env, d + 1)}",
                             f"{self.expr('dict[str, int]', env, d + 1)}.get({self.expr('str', env, d + 1)})"])
        if t == "str | None":
            return f"{self.expr('str', env, d + 1)} if {self.bool_expr(env, d + 1)} else None"
        if t == "tuple[int, str]":
            return f"({self.expr('int', env, d + 1)}, {self.expr('str', env, d + 1)})"
        return self.literal(t)

    def literal(self, t: str) -> str:
        r = self.r
        if t == "int":
            return r.choice(INTS if self.wide_ints else INTS_64) if r.random() < 0.5 else str(r.randint(-50, 50))
        if t == "float":
            return r.choice(FLOATS)
        if t == "bool":
            return r.choice(["True", "False"])
        if t == "str":
            return repr(r.choice(STRINGS))
        # containers are never empty literals: an empty one has no element type to infer
        if t == "list[int]":
            return "[" + ", ".join(str(r.randint(-9, 20)) for _ in range(r.randint(1, 5))) + "]"
        if t == "list[str]":
            return "[" + ", ".join(repr(r.choice(STRINGS)) for _ in range(r.randint(1, 4))) + "]"
        if t == "dict[str, int]":
            return "{" + ", ".join(f"{repr(r.choice(STRINGS))}: {r.randint(-5, 9)}" for _ in range(r.randint(1, 3))) + "}"
        if t in ("int | None", "str | None"):
            return "None"
        if t == "tuple[int, str]":
            return f"({r.randint(-5, 5)}, {repr(r.choice(STRINGS))})"
        raise ValueError(t)

    def call(self, ret: str, env: dict[str, str], d: int) -> str | None:
        # never the function being written: its only self-call is the bounded one it starts with
        cands = [f for f in self.fns if f.ret == ret and f is not self.current and f is not self.enclosing]
        if not cands:
            return None
        f = self.r.choice(cands)
        args = [self.expr(pt, env, d + 1) if pt != "int" or pn != "_depth_" else "3" for pn, pt in f.params]
        if f.recursive:
            args[0] = str(self.r.randint(0, 6))
        return f"{self.spell(f.name)}({', '.join(args)})"

    def field(self, t: str, env: dict[str, str], d: int) -> str:
        """An f-string field: Python 3.11 allows no backslash and no double quote in it."""
        e = self.expr(t, env, d + 1)
        if "\\" in e or '"' in e:
            e = {"int": "7", "float": "2.5", "str": "'abc'"}.get(t, self.literal(t))
        return e

    def int_expr(self, env: dict[str, str], d: int) -> str:
        r = self.r
        a = lambda: self.expr("int", env, d + 1)  # noqa: E731
        opts = [
            lambda: f"({a()} {r.choice(['+', '-', '*'])} {a()})",
            lambda: f"({a()} // (abs({a()}) + 1))",
            lambda: f"({a()} % (abs({a()}) + 2))",
            lambda: f"(-{a()})",
            lambda: f"({a()} {r.choice(['&', '|', '^'])} {a()})",
            lambda: f"({a()} << {r.randint(0, 70) if self.wide_ints else r.randint(0, 70) % 17})",
            lambda: f"({a()} >> {r.randint(0, 66)})",
            lambda: f"len({self.expr('str', env, d + 1)})",
            lambda: f"len({self.expr('list[int]', env, d + 1)})",
            lambda: f"sum({self.expr('list[int]', env, d + 1)})",
            lambda: f"max({a()}, {a()})",
            lambda: f"min({a()}, {a()}, {a()})",
            lambda: f"abs({a()})",
            lambda: f"{self.expr('str', env, d + 1)}.find({self.literal('str')})",
            lambda: f"{self.expr('str', env, d + 1)}.count({repr(r.choice('ab,σ '))})",
            lambda: f"({a()} if {self.bool_expr(env, d + 1)} else {a()})",
            lambda: f"round({self.expr('float', env, d + 1)} * 0.0 + 2.5)" if self.catching  # nan/inf: ValueError
            else f"round(abs({a()}) * 0.5 + 2.5)",
            lambda: f"ord({self.expr('str', env, d + 1)}[:1] or 'a')",
            lambda: f"({a()} ** {r.randint(0, 5) if self.wide_ints else r.randint(0, 5) % 3})",
            lambda: f"({a()} // {r.choice(['-', ''])}(abs({a()}) + 1))",
            lambda: f"({a()} % -(abs({a()}) + 1))",
            lambda: f"divmod({a()}, {r.choice([-7, -2, 3, 10])})[{r.randint(0, 1)}]",
            lambda: f"pow({a()}, {r.randint(0, 40)}, {r.choice([7, 97, 1000003, -5])})",
            lambda: f"int({repr(r.choice(['12', ' -7 ', '1_000', '0', '+5', '٣']))})",
            lambda: "int({!r}, {})".format(*r.choice(
                [("ff", 16), ("0x1F", 16), ("777", 16), ("-0b101", 16), ("0x1F", 0), ("777", 0), ("-0b101", 0),
                 ("ff", 36), ("0x1F", 36), ("777", 36), ("-0b101", 36), ("z", 36)]
                + ([("z", 16), ("ff", 0), ("z", 0)] if self.catching else []))),  # the last: ValueError
            lambda: f"{self.expr('list[int]', env, d + 1)}.count({a()})",
            lambda: f"len(set({self.expr('list[int]', env, d + 1)}))",
            lambda: f"len(sorted({self.expr('list[str]', env, d + 1)}, key=len, reverse=True))",
            lambda: f"max({self.expr('list[int]', env, d + 1)}, default={a()})",
            lambda: f"len(min({self.expr('list[str]', env, d + 1)}, key=lambda w: (len(w), w)))",
            lambda: f"sum(x * y for x, y in zip({self.expr('list[int]', env, d + 1)}, {self.expr('list[int]', env, d + 1)}))",
        ]
        c = self.call("int", env, d)
        if c and r.random() < 0.2:
            return c
        return r.choice(opts)()

    def float_expr(self, env: dict[str, str], d: int) -> str:
        r = self.r
        f = lambda: self.expr("float", env, d + 1)  # noqa: E731
        return r.choice([
            lambda: f"({f()} {r.choice(['+', '-', '*'])} {f()})",
            lambda: f"({self.expr('int', env, d + 1)} / (abs({self.expr('int', env, d + 1)}) + 1))",
            lambda: f"float({self.expr('int', env, d + 1)})",
            lambda: f"(-{f()})",
            lambda: f"abs({f()})",
            lambda: f"round({f()}, {r.randint(0, 3)})",
            lambda: f"max({f()}, {f()})",
            lambda: f"min({f()}, 0.0)",
            lambda: f"({f()} if {self.bool_expr(env, d + 1)} else {f()})",
            lambda: f"({f()} // {r.choice(['1.5', '-0.25', '3.0'])})",
            lambda: f"({f()} % {r.choice(['1.5', '-0.25', '7.0'])})",
            lambda: f"float({repr(r.choice(['1.5', ' -2e3 ', 'inf', '-nan', '1_0.5', '.5', '5.'] + (['0x10'] if self.catching else [])))})",
            lambda: f"round({f()}, {r.randint(-2, 4)})",
            lambda: f"(sum([{f()}, {f()}, 0.1]))",
        ])()

    def bool_expr(self, env: dict[str, str], d: int) -> str:
        r = self.r
        return r.choice([
            lambda: f"({self.expr('int', env, d + 1)} {r.choice(['<', '<=', '==', '!=', '>', '>='])} {self.expr('int', env, d + 1)})",
            lambda: f"({self.expr('float', env, d + 1)} {r.choice(['<', '==', '>='])} {self.expr('float', env, d + 1)})",
            lambda: f"({self.expr('str', env, d + 1)} {r.choice(['<', '==', '!='])} {self.expr('str', env, d + 1)})",
            lambda: f"({self.expr('int', env, d + 1)} in {self.expr('list[int]', env, d + 1)})",
            lambda: f"({self.expr('str', env, d + 1)} in {self.expr('str', env, d + 1)})",
            lambda: f"{self.expr('str', env, d + 1)}.startswith({self.literal('str')})",
            lambda: f"{self.expr('str', env, d + 1)}.{r.choice(['isdigit', 'isalpha', 'isupper', 'islower', 'isspace'])}()",
            lambda: f"(not {self.expr('bool', env, d + 1)})",
            lambda: f"({self.expr('bool', env, d + 1)} {r.choice(['and', 'or'])} {self.expr('bool', env, d + 1)})",
            lambda: f"({self.expr('int | None', env, d + 1)} is None)",
        ])()

    def str_expr(self, env: dict[str, str], d: int) -> str:
        r = self.r
        s = lambda: self.expr("str", env, d + 1)  # noqa: E731
        spec_t = r.choice(["int", "float", "str"])
        return r.choice([
            lambda: f"({s()} + {s()})",
            lambda: f"str({self.expr(r.choice(['int', 'float', 'bool', 'list[int]', 'list[str]']), env, d + 1)})",
            lambda: f"repr({self.expr(r.choice(['str', 'float', 'list[str]']), env, d + 1)})",
            lambda: f"{s()}.{r.choice(['upper', 'lower', 'title', 'capitalize', 'swapcase', 'strip'])}()",
            lambda: f"{s()}.replace({repr(r.choice('abσs, '))}, {self.literal('str')})",
            lambda: f"{self.literal('str')}.join({self.expr('list[str]', env, d + 1)})",
            lambda: f"{s()}[{r.randint(-4, 3)}:{r.randint(-2, 9)}:{r.choice([1, 1, 2, -1])}]",
            lambda: f"({s()} * {r.randint(0, 3)})",
            lambda: f"f\"<{{{self.field(spec_t, env, d)}:{r.choice(SPECS[spec_t])}}}|{{{self.field('str', env, d)}!r}}>\"",
            lambda: f"({s()} if {self.bool_expr(env, d + 1)} else {s()})",
            lambda: f"{s()}.center({r.randint(0, 12)}, {repr(r.choice('*-é'))})",
            lambda: f"chr({r.randint(32, 0x3A9)})",
            lambda: f"{s()}.zfill({r.randint(0, 9)})",
            lambda: f"{s()}.{r.choice(['ljust', 'rjust'])}({r.randint(0, 9)})",
            lambda: f"{s()}.rstrip({repr(r.choice(['a', ' ', 'sl', '']))})",
            lambda: f"{s()}.partition({repr(r.choice([',', ' ', 'ss']))})[{r.randint(0, 2)}]",
            lambda: f"{s()}.rsplit({repr(r.choice([',', ' ']))}, {r.randint(-1, 2)})[0]",
            lambda: f"{repr(r.choice(['{} and {}', '{0}-{1}', '[{:>5}|{!r}]']))}.format({self.field('int', env, d)}, {self.field('str', env, d)})",
            lambda: f"hex({self.expr('int', env, d + 1)})",
            lambda: f"{r.choice(['bin', 'oct'])}({self.expr('int', env, d + 1)})",
            lambda: f"' '.join(sorted(set({s()})))",
            lambda: f"str({self.expr('tuple[int, str]', env, d + 1)})",
        ])()

    # ---- statements

    def block(self, env: dict[str, str], indent: str, n: int, fn: Fn | None) -> list[str]:
        out: list[str] = []
        for _ in range(n):
            out += self.stmt(env, indent, fn)
        return out or [indent + "pass"]

    def suite(self, head: str, body: list[str]) -> list[str]:
        """`head` with its body: on the header's line (`if x: a = 1; print(a)`) now and then,
        where the body is simple statements only."""
        ind = head[:len(head) - len(head.lstrip())] + "    "
        simple = all(ln.startswith(ind) and not ln[len(ind)].isspace() and "\n" not in ln
                     and ln[len(ind):].split(" ", 1)[0] not in _COMPOUND for ln in body)
        if simple and len(body) <= 3 and self.r.random() < 0.3:
            return [f"{head} {'; '.join(ln.strip() for ln in body)}"]
        return [head] + body

    def stmt(self, env: dict[str, str], indent: str, fn: Fn | None) -> list[str]:
        r = self.r
        if self.classes and fn is None and r.random() < 0.15:
            return self.obj_stmt(env, indent)
        if (self.enums or self.nts) and r.random() < 0.15:
            return self.record_stmt(env, indent)
        if self.rich and r.random() < 0.15:
            return self.rich_stmt(env, indent)
        if r.random() < 0.05:
            return self.mixed_stmt(env, indent)
        if self.cm is not None and self.depth < 2 and r.random() < 0.15:
            return self.with_stmt(env, indent, fn)
        if r.random() < 0.08:
            return self.container_stmt(env, indent, fn)
        if r.random() < 0.05:
            return self.text_stmt(env, indent)
        if r.random() < 0.05:
            order = self.order_stmt(env, indent, fn)
            if order:
                return order
        if self.gens and self.depth < 2 and r.random() < 0.1:
            return self.gen_stmt(env, indent, fn)
        choice = r.random()
        nested = self.depth < 2
        if choice < 0.22 or not env:
            t = r.choice(["int", "int", "float", "str", "str", "list[int]", "list[str]", "bool", "dict[str, int]",
                          "int | None", "tuple[int, str]"])
            existing = [n for n, ty in env.items() if ty == t and n not in self.globals]
            name = r.choice(existing) if existing and r.random() < 0.4 else self.fresh()
            if name in env and env[name] != t:
                name = self.fresh()
            value = self.expr(t, env, 0)
            ann = f": {t.replace('int | None', 'Optional[int]')}" if name not in env and t in ("list[int]", "list[str]", "dict[str, int]", "int | None") else ""
            env[name] = t
            return [f"{indent}{self.spell(name)}{ann} = {value}", f"{indent}print({self.literal('str')}, {self.spell(name)})"]
        if choice < 0.30:
            ints = [n for n, ty in env.items() if ty == "int"]
            strs = [n for n, ty in env.items() if ty == "str"]
            if ints and (not strs or r.random() < 0.6):
                n = self.spell(r.choice(ints))
                return [f"{indent}{n} {r.choice(['+=', '-=', '*=', '|='])} {self.expr('int', env, 1)}", f"{indent}print({n})"]
            if strs:
                n = self.spell(r.choice(strs))
                return [f"{indent}{n} += {self.expr('str', env, 1)}", f"{indent}print(len({n}), {n})"]
        if choice < 0.36:
            lists = [n for n, ty in env.items() if ty == "list[int]"]
            dicts = [n for n, ty in env.items() if ty == "dict[str, int]"]
            if lists and r.random() < 0.6:
                xs = self.spell(r.choice(lists))
                return r.choice([
                    [f"{indent}{xs}.append({self.expr('int', env, 1)})", f"{indent}print({xs})"],
                    [f"{indent}if {xs}:", f"{indent}    print({xs}.pop(), {xs})"],
                    [f"{indent}{xs}.sort(reverse={r.choice(['True', 'False'])})", f"{indent}print({xs})"],
                    [f"{indent}{xs} += [{self.expr('int', env, 1)}]", f"{indent}print({xs}[-1:])"],
                ])
            if dicts:
                dd = self.spell(r.choice(dicts))
                k = self.expr("str", env, 1)
                return [f"{indent}{dd}[{k}] = {dd}.get({k}, 0) + {self.expr('int', env, 1)}",
                        f"{indent}print(sorted({dd}.items()))"]
        if choice < 0.46 and nested:
            self.depth += 1
            inner = dict(env)
            out = self.suite(f"{indent}if {self.bool_expr(env, 0)}:", self.block(inner, indent + "    ", r.randint(1, 3), fn))
            if r.random() < 0.5:
                out += self.suite(f"{indent}else:", self.block(dict(env), indent + "    ", r.randint(1, 2), fn))
            self.depth -= 1
            return out
        if choice < 0.56 and nested:
            self.depth += 1
            v = self.fresh()
            kind = r.choice(["range", "list", "str", "items"])
            inner = dict(env)
            if kind == "range":
                head, inner[v] = f"for {self.spell(v)} in range({r.randint(0, 6)}):", "int"
            elif kind == "list":
                xs = self.expr('list[int]', env, 1)
                head, inner[v] = f"for {self.spell(v)} in {xs}:", "int"
                for n, ty in env.items():  # growing the list being iterated never ends: the body may not
                    if ty == "list[int]" and xs in [n, *NFKC.get(n, [])]:
                        inner[n] = "list[int] (iterated)"
            elif kind == "str":
                head, inner[v] = f"for {self.spell(v)} in {self.expr('str', env, 1)}:", "str"
            else:
                k2 = self.fresh()
                head = f"for {self.spell(v)}, {self.spell(k2)} in sorted({self.expr('dict[str, int]', env, 1)}.items()):"
                inner[v], inner[k2] = "str", "int"
            stop = f"{indent}    if {self.bool_expr(inner, 1)}:\n{indent}        {r.choice(['break', 'continue'])}" \
                if r.random() < 0.3 else None  # made before the body adds names
            self.for_depth += 1
            # now and then a try first in the loop, which a break/continue may leave
            first = self.try_stmt(inner, indent + "    ", fn) if r.random() < 0.25 else []
            body = first + self.block(inner, indent + "    ", r.randint(1, 3), fn)
            self.for_depth -= 1
            if stop:
                body.insert(0, stop)
            self.depth -= 1
            return self.suite(indent + head, body)
        if choice < 0.68 and nested:
            return self.try_stmt(env, indent, fn)
        if choice < 0.74:
            opts = [n for n, ty in env.items() if ty == "int | None"]
            if opts:
                o = self.spell(r.choice(opts))
                sym = r.choice(["+", "*", "<", "//", "-", "=="])
                # the other operand: a constant, or an expression that may call functions (which
                # print) or raise: CPython evaluates it before the operation raises for None
                other = str(r.choice([1, 2, 3])) if r.random() < 0.5 else f"({self.expr('int', env, 2)})"
                use = f"{o} {sym} {other}" if r.random() < 0.7 else f"{other} {sym} {o}"
                return [f"{indent}if {o} is not None:", f"{indent}    print({use})",
                        f"{indent}try:", f"{indent}    print({use})", f"{indent}except TypeError as err:",
                        f"{indent}    print('TypeError', err)"]
        if choice < 0.80 and self.globals and fn is not None:
            g = r.choice([n for n in self.globals if self.globals[n] == "int"] or [None])
            if g is not None:
                return [f"{indent}{self.spell(g)} = {self.spell(g)} + {self.expr('int', env, 1)}",
                        f"{indent}print({self.literal('str')}, {self.spell(g)})"]
        if choice < 0.83 and nested:
            k = r.randrange(4)
            if k == 0:
                a, b = self.fresh(), self.fresh()
                rhs = self.expr('int', env, 1)
                env[a], env[b] = "int", "int"
                return [f"{indent}{self.spell(a)}, {self.spell(b)} = divmod({rhs}, {r.choice([3, -4, 9])})",
                        f"{indent}print({self.spell(a)}, {self.spell(b)})"]
            if k == 1:
                i = self.fresh()
                self.depth += 1
                inner = dict(env)
                inner[i] = "int (while counter)"  # the body must not change it: the loop would not end
                body = self.block(inner, indent + "    ", r.randint(1, 2), fn)
                self.depth -= 1
                return [f"{indent}{self.spell(i)} = 0", f"{indent}while {self.spell(i)} < {r.randint(0, 4)}:",
                        f"{indent}    {self.spell(i)} += 1"] + body
            if k == 2:
                i, v = self.fresh(), self.fresh()
                self.depth += 1
                inner = dict(env)
                inner[i], inner[v] = "int", "str"
                body = self.block(inner, indent + "    ", r.randint(1, 2), fn)
                self.depth -= 1
                head = r.choice([f"for {self.spell(i)}, {self.spell(v)} in enumerate({self.expr('list[str]', env, 1)}, {r.randint(-2, 3)}):",
                                 f"for {self.spell(i)}, {self.spell(v)} in zip({self.expr('list[int]', env, 1)}, {self.expr('str', env, 1)}):"])
                return [indent + head] + body
            dicts = [n for n, ty in env.items() if ty == "dict[str, int]"]
            if dicts:
                dd = self.spell(r.choice(dicts))
                return [f"{indent}print({dd}.pop({self.expr('str', env, 1)}, {self.expr('int', env, 1)}), len({dd}), sorted({dd}))"]
            return [f"{indent}try:", f"{indent}    assert {self.bool_expr(env, 1)}, {self.expr('str', env, 1)}",
                    f"{indent}except AssertionError as {self.spell(self.fresh())}:", f"{indent}    print('assert failed')"]
        if choice < 0.86 and self.excs and (self.catching or (fn is not None and r.random() < 0.5)):
            e = r.choice(self.excs)  # in a function: its callers in the module body catch it
            return [f"{indent}if {self.bool_expr(env, 1)}:", f"{indent}    raise {self.spell(e)}({self.expr('str', env, 1)})"]
        t = r.choice(["int", "float", "str", "bool", "list[int]", "list[str]", "int | None"])
        sep = r.choice(["", ", sep='|'", ", end=';\\n'"])
        return [f"{indent}print({self.expr(t, env, 0)}, {self.expr('str', env, 1)}{sep})"]

    def try_stmt(self, env: dict[str, str], indent: str, fn: Fn | None) -> list[str]:
        r = self.r
        self.depth += 1
        has_finally = r.random() < 0.3
        self.catching += 1
        body = self.block(dict(env), indent + "    ", r.randint(1, 3), fn)
        self.catching -= 1
        # leaving the try by a jump: its finally runs first, its else does not
        jump = None
        if self.for_depth and r.random() < 0.3:
            jump = r.choice(["break", "continue"])
        elif fn is not None and r.random() < 0.15:
            jump = "return" + (f" {self.expr(fn.ret, env, 1)}" if fn.ret != "None" else "")
        if jump is not None:
            body.insert(0, f"{indent}    if {self.bool_expr(env, 1)}:\n{indent}        {jump}")
        risky = r.choice([
            f"print({self.expr('list[int]', env, 1)}[{r.randint(-6, 6)}])",
            f"print({self.expr('dict[str, int]', env, 1)}[{self.literal('str')}])",
            f"print(int({self.expr('str', env, 1)}))",
            f"print({self.expr('int', env, 1)} // {r.randint(0, 2)})",
            f"print({self.expr('str', env, 1)}.index({self.literal('str')}))",
        ] + ([f"raise {self.spell(r.choice(self.excs))}({self.literal('str')})"] if self.excs else []))
        body.append(f"{indent}    {risky}")
        classes = ["IndexError", "KeyError", "ValueError", "ZeroDivisionError", "TypeError"] + self.excs
        handlers: list[str] = []
        for cls in r.sample(classes, k=min(len(classes), r.randint(1, 3))):
            ev = self.fresh()
            handlers += [f"{indent}except {self.spell(cls) if cls in self.excs else cls} as {self.spell(ev)}:",
                         f"{indent}    print({cls!r}, {self.spell(ev)})"]
        handlers += [f"{indent}except Exception:", f"{indent}    print('other')"]
        out = [f"{indent}try:"] + body + handlers
        if r.random() < 0.3:
            out += [f"{indent}else:", f"{indent}    print('no error')"]
        if has_finally:
            out += [f"{indent}finally:", f"{indent}    print('finally')"]
        self.depth -= 1
        return out

    # ---- user classes: every class has fields a (int), b (str), hist (list[int]); a subclass
    # overrides `label` (and maybe `bump`) and calls the base's through super()

    def class_decl(self) -> list[str]:
        r = self.r
        name = self.fresh()
        self.module.add(name)
        plain = [c for c in self.classes if c not in self.dataclasses]
        base = r.choice(plain) if plain and r.random() < 0.4 else None
        dc = base is None and r.random() < 0.3  # a @dataclass (its repr, eq and maybe order generated)
        # __eq__ on root classes only (a subclass overriding an operator method is refused)
        has_repr, has_eq = not dc and r.random() < 0.6, not dc and base is None and r.random() < 0.3
        out = [f"class {self.spell(name)}" + (f"({self.spell(base)}):" if base else ":")]
        if dc:
            order = r.random() < 0.5
            out = [f"@dataclass(order={order})" if order or r.random() < 0.5 else "@dataclass"] + out + [
                "    a: int", "    b: str", "    hist: list[int] = field(default_factory=list)",
                "    def __post_init__(self) -> None:", "        self.hist.append(self.a)"]
            self.dataclasses[name] = order
        elif base is None:
            out += ["    def __init__(self, a: int, b: str):", "        self.a = a", "        self.b = b",
                    "        self.hist: list[int] = [a]"]
        elif r.random() < 0.5:
            out += ["    def __init__(self, a: int, b: str):", f"        super().__init__(a * {r.randint(1, 3)}, b + {self.literal('str')})",
                    f"        self.hist.append({r.randint(-5, 5)})"]
        d, loc = self.fresh(), self.fresh()
        env = {d: "int", loc: "int"}
        self.depth += 1
        body = self.block(env, "        ", r.randint(0, 3), None)
        self.depth -= 1
        if base is None or r.random() < 0.5:
            upd = r.choice([f"self.a += {self.spell(d)}", f"self.a = self.a * 2 - {self.spell(d)}",
                            f"self.a = {self.spell(loc)} + {self.spell(d)}"])
            tail = (["        self.hist.append(self.a)", "        return self.a"] if base is None else
                    [f"        return super().bump({self.spell(d)} - 1) + {self.spell(loc)}"])
            out += [f"    def bump(self, {self.spell(d)}: int) -> int:", f"        {self.spell(loc)} = self.a"] + body + \
                   ([f"        {upd}"] if base is None else []) + tail
        lab = self.expr("str", {}, 1)
        out += ["    def label(self) -> str:",
                f"        return self.b + ':' + str(self.a) + {lab}" if base is None else
                f"        return {self.literal('str')} + super().label()"]
        if has_repr:
            out += ["    def __repr__(self) -> str:", f"        return f'{name}({{self.a!r}}, {{self.b!r}})'"]
        if has_eq:
            out += [f"    def __eq__(self, other: '{self.spell(name)}') -> bool:",
                    "        return self.a == other.a and self.b == other.b"]
        self.classes.append(name)
        self.bases[name] = base
        if has_repr or dc or (base is not None and self.reprs.get(base)):
            self.reprs[name] = True
        return out + [""]

    def obj_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        objs = [n for n, ty in env.items() if ty.startswith("obj:")]
        lists = [n for n, ty in env.items() if ty.startswith("list[obj:")]
        k = r.random()
        if not objs or k < 0.25:
            c = r.choice(self.classes)
            v = self.fresh()
            env[v] = "obj:" + c
            return [f"{indent}{self.spell(v)} = {self.spell(c)}({self.expr('int', env, 1)}, {self.expr('str', env, 1)})",
                    f"{indent}print({self.spell(v)}.label(), {self.spell(v)}.hist)"]
        o = r.choice(objs)
        c = env[o][4:]
        so = self.spell(o)
        if k < 0.4:
            q = self.fresh()
            env[q] = env[o]
            return [f"{indent}{self.spell(q)} = {so}", f"{indent}{self.spell(q)}.bump({self.expr('int', env, 1)})",
                    f"{indent}print({so}.a, {self.spell(q)}.a, {so} is {self.spell(q)}, {so}.hist[-2:])"]
        if k < 0.55 and not lists:
            v = self.fresh()
            env[v] = "list[obj:" + c + "]"
            items = [so] + [f"{self.spell(x)}({self.expr('int', env, 1)}, {self.literal('str')})"
                            for x in r.sample(self.classes, k=min(2, len(self.classes))) if self.is_sub(x, c)]
            return [f"{indent}{self.spell(v)}: list[{self.spell(c)}] = [{', '.join(items)}]",
                    f"{indent}print(len({self.spell(v)}), [w.label() for w in {self.spell(v)}])"]
        if k < 0.75 and lists:
            xs = r.choice(lists)
            w = self.fresh()
            lc = env[xs][9:-1]
            return r.choice([
                [f"{indent}for {self.spell(w)} in {self.spell(xs)}:", f"{indent}    {self.spell(w)}.bump({self.expr('int', env, 1)})",
                 f"{indent}print([{self.spell(w)}.a for {self.spell(w)} in {self.spell(xs)}])"],
                [f"{indent}print([{self.spell(w)}.label() for {self.spell(w)} in sorted({self.spell(xs)}, key=lambda {self.spell(w)}: ({self.spell(w)}.a, {self.spell(w)}.b))])"],
                [f"{indent}print(sorted({self.spell(xs)}, reverse={r.choice(['True', 'False'])}), max({self.spell(xs)}))"
                 if self.dataclasses.get(lc) else f"{indent}print(len({self.spell(xs)}))"],
                [f"{indent}print({self.spell(xs)})" if self.reprs.get(lc) and all(self.reprs.get(x) for x in self.classes if self.is_sub(x, lc))
                 else f"{indent}print(sum({self.spell(w)}.a for {self.spell(w)} in {self.spell(xs)}))"],
                [f"{indent}print([isinstance({self.spell(w)}, {self.spell(x)}) for {self.spell(w)} in {self.spell(xs)}], "
                 f"[{self.spell(w)}.__class__.__name__ for {self.spell(w)} in {self.spell(xs)}])" for x in [r.choice(self.classes)]],
            ])
        return r.choice([
            [f"{indent}print({so})" if self.reprs.get(c) and all(self.reprs.get(x) for x in self.classes if self.is_sub(x, c))
             else f"{indent}print({so}.b, {so}.a)"],
            [f"{indent}{so}.b = {so}.b + {self.expr('str', env, 1)}", f"{indent}print({so}.label())"],
            [f"{indent}{so}.hist.append({self.expr('int', env, 1)})", f"{indent}print({so}.hist, len({so}.hist))"],
            [f"{indent}print({so} == {self.spell(r.choice([x for x in objs if self.root(env[x][4:]) == self.root(c)]))}, {so} != {so})"],
            [f"{indent}print({so}.bump({self.expr('int', env, 1)}), {so}.label())"],
        ])

    def root(self, c: str) -> str:
        while self.bases.get(c) is not None:
            c = self.bases[c]  # type: ignore[assignment]
        return c

    def is_sub(self, c: str, base: str) -> bool:
        while c is not None:
            if c == base:
                return True
            c = self.bases.get(c)
        return False

    # ---- the program

    # ---- a context manager class and `with` statements over it

    def cm_decl(self) -> list[str]:
        """A context manager that prints when it is entered and left (with the exception, if
        any) and suppresses exceptions when told to."""
        self.cm = self.fresh()
        self.module.add(self.cm)
        n = self.spell(self.cm)
        return [f"class {n}:", "    def __init__(self, tag: str, swallow: bool):", "        self.tag = tag",
                "        self.swallow = swallow",
                f"    def __enter__(self) -> '{n}':", "        print('enter', self.tag)", "        return self",
                "    def __exit__(self, et: Optional[type], ev: Optional[BaseException], tb: object) -> bool:",
                "        print('exit', self.tag, et is None, ev)", "        return self.swallow", ""]

    def with_stmt(self, env: dict[str, str], indent: str, fn: Fn | None) -> list[str]:
        """`with` over the program's context manager: its body may leave by a jump (__exit__
        runs first) or raise what a suppressing manager swallows."""
        r = self.r
        v, swallow = self.fresh(), r.random() < 0.5
        self.depth += 1
        body = self.block(dict(env), indent + "    ", r.randint(1, 2), fn)
        self.depth -= 1
        jump = None
        if self.for_depth and r.random() < 0.3:
            jump = r.choice(["break", "continue"])
        elif fn is not None and r.random() < 0.2:
            jump = "return" + (f" {self.expr(fn.ret, env, 1)}" if fn.ret != "None" else "")
        if jump is not None:
            body.insert(0, f"{indent}    if {self.bool_expr(env, 1)}:\n{indent}        {jump}")
        if swallow and r.random() < 0.5:
            body.append(f"{indent}    raise {r.choice(['ValueError', 'KeyError'])}({self.literal('str')})")
        return [f"{indent}with {self.spell(self.cm)}({self.literal('str')}, {swallow}) as {self.spell(v)}:",
                f"{indent}    print('in', {self.spell(v)}.tag)"] + body

    def nested_def(self, env: dict[str, str], local_fns: list[Fn]) -> list[str]:
        """A function nested in the one being written, at the top of its body: it reads some of
        that function's variables (which may change after the `def`: a call sees their values
        then), appends to a list of it now and then, may call the nested functions before it,
        and is called right away and from the statements that follow."""
        r = self.r
        f = Fn(self.fresh(), [(self.fresh(), r.choice(["int", "str", "float", "list[int]", "int | None"]))
                              for _ in range(r.randint(0, 2))], r.choice(["int", "str", "float", "list[int]"]))
        seen = {n: t for n, t in env.items() if r.random() < 0.7}  # what it may read of the function's
        seen.update(f.params)
        outer, catching = self.current, self.catching
        # its body cannot fail (the calls of it are anywhere) and does not call the function it
        # is in (a recursive one would recurse without end: its counter starts again at each call)
        self.current, self.catching, self.enclosing = f, 0, outer
        sig = ", ".join(f"{self.spell(p)}: {t.replace('int | None', 'Optional[int]')}" for p, t in f.params)
        out = [f"    def {self.spell(f.name)}({sig}) -> {f.ret}:"]
        lists = [n for n, t in seen.items() if t == "list[int]"]
        if lists and r.random() < 0.4:  # the caller's list itself, not a copy
            out.append(f"        {self.spell(r.choice(lists))}.append({self.expr('int', seen, 1)})")
        out.append(f"        print({self.literal('str')}, {self.expr(r.choice(['int', 'str', 'float']), seen, 1)})")
        out.append(f"        return {self.expr(f.ret, seen, 0)}")
        self.current, self.catching, self.enclosing = outer, catching, None
        self.fns.append(f)
        local_fns.append(f)
        out.append(f"    print({self.spell(f.name)}({', '.join(self.expr(t, env, 1) for _, t in f.params)}))")
        return out

    def program(self) -> Program:
        r = self.r
        out = ["from typing import Generator, Iterable, Iterator, NamedTuple, Optional", "from dataclasses import dataclass, field",
               "from enum import Enum, IntEnum, auto", "from functools import cache, lru_cache, total_ordering",
               "from collections import Counter, OrderedDict, defaultdict, deque", ""]
        for _ in range(r.randint(0, 2)):
            e = self.fresh()
            self.module.add(e)
            self.excs.append(e)
            out.append(f"class {self.spell(e)}({r.choice(['ValueError', 'KeyError', 'Exception', 'ArithmeticError'])}):\n    pass\n")
        for _ in range(r.randint(1, 3)):
            g = self.fresh()
            self.module.add(g)
            t = r.choice(["int", "int", "str"])
            self.globals[g] = t
            out.append(f"{self.spell(g)} = {self.literal(t)}")
        out.append("")
        for _ in range(r.choice([0, 0, 0, 1, 2])):
            out += self.enum_decl()
        for _ in range(r.choice([0, 0, 0, 1, 2])):
            out += self.nt_decl()
        for _ in range(r.choice([0, 0, 0, 1, 2])):
            out += self.rich_decl()
        for _ in range(r.choice([0, 0, 1, 2, 3])):
            out += self.class_decl()
        if r.random() < CM_SHARE:
            out += self.cm_decl()
        for k in range(r.randint(1, 4)):
            name = self.fresh()
            self.module.add(name)
            recursive = r.random() < 0.25
            params = [(self.fresh(), "int")] if recursive else []
            for _ in range(r.randint(0, 3 - len(params))):
                params.append((self.fresh(), r.choice(["int", "str", "float", "list[int]", "int | None"])))
            ret = r.choice(["int", "str", "float", "list[int]", "None"])
            fn = Fn(name, params, ret, recursive)
            self.current = fn
            env = {p: t for p, t in params}
            sig = ", ".join(f"{self.spell(p)}: {t.replace('int | None', 'Optional[int]')}" for p, t in params)
            lines = [f"\ndef {self.spell(name)}({sig}) -> {ret}:"]
            if all(t in ("int", "str") for _, t in params) and r.random() < CACHE_SHARE:
                # functools caches (session 15): a hit skips the body (its prints, its global updates)
                lines.insert(0, "\n" + r.choice(["@cache", "@lru_cache", f"@lru_cache(maxsize={r.randint(0, 3)})",
                                                 "@lru_cache(maxsize=None)"]))
                lines[1] = lines[1].lstrip("\n")
            used_globals = [g for g in self.globals if r.random() < 0.5]
            if used_globals:
                lines.append("    global " + ", ".join(self.spell(g) for g in used_globals))
            saved = self.globals
            self.globals = {g: saved[g] for g in used_globals}
            for g in used_globals:
                env[g] = saved[g]
            if recursive:
                p0 = self.spell(params[0][0])
                rec_args = [f"{p0} - 1"] + [self.spell(p) for p, _ in params[1:]]
                call = f"{self.spell(name)}({', '.join(rec_args)})"
                base = self.literal(ret) if ret != "None" else "None"
                lines.append(f"    if {p0} <= 0:\n        return {base}")
                self.fns.append(fn)  # recursion is allowed from here on
                rec_use = {"int": f"{call} + 1", "str": f"{call} + 'r'", "float": f"{call} * 0.5",
                           "list[int]": f"{call} + [{p0}]", "None": call}[ret]
                lines.append(f"    rv = {rec_use}" if ret != "None" else f"    {call}")
                if ret != "None":
                    env["rv"] = ret
            n_stmts = r.randint(2, 6)
            nest = r.random() < NESTED_SHARE
            first = r.randint(0, n_stmts - 1) if nest else n_stmts
            if first:
                lines += self.block(env, "    ", first, fn)
            local_fns: list[Fn] = []
            if nest:
                for _ in range(r.choice([1, 1, 2])):
                    lines += self.nested_def(env, local_fns)
                lines += self.block(env, "    ", n_stmts - first, fn)
            if ret != "None":
                lines.append(f"    return {self.expr(ret, env, 0)}")
            self.fns = [f for f in self.fns if f not in local_fns]
            self.globals = saved
            self.current = None
            if not recursive:
                self.fns.append(fn)
            out += lines
        for _ in range(r.choice([0, 0, 1, 2])):  # generator functions (session 16, gens.py)
            out += self.gen_decl()
        out.append("")
        env: dict[str, str] = dict(self.globals)
        self.globals = {}
        before = set(self.used)
        main = self.block(env, "", r.randint(2, 5), None)
        for f in self.fns:
            c = self.call(f.ret, env, 0) if f.ret != "None" else None
            if f.ret == "None":
                args = ", ".join(self.expr(t, env, 1) if i or not f.recursive else str(r.randint(0, 5))
                                 for i, (_, t) in enumerate(f.params))
                c = f"{self.spell(f.name)}({args})"
            hv = self.fresh()
            handlers = "\n".join(f"except {self.spell(e)} as {self.spell(hv)}:\n    print('caught', {self.spell(hv)})"
                                 for e in self.excs)
            main += [f"try:\n    print({c})\n{handlers}" if self.excs else f"print({c})"]
        if self.fns and r.random() < FUNC_VALUE_SHARE:  # functions as values (session 15): a table of them
            groups: dict[tuple, list[Fn]] = {}
            for f in self.fns:
                groups.setdefault((tuple(t for _, t in f.params), f.ret), []).append(f)
            fs = r.choice(sorted(groups.values(), key=lambda g: -len(g)))
            table, g = self.spell(self.fresh()), self.spell(self.fresh())
            small = any(f.recursive for f in fs)  # a recursive function's first int: small
            args = ", ".join(str(r.randint(0, 5)) if small and i == 0 else self.expr(t, env, 1)
                             for i, (_, t) in enumerate(fs[0].params))
            handlers = "".join(f"\n    except {self.spell(e)} as {self.spell(g)}_e:\n        print('caught', {self.spell(g)}_e)"
                               for e in self.excs)
            call = f"    try:\n        print({g}({args}))" + handlers if self.excs else f"    print({g}({args}))"
            main += [f"{table} = [{', '.join(self.spell(f.name) for f in fs)}]", f"for {g} in {table}:\n{call}"]
        if r.random() < 0.02:  # now and then a program ends with an uncaught exception (exit 1, traceback)
            main.append(r.choice([f"print(int({self.literal('str')}))", f"print([1, 2][{r.randint(2, 5)}])",
                                  f"raise {r.choice(['ValueError', 'KeyError', 'RuntimeError'])}({self.literal('str')})"]
                                 + ([f"raise {self.spell(r.choice(self.excs))}({self.literal('str')})"] if self.excs else [])))
        self.module |= self.used - before  # names the module body binds are module names too
        return Program("\n".join(out + main) + "\n", set(self.module))


def generate(seed: int, taken: set[str] | None = None, wide_ints: bool = True) -> Program:
    return Gen(random.Random(seed), taken, wide_ints).program()


MARKER = "#### portalis-progen program {}"


CM_SHARE = 0.3  # the share of programs with a context manager class and `with` statements
NESTED_SHARE = 0.3  # the share of functions with functions nested in them
CACHE_SHARE = 0.25  # the share of functions of int/str parameters under @cache / @lru_cache
FUNC_VALUE_SHARE = 0.3  # the share of programs that call their functions through a list of them
WIDE_BATCHES = 0.3  # the share of batches with ints near and past 64 bits


def wide_batch(seed: int) -> bool:
    """Whether batch `seed` has ints near and past 64 bits.  A batch's programs share one build:
    one program that outgrows 64-bit ints sends all of them to the big-int build from the
    start, so batches are of one kind or the other.  Until 2026-12-04 every batch was wide:
    the 64-bit build, the one most programs get, ran only as far as a batch's first overflow,
    and the big-int build (~2.5x the rustc time of the 64-bit one) was made for every batch."""
    return random.Random(f"wide {seed}").random() < WIDE_BATCHES


def generate_batch(seed: int, n: int) -> list[Program]:
    """n programs whose module-level names are disjoint (so they can share one module)."""
    taken: set[str] = set()
    out = []
    wide = wide_batch(seed)
    for i in range(n):
        p = generate(seed * 1000 + i, taken, wide)
        taken |= p.module_names
        out.append(p)
    return out
