//! The rubric file format as Rust types: serde derives the reading, `deny_unknown_fields`
//! refuses typos, and `serde_path_to_error` locates a malformed field
//! (`rubric.lines[9].rule.step`). What serde cannot know — sums, ranges, ids that must exist —
//! is checked afterwards in `check.rs`, every problem at once.
//!
//! Each line is read on its own, so a rubric with several malformed lines reports one problem
//! per line rather than only the first. A rule's `kind` picks its parameter type by hand
//! instead of `#[serde(tag = "kind")]`: serde buffers an internally tagged enum before reading
//! it, and the buffer loses the path inside the rule.

use super::*;
use crate::cell;
use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;

// The helpers below are kept out of line: each is used for a score of fields, and inlined
// into every one of them they tripled the rubric reader's share of the shipped module.

/// A decimal parameter: a JSON number or numeric text ("0.4", 60).
#[inline(never)]
pub(super) fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let value = Value::deserialize(d)?;
    cell::read_decimal(&value)
        .map_err(|_| D::Error::invalid_value(Unexpected::Other(&cell::show(&value)), &"a number"))
}

/// A whole-number parameter (0 up to `cell::COUNT_LIMIT`).
#[inline(never)]
pub(super) fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let value = Value::deserialize(d)?;
    cell::read_count(&value).map_err(|_| {
        D::Error::invalid_value(
            Unexpected::Other(&cell::show(&value)),
            &"a whole number, 0 or more",
        )
    })
}

/// Drops every `null` member of an object: in a rubric, as in JSON written by hand, a field
/// set to `null` (what a JS `undefined` becomes) means the field is absent.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RubricFile {
    id: String,
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    source: String,
    weights: Weights,
    #[serde(deserialize_with = "whole")]
    decimals: u64,
    #[serde(default)]
    facts: BTreeMap<String, Label>,
    categories: Vec<Category>,
    /// Read one by one (see the module's comment).
    lines: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineFile {
    id: String,
    category: String,
    name: String,
    #[serde(default)]
    name_en: String,
    #[serde(deserialize_with = "decimal")]
    max: Decimal,
    #[serde(default, deserialize_with = "decimal")]
    bonus_cap: Decimal,
    #[serde(default)]
    source: String,
    rule: Value,
}

impl<'de> Deserialize<'de> for Weights {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Weights, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            #[serde(rename = "self", deserialize_with = "decimal")]
            self_score: Decimal,
            #[serde(deserialize_with = "decimal")]
            assessor: Decimal,
        }
        let File {
            self_score,
            assessor,
        } = File::deserialize(d)?;
        Ok(Weights {
            self_score,
            assessor,
        })
    }
}

/// C7's ratios: like a C5 ratio, but a shortfall-only rule has no excess to round, so
/// `excess_rounding` is refused here rather than accepted and ignored; a ratio's own
/// `shortfall_rounding` overrides the rule's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShortfallRatioFile {
    part: String,
    whole: String,
    #[serde(deserialize_with = "decimal")]
    threshold: Decimal,
    #[serde(deserialize_with = "decimal")]
    step: Decimal,
    #[serde(deserialize_with = "decimal")]
    per_step: Decimal,
    #[serde(default)]
    shortfall_rounding: Option<ShortfallRounding>,
    label: String,
    #[serde(default)]
    label_en: String,
    #[serde(default)]
    unit: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatioShortfallsFile {
    #[serde(default)]
    shortfall_rounding: ShortfallRounding,
    ratios: Vec<ShortfallRatioFile>,
}

const KINDS: &str = "flags, choice, deduct_per_count, deduct_per_missing, partners_per_major, tiers_and_units, major_coverage, order_majors, order_classes, ratio, ratio_shortfalls";

/// Reads one part of the rubric as `T`; a problem is located under `at`.
fn typed<T: DeserializeOwned>(value: &Value, at: &str) -> Result<T, Problem> {
    super::shape::read(value, at)
}

