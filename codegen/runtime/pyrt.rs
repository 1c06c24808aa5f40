//! pyrt — the Portalis runtime support module.
//!
//! This file is copied verbatim into every generated crate as `src/pyrt.rs` and is used as
//! `#[macro_use] mod pyrt; use pyrt::*;`.  It owns everything whose behaviour must match
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

/// `tr!(expr, 'label)`: propagate a `PyErr` out of a labeled loop used as a try block.
/// Exported so that it also reaches generated code when the runtime is a prebuilt rlib
/// (`#[macro_use] extern crate pyrt;`, see codegen/build.py); as a module it is `#[macro_use]`.
#[doc(hidden)]
#[macro_export]
macro_rules! tr {
    ($e:expr, $l:lifetime) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $l Err(e),
        }
    };
}

use std::cell::{Cell, RefCell, UnsafeCell};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

// ===================================================================================
// Errors
// ===================================================================================

pub type PyResult<T> = Result<T, PyErr>;

/// A Python exception class: a name and an optional base class (pointer identity).
pub struct ExcClass {
    pub name: &'static str,
    pub base: Option<&'static ExcClass>,
}

pub static BASE_EXCEPTION: ExcClass = ExcClass {
    name: "BaseException",
    base: None,
};
pub static SYSTEM_EXIT: ExcClass = ExcClass {
    name: "SystemExit",
    base: Some(&BASE_EXCEPTION),
};
pub static KEYBOARD_INTERRUPT: ExcClass = ExcClass {
    name: "KeyboardInterrupt",
    base: Some(&BASE_EXCEPTION),
};
pub static EXCEPTION: ExcClass = ExcClass {
    name: "Exception",
    base: Some(&BASE_EXCEPTION),
};
pub static ARITHMETIC_ERROR: ExcClass = ExcClass {
    name: "ArithmeticError",
    base: Some(&EXCEPTION),
};
pub static ZERO_DIVISION_ERROR: ExcClass = ExcClass {
    name: "ZeroDivisionError",
    base: Some(&ARITHMETIC_ERROR),
};
pub static OVERFLOW_ERROR: ExcClass = ExcClass {
    name: "OverflowError",
    base: Some(&ARITHMETIC_ERROR),
};
pub static LOOKUP_ERROR: ExcClass = ExcClass {
    name: "LookupError",
    base: Some(&EXCEPTION),
};
pub static INDEX_ERROR: ExcClass = ExcClass {
    name: "IndexError",
    base: Some(&LOOKUP_ERROR),
};
pub static KEY_ERROR: ExcClass = ExcClass {
    name: "KeyError",
    base: Some(&LOOKUP_ERROR),
};
pub static VALUE_ERROR: ExcClass = ExcClass {
    name: "ValueError",
    base: Some(&EXCEPTION),
};
pub static TYPE_ERROR: ExcClass = ExcClass {
    name: "TypeError",
    base: Some(&EXCEPTION),
};
pub static RUNTIME_ERROR: ExcClass = ExcClass {
    name: "RuntimeError",
    base: Some(&EXCEPTION),
};
pub static RECURSION_ERROR: ExcClass = ExcClass {
    name: "RecursionError",
    base: Some(&RUNTIME_ERROR),
};
pub static NOT_IMPLEMENTED_ERROR: ExcClass = ExcClass {
    name: "NotImplementedError",
    base: Some(&RUNTIME_ERROR),
};
pub static ASSERTION_ERROR: ExcClass = ExcClass {
    name: "AssertionError",
    base: Some(&EXCEPTION),
};
pub static ATTRIBUTE_ERROR: ExcClass = ExcClass {
    name: "AttributeError",
    base: Some(&EXCEPTION),
};
pub static NAME_ERROR: ExcClass = ExcClass {
    name: "NameError",
    base: Some(&EXCEPTION),
};
pub static UNBOUND_LOCAL_ERROR: ExcClass = ExcClass {
    name: "UnboundLocalError",
    base: Some(&NAME_ERROR),
};
pub static STOP_ITERATION: ExcClass = ExcClass {
    name: "StopIteration",
    base: Some(&EXCEPTION),
};
pub static UNICODE_ERROR: ExcClass = ExcClass {
    name: "UnicodeError",
    base: Some(&VALUE_ERROR),
};
pub static MEMORY_ERROR: ExcClass = ExcClass {
    name: "MemoryError",
    base: Some(&EXCEPTION),
};

/// A raised Python exception: one pointer, so that `PyResult<T>` stays small (a user
/// function returning `PyResult<i64>` is 16 bytes instead of 56, which made every call and
/// `?` copy less).
#[derive(Clone)]
pub struct PyErr(Box<PyErrData>);

impl std::ops::Deref for PyErr {
    type Target = PyErrData;
    #[inline]
    fn deref(&self) -> &PyErrData {
        &self.0
    }
}

impl std::ops::DerefMut for PyErr {
    #[inline]
    fn deref_mut(&mut self) -> &mut PyErrData {
        &mut self.0
    }
}

/// What a `PyErr` holds.
#[derive(Clone)]
pub struct PyErrData {
    pub cls: &'static ExcClass,
    pub args_str: Vec<String>,
    pub args_repr: Vec<String>,
    pub line: u32,
    pub exit_code: i64,
    /// SystemExit with a message (`sys.exit("msg")`): printed on stderr if it ends the program.
    pub exit_print: bool,
    /// The fields of a user exception class with `__init__` (a generated struct).
    pub payload: Option<Rc<dyn std::any::Any>>,
}

impl PyErr {
    /// An exception with one str argument: `str(e) == msg`, `repr(e) == Name('msg')`.
    pub fn new(cls: &'static ExcClass, msg: impl Into<String>, line: u32) -> PyErr {
        let m: String = msg.into();
        let r = str_repr(&m);
        PyErr::with_args(cls, vec![m], vec![r], line)
    }

    /// An exception with arbitrary arguments given as their str() and repr() texts.
    pub fn with_args(
        cls: &'static ExcClass,
        args_str: Vec<String>,
        args_repr: Vec<String>,
        line: u32,
    ) -> PyErr {
        PyErr(Box::new(PyErrData {
            cls,
            args_str,
            args_repr,
            line,
            exit_code: 1,
            exit_print: false,
            payload: None,
        }))
    }

    /// A user exception whose `__init__` set fields (`payload`, read back by `exc_fields`).
    pub fn with_payload<T: 'static>(
        cls: &'static ExcClass,
        args_str: Vec<String>,
        args_repr: Vec<String>,
        payload: T,
        line: u32,
    ) -> PyErr {
        let mut e = PyErr::with_args(cls, args_str, args_repr, line);
        e.payload = Some(Rc::new(payload));
        e
    }

    /// The fields of a user exception (`e.amount`); the emitter only asks for the struct of
    /// the class (or base) whose `__init__` built `e`, so a mismatch is a Portalis bug.
    pub fn exc_fields<T: 'static>(&self) -> &T {
        match self.payload.as_ref().and_then(|p| p.downcast_ref::<T>()) {
            Some(f) => f,
            None => panic!("Portalis bug: {} has no such fields", self.cls.name),
        }
    }

    /// Portalis' 64-bit int limit (`INT_LIMIT`): handlers must not catch it.
    pub fn is_limit(&self) -> bool {
        std::ptr::eq(self.cls, &INT_LIMIT) || std::ptr::eq(self.cls, &VALUE_LIMIT)
    }

    /// isinstance(e, cls): walks the base chain (pointer equality).
    pub fn is_instance(&self, cls: &'static ExcClass) -> bool {
        let mut c: Option<&'static ExcClass> = Some(self.cls);
        while let Some(k) = c {
            if std::ptr::eq(k, cls) {
                return true;
            }
            c = k.base;
        }
        false
    }

    pub fn class_name(&self) -> &'static str {
        self.cls.name
    }

    /// str(e)
    pub fn py_str(&self) -> String {
        match self.args_repr.len() {
            0 => String::new(),
            1 => {
                if self.is_instance(&KEY_ERROR) {
                    self.args_repr[0].clone()
                } else {
                    self.args_str.first().cloned().unwrap_or_default()
                }
            }
            _ => format!("({})", self.args_repr.join(", ")),
        }
    }

    /// repr(e)
    pub fn py_repr(&self) -> String {
        if self.args_repr.len() == 1 {
            format!("{}({})", self.cls.name, self.args_repr[0])
        } else {
            format!("{}({})", self.cls.name, self.args_repr.join(", "))
        }
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (line {})", self.py_repr(), self.line)
    }
}

/// Portalis' own limit, not a Python error: an int that needs more than 64 bits. It prints as
/// OverflowError, but no `except` clause catches it (Python would have computed the value, so
/// a handler running instead would be silently wrong): it always stops the program.
pub static INT_LIMIT: ExcClass = ExcClass {
    name: "OverflowError",
    base: Some(&OVERFLOW_ERROR),
};

/// Portalis' other limits (NaN order/identity, results whose Python type the static types
/// cannot hold): printed as ValueError and, like `INT_LIMIT`, never caught by `except` (CPython
/// would not have raised at all, so a handler running would be a silently different program).
pub static VALUE_LIMIT: ExcClass = ExcClass {
    name: "ValueError",
    base: Some(&VALUE_ERROR),
};

#[cold]
#[inline(never)]
pub fn limit_err(msg: &str, line: u32) -> PyErr {
    PyErr::new(&VALUE_LIMIT, msg, line)
}

#[cold]
#[inline(never)]
pub fn overflow_err(line: u32) -> PyErr {
    if out_extra::rerun_on_int_limit() {
        out_extra::stop_at_int_limit(line);
    }
    PyErr::new(
        &INT_LIMIT,
        "integer overflow: result does not fit in 64 bits",
        line,
    )
}

/// An int literal that does not fit 64 bits, in the 64-bit build: the program stops with
/// Portalis' int limit where it evaluates it (and `portalis run` reruns it with big ints).
#[cold]
#[inline(never)]
pub fn int_literal_limit(line: u32) -> PyResult<i64> {
    Err(overflow_err(line))
}

/// IndexError, out of line: keeps the hot indexing paths small.
#[cold]
#[inline(never)]
fn index_err(msg: &'static str, line: u32) -> PyErr {
    PyErr::new(&INDEX_ERROR, msg, line)
}

/// ZeroDivisionError, out of line.
#[cold]
#[inline(never)]
fn zero_div_err(msg: &'static str, line: u32) -> PyErr {
    PyErr::new(&ZERO_DIVISION_ERROR, msg, line)
}

#[cold]
#[inline(never)]
fn value_err(msg: &str, line: u32) -> PyErr {
    PyErr::new(&VALUE_ERROR, msg, line)
}

/// `sys.exit(code)`: a SystemExit error carrying the exit code.
pub fn sys_exit(code: i64, line: u32) -> PyErr {
    let mut e = PyErr::with_args(
        &SYSTEM_EXIT,
        vec![code.to_string()],
        vec![code.to_string()],
        line,
    );
    e.exit_code = code;
    e
}

/// `sys.exit()` / `sys.exit(None)` / `raise SystemExit`: `SystemExit()`, exit status 0.
pub fn sys_exit_none(line: u32) -> PyErr {
    let mut e = PyErr::with_args(&SYSTEM_EXIT, vec![], vec![], line);
    e.exit_code = 0;
    e
}

/// `sys.exit(True)`: `SystemExit(True)`, exit status 1 (0 for False).
pub fn sys_exit_bool(b: bool, line: u32) -> PyErr {
    let t = if b { "True" } else { "False" };
    let mut e = PyErr::with_args(&SYSTEM_EXIT, vec![t.to_string()], vec![t.to_string()], line);
    e.exit_code = b as i64;
    e
}

/// `sys.exit("msg")`: `SystemExit('msg')`; if nothing catches it, CPython prints the message
/// on stderr and exits with status 1.
pub fn sys_exit_msg(msg: String, line: u32) -> PyErr {
    let mut e = PyErr::new(&SYSTEM_EXIT, msg, line);
    e.exit_code = 1;
    e.exit_print = true;
    e
}

/// An exit status WASI cannot carry (wasmtime's proc_exit takes 0..=125): set before exiting
/// with `WASI_STATUS_SENTINEL`; the host reads it through the exported `portalis_exit_status`.
static EXIT_STATUS: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);
pub const WASI_STATUS_SENTINEL: i32 = 125;

#[no_mangle]
pub extern "C" fn portalis_exit_status() -> i32 {
    EXIT_STATUS.load(std::sync::atomic::Ordering::Relaxed)
}

/// Exit like CPython's `sys.exit(n)`: the OS keeps the low 8 bits (256 -> 0, -1 -> 255).
pub fn exit_status(code: i64) -> ! {
    let st = (code & 0xff) as i32;
    if cfg!(target_os = "wasi") && st > WASI_STATUS_SENTINEL {
        EXIT_STATUS.store(st, std::sync::atomic::Ordering::Relaxed);
        std::process::exit(WASI_STATUS_SENTINEL);
    }
    std::process::exit(st)
}

/// Program entry point used by the generated `main`.
pub fn run_main(body: fn() -> PyResult<()>, script: &str) {
    std::panic::set_hook(Box::new(|info| {
        flush_stdout();
        let payload = info.payload();
        let msg: String = if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic".to_string()
        };
        out_extra::err(format!("Fatal Python-style error: {}\n", msg).as_bytes());
    }));
    match body() {
        Ok(()) => {
            flush_stdout();
            out_extra::check_rerun_complete();
            std::process::exit(0);
        }
        Err(e) => {
            flush_stdout();
            if e.is_instance(&SYSTEM_EXIT) {
                if e.exit_print {
                    let mut m = e.py_str();
                    m.push('\n');
                    out_extra::err(m.as_bytes());
                }
                out_extra::check_rerun_complete();
                exit_status(e.exit_code);
            }
            let s = e.py_str();
            let mut msg = format!(
                "Traceback (most recent call last):\n  File \"{}\", line {}, in <module>\n{}",
                script, e.line, e.cls.name
            );
            if !s.is_empty() {
                msg.push_str(": ");
                msg.push_str(&s);
            }
            msg.push('\n');
            out_extra::err(msg.as_bytes());
            out_extra::check_rerun_complete();
            if e.is_limit() {
                out_extra::note_limit_stop(e.line);
            }
            std::process::exit(1);
        }
    }
}

// ---- user function calls --------------------------------------------------------------

// The exception a user function raised, until its caller takes it (see `ret`). A WASI command
// module has one thread: a plain static, so that `ret` (after every user call) is a load and a
// compare in the caller's own code even when rustc does not inline across codegen units
// (`LocalKey::with` is generic, not `#[inline]`, so it is one shared copy per crate).
#[cfg(target_os = "wasi")]
mod pending_slot {
    use super::PyErrData;
    use std::cell::Cell;
    pub struct Slot(Cell<*mut PyErrData>);
    // SAFETY: a WASI command module (wasm32-wasi, no threads) runs on one thread.
    unsafe impl Sync for Slot {}
    static PENDING: Slot = Slot(Cell::new(std::ptr::null_mut()));
    #[inline(always)]
    pub fn with<R>(f: impl FnOnce(&Cell<*mut PyErrData>) -> R) -> R {
        f(&PENDING.0)
    }
}
#[cfg(not(target_os = "wasi"))]
mod pending_slot {
    use super::PyErrData;
    use std::cell::Cell;
    thread_local! {
        static PENDING: Cell<*mut PyErrData> = const { Cell::new(std::ptr::null_mut()) };
    }
    #[inline(always)]
    pub fn with<R>(f: impl FnOnce(&Cell<*mut PyErrData>) -> R) -> R {
        PENDING.with(f)
    }
}

/// A user function raised `e`: it returns a placeholder value and leaves `e` here for its
/// caller (the emitter's calling convention: values come back in registers, not through a
/// `Result` in memory).
#[cold]
#[inline(never)]
pub fn set_pending(e: PyErr) {
    pending_slot::with(|p| {
        let old = p.replace(Box::into_raw(e.0));
        if !old.is_null() {
            // SAFETY: `old` came from Box::into_raw above and was never taken.
            drop(unsafe { Box::from_raw(old) });
        }
    })
}

#[cold]
#[inline(never)]
fn take_pending() -> PyErr {
    // SAFETY: called only when the slot is non-null; the pointer came from Box::into_raw.
    pending_slot::with(|p| PyErr(unsafe { Box::from_raw(p.replace(std::ptr::null_mut())) }))
}

/// What a call of a user function gives: its value, or the exception it left pending.
#[inline(always)]
pub fn ret<T>(v: T) -> PyResult<T> {
    if pending_slot::with(|p| p.get().is_null()) {
        Ok(v)
    } else {
        Err(take_pending())
    }
}

// ---- recursion limit ----------------------------------------------------------------

/// Maximum number of simultaneously active user function frames (CPython 3.11: recursion
/// limit 1000 with the module frame counted). Once a program recurses, the emitter gives every
/// user function a `_depth: u32` parameter (its frame's number: the module body is 0, what it
/// calls 1, ...) and checks it on entry: a register, not a counter in memory kept on every call
/// and return (which cost fib a quarter of its time).
pub const MAX_USER_DEPTH: u32 = 999;

#[cold]
#[inline(never)]
fn recursion_err(line: u32) -> PyErr {
    PyErr::new(&RECURSION_ERROR, "maximum recursion depth exceeded", line)
}

/// Called on entry of every user function with its frame's depth.
#[inline]
pub fn check_depth(depth: u32, line: u32) -> PyResult<()> {
    if depth > MAX_USER_DEPTH {
        Err(recursion_err(line))
    } else {
        Ok(())
    }
}

// ===================================================================================
// Output
// ===================================================================================

// On WebAssembly the runtime keeps a block the host reads and writes (exported as
// `portalis_stdout_buffer`; codegen/wasm_exec.py has the same layout):
// * the stdout buffer: after a trap, or when it stops a program at its time limit, the host
//   writes out what the program printed but had not flushed yet, so no printed output is ever
//   lost. `len` is stored (Release) after the bytes it covers; `seq` is odd while bytes are
//   being written out and `len` reset (a seqlock: a reader that saw the same even `seq`
//   before and after copying `data[..len]` has a consistent copy). `line_buffered` is set by
//   the host before `_start` when stdout is a terminal (flush at every newline, like CPython).
// * the rerun with big ints (portalis/pipeline.py `run_program`): with `flags` bit 0 set, a
//   program that outgrows 64-bit ints exits at once (`int_limit_line`, no `finally` runs) and
//   the host runs the big-int build of it (giving it the same stdin). Every byte written to
//   stdout and stderr is counted and hashed (`out_total`/`out_hash`, `err_*`); the rerun gets
//   `skip_*`/`expect_*`: it writes nothing until it has produced as many bytes as the first run
//   did, and stops loudly if they differ.
// Elsewhere (native builds, library crates called from several threads) stdout is a
// thread-local `Vec` and none of this exists.

const OUT_LIMIT: usize = 64 * 1024;

#[cfg(target_os = "wasi")]
mod out_wasi {
    use std::cell::{Cell, UnsafeCell};
    use std::sync::atomic::{AtomicU32, Ordering};

    #[repr(C)]
    pub struct HostBlock {
        pub seq: AtomicU32,
        pub len: AtomicU32,
        pub line_buffered: AtomicU32,
        pub cap: u32,
        pub flags: AtomicU32,
        pub int_limit_line: AtomicU32,
        pub stop_limit_line: AtomicU32, // the program stopped at a Portalis limit on this line
        pub reserved: u32,
        pub out_total: Cell<u64>,
        pub out_hash: Cell<u64>,
        pub err_total: Cell<u64>,
        pub err_hash: Cell<u64>,
        pub skip_out: Cell<u64>,
        pub skip_err: Cell<u64>,
        pub expect_out_hash: Cell<u64>,
        pub expect_err_hash: Cell<u64>,
        pub data: UnsafeCell<[u8; super::OUT_LIMIT]>,
    }
    // SAFETY: a WASI command module has one thread; the host reads the block only while the
    // program is stopped, or at a time limit under the protocol above.
    unsafe impl Sync for HostBlock {}

    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

    pub static OUTBUF: HostBlock = HostBlock {
        seq: AtomicU32::new(0),
        len: AtomicU32::new(0),
        line_buffered: AtomicU32::new(0),
        cap: super::OUT_LIMIT as u32,
        flags: AtomicU32::new(0),
        int_limit_line: AtomicU32::new(0),
        stop_limit_line: AtomicU32::new(0),
        reserved: 0,
        out_total: Cell::new(0),
        out_hash: Cell::new(FNV_OFFSET),
        err_total: Cell::new(0),
        err_hash: Cell::new(FNV_OFFSET),
        skip_out: Cell::new(0),
        skip_err: Cell::new(0),
        expect_out_hash: Cell::new(0),
        expect_err_hash: Cell::new(0),
        data: UnsafeCell::new([0; super::OUT_LIMIT]),
    };

    #[no_mangle]
    pub extern "C" fn portalis_stdout_buffer() -> *const HostBlock {
        &OUTBUF
    }

    #[repr(C)]
    struct Ciovec {
        buf: *const u8,
        len: usize,
    }

    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    extern "C" {
        #[link_name = "fd_write"]
        fn wasi_fd_write(fd: u32, iovs: *const Ciovec, iovs_len: usize, nwritten: *mut usize) -> u16;
    }

    fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    /// All of `bytes` to `fd` (an error, e.g. a closed pipe, drops the rest, as CPython's
    /// flush at exit would report and give up).
    fn write_raw(fd: u32, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let iov = Ciovec { buf: bytes.as_ptr(), len: bytes.len() };
            let mut n: usize = 0;
            // SAFETY: iov points at live bytes; n is a valid out-pointer.
            let rc = unsafe { wasi_fd_write(fd, &iov, 1, &mut n) };
            if rc != 0 || n == 0 {
                return;
            }
            bytes = &bytes[n.min(bytes.len())..];
        }
    }

    /// Count, hash and write (after the part a rerun must skip) bytes for fd 1 or 2.
    fn write_counted(fd: u32, bytes: &[u8]) {
        let (total, hash, skip, expect) = if fd == 1 {
            (&OUTBUF.out_total, &OUTBUF.out_hash, &OUTBUF.skip_out, &OUTBUF.expect_out_hash)
        } else {
            (&OUTBUF.err_total, &OUTBUF.err_hash, &OUTBUF.skip_err, &OUTBUF.expect_err_hash)
        };
        total.set(total.get() + bytes.len() as u64);
        let mut rest = bytes;
        let k = skip.get().min(rest.len() as u64) as usize;
        if k > 0 {
            hash.set(fnv(hash.get(), &rest[..k]));
            skip.set(skip.get() - k as u64);
            rest = &rest[k..];
            if skip.get() == 0 && hash.get() != expect.get() {
                rerun_diverged();
            }
        }
        hash.set(fnv(hash.get(), rest));
        write_raw(fd, rest);
    }

    /// The rerun with big ints printed something else than the first run did up to where it
    /// stopped: a Portalis bug; never carry on with output that may be wrong.
    #[cold]
    fn rerun_diverged() -> ! {
        write_raw(2, b"portalis: internal error: the rerun with big ints printed different output than the first run \
(please report this Portalis bug)\n");
        std::process::exit(70);
    }

    /// At exit: a rerun that printed less than the first run did before it stopped has diverged.
    pub fn check_rerun_complete() {
        if OUTBUF.skip_out.get() > 0 || OUTBUF.skip_err.get() > 0 {
            rerun_diverged();
        }
    }

    pub fn flush() {
        let len = OUTBUF.len.load(Ordering::Acquire) as usize;
        if len == 0 {
            return;
        }
        OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
        // SAFETY: one thread; `data[..len]` was written before `len` was stored.
        let data = unsafe { &(*OUTBUF.data.get())[..len] };
        write_counted(1, data);
        OUTBUF.len.store(0, Ordering::Release);
        OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
    }

    pub fn out(s: &[u8]) {
        let len = OUTBUF.len.load(Ordering::Relaxed) as usize;
        if s.len() > super::OUT_LIMIT - len {
            flush();
            if s.len() > super::OUT_LIMIT {
                OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
                write_counted(1, s);
                OUTBUF.seq.fetch_add(1, Ordering::AcqRel);
                return;
            }
        }
        let len = OUTBUF.len.load(Ordering::Relaxed) as usize;
        // SAFETY: one thread; len + s.len() <= OUT_LIMIT was checked above.
        unsafe { (*OUTBUF.data.get())[len..len + s.len()].copy_from_slice(s) };
        OUTBUF.len.store((len + s.len()) as u32, Ordering::Release);
        if OUTBUF.line_buffered.load(Ordering::Relaxed) != 0 && s.contains(&b'\n') {
            flush();
        }
    }

    /// stderr (unbuffered; stdout is flushed first by the callers).
    pub fn err(s: &[u8]) {
        write_counted(2, s);
    }

    /// Whether the host reruns a program that outgrows 64-bit ints with big ints.
    #[inline]
    pub fn rerun_on_int_limit() -> bool {
        OUTBUF.flags.load(Ordering::Relaxed) & 1 != 0
    }

    /// The program ends with an uncaught Portalis limit error raised on `line` (so a host
    /// comparing it with CPython can say it stopped at a limit, not that it behaved differently).
    pub fn note_limit_stop(line: u32) {
        OUTBUF.stop_limit_line.store(line.max(1), Ordering::Release);
    }

    /// The 64-bit limit was hit on `line` and the host reruns with big ints: stop right here.
    pub fn stop_at_int_limit(line: u32) -> ! {
        flush();
        OUTBUF.int_limit_line.store(line.max(1), Ordering::Release);
        std::process::exit(super::WASI_STATUS_SENTINEL);
    }
}

#[cfg(not(target_os = "wasi"))]
mod out_native {
    use std::cell::RefCell;
    use std::io::Write;

    thread_local! {
        static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    pub fn out(s: &[u8]) {
        OUT.with(|o| {
            if let Ok(mut b) = o.try_borrow_mut() {
                b.extend_from_slice(s);
                if b.len() >= super::OUT_LIMIT {
                    let so = std::io::stdout();
                    let mut lk = so.lock();
                    let _ = lk.write_all(&b);
                    let _ = lk.flush();
                    b.clear();
                }
            } else {
                let _ = std::io::stdout().write_all(s);
            }
        })
    }

    pub fn flush() {
        OUT.with(|o| {
            if let Ok(mut b) = o.try_borrow_mut() {
                let so = std::io::stdout();
                let mut lk = so.lock();
                if !b.is_empty() {
                    let _ = lk.write_all(&b);
                    b.clear();
                }
                let _ = lk.flush();
            }
        })
    }
}

#[cfg(not(target_os = "wasi"))]
mod out_native_extra {
    use std::io::Write;
    pub fn err(s: &[u8]) {
        let e = std::io::stderr();
        let mut lk = e.lock();
        let _ = lk.write_all(s);
        let _ = lk.flush();
    }
    pub fn rerun_on_int_limit() -> bool {
        false
    }
    pub fn stop_at_int_limit(_line: u32) -> ! {
        unreachable!("only a WASI host reruns programs")
    }
    pub fn note_limit_stop(_line: u32) {}
    pub fn check_rerun_complete() {}
}

#[cfg(target_os = "wasi")]
use out_wasi as out_impl;
#[cfg(not(target_os = "wasi"))]
use out_native as out_impl;
#[cfg(target_os = "wasi")]
use out_wasi as out_extra;
#[cfg(not(target_os = "wasi"))]
use out_native_extra as out_extra;

/// Append to the process-wide stdout buffer (flushed when full, at exit, before stderr output
/// and input(); at every newline when the host says stdout is a terminal).
#[inline]
pub fn out_str(s: &str) {
    out_impl::out(s.as_bytes())
}

pub fn flush_stdout() {
    out_impl::flush()
}

/// Write to stderr (stdout is flushed first so the interleaving matches an unbuffered run).
pub fn err_str(s: &str) {
    flush_stdout();
    out_extra::err(s.as_bytes());
}

// ===================================================================================
// Text of values
// ===================================================================================

/// `str()` / `repr()` of a value, appended to `out`.
pub trait PyFmt {
    fn fmt_repr(&self, out: &mut String);
    fn fmt_str(&self, out: &mut String) {
        self.fmt_repr(out)
    }
}

pub fn py_str<T: PyFmt + ?Sized>(v: &T) -> String {
    let mut s = String::new();
    v.fmt_str(&mut s);
    s
}

pub fn py_repr<T: PyFmt + ?Sized>(v: &T) -> String {
    let mut s = String::new();
    v.fmt_repr(&mut s);
    s
}

impl PyFmt for i64 {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        push_i64(out, *self);
    }
}

