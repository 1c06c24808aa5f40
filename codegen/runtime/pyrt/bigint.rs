// ===================================================================================
// int with arbitrary precision: the big-int build
// ===================================================================================
//
// (This part and bigint_text.rs come last in the crate's one runtime file, src/pyrt.rs.)
//
// A program whose ints outgrow 64 bits is rebuilt with Python's `int` as `Int` and run again
// (codegen/emit.py `big_ints`, portalis/pipeline.py `run_program`). `Int` is an i64 while the
// value fits and a sign plus a magnitude of 32-bit limbs otherwise; every operation follows
// CPython 3.11: floor division, two's-complement bitwise operations on negatives, correctly
// rounded conversions to float (and int / int), exact comparisons with floats, and the
// 4300-digit limit of decimal text.

/// A Python int. Invariant: `B` only holds values that do not fit an i64, so equal values have
/// equal representations (derived equality and hashing are Python's).
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Int {
    S(i64),
    B(Rc<Big>),
}

/// Sign and magnitude (little-endian base-2^32 limbs, no leading zero limb) of an Int that
/// does not fit an i64.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Big {
    neg: bool,
    mag: Vec<u32>,
}

impl Default for Int {
    fn default() -> Int {
        Int::S(0)
    }
}

impl From<i64> for Int {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: i64) -> Int {
        Int::S(v)
    }
}

impl From<bool> for Int {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(v: bool) -> Int {
        Int::S(v as i64)
    }
}

// ---- magnitudes ------------------------------------------------------------------------

fn mag_trim(v: &mut Vec<u32>) {
    while let Some(&0) = v.last() {
        v.pop();
    }
}

fn mag_from_u64(x: u64) -> Vec<u32> {
    let mut v = vec![x as u32, (x >> 32) as u32];
    mag_trim(&mut v);
    v
}

fn mag_cmp(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn mag_add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for i in 0..a.len() {
        let s = a[i] as u64 + if i < b.len() { b[i] as u64 } else { 0 } + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// a - b for a >= b.
fn mag_sub(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = a[i] as i64 - borrow - if i < b.len() { b[i] as i64 } else { 0 };
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        out.push(d as u32);
    }
    mag_trim(&mut out);
    out
}

fn mag_mul_school(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        if x == 0 {
            continue;
        }
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x as u64 * y as u64 + out[i + j] as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = out[k] as u64 + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    mag_trim(&mut out);
    out
}

const KARATSUBA_LIMBS: usize = 48;

/// Product of two magnitudes: schoolbook, Karatsuba for long operands of similar size.
fn mag_mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.len() < KARATSUBA_LIMBS {
        return mag_mul_school(a, b);
    }
    if a.len() >= 2 * b.len() {
        // unbalanced: multiply b by slices of a
        let mut out: Vec<u32> = Vec::new();
        let mut off = 0;
        while off < a.len() {
            let end = (off + b.len()).min(a.len());
            let mut chunk = a[off..end].to_vec();
            mag_trim(&mut chunk);
            let p = mag_mul(&chunk, b);
            out = mag_add(&out, &mag_shl_limbs(&p, off));
            off = end;
        }
        mag_trim(&mut out);
        return out;
    }
    let h = b.len() / 2;
    let split = |x: &[u32]| -> (Vec<u32>, Vec<u32>) {
        let mut lo = x[..h.min(x.len())].to_vec();
        mag_trim(&mut lo);
        let hi = if x.len() > h { x[h..].to_vec() } else { Vec::new() };
        (lo, hi)
    };
    let (a0, a1) = split(a);
    let (b0, b1) = split(b);
    let z0 = mag_mul(&a0, &b0);
    let z2 = mag_mul(&a1, &b1);
    let z1 = mag_sub(&mag_sub(&mag_mul(&mag_add(&a0, &a1), &mag_add(&b0, &b1)), &z0), &z2);
    let mut out = mag_add(&mag_add(&z0, &mag_shl_limbs(&z1, h)), &mag_shl_limbs(&z2, 2 * h));
    mag_trim(&mut out);
    out
}

fn mag_shl_limbs(a: &[u32], n: usize) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    // room for all of it first: `vec![0; n]` then extending reallocated, to twice the size
    let mut v = Vec::with_capacity(n + a.len());
    v.resize(n, 0);
    v.extend_from_slice(a);
    v
}