fn rule(value: Value, at: &str) -> Result<Rule, Problem> {
    let Value::Object(mut fields) = value else {
        let shown = cell::show(&value);
        return Err(Problem::new(
            at,
            Code::InvalidRubric,
            Text::new(
                format!("{at} 应为对象 {{…}}，收到的是「{shown}」"),
                format!("{at} should be an object {{…}}, got “{shown}”"),
            ),
        ));
    };
    let kind = match fields.remove("kind") {
        Some(Value::String(kind)) => kind,
        other => {
            let shown = cell::show(&other.unwrap_or(Value::Null));
            return Err(Problem::new(
                format!("{at}.kind"),
                Code::InvalidRubric,
                Text::new(
                    format!("{at}.kind 应为规则类型（{KINDS} 之一），收到的是「{shown}」"),
                    format!("{at}.kind should name a rule kind ({KINDS}), got “{shown}”"),
                ),
            ));
        }
    };
    let params = &Value::Object(fields);
    Ok(match kind.as_str() {
        "flags" => Rule::Flags(typed(params, at)?),
        "choice" => Rule::Choice(typed(params, at)?),
        "deduct_per_count" => Rule::DeductPerCount(typed(params, at)?),
        "deduct_per_missing" => Rule::DeductPerMissing(typed(params, at)?),
        "partners_per_major" => Rule::PartnersPerMajor(typed(params, at)?),
        "tiers_and_units" => Rule::TiersAndUnits(typed(params, at)?),
        "major_coverage" => Rule::MajorCoverage(typed(params, at)?),
        "order_majors" => Rule::OrderMajors(typed(params, at)?),
        "order_classes" => Rule::OrderClasses(typed(params, at)?),
        "ratio" => Rule::Ratio(typed(params, at)?),
        "ratio_shortfalls" => {
            let file: RatioShortfallsFile = typed(params, at)?;
            Rule::RatioShortfalls(RatioShortfalls {
                ratios: file
                    .ratios
                    .into_iter()
                    .map(|r| RatioRule {
                        part: r.part,
                        whole: r.whole,
                        threshold: r.threshold,
                        step: r.step,
                        per_step: r.per_step,
                        shortfall_rounding: r.shortfall_rounding.unwrap_or(file.shortfall_rounding),
                        excess_rounding: ExcessRounding::Down,
                        label: r.label,
                        label_en: r.label_en,
                        unit: r.unit,
                    })
                    .collect(),
            })
        }
        other => {
            return Err(Problem::new(
                format!("{at}.kind"),
                Code::InvalidRubric,
                Text::new(
                    format!("{at}.kind「{other}」不是已知的规则类型，应为 {KINDS}"),
                    format!(
                        "{at}.kind “{other}” is not a known rule kind; expected one of {KINDS}"
                    ),
                ),
            ))
        }
    })
}

/// Reads the whole rubric: one problem for a malformed top level, else one per malformed line.
pub fn read(mut value: Value) -> Result<Rubric, Vec<Problem>> {
    drop_nulls(&mut value);
    let file: RubricFile = typed(&value, "rubric").map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut lines = Vec::with_capacity(file.lines.len());
    for (i, line) in file.lines.iter().enumerate() {
        let at = format!("rubric.lines[{i}]");
        let read = typed::<LineFile>(line, &at).and_then(|l| {
            let rule_data = l.rule.clone();
            rule(l.rule, &format!("{at}.rule")).map(|rule| Line {
                id: l.id,
                category: l.category,
                name: l.name,
                name_en: l.name_en,
                max: l.max,
                bonus_cap: l.bonus_cap,
                source: l.source,
                rule,
                rule_data,
            })
        });
        match read {
            Ok(line) => lines.push(line),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rubric = Rubric {
        id: file.id,
        title: file.title,
        title_en: file.title_en,
        source: file.source,
        weights: file.weights,
        decimals: u32::try_from(file.decimals).unwrap_or(u32::MAX),
        facts: file.facts.into_iter().collect(),
        categories: file.categories,
        lines,
        max_total: Decimal::ZERO,
    };
    fill_english(&mut rubric);
    Ok(rubric)
}

/// Every English text is optional in the file; where one is left out the Chinese stands in,
/// settled here once so that nothing downstream has to check.
fn fill_english(rubric: &mut Rubric) {
    fn or(en: &mut String, zh: &str) {
        if en.is_empty() {
            *en = zh.to_string();
        }
    }
    or(&mut rubric.title_en, &rubric.title);
    for (_, label) in &mut rubric.facts {
        or(&mut label.en, &label.zh);
    }
    for category in &mut rubric.categories {
        or(&mut category.name_en, &category.name);
    }
    for line in &mut rubric.lines {
        or(&mut line.name_en, &line.name);
        match &mut line.rule {
            Rule::Flags(FlagsRule { flags: items })
            | Rule::DeductPerMissing(DeductPerMissing { items, .. }) => {
                for item in items {
                    or(&mut item.label_en, &item.label);
                }
            }
            Rule::Choice(rule) => {
                for choice in &mut rule.choices {
                    or(&mut choice.label_en, &choice.label);
                }
            }
            Rule::DeductPerCount(rule) => {
                or(&mut rule.label_en, &rule.label);
                or(&mut rule.unit_en, &rule.unit);
            }
            Rule::TiersAndUnits(rule) => {
                or(&mut rule.tier_label_en, &rule.tier_label);
                or(&mut rule.unit_label_en, &rule.unit_label);
            }
            Rule::MajorCoverage(rule) => {
                for need in &mut rule.needs {
                    or(&mut need.label_en, &need.label);
                }
            }
            Rule::Ratio(ratio) => or(&mut ratio.label_en, &ratio.label),
            Rule::RatioShortfalls(rule) => {
                for ratio in &mut rule.ratios {
                    or(&mut ratio.label_en, &ratio.label);
                }
            }
            Rule::PartnersPerMajor(_) | Rule::OrderMajors(_) | Rule::OrderClasses(_) => {}
        }
    }
}
