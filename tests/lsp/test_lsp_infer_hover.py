"""Hover shows the layered inference (portalis.infer) for functions the translator does not
settle: an untranslatable function's card lists each parameter's inferred type and its source,
and a method (which the translator does not list) gets a card of its own."""

from __future__ import annotations

import asyncio

from lsprotocol import types as T
from pytest_lsp import LanguageClient

from lsp_helpers import open_doc, wait_diagnostics

TIMEOUT = 60

TEXT = '''class Stack:
    def __init__(self):
        self.items = []

    def push(self, v):
        self.items.append(v)


def shout(s, times=2):
    with open("log.txt", "a") as f:
        f.write(s)
    return s.upper() * times


s = Stack()
s.push(3)
print(shout("hi"))
'''


async def _hover(client: LanguageClient, uri: str, line: int, col: int) -> str | None:
    h = await asyncio.wait_for(client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(line, col))), TIMEOUT)
    return None if h is None else h.contents.value


async def test_hover_shows_inferred_types(client: LanguageClient):
    root = client.root  # type: ignore[attr-defined]
    path = root / "stack.py"
    path.write_text(TEXT)
    uri = path.as_uri()
    open_doc(client, uri, TEXT)
    await wait_diagnostics(client, uri)

    card = await _hover(client, uri, 8, 5)  # `shout`: untranslatable (with)
    assert card is not None and "**Not translatable**" in card
    assert "Inferred (portalis infer):" in card
    assert "`s: str` (call-site" in card and "`times: int` (default" in card
    assert "returns `str` (dataflow" in card

    card = await _hover(client, uri, 4, 9)  # the method `push`
    assert card is not None
    assert "def Stack.push(v: int) -> None" in card and "`v: int` (call-site" in card

    assert await _hover(client, uri, 13, 0) is None  # a blank line: nothing
