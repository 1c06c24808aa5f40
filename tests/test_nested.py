"""Nested functions (analyzers/nested.py): lifted to module functions that take the variables
they read from their parent as parameters. Against CPython where they translate; refused once,
at the line, where the lifting would not be exact. The corpus program
tests/corpus/func_nested_closures.py and the progen generator cover them too."""

from __future__ import annotations

import subprocess
import sys

import pytest

from portalis.engine import analyse
from portalis.pipeline import run_program, translate_function, translate_source

PROGRAM = '''\
LIMIT = 3


def helper(x: int) -> int:
    return x + 1000


def fib__f(x: int) -> int:  # the Rust name of fib's nested f, as a user writes it
    return x - 7


def fib(n: int) -> int:
    memo: dict[int, int] = {}
    def f(k: int) -> int:
        if k < 2:
            return k
        if k not in memo:
            memo[k] = f(k - 1) + f(k - 2)
        return memo[k]
    return f(n) + fib__f(n)


def chain(base: int, words: list[str]) -> str:
    sep = "-"
    def one(w: str) -> str:
        return w.upper() + sep + str(base)
    def two(w: str) -> str:  # reads sep and base through one
        return one(w) + sep + one(w[::-1])
    out = two(words[0])
    sep = "+"
    base += 1
    return out + " " + " ".join(two(w) for w in words)


def defaults(n: int) -> int:
    def scale(x: int, by: int = 10) -> int:
        return x * by
    return scale(n) + scale(n, 2) + scale(by=3, x=n)


def uses_global(n: int) -> int:
    def bump() -> int:
        global LIMIT
        LIMIT += n
        return LIMIT
    return bump() + bump()


def keywords(n: int) -> int:
    def match(type: int) -> int:
        return type + 1
    def main() -> int:
        return match(n) * 2
    return main()


def override(n: int) -> int:
    def helper(x: int) -> int:  # hides the module's helper in override only
        return x - 1
    return helper(n) + len(sorted([3, 1, 2], key=helper))


def counts(text: str) -> dict[str, int]:
    seen: dict[str, int] = {}
    def note(w: str) -> None:
        seen[w] = seen.get(w, 0) + 1
    for w in text.split():
        note(w)
    return seen


def deep(n: int) -> int:
    def down(k: int) -> int:
        return 0 if k == 0 else 1 + down(k - 1)
    return down(n)


def shadowed(n: int) -> int:
    def step(k: int) -> int:  # a module variable too, bound only by a loop (not a plain assignment)
        return k + 1
    def twice(k: int) -> int:
        return step(step(k))
    return twice(n) + step(n)


for step in range(2):
    print("step", step)
print(fib(80))
print(shadowed(1))
print(chain(7, ["ab", "cd"]))
print(defaults(5))
print(uses_global(2), LIMIT)
print(keywords(4))
print(override(10), helper(10))
print(counts("a b a c b a"))
print(deep(200))
try:
    print(deep(5000))
except RecursionError:
    print("RecursionError")
'''


def test_nested_functions_match_cpython(tmp_path, toolchain):
    path = tmp_path / "nested.py"
    path.write_text(PROGRAM, encoding="utf-8")
    py = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    pr = run_program(PROGRAM, str(path), [], toolchain=toolchain)
    tr = pr.build.translation
    assert tr is None or tr.ok, [d.render("nested.py") for d in tr.diagnostics]
    assert pr.result is not None, pr.build.build.format_errors() if pr.build.build else "no build"
    assert (pr.result.stdout, pr.result.exit_code) == (py.stdout, py.returncode)
    assert b"RecursionError" in py.stdout


