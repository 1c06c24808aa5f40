// ===================================================================================
// Fast hasher (FxHash-like; deterministic)
// ===================================================================================

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// One step of `FxHasher` (a `const fn`: `LitKey::new` hashes literals at compile time).
#[inline(always)]
const fn fx_add(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(FX_SEED)
}

/// `FxHasher::finish` of the state `h`.
#[inline(always)]
const fn fx_finish(mut h: u64) -> u64 {
    // final avalanche so that low bits are well mixed for hashbrown
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

impl FxHasher {
    #[cfg_attr(not(portalis_dev), inline)]
    fn add(&mut self, w: u64) {
        self.hash = fx_add(self.hash, w);
    }
}

impl Hasher for FxHasher {
    #[cfg_attr(not(portalis_dev), inline)]
    fn write(&mut self, bytes: &[u8]) {
        // 8-byte words, then the rest zero-padded (little-endian), read with fixed-size loads:
        // `copy_from_slice` into a word array is a memcpy call on wasm32 (a byte loop)
        let n = bytes.len();
        let p = bytes.as_ptr();
        let mut i = 0usize;
        while i + 8 <= n {
            // SAFETY: i + 8 <= n bytes are readable
            self.add(u64::from_le(unsafe { std::ptr::read_unaligned(p.add(i) as *const u64) }));
            i += 8;
        }
        let r = n - i;
        if r > 0 {
            self.add(tail_word(&bytes[i..]) ^ ((r as u64) << 59));
        }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64)
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64)
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn write_u64(&mut self, i: u64) {
        self.add(i)
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn write_i64(&mut self, i: i64) {
        self.add(i as u64)
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64)
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn finish(&self) -> u64 {
        fx_finish(self.hash)
    }
}

/// The 1 to 7 bytes of `t` as a little-endian word, zero-padded (overlapping fixed-size loads,
/// no copy into a buffer).
#[inline(always)]
fn tail_word(t: &[u8]) -> u64 {
    let r = t.len();
    debug_assert!((1..8).contains(&r));
    if r >= 4 {
        // SAFETY: r >= 4 bytes: [0, 4) and [r - 4, r) are readable; the overlapping bytes are
        // the same in both loads, so OR-ing them places every byte once
        let (lo, hi) = unsafe {
            (
                u32::from_le(std::ptr::read_unaligned(t.as_ptr() as *const u32)) as u64,
                u32::from_le(std::ptr::read_unaligned(t.as_ptr().add(r - 4) as *const u32)) as u64,
            )
        };
        lo | (hi << ((r - 4) * 8))
    } else {
        (t[0] as u64) | ((t[r / 2] as u64) << ((r / 2) * 8)) | ((t[r - 1] as u64) << ((r - 1) * 8))
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// Bytes `[at, at + 8)` of `b` (those that exist) as a little-endian word, zero-padded, in a
/// `const fn` (`text_word` at compile time).
const fn const_text_word(b: &[u8], at: usize) -> u64 {
    let mut w = 0u64;
    let mut j = 0;
    while j < 8 && at + j < b.len() {
        w |= (b[at + j] as u64) << (8 * j);
        j += 1;
    }
    w
}

/// A `str` literal used as the key of a `dict[str, V]` (`d["name"]`, `d["name"] += 1`,
/// `"name" in d`, `{"name": v}`), with what a lookup needs computed at compile time: the
/// generated code makes it a `const` (`{ const K: rt::LitKey = rt::LitKey::new("name"); K }`).
/// A lookup then hashes nothing, and compares a stored inline key with the literal as a few
/// words (the literal's inline value), any other stored key as text.
#[derive(Clone, Copy)]
pub struct LitKey {
    s: &'static str,
    h: u64, // hash_of(s)
    // the words of `Str::inline(s)` when `s` fits inline, else a first word with the tag byte
    // 0xff (no inline value's: the `Inline` tag is 0)
    words: [u64; STR_INLINE / 8 + 1],
}

impl LitKey {
    pub const fn new(s: &'static str) -> LitKey {
        let (b, n) = (s.as_bytes(), s.len());
        // `hash_of(s)`: `str`'s Hash is `write(bytes)` then `write_u8(0xff)` (see FxHasher::write)
        let mut h = 0u64;
        let mut i = 0;
        while i + 8 <= n {
            h = fx_add(h, const_text_word(b, i));
            i += 8;
        }
        if n > i {
            h = fx_add(h, const_text_word(b, i) ^ (((n - i) as u64) << 59));
        }
        h = fx_finish(fx_add(h, 0xff));
        let words = if n <= STR_INLINE {
            Str::words_of(n, const_text_word(b, 0), const_text_word(b, 8), const_text_word(b, 16))
        } else {
            let mut w = [0u64; STR_INLINE / 8 + 1];
            w[0] = u64::MAX;
            w
        };
        LitKey { s, h, words }
    }
    /// The key as a `Str` (stored when it is new; a KeyError's argument): inline when it fits,
    /// as text made at run time is, so that a later lookup with this literal compares words
    /// (a `Str::lit` key was compared as text: json_like's `{"id": ..., "items": ...}`).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn key(&self) -> Str {
        if self.words[0] != u64::MAX {
            // SAFETY: `words` are `Str::words_of` the literal, the words of its inline value
            // (as `Str::inline` transmutes them)
            unsafe { std::mem::transmute::<[u64; STR_INLINE / 8 + 1], Str>(self.words) }
        } else {
            Str::lit(self.s)
        }
    }
    /// `k == self.s`.
    #[inline(always)]
    fn matches(&self, k: &Str) -> bool {
        match &k.0 {
            StrRepr::Inline { .. } => {
                // SAFETY: an inline value is all initialised bytes (tag, length, zero-padded
                // text), as large as the words and word-aligned
                let w = unsafe { std::ptr::read(k as *const Str as *const [u64; STR_INLINE / 8 + 1]) };
                let mut diff = 0u64;
                let mut j = 0;
                while j < w.len() {
                    diff |= w[j] ^ self.words[j];
                    j += 1;
                }
                diff == 0
            }
            _ => self.matches_text(k),
        }
    }
    /// `matches` of a key not stored inline: out of line, so that the inline-key compare stays
    /// small enough to be inlined into the lookup's scan (on wasm32 `str_eq` in line made the
    /// compare a call per lookup).
    #[inline(never)]
    fn matches_text(&self, k: &Str) -> bool {
        str_eq(k.as_str(), self.s)
    }
}

// ===================================================================================
// dict
// ===================================================================================

/// The hash of a key, as dicts and sets store it (FxHasher over the key's `Hash`).
// always inline: on wasm32 a call per lookup otherwise (~5 % of a dict-heavy loop), and for a
// `str` key it is a few words' arithmetic
#[inline(always)]
pub fn hash_of<Q: Hash + ?Sized>(k: &Q) -> u64 {
    let mut h = FxHasher::default();
    k.hash(&mut h);
    h.finish()
}

/// Read (and discard) the first byte of `x`: a load the optimiser keeps where it is, so that a
/// cache miss on `x` starts there (wasm has no prefetch; `prefetch_h`).
#[inline(always)]
fn touch<T>(x: &T) {
    if std::mem::size_of::<T>() > 0 {
        // SAFETY: one byte inside a live value, read as `MaybeUninit` (it may be padding)
        unsafe { std::ptr::read_volatile(x as *const T as *const std::mem::MaybeUninit<u8>) };
    }
}

/// Containers of at most this many entries (tombstones included) have no `HashIndex`: a scan
/// of their cached hashes is faster than probing and allocates nothing (a dict per record).
const SMALL_TABLE: usize = 8;

/// Open-addressing index from hashes to positions in an entries vector, CPython's "compact
/// dict" layout: linear probing, at most half full. A slot is 0 (empty) or holds position + 1
/// in its low `bits` bits (the table has `1 << bits` slots, so positions, at most half as many,
/// fit) and, above them, high bits of the key's hash (a tag): a probe skips a slot whose tag
/// differs without reading the entry or its cached hash (two more cache lines per probe in a
/// large table: ngrams' 10,648 trigrams), and a lookup reads `hashes` not at all. The tag only
/// filters: the entry's key is still compared. A slot whose entry was removed (a tombstone, or a
/// position past the end after trailing tombstones were trimmed) is skipped by lookups, which
/// check the entry itself; `rebuild` drops such slots.
struct HashIndex {
    slots: Vec<usize>,
    used: usize,
    bits: u32, // slots.len() == 1 << bits (when not empty)
}

impl HashIndex {
    const fn new() -> Self {
        HashIndex { slots: Vec::new(), used: 0, bits: 0 }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
    /// The tag of the hash `h`, in place above the position bits (the hash's high 32 bits,
    /// as many as fit: the slot's position comes from its low bits).
    #[inline(always)]
    fn tag(&self, h: u64) -> usize {
        ((h >> 32) as usize).wrapping_shl(self.bits)
    }
    /// The first position whose entry `eq` accepts, among those filed under `h`.
    #[cfg_attr(not(portalis_dev), inline)]
    fn find(&self, h: u64, mut eq: impl FnMut(usize) -> bool) -> Option<usize> {
        debug_assert!(self.slots.len().is_power_of_two());
        let mask = self.slots.len() - 1;
        let tag = self.tag(h);
        let mut i = (h as usize) & mask;
        loop {
            // SAFETY: `slots.len()` is a power of two (a table is never empty here: callers
            // test `is_empty`), so `i & mask` is in bounds (no bounds test per probe)
            let s = unsafe { *self.slots.get_unchecked(i) };
            if s == 0 {
                return None;
            }
            if (s ^ tag) & !mask == 0 && eq((s & mask) - 1) {
                return Some((s & mask) - 1);
            }
            i = (i + 1) & mask;
        }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn insert_slot(&mut self, h: u64, pos: usize) {
        let mask = self.slots.len() - 1;
        debug_assert!(pos < mask);
        let mut i = (h as usize) & mask;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = self.tag(h) | (pos + 1);
        self.used += 1;
    }
    /// File `pos` under `h`, growing (and dropping stale slots) when more than half full.
    #[cfg_attr(not(portalis_dev), inline)]
    fn insert(&mut self, h: u64, pos: usize, hashes: &[u64], live: impl Fn(usize) -> bool) {
        if (self.used + 1) * 2 > self.slots.len() {
            self.rebuild(hashes, live);
        } else {
            self.insert_slot(h, pos);
        }
    }
    /// An index of every live position of `hashes` (no index at all for small tables).
    fn rebuild(&mut self, hashes: &[u64], live: impl Fn(usize) -> bool) {
        let n = (0..hashes.len()).filter(|&p| live(p)).count();
        if hashes.len() <= SMALL_TABLE {
            *self = HashIndex::new();
            return;
        }
        // (room for every position, live or not: positions stay below half the size)
        let size = (n.max(hashes.len()) * 2 + 2).next_power_of_two().max(16);
        self.slots.clear();
        self.slots.resize(size, 0);
        self.bits = size.trailing_zeros();
        self.used = 0;
        for (p, &h) in hashes.iter().enumerate() {
            if live(p) {
                self.insert_slot(h, p);
            }
        }
    }
}

pub struct DictInner<K, V> {
    entries: Vec<Option<(K, V)>>,
    hashes: Vec<u64>, // hashes[p]: the hash of entries[p]'s key
    index: HashIndex,
    live: usize,   // keys present (entries without tombstones)
    keys_ver: u64, // bumped when a key is added or removed (see IterMark)
    // a `collections.defaultdict` or `Counter`: what a missing key reads as (collections.rs)
    missing: Option<Missing<V>>,
    // a `collections.OrderedDict` (collections.rs)
    ordered: bool,
}

/// Where an iteration over a dict or set started: its size and key version.  CPython raises
/// RuntimeError when the size changed; when the size is the same but keys were removed and
/// added, what CPython's iterator does next depends on its hash table's layout (it may yield
/// keys again, skip them, or raise "dictionary keys changed during iteration"): Portalis stops
/// there with its limit error instead of guessing.
#[derive(Clone, Copy)]
pub struct IterMark {
    len: i64,
    ver: u64,
}

impl IterMark {
    /// Ok while the container (now `len` keys, key version `ver`) is as the iteration found it.
    #[cfg_attr(not(portalis_dev), inline)]
    fn check(self, len: usize, ver: u64, what: &str, line: u32) -> PyResult<()> {
        if ver == self.ver {
            Ok(())
        } else {
            Err(changed_during_iteration(self.len != len as i64, what, line))
        }
    }
}

/// `what` is "dictionary" or "set": CPython's RuntimeError for a size change, else the limit.
#[cold]
#[inline(never)]
fn changed_during_iteration(resized: bool, what: &str, line: u32) -> PyErr {
    if resized {
        let name = if what == "set" { "Set" } else { what };
        return PyErr::new(&RUNTIME_ERROR, format!("{} changed size during iteration", name), line);
    }
    limit_err(
        &format!(
            "{} changed keys during iteration (same size, different keys): what CPython does next \
             depends on its hash table layout",
            what
        ),
        line,
    )
}

impl<K: Hash + Eq + Clone, V: Clone> DictInner<K, V> {
    const fn new() -> Self {
        DictInner {
            entries: Vec::new(),
            hashes: Vec::new(),
            index: HashIndex::new(),
            live: 0,
            keys_ver: 0,
            missing: None,
            ordered: false,
        }
    }
    /// Position of key `k` (hash `h`).
    #[inline(always)]
    fn find<Q: ?Sized + Eq>(&self, h: u64, k: &Q) -> Option<usize>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.find_by(h, |ek| ek.borrow() == k)
    }
    /// Position of the live key with hash `h` that `is_key` accepts. Inlined into the caller: on
    /// wasm32 the call was a good part of each lookup of a small dict (a dict per record), and
    /// out of line the index probe of a large one cost more (~5 % more instructions for word
    /// counting).
    #[inline(always)]
    fn find_by(&self, h: u64, is_key: impl Fn(&K) -> bool) -> Option<usize> {
        let (entries, hashes) = (&self.entries, &self.hashes);
        if self.index.is_empty() {
            // a plain loop over the cached hashes (as `(0..n).find(|&p| eq(p))`, wasm32 kept
            // a call of the closure per entry); the key compared only where the hash matches
            for (p, &hp) in hashes.iter().enumerate() {
                if hp == h && matches!(&entries[p], Some((ek, _)) if is_key(ek)) {
                    return Some(p);
                }
            }
            None
        } else {
            self.index.find(h, |p: usize| {
                // (a position past the end: trailing tombstones trimmed; `entries` and `hashes`
                // always have the same length)
                match entries.get(p) {
                    // (the slot's tag matched the hash's: the cached hash is not read, the key
                    // is compared)
                    Some(Some((ek, _))) => is_key(ek),
                    _ => false,
                }
            })
        }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn get_ref<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.get_ref_h(k, hash_of(k))
    }
    /// `get_ref` of a key whose `hash_of` is `h`.
    #[inline(always)]
    fn get_ref_h<Q: ?Sized + Hash + Eq>(&self, k: &Q, h: u64) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
    {
        match self.find(h, k) {
            Some(p) => self.entries[p].as_ref().map(|e| &e.1),
            None => None,
        }
    }
    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        let old_hashes = std::mem::take(&mut self.hashes);
        for (e, h) in old.into_iter().zip(old_hashes) {
            if e.is_some() {
                self.entries.push(e);
                self.hashes.push(h);
            }
        }
        self.reindex();
    }
    fn reindex(&mut self) {
        let entries = &self.entries;
        self.index.rebuild(&self.hashes, |p| entries[p].is_some());
    }
    fn remove(&mut self, k: &K) -> Option<V> {
        let pos = self.find(hash_of(k), k)?;
        self.keys_ver += 1;
        self.live -= 1;
        let e = self.entries[pos].take();
        // trim trailing tombstones so positions stay small
        while let Some(None) = self.entries.last() {
            self.entries.pop();
            self.hashes.pop();
        }
        if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        e.map(|(_, v)| v)
    }
    /// Add a key known to be absent (hash `h`). Inlined (the call, with the key and value
    /// passed through memory, was a third of adding a key to a small dict); filing the new
    /// entry in the index is not.
    #[inline(always)]
    fn push_new(&mut self, h: u64, k: K, v: V) {
        self.keys_ver += 1;
        self.live += 1;
        self.entries.push(Some((k, v)));
        self.hashes.push(h);
        if !self.index.is_empty() || self.entries.len() > SMALL_TABLE {
            self.index_last();
        }
    }
    /// File the last entry in the index (making the index when the table outgrew a scan).
    #[inline(never)]
    fn index_last(&mut self) {
        if self.index.is_empty() {
            self.reindex();
        } else {
            let pos = self.entries.len() - 1;
            let h = self.hashes[pos];
            let entries = &self.entries;
            self.index.insert(h, pos, &self.hashes, |p| entries[p].is_some());
        }
    }
    fn insert(&mut self, k: K, v: V) {
        let h = hash_of(&k);
        if let Some(pos) = self.find(h, &k) {
            if let Some(e) = self.entries[pos].as_mut() {
                e.1 = v;
            }
            return;
        }
        self.push_new(h, k, v);
    }
}

impl<V: Clone> DictInner<Str, V> {
    /// Position of the literal key `k` (as `find`).
    #[inline(always)]
    fn find_lit(&self, k: &LitKey) -> Option<usize> {
        self.find_by(k.h, |ek| k.matches(ek))
    }
}

/// `d.keys()` / `d.values()` / `d.items()` used as a value (printed, formatted): a snapshot of
/// the items that prints like CPython's view, e.g. `dict_keys(['a'])`. Deliberately no
/// comparison operators (CPython compares views like sets, or by identity).
#[derive(Clone)]
pub struct DictView<T>(pub &'static str, pub PyList<T>);

impl<T: PyFmt + Clone> PyFmt for DictView<T> {
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(self.0);
        out.push('(');
        self.1.fmt_repr(out);
        out.push(')');
    }
    fn fmt_str(&self, out: &mut String) {
        self.fmt_repr(out);
    }
}

/// A Python dict: insertion ordered, Clone aliases.
pub struct PyDict<K, V>(pub std::mem::ManuallyDrop<Rc<PyCell<DictInner<K, V>>>>);

impl<K, V> Drop for PyDict<K, V> {
    /// Not the last handle: one count fewer, in line. The last: `drop_last`, out of line (the
    /// dict's entries and storage go there, not in every function that drops a dict; in an
    /// incremental dev build that code then stays in the runtime's codegen unit instead of
    /// being recompiled with each edited function).
    #[cfg_attr(not(portalis_dev), inline)]
    fn drop(&mut self) {
        if Rc::strong_count(&self.0) == 1 {
            self.drop_last();
            return;
        }
        // SAFETY: this handle's count, given up once; the field is not used again
        unsafe { std::mem::ManuallyDrop::drop(&mut self.0) };
    }
}

impl<K, V> PyDict<K, V> {
    #[inline(never)]
    fn drop_last(&mut self) {
        if std::mem::needs_drop::<K>() || std::mem::needs_drop::<V>() {
            // SAFETY: the last handle (no Weak is ever made); see `trash` (list.rs)
            let entries = std::mem::take(unsafe { &mut (*self.0.value.get()).entries });
            if !entries.is_empty() {
                trash(entries);
            }
        }
        // SAFETY: as in `drop`
        unsafe { std::mem::ManuallyDrop::drop(&mut self.0) };
    }
}

impl<K, V> Clone for PyDict<K, V> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn clone(&self) -> Self {
        PyDict(std::mem::ManuallyDrop::new(Rc::clone(&self.0)))
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Default for PyDict<K, V> {
    fn default() -> Self {
        PyDict::new()
    }
}

impl<K: Hash + Eq + Clone, V: Clone> PyDict<K, V> {
    pub fn new() -> Self {
        PyDict(std::mem::ManuallyDrop::new(Rc::new(PyCell::new(DictInner::new()))))
    }
    /// `x = {}` where `x` holds a dict: as `PyList::renew` (a plain empty dict, the small
    /// entry buffers kept when nothing else refers to the old one).  Not `#[inline]`: see
    /// `PyList::renew`.
    pub fn renew(&mut self) {
        if let Some(c) = Rc::get_mut(&mut self.0) {
            let d = c.value.get_mut();
            if d.entries.capacity() <= RENEW_KEEP {
                // field by field, as `DictInner::new()` (no drop of a whole old `DictInner`:
                // a call per record of a dict-per-record loop)
                d.entries.clear();
                d.hashes.clear();
                if !d.index.is_empty() {
                    d.index = HashIndex::new();
                }
                d.live = 0;
                d.keys_ver = 0;
                d.missing = None;
                d.ordered = false;
                return;
            }
        }
        *self = PyDict::new();
    }
    pub fn from_pairs(pairs: Vec<(K, V)>) -> Self {
        let d = PyDict::new();
        {
            let mut inner = d.0.borrow_mut();
            inner.entries.reserve_exact(pairs.len());
            inner.hashes.reserve_exact(pairs.len());
            for (k, v) in pairs {
                inner.insert(k, v);
            }
        }
        d
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn len(&self) -> i64 {
        self.0.borrow().live as i64
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().live == 0
    }
    #[inline(never)]
    pub fn set_item(&self, k: K, v: V) {
        self.0.borrow_mut().insert(k, v);
    }
    /// `d[k] = v` with a borrowed key: cloned only when the key is new.
    #[inline(never)]
    pub fn set_item_ref(&self, k: &K, v: V) {
        let mut d = self.0.borrow_mut();
        let h = hash_of(k);
        if let Some(pos) = d.find(h, k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 = v;
            }
            return;
        }
        d.push_new(h, k.clone(), v);
    }
    #[inline(never)]
    pub fn get(&self, k: &K) -> Option<V> {
        self.0.borrow().get_ref(k).cloned()
    }
    #[inline(never)]
    pub fn get_or(&self, k: &K, default: V) -> V {
        // (the lookup in line, not through `get`: one call per lookup, not two)
        match self.0.borrow().get_ref(k) {
            Some(v) => v.clone(),
            None => default,
        }
    }
    #[inline(never)]
    pub fn contains_key(&self, k: &K) -> bool {
        let d = self.0.borrow();
        d.find(hash_of(k), k).is_some()
    }
    // The lookups below take the key's hash from the caller: `h` must be `hash_of(k)`. The
    // emitter computes it once for a `str` local that is the key of several lookups with no
    // store to it between (`if k in seen: ...` then `d.get(k, 0)`; codegen/emit/keyhash.py), and
    // then starts the other containers' probes early (`prefetch_h`).
    #[inline(never)]
    pub fn get_h(&self, k: &K, h: u64) -> Option<V> {
        debug_assert!(h == hash_of(k));
        self.0.borrow().get_ref_h(k, h).cloned()
    }
    #[inline(never)]
    pub fn get_or_h(&self, k: &K, h: u64, default: V) -> V {
        debug_assert!(h == hash_of(k));
        // (the lookup in line, not through `get_h`: one call per lookup, not two)
        match self.0.borrow().get_ref_h(k, h) {
            Some(v) => v.clone(),
            None => default,
        }
    }
    #[inline(never)]
    pub fn contains_key_h(&self, k: &K, h: u64) -> bool {
        debug_assert!(h == hash_of(k));
        let d = self.0.borrow();
        d.find(h, k).is_some()
    }
    /// Start loading the index slot a lookup of hash `h` reads first (a large dict's index is a
    /// cache miss, and wasm has no prefetch): issued before another container's lookup, the two
    /// misses overlap instead of following one another (lookup.py). Reads nothing else, changes
    /// nothing, and does nothing while the dict is borrowed mutably.
    #[inline(always)]
    pub fn prefetch_h(&self, h: u64) {
        let c = &*self.0;
        if c.flag.get() >= 0 {
            // SAFETY: no mutable guard is live (flag >= 0), and this shared read ends here
            let d = unsafe { &*c.value.get() };
            let n = d.index.slots.len();
            if n > 0 {
                touch(&d.index.slots[(h as usize) & (n - 1)]);
            }
        }
    }
    pub fn pop_or(&self, k: &K, default: V) -> V {
        let r = self.0.borrow_mut().remove(k);
        match r {
            Some(v) => v,
            None => default,
        }
    }
    pub fn setdefault(&self, k: K, default: V) -> V {
        let mut d = self.0.borrow_mut();
        let h = hash_of(&k);
        if let Some(pos) = d.find(h, &k) {
            if let Some(e) = d.entries[pos].as_ref() {
                return e.1.clone();
            }
        }
        d.push_new(h, k, default.clone());
        default
    }
    /// `d.setdefault(k, default)` where making the default has no effect (a constant, an
    /// empty list): it is made, and `k` cloned, only when `k` is missing.
    pub fn setdefault_with(&self, k: &K, default: impl FnOnce() -> V) -> V {
        let mut d = self.0.borrow_mut();
        let h = hash_of(k);
        if let Some(pos) = d.find(h, k) {
            if let Some(e) = d.entries[pos].as_ref() {
                return e.1.clone();
            }
        }
        let v = default();
        d.push_new(h, k.clone(), v.clone());
        v
    }
    pub fn update(&self, other: &PyDict<K, V>) {
        let items: Vec<(K, V)> = other.0.borrow().entries.iter().flatten().cloned().collect();
        let mut d = self.0.borrow_mut();
        for (k, v) in items {
            d.insert(k, v);
        }
    }
    /// `d.copy()`: a defaultdict's copy is a defaultdict with the same factory (a Counter's a
    /// Counter).
    pub fn copy(&self) -> PyDict<K, V> {
        let c = self.copy_plain();
        c.0.borrow_mut().missing = self.0.borrow().missing;
        c.0.borrow_mut().ordered = self.0.borrow().ordered;
        c
    }
    /// `dict(d)`: a plain dict, also of a defaultdict or Counter.
    pub fn copy_plain(&self) -> PyDict<K, V> {
        let d = self.0.borrow();
        PyDict::from_pairs(d.entries.iter().flatten().cloned().collect())
    }
    pub fn clear(&self) {
        let old = {
            let mut d = self.0.borrow_mut();
            let e = std::mem::take(&mut d.entries);
            d.hashes = Vec::new();
            d.index = HashIndex::new();
            d.live = 0;
            if !d.ordered {
                d.keys_ver += 1; // (an OrderedDict's clear is a change of size only, as CPython's `od_state`)
            }
            e
        };
        drop(old);
    }
    pub fn keys(&self) -> PyList<K> {
        PyList::from_vec(
            self.0
                .borrow()
                .entries
                .iter()
                .flatten()
                .map(|e| e.0.clone())
                .collect(),
        )
    }
    pub fn values(&self) -> PyList<V> {
        PyList::from_vec(
            self.0
                .borrow()
                .entries
                .iter()
                .flatten()
                .map(|e| e.1.clone())
                .collect(),
        )
    }
    pub fn items(&self) -> PyList<(K, V)> {
        PyList::from_vec(self.0.borrow().entries.iter().flatten().cloned().collect())
    }
    /// Start of an iteration (see `key_at`).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn iter_mark(&self) -> IterMark {
        let d = self.0.borrow();
        IterMark { len: d.live as i64, ver: d.keys_ver }
    }
    /// The position of the next live entry of an iteration that started at `start` (`pos`: where
    /// to look from), after CPython's checks: a dict's size (and key) changes every step; an
    /// OrderedDict's iterator holds the next key, so it is done once it has yielded the last one
    /// (`pos` is then `usize::MAX`; also when it started empty), whatever changes after that, and
    /// otherwise raises for any key added, removed or moved (`od_state`) or for a `clear()`.
    #[cfg_attr(not(portalis_dev), inline)]
    fn next_live(d: &DictInner<K, V>, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<usize>> {
        if d.ordered {
            if *pos == usize::MAX || (*pos == 0 && start.len == 0) {
                return Ok(None);
            }
            if d.keys_ver != start.ver {
                return Err(odict_mutated(line));
            }
            if d.live as i64 != start.len {
                return Err(odict_resized(line));
            }
        } else {
            start.check(d.live, d.keys_ver, "dictionary", line)?;
        }
        while *pos < d.entries.len() {
            let p = *pos;
            *pos += 1;
            if d.entries[p].is_some() {
                if d.ordered && !d.entries[p + 1..].iter().any(|e| e.is_some()) {
                    *pos = usize::MAX; // the last key: CPython's iterator is done after it
                }
                return Ok(Some(p));
            }
        }
        Ok(None)
    }
    /// Iteration: `let m = d.iter_mark(); let mut pos = 0; while let Some(k) = d.key_at(&mut pos, m, line)? {..}`
    pub fn key_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<K>> {
        let d = self.0.borrow();
        Ok(match Self::next_live(&d, pos, start, line)? {
            Some(p) => d.entries[p].as_ref().map(|e| e.0.clone()),
            None => None,
        })
    }
    pub fn value_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<V>> {
        let d = self.0.borrow();
        Ok(match Self::next_live(&d, pos, start, line)? {
            Some(p) => d.entries[p].as_ref().map(|e| e.1.clone()),
            None => None,
        })
    }
    pub fn item_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<(K, V)>> {
        let d = self.0.borrow();
        Ok(match Self::next_live(&d, pos, start, line)? {
            Some(p) => d.entries[p].as_ref().map(|e| (e.0.clone(), e.1.clone())),
            None => None,
        })
    }
}

fn key_error<K: PyFmt>(k: &K, line: u32) -> PyErr {
    PyErr::with_args(&KEY_ERROR, vec![py_str(k)], vec![py_repr(k)], line)
}

/// What `d[k] += x` adds to for a missing key: `d.get(k, c)`'s `c`, else a defaultdict's
/// default or a Counter's 0, else KeyError at `line`.
#[cold]
fn missing_base<K: PyFmt, V>(given: Option<V>, missing: Option<Missing<V>>, k: &K, line: u32) -> PyResult<V> {
    match (given, missing) {
        (Some(v), _) => Ok(v),
        (None, Some(m)) => Ok((m.make)()),
        (None, None) => Err(key_error(k, line)),
    }
}

impl<K: Hash + Eq + Clone + PyFmt> PyDict<K, i64> {
    /// `d[k] = d.get(k, default) + x`, or `d[k] += x` (`default` None: KeyError at `key_line`
    /// when `k` is missing), in one lookup. CPython adds first: nothing is stored when the sum
    /// fails (`add_line`).
    #[inline(always)]
    pub fn add_int(&self, k: &K, default: Option<i64>, x: i64, key_line: u32, add_line: u32) -> PyResult<()> {
        {
            let mut d = self.0.borrow_mut();
            let h = hash_of(k);
            if let Some(pos) = d.find(h, k) {
                if let Some(e) = d.entries[pos].as_mut() {
                    if let Some(v) = e.1.checked_add(x) {
                        e.1 = v;
                        return Ok(());
                    }
                }
            }
        }
        self.add_int_slow(k, default, x, key_line, add_line)
    }
    #[inline(never)]
    fn add_int_slow(&self, k: &K, default: Option<i64>, x: i64, key_line: u32, add_line: u32) -> PyResult<()> {
        let mut d = self.0.borrow_mut();
        let h = hash_of(k);
        if let Some(pos) = d.find(h, k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 = int_add(e.1, x, add_line)?;
            }
            return Ok(());
        }
        let v = int_add(missing_base(default, d.missing, k, key_line)?, x, add_line)?;
        d.push_new(h, k.clone(), v);
        Ok(())
    }
}

impl<K: Hash + Eq + Clone + PyFmt> PyDict<K, f64> {
    /// `add_int` for float values (a float sum cannot fail).
    #[inline(never)]
    pub fn add_float(&self, k: &K, default: Option<f64>, x: f64, key_line: u32) -> PyResult<()> {
        let mut d = self.0.borrow_mut();
        let h = hash_of(k);
        if let Some(pos) = d.find(h, k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 += x;
            }
            return Ok(());
        }
        let v = missing_base(default, d.missing, k, key_line)? + x;
        d.push_new(h, k.clone(), v);
        Ok(())
    }
}

impl<K: Hash + Eq + Clone + PyFmt, V: Clone> PyDict<K, V> {
    /// `get_item` of a key of hash `h == hash_of(k)` (see `get_h`).
    #[inline(never)]
    pub fn get_item_h(&self, k: &K, h: u64, line: u32) -> PyResult<V> {
        debug_assert!(h == hash_of(k));
        self.get_item_hashed(k, h, line)
    }
    #[inline(never)]
    pub fn get_item(&self, k: &K, line: u32) -> PyResult<V> {
        self.get_item_hashed(k, hash_of(k), line)
    }
    /// `d[k]` of a key whose `hash_of` is `h`: in line in `get_item` and `get_item_h` (not
    /// through `get`: one call fewer per lookup on wasm32).
    #[inline(always)]
    fn get_item_hashed(&self, k: &K, h: u64, line: u32) -> PyResult<V> {
        if let Some(v) = self.0.borrow().get_ref_h(k, h) {
            return Ok(v.clone());
        }
        self.missing(k, line)
    }
    /// `d[k]` of a missing key (CPython's `__missing__`): a defaultdict stores and returns a
    /// new default value, a Counter returns 0 (and stores nothing), a dict raises KeyError.
    #[cold]
    fn missing(&self, k: &K, line: u32) -> PyResult<V> {
        let m = self.0.borrow().missing;
        match m {
            Some(m) => {
                let v = (m.make)();
                if m.counter.is_none() {
                    self.set_item(k.clone(), v.clone());
                }
                Ok(v)
            }
            None => Err(key_error(k, line)),
        }
    }
    pub fn del_item(&self, k: &K, line: u32) -> PyResult<()> {
        let r = self.0.borrow_mut().remove(k);
        match r {
            Some(_) => Ok(()),
            None if self.is_counter() => Ok(()), // Counter.__delitem__ ignores a missing key
            None => Err(key_error(k, line)),
        }
    }
    pub fn pop(&self, k: &K, line: u32) -> PyResult<V> {
        let r = self.0.borrow_mut().remove(k);
        match r {
            Some(v) => Ok(v),
            None => Err(key_error(k, line)),
        }
    }
    /// dict.popitem(): last inserted pair.
    pub fn popitem(&self, line: u32) -> PyResult<(K, V)> {
        if self.0.borrow().ordered {
            return self.popitem_at(true, line);
        }
        let last = {
            let d = self.0.borrow();
            d.entries.iter().rev().flatten().next().map(|e| e.0.clone())
        };
        match last {
            Some(k) => {
                let v = self.0.borrow_mut().remove(&k);
                match v {
                    Some(v) => Ok((k, v)),
                    None => Err(PyErr::new(
                        &KEY_ERROR,
                        "popitem(): dictionary is empty",
                        line,
                    )),
                }
            }
            None => Err(PyErr::new(
                &KEY_ERROR,
                "popitem(): dictionary is empty",
                line,
            )),
        }
    }
}

/// The operations of a `dict[str, V]` whose key is a literal (see `LitKey`): as their
/// `&Str` counterparts.
impl<V: Clone> PyDict<Str, V> {
    /// `{"a": x, "b": y}` with literal keys (later duplicates replace the value, as `from_pairs`).
    pub fn from_lit_pairs<const N: usize>(pairs: [(LitKey, V); N]) -> Self {
        let d = PyDict::new();
        {
            let mut inner = d.0.borrow_mut();
            inner.entries.reserve_exact(N);
            inner.hashes.reserve_exact(N);
            for (k, v) in pairs {
                match inner.find_lit(&k) {
                    Some(pos) => {
                        if let Some(e) = inner.entries[pos].as_mut() {
                            e.1 = v;
                        }
                    }
                    None => inner.push_new(k.h, k.key(), v),
                }
            }
        }
        d
    }
    #[inline(never)]
    pub fn get_item_lit(&self, k: &LitKey, line: u32) -> PyResult<V> {
        {
            let d = self.0.borrow();
            if let Some(p) = d.find_lit(k) {
                if let Some(e) = d.entries[p].as_ref() {
                    return Ok(e.1.clone());
                }
            }
        }
        self.missing(&k.key(), line)
    }
    #[inline(never)]
    pub fn get_lit(&self, k: &LitKey) -> Option<V> {
        let d = self.0.borrow();
        match d.find_lit(k) {
            Some(p) => d.entries[p].as_ref().map(|e| e.1.clone()),
            None => None,
        }
    }
    #[inline(never)]
    pub fn get_or_lit(&self, k: &LitKey, default: V) -> V {
        // (the lookup in line, not through `get_lit`: one call per lookup, not two)
        let d = self.0.borrow();
        match d.find_lit(k) {
            Some(p) => match d.entries[p].as_ref() {
                Some(e) => e.1.clone(),
                None => default,
            },
            None => default,
        }
    }
    #[inline(never)]
    pub fn contains_lit(&self, k: &LitKey) -> bool {
        self.0.borrow().find_lit(k).is_some()
    }
    #[inline(never)]
    pub fn set_item_lit(&self, k: &LitKey, v: V) {
        let mut d = self.0.borrow_mut();
        if let Some(pos) = d.find_lit(k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 = v;
            }
            return;
        }
        d.push_new(k.h, k.key(), v);
    }
}

