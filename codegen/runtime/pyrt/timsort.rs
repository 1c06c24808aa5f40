// ===================================================================================
// CPython 3.11's list sort (timsort with powersort's merge policy), comparison for comparison
// ===================================================================================

// A port of Objects/listobject.c (3.11): count_run, binarysort, merge_compute_minrun, powerloop
// and found_new_run (3.11 merges by powersort's rule, not 3.10's merge_collapse),
// merge_force_collapse, merge_at, gallop_left/gallop_right and merge_lo/merge_hi with the
// adaptive min_gallop. It asks `lt` exactly the questions CPython asks, in the same order, so a
// user `__lt__` that prints, counts, raises part-way or is not a strict weak order (`<=`) sees
// and produces what it does under CPython. When `lt` fails the slice holds the items as CPython
// leaves them (a permutation: a merge copies its saved run back, as merge_lo/merge_hi's `Fail`).
// `reverse=True` is the caller's: reverse, sort, reverse again (also after a failure).
// Used only where `<` can call user code (PyList::sort_observed); plain ints/strs/floats keep
// `sort_by` (their order cannot be observed).

const MIN_GALLOP: usize = 7;

struct TsRun {
    base: usize,
    len: usize,
    power: u32,
}

struct TsState<T> {
    min_gallop: usize,
    pending: Vec<TsRun>,
    tmp: Vec<T>,
}

/// Sort `v` stably by `lt` (Python's `<`) as CPython 3.11's `list.sort()` does.
pub fn timsort<T: Clone, F: FnMut(&T, &T) -> PyResult<bool>>(v: &mut [T], mut lt: F) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = TsState { min_gallop: MIN_GALLOP, pending: Vec::new(), tmp: Vec::new() };
    let minrun = ts_minrun(n);
    let mut lo = 0usize;
    let mut nremaining = n;
    loop {
        let (mut r, descending) = ts_count_run(v, lo, lo + nremaining, &mut lt)?;
        if descending {
            v[lo..lo + r].reverse();
        }
        if r < minrun {
            let force = if nremaining <= minrun { nremaining } else { minrun };
            ts_binarysort(v, lo, lo + force, lo + r, &mut lt)?;
            r = force;
        }
        if !ms.pending.is_empty() {
            ts_found_new_run(&mut ms, v, r, n, &mut lt)?;
        }
        ms.pending.push(TsRun { base: lo, len: r, power: 0 });
        lo += r;
        nremaining -= r;
        if nremaining == 0 {
            break;
        }
    }
    // merge_force_collapse
    while ms.pending.len() > 1 {
        let mut i = ms.pending.len() - 2;
        if i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len {
            i -= 1;
        }
        ts_merge_at(&mut ms, v, i, &mut lt)?;
    }
    Ok(())
}

