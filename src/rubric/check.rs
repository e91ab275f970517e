//! The checks a parsed rubric must pass before anything is scored with it.

use super::{Rubric, Rule};
use crate::format::num;
use crate::locale::Text;
use crate::problem::{Code, Problem};
use rust_decimal::Decimal;

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, path: String, code: Code, zh: String, en: String) {
        self.problems
            .push(Problem::new(path, code, Text::new(zh, en)));
    }

    fn non_negative(&mut self, path: String, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.fail(
                path.clone(),
                Code::OutOfRange,
                format!("{path} 为 {}，不能为负数", num(value)),
                format!("{path} is {}; it cannot be negative", num(value)),
            );
        }
    }

    fn positive(&mut self, path: String, value: Decimal) {
        if value <= Decimal::ZERO {
            self.fail(
                path.clone(),
                Code::OutOfRange,
                format!("{path} 为 {}，应大于 0", num(value)),
                format!("{path} is {}; it must be above 0", num(value)),
            );
        }
    }

    fn percentage(&mut self, path: String, value: Decimal) {
        if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
            self.fail(
                path.clone(),
                Code::OutOfRange,
                format!("{path} 为 {}，应在 0–100 之间（百分点）", num(value)),
                format!("{path} is {}; expected 0–100 percentage points", num(value)),
            );
        }
    }

    fn fact(&mut self, path: String, fact: &str) {
        let valid = !fact.is_empty()
            && fact.split('.').all(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
        if !valid {
            self.fail(
                path.clone(),
                Code::InvalidRubric,
                format!("{path} 「{fact}」不是有效的数据路径（如 internship.local）"),
                format!("{path} “{fact}” is not a valid fact path (such as internship.local)"),
            );
        }
    }
}

pub fn check(rubric: &Rubric) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let w = &rubric.weights;
    for (name, value) in [("self", w.self_score), ("assessor", w.assessor)] {
        if value < Decimal::ZERO || value > Decimal::ONE {
            c.fail(
                format!("rubric.weights.{name}"),
                Code::OutOfRange,
                format!("权重 {name} 为 {}，应在 0–1 之间", num(value)),
                format!("weight {name} is {}; expected 0–1", num(value)),
            );
        }
    }
    if w.self_score + w.assessor != Decimal::ONE {
        c.fail(
            "rubric.weights".into(),
            Code::OutOfRange,
            format!(
                "自评与考评权重之和为 {}，应为 1",
                num(w.self_score + w.assessor)
            ),
            format!(
                "the weights add up to {}; they must add up to 1",
                num(w.self_score + w.assessor)
            ),
        );
    }
    if rubric.decimals > 6 {
        c.fail(
            "rubric.decimals".into(),
            Code::OutOfRange,
            format!("小数位数为 {}，应在 0–6 之间", rubric.decimals),
            format!("decimals is {}; expected 0–6", rubric.decimals),
        );
    }
    if rubric.lines.is_empty() {
        c.fail(
            "rubric.lines".into(),
            Code::InvalidRubric,
            "评分细则没有任何考核内容".into(),
            "the rubric has no lines".into(),
        );
    }
    let mut category_ids: Vec<&str> = Vec::new();
    for (i, category) in rubric.categories.iter().enumerate() {
        if category_ids.contains(&category.id.as_str()) {
            c.fail(
                format!("rubric.categories[{i}].id"),
                Code::InvalidRubric,
                format!("项目编号「{}」重复", category.id),
                format!("category id “{}” repeats", category.id),
            );
        }
        category_ids.push(&category.id);
        let sum: Decimal = rubric
            .lines
            .iter()
            .filter(|l| l.category == category.id)
            .map(|l| l.max)
            .sum();
        if sum != category.max {
            c.fail(
                format!("rubric.categories[{i}].max"),
                Code::InvalidRubric,
                format!(
                    "项目「{}」分值为 {}，但其考核内容分值之和为 {}",
                    category.name,
                    num(category.max),
                    num(sum)
                ),
                format!(
                    "category “{}” is worth {} but its lines add up to {}",
                    category.name,
                    num(category.max),
                    num(sum)
                ),
            );
        }
    }
    let mut line_ids: Vec<String> = Vec::new();
    for (i, line) in rubric.lines.iter().enumerate() {
        let at = |field: &str| format!("rubric.lines[{i}].{field}");
        if line_ids.contains(&line.id.to_ascii_uppercase()) {
            c.fail(
                at("id"),
                Code::InvalidRubric,
                format!("考核内容编号「{}」重复", line.id),
                format!("line id “{}” repeats", line.id),
            );
        }
        line_ids.push(line.id.to_ascii_uppercase());
        if !category_ids.contains(&line.category.as_str()) {
            c.fail(
                at("category"),
                Code::InvalidRubric,
                format!("考核内容 {} 所属项目「{}」不存在", line.id, line.category),
                format!(
                    "line {} names category “{}”, which does not exist",
                    line.id, line.category
                ),
            );
        }
        c.non_negative(at("max"), line.max);
        c.non_negative(at("bonus_cap"), line.bonus_cap);
        check_rule(&mut c, &at("rule"), &line.rule);
    }
    c.problems
}

