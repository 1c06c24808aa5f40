"""Verification of a translation against CPython, for the language server's background jobs.

`program_check`: a module that runs as a program is run under CPython and as WASM (what
`portalis check` does), on the editor's text. `doctest_check`: a function's doctest examples
are run in a driver program (the module's definitions, then one `print(repr(example))` per
example) under CPython and as WASM, and compared example by example; CPython's output is also
compared with the docstring's expected output. Both return `Finding`s with a Python line.
No LSP here; nothing is written outside a temporary directory.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from portalis.engine import FunctionInfo, ModuleAnalysis

MARK = "#### portalis doctest {}"


@dataclass(frozen=True)
class Finding:
    line: int  # the Python line it is about
    kind: str  # "mismatch" | "trap" | "limit" | "build-failed" | "doctest-fails-in-cpython" | "verified"
    message: str
    detail: str = ""  # rustc's message, the first differing line, ...


def _cpython(text: str, name: str, timeout: float) -> tuple[int, bytes, bytes] | None:
    with tempfile.TemporaryDirectory(prefix="portalis-verify-") as d:
        p = Path(d) / name
        p.write_text(text, encoding="utf-8")
        try:
            r = subprocess.run([sys.executable, str(p)], capture_output=True, timeout=timeout, cwd=d,
                               stdin=subprocess.DEVNULL,  # never the server's stdin: the client's messages
                               env={"PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"})
        except subprocess.TimeoutExpired:
            return None
        return r.returncode, r.stdout, r.stderr


def _wasm(text: str, path: str, toolchain, timeout: float):
    from portalis.codegen.wasm_exec import Limits
    from portalis.pipeline import run_program
    return run_program(text, path, [], limits=Limits(timeout=timeout), toolchain=toolchain, profile="dev")


def _build_findings(pr) -> list[Finding]:
    tr = pr.build.translation
    if tr is not None and not tr.ok:
        d = next(d for d in tr.diagnostics if d.severity.value == "error")
        return [Finding(d.span.line, "build-failed", f"{d.code}: {d.message}")]
    if pr.result is None and pr.build.build is not None:
        out = []
        for rd in pr.build.build.diagnostics or ():
            out.append(Finding(rd.python_line or 1, "build-failed", f"rustc rejected the translation: {rd.message}",
                               rd.rendered))
        return out or [Finding(1, "build-failed", "rustc rejected the translation", pr.build.build.stderr[-2000:])]
    return []


def _line_of_function(analysis: ModuleAnalysis, frames) -> int:
    for fr in frames:
        name = fr.rsplit("::", 1)[-1].split(" ", 1)[0].removesuffix("_body")
        f = analysis.function(name)
        if f is not None:
            return f.name_span.line
    return 1


def program_check(analysis: ModuleAnalysis, toolchain, timeout: float = 10.0) -> list[Finding]:
    """CPython vs WASM on the module as a program (its text as in the editor)."""
    name = Path(analysis.path).name
    py = _cpython(analysis.text, name, timeout)
    if py is None:
        return [Finding(1, "mismatch", f"CPython did not finish within {timeout:g} s; nothing compared")]
    pr = _wasm(analysis.text, analysis.path, toolchain, timeout)
    bad = _build_findings(pr)
    if bad:
        return bad
    r = pr.result
    line = _first_code_line(analysis)
    if r.stop_limit_line is not None:
        return [Finding(r.stop_limit_line, "limit", "stopped at a Portalis limit: " + r.stderr.decode(errors="replace")
                        .strip().splitlines()[-1] if r.stderr else "stopped at a Portalis limit")]
    if r.trap is not None:
        return [Finding(_line_of_function(analysis, r.trap.frames), "trap", f"the WASM trapped: {r.trap.message}",
                        r.message)]
    if (r.exit_code, r.stdout) != (py[0], py[1]):
        return [Finding(line, "mismatch", "the translation behaves differently from CPython: "
                        + _first_difference(py[1], r.stdout, py[0], r.exit_code))]
    n = len(py[1].splitlines())
    return [Finding(line, "verified", f"same as CPython: stdout ({n} lines) and exit code {py[0]}")]


def _first_code_line(analysis: ModuleAnalysis) -> int:
    import ast
    try:
        tree = ast.parse(analysis.text)
    except SyntaxError:
        return 1
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom,
                                 ast.Assign, ast.AnnAssign)) and not (isinstance(node, ast.Expr)
                                                                     and isinstance(node.value, ast.Constant)):
            return node.lineno
    return 1


def _first_difference(a: bytes, b: bytes, ca: int, cb: int) -> str:
    la, lb = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
    for i, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            return f"output line {i}: CPython {x!r}, WASM {y!r}"
    if len(la) != len(lb):
        return f"CPython printed {len(la)} lines, WASM {len(lb)}"
    return f"exit code {ca} under CPython, {cb} as WASM"


def doctest_driver(text: str, f: FunctionInfo, analysis: ModuleAnalysis | None = None) -> str | None:
    """The function, the functions it calls, the module's classes, imports and constants (no
    top-level code runs), then the function's doctest examples."""
    import ast
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    needed = {f.name}
    if analysis is not None:
        todo = [f]
        while todo:
            for callee, _ in todo.pop().calls:
                g = analysis.function(callee)
                if g is not None and g.name not in needed:
                    needed.add(g.name)
                    todo.append(g)
    lines = text.splitlines()
    keep: list[str] = []
    for node in tree.body:
        ok = isinstance(node, (ast.ClassDef, ast.Import, ast.ImportFrom)) or (
            isinstance(node, ast.FunctionDef) and (analysis is None or node.name in needed))
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and not any(isinstance(n, ast.Call) for n in ast.walk(node)):
            ok = True
        if ok:
            start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            keep += lines[start - 1:node.end_lineno]
    body = []
    for i, ex in enumerate(f.doctests):
        body.append(f"print({MARK.format(i)!r})")
        try:
            expr = ast.parse(ex.source, mode="eval").body
        except SyntaxError:
            body.append(ex.source)
            continue
        # doctest shows an expression's repr unless it is None: a call of a function that
        # returns None shows only what it prints
        returns_none = (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name)
                        and analysis is not None and (g := analysis.function(expr.func.id)) is not None
                        and g.returns.python == "None")
        body.append(ex.source if returns_none else f"print(repr({ex.source}))")
    return "\n".join(keep) + "\n\n" + "\n".join(body) + "\n"


