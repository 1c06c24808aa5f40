// ===================================================================================
// str
// ===================================================================================

/// Bytes a `Str` holds without allocating: a `Str` is 16 bytes on wasm32 (4-byte pointers),
/// 24 on 64-bit targets.
#[cfg(target_pointer_width = "32")]
pub const STR_INLINE: usize = 14;
#[cfg(not(target_pointer_width = "32"))]
pub const STR_INLINE: usize = 22;

/// A Python `str` value: immutable text whose clones are cheap.
///
/// * up to `STR_INLINE` bytes (14 on wasm32, 22 on 64-bit targets): inline (no allocation; a
///   clone copies the 16 or 24 bytes of the value);
/// * literals: `Str::lit`, a `&'static str` (no allocation);
/// * longer text: one reference-counted heap block (a header, then the bytes; a clone bumps
///   the count). `push_str` appends in place when this is the only reference, as CPython does
///   for `s += t`; otherwise it copies. The header caches whether the text is ASCII
///   (code-point positions are then byte positions: `len`, `s[i]` and slices in O(1));
/// * a longer piece of such a block of ASCII text (what `split`, `splitlines`, `strip`, slices
///   and friends return for pieces of a `Str` longer than `STR_INLINE`): a view holding one
///   count of the block, no copy (see `Src`). A view keeps its whole block alive while it lives.
///
/// Dereferences to `str`; hashes, compares and orders exactly like `str` (so a `PyDict<Str, V>`
/// can be searched with a `&str`). Like `Rc`, neither `Send` nor `Sync`.
// aligned as its words (on wasm32 too), so that a move is two or three word copies: with
// 4-byte alignment, LLVM moves a value as a byte, then 8 bytes at offset 4, then 4 at offset
// 12, which cannot be forwarded from the word stores of `Str::inline` (see there)
#[repr(align(8))]
pub struct Str(StrRepr);

// the layout the inline capacity is chosen for
const _: () = assert!(std::mem::size_of::<Str>() == STR_INLINE + 2);

