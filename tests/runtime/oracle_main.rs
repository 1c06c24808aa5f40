// Oracle driver for tests/runtime/test_pyrt.py: reads `kind\targ\targ...` lines on stdin
// (string arguments hex-encoded UTF-8, floats as 16 hex digits of their bits) and prints one
// line per case: `OK\t<hex utf-8 of result>` or `ERR\t<ExceptionName>\t<hex utf-8 of str(e)>`.
#[path = "pyrt.rs"] // the runtime as crates get it, written beside this file by the test
#[macro_use]
mod pyrt;
use pyrt::*;
use std::io::{BufRead, Write};

fn unhex(s: &str) -> String {
    let b: Vec<u8> = (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    String::from_utf8(b).unwrap()
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{:02x}", b)).collect()
}

fn fl(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn int(s: &str) -> i64 {
    s.parse().unwrap()
}

fn opt_int(s: &str) -> Option<i64> {
    if s == "None" {
        None
    } else {
        Some(int(s))
    }
}

fn opt_str(s: &str) -> Option<String> {
    if s == "None" {
        None
    } else {
        Some(unhex(s))
    }
}

fn into(f: impl FnOnce(&mut String) -> PyResult<()>) -> PyResult<String> {
    let mut o = String::from("|");
    f(&mut o)?;
    Ok(o[1..].to_string())
}

fn run(a: &[&str]) -> PyResult<String> {
    let k = a[0];
    Ok(match k {
        "float_repr" => float_repr(fl(a[1])),
        "fmt_float" => fl(a[1]).py_format(&unhex(a[2]), 1)?,
        "fmt_int" => int(a[1]).py_format(&unhex(a[2]), 1)?,
        "fmt_bool" => (a[1] == "1").py_format(&unhex(a[2]), 1)?,
        "fmt_str" => unhex(a[1]).py_format(&unhex(a[2]), 1)?,
        // py_format_into: what f-strings use, appended to a buffer that already holds text
        "fmt_float_into" => into(|o| fl(a[1]).py_format_into(&unhex(a[2]), o, 1))?,
        "fmt_int_into" => into(|o| int(a[1]).py_format_into(&unhex(a[2]), o, 1))?,
        "fmt_str_into" => into(|o| Str::from(unhex(a[1])).py_format_into(&unhex(a[2]), o, 1))?,
        "str_repr" => str_repr(&unhex(a[1])),
        "round" => py_str(&round_half_even(fl(a[1]), 1)?),
        "round_nd" => float_repr(round_ndigits_checked(fl(a[1]), int(a[2]), 1)?),
        "round_int_nd" => py_str(&round_int_ndigits(int(a[1]), int(a[2]), 1)?),
        "int_op" => {
            let (x, y) = (int(a[2]), int(a[3]));
            match a[1] {
                "add" => py_str(&int_add(x, y, 1)?),
                "sub" => py_str(&int_sub(x, y, 1)?),
                "mul" => py_str(&int_mul(x, y, 1)?),
                "floordiv" => py_str(&int_floordiv(x, y, 1)?),
                "mod" => py_str(&int_mod(x, y, 1)?),
                "pow" => py_str(&int_pow(x, y, 1)?),
                "truediv" => py_str(&int_truediv(x, y, 1)?),
                "lshift" => py_str(&int_lshift(x, y, 1)?),
                "rshift" => py_str(&int_rshift(x, y, 1)?),
                "divmod" => py_str(&int_divmod(x, y, 1)?),
                _ => panic!("bad op"),
            }
        }
        "float_op" => {
            let (x, y) = (fl(a[2]), fl(a[3]));
            match a[1] {
                "truediv" => py_str(&float_div(x, y, 1)?),
                "floordiv" => py_str(&float_floordiv(x, y, 1)?),
                "mod" => py_str(&float_mod(x, y, 1)?),
                "divmod" => py_str(&float_divmod(x, y, 1)?),
                "pow" => py_str(&float_pow(x, y, 1)?),
                _ => panic!("bad op"),
            }
        }
        "cmp_if" => {
            let (i, f) = (int(a[1]), fl(a[2]));
            format!(
                "{}{}{}{}{}",
                cmp_int_float_lt(i, f) as u8,
                cmp_int_float_le(i, f) as u8,
                cmp_int_float_gt(i, f) as u8,
                cmp_int_float_ge(i, f) as u8,
                cmp_int_float_eq(i, f) as u8
            )
        }
        "float_to_int" => py_str(&float_to_int(fl(a[1]), 1)?),
        "parse_int" => py_str(&parse_int(&unhex(a[1]), 1)?),
        "parse_float" => float_repr(parse_float(&unhex(a[1]), 1)?),
        "split" => py_repr(&str_split(&unhex(a[1]), opt_str(a[2]).as_deref(), int(a[3]), 1)?),
        "rsplit" => py_repr(&str_rsplit(&unhex(a[1]), opt_str(a[2]).as_deref(), int(a[3]), 1)?),
        "splitlines" => py_repr(&str_splitlines(&unhex(a[1]))),
        "split_count" => py_str(&str_split_count(&unhex(a[1]), opt_str(a[2]).as_deref(), int(a[3]), 1)?),
        "splitlines_count" => py_str(&str_splitlines_count(&unhex(a[1]))),
        "strip" => String::from(str_strip(&unhex(a[1]), opt_str(a[2]).as_deref())),
        "lstrip" => String::from(str_lstrip(&unhex(a[1]), opt_str(a[2]).as_deref())),
        "rstrip" => String::from(str_rstrip(&unhex(a[1]), opt_str(a[2]).as_deref())),
        "upper" => String::from(str_upper(&unhex(a[1]))),
        "lower" => String::from(str_lower(&unhex(a[1]))),
        "title" => String::from(str_title(&unhex(a[1]))),
        "capitalize" => String::from(str_capitalize(&unhex(a[1]))),
        "swapcase" => String::from(str_swapcase(&unhex(a[1]))),
        "casefold" => String::from(str_casefold(&unhex(a[1]))),
        "expandtabs" => String::from(str_expandtabs(&unhex(a[1]), int(a[2]), 1)?),
        "removeprefix" => String::from(str_removeprefix(&unhex(a[1]), &unhex(a[2]))),
        "removesuffix" => String::from(str_removesuffix(&unhex(a[1]), &unhex(a[2]))),
        "isascii_printable" => format!("{}{}", str_isascii(&unhex(a[1])) as u8, str_isprintable(&unhex(a[1])) as u8),
        "ascii" => String::from(py_ascii(&unhex(a[1]))),
        "zfill" => String::from(str_zfill(&unhex(a[1]), int(a[2]))),
        "center" => String::from(str_center(&unhex(a[1]), int(a[2]), &unhex(a[3]), 1)?),
        "ljust" => String::from(str_ljust(&unhex(a[1]), int(a[2]), &unhex(a[3]), 1)?),
        "rjust" => String::from(str_rjust(&unhex(a[1]), int(a[2]), &unhex(a[3]), 1)?),
        "find" => py_str(&str_find(&unhex(a[1]), &unhex(a[2]))),
        "rfind" => py_str(&str_rfind(&unhex(a[1]), &unhex(a[2]))),
        "count" => py_str(&str_count(&unhex(a[1]), &unhex(a[2]))),
        "contains" => py_str(&str_contains(&unhex(a[1]), &unhex(a[2]))),
        "index_of" => py_str(&str_index_of(&unhex(a[1]), &unhex(a[2]), 1)?),
        "find_in" => py_str(&str_find_in(&unhex(a[1]), &unhex(a[2]), opt_int(a[3]), opt_int(a[4]))),
        "replace" => String::from(str_replace(&unhex(a[1]), &unhex(a[2]), &unhex(a[3]), int(a[4]))),
        // the same on a `Str` (inline texts take the in-register paths), and on a strip view of
        // one (`s.strip().replace(...)`: the text a part of its owner's)
        "replace_str" => String::from(str_replace(&Str::from(unhex(a[1])), &unhex(a[2]), &unhex(a[3]), int(a[4]))),
        "strip_view_replace" => {
            let s = Str::from(unhex(a[1]));
            String::from(str_replace(&str_strip_view(&s, int(a[2]) as u8, opt_str(a[3]).as_deref()), &unhex(a[4]), &unhex(a[5]), -1))
        }
        "strip_view_split" => {
            let s = Str::from(unhex(a[1]));
            py_repr(&str_split(&str_strip_view(&s, int(a[2]) as u8, opt_str(a[3]).as_deref()), opt_str(a[4]).as_deref(), -1, 1)?)
        }
        "strip_view_strip" => {
            let s = Str::from(unhex(a[1]));
            String::from(str_strip(&str_strip_view(&s, int(a[2]) as u8, opt_str(a[3]).as_deref()), None))
        }
        "partition" => py_repr(&str_partition(&unhex(a[1]), &unhex(a[2]), 1)?),
        "rpartition" => py_repr(&str_rpartition(&unhex(a[1]), &unhex(a[2]), 1)?),
        "isfns" => {
            let s = unhex(a[1]);
            let fs: [fn(&str) -> bool; 9] = [
                str_isdigit,
                str_isalpha,
                str_isalnum,
                str_isspace,
                str_isupper,
                str_islower,
                str_isdecimal,
                str_isnumeric,
                str_istitle,
            ];
            fs.iter().map(|f| if f(&s) { '1' } else { '0' }).collect()
        }
        "charfns" => {
            // the one-character forms (rt::char_is*) in the order of "isfns"; istitle has none
            let c = unhex(a[1]).chars().next().unwrap();
            let fs: [fn(char) -> bool; 8] = [
                char_isdigit,
                char_isalpha,
                char_isalnum,
                char_isspace,
                char_isupper,
                char_islower,
                char_isdecimal,
                char_isnumeric,
            ];
            fs.iter().map(|f| if f(c) { '1' } else { '0' }).collect()
        }
        "str_cmp" => {
            // the comparison operators of two strs, `==` through the free function too, and
            // whether equal strs hash alike
            let (x, y) = (Str::from(unhex(a[1])), Str::from(unhex(a[2])));
            let c = |b: bool| if b { '1' } else { '0' };
            let hashes = x != y || hash_of(&x) == hash_of(&y);
            [x < y, x <= y, x == y, x != y, x > y, x >= y, str_eq(&x, &y), hashes].iter().map(|&b| c(b)).collect()
        }
        "str_of_int" => String::from(&*Str::from_i64(int(a[1]))) + " " + &py_str(&int(a[1])),
        "len" => py_str(&str_len(&unhex(a[1]))),
        "index" => String::from(str_index(&unhex(a[1]), int(a[2]), 1)?),
        "slice" => String::from(str_slice(&unhex(a[1]), opt_int(a[2]), opt_int(a[3]), opt_int(a[4]), 1)?),
        "slice_hint" => {
            // the emitter's form (the text's ASCII flag passed in; step 1 of ASCII text in line)
            let s = Str::from(unhex(a[1]));
            String::from(str_slice_hint(&s, s.is_ascii(), opt_int(a[2]), opt_int(a[3]), opt_int(a[4]), 1)?)
        }
        "list_slice" => {
            let s = unhex(a[1]);
            let l = PyList::from_vec(str_chars(&s));
            py_repr(&l.slice(opt_int(a[2]), opt_int(a[3]), opt_int(a[4]), 1)?)
        }
        "math" => {
            let x = fl(a[2]);
            match a[1] {
                "sqrt" => py_str(&math_sqrt(x, 1)?),
                "log" => py_str(&math_log(x, 1)?),
                "log10" => py_str(&math_log10(x, 1)?),
                "log2" => py_str(&math_log2(x, 1)?),
                "exp" => py_str(&math_exp(x, 1)?),
                "floor" => py_str(&math_floor(x, 1)?),
                "ceil" => py_str(&math_ceil(x, 1)?),
                "pow" => py_str(&math_pow(x, fl(a[3]), 1)?),
                "log_base" => py_str(&math_log_base(x, fl(a[3]), 1)?),
                _ => panic!("bad math"),
            }
        }
        _ => panic!("unknown kind {}", k),
    })
}

fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let parts: Vec<&str> = line.split('\t').collect();
        match run(&parts) {
            Ok(s) => writeln!(out, "OK\t{}", hex(&s)).unwrap(),
            Err(e) => writeln!(out, "ERR\t{}\t{}", e.class_name(), hex(&e.py_str())).unwrap(),
        }
    }
}
