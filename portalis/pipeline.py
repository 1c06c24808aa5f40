"""The pipeline as one call per step, shared by the CLI, tests, benchmarks and (later) the server.

`translate_source`: text -> (IR, crate, diagnostics) through ingest, lowering and emission.
`translate_function`: text -> library crate for one function (`translate --function NAME`).
`build_program`: text -> built .wasm (translation + rustc behind the content caches).
`run_program`: text -> a run, like `python prog.py`, rerun with big ints when it outgrows 64 bits.
Both take a build `profile` (`portalis.codegen.build`): "release" (the default, what
`portalis build` writes: one codegen unit) or "dev" (`portalis run`/`check` unless `--release`,
the language server: incremental, an edited program rebuilds in a fraction of the time, its code
runs up to ~1.3x slower).
Keeps no global state besides the caches on disk; must not print or exit.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING, Callable, Sequence

from portalis import __version__, ir
from portalis.codegen.build import PROFILES, BuildResult, build_wasm
from portalis.codegen.cache_prune import maybe_prune, touch
from portalis.codegen.crate import write_crate
from portalis.codegen.emit import EmitError, RustCrate, emit_crate, emit_library, runtime_text
from portalis.codegen.toolchain import Toolchain, default_cache_dir, find_toolchain
from portalis.codegen.wasm_exec import Limits, RunResult, run_wasm
from portalis.diagnostics import Diagnostic, Span, has_errors, make
from portalis.slicing import slice_module, unresolved_types

if TYPE_CHECKING:
    from portalis.analyzers.ingest import SourceModule

# libcst and the analyzers are imported inside the translate functions: a cached `portalis run`
# never needs them (they are most of the CLI's start-up time).


@dataclass
class Translation:
    module: ir.Module | None
    crate: RustCrate | None
    diagnostics: list[Diagnostic]
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.crate is not None and not has_errors(self.diagnostics)


def _parse_and_lower(text: str, path: str, times: dict[str, float], partial: bool = False
                     ) -> tuple["SourceModule | None", ir.Module | None, list[Diagnostic]]:
    """Ingest and lower, timing both into `times`; (sm, None, diags) when nothing can be lowered."""
    from portalis.analyzers.ingest import parse_module
    from portalis.analyzers.lower import lower_module

    t0 = time.perf_counter()
    sm, parse_diags = parse_module(text, path)
    times["ingest"] = time.perf_counter() - t0
    if has_errors(parse_diags) or sm.tree is None:
        return sm, None, parse_diags
    t0 = time.perf_counter()
    module, diags = lower_module(sm, partial=partial)
    times["lower"] = time.perf_counter() - t0
    return sm, module, sorted(parse_diags + diags, key=lambda d: (d.span, d.code))


def _emitted(module: ir.Module, diags: list[Diagnostic], times: dict[str, float],
             emit: Callable[[], RustCrate]) -> Translation:
    t0 = time.perf_counter()
    try:
        crate = emit()
    except EmitError as e:
        span = e.span or Span(1, 0, 1, 0)
        return Translation(module, None, diags + [make("unsupported-syntax", str(e), span)], times)
    times["emit"] = time.perf_counter() - t0
    return Translation(module, crate, diags, times)


def translate_source(text: str, path: str = "prog.py", *, big_ints: bool = False) -> Translation:
    """`big_ints`: the big-int build (Python's int as the runtime's arbitrary-precision Int),
    for a program that outgrew 64-bit ints; see `run_program`."""
    times: dict[str, float] = {}
    _, module, diags = _parse_and_lower(text, path, times)
    if module is None:
        return Translation(None, None, diags, times)
    return _emitted(module, diags, times, lambda: emit_crate(module, big_ints))


def translate_function(text: str, path: str, function: str) -> Translation:
    """NAME and what it calls as a library crate (`portalis translate --function NAME`).

    The whole module is lowered (parameter types may come from call sites anywhere in it), then
    sliced to NAME (`portalis.slicing`). Only diagnostics inside the slice (its functions with
    their decorators, the statements that set its module variables) count, so untranslatable
    code elsewhere does not block; a syntax error anywhere does (nothing can be lowered).
    `Translation.module` is the sliced module."""
    times: dict[str, float] = {}
    sm, module, diags = _parse_and_lower(text, path, times, partial=True)
    if module is None or sm is None:
        return Translation(None, None, diags, times)
    sl = slice_module(module, function)
    if sl.module is None:
        return Translation(None, None, list(sl.diagnostics), times)
    extents = _extents(sm, sl.module)
    inside = [d for d in diags if any(lo <= (d.span.line, d.span.col) and (d.span.end_line, d.span.end_col) <= hi
                                      for lo, hi in extents)]
    own = list(sl.diagnostics)
    if not has_errors(inside + own):
        own += unresolved_types(sl.module)
    diags = sorted(set(inside + own), key=lambda d: (d.span.line, d.span.col, d.code, d.message))
    if has_errors(diags):
        return Translation(sl.module, None, diags, times)
    sliced = sl.module
    return _emitted(sliced, diags, times, lambda: emit_library(sliced, function))


def _extents(sm: SourceModule, sliced: ir.Module) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(start, end) positions of the source a slice consists of: its functions, from their first
    decorator on, and the statements that set its module variables."""
    import libcst as cst

    spans = {f.span for f in sliced.functions}
    out = []
    for node in sm.positions:
        if isinstance(node, cst.FunctionDef) and sm.span(node) in spans:
            sp = sm.span(node)
            start = sm.span(node.decorators[0]) if node.decorators else sp
            out.append(((start.line, start.col), (sp.end_line, sp.end_col)))
    out += [((g.span.line, g.span.col), (g.span.end_line, g.span.end_col)) for g in sliced.globals]
    return out