impl PyDict<Str, i64> {
    /// `add_int` with a literal key.
    #[inline(never)]
    pub fn add_int_lit(&self, k: &LitKey, default: Option<i64>, x: i64, key_line: u32, add_line: u32) -> PyResult<()> {
        let mut d = self.0.borrow_mut();
        if let Some(pos) = d.find_lit(k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 = int_add(e.1, x, add_line)?;
            }
            return Ok(());
        }
        let v = int_add(missing_base(default, d.missing, &k.key(), key_line)?, x, add_line)?;
        d.push_new(k.h, k.key(), v);
        Ok(())
    }
}

impl PyDict<Str, f64> {
    /// `add_float` with a literal key.
    #[inline(never)]
    pub fn add_float_lit(&self, k: &LitKey, default: Option<f64>, x: f64, key_line: u32) -> PyResult<()> {
        let mut d = self.0.borrow_mut();
        if let Some(pos) = d.find_lit(k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 += x;
            }
            return Ok(());
        }
        let v = missing_base(default, d.missing, &k.key(), key_line)? + x;
        d.push_new(k.h, k.key(), v);
        Ok(())
    }
}

impl<K: Hash + Eq + Clone, V: Clone + PartialEq> PartialEq for PyDict<K, V> {
    fn eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        let a = self.0.borrow();
        let b = other.0.borrow();
        if let (Some(Missing { counter: Some(_), make, .. }), Some(Missing { counter: Some(_), .. })) = (a.missing, b.missing) {
            return counters_eq(&a, &b, make); // Counter == Counter: a missing count is 0
        }
        if a.ordered && b.ordered {
            // OrderedDict == OrderedDict: the same pairs in the same order
            return a.live == b.live
                && a.entries.iter().flatten().zip(b.entries.iter().flatten()).all(|(x, y)| x.0 == y.0 && x.1 == y.1);
        }
        if a.live != b.live {
            return false;
        }
        for (k, v) in a.entries.iter().flatten() {
            match b.get_ref(k) {
                Some(bv) if bv == v => {}
                _ => return false,
            }
        }
        true
    }
}

impl<K: PyFmt, V: PyFmt> PyFmt for PyDict<K, V> {
    fn fmt_repr(&self, out: &mut String) {
        repr_guarded(Rc::as_ptr(&self.0) as *const u8 as usize, out, "{...}", |out| {
            let d = self.0.borrow();
            if d.ordered {
                return odict_repr(&d, out);
            }
            if let Some(m) = d.missing {
                if let Some(c) = m.counter {
                    return counter_repr(&d, c, out);
                }
                out.push_str("defaultdict(<class '");
                out.push_str(m.name);
                out.push_str("'>, ");
            }
            out.push('{');
            let mut first = true;
            for (k, v) in d.entries.iter().flatten() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                k.fmt_repr(out);
                out.push_str(": ");
                v.fmt_repr(out);
            }
            out.push('}');
            if d.missing.is_some() {
                out.push(')');
            }
        });
    }
}
