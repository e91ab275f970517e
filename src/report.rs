//! The JSON faces of the engine (RUBRIC.md §5): results, errors and the rubric as data, as
//! `Serialize` structs in the documented field order. The Wasm layer hands them to
//! `serde-wasm-bindgen` (plain JS objects); natively they become `serde_json` values or text.
//! Numbers are plain numbers, already rounded to the rubric's decimals.

use crate::department::{CategoryScore, DepartmentScore};
use crate::format::round;
use crate::ledger::Warning;
use crate::locale::Locale;
use crate::problem::Problem;
use crate::rubric::Rubric;
use crate::rules::LineScore;
use crate::weighting::RankedRow;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// A decimal as a plain number: an integer when whole (so it prints as `88`, not `88.0`),
/// else the nearest double (which prints back as the same short decimal, e.g. 89.7).
/// (TypeScript: `Num` is declared as `number` beside the generated types.)
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Whole numbers (most scores) are read from the mantissa, without decimal arithmetic.
        let value = if self.0.scale() == 0 {
            self.0
        } else {
            self.0.normalize()
        };
        if value.scale() == 0 {
            if let Ok(i) = i64::try_from(value.mantissa()) {
                return serializer.serialize_i64(i);
            }
        }
        serializer.serialize_f64(value.to_f64().unwrap_or(f64::NAN))
    }
}

/// `{ path, code, message }`, the message in one language.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct ProblemOut<'a> {
    pub path: &'a str,
    pub code: &'static str,
    pub message: &'a str,
}

impl<'a> ProblemOut<'a> {
    pub fn new(problem: &'a Problem, locale: Locale) -> ProblemOut<'a> {
        ProblemOut {
            path: &problem.path,
            code: problem.code.as_str(),
            message: problem.message(locale),
        }
    }
}

impl<'a> ProblemOut<'a> {
    /// A compliance warning (RUBRIC.md §7) has the same shape as a problem.
    pub fn warning(warning: &'a Warning, locale: Locale) -> ProblemOut<'a> {
        ProblemOut {
            path: &warning.path,
            code: warning.code.as_str(),
            message: warning.message(locale),
        }
    }
}

pub fn warnings_out(warnings: &[Warning], locale: Locale) -> Vec<ProblemOut<'_>> {
    warnings
        .iter()
        .map(|w| ProblemOut::warning(w, locale))
        .collect()
}

fn problems_out(problems: &[Problem], locale: Locale) -> Vec<ProblemOut<'_>> {
    problems
        .iter()
        .map(|p| ProblemOut::new(p, locale))
        .collect()
}

/// `{ ok: false, errors }` (also `validateFacts`' answer, where `ok` is whether there are none).
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct Errors<'a> {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "false"))]
    pub ok: bool,
    pub errors: Vec<ProblemOut<'a>>,
    /// `scoreDepartment`'s rejections carry the ledger's warnings (RUBRIC.md §7), computed
    /// when the ledger itself read cleanly; other answers have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub warnings: Option<Vec<ProblemOut<'a>>>,
}

/// `validateFacts`' answer: `{ ok, errors }`, `ok` when there are none.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct Validation<'a> {
    pub ok: bool,
    pub errors: Vec<ProblemOut<'a>>,
    /// The ledger's compliance warnings: they never make `ok` false.
    pub warnings: Vec<ProblemOut<'a>>,
}

impl<'a> Validation<'a> {
    pub fn new(problems: &'a [Problem], locale: Locale) -> Validation<'a> {
        Validation::with_warnings(problems, &[], locale)
    }

    pub fn with_warnings(
        problems: &'a [Problem],
        warnings: &'a [Warning],
        locale: Locale,
    ) -> Validation<'a> {
        Validation {
            ok: problems.is_empty(),
            errors: problems_out(problems, locale),
            warnings: warnings_out(warnings, locale),
        }
    }
}

