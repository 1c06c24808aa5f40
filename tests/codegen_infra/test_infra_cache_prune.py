"""The cache is kept to a size (portalis.codegen.cache_prune): least recently used programs go,
young entries and the runtime stay, and whatever went is rebuilt on next use (real builds)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from portalis.codegen import cache_prune
from portalis.codegen.cache_prune import maybe_prune, prune
from portalis.pipeline import build_program, run_program


def _file(p: Path, size: int, age_s: float) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(b"x" * size)
    t = time.time() - age_s
    os.utime(p, (t, t))
    return p


def test_least_recently_used_go_first_young_ones_and_other_folders_stay(tmp_path: Path) -> None:
    old_wasm = _file(tmp_path / "wasm" / "a.wasm", 1000, 5000)
    old_crate = tmp_path / "crates" / "c1"
    _file(old_crate / "src" / "main.rs", 3000, 4000)
    used_crate = tmp_path / "crates" / "c2"
    _file(used_crate / "src" / "main.rs", 3000, 9000)
    _file(used_crate / "Cargo.toml", 10, 3000)  # a directory is as recent as its newest file
    for d, age in ((old_crate, 4000), (old_crate / "src", 4000), (used_crate, 9000), (used_crate / "src", 9000)):
        os.utime(d, (time.time() - age,) * 2)
    index = _file(tmp_path / "programs" / "k.json", 100, 2000)
    young = _file(tmp_path / "cwasm" / "y.cwasm", 5000, 10)  # used a moment ago: never deleted
    runtime = _file(tmp_path / "rt" / "libpyrt-x.rlib", 9000, 99999)  # not a per-program entry
    deleted = prune(tmp_path, budget=5200)
    assert deleted == [old_wasm, old_crate, used_crate]  # then 5100 bytes are left
    assert index.exists() and young.exists() and runtime.exists()
    # over budget with only young entries left: they stay
    assert prune(tmp_path, budget=0) == [index] and young.exists()


def test_pruned_at_most_every_ten_minutes_across_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTALIS_CACHE_MAX_MB", "0.001")
    old = _file(tmp_path / "wasm" / "a.wasm", 5000, 5000)
    _file(tmp_path / cache_prune.STAMP, 0, 60)  # pruned a minute ago (by some process)
    assert maybe_prune(tmp_path) == [] and old.exists()
    os.utime(tmp_path / cache_prune.STAMP, (time.time() - 700,) * 2)
    assert maybe_prune(tmp_path) == [old]
    assert maybe_prune(tmp_path / "not-yet-made") == []


@pytest.mark.parametrize("value, mb", [("", 2048), ("100", 100), ("0.5", 0.5), ("-1", 2048), ("big", 2048),
                                       ("nan", 2048)])
def test_budget_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str, mb: float) -> None:
    monkeypatch.setenv("PORTALIS_CACHE_MAX_MB", value)
    assert cache_prune.max_bytes() == int(mb * 1024 * 1024)


def test_real_builds_are_pruned_and_rebuilt(tmp_path: Path, cache_dir: Path, toolchain,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    build_program("print(1)\n", "warm.py", toolchain=toolchain, cache_dir=cache_dir)  # the runtime, built once
    cache = tmp_path / "cache"
    shutil.copytree(cache_dir / "rt", cache / "rt")
    texts = [f"xs = [i * {k} for i in range(4)]\nprint(xs, sum(xs))\n" for k in range(3)]
    builds = [build_program(t, f"p{k}.py", toolchain=toolchain, cache_dir=cache) for k, t in enumerate(texts)]
    assert all(b.wasm_path is not None and not b.cached for b in builds)
    past = time.time() - 3600
    for kind in cache_prune.KINDS:
        for p in (cache / kind).glob("*"):
            for f in [p, *p.rglob("*")]:
                os.utime(f, (past, past))
    hit = build_program(texts[2], "p2.py", toolchain=toolchain, cache_dir=cache)
    assert hit.cached and hit.wasm_path == builds[2].wasm_path
    assert builds[2].wasm_path.stat().st_mtime > past + 3000  # a hit marks the module as used
    monkeypatch.setenv("PORTALIS_CACHE_MAX_MB", "0.001")  # everything not used lately goes
    (cache / cache_prune.STAMP).unlink(missing_ok=True)
    fresh = build_program("print('new')\n", "p3.py", toolchain=toolchain, cache_dir=cache)
    assert fresh.wasm_path is not None and fresh.wasm_path.exists()
    assert not builds[0].wasm_path.exists() and not builds[1].wasm_path.exists()
    assert builds[2].wasm_path.exists() and (cache / "rt").is_dir()
    assert len(list((cache / "crates").glob("*"))) == 1  # p3's: p2's crate was not used by the hit
    again = run_program(texts[0], "p0.py", toolchain=toolchain, cache_dir=cache)  # rebuilt on next use
    assert not again.build.cached and again.result is not None
    assert again.result.stdout == b"[0, 0, 0, 0] 0\n"
