// ---- text ------------------------------------------------------------------------------

/// CPython 3.11's limit on the digits of int <-> decimal text (sys.int_info.default_max_str_digits).
pub const MAX_STR_DIGITS: usize = 4300;

thread_local! {
    static TEN_POW_LIMIT: RefCell<Option<Vec<u32>>> = const { RefCell::new(None) };
}

fn mag_decimal(mag: &[u32]) -> String {
    if mag.is_empty() {
        return "0".to_string();
    }
    let mut chunks: Vec<u32> = Vec::new();
    let mut cur = mag.to_vec();
    while !cur.is_empty() {
        let (q, r) = mag_divmod_small(&cur, 1_000_000_000);
        chunks.push(r);
        cur = q;
    }
    let mut out = String::with_capacity(chunks.len() * 9);
    for (i, c) in chunks.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&c.to_string());
        } else {
            let s = c.to_string();
            for _ in s.len()..9 {
                out.push('0');
            }
            out.push_str(&s);
        }
    }
    out
}

/// Whether str(a) would have more than MAX_STR_DIGITS digits (CPython raises ValueError).
fn bi_too_many_digits(a: &Int) -> bool {
    let b = match a {
        Int::S(_) => return false,
        Int::B(b) => b,
    };
    let nb = mag_bits(&b.mag);
    if nb < 14280 {
        return false; // < 2^14280 < 10^4299
    }
    if nb > 14290 {
        return true; // >= 2^14290 > 10^4301
    }
    TEN_POW_LIMIT.with(|t| {
        let mut t = t.borrow_mut();
        let lim = t.get_or_insert_with(|| {
            let mut p = Sg::new(false, vec![1]);
            let ten = Sg::new(false, vec![10]);
            for _ in 0..MAX_STR_DIGITS {
                p = p.mul(&ten);
            }
            p.mag
        });
        mag_cmp(&b.mag, lim) != Ordering::Less
    })
}

fn str_digits_err(line: u32) -> PyErr {
    value_err(
        &format!(
            "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            MAX_STR_DIGITS
        ),
        line,
    )
}

/// str(a) with CPython's digit limit.
pub fn bi_str(a: &Int, line: u32) -> PyResult<String> {
    if bi_too_many_digits(a) {
        return Err(str_digits_err(line));
    }
    Ok(bi_decimal(a))
}

fn bi_decimal(a: &Int) -> String {
    match a {
        Int::S(v) => v.to_string(),
        Int::B(b) => {
            let d = mag_decimal(&b.mag);
            if b.neg {
                format!("-{}", d)
            } else {
                d
            }
        }
    }
}

impl PyFmt for Int {
    fn fmt_repr(&self, out: &mut String) {
        match self {
            Int::S(v) => push_i64(out, *v),
            Int::B(_) => out.push_str(&bi_decimal(self)),
        }
    }
}

/// The decimal-text limit for values the emitter turns into text (print, str(), f-strings):
/// `check_digits(&v, line)?` walks the ints inside `v`.
pub trait CheckDigits {
    fn check_digits(&self, line: u32) -> PyResult<()>;
}

impl CheckDigits for Int {
    #[cfg_attr(not(portalis_dev), inline)]
    fn check_digits(&self, line: u32) -> PyResult<()> {
        if bi_too_many_digits(self) {
            Err(str_digits_err(line))
        } else {
            Ok(())
        }
    }
}

macro_rules! no_digits {
    ($($t:ty),*) => { $(impl CheckDigits for $t { #[cfg_attr(not(portalis_dev), inline)] fn check_digits(&self, _line: u32) -> PyResult<()> { Ok(()) } })* };
}
no_digits!(f64, bool, String, Str, (), EmptyTuple, PyErr);

impl<T: CheckDigits> CheckDigits for Option<T> {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        match self {
            Some(v) => v.check_digits(line),
            None => Ok(()),
        }
    }
}

impl<T: CheckDigits> CheckDigits for PyList<T> {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        for v in self.0.borrow().iter() {
            v.check_digits(line)?;
        }
        Ok(())
    }
}

impl<T: CheckDigits + Clone + Eq + PyHash> CheckDigits for PySet<T> {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        let n = self.iter_mark();
        let mut p = 0usize;
        while let Some(v) = self.elem_at(&mut p, n, line)? {
            v.check_digits(line)?;
        }
        Ok(())
    }
}

