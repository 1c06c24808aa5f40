// ===================================================================================
// set
// ===================================================================================

pub struct SetInner<T> {
    entries: Vec<Option<T>>,
    hashes: Vec<u64>, // hashes[p]: the hash of entries[p] (see dict's HashIndex)
    index: HashIndex,
    live: usize,
    keys_ver: u64, // bumped when an element is added or removed (see IterMark)
}

impl<T: Hash + Eq + Clone> SetInner<T> {
    const fn new() -> Self {
        SetInner { entries: Vec::new(), hashes: Vec::new(), index: HashIndex::new(), live: 0, keys_ver: 0 }
    }
    #[inline]
    fn find(&self, h: u64, v: &T) -> Option<usize> {
        let (entries, hashes) = (&self.entries, &self.hashes);
        let eq = |p: usize| p < hashes.len() && hashes[p] == h && matches!(&entries[p], Some(e) if e == v);
        if self.index.is_empty() {
            (0..hashes.len()).find(|&p| eq(p))
        } else {
            self.index.find(h, eq)
        }
    }
    fn reindex(&mut self) {
        let entries = &self.entries;
        self.index.rebuild(&self.hashes, |p| entries[p].is_some());
    }
    fn insert(&mut self, v: T) {
        let h = hash_of(&v);
        if self.find(h, &v).is_some() {
            return;
        }
        self.keys_ver += 1;
        self.live += 1;
        let pos = self.entries.len();
        self.entries.push(Some(v));
        self.hashes.push(h);
        if !self.index.is_empty() {
            let entries = &self.entries;
            self.index.insert(h, pos, &self.hashes, |p| entries[p].is_some());
        } else if self.entries.len() > SMALL_TABLE {
            self.reindex();
        }
    }
    fn remove(&mut self, v: &T) -> Option<T> {
        let pos = self.find(hash_of(v), v)?;
        self.keys_ver += 1;
        self.live -= 1;
        let e = self.entries[pos].take();
        while let Some(None) = self.entries.last() {
            self.entries.pop();
            self.hashes.pop();
        }
        if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
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
        e
    }
}

/// A Python set: insertion ordered, Clone aliases.
pub struct PySet<T>(pub Rc<PyCell<SetInner<T>>>);

impl<T> Clone for PySet<T> {
    #[inline]
    fn clone(&self) -> Self {
        PySet(Rc::clone(&self.0))
    }
}

impl<T: Hash + Eq + Clone> Default for PySet<T> {
    fn default() -> Self {
        PySet::new()
    }
}

impl<T: Hash + Eq + Clone> PySet<T> {
    pub fn new() -> Self {
        PySet(Rc::new(PyCell::new(SetInner::new())))
    }
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
    #[inline]
    pub fn len(&self) -> i64 {
        self.0.borrow().live as i64
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().live == 0
    }
    #[inline]
    pub fn add(&self, v: T) {
        self.0.borrow_mut().insert(v);
    }
    pub fn discard(&self, v: &T) {
        let r = self.0.borrow_mut().remove(v);
        drop(r);
    }
    #[inline]
    pub fn contains(&self, v: &T) -> bool {
        let s = self.0.borrow();
        s.find(hash_of(v), v).is_some()
    }
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().entries.iter().flatten().cloned().collect()
    }
    pub fn pop(&self, line: u32) -> PyResult<T> {
        let first = self.0.borrow().entries.iter().flatten().next().cloned();
        match first {
            Some(v) => {
                let r = self.0.borrow_mut().remove(&v);
                drop(r);
                Ok(v)
            }
            None => Err(PyErr::new(&KEY_ERROR, "pop from an empty set", line)),
        }
    }
    pub fn union(&self, o: &PySet<T>) -> PySet<T> {
        let r = self.copy();
        r.update(o);
        r
    }
    pub fn intersection(&self, o: &PySet<T>) -> PySet<T> {
        let items = self.to_vec();
        PySet::from_vec(items.into_iter().filter(|x| o.contains(x)).collect())
    }
    pub fn difference(&self, o: &PySet<T>) -> PySet<T> {
        let items = self.to_vec();
        PySet::from_vec(items.into_iter().filter(|x| !o.contains(x)).collect())
    }
    pub fn symmetric_difference(&self, o: &PySet<T>) -> PySet<T> {
        let a = self.to_vec();
        let b = o.to_vec();
        let mut v: Vec<T> = a.into_iter().filter(|x| !o.contains(x)).collect();
        v.extend(b.into_iter().filter(|x| !self.contains(x)));
        PySet::from_vec(v)
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
    pub fn copy(&self) -> PySet<T> {
        PySet::from_vec(self.to_vec())
    }
    pub fn clear(&self) {
        let old = {
            let mut s = self.0.borrow_mut();
            s.hashes = Vec::new();
            s.index = HashIndex::new();
            s.live = 0;
            s.keys_ver += 1;
            std::mem::take(&mut s.entries)
        };
        drop(old);
    }
    pub fn update(&self, o: &PySet<T>) {
        let items = o.to_vec();
        let mut s = self.0.borrow_mut();
        for x in items {
            s.insert(x);
        }
    }
    /// Start of an iteration (see `PyDict::key_at`).
    #[inline]
    pub fn iter_mark(&self) -> IterMark {
        let s = self.0.borrow();
        IterMark { len: s.live as i64, ver: s.keys_ver }
    }
    pub fn elem_at(&self, pos: &mut usize, start: IterMark, line: u32) -> PyResult<Option<T>> {
        let s = self.0.borrow();
        start.check(s.live, s.keys_ver, "set", line)?;
        while *pos < s.entries.len() {
            let p = *pos;
            *pos += 1;
            if let Some(v) = &s.entries[p] {
                return Ok(Some(v.clone()));
            }
        }
        Ok(None)
    }
}

impl<T: Hash + Eq + Clone + PyFmt> PySet<T> {
    pub fn remove(&self, v: &T, line: u32) -> PyResult<()> {
        let r = self.0.borrow_mut().remove(v);
        match r {
            Some(_) => Ok(()),
            None => Err(key_error(v, line)),
        }
    }
}

impl<T: Hash + Eq + Clone> PartialEq for PySet<T> {
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
        if s.live == 0 {
            out.push_str("set()");
            return;
        }
        repr_guarded(Rc::as_ptr(&self.0) as *const u8 as usize, out, "set(...)", |out| {
            fmt_seq(out, "{", "}", s.entries.iter().flatten());
        });
    }
}
