"""The VS Code extension (vscode-extension/): its unit tests (node:test: server discovery, settings ->
initializationOptions, the status bar from $/progress) and a real VS Code end to end: code-server
4.100.3 + the built .vsix in a fresh extensions dir + headless chromium driven by playwright-core
(vscode-extension/test/e2e/). scripts/setup.sh builds the .vsix and installs chromium and
code-server; anything missing fails these tests, never skips them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

EXT = Path(__file__).resolve().parent.parent / "vscode-extension"


def _npm() -> str:
    npm = shutil.which("npm")
    assert npm, "npm is missing: scripts/setup.sh installs Node.js and builds the extension"
    assert (EXT / "node_modules").is_dir(), "vscode-extension/node_modules is missing: run scripts/setup.sh"
    return npm


def test_extension_unit_tests():
    npm = _npm()
    r = subprocess.run([npm, "run", "--silent", "build"], cwd=EXT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    r = subprocess.run([npm, "run", "--silent", "test:unit"], cwd=EXT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]
    assert "# fail 0" in r.stdout and "# pass " in r.stdout, r.stdout[-2000:]
    passed = int(r.stdout.split("# pass ")[1].split()[0])
    assert passed >= 13, r.stdout[-2000:]


def _e2e(scenario: str) -> tuple[dict, Path]:
    npm = _npm()
    assert list(EXT.glob("portalis-*.vsix")), "no vscode-extension/portalis-*.vsix: run scripts/setup.sh"
    env = {**os.environ, "PORTALIS_PYTHON": sys.executable, "SCENARIO": scenario}
    r = subprocess.run([npm, "run", "--silent", "test:e2e"], cwd=EXT, env=env, capture_output=True, text=True, timeout=600)
    out = r.stdout + r.stderr
    print(out)  # the timings: activation -> first hover (the extension's own log line), each step
    art = EXT / "test-artifacts" / scenario
    res_file = art / "result.json"
    assert res_file.is_file(), f"the browser scenario wrote no result (exit {r.returncode}):\n{out[-4000:]}"
    res = json.loads(res_file.read_text())
    assert r.returncode == 0 and res.get("ok") is True, f"{res.get('error')}\n{out[-4000:]}"
    assert "first hover:" in out, out[-3000:]
    return res, art


def test_real_vscode_end_to_end(toolchain):
    res, art = _e2e("trusted")
    # hover on `gcd` shows the Rust signature
    assert "fn gcd(a: i64, b: i64) -> i64" in res["hover_text"].replace("\xa0", " "), res["hover_text"]
    assert res["rust_beside"] is True
    assert "verified" in res["status_after_gcd"], res
    # `total`'s verification fails (its doctest `total([])` stops at a Portalis limit): a
    # diagnostic on that `>>>` line, and the status bar says the build failed verification
    assert "Portalis limit" in res["problem_text"] and res["problem_line"] == res["expected_line"] == 23, res
    assert "failed" in res["status_after_square"], res
    assert res["show_rust"] is True  # Show Rust brings gcd's lib.rs to the front at `fn gcd`
    # a server that cannot be found: a notification with buttons, which work
    assert "language server was not found" in res["not_found_text"] and "Open Setting" in res["not_found_text"]
    assert res["install_instructions_shown"] is True
    for shot in ("1-hover.png", "2-rust-beside.png", "3-status-verified.png", "4-diagnostic.png", "6-server-not-found.png"):
        assert (art / shot).stat().st_size > 10_000, shot


def test_real_vscode_untrusted_workspace(toolchain):
    """Restricted Mode: hover works, a translation is written but not built (the extension says
    why, with a button to manage trust), Build Workspace builds nothing and says why; trusting the
    folder then (that button, the trust editor) builds and verifies without a restart."""
    res, art = _e2e("untrusted")
    assert "fn gcd(a: i64, b: i64) -> i64" in res["hover_text"].replace("\xa0", " ")
    assert "not trusted" in res["untrusted_notice"] and "Manage Workspace Trust" in res["untrusted_notice"]
    assert res["status_after_gcd"] == "Portalis: not built", res
    assert "nothing is built" in res["untrusted_build_notice"]
    assert res["built_files"] == []
    # trusting the folder from the notification enables builds without a restart
    assert "verified" in res["status_after_trust"], res
