//! Helpers shared by the Rust test files: loading the golden suites and applying patches.
#![allow(dead_code)]

pub mod hints;
mod patch;

pub use patch::{merge_patch, patch_rubric};
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

/// Every `*.json` of `dir` except `skip`, sorted by name, parsed: the suites of one format.
pub fn suites_in(dir: &Path, skip: &[&str]) -> Vec<(String, Value)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !skip.contains(&n.as_str()))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let path = dir.join(&n);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (n, value)
        })
        .collect()
}

/// The department suites: every `*.json` under tests/cases except the base facts and weighting.
pub fn department_suites() -> Vec<(String, Value)> {
    suites_in(&cases_dir(), &["base-facts.json", "weighting.json"])
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

/// The suites whose cases carry a `rubric_patch` (tests/cases/options/). They live apart so
/// that runners which score with the built-in rubric only never read them.
pub fn option_suites() -> Vec<(String, Value)> {
    suites_in(&cases_dir().join("options"), &[])
}

/// The built-in rubric as JSON with the case's `rubric_patch` applied (or `None` without one).
pub fn case_rubric(case: &Value) -> Option<Value> {
    let patch = case.get("rubric_patch")?;
    let mut rubric: Value =
        serde_json::from_str(coop_engine::rubric::TRIAL_2023).expect("built-in rubric");
    patch_rubric(&mut rubric, patch);
    Some(rubric)
}

/// The keys a case and its `expect` may have: anything else is a typo that would make a
/// check silently not happen.
pub fn unknown_keys(case: &Value) -> Vec<String> {
    let allowed_case = ["description", "patch", "facts", "rubric_patch", "expect"];
    let allowed_expect = [
        "ok",
        "items",
        "total",
        "deduction_total",
        "bonus_total",
        "categories",
        "errors",
        "warnings",
        "notes",
    ];
    let allowed_item = ["base", "deduction", "bonus", "score", "hints"];
    let allowed_hint = ["path", "current", "needed", "gain", "text"];
    let mut unknown = Vec::new();
    for (id, item) in case["expect"]["items"].as_object().into_iter().flatten() {
        for key in item.as_object().into_iter().flat_map(|o| o.keys()) {
            if !allowed_item.contains(&key.as_str()) {
                unknown.push(format!("expect.items.{id}.{key}"));
            }
        }
        for hint in item["hints"].as_array().into_iter().flatten() {
            for key in hint.as_object().into_iter().flat_map(|o| o.keys()) {
                if !allowed_hint.contains(&key.as_str()) {
                    unknown.push(format!("expect.items.{id}.hints[].{key}"));
                }
            }
        }
    }
    for key in case.as_object().into_iter().flat_map(|o| o.keys()) {
        if !allowed_case.contains(&key.as_str()) {
            unknown.push(key.clone());
        }
    }
    for key in case["expect"]
        .as_object()
        .into_iter()
        .flat_map(|o| o.keys())
    {
        if !allowed_expect.contains(&key.as_str()) {
            unknown.push(format!("expect.{key}"));
        }
    }
    unknown
}