// `repr(u8)`: a tag byte (the variants' order: `Inline` is 0), then each variant's fields in
// order (RFC 2195), so that `Str::inline` can build an inline value as whole words
#[repr(u8)]
enum StrRepr {
    Inline { len: u8, buf: [u8; STR_INLINE] },
    Static(&'static str),
    // the length lives in the value (reading the text is one step, as for a `String`); the
    // block's bytes past it are unused, or owned by an in-place append of the only owner
    // `data` points at the text, `HEAP_HDR` bytes into the block (a `Heap` reads like a
    // `Static`: pointer and length, so `as_str` needs no arithmetic)
    Heap { data: std::ptr::NonNull<u8>, len: usize },
    // `len` bytes at `data`, inside the text of the block `hdr` (which this value holds one
    // count of). On wasm32 `data` and `len` sit where a `Static`'s and a `Heap`'s pointer and
    // length do (bytes 4 and 8), so that `as_str` reads any representation but `Inline` the
    // same way (one branch on the tag, no jump table); on 64-bit targets that order would not
    // fit in 24 bytes.
    View {
        #[cfg(target_pointer_width = "32")]
        data: std::ptr::NonNull<u8>,
        len: u32,
        hdr: std::ptr::NonNull<HeapHdr>,
        #[cfg(not(target_pointer_width = "32"))]
        data: std::ptr::NonNull<u8>,
    },
}

/// The header of a heap `Str`'s block; `cap` bytes of text follow it (at `HEAP_HDR`).
#[repr(C)]
struct HeapHdr {
    rc: Cell<usize>,
    cap: usize,
    ascii: Cell<u8>, // 0: not known yet, 1: ASCII, 2: not ASCII
}

const HEAP_HDR: usize = {
    let (size, align) = (std::mem::size_of::<HeapHdr>(), std::mem::align_of::<HeapHdr>());
    (size + align - 1) & !(align - 1) // align is a power of two
};

fn heap_layout(cap: usize) -> std::alloc::Layout {
    match std::alloc::Layout::from_size_align(HEAP_HDR.saturating_add(cap), std::mem::align_of::<HeapHdr>()) {
        Ok(l) => l,
        Err(_) => std_alloc_too_large(),
    }
}

#[cold]
fn std_alloc_too_large() -> ! {
    // as `String::with_capacity` does past isize::MAX (a MemoryError in CPython)
    panic!("capacity overflow")
}

/// A new block with room for `cap` bytes (uninitialised), count 1.
fn heap_alloc(cap: usize, ascii: u8, zeroed: bool) -> std::ptr::NonNull<HeapHdr> {
    let l = heap_layout(cap);
    // SAFETY: the layout is non-zero (a header); the header is written before any use
    unsafe {
        let p = if zeroed { std::alloc::alloc_zeroed(l) } else { std::alloc::alloc(l) } as *mut HeapHdr;
        if p.is_null() {
            std::alloc::handle_alloc_error(l);
        }
        p.write(HeapHdr { rc: Cell::new(1), cap, ascii: Cell::new(ascii) });
        std::ptr::NonNull::new_unchecked(p)
    }
}

#[inline(always)]
fn heap_data(p: std::ptr::NonNull<HeapHdr>) -> *mut u8 {
    // SAFETY: the bytes follow the header inside the same allocation
    unsafe { (p.as_ptr() as *mut u8).add(HEAP_HDR) }
}

#[inline(always)]
fn heap_text(p: std::ptr::NonNull<HeapHdr>) -> std::ptr::NonNull<u8> {
    // SAFETY: an address inside a live allocation is not null
    unsafe { std::ptr::NonNull::new_unchecked(heap_data(p)) }
}

/// The header of the block whose text starts at `data`.
#[inline(always)]
fn heap_hdr(data: std::ptr::NonNull<u8>) -> std::ptr::NonNull<HeapHdr> {
    // SAFETY: `data` is `HEAP_HDR` bytes into its block
    unsafe { std::ptr::NonNull::new_unchecked(data.as_ptr().sub(HEAP_HDR) as *mut HeapHdr) }
}

/// Copy `src` to `dst` (at least `src.len()` writable bytes, not overlapping `src`): fixed-size
/// unaligned moves for up to 32 bytes (see `copy_short`), 16-byte moves beyond on wasm32 with
/// SIMD, `copy_nonoverlapping` elsewhere.
#[inline(always)]
unsafe fn copy_to(dst: *mut u8, src: &[u8]) {
    let n = src.len();
    let s = src.as_ptr();
    if n > 32 {
        // wasm32 with SIMD: 16 bytes per step, the last 16 bytes overlapping the step before
        // (wasi-libc's `memcpy` moves 4 bytes per step on unaligned text: 4.7 % of tree_rec's
        // guest time, whose concatenations copy long strs; tree_rec and strings 1.02x)
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        {
            use std::arch::wasm32::{v128, v128_load, v128_store};
            let mut k = 0;
            while k + 16 < n {
                v128_store(dst.add(k) as *mut v128, v128_load(s.add(k) as *const v128));
                k += 16;
            }
            v128_store(dst.add(n - 16) as *mut v128, v128_load(s.add(n - 16) as *const v128));
        }
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        std::ptr::copy_nonoverlapping(s, dst, n);
    } else if n >= 16 {
        let a = std::ptr::read_unaligned(s as *const [u8; 16]);
        let b = std::ptr::read_unaligned(s.add(n - 16) as *const [u8; 16]);
        std::ptr::write_unaligned(dst as *mut [u8; 16], a);
        std::ptr::write_unaligned(dst.add(n - 16) as *mut [u8; 16], b);
    } else if n >= 8 {
        let a = std::ptr::read_unaligned(s as *const [u8; 8]);
        let b = std::ptr::read_unaligned(s.add(n - 8) as *const [u8; 8]);
        std::ptr::write_unaligned(dst as *mut [u8; 8], a);
        std::ptr::write_unaligned(dst.add(n - 8) as *mut [u8; 8], b);
    } else if n >= 4 {
        let a = std::ptr::read_unaligned(s as *const [u8; 4]);
        let b = std::ptr::read_unaligned(s.add(n - 4) as *const [u8; 4]);
        std::ptr::write_unaligned(dst as *mut [u8; 4], a);
        std::ptr::write_unaligned(dst.add(n - 4) as *mut [u8; 4], b);
    } else if n >= 2 {
        // (not a byte loop: LLVM turns that into a memcpy call, a function on wasm32)
        let a = std::ptr::read_unaligned(s as *const [u8; 2]);
        let b = std::ptr::read_unaligned(s.add(n - 2) as *const [u8; 2]);
        std::ptr::write_unaligned(dst as *mut [u8; 2], a);
        std::ptr::write_unaligned(dst.add(n - 2) as *mut [u8; 2], b);
    } else if n == 1 {
        *dst = *s;
    }
}

/// The decimal digits of `u` (at most 8 of them) as the bytes of one word, first digit in the
/// low byte, and how many: put together in a register (no buffer in memory: on wasm32 that is
/// the shadow stack, byte stores then word loads; the strings kernel 1.15x, tree_rec's
/// `str(value)` of digits 2.3 % -> 1.2 % of its time). All 8 digit places are computed at once,
/// two 4-digit halves in 32-bit lanes split into 2-digit and then 1-digit lanes by multiplying
/// (no loop of one division per digit: ~80 instructions and a branch per digit for
/// lookup.py's 6-digit `str(x % 250000)`), and the leading zeros shifted out.
#[inline(always)]
fn digits_word(u: u32) -> (u64, usize) {
    debug_assert!(u < 100_000_000);
    // the first 4 digits (u / 10^4) in the low lane, the last 4 in the high lane
    let x = (u / 10_000) as u64 | (((u % 10_000) as u64) << 32);
    // each lane (< 10^4) / 100, as (lane * 5243) >> 19 (exact below 43,699; a lane's product
    // is below 2^26, so it carries nothing into the next lane, and what the shift brings down
    // from the high lane lies above the low lane's 7 bits)
    let q = ((x * 5243) >> 19) & 0x0000_007f_0000_007f;
    // 2-digit values in 16-bit lanes, first pair low: lane / 100, then lane % 100
    let y = q | ((x - q * 100) << 16);
    // each 16-bit lane (< 100) / 10, as (lane * 103) >> 10 (exact below 179; products < 2^14)
    let t = ((y * 103) >> 10) & 0x000f_000f_000f_000f;
    // one digit (0..=9) per byte, first digit low: tens, then ones
    let z = t | ((y - t * 10) << 8);
    // the leading zero digits are low zero bytes (all but the last digit when u == 0)
    let lz = ((z | (1u64 << 56)).trailing_zeros() / 8) as usize;
    ((z + 0x3030_3030_3030_3030) >> (8 * lz), 8 - lz)
}

/// The decimal text of an int of up to 8 characters (-9_999_999..=99_999_999), sign included,
/// as `digits_word` gives it. `None` outside that range.
#[inline(always)]
fn small_int_word(v: i64) -> Option<(u64, usize)> {
    if v <= -10_000_000 || v >= 100_000_000 {
        return None;
    }
    let (mut x, mut n) = digits_word(v.unsigned_abs() as u32);
    if v < 0 {
        x = (x << 8) | b'-' as u64;
        n += 1;
    }
    Some((x, n))
}

impl Str {
    /// The representation's tag byte (`StrRepr` is `repr(u8)`): 0 `Inline`, 1 `Static`, 2
    /// `Heap`, 3 `View`.
    #[inline(always)]
    fn tag(&self) -> u8 {
        // SAFETY: byte 0 of every value is its tag (see `StrRepr`)
        unsafe { *(self as *const Str as *const u8) }
    }
    /// The value whose bytes are the little-endian words `w` (a valid value's: `words_of`, or
    /// `heap_value`'s), put together in a register and stored as one piece: on
    /// wasm32 with SIMD a `Str` is moved as one 16-byte load and store (LLVM lowers its 16-byte
    /// copies to `v128.load`/`v128.store`), and a 16-byte load of a value just written by two
    /// 8-byte stores (or a tag byte and two 4-byte fields) cannot be forwarded from them: the
    /// load waits for the stores to drain (the hot spot after a call that returns a `Str`).
    ///
    /// # Safety
    /// `w` must be the bytes of a valid value, which this one then owns (its count).
    #[inline(always)]
    unsafe fn from_raw_words(w: [u64; STR_INLINE / 8 + 1]) -> Str {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        {
            std::mem::transmute::<std::arch::wasm32::v128, Str>(std::arch::wasm32::u64x2(w[0], w[1]))
        }
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        {
            std::mem::transmute::<[u64; STR_INLINE / 8 + 1], Str>(w)
        }
    }
    /// A `Heap` value of the `len` bytes at `data` (a block's text, one count of it owned by
    /// the new value), built as words on wasm32 (see `from_raw_words`): the tag (2) in byte 0,
    /// `data` at byte 4, `len` at byte 8 (where `as_str` reads them), zero padding.
    #[inline(always)]
    fn heap_value(data: std::ptr::NonNull<u8>, len: usize) -> Str {
        #[cfg(target_pointer_width = "32")]
        {
            // SAFETY: the layout above is `StrRepr::Heap`'s on wasm32 (`repr(u8)`, the fields
            // in order: see `as_str`); the value owns the block's count as `Heap` would
            unsafe { Str::from_raw_words([2 | ((data.as_ptr() as usize as u64) << 32), len as u64]) }
        }
        #[cfg(not(target_pointer_width = "32"))]
        {
            Str(StrRepr::Heap { data, len })
        }
    }
    /// Whether this value holds a count of a heap block (`Heap` or `View`).
    #[inline(always)]
    fn counted(&self) -> bool {
        self.tag() >= 2
    }
    /// The block a `Heap` or `View` value holds a count of.
    ///
    /// # Safety
    /// `self.counted()`.
    #[inline(always)]
    unsafe fn counted_hdr(&self) -> std::ptr::NonNull<HeapHdr> {
        match &self.0 {
            StrRepr::View { hdr, .. } => *hdr,
            StrRepr::Heap { data, .. } => heap_hdr(*data),
            _ => std::hint::unreachable_unchecked(),
        }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub const fn new() -> Str {
        Str(StrRepr::Inline { len: 0, buf: [0; STR_INLINE] })
    }
    /// A literal (or any `&'static str`): no allocation, no copy.
    #[cfg_attr(not(portalis_dev), inline)]
    pub const fn lit(s: &'static str) -> Str {
        Str(StrRepr::Static(s))
    }
    /// `s` (at most `STR_INLINE` bytes) inline.  The value is put together in registers and
    /// stored as whole words: built byte-wise in memory, the first read of it as words (a move,
    /// a compare, a hash) waits for the byte stores to drain (a failed store-to-load forward,
    /// ~40 % of `split`'s time on short pieces).
    #[cfg_attr(not(portalis_dev), inline)]
    fn inline(s: &str) -> Str {
        // SAFETY: see `inline_words`
        unsafe { std::mem::transmute(Str::inline_words(s)) }
    }
    /// `self.len()` in bytes, an inline value's read straight from its length byte (not
    /// through `as_str`'s match of every representation: a join's sum of the lengths).
    #[inline(always)]
    fn byte_len(&self) -> usize {
        match &self.0 {
            StrRepr::Inline { len, .. } => *len as usize,
            _ => self.as_str().len(),
        }
    }
    /// The words of an inline value (tag, length, zero-padded text), else None.
    #[inline(always)]
    fn inline_words_ref(&self) -> Option<&[u64; STR_INLINE / 8 + 1]> {
        match &self.0 {
            // SAFETY: an inline value is all initialised bytes (tag, length, zero-padded text),
            // as large as the words and word-aligned
            StrRepr::Inline { .. } => Some(unsafe { &*(self as *const Str as *const [u64; STR_INLINE / 8 + 1]) }),
            _ => None,
        }
    }
    /// `*dst = Str::inline(s)`, stored as whole words straight into `dst`: a value returned and
    /// then moved is copied as 16 + 8 bytes on x86-64, a 16-byte load of two 8-byte stores that
    /// fails store-to-load forwarding (~30 % of `Pieces::next_into`'s time).
    #[inline(always)]
    fn set_inline(dst: &mut Str, s: &str) {
        Str::set_words(dst, Str::inline_words(s));
    }
    /// `*dst = ` the inline value of the words `w` (`words_of`), stored as whole words.
    #[inline(always)]
    fn set_words(dst: &mut Str, w: [u64; STR_INLINE / 8 + 1]) {
        // SAFETY: the old value is dropped once, then overwritten by a valid inline value (see
        // `words_of`); `Str` is word-aligned and as large as the words
        unsafe {
            std::ptr::drop_in_place(dst);
            let p = dst as *mut Str as *mut u64;
            let mut i = 0;
            while i < w.len() {
                std::ptr::write(p.add(i), w[i]);
                i += 1;
            }
        }
    }
    /// Write the inline value of the words `w` to `dst` (no old value dropped), one store per
    /// word (not a loop: LLVM makes that loop a memcpy from the words put in memory first).
    ///
    /// # Safety
    /// `dst` is valid for writes of a `Str`.
    #[inline(always)]
    unsafe fn write_words(dst: *mut Str, w: [u64; STR_INLINE / 8 + 1]) {
        let p = dst as *mut u64;
        std::ptr::write(p, w[0]);
        std::ptr::write(p.add(1), w[1]);
        #[cfg(not(target_pointer_width = "32"))]
        std::ptr::write(p.add(2), w[2]);
    }
    /// The words of `Str::inline(s)`.
    #[inline(always)]
    fn inline_words(s: &str) -> [u64; STR_INLINE / 8 + 1] {
        let (b, n) = (s.as_bytes(), s.len());
        debug_assert!(n <= STR_INLINE);
        // the text as little-endian words, zero-padded: bytes [0, 8), [8, 16), [16, 24)
        #[cfg(target_pointer_width = "32")]
        let x2 = 0;
        #[cfg(not(target_pointer_width = "32"))]
        let x2 = text_word(b, 16);
        Str::words_of(n, text_word(b, 0), text_word(b, 8), x2)
    }
    /// The words of the inline value of the `n <= STR_INLINE` bytes of text held zero-padded
    /// in the little-endian words `x0, x1, x2` (bytes [0, 8), [8, 16), [16, 24); every byte from
    /// `n` on zero; `x2` unused on wasm32).
    #[inline(always)]
    const fn words_of(n: usize, x0: u64, x1: u64, x2: u64) -> [u64; STR_INLINE / 8 + 1] {
        // tag 0 (`Inline`), then the length byte, then the text
        let w0 = ((n as u64) << 8) | (x0 << 16);
        let w1 = (x0 >> 48) | (x1 << 16);
        #[cfg(target_pointer_width = "32")]
        let words: [u64; 2] = {
            let _ = x2;
            [w0, w1]
        };
        #[cfg(not(target_pointer_width = "32"))]
        let words: [u64; 3] = [w0, w1, (x1 >> 48) | (x2 << 16)];
        // `StrRepr` is `repr(u8)` with `Inline` first: byte 0 is its tag (0), byte 1 `len`,
        // then `buf` (the text, zero-padded as every inline buffer is); the sizes match
        // (checked at compile time by `inline`'s `transmute`); the targets are little-endian
        words
    }
    /// The inline value of `words_of(n, x0, x1, x2)`, put together in registers.
    #[inline(always)]
    fn from_words(n: usize, x0: u64, x1: u64, x2: u64) -> Str {
        // SAFETY: see `words_of`
        unsafe { std::mem::transmute(Str::words_of(n, x0, x1, x2)) }
    }
    /// `from_words` for a value an out-of-line function returns (through memory: see
    /// `from_raw_words`). Not for code inlined into its user: there the words stay in
    /// registers, where the value built as one vector went through memory (lookup 0.91x).
    #[inline(always)]
    pub(crate) fn from_words_out(n: usize, x0: u64, x1: u64, x2: u64) -> Str {
        // SAFETY: see `words_of`
        unsafe { Str::from_raw_words(Str::words_of(n, x0, x1, x2)) }
    }
    /// `Str::inline` for a value an out-of-line function returns (see `from_words_out`).
    #[inline(always)]
    fn inline_out(s: &str) -> Str {
        // SAFETY: see `inline_words`
        unsafe { Str::from_raw_words(Str::inline_words(s)) }
    }
    /// The words of the inline value of the `n <= STR_INLINE` bytes of text at `p`, read as
    /// three whole words and masked to `n` bytes (no branch on the length, as `text_word` has:
    /// pieces of a split have random lengths).
    ///
    /// # Safety
    /// 24 bytes from `p` must be readable; its first `n` are a whole `str`.
    #[inline(always)]
    unsafe fn words_from_text(p: *const u8, n: usize) -> [u64; STR_INLINE / 8 + 1] {
        #[inline(always)]
        fn keep(x: u64, v: usize) -> u64 {
            // the low min(v, 8) bytes of x
            if v >= 8 {
                x
            } else {
                x & ((1u64 << (v * 8)) - 1)
            }
        }
        let w = |at: usize| u64::from_le(std::ptr::read_unaligned(p.add(at) as *const u64));
        let x0 = keep(w(0), n);
        let x1 = keep(w(8), n.saturating_sub(8));
        #[cfg(target_pointer_width = "32")]
        let x2 = 0;
        #[cfg(not(target_pointer_width = "32"))]
        let x2 = keep(w(16), n.saturating_sub(16));
        Str::words_of(n, x0, x1, x2)
    }
    /// A heap copy of `s` with room for `cap >= s.len()` bytes.
    fn heap(s: &str, cap: usize, ascii: u8) -> Str {
        let p = heap_alloc(cap, ascii, false);
        // SAFETY: the block has `cap >= s.len()` bytes after the header
        unsafe { copy_to(heap_data(p), s.as_bytes()) };
        Str::heap_value(heap_text(p), s.len())
    }
    /// A string of `n` bytes written by `fill` at the pointer it is given (`n` writable bytes,
    /// not initialised: a long result's block is not zeroed first).
    ///
    /// # Safety
    /// `fill` must write all `n` bytes, read none it has not written, and leave valid UTF-8.
    pub(crate) unsafe fn build(n: usize, fill: impl FnOnce(*mut u8)) -> Str {
        if n <= STR_INLINE {
            let mut buf = [0u8; STR_INLINE];
            fill(buf.as_mut_ptr());
            return Str(StrRepr::Inline { len: n as u8, buf });
        }
        let p = heap_alloc(n, 0, false);
        fill(heap_data(p));
        Str::heap_value(heap_text(p), n)
    }
    /// A copy of `s`, out of line (for the runtime's loops that make many pieces: one copy of
    /// the code).
    #[inline(never)]
    pub fn piece(s: &str) -> Str {
        Str::from_str_out(s)
    }
    /// `from_str` for a value an out-of-line function returns (see `from_words_out`).
    #[inline(always)]
    fn from_str_out(s: &str) -> Str {
        if s.len() <= STR_INLINE {
            Str::inline_out(s)
        } else {
            Str::from_long(s)
        }
    }
    /// A copy of `s` (inline when short).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn from_str(s: &str) -> Str {
        if s.len() <= STR_INLINE {
            Str::inline(s)
        } else {
            Str::from_long(s)
        }
    }
    // out of line: a program that makes many strings has one copy of this (module size)
    #[inline(never)]
    fn from_long(s: &str) -> Str {
        Str::heap(s, s.len(), 0)
    }
    /// `from_long` with the block's ASCII flag set (the text is scanned as it is copied, while
    /// it is in cache): an f-string's or join's result, whose `len()`, index or slice then needs
    /// no scan of its own (text_clean's `len(c)` of each cleaned line).
    #[inline(never)]
    fn from_long_scanned(s: &str) -> Str {
        Str::heap(s, s.len(), if long_is_ascii(s.as_bytes()) { 1 } else { 2 })
    }
    /// `str(v)` of an int.
    pub fn from_i64(v: i64) -> Str {
        if let Some((x, n)) = small_int_word(v) {
            return Str::from_words(n, x, 0, 0);
        }
        let mut d = [0u8; 20];
        let i = dec_digits(v.unsigned_abs(), &mut d);
        let mut buf = [0u8; STR_INLINE];
        let mut n = 0;
        if v < 0 {
            buf[0] = b'-';
            n = 1;
        }
        let digits = &d[i..];
        if n + digits.len() <= STR_INLINE {
            copy_short(&mut buf[n..], digits);
            Str(StrRepr::Inline { len: (n + digits.len()) as u8, buf })
        } else {
            let mut s = String::with_capacity(21);
            if v < 0 {
                s.push('-');
            }
            s.push_str(std::str::from_utf8(digits).unwrap_or(""));
            Str::from(s)
        }
    }
    /// The one-character string `c`.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn from_char(c: char) -> Str {
        let mut buf = [0u8; STR_INLINE];
        let n = c.encode_utf8(&mut buf[..4]).len();
        Str(StrRepr::Inline { len: n as u8, buf })
    }
    /// An inline text of at most 14 bytes as little-endian words, zero-padded (bytes [0, 8) and
    /// [8, 16)), put together from the value's two first words: aligned reads, where 8-byte
    /// reads at the text (2 bytes into the value) would straddle the two word stores that just
    /// made a fresh value, which the CPU cannot forward (a stall of ~15 cycles per read).
    #[inline(always)]
    pub(crate) fn short_text(&self) -> Option<(usize, u64, u64)> {
        // (byte 0 of the words is the tag, byte 1 the length, the text from byte 2)
        let w = self.inline_words_ref()?;
        let n = (w[0] >> 8 & 0xff) as usize;
        if n > 14 {
            return None;
        }
        Some((n, (w[0] >> 16) | (w[1] << 48), w[1] >> 16))
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn as_str(&self) -> &str {
        #[cfg(target_pointer_width = "32")]
        {
            if self.tag() != 0 {
                // SAFETY: a `Static`, `Heap` or `View` value: a pointer to a whole `str`'s bytes
                // at byte 4, its length at byte 8 (see `View`), alive while this value is
                unsafe {
                    let p = self as *const Str as *const u8;
                    let data = std::ptr::read(p.add(4) as *const *const u8);
                    let len = std::ptr::read(p.add(8) as *const u32) as usize;
                    return std::str::from_utf8_unchecked(std::slice::from_raw_parts(data, len));
                }
            }
        }
        match &self.0 {
            // SAFETY: `buf[..len]` is always a copy of a whole `&str` (see `inline` and
            // `push_str`), so it is valid UTF-8.
            StrRepr::Inline { len, buf } => unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) },
            StrRepr::Static(s) => s,
            // SAFETY: the block holds `len` initialised bytes of UTF-8 (written from `&str`s,
            // or by `build`'s caller), and lives while this value does
            StrRepr::Heap { data, len } => unsafe {
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.as_ptr(), *len))
            },
            // SAFETY: a whole `str` inside the block's text (see `share`), alive while we are
            StrRepr::View { data, len, .. } => unsafe {
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(data.as_ptr(), *len as usize))
            },
        }
    }
    /// Whether the text is ASCII (cached for long strings).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn is_ascii(&self) -> bool {
        if self.counted() {
            // SAFETY: a heap value or view: the header lives while this value does
            let h = unsafe { self.counted_hdr().as_ref() };
            // an ASCII block has ASCII pieces (and `Src` makes views of ASCII blocks only)
            if h.ascii.get() == 1 {
                return true;
            }
            return self.is_ascii_uncached(h);
        }
        // a short inline text: its two words tested at once (no byte loop, no branch on its
        // length)
        if let Some((_, a, b)) = self.short_text() {
            return (a | b) & 0x8080_8080_8080_8080 == 0;
        }
        self.as_str().is_ascii()
    }
    /// `is_ascii` of a heap value or view whose block is not known to be ASCII: a heap value's
    /// answer is cached in its block.
    #[inline(never)]
    fn is_ascii_uncached(&self, h: &HeapHdr) -> bool {
        match &self.0 {
            StrRepr::Heap { .. } => match h.ascii.get() {
                2 => false,
                _ => {
                    let a = self.as_str().is_ascii();
                    h.ascii.set(if a { 1 } else { 2 });
                    a
                }
            },
            _ => self.as_str().is_ascii(),
        }
    }
    /// `len(s)`: code points. In line: an inline text's ASCII test on its two words, a heap
    /// text's cached flag; anything else (not known ASCII yet, not ASCII, a view or literal)
    /// out of line.
    #[inline(always)]
    pub fn char_len(&self) -> i64 {
        match &self.0 {
            // SAFETY: the header lives while this value does
            StrRepr::Heap { data, len } if unsafe { heap_hdr(*data).as_ref() }.ascii.get() == 1 => {
                return *len as i64;
            }
            StrRepr::Inline { .. } => {
                if let Some((n, x0, x1)) = self.short_text() {
                    if (x0 | x1) & 0x8080_8080_8080_8080 == 0 {
                        return n as i64;
                    }
                }
            }
            _ => {}
        }
        self.char_len_slow()
    }
    #[inline(never)]
    fn char_len_slow(&self) -> i64 {
        if self.is_ascii() {
            self.as_str().len() as i64
        } else {
            count_chars(self.as_str())
        }
    }
    /// Append `t` (`s += t`): in place when the text is inline and still fits, or on the heap
    /// and not shared (growing the block by doubling); otherwise into a new block with room.
    pub fn push_str(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        match &mut self.0 {
            StrRepr::Inline { len, buf } if *len as usize + t.len() <= STR_INLINE => {
                let n = *len as usize;
                copy_short(&mut buf[n..], t.as_bytes());
                *len = (n + t.len()) as u8;
                return;
            }
            StrRepr::Heap { data, len } => {
                // SAFETY: the header lives while this value does; with a count of 1 nothing
                // else can see the block, so it may grow and be written past `len`
                unsafe {
                    let mut ptr = heap_hdr(*data);
                    let h = ptr.as_ref();
                    if h.rc.get() == 1 {
                        let need = len.checked_add(t.len()).unwrap_or_else(|| std_alloc_too_large());
                        if need > h.cap {
                            let cap = need.max(h.cap.saturating_mul(2));
                            let old = heap_layout(h.cap);
                            let q = std::alloc::realloc(ptr.as_ptr() as *mut u8, old, heap_layout(cap).size());
                            if q.is_null() {
                                std::alloc::handle_alloc_error(heap_layout(cap));
                            }
                            ptr = std::ptr::NonNull::new_unchecked(q as *mut HeapHdr);
                            (*ptr.as_ptr()).cap = cap;
                            *data = heap_text(ptr);
                        }
                        let h = ptr.as_ref();
                        if h.ascii.get() == 1 && !t.is_ascii() {
                            h.ascii.set(2);
                        }
                        copy_to(data.as_ptr().add(*len), t.as_bytes());
                        *len = need;
                        return;
                    }
                }
            }
            _ => {}
        }
        let cur = self.as_str();
        let n = cur.len() + t.len();
        if n <= STR_INLINE {
            let mut buf = [0u8; STR_INLINE];
            copy_short(&mut buf, cur.as_bytes());
            copy_short(&mut buf[cur.len()..], t.as_bytes());
            *self = Str(StrRepr::Inline { len: n as u8, buf });
            return;
        }
        let mut s = Str::heap(cur, n.max(2 * cur.len()).max(2 * STR_INLINE), 0);
        s.push_str(t);
        *self = s;
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn push(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.push_str(c.encode_utf8(&mut b));
    }
    pub fn into_string(self) -> String {
        self.as_str().to_string()
    }
    /// `sub` (a part of this value's text longer than `STR_INLINE`) as a `Str`: a view of the
    /// same block (or a literal's piece), no copy.
    ///
    /// # Safety
    /// `sub` must lie inside `self.as_str()`.
    #[cfg_attr(not(portalis_dev), inline)]
    unsafe fn share(&self, sub: &str) -> Str {
        let hdr = match &self.0 {
            StrRepr::Heap { data, .. } => heap_hdr(*data),
            StrRepr::View { hdr, .. } => *hdr,
            // a piece of a `&'static str` lives as long
            StrRepr::Static(_) => return Str(StrRepr::Static(&*(sub as *const str))),
            StrRepr::Inline { .. } => return Str::from_str(sub),
        };
        if sub.len() > u32::MAX as usize {
            return Str::from_long(sub);
        }
        let h = hdr.as_ref();
        h.rc.set(h.rc.get() + 1);
        let data = std::ptr::NonNull::new_unchecked(sub.as_ptr() as *mut u8);
        Str(StrRepr::View { hdr, data, len: sub.len() as u32 })
    }
}

