"""Run generated programs under CPython and through Portalis (`run_program`, what `portalis run`
does) and classify each one.

Classes: `same`; `refused` (translation diagnostics: fine, the codes are counted); `limit` (the
run stopped at a documented Portalis limit); `cpython-error` (the generator made a program
CPython itself rejects or that does not end: a generator bug, not counted against Portalis);
and the failures: `mismatch` (stdout or exit code differ), `build-failed` (rustc rejected a
program the translator accepted), `crash` (an exception escaped Portalis), and, for a batch,
`combined-refused`: programs that are each accepted alone but refused together (their module
names are disjoint, so one program's names leaked into another's scopes: a translator bug; such
a batch was checked one program at a time, unnoticed, ~10x slower, until 2026-12-04). A
combined refusal is a finding about the batch, not a program: it is in ``failures`` but not in
``counts``.

Batches: several programs with disjoint module-level names share one module (one build), each
after a marker line; output is compared program by program, and a failing program is run
again on its own before it is reported.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from progen.generator import MARKER, Program

FAILURES = ("mismatch", "build-failed", "crash", "combined-refused")


@dataclass
class Outcome:
    kind: str
    detail: str = ""
    codes: tuple[str, ...] = ()
    source: str = ""


@dataclass
class Stats:
    counts: dict[str, int] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    failures: list[Outcome] = field(default_factory=list)

    def add(self, o: Outcome) -> None:
        self.counts[o.kind] = self.counts.get(o.kind, 0) + 1
        for c in o.codes:
            self.codes[c] = self.codes.get(c, 0) + 1
        if o.kind in FAILURES:
            self.failures.append(o)


def _uncaught(stderr: bytes) -> bytes:
    """The line an uncaught exception's traceback ends with (b"" without one): the oracle's own
    reading (`portalis.codegen.conformance.uncaught`)."""
    from portalis.codegen.conformance import uncaught
    return (uncaught(stderr.decode("utf-8", "replace")) or "").encode()


def cpython(source: str, timeout: float = 10) -> tuple[int, bytes, bytes] | None:
    """(exit code, stdout, the uncaught exception's line or b"")."""
    with tempfile.TemporaryDirectory(prefix="progen-") as d:
        p = Path(d) / "prog.py"
        p.write_text(source, encoding="utf-8")
        try:
            r = subprocess.run([sys.executable, str(p)], capture_output=True, timeout=timeout,
                               env={"PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"})
        except subprocess.TimeoutExpired:
            return None
        if r.returncode != 0 and (b"SyntaxError" in r.stderr or b"NameError" in r.stderr
                                  or b"UnboundLocalError" in r.stderr):
            return None  # a generator bug (or a program CPython refuses), not Portalis' business
        return r.returncode, r.stdout, _uncaught(r.stderr)


def translate_codes(source: str) -> tuple[str, ...]:
    """The error codes Portalis refuses the program with (empty: accepted)."""
    from portalis.pipeline import translate_source
    t = translate_source(source, "prog.py")
    return tuple(sorted({d.code for d in t.diagnostics if d.severity.value == "error"}))


def portalis(source: str, path: str, toolchain, big_rerun: bool = True) -> tuple[str, int, bytes, str, bytes]:
    """(kind, exit code, stdout, detail, uncaught exception's line) with kind in same-candidate
    ("ran"), "refused", "build-failed", "limit", "crash", and with ``big_rerun=False``
    "int-limit" (the 64-bit run stopped where its ints outgrew 64 bits, and was not rerun)."""
    from portalis.codegen.wasm_exec import Limits
    from portalis.pipeline import run_program
    try:
        pr = run_program(source, path, [], limits=Limits(timeout=30), toolchain=toolchain, profile="dev",
                         big_rerun=big_rerun)
    except Exception as e:  # noqa: BLE001 - an escaping exception is a finding
        return "crash", 0, b"", "".join(traceback.format_exception(e))[-3000:], b""
    tr = pr.build.translation
    if tr is not None and not tr.ok:
        errors = [d for d in tr.diagnostics if d.severity.value == "error"]
        codes = sorted({d.code for d in errors})
        return "refused", 0, b"", f"{','.join(codes)}: {errors[0].message if errors else ''}", b""
    if pr.result is None:
        b = pr.build.build
        return "build-failed", 0, b"", (b.format_errors() if b else "no build")[-3000:], b""
    r = pr.result
    if r.int_limit is not None and not big_rerun:
        return "int-limit", r.exit_code, r.stdout, f"line {r.int_limit.line}", b""
    if r.stop_limit_line is not None or r.limit_hit:
        return "limit", r.exit_code, r.stdout, r.message or f"line {r.stop_limit_line}", b""
    return "ran", r.exit_code, r.stdout, r.stderr.decode("utf-8", "replace")[-500:], _uncaught(r.stderr)


def check(source: str, toolchain, path: str = "/tmp/progen/prog.py") -> Outcome:
    py = cpython(source)
    if py is None:
        return Outcome("cpython-error", "CPython refused it or it did not end", source=source)
    codes = translate_codes(source)
    if codes:
        return Outcome("refused", codes=codes, source=source)
    kind, code, out, detail, exc = portalis(source, path, toolchain)
    if kind != "ran":
        return Outcome(kind, detail, source=source)
    if (code, out, exc) != py:
        return Outcome("mismatch", _diff(py, (code, out, exc)), source=source)
    return Outcome("same", source=source)


def _diff(py: tuple[int, bytes, bytes], pt: tuple[int, bytes, bytes]) -> str:
    a, b = py[1].decode("utf-8", "replace").splitlines(), pt[1].decode("utf-8", "replace").splitlines()
    for i, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            return f"line {i}: CPython {x!r} vs Portalis {y!r}"
    if len(a) != len(b):
        return f"CPython printed {len(a)} lines, Portalis {len(b)} (exit {py[0]} vs {pt[0]})"
    if py[0] != pt[0]:
        return f"exit code {py[0]} vs {pt[0]}"
    return f"uncaught exception: CPython {py[2]!r} vs Portalis {pt[2]!r}"


def batch_source(programs: list[Program]) -> str:
    parts = []
    for i, p in enumerate(programs):
        parts.append(f"print({MARKER.format(i)!r})\n" + p.source)
    return "\n".join(parts)


def _split(out: bytes, n: int) -> list[bytes]:
    chunks = [b""] * n
    cur = -1
    for line in out.splitlines(keepends=True):
        for i in range(n):
            if line.rstrip(b"\n") == MARKER.format(i).encode():
                cur = i
                break
        else:
            if cur >= 0:
                chunks[cur] += line
    return chunks


def check_batch(programs: list[Program], toolchain, stats: Stats, path: str = "/tmp/progen/batch.py",
                split_at_int_limit: bool = False) -> None:
    """Check programs together where possible; each one gets its own Outcome in `stats`.

    A program that ends with an uncaught exception (exit 1 in CPython) ends the batch's module
    there: the programs after it did not run, so they are not counted from this run but run
    again as the next batch (they were counted as the same as CPython before 2026-12-04).

    ``split_at_int_limit`` (for 64-bit batches, see `generator.wide_batch`): when the batch's
    ints outgrow 64 bits in one program, that program is checked on its own (its 64-bit run,
    then the big-int build from the start) and the programs after it run as the next batch,
    instead of building the whole batch again with big ints.

    Programs are translated one by one only when the batch is refused as a whole (most batches
    are not; until 2026-12-04 every program was translated alone first, ~15 % of a batch's time):
    the refused ones are counted and left out, and the rest run again as a batch."""
    accepted: list[Program] = []
    ends_raising: list[Program] = []  # each ends a batch: last, so that the others run first
    for p in programs:
        py = cpython(p.source)
        if py is None:
            stats.add(Outcome("cpython-error", source=p.source))
        else:
            (accepted if py[0] == 0 else ends_raising).append(p)
    accepted += ends_raising
    translated_alone = False
    while accepted:
        src = batch_source(accepted)
        py = cpython(src, timeout=60)
        last = _last_marker(py[1], len(accepted)) if py is not None else -1  # the last program that ran
        if last < 0:  # the batch as a whole did not end in time (or printed nothing): one by one
            for p in accepted:
                stats.add(check(p.source, toolchain))
            return
        kind, code, out, code_detail, exc = portalis(src, path, toolchain, big_rerun=not split_at_int_limit)
        if kind == "refused" and not translated_alone:  # which ones: each is translated alone
            translated_alone = True
            keep = []
            for p in accepted:
                codes = translate_codes(p.source)
                if codes:
                    stats.add(Outcome("refused", codes=codes, source=p.source))
                else:
                    keep.append(p)
            if len(keep) < len(accepted):
                accepted = keep
                continue
            # refused together, each accepted alone: a finding if CPython ran them together (when
            # it stopped early, one program's names broke another's, e.g. a module variable `type`
            # and another program's `Optional[type]`: refusing that batch is right); either way
            # the suspects below are checked one by one
            # (the generator draws module names to collide, so programs are not independent
            # where one's module variable is a name another's annotation evaluates: refusing that
            # batch is the translator's rule, analyzers/annotation_names.py, not a finding)
            ran_together = (last == len(accepted) - 1 and py is not None and (py[0] == 0 or accepted[-1] in ends_raising)
                            and "in this annotation is a name the program binds" not in code_detail)
            if ran_together:
                stats.failures.append(Outcome("combined-refused", f"refused together, each accepted alone: {code_detail}",
                                              source=src))
        # the last program that began under Portalis
        stop = _last_marker(out, len(accepted)) if kind in ("ran", "limit", "int-limit") else -1
        if stop < 0:
            suspects, rest = accepted[:last + 1], accepted[last + 1:]  # did not build, or crashed
        else:
            a, b = _split(py[1], len(accepted)), _split(out, len(accepted))
            if kind == "ran" and stop >= last:  # the last program that ran ends the module: its exit code is the batch's
                suspects = [p for i, p in enumerate(accepted[:last + 1]) if a[i] != b[i] or (i == last and (code, exc) != (py[0], py[2]))]
                done = accepted[:last + 1]
            else:
                # Portalis stopped in program `stop` (at a limit, the int limit, or where it raised
                # or exited and CPython went on): that one is checked on its own, and the programs
                # after it did not run (they were compared as printing nothing until 2026-12-04)
                suspects = [p for i, p in enumerate(accepted[:stop]) if a[i] != b[i]] + [accepted[stop]]
                done = accepted[:stop + 1]
            for p in done:
                if p not in suspects:
                    stats.add(Outcome("same", source=p.source))
            rest = accepted[len(done):]
        # something differed, or the batch did not run as a whole: each suspect on its own
        for p in suspects:
            stats.add(check(p.source, toolchain))
        accepted = rest


def _last_marker(out: bytes, n: int) -> int:
    """The index of the last program whose marker line the batch printed (-1: none)."""
    last = -1
    for line in out.splitlines():
        for i in range(last + 1, n):
            if line == MARKER.format(i).encode():
                last = i
                break
    return last
