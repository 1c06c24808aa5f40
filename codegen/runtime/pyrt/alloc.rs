// ===================================================================================
// Allocator (WASI only)
// ===================================================================================

/// Size-class free lists for small blocks (<= 1 KiB) carved from 64 KiB chunks, in front of the
/// system allocator (wasi-libc's dlmalloc). Python code allocates and frees many small strings
/// and lists; on wasm32 every malloc/free is a call into dlmalloc, and this cut text-heavy
/// kernels by ~20 %. Sound only single-threaded: compiled for WASI without threads (atomics)
/// only. Freed small blocks are reused for the same size class, not returned to the system.
#[cfg(all(target_os = "wasi", not(target_feature = "atomics")))]
mod small_alloc {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::UnsafeCell;
    // 8, 16, 24, ..., 256 bytes (a string's block or a small list wastes at most 7 bytes; with
    // powers of two a 40-byte line took 64), then 512 and 1024
    const CLASSES: usize = 34;
    const CHUNK: usize = 64 * 1024;
    struct State {
        free: [*mut u8; CLASSES],
        bump: *mut u8,
        end: *mut u8,
    }
    struct Cell(UnsafeCell<State>);
    // SAFETY: wasm32-wasi without the atomics feature has exactly one thread.
    unsafe impl Sync for Cell {}
    static STATE: Cell = Cell(UnsafeCell::new(State {
        free: [std::ptr::null_mut(); CLASSES],
        bump: std::ptr::null_mut(),
        end: std::ptr::null_mut(),
    }));
    #[cfg_attr(not(portalis_dev), inline)]
    fn class(size: usize, align: usize) -> Option<usize> {
        if align > 8 || size > 1024 {
            return None;
        }
        Some(if size <= 256 {
            (size.max(1) + 7) / 8 - 1
        } else if size <= 512 {
            32
        } else {
            33
        })
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn class_size(c: usize) -> usize {
        if c < 32 {
            (c + 1) * 8
        } else {
            512 << (c - 32)
        }
    }
    pub struct SmallAlloc;
    unsafe impl GlobalAlloc for SmallAlloc {
        #[cfg_attr(not(portalis_dev), inline)]
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            match class(l.size(), l.align()) {
                Some(c) => {
                    let st = &mut *STATE.0.get();
                    let head = st.free[c];
                    if !head.is_null() {
                        st.free[c] = *(head as *mut *mut u8);
                        return head;
                    }
                    let sz = class_size(c);
                    if (st.end as usize) - (st.bump as usize) < sz {
                        let chunk = System.alloc(Layout::from_size_align_unchecked(CHUNK, 8));
                        if chunk.is_null() {
                            return chunk;
                        }
                        st.bump = chunk;
                        st.end = chunk.add(CHUNK);
                    }
                    let p = st.bump;
                    st.bump = p.add(sz);
                    p
                }
                None => System.alloc(l),
            }
        }
        #[cfg_attr(not(portalis_dev), inline)]
        unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
            match class(l.size(), l.align()) {
                Some(c) => {
                    let st = &mut *STATE.0.get();
                    *(p as *mut *mut u8) = st.free[c];
                    st.free[c] = p;
                }
                None => System.dealloc(p, l),
            }
        }
        #[cfg_attr(not(portalis_dev), inline)]
        unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
            let old = class(l.size(), l.align());
            if old.is_some() && old == class(new_size, l.align()) {
                return p;
            }
            if old.is_none() && class(new_size, l.align()).is_none() {
                return System.realloc(p, l, new_size);
            }
            let n = self.alloc(Layout::from_size_align_unchecked(new_size, l.align()));
            if !n.is_null() {
                std::ptr::copy_nonoverlapping(p, n, l.size().min(new_size));
                self.dealloc(p, l);
            }
            n
        }
    }
    #[global_allocator]
    static A: SmallAlloc = SmallAlloc;
}
