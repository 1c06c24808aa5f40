"""Compiling generated Rust crates: the ONLY Portalis module that runs the Rust compiler.

It owns ``build_wasm`` (``src/main.rs`` -> WASI command module with plain ``rustc``, argument
lists only, behind a content-addressed cache ``<cache>/wasm/<sha256>.wasm`` written atomically),
the translation of rustc's JSON error diagnostics back to Python lines through the crate's
``portalis-map.json``, ``build_native`` (a native binary for benchmarks) and ``clippy_check``
(``cargo clippy`` on a copy of the crate).  It must not generate Rust, choose toolchains
(see ``portalis.codegen.toolchain``), run wasm (see ``portalis.codegen.wasm_exec``), use a
shell, write into the crate directory, or touch the network (cargo runs ``--offline``).

The runtime is compiled once: a generated ``src/main.rs`` declares ``mod pyrt;`` only under
``#[cfg(not(portalis_rt_rlib))]`` (so the crate stays a plain Cargo crate) and
``extern crate pyrt;`` under ``#[cfg(portalis_rt_rlib)]``.  For such a crate ``build_wasm``
compiles ``src/pyrt.rs`` into ``<cache>/rt/libpyrt-<key>.rlib`` (``build_runtime``; key: the
toolchain fingerprint, the runtime's bytes and the flags; built under a file lock, placed
atomically) and then only ``main.rs`` against it (``--cfg portalis_rt_rlib --extern pyrt=...``);
the program's cache key includes the rlib's key.  Runtime functions are inlined into the
program only when generic or ``#[inline]``.  A runtime that does not build as an rlib (say, an
edited copy) is remembered (``.failed``) and the crate is compiled whole, as before.

A dev build that names its program (``build_wasm(program=..., profile="dev")``, as
``build_program`` does with the Python file's path) is incremental: rustc keeps its work for
that program in ``<cache>/incr/<id>/`` and an edit recompiles only the codegen units that
changed (the emitter puts every function in a module of its own, so that is the edited
function).

Two build profiles, like cargo's (``build_wasm(profile=...)``):

* ``"release"`` (the default): the flags above, always one codegen unit and never incremental
  (``program`` is ignored).  What ``portalis build`` writes and ``benchmarks/kernels.py``
  measures.  Until 2026-12-06 release builds of a named program were incremental too (up to
  256 units with rustc's local ThinLTO across them), and which unit a hot loop landed in cost
  or gained up to ~1.7x (sieve: 0.198 or 0.297 s for two crates that run alike as one unit).
  One unit is the same code for the same source and, guest only over the 25 kernels, faster
  on most (sieve 1.6x, particles_obj 1.2x, tree_nodes 1.07-1.14x; lcs 0.92-0.95x the lowest;
  benchmarks/README.md, session 22).  A first build takes as long either way (2 cores); a
  rebuild after an edit compiles the whole program again (fifty_lines.py: ~2 s of rustc
  instead of ~0.7 s).
* ``"dev"``: incremental for a named program, with ``-C lto=off`` (only where that changes
  anything: builds with more than one codegen unit).  A one-unit build (no ``program``, or the
  whole-crate fallback) has the same flags in both profiles, so both share its cache entry.
  Without ThinLTO, measured on 2026-12-01 (benchmarks/kernels/fifty_lines.py, one-line edit,
  rustc 1.63, wasm32-wasi), the rustc step of an incremental rebuild went from ~940 ms to
  ~590 ms, and the code was 0-30 % slower (sieve, knapsack, wordcount ~1.2-1.3x).
  ``portalis run`` / ``check`` and the language server (the edit loop) use it unless given
  ``--release``.  Those multi-unit dev builds link a runtime rlib of their own, compiled with
  ``--cfg portalis_dev`` (``DEV_RT_CFG``): most runtime functions are
  ``#[cfg_attr(not(portalis_dev), inline)]``, so they are called rather than copied into (and
  re-optimised with) the edited function's codegen unit (codegen/runtime/CONTRACT.md, "Inline
  hints per profile").  Measured on 2026-12-07 (the same edit): rustc ~0.43 -> ~0.33 s, the
  dev code a median 1.07x slower over the 25 kernels (lookup 1.9x the most).
The profile changes the flags, so it is part of the cache key, of the incremental work
directory's key and of ``BuildResult.command``; one-unit builds of both profiles link the same
(release) runtime rlib.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from .toolchain import Toolchain, ToolchainError, default_cache_dir, find_native_rustc

__all__ = [
    "BuildResult",
    "RuntimeLib",
    "RustDiagnostic",
    "build_runtime",
    "build_wasm",
    "build_native",
    "clippy_check",
    "cache_key",
    "runtime_key",
    "load_line_map",
    "parse_diagnostics",
    "MAP_FILE",
    "PROFILES",
]

MAP_FILE = "portalis-map.json"
_MAIN = "src/main.rs"
BUILD_TIMEOUT_S = 600.0
_CACHE_FORMAT = "portalis-build-v1"

_RT_SRC = "src/pyrt.rs"
_RT_CRATE = "pyrt"
RT_CFG = "portalis_rt_rlib"
_RT_FORMAT = "portalis-rt-rlib-v1"
# Codegen units of the program crate when the runtime is a prebuilt rlib.  More units let
# LLVM (most of the time: the program plus the runtime generics it instantiates) use more
# cores, but on a busy 2-core machine 2-8 units cost more CPU for no median wall-time gain
# and made some kernels slower (nbody, lcs up to 1.2-1.4x); see benchmarks/README.md.
PROGRAM_CODEGEN_UNITS = 1
# Incremental builds (``build_wasm(program=...)``): rustc's work directories live under
# ``<cache>/incr/`` (~3 MB each); the least recently used beyond this many are deleted.
INCREMENTAL_DIR = "incr"
INCREMENTAL_KEEP = 48
_ICE = "internal compiler error"
INCREMENTAL_MARK = "portalis:incremental"  # in the cache key: the code differs from a 1-unit build
# Build profiles (see the module docstring): "release" = the flags as they are; "dev" adds
# DEV_FLAGS to builds with more than one codegen unit.
PROFILES = ("dev", "release")
DEV_FLAGS = ("-C", "lto=off")
# The runtime rlib of those dev builds is compiled with this cfg: most runtime functions are
# `#[cfg_attr(not(portalis_dev), inline)]`, so a dev build calls them instead of copying them
# into the edited function's codegen unit (see the module docstring and runtime/CONTRACT.md).
DEV_RT_CFG = "portalis_dev"


@dataclass(frozen=True)
class RustDiagnostic:
    """One rustc error, with its primary span mapped back to the Python source line."""

    message: str
    rust_file: str | None
    rust_line: int | None
    rust_col: int | None
    python_line: int | None
    rendered: str
    code: str | None = None  # e.g. "E0308"


@dataclass(frozen=True)
class BuildResult:
    """Outcome of a build.  ``wasm_path`` is the produced artifact (for ``build_native`` the
    native executable); ``None`` when the build failed."""

    ok: bool
    wasm_path: Path | None
    diagnostics: tuple[RustDiagnostic, ...]
    seconds: float
    cached: bool
    command: tuple[str, ...]
    stderr: str = ""  # raw compiler stderr (JSON lines) when the build ran and failed
    runtime_rlib: Path | None = None  # the prebuilt runtime it links (None: compiled whole)

    @property
    def output_path(self) -> Path | None:
        return self.wasm_path

    def format_errors(self) -> str:
        """Human-readable errors: Python line first when known, then rustc's rendering."""
        parts = []
        for d in self.diagnostics:
            where = f"line {d.python_line}: " if d.python_line else ""
            parts.append(f"{where}{d.message}\n{d.rendered}".rstrip())
        return "\n".join(parts)


