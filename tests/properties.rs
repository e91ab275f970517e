//! Property tests: no input of any shape panics; every score stays within its bounds and
//! adds up; more local interns or graduates never lower a score.
//!
//! The generated-department properties draw *valid* facts (not random JSON, which the rules
//! would mostly refuse before scoring), so they reach every rule's branches. They run
//! `COOP_PROPTEST_DEPARTMENTS` cases (100,000 by default, as in CI); the long run is
//! `COOP_PROPTEST_DEPARTMENTS=1000000 cargo test --release --test properties`. The hints
//! property (RUBRIC.md §9) draws `COOP_PROPTEST_HINT_DEPARTMENTS` (10,000 by default).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use coop_engine::{
    builtin, rank_departments, score_department, score_line, weighted_score, Rubric,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};

/// Any JSON value, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// What a person might type in a cell.
fn any_cell() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!("")),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..300).prop_map(Value::from),
        (-5.0f64..300.0).prop_map(Value::from),
        prop::sample::select(vec![
            "是", "否", "√", "×", "１２", " 7 ", "1,200", "12.5", "-3", "abc", "专职", "兼职",
            "无", "65%", "1e3"
        ])
        .prop_map(|s| json!(s)),
        "[0-9０-９,.， -]{0,8}".prop_map(Value::String),
    ]
}

/// Every input path of the §3 facts that holds a single value.
const SCALAR_PATHS: &[&str] = &[
    "department",
    "leadership.principal",
    "leadership.deputy",
    "staffing",
    "reports.due",
    "reports.missed",
    "plans.annual_plan",
    "plans.annual_summary",
    "plans.semester_plan",
    "plans.semester_summary",
    "curriculum.meeting_semesters",
    "curriculum.textbooks",
    "internship.local",
    "internship.total",
    "employment.local",
    "employment.graduates",
    "faculty.teachers",
    "faculty.seconded",
    "faculty.courses",
    "faculty.engineer_courses",
    "majors.0.partners",
    "majors.1.campus_base",
    "majors.2.name",
    "order_classes.0.students",
    "order_classes.1.major",
];

fn set_path(facts: &mut Value, path: &str, value: Value) {
    let mut node = facts;
    for key in path.split('.') {
        node = match key.parse::<usize>() {
            Ok(i) => &mut node[i],
            Err(_) => &mut node[key],
        };
    }
    *node = value;
}