@dataclass
class ProgramBuild:
    translation: Translation | None
    build: BuildResult | None
    wasm_path: Path | None
    cached: bool
    crate_dir: Path | None = None


@functools.lru_cache(maxsize=1)
def _translator_digest() -> str:
    """Hash of everything that decides the generated crate: the runtime and the translator's
    sources (portalis, analyzers, codegen). Read once per process.  The same whichever way the
    package was found (the checkout's folders, an editable link tree, a wheel): it hashes the
    files' contents, not their paths."""
    h = hashlib.sha256(runtime_text().encode())
    for digest in sorted(hashlib.sha256(src.read_bytes()).digest() for src in translator_sources()):
        h.update(digest)
    return h.hexdigest()


def translator_sources() -> list[Path]:
    """Every Python file of the translator (subpackages such as codegen/emit/ included), each
    once (an installed portalis/ holds analyzers/ and codegen/; a checkout has them beside it)."""
    import portalis.analyzers
    import portalis.codegen
    roots = [Path(pkg.__path__[0]) for pkg in (sys.modules["portalis"], portalis.analyzers, portalis.codegen)]
    files = {src.resolve(): src for root in roots for src in sorted(root.rglob("*.py"))
             if src.relative_to(root).parts[0] != "server"}  # the language server: not the translator
    return [files[k] for k in sorted(files)]


