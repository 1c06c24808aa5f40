#!/usr/bin/env python3
"""Sanity checker for the Portalis differential test corpus (a script, not a test).

For every program in tests/corpus/ (except this file) it:
  * runs it under python3 twice, with PYTHONHASHSEED=0 and PYTHONHASHSEED=1,
    and requires identical stdout, stderr-free-ness aside, and exit codes
    (detects hash-order / set-iteration dependence and other nondeterminism);
  * requires each run to finish in under 0.5 s wall-clock;
  * requires the `# corpus: <category>: <what>` header, 20-80 lines,
    and at least 5 lines of stdout;
  * runs a light AST lint for constructs outside the supported subset
    (imports, non-exception classes, lambdas outside key=, default args,
    with/yield/async/walrus/match, for-else, *args/**kwargs, decorators,
    nested functions, keyword arguments to user functions, set printing).

It also checks that every tests/refused/*.py file starts with a well-formed
`# expect: <code> @ <line>` header.

Prints a summary table (file, lines, exit code, seconds, status) and exits
non-zero if anything fails.
"""
import ast
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REFUSED = os.path.join(os.path.dirname(HERE), "refused")
TIME_LIMIT = 0.5
ALLOWED_IMPORTS = {"math", "sys", "typing"}
EXC_BASES = {"Exception", "ValueError", "KeyError", "IndexError", "ZeroDivisionError",
             "TypeError", "RuntimeError", "OverflowError", "AssertionError", "ArithmeticError",
             "LookupError"}
REFUSE_CODES = {"dynamic-eval", "unsupported-import", "unsupported-class", "generator",
                "unsupported-syntax", "type-mismatch", "int-float-mix", "cannot-infer-type",
                "possibly-unbound", "undefined-name", "syntax-error"}
KEY_BUILTINS = {"sorted", "min", "max"}
KW_OK = {"print": {"sep", "end"}, "sorted": {"key", "reverse"}, "min": {"key"}, "max": {"key"},
         "enumerate": {"start"}}


def lint(path: str) -> list[str]:
    src = open(path, encoding="utf-8").read()
    tree = ast.parse(src, path)
    problems: list[str] = []
    user_funcs = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    key_lambdas = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "key" and isinstance(kw.value, ast.Lambda):
                    key_lambdas.add(id(kw.value))
    for node in ast.walk(tree):
        ln = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name not in ALLOWED_IMPORTS:
                    problems.append(f"L{ln}: import {a.name}")
        elif isinstance(node, ast.ImportFrom):
            if node.module not in ALLOWED_IMPORTS:
                problems.append(f"L{ln}: from {node.module} import")
        elif isinstance(node, ast.ClassDef):
            bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
            body_ok = all(isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)) for s in node.body)
            if not bases or not bases <= (EXC_BASES | {c.name for c in ast.walk(tree) if isinstance(c, ast.ClassDef)}) or not body_ok:
                problems.append(f"L{ln}: class {node.name} is not a plain exception class")
        elif isinstance(node, ast.Lambda) and id(node) not in key_lambdas:
            problems.append(f"L{ln}: lambda outside key=")
        elif isinstance(node, (ast.With, ast.AsyncWith, ast.AsyncFunctionDef, ast.Yield, ast.YieldFrom,
                               ast.NamedExpr, ast.Match, ast.Await, ast.Nonlocal)):
            problems.append(f"L{ln}: unsupported {type(node).__name__}")
        elif isinstance(node, (ast.For, ast.While)) and node.orelse:
            problems.append(f"L{ln}: for/while-else")
        elif isinstance(node, ast.FunctionDef):
            a = node.args
            if a.defaults or a.kw_defaults or a.vararg or a.kwarg or a.kwonlyargs:
                problems.append(f"L{ln}: defaults/varargs/kwonly in {node.name}")
            if node.decorator_list:
                problems.append(f"L{ln}: decorator on {node.name}")
            # a function nested directly in a module function's body is supported; deeper, not
            direct = set(map(id, node.body)) if any(node is t for t in tree.body) else set()
            for sub in ast.walk(node):
                if sub is not node and isinstance(sub, ast.FunctionDef) and id(sub) not in direct:
                    problems.append(f"L{sub.lineno}: nested function {sub.name}")
        elif isinstance(node, ast.Call):
            fname = node.func.id if isinstance(node.func, ast.Name) else None
            if fname in ("eval", "exec", "globals", "locals", "getattr", "setattr", "type", "open", "input", "iter", "next"):
                problems.append(f"L{ln}: call to {fname}")
            if fname in user_funcs and node.keywords:
                problems.append(f"L{ln}: keyword args to user function {fname}")
            if fname in KW_OK:
                for kw in node.keywords:
                    if kw.arg not in KW_OK[fname]:
                        problems.append(f"L{ln}: keyword {kw.arg}= to {fname}")
            if any(isinstance(x, ast.Starred) for x in node.args) or any(k.arg is None for k in node.keywords):
                problems.append(f"L{ln}: star-args in call")
            if fname == "print":
                for x in node.args:
                    if isinstance(x, (ast.Set, ast.SetComp)) or (isinstance(x, ast.Call) and isinstance(x.func, ast.Name) and x.func.id == "set"):
                        problems.append(f"L{ln}: printing a set")
        elif isinstance(node, ast.Try) and node.finalbody:
            for sub in node.body + [s for h in node.handlers for s in h.body] + node.orelse:
                for inner in ast.walk(sub):
                    if isinstance(inner, (ast.Return, ast.Break, ast.Continue)):
                        problems.append(f"L{inner.lineno}: return/break/continue inside try-with-finally")
    return problems


