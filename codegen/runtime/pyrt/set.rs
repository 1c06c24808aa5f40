// ===================================================================================
// set: CPython's own hash table (Objects/setobject.c, 3.11), so that a set iterates, prints and
// pops in CPython's order wherever CPython's hashes do not depend on the process
// ===================================================================================

// A CPython set is an open-addressing table of (hash, key) slots: probes of 10 consecutive slots,
// then a jump driven by the hash's higher bits (`perturb`); a removed key leaves a dummy that a
// later add may reuse; the table grows (to 4x the live keys) when 3/5 of it is used or dummy.
// Its iteration order is the slot order, so a set of ints prints `{1, 2, 3}` for `set([3, 1, 2])`.
// Each operation below follows the C function named in its comment, including the order in
// which it visits the other set and when it resizes: that is what decides the slots.

/// CPython's `hash(x)`. Exact for ints, bools and tuples of them (and objects whose `__hash__`
/// returns an int); a stand-in for str (CPython salts it per process), None (an address in
/// 3.11) and objects hashed by identity: the analyzers warn where the order of a set of those
/// shows (`set-iteration-order`).
pub trait PyHash {
    fn py_hash(&self) -> i64;
}

const HASH_MODULUS: u64 = (1u64 << 61) - 1;

/// CPython's hash of an int: its value modulo 2**61 - 1, with its sign; -1 is reserved.
#[cfg_attr(not(portalis_dev), inline)]
pub fn int_py_hash(x: i64) -> i64 {
    let h = (x.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if x < 0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash a `__hash__` result becomes: an int that fits a machine word is kept as it is
/// (CPython's slot_tp_hash), except -1.
#[cfg_attr(not(portalis_dev), inline)]
pub fn user_py_hash(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

impl PyHash for i64 {
    #[cfg_attr(not(portalis_dev), inline)]
    fn py_hash(&self) -> i64 {
        int_py_hash(*self)
    }
}
impl PyHash for bool {
    #[cfg_attr(not(portalis_dev), inline)]
    fn py_hash(&self) -> i64 {
        *self as i64
    }
}
impl PyHash for Str {
    // always inline, as `hash_of`: a call per set lookup otherwise (~4 % of a loop of `in` tests)
    #[inline(always)]
    fn py_hash(&self) -> i64 {
        user_py_hash(hash_of(self) as i64)
    }
}
impl PyHash for () {
    #[cfg_attr(not(portalis_dev), inline)]
    fn py_hash(&self) -> i64 {
        0x5f3759df // None: an address in CPython 3.11
    }
}
impl<T: PyHash> PyHash for Option<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn py_hash(&self) -> i64 {
        match self {
            Some(v) => v.py_hash(),
            None => ().py_hash(),
        }
    }
}
impl PyHash for EmptyTuple {
    fn py_hash(&self) -> i64 {
        tuple_py_hash(&[])
    }
}

/// CPython's tuple hash (xxHash's mixing of the items' hashes, Objects/tupleobject.c).
pub fn tuple_py_hash(items: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

macro_rules! tuple_py_hash_impl {
    ($($name:ident . $i:tt),+) => {
        impl<$($name: PyHash),+> PyHash for ($($name,)+) {
            fn py_hash(&self) -> i64 {
                tuple_py_hash(&[$(self.$i.py_hash()),+])
            }
        }
    };
}
tuple_py_hash_impl!(A.0);
tuple_py_hash_impl!(A.0, B.1);
tuple_py_hash_impl!(A.0, B.1, C.2);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4, F.5);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4, F.5, G.6);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10);
tuple_py_hash_impl!(A.0, B.1, C.2, D.3, E.4, F.5, G.6, H.7, I.8, J.9, K.10, L.11);

const LINEAR_PROBES: u64 = 9;
const MINSIZE: usize = 8;

