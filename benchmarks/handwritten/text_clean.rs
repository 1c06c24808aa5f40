// idiomatic Rust version of benchmarks/kernels/text_clean.py
const FIRST: [&str; 10] = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];
const LAST: [&str; 8] = ["smith", "jones", "brown", "taylor", "wilson", "davies", "evans", "thomas"];
const CITIES: [&str; 7] = ["london", "paris", "new york", "berlin", "san francisco", "tokyo", "rome"];
fn make_lines(n: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut x: i64 = 7;
    for _ in 0..n {
        x = (x * 1103515245 + 12345) % 2147483648;
        let first = FIRST[(x % 10) as usize];
        let last = LAST[((x / 16) % 8) as usize];
        let city = CITIES[((x / 256) % 7) as usize];
        let amount = (x / 4096) % 100000;
        let pad = " ".repeat((x % 3) as usize);
        lines.push(format!("{pad}{first} {last} ,{pad} {city}, {}.{:02} ;ok", amount / 100, amount % 100));
    }
    lines
}
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_alpha = false;
    for c in s.chars() {
        if prev_alpha { out.extend(c.to_lowercase()) } else { out.extend(c.to_uppercase()) }
        prev_alpha = c.is_alphabetic();
    }
    out
}
fn clean(line: &str) -> String {
    let body = line.trim().replace(";ok", "");
    let fields: Vec<&str> = body.split(',').map(|f| f.trim()).collect();
    let name = title(fields[0]);
    let city = fields[1].to_uppercase().replace(' ', "_");
    let amount = fields[2];
    [format!("{:<16}", name), city, format!("{:>8}", amount)].join(" | ")
}
fn main() {
    let lines = make_lines(1500000);
    let mut out: Vec<String> = Vec::new();
    let mut total = 0;
    let mut longest = String::new();
    for line in &lines {
        let c = clean(line);
        total += c.chars().count();
        if c.chars().count() > longest.chars().count() { longest = c.clone(); }
        out.push(c);
    }
    let text = out.join("\n");
    println!("{} lines, {} chars, {} in London", out.len(), total, text.matches("LONDON").count());
    println!("first: {:?}", out[0]);
    println!("longest: {:?}", longest);
}