def run(path: str, seed: str) -> tuple[str, str, int, float]:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONSTARTUP", None)
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, path], capture_output=True, text=True, env=env, timeout=10, cwd=HERE)
    return p.stdout, p.stderr, p.returncode, time.perf_counter() - t0


def check_refused() -> list[tuple[str, str]]:
    rows = []
    if not os.path.isdir(REFUSED):
        return rows
    for name in sorted(os.listdir(REFUSED)):
        if not name.endswith(".py"):
            continue
        lines = open(os.path.join(REFUSED, name), encoding="utf-8").read().splitlines()
        m = re.fullmatch(r"# expect: ([a-z-]+) @ (\d+)", lines[0] if lines else "")
        if not m:
            rows.append((name, "FAIL bad header"))
        elif m.group(1) not in REFUSE_CODES:
            rows.append((name, f"FAIL unknown code {m.group(1)}"))
        elif not 1 <= int(m.group(2)) <= len(lines):
            rows.append((name, "FAIL line out of range"))
        else:
            rows.append((name, f"ok {m.group(1)} @ {m.group(2)}: {lines[int(m.group(2)) - 1].strip()[:50]}"))
    return rows


def main() -> int:
    files = sorted(f for f in os.listdir(HERE) if f.endswith(".py") and f != os.path.basename(__file__))
    failures = 0
    cats: dict[str, int] = {}
    print(f"{'file':<34} {'lines':>5} {'exit':>4} {'secs':>6}  status")
    print("-" * 72)
    for name in files:
        path = os.path.join(HERE, name)
        text = open(path, encoding="utf-8").read()
        lines = text.splitlines()
        issues: list[str] = []
        m = re.match(r"# corpus: ([a-z]+): \S", lines[0] if lines else "")
        if not m:
            issues.append("missing '# corpus:' header")
        else:
            cats[m.group(1)] = cats.get(m.group(1), 0) + 1
        if not 20 <= len(lines) <= 80:
            issues.append(f"{len(lines)} lines (want 20-80)")
        try:
            issues.extend(lint(path))
        except SyntaxError as e:
            issues.append(f"syntax error: {e}")
        out0, err0, rc0, t0 = run(path, "0")
        out1, err1, rc1, t1 = run(path, "1")
        if out0 != out1 or rc0 != rc1:
            issues.append("nondeterministic output across PYTHONHASHSEED 0/1")
        if max(t0, t1) >= TIME_LIMIT:
            issues.append(f"too slow ({max(t0, t1):.2f}s)")
        if len(out0.splitlines()) < 5:
            issues.append(f"only {len(out0.splitlines())} output lines")
        if rc0 not in (0, 1, 3):
            issues.append(f"unexpected exit code {rc0}")
        if rc0 == 1 and "Traceback" not in err0:
            issues.append("exit 1 without traceback")
        if rc0 == 0 and err0:
            issues.append("stderr output on success")
        status = "ok" if not issues else "FAIL " + "; ".join(issues)
        failures += bool(issues)
        print(f"{name:<34} {len(lines):>5} {rc0:>4} {max(t0, t1):>6.3f}  {status}")
    print("-" * 72)
    print(f"{len(files)} programs, {failures} failing")
    print("by category: " + ", ".join(f"{k}={v}" for k, v in sorted(cats.items())))
    refused = check_refused()
    if refused:
        print()
        print(f"refused cases ({len(refused)}):")
        for name, status in refused:
            failures += status.startswith("FAIL")
            print(f"  {name:<40} {status}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