impl<'a> Errors<'a> {
    pub fn new(problems: &'a [Problem], locale: Locale) -> Errors<'a> {
        Errors {
            ok: false,
            errors: problems_out(problems, locale),
            warnings: None,
        }
    }

    /// `scoreDepartment`'s rejection: the problems and the warnings computed all the same.
    pub fn with_warnings(
        problems: &'a [Problem],
        warnings: &'a [Warning],
        locale: Locale,
    ) -> Errors<'a> {
        Errors {
            warnings: Some(warnings_out(warnings, locale)),
            ..Errors::new(problems, locale)
        }
    }
}

/// One scored line, `items[]` of §5.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct Item<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub category: &'a str,
    pub max: Num,
    pub bonus_cap: Num,
    pub base: Num,
    pub deduction: Num,
    pub bonus: Num,
    pub score: Num,
    pub notes: &'a [String],
    /// What it would take to score more (RUBRIC.md §9); empty when nothing would.
    pub hints: Vec<HintOut<'a>>,
}

/// One hint, `{ path, current, needed, gain, text }` (RUBRIC.md §9).
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct HintOut<'a> {
    pub path: &'a str,
    /// A count, a yes/no, a choice's value, or (C2) the bases the major has.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "number | boolean | string | string[]")
    )]
    pub current: &'a Value,
    /// The value to reach; (C2) the bases the major lacks.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "number | boolean | string | string[]")
    )]
    pub needed: &'a Value,
    pub gain: Num,
    pub text: &'a str,
}