/// The slots a walk for hash `h` visits, in CPython's order: runs of LINEAR_PROBES + 1
/// consecutive slots (one when the run would pass the end), each run starting where the
/// `perturb` jump lands. Endless: every walk stops at an empty slot, and a table always has one.
struct Probe {
    start: u64, // the run's first slot (the `i` of setobject.c)
    next: u64,
    end: u64,
    perturb: u64,
    mask: u64,
}

impl Probe {
    #[cfg_attr(not(portalis_dev), inline)]
    fn new(h: i64, mask: u64) -> Probe {
        let i = (h as u64) & mask;
        Probe { start: i, next: i, end: Probe::run_end(i, mask), perturb: h as u64, mask }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn run_end(i: u64, mask: u64) -> u64 {
        if i + LINEAR_PROBES <= mask {
            i + LINEAR_PROBES
        } else {
            i
        }
    }
}

impl Iterator for Probe {
    type Item = usize;
    #[cfg_attr(not(portalis_dev), inline)]
    fn next(&mut self) -> Option<usize> {
        if self.next > self.end {
            self.perturb >>= 5;
            let i = self.start.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb) & self.mask;
            *self = Probe { start: i, next: i, end: Probe::run_end(i, self.mask), ..*self };
        }
        let idx = self.next;
        self.next += 1;
        Some(idx as usize)
    }
}

enum Slot<T> {
    Empty,
    Dummy,
    Full(i64, T),
}

pub struct SetInner<T> {
    table: Vec<Slot<T>>, // no allocation until the first add: then MINSIZE slots
    // tags[i] says what table[i] is: TAG_EMPTY, TAG_DUMMY, or (Full) `tag_of` its hash. A probe
    // walks these bytes and reads a slot only where the tag is its hash's: a lookup of an
    // absent key usually reads no slot at all (a large set's tags stay in cache, its slots do
    // not: lookup.py's 28,572 SKUs are 3 MB of slots, 128 KB of tags)
    tags: Vec<u8>,
    fill: usize,         // slots Full or Dummy
    used: usize,         // slots Full
    finger: usize,       // where pop() looks first
    keys_ver: u64,       // bumped when an element is added or removed (see IterMark)
}

fn empty_table<T>(n: usize) -> Vec<Slot<T>> {
    let mut t = Vec::with_capacity(n);
    t.resize_with(n, || Slot::Empty);
    t
}

const TAG_EMPTY: u8 = 0;
const TAG_DUMMY: u8 = 1;

