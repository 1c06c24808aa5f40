"""The big-int part of the runtime (codegen/runtime/pyrt/bigint.rs, bigint_text.rs) against CPython as the oracle:
arithmetic, bitwise operations, conversions to and from float (correct rounding), text in every
base and format spec, parsing, math functions. Built natively with rustup's rustc and for
wasm32-wasi with Debian's rustc 1.63, run under wasmtime."""

from __future__ import annotations

import math
import os
import random
import struct
import subprocess
from pathlib import Path

import pytest

from portalis.codegen.build import WASM_FEATURES
from portalis.codegen.emit import runtime_text

HERE = Path(__file__).resolve().parent


def _rustup_rustc() -> str:
    cand = Path.home() / ".cargo" / "bin" / "rustc"
    if not cand.exists():
        pytest.fail("~/.cargo/bin/rustc (rustup) is required")
    return str(cand)


@pytest.fixture(scope="module", params=["native", "wasm"])
def oracle(request, tmp_path_factory):
    d = tmp_path_factory.mktemp("bigint_oracle")
    (d / "pyrt.rs").write_text(runtime_text())
    (d / "main.rs").write_text((HERE / "bigint_oracle.rs").read_text())
    if request.param == "native":
        exe = d / "oracle"
        r = subprocess.run([_rustup_rustc(), "--edition", "2021", "-O", str(d / "main.rs"), "-o", str(exe)],
                           capture_output=True, text=True, timeout=900)
        assert r.returncode == 0, r.stderr[-6000:]
        assert "warning" not in r.stderr, r.stderr[-3000:]

        def run(inp: str) -> str:
            p = subprocess.run([str(exe)], input=inp, capture_output=True, text=True, timeout=900)
            assert p.returncode == 0, p.stderr[-3000:]
            return p.stdout
        return run
    rustc = "/usr/bin/rustc"
    if not os.path.exists(rustc):
        pytest.fail("/usr/bin/rustc is missing: apt-get install rustc libstd-rust-dev-wasm32 lld-14")
    wasm = d / "oracle.wasm"
    r = subprocess.run([rustc, "--edition", "2021", "--target", "wasm32-wasi", "-O", *WASM_FEATURES,
                        str(d / "main.rs"), "-o", str(wasm)], capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-6000:]
    assert "warning" not in r.stderr, r.stderr[-3000:]
    return _wasm_runner(wasm, d)


def _wasm_runner(wasm: Path, d: Path):
    import wasmtime

    engine = wasmtime.Engine()
    module = wasmtime.Module.from_file(engine, str(wasm))

    def run(inp: str) -> str:
        (d / "in.txt").write_text(inp)
        store = wasmtime.Store(engine)
        cfg = wasmtime.WasiConfig()
        cfg.stdin_file, cfg.stdout_file, cfg.stderr_file = str(d / "in.txt"), str(d / "out.txt"), str(d / "err.txt")
        store.set_wasi(cfg)
        linker = wasmtime.Linker(engine)
        linker.define_wasi()
        try:
            linker.instantiate(store, module).exports(store)["_start"](store)
        except wasmtime.ExitTrap as e:
            assert e.code == 0, (d / "err.txt").read_text()
        return (d / "out.txt").read_text()
    return run


def h(s: str) -> str:
    return s.encode().hex()


def fb(x: float) -> str:
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def expect(fn):
    try:
        v = fn()
    except Exception as e:  # noqa: BLE001
        return ("ERR", type(e).__name__, str(e))
    return ("OK", v)


def run_cases(oracle, cases):
    out = oracle("".join("\t".join(f) + "\n" for f, _ in cases)).split("\n")
    bad = []
    for i, (fields, exp) in enumerate(cases):
        parts = out[i].split("\t")
        got = ("OK", bytes.fromhex(parts[1]).decode()) if parts[0] == "OK" else \
            ("ERR", parts[1], bytes.fromhex(parts[2]).decode())
        if got != exp:
            bad.append(f"{[f[:60] for f in fields]}: expected {str(exp)[:300]}, got {str(got)[:300]}")
    assert not bad, f"{len(bad)} of {len(cases)} cases differ from CPython:\n" + "\n".join(bad[:30])


def pool(seed: int, n: int = 60) -> list[int]:
    rnd = random.Random(seed)
    vals = [0, 1, -1, 2, -2, 3, 10, -10, 2**31, 2**32, 2**32 - 1, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
            2**64, 2**64 - 1, -2**64, 2**64 + 1, 10**19, 10**20, -10**20, 2**96, 2**128 - 1, 3**100, -7**50]
    for _ in range(n):
        bits = rnd.choice([8, 31, 33, 62, 63, 64, 65, 70, 96, 127, 128, 129, 200, 333, 512, 700])
        v = rnd.getrandbits(bits) | (1 << (bits - 1))
        if rnd.random() < 0.2:
            v = (1 << bits) - 1  # all ones
        vals.append(-v if rnd.random() < 0.5 else v)
    return vals