/// Appends the decimal text of an i64 without going through `fmt`.
#[inline]
pub fn push_i64(out: &mut String, v: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let neg = v < 0;
    let mut u = v.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if neg {
        out.push('-');
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

impl PyFmt for i32 {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        push_i64(out, *self as i64);
    }
}

impl PyFmt for usize {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl PyFmt for f64 {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        push_float_repr(out, *self);
    }
}

impl PyFmt for bool {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(if *self { "True" } else { "False" });
    }
}

impl PyFmt for String {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        push_str_repr(out, self);
    }
    #[inline]
    fn fmt_str(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl PyFmt for str {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        push_str_repr(out, self);
    }
    #[inline]
    fn fmt_str(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl PyFmt for () {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        out.push_str("None");
    }
}

/// The empty tuple `()` (Rust's `()` is Python's None).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Debug)]
pub struct EmptyTuple;

impl PyFmt for EmptyTuple {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        out.push_str("()");
    }
}

impl<T: PyFmt + ?Sized> PyFmt for &T {
    fn fmt_repr(&self, out: &mut String) {
        (**self).fmt_repr(out)
    }
    fn fmt_str(&self, out: &mut String) {
        (**self).fmt_str(out)
    }
}

impl<T: PyFmt + ?Sized> PyFmt for Box<T> {
    fn fmt_repr(&self, out: &mut String) {
        (**self).fmt_repr(out)
    }
    fn fmt_str(&self, out: &mut String) {
        (**self).fmt_str(out)
    }
}

impl<T: PyFmt> PyFmt for Option<T> {
    fn fmt_repr(&self, out: &mut String) {
        match self {
            Some(v) => v.fmt_repr(out),
            None => out.push_str("None"),
        }
    }
    fn fmt_str(&self, out: &mut String) {
        match self {
            Some(v) => v.fmt_str(out),
            None => out.push_str("None"),
        }
    }
}

impl<T: PyFmt> PyFmt for Vec<T> {
    fn fmt_repr(&self, out: &mut String) {
        fmt_seq(out, "[", "]", self.iter());
    }
}

impl PyFmt for PyErr {
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(&self.py_repr());
    }
    fn fmt_str(&self, out: &mut String) {
        out.push_str(&self.py_str());
    }
}

fn fmt_seq<'a, T: PyFmt + 'a, I: Iterator<Item = &'a T>>(
    out: &mut String,
    open: &str,
    close: &str,
    it: I,
) {
    out.push_str(open);
    let mut first = true;
    for v in it {
        if !first {
            out.push_str(", ");
        }
        first = false;
        v.fmt_repr(out);
    }
    out.push_str(close);
}

impl<A: PyFmt> PyFmt for (A,) {
    fn fmt_repr(&self, out: &mut String) {
        out.push('(');
        self.0.fmt_repr(out);
        out.push_str(",)");
    }
}

macro_rules! tuple_pyfmt {
    ($($name:ident $idx:tt),+) => {
        impl<$($name: PyFmt),+> PyFmt for ($($name,)+) {
            fn fmt_repr(&self, out: &mut String) {
                out.push('(');
                let mut _first = true;
                $(
                    if !_first { out.push_str(", "); }
                    _first = false;
                    self.$idx.fmt_repr(out);
                )+
                out.push(')');
            }
        }
    };
}
tuple_pyfmt!(A 0, B 1);
tuple_pyfmt!(A 0, B 1, C 2);
tuple_pyfmt!(A 0, B 1, C 2, D 3);
tuple_pyfmt!(A 0, B 1, C 2, D 3, E 4);
tuple_pyfmt!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_pyfmt!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_pyfmt!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

// ---- str repr -------------------------------------------------------------------

/// repr() of a str, exactly like CPython 3.11.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_str_repr(&mut out, s);
    out
}

fn push_str_repr(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let has_sq = bytes.contains(&b'\'');
    let has_dq = bytes.contains(&b'"');
    let quote = if has_sq && !has_dq { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => {
                let cp = c as u32;
                if c == quote {
                    out.push('\\');
                    out.push(c);
                } else if cp < 0x20 || cp == 0x7f {
                    push_hex_escape(out, 'x', cp, 2);
                } else if cp < 0x7f || !in_ranges(cp, NONPRINTABLE_RANGES) {
                    out.push(c);
                } else if cp < 0x100 {
                    push_hex_escape(out, 'x', cp, 2);
                } else if cp < 0x10000 {
                    push_hex_escape(out, 'u', cp, 4);
                } else {
                    push_hex_escape(out, 'U', cp, 8);
                }
            }
        }
    }
    out.push(quote);
}

fn push_hex_escape(out: &mut String, kind: char, cp: u32, width: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    out.push(kind);
    for i in (0..width).rev() {
        out.push(HEX[((cp >> (4 * i)) & 0xf) as usize] as char);
    }
}

#[inline]
fn in_ranges(cp: u32, table: &[(u32, u32)]) -> bool {
    // binary search over sorted inclusive ranges
    let mut lo = 0usize;
    let mut hi = table.len();
    while lo < hi {
        let mid = (lo + hi) / 2;
        let (a, b) = table[mid];
        if cp < a {
            hi = mid;
        } else if cp > b {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    false
}

fn range_start(cp: u32, table: &[(u32, u32)]) -> Option<u32> {
    let mut lo = 0usize;
    let mut hi = table.len();
    while lo < hi {
        let mid = (lo + hi) / 2;
        let (a, b) = table[mid];
        if cp < a {
            hi = mid;
        } else if cp > b {
            lo = mid + 1;
        } else {
            return Some(a);
        }
    }
    None
}

// ===================================================================================
// Float -> decimal digits (shortest, and correctly rounded half-even on the exact value)
// ===================================================================================

/// Minimal unsigned big integer (little-endian 32-bit limbs) for exact float expansion.
struct BigU(Vec<u32>);

impl BigU {
    fn from_u64(v: u64) -> BigU {
        let mut b = BigU(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while let Some(&0) = self.0.last() {
            self.0.pop();
        }
    }
    fn mul_small(&mut self, m: u32) {
        let mut carry: u64 = 0;
        for limb in self.0.iter_mut() {
            let v = (*limb as u64) * (m as u64) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }
    fn shl(&mut self, bits: u32) {
        let words = (bits / 32) as usize;
        let rem = bits % 32;
        if rem != 0 {
            let mut carry: u32 = 0;
            for limb in self.0.iter_mut() {
                let v = *limb;
                *limb = (v << rem) | carry;
                carry = v >> (32 - rem);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        if words > 0 {
            let mut v = vec![0u32; words];
            v.extend_from_slice(&self.0);
            self.0 = v;
        }
    }
    fn divmod_small(&mut self, d: u32) -> u32 {
        let mut rem: u64 = 0;
        for limb in self.0.iter_mut().rev() {
            let cur = (rem << 32) | (*limb as u64);
            *limb = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        self.trim();
        rem as u32
    }
    /// Decimal digits (ASCII), most significant first.
    fn into_decimal(mut self) -> Vec<u8> {
        let mut chunks: Vec<u32> = Vec::new();
        while !self.0.is_empty() {
            chunks.push(self.divmod_small(1_000_000_000));
        }
        let mut out = Vec::new();
        for (i, c) in chunks.iter().rev().enumerate() {
            let s = c.to_string();
            if i > 0 && s.len() < 9 {
                out.resize(out.len() + (9 - s.len()), b'0');
            }
            out.extend_from_slice(s.as_bytes());
        }
        if out.is_empty() {
            out.push(b'0');
        }
        out
    }
}

fn strip_trailing_zeros(d: &mut Vec<u8>) {
    while let Some(&b'0') = d.last() {
        d.pop();
    }
}

/// Exact decimal expansion of |x| (finite, nonzero): value = 0.D1D2... * 10^decpt.
fn exact_digits(x: f64) -> (Vec<u8>, i32) {
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if bexp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), bexp - 1075)
    };
    if m == 0 {
        return (vec![b'0'], 1);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    let (mut digits, decpt) = if e >= 0 {
        let mut b = BigU::from_u64(m);
        b.shl(e as u32);
        let d = b.into_decimal();
        let n = d.len() as i32;
        (d, n)
    } else {
        let mut b = BigU::from_u64(m);
        let mut k = -e;
        while k >= 13 {
            b.mul_small(1_220_703_125); // 5^13
            k -= 13;
        }
        let mut p: u32 = 1;
        for _ in 0..k {
            p *= 5;
        }
        b.mul_small(p);
        let d = b.into_decimal();
        let n = d.len() as i32;
        (d, n + e)
    };
    strip_trailing_zeros(&mut digits);
    (digits, decpt)
}

/// Shortest round-tripping digits of |x| (finite, nonzero), like repr().
fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
    let s = format!("{:e}", x.abs());
    let mut digits = Vec::with_capacity(20);
    let mut exp: i32 = 0;
    let mut it = s.split('e');
    if let Some(m) = it.next() {
        for b in m.bytes() {
            if b.is_ascii_digit() {
                digits.push(b);
            }
        }
    }
    if let Some(e) = it.next() {
        exp = e.parse::<i32>().unwrap_or(0);
    }
    strip_trailing_zeros(&mut digits);
    if digits.is_empty() {
        return (vec![b'0'], 1);
    }
    let decpt = exp + 1;
    // Rust's shortest formatter breaks exact ties between two shortest candidates upwards;
    // CPython (dtoa mode 0) picks the even one.  A tie needs an exact expansion of exactly
    // len+1 digits ending in 5, which is only possible for short exact expansions.
    let (m, e) = odd_mantissa(x);
    let cheap = if e < 0 {
        -e <= 30
    } else {
        e + 64 - m.leading_zeros() as i32 <= 127
    };
    if !cheap {
        return (digits, decpt);
    }
    if let Some((ed, ep)) = short_exact_digits(x) {
        if ed.len() == digits.len() + 1 && ed.last() == Some(&b'5') {
            if let Some((rd, rp)) = round_digits_at(ed, ep, digits.len() as i32) {
                if digits_to_f64(&rd, rp) == x.abs() {
                    return (rd, rp);
                }
            }
        }
    }
    (digits, decpt)
}

/// (m, e) with |x| = m * 2^e and m odd (x finite, nonzero).
fn odd_mantissa(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if bexp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), bexp - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    (m, e)
}

/// Exact decimal digits of |x| when the exact value scaled to an integer fits in a u128
/// (at most 38 digits), else None.  None implies at least 17 significant digits.
fn short_exact_digits(x: f64) -> Option<(Vec<u8>, i32)> {
    let (m, e) = odd_mantissa(x);
    if m == 0 {
        return None;
    }
    let (n, shift): (u128, i32) = if e >= 0 {
        let bits = 64 - m.leading_zeros() as i32;
        if bits + e > 127 {
            return None;
        }
        ((m as u128) << e, 0)
    } else {
        let k = -e;
        let mut n = m as u128;
        for _ in 0..k {
            n = n.checked_mul(5)?;
        }
        (n, k)
    };
    let mut d = n.to_string().into_bytes();
    let p = d.len() as i32 - shift;
    strip_trailing_zeros(&mut d);
    Some((d, p))
}

/// Parse Rust's `{:.N}` / `{:.Ne}` output of a positive finite float into (digits, decpt).
fn parse_rust_float_text(t: &str) -> (Vec<u8>, i32) {
    let (mant, exp) = match t.find('e') {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (t, 0),
    };
    let int_len = mant.find('.').unwrap_or(mant.len()) as i32;
    let mut digits: Vec<u8> = Vec::with_capacity(mant.len());
    let mut decpt = int_len + exp;
    let mut leading = true;
    for b in mant.bytes() {
        if b == b'.' {
            continue;
        }
        if leading && b == b'0' {
            decpt -= 1;
            continue;
        }
        leading = false;
        digits.push(b);
    }
    strip_trailing_zeros(&mut digits);
    (digits, decpt)
}

fn digits_to_f64(d: &[u8], p: i32) -> f64 {
    let s = format!("0.{}e{}", std::str::from_utf8(d).unwrap_or("0"), p);
    s.parse::<f64>().unwrap_or(f64::NAN)
}

/// Round exact digits D (value 0.D * 10^p, trailing zeros stripped) to k significant digits,
/// half-even.  Returns None when the result is zero.
fn round_digits_at(mut d: Vec<u8>, p: i32, k: i32) -> Option<(Vec<u8>, i32)> {
    let len = d.len() as i32;
    if k >= len {
        return Some((d, p));
    }
    if k < 0 {
        return None;
    }
    let ku = k as usize;
    let next = d[ku];
    let round_up = if next > b'5' {
        true
    } else if next < b'5' {
        false
    } else if len > k + 1 {
        true
    } else if ku == 0 {
        false
    } else {
        (d[ku - 1] - b'0') % 2 == 1
    };
    d.truncate(ku);
    let mut p = p;
    if round_up {
        let mut i = ku;
        loop {
            if i == 0 {
                d.insert(0, b'1');
                p += 1;
                break;
            }
            i -= 1;
            if d[i] == b'9' {
                d[i] = b'0';
            } else {
                d[i] += 1;
                break;
            }
        }
    }
    strip_trailing_zeros(&mut d);
    if d.is_empty() {
        None
    } else {
        Some((d, p))
    }
}

/// dtoa-like digit generation for finite x.  `sig`: n significant digits (mode 2);
/// otherwise n digits after the decimal point (mode 3, n may be negative).
/// Zero results: x == 0 gives ("0", 1); a mode-3 result that rounds to zero gives ("", -n).
/// floor(m * 2^e * 10^p) and whether round-half-even rounds it up, computed exactly in
/// u128 (None if it does not fit).
fn scaled_round(m: u64, e: i32, p: i32) -> Option<(u128, bool)> {
    let mut num = m as u128;
    let mut den: u128 = 1;
    if p >= 0 {
        num = num.checked_mul(5u128.checked_pow(p as u32)?)?;
    } else {
        den = 5u128.checked_pow((-p) as u32)?;
    }
    let e2 = e + p;
    if e2 >= 0 {
        if e2 >= 128 || num.leading_zeros() < e2 as u32 {
            return None;
        }
        num <<= e2;
    } else {
        let sh = (-e2) as u32;
        if sh >= 127 || den.leading_zeros() <= sh {
            return None;
        }
        den <<= sh;
    }
    let q = num / den;
    let r = num % den;
    let twice = r << 1; // den < 2^127, so no overflow
    Some((q, twice > den || (twice == den && q & 1 == 1)))
}

fn u128_digits(mut q: u128) -> Vec<u8> {
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    if q <= u64::MAX as u128 {
        let mut v = q as u64;
        loop {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
    } else {
        loop {
            i -= 1;
            buf[i] = b'0' + (q % 10) as u8;
            q /= 10;
            if q == 0 {
                break;
            }
        }
    }
    buf[i..].to_vec()
}

/// Fast exact digit generation with u128 arithmetic (None when out of its range).
fn float_digits_fast(ax: f64, m: u64, e: i32, sig: bool, n: i32) -> Option<(Vec<u8>, i32)> {
    if !sig {
        if !(0..=40).contains(&n) {
            return None;
        }
        let (q0, up) = scaled_round(m, e, n)?;
        let q = q0 + up as u128;
        if q == 0 {
            return Some((Vec::new(), -n));
        }
        let mut d = u128_digits(q);
        let decpt = d.len() as i32 - n;
        strip_trailing_zeros(&mut d);
        return Some((d, decpt));
    }
    if !(1..=36).contains(&n) {
        return None;
    }
    let lo = 10u128.pow((n - 1) as u32);
    let hi = lo * 10;
    let k_est = ax.log10().floor() as i32;
    let mut p = n - 1 - k_est;
    for _ in 0..3 {
        let (q0, up) = scaled_round(m, e, p)?;
        if q0 >= hi {
            p -= 1;
            continue;
        }
        if q0 < lo {
            p += 1;
            continue;
        }
        let q = q0 + up as u128;
        let mut d = u128_digits(q);
        let decpt = d.len() as i32 - p;
        strip_trailing_zeros(&mut d);
        return Some((d, decpt));
    }
    None
}

fn float_digits(x: f64, sig: bool, n: i32) -> (Vec<u8>, i32) {
    if x == 0.0 {
        return (vec![b'0'], 1);
    }
    let ax = x.abs();
    let zero = || (Vec::new(), n.saturating_neg());
    let (m, e) = odd_mantissa(x);
    if let Some(r) = float_digits_fast(ax, m, e, sig, n) {
        return r;
    }
    // Rust's fixed-precision formatting produces the exact, correctly rounded digits; only
    // its tie-breaking may differ from CPython's round-half-even.  Use it whenever the exact
    // value cannot lie exactly halfway, and the exact path otherwise.
    if sig {
        if e < 0 && (1..=400).contains(&n) {
            // number of significant digits of the exact value m * 5^k / 10^k
            let approx = (m as f64).log10() + 0.698_970_004_336_018_8 * (-e) as f64 + 1.0;
            if (approx - (n + 1) as f64).abs() > 1.5 {
                let t = format!("{:.*e}", (n - 1) as usize, ax);
                return parse_rust_float_text(&t);
            }
        }
    } else if (0..=1100).contains(&n) && e.saturating_neg() != n + 1 {
        // a tie at n fractional digits needs exactly n+1 fractional digits in the exact value
        let t = format!("{:.*}", n as usize, ax);
        let (d, p) = parse_rust_float_text(&t);
        if d.is_empty() {
            return zero();
        }
        return (d, p);
    }
    let (d, p) = match short_exact_digits(x) {
        Some(r) => r,
        None => exact_digits(x),
    };
    let k = if sig { n } else { p.saturating_add(n) };
    round_digits_at(d, p, k).unwrap_or_else(zero)
}

/// Port of CPython's format_float_short (pystrtod.c).  `code` is one of b'e', b'f', b'g',
/// b'r' (lower case; `upper` selects E/F/G and INF/NAN).
#[allow(clippy::too_many_arguments)]
fn format_float_short(
    out: &mut String,
    x: f64,
    code: u8,
    precision: i32,
    always_add_sign: bool,
    add_dot_0: bool,
    alt: bool,
    no_neg_0: bool,
    upper: bool,
) {
    if x.is_nan() {
        if always_add_sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return;
    }
    let neg = x.is_sign_negative();
    if x.is_infinite() {
        if neg {
            out.push('-');
        } else if always_add_sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return;
    }
    let mut precision = precision;
    let (digits, decpt0) = match code {
        b'e' => {
            precision = precision.saturating_add(1);
            float_digits(x, true, precision)
        }
        b'f' => float_digits(x, false, precision),
        b'g' => {
            if precision == 0 {
                precision = 1;
            }
            float_digits(x, true, precision)
        }
        _ => {
            if x == 0.0 {
                (vec![b'0'], 1)
            } else {
                shortest_digits(x)
            }
        }
    };
    let digits_len = digits.len() as i64;
    let mut decpt = decpt0 as i64;
    let precision = precision as i64;
    let mut sign = neg;
    if no_neg_0 && sign && (digits_len == 0 || (digits_len == 1 && digits[0] == b'0')) {
        sign = false;
    }
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        b'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        b'f' => {
            vdigits_end = decpt + precision;
        }
        b'g' => {
            if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp: i64 = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = if vdigits_end > decpt {
            vdigits_end
        } else {
            decpt + 1
        };
    } else {
        vdigits_end = if vdigits_end > decpt {
            vdigits_end
        } else {
            decpt
        };
    }
    if sign {
        out.push('-');
    } else if always_add_sign {
        out.push('+');
    }
    let push_zeros = |out: &mut String, n: i64| {
        let mut i = 0;
        while i < n {
            out.push('0');
            i += 1;
        }
    };
    let ds = |a: i64, b: i64| -> &str {
        // digits[a..b] as str (all ASCII)
        std::str::from_utf8(&digits[a as usize..b as usize]).unwrap_or("")
    };
    if decpt <= 0 {
        push_zeros(out, decpt - vdigits_start);
        out.push('.');
        push_zeros(out, -decpt);
    } else {
        push_zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(ds(0, decpt));
        out.push('.');
        out.push_str(ds(decpt, digits_len));
    } else {
        out.push_str(ds(0, digits_len));
    }
    if digits_len < decpt {
        push_zeros(out, decpt - digits_len);
        out.push('.');
        push_zeros(out, vdigits_end - decpt);
    } else {
        push_zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        if exp < 0 {
            out.push('-');
        } else {
            out.push('+');
        }
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
}

/// repr()/str() of a float, exactly like CPython.
pub fn float_repr(x: f64) -> String {
    let mut s = String::with_capacity(24);
    push_float_repr(&mut s, x);
    s
}

#[inline]
pub fn push_float_repr(out: &mut String, x: f64) {
    format_float_short(out, x, b'r', 0, false, true, false, false, false);
}

// ===================================================================================
// format() spec mini-language
// ===================================================================================

pub trait PyFormat {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String>;
}

#[derive(Clone, Copy, PartialEq)]
enum Thousands {
    None,
    Comma,
    Under,
    UnderFour,
}

struct Spec {
    fill: char,
    align: char,
    sign: char, // '\0', '+', '-', ' '
    no_neg_0: bool,
    alt: bool,
    width: i64,
    thousands: Thousands,
    precision: i64,
    ty: char, // '\0' = none
}

fn spec_get_integer(chars: &[char], pos: &mut usize, line: u32) -> PyResult<(usize, i64)> {
    let mut v: i64 = 0;
    let mut n = 0usize;
    while *pos < chars.len() {
        let c = chars[*pos];
        let d = match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => d as i64,
            _ => break,
        };
        v = match v.checked_mul(10).and_then(|t| t.checked_add(d)) {
            Some(t) => t,
            None => return Err(value_err("Too many decimal digits in format string", line)),
        };
        *pos += 1;
        n += 1;
    }
    Ok((n, v))
}

fn is_align(c: char) -> bool {
    c == '<' || c == '>' || c == '=' || c == '^'
}

fn parse_spec(
    spec: &str,
    default_align: char,
    default_type: char,
    type_name: &str,
    line: u32,
) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0usize;
    let mut f = Spec {
        fill: ' ',
        align: default_align,
        sign: '\0',
        no_neg_0: false,
        alt: false,
        width: -1,
        thousands: Thousands::None,
        precision: -1,
        ty: default_type,
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end - pos >= 2 && is_align(chars[pos + 1]) {
        f.align = chars[pos + 1];
        f.fill = chars[pos];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        f.align = chars[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && (chars[pos] == '+' || chars[pos] == '-' || chars[pos] == ' ') {
        f.sign = chars[pos];
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alt = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        if !align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    let (consumed, w) = spec_get_integer(&chars, &mut pos, line)?;
    f.width = if consumed == 0 { -1 } else { w };
    if pos < end && chars[pos] == ',' {
        f.thousands = Thousands::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.thousands != Thousands::None {
            return Err(value_err("Cannot specify both ',' and '_'.", line));
        }
        f.thousands = Thousands::Under;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.thousands == Thousands::Under {
        return Err(value_err("Cannot specify both ',' and '_'.", line));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (consumed, p) = spec_get_integer(&chars, &mut pos, line)?;
        if consumed == 0 {
            return Err(value_err("Format specifier missing precision", line));
        }
        f.precision = p;
    }
    if end - pos > 1 {
        return Err(value_err(
            &format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            ),
            line,
        ));
    }
    if end - pos == 1 {
        f.ty = chars[pos];
    }
    if f.thousands != Thousands::None {
        match f.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if f.thousands == Thousands::Under => {
                f.thousands = Thousands::UnderFour;
            }
            t => {
                let sc = if f.thousands == Thousands::Comma {
                    ','
                } else {
                    '_'
                };
                let tc = t as u32;
                let msg = if tc > 32 && tc < 128 {
                    format!("Cannot specify '{}' with '{}'.", sc, t)
                } else {
                    format!("Cannot specify '{}' with '\\x{:x}'.", sc, tc)
                };
                return Err(value_err(&msg, line));
            }
        }
    }
    Ok(f)
}

fn unknown_code(ty: char, type_name: &str, line: u32) -> PyErr {
    let tc = ty as u32;
    let msg = if tc > 32 && tc < 128 {
        format!(
            "Unknown format code '{}' for object of type '{}'",
            ty, type_name
        )
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{}'",
            tc, type_name
        )
    };
    value_err(&msg, line)
}

/// A capacity hint that never makes `with_capacity` panic.
#[inline]
fn cap_hint(n: i64) -> usize {
    n.clamp(0, 1 << 20) as usize
}

fn push_fill(out: &mut String, c: char, n: i64) {
    let mut i = 0;
    while i < n {
        out.push(c);
        i += 1;
    }
}

/// Port of calc_number_widths + fill_number: `digits` are the (ASCII) digits to group,
/// `rest` is everything after them (decimal point, fraction, exponent, '%', or the 'c' char).
fn fill_number(
    out: &mut String,
    f: &Spec,
    negative: bool,
    prefix: &str,
    digits: &[u8],
    rest: &str,
    upper: bool,
) {
    let sign: Option<char> = match f.sign {
        '+' => Some(if negative { '-' } else { '+' }),
        ' ' => Some(if negative { '-' } else { ' ' }),
        _ => {
            if negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign: i64 = if sign.is_some() { 1 } else { 0 };
    let n_prefix = prefix.chars().count() as i64;
    let n_rest = rest.chars().count() as i64;
    let non_digit = n_sign + n_prefix + n_rest;
    let min_width = if f.fill == '0' && f.align == '=' {
        f.width - non_digit
    } else {
        0
    };
    // grouping
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() + 8);
    if !digits.is_empty() {
        let group: Option<(u8, i64)> = match f.thousands {
            Thousands::None => None,
            Thousands::Comma => Some((b',', 3)),
            Thousands::Under => Some((b'_', 3)),
            Thousands::UnderFour => Some((b'_', 4)),
        };
        let mut pos = digits.len();
        let mut remaining = digits.len() as i64;
        let mut min_width = min_width;
        let mut use_sep = false;
        let mut broken = false;
        let emit = |rev: &mut Vec<u8>,
                    use_sep: bool,
                    sepc: u8,
                    n_chars: i64,
                    n_zeros: i64,
                    pos: &mut usize| {
            if use_sep {
                rev.push(sepc);
            }
            let mut i = 0;
            while i < n_chars {
                *pos -= 1;
                rev.push(digits[*pos]);
                i += 1;
            }
            let mut i = 0;
            while i < n_zeros {
                rev.push(b'0');
                i += 1;
            }
        };
        let mut sepc = b',';
        if let Some((sc, g)) = group {
            sepc = sc;
            loop {
                let l = g.min(remaining.max(min_width).max(1));
                let n_zeros = (l - remaining).max(0);
                let n_chars = remaining.min(l).max(0);
                emit(&mut rev, use_sep, sepc, n_chars, n_zeros, &mut pos);
                use_sep = true;
                remaining -= n_chars;
                min_width -= l;
                if remaining <= 0 && min_width <= 0 {
                    broken = true;
                    break;
                }
                min_width -= 1;
            }
        }
        if !broken {
            let l = remaining.max(min_width).max(1);
            let n_zeros = (l - remaining).max(0);
            let n_chars = remaining.min(l).max(0);
            emit(&mut rev, use_sep, sepc, n_chars, n_zeros, &mut pos);
        }
    }
    let n_grouped = rev.len() as i64;
    let n_padding = f.width - (non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0i64, 0i64, 0i64);
    if n_padding > 0 {
        match f.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    push_fill(out, f.fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&prefix.to_ascii_uppercase());
    } else {
        out.push_str(prefix);
    }
    push_fill(out, f.fill, spad);
    for &b in rev.iter().rev() {
        out.push(if upper {
            b.to_ascii_uppercase() as char
        } else {
            b as char
        });
    }
    out.push_str(rest);
    push_fill(out, f.fill, rpad);
}

fn format_int_spec(v: i64, spec: &str, type_name: &str, line: u32) -> PyResult<String> {
    let f = parse_spec(spec, '>', 'd', type_name, line)?;
    match f.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let mut out = String::new();
            format_float_with(&mut out, v as f64, &f, line)?;
            return Ok(out);
        }
        t => return Err(unknown_code(t, type_name, line)),
    }
    if f.precision != -1 {
        return Err(value_err(
            "Precision not allowed in integer format specifier",
            line,
        ));
    }
    if f.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in integer format specifier",
            line,
        ));
    }
    let mut out = String::new();
    if f.ty == 'c' {
        if f.sign != '\0' {
            return Err(value_err(
                "Sign not allowed with integer format specifier 'c'",
                line,
            ));
        }
        if f.alt {
            return Err(value_err(
                "Alternate form (#) not allowed with integer format specifier 'c'",
                line,
            ));
        }
        if !(0..=0x10ffff).contains(&v) {
            return Err(PyErr::new(
                &OVERFLOW_ERROR,
                "%c arg not in range(0x110000)",
                line,
            ));
        }
        let c = match char::from_u32(v as u32) {
            Some(c) => c,
            None => return Err(surrogate_limit(line)),
        };
        let mut tmp = [0u8; 4];
        fill_number(&mut out, &f, false, "", &[], c.encode_utf8(&mut tmp), false);
        return Ok(out);
    }
    let u = v.unsigned_abs();
    let (digits, prefix) = match f.ty {
        'b' => (format!("{:b}", u), "0b"),
        'o' => (format!("{:o}", u), "0o"),
        'x' | 'X' => (format!("{:x}", u), "0x"),
        _ => (u.to_string(), ""),
    };
    let prefix = if f.alt { prefix } else { "" };
    fill_number(
        &mut out,
        &f,
        v < 0,
        prefix,
        digits.as_bytes(),
        "",
        f.ty == 'X',
    );
    Ok(out)
}

