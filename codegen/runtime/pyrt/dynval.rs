// ===================================================================================
// dynval: values of more than one type (`int | str`, `object`, the values of a JSON-like dict)
// ===================================================================================
//
// `Obj` is the Rust form of a Python value whose static type is a union (analyzers/unions.py).
// It keeps the exact Python type (3 and 3.0 print differently; True is a bool), and its
// operations dispatch on it as CPython does: the numeric tower (bool < int < float) for
// arithmetic and comparisons, `1 == 1.0 == True` (and the same hash, so the same dict key),
// CPython's TypeErrors for operand types that do not go together. Lists and dicts inside an
// `Obj` are the ordinary `PyList<Obj>` / `PyDict<Str, Obj>` (Clone = alias), so a list seen
// through an `Obj` and through a `list[...]` variable is one list.
//
// Ints are `Int` (the big-int type) in both builds: the 64-bit build passes `big = false` to
// the arithmetic, which stops at the 64-bit limit (`overflow_err`) where a result outgrows 64
// bits, exactly as its i64 arithmetic does.

#[derive(Clone)]
pub enum Obj {
    None,
    Bool(bool),
    Int(Int),
    Float(f64),
    Str(Str),
    List(PyList<Obj>),
    Dict(PyDict<Str, Obj>),
}

#[allow(clippy::derivable_impls)] // `#[default]` on enum variants is newer than some toolchains
impl Default for Obj {
    fn default() -> Obj {
        Obj::None
    }
}

impl From<()> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(_: ()) -> Obj {
        Obj::None
    }
}
impl From<bool> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: bool) -> Obj {
        Obj::Bool(v)
    }
}
impl From<i64> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: i64) -> Obj {
        Obj::Int(Int::S(v))
    }
}
impl From<Int> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: Int) -> Obj {
        Obj::Int(v)
    }
}
impl From<f64> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: f64) -> Obj {
        Obj::Float(v)
    }
}
impl From<Str> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: Str) -> Obj {
        Obj::Str(v)
    }
}
impl From<PyList<Obj>> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: PyList<Obj>) -> Obj {
        Obj::List(v)
    }
}
impl From<PyDict<Str, Obj>> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: PyDict<Str, Obj>) -> Obj {
        Obj::Dict(v)
    }
}
impl<T: Into<Obj>> From<Option<T>> for Obj {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: Option<T>) -> Obj {
        match v {
            Some(x) => x.into(),
            None => Obj::None,
        }
    }
}

impl Obj {
    /// `type(x).__name__`
    pub fn type_name(&self) -> &'static str {
        match self {
            Obj::None => "NoneType",
            Obj::Bool(_) => "bool",
            Obj::Int(_) => "int",
            Obj::Float(_) => "float",
            Obj::Str(_) => "str",
            Obj::List(_) => "list",
            Obj::Dict(d) => d.type_name(),
        }
    }

    /// An int view of a bool or an int (the numeric tower's lower rungs).
    fn as_int_ref(&self) -> Option<Int> {
        match self {
            Obj::Bool(b) => Some(Int::S(*b as i64)),
            Obj::Int(i) => Some(i.clone()),
            _ => None,
        }
    }
}

// isinstance() masks, the same bits as analyzers/unions.py `ISINSTANCE_BITS`
pub const OBJ_NONE: u32 = 1;
pub const OBJ_BOOL: u32 = 2;
pub const OBJ_INT: u32 = 4;
pub const OBJ_FLOAT: u32 = 8;
pub const OBJ_STR: u32 = 16;
pub const OBJ_LIST: u32 = 32;
pub const OBJ_DICT: u32 = 64;

