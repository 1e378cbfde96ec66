//! Times opening a bundle: `cargo run --release -p adcredit-search --example open_bundle -- index/adcredit.bundle`.
#![allow(clippy::print_stdout)]
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "index/adcredit.bundle".into());
    let bytes = std::fs::read(&path).expect("read the bundle");
    for _ in 0..20 {
        let t = std::time::Instant::now();
        let s = adcredit_search::Searcher::from_bundle(&bytes).expect("open");
        println!("open {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
        drop(s);
    }
}