def _split(out: bytes, n: int) -> list[str]:
    chunks = [""] * n
    cur = -1
    for line in out.decode(errors="replace").splitlines(keepends=True):
        for i in range(n):
            if line.rstrip("\n") == MARK.format(i):
                cur = i
                break
        else:
            if cur >= 0:
                chunks[cur] += line
    return chunks


def doctest_check(analysis: ModuleAnalysis, f: FunctionInfo, toolchain, timeout: float = 10.0) -> list[Finding]:
    """Each doctest example of `f`: CPython vs the translation built to WASM."""
    if not f.doctests:
        return []
    driver = doctest_driver(analysis.text, f, analysis)
    if driver is None:
        return []
    name = Path(analysis.path).stem + f"_{f.name}_doctest.py"
    py = _cpython(driver, name, timeout)
    if py is None:
        return [Finding(f.doctests[0].line, "mismatch", "CPython did not finish the doctests; nothing compared")]
    pr = _wasm(driver, str(Path(analysis.path).with_name(name)), toolchain, timeout)
    bad = _build_findings(pr)
    if bad:
        # the driver has the module's lines first: map its line numbers back is not needed for
        # definitions (kept in order); report on the function
        return [Finding(f.name_span.line, b.kind, b.message, b.detail) for b in bad]
    r = pr.result
    n = len(f.doctests)
    cp, wa = _split(py[1], n), _split(r.stdout, n)
    out: list[Finding] = []
    stopped = r.stop_limit_line is not None or r.limit_hit is not None or r.trap is not None
    for i, ex in enumerate(f.doctests):
        want = ex.want
        if cp[i] != wa[i] and stopped:
            # the run ended in this example: a Portalis limit, a time/memory limit or a trap,
            # not a different result
            why = (r.stderr.decode(errors="replace").strip().splitlines() or [r.message or "stopped"])[-1]
            if r.trap is not None:
                out.append(Finding(ex.line, "trap", f"doctest `{ex.source}`: the WASM trapped: {r.trap.message}", r.message))
            else:
                out.append(Finding(ex.line, "limit", f"doctest `{ex.source}`: stopped at a Portalis limit: {why}"))
            break
        if cp[i] != wa[i]:
            out.append(Finding(ex.line, "mismatch", f"doctest `{ex.source}`: CPython gives {cp[i].strip()!r}, "
                               f"the translation {wa[i].strip()!r}"))
        elif want and cp[i] != want and not (want.strip() == "" and cp[i].strip() == "None"):
            out.append(Finding(ex.line, "doctest-fails-in-cpython",
                               f"doctest `{ex.source}` expects {want.strip()!r}; CPython gives {cp[i].strip()!r}"))
    if (r.exit_code != py[0]) and not out:
        out.append(Finding(f.doctests[0].line, "mismatch",
                           f"the doctests end with exit code {py[0]} under CPython, {r.exit_code} as WASM"))
    if not out:
        size = pr.build.wasm_path.stat().st_size // 1024 if pr.build.wasm_path else 0
        out.append(Finding(f.name_span.line, "verified", f"verified on {n} doctest{'s' if n != 1 else ''} ({size} KiB WASM)"))
    return out