/// The tag of a full slot whose hash is `h`: 7 bits of a multiplicative mix of the whole hash
/// (an int's hash is the int: its high bits alone would all be 0), with the top bit set (never
/// TAG_EMPTY or TAG_DUMMY). Only a filter: the slot's hash and key are still compared.
#[inline(always)]
fn tag_of(h: i64) -> u8 {
    ((h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as u8 | 0x80
}

impl<T: PartialEq> SetInner<T> {
    const fn new() -> Self {
        SetInner { table: Vec::new(), tags: Vec::new(), fill: 0, used: 0, finger: 0, keys_ver: 0 }
    }

    #[cfg_attr(not(portalis_dev), inline)]
    fn mask(&self) -> u64 {
        (self.table.len().max(MINSIZE) - 1) as u64
    }

    /// A new empty table of `n` slots (a power of two), its tags all TAG_EMPTY.
    fn new_table(&mut self, n: usize) -> Vec<Slot<T>> {
        self.tags = vec![TAG_EMPTY; n];
        std::mem::replace(&mut self.table, empty_table(n))
    }

    /// set_lookkey: the slot holding `v`, if any (the same walk, over the tags).
    #[cfg_attr(not(portalis_dev), inline)]
    fn find(&self, h: i64, v: &T) -> Option<usize> {
        if self.used == 0 {
            return None;
        }
        let (tags, tag) = (&self.tags[..], tag_of(h));
        for idx in Probe::new(h, self.mask()) {
            let t = tags[idx];
            if t == TAG_EMPTY {
                return None;
            }
            if t == tag {
                if let Slot::Full(eh, e) = &self.table[idx] {
                    if *eh == h && e == v {
                        return Some(idx);
                    }
                }
            }
        }
        None
    }

    /// set_add_entry: false when an equal element is there already (it stays).
    fn add_hashed(&mut self, h: i64, v: T) -> bool {
        if self.table.is_empty() {
            self.new_table(MINSIZE);
        }
        let mask = self.mask();
        let tag = tag_of(h);
        let mut freeslot: Option<usize> = None;
        for idx in Probe::new(h, mask) {
            match self.tags[idx] {
                TAG_EMPTY => {
                    self.keys_ver += 1;
                    self.used += 1;
                    if let Some(f) = freeslot {
                        self.table[f] = Slot::Full(h, v);
                        self.tags[f] = tag;
                        return true;
                    }
                    self.fill += 1;
                    self.table[idx] = Slot::Full(h, v);
                    self.tags[idx] = tag;
                    if (self.fill as u64) * 5 >= mask * 3 {
                        let used = self.used;
                        self.resize(if used > 50000 { used * 2 } else { used * 4 });
                    }
                    return true;
                }
                TAG_DUMMY => freeslot = Some(idx), // the last dummy on the way (3.11)
                t => {
                    if t == tag {
                        if let Slot::Full(eh, e) = &self.table[idx] {
                            if *eh == h && *e == v {
                                return false;
                            }
                        }
                    }
                }
            }
        }
        false
    }

    /// set_insert_clean: `v` is known to be absent and the table to have room.
    fn insert_clean(table: &mut [Slot<T>], tags: &mut [u8], h: i64, v: T) {
        for idx in Probe::new(h, (table.len() - 1) as u64) {
            if tags[idx] == TAG_EMPTY {
                table[idx] = Slot::Full(h, v);
                tags[idx] = tag_of(h);
                return;
            }
        }
    }

    /// set_table_resize: the smallest power of two above `minused` (at least 8), the live
    /// elements reinserted in slot order, the dummies dropped.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.table.len() <= MINSIZE && self.fill == self.used {
            return; // the small table without dummies: nothing to do
        }
        let old = self.new_table(newsize);
        self.fill = self.used;
        for s in old {
            if let Slot::Full(h, v) = s {
                Self::insert_clean(&mut self.table, &mut self.tags, h, v);
            }
        }
    }

    /// set_discard_entry: the element removed, its slot left a dummy.
    fn remove_hashed(&mut self, h: i64, v: &T) -> Option<T> {
        let idx = self.find(h, v)?;
        self.keys_ver += 1;
        self.used -= 1;
        self.tags[idx] = TAG_DUMMY;
        match std::mem::replace(&mut self.table[idx], Slot::Dummy) {
            Slot::Full(_, e) => Some(e),
            _ => None,
        }
    }

    /// set_next: the next live slot from `*pos`.
    #[cfg_attr(not(portalis_dev), inline)]
    fn next_full(&self, pos: &mut usize) -> Option<(i64, &T)> {
        while *pos < self.table.len() {
            let p = *pos;
            *pos += 1;
            if let Slot::Full(h, v) = &self.table[p] {
                return Some((*h, v));
            }
        }
        None
    }
}

impl<T: PyHash + PartialEq> SetInner<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn insert(&mut self, v: T) {
        let h = v.py_hash();
        self.add_hashed(h, v);
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn remove(&mut self, v: &T) -> Option<T> {
        self.remove_hashed(v.py_hash(), v)
    }
}

/// A Python set (Clone aliases), laid out as CPython lays it out.
pub struct PySet<T>(pub Rc<PyCell<SetInner<T>>>);

impl<T> Clone for PySet<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn clone(&self) -> Self {
        PySet(Rc::clone(&self.0))
    }
}

impl<T: PyHash + Eq + Clone> Default for PySet<T> {
    fn default() -> Self {
        PySet::new()
    }
}

