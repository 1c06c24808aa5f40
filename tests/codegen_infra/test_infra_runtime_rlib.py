"""The runtime compiled once into an rlib (codegen.build.build_runtime) and generated programs
compiled against it, with the real rustc: built once under a lock and reused, keyed by the
runtime's bytes, programs that run like whole-crate builds, errors still on Python lines, and
the whole-crate fallback for a runtime that is not a crate of its own."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from portalis.codegen.build import (
    DEV_RT_CFG,
    MAP_FILE,
    RT_CFG,
    build_runtime,
    build_wasm,
    cache_key,
    runtime_key,
)
from portalis.codegen.crate import write_crate
from portalis.codegen.emit import RUNTIME_PARTS
from portalis.codegen.toolchain import Toolchain
from portalis.codegen.wasm_exec import run_wasm
from portalis.pipeline import translate_source

PROGRAM = '''\
def fact(n: int) -> int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def safe_div(a: int, b: int) -> int:
    try:
        return a // b
    except ZeroDivisionError:
        return -1


def main() -> None:
    counts: dict[str, int] = {}
    for w in "b a b c a b".split():
        counts[w] = counts.get(w, 0) + 1
    print(sorted(counts.items()))
    print(fact(20), safe_div(7, 2), safe_div(1, 0))
    print(f"{2 ** 0.5:.4f}", int(7.9), round(2.5), divmod(-7, 2), ord("z"), chr(65))


main()
'''
PRINT_LINE = 19  # the `print(fact(20), ...)` line of PROGRAM

OTHER = 'def twice(x: int) -> int:\n    return 2 * x\n\n\nprint(twice(21))\n'


def _crate(root: Path, text: str, name: str = "prog.py") -> Path:
    tr = translate_source(text, name)
    assert tr.ok and tr.crate is not None, [d.message for d in tr.diagnostics]
    return write_crate(tr.crate, root)


def _expected(tmp_path: Path, text: str) -> bytes:
    src = tmp_path / "expected.py"
    src.write_text(text)
    return subprocess.run([sys.executable, str(src)], capture_output=True, check=True).stdout


def _stamp(p: Path) -> tuple[int, int, int]:
    st = p.stat()
    return st.st_ino, st.st_mtime_ns, st.st_size


@pytest.fixture(scope="module")
def prog_crate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _crate(tmp_path_factory.mktemp("rtprog"), PROGRAM)


def test_generated_crate_opts_in(prog_crate: Path) -> None:
    main = (prog_crate / "src" / "main.rs").read_text()
    assert f"#[cfg(not({RT_CFG}))]\n#[macro_use]\nmod pyrt;" in main  # cargo: the runtime is a module
    assert f"#[cfg({RT_CFG})]\n#[macro_use]\nextern crate pyrt;" in main
    assert "#[macro_export]\nmacro_rules! tr" in (prog_crate / "src" / "pyrt.rs").read_text()


def test_rlib_built_once_under_lock_and_reused(toolchain: Toolchain, prog_crate: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    source = (prog_crate / "src" / "pyrt.rs").read_bytes()
    # two concurrent builders of one runtime: one compiles, the other waits and reuses
    with ThreadPoolExecutor(2) as ex:
        libs = list(ex.map(lambda _: build_runtime(source, toolchain, cache_dir=cache), range(2)))
    assert all(lib.ok for lib in libs), [d.rendered for lib in libs for d in lib.diagnostics]
    assert sorted(lib.built for lib in libs) == [False, True]
    rlib = libs[0].path
    assert rlib is not None and rlib == libs[1].path
    assert rlib.parent == cache / "rt" and rlib.name == f"libpyrt-{libs[0].key}.rlib"
    stamp = _stamp(rlib)

    r1 = build_wasm(prog_crate, toolchain, cache_dir=cache)
    assert r1.ok, r1.format_errors()
    assert r1.runtime_rlib == rlib and not r1.cached
    assert "--extern" in r1.command and f"pyrt={rlib}" in r1.command and RT_CFG in r1.command
    other = _crate(tmp_path / "other", OTHER, "other.py")
    r2 = build_wasm(other, toolchain, cache_dir=cache)
    assert r2.ok and not r2.cached and r2.runtime_rlib == rlib, r2.format_errors()
    assert _stamp(rlib) == stamp  # not rebuilt
    again = build_runtime(source, toolchain, cache_dir=cache)
    assert again.ok and not again.built and again.path == rlib

    r3 = build_wasm(prog_crate, toolchain, cache_dir=cache)
    assert r3.ok and r3.cached and r3.wasm_path == r1.wasm_path and r3.seconds < 0.1
    # nothing left behind but the rlib and its lock file
    assert sorted(p.name for p in (cache / "rt").iterdir()) == sorted([rlib.name, rlib.stem + ".lock"])


def test_runtime_change_changes_keys(toolchain: Toolchain, prog_crate: Path) -> None:
    source = (prog_crate / "src" / "pyrt.rs").read_bytes()
    flags = ["--crate-type", "rlib", "-C", "opt-level=3"]
    k = runtime_key(source, toolchain, flags)
    assert k == runtime_key(source, toolchain, flags)
    assert runtime_key(source + b"\n// edited\n", toolchain, flags) != k
    assert runtime_key(source, toolchain, [*flags[:-1], "opt-level=2"]) != k
    # the program's key includes the rlib's
    assert cache_key(prog_crate, toolchain, ["x"], k) != cache_key(prog_crate, toolchain, ["x"], "0" * 64)
    assert cache_key(prog_crate, toolchain, ["x"], k) != cache_key(prog_crate, toolchain, ["x"])


def test_rlib_program_runs_like_whole_crate(toolchain: Toolchain, prog_crate: Path, cache_dir: Path,
                                            tmp_path: Path) -> None:
    expected = _expected(tmp_path, PROGRAM)
    lib = build_wasm(prog_crate, toolchain, cache_dir=cache_dir)
    whole = build_wasm(prog_crate, toolchain, cache_dir=cache_dir, runtime_rlib=False)
    assert lib.ok and whole.ok, lib.format_errors() + whole.format_errors()
    assert lib.runtime_rlib is not None and whole.runtime_rlib is None
    assert lib.wasm_path != whole.wasm_path
    for r in (lib, whole):
        assert r.wasm_path is not None
        out = run_wasm(r.wasm_path, program_name="prog.py")
        assert out.exit_code == 0 and out.stdout == expected, (out.stdout, out.stderr)


def test_rlib_build_error_maps_to_python_line(toolchain: Toolchain, cache_dir: Path, tmp_path: Path) -> None:
    crate = _crate(tmp_path / "crate", PROGRAM)
    main = crate / "src" / "main.rs"
    lines = main.read_text().split("\n")
    line_map = json.loads((crate / MAP_FILE).read_text())["src/main.rs"]
    i = line_map.index(PRINT_LINE)  # first Rust line of that statement
    lines.insert(i, '    let _portalis_bad: u32 = "not a number";')
    line_map.insert(i, PRINT_LINE)
    main.write_text("\n".join(lines))
    (crate / MAP_FILE).write_text(json.dumps({"src/main.rs": line_map}))

    r = build_wasm(crate, toolchain, cache_dir=cache_dir)
    assert not r.ok and r.runtime_rlib is not None
    assert r.diagnostics, r.stderr
    d = r.diagnostics[0]
    assert d.code == "E0308", r.format_errors()
    assert (d.rust_file, d.rust_line, d.python_line) == ("src/main.rs", i + 1, PRINT_LINE)
    assert r.format_errors().startswith(f"line {PRINT_LINE}: ")


def test_runtime_that_is_no_crate_falls_back_to_whole_build(toolchain: Toolchain, tmp_path: Path) -> None:
    # `crate::main` resolves when the runtime is a module of the program, not in an rlib
    cache = tmp_path / "cache"
    crate = _crate(tmp_path / "crate", OTHER, "other.py")
    rt = crate / "src" / "pyrt.rs"
    rt.write_text(rt.read_text() + "\npub fn _only_as_module() -> fn() {\n    crate::main\n}\n")
    source = rt.read_bytes()

    r = build_wasm(crate, toolchain, cache_dir=cache)
    assert r.ok and r.runtime_rlib is None, r.format_errors()
    assert run_wasm(r.wasm_path, program_name="other.py").stdout == b"42\n"
    lib = build_runtime(source, toolchain, cache_dir=cache)
    assert not lib.ok and not lib.built  # the failure is remembered, not retried
    assert "main" in lib.diagnostics[0].rendered
    assert (cache / "rt" / f"libpyrt-{lib.key}.failed").is_file()
    assert build_wasm(crate, toolchain, cache_dir=cache).cached


def _own_cache(toolchain: Toolchain, shared: Path, tmp_path: Path) -> Path:
    """A cache of this test's own that shares the (slow to build) runtime rlibs."""
    r = build_wasm(_crate(tmp_path / "warm", OTHER), toolchain, cache_dir=shared)
    assert r.ok, r.format_errors()
    own = tmp_path / "cache"
    own.mkdir()
    (own / "rt").symlink_to(shared / "rt")
    return own