@dataclass(frozen=True)
class RuntimeLib:
    """The runtime compiled as an rlib, ``<cache>/rt/libpyrt-<key>.rlib``.  ``built``: this
    call compiled it (``False``: it came from the cache); ``ok=False`` with ``diagnostics``
    when the runtime does not compile as a crate of its own."""

    ok: bool
    path: Path | None
    key: str
    built: bool
    seconds: float
    command: tuple[str, ...]
    diagnostics: tuple[RustDiagnostic, ...] = ()


# --------------------------------------------------------------------------- helpers


def _check_profile(profile: str) -> None:
    if profile not in PROFILES:
        raise ValueError(f"unknown build profile {profile!r} (expected one of {', '.join(PROFILES)})")


def _profile_flags(profile: str, codegen_units: int | None) -> list[str]:
    """Flags the profile adds: ``-C lto=off`` for ``dev`` when there is more than one codegen
    unit (``None``: rustc's default, 16 or 256 when incremental); with one unit ThinLTO has
    nothing to do, so the flags (and the cache entries) stay those of ``release``."""
    _check_profile(profile)
    if profile == "dev" and codegen_units != 1:
        return list(DEV_FLAGS)
    return []


SHADOW_STACK = 16 << 20  # bytes; see _wasm_flags (and wasm_exec.WASM_STACK for the native one)

# WebAssembly's 128-bit SIMD (a standard feature since 2021; wasmtime enables it by default): lets
# LLVM vectorize element-wise loops such as `row[j] += a * b[j]` (matmul 4.4x faster in the guest).
# It never reorders a float sum (no fast-math), so results are bit-for-bit those of scalar code.
# The program, its runtime and library builds all take it (wasm32's std is compiled without it,
# which mixes fine: features are per function).
WASM_FEATURES = ("-C", "target-feature=+simd128")


