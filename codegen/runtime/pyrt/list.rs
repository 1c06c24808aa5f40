// ===================================================================================
// Stable merge sort using only `less` (never panics on inconsistent orderings)
// ===================================================================================

/// The order of two sort keys. Python's sort only asks `<`; once `check_sortable` has ruled
/// out NaN, `<` on the supported key types is a total order, so any stable sort (Rust's
/// `sort_by` is one) gives CPython's result.
/// One `partial_cmp` (a tuple key compares its items once, where `a < b` then `b < a` compared
/// them twice); it is `<`'s order: the runtime's types define `<` through `partial_cmp`.
#[inline]
fn total_cmp<T: PartialOrd>(a: &T, b: &T) -> Ordering {
    a.partial_cmp(b).unwrap_or(Ordering::Equal)
}



// ===================================================================================
// PyCell: the interior mutability of list, dict and set
// ===================================================================================

/// `RefCell` with a borrow state the runtime can *read*: an indexed store (`xs[i] = v`) checks
/// that nothing borrows the list and writes the item without setting and clearing the flag
/// around it (with `RefCell::borrow_mut`, the two extra stores cost a third of a sieve loop on
/// wasm). Otherwise it behaves like `RefCell`: guards for longer accesses, a panic (a Portalis
/// bug, never a wrong value) when a write would overlap a live borrow.
/// `v`, as a value the optimiser knows nothing about (see codegen/emit.py `_opaque_zero`: keeps
/// a float comparison with 0.0 from becoming wasm's `f64.max`/`f64.min`, which differ from
/// Python for -0.0). A volatile read of a local: a store and a load.
#[inline(always)]
pub fn opaque_f64(v: f64) -> f64 {
    // SAFETY: reading a local we own.
    unsafe { std::ptr::read_volatile(&v) }
}

/// `opaque_f64` of a constant: the emitter puts it in a `static` and this reads it volatile (one
/// load from a fixed address instead of a store to the stack and a load back).
#[inline(always)]
pub fn opaque_static(c: &'static f64) -> f64 {
    // SAFETY: reading a static through a reference to it.
    unsafe { std::ptr::read_volatile(c) }
}

/// A module variable's value (see `py_global!`). Reads clone the value (an `Rc` for containers),
/// so no reference into the slot outlives a call, and `Clone` of runtime values runs no user code.
pub struct Global<T>(UnsafeCell<Option<T>>);

// SAFETY: a WASI command module (wasm32-wasi, no threads) runs on one thread.
#[cfg(target_os = "wasi")]
unsafe impl<T> Sync for Global<T> {}

impl<T> Global<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Global(UnsafeCell::new(None))
    }
}

impl<T: Clone> Global<T> {
    #[inline]
    pub fn get(&self) -> Option<T> {
        // SAFETY: see the type's comment: the reference ends within this call.
        unsafe { (*self.0.get()).clone() }
    }
    #[inline]
    pub fn set(&self, v: T) {
        // SAFETY: as in `get`; the old value's drop runs no user code.
        let old = unsafe { (*self.0.get()).replace(v) };
        drop(old);
    }
}

/// `cell.set(v)` for `Copy` values, as a plain store: std's `Cell::set` calls `Cell::replace`,
/// which rustc 1.63 does not mark `#[inline]`, so in a crate built without LTO across codegen
/// units every borrow-flag update and list-view store would be a function call.
#[inline(always)]
pub fn cset<T: Copy>(c: &Cell<T>, v: T) {
    // SAFETY: `Cell` is not `Sync`; no reference into it can exist (Cell never hands one out).
    unsafe { *c.as_ptr() = v }
}

pub struct PyCell<T> {
    flag: Cell<isize>, // 0: free, n > 0: n shared guards, -1: one mutable guard
    value: UnsafeCell<T>,
}

#[cold]
#[inline(never)]
fn cell_conflict() -> ! {
    panic!("Portalis bug: a container was modified while it was being read")
}

impl<T> PyCell<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    pub const fn new(value: T) -> Self {
        PyCell { flag: Cell::new(0), value: UnsafeCell::new(value) }
    }
    #[inline]
    pub fn borrow(&self) -> CellRef<'_, T> {
        let f = self.flag.get();
        if f < 0 {
            cell_conflict();
        }
        cset(&self.flag, f + 1);
        CellRef { cell: self }
    }
    #[inline]
    pub fn borrow_mut(&self) -> CellRefMut<'_, T> {
        if self.flag.get() != 0 {
            cell_conflict();
        }
        cset(&self.flag, -1);
        CellRefMut { cell: self }
    }
    /// A shared reference without a guard. SAFETY (caller): it is dropped before anything that
    /// could borrow this cell mutably runs (in practice: within one runtime function that calls
    /// no user code).
    #[inline]
    unsafe fn peek(&self) -> &T {
        if self.flag.get() < 0 {
            cell_conflict();
        }
        &*self.value.get()
    }
    /// A mutable reference without a guard, when nothing borrows the cell. SAFETY (caller): it
    /// is dropped before anything else touches this cell (one runtime function, no user code).
    #[inline]
    #[allow(clippy::mut_from_ref)]
    unsafe fn poke(&self) -> &mut T {
        if self.flag.get() != 0 {
            cell_conflict();
        }
        &mut *self.value.get()
    }
}

// ---- deep structures: dropping without deep recursion (CPython's "trashcan") ----------
//
// A linked list of a million objects, a degenerate tree, a list nested 100,000 levels deep:
// Rust drops them recursively, one native frame per level, and the stack runs out (CPython
// frees them iteratively: Py_TRASHCAN_BEGIN defers deallocations nested more than 50 deep to
// a list it empties at the outermost one).  The same here: the handles of things that can
// nest without bound (lists, dicts, objects) give the payload they free to `trash`, which
// drops it now while fewer than TRASH_NEST drops are under way and otherwise defers it to the
// outermost `trash`.  Nothing observes the order (Python code never runs during a drop).

const TRASH_NEST: u32 = 50;

pub struct Deferred {
    ptr: *mut u8,
    drop: unsafe fn(*mut u8),
}

unsafe fn drop_boxed<T>(p: *mut u8) {
    drop(Box::from_raw(p as *mut T));
}

#[cfg(target_os = "wasi")]
mod trash_slot {
    use super::Deferred;
    use std::cell::{Cell, UnsafeCell};
    pub struct Slot(pub Cell<u32>, pub UnsafeCell<Vec<Deferred>>);
    // SAFETY: a WASI command module (wasm32-wasi, no threads) runs on one thread.
    unsafe impl Sync for Slot {}
    static TRASH: Slot = Slot(Cell::new(0), UnsafeCell::new(Vec::new()));
    #[inline(always)]
    pub fn with<R>(f: impl FnOnce(&Slot) -> R, _dflt: R) -> R {
        f(&TRASH)
    }
}
#[cfg(not(target_os = "wasi"))]
mod trash_slot {
    use super::Deferred;
    use std::cell::{Cell, UnsafeCell};
    pub struct Slot(pub Cell<u32>, pub UnsafeCell<Vec<Deferred>>);
    thread_local! {
        static TRASH: Slot = const { Slot(Cell::new(0), UnsafeCell::new(Vec::new())) };
    }
    /// At thread exit (thread-locals that hold lists are dropped after this one may be gone)
    /// drops are simply not counted: `dflt` is what the caller does then.
    #[inline(always)]
    pub fn with<R>(f: impl FnOnce(&Slot) -> R, dflt: R) -> R {
        TRASH.try_with(f).unwrap_or(dflt)
    }
}

