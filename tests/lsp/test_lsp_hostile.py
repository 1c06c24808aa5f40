"""Malformed and hostile input: every request is answered, the server stays alive, memory stays
bounded. Params of the wrong shape, unknown methods, huge and binary files, a file deleted while
open, 100 rapid edits, an engine bug."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from lsprotocol import types as T
from pytest_lsp import LanguageClient

from lsp_helpers import open_doc, wait_diagnostics
from rawclient import RawClient

TIMEOUT = 60


async def alive(client: LanguageClient, uri: str) -> None:
    """The server still answers."""
    r = await asyncio.wait_for(client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(0, 0))), TIMEOUT)
    assert r is None or isinstance(r, T.Hover)


def test_wrong_shape_params_and_unknown_methods_are_answered(workspace: Path):
    """Each gets an answer (pygls alone would leave the first ones unanswered: the client hangs)."""
    c = RawClient(workspace)
    try:
        uri = (workspace / "sample.py").as_uri()
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                           "text": (workspace / "sample.py").read_text()}})
        c.diagnostics(uri)
        bad = [
            ("textDocument/hover", {"textDocument": {"uri": uri}, "position": "here"}),
            ("textDocument/hover", None),
            ("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
             "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [{"message": "no range"}]}}),
            ("textDocument/hover", {"textDocument": {"uri": "file:///nowhere/x.py"}, "position": {"line": 5, "character": 3}}),
            ("portalis/noSuchMethod", {"a": 1}),
            ("workspace/executeCommand", {"command": "portalis.translateFunction", "arguments": [42]}),
            ("workspace/executeCommand", {"command": "portalis.showRust", "arguments": [uri, {"line": "x"}]}),
            ("workspace/executeCommand", {"command": "portalis.nope", "arguments": []}),
        ]
        for method, params in bad:
            r = c.request(method, params)
            assert "result" in r or "error" in r, (method, r)
        c.notify("textDocument/didChange", {"garbage": True})  # a notification: nothing to answer
        c.send_raw(b"{not json")
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 5}})
        assert "def gcd" in r["result"]["contents"]["value"]  # alive and well
    finally:
        c.close()


async def test_huge_binary_deleted_and_rapid_edits(client: LanguageClient):
    root: Path = client.root  # type: ignore[attr-defined]
    huge = "\n".join(f"def f{i}(x: int) -> int:\n    return x + {i}\n" for i in range(3000))  # ~9,000 lines
    uri = (root / "huge.py").as_uri()
    open_doc(client, uri, huge)
    diags = await wait_diagnostics(client, uri, timeout=120)
    assert isinstance(diags, (list, tuple))
    hover = await asyncio.wait_for(client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(3000, 5))), TIMEOUT)
    assert hover is not None and "f1000" in hover.contents.value

    buri = (root / "blob.py").as_uri()
    open_doc(client, buri, "".join(chr(c) for c in range(1, 256)) * 20 + "\x00")
    bd = await wait_diagnostics(client, buri)
    assert bd and bd[0].code == "syntax-error"

    tmp = root / "gone.py"
    tmp.write_text("x = 1\n")
    guri = tmp.as_uri()
    open_doc(client, guri, "x = 1\nprint(x)\n")
    await wait_diagnostics(client, guri)
    os.unlink(tmp)
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=guri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text="x = 2\nprint(x\n")]))
    client.text_document_did_close(T.DidCloseTextDocumentParams(T.TextDocumentIdentifier(guri)))

    suri = (root / "sample.py").as_uri()
    text = (root / "sample.py").read_text()
    open_doc(client, suri, text)
    for v in range(2, 102):  # 100 edits as fast as the client can send them; the last one breaks the file
        tail = f"\nvalue_{v} = {v}\n" if v < 101 else "\ndef broken(:\n"
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=suri, version=v),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=text + tail)]))
    await alive(client, suri)
    last_line = len((text + "\ndef broken(:\n").splitlines()) - 1

    async def final():  # the diagnostics end up those of the last text
        while True:
            ds = client.diagnostics.get(suri) or []
            if any(d.code == "syntax-error" and d.range.start.line == last_line for d in ds):
                return
            await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await asyncio.wait_for(final(), TIMEOUT)
    rss = _server_rss_mb(client)
    if rss is not None:
        assert rss < 600, f"server RSS {rss} MB"


def _server_rss_mb(client: LanguageClient) -> float | None:
    proc = getattr(client, "_server", None)
    pid = getattr(proc, "pid", None)
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def test_superseded_build_is_cancelled(client: LanguageClient, toolchain):
    root: Path = client.root  # type: ignore[attr-defined]
    uri = (root / "sample.py").as_uri()
    text = (root / "sample.py").read_text()
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri)
    await asyncio.wait_for(client.workspace_execute_command_async(T.ExecuteCommandParams(
        command="portalis.translateModule", arguments=[uri])), TIMEOUT)
    # the module is edited while its build runs: the build stops and says so
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=text + "\n# edited\n")]))

    async def ended():
        while True:
            for values in client.progress_reports.values():
                if values and isinstance(values[-1], T.WorkDoneProgressEnd) and "sample.py" in values[0].title:
                    return values[-1].message
            await asyncio.sleep(0.05)
    msg = await asyncio.wait_for(ended(), 300)
    assert "cancelled" in msg or "superseded" in msg, msg


def test_messages_from_a_regular_file_and_a_truncated_stream(tmp_path: Path):
    """stdin that is a regular file (no event-loop pipe reading there: the threaded reader), and
    a stream that ends in the middle of a message: answered up to there, then a clean exit."""
    import subprocess

    def frame(msg: dict) -> bytes:
        b = json.dumps(msg).encode()
        return b"Content-Length: %d\r\n\r\n" % len(b) + b

    init = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
    for tail in (frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}),
                 b"Content-Length: 500\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 2"):
        f = tmp_path / "in.bin"
        f.write_bytes(init + tail)
        with f.open("rb") as src:
            r = subprocess.run([sys.executable, "-m", "portalis", "serve", "--stdio"], stdin=src,
                               capture_output=True, timeout=TIMEOUT, cwd=tmp_path)
        assert b'"id": 1' in r.stdout and b'"capabilities"' in r.stdout, r.stdout[:300] + r.stderr[-2000:]
        assert r.returncode == 0, r.stderr[-2000:]
    # the same truncated stream through a pipe (the event-loop reader)
    p = subprocess.Popen([sys.executable, "-m", "portalis", "serve", "--stdio"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    out, err = p.communicate(init + b"Content-Length: 500\r\n\r\n{\"jsonrpc\"", timeout=TIMEOUT)
    assert b'"id": 1' in out and p.returncode == 0, err[-2000:]
