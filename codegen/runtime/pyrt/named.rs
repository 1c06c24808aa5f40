// ===================================================================================
// Named tuples (typing.NamedTuple, collections.namedtuple)
// ===================================================================================

/// A named tuple class: its name and field names (generated code writes it as a constant,
/// which the compiler promotes to a static).
pub struct NtInfo {
    pub name: &'static str,
    pub fields: &'static [&'static str],
}

/// A named tuple value: the tuple `v` of its items, compared, ordered and hashed as that tuple.
#[derive(Clone, Copy)]
pub struct Nt<T> {
    pub v: T,
    pub info: &'static NtInfo,
}

impl<T: PartialEq> PartialEq for Nt<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn eq(&self, other: &Self) -> bool {
        self.v == other.v
    }
}
impl<T: Eq> Eq for Nt<T> {}
impl<T: PartialOrd> PartialOrd for Nt<T> {
    #[cfg_attr(not(portalis_dev), inline)]
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.v.partial_cmp(&other.v)
    }
}
impl<T: std::hash::Hash> std::hash::Hash for Nt<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.v.hash(state);
    }
}
impl<T: HasNan> HasNan for Nt<T> {
    fn has_nan(&self) -> bool {
        self.v.has_nan()
    }
}
impl<T: CheckDigits> CheckDigits for Nt<T> {
    fn check_digits(&self, line: u32) -> PyResult<()> {
        self.v.check_digits(line)
    }
}

/// The repr of item `k` of a tuple (for `P(x=1, y=2)`).
pub trait TupleItemsFmt {
    fn fmt_item(&self, k: usize, out: &mut String);
}

macro_rules! tuple_items_fmt {
    ($($name:ident $idx:tt),+) => {
        impl<$($name: PyFmt),+> TupleItemsFmt for ($($name,)+) {
            fn fmt_item(&self, k: usize, out: &mut String) {
                $( if k == $idx { self.$idx.fmt_repr(out); } )+
            }
        }
    };
}
tuple_items_fmt!(A 0);
tuple_items_fmt!(A 0, B 1);
tuple_items_fmt!(A 0, B 1, C 2);
tuple_items_fmt!(A 0, B 1, C 2, D 3);
tuple_items_fmt!(A 0, B 1, C 2, D 3, E 4);
tuple_items_fmt!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_items_fmt!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_items_fmt!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

impl<T: TupleItemsFmt> PyFmt for Nt<T> {
    /// `Point(x=1, y=2)` (str is the same)
    fn fmt_repr(&self, out: &mut String) {
        out.push_str(self.info.name);
        out.push('(');
        for (k, f) in self.info.fields.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            out.push_str(f);
            out.push('=');
            self.v.fmt_item(k, out);
        }
        out.push(')');
    }
}
