//! Runs the hand-worked golden suites of tests/ledger-cases (RUBRIC.md §7, §8) through the
//! ledger and calendar module. The format is described in tests/ledger-cases/README.md.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use coop_engine::calendar::{self, CalendarOptions};
use coop_engine::ledger::{self, GivenFields, LedgerOptions, YearOptions};
use coop_engine::Locale;
use serde_json::{json, Value};
use std::path::Path;

const DEFAULT_MAJORS: [&str; 3] = ["机电一体化技术", "工业机器人技术", "电气自动化技术"];

fn suites() -> Vec<(String, Value)> {
    common::suites_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ledger-cases"),
        &[],
    )
}

/// `path code` keys, sorted, for comparing lists in any order.
fn keys(list: &[(String, String)]) -> Vec<String> {
    let mut keys: Vec<String> = list.iter().map(|(p, c)| format!("{p} {c}")).collect();
    keys.sort();
    keys
}

fn expected_keys(list: &Value) -> Vec<String> {
    let mut keys: Vec<String> = list
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            format!(
                "{} {}",
                e["path"].as_str().unwrap_or(""),
                e["code"].as_str().unwrap_or("")
            )
        })
        .collect();
    keys.sort();
    keys
}

fn date_json(date: Option<ledger::Date>) -> Value {
    date.map_or(Value::Null, |d| Value::String(d.iso()))
}

