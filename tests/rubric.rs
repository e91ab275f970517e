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
            .clone()
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
    let english = coop_engine::score_department_in(builtin(), &facts, Locale::En).unwrap();
    let json = report::department_json(&english, 2);
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

/// Every note of the RUBRIC.md §3 department, word for word: each one was checked by hand
/// against the rubric's sentence for its line.
#[test]
fn every_note_of_the_example_reads_as_written() {
    let facts = common::load("base-facts.json");
    let score = score_department(builtin(), &facts).unwrap();
    let notes: Vec<(String, Vec<String>)> = score
        .lines
        .iter()
        .map(|l| (l.id.clone(), l.notes.clone()))
        .collect();
    let expected: &[(&str, &[&str])] = &[
        ("A1", &["行政正职领导负责：是（2 分）；副职领导负责：是（1 分）；得 3 分"]),
        ("A2", &["兼职工作人员，得 1 分（专职工作人员 2 分，兼职工作人员 1 分，没有工作人员 0 分）"]),
        ("A3", &["未按时按要求上报月报 1 次，每次扣 1 分，扣 1 分"]),
        ("A4", &["缺学期工作总结，每缺一项扣 1 分，扣 1 分"]),
        (
            "B1",
            &[
                "电气自动化技术 没有合作企业，每少一个专业扣 3 分，扣 3 分",
                "超过 1 家的合作企业共 2 家（机电一体化技术 +2），每家加 1 分，加 2 分",
            ],
        ),
        ("C1", &["1 个学期召开有企业参与的课程体系建设讨论会，得 2 分", "校企共同开发校本教材 2 本，每本加 1 分，加 2 分"]),
        ("C2", &["工业机器人技术缺校外实训基地；电气自动化技术缺校内实训基地、校外实训基地；每少一个专业扣 1 分，扣 2 分"]),
        ("C3", &["3 个专业中 2 个有订单班（机电一体化技术、工业机器人技术），每个专业得 3 分，计 6 分"]),
        ("C4", &["30 人及以上订单班 1 个（每个 10 分），不足 30 人订单班 1 个（每个 5 分），计 15 分", "本项最高 10 分"]),
        ("C5", &["本地实习 57.00%，低于 60% 要求 3.00 个百分点，每低 5% 扣 1 分（不足 5% 按 5% 计），扣 1 分"]),
        ("C6", &["本地就业 26.00%，超过 20% 要求 6.00 个百分点，每超过 2% 加 1 分，加 3 分"]),
        (
            "C7",
            &[
                "挂职锻炼教师 17.50%，低于 20% 要求 2.50 个百分点，每低 1% 扣 1 分（不足 1% 按 1% 计），扣 3 分",
                "企业工程师承担课程 10.00%，达到 10% 要求，不扣分",
            ],
        ),
    ];
    assert_eq!(notes.len(), expected.len());
    for ((id, got), (want_id, want)) in notes.iter().zip(expected) {
        assert_eq!(id, want_id);
        assert_eq!(got, want, "{id}");
    }
}

/// The notes of the other branches: caps, exact thresholds, bonuses, nothing at all.
#[test]
fn notes_of_caps_thresholds_and_empty_cases() {
    let note = |patch: Value, id: &str| -> Vec<String> {
        let mut facts = common::load("base-facts.json");
        common::merge_patch(&mut facts, &patch);
        let score = score_department(builtin(), &facts).unwrap();
        score
            .lines
            .iter()
            .find(|l| l.id == id)
            .unwrap()
            .notes
            .clone()
    };
    assert_eq!(
        note(json!({"internship": {"local": 120, "total": 200}}), "C5"),
        ["本地实习 60.00%，达到 60% 要求，得满分"]
    );
    assert_eq!(
        note(json!({"internship": {"local": 128, "total": 200}}), "C5"),
        ["本地实习 64.00%，达到 60% 要求，得满分；超过 4.00 个百分点，不足 5% 不加分"]
    );
    assert_eq!(
        note(json!({"internship": {"local": 200, "total": 200}}), "C5"),
        [
            "本地实习 100.00%，超过 60% 要求 40.00 个百分点，每超过 5% 加 1 分，加 8 分",
            "加分最多 5 分，加 5 分"
        ]
    );
    assert_eq!(
        note(json!({"employment": {"local": 0, "graduates": 200}}), "C6"),
        ["本地就业 0.00%，低于 20% 要求 20.00 个百分点，每低 2% 扣 1 分（不足 2% 按 2% 计），扣 10 分"]
    );
    assert_eq!(
        note(json!({"order_classes": []}), "C4"),
        ["没有订单班，得 0 分"]
    );
    assert_eq!(
        note(json!({"reports": {"missed": 0}}), "A3"),
        ["未按时按要求上报月报 0 次，不扣分"]
    );
    let no_bases = json!({"majors": [
        {"name": "甲", "partners": 1, "campus_base": false, "external_base": false},
        {"name": "乙", "partners": 1, "campus_base": "否", "external_base": "无"}
    ], "order_classes": []});
    assert_eq!(
        note(no_bases, "C2"),
        ["所有专业均没有校内实训基地、校外实训基地，该项不得分"]
    );
}
