//! The checks a parsed rubric must pass before anything is scored with it.
//!
//! Every check goes through a few small helpers that take the location as `(at, key)` and
//! build the path and both messages in one place: the checks stay one line each, and the
//! shipped module carries each message once.

use super::{RatioRule, Rubric, Rule};
use crate::format::num;
use crate::locale::Text;
use crate::problem::{Code, Problem};
use rust_decimal::Decimal;

struct Checker {
    problems: Vec<Problem>,
}

/// The allowed range of a number, for messages and checks.
#[derive(Clone, Copy)]
enum Range {
    /// 0 or more.
    NonNegative,
    /// Above 0.
    Positive,
    /// From 0 to the bound, inclusive.
    UpTo(u32),
}

impl Checker {
    #[inline(never)]
    fn fail(&mut self, path: String, code: Code, zh: String, en: String) {
        self.problems
            .push(Problem::new(path, code, Text::new(zh, en)));
    }

    /// `at.key` must lie in `range`.
    #[inline(never)]
    fn number(&mut self, at: &str, key: &str, value: Decimal, range: Range) {
        let (ok, zh, en) = match range {
            Range::NonNegative => (
                !value.is_sign_negative() || value.is_zero(),
                "不能为负数".to_string(),
                "it cannot be negative".to_string(),
            ),
            Range::Positive => (
                value > Decimal::ZERO,
                "应大于 0".to_string(),
                "it must be above 0".to_string(),
            ),
            Range::UpTo(high) => (
                value >= Decimal::ZERO && value <= Decimal::from(high),
                format!("应在 0–{high} 之间"),
                format!("expected 0–{high}"),
            ),
        };
        if !ok {
            let (path, value) = (format!("{at}.{key}"), num(value));
            self.fail(
                path.clone(),
                Code::OutOfRange,
                format!("{path} 为 {value}，{zh}"),
                format!("{path} is {value}; {en}"),
            );
        }
    }

    /// `at.key` must be a fact path such as `internship.local`.
    #[inline(never)]
    fn fact(&mut self, at: &str, key: &str, fact: &str) {
        let valid = !fact.is_empty()
            && fact.split('.').all(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
        if !valid {
            let path = format!("{at}.{key}");
            self.fail(
                path.clone(),
                Code::InvalidRubric,
                format!("{path}「{fact}」不是有效的数据路径（如 internship.local）"),
                format!("{path} “{fact}” is not a valid fact path (such as internship.local)"),
            );
        }
    }

    /// The list at `at.key` must not be empty.
    #[inline(never)]
    fn listed(&mut self, at: &str, key: &str, count: usize) {
        if count == 0 {
            let path = format!("{at}.{key}");
            self.fail(
                path.clone(),
                Code::InvalidRubric,
                format!("{path} 不能为空列表"),
                format!("{path} cannot be an empty list"),
            );
        }
    }

    /// The id at `at.id` must not repeat an earlier one.
    #[inline(never)]
    fn unique(&mut self, at: &str, id: &str, seen: &mut Vec<String>) {
        let key = id.to_ascii_uppercase();
        if seen.contains(&key) {
            let path = format!("{at}.id");
            self.fail(
                path.clone(),
                Code::InvalidRubric,
                format!("{path}「{id}」重复"),
                format!("{path} “{id}” repeats"),
            );
        }
        seen.push(key);
    }
}

pub fn check(rubric: &Rubric) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let w = &rubric.weights;
    c.number("rubric.weights", "self", w.self_score, Range::UpTo(1));
    c.number("rubric.weights", "assessor", w.assessor, Range::UpTo(1));
    let sum = num(w.self_score + w.assessor);
    if w.self_score + w.assessor != Decimal::ONE {
        c.fail(
            "rubric.weights".into(),
            Code::OutOfRange,
            format!("自评与考评权重之和为 {sum}，应为 1"),
            format!("the weights add up to {sum}; they must add up to 1"),
        );
    }
    c.number(
        "rubric",
        "decimals",
        Decimal::from(rubric.decimals),
        Range::UpTo(6),
    );
    c.listed("rubric", "lines", rubric.lines.len());

