//! Scoring a whole department: every line, its categories and the totals.

use crate::facts::FactReader;
use crate::format::join;
use crate::ledger::Warning;
use crate::locale::{Locale, Text};
use crate::problem::{Code, Problem};
use crate::rubric::Rubric;
use crate::rules::{self, LineScore};
use rust_decimal::Decimal;
use serde_json::Value;

/// A category's total (RUBRIC.md §5 `categories[]`): the sum of its lines, bonuses included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryScore {
    pub id: String,
    /// In the locale asked for.
    pub name: String,
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
    /// The ledger's compliance warnings (RUBRIC.md §7): they never change a score.
    pub warnings: Vec<Warning>,
    /// The language of the names and notes above, for rendering the warnings alike.
    pub locale: Locale,
}

/// Facts that cannot be scored: every problem, and the warnings when the ledger read
/// cleanly all the same (RUBRIC.md §7: warnings are reported whatever else is wrong).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
}

/// Reads every input the rubric needs; scores only when no problem stands. Notes in Chinese.
pub fn score_department(rubric: &Rubric, facts: &Value) -> Result<DepartmentScore, Vec<Problem>> {
    score_department_in(rubric, facts, Locale::Zh)
}

/// Like [`score_department`], with the notes and names in `locale`.
pub fn score_department_in(
    rubric: &Rubric,
    facts: &Value,
    locale: Locale,
) -> Result<DepartmentScore, Vec<Problem>> {
    assess_department(rubric, facts, locale).map_err(|rejected| rejected.problems)
}

/// Like [`score_department_in`], keeping the ledger's warnings when the facts are rejected.
pub fn assess_department(
    rubric: &Rubric,
    facts: &Value,
    locale: Locale,
) -> Result<DepartmentScore, Rejected> {
    assess(rubric, facts, locale, true)
}

/// The scoring alone, hints left out: a timing aid for `node scripts/bench-wasm.mjs --stages`
/// (RUBRIC.md §9 wants hints in every result, so nothing shipped calls this).
#[cfg(feature = "profile")]
pub fn score_without_hints(rubric: &Rubric, facts: &Value) -> bool {
    assess(rubric, facts, Locale::Zh, false).is_ok()
}

fn assess(
    rubric: &Rubric,
    facts: &Value,
    locale: Locale,
    with_hints: bool,
) -> Result<DepartmentScore, Rejected> {
    let mut reader = FactReader::new(facts, &rubric.facts, locale);
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
    // The ledger and the calendar are read whether or not a line asked for them (a rubric
    // may lack B1, C2 or A3): their problems and warnings belong to the facts.
    reader.ledger();
    reader.calendar();
    // The platform targets' own inputs (RUBRIC.md §10) are checked like every other input.
    crate::platform::check_inputs(&mut reader);
    let (problems, warnings) = reader.into_findings();
    if !problems.is_empty() {
        return Err(Rejected { problems, warnings });
    }
    // Every line or none: a line without a score and without a problem would be a rule's
    // bug, and it must show as an error rather than silently drop out of the result.
    let Some(mut lines) = lines.into_iter().collect::<Option<Vec<LineScore>>>() else {
        return Err(Rejected {
            problems: vec![unscored()],
            warnings,
        });
    };
    if with_hints {
        rules::attach_hints(rubric, facts, &mut lines, locale);
    }
    let categories = rubric
        .categories
        .iter()
        .map(|c| CategoryScore {
            id: c.id.clone(),
            name: match locale {
                Locale::Zh => c.name.clone(),
                Locale::En => c.name_en.clone(),
            },
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
        warnings,
        locale,
    })
}

/// A rule returned no score yet reported no problem: never expected, never hidden.
fn unscored() -> Problem {
    Problem::new(
        "",
        Code::Missing,
        Text::new(
            "有考核内容未能计分且未说明原因（引擎内部错误），请报告此问题",
            "a line could not be scored and no reason was given (an engine fault); please report it",
        ),
    )
}

/// Every problem with a department's facts (empty when they can be scored).
pub fn validate_facts(rubric: &Rubric, facts: &Value) -> Vec<Problem> {
    score_department(rubric, facts).err().unwrap_or_default()
}

/// Every problem with a department's facts and the ledger's warnings (`validateFacts`).
pub fn check_facts(rubric: &Rubric, facts: &Value) -> (Vec<Problem>, Vec<Warning>) {
    match assess_department(rubric, facts, Locale::Zh) {
        Ok(score) => (Vec::new(), score.warnings),
        Err(rejected) => (rejected.problems, rejected.warnings),
    }
}

/// Scores one line from just the facts it reads (the custom functions' path). Notes in Chinese.
pub fn score_line(rubric: &Rubric, id: &str, facts: &Value) -> Result<LineScore, Vec<Problem>> {
    score_line_in(rubric, id, facts, Locale::Zh)
}

/// Like [`score_line`], with the notes in `locale`.
pub fn score_line_in(
    rubric: &Rubric,
    id: &str,
    facts: &Value,
    locale: Locale,
) -> Result<LineScore, Vec<Problem>> {
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
    let mut reader = FactReader::new(facts, &rubric.facts, locale);
    let score = rules::evaluate(line, &mut reader);
    let problems = reader.into_problems();
    match score {
        Some(mut score) if problems.is_empty() => {
            rules::attach_hints(rubric, facts, std::slice::from_mut(&mut score), locale);
            Ok(score)
        }
        None if problems.is_empty() => Err(vec![unscored()]),
        _ => Err(problems),
    }
}