fn format_float_with(out: &mut String, x: f64, f: &Spec, line: u32) -> PyResult<()> {
    if f.precision > i32::MAX as i64 {
        return Err(value_err("precision too big", line));
    }
    let mut precision = f.precision as i32;
    let mut ty = f.ty;
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    if ty == '\0' {
        add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    if precision < 0 {
        precision = default_precision;
    } else if ty == 'r' {
        ty = 'g';
    }
    let upper = ty == 'E' || ty == 'F' || ty == 'G';
    let code = ty.to_ascii_lowercase() as u8;
    let mut buf = String::with_capacity(32);
    format_float_short(
        &mut buf, val, code, precision, false, add_dot_0, f.alt, f.no_neg_0, upper,
    );
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = if let Some(stripped) = buf.strip_prefix('-') {
        (true, stripped)
    } else {
        (false, &buf[..])
    };
    let nd = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    fill_number(
        out,
        f,
        negative,
        "",
        &body.as_bytes()[..nd],
        &body[nd..],
        false,
    );
    Ok(())
}

fn format_float_spec(x: f64, spec: &str, line: u32) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let f = parse_spec(spec, '>', '\0', "float", line)?;
    match f.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
        t => return Err(unknown_code(t, "float", line)),
    }
    let mut out = String::new();
    format_float_with(&mut out, x, &f, line)?;
    Ok(out)
}

fn format_str_spec(s: &str, spec: &str, line: u32) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(spec, '<', 's', "str", line)?;
    if f.ty != 's' {
        return Err(unknown_code(f.ty, "str", line));
    }
    if f.sign != '\0' {
        if f.sign == ' ' {
            return Err(value_err(
                "Space not allowed in string format specifier",
                line,
            ));
        }
        return Err(value_err(
            "Sign not allowed in string format specifier",
            line,
        ));
    }
    if f.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in string format specifier",
            line,
        ));
    }
    if f.alt {
        return Err(value_err(
            "Alternate form (#) not allowed in string format specifier",
            line,
        ));
    }
    if f.align == '=' {
        return Err(value_err(
            "'=' alignment not allowed in string format specifier",
            line,
        ));
    }
    let mut len = str_len(s);
    let mut body: &str = s;
    if f.precision >= 0 && len > f.precision {
        len = f.precision;
        let cut = s
            .char_indices()
            .nth(len as usize)
            .map(|(i, _)| i)
            .unwrap_or(s.len());
        body = &s[..cut];
    }
    let total = if f.width >= 0 && f.width > len {
        f.width
    } else {
        len
    };
    let lpad = match f.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(cap_hint(body.len() as i64 + (total - len)));
    push_fill(&mut out, f.fill, lpad);
    out.push_str(body);
    push_fill(&mut out, f.fill, rpad);
    Ok(out)
}

impl PyFormat for i64 {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        if spec.is_empty() {
            return Ok(self.to_string());
        }
        format_int_spec(*self, spec, "int", line)
    }
}

impl PyFormat for bool {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        if spec.is_empty() {
            return Ok(if *self { "True" } else { "False" }.to_string());
        }
        format_int_spec(*self as i64, spec, "bool", line)
    }
}

impl PyFormat for f64 {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        format_float_spec(*self, spec, line)
    }
}

impl PyFormat for String {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        format_str_spec(self, spec, line)
    }
}

impl PyFormat for str {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        format_str_spec(self, spec, line)
    }
}

impl<T: PyFormat + ?Sized> PyFormat for &T {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        (**self).py_format(spec, line)
    }
}

/// format(None/list/tuple/..., spec): object.__format__ — only the empty spec is allowed.
pub fn format_object_str(text: &str, type_name: &str, spec: &str, line: u32) -> PyResult<String> {
    if spec.is_empty() {
        Ok(text.to_string())
    } else {
        Err(PyErr::new(
            &TYPE_ERROR,
            format!(
                "unsupported format string passed to {}.__format__",
                type_name
            ),
            line,
        ))
    }
}

// ===================================================================================
// int (i64, checked)
// ===================================================================================

#[inline]
pub fn int_add(a: i64, b: i64, line: u32) -> PyResult<i64> {
    match a.checked_add(b) {
        Some(v) => Ok(v),
        None => Err(overflow_err(line)),
    }
}

#[inline]
pub fn int_sub(a: i64, b: i64, line: u32) -> PyResult<i64> {
    match a.checked_sub(b) {
        Some(v) => Ok(v),
        None => Err(overflow_err(line)),
    }
}

#[inline]
pub fn int_mul(a: i64, b: i64, line: u32) -> PyResult<i64> {
    // wasm has no overflow flag: `checked_mul` on i64 becomes a 128-bit multiply call, 3x the
    // cost of a whole trial-division loop. Two factors that fit in 32 bits cannot overflow 64.
    if a as i32 as i64 == a && b as i32 as i64 == b {
        return Ok(a * b);
    }
    int_mul_wide(a, b, line)
}

#[inline(never)]
fn int_mul_wide(a: i64, b: i64, line: u32) -> PyResult<i64> {
    match a.checked_mul(b) {
        Some(v) => Ok(v),
        None => Err(overflow_err(line)),
    }
}

#[inline]
pub fn int_neg(a: i64, line: u32) -> PyResult<i64> {
    match a.checked_neg() {
        Some(v) => Ok(v),
        None => Err(overflow_err(line)),
    }
}

#[inline]
pub fn int_abs(a: i64, line: u32) -> PyResult<i64> {
    match a.checked_abs() {
        Some(v) => Ok(v),
        None => Err(overflow_err(line)),
    }
}

#[inline]
pub fn int_floordiv(a: i64, b: i64, line: u32) -> PyResult<i64> {
    if b == 0 {
        return Err(zero_div_err("integer division or modulo by zero", line));
    }
    if a == i64::MIN && b == -1 {
        return Err(overflow_err(line));
    }
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Ok(q - 1)
    } else {
        Ok(q)
    }
}

#[inline]
pub fn int_mod(a: i64, b: i64, line: u32) -> PyResult<i64> {
    if b == 0 {
        return Err(zero_div_err("integer modulo by zero", line));
    }
    if b == -1 {
        return Ok(0);
    }
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Ok(r + b)
    } else {
        Ok(r)
    }
}

#[inline]
pub fn int_divmod(a: i64, b: i64, line: u32) -> PyResult<(i64, i64)> {
    if b == 0 {
        return Err(zero_div_err("integer division or modulo by zero", line));
    }
    Ok((int_floordiv(a, b, line)?, int_mod(a, b, line)?))
}

#[inline]
pub fn int_pow(a: i64, b: i64, line: u32) -> PyResult<i64> {
    if b < 0 {
        return Err(limit_err("int ** negative int: Python gives a float here, which this int expression cannot hold; use a float base (2.0 ** n)", line));
    }
    match a {
        0 => return Ok(if b == 0 { 1 } else { 0 }),
        1 => return Ok(1),
        -1 => return Ok(if b % 2 == 0 { 1 } else { -1 }),
        _ => {}
    }
    if b > 64 {
        return Err(overflow_err(line));
    }
    match a.checked_pow(b as u32) {
        Some(v) => Ok(v),
        None => Err(overflow_err(line)),
    }
}

/// int / int: correctly rounded like CPython.
#[inline]
pub fn int_truediv(a: i64, b: i64, line: u32) -> PyResult<f64> {
    if b == 0 {
        return Err(zero_div_err("division by zero", line));
    }
    const LIM: u64 = 1u64 << 53;
    let ua = a.unsigned_abs();
    let ub = b.unsigned_abs();
    let neg = (a < 0) != (b < 0);
    if ua <= LIM && ub <= LIM {
        return Ok(a as f64 / b as f64);
    }
    if ua == 0 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let na = ua as u128;
    let nb = ub as u128;
    let bitlen = 128 - na.leading_zeros();
    let s = 127 - bitlen; // shift so that na << s has bit 126 set
    let num = na << s;
    let mut q = num / nb;
    let r = num % nb;
    if r != 0 {
        q |= 1;
    }
    let qf = q as f64; // q >= 2^63: the sticky bit sits below the rounding position
    let scale = f64::from_bits(((1023 - s as i64) as u64) << 52);
    let v = qf * scale;
    Ok(if neg { -v } else { v })
}

#[inline]
pub fn int_lshift(a: i64, b: i64, line: u32) -> PyResult<i64> {
    if b < 0 {
        return Err(value_err("negative shift count", line));
    }
    if a == 0 {
        return Ok(0);
    }
    if b >= 64 {
        return Err(overflow_err(line));
    }
    let r = a << b;
    if (r >> b) != a {
        return Err(overflow_err(line));
    }
    Ok(r)
}

#[inline]
pub fn int_rshift(a: i64, b: i64, line: u32) -> PyResult<i64> {
    if b < 0 {
        return Err(value_err("negative shift count", line));
    }
    if b >= 64 {
        return Ok(if a < 0 { -1 } else { 0 });
    }
    Ok(a >> b)
}

#[inline]
pub fn int_to_float(v: i64) -> f64 {
    v as f64
}

// ===================================================================================
// float
// ===================================================================================

#[inline]
pub fn float_div(a: f64, b: f64, line: u32) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_div_err("float division by zero", line));
    }
    Ok(a / b)
}

#[inline]
fn float_divmod_raw(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

#[inline]
pub fn float_floordiv(a: f64, b: f64, line: u32) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_div_err("float floor division by zero", line));
    }
    Ok(float_divmod_raw(a, b).0)
}

#[inline]
pub fn float_mod(a: f64, b: f64, line: u32) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_div_err("float modulo", line));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

#[inline]
pub fn float_divmod(a: f64, b: f64, line: u32) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(zero_div_err("float divmod()", line));
    }
    Ok(float_divmod_raw(a, b))
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && (x % 2.0).abs() == 1.0
}

/// float ** float with CPython's special cases.
pub fn float_pow(iv: f64, iw: f64, line: u32) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        if a == 1.0 {
            return Ok(1.0);
        } else if (iw > 0.0) == (a > 1.0) {
            return Ok(iw.abs());
        } else {
            return Ok(0.0);
        }
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        if iw > 0.0 {
            return Ok(if odd { iv } else { iv.abs() });
        } else {
            return Ok(if odd { 0.0f64.copysign(iv) } else { 0.0 });
        }
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(zero_div_err("0.0 cannot be raised to a negative power", line));
        }
        return Ok(if odd { iv } else { 0.0 });
    }
    let mut v = iv;
    let mut negate = false;
    if v < 0.0 {
        if iw != iw.floor() {
            // CPython returns a complex number: stop (never caught: CPython raised nothing)
            return Err(limit_err("a negative float to a non-integer power: Python gives a complex number here, which Portalis does not support", line));
        }
        v = -v;
        negate = is_odd_integer(iw);
    }
    if v == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = v.powf(iw);
    if r.is_infinite() {
        // CPython: OverflowError(34, 'Numerical result out of range') (errno ERANGE, strerror)
        return Err(PyErr::with_args(
            &OVERFLOW_ERROR,
            vec!["34".to_string(), "Numerical result out of range".to_string()],
            vec!["34".to_string(), "'Numerical result out of range'".to_string()],
            line,
        ));
    }
    Ok(if negate { -r } else { r })
}

#[inline]
fn f64_to_i64_checked(x: f64, line: u32) -> PyResult<i64> {
    if x.is_nan() {
        return Err(value_err("cannot convert float NaN to integer", line));
    }
    if x.is_infinite() {
        return Err(PyErr::new(
            &OVERFLOW_ERROR,
            "cannot convert float infinity to integer",
            line,
        ));
    }
    let t = x.trunc();
    if (-9223372036854775808.0..9223372036854775808.0).contains(&t) {
        Ok(t as i64)
    } else {
        Err(overflow_err(line))
    }
}

/// int(x) for a float.
#[inline]
pub fn float_to_int(x: f64, line: u32) -> PyResult<i64> {
    f64_to_i64_checked(x, line)
}

/// x rounded to an integral float, ties to even (a non-finite x stays as it is).
#[inline]
pub fn round_to_even(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// round(x) -> int, half to even.
#[inline]
pub fn round_half_even(x: f64, line: u32) -> PyResult<i64> {
    f64_to_i64_checked(round_to_even(x), line)
}

/// round(x, n) for a float (correctly rounded, like CPython).  An overflowing result
/// (e.g. round(1.7e308, -308)) is returned as inf; see `round_ndigits_checked`.
pub fn round_ndigits(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n > 323 {
        return x;
    }
    if n < -308 {
        return 0.0 * x;
    }
    let (digits, decpt) = float_digits(x, false, n as i32);
    let mut s = String::with_capacity(digits.len() + 12);
    if x < 0.0 {
        s.push('-');
    }
    s.push('0');
    s.push_str(std::str::from_utf8(&digits).unwrap_or(""));
    s.push('e');
    s.push_str(&(decpt as i64 - digits.len() as i64).to_string());
    s.parse::<f64>().unwrap_or(x)
}

/// round(x, n) with CPython's OverflowError for results too large to represent.
pub fn round_ndigits_checked(x: f64, n: i64, line: u32) -> PyResult<f64> {
    let r = round_ndigits(x, n);
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::new(
            &OVERFLOW_ERROR,
            "rounded value too large to represent",
            line,
        ));
    }
    Ok(r)
}

/// round(v, n) for an int.
pub fn round_int_ndigits(v: i64, n: i64, line: u32) -> PyResult<i64> {
    if n >= 0 {
        return Ok(v);
    }
    let k = n.unsigned_abs();
    if k > 38 {
        return Ok(0);
    }
    let p: i128 = 10i128.pow(k as u32);
    let x = v as i128;
    let mut q = x.div_euclid(p);
    let r = x.rem_euclid(p);
    let twice = 2 * r;
    if twice > p || (twice == p && q % 2 != 0) {
        q += 1;
    }
    let res = q * p;
    if res > i64::MAX as i128 || res < i64::MIN as i128 {
        return Err(overflow_err(line));
    }
    Ok(res as i64)
}

pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

// ---- parsing ----------------------------------------------------------------------

/// Python's str.isspace() for one character.
#[inline]
pub fn py_isspace(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000
    )
}

/// Value of a Unicode decimal digit (category Nd), like unicodedata.decimal.
/// Whitespace int()/float() strip: ASCII " \t\n\v\f\r" and non-ASCII Unicode spaces (CPython
/// maps those to ' ' first); unlike str.isspace, not \x1c-\x1f.
fn num_space(c: char) -> bool {
    matches!(c, ' ' | '\t'..='\r') || (c as u32 > 127 && py_isspace(c))
}

pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if (c as u32) < 128 {
        return None;
    }
    range_start(c as u32, DECIMAL_RANGES).map(|s| (c as u32 - s) % 10)
}

/// CPython 3.11 refuses int() of text with more than 4300 digits in a base that is not a power
/// of two (leading zeros count; underscores do not), before it looks at the value.
fn int_text_digit_limit(body: &str, base: u32, line: u32) -> PyResult<()> {
    if base.is_power_of_two() || body.len() <= 4300 {
        return Ok(());
    }
    let n = body
        .chars()
        .take_while(|&c| c == '_' || c.is_digit(base) || matches!(decimal_value(c), Some(d) if d < base))
        .filter(|&c| c != '_')
        .count();
    if n > 4300 {
        return Err(value_err(
            &format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                n
            ),
            line,
        ));
    }
    Ok(())
}

/// int(s) for a str (base 10).
pub fn parse_int(s: &str, line: u32) -> PyResult<i64> {
    let bad = || {
        value_err(
            &format!("invalid literal for int() with base 10: {}", str_repr(s)),
            line,
        )
    };
    let t = s.trim_matches(num_space);
    int_text_digit_limit(t.strip_prefix(['+', '-']).unwrap_or(t), 10, line)?;
    let mut chars = t.chars().peekable();
    let mut neg = false;
    match chars.peek() {
        Some('+') => {
            chars.next();
        }
        Some('-') => {
            neg = true;
            chars.next();
        }
        _ => {}
    }
    let mut acc: i128 = 0;
    let mut ndig = 0usize;
    let mut prev_underscore = false;
    let mut overflow = false;
    for c in chars {
        if c == '_' {
            if ndig == 0 || prev_underscore {
                return Err(bad());
            }
            prev_underscore = true;
            continue;
        }
        let d = match decimal_value(c) {
            Some(d) => d,
            None => return Err(bad()),
        };
        prev_underscore = false;
        ndig += 1;
        if !overflow {
            acc = acc * 10 + d as i128;
            if acc > (1i128 << 64) {
                overflow = true;
            }
        }
    }
    if ndig == 0 || prev_underscore {
        return Err(bad());
    }
    let v = if neg { -acc } else { acc };
    if overflow || v > i64::MAX as i128 || v < i64::MIN as i128 {
        return Err(overflow_err(line));
    }
    Ok(v as i64)
}

/// float(s) for a str.
pub fn parse_float(s: &str, line: u32) -> PyResult<f64> {
    let bad = || {
        value_err(
            &format!("could not convert string to float: {}", str_repr(s)),
            line,
        )
    };
    let t = s.trim_matches(num_space);
    // map Unicode decimal digits to ASCII
    let mut clean = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_ascii() {
            clean.push(c);
        } else if let Some(d) = decimal_value(c) {
            clean.push((b'0' + d as u8) as char);
        } else {
            return Err(bad());
        }
    }
    let b = clean.as_bytes();
    let mut i = 0usize;
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let rest = &clean[i..];
    let lower = rest.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(if neg { -f64::NAN } else { f64::NAN });
    }
    // grammar: digitpart ["." [digitpart]] | "." digitpart, then optional exponent
    let mut out = String::with_capacity(rest.len() + 1);
    if neg {
        out.push('-');
    }
    let rb = rest.as_bytes();
    let mut j = 0usize;
    // returns number of digits consumed; validates underscores
    fn digitpart(rb: &[u8], j: &mut usize, out: &mut String) -> Option<usize> {
        let mut n = 0usize;
        while *j < rb.len() {
            let c = rb[*j];
            if c.is_ascii_digit() {
                out.push(c as char);
                n += 1;
                *j += 1;
            } else if c == b'_' {
                if n == 0 || *j + 1 >= rb.len() || !rb[*j + 1].is_ascii_digit() {
                    return None;
                }
                *j += 1;
            } else {
                break;
            }
        }
        Some(n)
    }
    let int_digits = match digitpart(rb, &mut j, &mut out) {
        Some(n) => n,
        None => return Err(bad()),
    };
    let mut frac_digits = 0usize;
    if j < rb.len() && rb[j] == b'.' {
        out.push('.');
        j += 1;
        frac_digits = match digitpart(rb, &mut j, &mut out) {
            Some(n) => n,
            None => return Err(bad()),
        };
    }
    if int_digits == 0 && frac_digits == 0 {
        return Err(bad());
    }
    if j < rb.len() && (rb[j] == b'e' || rb[j] == b'E') {
        out.push('e');
        j += 1;
        if j < rb.len() && (rb[j] == b'+' || rb[j] == b'-') {
            out.push(rb[j] as char);
            j += 1;
        }
        let n = match digitpart(rb, &mut j, &mut out) {
            Some(n) => n,
            None => return Err(bad()),
        };
        if n == 0 {
            return Err(bad());
        }
    }
    if j != rb.len() {
        return Err(bad());
    }
    if out.ends_with('.') {
        out.push('0');
    }
    if out.starts_with('.') || out.starts_with("-.") {
        out = out.replacen('.', "0.", 1);
    }
    match out.parse::<f64>() {
        Ok(v) => Ok(v),
        Err(_) => Err(bad()),
    }
}

// ---- exact int/float comparison -------------------------------------------------------

fn cmp_int_float(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if i.unsigned_abs() <= (1u64 << 53) {
        return (i as f64).partial_cmp(&f);
    }
    if f >= 9223372036854775808.0 {
        return Some(Ordering::Less);
    }
    if f < -9223372036854775808.0 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    let ti = t as i64; // exact: |t| < 2^63
    match i.cmp(&ti) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

pub fn cmp_int_float_lt(i: i64, f: f64) -> bool {
    cmp_int_float(i, f) == Some(Ordering::Less)
}
pub fn cmp_int_float_le(i: i64, f: f64) -> bool {
    matches!(
        cmp_int_float(i, f),
        Some(Ordering::Less) | Some(Ordering::Equal)
    )
}
pub fn cmp_int_float_gt(i: i64, f: f64) -> bool {
    cmp_int_float(i, f) == Some(Ordering::Greater)
}
pub fn cmp_int_float_ge(i: i64, f: f64) -> bool {
    matches!(
        cmp_int_float(i, f),
        Some(Ordering::Greater) | Some(Ordering::Equal)
    )
}
pub fn cmp_int_float_eq(i: i64, f: f64) -> bool {
    cmp_int_float(i, f) == Some(Ordering::Equal)
}

// ---- math -------------------------------------------------------------------------------

#[cold]
fn math_domain(line: u32) -> PyErr {
    value_err("math domain error", line)
}

#[cold]
fn math_range(line: u32) -> PyErr {
    PyErr::new(&OVERFLOW_ERROR, "math range error", line)
}

#[inline]
pub fn math_sqrt(x: f64, line: u32) -> PyResult<f64> {
    if x < 0.0 {
        return Err(math_domain(line));
    }
    Ok(x.sqrt())
}

#[inline]
fn log_helper(x: f64, f: fn(f64) -> f64, line: u32) -> PyResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(math_domain(line));
    }
    Ok(f(x))
}

#[inline]
pub fn math_log(x: f64, line: u32) -> PyResult<f64> {
    log_helper(x, f64::ln, line)
}

pub fn math_log_base(x: f64, b: f64, line: u32) -> PyResult<f64> {
    let num = math_log(x, line)?;
    let den = math_log(b, line)?;
    if den == 0.0 {
        return Err(zero_div_err("float division by zero", line));
    }
    Ok(num / den)
}

#[inline]
pub fn math_log10(x: f64, line: u32) -> PyResult<f64> {
    log_helper(x, f64::log10, line)
}

#[inline]
pub fn math_log2(x: f64, line: u32) -> PyResult<f64> {
    log_helper(x, f64::log2, line)
}

#[inline]
pub fn math_exp(x: f64, line: u32) -> PyResult<f64> {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return Err(math_range(line));
    }
    Ok(r)
}

#[inline]
pub fn math_floor(x: f64, line: u32) -> PyResult<i64> {
    f64_to_i64_checked(x.floor(), line)
}

#[inline]
pub fn math_ceil(x: f64, line: u32) -> PyResult<i64> {
    f64_to_i64_checked(x.ceil(), line)
}

/// math.gcd(a, b).  (gcd(-2**63, 0) = 2**63 does not fit: the 64-bit limit.)
pub fn math_gcd(a: i64, b: i64, line: u32) -> PyResult<i64> {
    let mut x = a.unsigned_abs();
    let mut y = b.unsigned_abs();
    while y != 0 {
        let t = x % y;
        x = y;
        y = t;
    }
    if x > i64::MAX as u64 {
        Err(overflow_err(line))
    } else {
        Ok(x as i64)
    }
}

/// math.isclose with CPython's argument check (negative tolerances are a ValueError).
pub fn math_isclose_checked(a: f64, b: f64, rel_tol: f64, abs_tol: f64, line: u32) -> PyResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_err("tolerances must be non-negative", line));
    }
    Ok(math_isclose(a, b, rel_tol, abs_tol))
}

pub fn math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> bool {
    if a == b {
        return true;
    }
    if a.is_infinite() || b.is_infinite() {
        return false;
    }
    let diff = (b - a).abs();
    (diff <= (rel_tol * b).abs()) || (diff <= (rel_tol * a).abs()) || (diff <= abs_tol)
}

/// math.pow(x, y)
pub fn math_pow(x: f64, y: f64, line: u32) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = is_odd_integer(y);
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(math_domain(line));
    }
    if r.is_infinite() {
        if x == 0.0 {
            return Err(math_domain(line));
        }
        return Err(math_range(line));
    }
    Ok(r)
}

pub fn math_factorial(n: i64, line: u32) -> PyResult<i64> {
    if n < 0 {
        return Err(value_err(
            "factorial() not defined for negative values",
            line,
        ));
    }
    let mut acc: i64 = 1;
    let mut i = 2;
    while i <= n {
        acc = match acc.checked_mul(i) {
            Some(v) => v,
            None => return Err(overflow_err(line)),
        };
        i += 1;
    }
    Ok(acc)
}