impl<'a> Item<'a> {
    pub fn new(line: &'a LineScore, decimals: u32) -> Item<'a> {
        let n = |d: Decimal| Num(round(d, decimals));
        Item {
            id: &line.id,
            name: &line.name,
            category: &line.category,
            max: n(line.max),
            bonus_cap: n(line.bonus_cap),
            base: n(line.base),
            deduction: n(line.deduction),
            bonus: n(line.bonus),
            score: n(line.score),
            notes: &line.notes,
            hints: line
                .hints
                .iter()
                .map(|h| HintOut {
                    path: &h.path,
                    current: &h.current,
                    needed: &h.needed,
                    gain: n(h.gain),
                    text: &h.text,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct CategoryOut<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub max: Num,
    pub score: Num,
}

/// The score sheet of §5.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct Department<'a> {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "true"))]
    pub ok: bool,
    pub department: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<&'a str>,
    pub rubric: &'a str,
    pub items: Vec<Item<'a>>,
    pub categories: Vec<CategoryOut<'a>>,
    pub deduction_total: Num,
    pub bonus_total: Num,
    pub total: Num,
    /// The ledger's compliance warnings (RUBRIC.md §7), in the result's language.
    pub warnings: Vec<ProblemOut<'a>>,
}

impl<'a> Department<'a> {
    pub fn new(score: &'a DepartmentScore, decimals: u32) -> Department<'a> {
        let n = |d: Decimal| Num(round(d, decimals));
        let category = |c: &'a CategoryScore| CategoryOut {
            id: &c.id,
            name: &c.name,
            max: n(c.max),
            score: n(c.score),
        };
        Department {
            ok: true,
            department: &score.department,
            year: score.year.as_deref(),
            rubric: &score.rubric,
            items: score.lines.iter().map(|l| Item::new(l, decimals)).collect(),
            categories: score.categories.iter().map(category).collect(),
            deduction_total: n(score.deduction_total),
            bonus_total: n(score.bonus_total),
            total: n(score.total),
            warnings: warnings_out(&score.warnings, score.locale),
        }
    }
}

/// `scoreDepartment`'s answer: the sheet or the errors.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
#[serde(untagged)]
pub enum Scored<'a> {
    Ok(Department<'a>),
    Err(Errors<'a>),
}

/// `scoreLine`'s answer on success: `{ ok: true, item }`.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct LineOut<'a> {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "true"))]
    pub ok: bool,
    pub item: Item<'a>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
#[serde(untagged)]
pub enum LineScored<'a> {
    Ok(LineOut<'a>),
    Err(Errors<'a>),
}

/// One row of `rankDepartments`' answer.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct Ranked<'a> {
    pub department: &'a str,
    pub s1: Num,
    pub s2: Num,
    #[serde(rename = "final")]
    pub final_score: Num,
    pub rank: usize,
}

pub fn ranked(rows: &[RankedRow]) -> Vec<Ranked<'_>> {
    rows.iter()
        .map(|r| Ranked {
            department: &r.department,
            s1: Num(r.s1),
            s2: Num(r.s2),
            final_score: Num(r.final_score),
            rank: r.rank,
        })
        .collect()
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct WeightsOut {
    #[serde(rename = "self")]
    pub self_score: Num,
    pub assessor: Num,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct CategoryInfo<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub max: Num,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct LineInfo<'a> {
    pub id: &'a str,
    pub category: &'a str,
    pub name: &'a str,
    pub max: Num,
    pub bonus_cap: Num,
    pub source: &'a str,
    /// The rule's parameters as the file has them.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "Record<string, unknown> & { kind: string }")
    )]
    pub rule: &'a Value,
}

/// The rubric as data: identity, weights, limits, categories and every line with its rule.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct RubricInfo<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub source: &'a str,
    pub weights: WeightsOut,
    pub decimals: u32,
    pub max_total: Num,
    pub categories: Vec<CategoryInfo<'a>>,
    pub lines: Vec<LineInfo<'a>>,
}

impl<'a> RubricInfo<'a> {
    pub fn new(rubric: &'a Rubric, locale: Locale) -> RubricInfo<'a> {
        let pick = |zh: &'a str, en: &'a str| if locale == Locale::En { en } else { zh };
        RubricInfo {
            id: &rubric.id,
            title: pick(&rubric.title, &rubric.title_en),
            source: &rubric.source,
            weights: WeightsOut {
                self_score: Num(rubric.weights.self_score),
                assessor: Num(rubric.weights.assessor),
            },
            decimals: rubric.decimals,
            max_total: Num(rubric.max_total()),
            categories: rubric
                .categories
                .iter()
                .map(|c| CategoryInfo {
                    id: &c.id,
                    name: pick(&c.name, &c.name_en),
                    max: Num(c.max),
                })
                .collect(),
            lines: rubric
                .lines
                .iter()
                .map(|l| LineInfo {
                    id: &l.id,
                    category: &l.category,
                    name: pick(&l.name, &l.name_en),
                    max: Num(l.max),
                    bonus_cap: Num(l.bonus_cap),
                    source: &l.source,
                    rule: &l.rule_data,
                })
                .collect(),
        }
    }
}

/// Any of these as a `serde_json` value, for the command line and the native tests.
pub fn to_json<T: Serialize>(value: &T) -> Value {
    // Serialising these plain structs into a `Value` cannot fail (no maps with non-text keys).
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The score sheet as JSON (native callers).
pub fn department_json(score: &DepartmentScore, decimals: u32) -> Value {
    to_json(&Department::new(score, decimals))
}

/// `{ ok: false, errors }` as JSON (native callers).
pub fn errors_json(problems: &[Problem], locale: Locale) -> Value {
    to_json(&Errors::new(problems, locale))
}

/// `scoreDepartment`'s answer as JSON (native callers): the sheet, or the errors with the
/// warnings computed all the same.
pub fn assessment_json(
    result: &Result<DepartmentScore, crate::department::Rejected>,
    decimals: u32,
    locale: Locale,
) -> Value {
    match result {
        Ok(score) => department_json(score, decimals),
        Err(rejected) => to_json(&Errors::with_warnings(
            &rejected.problems,
            &rejected.warnings,
            locale,
        )),
    }
}

/// A decimal as a JSON number (native callers).
pub fn number(value: Decimal) -> Value {
    to_json(&Num(value))
}

pub fn ranked_json(rows: &[RankedRow]) -> Value {
    to_json(&ranked(rows))
}