def _wasm_flags(toolchain: Toolchain, opt: str, codegen_units: int | None = 1,
                profile: str = "release") -> list[str]:
    # codegen_units=None: rustc's default (256 units when incremental)
    units = ["-C", f"codegen-units={codegen_units}"] if codegen_units is not None else []
    return [
        "--edition", "2021",
        "--crate-type", "bin",
        "--target", toolchain.target,
        "-C", f"opt-level={opt}",
        *units,
        *_profile_flags(profile, codegen_units),
        "-C", "panic=abort",  # the wasm32-wasi default on 1.63 and 1.96; explicit for clarity
        "-C", "debuginfo=0",
        "-C", "strip=debuginfo",  # keeps the name section: traps can name functions
        # the runtime's exit status for sys.exit(n) with n & 0xff > 125 (see wasm_exec)
        "-C", "link-arg=--export=portalis_exit_status",
        "-C", "link-arg=--export=portalis_stdout_buffer",  # unflushed stdout after a trap / at a time limit
        # the shadow stack (in linear memory): CPython's 1000 frames of a large function (rustc's
        # default, 1 MiB, did not hold 1000 of an 80-local one; 16 MiB holds them for 240 locals);
        # only the pages used are resident
        "-C", f"link-arg=-zstack-size={SHADOW_STACK}",
        *WASM_FEATURES,
        *toolchain.extra_args,
    ]


def _rt_profile(profile: str, codegen_units: int | None) -> str:
    """The runtime rlib a program build links: the dev one exactly when the profile's flags
    apply (a dev build with more than one codegen unit, i.e. an incremental rebuild), else the
    release one, shared by every one-unit build."""
    return "dev" if _profile_flags(profile, codegen_units) else "release"


def _rt_flags(toolchain: Toolchain, opt: str, profile: str = "release") -> list[str]:
    # codegen-units=1: built once, so it may as well be built for the fastest code.
    _check_profile(profile)
    dev = ["--cfg", DEV_RT_CFG] if profile == "dev" else []
    return [
        "--edition", "2021",
        "--crate-type", "rlib",
        "--crate-name", _RT_CRATE,
        "--target", toolchain.target,
        "-C", f"opt-level={opt}",
        "-C", "codegen-units=1",
        "-C", "panic=abort",
        "-C", "debuginfo=0",
        *dev,
        *WASM_FEATURES,
        *toolchain.extra_args,
    ]


def _src_files(crate_dir: Path) -> list[Path]:
    src = crate_dir / "src"
    out: list[Path] = []
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            out.append(Path(root) / name)
    return out


def cache_key(crate_dir: Path, toolchain: Toolchain, flags: Sequence[str], runtime_key: str | None = None) -> str:
    """sha256 over every file under ``crate_dir/src`` (relative path + bytes), the toolchain
    version + target, the compiler flags and the key of the runtime rlib linked (if any)."""
    h = hashlib.sha256()
    h.update(_CACHE_FORMAT.encode())
    h.update(b"\0" + toolchain.fingerprint.encode())
    h.update(b"\0" + "\x1f".join(flags).encode())
    if runtime_key is not None:
        h.update(b"\0R" + runtime_key.encode())
    for p in _src_files(crate_dir):
        rel = p.relative_to(crate_dir).as_posix()
        data = p.read_bytes()
        h.update(b"\0F" + rel.encode() + b"\0" + str(len(data)).encode() + b"\0")
        h.update(data)
    return h.hexdigest()


def runtime_key(source: bytes, toolchain: Toolchain, flags: Sequence[str]) -> str:
    """sha256 identifying a runtime rlib: toolchain fingerprint, rlib flags, runtime bytes."""
    h = hashlib.sha256()
    h.update(_RT_FORMAT.encode())
    h.update(b"\0" + toolchain.fingerprint.encode())
    h.update(b"\0" + "\x1f".join(flags).encode())
    h.update(b"\0" + str(len(source)).encode() + b"\0")
    h.update(source)
    return h.hexdigest()


def load_line_map(crate_dir: Path) -> dict[str, list[int]]:
    """Read ``portalis-map.json`` (``{"src/main.rs": [py_line_for_rust_line_1, ...]}``);
    a missing or malformed file gives ``{}``."""
    try:
        raw = json.loads((crate_dir / MAP_FILE).read_text())
    except (OSError, ValueError):
        return {}
    out: dict[str, list[int]] = {}
    if isinstance(raw, dict):
        for k, v in raw.items():
            if isinstance(k, str) and isinstance(v, list):
                out[_norm(k)] = [x if isinstance(x, int) else 0 for x in v]
    return out


