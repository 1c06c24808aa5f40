// ===================================================================================
// Errors
// ===================================================================================

pub type PyResult<T> = Result<T, PyErr>;

/// A Python exception class: a name and an optional base class (pointer identity).
pub struct ExcClass {
    pub name: &'static str,
    pub base: Option<&'static ExcClass>,
    /// "" for builtins and the program's own classes; a library's (`dataclasses`) otherwise:
    /// an uncaught exception's traceback line names the class `module.Name`, as CPython does
    pub module: &'static str,
}

pub static BASE_EXCEPTION: ExcClass = ExcClass {
    name: "BaseException",
    base: None,
    module: "",
};
pub static SYSTEM_EXIT: ExcClass = ExcClass {
    name: "SystemExit",
    base: Some(&BASE_EXCEPTION),
    module: "",
};
pub static KEYBOARD_INTERRUPT: ExcClass = ExcClass {
    name: "KeyboardInterrupt",
    base: Some(&BASE_EXCEPTION),
    module: "",
};
pub static EXCEPTION: ExcClass = ExcClass {
    name: "Exception",
    base: Some(&BASE_EXCEPTION),
    module: "",
};
pub static ARITHMETIC_ERROR: ExcClass = ExcClass {
    name: "ArithmeticError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static ZERO_DIVISION_ERROR: ExcClass = ExcClass {
    name: "ZeroDivisionError",
    base: Some(&ARITHMETIC_ERROR),
    module: "",
};
pub static OVERFLOW_ERROR: ExcClass = ExcClass {
    name: "OverflowError",
    base: Some(&ARITHMETIC_ERROR),
    module: "",
};
pub static LOOKUP_ERROR: ExcClass = ExcClass {
    name: "LookupError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static INDEX_ERROR: ExcClass = ExcClass {
    name: "IndexError",
    base: Some(&LOOKUP_ERROR),
    module: "",
};
pub static KEY_ERROR: ExcClass = ExcClass {
    name: "KeyError",
    base: Some(&LOOKUP_ERROR),
    module: "",
};
pub static VALUE_ERROR: ExcClass = ExcClass {
    name: "ValueError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static TYPE_ERROR: ExcClass = ExcClass {
    name: "TypeError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static RUNTIME_ERROR: ExcClass = ExcClass {
    name: "RuntimeError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static RECURSION_ERROR: ExcClass = ExcClass {
    name: "RecursionError",
    base: Some(&RUNTIME_ERROR),
    module: "",
};
pub static NOT_IMPLEMENTED_ERROR: ExcClass = ExcClass {
    name: "NotImplementedError",
    base: Some(&RUNTIME_ERROR),
    module: "",
};
pub static ASSERTION_ERROR: ExcClass = ExcClass {
    name: "AssertionError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static ATTRIBUTE_ERROR: ExcClass = ExcClass {
    name: "AttributeError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static NAME_ERROR: ExcClass = ExcClass {
    name: "NameError",
    base: Some(&EXCEPTION),
    module: "",
};
pub static UNBOUND_LOCAL_ERROR: ExcClass = ExcClass {
    name: "UnboundLocalError",
    base: Some(&NAME_ERROR),
    module: "",
};
pub static STOP_ITERATION: ExcClass = ExcClass {
    name: "StopIteration",
    base: Some(&EXCEPTION),
    module: "",
};
pub static UNICODE_ERROR: ExcClass = ExcClass {
    name: "UnicodeError",
    base: Some(&VALUE_ERROR),
    module: "",
};
pub static MEMORY_ERROR: ExcClass = ExcClass {
    name: "MemoryError",
    base: Some(&EXCEPTION),
    module: "",
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
        std::ptr::eq(self.cls, &INT_LIMIT) || std::ptr::eq(self.cls, &VALUE_LIMIT) || std::ptr::eq(self.cls, &NOT_IMPLEMENTED)
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
    module: "",
};

/// Portalis' other limits (NaN order/identity, results whose Python type the static types
/// cannot hold): printed as ValueError and, like `INT_LIMIT`, never caught by `except` (CPython
/// would not have raised at all, so a handler running would be a silently different program).
pub static VALUE_LIMIT: ExcClass = ExcClass {
    name: "ValueError",
    base: Some(&VALUE_ERROR),
    module: "",
};

