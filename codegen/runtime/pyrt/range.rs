// ===================================================================================
// range
// ===================================================================================

/// range(start, stop, step) as an iterator of i64.
#[derive(Clone, Debug)]
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    next_val: i64,
    remaining: u64,
}

/// len(range(start, stop, step)): ValueError for step 0 (range() itself raises), OverflowError
/// past 2**63 - 1 elements (CPython's Py_ssize_t).
#[inline]
pub fn range_len(start: i64, stop: i64, step: i64, line: u32) -> PyResult<i64> {
    if step == 0 {
        return Err(value_err("range() arg 3 must not be zero", line));
    }
    let n = range_len_u(start, stop, step);
    if n > i64::MAX as u64 {
        return Err(ssize_overflow(line));
    }
    Ok(n as i64)
}

/// CPython's OverflowError for an int that does not fit a Py_ssize_t.
#[cold]
#[inline(never)]
pub fn ssize_overflow(line: u32) -> PyErr {
    PyErr::new(&OVERFLOW_ERROR, "Python int too large to convert to C ssize_t", line)
}

/// The index enumerate() gives the next item: past 2**63 - 1 it is the 64-bit limit.
#[inline]
pub fn enum_index(next: Option<i64>, line: u32) -> PyResult<i64> {
    match next {
        Some(i) => Ok(i),
        None => Err(overflow_err(line)),
    }
}

#[inline]
fn range_len_u(start: i64, stop: i64, step: i64) -> u64 {
    let (s, e, st) = (start as i128, stop as i128, step as i128);
    if st > 0 && s < e {
        ((e - s - 1) / st + 1) as u64
    } else if st < 0 && s > e {
        ((s - e - 1) / (-st) + 1) as u64
    } else {
        0
    }
}

pub fn py_range(start: i64, stop: i64, step: i64, line: u32) -> PyResult<PyRange> {
    if step == 0 {
        return Err(value_err("range() arg 3 must not be zero", line));
    }
    Ok(PyRange {
        start,
        stop,
        step,
        next_val: start,
        remaining: range_len_u(start, stop, step),
    })
}

impl PyRange {
    pub fn len(&self) -> i64 {
        range_len_u(self.start, self.stop, self.step).min(i64::MAX as u64) as i64
    }
    pub fn contains(&self, v: i64) -> bool {
        let n = range_len_u(self.start, self.stop, self.step);
        if n == 0 {
            return false;
        }
        let off = v as i128 - self.start as i128;
        let st = self.step as i128;
        if off % st != 0 {
            return false;
        }
        let k = off / st;
        k >= 0 && (k as u128) < n as u128
    }
    pub fn get(&self, i: i64, line: u32) -> PyResult<i64> {
        let n = range_len_u(self.start, self.stop, self.step) as i128;
        let mut k = i as i128;
        if k < 0 {
            k += n;
        }
        if k < 0 || k >= n {
            return Err(index_err("range object index out of range", line));
        }
        Ok((self.start as i128 + k * self.step as i128) as i64)
    }
}

impl Iterator for PyRange {
    type Item = i64;
    #[inline]
    fn next(&mut self) -> Option<i64> {
        if self.remaining == 0 {
            return None;
        }
        let v = self.next_val;
        self.remaining -= 1;
        self.next_val = v.wrapping_add(self.step);
        Some(v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.remaining.min(usize::MAX as u64) as usize;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for PyRange {
    fn next_back(&mut self) -> Option<i64> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let v = (self.next_val as i128 + self.remaining as i128 * self.step as i128) as i64;
        Some(v)
    }
}

impl PyFmt for PyRange {
    fn fmt_repr(&self, out: &mut String) {
        if self.step == 1 {
            out.push_str(&format!("range({}, {})", self.start, self.stop));
        } else {
            out.push_str(&format!(
                "range({}, {}, {})",
                self.start, self.stop, self.step
            ));
        }
    }
}