    let mut category_ids = Vec::new();
    for (i, category) in rubric.categories.iter().enumerate() {
        let at = format!("rubric.categories[{i}]");
        c.unique(&at, &category.id, &mut category_ids);
        let sum: Decimal = rubric
            .lines
            .iter()
            .filter(|l| l.category == category.id)
            .map(|l| l.max)
            .sum();
        if sum != category.max {
            let (max, sum) = (num(category.max), num(sum));
            c.fail(
                format!("{at}.max"),
                Code::InvalidRubric,
                format!(
                    "项目「{}」分值为 {max}，但其考核内容分值之和为 {sum}",
                    category.name
                ),
                format!(
                    "category “{}” is worth {max} but its lines add up to {sum}",
                    category.name
                ),
            );
        }
    }
    let mut line_ids = Vec::new();
    for (i, line) in rubric.lines.iter().enumerate() {
        let at = format!("rubric.lines[{i}]");
        c.unique(&at, &line.id, &mut line_ids);
        if !category_ids.contains(&line.category.to_ascii_uppercase()) {
            c.fail(
                format!("{at}.category"),
                Code::InvalidRubric,
                format!("考核内容 {} 所属项目「{}」不存在", line.id, line.category),
                format!(
                    "line {} names category “{}”, which does not exist",
                    line.id, line.category
                ),
            );
        }
        c.number(&at, "max", line.max, Range::NonNegative);
        c.number(&at, "bonus_cap", line.bonus_cap, Range::NonNegative);
        check_rule(&mut c, &format!("{at}.rule"), &line.rule);
    }
    c.problems
}

fn check_rule(c: &mut Checker, at: &str, rule: &Rule) {
    let non_negative = Range::NonNegative;
    match rule {
        Rule::Flags { flags } => {
            c.listed(at, "flags", flags.len());
            for (j, flag) in flags.iter().enumerate() {
                let at = format!("{at}.flags[{j}]");
                c.fact(&at, "fact", &flag.fact);
                c.number(&at, "points", flag.points, non_negative);
            }
        }
        Rule::DeductPerMissing { per, items } => {
            c.number(at, "per", *per, non_negative);
            c.listed(at, "items", items.len());
            for (j, item) in items.iter().enumerate() {
                c.fact(&format!("{at}.items[{j}]"), "fact", &item.fact);
            }
        }
        Rule::Choice { fact, choices } => {
            c.fact(at, "fact", fact);
            c.listed(at, "choices", choices.len());
            for (j, choice) in choices.iter().enumerate() {
                c.number(
                    &format!("{at}.choices[{j}]"),
                    "points",
                    choice.points,
                    non_negative,
                );
            }
        }
        Rule::DeductPerCount {
            fact, whole, per, ..
        } => {
            c.fact(at, "fact", fact);
            if let Some(whole) = whole {
                c.fact(at, "whole", whole);
            }
            c.number(at, "per", *per, non_negative);
        }
        Rule::PartnersPerMajor {
            per_major_without,
            bonus_per,
            ..
        } => {
            c.number(at, "per_major_without", *per_major_without, non_negative);
            c.number(at, "bonus_per", *bonus_per, non_negative);
        }
        Rule::TiersAndUnits {
            tier_fact,
            tier_max,
            tiers,
            unit_fact,
            bonus_per_unit,
            ..
        } => {
            c.fact(at, "tier_fact", tier_fact);
            c.fact(at, "unit_fact", unit_fact);
            c.number(at, "bonus_per_unit", *bonus_per_unit, non_negative);
            for (j, tier) in tiers.iter().enumerate() {
                let at = format!("{at}.tiers[{j}]");
                c.number(&at, "points", tier.points, non_negative);
                c.number(
                    &at,
                    "at",
                    Decimal::from(tier.at),
                    Range::UpTo(u32::try_from(*tier_max).unwrap_or(u32::MAX)),
                );
            }
            if !tiers.iter().any(|t| t.at == 0) {
                let path = format!("{at}.tiers");
                c.fail(
                    path.clone(),
                    Code::InvalidRubric,
                    format!("{path} 应包含 at 为 0 的最低档"),
                    format!("{path} needs a lowest tier at 0"),
                );
            }
        }
        Rule::MajorCoverage {
            per_major_lacking,
            needs,
            ..
        } => {
            c.number(at, "per_major_lacking", *per_major_lacking, non_negative);
            c.listed(at, "needs", needs.len());
        }
        Rule::OrderMajors { per_major, .. } => c.number(at, "per_major", *per_major, non_negative),
        Rule::OrderClasses {
            points_at_or_above,
            points_below,
            ..
        } => {
            c.number(at, "points_at_or_above", *points_at_or_above, non_negative);
            c.number(at, "points_below", *points_below, non_negative);
        }
        Rule::Ratio(ratio) => check_ratio(c, at, ratio),
        Rule::RatioShortfalls { ratios, .. } => {
            c.listed(at, "ratios", ratios.len());
            for (j, ratio) in ratios.iter().enumerate() {
                check_ratio(c, &format!("{at}.ratios[{j}]"), ratio);
            }
        }
    }
}

fn check_ratio(c: &mut Checker, at: &str, ratio: &RatioRule) {
    c.fact(at, "part", &ratio.part);
    c.fact(at, "whole", &ratio.whole);
    c.number(at, "threshold", ratio.threshold, Range::UpTo(100));
    c.number(at, "step", ratio.step, Range::Positive);
    c.number(at, "per_step", ratio.per_step, Range::NonNegative);
}
