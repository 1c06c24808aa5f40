"""The LSP features: each converts from the protocol, asks the engine or starts a job, and
converts back (server.convert). Registered on a PortalisServer by `register`."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

from lsprotocol import types as T

from portalis.server import actions
from portalis.server import convert as C
from portalis.server.app import COMMANDS, PortalisServer

log = logging.getLogger("portalis.server.handlers")
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", "rust", "target", ".tox", "build", "dist"}


async def _inferred(ls: PortalisServer, uri: str, text: str):
    """portalis.infer on the document, cached per text, computed off the event loop (no jedi;
    the model as the `modelServer` setting says: ~0.13 s for 1,000 lines, ~0.6 s for 5,000
    without it, once per text)."""
    st = ls.state(uri)
    if st.inferred is not None and st.inferred[0] == text:
        return st.inferred[1]

    server = ls.settings.model_server

    def run():
        from portalis.infer import infer_file
        ft = infer_file(text, ls.path_of(uri), use_jedi=False, model_server=server)
        return None if ft.error is not None else ft
    assert ls.loop is not None
    # the slow lane: clients ask for code actions at every cursor move, and the quick diagnostics
    # of an edit (analysis_pool) must not wait behind this
    ft = await ls.loop.run_in_executor(ls.full_pool, run)
    st.inferred = (text, ft)
    return ft


async def _annotate_action(ls: PortalisServer, uri: str, a, lines: list[str], line: int) -> T.CodeAction | None:
    """"Annotate `f` with inferred types": the function at the cursor (its `def` line, or the
    top-level function around it) with portalis.infer's types written where there is no
    annotation (analyzers/infer/annotate.py). A quick fix where the translator cannot settle a
    slot of it. Model answers are guesses: the title says so, and a translation with them is
    reported as verified only once its build and its check against CPython agree."""
    from portalis.infer.annotate import annotate
    info = a.function_containing(line)
    on_def = 0 < line <= len(lines) and lines[line - 1].lstrip().startswith(("def ", "async def "))
    if not on_def and (info is None or all(s.source == "annotation" for s in (*info.params, info.returns))):
        return None  # nothing to annotate here: no inference run for this cursor position
    ft = await _inferred(ls, uri, a.text)
    if ft is None:
        return None
    fn = next((f for f in ft.functions if f.line == line), None)
    if fn is None and info is not None:
        fn = ft.function(info.name)
    if fn is None:
        return None
    done = annotate(a.text, fn.name, fn)
    if done is None:
        return None
    info = a.function(fn.name)
    unsettled = info is not None and (not info.translatable or info.returns.python == "unknown"
                                      or any(p.python == "unknown" for p in info.params))
    guesses = [n for n, _, src in done.slots if src == "model"]
    title = f"Annotate `{fn.name}` with inferred types" + (
        f" ({', '.join(guesses)}: the model's guess{'es' if len(guesses) > 1 else ''})" if guesses else "")
    end = (T.Position(line=done.last_line, character=0) if done.last_line < len(lines) else
           C.to_lsp_position(lines, done.last_line, len(lines[done.last_line - 1]), ls.encoding))
    edit = T.TextEdit(range=T.Range(start=T.Position(line=done.first_line - 1, character=0), end=end),
                      new_text=done.text)
    if guesses:  # remembered: once the source has these annotations, they are the model's guesses
        ls.state(uri).guesses[fn.name] = {n: t for n, t, src in done.slots if src == "model"}
    return T.CodeAction(title=title, kind=T.CodeActionKind.QuickFix if unsettled else T.CodeActionKind.RefactorRewrite,
                        edit=T.WorkspaceEdit(changes={uri: [edit]}), is_preferred=unsettled and not guesses)


def _word_at(lines: list[str], line: int, col: int) -> str:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    a = b = min(col, len(text))
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] == "_"):
        a -= 1
    while b < len(text) and (text[b].isalnum() or text[b] == "_"):
        b += 1
    return text[a:b]


def register(ls: PortalisServer) -> None:  # noqa: C901 - one table of features

    @ls.feature(T.INITIALIZE)
    def initialize(ls: PortalisServer, params: T.InitializeParams):
        ls.loop = asyncio.get_event_loop()
        ls.settings.update(params.initialization_options or {})
        root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
        if root:
            ls.root = Path(ls.path_of(root))
        log.info("initialised: root=%s trusted=%s", ls.root, ls.settings.trusted)

    @ls.feature(T.INITIALIZED)
    def initialized(ls: PortalisServer, params: T.InitializedParams):
        # import the analyzers now (not on the analysis thread: the first file opened must not
        # wait behind it)
        import threading
        threading.Thread(target=_warm_up, daemon=True, name="portalis-warm-up").start()
        if ls.root is not None and ls.root.is_dir():
            from portalis.server.watch import start_watcher
            ls.watcher = start_watcher(ls, ls.root)
        if not ls.settings.trusted:
            ls.log_message("Portalis: this workspace is not trusted: analysis, hover and diagnostics only; "
                           "nothing is built or run.")

    @ls.feature(T.SHUTDOWN)
    def shutdown(ls: PortalisServer, params: Any):
        ls.jobs.shutdown()
        if ls.watcher is not None:
            ls.watcher.stop()

    @ls.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: PortalisServer, params: T.DidChangeConfigurationParams):
        before = ls.settings.untranslatable_severity
        ls.settings.update(params.settings or {})
        if ls.settings.untranslatable_severity != before:
            for uri in list(ls.workspace.text_documents):
                ls.schedule(uri, 0)

    # ---- documents

    @ls.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PortalisServer, params: T.DidOpenTextDocumentParams):
        uri = params.text_document.uri
        st = ls.state(uri)
        st.version = params.text_document.version
        ls.engine.set_text(ls.path_of(uri), params.text_document.text)
        ls.schedule(uri, 0)

    @ls.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PortalisServer, params: T.DidChangeTextDocumentParams):
        uri = params.text_document.uri
        doc = ls.workspace.get_text_document(uri)
        st = ls.state(uri)
        st.version = params.text_document.version
        st.findings = []  # results of builds of an older text are stale
        ls.jobs.cancel_uri(uri)  # a build of the old text is superseded
        ls.engine.set_text(ls.path_of(uri), doc.source)
        ls.schedule(uri)

    @ls.feature(T.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: PortalisServer, params: T.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if not ls.settings.build_on_save:
            return
        a = await ls.analysis(uri)
        for f, _crate in actions.stale_functions(ls, uri, a):
            if f.translatable:
                _submit_function(ls, uri, a, f)

    @ls.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PortalisServer, params: T.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        ls.docs.pop(uri, None)
        p = Path(ls.path_of(uri))
        from portalis.sourcefile import read_source
        try:
            text, _ = read_source(p)
        except OSError:
            text = None
        if text is None:
            ls.engine.remove(str(p))
        else:
            ls.engine.set_text(str(p), text)  # back to what is on disk
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # ---- hover

    @ls.feature(T.TEXT_DOCUMENT_HOVER)
    async def hover(ls: PortalisServer, params: T.HoverParams):
        uri = params.text_document.uri
        a = await ls.analysis(uri)
        lines = C.lines_of(a.text)
        line, col = C.from_lsp_position(lines, params.position, ls.encoding)
        f = a.function_at(line, col)
        if f is not None:
            st = ls.state(uri)
            stale = any(s.name == f.name for s, _ in actions.stale_functions(ls, uri, a))
            inferred = None
            if not f.translatable or f.returns.python == "unknown" or any(s.python == "unknown" for s in f.params):
                ft = await _inferred(ls, uri, a.text)  # the translator did not settle it: what layered inference says
                inferred = ft.function(f.name) if ft is not None else None
            return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown,
                                                    value=C.function_hover(f, stale=stale, built=st.built.get(f.name),
                                                                           inferred=inferred)),
                           range=C.to_lsp_range(lines, f.name_span if f.name_span.line == line else
                                                _word_span(lines, line, col), ls.encoding))
        hit = a.slot_at(line, col)
        if hit is not None:
            fn, slot = hit
            return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=C.slot_hover(fn, slot)))
        on_def = 0 < line <= len(lines) and lines[line - 1].lstrip().startswith(("def ", "async def "))
        ft = await _inferred(ls, uri, a.text) if on_def else None  # a def the engine does not list (nested functions, methods of nested classes)
        if ft is not None:
            word = _word_span(lines, line, col)
            for fn in ft.functions:
                if fn.line == line and fn.name.rsplit(".", 1)[-1] == _word_at(lines, line, col):
                    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=C.inferred_hover(fn)),
                                   range=C.to_lsp_range(lines, word, ls.encoding))
        return None

    # ---- code actions and commands

    @ls.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(
        code_action_kinds=[T.CodeActionKind.Refactor, T.CodeActionKind.QuickFix, T.CodeActionKind.RefactorRewrite,
                           T.CodeActionKind.Source], resolve_provider=False))
    async def code_action(ls: PortalisServer, params: T.CodeActionParams):
        uri = params.text_document.uri
        a = await ls.analysis(uri)
        lines = C.lines_of(a.text)
        line, _ = C.from_lsp_position(lines, params.range.start, ls.encoding)
        out = []
        f = a.function_containing(line)
        if f is not None:
            out.append(T.CodeAction(title=f"Translate `{f.name}` to Rust", kind=T.CodeActionKind.Refactor,
                                    command=T.Command(title=f"Translate `{f.name}` to Rust",
                                                      command="portalis.translateFunction", arguments=[uri, f.name]),
                                    disabled=None if f.translatable else T.CodeActionDisabled(
                                        reason=f.blocking[0].message if f.blocking else "types could not be inferred")))
        fix = await _annotate_action(ls, uri, a, lines, line)
        if fix is not None:
            out.append(fix)
        out.append(T.CodeAction(title="Translate module to Rust", kind=T.CodeActionKind.Source,
                                command=T.Command(title="Translate module to Rust", command="portalis.translateModule",
                                                  arguments=[uri])))
        return out

    @ls.command("portalis.translateFunction")
    async def translate_function(ls: PortalisServer, *args):
        uri, name = _uri_and_function(args)
        a = await ls.analysis(uri)
        if isinstance(name, dict):  # a position instead of a name
            lines = C.lines_of(a.text)
            line, col = C.from_lsp_position(lines, T.Position(line=name.get("line", 0), character=name.get("character", 0)),
                                            ls.encoding)
            f = a.function_containing(line)
        else:
            f = a.function(name) if name else None
        if f is None:
            raise ValueError(f"no function {name!r} in {uri}")
        ls.state(uri).requested.add(f.name)
        ls.schedule(uri, 0)  # its refusals become errors
        if not f.translatable:
            d = f.blocking[0] if f.blocking else None
            msg = f"`{f.name}` cannot be translated" + (f": line {d.span.line}: {d.message}" if d else "")
            ls.show_message(msg, T.MessageType.Warning)
            return {"ok": False, "reason": msg}
        job = _submit_function(ls, uri, a, f)
        return {"ok": True, "job": job.title, "function": f.name}

    @ls.command("portalis.translateModule")
    async def translate_module(ls: PortalisServer, *args):
        uri = _uri_and_function(args)[0]
        a = await ls.analysis(uri)
        job = ls.jobs.submit(("module", uri), f"Portalis: translate {Path(a.path).name}", uri, ls.state(uri).version,
                             lambda job: actions.translate_module(ls, job, a))
        return {"ok": True, "job": job.title}

    @ls.command("portalis.buildWorkspace")
    async def build_workspace(ls: PortalisServer, *args):
        files = []
        for path in _workspace_files(ls):
            uri = Path(path).as_uri()
            if uri not in ls.workspace.text_documents:
                from portalis.sourcefile import read_source
                try:
                    text, _ = read_source(path)
                except OSError:
                    continue
                if text is None:
                    continue
                ls.engine.set_text(str(path), text)
            files.append((uri, await ls.analysis(uri)))
        job = ls.jobs.submit(("workspace",), "Portalis: build workspace", "", None,
                             lambda job: actions.build_workspace(ls, job, files))
        return {"ok": True, "job": job.title, "modules": len(files)}

    @ls.command("portalis.showRust")
    async def show_rust(ls: PortalisServer, *args):
        uri, where = _uri_and_function(args)
        a = await ls.analysis(uri)
        f = None
        if isinstance(where, dict):
            lines = C.lines_of(a.text)
            line, _ = C.from_lsp_position(lines, T.Position(line=where.get("line", 0), character=where.get("character", 0)),
                                          ls.encoding)
            f = a.function_containing(line)
        elif isinstance(where, str):
            f = a.function(where)
        if f is None:
            raise ValueError("no function at that position")
        from portalis.pipeline import translate_function as tf
        tr = tf(a.text, a.path, f.name)
        if tr.crate is None:
            raise ValueError(f"`{f.name}` cannot be translated")
        crate = actions.out_root(ls, uri) / tr.crate.name
        lib = crate / "src" / "lib.rs"
        if lib.is_file():
            actions.show(ls, lib, actions.rust_line_of(lib, actions._rust_name(f)))
        from portalis.codegen.format import format_crate
        return {"ok": True, "file": str(lib) if lib.is_file() else None,
                "rust": format_crate(tr.crate).files["src/lib.rs"]}


_WARM_UP = """\
import math
LIMIT = len([1, 2])


