"""pytest-lsp fixtures: the real `portalis serve` as a subprocess, replaying the capability sets
of real clients. Every await in these tests has a timeout (pygls answers every request here, but
a hung test must fail, not hang CI)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, "-m", "portalis", "serve", "--stdio"]
CLIENTS = ["visual-studio-code", "neovim@v0.7.0"]

SAMPLE = '''from typing import Optional


def gcd(a: int, b: int) -> int:
    """Greatest common divisor.

    >>> gcd(12, 18)
    6
    >>> gcd(7, 0)
    7
    """
    while b:
        a, b = b, a % b
    return a


def scale(xs, factor=2):
    out = []
    for x in xs:
        total = x * factor
        out.append(total)
    return out


def opened(path: str) -> int:
    with open(path) as f:
        return len(f.read())


if __name__ == "__main__":
    print(gcd(12, 18), scale([1, 2, 3]))
'''


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "sample.py").write_text(SAMPLE)
    return tmp_path


def init_params(request, root: Path, **options) -> T.InitializeParams:
    opts = {"trusted": True, **options}
    return T.InitializeParams(capabilities=pytest_lsp.client_capabilities(request.param), root_uri=root.as_uri(),
                              initialization_options=opts)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=CLIENTS)
async def client(request, lsp_client: LanguageClient, tmp_path: Path):
    (tmp_path / "sample.py").write_text(SAMPLE)
    lsp_client.root = tmp_path  # type: ignore[attr-defined]
    await lsp_client.initialize_session(init_params(request, tmp_path))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def raw_client(lsp_client: LanguageClient):
    """A running server the test initialises itself (with its own options)."""
    yield