/// `isinstance(x, classes)`, `mask` the union of the classes' bits (bool is an int).
#[cfg_attr(not(portalis_dev), inline)]
pub fn obj_isinstance(x: &Obj, mask: u32) -> bool {
    let bit = match x {
        Obj::None => OBJ_NONE,
        Obj::Bool(_) => OBJ_BOOL | OBJ_INT,
        Obj::Int(_) => OBJ_INT,
        Obj::Float(_) => OBJ_FLOAT,
        Obj::Str(_) => OBJ_STR,
        Obj::List(_) => OBJ_LIST,
        Obj::Dict(_) => OBJ_DICT,
    };
    bit & mask != 0
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn obj_is_none(x: &Obj) -> bool {
    matches!(x, Obj::None)
}

pub fn obj_type_name(x: &Obj) -> Str {
    Str::from(x.type_name())
}

pub fn obj_truthy(x: &Obj) -> bool {
    match x {
        Obj::None => false,
        Obj::Bool(b) => *b,
        Obj::Int(i) => !i.is_zero(),
        Obj::Float(f) => *f != 0.0,
        Obj::Str(s) => !s.is_empty(),
        Obj::List(l) => !l.is_empty(),
        Obj::Dict(d) => !d.is_empty(),
    }
}

// ---- unboxing (the analyzers only unbox where the value has that type: a narrowed name, or
// a union of one type; anything else is a Portalis bug, reported as a TypeError) ----------

#[cold]
fn obj_unbox_err(x: &Obj, want: &str, line: u32) -> PyErr {
    PyErr::new(
        &TYPE_ERROR,
        format!("expected {}, got {} (a Portalis internal error)", want, x.type_name()),
        line,
    )
}

/// An int in the 64-bit build (a bool counts as its int value).
pub fn obj_as_int(x: &Obj, line: u32) -> PyResult<i64> {
    match x {
        Obj::Int(Int::S(v)) => Ok(*v),
        Obj::Bool(b) => Ok(*b as i64),
        Obj::Int(_) => Err(overflow_err(line)),
        _ => Err(obj_unbox_err(x, "int", line)),
    }
}
pub fn obj_as_bigint(x: &Obj, line: u32) -> PyResult<Int> {
    x.as_int_ref().ok_or_else(|| obj_unbox_err(x, "int", line))
}
pub fn obj_as_bool(x: &Obj, line: u32) -> PyResult<bool> {
    match x {
        Obj::Bool(b) => Ok(*b),
        _ => Err(obj_unbox_err(x, "bool", line)),
    }
}
pub fn obj_as_float(x: &Obj, line: u32) -> PyResult<f64> {
    match x {
        Obj::Float(f) => Ok(*f),
        _ => Err(obj_unbox_err(x, "float", line)),
    }
}
pub fn obj_as_str(x: &Obj, line: u32) -> PyResult<Str> {
    match x {
        Obj::Str(s) => Ok(s.clone()),
        _ => Err(obj_unbox_err(x, "str", line)),
    }
}
pub fn obj_as_none(x: &Obj, line: u32) -> PyResult<()> {
    match x {
        Obj::None => Ok(()),
        _ => Err(obj_unbox_err(x, "None", line)),
    }
}
pub fn obj_as_list(x: &Obj, line: u32) -> PyResult<PyList<Obj>> {
    match x {
        Obj::List(l) => Ok(l.clone()),
        _ => Err(obj_unbox_err(x, "list", line)),
    }
}
pub fn obj_as_dict(x: &Obj, line: u32) -> PyResult<PyDict<Str, Obj>> {
    match x {
        Obj::Dict(d) => Ok(d.clone()),
        _ => Err(obj_unbox_err(x, "dict", line)),
    }
}

// ---- text -----------------------------------------------------------------------------

impl PyFmt for Obj {
    fn fmt_repr(&self, out: &mut String) {
        match self {
            Obj::None => out.push_str("None"),
            Obj::Bool(b) => b.fmt_repr(out),
            Obj::Int(i) => i.fmt_repr(out),
            Obj::Float(f) => f.fmt_repr(out),
            Obj::Str(s) => s.fmt_repr(out),
            Obj::List(l) => l.fmt_repr(out),
            Obj::Dict(d) => d.fmt_repr(out),
        }
    }
    fn fmt_str(&self, out: &mut String) {
        match self {
            Obj::Str(s) => out.push_str(s),
            Obj::Int(i) => i.fmt_str(out),
            _ => self.fmt_repr(out),
        }
    }
}

impl PyFormat for Obj {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        match self {
            Obj::Bool(b) => b.py_format(spec, line),
            Obj::Int(i) => i.py_format(spec, line),
            Obj::Float(f) => f.py_format(spec, line),
            Obj::Str(s) => s.py_format(spec, line),
            _ => {
                object_format_check(spec, self.type_name(), line)?;
                Ok(py_str(self))
            }
        }
    }
}

