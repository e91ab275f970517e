//! Scoring a whole department: every line, its categories and the totals.

use crate::facts::FactReader;
use crate::format::join;
use crate::locale::Text;
use crate::problem::{Code, Problem};
use crate::rubric::Rubric;
use crate::rules::{self, LineScore};
use rust_decimal::Decimal;
use serde_json::Value;

/// A category's total (RUBRIC.md §5 `categories[]`): the sum of its lines, bonuses included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryScore {
    pub id: String,
    pub name: Text,
    pub max: Decimal,
    pub score: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentScore {
    pub department: String,
    pub year: Option<String>,
    pub rubric: String,
    pub lines: Vec<LineScore>,
    pub categories: Vec<CategoryScore>,
    pub deduction_total: Decimal,
    pub bonus_total: Decimal,
    pub total: Decimal,
}

/// Reads every input the rubric needs; scores only when no problem stands.
pub fn score_department(rubric: &Rubric, facts: &Value) -> Result<DepartmentScore, Vec<Problem>> {
    let mut reader = FactReader::new(facts, &rubric.facts);
    let department = reader.text("department");
    let year = match facts.get("year") {
        Some(value) if !crate::cell::is_blank(value) => reader.text("year"),
        _ => None,
    };
    let lines: Vec<Option<LineScore>> = rubric
        .lines
        .iter()
        .map(|line| rules::evaluate(line, &mut reader))
        .collect();
    let problems = reader.into_problems();
    if !problems.is_empty() {
        return Err(problems);
    }
    let lines: Vec<LineScore> = lines.into_iter().flatten().collect();
    let categories = rubric
        .categories
        .iter()
        .map(|c| CategoryScore {
            id: c.id.clone(),
            name: Text::new(&c.name, &c.name_en),
            max: c.max,
            score: lines
                .iter()
                .filter(|l| l.category == c.id)
                .map(|l| l.score)
                .sum(),
        })
        .collect();
    Ok(DepartmentScore {
        department: department.unwrap_or_default(),
        year,
        rubric: rubric.id.clone(),
        deduction_total: lines.iter().map(|l| l.deduction).sum(),
        bonus_total: lines.iter().map(|l| l.bonus).sum(),
        total: lines.iter().map(|l| l.score).sum(),
        lines,
        categories,
    })
}

/// Every problem with a department's facts (empty when they can be scored).
pub fn validate_facts(rubric: &Rubric, facts: &Value) -> Vec<Problem> {
    score_department(rubric, facts).err().unwrap_or_default()
}

/// Scores one line from just the facts it reads (the custom functions' path).
pub fn score_line(rubric: &Rubric, id: &str, facts: &Value) -> Result<LineScore, Vec<Problem>> {
    let Some(line) = rubric.line(id) else {
        let ids: Vec<&str> = rubric.lines.iter().map(|l| l.id.as_str()).collect();
        return Err(vec![Problem::new(
            "line",
            Code::UnknownChoice,
            Text::new(
                format!("没有编号为「{id}」的考核内容，应为 {}", join(&ids, "、")),
                format!(
                    "there is no line “{id}”; expected one of {}",
                    join(&ids, ", ")
                ),
            ),
        )]);
    };
    let mut reader = FactReader::new(facts, &rubric.facts);
    let score = rules::evaluate(line, &mut reader);
    let problems = reader.into_problems();
    match score {
        Some(score) if problems.is_empty() => Ok(score),
        _ => Err(problems),
    }
}
