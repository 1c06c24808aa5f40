"""Rust emission: `ir.Module` -> `RustCrate` (a dict of relative path -> text). Pure.

Owns how each IR node becomes Rust: value semantics (`.clone()` of owned values, `Rc`
aliasing of containers through `pyrt`), error propagation (`?` out of a function,
`tr!(…, 'tN)` inside a `try` body), loops as cursors, and the line map that sends every
Rust line back to the Python line that produced it (`portalis-map.json`). All Python
behaviour that is more than a line lives in the runtime (`runtime/pyrt/*.rs`), which is copied
into the crate as `src/pyrt.rs`; this package must not run anything, touch the file system
(beyond reading the runtime's text), or re-derive types (the IR is fully typed).

Files, by what they emit: `common` (names, types, literals, the runtime text), `function`
(`_FnEmitter`: a function's frame and calling convention, composed of the mixins in
`statements`, `loops`, `expressions`, `intrinsics`, `methods`), `module` (`emit_crate`: a
program crate), `library` (`emit_library`: `translate --function`).
"""

from portalis.codegen.emit.common import (  # noqa: F401  (the public API)
    RUNTIME_DIR, RUNTIME_PARTS, EmitError, RustCrate, crate_name, default_value, is_copy, runtime_text, rust_float,
    rust_str, rust_type,
)
from portalis.codegen.emit.library import emit_library  # noqa: F401
from portalis.codegen.emit.module import emit_crate  # noqa: F401
from portalis.codegen.emit.names import Names  # noqa: F401
