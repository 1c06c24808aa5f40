// ===================================================================================
// format() spec mini-language
// ===================================================================================

pub trait PyFormat {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String>;
    /// `py_format` appended to `out` (an f-string's buffer): ints, floats and strs write there
    /// directly, with fast paths for the common specs (`02d`, `8`, `>12`, `<16`).
    #[cfg_attr(not(portalis_dev), inline)]
    fn py_format_into(&self, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
        let s = self.py_format(spec, line)?;
        out.push_str(&s);
        Ok(())
    }
}

/// `[0][width][d]` or `>[width][d]` (width < 10000, no other field):
/// `Some((zero_padded, width))`, else None (the general parser decides, errors included).
#[cfg_attr(not(portalis_dev), inline)]
fn simple_int_spec(spec: &str) -> Option<(bool, usize)> {
    let b = spec.as_bytes();
    let right = b.first() == Some(&b'>');
    let zero = !right && b.first() == Some(&b'0');
    let st = (zero || right) as usize;
    if right && b.get(1) == Some(&b'0') {
        return None; // '>0...': the '0' flag with an explicit alignment
    }
    let mut i = st;
    let mut w = 0usize;
    while i < b.len() && b[i].is_ascii_digit() && i - st < 4 {
        w = w * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    if zero && (i == st || b[st] == b'0') {
        return None; // "0", "0d", "00d", ...
    }
    if i < b.len() && b[i] == b'd' {
        i += 1;
    }
    if i == b.len() {
        Some((zero, w))
    } else {
        None
    }
}

/// `v` in decimal, right-aligned to `width` with spaces, or with zeros after the sign.
pub fn push_int_padded(out: &mut String, v: i64, zero: bool, width: usize) {
    let mut d = [0u8; 20];
    let i = dec_digits(v.unsigned_abs(), &mut d);
    let pad = width.saturating_sub(d.len() - i + (v < 0) as usize);
    if !zero {
        push_fill(out, ' ', pad as i64);
    }
    if v < 0 {
        out.push('-');
    }
    if zero {
        push_fill(out, '0', pad as i64);
    }
    // SAFETY: ASCII digits
    out.push_str(unsafe { std::str::from_utf8_unchecked(&d[i..]) });
}

/// `[<>^][width]` (width < 10000, no fill or other field): `Some((align, width))`, else None.
#[cfg_attr(not(portalis_dev), inline)]
fn simple_str_spec(spec: &str) -> Option<(u8, usize)> {
    let b = spec.as_bytes();
    let (align, st) = match b.first() {
        Some(&c) if c == b'<' || c == b'>' || c == b'^' => (c, 1),
        _ => (b'<', 0),
    };
    let mut i = st;
    let mut w = 0usize;
    while i < b.len() && b[i].is_ascii_digit() && i - st < 4 {
        w = w * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    // a width starting with 0 is the '0' flag (fill '0', align '=' for numbers): not here
    if i != b.len() || (i > st && b[st] == b'0') {
        return None;
    }
    Some((align, w))
}

/// `format(s, spec)` into `out`: the simple specs directly, the rest through `format_str_spec`.
fn format_str_into(s: &str, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
    if let Some((align, width)) = simple_str_spec(spec) {
        let n = str_len(s) as usize;
        let pad = width.saturating_sub(n);
        let left = match align {
            b'>' => pad,
            b'^' => pad / 2,
            _ => 0,
        };
        push_fill(out, ' ', left as i64);
        out.push_str(s);
        push_fill(out, ' ', (pad - left) as i64);
        return Ok(());
    }
    out.push_str(&format_str_spec(s, spec, line)?);
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Thousands {
    None,
    Comma,
    Under,
    UnderFour,
}

struct Spec {
    fill: char,
    align: char,
    sign: char, // '\0', '+', '-', ' '
    no_neg_0: bool,
    alt: bool,
    width: i64,
    thousands: Thousands,
    precision: i64,
    ty: char, // '\0' = none
}

fn spec_get_integer(chars: &[char], pos: &mut usize, line: u32) -> PyResult<(usize, i64)> {
    let mut v: i64 = 0;
    let mut n = 0usize;
    while *pos < chars.len() {
        let c = chars[*pos];
        let d = match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => d as i64,
            _ => break,
        };
        v = match v.checked_mul(10).and_then(|t| t.checked_add(d)) {
            Some(t) => t,
            None => return Err(value_err("Too many decimal digits in format string", line)),
        };
        *pos += 1;
        n += 1;
    }
    Ok((n, v))
}

fn is_align(c: char) -> bool {
    c == '<' || c == '>' || c == '=' || c == '^'
}

fn parse_spec(
    spec: &str,
    default_align: char,
    default_type: char,
    type_name: &str,
    line: u32,
) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0usize;
    let mut f = Spec {
        fill: ' ',
        align: default_align,
        sign: '\0',
        no_neg_0: false,
        alt: false,
        width: -1,
        thousands: Thousands::None,
        precision: -1,
        ty: default_type,
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end - pos >= 2 && is_align(chars[pos + 1]) {
        f.align = chars[pos + 1];
        f.fill = chars[pos];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        f.align = chars[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && (chars[pos] == '+' || chars[pos] == '-' || chars[pos] == ' ') {
        f.sign = chars[pos];
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alt = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        if !align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    let (consumed, w) = spec_get_integer(&chars, &mut pos, line)?;
    f.width = if consumed == 0 { -1 } else { w };
    if pos < end && chars[pos] == ',' {
        f.thousands = Thousands::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.thousands != Thousands::None {
            return Err(value_err("Cannot specify both ',' and '_'.", line));
        }
        f.thousands = Thousands::Under;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.thousands == Thousands::Under {
        return Err(value_err("Cannot specify both ',' and '_'.", line));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (consumed, p) = spec_get_integer(&chars, &mut pos, line)?;
        if consumed == 0 {
            return Err(value_err("Format specifier missing precision", line));
        }
        f.precision = p;
    }
    if end - pos > 1 {
        return Err(value_err(
            &format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            ),
            line,
        ));
    }
    if end - pos == 1 {
        f.ty = chars[pos];
    }
    if f.thousands != Thousands::None {
        match f.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if f.thousands == Thousands::Under => {
                f.thousands = Thousands::UnderFour;
            }
            t => {
                let sc = if f.thousands == Thousands::Comma {
                    ','
                } else {
                    '_'
                };
                let tc = t as u32;
                let msg = if tc > 32 && tc < 128 {
                    format!("Cannot specify '{}' with '{}'.", sc, t)
                } else {
                    format!("Cannot specify '{}' with '\\x{:x}'.", sc, tc)
                };
                return Err(value_err(&msg, line));
            }
        }
    }
    Ok(f)
}

fn unknown_code(ty: char, type_name: &str, line: u32) -> PyErr {
    let tc = ty as u32;
    let msg = if tc > 32 && tc < 128 {
        format!(
            "Unknown format code '{}' for object of type '{}'",
            ty, type_name
        )
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{}'",
            tc, type_name
        )
    };
    value_err(&msg, line)
}

/// A capacity hint that never makes `with_capacity` panic.
#[cfg_attr(not(portalis_dev), inline)]
fn cap_hint(n: i64) -> usize {
    n.clamp(0, 1 << 20) as usize
}

fn push_fill(out: &mut String, c: char, n: i64) {
    let mut i = 0;
    while i < n {
        out.push(c);
        i += 1;
    }
}

/// Port of calc_number_widths + fill_number: `digits` are the (ASCII) digits to group,
/// `rest` is everything after them (decimal point, fraction, exponent, '%', or the 'c' char).
fn fill_number(
    out: &mut String,
    f: &Spec,
    negative: bool,
    prefix: &str,
    digits: &[u8],
    rest: &str,
    upper: bool,
) {
    let sign: Option<char> = match f.sign {
        '+' => Some(if negative { '-' } else { '+' }),
        ' ' => Some(if negative { '-' } else { ' ' }),
        _ => {
            if negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign: i64 = if sign.is_some() { 1 } else { 0 };
    let n_prefix = prefix.chars().count() as i64;
    let n_rest = rest.chars().count() as i64;
    let non_digit = n_sign + n_prefix + n_rest;
    let min_width = if f.fill == '0' && f.align == '=' {
        f.width - non_digit
    } else {
        0
    };
    // grouping
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() + 8);
    if !digits.is_empty() {
        let group: Option<(u8, i64)> = match f.thousands {
            Thousands::None => None,
            Thousands::Comma => Some((b',', 3)),
            Thousands::Under => Some((b'_', 3)),
            Thousands::UnderFour => Some((b'_', 4)),
        };
        let mut pos = digits.len();
        let mut remaining = digits.len() as i64;
        let mut min_width = min_width;
        let mut use_sep = false;
        let mut broken = false;
        let emit = |rev: &mut Vec<u8>,
                    use_sep: bool,
                    sepc: u8,
                    n_chars: i64,
                    n_zeros: i64,
                    pos: &mut usize| {
            if use_sep {
                rev.push(sepc);
            }
            let mut i = 0;
            while i < n_chars {
                *pos -= 1;
                rev.push(digits[*pos]);
                i += 1;
            }
            let mut i = 0;
            while i < n_zeros {
                rev.push(b'0');
                i += 1;
            }
        };
        let mut sepc = b',';
        if let Some((sc, g)) = group {
            sepc = sc;
            loop {
                let l = g.min(remaining.max(min_width).max(1));
                let n_zeros = (l - remaining).max(0);
                let n_chars = remaining.min(l).max(0);
                emit(&mut rev, use_sep, sepc, n_chars, n_zeros, &mut pos);
                use_sep = true;
                remaining -= n_chars;
                min_width -= l;
                if remaining <= 0 && min_width <= 0 {
                    broken = true;
                    break;
                }
                min_width -= 1;
            }
        }
        if !broken {
            let l = remaining.max(min_width).max(1);
            let n_zeros = (l - remaining).max(0);
            let n_chars = remaining.min(l).max(0);
            emit(&mut rev, use_sep, sepc, n_chars, n_zeros, &mut pos);
        }
    }
    let n_grouped = rev.len() as i64;
    let n_padding = f.width - (non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0i64, 0i64, 0i64);
    if n_padding > 0 {
        match f.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    push_fill(out, f.fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&prefix.to_ascii_uppercase());
    } else {
        out.push_str(prefix);
    }
    push_fill(out, f.fill, spad);
    for &b in rev.iter().rev() {
        out.push(if upper {
            b.to_ascii_uppercase() as char
        } else {
            b as char
        });
    }
    out.push_str(rest);
    push_fill(out, f.fill, rpad);
}

fn format_int_spec(v: i64, spec: &str, type_name: &str, line: u32) -> PyResult<String> {
    let f = parse_spec(spec, '>', 'd', type_name, line)?;
    match f.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let mut out = String::new();
            format_float_with(&mut out, v as f64, &f, line)?;
            return Ok(out);
        }
        t => return Err(unknown_code(t, type_name, line)),
    }
    if f.precision != -1 {
        return Err(value_err(
            "Precision not allowed in integer format specifier",
            line,
        ));
    }
    if f.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in integer format specifier",
            line,
        ));
    }
    let mut out = String::new();
    if f.ty == 'c' {
        if f.sign != '\0' {
            return Err(value_err(
                "Sign not allowed with integer format specifier 'c'",
                line,
            ));
        }
        if f.alt {
            return Err(value_err(
                "Alternate form (#) not allowed with integer format specifier 'c'",
                line,
            ));
        }
        if !(0..=0x10ffff).contains(&v) {
            return Err(PyErr::new(
                &OVERFLOW_ERROR,
                "%c arg not in range(0x110000)",
                line,
            ));
        }
        let c = match char::from_u32(v as u32) {
            Some(c) => c,
            None => return Err(surrogate_limit(line)),
        };
        let mut tmp = [0u8; 4];
        fill_number(&mut out, &f, false, "", &[], c.encode_utf8(&mut tmp), false);
        return Ok(out);
    }
    let u = v.unsigned_abs();
    let (digits, prefix) = match f.ty {
        'b' => (format!("{:b}", u), "0b"),
        'o' => (format!("{:o}", u), "0o"),
        'x' | 'X' => (format!("{:x}", u), "0x"),
        _ => (u.to_string(), ""),
    };
    let prefix = if f.alt { prefix } else { "" };
    fill_number(
        &mut out,
        &f,
        v < 0,
        prefix,
        digits.as_bytes(),
        "",
        f.ty == 'X',
    );
    Ok(out)
}

