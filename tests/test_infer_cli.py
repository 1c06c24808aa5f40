"""`portalis infer FILE.py [--json]`: the JSON shape scripts rely on, the table, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from portalis.cli import main

GEOMETRY = '''import math


def clamp(value, lo=0, hi=10):
    if value < lo:
        return lo
    return min(value, hi)


class Shape:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @classmethod
    def square(cls, side):
        def double(x):
            return x * 2
        return cls(double(side), side)


def untranslatable(path, *args, **kwargs):
    with open(path) as f:
        return f.read()


print(clamp(5, 1, 3), Shape(2.0, 3.0).area(), Shape.square(1.5))
'''


def test_json_shape(tmp_path, capsys):
    p = tmp_path / "geometry.py"
    p.write_text(GEOMETRY)
    assert main(["infer", str(p), "--json", "--model-server", "off"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"functions"}
    names = [f["name"] for f in data["functions"]]
    assert names == ["clamp", "Shape.__init__", "Shape.area", "Shape.square", "Shape.square.double", "untranslatable"]
    clamp = data["functions"][0]
    assert clamp["line"] == 4
    assert clamp["params"][0] == {"name": "value", "python": "int", "rust": "i64", "source": "call-site", "confidence": clamp["params"][0]["confidence"]}
    assert 0 < clamp["params"][0]["confidence"] <= 1
    assert clamp["returns"]["python"] == "int" and clamp["returns"]["source"] == "dataflow"
    for f in data["functions"]:
        for slot in f["params"] + [f["returns"]]:
            assert {"python", "rust", "source", "confidence"} <= set(slot)
            assert slot["source"] in ("annotation", "dataflow", "call-site", "usage", "jedi", "model", "default")
            if slot["python"] == "unknown":
                assert slot["rust"] is None and slot["confidence"] == 0
    init = data["functions"][1]
    assert [p["name"] for p in init["params"]] == ["w", "h"]  # self left out
    assert init["params"][0]["python"] == "float"
    square = data["functions"][3]
    assert [p["name"] for p in square["params"]] == ["side"]  # cls left out
    assert square["returns"]["python"] == "Shape"
    assert data["functions"][2]["returns"]["python"] == "float"
    un = data["functions"][-1]
    assert [p["name"] for p in un["params"]] == ["path", "args", "kwargs"]
    assert un["returns"]["python"] == "str"


def test_table(tmp_path, capsys):
    p = tmp_path / "geometry.py"
    p.write_text(GEOMETRY)
    assert main(["infer", str(p), "--no-jedi"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["function", "slot", "python", "rust", "source", "conf"]
    assert any(line.split()[:5] == ["clamp:4", "value", "int", "i64", "call-site"] for line in out)


def test_unknown_slots_exit_zero(tmp_path, capsys):
    p = tmp_path / "m.py"
    p.write_text("def f(x):\n    return x\n")
    assert main(["infer", str(p), "--json", "--model-server", "none"]) == 0
    f = json.loads(capsys.readouterr().out)["functions"][0]
    assert f["params"][0]["python"] == "unknown" and f["params"][0]["rust"] is None


def test_syntax_error_exit_2(tmp_path):
    p = tmp_path / "bad.py"
    p.write_text("x = 1\ndef f(:\n    pass\n")
    r = subprocess.run([sys.executable, "-m", "portalis", "infer", str(p), "--json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stdout == ""
    assert f"{p}:2:1: error[syntax-error]" in r.stderr
