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
no library, no compiled module yet, ``PORTALIS_EXEC_LAUNCHER=0``, ...) ``exec_launcher`` returns
the reason and the caller runs the module in Python; the launcher itself falls back the same way
(it re-executes ``portalis exec`` with ``PORTALIS_EXEC_LAUNCHER=0``) for what it only learns
after starting (a ``.cwasm`` that does not deserialize).  Reasons are printed only with
``PORTALIS_EXEC_VERBOSE=1``.

Start-up path: this module imports nothing but ``os`` and ``sys`` at the top (and the
``_sha256`` extension module, not ``hashlib``), because Linux reports the peak memory of a process
over its whole life, Python part included.  It must not import ``wasmtime``.
"""

from __future__ import annotations

import os
import sys

__all__ = ["SOURCE", "exec_launcher", "build_launcher", "launcher_path", "wasmtime_library", "verbose"]

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "launcher", "portalis_exec.c")
ENV_SWITCH = "PORTALIS_EXEC_LAUNCHER"  # "0": never use the launcher
ENV_VERBOSE = "PORTALIS_EXEC_VERBOSE"  # "1": say on stderr why the launcher is not used
_CFLAGS = ["-O2", "-Wall", "-Wextra"]
_LIBS = ["-ldl", "-lpthread"]
_MiB = 1024 * 1024


def verbose() -> bool:
    return os.environ.get(ENV_VERBOSE, "") not in ("", "0")


def _say(msg: str) -> None:
    if verbose():
        sys.stderr.write(f"portalis: exec: {msg}\n")
        sys.stderr.flush()


def _hasher():
    try:  # the builtin module: `hashlib` loads OpenSSL (~3.5 MB of peak memory)
        import _sha256  # type: ignore[import-not-found]
        return _sha256.sha256()
    except ImportError:
        try:
            import _sha2  # type: ignore[import-not-found]  # Python 3.12+
            return _sha2.sha256()
        except ImportError:
            import hashlib
            return hashlib.sha256()


def _sha256(data: bytes) -> str:
    h = _hasher()
    h.update(data)
    return h.hexdigest()


def _sha256_file(path: str) -> str:
    """In 16 KiB pieces: a whole module read at once would add its size to the peak RSS."""
    h = _hasher()
    buf = bytearray(16384)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as f:
        while True:
            n = f.readinto(buf)
            if not n:
                break
            h.update(view[:n])
    return h.hexdigest()


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def wasmtime_library() -> tuple[str, str] | None:
    """``(path of the wasmtime C library of the wasmtime wheel, wasmtime version)``, found the
    way ``import wasmtime`` and ``wasm_exec._version`` find them, without importing it."""
    if not sys.platform.startswith("linux"):
        return None
    machine = os.uname().machine
    machine = {"AMD64": "x86_64", "arm64": "aarch64", "ARM64": "aarch64"}.get(machine, machine)
    for entry in sys.path:
        pkg = os.path.join(entry or ".", "wasmtime")
        if not os.path.isfile(os.path.join(pkg, "__init__.py")):
            continue
        lib = os.path.join(pkg, f"linux-{machine}", "_libwasmtime.so")
        if not os.path.isfile(lib):
            return None
        site = os.path.dirname(os.path.realpath(pkg))
        try:
            with os.scandir(site) as it:
                for e in it:
                    name = e.name
                    if name.startswith("wasmtime-") and name.endswith(".dist-info"):
                        version = name[len("wasmtime-"):-len(".dist-info")]
                        if version and "-" not in version:
                            return lib, version
        except OSError:
            pass
        return None
    return None


def _cache_dir() -> str:
    from .cache_dir import cache_dir_name
    return cache_dir_name()


def launcher_path(version: str, cache: str | None = None, source: bytes | None = None) -> str:
    """Where the launcher for this source and wasmtime ``version`` lives (built or not)."""
    src = _read(SOURCE) if source is None else source
    key = _sha256(src + b"\0wasmtime " + version.encode())[:20]
    return os.path.join(cache or _cache_dir(), "launcher", f"portalis-exec-{key}")


def _stamp_path(version: str, cache: str | None = None) -> str:
    """A symlink to ``launcher_path``, named by the source file's size and mtime: what `exec`
    looks up (a stat, where hashing the source costs its Python part ~0.15 MB of peak RSS)."""
    st = os.stat(SOURCE)
    return os.path.join(cache or _cache_dir(), "launcher", f"by-stat-{st.st_size}-{st.st_mtime_ns}-{version}")


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
    size = os.stat(lib).st_size
    return os.path.join(cache or _cache_dir(), "launcher", f"libwasmtime-{version}-{size}.so")


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
        p = subprocess.run([*compiler, *_CFLAGS, "-o", tmp, "-x", "c", "-", *_LIBS], input=src,
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


def exec_launcher(module: str, args: list[str], timeout: float | None, max_memory: int | None,
                  dirs: list[tuple[str, str]], program_name: str, fallback_argv: list[str]) -> str:
    """Become the launcher running ``module`` (``os.execv``: does not return) or return why not.

    ``timeout``/``max_memory``: as ``wasm_exec.Limits``; ``fallback_argv``: the command that runs
    the same ``portalis exec`` in Python (the launcher runs it when it cannot load the module)."""
    if os.environ.get(ENV_SWITCH, "") == "0":
        return f"{ENV_SWITCH}=0"
    found = wasmtime_library()
    if found is None:
        return "the wasmtime C library (of the wasmtime wheel) was not found"
    lib, version = found
    try:
        for s in (module, program_name, *args, *(p for d in dirs for p in d)):
            s.encode("utf-8")  # the Python path cannot pass these to WASI either: let it report
        digest = _sha256_file(module)
        cwasm = os.path.join(_cache_dir(), "cwasm", f"{digest}-{version}-exit.cwasm")
        try:
            os.utime(cwasm)  # just used: the cache's pruning keeps it (codegen.cache_prune)
        except OSError:
            if not os.path.isfile(cwasm):
                return "the module is not compiled yet (this run compiles it)"
        exe = _stamp_path(version)
        if not os.access(exe, os.X_OK):
            exe, why = build_launcher(version)
            if exe is None:
                return why
    except (OSError, UnicodeError) as e:
        return f"{type(e).__name__}: {e}"
    copy = library_copy(lib, version)
    argv = [exe, copy if os.path.isfile(copy) else lib, cwasm,
            "-" if timeout is None else repr(float(timeout)),
            "-" if timeout is None else f"{timeout:g}",
            "-" if max_memory is None else str(int(max_memory)),
            "-" if max_memory is None else f"{int(max_memory) / _MiB:g} MB",
            str(len(dirs)), *(p for d in dirs for p in d),
            str(1 + len(args)), program_name, *args,
            str(len(fallback_argv)), *fallback_argv]
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execv(exe, argv)
    except OSError as e:
        return f"cannot start the launcher: {e}"
    return "unreachable"  # pragma: no cover


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
