"""The Portalis language server (installed as `portalis.server`): the LSP layer only.

`app` (the server, its settings and per-document state, debounced diagnostics), `handlers`
(the LSP features: each converts, asks the engine or starts a job, converts back), `convert`
(every core <-> LSP conversion: positions, ranges, diagnostics, hover cards), `jobs` (background
work with progress and cancellation), `actions` (translate / build / verify, crate writing that
never overwrites edits), `verify` (CPython vs WASM: programs and doctests), `watch` (files changed
outside the editor). `portalis serve` starts it.
"""
