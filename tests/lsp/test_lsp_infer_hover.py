"""Hover shows the layered inference (portalis.infer) for functions the translator does not
settle: an untranslatable function's card lists each parameter's inferred type and its source;
a method's card is the translator's (a FunctionInfo "Class.method"), with the inferred types
when it is refused."""

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


class Log:
    def write(self, line):
        with open("log.txt", "a") as f:
            f.write(line)


Log().write("done")
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

    card = await _hover(client, uri, 4, 9)  # the method `push`: the translator's card (engine FunctionInfo)
    assert card is not None
    assert "def Stack.push(self, v: int) -> None" in card and "fn Stack__push(self_: OStack, v: i64)" in card
    assert "`v: int` → `i64` (call-site)" in card and "**Translatable**" in card

    card = await _hover(client, uri, 20, 9)  # the method `write`: refused, at its line
    assert card is not None and "def Log.write(self, line: str) -> None" in card
    assert "**Not translatable**: line 22: `unsupported-builtin`" in card
    assert "Inferred (portalis infer):" in card

    assert await _hover(client, uri, 13, 0) is None  # a blank line: nothing


ANNOTATE = '''def clamp(value, lo, hi):
    return min(max(lo, value), hi)


def greet(name,
          loud=False):  # a comment that stays
    text = "hi " + name
    return text.upper() if loud else text


print(clamp(5, 1, 3))
print(greet("ann"))
'''


async def test_annotate_quick_fix_writes_inferred_types_then_it_translates(client: LanguageClient):
    """The quick fix for a function the translator cannot settle: the inferred annotations
    written into the header (formatting and comments kept); applied, the function translates."""
    root = client.root  # type: ignore[attr-defined]
    p = root / "ann.py"
    p.write_text(ANNOTATE)
    uri = p.as_uri()
    open_doc(client, uri, ANNOTATE)
    await wait_diagnostics(client, uri)

    async def actions(line: int) -> list:
        return await asyncio.wait_for(client.text_document_code_action_async(T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri), range=T.Range(T.Position(line, 4), T.Position(line, 4)),
            context=T.CodeActionContext(diagnostics=[]))), TIMEOUT)

    acts = await actions(4)  # greet's def line
    fix = next(x for x in acts if x.title.startswith("Annotate `greet`"))
    [edit] = fix.edit.changes[uri]
    assert (edit.range.start.line, edit.range.end.line) == (4, 6), edit.range
    assert edit.new_text == "def greet(name: str,\n          loud: bool = False) -> str:  # a comment that stays\n"
    lines = ANNOTATE.splitlines(keepends=True)
    fixed = "".join(lines[:4]) + edit.new_text + "".join(lines[6:])
    compile(fixed, "ann.py", "exec")  # still Python, and runs as before (builtins only)

    acts = await actions(0)
    clamp_fix = next(x for x in acts if x.title.startswith("Annotate `clamp`"))
    assert clamp_fix.edit.changes[uri][0].new_text == "def clamp(value: int, lo: int, hi: int) -> int:\n"
    # a function whose every slot is already annotated gets no such action
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=fixed)]))
    after = await actions(4)
    assert not any(x.title.startswith("Annotate `greet`") for x in after)
    card = await _hover(client, uri, 4, 5)
    assert card is not None and "fn greet(name: impl Into<pyrt::Str>, loud: bool) -> String" in card and "**Translatable**" in card, card


NESTED = '''def totals(words):
    sep = "-"
    def tag(w, n):
        return w.upper() + sep + str(n)
    return [tag(w, i) for i, w in enumerate(words)]


print(totals(["a", "b"]))
'''


async def test_hover_on_a_nested_function_shows_the_translators_card(client: LanguageClient):
    """A nested function (analyzers/nested.py) is translated with its parent: its card has the
    types inferred from its calls and its Rust fn, which takes the parent's `sep`."""
    root = client.root  # type: ignore[attr-defined]
    path = root / "nested.py"
    path.write_text(NESTED)
    uri = path.as_uri()
    open_doc(client, uri, NESTED)
    await wait_diagnostics(client, uri)
    for line, col in ((2, 9), (4, 13)):  # its def name, then a call of it
        card = await _hover(client, uri, line, col)
        assert card is not None, (line, col)
        assert "def totals.tag(w: str, n: int) -> str" in card
        assert "fn totals__tag(w: Str, n: i64, sep: Str) -> Str" in card
        assert "**Translatable** to Rust with `totals`" in card
    card = await _hover(client, uri, 0, 5)
    assert card is not None and "def totals(words: list[str]) -> list[str]" in card and "**Translatable**" in card
