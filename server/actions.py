"""What the commands do: translate a function or a module into a crate, build it, verify it
against CPython, and report. Runs on the job thread (server.jobs); talks to the client only
through `PortalisServer.call`.

Crates go to `<workspace>/<outputFolder>/<crate name>` (the CLI's `rust/<module>_<NAME>` and
`rust/<module>`). A crate file the user edited is never overwritten without asking
(window/showMessageRequest: overwrite, or keep the edits and stop). What was translated from
which source is recorded in `<outputFolder>/.portalis-translations.json`, so a function whose
Python changed since (in the editor, or on disk: git checkout) is marked stale.
"""

from __future__ import annotations

import dataclasses

import json
import logging
import threading
import time
from pathlib import Path

from lsprotocol import types as T

from portalis.engine import FunctionInfo, ModuleAnalysis
from portalis.server import convert as C
from portalis.server.jobs import Job

log = logging.getLogger("portalis.server.actions")
RECORD = ".portalis-translations.json"


def out_root(ls, uri: str) -> Path:
    base = ls.root or Path(ls.path_of(uri)).parent
    folder = Path(ls.settings.output_folder)
    return folder if folder.is_absolute() else base / folder


# --------------------------------------------------------------------------- records


def _records(root: Path) -> dict:
    try:
        return json.loads((root / RECORD).read_text())
    except (OSError, ValueError):
        return {}


def _record(root: Path, crate: Path, path: str, function: str | None, source_hash: str) -> None:
    recs = _records(root)
    recs[str(crate)] = {"file": path, "function": function, "hash": source_hash, "time": time.time()}
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / (RECORD + ".tmp")
    tmp.write_text(json.dumps(recs, indent=1))
    tmp.replace(root / RECORD)


def stale_functions(ls, uri: str, a: ModuleAnalysis) -> list[tuple[FunctionInfo, str]]:
    """Translated functions of this file whose Python changed since they were translated."""
    path = ls.path_of(uri)
    out = []
    for crate, r in _records(out_root(ls, uri)).items():
        if r.get("file") != path or not r.get("function"):
            continue
        f = a.function(r["function"])
        if f is not None and f.source_hash != r.get("hash"):
            out.append((f, _rel(ls, Path(crate))))
    return out


def _rel(ls, p: Path) -> str:
    try:
        return str(p.relative_to(ls.root)) if ls.root else str(p)
    except ValueError:
        return str(p)


# --------------------------------------------------------------------------- writing


def _ask(ls, message: str, actions: list[str]) -> str | None:
    """window/showMessageRequest from the job thread; the title of the answer (None: dismissed)."""
    done = threading.Event()
    answer: list = [None]

    def send():
        fut = ls.window_show_message_request(T.ShowMessageRequestParams(
            type=T.MessageType.Warning, message=message, actions=[T.MessageActionItem(title=t) for t in actions]))

        def got(f):
            try:
                r = f.result()
                answer[0] = r.title if r is not None else None
            except Exception:  # noqa: BLE001 - the client may not support it
                answer[0] = None
            done.set()
        fut.add_done_callback(got)
    ls.call(send)
    done.wait(300)
    return answer[0]


def write(ls, job: Job, crate, out: Path) -> bool:
    """Write the crate (formatted when rustfmt is installed); never over the user's edits."""
    from portalis.codegen.crate import CrateConflict, write_crate
    from portalis.codegen.format import format_crate
    crate = format_crate(crate)
    try:
        write_crate(crate, out)
        return True
    except CrateConflict as e:
        names = ", ".join(_rel(ls, p) for p in e.paths)
        pick = _ask(ls, f"Portalis: {names} changed since Portalis wrote it. Overwrite with the new translation?",
                    ["Overwrite", "Keep my edits"])
        job.check()
        if pick == "Overwrite":
            write_crate(crate, out, force=True)
            return True
        ls.call(ls.show_message, f"Portalis left {names} as you edited it; the translation was not written.",
                T.MessageType.Warning)
        return False


