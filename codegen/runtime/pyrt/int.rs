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

/// int.bit_length() (of |a|: i64::MIN has 64).
#[inline]
pub fn int_bit_length(a: i64) -> i64 {
    (64 - a.unsigned_abs().leading_zeros()) as i64
}

/// int.bit_count() (of |a|).
#[inline]
pub fn int_bit_count(a: i64) -> i64 {
    a.unsigned_abs().count_ones() as i64
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
    if ((a | b) as u64) >> 32 == 0 {
        // both in [0, 2**32): a 32-bit division (the 64-bit one is slower on x86-64; wasm's
        // i64.div_s becomes the 64-bit one), and floor and truncation agree
        return Ok(((a as u32) / (b as u32)) as i64);
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
    if ((a | b) as u64) >> 32 == 0 {
        // as in int_floordiv
        return Ok(((a as u32) % (b as u32)) as i64);
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

/// The text int() parses: CPython turns every Unicode decimal digit into its ASCII digit first
/// (`_PyUnicode_TransformDecimalAndSpaceToASCII`), so "٠x1" is "0x1" in base 0 or 16; its
/// messages show the text as given.
pub fn ascii_decimal_digits(s: &str) -> String {
    s.chars()
        .map(|c| match decimal_value(c) {
            Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
            _ => c,
        })
        .collect()
}

/// What a user `__len__` returned, checked as CPython's len() and truth test check it.
#[inline]
pub fn len_check(n: i64, line: u32) -> PyResult<i64> {
    if n < 0 {
        return Err(value_err("__len__() should return >= 0", line));
    }
    Ok(n)
}

pub fn parse_int_base(s: &str, base: i64, line: u32) -> PyResult<i64> {
    if base == 10 {
        return parse_int(s, line);
    }
    let bad = || invalid_int_literal(base, s, line);
    if !(base == 0 || (2..=36).contains(&base)) {
        return Err(PyErr::new(&VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0", line));
    }
    let ascii;
    let t = if s.is_ascii() { s } else { ascii = ascii_decimal_digits(s); &ascii }.trim_matches(num_space);
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