fn check_bounds(facts: &Value) -> Result<(), TestCaseError> {
    if let Ok(score) = score_department(builtin(), facts) {
        let mut total = Decimal::ZERO;
        for line in &score.lines {
            let kept = line.base - line.deduction;
            prop_assert!(
                kept >= Decimal::ZERO && kept <= line.max,
                "{}: base − deduction = {kept}",
                line.id
            );
            prop_assert!(
                line.bonus >= Decimal::ZERO && line.bonus <= line.bonus_cap,
                "{}: bonus {}",
                line.id,
                line.bonus
            );
            prop_assert_eq!(line.score, line.base - line.deduction + line.bonus);
            prop_assert!(!line.notes.is_empty());
            total += line.score;
        }
        prop_assert_eq!(score.total, total);
        prop_assert!(score.total <= builtin().max_total());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_json_never_panics(value in any_json()) {
        let rubric = builtin();
        let _ = score_department(rubric, &value);
        for line in &rubric.lines {
            let _ = score_line(rubric, &line.id, &value);
        }
        let _ = weighted_score(rubric, &value, &value);
        let _ = rank_departments(rubric, &value);
        let _ = Rubric::from_value(&value);
        check_bounds(&value)?;
    }

    #[test]
    fn any_cells_never_panic_and_scores_stay_in_bounds(
        cells in prop::collection::vec((prop::sample::select(SCALAR_PATHS), any_cell()), 0..8)
    ) {
        let mut facts = common::load("base-facts.json");
        for (path, value) in cells {
            set_path(&mut facts, path, value);
        }
        check_bounds(&facts)?;
    }

    #[test]
    fn more_local_interns_never_lower_the_score(total in 1u64..2000, a in 0u64..2000, b in 0u64..2000) {
        let (low, high) = (a.min(b) % (total + 1), a.max(b) % (total + 1));
        let (low, high) = (low.min(high), low.max(high));
        let score = |local: u64| {
            score_line(builtin(), "C5", &json!({"internship": {"local": local, "total": total}})).map(|l| l.score)
        };
        prop_assert!(score(low).unwrap() <= score(high).unwrap());
    }

    #[test]
    fn more_local_graduates_never_lower_the_score(total in 1u64..2000, a in 0u64..2000, b in 0u64..2000) {
        let (x, y) = (a % (total + 1), b % (total + 1));
        let (low, high) = (x.min(y), x.max(y));
        let score = |local: u64| {
            score_line(builtin(), "C6", &json!({"employment": {"local": local, "graduates": total}})).map(|l| l.score)
        };
        prop_assert!(score(low).unwrap() <= score(high).unwrap());
    }

    #[test]
    fn weighted_score_lies_between_its_parts(s1 in 0u32..=11800, s2 in 0u32..=11800) {
        let (a, b) = (Decimal::new(s1.into(), 2), Decimal::new(s2.into(), 2));
        let sm = weighted_score(builtin(), &json!(a.to_string()), &json!(b.to_string())).unwrap();
        let tolerance = Decimal::new(5, 3);
        prop_assert!(sm >= a.min(b) - tolerance && sm <= a.max(b) + tolerance);
        prop_assert_eq!(sm, sm.round_dp(2));
    }
}

/// How many departments each generated-department property draws.
fn departments() -> u32 {
    std::env::var("COOP_PROPTEST_DEPARTMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000)
}

/// A yes/no in any accepted form.
fn any_bool() -> impl Strategy<Value = (bool, Value)> {
    (any::<bool>(), 0usize..4).prop_map(|(b, form)| {
        let shown = match (form, b) {
            (0, b) => json!(b),
            (1, true) => json!("是"),
            (1, false) => json!("否"),
            (2, true) => json!("√"),
            (2, false) => json!("×"),
            (_, b) => json!(u8::from(b)),
        };
        (b, shown)
    })
}

/// A part and its whole: whole ≥ 1, part ≤ whole.
fn part_of(max: u64) -> impl Strategy<Value = (u64, u64)> {
    (1..=max).prop_flat_map(|whole| (0..=whole, Just(whole)))
}

/// A valid department's facts (RUBRIC.md §3), every input drawn across its range.
fn valid_facts() -> impl Strategy<Value = Value> {
    let majors = prop::collection::vec((0u64..6, any_bool(), any_bool()), 1..6);
    let classes = prop::collection::vec((any::<prop::sample::Index>(), 1u64..60), 0..5);
    (
        (any_bool(), any_bool(), 0usize..3, part_of(12)),
        prop::collection::vec(any_bool(), 4),
        (majors, classes),
        (0u64..=2, 0u64..8),
        (part_of(400), part_of(400)),
        (part_of(120), part_of(200)),
    )
        .prop_map(
            |(
                (principal, deputy, staffing, (missed, due)),
                plans,
                (majors, classes),
                (meetings, textbooks),
                ((local, total), (employed, graduates)),
                ((seconded, teachers), (engineer, courses)),
            )| {
                let names: Vec<String> = (0..majors.len()).map(|i| format!("专业{i}")).collect();
                let staffing = ["full_time", "兼职", "none"][staffing];
                json!({
                    "department": "测试学院",
                    "leadership": { "principal": principal.1, "deputy": deputy.1 },
                    "staffing": staffing,
                    "reports": { "due": due, "missed": missed },
                    "plans": { "annual_plan": plans[0].1, "annual_summary": plans[1].1,
                               "semester_plan": plans[2].1, "semester_summary": plans[3].1 },
                    "majors": majors.iter().zip(&names).map(|((partners, campus, external), name)| json!({
                        "name": name, "partners": partners,
                        "campus_base": campus.1, "external_base": external.1,
                    })).collect::<Vec<_>>(),
                    "curriculum": { "meeting_semesters": meetings, "textbooks": textbooks },
                    "order_classes": classes.iter().enumerate().map(|(i, (major, students))| json!({
                        "name": format!("订单班{i}"), "major": major.get(&names), "students": students,
                    })).collect::<Vec<_>>(),
                    "internship": { "local": local, "total": total },
                    "employment": { "local": employed, "graduates": graduates },
                    "faculty": { "teachers": teachers, "seconded": seconded,
                                 "courses": courses, "engineer_courses": engineer },
                })
            },
        )
}

static DEPARTMENTS_SCORED: AtomicU64 = AtomicU64::new(0);

/// Scores valid facts: they must score, and the score must keep every bound.
fn score_valid(facts: &Value) -> Result<coop_engine::DepartmentScore, TestCaseError> {
    DEPARTMENTS_SCORED.fetch_add(1, Ordering::Relaxed);
    let score = score_department(builtin(), facts)
        .map_err(|p| TestCaseError::fail(format!("valid facts refused: {p:?}\n{facts}")))?;
    check_bounds(facts)?;
    let categories: Decimal = score.categories.iter().map(|c| c.score).sum();
    prop_assert_eq!(categories, score.total);
    prop_assert_eq!(score.lines.len(), builtin().lines.len());
    Ok(score)
}

fn line_score(score: &coop_engine::DepartmentScore, id: &str) -> Decimal {
    score
        .lines
        .iter()
        .find(|l| l.id == id)
        .map_or(Decimal::MIN, |l| l.score)
}

/// `facts` with one count raised by one (when it stays valid), and the line it feeds.
fn raised(facts: &Value, path: &[&str], limit: &[&str]) -> Option<Value> {
    let mut facts = facts.clone();
    let get = |v: &Value, p: &[&str]| {
        p.iter()
            .try_fold(v, |v, k| v.get(*k))
            .and_then(Value::as_u64)
    };
    let now = get(&facts, path)?;
    if let Some(whole) = get(&facts, limit) {
        if now + 1 > whole {
            return None;
        }
    }
    let mut node = &mut facts;
    for key in path {
        node = node.get_mut(*key)?;
    }
    *node = json!(now + 1);
    Some(facts)
}

/// Valid facts always score; every line keeps 0 ≤ base − deduction ≤ max,
/// 0 ≤ bonus ≤ cap, score = base − deduction + bonus; totals add up; and one more
/// local intern, local graduate, seconded teacher, engineer course or partner enterprise
/// never lowers its line (C5, C6, C7, B1). Prints how many departments it scored.
#[test]
fn valid_departments_keep_every_bound_and_rise_with_their_inputs() {
    let config = ProptestConfig {
        cases: departments(),
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let started = std::time::Instant::now();
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&valid_facts(), |facts| {
        let score = score_valid(&facts)?;
        let raises: [(&str, &[&str], &[&str]); 4] = [
            ("C5", &["internship", "local"], &["internship", "total"]),
            ("C6", &["employment", "local"], &["employment", "graduates"]),
            ("C7", &["faculty", "seconded"], &["faculty", "teachers"]),
            (
                "C7",
                &["faculty", "engineer_courses"],
                &["faculty", "courses"],
            ),
        ];
        for (id, path, limit) in raises {
            if let Some(more) = raised(&facts, path, limit) {
                let higher = score_valid(&more)?;
                prop_assert!(
                    line_score(&higher, id) >= line_score(&score, id),
                    "{} fell after raising {:?}",
                    id,
                    path
                );
            }
        }
        let mut more = facts.clone();
        if let Some(partners) = more["majors"][0]["partners"].as_u64() {
            more["majors"][0]["partners"] = json!(partners + 1);
            let higher = score_valid(&more)?;
            prop_assert!(line_score(&higher, "B1") >= line_score(&score, "B1"));
        }
        Ok(())
    });
    eprintln!(
        "valid departments: {} drawn, {} scored in all (with the raised ones), no panic, in {:.1} s",
        departments(),
        DEPARTMENTS_SCORED.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Sm lies between S1 and S2 (after rounding), for every pair of scores 0–118.
    #[test]
    fn sm_lies_between_s1_and_s2(s1 in 0u64..=1_180_000, s2 in 0u64..=1_180_000) {
        let (a, b) = (Decimal::new(s1 as i64, 4), Decimal::new(s2 as i64, 4));
        let sm = weighted_score(builtin(), &json!(a.to_string()), &json!(b.to_string())).unwrap();
        let (low, high) = (a.min(b).round_dp(2), a.max(b).round_dp(2));
        prop_assert!(sm >= low - Decimal::new(1, 2) && sm <= high + Decimal::new(1, 2), "{} not between {} and {}", sm, a, b);
    }
}

/// How many departments the hints property draws (each hint costs a re-score or two).
fn hint_departments() -> u32 {
    std::env::var("COOP_PROPTEST_HINT_DEPARTMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// `facts` with one hint's input set to `value`, the way a person would do it (RUBRIC.md
/// §9): a count or yes/no at its path; C2's major given the bases listed; C3 one more order
/// class for the first major without one; C4 one more class of `value` students.
fn apply_hint(facts: &Value, line: &str, path: &str, value: &Value) -> Value {
    let mut facts = facts.clone();
    if path == "order_classes" {
        let majors: Vec<Value> = facts["majors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| m["name"].clone())
            .collect();
        let classes = facts["order_classes"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let major = if line == "C3" {
            majors
                .iter()
                .find(|name| !classes.iter().any(|c| c["major"] == **name))
                .cloned()
        } else {
            majors.first().cloned()
        };
        let students = if line == "C3" {
            json!(30)
        } else {
            value.clone()
        };
        facts["order_classes"]
            .as_array_mut()
            .expect("order classes")
            .push(json!({ "name": "新增订单班", "major": major, "students": students }));
        return facts;
    }
    // `majors[2].partners` → majors / 2 / partners.
    let keys: Vec<String> = path
        .replace('[', ".")
        .replace(']', "")
        .split('.')
        .map(str::to_string)
        .collect();
    let mut node = &mut facts;
    for key in &keys {
        node = match key.parse::<usize>() {
            Ok(i) => &mut node[i],
            Err(_) => &mut node[key.as_str()],
        };
    }
    match value {
        // C2: the bases the major lacks, each now true.
        Value::Array(fields) => {
            for field in fields {
                node[field.as_str().expect("a base")] = json!(true);
            }
        }
        other => *node = other.clone(),
    }
    facts
}

static HINTS_CHECKED: AtomicU64 = AtomicU64::new(0);
static SMALLER_CHECKED: AtomicU64 = AtomicU64::new(0);

/// RUBRIC.md §9 on generated valid departments: every line below its best and only those
/// may have hints, listed by path; applying a hint's `needed` and re-scoring gains exactly its
/// `gain` (> 0) on that line; and for a count, `needed − 1` (when above `current`) gains
/// nothing. C4 is the one exception to the last: §9 fixes its `needed` at the rubric's class
/// size (30) although a smaller class earns the smaller per-class points.
#[test]
fn applying_a_hint_gains_exactly_its_gain_and_no_smaller_value_gains() {
    let config = ProptestConfig {
        cases: hint_departments(),
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let started = std::time::Instant::now();
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&valid_facts(), |facts| {
        let score = score_valid(&facts)?;
        for line in &score.lines {
            let best = line.max + line.bonus_cap;
            prop_assert!(
                line.score < best || line.hints.is_empty(),
                "{} at its best has hints",
                line.id
            );
            let paths: Vec<&str> = line.hints.iter().map(|h| h.path.as_str()).collect();
            let mut sorted = paths.clone();
            sorted.sort_by_key(|p| {
                // Indices as numbers: majors[2] before majors[10].
                let index: usize = p
                    .split(['[', ']'])
                    .nth(1)
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(0);
                (
                    p.split('[').next().unwrap_or("").to_string(),
                    index,
                    p.to_string(),
                )
            });
            prop_assert_eq!(&paths, &sorted, "{} hints not by path", &line.id);
            for hint in &line.hints {
                HINTS_CHECKED.fetch_add(1, Ordering::Relaxed);
                prop_assert!(hint.gain > Decimal::ZERO && !hint.text.is_empty());
                let changed = apply_hint(&facts, &line.id, &hint.path, &hint.needed);
                let after = score_valid(&changed)?;
                prop_assert_eq!(
                    line_score(&after, &line.id) - line.score,
                    hint.gain,
                    "{} {}: {} → {}\n{}",
                    &line.id,
                    &hint.path,
                    &hint.current,
                    &hint.needed,
                    &facts
                );
                let (Some(current), Some(needed)) = (hint.current.as_u64(), hint.needed.as_u64())
                else {
                    continue;
                };
                if line.id == "C4" || hint.path == "order_classes" || needed < current + 2 {
                    continue;
                }
                SMALLER_CHECKED.fetch_add(1, Ordering::Relaxed);
                let smaller = apply_hint(&facts, &line.id, &hint.path, &json!(needed - 1));
                let after = score_valid(&smaller)?;
                prop_assert_eq!(
                    line_score(&after, &line.id),
                    line.score,
                    "{} {}: {} already gains\n{}",
                    &line.id,
                    &hint.path,
                    needed - 1,
                    &facts
                );
            }
        }
        Ok(())
    });
    eprintln!(
        "hints: {} departments drawn, {} hints applied, {} smaller values checked, in {:.1} s",
        hint_departments(),
        HINTS_CHECKED.load(Ordering::Relaxed),
        SMALLER_CHECKED.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
}
