"""Type recovery: strip the annotations of real annotated packages, infer them back, compare.

    python benchmarks/type_recovery.py [--work DIR] [--packages tomli==2.0.1 ...] [--no-pyright] [--no-jedi]

1. installs a few small, well-annotated pure-Python packages from PyPI into a scratch venv
   (--work, default ~/.cache/portalis/type_recovery) with `pip install --no-deps`;
2. copies their modules with every function signature annotation (parameters, returns) and
   every annotated local removed (ast; class-level field declarations are kept: they declare
   attributes, they are not slots measured here), the package layout kept so imports resolve;
3. runs `portalis.infer.infer_file` on each stripped module (the package's other modules as the
   workspace) and compares each slot with the original annotation, both normalised by
   `portalis.infer.annotations.normalise` (typing aliases -> PEP 585, Optional/Union -> PEP 604,
   module prefixes dropped, union members sorted, Generator[X, ...] -> Iterator[X]);
4. runs basedpyright (from /work/bench-venv or $BASEDPYRIGHT) on the same stripped tree in the same
   run: a `reveal_type(f)` line per function/method is appended to each module and the
   `--outputjson` information messages `Type of "f" is "(a: int, b) -> str"` are parsed; a slot
   basedpyright leaves without a type (or with `Unknown` inside) counts as not covered.

Measured slots: parameters other than self/cls/*args/**kwargs and returns, of functions that are
not @overload, whose original annotation is not `Any`/`object`. "right" = exact normalised text;
"outer right" = the outer type matches (list vs list[str]). Coverage = slots with an answer.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from portalis.infer import infer_file
from portalis.infer.annotations import normalise
from portalis.infer.types import head_args, is_known, parts, split_top

PACKAGES = ["tomli==2.2.1", "packaging==24.2", "humanize==4.11.0", "platformdirs==4.3.6"]
IMPORT_NAMES = {"tomli": "tomli", "packaging": "packaging", "humanize": "humanize", "platformdirs": "platformdirs"}


# ---------------------------------------------------------------------- normalising


def norm(t: str | None) -> str | None:
    """Comparable text of a type (None when there is no answer)."""
    if t is None or not is_known(t) or "Unknown" in t:
        return None
    try:
        node = ast.parse(t, mode="eval").body
    except SyntaxError:
        return t
    return _canon(normalise(node))


ALIASES: dict[str, str] = {}


def _canon(t: str, depth: int = 0) -> str:
    if t == "...":
        return t
    if t in ALIASES and depth < 5:
        return _canon(ALIASES[t], depth + 1)
    ps = parts(t)
    if len(ps) > 1:
        return " | ".join(sorted({_canon(p, depth) for p in ps}))
    h, args = head_args(t)
    h = h.split(".")[-1]
    h = {"LiteralString": "str", "Generator": "Iterator", "Iterable": "Iterator"}.get(h, h)
    if h == "Iterator" and args:
        args = args[:1]
    if not args:
        return h
    return f"{h}[{', '.join(_canon(a, depth) for a in args)}]"


def outer(t: str) -> str:
    return " | ".join(sorted({head_args(p)[0] for p in parts(t)}))


# ---------------------------------------------------------------------- stripping


class _Strip(ast.NodeTransformer):
    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        a = node.args
        for arg in a.posonlyargs + a.args + a.kwonlyargs + [x for x in (a.vararg, a.kwarg) if x]:
            arg.annotation = None
        node.returns = None
        node.body = [self._local(s) for s in node.body]
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def _local(self, s):
        return s

    def visit_AnnAssign(self, node):
        return node  # handled by _strip_locals


def _strip_locals(fn: ast.AST) -> None:
    for node in ast.walk(fn):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if not isinstance(body, list):
                continue
            new = []
            for s in body:
                if isinstance(s, ast.AnnAssign) and not isinstance(node, ast.ClassDef):
                    if s.value is not None:
                        new.append(ast.copy_location(ast.Assign(targets=[s.target], value=s.value), s))
                    else:
                        new.append(ast.copy_location(ast.Pass(), s))
                else:
                    new.append(s)
            setattr(node, field, new)


def strip(source: str) -> str:
    tree = ast.parse(source)
    tree = _Strip().visit(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _strip_locals(node)
    ast.fix_missing_locations(tree)
    return ast.unparse(tree) + "\n"


# ---------------------------------------------------------------------- ground truth


def originals(source: str) -> dict[tuple[str, str], str]:
    """(qualified function, param name or "return") -> normalised original annotation."""
    out: dict[tuple[str, str], str] = {}

    def visit(body, prefix, in_class):
        for st in body:
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                qual = ".".join(prefix + [st.name])
                decs = {(ast.unparse(d).split(".")[-1]) for d in st.decorator_list}
                if "overload" not in decs:
                    a = st.args
                    ps = a.posonlyargs + a.args
                    if in_class and "staticmethod" not in decs and ps:
                        ps = ps[1:]
                    for p in ps + a.kwonlyargs:
                        _put(out, (qual, p.arg), p.annotation)
                    _put(out, (qual, "return"), st.returns)
                visit(st.body, prefix + [st.name], False)
            elif isinstance(st, ast.ClassDef):
                visit(st.body, prefix + [st.name], True)
            elif isinstance(st, (ast.If, ast.Try)):
                visit(st.body, prefix, in_class)
                visit(st.orelse, prefix, in_class)
    visit(ast.parse(source).body, [], False)
    return out


def _put(out, key, ann) -> None:
    if ann is None:
        return
    t = norm(normalise(ann))
    if t is None or t in ("Any", "object") or "Any" in parts(t):
        return
    out[key] = t


# ---------------------------------------------------------------------- basedpyright


def _reveal_lines(source: str) -> list[tuple[str, str]]:
    """(expression to reveal, qualified name) of each top-level function and method."""
    out = []
    for st in ast.parse(source).body:
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.append((st.name, st.name))
        elif isinstance(st, ast.ClassDef):
            for m in st.body:
                if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    out.append((f"{st.name}.{m.name}", f"{st.name}.{m.name}"))
    return out


def run_pyright(root: Path, files: list[Path], pyright: str) -> tuple[dict, float]:
    """{(file, qual, slot): python type or None}, seconds."""
    marks: dict[tuple[str, int], str] = {}
    for f in files:
        text = f.read_text()
        lines = text.splitlines()
        extra = []
        for expr, qual in _reveal_lines(text):
            extra.append(f"reveal_type({expr})")
            marks[(str(f), len(lines) + len(extra))] = qual
        f.write_text("\n".join(lines + extra) + "\n")
    (root / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "basic", "pythonVersion": "3.11"}))
    t = time.time()
    p = subprocess.run([pyright, "--outputjson", *[str(f) for f in files]], cwd=root, capture_output=True, text=True, timeout=900)
    secs = time.time() - t
    out: dict = {}
    try:
        data = json.loads(p.stdout)
    except json.JSONDecodeError:
        print("basedpyright gave no JSON:", p.stderr[:400], file=sys.stderr)
        return out, secs
    for d in data.get("generalDiagnostics", []):
        m = re.match(r'Type of "([^"]+)" is "(.*)"$', d.get("message", ""), re.S)
        if not m:
            continue
        qual = marks.get((d["file"], d["range"]["start"]["line"] + 1))
        if qual is None:
            continue
        sig = m.group(2)
        ps, ret = _parse_sig(sig)
        for name, t in ps.items():
            out[(d["file"], qual, name)] = t
        out[(d["file"], qual, "return")] = ret
    return out, secs


def _parse_sig(sig: str) -> tuple[dict[str, str | None], str | None]:
    sig = sig.strip()
    if sig.startswith("Overload["):
        return {}, None
    if not sig.startswith("("):
        return {}, None
    depth = 0
    for i, c in enumerate(sig):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if depth == 0:
            break
    inner, rest = sig[1:i], sig[i + 1:]
    ret = rest.split("->", 1)[1].strip() if "->" in rest else None
    ps = {}
    for p in split_top(inner, ","):
        p = p.strip()
        if p in ("/", "*") or p.startswith("*"):
            continue
        name, _, t = p.partition(":")
        name = name.split("=")[0].strip()
        t = t.split("=")[0].strip() if t else None
        ps[name] = t or None
    return ps, ret


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", default=os.path.expanduser("~/.cache/portalis/type_recovery"))
    ap.add_argument("--packages", nargs="*", default=PACKAGES)
    ap.add_argument("--no-pyright", action="store_true")
    ap.add_argument("--no-jedi", action="store_true")
    ap.add_argument("--model-server", default="off", help="layer 4: URL | local | off (in-process, default) | none")
    ap.add_argument("--json", help="write the numbers here too")
    ap.add_argument("--misses", help="write portalis's wrong answers here (slot, original, inferred, source)")
    args = ap.parse_args(argv)
    work = Path(args.work)
    venv = work / "venv"
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", *args.packages], check=True, timeout=600)
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    stripped = work / "stripped"
    shutil.rmtree(stripped, ignore_errors=True)
    stripped.mkdir(parents=True)
    files: list[tuple[str, Path, Path]] = []  # (package, original, stripped)
    for spec in args.packages:
        pkg = IMPORT_NAMES.get(spec.split("==")[0], spec.split("==")[0].replace("-", "_"))
        src = site / pkg
        for f in sorted(src.rglob("*.py")):
            dst = stripped / f.relative_to(site)
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                dst.write_text(strip(f.read_text()))
            except SyntaxError:
                continue
            files.append((pkg, f, dst))

    for pkg, f, dst in files:  # module-level type aliases (kept in the stripped code) mean their value
        for st in ast.parse(f.read_text()).body:
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                    and isinstance(st.value, (ast.Subscript, ast.BinOp, ast.Name, ast.Attribute)):
                ALIASES.setdefault(st.targets[0].id, normalise(st.value))
            elif isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                    and isinstance(st.value, ast.Call) and ast.unparse(st.value.func).endswith("NewType") \
                    and len(st.value.args) == 2:  # NewType("N", str) is str at run time
                ALIASES.setdefault(st.targets[0].id, normalise(st.value.args[1]))
            elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.value is not None \
                    and "TypeAlias" in ast.unparse(st.annotation):
                ALIASES.setdefault(st.target.id, normalise(st.value))
    truth: dict[tuple[str, str, str], str] = {}
    for pkg, f, dst in files:
        for (qual, slot), t in originals(f.read_text()).items():
            truth[(str(dst), qual, slot)] = t

    # ours
    ours: dict[tuple[str, str, str], tuple[str | None, str]] = {}
    t0 = time.time()
    by_pkg = defaultdict(list)
    for pkg, f, dst in files:
        by_pkg[pkg].append(str(dst))
    for pkg, f, dst in files:
        ft = infer_file(dst.read_text(), str(dst), workspace=by_pkg[pkg], use_jedi=not args.no_jedi,
                        model_server=args.model_server)
        for fn in ft.functions:
            for p in fn.params:
                ours[(str(dst), fn.name, p.name)] = (norm(p.type.python), p.type.source)
            ours[(str(dst), fn.name, "return")] = (norm(fn.returns.python), fn.returns.source)
    ours_secs = time.time() - t0

    theirs: dict = {}
    pyright_secs = None
    if not args.no_pyright:
        pyright = os.environ.get("BASEDPYRIGHT", "/work/bench-venv/bin/basedpyright")
        theirs, pyright_secs = run_pyright(stripped, [dst for _, _, dst in files], pyright)
        theirs = {k: norm(v) for k, v in theirs.items()}

    report = {"packages": args.packages, "slots": {}, "seconds": {"portalis": round(ours_secs, 1),
                                                                   "basedpyright": pyright_secs and round(pyright_secs, 1)}}
    for kind in ("param", "return"):
        keys = [k for k in truth if (k[2] == "return") == (kind == "return")]
        n = len(keys)
        row = {"slots": n}
        for who, table in (("portalis", ours), ("basedpyright", theirs if not args.no_pyright else None)):
            if table is None:
                continue
            ans = right = outer_right = 0
            per_layer = Counter()
            per_layer_right = Counter()
            for k in keys:
                got = table.get(k)
                src = None
                if isinstance(got, tuple):
                    got, src = got
                if got is None:
                    continue
                ans += 1
                ok = got == truth[k]
                right += ok
                outer_right += outer(got) == outer(truth[k])
                if src:
                    per_layer[src] += 1
                    per_layer_right[src] += ok
            row[who] = {
                "coverage": round(ans / n, 3) if n else None,
                "right_of_all": round(right / n, 3) if n else None,
                "right_of_answered": round(right / ans, 3) if ans else None,
                "outer_right_of_answered": round(outer_right / ans, 3) if ans else None,
            }
            if per_layer:
                row[who]["layers"] = {s: {"answers": c, "share": round(c / ans, 3), "right": round(per_layer_right[s] / c, 3)}
                                      for s, c in per_layer.most_common()}
        report["slots"][kind] = row
    if args.misses:
        with open(args.misses, "w") as fh:
            for k, want in sorted(truth.items()):
                got = ours.get(k, (None, None))
                if got[0] != want:
                    fh.write(f"{Path(k[0]).relative_to(stripped)}:{k[1]}:{k[2]}\twant={want}\tgot={got[0]}\t{got[1]}\n")
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