#[inline]
pub fn math_trunc(x: f64, line: u32) -> PyResult<i64> {
    f64_to_i64_checked(x, line)
}

/// math.fsum(xs): exactly rounded sum (Shewchuk, as in CPython).
pub fn math_fsum(xs: &[f64], line: u32) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &x0 in xs {
        let mut x = x0;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special_sum += x;
            continue;
        }
        let mut i = 0usize;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                return Err(PyErr::new(
                    &OVERFLOW_ERROR,
                    "intermediate overflow in fsum",
                    line,
                ));
            }
            partials.push(x);
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_err("-inf + inf in fsum", line));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

// ===================================================================================
// str
// ===================================================================================

/// Python slice semantics: returns (start, step, count) over a sequence of length `len`.
pub fn slice_indices(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<(i64, i64, i64)> {
    let mut step = step.unwrap_or(1);
    if step == 0 {
        return Err(value_err("slice step cannot be zero", line));
    }
    if step < -i64::MAX {
        step = -i64::MAX;
    }
    let adjust = |v: Option<i64>, is_start: bool| -> i64 {
        match v {
            None => {
                if step < 0 {
                    if is_start {
                        len - 1
                    } else {
                        -1
                    }
                } else if is_start {
                    0
                } else {
                    len
                }
            }
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let s = adjust(start, true);
    let e = adjust(stop, false);
    let count = if step < 0 {
        if e < s {
            (s - e - 1) / (-step) + 1
        } else {
            0
        }
    } else if s < e {
        (e - s - 1) / step + 1
    } else {
        0
    };
    Ok((s, step, count))
}

/// len(s) in code points.
#[inline]
pub fn str_len(s: &str) -> i64 {
    if s.is_ascii() {
        s.len() as i64
    } else {
        s.chars().count() as i64
    }
}

fn char_string(c: char) -> String {
    let mut buf = [0u8; 4];
    String::from(&*c.encode_utf8(&mut buf))
}

/// s[i]
#[inline]
pub fn str_index(s: &str, i: i64, line: u32) -> PyResult<String> {
    str_index_hint(s, false, i, line)
}

/// `s[i]` where `ascii` is a caller-proven `s.is_ascii()` (hoisted out of a loop by the
/// emitter): O(1) then; otherwise O(i), with an ASCII-prefix fast path.
#[inline]
pub fn str_index_hint(s: &str, ascii: bool, i: i64, line: u32) -> PyResult<String> {
    match str_char_at(s, ascii, i) {
        Some(c) => Ok(char_string(c)),
        None => Err(str_index_error(line)),
    }
}

impl PyList<String> {
    /// Copy item `k` into `dst`, reusing its buffer (a `for` loop over a list of str); false
    /// past the end.
    #[inline]
    pub fn read_str_into(&self, k: usize, dst: &mut String) -> bool {
        match self.0.borrow().get(k) {
            Some(x) => {
                dst.clear();
                dst.push_str(x);
                true
            }
            None => false,
        }
    }
}

/// `t[i]` for a tuple whose items share one type, with a run-time index (IndexError as CPython).
pub fn tuple_index<T: Clone>(items: &[T], i: i64, line: u32) -> PyResult<T> {
    match norm_index(i, items.len()) {
        Some(j) => Ok(items[j].clone()),
        None => Err(index_err("tuple index out of range", line)),
    }
}

/// `a, b = xs`: the items of a list that must hold exactly `n` (ValueError texts as CPython's).
pub fn list_unpack<T: Clone>(l: &PyList<T>, n: usize, line: u32) -> PyResult<Vec<T>> {
    let v = l.0.borrow();
    if v.len() < n {
        let msg = format!("not enough values to unpack (expected {}, got {})", n, v.len());
        return Err(value_err(&msg, line));
    }
    if v.len() > n {
        return Err(value_err(&format!("too many values to unpack (expected {})", n), line));
    }
    Ok(v.clone())
}

/// `sep.join(list)` for a list of str: no per-item clone.
pub fn str_join_list(sep: &str, l: &PyList<String>) -> String {
    l.0.borrow().join(sep)
}

/// `a == b` for str: a length test and a first-byte test before any memcmp call (most
/// comparisons in Python code are against one-character or short literals).
#[inline]
pub fn str_eq(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    x.len() == y.len() && (x.is_empty() || (x[0] == y[0] && x[1..] == y[1..]))
}

/// `s[i]` as a char (for `s[i] == t[j]`: two code points compare like one-character strs).
#[inline]
pub fn str_index_char(s: &str, ascii: bool, i: i64, line: u32) -> PyResult<char> {
    str_char_at(s, ascii, i).ok_or_else(|| str_index_error(line))
}

/// `s[i] == other` without allocating the one-character string.
#[inline]
pub fn str_index_eq(s: &str, ascii: bool, i: i64, other: &str, line: u32) -> PyResult<bool> {
    if ascii {
        let b = s.as_bytes();
        let n = b.len() as i64;
        let j = if i < 0 { i + n } else { i };
        // not `(0..n).contains(&j)`: Range::contains is not #[inline] in rustc 1.63 (a call in
        // a crate built without cross-unit LTO)
        if j < 0 || j >= n {
            return Err(str_index_error(line));
        }
        // b[j] is ASCII, so equal strings are exactly the one-byte `other` with that byte
        let o = other.as_bytes();
        return Ok(o.len() == 1 && o[0] == b[j as usize]);
    }
    match str_char_at(s, ascii, i) {
        // no memcmp call: one length test and one char decode
        Some(c) => Ok(other.len() == c.len_utf8() && other.starts_with(c)),
        None => Err(str_index_error(line)),
    }
}

#[cold]
fn str_index_error(line: u32) -> PyErr {
    index_err("string index out of range", line)
}

#[inline]
fn str_char_at(s: &str, ascii: bool, i: i64) -> Option<char> {
    let b = s.as_bytes();
    if ascii {
        let n = b.len() as i64;
        let j = if i < 0 { i + n } else { i };
        return if j >= 0 && j < n { Some(b[j as usize] as char) } else { None };
    }
    str_char_at_slow(s, i)
}

fn str_char_at_slow(s: &str, i: i64) -> Option<char> {
    let b = s.as_bytes();
    let blen = b.len() as u64;
    if i >= 0 {
        // a char index is never larger than the byte length
        if (i as u64) < blen {
            let iu = i as usize;
            if b[..=iu].is_ascii() {
                return Some(b[iu] as char);
            }
            return s.chars().nth(iu);
        }
    } else {
        let k = i.unsigned_abs();
        if k <= blen {
            let start = b.len() - k as usize;
            if b[start..].is_ascii() {
                return Some(b[start] as char);
            }
            return s.chars().rev().nth((k - 1) as usize);
        }
    }
    None
}

/// s[start:stop:step]
pub fn str_slice(
    s: &str,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<String> {
    if s.is_ascii() {
        let b = s.as_bytes();
        let (st, sp, n) = slice_indices(b.len() as i64, start, stop, step, line)?;
        if sp == 1 {
            return Ok(s[st as usize..(st + n) as usize].to_string());
        }
        let mut out = String::with_capacity(n as usize);
        let mut i = st;
        for _ in 0..n {
            out.push(b[i as usize] as char);
            i += sp;
        }
        return Ok(out);
    }
    let chars: Vec<char> = s.chars().collect();
    let (st, sp, n) = slice_indices(chars.len() as i64, start, stop, step, line)?;
    let mut out = String::new();
    let mut i = st;
    for _ in 0..n {
        out.push(chars[i as usize]);
        i += sp;
    }
    Ok(out)
}

/// s * n (n <= 0 gives "").
pub fn str_repeat(s: &str, n: i64) -> String {
    if n <= 0 || s.is_empty() {
        return String::new();
    }
    match usize::try_from(n).ok().and_then(|k| k.checked_mul(s.len())) {
        Some(total) if total <= isize::MAX as usize / 2 => s.repeat(n as usize),
        _ => {
            // CPython raises MemoryError; this signature cannot, so end the program the way an
            // uncaught MemoryError would (use str_repeat_checked to get a catchable error).
            err_str("MemoryError\n");
            std::process::exit(1);
        }
    }
}

/// s * n with MemoryError instead of an allocation failure for absurd sizes.
pub fn str_repeat_checked(s: &str, n: i64, line: u32) -> PyResult<String> {
    if n > 0 && (s.len() as u128) * (n as u128) > (isize::MAX as u128) / 2 {
        return Err(PyErr::with_args(&MEMORY_ERROR, vec![], vec![], line));
    }
    Ok(str_repeat(s, n))
}

#[inline]
pub fn str_contains(hay: &str, needle: &str) -> bool {
    hay.contains(needle)
}

/// str.split(sep, maxsplit)
pub fn str_split(s: &str, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<PyList<String>> {
    let mut out: Vec<String> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_err("empty separator", line));
            }
            if maxsplit < 0 {
                out.extend(s.split(sep).map(String::from));
            } else {
                let n = (maxsplit as u64).saturating_add(1).min(usize::MAX as u64) as usize;
                out.extend(s.splitn(n, sep).map(String::from));
            }
        }
        None => {
            let mut rest = s.trim_start_matches(py_isspace);
            let mut left = maxsplit;
            while !rest.is_empty() {
                if left == 0 {
                    out.push(rest.to_string());
                    break;
                }
                match rest.find(py_isspace) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = rest[i..].trim_start_matches(py_isspace);
                        if left > 0 {
                            left -= 1;
                        }
                    }
                    None => {
                        out.push(rest.to_string());
                        break;
                    }
                }
            }
        }
    }
    Ok(PyList::from_vec(out))
}

/// str.rsplit(sep, maxsplit)
pub fn str_rsplit(
    s: &str,
    sep: Option<&str>,
    maxsplit: i64,
    line: u32,
) -> PyResult<PyList<String>> {
    let mut out: Vec<String> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_err("empty separator", line));
            }
            if maxsplit < 0 {
                out.extend(s.rsplit(sep).map(String::from));
                out.reverse();
                return Ok(PyList::from_vec(out));
            }
            let n = (maxsplit as u64).saturating_add(1).min(usize::MAX as u64) as usize;
            out.extend(s.rsplitn(n, sep).map(String::from));
            out.reverse();
        }
        None => {
            let mut rest = s.trim_end_matches(py_isspace);
            let mut left = maxsplit;
            while !rest.is_empty() {
                if left == 0 {
                    out.push(rest.to_string());
                    break;
                }
                match rest.rfind(py_isspace) {
                    Some(i) => {
                        let c_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        out.push(rest[i + c_len..].to_string());
                        rest = rest[..i].trim_end_matches(py_isspace);
                        if left > 0 {
                            left -= 1;
                        }
                    }
                    None => {
                        out.push(rest.to_string());
                        break;
                    }
                }
            }
            out.reverse();
        }
    }
    Ok(PyList::from_vec(out))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c as u32,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// str.splitlines()
pub fn str_splitlines(s: &str) -> PyList<String> {
    str_splitlines_keep(s, false)
}

/// str.splitlines(keepends)
pub fn str_splitlines_keep(s: &str, keepends: bool) -> PyList<String> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keepends {
                s[start..end].to_string()
            } else {
                s[start..i].to_string()
            });
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    PyList::from_vec(out)
}

pub fn str_join(sep: &str, items: &[String]) -> String {
    items.join(sep)
}

pub fn str_strip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_matches(py_isspace).to_string(),
        Some(cs) => s.trim_matches(|c: char| cs.contains(c)).to_string(),
    }
}

pub fn str_lstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_start_matches(py_isspace).to_string(),
        Some(cs) => s.trim_start_matches(|c: char| cs.contains(c)).to_string(),
    }
}

pub fn str_rstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_end_matches(py_isspace).to_string(),
        Some(cs) => s.trim_end_matches(|c: char| cs.contains(c)).to_string(),
    }
}

pub fn str_upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        s.to_uppercase()
    }
}

pub fn str_lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

fn is_titlecase_char(c: char) -> bool {
    (c as u32) >= 128 && in_ranges(c as u32, TITLECASE_RANGES)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase_char(c)
}

fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    let cp = c as u32;
    if let Ok(i) = TITLE_SPECIAL.binary_search_by(|&(k, _)| k.cmp(&cp)) {
        out.push_str(TITLE_SPECIAL[i].1);
        return;
    }
    out.extend(c.to_uppercase());
}

/// Lower-case one char inside a word (final-sigma aware).
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        // final sigma: preceded by a cased letter and not followed by one
        let mut j = i;
        let mut before = false;
        while j > 0 {
            j -= 1;
            if is_case_ignorable(chars[j]) {
                continue;
            }
            before = is_cased(chars[j]);
            break;
        }
        let mut after = false;
        let mut k = i + 1;
        while k < chars.len() {
            if is_case_ignorable(chars[k]) {
                k += 1;
                continue;
            }
            after = is_cased(chars[k]);
            break;
        }
        out.push(if before && !after {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
        return;
    }
    out.extend(c.to_lowercase());
}

fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}'
    )
}

pub fn str_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        let mut prev_cased = false;
        for &b in s.as_bytes() {
            let c = b as char;
            if prev_cased {
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c.to_ascii_uppercase());
            }
            prev_cased = c.is_ascii_alphabetic();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut prev_cased = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

pub fn str_capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

pub fn str_swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if c.is_uppercase() {
            push_lower_at(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// str.replace(old, new, count); count < 0 replaces all.
pub fn str_replace(s: &str, old: &str, new: &str, count: i64) -> String {
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, (count as u64).min(usize::MAX as u64) as usize)
    }
}

#[inline]
pub fn str_startswith(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
}

#[inline]
pub fn str_endswith(s: &str, suffix: &str) -> bool {
    s.ends_with(suffix)
}

#[inline]
fn byte_to_char_index(s: &str, byte: usize) -> i64 {
    str_len(&s[..byte])
}

pub fn str_find(s: &str, sub: &str) -> i64 {
    match s.find(sub) {
        Some(i) => byte_to_char_index(s, i),
        None => -1,
    }
}

pub fn str_rfind(s: &str, sub: &str) -> i64 {
    match s.rfind(sub) {
        Some(i) => byte_to_char_index(s, i),
        None => -1,
    }
}

pub fn str_index_of(s: &str, sub: &str, line: u32) -> PyResult<i64> {
    match s.find(sub) {
        Some(i) => Ok(byte_to_char_index(s, i)),
        None => Err(value_err("substring not found", line)),
    }
}

pub fn str_rindex_of(s: &str, sub: &str, line: u32) -> PyResult<i64> {
    match s.rfind(sub) {
        Some(i) => Ok(byte_to_char_index(s, i)),
        None => Err(value_err("substring not found", line)),
    }
}

pub fn str_count(s: &str, sub: &str) -> i64 {
    if sub.is_empty() {
        return str_len(s) + 1;
    }
    s.matches(sub).count() as i64
}

/// CPython's ADJUST_INDICES for `s.find(sub, start, end)` and friends, in code points:
/// negative positions count from the end and are clipped at 0; `end` is clipped at n but
/// `start` is not (so `"abc".find("", 4) == -1`); start > end means "no room".
fn adjust_indices(start: Option<i64>, end: Option<i64>, n: i64) -> (i64, i64) {
    let from_end = |v: i64| if v < 0 { (v + n).max(0) } else { v };
    (start.map_or(0, from_end), end.map_or(n, |v| from_end(v).min(n)))
}

/// Byte offset of code point `k` (0 <= k <= number of code points).
fn char_to_byte(s: &str, k: i64) -> usize {
    if s.is_ascii() {
        return k as usize;
    }
    s.char_indices().nth(k as usize).map_or(s.len(), |(b, _)| b)
}

/// The window `s[start:end]` as (code point offset, text), or None when it cannot hold `sub`.
fn str_window<'a>(s: &'a str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<(i64, &'a str)> {
    let (st, e) = adjust_indices(start, end, str_len(s));
    if e - st < str_len(sub) {
        return None;
    }
    Some((st, &s[char_to_byte(s, st)..char_to_byte(s, e)]))
}

/// `search` (str::find or str::rfind) of `sub` in the window, as a code point index of `s`.
fn str_search_in(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
    search: fn(&str, &str) -> Option<usize>,
) -> i64 {
    match str_window(s, sub, start, end) {
        Some((off, w)) => search(w, sub).map_or(-1, |b| off + byte_to_char_index(w, b)),
        None => -1,
    }
}

/// `s.find(sub, start, end)`
pub fn str_find_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    str_search_in(s, sub, start, end, |w, p| w.find(p))
}

/// `s.rfind(sub, start, end)`
pub fn str_rfind_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    str_search_in(s, sub, start, end, |w, p| w.rfind(p))
}

/// `s.index(sub, start, end)`: ValueError "substring not found" like CPython.
pub fn str_index_of_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, line: u32) -> PyResult<i64> {
    match str_find_in(s, sub, start, end) {
        -1 => Err(value_err("substring not found", line)),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`
pub fn str_rindex_of_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, line: u32) -> PyResult<i64> {
    match str_rfind_in(s, sub, start, end) {
        -1 => Err(value_err("substring not found", line)),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`
pub fn str_count_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match str_window(s, sub, start, end) {
        Some((_, w)) => str_count(w, sub),
        None => 0,
    }
}

/// `s.startswith(prefix, start, end)` (CPython's tailmatch).
pub fn str_startswith_in(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    matches!(str_window(s, prefix, start, end), Some((_, w)) if w.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)`
pub fn str_endswith_in(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    matches!(str_window(s, suffix, start, end), Some((_, w)) if w.ends_with(suffix))
}

fn py_isdecimal_char(c: char) -> bool {
    c.is_ascii_digit() || ((c as u32) >= 128 && in_ranges(c as u32, DECIMAL_RANGES))
}
fn py_isdigit_char(c: char) -> bool {
    c.is_ascii_digit() || ((c as u32) >= 128 && in_ranges(c as u32, DIGIT_RANGES))
}
fn py_isnumeric_char(c: char) -> bool {
    c.is_ascii_digit() || ((c as u32) >= 128 && in_ranges(c as u32, NUMERIC_RANGES))
}
fn py_isalpha_char(c: char) -> bool {
    c.is_ascii_alphabetic() || ((c as u32) >= 128 && in_ranges(c as u32, ALPHA_RANGES))
}

pub fn str_isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isdigit_char)
}
pub fn str_isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isdecimal_char)
}
pub fn str_isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isnumeric_char)
}
pub fn str_isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isalpha_char)
}
pub fn str_isalnum(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| py_isalpha_char(c) || py_isnumeric_char(c) || py_isdigit_char(c))
}
pub fn str_isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isspace)
}
pub fn str_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase_char(c) {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}
pub fn str_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            return false;
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    cased
}
pub fn str_istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase_char(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn fill_char(fill: &str, line: u32) -> PyResult<char> {
    let mut it = fill.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::new(
            &TYPE_ERROR,
            "The fill character must be exactly one character long",
            line,
        )),
    }
}

fn pad_str(s: &str, left: i64, right: i64, fill: char) -> String {
    let mut out = String::with_capacity(cap_hint(s.len() as i64 + left.max(0) + right.max(0)));
    push_fill(&mut out, fill, left);
    out.push_str(s);
    push_fill(&mut out, fill, right);
    out
}

pub fn str_ljust(s: &str, width: i64, fill: &str, line: u32) -> PyResult<String> {
    let f = fill_char(fill, line)?;
    let n = str_len(s);
    if width <= n {
        return Ok(s.to_string());
    }
    Ok(pad_str(s, 0, width - n, f))
}

pub fn str_rjust(s: &str, width: i64, fill: &str, line: u32) -> PyResult<String> {
    let f = fill_char(fill, line)?;
    let n = str_len(s);
    if width <= n {
        return Ok(s.to_string());
    }
    Ok(pad_str(s, width - n, 0, f))
}

pub fn str_center(s: &str, width: i64, fill: &str, line: u32) -> PyResult<String> {
    let f = fill_char(fill, line)?;
    let n = str_len(s);
    if width <= n {
        return Ok(s.to_string());
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    Ok(pad_str(s, left, marg - left, f))
}

pub fn str_zfill(s: &str, width: i64) -> String {
    let n = str_len(s);
    if width <= n {
        return s.to_string();
    }
    let fill = width - n;
    let mut out = String::with_capacity(cap_hint(s.len() as i64 + fill));
    let (sign, rest) = if s.starts_with('+') || s.starts_with('-') {
        s.split_at(1)
    } else {
        ("", s)
    };
    out.push_str(sign);
    for _ in 0..fill {
        out.push('0');
    }
    out.push_str(rest);
    out
}

pub fn str_partition(s: &str, sep: &str, line: u32) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(value_err("empty separator", line));
    }
    match s.find(sep) {
        Some(i) => Ok((
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        )),
        None => Ok((s.to_string(), String::new(), String::new())),
    }
}

pub fn str_rpartition(s: &str, sep: &str, line: u32) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(value_err("empty separator", line));
    }
    match s.rfind(sep) {
        Some(i) => Ok((
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        )),
        None => Ok((String::new(), String::new(), s.to_string())),
    }
}

/// The characters of s, for `for c in s`.
pub fn str_chars(s: &str) -> Vec<String> {
    s.chars().map(char_string).collect()
}

#[inline]
pub fn py_chr(i: i64, line: u32) -> PyResult<String> {
    if i32::try_from(i).is_err() {
        return Err(PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C int", line));
    }
    if !(0..=0x10ffff).contains(&i) {
        return Err(value_err("chr() arg not in range(0x110000)", line));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(char_string(c)),
        None => Err(surrogate_limit(line)),
    }
}

/// A lone surrogate (chr(0xD800), f"{0xDC00:c}"): CPython makes such a str; Portalis strs are
/// UTF-8 and cannot hold one, so the program stops (never caught: CPython raised nothing).
#[cold]
fn surrogate_limit(line: u32) -> PyErr {
    limit_err("a str with a lone surrogate code point (U+D800..U+DFFF): Python allows it, Portalis strs cannot hold it", line)
}

#[inline]
pub fn py_ord(s: &str, line: u32) -> PyResult<i64> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c as i64),
        _ => Err(PyErr::new(
            &TYPE_ERROR,
            format!(
                "ord() expected a character, but string of length {} found",
                str_len(s)
            ),
            line,
        )),
    }
}

/// str(int) helper for generated code.
pub fn int_to_str(v: i64) -> String {
    let mut s = String::new();
    push_i64(&mut s, v);
    s
}

// ===================================================================================
// Stable merge sort using only `less` (never panics on inconsistent orderings)
// ===================================================================================

/// The order of two sort keys. Python's sort only asks `<`; once `check_sortable` has ruled
/// out NaN, `<` on the supported key types is a total order, so any stable sort (Rust's
/// `sort_by` is one) gives CPython's result.
#[inline]
fn total_cmp<T: PartialOrd>(a: &T, b: &T) -> Ordering {
    if a < b {
        Ordering::Less
    } else if b < a {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}



// ===================================================================================
// PyCell: the interior mutability of list, dict and set
// ===================================================================================

/// `RefCell` with a borrow state the runtime can *read*: an indexed store (`xs[i] = v`) checks
/// that nothing borrows the list and writes the item without setting and clearing the flag
/// around it (with `RefCell::borrow_mut`, the two extra stores cost a third of a sieve loop on
/// wasm). Otherwise it behaves like `RefCell`: guards for longer accesses, a panic (a Portalis
/// bug, never a wrong value) when a write would overlap a live borrow.
/// `v`, as a value the optimiser knows nothing about (see codegen/emit.py `_opaque_zero`: keeps
/// a float comparison with 0.0 from becoming wasm's `f64.max`/`f64.min`, which differ from
/// Python for -0.0). A volatile read of a local: a store and a load.
#[inline(always)]
pub fn opaque_f64(v: f64) -> f64 {
    // SAFETY: reading a local we own.
    unsafe { std::ptr::read_volatile(&v) }
}

/// A module variable's value (see `py_global!`). Reads clone the value (an `Rc` for containers),
/// so no reference into the slot outlives a call, and `Clone` of runtime values runs no user code.
pub struct Global<T>(UnsafeCell<Option<T>>);

// SAFETY: a WASI command module (wasm32-wasi, no threads) runs on one thread.
#[cfg(target_os = "wasi")]
unsafe impl<T> Sync for Global<T> {}

impl<T> Global<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Global(UnsafeCell::new(None))
    }
}

impl<T: Clone> Global<T> {
    #[inline]
    pub fn get(&self) -> Option<T> {
        // SAFETY: see the type's comment: the reference ends within this call.
        unsafe { (*self.0.get()).clone() }
    }
    #[inline]
    pub fn set(&self, v: T) {
        // SAFETY: as in `get`; the old value's drop runs no user code.
        let old = unsafe { (*self.0.get()).replace(v) };
        drop(old);
    }
}

/// `cell.set(v)` for `Copy` values, as a plain store: std's `Cell::set` calls `Cell::replace`,
/// which rustc 1.63 does not mark `#[inline]`, so in a crate built without LTO across codegen
/// units every borrow-flag update and list-view store would be a function call.
#[inline(always)]
pub fn cset<T: Copy>(c: &Cell<T>, v: T) {
    // SAFETY: `Cell` is not `Sync`; no reference into it can exist (Cell never hands one out).
    unsafe { *c.as_ptr() = v }
}

pub struct PyCell<T> {
    flag: Cell<isize>, // 0: free, n > 0: n shared guards, -1: one mutable guard
    value: UnsafeCell<T>,
}

#[cold]
#[inline(never)]
fn cell_conflict() -> ! {
    panic!("Portalis bug: a container was modified while it was being read")
}

impl<T> PyCell<T> {
    #[inline]
    pub const fn new(value: T) -> Self {
        PyCell { flag: Cell::new(0), value: UnsafeCell::new(value) }
    }
    #[inline]
    pub fn borrow(&self) -> CellRef<'_, T> {
        let f = self.flag.get();
        if f < 0 {
            cell_conflict();
        }
        cset(&self.flag, f + 1);
        CellRef { cell: self }
    }
    #[inline]
    pub fn borrow_mut(&self) -> CellRefMut<'_, T> {
        if self.flag.get() != 0 {
            cell_conflict();
        }
        cset(&self.flag, -1);
        CellRefMut { cell: self }
    }
    /// A shared reference without a guard. SAFETY (caller): it is dropped before anything that
    /// could borrow this cell mutably runs (in practice: within one runtime function that calls
    /// no user code).
    #[inline]
    unsafe fn peek(&self) -> &T {
        if self.flag.get() < 0 {
            cell_conflict();
        }
        &*self.value.get()
    }
    /// A mutable reference without a guard, when nothing borrows the cell. SAFETY (caller): it
    /// is dropped before anything else touches this cell (one runtime function, no user code).
    #[inline]
    #[allow(clippy::mut_from_ref)]
    unsafe fn poke(&self) -> &mut T {
        if self.flag.get() != 0 {
            cell_conflict();
        }
        &mut *self.value.get()
    }
}

pub struct CellRef<'a, T> {
    cell: &'a PyCell<T>,
}

impl<T> Drop for CellRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        cset(&self.cell.flag, self.cell.flag.get() - 1);
    }
}

impl<T> std::ops::Deref for CellRef<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the flag counts this guard, so no mutable guard or poke exists while it lives.
        unsafe { &*self.cell.value.get() }
    }
}

pub struct CellRefMut<'a, T> {
    cell: &'a PyCell<T>,
}

impl<T> Drop for CellRefMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        cset(&self.cell.flag, 0);
    }
}

impl<T> std::ops::Deref for CellRefMut<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the flag is -1 while this guard lives: no other guard exists.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> std::ops::DerefMut for CellRefMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for deref; `&mut self` makes this the only reference.
        unsafe { &mut *self.cell.value.get() }
    }
}