def _norm(path: str) -> str:
    p = path.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def _map_line(line_map: dict[str, list[int]], rust_file: str, rust_line: int) -> int | None:
    lines = line_map.get(_norm(rust_file))
    if not lines:
        return None
    i = min(rust_line, len(lines)) - 1
    while i >= 0:
        if lines[i] > 0:
            return lines[i]
        i -= 1
    return None


def parse_diagnostics(stderr: str, line_map: dict[str, list[int]] | None = None) -> list[RustDiagnostic]:
    """Errors (not warnings) from rustc ``--error-format=json`` output; spans mapped to Python
    lines through ``line_map``.  Non-JSON lines (e.g. a crashed compiler) become one
    span-less diagnostic."""
    line_map = line_map or {}
    diags: list[RustDiagnostic] = []
    junk: list[str] = []
    for line in stderr.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            d: Any = json.loads(line)
        except ValueError:
            junk.append(line)
            continue
        if not isinstance(d, dict) or "message" not in d:
            continue
        level = str(d.get("level", ""))
        if not level.startswith("error"):
            continue
        msg = str(d.get("message", ""))
        if msg.startswith("aborting due to"):
            continue
        code = d.get("code") or None
        code_s = str(code.get("code")) if isinstance(code, dict) and code.get("code") else None
        spans = [s for s in d.get("spans") or [] if isinstance(s, dict)]
        span = _pick_span(spans, line_map)
        rust_file = rust_line = rust_col = py = None
        if span is not None:
            rust_file = _norm(str(span.get("file_name")))
            rust_line = int(span.get("line_start") or 0) or None
            rust_col = int(span.get("column_start") or 0) or None
            if rust_line is not None:
                py = _map_line(line_map, rust_file, rust_line)
        diags.append(RustDiagnostic(
            message=msg,
            rust_file=rust_file,
            rust_line=rust_line,
            rust_col=rust_col,
            python_line=py,
            rendered=str(d.get("rendered") or msg),
            code=code_s,
        ))
    if junk and not diags:
        text = "\n".join(junk)
        diags.append(RustDiagnostic(text.splitlines()[0], None, None, None, None, text))
    return diags


def _pick_span(spans: list[dict[str, Any]], line_map: dict[str, list[int]]) -> dict[str, Any] | None:
    """Primary span; if it lies outside the crate (macro from std), follow its expansion
    chain back to a span in a mapped file."""
    primary = [s for s in spans if s.get("is_primary")] or spans
    if not primary:
        return None
    for s in primary:
        cur: Any = s
        depth = 0
        while isinstance(cur, dict) and depth < 32:
            if _norm(str(cur.get("file_name"))) in line_map:
                return cur
            exp = cur.get("expansion")
            cur = exp.get("span") if isinstance(exp, dict) else None
            depth += 1
    return primary[0]


