// ===================================================================================
// str methods: join, strip, case, replace, find/count, predicates, justify, partition, chr/ord
// ===================================================================================

/// `sep.join([a, b, ...])` of a list display: the items without a list.
pub fn str_join(sep: &str, items: &[Str]) -> Str {
    join_strided(sep, items, 0, 1, items.len())
}

/// Python's ASCII whitespace (str.isspace): \t \n \v \f \r, \x1c-\x1f and ' '.
#[cfg_attr(not(portalis_dev), inline)]
fn ascii_space(c: u8) -> bool {
    matches!(c, 0x09..=0x0d | 0x1c..=0x20)
}

/// `s` without leading (`left`) and trailing (`right`) whitespace, by bytes while they are ASCII
/// (a non-ASCII byte stops the byte scan; the char scan takes over from there). Inlined: the
/// callers' constant `left` / `right` drop the other scan, and a call costs about what the scan
/// of a few blanks does (always: with more callers LLVM kept it out of line in the loop of
/// `str_split_strip`, a call per piece).
#[inline(always)]
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
    // SAFETY: `i` is 0, the end, or at a byte below 0x80 (a byte that starts a character);
    // `j` is the end, or just past a byte below 0x80 (the last byte of its character): both are
    // character boundaries, `i <= j <= s.len()` (a slice's boundary checks: ~10 instructions
    // per piece of `[f.strip() for f in s.split(",")]`)
    unsafe { s.get_unchecked(i..j) }
}

