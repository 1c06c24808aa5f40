"""portalis.codegen.toolchain against the real machine (Debian rustc 1.63 + rustup 1.95)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from portalis.codegen import toolchain as tcmod
from portalis.codegen.toolchain import (
    Toolchain,
    ToolchainError,
    clear_toolchain_cache,
    find_native_rustc,
    find_toolchain,
)

RUSTUP_RUSTC = Path("~/.cargo/bin/rustc").expanduser()
PRIVATE_RUSTC = Path("~/.cache/portalis-rust-wasm/root/usr/bin/rustc").expanduser()
INSTALL_LINE = "apt-get install -y rustc libstd-rust-dev-wasm32 lld-14"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PORTALIS_RUSTC", raising=False)
    monkeypatch.setenv("PORTALIS_CACHE_DIR", str(tmp_path / "cache"))
    clear_toolchain_cache()


def test_default_discovery_finds_wasm_capable_rustc() -> None:
    tc = find_toolchain()
    assert isinstance(tc, Toolchain)
    if PRIVATE_RUSTC.exists():
        assert tc.source == "private" and tc.target == "wasm32-wasip1"
        assert any(a.startswith("linker=") for a in tc.extra_args)
    else:
        # rustup's rustc is first on PATH but has no wasm std: it must be skipped
        assert tc.rustc == Path("/usr/bin/rustc"), tc
        assert tc.version_tuple[:2] == (1, 63)
        assert tc.target == "wasm32-wasi"
    assert tc.rustc != RUSTUP_RUSTC


def test_explicit_debian_rustc() -> None:
    if not Path("/usr/bin/rustc").exists():
        pytest.fail(tcmod.INSTALL_HELP, pytrace=False)
    tc = find_toolchain("/usr/bin/rustc")
    assert tc.version.startswith("rustc 1.63")
    assert tc.version_tuple == (1, 63, 0)
    assert tc.target == "wasm32-wasi"
    assert tc.sysroot == Path("/usr")
    assert tc.source == "explicit"
    assert tc.extra_args == () and tc.extra_env == ()


def test_env_var_selects_rustc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTALIS_RUSTC", "/usr/bin/rustc")
    tc = find_toolchain()
    assert tc.source == "env" and tc.rustc == Path("/usr/bin/rustc")


def test_rejects_rustup_rustc_without_wasm_std() -> None:
    assert RUSTUP_RUSTC.exists(), "test expects rustup's rustc at ~/.cargo/bin/rustc"
    with pytest.raises(ToolchainError) as ei:
        find_toolchain(str(RUSTUP_RUSTC))
    msg = str(ei.value)
    assert INSTALL_LINE in msg
    assert "rustc-web" in msg
    assert str(RUSTUP_RUSTC) in msg and "no libstd" in msg
    assert len(msg.splitlines()) > 5


def test_missing_explicit_rustc_reports_install_help(tmp_path: Path) -> None:
    with pytest.raises(ToolchainError) as ei:
        find_toolchain(str(tmp_path / "nope" / "rustc"))
    assert INSTALL_LINE in str(ei.value)
    assert "not found" in str(ei.value)


def _fake_rustc(tmp_path: Path, target: str | None, version: str = "rustc 9.9.9 (fake)") -> Path:
    sysroot = tmp_path / "sysroot"
    if target is not None:
        lib = sysroot / "lib" / "rustlib" / target / "lib"
        lib.mkdir(parents=True)
        (lib / "libstd-0123456789abcdef.rlib").write_bytes(b"")
    else:
        sysroot.mkdir(parents=True)
    rustc = tmp_path / "bin" / "rustc"
    rustc.parent.mkdir(parents=True)
    rustc.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "--print" ]; then echo "{sysroot}"; exit 0; fi\n'
        f'if [ "$1" = "--version" ]; then echo "{version}"; exit 0; fi\n'
        "exit 1\n"
    )
    rustc.chmod(0o755)
    return rustc


def test_wasip1_sysroot_detected(tmp_path: Path) -> None:
    rustc = _fake_rustc(tmp_path, "wasm32-wasip1")
    tc = find_toolchain(str(rustc))
    assert tc.target == "wasm32-wasip1"
    assert tc.version_tuple == (9, 9, 9)


def test_sysroot_without_std_rejected(tmp_path: Path) -> None:
    rustc = _fake_rustc(tmp_path, None)
    with pytest.raises(ToolchainError):
        find_toolchain(str(rustc))


def test_private_toolchain_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A recipe-B layout (root/usr/bin/rustc + env.sh with the wasm-ld linker) is preferred
    and carries LD_LIBRARY_PATH + -C linker=...  (simulated with a fake rustc)."""
    prefix = tmp_path / "private"
    root = prefix / "root"
    sysroot = root / "usr"
    lib = sysroot / "lib" / "rustlib" / "wasm32-wasip1" / "lib"
    lib.mkdir(parents=True)
    (lib / "libstd-aaaa.rlib").write_bytes(b"")
    wasm_ld = root / "usr" / "lib" / "llvm-22" / "bin" / "wasm-ld"
    wasm_ld.parent.mkdir(parents=True)
    wasm_ld.write_text("")
    rustc = root / "usr" / "bin" / "rustc"
    rustc.parent.mkdir(parents=True)
    rustc.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "--print" ]; then echo "{sysroot}"; exit 0; fi\n'
        'echo "rustc 1.96.0 (fake $LD_LIBRARY_PATH)"\n'
    )
    rustc.chmod(0o755)
    (prefix / "env.sh").write_text(f"export CARGO_TARGET_WASM32_WASIP1_LINKER={wasm_ld}\n")
    monkeypatch.setenv("PORTALIS_RUST_WASM_PREFIX", str(prefix))
    tc = find_toolchain()
    assert tc.source == "private"
    assert tc.target == "wasm32-wasip1"
    assert tc.extra_args == ("-C", f"linker={wasm_ld}")
    assert dict(tc.extra_env)["LD_LIBRARY_PATH"] == str(root / "usr" / "lib" / "x86_64-linux-gnu")
    assert str(root / "usr" / "lib" / "x86_64-linux-gnu") in tc.version  # probe ran with the env
    assert tc.env()["LD_LIBRARY_PATH"].startswith(str(root / "usr" / "lib"))


def test_discovery_is_cached_and_fast() -> None:
    find_toolchain()  # may probe (subprocesses)
    t0 = time.perf_counter()
    for _ in range(100):
        find_toolchain()
    in_process = (time.perf_counter() - t0) / 100
    assert in_process < 0.001
    clear_toolchain_cache()  # in-process cache gone; the on-disk probe cache remains
    t0 = time.perf_counter()
    find_toolchain()
    from_disk = time.perf_counter() - t0
    assert from_disk < 0.02, from_disk


def test_native_rustc_runs() -> None:
    rustc = find_native_rustc()
    out = subprocess.run([str(rustc), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("rustc ")
    if RUSTUP_RUSTC.exists():
        assert rustc == RUSTUP_RUSTC
    assert os.access(rustc, os.X_OK)
