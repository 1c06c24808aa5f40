//! pyrt — the Portalis runtime support module.
//!
//! Its source is split by Python concept into `codegen/runtime/pyrt/*.rs` (this file first; the
//! order is `codegen.emit.RUNTIME_PARTS`). They are concatenated into every generated crate as the
//! one module `src/pyrt.rs`, used as `#[macro_use] mod pyrt; use pyrt::*;` (or compiled once as the
//! rlib `pyrt`, see codegen/build.py). One module, so the parts share private items freely.  It owns everything whose behaviour must match
//! CPython 3.11 exactly and that the code generator does not open-code:
//!
//! * Python exceptions (`PyErr`, the built-in exception class hierarchy), the program entry
//!   point (`run_main`: traceback printing, exit codes, `sys.exit`) and recursion limiting;
//! * buffered stdout/stderr output;
//! * the text of values: `str()`/`repr()` of ints, floats (shortest round-trip repr), strings,
//!   tuples, lists, dicts and sets, and the complete format-spec mini-language (`format()`,
//!   f-strings) with correctly rounded (round-half-even on the exact binary value) digits;
//! * checked int arithmetic (i64, never wraps: overflow is an `OverflowError`), float
//!   arithmetic with Python's sign rules and error messages, `round`, `int()`/`float()` parsing,
//!   exact int/float comparisons and the `math` functions;
//! * `str` methods with code-point indexing (ASCII fast paths) and Python 3.11's Unicode
//!   character classes (tables generated from CPython 3.11's `unicodedata`, Unicode 14.0);
//! * the reference-semantics containers `PyList`, `PyDict`, `PySet` (Clone = alias, interior
//!   mutability, insertion-ordered dict/set) and `range`.
//!
//! Rules: std only, edition 2021, compiles with rustc 1.63 (wasm32-wasi) and current rustc.
//! No function panics on any input a Python program can produce: Python errors are `PyErr`
//! values carrying the Python source line.
#![allow(dead_code)]
#![allow(unused_macros)]
#![allow(
    clippy::too_many_arguments,
    clippy::new_without_default,
    clippy::len_without_is_empty
)]

/// `py_global!(G_NAME, T)`: a module variable's slot (see `Global`); `py_global_get!(G_NAME)`
/// reads a clone of its value (None: not set yet), `py_global_set!(G_NAME, v)` sets it. On
/// WASI (one thread) a plain static, elsewhere a thread-local.
#[doc(hidden)]
#[macro_export]
macro_rules! py_global {
    ($name:ident, $t:ty) => {
        #[cfg(target_os = "wasi")]
        static $name: rt::Global<$t> = rt::Global::new();
        #[cfg(not(target_os = "wasi"))]
        thread_local! { static $name: rt::Global<$t> = rt::Global::new(); }
    };
}
#[doc(hidden)]
#[macro_export]
macro_rules! py_global_get {
    ($name:ident) => {{
        #[cfg(target_os = "wasi")]
        let v = $name.get();
        #[cfg(not(target_os = "wasi"))]
        let v = $name.with(|g| g.get());
        v
    }};
}
#[doc(hidden)]
#[macro_export]
macro_rules! py_global_set {
    ($name:ident, $v:expr) => {{
        let v = $v;
        #[cfg(target_os = "wasi")]
        $name.set(v);
        #[cfg(not(target_os = "wasi"))]
        $name.with(|g| g.set(v));
    }};
}

/// `tr!(expr, 'label)`: propagate a `PyErr` out of a labeled loop used as a try block;
/// `tr!(expr)`: return it from the function (what `expr?` does, minus the `Try`/`From`
/// trait machinery that rustc 1.63, which has no MIR inliner, instantiates per type into
/// every function using it: leaner to codegen on each incremental rebuild, same machine code).
/// Exported so that it also reaches generated code when the runtime is a prebuilt rlib
/// (`#[macro_use] extern crate pyrt;`, see codegen/build.py); as a module it is `#[macro_use]`.
#[doc(hidden)]
#[macro_export]
macro_rules! tr {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(e),
        }
    };
    ($e:expr, $l:lifetime) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $l Err(e),
        }
    };
}

use std::cell::{Cell, RefCell, UnsafeCell};
use std::cmp::Ordering;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;
use std::collections::VecDeque;