/// The text argument of a runtime str function, with the `Str` that holds it when it is one:
/// pieces of it longer than `STR_INLINE` then share its block instead of being copied, and a
/// result that is the whole text (`strip` with nothing to strip, `replace` with nothing to
/// replace) is the same string, as in CPython.
#[derive(Clone, Copy)]
pub struct Src<'a> {
    pub text: &'a str,
    owner: Option<&'a Str>,
}

impl<'a> Src<'a> {
    /// `sub`, a part of `self.text`, as a `Str`.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn piece(&self, sub: &str) -> Str {
        self.piece_inl(sub)
    }
    /// `piece`, always in line (a split's loop: wasm32 kept a call per piece).
    #[inline(always)]
    fn piece_inl(&self, sub: &str) -> Str {
        if sub.len() <= STR_INLINE {
            // SAFETY: see `words_of`
            return unsafe { std::mem::transmute::<[u64; STR_INLINE / 8 + 1], Str>(self.short_words(sub)) };
        }
        self.long_piece(sub)
    }
    /// The words of the inline value of a short piece `sub` (`len <= STR_INLINE`) of the text:
    /// read as whole words from the text when the 24 bytes from its start lie inside it.
    #[inline(always)]
    fn short_words(&self, sub: &str) -> [u64; STR_INLINE / 8 + 1] {
        let (t, p) = (self.text.as_ptr() as usize, sub.as_ptr() as usize);
        if p >= t && p + 24 <= t + self.text.len() {
            // SAFETY: the 24 bytes from `sub`'s start lie inside the text
            return unsafe { Str::words_from_text(sub.as_ptr(), sub.len()) };
        }
        Str::inline_words(sub)
    }
    /// `out.push(self.piece(sub))`, a short piece's words stored straight into the list's
    /// slot: built as a value and then pushed, the piece went through the stack as two word
    /// stores and one 16-byte load, which the CPU cannot forward (a stall on every piece: ~40 %
    /// of `split_strip_byte`'s guest time in text_clean).
    #[inline(always)]
    fn push_to(&self, out: &mut Vec<Str>, sub: &str) {
        if out.len() == out.capacity() {
            out.reserve(1);
        }
        if sub.len() <= STR_INLINE {
            // SAFETY: the slot at `len` is within the capacity (reserved above), uninitialised,
            // word-aligned and as large as the words of a valid inline value (`words_of`), which
            // it holds once `len` counts it
            unsafe {
                Str::write_words(out.as_mut_ptr().add(out.len()), self.short_words(sub));
                out.set_len(out.len() + 1);
            }
            return;
        }
        self.push_other(out, sub);
    }
    // out of line (long pieces): pushed in line, a short piece went through the stack again
    // (LLVM merged the two pushes, the short piece's words stored into the merged value)
    #[inline(never)]
    fn push_other(&self, out: &mut Vec<Str>, sub: &str) {
        out.push(self.piece_inl(sub));
    }
    /// `*dst = self.piece(sub)` (see `Str::set_inline`).
    #[inline(always)]
    pub fn piece_into(&self, sub: &str, dst: &mut Str) {
        if sub.len() <= STR_INLINE {
            Str::set_inline(dst, sub);
        } else {
            *dst = self.long_piece(sub);
        }
    }
    #[inline(never)]
    fn long_piece(&self, sub: &str) -> Str {
        match self.owner {
            Some(o) => {
                let (t, p) = (self.text.as_ptr() as usize, sub.as_ptr() as usize);
                assert!(p >= t && p + sub.len() <= t + self.text.len(), "Src::piece: not a part of the text");
                // (the text may be a part of the owner's: see `str_strip_view`)
                if sub.len() == o.byte_len() {
                    return o.clone();
                }
                // only ASCII pieces are shared: a view has no ASCII flag of its own to cache, and
                // its block's says ASCII (a literal's piece is checked itself; literals cache none)
                let ascii = match &o.0 {
                    StrRepr::Static(_) => sub.is_ascii(),
                    _ => o.is_ascii(),
                };
                if !ascii {
                    return Str::from_long(sub);
                }
                // SAFETY: checked just above: `sub` lies inside the owner's text
                unsafe { o.share(sub) }
            }
            None => Str::from_long(sub),
        }
    }
    /// The whole text as a `Str` (a clone of the owner when the text is all of it).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn whole(&self) -> Str {
        match self.owner {
            Some(o) if self.text.len() == o.byte_len() => o.clone(),
            Some(_) => self.piece(self.text),
            None => Str::from_str(self.text),
        }
    }
}

/// `s.strip()` / `lstrip()` / `rstrip()` (`how` 0 / 1 / 2; `chars` as theirs) as the text
/// argument of another str method (`s.strip().split(",")`, `line.strip().lower()`): the part of
/// `s`'s text, borrowed, with `s` as its owner (pieces of it still share `s`'s block), instead
/// of a `Str` of its own made and dropped. Dereferences to that text.  The scan is out of line
/// (`strip_text`), as `str_strip`'s is: in line it was ~480 lines of IR copied into every
/// function that strips, and recompiled with it on each edit of an incremental dev build.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_strip_view<'a, S: StrSrc + ?Sized>(s: &'a S, how: u8, chars: Option<&str>) -> Src<'a> {
    let src = s.src();
    Src { text: strip_text(src.text, how, chars), owner: src.owner }
}

#[inline(never)]
fn strip_text<'a>(t: &'a str, how: u8, chars: Option<&str>) -> &'a str {
    match chars {
        None => trim_space(t, how != 2, how != 1),
        Some(cs) => match how {
            0 => t.trim_matches(|c: char| cs.contains(c)),
            1 => t.trim_start_matches(|c: char| cs.contains(c)),
            _ => t.trim_end_matches(|c: char| cs.contains(c)),
        },
    }
}

impl StrSrc for Src<'_> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn src(&self) -> Src<'_> {
        *self
    }
}

impl std::ops::Deref for Src<'_> {
    type Target = str;
    #[cfg_attr(not(portalis_dev), inline)]
    fn deref(&self) -> &str {
        self.text
    }
}

/// What runtime str functions take: a `Str` (whose long pieces they share) or any other text.
pub trait StrSrc {
    fn src(&self) -> Src<'_>;
    /// `Str::short_text` of an inline `Str`; None for other text.
    #[inline(always)]
    fn short_text(&self) -> Option<(usize, u64, u64)> {
        None
    }
    /// `len()` in code points: a `Str`'s `char_len` (an inline one's from its words, a heap one
    /// known ASCII its byte length: no scan), else a count of the text's.
    #[inline(always)]
    fn char_count(&self) -> i64 {
        str_len(self.src().text)
    }
}
impl StrSrc for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn src(&self) -> Src<'_> {
        Src { text: self.as_str(), owner: Some(self) }
    }
    #[inline(always)]
    fn short_text(&self) -> Option<(usize, u64, u64)> {
        Str::short_text(self)
    }
    #[inline(always)]
    fn char_count(&self) -> i64 {
        self.char_len()
    }
}
impl StrSrc for str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn src(&self) -> Src<'_> {
        Src { text: self, owner: None }
    }
}
impl StrSrc for String {
    #[cfg_attr(not(portalis_dev), inline)]
    fn src(&self) -> Src<'_> {
        Src { text: self.as_str(), owner: None }
    }
}
impl<T: StrSrc + ?Sized> StrSrc for &T {
    #[cfg_attr(not(portalis_dev), inline)]
    fn src(&self) -> Src<'_> {
        (**self).src()
    }
    #[inline(always)]
    fn short_text(&self) -> Option<(usize, u64, u64)> {
        (**self).short_text()
    }
    #[inline(always)]
    fn char_count(&self) -> i64 {
        (**self).char_count()
    }
}

/// Whether the at least 8 bytes `b` are all ASCII: every word OR-ed together (the last one
/// overlapping the one before), no early exit and no alignment prologue (`<[u8]>::is_ascii`
/// has both: for the short text of an f-string, more than the scan).
#[cfg_attr(not(portalis_dev), inline)]
fn long_is_ascii(b: &[u8]) -> bool {
    let (n, p) = (b.len(), b.as_ptr());
    assert!(n >= 8, "long_is_ascii: short text");
    // SAFETY: every load reads 8 bytes inside `b` (n >= 8)
    let w = |at: usize| unsafe { std::ptr::read_unaligned(p.add(at) as *const u64) };
    let mut acc = w(n - 8);
    let mut i = 0;
    while i + 8 <= n {
        acc |= w(i);
        i += 8;
    }
    acc & 0x8080_8080_8080_8080 == 0
}

#[inline(never)]
fn count_chars(s: &str) -> i64 {
    s.chars().count() as i64
}

impl Drop for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn drop(&mut self) {
        if self.counted() {
            // SAFETY: a heap value or view holds one count of its block
            release(unsafe { self.counted_hdr() })
        }
    }
}

/// Give up one count of a heap block (out of line: every drop of a `Str` would otherwise carry
/// this code; inline and literal strings only test the tag).
#[inline(never)]
fn release(ptr: std::ptr::NonNull<HeapHdr>) {
    // SAFETY: the caller held one count of the block; the last one frees it
    unsafe {
        let h = ptr.as_ref();
        let n = h.rc.get() - 1;
        if n == 0 {
            std::alloc::dealloc(ptr.as_ptr() as *mut u8, heap_layout(h.cap));
        } else {
            h.rc.set(n);
        }
    }
}

/// `dst.copy_from_slice(src)` (same lengths, else a panic as there) without a memcpy call for
/// short pieces (see `copy_to`).
#[inline(always)]
pub fn put_bytes(dst: &mut [u8], src: &[u8]) {
    assert_eq!(dst.len(), src.len(), "put_bytes: lengths differ");
    // SAFETY: `dst` has exactly `src.len()` writable bytes, and a `&mut` does not overlap `src`
    unsafe { copy_to(dst.as_mut_ptr(), src) }
}

/// Bytes `[at, at + 8)` of `b` (those that exist) as a little-endian word, zero-padded; fixed-size
/// loads only.
#[inline(always)]
fn text_word(b: &[u8], at: usize) -> u64 {
    if at >= b.len() {
        0
    } else if b.len() - at >= 8 {
        // SAFETY: at + 8 <= b.len() bytes are readable
        u64::from_le(unsafe { std::ptr::read_unaligned(b.as_ptr().add(at) as *const u64) })
    } else {
        tail_word(&b[at..])
    }
}

// `Str::inline` and `text_word` put bytes in words low byte first
const _: () = assert!(cfg!(target_endian = "little"));

/// `dst[..src.len()] = src` for at most 32 bytes, as two overlapping fixed-size copies:
/// a `copy_from_slice` of a run-time length is a call of `memcpy`, which on wasm32 (no bulk
/// memory instructions in rustc 1.63's target) is a function with a byte loop.
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n >= 16 {
        dst[..16].copy_from_slice(&src[..16]);
        dst[n - 16..n].copy_from_slice(&src[n - 16..]);
    } else if n >= 8 {
        dst[..8].copy_from_slice(&src[..8]);
        dst[n - 8..n].copy_from_slice(&src[n - 8..]);
    } else if n >= 4 {
        dst[..4].copy_from_slice(&src[..4]);
        dst[n - 4..n].copy_from_slice(&src[n - 4..]);
    } else if n >= 2 {
        dst[..2].copy_from_slice(&src[..2]);
        dst[n - 2..n].copy_from_slice(&src[n - 2..]);
    } else if n == 1 {
        dst[0] = src[0];
    }
}

impl Clone for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn clone(&self) -> Str {
        // one test of the tag, no jump table over the four representations (a `match` made one
        // on wasm32: an indirect jump per clone of a list item or dict key)
        if self.counted() {
            // SAFETY: a heap value or view: the header lives while this value does
            let h = unsafe { self.counted_hdr().as_ref() };
            h.rc.set(h.rc.get() + 1);
        }
        // SAFETY: every representation's fields are plain words (pointers, lengths, bytes):
        // the copy is a valid value, and holds the count taken above when it needs one
        unsafe { std::ptr::read(self) }
    }
}

impl Default for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn default() -> Str {
        Str::new()
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    #[cfg_attr(not(portalis_dev), inline)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Str {
    // out of line: generated code converts every runtime `String` result (f-strings and joins
    // end with `Str::from_fmt`), and an inline copy at each of those places made modules larger
    #[inline(never)]
    fn from(s: String) -> Str {
        Str::from_str_out(&s)
    }
}

thread_local! {
    // the buffer the last finished f-string gave back (see `fmt_buf`)
    static FMT_BUF: Cell<String> = const { Cell::new(String::new()) };
}

/// Buffers larger than this are not kept for the next f-string (peak memory stays the text's).
const FMT_BUF_KEEP: usize = 4096;

/// An empty `String` with room for `cap` bytes, for an f-string to be written into: the buffer
/// the last finished one gave back (`Str::from_fmt`), so that an f-string in a loop allocates
/// only its result (nothing when that is short enough to be inline). An f-string inside another
/// takes a new buffer; whichever finishes gives its buffer back.
#[cfg_attr(not(portalis_dev), inline)]
pub fn fmt_buf(cap: usize) -> String {
    let mut s = FMT_BUF.with(|b| b.take());
    s.reserve(cap);
    s
}

