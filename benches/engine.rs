//! Prints how long the engine takes natively (a benchmark, not a timed test):
//! `cargo bench --bench engine`. `node scripts/bench-wasm.mjs` runs this and prints the Wasm
//! figures (through the JavaScript face) beside these.

use coop_engine::{builtin, score_department, score_line, weighted_score};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

fn median_nanos(runs: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..runs / 10 {
        f();
    }
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_nanos() as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[runs / 2]
}

fn main() {
    let facts: Value =
        serde_json::from_str(include_str!("../examples/department.json")).expect("example");
    let rubric = builtin();
    let department = median_nanos(20_000, || {
        black_box(score_department(rubric, black_box(&facts)).is_ok());
    });
    let interns = json!({"internship": {"local": 114, "total": 200}});
    let line = median_nanos(100_000, || {
        black_box(score_line(rubric, "C5", black_box(&interns)).is_ok());
    });
    let (s1, s2) = (json!(87), json!(91.5));
    let weighted = median_nanos(200_000, || {
        black_box(weighted_score(rubric, black_box(&s1), black_box(&s2)).is_ok());
    });
    // One line per figure, `native <name>: median <µs> µs`, read by scripts/bench-wasm.mjs.
    println!(
        "native  scoreDepartment: median {:.2} µs",
        department / 1000.0
    );
    println!("native  scoreLine: median {:.2} µs", line / 1000.0);
    println!("native  weightedScore: median {:.3} µs", weighted / 1000.0);
}
