// ===================================================================================
// enum.Enum / enum.IntEnum members
// ===================================================================================

/// An enum class: its canonical members in definition order (`names`, and their values in
/// `ints` or `strs`, whichever the class uses; the other is empty), and its aliases (a second
/// name for a value, with the index of the member it names). Generated code defines one static
/// per class.
pub struct EnumClass {
    pub name: &'static str,
    pub names: &'static [&'static str],
    pub ints: &'static [i64],
    pub strs: &'static [&'static str],
    pub aliases: &'static [(&'static str, u32)],
    pub int_enum: bool,
}

/// A member: a value type (Python's members are singletons, so `==` and `is` agree).
#[derive(Clone, Copy)]
pub struct EnumV {
    pub cls: &'static EnumClass,
    pub idx: u32,
}

impl EnumV {
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn name(&self) -> Str {
        Str::lit(self.cls.names[self.idx as usize])
    }
    /// `.value` of a class with int values (and the int an IntEnum member acts as).
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn int_value(&self) -> i64 {
        self.cls.ints[self.idx as usize]
    }
    /// `.value` of a class with str values.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn str_value(&self) -> Str {
        Str::lit(self.cls.strs[self.idx as usize])
    }
    /// Truth: an IntEnum member is an int (false when 0); an Enum member is always true.
    #[cfg_attr(not(portalis_dev), inline)]
    pub fn truthy(&self) -> bool {
        !self.cls.int_enum || self.int_value() != 0
    }
    fn value_repr(&self, out: &mut String) {
        if self.cls.ints.is_empty() {
            out.push_str(&str_repr(self.cls.strs[self.idx as usize]));
        } else {
            push_i64(out, self.int_value());
        }
    }
}

impl PartialEq for EnumV {
    #[cfg_attr(not(portalis_dev), inline)]
    fn eq(&self, other: &Self) -> bool {
        self.idx == other.idx && std::ptr::eq(self.cls, other.cls)
    }
}
impl Eq for EnumV {}
impl std::hash::Hash for EnumV {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.idx.hash(state);
    }
}
/// Only IntEnum members are ordered (as their ints); the analyzer refuses ordering Enum members.
impl PartialOrd for EnumV {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        if self.cls.ints.is_empty() {
            self.idx.partial_cmp(&other.idx)
        } else {
            self.int_value().partial_cmp(&other.int_value())
        }
    }
}

impl PyFmt for EnumV {
    /// `<Color.RED: 1>`, `<Color.RED: 'r'>`
    fn fmt_repr(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.cls.name);
        out.push('.');
        out.push_str(self.cls.names[self.idx as usize]);
        out.push_str(": ");
        self.value_repr(out);
        out.push('>');
    }
    /// `Color.RED`; an IntEnum member's str is its int's (CPython 3.11).
    fn fmt_str(&self, out: &mut String) {
        if self.cls.int_enum {
            push_i64(out, self.int_value());
        } else {
            out.push_str(self.cls.name);
            out.push('.');
            out.push_str(self.cls.names[self.idx as usize]);
        }
    }
}
impl HasNan for EnumV {
    fn has_nan(&self) -> bool {
        false
    }
}
impl CheckDigits for EnumV {
    #[cfg_attr(not(portalis_dev), inline)]
    fn check_digits(&self, _line: u32) -> PyResult<()> {
        Ok(())
    }
}

/// Every member of `cls` in definition order, aliases left out (`list(Color)`, `for c in Color`).
pub fn enum_members(cls: &'static EnumClass) -> PyList<EnumV> {
    PyList::from_vec((0..cls.names.len() as u32).map(|idx| EnumV { cls, idx }).collect())
}

/// `Color(v)` for a class of int values: ValueError "v is not a valid Color" when none has it.
pub fn enum_from_int(cls: &'static EnumClass, v: i64, line: u32) -> PyResult<EnumV> {
    match cls.ints.iter().position(|x| *x == v) {
        Some(i) => Ok(EnumV { cls, idx: i as u32 }),
        None => {
            let mut m = String::new();
            push_i64(&mut m, v);
            Err(enum_invalid(cls, m, line))
        }
    }
}

/// `Color(v)` for a class of str values: ValueError "'v' is not a valid Color".
pub fn enum_from_str(cls: &'static EnumClass, v: &str, line: u32) -> PyResult<EnumV> {
    match cls.strs.iter().position(|x| *x == v) {
        Some(i) => Ok(EnumV { cls, idx: i as u32 }),
        None => Err(enum_invalid(cls, str_repr(v), line)),
    }
}

#[inline(never)]
fn enum_invalid(cls: &'static EnumClass, value_repr: String, line: u32) -> PyErr {
    PyErr::new(&VALUE_ERROR, format!("{} is not a valid {}", value_repr, cls.name), line)
}

/// `Color["RED"]` (aliases too): KeyError('NAME') when the class has no such member.
pub fn enum_from_name(cls: &'static EnumClass, name: &str, line: u32) -> PyResult<EnumV> {
    if let Some(i) = cls.names.iter().position(|x| *x == name) {
        return Ok(EnumV { cls, idx: i as u32 });
    }
    if let Some((_, i)) = cls.aliases.iter().find(|(n, _)| *n == name) {
        return Ok(EnumV { cls, idx: *i });
    }
    Err(PyErr::with_args(&KEY_ERROR, vec![name.to_string()], vec![str_repr(name)], line))
}

/// The class of a member variable's placeholder before its first assignment (never read).
pub static ENUM_UNSET: EnumClass =
    EnumClass { name: "", names: &[""], ints: &[0], strs: &[], aliases: &[], int_enum: false };

/// `Color(v)` in the big-int build: an int past 64 bits is no member's value.
pub fn enum_from_big(cls: &'static EnumClass, v: &Int, line: u32) -> PyResult<EnumV> {
    match v.to_i64() {
        Some(x) => enum_from_int(cls, x, line),
        None => Err(enum_invalid(cls, py_str(v), line)),
    }
}