fn check_rule(c: &mut Checker, at: &str, rule: &Rule) {
    match rule {
        Rule::Flags { flags } | Rule::DeductPerMissing { items: flags, .. } => {
            if flags.is_empty() {
                c.fail(
                    at.to_string(),
                    Code::InvalidRubric,
                    format!("{at} 没有列出任何条目"),
                    format!("{at} lists nothing"),
                );
            }
            for (j, flag) in flags.iter().enumerate() {
                c.fact(format!("{at}.flags[{j}].fact"), &flag.fact);
                c.non_negative(format!("{at}.flags[{j}].points"), flag.points);
            }
            if let Rule::DeductPerMissing { per, .. } = rule {
                c.non_negative(format!("{at}.per"), *per);
            }
        }
        Rule::Choice { fact, choices } => {
            c.fact(format!("{at}.fact"), fact);
            if choices.is_empty() {
                c.fail(
                    format!("{at}.choices"),
                    Code::InvalidRubric,
                    format!("{at} 没有任何选项"),
                    format!("{at} has no choices"),
                );
            }
            for (j, choice) in choices.iter().enumerate() {
                c.non_negative(format!("{at}.choices[{j}].points"), choice.points);
            }
        }
        Rule::DeductPerCount {
            fact, whole, per, ..
        } => {
            c.fact(format!("{at}.fact"), fact);
            if let Some(whole) = whole {
                c.fact(format!("{at}.whole"), whole);
            }
            c.non_negative(format!("{at}.per"), *per);
        }
        Rule::PartnersPerMajor {
            per_major_without,
            bonus_per,
            ..
        } => {
            c.non_negative(format!("{at}.per_major_without"), *per_major_without);
            c.non_negative(format!("{at}.bonus_per"), *bonus_per);
        }
        Rule::TiersAndUnits {
            tier_fact,
            tiers,
            unit_fact,
            bonus_per_unit,
            tier_max,
            ..
        } => {
            c.fact(format!("{at}.tier_fact"), tier_fact);
            c.fact(format!("{at}.unit_fact"), unit_fact);
            c.non_negative(format!("{at}.bonus_per_unit"), *bonus_per_unit);
            for (j, tier) in tiers.iter().enumerate() {
                c.non_negative(format!("{at}.tiers[{j}].points"), tier.points);
                if tier.at > *tier_max {
                    c.fail(
                        format!("{at}.tiers[{j}].at"),
                        Code::OutOfRange,
                        format!("档位 {} 超过上限 tier_max {tier_max}", tier.at),
                        format!("tier {} is above tier_max {tier_max}", tier.at),
                    );
                }
            }
            if !tiers.iter().any(|t| t.at == 0) {
                c.fail(
                    format!("{at}.tiers"),
                    Code::InvalidRubric,
                    format!("{at}.tiers 应包含 at 为 0 的最低档"),
                    format!("{at}.tiers needs a lowest tier at 0"),
                );
            }
        }
        Rule::MajorCoverage {
            per_major_lacking,
            needs,
            ..
        } => {
            c.non_negative(format!("{at}.per_major_lacking"), *per_major_lacking);
            if needs.is_empty() {
                c.fail(
                    format!("{at}.needs"),
                    Code::InvalidRubric,
                    format!("{at} 没有列出任何要求"),
                    format!("{at} lists no needs"),
                );
            }
        }
        Rule::OrderMajors { per_major, .. } => {
            c.non_negative(format!("{at}.per_major"), *per_major)
        }
        Rule::OrderClasses {
            points_at_or_above,
            points_below,
            ..
        } => {
            c.non_negative(format!("{at}.points_at_or_above"), *points_at_or_above);
            c.non_negative(format!("{at}.points_below"), *points_below);
        }
        Rule::Ratio(ratio) => check_ratio(c, at, ratio),
        Rule::RatioShortfalls { ratios, .. } => {
            if ratios.is_empty() {
                c.fail(
                    format!("{at}.ratios"),
                    Code::InvalidRubric,
                    format!("{at} 没有列出任何比例"),
                    format!("{at} lists no ratios"),
                );
            }
            for (j, ratio) in ratios.iter().enumerate() {
                check_ratio(c, &format!("{at}.ratios[{j}]"), ratio);
            }
        }
    }
}

fn check_ratio(c: &mut Checker, at: &str, ratio: &super::RatioRule) {
    c.fact(format!("{at}.part"), &ratio.part);
    c.fact(format!("{at}.whole"), &ratio.whole);
    c.percentage(format!("{at}.threshold"), ratio.threshold);
    c.positive(format!("{at}.step"), ratio.step);
    c.non_negative(format!("{at}.per_step"), ratio.per_step);
}
