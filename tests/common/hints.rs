//! Comparing a line's hints with a golden case's `expect.items.<id>.hints`, shared by the
//! native and the Wasm test runners.

use serde_json::Value;

/// Every difference between a line's expected `hints` (each `{path, current, needed, gain}`,
/// and `text` when given) and the hints it got, in order.
pub fn hint_mismatches(id: &str, want: &Value, got: &Value) -> Vec<String> {
    let (Some(want), Some(got)) = (want.as_array(), got.as_array()) else {
        return vec![format!("{id}.hints: expected {want}, got {got}")];
    };
    let mut wrong = Vec::new();
    if want.len() != got.len() {
        wrong.push(format!(
            "{id}.hints: expected {} hints, got {}: {}",
            want.len(),
            got.len(),
            Value::from(got.clone())
        ));
    }
    for (i, (w, g)) in want.iter().zip(got).enumerate() {
        let same_gain = w["gain"].as_f64().is_some() && w["gain"].as_f64() == g["gain"].as_f64();
        let same_text = w.get("text").is_none_or(|t| *t == g["text"]);
        let same = ["path", "current", "needed"].iter().all(|k| w[*k] == g[*k]);
        if !(same && same_gain && same_text) {
            wrong.push(format!("{id}.hints[{i}]: expected {w}, got {g}"));
        }
        if g["text"].as_str().is_none_or(str::is_empty) {
            wrong.push(format!("{id}.hints[{i}]: no text"));
        }
    }
    wrong
}
