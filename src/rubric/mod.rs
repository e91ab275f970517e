//! The rubric as data: one JSON file per version, the 2023 trial built in.
//!
//! Rule *kinds* are code (`crate::rules`); every threshold, step, cap, weight and [option]
//! of RUBRIC.md is a parameter here, so next year's table or another college's is a new
//! file, not new code. A malformed rubric is refused with located problems, like facts.

mod check;
mod read;

use crate::locale::Text;
use crate::problem::{Code, Problem};
use rust_decimal::Decimal;
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
    /// The rubric as written, for `rubricInfo()` (rule parameters shown as the file has them).
    pub data: serde_json::Value,
}

#[derive(Clone, Debug)]
pub struct Label {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug)]
pub struct Weights {
    /// Weight of the department's self score S1 (default 0.4).
    pub self_score: Decimal,
    /// Weight of the assessors' score S2 (default 0.6).
    pub assessor: Decimal,
}

#[derive(Clone, Debug)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub name_en: String,
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
}

impl Line {
    pub fn name_text(&self) -> Text {
        Text::new(&self.name, &self.name_en)
    }
}

/// A rule kind with its parameters.
#[derive(Clone, Debug)]
pub enum Rule {
    /// Points for each yes (A1).
    Flags { flags: Vec<Flag> },
    /// Points for the chosen option (A2).
    Choice { fact: String, choices: Vec<Choice> },
    /// Full marks less `per` for each counted failure (A3); `whole`, if given, bounds the count.
    DeductPerCount {
        fact: String,
        whole: Option<String>,
        per: Decimal,
        label: String,
        label_en: String,
        unit: String,
        unit_en: String,
    },
    /// Full marks less `per` for each required document missing (A4).
    DeductPerMissing { per: Decimal, items: Vec<Flag> },
    /// Every major needs a partner enterprise; extra partners earn a bonus (B1).
    PartnersPerMajor {
        per_major_without: Decimal,
        bonus_per: Decimal,
        bonus_mode: BonusMode,
    },
    /// Points by tier of one count, plus a bonus per unit of another (C1).
    TiersAndUnits {
        tier_fact: String,
        tier_max: u64,
        tiers: Vec<Tier>,
        tier_label: String,
        tier_label_en: String,
        unit_fact: String,
        bonus_per_unit: Decimal,
        unit_label: String,
        unit_label_en: String,
        unit: String,
        unit_en: String,
    },
    /// Every major needs every listed facility; each major lacking one costs points (C2).
    MajorCoverage {
        per_major_lacking: Decimal,
        /// "没有的该项不得分": when no major has any, the line scores nothing.
        none_at_all_scores_zero: bool,
        needs: Vec<MajorNeed>,
    },
    /// Points per major that runs an order class; full marks when every major does (C3).
    OrderMajors {
        per_major: Decimal,
        all_majors_full: bool,
    },
    /// Points per order class by its size (C4).
    OrderClasses {
        size: u64,
        points_at_or_above: Decimal,
        points_below: Decimal,
    },
    /// A ratio against a threshold: a point per started step short, a point per full step over (C5, C6).
    Ratio(RatioRule),
    /// Several ratios, each costing points per started step short (C7).
    RatioShortfalls {
        shortfall_rounding: ShortfallRounding,
        ratios: Vec<RatioRule>,
    },
}

#[derive(Clone, Debug)]
pub struct Flag {
    pub fact: String,
    pub points: Decimal,
    pub label: String,
    pub label_en: String,
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub value: String,
    pub aliases: Vec<String>,
    pub points: Decimal,
    pub label: String,
    pub label_en: String,
}

#[derive(Clone, Debug)]
pub struct Tier {
    pub at: u64,
    pub points: Decimal,
}

#[derive(Clone, Debug)]
pub struct MajorNeed {
    pub field: String,
    pub label: String,
    pub label_en: String,
}

#[derive(Clone, Debug)]
pub struct RatioRule {
    pub part: String,
    pub whole: String,
    /// Percentage points, e.g. 60.
    pub threshold: Decimal,
    /// Percentage points per step, e.g. 5.
    pub step: Decimal,
    /// Points per step, below or above.
    pub per_step: Decimal,
    pub shortfall_rounding: ShortfallRounding,
    pub excess_rounding: ExcessRounding,
    pub label: String,
    pub label_en: String,
}

/// How a shortfall below a threshold turns into steps. [option, default `up`]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShortfallRounding {
    /// Every started step costs: ceil(shortfall / step).
    #[default]
    Up,
    /// Only full steps cost: floor(shortfall / step).
    Down,
}

/// How an excess above a threshold turns into steps. [option, default `down`]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExcessRounding {
    /// Every full step earns: floor(excess / step).
    #[default]
    Down,
    /// 超过 excludes the number itself: an exact multiple does not earn its last step.
    Exclusive,
}

/// How B1's bonus counts. [option, default `per_extra_enterprise`]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
        Self::from_value(&value)
    }

    /// Like [`Rubric::from_json`], from an already parsed JSON value.
    pub fn from_value(value: &serde_json::Value) -> Result<Rubric, Vec<Problem>> {
        let rubric = read::read(value)?;
        let problems = check::check(&rubric);
        if problems.is_empty() {
            Ok(rubric)
        } else {
            Err(problems)
        }
    }

    /// The highest score a department can reach: every line's max plus its bonus cap.
    pub fn max_total(&self) -> Decimal {
        self.lines.iter().map(|l| l.max + l.bonus_cap).sum()
    }

    pub fn line(&self, id: &str) -> Option<&Line> {
        self.lines
            .iter()
            .find(|l| l.id.eq_ignore_ascii_case(id.trim()))
    }
}