// ===================================================================================
// list
// ===================================================================================

/// A Python list: Clone aliases (shared Rc), methods take &self.
pub struct PyList<T>(pub Rc<PyCell<Vec<T>>>);

impl<T> Clone for PyList<T> {
    #[inline]
    fn clone(&self) -> Self {
        PyList(Rc::clone(&self.0))
    }
}

impl<T: Clone> Default for PyList<T> {
    fn default() -> Self {
        PyList::new()
    }
}

#[inline]
fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        None
    } else {
        Some(j as usize)
    }
}

/// A loop's view of a list of `Copy` items (`ListView`): the emitter takes one before a loop
/// that indexes the list and cannot resize it (no user calls, no resizing method on any list
/// of that type, the list variable not rebound: see `codegen/emit.py`, `_list_view_candidates`).
/// Reads and stores then go through `&[Cell<T>]` (length and address in registers, no borrow
/// flag per access); Python's index rules stay (`vget`/`vset`). The view holds a shared
/// borrow, so a resize the emitter did not foresee panics (a Portalis bug) instead of
/// invalidating it.
pub struct ListView<'a, T> {
    _guard: CellRef<'a, Vec<T>>,
    pub cells: &'a [Cell<T>],
}

impl<T: Copy> PyList<T> {
    #[inline]
    pub fn view(&self) -> ListView<'_, T> {
        let g = self.0.borrow();
        // SAFETY: `Cell<T>` has the layout of `T`; the guard keeps the Vec alive and unresized
        // for the view's lifetime; every other access to the items while it lives is a
        // transient read (`peek`) or goes through these cells, so no `&mut T` or long-lived
        // `&T` to an item coexists with a store through them.
        let cells = unsafe { std::slice::from_raw_parts(g.as_ptr() as *const Cell<T>, g.len()) };
        ListView { _guard: g, cells }
    }
}

/// `xs[i]` through a view.
#[inline]
pub fn vget<T: Copy>(v: &[Cell<T>], i: i64, line: u32) -> PyResult<T> {
    match norm_index(i, v.len()) {
        // SAFETY: norm_index returns an index below len.
        Some(j) => Ok(unsafe { v.get_unchecked(j) }.get()),
        None => Err(index_err("list index out of range", line)),
    }
}

/// `xs[i] = val` through a view.
#[inline]
pub fn vset<T: Copy>(v: &[Cell<T>], i: i64, val: T, line: u32) -> PyResult<()> {
    match norm_index(i, v.len()) {
        // SAFETY: as in vget.
        Some(j) => {
            cset(unsafe { v.get_unchecked(j) }, val);
            Ok(())
        }
        None => Err(index_err("list assignment index out of range", line)),
    }
}

impl<T: Clone> PyList<T> {
    #[inline]
    pub fn new() -> Self {
        PyList(Rc::new(PyCell::new(Vec::new())))
    }
    #[inline]
    pub fn from_vec(v: Vec<T>) -> Self {
        PyList(Rc::new(PyCell::new(v)))
    }
    #[inline]
    pub fn len(&self) -> i64 {
        self.0.borrow().len() as i64
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }
    /// A shared view of the items for a read that ends before anything else runs.
    #[inline]
    fn peek(&self) -> &Vec<T> {
        // SAFETY: the reference is used only within `get`/`get_raw` to clone one item, and
        // cloning a runtime value (i64, f64, String, tuples, Rc-based containers) never borrows
        // this list mutably. Skipping the guard saves two writes per indexed read in hot loops.
        unsafe { self.0.peek() }
    }
    #[inline]
    pub fn get(&self, i: i64, line: u32) -> PyResult<T> {
        let v = self.peek();
        match norm_index(i, v.len()) {
            Some(j) => Ok(v[j].clone()),
            None => Err(index_err("list index out of range", line)),
        }
    }
    #[inline]
    pub fn get_raw(&self, i: usize) -> Option<T> {
        self.peek().get(i).cloned()
    }
    #[inline]
    pub fn set(&self, i: i64, val: T, line: u32) -> PyResult<()> {
        // SAFETY: `v` lives until the store below; dropping the old item cannot reach this
        // list (an item never owns its own list's last reference: `self` holds one).
        let v = unsafe { self.0.poke() };
        match norm_index(i, v.len()) {
            Some(j) => {
                v[j] = val;
                Ok(())
            }
            None => Err(index_err("list assignment index out of range", line)),
        }
    }
    #[inline]
    pub fn append(&self, val: T) {
        self.0.borrow_mut().push(val);
    }
    pub fn pop(&self, line: u32) -> PyResult<T> {
        match self.0.borrow_mut().pop() {
            Some(v) => Ok(v),
            None => Err(index_err("pop from empty list", line)),
        }
    }
    pub fn pop_at(&self, i: i64, line: u32) -> PyResult<T> {
        let mut v = self.0.borrow_mut();
        if v.is_empty() {
            return Err(index_err("pop from empty list", line));
        }
        match norm_index(i, v.len()) {
            Some(j) => Ok(v.remove(j)),
            None => Err(index_err("pop index out of range", line)),
        }
    }
    pub fn insert(&self, i: i64, val: T) {
        let mut v = self.0.borrow_mut();
        let n = v.len() as i64;
        let mut j = if i < 0 { i.saturating_add(n) } else { i };
        if j < 0 {
            j = 0;
        }
        if j > n {
            j = n;
        }
        v.insert(j as usize, val);
    }
    pub fn extend(&self, other: &PyList<T>) {
        if Rc::ptr_eq(&self.0, &other.0) {
            let copy = self.0.borrow().clone();
            self.0.borrow_mut().extend(copy);
        } else {
            let o = other.0.borrow();
            self.0.borrow_mut().extend(o.iter().cloned());
        }
    }
    pub fn extend_vec(&self, items: Vec<T>) {
        self.0.borrow_mut().extend(items);
    }
    pub fn reverse(&self) {
        self.0.borrow_mut().reverse();
    }
    pub fn clear(&self) {
        // drop the elements after releasing the borrow
        let old = std::mem::take(&mut *self.0.borrow_mut());
        drop(old);
    }
    pub fn copy(&self) -> PyList<T> {
        PyList::from_vec(self.0.borrow().clone())
    }
    pub fn concat(&self, other: &PyList<T>) -> PyList<T> {
        let a = self.0.borrow();
        let b = other.0.borrow();
        let mut v = Vec::with_capacity(a.len() + b.len());
        v.extend(a.iter().cloned());
        v.extend(b.iter().cloned());
        PyList::from_vec(v)
    }
    pub fn repeat(&self, n: i64) -> PyList<T> {
        let a = self.0.borrow();
        if n <= 0 || a.is_empty() {
            return PyList::new();
        }
        if a.len() == 1 {
            if let Ok(k) = usize::try_from(n) {
                return PyList::from_vec(vec![a[0].clone(); k]);
            }
        }
        let mut v = Vec::with_capacity(cap_hint((a.len() as i64).saturating_mul(n)));
        for _ in 0..n {
            v.extend(a.iter().cloned());
        }
        PyList::from_vec(v)
    }
    /// `xs *= n`: in place (every alias sees it), like CPython's list.__imul__.
    pub fn imul(&self, n: i64) {
        if n <= 0 {
            self.0.borrow_mut().clear();
            return;
        }
        let items = self.0.borrow().clone();
        let mut v = self.0.borrow_mut();
        v.reserve(cap_hint((items.len() as i64).saturating_mul(n - 1)));
        for _ in 1..n {
            v.extend(items.iter().cloned());
        }
    }
    pub fn slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        line: u32,
    ) -> PyResult<PyList<T>> {
        let a = self.0.borrow();
        let (st, sp, n) = slice_indices(a.len() as i64, start, stop, step, line)?;
        if sp == 1 {
            return Ok(PyList::from_vec(a[st as usize..(st + n) as usize].to_vec()));
        }
        let mut v = Vec::with_capacity(n as usize);
        let mut i = st;
        for _ in 0..n {
            v.push(a[i as usize].clone());
            i += sp;
        }
        Ok(PyList::from_vec(v))
    }
    /// xs[start:stop] = items (step 1 only; extended slices need equal lengths).
    pub fn set_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        items: &PyList<T>,
        line: u32,
    ) -> PyResult<()> {
        let new_items: Vec<T> = items.0.borrow().clone();
        let mut a = self.0.borrow_mut();
        let (st, sp, n) = slice_indices(a.len() as i64, start, stop, step, line)?;
        if sp == 1 {
            let s = st as usize;
            let e = if n > 0 { (st + n) as usize } else { s };
            a.splice(s..e, new_items);
            return Ok(());
        }
        if new_items.len() as i64 != n {
            return Err(value_err(
                &format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    n
                ),
                line,
            ));
        }
        let mut i = st;
        for x in new_items {
            a[i as usize] = x;
            i += sp;
        }
        Ok(())
    }
    pub fn del_item(&self, i: i64, line: u32) -> PyResult<()> {
        let removed;
        {
            let mut v = self.0.borrow_mut();
            match norm_index(i, v.len()) {
                Some(j) => removed = v.remove(j),
                None => {
                    return Err(index_err("list assignment index out of range", line))
                }
            }
        }
        drop(removed);
        Ok(())
    }
    pub fn del_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        line: u32,
    ) -> PyResult<()> {
        let mut a = self.0.borrow_mut();
        let (st, sp, n) = slice_indices(a.len() as i64, start, stop, step, line)?;
        if n == 0 {
            return Ok(());
        }
        let mut kill = vec![false; a.len()];
        let mut i = st;
        for _ in 0..n {
            kill[i as usize] = true;
            i += sp;
        }
        let old = std::mem::take(&mut *a);
        *a = old
            .into_iter()
            .zip(kill)
            .filter(|(_, k)| !k)
            .map(|(x, _)| x)
            .collect();
        Ok(())
    }
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().clone()
    }
    /// Python's sort() with a key function: keys are computed first (the list looks empty
    /// to the key function, as in CPython); if the key function fails the list is unchanged.
    pub fn sort_by_key<K: PartialOrd, F: FnMut(&T) -> PyResult<K>>(
        &self,
        mut key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        let _ = line;
        let items = std::mem::take(&mut *self.0.borrow_mut());
        let mut keys: Vec<K> = Vec::with_capacity(items.len());
        for it in items.iter() {
            match key(it) {
                Ok(k) => keys.push(k),
                Err(e) => {
                    let mut cur = self.0.borrow_mut();
                    *cur = items;
                    return Err(e);
                }
            }
        }
        self.sort_by_keys(items, keys, reverse, line)
    }

    /// The part of `sort_by_key` that does not depend on the key function's (closure) type:
    /// kept out of line so that its code is compiled once per (item, key) types and reused by
    /// incremental builds instead of being re-optimised with every edit of the caller.
    #[inline(never)]
    fn sort_by_keys<K: PartialOrd>(&self, items: Vec<T>, keys: Vec<K>, reverse: bool, line: u32) -> PyResult<()> {
        if let Err(e) = check_sortable(&keys, line) {
            *self.0.borrow_mut() = items;
            return Err(e);
        }
        let mut pairs: Vec<(K, T)> = keys.into_iter().zip(items).collect();
        if reverse {
            pairs.sort_by(|a, b| total_cmp(&b.0, &a.0));
        } else {
            pairs.sort_by(|a, b| total_cmp(&a.0, &b.0));
        }
        *self.0.borrow_mut() = pairs.into_iter().map(|p| p.1).collect();
        Ok(())
    }
}

impl<T: Clone + PartialOrd> PyList<T> {
    /// list.sort(reverse=...): stable; the list looks empty while comparisons run.
    pub fn sort(&self, reverse: bool, line: u32) -> PyResult<()> {
        let items = std::mem::take(&mut *self.0.borrow_mut());
        if let Err(e) = check_sortable(&items, line) {
            *self.0.borrow_mut() = items;
            return Err(e);
        }
        let mut items = items;
        if reverse {
            items.sort_by(|a, b| total_cmp(b, a));
        } else {
            items.sort_by(total_cmp);
        }
        *self.0.borrow_mut() = items;
        Ok(())
    }
}

/// Guard for `in`, list.count/index/remove and container `==` on values that may hold floats:
/// CPython compares identity before `==` there, so a NaN can match itself; Portalis does not
/// track identity, so a NaN (x != x) is an error rather than a guess.
#[inline]
pub fn no_nan<T: HasNan + ?Sized>(x: &T, line: u32) -> PyResult<()> {
    if x.has_nan() {
        return Err(nan_identity_err(line));
    }
    Ok(())
}

/// Whether a value holds a float NaN anywhere (for `no_nan`).
pub trait HasNan {
    fn has_nan(&self) -> bool;
}
impl HasNan for f64 {
    fn has_nan(&self) -> bool {
        self.is_nan()
    }
}
macro_rules! no_float_has_nan {
    ($($t:ty),*) => { $(impl HasNan for $t { fn has_nan(&self) -> bool { false } })* };
}
no_float_has_nan!(i64, bool, String, str, (), EmptyTuple);
impl<T: HasNan> HasNan for Option<T> {
    fn has_nan(&self) -> bool {
        matches!(self, Some(x) if x.has_nan())
    }
}
impl<T: HasNan> HasNan for PyList<T> {
    fn has_nan(&self) -> bool {
        self.0.borrow().iter().any(|x| x.has_nan())
    }
}
impl<K, V: HasNan> HasNan for PyDict<K, V> {
    fn has_nan(&self) -> bool {
        self.0.borrow().entries.iter().flatten().any(|(_, v)| v.has_nan())
    }
}
macro_rules! tuple_has_nan {
    ($($t:ident $i:tt),*) => {
        impl<$($t: HasNan),*> HasNan for ($($t,)*) {
            fn has_nan(&self) -> bool { false $(|| self.$i.has_nan())* }
        }
    };
}
tuple_has_nan!(A 0);
tuple_has_nan!(A 0, B 1);
tuple_has_nan!(A 0, B 1, C 2);
tuple_has_nan!(A 0, B 1, C 2, D 3);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

#[cold]
fn nan_identity_err(line: u32) -> PyErr {
    limit_err(
        "cannot look for or compare NaN inside a container: CPython's result depends on object identity, which Portalis does not track",
        line,
    )
}

/// Any stable sort gives CPython's result when `<` is a strict weak order. A NaN anywhere in a
/// key breaks that, and then the result depends on timsort's exact comparisons: rather than
/// return a different order than CPython, stop with an error (never silently wrong).
fn check_sortable<T: PartialOrd>(keys: &[T], line: u32) -> PyResult<()> {
    if keys.iter().any(|k| k.partial_cmp(k) != Some(Ordering::Equal)) {
        return Err(limit_err(
            "cannot sort values that contain NaN: Portalis does not reproduce CPython's order for them",
            line,
        ));
    }
    Ok(())
}

impl<T: Clone + PartialEq> PyList<T> {
    pub fn contains(&self, v: &T) -> bool {
        self.0.borrow().iter().any(|x| x == v)
    }
    pub fn count(&self, v: &T) -> i64 {
        self.0.borrow().iter().filter(|x| *x == v).count() as i64
    }
    pub fn remove(&self, v: &T, line: u32) -> PyResult<()> {
        let removed;
        {
            let mut a = self.0.borrow_mut();
            match a.iter().position(|x| x == v) {
                Some(i) => removed = a.remove(i),
                None => return Err(value_err("list.remove(x): x not in list", line)),
            }
        }
        drop(removed);
        Ok(())
    }
}

impl<T: Clone + PartialEq + PyFmt> PyList<T> {
    /// `xs.index(v, start, stop)`: positions clamp like CPython's (negative from the end).
    pub fn index_of_in(&self, v: &T, start: Option<i64>, stop: Option<i64>, line: u32) -> PyResult<i64> {
        let d = self.0.borrow();
        let n = d.len() as i64;
        let clamp = |p: i64| if p < 0 { (p + n).max(0) } else { p };
        let (s, e) = (clamp(start.unwrap_or(0)), clamp(stop.unwrap_or(n)).min(n));
        let mut i = s;
        while i < e {
            if d[i as usize] == *v {
                return Ok(i);
            }
            i += 1;
        }
        Err(value_err(&format!("{} is not in list", py_repr(v)), line))
    }
    pub fn index_of(&self, v: &T, line: u32) -> PyResult<i64> {
        match self.0.borrow().iter().position(|x| x == v) {
            Some(i) => Ok(i as i64),
            None => Err(value_err(&format!("{} is not in list", py_repr(v)), line)),
        }
    }
}

impl<T: PartialEq> PartialEq for PyList<T> {
    fn eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        let a = self.0.borrow();
        let b = other.0.borrow();
        a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x == y)
    }
}

impl<T: PartialOrd> PartialOrd for PyList<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        let a = self.0.borrow();
        let b = other.0.borrow();
        for (x, y) in a.iter().zip(b.iter()) {
            if x != y {
                if x < y {
                    return Some(Ordering::Less);
                }
                if y < x {
                    return Some(Ordering::Greater);
                }
                return None;
            }
        }
        a.len().partial_cmp(&b.len())
    }
}

impl<T: PyFmt> PyFmt for PyList<T> {
    fn fmt_repr(&self, out: &mut String) {
        let a = self.0.borrow();
        fmt_seq(out, "[", "]", a.iter());
    }
}

impl<T: Hash> Hash for PyList<T> {
    // lists are unhashable in Python; provided so generic code type-checks.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.borrow().hash(state)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for PyList<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.0.borrow())
    }
}

// ===================================================================================
// Fast hasher (FxHash-like; deterministic)
// ===================================================================================

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rem = chunks.remainder();
        if !rem.is_empty() {
            let mut w = [0u8; 8];
            w[..rem.len()].copy_from_slice(rem);
            self.add(u64::from_le_bytes(w) ^ ((rem.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64)
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64)
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i)
    }
    #[inline]
    fn write_i64(&mut self, i: i64) {
        self.add(i as u64)
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64)
    }
    #[inline]
    fn finish(&self) -> u64 {
        // final avalanche so that low bits are well mixed for hashbrown
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

// ===================================================================================
// dict
// ===================================================================================

pub struct DictInner<K, V> {
    entries: Vec<Option<(K, V)>>,
    index: HashMap<K, usize, FxBuild>,
    keys_ver: u64, // bumped when a key is added or removed (see IterMark)
}

/// Where an iteration over a dict or set started: its size and key version.  CPython raises
/// RuntimeError when the size changed; when the size is the same but keys were removed and
/// added, what CPython's iterator does next depends on its hash table's layout (it may yield
/// keys again, skip them, or raise "dictionary keys changed during iteration"): Portalis stops
/// there with its limit error instead of guessing.
#[derive(Clone, Copy)]
pub struct IterMark {
    len: i64,
    ver: u64,
}

impl IterMark {
    /// Ok while the container (now `len` keys, key version `ver`) is as the iteration found it.
    #[inline]
    fn check(self, len: usize, ver: u64, what: &str, line: u32) -> PyResult<()> {
        if ver == self.ver {
            Ok(())
        } else {
            Err(changed_during_iteration(self.len != len as i64, what, line))
        }
    }
}

/// `what` is "dictionary" or "set": CPython's RuntimeError for a size change, else the limit.
#[cold]
#[inline(never)]
fn changed_during_iteration(resized: bool, what: &str, line: u32) -> PyErr {
    if resized {
        let name = if what == "set" { "Set" } else { what };
        return PyErr::new(&RUNTIME_ERROR, format!("{} changed size during iteration", name), line);
    }
    limit_err(
        &format!(
            "{} changed keys during iteration (same size, different keys): what CPython does next \
             depends on its hash table layout",
            what
        ),
        line,
    )
}

impl<K: Hash + Eq + Clone, V: Clone> DictInner<K, V> {
    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.entries = old.into_iter().flatten().map(Some).collect();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                if let Some(slot) = self.index.get_mut(k) {
                    *slot = i;
                }
            }
        }
    }
    fn remove(&mut self, k: &K) -> Option<V> {
        let pos = self.index.remove(k)?;
        self.keys_ver += 1;
        let e = self.entries[pos].take();
        // trim trailing tombstones so positions stay small
        while let Some(None) = self.entries.last() {
            self.entries.pop();
        }
        if self.entries.len() > 16 && self.index.len() * 2 < self.entries.len() {
            self.compact();
        }
        e.map(|(_, v)| v)
    }
    fn insert(&mut self, k: K, v: V) {
        if let Some(&pos) = self.index.get(&k) {
            if let Some(e) = self.entries[pos].as_mut() {
                e.1 = v;
            }
            return;
        }
        self.keys_ver += 1;
        self.index.insert(k.clone(), self.entries.len());
        self.entries.push(Some((k, v)));
    }
}

/// `d.keys()` / `d.values()` / `d.items()` used as a value (printed, formatted): a snapshot of
/// the items that prints like CPython's view, e.g. `dict_keys(['a'])`. Deliberately no
/// comparison operators (CPython compares views like sets, or by identity).
#[derive(Clone)]
pub struct DictView<T>(pub &'static str, pub PyList<T>);

impl<T: PyFmt + Clone> PyFmt for DictView<T> {
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(self.0);
        out.push('(');
        self.1.fmt_repr(out);
        out.push(')');
    }
    fn fmt_str(&self, out: &mut String) {
        self.fmt_repr(out);
    }
}

/// A Python dict: insertion ordered, Clone aliases.
pub struct PyDict<K, V>(pub Rc<PyCell<DictInner<K, V>>>);

impl<K, V> Clone for PyDict<K, V> {
    #[inline]
    fn clone(&self) -> Self {
        PyDict(Rc::clone(&self.0))
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Default for PyDict<K, V> {
    fn default() -> Self {
        PyDict::new()
    }
}

impl<K: Hash + Eq + Clone, V: Clone> PyDict<K, V> {
    pub fn new() -> Self {
        PyDict(Rc::new(PyCell::new(DictInner {
            entries: Vec::new(),
            index: HashMap::default(),
            keys_ver: 0,
        })))
    }
    pub fn from_pairs(pairs: Vec<(K, V)>) -> Self {
        let d = PyDict::new();
        {
            let mut inner = d.0.borrow_mut();
            for (k, v) in pairs {
                inner.insert(k, v);
            }
        }
        d
    }
    #[inline]
    pub fn len(&self) -> i64 {
        self.0.borrow().index.len() as i64
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().index.is_empty()
    }
    #[inline(never)]
    pub fn set_item(&self, k: K, v: V) {
        self.0.borrow_mut().insert(k, v);
    }
    /// `d[k] = v` with a borrowed key: cloned only when the key is new.
    #[inline(never)]
    pub fn set_item_ref(&self, k: &K, v: V) {
        let mut d = self.0.borrow_mut();
        if let Some(&pos) = d.index.get(k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 = v;
            }
            return;
        }
        d.insert(k.clone(), v);
    }
    #[inline(never)]
    pub fn get(&self, k: &K) -> Option<V> {
        let d = self.0.borrow();
        match d.index.get(k) {
            Some(&pos) => d.entries[pos].as_ref().map(|e| e.1.clone()),
            None => None,
        }
    }
    #[inline(never)]
    pub fn get_or(&self, k: &K, default: V) -> V {
        match self.get(k) {
            Some(v) => v,
            None => default,
        }
    }
    #[inline(never)]
    pub fn contains_key(&self, k: &K) -> bool {
        self.0.borrow().index.contains_key(k)
    }
    pub fn pop_or(&self, k: &K, default: V) -> V {
        let r = self.0.borrow_mut().remove(k);
        match r {
            Some(v) => v,
            None => default,
        }
    }
    pub fn setdefault(&self, k: K, default: V) -> V {
        let mut d = self.0.borrow_mut();
        if let Some(&pos) = d.index.get(&k) {
            if let Some(e) = d.entries[pos].as_ref() {
                return e.1.clone();
            }
        }
        d.insert(k, default.clone());
        default
    }
    pub fn update(&self, other: &PyDict<K, V>) {
        let items: Vec<(K, V)> = other.0.borrow().entries.iter().flatten().cloned().collect();
        let mut d = self.0.borrow_mut();
        for (k, v) in items {
            d.insert(k, v);
        }
    }
    pub fn copy(&self) -> PyDict<K, V> {
        let d = self.0.borrow();
        PyDict::from_pairs(d.entries.iter().flatten().cloned().collect())
    }
    pub fn clear(&self) {
        let old = {
            let mut d = self.0.borrow_mut();
            let e = std::mem::take(&mut d.entries);
            d.index.clear();
            d.keys_ver += 1;
            e
        };
        drop(old);
    }
    pub fn keys(&self) -> PyList<K> {
        PyList::from_vec(
            self.0
                .borrow()
                .entries
                .iter()
                .flatten()
                .map(|e| e.0.clone())
                .collect(),
        )
    }
    pub fn values(&self) -> PyList<V> {
        PyList::from_vec(
            self.0
                .borrow()
                .entries
                .iter()
                .flatten()
                .map(|e| e.1.clone())
                .collect(),
        )
    }
    pub fn items(&self) -> PyList<(K, V)> {
        PyList::from_vec(self.0.borrow().entries.iter().flatten().cloned().collect())
    }
    /// Start of an iteration (see `key_at`).
    #[inline]
    pub fn iter_mark(&self) -> IterMark {
        let d = self.0.borrow();
        IterMark { len: d.index.len() as i64, ver: d.keys_ver }
    }
    #[inline]
    fn check_size(&self, start: IterMark, line: u32) -> PyResult<()> {
        let d = self.0.borrow();
        start.check(d.index.len(), d.keys_ver, "dictionary", line)
    }
    /// Iteration: `let m = d.iter_mark(); let mut pos = 0; while let Some(k) = d.key_at(&mut pos, m, line)? {..}`
    pub fn key_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<K>> {
        self.check_size(start, line)?;
        let d = self.0.borrow();
        while *pos < d.entries.len() {
            let p = *pos;
            *pos += 1;
            if let Some((k, _)) = &d.entries[p] {
                return Ok(Some(k.clone()));
            }
        }
        Ok(None)
    }
    pub fn value_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<V>> {
        self.check_size(start, line)?;
        let d = self.0.borrow();
        while *pos < d.entries.len() {
            let p = *pos;
            *pos += 1;
            if let Some((_, v)) = &d.entries[p] {
                return Ok(Some(v.clone()));
            }
        }
        Ok(None)
    }
    pub fn item_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<(K, V)>> {
        self.check_size(start, line)?;
        let d = self.0.borrow();
        while *pos < d.entries.len() {
            let p = *pos;
            *pos += 1;
            if let Some((k, v)) = &d.entries[p] {
                return Ok(Some((k.clone(), v.clone())));
            }
        }
        Ok(None)
    }
}

fn key_error<K: PyFmt>(k: &K, line: u32) -> PyErr {
    PyErr::with_args(&KEY_ERROR, vec![py_str(k)], vec![py_repr(k)], line)
}

impl<K: Hash + Eq + Clone + PyFmt, V: Clone> PyDict<K, V> {
    #[inline(never)]
    pub fn get_item(&self, k: &K, line: u32) -> PyResult<V> {
        match self.get(k) {
            Some(v) => Ok(v),
            None => Err(key_error(k, line)),
        }
    }
    pub fn del_item(&self, k: &K, line: u32) -> PyResult<()> {
        let r = self.0.borrow_mut().remove(k);
        match r {
            Some(_) => Ok(()),
            None => Err(key_error(k, line)),
        }
    }
    pub fn pop(&self, k: &K, line: u32) -> PyResult<V> {
        let r = self.0.borrow_mut().remove(k);
        match r {
            Some(v) => Ok(v),
            None => Err(key_error(k, line)),
        }
    }
    /// dict.popitem(): last inserted pair.
    pub fn popitem(&self, line: u32) -> PyResult<(K, V)> {
        let last = {
            let d = self.0.borrow();
            d.entries.iter().rev().flatten().next().map(|e| e.0.clone())
        };
        match last {
            Some(k) => {
                let v = self.0.borrow_mut().remove(&k);
                match v {
                    Some(v) => Ok((k, v)),
                    None => Err(PyErr::new(
                        &KEY_ERROR,
                        "popitem(): dictionary is empty",
                        line,
                    )),
                }
            }
            None => Err(PyErr::new(
                &KEY_ERROR,
                "popitem(): dictionary is empty",
                line,
            )),
        }
    }
}

impl<K: Hash + Eq + Clone, V: Clone + PartialEq> PartialEq for PyDict<K, V> {
    fn eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        let a = self.0.borrow();
        let b = other.0.borrow();
        if a.index.len() != b.index.len() {
            return false;
        }
        for (k, v) in a.entries.iter().flatten() {
            match b.index.get(k) {
                Some(&pos) => match &b.entries[pos] {
                    Some((_, bv)) if bv == v => {}
                    _ => return false,
                },
                None => return false,
            }
        }
        true
    }
}

