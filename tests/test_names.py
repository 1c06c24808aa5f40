"""Name hygiene (codegen/emit/names.py): random sets of Python identifiers — every Rust keyword
and reserved word, every form the emitter and runtime generate, case variants and NFKC variants
— get distinct Rust names, and programs made of them behave as in CPython.

Part 1 is a property test on the allocation (hypothesis, no rustc). Part 2 builds a few random
programs with real rustc and runs them against CPython.
"""

from __future__ import annotations

import keyword
import random
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portalis.codegen.emit.module import _ModEmitter
from portalis.codegen.emit.names import NOT_RAW, RESERVED, RUST_KEYWORDS, TEMP_FORM
from portalis.pipeline import run_program, translate_source

# Python spellings that NFKC folds into ASCII names (PEP 3131)
NFKC_VARIANTS = {
    "mu": ["µ", "μ"],  # U+00B5 and U+03BC are one name
    "file": ["file", "ﬁle"],  # the fi ligature
    "x": ["x", "ｘ"],  # full-width
    "H": ["H", "ℌ"],
    "total": ["total", "ｔｏｔａｌ"],
}
GENERATED_FORMS = ["_t1", "_v1", "_o3", "_e", "_l1", "_k2", "_r2", "_f2", "_p", "_depth", "_exc", "_body", "_r", "_",
                   "module_body", "main", "main_", "rt", "pyrt", "std", "core", "String", "Ok", "Err", "Some", "Vec",
                   "Box", "Option", "Result", "i64", "f64", "usize", "str_", "pf_f0", "pf_module_body", "G_a", "g_a",
                   "set_g_a", "EXC_E0", "ExcFieldsE0", "f0_body", "f0_py", "E0__init", "u_3bc", "u_b5", "r"]
BUILTINS_USED = {"print", "int", "str", "ValueError", "range", "len", "isinstance"}


def _pool() -> list[str]:
    names = set(RUST_KEYWORDS) | set(RESERVED) | set(NOT_RAW) | set(GENERATED_FORMS)
    names |= {n + "_" for n in RUST_KEYWORDS} | {n.upper() for n in GENERATED_FORMS} | {n.lower() for n in RESERVED}
    names |= set(NFKC_VARIANTS)
    return sorted(n for n in names if n.isidentifier() and not keyword.iskeyword(n) and n not in BUILTINS_USED
                  and n not in {"None", "True", "False"})


POOL = _pool()


def _spell(name: str, rnd: random.Random) -> str:
    return rnd.choice(NFKC_VARIANTS.get(name, [name]))