def f(a: int, b: float = 1.5) -> str:
    xs = [a, a * 2]
    d = {"k": a}
    for x in xs:
        if x % 2 == 0 and x in d.values():
            d[str(x)] = x
    return f"{a}: {math.sqrt(b):.2f} {sorted(xs)}"


if __name__ == "__main__":
    print(f(LIMIT))
"""


def _warm_up() -> None:
    """Load what the first analysis needs (modules imported on first use, the parser, the
    lowering's tables) before the first file arrives: a small module analysed end to end."""
    import portalis.codegen.emit  # noqa: F401
    from portalis.engine import analyse
    analyse(_WARM_UP, "<portalis-warm-up>.py")


def _submit_function(ls: PortalisServer, uri: str, a, f):
    return ls.jobs.submit(("function", uri, f.name), f"Portalis: translate `{f.name}`", uri, ls.state(uri).version,
                          lambda job: actions.translate_function(ls, job, a, f))


def _uri_and_function(args: Any) -> tuple[str, Any]:
    if isinstance(args, (list, tuple)) and args:
        first = args[0]
        if isinstance(first, dict) and "uri" in first:  # {"uri":..., "function"/"position":...}
            return first["uri"], first.get("function") or first.get("position")
        if isinstance(first, str):
            return first, args[1] if len(args) > 1 else None
    raise ValueError("expected [uri, function name or position]")


def _word_span(lines, line: int, col: int):
    from portalis.diagnostics import Span
    return Span.point(line, col)


def _workspace_files(ls: PortalisServer) -> list[str]:
    out = []
    if ls.root is None:
        return [ls.path_of(u) for u in ls.workspace.text_documents if u.endswith(".py")]
    for root, dirs, files in os.walk(ls.root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        out += [os.path.join(root, f) for f in sorted(files) if f.endswith(".py")]
        if len(out) > 2000:
            break
    return out


__all__ = ["register", "COMMANDS"]