impl Str {
    /// The text of an f-string written into `fmt_buf`'s buffer; the buffer is kept for the next.
    // out of line: every f-string ends with it (module size)
    #[inline(never)]
    pub fn from_fmt(mut s: String) -> Str {
        let r = if s.len() <= STR_INLINE { Str::inline_out(&s) } else { Str::from_long_scanned(&s) };
        if s.capacity() <= FMT_BUF_KEEP {
            s.clear();
            FMT_BUF.with(|b| {
                let kept = b.take();
                b.set(if kept.capacity() > s.capacity() { kept } else { s });
            });
        }
        r
    }
}

/// A `list[str]` local that is only ever appended to and joined with one literal separator
/// (`lines = []`, `lines.append(f"...")`, `return "\n".join(lines)`; codegen/emit/common.py
/// `_joinbuf_locals`): the joined text itself, each item written straight into it (an
/// f-string's fields formatted in place) after the separator, no str per item and no list.
/// Joining runs no code, so nothing can tell that the items were never made as strs.
pub struct JoinBuf {
    pub text: String,
    items: usize,
}

impl JoinBuf {
    pub const fn new() -> JoinBuf {
        JoinBuf { text: String::new(), items: 0 }
    }
    /// `xs = []`: empty again (a small buffer kept; a new list takes the buffer the last one
    /// gave back, so that a function called in a loop allocates no buffer for its list).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn renew(&mut self) {
        if self.text.capacity() == 0 {
            self.text = JOIN_BUF.with(|b| b.take());
        } else if self.text.capacity() > FMT_BUF_KEEP {
            self.text = String::new();
        } else {
            self.text.clear();
        }
        self.items = 0;
    }
    /// Before an item is written: the separator, unless it is the first item.
    #[inline(always)]
    pub fn next(&mut self, sep: &str) {
        if self.items > 0 {
            if sep.len() == 1 {
                // (one byte: the separator written in line, no call)
                self.text.push(sep.as_bytes()[0] as char);
            } else {
                push_text(&mut self.text, sep);
            }
        }
        self.items += 1;
    }
    /// `len(xs)`.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn len(&self) -> i64 {
        self.items as i64
    }
    /// `sep.join(xs)`: the text so far, as a str (ASCII flag recorded as it is copied).
    #[inline(never)]
    pub fn join(&self) -> Str {
        let s = self.text.as_str();
        if s.len() <= STR_INLINE { Str::inline_out(s) } else { Str::from_long_scanned(s) }
    }
}

impl Drop for JoinBuf {
    fn drop(&mut self) {
        let cap = self.text.capacity();
        if cap > 0 && cap <= FMT_BUF_KEEP {
            let mut t = std::mem::take(&mut self.text);
            t.clear();
            JOIN_BUF.with(|b| {
                let kept = b.take();
                b.set(if kept.capacity() > cap { kept } else { t });
            });
        }
    }
}

thread_local! {
    // the buffer the last `JoinBuf` gave back (see `JoinBuf::renew`)
    static JOIN_BUF: Cell<String> = const { Cell::new(String::new()) };
}

impl From<&str> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(s: &str) -> Str {
        Str::from_str(s)
    }
}

impl From<&String> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(s: &String) -> Str {
        Str::from_str(s)
    }
}

impl From<char> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(c: char) -> Str {
        Str::from_char(c)
    }
}

impl From<Str> for String {
    #[cfg_attr(not(portalis_dev), inline)]
    fn from(s: Str) -> String {
        s.into_string()
    }
}

impl PartialEq for Str {
    // always inline, the rest out of line: a dict probe with `str` keys (or tuples of them)
    // compares two inline values (two or three words), which a call made slower than the
    // compare (wasm32: ngrams' tuple keys, 5.7 % of its time in an out-of-line `eq`)
    #[inline(always)]
    fn eq(&self, o: &Str) -> bool {
        match (self.inline_words_ref(), o.inline_words_ref()) {
            // the bytes of an inline buffer past its length are always zero (every constructor
            // starts from a zeroed buffer and writes only the text), so equal texts are equal
            // values: the tag, the length and the buffer compared as whole words
            (Some(a), Some(b)) => {
                let mut diff = 0u64;
                let mut j = 0;
                while j < a.len() {
                    diff |= a[j] ^ b[j];
                    j += 1;
                }
                diff == 0
            }
            _ => str_eq_slow(self, o),
        }
    }
}

/// `a == b` for two `Str`s not both inline.
#[inline(never)]
fn str_eq_slow(a: &Str, b: &Str) -> bool {
    match (&a.0, &b.0) {
        (StrRepr::Heap { data: x, len: n }, StrRepr::Heap { data: y, len: m }) if x == y && n == m => true,
        _ => str_eq(a.as_str(), b.as_str()),
    }
}
impl Eq for Str {}
impl PartialEq<str> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn eq(&self, o: &str) -> bool {
        str_eq(self.as_str(), o)
    }
}
impl PartialEq<&str> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn eq(&self, o: &&str) -> bool {
        str_eq(self.as_str(), o)
    }
}
impl PartialEq<String> for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn eq(&self, o: &String) -> bool {
        str_eq(self.as_str(), o)
    }
}
impl PartialOrd for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn partial_cmp(&self, o: &Str) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn cmp(&self, o: &Str) -> Ordering {
        str_cmp(self.as_str(), o.as_str())
    }
}
impl Hash for Str {
    /// As `str`'s hash (`write` of the bytes, then `write_u8(0xff)`), which a `PyDict<Str, V>`
    /// searched with a `&str` needs. An inline value is hashed from its words instead: the
    /// words `FxHasher::write` would add for its text (8-byte words, then the rest zero-padded
    /// with its length in the top bits), given to `write_u64`, which adds a word as `write`
    /// does; the same hash with `FxHasher`, the runtime's only hasher (dicts, sets, memo).
    /// No branchy tail read and no call (wasm32: ngrams' tuple keys, 9.9 % of its time in an
    /// out-of-line `hash`).
    #[inline(always)]
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.inline_words_ref() {
            Some(w) => {
                let n = w[0] >> 8 & 0xff;
                // the text's bytes [0, 8), [8, 16) and [16, 24), zero-padded (byte 0 is the
                // tag, byte 1 the length, then the buffer)
                let x0 = (w[0] >> 16) | (w[1] << 48);
                let x1 = w[1] >> 16 | if w.len() > 2 { w[w.len() - 1] << 48 } else { 0 };
                if n < 8 {
                    if n > 0 {
                        state.write_u64(x0 ^ (n << 59));
                    }
                } else {
                    state.write_u64(x0);
                    // (16 bytes and more only on 64-bit targets: no code for them on wasm32)
                    if n < 16 || STR_INLINE < 16 {
                        if n > 8 {
                            state.write_u64(x1 ^ ((n - 8) << 59));
                        }
                    } else {
                        state.write_u64(x1);
                        if n > 16 {
                            state.write_u64((w[w.len() - 1] >> 16) ^ ((n - 16) << 59));
                        }
                    }
                }
                state.write_u8(0xff);
            }
            None => hash_text(self.as_str(), state),
        }
    }
}

#[inline(never)]
fn hash_text<H: Hasher>(s: &str, state: &mut H) {
    s.hash(state)
}
impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// `a + b` for str: appends to `a` (in place when `a` is not shared).
impl std::ops::Add<&Str> for Str {
    type Output = Str;
    /// A result of at most 14 bytes from an inline or literal left side and an inline right
    /// side (`"SKU-" + str(n).zfill(6)`) is put together in two words in line (through
    /// `push_str`, a copy of each side into a byte buffer: ~175 instructions on wasm32).
    #[cfg_attr(not(portalis_dev), inline)]
    fn add(mut self, o: &Str) -> Str {
        if let Some((m, y0, y1)) = o.short_text() {
            let left = match &self.0 {
                StrRepr::Static(t) if t.len() <= 14 => Some((t.len(), text_word(t.as_bytes(), 0), text_word(t.as_bytes(), 8))),
                _ => self.short_text(),
            };
            if let Some((n, mut lo, mut hi)) = left {
                if n + m <= 14 {
                    // (n >= 8 leaves at most 6 bytes for `o`: its second word is zero)
                    or_at(&mut lo, &mut hi, n, y0, y1);
                    return Str::from_words(n + m, lo, hi, 0);
                }
            }
        }
        self.push_str(o);
        self
    }
}

impl std::ops::Add<&str> for Str {
    type Output = Str;
    #[cfg_attr(not(portalis_dev), inline)]
    fn add(mut self, o: &str) -> Str {
        self.push_str(o);
        self
    }
}

impl PyFmt for Str {
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_repr(&self, out: &mut String) {
        push_str_repr(out, self);
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn fmt_str(&self, out: &mut String) {
        push_text(out, self);
    }
}

/// An operand of a str `+` chain written at the end of a recursive function's result buffer
/// (its `_into` fn: codegen/emit/function.py `into_candidate`): in line, `copy_to`'s moves.
#[inline(always)]
pub fn push_piece(out: &mut String, s: &str) {
    let n = s.len();
    out.reserve(n);
    // SAFETY: `reserve` made room for n more bytes; appending a whole `str` keeps UTF-8
    unsafe {
        let v = out.as_mut_vec();
        let len = v.len();
        copy_to(v.as_mut_ptr().add(len), s.as_bytes());
        v.set_len(len + n);
    }
}

/// `str(v)` of an int as such an operand: a digit in line, other values by `push_i64`.
#[inline(always)]
pub fn push_int_piece(out: &mut String, v: i64) {
    if (v as u64) < 10 {
        // SAFETY: an ASCII digit
        unsafe { out.as_mut_vec().push(b'0' + v as u8) }
    } else {
        push_i64(out, v);
    }
}

/// `out.push_str(s)` for the pieces of an f-string or `print`: up to 32 bytes by fixed-size
/// moves (`copy_to`), not a memcpy call (a byte loop on wasm32). Out of line: one copy of the
/// code for every f-string (the edit-to-run cost of a program grows with what is inlined).
#[inline(never)]
pub fn push_text(out: &mut String, s: &str) {
    if s.len() > 32 {
        out.push_str(s);
    } else {
        push_piece(out, s);
    }
}

impl PyFormat for Str {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        format_str_spec(self, spec, line)
    }
    fn py_format_into(&self, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
        format_str_into(self, spec, out, line)
    }
}

/// Python slice semantics: returns (start, step, count) over a sequence of length `len`.
pub fn slice_indices(
    len: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<(i64, i64, i64)> {
    let mut step = step.unwrap_or(1);
    if step == 0 {
        return Err(value_err("slice step cannot be zero", line));
    }
    if step < -i64::MAX {
        step = -i64::MAX;
    }
    let adjust = |v: Option<i64>, is_start: bool| -> i64 {
        match v {
            None => {
                if step < 0 {
                    if is_start {
                        len - 1
                    } else {
                        -1
                    }
                } else if is_start {
                    0
                } else {
                    len
                }
            }
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let s = adjust(start, true);
    let e = adjust(stop, false);
    let count = if step < 0 {
        if e < s {
            (s - e - 1) / (-step) + 1
        } else {
            0
        }
    } else if s < e {
        (e - s - 1) / step + 1
    } else {
        0
    };
    Ok((s, step, count))
}

/// len(s) in code points.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_len(s: &str) -> i64 {
    if s.is_ascii() {
        s.len() as i64
    } else {
        s.chars().count() as i64
    }
}

fn char_string(c: char) -> String {
    let mut buf = [0u8; 4];
    String::from(&*c.encode_utf8(&mut buf))
}

/// s[i]
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_index(s: &str, i: i64, line: u32) -> PyResult<Str> {
    str_index_hint(s, false, i, line)
}

/// `s[i]` where `ascii` is a caller-proven `s.is_ascii()` (hoisted out of a loop by the
/// emitter): O(1) then; otherwise O(i), with an ASCII-prefix fast path.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_index_hint(s: &str, ascii: bool, i: i64, line: u32) -> PyResult<Str> {
    match str_char_at(s, ascii, i) {
        Some(c) => Ok(Str::from_char(c)),
        None => Err(str_index_error(line)),
    }
}

impl PyList<Str> {
    /// Item `k` into `dst` (a `for` loop over a list of str: a clone, no allocation); false
    /// past the end.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn read_str_into(&self, k: usize, dst: &mut Str) -> bool {
        match self.0.borrow().get(k) {
            Some(x) => {
                *dst = x.clone();
                true
            }
            None => false,
        }
    }
}

/// `t[i]` for a tuple whose items share one type, with a run-time index (IndexError as CPython).
pub fn tuple_index<T: Clone>(items: &[T], i: i64, line: u32) -> PyResult<T> {
    match norm_index(i, items.len()) {
        Some(j) => Ok(items[j].clone()),
        None => Err(index_err("tuple index out of range", line)),
    }
}

/// `t.index(x)` on a tuple of one item type (its items by reference).
pub fn tuple_index_of<T: PartialEq>(items: &[&T], v: &T, line: u32) -> PyResult<i64> {
    match items.iter().position(|x| *x == v) {
        Some(i) => Ok(i as i64),
        None => Err(value_err("tuple.index(x): x not in tuple", line)),
    }
}

/// `t.count(x)` on a tuple of one item type.
pub fn tuple_count<T: PartialEq>(items: &[&T], v: &T) -> i64 {
    items.iter().filter(|x| **x == v).count() as i64
}

/// `a, b = xs`: the items of a list that must hold exactly `n` (ValueError texts as CPython's).
pub fn list_unpack<T: Clone>(l: &PyList<T>, n: usize, line: u32) -> PyResult<Vec<T>> {
    let v = l.0.borrow();
    if v.len() < n {
        let msg = format!("not enough values to unpack (expected {}, got {})", n, v.len());
        return Err(value_err(&msg, line));
    }
    if v.len() > n {
        return Err(value_err(&format!("too many values to unpack (expected {})", n), line));
    }
    Ok(v.clone())
}

/// `a, *b, c = xs`: the first `before` items, a new list of the ones in between, the last
/// `after` (ValueError text as CPython's).
#[allow(clippy::type_complexity)]
pub fn list_unpack_star<T: Clone>(l: &PyList<T>, before: usize, after: usize, line: u32) -> PyResult<(Vec<T>, PyList<T>, Vec<T>)> {
    let v = l.0.borrow();
    let n = before + after;
    if v.len() < n {
        let msg = format!("not enough values to unpack (expected at least {}, got {})", n, v.len());
        return Err(value_err(&msg, line));
    }
    let end = v.len() - after;
    Ok((v[..before].to_vec(), PyList::from_vec(v[before..end].to_vec()), v[end..].to_vec()))
}

/// `sep.join(list)` for a list of str: no per-item clone.
pub fn str_join_list(sep: &str, l: &PyList<Str>) -> Str {
    let items = l.0.borrow();
    join_strided(sep, &items, 0, 1, items.len())
}

/// `sep.join(xs)` for a list of str, written at the end of `out` (a join inside a concatenation
/// that is built in one buffer): no str of its own.
pub fn push_join_list(out: &mut String, sep: &str, l: &PyList<Str>) {
    let items = l.0.borrow();
    let n: usize = items.iter().map(|x| x.byte_len()).sum::<usize>() + sep.len() * items.len().saturating_sub(1);
    out.reserve(n);
    // SAFETY: `reserve` made room for the n bytes written below (whole `str`s: UTF-8 stays)
    unsafe {
        let v = out.as_mut_vec();
        let start = v.len();
        let (base, mut pos) = (v.as_mut_ptr().add(start), 0usize);
        for (k, x) in items.iter().enumerate() {
            if k > 0 {
                copy_to(base.add(pos), sep.as_bytes());
                pos += sep.len();
            }
            let b = x.as_bytes();
            copy_to(base.add(pos), b);
            pos += b.len();
        }
        debug_assert_eq!(pos, n);
        v.set_len(start + pos);
    }
}

