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