impl<K: CheckDigits + Clone + Eq + Hash, V: CheckDigits + Clone> CheckDigits for PyDict<K, V> {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        let n = self.iter_mark();
        let mut p = 0usize;
        while let Some((k, v)) = self.item_at(&mut p, n, line)? {
            k.check_digits(line)?;
            v.check_digits(line)?;
        }
        Ok(())
    }
}

impl<T: CheckDigits> CheckDigits for DictView<T> {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        self.1.check_digits(line)
    }
}

macro_rules! tuple_digits {
    ($($n:tt $t:ident),+) => {
        impl<$($t: CheckDigits),+> CheckDigits for ($($t,)+) {
            fn check_digits(&self, line: u32) -> PyResult<()> {
                $(self.$n.check_digits(line)?;)+
                Ok(())
            }
        }
    };
}
tuple_digits!(0 A);
tuple_digits!(0 A, 1 B);
tuple_digits!(0 A, 1 B, 2 C);
tuple_digits!(0 A, 1 B, 2 C, 3 D);
tuple_digits!(0 A, 1 B, 2 C, 3 D, 4 E);
tuple_digits!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F);
tuple_digits!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G);
tuple_digits!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H);

/// The digit limit for a value about to become text; returns it unchanged.
#[cfg_attr(not(portalis_dev), inline)]
pub fn check_digits<T: CheckDigits>(v: T, line: u32) -> PyResult<T> {
    v.check_digits(line)?;
    Ok(v)
}

