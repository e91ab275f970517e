//! The rubric as data: one JSON file per version, the 2023 trial built in.
//!
//! Rule *kinds* are code (`crate::rules`); every threshold, step, cap, weight and [option]
//! of RUBRIC.md is a parameter here, so next year's table or another college's is a new
//! file, not new code. A malformed rubric is refused with located problems, like facts.

mod check;
mod file;
mod shape;

use crate::locale::Text;
use crate::problem::{Code, Problem};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::OnceLock;

/// The built-in rubric's text (`rubrics/2023-trial.json`, minified by `build.rs`).
pub const TRIAL_2023: &str = include_str!(concat!(env!("OUT_DIR"), "/2023-trial.min.json"));

/// The 2023 trial rubric, parsed once.
pub fn builtin() -> &'static Rubric {
    static RUBRIC: OnceLock<Rubric> = OnceLock::new();
    RUBRIC.get_or_init(|| match Rubric::from_json(TRIAL_2023) {
        Ok(rubric) => rubric,
        // The built-in file is checked by the test suite; this arm cannot be reached by input.
        Err(problems) => unreachable!("built-in rubric is invalid: {problems:?}"),
    })
}

#[derive(Clone, Debug)]
pub struct Rubric {
    pub id: String,
    pub title: String,
    pub title_en: String,
    pub source: String,
    pub weights: Weights,
    pub decimals: u32,
    /// Names of the facts the rules read, for messages ("internship.local" → 本地…人数).
    pub facts: Vec<(String, Label)>,
    pub categories: Vec<Category>,
    pub lines: Vec<Line>,
    /// Every line's max plus its bonus cap, summed once when the rubric is read.
    max_total: Decimal,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

#[derive(Clone, Debug)]
pub struct Weights {
    /// Weight of the department's self score S1 (default 0.4).
    pub self_score: Decimal,
    /// Weight of the assessors' score S2 (default 0.6).
    pub assessor: Decimal,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(deserialize_with = "file::decimal")]
    pub max: Decimal,
}

#[derive(Clone, Debug)]
pub struct Line {
    pub id: String,
    pub category: String,
    pub name: String,
    pub name_en: String,
    pub max: Decimal,
    pub bonus_cap: Decimal,
    /// The rubric's own sentence this line applies.
    pub source: String,
    pub rule: Rule,
    /// The rule as the file has it, for `rubricInfo()`.
    pub rule_data: serde_json::Value,
}

impl Line {
    pub fn name_text(&self) -> Text {
        Text::new(&self.name, &self.name_en)
    }
}