impl CheckDigits for Obj {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        match self {
            Obj::Int(i) => i.check_digits(line),
            Obj::List(l) => l.check_digits(line),
            Obj::Dict(d) => d.check_digits(line),
            _ => Ok(()),
        }
    }
}

impl HasNan for Obj {
    fn has_nan(&self) -> bool {
        match self {
            Obj::Float(f) => f.is_nan(),
            Obj::List(l) => l.has_nan(),
            Obj::Dict(d) => d.has_nan(),
            _ => false,
        }
    }
}

impl std::fmt::Debug for Obj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", py_repr(self))
    }
}

// ---- equality and hashing: 1 == 1.0 == True, and they hash alike ------------------------

fn num_eq(a: &Obj, b: &Obj) -> Option<bool> {
    match (a, b) {
        (Obj::Float(x), Obj::Float(y)) => Some(x == y),
        (Obj::Float(f), o) | (o, Obj::Float(f)) => o.as_int_ref().map(|i| bi_cmp_float_eq(&i, *f)),
        _ => match (a.as_int_ref(), b.as_int_ref()) {
            (Some(x), Some(y)) => Some(x == y),
            _ => None,
        },
    }
}

impl PartialEq for Obj {
    fn eq(&self, other: &Obj) -> bool {
        if let Some(r) = num_eq(self, other) {
            return r;
        }
        match (self, other) {
            (Obj::None, Obj::None) => true,
            (Obj::Str(a), Obj::Str(b)) => a == b,
            (Obj::List(a), Obj::List(b)) => a == b,
            (Obj::Dict(a), Obj::Dict(b)) => a == b,
            _ => false,
        }
    }
}

// Keys are never NaN in practice; a NaN key is looked up by equality like any other (not
// found), where CPython would find the same NaN object by identity: `rt::no_nan` guards
// the operations that can meet one.
impl Eq for Obj {}

impl Hash for Obj {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Obj::None => 0u8.hash(state),
            Obj::Bool(b) => (*b as i64).hash(state),
            Obj::Int(Int::S(v)) => v.hash(state),
            Obj::Int(i) => i.hash(state),
            Obj::Float(f) => {
                let t = f.trunc();
                if t == *f && t.abs() < 9.2e18 {
                    (t as i64).hash(state)
                } else if t == *f && f.is_finite() {
                    match bi_from_f64(*f, 0) {
                        Ok(Int::S(v)) => v.hash(state),
                        Ok(i) => i.hash(state),
                        Err(_) => f.to_bits().hash(state),
                    }
                } else {
                    f.to_bits().hash(state)
                }
            }
            Obj::Str(s) => s.hash(state),
            // unhashable in Python: the analyzers refuse lists and dicts as keys
            Obj::List(_) => 1u8.hash(state),
            Obj::Dict(_) => 2u8.hash(state),
        }
    }
}

// ---- ordering ---------------------------------------------------------------------------

fn op_symbol(op: u8) -> &'static str {
    match op {
        b'<' => "<",
        b'l' => "<=",
        b'>' => ">",
        _ => ">=",
    }
}

/// CPython's TypeError for an ordering of two types that have none.
#[cold]
fn order_err(op: u8, a: &Obj, b: &Obj, line: u32) -> PyErr {
    PyErr::new(
        &TYPE_ERROR,
        format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op_symbol(op),
            a.type_name(),
            b.type_name()
        ),
        line,
    )
}