def test_incremental_edits_rebuild_and_run_right(toolchain: Toolchain, cache_dir: Path, tmp_path: Path) -> None:
    """build_wasm(program=..., profile="dev"): one rustc work directory per program, reused across edits; each
    version lands at its own content-keyed path and runs as CPython does; errors keep their
    Python lines; an unchanged version is a cache hit."""
    from portalis.codegen.build import INCREMENTAL_DIR

    cache_dir = _own_cache(toolchain, cache_dir, tmp_path)
    prog = str(tmp_path / "prog.py")
    outs = []
    for i, text in enumerate([PROGRAM, PROGRAM.replace("b a b c a b", "x y x"), PROGRAM]):
        crate = _crate(tmp_path / f"v{i}", text)
        r = build_wasm(crate, toolchain, cache_dir=cache_dir, program=prog, profile="dev")
        assert r.ok, r.format_errors()
        assert r.cached == (i == 2)  # the third version is the first again
        assert any(a.startswith("incremental=") for a in r.command) or r.cached
        out = run_wasm(r.wasm_path, program_name="prog.py")
        assert out.exit_code == 0 and out.stdout == _expected(tmp_path, text), out.stderr
        outs.append(r.wasm_path)
    assert outs[0] != outs[1] and outs[0] == outs[2]
    work = list((cache_dir / INCREMENTAL_DIR).iterdir())
    assert len(work) == 1 and (work[0] / "rustc").is_dir()  # one program, one work directory

    # a compile error in an incremental build still names the Python line
    crate = _crate(tmp_path / "bad", PROGRAM)
    main = crate / "src" / "main.rs"
    lines = main.read_text().split("\n")
    line_map = json.loads((crate / MAP_FILE).read_text())["src/main.rs"]
    i = line_map.index(PRINT_LINE)
    lines.insert(i, '    let _portalis_bad: u32 = "not a number";')
    line_map.insert(i, PRINT_LINE)
    main.write_text("\n".join(lines))
    (crate / MAP_FILE).write_text(json.dumps({"src/main.rs": line_map}))
    bad = build_wasm(crate, toolchain, cache_dir=cache_dir, program=prog, profile="dev")
    assert not bad.ok and bad.diagnostics[0].python_line == PRINT_LINE, bad.format_errors()