/// The shared block of a generated object type (`struct O.. { p: rt::ObjP<D> }`): a count, the
/// run-time class tag (`ir.Class.tag`, from 1) and the payload `D` in one block; `std::rc::Rc`
/// without weak counts.  Tag 0 is the placeholder a Rust local holds before the Python code
/// assigns it (no payload, never read: `data` is `None`), so no `Option` discriminant is stored
/// and the count and the tag share a word on wasm32: an object of two ints and two references
/// is a 32-byte block there, not 48 (tree_nodes' lookups, bound by cache misses, 1.2-1.3x).
/// std's `Rc` drop is one glue function holding the payload's drop too; a one-codegen-unit
/// build called it for every rebinding of an object variable (tree_nodes' `cur = nxt`: 0.86x),
/// so the drop here is a decrement inline and the last handle's free out of line.  Counts are
/// not checked for overflow: every count is a live handle.
pub struct ObjP<D>(std::ptr::NonNull<ObjBox<D>>, std::marker::PhantomData<ObjBox<D>>);

pub struct ObjBox<D> {
    count: Cell<usize>,
    tag: u32,
    data: std::cell::UnsafeCell<std::mem::MaybeUninit<D>>,
}

impl<D> Drop for ObjBox<D> {
    fn drop(&mut self) {
        if self.tag != 0 {
            // SAFETY: a nonzero tag means `new` wrote the payload; it is dropped once, here
            unsafe { std::ptr::drop_in_place((*self.data.get()).as_mut_ptr()) }
        }
    }
}

impl<D> ObjP<D> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn boxed(b: ObjBox<D>) -> Self {
        ObjP(std::ptr::NonNull::from(Box::leak(Box::new(b))), std::marker::PhantomData)
    }
    /// A new object of class `tag` (nonzero) holding `d`.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn new(tag: u32, d: D) -> Self {
        assert!(tag != 0, "object tag 0 is the placeholder's");
        Self::boxed(ObjBox { count: Cell::new(1), tag, data: std::cell::UnsafeCell::new(std::mem::MaybeUninit::new(d)) })
    }
    /// The placeholder (tag 0, no payload).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn null() -> Self {
        Self::boxed(ObjBox { count: Cell::new(1), tag: 0, data: std::cell::UnsafeCell::new(std::mem::MaybeUninit::uninit()) })
    }
    #[inline(always)]
    fn block(&self) -> &ObjBox<D> {
        // SAFETY: the block lives while a handle (this one) does
        unsafe { self.0.as_ref() }
    }
    #[inline(always)]
    pub fn tag(&self) -> u32 {
        self.block().tag
    }
    /// The payload, `None` for the placeholder.
    #[inline(always)]
    pub fn data(&self) -> Option<&D> {
        let b = self.block();
        // SAFETY: a nonzero tag means the payload is initialised; the generated accessors hold
        // no two references to it at once (see codegen/emit/classes.py)
        if b.tag != 0 { Some(unsafe { &*(*b.data.get()).as_ptr() }) } else { None }
    }
    /// The payload, mutably, `None` for the placeholder (as `data`).
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub fn data_mut(&self) -> Option<&mut D> {
        let b = self.block();
        // SAFETY: as in `data`
        if b.tag != 0 { Some(unsafe { &mut *(*b.data.get()).as_mut_ptr() }) } else { None }
    }
    /// The object's identity (`is`, `id()`, hashing): the payload's address.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.block().data.get() as *const u8 as usize
    }
}

impl<D> Clone for ObjP<D> {
    #[inline(always)]
    fn clone(&self) -> Self {
        let c = &self.block().count;
        cset(c, c.get() + 1);
        ObjP(self.0, std::marker::PhantomData)
    }
}

impl<D> Drop for ObjP<D> {
    #[inline(always)]
    fn drop(&mut self) {
        let c = &self.block().count;
        let n = c.get();
        if n > 1 {
            cset(c, n - 1);
        } else {
            objp_free(self.0);
        }
    }
}

#[inline(never)]
fn objp_free<D>(p: std::ptr::NonNull<ObjBox<D>>) {
    // SAFETY: the last handle of a block made by `ObjP::boxed` (a leaked Box), dropped once
    drop(unsafe { Box::from_raw(p.as_ptr()) });
}

/// Drop `v`, the payload of the last handle to a list, dict or object, without nesting more
/// than TRASH_NEST drops on the stack (see above).  Generic only in what must be: the
/// bookkeeping is in the non-generic functions below (one copy per crate, not per type).
/// Not `#[inline]`: only the out-of-line drops of last handles call it.
pub fn trash<T>(v: T) {
    if trash_enter() {
        drop(v);
        trash_leave();
    } else {
        trash_defer(Deferred { ptr: Box::into_raw(Box::new(v)) as *mut u8, drop: drop_boxed::<T> });
    }
}

/// One more drop under way (true), or false when TRASH_NEST are: defer this one.
#[inline(never)]
fn trash_enter() -> bool {
    trash_slot::with(|t| {
        let depth = t.0.get();
        if depth >= TRASH_NEST {
            return false;
        }
        t.0.set(depth + 1);
        true
    }, true)
}

#[inline(never)]
fn trash_defer(d: Deferred) {
    // SAFETY: one thread; the Vec is borrowed only within these functions, never across a drop.
    trash_slot::with(|t| unsafe { (*t.1.get()).push(d) }, ())
}

/// A drop ended; the outermost one then drops what was deferred, each from one level up
/// (which may defer more).
#[inline(never)]
fn trash_leave() {
    trash_slot::with(|t| {
        let depth = t.0.get() - 1;
        if depth == 0 {
            // SAFETY: as in `trash_defer`; `pop` ends its borrow before the payload is dropped.
            while let Some(d) = unsafe { (*t.1.get()).pop() } {
                unsafe { (d.drop)(d.ptr) };
            }
        }
        t.0.set(depth);
    }, ())
}

impl<T> Drop for PyList<T> {
    #[inline]
    fn drop(&mut self) {
        if std::mem::needs_drop::<T>() && Rc::strong_count(&self.0) == 1 {
            self.drop_last();
            return;
        }
        // not the last handle (one count fewer), or items that need no drop: the `Rc`'s drop in
        // line (as drop glue, with the items' drop loop, it was an out-of-line call per drop:
        // 3.7 % of wordcount's time, whose loop reads a global list)
        // SAFETY: this handle's count, given up once; the field is not used again
        unsafe { std::mem::ManuallyDrop::drop(&mut self.0) };
    }
}

impl<T> PyList<T> {
    /// `drop` of the last handle of a list whose items need dropping.
    #[inline(never)]
    fn drop_last(&mut self) {
        // SAFETY: the last handle (no Weak is ever made): nothing else can reach the Vec.
        let items = std::mem::take(unsafe { &mut *self.0.value.get() });
        if !items.is_empty() {
            trash(items);
        }
        // SAFETY: as in `drop`
        unsafe { std::mem::ManuallyDrop::drop(&mut self.0) };
    }
}

pub struct CellRef<'a, T> {
    cell: &'a PyCell<T>,
}

impl<T> Drop for CellRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        cset(&self.cell.flag, self.cell.flag.get() - 1);
    }
}

impl<T> std::ops::Deref for CellRef<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the flag counts this guard, so no mutable guard or poke exists while it lives.
        unsafe { &*self.cell.value.get() }
    }
}

pub struct CellRefMut<'a, T> {
    cell: &'a PyCell<T>,
}

impl<T> Drop for CellRefMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        cset(&self.cell.flag, 0);
    }
}

impl<T> std::ops::Deref for CellRefMut<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the flag is -1 while this guard lives: no other guard exists.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> std::ops::DerefMut for CellRefMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for deref; `&mut self` makes this the only reference.
        unsafe { &mut *self.cell.value.get() }
    }
}

// ===================================================================================
// list
// ===================================================================================