def src(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# each: a program and the one diagnostic it gets (code, line): refused once, nothing cascades
REFUSED = {
    "def inside if": (src("def f(n: int) -> int:", "    if n:", "        def g() -> int:", "            return n",
                          "    return g()", "print(f(1))"), ("unsupported-syntax", 3)),
    "nested twice": (src("def f(n: int) -> int:", "    def g() -> int:", "        def h() -> int:",
                         "            return n", "        return h()", "    return g()", "print(f(1))"),
                     ("unsupported-syntax", 3)),
    "in a method": (src("class K:", "    def m(self) -> int:", "        def g() -> int:", "            return 1",
                        "        return g()", "print(K().m())"), ("unsupported-syntax", 3)),
    "nonlocal": (src("def f(n: int) -> int:", "    k = 0", "    def g() -> None:", "        nonlocal k",
                     "        k += 1", "    g()", "    return k", "print(f(1))"), ("unsupported-syntax", 4)),
    "called before its def": (src("def f(n: int) -> int:", "    r = g()", "    def g() -> int:", "        return n",
                                  "    return r", "print(f(1))"), ("undefined-name", 2)),
    "calls a later sibling": (src("def f(n: int) -> int:", "    def a() -> int:", "        return b()",
                                  "    def b() -> int:", "        return n", "    return a()", "print(f(1))"),
                              ("unsupported-syntax", 3)),
    "reads a variable that may be unbound": (src("def f(n: int) -> int:", "    def g() -> int:", "        return k",
                                                 "    if n > 0:", "        k = 1", "    return g()", "print(f(1))"),
                                             ("possibly-unbound", 6)),
    "reads an except name": (src("def f(n: int) -> str:", "    try:", "        raise ValueError('x')",
                                 "    except ValueError as e:", "        pass", "    def g() -> str:",
                                 "        return str(e)", "    return g()", "print(f(1))"), ("unsupported-syntax", 7)),
    "used as a value": (src("def f(n: int) -> int:", "    def g(x: int) -> int:", "        return x + n",
                            "    h = g", "    return 1", "print(f(1))"), ("unsupported-syntax", 4)),
    "a variable of the same name": (src("def f(n: int) -> int:", "    def g() -> int:", "        return n",
                                        "    if n > 5:", "        g = 3", "    return 1", "print(f(1))"),
                                    ("unsupported-syntax", 2)),
    "defined twice": (src("def f(n: int) -> int:", "    def g() -> int:", "        return n", "    def g() -> int:",
                          "        return 2", "    return g()", "print(f(1))"), ("unsupported-syntax", 4)),
    "a caller with a variable its callee reads": (src(
        "def f(n: int) -> int:", "    k = 2", "    def g() -> int:", "        return k", "    def h() -> int:",
        "        k = 5", "        return g() + k", "    return h()", "print(f(1))"), ("unsupported-syntax", 5)),
    "a default naming the parent's variable": (src(
        "LIMIT = 3", "def f(n: int) -> int:", "    LIMIT = 5", "    def g(x: int = LIMIT) -> int:", "        return x",
        "    return g()", "print(f(1))"), ("unsupported-syntax", 4)),  # not the module's LIMIT (3): f's (5)
    "hidden by a comprehension variable": (src(
        "def f(xs: list[int]) -> list[int]:", "    k = 10", "    def g() -> int:", "        return k",
        "    return [g() + k for k in xs]", "print(f([1, 2]))"), ("unsupported-syntax", 5)),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_once_at_its_line(case):
    text, (code, line) = REFUSED[case]
    tr = translate_source(text, "prog.py")
    assert [(d.code, d.span.line) for d in tr.diagnostics] == [(code, line)], \
        [d.render("prog.py") for d in tr.diagnostics]


def test_a_nested_function_is_translated_with_its_parent_not_alone():
    tr = translate_function(PROGRAM, "nested.py", "fib")
    assert tr.ok, [d.render("nested.py") for d in tr.diagnostics]
    alone = translate_function(PROGRAM, "nested.py", "fib.f")
    assert [(d.code, d.message) for d in alone.diagnostics] == [
        ("function-not-found", "`f` is nested in `fib`: translate `fib`, which includes it")]


def test_the_analysis_of_a_parent_covers_its_nested_functions():
    bad = PROGRAM.replace("        return x * by", "        return x * by + undefined_thing")
    a = analyse(bad, "nested.py")
    f = a.function("defaults")
    assert f is not None and not f.translatable
    assert [d.code for d in f.blocking] == ["undefined-name"]
    assert a.function("fib").translatable and a.function("fib").rust_signature == "fn fib(n: i64) -> i64"


def test_the_analysis_lists_nested_functions_after_their_parent():
    a = analyse(PROGRAM, "nested.py")
    names = [f.name for f in a.functions]
    assert names.index("chain") + 1 == names.index("chain.one") and names.index("chain.two") == names.index("chain.one") + 1
    two = a.function("chain.two")
    assert two.parent == "chain" and two.translatable
    assert two.python_signature == "def chain.two(w: str) -> str"
    assert two.rust_signature == "fn chain__two(w: Str, base: i64, sep: Str) -> Str"  # what it reads of chain
    line = PROGRAM.split("\n").index("    out = two(words[0])") + 1
    assert a.function_at(line, 10).name == "chain.two"  # a call of it
    assert a.function_containing(line).name == "chain"  # what "Translate function" offers there


def test_an_attribute_or_keyword_of_the_same_name_before_the_def_is_not_a_use():
    text = src("class P:", "    def __init__(self) -> None:", "        self.g = 1", "def f(n: int) -> int:",
               "    r = P().g + sorted([n], key=abs)[0]", "    print(r, sep=' ', end='\\n')",
               "    def g() -> int:", "        return n", "    def sep() -> int:", "        return 2",
               "    return r + g() + sep()", "print(f(1))")
    tr = translate_source(text, "prog.py")
    assert tr.ok, [d.render("prog.py") for d in tr.diagnostics]


def test_a_nested_function_named_like_a_module_variable_is_not_that_variable():
    # the parent's call of its nested `step` was read as a use of the module's `step`, which is
    # bound by a loop, so the program was refused ("module variable `step` is used by
    # functions ..."); every batch of the progen long run was refused together this way
    text = src("def outer(x: int) -> int:", "    def step(y: int) -> int:", "        return y + 1",
               "    def twice(y: int) -> int:", "        return step(step(y))", "    return twice(x)",
               "if True:", "    step = 5", "print(outer(3), step)")
    tr = translate_source(text, "prog.py")
    assert tr.ok, [d.render("prog.py") for d in tr.diagnostics]
    # a function that does read the module's `step` still needs its plain assignment
    tr = translate_source(text + src("def later() -> int:", "    return step", "print(later())"), "prog.py")
    assert [(d.code, d.span.line) for d in tr.diagnostics] == [("unsupported-syntax", 7)]