def _atomic_place(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    os.replace(src, dst)


# --------------------------------------------------------------------------- wasm


def _rt_paths(cache: Path, key: str) -> tuple[Path, Path]:
    d = cache / "rt"
    return d / f"lib{_RT_CRATE}-{key}.rlib", d / f"lib{_RT_CRATE}-{key}.failed"


def _runtime_source(crate_dir: Path) -> bytes | None:
    """The bytes of ``src/pyrt.rs`` when ``src/main.rs`` can take the runtime as a prebuilt
    rlib (it names the ``portalis_rt_rlib`` cfg), else ``None``."""
    try:
        main = (crate_dir / _MAIN).read_text(errors="replace")
        if f"cfg({RT_CFG})" not in main:
            return None
        return (crate_dir / _RT_SRC).read_bytes()
    except OSError:
        return None


def build_runtime(
    source: bytes,
    toolchain: Toolchain,
    *,
    opt: str = "3",
    cache_dir: Path | None = None,
    profile: str = "release",
) -> RuntimeLib:
    """Compile the runtime ``source`` (the text of ``pyrt.rs``) into the rlib
    ``<cache>/rt/libpyrt-<key>.rlib``, or return the cached one.  ``profile="dev"``: the rlib
    of incremental dev builds (``--cfg portalis_dev``: fewer functions inlined into callers).
    Concurrent builders of the same key wait on a file lock (one compiles, the others reuse);
    the rlib is placed by rename.  A runtime that rustc rejects is remembered in ``libpyrt-<key>.failed`` so callers
    fall back to compiling it as a module without retrying."""
    t0 = time.perf_counter()
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    flags = _rt_flags(toolchain, opt, profile)
    key = runtime_key(source, toolchain, flags)
    out, failed = _rt_paths(cache, key)
    command = (str(toolchain.rustc), *flags, "--error-format=json", "-o", str(out), _RT_SRC)

    def cached() -> RuntimeLib | None:
        if out.is_file() and out.stat().st_size > 0:
            return RuntimeLib(True, out, key, False, time.perf_counter() - t0, command)
        if failed.is_file():
            text = failed.read_text(errors="replace")
            d = RustDiagnostic("the runtime does not compile as an rlib", None, None, None, None, text)
            return RuntimeLib(False, None, key, False, time.perf_counter() - t0, command, (d,))
        return None

    hit = cached()
    if hit is not None:
        return hit
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f"lib{_RT_CRATE}-{key}.lock", "w") as lockf:
        fcntl.flock(lockf, fcntl.LOCK_EX)  # released when the file is closed
        hit = cached()  # another builder may have finished while we waited
        if hit is not None:
            return hit
        tmpdir = Path(tempfile.mkdtemp(prefix=f".build-{key[:12]}-", dir=out.parent))
        try:
            # Compile exactly the bytes that were hashed, always as `src/pyrt.rs`: the rlib
            # does not depend on where (or whether still) a crate holds them.
            (tmpdir / "src").mkdir()
            (tmpdir / _RT_SRC).write_bytes(source)
            tmp_out = tmpdir / out.name
            run_cmd = [str(toolchain.rustc), *flags, "--error-format=json", "-o", str(tmp_out), _RT_SRC]
            ok, stderr, extra = _run_compiler(run_cmd, tmpdir, toolchain.env())
            if ok and tmp_out.is_file():
                _atomic_place(tmp_out, out)
                return RuntimeLib(True, out, key, True, time.perf_counter() - t0, command)
            diags = parse_diagnostics(stderr)
            if diags and not extra:  # rustc rejected the source: that will not change
                mark = tmpdir / failed.name
                mark.write_text("\n".join(d.rendered for d in diags))
                _atomic_place(mark, failed)
            if extra:
                diags.append(RustDiagnostic(extra, None, None, None, None, extra))
            if not diags:
                text = stderr.strip() or "rustc failed without a diagnostic"
                diags.append(RustDiagnostic(text.splitlines()[0], None, None, None, None, text))
            return RuntimeLib(False, None, key, True, time.perf_counter() - t0, command, tuple(diags))
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)


def build_wasm(
    crate_dir: Path,
    toolchain: Toolchain,
    *,
    opt: str = "3",
    cache_dir: Path | None = None,
    runtime_rlib: bool = True,
    program: str | None = None,
    profile: str = "release",
) -> BuildResult:
    """Compile ``crate_dir/src/main.rs`` to ``<cache>/wasm/<key>.wasm`` (cached: an unchanged
    crate is not rebuilt and gives ``cached=True``).  A generated crate is compiled against
    the prebuilt runtime rlib (see the module docstring) unless ``runtime_rlib=False``.
    ``program`` (e.g. the Python file's absolute path) names the program across edits: its
    builds are then incremental (see ``_compile_incremental``), so an edit recompiles what
    changed instead of the whole crate.
    ``profile``: ``"release"`` (default) or ``"dev"`` (``-C lto=off`` on multi-unit builds:
    faster rebuilds after an edit, somewhat slower code; see the module docstring); anything
    else raises ``ValueError``.
    Never raises for compile errors: they come back as ``diagnostics`` with ``ok=False``."""
    _check_profile(profile)
    t0 = time.perf_counter()
    if profile == "release":
        program = None  # one codegen unit: see the module docstring
    crate_dir = Path(crate_dir).absolute()
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    main = crate_dir / _MAIN
    if not main.is_file():
        d = RustDiagnostic(f"{main} does not exist", None, None, None, None, f"error: {main} not found")
        return BuildResult(False, None, (d,), time.perf_counter() - t0, False, ())

    rt_src = _runtime_source(crate_dir) if runtime_rlib else None
    if rt_src is not None:
        units = None if program is not None else PROGRAM_CODEGEN_UNITS
        rt_profile = _rt_profile(profile, units)
        rt_key = runtime_key(rt_src, toolchain, _rt_flags(toolchain, opt, rt_profile))
        rlib, failed = _rt_paths(cache, rt_key)
        if not failed.is_file():
            flags = [*_wasm_flags(toolchain, opt, units, profile), "--cfg", RT_CFG]
            key_flags = [*flags, INCREMENTAL_MARK] if program is not None else flags
            key = cache_key(crate_dir, toolchain, key_flags, rt_key)
            out = cache / "wasm" / f"{key}.wasm"
            if out.is_file() and out.stat().st_size > 0:  # cache hit: the rlib is not needed
                command = (str(toolchain.rustc), *flags, "--extern", f"{_RT_CRATE}={rlib}",
                           "--error-format=json", "-o", str(out), _MAIN)
                return BuildResult(True, out, (), time.perf_counter() - t0, True, command, runtime_rlib=rlib)
            rt = build_runtime(rt_src, toolchain, opt=opt, cache_dir=cache, profile=rt_profile)
            if rt.ok and rt.path is not None:
                if program is not None:
                    return _compile_incremental(crate_dir, toolchain, cache, flags, key, t0, rt.path,
                                                program, rt_key)
                return _compile_wasm(crate_dir, toolchain, cache, flags, key, t0, rt.path)
        # the runtime is not usable as an rlib: compile the crate whole

    flags = _wasm_flags(toolchain, opt, 1, profile)  # one unit: the same flags in both profiles
    key = cache_key(crate_dir, toolchain, flags)
    return _compile_wasm(crate_dir, toolchain, cache, flags, key, t0, None)


