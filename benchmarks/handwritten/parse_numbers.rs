// idiomatic Rust version of benchmarks/kernels/parse_numbers.py
use std::collections::HashMap;
use std::fmt::Write;
fn make_text(n: i64) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut x: i64 = 99991;
    for i in 0..n {
        x = (x * 1103515245 + 12345) % 2147483648;
        let temp = (x % 8000 - 2000) as f64 / 100.0;
        let mut s = String::new();
        write!(s, "id={};temp={:?};count={};label=s{}", i, temp, x % 1000, x % 13).unwrap();
        lines.push(s);
    }
    lines.join("\n")
}
fn main() {
    let text = make_text(1500000);
    let mut temp_sum = 0.0;
    let mut count_sum: i64 = 0;
    let mut hottest = -1000.0f64;
    let mut labels: HashMap<String, i64> = HashMap::new();
    for line in text.lines() {
        let mut rec: HashMap<&str, &str> = HashMap::new();
        for field in line.split(';') {
            let (k, v) = field.split_once('=').unwrap();
            rec.insert(k, v);
        }
        let t: f64 = rec["temp"].parse().unwrap();
        temp_sum += t;
        if t > hottest { hottest = t; }
        count_sum += rec["count"].parse::<i64>().unwrap();
        *labels.entry(rec["label"].to_string()).or_insert(0) += 1;
    }
    let mut l: Vec<_> = labels.into_iter().collect();
    l.sort();
    println!("mean temp {:.3} hottest {} counts {}", temp_sum / text.lines().count() as f64, hottest, count_sum);
    println!("{:?}", &l[..4]);
}