fn trim_space_chars(s: &str, left: bool, right: bool) -> &str {
    let s = if left { s.trim_start_matches(py_isspace) } else { s };
    if right {
        s.trim_end_matches(py_isspace)
    } else {
        s
    }
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn str_strip<S: StrSrc + ?Sized>(s: &S, chars: Option<&str>) -> Str {
    str_strip_src(s.src(), chars)
}

fn str_strip_src(src: Src<'_>, chars: Option<&str>) -> Str {
    src.piece(strip_text(src.text, 0, chars))
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn str_lstrip<S: StrSrc + ?Sized>(s: &S, chars: Option<&str>) -> Str {
    str_lstrip_src(s.src(), chars)
}

fn str_lstrip_src(src: Src<'_>, chars: Option<&str>) -> Str {
    src.piece(strip_text(src.text, 1, chars))
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn str_rstrip<S: StrSrc + ?Sized>(s: &S, chars: Option<&str>) -> Str {
    str_rstrip_src(s.src(), chars)
}

fn str_rstrip_src(src: Src<'_>, chars: Option<&str>) -> Str {
    src.piece(strip_text(src.text, 2, chars))
}

/// `s` with each ASCII byte mapped by `f` (which keeps ASCII ASCII), built in place.
fn ascii_map(s: &str, f: impl Fn(u8) -> u8) -> Str {
    // SAFETY: ASCII bytes mapped to ASCII bytes are valid UTF-8
    unsafe {
        Str::build(s.len(), |buf| {
            for (i, &c) in s.as_bytes().iter().enumerate() {
                buf.add(i).write(f(c));
            }
        })
    }
}

pub fn str_upper(s: &str) -> Str {
    if s.len() <= STR_INLINE {
        if let Some(r) = ascii_case_short(s, CASE_UPPER) {
            return r;
        }
    }
    map_case(s, |c| c.to_ascii_uppercase(), UPPER_RUNS, UPPER_MULTI)
}

const CASE_UPPER: u8 = 0;
const CASE_LOWER: u8 = 1;
const CASE_TITLE: u8 = 2;

/// The high bit of each byte of the word `x` (bytes below 0x80) that lies in `lo..=hi`
/// (`lo >= 1`: zero padding never does). No byte carries into the next: a byte below 0x80
/// plus at most 0x7f stays below 0x100.
#[inline(always)]
fn ascii_bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    let ge_lo = x.wrapping_add(L * (0x80 - lo as u64));
    let gt_hi = x.wrapping_add(L * (0x7f - hi as u64));
    ge_lo & !gt_hi & (L * 0x80)
}

/// `s.upper()` / `s.lower()` / `s.title()` of text of at most `STR_INLINE` bytes when it is
/// ASCII (None when it is not: tested on the same words, not by `str::is_ascii`'s loop), eight
/// bytes at a time in registers (no byte loop, and the inline result stored as whole words:
/// see `Str::inline`). Title case: a letter after a letter is lowered, any other is raised
/// (in ASCII the cased characters are the letters).
fn ascii_case_short(s: &str, kind: u8) -> Option<Str> {
    let b = s.as_bytes();
    debug_assert!(b.len() <= STR_INLINE);
    let (w0, w1) = (text_word(b, 0), text_word(b, 8));
    #[cfg(target_pointer_width = "32")]
    let w2 = 0;
    #[cfg(not(target_pointer_width = "32"))]
    let w2 = text_word(b, 16);
    if (w0 | w1 | w2) & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    let mut carry = 0u64; // the high bit of byte 0: the byte before this word is a letter
    let mut map = |x: u64| -> u64 {
        let low = ascii_bytes_in(x, b'a', b'z');
        let up = ascii_bytes_in(x, b'A', b'Z');
        let flip = match kind {
            CASE_UPPER => low,
            CASE_LOWER => up,
            _ => {
                let letters = low | up;
                let after_letter = (letters << 8) | carry;
                carry = letters >> 56;
                (low & !after_letter) | (up & after_letter)
            }
        };
        x ^ (flip >> 2) // 0x80 >> 2: the case bit 0x20
    };
    let x0 = map(w0);
    let x1 = map(w1);
    #[cfg(target_pointer_width = "32")]
    let x2 = w2;
    #[cfg(not(target_pointer_width = "32"))]
    let x2 = map(w2);
    Some(Str::from_words_out(b.len(), x0, x1, x2))
}

/// Map each char of `s` on its own (no context rule): `ascii` for ASCII text, else the table.
fn map_case(
    s: &str,
    ascii: fn(u8) -> u8,
    runs: &[(u32, u32, i32, u32)],
    multi: &[(u32, &str)],
) -> Str {
    if s.is_ascii() {
        return ascii_map(s, ascii);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_case(&mut out, c, runs, multi);
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
    if s.len() <= STR_INLINE {
        if let Some(r) = ascii_case_short(s, CASE_LOWER) {
            return r;
        }
    } else if s.is_ascii() {
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
    if s.len() <= STR_INLINE {
        if let Some(r) = ascii_case_short(s, CASE_TITLE) {
            return r;
        }
    } else if s.is_ascii() {
        // SAFETY: ASCII bytes mapped to ASCII bytes are valid UTF-8
        return unsafe {
            Str::build(s.len(), |buf| {
                let mut prev_cased = false;
                for (i, &c) in s.as_bytes().iter().enumerate() {
                    buf.add(i).write(if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() });
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

pub fn str_capitalize(s: &str) -> Str {
    if s.is_ascii() {
        // SAFETY: ASCII bytes mapped to ASCII bytes are valid UTF-8
        return unsafe {
            Str::build(s.len(), |buf| {
                for (i, &c) in s.as_bytes().iter().enumerate() {
                    buf.add(i).write(if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() });
                }
            })
        };
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    Str::from(out)
}

pub fn str_swapcase(s: &str) -> Str {
    if s.is_ascii() {
        return ascii_map(s, |c| if c.is_ascii_alphabetic() { c ^ 0x20 } else { c });
    }
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
    Str::from(out)
}

/// str.casefold(): CPython's full case folding (CaseFolding.txt as CPython's tables hold it:
/// ß -> ss, ﬁ -> fi, ς -> σ, ...), one code point at a time, no context rule.
pub fn str_casefold(s: &str) -> Str {
    map_case(s, |c| c.to_ascii_lowercase(), FOLD_RUNS, FOLD_MULTI)
}

/// str.expandtabs(tabsize): each tab becomes the spaces up to the next multiple of tabsize
/// (none when tabsize <= 0); the column counts code points and restarts after \n and \r.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_expandtabs<S: StrSrc + ?Sized>(s: &S, tabsize: i64, line: u32) -> PyResult<Str> {
    str_expandtabs_src(s.src(), tabsize, line)
}

fn str_expandtabs_src(src: Src<'_>, tabsize: i64, line: u32) -> PyResult<Str> {
    // a C int in CPython
    if i32::try_from(tabsize).is_err() {
        return Err(PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C int", line));
    }
    let s = src.text;
    if !s.contains('\t') {
        return Ok(src.whole());
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize - col % tabsize;
                col += n;
                out.reserve(cap_hint(n));
                for _ in 0..n {
                    out.push(' ');
                }
            }
        } else {
            out.push(c);
            col = if c == '\n' || c == '\r' { 0 } else { col + 1 };
        }
    }
    Ok(Str::from(out))
}

/// str.removeprefix(prefix) / str.removesuffix(suffix): the same string when it does not match.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_removeprefix<S: StrSrc + ?Sized>(s: &S, prefix: &str) -> Str {
    let src = s.src();
    match src.text.strip_prefix(prefix) {
        Some(rest) if !prefix.is_empty() => src.piece(rest),
        _ => src.whole(),
    }
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn str_removesuffix<S: StrSrc + ?Sized>(s: &S, suffix: &str) -> Str {
    let src = s.src();
    match src.text.strip_suffix(suffix) {
        Some(rest) if !suffix.is_empty() => src.piece(rest),
        _ => src.whole(),
    }
}

pub fn str_isascii(s: &str) -> bool {
    s.is_ascii()
}

/// str.isprintable(): no character repr() would escape (CPython's Py_UNICODE_ISPRINTABLE).
pub fn str_isprintable(s: &str) -> bool {
    s.chars().all(|c| {
        let cp = c as u32;
        if cp < 0x80 {
            (0x20..0x7f).contains(&cp)
        } else {
            !in_ranges(cp, NONPRINTABLE_RANGES)
        }
    })
}

/// Positions of matches: the first few in place (most replaces find one or two), the rest in a
/// `Vec` (no allocation for a short text).
struct Hits {
    n: usize,
    first: [usize; 8],
    more: Vec<usize>,
}

impl Hits {
    fn new() -> Hits {
        Hits { n: 0, first: [0; 8], more: Vec::new() }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn len(&self) -> usize {
        self.n
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn is_empty(&self) -> bool {
        self.n == 0
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn push(&mut self, at: usize) {
        if self.n < self.first.len() {
            self.first[self.n] = at;
        } else {
            self.more.push(at);
        }
        self.n += 1;
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.first[..self.n.min(self.first.len())].iter().chain(self.more.iter()).copied()
    }
}

/// str.replace(old, new, count); count < 0 replaces all.
// the one-ASCII-byte case picked here, in line: with literal `old` and `new` (the usual call)
// the test folds away and the call goes straight to `replace_ascii_byte`
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_replace<S: StrSrc + ?Sized>(s: &S, old: &str, new: &str, count: i64) -> Str {
    if old.len() == 1 && new.len() == 1 && count < 0 && old.as_bytes()[0] < 0x80 && new.as_bytes()[0] < 0x80 {
        return replace_ascii_byte(s.src(), old.as_bytes()[0], new.as_bytes()[0]);
    }
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
    let first = match next_hit(b, o, 0) {
        Some(at) if limit > 0 => at,
        _ => return src.whole(),
    };
    let rest = first + o.len();
    let second = if limit > 1 { next_hit(b, o, rest) } else { None };
    if second.is_none() {
        if new.is_empty() && (first == 0 || rest == b.len()) {
            // one match deleted at the start or the end (`line.replace(";ok", "")`): what is
            // left is a part of the text, made as strip's result is (a long piece of an ASCII
            // `Str` shares its block: no new block, no copy)
            // SAFETY: a whole match of a valid `old` starts and ends on character boundaries
            return src.piece(unsafe { if first == 0 { s.get_unchecked(rest..) } else { s.get_unchecked(..first) } });
        }
        // one match (most replaces): three copies, no list of positions
        let n = b.len() - o.len() + new.len();
        // SAFETY: `s` cut at a whole match of a valid `old`, joined with `new`: valid UTF-8
        return unsafe {
            Str::build(n, |buf| {
                copy_to(buf, &b[..first]);
                copy_to(buf.add(first), new.as_bytes());
                copy_to(buf.add(first + new.len()), &b[rest..]);
            })
        };
    }
    let mut hits = Hits::new();
    hits.push(first);
    let mut i = rest;
    if let Some(at) = second {
        hits.push(at);
        i = at + o.len();
    }
    while hits.len() < limit {
        match next_hit(b, o, i) {
            None => break,
            Some(at) => {
                hits.push(at);
                i = at + o.len();
            }
        }
    }
    let n = b.len() - hits.len() * o.len() + hits.len() * new.len();
    // SAFETY: pieces of `s` cut at whole matches of a valid `old`, joined with `new`: valid UTF-8
    unsafe {
        Str::build(n, |buf| {
            let (mut from, mut pos) = (0, 0);
            for at in hits.iter() {
                copy_to(buf.add(pos), &b[from..at]);
                pos += at - from;
                copy_to(buf.add(pos), new.as_bytes());
                pos += new.len();
                from = at + o.len();
            }
            copy_to(buf.add(pos), &b[from..]);
            debug_assert_eq!(pos + b.len() - from, n);
        })
    }
}

/// The first match of `o` (not empty) in `b` at or after `i`, by a scan for its first byte then a
/// compare (UTF-8 is self-synchronising: a byte match of a whole `str` is a match of its
/// characters).
#[inline(always)]
fn next_hit(b: &[u8], o: &[u8], mut i: usize) -> Option<usize> {
    while i + o.len() <= b.len() {
        let at = i + find_byte(&b[i..=b.len() - o.len()], o[0])?;
        if str_eq_bytes(&b[at..at + o.len()], o) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Each byte `x` of `w` equal to `a` (a byte below 0x80) turned into `b` (also), in the low
/// `n` bytes only (the zero padding beyond is not text, even when `a` is 0).
#[inline(always)]
fn replace_byte_word(w: u64, a: u8, b: u8, n: usize) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = L * 0x7f;
    let y = w ^ (L * a as u64);
    // the high bit of each byte of y that is zero (exact: no carry leaves a byte)
    let zero = !(((y & LOW7).wrapping_add(LOW7)) | y) & (L * 0x80);
    let keep = if n >= 8 { u64::MAX } else { (1u64 << (n * 8)) - 1 };
    let hit = ((zero >> 7) * 0xff) & keep;
    w ^ (hit & (L * (a ^ b) as u64))
}

/// `s.replace(a, b)` of one ASCII character by another (all occurrences): an ASCII byte never
/// occurs inside a multi-byte UTF-8 sequence, so replacing the bytes replaces the characters. A
/// short inline text in registers, eight bytes at a time; longer text a word at a time into
/// the new string. Nothing to replace: the same string, as `str_replace_src` returns.
#[inline(never)]
fn replace_ascii_byte(src: Src<'_>, a: u8, b: u8) -> Str {
    if let Some((n, x0, x1)) = src.owner.and_then(|o| o.short_text()) {
        if n == src.text.len() {
            let (y0, y1) = (replace_byte_word(x0, a, b, n), replace_byte_word(x1, a, b, n.saturating_sub(8)));
            return Str::from_words_out(n, y0, y1, 0);
        }
    }
    let t = src.text.as_bytes();
    let first = match find_byte(t, a) {
        Some(k) => k,
        None => return src.whole(),
    };
    let n = t.len();
    // SAFETY: every byte written (a copy of `t` with ASCII `a` bytes turned into ASCII `b`
    // bytes): valid UTF-8 as `t` is
    unsafe {
        Str::build(n, |buf| {
            let mut i = first & !7;
            copy_to(buf, &t[..i]);
            while i + 8 <= n {
                let w = u64::from_le(std::ptr::read_unaligned(t.as_ptr().add(i) as *const u64));
                std::ptr::write_unaligned(buf.add(i) as *mut u64, replace_byte_word(w, a, b, 8).to_le());
                i += 8;
            }
            while i < n {
                *buf.add(i) = if t[i] == a { b } else { t[i] };
                i += 1;
            }
        })
    }
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn str_startswith(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
}

#[cfg_attr(not(portalis_dev), inline)]
pub fn str_endswith(s: &str, suffix: &str) -> bool {
    s.ends_with(suffix)
}

#[cfg_attr(not(portalis_dev), inline)]
fn byte_to_char_index(s: &str, byte: usize) -> i64 {
    str_len(&s[..byte])
}

/// The byte position of the first `sub` in `s`. UTF-8 is self-synchronising, so a byte match
/// of a whole `str` is a match of its characters. Needles of up to 8 bytes: a scan for the
/// first byte, then a compare (std's two-way searcher costs more to set up than such a search
/// takes); longer ones: std's.
#[cfg_attr(not(portalis_dev), inline)]
fn find_sub(s: &str, sub: &str) -> Option<usize> {
    let (h, n) = (s.as_bytes(), sub.as_bytes());
    match n.len() {
        0 => Some(0),
        1 => find_byte(h, n[0]),
        2..=8 => {
            let last = h.len().checked_sub(n.len())?;
            let mut i = 0;
            while i <= last {
                let at = i + find_byte(&h[i..=last], n[0])?;
                if str_eq_bytes(&h[at + 1..at + n.len()], &n[1..]) {
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

/// `c.isdigit()`, `c.isalpha()`, ... of one character (a char local or `s[i]`: the emitter's
/// `char_operand`): ASCII answered inline, anything else by the `str_is*` function of its
/// one-character text, out of line.  (A tokenizer's `src[j].isalnum()` was a call that encoded
/// the char and walked the tables' preamble per character.)
#[inline(never)]
fn char_test_wide(c: char, f: fn(&str) -> bool) -> bool {
    f(c.encode_utf8(&mut [0u8; 4]))
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_isdigit(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { char_test_wide(c, str_isdigit) }
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_isdecimal(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { char_test_wide(c, str_isdecimal) }
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_isnumeric(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { char_test_wide(c, str_isnumeric) }
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_isalpha(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { char_test_wide(c, str_isalpha) }
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_isalnum(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { char_test_wide(c, str_isalnum) }
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_isspace(c: char) -> bool {
    // ASCII: \t \n \v \f \r, the separators \x1c-\x1f and ' '
    if c.is_ascii() { matches!(c as u32, 0x09..=0x0d | 0x1c..=0x20) } else { char_test_wide(c, str_isspace) }
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_isupper(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_uppercase() } else { char_test_wide(c, str_isupper) }
}
#[cfg_attr(not(portalis_dev), inline)]
pub fn char_islower(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_lowercase() } else { char_test_wide(c, str_islower) }
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

#[cfg_attr(not(portalis_dev), inline)]
fn fill_char(fill: &str, line: u32) -> PyResult<char> {
    if fill.len() == 1 {
        return Ok(fill.as_bytes()[0] as char); // one byte: an ASCII character (the usual " ")
    }
    fill_char_slow(fill, line)
}

fn fill_char_slow(fill: &str, line: u32) -> PyResult<char> {
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
                std::ptr::write_bytes(buf, fill as u8, l);
                copy_to(buf.add(l), s.as_bytes());
                std::ptr::write_bytes(buf.add(l + s.len()), fill as u8, r);
            })
        };
    }
    let mut out = String::with_capacity(cap_hint(s.len() as i64 + left.max(0) + right.max(0)));
    push_fill(&mut out, fill, left);
    out.push_str(s);
    push_fill(&mut out, fill, right);
    Str::from(out)
}

#[cfg_attr(not(portalis_dev), inline)]
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

#[cfg_attr(not(portalis_dev), inline)]
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

#[cfg_attr(not(portalis_dev), inline)]
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
    let left = center_left(marg, width);
    Ok(pad_str(s, left, marg - left, f))
}

/// The fill `center` puts on the left of a margin `marg`: CPython's `pad(self, marg / 2 +
/// (marg & width & 1), ...)` (an odd margin's extra fill goes left when the width is odd).
#[cfg_attr(not(portalis_dev), inline)]
fn center_left(marg: i64, width: i64) -> i64 {
    marg / 2 + (marg & width & 1)
}

/// `s.ljust(width, fill)` (`how` 0), `s.rjust(...)` (1) or `s.center(...)` (2) written at the
/// end of `out`, the buffer of a join of a list display or of a `+` chain: no str of its own.
/// The same text and errors as `str_ljust` / `str_rjust` / `str_center`.
pub fn str_pad_into<S: StrSrc + ?Sized>(out: &mut String, s: &S, how: u8, width: i64, fill: &str, line: u32) -> PyResult<()> {
    let f = fill_char(fill, line)?;
    // (an inline or known-ASCII `Str`'s length without a scan of its text)
    let n = s.char_count();
    let s = s.src().text;
    let marg = if width > n { width - n } else { 0 };
    let left = match how {
        0 => 0,
        1 => marg,
        _ => center_left(marg, width),
    };
    push_pad(out, f, left);
    push_text(out, s);
    push_pad(out, f, marg - left);
    Ok(())
}

/// `n` copies of `f` (none for n <= 0): the test in line (one side of a pad is usually empty),
/// the fill out of line.
#[inline(always)]
fn push_pad(out: &mut String, f: char, n: i64) {
    if n > 0 {
        push_pad_some(out, f, n);
    }
}

/// `push_pad` of n > 0 copies: ASCII as one fill of bytes.
#[cfg_attr(not(portalis_dev), inline)]
fn push_pad_some(out: &mut String, f: char, n: i64) {
    match usize::try_from(n) {
        Ok(k) if f.is_ascii() && k <= 1 << 20 => {
            // whole words of the fill byte (`resize` is a memset call, a function with a byte
            // loop on wasm32); the last may run past the k bytes, into the spare capacity
            out.reserve(k + 7);
            let w = 0x0101_0101_0101_0101u64 * f as u64;
            // SAFETY: `reserve` made room for k + 7 more bytes (the last word starts before k);
            // the k kept are ASCII, so the text stays UTF-8
            unsafe {
                let v = out.as_mut_vec();
                let len = v.len();
                let p = v.as_mut_ptr().add(len);
                let mut i = 0;
                while i < k {
                    std::ptr::write_unaligned(p.add(i) as *mut u64, w);
                    i += 8;
                }
                v.set_len(len + k);
            }
        }
        // a wide fill (or more than wasm32's usize counts) char by char: grows until the memory
        // limit stops it, as `pad_str` does
        _ => push_fill(out, f, n),
    }
}

/// `s.zfill(width)`. An ASCII text with a result of at most 14 bytes (`str(n).zfill(6)`) is put
/// together in two words in line (an inline `Str`'s text read from its words, no char count;
/// out of line, its `u128` shifts were libcalls on wasm32: ~210 instructions per call); the
/// rest out of line.
#[cfg_attr(not(portalis_dev), inline)]
pub fn str_zfill<S: StrSrc + ?Sized>(s: &S, width: i64) -> Str {
    if let Some((n, x0, x1)) = s.short_text() {
        if (x0 | x1) & 0x8080_8080_8080_8080 == 0 && width <= 14 {
            return zfill_words(n, x0, x1, width);
        }
    }
    str_zfill_text(s.src().text, width)
}

/// `str(v).zfill(width)` of an int (the emitter's form of it: no `Str` of the digits made and
/// read back): the digits' word (`small_int_word`, ASCII) zero-filled as `str_zfill` does.
#[cfg_attr(not(portalis_dev), inline)]
pub fn int_zfill(v: i64, width: i64) -> Str {
    if let Some((x, n)) = small_int_word(v) {
        if width <= 14 {
            return zfill_words(n, x, 0, width);
        }
    }
    int_zfill_long(v, width)
}

#[inline(never)]
fn int_zfill_long(v: i64, width: i64) -> Str {
    str_zfill_text(&Str::from_i64(v), width)
}

/// `zfill(width)` (`width <= 14`) of the `n <= 14` ASCII bytes in the words `x0`, `x1` (zero
/// past the text), as an inline `Str`.
#[inline(always)]
fn zfill_words(n: usize, x0: u64, x1: u64, width: i64) -> Str {
    debug_assert!(n <= 14 && width <= 14 && (x0 | x1) & 0x8080_8080_8080_8080 == 0);
    if width <= n as i64 {
        return Str::from_words(n, x0, x1, 0);
    }
    let total = width as usize;
    let fill = total - n;
    // the sign byte, `fill` ASCII zeros, then the rest (each placed with `or_at`: every
    // piece ends by byte 14)
    let sign = matches!(x0 as u8, b'+' | b'-') as usize;
    let (mut lo, mut hi) = (x0 & (0xff * sign as u64), 0u64);
    let zeros = 0x3030_3030_3030_3030u64;
    let keep = |k: usize| if k >= 8 { u64::MAX } else { (1u64 << (8 * k)) - 1 };
    or_at(&mut lo, &mut hi, sign, zeros & keep(fill), zeros & keep(fill.saturating_sub(8)));
    let (r0, r1) = if sign == 1 { ((x0 >> 8) | (x1 << 56), x1 >> 8) } else { (x0, x1) };
    or_at(&mut lo, &mut hi, sign + fill, r0, r1);
    Str::from_words(total, lo, hi, 0)
}

#[inline(never)]
fn str_zfill_text(s: &str, width: i64) -> Str {
    let n = str_len(s);
    if width <= n {
        return Str::from_str(s);
    }
    let fill = width - n;
    if fill <= 1 << 20 {
        // the usual case (`str(n).zfill(6)`): the result written in place, inline when short
        let fill = fill as usize;
        let sign = if s.starts_with('+') || s.starts_with('-') { 1 } else { 0 };
        let total = s.len() + fill;
        // inline, and in two words (wasm32: all inline texts; 64-bit: up to 16 of 22 bytes)
        const SHORT: usize = if STR_INLINE < 16 { STR_INLINE } else { 16 };
        if total <= SHORT {
            // an inline result put together in registers (a `write_bytes` and `copy` of run-time
            // lengths are memset and memcpy calls on wasm32, byte loops): the text as a
            // little-endian u128, zero-padded; the sign byte, `fill` zeros, then the rest
            let b = s.as_bytes();
            let x = (text_word(b, 0) as u128) | ((text_word(b, 8) as u128) << 64);
            let keep = |k: usize| if k >= 16 { u128::MAX } else { (1u128 << (8 * k)) - 1 };
            let zeros = u128::from_le_bytes([b'0'; 16]) & keep(fill);
            let rest = x >> (8 * sign);
            let at = sign + fill; // < 16 unless the rest is empty
            let r = (x & keep(sign)) | (zeros << (8 * sign)) | if at < 16 { rest << (8 * at) } else { 0 };
            return Str::from_words(total, r as u64, (r >> 64) as u64, 0);
        }
        // SAFETY: every byte written (the sign, `fill` ASCII zeros, the rest), and the result is
        // `s` with ASCII zeros inserted after its first character or at its start: valid UTF-8
        return unsafe {
            Str::build(s.len() + fill, |buf| {
                let b = s.as_bytes();
                std::ptr::copy_nonoverlapping(b.as_ptr(), buf, sign);
                std::ptr::write_bytes(buf.add(sign), b'0', fill);
                std::ptr::copy_nonoverlapping(b.as_ptr().add(sign), buf.add(sign + fill), b.len() - sign);
            })
        };
    }
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
    Str::from(out)
}

#[cfg_attr(not(portalis_dev), inline)]
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

#[cfg_attr(not(portalis_dev), inline)]
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

#[cfg_attr(not(portalis_dev), inline)]
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

#[cfg_attr(not(portalis_dev), inline)]
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