fn format_float_with(out: &mut String, x: f64, f: &Spec, line: u32) -> PyResult<()> {
    if f.precision > i32::MAX as i64 {
        return Err(value_err("precision too big", line));
    }
    let mut precision = f.precision as i32;
    let mut ty = f.ty;
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    if ty == '\0' {
        add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    if precision < 0 {
        precision = default_precision;
    } else if ty == 'r' {
        ty = 'g';
    }
    let upper = ty == 'E' || ty == 'F' || ty == 'G';
    let code = ty.to_ascii_lowercase() as u8;
    let mut buf = String::with_capacity(32);
    format_float_short(
        &mut buf, val, code, precision, false, add_dot_0, f.alt, f.no_neg_0, upper,
    );
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = if let Some(stripped) = buf.strip_prefix('-') {
        (true, stripped)
    } else {
        (false, &buf[..])
    };
    let nd = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    fill_number(
        out,
        f,
        negative,
        "",
        &body.as_bytes()[..nd],
        &body[nd..],
        false,
    );
    Ok(())
}

fn format_float_spec(x: f64, spec: &str, line: u32) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let f = parse_spec(spec, '>', '\0', "float", line)?;
    match f.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
        t => return Err(unknown_code(t, "float", line)),
    }
    let mut out = String::new();
    format_float_with(&mut out, x, &f, line)?;
    Ok(out)
}