/// A Python list: Clone aliases (shared Rc), methods take &self.
// (`ManuallyDrop`: `Drop` below gives up the count itself, so that dropping a handle that is
// not the last, e.g. a global list read once per iteration, is a decrement in line)
pub struct PyList<T>(pub std::mem::ManuallyDrop<Rc<PyCell<Vec<T>>>>);

/// The most elements whose storage `PyList::renew` / `PyDict::renew` keep.
const RENEW_KEEP: usize = 64;

impl<T> Clone for PyList<T> {
    #[inline]
    fn clone(&self) -> Self {
        PyList(std::mem::ManuallyDrop::new(Rc::clone(&self.0)))
    }
}

impl<T: Clone> Default for PyList<T> {
    fn default() -> Self {
        PyList::new()
    }
}

#[inline]
fn norm_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        None
    } else {
        Some(j as usize)
    }
}

/// A loop's view of a list of `Copy` items (`ListView`): the emitter takes one before a loop
/// that indexes the list and cannot resize it (no user calls, no resizing method on any list
/// of that type, the list variable not rebound: see `codegen/emit.py`, `_list_view_candidates`).
/// Reads and stores then go through `&[Cell<T>]` (length and address in registers, no borrow
/// flag per access); Python's index rules stay (`vget`/`vset`). The view holds a shared
/// borrow, so a resize the emitter did not foresee panics (a Portalis bug) instead of
/// invalidating it.
pub struct ListView<'a, T> {
    _guard: CellRef<'a, Vec<T>>,
    pub cells: &'a [Cell<T>],
}

impl<T: Copy> PyList<T> {
    #[inline]
    pub fn view(&self) -> ListView<'_, T> {
        let g = self.0.borrow();
        // SAFETY: `Cell<T>` has the layout of `T`; the guard keeps the Vec alive and unresized
        // for the view's lifetime; every other access to the items while it lives is a
        // transient read (`peek`) or goes through these cells, so no `&mut T` or long-lived
        // `&T` to an item coexists with a store through them.
        let cells = unsafe { std::slice::from_raw_parts(g.as_ptr() as *const Cell<T>, g.len()) };
        ListView { _guard: g, cells }
    }
}

/// `xs[i]` through a view.
#[inline]
pub fn vget<T: Copy>(v: &[Cell<T>], i: i64, line: u32) -> PyResult<T> {
    match norm_index(i, v.len()) {
        // SAFETY: norm_index returns an index below len.
        Some(j) => Ok(unsafe { v.get_unchecked(j) }.get()),
        None => Err(index_err("list index out of range", line)),
    }
}

/// `xs[i] = val` through a view.
#[inline]
pub fn vset<T: Copy>(v: &[Cell<T>], i: i64, val: T, line: u32) -> PyResult<()> {
    match norm_index(i, v.len()) {
        // SAFETY: as in vget.
        Some(j) => {
            cset(unsafe { v.get_unchecked(j) }, val);
            Ok(())
        }
        None => Err(index_err("list assignment index out of range", line)),
    }
}

/// Whether `j + c` is inside `0..len` for every `j` in `lo..hi` and `c` in `cmin..=cmax`
/// (trivially when the range is empty): the test before the checked copy of a range loop
/// (`vget_in`, `vset_in`; codegen/emit/loops.py `in_bounds_loop`).
#[inline]
pub fn span_in(lo: i64, hi: i64, cmin: i64, cmax: i64, len: usize) -> bool {
    // (`hi + cmax <= len` is `hi - 1 + cmax < len`; an overflow answers false: the usual loop)
    lo >= hi
        || match (lo.checked_add(cmin), hi.checked_add(cmax)) {
            (Some(a), Some(b)) => a >= 0 && b <= len as i64,
            _ => false,
        }
}

/// Whether, in `while j <= n: ...; j += step` (`j < n` when `strict`), every pass's `j + c`
/// (c in `cmin..=cmax`) is inside `0..len` and `j + step` cannot overflow: `step > 0` (j only
/// grows from its first value), the first j's lowest access and the last j's (n, or n - 1)
/// highest one are in bounds, and the last j plus step fits. A loop that would not run at all
/// answers false (the usual loop).
#[inline]
pub fn stride_in(j: i64, n: i64, strict: bool, step: i64, cmin: i64, cmax: i64, len: usize) -> bool {
    let last = if strict {
        match n.checked_sub(1) {
            Some(v) => v,
            None => return false,
        }
    } else {
        n
    };
    if step <= 0 || j > last {
        return false;
    }
    match (j.checked_add(cmin), last.checked_add(cmax), last.checked_add(step)) {
        (Some(a), Some(b), Some(_)) => a >= 0 && b < len as i64,
        _ => false,
    }
}

/// `xs[i]` through a view where `span_in` proved `i` in bounds.
#[inline(always)]
pub fn vget_in<T: Copy>(v: &[Cell<T>], i: usize) -> T {
    debug_assert!(i < v.len());
    // SAFETY: `span_in` held for the loop's range, and a view's length cannot change
    unsafe { v.get_unchecked(i) }.get()
}

/// `s[i]` of an ASCII text (its byte length its length in chars) where `span_in` proved `i`
/// in bounds: no test, no Result.
#[inline(always)]
pub fn text_char_in(s: &str, i: usize) -> char {
    debug_assert!(i < s.len() && s.is_ascii());
    // SAFETY: `span_in` held for the loop's range over the text's length, and a str's text
    // cannot change
    (unsafe { *s.as_bytes().get_unchecked(i) }) as char
}

/// `xs[i] = val` through a view where `span_in` proved `i` in bounds.
#[inline(always)]
pub fn vset_in<T: Copy>(v: &[Cell<T>], i: usize, val: T) {
    debug_assert!(i < v.len());
    // SAFETY: as in vget_in
    cset(unsafe { v.get_unchecked(i) }, val);
}