impl<K: PyFmt, V: PyFmt> PyFmt for PyDict<K, V> {
    fn fmt_repr(&self, out: &mut String) {
        let d = self.0.borrow();
        out.push('{');
        let mut first = true;
        for (k, v) in d.entries.iter().flatten() {
            if !first {
                out.push_str(", ");
            }
            first = false;
            k.fmt_repr(out);
            out.push_str(": ");
            v.fmt_repr(out);
        }
        out.push('}');
    }
}

// ===================================================================================
// set
// ===================================================================================

pub struct SetInner<T> {
    entries: Vec<Option<T>>,
    index: HashMap<T, usize, FxBuild>,
    keys_ver: u64, // bumped when an element is added or removed (see IterMark)
}

impl<T: Hash + Eq + Clone> SetInner<T> {
    fn insert(&mut self, v: T) {
        if self.index.contains_key(&v) {
            return;
        }
        self.keys_ver += 1;
        self.index.insert(v.clone(), self.entries.len());
        self.entries.push(Some(v));
    }
    fn remove(&mut self, v: &T) -> Option<T> {
        let pos = self.index.remove(v)?;
        self.keys_ver += 1;
        let e = self.entries[pos].take();
        while let Some(None) = self.entries.last() {
            self.entries.pop();
        }
        if self.entries.len() > 16 && self.index.len() * 2 < self.entries.len() {
            let old = std::mem::take(&mut self.entries);
            self.entries = old.into_iter().flatten().map(Some).collect();
            for (i, e) in self.entries.iter().enumerate() {
                if let Some(k) = e {
                    if let Some(slot) = self.index.get_mut(k) {
                        *slot = i;
                    }
                }
            }
        }
        e
    }
}

/// A Python set: insertion ordered, Clone aliases.
pub struct PySet<T>(pub Rc<PyCell<SetInner<T>>>);

impl<T> Clone for PySet<T> {
    #[inline]
    fn clone(&self) -> Self {
        PySet(Rc::clone(&self.0))
    }
}

impl<T: Hash + Eq + Clone> Default for PySet<T> {
    fn default() -> Self {
        PySet::new()
    }
}

impl<T: Hash + Eq + Clone> PySet<T> {
    pub fn new() -> Self {
        PySet(Rc::new(PyCell::new(SetInner {
            entries: Vec::new(),
            index: HashMap::default(),
            keys_ver: 0,
        })))
    }
    pub fn from_vec(v: Vec<T>) -> Self {
        let s = PySet::new();
        {
            let mut inner = s.0.borrow_mut();
            for x in v {
                inner.insert(x);
            }
        }
        s
    }
    #[inline]
    pub fn len(&self) -> i64 {
        self.0.borrow().index.len() as i64
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().index.is_empty()
    }
    #[inline]
    pub fn add(&self, v: T) {
        self.0.borrow_mut().insert(v);
    }
    pub fn discard(&self, v: &T) {
        let r = self.0.borrow_mut().remove(v);
        drop(r);
    }
    #[inline]
    pub fn contains(&self, v: &T) -> bool {
        self.0.borrow().index.contains_key(v)
    }
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().entries.iter().flatten().cloned().collect()
    }
    pub fn pop(&self, line: u32) -> PyResult<T> {
        let first = self.0.borrow().entries.iter().flatten().next().cloned();
        match first {
            Some(v) => {
                let r = self.0.borrow_mut().remove(&v);
                drop(r);
                Ok(v)
            }
            None => Err(PyErr::new(&KEY_ERROR, "pop from an empty set", line)),
        }
    }
    pub fn union(&self, o: &PySet<T>) -> PySet<T> {
        let r = self.copy();
        r.update(o);
        r
    }
    pub fn intersection(&self, o: &PySet<T>) -> PySet<T> {
        let items = self.to_vec();
        PySet::from_vec(items.into_iter().filter(|x| o.contains(x)).collect())
    }
    pub fn difference(&self, o: &PySet<T>) -> PySet<T> {
        let items = self.to_vec();
        PySet::from_vec(items.into_iter().filter(|x| !o.contains(x)).collect())
    }
    pub fn symmetric_difference(&self, o: &PySet<T>) -> PySet<T> {
        let a = self.to_vec();
        let b = o.to_vec();
        let mut v: Vec<T> = a.into_iter().filter(|x| !o.contains(x)).collect();
        v.extend(b.into_iter().filter(|x| !self.contains(x)));
        PySet::from_vec(v)
    }
    pub fn issubset(&self, o: &PySet<T>) -> bool {
        self.len() <= o.len() && self.to_vec().iter().all(|x| o.contains(x))
    }
    pub fn issuperset(&self, o: &PySet<T>) -> bool {
        o.issubset(self)
    }
    pub fn isdisjoint(&self, o: &PySet<T>) -> bool {
        self.to_vec().iter().all(|x| !o.contains(x))
    }
    pub fn copy(&self) -> PySet<T> {
        PySet::from_vec(self.to_vec())
    }
    pub fn clear(&self) {
        let old = {
            let mut s = self.0.borrow_mut();
            s.index.clear();
            s.keys_ver += 1;
            std::mem::take(&mut s.entries)
        };
        drop(old);
    }
    pub fn update(&self, o: &PySet<T>) {
        let items = o.to_vec();
        let mut s = self.0.borrow_mut();
        for x in items {
            s.insert(x);
        }
    }
    /// Start of an iteration (see `PyDict::key_at`).
    #[inline]
    pub fn iter_mark(&self) -> IterMark {
        let s = self.0.borrow();
        IterMark { len: s.index.len() as i64, ver: s.keys_ver }
    }
    pub fn elem_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<T>> {
        let s = self.0.borrow();
        start.check(s.index.len(), s.keys_ver, "set", line)?;
        while *pos < s.entries.len() {
            let p = *pos;
            *pos += 1;
            if let Some(v) = &s.entries[p] {
                return Ok(Some(v.clone()));
            }
        }
        Ok(None)
    }
}

impl<T: Hash + Eq + Clone + PyFmt> PySet<T> {
    pub fn remove(&self, v: &T, line: u32) -> PyResult<()> {
        let r = self.0.borrow_mut().remove(v);
        match r {
            Some(_) => Ok(()),
            None => Err(key_error(v, line)),
        }
    }
}

impl<T: Hash + Eq + Clone> PartialEq for PySet<T> {
    fn eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        self.len() == other.len() && self.issubset(other)
    }
}

impl<T: PyFmt> PyFmt for PySet<T> {
    fn fmt_repr(&self, out: &mut String) {
        let s = self.0.borrow();
        if s.index.is_empty() {
            out.push_str("set()");
            return;
        }
        fmt_seq(out, "{", "}", s.entries.iter().flatten());
    }
}

// ===================================================================================
// range
// ===================================================================================

/// range(start, stop, step) as an iterator of i64.
#[derive(Clone, Debug)]
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    next_val: i64,
    remaining: u64,
}

/// len(range(start, stop, step)): ValueError for step 0 (range() itself raises), OverflowError
/// past 2**63 - 1 elements (CPython's Py_ssize_t).
#[inline]
pub fn range_len(start: i64, stop: i64, step: i64, line: u32) -> PyResult<i64> {
    if step == 0 {
        return Err(value_err("range() arg 3 must not be zero", line));
    }
    let n = range_len_u(start, stop, step);
    if n > i64::MAX as u64 {
        return Err(ssize_overflow(line));
    }
    Ok(n as i64)
}

/// CPython's OverflowError for an int that does not fit a Py_ssize_t.
#[cold]
#[inline(never)]
pub fn ssize_overflow(line: u32) -> PyErr {
    PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C ssize_t", line)
}

/// The index enumerate() gives the next item: past 2**63 - 1 it is the 64-bit limit.
#[inline]
pub fn enum_index(next: Option<i64>, line: u32) -> PyResult<i64> {
    match next {
        Some(i) => Ok(i),
        None => Err(overflow_err(line)),
    }
}

#[inline]
fn range_len_u(start: i64, stop: i64, step: i64) -> u64 {
    let (s, e, st) = (start as i128, stop as i128, step as i128);
    if st > 0 && s < e {
        ((e - s - 1) / st + 1) as u64
    } else if st < 0 && s > e {
        ((s - e - 1) / (-st) + 1) as u64
    } else {
        0
    }
}

pub fn py_range(start: i64, stop: i64, step: i64, line: u32) -> PyResult<PyRange> {
    if step == 0 {
        return Err(value_err("range() arg 3 must not be zero", line));
    }
    Ok(PyRange {
        start,
        stop,
        step,
        next_val: start,
        remaining: range_len_u(start, stop, step),
    })
}

impl PyRange {
    pub fn len(&self) -> i64 {
        range_len_u(self.start, self.stop, self.step).min(i64::MAX as u64) as i64
    }
    pub fn contains(&self, v: i64) -> bool {
        let n = range_len_u(self.start, self.stop, self.step);
        if n == 0 {
            return false;
        }
        let off = v as i128 - self.start as i128;
        let st = self.step as i128;
        if off % st != 0 {
            return false;
        }
        let k = off / st;
        k >= 0 && (k as u128) < n as u128
    }
    pub fn get(&self, i: i64, line: u32) -> PyResult<i64> {
        let n = range_len_u(self.start, self.stop, self.step) as i128;
        let mut k = i as i128;
        if k < 0 {
            k += n;
        }
        if k < 0 || k >= n {
            return Err(index_err("range object index out of range", line));
        }
        Ok((self.start as i128 + k * self.step as i128) as i64)
    }
}

