// ===================================================================================
// collections.deque
// ===================================================================================

/// `collections.deque`: a ring buffer (`VecDeque`), an optional `maxlen` (an append to a full
/// deque drops an item from the other end) and CPython's mutation counter `state`: every
/// append, pop, non-empty clear, rotation of more than one item and removal changes it, and a
/// loop over the deque started before raises `RuntimeError: deque mutated during iteration` at
/// its next step (item stores and `reverse()` do not change it, as in CPython).
pub struct PyDeque<T>(pub Rc<PyCell<DequeInner<T>>>);

pub struct DequeInner<T> {
    items: VecDeque<T>,
    maxlen: Option<usize>,
    state: u64,
}

impl<T> Clone for PyDeque<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn clone(&self) -> Self {
        PyDeque(Rc::clone(&self.0))
    }
}

impl<T: Clone> Default for PyDeque<T> {
    fn default() -> Self {
        PyDeque::new()
    }
}

impl<T> Drop for PyDeque<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn drop(&mut self) {
        if std::mem::needs_drop::<T>() && Rc::strong_count(&self.0) == 1 {
            // SAFETY: the last handle (no Weak is ever made): nothing else can reach the items.
            let items = std::mem::take(unsafe { &mut (*self.0.value.get()).items });
            if !items.is_empty() {
                trash(items);
            }
        }
    }
}

#[cold]
#[inline(never)]
fn deque_mutated(line: u32) -> PyErr {
    PyErr::new(&RUNTIME_ERROR, "deque mutated during iteration", line)
}

impl<T: Clone> PyDeque<T> {
    /// `deque()`.
    pub fn new() -> Self {
        PyDeque(Rc::new(PyCell::new(DequeInner { items: VecDeque::new(), maxlen: None, state: 0 })))
    }

    /// `deque(items, maxlen)`: the last `maxlen` of `items`; ValueError for a negative maxlen.
    pub fn with_items(items: Vec<T>, maxlen: Option<i64>, line: u32) -> PyResult<Self> {
        let max = match maxlen {
            Some(m) if m < 0 => return Err(value_err("maxlen must be non-negative", line)),
            Some(m) => Some(m as usize),
            None => None,
        };
        let mut items: VecDeque<T> = items.into();
        if let Some(m) = max {
            while items.len() > m {
                items.pop_front();
            }
        }
        Ok(PyDeque(Rc::new(PyCell::new(DequeInner { items, maxlen: max, state: 0 }))))
    }

