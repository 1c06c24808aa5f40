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
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        push_i64(out, *self);
    }
}

/// "00" "01" ... "99": two digits per step of `dec_digits`.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// The decimal digits of `u` at the end of `buf`; returns where they start. Two digits per
/// step, and 32-bit arithmetic once the value fits (a 64-bit division is a slow instruction on
/// wasm32, where a 32-bit division by a constant becomes a multiplication).
#[cfg_attr(not(portalis_dev), inline)]
pub fn dec_digits(mut u: u64, buf: &mut [u8; 20]) -> usize {
    let mut i = buf.len();
    while u > u32::MAX as u64 {
        let r = (u % 100) as usize;
        u /= 100;
        i -= 2;
        buf[i] = DIGIT_PAIRS[2 * r];
        buf[i + 1] = DIGIT_PAIRS[2 * r + 1];
    }
    let mut v = u as u32;
    while v >= 100 {
        let r = (v % 100) as usize;
        v /= 100;
        i -= 2;
        buf[i] = DIGIT_PAIRS[2 * r];
        buf[i + 1] = DIGIT_PAIRS[2 * r + 1];
    }
    if v >= 10 {
        i -= 2;
        buf[i] = DIGIT_PAIRS[2 * v as usize];
        buf[i + 1] = DIGIT_PAIRS[2 * v as usize + 1];
    } else {
        i -= 1;
        buf[i] = b'0' + v as u8;
    }
    i
}

/// Appends the decimal text of an i64 without going through `fmt`.
#[cfg_attr(not(portalis_dev), inline)]
pub fn push_i64(out: &mut String, v: i64) {
    if let Some((x, n)) = small_int_word(v) {
        // up to 8 characters (as `Str::from_i64`) stored as one 8-byte word at the end of the
        // text (no buffer, no copy of a run-time length: on wasm32 that is a `memcpy` call)
        out.reserve(8);
        // SAFETY: `reserve` made room for 8 more bytes; the first n written are ASCII, the
        // rest lie past the new length (spare capacity)
        unsafe {
            let b = out.as_mut_vec();
            let len = b.len();
            std::ptr::write_unaligned(b.as_mut_ptr().add(len) as *mut u64, x.to_le());
            b.set_len(len + n);
        }
        return;
    }
    let mut buf = [0u8; 20];
    let i = dec_digits(v.unsigned_abs(), &mut buf);
    if v < 0 {
        out.push('-');
    }
    // SAFETY: ASCII digits
    push_text(out, unsafe { std::str::from_utf8_unchecked(&buf[i..]) });
}

impl PyFmt for i32 {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        push_i64(out, *self as i64);
    }
}

impl PyFmt for usize {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl PyFmt for f64 {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        push_float_repr(out, *self);
    }
}

impl PyFmt for bool {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(if *self { "True" } else { "False" });
    }
}

impl PyFmt for String {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        push_str_repr(out, self);
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_str(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl PyFmt for str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        push_str_repr(out, self);
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_str(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl PyFmt for () {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        out.push_str("None");
    }
}

/// The empty tuple `()` (Rust's `()` is Python's None).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Debug)]
pub struct EmptyTuple;

impl PyFmt for EmptyTuple {
    #[cfg_attr(not(portalis_dev), inline)]
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

thread_local! {
    /// What is having its repr written, innermost last: CPython's `Py_ReprEnter` (containers:
    /// kind 0, the container's address) and `reprlib.recursive_repr` (a dataclass's generated
    /// `__repr__`: the class's tag and the object's id).
    static REPR_ACTIVE: std::cell::RefCell<Vec<(usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Held while a repr that may meet itself again is written; `entered()` is false when the same
/// `(kind, addr)` is already being written further up (then CPython writes `[...]`, `{...}`,
/// `set(...)` or a dataclass's `...` instead of recursing without end).
pub struct ReprGuard {
    key: (usize, usize),
    entered: bool,
}

impl ReprGuard {
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn enter(kind: usize, addr: usize) -> ReprGuard {
        let key = (kind, addr);
        let entered = REPR_ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            if a.contains(&key) {
                false
            } else {
                a.push(key);
                true
            }
        });
        ReprGuard { key, entered }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn entered(&self) -> bool {
        self.entered
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        if self.entered {
            let key = self.key;
            REPR_ACTIVE.with(|a| {
                let mut a = a.borrow_mut();
                if let Some(i) = a.iter().rposition(|&k| k == key) {
                    a.remove(i);
                }
            });
        }
    }
}

/// The repr of the container at `addr`, written by `body`, or `cycle` when it holds itself
/// (directly, through other containers or through a `__repr__`), as CPython's `Py_ReprEnter`.
#[cfg_attr(not(portalis_dev), inline)]
fn repr_guarded(addr: usize, out: &mut String, cycle: &str, body: impl FnOnce(&mut String)) {
    let g = ReprGuard::enter(0, addr);
    if g.entered() {
        body(out);
    } else {
        out.push_str(cycle);
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

/// ascii(x) from repr(x): each non-ASCII character as \\xhh, \\uhhhh or \\Uhhhhhhhh.
pub fn py_ascii(repr: &str) -> Str {
    if repr.is_ascii() {
        return Str::from(repr);
    }
    let mut out = String::with_capacity(repr.len() + 8);
    for c in repr.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            push_hex_escape(&mut out, 'x', cp, 2);
        } else if cp < 0x10000 {
            push_hex_escape(&mut out, 'u', cp, 4);
        } else {
            push_hex_escape(&mut out, 'U', cp, 8);
        }
    }
    Str::from(out)
}

fn push_hex_escape(out: &mut String, kind: char, cp: u32, width: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    out.push(kind);
    for i in (0..width).rev() {
        out.push(HEX[((cp >> (4 * i)) & 0xf) as usize] as char);
    }
}

#[cfg_attr(not(portalis_dev), inline)]
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