/// One item of `sep.join(...)` written into an f-string's buffer (the emitter's `join_into`):
/// the separator unless it is the `first` item, then `x`; one call and one `reserve` for both.
#[inline(never)]
pub fn push_join_text(out: &mut String, sep: &str, first: bool, x: &str) {
    let s = if first { 0 } else { sep.len() };
    out.reserve(s + x.len());
    // SAFETY: `reserve` made room for both; whole `str`s keep the text UTF-8
    unsafe {
        let v = out.as_mut_vec();
        let len = v.len();
        let p = v.as_mut_ptr().add(len);
        copy_to(p, &sep.as_bytes()[..s]);
        copy_to(p.add(s), x.as_bytes());
        v.set_len(len + s + x.len());
    }
}

/// `push_join_text` of `str(v)` for an int: its digits written straight into the buffer (up
/// to 8 digits put together in a register, last digit first, and stored as one word).
#[inline(never)]
pub fn push_join_i64(out: &mut String, sep: &str, first: bool, v: i64) {
    let s = if first { 0 } else { sep.len() };
    let neg = (v < 0) as usize;
    let mut d = [0u8; 20];
    // (x, nd digits, i): digits in the word x (i == 20) or in d[i..]
    let (x, nd, i) = if v > -100_000_000 && v < 100_000_000 {
        let (x, nd) = digits_word(v.unsigned_abs() as u32);
        (x, nd, 20)
    } else {
        let i = dec_digits(v.unsigned_abs(), &mut d);
        (0u64, 20 - i, i)
    };
    // 8 bytes of room past the sign for the word store (its bytes past the digits are spare
    // capacity, not text)
    out.reserve(s + neg + nd.max(8));
    // SAFETY: `reserve` made room for the separator, the sign and max(nd, 8) bytes; all
    // written bytes kept are ASCII or the separator's whole `str`
    unsafe {
        let vec = out.as_mut_vec();
        let len = vec.len();
        let p = vec.as_mut_ptr().add(len);
        copy_to(p, &sep.as_bytes()[..s]);
        *p.add(s) = b'-';
        let q = p.add(s + neg);
        if i == 20 {
            std::ptr::write_unaligned(q as *mut u64, x.to_le());
        } else {
            copy_to(q, &d[i..]);
        }
        vec.set_len(len + s + neg + nd);
    }
}

/// `sep.join(xs[start:stop:step])` for a list of str: no list for the slice. In line at the
/// call site, where the separator is a literal: its length tests fold away (ngrams' `" ".join(
/// words[i:i + 3])`: 11 % of its instructions out of line); any slice but an in-range `xs[i:j]`
/// goes out of line.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_join_list_slice(
    sep: &str,
    l: &PyList<Str>,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<Str> {
    if let (Some(a), Some(b), None) = (start, stop, step) {
        // `xs[i:j]` inside the list: no call of the general slice arithmetic
        let items = l.0.borrow();
        if 0 <= a && a <= b && b <= items.len() as i64 {
            return Ok(join_strs(sep, &items[a as usize..b as usize]));
        }
    }
    str_join_list_slice_strided(sep, l, start, stop, step, line)
}

/// `str_join_list_slice` of any other slice.
#[inline(never)]
fn str_join_list_slice_strided(
    sep: &str,
    l: &PyList<Str>,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<Str> {
    let items = l.0.borrow();
    let (st, sp, n) = slice_indices(items.len() as i64, start, stop, step, line)?;
    Ok(join_strided(sep, &items, st as usize, sp as isize, n as usize))
}

/// `sep.join` of the `n` items `items[start]`, `items[start + step]`, ... (all in range).
fn join_strided(sep: &str, items: &[Str], start: usize, step: isize, n: usize) -> Str {
    if step == 1 {
        return join_strs(sep, &items[start..start + n]);
    }
    let picked: Vec<&str> = (0..n).map(|k| items[(start as isize + k as isize * step) as usize].as_str()).collect();
    join_all(sep, &picked)
}

/// `sep.join(items)` of `Str`s: as `join_all`, but an inline item (a word, a piece of a `split`)
/// is copied as the fixed words of its whole buffer (its text, then zeros that the next piece
/// overwrites) into a destination with `STR_INLINE` bytes of room past the text: no branch on
/// its length (with pieces of random lengths, `copy_to`'s length tests mispredict). A result of
/// at most 14 bytes with a separator of at most one byte is put together in registers (see
/// `or_at`); another short result in a zeroed local buffer, then made inline from its words. In
/// line in its two callers (a call less per `" ".join(words[i:i + 3])`).
#[inline(always)]
fn join_strs(sep: &str, items: &[Str]) -> Str {
    let n_bytes: usize = items.iter().map(|x| x.byte_len()).sum::<usize>() + sep.len() * items.len().saturating_sub(1);
    if n_bytes <= 14 && sep.len() <= 1 {
        // up to 14 bytes with a separator of at most one byte: the text put together in two
        // registers (little-endian words, zero-padded), each piece OR-ed in at its place. Written
        // to a buffer in memory and read back as words, the read waited for the piece stores to
        // drain (a failed store-to-load forward: ~10 % of ngrams' `" ".join(words[i:i + 3])`).
        let (mut lo, mut hi) = (0u64, 0u64);
        let c = if sep.len() == 1 { sep.as_bytes()[0] as u64 } else { 0 };
        let mut pos = 0usize;
        for (k, x) in items.iter().enumerate() {
            if k > 0 && sep.len() == 1 {
                or_at(&mut lo, &mut hi, pos, c, 0);
                pos += 1;
            }
            let (n, a, b) = match x.short_text() {
                Some(t) => t,
                None => {
                    let t = x.as_bytes();
                    (t.len(), text_word(t, 0), text_word(t, 8))
                }
            };
            or_at(&mut lo, &mut hi, pos, a, b);
            pos += n;
        }
        debug_assert_eq!(pos, n_bytes);
        return Str::from_words_out(n_bytes, lo, hi, 0);
    }
    if n_bytes <= STR_INLINE {
        // every piece starts at or before n_bytes <= STR_INLINE and writes at most STR_INLINE
        // bytes: 48 bytes of room; a byte past n_bytes is only ever written as a piece's padding
        // (zero), so the words read back hold the text zero-padded, as `inline_words` wants
        let mut buf = [0u64; 6];
        // SAFETY: see above; the items' text is whole `str`s, so the result is UTF-8
        unsafe { join_strs_into(buf.as_mut_ptr() as *mut u8, 48, sep, items) };
        return Str::from_words_out(n_bytes, u64::from_le(buf[0]), u64::from_le(buf[1]), u64::from_le(buf[2]));
    }
    let p = heap_alloc(n_bytes, 0, false);
    // SAFETY: the block has room for the text
    unsafe { join_strs_into(heap_data(p), n_bytes, sep, items) };
    Str::heap_value(heap_text(p), n_bytes)
}

/// OR the text `a, b` (bytes [0, 8) and [8, 16) as little-endian words, zero-padded) into the
/// text `lo, hi` at byte `pos`, where it ends by byte 14 (`pos + ` its length `<= 14`: so `b` is
/// zero when `pos >= 8`, and nothing is shifted out past byte 16). No branch: two shifts and
/// selects.
#[inline(always)]
fn or_at(lo: &mut u64, hi: &mut u64, pos: usize, a: u64, b: u64) {
    debug_assert!(pos <= 14 && (pos < 8 || b == 0));
    let s = ((pos * 8) & 63) as u32;
    let a_lo = a << s;
    // a's bytes carried into the high word (none when s is 0: `a >> 64` would overflow)
    let carry = (a >> 1) >> (63 - s);
    let low_half = pos < 8;
    *lo |= if low_half { a_lo } else { 0 };
    *hi |= if low_half { carry | (b << s) } else { a_lo };
}

/// Write `sep.join(items)` at `dst`, which has room for `cap` bytes (at least the text's): a
/// piece with `STR_INLINE` bytes of room after its start is copied by `put_piece` (its padding
/// overwritten by what follows), the last ones exactly (no room past the text is needed).
#[inline(always)]
unsafe fn join_strs_into(dst: *mut u8, cap: usize, sep: &str, items: &[Str]) {
    let mut pos = 0usize;
    // (a one-byte separator, the usual " " or ",", stored as a byte: `copy_to`'s length tests
    // ran for every item)
    let sep1 = if sep.len() == 1 { Some(sep.as_bytes()[0]) } else { None };
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            if let Some(c) = sep1 {
                *dst.add(pos) = c;
                pos += 1;
            } else if !sep.is_empty() {
                copy_to(dst.add(pos), sep.as_bytes());
                pos += sep.len();
            }
        }
        if pos + STR_INLINE <= cap {
            pos += put_piece(dst.add(pos), x);
        } else {
            let b = x.as_bytes();
            copy_to(dst.add(pos), b);
            pos += b.len();
        }
    }
}

/// Copy the text of `x` to `dst`, which has room for `STR_INLINE` bytes at least; its length.
/// An inline value's whole buffer is copied (text, then zeros) by fixed-size moves.
#[inline(always)]
unsafe fn put_piece(dst: *mut u8, x: &Str) -> usize {
    match &x.0 {
        StrRepr::Inline { len, buf } => {
            // [0, 8), [8, 16) and [STR_INLINE - 8, STR_INLINE) cover the buffer (14 or 22 bytes)
            const MID: usize = if STR_INLINE >= 16 { 8 } else { STR_INLINE - 8 };
            let p = buf.as_ptr();
            let a = std::ptr::read_unaligned(p as *const u64);
            let b = std::ptr::read_unaligned(p.add(MID) as *const u64);
            let c = std::ptr::read_unaligned(p.add(STR_INLINE - 8) as *const u64);
            std::ptr::write_unaligned(dst as *mut u64, a);
            std::ptr::write_unaligned(dst.add(MID) as *mut u64, b);
            std::ptr::write_unaligned(dst.add(STR_INLINE - 8) as *mut u64, c);
            *len as usize
        }
        _ => {
            let s = x.as_bytes();
            copy_to(dst, s);
            s.len()
        }
    }
}

/// `a + b + c + ...` of strs (the operands evaluated first, left to right, as Python does): one
/// block of the exact size, or an inline value, instead of a new str per `+`.
/// An f-string of plain pieces (the emitter's `fstring_pieces`): `str_concat`, and a result
/// longer than `STR_INLINE` has its ASCII flag recorded (see `Str::from_long_scanned`).
pub fn str_concat_scanned(parts: &[&str]) -> Str {
    let mut n_bytes = 0usize;
    for x in parts {
        n_bytes += x.len();
    }
    if n_bytes <= 14 {
        // put together in two registers (see `join_strs`)
        let (mut lo, mut hi, mut pos) = (0u64, 0u64, 0usize);
        for x in parts {
            let t = x.as_bytes();
            or_at(&mut lo, &mut hi, pos, text_word(t, 0), text_word(t, 8));
            pos += t.len();
        }
        return Str::from_words_out(n_bytes, lo, hi, 0);
    }
    if n_bytes <= STR_INLINE {
        return join_all("", parts);
    }
    let p = heap_alloc(n_bytes, 0, false);
    // SAFETY: the block has room for exactly the concatenation of whole `str`s (n_bytes, from
    // the same immutable parts), so every copy stays inside it and the text is valid UTF-8
    unsafe {
        let base = heap_data(p);
        let mut pos = 0usize;
        for x in parts {
            copy_to(base.add(pos), x.as_bytes());
            pos += x.len();
        }
        debug_assert_eq!(pos, n_bytes);
        let text = std::slice::from_raw_parts(base as *const u8, n_bytes);
        p.as_ref().ascii.set(if long_is_ascii(text) { 1 } else { 2 });
    }
    Str::heap_value(heap_text(p), n_bytes)
}

/// `f"{v:0w}"` / `f"{v:w}"` (`zero`, `width`) as a `Str` (see `push_int_padded`): short text
/// inline, no buffer.
pub fn int_padded_str(v: i64, zero: bool, width: usize) -> Str {
    let mut d = [0u8; 20];
    let i = dec_digits(v.unsigned_abs(), &mut d);
    let (nd, neg) = (d.len() - i, (v < 0) as usize);
    let n = (nd + neg).max(width);
    if n > STR_INLINE {
        let mut s = String::with_capacity(n);
        push_int_padded(&mut s, v, zero, width);
        return Str::from(s);
    }
    let pad = n - nd - neg;
    let mut buf = [0u8; STR_INLINE];
    let mut k = 0;
    if !zero {
        while k < pad {
            buf[k] = b' ';
            k += 1;
        }
    }
    if neg == 1 {
        buf[k] = b'-';
        k += 1;
    }
    if zero {
        let end = k + pad;
        while k < end {
            buf[k] = b'0';
            k += 1;
        }
    }
    buf[k..n].copy_from_slice(&d[i..]);
    Str(StrRepr::Inline { len: n as u8, buf })
}

/// `a + b + c + ...` of a few strs (codegen/emit/expressions.py `str_chain`), inlined where it
/// is written: the literal pieces' lengths are constants there, so their copies are single
/// stores and the total length partly folds (`"(" + a + " " + op + " " + b + ")"`: a
/// `str_concat` call spent most of its time on the pieces' size tests). Up to 8 pieces are
/// copied by straight-line code.
#[inline(always)]
pub fn str_concat_n<const N: usize>(parts: [&str; N]) -> Str {
    let mut n = 0usize;
    for p in parts.iter() {
        n += p.len();
    }
    let mut buf = [0u8; STR_INLINE];
    let heap = if n <= STR_INLINE { None } else { Some(heap_alloc(n, 0, false)) };
    let base = match heap {
        Some(h) => heap_data(h),
        None => buf.as_mut_ptr(),
    };
    // one copy per piece written out (a loop over the pieces is not unrolled: each literal's
    // copy would stay a run of size tests); `get(k)` of a constant past N folds away
    let mut pos = 0usize;
    let mut put = |k: usize| {
        if let Some(p) = parts.get(k) {
            // SAFETY: the block (or `buf`) has room for exactly the `n` bytes of the pieces,
            // whole `str`s, so every copy stays inside it and the result is valid UTF-8
            unsafe { copy_to(base.add(pos), p.as_bytes()) };
            pos += p.len();
        }
    };
    put(0);
    put(1);
    put(2);
    put(3);
    put(4);
    put(5);
    put(6);
    put(7);
    for k in 8..N {
        put(k);
    }
    match heap {
        Some(h) => Str::heap_value(heap_text(h), n),
        None => Str(StrRepr::Inline { len: n as u8, buf }),
    }
}

pub fn str_concat(parts: &[&str]) -> Str {
    join_all("", parts)
}