def _source_key(text: str, path: str, toolchain: Toolchain, big_ints: bool = False,
                profile: str = "release") -> str:
    h = hashlib.sha256()
    for part in (__version__, Path(path).name, text, _translator_digest(), toolchain.version, toolchain.target,
                 "big" if big_ints else "i64", profile):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def build_program(text: str, path: str, *, toolchain: Toolchain | None = None, cache_dir: Path | None = None,
                  crate_dir: Path | None = None, big_ints: bool = False, profile: str = "release") -> ProgramBuild:
    """Translate and build; an unchanged program (same source, same Portalis, same profile) is
    neither re-translated nor rebuilt. `big_ints`: the big-int build (see `run_program`).
    `profile`: "release" (one codegen unit, the fastest code) or "dev" (incremental with
    `-C lto=off`: rustc ~0.5-0.6 s for a one-line edit of a 50-line program, code 0-30 % slower);
    see `portalis.codegen.build`. Anything else raises ValueError."""
    if profile not in PROFILES:
        raise ValueError(f"unknown build profile {profile!r} (expected one of {', '.join(PROFILES)})")
    toolchain = toolchain or find_toolchain()
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    key = _source_key(text, path, toolchain, big_ints, profile)
    index = cache / "programs" / f"{key}.json"
    if crate_dir is None and index.exists():
        try:
            wasm = Path(json.loads(index.read_text())["wasm"])
            if wasm.exists():
                touch(index, wasm)  # just used: the cache's pruning keeps them
                return ProgramBuild(None, None, wasm, True)
        except (OSError, ValueError, KeyError):
            pass
    tr = translate_source(text, path, big_ints=big_ints)
    if not tr.ok:
        return ProgramBuild(tr, None, None, False)
    assert tr.crate is not None
    if crate_dir is None:
        crate_dir = cache / "crates" / key[:32]
        write_crate(tr.crate, crate_dir, force=True)
    else:
        write_crate(tr.crate, crate_dir)
    # the program's identity across edits: its dev builds reuse rustc's incremental work
    program = os.path.abspath(path) + ("#big" if big_ints else "")
    res = build_wasm(crate_dir, toolchain, cache_dir=cache, program=program, profile=profile)
    if res.ok and res.wasm_path is not None:
        index.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=index.parent)
        with os.fdopen(fd, "w") as f:
            json.dump({"wasm": str(res.wasm_path)}, f)
        os.replace(tmp, index)
        if not res.cached:
            maybe_prune(cache)  # a new entry: keep the cache to its size (codegen.cache_prune)
    return ProgramBuild(tr, res, res.wasm_path if res.ok else None, res.cached, crate_dir)


@dataclass
class ProgramRun:
    """`run_program`'s outcome. `build` is the 64-bit build (its `translation` holds the
    diagnostics); `result` is None when that build failed. When the program outgrew 64-bit
    ints, `first` is the run that stopped there and `big` the big-int build that was run
    from the start instead (`result` then covers both: the output of the two runs is the
    output of one)."""

    build: ProgramBuild
    result: RunResult | None
    first: RunResult | None = None
    big: ProgramBuild | None = None