/// Three-way comparison where Python defines one: None for NaN (every ordering false) and
/// Err for types without an order. `op` only names the operator in the error.
fn obj_partial_cmp(a: &Obj, b: &Obj, op: u8, line: u32) -> PyResult<Option<Ordering>> {
    match (a, b) {
        (Obj::Float(x), Obj::Float(y)) => Ok(x.partial_cmp(y)),
        (Obj::Float(f), o) if o.as_int_ref().is_some() => {
            Ok(bi_cmp_float(&o.as_int_ref().unwrap_or_default(), *f).map(|c| c.reverse()))
        }
        (o, Obj::Float(f)) if o.as_int_ref().is_some() => Ok(bi_cmp_float(&o.as_int_ref().unwrap_or_default(), *f)),
        (Obj::Str(x), Obj::Str(y)) => Ok(Some(x.cmp(y))),
        (Obj::List(x), Obj::List(y)) => {
            let (xa, ya) = (x.0.borrow().clone(), y.0.borrow().clone());
            for (p, q) in xa.iter().zip(ya.iter()) {
                if p != q {
                    return obj_partial_cmp(p, q, op, line);
                }
            }
            Ok(Some(xa.len().cmp(&ya.len())))
        }
        _ => match (a.as_int_ref(), b.as_int_ref()) {
            (Some(x), Some(y)) => Ok(Some(x.cmp(&y))),
            _ => Err(order_err(op, a, b, line)),
        },
    }
}

/// `a OP b` for OP in < <= > >= (`op`: b'<', b'l' (<=), b'>', b'g' (>=)).
pub fn obj_order(op: u8, a: &Obj, b: &Obj, line: u32) -> PyResult<bool> {
    let c = obj_partial_cmp(a, b, op, line)?;
    Ok(match c {
        None => false,
        Some(o) => match op {
            b'<' => o == Ordering::Less,
            b'l' => o != Ordering::Greater,
            b'>' => o == Ordering::Greater,
            _ => o != Ordering::Less,
        },
    })
}

impl PartialOrd for Obj {
    /// For sorting and min/max of values the analyzers know are mutually ordered.
    fn partial_cmp(&self, other: &Obj) -> Option<Ordering> {
        obj_partial_cmp(self, other, b'<', 0).unwrap_or(None)
    }
}

// ---- arithmetic ---------------------------------------------------------------------------

#[cold]
fn operand_err(op: &str, a: &Obj, b: &Obj, inplace: bool, line: u32) -> PyErr {
    let sym = if inplace { format!("{}=", op) } else { op.to_string() };
    // CPython: `can only concatenate str (not "int") to str` when the left operand is a str
    if op == "+" {
        if let Obj::Str(_) = a {
            return PyErr::new(
                &TYPE_ERROR,
                format!("can only concatenate str (not \"{}\") to str", b.type_name()),
                line,
            );
        }
        if let Obj::List(_) = a {
            return PyErr::new(
                &TYPE_ERROR,
                format!("can only concatenate list (not \"{}\") to list", b.type_name()),
                line,
            );
        }
    }
    if op == "*" {
        let seq = matches!(a, Obj::Str(_) | Obj::List(_)) || matches!(b, Obj::Str(_) | Obj::List(_));
        let other = if matches!(a, Obj::Str(_) | Obj::List(_)) { b } else { a };
        if seq && !matches!(other, Obj::Str(_) | Obj::List(_)) {
            return PyErr::new(
                &TYPE_ERROR,
                format!("can't multiply sequence by non-int of type '{}'", other.type_name()),
                line,
            );
        }
    }
    if op == "**" {
        return PyErr::new(
            &TYPE_ERROR,
            format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                if inplace { "**=" } else { "** or pow()" },
                a.type_name(),
                b.type_name()
            ),
            line,
        );
    }
    PyErr::new(
        &TYPE_ERROR,
        format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            a.type_name(),
            b.type_name()
        ),
        line,
    )
}

