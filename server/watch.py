"""Files changed outside the editor (git checkout, generators): watchdog sees them, the engine
gets the new text, and translations made from them are marked stale.

Events are collected for a short quiet period (a checkout changes many files at once), then
every changed `.py` file that is not open in the editor is re-read (CPython's decoding) and
its diagnostics republished; open files are the editor's business.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

log = logging.getLogger("portalis.server.watch")
QUIET_S = 0.3


class _Watcher:
    def __init__(self, ls, root: Path):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.ls = ls
        self.pending: set[str] = set()
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):  # noqa: D401 - watchdog's callback
                for p in (getattr(event, "src_path", None), getattr(event, "dest_path", None)):
                    if isinstance(p, str) and p.endswith(".py") and "/.git/" not in p:
                        watcher.changed(p)

        self.observer = Observer()
        self.observer.schedule(Handler(), str(root), recursive=True)
        self.observer.daemon = True
        self.observer.start()

    def changed(self, path: str) -> None:
        with self.lock:
            self.pending.add(path)
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(QUIET_S, self.flush)
            self.timer.daemon = True
            self.timer.start()

    def flush(self) -> None:
        from portalis.sourcefile import read_source
        with self.lock:
            paths, self.pending = self.pending, set()
        for p in sorted(paths):
            uri = Path(p).as_uri()
            if uri in self.ls.workspace.text_documents:
                continue  # the editor owns open files
            try:
                text, _ = read_source(p)
            except OSError:
                text = None
            if text is None:
                self.ls.engine.remove(p)
                continue
            self.ls.engine.set_text(p, text)
            log.info("changed on disk: %s", p)
            if self.translated(p):  # its translations may be stale now: say so
                self.ls.call(self.ls.schedule, uri, 0)

    def translated(self, path: str) -> bool:
        from portalis.server.actions import _records, out_root
        recs = _records(out_root(self.ls, Path(path).as_uri()))
        return any(r.get("file") == path for r in recs.values())

    def stop(self) -> None:
        try:
            self.observer.stop()
        except Exception:  # noqa: BLE001
            pass


def start_watcher(ls, root: Path):
    try:
        return _Watcher(ls, root)
    except Exception as e:  # noqa: BLE001 - no watching (e.g. inotify limits) is not fatal
        log.warning("not watching %s for changes: %s", root, e)
        return None
