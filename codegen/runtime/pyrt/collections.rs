// ---------------------------------------------------------------- collections: defaultdict, Counter, OrderedDict
//
// Both are dicts to the translator (their static type is `dict[K, V]`, as a type checker lets
// them be passed where a dict is expected); what makes one a defaultdict or a Counter is its
// `DictInner::missing`, consulted wherever CPython's subclass behaves differently from a dict:
// `d[k]` of a missing key (`__missing__`), `del`, `update`, `==` (Counter), the repr, the class
// name, `copy()`.

/// What a missing key reads as: `make()`; a defaultdict stores it, a Counter (`counter` set)
/// does not.
pub struct Missing<V> {
    pub(crate) make: fn() -> V,
    name: &'static str, // a defaultdict's factory class: `defaultdict(<class 'list'>, ...)`
    pub(crate) counter: Option<CounterOps<V>>,
}

impl<V> Clone for Missing<V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V> Copy for Missing<V> {}

/// A Counter's counts: how they order (`most_common`, the repr) and add (`update`).
pub struct CounterOps<V> {
    cmp: fn(&V, &V) -> std::cmp::Ordering,
    add: fn(&V, &V, u32) -> PyResult<V>,
}

impl<V> Clone for CounterOps<V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V> Copy for CounterOps<V> {}

impl<K, V> DictInner<K, V> {
    /// What a missing key of this defaultdict or Counter reads as.
    fn made(&self) -> V {
        match self.missing {
            Some(m) => (m.make)(),
            None => unreachable!("only a defaultdict or Counter is asked"),
        }
    }
}

impl<K: Hash + Eq + Clone, V: Clone> PyDict<K, V> {
    /// `collections.defaultdict(factory)`: `make` is the factory (`int` -> `|| 0`), `name` its
    /// class name.
    pub fn with_default(make: fn() -> V, name: &'static str) -> Self {
        let d = PyDict::new();
        d.0.borrow_mut().missing = Some(Missing { make, name, counter: None });
        d
    }
    fn with_counter(make: fn() -> V, ops: CounterOps<V>) -> Self {
        let d = PyDict::new();
        d.0.borrow_mut().missing = Some(Missing { make, name: "", counter: Some(ops) });
        d
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn is_counter(&self) -> bool {
        matches!(self.0.borrow().missing, Some(Missing { counter: Some(_), .. }))
    }
    /// `type(d).__name__`
    pub fn type_name(&self) -> &'static str {
        let d = self.0.borrow();
        match d.missing {
            Some(Missing { counter: Some(_), .. }) => "Counter",
            Some(_) => "defaultdict",
            None if d.ordered => "OrderedDict",
            None => "dict",
        }
    }
    /// The class's name in CPython's TypeError messages (`tp_name`; Counter is a Python class).
    pub fn qual_type_name(&self) -> &'static str {
        match self.type_name() {
            "defaultdict" => "collections.defaultdict",
            "OrderedDict" => "collections.OrderedDict",
            n => n,
        }
    }
    /// `d.update(other)`: a Counter adds the counts, a dict (and a defaultdict) replaces values.
    pub fn update_from(&self, other: &PyDict<K, V>, line: u32) -> PyResult<()> {
        let missing = self.0.borrow().missing; // (not borrowed across `update`)
        let ops = match missing {
            Some(Missing { counter: Some(ops), .. }) => ops,
            _ => {
                self.update(other);
                return Ok(());
            }
        };
        let items: Vec<(K, V)> = other.0.borrow().entries.iter().flatten().cloned().collect();
        for (k, v) in items {
            self.count_by(k, &v, ops, line)?;
        }
        Ok(())
    }
    fn count_by(&self, k: K, by: &V, ops: CounterOps<V>, line: u32) -> PyResult<()> {
        let mut d = self.0.borrow_mut();
        let h = hash_of(&k);
        if let Some(pos) = d.find(h, &k) {
            if let Some(e) = d.entries[pos].as_mut() {
                e.1 = (ops.add)(&e.1, by, line)?;
            }
            return Ok(());
        }
        let v = (ops.add)(&d.made(), by, line)?;
        d.push_new(h, k, v);
        Ok(())
    }
    fn counter_ops(&self, what: &str, line: u32) -> PyResult<CounterOps<V>> {
        let missing = self.0.borrow().missing;
        match missing {
            Some(Missing { counter: Some(ops), .. }) => Ok(ops),
            _ => Err(PyErr::new(
                &ATTRIBUTE_ERROR,
                format!("'{}' object has no attribute '{}'", self.qual_type_name(), what),
                line,
            )),
        }
    }
    /// `c.update(iterable)` / `Counter(iterable)`: one more of `k` (a Counter only: a dict
    /// updated from keys is not supported, and stops).
    pub fn count_one(&self, k: K, one: &V, line: u32) -> PyResult<()> {
        let missing = self.0.borrow().missing;
        let ops = match missing {
            Some(Missing { counter: Some(ops), .. }) => ops,
            _ => return Err(limit_err("update() of a dict (not a Counter) from an iterable of keys: Portalis does not support it", line)),
        };
        self.count_by(k, one, ops, line)
    }
    /// The positions of the entries, most common first (ties in insertion order: CPython sorts
    /// the items by count, stably, in reverse).
    fn by_count(&self, ops: CounterOps<V>) -> Vec<(K, V)> {
        let d = self.0.borrow();
        let mut items: Vec<(K, V)> = d.entries.iter().flatten().cloned().collect();
        items.sort_by(|a, b| (ops.cmp)(&b.1, &a.1));
        items
    }
    /// `c.most_common()` / `c.most_common(n)` (n <= 0: none).
    pub fn most_common(&self, n: Option<i64>, line: u32) -> PyResult<PyList<(K, V)>> {
        let ops = self.counter_ops("most_common", line)?;
        let mut items = self.by_count(ops);
        if let Some(n) = n {
            items.truncate(n.max(0) as usize);
        }
        Ok(PyList::from_vec(items))
    }
    /// `c.total()`: the sum of the counts.
    pub fn total(&self, line: u32) -> PyResult<V> {
        let ops = self.counter_ops("total", line)?;
        let d = self.0.borrow();
        let mut t = d.made();
        for (_, v) in d.entries.iter().flatten() {
            t = (ops.add)(&t, v, line)?;
        }
        Ok(t)
    }
}

