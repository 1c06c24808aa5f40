"""Tests for the hand-written Rust runtime (codegen/runtime/pyrt/*.rs, one `pyrt.rs` in a crate).

* test_rust_unit_tests: compiles codegen/runtime/pyrt_tests.rs natively with
  ``~/.cargo/bin/rustc --edition 2021 --test`` and runs it.
* test_wasm_compiles_with_debian_rustc: compiles a tiny main.rs using pyrt with Debian's
  rustc 1.63 for wasm32-wasi (the toolchain generated crates are built with).
* test_oracle_*: builds tests/runtime/oracle_main.rs (a native driver around pyrt) and
  compares its output with CPython (this interpreter) on generated cases: float repr,
  format specs, str repr, round, int/float arithmetic, parsing and str methods.
"""

from __future__ import annotations

import math
import os
import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "codegen" / "runtime"
from portalis.codegen.build import WASM_FEATURES  # noqa: E402  (the target features programs are built with)
from portalis.codegen.emit import runtime_text  # noqa: E402  (the runtime's parts, as crates get it)
HERE = Path(__file__).resolve().parent

INSTALL_HINT = "apt-get install rustc libstd-rust-dev-wasm32 lld-14"


def _rustup_rustc() -> str:
    cand = Path.home() / ".cargo" / "bin" / "rustc"
    if cand.exists():
        return str(cand)
    found = shutil.which("rustc")
    if found is None:
        pytest.fail("no rustc found (expected ~/.cargo/bin/rustc from rustup)")
    return found


def _run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


# ---------------------------------------------------------------------------------------
# Rust unit tests and the wasm build
# ---------------------------------------------------------------------------------------


def test_rust_unit_tests(tmp_path):
    exe = tmp_path / "pyrt_tests"
    # the unit tests use `#[path = "pyrt.rs"] mod pyrt;`: the runtime as a crate gets it
    (tmp_path / "pyrt.rs").write_text(runtime_text())
    shutil.copy(RUNTIME / "pyrt_tests.rs", tmp_path / "pyrt_tests.rs")
    r = _run([_rustup_rustc(), "--edition", "2021", "--test", str(tmp_path / "pyrt_tests.rs"),
              "-o", str(exe)], timeout=600)
    assert r.returncode == 0, f"compile failed:\n{r.stderr[-6000:]}"
    r = _run([str(exe), "--test-threads", "4"], timeout=600)
    assert r.returncode == 0, f"unit tests failed:\n{r.stdout[-6000:]}\n{r.stderr[-3000:]}"
    assert "test result: ok" in r.stdout


WASM_MAIN = r"""
#[macro_use]
mod pyrt;
use pyrt::*;

fn fact(n: i64, d: u32) -> PyResult<i64> {
    check_depth(d, 3)?;
    if n <= 1 { return Ok(1); }
    int_mul(n, fact(int_sub(n, 1, 4)?, d + 1)?, 4)
}

fn body() -> PyResult<()> {
    let r: PyResult<()> = 'try0: loop {
        let x = tr!(fact(10, 1), 'try0);
        let xs: PyList<i64> = PyList::from_vec(vec![3, 1, 2]);
        tr!(xs.sort(false, 3), 'try0);
        let d: PyDict<String, f64> = PyDict::new();
        d.set_item("a".to_string(), 0.1 + 0.2);
        out_str(&format!("{} {} {} {}\n", py_str(&x), py_repr(&xs), py_repr(&d),
                         tr!(1234.5f64.py_format(",.2f", 7), 'try0)));
        break 'try0 Ok(());
    };
    r
}

fn main() { run_main(body, "prog.py"); }
"""


def test_wasm_compiles_with_debian_rustc(tmp_path):
    rustc = "/usr/bin/rustc"
    if not os.path.exists(rustc):
        pytest.fail(f"/usr/bin/rustc is missing: {INSTALL_HINT}")
    src = tmp_path / "src"
    src.mkdir()
    (src / "pyrt.rs").write_text(runtime_text())
    (src / "main.rs").write_text(WASM_MAIN)
    out = tmp_path / "main.wasm"
    r = _run([rustc, "--edition", "2021", "--target", "wasm32-wasi", "-O", *WASM_FEATURES,
              str(src / "main.rs"), "-o", str(out)], timeout=600)
    if r.returncode != 0 and ("can't find crate for `std`" in r.stderr or "linker" in r.stderr):
        pytest.fail(f"wasm32-wasi toolchain incomplete ({INSTALL_HINT}):\n{r.stderr[-3000:]}")
    assert r.returncode == 0, f"wasm compile failed:\n{r.stderr[-6000:]}"
    assert "warning" not in r.stderr, r.stderr[-3000:]
    assert out.exists() and out.stat().st_size > 0
    wo = WasmOracle(out, tmp_path)
    assert wo("") == "3628800 [1, 2, 3] {'a': 0.30000000000000004} 1,234.50\n"


# ---------------------------------------------------------------------------------------
# CPython oracle comparison
# ---------------------------------------------------------------------------------------


class WasmOracle:
    """Runs the oracle compiled by Debian's rustc 1.63 for wasm32-wasi under wasmtime."""

    def __init__(self, wasm: Path, workdir: Path):
        self.wasm = wasm
        self.workdir = workdir

    def __call__(self, inp: str) -> str:
        import wasmtime

        fin = self.workdir / "in.txt"
        fout = self.workdir / "out.txt"
        ferr = self.workdir / "err.txt"
        fin.write_text(inp)
        engine = wasmtime.Engine()
        store = wasmtime.Store(engine)
        cfg = wasmtime.WasiConfig()
        cfg.stdin_file = str(fin)
        cfg.stdout_file = str(fout)
        cfg.stderr_file = str(ferr)
        store.set_wasi(cfg)
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        module = wasmtime.Module.from_file(engine, str(self.wasm))
        inst = linker.instantiate(store, module)
        start = inst.exports(store)["_start"]
        try:
            start(store)
        except wasmtime.ExitTrap as e:
            assert e.code == 0, ferr.read_text()
        return fout.read_text()