impl<T: PyHash + Eq + Clone> PySet<T> {
    pub fn new() -> Self {
        PySet(Rc::new(PyCell::new(SetInner::new())))
    }
    /// A display `{a, b, c}` with a value that is not a constant, set(iterable), or a
    /// comprehension: one add per element, in order.
    pub fn from_vec(v: Vec<T>) -> Self {
        let s = PySet::new();
        {
            let mut inner = s.0.borrow_mut();
            for x in v {
                inner.insert(x);
            }
        }
        s
    }
    /// A display of three or more constants, `{1, 2, 3}`: CPython compiles it to a frozenset
    /// constant (built by one add per element) merged into a new set (`BUILD_SET` +
    /// `SET_UPDATE`), which lays out larger ones differently from one add per element.
    pub fn from_consts(v: Vec<T>) -> Self {
        let r = PySet::new();
        r.update(&PySet::frozen_consts(v));
        r
    }
    /// The frozenset constant the compiler makes of a display of constants: built by one add
    /// per element, then rebuilt the same way in its own order when the code object's
    /// constants are merged (merge_consts_recursive). `for x in {2, 1}` iterates it directly.
    pub fn frozen_consts(v: Vec<T>) -> Self {
        PySet::from_vec(PySet::from_vec(v).to_vec())
    }
    /// set(d): of a plain dict, one resize for the dict's size first (set_update_internal),
    /// then one add per key; of a Counter, defaultdict or OrderedDict (subclasses), one add per
    /// key, as for any iterable.
    pub fn from_dict<V: Clone>(d: &PyDict<T, V>) -> Self
    where
        T: Hash,
    {
        let s = PySet::new();
        s.update_dict(d);
        s
    }
    /// set_update_internal with a dict (`set(d)`, `{*d}`).
    pub fn update_dict<V: Clone>(&self, d: &PyDict<T, V>)
    where
        T: Hash,
    {
        let (keys, exact) = {
            let di = d.0.borrow();
            let keys: Vec<T> = di.entries.iter().flatten().map(|(k, _)| k.clone()).collect();
            (keys, di.missing.is_none() && !di.ordered)
        };
        let mut inner = self.0.borrow_mut();
        if exact && (inner.fill + keys.len()) as u64 * 5 >= inner.mask() * 3 {
            let used = inner.used;
            inner.resize((used + keys.len()) * 2);
        }
        for x in keys {
            inner.insert(x);
        }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn len(&self) -> i64 {
        self.0.borrow().used as i64
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().used == 0
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn add(&self, v: T) {
        self.0.borrow_mut().insert(v);
    }
    pub fn discard(&self, v: &T) {
        let r = self.0.borrow_mut().remove(v);
        drop(r);
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn contains(&self, v: &T) -> bool {
        let s = self.0.borrow();
        s.find(v.py_hash(), v).is_some()
    }
    /// The elements in iteration order.
    pub fn to_vec(&self) -> Vec<T> {
        let s = self.0.borrow();
        let mut out = Vec::with_capacity(s.used);
        let mut p = 0;
        while let Some((_, v)) = s.next_full(&mut p) {
            out.push(v.clone());
        }
        out
    }
    fn hashed(&self) -> Vec<(i64, T)> {
        let s = self.0.borrow();
        let mut out = Vec::with_capacity(s.used);
        let mut p = 0;
        while let Some((h, v)) = s.next_full(&mut p) {
            out.push((h, v.clone()));
        }
        out
    }
    /// set_pop: the first live slot from the finger on.
    pub fn pop(&self, line: u32) -> PyResult<T> {
        let mut s = self.0.borrow_mut();
        if s.used == 0 {
            return Err(PyErr::new(&KEY_ERROR, "pop from an empty set", line));
        }
        let n = s.table.len();
        let mut i = s.finger & (n - 1);
        while !matches!(s.table[i], Slot::Full(..)) {
            i = (i + 1) % n;
        }
        s.finger = i + 1;
        s.used -= 1;
        s.keys_ver += 1;
        s.tags[i] = TAG_DUMMY;
        match std::mem::replace(&mut s.table[i], Slot::Dummy) {
            Slot::Full(_, v) => Ok(v),
            _ => unreachable!(),
        }
    }
    /// set_or: a copy of self, then update.
    pub fn union(&self, o: &PySet<T>) -> PySet<T> {
        let r = self.copy();
        r.update(o);
        r
    }
    /// set_intersection: the smaller set's elements (the argument's when the sizes are
    /// equal), in its order, that the other holds.
    pub fn intersection(&self, o: &PySet<T>) -> PySet<T> {
        if Rc::ptr_eq(&self.0, &o.0) {
            return self.copy();
        }
        let (big, small) = if o.len() > self.len() { (o, self) } else { (self, o) };
        small.select(big, true)
    }
    /// A new set of this set's elements, in order, that `other` holds (`held`) or lacks.
    fn select(&self, other: &PySet<T>, held: bool) -> PySet<T> {
        let r = PySet::new();
        {
            let ob = other.0.borrow();
            let mut ri = r.0.borrow_mut();
            for (h, v) in self.hashed() {
                if ob.find(h, &v).is_some() == held {
                    ri.add_hashed(h, v);
                }
            }
        }
        r
    }
    /// set_difference: a copy with the other's elements removed when self is over 4x larger,
    /// else self's elements, in order, that the other lacks.
    pub fn difference(&self, o: &PySet<T>) -> PySet<T> {
        if (self.len() >> 2) > o.len() {
            let r = self.copy();
            r.difference_update(o);
            return r;
        }
        self.select(o, false)
    }
    /// set_difference_update_internal (with a set).
    fn difference_update(&self, o: &PySet<T>) {
        if Rc::ptr_eq(&self.0, &o.0) {
            self.clear();
            return;
        }
        let other = if (o.len() >> 3) > self.len() { self.intersection(o) } else { o.clone() };
        let items = other.hashed();
        let mut s = self.0.borrow_mut();
        for (h, v) in items {
            s.remove_hashed(h, &v);
        }
        if s.fill - s.used > (s.mask() / 4) as usize {
            let used = s.used;
            s.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }
    /// set_symmetric_difference: a copy of the other, then each of self's elements (in
    /// order) removed if there, else added.
    pub fn symmetric_difference(&self, o: &PySet<T>) -> PySet<T> {
        let r = o.copy();
        let items = self.hashed();
        let mut ri = r.0.borrow_mut();
        for (h, v) in items {
            if ri.remove_hashed(h, &v).is_none() {
                ri.add_hashed(h, v);
            }
        }
        drop(ri);
        r
    }
    pub fn issubset(&self, o: &PySet<T>) -> bool {
        self.len() <= o.len() && self.to_vec().iter().all(|x| o.contains(x))
    }
    pub fn issuperset(&self, o: &PySet<T>) -> bool {
        o.issubset(self)
    }
    pub fn isdisjoint(&self, o: &PySet<T>) -> bool {
        self.to_vec().iter().all(|x| !o.contains(x))
    }
    /// set_copy: a new set updated from this one (set_merge into an empty set).
    pub fn copy(&self) -> PySet<T> {
        let r = PySet::new();
        r.update(self);
        r
    }
    /// set_clear_internal: back to an empty small table.
    pub fn clear(&self) {
        let old = {
            let mut s = self.0.borrow_mut();
            s.fill = 0;
            s.used = 0;
            s.keys_ver += 1;
            s.tags = Vec::new();
            std::mem::take(&mut s.table)
        };
        drop(old);
    }
    /// set_merge: one resize first if the other's elements would crowd the table; into an
    /// empty table of the same size without dummies, the other's slots copied as they are;
    /// into an empty table, inserted in the other's slot order; else added one by one.
    pub fn update(&self, o: &PySet<T>) {
        if Rc::ptr_eq(&self.0, &o.0) || o.is_empty() {
            return;
        }
        let (omask, ofill, oused) = {
            let ob = o.0.borrow();
            (ob.mask(), ob.fill, ob.used)
        };
        let items = o.hashed();
        let mut s = self.0.borrow_mut();
        if s.table.is_empty() {
            s.new_table(MINSIZE);
        }
        if ((s.fill + oused) as u64) * 5 >= s.mask() * 3 {
            let n = (s.used + oused) * 2;
            s.resize(n);
        }
        if s.fill == 0 && s.mask() == omask && ofill == oused {
            let ob = o.0.borrow();
            for (k, slot) in ob.table.iter().enumerate() {
                if let Slot::Full(h, v) = slot {
                    s.table[k] = Slot::Full(*h, v.clone());
                    s.tags[k] = ob.tags[k];
                }
            }
            s.fill = oused;
            s.used = oused;
            s.keys_ver += 1;
            return;
        }
        if s.fill == 0 {
            s.fill = oused;
            s.used = oused;
            s.keys_ver += 1;
            let s = &mut *s;
            for (h, v) in items {
                SetInner::insert_clean(&mut s.table, &mut s.tags, h, v);
            }
            return;
        }
        for (h, v) in items {
            s.add_hashed(h, v);
        }
    }
    /// Start of an iteration (see `PyDict::key_at`).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn iter_mark(&self) -> IterMark {
        let s = self.0.borrow();
        IterMark { len: s.used as i64, ver: s.keys_ver }
    }
    pub fn elem_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<T>> {
        let s = self.0.borrow();
        start.check(s.used, s.keys_ver, "set", line)?;
        Ok(s.next_full(pos).map(|(_, v)| v.clone()))
    }
}

impl<T: PyHash + Eq + Clone + PyFmt> PySet<T> {
    pub fn remove(&self, v: &T, line: u32) -> PyResult<()> {
        let r = self.0.borrow_mut().remove(v);
        match r {
            Some(_) => Ok(()),
            None => Err(key_error(v, line)),
        }
    }
}

impl<T: PyHash + Eq + Clone> PartialEq for PySet<T> {
    fn eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        self.len() == other.len() && self.issubset(other)
    }
}

impl<T: PyFmt> PyFmt for PySet<T> {
    fn fmt_repr(&self, out: &mut String) {
        let s = self.0.borrow();
        if s.used == 0 {
            out.push_str("set()");
            return;
        }
        repr_guarded(Rc::as_ptr(&self.0) as *const u8 as usize, out, "set(...)", |out| {
            let items = s.table.iter().filter_map(|slot| match slot {
                Slot::Full(_, v) => Some(v),
                _ => None,
            });
            fmt_seq(out, "{", "}", items);
        });
    }
}

impl PyHash for Int {
    /// long_hash: |v| modulo 2**61 - 1, with v's sign.
    fn py_hash(&self) -> i64 {
        match self {
            Int::S(v) => int_py_hash(*v),
            Int::B(b) => {
                let mut x: u64 = 0;
                for &limb in b.mag.iter().rev() {
                    x = ((((x as u128) << 32) | limb as u128) % HASH_MODULUS as u128) as u64;
                }
                let h = if b.neg { -(x as i64) } else { x as i64 };
                user_py_hash(h)
            }
        }
    }
}
impl PyHash for Obj {
    fn py_hash(&self) -> i64 {
        match self {
            Obj::None => ().py_hash(),
            Obj::Bool(b) => b.py_hash(),
            Obj::Int(i) => i.py_hash(),
            Obj::Str(s) => s.py_hash(),
            Obj::Float(f) => f.py_hash(), // an int-valued float hashes as its int (1 == 1.0)
            _ => user_py_hash(hash_of(self) as i64),
        }
    }
}
impl PyHash for EnumV {
    fn py_hash(&self) -> i64 {
        user_py_hash(hash_of(self) as i64) // Enum: its name's str hash, salted per process
    }
}
impl<T: PyHash> PyHash for Nt<T> {
    fn py_hash(&self) -> i64 {
        self.v.py_hash()
    }
}
impl PyHash for f64 {
    /// _Py_HashDouble: an integral float hashes as its int; otherwise its mantissa and exponent
    /// reduced modulo 2**61 - 1 (floats are not set elements; this hashes frozen dataclasses).
    fn py_hash(&self) -> i64 {
        let v = *self;
        if !v.is_finite() {
            return if v.is_nan() { 0 } else if v > 0.0 { 314159 } else { -314159 };
        }
        if v == 0.0 {
            return 0;
        }
        // frexp: v = m * 2**e with 0.5 <= |m| < 1
        let bits = v.to_bits();
        let mut e = ((bits >> 52) & 0x7ff) as i32;
        let mut m = if e == 0 {
            // subnormal: scale up first
            let s = v * (1u64 << 54) as f64;
            e = ((s.to_bits() >> 52) & 0x7ff) as i32 - 54;
            f64::from_bits((s.to_bits() & !(0x7ffu64 << 52)) | (1022u64 << 52))
        } else {
            f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52))
        };
        e -= 1022;
        let neg = m < 0.0;
        if neg {
            m = -m;
        }
        let bits61 = 61;
        let mut x: u64 = 0;
        while m != 0.0 {
            x = ((x << 28) & HASH_MODULUS) | (x >> (bits61 - 28));
            m *= 268435456.0;
            e -= 28;
            let y = m as u64;
            m -= y as f64;
            x += y;
            if x >= HASH_MODULUS {
                x -= HASH_MODULUS;
            }
        }
        let e = if e >= 0 { e % bits61 as i32 } else { bits61 as i32 - 1 - ((-1 - e) % bits61 as i32) } as u32;
        x = ((x << e) & HASH_MODULUS) | (x >> (bits61 - e));
        let h = if neg { (x as i64).wrapping_neg() } else { x as i64 };
        user_py_hash(h)
    }
}