fn mag_divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut q = vec![0u32; a.len()];
    let mut rem = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (rem << 32) | a[i] as u64;
        q[i] = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    mag_trim(&mut q);
    (q, rem as u32)
}

fn mag_shl(a: &[u32], bits: u64) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let words = (bits / 32) as usize;
    let r = (bits % 32) as u32;
    let mut out = Vec::with_capacity(words + a.len() + 1); // as in mag_shl_limbs
    out.resize(words, 0);
    if r == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push((x << r) | carry);
            carry = x >> (32 - r);
        }
        if carry != 0 {
            out.push(carry);
        }
    }
    out
}

/// (a >> bits, whether any 1 bit was shifted out).
fn mag_shr(a: &[u32], bits: u64) -> (Vec<u32>, bool) {
    let words = (bits / 32) as usize;
    if words >= a.len() {
        return (Vec::new(), !a.is_empty());
    }
    let r = (bits % 32) as u32;
    let mut lost = a[..words].iter().any(|&x| x != 0);
    let src = &a[words..];
    let mut out = Vec::with_capacity(src.len());
    if r == 0 {
        out.extend_from_slice(src);
    } else {
        lost |= src[0] & ((1u32 << r) - 1) != 0;
        for i in 0..src.len() {
            let hi = if i + 1 < src.len() { src[i + 1] << (32 - r) } else { 0 };
            out.push((src[i] >> r) | hi);
        }
    }
    mag_trim(&mut out);
    (out, lost)
}

fn mag_bits(a: &[u32]) -> u64 {
    match a.last() {
        None => 0,
        Some(&top) => (a.len() as u64 - 1) * 32 + (32 - top.leading_zeros() as u64),
    }
}

