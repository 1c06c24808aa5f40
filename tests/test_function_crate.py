"""`portalis translate prog.py --function NAME`: NAME and what it calls as a library crate.

Real compilers throughout: the crate builds as a wasm32-wasi rlib with the wasm toolchain
(Debian's rustc 1.63) and natively with `cargo build --offline` (rustup); a small Rust driver
calls the `pub fn` through `--extern` and its output is compared with CPython calling the
same Python function on the same inputs (as WASM in wasmtime, and natively)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import textwrap
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from portalis import ir
from portalis.codegen.build import clippy_check
from portalis.codegen.crate import write_crate
from portalis.codegen.toolchain import find_native_rustc
from portalis.codegen.wasm_exec import run_wasm
from portalis.diagnostics import Span
from portalis.pipeline import translate_function, translate_source
from portalis.slicing import slice_module, unresolved_types

PORTALIS = [sys.executable, "-m", "portalis.cli"]

# `weighted` calls `clamp`, which raises a user exception and reads two module constants.
# The module as a whole cannot be translated (`with`, a parameter nothing determines), which
# must not matter for `weighted`.
SRC = textwrap.dedent('''\
    import math

    SCALE = 3
    LIMIT = 100.0
    UNITS: dict[str, int] = {"s": 1, "m": 60, "h": 3600}


    class AppError(ValueError):
        pass


    class TooBig(AppError):
        pass


    def clamp(x: int) -> int:
        if x * SCALE > LIMIT:
            raise TooBig(f"{x} is too big")
        return x * SCALE


    def weighted(xs, w):
        print(f"weighting {len(xs)} items")
        total = 0
        for x in xs:
            total += clamp(x)
        return math.sqrt(total) / w


    def seconds(text: str) -> int:
        return int(text[:-1]) * UNITS[text[-1]]


    def unrelated(path: str) -> str:
        with open(path) as fh:
            return fh.read()


    def untyped(a,
                b):
        return a + b


    if __name__ == "__main__":
        print(weighted([1, 2, 3], 2.0))
        print(seconds("5m"))
    ''')

CASES = [([1, 2, 3], 2.0), ([], 1.0), ([10, 40], 0.5), ([5], 0.0), ([-5], 1.0), ([7, 8, 9], 3.0)]


def _python_oracle() -> str:
    """What CPython prints for each case: the function's output, then repr(result) or `Class: message`."""
    ns: dict = {"__name__": "prog"}
    exec(compile(SRC, "prog.py", "exec"), ns)
    out = io.StringIO()
    with redirect_stdout(out):
        for xs, w in CASES:
            try:
                print(repr(ns["weighted"](list(xs), w)))
            except Exception as e:  # noqa: BLE001 - the oracle reports every Python error
                print(f"{type(e).__name__}: {e}")
    return out.getvalue()


def _driver(crate: str) -> str:
    calls = "\n".join(f"    show({crate}::weighted(pyrt::PyList::from_vec(vec![{', '.join(map(str, xs))}]), {w!r}_f64));"
                      for xs, w in CASES)
    return textwrap.dedent('''\
        use {crate}::pyrt;

        fn show<T: pyrt::PyFmt>(r: Result<T, pyrt::PyErr>) {{
            match r {{
                Ok(v) => println!("{{}}", pyrt::py_repr(&v)),
                Err(e) => println!("{{}}: {{}}", e.class_name(), e.py_str()),
            }}
        }}

        fn main() {{
        {calls}
        }}
        ''').format(crate=crate, calls=calls)


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    tr = translate_function(SRC, "prog.py", "weighted")
    assert tr.ok, [d.render("prog.py") for d in tr.diagnostics]
    d = tmp_path_factory.mktemp("lib") / "crate"
    write_crate(tr.crate, d)
    return tr, d


def test_the_whole_module_is_not_translatable():
    assert not translate_source(SRC, "prog.py").ok