def show(ls, path: Path, line: int | None = None) -> None:
    sel = None
    if line is not None:
        sel = T.Range(T.Position(line=line, character=0), T.Position(line=line, character=0))
    ls.call(lambda: ls.window_show_document(T.ShowDocumentParams(uri=path.as_uri(), take_focus=False, selection=sel)))


def rust_line_of(path: Path, function_rust_name: str) -> int | None:
    try:
        for i, line in enumerate(path.read_text().splitlines()):
            if line.lstrip().startswith((f"pub fn {function_rust_name}(", f"pub(super) fn {function_rust_name}(")):
                return i
    except OSError:
        return None
    return None


# --------------------------------------------------------------------------- findings -> diagnostics


def report(ls, job: Job, findings, text: str) -> None:
    """Build and verification findings as diagnostics on the Python lines (dropped if the text
    changed meanwhile)."""
    lines = C.lines_of(text)
    diags = []
    for f in findings:
        if f.kind == "verified":
            continue
        sev = T.DiagnosticSeverity.Information if f.kind == "doctest-fails-in-cpython" else T.DiagnosticSeverity.Error
        rel = None
        if f.detail:
            rel = [T.DiagnosticRelatedInformation(location=T.Location(uri=job.uri, range=C.to_lsp_range(
                lines, _point(f.line), ls.encoding)), message=f.detail[:4000])]
        diags.append(T.Diagnostic(range=C.to_lsp_range(lines, _point(f.line), ls.encoding), message=f.message,
                                  severity=sev, source="portalis", code=f.kind, related_information=rel))

    def apply():
        st = ls.state(job.uri)
        if job.cancel.is_set() or (job.version is not None and st.version != job.version):
            return  # stale: the text changed since the job started
        st.findings = diags
        st.findings_version = st.version
        import asyncio
        asyncio.ensure_future(ls.publish(job.uri))
    ls.call(apply)


def _point(line: int):
    from portalis.diagnostics import Span
    return Span.point(max(line, 1))


# --------------------------------------------------------------------------- the jobs