fn fit(v: Int, big: bool, line: u32) -> PyResult<Obj> {
    if !big {
        if let Int::B(_) = v {
            return Err(overflow_err(line));
        }
    }
    Ok(Obj::Int(v))
}

fn int_binop(op: &str, x: &Int, y: &Int, big: bool, line: u32) -> PyResult<Obj> {
    let v = match op {
        "+" => bi_add(x, y),
        "-" => bi_sub(x, y),
        "*" => bi_mul(x, y),
        "//" => bi_floordiv(x, y, line)?,
        "%" => bi_mod(x, y, line)?,
        "/" => return Ok(Obj::Float(bi_truediv(x, y, line)?)),
        "**" => {
            if y.is_negative() {
                // int ** negative int is float ** float in CPython
                let (fx, fy) = (bi_to_f64(x, line)?, bi_to_f64(y, line)?);
                return Ok(Obj::Float(float_pow(fx, fy, line)?));
            }
            bi_pow(x, y, line)?
        }
        "<<" => bi_lshift(x, y, line)?,
        ">>" => bi_rshift(x, y, line)?,
        "&" => bi_and(x, y),
        "|" => bi_or(x, y),
        "^" => bi_xor(x, y),
        _ => return Err(PyErr::new(&TYPE_ERROR, format!("bad operator {}", op), line)),
    };
    fit(v, big, line)
}

fn float_binop(op: &str, x: f64, y: f64, line: u32) -> Option<PyResult<Obj>> {
    let r = match op {
        "+" => Ok(x + y),
        "-" => Ok(x - y),
        "*" => Ok(x * y),
        "/" => float_div(x, y, line),
        "//" => float_floordiv(x, y, line),
        "%" => float_mod(x, y, line),
        "**" => float_pow(x, y, line),
        _ => return None,
    };
    Some(r.map(Obj::Float))
}

fn seq_count(n: &Obj) -> Option<Int> {
    n.as_int_ref()
}

/// `a OP b` (`inplace`: `a OP= b`, which only changes CPython's messages; lists concatenate
/// into a new list here: the analyzers keep `xs += ys` on lists to the list's own method).
/// `big`: the big-int build (else a result past 64 bits stops at the 64-bit limit).
#[cfg_attr(not(portalis_dev), inline)]
pub fn obj_binop(op: &str, a: &Obj, b: &Obj, inplace: bool, big: bool, line: u32) -> PyResult<Obj> {
    // fast paths (`op` is a literal at every call site, so the match folds once inlined):
    // + - * of small ints that do not overflow, and of floats (an int operand converted as
    // CPython converts it, rounded to nearest)
    let fast = match (a, b) {
        (Obj::Float(x), Obj::Float(y)) => Some((*x, *y)),
        (Obj::Int(Int::S(x)), Obj::Float(y)) if x.unsigned_abs() <= 1 << 53 => Some((*x as f64, *y)),
        (Obj::Float(x), Obj::Int(Int::S(y))) if y.unsigned_abs() <= 1 << 53 => Some((*x, *y as f64)),
        (Obj::Int(Int::S(x)), Obj::Int(Int::S(y))) => {
            let r = match op {
                "+" => x.checked_add(*y),
                "-" => x.checked_sub(*y),
                "*" => x.checked_mul(*y),
                _ => None,
            };
            if let Some(v) = r {
                return Ok(Obj::Int(Int::S(v)));
            }
            None
        }
        _ => None,
    };
    if let Some((x, y)) = fast {
        match op {
            "+" => return Ok(Obj::Float(x + y)),
            "-" => return Ok(Obj::Float(x - y)),
            "*" => return Ok(Obj::Float(x * y)),
            _ => {}
        }
    }
    obj_binop_slow(op, a, b, inplace, big, line)
}

