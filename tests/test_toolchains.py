"""Generated crates build with BOTH rustc 1.63 (wasm32-wasi, the differential tests) and the
current rustc (native), and pass `cargo clippy` with no errors — checked on a sample."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from portalis.codegen.build import build_native, clippy_check
from portalis.codegen.crate import write_crate
from portalis.codegen.toolchain import find_native_rustc
from portalis.pipeline import translate_source

CORPUS = Path(__file__).parent / "corpus"
SAMPLE = ["algo_quicksort.py", "text_word_freq.py", "exc_bank_account.py", "num_statistics.py", "data_inventory.py",
          "class_shapes_dispatch.py", "class_dunders.py", "class_dataclass_order_frozen.py", "class_with_context.py",
          "enum_named_tokenizer.py", "exc_args_type_name.py",  # enums, named tuples, e.args
          "class_deep_structures_drop.py"]  # rt::trash: the Drop impls of lists, dicts and object payloads


def _sample():
    names = [n for n in SAMPLE if (CORPUS / n).exists()]
    if len(names) < 3:
        names = sorted(p.name for p in CORPUS.glob("*.py") if p.name != "check_corpus.py")[:5]
    return names


@pytest.mark.parametrize("name", _sample())
def test_native_current_rustc_and_clippy(name: str, tmp_path: Path):
    src = CORPUS / name
    tr = translate_source(src.read_text(), str(src))
    assert tr.ok
    crate = tmp_path / "crate"
    write_crate(tr.crate, crate)
    rustc = find_native_rustc()
    version = subprocess.run([str(rustc), "--version"], capture_output=True, text=True).stdout
    assert "1.63" not in version, f"native check should use the current rustc, got {version}"
    exe = tmp_path / "prog"
    res = build_native(crate, exe)
    assert res.ok, res.format_errors()
    native = subprocess.run([str(res.wasm_path or exe)], capture_output=True, text=True, timeout=60)
    import sys
    py = subprocess.run([sys.executable, str(src)], capture_output=True, text=True, timeout=60)
    assert native.stdout == py.stdout and native.returncode == py.returncode
    ok, out = clippy_check(crate)
    assert ok, out