def test_crate_layout_and_slice(lib):
    tr, d = lib
    assert tr.crate.name == "prog_weighted"
    cargo = (d / "Cargo.toml").read_text()
    assert "[lib]" in cargo and 'path = "src/lib.rs"' in cargo and 'name = "prog_weighted"' in cargo
    assert not (d / "src" / "main.rs").exists() and (d / "src" / "pyrt.rs").exists()
    rs = (d / "src" / "lib.rs").read_text()
    assert "/// Python: `def weighted(xs: list[int], w: float) -> float` (prog.py, line 22)." in rs
    assert "pub fn weighted(xs: rt::PyList<i64>, w: f64) -> Result<f64, pyrt::PyErr> {" in rs
    assert "fn clamp(" in rs and "G_SCALE" in rs and "G_LIMIT" in rs
    assert "EXC_TooBig" in rs and "EXC_AppError" in rs  # the class and its user base
    for unrelated in ("seconds", "unrelated", "untyped", "UNITS", "fn main", "module_body", "run_main"):
        assert unrelated not in rs, unrelated
    assert [f.name for f in tr.module.functions] == ["clamp", "weighted"]
    assert tr.module.main.body == ()
    line_map = json.loads((d / "portalis-map.json").read_text())
    assert len(line_map["src/lib.rs"]) == len(rs.splitlines())


def test_wasm_rlib_with_the_wasm_toolchain_and_driver_in_wasmtime(lib, toolchain, tmp_path: Path):
    tr, d = lib
    name = tr.crate.name
    common = ["--edition", "2021", "--target", toolchain.target, "-C", "panic=abort", *toolchain.extra_args]
    rlib = tmp_path / f"lib{name}.rlib"
    r = subprocess.run([str(toolchain.rustc), *common, "--crate-type", "lib", "--crate-name", name,
                        "-o", str(rlib), str(d / "src" / "lib.rs")],
                       capture_output=True, text=True, env=toolchain.env(), timeout=600)
    assert r.returncode == 0, r.stderr
    drv = tmp_path / "driver.rs"
    drv.write_text(_driver(name))
    wasm = tmp_path / "driver.wasm"
    r = subprocess.run([str(toolchain.rustc), *common, "--crate-type", "bin", "--extern", f"{name}={rlib}",
                        "-o", str(wasm), str(drv)], capture_output=True, text=True, env=toolchain.env(), timeout=600)
    assert r.returncode == 0, r.stderr
    res = run_wasm(wasm)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.decode() == _python_oracle()