/// The hash of an object whose `__hash__` returned `h` (slot_tp_hash): kept as it is when it
/// fits a machine word, else the int's hash.
pub fn obj_hash_result<H: HashResult>(h: &H) -> i64 {
    h.hash_result()
}
pub trait HashResult {
    fn hash_result(&self) -> i64;
}
impl HashResult for i64 {
    fn hash_result(&self) -> i64 {
        user_py_hash(*self)
    }
}
impl HashResult for Int {
    fn hash_result(&self) -> i64 {
        match self {
            Int::S(v) => user_py_hash(*v),
            b => b.py_hash(),
        }
    }
}
// lists and deques are unhashable in Python (a frozen dataclass holding one raises TypeError when
// hashed); provided so that generic code type-checks, as their `Hash`
impl<T: Hash> PyHash for PyList<T> {
    fn py_hash(&self) -> i64 {
        user_py_hash(hash_of(self) as i64)
    }
}
impl<T: Hash> PyHash for PyDeque<T> {
    fn py_hash(&self) -> i64 {
        user_py_hash(hash_of(self) as i64)
    }
}

impl PySet<Str> {
    /// `k in s` of a key whose `hash_of` the caller computed once for several lookups (see
    /// `PyDict::get_h`): `h == hash_of(k)`, so the set's hash is `user_py_hash(h)` as `py_hash`.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn contains_h(&self, k: &Str, h: u64) -> bool {
        debug_assert!(h == hash_of(k));
        let s = self.0.borrow();
        s.find(user_py_hash(h as i64), k).is_some()
    }
    /// Start loading the slot a lookup of `hash_of` `h` reads first (see `PyDict::prefetch_h`).
    #[inline(always)]
    pub fn prefetch_h(&self, h: u64) {
        let c = &*self.0;
        if c.flag.get() >= 0 {
            // SAFETY: no mutable guard is live (flag >= 0), and this shared read ends here
            let s = unsafe { &*c.value.get() };
            let n = s.tags.len();
            if n > 0 {
                touch(&s.tags[(user_py_hash(h as i64) as u64 & (n as u64 - 1)) as usize]);
            }
        }
    }
}
