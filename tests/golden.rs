//! Runs the hand-worked golden suites of tests/cases through the engine's JSON face.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use coop_engine::{builtin, report, Locale, Rubric};
use serde_json::Value;

fn as_f64(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// Compares one case; returns a description of every mismatch.
fn check_case(case: &Value) -> Vec<String> {
    let mut wrong: Vec<String> = common::unknown_keys(case)
        .into_iter()
        .map(|k| format!("unknown key {k}"))
        .collect();
    let facts = common::case_facts(case);
    let custom = common::case_rubric(case).map(|r| Rubric::from_value(&r));
    let actual = match custom {
        Some(Err(problems)) => report::errors_json(&problems, Locale::Zh),
        Some(Ok(rubric)) => score_json(&rubric, &facts),
        None => score_json(builtin(), &facts),
    };
    let expect = &case["expect"];
    if expect["ok"] != actual["ok"] {
        wrong.push(format!("ok: expected {}, got {}", expect["ok"], actual));
        return wrong;
    }
    wrong.extend(check_warnings(expect, &actual));
    if expect["ok"] == Value::Bool(false) {
        let key = |e: &Value| {
            format!(
                "{} {}",
                e["path"].as_str().unwrap_or(""),
                e["code"].as_str().unwrap_or("")
            )
        };
        let mut want: Vec<String> = expect["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(key)
            .collect();
        let mut got: Vec<String> = actual["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(key)
            .collect();
        want.sort();
        got.sort();
        if want != got {
            wrong.push(format!("errors: expected {want:?}, got {got:?}"));
        }
        for e in actual["errors"].as_array().into_iter().flatten() {
            let message = e["message"].as_str().unwrap_or("");
            if message.is_empty() || !message.contains(e["path"].as_str().unwrap_or("")) {
                wrong.push(format!(
                    "message of {} does not name its path: {message}",
                    e["path"]
                ));
            }
        }
        return wrong;
    }
    if let Some(notes) = expect["notes"].as_object() {
        for (id, pieces) in notes {
            let got = actual["items"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|i| i["id"] == id.as_str())
                .map(|i| {
                    i["notes"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("；")
                })
                .unwrap_or_default();
            for piece in pieces.as_array().into_iter().flatten() {
                let piece = piece.as_str().unwrap_or("");
                if !got.contains(piece) {
                    wrong.push(format!("{id}: notes lack “{piece}”: {got}"));
                }
            }
        }
    }
    if let Some(items) = expect["items"].as_object() {
        for (id, want) in items {
            let got = actual["items"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|i| i["id"] == id.as_str());
            let Some(got) = got else {
                wrong.push(format!("{id}: missing from result"));
                continue;
            };
            for field in ["base", "deduction", "bonus", "score"] {
                if as_f64(&want[field]) != as_f64(&got[field]) {
                    wrong.push(format!(
                        "{id}.{field}: expected {}, got {}",
                        want[field], got[field]
                    ));
                }
            }
            if got["notes"].as_array().is_none_or(|n| n.is_empty()) {
                wrong.push(format!("{id}: no note"));
            }
            if let Some(want) = want.get("hints") {
                wrong.extend(common::hints::hint_mismatches(id, want, &got["hints"]));
            }
        }
    }
    for field in ["total", "deduction_total", "bonus_total"] {
        if !expect[field].is_null() && as_f64(&expect[field]) != as_f64(&actual[field]) {
            wrong.push(format!(
                "{field}: expected {}, got {}",
                expect[field], actual[field]
            ));
        }
    }
    if let Some(categories) = expect["categories"].as_object() {
        for (id, want) in categories {
            let got = actual["categories"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|c| c["id"] == id.as_str());
            if got.map(|c| as_f64(&c["score"])) != Some(as_f64(want)) {
                wrong.push(format!(
                    "category {id}: expected {want}, got {:?}",
                    got.map(|c| &c["score"])
                ));
            }
        }
    }
    wrong
}

fn score_json(rubric: &Rubric, facts: &Value) -> Value {
    let result = coop_engine::assess_department(rubric, facts, Locale::Zh);
    report::assessment_json(&result, rubric.decimals, Locale::Zh)
}

/// `expect.warnings`, when given: exactly these `{path, code}`, in any order, each once, in
/// the result whether it is a score sheet or a rejection; every message names its path.
fn check_warnings(expect: &Value, actual: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let Some(want) = expect["warnings"].as_array() else {
        return wrong;
    };
    let key = |e: &Value| {
        format!(
            "{} {}",
            e["path"].as_str().unwrap_or(""),
            e["code"].as_str().unwrap_or("")
        )
    };
    let mut want: Vec<String> = want.iter().map(key).collect();
    let got_list = actual["warnings"].as_array();
    if got_list.is_none() {
        wrong.push(format!("no warnings[] in the result: {actual}"));
    }
    let mut got: Vec<String> = got_list.into_iter().flatten().map(key).collect();
    want.sort();
    got.sort();
    if want != got {
        wrong.push(format!("warnings: expected {want:?}, got {got:?}"));
    }
    for w in got_list.into_iter().flatten() {
        let message = w["message"].as_str().unwrap_or("");
        if message.is_empty() || !message.contains(w["path"].as_str().unwrap_or("")) {
            wrong.push(format!(
                "warning message of {} does not name its path: {message}",
                w["path"]
            ));
        }
    }
    wrong
}

#[test]
fn golden_option_suites() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, suite) in common::option_suites() {
        for case in suite["cases"].as_array().expect("cases") {
            count += 1;
            assert!(
                case.get("rubric_patch").is_some(),
                "{file}: a case without rubric_patch belongs in tests/cases/"
            );
            for problem in check_case(case) {
                failures.push(format!(
                    "{file} — {}: {problem}",
                    case["description"].as_str().unwrap_or("?")
                ));
            }
        }
    }
    assert!(count >= 15, "only {count} option cases");
    assert!(
        failures.is_empty(),
        "{} mismatches in {count} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_department_suites() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, suite) in common::department_suites() {
        for case in suite["cases"].as_array().expect("cases") {
            count += 1;
            for problem in check_case(case) {
                failures.push(format!(
                    "{file} — {}: {problem}",
                    case["description"].as_str().unwrap_or("?")
                ));
            }
        }
    }
    assert!(count >= 40, "only {count} golden cases");
    assert!(
        failures.is_empty(),
        "{} mismatches in {count} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_weighting() {
    let suite = common::load("weighting.json");
    let rubric = builtin();
    let mut failures = Vec::new();
    for case in suite["weighted"].as_array().expect("weighted") {
        let result = coop_engine::weighted_score(rubric, &case["s1"], &case["s2"]);
        let description = case["description"].as_str().unwrap_or("?");
        match (&case["error"], result) {
            (Value::Null, Ok(sm)) => {
                if report::number(sm) != case["final"]
                    && as_f64(&report::number(sm)) != as_f64(&case["final"])
                {
                    failures.push(format!(
                        "{description}: expected {}, got {sm}",
                        case["final"]
                    ));
                }
            }
            (Value::Null, Err(p)) => {
                failures.push(format!("{description}: unexpected error {p:?}"))
            }
            (error, Ok(sm)) => failures.push(format!("{description}: expected {error}, got {sm}")),
            (error, Err(problems)) => {
                if !problems.iter().any(|p| p.code.as_str() == error["code"]) {
                    failures.push(format!("{description}: expected {error}, got {problems:?}"));
                }
            }
        }
    }
    for case in suite["ranking"].as_array().expect("ranking") {
        let description = case["description"].as_str().unwrap_or("?");
        match (
            coop_engine::rank_departments(rubric, &case["rows"]),
            &case["error"],
        ) {
            (Ok(rows), Value::Null) => {
                let got = report::ranked_json(&rows);
                let want_rows = case["expect"].as_array().expect("expect");
                let got_rows = got.as_array().expect("rows");
                if want_rows.len() != got_rows.len() {
                    failures.push(format!(
                        "{description}: expected {} rows, got {}",
                        want_rows.len(),
                        got_rows.len()
                    ));
                }
                for (want, got) in want_rows.iter().zip(got_rows) {
                    if want["department"] != got["department"]
                        || as_f64(&want["final"]) != as_f64(&got["final"])
                        || want["rank"] != got["rank"]
                    {
                        failures.push(format!("{description}: expected {want}, got {got}"));
                    }
                }
            }
            (Err(problems), error) if !error.is_null() => {
                if !problems.iter().any(|p| {
                    p.code.as_str() == error["code"]
                        && p.path == error["path"].as_str().unwrap_or("")
                }) {
                    failures.push(format!("{description}: expected {error}, got {problems:?}"));
                }
            }
            (result, error) => {
                failures.push(format!("{description}: expected {error}, got {result:?}"))
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// RUBRIC.md §9 with the project ledger (§7): the path still names the derived input and the
/// text says to add a project.
#[test]
fn ledger_hints_name_the_derived_input_and_say_to_add_a_project() {
    let mut facts = common::load("base-facts.json");
    for major in facts["majors"].as_array_mut().expect("majors") {
        let row = major.as_object_mut().expect("a major");
        for field in ["partners", "campus_base", "external_base"] {
            row.remove(field);
        }
    }
    let project = |enterprise: &str, major: &str, forms: &[&str]| {
        serde_json::json!({ "enterprise": enterprise, "major": major, "forms": forms,
                            "signed": "2023-03-01", "filed": "2023-03-05" })
    };
    // The same partners and bases as the §3 example: 机电 3 with both bases, 工业 1 with a
    // campus base, 电气 none.
    facts["projects"] = serde_json::json!([
        project(
            "三一重工股份有限公司",
            "机电一体化技术",
            &["campus_base", "external_base"]
        ),
        project("中联重科股份有限公司", "机电一体化技术", &["order_class"]),
        project(
            "山河智能装备股份有限公司",
            "机电一体化技术",
            &["internship"]
        ),
        project("湘电集团有限公司", "工业机器人技术", &["campus_base"]),
    ]);
    let score = coop_engine::score_department(builtin(), &facts)
        .unwrap_or_else(|problems| panic!("the ledger's facts must score: {problems:?}"));
    let line = |id: &str| score.lines.iter().find(|l| l.id == id).expect("line");
    let b1: Vec<(&str, &serde_json::Value, &str)> = line("B1")
        .hints
        .iter()
        .map(|h| (h.path.as_str(), &h.needed, h.text.as_str()))
        .collect();
    assert_eq!(b1.len(), 2, "{b1:?}");
    assert_eq!(
        (b1[0].0, b1[0].1),
        ("majors[0].partners", &serde_json::json!(4))
    );
    assert_eq!(
        (b1[1].0, b1[1].1),
        ("majors[2].partners", &serde_json::json!(1))
    );
    assert_eq!(
        b1[1].2,
        "在合作项目台账中为该专业（电气自动化技术）增加一个与新合作企业的合作项目（合作企业达到 1 家）可少扣 3 分"
    );
    let c2 = &line("C2").hints;
    assert_eq!(c2.len(), 2, "{c2:?}");
    assert_eq!(c2[0].path, "majors[1]");
    assert_eq!(
        c2[0].text,
        "在合作项目台账中为该专业（工业机器人技术）增加一个含校外实训基地的合作项目可少扣 1 分"
    );
}