def test_cargo_native_build_driver_and_clippy(lib, tmp_path: Path):
    tr, d = lib
    crate = tmp_path / "crate"
    shutil.copytree(d, crate)
    cargo = Path("~/.cargo/bin/cargo").expanduser()
    cargo = cargo if cargo.exists() else Path(shutil.which("cargo") or "cargo")
    r = subprocess.run([str(cargo), "build", "--offline", "--quiet"], cwd=crate, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr
    name = tr.crate.name
    target = crate / "target" / "debug"
    drv = tmp_path / "driver.rs"
    drv.write_text(_driver(name))
    exe = tmp_path / "driver"
    r = subprocess.run([str(find_native_rustc()), "--edition", "2021", "--extern", f"{name}={target / f'lib{name}.rlib'}",
                        "-L", f"dependency={target / 'deps'}", "-o", str(exe), str(drv)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == _python_oracle()
    ok, out = clippy_check(d)
    assert ok, out


def _diags(src: str, name: str) -> list[tuple[str, int, int]]:
    tr = translate_function(src, "prog.py", name)
    assert not tr.ok and tr.crate is None
    return [(d.code, d.span.line, d.span.col) for d in tr.diagnostics if d.severity.value == "error"]


def test_unknown_name_refused():
    assert _diags(SRC, "nosuch") == [("function-not-found", 1, 0)]
    assert _diags(SRC, "SCALE") == [("function-not-found", 3, 0)]  # a module constant, not a function


def test_parameter_of_undeterminable_type_refused_at_the_parameter():
    # `untyped` is never called and its parameters have no annotations: never guessed
    found = _diags(SRC, "untyped")
    assert ("cannot-infer-type", 39, 12) in found and ("cannot-infer-type", 40, 12) in found


def test_untranslatable_code_in_the_slice_blocks():
    src = SRC + "\n\ndef reader(p: str) -> int:\n    return len(unrelated(p))\n"
    assert ("unsupported-builtin", 35, 9) in _diags(src, "reader")  # open() in `with open(path)`


def test_parameter_types_from_call_sites_and_other_functions_do_not_block():
    tr = translate_function(SRC, "prog.py", "seconds")
    assert tr.ok
    rs = tr.crate.files["src/lib.rs"]
    assert "pub fn seconds(text: impl Into<pyrt::Str>) -> Result<i64, pyrt::PyErr>" in rs and "UNITS" in rs


def test_module_state_the_library_cannot_have_is_refused():
    src = textwrap.dedent('''\
        COUNT = 0
        LOG: list[str] = []
        TABLE = {"a": 1}


        def bump() -> int:
            return COUNT + 1


        def note(s: str) -> int:
            LOG.append(s)
            return len(LOG)


        def look(k: str) -> int:
            return TABLE[k]


        COUNT = 5
        LOG.append("start")
        print(bump(), note("x"), look("a"), len(TABLE), "a" in TABLE)
        ''')
    assert _diags(src, "bump") == [("needs-module-state", 19, 0)]  # module code reassigns COUNT
    assert _diags(src, "note") == [("needs-module-state", 20, 0)]  # module code changes the list
    assert translate_function(src, "prog.py", "look").ok  # only read by module code: fine


def test_unresolved_types_are_refused_not_grounded():
    # a type variable left in the IR by untranslatable code (lower_module(partial=True))
    sp = Span(2, 0, 3, 10)

    class Unknown:  # stands for an analyzers.types.TVar
        pass

    f = ir.Function("f", (("x", Unknown()),), ir.INT, (ir.Return(ir.Const(1, ir.INT, sp), sp),), (), sp, "")
    main = ir.Function("<module>", (), ir.NONE, (), (), Span(1, 0, 1, 0), "")
    m = ir.Module("prog", "prog.py", (f,), (), (), main)
    sl = slice_module(m, "f")
    assert [(d.code, d.span.line) for d in unresolved_types(sl.module)] == [("cannot-infer-type", 2)]
    assert "parameter `x`" in unresolved_types(sl.module)[0].message


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*PORTALIS, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_cli_default_out_exit_codes_and_user_edits(tmp_path: Path):
    (tmp_path / "prog.py").write_text(SRC)
    r = _cli("translate", "prog.py", "--function", "weighted", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = Path("rust") / "prog_weighted"
    assert r.stdout.strip() == str(out)
    lib_rs = tmp_path / out / "src" / "lib.rs"
    assert "pub fn weighted(" in lib_rs.read_text()
    lib_rs.write_text(lib_rs.read_text() + "// my edit\n")
    r = _cli("translate", "prog.py", "--function", "weighted", cwd=tmp_path)
    assert r.returncode == 3 and "edited" in r.stderr and lib_rs.read_text().endswith("// my edit\n")
    r = _cli("translate", "prog.py", "--function", "weighted", "--force", cwd=tmp_path)
    assert r.returncode == 0 and not lib_rs.read_text().endswith("// my edit\n")

    r = _cli("translate", "prog.py", "--function", "nosuch", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("prog.py:1:1: error[function-not-found]: no top-level function `nosuch`")
    r = _cli("translate", "prog.py", "--function", "untyped", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert "prog.py:39:13: error[cannot-infer-type]: cannot infer the type of parameter `a` of `untyped`" in r.stderr


def test_lazy_initial_values_that_could_see_later_state_are_refused():
    # a library computes a module variable on first use; CPython at import. Different when what
    # the initial value reads (a list, or a variable something assigns) changed in between.
    src = textwrap.dedent("""\
        A = [1, 2]
        N = len(A)
        counter = 0
        BASE = counter + 1
        K = 3
        M = K * 2


        def name() -> int:
            A.append(5)
            return N


        def base() -> int:
            global counter
            counter = 10
            return BASE


        def ok() -> int:
            return M
        """)
    for fn, line in (("name", 2), ("base", 4)):
        tr = translate_function(src, "lib9.py", fn)
        assert not tr.ok
        assert [(d.code, d.span.line) for d in tr.diagnostics] == [("needs-module-state", line)], tr.diagnostics
    assert translate_function(src, "lib9.py", "ok").ok


def test_class_method_of_a_hierarchy_and_class_attributes():
    # a class method in a hierarchy takes its class as a hidden `cls`: the library passes its own
    src = textwrap.dedent("""\
        class Shape:
            count = 0

            def __init__(self, n: int):
                self.n = n
                Shape.count += 1

            @classmethod
            def make(cls, n: int) -> "Shape":
                return cls(n)


        class Sq(Shape):
            pass


        def made(k: int) -> int:
            Sq.make(k)
            return Shape.count


        Shape.count = 5
        print(made(1))
        """)
    tr = translate_function(src.replace("Shape.count = 5\n", ""), "lib10.py", "Shape.make")
    assert tr.ok, tr.diagnostics
    rs = tr.crate.files["src/lib.rs"]
    assert "/// Python: `def Shape.make(n: int) -> Shape`" in rs
    assert "pub fn Shape__make(n: i64) -> Result<OShape, pyrt::PyErr> {" in rs
    # module code assigns the class attribute before calling: the library cannot know it
    for fn in ("made", "Shape.make"):
        assert [(d.code, d.span.line) for d in translate_function(src, "lib10.py", fn).diagnostics] == [
            ("needs-module-state", 22)]


GEN_SRC = textwrap.dedent('''\
    def tokens(text: str, limit: int):
        print("start")
        for w in text.split():
            if w == "stop":
                return
            if len(w) > limit:
                raise ValueError(f"too long: {w}")
            yield w.upper()
        print("end")
    ''')


def test_a_generator_as_a_library_function_calls_a_closure_per_item(tmp_path: Path):
    # the wrapper takes the loop body as `each` (false stops, as `break`); built natively, with
    # a driver that takes every item, stops after the first, and meets the generator's error
    tr = translate_function(GEN_SRC, "prog.py", "tokens")
    assert tr.ok, [d.render("prog.py") for d in tr.diagnostics]
    d = tmp_path / "crate"
    write_crate(tr.crate, d)
    name = tr.crate.name
    rlib = tmp_path / f"lib{name}.rlib"
    rustc = str(find_native_rustc())
    r = subprocess.run([rustc, "--edition", "2021", "--crate-type", "lib", "--crate-name", name, "-o", str(rlib),
                        str(d / "src" / "lib.rs")], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    drv = tmp_path / "driver.rs"
    drv.write_text(textwrap.dedent('''\
        use {n}::pyrt;
        fn main() {{
            let mut all: Vec<String> = Vec::new();
            let r = {n}::tokens("a bb stop cc", 5, |w: pyrt::Str| {{ all.push(w.to_string()); true }});
            println!("{{:?}} {{}}", all, r.is_ok());
            let mut first: Vec<String> = Vec::new();
            let r = {n}::tokens("x yy zz", 5, |w: pyrt::Str| {{ first.push(w.to_string()); false }});
            println!("{{:?}} {{}}", first, r.is_ok());
            match {n}::tokens("ok waytoolong", 5, |_w: pyrt::Str| true) {{
                Ok(()) => println!("no error"),
                Err(e) => println!("{{}}: {{}}", e.class_name(), e.py_str()),
            }}
        }}
        ''').format(n=name))
    exe = tmp_path / "driver"
    r = subprocess.run([rustc, "--edition", "2021", "--extern", f"{name}={rlib}", "-o", str(exe), str(drv)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ('start\n["A", "BB"] true\nstart\n["X"] true\nstart\nValueError: too long: waytoolong\n')
