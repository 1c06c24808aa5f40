"""Running WASI command modules (built by ``portalis.codegen.build``) with the ``wasmtime`` package.

It owns ``run_wasm``: one process-wide ``Engine`` per timeout mode and tier (Cranelift or
Winch, ``TIERS``), a compiled-module cache
(``Module.serialize`` to ``<cache>/cwasm/<sha256(wasm)>-<wasmtime version>-<mode>[-winch].cwasm`` and
``Module.deserialize_file`` afterwards, plus an in-process cache), the sandbox (argv =
``[program_name, *args]``, no environment variables, no preopened directories unless ``dirs``
grants them), the wall-clock and memory limits (exit code 124 / 137 with a message naming
``--timeout SECONDS`` / ``--max-memory MB``), WASI exit codes, the output a program printed but
had not flushed when it trapped or was stopped (read from the runtime's exported stdout
buffer, so it is never lost), and turning traps into ``TrapInfo`` with demangled function
names (exit code 134).  It must not compile Rust, pick toolchains, or give the guest anything
(files, env, network) that the caller did not ask for.

Two ways to enforce the time limit (``timeout_mode``):

* ``"trap"`` (default): wasmtime's epoch interruption stops the guest with a trap and
  ``run_wasm`` returns; the process lives on (tests, servers, library callers).  The check it
  compiles into every loop header and function entry costs tight loops 10-60 %.
* ``"exit"``: the module is compiled without those checks; a watchdog thread ends the *whole
  process* at the limit (after writing the program's unflushed output and the message), and
  on Ctrl-C.  For processes that run one program, like ``portalis run``/``exec``.
"""

from __future__ import annotations

import ctypes
import hashlib
import math
import os
import re
import select
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

import wasmtime

from .cache_dir import default_cache_dir

if TYPE_CHECKING:
    import tempfile

__all__ = [
    "Limits",
    "TrapInfo",
    "RunResult",
    "run_wasm",
    "load_module",
    "get_engine",
    "demangle",
    "EXIT_TIMEOUT",
    "EXIT_MEMORY",
    "EXIT_TRAP",
    "EXIT_INTERRUPTED",
    "TIMEOUT_MODES",
    "TIERS",
    "IntLimitStop",
]

#: Exit code when the wall-clock limit is hit (as GNU ``timeout``).
EXIT_TIMEOUT = 124
#: Exit code when the memory cap is hit (128 + SIGKILL, like an OOM-killed process).
EXIT_MEMORY = 137
#: Exit code for any other trap (128 + SIGABRT: Rust panics abort on wasm).
EXIT_TRAP = 134
#: Exit code after Ctrl-C in ``timeout_mode="exit"`` (128 + SIGINT, like CPython).
EXIT_INTERRUPTED = 130

TIMEOUT_MODES = ("trap", "exit")
#: How modules are compiled to machine code (``load_module``/``run_wasm``'s ``tier``):
#: "optimized" is Cranelift, the optimizing compiler (what `portalis exec` and release builds
#: run); "baseline" is Winch, wasmtime's single-pass compiler: it compiles a module ~4-5x faster
#: and its code runs ~1.4-1.7x slower (measured 2026-12-07, benchmarks/README.md), so the dev
#: profile's edit loop (`portalis run`/`check`, the language server) takes it.  Where this
#: wasmtime has no Winch (it is x86-64 only), "baseline" compiles with Cranelift.
TIERS = ("optimized", "baseline")
_STRATEGY_WINCH = 2  # wasmtime.h's wasmtime_strategy_t: WASMTIME_STRATEGY_WINCH

