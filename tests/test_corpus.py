"""Differential tests: every corpus program runs under CPython and as WASM; stdout and exit
code must be identical. A refusal or a compile failure is a failure; known gaps are strict xfails."""

from __future__ import annotations

from pathlib import Path

import pytest

from portalis.codegen.conformance import compare_run
from portalis.pipeline import build_program, run_program

CORPUS = Path(__file__).parent / "corpus"
PROGRAMS = sorted(p for p in CORPUS.glob("*.py") if p.name != "check_corpus.py")

# Known gaps: file name -> reason (strict xfails, so fixing one is noticed). None today.
KNOWN_GAPS: dict[str, str] = {}


def _params():
    for p in PROGRAMS:
        marks = []
        if p.name in KNOWN_GAPS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[p.name]))
        yield pytest.param(p, id=p.stem, marks=marks)


def test_corpus_size():
    assert len(PROGRAMS) >= 80


@pytest.mark.parametrize("path", list(_params()))
def test_same_as_cpython(path: Path, toolchain):
    pb = build_program(path.read_text(), str(path), toolchain=toolchain)
    if pb.translation is not None:
        errors = [d.render(path.name) for d in pb.translation.diagnostics if d.severity.value == "error"]
        assert not errors, "refused:\n" + "\n".join(errors)
    assert pb.wasm_path is not None, "build failed:\n" + (pb.build.format_errors() if pb.build else "")

    results = []

    def run():
        pr = run_program(path.read_text(), str(path), [], toolchain=toolchain)
        assert pr.result is not None
        results.append(pr.result)
        return pr.result
    verdict = compare_run(path, [], run)
    assert verdict.same, verdict.detail
    # the same module compiled by Winch, the baseline compiler the dev profile runs with
    # (codegen.wasm_exec.TIERS), behaves alike: output, exit code and messages
    pr = run_program(path.read_text(), str(path), [], toolchain=toolchain, tier="baseline")
    assert pr.result is not None
    first = results[-1]
    assert (pr.result.exit_code, pr.result.stdout, pr.result.stderr) == (first.exit_code, first.stdout, first.stderr)


def test_overflow_reruns_with_big_ints(toolchain, tmp_path):
    """Where CPython prints a big int, the 64-bit build stops (never wraps) and the program is
    rerun with big ints; a module run on its own (`portalis exec`) stops with OverflowError."""
    src = tmp_path / "big.py"
    src.write_text("x = 2 ** 62\nprint(x)\nprint(x * 4)\n")
    pr = run_program(src.read_text(), str(src), [], toolchain=toolchain)
    assert pr.first is not None and pr.first.int_limit is not None and pr.first.int_limit.line == 3
    assert pr.result is not None and pr.result.exit_code == 0
    assert pr.result.stdout == b"4611686018427387904\n18446744073709551616\n"
    from portalis.codegen.wasm_exec import run_wasm
    assert pr.build.wasm_path is not None
    r = run_wasm(pr.build.wasm_path, [], program_name="big.py")
    assert r.stdout == b"4611686018427387904\n"
    assert r.exit_code == 1
    assert r.stderr.decode().strip().splitlines()[-1].startswith("OverflowError")
    assert "line 3" in r.stderr.decode()
