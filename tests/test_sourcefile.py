"""Source files are decoded as CPython decodes them (issue 10, family 5): PEP 263 coding
cookies, a UTF-8 BOM, and CPython's refusals as `syntax-error` diagnostics at the right line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portalis.sourcefile import decode_source

PORTALIS = [sys.executable, "-m", "portalis.cli"]

PROGRAMS = {
    "latin1_cookie.py": b'# -*- coding: latin-1 -*-\ns = "caf\xe9 \xb5 \xdf"\nprint(s, len(s), s.upper(), [ord(c) for c in s])\n',
    "cp1252_cookie_line2.py": b'#!/usr/bin/env python3\n# vim: set fileencoding=cp1252 :\nprint("\x80 \x93q\x94", len("\x80"))\n',
    "bom.py": b'\xef\xbb\xbfx = "\xc3\xa9t\xc3\xa9"\nprint(x, len(x))\n',
    "bom_and_utf8_cookie.py": b'\xef\xbb\xbf# coding: utf-8\nprint("ok")\n',
    "crlf_bom.py": b'\xef\xbb\xbfdef f(n: int) -> int:\r\n    return n * 2\r\nprint(f(21))\r\n',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_decoded_programs_match_cpython(name, tmp_path, toolchain):
    p = tmp_path / name
    p.write_bytes(PROGRAMS[name])
    r = subprocess.run([*PORTALIS, "check", str(p)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stdout.startswith("same:"), r.stdout + r.stderr


@pytest.mark.parametrize("data, line, start", [
    (b'x = 1\nprint("\xff")\n', 2, "Non-UTF-8 code starting with '\\xff' on line 2"),
    (b'# coding: nosuch\nprint(1)\n', 1, "unknown encoding: nosuch"),
    (b'\xef\xbb\xbf# coding: latin-1\nprint(1)\n', 1, "encoding problem: utf-8"),
    (b'# coding: ascii\nx = "\xc3\xa9"\n', 2, "(unicode error) 'ascii' codec can't decode byte 0xc3"),
])
def test_refused_like_cpython(data, line, start, tmp_path):
    text, diags = decode_source(data)
    assert text is None and len(diags) == 1
    assert diags[0].code == "syntax-error" and diags[0].span.line == line and diags[0].message.startswith(start)
    p = tmp_path / "bad.py"
    p.write_bytes(data)
    py = subprocess.run([sys.executable, str(p)], capture_output=True, timeout=60)
    assert py.returncode == 1 and b"SyntaxError" in py.stderr  # CPython refuses it too
    r = subprocess.run([*PORTALIS, "translate", str(p), "--out", str(tmp_path / "out")], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 2 and f"bad.py:{line}:1: error[syntax-error]" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_binary_file_is_a_diagnostic(tmp_path):
    p = tmp_path / "blob.py"
    p.write_bytes(bytes(range(256)) * 4)
    r = subprocess.run([*PORTALIS, "translate", str(p)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "error[syntax-error]" in r.stderr and "Traceback" not in r.stderr