#[inline(never)]
fn obj_binop_slow(op: &str, a: &Obj, b: &Obj, inplace: bool, big: bool, line: u32) -> PyResult<Obj> {
    // bool & | ^ bool stays a bool
    if let (Obj::Bool(x), Obj::Bool(y)) = (a, b) {
        match op {
            "&" => return Ok(Obj::Bool(*x & *y)),
            "|" => return Ok(Obj::Bool(*x | *y)),
            "^" => return Ok(Obj::Bool(*x ^ *y)),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (a.as_int_ref(), b.as_int_ref()) {
        return int_binop(op, &x, &y, big, line);
    }
    let fa = match a {
        Obj::Float(f) => Some(*f),
        _ => None,
    };
    let fb = match b {
        Obj::Float(f) => Some(*f),
        _ => None,
    };
    if fa.is_some() || fb.is_some() {
        let x = match (fa, a.as_int_ref()) {
            (Some(f), _) => Some(f),
            (None, Some(i)) => Some(bi_to_f64(&i, line)?),
            _ => None,
        };
        let y = match (fb, b.as_int_ref()) {
            (Some(f), _) => Some(f),
            (None, Some(i)) => Some(bi_to_f64(&i, line)?),
            _ => None,
        };
        if let (Some(x), Some(y)) = (x, y) {
            if let Some(r) = float_binop(op, x, y, line) {
                return r;
            }
        }
        return Err(operand_err(op, a, b, inplace, line));
    }
    match (op, a, b) {
        ("+", Obj::Str(x), Obj::Str(y)) => Ok(Obj::Str(x.clone() + y)),
        ("+", Obj::List(x), Obj::List(y)) => Ok(Obj::List(x.concat(y))),
        ("*", Obj::Str(s), n) | ("*", n, Obj::Str(s)) if seq_count(n).is_some() => {
            let k = bi_clamp_i64(&seq_count(n).unwrap_or_default());
            Ok(Obj::Str(str_repeat_checked(s, k, line)?))
        }
        ("*", Obj::List(l), n) | ("*", n, Obj::List(l)) if seq_count(n).is_some() => {
            let k = bi_clamp_i64(&seq_count(n).unwrap_or_default());
            Ok(Obj::List(l.repeat(k)))
        }
        _ => Err(operand_err(op, a, b, inplace, line)),
    }
}

/// `-x`, `+x`, `~x`
pub fn obj_unary(op: &str, a: &Obj, big: bool, line: u32) -> PyResult<Obj> {
    if let Some(i) = a.as_int_ref() {
        return match op {
            "-" => fit(bi_neg(&i), big, line),
            "+" => Ok(Obj::Int(i)),
            _ => fit(bi_invert(&i), big, line),
        };
    }
    match (op, a) {
        ("-", Obj::Float(f)) => Ok(Obj::Float(-*f)),
        ("+", Obj::Float(f)) => Ok(Obj::Float(*f)),
        _ => Err(PyErr::new(
            &TYPE_ERROR,
            format!("bad operand type for unary {}: '{}'", op, a.type_name()),
            line,
        )),
    }
}

/// `abs(x)`
pub fn obj_abs(a: &Obj, big: bool, line: u32) -> PyResult<Obj> {
    match a {
        Obj::Float(f) => Ok(Obj::Float(f.abs())),
        _ => match a.as_int_ref() {
            Some(i) => fit(bi_abs(&i), big, line),
            None => Err(PyErr::new(
                &TYPE_ERROR,
                format!("bad operand type for abs(): '{}'", a.type_name()),
                line,
            )),
        },
    }
}

/// `len(x)`
pub fn obj_len(a: &Obj, line: u32) -> PyResult<i64> {
    match a {
        Obj::Str(s) => Ok(s.char_len()),
        Obj::List(l) => Ok(l.len()),
        Obj::Dict(d) => Ok(d.len()),
        _ => Err(PyErr::new(
            &TYPE_ERROR,
            format!("object of type '{}' has no len()", a.type_name()),
            line,
        )),
    }
}

/// `sum(xs)` of a list of union values (start 0, added left to right as CPython does).
pub fn obj_sum(xs: &PyList<Obj>, big: bool, line: u32) -> PyResult<Obj> {
    let items = xs.0.borrow().clone();
    let mut acc = Obj::Int(Int::S(0));
    for x in items.iter() {
        acc = obj_binop("+", &acc, x, false, big, line)?;
    }
    Ok(acc)
}

/// `int(x)` in the 64-bit build (a result past 64 bits stops at the limit).
pub fn obj_to_int(x: &Obj, line: u32) -> PyResult<i64> {
    match x {
        Obj::Float(f) => float_to_int(*f, line),
        Obj::Str(s) => parse_int(s, line),
        _ => match x.as_int_ref() {
            Some(Int::S(v)) => Ok(v),
            Some(_) => Err(overflow_err(line)),
            None => Err(PyErr::new(
                &TYPE_ERROR,
                format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    x.type_name()
                ),
                line,
            )),
        },
    }
}

/// `int(x)` in the big-int build.
pub fn obj_to_bigint(x: &Obj, line: u32) -> PyResult<Int> {
    match x {
        Obj::Float(f) => bi_from_f64(*f, line),
        Obj::Str(s) => bi_parse(s, 10, line),
        _ => match x.as_int_ref() {
            Some(i) => Ok(i),
            None => Err(PyErr::new(
                &TYPE_ERROR,
                format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    x.type_name()
                ),
                line,
            )),
        },
    }
}