    #[cfg_attr(not(portalis_dev), inline)]
    pub fn len(&self) -> i64 {
        self.0.borrow().items.len() as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `d.maxlen`: None when unbounded.
    pub fn maxlen(&self) -> Option<i64> {
        self.0.borrow().maxlen.map(|m| m as i64)
    }

    /// `d.append(v)`: onto the right end; a full deque drops its leftmost item.
    pub fn append(&self, v: T) {
        self.push(v, false);
    }

    /// `d.appendleft(v)`: onto the left end; a full deque drops its rightmost item.
    pub fn appendleft(&self, v: T) {
        self.push(v, true);
    }

    fn push(&self, v: T, front: bool) {
        let dropped = {
            let mut d = self.0.borrow_mut();
            d.state = d.state.wrapping_add(1);
            if front {
                d.items.push_front(v);
            } else {
                d.items.push_back(v);
            }
            match d.maxlen {
                Some(m) if d.items.len() > m && front => d.items.pop_back(),
                Some(m) if d.items.len() > m => d.items.pop_front(),
                _ => None,
            }
        };
        drop(dropped);
    }

    pub fn pop(&self, line: u32) -> PyResult<T> {
        self.take(false, line)
    }

    pub fn popleft(&self, line: u32) -> PyResult<T> {
        self.take(true, line)
    }

    fn take(&self, front: bool, line: u32) -> PyResult<T> {
        let mut d = self.0.borrow_mut();
        let v = if front { d.items.pop_front() } else { d.items.pop_back() };
        match v {
            Some(v) => {
                d.state = d.state.wrapping_add(1);
                Ok(v)
            }
            None => Err(index_err("pop from an empty deque", line)),
        }
    }

    /// `d.extend(items)` once the items are known (a list, another deque or this one: CPython
    /// copies a deque extended with itself first): appended one by one, each a mutation; with
    /// maxlen 0 nothing is stored and nothing changes.
    pub fn extend_vec(&self, items: Vec<T>) {
        self.extend_at(items, false);
    }

    /// `d.extendleft(items)`: each onto the left end, so they end up in reverse order.
    pub fn extendleft_vec(&self, items: Vec<T>) {
        self.extend_at(items, true);
    }

    fn extend_at(&self, items: Vec<T>, front: bool) {
        if self.0.borrow().maxlen == Some(0) {
            return;
        }
        for v in items {
            self.push(v, front);
        }
    }

    pub fn get(&self, i: i64, line: u32) -> PyResult<T> {
        let d = self.0.borrow();
        match norm_index(i, d.items.len()) {
            Some(j) => Ok(d.items[j].clone()),
            None => Err(index_err("deque index out of range", line)),
        }
    }

    pub fn set(&self, i: i64, val: T, line: u32) -> PyResult<()> {
        let old = {
            let mut d = self.0.borrow_mut();
            match norm_index(i, d.items.len()) {
                Some(j) => std::mem::replace(&mut d.items[j], val),
                None => return Err(index_err("deque index out of range", line)),
            }
        };
        drop(old);
        Ok(())
    }

    /// `d.insert(i, v)`: positions as `list.insert`; IndexError when the deque is at its maxlen.
    pub fn insert(&self, i: i64, v: T, line: u32) -> PyResult<()> {
        let mut d = self.0.borrow_mut();
        let n = d.items.len();
        if d.maxlen == Some(n) {
            return Err(index_err("deque already at its maximum size", line));
        }
        let j = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
        d.state = d.state.wrapping_add(1);
        d.items.insert(j, v);
        Ok(())
    }

    /// `del d[i]`.
    pub fn del_item(&self, i: i64, line: u32) -> PyResult<()> {
        let old = {
            let mut d = self.0.borrow_mut();
            match norm_index(i, d.items.len()) {
                Some(j) => {
                    d.state = d.state.wrapping_add(1);
                    d.items.remove(j)
                }
                None => return Err(index_err("deque index out of range", line)),
            }
        };
        drop(old);
        Ok(())
    }

    pub fn clear(&self) {
        let old = {
            let mut d = self.0.borrow_mut();
            if d.items.is_empty() {
                return;
            }
            d.state = d.state.wrapping_add(1);
            std::mem::take(&mut d.items)
        };
        drop(old);
    }

    /// `d.rotate(n)`: n steps to the right (left when negative); a deque of 0 or 1 items is
    /// left alone (no mutation), as in CPython.
    pub fn rotate(&self, n: i64) {
        let mut d = self.0.borrow_mut();
        let len = d.items.len();
        if len <= 1 {
            return;
        }
        d.state = d.state.wrapping_add(1);
        let k = n.rem_euclid(len as i64) as usize;
        d.items.rotate_right(k);
    }

    pub fn reverse(&self) {
        let mut d = self.0.borrow_mut();
        let n = d.items.len();
        for i in 0..n / 2 {
            d.items.swap(i, n - 1 - i);
        }
    }

    /// `d.copy()`: a new deque of the same items and maxlen.
    pub fn copy(&self) -> Self {
        let d = self.0.borrow();
        PyDeque(Rc::new(PyCell::new(DequeInner { items: d.items.clone(), maxlen: d.maxlen, state: 0 })))
    }

    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().items.iter().cloned().collect()
    }

