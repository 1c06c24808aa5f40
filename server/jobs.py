"""Background work off the request path: translate -> build -> verify, one job at a time.

A job has a key (what it builds, e.g. `("function", uri, "gcd")`); submitting a job with the same
key, or editing its file, cancels the one running (it stops at its next step and its results
are dropped). Every step is reported with LSP work-done progress when the client supports it.
Jobs run on one worker thread (builds are CPU-bound and the machines have few cores); all
messages to the client are sent from the event loop (`Jobs.call`).
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

log = logging.getLogger("portalis.server.jobs")


class Cancelled(Exception):
    """The job was superseded (a newer job with its key, or an edit of its file)."""


@dataclass
class Job:
    key: tuple
    title: str
    uri: str
    version: int | None
    cancel: threading.Event = field(default_factory=threading.Event)
    future: Future | None = None
    stage: str = "queued"

    def check(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()


class Jobs:
    def __init__(self, progress: "Callable[[Job, str, str, int | None], None]"):
        # translated programs run on this pool's thread: room for the native stack their
        # WebAssembly may use (codegen/wasm_exec.py WASM_STACK) besides the host's own frames,
        # whatever the platform's default thread stack (threads made from now on)
        from portalis.codegen.wasm_exec import WASM_STACK
        threading.stack_size(max(threading.stack_size(), 4 * WASM_STACK))
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="portalis-job")
        self._lock = threading.Lock()
        self._running: dict[tuple, Job] = {}
        self._progress = progress
        self._ids = itertools.count(1)

    def submit(self, key: tuple, title: str, uri: str, version: int | None,
               work: "Callable[[Job], None]") -> Job:
        job = Job(key, title, uri, version)
        with self._lock:
            old = self._running.get(key)
            if old is not None:
                old.cancel.set()
            self._running[key] = job
        job.future = self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: "Callable[[Job], None]") -> None:
        try:
            job.check()
            work(job)
        except Cancelled:
            log.info("job %s superseded", job.key)
            self._progress(job, "end", "cancelled: superseded by a newer edit or build", None)
        except Exception:  # noqa: BLE001 - a bug in a job must not kill the server
            log.error("job %s failed:\n%s", job.key, traceback.format_exc())
            self._progress(job, "end", "failed: internal error (see the server log)", None)
        finally:
            with self._lock:
                if self._running.get(job.key) is job:
                    del self._running[job.key]

    def cancel_uri(self, uri: str) -> int:
        """Cancel every job about `uri` (its text changed); returns how many."""
        n = 0
        with self._lock:
            for job in self._running.values():
                if job.uri == uri and not job.cancel.is_set():
                    job.cancel.set()
                    n += 1
        return n

    def running(self) -> list[Job]:
        with self._lock:
            return list(self._running.values())

    def shutdown(self) -> None:
        with self._lock:
            for job in self._running.values():
                job.cancel.set()
        self._pool.shutdown(wait=False, cancel_futures=True)
