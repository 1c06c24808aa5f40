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
/// A stack buffer for `write!` (the shortest repr of an f64 in `{:e}` form is at most 24 bytes).
struct StackText {
    b: [u8; 40],
    n: usize,
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.n + s.len();
        if end > self.b.len() {
            return Err(std::fmt::Error);
        }
        put_bytes(&mut self.b[self.n..end], s.as_bytes());
        self.n = end;
        Ok(())
    }
}

fn shortest_digits(x: f64) -> (Vec<u8>, i32) {
    use std::fmt::Write;
    let mut buf = StackText { b: [0; 40], n: 0 };
    let owned;
    let s: &str = if write!(buf, "{:e}", x.abs()).is_ok() {
        std::str::from_utf8(&buf.b[..buf.n]).unwrap_or("")
    } else {
        owned = format!("{:e}", x.abs());
        &owned
    };
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

#[cfg_attr(not(portalis_dev), inline)]
pub fn push_float_repr(out: &mut String, x: f64) {
    if !push_float_repr_short(out, x) {
        format_float_short(out, x, b'r', 0, false, true, false, false, false);
    }
}

/// The repr of a float with few decimals (`19.99`, `0.5`, `1500.0`) without the shortest-digits
/// search: the smallest `d` for which the integer `m` nearest to `|x| * 10**d` gives back `x`
/// as `m / 10**d` (exact operands, so the division is correctly rounded) has CPython's digits.
/// While `|x| * 10**d < 2**50` the values that read back as `x` lie within a quarter unit of
/// `|x| * 10**d`, so `m` is the only candidate at that `d`, and a shorter one would have been
/// found at a smaller `d`. `1e-4 <= |x| < 2**50` is where repr uses no exponent. False (nothing
/// written) for everything else.
fn push_float_repr_short(out: &mut String, x: f64) -> bool {
    const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    const LIMIT: f64 = 1125899906842624.0; // 2**50
    let a = x.abs();
    if !(1e-4..LIMIT).contains(&a) {
        return false;
    }
    let mut d = 0usize;
    let m = loop {
        if d == POW10.len() {
            return false;
        }
        let y = a * POW10[d];
        if y >= LIMIT {
            return false;
        }
        let m = (y + 0.5).floor(); // exact: y has at most 3 fraction bits below 2**50
        if m / POW10[d] == a {
            break m as u64;
        }
        d += 1;
    };
    let p = POW10[d] as u64;
    let (int_part, frac) = (m / p, m % p);
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    // fraction digits (d of them, at least one "0")
    let mut f = frac;
    for _ in 0..d.max(1) {
        i -= 1;
        buf[i] = b'0' + (f % 10) as u8;
        f /= 10;
    }
    i -= 1;
    buf[i] = b'.';
    let mut ip = int_part;
    loop {
        i -= 1;
        buf[i] = b'0' + (ip % 10) as u8;
        ip /= 10;
        if ip == 0 {
            break;
        }
    }
    if x < 0.0 {
        i -= 1;
        buf[i] = b'-';
    }
    // SAFETY: ASCII digits, '.' and '-' (`push_text`: fixed-size moves, no `memcpy` call)
    push_text(out, unsafe { std::str::from_utf8_unchecked(&buf[i..]) });
    true
}