impl Iterator for PyRange {
    type Item = i64;
    #[inline]
    fn next(&mut self) -> Option<i64> {
        if self.remaining == 0 {
            return None;
        }
        let v = self.next_val;
        self.remaining -= 1;
        self.next_val = v.wrapping_add(self.step);
        Some(v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.remaining.min(usize::MAX as u64) as usize;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for PyRange {
    fn next_back(&mut self) -> Option<i64> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let v = (self.next_val as i128 + self.remaining as i128 * self.step as i128) as i64;
        Some(v)
    }
}

impl PyFmt for PyRange {
    fn fmt_repr(&self, out: &mut String) {
        if self.step == 1 {
            out.push_str(&format!("range({}, {})", self.start, self.stop));
        } else {
            out.push_str(&format!(
                "range({}, {}, {})",
                self.start, self.stop, self.step
            ));
        }
    }
}

// ===================================================================================
// Unicode tables (generated from CPython 3.11 unicodedata, Unicode 14.0; code points >= 128)
// ===================================================================================
#[rustfmt::skip]
static ALPHA_RANGES: &[(u32, u32)] = &[(0xaa,0xaa),(0xb5,0xb5),(0xba,0xba),(0xc0,0xd6),(0xd8,0xf6),(0xf8,0x2c1),(0x2c6,0x2d1),(0x2e0,0x2e4),(0x2ec,0x2ec),(0x2ee,0x2ee),(0x370,0x374),(0x376,0x377),(0x37a,0x37d),(0x37f,0x37f),(0x386,0x386),(0x388,0x38a),(0x38c,0x38c),(0x38e,0x3a1),(0x3a3,0x3f5),(0x3f7,0x481),(0x48a,0x52f),(0x531,0x556),(0x559,0x559),(0x560,0x588),(0x5d0,0x5ea),(0x5ef,0x5f2),(0x620,0x64a),(0x66e,0x66f),(0x671,0x6d3),(0x6d5,0x6d5),(0x6e5,0x6e6),(0x6ee,0x6ef),(0x6fa,0x6fc),(0x6ff,0x6ff),(0x710,0x710),(0x712,0x72f),(0x74d,0x7a5),(0x7b1,0x7b1),(0x7ca,0x7ea),(0x7f4,0x7f5),(0x7fa,0x7fa),(0x800,0x815),(0x81a,0x81a),(0x824,0x824),(0x828,0x828),(0x840,0x858),(0x860,0x86a),(0x870,0x887),(0x889,0x88e),(0x8a0,0x8c9),(0x904,0x939),(0x93d,0x93d),(0x950,0x950),(0x958,0x961),(0x971,0x980),(0x985,0x98c),(0x98f,0x990),(0x993,0x9a8),(0x9aa,0x9b0),(0x9b2,0x9b2),(0x9b6,0x9b9),(0x9bd,0x9bd),(0x9ce,0x9ce),(0x9dc,0x9dd),(0x9df,0x9e1),(0x9f0,0x9f1),(0x9fc,0x9fc),(0xa05,0xa0a),(0xa0f,0xa10),(0xa13,0xa28),(0xa2a,0xa30),(0xa32,0xa33),(0xa35,0xa36),(0xa38,0xa39),(0xa59,0xa5c),(0xa5e,0xa5e),(0xa72,0xa74),(0xa85,0xa8d),(0xa8f,0xa91),(0xa93,0xaa8),(0xaaa,0xab0),(0xab2,0xab3),(0xab5,0xab9),(0xabd,0xabd),(0xad0,0xad0),(0xae0,0xae1),(0xaf9,0xaf9),(0xb05,0xb0c),(0xb0f,0xb10),(0xb13,0xb28),(0xb2a,0xb30),(0xb32,0xb33),(0xb35,0xb39),(0xb3d,0xb3d),(0xb5c,0xb5d),(0xb5f,0xb61),(0xb71,0xb71),(0xb83,0xb83),(0xb85,0xb8a),(0xb8e,0xb90),(0xb92,0xb95),(0xb99,0xb9a),(0xb9c,0xb9c),(0xb9e,0xb9f),(0xba3,0xba4),(0xba8,0xbaa),(0xbae,0xbb9),(0xbd0,0xbd0),(0xc05,0xc0c),(0xc0e,0xc10),(0xc12,0xc28),(0xc2a,0xc39),(0xc3d,0xc3d),(0xc58,0xc5a),(0xc5d,0xc5d),(0xc60,0xc61),(0xc80,0xc80),(0xc85,0xc8c),(0xc8e,0xc90),(0xc92,0xca8),(0xcaa,0xcb3),(0xcb5,0xcb9),(0xcbd,0xcbd),(0xcdd,0xcde),(0xce0,0xce1),(0xcf1,0xcf2),(0xd04,0xd0c),(0xd0e,0xd10),(0xd12,0xd3a),(0xd3d,0xd3d),(0xd4e,0xd4e),(0xd54,0xd56),(0xd5f,0xd61),(0xd7a,0xd7f),(0xd85,0xd96),(0xd9a,0xdb1),(0xdb3,0xdbb),(0xdbd,0xdbd),(0xdc0,0xdc6),(0xe01,0xe30),(0xe32,0xe33),(0xe40,0xe46),(0xe81,0xe82),(0xe84,0xe84),(0xe86,0xe8a),(0xe8c,0xea3),(0xea5,0xea5),(0xea7,0xeb0),(0xeb2,0xeb3),(0xebd,0xebd),(0xec0,0xec4),(0xec6,0xec6),(0xedc,0xedf),(0xf00,0xf00),(0xf40,0xf47),(0xf49,0xf6c),(0xf88,0xf8c),(0x1000,0x102a),(0x103f,0x103f),(0x1050,0x1055),(0x105a,0x105d),(0x1061,0x1061),(0x1065,0x1066),(0x106e,0x1070),(0x1075,0x1081),(0x108e,0x108e),(0x10a0,0x10c5),(0x10c7,0x10c7),(0x10cd,0x10cd),(0x10d0,0x10fa),(0x10fc,0x1248),(0x124a,0x124d),(0x1250,0x1256),(0x1258,0x1258),(0x125a,0x125d),(0x1260,0x1288),(0x128a,0x128d),(0x1290,0x12b0),(0x12b2,0x12b5),(0x12b8,0x12be),(0x12c0,0x12c0),(0x12c2,0x12c5),(0x12c8,0x12d6),(0x12d8,0x1310),(0x1312,0x1315),(0x1318,0x135a),(0x1380,0x138f),(0x13a0,0x13f5),(0x13f8,0x13fd),(0x1401,0x166c),(0x166f,0x167f),(0x1681,0x169a),(0x16a0,0x16ea),(0x16f1,0x16f8),(0x1700,0x1711),(0x171f,0x1731),(0x1740,0x1751),(0x1760,0x176c),(0x176e,0x1770),(0x1780,0x17b3),(0x17d7,0x17d7),(0x17dc,0x17dc),(0x1820,0x1878),(0x1880,0x1884),(0x1887,0x18a8),(0x18aa,0x18aa),(0x18b0,0x18f5),(0x1900,0x191e),(0x1950,0x196d),(0x1970,0x1974),(0x1980,0x19ab),(0x19b0,0x19c9),(0x1a00,0x1a16),(0x1a20,0x1a54),(0x1aa7,0x1aa7),(0x1b05,0x1b33),(0x1b45,0x1b4c),(0x1b83,0x1ba0),(0x1bae,0x1baf),(0x1bba,0x1be5),(0x1c00,0x1c23),(0x1c4d,0x1c4f),(0x1c5a,0x1c7d),(0x1c80,0x1c88),(0x1c90,0x1cba),(0x1cbd,0x1cbf),(0x1ce9,0x1cec),(0x1cee,0x1cf3),(0x1cf5,0x1cf6),(0x1cfa,0x1cfa),(0x1d00,0x1dbf),(0x1e00,0x1f15),(0x1f18,0x1f1d),(0x1f20,0x1f45),(0x1f48,0x1f4d),(0x1f50,0x1f57),(0x1f59,0x1f59),(0x1f5b,0x1f5b),(0x1f5d,0x1f5d),(0x1f5f,0x1f7d),(0x1f80,0x1fb4),(0x1fb6,0x1fbc),(0x1fbe,0x1fbe),(0x1fc2,0x1fc4),(0x1fc6,0x1fcc),(0x1fd0,0x1fd3),(0x1fd6,0x1fdb),(0x1fe0,0x1fec),(0x1ff2,0x1ff4),(0x1ff6,0x1ffc),(0x2071,0x2071),(0x207f,0x207f),(0x2090,0x209c),(0x2102,0x2102),(0x2107,0x2107),(0x210a,0x2113),(0x2115,0x2115),(0x2119,0x211d),(0x2124,0x2124),(0x2126,0x2126),(0x2128,0x2128),(0x212a,0x212d),(0x212f,0x2139),(0x213c,0x213f),(0x2145,0x2149),(0x214e,0x214e),(0x2183,0x2184),(0x2c00,0x2ce4),(0x2ceb,0x2cee),(0x2cf2,0x2cf3),(0x2d00,0x2d25),(0x2d27,0x2d27),(0x2d2d,0x2d2d),(0x2d30,0x2d67),(0x2d6f,0x2d6f),(0x2d80,0x2d96),(0x2da0,0x2da6),(0x2da8,0x2dae),(0x2db0,0x2db6),(0x2db8,0x2dbe),(0x2dc0,0x2dc6),(0x2dc8,0x2dce),(0x2dd0,0x2dd6),(0x2dd8,0x2dde),(0x2e2f,0x2e2f),(0x3005,0x3006),(0x3031,0x3035),(0x303b,0x303c),(0x3041,0x3096),(0x309d,0x309f),(0x30a1,0x30fa),(0x30fc,0x30ff),(0x3105,0x312f),(0x3131,0x318e),(0x31a0,0x31bf),(0x31f0,0x31ff),(0x3400,0x4dbf),(0x4e00,0xa48c),(0xa4d0,0xa4fd),(0xa500,0xa60c),(0xa610,0xa61f),(0xa62a,0xa62b),(0xa640,0xa66e),(0xa67f,0xa69d),(0xa6a0,0xa6e5),(0xa717,0xa71f),(0xa722,0xa788),(0xa78b,0xa7ca),(0xa7d0,0xa7d1),(0xa7d3,0xa7d3),(0xa7d5,0xa7d9),(0xa7f2,0xa801),(0xa803,0xa805),(0xa807,0xa80a),(0xa80c,0xa822),(0xa840,0xa873),(0xa882,0xa8b3),(0xa8f2,0xa8f7),(0xa8fb,0xa8fb),(0xa8fd,0xa8fe),(0xa90a,0xa925),(0xa930,0xa946),(0xa960,0xa97c),(0xa984,0xa9b2),(0xa9cf,0xa9cf),(0xa9e0,0xa9e4),(0xa9e6,0xa9ef),(0xa9fa,0xa9fe),(0xaa00,0xaa28),(0xaa40,0xaa42),(0xaa44,0xaa4b),(0xaa60,0xaa76),(0xaa7a,0xaa7a),(0xaa7e,0xaaaf),(0xaab1,0xaab1),(0xaab5,0xaab6),(0xaab9,0xaabd),(0xaac0,0xaac0),(0xaac2,0xaac2),(0xaadb,0xaadd),(0xaae0,0xaaea),(0xaaf2,0xaaf4),(0xab01,0xab06),(0xab09,0xab0e),(0xab11,0xab16),(0xab20,0xab26),(0xab28,0xab2e),(0xab30,0xab5a),(0xab5c,0xab69),(0xab70,0xabe2),(0xac00,0xd7a3),(0xd7b0,0xd7c6),(0xd7cb,0xd7fb),(0xf900,0xfa6d),(0xfa70,0xfad9),(0xfb00,0xfb06),(0xfb13,0xfb17),(0xfb1d,0xfb1d),(0xfb1f,0xfb28),(0xfb2a,0xfb36),(0xfb38,0xfb3c),(0xfb3e,0xfb3e),(0xfb40,0xfb41),(0xfb43,0xfb44),(0xfb46,0xfbb1),(0xfbd3,0xfd3d),(0xfd50,0xfd8f),(0xfd92,0xfdc7),(0xfdf0,0xfdfb),(0xfe70,0xfe74),(0xfe76,0xfefc),(0xff21,0xff3a),(0xff41,0xff5a),(0xff66,0xffbe),(0xffc2,0xffc7),(0xffca,0xffcf),(0xffd2,0xffd7),(0xffda,0xffdc),(0x10000,0x1000b),(0x1000d,0x10026),(0x10028,0x1003a),(0x1003c,0x1003d),(0x1003f,0x1004d),(0x10050,0x1005d),(0x10080,0x100fa),(0x10280,0x1029c),(0x102a0,0x102d0),(0x10300,0x1031f),(0x1032d,0x10340),(0x10342,0x10349),(0x10350,0x10375),(0x10380,0x1039d),(0x103a0,0x103c3),(0x103c8,0x103cf),(0x10400,0x1049d),(0x104b0,0x104d3),(0x104d8,0x104fb),(0x10500,0x10527),(0x10530,0x10563),(0x10570,0x1057a),(0x1057c,0x1058a),(0x1058c,0x10592),(0x10594,0x10595),(0x10597,0x105a1),(0x105a3,0x105b1),(0x105b3,0x105b9),(0x105bb,0x105bc),(0x10600,0x10736),(0x10740,0x10755),(0x10760,0x10767),(0x10780,0x10785),(0x10787,0x107b0),(0x107b2,0x107ba),(0x10800,0x10805),(0x10808,0x10808),(0x1080a,0x10835),(0x10837,0x10838),(0x1083c,0x1083c),(0x1083f,0x10855),(0x10860,0x10876),(0x10880,0x1089e),(0x108e0,0x108f2),(0x108f4,0x108f5),(0x10900,0x10915),(0x10920,0x10939),(0x10980,0x109b7),(0x109be,0x109bf),(0x10a00,0x10a00),(0x10a10,0x10a13),(0x10a15,0x10a17),(0x10a19,0x10a35),(0x10a60,0x10a7c),(0x10a80,0x10a9c),(0x10ac0,0x10ac7),(0x10ac9,0x10ae4),(0x10b00,0x10b35),(0x10b40,0x10b55),(0x10b60,0x10b72),(0x10b80,0x10b91),(0x10c00,0x10c48),(0x10c80,0x10cb2),(0x10cc0,0x10cf2),(0x10d00,0x10d23),(0x10e80,0x10ea9),(0x10eb0,0x10eb1),(0x10f00,0x10f1c),(0x10f27,0x10f27),(0x10f30,0x10f45),(0x10f70,0x10f81),(0x10fb0,0x10fc4),(0x10fe0,0x10ff6),(0x11003,0x11037),(0x11071,0x11072),(0x11075,0x11075),(0x11083,0x110af),(0x110d0,0x110e8),(0x11103,0x11126),(0x11144,0x11144),(0x11147,0x11147),(0x11150,0x11172),(0x11176,0x11176),(0x11183,0x111b2),(0x111c1,0x111c4),(0x111da,0x111da),(0x111dc,0x111dc),(0x11200,0x11211),(0x11213,0x1122b),(0x11280,0x11286),(0x11288,0x11288),(0x1128a,0x1128d),(0x1128f,0x1129d),(0x1129f,0x112a8),(0x112b0,0x112de),(0x11305,0x1130c),(0x1130f,0x11310),(0x11313,0x11328),(0x1132a,0x11330),(0x11332,0x11333),(0x11335,0x11339),(0x1133d,0x1133d),(0x11350,0x11350),(0x1135d,0x11361),(0x11400,0x11434),(0x11447,0x1144a),(0x1145f,0x11461),(0x11480,0x114af),(0x114c4,0x114c5),(0x114c7,0x114c7),(0x11580,0x115ae),(0x115d8,0x115db),(0x11600,0x1162f),(0x11644,0x11644),(0x11680,0x116aa),(0x116b8,0x116b8),(0x11700,0x1171a),(0x11740,0x11746),(0x11800,0x1182b),(0x118a0,0x118df),(0x118ff,0x11906),(0x11909,0x11909),(0x1190c,0x11913),(0x11915,0x11916),(0x11918,0x1192f),(0x1193f,0x1193f),(0x11941,0x11941),(0x119a0,0x119a7),(0x119aa,0x119d0),(0x119e1,0x119e1),(0x119e3,0x119e3),(0x11a00,0x11a00),(0x11a0b,0x11a32),(0x11a3a,0x11a3a),(0x11a50,0x11a50),(0x11a5c,0x11a89),(0x11a9d,0x11a9d),(0x11ab0,0x11af8),(0x11c00,0x11c08),(0x11c0a,0x11c2e),(0x11c40,0x11c40),(0x11c72,0x11c8f),(0x11d00,0x11d06),(0x11d08,0x11d09),(0x11d0b,0x11d30),(0x11d46,0x11d46),(0x11d60,0x11d65),(0x11d67,0x11d68),(0x11d6a,0x11d89),(0x11d98,0x11d98),(0x11ee0,0x11ef2),(0x11fb0,0x11fb0),(0x12000,0x12399),(0x12480,0x12543),(0x12f90,0x12ff0),(0x13000,0x1342e),(0x14400,0x14646),(0x16800,0x16a38),(0x16a40,0x16a5e),(0x16a70,0x16abe),(0x16ad0,0x16aed),(0x16b00,0x16b2f),(0x16b40,0x16b43),(0x16b63,0x16b77),(0x16b7d,0x16b8f),(0x16e40,0x16e7f),(0x16f00,0x16f4a),(0x16f50,0x16f50),(0x16f93,0x16f9f),(0x16fe0,0x16fe1),(0x16fe3,0x16fe3),(0x17000,0x187f7),(0x18800,0x18cd5),(0x18d00,0x18d08),(0x1aff0,0x1aff3),(0x1aff5,0x1affb),(0x1affd,0x1affe),(0x1b000,0x1b122),(0x1b150,0x1b152),(0x1b164,0x1b167),(0x1b170,0x1b2fb),(0x1bc00,0x1bc6a),(0x1bc70,0x1bc7c),(0x1bc80,0x1bc88),(0x1bc90,0x1bc99),(0x1d400,0x1d454),(0x1d456,0x1d49c),(0x1d49e,0x1d49f),(0x1d4a2,0x1d4a2),(0x1d4a5,0x1d4a6),(0x1d4a9,0x1d4ac),(0x1d4ae,0x1d4b9),(0x1d4bb,0x1d4bb),(0x1d4bd,0x1d4c3),(0x1d4c5,0x1d505),(0x1d507,0x1d50a),(0x1d50d,0x1d514),(0x1d516,0x1d51c),(0x1d51e,0x1d539),(0x1d53b,0x1d53e),(0x1d540,0x1d544),(0x1d546,0x1d546),(0x1d54a,0x1d550),(0x1d552,0x1d6a5),(0x1d6a8,0x1d6c0),(0x1d6c2,0x1d6da),(0x1d6dc,0x1d6fa),(0x1d6fc,0x1d714),(0x1d716,0x1d734),(0x1d736,0x1d74e),(0x1d750,0x1d76e),(0x1d770,0x1d788),(0x1d78a,0x1d7a8),(0x1d7aa,0x1d7c2),(0x1d7c4,0x1d7cb),(0x1df00,0x1df1e),(0x1e100,0x1e12c),(0x1e137,0x1e13d),(0x1e14e,0x1e14e),(0x1e290,0x1e2ad),(0x1e2c0,0x1e2eb),(0x1e7e0,0x1e7e6),(0x1e7e8,0x1e7eb),(0x1e7ed,0x1e7ee),(0x1e7f0,0x1e7fe),(0x1e800,0x1e8c4),(0x1e900,0x1e943),(0x1e94b,0x1e94b),(0x1ee00,0x1ee03),(0x1ee05,0x1ee1f),(0x1ee21,0x1ee22),(0x1ee24,0x1ee24),(0x1ee27,0x1ee27),(0x1ee29,0x1ee32),(0x1ee34,0x1ee37),(0x1ee39,0x1ee39),(0x1ee3b,0x1ee3b),(0x1ee42,0x1ee42),(0x1ee47,0x1ee47),(0x1ee49,0x1ee49),(0x1ee4b,0x1ee4b),(0x1ee4d,0x1ee4f),(0x1ee51,0x1ee52),(0x1ee54,0x1ee54),(0x1ee57,0x1ee57),(0x1ee59,0x1ee59),(0x1ee5b,0x1ee5b),(0x1ee5d,0x1ee5d),(0x1ee5f,0x1ee5f),(0x1ee61,0x1ee62),(0x1ee64,0x1ee64),(0x1ee67,0x1ee6a),(0x1ee6c,0x1ee72),(0x1ee74,0x1ee77),(0x1ee79,0x1ee7c),(0x1ee7e,0x1ee7e),(0x1ee80,0x1ee89),(0x1ee8b,0x1ee9b),(0x1eea1,0x1eea3),(0x1eea5,0x1eea9),(0x1eeab,0x1eebb),(0x20000,0x2a6df),(0x2a700,0x2b738),(0x2b740,0x2b81d),(0x2b820,0x2cea1),(0x2ceb0,0x2ebe0),(0x2f800,0x2fa1d),(0x30000,0x3134a)];
#[rustfmt::skip]
static DECIMAL_RANGES: &[(u32, u32)] = &[(0x660,0x669),(0x6f0,0x6f9),(0x7c0,0x7c9),(0x966,0x96f),(0x9e6,0x9ef),(0xa66,0xa6f),(0xae6,0xaef),(0xb66,0xb6f),(0xbe6,0xbef),(0xc66,0xc6f),(0xce6,0xcef),(0xd66,0xd6f),(0xde6,0xdef),(0xe50,0xe59),(0xed0,0xed9),(0xf20,0xf29),(0x1040,0x1049),(0x1090,0x1099),(0x17e0,0x17e9),(0x1810,0x1819),(0x1946,0x194f),(0x19d0,0x19d9),(0x1a80,0x1a89),(0x1a90,0x1a99),(0x1b50,0x1b59),(0x1bb0,0x1bb9),(0x1c40,0x1c49),(0x1c50,0x1c59),(0xa620,0xa629),(0xa8d0,0xa8d9),(0xa900,0xa909),(0xa9d0,0xa9d9),(0xa9f0,0xa9f9),(0xaa50,0xaa59),(0xabf0,0xabf9),(0xff10,0xff19),(0x104a0,0x104a9),(0x10d30,0x10d39),(0x11066,0x1106f),(0x110f0,0x110f9),(0x11136,0x1113f),(0x111d0,0x111d9),(0x112f0,0x112f9),(0x11450,0x11459),(0x114d0,0x114d9),(0x11650,0x11659),(0x116c0,0x116c9),(0x11730,0x11739),(0x118e0,0x118e9),(0x11950,0x11959),(0x11c50,0x11c59),(0x11d50,0x11d59),(0x11da0,0x11da9),(0x16a60,0x16a69),(0x16ac0,0x16ac9),(0x16b50,0x16b59),(0x1d7ce,0x1d7ff),(0x1e140,0x1e149),(0x1e2f0,0x1e2f9),(0x1e950,0x1e959),(0x1fbf0,0x1fbf9)];
#[rustfmt::skip]
static DIGIT_RANGES: &[(u32, u32)] = &[(0xb2,0xb3),(0xb9,0xb9),(0x660,0x669),(0x6f0,0x6f9),(0x7c0,0x7c9),(0x966,0x96f),(0x9e6,0x9ef),(0xa66,0xa6f),(0xae6,0xaef),(0xb66,0xb6f),(0xbe6,0xbef),(0xc66,0xc6f),(0xce6,0xcef),(0xd66,0xd6f),(0xde6,0xdef),(0xe50,0xe59),(0xed0,0xed9),(0xf20,0xf29),(0x1040,0x1049),(0x1090,0x1099),(0x1369,0x1371),(0x17e0,0x17e9),(0x1810,0x1819),(0x1946,0x194f),(0x19d0,0x19da),(0x1a80,0x1a89),(0x1a90,0x1a99),(0x1b50,0x1b59),(0x1bb0,0x1bb9),(0x1c40,0x1c49),(0x1c50,0x1c59),(0x2070,0x2070),(0x2074,0x2079),(0x2080,0x2089),(0x2460,0x2468),(0x2474,0x247c),(0x2488,0x2490),(0x24ea,0x24ea),(0x24f5,0x24fd),(0x24ff,0x24ff),(0x2776,0x277e),(0x2780,0x2788),(0x278a,0x2792),(0xa620,0xa629),(0xa8d0,0xa8d9),(0xa900,0xa909),(0xa9d0,0xa9d9),(0xa9f0,0xa9f9),(0xaa50,0xaa59),(0xabf0,0xabf9),(0xff10,0xff19),(0x104a0,0x104a9),(0x10a40,0x10a43),(0x10d30,0x10d39),(0x10e60,0x10e68),(0x11052,0x1105a),(0x11066,0x1106f),(0x110f0,0x110f9),(0x11136,0x1113f),(0x111d0,0x111d9),(0x112f0,0x112f9),(0x11450,0x11459),(0x114d0,0x114d9),(0x11650,0x11659),(0x116c0,0x116c9),(0x11730,0x11739),(0x118e0,0x118e9),(0x11950,0x11959),(0x11c50,0x11c59),(0x11d50,0x11d59),(0x11da0,0x11da9),(0x16a60,0x16a69),(0x16ac0,0x16ac9),(0x16b50,0x16b59),(0x1d7ce,0x1d7ff),(0x1e140,0x1e149),(0x1e2f0,0x1e2f9),(0x1e950,0x1e959),(0x1f100,0x1f10a),(0x1fbf0,0x1fbf9)];
#[rustfmt::skip]
static NUMERIC_RANGES: &[(u32, u32)] = &[(0xb2,0xb3),(0xb9,0xb9),(0xbc,0xbe),(0x660,0x669),(0x6f0,0x6f9),(0x7c0,0x7c9),(0x966,0x96f),(0x9e6,0x9ef),(0x9f4,0x9f9),(0xa66,0xa6f),(0xae6,0xaef),(0xb66,0xb6f),(0xb72,0xb77),(0xbe6,0xbf2),(0xc66,0xc6f),(0xc78,0xc7e),(0xce6,0xcef),(0xd58,0xd5e),(0xd66,0xd78),(0xde6,0xdef),(0xe50,0xe59),(0xed0,0xed9),(0xf20,0xf33),(0x1040,0x1049),(0x1090,0x1099),(0x1369,0x137c),(0x16ee,0x16f0),(0x17e0,0x17e9),(0x17f0,0x17f9),(0x1810,0x1819),(0x1946,0x194f),(0x19d0,0x19da),(0x1a80,0x1a89),(0x1a90,0x1a99),(0x1b50,0x1b59),(0x1bb0,0x1bb9),(0x1c40,0x1c49),(0x1c50,0x1c59),(0x2070,0x2070),(0x2074,0x2079),(0x2080,0x2089),(0x2150,0x2182),(0x2185,0x2189),(0x2460,0x249b),(0x24ea,0x24ff),(0x2776,0x2793),(0x2cfd,0x2cfd),(0x3007,0x3007),(0x3021,0x3029),(0x3038,0x303a),(0x3192,0x3195),(0x3220,0x3229),(0x3248,0x324f),(0x3251,0x325f),(0x3280,0x3289),(0x32b1,0x32bf),(0x3405,0x3405),(0x3483,0x3483),(0x382a,0x382a),(0x3b4d,0x3b4d),(0x4e00,0x4e00),(0x4e03,0x4e03),(0x4e07,0x4e07),(0x4e09,0x4e09),(0x4e5d,0x4e5d),(0x4e8c,0x4e8c),(0x4e94,0x4e94),(0x4e96,0x4e96),(0x4ebf,0x4ec0),(0x4edf,0x4edf),(0x4ee8,0x4ee8),(0x4f0d,0x4f0d),(0x4f70,0x4f70),(0x5104,0x5104),(0x5146,0x5146),(0x5169,0x5169),(0x516b,0x516b),(0x516d,0x516d),(0x5341,0x5341),(0x5343,0x5345),(0x534c,0x534c),(0x53c1,0x53c4),(0x56db,0x56db),(0x58f1,0x58f1),(0x58f9,0x58f9),(0x5e7a,0x5e7a),(0x5efe,0x5eff),(0x5f0c,0x5f0e),(0x5f10,0x5f10),(0x62fe,0x62fe),(0x634c,0x634c),(0x67d2,0x67d2),(0x6f06,0x6f06),(0x7396,0x7396),(0x767e,0x767e),(0x8086,0x8086),(0x842c,0x842c),(0x8cae,0x8cae),(0x8cb3,0x8cb3),(0x8d30,0x8d30),(0x9621,0x9621),(0x9646,0x9646),(0x964c,0x964c),(0x9678,0x9678),(0x96f6,0x96f6),(0xa620,0xa629),(0xa6e6,0xa6ef),(0xa830,0xa835),(0xa8d0,0xa8d9),(0xa900,0xa909),(0xa9d0,0xa9d9),(0xa9f0,0xa9f9),(0xaa50,0xaa59),(0xabf0,0xabf9),(0xf96b,0xf96b),(0xf973,0xf973),(0xf978,0xf978),(0xf9b2,0xf9b2),(0xf9d1,0xf9d1),(0xf9d3,0xf9d3),(0xf9fd,0xf9fd),(0xff10,0xff19),(0x10107,0x10133),(0x10140,0x10178),(0x1018a,0x1018b),(0x102e1,0x102fb),(0x10320,0x10323),(0x10341,0x10341),(0x1034a,0x1034a),(0x103d1,0x103d5),(0x104a0,0x104a9),(0x10858,0x1085f),(0x10879,0x1087f),(0x108a7,0x108af),(0x108fb,0x108ff),(0x10916,0x1091b),(0x109bc,0x109bd),(0x109c0,0x109cf),(0x109d2,0x109ff),(0x10a40,0x10a48),(0x10a7d,0x10a7e),(0x10a9d,0x10a9f),(0x10aeb,0x10aef),(0x10b58,0x10b5f),(0x10b78,0x10b7f),(0x10ba9,0x10baf),(0x10cfa,0x10cff),(0x10d30,0x10d39),(0x10e60,0x10e7e),(0x10f1d,0x10f26),(0x10f51,0x10f54),(0x10fc5,0x10fcb),(0x11052,0x1106f),(0x110f0,0x110f9),(0x11136,0x1113f),(0x111d0,0x111d9),(0x111e1,0x111f4),(0x112f0,0x112f9),(0x11450,0x11459),(0x114d0,0x114d9),(0x11650,0x11659),(0x116c0,0x116c9),(0x11730,0x1173b),(0x118e0,0x118f2),(0x11950,0x11959),(0x11c50,0x11c6c),(0x11d50,0x11d59),(0x11da0,0x11da9),(0x11fc0,0x11fd4),(0x12400,0x1246e),(0x16a60,0x16a69),(0x16ac0,0x16ac9),(0x16b50,0x16b59),(0x16b5b,0x16b61),(0x16e80,0x16e96),(0x1d2e0,0x1d2f3),(0x1d360,0x1d378),(0x1d7ce,0x1d7ff),(0x1e140,0x1e149),(0x1e2f0,0x1e2f9),(0x1e8c7,0x1e8cf),(0x1e950,0x1e959),(0x1ec71,0x1ecab),(0x1ecad,0x1ecaf),(0x1ecb1,0x1ecb4),(0x1ed01,0x1ed2d),(0x1ed2f,0x1ed3d),(0x1f100,0x1f10c),(0x1fbf0,0x1fbf9),(0x20001,0x20001),(0x20064,0x20064),(0x200e2,0x200e2),(0x20121,0x20121),(0x2092a,0x2092a),(0x20983,0x20983),(0x2098c,0x2098c),(0x2099c,0x2099c),(0x20aea,0x20aea),(0x20afd,0x20afd),(0x20b19,0x20b19),(0x22390,0x22390),(0x22998,0x22998),(0x23b1b,0x23b1b),(0x2626d,0x2626d),(0x2f890,0x2f890)];
#[rustfmt::skip]
static NONPRINTABLE_RANGES: &[(u32, u32)] = &[(0x80,0xa0),(0xad,0xad),(0x378,0x379),(0x380,0x383),(0x38b,0x38b),(0x38d,0x38d),(0x3a2,0x3a2),(0x530,0x530),(0x557,0x558),(0x58b,0x58c),(0x590,0x590),(0x5c8,0x5cf),(0x5eb,0x5ee),(0x5f5,0x605),(0x61c,0x61c),(0x6dd,0x6dd),(0x70e,0x70f),(0x74b,0x74c),(0x7b2,0x7bf),(0x7fb,0x7fc),(0x82e,0x82f),(0x83f,0x83f),(0x85c,0x85d),(0x85f,0x85f),(0x86b,0x86f),(0x88f,0x897),(0x8e2,0x8e2),(0x984,0x984),(0x98d,0x98e),(0x991,0x992),(0x9a9,0x9a9),(0x9b1,0x9b1),(0x9b3,0x9b5),(0x9ba,0x9bb),(0x9c5,0x9c6),(0x9c9,0x9ca),(0x9cf,0x9d6),(0x9d8,0x9db),(0x9de,0x9de),(0x9e4,0x9e5),(0x9ff,0xa00),(0xa04,0xa04),(0xa0b,0xa0e),(0xa11,0xa12),(0xa29,0xa29),(0xa31,0xa31),(0xa34,0xa34),(0xa37,0xa37),(0xa3a,0xa3b),(0xa3d,0xa3d),(0xa43,0xa46),(0xa49,0xa4a),(0xa4e,0xa50),(0xa52,0xa58),(0xa5d,0xa5d),(0xa5f,0xa65),(0xa77,0xa80),(0xa84,0xa84),(0xa8e,0xa8e),(0xa92,0xa92),(0xaa9,0xaa9),(0xab1,0xab1),(0xab4,0xab4),(0xaba,0xabb),(0xac6,0xac6),(0xaca,0xaca),(0xace,0xacf),(0xad1,0xadf),(0xae4,0xae5),(0xaf2,0xaf8),(0xb00,0xb00),(0xb04,0xb04),(0xb0d,0xb0e),(0xb11,0xb12),(0xb29,0xb29),(0xb31,0xb31),(0xb34,0xb34),(0xb3a,0xb3b),(0xb45,0xb46),(0xb49,0xb4a),(0xb4e,0xb54),(0xb58,0xb5b),(0xb5e,0xb5e),(0xb64,0xb65),(0xb78,0xb81),(0xb84,0xb84),(0xb8b,0xb8d),(0xb91,0xb91),(0xb96,0xb98),(0xb9b,0xb9b),(0xb9d,0xb9d),(0xba0,0xba2),(0xba5,0xba7),(0xbab,0xbad),(0xbba,0xbbd),(0xbc3,0xbc5),(0xbc9,0xbc9),(0xbce,0xbcf),(0xbd1,0xbd6),(0xbd8,0xbe5),(0xbfb,0xbff),(0xc0d,0xc0d),(0xc11,0xc11),(0xc29,0xc29),(0xc3a,0xc3b),(0xc45,0xc45),(0xc49,0xc49),(0xc4e,0xc54),(0xc57,0xc57),(0xc5b,0xc5c),(0xc5e,0xc5f),(0xc64,0xc65),(0xc70,0xc76),(0xc8d,0xc8d),(0xc91,0xc91),(0xca9,0xca9),(0xcb4,0xcb4),(0xcba,0xcbb),(0xcc5,0xcc5),(0xcc9,0xcc9),(0xcce,0xcd4),(0xcd7,0xcdc),(0xcdf,0xcdf),(0xce4,0xce5),(0xcf0,0xcf0),(0xcf3,0xcff),(0xd0d,0xd0d),(0xd11,0xd11),(0xd45,0xd45),(0xd49,0xd49),(0xd50,0xd53),(0xd64,0xd65),(0xd80,0xd80),(0xd84,0xd84),(0xd97,0xd99),(0xdb2,0xdb2),(0xdbc,0xdbc),(0xdbe,0xdbf),(0xdc7,0xdc9),(0xdcb,0xdce),(0xdd5,0xdd5),(0xdd7,0xdd7),(0xde0,0xde5),(0xdf0,0xdf1),(0xdf5,0xe00),(0xe3b,0xe3e),(0xe5c,0xe80),(0xe83,0xe83),(0xe85,0xe85),(0xe8b,0xe8b),(0xea4,0xea4),(0xea6,0xea6),(0xebe,0xebf),(0xec5,0xec5),(0xec7,0xec7),(0xece,0xecf),(0xeda,0xedb),(0xee0,0xeff),(0xf48,0xf48),(0xf6d,0xf70),(0xf98,0xf98),(0xfbd,0xfbd),(0xfcd,0xfcd),(0xfdb,0xfff),(0x10c6,0x10c6),(0x10c8,0x10cc),(0x10ce,0x10cf),(0x1249,0x1249),(0x124e,0x124f),(0x1257,0x1257),(0x1259,0x1259),(0x125e,0x125f),(0x1289,0x1289),(0x128e,0x128f),(0x12b1,0x12b1),(0x12b6,0x12b7),(0x12bf,0x12bf),(0x12c1,0x12c1),(0x12c6,0x12c7),(0x12d7,0x12d7),(0x1311,0x1311),(0x1316,0x1317),(0x135b,0x135c),(0x137d,0x137f),(0x139a,0x139f),(0x13f6,0x13f7),(0x13fe,0x13ff),(0x1680,0x1680),(0x169d,0x169f),(0x16f9,0x16ff),(0x1716,0x171e),(0x1737,0x173f),(0x1754,0x175f),(0x176d,0x176d),(0x1771,0x1771),(0x1774,0x177f),(0x17de,0x17df),(0x17ea,0x17ef),(0x17fa,0x17ff),(0x180e,0x180e),(0x181a,0x181f),(0x1879,0x187f),(0x18ab,0x18af),(0x18f6,0x18ff),(0x191f,0x191f),(0x192c,0x192f),(0x193c,0x193f),(0x1941,0x1943),(0x196e,0x196f),(0x1975,0x197f),(0x19ac,0x19af),(0x19ca,0x19cf),(0x19db,0x19dd),(0x1a1c,0x1a1d),(0x1a5f,0x1a5f),(0x1a7d,0x1a7e),(0x1a8a,0x1a8f),(0x1a9a,0x1a9f),(0x1aae,0x1aaf),(0x1acf,0x1aff),(0x1b4d,0x1b4f),(0x1b7f,0x1b7f),(0x1bf4,0x1bfb),(0x1c38,0x1c3a),(0x1c4a,0x1c4c),(0x1c89,0x1c8f),(0x1cbb,0x1cbc),(0x1cc8,0x1ccf),(0x1cfb,0x1cff),(0x1f16,0x1f17),(0x1f1e,0x1f1f),(0x1f46,0x1f47),(0x1f4e,0x1f4f),(0x1f58,0x1f58),(0x1f5a,0x1f5a),(0x1f5c,0x1f5c),(0x1f5e,0x1f5e),(0x1f7e,0x1f7f),(0x1fb5,0x1fb5),(0x1fc5,0x1fc5),(0x1fd4,0x1fd5),(0x1fdc,0x1fdc),(0x1ff0,0x1ff1),(0x1ff5,0x1ff5),(0x1fff,0x200f),(0x2028,0x202f),(0x205f,0x206f),(0x2072,0x2073),(0x208f,0x208f),(0x209d,0x209f),(0x20c1,0x20cf),(0x20f1,0x20ff),(0x218c,0x218f),(0x2427,0x243f),(0x244b,0x245f),(0x2b74,0x2b75),(0x2b96,0x2b96),(0x2cf4,0x2cf8),(0x2d26,0x2d26),(0x2d28,0x2d2c),(0x2d2e,0x2d2f),(0x2d68,0x2d6e),(0x2d71,0x2d7e),(0x2d97,0x2d9f),(0x2da7,0x2da7),(0x2daf,0x2daf),(0x2db7,0x2db7),(0x2dbf,0x2dbf),(0x2dc7,0x2dc7),(0x2dcf,0x2dcf),(0x2dd7,0x2dd7),(0x2ddf,0x2ddf),(0x2e5e,0x2e7f),(0x2e9a,0x2e9a),(0x2ef4,0x2eff),(0x2fd6,0x2fef),(0x2ffc,0x3000),(0x3040,0x3040),(0x3097,0x3098),(0x3100,0x3104),(0x3130,0x3130),(0x318f,0x318f),(0x31e4,0x31ef),(0x321f,0x321f),(0xa48d,0xa48f),(0xa4c7,0xa4cf),(0xa62c,0xa63f),(0xa6f8,0xa6ff),(0xa7cb,0xa7cf),(0xa7d2,0xa7d2),(0xa7d4,0xa7d4),(0xa7da,0xa7f1),(0xa82d,0xa82f),(0xa83a,0xa83f),(0xa878,0xa87f),(0xa8c6,0xa8cd),(0xa8da,0xa8df),(0xa954,0xa95e),(0xa97d,0xa97f),(0xa9ce,0xa9ce),(0xa9da,0xa9dd),(0xa9ff,0xa9ff),(0xaa37,0xaa3f),(0xaa4e,0xaa4f),(0xaa5a,0xaa5b),(0xaac3,0xaada),(0xaaf7,0xab00),(0xab07,0xab08),(0xab0f,0xab10),(0xab17,0xab1f),(0xab27,0xab27),(0xab2f,0xab2f),(0xab6c,0xab6f),(0xabee,0xabef),(0xabfa,0xabff),(0xd7a4,0xd7af),(0xd7c7,0xd7ca),(0xd7fc,0xf8ff),(0xfa6e,0xfa6f),(0xfada,0xfaff),(0xfb07,0xfb12),(0xfb18,0xfb1c),(0xfb37,0xfb37),(0xfb3d,0xfb3d),(0xfb3f,0xfb3f),(0xfb42,0xfb42),(0xfb45,0xfb45),(0xfbc3,0xfbd2),(0xfd90,0xfd91),(0xfdc8,0xfdce),(0xfdd0,0xfdef),(0xfe1a,0xfe1f),(0xfe53,0xfe53),(0xfe67,0xfe67),(0xfe6c,0xfe6f),(0xfe75,0xfe75),(0xfefd,0xff00),(0xffbf,0xffc1),(0xffc8,0xffc9),(0xffd0,0xffd1),(0xffd8,0xffd9),(0xffdd,0xffdf),(0xffe7,0xffe7),(0xffef,0xfffb),(0xfffe,0xffff),(0x1000c,0x1000c),(0x10027,0x10027),(0x1003b,0x1003b),(0x1003e,0x1003e),(0x1004e,0x1004f),(0x1005e,0x1007f),(0x100fb,0x100ff),(0x10103,0x10106),(0x10134,0x10136),(0x1018f,0x1018f),(0x1019d,0x1019f),(0x101a1,0x101cf),(0x101fe,0x1027f),(0x1029d,0x1029f),(0x102d1,0x102df),(0x102fc,0x102ff),(0x10324,0x1032c),(0x1034b,0x1034f),(0x1037b,0x1037f),(0x1039e,0x1039e),(0x103c4,0x103c7),(0x103d6,0x103ff),(0x1049e,0x1049f),(0x104aa,0x104af),(0x104d4,0x104d7),(0x104fc,0x104ff),(0x10528,0x1052f),(0x10564,0x1056e),(0x1057b,0x1057b),(0x1058b,0x1058b),(0x10593,0x10593),(0x10596,0x10596),(0x105a2,0x105a2),(0x105b2,0x105b2),(0x105ba,0x105ba),(0x105bd,0x105ff),(0x10737,0x1073f),(0x10756,0x1075f),(0x10768,0x1077f),(0x10786,0x10786),(0x107b1,0x107b1),(0x107bb,0x107ff),(0x10806,0x10807),(0x10809,0x10809),(0x10836,0x10836),(0x10839,0x1083b),(0x1083d,0x1083e),(0x10856,0x10856),(0x1089f,0x108a6),(0x108b0,0x108df),(0x108f3,0x108f3),(0x108f6,0x108fa),(0x1091c,0x1091e),(0x1093a,0x1093e),(0x10940,0x1097f),(0x109b8,0x109bb),(0x109d0,0x109d1),(0x10a04,0x10a04),(0x10a07,0x10a0b),(0x10a14,0x10a14),(0x10a18,0x10a18),(0x10a36,0x10a37),(0x10a3b,0x10a3e),(0x10a49,0x10a4f),(0x10a59,0x10a5f),(0x10aa0,0x10abf),(0x10ae7,0x10aea),(0x10af7,0x10aff),(0x10b36,0x10b38),(0x10b56,0x10b57),(0x10b73,0x10b77),(0x10b92,0x10b98),(0x10b9d,0x10ba8),(0x10bb0,0x10bff),(0x10c49,0x10c7f),(0x10cb3,0x10cbf),(0x10cf3,0x10cf9),(0x10d28,0x10d2f),(0x10d3a,0x10e5f),(0x10e7f,0x10e7f),(0x10eaa,0x10eaa),(0x10eae,0x10eaf),(0x10eb2,0x10eff),(0x10f28,0x10f2f),(0x10f5a,0x10f6f),(0x10f8a,0x10faf),(0x10fcc,0x10fdf),(0x10ff7,0x10fff),(0x1104e,0x11051),(0x11076,0x1107e),(0x110bd,0x110bd),(0x110c3,0x110cf),(0x110e9,0x110ef),(0x110fa,0x110ff),(0x11135,0x11135),(0x11148,0x1114f),(0x11177,0x1117f),(0x111e0,0x111e0),(0x111f5,0x111ff),(0x11212,0x11212),(0x1123f,0x1127f),(0x11287,0x11287),(0x11289,0x11289),(0x1128e,0x1128e),(0x1129e,0x1129e),(0x112aa,0x112af),(0x112eb,0x112ef),(0x112fa,0x112ff),(0x11304,0x11304),(0x1130d,0x1130e),(0x11311,0x11312),(0x11329,0x11329),(0x11331,0x11331),(0x11334,0x11334),(0x1133a,0x1133a),(0x11345,0x11346),(0x11349,0x1134a),(0x1134e,0x1134f),(0x11351,0x11356),(0x11358,0x1135c),(0x11364,0x11365),(0x1136d,0x1136f),(0x11375,0x113ff),(0x1145c,0x1145c),(0x11462,0x1147f),(0x114c8,0x114cf),(0x114da,0x1157f),(0x115b6,0x115b7),(0x115de,0x115ff),(0x11645,0x1164f),(0x1165a,0x1165f),(0x1166d,0x1167f),(0x116ba,0x116bf),(0x116ca,0x116ff),(0x1171b,0x1171c),(0x1172c,0x1172f),(0x11747,0x117ff),(0x1183c,0x1189f),(0x118f3,0x118fe),(0x11907,0x11908),(0x1190a,0x1190b),(0x11914,0x11914),(0x11917,0x11917),(0x11936,0x11936),(0x11939,0x1193a),(0x11947,0x1194f),(0x1195a,0x1199f),(0x119a8,0x119a9),(0x119d8,0x119d9),(0x119e5,0x119ff),(0x11a48,0x11a4f),(0x11aa3,0x11aaf),(0x11af9,0x11bff),(0x11c09,0x11c09),(0x11c37,0x11c37),(0x11c46,0x11c4f),(0x11c6d,0x11c6f),(0x11c90,0x11c91),(0x11ca8,0x11ca8),(0x11cb7,0x11cff),(0x11d07,0x11d07),(0x11d0a,0x11d0a),(0x11d37,0x11d39),(0x11d3b,0x11d3b),(0x11d3e,0x11d3e),(0x11d48,0x11d4f),(0x11d5a,0x11d5f),(0x11d66,0x11d66),(0x11d69,0x11d69),(0x11d8f,0x11d8f),(0x11d92,0x11d92),(0x11d99,0x11d9f),(0x11daa,0x11edf),(0x11ef9,0x11faf),(0x11fb1,0x11fbf),(0x11ff2,0x11ffe),(0x1239a,0x123ff),(0x1246f,0x1246f),(0x12475,0x1247f),(0x12544,0x12f8f),(0x12ff3,0x12fff),(0x1342f,0x143ff),(0x14647,0x167ff),(0x16a39,0x16a3f),(0x16a5f,0x16a5f),(0x16a6a,0x16a6d),(0x16abf,0x16abf),(0x16aca,0x16acf),(0x16aee,0x16aef),(0x16af6,0x16aff),(0x16b46,0x16b4f),(0x16b5a,0x16b5a),(0x16b62,0x16b62),(0x16b78,0x16b7c),(0x16b90,0x16e3f),(0x16e9b,0x16eff),(0x16f4b,0x16f4e),(0x16f88,0x16f8e),(0x16fa0,0x16fdf),(0x16fe5,0x16fef),(0x16ff2,0x16fff),(0x187f8,0x187ff),(0x18cd6,0x18cff),(0x18d09,0x1afef),(0x1aff4,0x1aff4),(0x1affc,0x1affc),(0x1afff,0x1afff),(0x1b123,0x1b14f),(0x1b153,0x1b163),(0x1b168,0x1b16f),(0x1b2fc,0x1bbff),(0x1bc6b,0x1bc6f),(0x1bc7d,0x1bc7f),(0x1bc89,0x1bc8f),(0x1bc9a,0x1bc9b),(0x1bca0,0x1ceff),(0x1cf2e,0x1cf2f),(0x1cf47,0x1cf4f),(0x1cfc4,0x1cfff),(0x1d0f6,0x1d0ff),(0x1d127,0x1d128),(0x1d173,0x1d17a),(0x1d1eb,0x1d1ff),(0x1d246,0x1d2df),(0x1d2f4,0x1d2ff),(0x1d357,0x1d35f),(0x1d379,0x1d3ff),(0x1d455,0x1d455),(0x1d49d,0x1d49d),(0x1d4a0,0x1d4a1),(0x1d4a3,0x1d4a4),(0x1d4a7,0x1d4a8),(0x1d4ad,0x1d4ad),(0x1d4ba,0x1d4ba),(0x1d4bc,0x1d4bc),(0x1d4c4,0x1d4c4),(0x1d506,0x1d506),(0x1d50b,0x1d50c),(0x1d515,0x1d515),(0x1d51d,0x1d51d),(0x1d53a,0x1d53a),(0x1d53f,0x1d53f),(0x1d545,0x1d545),(0x1d547,0x1d549),(0x1d551,0x1d551),(0x1d6a6,0x1d6a7),(0x1d7cc,0x1d7cd),(0x1da8c,0x1da9a),(0x1daa0,0x1daa0),(0x1dab0,0x1deff),(0x1df1f,0x1dfff),(0x1e007,0x1e007),(0x1e019,0x1e01a),(0x1e022,0x1e022),(0x1e025,0x1e025),(0x1e02b,0x1e0ff),(0x1e12d,0x1e12f),(0x1e13e,0x1e13f),(0x1e14a,0x1e14d),(0x1e150,0x1e28f),(0x1e2af,0x1e2bf),(0x1e2fa,0x1e2fe),(0x1e300,0x1e7df),(0x1e7e7,0x1e7e7),(0x1e7ec,0x1e7ec),(0x1e7ef,0x1e7ef),(0x1e7ff,0x1e7ff),(0x1e8c5,0x1e8c6),(0x1e8d7,0x1e8ff),(0x1e94c,0x1e94f),(0x1e95a,0x1e95d),(0x1e960,0x1ec70),(0x1ecb5,0x1ed00),(0x1ed3e,0x1edff),(0x1ee04,0x1ee04),(0x1ee20,0x1ee20),(0x1ee23,0x1ee23),(0x1ee25,0x1ee26),(0x1ee28,0x1ee28),(0x1ee33,0x1ee33),(0x1ee38,0x1ee38),(0x1ee3a,0x1ee3a),(0x1ee3c,0x1ee41),(0x1ee43,0x1ee46),(0x1ee48,0x1ee48),(0x1ee4a,0x1ee4a),(0x1ee4c,0x1ee4c),(0x1ee50,0x1ee50),(0x1ee53,0x1ee53),(0x1ee55,0x1ee56),(0x1ee58,0x1ee58),(0x1ee5a,0x1ee5a),(0x1ee5c,0x1ee5c),(0x1ee5e,0x1ee5e),(0x1ee60,0x1ee60),(0x1ee63,0x1ee63),(0x1ee65,0x1ee66),(0x1ee6b,0x1ee6b),(0x1ee73,0x1ee73),(0x1ee78,0x1ee78),(0x1ee7d,0x1ee7d),(0x1ee7f,0x1ee7f),(0x1ee8a,0x1ee8a),(0x1ee9c,0x1eea0),(0x1eea4,0x1eea4),(0x1eeaa,0x1eeaa),(0x1eebc,0x1eeef),(0x1eef2,0x1efff),(0x1f02c,0x1f02f),(0x1f094,0x1f09f),(0x1f0af,0x1f0b0),(0x1f0c0,0x1f0c0),(0x1f0d0,0x1f0d0),(0x1f0f6,0x1f0ff),(0x1f1ae,0x1f1e5),(0x1f203,0x1f20f),(0x1f23c,0x1f23f),(0x1f249,0x1f24f),(0x1f252,0x1f25f),(0x1f266,0x1f2ff),(0x1f6d8,0x1f6dc),(0x1f6ed,0x1f6ef),(0x1f6fd,0x1f6ff),(0x1f774,0x1f77f),(0x1f7d9,0x1f7df),(0x1f7ec,0x1f7ef),(0x1f7f1,0x1f7ff),(0x1f80c,0x1f80f),(0x1f848,0x1f84f),(0x1f85a,0x1f85f),(0x1f888,0x1f88f),(0x1f8ae,0x1f8af),(0x1f8b2,0x1f8ff),(0x1fa54,0x1fa5f),(0x1fa6e,0x1fa6f),(0x1fa75,0x1fa77),(0x1fa7d,0x1fa7f),(0x1fa87,0x1fa8f),(0x1faad,0x1faaf),(0x1fabb,0x1fabf),(0x1fac6,0x1facf),(0x1fada,0x1fadf),(0x1fae8,0x1faef),(0x1faf7,0x1faff),(0x1fb93,0x1fb93),(0x1fbcb,0x1fbef),(0x1fbfa,0x1ffff),(0x2a6e0,0x2a6ff),(0x2b739,0x2b73f),(0x2b81e,0x2b81f),(0x2cea2,0x2ceaf),(0x2ebe1,0x2f7ff),(0x2fa1e,0x2ffff),(0x3134b,0xe00ff),(0xe01f0,0x10ffff)];
#[rustfmt::skip]
static TITLE_SPECIAL: &[(u32, &str)] = &[(0xdf,"\u{53}\u{73}"),(0x1c4,"\u{1c5}"),(0x1c5,"\u{1c5}"),(0x1c6,"\u{1c5}"),(0x1c7,"\u{1c8}"),(0x1c8,"\u{1c8}"),(0x1c9,"\u{1c8}"),(0x1ca,"\u{1cb}"),(0x1cb,"\u{1cb}"),(0x1cc,"\u{1cb}"),(0x1f1,"\u{1f2}"),(0x1f2,"\u{1f2}"),(0x1f3,"\u{1f2}"),(0x587,"\u{535}\u{582}"),(0x10d0,"\u{10d0}"),(0x10d1,"\u{10d1}"),(0x10d2,"\u{10d2}"),(0x10d3,"\u{10d3}"),(0x10d4,"\u{10d4}"),(0x10d5,"\u{10d5}"),(0x10d6,"\u{10d6}"),(0x10d7,"\u{10d7}"),(0x10d8,"\u{10d8}"),(0x10d9,"\u{10d9}"),(0x10da,"\u{10da}"),(0x10db,"\u{10db}"),(0x10dc,"\u{10dc}"),(0x10dd,"\u{10dd}"),(0x10de,"\u{10de}"),(0x10df,"\u{10df}"),(0x10e0,"\u{10e0}"),(0x10e1,"\u{10e1}"),(0x10e2,"\u{10e2}"),(0x10e3,"\u{10e3}"),(0x10e4,"\u{10e4}"),(0x10e5,"\u{10e5}"),(0x10e6,"\u{10e6}"),(0x10e7,"\u{10e7}"),(0x10e8,"\u{10e8}"),(0x10e9,"\u{10e9}"),(0x10ea,"\u{10ea}"),(0x10eb,"\u{10eb}"),(0x10ec,"\u{10ec}"),(0x10ed,"\u{10ed}"),(0x10ee,"\u{10ee}"),(0x10ef,"\u{10ef}"),(0x10f0,"\u{10f0}"),(0x10f1,"\u{10f1}"),(0x10f2,"\u{10f2}"),(0x10f3,"\u{10f3}"),(0x10f4,"\u{10f4}"),(0x10f5,"\u{10f5}"),(0x10f6,"\u{10f6}"),(0x10f7,"\u{10f7}"),(0x10f8,"\u{10f8}"),(0x10f9,"\u{10f9}"),(0x10fa,"\u{10fa}"),(0x10fd,"\u{10fd}"),(0x10fe,"\u{10fe}"),(0x10ff,"\u{10ff}"),(0x1f80,"\u{1f88}"),(0x1f81,"\u{1f89}"),(0x1f82,"\u{1f8a}"),(0x1f83,"\u{1f8b}"),(0x1f84,"\u{1f8c}"),(0x1f85,"\u{1f8d}"),(0x1f86,"\u{1f8e}"),(0x1f87,"\u{1f8f}"),(0x1f88,"\u{1f88}"),(0x1f89,"\u{1f89}"),(0x1f8a,"\u{1f8a}"),(0x1f8b,"\u{1f8b}"),(0x1f8c,"\u{1f8c}"),(0x1f8d,"\u{1f8d}"),(0x1f8e,"\u{1f8e}"),(0x1f8f,"\u{1f8f}"),(0x1f90,"\u{1f98}"),(0x1f91,"\u{1f99}"),(0x1f92,"\u{1f9a}"),(0x1f93,"\u{1f9b}"),(0x1f94,"\u{1f9c}"),(0x1f95,"\u{1f9d}"),(0x1f96,"\u{1f9e}"),(0x1f97,"\u{1f9f}"),(0x1f98,"\u{1f98}"),(0x1f99,"\u{1f99}"),(0x1f9a,"\u{1f9a}"),(0x1f9b,"\u{1f9b}"),(0x1f9c,"\u{1f9c}"),(0x1f9d,"\u{1f9d}"),(0x1f9e,"\u{1f9e}"),(0x1f9f,"\u{1f9f}"),(0x1fa0,"\u{1fa8}"),(0x1fa1,"\u{1fa9}"),(0x1fa2,"\u{1faa}"),(0x1fa3,"\u{1fab}"),(0x1fa4,"\u{1fac}"),(0x1fa5,"\u{1fad}"),(0x1fa6,"\u{1fae}"),(0x1fa7,"\u{1faf}"),(0x1fa8,"\u{1fa8}"),(0x1fa9,"\u{1fa9}"),(0x1faa,"\u{1faa}"),(0x1fab,"\u{1fab}"),(0x1fac,"\u{1fac}"),(0x1fad,"\u{1fad}"),(0x1fae,"\u{1fae}"),(0x1faf,"\u{1faf}"),(0x1fb2,"\u{1fba}\u{345}"),(0x1fb3,"\u{1fbc}"),(0x1fb4,"\u{386}\u{345}"),(0x1fb7,"\u{391}\u{342}\u{345}"),(0x1fbc,"\u{1fbc}"),(0x1fc2,"\u{1fca}\u{345}"),(0x1fc3,"\u{1fcc}"),(0x1fc4,"\u{389}\u{345}"),(0x1fc7,"\u{397}\u{342}\u{345}"),(0x1fcc,"\u{1fcc}"),(0x1ff2,"\u{1ffa}\u{345}"),(0x1ff3,"\u{1ffc}"),(0x1ff4,"\u{38f}\u{345}"),(0x1ff7,"\u{3a9}\u{342}\u{345}"),(0x1ffc,"\u{1ffc}"),(0xfb00,"\u{46}\u{66}"),(0xfb01,"\u{46}\u{69}"),(0xfb02,"\u{46}\u{6c}"),(0xfb03,"\u{46}\u{66}\u{69}"),(0xfb04,"\u{46}\u{66}\u{6c}"),(0xfb05,"\u{53}\u{74}"),(0xfb06,"\u{53}\u{74}"),(0xfb13,"\u{544}\u{576}"),(0xfb14,"\u{544}\u{565}"),(0xfb15,"\u{544}\u{56b}"),(0xfb16,"\u{54e}\u{576}"),(0xfb17,"\u{544}\u{56d}")];
#[rustfmt::skip]
static TITLECASE_RANGES: &[(u32, u32)] = &[(0x1c5,0x1c5),(0x1c8,0x1c8),(0x1cb,0x1cb),(0x1f2,0x1f2),(0x1f88,0x1f8f),(0x1f98,0x1f9f),(0x1fa8,0x1faf),(0x1fbc,0x1fbc),(0x1fcc,0x1fcc),(0x1ffc,0x1ffc)];

// ---------------------------------------------------------------------------------------------
// Extras the emitter calls beyond CONTRACT.md (int(s, base), pow(a, b, m), input(), more math).

pub static EOF_ERROR: ExcClass = ExcClass { name: "EOFError", base: Some(&EXCEPTION) };

pub fn parse_int_base(s: &str, base: i64, line: u32) -> PyResult<i64> {
    if base == 10 {
        return parse_int(s, line);
    }
    let bad = || PyErr::new(&VALUE_ERROR, format!("invalid literal for int() with base {}: {}", base, str_repr(s)), line);
    if !(base == 0 || (2..=36).contains(&base)) {
        return Err(PyErr::new(&VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0", line));
    }
    let t = s.trim_matches(num_space);
    let (neg, mut body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut b = base as u32;
    let lower = body.to_ascii_lowercase();
    for (p, pb) in [("0x", 16u32), ("0o", 8), ("0b", 2)] {
        if lower.starts_with(p) && (b == pb || b == 0) {
            body = &body[2..];
            b = pb;
            body = body.strip_prefix('_').unwrap_or(body);
            break;
        }
    }
    int_text_digit_limit(body, if b == 0 { 10 } else { b }, line)?;
    if b == 0 {
        // base 0 without a prefix is a decimal literal: no leading zeros unless it is zero
        let digits: Vec<char> = body.chars().filter(|&c| c != '_').collect();
        if digits.len() > 1 && decimal_value(digits[0]) == Some(0) && digits.iter().any(|&c| decimal_value(c) != Some(0)) {
            return Err(bad());
        }
        b = 10;
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return Err(bad());
    }
    let mut v: i64 = 0;
    for c in body.chars() {
        if c == '_' {
            continue;
        }
        // ASCII digits/letters, or any Unicode decimal digit (as CPython accepts)
        let d = match c.to_digit(b) {
            Some(d) => d,
            None if !c.is_ascii() => decimal_value(c).filter(|&d| d < b).ok_or_else(bad)?,
            None => return Err(bad()),
        } as i64;
        v = v.checked_mul(b as i64).and_then(|x| if neg { x.checked_sub(d) } else { x.checked_add(d) })
            .ok_or_else(|| overflow_err(line))?;
    }
    Ok(v)
}

/// The inverse of a modulo m (extended Euclid in i128), if gcd(a, m) == 1.
fn mod_inverse(a: i64, m: i64) -> Option<i64> {
    let mm = (m as i128).abs();
    let (mut r0, mut r1) = (((a as i128 % mm) + mm) % mm, mm);
    let (mut s0, mut s1) = (1i128, 0i128);
    while r1 != 0 {
        let q = r0 / r1;
        (r0, r1) = (r1, r0 - q * r1);
        (s0, s1) = (s1, s0 - q * s1);
    }
    if r0 != 1 {
        return if mm == 1 { Some(0) } else { None };
    }
    Some((((s0 % mm) + mm) % mm) as i64)
}

pub fn int_pow_mod(a: i64, b: i64, m: i64, line: u32) -> PyResult<i64> {
    if m == 0 {
        return Err(PyErr::new(&VALUE_ERROR, "pow() 3rd argument cannot be 0", line));
    }
    let (a, b) = if b < 0 {
        // pow(a, -k, m) is pow(inverse of a mod m, k, m) (Python 3.8+)
        match mod_inverse(a, m) {
            Some(inv) => (inv, b.checked_neg().ok_or_else(|| overflow_err(line))?),
            None => return Err(value_err("base is not invertible for the given modulus", line)),
        }
    } else {
        (a, b)
    };
    let mm = m as i128;
    let mut base = ((a as i128 % mm) + mm) % mm;
    let mut e = b;
    let mut r: i128 = 1 % mm.abs();
    while e > 0 {
        if e & 1 == 1 {
            r = r * base % mm;
        }
        base = base * base % mm;
        e >>= 1;
    }
    let mut r = r % mm;
    if r != 0 && ((r < 0) != (mm < 0)) {
        r += mm;
    }
    Ok(r as i64)
}

/// `format(obj, spec)` of a type without its own `__format__` (list, tuple, dict, set, None):
/// CPython's `object.__format__` accepts only an empty spec.
#[cold]
pub fn object_format_check(spec: &str, type_name: &str, line: u32) -> PyResult<()> {
    if spec.is_empty() {
        return Ok(());
    }
    Err(PyErr::new(
        &TYPE_ERROR,
        format!("unsupported format string passed to {}.__format__", type_name),
        line,
    ))
}

pub fn py_input(prompt: &str, line: u32) -> PyResult<String> {
    out_str(prompt);
    flush_stdout();
    let mut s = String::new();
    match std::io::BufRead::read_line(&mut std::io::stdin().lock(), &mut s) {
        Ok(0) => Err(PyErr::new(&EOF_ERROR, "EOF when reading a line", line)),
        // CPython decodes it with its locale's error handler (UnicodeDecodeError, or lone
        // surrogates a Portalis str cannot hold): not reproduced
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => Err(limit_err(
            "input() read a line that is not valid UTF-8 (CPython's result depends on its locale's error handler)",
            line,
        )),
        Err(_) => Err(PyErr::new(&EOF_ERROR, "EOF when reading a line", line)),
        Ok(_) => {
            // sys.stdin does not translate newlines on POSIX: only the "\n" goes ("\r\n" keeps "\r")
            if s.ends_with('\n') {
                s.pop();
            }
            Ok(s)
        }
    }
}

pub fn math_asin(x: f64, line: u32) -> PyResult<f64> {
    if !(-1.0..=1.0).contains(&x) && !x.is_nan() {
        return Err(math_domain(line));
    }
    Ok(x.asin())
}

pub fn math_acos(x: f64, line: u32) -> PyResult<f64> {
    if !(-1.0..=1.0).contains(&x) && !x.is_nan() {
        return Err(math_domain(line));
    }
    Ok(x.acos())
}

pub fn math_log1p(x: f64, line: u32) -> PyResult<f64> {
    if x <= -1.0 {
        return Err(math_domain(line));
    }
    Ok(x.ln_1p())
}

pub fn math_fmod(x: f64, y: f64, line: u32) -> PyResult<f64> {
    if (y == 0.0 || x.is_infinite()) && !x.is_nan() && !y.is_nan() {
        return Err(math_domain(line));
    }
    Ok(x % y)
}

pub fn math_isqrt(n: i64, line: u32) -> PyResult<i64> {
    if n < 0 {
        return Err(PyErr::new(&VALUE_ERROR, "isqrt() argument must be nonnegative", line));
    }
    let mut r = (n as f64).sqrt() as i64;
    while r > 0 && !matches!(r.checked_mul(r), Some(s) if s <= n) {
        r -= 1;
    }
    while matches!((r + 1).checked_mul(r + 1), Some(s) if s <= n) {
        r += 1;
    }
    Ok(r)
}

pub fn math_comb(n: i64, k: i64, line: u32) -> PyResult<i64> {
    if n < 0 || k < 0 {
        return Err(PyErr::new(&VALUE_ERROR, if n < 0 { "n must be a non-negative integer" } else { "k must be a non-negative integer" }, line));
    }
    if k > n {
        return Ok(0);
    }
    let k = k.min(n - k);
    let mut r: i128 = 1;
    for i in 0..k {
        r = r * (n - i) as i128 / (i + 1) as i128;
        if r > i64::MAX as i128 {
            return Err(overflow_err(line));
        }
    }
    Ok(r as i64)
}

pub fn math_lcm(a: i64, b: i64, line: u32) -> PyResult<i64> {
    if a == 0 || b == 0 {
        return Ok(0);
    }
    let g = math_gcd(a, b, line)?;
    int_abs(int_mul(int_floordiv(a, g, line)?, b, line)?, line)
}

// ===================================================================================
// Allocator (WASI only)
// ===================================================================================

/// Size-class free lists for small blocks (<= 1 KiB) carved from 64 KiB chunks, in front of the
/// system allocator (wasi-libc's dlmalloc). Python code allocates and frees many small strings
/// and lists; on wasm32 every malloc/free is a call into dlmalloc, and this cut text-heavy
/// kernels by ~20 %. Sound only single-threaded: compiled for WASI without threads (atomics)
/// only. Freed small blocks are reused for the same size class, not returned to the system.
#[cfg(all(target_os = "wasi", not(target_feature = "atomics")))]
mod small_alloc {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::UnsafeCell;
    const CLASSES: usize = 8; // 8, 16, ..., 1024 bytes
    const CHUNK: usize = 64 * 1024;
    struct State {
        free: [*mut u8; CLASSES],
        bump: *mut u8,
        end: *mut u8,
    }
    struct Cell(UnsafeCell<State>);
    // SAFETY: wasm32-wasi without the atomics feature has exactly one thread.
    unsafe impl Sync for Cell {}
    static STATE: Cell = Cell(UnsafeCell::new(State {
        free: [std::ptr::null_mut(); CLASSES],
        bump: std::ptr::null_mut(),
        end: std::ptr::null_mut(),
    }));
    #[inline]
    fn class(size: usize, align: usize) -> Option<usize> {
        if align > 8 || size > 1024 {
            return None;
        }
        let s = size.max(8).next_power_of_two();
        Some(s.trailing_zeros() as usize - 3)
    }
    pub struct SmallAlloc;
    unsafe impl GlobalAlloc for SmallAlloc {
        #[inline]
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            match class(l.size(), l.align()) {
                Some(c) => {
                    let st = &mut *STATE.0.get();
                    let head = st.free[c];
                    if !head.is_null() {
                        st.free[c] = *(head as *mut *mut u8);
                        return head;
                    }
                    let sz = 8usize << c;
                    if (st.end as usize) - (st.bump as usize) < sz {
                        let chunk = System.alloc(Layout::from_size_align_unchecked(CHUNK, 8));
                        if chunk.is_null() {
                            return chunk;
                        }
                        st.bump = chunk;
                        st.end = chunk.add(CHUNK);
                    }
                    let p = st.bump;
                    st.bump = p.add(sz);
                    p
                }
                None => System.alloc(l),
            }
        }
        #[inline]
        unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
            match class(l.size(), l.align()) {
                Some(c) => {
                    let st = &mut *STATE.0.get();
                    *(p as *mut *mut u8) = st.free[c];
                    st.free[c] = p;
                }
                None => System.dealloc(p, l),
            }
        }
        #[inline]
        unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
            let old = class(l.size(), l.align());
            if old.is_some() && old == class(new_size, l.align()) {
                return p;
            }
            if old.is_none() && class(new_size, l.align()).is_none() {
                return System.realloc(p, l, new_size);
            }
            let n = self.alloc(Layout::from_size_align_unchecked(new_size, l.align()));
            if !n.is_null() {
                std::ptr::copy_nonoverlapping(p, n, l.size().min(new_size));
                self.dealloc(p, l);
            }
            n
        }
    }
    #[global_allocator]
    static A: SmallAlloc = SmallAlloc;
}
