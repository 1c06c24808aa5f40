"""The random program generator's short run (issue 10): fixed seeds, each program run under
CPython and through Portalis; any mismatch, build failure or crash fails. The long run is
scripts/progen.py (README, Tests)."""

from __future__ import annotations

import pytest

from progen.generator import INTS, INTS_64, generate, generate_batch, name_pool, wide_batch
from progen.runner import FAILURES, Stats, check_batch, cpython


@pytest.mark.parametrize("seed", [11, 12, 13, 15])  # 15: a 64-bit batch (see below)
def test_generated_programs_behave_as_in_cpython(seed, toolchain, tmp_path):
    stats = Stats()
    check_batch(generate_batch(seed, 8), toolchain, stats, path=str(tmp_path / "batch.py"))
    assert sum(stats.counts.values()) == 8
    assert stats.counts.get("same", 0) >= 6, stats.counts  # the generator's programs are mostly accepted
    bad = [o for o in stats.failures if o.kind in FAILURES]
    assert not bad, "\n\n".join(f"{o.kind}: {o.detail}\n{o.source}" for o in bad)


def test_generator_is_deterministic_and_valid():
    assert generate(5).source == generate(5).source
    for seed in range(20):
        assert cpython(generate(seed).source) is not None, seed  # CPython runs what it makes


def test_some_functions_have_functions_nested_in_them():
    import ast
    nested = calls = 0
    for seed in range(40):
        tree = ast.parse(generate(seed).source)
        for fn in (s for s in tree.body if isinstance(s, ast.FunctionDef)):
            inner = {s.name for s in fn.body if isinstance(s, ast.FunctionDef)}
            nested += len(inner)
            calls += sum(isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id in inner
                         for c in ast.walk(fn))
    assert nested >= 10 and calls > nested, (nested, calls)  # each called at its `def`, some again


def test_some_trys_are_left_by_a_jump():
    # return/break/continue out of a try (its finally runs first, its else does not)
    import re
    text = "\n".join(generate(seed).source for seed in range(40))
    kinds = re.findall(r"try:\n\s+if .*:\n\s+(break|continue|return)", text)
    assert {"break", "continue", "return"} <= set(kinds) and len(kinds) >= 10, kinds


def test_some_programs_have_with_statements():
    import re
    text = "\n".join(generate(seed).source for seed in range(40))
    assert len(re.findall(r"\n\s*with \S+\(.*, (?:True|False)\) as ", text)) >= 10
    assert "def __exit__(self, et: Optional[type], ev: Optional[BaseException], tb: object) -> bool:" in text


def test_batches_are_64_bit_or_wide():
    # most batches stay within 64-bit ints (the build most programs get runs them to the end);
    # the rest have ints near and past 64 bits (the big-int build runs them)
    assert [wide_batch(s) for s in (11, 12, 13, 15)] == [True, True, True, False]
    share = sum(wide_batch(s) for s in range(1000)) / 1000
    assert 0.2 < share < 0.4, share
    wide_only = [v for v in INTS if v not in INTS_64 and ("**" in v or abs(eval(v)) >= 2 ** 31)]
    assert wide_only
    narrow = "\n".join(p.source for p in generate_batch(15, 30))
    assert not any(v in narrow for v in wide_only)
    assert any(v in "\n".join(p.source for p in generate_batch(11, 30)) for v in wide_only)


def test_batches_have_disjoint_module_names():
    # 30 programs use up the name pool: the fallback names (v<i>) must skip other programs' names
    # too, or the batch does not translate as a whole and every program is built on its own
    progs = generate_batch(3, 30)
    seen: set[str] = set()
    for p in progs:
        assert not (p.module_names & seen)
        seen |= p.module_names


def test_name_pool_collides_on_purpose():
    pool = set(name_pool())
    assert {"type", "type_", "match", "match_", "LIMIT", "limit", "_t1", "_depth", "μ", "file", "pf_x", "G_n"} <= pool