fn ts_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The length of the run starting at `lo` (< hi), and whether it is strictly descending.
fn ts_count_run<T, F: FnMut(&T, &T) -> PyResult<bool>>(
    v: &[T],
    lo: usize,
    hi: usize,
    lt: &mut F,
) -> PyResult<(usize, bool)> {
    let mut i = lo + 1;
    if i == hi {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(&v[i], &v[i - 1])? {
        i += 1;
        while i < hi {
            if !lt(&v[i], &v[i - 1])? {
                break;
            }
            i += 1;
            n += 1;
        }
        Ok((n, true))
    } else {
        i += 1;
        while i < hi {
            if lt(&v[i], &v[i - 1])? {
                break;
            }
            i += 1;
            n += 1;
        }
        Ok((n, false))
    }
}

/// Insertion sort of v[lo..hi] whose prefix v[lo..start] is sorted (binary search for the place).
fn ts_binarysort<T: Clone, F: FnMut(&T, &T) -> PyResult<bool>>(
    v: &mut [T],
    lo: usize,
    hi: usize,
    mut start: usize,
    lt: &mut F,
) -> PyResult<()> {
    if lo == start {
        start += 1;
    }
    while start < hi {
        let mut l = lo;
        let mut r = start;
        loop {
            let p = l + ((r - l) >> 1);
            if lt(&v[start], &v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
            if l >= r {
                break;
            }
        }
        v[l..=start].rotate_right(1);
        start += 1;
    }
    Ok(())
}

fn ts_powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

fn ts_found_new_run<T: Clone, F: FnMut(&T, &T) -> PyResult<bool>>(
    ms: &mut TsState<T>,
    v: &mut [T],
    n2: usize,
    listlen: usize,
    lt: &mut F,
) -> PyResult<()> {
    let last = ms.pending.len() - 1;
    let power = ts_powerloop(ms.pending[last].base, ms.pending[last].len, n2, listlen);
    while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].power > power {
        let i = ms.pending.len() - 2;
        ts_merge_at(ms, v, i, lt)?;
    }
    let last = ms.pending.len() - 1;
    ms.pending[last].power = power;
    Ok(())
}

fn ts_merge_at<T: Clone, F: FnMut(&T, &T) -> PyResult<bool>>(
    ms: &mut TsState<T>,
    v: &mut [T],
    i: usize,
    lt: &mut F,
) -> PyResult<()> {
    let mut base_a = ms.pending[i].base;
    let mut na = ms.pending[i].len;
    let base_b = ms.pending[i + 1].base;
    let nb = ms.pending[i + 1].len;
    ms.pending[i].len = na + nb;
    ms.pending.remove(i + 1);
    // where does b start in a? (elements of a before that are in place)
    let k = ts_gallop_right(&v[base_b], &v[base_a..base_a + na], 0, lt)?;
    base_a += k;
    na -= k;
    if na == 0 {
        return Ok(());
    }
    // where does a end in b? (elements of b after that are in place)
    let nb = ts_gallop_left(&v[base_a + na - 1], &v[base_b..base_b + nb], nb - 1, lt)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        ts_merge_lo(ms, v, base_a, na, base_b, nb, lt)
    } else {
        ts_merge_hi(ms, v, base_a, na, base_b, nb, lt)
    }
}

/// The leftmost place for `key` in sorted `a` (a[k-1] < key <= a[k]), galloping from `hint`.
fn ts_gallop_left<T, F: FnMut(&T, &T) -> PyResult<bool>>(key: &T, a: &[T], hint: usize, lt: &mut F) -> PyResult<usize> {
    let n = a.len();
    let mut lastofs: usize;
    let mut ofs: usize;
    // lastofs is kept +1 (CPython's may be -1)
    if lt(&a[hint], key)? {
        // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs]
        let maxofs = n - hint;
        let mut lo = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(&a[hint + ofs], key)? {
                lo = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs = lo + hint + 1;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs]
        let maxofs = hint + 1;
        let mut lo = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(&a[hint - ofs], key)? {
                break;
            }
            lo = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        // CPython: lastofs = hint - ofs (maybe -1), ofs = hint - lo; then ++lastofs
        lastofs = hint + 1 - ofs;
        ofs = hint - lo;
    }
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(&a[m], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs)
}

/// The rightmost place for `key` in sorted `a` (a[k-1] <= key < a[k]), galloping from `hint`.
fn ts_gallop_right<T, F: FnMut(&T, &T) -> PyResult<bool>>(key: &T, a: &[T], hint: usize, lt: &mut F) -> PyResult<usize> {
    let n = a.len();
    let mut lastofs: usize;
    let mut ofs: usize;
    if lt(key, &a[hint])? {
        // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs]
        let maxofs = hint + 1;
        let mut lo = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(key, &a[hint - ofs])? {
                lo = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs = hint + 1 - ofs;
        ofs = hint - lo;
    } else {
        // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs]
        let maxofs = n - hint;
        let mut lo = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(key, &a[hint + ofs])? {
                break;
            }
            lo = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs = lo + hint + 1;
        ofs += hint;
    }
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, &a[m])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs)
}

enum TsEnd {
    Succeed,
    Fail(PyErr),
    Copy,
}

