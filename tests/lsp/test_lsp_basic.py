"""The language server end to end with real client capability sets: diagnostics, hover, code
actions, commands with background builds, progress and verification."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as T
from pytest_lsp import LanguageClient

from lsp_helpers import open_doc, wait_diagnostics

TIMEOUT = 60


async def test_diagnostics_hover_and_actions(client: LanguageClient):
    root = client.root  # type: ignore[attr-defined]
    uri = (root / "sample.py").as_uri()
    open_doc(client, uri, (root / "sample.py").read_text())
    diags = await wait_diagnostics(client, uri)
    with_ = [d for d in diags if d.code == "unsupported-builtin"]  # `with open(path)`: open()
    assert with_ and with_[0].range.start.line == 25 and with_[0].severity == T.DiagnosticSeverity.Information
    assert with_[0].code_description is not None and "what-is-refused" in with_[0].code_description.href

    hover = await asyncio.wait_for(client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(3, 5))), TIMEOUT)
    assert hover is not None
    text = hover.contents.value
    assert "def gcd(a: int, b: int) -> int" in text and "```rust\nfn gcd(a: i64, b: i64) -> i64\n```" in text
    assert "**Translatable**" in text and "annotation" in text

    hover = await asyncio.wait_for(client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(16, 5))), TIMEOUT)
    assert "def scale(xs: list[int], factor: int) -> list[int]" in hover.contents.value
    assert "call-site" in hover.contents.value and "default" in hover.contents.value

    hover = await asyncio.wait_for(client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(24, 5))), TIMEOUT)
    assert "**Not translatable**" in hover.contents.value and "unsupported-builtin" in hover.contents.value

    hover = await asyncio.wait_for(client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(19, 9))), TIMEOUT)  # `total`
    assert "total: int" in hover.contents.value and "i64" in hover.contents.value

    actions = await asyncio.wait_for(client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri), range=T.Range(T.Position(12, 0), T.Position(12, 0)),
        context=T.CodeActionContext(diagnostics=[]))), TIMEOUT)
    titles = [a.title for a in actions]
    assert titles == ["Translate `gcd` to Rust", "Translate module to Rust"]
    # (pytest-lsp's converter may structure a CodeAction as a Command, whose `command` then holds
    # the CodeAction's command object as text)
    assert "portalis.translateFunction" in str(actions[0].command)