def spy_portalis(monkeypatch, change=None) -> list:
    """Wrap the runner's Portalis side: each call's (batch source, result) is recorded;
    ``change(call_index, result)`` may alter a result (to check that the runner notices)."""
    from progen import runner
    real, seen = runner.portalis, []

    def spy(src, path, tc, **kw):
        res = real(src, path, tc, **kw)
        if change is not None:
            res = change(len(seen), res)
        seen.append((src, res))
        return res
    monkeypatch.setattr(runner, "portalis", spy)
    return seen

def test_a_program_ending_with_an_exception_does_not_hide_the_others(toolchain, tmp_path, monkeypatch):
    # it ends the batch's module where it raises: the programs after it must run in another
    # batch, not be counted as the same as CPython without having run (they were, until
    # 2026-12-04)
    from progen.generator import Program
    progs = [Program('print("a")\nraise ValueError("boom")\n'), Program('print("b")\n'),
             Program('print("c")\nraise KeyError("k")\n'), Program('print("d")\n')]
    seen = spy_portalis(monkeypatch)
    stats = Stats()
    check_batch(progs, toolchain, stats, path=str(tmp_path / "batch.py"))
    assert stats.counts == {"same": 4}, stats.counts
    ran = b"".join(res[2] for _, res in seen)
    for line in (b"a\n", b"b\n", b"c\n", b"d\n"):
        assert line in ran  # each program ran through Portalis
    assert len(seen) == 2  # the raising programs go last: one more build per extra one


@pytest.mark.parametrize("split", [False, True])
def test_a_program_outgrowing_64_bits_in_a_batch(split, toolchain, tmp_path, monkeypatch):
    # the whole batch reruns with big ints (wide batches), or (64-bit batches) the program is
    # checked on its own and the programs after it run as the next batch: all are checked
    from progen.generator import Program
    progs = [Program('print("a", 2 ** 40)\n'), Program('x = 2 ** 62\nfor i in range(3):\n    x *= 4\n    print(x)\n'),
             Program('print("c", -(2 ** 40))\n'), Program('y = 3\nprint(y * 5)\n')]
    seen = spy_portalis(monkeypatch)
    stats = Stats()
    check_batch(progs, toolchain, stats, path=str(tmp_path / "batch.py"), split_at_int_limit=split)
    assert stats.counts == {"same": 4}, stats.counts
    # split: the batch stops in program 1, which is checked alone, then programs 2-3 as a batch
    kinds = [res[0] for _, res in seen]
    assert kinds == (["int-limit", "ran", "ran"] if split else ["ran"]), kinds


def test_a_refused_program_is_left_out_of_its_batch(toolchain, tmp_path):
    # programs are translated alone only when their batch is refused: the refused one is
    # counted as refused, the others still run (as a batch)
    from progen.generator import Program
    progs = [Program('print("a")\n'), Program('def gen():\n    x = yield 1\n    print(x)\nprint(list(gen()))\n'),
             Program('print("c")\n')]
    stats = Stats()
    check_batch(progs, toolchain, stats, path=str(tmp_path / "batch.py"))
    assert stats.counts == {"same": 2, "refused": 1}, stats.counts
    assert stats.codes == {"generator": 1}, stats.codes


def test_programs_after_an_early_end_under_portalis_are_not_counted(toolchain, tmp_path, monkeypatch):
    # Portalis ends the batch's module in program 1 (as if it raised at its end where CPython
    # went on): program 1 must be checked on its own and programs 2-3, which did not run under
    # Portalis, must run in another batch, not be compared as printing nothing (a program that
    # prints nothing compared equal until 2026-12-05)
    from progen import runner
    from progen.generator import MARKER, Program
    progs = [Program('print("a")\n'), Program('print("b")\n'), Program('x = 1\n'), Program('print("d")\n')]
    alone = []

    def early(k, res):
        kind, code, out, detail, exc = res
        if k == 0:  # the first batch: cut after program 1, exit 1
            return kind, 1, out.split(MARKER.format(2).encode())[0], detail, b"ValueError: early"
        return res
    seen = spy_portalis(monkeypatch, early)
    real_check = runner.check

    def spy_check(source, tc, path="/tmp/progen/prog.py"):
        alone.append(source)
        return real_check(source, tc, str(tmp_path / "alone.py"))
    monkeypatch.setattr(runner, "check", spy_check)
    stats = Stats()
    check_batch(progs, toolchain, stats, path=str(tmp_path / "batch.py"))
    assert stats.counts == {"same": 4}, stats.counts
    assert alone == [progs[1].source]  # where Portalis ended: checked alone (and the same there)
    calls = [src.count("portalis-progen program") for src, _ in seen]
    assert calls == [4, 0, 2]  # program 1 alone (no marker), then programs 2 and 3 again as a batch