    /// The mutation counter a loop starts with (see `item_at`).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn iter_mark(&self) -> u64 {
        self.0.borrow().state
    }

    /// The next item of a loop that started at `mark` (`pos` counts the items taken), None at
    /// the end; RuntimeError if the deque was mutated since (checked first, also at the end).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn item_at(&self, pos: &mut usize, mark: u64, line: u32) -> PyResult<Option<T>> {
        self.item_from(pos, mark, line, false)
    }

    /// As `item_at`, from the right end: `reversed(d)`.
    pub fn item_back_at(&self, pos: &mut usize, mark: u64, line: u32) -> PyResult<Option<T>> {
        self.item_from(pos, mark, line, true)
    }

    #[cfg_attr(not(portalis_dev), inline)]
    fn item_from(&self, pos: &mut usize, mark: u64, line: u32, back: bool) -> PyResult<Option<T>> {
        let d = self.0.borrow();
        if d.state != mark {
            return Err(deque_mutated(line));
        }
        let (p, n) = (*pos, d.items.len());
        if p >= n {
            return Ok(None);
        }
        *pos = p + 1;
        Ok(Some(d.items[if back { n - 1 - p } else { p }].clone()))
    }
}

impl<T: Clone + PartialEq> PyDeque<T> {
    pub fn contains(&self, v: &T) -> bool {
        self.0.borrow().items.iter().any(|x| x == v)
    }
    pub fn count(&self, v: &T) -> i64 {
        self.0.borrow().items.iter().filter(|x| *x == v).count() as i64
    }
}

impl<T: Clone + PartialEq + PyFmt> PyDeque<T> {
    /// `d.remove(v)`: the first item equal to v; ValueError (CPython's `v is not in deque`).
    pub fn remove(&self, v: &T, line: u32) -> PyResult<()> {
        let removed = {
            let mut d = self.0.borrow_mut();
            match d.items.iter().position(|x| x == v) {
                Some(i) => {
                    d.state = d.state.wrapping_add(1);
                    d.items.remove(i)
                }
                None => return Err(value_err(&format!("{} is not in deque", py_repr(v)), line)),
            }
        };
        drop(removed);
        Ok(())
    }
    pub fn index_of(&self, v: &T, line: u32) -> PyResult<i64> {
        match self.0.borrow().items.iter().position(|x| x == v) {
            Some(i) => Ok(i as i64),
            None => Err(value_err(&format!("{} is not in deque", py_repr(v)), line)),
        }
    }
}

impl<T: PartialEq> PartialEq for PyDeque<T> {
    /// Items in order (maxlen does not count, as in CPython).
    fn eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        let a = self.0.borrow();
        let b = other.0.borrow();
        a.items.len() == b.items.len() && a.items.iter().zip(b.items.iter()).all(|(x, y)| x == y)
    }
}

impl<T: PyFmt> PyFmt for PyDeque<T> {
    /// `deque([1, 2])`, `deque([1, 2], maxlen=3)`.
    fn fmt_repr(&self, out: &mut String) {
        repr_guarded(Rc::as_ptr(&self.0) as *const u8 as usize, out, "[...]", |out| {
            let d = self.0.borrow();
            out.push_str("deque(");
            fmt_seq(out, "[", "]", d.items.iter());
            if let Some(m) = d.maxlen {
                out.push_str(", maxlen=");
                out.push_str(&m.to_string());
            }
            out.push(')');
        });
    }
}

impl<T: Hash> Hash for PyDeque<T> {
    // deques are unhashable in Python; provided so generic code type-checks.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.borrow().items.hash(state)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for PyDeque<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &self.0.borrow().items)
    }
}

/// `deque(..., maxlen)`: ValueError for a negative maxlen (checked before any item is taken).
pub fn deque_maxlen(maxlen: Option<i64>, line: u32) -> PyResult<Option<i64>> {
    match maxlen {
        Some(m) if m < 0 => Err(value_err("maxlen must be non-negative", line)),
        _ => Ok(maxlen),
    }
}

impl<T: HasNan> HasNan for PyDeque<T> {
    fn has_nan(&self) -> bool {
        self.0.borrow().items.iter().any(|x| x.has_nan())
    }
}

impl<T: CheckDigits> CheckDigits for PyDeque<T> {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        for v in self.0.borrow().items.iter() {
            v.check_digits(line)?;
        }
        Ok(())
    }
}
