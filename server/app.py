"""The Portalis language server: LSP handlers over the analysis engine (pygls 2 + lsprotocol).

Every handler has one shape: convert from the protocol (server.convert), ask the engine
(portalis.engine) or start a background job (server.jobs / server.actions), convert back. The
server answers every request (also those whose params do not deserialise, which pygls would
drop), never dies on an engine bug (an error response and a log line), analyses off the event
loop, debounces diagnostics while the user types, and keeps builds off the request path.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import traceback
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as T
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from portalis import __version__
from portalis.engine import Engine, ModuleAnalysis
from portalis.server import convert as C
from portalis.server.jobs import Jobs

log = logging.getLogger("portalis.server")

QUICK_S = 0.03  # quiet time before the quick diagnostics of an edited function
DEBOUNCE_S = 0.4  # ... and before the full analysis
COMMANDS = ("portalis.translateFunction", "portalis.translateModule", "portalis.buildWorkspace", "portalis.showRust")


class _Answered:
    """What `structure_message` returns for a request it already answered: ignored."""
    jsonrpc = "answered"


class PortalisProtocol(LanguageServerProtocol):
    def structure_message(self, data):  # type: ignore[override]
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                # pygls would log this and never answer: the client would wait forever
                log.warning("invalid params for %s (id %s): answered with an error", data.get("method"), data.get("id"))
                err = JsonRpcInvalidParams(f"invalid params for {data.get('method')}: {exc.__cause__ or exc}")
                self._send_response(data["id"], error=err.to_response_error())
                return _Answered()
            raise


@dataclass
class Settings:
    output_folder: str = "rust"
    build_on_save: bool = False
    untranslatable_severity: str = "information"  # or "warning"
    model_server: str = "off"
    trusted: bool = False

    def update(self, opts: Any) -> None:
        if not isinstance(opts, dict):
            return
        opts = opts.get("portalis", opts)
        if isinstance(opts.get("outputFolder"), str) and opts["outputFolder"].strip():
            self.output_folder = opts["outputFolder"].strip()
        if isinstance(opts.get("buildOnSave"), bool):
            self.build_on_save = opts["buildOnSave"]
        diag = opts.get("diagnostics")
        sev = diag.get("untranslatableSeverity") if isinstance(diag, dict) else opts.get("diagnostics.untranslatableSeverity")
        if isinstance(sev, str) and sev.lower() in ("information", "warning"):
            self.untranslatable_severity = sev.lower()
        if isinstance(opts.get("modelServer"), str):
            self.model_server = opts["modelServer"]
        if isinstance(opts.get("trusted"), bool):
            self.trusted = opts["trusted"]


@dataclass
class DocState:
    version: int | None = None
    requested: set[str] = field(default_factory=set)  # functions the user asked to translate
    findings: list[T.Diagnostic] = field(default_factory=list)  # from builds/verification
    findings_version: int | None = None
    built: dict[str, str] = field(default_factory=dict)  # function -> "built: ..., verified on ..."
    inferred: tuple[str, Any] | None = None  # (text, portalis.infer.FileTypes): hover's cache per text
    # function -> {slot ("return" or a parameter): type} the annotate action offered from the type
    # model: where the source has exactly these annotations, they are guesses until a build of
    # the function verifies against CPython
    guesses: dict[str, dict[str, str]] = field(default_factory=dict)


class PortalisServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("portalis", __version__, protocol_cls=PortalisProtocol,
                         text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.engine = Engine()
        self.settings = Settings()
        self.docs: dict[str, DocState] = {}
        self.root: Path | None = None
        # quick analyses and requests never wait behind a full analysis of a large module
        self.analysis_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="portalis-analysis")
        self.full_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="portalis-full-analysis")
        self.jobs = Jobs(self._job_progress)
        self.loop: asyncio.AbstractEventLoop | None = None
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._tokens: dict[tuple, str] = {}
        self._diag_cache: dict[tuple, dict] = {}  # see publish_diagnostics
        self._superseded = 0  # full analyses given up since the last collection
        self._collections = 0
        self.watcher = None
        self.lock = threading.Lock()

    def start_io(self, stdin=None, stdout=None) -> None:
        """pygls' stdio loop, with the client's messages read on the event loop itself: pygls
        reads each header line and each body on a worker thread, three thread hops per message,
        which were most of a warm hover's time."""
        import sys

        from pygls.io_ import StdoutWriter, run_async
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        reader = _LoopReader(stdin or sys.stdin.buffer, self.thread_pool)
        try:
            asyncio.run(run_async(stop_event=self._stop_event, reader=reader, protocol=self.protocol,
                                  logger=log, error_handler=self.report_server_error))
        except BrokenPipeError:
            log.error("the connection to the client is lost: shutting down")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    # ---- helpers

    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding if self.protocol.workspace is not None else None
        return enc or T.PositionEncodingKind.Utf16

    def path_of(self, uri: str) -> str:
        from pygls.uris import to_fs_path
        return to_fs_path(uri) or uri

    def state(self, uri: str) -> DocState:
        return self.docs.setdefault(uri, DocState())

    def text_of(self, uri: str) -> str | None:
        doc = self.workspace.text_documents.get(uri)
        if doc is not None:
            return doc.source
        return self.engine.text(self.path_of(uri))

    def call(self, fn, *args) -> None:
        """Run fn on the event loop (from a job or watcher thread)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(lambda: _safely(fn, *args))

    async def analysis(self, uri: str) -> ModuleAnalysis:
        """For requests (hover, code actions): the full analysis if it is ready, else a quick one
        of the edited function (provisional), else a full analysis now."""
        path = self.path_of(uri)
        assert self.loop is not None
        hit = self.engine.cached(path)
        if hit is not None:
            return hit
        quick = await self.loop.run_in_executor(self.analysis_pool, self.engine.quick, path)
        if quick is not None:
            return quick
        a = await self.loop.run_in_executor(self.full_pool, self._full_analysis, path)
        while a is None:  # superseded by an edit while it ran: analyse the newer text
            a = await self.loop.run_in_executor(self.full_pool, self._full_analysis, path)
        return a

    def _full_analysis(self, path: str) -> ModuleAnalysis:
        """A full analysis, then the memory it freed given back to the system (a parse of a
        large module peaks at several times what the analysis keeps: glibc keeps the freed
        pages otherwise, and the server would sit at that peak)."""
        fresh = self.engine.cached(path) is None
        a = self.engine.analysis(path, give_up_when_stale=True)
        current = a is not None and a.revision == self.engine.revision(path)
        if not current:  # superseded; its garbage is collected with a later one's (see _collect_only_when_idle)
            self._superseded += 1
        if fresh and (current or self._superseded >= 8):
            self._superseded = 0
            self._collections += 1
            # queued behind whatever waits for this analysis (a first hover, the diagnostics)
            self.full_pool.submit(_trim_memory, self._collections % 20 == 0)
        return a

    def log_message(self, msg: str, kind: T.MessageType = T.MessageType.Info) -> None:
        log.info(msg)
        self.window_log_message(T.LogMessageParams(type=kind, message=msg))

    def show_message(self, msg: str, kind: T.MessageType = T.MessageType.Info) -> None:
        self.window_show_message(T.ShowMessageParams(type=kind, message=msg))

    # ---- diagnostics

    def schedule(self, uri: str, delay: float = DEBOUNCE_S) -> None:
        """Diagnostics after an edit: quickly (the edited function re-analysed, when the edit is
        inside one function body) and then in full once typing pauses; each new edit restarts
        both timers. delay=0: in full, now (a file opened or changed on disk)."""
        if self.loop is None:
            return
        for key in (uri, uri + "#quick"):
            old = self._timers.pop(key, None)
            if old is not None:
                old.cancel()
        if delay > 0:
            self._timers[uri + "#quick"] = self.loop.call_later(
                QUICK_S, lambda: asyncio.ensure_future(self.publish(uri, full=False)))
        self._timers[uri] = self.loop.call_later(delay, lambda: asyncio.ensure_future(self.publish(uri)))

    async def publish(self, uri: str, full: bool = True) -> None:
        st = self.state(uri)
        version = st.version
        path = self.path_of(uri)
        assert self.loop is not None
        try:
            if full:
                a = await self.loop.run_in_executor(self.full_pool, self._full_analysis, path)
                if a is None:
                    return  # the text changed meanwhile: the newer edit's analysis publishes
            else:
                a = await self.loop.run_in_executor(self.analysis_pool, self.engine.quick, path)
                if a is None:
                    return  # not an edit the quick path handles: the full analysis follows
        except Exception:  # noqa: BLE001 - the engine never raises; if it does, say so and go on
            log.error("analysis of %s failed:\n%s", uri, traceback.format_exc())
            return
        if st.version != version:
            return  # a newer edit will publish
        self.publish_diagnostics(uri, a, version)

    def publish_diagnostics(self, uri: str, a: ModuleAnalysis, version: int | None) -> None:
        """publishDiagnostics, each analysis diagnostic converted and serialised once and reused
        by later publications while its text and lines are unchanged (lsprotocol's converter takes
        ~0.1 ms per diagnostic: 20 ms for the ~200 of a 5,000-line module, after every edit)."""
        send = getattr(self.protocol, "_send_data", None)
        if send is None:  # not pygls 2.1's protocol: the documented way
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
                uri=uri, diagnostics=self.lsp_diagnostics(uri, a), version=version))
            return
        conv = self.protocol._converter
        items = []
        for key, make in self._diagnostic_sources(uri, a):
            hit = self._diag_cache.get(key) if key is not None else None
            if hit is None:
                hit = conv.unstructure(make())
                if key is not None:
                    if len(self._diag_cache) > 20_000:
                        self._diag_cache.clear()
                    self._diag_cache[key] = hit
            items.append(hit)
        params: dict[str, Any] = {"uri": uri, "diagnostics": items}
        if version is not None:
            params["version"] = version
        send({"jsonrpc": "2.0", "method": T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, "params": params})

    def lsp_diagnostics(self, uri: str, a: ModuleAnalysis) -> list[T.Diagnostic]:
        return [make() for _, make in self._diagnostic_sources(uri, a)]

    def _diagnostic_sources(self, uri: str, a: ModuleAnalysis) -> list[tuple[Any, Any]]:
        """(cache key or None, a function making the LSP diagnostic) for the analysis'
        diagnostics, the findings of the last verification and stale translations. A key holds
        everything the conversion reads (the lines spanned: columns depend on their text)."""
        st = self.state(uri)
        lines = C.lines_of(a.text)
        out: list[tuple[Any, Any]] = []
        sev, enc = self.settings.untranslatable_severity, self.encoding
        for d in a.diagnostics:
            f = a.function_containing(d.span.line)
            requested = f is not None and f.name in st.requested
            lo, hi = max(d.span.line - 1, 0), max(d.span.end_line, d.span.line)
            out.append(((d, sev, enc, requested, tuple(lines[lo:hi])),
                        lambda d=d, requested=requested: C.to_lsp_diagnostic(
                            lines, d, enc, untranslatable=sev, requested=requested)))
        if st.findings and st.findings_version == st.version:
            out += [(None, lambda x=x: x) for x in st.findings]
        from portalis.server import actions
        for f, crate in actions.stale_functions(self, uri, a):
            out.append((None, lambda f=f, crate=crate: T.Diagnostic(
                range=C.to_lsp_range(lines, f.name_span, enc), severity=T.DiagnosticSeverity.Hint,
                source="portalis", code="stale-translation",
                message=f"The Rust in {crate} is out of date: `{f.name}` changed since it was translated"
                + (" (rebuilt on save)" if self.settings.build_on_save else ""))))
        return out

    # ---- progress from jobs (called on the job thread)

    def _job_progress(self, job, kind: str, message: str, percentage: int | None) -> None:
        supports = bool(self.client_capabilities and self.client_capabilities.window
                        and self.client_capabilities.window.work_done_progress)
        key = job.key
        if kind == "begin":
            token = f"portalis/{uuid.uuid4().hex}"  # never reused (id(job) was, once a job was freed)
            self._tokens[key] = token
            if supports:
                created = threading.Event()
                self.call(lambda: self.work_done_progress.create(token, lambda *a, **k: created.set()))
                created.wait(5)
                self.call(lambda: self.work_done_progress.begin(token, T.WorkDoneProgressBegin(
                    title=job.title, message=message, percentage=0, cancellable=False)))
            self.call(self.log_message, f"{job.title}: {message}")
        elif kind == "report":
            token = self._tokens.get(key)
            if supports and token:
                self.call(lambda: self.work_done_progress.report(token, T.WorkDoneProgressReport(
                    message=message, percentage=percentage)))
            self.call(self.log_message, f"{job.title}: {message}")
        else:
            token = self._tokens.pop(key, None)
            if supports and token:
                self.call(lambda: self.work_done_progress.end(token, T.WorkDoneProgressEnd(message=message)))
            self.call(self.log_message, f"{job.title}: {message}")


class _LoopReader:
    """The client's byte stream read by the event loop (`connect_read_pipe`); where the input
    is not a pipe, socket or terminal (a regular file), pygls' thread-based reader."""

    def __init__(self, src, executor) -> None:
        self.src, self.executor = src, executor
        self._stream: asyncio.StreamReader | None = None
        self._fallback = None

    async def _ready(self) -> None:
        if self._stream is not None or self._fallback is not None:
            return
        loop = asyncio.get_running_loop()
        stream = asyncio.StreamReader(limit=2**20, loop=loop)
        try:
            await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream, loop=loop), self.src)
            self._stream = stream
        except (ValueError, OSError):
            from pygls.io_ import StdinAsyncReader
            self._fallback = StdinAsyncReader(self.src, self.executor)

    async def readline(self) -> bytes:
        await self._ready()
        if self._stream is None:
            return await self._fallback.readline()
        try:
            return await self._stream.readline()
        except ValueError:  # a header line longer than the limit: not LSP; skip what was read
            return b"\n"

    async def readexactly(self, n: int) -> bytes:
        await self._ready()
        if self._stream is None:
            return await self._fallback.readexactly(n)
        try:
            return await self._stream.readexactly(n)
        except asyncio.IncompleteReadError as e:  # the client closed the stream
            return e.partial


