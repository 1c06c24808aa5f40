"""Where Portalis keeps its caches: ``default_cache_dir`` (``cache_dir_name``: the same as text).

Its own module, importing nothing but `os` (pathlib only when a `Path` is asked for), because
`portalis exec` needs it at start-up (``codegen.launcher``, before the process becomes the
native launcher, where every module loaded adds to the run's peak memory) and the toolchain
module's imports (subprocess, shutil, json, ...) would add a few ms to every run.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def cache_dir_name() -> str:
    """``$PORTALIS_CACHE_DIR`` or ``~/.cache/portalis``, ``~`` expanded (not created here)."""
    return os.path.expanduser(os.environ.get("PORTALIS_CACHE_DIR") or "~/.cache/portalis")


def default_cache_dir() -> Path:
    from pathlib import Path
    return Path(cache_dir_name())
