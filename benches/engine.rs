//! Prints how long the engine takes natively (a benchmark, not a timed test):
//! `cargo bench --bench engine`. The Wasm figures come from `node scripts/bench-wasm.mjs`.

use coop_engine::{builtin, score_department, weighted_score};
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
    let (s1, s2) = (json!(87), json!(91.5));
    let weighted = median_nanos(200_000, || {
        black_box(weighted_score(rubric, black_box(&s1), black_box(&s2)).is_ok());
    });
    println!(
        "native  scoreDepartment (RUBRIC.md §3 example): median {:.1} µs",
        department / 1000.0
    );
    println!(
        "native  weightedScore (87, 91.5):               median {:.0} ns",
        weighted
    );
}