def translate_function(ls, job: Job, a: ModuleAnalysis, f: FunctionInfo, build: bool = True) -> dict:
    from portalis.codegen.build import build_library
    from portalis.pipeline import translate_function as tf
    from portalis.server.verify import doctest_check
    progress = ls._job_progress
    progress(job, "begin", f"translating `{f.name}`", 0)
    tr = tf(a.text, a.path, f.name)
    job.check()
    out, refused = _write_translation(ls, job, tr)
    if refused is not None:
        return refused
    _record(out.parent, out, a.path, f.name, f.source_hash)
    lib = out / "src" / "lib.rs"
    show(ls, lib, rust_line_of(lib, _rust_name(f)))
    result = {"ok": True, "crate": str(out), "file": str(lib)}
    if not build:
        progress(job, "end", f"translated to {_rel(ls, out)}", None)
        return result
    if not ls.settings.trusted:
        progress(job, "end", f"translated to {_rel(ls, out)}; not built: the workspace is not trusted", None)
        result["built"] = False
        return result
    from portalis.codegen.toolchain import ToolchainError, find_toolchain
    try:
        tc = find_toolchain()
    except ToolchainError as e:
        ls.call(ls.show_message, f"Portalis cannot build: {e}", T.MessageType.Error)
        progress(job, "end", "no wasm toolchain", None)
        return {**result, "built": False, "reason": str(e)}
    progress(job, "report", f"building `{f.name}` to {tc.target}", 33)
    b = build_library(out, tc)
    job.check()
    if not b.ok:
        from portalis.server.verify import Finding
        findings = [Finding(d.python_line or f.name_span.line, "build-failed",
                            f"rustc rejected the translation of `{f.name}`: {d.message}", d.rendered) for d in b.diagnostics]
        report(ls, job, findings, a.text)
        progress(job, "end", "build failed", None)
        return {**result, "built": False, "errors": [x.message for x in findings]}
    findings = []
    if f.doctests:
        progress(job, "report", f"verifying `{f.name}` on {len(f.doctests)} doctests against CPython", 66)
        findings = doctest_check(a, f, tc)
        job.check()
    # annotations the type model guessed (offered by the annotate action) that the source has:
    # a failure says the guess failed; a success verifies them; with nothing to check, say so
    st = ls.state(job.uri)
    slots = {"return": f.returns.python, **{p.name: p.python for p in f.params}}
    guessed = {n: t for n, t in st.guesses.get(f.name, {}).items() if slots.get(n) == t}
    said = ", ".join(f"{n}: {t}" if n != "return" else f"-> {t}" for n, t in guessed.items())
    if guessed:
        findings = [dataclasses.replace(x, message=f"the type model's guess ({said}) failed verification: {x.message}")
                    if x.kind not in ("verified", "doctest-fails-in-cpython") else x for x in findings]
    report(ls, job, findings, a.text)
    bad = [x for x in findings if x.kind not in ("verified", "doctest-fails-in-cpython")]
    verified = [x.message for x in findings if x.kind == "verified"]
    in_cpython = [x for x in findings if x.kind == "doctest-fails-in-cpython"]
    # the crate is a library (an rlib, mostly metadata: its size says nothing); the verified
    # message gives the size of the WASM module the doctests ran in
    summary = (f"built: {_rel(ls, out)} (a library crate for {tc.target})"
               + (f", {verified[0]}" if verified else "") + (", no doctests to verify" if not f.doctests else "")
               + (f", {len(in_cpython)} doctest{'s' if len(in_cpython) != 1 else ''} failing in CPython itself "
                  "(not compared)" if in_cpython else ""))
    if guessed and not bad:
        if verified:
            summary += f"; the type model's guesses ({said}) verified"
            ls.call(lambda: st.guesses.pop(f.name, None))
        else:
            summary += f"; the type model's guesses ({said}) are unverified: add a doctest to check them"
    if bad:
        summary = f"built {_rel(ls, out)}; verification FAILED: {bad[0].message}"

    def remember():
        ls.state(job.uri).built[f.name] = summary
    ls.call(remember)
    progress(job, "end", summary, None)
    return {**result, "built": True, "verified": not bad and bool(verified), "summary": summary,
            "findings": [(x.kind, x.line, x.message) for x in findings]}


def _rust_name(f: FunctionInfo) -> str:
    sig = f.rust_signature or ""
    return sig[3:sig.index("(")] if sig.startswith("fn ") and "(" in sig else f.name


def _write_translation(ls, job: Job, tr) -> tuple[Path, dict | None]:
    """A translation's crate written under the output folder: (its folder, None), or (_, the
    job's result) when the translation was refused or the crate holds the user's edits (the job
    has ended with a message then)."""
    progress = ls._job_progress
    if tr.crate is None:
        d = next((d for d in tr.diagnostics if d.severity.value == "error"), None)
        progress(job, "end", f"not translatable: {d.message if d else 'see the diagnostics'}", None)
        return Path(), {"ok": False, "reason": d.message if d else "not translatable"}
    out = out_root(ls, job.uri) / tr.crate.name
    if not write(ls, job, tr.crate, out):
        progress(job, "end", "not written: the crate has your edits", None)
        return out, {"ok": False, "reason": "edited crate kept", "crate": str(out)}
    return out, None