CMP = {-1: "Less", 0: "Equal", 1: "Greater"}


def test_arithmetic(oracle):
    rnd = random.Random(1)
    vals = pool(2)
    cases = []
    for _ in range(2500):
        x, y = rnd.choice(vals), rnd.choice(vals)
        for op, f in (("add", lambda: str(x + y)), ("sub", lambda: str(x - y)), ("mul", lambda: str(x * y)),
                      ("floordiv", lambda: str(x // y)), ("mod", lambda: str(x % y)),
                      ("divmod", lambda: "(%d, %d)" % divmod(x, y)), ("and", lambda: str(x & y)),
                      ("or", lambda: str(x | y)), ("xor", lambda: str(x ^ y)),
                      ("truediv", lambda: repr(x / y)), ("cmp", lambda: CMP[(x > y) - (x < y)]),
                      ("eq", lambda: str(x == y).lower()), ("gcd", lambda: str(math.gcd(x, y))),
                      ("lcm", lambda: str(math.lcm(x, y)))):
            cases.append((("op", op, str(x), str(y)), expect(f)))
    for _ in range(400):
        x, k = rnd.choice(vals), rnd.randrange(0, 200)
        cases.append((("op", "lshift", str(x), str(k)), expect(lambda: str(x << k))))
        cases.append((("op", "rshift", str(x), str(k)), expect(lambda: str(x >> k))))
        e = rnd.randrange(0, 40)
        cases.append((("op", "pow", str(x), str(e)), expect(lambda: str(x ** e))))
    cases.append((("op", "lshift", "5", "-1"), expect(lambda: 5 << -1)))
    cases.append((("op", "rshift", str(2**70), "-3"), expect(lambda: 2**70 >> -3)))
    cases.append((("op", "rshift", str(-2**70), str(2**70)), ("OK", "-1")))
    run_cases(oracle, cases)


def test_unary_and_text(oracle):
    vals = pool(3, 120)
    cases = []
    for x in vals:
        for op, f in (("neg", lambda: str(-x)), ("abs", lambda: str(abs(x))), ("invert", lambda: str(~x)),
                      ("float", lambda: repr(float(x))), ("str", lambda: str(x)), ("repr", lambda: repr(x)),
                      ("hex", lambda: hex(x)), ("oct", lambda: oct(x)), ("bin", lambda: bin(x))):
            cases.append((("un", op, str(x)), expect(f)))
        if x >= 0:
            cases.append((("un", "isqrt", str(x)), expect(lambda: str(math.isqrt(x)))))
        cases.append((("un", "log", str(x)), expect(lambda: repr(math.log(x)))))
        cases.append((("un", "log2", str(x)), expect(lambda: repr(math.log2(x)))))
        cases.append((("un", "log10", str(x)), expect(lambda: repr(math.log10(x)))))
    for x in [2**1023, 2**1024 - 1, 2**1024 - 2**970, 2**1024 - 2**971, -(2**1024), 2**1024, 10**400,
              (2**53 + 1) * 2**100, (2**54 + 3) * 2**80, 2**53 * 2**200 + 1]:
        cases.append((("un", "float", str(x)), expect(lambda: repr(float(x)))))
    for n in [0, 1, 5, 20, 21, 25, 30, 100, 300, -1]:
        cases.append((("un", "factorial", str(n)), expect(lambda: str(math.factorial(n)))))
    big = 10**4300
    cases.append((("un", "str", str(big - 1)), ("OK", str(big - 1))))
    for v in (big, -big, big * 7):
        cases.append((("un", "str", "x" + format(v, "x")), expect(lambda: str(v))))
        cases.append((("digits", "x" + format(v, "x")), expect(lambda: str(v) and "ok")))
    cases.append((("digits", str(big - 1)), ("OK", "ok")))
    cases.append((("un", "index", str(2**70)), ("ERR", "IndexError", "cannot fit 'int' into an index-sized integer")))
    cases.append((("un", "size", str(-2**70)), ("ERR", "OverflowError", "cannot fit 'int' into an index-sized integer")))
    run_cases(oracle, cases)


def test_truediv_rounding(oracle):
    """int / int rounds once (ties to even, subnormals too), like CPython's long_true_divide."""
    rnd = random.Random(4)
    cases = []
    for _ in range(1500):
        kind = rnd.randrange(4)
        if kind == 0:
            x, y = rnd.getrandbits(rnd.randrange(60, 400)), rnd.getrandbits(rnd.randrange(1, 200)) or 1
        elif kind == 1:  # near ties: (2k+1) * 2^m over 2^n
            x, y = (2 * rnd.getrandbits(55) + 1) << rnd.randrange(0, 50), 1 << rnd.randrange(0, 60)
        elif kind == 2:  # subnormal results
            x, y = rnd.getrandbits(rnd.randrange(1, 60)) or 1, 1 << rnd.randrange(1060, 1130)
        else:  # huge results
            x, y = rnd.getrandbits(rnd.randrange(1000, 1100)), rnd.getrandbits(rnd.randrange(1, 80)) or 1
        if rnd.random() < 0.5:
            x = -x
        cases.append((("op", "truediv", str(x), str(y)), expect(lambda: repr(x / y))))
    run_cases(oracle, cases)


def test_floats_to_int_and_compare(oracle):
    rnd = random.Random(5)
    floats = [0.0, -0.0, 0.5, -1.5, 2.0**63, -2.0**63, 2.0**64, 1e20, -1e300, 1.7976931348623157e308,
              9.223372036854776e18, 2.5, 3.5, -2.5, 1e16 + 2, math.inf, -math.inf, math.nan]
    floats += [rnd.uniform(-1, 1) * 2.0 ** rnd.randrange(-5, 1000) for _ in range(150)]
    cases = []
    for f in floats:
        cases.append((("from_float", fb(f)), expect(lambda: str(int(f)))))
        cases.append((("floor", fb(f)), expect(lambda: str(math.floor(f)))))
        cases.append((("ceil", fb(f)), expect(lambda: str(math.ceil(f)))))
        cases.append((("round_float", fb(f)), expect(lambda: str(round(f)))))
    ints = pool(6, 40)
    for _ in range(1500):
        x, f = rnd.choice(ints), rnd.choice(floats)
        if rnd.random() < 0.3 and math.isfinite(f):
            x = int(f) + rnd.choice([-1, 0, 1])
        cases.append((("cmp_float", str(x), fb(f)),
                      ("OK", " ".join(str(v).lower() for v in (x < f, x <= f, x == f, x >= f, x > f)))))
    run_cases(oracle, cases)


FORMAT_SPECS = ["", "d", ",", "_", "x", "X", "#x", "#b", "o", "#o", "_x", "_b", ">40", "<40", "^40",
                "=+50", "+", " ", "050", "060,", "e", ".3e", "f", ".2f", "g", "%", ",.2f", "c", ".5",
                "n", "s", "+#_X", "z", "030_"]


def test_format_and_parse(oracle):
    vals = pool(7, 40)
    cases = []
    for x in vals:
        for spec in FORMAT_SPECS:
            cases.append((("fmt", str(x), h(spec)), expect(lambda: format(x, spec))))
    texts = [("123456789012345678901234567890", 10), ("-0x1F_ffff_ffff_ffff_ffff", 0), ("1_000_000_000_000_000_000_000", 10),
             ("  +99999999999999999999\n", 10), ("ffffffffffffffffffffz", 16), ("0b" + "1" * 100, 0),
             ("zzzzzzzzzzzzzzzzzz", 36), ("0o777777777777777777777777", 8), ("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠١٢", 10),
             ("00000000000000000000000001", 0), ("12345678901234567890123__4", 10), ("9" * 4300, 10),
             ("9" * 4301, 10), ("1" * 5000, 2), ("-" + "7" * 40, 8)]
    for t, base in texts:
        cases.append((("parse", h(t), str(base)), expect(lambda: str(int(t, base)))))
    run_cases(oracle, cases)


def test_math_and_modular(oracle):
    rnd = random.Random(8)
    cases = []
    vals = [v for v in pool(9, 30)]
    for _ in range(300):
        a, b = rnd.choice(vals), rnd.randrange(0, 10**30)
        m = rnd.choice([v for v in vals if v != 0])
        cases.append((("powmod", str(a), str(b), str(m)), expect(lambda: str(pow(a, b, m)))))
    for a, b, m in [(3, -1, 10**20 + 39), (2, -5, 2**70 + 1), (6, -1, 2**70), (5, 0, 1), (5, 3, 0)]:
        cases.append((("powmod", str(a), str(b), str(m)), expect(lambda: str(pow(a, b, m)))))
    for n, k in [(100, 50), (200, 3), (67, 33), (10**20, 2), (5, 7), (-1, 2), (2, -1), (10**6, 10)]:
        cases.append((("op", "comb", str(n), str(k)), expect(lambda: str(math.comb(n, k)))))
    for x in pool(10, 40):
        for nd in [-1, -5, -19, -20, -30, -100, 0, 3]:
            cases.append((("op", "round", str(x), str(nd)), expect(lambda: str(round(x, nd)))))
    run_cases(oracle, cases)