@pytest.fixture(scope="module", params=["native", "wasm"])
def oracle(request, tmp_path_factory):
    d = tmp_path_factory.mktemp("oracle")
    (d / "pyrt.rs").write_text(runtime_text())
    shutil.copy(HERE / "oracle_main.rs", d / "oracle_main.rs")
    if request.param == "native":
        exe = d / "oracle"
        r = _run([_rustup_rustc(), "--edition", "2021", "-O", str(d / "oracle_main.rs"),
                  "-o", str(exe)], timeout=600)
        assert r.returncode == 0, f"oracle compile failed:\n{r.stderr[-6000:]}"

        def run_native(inp: str) -> str:
            p = subprocess.run([str(exe)], input=inp, capture_output=True, text=True, timeout=600)
            assert p.returncode == 0, p.stderr[-3000:]
            return p.stdout

        return run_native
    rustc = "/usr/bin/rustc"
    if not os.path.exists(rustc):
        pytest.fail(f"/usr/bin/rustc is missing: {INSTALL_HINT}")
    try:
        import wasmtime  # noqa: F401
    except ImportError:
        pytest.fail("the wasmtime Python package is required (pip install -e .[test])")
    wasm = d / "oracle.wasm"
    r = _run([rustc, "--edition", "2021", "--target", "wasm32-wasi", "-O", *WASM_FEATURES,
              str(d / "oracle_main.rs"), "-o", str(wasm)], timeout=600)
    assert r.returncode == 0, f"wasm oracle compile failed ({INSTALL_HINT}?):\n{r.stderr[-6000:]}"
    return WasmOracle(wasm, d)


def h(s: str) -> str:
    return s.encode("utf-8").hex()


def fb(x: float) -> str:
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


OVF = ("OverflowError", "integer overflow: result does not fit in 64 bits")
COMPLEX_LIMIT = ("a negative float to a non-integer power: Python gives a complex number here, which Portalis does not "
                 "support")
I64_MIN, I64_MAX = -(2**63), 2**63 - 1


def expect(fn):
    """Run fn under CPython; return ('OK', text) or ('ERR', name, msg)."""
    try:
        v = fn()
    except Exception as e:  # noqa: BLE001
        return ("ERR", type(e).__name__, str(e))
    if isinstance(v, tuple) and len(v) == 3 and v[0] == "ERR":
        return v
    return ("OK", v)


def check_int(v):
    if isinstance(v, int) and not isinstance(v, bool) and not (I64_MIN <= v <= I64_MAX):
        return ("ERR",) + OVF
    return v


def run_cases(oracle, cases):
    """cases: list of (line_fields, expected) -> list of mismatch descriptions."""
    inp = "".join("\t".join(f) + "\n" for f, _ in cases)
    lines = oracle(inp).split("\n")
    bad = []
    for i, (fields, exp) in enumerate(cases):
        got_line = lines[i].split("\t")
        if got_line[0] == "OK":
            got = ("OK", bytes.fromhex(got_line[1]).decode())
        else:
            got = ("ERR", got_line[1], bytes.fromhex(got_line[2]).decode())
        if got != exp:
            bad.append(f"{fields}: expected {exp!r}, got {got!r}")
    return bad


def assert_no_mismatch(bad, n):
    assert not bad, f"{len(bad)} of {n} cases differ from CPython:\n" + "\n".join(bad[:40])


# ---- value pools -----------------------------------------------------------------------

SPECIAL_FLOATS = [
    0.0, -0.0, math.inf, -math.inf, math.nan, 1e16, 1e-05, 0.0001, 0.1 + 0.2, 1e22,
    123456789012345680.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2.5, 0.5,
    1.5, -2.5, -0.5, 0.125, 0.375, 2.675, 1e15, 9999999999999998.0, 12345.6789, 1 / 3, 2 / 3,
    100.0, 1e100, -1e-100, 0.1, 1.0, -1.0, 10.0, 1e-4, 9.999999999999999e-05, 999999.5,
    0.05, 0.15, 0.25, 0.35, 1.005, 1234567.0, 1e21, 1e17, 123.456, -123.456, 3.14159265358979,
    2.0**53, 2.0**63, -2.0**63, 2.0**64, 4.35, 0.045, 1e-7, 5e-5, 99.995, 0.9999999999999999,
]


def float_pool(n_random=150, seed=1234):
    rnd = random.Random(seed)
    xs = list(SPECIAL_FLOATS)
    for _ in range(n_random):
        kind = rnd.randrange(5)
        if kind == 0:  # arbitrary bit patterns (finite)
            while True:
                x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
                if math.isfinite(x):
                    break
        elif kind == 1:  # decimal-looking values
            x = round(rnd.uniform(-1e4, 1e4), rnd.randrange(0, 6))
        elif kind == 2:  # wide magnitude
            x = rnd.uniform(1, 10) * 10.0 ** rnd.randrange(-30, 30)
        elif kind == 3:  # halves and ties
            x = rnd.randrange(-2000, 2000) / rnd.choice([2, 4, 8, 16, 1000, 100])
        else:
            x = float(rnd.randrange(-10**17, 10**17))
        xs.append(x)
    return xs


FLOAT_SPECS = [
    "", ".2f", ">5", "+.3e", ".3g", "%", "^10", "=+8", "08.3f", "g", ".0f", ",", "_", ",.2f",
    "10.4", ".1", ".17g", ".20f", "e", "E", "G", "F", "n", "#g", "#.0f", "#.3g", "z.1f", "+",
    " ", "-^12.5e", "*<15,.3f", "015,.2f", ".0e", ".0%", ".50f", ".30e", " .2%", "#", ".0",
    ".5", "x>+020_.6g", ".12", "016", "<016", "^016_", ".3%", ".1e", ".16g", "d", "s", "x",
    ",n", ",_", "Z", ".", "5.2ff", "z", "z.3", "#e", ".15g", ".16", "_.3f", "10", "z^+10.1f",
]