impl<T: Clone> PyList<T> {
    /// `new` and `from_vec` are not `#[inline]`: see `renew`.
    pub fn new() -> Self {
        PyList(std::mem::ManuallyDrop::new(Rc::new(PyCell::new(Vec::new()))))
    }
    pub fn from_vec(v: Vec<T>) -> Self {
        PyList(std::mem::ManuallyDrop::new(Rc::new(PyCell::new(v))))
    }
    #[inline]
    pub fn len(&self) -> i64 {
        self.0.borrow().len() as i64
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }
    /// A shared view of the items for a read that ends before anything else runs.
    #[inline]
    fn peek(&self) -> &Vec<T> {
        // SAFETY: the reference is used only within `get`/`get_raw` to clone one item, and
        // cloning a runtime value (i64, f64, String, tuples, Rc-based containers) never borrows
        // this list mutably. Skipping the guard saves two writes per indexed read in hot loops.
        unsafe { self.0.peek() }
    }
    /// The items under a shared borrow: `for w in xs:` whose body changes no list
    /// (codegen/emit/function.py `loop_borrows`) reads each in place. A change to the list
    /// while the guard lives stops with a Portalis bug (`cell_conflict`), never a dangling item.
    #[inline(always)]
    pub fn items(&self) -> CellRef<'_, Vec<T>> {
        self.0.borrow()
    }
    /// `xs[i]` borrowed in place (IndexError as `get`): `t = xs[i]` / `a, b = xs[i]` in a
    /// function that changes no list while the reference lives (codegen/emit/function.py
    /// `item_borrows`).
    ///
    /// # Safety
    /// Nothing may change or drop this list's items while the reference lives.
    #[inline(always)]
    pub unsafe fn get_ref(&self, i: i64, line: u32) -> PyResult<&T> {
        let v = self.peek();
        // an index in 0..len first: one unsigned compare, no second bounds test (`norm_index`
        // then `v[j]` cost tree_rec's item reads ~12 wasm instructions each)
        if (i as u64) < (v.len() as u64) {
            return Ok(v.get_unchecked(i as usize));
        }
        match norm_index(i, v.len()) {
            Some(j) => Ok(&v[j]),
            None => Err(index_err("list index out of range", line)),
        }
    }
    #[inline(always)]
    pub fn get(&self, i: i64, line: u32) -> PyResult<T> {
        let v = self.peek();
        match norm_index(i, v.len()) {
            Some(j) => Ok(v[j].clone()),
            None => Err(index_err("list index out of range", line)),
        }
    }
    /// `xs[i][k]`: the part of the item `f` picks (a field of a tuple, cloned) without cloning
    /// the whole item first. `f` runs no user code (a projection and a clone, as in `get`).
    #[inline]
    pub fn get_with<R>(&self, i: i64, line: u32, f: impl FnOnce(&T) -> R) -> PyResult<R> {
        let v = self.peek();
        match norm_index(i, v.len()) {
            Some(j) => Ok(f(&v[j])),
            None => Err(index_err("list index out of range", line)),
        }
    }
    #[inline]
    pub fn get_raw(&self, i: usize) -> Option<T> {
        self.peek().get(i).cloned()
    }
    #[inline]
    pub fn set(&self, i: i64, val: T, line: u32) -> PyResult<()> {
        // SAFETY: `v` lives until the store below; dropping the old item cannot reach this
        // list (an item never owns its own list's last reference: `self` holds one).
        let v = unsafe { self.0.poke() };
        match norm_index(i, v.len()) {
            Some(j) => {
                v[j] = val;
                Ok(())
            }
            None => Err(index_err("list assignment index out of range", line)),
        }
    }
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn append(&self, val: T) {
        self.0.borrow_mut().push(val);
    }
    /// A loop about to append `n` items (`vec_room`).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn room(&self, n: i64) {
        vec_room(&mut self.0.borrow_mut(), n);
    }
    pub fn pop(&self, line: u32) -> PyResult<T> {
        match self.0.borrow_mut().pop() {
            Some(v) => Ok(v),
            None => Err(index_err("pop from empty list", line)),
        }
    }
    pub fn pop_at(&self, i: i64, line: u32) -> PyResult<T> {
        let mut v = self.0.borrow_mut();
        if v.is_empty() {
            return Err(index_err("pop from empty list", line));
        }
        match norm_index(i, v.len()) {
            Some(j) => Ok(v.remove(j)),
            None => Err(index_err("pop index out of range", line)),
        }
    }
    pub fn insert(&self, i: i64, val: T) {
        let mut v = self.0.borrow_mut();
        let n = v.len() as i64;
        let mut j = if i < 0 { i.saturating_add(n) } else { i };
        if j < 0 {
            j = 0;
        }
        if j > n {
            j = n;
        }
        v.insert(j as usize, val);
    }
    pub fn extend(&self, other: &PyList<T>) {
        if Rc::ptr_eq(&self.0, &other.0) {
            let copy = self.0.borrow().clone();
            self.0.borrow_mut().extend(copy);
        } else {
            let o = other.0.borrow();
            self.0.borrow_mut().extend(o.iter().cloned());
        }
    }
    pub fn extend_vec(&self, items: Vec<T>) {
        self.0.borrow_mut().extend(items);
    }
    pub fn reverse(&self) {
        self.0.borrow_mut().reverse();
    }
    /// `x = []` where `x` holds a list: when nothing else refers to that list (so no one can
    /// tell), it is emptied and kept, storage included, for the next round of appends (a list
    /// per loop iteration allocates once); otherwise `x` gets a new list.  Not `#[inline]`
    /// (a generic without it is still inlined where LLVM finds it cheap in a one-unit release
    /// build): an `#[inline]` function is copied into every codegen unit that calls it, so an
    /// incremental dev build recompiles it with each edited function; without, it is built in
    /// the runtime generics' own unit, which an edit leaves alone.
    pub fn renew(&mut self) {
        if let Some(c) = Rc::get_mut(&mut self.0) {
            let v = c.value.get_mut();
            // (a large buffer is let go, as CPython would: peak memory stays CPython's)
            if v.capacity() <= RENEW_KEEP {
                v.clear();
                return;
            }
        }
        *self = PyList::new();
    }
    pub fn clear(&self) {
        // drop the elements after releasing the borrow
        let old = std::mem::take(&mut *self.0.borrow_mut());
        drop(old);
    }
    pub fn copy(&self) -> PyList<T> {
        PyList::from_vec(self.0.borrow().clone())
    }
    pub fn concat(&self, other: &PyList<T>) -> PyList<T> {
        let a = self.0.borrow();
        let b = other.0.borrow();
        let mut v = Vec::with_capacity(a.len() + b.len());
        v.extend(a.iter().cloned());
        v.extend(b.iter().cloned());
        PyList::from_vec(v)
    }
    pub fn repeat(&self, n: i64) -> PyList<T> {
        PyList::from_vec(repeat_items(&self.0.borrow(), n))
    }
    /// `xs *= n`: in place (every alias sees it), like CPython's list.__imul__.
    pub fn imul(&self, n: i64) {
        if n <= 0 {
            self.0.borrow_mut().clear();
            return;
        }
        let items = self.0.borrow().clone();
        let mut v = self.0.borrow_mut();
        v.reserve(cap_hint((items.len() as i64).saturating_mul(n - 1)));
        for _ in 1..n {
            v.extend(items.iter().cloned());
        }
    }
    pub fn slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        line: u32,
    ) -> PyResult<PyList<T>> {
        let a = self.0.borrow();
        let (st, sp, n) = slice_indices(a.len() as i64, start, stop, step, line)?;
        if sp == 1 {
            return Ok(PyList::from_vec(a[st as usize..(st + n) as usize].to_vec()));
        }
        let mut v = Vec::with_capacity(n as usize);
        let mut i = st;
        for _ in 0..n {
            v.push(a[i as usize].clone());
            i += sp;
        }
        Ok(PyList::from_vec(v))
    }
    /// xs[start:stop] = items (step 1 only; extended slices need equal lengths).
    pub fn set_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        items: &PyList<T>,
        line: u32,
    ) -> PyResult<()> {
        let new_items: Vec<T> = items.0.borrow().clone();
        let mut a = self.0.borrow_mut();
        let (st, sp, n) = slice_indices(a.len() as i64, start, stop, step, line)?;
        if sp == 1 {
            let s = st as usize;
            let e = if n > 0 { (st + n) as usize } else { s };
            a.splice(s..e, new_items);
            return Ok(());
        }
        if new_items.len() as i64 != n {
            return Err(value_err(
                &format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    n
                ),
                line,
            ));
        }
        let mut i = st;
        for x in new_items {
            a[i as usize] = x;
            i += sp;
        }
        Ok(())
    }
    pub fn del_item(&self, i: i64, line: u32) -> PyResult<()> {
        let removed;
        {
            let mut v = self.0.borrow_mut();
            match norm_index(i, v.len()) {
                Some(j) => removed = v.remove(j),
                None => {
                    return Err(index_err("list assignment index out of range", line))
                }
            }
        }
        drop(removed);
        Ok(())
    }
    pub fn del_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        line: u32,
    ) -> PyResult<()> {
        let mut a = self.0.borrow_mut();
        let (st, sp, n) = slice_indices(a.len() as i64, start, stop, step, line)?;
        if n == 0 {
            return Ok(());
        }
        let mut kill = vec![false; a.len()];
        let mut i = st;
        for _ in 0..n {
            kill[i as usize] = true;
            i += sp;
        }
        let old = std::mem::take(&mut *a);
        *a = old
            .into_iter()
            .zip(kill)
            .filter(|(_, k)| !k)
            .map(|(x, _)| x)
            .collect();
        Ok(())
    }
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().clone()
    }
    /// Python's sort() with a key function: keys are computed first (the list looks empty
    /// to the key function, as in CPython); if the key function fails the list is unchanged.
    pub fn sort_by_key<K: PartialOrd, F: FnMut(&T) -> PyResult<K>>(
        &self,
        key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        self.sort_by_key_impl(key, reverse, false, line)
    }

    /// `sort_by_key` with keys that are cheap to compare (numbers and tuples of them; the
    /// emitter decides): std's unstable sort on (key, position) pairs, which gives the stable
    /// order. For str keys the merge sort is faster: it makes fewer comparisons.
    pub fn sort_by_num_key<K: PartialOrd, F: FnMut(&T) -> PyResult<K>>(
        &self,
        key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        self.sort_by_key_impl(key, reverse, true, line)
    }

    #[inline(always)]
    fn sort_by_key_impl<K: PartialOrd, F: FnMut(&T) -> PyResult<K>>(
        &self,
        mut key: F,
        reverse: bool,
        unstable: bool,
        line: u32,
    ) -> PyResult<()> {
        let (items, keys) = self.take_keys(&mut key)?;
        self.sort_by_keys(items, keys, reverse, unstable, line)
    }

    /// The first step of a keyed sort: the items taken out of the list (it looks empty while the
    /// key function runs, as in CPython) and their keys; if the key function raises, the list
    /// gets its items back, in their order, and what the function added to it is dropped.
    fn take_keys<K, F: FnMut(&T) -> PyResult<K>>(&self, key: &mut F) -> PyResult<(Vec<T>, Vec<K>)> {
        let mut keys: Vec<K> = Vec::with_capacity(self.0.borrow().len());
        let items = self.take_keys_with(key, |_, k| keys.push(k))?;
        Ok((items, keys))
    }

    /// `take_keys` with each key (and its item's position) given to `each` as it is made.
    #[inline(always)]
    fn take_keys_with<K, F: FnMut(&T) -> PyResult<K>>(&self, key: &mut F, mut each: impl FnMut(usize, K)) -> PyResult<Vec<T>> {
        let items = std::mem::take(&mut *self.0.borrow_mut());
        for (i, it) in items.iter().enumerate() {
            match key(it) {
                Ok(k) => each(i, k),
                Err(e) => {
                    *self.0.borrow_mut() = items;
                    return Err(e);
                }
            }
        }
        Ok(items)
    }

    /// Put the sorted items back; CPython's ValueError when user code (a key function, `__lt__`)
    /// changed the list meanwhile: its changes are dropped, as in CPython. The list was left
    /// as an empty Vec without a buffer, so any item added (even if removed again) shows as a
    /// buffer, as CPython's list shows the change by its `allocated`.
    fn restore_sorted(&self, items: Vec<T>, r: PyResult<()>, line: u32) -> PyResult<()> {
        let meanwhile = std::mem::replace(&mut *self.0.borrow_mut(), items);
        r?;
        if meanwhile.capacity() != 0 {
            return Err(value_err("list modified during sort", line));
        }
        Ok(())
    }

    /// The part of `sort_by_key` that does not depend on the key function's (closure) type:
    /// kept out of line so that its code is compiled once per (item, key) types and reused by
    /// incremental builds instead of being re-optimised with every edit of the caller.
    #[inline(never)]
    fn sort_by_keys<K: PartialOrd>(
        &self,
        items: Vec<T>,
        keys: Vec<K>,
        reverse: bool,
        unstable: bool,
        line: u32,
    ) -> PyResult<()> {
        if let Err(e) = check_sortable(&keys, line) {
            *self.0.borrow_mut() = items;
            return Err(e);
        }
        // the merge sort moves (key, position) pairs, not the items (a record is often a tuple
        // of several strs: each move was a copy of all of it)
        let mut pairs: Vec<(K, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        if !unstable {
            if reverse {
                pairs.sort_by(|a, b| total_cmp(&b.0, &a.0));
            } else {
                pairs.sort_by(|a, b| total_cmp(&a.0, &b.0));
            }
        } else if reverse {
            // with the position as the last tie-break no two pairs are equal, so the unstable
            // sort (pattern-defeating quicksort: no buffer, fewer moves) gives the stable order;
            // `reverse` keeps equal keys in their original order, as CPython does
            pairs.sort_unstable_by(|a, b| total_cmp(&b.0, &a.0).then(a.1.cmp(&b.1)));
        } else {
            pairs.sort_unstable_by(|a, b| total_cmp(&a.0, &b.0).then(a.1.cmp(&b.1)));
        }
        let sorted = gather(items, pairs.into_iter().map(|(_, i)| i));
        self.restore_sorted(sorted, Ok(()), line)
    }
}

