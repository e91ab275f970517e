//! The JSON faces of the engine (RUBRIC.md §5): results, errors and the rubric as data.
//! Numbers are plain JSON numbers, already rounded to the rubric's decimals.

use crate::department::DepartmentScore;
use crate::format::round;
use crate::locale::Locale;
use crate::problem::Problem;
use crate::rubric::Rubric;
use crate::rules::LineScore;
use crate::weighting::RankedRow;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// Builds a JSON object from its fields, in order. (The `json!` macro would do, but it
/// routes every field through a fallible serialiser whose error path bloats the Wasm.)
pub fn object(fields: Vec<(&str, Value)>) -> Value {
    // Inserted one by one: collecting would sort the pairs first, which costs code.
    let mut object = Map::new();
    for (key, value) in fields {
        object.insert(key.to_string(), value);
    }
    Value::Object(object)
}

fn text(value: &str) -> Value {
    Value::String(value.to_string())
}

/// A decimal as a JSON number: an integer when whole, else the nearest double (which prints
/// back as the same short decimal, e.g. 89.7).
pub fn number(value: Decimal) -> Value {
    let value = value.normalize();
    if value.fract().is_zero() {
        if let Some(i) = value.to_i64() {
            return Value::from(i);
        }
    }
    value.to_f64().map_or(Value::Null, Value::from)
}

pub fn problem_json(problem: &Problem, locale: Locale) -> Value {
    object(vec![
        ("path", text(&problem.path)),
        ("code", text(problem.code.as_str())),
        ("message", text(problem.message(locale))),
    ])
}

/// `{ ok: false, errors: [...] }`
pub fn errors_json(problems: &[Problem], locale: Locale) -> Value {
    object(vec![
        ("ok", Value::Bool(false)),
        (
            "errors",
            problems.iter().map(|p| problem_json(p, locale)).collect(),
        ),
    ])
}

/// `{ ok, errors }` for validation.
pub fn validation_json(problems: &[Problem], locale: Locale) -> Value {
    object(vec![
        ("ok", Value::Bool(problems.is_empty())),
        (
            "errors",
            problems.iter().map(|p| problem_json(p, locale)).collect(),
        ),
    ])
}

pub fn line_json(line: &LineScore, decimals: u32, locale: Locale) -> Value {
    let n = |d: Decimal| number(round(d, decimals));
    object(vec![
        ("id", text(&line.id)),
        ("name", text(line.name.get(locale))),
        ("category", text(&line.category)),
        ("max", n(line.max)),
        ("bonus_cap", n(line.bonus_cap)),
        ("base", n(line.base)),
        ("deduction", n(line.deduction)),
        ("bonus", n(line.bonus)),
        ("score", n(line.score)),
        (
            "notes",
            line.notes.iter().map(|t| text(t.get(locale))).collect(),
        ),
    ])
}

pub fn department_json(score: &DepartmentScore, decimals: u32, locale: Locale) -> Value {
    let n = |d: Decimal| number(round(d, decimals));
    let mut out = Map::new();
    out.insert("ok".into(), Value::Bool(true));
    out.insert("department".into(), Value::from(score.department.as_str()));
    if let Some(year) = &score.year {
        out.insert("year".into(), Value::from(year.as_str()));
    }
    out.insert("rubric".into(), Value::from(score.rubric.as_str()));
    out.insert(
        "items".into(),
        score
            .lines
            .iter()
            .map(|l| line_json(l, decimals, locale))
            .collect(),
    );
    out.insert(
        "categories".into(),
        score
            .categories
            .iter()
            .map(|c| {
                object(vec![
                    ("id", text(&c.id)),
                    ("name", text(c.name.get(locale))),
                    ("max", n(c.max)),
                    ("score", n(c.score)),
                ])
            })
            .collect(),
    );
    out.insert("deduction_total".into(), n(score.deduction_total));
    out.insert("bonus_total".into(), n(score.bonus_total));
    out.insert("total".into(), n(score.total));
    Value::Object(out)
}

pub fn ranked_json(rows: &[RankedRow]) -> Value {
    rows.iter()
        .map(|r| {
            object(vec![
                ("department", text(&r.department)),
                ("s1", number(r.s1)),
                ("s2", number(r.s2)),
                ("final", number(r.final_score)),
                ("rank", Value::from(r.rank)),
            ])
        })
        .collect()
}

/// The rubric as data: identity, weights, limits, categories and every line with its rule.
pub fn rubric_json(rubric: &Rubric, locale: Locale) -> Value {
    let pick = |zh: &str, en: &str| -> String {
        if locale == Locale::En {
            en.to_string()
        } else {
            zh.to_string()
        }
    };
    let rules = rubric.data.get("lines").and_then(Value::as_array);
    let categories = rubric
        .categories
        .iter()
        .map(|c| {
            object(vec![
                ("id", text(&c.id)),
                ("name", Value::String(pick(&c.name, &c.name_en))),
                ("max", number(c.max)),
            ])
        })
        .collect();
    let lines = rubric
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            object(vec![
                ("id", text(&l.id)),
                ("category", text(&l.category)),
                ("name", Value::String(pick(&l.name, &l.name_en))),
                ("max", number(l.max)),
                ("bonus_cap", number(l.bonus_cap)),
                ("source", text(&l.source)),
                (
                    "rule",
                    rules
                        .and_then(|r| r.get(i))
                        .and_then(|r| r.get("rule"))
                        .cloned()
                        .unwrap_or(Value::Null),
                ),
            ])
        })
        .collect();
    object(vec![
        ("id", text(&rubric.id)),
        (
            "title",
            Value::String(pick(&rubric.title, &rubric.title_en)),
        ),
        ("source", text(&rubric.source)),
        (
            "weights",
            object(vec![
                ("self", number(rubric.weights.self_score)),
                ("assessor", number(rubric.weights.assessor)),
            ]),
        ),
        ("decimals", Value::from(rubric.decimals)),
        ("max_total", number(rubric.max_total())),
        ("categories", categories),
        ("lines", lines),
    ])
}
