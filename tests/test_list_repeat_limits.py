"""A list repeated more times than memory holds stops at the memory limit, as CPython stops with
MemoryError; it never becomes a shorter list. On wasm32 a count above 2**32 does not fit `usize`:
the display forms (`[0] * n`, `n * [0]`, `[1] + [0] * n`, built in one `Vec` by the emitter's
`fresh_vec`) once returned an empty list for it, a silent difference caught in review."""

from __future__ import annotations

import pytest

from portalis.codegen.wasm_exec import EXIT_MEMORY, Limits, run_wasm
from portalis.pipeline import build_program

FORMS = ["[0] * n", "n * [0]", "[1] + [0] * n", "[1, 2] * n", "[(1, 'a')] * n + [(2, 'b')]", "xs * n"]
SRC = "n = int(input())\nxs = [0]\nprint('start')\nk = int(input())\n" + "".join(
    f"{'if' if i == 0 else 'elif'} k == {i}:\n    ys{i} = {form}\n    print(len(ys{i}), ys{i}[-1])\n"
    for i, form in enumerate(FORMS))


@pytest.fixture(scope="module")
def wasm(tmp_path_factory, toolchain):
    p = tmp_path_factory.mktemp("repeat") / "repeat.py"
    p.write_text(SRC)
    pb = build_program(SRC, str(p), toolchain=toolchain)
    assert pb.wasm_path is not None, pb.build.format_errors() if pb.build else pb.translation
    return pb.wasm_path


@pytest.mark.parametrize("k", range(len(FORMS)), ids=FORMS)
@pytest.mark.parametrize("n", [10**12, 2**32 + 1])
def test_too_many_items_stop_at_the_memory_limit(wasm, k, n):
    r = run_wasm(wasm, limits=Limits(timeout=60, max_memory=64 << 20), stdin=f"{n}\n{k}\n".encode())
    assert r.exit_code == EXIT_MEMORY, (r.exit_code, r.stdout, r.stderr[-2000:])
    assert r.stdout == b"start\n"
    assert b"memory limit exceeded" in r.stderr


@pytest.mark.parametrize("k", range(len(FORMS)), ids=FORMS)
def test_small_counts_agree(wasm, k):
    for n in (-3, 0, 1, 4):
        r = run_wasm(wasm, limits=Limits(timeout=60), stdin=f"{n}\n{k}\n".encode())
        ys = eval(FORMS[k], {"n": n, "xs": [0]})  # noqa: S307 - our own constant forms
        want = f"start\n{len(ys)} {ys[-1]}\n" if ys else None
        if want is None:  # ys[-1] of an empty list: IndexError, as in CPython
            assert r.exit_code == 1 and b"IndexError: list index out of range" in r.stderr, r.stderr
        else:
            assert r.exit_code == 0, r.stderr
            assert r.stdout.decode() == want