fn format_str_spec(s: &str, spec: &str, line: u32) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(spec, '<', 's', "str", line)?;
    if f.ty != 's' {
        return Err(unknown_code(f.ty, "str", line));
    }
    if f.sign != '\0' {
        if f.sign == ' ' {
            return Err(value_err(
                "Space not allowed in string format specifier",
                line,
            ));
        }
        return Err(value_err(
            "Sign not allowed in string format specifier",
            line,
        ));
    }
    if f.no_neg_0 {
        return Err(value_err(
            "Negative zero coercion (z) not allowed in string format specifier",
            line,
        ));
    }
    if f.alt {
        return Err(value_err(
            "Alternate form (#) not allowed in string format specifier",
            line,
        ));
    }
    if f.align == '=' {
        return Err(value_err(
            "'=' alignment not allowed in string format specifier",
            line,
        ));
    }
    let mut len = str_len(s);
    let mut body: &str = s;
    if f.precision >= 0 && len > f.precision {
        len = f.precision;
        let cut = s
            .char_indices()
            .nth(len as usize)
            .map(|(i, _)| i)
            .unwrap_or(s.len());
        body = &s[..cut];
    }
    let total = if f.width >= 0 && f.width > len {
        f.width
    } else {
        len
    };
    let lpad = match f.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(cap_hint(body.len() as i64 + (total - len)));
    push_fill(&mut out, f.fill, lpad);
    out.push_str(body);
    push_fill(&mut out, f.fill, rpad);
    Ok(out)
}

