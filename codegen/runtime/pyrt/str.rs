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
pub struct Str(StrRepr);

// the layout the inline capacity is chosen for
const _: () = assert!(std::mem::size_of::<Str>() == STR_INLINE + 2);

enum StrRepr {
    Inline { len: u8, buf: [u8; STR_INLINE] },
    Static(&'static str),
    // the length lives in the value (reading the text is one step, as for a `String`); the
    // block's bytes past it are unused, or owned by an in-place append of the only owner
    // `data` points at the text, `HEAP_HDR` bytes into the block (a `Heap` reads like a
    // `Static`: pointer and length, so `as_str` needs no arithmetic)
    Heap { data: std::ptr::NonNull<u8>, len: usize },
    // `len` bytes at `data`, inside the text of the block `hdr` (which this value holds one
    // count of)
    View { hdr: std::ptr::NonNull<HeapHdr>, data: std::ptr::NonNull<u8>, len: u32 },
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

/// Copy `src` to `dst` (at least `src.len()` writable bytes): fixed-size unaligned moves for up
/// to 32 bytes (see `copy_short`), `copy_nonoverlapping` beyond.
#[inline(always)]
unsafe fn copy_to(dst: *mut u8, src: &[u8]) {
    let n = src.len();
    let s = src.as_ptr();
    if n > 32 {
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
    } else {
        for i in 0..n {
            *dst.add(i) = *s.add(i);
        }
    }
}

impl Str {
    #[inline]
    pub const fn new() -> Str {
        Str(StrRepr::Inline { len: 0, buf: [0; STR_INLINE] })
    }
    /// A literal (or any `&'static str`): no allocation, no copy.
    #[inline]
    pub const fn lit(s: &'static str) -> Str {
        Str(StrRepr::Static(s))
    }
    #[inline]
    fn inline(s: &str) -> Str {
        let mut buf = [0u8; STR_INLINE];
        copy_short(&mut buf, s.as_bytes());
        Str(StrRepr::Inline { len: s.len() as u8, buf })
    }
    /// A heap copy of `s` with room for `cap >= s.len()` bytes.
    fn heap(s: &str, cap: usize, ascii: u8) -> Str {
        let p = heap_alloc(cap, ascii, false);
        // SAFETY: the block has `cap >= s.len()` bytes after the header
        unsafe { copy_to(heap_data(p), s.as_bytes()) };
        Str(StrRepr::Heap { data: heap_text(p), len: s.len() })
    }
    /// A string of `n` bytes written by `fill` into a zeroed buffer.
    ///
    /// # Safety
    /// `fill` must leave valid UTF-8 in the buffer.
    pub(crate) unsafe fn build(n: usize, fill: impl FnOnce(&mut [u8])) -> Str {
        if n <= STR_INLINE {
            let mut buf = [0u8; STR_INLINE];
            fill(&mut buf[..n]);
            return Str(StrRepr::Inline { len: n as u8, buf });
        }
        let p = heap_alloc(n, 0, true);
        fill(std::slice::from_raw_parts_mut(heap_data(p), n));
        Str(StrRepr::Heap { data: heap_text(p), len: n })
    }
    /// A copy of `s`, out of line (for the runtime's loops that make many pieces: one copy of
    /// the code).
    #[inline(never)]
    pub fn piece(s: &str) -> Str {
        Str::from_str(s)
    }
    /// A copy of `s` (inline when short).
    #[inline]
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
    /// `str(v)` of an int.
    pub fn from_i64(v: i64) -> Str {
        let mut d = [0u8; 20];
        let mut i = d.len();
        let mut u = v.unsigned_abs();
        loop {
            i -= 1;
            d[i] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                break;
            }
        }
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
    #[inline]
    pub fn from_char(c: char) -> Str {
        let mut buf = [0u8; STR_INLINE];
        let n = c.encode_utf8(&mut buf[..4]).len();
        Str(StrRepr::Inline { len: n as u8, buf })
    }
    #[inline]
    pub fn as_str(&self) -> &str {
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
    #[inline]
    pub fn is_ascii(&self) -> bool {
        match &self.0 {
            StrRepr::Heap { data, .. } => {
                // SAFETY: the header lives while this value does
                let h = unsafe { heap_hdr(*data).as_ref() };
                match h.ascii.get() {
                    1 => true,
                    2 => false,
                    _ => {
                        let a = self.as_str().is_ascii();
                        h.ascii.set(if a { 1 } else { 2 });
                        a
                    }
                }
            }
            // SAFETY: the header lives while this value does; an ASCII block has ASCII pieces
            // (and `Src` makes views of ASCII blocks only)
            StrRepr::View { hdr, .. } => unsafe { hdr.as_ref() }.ascii.get() == 1 || self.as_str().is_ascii(),
            _ => self.as_str().is_ascii(),
        }
    }
    /// `len(s)`: code points.
    #[inline]
    pub fn char_len(&self) -> i64 {
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
    #[inline]
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
    #[inline]
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
    #[inline]
    pub fn piece(&self, sub: &str) -> Str {
        if sub.len() <= STR_INLINE {
            return Str::inline(sub);
        }
        self.long_piece(sub)
    }
    #[inline(never)]
    fn long_piece(&self, sub: &str) -> Str {
        match self.owner {
            Some(o) => {
                let (t, p) = (self.text.as_ptr() as usize, sub.as_ptr() as usize);
                assert!(p >= t && p + sub.len() <= t + self.text.len(), "Src::piece: not a part of the text");
                if sub.len() == self.text.len() {
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
    /// The whole text as a `Str` (a clone of the owner when there is one).
    #[inline]
    pub fn whole(&self) -> Str {
        match self.owner {
            Some(o) => o.clone(),
            None => Str::from_str(self.text),
        }
    }
}

/// What runtime str functions take: a `Str` (whose long pieces they share) or any other text.
pub trait StrSrc {
    fn src(&self) -> Src<'_>;
}
impl StrSrc for Str {
    #[inline]
    fn src(&self) -> Src<'_> {
        Src { text: self.as_str(), owner: Some(self) }
    }
}
impl StrSrc for str {
    #[inline]
    fn src(&self) -> Src<'_> {
        Src { text: self, owner: None }
    }
}
impl StrSrc for String {
    #[inline]
    fn src(&self) -> Src<'_> {
        Src { text: self.as_str(), owner: None }
    }
}
impl<T: StrSrc + ?Sized> StrSrc for &T {
    #[inline]
    fn src(&self) -> Src<'_> {
        (**self).src()
    }
}

#[inline(never)]
fn count_chars(s: &str) -> i64 {
    s.chars().count() as i64
}

impl Drop for Str {
    #[inline]
    fn drop(&mut self) {
        match &self.0 {
            StrRepr::Heap { data, .. } => release(heap_hdr(*data)),
            StrRepr::View { hdr, .. } => release(*hdr),
            _ => {}
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
    #[inline]
    fn clone(&self) -> Str {
        match &self.0 {
            StrRepr::Inline { len, buf } => Str(StrRepr::Inline { len: *len, buf: *buf }),
            StrRepr::Static(s) => Str(StrRepr::Static(s)),
            StrRepr::Heap { data, len } => {
                // SAFETY: the header lives while this value does
                let h = unsafe { heap_hdr(*data).as_ref() };
                h.rc.set(h.rc.get() + 1);
                Str(StrRepr::Heap { data: *data, len: *len })
            }
            StrRepr::View { hdr, data, len } => {
                // SAFETY: the header lives while this value does
                let h = unsafe { hdr.as_ref() };
                h.rc.set(h.rc.get() + 1);
                Str(StrRepr::View { hdr: *hdr, data: *data, len: *len })
            }
        }
    }
}

impl Default for Str {
    #[inline]
    fn default() -> Str {
        Str::new()
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    #[inline]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Str {
    #[inline]
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Str {
    // out of line: generated code converts every f-string and runtime `String` result, and an
    // inline copy at each of those places made modules ~5 % larger
    #[inline(never)]
    fn from(s: String) -> Str {
        Str::from_str(&s)
    }
}

impl From<&str> for Str {
    #[inline]
    fn from(s: &str) -> Str {
        Str::from_str(s)
    }
}

impl From<&String> for Str {
    #[inline]
    fn from(s: &String) -> Str {
        Str::from_str(s)
    }
}

impl From<char> for Str {
    #[inline]
    fn from(c: char) -> Str {
        Str::from_char(c)
    }
}

impl From<Str> for String {
    #[inline]
    fn from(s: Str) -> String {
        s.into_string()
    }
}

impl PartialEq for Str {
    #[inline]
    fn eq(&self, o: &Str) -> bool {
        match (&self.0, &o.0) {
            // the bytes of an inline buffer past its length are always zero (every constructor
            // starts from a zeroed buffer and writes only the text), so equal texts are equal
            // buffers: a fixed-size compare, no memcmp call
            (StrRepr::Inline { len: n, buf: a }, StrRepr::Inline { len: m, buf: b }) => n == m && a == b,
            (StrRepr::Heap { data: a, len: n }, StrRepr::Heap { data: b, len: m }) if a == b && n == m => true,
            _ => str_eq(self.as_str(), o.as_str()),
        }
    }
}
impl Eq for Str {}
impl PartialEq<str> for Str {
    #[inline]
    fn eq(&self, o: &str) -> bool {
        str_eq(self.as_str(), o)
    }
}
impl PartialEq<&str> for Str {
    #[inline]
    fn eq(&self, o: &&str) -> bool {
        str_eq(self.as_str(), o)
    }
}
impl PartialEq<String> for Str {
    #[inline]
    fn eq(&self, o: &String) -> bool {
        str_eq(self.as_str(), o)
    }
}
impl PartialOrd for Str {
    #[inline]
    fn partial_cmp(&self, o: &Str) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Str {
    #[inline]
    fn cmp(&self, o: &Str) -> Ordering {
        self.as_str().cmp(o.as_str())
    }
}
impl Hash for Str {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
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
    #[inline]
    fn add(mut self, o: &Str) -> Str {
        self.push_str(o);
        self
    }
}

impl std::ops::Add<&str> for Str {
    type Output = Str;
    #[inline]
    fn add(mut self, o: &str) -> Str {
        self.push_str(o);
        self
    }
}

impl PyFmt for Str {
    #[inline]
    fn fmt_repr(&self, out: &mut String) {
        push_str_repr(out, self);
    }
    #[inline]
    fn fmt_str(&self, out: &mut String) {
        push_text(out, self);
    }
}

/// `out.push_str(s)` for the pieces of an f-string or `print`: up to 32 bytes by fixed-size
/// moves (`copy_to`), not a memcpy call (a byte loop on wasm32). Out of line: one copy of the
/// code for every f-string (the edit-to-run cost of a program grows with what is inlined).
#[inline(never)]
pub fn push_text(out: &mut String, s: &str) {
    let n = s.len();
    if n > 32 {
        out.push_str(s);
        return;
    }
    out.reserve(n);
    // SAFETY: `reserve` made room for n more bytes; appending a whole `str` keeps UTF-8
    unsafe {
        let v = out.as_mut_vec();
        let len = v.len();
        copy_to(v.as_mut_ptr().add(len), s.as_bytes());
        v.set_len(len + n);
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
#[inline]
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
#[inline]
pub fn str_index(s: &str, i: i64, line: u32) -> PyResult<Str> {
    str_index_hint(s, false, i, line)
}

/// `s[i]` where `ascii` is a caller-proven `s.is_ascii()` (hoisted out of a loop by the
/// emitter): O(1) then; otherwise O(i), with an ASCII-prefix fast path.
#[inline]
pub fn str_index_hint(s: &str, ascii: bool, i: i64, line: u32) -> PyResult<Str> {
    match str_char_at(s, ascii, i) {
        Some(c) => Ok(Str::from_char(c)),
        None => Err(str_index_error(line)),
    }
}

impl PyList<Str> {
    /// Item `k` into `dst` (a `for` loop over a list of str: a clone, no allocation); false
    /// past the end.
    #[inline]
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

/// `sep.join(list)` for a list of str: no per-item clone.
pub fn str_join_list(sep: &str, l: &PyList<Str>) -> Str {
    let items = l.0.borrow();
    join_strided(sep, &items, 0, 1, items.len())
}

/// `sep.join(xs[start:stop:step])` for a list of str: no list for the slice.
pub fn str_join_list_slice(
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
        return join_all(sep, &items[start..start + n]);
    }
    let picked: Vec<&str> = (0..n).map(|k| items[(start as isize + k as isize * step) as usize].as_str()).collect();
    join_all(sep, &picked)
}

/// `sep.join(items)`: one block of the exact size, each piece copied by `copy_to` (fixed-size
/// moves for short pieces, no memcpy call), a loop without a separator when it is empty.
fn join_all<T: std::ops::Deref<Target = str>>(sep: &str, items: &[T]) -> Str {
    let n_bytes: usize = items.iter().map(|x| x.len()).sum::<usize>() + sep.len() * items.len().saturating_sub(1);
    if n_bytes <= STR_INLINE {
        let mut out = Str::new();
        for (k, x) in items.iter().enumerate() {
            if k > 0 {
                out.push_str(sep);
            }
            out.push_str(x);
        }
        return out;
    }
    // SAFETY: the block has room for exactly the concatenation of whole `str`s (n_bytes, from
    // the same immutable items), so every copy stays inside it and the result is valid UTF-8
    unsafe {
        Str::build(n_bytes, |buf| {
            let base = buf.as_mut_ptr();
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

/// `a == b` for str: a length test and a first-byte test before any memcmp call (most
/// comparisons in Python code are against one-character or short literals).
#[inline]
pub fn str_eq(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let n = x.len();
    if n != y.len() {
        return false;
    }
    // up to 16 bytes: two overlapping fixed-size compares (a memcmp call is a function with a
    // byte loop on wasm32)
    if (8..=16).contains(&n) {
        return x[..8] == y[..8] && x[n - 8..] == y[n - 8..];
    }
    if (4..8).contains(&n) {
        return x[..4] == y[..4] && x[n - 4..] == y[n - 4..];
    }
    n == 0 || (x[0] == y[0] && x[1..] == y[1..])
}

/// `s[i]` as a char (for `s[i] == t[j]`: two code points compare like one-character strs).
#[inline]
pub fn str_index_char(s: &str, ascii: bool, i: i64, line: u32) -> PyResult<char> {
    str_char_at(s, ascii, i).ok_or_else(|| str_index_error(line))
}

/// `s[i] == other` without allocating the one-character string.
#[inline]
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

#[inline]
fn str_char_at(s: &str, ascii: bool, i: i64) -> Option<char> {
    let b = s.as_bytes();
    if ascii {
        let n = b.len() as i64;
        let j = if i < 0 { i + n } else { i };
        return if j >= 0 && j < n { Some(b[j as usize] as char) } else { None };
    }
    str_char_at_slow(s, i)
}

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
/// hoisted it out of a loop): O(length of the result) then.
#[inline]
pub fn str_slice_hint<S: StrSrc + ?Sized>(s: &S,
    ascii: bool,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    line: u32,
) -> PyResult<Str> {
    str_slice_hint_src(s.src(), ascii, start, stop, step, line)
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

/// s * n (n <= 0 gives "").
pub fn str_repeat(s: &str, n: i64) -> String {
    if n <= 0 || s.is_empty() {
        return String::new();
    }
    match usize::try_from(n).ok().and_then(|k| k.checked_mul(s.len())) {
        Some(total) if total <= isize::MAX as usize / 2 => s.repeat(n as usize),
        _ => {
            // CPython raises MemoryError; this signature cannot, so end the program the way an
            // uncaught MemoryError would (use str_repeat_checked to get a catchable error).
            err_str("MemoryError\n");
            std::process::exit(1);
        }
    }
}

/// s * n with MemoryError instead of an allocation failure for absurd sizes.
pub fn str_repeat_checked(s: &str, n: i64, line: u32) -> PyResult<String> {
    if n > 0 && (s.len() as u128) * (n as u128) > (isize::MAX as u128) / 2 {
        return Err(PyErr::with_args(&MEMORY_ERROR, vec![], vec![], line));
    }
    Ok(str_repeat(s, n))
}

#[inline]
pub fn str_contains(hay: &str, needle: &str) -> bool {
    find_sub(hay, needle).is_some()
}

/// str.split(sep, maxsplit)
#[inline]
pub fn str_split<S: StrSrc + ?Sized>(s: &S, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<PyList<Str>> {
    str_split_src(s.src(), sep, maxsplit, line)
}

fn str_split_src(src: Src<'_>, sep: Option<&str>, maxsplit: i64, line: u32) -> PyResult<PyList<Str>> {
    let s = src.text;
    let mut out: Vec<Str> = Vec::new();
    split_each(s, sep, maxsplit, line, |p| out.push(src.piece(p)))?;
    Ok(PyList::from_vec(out))
}

/// `a, b = s.split(sep, maxsplit)`: the `N` pieces without a list (ValueError texts as
/// `list_unpack`'s, after split's own errors, as CPython splits first).
#[inline]
pub fn str_split_unpack<const N: usize>(s: &(impl StrSrc + ?Sized),
    sep: Option<&str>,
    maxsplit: i64,
    line: u32,
) -> PyResult<[Str; N]> {
    str_split_unpack_src::<N>(s.src(), sep, maxsplit, line)
}

fn str_split_unpack_src<const N: usize>(src: Src<'_>,
    sep: Option<&str>,
    maxsplit: i64,
    line: u32,
) -> PyResult<[Str; N]> {
    let s = src.text;
    if let (Some(sep), true) = (sep, maxsplit < 0) {
        if sep.len() == 1 {
            // one ASCII byte (see split_each): where the first N - 1 pieces end, then the pieces
            let (c, b) = (sep.as_bytes()[0], s.as_bytes());
            let mut ends = [0usize; N];
            let mut n = 0usize;
            for (i, &x) in b.iter().enumerate() {
                if x == c {
                    if n < N {
                        ends[n] = i;
                    }
                    n += 1;
                }
            }
            if n + 1 == N {
                ends[N - 1] = b.len();
                return Ok(std::array::from_fn(|i| {
                    let st = if i == 0 { 0 } else { ends[i - 1] + 1 };
                    src.piece(&s[st..ends[i]])
                }));
            }
            return Err(unpack_count_err(N, n + 1, line));
        }
    }
    let mut out: [Str; N] = std::array::from_fn(|_| Str::new());
    let mut n = 0usize;
    split_each(s, sep, maxsplit, line, |p| {
        if n < N {
            out[n] = src.piece(p);
        }
        n += 1;
    })?;
    if n != N {
        return Err(unpack_count_err(N, n, line));
    }
    Ok(out)
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
#[inline]
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
                for (i, &x) in b.iter().enumerate() {
                    if x == c && left != 0 {
                        put(&s[st..i]);
                        st = i + 1;
                        left -= 1;
                    }
                }
                put(&s[st..]);
            } else if maxsplit < 0 {
                s.split(sep).for_each(put);
            } else {
                let n = (maxsplit as u64).saturating_add(1).min(usize::MAX as u64) as usize;
                s.splitn(n, sep).for_each(put);
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
                if left == 0 {
                    put(&s[i..]);
                    break;
                }
                let st = i;
                while i < n && !sp(b[i]) {
                    i += 1;
                }
                put(&s[st..i]);
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
#[inline]
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
    let s = src.text;
    let mut out: Vec<Str> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_err("empty separator", line));
            }
            if maxsplit < 0 {
                out.extend(s.rsplit(sep).map(|p| src.piece(p)));
                out.reverse();
                return Ok(PyList::from_vec(out));
            }
            let n = (maxsplit as u64).saturating_add(1).min(usize::MAX as u64) as usize;
            out.extend(s.rsplitn(n, sep).map(|p| src.piece(p)));
            out.reverse();
        }
        None => {
            let mut rest = s.trim_end_matches(py_isspace);
            let mut left = maxsplit;
            while !rest.is_empty() {
                if left == 0 {
                    out.push(src.piece(rest));
                    break;
                }
                match rest.rfind(py_isspace) {
                    Some(i) => {
                        let c_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        out.push(src.piece(&rest[i + c_len..]));
                        rest = rest[..i].trim_end_matches(py_isspace);
                        if left > 0 {
                            left -= 1;
                        }
                    }
                    None => {
                        out.push(src.piece(rest));
                        break;
                    }
                }
            }
            out.reverse();
        }
    }
    Ok(PyList::from_vec(out))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c as u32,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// str.splitlines()
#[inline]
pub fn str_splitlines<S: StrSrc + ?Sized>(s: &S) -> PyList<Str> {
    str_splitlines_keep_src(s.src(), false)
}

/// str.splitlines(keepends)
#[inline]
pub fn str_splitlines_keep<S: StrSrc + ?Sized>(s: &S, keepends: bool) -> PyList<Str> {
    str_splitlines_keep_src(s.src(), keepends)
}

fn str_splitlines_keep_src(src: Src<'_>, keepends: bool) -> PyList<Str> {
    let s = src.text;
    let mut out = Vec::new();
    if s.is_ascii() {
        // the ASCII line breaks: \n \r (\r\n as one) \x0b \x0c \x1c \x1d \x1e
        let b = s.as_bytes();
        let (mut i, mut start) = (0usize, 0usize);
        while i < b.len() {
            let c = b[i];
            if matches!(c, 0x0a..=0x0d | 0x1c..=0x1e) {
                let end = if c == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n' { i + 2 } else { i + 1 };
                out.push(src.piece(if keepends { &s[start..end] } else { &s[start..i] }));
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        if start < b.len() {
            out.push(src.piece(&s[start..]));
        }
        return PyList::from_vec(out);
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
            out.push(src.piece(if keepends { &s[start..end] } else { &s[start..i] }));
            start = end;
        }
    }
    if start < s.len() {
        out.push(src.piece(&s[start..]));
    }
    PyList::from_vec(out)
}

/// `sep.join([a, b, ...])` of a list display: the items without a list.
pub fn str_join(sep: &str, items: &[Str]) -> Str {
    join_strided(sep, items, 0, 1, items.len())
}

/// Python's ASCII whitespace (str.isspace): \t \n \v \f \r, \x1c-\x1f and ' '.
#[inline]
fn ascii_space(c: u8) -> bool {
    matches!(c, 0x09..=0x0d | 0x1c..=0x20)
}

/// `s` without leading (`left`) and trailing (`right`) whitespace, by bytes while they are ASCII
/// (a non-ASCII byte stops the byte scan; the char scan takes over from there).
fn trim_space(s: &str, left: bool, right: bool) -> &str {
    let b = s.as_bytes();
    let (mut i, mut j) = (0, b.len());
    if left {
        while i < j && ascii_space(b[i]) {
            i += 1;
        }
        if i < j && b[i] >= 0x80 {
            return trim_space_chars(&s[i..], left, right);
        }
    }
    if right {
        while j > i && ascii_space(b[j - 1]) {
            j -= 1;
        }
        if j > i && b[j - 1] >= 0x80 {
            return trim_space_chars(&s[i..], false, right);
        }
    }
    &s[i..j]
}

fn trim_space_chars(s: &str, left: bool, right: bool) -> &str {
    let s = if left { s.trim_start_matches(py_isspace) } else { s };
    if right {
        s.trim_end_matches(py_isspace)
    } else {
        s
    }
}

#[inline]
pub fn str_strip<S: StrSrc + ?Sized>(s: &S, chars: Option<&str>) -> Str {
    str_strip_src(s.src(), chars)
}

fn str_strip_src(src: Src<'_>, chars: Option<&str>) -> Str {
    let s = src.text;
    src.piece(match chars {
        None => trim_space(s, true, true),
        Some(cs) => s.trim_matches(|c: char| cs.contains(c)),
    })
}

#[inline]
pub fn str_lstrip<S: StrSrc + ?Sized>(s: &S, chars: Option<&str>) -> Str {
    str_lstrip_src(s.src(), chars)
}

fn str_lstrip_src(src: Src<'_>, chars: Option<&str>) -> Str {
    let s = src.text;
    src.piece(match chars {
        None => trim_space(s, true, false),
        Some(cs) => s.trim_start_matches(|c: char| cs.contains(c)),
    })
}

#[inline]
pub fn str_rstrip<S: StrSrc + ?Sized>(s: &S, chars: Option<&str>) -> Str {
    str_rstrip_src(s.src(), chars)
}

fn str_rstrip_src(src: Src<'_>, chars: Option<&str>) -> Str {
    let s = src.text;
    src.piece(match chars {
        None => trim_space(s, false, true),
        Some(cs) => s.trim_end_matches(|c: char| cs.contains(c)),
    })
}

/// `s` with each ASCII byte mapped by `f` (which keeps ASCII ASCII), built in place.
fn ascii_map(s: &str, f: impl Fn(u8) -> u8) -> Str {
    // SAFETY: ASCII bytes mapped to ASCII bytes are valid UTF-8
    unsafe {
        Str::build(s.len(), |buf| {
            for (d, &c) in buf.iter_mut().zip(s.as_bytes()) {
                *d = f(c);
            }
        })
    }
}

pub fn str_upper(s: &str) -> Str {
    if s.is_ascii() {
        return ascii_map(s, |c| c.to_ascii_uppercase());
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_case(&mut out, c, UPPER_RUNS, UPPER_MULTI);
    }
    Str::from(out)
}

// Case mappings and properties come from CPython's tables (unicode_tables.rs, generated by
// scripts/unicode_case_tables.py), never from std: std follows the toolchain's Unicode version.

/// The one-char mapping of `cp` in a table of runs (first, last, delta, step), if any.
fn case_run(cp: u32, runs: &[(u32, u32, i32, u32)]) -> Option<char> {
    let i = match runs.binary_search_by(|r| r.0.cmp(&cp)) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let (first, last, delta, step) = runs[i];
    if cp > last || (cp - first) & (step - 1) != 0 {  // step is 1 or 2
        return None;
    }
    char::from_u32((cp as i64 + delta as i64) as u32)
}

/// Append the mapping of `c` (several chars for ß, ligatures, ...; `c` itself if none).
fn push_case(out: &mut String, c: char, runs: &[(u32, u32, i32, u32)], multi: &[(u32, &str)]) {
    let cp = c as u32;
    if let Ok(i) = multi.binary_search_by(|&(k, _)| k.cmp(&cp)) {
        out.push_str(multi[i].1);
        return;
    }
    out.push(case_run(cp, runs).unwrap_or(c));
}

/// `c.isupper()` for one char (Unicode's Uppercase property, CPython's table).
fn py_is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(c as u32, UPPERCASE_RANGES)
}

/// `c.islower()` for one char (Unicode's Lowercase property, CPython's table).
fn py_is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(c as u32, LOWERCASE_RANGES)
}

pub fn str_lower(s: &str) -> Str {
    if s.is_ascii() {
        return ascii_map(s, |c| c.to_ascii_lowercase());
    }
    // CPython's final-sigma rule with CPython's Cased/Case_Ignorable tables (not std's, which
    // follow the toolchain's Unicode version)
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&mut out, &chars, i);
    }
    Str::from(out)
}

fn is_titlecase_char(c: char) -> bool {
    (c as u32) >= 128 && in_ranges(c as u32, TITLECASE_RANGES)
}

/// Unicode's Cased property, as CPython 3.11 applies it (`CASED_RANGES`).
fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(c as u32, CASED_RANGES)
}

fn push_title(out: &mut String, c: char) {
    push_case(out, c, TITLE_RUNS, TITLE_MULTI);
}

/// Lower-case one char (CPython's `lower_ucs4`: Σ becomes ς at the end of a word, looking past
/// case-ignorable characters on both sides).
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        // final sigma: preceded by a cased letter and not followed by one
        let mut j = i;
        let mut before = false;
        while j > 0 {
            j -= 1;
            if is_case_ignorable(chars[j]) {
                continue;
            }
            before = is_cased(chars[j]);
            break;
        }
        let mut after = false;
        let mut k = i + 1;
        while k < chars.len() {
            if is_case_ignorable(chars[k]) {
                k += 1;
                continue;
            }
            after = is_cased(chars[k]);
            break;
        }
        out.push(if before && !after {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
        return;
    }
    push_case(out, c, LOWER_RUNS, LOWER_MULTI);
}

/// Unicode's Case_Ignorable property (combining marks, format characters, modifier letters,
/// apostrophes, ...), as CPython 3.11 applies it (`CASE_IGNORABLE_RANGES`).
fn is_case_ignorable(c: char) -> bool {
    in_ranges(c as u32, CASE_IGNORABLE_RANGES)
}

pub fn str_title(s: &str) -> Str {
    if s.is_ascii() {
        // SAFETY: ASCII bytes mapped to ASCII bytes are valid UTF-8
        return unsafe {
            Str::build(s.len(), |buf| {
                let mut prev_cased = false;
                for (d, &c) in buf.iter_mut().zip(s.as_bytes()) {
                    *d = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                    prev_cased = c.is_ascii_alphabetic();
                }
            })
        };
    }
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut prev_cased = false;
    for i in 0..chars.len() {
        let c = chars[i];
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    Str::from(out)
}

pub fn str_capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

pub fn str_swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if py_is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if py_is_lower(c) {
            push_case(&mut out, c, UPPER_RUNS, UPPER_MULTI);
        } else {
            out.push(c);
        }
    }
    out
}

/// str.replace(old, new, count); count < 0 replaces all.
#[inline]
pub fn str_replace<S: StrSrc + ?Sized>(s: &S, old: &str, new: &str, count: i64) -> Str {
    str_replace_src(s.src(), old, new, count)
}

fn str_replace_src(src: Src<'_>, old: &str, new: &str, count: i64) -> Str {
    let s = src.text;
    let limit = if count < 0 { usize::MAX } else { (count as u64).min(usize::MAX as u64) as usize };
    if old.is_empty() {
        // between the characters: std's char boundaries are Python's code points
        return Str::from(if count < 0 { s.replace(old, new) } else { s.replacen(old, new, limit) });
    }
    // UTF-8 is self-synchronising: a match of `old`'s bytes is a match of its characters, so a
    // byte scan (first byte, then the rest) finds what Python finds, left to right
    let (b, o) = (s.as_bytes(), old.as_bytes());
    let mut hits: Vec<usize> = Vec::new();
    let mut i = 0;
    while hits.len() < limit && i + o.len() <= b.len() {
        match b[i..=b.len() - o.len()].iter().position(|&c| c == o[0]) {
            None => break,
            Some(k) => {
                let at = i + k;
                if b[at..at + o.len()] == *o {
                    hits.push(at);
                    i = at + o.len();
                } else {
                    i = at + 1;
                }
            }
        }
    }
    if hits.is_empty() {
        return src.whole();
    }
    let n = b.len() - hits.len() * o.len() + hits.len() * new.len();
    // SAFETY: pieces of `s` cut at whole matches of a valid `old`, joined with `new`: valid UTF-8
    unsafe {
        Str::build(n, |buf| {
            let (mut from, mut pos) = (0, 0);
            for &at in &hits {
                buf[pos..pos + at - from].copy_from_slice(&b[from..at]);
                pos += at - from;
                buf[pos..pos + new.len()].copy_from_slice(new.as_bytes());
                pos += new.len();
                from = at + o.len();
            }
            buf[pos..].copy_from_slice(&b[from..]);
        })
    }
}

#[inline]
pub fn str_startswith(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
}

#[inline]
pub fn str_endswith(s: &str, suffix: &str) -> bool {
    s.ends_with(suffix)
}

#[inline]
fn byte_to_char_index(s: &str, byte: usize) -> i64 {
    str_len(&s[..byte])
}

/// The byte position of the first `sub` in `s`. UTF-8 is self-synchronising, so a byte match
/// of a whole `str` is a match of its characters. Needles of up to 8 bytes: a scan for the
/// first byte, then a compare (std's two-way searcher costs more to set up than such a search
/// takes); longer ones: std's.
#[inline]
fn find_sub(s: &str, sub: &str) -> Option<usize> {
    let (h, n) = (s.as_bytes(), sub.as_bytes());
    match n.len() {
        0 => Some(0),
        1 => h.iter().position(|&c| c == n[0]),
        2..=8 => {
            let last = h.len().checked_sub(n.len())?;
            let mut i = 0;
            while i <= last {
                let at = i + h[i..=last].iter().position(|&c| c == n[0])?;
                if h[at + 1..at + n.len()] == n[1..] {
                    return Some(at);
                }
                i = at + 1;
            }
            None
        }
        _ => s.find(sub),
    }
}

pub fn str_find(s: &str, sub: &str) -> i64 {
    match find_sub(s, sub) {
        Some(i) => byte_to_char_index(s, i),
        None => -1,
    }
}

pub fn str_rfind(s: &str, sub: &str) -> i64 {
    let found = if sub.len() == 1 {
        let c = sub.as_bytes()[0];
        s.as_bytes().iter().rposition(|&x| x == c)
    } else {
        s.rfind(sub)
    };
    match found {
        Some(i) => byte_to_char_index(s, i),
        None => -1,
    }
}

pub fn str_index_of(s: &str, sub: &str, line: u32) -> PyResult<i64> {
    match find_sub(s, sub) {
        Some(i) => Ok(byte_to_char_index(s, i)),
        None => Err(value_err("substring not found", line)),
    }
}

pub fn str_rindex_of(s: &str, sub: &str, line: u32) -> PyResult<i64> {
    match s.rfind(sub) {
        Some(i) => Ok(byte_to_char_index(s, i)),
        None => Err(value_err("substring not found", line)),
    }
}

pub fn str_count(s: &str, sub: &str) -> i64 {
    if sub.is_empty() {
        return str_len(s) + 1;
    }
    if sub.len() == 1 {
        let c = sub.as_bytes()[0];
        return s.as_bytes().iter().filter(|&&x| x == c).count() as i64;
    }
    if sub.len() <= 8 {
        // non-overlapping, left to right, as Python counts
        let (mut n, mut i) = (0i64, 0usize);
        while let Some(at) = find_sub(&s[i..], sub) {
            n += 1;
            i += at + sub.len();
        }
        return n;
    }
    s.matches(sub).count() as i64
}

/// CPython's ADJUST_INDICES for `s.find(sub, start, end)` and friends, in code points:
/// negative positions count from the end and are clipped at 0; `end` is clipped at n but
/// `start` is not (so `"abc".find("", 4) == -1`); start > end means "no room".
fn adjust_indices(start: Option<i64>, end: Option<i64>, n: i64) -> (i64, i64) {
    let from_end = |v: i64| if v < 0 { (v + n).max(0) } else { v };
    (start.map_or(0, from_end), end.map_or(n, |v| from_end(v).min(n)))
}

/// Byte offset of code point `k` (0 <= k <= number of code points).
fn char_to_byte(s: &str, k: i64) -> usize {
    if s.is_ascii() {
        return k as usize;
    }
    s.char_indices().nth(k as usize).map_or(s.len(), |(b, _)| b)
}

/// The window `s[start:end]` as (code point offset, text), or None when it cannot hold `sub`.
fn str_window<'a>(s: &'a str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<(i64, &'a str)> {
    let (st, e) = adjust_indices(start, end, str_len(s));
    if e - st < str_len(sub) {
        return None;
    }
    Some((st, &s[char_to_byte(s, st)..char_to_byte(s, e)]))
}

/// `search` (str::find or str::rfind) of `sub` in the window, as a code point index of `s`.
fn str_search_in(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
    search: fn(&str, &str) -> Option<usize>,
) -> i64 {
    match str_window(s, sub, start, end) {
        Some((off, w)) => search(w, sub).map_or(-1, |b| off + byte_to_char_index(w, b)),
        None => -1,
    }
}

/// `s.find(sub, start, end)`
pub fn str_find_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    str_search_in(s, sub, start, end, find_sub)
}

/// `s.rfind(sub, start, end)`
pub fn str_rfind_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    str_search_in(s, sub, start, end, |w, p| w.rfind(p))
}

/// `s.index(sub, start, end)`: ValueError "substring not found" like CPython.
pub fn str_index_of_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, line: u32) -> PyResult<i64> {
    match str_find_in(s, sub, start, end) {
        -1 => Err(value_err("substring not found", line)),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`
pub fn str_rindex_of_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, line: u32) -> PyResult<i64> {
    match str_rfind_in(s, sub, start, end) {
        -1 => Err(value_err("substring not found", line)),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`
pub fn str_count_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match str_window(s, sub, start, end) {
        Some((_, w)) => str_count(w, sub),
        None => 0,
    }
}

/// `s.startswith(prefix, start, end)` (CPython's tailmatch).
pub fn str_startswith_in(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    matches!(str_window(s, prefix, start, end), Some((_, w)) if w.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)`
pub fn str_endswith_in(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    matches!(str_window(s, suffix, start, end), Some((_, w)) if w.ends_with(suffix))
}

fn py_isdecimal_char(c: char) -> bool {
    c.is_ascii_digit() || ((c as u32) >= 128 && in_ranges(c as u32, DECIMAL_RANGES))
}
fn py_isdigit_char(c: char) -> bool {
    c.is_ascii_digit() || ((c as u32) >= 128 && in_ranges(c as u32, DIGIT_RANGES))
}
fn py_isnumeric_char(c: char) -> bool {
    c.is_ascii_digit() || ((c as u32) >= 128 && in_ranges(c as u32, NUMERIC_RANGES))
}
fn py_isalpha_char(c: char) -> bool {
    c.is_ascii_alphabetic() || ((c as u32) >= 128 && in_ranges(c as u32, ALPHA_RANGES))
}

pub fn str_isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isdigit_char)
}
pub fn str_isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isdecimal_char)
}
pub fn str_isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isnumeric_char)
}
pub fn str_isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isalpha_char)
}
pub fn str_isalnum(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| py_isalpha_char(c) || py_isnumeric_char(c) || py_isdigit_char(c))
}
pub fn str_isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isspace)
}
pub fn str_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if py_is_lower(c) || is_titlecase_char(c) {
            return false;
        }
        if py_is_upper(c) {
            cased = true;
        }
    }
    cased
}
pub fn str_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if py_is_upper(c) || is_titlecase_char(c) {
            return false;
        }
        if py_is_lower(c) {
            cased = true;
        }
    }
    cased
}
pub fn str_istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if py_is_upper(c) || is_titlecase_char(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if py_is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn fill_char(fill: &str, line: u32) -> PyResult<char> {
    let mut it = fill.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::new(
            &TYPE_ERROR,
            "The fill character must be exactly one character long",
            line,
        )),
    }
}

fn pad_str(s: &str, left: i64, right: i64, fill: char) -> Str {
    if fill.is_ascii() {
        let (l, r) = (left.max(0) as usize, right.max(0) as usize);
        // SAFETY: ASCII fill bytes around a whole `str`: valid UTF-8
        return unsafe {
            Str::build(l + s.len() + r, |buf| {
                buf[..l].iter_mut().for_each(|d| *d = fill as u8);
                buf[l..l + s.len()].copy_from_slice(s.as_bytes());
                buf[l + s.len()..].iter_mut().for_each(|d| *d = fill as u8);
            })
        };
    }
    let mut out = String::with_capacity(cap_hint(s.len() as i64 + left.max(0) + right.max(0)));
    push_fill(&mut out, fill, left);
    out.push_str(s);
    push_fill(&mut out, fill, right);
    Str::from(out)
}

#[inline]
pub fn str_ljust<S: StrSrc + ?Sized>(s: &S, width: i64, fill: &str, line: u32) -> PyResult<Str> {
    str_ljust_src(s.src(), width, fill, line)
}

fn str_ljust_src(src: Src<'_>, width: i64, fill: &str, line: u32) -> PyResult<Str> {
    let s = src.text;
    let f = fill_char(fill, line)?;
    let n = str_len(s);
    if width <= n {
        return Ok(src.whole());
    }
    Ok(pad_str(s, 0, width - n, f))
}

#[inline]
pub fn str_rjust<S: StrSrc + ?Sized>(s: &S, width: i64, fill: &str, line: u32) -> PyResult<Str> {
    str_rjust_src(s.src(), width, fill, line)
}

fn str_rjust_src(src: Src<'_>, width: i64, fill: &str, line: u32) -> PyResult<Str> {
    let s = src.text;
    let f = fill_char(fill, line)?;
    let n = str_len(s);
    if width <= n {
        return Ok(src.whole());
    }
    Ok(pad_str(s, width - n, 0, f))
}

#[inline]
pub fn str_center<S: StrSrc + ?Sized>(s: &S, width: i64, fill: &str, line: u32) -> PyResult<Str> {
    str_center_src(s.src(), width, fill, line)
}

fn str_center_src(src: Src<'_>, width: i64, fill: &str, line: u32) -> PyResult<Str> {
    let s = src.text;
    let f = fill_char(fill, line)?;
    let n = str_len(s);
    if width <= n {
        return Ok(src.whole());
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    Ok(pad_str(s, left, marg - left, f))
}

pub fn str_zfill(s: &str, width: i64) -> String {
    let n = str_len(s);
    if width <= n {
        return s.to_string();
    }
    let fill = width - n;
    let mut out = String::with_capacity(cap_hint(s.len() as i64 + fill));
    let (sign, rest) = if s.starts_with('+') || s.starts_with('-') {
        s.split_at(1)
    } else {
        ("", s)
    };
    out.push_str(sign);
    for _ in 0..fill {
        out.push('0');
    }
    out.push_str(rest);
    out
}

#[inline]
pub fn str_partition<S: StrSrc + ?Sized>(s: &S, sep: &str, line: u32) -> PyResult<(Str, Str, Str)> {
    str_partition_src(s.src(), sep, line)
}

fn str_partition_src(src: Src<'_>, sep: &str, line: u32) -> PyResult<(Str, Str, Str)> {
    let s = src.text;
    if sep.is_empty() {
        return Err(value_err("empty separator", line));
    }
    match s.find(sep) {
        Some(i) => Ok((
            src.piece(&s[..i]),
            Str::from_str(sep),
            src.piece(&s[i + sep.len()..]),
        )),
        None => Ok((src.whole(), Str::new(), Str::new())),
    }
}

#[inline]
pub fn str_rpartition<S: StrSrc + ?Sized>(s: &S, sep: &str, line: u32) -> PyResult<(Str, Str, Str)> {
    str_rpartition_src(s.src(), sep, line)
}

fn str_rpartition_src(src: Src<'_>, sep: &str, line: u32) -> PyResult<(Str, Str, Str)> {
    let s = src.text;
    if sep.is_empty() {
        return Err(value_err("empty separator", line));
    }
    match s.rfind(sep) {
        Some(i) => Ok((
            src.piece(&s[..i]),
            Str::from_str(sep),
            src.piece(&s[i + sep.len()..]),
        )),
        None => Ok((Str::new(), Str::new(), src.whole())),
    }
}

/// The characters of s, for `for c in s`.
pub fn str_chars(s: &str) -> Vec<Str> {
    s.chars().map(Str::from_char).collect()
}

#[inline]
pub fn py_chr(i: i64, line: u32) -> PyResult<String> {
    if i32::try_from(i).is_err() {
        return Err(PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C int", line));
    }
    if !(0..=0x10ffff).contains(&i) {
        return Err(value_err("chr() arg not in range(0x110000)", line));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(char_string(c)),
        None => Err(surrogate_limit(line)),
    }
}

/// A lone surrogate (chr(0xD800), f"{0xDC00:c}"): CPython makes such a str; Portalis strs are
/// UTF-8 and cannot hold one, so the program stops (never caught: CPython raised nothing).
#[cold]
fn surrogate_limit(line: u32) -> PyErr {
    limit_err("a str with a lone surrogate code point (U+D800..U+DFFF): Python allows it, Portalis strs cannot hold it", line)
}

#[inline]
pub fn py_ord(s: &str, line: u32) -> PyResult<i64> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c as i64),
        _ => Err(PyErr::new(
            &TYPE_ERROR,
            format!(
                "ord() expected a character, but string of length {} found",
                str_len(s)
            ),
            line,
        )),
    }
}

/// str(int) helper for generated code.
pub fn int_to_str(v: i64) -> String {
    let mut s = String::new();
    push_i64(&mut s, v);
    s
}
