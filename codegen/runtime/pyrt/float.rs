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

/// An int where a float is annotated, converted for a use that is exact only while the
/// float holds the int exactly (a comparison): otherwise Portalis' value limit.
#[inline]
pub fn int_to_f64_exact(v: i64, line: u32) -> PyResult<f64> {
    let f = v as f64;
    if f as i128 != v as i128 {
        return Err(int_to_f64_inexact(line));
    }
    Ok(f)
}

/// The result of `+ - *` on values CPython holds as ints (ints where a float is annotated): the
/// same as CPython's int result while it stays below 2**53; otherwise Portalis' value limit.
#[inline]
pub fn f64_int_exact(r: f64, line: u32) -> PyResult<f64> {
    if r.abs() < 9007199254740992.0 {
        return Ok(r);
    }
    Err(limit_err("int arithmetic on ints where a float is annotated reached 2**53: CPython computes it exactly in ints; pass floats", line))
}

/// `f64_int_exact` for a product, which is also -0.0 where CPython's ints give 0 (0 * -3) and
/// its floats give -0.0 (0.0 * -3): Portalis cannot tell which, so that stops too.
#[inline]
pub fn f64_int_exact_mul(r: f64, line: u32) -> PyResult<f64> {
    let r = f64_int_exact(r, line)?;
    f64_no_neg_zero(r, line)
}

/// `-x` of a value CPython may hold as an int: -0.0 is ambiguous (`-0` is 0, `-0.0` is -0.0).
#[inline]
pub fn f64_no_neg_zero(r: f64, line: u32) -> PyResult<f64> {
    if r == 0.0 && r.is_sign_negative() {
        return Err(limit_err("a zero negated or multiplied by a negative number where a float is annotated: CPython gives 0 if the operands are ints and -0.0 if one is a float; pass floats", line));
    }
    Ok(r)
}

#[cold]
#[inline(never)]
pub fn int_to_f64_inexact(line: u32) -> PyErr {
    limit_err("an int where a float is annotated has no exact float value (past 2**53): CPython keeps it an int and compares it exactly; pass a float", line)
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

/// CPython's ValueError for int(s): `invalid literal for int() with base N: %.200R` (the repr
/// is cut after 200 characters, closing quote included).
#[cold]
#[inline(never)]
pub fn invalid_int_literal(base: i64, s: &str, line: u32) -> PyErr {
    let r: String = str_repr(s).chars().take(200).collect();
    PyErr::new(&VALUE_ERROR, format!("invalid literal for int() with base {}: {}", base, r), line)
}

/// A leading '-' or '+' of a number's text: (negative, the rest).
#[inline]
fn split_sign(b: &[u8]) -> (bool, &[u8]) {
    match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    }
}

/// int(s) for a str (base 10).
pub fn parse_int(s: &str, line: u32) -> PyResult<i64> {
    // the common case, a sign and 1-18 ASCII digits (no spaces or underscores): it fits an
    // i64, so no i128 accumulator (a 128-bit multiply call per digit on wasm32)
    let (neg, digits) = split_sign(s.as_bytes());
    if !digits.is_empty() && digits.len() <= 18 && digits.iter().all(|c| c.is_ascii_digit()) {
        let mut v: i64 = 0;
        for &c in digits {
            v = v * 10 + (c - b'0') as i64;
        }
        return Ok(if neg { -v } else { v });
    }
    parse_int_general(s, line)
}

#[inline(never)]
fn parse_int_general(s: &str, line: u32) -> PyResult<i64> {
    let bad = || invalid_int_literal(10, s, line);
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
    // the common case: a sign, then 1-15 ASCII digits with at most one '.' among them. The
    // digits as an integer (< 10**15, exact in an f64) divided by 10**(digits after the
    // point) (exact too) is one correctly rounded division: the nearest float to the text,
    // as CPython's parse gives (Clinger's fast path). No copies, no allocation.
    const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (neg, rest) = split_sign(s.as_bytes());
    if rest.len() <= 16 {
        let (mut m, mut digits, mut frac, mut dot) = (0u64, 0usize, 0usize, false);
        let mut plain = true;
        for &c in rest {
            if c.is_ascii_digit() {
                m = m * 10 + (c - b'0') as u64;
                digits += 1;
                frac += dot as usize;
            } else if c == b'.' && !dot {
                dot = true;
            } else {
                plain = false;
                break;
            }
        }
        if plain && (1..=15).contains(&digits) {
            let v = m as f64 / POW10[frac];
            return Ok(if neg { -v } else { v });
        }
    }
    parse_float_general(s, line)
}

#[inline(never)]
fn parse_float_general(s: &str, line: u32) -> PyResult<f64> {
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