def test_incremental_work_directories_are_pruned(toolchain: Toolchain, cache_dir: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from portalis.codegen import build

    cache_dir = _own_cache(toolchain, cache_dir, tmp_path)
    monkeypatch.setattr(build, "INCREMENTAL_KEEP", 2)
    for i in range(4):
        crate = _crate(tmp_path / f"p{i}", OTHER.replace("21", str(30 + i)))
        r = build_wasm(crate, toolchain, cache_dir=cache_dir, program=f"/programs/p{i}.py", profile="dev")
        assert r.ok, r.format_errors()
    left = list((cache_dir / build.INCREMENTAL_DIR).iterdir())
    assert len(left) == 2


def test_dev_rebuilds_link_the_dev_runtime_rlib(toolchain: Toolchain, cache_dir: Path, tmp_path: Path) -> None:
    """An incremental dev build links the runtime compiled with ``--cfg portalis_dev`` (most runtime
    functions called, not copied into the edited function's codegen unit); one-unit builds of
    either profile share the release rlib.  All of them print what CPython prints."""
    cache_dir = _own_cache(toolchain, cache_dir, tmp_path)
    crate = _crate(tmp_path / "p", PROGRAM)
    dev = build_wasm(crate, toolchain, cache_dir=cache_dir, program=str(tmp_path / "prog.py"), profile="dev")
    rel = build_wasm(crate, toolchain, cache_dir=cache_dir, profile="release")
    one_unit_dev = build_wasm(crate, toolchain, cache_dir=cache_dir, profile="dev")  # no program: one unit
    for r in (dev, rel, one_unit_dev):
        assert r.ok and r.runtime_rlib is not None, r.format_errors()
        out = run_wasm(r.wasm_path, program_name="prog.py")
        assert out.exit_code == 0 and out.stdout == _expected(tmp_path, PROGRAM), out.stderr
    assert dev.runtime_rlib != rel.runtime_rlib
    assert one_unit_dev.cached and one_unit_dev.runtime_rlib == rel.runtime_rlib
    assert f"pyrt={dev.runtime_rlib}" in dev.command

    source = (crate / "src" / "pyrt.rs").read_bytes()
    lib = build_runtime(source, toolchain, cache_dir=cache_dir, profile="dev")
    assert lib.ok and not lib.built and lib.path == dev.runtime_rlib
    assert ("--cfg", DEV_RT_CFG) in zip(lib.command, lib.command[1:])
    assert DEV_RT_CFG not in build_runtime(source, toolchain, cache_dir=cache_dir).command
    with pytest.raises(ValueError, match="unknown build profile"):
        build_runtime(source, toolchain, cache_dir=cache_dir, profile="debug")


# the runtime parts whose functions stay inline in dev builds too: scalar arithmetic and the
# error plumbing every user function runs (fib 4.2x slower in a dev build without them)
DEV_INLINE_PARTS = {"int", "float", "errors", "range", "math"}
# and list element access (nbody 11.9x, knapsack 5.6x slower in a dev build without it)
DEV_INLINE_LIST = {"borrow", "borrow_mut", "clone", "deref", "deref_mut", "drop", "get", "get_raw", "get_with",
                   "len", "no_nan", "norm_index", "peek", "poke", "set", "span_in", "stride_in", "total_cmp",
                   "vget", "view", "vset"}


def test_runtime_inline_hints_follow_the_dev_rule() -> None:
    """codegen/runtime/CONTRACT.md: outside DEV_INLINE_PARTS a runtime function is inlined in release
    builds only (``#[cfg_attr(not(portalis_dev), inline)]``); a plain ``#[inline]`` there would be
    copied into, and recompiled with, every edited function of a dev build."""
    import re

    spelled = f"#[cfg_attr(not({DEV_RT_CFG}), inline)]"
    plain, dev_only = [], 0
    for part in RUNTIME_PARTS:
        lines = part.read_text().splitlines()
        for no, line in enumerate(lines, 1):
            code = line.split("//")[0]
            dev_only += code.count(spelled)
            if part.stem in DEV_INLINE_PARTS or not re.search(r"#\[inline\]", code):
                continue
            fn = re.search(r"\bfn\s+(\w+)", "\n".join(lines[no - 1:no + 4]))
            if part.stem == "list" and fn and fn.group(1) in DEV_INLINE_LIST:
                continue
            plain.append(f"{part.name}:{no}: {line.strip()}")
    assert not plain, "plain #[inline] outside the dev-inline parts:\n" + "\n".join(plain)
    assert dev_only > 200  # the rule is in use (262 functions when it was introduced)