def build_library(crate_dir: Path, toolchain: Toolchain, *, opt: str = "3",
                  cache_dir: Path | None = None) -> BuildResult:
    """Compile a library crate (``translate --function``: ``src/lib.rs`` with its own
    ``src/pyrt.rs``) for the wasm target into ``<cache>/lib/<key>.rlib`` (cached by content):
    what the language server builds for a translated function. Errors come back mapped to
    Python lines like ``build_wasm``'s; never raises for compile errors."""
    t0 = time.perf_counter()
    crate_dir = Path(crate_dir).absolute()
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    lib = crate_dir / "src" / "lib.rs"
    flags = ["--edition", "2021", "--crate-type", "rlib", "--crate-name", "portalis_lib",
             "--target", toolchain.target, "-C", f"opt-level={opt}", "-C", "codegen-units=1",
             "-C", "panic=abort", "-C", "debuginfo=0", *WASM_FEATURES, *toolchain.extra_args]
    if not lib.is_file():
        d = RustDiagnostic(f"{lib} does not exist", None, None, None, None, f"error: {lib} not found")
        return BuildResult(False, None, (d,), time.perf_counter() - t0, False, ())
    key = cache_key(crate_dir, toolchain, flags)
    out = cache / "lib" / f"{key}.rlib"
    command = (str(toolchain.rustc), *flags, "--error-format=json", "-o", str(out), "src/lib.rs")
    if out.is_file() and out.stat().st_size > 0:
        return BuildResult(True, out, (), time.perf_counter() - t0, True, command)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(prefix=f".build-{key[:12]}-", dir=out.parent))
    try:
        tmp_out = tmpdir / "out.rlib"
        ok, stderr, extra = _run_compiler([str(toolchain.rustc), *flags, "--error-format=json", "-o", str(tmp_out),
                                           "src/lib.rs"], crate_dir, toolchain.env())
        if ok and tmp_out.is_file():
            _atomic_place(tmp_out, out)
            return BuildResult(True, out, (), time.perf_counter() - t0, False, command)
        return _failed(crate_dir, stderr, extra, t0, command, None)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def _compile_wasm(crate_dir: Path, toolchain: Toolchain, cache: Path, flags: list[str], key: str,
                  t0: float, rlib: Path | None) -> BuildResult:
    out = cache / "wasm" / f"{key}.wasm"
    ext = ["--extern", f"{_RT_CRATE}={rlib}"] if rlib is not None else []
    command = (str(toolchain.rustc), *flags, *ext, "--error-format=json", "-o", str(out), _MAIN)
    if out.is_file() and out.stat().st_size > 0:
        return BuildResult(True, out, (), time.perf_counter() - t0, True, command, runtime_rlib=rlib)

    out.parent.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(prefix=f".build-{key[:12]}-", dir=out.parent))
    try:
        tmp_out = tmpdir / "out.wasm"
        run_cmd = [str(toolchain.rustc), *flags, *ext, "--error-format=json", "-o", str(tmp_out), _MAIN]
        ok, stderr, extra = _run_compiler(run_cmd, crate_dir, toolchain.env())
        if ok and tmp_out.is_file():
            _atomic_place(tmp_out, out)
            return BuildResult(True, out, (), time.perf_counter() - t0, False, command, runtime_rlib=rlib)
        return _failed(crate_dir, stderr, extra, t0, command, rlib)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def _failed(crate_dir: Path, stderr: str, extra: str, t0: float, command: tuple[str, ...],
            rlib: Path | None) -> BuildResult:
    diags = parse_diagnostics(stderr, load_line_map(crate_dir))
    if extra:
        diags.append(RustDiagnostic(extra, None, None, None, None, extra))
    if not diags:
        text = stderr.strip() or "rustc failed without a diagnostic"
        diags.append(RustDiagnostic(text.splitlines()[0], None, None, None, None, text))
    return BuildResult(False, None, tuple(diags), time.perf_counter() - t0, False, command, stderr,
                       runtime_rlib=rlib)