impl<T: Clone> PyList<T> {
    /// `sort_by_key` for keys with a str or a float in them (a str, a float, a tuple of strs and
    /// numbers: the emitter decides): each key's order-preserving prefix (`SortPrefix`, up to
    /// three words) is taken as it is computed, and the positions are radix-sorted by them
    /// (radix.rs: stable, no comparisons); only keys the prefix does not hold whole (a str of
    /// more than 7 bytes) are kept, and compared where their prefixes are equal.
    pub fn sort_by_prefix_key<K: PartialOrd + SortPrefix, F: FnMut(&T) -> PyResult<K>>(
        &self,
        key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        match K::WORDS {
            1 => self.sort_by_prefix_words::<1, K, F>(key, reverse, line),
            2 => self.sort_by_prefix_words::<2, K, F>(key, reverse, line),
            _ => self.sort_by_prefix_words::<3, K, F>(key, reverse, line),
        }
    }

    #[inline(always)]
    fn sort_by_prefix_words<const W: usize, K: PartialOrd + SortPrefix, F: FnMut(&T) -> PyResult<K>>(
        &self,
        mut key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        let mut pairs: Vec<(PrefixWords<W>, usize)> = Vec::with_capacity(self.0.borrow().len());
        // the keys the words do not hold whole, and their positions (ascending)
        let (mut slow_pos, mut slow): (Vec<usize>, Vec<K>) = (Vec::new(), Vec::new());
        let items = self.take_keys_with(&mut key, |i, k| {
            let (mut w, mut n) = ([0u64; 3], 0usize);
            if !k.put_prefix(&mut w, &mut n) {
                slow_pos.push(i);
                slow.push(k);
            }
            pairs.push((PrefixWords::new(&w), i));
        })?;
        self.sort_by_prefixes(items, pairs, slow_pos, slow, reverse, line)
    }

    #[inline(never)]
    fn sort_by_prefixes<const W: usize, K: PartialOrd>(
        &self,
        items: Vec<T>,
        pairs: Vec<(PrefixWords<W>, usize)>,
        slow_pos: Vec<usize>,
        slow: Vec<K>,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        // a key whose prefix is whole holds no NaN (`put_prefix` of a NaN says "not whole")
        if let Err(e) = check_sortable(&slow, line) {
            *self.0.borrow_mut() = items;
            return Err(e);
        }
        let order = prefix_order(pairs, &slow_pos, &slow, reverse);
        drop(slow);
        let sorted = gather(items, order.into_iter());
        self.restore_sorted(sorted, Ok(()), line)
    }
}

/// Prefix words as a radix sort key: `W` words, each unsigned word as the signed int of the same
/// order (radix.rs takes words as i64).
#[derive(Clone, Copy)]
struct PrefixWords<const W: usize>([i64; W]);

impl<const W: usize> PrefixWords<W> {
    #[inline(always)]
    fn new(w: &[u64; 3]) -> Self {
        let mut p = [0i64; W];
        for k in 0..W {
            p[k] = (w[k] ^ (1 << 63)) as i64;
        }
        PrefixWords(p)
    }
}