fn check_case(case: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let majors: Vec<String> = match case.get("majors") {
        Some(list) => list
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| m.as_str().unwrap_or("").to_string())
            .collect(),
        None => DEFAULT_MAJORS.iter().map(|s| s.to_string()).collect(),
    };
    let major_refs: Vec<&str> = majors.iter().map(String::as_str).collect();
    let year = case.get("year").cloned().unwrap_or(json!("2023-2024"));
    let projects = case.get("projects").cloned().unwrap_or(Value::Null);
    let reports = case.get("reports").cloned().unwrap_or(Value::Null);
    let months = reports.get("months").cloned().unwrap_or(Value::Null);

    let result = ledger::run_ledger(&projects, &major_refs, &year, LedgerOptions::default());
    let cal = calendar::run_calendar(
        &months,
        &year,
        YearOptions::default(),
        &CalendarOptions::default(),
    );

    // Every error, each (path, code) of `year` once even when both modules report it.
    let mut errors: Vec<(String, String, String, String)> = Vec::new();
    let mut push = |p: &coop_engine::Problem| {
        let key = (p.path.clone(), p.code.as_str().to_string());
        if p.path == "year" && errors.iter().any(|e| (e.0.clone(), e.1.clone()) == key) {
            return;
        }
        errors.push((
            key.0,
            key.1,
            p.message(Locale::Zh).to_string(),
            p.message(Locale::En).to_string(),
        ));
    };
    if let Some(r) = &result {
        r.errors.iter().for_each(&mut push);
        for (i, row) in case
            .get("major_rows")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            ledger::derived_input_problems(i, GivenFields::of_row(row))
                .iter()
                .for_each(&mut push);
        }
    }
    if let Some(c) = &cal {
        c.problems.iter().for_each(&mut push);
        calendar::derived_input_problems(&reports)
            .iter()
            .for_each(&mut push);
    }
    for (path, code, zh, en) in &errors {
        if !zh.contains(path.as_str()) || en.is_empty() {
            wrong.push(format!(
                "message of {path} {code} does not name its path: {zh}"
            ));
        }
    }
    let got: Vec<(String, String)> = errors.iter().map(|e| (e.0.clone(), e.1.clone())).collect();
    let want = expected_keys(case["expect"].get("errors").unwrap_or(&json!([])));
    if keys(&got) != want {
        wrong.push(format!("errors: expected {want:?}, got {:?}", keys(&got)));
    }

    // Warnings, exactly; `contains` checks a piece of the Chinese message.
    let warnings = result
        .as_ref()
        .map(|r| r.warnings.clone())
        .unwrap_or_default();
    let got: Vec<(String, String)> = warnings
        .iter()
        .map(|w| (w.path.clone(), w.code.as_str().to_string()))
        .collect();
    let expected_warnings = case["expect"].get("warnings").cloned().unwrap_or(json!([]));
    let want = expected_keys(&expected_warnings);
    if keys(&got) != want {
        wrong.push(format!("warnings: expected {want:?}, got {:?}", keys(&got)));
    }
    for w in &warnings {
        if !w.message.zh.contains(&w.path) || w.message.en.is_empty() {
            wrong.push(format!(
                "warning message does not name its path: {}",
                w.message.zh
            ));
        }
    }
    for e in expected_warnings.as_array().into_iter().flatten() {
        if let Some(piece) = e.get("contains").and_then(Value::as_str) {
            let found = warnings.iter().any(|w| {
                w.path == e["path"].as_str().unwrap_or("")
                    && w.code.as_str() == e["code"].as_str().unwrap_or("")
                    && w.message.zh.contains(piece)
            });
            if !found {
                wrong.push(format!("no warning {} says “{piece}”", e["path"]));
            }
        }
    }

    // Derived values per major: only the fields the case names.
    if let Some(want) = case["expect"].get("majors") {
        match (want, &result) {
            (Value::Null, None) => {}
            (Value::Null, Some(_)) => wrong.push("majors: expected no ledger".into()),
            (_, None) => wrong.push("majors: expected a ledger, got none".into()),
            (want, Some(r)) => {
                let want = want.as_array().cloned().unwrap_or_default();
                if want.len() != r.majors.len() {
                    wrong.push(format!(
                        "majors: expected {} rows, got {}",
                        want.len(),
                        r.majors.len()
                    ));
                }
                for (i, (w, g)) in want.iter().zip(&r.majors).enumerate() {
                    let got = json!({
                        "partners": g.partners,
                        "campus_base": g.campus_base,
                        "external_base": g.external_base,
                        "partner_names": g.partner_names,
                        "campus_base_names": g.campus_base_names,
                        "external_base_names": g.external_base_names,
                    });
                    for (field, value) in w.as_object().into_iter().flatten() {
                        if got[field] != *value {
                            wrong.push(format!(
                                "majors[{i}].{field}: expected {value}, got {}",
                                got[field]
                            ));
                        }
                    }
                }
            }
        }
    }

    // The rows as read: only the fields the case names.
    if let Some(want) = case["expect"].get("projects").and_then(Value::as_array) {
        let got = result
            .as_ref()
            .map(|r| r.projects.clone())
            .unwrap_or_default();
        if want.len() != got.len() {
            wrong.push(format!(
                "projects: expected {} rows read, got {}",
                want.len(),
                got.len()
            ));
        }
        for (i, (w, p)) in want.iter().zip(&got).enumerate() {
            let row = json!({
                "index": p.index,
                "id": p.id,
                "enterprise": p.enterprise,
                "credit_code": p.credit_code,
                "major": major_refs.get(p.major),
                "forms": p.forms.iter().map(|f| f.code()).collect::<Vec<_>>(),
                "signed": date_json(Some(p.signed)),
                "filed": date_json(p.filed),
                "expires": date_json(p.expires),
                "ended": date_json(p.ended),
                "self_checks": [date_json(p.self_checks[0]), date_json(p.self_checks[1])],
            });
            for (field, value) in w.as_object().into_iter().flatten() {
                if row[field] != *value {
                    wrong.push(format!(
                        "projects[{i}].{field}: expected {value}, got {}",
                        row[field]
                    ));
                }
            }
        }
    }

    // The calendar.
    if let Some(want) = case["expect"].get("calendar") {
        match (want, &cal) {
            (Value::Null, None) => {}
            (Value::Null, Some(_)) => wrong.push("calendar: expected none".into()),
            (_, None) => wrong.push("calendar: expected one, got none".into()),
            (want, Some(c)) => {
                let got = json!({
                    "due": c.calendar.due(),
                    "missed": c.calendar.missed(),
                    "note": c.calendar.note().zh,
                    "note_en": c.calendar.note().en,
                });
                for (field, value) in want.as_object().into_iter().flatten() {
                    if got[field] != *value {
                        wrong.push(format!(
                            "calendar.{field}: expected {value}, got {}",
                            got[field]
                        ));
                    }
                }
            }
        }
    }
    wrong
}

#[test]
fn ledger_golden_cases() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, suite) in suites() {
        for case in suite["cases"].as_array().into_iter().flatten() {
            count += 1;
            let wrong = check_case(case);
            if !wrong.is_empty() {
                failures.push(format!(
                    "{file}: {}\n    {}",
                    case["description"].as_str().unwrap_or("?"),
                    wrong.join("\n    ")
                ));
            }
        }
    }
    assert!(count >= 50, "only {count} golden cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