fn counter_add_i64(a: &i64, b: &i64, line: u32) -> PyResult<i64> {
    int_add(*a, *b, line)
}

impl<K: Hash + Eq + Clone> PyDict<K, i64> {
    /// `collections.Counter()`
    pub fn new_counter() -> Self {
        PyDict::with_counter(|| 0, CounterOps { cmp: |a, b| a.cmp(b), add: counter_add_i64 })
    }
}

impl<K: Hash + Eq + Clone> PyDict<K, Int> {
    /// `collections.Counter()` (big ints)
    pub fn new_counter() -> Self {
        PyDict::with_counter(|| Int::S(0), CounterOps { cmp: |a, b| a.cmp(b), add: |a, b, _| Ok(bi_add(a, b)) })
    }
}

/// Counter == Counter (3.10+): equal when every key has the same count, a missing key counting 0.
fn counters_eq<K: Hash + Eq + Clone, V: Clone + PartialEq>(a: &DictInner<K, V>, b: &DictInner<K, V>, zero: fn() -> V) -> bool {
    let z = zero();
    let covers = |x: &DictInner<K, V>, y: &DictInner<K, V>| {
        x.entries.iter().flatten().all(|(k, v)| match y.get_ref(k) {
            Some(w) => w == v,
            None => *v == z,
        })
    };
    covers(a, b) && covers(b, a)
}

/// `Counter({'a': 2, 'b': 1})`, most common first; `Counter()` when empty.
fn counter_repr<K: PyFmt, V: PyFmt>(d: &DictInner<K, V>, ops: CounterOps<V>, out: &mut String) {
    let mut items: Vec<&(K, V)> = d.entries.iter().flatten().collect();
    if items.is_empty() {
        out.push_str("Counter()");
        return;
    }
    items.sort_by(|a, b| (ops.cmp)(&b.1, &a.1));
    out.push_str("Counter({");
    for (i, (k, v)) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        k.fmt_repr(out);
        out.push_str(": ");
        v.fmt_repr(out);
    }
    out.push_str("})");
}

// ---- OrderedDict: a dict with `ordered` set (its static type is `dict[K, V]` too) -----------

/// CPython's iterator over an OrderedDict: any key added, removed or moved since it started.
#[cold]
#[inline(never)]
fn odict_mutated(line: u32) -> PyErr {
    PyErr::new(&RUNTIME_ERROR, "OrderedDict mutated during iteration", line)
}

