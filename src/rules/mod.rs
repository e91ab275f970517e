//! Rule kinds: each reads the inputs its line needs and scores the line with notes.
//!
//! A rule proposes a base, a deduction and a bonus; [`Draft::finish`] applies the line's
//! limits (0 ≤ base − deduction ≤ max, 0 ≤ bonus ≤ cap) and says so in a note when a limit
//! bites, so no rule can produce a score outside its bounds.

mod majors;
mod ratio;
mod simple;

use crate::facts::FactReader;
use crate::format::num;
use crate::locale::Text;
use crate::rubric::{Line, Rule};
use rust_decimal::Decimal;

/// One scored line (RUBRIC.md §5 `items[]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineScore {
    pub id: String,
    pub name: Text,
    pub category: String,
    pub max: Decimal,
    pub bonus_cap: Decimal,
    pub base: Decimal,
    pub deduction: Decimal,
    pub bonus: Decimal,
    pub score: Decimal,
    pub notes: Vec<Text>,
}

/// What a rule proposes before the line's limits are applied.
#[derive(Default)]
pub struct Draft {
    pub base: Decimal,
    pub deduction: Decimal,
    pub bonus: Decimal,
    pub notes: Vec<Text>,
}

impl Draft {
    /// Full marks as the base; the rule then adds deductions and bonuses.
    pub fn full(line: &Line) -> Draft {
        Draft {
            base: line.max,
            ..Draft::default()
        }
    }

    pub fn note(&mut self, zh: impl Into<String>, en: impl Into<String>) {
        self.notes.push(Text::new(zh, en));
    }

    fn finish(mut self, line: &Line) -> LineScore {
        let zero = Decimal::ZERO;
        let base = self.base.clamp(zero, line.max);
        if self.base > line.max {
            self.note(
                format!("本项最高 {} 分", num(line.max)),
                format!("this line is worth at most {}", num(line.max)),
            );
        }
        let deduction = self.deduction.clamp(zero, base);
        if self.deduction > base {
            self.note(
                format!("扣分以本项 {} 分为限，扣 {} 分", num(base), num(deduction)),
                format!(
                    "deductions stop at this line's {}: {} deducted",
                    num(base),
                    num(deduction)
                ),
            );
        }
        let bonus = self.bonus.clamp(zero, line.bonus_cap);
        if self.bonus > line.bonus_cap {
            self.note(
                format!("加分最多 {} 分，加 {} 分", num(line.bonus_cap), num(bonus)),
                format!(
                    "bonus capped at {}: {} added",
                    num(line.bonus_cap),
                    num(bonus)
                ),
            );
        }
        LineScore {
            id: line.id.clone(),
            name: line.name_text(),
            category: line.category.clone(),
            max: line.max,
            bonus_cap: line.bonus_cap,
            base,
            deduction,
            bonus,
            score: base - deduction + bonus,
            notes: self.notes,
        }
    }
}

/// Reads the line's inputs and scores it; `None` when an input is bad (the reader has the problem).
pub fn evaluate(line: &Line, facts: &mut FactReader) -> Option<LineScore> {
    let draft = match &line.rule {
        Rule::Flags { flags } => simple::flags(flags, facts),
        Rule::Choice { fact, choices } => simple::choice(fact, choices, facts),
        Rule::DeductPerCount { .. } => simple::deduct_per_count(line, facts),
        Rule::DeductPerMissing { per, items } => {
            simple::deduct_per_missing(line, *per, items, facts)
        }
        Rule::TiersAndUnits { .. } => simple::tiers_and_units(line, facts),
        Rule::PartnersPerMajor { .. } => majors::partners_per_major(line, facts),
        Rule::MajorCoverage { .. } => majors::major_coverage(line, facts),
        Rule::OrderMajors { .. } => majors::order_majors(line, facts),
        Rule::OrderClasses { .. } => majors::order_classes(line, facts),
        Rule::Ratio(rule) => ratio::ratio(line, rule, facts),
        Rule::RatioShortfalls {
            shortfall_rounding,
            ratios,
        } => ratio::ratio_shortfalls(line, *shortfall_rounding, ratios, facts),
    }?;
    Some(draft.finish(line))
}