impl<const W: usize> RadixKey for PrefixWords<W> {
    const WORDS: usize = W;
    #[inline(always)]
    fn word(&self, w: usize) -> i64 {
        self.0[w]
    }
}

/// The positions of the keys in sorted order (descending with `rev`; equal keys in their order):
/// a stable radix sort by the prefix words, then, where keys not held whole by their words
/// (`slow`, at the ascending positions `slow_pos`) have equal words, a stable sort of those keys.
fn prefix_order<const W: usize, K: PartialOrd>(pairs: Vec<(PrefixWords<W>, usize)>, slow_pos: &[usize], slow: &[K], rev: bool) -> Vec<usize> {
    let pairs = radix_sort(pairs, |p| p.0, rev);
    let mut order: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    if !slow.is_empty() {
        let n = pairs.len();
        let mut s = 0;
        while s < n {
            let mut e = s + 1;
            while e < n && pairs[e].0 .0 == pairs[s].0 .0 {
                e += 1;
            }
            if e - s > 1 {
                // keys with equal words: either all held whole (then equal) or none (a str
                // longer than the prefix holds ends the prefix, and its word says so)
                let mut run: Vec<(usize, &K)> = Vec::new();
                for &pos in &order[s..e] {
                    if let Ok(j) = slow_pos.binary_search(&pos) {
                        run.push((pos, &slow[j]));
                    }
                }
                if !run.is_empty() {
                    assert!(run.len() == e - s, "sort prefix: mixed whole and partial keys");
                    // in position order (the radix sort is stable): a stable sort by key gives
                    // (key, position) order
                    if rev {
                        run.sort_by(|a, b| total_cmp(b.1, a.1));
                    } else {
                        run.sort_by(|a, b| total_cmp(a.1, b.1));
                    }
                    for (d, (pos, _)) in order[s..e].iter_mut().zip(run) {
                        *d = pos;
                    }
                }
            }
            s = e;
        }
    }
    order
}

/// A sort key's order-preserving prefix: up to three 64-bit words, its leading components' (a key
/// that is less than another never has greater words). `put_prefix` writes this value's words
/// from `w[*n]` on and says whether all of the key is in them (equal words then mean equal keys;
/// a key with a NaN is never whole). `WORDS`: how many words it can write (at most 3).
pub trait SortPrefix {
    const WORDS: usize;
    fn put_prefix(&self, w: &mut [u64; 3], n: &mut usize) -> bool;
}

impl SortPrefix for i64 {
    const WORDS: usize = 1;
    #[cfg_attr(not(portalis_dev), inline)]
    fn put_prefix(&self, w: &mut [u64; 3], n: &mut usize) -> bool {
        if *n == 3 {
            return false;
        }
        w[*n] = (*self as u64) ^ (1 << 63);
        *n += 1;
        true
    }
}

impl SortPrefix for bool {
    const WORDS: usize = 1;
    #[cfg_attr(not(portalis_dev), inline)]
    fn put_prefix(&self, w: &mut [u64; 3], n: &mut usize) -> bool {
        (*self as i64).put_prefix(w, n)
    }
}

impl SortPrefix for f64 {
    const WORDS: usize = 1;
    #[cfg_attr(not(portalis_dev), inline)]
    fn put_prefix(&self, w: &mut [u64; 3], n: &mut usize) -> bool {
        if *n == 3 || self.is_nan() {
            return false;
        }
        // -0.0 == 0.0
        let bits = if *self == 0.0 { 0 } else { self.to_bits() };
        w[*n] = if bits >> 63 == 1 { !bits } else { bits | (1 << 63) };
        *n += 1;
        true
    }
}

impl SortPrefix for Str {
    const WORDS: usize = 1;
    /// The first 7 bytes, big-endian, then the length when it is at most 7 (the word is then the
    /// whole str) or 8 (longer): UTF-8's byte order is the code points' order.
    #[cfg_attr(not(portalis_dev), inline)]
    fn put_prefix(&self, w: &mut [u64; 3], n: &mut usize) -> bool {
        if *n == 3 {
            return false;
        }
        let b = self.as_bytes();
        let m = b.len().min(7);
        let mut x = 0u64;
        for (k, &c) in b[..m].iter().enumerate() {
            x |= (c as u64) << (56 - 8 * k);
        }
        w[*n] = x | if b.len() <= 7 { b.len() as u64 } else { 8 };
        *n += 1;
        b.len() <= 7
    }
}

const fn min3(n: usize) -> usize {
    if n > 3 {
        3
    } else {
        n
    }
}

impl<A: SortPrefix, B: SortPrefix> SortPrefix for (A, B) {
    const WORDS: usize = min3(A::WORDS + B::WORDS);
    #[cfg_attr(not(portalis_dev), inline)]
    fn put_prefix(&self, w: &mut [u64; 3], n: &mut usize) -> bool {
        self.0.put_prefix(w, n) && self.1.put_prefix(w, n)
    }
}

impl<A: SortPrefix, B: SortPrefix, C: SortPrefix> SortPrefix for (A, B, C) {
    const WORDS: usize = min3(A::WORDS + B::WORDS + C::WORDS);
    #[cfg_attr(not(portalis_dev), inline)]
    fn put_prefix(&self, w: &mut [u64; 3], n: &mut usize) -> bool {
        self.0.put_prefix(w, n) && self.1.put_prefix(w, n) && self.2.put_prefix(w, n)
    }
}

/// `items` in the order of `order`, which must give each of their positions exactly once (the
/// positions of a sort's (key, position) pairs): each item is moved once, straight into place.
pub(crate) fn gather<T>(mut items: Vec<T>, order: impl Iterator<Item = usize>) -> Vec<T> {
    let n = items.len();
    let mut out: Vec<T> = Vec::with_capacity(n);
    // SAFETY: the items are moved out by position; setting the length to 0 first means none is
    // dropped twice (a panic leaks the rest instead), and `order` names each position once
    unsafe {
        items.set_len(0);
        let src = items.as_ptr();
        for i in order {
            assert!(i < n && out.len() < n);
            out.push(std::ptr::read(src.add(i)));
        }
    }
    assert!(out.len() == n);
    out
}

impl<T: Clone + PartialOrd> PyList<T> {
    /// list.sort(reverse=...) when `<` can run user code (objects with `__lt__`, or values that
    /// hold them): CPython 3.11's own algorithm (timsort.rs), asking `<` exactly the questions
    /// CPython asks (no NaN pre-check, no `x < x`); a `__lt__` that raises leaves the list as
    /// CPython leaves it. The list looks empty while comparisons run.
    pub fn sort_observed(&self, reverse: bool, line: u32) -> PyResult<()> {
        self.sort_observed_impl(reverse, line, |_| false)
    }

    /// `sort_observed` of values that hold floats too: a NaN stops the sort (the limit of
    /// `check_sortable`: a NaN inside a tuple or list compares equal to itself by identity in
    /// CPython, which Portalis does not track). Checked without calling any `__lt__`.
    pub fn sort_observed_nan(&self, reverse: bool, line: u32) -> PyResult<()>
    where
        T: HasNan,
    {
        self.sort_observed_impl(reverse, line, |x: &T| x.has_nan())
    }

    fn sort_observed_impl(&self, reverse: bool, line: u32, nan: impl Fn(&T) -> bool) -> PyResult<()> {
        let mut items = std::mem::take(&mut *self.0.borrow_mut());
        if items.iter().any(nan) {
            *self.0.borrow_mut() = items;
            return Err(sort_nan_err(line));
        }
        if reverse {
            items.reverse();
        }
        let r = timsort(&mut items, |a, b| ret(a < b));
        if reverse {
            items.reverse();
        }
        self.restore_sorted(items, r, line)
    }

    /// `sort_observed` with a key function whose results' `<` can run user code.
    pub fn sort_by_key_observed<K: PartialOrd + Clone, F: FnMut(&T) -> PyResult<K>>(
        &self,
        key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        self.sort_by_key_observed_impl(key, reverse, line, |_| false)
    }

