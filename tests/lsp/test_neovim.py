"""Headless Neovim (Debian's 0.7) as a real LSP client: diagnostics, hover, code actions and a
translation built and verified, asserted from the JSON its probe writes. Neovim must be
installed (scripts/setup.sh does): a missing one fails the test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE

PROBE = Path(__file__).parent / "nvim_probe.lua"


def test_neovim_client(tmp_path: Path, toolchain):
    nvim = shutil.which("nvim")
    assert nvim, "Neovim is missing: scripts/setup.sh installs it (apt-get install neovim)"
    (tmp_path / "sample.py").write_text(SAMPLE)
    out = tmp_path / "probe.json"
    home = tmp_path / "home"
    env = {**os.environ, "PORTALIS_CMD": f"{sys.executable} -m portalis serve --stdio",
           "PROBE_FILE": str(tmp_path / "sample.py"), "PROBE_OUT": str(out), "HOVER_LINE": "3", "HOVER_COL": "5",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}
    r = subprocess.run([nvim, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {PROBE}"], env=env,
                       capture_output=True, text=True, timeout=400, cwd=tmp_path)
    assert out.is_file(), f"the probe wrote nothing (exit {r.returncode}): {r.stderr[-2000:]}"
    res = json.loads(out.read_text())
    assert r.returncode == 0, res
    msgs = [d["message"] for d in res["diagnostics"]]
    assert any("the builtin `open()` is not supported" in m for m in msgs), msgs  # `with open(path)`
    hover = res["hover"]["contents"]["value"]
    assert "fn gcd(a: i64, b: i64) -> i64" in hover and "def gcd(a: int, b: int) -> int" in hover
    titles = [a["title"] for a in res["code_actions"]]
    assert "Translate `gcd` to Rust" in titles and "Translate module to Rust" in titles
    assert res["command"].get("ok") is True, res["command"]
    assert res["built_log_seen"] and res["lib_exists"], res["logs"]
    assert any("verified on 2 doctests" in m for m in res["logs"]), res["logs"]
    assert res["server_exit"]["code"] == 0