def test_programs_refused_together_but_accepted_alone_are_a_finding(toolchain, tmp_path, monkeypatch):
    # their module names are disjoint, so a refusal of the batch that none of them gets alone
    # is a translator bug (a nested function's name read as another program's module variable
    # refused every batch of the long run this way, unnoticed, until 2026-12-04); the programs
    # are still checked, one by one
    from progen.generator import Program
    progs = [Program('print("a")\n'), Program('print("b")\n')]
    spy_portalis(monkeypatch, lambda k, res: ("refused", 0, b"", "unsupported-syntax: made up", b"") if k == 0 else res)
    stats = Stats()
    check_batch(progs, toolchain, stats, path=str(tmp_path / "batch.py"))
    assert stats.counts == {"same": 2}, stats.counts  # a finding about the batch, not a program
    assert [o.kind for o in stats.failures] == ["combined-refused"]
    assert "made up" in stats.failures[0].detail and 'print("b")' in stats.failures[0].source
    assert "combined-refused" in FAILURES


def test_programs_that_break_each_other_in_cpython_too_are_not_a_finding(toolchain, tmp_path):
    # one program's module variable `str` and another's `Optional[str]`: CPython fails the batch
    # when the second `def` runs (Optional[''] is an empty forward reference) and Portalis
    # refuses it; each alone is fine, and each is checked alone
    from progen.generator import Program
    progs = [Program("str = ''\nprint(len(str))\n"),
             Program("from typing import Optional\ndef f(x: Optional[str]) -> int:\n    return 1\nprint(f(None))\n")]
    stats = Stats()
    check_batch(progs, toolchain, stats, path=str(tmp_path / "batch.py"))
    assert stats.counts == {"same": 2}, stats.counts
    assert stats.failures == []


def test_a_difference_in_one_program_of_a_batch_is_found(toolchain, tmp_path, monkeypatch):
    # the runner's own canary: Portalis made to print one wrong line in program 2, in the batch
    # and alone; exactly that program is a mismatch, the others the same
    from progen.generator import Program
    progs = [Program(f'print("p{i}", {i} * 3)\n') for i in range(4)]
    spy_portalis(monkeypatch, lambda k, res: (res[0], res[1], res[2].replace(b"p2 6\n", b"p2 7\n"), *res[3:]))
    stats = Stats()
    check_batch(progs, toolchain, stats, path=str(tmp_path / "batch.py"))
    assert stats.counts == {"same": 3, "mismatch": 1}, stats.counts
    assert [o.source for o in stats.failures] == [progs[2].source]
    assert "CPython 'p2 6' vs Portalis 'p2 7'" in stats.failures[0].detail


def test_the_long_run_reports_a_state_file(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path
    state = tmp_path / "run.jsonl"
    state.write_text("\n".join([json.dumps({"count": 96, "seed": 1, "batch": 48}),
                                json.dumps({"index": 0, "counts": {"same": 47, "refused": 1}, "codes": {"generator": 1},
                                            "failures": []}),
                                json.dumps({"index": 1, "counts": {"same": 48}, "codes": {}, "failures": []}),
                                '{"index": 2, "cou']) + "\n")  # a run killed while writing
    script = Path(__file__).parent.parent / "scripts" / "progen.py"
    p = subprocess.run([sys.executable, str(script), "--report", str(state)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "2 batches, 96 programs" in p.stdout
    assert '"refused": 1, "same": 95' in p.stdout and '"generator": 1' in p.stdout
