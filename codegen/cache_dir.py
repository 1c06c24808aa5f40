"""Where Portalis keeps its caches: ``default_cache_dir``.

Its own module, with nothing but `os` and `pathlib` imported, because `portalis exec`
(``codegen.wasm_exec``) needs it at start-up and the toolchain module's imports (subprocess,
shutil, json, ...) would add a few ms to every run.
"""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """``$PORTALIS_CACHE_DIR`` or ``~/.cache/portalis`` (not created here)."""
    env = os.environ.get("PORTALIS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path("~/.cache/portalis").expanduser()