/// (a / b, a % b) for b != 0 (Knuth, TAOCP vol. 2, 4.3.1, algorithm D).
fn mag_divmod(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if mag_cmp(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = mag_divmod_small(a, b[0]);
        return (q, if r == 0 { Vec::new() } else { vec![r] });
    }
    let s = b[b.len() - 1].leading_zeros() as u64;
    let v = mag_shl(b, s);
    let mut u = mag_shl(a, s);
    if u.len() == a.len() {
        u.push(0);
    }
    let n = v.len();
    let m = u.len() - n;
    let mut q = vec![0u32; m];
    let vtop = v[n - 1] as u64;
    let vnext = v[n - 2] as u64;
    for j in (0..m).rev() {
        let num = ((u[j + n] as u64) << 32) | u[j + n - 1] as u64;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= 1 << 32 || qhat * vnext > ((rhat << 32) | u[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= 1 << 32 {
                break;
            }
        }
        // u[j..j+n+1] -= qhat * v
        let mut borrow: i64 = 0;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * v[i] as u64 + carry;
            carry = p >> 32;
            let t = u[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            u[i + j] = t as u32;
            borrow = if t < 0 { 1 } else { 0 };
        }
        let t = u[j + n] as i64 - borrow - carry as i64;
        u[j + n] = t as u32;
        if t < 0 {
            // qhat was one too large: add v back
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = u[i + j] as u64 + v[i] as u64 + c;
                u[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    mag_trim(&mut q);
    u.truncate(n);
    mag_trim(&mut u);
    let (r, _) = mag_shr(&u, s);
    (q, r)
}

// ---- signed values ---------------------------------------------------------------------

/// A signed working value (zero: empty magnitude, not negative).
struct Sg {
    neg: bool,
    mag: Vec<u32>,
}

impl Sg {
    fn new(neg: bool, mag: Vec<u32>) -> Sg {
        let neg = neg && !mag.is_empty();
        Sg { neg, mag }
    }
    fn add(&self, o: &Sg) -> Sg {
        if self.neg == o.neg {
            return Sg::new(self.neg, mag_add(&self.mag, &o.mag));
        }
        match mag_cmp(&self.mag, &o.mag) {
            Ordering::Equal => Sg::new(false, Vec::new()),
            Ordering::Greater => Sg::new(self.neg, mag_sub(&self.mag, &o.mag)),
            Ordering::Less => Sg::new(o.neg, mag_sub(&o.mag, &self.mag)),
        }
    }
    fn neg(&self) -> Sg {
        Sg::new(!self.neg, self.mag.clone())
    }
    fn mul(&self, o: &Sg) -> Sg {
        Sg::new(self.neg != o.neg, mag_mul(&self.mag, &o.mag))
    }
    /// Floor division and modulo (o != 0).
    fn floor_divmod(&self, o: &Sg) -> (Sg, Sg) {
        let (q, r) = mag_divmod(&self.mag, &o.mag);
        let q = Sg::new(self.neg != o.neg, q);
        let r = Sg::new(self.neg, r);
        if !r.mag.is_empty() && r.neg != o.neg {
            // floor: q - 1, r + o
            (q.add(&Sg::new(true, vec![1])), r.add(o))
        } else {
            (q, r)
        }
    }
    /// Two's-complement limbs of the value, `n` limbs wide (enough to hold the sign).
    fn twos(&self, n: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(n, 0);
        if self.neg {
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let t = (!*x) as u64 + carry;
                *x = t as u32;
                carry = t >> 32;
            }
        }
        v
    }
    fn from_twos(mut v: Vec<u32>) -> Sg {
        let neg = matches!(v.last(), Some(&t) if t & 0x8000_0000 != 0);
        if neg {
            let mut carry = 1u64;
            for x in v.iter_mut() {
                let t = (!*x) as u64 + carry;
                *x = t as u32;
                carry = t >> 32;
            }
        }
        mag_trim(&mut v);
        Sg::new(neg, v)
    }
}

impl Int {
    fn sg(&self) -> Sg {
        match self {
            Int::S(v) => Sg::new(*v < 0, mag_from_u64(v.unsigned_abs())),
            Int::B(b) => Sg { neg: b.neg, mag: b.mag.clone() },
        }
    }

    fn from_sg(s: Sg) -> Int {
        if s.mag.len() <= 2 {
            let u = s.mag.first().copied().unwrap_or(0) as u64 | (s.mag.get(1).copied().unwrap_or(0) as u64) << 32;
            if !s.neg && u <= i64::MAX as u64 {
                return Int::S(u as i64);
            }
            if s.neg && u <= 1u64 << 63 {
                return Int::S((u as i64).wrapping_neg());
            }
        }
        Int::B(Rc::new(Big { neg: s.neg, mag: s.mag }))
    }

    /// The value as an i64, if it fits.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::S(v) => Some(*v),
            Int::B(_) => None,
        }
    }

    #[cfg_attr(not(portalis_dev), inline)]
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::S(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::S(v) => *v < 0,
            Int::B(b) => b.neg,
        }
    }

    fn bits(&self) -> u64 {
        match self {
            Int::S(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
            Int::B(b) => mag_bits(&b.mag),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, o: &Int) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Int {
    fn cmp(&self, o: &Int) -> Ordering {
        match (self, o) {
            (Int::S(a), Int::S(b)) => a.cmp(b),
            _ => {
                let (a, b) = (self.sg(), o.sg());
                match (a.neg, b.neg) {
                    (false, true) => Ordering::Greater,
                    (true, false) => Ordering::Less,
                    (false, false) => mag_cmp(&a.mag, &b.mag),
                    (true, true) => mag_cmp(&b.mag, &a.mag),
                }
            }
        }
    }
}

// ---- arithmetic (Python semantics) -------------------------------------------------------

#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_add(a: &Int, b: &Int) -> Int {
    if let (Int::S(x), Int::S(y)) = (a, b) {
        if let Some(v) = x.checked_add(*y) {
            return Int::S(v);
        }
    }
    Int::from_sg(a.sg().add(&b.sg()))
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_sub(a: &Int, b: &Int) -> Int {
    if let (Int::S(x), Int::S(y)) = (a, b) {
        if let Some(v) = x.checked_sub(*y) {
            return Int::S(v);
        }
    }
    Int::from_sg(a.sg().add(&b.sg().neg()))
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_mul(a: &Int, b: &Int) -> Int {
    if let (Int::S(x), Int::S(y)) = (a, b) {
        if let Some(v) = x.checked_mul(*y) {
            return Int::S(v);
        }
    }
    Int::from_sg(a.sg().mul(&b.sg()))
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_neg(a: &Int) -> Int {
    if let Int::S(x) = a {
        if let Some(v) = x.checked_neg() {
            return Int::S(v);
        }
    }
    Int::from_sg(a.sg().neg())
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_abs(a: &Int) -> Int {
    if a.is_negative() {
        bi_neg(a)
    } else {
        a.clone()
    }
}

pub fn bi_divmod(a: &Int, b: &Int, line: u32) -> PyResult<(Int, Int)> {
    if b.is_zero() {
        return Err(zero_div_err("integer division or modulo by zero", line));
    }
    if let (Int::S(x), Int::S(y)) = (a, b) {
        if !(*x == i64::MIN && *y == -1) {
            return Ok((Int::S(int_floordiv(*x, *y, line)?), Int::S(int_mod(*x, *y, line)?)));
        }
    }
    let (q, r) = a.sg().floor_divmod(&b.sg());
    Ok((Int::from_sg(q), Int::from_sg(r)))
}

pub fn bi_floordiv(a: &Int, b: &Int, line: u32) -> PyResult<Int> {
    if let (Int::S(x), Int::S(y)) = (a, b) {
        if *y != 0 && !(*x == i64::MIN && *y == -1) {
            return Ok(Int::S(int_floordiv(*x, *y, line)?));
        }
    }
    Ok(bi_divmod(a, b, line)?.0)
}

pub fn bi_mod(a: &Int, b: &Int, line: u32) -> PyResult<Int> {
    if b.is_zero() {
        return Err(zero_div_err("integer modulo by zero", line));
    }
    if let (Int::S(x), Int::S(y)) = (a, b) {
        return Ok(Int::S(int_mod(*x, *y, line)?));
    }
    Ok(bi_divmod(a, b, line)?.1)
}

/// a ** b for b >= 0 (a negative exponent stops as in the 64-bit build: the result would be
/// a float, which this int expression cannot hold).
pub fn bi_pow(a: &Int, b: &Int, line: u32) -> PyResult<Int> {
    if b.is_negative() {
        return Err(limit_err("int ** negative int: Python gives a float here, which this int expression cannot hold; use a float base (2.0 ** n)", line));
    }
    if let Int::S(x) = a {
        match *x {
            0 => return Ok(Int::S(if b.is_zero() { 1 } else { 0 })),
            1 => return Ok(Int::S(1)),
            -1 => return Ok(Int::S(if bi_is_odd(b) { -1 } else { 1 })),
            _ => {}
        }
    }
    let e = match b.to_i64() {
        Some(e) => e as u64,
        None => return Err(PyErr::new(&MEMORY_ERROR, "", line)),
    };
    if e == 0 {
        return Ok(Int::S(1));
    }
    if let (Int::S(x), true) = (a, e < 64) {
        if let Some(v) = x.checked_pow(e as u32) {
            return Ok(Int::S(v));
        }
    }
    if a.bits().saturating_mul(e) > (1u64 << 36) {
        return Err(PyErr::new(&MEMORY_ERROR, "", line));
    }
    let base = a.sg();
    if base.mag.iter().map(|x| x.count_ones()).sum::<u32>() == 1 {
        // |a| = 2**k: one shift. CPython squares; the value is the same, and the squarings'
        // temporaries took `2 ** 62 ** 5` (114 MB) past the 512 MB memory limit
        let k = mag_bits(&base.mag) - 1;
        return Ok(Int::from_sg(Sg::new(base.neg && e & 1 == 1, mag_shl(&[1], k * e))));
    }
    let mut result = Sg::new(false, vec![1]);
    let mut bit = 63 - e.leading_zeros();
    loop {
        if e >> bit & 1 == 1 {
            result = result.mul(&base);
        }
        if bit == 0 {
            break;
        }
        bit -= 1;
        result = result.mul(&result);
    }
    Ok(Int::from_sg(result))
}

fn bi_is_odd(a: &Int) -> bool {
    match a {
        Int::S(v) => v & 1 == 1,
        Int::B(b) => b.mag[0] & 1 == 1,
    }
}

/// pow(a, b, m) (a negative b uses the inverse of a modulo m, Python 3.8+).
pub fn bi_pow_mod(a: &Int, b: &Int, m: &Int, line: u32) -> PyResult<Int> {
    if let (Some(x), Some(y), Some(z)) = (a.to_i64(), b.to_i64(), m.to_i64()) {
        if z.unsigned_abs() < (1u64 << 62) {
            return Ok(Int::S(int_pow_mod(x, y, z, line)?));
        }
    }
    if m.is_zero() {
        return Err(PyErr::new(&VALUE_ERROR, "pow() 3rd argument cannot be 0", line));
    }
    let mut base = bi_mod(a, m, line)?;
    let mut e = b.clone();
    if e.is_negative() {
        base = match bi_mod_inverse(&base, m) {
            Some(inv) => inv,
            None => return Err(value_err("base is not invertible for the given modulus", line)),
        };
        e = bi_neg(&e);
    }
    let mut r = bi_mod(&Int::S(1), m, line)?;
    let eb = e.sg();
    let nbits = mag_bits(&eb.mag);
    for i in 0..nbits {
        if eb.mag[(i / 32) as usize] >> (i % 32) & 1 == 1 {
            r = bi_mod(&bi_mul(&r, &base), m, line)?;
        }
        if i + 1 < nbits {
            base = bi_mod(&bi_mul(&base, &base), m, line)?;
        }
    }
    Ok(r)
}

/// The inverse of a modulo m (a already reduced modulo m), if gcd(a, m) == 1.
fn bi_mod_inverse(a: &Int, m: &Int) -> Option<Int> {
    let mm = bi_abs(m);
    let (mut r0, mut r1) = (bi_mod(a, &mm, 0).ok()?, mm.clone());
    let (mut s0, mut s1) = (Int::S(1), Int::S(0));
    while !r1.is_zero() {
        let (q, r) = bi_divmod(&r0, &r1, 0).ok()?;
        r0 = std::mem::replace(&mut r1, r);
        let s = bi_sub(&s0, &bi_mul(&q, &s1));
        s0 = std::mem::replace(&mut s1, s);
    }
    if r0 != Int::S(1) {
        return if mm == Int::S(1) { Some(Int::S(0)) } else { None };
    }
    bi_mod(&s0, m, 0).ok()
}

pub fn bi_lshift(a: &Int, b: &Int, line: u32) -> PyResult<Int> {
    if b.is_negative() {
        return Err(value_err("negative shift count", line));
    }
    if a.is_zero() {
        return Ok(Int::S(0));
    }
    let n = match b.to_i64() {
        Some(n) if n as u64 <= 1u64 << 36 => n as u64,
        Some(_) => return Err(PyErr::new(&MEMORY_ERROR, "", line)),
        None => return Err(PyErr::new(&OVERFLOW_ERROR, "too many digits in integer", line)),
    };
    if let Int::S(x) = a {
        if n < 63 && (x << n) >> n == *x {
            return Ok(Int::S(x << n));
        }
    }
    let s = a.sg();
    Ok(Int::from_sg(Sg::new(s.neg, mag_shl(&s.mag, n))))
}

pub fn bi_rshift(a: &Int, b: &Int, line: u32) -> PyResult<Int> {
    if b.is_negative() {
        return Err(value_err("negative shift count", line));
    }
    let n = match b.to_i64() {
        Some(n) => n as u64,
        None => return Ok(Int::S(if a.is_negative() { -1 } else { 0 })),
    };
    if let Int::S(x) = a {
        return Ok(Int::S(if n >= 64 { if *x < 0 { -1 } else { 0 } } else { x >> n }));
    }
    let s = a.sg();
    let (m, lost) = mag_shr(&s.mag, n);
    let q = Sg::new(s.neg, m);
    // floor for negatives: -(|a| >> n) - 1 when bits were lost
    Ok(Int::from_sg(if s.neg && lost { q.add(&Sg::new(true, vec![1])) } else { q }))
}

fn bi_bitwise(a: &Int, b: &Int, f: impl Fn(u32, u32) -> u32) -> Int {
    let (x, y) = (a.sg(), b.sg());
    let n = x.mag.len().max(y.mag.len()) + 1;
    let (tx, ty) = (x.twos(n), y.twos(n));
    Int::from_sg(Sg::from_twos(tx.iter().zip(ty.iter()).map(|(&p, &q)| f(p, q)).collect()))
}

pub fn bi_and(a: &Int, b: &Int) -> Int {
    if let (Int::S(x), Int::S(y)) = (a, b) {
        return Int::S(x & y);
    }
    bi_bitwise(a, b, |p, q| p & q)
}

pub fn bi_or(a: &Int, b: &Int) -> Int {
    if let (Int::S(x), Int::S(y)) = (a, b) {
        return Int::S(x | y);
    }
    bi_bitwise(a, b, |p, q| p | q)
}

pub fn bi_xor(a: &Int, b: &Int) -> Int {
    if let (Int::S(x), Int::S(y)) = (a, b) {
        return Int::S(x ^ y);
    }
    bi_bitwise(a, b, |p, q| p ^ q)
}

/// ~a == -a - 1
pub fn bi_invert(a: &Int) -> Int {
    if let Int::S(x) = a {
        return Int::S(!x);
    }
    bi_sub(&bi_neg(a), &Int::S(1))
}

// ---- floats ----------------------------------------------------------------------------

/// float(a), correctly rounded (half to even); OverflowError past the float range.
pub fn bi_to_f64(a: &Int, line: u32) -> PyResult<f64> {
    if let Int::S(v) = a {
        return Ok(*v as f64);
    }
    let s = a.sg();
    let nb = mag_bits(&s.mag);
    if nb > 1024 {
        return Err(PyErr::new(&OVERFLOW_ERROR, "int too large to convert to float", line));
    }
    // keep 55 bits (53 + guard + round position), the rest as a sticky bit
    let shift = nb - 55;
    let (top, lost) = mag_shr(&s.mag, shift);
    let mut m = top.first().copied().unwrap_or(0) as u64 | (top.get(1).copied().unwrap_or(0) as u64) << 32;
    if lost {
        m |= 1;
    }
    // round m (55 bits) to 53 bits, half to even
    let low = m & 3;
    m >>= 2;
    if low > 2 || (low == 2 && m & 1 == 1) {
        m += 1;
    }
    let exp = shift as i32 + 2;
    let v = ldexp(m as f64, exp);
    if v.is_infinite() {
        return Err(PyErr::new(&OVERFLOW_ERROR, "int too large to convert to float", line));
    }
    Ok(if s.neg { -v } else { v })
}

/// int(x) for a float (truncates); exact for every finite float.
/// `int_to_f64_exact` for the big-int build.
pub fn bi_to_f64_exact(a: &Int, line: u32) -> PyResult<f64> {
    let f = bi_to_f64(a, line)?;
    if !bi_cmp_float_eq(a, f) {
        return Err(int_to_f64_inexact(line));
    }
    Ok(f)
}

pub fn bi_from_f64(x: f64, line: u32) -> PyResult<Int> {
    if x.is_nan() {
        return Err(value_err("cannot convert float NaN to integer", line));
    }
    if x.is_infinite() {
        return Err(PyErr::new(&OVERFLOW_ERROR, "cannot convert float infinity to integer", line));
    }
    let t = x.trunc();
    if (-9223372036854775808.0..9223372036854775808.0).contains(&t) {
        return Ok(Int::S(t as i64));
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    // |t| >= 2^63 here, so exp > 0
    Ok(Int::from_sg(Sg::new(t < 0.0, mag_shl(&mag_from_u64(mant), exp as u64))))
}

/// a / b, correctly rounded (CPython's long_true_divide).
pub fn bi_truediv(a: &Int, b: &Int, line: u32) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_div_err("division by zero", line));
    }
    if let (Int::S(x), Int::S(y)) = (a, b) {
        return int_truediv(*x, *y, line);
    }
    let (x, y) = (a.sg(), b.sg());
    let neg = x.neg != y.neg;
    if x.mag.is_empty() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    let (xb, yb) = (mag_bits(&x.mag) as i64, mag_bits(&y.mag) as i64);
    let diff = xb - yb;
    let too_large = || PyErr::new(&OVERFLOW_ERROR, "integer division result too large for a float", line);
    if diff > MAX_EXP {
        return Err(too_large());
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    // the quotient, shifted to MANT + 2 bits (fewer for a subnormal result)
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let (num, mut inexact) = if shift < 0 {
        (mag_shl(&x.mag, (-shift) as u64), false)
    } else {
        mag_shr(&x.mag, shift as u64)
    };
    let (q, r) = mag_divmod(&num, &y.mag);
    inexact |= !r.is_empty();
    let mut qv = q.first().copied().unwrap_or(0) as u64 | (q.get(1).copied().unwrap_or(0) as u64) << 32;
    let qbits = 64 - qv.leading_zeros() as i64;
    let extra = qbits.max(MIN_EXP - shift) - MANT;
    // round to a multiple of 2^extra, half to even, with `inexact` as the sticky bit
    let mask = (1u64 << extra) - 1;
    let low = qv & mask;
    let half = 1u64 << (extra - 1);
    qv &= !mask;
    if low > half || (low == half && (inexact || qv & (1u64 << extra) != 0)) {
        qv += 1u64 << extra;
    }
    let rbits = 64 - qv.leading_zeros() as i64;
    if shift + rbits > MAX_EXP {
        return Err(too_large());
    }
    let v = ldexp(qv as f64, shift as i32);
    Ok(if neg { -v } else { v })
}

/// x * 2^e, exact when the result is representable (two steps keep a subnormal result from
/// passing through a power of two that underflows).
fn ldexp(x: f64, e: i32) -> f64 {
    let h = e / 2;
    x * 2f64.powi(h) * 2f64.powi(e - h)
}

/// Compare an int with a float exactly (None when the float is NaN).
pub fn bi_cmp_float(a: &Int, f: f64) -> Option<Ordering> {
    if let Int::S(v) = a {
        return cmp_int_float(*v, f);
    }
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fi = bi_from_f64(fl, 0).ok()?;
    match a.cmp(&fi) {
        Ordering::Equal if f != fl => Some(Ordering::Less),
        o => Some(o),
    }
}

pub fn bi_cmp_float_lt(a: &Int, f: f64) -> bool {
    bi_cmp_float(a, f) == Some(Ordering::Less)
}
pub fn bi_cmp_float_le(a: &Int, f: f64) -> bool {
    matches!(bi_cmp_float(a, f), Some(Ordering::Less) | Some(Ordering::Equal))
}
pub fn bi_cmp_float_gt(a: &Int, f: f64) -> bool {
    bi_cmp_float(a, f) == Some(Ordering::Greater)
}
pub fn bi_cmp_float_ge(a: &Int, f: f64) -> bool {
    matches!(bi_cmp_float(a, f), Some(Ordering::Greater) | Some(Ordering::Equal))
}
pub fn bi_cmp_float_eq(a: &Int, f: f64) -> bool {
    bi_cmp_float(a, f) == Some(Ordering::Equal)
}

// ---- sizes and indices -----------------------------------------------------------------

/// An int used as an index (`xs[i]`, `s[i]`): IndexError when it cannot be one.
#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_index(a: &Int, line: u32) -> PyResult<i64> {
    match a {
        Int::S(v) => Ok(*v),
        Int::B(_) => Err(PyErr::new(&INDEX_ERROR, "cannot fit 'int' into an index-sized integer", line)),
    }
}

/// An int used as a size or position (`s * n`, `range(n)`, slice bounds, `str.ljust(n)`, ...):
/// OverflowError when it does not fit, as CPython's index-sized integers.
#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_size(a: &Int, line: u32) -> PyResult<i64> {
    match a {
        Int::S(v) => Ok(*v),
        Int::B(_) => Err(PyErr::new(&OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer", line)),
    }
}

/// What a user `__len__` returned, checked as CPython's len() and truth test check it:
/// ValueError below 0 (checked first), OverflowError past 64 bits.
pub fn bi_len_check(a: &Int, line: u32) -> PyResult<Int> {
    if a.is_negative() {
        return Err(value_err("__len__() should return >= 0", line));
    }
    Ok(Int::S(bi_size(a, line)?))
}

/// An int CPython converts to a Py_ssize_t argument (list.pop/insert positions, str.split's
/// maxsplit, widths of ljust/center/zfill, replace's count): OverflowError when it does not fit.
#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_ssize(a: &Int, line: u32) -> PyResult<i64> {
    match a {
        Int::S(v) => Ok(*v),
        Int::B(_) => Err(ssize_overflow(line)),
    }
}

/// sys.exit(n) with a big n: CPython cannot make a C long of it and exits with -1 (255).
#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_exit_code(a: &Int) -> i64 {
    a.to_i64().unwrap_or(-1)
}

/// Slice bounds and optional positions: None stays None.
#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_size_opt(a: &Option<Int>, line: u32) -> PyResult<Option<i64>> {
    match a {
        None => Ok(None),
        // a slice bound past the i64 range clamps like CPython's (it is past any length)
        Some(Int::B(b)) => Ok(Some(if b.neg { i64::MIN } else { i64::MAX })),
        Some(Int::S(v)) => {
            let _ = line;
            Ok(Some(*v))
        }
    }
}

/// range() in the big-int build: an i64 `PyRange` while the bounds fit (the common case, as
/// fast as the 64-bit build's), else Int arithmetic; yields `Int`s.
pub enum BigRange {
    Small(PyRange),
    Big { start: Int, stop: Int, step: Int, cur: Int },
}

pub fn bi_range(start: &Int, stop: &Int, step: &Int, line: u32) -> PyResult<BigRange> {
    if step.is_zero() {
        return Err(value_err("range() arg 3 must not be zero", line));
    }
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return Ok(BigRange::Small(py_range(a, b, c, line)?));
    }
    Ok(BigRange::Big { start: start.clone(), stop: stop.clone(), step: step.clone(), cur: start.clone() })
}

impl Iterator for BigRange {
    type Item = Int;
    #[cfg_attr(not(portalis_dev), inline)]
    fn next(&mut self) -> Option<Int> {
        match self {
            BigRange::Small(r) => r.next().map(Int::S),
            BigRange::Big { stop, step, cur, .. } => {
                let more = if step.is_negative() { *cur > *stop } else { *cur < *stop };
                if !more {
                    return None;
                }
                let v = cur.clone();
                *cur = bi_add(cur, step);
                Some(v)
            }
        }
    }
}

/// The number of items of range(start, stop, step) (step != 0), as an Int.
fn bi_range_count(start: &Int, stop: &Int, step: &Int) -> Int {
    // CPython: (stop - start - 1) // step + 1 for step > 0 and start < stop (mirrored for < 0)
    let (lo, hi, st) = if step.is_negative() { (stop, start, bi_neg(step)) } else { (start, stop, step.clone()) };
    if lo >= hi {
        return Int::S(0);
    }
    let span = bi_sub(&bi_sub(hi, lo), &Int::S(1));
    bi_add(&bi_floordiv(&span, &st, 0).unwrap_or_default(), &Int::S(1))
}

/// len(range(...)) of any bounds: OverflowError past 2**63 - 1 items (CPython's Py_ssize_t).
pub fn bi_range_len(start: &Int, stop: &Int, step: &Int, line: u32) -> PyResult<Int> {
    if step.is_zero() {
        return Err(value_err("range() arg 3 must not be zero", line));
    }
    let n = bi_range_count(start, stop, step);
    match n {
        Int::S(_) => Ok(n),
        Int::B(_) => Err(ssize_overflow(line)),
    }
}

/// `x in range(start, stop, step)` for ints of any size, in O(1) like CPython.
pub fn bi_range_contains(start: &Int, stop: &Int, step: &Int, x: &Int, line: u32) -> PyResult<bool> {
    if step.is_zero() {
        return Err(value_err("range() arg 3 must not be zero", line));
    }
    let inside = if step.is_negative() { x <= start && x > stop } else { x >= start && x < stop };
    Ok(inside && bi_mod(&bi_sub(x, start), step, line)?.is_zero())
}

impl PyFmt for BigRange {
    fn fmt_repr(&self, out: &mut String) {
        match self {
            BigRange::Small(r) => r.fmt_repr(out),
            BigRange::Big { start, stop, step, .. } => {
                out.push_str("range(");
                start.fmt_repr(out);
                out.push_str(", ");
                stop.fmt_repr(out);
                if *step != Int::S(1) {
                    out.push_str(", ");
                    step.fmt_repr(out);
                }
                out.push(')');
            }
        }
    }
}

/// int.bit_length(): the bits of |a|.
pub fn bi_bit_length(a: &Int) -> Int {
    match a {
        Int::S(v) => Int::S(int_bit_length(*v)),
        Int::B(b) => {
            let top = *b.mag.last().unwrap_or(&0);
            Int::S((b.mag.len() as i64 - 1) * 32 + (32 - top.leading_zeros()) as i64)
        }
    }
}

/// int.bit_count(): the one bits of |a|.
pub fn bi_bit_count(a: &Int) -> Int {
    match a {
        Int::S(v) => Int::S(int_bit_count(*v)),
        Int::B(b) => Int::S(b.mag.iter().map(|d| d.count_ones() as i64).sum()),
    }
}

/// An int CPython clamps to the index range (round(x, n) digits, an int() base).
#[cfg_attr(not(portalis_dev), inline)]
pub fn bi_clamp_i64(a: &Int) -> i64 {
    match a {
        Int::S(v) => *v,
        Int::B(b) => {
            if b.neg {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    }
}

impl HasNan for Int {
    fn has_nan(&self) -> bool {
        false
    }
}
