// ===================================================================================
// Sorting by int keys: a stable radix sort (list.sort / sorted with int keys)
// ===================================================================================

// Sorting 64-bit ints needs no comparisons: a least-significant-digit radix sort moves every item
// once per digit of up to 11 bits in which the keys differ (one pass for keys within a range of
// 2048, two within 2**22), where std sorts compare n log n times. Each pass is stable, so equal keys keep their order: CPython's result.

/// A sort key made of 64-bit ints: an int, or a tuple of two or three (compared item by item).
pub trait RadixKey: Copy {
    const WORDS: usize;
    fn word(&self, w: usize) -> i64;
}
impl RadixKey for i64 {
    const WORDS: usize = 1;
    #[inline(always)]
    fn word(&self, _w: usize) -> i64 {
        *self
    }
}
impl RadixKey for (i64, i64) {
    const WORDS: usize = 2;
    #[inline(always)]
    fn word(&self, w: usize) -> i64 {
        if w == 0 {
            self.0
        } else {
            self.1
        }
    }
}
impl RadixKey for (i64, i64, i64) {
    const WORDS: usize = 3;
    #[inline(always)]
    fn word(&self, w: usize) -> i64 {
        if w == 0 {
            self.0
        } else if w == 1 {
            self.1
        } else {
            self.2
        }
    }
}

const RADIX_BITS: u32 = 11;
const RADIX_SIZE: usize = 1 << RADIX_BITS;

/// Stable sort of `v` by `key` (descending with `rev`). Each word of the key is taken as its
/// distance from the smallest (largest, descending) of its column, so keys in a small range
/// need few passes, negative ones included; then one counting pass per digit, from the last
/// word's lowest digit to the first word's highest, skipping the digits all keys share.
fn radix_sort<E: Copy, K: RadixKey>(v: Vec<E>, key: impl Fn(&E) -> K, rev: bool) -> Vec<E> {
    let n = v.len();
    if n < 2 {
        return v;
    }
    let mut lo = [i64::MAX; 3];
    let mut hi = [i64::MIN; 3];
    for e in v.iter() {
        let k = key(e);
        for w in 0..K::WORDS {
            lo[w] = lo[w].min(k.word(w));
            hi[w] = hi[w].max(k.word(w));
        }
    }
    // the distance from the column's smallest (`k - lo`), or descending from its largest
    // (`hi - k`, which is `!k - !hi`): one xor and one subtraction, no branch
    let mut flip = [0u64; 3];
    let mut base = [0u64; 3];
    for w in 0..K::WORDS {
        if rev {
            flip[w] = !0;
            base[w] = !(hi[w] as u64);
        } else {
            base[w] = lo[w] as u64;
        }
    }
    let norm = |k: &K, w: usize| -> u64 { ((k.word(w) as u64) ^ flip[w]).wrapping_sub(base[w]) };
    if n < 64 {
        let mut v = v;
        v.sort_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            (0..K::WORDS).map(|w| norm(&ka, w).cmp(&norm(&kb, w))).find(|o| o.is_ne()).unwrap_or(Ordering::Equal)
        });
        return v;
    }
    // a word's distances are at most its column's span: the bits above the span's are zero. The
    // rest is sorted in as few digits of at most 11 bits as it takes (2048 counters stay in the
    // L1 cache): a key below 2048 takes one pass, one below 2**22 two
    let mut passes = [0u32; 3];
    let mut width = [0u32; 3];
    for w in 0..K::WORDS {
        let span = (hi[w] as u64).wrapping_sub(lo[w] as u64);
        let bits = 64 - span.leading_zeros();
        // the fewest digits and then the narrowest that cover the bits (by counting: div_ceil is
        // newer than rustc 1.63, and clippy asks for it)
        while passes[w] * RADIX_BITS < bits {
            passes[w] += 1;
        }
        while width[w] * passes[w] < bits {
            width[w] += 1;
        }
    }
    let slots: usize = (0..K::WORDS).map(|w| passes[w] as usize).sum();
    let mut counts = vec![[0usize; RADIX_SIZE]; slots];
    for e in v.iter() {
        let k = key(e);
        let mut slot = 0;
        for w in 0..K::WORDS {
            let u = norm(&k, w);
            let mask = (1u64 << width[w]) - 1;
            for d in 0..passes[w] {
                counts[slot][((u >> (width[w] * d)) & mask) as usize & (RADIX_SIZE - 1)] += 1;
                slot += 1;
            }
        }
    }
    let mut src = v;
    let mut dst: Vec<E> = vec![src[0]; n];
    let mut first = slots; // the word's first digit's counts (its lowest digit's)
    for w in (0..K::WORDS).rev() {
        first -= passes[w] as usize;
        for d in 0..passes[w] {
            let c = &counts[first + d as usize];
            if c.contains(&n) {
                continue; // every key has the same digit here
            }
            let mut pos = [0usize; RADIX_SIZE];
            let mut s = 0;
            for (p, &x) in pos.iter_mut().zip(c.iter()) {
                *p = s;
                s += x;
            }
            let (f, base, shift, mask) = (flip[w], base[w], width[w] * d, (1u64 << width[w]) - 1);
            for e in src.iter() {
                let g = ((((key(e).word(w) as u64) ^ f).wrapping_sub(base) >> shift) & mask) as usize & (RADIX_SIZE - 1);
                let p = &mut pos[g];
                dst[*p] = *e;
                *p += 1;
            }
            std::mem::swap(&mut src, &mut dst);
        }
    }
    src
}