/// ... and for a `clear()` (which CPython's `od_state` does not count).
#[cold]
#[inline(never)]
fn odict_resized(line: u32) -> PyErr {
    PyErr::new(&RUNTIME_ERROR, "OrderedDict changed size during iteration", line)
}

/// `OrderedDict([('a', 1), ('b', 2)])`, `OrderedDict()` (CPython 3.11's repr).
fn odict_repr<K: PyFmt, V: PyFmt>(d: &DictInner<K, V>, out: &mut String) {
    out.push_str("OrderedDict(");
    if d.live > 0 {
        out.push('[');
        let mut first = true;
        for (k, v) in d.entries.iter().flatten() {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push('(');
            k.fmt_repr(out);
            out.push_str(", ");
            v.fmt_repr(out);
            out.push(')');
        }
        out.push(']');
    }
    out.push(')');
}

impl<K: Hash + Eq + Clone + PyFmt, V: Clone> PyDict<K, V> {
    /// `collections.OrderedDict()`.
    pub fn new_ordered() -> Self {
        let d = PyDict::new();
        d.0.borrow_mut().ordered = true;
        d
    }
    /// `OrderedDict(d)` / `OrderedDict(pairs)`: `self` is the new plain dict that `dict(...)` of
    /// the same argument made (analyzers/builtins.py `odict_new`), now marked ordered.
    pub fn into_ordered(self) -> Self {
        self.0.borrow_mut().ordered = true;
        self
    }
    /// `d.keys()` & co. as a value: CPython's view class name.
    pub fn view_name(&self, which: &str) -> &'static str {
        let ordered = self.0.borrow().ordered;
        match (which, ordered) {
            ("keys", false) => "dict_keys",
            ("values", false) => "dict_values",
            ("items", false) => "dict_items",
            ("keys", true) => "odict_keys",
            ("values", true) => "odict_values",
            _ => "odict_items",
        }
    }
    fn no_attribute(&self, what: &str, line: u32) -> PyErr {
        PyErr::new(
            &ATTRIBUTE_ERROR,
            format!("'{}' object has no attribute '{}'", self.qual_type_name(), what),
            line,
        )
    }
    /// CPython's AttributeError for an OrderedDict method on another dict (looked up before
    /// the call's arguments are evaluated).
    pub fn odict_only(&self, what: &str, line: u32) -> PyResult<()> {
        if self.0.borrow().ordered {
            Ok(())
        } else {
            Err(self.no_attribute(what, line))
        }
    }
    /// `od.move_to_end(k, last)`: KeyError for a missing key; a dict's AttributeError.
    pub fn move_to_end(&self, k: &K, last: bool, line: u32) -> PyResult<()> {
        self.odict_only("move_to_end", line)?;
        let mut d = self.0.borrow_mut();
        let v = match d.remove(k) {
            Some(v) => v,
            None => return Err(key_error(k, line)),
        };
        let h = hash_of(k);
        if last {
            d.push_new(h, k.clone(), v);
        } else {
            d.keys_ver += 1;
            d.live += 1;
            d.entries.insert(0, Some((k.clone(), v)));
            d.hashes.insert(0, h);
            if d.entries.len() > SMALL_TABLE || !d.index.is_empty() {
                d.reindex();
            }
        }
        Ok(())
    }
    /// `od.popitem(last=...)`: the last (or first) pair; KeyError('dictionary is empty'); a
    /// dict's TypeError (it takes no arguments).
    pub fn popitem_last(&self, last: bool, by_keyword: bool, line: u32) -> PyResult<(K, V)> {
        if !self.0.borrow().ordered {
            let msg = if by_keyword {
                "dict.popitem() takes no keyword arguments"
            } else {
                "dict.popitem() takes no arguments (1 given)"
            };
            return Err(PyErr::new(&TYPE_ERROR, msg, line));
        }
        self.popitem_at(last, line)
    }
    fn popitem_at(&self, last: bool, line: u32) -> PyResult<(K, V)> {
        let key = {
            let d = self.0.borrow();
            let mut live = d.entries.iter().flatten();
            let e = if last { live.next_back() } else { live.next() };
            e.map(|e| e.0.clone())
        };
        let v = match &key {
            Some(k) => self.0.borrow_mut().remove(k),
            None => None,
        };
        match (key, v) {
            (Some(k), Some(v)) => Ok((k, v)),
            _ => Err(PyErr::new(&KEY_ERROR, "dictionary is empty", line)),
        }
    }
}