/// `sep.join(items)`: one block of the exact size, each piece copied by `copy_to` (fixed-size
/// moves for short pieces, no memcpy call), a loop without a separator when it is empty.
fn join_all<T: std::ops::Deref<Target = str>>(sep: &str, items: &[T]) -> Str {
    let n_bytes: usize = items.iter().map(|x| x.len()).sum::<usize>() + sep.len() * items.len().saturating_sub(1);
    // (`build` makes a short result inline, in a local buffer)
    // SAFETY: the block has room for exactly the concatenation of whole `str`s (n_bytes, from
    // the same immutable items), so every copy stays inside it and the result is valid UTF-8
    unsafe {
        Str::build(n_bytes, |base| {
            let mut pos = 0usize;
            if sep.is_empty() {
                for x in items {
                    copy_to(base.add(pos), x.as_bytes());
                    pos += x.len();
                }
            } else {
                for (k, x) in items.iter().enumerate() {
                    if k > 0 {
                        copy_to(base.add(pos), sep.as_bytes());
                        pos += sep.len();
                    }
                    copy_to(base.add(pos), x.as_bytes());
                    pos += x.len();
                }
            }
            debug_assert_eq!(pos, n_bytes);
        })
    }
}

/// `s == "lit"` of a `Str` (or a text) against a literal (codegen/emit/expressions.py): an
/// inline value compares its length byte and text (no bounds test of the length), any other
/// its pointer first: a literal stored in a list and compared with the same literal is the
/// same bytes (tree_rec's `kind == "num"`), the bytes compared only when the pointers differ.
pub trait EqLit {
    fn eq_lit(&self, lit: &'static str) -> bool;
}

impl EqLit for Str {
    #[inline(always)]
    fn eq_lit(&self, lit: &'static str) -> bool {
        let n = lit.len();
        if self.tag() == 0 {
            if n > STR_INLINE {
                return false;
            }
            // SAFETY: an inline value: byte 1 its length (at most STR_INLINE), its text from
            // byte 2; n bytes are read only when the length is n
            unsafe {
                let p = self as *const Str as *const u8;
                if *p.add(1) as usize != n {
                    return false;
                }
                return str_eq_bytes(std::slice::from_raw_parts(p.add(2), n), lit.as_bytes());
            }
        }
        let t = self.as_str();
        t.len() == n && (t.as_ptr() == lit.as_ptr() || str_eq_bytes(t.as_bytes(), lit.as_bytes()))
    }
}

impl EqLit for str {
    #[inline(always)]
    fn eq_lit(&self, lit: &'static str) -> bool {
        str_eq(self, lit)
    }
}

impl<T: EqLit + ?Sized> EqLit for &T {
    #[inline(always)]
    fn eq_lit(&self, lit: &'static str) -> bool {
        (**self).eq_lit(lit)
    }
}

impl EqLit for String {
    #[inline(always)]
    fn eq_lit(&self, lit: &'static str) -> bool {
        str_eq(self, lit)
    }
}

/// `a == b` for str: a length test, then fixed-size or word compares (a memcmp call is a
/// function with a byte loop on wasm32).
#[inline(always)]
pub fn str_eq(a: &str, b: &str) -> bool {
    str_eq_bytes(a.as_bytes(), b.as_bytes())
}

/// `x == y` for byte strings, as `str_eq` (no memcmp call).
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_eq_bytes(x: &[u8], y: &[u8]) -> bool {
    let n = x.len();
    if n != y.len() {
        return false;
    }
    // up to 16 bytes: two overlapping fixed-size compares (a memcmp call is a function with a
    // byte loop on wasm32)
    if (8..16).contains(&n) {
        return x[..8] == y[..8] && x[n - 8..] == y[n - 8..];
    }
    if (4..8).contains(&n) {
        return x[..4] == y[..4] && x[n - 4..] == y[n - 4..];
    }
    if n >= 16 {
        return long_bytes_eq(x, y);
    }
    // 0 to 3 bytes: the first, middle and last byte cover them all
    n == 0 || (x[0] == y[0] && x[n / 2] == y[n / 2] && x[n - 1] == y[n - 1])
}

/// The first position at or after `i` of a Python whitespace byte in the ASCII text `b` (or
/// `b.len()`): the end of a word of `split()`. Eight bytes at a time: the "has less than" word
/// test marks bytes below 0x21, the lowest mark exactly; a marked byte that is not whitespace
/// (a control character) is stepped over. A word shorter than 8 bytes ends in one step, so
/// the loop's branches follow the text's words less than a byte loop's exit does.
#[inline(always)]
fn ascii_word_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let sp = |c: u8| matches!(c, 0x09..=0x0d | 0x1c..=0x20);
    let (n, p) = (b.len(), b.as_ptr());
    while i + 8 <= n {
        // SAFETY: i + 8 <= n bytes are readable
        let w = u64::from_le(unsafe { std::ptr::read_unaligned(p.add(i) as *const u64) });
        let t = w.wrapping_sub(ONES.wrapping_mul(0x21)) & !w & HIGH;
        if t == 0 {
            i += 8;
            continue;
        }
        let j = i + (t.trailing_zeros() / 8) as usize;
        if sp(b[j]) {
            return j;
        }
        i = j + 1;
    }
    while i < n && !sp(b[i]) {
        i += 1;
    }
    i
}