/// `float(x)`
pub fn obj_to_float(x: &Obj, line: u32) -> PyResult<f64> {
    match x {
        Obj::Float(f) => Ok(*f),
        Obj::Str(s) => parse_float(s, line),
        _ => match x.as_int_ref() {
            Some(i) => bi_to_f64(&i, line),
            None => Err(PyErr::new(
                &TYPE_ERROR,
                format!(
                    "float() argument must be a string or a real number, not '{}'",
                    x.type_name()
                ),
                line,
            )),
        },
    }
}

/// What a `for` loops over when the iterable is a union of str and list values: the list itself
/// (the loop sees changes to it as CPython's does), or a str's characters.
pub fn obj_iter_list(x: &Obj, line: u32) -> PyResult<PyList<Obj>> {
    match x {
        Obj::List(l) => Ok(l.clone()),
        Obj::Str(s) => Ok(PyList::from_vec(
            s.chars().map(|c| Obj::Str(Str::from(c))).collect(),
        )),
        _ => Err(PyErr::new(
            &TYPE_ERROR,
            format!("'{}' object is not iterable", x.type_name()),
            line,
        )),
    }
}

#[cold]
fn no_round_err(x: &Obj, line: u32) -> PyErr {
    PyErr::new(
        &TYPE_ERROR,
        format!("type {} doesn't define __round__ method", x.type_name()),
        line,
    )
}

/// `round(x)`: an int.
pub fn obj_round(x: &Obj, big: bool, line: u32) -> PyResult<Obj> {
    match x {
        Obj::Float(f) => {
            if big {
                Ok(Obj::Int(bi_round_half_even(*f, line)?))
            } else {
                Ok(Obj::from(round_half_even(*f, line)?))
            }
        }
        _ => x.as_int_ref().map(Obj::Int).ok_or_else(|| no_round_err(x, line)),
    }
}

/// `round(x, n)`: a float for a float, an int for an int (or a bool).
pub fn obj_round_ndigits(x: &Obj, n: &Int, big: bool, line: u32) -> PyResult<Obj> {
    match x {
        Obj::Float(f) => Ok(Obj::Float(round_ndigits(*f, bi_clamp_i64(n)))),
        _ => match x.as_int_ref() {
            Some(i) => {
                if big {
                    return Ok(Obj::Int(bi_round_ndigits(&i, n, line)?));
                }
                match (i, n) {
                    (Int::S(v), Int::S(k)) => Ok(Obj::from(round_int_ndigits(v, *k, line)?)),
                    _ => Err(overflow_err(line)),
                }
            }
            None => Err(no_round_err(x, line)),
        },
    }
}