fn mag_radix(mag: &[u32], radix: u32) -> String {
    if mag.is_empty() {
        return "0".to_string();
    }
    let per = match radix {
        2 => 1,
        8 => 3,
        _ => 4,
    };
    let mut digits: Vec<u8> = Vec::new();
    let nb = mag_bits(mag);
    let mut i = 0;
    while i < nb {
        let mut d = 0u32;
        for k in 0..per {
            let bit = i + k;
            if bit < nb && mag[(bit / 32) as usize] >> (bit % 32) & 1 == 1 {
                d |= 1 << k;
            }
        }
        digits.push(b"0123456789abcdef"[d as usize]);
        i += per;
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// hex(a) / oct(a) / bin(a)
pub fn bi_radix_str(a: &Int, radix: u32) -> String {
    let s = a.sg();
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    format!("{}{}{}", if s.neg { "-" } else { "" }, prefix, mag_radix(&s.mag, radix))
}

impl PyFormat for Int {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        if let Int::S(v) = self {
            return v.py_format(spec, line);
        }
        let f = parse_spec(spec, '>', 'd', "int", line)?;
        match f.ty {
            'b' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
            'c' => {
                return Err(PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C long", line));
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
                let x = bi_to_f64(self, line)?;
                let mut out = String::new();
                format_float_with(&mut out, x, &f, line)?;
                return Ok(out);
            }
            t => return Err(unknown_code(t, "int", line)),
        }
        if f.precision != -1 {
            return Err(value_err("Precision not allowed in integer format specifier", line));
        }
        if f.no_neg_0 {
            return Err(value_err("Negative zero coercion (z) not allowed in integer format specifier", line));
        }
        let s = self.sg();
        let (digits, prefix) = match f.ty {
            'b' => (mag_radix(&s.mag, 2), "0b"),
            'o' => (mag_radix(&s.mag, 8), "0o"),
            'x' | 'X' => (mag_radix(&s.mag, 16), "0x"),
            _ => {
                if bi_too_many_digits(self) {
                    return Err(str_digits_err(line));
                }
                (mag_decimal(&s.mag), "")
            }
        };
        let mut out = String::new();
        fill_number(&mut out, &f, s.neg, if f.alt { prefix } else { "" }, digits.as_bytes(), "", f.ty == 'X');
        Ok(out)
    }
}

/// int(s) / int(s, base) for text whose value may not fit 64 bits.
pub fn bi_parse(s: &str, base: i64, line: u32) -> PyResult<Int> {
    match if base == 10 { parse_int(s, line) } else { parse_int_base(s, base, line) } {
        Ok(v) => return Ok(Int::S(v)),
        Err(e) if !e.is_limit() => return Err(e),
        Err(_) => {}
    }
    // valid up to the point where the 64-bit parse overflowed: parse again, fully
    let bad = || invalid_int_literal(base, s, line);
    let ascii;
    let t = if s.is_ascii() { s } else { ascii = ascii_decimal_digits(s); &ascii }.trim_matches(num_space);
    let (neg, mut body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut b = base as u32;
    if base != 10 {
        let lower = body.to_ascii_lowercase();
        for (p, pb) in [("0x", 16u32), ("0o", 8), ("0b", 2)] {
            if lower.starts_with(p) && (b == pb || b == 0) {
                body = &body[2..];
                b = pb;
                body = body.strip_prefix('_').unwrap_or(body);
                break;
            }
        }
        if b == 0 {
            b = 10; // parse_int_base has checked the leading zeros of a base-0 decimal
        }
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return Err(bad());
    }
    let mut digits: Vec<u32> = Vec::with_capacity(body.len());
    for c in body.chars() {
        if c == '_' {
            continue;
        }
        let d = match c.to_digit(b) {
            Some(d) => d,
            None if !c.is_ascii() => decimal_value(c).filter(|&d| d < b).ok_or_else(bad)?,
            None => return Err(bad()),
        };
        digits.push(d);
    }
    if !b.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(value_err(
            &format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                MAX_STR_DIGITS,
                digits.len()
            ),
            line,
        ));
    }
    // accumulate in chunks that fit a u32 multiplier
    let mut per = 1usize;
    let mut mult = b as u64;
    while mult * b as u64 <= u32::MAX as u64 {
        mult *= b as u64;
        per += 1;
    }
    let mut mag: Vec<u32> = Vec::new();
    for chunk in digits.chunks(per) {
        let mut m = 1u64;
        let mut v = 0u64;
        for &d in chunk {
            v = v * b as u64 + d as u64;
            m *= b as u64;
        }
        // mag = mag * m + v
        let mut carry = v;
        for x in mag.iter_mut() {
            let t = *x as u64 * m + carry;
            *x = t as u32;
            carry = t >> 32;
        }
        while carry != 0 {
            mag.push(carry as u32);
            carry >>= 32;
        }
    }
    mag_trim(&mut mag);
    Ok(Int::from_sg(Sg::new(neg, mag)))
}

// ---- builtins and math on ints -----------------------------------------------------------

/// round(a, n) for an int: half to even at 10^-n.
pub fn bi_round_ndigits(a: &Int, n: &Int, line: u32) -> PyResult<Int> {
    if !n.is_negative() {
        return Ok(a.clone());
    }
    let k = match n.to_i64() {
        Some(k) => k.unsigned_abs(),
        None => return Ok(Int::S(0)),
    };
    if a.bits() as f64 * std::f64::consts::LOG10_2 + 1.0 < k as f64 {
        return Ok(Int::S(0));
    }
    let p = bi_pow(&Int::S(10), &Int::S(k as i64), line)?;
    let (q, r) = bi_divmod(a, &p, line)?;
    let twice = bi_mul(&r, &Int::S(2));
    let q = match twice.cmp(&p) {
        Ordering::Greater => bi_add(&q, &Int::S(1)),
        Ordering::Equal if bi_is_odd(&q) => bi_add(&q, &Int::S(1)),
        _ => q,
    };
    Ok(bi_mul(&q, &p))
}

pub fn bi_factorial(n: &Int, line: u32) -> PyResult<Int> {
    if n.is_negative() {
        return Err(value_err("factorial() not defined for negative values", line));
    }
    let n = match n.to_i64() {
        Some(v) => v,
        None => {
            return Err(PyErr::new(&OVERFLOW_ERROR, "factorial() argument should not exceed 9223372036854775807", line))
        }
    };
    // product of a range by halves keeps the operands balanced
    fn prod(lo: i64, hi: i64) -> Sg {
        if hi - lo < 16 {
            let mut r = Sg::new(false, vec![1]);
            let mut acc: u64 = 1;
            for i in lo..=hi {
                match acc.checked_mul(i as u64) {
                    Some(v) if v < 1 << 32 => acc = v,
                    _ => {
                        r = r.mul(&Sg::new(false, mag_from_u64(acc)));
                        acc = i as u64;
                    }
                }
            }
            return r.mul(&Sg::new(false, mag_from_u64(acc)));
        }
        let mid = lo + (hi - lo) / 2;
        prod(lo, mid).mul(&prod(mid + 1, hi))
    }
    if n < 2 {
        return Ok(Int::S(1));
    }
    Ok(Int::from_sg(prod(2, n)))
}

pub fn bi_comb(n: &Int, k: &Int, line: u32) -> PyResult<Int> {
    if n.is_negative() {
        return Err(value_err("n must be a non-negative integer", line));
    }
    if k.is_negative() {
        return Err(value_err("k must be a non-negative integer", line));
    }
    if k > n {
        return Ok(Int::S(0));
    }
    let nk = bi_sub(n, k);
    let k = if nk < *k { nk } else { k.clone() };
    let kk = match k.to_i64() {
        Some(v) => v,
        None => return Err(PyErr::new(&OVERFLOW_ERROR, "min(n - k, k) must not exceed 9223372036854775807", line)),
    };
    let mut r = Int::S(1);
    for i in 0..kk {
        r = bi_mul(&r, &bi_sub(n, &Int::S(i)));
        r = bi_floordiv(&r, &Int::S(i + 1), line)?;
    }
    Ok(r)
}

pub fn bi_gcd(a: &Int, b: &Int) -> Int {
    let (mut x, mut y) = (bi_abs(a), bi_abs(b));
    while !y.is_zero() {
        let r = bi_mod(&x, &y, 0).unwrap_or_default();
        x = std::mem::replace(&mut y, r);
    }
    x
}

pub fn bi_lcm(a: &Int, b: &Int, line: u32) -> PyResult<Int> {
    if a.is_zero() || b.is_zero() {
        return Ok(Int::S(0));
    }
    let g = bi_gcd(a, b);
    Ok(bi_abs(&bi_mul(&bi_floordiv(a, &g, line)?, b)))
}

pub fn bi_isqrt(n: &Int, line: u32) -> PyResult<Int> {
    if n.is_negative() {
        return Err(value_err("isqrt() argument must be nonnegative", line));
    }
    if let Int::S(v) = n {
        return Ok(Int::S(math_isqrt(*v, line)?));
    }
    // Newton from above: x = 2^ceil(bits/2)
    let half = (n.bits() >> 1) + (n.bits() & 1);
    let mut x = bi_lshift(&Int::S(1), &Int::S(half as i64), line)?;
    loop {
        let y = bi_rshift(&bi_add(&x, &bi_floordiv(n, &x, line)?), &Int::S(1), line)?;
        if y >= x {
            return Ok(x);
        }
        x = y;
    }
}

/// math.log/log2/log10 of an int, as CPython's loghelper: func(float(a)) when a converts,
/// else func(x) + func(2.0) * e for a = x * 2^e with x in [0.5, 1) rounded to 53 bits.
fn bi_log_with(a: &Int, func: fn(f64) -> f64, line: u32) -> PyResult<f64> {
    if a.is_negative() || a.is_zero() {
        return Err(math_domain(line));
    }
    match bi_to_f64(a, line) {
        Ok(x) => Ok(func(x)),
        Err(_) => {
            let nb = a.bits();
            let (top, lost) = mag_shr(&a.sg().mag, nb - 55);
            let mut m = top.first().copied().unwrap_or(0) as u64 | (top.get(1).copied().unwrap_or(0) as u64) << 32;
            if lost {
                m |= 1;
            }
            let low = m & 3;
            m >>= 2;
            if low > 2 || (low == 2 && m & 1 == 1) {
                m += 1;
            }
            let mut e = nb as i64;
            let mut x = m as f64 / 9007199254740992.0; // 2^53
            if x == 1.0 {
                x = 0.5;
                e += 1;
            }
            Ok(func(x) + func(2.0) * e as f64)
        }
    }
}

pub fn bi_math_log(a: &Int, line: u32) -> PyResult<f64> {
    bi_log_with(a, f64::ln, line)
}

pub fn bi_math_log2(a: &Int, line: u32) -> PyResult<f64> {
    bi_log_with(a, f64::log2, line)
}

pub fn bi_math_log10(a: &Int, line: u32) -> PyResult<f64> {
    bi_log_with(a, f64::log10, line)
}

/// math.sqrt and the other float functions of an int argument convert it first.
pub fn bi_as_float_arg(a: &Int, line: u32) -> PyResult<f64> {
    bi_to_f64(a, line)
}

/// math.floor / ceil / trunc / round of a float as a Python int (exact, any size).
pub fn bi_math_floor(x: f64, line: u32) -> PyResult<Int> {
    bi_from_f64(x.floor(), line)
}
pub fn bi_math_ceil(x: f64, line: u32) -> PyResult<Int> {
    bi_from_f64(x.ceil(), line)
}
pub fn bi_round_half_even(x: f64, line: u32) -> PyResult<Int> {
    bi_from_f64(round_to_even(x), line)
}

pub fn bi_chr(a: &Int, line: u32) -> PyResult<String> {
    match a.to_i64() {
        Some(v) => py_chr(v, line),
        None => Err(PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C int", line)),
    }
}
