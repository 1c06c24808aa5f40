"""Rust toolchain discovery for Portalis.

This module owns *finding* a rustc that can build ``wasm32-wasi``/``wasm32-wasip1`` command
modules (``find_toolchain``) and a rustc for native builds (``find_native_rustc``), plus the
Portalis cache-directory convention (``default_cache_dir``).  It probes candidates by running
``rustc --print sysroot`` / ``rustc --version`` and checks that the sysroot holds a wasm
``libstd-*.rlib``; probe results are cached in-process and on disk (keyed by the rustc path,
mtime and size) so discovery after the first call costs well under a millisecond.  It must not
compile anything (that is ``portalis.codegen.build``'s job), must not install or download
anything, and must never trust a bare ``rustc`` on PATH to have the wasm std (on this image
rustup's rustc comes first on PATH and has none).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .cache_dir import default_cache_dir

__all__ = [
    "Toolchain",
    "ToolchainError",
    "WASM_TARGETS",
    "default_cache_dir",
    "find_toolchain",
    "find_native_rustc",
    "clear_toolchain_cache",
    "INSTALL_HELP",
]

#: Targets we can build command modules for, in order of preference.
WASM_TARGETS: tuple[str, ...] = ("wasm32-wasip1", "wasm32-wasi")

_PRIVATE_PREFIX_DEFAULT = Path("~/.cache/portalis-rust-wasm")
_PROBE_TIMEOUT_S = 30.0
_DISK_CACHE_NAME = "toolchain-probes.json"

INSTALL_HELP = """\
No Rust toolchain with the WebAssembly (WASI) standard library was found.
Portalis needs a rustc whose sysroot has lib/rustlib/wasm32-wasip1/lib or
lib/rustlib/wasm32-wasi/lib with a libstd-*.rlib in it. To get one:

  * Debian 12 (bookworm), as root (rustc 1.63, target wasm32-wasi):
        apt-get install -y rustc libstd-rust-dev-wasm32 lld-14
    then Portalis uses /usr/bin/rustc automatically.

  * Or the private rustc-web 1.96 toolchain (target wasm32-wasip1), see
    /work/shared/recipes/wasm-toolchain/RECIPE.md section B:
        bash setup_rust_web_wasm.sh ~/.cache/portalis-rust-wasm

  * Or point Portalis at a wasm-capable rustc explicitly:
        PORTALIS_RUSTC=/path/to/rustc   (or pass --rustc / find_toolchain(explicit=...))

