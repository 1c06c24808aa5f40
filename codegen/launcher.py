"""The native launcher of `portalis exec`: finding, building and starting it.

``launcher/portalis_exec.c`` is a small C program that runs a module's precompiled form (the
``.cwasm`` that ``wasm_exec.load_module`` writes for the "exit" engine) with the wasmtime C
library of the wasmtime wheel, behaving exactly as ``wasm_exec.run_wasm(..., capture=False,
timeout_mode="exit")``: same sandbox, limits, messages and exit codes.  ``portalis exec``
(`portalis.entry`, the command's entry point) calls ``exec_launcher`` as early as it can and the process becomes the launcher
(``os.execv``), so what a run costs is the program's, not a Python interpreter's with wasmtime-py
(start-up 0.09 -> ~0.03 s, see benchmarks/README.md).

It owns: where the wasmtime library and its version are (found without importing ``wasmtime``),
compiling the launcher once per (source hash, wasmtime version) into ``<cache>/launcher/``
(atomically: rename; `exec` finds it through a symlink named by the source's size and mtime),
the launcher's private copy of the wasmtime library (``library_copy``: why, there), and the
launcher's argv.  When the launcher cannot be used (no C compiler,
no library, ``PORTALIS_EXEC_LAUNCHER=0``, ...) ``exec_launcher`` returns
the reason and the caller runs the module in Python; the launcher itself falls back the same way
(it re-executes ``portalis exec`` with ``PORTALIS_EXEC_LAUNCHER=0``) for what it only learns
after starting: no compiled module yet (it hashes the module to find the ``.cwasm``), a ``.cwasm``
that does not deserialize.  Reasons are printed only with
``PORTALIS_EXEC_VERBOSE=1``.

Start-up path: what `portalis exec` runs before the exec (``exec_launcher``, ``wasmtime_library``,
the cache lookups) is ``codegen.exec_start``, re-exported here: `exec` does not load this module,
because Linux reports the peak memory of a process over its whole life, Python part included.
Neither may import ``wasmtime``.  The `portalis` command's /bin/sh front skips even that part
once it has run (``exec_start.write_front_record``; the launcher's ``--front`` mode).
"""

from __future__ import annotations

import os
import sys

# what `portalis exec` needs before the exec lives in codegen.exec_start (small: its peak memory)
from .exec_start import (ENV_SWITCH, ENV_VERBOSE, SOURCE, _stamp_path,  # noqa: F401
                         exec_launcher, verbose, wasmtime_library)
from .exec_start import library_copy as _library_copy_path

__all__ = ["SOURCE", "exec_launcher", "build_launcher", "launcher_path", "wasmtime_library", "verbose"]

_CFLAGS = ["-O2", "-Wall", "-Wextra"]
_LIBS = ["-ldl", "-lpthread"]


def _say(msg: str) -> None:
    if verbose():
        sys.stderr.write(f"portalis: exec: {msg}\n")
        sys.stderr.flush()


def _sha256(data: bytes) -> str:
    import hashlib
    return hashlib.sha256(data).hexdigest()


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _cache_dir() -> str:
    from .cache_dir import cache_dir_name
    return cache_dir_name()


def launcher_path(version: str, cache: str | None = None, source: bytes | None = None) -> str:
    """Where the launcher for this source and wasmtime ``version`` lives (built or not)."""
    src = _read(SOURCE) if source is None else source
    key = _sha256(src + b"\0wasmtime " + version.encode())[:20]
    return os.path.join(cache or _cache_dir(), "launcher", f"portalis-exec-{key}")


def _link_stamp(out: str, version: str, cache: str | None) -> None:
    try:
        stamp = _stamp_path(version, cache)
        if os.path.realpath(stamp) != os.path.realpath(out):
            tmp = f"{stamp}.{os.getpid()}.tmp"
            os.symlink(os.path.basename(out), tmp)
            os.replace(tmp, stamp)
    except OSError:
        pass  # an optimisation only


def library_copy(lib: str, version: str, cache: str | None = None) -> str:
    """Where the launcher's private copy of the wasmtime library lives (made by ``build_launcher``).

    Why a copy: the RSS of a mapped file counts every page the kernel maps, and it maps a file's
    page cache a folio at a time.  The wheel's ``_libwasmtime.so`` is usually cached in large
    folios (pip writes it in large writes; Python processes keep it hot), so the few hundred
    functions a run touches brought 15 MB of its 28 MB into RSS (measured 2026-12-04, Linux 6.18);
    a copy written 4 KiB at a time is cached in small folios and maps ~10 MB.  Same bytes, same
    engine: the .cwasm files are compatible."""
    return _library_copy_path(lib, version, cache)