/// Merge the adjacent sorted runs v[pa..pa+na] and v[pb..pb+nb] (na <= nb), a saved aside.
fn ts_merge_lo<T: Clone, F: FnMut(&T, &T) -> PyResult<bool>>(
    ms: &mut TsState<T>,
    v: &mut [T],
    base_a: usize,
    mut na: usize,
    mut pb: usize,
    mut nb: usize,
    lt: &mut F,
) -> PyResult<()> {
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&v[base_a..base_a + na]);
    let tmp = &mut ms.tmp;
    let mut pa = 0usize; // into tmp
    let mut dest = base_a;
    v[dest] = v[pb].clone();
    dest += 1;
    pb += 1;
    nb -= 1;
    let end = if nb == 0 {
        TsEnd::Succeed
    } else if na == 1 {
        TsEnd::Copy
    } else {
        let mut min_gallop = ms.min_gallop;
        'outer: loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                let b_wins = match lt(&v[pb], &tmp[pa]) {
                    Ok(x) => x,
                    Err(e) => break 'outer TsEnd::Fail(e),
                };
                if b_wins {
                    v[dest] = v[pb].clone();
                    dest += 1;
                    pb += 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 0 {
                        break 'outer TsEnd::Succeed;
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    v[dest] = tmp[pa].clone();
                    dest += 1;
                    pa += 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 1 {
                        break 'outer TsEnd::Copy;
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                if min_gallop > 1 {
                    min_gallop -= 1;
                }
                ms.min_gallop = min_gallop;
                let k = match ts_gallop_right(&v[pb], &tmp[pa..pa + na], 0, lt) {
                    Ok(k) => k,
                    Err(e) => break 'outer TsEnd::Fail(e),
                };
                acount = k;
                if k > 0 {
                    v[dest..dest + k].clone_from_slice(&tmp[pa..pa + k]);
                    dest += k;
                    pa += k;
                    na -= k;
                    if na == 1 {
                        break 'outer TsEnd::Copy;
                    }
                    // na == 0 is impossible for a consistent `<`, but `<` may not be one
                    if na == 0 {
                        break 'outer TsEnd::Succeed;
                    }
                }
                v[dest] = v[pb].clone();
                dest += 1;
                pb += 1;
                nb -= 1;
                if nb == 0 {
                    break 'outer TsEnd::Succeed;
                }
                let k = match ts_gallop_left(&tmp[pa], &v[pb..pb + nb], 0, lt) {
                    Ok(k) => k,
                    Err(e) => break 'outer TsEnd::Fail(e),
                };
                bcount = k;
                if k > 0 {
                    for i in 0..k {
                        v[dest + i] = v[pb + i].clone();
                    }
                    dest += k;
                    pb += k;
                    nb -= k;
                    if nb == 0 {
                        break 'outer TsEnd::Succeed;
                    }
                }
                v[dest] = tmp[pa].clone();
                dest += 1;
                pa += 1;
                na -= 1;
                if na == 1 {
                    break 'outer TsEnd::Copy;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1; // penalize leaving galloping mode
            ms.min_gallop = min_gallop;
        }
    };
    match end {
        TsEnd::Copy => {
            // the last element of a belongs at the end of the merge
            for i in 0..nb {
                v[dest + i] = v[pb + i].clone();
            }
            v[dest + nb] = tmp[pa].clone();
            Ok(())
        }
        TsEnd::Succeed => {
            if na > 0 {
                v[dest..dest + na].clone_from_slice(&tmp[pa..pa + na]);
            }
            Ok(())
        }
        TsEnd::Fail(e) => {
            if na > 0 {
                v[dest..dest + na].clone_from_slice(&tmp[pa..pa + na]);
            }
            Err(e)
        }
    }
}

/// Merge the adjacent sorted runs v[base_a..base_a+na] and v[base_b..base_b+nb] (na > nb) from
/// the right, b saved aside. Positions are the last unmerged items (isize: they may reach -1).
fn ts_merge_hi<T: Clone, F: FnMut(&T, &T) -> PyResult<bool>>(
    ms: &mut TsState<T>,
    v: &mut [T],
    base_a: usize,
    mut na: usize,
    base_b: usize,
    mut nb: usize,
    lt: &mut F,
) -> PyResult<()> {
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&v[base_b..base_b + nb]);
    let tmp = &mut ms.tmp;
    let mut dest = (base_b + nb - 1) as isize;
    let mut pa = (base_a + na - 1) as isize; // last of a, in v
    let mut pb = (nb - 1) as isize; // last of b, in tmp
    macro_rules! at {
        ($i:expr) => {
            ($i) as usize
        };
    }
    v[at!(dest)] = v[at!(pa)].clone();
    dest -= 1;
    pa -= 1;
    na -= 1;
    let end = if na == 0 {
        TsEnd::Succeed
    } else if nb == 1 {
        TsEnd::Copy
    } else {
        let mut min_gallop = ms.min_gallop;
        'outer: loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                let b_lt_a = match lt(&tmp[at!(pb)], &v[at!(pa)]) {
                    Ok(x) => x,
                    Err(e) => break 'outer TsEnd::Fail(e),
                };
                if b_lt_a {
                    v[at!(dest)] = v[at!(pa)].clone();
                    dest -= 1;
                    pa -= 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 0 {
                        break 'outer TsEnd::Succeed;
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    v[at!(dest)] = tmp[at!(pb)].clone();
                    dest -= 1;
                    pb -= 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 1 {
                        break 'outer TsEnd::Copy;
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                if min_gallop > 1 {
                    min_gallop -= 1;
                }
                ms.min_gallop = min_gallop;
                let k = match ts_gallop_right(&tmp[at!(pb)], &v[base_a..base_a + na], na - 1, lt) {
                    Ok(k) => k,
                    Err(e) => break 'outer TsEnd::Fail(e),
                };
                let k = na - k;
                acount = k;
                if k > 0 {
                    dest -= k as isize;
                    pa -= k as isize;
                    for i in (1..=k).rev() {
                        v[at!(dest) + i] = v[at!(pa + 1) + i - 1].clone();
                    }
                    na -= k;
                    if na == 0 {
                        break 'outer TsEnd::Succeed;
                    }
                }
                v[at!(dest)] = tmp[at!(pb)].clone();
                dest -= 1;
                pb -= 1;
                nb -= 1;
                if nb == 1 {
                    break 'outer TsEnd::Copy;
                }
                let k = match ts_gallop_left(&v[at!(pa)], &tmp[0..nb], nb - 1, lt) {
                    Ok(k) => k,
                    Err(e) => break 'outer TsEnd::Fail(e),
                };
                let k = nb - k;
                bcount = k;
                if k > 0 {
                    dest -= k as isize;
                    pb -= k as isize;
                    let (d, s) = (at!(dest + 1), at!(pb + 1));
                    v[d..d + k].clone_from_slice(&tmp[s..s + k]);
                    nb -= k;
                    if nb == 1 {
                        break 'outer TsEnd::Copy;
                    }
                    // nb == 0 is impossible for a consistent `<`, but `<` may not be one
                    if nb == 0 {
                        break 'outer TsEnd::Succeed;
                    }
                }
                v[at!(dest)] = v[at!(pa)].clone();
                dest -= 1;
                pa -= 1;
                na -= 1;
                if na == 0 {
                    break 'outer TsEnd::Succeed;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1; // penalize leaving galloping mode
            ms.min_gallop = min_gallop;
        }
    };
    match end {
        TsEnd::Copy => {
            // the first element of b belongs at the front of the merge
            for i in 0..na {
                // memmove(dest+1-na, pa+1-na, na), from the right end
                let j = na - 1 - i;
                v[at!(dest + 1) - na + j] = v[at!(pa + 1) - na + j].clone();
            }
            dest -= na as isize;
            v[at!(dest)] = tmp[at!(pb)].clone();
            Ok(())
        }
        TsEnd::Succeed | TsEnd::Fail(_) => {
            if nb > 0 {
                let d = at!(dest + 1) - nb;
                v[d..d + nb].clone_from_slice(&tmp[0..nb]);
            }
            if let TsEnd::Fail(e) = end {
                return Err(e);
            }
            Ok(())
        }
    }
}
