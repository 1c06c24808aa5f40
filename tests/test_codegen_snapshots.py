"""Snapshot tests of the generated Rust for small focused cases.

`tests/codegen/cases/NAME.py` -> `tests/codegen/snapshots/NAME.rs`. After an intended change,
rewrite them with `PORTALIS_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_codegen_snapshots.py`
and review the diff. Each case is also run, so a snapshot can never freeze wrong behaviour.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from portalis.codegen.conformance import compare_program
from portalis.pipeline import build_program, translate_source

HERE = Path(__file__).parent / "codegen"
CASES = sorted((HERE / "cases").glob("*.py"))
UPDATE = os.environ.get("PORTALIS_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_snapshot(case: Path, toolchain):
    tr = translate_source(case.read_text(), case.name)
    assert tr.ok, [d.render(case.name) for d in tr.diagnostics]
    got = tr.crate.files["src/main.rs"]
    snap = HERE / "snapshots" / f"{case.stem}.rs"
    if UPDATE or not snap.exists():
        snap.write_text(got)
        if not UPDATE:
            pytest.fail(f"new snapshot written: {snap}; review and commit it")
    assert got == snap.read_text(), "generated Rust changed; review, then rerun with PORTALIS_UPDATE_SNAPSHOTS=1"
    pb = build_program(case.read_text(), str(case), toolchain=toolchain)
    assert pb.wasm_path is not None
    v = compare_program(case, pb.wasm_path, [])
    assert v.same, v.detail


def test_line_map_points_back_to_python():
    case = HERE / "cases" / "int_arith.py"
    tr = translate_source(case.read_text(), case.name)
    lines = tr.crate.files["src/main.rs"].splitlines()
    pymap = tr.crate.line_map["src/main.rs"]
    assert len(pymap) == len(lines)
    ret = next(i for i, text in enumerate(lines) if "int_floordiv" in text)
    assert pymap[ret] == 2
