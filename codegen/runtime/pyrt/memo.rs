// ===================================================================================
// functools.cache / functools.lru_cache (analyzers/memo.py)
// ===================================================================================

/// A cached function's results by argument tuple, as CPython's cache wrapper keeps them:
/// `maxsize` None is `@cache` (a result stored again for a key a recursive call already stored
/// replaces it, as `infinite_lru_cache_wrapper` does); `Some(n)` is `lru_cache(maxsize=n)`: a
/// hit makes its key the most recently used, a full cache drops the least recently used key
/// for a new one, and a key a recursive call already stored keeps that result
/// (`bounded_lru_cache_wrapper`); `Some(0)` stores nothing. Generated code keeps one per
/// function in a `py_global!` slot (a clone is a handle).
pub struct Memo<K, V>(Rc<RefCell<MemoInner<K, V>>>);

pub struct MemoInner<K, V> {
    map: std::collections::HashMap<K, (V, u64), FxBuild>,
    order: std::collections::BTreeMap<u64, K>, // use stamp -> key, least recent first
    tick: u64,
    maxsize: Option<usize>,
}

impl<K, V> Clone for Memo<K, V> {
    fn clone(&self) -> Self {
        Memo(Rc::clone(&self.0))
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Memo<K, V> {
    pub fn new(maxsize: Option<usize>) -> Self {
        Memo(Rc::new(RefCell::new(MemoInner {
            map: Default::default(),
            order: std::collections::BTreeMap::new(),
            tick: 0,
            maxsize,
        })))
    }

    /// The stored result for `key` (a bounded cache marks it the most recently used).
    pub fn get(&self, key: &K) -> Option<V> {
        let mut guard = self.0.borrow_mut();
        let m = &mut *guard;
        if m.maxsize == Some(0) {
            return None;
        }
        let (v, stamp) = m.map.get_mut(key)?;
        let out = v.clone();
        if m.maxsize.is_some() {
            let old = *stamp;
            m.tick += 1;
            *stamp = m.tick;
            let k = m.order.remove(&old);
            if let Some(k) = k {
                m.order.insert(m.tick, k);
            }
        }
        Some(out)
    }

    /// Store `value` for `key` after a call that returned it.
    pub fn put(&self, key: K, value: V) {
        let dropped = {
            let mut guard = self.0.borrow_mut();
            let m = &mut *guard;
            match m.maxsize {
                None => m.map.insert(key, (value, 0)).map(|(v, _)| v),
                Some(0) => Some(value),
                Some(n) => {
                    if m.map.contains_key(&key) {
                        Some(value) // a recursive call stored it: that result stays
                    } else {
                        let mut old = None;
                        if m.map.len() >= n {
                            let first = m.order.keys().next().copied();
                            if let Some(stamp) = first {
                                if let Some(k) = m.order.remove(&stamp) {
                                    old = m.map.remove(&k).map(|(v, _)| v);
                                }
                            }
                        }
                        m.tick += 1;
                        let t = m.tick;
                        m.order.insert(t, key.clone());
                        m.map.insert(key, (value, t));
                        old
                    }
                }
            }
        };
        drop(dropped);
    }
}

/// The recursion check of a cached function's wrapper (a C call in CPython): its message.
#[cfg_attr(not(portalis_dev), inline)]
pub fn check_depth_call(depth: u32, line: u32) -> PyResult<()> {
    if depth > MAX_USER_DEPTH {
        Err(recursion_call_err(line))
    } else {
        Ok(())
    }
}

#[cold]
#[inline(never)]
fn recursion_call_err(line: u32) -> PyErr {
    PyErr::new(&RECURSION_ERROR, "maximum recursion depth exceeded while calling a Python object", line)
}