def _copy_library(lib: str, dst: str) -> None:
    """``lib`` to ``dst`` in 4 KiB writes (small page-cache folios, see ``library_copy``), atomically."""
    import tempfile
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(dst), prefix=".libwasmtime-", suffix=".tmp")
    try:
        with open(lib, "rb") as src, os.fdopen(fd, "wb", buffering=0) as out:
            while True:
                chunk = src.read(4096)
                if not chunk:
                    break
                out.write(chunk)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dst)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _version_define(version: str) -> str:
    """The wasmtime major version, for the C layouts that changed between versions (the host
    memory creator's: see portalis_exec.c)."""
    major = version.split(".", 1)[0]
    return f"-DPORTALIS_WASMTIME_MAJOR={int(major) if major.isdigit() else 0}"


def build_launcher(version: str | None = None, cache: str | None = None, cc: str | None = None) -> tuple[str | None, str]:
    """Compile the launcher into the cache (once per source and wasmtime version).  Returns
    ``(path, "")`` or ``(None, why not)``; a failed compile is remembered (``.failed`` next to
    it, with the compiler's message) so that it is not retried on every run."""
    if version is None:
        found = wasmtime_library()
        if found is None:
            return None, "the wasmtime C library was not found"
        version = found[1]
    src = _read(SOURCE)
    out = launcher_path(version, cache, src)
    if os.access(out, os.X_OK):
        _ensure_library_copy(version, cache)
        _link_stamp(out, version, cache)
        return out, ""
    failed = out + ".failed"
    if os.path.isfile(failed):
        return None, "the launcher did not compile before: " + _read(failed).decode(errors="replace").strip()[-300:]
    import shutil
    import subprocess
    import tempfile
    import shlex
    compiler = shlex.split(cc or os.environ.get("CC") or "cc") or ["cc"]
    if shutil.which(compiler[0]) is None:
        return None, f"no C compiler ({compiler[0]!r} not found)"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(out), prefix=".portalis-exec-", suffix=".tmp")
    os.close(fd)
    try:
        p = subprocess.run([*compiler, *_CFLAGS, _version_define(version), "-o", tmp, "-x", "c", "-", *_LIBS], input=src,
                           capture_output=True, timeout=120, check=False)
        if p.returncode != 0:
            msg = p.stderr.decode(errors="replace")
            with open(failed + ".tmp", "w") as f:
                f.write(msg)
            os.replace(failed + ".tmp", failed)
            return None, f"the launcher did not compile ({' '.join(compiler)}): {msg.strip()[-300:]}"
        os.chmod(tmp, 0o755)
        os.replace(tmp, out)
        _ensure_library_copy(version, cache)
        _link_stamp(out, version, cache)
        return out, ""
    except (OSError, subprocess.SubprocessError) as e:
        return None, f"cannot compile the launcher: {e}"
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _ensure_library_copy(version: str, cache: str | None) -> None:
    """The launcher's copy of the wasmtime library (an optimisation only: without it the
    launcher loads the wheel's own)."""
    found = wasmtime_library()
    if found is None or found[1] != version:
        return
    try:
        dst = library_copy(found[0], version, cache)
        if not os.path.isfile(dst):
            _copy_library(found[0], dst)
    except OSError:
        pass


def prepare_exec(wasm_path: str, cache: str | None = None) -> str:
    """What the first ``portalis exec`` of ``wasm_path`` would do before running it, done now
    (``portalis build``): the module compiled for the "exit" engine into ``<cache>/cwasm`` and
    the launcher built.  Returns why the launcher will not be used ("" when it will); never
    raises for a module that does not compile (``exec`` reports that)."""
    try:
        from pathlib import Path

        from .wasm_exec import load_module
        load_module(Path(wasm_path), Path(cache) if cache else None, "exit")
    except Exception as e:  # noqa: BLE001 - exec reports a module that does not load
        return f"the module does not compile: {e}"
    if os.environ.get(ENV_SWITCH, "") == "0":
        return f"{ENV_SWITCH}=0"
    return build_launcher(cache=cache)[1]