def make_program(names: list[str], rnd: random.Random) -> str:
    """A valid, deterministic program that gives every name a role and prints everything, so any
    two names that meet in Rust show as a difference (or a build failure)."""
    names = list(dict.fromkeys(unicodedata.normalize("NFKC", n) for n in names))
    rnd.shuffle(names)
    k = len(names)
    n_glob = max(1, k // 4)
    globs, rest = names[:n_glob], names[n_glob:]
    n_exc = 1 if len(rest) > 6 else 0
    excs, rest = rest[:n_exc], rest[n_exc:]
    n_fn = max(1, min(3, len(rest) // 3))
    fns, rest = rest[:n_fn], rest[n_fn:]
    S = lambda n: _spell(n, rnd)  # noqa: E731 - a different spelling at every use
    out = []
    for i, e in enumerate(excs):
        out.append(f"class {S(e)}(ValueError):\n    pass\n")
    for i, g in enumerate(globs):
        out.append(f"{S(g)} = {i + 1}")
    locs = list(rest)
    arity = []
    for j, f in enumerate(fns):
        ps = locs[:2]
        ls = locs[2:4]
        locs = locs[4:] + ps + ls  # names reused as locals of other functions too
        arity.append(len(ps))
        params = ", ".join(f"{S(p)}: int" for p in ps)
        body = []
        if globs:
            body.append(f"    global {S(globs[0])}")
        acc = " + ".join(S(p) for p in ps) or "0"
        for i, loc in enumerate(ls):
            body.append(f"    {S(loc)} = {acc} * {i + 2} + {j}")
            acc = S(loc)
        if globs:
            body.append(f"    {S(globs[0])} = {S(globs[0])} + {acc}")
        if excs and j == 0:
            body.append(f"    if {acc} > 1000:\n        raise {S(excs[0])}(\"big\")")
        body.append(f"    print(\"{f}\", {acc}{''.join(', ' + S(g) for g in globs)})")
        body.append(f"    return {acc} + {len(ps)}")
        out.append(f"\ndef {S(f)}({params}) -> int:\n" + "\n".join(body))
    out.append("")
    handler = rest[0] if rest else "err"
    for f, n in zip(fns, arity):
        call = f"{S(f)}({', '.join(str(rnd.randint(-5, 600)) for _ in range(n))})"
        if excs:
            out.append(f"try:\n    print({call})\nexcept {S(excs[0])} as {S(handler)}:\n    print(\"caught\", {S(handler)})")
        else:
            out.append(f"print({call})")
    out.append("print(" + ", ".join(S(g) for g in globs) + ")")
    return "\n".join(out) + "\n"


def _all_rust_names(src: str) -> tuple[dict[str, str], list[str]]:
    t = translate_source(src, "names.py")
    assert t.module is not None and t.ok, [d.render("names.py") for d in t.diagnostics]
    em = _ModEmitter(t.module)
    user = dict(em.names._rust)
    generated = [v for k, v in em.fn_names.items() if k not in user]
    for items in (*em._fn_items.values(), *em._globals.values(), *em._excs.values()):
        generated.extend(items)
    return user, generated


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(POOL), min_size=3, max_size=14, unique=True), st.integers(0, 2**32))
def test_rust_names_are_distinct(names, seed):
    src = make_program(names, random.Random(seed))
    user, generated = _all_rust_names(src)
    rust = [r.removeprefix("r#") for r in user.values()]
    assert len(set(rust)) == len(rust), f"two Python names share a Rust name: {user}\n{src}"
    assert len(set(generated)) == len(generated), f"generated names collide: {generated}\n{src}"
    assert not set(rust) & set(generated), f"a generated name equals a user name\n{src}"
    for py, r in user.items():
        bare = r.removeprefix("r#")
        assert r.isascii() and bare.isidentifier()
        assert not TEMP_FORM.fullmatch(bare), (py, r)  # the temporaries' form is the emitter's
        assert bare not in RESERVED and bare not in NOT_RAW, (py, r)
        assert r.startswith("r#") == (py in RUST_KEYWORDS and py not in NOT_RAW), (py, r)


def test_nfkc_spellings_are_one_name():
    src = "µ = 1\nprint(μ)\nﬁle = 2\nprint(file)\n"
    user, _ = _all_rust_names(src)
    assert set(user) == {"μ", "file"}


def test_string_annotations_read_names_as_nfkc(tmp_path, toolchain):
    # a forward reference spelled `'ℌ'` names the class `H` (CPython compiles the string's
    # names with NFKC too); it was refused as an unknown type, reported at no line of the file
    src = ("class ℌ:\n    def __init__(self, a: int):\n        self.a = a\n"
           "    def __eq__(self, other: 'ℌ') -> bool:\n        return self.a == other.a\n"
           "print(H(1) == ℌ(1), H(1) == H(2))\n")
    pr = run_program(src, str(tmp_path / "fwd.py"), [], toolchain=toolchain)
    tr = pr.build.translation
    assert tr is None or tr.ok, [d.render("fwd.py") for d in tr.diagnostics]
    assert pr.result is not None and pr.result.stdout == _cpython(src, tmp_path).stdout == b"True False\n"


def _cpython(src: str, tmp_path) -> subprocess.CompletedProcess:
    p = tmp_path / "names.py"
    p.write_text(src, encoding="utf-8")
    return subprocess.run([sys.executable, str(p)], capture_output=True, timeout=60)


@pytest.mark.parametrize("seed", range(6))
def test_random_name_programs_match_cpython(seed, tmp_path, toolchain):
    rnd = random.Random(1000 + seed)
    names = rnd.sample(POOL, 16)
    src = make_program(names, rnd)
    py = _cpython(src, tmp_path)
    pr = run_program(src, str(tmp_path / "names.py"), [], toolchain=toolchain)
    tr, b = pr.build.translation, pr.build.build
    assert tr is None or tr.ok, [d.render("names.py") for d in tr.diagnostics]
    assert pr.result is not None, f"build failed:\n{b.format_errors() if b else ''}\n{src}"
    assert (pr.result.stdout, pr.result.exit_code) == (py.stdout, py.returncode), src