    /// `sort_by_key_observed` with keys that hold floats too (see `sort_observed_nan`).
    pub fn sort_by_key_observed_nan<K: PartialOrd + Clone + HasNan, F: FnMut(&T) -> PyResult<K>>(
        &self,
        key: F,
        reverse: bool,
        line: u32,
    ) -> PyResult<()> {
        self.sort_by_key_observed_impl(key, reverse, line, |k: &K| k.has_nan())
    }

    fn sort_by_key_observed_impl<K: PartialOrd + Clone, F: FnMut(&T) -> PyResult<K>>(
        &self,
        mut key: F,
        reverse: bool,
        line: u32,
        nan: impl Fn(&K) -> bool,
    ) -> PyResult<()> {
        let (items, keys) = self.take_keys(&mut key)?;
        if keys.iter().any(nan) {
            *self.0.borrow_mut() = items;
            return Err(sort_nan_err(line));
        }
        let mut pairs: Vec<(K, T)> = keys.into_iter().zip(items).collect();
        if reverse {
            pairs.reverse();
        }
        let r = timsort(&mut pairs, |a, b| ret(a.0 < b.0));
        if reverse {
            pairs.reverse();
        }
        self.restore_sorted(pairs.into_iter().map(|(_, t)| t).collect(), r, line)
    }

    /// list.sort(reverse=...): stable; the list looks empty while comparisons run.
    /// `sort` of values whose equal items cannot be told apart (ints and tuples of them; the
    /// emitter decides): std's unstable sort (pattern-defeating quicksort: no buffer, fewer
    /// moves than its merge sort) gives the same list as a stable sort.
    pub fn sort_unstable_ok(&self, reverse: bool, line: u32) -> PyResult<()> {
        let mut items = std::mem::take(&mut *self.0.borrow_mut());
        if let Err(e) = check_sortable(&items, line) {
            *self.0.borrow_mut() = items;
            return Err(e);
        }
        if reverse {
            items.sort_unstable_by(|a, b| total_cmp(b, a));
        } else {
            items.sort_unstable_by(total_cmp);
        }
        *self.0.borrow_mut() = items;
        Ok(())
    }
    pub fn sort(&self, reverse: bool, line: u32) -> PyResult<()> {
        let items = std::mem::take(&mut *self.0.borrow_mut());
        if let Err(e) = check_sortable(&items, line) {
            *self.0.borrow_mut() = items;
            return Err(e);
        }
        let mut items = items;
        if reverse {
            items.sort_by(|a, b| total_cmp(b, a));
        } else {
            items.sort_by(total_cmp);
        }
        *self.0.borrow_mut() = items;
        Ok(())
    }
}

/// Guard for `in`, list.count/index/remove and container `==` on values that may hold floats:
/// CPython compares identity before `==` there, so a NaN can match itself; Portalis does not
/// track identity, so a NaN (x != x) is an error rather than a guess.
#[inline]
pub fn no_nan<T: HasNan + ?Sized>(x: &T, line: u32) -> PyResult<()> {
    if x.has_nan() {
        return Err(nan_identity_err(line));
    }
    Ok(())
}

/// Whether a value holds a float NaN anywhere (for `no_nan`).
pub trait HasNan {
    fn has_nan(&self) -> bool;
}
impl HasNan for f64 {
    fn has_nan(&self) -> bool {
        self.is_nan()
    }
}
macro_rules! no_float_has_nan {
    ($($t:ty),*) => { $(impl HasNan for $t { fn has_nan(&self) -> bool { false } })* };
}
no_float_has_nan!(i64, bool, String, str, Str, (), EmptyTuple);
impl<T: HasNan> HasNan for Option<T> {
    fn has_nan(&self) -> bool {
        matches!(self, Some(x) if x.has_nan())
    }
}
impl<T: HasNan> HasNan for PyList<T> {
    fn has_nan(&self) -> bool {
        self.0.borrow().iter().any(|x| x.has_nan())
    }
}
impl<K, V: HasNan> HasNan for PyDict<K, V> {
    fn has_nan(&self) -> bool {
        self.0.borrow().entries.iter().flatten().any(|(_, v)| v.has_nan())
    }
}
macro_rules! tuple_has_nan {
    ($($t:ident $i:tt),*) => {
        impl<$($t: HasNan),*> HasNan for ($($t,)*) {
            fn has_nan(&self) -> bool { false $(|| self.$i.has_nan())* }
        }
    };
}
tuple_has_nan!(A 0);
tuple_has_nan!(A 0, B 1);
tuple_has_nan!(A 0, B 1, C 2);
tuple_has_nan!(A 0, B 1, C 2, D 3);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_has_nan!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

#[cold]
fn nan_identity_err(line: u32) -> PyErr {
    limit_err(
        "cannot look for or compare NaN inside a container: CPython's result depends on object identity, which Portalis does not track",
        line,
    )
}

/// Any stable sort gives CPython's result when `<` is a strict weak order. A NaN anywhere in a
/// key breaks that, and then the result depends on timsort's exact comparisons: rather than
/// return a different order than CPython, stop with an error (never silently wrong).
fn check_sortable<T: PartialOrd>(keys: &[T], line: u32) -> PyResult<()> {
    if keys.iter().any(|k| k.partial_cmp(k) != Some(Ordering::Equal)) {
        return Err(sort_nan_err(line));
    }
    Ok(())
}

#[cold]
fn sort_nan_err(line: u32) -> PyErr {
    limit_err(
        "cannot sort values that contain NaN: Portalis does not reproduce CPython's order for them",
        line,
    )
}

impl<T: Clone + PartialEq> PyList<T> {
    pub fn contains(&self, v: &T) -> bool {
        self.0.borrow().iter().any(|x| x == v)
    }
    pub fn count(&self, v: &T) -> i64 {
        self.0.borrow().iter().filter(|x| *x == v).count() as i64
    }
    pub fn remove(&self, v: &T, line: u32) -> PyResult<()> {
        let removed;
        {
            let mut a = self.0.borrow_mut();
            match a.iter().position(|x| x == v) {
                Some(i) => removed = a.remove(i),
                None => return Err(value_err("list.remove(x): x not in list", line)),
            }
        }
        drop(removed);
        Ok(())
    }
}

impl<T: Clone + PartialEq + PyFmt> PyList<T> {
    /// `xs.index(v, start, stop)`: positions clamp like CPython's (negative from the end).
    pub fn index_of_in(&self, v: &T, start: Option<i64>, stop: Option<i64>, line: u32) -> PyResult<i64> {
        let d = self.0.borrow();
        let n = d.len() as i64;
        let clamp = |p: i64| if p < 0 { (p + n).max(0) } else { p };
        let (s, e) = (clamp(start.unwrap_or(0)), clamp(stop.unwrap_or(n)).min(n));
        let mut i = s;
        while i < e {
            if d[i as usize] == *v {
                return Ok(i);
            }
            i += 1;
        }
        Err(value_err(&format!("{} is not in list", py_repr(v)), line))
    }
    pub fn index_of(&self, v: &T, line: u32) -> PyResult<i64> {
        match self.0.borrow().iter().position(|x| x == v) {
            Some(i) => Ok(i as i64),
            None => Err(value_err(&format!("{} is not in list", py_repr(v)), line)),
        }
    }
}

impl<T: PartialEq> PartialEq for PyList<T> {
    fn eq(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        let a = self.0.borrow();
        let b = other.0.borrow();
        a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x == y)
    }
}