/// The first position at or after `i` of a byte below 0x20 in the ASCII text `b` (every ASCII
/// line break is one), else `b.len()`: 16 bytes per step on wasm32 with SIMD (one unsigned
/// compare and a bit mask), else 8 (the "has less than" word test, exact for bytes below 0x80:
/// its lowest set bit marks the first such byte, a borrow only reaches bytes above it); no byte
/// loop to find that byte in the block that has it.
#[inline(always)]
fn next_below_0x20(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (n, p) = (b.len(), b.as_ptr());
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use std::arch::wasm32::{u8x16_bitmask, u8x16_lt, u8x16_splat, v128, v128_load};
        let lim = u8x16_splat(0x20);
        while i + 16 <= n {
            // SAFETY: i + 16 <= n bytes are readable (an unaligned load)
            let m = u8x16_bitmask(u8x16_lt(unsafe { v128_load(p.add(i) as *const v128) }, lim));
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
        }
    }
    while i + 8 <= n {
        // SAFETY: i + 8 <= n bytes are readable
        let w = u64::from_le(unsafe { std::ptr::read_unaligned(p.add(i) as *const u64) });
        let t = w.wrapping_sub(ONES.wrapping_mul(0x20)) & !w & HIGH;
        if t != 0 {
            return i + (t.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < n && b[i] >= 0x20 {
        i += 1;
    }
    i
}

/// The first position of byte `c` in `b`: eight bytes at a time (the zero-byte test on the word
/// XOR `c` repeated), the last few as one more word (no byte loop). The scan of split, find and
/// replace: a tight loop of its own, where a byte loop with the caller's work inlined in it
/// spilled registers on every byte (wasm32, Cranelift).
#[inline(always)]
pub fn find_byte(b: &[u8], c: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (n, p) = (b.len(), b.as_ptr());
    let rep = ONES.wrapping_mul(c as u64);
    let mut i = 0;
    while i + 8 <= n {
        // SAFETY: i + 8 <= n bytes are readable
        let x = u64::from_le(unsafe { std::ptr::read_unaligned(p.add(i) as *const u64) }) ^ rep;
        // the lowest set bit marks the first zero byte of x exactly (a borrow only reaches
        // bytes above a zero byte)
        let t = x.wrapping_sub(ONES) & !x & HIGH;
        if t != 0 {
            return Some(i + (t.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if i == n {
        return None;
    }
    // the last n - i < 8 bytes as one word too: the last 8 of the text when there are that
    // many (the bytes before i in it did not match, so the first match in it is at i or
    // after), else the whole text zero-padded, the padding masked off
    let (at, x, keep) = if n >= 8 {
        // SAFETY: n >= 8 bytes are readable
        (n - 8, u64::from_le(unsafe { std::ptr::read_unaligned(p.add(n - 8) as *const u64) }), u64::MAX)
    } else {
        (0, tail_word(b), (1u64 << (n * 8)) - 1)
    };
    let x = x ^ rep;
    let t = x.wrapping_sub(ONES) & !x & HIGH & keep;
    if t != 0 {
        return Some(at + (t.trailing_zeros() / 8) as usize);
    }
    None
}

/// `a` against `b` in code-point order (UTF-8's byte order), where `str::cmp` is a memcmp call
/// (a byte loop on wasm32): the common prefix a word at a time; the first byte that differs is
/// found from the XOR of two little-endian words (trailing zeros; wasm32 has no byte swap).
/// Under 8 bytes, a byte loop (most short strs differ in their first byte).
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_cmp(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let n = x.len().min(y.len());
    if n >= 8 {
        return long_str_cmp(x, y);
    }
    for k in 0..n {
        if x[k] != y[k] {
            return x[k].cmp(&y[k]);
        }
    }
    x.len().cmp(&y.len())
}

#[inline(never)]
fn long_str_cmp(x: &[u8], y: &[u8]) -> Ordering {
    let n = x.len().min(y.len());
    assert!(n >= 8);
    let (p, q) = (x.as_ptr(), y.as_ptr());
    // SAFETY: every load reads 8 bytes inside [0, n) of both slices
    let w = |s: *const u8, at: usize| unsafe { u64::from_le(std::ptr::read_unaligned(s.add(at) as *const u64)) };
    let mut at = 0;
    loop {
        // the last word overlaps the one before: its first bytes are equal on both sides
        let at8 = if at + 8 <= n { at } else { n - 8 };
        let d = w(p, at8) ^ w(q, at8);
        if d != 0 {
            let k = at8 + (d.trailing_zeros() / 8) as usize;
            return x[k].cmp(&y[k]);
        }
        at += 8;
        if at >= n {
            return x.len().cmp(&y.len());
        }
    }
}

/// Two byte strings of the same length (> 16) equal: 8 bytes at a time, then the last 8 (wasm32's
/// memcmp is a byte loop).
#[inline(never)]
fn long_bytes_eq(x: &[u8], y: &[u8]) -> bool {
    let n = x.len();
    assert!(y.len() == n && n >= 8);
    let (p, q) = (x.as_ptr(), y.as_ptr());
    // SAFETY: every load reads 8 bytes inside [0, n) of both slices
    unsafe {
        let w = |s: *const u8, at: usize| std::ptr::read_unaligned(s.add(at) as *const u64);
        let mut at = 0;
        while at + 8 < n {
            if w(p, at) != w(q, at) {
                return false;
            }
            at += 8;
        }
        w(p, n - 8) == w(q, n - 8)
    }
}

/// `s[i]` as a char (for `s[i] == t[j]`: two code points compare like one-character strs).
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_index_char(s: &str, ascii: bool, i: i64, line: u32) -> PyResult<char> {
    str_char_at(s, ascii, i).ok_or_else(|| str_index_error(line))
}

/// `s[i] == other` without allocating the one-character string.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_index_eq(s: &str, ascii: bool, i: i64, other: &str, line: u32) -> PyResult<bool> {
    if ascii {
        let b = s.as_bytes();
        let n = b.len() as i64;
        let j = if i < 0 { i + n } else { i };
        // not `(0..n).contains(&j)`: Range::contains is not #[inline] in rustc 1.63 (a call in
        // a crate built without cross-unit LTO)
        if j < 0 || j >= n {
            return Err(str_index_error(line));
        }
        // b[j] is ASCII, so equal strings are exactly the one-byte `other` with that byte
        let o = other.as_bytes();
        return Ok(o.len() == 1 && o[0] == b[j as usize]);
    }
    match str_char_at(s, ascii, i) {
        // no memcmp call: one length test and one char decode
        Some(c) => Ok(other.len() == c.len_utf8() && other.starts_with(c)),
        None => Err(str_index_error(line)),
    }
}

#[cold]
fn str_index_error(line: u32) -> PyErr {
    index_err("string index out of range", line)
}

#[cfg_attr(not(portalis_dev), inline)]
fn str_char_at(s: &str, ascii: bool, i: i64) -> Option<char> {
    let b = s.as_bytes();
    if ascii {
        let n = b.len() as i64;
        let j = if i < 0 { i + n } else { i };
        return if j >= 0 && j < n { Some(b[j as usize] as char) } else { None };
    }
    str_char_at_slow(s, i)
}

// out of line: keeps `str_char_at`'s ASCII path small enough to inline into loops (`a[i - 1]`
// in a DP over two words was a call per read)
#[inline(never)]
fn str_char_at_slow(s: &str, i: i64) -> Option<char> {
    let b = s.as_bytes();
    let blen = b.len() as u64;
    if i >= 0 {
        // a char index is never larger than the byte length
        if (i as u64) < blen {
            let iu = i as usize;
            if b[..=iu].is_ascii() {
                return Some(b[iu] as char);
            }
            return s.chars().nth(iu);
        }
    } else {
        let k = i.unsigned_abs();
        if k <= blen {
            let start = b.len() - k as usize;
            if b[start..].is_ascii() {
                return Some(b[start] as char);
            }
            return s.chars().rev().nth((k - 1) as usize);
        }
    }
    None
}

/// s[start:stop:step]
pub fn str_slice<S: StrSrc + ?Sized>(
    s: &S,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<Str> {
    let src = s.src();
    str_slice_hint_src(src, src.text.is_ascii(), start, stop, step, line)
}

/// `s[start:stop:step]` where `ascii` is `s.is_ascii()` (a `Str` caches it, or the emitter
/// hoisted it out of a loop): O(length of the result) then.  `s[i:j]` of ASCII text is worked
/// out in line (a tokenizer's `src[i:j]` per token: `slice_indices` was a call with the general
/// step's cases); what `slice_indices` does for step 1: a negative bound counts from the end,
/// both are clamped to the text, and a stop before the start is an empty piece.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_slice_hint<S: StrSrc + ?Sized>(s: &S,
    ascii: bool,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<Str> {
    let src = s.src();
    if ascii && step.is_none() {
        let n = src.text.len() as i64;
        let clamp = |v: i64| if v < 0 { if v + n < 0 { 0 } else { v + n } } else if v > n { n } else { v };
        let st = start.map_or(0, clamp);
        let sp = stop.map_or(n, clamp);
        let sp = if sp < st { st } else { sp };
        return Ok(src.piece(&src.text[st as usize..sp as usize]));
    }
    str_slice_hint_src(src, ascii, start, stop, step, line)
}

fn str_slice_hint_src(src: Src<'_>,
    ascii: bool,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<Str> {
    let s = src.text;
    if ascii {
        let b = s.as_bytes();
        let (st, sp, n) = slice_indices(b.len() as i64, start, stop, step, line)?;
        if sp == 1 {
            return Ok(src.piece(&s[st as usize..(st + n) as usize]));
        }
        let mut out = String::with_capacity(n as usize);
        let mut i = st;
        for _ in 0..n {
            out.push(b[i as usize] as char);
            i += sp;
        }
        return Ok(Str::from(out));
    }
    let chars: Vec<char> = s.chars().collect();
    let (st, sp, n) = slice_indices(chars.len() as i64, start, stop, step, line)?;
    let mut out = String::new();
    let mut i = st;
    for _ in 0..n {
        out.push(chars[i as usize]);
        i += sp;
    }
    Ok(Str::from(out))
}

/// s * n with CPython's errors instead of an allocation failure for absurd sizes: past
/// PY_SSIZE_T_MAX code points (64-bit CPython) `OverflowError: repeated string is too long`,
/// else MemoryError.
pub fn str_repeat_checked(s: &str, n: i64, line: u32) -> PyResult<Str> {
    if n > 0 && (s.len() as u128) * (n as u128) > (isize::MAX as u128) / 2 {
        if (s.chars().count() as u128) * (n as u128) > i64::MAX as u128 {
            return Err(PyErr::new(&OVERFLOW_ERROR, "repeated string is too long", line));
        }
        return Err(PyErr::with_args(&MEMORY_ERROR, vec![], vec![], line));
    }
    if n <= 0 || s.is_empty() {
        return Ok(Str::new());
    }
    // the result built in place (inline when short): no `String` to copy into a `Str`
    let (b, total) = (s.as_bytes(), s.len() * n as usize); // fits: checked above
    if b.len() == 1 && total <= STR_INLINE {
        // (`" " * k`, a padding) put together in registers
        let w = 0x0101_0101_0101_0101u64 * b[0] as u64;
        let keep = |v: usize| if v >= 8 { w } else { w & ((1u64 << (v * 8)) - 1) };
        return Ok(Str::from_words_out(total, keep(total), keep(total.saturating_sub(8)), keep(total.saturating_sub(16))));
    }
    // SAFETY: every byte of the `total` written: copies of the whole `s` (valid UTF-8)
    Ok(unsafe {
        Str::build(total, |buf| {
            if b.len() == 1 {
                std::ptr::write_bytes(buf, b[0], total);
                return;
            }
            copy_to(buf, b);
            let mut done = b.len();
            while done < total {
                let k = done.min(total - done);
                std::ptr::copy_nonoverlapping(buf, buf.add(done), k);
                done += k;
            }
        })
    })
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn str_contains(hay: &str, needle: &str) -> bool {
    find_sub(hay, needle).is_some()
}

/// str.split(sep, maxsplit)
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_split<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<PyList<Str>> {
    str_split_src(s.src(), sep, maxsplit, line)
}

fn str_split_src(src: Src<'_>, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<PyList<Str>> {
    let s = src.text;
    let mut out: Vec<Str> = Vec::with_capacity(split_capacity(sep));
    split_each(s, sep, maxsplit, line, |p| src.push_to(&mut out, p))?;
    Ok(PyList::from_vec(out))
}

/// `[x.strip() for x in s.split(sep)]` (`how` 0; 1: `lstrip`, 2: `rstrip`; no chars, no
/// maxsplit): the list in one pass, each piece trimmed before it becomes a `Str` (no untrimmed
/// piece made and dropped, no call per item). Split's errors as `str_split`'s.
pub fn str_split_strip<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, how: u8, line: u32) -> PyResult<PyList<Str>> {
    let src = s.src();
    if let Some(&[c]) = sep.map(str::as_bytes) {
        return Ok(PyList::from_vec(split_strip_byte(src, c, how)));
    }
    let mut out: Vec<Str> = Vec::with_capacity(split_capacity(sep));
    split_each(src.text, sep, -1, line, |p| out.push(src.piece(trim_space(p, how != 2, how != 1))))?;
    Ok(PyList::from_vec(out))
}

/// `s.split(sep, maxsplit)` bound to a local that is only indexed (`xs[i]`, `len(xs)`: the
/// emitter's piece locals): the pieces in a plain `Vec`, no list around them.
pub fn str_split_vec<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<Vec<Str>> {
    let src = s.src();
    let mut out: Vec<Str> = Vec::with_capacity(split_capacity(sep));
    split_each(src.text, sep, maxsplit, line, |p| src.push_to(&mut out, p))?;
    Ok(out)
}

/// `str_split_strip` into a plain `Vec` (see `str_split_vec`).
pub fn str_split_strip_vec<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, how: u8, line: u32) -> PyResult<Vec<Str>> {
    let src = s.src();
    if let Some(&[c]) = sep.map(str::as_bytes) {
        return Ok(split_strip_byte(src, c, how));
    }
    let mut out: Vec<Str> = Vec::with_capacity(split_capacity(sep));
    split_each(src.text, sep, -1, line, |p| out.push(src.piece(trim_space(p, how != 2, how != 1))))?;
    Ok(out)
}

/// `t[a..b]` where `a` and `b` are known character boundaries (next to an ASCII byte, or the
/// ends): the bounds checked, the boundaries not (`str` slicing tests both ends for a
/// continuation byte: ~10 instructions per piece of a split).
///
/// # Safety
/// `a` and `b` must be character boundaries of `t` (or out of bounds, which panics as a slice).
#[inline(always)]
unsafe fn cut(t: &str, a: usize, b: usize) -> &str {
    std::str::from_utf8_unchecked(&t.as_bytes()[a..b])
}

/// `str_split_strip` by a one-byte separator `c` (ASCII: it never occurs inside a multi-byte
/// UTF-8 sequence, so the pieces are cut at character boundaries), the pieces made in this one
/// loop (through `split_each` its closure and `Src::piece` stayed calls per piece on wasm32).
#[inline(never)]
fn split_strip_byte(src: Src<'_>, c: u8, how: u8) -> Vec<Str> {
    let (t, b) = (src.text, src.text.as_bytes());
    let mut out: Vec<Str> = Vec::with_capacity(4);
    let mut st = 0;
    loop {
        let end = match find_byte(&b[st..], c) {
            Some(j) => st + j,
            None => b.len(),
        };
        // SAFETY: `st` is 0 or just past an ASCII byte, `end` at one or the end: boundaries
        let p = unsafe { t.get_unchecked(st..end) };
        src.push_to(&mut out, trim_space(p, how != 2, how != 1));
        if end == b.len() {
            return out;
        }
        st = end + 1;
    }
}

/// `xs[i]` of a piece local (see `str_split_vec`), borrowed; IndexError as a list's.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_piece(v: &[Str], i: i64, line: u32) -> PyResult<&Str> {
    let n = v.len() as i64;
    let j = if i < 0 { i.wrapping_add(n) } else { i };
    if j < 0 || j >= n {
        return Err(index_err("list index out of range", line));
    }
    Ok(&v[j as usize])
}

/// The room a split's list starts with: 4 pieces when there is a separator (there is at least
/// one piece, and 4 is what a `Vec`'s first push allocates: the same block, without the
/// out-of-line growth path on the first piece), else none.
#[inline(always)]
fn split_capacity(sep: Option<&str>) -> usize {
    if sep.is_some() {
        4
    } else {
        0
    }
}

/// `for x in s.split(sep)` (no maxsplit), `for x in s.split()` and `for x in s.splitlines()`:
/// the pieces one at a time, without the list. A str cannot change, so splitting as the loop
/// goes gives exactly the pieces splitting first would; the errors come first, as CPython's.
/// Done lazily for a `Str`'s text, with a separator of one ASCII byte, or whitespace or line
/// breaks in ASCII text; anything else is split first into a list, as before.
pub struct Pieces {
    s: Str,
    pos: usize,
    how: PiecesHow,
}

enum PiecesHow {
    Byte(u8),
    Space,
    Lines,
    List(PyList<Str>),
}

impl Pieces {
    /// `s.split(sep)` (maxsplit -1).
    pub fn split<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, line: u32) -> PyResult<Pieces> {
        let src = s.src();
        // (text that is not a `Str`'s, a `String` temporary, is split first: keeping it for
        // the loop would copy it once more)
        let how = match sep {
            Some(sep) if sep.len() == 1 && src.owner.is_some() => PiecesHow::Byte(sep.as_bytes()[0]),
            None if src.owner.is_some() && src.text.is_ascii() => PiecesHow::Space,
            _ => PiecesHow::List(str_split_src(src, sep, -1, line)?),
        };
        Ok(Pieces { s: Pieces::owned(src), pos: 0, how })
    }
    /// `s.splitlines()`.
    pub fn lines<S: StrSrc + ?Sized>(s: &S) -> Pieces {
        let src = s.src();
        let how = if src.owner.is_some() && src.text.is_ascii() {
            PiecesHow::Lines
        } else {
            PiecesHow::List(str_splitlines_keep_src(src, false))
        };
        Pieces { s: Pieces::owned(src), pos: 0, how }
    }
    fn owned(src: Src<'_>) -> Str {
        match src.owner {
            Some(_) => src.whole(), // (the owner itself unless the text is a part of it)
            None => Str::new(), // (split into a list already: see `split`)
        }
    }
    /// The next piece, or None after the last.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn next_raw(&mut self) -> Option<Str> {
        let mut d = Str::new();
        if self.next_into(&mut d) {
            Some(d)
        } else {
            None
        }
    }
    /// The next piece into `dst`; false after the last. A split at a byte (`line.split(";")`)
    /// is found in line at the loop (out of line, with the other ways behind a `match`, it was
    /// a call per piece: ~40 % of the cost of a short field); the other ways out of line.
    #[inline(always)]
    pub fn next_into(&mut self, dst: &mut Str) -> bool {
        match self.how {
            PiecesHow::Byte(c) => self.next_byte_into(c, dst),
            PiecesHow::Space => self.next_space_into(dst),
            _ => self.next_into_other(dst),
        }
    }
    /// `next_into` of a split at the byte `c`.
    #[inline(always)]
    fn next_byte_into(&mut self, c: u8, dst: &mut Str) -> bool {
        let src = self.s.src();
        let (b, n, i) = (src.text.as_bytes(), src.text.len(), self.pos);
        // `pos` past the end once the last piece (the text after the last separator, maybe
        // empty) is out
        if i > n {
            return false;
        }
        let e = match find_byte(&b[i..], c) {
            Some(j) => i + j,
            None => n,
        };
        // SAFETY: `i` is 0 or just past the ASCII separator, `e` at one or the end
        src.piece_into(unsafe { cut(src.text, i, e) }, dst);
        self.pos = e + 1;
        true
    }
    /// `next_into` of a split at whitespace (`for w in text.split()`, wordcount's loop): in
    /// line where the loop is small enough.
    #[cfg_attr(not(portalis_dev), inline)]
    fn next_space_into(&mut self, dst: &mut Str) -> bool {
        let src = self.s.src();
        let (b, n) = (src.text.as_bytes(), src.text.len());
        // Python's ASCII whitespace: \t \n \v \f \r, \x1c-\x1f and ' '
        let sp = |c: u8| matches!(c, 0x09..=0x0d | 0x1c..=0x20);
        let mut st = self.pos;
        while st < n && sp(b[st]) {
            st += 1;
        }
        if st == n {
            self.pos = n;
            return false;
        }
        let e = ascii_word_end(b, st);
        // SAFETY: the text is ASCII (`PiecesHow::Space`): every position is a boundary
        src.piece_into(unsafe { cut(src.text, st, e) }, dst);
        self.pos = e;
        true
    }
    /// `next_into` of the other ways (lines, a list's items), out of line.
    #[inline(never)]
    fn next_into_other(&mut self, dst: &mut Str) -> bool {
        let src = self.s.src();
        let (t, b, n, i) = (src.text, src.text.as_bytes(), src.text.len(), self.pos);
        let (st, end, next) = match self.how {
            PiecesHow::Byte(_) | PiecesHow::Space => unreachable!("next_into takes these"),
            PiecesHow::Lines => {
                if i >= n {
                    return false;
                }
                // the ASCII line breaks: \n \r (\r\n as one) \x0b \x0c \x1c \x1d \x1e
                let mut e = next_below_0x20(b, i);
                while e < n && !matches!(b[e], 0x0a..=0x0d | 0x1c..=0x1e) {
                    e = next_below_0x20(b, e + 1);
                }
                let next = if e + 1 < n && b[e] == b'\r' && b[e + 1] == b'\n' { e + 2 } else { e + 1 };
                (i, e, next)
            }
            PiecesHow::List(ref l) => {
                if !l.read_str_into(i, dst) {
                    return false;
                }
                self.pos = i + 1;
                return true;
            }
        };
        // SAFETY: the text is ASCII (`PiecesHow::Lines`): every position is a boundary
        src.piece_into(unsafe { cut(t, st, end) }, dst);
        self.pos = next;
        true
    }
}

/// `s.split(sep, maxsplit)[k]` with a constant `k` >= 0 or -1: that piece, without a list of
/// them (split's own errors first, then list's IndexError).
pub fn str_split_nth<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, maxsplit: i64, k: i64, line: u32) -> PyResult<Str> {
    let src = s.src();
    let base = src.text.as_ptr() as usize;
    let mut hit: Option<(usize, usize)> = None; // where the piece is in the text (split yields sub-slices)
    let mut n = 0i64;
    split_each(src.text, sep, maxsplit, line, |p| {
        if n == k || k == -1 {
            let at = p.as_ptr() as usize - base;
            hit = Some((at, at + p.len()));
        }
        n += 1;
    })?;
    match hit {
        Some((a, b)) => Ok(src.piece(&src.text[a..b])),
        None => Err(index_err("list index out of range", line)),
    }
}

/// `a, b = s.split(sep, maxsplit)`: the `N` pieces without a list (ValueError texts as
/// `list_unpack`'s, after split's own errors, as CPython splits first).
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_split_unpack<const N: usize>(s: &(impl StrSrc + ?Sized),
    sep: Option<&str>,
    maxsplit: i64,
    line: u32,
) -> PyResult<[Str; N]> {
    str_split_unpack_src::<N>(s.src(), sep, maxsplit, line)
}

/// `a, b = s.split(sep, maxsplit)` into `a` and `b` (distinct locals not read by the call):
/// as `str_split_unpack`, but each piece is made in its target, which is only written once the
/// unpack succeeded (CPython assigns nothing on a ValueError). A returned `[Str; N]` is moved
/// through stack slots a piece at a time, as a tag byte and overlapping 4-byte copies of the
/// next 7 bytes that fail store-to-load forwarding (~10 % of a split-and-unpack loop's time).
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_split_unpack_into<const N: usize>(s: &(impl StrSrc + ?Sized),
    sep: Option<&str>,
    maxsplit: i64,
    out: [&mut Str; N],
    line: u32,
) -> PyResult<()> {
    let mut out = out;
    if let (Some(sep), true) = (sep, maxsplit < 0) {
        if let ([c], Some((n, t0, t1))) = (sep.as_bytes(), s.short_text()) {
            if *c != 0 && split_short_into(n, t0, t1, *c, &mut out) {
                return Ok(());
            }
        }
    }
    let src = s.src();
    let at = split_positions::<N>(src.text, sep, maxsplit, line)?;
    pieces_into(src, &at, out);
    Ok(())
}

/// `out = t.split(c)` for the short text `t` (`n` <= 14 bytes as zero-padded little-endian
/// words `t0`, `t1`: `Str::short_text`) and a separator byte `c` != 0, when it has exactly `N`
/// pieces: found and made in registers (a field just split off a line, read at its text, makes
/// reads that straddle the word stores that made it: see `Str::short_text`). False, nothing
/// written, for any other count (the general path then raises).
#[inline(always)]
fn split_short_into<const N: usize>(n: usize, t0: u64, t1: u64, c: u8, out: &mut [&mut Str; N]) -> bool {
    const L7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // 0x80 in each zero byte of x, nothing elsewhere (no borrow between bytes)
    let zero = |x: u64| !((x & L7).wrapping_add(L7) | x | L7);
    let rep = 0x0101_0101_0101_0101u64.wrapping_mul(c as u64);
    // the padding past n is zero bytes and c is not: separators only in the text
    let (mut m0, mut m1) = (zero(t0 ^ rep), zero(t1 ^ rep));
    if (m0.count_ones() + m1.count_ones()) as usize + 1 != N {
        return false;
    }
    // bytes [a, a + len) of the text, zero-padded
    let piece = |a: usize, len: usize| -> [u64; STR_INLINE / 8 + 1] {
        let (y0, y1) = if a == 0 {
            (t0, t1)
        } else if a < 8 {
            ((t0 >> (8 * a)) | (t1 << (64 - 8 * a)), t1 >> (8 * a))
        } else {
            (t1 >> (8 * (a - 8)), 0)
        };
        let keep = |k: usize| if k >= 8 { u64::MAX } else { (1u64 << (8 * k)) - 1 };
        Str::words_of(len, y0 & keep(len), y1 & keep(len.saturating_sub(8)), 0)
    };
    let mut st = 0usize;
    for (k, o) in out.iter_mut().enumerate() {
        let end = if k + 1 == N {
            n
        } else if m0 != 0 {
            let e = (m0.trailing_zeros() / 8) as usize;
            m0 &= m0 - 1;
            e
        } else {
            let e = 8 + (m1.trailing_zeros() / 8) as usize;
            m1 &= m1 - 1;
            e
        };
        Str::set_words(o, piece(st, end - st));
        st = end + 1;
    }
    true
}

/// Where the `N` pieces of `t.split(sep, maxsplit)` are, when there are exactly `N`; else
/// split's own error, or the unpack's ValueError.
#[inline(always)]
fn split_positions<const N: usize>(t: &str, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<[(usize, usize); N]> {
    let mut at = [(0usize, 0usize); N];
    let mut n = 0usize;
    if let (Some(sep), true) = (sep, maxsplit < 0) {
        if sep.len() == 1 {
            // one ASCII byte (see split_each): where the first N - 1 pieces end, then the last
            let (c, b) = (sep.as_bytes()[0], t.as_bytes());
            let mut st = 0usize;
            while let Some(j) = find_byte(&b[st..], c) {
                if n < N {
                    at[n] = (st, st + j);
                }
                n += 1;
                st += j + 1;
            }
            if n + 1 != N {
                return Err(unpack_count_err(N, n + 1, line));
            }
            at[N - 1] = (st, b.len());
            return Ok(at);
        }
    }
    let base = t.as_ptr() as usize;
    split_each(t, sep, maxsplit, line, |p| {
        if n < N {
            let a = p.as_ptr() as usize - base;
            at[n] = (a, a + p.len());
        }
        n += 1;
    })?;
    if n != N {
        return Err(unpack_count_err(N, n, line));
    }
    Ok(at)
}

/// The pieces of `src` at `at`, as an array (filled in place: rustc 1.63's `array::from_fn`
/// goes through `array::map`, a slow out-of-line copy loop on wasm32).
#[inline(always)]
fn pieces_at<const N: usize>(src: Src<'_>, at: &[(usize, usize); N]) -> [Str; N] {
    let mut out: [Str; N] = [EMPTY_STR; N];
    for (o, &(a, b)) in out.iter_mut().zip(at.iter()) {
        // SAFETY: `split_positions` gives the bounds of pieces of `src.text` (`split_each`'s,
        // or cut next to an ASCII separator): character boundaries
        src.piece_into(unsafe { cut(src.text, a, b) }, o);
    }
    out
}

/// The pieces of `src` at `at`, each written into its target.
#[inline(always)]
fn pieces_into<const N: usize>(src: Src<'_>, at: &[(usize, usize); N], out: [&mut Str; N]) {
    for (o, &(a, b)) in out.into_iter().zip(at.iter()) {
        // SAFETY: as in `pieces_at`
        src.piece_into(unsafe { cut(src.text, a, b) }, o);
    }
}

/// The empty string, for array initialisers (`[EMPTY_STR; N]`).
pub const EMPTY_STR: Str = Str::new();

fn str_split_unpack_src<const N: usize>(src: Src<'_>,
    sep: Option<&str>,
    maxsplit: i64,
    line: u32,
) -> PyResult<[Str; N]> {
    let at = split_positions::<N>(src.text, sep, maxsplit, line)?;
    Ok(pieces_at(src, &at))
}

/// CPython's ValueError for unpacking a list of `got` items into `n` names.
#[cold]
fn unpack_count_err(n: usize, got: usize, line: u32) -> PyErr {
    if got < n {
        value_err(&format!("not enough values to unpack (expected {}, got {})", n, got), line)
    } else {
        value_err(&format!("too many values to unpack (expected {})", n), line)
    }
}

/// The pieces of `s.split(sep, maxsplit)`, in order, to `put`.
#[cfg_attr(not(portalis_dev), inline)]
fn split_each(s: &str, sep: Option<&str>, maxsplit: i64, line: u32, mut put: impl FnMut(&str)) -> PyResult<()> {
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_err("empty separator", line));
            }
            if sep.len() == 1 {
                // one ASCII byte: it never occurs inside a multi-byte UTF-8 sequence, so a byte
                // scan finds exactly the separators (the generic searcher is slow for one byte)
                let c = sep.as_bytes()[0];
                let b = s.as_bytes();
                let mut st = 0;
                let mut left = maxsplit;
                while left != 0 {
                    match find_byte(&b[st..], c) {
                        Some(j) => {
                            // SAFETY: `st` is 0 or just past a separator, `st + j` at one
                            put(unsafe { cut(s, st, st + j) });
                            st += j + 1;
                            left -= 1;
                        }
                        None => break,
                    }
                }
                // SAFETY: as above
                put(unsafe { cut(s, st, s.len()) });
            } else {
                // `find_sub`, not `str::split`: that sets up a Two-Way searcher on every call,
                // which costs more than the search in the short strings split usually sees (a
                // match of valid UTF-8 starts and ends on character boundaries)
                let mut st = 0;
                let mut left = maxsplit;
                while left != 0 {
                    match find_sub(&s[st..], sep) {
                        Some(j) => {
                            put(&s[st..st + j]);
                            st += j + sep.len();
                            left -= 1;
                        }
                        None => break,
                    }
                }
                put(&s[st..]);
            }
        }
        None if s.is_ascii() => {
            // bytes are characters: Python's ASCII whitespace is \t \n \v \f \r, \x1c-\x1f and ' '
            let b = s.as_bytes();
            let sp = |c: u8| matches!(c, 0x09..=0x0d | 0x1c..=0x20);
            let (mut i, n) = (0usize, b.len());
            let mut left = maxsplit;
            loop {
                while i < n && sp(b[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                // SAFETY (both): the text is ASCII: every position is a boundary
                if left == 0 {
                    put(unsafe { cut(s, i, n) });
                    break;
                }
                let st = i;
                i = ascii_word_end(b, i);
                put(unsafe { cut(s, st, i) });
                if left > 0 {
                    left -= 1;
                }
            }
        }
        None => {
            let mut rest = s.trim_start_matches(py_isspace);
            let mut left = maxsplit;
            while !rest.is_empty() {
                if left == 0 {
                    put(rest);
                    break;
                }
                match rest.find(py_isspace) {
                    Some(i) => {
                        put(&rest[..i]);
                        rest = rest[i..].trim_start_matches(py_isspace);
                        if left > 0 {
                            left -= 1;
                        }
                    }
                    None => {
                        put(rest);
                        break;
                    }
                }
            }
        }
    }
    Ok(())
}

/// str.rsplit(sep, maxsplit)
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_rsplit<S: StrSrc + ?Sized>(s: &S,
    sep: Option<&str>,
    maxsplit: i64,
    line: u32,
) -> PyResult<PyList<Str>> {
    str_rsplit_src(s.src(), sep, maxsplit, line)
}

fn str_rsplit_src(src: Src<'_>,
    sep: Option<&str>,
    maxsplit: i64,
    line: u32,
) -> PyResult<PyList<Str>> {
    let mut out: Vec<Str> = Vec::new();
    rsplit_each(src.text, sep, maxsplit, line, |p| out.push(src.piece(p)))?;
    out.reverse();
    Ok(PyList::from_vec(out))
}

/// The pieces of `s.rsplit(sep, maxsplit)`, last first, to `put`.
#[cfg_attr(not(portalis_dev), inline)]
fn rsplit_each(s: &str, sep: Option<&str>, maxsplit: i64, line: u32, mut put: impl FnMut(&str)) -> PyResult<()> {
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_err("empty separator", line));
            }
            if sep.len() == 1 {
                // one ASCII byte (see split_each): a byte scan from the end, no searcher
                let (c, b) = (sep.as_bytes()[0], s.as_bytes());
                let mut end = b.len();
                let mut left = maxsplit;
                while left != 0 {
                    match b[..end].iter().rposition(|&x| x == c) {
                        Some(j) => {
                            put(&s[j + 1..end]);
                            end = j;
                            left -= 1;
                        }
                        None => break,
                    }
                }
                put(&s[..end]);
                return Ok(());
            }
            if maxsplit < 0 {
                s.rsplit(sep).for_each(&mut put);
                return Ok(());
            }
            let n = (maxsplit as u64).saturating_add(1).min(usize::MAX as u64) as usize;
            s.rsplitn(n, sep).for_each(&mut put);
        }
        None => {
            let mut rest = s.trim_end_matches(py_isspace);
            let mut left = maxsplit;
            while !rest.is_empty() {
                if left == 0 {
                    put(rest);
                    break;
                }
                match rest.rfind(py_isspace) {
                    Some(i) => {
                        let c_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        put(&rest[i + c_len..]);
                        rest = rest[..i].trim_end_matches(py_isspace);
                        if left > 0 {
                            left -= 1;
                        }
                    }
                    None => {
                        put(rest);
                        break;
                    }
                }
            }
        }
    }
    Ok(())
}