impl PyFormat for i64 {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        if spec.is_empty() {
            return Ok(self.to_string());
        }
        format_int_spec(*self, spec, "int", line)
    }
    fn py_format_into(&self, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
        if let Some((zero, width)) = simple_int_spec(spec) {
            push_int_padded(out, *self, zero, width);
            return Ok(());
        }
        out.push_str(&format_int_spec(*self, spec, "int", line)?);
        Ok(())
    }
}

impl PyFormat for bool {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        if spec.is_empty() {
            return Ok(if *self { "True" } else { "False" }.to_string());
        }
        format_int_spec(*self as i64, spec, "bool", line)
    }
}

impl PyFormat for f64 {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        format_float_spec(*self, spec, line)
    }
    fn py_format_into(&self, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
        if spec.is_empty() {
            push_float_repr(out, *self);
            return Ok(());
        }
        let f = parse_spec(spec, '>', '\0', "float", line)?;
        match f.ty {
            '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {}
            t => return Err(unknown_code(t, "float", line)),
        }
        format_float_with(out, *self, &f, line)
    }
}

impl PyFormat for String {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        format_str_spec(self, spec, line)
    }
    fn py_format_into(&self, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
        format_str_into(self, spec, out, line)
    }
}

impl PyFormat for str {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        format_str_spec(self, spec, line)
    }
    fn py_format_into(&self, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
        format_str_into(self, spec, out, line)
    }
}

impl<T: PyFormat + ?Sized> PyFormat for &T {
    fn py_format(&self, spec: &str, line: u32) -> PyResult<String> {
        (**self).py_format(spec, line)
    }
    #[cfg_attr(not(portalis_dev), inline)]
    fn py_format_into(&self, spec: &str, out: &mut String, line: u32) -> PyResult<()> {
        (**self).py_format_into(spec, out, line)
    }
}

/// format(None/list/tuple/..., spec): object.__format__ — only the empty spec is allowed.
pub fn format_object_str(text: &str, type_name: &str, spec: &str, line: u32) -> PyResult<String> {
    if spec.is_empty() {
        Ok(text.to_string())
    } else {
        Err(PyErr::new(
            &TYPE_ERROR,
            format!(
                "unsupported format string passed to {}.__format__",
                type_name
            ),
            line,
        ))
    }
}

/// `format(obj, spec)` of a type without its own `__format__` (list, tuple, dict, set, None):
/// CPython's `object.__format__` accepts only an empty spec.
#[cold]
pub fn object_format_check(spec: &str, type_name: &str, line: u32) -> PyResult<()> {
    if spec.is_empty() {
        return Ok(());
    }
    Err(PyErr::new(
        &TYPE_ERROR,
        format!("unsupported format string passed to {}.__format__", type_name),
        line,
    ))
}