/// `<`, `>`, `<=`, `>=` of lists as CPython's list_richcompare: the first items that differ
/// (`!=`), then that one operator on them (one call of a user `__lt__`, not two); else lengths.
macro_rules! list_rel {
    ($name:ident, $op:tt) => {
        fn $name(&self, other: &Self) -> bool {
            let a = self.0.borrow();
            let b = other.0.borrow();
            for (x, y) in a.iter().zip(b.iter()) {
                if x != y {
                    return x $op y;
                }
            }
            a.len() $op b.len()
        }
    };
}

impl<T: PartialOrd> PartialOrd for PyList<T> {
    list_rel!(lt, <);
    list_rel!(gt, >);
    list_rel!(le, <=);
    list_rel!(ge, >=);
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        let a = self.0.borrow();
        let b = other.0.borrow();
        for (x, y) in a.iter().zip(b.iter()) {
            if x != y {
                if x < y {
                    return Some(Ordering::Less);
                }
                if y < x {
                    return Some(Ordering::Greater);
                }
                return None;
            }
        }
        a.len().partial_cmp(&b.len())
    }
}

impl<T: PyFmt> PyFmt for PyList<T> {
    fn fmt_repr(&self, out: &mut String) {
        repr_guarded(Rc::as_ptr(&self.0) as *const u8 as usize, out, "[...]", |out| {
            let a = self.0.borrow();
            fmt_seq(out, "[", "]", a.iter());
        });
    }
}

impl<T: Hash> Hash for PyList<T> {
    // lists are unhashable in Python; provided so generic code type-checks.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.borrow().hash(state)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for PyList<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.0.borrow())
    }
}

// ===================================================================================
// ListIter: `iter(xs)`, a list iterator (shared: `next(it)` anywhere advances every holder)
// ===================================================================================

/// CPython's list iterator: an index into the live list (items appended before the end is
/// reached are seen); once it has run out it stays exhausted, even if the list grows later.
pub struct ListIter<T>(Rc<ListIterState<T>>);

struct ListIterState<T> {
    list: UnsafeCell<Option<PyList<T>>>,
    pos: Cell<usize>,
}

impl<T: Clone> ListIter<T> {
    pub fn new(list: PyList<T>) -> Self {
        ListIter(Rc::new(ListIterState { list: UnsafeCell::new(Some(list)), pos: Cell::new(0) }))
    }
    /// An exhausted iterator (the value a local has before its first assignment; never read).
    pub fn empty() -> Self {
        ListIter(Rc::new(ListIterState { list: UnsafeCell::new(None), pos: Cell::new(0) }))
    }
    /// `next(it, None)`: the next item, or None (and exhausted from then on).
    pub fn next_item(&self) -> Option<T> {
        let st = &*self.0;
        // SAFETY: one thread; the reference ends within this call, and cloning an item or
        // dropping the list runs no user code that could reach this iterator.
        let slot = unsafe { &mut *st.list.get() };
        let item = match slot {
            None => return None,
            Some(list) => list.get_raw(st.pos.get()),
        };
        match item {
            Some(v) => {
                cset(&st.pos, st.pos.get() + 1);
                Some(v)
            }
            None => {
                *slot = None;
                None
            }
        }
    }
    /// `next(it)`: the next item, or StopIteration.
    pub fn next_or_stop(&self, line: u32) -> PyResult<T> {
        match self.next_item() {
            Some(v) => Ok(v),
            None => Err(PyErr::with_args(&STOP_ITERATION, vec![], vec![], line)),
        }
    }
}

impl<T> Clone for ListIter<T> {
    fn clone(&self) -> Self {
        ListIter(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for ListIter<T> {
    /// Iterators compare by identity (object's `__eq__`).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> PyFmt for ListIter<T> {
    // never reached: Portalis refuses to print an iterator (CPython shows its address)
    fn fmt_repr(&self, out: &mut String) {
        out.push_str("<list_iterator object>");
    }
}

impl<T> Hash for ListIter<T> {
    // by identity, as CPython hashes an iterator (Portalis refuses them as keys)
    fn hash<H: Hasher>(&self, state: &mut H) {
        (Rc::as_ptr(&self.0) as *const u8 as usize).hash(state)
    }
}

impl<T> std::fmt::Debug for ListIter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<list_iterator>")
    }
}

/// The items of `a`, `n` times (none for n <= 0): `xs * n`.
fn repeat_items<T: Clone>(a: &[T], n: i64) -> Vec<T> {
    if n <= 0 || a.is_empty() {
        return Vec::new();
    }
    if a.len() == 1 {
        if let Ok(k) = usize::try_from(n) {
            return vec![a[0].clone(); k];
        }
    }
    let mut v = Vec::with_capacity(cap_hint((a.len() as i64).saturating_mul(n)));
    for _ in 0..n {
        v.extend(a.iter().cloned());
    }
    v
}

// The items of a list display combined before anyone sees it (the emitter's `fresh_vec`):
// `[x] * n`, `[a, b] * n`, `[i] + [0] * n`, `[x] + xs` build one Vec, not a list per operand.

/// `[x] * n`.
#[cfg_attr(not(portalis_dev), inline)]
pub fn vec_fill<T: Clone>(x: T, n: i64) -> Vec<T> {
    match usize::try_from(n) {
        Ok(k) => vec![x; k],
        // n < 0: an empty list; more items than wasm32's usize counts: grows until the memory
        // limit stops it, as `xs * n` does (never a short list)
        Err(_) => repeat_items(std::slice::from_ref(&x), n),
    }
}

/// `[a, b, ...] * n`.
#[cfg_attr(not(portalis_dev), inline)]
pub fn vec_repeat<T: Clone>(v: Vec<T>, n: i64) -> Vec<T> {
    if n == 1 {
        return v;
    }
    repeat_items(&v, n)
}

/// `[a, b] + [x] * n`: the head's items, then the fill (none for n <= 0), in one Vec.
#[cfg_attr(not(portalis_dev), inline)]
pub fn vec_prefixed<T: Clone, const K: usize>(head: [T; K], x: T, n: i64) -> Vec<T> {
    let k = match usize::try_from(n.max(0)) {
        Ok(k) => k,
        Err(_) => return vec_chain(head.into_iter().collect(), vec_fill(x, n)), // see vec_fill
    };
    let mut v = Vec::with_capacity(K.saturating_add(k));
    v.extend(head);
    v.resize(K + k, x);
    v
}

/// `[...] + [...]`: both displays (or products of them).
#[cfg_attr(not(portalis_dev), inline)]
pub fn vec_chain<T>(mut v: Vec<T>, mut w: Vec<T>) -> Vec<T> {
    v.reserve_exact(w.len());
    v.append(&mut w);
    v
}

/// `[...] + xs`.
#[cfg_attr(not(portalis_dev), inline)]
pub fn vec_concat<T: Clone>(mut v: Vec<T>, other: &PyList<T>) -> Vec<T> {
    v.extend_from_slice(&other.0.borrow());
    v
}

/// Room for `n` more items, made at once by a loop about to add them (emit/loops.py `foreach`'s
/// `room`: a comprehension, or a loop appending to a list on every pass) instead of by doubling:
/// the items so far are not copied again and again, and each page of the block is touched once
/// (on wasm32 a doubling of a large list was mostly a fresh block, a copy and page faults:
/// group_by's 3 million records 2.2x faster to build, its peak 292 -> 200 MB). Capacity is
/// invisible to Python. Amortized like a push (a list filled by an inner loop, pass after pass,
/// is not reallocated on each pass); room that cannot be had (too large) is left to the pushes,
/// which behave as before. A loop left early by an exception keeps the room it made (untouched
/// pages: no resident memory).
#[cfg_attr(not(portalis_dev), inline)]
pub fn vec_room<T>(v: &mut Vec<T>, n: i64) {
    if n > 0 {
        let _ = v.try_reserve(usize::try_from(n).unwrap_or(usize::MAX));
    }
}
