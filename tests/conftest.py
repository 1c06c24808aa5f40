"""Shared fixtures: the wasm toolchain (a missing one FAILS with the install hint, never skips)."""

from __future__ import annotations

import pytest

from portalis.codegen.toolchain import ToolchainError, find_toolchain


@pytest.fixture(scope="session")
def toolchain():
    try:
        return find_toolchain()
    except ToolchainError as e:
        pytest.fail(f"no wasm-capable rustc: {e}")
