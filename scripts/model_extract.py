#!/usr/bin/env python3
"""Build the type model's dataset from annotated Python on this machine.

Every annotated parameter/return of every function in the given roots becomes one example:
the features of `portalis.model.features.slot_queries` (computed on the same source) and the
normalised annotation as the label. Each example carries its PROJECT (a top-level package under a
site-packages root, a typeshed stub distribution, or a typeshed stdlib top-level module), which is
what the split goes by. Projects seen in several roots are taken once (the first root wins);
typeshed copies bundled inside packages (jedi, basedpyright) are skipped.

    .venv/bin/python scripts/model_extract.py OUT.jsonl.gz ROOT...
ROOT is a site-packages directory or jedi's third_party/typeshed directory. The shipped model:
    .venv/bin/python scripts/model_extract.py /tmp/tm/data.jsonl.gz .venv/lib/python3.11/site-packages \
        /root/.pyenv/versions/3.11.7/lib/python3.11/site-packages /work/bench-venv/lib/python3.11/site-packages \
        /work/bench-venv/lib/python3.11/site-packages/jedi/third_party/typeshed
"""
from __future__ import annotations

import dataclasses
import gzip
import json
import sys

from portalis.model.dataset import project_examples, projects


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
                for project_, label, q, stub, rel in project_examples(project, path, root):
                    out.write(json.dumps({"project": project_, "file": rel, "stub": stub,
                                          "y": label, "q": dataclasses.asdict(q)}) + "\n")
                    n += 1
    print(f"{n} annotated slots from {len(seen)} projects -> {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
