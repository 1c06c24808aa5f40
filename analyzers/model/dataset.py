"""Training/evaluation examples from annotated Python: every annotated parameter/return becomes
(project, label, SlotQuery, is-stub). Used by scripts/model_extract.py, scripts/model_eval.py and
tests/model/test_model_accuracy.py."""
from __future__ import annotations

import ast
import os

from .features import SlotQuery, slot_queries
from .labels import normalize


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


VENDORED = {"_vendor", "vendor", "_vendored", "vendored", "_vendored_packages", "extern", "_extern"}


def files(path: str):
    if os.path.isfile(path):
        yield path
        return
    for d, dirs, fs in os.walk(path):
        # bundled typeshed copies: taken once, as their own projects; vendored copies of other
        # projects (pip/_vendor/packaging, setuptools/_vendor/...): not at all, or a held-out
        # project would be in the training data under another project's name
        dirs[:] = sorted(x for x in dirs if x != "__pycache__" and "typeshed" not in x and x not in VENDORED)
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


def file_examples(src: str, module: str, stub: bool = False):
    """[(label, SlotQuery)] for the annotated slots of one file (unannotated slots are skipped;
    *args/**kwargs too)."""
    try:
        tree = ast.parse(src)
    except Exception:
        return []
    ann = annotations(tree)
    if not ann:
        return []
    out = []
    for key, q in slot_queries(src, module).items():
        node = ann.get(key)
        if node is None or (q.kind == "param" and q.name.startswith("*")):
            continue
        label = normalize(node)
        if label is not None:
            out.append((label, q))
    return out


def project_examples(project: str, path: str, root: str):
    """[(project, label, SlotQuery, stub, relative file)] of one project directory or file."""
    out = []
    for f in files(path):
        try:
            with open(f, "rb") as fh:
                src = fh.read().decode("utf-8")
        except Exception:
            continue
        rel = os.path.relpath(f, root)
        module = rel.removesuffix(".pyi").removesuffix(".py").replace(os.sep, ".").removesuffix(".__init__")
        stub = f.endswith(".pyi")
        for label, q in file_examples(src, module.rsplit(".", 1)[-1], stub):
            out.append((project, label, q, stub, rel))
    return out