impl<T: Clone> PyList<T> {
    /// `sort_by_key` with an int key, or a tuple of two or three ints (`key=lambda r: r[2]`):
    /// a radix sort of (key, position) pairs, stable as CPython's (`reverse` keeps equal keys
    /// in their original order). The list looks empty while the key function runs, as in CPython.
    pub fn sort_by_int_key<K: RadixKey, F: FnMut(&T) -> PyResult<K>>(
        &self,
        mut key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        let (items, keys) = self.take_keys(&mut key)?;
        let pairs: Vec<(K, usize)> = keys.into_iter().zip(0..).collect();
        let order: Vec<usize> = radix_sort(pairs, |p| p.0, reverse).into_iter().map(|p| p.1).collect();
        self.permute_sorted(items, order, line)
    }

    /// Puts `items` on the list in the order of the positions in `order`.
    #[inline(never)]
    fn permute_sorted(&self, items: Vec<T>, order: Vec<usize>, line: u32) -> PyResult<()> {
        let sorted = gather(items, order.into_iter());
        self.restore_sorted(sorted, Ok(()), line)
    }
}

impl<T: Copy> PyList<T> {
    /// `sort_by_int_key` for items that are plain values (ints, floats, bools, tuples of them):
    /// the radix sort moves (key, item) pairs, so the items come out of it in order, with no
    /// gather by position afterwards (a cache miss per item of a large list). Stable as well:
    /// equal keys keep their items' order.
    pub fn sort_by_int_key_copy<K: RadixKey, F: FnMut(&T) -> PyResult<K>>(
        &self,
        mut key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        let items = std::mem::take(&mut *self.0.borrow_mut());
        let mut pairs: Vec<(K, T)> = Vec::with_capacity(items.len());
        for it in items.iter() {
            match key(it) {
                Ok(k) => pairs.push((k, *it)),
                Err(e) => {
                    *self.0.borrow_mut() = items;
                    return Err(e);
                }
            }
        }
        self.place_sorted(items, pairs, reverse, line)
    }

    #[inline(never)]
    fn place_sorted<K: RadixKey>(&self, mut items: Vec<T>, pairs: Vec<(K, T)>, reverse: bool, line: u32) -> PyResult<()> {
        let sorted = radix_sort(pairs, |p| p.0, reverse);
        // (the items' own buffer takes them back: no second allocation)
        items.clear();
        items.extend(sorted.iter().map(|p| p.1));
        self.restore_sorted(items, Ok(()), line)
    }
}

impl PyList<i64> {
    /// list.sort() of ints: a radix sort (equal ints cannot be told apart, so any order of
    /// them is the stable one).
    pub fn sort_ints(&self, reverse: bool) {
        let items = std::mem::take(&mut *self.0.borrow_mut());
        *self.0.borrow_mut() = radix_sort(items, |k| *k, reverse);
    }
}