def _compile_incremental(crate_dir: Path, toolchain: Toolchain, cache: Path, flags: list[str],
                         key: str, t0: float, rlib: Path, program: str, rt_key: str) -> BuildResult:
    """Build in the program's own work directory ``<cache>/incr/<id>/`` with rustc's
    incremental cache (``-C incremental``), then place the module at its content-keyed path.

    rustc reuses its previous work only when the command line and the source path are the same
    as last time, so the work directory (and the ``-o`` inside it) is fixed per (program,
    toolchain, flags, runtime); ``main.rs`` is copied in.  One build at a time per directory
    (a file lock); at most ``INCREMENTAL_KEEP`` directories are kept (least recently used go).
    Measured on benchmarks/kernels/fifty_lines.py after a one-line edit: rustc 1.9-2.1 s ->
    0.8-0.95 s (see benchmarks/README.md); ~0.6 s with the ``dev`` profile's ``-C lto=off``.
    ``flags`` include the profile's, so each profile has its own work directory."""
    h = hashlib.sha256()
    for part in (_CACHE_FORMAT, toolchain.fingerprint, "\x1f".join(flags), rt_key, program):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    work = cache / INCREMENTAL_DIR / h.hexdigest()[:32]
    out = cache / "wasm" / f"{key}.wasm"
    ext = ["--extern", f"{_RT_CRATE}={rlib}"]
    work_out = work / "out.wasm"
    run_cmd = [str(toolchain.rustc), *flags, "-C", f"incremental={work / 'rustc'}", *ext,
               "--error-format=json", "-o", str(work_out), _MAIN]
    command = tuple(run_cmd)
    (work / "src").mkdir(parents=True, exist_ok=True)
    with open(work / ".lock", "w") as lockf:
        fcntl.flock(lockf, fcntl.LOCK_EX)  # released when the file is closed
        if out.is_file() and out.stat().st_size > 0:  # built by someone else meanwhile
            return BuildResult(True, out, (), time.perf_counter() - t0, True, command, runtime_rlib=rlib)
        shutil.copyfile(crate_dir / _MAIN, work / _MAIN)
        work_out.unlink(missing_ok=True)
        ok, stderr, extra = _run_compiler(run_cmd, work, toolchain.env())
        if not ok and _ICE in stderr:
            # an incremental-compilation bug of rustc: start this program's work afresh, once
            shutil.rmtree(work / "rustc", ignore_errors=True)
            ok, stderr, extra = _run_compiler(run_cmd, work, toolchain.env())
        if ok and work_out.is_file():
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".inc-", dir=out.parent)
            os.close(fd)
            shutil.copyfile(work_out, tmp)
            _atomic_place(Path(tmp), out)
            result = BuildResult(True, out, (), time.perf_counter() - t0, False, command, runtime_rlib=rlib)
        else:
            result = _failed(crate_dir, stderr, extra, t0, command, rlib)
    _prune_incremental(cache / INCREMENTAL_DIR, keep=work)
    return result


def _prune_incremental(root: Path, keep: Path) -> None:
    """Delete the least recently used incremental work directories beyond INCREMENTAL_KEEP
    (skipping any that a build holds locked)."""
    try:
        dirs = [d for d in root.iterdir() if d.is_dir() and d != keep]
    except OSError:
        return
    if len(dirs) < INCREMENTAL_KEEP:
        return

    def used(d: Path) -> float:
        try:
            return (d / ".lock").stat().st_mtime
        except OSError:
            return 0.0

    dirs.sort(key=used)
    for d in dirs[: len(dirs) - INCREMENTAL_KEEP + 1]:
        try:
            with open(d / ".lock", "a") as lockf:
                fcntl.flock(lockf, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            continue  # in use (or already gone)


def _run_compiler(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[bool, str, str]:
    """Returns (ok, stderr, extra-error-message)."""
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                              timeout=BUILD_TIMEOUT_S, check=False)
    except FileNotFoundError:
        return False, "", f"compiler not found: {cmd[0]}"
    except subprocess.TimeoutExpired:
        return False, "", f"compiler timed out after {BUILD_TIMEOUT_S:.0f} s: {' '.join(cmd)}"
    except OSError as e:
        return False, "", f"cannot run {cmd[0]}: {e}"
    return proc.returncode == 0, proc.stderr, ""


# --------------------------------------------------------------------------- native


def build_native(
    crate_dir: Path,
    out_path: Path,
    rustc: Path | str | None = None,
    opt: str = "3",
) -> BuildResult:
    """Build ``crate_dir/src/main.rs`` as a native executable at ``out_path`` (atomic) with
    ``rustc`` (default ``find_native_rustc()``), for benchmarks.  Not cached."""
    t0 = time.perf_counter()
    crate_dir = Path(crate_dir).absolute()
    out_path = Path(out_path).absolute()
    try:
        rc = Path(rustc) if rustc is not None else find_native_rustc()
    except ToolchainError as e:
        d = RustDiagnostic(str(e).splitlines()[0], None, None, None, None, str(e))
        return BuildResult(False, None, (d,), time.perf_counter() - t0, False, ())
    flags = [
        "--edition", "2021", "--crate-type", "bin",
        "-C", f"opt-level={opt}", "-C", "codegen-units=1", "-C", "panic=abort",
        "-C", "debuginfo=0", "-C", "strip=debuginfo",
    ]
    command = (str(rc), *flags, "--error-format=json", "-o", str(out_path), _MAIN)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(prefix=".native-", dir=out_path.parent))
    try:
        tmp_out = tmpdir / out_path.name
        run_cmd = [str(rc), *flags, "--error-format=json", "-o", str(tmp_out), _MAIN]
        env = dict(os.environ)
        ok, stderr, extra = _run_compiler(run_cmd, crate_dir, env)
        if ok and tmp_out.is_file():
            os.replace(tmp_out, out_path)
            return BuildResult(True, out_path, (), time.perf_counter() - t0, False, command)
        diags = parse_diagnostics(stderr, load_line_map(crate_dir))
        if extra:
            diags.append(RustDiagnostic(extra, None, None, None, None, extra))
        if not diags:
            text = stderr.strip() or "rustc failed without a diagnostic"
            diags.append(RustDiagnostic(text.splitlines()[0], None, None, None, None, text))
        return BuildResult(False, None, tuple(diags), time.perf_counter() - t0, False, command, stderr)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


