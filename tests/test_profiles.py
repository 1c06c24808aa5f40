"""Build profiles (portalis.codegen.build): "release" (one codegen unit, what `portalis build`
writes) and "dev" (incremental with `-C lto=off` for a named program; what `portalis run`/`check`
use unless `--release`). Real rustc builds and wasmtime runs, `portalis` as a subprocess where the user
would run it. Each program carries a fresh nonce so its builds are never cache hits from an
earlier test run (the runtime rlib in the default cache is reused)."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from portalis.codegen.build import DEV_FLAGS, build_wasm
from portalis.codegen.crate import write_crate
from portalis.codegen.wasm_exec import run_wasm
from portalis.pipeline import build_program, run_program, translate_source

PORTALIS = [sys.executable, "-m", "portalis.cli"]

PROG = """def tally(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {{}}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def sieve(n: int) -> int:
    flags = [True] * (n + 1)
    found = 0
    for i in range(2, n + 1):
        if flags[i]:
            found += 1
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return found


nonce = "{nonce}"
c = tally("a b a c b a".split())
print(sorted(c.items()), sieve(10000))
"""


def _program(tmp_path: Path, name: str = "prof.py") -> tuple[Path, str]:
    text = PROG.format(nonce=uuid.uuid4().hex)
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    return p, text


def _python(p: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(p)], capture_output=True, text=True, timeout=60)


def _core_flags(cmd: tuple[str, ...]) -> list[str]:
    """The command without what the profiles set differently: `-C lto=off`, `-C incremental=..`,
    `-C codegen-units=..`, the output path (dev writes inside its incremental work directory)
    and the runtime rlib (dev links the one built with `--cfg portalis_dev`)."""
    out: list[str] = []
    i = 0
    while i < len(cmd):
        if cmd[i] == "-C" and i + 1 < len(cmd) and cmd[i + 1].startswith(("lto=", "incremental=", "codegen-units=")):
            i += 2
        elif cmd[i] == "-o" or (cmd[i] == "--extern" and cmd[i + 1].startswith("pyrt=")):
            i += 2  # the output path; the runtime rlib (dev links its own: see test_infra_runtime_rlib)
        else:
            out.append(cmd[i])
            i += 1
    return out


@pytest.mark.parametrize("same_path", [True, False])
def test_dev_is_incremental_release_is_one_unit_and_both_print_the_same(tmp_path: Path, toolchain, same_path: bool):
    p, text = _program(tmp_path)
    q = p if same_path else tmp_path / "other" / p.name
    if not same_path:
        q.parent.mkdir()
        q.write_text(text)
    dev = build_program(text, str(p), toolchain=toolchain, profile="dev")
    rel = build_program(text, str(q), toolchain=toolchain, profile="release")
    for pb in (dev, rel):
        assert pb.build is not None and pb.build.ok and pb.wasm_path is not None, pb.build
        assert not pb.cached  # the release request did not get the dev result (nor the reverse)
    assert dev.wasm_path != rel.wasm_path
    d, r = dev.build.command, rel.build.command
    assert tuple(DEV_FLAGS) in zip(d, d[1:]) and "lto=off" not in r
    # dev: rustc's incremental work for this program, its default units; release: one unit
    assert any(a.startswith("incremental=") for a in d) and not any(a.startswith("incremental=") for a in r)
    assert "codegen-units=1" in r and not any(a.startswith("codegen-units=") for a in d)
    assert _core_flags(d) == _core_flags(r)

    expected = _python(p)
    assert expected.returncode == 0, expected.stderr
    outs = [run_wasm(pb.wasm_path, program_name=p.name) for pb in (dev, rel)]
    for res in outs:
        assert (res.exit_code, res.stdout.decode()) == (0, expected.stdout), res.stderr
    # each profile's cached result comes back for its own request only
    assert build_program(text, str(p), toolchain=toolchain, profile="dev").wasm_path == dev.wasm_path
    assert build_program(text, str(q), toolchain=toolchain, profile="release").wasm_path == rel.wasm_path


def test_run_program_builds_the_big_int_rerun_with_the_same_profile(tmp_path: Path, toolchain):
    nonce = uuid.uuid4().hex
    src = f'nonce = "{nonce}"\nx = 1\nfor i in range(30):\n    x *= 7\nprint(x)\n'
    p = tmp_path / "grow.py"
    p.write_text(src)
    expected = _python(p).stdout
    for profile in ("dev", "release"):
        pr = run_program(src, str(p), toolchain=toolchain, profile=profile)
        assert pr.result is not None and pr.result.stdout.decode() == expected
        assert pr.big is not None and pr.big.build is not None, "the big-int build should be new"
        assert ("lto=off" in pr.big.build.command) == (profile == "dev")
        assert ("lto=off" in pr.build.build.command) == (profile == "dev")


def test_portalis_run_with_and_without_release_prints_the_same(tmp_path: Path, toolchain):
    p, _ = _program(tmp_path)
    expected = _python(p)
    dev = subprocess.run([*PORTALIS, "run", str(p)], capture_output=True, text=True, timeout=600)
    rel = subprocess.run([*PORTALIS, "run", "--release", str(p)], capture_output=True, text=True, timeout=600)
    assert (dev.returncode, dev.stdout, dev.stderr) == (rel.returncode, rel.stdout, rel.stderr) \
        == (0, expected.stdout, "")
    chk = subprocess.run([*PORTALIS, "check", "--release", str(p)], capture_output=True, text=True, timeout=600)
    assert chk.returncode == 0 and chk.stdout.startswith("same"), (chk.stdout, chk.stderr)


def test_one_unit_builds_share_the_cache_across_profiles(tmp_path: Path, toolchain):
    """Without a program identity the crate is one codegen unit: lto=off would change nothing,
    so both profiles have the same flags and the same cache entry."""
    _, text = _program(tmp_path)
    tr = translate_source(text, "prof.py")
    assert tr.ok and tr.crate is not None
    crate = write_crate(tr.crate, tmp_path / "crate")
    rel = build_wasm(crate, toolchain, profile="release")
    dev = build_wasm(crate, toolchain, profile="dev")
    assert rel.ok and not rel.cached, rel.format_errors()
    assert dev.ok and dev.cached and dev.wasm_path == rel.wasm_path
    assert dev.command == rel.command and "lto=off" not in dev.command
    # a release build of a named program is the same one-unit build: not incremental, and the
    # same module as the unnamed one (so `portalis build` is deterministic: no unit partition)
    named = build_wasm(crate, toolchain, program=str(tmp_path / "prof.py"), profile="release")
    assert named.ok and named.cached and named.wasm_path == rel.wasm_path, named.command
    assert not any(a.startswith("incremental=") for a in named.command)


def test_unknown_profile_is_rejected(tmp_path: Path, toolchain):
    with pytest.raises(ValueError, match="profile"):
        build_wasm(tmp_path, toolchain, profile="debug")
    with pytest.raises(ValueError, match="profile"):
        build_wasm(tmp_path, toolchain, program=str(tmp_path / "x.py"), profile="Release")
    with pytest.raises(ValueError, match="profile"):
        build_program("print(1)\n", str(tmp_path / "x.py"), toolchain=toolchain, profile="fast")


@pytest.mark.parametrize("name", ["edge_negative_zero_compare.py", "edge_float_format.py", "edge_recursion_frames.py"])
def test_corpus_programs_match_cpython_in_the_dev_profile(name: str, toolchain):
    # the corpus runs the release build; these depend on what the optimiser may do with floats
    # (f64.max/min and -0.0) or with frames: the dev build must agree with CPython too
    from portalis.codegen.conformance import compare_run
    path = Path(__file__).parent / "corpus" / name

    def run():
        pr = run_program(path.read_text(), str(path), [], toolchain=toolchain, profile="dev")
        assert pr.result is not None
        return pr.result
    verdict = compare_run(path, [], run)
    assert verdict.same, verdict.detail


def test_dev_runs_load_with_winch_release_with_cranelift(tmp_path: Path, toolchain):
    """The dev profile's runs are compiled to machine code by Winch (wasm_exec.TIERS "baseline";
    its compiled modules are cached as *-winch.cwasm), everything else by Cranelift; where this
    wasmtime has no Winch (it is x86-64 only) "baseline" falls back to Cranelift."""
    import hashlib
    import platform

    from portalis.codegen import wasm_exec
    p, text = _program(tmp_path)
    pb = build_program(text, str(p), toolchain=toolchain, profile="dev")
    assert pb.wasm_path is not None
    digest = hashlib.sha256(pb.wasm_path.read_bytes()).hexdigest()
    cache = tmp_path / "cache"
    winch = platform.machine() in ("x86_64", "AMD64")
    expected = _python(p).stdout
    for tier, suffix in (("optimized", "-exit.cwasm"), ("baseline", "-exit-winch.cwasm" if winch else "-exit.cwasm")):
        _, cached = wasm_exec.load_module(pb.wasm_path, cache, "exit", tier)
        assert not cached
        assert (cache / "cwasm" / f"{digest}-{wasm_exec._version()}{suffix}").is_file(), sorted((cache / "cwasm").iterdir())
        r = run_wasm(pb.wasm_path, program_name=p.name, cache_dir=cache, timeout_mode="exit", tier=tier)
        assert r.module_cached and (r.exit_code, r.stdout.decode()) == (0, expected)
    with pytest.raises(ValueError, match="tier"):
        wasm_exec.get_engine("exit", "winch")