/// `a, b = s.split(sep, maxsplit)[start:]`, `a, b = s.rsplit(sep, maxsplit)[start:]` (`rev`) and
/// `a, b = s.rsplit(sep, maxsplit)` (start 0): the `N` pieces without the list or its slice
/// (split's own errors first, then `list_unpack`'s ValueError texts for the sliced list).
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_split_unpack_from<const N: usize>(s: &(impl StrSrc + ?Sized),
    sep: Option<&str>,
    maxsplit: i64,
    rev: bool,
    start: i64,
    line: u32,
) -> PyResult<[Str; N]> {
    str_split_unpack_from_src::<N>(s.src(), sep, maxsplit, rev, start, line)
}

fn str_split_unpack_from_src<const N: usize>(src: Src<'_>,
    sep: Option<&str>,
    maxsplit: i64,
    rev: bool,
    start: i64,
    line: u32,
) -> PyResult<[Str; N]> {
    let at = split_window::<N>(src.text, sep, maxsplit, rev, start, line)?;
    Ok(pieces_at(src, &at))
}

/// `str_split_unpack_from` into `N` distinct locals the call does not read (see
/// `str_split_unpack_into`).
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_split_unpack_from_into<const N: usize>(s: &(impl StrSrc + ?Sized),
    sep: Option<&str>,
    maxsplit: i64,
    rev: bool,
    start: i64,
    out: [&mut Str; N],
    line: u32,
) -> PyResult<()> {
    let src = s.src();
    let at = split_window::<N>(src.text, sep, maxsplit, rev, start, line)?;
    pieces_into(src, &at, out);
    Ok(())
}

/// Where the pieces `[start:]` of `s.split(sep, maxsplit)` (`s.rsplit` when `rev`) are in `s`,
/// when there are exactly `N` of them; else split's own error, or `list_unpack`'s ValueError
/// for the sliced list.
fn split_window<const N: usize>(s: &str,
    sep: Option<&str>,
    maxsplit: i64,
    rev: bool,
    start: i64,
    line: u32,
) -> PyResult<[(usize, usize); N]> {
    // where the pieces are (split and rsplit yield sub-slices), in the order made: the first
    // CAP of them
    const CAP: usize = 16;
    let base = s.as_ptr() as usize;
    let pos = |p: &str| {
        let a = p.as_ptr() as usize - base;
        (a, a + p.len())
    };
    let mut kept = [(0usize, 0usize); CAP];
    let mut n = 0usize;
    {
        let put = |p: &str| {
            if n < CAP {
                kept[n] = pos(p);
            }
            n += 1;
        };
        if rev {
            rsplit_each(s, sep, maxsplit, line, put)?;
        } else {
            split_each(s, sep, maxsplit, line, put)?;
        }
    }
    // the slice's first position in the list, clamped as CPython's
    let lo = if start < 0 {
        (n as i64 + start).max(0) as usize
    } else {
        (start as u64).min(n as u64) as usize
    };
    if n - lo != N {
        return Err(unpack_count_err(N, n - lo, line));
    }
    let mut out = [(0usize, 0usize); N];
    if n <= CAP {
        for (k, o) in out.iter_mut().enumerate() {
            let i = lo + k; // the position in the list
            *o = if rev { kept[n - 1 - i] } else { kept[i] };
        }
        return Ok(out);
    }
    // more pieces than kept: split again, keeping the window (no error this time)
    let mut j = 0usize;
    let put = |p: &str| {
        let i = if rev { n - 1 - j } else { j };
        if i >= lo && i - lo < N {
            out[i - lo] = pos(p);
        }
        j += 1;
    };
    if rev {
        rsplit_each(s, sep, maxsplit, line, put)?;
    } else {
        split_each(s, sep, maxsplit, line, put)?;
    }
    Ok(out)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c as u32,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// str.splitlines()
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_splitlines<S: StrSrc + ?Sized>(s: &S) -> PyList<Str> {
    str_splitlines_keep_src(s.src(), false)
}

/// str.splitlines(keepends)
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_splitlines_keep<S: StrSrc + ?Sized>(s: &S, keepends: bool) -> PyList<Str> {
    str_splitlines_keep_src(s.src(), keepends)
}

fn str_splitlines_keep_src(src: Src<'_>, keepends: bool) -> PyList<Str> {
    let mut out = Vec::new();
    splitlines_each(src.text, keepends, |p| out.push(src.piece(p)));
    PyList::from_vec(out)
}

/// `len(s.splitlines())` without the list.
pub fn str_splitlines_count<S: StrSrc + ?Sized>(s: &S) -> i64 {
    let mut n = 0i64;
    splitlines_each(s.src().text, false, |_| n += 1);
    n
}

/// `len(s.split(sep, maxsplit))` without the list (the same errors).
pub fn str_split_count<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<i64> {
    let mut n = 0i64;
    split_each(s.src().text, sep, maxsplit, line, |_| n += 1)?;
    Ok(n)
}

/// The lines of `s.splitlines(keepends)`, in order, to `put`.
#[cfg_attr(not(portalis_dev), inline)]
fn splitlines_each(s: &str, keepends: bool, mut put: impl FnMut(&str)) {
    if s.is_ascii() {
        // the ASCII line breaks: \n \r (\r\n as one) \x0b \x0c \x1c \x1d \x1e
        let b = s.as_bytes();
        let (mut i, mut start) = (0usize, 0usize);
        while i < b.len() {
            // every ASCII line break is below 0x20: skip to the next such byte
            i = next_below_0x20(b, i);
            if i >= b.len() {
                break;
            }
            let c = b[i];
            if matches!(c, 0x0a..=0x0d | 0x1c..=0x1e) {
                let end = if c == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n' { i + 2 } else { i + 1 };
                put(if keepends { &s[start..end] } else { &s[start..i] });
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        if start < b.len() {
            put(&s[start..]);
        }
        return;
    }
    let mut start = 0usize;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            put(if keepends { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        put(&s[start..]);
    }
}