INT_VALUES = [0, 1, -1, 7, -7, 42, -42, 255, 97, 1234567, -1234567, I64_MAX, I64_MIN, 2**53 + 1,
              0x10FFFF, 0x110000, 10**15, -(10**16), 999, 1000, 65, 0xD800]

INT_SPECS = [
    "", "d", "05d", ",", "_", "#x", "#X", "x", "X", "o", "#o", "b", "#b", "_b", "_x", "+d", " d",
    ">10", "<10", "^10", "=+8", "010,", "c", "n", "e", ".2f", "%", "g", "+#012_x", ".2", "z",
    "s", "+c", ",x", "#c", "<05", "x^+15,", "020_", ",c", "E", "G", ".3", "_o", "^#14b", "=10",
    " 012,", "3c", "08_x", "02d", "3d", "03d", ">8", ">8d", "8d", "0", "0d", "00d", ">05", ">0", "12",
    "10d", "0100", ">", ">d", "dd", "12345d", "1234d",
]

STR_VALUES = ["abc", "", "héllo", "日本語", "a" * 12, "x y", "ǅ"]
STR_SPECS = ["", ">5", "<5", "^10", "*^9", ".2", "10.3", "05", "<05", "s", "d", "+", " ", "=5",
             "#", ",", "z", "_", "^", ".0", "é>8", "x^7.1s", "0", "010", ">08s", "<16", ">8", "^7", "16",
             "<0", ">010", "<", "12345", "1234", "^"]


# ---- tests -------------------------------------------------------------------------------


