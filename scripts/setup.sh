#!/usr/bin/env bash
# One-time set-up on Debian 12: the wasm toolchain (Debian's rustc 1.63 + wasm32-wasi std), Neovim
# (a real LSP client for the tests) and the project's virtualenv at .venv with `portalis` installed (editable) plus the test tools.
# Safe to re-run; skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if [ ! -x /usr/bin/rustc ] || ! ls /usr/lib/rustlib/wasm32-wasi/lib/libstd-*.rlib >/dev/null 2>&1; then
  echo "portalis setup: installing Debian's rustc + wasm32-wasi std (apt)..."
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q rustc libstd-rust-dev-wasm32 lld-14 >/dev/null
fi
# Neovim: a real LSP client for the language-server tests (tests/lsp/test_neovim.py)
if ! command -v nvim >/dev/null 2>&1; then
  echo "portalis setup: installing Neovim (apt, for the language-server tests)..."
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q neovim >/dev/null
fi
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# (re)install when pyproject.toml changed since the last install (the install is editable:
# source edits need nothing)
STAMP=.venv/.portalis-installed
WANT=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -x .venv/bin/portalis ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e '.[test]'
  echo "$WANT" > "$STAMP"
fi
echo "portalis setup: ok ($(.venv/bin/portalis --help >/dev/null && echo .venv/bin/portalis))"