Note: rustup's rustc (~/.cargo/bin/rustc) has no wasm std offline and
`rustup target add` cannot download here."""


class ToolchainError(RuntimeError):
    """No usable Rust toolchain; the message says what to install."""


@dataclass(frozen=True)
class Toolchain:
    """A rustc that can build WASI command modules.

    ``extra_env`` must be added to the environment of every rustc invocation and
    ``extra_args`` appended to its arguments (e.g. ``-C linker=<wasm-ld>`` for the
    private rustc-web toolchain).
    """

    rustc: Path
    version: str  # e.g. "rustc 1.63.0"
    version_tuple: tuple[int, int, int]
    target: str  # "wasm32-wasip1" or "wasm32-wasi"
    sysroot: Path
    source: str  # which candidate found it: "explicit", "env", "private", "path", "cargo", "system"
    extra_env: tuple[tuple[str, str], ...] = ()
    extra_args: tuple[str, ...] = ()

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """Environment for running this rustc: ``base`` (default ``os.environ``) + ``extra_env``."""
        env = dict(os.environ if base is None else base)
        for k, v in self.extra_env:
            if k == "LD_LIBRARY_PATH" and env.get(k):
                env[k] = v + os.pathsep + env[k]
            else:
                env[k] = v
        return env

    @property
    def fingerprint(self) -> str:
        """Stable identity of what this toolchain produces (for build cache keys)."""
        return f"{self.version}|{self.target}|{' '.join(self.extra_args)}"


@dataclass(frozen=True)
class _Probe:
    sysroot: str
    version: str


@dataclass(frozen=True)
class _Candidate:
    rustc: Path
    source: str
    extra_env: tuple[tuple[str, str], ...] = ()
    extra_args: tuple[str, ...] = ()
    only_target: str | None = None  # private toolchain: only wasip1 (linker configured for it)
    notes: tuple[str, ...] = field(default=())


_lock = threading.Lock()
_probe_cache: dict[tuple[str, int, int, str], _Probe | None] = {}
_result_cache: dict[tuple[str | None, ...], Toolchain] = {}
_native_cache: dict[tuple[str | None, ...], Path] = {}
_disk_loaded: dict[str, dict[str, dict[str, str]]] = {}


def clear_toolchain_cache() -> None:
    """Forget in-process discovery results (the on-disk probe cache is kept; it is keyed by mtime)."""
    with _lock:
        _probe_cache.clear()
        _result_cache.clear()
        _native_cache.clear()
        _disk_loaded.clear()


# --------------------------------------------------------------------------- probing


def _parse_version(text: str) -> tuple[int, int, int]:
    m = re.search(r"(\d+)\.(\d+)\.(\d+)", text)
    if not m:
        return (0, 0, 0)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _probe_key(rustc: Path, extra_env: tuple[tuple[str, str], ...]) -> tuple[str, int, int, str] | None:
    try:
        st = rustc.stat()
    except OSError:
        return None
    # rustup proxies choose the toolchain from the environment; make that part of the key.
    selector = os.environ.get("RUSTUP_TOOLCHAIN", "") if "/.cargo/" in str(rustc) else ""
    extra = selector + "|" + ",".join(f"{k}={v}" for k, v in extra_env)
    return (str(rustc), st.st_mtime_ns, st.st_size, extra)


def _disk_cache_path() -> Path:
    return default_cache_dir() / _DISK_CACHE_NAME


def _disk_get(key: tuple[str, int, int, str]) -> _Probe | None:
    path = _disk_cache_path()
    spath = str(path)
    data = _disk_loaded.get(spath)
    if data is None:
        try:
            data = json.loads(path.read_text())
            if not isinstance(data, dict):
                data = {}
        except (OSError, ValueError):
            data = {}
        _disk_loaded[spath] = data
    entry = data.get(json.dumps(list(key)))
    if isinstance(entry, dict) and "sysroot" in entry and "version" in entry:
        return _Probe(sysroot=str(entry["sysroot"]), version=str(entry["version"]))
    return None


def _disk_put(key: tuple[str, int, int, str], probe: _Probe) -> None:
    path = _disk_cache_path()
    spath = str(path)
    data = dict(_disk_loaded.get(spath) or {})
    data[json.dumps(list(key))] = {"sysroot": probe.sysroot, "version": probe.version}
    _disk_loaded[spath] = data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".toolchain-", suffix=".tmp")
        with os.fdopen(fd, "w") as f:
            json.dump(data, f, indent=1, sort_keys=True)
        os.replace(tmp, path)
    except OSError:
        pass  # the disk cache is an optimisation only


def _run_probe(rustc: Path, env: dict[str, str]) -> _Probe | None:
    try:
        sysroot = subprocess.run(
            [str(rustc), "--print", "sysroot"],
            capture_output=True, text=True, env=env, timeout=_PROBE_TIMEOUT_S, check=False, stdin=subprocess.DEVNULL,
        )
        version = subprocess.run(
            [str(rustc), "--version"],
            capture_output=True, text=True, env=env, timeout=_PROBE_TIMEOUT_S, check=False, stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if sysroot.returncode != 0 or version.returncode != 0:
        return None
    return _Probe(sysroot=sysroot.stdout.strip(), version=version.stdout.strip())


def _probe(cand: _Candidate) -> _Probe | None:
    key = _probe_key(cand.rustc, cand.extra_env)
    if key is None:
        return None
    if key in _probe_cache:
        return _probe_cache[key]
    probe = _disk_get(key)
    if probe is None:
        env = dict(os.environ)
        for k, v in cand.extra_env:
            env[k] = v + (os.pathsep + env[k] if k == "LD_LIBRARY_PATH" and env.get(k) else "")
        probe = _run_probe(cand.rustc, env)
        if probe is not None:
            _disk_put(key, probe)
    _probe_cache[key] = probe
    return probe


def _has_wasm_std(sysroot: Path, target: str) -> bool:
    libdir = sysroot / "lib" / "rustlib" / target / "lib"
    try:
        return any(n.startswith("libstd-") and n.endswith(".rlib") for n in os.listdir(libdir))
    except OSError:
        return False


def _wasm_target(sysroot: Path, only: str | None) -> str | None:
    for t in WASM_TARGETS:
        if only is not None and t != only:
            continue
        if _has_wasm_std(sysroot, t):
            return t
    return None


# --------------------------------------------------------------------------- candidates


def _private_candidate() -> _Candidate | None:
    prefix = Path(os.environ.get("PORTALIS_RUST_WASM_PREFIX") or _PRIVATE_PREFIX_DEFAULT).expanduser()
    root = prefix / "root"
    rustc = root / "usr" / "bin" / "rustc"
    if not rustc.exists():
        return None
    linker: str | None = None
    env_sh = prefix / "env.sh"
    try:
        m = re.search(r"CARGO_TARGET_WASM32_WASIP1_LINKER=(\S+)", env_sh.read_text())
        if m:
            linker = m.group(1).strip("'\"")
    except OSError:
        pass
    if not linker or not Path(linker).exists():
        found = sorted(root.glob("usr/lib/llvm-*/bin/wasm-ld"))
        linker = str(found[-1]) if found else None
    if linker is None:
        return None
    return _Candidate(
        rustc=rustc,
        source="private",
        extra_env=(("LD_LIBRARY_PATH", str(root / "usr" / "lib" / "x86_64-linux-gnu")),),
        extra_args=("-C", f"linker={linker}"),
        only_target="wasm32-wasip1",
    )


def _candidates(explicit: str | None) -> tuple[list[_Candidate], bool]:
    """Return (candidates, is_explicit)."""
    if explicit:
        return [_Candidate(rustc=_resolve_exe(explicit), source="explicit")], True
    env = os.environ.get("PORTALIS_RUSTC")
    if env:
        return [_Candidate(rustc=_resolve_exe(env), source="env")], True
    out: list[_Candidate] = []
    priv = _private_candidate()
    if priv is not None:
        out.append(priv)
    on_path = shutil.which("rustc")
    if on_path:
        out.append(_Candidate(rustc=Path(on_path), source="path"))
    out.append(_Candidate(rustc=Path("~/.cargo/bin/rustc").expanduser(), source="cargo"))
    out.append(_Candidate(rustc=Path("/usr/bin/rustc"), source="system"))
    seen: set[str] = set()
    unique: list[_Candidate] = []
    for c in out:
        k = os.path.abspath(c.rustc)
        if k in seen:
            continue
        seen.add(k)
        unique.append(c)
    return unique, False


def _resolve_exe(p: str) -> Path:
    path = Path(p).expanduser()
    if path.parent == Path(".") and not path.exists():
        w = shutil.which(p)
        if w:
            return Path(w)
    return path.absolute()


def _evaluate(cand: _Candidate) -> tuple[Toolchain | None, str]:
    if not cand.rustc.exists():
        return None, f"{cand.rustc}: not found"
    probe = _probe(cand)
    if probe is None:
        return None, f"{cand.rustc}: `--print sysroot`/`--version` failed"
    sysroot = Path(probe.sysroot)
    target = _wasm_target(sysroot, cand.only_target)
    if target is None:
        wanted = cand.only_target or " or ".join(WASM_TARGETS)
        return None, (f"{cand.rustc} ({probe.version}): no libstd-*.rlib for {wanted} "
                      f"under {sysroot}/lib/rustlib")
    tc = Toolchain(
        rustc=cand.rustc,
        version=probe.version,
        version_tuple=_parse_version(probe.version),
        target=target,
        sysroot=sysroot,
        source=cand.source,
        extra_env=cand.extra_env,
        extra_args=cand.extra_args,
    )
    return tc, ""


def find_toolchain(explicit: str | None = None) -> Toolchain:
    """Find a wasm-capable rustc.

    Order: ``explicit`` (or ``$PORTALIS_RUSTC``) -- if given it is the only candidate;
    otherwise the private rustc-web toolchain (``~/.cache/portalis-rust-wasm``),
    ``rustc`` on PATH, ``~/.cargo/bin/rustc``, ``/usr/bin/rustc``.  The first whose sysroot
    holds a wasm32-wasip1/wasm32-wasi ``libstd-*.rlib`` wins.  Raises ``ToolchainError``
    (message: what to install, and why each candidate was rejected) when none qualifies.
    """
    key = (explicit, os.environ.get("PORTALIS_RUSTC"), os.environ.get("PATH"),
           os.environ.get("HOME"), os.environ.get("PORTALIS_RUST_WASM_PREFIX"),
           os.environ.get("PORTALIS_CACHE_DIR"), os.environ.get("RUSTUP_TOOLCHAIN"))
    with _lock:
        hit = _result_cache.get(key)
        if hit is not None:
            return hit
        cands, is_explicit = _candidates(explicit)
        reasons: list[str] = []
        for cand in cands:
            tc, why = _evaluate(cand)
            if tc is not None:
                _result_cache[key] = tc
                return tc
            reasons.append(why)
    head = "The requested rustc is not usable for WebAssembly.\n" if is_explicit else ""
    raise ToolchainError(head + INSTALL_HELP + "\n\nCandidates tried:\n"
                         + "\n".join(f"  - {r}" for r in reasons))


def find_native_rustc() -> Path:
    """A rustc for native builds (benchmarks, clippy): ``~/.cargo/bin/rustc`` if it works,
    else ``rustc`` on PATH, else ``/usr/bin/rustc``.  Raises ``ToolchainError`` if none runs."""
    key = (os.environ.get("PATH"), os.environ.get("HOME"))
    with _lock:
        hit = _native_cache.get(key)
        if hit is not None:
            return hit
        cands: list[Path] = [Path("~/.cargo/bin/rustc").expanduser()]
        w = shutil.which("rustc")
        if w:
            cands.append(Path(w))
        cands.append(Path("/usr/bin/rustc"))
        tried: list[str] = []
        for c in cands:
            if not c.exists():
                tried.append(f"{c}: not found")
                continue
            probe = _probe(_Candidate(rustc=c, source="native"))
            if probe is None:
                tried.append(f"{c}: does not run")
                continue
            _native_cache[key] = c
            return c
    raise ToolchainError(
        "No native rustc found. Install one with\n"
        "    apt-get install -y rustc      (Debian 12)\n"
        "or rustup (https://rustup.rs).\nCandidates tried:\n" + "\n".join(f"  - {t}" for t in tried)
    )