def translate_module(ls, job: Job, a: ModuleAnalysis, build: bool = True) -> dict:
    from portalis.pipeline import build_program, translate_source
    from portalis.server.verify import Finding, doctest_check, program_check
    progress = ls._job_progress
    progress(job, "begin", f"translating {Path(a.path).name}", 0)
    tr = translate_source(a.text, a.path)
    job.check()
    out, refused = _write_translation(ls, job, tr)
    if refused is not None:
        return refused
    import hashlib
    _record(out.parent, out, a.path, None, hashlib.sha256(a.text.encode()).hexdigest()[:16])
    show(ls, out / "src" / "main.rs")
    result = {"ok": True, "crate": str(out), "file": str(out / "src" / "main.rs")}
    if not build or not ls.settings.trusted:
        why = "" if not build else "; not built: the workspace is not trusted"
        progress(job, "end", f"translated to {_rel(ls, out)}{why}", None)
        return {**result, "built": False}
    from portalis.codegen.toolchain import ToolchainError, find_toolchain
    try:
        tc = find_toolchain()
    except ToolchainError as e:
        ls.call(ls.show_message, f"Portalis cannot build: {e}", T.MessageType.Error)
        progress(job, "end", "no wasm toolchain", None)
        return {**result, "built": False, "reason": str(e)}
    progress(job, "report", f"building {Path(a.path).name} to {tc.target}", 30)
    pb = build_program(a.text, a.path, toolchain=tc, profile="dev")
    job.check()
    findings: list[Finding] = []
    if pb.wasm_path is None and pb.build is not None:
        findings = [Finding(d.python_line or 1, "build-failed", f"rustc rejected the translation: {d.message}", d.rendered)
                    for d in pb.build.diagnostics]
    else:
        progress(job, "report", "verifying against CPython", 60)
        if a.runs_as_program:
            findings += program_check(a, tc)
            job.check()
        for f in a.functions:
            if f.doctests and f.translatable:
                findings += doctest_check(a, f, tc)
                job.check()
    report(ls, job, findings, a.text)
    bad = [x for x in findings if x.kind not in ("verified", "doctest-fails-in-cpython")]
    size = pb.wasm_path.stat().st_size // 1024 if pb.wasm_path else 0
    if bad:
        summary = f"{Path(a.path).name}: {bad[0].kind} at line {bad[0].line}: {bad[0].message}"
    else:
        ok = [x.message for x in findings if x.kind == "verified"]
        summary = f"built: {Path(a.path).name} ({size} KiB WASM)" + (f", {'; '.join(ok)}" if ok else ", nothing to verify")
    progress(job, "end", summary, None)
    return {**result, "built": pb.wasm_path is not None, "verified": not bad, "summary": summary,
            "findings": [(x.kind, x.line, x.message) for x in findings]}


def build_workspace(ls, job: Job, files: list[tuple[str, ModuleAnalysis]]) -> dict:
    """Every translatable module: one progress, 'building 2 of 5'."""
    from portalis.pipeline import build_program
    progress = ls._job_progress
    todo = [(u, a) for u, a in files if not any(d.severity.value == "error" for d in a.diagnostics)]
    progress(job, "begin", f"building {len(todo)} translatable modules of {len(files)}", 0)
    if not ls.settings.trusted:
        progress(job, "end", "not built: the workspace is not trusted", None)
        return {"ok": False, "reason": "untrusted"}
    from portalis.codegen.toolchain import ToolchainError, find_toolchain
    try:
        tc = find_toolchain()
    except ToolchainError as e:
        progress(job, "end", f"no wasm toolchain: {e}", None)
        return {"ok": False, "reason": str(e)}
    built, failed = [], []
    for i, (uri, a) in enumerate(todo, 1):
        job.check()
        progress(job, "report", f"building {i} of {len(todo)}: {Path(a.path).name}", int(100 * (i - 1) / max(len(todo), 1)))
        pb = build_program(a.text, a.path, toolchain=tc, profile="dev")
        (built if pb.wasm_path is not None else failed).append(a.path)
    progress(job, "end", f"built {len(built)} of {len(todo)} modules" + (f", {len(failed)} failed" if failed else ""), None)
    return {"ok": not failed, "built": built, "failed": failed, "skipped": len(files) - len(todo)}
