//! Property tests: no input of any shape panics; every score stays within its bounds and
//! adds up; more local interns or graduates never lower a score.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use coop_engine::{
    builtin, rank_departments, score_department, score_line, weighted_score, Rubric,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

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
