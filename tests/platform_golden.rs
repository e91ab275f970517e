//! Runs the hand-worked platform-target suite (tests/platform-cases, RUBRIC.md §10) through
//! `platform_targets` and its JSON face.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use coop_engine::{builtin, platform, Locale};
use serde_json::Value;
use std::path::Path;

fn suite() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/platform-cases/targets.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("targets.json")).expect("JSON")
}

/// Every mismatch between a case's `expect` and the result (the format is in
/// tests/platform-cases/README.md).
pub fn check(case: &Value, actual: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let same = |a: &Value, b: &Value| a == b || (a.as_f64().is_some() && a.as_f64() == b.as_f64());
    let want = case["expect"]["departments"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let got = actual["departments"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if want.len() != got.len() {
        wrong.push(format!(
            "{} departments, expected {}",
            got.len(),
            want.len()
        ));
    }
    for (i, (want, got)) in want.iter().zip(&got).enumerate() {
        if want["department"] != got["department"] {
            wrong.push(format!(
                "departments[{i}]: {} ≠ {}",
                got["department"], want["department"]
            ));
        }
        if let Some(errors) = want["errors"].as_array() {
            let key = |e: &Value| {
                format!(
                    "{} {}",
                    e["path"].as_str().unwrap_or(""),
                    e["code"].as_str().unwrap_or("")
                )
            };
            let mut w: Vec<String> = errors.iter().map(key).collect();
            let mut g: Vec<String> = got["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .map(key)
                .collect();
            w.sort();
            g.sort();
            if got["ok"] != Value::Bool(false) || w != g {
                wrong.push(format!("departments[{i}]: errors {g:?}, expected {w:?}"));
            }
            continue;
        }
        if got["ok"] != Value::Bool(true) {
            wrong.push(format!("departments[{i}]: not ok: {got}"));
            continue;
        }
        let rows = got["targets"].as_array().cloned().unwrap_or_default();
        if rows.len() != 8 {
            wrong.push(format!(
                "departments[{i}]: {} targets, expected 8",
                rows.len()
            ));
        }
        for (id, w) in want["targets"].as_object().into_iter().flatten() {
            let Some(row) = rows.iter().find(|r| r["id"] == id.as_str()) else {
                wrong.push(format!("departments[{i}]: no target {id}"));
                continue;
            };
            for field in ["actual", "met"] {
                if !same(&w[field], &row[field]) {
                    wrong.push(format!(
                        "departments[{i}].{id}.{field}: {} ≠ expected {}",
                        row[field], w[field]
                    ));
                }
            }
            if row["note"].as_str().is_none_or(str::is_empty)
                || row["name"].as_str().is_none_or(str::is_empty)
            {
                wrong.push(format!("departments[{i}].{id}: no name or note"));
            }
        }
    }
    let college = actual["college"].as_array().cloned().unwrap_or_default();
    if college.len() != 8 {
        wrong.push(format!("{} college rows, expected 8", college.len()));
    }
    for (id, w) in case["expect"]["college"].as_object().into_iter().flatten() {
        let Some(row) = college.iter().find(|r| r["id"] == id.as_str()) else {
            wrong.push(format!("college: no {id}"));
            continue;
        };
        for field in ["actual", "departments_met", "departments_reported"] {
            if !same(&w[field], &row[field]) {
                wrong.push(format!(
                    "college.{id}.{field}: {} ≠ expected {}",
                    row[field], w[field]
                ));
            }
        }
    }
    wrong
}

#[test]
fn golden_platform_targets() {
    let suite = suite();
    let mut failures = Vec::new();
    let mut count = 0;
    for case in suite["cases"].as_array().expect("cases") {
        count += 1;
        for key in case.as_object().into_iter().flat_map(|o| o.keys()) {
            assert!(
                ["description", "departments", "expect"].contains(&key.as_str()),
                "unknown key {key}"
            );
        }
        for key in case["expect"]
            .as_object()
            .into_iter()
            .flat_map(|o| o.keys())
        {
            assert!(
                ["departments", "college"].contains(&key.as_str()),
                "unknown key expect.{key}"
            );
        }
        let list: Vec<Value> = case["departments"]
            .as_array()
            .expect("departments")
            .iter()
            .map(common::case_facts)
            .collect();
        let result = platform::platform_targets(builtin(), &list);
        let actual = platform::platform_json(&result);
        for problem in check(case, &actual) {
            failures.push(format!(
                "{}: {problem}",
                case["description"].as_str().unwrap_or("?")
            ));
        }
    }
    assert!(count >= 10, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_names_and_notes_and_the_field_order() {
    let facts =
        common::case_facts(&serde_json::json!({"patch": {"platform": {"committee": "否"}}}));
    let result = platform::platform_targets_in(builtin(), &[facts], Locale::En);
    let json = platform::platform_json(&result);
    let committee = &json["departments"][0]["targets"][4];
    assert_eq!(committee["id"], "committee");
    assert_eq!(committee["name"], "specialty building committee");
    assert_eq!(committee["note"], "no, target yes: not met");
    // The documented field order (serde_json's `Value` sorts keys, so read the text).
    let text = serde_json::to_string(&platform::PlatformOut::new(&result)).unwrap();
    assert!(
        text.contains(r#"{"id":"committee","name":"specialty building committee","actual":0,"target":1,"met":false,"note":"#),
        "{text}"
    );
    assert!(
        text.contains(r#""departments_met":0,"departments_reported":1}"#),
        "{text}"
    );
    let zh = platform::platform_json(&platform::platform_targets(
        builtin(),
        &[common::case_facts(&serde_json::json!({}))],
    ));
    assert_eq!(
        zh["departments"][0]["targets"][6]["note"],
        "未填报（employment.employed）"
    );
}