/// `return NotImplemented` in an operator method: not a value here but this signal, which the
/// operator that called the method takes (`ret_ni`) to try the reflected method, then CPython's
/// fallback. Anywhere else (a container comparing objects through the runtime's traits) it is a
/// Portalis limit: printed as ValueError, never caught by `except`.
pub static NOT_IMPLEMENTED: ExcClass = ExcClass {
    name: "ValueError",
    base: Some(&VALUE_ERROR),
    module: "",
};

#[cold]
#[inline(never)]
pub fn notimpl_signal(func: &str, line: u32) -> PyErr {
    PyErr::new(
        &NOT_IMPLEMENTED,
        format!("{}() returned NotImplemented where Portalis does not model it (only operators try the reflected method)", func),
        line,
    )
}

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
pub fn sys_exit_msg(msg: impl Into<String>, line: u32) -> PyErr {
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

/// Program entry point: `run_main_in` without function line ranges (every traceback says
/// `in <module>`).
pub fn run_main(body: fn() -> PyResult<()>, script: &str) {
    run_main_in(body, script, &[])
}

/// The name CPython's last traceback frame shows for an error at `line`: the innermost of
/// `frames` (first line, last line, function name) holding it, else `<module>`.
fn frame_name<'a>(frames: &[(u32, u32, &'a str)], line: u32) -> &'a str {
    let mut best: Option<(u32, u32, &'a str)> = None;
    for &(first, last, name) in frames {
        let inner = match best {
            None => true,
            Some((bf, bl, _)) => first > bf || (first == bf && last < bl),
        };
        if first <= line && line <= last && inner {
            best = Some((first, last, name));
        }
    }
    match best {
        Some((_, _, name)) => name,
        None => "<module>",
    }
}

/// Program entry point used by the generated `main`. `frames`: the line range and name of each
/// user function, so that the traceback names the function the error was raised in.
pub fn run_main_in(body: fn() -> PyResult<()>, script: &str, frames: &[(u32, u32, &str)]) {
    out_extra::start();
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
                "Traceback (most recent call last):\n  File \"{}\", line {}, in {}\n{}{}{}",
                script,
                e.line,
                frame_name(frames, e.line),
                e.cls.module,
                if e.cls.module.is_empty() { "" } else { "." },
                e.cls.name
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

/// After a call of a user function whose value is already stored: the exception it left
/// pending, if any (`let v = f(..); rt::pend()?;` builds `v` in place, where `rt::ret(f(..))?`
/// moves it).
#[inline(always)]
pub fn pend() -> PyResult<()> {
    ret(())
}

/// What a call of an operator method gives the operator: its value, None if it returned
/// NotImplemented (`notimpl_signal`), or the exception it raised.
#[inline(always)]
pub fn ret_ni<T>(v: T) -> PyResult<Option<T>> {
    if pending_slot::with(|p| p.get().is_null()) {
        Ok(Some(v))
    } else {
        let e = take_pending();
        if std::ptr::eq(e.cls, &NOT_IMPLEMENTED) {
            Ok(None)
        } else {
            Err(e)
        }
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

pub static EOF_ERROR: ExcClass = ExcClass { name: "EOFError", base: Some(&EXCEPTION), module: "" };

/// `e.args`: the reprs of an exception's arguments, printed as the tuple they are.
#[derive(Clone)]
pub struct ExcArgs(pub Vec<String>);

impl ExcArgs {
    pub fn of(e: &PyErr) -> ExcArgs {
        ExcArgs(e.args_repr.clone())
    }
    pub fn len(&self) -> i64 {
        self.0.len() as i64
    }
}

impl PyFmt for ExcArgs {
    fn fmt_repr(&self, out: &mut String) {
        out.push('(');
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(r);
        }
        if self.0.len() == 1 {
            out.push(',');
        }
        out.push(')');
    }
}
impl HasNan for ExcArgs {
    fn has_nan(&self) -> bool {
        false
    }
}
impl CheckDigits for ExcArgs {
    fn check_digits(&self, _line: u32) -> PyResult<()> {
        Ok(())
    }
}

impl PyErrData {
    /// The fields of a user exception if they are a `T` (a subclass's own fields struct).
    pub fn payload_ref<T: 'static>(&self) -> Option<&T> {
        self.payload.as_ref().and_then(|p| p.downcast_ref::<T>())
    }
}

/// A user object's placeholder (the value a Rust local holds before the Python code assigns it)
/// was read: impossible by definite assignment, so a Portalis bug, never a wrong value.
#[cold]
#[inline(never)]
pub fn null_object() -> ! {
    panic!("internal error: an object was read before it was assigned (a Portalis bug)")
}
