// Oracle driver for the big-int part of the runtime (tests/runtime/test_bigint.py): reads
// `kind\targ\t...` lines (ints in decimal, floats as 16 hex digits of their bits, text
// hex-encoded UTF-8) and prints `OK\t<hex utf-8 of result>` or `ERR\t<Name>\t<hex of str(e)>`.
// Built against the assembled runtime (codegen.emit.runtime_text()) written next to it as pyrt.rs.
#[macro_use]
mod pyrt;
use pyrt::*;
use std::io::{BufRead, Write};

fn unhex(s: &str) -> String {
    let b: Vec<u8> = (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect();
    String::from_utf8(b).unwrap()
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{:02x}", b)).collect()
}

fn fl(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

/// Decimal, or `x` + hex for values whose decimal text CPython refuses (> 4300 digits).
fn int(s: &str) -> Int {
    match s.strip_prefix('x') {
        Some(h) => bi_parse(h, 16, 1).unwrap(),
        None => bi_parse(s, 10, 1).unwrap(),
    }
}

fn s(v: &Int) -> PyResult<String> {
    bi_str(v, 1)
}

fn run(a: &[&str]) -> PyResult<String> {
    Ok(match a[0] {
        "op" => {
            let (x, y) = (int(a[2]), int(a[3]));
            match a[1] {
                "add" => s(&bi_add(&x, &y))?,
                "sub" => s(&bi_sub(&x, &y))?,
                "mul" => s(&bi_mul(&x, &y))?,
                "floordiv" => s(&bi_floordiv(&x, &y, 1)?)?,
                "mod" => s(&bi_mod(&x, &y, 1)?)?,
                "divmod" => {
                    let (q, r) = bi_divmod(&x, &y, 1)?;
                    format!("({}, {})", s(&q)?, s(&r)?)
                }
                "pow" => s(&bi_pow(&x, &y, 1)?)?,
                "lshift" => s(&bi_lshift(&x, &y, 1)?)?,
                "rshift" => s(&bi_rshift(&x, &y, 1)?)?,
                "and" => s(&bi_and(&x, &y))?,
                "or" => s(&bi_or(&x, &y))?,
                "xor" => s(&bi_xor(&x, &y))?,
                "truediv" => float_repr(bi_truediv(&x, &y, 1)?),
                "cmp" => format!("{:?}", x.cmp(&y)),
                "eq" => format!("{}", x == y),
                "gcd" => s(&bi_gcd(&x, &y))?,
                "lcm" => s(&bi_lcm(&x, &y, 1)?)?,
                "comb" => s(&bi_comb(&x, &y, 1)?)?,
                "round" => s(&bi_round_ndigits(&x, &y, 1)?)?,
                _ => panic!("bad op {}", a[1]),
            }
        }
        "un" => {
            let x = int(a[2]);
            match a[1] {
                "neg" => s(&bi_neg(&x))?,
                "abs" => s(&bi_abs(&x))?,
                "invert" => s(&bi_invert(&x))?,
                "float" => float_repr(bi_to_f64(&x, 1)?),
                "str" => bi_str(&x, 1)?,
                "repr" => py_repr(&x),
                "hex" => bi_radix_str(&x, 16),
                "oct" => bi_radix_str(&x, 8),
                "bin" => bi_radix_str(&x, 2),
                "factorial" => s(&bi_factorial(&x, 1)?)?,
                "isqrt" => s(&bi_isqrt(&x, 1)?)?,
                "log" => float_repr(bi_math_log(&x, 1)?),
                "log2" => float_repr(bi_math_log2(&x, 1)?),
                "log10" => float_repr(bi_math_log10(&x, 1)?),
                "index" => format!("{}", bi_index(&x, 1)?),
                "size" => format!("{}", bi_size(&x, 1)?),
                _ => panic!("bad un {}", a[1]),
            }
        }
        "powmod" => s(&bi_pow_mod(&int(a[1]), &int(a[2]), &int(a[3]), 1)?)?,
        "fmt" => int(a[1]).py_format(&unhex(a[2]), 1)?,
        "parse" => s(&bi_parse(&unhex(a[1]), a[2].parse().unwrap(), 1)?)?,
        "from_float" => s(&bi_from_f64(fl(a[1]), 1)?)?,
        "floor" => s(&bi_math_floor(fl(a[1]), 1)?)?,
        "ceil" => s(&bi_math_ceil(fl(a[1]), 1)?)?,
        "round_float" => s(&bi_round_half_even(fl(a[1]), 1)?)?,
        "cmp_float" => {
            let (x, f) = (int(a[1]), fl(a[2]));
            format!(
                "{} {} {} {} {}",
                bi_cmp_float_lt(&x, f),
                bi_cmp_float_le(&x, f),
                bi_cmp_float_eq(&x, f),
                bi_cmp_float_ge(&x, f),
                bi_cmp_float_gt(&x, f)
            )
        }
        "digits" => {
            let x = int(a[1]);
            match check_digits(x, 1) {
                Ok(_) => "ok".to_string(),
                Err(e) => return Err(e),
            }
        }
        k => panic!("bad kind {}", k),
    })
}

fn main() {
    let stdin = std::io::stdin();
    let mut out = String::new();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        if line.is_empty() {
            continue;
        }
        let a: Vec<&str> = line.split('\t').collect();
        match run(&a) {
            Ok(v) => out.push_str(&format!("OK\t{}\n", hex(&v))),
            Err(e) => out.push_str(&format!("ERR\t{}\t{}\n", e.class_name(), hex(&e.py_str()))),
        }
    }
    std::io::stdout().write_all(out.as_bytes()).unwrap();
}
