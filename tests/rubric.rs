//! The rubric as data: the built-in file, its [option]s, and malformed rubrics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use coop_engine::{builtin, report, score_department, Locale, Rubric};
use serde_json::{json, Value};

fn trial() -> Value {
    serde_json::from_str(coop_engine::rubric::TRIAL_2023).unwrap()
}

fn line_mut<'a>(rubric: &'a mut Value, id: &str) -> &'a mut Value {
    rubric["lines"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|l| l["id"] == id)
        .unwrap()
}

fn score_with(rubric: &Value, patch: Value, id: &str) -> (i64, i64, i64) {
    let rubric = Rubric::from_value(rubric).unwrap_or_else(|p| panic!("{p:?}"));
    let mut facts = common::load("base-facts.json");
    common::merge_patch(&mut facts, &patch);
    let score = score_department(&rubric, &facts).unwrap();
    let line = score.lines.iter().find(|l| l.id == id).unwrap();
    let int = |d: rust_decimal::Decimal| i64::try_from(d).unwrap();
    (int(line.deduction), int(line.bonus), int(line.score))
}

#[test]
fn the_built_in_rubric_is_the_2023_trial() {
    let rubric = builtin();
    assert_eq!(rubric.id, "2023-trial");
    assert_eq!(rubric.lines.len(), 12);
    let base: rust_decimal::Decimal = rubric.lines.iter().map(|l| l.max).sum();
    assert_eq!(base, 100.into());
    assert_eq!(rubric.max_total(), 118.into());
    let caps: Vec<(String, String)> = rubric
        .lines
        .iter()
        .filter(|l| !l.bonus_cap.is_zero())
        .map(|l| (l.id.clone(), l.bonus_cap.to_string()))
        .collect();
    assert_eq!(
        caps,
        [("B1", "5"), ("C1", "5"), ("C5", "5"), ("C6", "3")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn shortfall_rounding_down_counts_only_full_steps() {
    let mut rubric = trial();
    line_mut(&mut rubric, "C5")["rule"]["shortfall_rounding"] = json!("down");
    // 57%: 3 points short of 60 → floor(3/5) = 0 with `down`, 1 with the default `up`.
    assert_eq!(score_with(&rubric, json!({}), "C5"), (0, 0, 20));
    assert_eq!(score_with(&trial(), json!({}), "C5"), (1, 0, 19));
}

#[test]
fn exclusive_excess_does_not_count_an_exact_multiple() {
    let mut rubric = trial();
    line_mut(&mut rubric, "C5")["rule"]["excess_rounding"] = json!("exclusive");
    // 65%: 5 over → 1 step by default; 超过 read exclusively makes it 0.
    let at_65 = json!({"internship": {"local": 130, "total": 200}});
    assert_eq!(score_with(&trial(), at_65.clone(), "C5"), (0, 1, 21));
    assert_eq!(score_with(&rubric, at_65, "C5"), (0, 0, 20));
    // 66%: 6 over → 1 step either way.
    assert_eq!(
        score_with(
            &rubric,
            json!({"internship": {"local": 132, "total": 200}}),
            "C5"
        ),
        (0, 1, 21)
    );
}

#[test]
fn b1_bonus_per_major_with_extra() {
    let mut rubric = trial();
    line_mut(&mut rubric, "B1")["rule"]["bonus_mode"] = json!("per_major_with_extra");
    // Partners 3, 1, 0: one major has extras → +1 (the default counts 2 extra enterprises).
    assert_eq!(score_with(&rubric, json!({}), "B1"), (3, 1, 8));
    assert_eq!(score_with(&trial(), json!({}), "B1"), (3, 2, 9));
}

#[test]
fn weights_are_parameters() {
    let mut rubric = trial();
    rubric["weights"] = json!({"self": "0.5", "assessor": "0.5"});
    let rubric = Rubric::from_value(&rubric).unwrap();
    let sm = coop_engine::weighted_score(&rubric, &json!(80), &json!(91)).unwrap();
    assert_eq!(sm.to_string(), "85.5");
}

#[test]
fn a_malformed_rubric_reports_every_problem_with_its_path() {
    let mut rubric = trial();
    rubric["weights"] = json!({"self": "0.5", "assessor": "0.6"});
    line_mut(&mut rubric, "C5")["rule"]["step"] = json!(0);
    line_mut(&mut rubric, "C6")["rule"]["kind"] = json!("ratio_of_something");
    line_mut(&mut rubric, "A1")["max"] = json!(4);
    line_mut(&mut rubric, "A2")["maxx"] = json!(2);
    let problems = Rubric::from_value(&rubric).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in ["rubric.lines[10].rule.kind", "rubric.lines[1].maxx"] {
        assert!(paths.contains(&expected), "{expected} not in {paths:?}");
    }
    // The semantic checks run once the shape is right.
    let mut rubric = trial();
    rubric["weights"] = json!({"self": "0.5", "assessor": "0.6"});
    line_mut(&mut rubric, "C5")["rule"]["step"] = json!(0);
    line_mut(&mut rubric, "A1")["max"] = json!(4);
    let problems = Rubric::from_value(&rubric).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "rubric.weights",
            "rubric.categories[0].max",
            "rubric.lines[9].rule.step"
        ]
    );
    assert!(problems
        .iter()
        .all(|p| !p.message.zh.is_empty() && !p.message.en.is_empty()));
    assert!(Rubric::from_json("{ not json").is_err());
}

#[test]
fn notes_say_why_with_the_numbers() {
    let facts = common::load("base-facts.json");
    let score = score_department(builtin(), &facts).unwrap();
    let note = |id: &str| {
        score
            .lines
            .iter()
            .find(|l| l.id == id)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.zh.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert_eq!(note("C5"), "本地实习 57.00%，低于 60% 要求 3.00 个百分点，每低 5% 扣 1 分（不足 5% 按 5% 计），扣 1 分");
    assert!(
        note("C6").contains("26.00%") && note("C6").contains("加 3 分"),
        "{}",
        note("C6")
    );
    assert!(
        note("C7").contains("17.50%") && note("C7").contains("扣 3 分"),
        "{}",
        note("C7")
    );
    assert!(note("B1").contains("电气自动化技术"), "{}", note("B1"));
    assert!(note("A4").contains("学期工作总结"), "{}", note("A4"));
    let json = report::department_json(&score, 2, Locale::En);
    let c5 = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "C5")
        .unwrap();
    assert!(
        c5["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("local internships 57.00%"),
        "{c5}"
    );
}

#[test]
fn errors_name_the_value_and_what_was_expected_in_both_languages() {
    let mut facts = common::load("base-facts.json");
    facts["internship"]["local"] = json!("abc");
    facts["majors"][1]["external_base"] = json!("maybe");
    let problems = score_department(builtin(), &facts).unwrap_err();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].path, "majors[1].external_base");
    assert!(
        problems[0].message.zh.contains("「maybe」")
            && problems[0].message.zh.contains("工业机器人技术"),
        "{}",
        problems[0].message.zh
    );
    assert!(
        problems[1].message.zh.contains("「abc」")
            && problems[1].message.zh.contains("不小于 0 的整数"),
        "{}",
        problems[1].message.zh
    );
    assert!(
        problems[1].message.en.contains("“abc”") && problems[1].message.en.contains("whole number")
    );
}
