"""ingest._positions (libcst's PositionProvider run directly) gives MetadataWrapper.resolve's mapping."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from portalis.analyzers import ingest

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("tests/corpus/*.py"), *ROOT.glob("benchmarks/kernels/*.py")])


def test_positions_match_the_wrapper():
    compared = 0
    for path in FILES[::4]:  # a quarter of them: the mapping is libcst's either way
        tree = cst.parse_module(path.read_text())
        fast = ingest._positions(tree)
        assert fast == dict(MetadataWrapper(tree, unsafe_skip_copy=True).resolve(PositionProvider)), path.name
        compared += len(fast)
    assert compared > 10_000, compared
