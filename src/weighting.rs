//! The final score Sm = S1 × 40% + S2 × 60% and the ranking of departments (RUBRIC.md §1).

use crate::cell;
use crate::facts::fault_problem;
use crate::format::{num, round};
use crate::locale::Text;
use crate::problem::{Code, Problem};
use crate::rubric::Rubric;
use rust_decimal::Decimal;
use serde_json::Value;
use std::borrow::Cow;

/// Reads a score: a number from 0 to the rubric's highest possible total (118). The texts
/// of a problem are built only when there is one: this is the hot path of a summary sheet.
fn read_score(
    path: &str,
    label: fn() -> Text,
    value: &Value,
    max: Decimal,
) -> Result<Decimal, Problem> {
    let expected = || {
        let highest = num(max);
        Text::new(
            format!("0–{highest} 之间的分数"),
            format!("a score from 0 to {highest}"),
        )
    };
    let score = cell::read_decimal(value)
        .map_err(|fault| fault_problem(path, &label(), value, fault, &expected()))?;
    if score < Decimal::ZERO || score > max {
        let (label, expected) = (label(), expected());
        let shown = num(score);
        return Err(Problem::new(
            path,
            Code::OutOfRange,
            Text::new(
                format!(
                    "{}（{path}）为 {shown}，超出范围，应为{}",
                    label.zh, expected.zh
                ),
                format!(
                    "{} ({path}) is {shown}, out of range; expected {}",
                    label.en, expected.en
                ),
            ),
        ));
    }
    Ok(score)
}

fn weigh(rubric: &Rubric, s1: Decimal, s2: Decimal) -> Decimal {
    round(
        s1 * rubric.weights.self_score + s2 * rubric.weights.assessor,
        rubric.decimals,
    )
}

fn read_pair(
    rubric: &Rubric,
    prefix: &str,
    s1: &Value,
    s2: &Value,
) -> Result<(Decimal, Decimal), Vec<Problem>> {
    let max = rubric.max_total();
    let self_label = || Text::new("自评分 S1", "self score S1");
    let assessor_label = || Text::new("考评分 S2", "assessors' score S2");
    // The paths are only needed for a problem: borrowed when there is no prefix, so that a
    // plain `weightedScore` call allocates nothing for them.
    let (p1, p2): (Cow<str>, Cow<str>) = if prefix.is_empty() {
        ("s1".into(), "s2".into())
    } else {
        (format!("{prefix}s1").into(), format!("{prefix}s2").into())
    };
    let a = read_score(&p1, self_label, s1, max);
    let b = read_score(&p2, assessor_label, s2, max);
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err([a.err(), b.err()].into_iter().flatten().collect()),
    }
}

/// Sm, rounded half away from zero to the rubric's decimals.
pub fn weighted_score(rubric: &Rubric, s1: &Value, s2: &Value) -> Result<Decimal, Vec<Problem>> {
    let (a, b) = read_pair(rubric, "", s1, s2)?;
    Ok(weigh(rubric, a, b))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankedRow {
    pub department: String,
    pub s1: Decimal,
    pub s2: Decimal,
    pub final_score: Decimal,
    /// 1 for the highest Sm; equal Sm share a rank and the next rank skips (1, 2, 2, 4).
    pub rank: usize,
}

/// Weighs and ranks `[{department, s1, s2}]`, keeping the input order.
pub fn rank_departments(rubric: &Rubric, rows: &Value) -> Result<Vec<RankedRow>, Vec<Problem>> {
    let Value::Array(items) = rows else {
        return Err(vec![Problem::new(
            "rows",
            Code::Missing,
            Text::new(
                "应提供各二级学院的列表 [{department, s1, s2}]",
                "expected a list of departments [{department, s1, s2}]",
            ),
        )]);
    };
    let mut problems = Vec::new();
    let mut weighed = Vec::with_capacity(items.len());
    for (i, row) in items.iter().enumerate() {
        let field = |f: &str| row.get(f).unwrap_or(&Value::Null);
        let name = cell::read_text(field("department")).map_err(|fault| {
            let row = i + 1;
            let label = Text::new(
                format!("第 {row} 行的二级学院名称"),
                format!("the department of row {row}"),
            );
            fault_problem(
                &format!("rows[{i}].department"),
                &label,
                field("department"),
                fault,
                &Text::new("二级学院名称", "a name"),
            )
        });
        let scores = read_pair(rubric, &format!("rows[{i}]."), field("s1"), field("s2"));
        match (name, scores) {
            (Ok(name), Ok((s1, s2))) => weighed.push((name, s1, s2, weigh(rubric, s1, s2))),
            (name, scores) => {
                problems.extend(name.err());
                problems.extend(scores.err().unwrap_or_default());
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // The finals in descending order, kept sorted by binary insertion (departments are few).
    let mut finals: Vec<Decimal> = Vec::with_capacity(weighed.len());
    for w in &weighed {
        let at = finals.partition_point(|f| *f > w.3);
        finals.insert(at, w.3);
    }
    Ok(weighed
        .into_iter()
        .map(|(department, s1, s2, final_score)| RankedRow {
            rank: 1 + finals.partition_point(|f| *f > final_score),
            department,
            s1,
            s2,
            final_score,
        })
        .collect())
}
