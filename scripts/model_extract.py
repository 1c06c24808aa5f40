#!/usr/bin/env python3
"""Build the type model's dataset from annotated Python on this machine.

Every annotated parameter/return of every function in the given roots becomes one example:
the features of `portalis.model.features.slot_queries` (computed on the same source) and the
normalised annotation as the label. Each example carries its PROJECT (a top-level package under a
site-packages root, a typeshed stub distribution, or a typeshed stdlib top-level module), which is
what the split goes by. Projects seen in several roots are taken once (the first root wins).

    .venv/bin/python scripts/model_extract.py OUT.jsonl.gz ROOT...
ROOT is a site-packages directory or jedi's third_party/typeshed directory.
"""
from __future__ import annotations

import ast
import dataclasses
import gzip
import json
import os
import sys

from portalis.model.features import slot_queries
from portalis.model.labels import normalize


def projects(root: str):
    """(project, directory-or-file) pairs of a root."""
    if os.path.isdir(os.path.join(root, "stdlib")) and os.path.isdir(os.path.join(root, "stubs")):
        for m in sorted(os.listdir(os.path.join(root, "stdlib"))):
            yield "stdlib:" + m.split(".")[0], os.path.join(root, "stdlib", m)
        for d in sorted(os.listdir(os.path.join(root, "stubs"))):
            yield "stubs:" + d, os.path.join(root, "stubs", d)
        return
    for name in sorted(os.listdir(root)):
        p = os.path.join(root, name)
        if name.endswith((".dist-info", ".egg-info", ".libs", ".pth")) or name.startswith(("__", "_distutils")):
            continue
        if os.path.isdir(p) or name.endswith(".py"):
            yield name.removesuffix(".py"), p


def files(path: str):
    if os.path.isfile(path):
        yield path
        return
    for d, dirs, fs in os.walk(path):
        dirs[:] = sorted(x for x in dirs if x != "__pycache__" and "typeshed" not in x)  # bundled typeshed copies: taken once, as their own projects
        for f in sorted(fs):
            if f.endswith((".py", ".pyi")):
                yield os.path.join(d, f)


def annotations(tree: ast.Module):
    """{(qualified function, param name | "return"): annotation node}"""
    out = {}

    def visit(body, prefix):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                q = prefix + node.name
                a = node.args
                for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]:
                    if arg is not None and arg.annotation is not None:
                        out[(q, arg.arg)] = arg.annotation
                if node.returns is not None:
                    out[(q, "return")] = node.returns
                visit(node.body, q + ".")
            elif isinstance(node, ast.ClassDef):
                visit(node.body, prefix + node.name + ".")
            else:
                for field in ("body", "orelse", "finalbody", "handlers"):
                    sub = getattr(node, field, None)
                    if isinstance(sub, list):
                        visit([s for s in sub if isinstance(s, ast.AST)], prefix)
    visit(tree.body, "")
    return out


def main(argv: list[str]) -> int:
    out_path, roots = argv[0], argv[1:]
    seen: set[str] = set()
    n = 0
    with gzip.open(out_path, "wt", encoding="utf-8") as out:
        for root in roots:
            for project, path in projects(root):
                if project in seen:
                    continue
                seen.add(project)
                for f in files(path):
                    try:
                        with open(f, "rb") as fh:
                            src = fh.read().decode("utf-8")
                        tree = ast.parse(src)
                    except Exception:
                        continue
                    ann = annotations(tree)
                    if not ann:
                        continue
                    rel = os.path.relpath(f, root)
                    module = rel.removesuffix(".pyi").removesuffix(".py").replace(os.sep, ".").removesuffix(".__init__")
                    for key, q in slot_queries(src, module.rsplit(".", 1)[-1]).items():
                        node = ann.get(key)
                        if node is None:
                            continue
                        label = normalize(node)
                        if label is None:
                            continue
                        if q.kind == "param" and q.name.startswith("*"):
                            continue
                        out.write(json.dumps({"project": project, "file": rel, "stub": f.endswith(".pyi"),
                                              "y": label, "q": dataclasses.asdict(q)}) + "\n")
                        n += 1
    print(f"{n} annotated slots from {len(seen)} projects -> {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
