"""Where Portalis keeps its caches: ``default_cache_dir`` (``cache_dir_name``: the same as text).

Its own small module (`cache_dir_name` itself is defined in `codegen.exec_start`, the only code
`portalis exec` loads before it becomes the native launcher): the toolchain module's imports
(subprocess, shutil, json, ...) would add a few ms to every run.
"""

from __future__ import annotations

from .exec_start import cache_dir_name  # noqa: F401  (defined there: `exec` loads only that module)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def default_cache_dir() -> Path:
    from pathlib import Path
    return Path(cache_dir_name())
