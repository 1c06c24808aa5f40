// idiomatic Rust version of benchmarks/kernels/wordcount.py
use std::collections::HashMap;
const WORDS: [&str; 20] = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon"];
fn generate(n: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut x: i64 = 12345;
    for _ in 0..n {
        x = (x * 1103515245 + 12345) % 2147483648;
        let w = WORDS[(x % 20) as usize];
        out.push(if x % 3 == 0 { format!("{}{}", w, x % 37) } else { w.to_string() });
    }
    out.join(" ")
}
fn count_words(text: &str) -> HashMap<&str, i64> {
    let mut counts = HashMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}
fn main() {
    let text = generate(7000000);
    let counts = count_words(&text);
    let mut items: Vec<(&str, i64)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    items.sort_by_key(|&(w, c)| (-c, w));
    println!("distinct {} top {:?}", counts.len(), &items[..5]);
}