_TICK_S = 0.02  # epoch ticker period: the timeout fires within [timeout, timeout + _TICK_S]
_MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run; ``None`` disables a limit."""

    timeout: float | None = 10.0  # wall-clock seconds of guest execution
    max_memory: int | None = 512 * _MiB  # bytes of linear memory


@dataclass(frozen=True)
class TrapInfo:
    message: str  # e.g. "wasm `unreachable` instruction executed"
    frames: tuple[str, ...]  # demangled function names, innermost first
    code: str | None = None  # wasmtime TrapCode name, e.g. "UNREACHABLE", "STACK_OVERFLOW"


@dataclass(frozen=True)
class RunResult:
    exit_code: int
    stdout: bytes  # b"" when capture=False
    stderr: bytes  # guest stderr + Portalis' own message (when capture=True)
    trap: TrapInfo | None
    limit_hit: str | None  # "timeout" | "memory" | None
    seconds: float  # wall time of instantiate + run
    message: str = ""  # Portalis' explanation of a limit/trap ("" for a normal exit)
    module_cached: bool = False  # module came from the in-process or on-disk cache
    int_limit: "IntLimitStop | None" = None  # stopped at the 64-bit int limit (rerun_on_int_limit)
    stop_limit_line: int | None = None  # ended with an uncaught Portalis limit error raised on this line


# --------------------------------------------------------------------------- engine + modules

_engine_lock = threading.Lock()
_engines: dict[tuple[str, str], wasmtime.Engine] = {}  # (mode, tier) -> engine
_linkers: dict[tuple[str, str], wasmtime.Linker] = {}
_winch: dict[tuple[str, str], bool] = {}  # (mode, tier) -> its engine compiles with Winch
_wasmtime_version: str | None = None
_modules: dict[tuple[str, str, str], wasmtime.Module] = {}  # (sha256, mode, tier) -> module, oldest first
# How many compiled modules stay loaded: each holds its machine code and a memfd of its memory
# image, so a long-lived process that runs one new module per edit (the language server, a test
# run) must let the least recently used go, or it runs out of memory and file descriptors.
MODULES_KEPT = 16
_modules_lock = threading.Lock()
_hash_by_stat: dict[tuple[str, int, int], str] = {}


# The native stack compiled WebAssembly may use: wasmtime's default (512 KiB) did not hold
# CPython's 1000 frames of a function with ~80 locals; 2 MiB is the most wasmtime accepts
# without an async stack to match (the C launcher, codegen/launcher/portalis_exec.c, sets the
# same). Guests run on the caller's thread: the main thread's stack is 8 MiB (RLIMIT_STACK), and
# server/jobs.py makes its worker thread 4x this size.
WASM_STACK = 2 << 20


def get_engine(mode: str = "trap", tier: str = "optimized") -> wasmtime.Engine:
    """The process-wide Engine for ``mode`` ("trap": epoch interruption on; "exit": off, and
    linear memory never moves, so a watchdog may read it while the guest runs) and ``tier``
    ("optimized": Cranelift; "baseline": Winch, see ``TIERS``)."""
    if mode not in TIMEOUT_MODES:
        raise ValueError(f"timeout_mode must be one of {TIMEOUT_MODES}, not {mode!r}")
    if tier not in TIERS:
        raise ValueError(f"tier must be one of {TIERS}, not {tier!r}")
    with _engine_lock:
        eng = _engines.get((mode, tier))
        if eng is None:
            eng = _baseline_engine(mode) if tier == "baseline" else None
            _winch[(mode, tier)] = eng is not None
            if eng is None:
                eng = wasmtime.Engine(_config(mode))
            linker = wasmtime.Linker(eng)
            linker.define_wasi()
            _engines[(mode, tier)] = eng
            _linkers[(mode, tier)] = linker
        return eng


def _config(mode: str) -> wasmtime.Config:
    cfg = wasmtime.Config()
    cfg.max_wasm_stack = WASM_STACK
    if mode == "trap":
        cfg.epoch_interruption = True
    else:
        cfg.memory_may_move = False
    return cfg


def _baseline_engine(mode: str) -> wasmtime.Engine | None:
    """An Engine that compiles with Winch, or None where this wasmtime has no Winch (it is
    x86-64 only; the Python API names only "auto" and "cranelift", so the C API's strategy
    number is set directly): the caller then uses Cranelift."""
    cfg = _config(mode)
    try:
        from wasmtime import _ffi
        _ffi.wasmtime_config_strategy_set(cfg.ptr(), _STRATEGY_WINCH)
        return wasmtime.Engine(cfg)
    except (ImportError, AttributeError, wasmtime.WasmtimeError):
        return None


def _get_linker(mode: str, tier: str = "optimized") -> wasmtime.Linker:
    get_engine(mode, tier)
    return _linkers[(mode, tier)]


def _version() -> str:
    """The installed wasmtime package version (part of the .cwasm file name).  Read from the
    ``wasmtime-<v>.dist-info`` folder next to the package: ``importlib.metadata`` alone costs
    ~25 ms to import."""
    global _wasmtime_version
    if _wasmtime_version is None:
        site = Path(wasmtime.__file__).resolve().parent.parent
        found = ""
        try:
            for name in os.listdir(site):
                m = re.fullmatch(r"wasmtime-([^-]+)\.dist-info", name)
                if m:
                    found = m.group(1)
                    break
        except OSError:
            pass
        if not found:
            from importlib import metadata

            try:
                found = metadata.version("wasmtime")
            except metadata.PackageNotFoundError:
                found = "unknown"
        _wasmtime_version = found
    return _wasmtime_version


def _sha256_file(path: Path) -> str:
    st = path.stat()
    key = (str(path.absolute()), st.st_mtime_ns, st.st_size)
    h = _hash_by_stat.get(key)
    if h is None:
        h = hashlib.sha256(path.read_bytes()).hexdigest()
        _hash_by_stat[key] = h
    return h


def load_module(wasm_path: Path, cache_dir: Path | None = None, mode: str = "trap",
                tier: str = "optimized") -> tuple[wasmtime.Module, bool]:
    """Compiled module for ``wasm_path`` (for the engine of ``mode`` and ``tier``) and whether
    it came from a cache (in-process or ``<cache>/cwasm``).  A fresh compile is serialized
    atomically for next time.

    ``.cwasm`` files are mmapped by ``Module.deserialize_file`` (0.1 ms vs ~1.3 ms for
    ``Module.deserialize`` of the bytes): they must only ever be replaced by rename, never
    rewritten in place, or live modules die with SIGBUS.  Winch's are named ``...-winch.cwasm``
    (the native launcher of `portalis exec` reads Cranelift's)."""
    engine = get_engine(mode, tier)
    wasm_path = Path(wasm_path)
    digest = _sha256_file(wasm_path)
    key = (digest, mode, tier)
    with _modules_lock:
        mod = _modules.pop(key, None)
        if mod is not None:
            _modules[key] = mod  # now the most recently used
            return mod, True
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    winch = "-winch" if _winch[(mode, tier)] else ""
    cwasm = cache / "cwasm" / f"{digest}-{_version()}-{mode}{winch}.cwasm"
    cached = False
    mod = None
    if cwasm.is_file():
        try:
            mod = wasmtime.Module.deserialize_file(engine, str(cwasm))
            cached = True
            try:
                os.utime(cwasm)  # just used: the cache's pruning keeps it (codegen.cache_prune)
            except OSError:
                pass
        except wasmtime.WasmtimeError:
            mod = None  # stale/incompatible: recompile and overwrite
    if mod is None:
        mod = wasmtime.Module.from_file(engine, str(wasm_path))
        try:
            cwasm.parent.mkdir(parents=True, exist_ok=True)
            import tempfile  # only when compiling: not on the start-up path of a cached module
            fd, tmp = tempfile.mkstemp(dir=cwasm.parent, prefix=".cwasm-", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(mod.serialize())
            os.replace(tmp, cwasm)
        except OSError:
            pass  # caching is an optimisation only
    with _modules_lock:
        _modules[key] = mod
        while len(_modules) > MODULES_KEPT:
            del _modules[next(iter(_modules))]
    return mod, cached


# --------------------------------------------------------------------------- epoch ticker


class _Ticker:
    """Increments the engine epoch every ``_TICK_S`` while at least one run is active.

    Every store sets a deadline in ticks relative to the current epoch, so concurrent runs in
    different threads never interrupt each other."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._active = 0
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "_Ticker":
        with self._cond:
            self._active += 1
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="portalis-epoch", daemon=True)
                self._thread.start()
            self._cond.notify_all()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._active -= 1

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._active == 0:
                    self._cond.wait()
            time.sleep(_TICK_S)
            with _engine_lock:
                engines = [eng for (mode, _), eng in _engines.items() if mode == "trap"]
            for engine in engines:
                engine.increment_epoch()


_ticker = _Ticker()


# --------------------------------------------------------------------------- demangling

_ESCAPES = {"SP": "@", "BP": "*", "RF": "&", "LT": "<", "GT": ">", "LP": "(", "RP": ")", "C": ","}
_HASH_RE = re.compile(r"^h[0-9a-f]{16}$")


def _unescape(ident: str) -> str:
    if ident.startswith("_$"):
        ident = ident[1:]

    def rep(m: re.Match[str]) -> str:
        t = m.group(1)
        if t in _ESCAPES:
            return _ESCAPES[t]
        if t.startswith("u"):
            try:
                return chr(int(t[1:], 16))
            except ValueError:
                return m.group(0)
        return m.group(0)

    return re.sub(r"\$([A-Za-z0-9]+)\$", rep, ident).replace("..", "::")


def demangle(name: str) -> str:
    """Demangle a legacy Rust symbol (``_ZN4main4main17h..E`` -> ``main::main``); other names
    (C symbols, v0 ``_R`` symbols) are returned unchanged."""
    if not name.startswith("_ZN"):
        return name
    i = 3
    parts: list[str] = []
    try:
        while i < len(name) and name[i] != "E":
            j = i
            while name[j].isdigit():
                j += 1
            n = int(name[i:j])
            parts.append(name[j:j + n])
            i = j + n
    except (ValueError, IndexError):
        return name
    rest = name[i:]
    if not parts or not (rest == "E" or rest.startswith("E.")):  # allow ".llvm.NNN" suffixes
        return name
    if _HASH_RE.match(parts[-1]):
        parts.pop()
    return "::".join(_unescape(p) for p in parts)


# --------------------------------------------------------------------------- running

_OOM_MARKERS = ("alloc_error", "rust_oom", "__rdl_oom", "handle_alloc_error")


def _trap_info(err: wasmtime.Trap) -> TrapInfo:
    frames: list[str] = []
    try:
        for f in err.frames:
            name = f.func_name
            frames.append(demangle(name) if name else f"<wasm function {f.func_index}>")
    except Exception:  # frames are best-effort
        pass
    code = err.trap_code
    code_s = code.name if code is not None else None
    msg = err.message
    m = re.search(r"Caused by:\s*\n\s*(.+)", msg)
    short = m.group(1).strip() if m else msg.strip().splitlines()[0] if msg.strip() else "trap"
    short = re.sub(r"^wasm trap:\s*", "", short)
    return TrapInfo(message=short, frames=tuple(frames), code=code_s)


def _user_frames(frames: Sequence[str]) -> list[str]:
    """Frames worth showing: no std/core/alloc internals, runtime entry points or libc;
    consecutive repeats (deep recursion) collapsed to ``name (xN)``."""
    skip = ("std::", "core::", "alloc::", "__", "rust_", "_start", "abort", "dlmalloc",
            "<wasm function")
    out: list[str] = []
    counts: list[int] = []
    for f in frames:
        if f.startswith(skip):
            continue
        f = re.sub(r"^main::pf_[^:]+::", "main::", f)  # the emitter's module per function
        if out and out[-1] == f:
            counts[-1] += 1
        else:
            out.append(f)
            counts.append(1)
    return [f if n == 1 else f"{f} (x{n})" for f, n in zip(out, counts)]


def _fmt_mb(n: int) -> str:
    return f"{n / _MiB:g} MB"


WASI_STATUS_SENTINEL = 125  # pyrt.rs: exit status > 125 is stored and read back via an export


def _real_exit_status(store: wasmtime.Store, instance: wasmtime.Instance, code: int) -> int:
    """wasmtime's WASI proc_exit only takes 0..=125; the Portalis runtime exits with 125 and
    keeps sys.exit's real status (126..=255) behind the exported `portalis_exit_status`."""
    try:
        fn = instance.exports(store).get("portalis_exit_status")
        if isinstance(fn, wasmtime.Func):
            real = fn(store)
            if isinstance(real, int) and 0 <= real <= 255:
                return real
    except (wasmtime.WasmtimeError, wasmtime.Trap):
        pass
    return code


# --------------------------------------------------------------------------- unflushed output

# The runtime's host block (pyrt.rs, `out_wasi::HostBlock`, #[repr(C)]): u32 seq (odd while
# flushing), len, line_buffered, cap, flags, int_limit_line, stop_limit_line, 1 reserved; u64 out_total,
# out_hash, err_total, err_hash, skip_out, skip_err, expect_out_hash, expect_err_hash; then cap
# bytes of stdout data.  The block starts as zeros (it is in the module's .bss): cap is 0 until
# the program starts, and the hashes are FNV-1a XOR its offset basis (only compared here).
_OB_SEQ, _OB_LEN, _OB_LINE, _OB_CAP, _OB_FLAGS, _OB_LIMIT_LINE, _OB_STOP_LIMIT_LINE = range(0, 28, 4)
(_OB_OUT_TOTAL, _OB_OUT_HASH, _OB_ERR_TOTAL, _OB_ERR_HASH, _OB_SKIP_OUT, _OB_SKIP_ERR, _OB_EXPECT_OUT,
 _OB_EXPECT_ERR) = range(32, 96, 8)
_OB_DATA = 96


@dataclass(frozen=True)
class IntLimitStop:
    """A run that stopped where its ints outgrew 64 bits (`rerun_on_int_limit=True`): what it
    had written (byte counts and FNV-1a hashes of stdout and stderr), so that the big-int build
    can be run from the start and continue from there."""

    line: int
    out_total: int
    out_hash: int
    err_total: int
    err_hash: int


@dataclass
class _OutBuf:
    """Where a running instance keeps its unflushed stdout (absolute host addresses)."""

    base: int  # host address of linear memory byte 0
    addr: int  # guest address of the block
    mem_len: int

    def _u32(self, off: int) -> int:
        return ctypes.c_uint32.from_address(self.base + self.addr + off).value

    def pending(self, wait_s: float = 0.0) -> bytes:
        """The bytes printed but not yet written out.  With ``wait_s`` > 0 the guest may be
        running (a watchdog): copy under the seqlock, waiting up to ``wait_s`` for a flush in
        progress to finish; b"" if none settles (that flush writes the bytes itself)."""
        deadline = time.monotonic() + wait_s
        while True:
            seq = self._u32(_OB_SEQ)
            if seq % 2 == 0:
                cap = self._u32(_OB_CAP)
                n = min(self._u32(_OB_LEN), cap)
                if self.addr + _OB_DATA + n > self.mem_len:
                    return b""
                data = ctypes.string_at(self.base + self.addr + _OB_DATA, n)
                if self._u32(_OB_SEQ) == seq:
                    return data
            if time.monotonic() >= deadline:
                return b""
            time.sleep(0.001)

    def set_line_buffered(self) -> None:
        ctypes.c_uint32.from_address(self.base + self.addr + _OB_LINE).value = 1

    def _u64(self, off: int) -> int:
        return ctypes.c_uint64.from_address(self.base + self.addr + off).value

    def _set_u32(self, off: int, v: int) -> None:
        ctypes.c_uint32.from_address(self.base + self.addr + off).value = v

    def _set_u64(self, off: int, v: int) -> None:
        ctypes.c_uint64.from_address(self.base + self.addr + off).value = v

    def request_rerun_on_int_limit(self) -> None:
        self._set_u32(_OB_FLAGS, self._u32(_OB_FLAGS) | 1)

    def skip_like(self, first: IntLimitStop) -> None:
        """This run repeats `first`: write nothing until it has produced the same bytes."""
        self._set_u64(_OB_SKIP_OUT, first.out_total)
        self._set_u64(_OB_SKIP_ERR, first.err_total)
        self._set_u64(_OB_EXPECT_OUT, first.out_hash)
        self._set_u64(_OB_EXPECT_ERR, first.err_hash)

    def stop_limit_line(self) -> int | None:
        """The line of the uncaught Portalis limit error the program ended with, if any."""
        return self._u32(_OB_STOP_LIMIT_LINE) or None

    def int_limit_stop(self) -> IntLimitStop | None:
        line = self._u32(_OB_LIMIT_LINE)
        if not line:
            return None
        return IntLimitStop(line, self._u64(_OB_OUT_TOTAL), self._u64(_OB_OUT_HASH),
                            self._u64(_OB_ERR_TOTAL), self._u64(_OB_ERR_HASH))


def _find_outbuf(store: wasmtime.Store, instance: wasmtime.Instance) -> _OutBuf | None:
    """The runtime's stdout block, or None for modules without one (not built by Portalis)."""
    try:
        exports = instance.exports(store)
        fn = exports.get("portalis_stdout_buffer")
        mem = exports.get("memory")
        if not isinstance(fn, wasmtime.Func) or not isinstance(mem, wasmtime.Memory):
            return None
        addr = fn(store)
        base = ctypes.cast(mem.data_ptr(store), ctypes.c_void_p).value
        mem_len = mem.data_len(store)
        if not isinstance(addr, int) or base is None or addr <= 0 or addr + _OB_DATA > mem_len:
            return None
        return _OutBuf(base=base, addr=addr, mem_len=mem_len)
    except (wasmtime.WasmtimeError, wasmtime.Trap, KeyError):
        return None


# --------------------------------------------------------------------------- exit-mode watchdog


class _Watchdog:
    """``timeout_mode="exit"``: ends the process when the time limit passes or on Ctrl-C,
    after writing the guest's unflushed stdout and Portalis' message."""

    def __init__(self, timeout: float | None, finish: "Callable[[bytes, str, int], None]") -> None:
        self._timeout = timeout
        self._finish = finish  # (pending stdout, message, exit code) -> writes them out
        self.outbuf: _OutBuf | None = None
        self._done = threading.Event()
        self._rfd = self._wfd = -1
        self._old_wakeup: int | None = None
        self._old_sigint = None

    def __enter__(self) -> "_Watchdog":
        if threading.current_thread() is threading.main_thread():
            # Ctrl-C: Python only runs its handler between bytecodes, never during the guest,
            # so the signal is delivered to this thread through the wakeup fd instead
            try:
                self._rfd, self._wfd = os.pipe()
                os.set_blocking(self._wfd, False)
                self._old_wakeup = signal.set_wakeup_fd(self._wfd, warn_on_full_buffer=False)
                self._old_sigint = signal.signal(signal.SIGINT, lambda *_: None)
            except (ValueError, OSError):
                self._close_pipe()
        self._t0 = time.monotonic()
        if self._timeout is not None or self._rfd >= 0:
            threading.Thread(target=self._run, name="portalis-watchdog", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._old_wakeup is not None:
            signal.set_wakeup_fd(self._old_wakeup)
            if self._old_sigint is not None:
                signal.signal(signal.SIGINT, self._old_sigint)
        self._close_pipe()

    def _close_pipe(self) -> None:
        for fd in (self._rfd, self._wfd):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._rfd = self._wfd = -1

    def _run(self) -> None:
        poller = select.poll()
        if self._rfd >= 0:
            poller.register(self._rfd, select.POLLIN)
        while not self._done.is_set():
            left = None if self._timeout is None else self._timeout - (time.monotonic() - self._t0)
            if left is not None and left <= 0:
                self._stop(f"portalis: time limit exceeded: the program ran for more than "
                           f"{self._timeout:g} s and was stopped "
                           f"(raise the limit with --timeout SECONDS)", EXIT_TIMEOUT)
                return
            wait = 0.05 if left is None else min(left, 0.05)
            if self._rfd >= 0:
                try:
                    ready = poller.poll(wait * 1000)  # poll, not select: any fd number works
                    if ready and signal.SIGINT in os.read(self._rfd, 64) and not self._done.is_set():
                        self._stop("KeyboardInterrupt (portalis: the program was stopped)", EXIT_INTERRUPTED)
                        return
                except (OSError, ValueError):
                    self._done.wait(wait)
            else:
                self._done.wait(wait)

    def _stop(self, message: str, code: int) -> None:
        pending = self.outbuf.pending(wait_s=0.2) if self.outbuf is not None else b""
        if self._done.is_set():
            return  # the program finished meanwhile
        try:
            self._finish(pending, message, code)
        finally:
            os._exit(code)


# --------------------------------------------------------------------------- running


def run_wasm(
    wasm_path: Path,
    args: Sequence[str] = (),
    *,
    limits: Limits = Limits(),
    stdin: bytes | None = None,
    capture: bool = True,
    program_name: str = "prog.py",
    dirs: Sequence[tuple[str | Path, str]] = (),
    env: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
    timeout_mode: str = "trap",
    tier: str = "optimized",
    rerun_on_int_limit: bool = False,
    repeat_of: IntLimitStop | None = None,
    stdin_path: str | None = None,
) -> RunResult:
    """Run the WASI command module ``wasm_path`` with argv ``[program_name, *args]``.

    ``capture=True``: stdout/stderr are collected into the result and stdin is ``stdin`` (or
    empty).  ``capture=False``: stdout/stderr (and stdin unless ``stdin`` is given) are the
    process's own, so output streams live (line by line when stdout is a terminal); Portalis'
    limit/trap message then goes to ``sys.stderr``.  Sandbox: no env vars (unless ``env``), no
    directories (unless ``dirs``: ``(host_path, guest_path)`` pairs).  Exit codes: the guest's
    own, 124 timeout, 137 memory, 134 other traps.  ``timeout_mode``: see the module docstring;
    with ``"exit"`` a time limit or Ctrl-C ends the calling process (exit 124 / 130) and
    ``run_wasm`` does not return.  ``tier``: see ``TIERS``.  ``rerun_on_int_limit``: a Portalis program whose ints
    outgrow 64 bits stops right there (no traceback) and ``RunResult.int_limit`` says what it
    had done; ``repeat_of``: this run is the big-int build of such a run (portalis.pipeline
    `run_program`) and writes nothing until it has produced that run's output again;
    ``stdin_path``: read stdin from this file (a FIFO) instead."""
    module, module_cached = load_module(Path(wasm_path), cache_dir, timeout_mode, tier)
    engine = get_engine(timeout_mode, tier)
    linker = _get_linker(timeout_mode, tier)

    tmpdir: tempfile.TemporaryDirectory[str] | None = None
    out_file = err_file = None
    if capture or stdin is not None:
        import tempfile  # not on `portalis exec`'s path (start-up time)
        tmpdir = tempfile.TemporaryDirectory(prefix="portalis-run-")
    try:
        wasi = wasmtime.WasiConfig()
        wasi.argv = [program_name, *[str(a) for a in args]]
        if env:
            wasi.env = [[str(k), str(v)] for k, v in env.items()]
        for host, guest in dirs:
            wasi.preopen_dir(str(host), str(guest))
        if stdin_path is not None:  # e.g. a FIFO (portalis.pipeline replays stdin into it)
            wasi.stdin_file = stdin_path
        elif stdin is not None:
            assert tmpdir is not None
            in_file = os.path.join(tmpdir.name, "stdin")
            with open(in_file, "wb") as f:
                f.write(stdin)
            wasi.stdin_file = in_file
        elif not capture:
            wasi.inherit_stdin()
        if capture:
            assert tmpdir is not None
            out_file = os.path.join(tmpdir.name, "stdout")
            err_file = os.path.join(tmpdir.name, "stderr")
            wasi.stdout_file = out_file
            wasi.stderr_file = err_file
        else:
            sys.stdout.flush()
            sys.stderr.flush()
            wasi.inherit_stdout()
            wasi.inherit_stderr()

        def write_out(data: bytes) -> None:
            """Append to the guest's stdout (its capture file, or this process's fd 1)."""
            if not data:
                return
            if out_file is not None:
                with open(out_file, "ab") as f:
                    f.write(data)
            else:
                _write_fd(1, data)

        def finish_exit_mode(pending: bytes, message: str, code: int) -> None:
            write_out(pending)
            if err_file is not None:
                with open(err_file, "ab") as f:
                    f.write(message.encode() + b"\n")
                # capture + exit mode: nobody reads the files; say it where a person sees it
                sys.stderr.write(message + "\n")
            else:
                _write_fd(2, (("\n" if pending and not pending.endswith(b"\n") else "") + message + "\n").encode())

        store = wasmtime.Store(engine)
        if limits.max_memory is not None:
            store.set_limits(memory_size=int(limits.max_memory))
        store.set_wasi(wasi)
        exit_mode = timeout_mode == "exit"
        if not exit_mode:
            if limits.timeout is not None:
                ticks = max(1, math.ceil(limits.timeout / _TICK_S)) + 1
            else:
                ticks = 2**62
            ticker = _ticker if limits.timeout is not None else _nullctx()
        else:
            ticker = _Watchdog(limits.timeout, finish_exit_mode)

        exit_code = 0
        trap: TrapInfo | None = None
        other_error: str | None = None
        outbuf: _OutBuf | None = None
        t0 = time.perf_counter()
        with ticker:
            if not exit_mode:
                store.set_epoch_deadline(ticks)
            instance = None
            try:
                instance = linker.instantiate(store, module)
                outbuf = _find_outbuf(store, instance)
                if outbuf is not None:
                    if isinstance(ticker, _Watchdog):
                        ticker.outbuf = outbuf
                    if not capture and _isatty(1):
                        outbuf.set_line_buffered()
                    if rerun_on_int_limit:
                        outbuf.request_rerun_on_int_limit()
                    if repeat_of is not None:
                        outbuf.skip_like(repeat_of)
                start = instance.exports(store)["_start"]
                assert isinstance(start, wasmtime.Func)
                start(store)
            except wasmtime.ExitTrap as e:
                exit_code = int(e.code)
                if exit_code == WASI_STATUS_SENTINEL and instance is not None:
                    exit_code = _real_exit_status(store, instance, exit_code)
            except wasmtime.Trap as e:
                trap = _trap_info(e)
            except wasmtime.WasmtimeError as e:
                other_error = str(e)
            except KeyError:
                other_error = "the module has no `_start` export (not a WASI command module)"
        seconds = time.perf_counter() - t0
        if trap is not None and outbuf is not None:
            # the guest stopped between flushes: what it printed is still in its buffer
            write_out(outbuf.pending())
        int_limit = None
        if outbuf is not None and rerun_on_int_limit and trap is None:
            int_limit = outbuf.int_limit_stop()
        stop_limit_line = outbuf.stop_limit_line() if outbuf is not None and trap is None else None
        store.close()

        stdout = b""
        stderr = b""
        if capture:
            assert out_file is not None and err_file is not None
            stdout = Path(out_file).read_bytes()
            stderr = Path(err_file).read_bytes()
    finally:
        if tmpdir is not None:
            tmpdir.cleanup()

    limit_hit: str | None = None
    message = ""
    if trap is not None:
        if trap.code == "INTERRUPT":
            limit_hit = "timeout"
            exit_code = EXIT_TIMEOUT
            message = (f"portalis: time limit exceeded: the program ran for more than "
                       f"{limits.timeout:g} s and was stopped "
                       f"(raise the limit with --timeout SECONDS)")
        elif (any(m in f for f in trap.frames for m in _OOM_MARKERS)
              or b"memory allocation of" in stderr) and limits.max_memory is not None:
            limit_hit = "memory"
            exit_code = EXIT_MEMORY
            message = (f"portalis: memory limit exceeded: the program needed more than "
                       f"{_fmt_mb(int(limits.max_memory))} "
                       f"(raise the limit with --max-memory MB)")
        else:
            exit_code = EXIT_TRAP
            where = _user_frames(trap.frames)[:8] or list(trap.frames[:8])
            what = trap.message
            if trap.code == "STACK_OVERFLOW":
                what += " (stack overflow: recursion too deep?)"
            elif trap.code == "MEMORY_OUT_OF_BOUNDS":  # the shadow stack (build.SHADOW_STACK) ran out below 0
                what += " (the stack in linear memory overflowed: recursion too deep?)"
            elif trap.code == "UNREACHABLE":
                what += " (a Rust panic or abort; see the message above)"
            message = f"portalis: the program crashed: {what}"
            if where:
                message += "\n  in " + "\n  called from ".join(where)
    elif other_error is not None:
        first = other_error.strip().splitlines()[0] if other_error.strip() else "error"
        trap = TrapInfo(message=first, frames=(), code=None)
        if "exceeds memory limits" in other_error and limits.max_memory is not None:
            # the module's *initial* memory is already above the cap
            limit_hit = "memory"
            exit_code = EXIT_MEMORY
            message = (f"portalis: memory limit exceeded: the program needs more than "
                       f"{_fmt_mb(int(limits.max_memory))} just to start ({first}) "
                       f"(raise the limit with --max-memory MB)")
        else:
            exit_code = EXIT_TRAP
            message = f"portalis: cannot run the module: {other_error.strip()}"

    if message:
        if capture:
            sep = b"" if not stderr or stderr.endswith(b"\n") else b"\n"
            stderr = stderr + sep + message.encode() + b"\n"
        else:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
    return RunResult(exit_code, stdout, stderr, trap, limit_hit, seconds, message, module_cached, int_limit,
                     stop_limit_line)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def _write_fd(fd: int, data: bytes) -> None:
    """All of ``data`` to ``fd`` (best effort: a closed pipe drops the rest)."""
    try:
        if fd == 1:
            sys.stdout.flush()
        else:
            sys.stderr.flush()
        while data:
            n = os.write(fd, data)
            data = data[n:]
    except OSError:
        pass


class _nullctx:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
