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

/// CPython's `math_1` (mathmodule.c) for a function `r = f(x)` of one float: a NaN from an
/// argument that is not a NaN is a domain error (`math.sin(inf)`); an infinity from a finite
/// argument is a range error (OverflowError) for the functions that can overflow (`sinh`,
/// `cosh`, `expm1`, `exp`), else a domain error.
#[inline]
pub fn math_1(x: f64, r: f64, can_overflow: bool, line: u32) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(math_domain(line));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { math_range(line) } else { math_domain(line) });
    }
    Ok(r)
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