# --------------------------------------------------------------------------- clippy


def _cargo() -> Path:
    p = Path("~/.cargo/bin/cargo").expanduser()
    if p.exists():
        return p
    w = shutil.which("cargo")
    if w:
        return Path(w)
    raise ToolchainError("cargo (with clippy) not found: expected ~/.cargo/bin/cargo from rustup "
                         "with the clippy component (rustup component add clippy).")


def clippy_check(
    crate_dir: Path,
    *,
    deny_warnings: bool = False,
    cache_dir: Path | None = None,
    timeout: float = BUILD_TIMEOUT_S,
) -> tuple[bool, str]:
    """Run ``~/.cargo/bin/cargo clippy --offline --quiet`` on a copy of the crate (it needs a
    ``Cargo.toml``); ``CARGO_TARGET_DIR`` lives in the cache.  Returns (ok, combined output).
    ``ok`` is the cargo exit status (warnings fail it only with ``deny_warnings``)."""
    crate_dir = Path(crate_dir).absolute()
    if not (crate_dir / "Cargo.toml").is_file():
        return False, f"{crate_dir}/Cargo.toml not found: clippy needs a Cargo crate"
    try:
        cargo = _cargo()
    except ToolchainError as e:
        return False, str(e)
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target_dir = cache / "clippy-target"
    target_dir.mkdir(parents=True, exist_ok=True)
    # A stable copy location per source crate keeps cargo's fingerprints (and the target dir)
    # from growing with every call; a lock file serialises concurrent checks of one crate.
    tag = hashlib.sha256(str(crate_dir).encode()).hexdigest()[:16]
    base = Path(tempfile.gettempdir()) / f"portalis-clippy-{os.getuid()}"
    base.mkdir(parents=True, exist_ok=True)
    work = base / tag
    with open(base / f"{tag}.lock", "w") as lockf:
        fcntl.flock(lockf, fcntl.LOCK_EX)
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(
            crate_dir, work,
            ignore=shutil.ignore_patterns("target", ".git"),
            copy_function=shutil.copy,  # fresh mtimes: cargo always re-checks the crate
        )
        env = {k: v for k, v in os.environ.items()
               if k not in ("RUSTC", "RUSTC_WRAPPER", "CARGO", "RUSTFLAGS", "CARGO_BUILD_TARGET",
                            "CARGO_HOME", "RUSTUP_TOOLCHAIN", "LD_LIBRARY_PATH")}
        env["CARGO_TARGET_DIR"] = str(target_dir)
        env["CARGO_NET_OFFLINE"] = "true"
        cmd = [str(cargo), "clippy", "--offline", "--quiet"]
        if deny_warnings:
            cmd += ["--", "-D", "warnings"]
        try:
            proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return False, f"cargo clippy timed out after {timeout:.0f} s"
        except OSError as e:
            return False, f"cannot run {cargo}: {e}"
        output = (proc.stdout + proc.stderr).replace(str(work), str(crate_dir))
        shutil.rmtree(work, ignore_errors=True)
        return proc.returncode == 0, output