/// A rule kind with its parameters (the file's `kind` picks the variant).
#[derive(Clone, Debug)]
pub enum Rule {
    /// Points for each yes (A1).
    Flags(FlagsRule),
    /// Points for the chosen option (A2).
    Choice(ChoiceRule),
    /// Full marks less `per` for each counted failure (A3).
    DeductPerCount(DeductPerCount),
    /// Full marks less `per` for each required document missing (A4).
    DeductPerMissing(DeductPerMissing),
    /// Every major needs a partner enterprise; extra partners earn a bonus (B1).
    PartnersPerMajor(PartnersPerMajor),
    /// Points by tier of one count, plus a bonus per unit of another (C1).
    TiersAndUnits(TiersAndUnits),
    /// Every major needs every listed facility; each major lacking one costs points (C2).
    MajorCoverage(MajorCoverage),
    /// Points per major that runs an order class; full marks when every major does (C3).
    OrderMajors(OrderMajors),
    /// Points per order class by its size (C4).
    OrderClasses(OrderClasses),
    /// A ratio against a threshold: a point per started step short, a point per full step over (C5, C6).
    Ratio(RatioRule),
    /// Several ratios, each costing points per started step short (C7).
    RatioShortfalls(RatioShortfalls),
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagsRule {
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceRule {
    pub fact: String,
    pub choices: Vec<Choice>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeductPerCount {
    pub fact: String,
    /// If given, the count cannot exceed this fact (missed ≤ due).
    #[serde(default)]
    pub whole: Option<String>,
    #[serde(deserialize_with = "file::decimal")]
    pub per: Decimal,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub unit_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeductPerMissing {
    #[serde(deserialize_with = "file::decimal")]
    pub per: Decimal,
    pub items: Vec<Flag>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnersPerMajor {
    #[serde(deserialize_with = "file::decimal")]
    pub per_major_without: Decimal,
    #[serde(deserialize_with = "file::decimal")]
    pub bonus_per: Decimal,
    #[serde(default)]
    pub bonus_mode: BonusMode,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TiersAndUnits {
    pub tier_fact: String,
    #[serde(deserialize_with = "file::whole")]
    pub tier_max: u64,
    pub tiers: Vec<Tier>,
    pub tier_label: String,
    #[serde(default)]
    pub tier_label_en: String,
    pub unit_fact: String,
    #[serde(deserialize_with = "file::decimal")]
    pub bonus_per_unit: Decimal,
    pub unit_label: String,
    #[serde(default)]
    pub unit_label_en: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub unit_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MajorCoverage {
    #[serde(deserialize_with = "file::decimal")]
    pub per_major_lacking: Decimal,
    /// "没有的该项不得分": when no major has any, the line scores nothing.
    #[serde(default)]
    pub none_at_all_scores_zero: bool,
    pub needs: Vec<MajorNeed>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderMajors {
    #[serde(deserialize_with = "file::decimal")]
    pub per_major: Decimal,
    #[serde(default)]
    pub all_majors_full: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderClasses {
    #[serde(deserialize_with = "file::whole")]
    pub size: u64,
    #[serde(deserialize_with = "file::decimal")]
    pub points_at_or_above: Decimal,
    #[serde(deserialize_with = "file::decimal")]
    pub points_below: Decimal,
}

#[derive(Clone, Debug)]
pub struct RatioShortfalls {
    /// Each ratio carries its own rounding (the rule's, unless the ratio sets one).
    pub ratios: Vec<RatioRule>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub fact: String,
    #[serde(default, deserialize_with = "file::decimal")]
    pub points: Decimal,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(deserialize_with = "file::decimal")]
    pub points: Decimal,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[serde(deserialize_with = "file::whole")]
    pub at: u64,
    #[serde(deserialize_with = "file::decimal")]
    pub points: Decimal,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MajorNeed {
    pub field: String,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioRule {
    pub part: String,
    pub whole: String,
    /// Percentage points, e.g. 60.
    #[serde(deserialize_with = "file::decimal")]
    pub threshold: Decimal,
    /// Percentage points per step, e.g. 5.
    #[serde(deserialize_with = "file::decimal")]
    pub step: Decimal,
    /// Points per step, below or above.
    #[serde(deserialize_with = "file::decimal")]
    pub per_step: Decimal,
    #[serde(default)]
    pub shortfall_rounding: ShortfallRounding,
    #[serde(default)]
    pub excess_rounding: ExcessRounding,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
    /// The part's Chinese measure word ("人"), for hints ("再增加 6 人"); may be empty.
    #[serde(default)]
    pub unit: String,
}

/// How a shortfall below a threshold turns into steps. [option, default `up`]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShortfallRounding {
    /// Every started step costs: ceil(shortfall / step).
    #[default]
    Up,
    /// Only full steps cost: floor(shortfall / step).
    Down,
}

/// How an excess above a threshold turns into steps. [option, default `down`]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExcessRounding {
    /// Every full step earns: floor(excess / step).
    #[default]
    Down,
    /// 超过 excludes the number itself: an exact multiple does not earn its last step.
    Exclusive,
}

/// How B1's bonus counts. [option, default `per_extra_enterprise`]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BonusMode {
    /// Every enterprise beyond a major's first earns a bonus unit.
    #[default]
    PerExtraEnterprise,
    /// Every major with more than one enterprise earns one bonus unit.
    PerMajorWithExtra,
}

impl Rubric {
    /// Parses and checks a rubric; every problem found is returned, each with its path.
    pub fn from_json(text: &str) -> Result<Rubric, Vec<Problem>> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
            vec![Problem::new(
                "rubric",
                Code::InvalidRubric,
                Text::new(
                    format!(
                        "评分细则不是有效的 JSON（第 {} 行第 {} 列）：{error}",
                        error.line(),
                        error.column()
                    ),
                    format!(
                        "the rubric is not valid JSON (line {}, column {}): {error}",
                        error.line(),
                        error.column()
                    ),
                ),
            )]
        })?;
        Self::from_owned_value(value)
    }

    /// Like [`Rubric::from_json`], from an already parsed JSON value.
    pub fn from_value(value: &serde_json::Value) -> Result<Rubric, Vec<Problem>> {
        Self::from_owned_value(value.clone())
    }

    /// Like [`Rubric::from_value`], taking the value.
    pub fn from_owned_value(value: serde_json::Value) -> Result<Rubric, Vec<Problem>> {
        let mut rubric = file::read(value)?;
        let problems = check::check(&rubric);
        if problems.is_empty() {
            // The checks bound every max and cap, so this sum cannot overflow.
            rubric.max_total = rubric.lines.iter().map(|l| l.max + l.bonus_cap).sum();
            Ok(rubric)
        } else {
            Err(problems)
        }
    }

    /// The highest score a department can reach: every line's max plus its bonus cap.
    pub fn max_total(&self) -> Decimal {
        self.max_total
    }

    pub fn line(&self, id: &str) -> Option<&Line> {
        self.lines
            .iter()
            .find(|l| l.id.eq_ignore_ascii_case(id.trim()))
    }
}
