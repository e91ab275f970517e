//! The ledger (RUBRIC.md §7) and the calendar (§8) wired into the engine: what the golden
//! cases cannot say (scoreLine from a fragment, English messages, the `year` problem once).
#![cfg(not(target_arch = "wasm32"))]

use coop_engine::{assess_department, builtin, check_facts, score_line_in, Locale};
use serde_json::{json, Value};

fn codes(problems: &[coop_engine::Problem]) -> Vec<(String, &'static str)> {
    problems
        .iter()
        .map(|p| (p.path.clone(), p.code.as_str()))
        .collect()
}

#[test]
fn score_line_reads_only_its_own_facts() {
    // B1 from projects + majors + year: 甲 has A and B (one extra), 乙 none → 10 − 3 + 1 = 8.
    let b1 = json!({"year": "2023-2024", "majors": [{"name": "甲"}, {"name": "乙"}],
        "projects": [
            {"enterprise": "A", "major": "甲", "forms": "其他", "signed": "2023-10-01"},
            {"enterprise": "B", "major": "甲", "forms": "其他", "signed": "2023-10-01"}]});
    let line = score_line_in(builtin(), "B1", &b1, Locale::Zh).expect("B1 scores");
    assert_eq!(line.score, 8.into());
    assert!(
        line.notes
            .iter()
            .any(|n| n == "甲：合作企业 2 家（A、B），据合作项目台账"),
        "{:?}",
        line.notes
    );
    // A3 from reports.months + year: 8 due, 1 on time → 7 missed → 3.
    let a3 = json!({"year": "2023-2024", "reports": {"months": {"2023-09": "2023-09-04"}}});
    let line = score_line_in(builtin(), "A3", &a3, Locale::En).expect("A3 scores");
    assert_eq!(line.score, 3.into());
    assert!(
        line.notes
            .iter()
            .any(|n| n.contains("Oct 2023 not reported")),
        "{:?}",
        line.notes
    );
    // C2 from the ledger alone: 甲 has no base, 乙 none → no base at all → 0.
    let line = score_line_in(builtin(), "C2", &b1, Locale::Zh).expect("C2 scores");
    assert_eq!(line.score, 0.into());
}

#[test]
fn the_year_problem_is_reported_once_in_both_languages() {
    let facts = json!({"department": "甲", "year": "2023年",
        "majors": [{"name": "甲"}], "projects": [],
        "reports": {"months": {}}});
    let rejected = assess_department(builtin(), &facts, Locale::En).expect_err("bad year");
    let at_year: Vec<_> = rejected
        .problems
        .iter()
        .filter(|p| p.path == "year")
        .collect();
    assert_eq!(at_year.len(), 1);
    assert_eq!(at_year[0].code.as_str(), "not_a_date");
    assert!(at_year[0].message.zh.contains("考核学年"));
    assert!(at_year[0].message.en.contains("assessment year"));
}

#[test]
fn without_ledger_or_calendar_nothing_changes() {
    let base: Value = serde_json::from_str(include_str!("cases/base-facts.json")).unwrap();
    let score = assess_department(builtin(), &base, Locale::Zh).expect("scores");
    assert_eq!(score.total, 88.into());
    assert!(score.warnings.is_empty());
    // `projects: null` and `reports.months: null` mean none.
    let mut facts = base.clone();
    facts["projects"] = Value::Null;
    facts["reports"]["months"] = Value::Null;
    let (problems, warnings) = check_facts(builtin(), &facts);
    assert_eq!(codes(&problems), vec![]);
    assert!(warnings.is_empty());
}

#[test]
fn warnings_in_english_and_never_a_score_change() {
    let mut facts: Value = serde_json::from_str(include_str!("cases/base-facts.json")).unwrap();
    facts["majors"] = json!([{"name": "机电一体化技术"}]);
    facts["order_classes"] = json!([]);
    facts["projects"] = json!([{"enterprise": "甲", "major": "机电一体化技术",
        "forms": "校内实训基地、校外实训基地", "signed": "2023-03-01", "filed": "2023-03-20",
        "self_checks": {"1": "2024-01-01", "2": "2024-07-01"}}]);
    let score = assess_department(builtin(), &facts, Locale::En).expect("scores");
    assert_eq!(score.warnings.len(), 1);
    assert_eq!(score.warnings[0].code.as_str(), "filing_late");
    let json = coop_engine::report::department_json(&score, 2);
    let message = json["warnings"][0]["message"].as_str().unwrap();
    assert!(message.contains("19 days later"), "{message}");
    // Filed in time instead: the same scores.
    facts["projects"][0]["filed"] = json!("2023-03-02");
    let on_time = assess_department(builtin(), &facts, Locale::En).expect("scores");
    assert!(on_time.warnings.is_empty());
    assert_eq!(on_time.lines, score.lines);
    assert_eq!(on_time.total, score.total);
}
