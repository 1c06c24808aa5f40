"""The pipeline as one call per step, shared by the CLI, tests, benchmarks and (later) the server.

`translate_source`: text -> (IR, crate, diagnostics) through ingest, lowering and emission.
`build_program`: text -> built .wasm (translation + rustc behind the content caches).
Keeps no global state besides the caches on disk; must not print or exit.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from portalis import __version__, ir
from portalis.analyzers.ingest import parse_module
from portalis.analyzers.lower import lower_module
from portalis.codegen.build import BuildResult, build_wasm
from portalis.codegen.crate import write_crate
from portalis.codegen.emit import RUNTIME_PATH, EmitError, RustCrate, emit_crate
from portalis.codegen.toolchain import Toolchain, default_cache_dir, find_toolchain
from portalis.diagnostics import Diagnostic, Span, has_errors, make


@dataclass
class Translation:
    module: ir.Module | None
    crate: RustCrate | None
    diagnostics: list[Diagnostic]
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.crate is not None and not has_errors(self.diagnostics)


def translate_source(text: str, path: str = "prog.py") -> Translation:
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    sm, diags = parse_module(text, path)
    times["ingest"] = time.perf_counter() - t0
    if diags:
        return Translation(None, None, diags, times)
    t0 = time.perf_counter()
    module, diags = lower_module(sm)
    times["lower"] = time.perf_counter() - t0
    if module is None:
        return Translation(None, None, diags, times)
    t0 = time.perf_counter()
    try:
        crate = emit_crate(module)
    except EmitError as e:
        span = e.span or Span(1, 0, 1, 0)
        return Translation(module, None, diags + [make("unsupported-syntax", str(e), span)], times)
    times["emit"] = time.perf_counter() - t0
    return Translation(module, crate, diags, times)


@dataclass
class ProgramBuild:
    translation: Translation | None
    build: BuildResult | None
    wasm_path: Path | None
    cached: bool
    crate_dir: Path | None = None


def _source_key(text: str, path: str, toolchain: Toolchain) -> str:
    h = hashlib.sha256()
    for part in (__version__, Path(path).name, text, RUNTIME_PATH.read_text(), toolchain.version, toolchain.target):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    for src in sorted((Path(__file__).parent.parent / "analyzers").glob("*.py")) + sorted((Path(__file__).parent.parent / "codegen").glob("*.py")):
        h.update(src.read_bytes())
    return h.hexdigest()


def build_program(text: str, path: str, *, toolchain: Toolchain | None = None, cache_dir: Path | None = None,
                  crate_dir: Path | None = None) -> ProgramBuild:
    """Translate and build; an unchanged program (same source, same Portalis) is neither re-translated nor rebuilt."""
    toolchain = toolchain or find_toolchain()
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    key = _source_key(text, path, toolchain)
    index = cache / "programs" / f"{key}.json"
    if crate_dir is None and index.exists():
        try:
            wasm = Path(json.loads(index.read_text())["wasm"])
            if wasm.exists():
                return ProgramBuild(None, None, wasm, True)
        except (OSError, ValueError, KeyError):
            pass
    tr = translate_source(text, path)
    if not tr.ok:
        return ProgramBuild(tr, None, None, False)
    assert tr.crate is not None
    if crate_dir is None:
        crate_dir = cache / "crates" / key[:32]
        write_crate(tr.crate, crate_dir, force=True)
    else:
        write_crate(tr.crate, crate_dir)
    res = build_wasm(crate_dir, toolchain, cache_dir=cache)
    if res.ok and res.wasm_path is not None:
        index.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=index.parent)
        with os.fdopen(fd, "w") as f:
            json.dump({"wasm": str(res.wasm_path)}, f)
        os.replace(tmp, index)
    return ProgramBuild(tr, res, res.wasm_path if res.ok else None, res.cached, crate_dir)
