"""Portalis: translate a typed subset of Python into Rust crates and WebAssembly.

This root package holds what every layer shares: the typed IR (`portalis.ir`), the
diagnostic model (`portalis.diagnostics`) and the command-line front end
(`portalis.cli`). The passes live in `portalis.analyzers` (Python side) and
`portalis.codegen` (Rust side).
"""

import os as _os

__version__ = "0.1.0"

# The repository's own portalis/ imported directly (the checkout's root on sys.path, as with
# `python -m pytest` run there) finds its subpackages where pyproject.toml's package-dir puts
# them: portalis.codegen in codegen/, portalis.infer in analyzers/infer/, ...  An installed
# package (a wheel, or scripts/setup.sh's editable link tree) has them inside portalis/ already.
_root = _os.path.dirname(_os.path.dirname(_os.path.abspath(__file__)))
if _os.path.isfile(_os.path.join(_root, "codegen", "__init__.py")):
    __path__ = [*__path__, _root, _os.path.join(_root, "analyzers")]
