//! Helpers shared by the Rust test files: loading the golden suites and applying patches.
#![allow(dead_code)]

mod patch;

pub use patch::merge_patch;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

pub fn load(name: &str) -> Value {
    let path = cases_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The department suites: every `*.json` under tests/cases except the base facts and weighting.
pub fn department_suites() -> Vec<(String, Value)> {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("tests/cases")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "base-facts.json" && n != "weighting.json")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let v = load(&n);
            (n, v)
        })
        .collect()
}

/// The facts of a case: `facts` as given, or `patch` applied to base-facts.json.
pub fn case_facts(case: &Value) -> Value {
    if let Some(facts) = case.get("facts") {
        return facts.clone();
    }
    let mut facts = load("base-facts.json");
    if let Some(patch) = case.get("patch") {
        merge_patch(&mut facts, patch);
    }
    facts
}