def run_program(text: str, path: str, args: Sequence[str] = (), *, limits: Limits = Limits(),
                stdin: bytes | None = None, capture: bool = True, program_name: str | None = None,
                timeout_mode: str = "trap", dirs: Sequence[tuple[str | Path, str]] = (),
                toolchain: Toolchain | None = None, cache_dir: Path | None = None,
                on_built: Callable[[ProgramBuild], None] | None = None, profile: str = "release",
                big_rerun: bool = True, tier: str | None = None) -> ProgramRun:
    """Build and run a program like `python path`: the 64-bit build first (fast); if its ints
    outgrow 64 bits, it stops right there and the big-int build (Python's int with arbitrary
    precision, built on first need and cached) runs from the start, with the same stdin,
    printing nothing until it has reproduced what the first run printed (it stops loudly if
    that differs), then carrying on. The time limit covers both runs.  `on_built(build)` is
    called before anything runs (e.g. to print the translation's warnings ahead of the
    program's output). `profile`: the build profile of both builds (see `build_program`); the
    dev profile's modules are compiled to machine code by wasmtime's baseline compiler (Winch:
    quick to load after an edit, slower code; `codegen.wasm_exec.TIERS`) unless `tier` says.
    `big_rerun=False`: a run whose ints outgrow 64 bits ends there (`result.int_limit` says
    where; nothing more is built or run), for callers that rerun it their own way."""
    name = program_name or Path(path).name
    if tier is None:
        tier = "baseline" if profile == "dev" else "optimized"  # the edit loop: see wasm_exec.TIERS
    pb = build_program(text, path, toolchain=toolchain, cache_dir=cache_dir, profile=profile)
    if on_built is not None:
        on_built(pb)
    if pb.wasm_path is None:
        return ProgramRun(pb, None)
    # this process's own stdin goes through a relay that keeps every byte read from it, so that
    # a rerun can be given the same input (wasmtime reads ahead of what the program consumes)
    relay = _StdinRelay() if stdin is None and not capture else None
    try:
        first = run_wasm(pb.wasm_path, args, limits=limits, stdin=stdin, capture=capture, program_name=name,
                         dirs=dirs, cache_dir=cache_dir, timeout_mode=timeout_mode, tier=tier, rerun_on_int_limit=True,
                         stdin_path=relay.fifo() if relay is not None else None)
    except BaseException:
        if relay is not None:
            relay.close()
        raise
    stop = first.int_limit
    if stop is None or not big_rerun:
        if relay is not None:
            relay.close()
        return ProgramRun(pb, first)
    big = build_program(text, path, toolchain=toolchain, cache_dir=cache_dir, big_ints=True, profile=profile)
    if big.wasm_path is None and relay is not None:
        relay.close()
    if big.wasm_path is None:  # a Portalis bug: the program built, its big-int build did not
        detail = big.build.format_errors() if big.build is not None else "; ".join(
            d.message for d in (big.translation.diagnostics if big.translation else []))
        msg = (f"Traceback (most recent call last):\n  File \"{name}\", line {stop.line}, in <module>\n"
               f"OverflowError: integer overflow: result does not fit in 64 bits (the big-int build failed, "
               f"a Portalis bug: {detail.strip().splitlines()[0] if detail.strip() else 'no diagnostic'})\n")
        if not capture:
            sys.stderr.write(msg)
            sys.stderr.flush()
        return ProgramRun(pb, dataclasses.replace(first, exit_code=1, stderr=first.stderr + (msg.encode() if capture else b""),
                                                 message=msg.strip()), first, big)
    left = None if limits.timeout is None else max(0.001, limits.timeout - first.seconds)
    try:
        second = run_wasm(big.wasm_path, args, limits=Limits(timeout=left, max_memory=limits.max_memory),
                          stdin=stdin, capture=capture, program_name=name, dirs=dirs, cache_dir=cache_dir,
                          timeout_mode=timeout_mode, tier=tier, repeat_of=stop,
                          stdin_path=relay.fifo() if relay is not None else None)
    finally:
        if relay is not None:
            relay.close()
    combined = dataclasses.replace(second, stdout=first.stdout + second.stdout, stderr=first.stderr + second.stderr,
                                   seconds=first.seconds + second.seconds)
    return ProgramRun(pb, combined, first, big)


class _StdinRelay:
    """This process's stdin for programs that may be rerun: one reader thread keeps every byte
    read from fd 0 (`seen`); each `fifo()` is a named pipe a run reads as its stdin, fed from the
    start of `seen` and then with whatever more arrives. A rerun's FIFO therefore replays what
    the first run read (wasmtime reads ahead of the program), then continues with the rest."""

    def __init__(self) -> None:
        self._dir = tempfile.mkdtemp(prefix="portalis-stdin-")
        self._seen = bytearray()
        self._eof = False
        self._cond = threading.Condition()
        self._fifos: list[str] = []
        threading.Thread(target=self._read, name="portalis-stdin", daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(0, 65536)
            except OSError:
                chunk = b""
            with self._cond:
                if chunk:
                    self._seen += chunk
                else:
                    self._eof = True
                self._cond.notify_all()
            if not chunk:
                return

    def fifo(self) -> str:
        path = os.path.join(self._dir, f"stdin{len(self._fifos)}")
        os.mkfifo(path)
        self._fifos.append(path)
        threading.Thread(target=self._feed, args=(path,), name="portalis-stdin-feed", daemon=True).start()
        return path

    def _feed(self, path: str) -> None:
        pos = 0
        try:
            with open(path, "wb", buffering=0) as f:
                while True:
                    with self._cond:
                        while pos == len(self._seen) and not self._eof:
                            self._cond.wait()
                        data = bytes(self._seen[pos:])
                        done = self._eof and not data
                    if done:
                        return
                    f.write(data)
                    pos += len(data)
        except OSError:
            pass  # the run is over (its end of the FIFO is closed)

    def close(self) -> None:
        for path in self._fifos:
            try:  # unblock a feeder still waiting for its reader to open the FIFO
                os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
            except OSError:
                pass
        shutil.rmtree(self._dir, ignore_errors=True)
