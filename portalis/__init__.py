"""Portalis: translate a typed subset of Python into Rust crates and WebAssembly.

This root package holds what every layer shares: the typed IR (`portalis.ir`), the
diagnostic model (`portalis.diagnostics`) and the command-line front end
(`portalis.cli`). The passes live in `portalis.analyzers` (Python side) and
`portalis.codegen` (Rust side).
"""

__version__ = "0.1.0"