def _collect_only_when_idle() -> None:
    """No automatic full collections: with the trees of a large module alive, one takes
    250-500 ms and holds the GIL, so it stalled whatever edit or hover it fell on (measured on
    5,000 lines: edit -> diagnostics ~60 ms without, 170-330 ms with). The young generations are
    still collected as usual; the rest after each full analysis whose text is still current,
    once typing has paused (`_trim_memory`)."""
    import gc
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 2**30)


def _trim_memory(everything: bool = True) -> None:
    """Collect, then freeze what survived (`gc.freeze`): later collections skip it, ~50 ms
    instead of ~350 ms after an analysis of 5,000 lines. Reference cycles among frozen objects
    that die later are only found by a collection with `everything` (every 20th)."""
    import gc
    if everything:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _safely(fn, *args) -> None:
    try:
        r = fn(*args)
        if asyncio.iscoroutine(r):
            asyncio.ensure_future(r)
    except Exception:  # noqa: BLE001 - never let a callback kill the loop
        log.error("callback failed:\n%s", traceback.format_exc())


server = None  # set by make_server()


def make_server() -> PortalisServer:
    ls = PortalisServer()
    from portalis.server import handlers
    handlers.register(ls)
    return ls


def serve(argv: list[str]) -> int:
    """`portalis serve [--stdio] [--tcp --port N] [--log FILE]`."""
    import argparse
    ap = argparse.ArgumentParser(prog="portalis serve")
    ap.add_argument("--stdio", action="store_true", help="speak LSP on stdin/stdout (the default)")
    ap.add_argument("--tcp", action="store_true", help="listen on TCP instead (for debugging)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=2087)
    ap.add_argument("--log", help="write the server log to this file (default: stderr)")
    ap.add_argument("--log-level", default=os.environ.get("PORTALIS_LOG", "INFO"))
    a = ap.parse_args(argv)
    handler: logging.Handler = logging.FileHandler(a.log) if a.log else logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(a.log_level.upper() if a.log_level.upper() in ("DEBUG", "INFO", "WARNING", "ERROR") else "INFO")
    logging.getLogger("pygls").setLevel(logging.WARNING)
    # short GIL turns: a quick re-analysis or a hover must not wait long behind a full analysis
    # of a large module running on another thread
    import sys
    sys.setswitchinterval(0.001)
    _collect_only_when_idle()
    ls = make_server()
    if a.tcp:
        ls.start_tcp(a.host, a.port)
    else:
        ls.start_io()
    return 0
