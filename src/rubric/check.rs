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
///
/// Every parameter is bounded, not only signed: the rules multiply counts of up to
/// `cell::COUNT_LIMIT` by points and divide shortfalls by steps, and within these bounds no
/// product or quotient can leave `Decimal`'s range (about 7.9e28), so no rubric can make the
/// arithmetic overflow and trap the module.
#[derive(Clone, Copy)]
enum Range {
    /// Points, per-unit points, caps and maxima: 0 to [`MAX_POINTS`].
    Points,
    /// A step in percentage points: from [`MIN_STEP`] to 100.
    Step,
    /// From 0 to the bound, inclusive.
    UpTo(u32),
}

/// The most points any one parameter can be worth (the 2023 table's largest is 20).
const MAX_POINTS: u32 = 1000;

/// The smallest step (0.01 percentage points): at most 10,000 steps fit in 100%.
fn min_step() -> Decimal {
    Decimal::new(1, 2)
}

/// At most this many decimals in a parameter: enough for any weight or threshold, and it
/// keeps every product's scale far inside `Decimal`'s 28 digits.
const MAX_SCALE: u32 = 6;

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
            Range::Points => (
                value >= Decimal::ZERO && value <= Decimal::from(MAX_POINTS),
                format!("应在 0–{MAX_POINTS} 之间"),
                format!("expected 0–{MAX_POINTS}"),
            ),
            Range::Step => (
                value >= min_step() && value <= Decimal::ONE_HUNDRED,
                format!("应在 {}–100 之间", num(min_step())),
                format!("expected {}–100", num(min_step())),
            ),
            Range::UpTo(high) => (
                value >= Decimal::ZERO && value <= Decimal::from(high),
                format!("应在 0–{high} 之间"),
                format!("expected 0–{high}"),
            ),
        };
        let precise = value.normalize().scale() <= MAX_SCALE;
        if ok && !precise {
            let (path, value) = (format!("{at}.{key}"), num(value));
            self.fail(
                path.clone(),
                Code::OutOfRange,
                format!("{path} 为 {value}，最多 {MAX_SCALE} 位小数"),
                format!("{path} is {value}; at most {MAX_SCALE} decimals"),
            );
        }
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
    // Checked: the weights are not yet known to be in range here.
    let total = w.self_score.checked_add(w.assessor);
    if total != Some(Decimal::ONE) {
        let (sum_zh, sum_en) = total.map_or_else(
            || ("超出范围".to_string(), "far too large".to_string()),
            |t| (num(t), num(t)),
        );
        c.fail(
            "rubric.weights".into(),
            Code::OutOfRange,
            format!("自评与考评权重之和（rubric.weights）为 {sum_zh}，应为 1"),
            format!("the weights (rubric.weights) add up to {sum_en}; they must add up to 1"),
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
        c.number(&at, "max", category.max, Range::Points);
        // Checked: the lines' maxima are checked for range only below.
        let sum = rubric
            .lines
            .iter()
            .filter(|l| l.category == category.id)
            .try_fold(Decimal::ZERO, |sum, l| sum.checked_add(l.max));
        if sum != Some(category.max) {
            let (max, sum) = (num(category.max), sum.map_or_else(|| "?".to_string(), num));
            c.fail(
                format!("{at}.max"),
                Code::InvalidRubric,
                format!(
                    "项目「{}」（{at}.max）分值为 {max}，但其考核内容分值之和为 {sum}",
                    category.name
                ),
                format!(
                    "category “{}” ({at}.max) is worth {max} but its lines add up to {sum}",
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
        c.number(&at, "max", line.max, Range::Points);
        c.number(&at, "bonus_cap", line.bonus_cap, Range::Points);
        check_rule(&mut c, &format!("{at}.rule"), &line.rule);
    }
    c.problems
}

fn check_rule(c: &mut Checker, at: &str, rule: &Rule) {
    let points = Range::Points;
    match rule {
        Rule::Flags(rule) => {
            c.listed(at, "flags", rule.flags.len());
            for (j, flag) in rule.flags.iter().enumerate() {
                let at = format!("{at}.flags[{j}]");
                c.fact(&at, "fact", &flag.fact);
                c.number(&at, "points", flag.points, points);
            }
        }
        Rule::DeductPerMissing(rule) => {
            c.number(at, "per", rule.per, points);
            c.listed(at, "items", rule.items.len());
            for (j, item) in rule.items.iter().enumerate() {
                let at = format!("{at}.items[{j}]");
                c.fact(&at, "fact", &item.fact);
                c.number(&at, "points", item.points, points);
            }
        }
        Rule::Choice(rule) => {
            c.fact(at, "fact", &rule.fact);
            c.listed(at, "choices", rule.choices.len());
            for (j, choice) in rule.choices.iter().enumerate() {
                c.number(
                    &format!("{at}.choices[{j}]"),
                    "points",
                    choice.points,
                    points,
                );
            }
        }
        Rule::DeductPerCount(rule) => {
            c.fact(at, "fact", &rule.fact);
            if let Some(whole) = &rule.whole {
                c.fact(at, "whole", whole);
            }
            c.number(at, "per", rule.per, points);
        }
        Rule::PartnersPerMajor(rule) => {
            c.number(at, "per_major_without", rule.per_major_without, points);
            c.number(at, "bonus_per", rule.bonus_per, points);
        }
        Rule::TiersAndUnits(rule) => {
            c.fact(at, "tier_fact", &rule.tier_fact);
            c.fact(at, "unit_fact", &rule.unit_fact);
            c.number(at, "bonus_per_unit", rule.bonus_per_unit, points);
            for (j, tier) in rule.tiers.iter().enumerate() {
                let at = format!("{at}.tiers[{j}]");
                c.number(&at, "points", tier.points, points);
                c.number(
                    &at,
                    "at",
                    Decimal::from(tier.at),
                    Range::UpTo(u32::try_from(rule.tier_max).unwrap_or(u32::MAX)),
                );
            }
            if !rule.tiers.iter().any(|t| t.at == 0) {
                let path = format!("{at}.tiers");
                c.fail(
                    path.clone(),
                    Code::InvalidRubric,
                    format!("{path} 应包含 at 为 0 的最低档"),
                    format!("{path} needs a lowest tier at 0"),
                );
            }
        }
        Rule::MajorCoverage(rule) => {
            c.number(at, "per_major_lacking", rule.per_major_lacking, points);
            c.listed(at, "needs", rule.needs.len());
        }
        Rule::OrderMajors(rule) => c.number(at, "per_major", rule.per_major, points),
        Rule::OrderClasses(rule) => {
            c.number(at, "points_at_or_above", rule.points_at_or_above, points);
            c.number(at, "points_below", rule.points_below, points);
        }
        Rule::Ratio(ratio) => check_ratio(c, at, ratio),
        Rule::RatioShortfalls(rule) => {
            c.listed(at, "ratios", rule.ratios.len());
            for (j, ratio) in rule.ratios.iter().enumerate() {
                check_ratio(c, &format!("{at}.ratios[{j}]"), ratio);
            }
        }
    }
}

fn check_ratio(c: &mut Checker, at: &str, ratio: &RatioRule) {
    c.fact(at, "part", &ratio.part);
    c.fact(at, "whole", &ratio.whole);
    c.number(at, "threshold", ratio.threshold, Range::UpTo(100));
    c.number(at, "step", ratio.step, Range::Step);
    c.number(at, "per_step", ratio.per_step, Range::Points);
}
