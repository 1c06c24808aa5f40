"""Keeping the cache to a size: every edit the language server builds adds a crate (~0.5 MB of
Rust), a module and its machine code to ``<cache>``; without a limit it grew to gigabytes.

``maybe_prune`` runs after a fresh build (at most once per ``PRUNE_EVERY_S``, across processes:
a stamp file's mtime) and deletes the least recently used per-program entries of ``KINDS``
until they take at most ``PORTALIS_CACHE_MAX_MB`` (default ``DEFAULT_MAX_MB``). Entries younger
than ``MIN_AGE_S`` are never deleted (a build or run in another process may be using them).
Everything deleted is rebuilt on next use: a program's index whose module is gone is a miss,
a missing ``.cwasm`` is compiled again, a crate directory is written again.  A cache hit
touches the index and the module (`touch`), so programs in use stay.  The runtime's rlibs
(``rt/``) and rustc's incremental directories (``incr/``, pruned by ``codegen.build``) are
not counted here.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

KINDS = ("programs", "crates", "wasm", "cwasm", "lib")
DEFAULT_MAX_MB = 2048
MIN_AGE_S = 600.0
PRUNE_EVERY_S = 600.0
STAMP = ".pruned"


def max_bytes() -> int:
    """The budget: ``$PORTALIS_CACHE_MAX_MB`` (a positive number), else ``DEFAULT_MAX_MB``."""
    try:
        mb = float(os.environ.get("PORTALIS_CACHE_MAX_MB", ""))
    except ValueError:
        mb = DEFAULT_MAX_MB
    if not mb > 0:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def touch(*paths: Path) -> None:
    """Mark cache entries as just used (their mtime); missing ones are ignored."""
    for p in paths:
        try:
            os.utime(p)
        except OSError:
            pass


def _entry(path: Path) -> tuple[float, int]:
    """(last use, bytes) of one entry: a file, or a directory (its newest file, its total)."""
    st = path.lstat()
    if not stat.S_ISDIR(st.st_mode):  # a file (or a link: not followed)
        return st.st_mtime, st.st_size
    newest, total = st.st_mtime, 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                s = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            newest, total = max(newest, s.st_mtime), total + s.st_size
    return newest, total


def prune(cache: Path, budget: int, *, now: float | None = None, min_age: float = MIN_AGE_S) -> list[Path]:
    """Delete the least recently used entries of ``KINDS`` in ``cache`` until the rest take at
    most ``budget`` bytes (entries used within ``min_age`` seconds stay, even over budget).
    Returns what was deleted, oldest first."""
    now = time.time() if now is None else now
    entries: list[tuple[float, int, Path]] = []
    for kind in KINDS:
        try:
            children = list((cache / kind).iterdir())
        except OSError:
            continue
        for p in children:
            try:
                used, size = _entry(p)
            except OSError:
                continue
            entries.append((used, size, p))
    total = sum(size for _, size, _ in entries)
    deleted: list[Path] = []
    for used, size, p in sorted(entries, key=lambda e: e[0]):
        if total <= budget or now - used < min_age:
            break
        try:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
        except OSError:
            continue
        total -= size
        deleted.append(p)
    return deleted


def maybe_prune(cache: Path) -> list[Path]:
    """`prune` to the configured budget, unless this cache was pruned in the last
    ``PRUNE_EVERY_S`` seconds (by any process). Never raises for file system errors."""
    stamp = cache / STAMP
    try:
        if time.time() - stamp.stat().st_mtime < PRUNE_EVERY_S:
            return []
    except OSError:
        pass
    try:
        cache.mkdir(parents=True, exist_ok=True)
        stamp.touch()
        return prune(cache, max_bytes())
    except OSError:
        return []
