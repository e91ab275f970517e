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
use serde_json::{json, Map, Value};

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
    json!({ "path": problem.path, "code": problem.code.as_str(), "message": problem.message(locale) })
}

/// `{ ok: false, errors: [...] }`
pub fn errors_json(problems: &[Problem], locale: Locale) -> Value {
    json!({ "ok": false, "errors": problems.iter().map(|p| problem_json(p, locale)).collect::<Vec<_>>() })
}

/// `{ ok, errors }` for validation.
pub fn validation_json(problems: &[Problem], locale: Locale) -> Value {
    json!({ "ok": problems.is_empty(), "errors": problems.iter().map(|p| problem_json(p, locale)).collect::<Vec<_>>() })
}

pub fn line_json(line: &LineScore, decimals: u32, locale: Locale) -> Value {
    let n = |d: Decimal| number(round(d, decimals));
    json!({
        "id": line.id,
        "name": line.name.get(locale),
        "category": line.category,
        "max": n(line.max),
        "bonus_cap": n(line.bonus_cap),
        "base": n(line.base),
        "deduction": n(line.deduction),
        "bonus": n(line.bonus),
        "score": n(line.score),
        "notes": line.notes.iter().map(|t| t.get(locale)).collect::<Vec<_>>(),
    })
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
            .map(|c| json!({ "id": c.id, "name": c.name.get(locale), "max": n(c.max), "score": n(c.score) }))
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
            json!({
                "department": r.department,
                "s1": number(r.s1),
                "s2": number(r.s2),
                "final": number(r.final_score),
                "rank": r.rank,
            })
        })
        .collect()
}

/// The rubric as data: identity, weights, limits, categories and every line with its rule.
pub fn rubric_json(rubric: &Rubric, locale: Locale) -> Value {
    let pick = |zh: &str, en: &str| -> String {
        if locale == Locale::En && !en.is_empty() {
            en.to_string()
        } else {
            zh.to_string()
        }
    };
    let rules = rubric.data.get("lines").and_then(Value::as_array);
    json!({
        "id": rubric.id,
        "title": pick(&rubric.title, &rubric.title_en),
        "source": rubric.source,
        "weights": { "self": number(rubric.weights.self_score), "assessor": number(rubric.weights.assessor) },
        "decimals": rubric.decimals,
        "max_total": number(rubric.max_total()),
        "categories": rubric.categories.iter().map(|c| json!({
            "id": c.id, "name": pick(&c.name, &c.name_en), "max": number(c.max),
        })).collect::<Vec<_>>(),
        "lines": rubric.lines.iter().enumerate().map(|(i, l)| json!({
            "id": l.id,
            "category": l.category,
            "name": pick(&l.name, &l.name_en),
            "max": number(l.max),
            "bonus_cap": number(l.bonus_cap),
            "source": l.source,
            "rule": rules.and_then(|r| r.get(i)).and_then(|r| r.get("rule")).cloned().unwrap_or(Value::Null),
        })).collect::<Vec<_>>(),
    })
}