def test_oracle_float_repr(oracle):
    xs = float_pool(400, seed=7)
    cases = [(("float_repr", fb(x)), ("OK", repr(x))) for x in xs]
    cases += [(("float_repr", fb(x)), ("OK", str(x))) for x in (1e16, 1e-5, 0.0001, -0.0)]
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_float_repr_decimals(oracle):
    """Floats with few decimals, where repr takes its short path (push_float_repr_short), and the
    edges of that path: 1e-4, 2**50, 16 decimals, ties, values a unit in the last place away."""
    rnd = random.Random(2026)
    xs = [1e-4, 9.999999999999999e-05, 0.00010000000000000002, 2.0**50, 2.0**50 - 0.125, 2.0**50 - 1,
          1125899906842623.9, 0.1 + 0.2, 1.1 * 3, 0.3, 2.675, 1e15 + 0.3, 123456789.12345679, 4.35, 0.1]
    for _ in range(3000):
        kind = rnd.randrange(4)
        if kind == 0:
            x = round(rnd.uniform(-1e6, 1e6), rnd.randrange(0, 17))
        elif kind == 1:
            x = rnd.randrange(-10**9, 10**9) / 10 ** rnd.randrange(0, 16)
        elif kind == 2:
            x = rnd.uniform(1e-4, 1e-2) * rnd.choice([1, -1])
        else:
            x = round(rnd.uniform(0, 2.0**50), rnd.randrange(0, 4))
        xs.append(x)
        xs.append(math.nextafter(x, math.inf))
    cases = [(("float_repr", fb(x)), ("OK", repr(x))) for x in xs]
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_float_format(oracle):
    cases = []
    for x in float_pool(60, seed=11):
        for spec in FLOAT_SPECS:
            exp = expect(lambda: format(x, spec))
            cases.append((("fmt_float", fb(x), h(spec)), exp))
            cases.append((("fmt_float_into", fb(x), h(spec)), exp))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_int_format(oracle):
    cases = []
    for v in INT_VALUES:
        for spec in INT_SPECS:
            def f(v=v, spec=spec):
                try:
                    return format(v, spec)
                except ValueError as e:
                    if "surrogates not allowed" in str(e):
                        raise
                    raise
            exp = expect(f)
            if exp[0] == "OK" and any(0xD800 <= ord(c) <= 0xDFFF for c in exp[1]):
                exp = ("ERR", "ValueError", "a str with a lone surrogate code point (U+D800..U+DFFF): Python allows it, "
                               "Portalis strs cannot hold it")
            cases.append((("fmt_int", str(v), h(spec)), exp))
            cases.append((("fmt_int_into", str(v), h(spec)), exp))
    for b in (True, False):
        for spec in ["", "d", ">5", "s", "x", ".2f", "^7", "c"]:
            cases.append((("fmt_bool", "1" if b else "0", h(spec)), expect(lambda: format(b, spec))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_str_format(oracle):
    cases = []
    for s in STR_VALUES:
        for spec in STR_SPECS:
            exp = expect(lambda: format(s, spec))
            cases.append((("fmt_str", h(s), h(spec)), exp))
            cases.append((("fmt_str_into", h(s), h(spec)), exp))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def str_pool(seed=5):
    rnd = random.Random(seed)
    xs = ["it's", 'a\'b"c', 'say "hi"', "\n\t\\\x07\u200b", "é", "\x80\x9f\xa0\xad\xff", "\U0001F600",
          "\x7f\x00\x1b", "\u0301", "\u2028\u2029\ufeff", "plain", "", "'", '"', "\\", "\r\x0b\x0c",
          "".join(chr(i) for i in range(0x300)), "\U000E0001\U0010FFFF\U000F0000", "\u0378\u0530",
          "\U0001FA7C\U0001FAE8"]
    for _ in range(200):
        cps = []
        for _ in range(rnd.randrange(1, 6)):
            plane = rnd.choice([0x80, 0x800, 0x3000, 0x10000, 0x20000, 0xE0000, 0x110000])
            cp = rnd.randrange(0, plane)
            if 0xD800 <= cp <= 0xDFFF:
                cp = 0x41
            cps.append(chr(cp))
        xs.append("".join(cps))
    return xs


def test_oracle_str_repr(oracle):
    cases = [(("str_repr", h(s)), ("OK", repr(s))) for s in str_pool()]
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_round(oracle):
    cases = []
    xs = float_pool(80, seed=3) + [2.5, 3.5, -0.5, 0.5, -1.5, 1e300, 2.0**62, 9.3e18, -9.3e18]
    for x in xs:
        cases.append((("round", fb(x)), expect(lambda: check_int(round(x)) if not isinstance(check_int(round(x)), tuple) else check_int(round(x)))))
        for n in [-400, -308, -20, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 20, 300, 323, 324, 400]:
            cases.append((("round_nd", fb(x), str(n)), expect(lambda: repr(round(x, n)))))
    fixed = []
    for (fields, exp) in cases:
        if exp[0] == "OK" and fields[0] == "round":
            exp = ("OK", str(exp[1]))
        fixed.append((fields, exp))
    for v in [0, 5, 15, 25, -25, 1234567, -1234567, I64_MAX, I64_MIN, 9 * 10**18, 45, 55, -45]:
        for n in [-40, -19, -18, -3, -2, -1, 0, 1, 5]:
            fixed.append((("round_int_nd", str(v), str(n)), expect(lambda: str(check_int(round(v, n))) if not isinstance(check_int(round(v, n)), tuple) else check_int(round(v, n)))))
    assert_no_mismatch(run_cases(oracle, fixed), len(fixed))


INT_OPS = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b, "mod": lambda a, b: a % b, "pow": None,
    "truediv": lambda a, b: a / b, "lshift": lambda a, b: a << b if b < 200 else (
        (_ for _ in ()).throw(OverflowError(OVF[1])) if a else 0),
    "rshift": lambda a, b: a >> b, "divmod": lambda a, b: divmod(a, b),
}


def int_ref(op, a, b):
    if op == "pow":
        if b < 0:
            return ("ERR", "ValueError", "int ** negative int: Python gives a float here, which this int expression cannot hold; use a float base (2.0 ** n)")
        if abs(a) > 1 and b > 64:
            return ("ERR",) + OVF
        v = a ** b
    else:
        try:
            v = INT_OPS[op](a, b)
        except OverflowError as e:
            return ("ERR", "OverflowError", str(e))
    if isinstance(v, tuple):
        for x in v:
            if isinstance(check_int(x), tuple):
                return ("ERR",) + OVF
        return str(v)
    c = check_int(v)
    if isinstance(c, tuple):
        return c
    return str(v) if not isinstance(v, float) else repr(v)


def test_oracle_int_ops(oracle):
    vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, 63, 64, 65, -64, 100, 2**31, 2**53 + 1, -(2**53) - 3,
            2**62, I64_MAX, I64_MIN, I64_MAX - 1, 10**18, -(10**18), 12345678901234567, 3**39]
    cases = []
    for op in INT_OPS:
        for a in vals:
            for b in vals:
                if op in ("lshift", "rshift", "pow") and b > 1000:
                    continue
                cases.append((("int_op", op, str(a), str(b)), expect(lambda: int_ref(op, a, b))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_float_ops(oracle):
    vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.0, -3.0, 0.1, -0.1, 1e308, -1e308, 1e-308, math.inf,
            -math.inf, math.nan, 7.0, -7.0, 0.5, 2.0, -2.0, 1e16, 1.5, 1e-320, 10.0, 0.3]
    ops = {"truediv": lambda a, b: a / b, "floordiv": lambda a, b: a // b,
           "mod": lambda a, b: a % b, "divmod": lambda a, b: divmod(a, b), "pow": lambda a, b: a ** b}

    def ref(op, a, b):
        if op == "pow" and a < 0 and math.isfinite(b) and b != math.floor(b) and math.isfinite(a):
            return ("ERR", "ValueError", COMPLEX_LIMIT)  # documented limit
        v = ops[op](a, b)
        if isinstance(v, complex):
            return ("ERR", "ValueError", COMPLEX_LIMIT)
        return str(v)

    cases = []
    for op in ops:
        for a in vals:
            for b in vals:
                cases.append((("float_op", op, fb(a), fb(b)), expect(lambda: ref(op, a, b))))
    ints = [0, 1, -1, 2**53, 2**53 + 1, -(2**53) - 1, 2**63 - 1, -(2**63), 2**62 + 1, 10**17 + 3]
    floats = [0.0, -0.0, 1.0, 2.0**53, 2.0**53 + 2, 2.0**63, -(2.0**63), 9.2e18, math.inf, -math.inf,
              math.nan, 0.5, -0.5, 1e17 + 2, 2.0**62]
    for i in ints:
        for f in floats:
            exp = "".join(str(int(x)) for x in (i < f, i <= f, i > f, i >= f, i == f))
            cases.append((("cmp_if", str(i), fb(f)), ("OK", exp)))
    for f in floats + [1e19, -1e19, 3.99, -3.99, 9.223372036854775e18]:
        cases.append((("float_to_int", fb(f)), expect(lambda: str(check_int(int(f))) if not isinstance(check_int(int(f)), tuple) else check_int(int(f)))))
    mvals = [0.0, -0.0, 1.0, 2.0, 0.5, -1.0, 1e308, 1e-300, math.inf, -math.inf, math.nan, 100.0, 710.0, -2.5, 1e19]
    import math as m
    for name in ["sqrt", "log", "log10", "log2", "exp", "floor", "ceil"]:
        for x in mvals:
            def f(name=name, x=x):
                v = getattr(m, name)(x)
                c = check_int(v)
                return str(c) if not isinstance(c, tuple) else c
            cases.append((("math", name, fb(x)), expect(f)))
    for x in mvals:
        for y in [0.0, 1.0, -1.0, 0.5, 2.0, math.inf, -math.inf, math.nan, 3.0, 1000.0]:
            cases.append((("math", "pow", fb(x), fb(y)), expect(lambda: str(m.pow(x, y)))))
            cases.append((("math", "log_base", fb(x), fb(y)), expect(lambda: str(m.log(x, y)))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_parse(oracle):
    ints = ["  -1_000 ", "1__0", "_1", "1_", "+5", "٣", " 12 ", "", "-", "0x10", "007", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "\u2003 42\u3000", "1 2",
            "+-1", "١٢٣٤", "12a", "0", "-0", "00_00", "1" * 40, "\t\n7\x0b",
            # around the 18-digit fast path
            "999999999999999999", "-999999999999999999", "1234567890123456789", "-1234567890123456789",
            "000000000000000000", "+0", "1+", "--1", "5 ", "+٣"]
    floats = ["1e5", " -1.5 ", "inf", "-Infinity", "nan", "1_000.5", "1__0", ".5", "5.", ".", "e5", "1e",
              "1e+", "0x1p3", "infinit", "+.5e-3", "١.٥", "1e400", "-1e-400", "  +iNf ", "NaN", "-nan",
              "1.5e-3_0", "1_0e1_0", "0.1", "123456789012345678901234567890", "1e-5", "", "_1", "1._5",
              "1.e5", "+", "3.14abc", "\u00a01.25\u2000",
              # around the 15-digit fast path (digits / 10**k in one rounding)
              "-0.0", "+0.", "-.0", "0.1000000000000", "123456789012345", "1234567890123456",
              "12345678.9012345", "1234567.89012346", "9.99999999999999", "0.000000000000001",
              ".000000000000001", "..5", "1.2.3", "-", "-.", "5.5 ", "8.7e", "33.15", "-20.0"]
    cases = []
    for s in ints:
        def f(s=s):
            c = check_int(int(s))
            return str(c) if not isinstance(c, tuple) else c
        cases.append((("parse_int", h(s)), expect(f)))
    for s in floats:
        cases.append((("parse_float", h(s)), expect(lambda: repr(float(s)))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


STR_SAMPLES = [" a b  c ", "a,b,,c", "", "  ", "x\ny\r\nz\rw\x0b\x1c\u2028v\n", "hello world",
               "they're bill's friends", "ǆemal ǉubav", "ΣΑΣ ΟΔΟΣ", "ß straße", "ﬁne", "²³", "١٢٣",
               "一二", "Ⅻ", "Hello World", "HELLO", "hello", "123abc", "a\u0301b", "  -42", "-42", "+7",
               "xyxhixy", "a\u00a0b\u3000c", ",a,", "ǅungla", "ὈΔΥΣΣΕΎΣ", "hello_world 3rd", "ÀÉÎ õü",
               "\t tab\t", "ab  cd   ef", "mIxEd CaSe", "🙂 x 🙂", "\u1680a\u2000b",
               " a\x1fb\x0bc\x0c d\x1ce\x1d f\x1e g \x7f h  ",
               # ASCII case maps (one byte at a time) on either side of the inline size
               "hELLO wORLD [@`{] 12_z", "mIxEd CaSe AnD a LoNgEr TeXt, PaSt 22 bYtEs", "1st 2ND", "Z", "_a"]


def test_oracle_find_count_random(oracle):
    """find/rfind/count/in/index over small alphabets: overlapping and repeated needles of every
    length up to 10 (first-byte scan up to 8 bytes, std's searcher beyond), non-ASCII bytes."""
    rnd = random.Random(99)
    cases = []
    for _ in range(600):
        alpha = rnd.choice(["ab", "aab", "abc", "aé", "xy,"])
        s = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 30)))
        if rnd.random() < 0.5 and s:
            i = rnd.randrange(len(s))
            sub = s[i:i + rnd.randrange(0, 11)]
        else:
            sub = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 11)))
        cases.append((("find", h(s), h(sub)), expect(lambda: str(s.find(sub)))))
        cases.append((("rfind", h(s), h(sub)), expect(lambda: str(s.rfind(sub)))))
        cases.append((("count", h(s), h(sub)), expect(lambda: str(s.count(sub)))))
        cases.append((("contains", h(s), h(sub)), expect(lambda: str(sub in s))))
        cases.append((("index_of", h(s), h(sub)), expect(lambda: str(s.index(sub)))))
        a, b = rnd.choice([None, -3, 0, 2, 5]), rnd.choice([None, -1, 4, 20])
        cases.append((("find_in", h(s), h(sub), str(a), str(b)), expect(lambda: str(s.find(sub, a, b)))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_replace_char_and_strip_view(oracle):
    """replace of one ASCII char by another (words in registers for inline texts, word at a time
    beyond: lengths 0-40 around 8, 14/22 and 16, NUL bytes, non-ASCII text, no match), on a `str`
    and on a `Str`; a strip view (`s.strip().replace/split/strip(...)`) of texts with blanks or
    chars on either side, short and long, ASCII or not."""
    rnd = random.Random(7)
    cases = []
    for _ in range(500):
        alpha = rnd.choice(["ab ", "a\x00b", "é a", "xy,_", "a", "东 ,"])
        s = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 41)))
        old, new = rnd.choice([c for c in alpha if c.isascii()]), rnd.choice(["_", "A", "\x00", " "])
        cnt = rnd.choice([-1, -1, -1, 0, 1, 3])
        for op in ("replace", "replace_str"):
            cases.append(((op, h(s), h(old), h(new), str(cnt)), expect(lambda: s.replace(old, new, cnt))))
        pad = "".join(rnd.choice(" \t\u3000xy") for _ in range(rnd.randrange(0, 4)))
        t = pad + s + pad[::-1]
        how = rnd.randrange(3)
        chars = rnd.choice([None, None, "xy", "x \u3000"])
        stripped = (t.strip, t.lstrip, t.rstrip)[how](chars)
        cs = "None" if chars is None else h(chars)
        cases.append((("strip_view_replace", h(t), str(how), cs, h(old), h(new)), expect(lambda: stripped.replace(old, new))))
        cases.append((("strip_view_replace", h(t), str(how), cs, h("@@"), h("!")), expect(lambda: stripped.replace("@@", "!"))))
        sep = rnd.choice([None, ",", " ", "ab"])
        cases.append((("strip_view_split", h(t), str(how), cs, "None" if sep is None else h(sep)),
                      expect(lambda: repr(stripped.split(sep)))))
        cases.append((("strip_view_strip", h(t), str(how), cs), expect(lambda: stripped.strip())))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_str_compare_and_int_text(oracle):
    """str ==, <, ... (word-at-a-time compares: inline and heap strs, lengths around 4, 8, 16
    and the inline size, shared prefixes, non-ASCII bytes) and str(int) (digit pairs, 32-bit
    steps) against CPython."""
    rnd = random.Random(515)
    alphabets = ["ab", "a\x00b", "aé", "日本z", "xy\U0001F642", "\x7f\x80a"]
    cases = []
    for _ in range(1500):
        alpha = rnd.choice(alphabets)
        a = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 40)))
        kind = rnd.randrange(4)
        if kind == 0:
            b = a
        elif kind == 1:  # a prefix, or the same start with a different rest
            b = a[:rnd.randrange(0, len(a) + 1)] + "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 3)))
        else:
            b = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 40)))
        want = "".join("1" if v else "0" for v in (a < b, a <= b, a == b, a != b, a > b, a >= b, a == b, True))
        cases.append((("str_cmp", h(a), h(b)), ("OK", want)))
    ints = [0, 9, 10, 11, 99, 100, 101, 999, 1000, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
            10**10 - 1, 10**10, 10**19 // 10, I64_MAX, I64_MIN, I64_MIN + 1]
    ints += [rnd.randrange(-2**63, 2**63) for _ in range(300)]
    ints += [rnd.randrange(-10**rnd.randrange(1, 19), 10**rnd.randrange(1, 19)) for _ in range(300)]
    for v in ints + [-v for v in ints if v != I64_MIN]:
        cases.append((("str_of_int", str(v)), ("OK", f"{v} {v}")))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_splitlines_random(oracle):
    """splitlines (and its count) of ASCII texts whose breaks (\\r\\n split or not, \\x1c-\\x1e,
    \\x0b, \\x0c) fall at every offset of the 8-byte word scan, and of some non-ASCII ones."""
    rnd = random.Random(808)
    alpha = ["a", "bcdefgh", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", " ", "\t"]
    cases = []
    for _ in range(600):
        s = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 30)))
        if rnd.random() < 0.1:
            s += "\u2028é"
        cases.append((("splitlines", h(s)), expect(lambda: repr(s.splitlines()))))
        cases.append((("splitlines_count", h(s)), expect(lambda: str(len(s.splitlines())))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_str_methods(oracle):
    cases = []

    def add(fields, fn):
        cases.append((fields, expect(fn)))

    for s in STR_SAMPLES:
        for sep, n in [(None, -1), (None, 0), (None, 1), (None, 2), (" ", -1), (" ", 0), (" ", 1), (" ", 3),
                       (",", -1), (",", 1), ("", -1), ("  ", -1), ("  ", 1), ("🙂", -1), ("🙂", 1), ("aa", -1),
                       ("a b", 2), ("é", -1), (", ", -1), (", ", 1)]:
            sp = "None" if sep is None else h(sep)
            add(("split", h(s), sp, str(n)), lambda: repr(s.split(sep, n)))
            add(("rsplit", h(s), sp, str(n)), lambda: repr(s.rsplit(sep, n)))
            add(("split_count", h(s), sp, str(n)), lambda: str(len(s.split(sep, n))))
        add(("splitlines", h(s)), lambda: repr(s.splitlines()))
        add(("splitlines_count", h(s)), lambda: str(len(s.splitlines())))
        for chars in [None, "xy", " ", "", "a,"]:
            cs = "None" if chars is None else h(chars)
            add(("strip", h(s), cs), lambda: s.strip(chars))
            add(("lstrip", h(s), cs), lambda: s.lstrip(chars))
            add(("rstrip", h(s), cs), lambda: s.rstrip(chars))
        for fn in ["upper", "lower", "title", "capitalize", "swapcase", "casefold"]:
            add((fn, h(s)), lambda: getattr(s, fn)())
        for ts in [-1, 0, 1, 2, 3, 8, 2**31 - 1 if "\t" not in s else 5, 2**31, -2**31 - 1]:
            add(("expandtabs", h(s), str(ts)), lambda: s.expandtabs(ts))
        for fix in ["", " ", "a", "he", s, s[:3], s[-2:], "ß", s + "x"]:
            add(("removeprefix", h(s), h(fix)), lambda: s.removeprefix(fix))
            add(("removesuffix", h(s), h(fix)), lambda: s.removesuffix(fix))
        add(("isascii_printable", h(s)), lambda: f"{int(s.isascii())}{int(s.isprintable())}")
        add(("ascii", h(repr(s))), lambda: ascii(s))
        for w in [-1, 0, 3, 5, 10, 13]:
            add(("zfill", h(s), str(w)), lambda: s.zfill(w))
            for fill in [" ", "*", "ab", "é"]:
                add(("center", h(s), str(w), h(fill)), lambda: s.center(w, fill))
                add(("ljust", h(s), str(w), h(fill)), lambda: s.ljust(w, fill))
                add(("rjust", h(s), str(w), h(fill)), lambda: s.rjust(w, fill))
        for sub in ["", "a", "b", "xy", "ł", " ", "Σ", "l"]:
            add(("find", h(s), h(sub)), lambda: str(s.find(sub)))
            add(("rfind", h(s), h(sub)), lambda: str(s.rfind(sub)))
            add(("count", h(s), h(sub)), lambda: str(s.count(sub)))
            for cnt in [-1, 0, 1, 2]:
                add(("replace", h(s), h(sub), h("<>"), str(cnt)), lambda: s.replace(sub, "<>", cnt))
        for sep in [",", " ", "x", "", "ß"]:
            add(("partition", h(s), h(sep)), lambda: repr(s.partition(sep)))
            add(("rpartition", h(s), h(sep)), lambda: repr(s.rpartition(sep)))
        add(("isfns", h(s)), lambda: "".join(str(int(getattr(s, f)())) for f in [
            "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal",
            "isnumeric", "istitle"]))
        add(("len", h(s)), lambda: str(len(s)))
        for i in [-40, -6, -2, -1, 0, 1, 2, 5, 40]:
            add(("index", h(s), str(i)), lambda: s[i])
        for a, b, c in [(None, None, None), (1, None, None), (None, -1, None), (-3, None, None),
                        (2, 5, None), (None, None, -1), (None, None, 2), (5, 1, -2), (-1, -10, -3),
                        (None, None, 0), (100, None, None), (-100, 100, 3), (3, 3, 1),
                        (None, None, -(2**63)), (2**62, -(2**62), -(2**62)), (-(2**63), 2**63 - 1, None),
                        (2**62, -(2**62), None), (-1, -10, None), (-2, None, None), (None, 40, None), (0, 0, None)]:
            f = tuple("None" if v is None else str(v) for v in (a, b, c))
            add(("slice", h(s)) + f, lambda: s[a:b:c])
            add(("slice_hint", h(s)) + f, lambda: s[a:b:c])
            add(("list_slice", h(s)) + f, lambda: repr(list(s)[a:b:c]))
    # a few unicode char-class checks
    for cp in list(range(0, 0x3000, 7)) + [0x2160, 0x00B2, 0x0660, 0x4E00, 0x1D7CE, 0x1F100, 0x10FFFD]:
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        add(("isfns", h(c)), lambda: "".join(str(int(getattr(c, f)())) for f in [
            "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal",
            "isnumeric", "istitle"]))
    # the one-character forms: every ASCII character, and the same Unicode sample
    for cp in list(range(128)) + list(range(128, 0x3000, 7)) + [0x2160, 0x00B2, 0x0660, 0x4E00, 0x1D7CE, 0x1F100,
                                                               0x10FFFD, 0x85, 0xA0, 0x1C5, 0x2028, 0x3000, 0xBD]:
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        add(("charfns", h(c)), lambda: "".join(str(int(getattr(c, f)())) for f in [
            "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal", "isnumeric"]))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


CLIPPY_MAIN = r"""
#![allow(clippy::never_loop)]
#![allow(unknown_lints, unexpected_cfgs)] // as generated crates: the runtime names `portalis_dev`
#[macro_use]
mod pyrt;
use pyrt::*;

fn body() -> PyResult<()> {
    let r: PyResult<()> = 'a: loop {
        let x = tr!(int_add(1, 2, 3), 'a);
        out_str(&py_str(&x));
        break 'a Ok(());
    };
    r
}

fn main() {
    run_main(body, "t.py");
}
"""


def test_clippy_clean(tmp_path):
    cargo = Path.home() / ".cargo" / "bin" / "cargo"
    if not cargo.exists():
        pytest.fail("~/.cargo/bin/cargo (rustup) is required for the clippy check")
    crate = tmp_path / "clippycrate"
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(
        '[package]\nname = "clippycrate"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n')
    (crate / "src" / "pyrt.rs").write_text(runtime_text())
    (crate / "src" / "main.rs").write_text(CLIPPY_MAIN)
    env = dict(os.environ, CARGO_TARGET_DIR=str(tmp_path / "target"))
    r = _run([str(cargo), "clippy", "--offline", "--", "-D", "warnings"], cwd=crate, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-6000:]


RUN_MAIN_PROGRAMS = {
    "error": (r"""
fn body() -> PyResult<()> {
    out_str("before\n");
    let r: PyResult<()> = 'a: loop {
        let _x = tr!(parse_int("12x", 7), 'a);
        break 'a Ok(());
    };
    r
}
""", 1, "before\n",
        "Traceback (most recent call last):\n  File \"prog.py\", line 7, in <module>\n"
        "ValueError: invalid literal for int() with base 10: '12x'\n"),
    "empty_msg": (r"""
fn body() -> PyResult<()> {
    Err(PyErr::with_args(&ASSERTION_ERROR, vec![], vec![], 4))
}
""", 1, "", "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\nAssertionError\n"),
    "exit": (r"""
fn body() -> PyResult<()> {
    out_str("x");
    Err(sys_exit(3, 2))
}
""", 3, "x", ""),
    "ok": (r"""
fn body() -> PyResult<()> {
    for i in py_range(0, 3, 1, 1)? { out_str(&format!("{}\n", i)); }
    Ok(())
}
""", 0, "0\n1\n2\n", ""),
    "panic": (r"""
fn body() -> PyResult<()> {
    out_str("partial\n");
    let v: Vec<i64> = Vec::new();
    let i = v.len() + 3;
    out_str(&format!("{}", v[i]));
    Ok(())
}
""", 101, "partial\n", None),
    "recursion": (r"""
fn f(n: i64, d: u32) -> PyResult<i64> {
    check_depth(d, 3)?;
    f(n + 1, d + 1)
}
fn body() -> PyResult<()> {
    f(0, 1)?;
    Ok(())
}
""", 1, "", "Traceback (most recent call last):\n  File \"prog.py\", line 3, in <module>\n"
        "RecursionError: maximum recursion depth exceeded\n"),
}


@pytest.mark.parametrize("name", sorted(RUN_MAIN_PROGRAMS))
def test_run_main_behaviour(tmp_path, name):
    body, rc, out, err = RUN_MAIN_PROGRAMS[name]
    src = tmp_path / "main.rs"
    (tmp_path / "pyrt.rs").write_text(runtime_text())
    src.write_text("#![allow(clippy::never_loop)]\n#[macro_use]\nmod pyrt;\nuse pyrt::*;\n" + body
                   + '\nfn main() { run_main(body, "prog.py"); }\n')
    exe = tmp_path / "prog"
    r = _run([_rustup_rustc(), "--edition", "2021", str(src), "-o", str(exe)], timeout=600)
    assert r.returncode == 0, r.stderr[-4000:]
    p = _run([str(exe)], timeout=60)
    assert p.returncode == rc, (p.returncode, p.stderr)
    assert p.stdout == out
    if err is None:
        assert p.stderr.startswith("Fatal Python-style error: "), p.stderr
    else:
        assert p.stderr == err


def random_spec(rnd: random.Random, types: str) -> str:
    parts = []
    if rnd.random() < 0.3:
        parts.append(rnd.choice(["", "*", "0", "x", "é", " "]) + rnd.choice("<>=^"))
    if rnd.random() < 0.3:
        parts.append(rnd.choice("+- "))
    if rnd.random() < 0.1:
        parts.append("z")
    if rnd.random() < 0.2:
        parts.append("#")
    if rnd.random() < 0.2:
        parts.append("0")
    if rnd.random() < 0.5:
        parts.append(str(rnd.randrange(0, 25)))
    if rnd.random() < 0.25:
        parts.append(rnd.choice([",", "_"]))
    if rnd.random() < 0.5:
        parts.append("." + str(rnd.randrange(0, 20)))
    if rnd.random() < 0.8:
        parts.append(rnd.choice(types))
    return "".join(parts)


def test_oracle_random_specs(oracle):
    rnd = random.Random(99)
    floats = float_pool(100, seed=21)
    cases = []
    for _ in range(3000):
        x = rnd.choice(floats)
        spec = random_spec(rnd, "eEfFgGn%")
        cases.append((("fmt_float", fb(x), h(spec)), expect(lambda: format(x, spec))))
    for _ in range(2000):
        v = rnd.choice(INT_VALUES[:14] + [rnd.randrange(-10**12, 10**12) for _ in range(3)])
        spec = random_spec(rnd, "bdoxXneEfgG%")
        cases.append((("fmt_int", str(v), h(spec)), expect(lambda: format(v, spec))))
    for _ in range(500):
        v = rnd.choice(STR_VALUES)
        spec = random_spec(rnd, "s")
        cases.append((("fmt_str", h(v), h(spec)), expect(lambda: format(v, spec))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_precision_sweep(oracle):
    """Every precision 0..40 for f/e/g on random values, exact binary ties and extremes."""
    rnd = random.Random(2024)
    xs = float_pool(40, seed=77)
    xs += [rnd.randrange(1, 10**6) / 2 ** rnd.randrange(1, 30) for _ in range(40)]  # exact ties
    xs += [rnd.randrange(1, 2**53) * 2.0 ** rnd.randrange(-1074, 971) for _ in range(30)]
    xs += [0.5, 1.5, 2.5, 0.125, 0.375, 9.5, 99.5, 999.5, 1e-320, 2.0**-1074, 2.0**1023, 8.5e-7]
    cases = []
    for x in xs:
        for p in range(0, 41):
            for t in "feg":
                spec = f".{p}{t}"
                cases.append((("fmt_float", fb(x), h(spec)), ("OK", format(x, spec))))
        for n in [-1, 0, 1, 2, 3, 7, 15, 16, 17, 25, 40]:
            cases.append((("round_nd", fb(x), str(n)), expect(lambda: repr(round(x, n)))))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


# Characters that decide CPython's casing: sigma and final sigma, case-ignorable marks and
# punctuation (combining marks, apostrophes, format characters, modifier letters), title-case
# digraphs, expanding mappings (ß, ligatures, İ), cased letters of several scripts, digits.
CASE_ALPHABET = ("ΣσςΑαΩωΐ" "\u0301\u0308\u0345\u05b0\u200d\u00ad'’.:^`ʰˆ" "ǄǅǆǇǈǉǱǲǳ" "ßẞﬁﬂİıŉǰ"
                 "aZéÉӁӂᏸᏰⓐⒶ" "1 -_\t")


def test_oracle_casing_hypothesis(oracle):
    """str.lower/upper/title/capitalize/swapcase against CPython on generated strings: the
    final-sigma rule with CPython's Case_Ignorable and Cased tables (issue 10, family 4)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    samples: list[str] = []

    @settings(max_examples=400, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.text(alphabet=CASE_ALPHABET, max_size=12) | st.text(max_size=8))
    def collect(s):
        samples.append(s)

    collect()
    cases = []
    for s in samples:
        if any(0xD800 <= ord(c) <= 0xDFFF for c in s):
            continue
        for fn in ["upper", "lower", "title", "capitalize", "swapcase", "casefold"]:
            cases.append(((fn, h(s)), expect(lambda: getattr(s, fn)())))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_final_sigma_every_case_ignorable(oracle):
    """Every code point around a final Σ (before it, after it, between it and a letter): covers
    the whole Case_Ignorable and Cased tables, not a sample."""
    cases = []
    for cp in range(0x80, 0x30000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for s in (f"A{c}Σ", f"AΣ{c}", f"AΣ{c}b", f"1{c}Σ"):
            cases.append((("lower", h(s)), expect(s.lower)))
        cases.append((("title", h(f"x{c}b")), expect(f"x{c}b".title)))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_oracle_every_code_point_folds_and_prints_as_cpython(oracle):
    """casefold(), isprintable() and ascii() of every code point (CPython's tables, not a sample),
    and casefold() of pairs around the characters that fold to several."""
    cases = []
    cps = [cp for cp in range(0x30000) if not 0xD800 <= cp <= 0xDFFF] + [0xE0001, 0xE0100, 0x10FFFF]
    for i in range(0, len(cps), 16):
        s = "".join(chr(cp) for cp in cps[i:i + 16])
        cases.append((("casefold", h(s)), expect(s.casefold)))
        cases.append((("isascii_printable", h(s)), expect(lambda: f"{int(s.isascii())}{int(s.isprintable())}")))
        cases.append((("ascii", h(repr(s))), expect(lambda: ascii(s))))
    for cp in cps:
        c = chr(cp)
        cases.append((("isascii_printable", h(c)), expect(lambda: f"{int(c.isascii())}{int(c.isprintable())}")))
        if c.casefold() != c.lower():
            s = f"A{c}ß{c}"
            cases.append((("casefold", h(s)), expect(s.casefold)))
    assert_no_mismatch(run_cases(oracle, cases), len(cases))


def test_case_tables_are_cpythons():
    """The runtime's case tables are this CPython's (scripts/unicode_case_tables.py --write
    regenerates them): casing never depends on the Rust toolchain's Unicode version."""
    r = _run([sys.executable, str(ROOT / "scripts" / "unicode_case_tables.py"), "--check"], timeout=300)
    assert r.returncode == 0, "codegen/runtime/pyrt/unicode_tables.rs differs from CPython's tables:\n" + r.stderr
