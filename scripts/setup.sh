#!/usr/bin/env bash
# One-time set-up on Debian 12: the wasm toolchain (Debian's rustc 1.63 + wasm32-wasi std), Neovim
# (a real LSP client for the tests), the project's virtualenv at .venv with `portalis` installed (editable, strict mode: see below) plus the test tools,
# and the VS Code extension: its .vsix built (npm ci + vsce), chromium and code-server 4.100.3 (cached in
# ~/.cache/portalis-vscode) for its real-VS Code test.
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
# The VS Code extension (vscode-extension/): Node 20+ and npm to build the .vsix; for its real-VS Code
# test, Debian's chromium (driven headless by playwright-core) and what code-server's npm install
# compiles (kerberos: libkrb5-dev; @vscode/ripgrep is seeded with Debian's rg).
APT=()
command -v node >/dev/null 2>&1 || APT+=(nodejs npm)
[ -x /usr/bin/chromium ] || APT+=(chromium)
command -v rg >/dev/null 2>&1 || APT+=(ripgrep)
command -v pkg-config >/dev/null 2>&1 || APT+=(pkg-config)
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || APT+=(g++ make)
command -v cc >/dev/null 2>&1 || APT+=(gcc)  # `portalis exec`'s native launcher (codegen/launcher)
dpkg -s libkrb5-dev >/dev/null 2>&1 || APT+=(libkrb5-dev)
[ -x /usr/bin/time ] || APT+=(time)  # GNU time: peak memory in benchmarks/kernels.py and the launcher's test
if [ ${#APT[@]} -gt 0 ]; then
  echo "portalis setup: installing ${APT[*]} (apt, for the VS Code extension, its test and the launcher's)..."
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${APT[@]}" >/dev/null
fi
if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)" -lt 20 ]; then
  echo "portalis setup: the VS Code extension needs Node.js 20 or newer (found $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
# npm ci + build + package, when the extension's sources changed since the last time
VSX=vscode-extension
VSX_WANT=$(cat $VSX/package.json $VSX/package-lock.json $VSX/tsconfig.json $VSX/.vscodeignore $VSX/README.md $VSX/CHANGELOG.md \
  $VSX/images/* $VSX/src/*.ts | sha256sum | cut -d' ' -f1)
if [ "$(cat $VSX/node_modules/.portalis-built 2>/dev/null)" != "$VSX_WANT" ] || ! ls $VSX/portalis-*.vsix >/dev/null 2>&1; then
  echo "portalis setup: building the VS Code extension (npm ci, vsce package)..."
  (cd $VSX && npm ci --no-audit --no-fund --loglevel=error >/dev/null && rm -f portalis-*.vsix \
     && npm run --silent package >/dev/null) || { echo "portalis setup: building $VSX failed" >&2; exit 1; }
  echo "$VSX_WANT" > $VSX/node_modules/.portalis-built
fi
# code-server for the real-VS Code test (its test installs it too, and fails if it cannot)
$VSX/scripts/install-code-server.sh >/dev/null || { echo "portalis setup: code-server could not be installed" >&2; exit 1; }
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# (re)install when pyproject.toml or the set of the package's files changed since the last
# install.  The install is editable in setuptools' "strict" mode: a tree of symlinks to the
# sources (build/__editable__.*) on a plain .pth path, so edits to a file need nothing, a new or
# removed file needs this script again (hence the file list in the stamp).  The default mode's
# import hook costs every Python start-up in the venv ~14 ms (pathlib, re, urllib at start-up),
# `portalis exec` included; a wheel install has no hook either.
STAMP=.venv/.portalis-installed
WANT=$( (cat pyproject.toml; find portalis analyzers codegen server -type f ! -path '*/__pycache__/*' | LC_ALL=C sort) \
  | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/portalis ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  rm -rf build/__editable__.*  # files removed since the last install leave no dangling link
  # (its output, setuptools' banner about the link tree included, only when it fails)
  if ! out=$(.venv/bin/python -m pip install -q -e '.[test]' --config-settings editable_mode=strict 2>&1); then
    echo "$out" >&2
    echo "portalis setup: installing portalis into .venv failed" >&2
    exit 1
  fi
  echo "$WANT" > "$STAMP"
fi
echo "portalis setup: ok ($(.venv/bin/portalis --help >/dev/null && echo .venv/bin/portalis), $(ls $VSX/portalis-*.vsix))"
