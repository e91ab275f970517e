//! Rule kinds: each reads the inputs its line needs and scores the line with notes.
//!
//! A rule proposes a base, a deduction and a bonus; [`Draft::finish`] applies the line's
//! limits (0 ≤ base − deduction ≤ max, 0 ≤ bonus ≤ cap) and says so in a note when a limit
//! bites, so no rule can produce a score outside its bounds.

mod hints;
mod majors;
mod ratio;
mod simple;

pub use hints::{attach_hints, Hint};

use crate::facts::FactReader;
use crate::format::num;
use crate::locale::Locale;
use crate::rubric::{Line, Rule};
use rust_decimal::Decimal;

/// One scored line (RUBRIC.md §5 `items[]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineScore {
    pub id: String,
    pub name: String,
    pub category: String,
    pub max: Decimal,
    pub bonus_cap: Decimal,
    pub base: Decimal,
    pub deduction: Decimal,
    pub bonus: Decimal,
    pub score: Decimal,
    /// In the locale asked for: only that language is ever formatted.
    pub notes: Vec<String>,
    /// What it would take to score more (RUBRIC.md §9): filled in by [`attach_hints`] once
    /// the whole department (or line) has scored without a problem.
    pub hints: Vec<Hint>,
}

/// What a rule proposes before the line's limits are applied.
pub struct Draft {
    pub base: Decimal,
    pub deduction: Decimal,
    pub bonus: Decimal,
    pub notes: Vec<String>,
    /// `None`: no notes are wanted (a hint's trial).
    locale: Option<Locale>,
}

impl Draft {
    /// Nothing yet; notes in `locale`, or none at all.
    pub fn new(locale: Option<Locale>) -> Draft {
        Draft {
            base: Decimal::ZERO,
            deduction: Decimal::ZERO,
            bonus: Decimal::ZERO,
            notes: Vec::new(),
            locale,
        }
    }

    /// Full marks as the base; the rule then adds deductions and bonuses.
    pub fn full(line: &Line, locale: Option<Locale>) -> Draft {
        Draft {
            base: line.max,
            ..Draft::new(locale)
        }
    }

    /// Adds a note: each language is a closure, and only the one asked for is formatted
    /// (neither, when no notes are wanted).
    pub fn note(&mut self, zh: impl FnOnce() -> String, en: impl FnOnce() -> String) {
        let note = match self.locale {
            Some(Locale::Zh) => zh(),
            Some(Locale::En) => en(),
            None => return,
        };
        self.push_note(note);
    }

    /// Kept out of line: `note` is copied for each of its thirty-odd pairs of closures.
    #[inline(never)]
    fn push_note(&mut self, note: String) {
        self.notes.push(note);
    }

    fn finish(mut self, line: &Line) -> LineScore {
        let zero = Decimal::ZERO;
        let base = self.base.clamp(zero, line.max);
        if self.base > line.max {
            self.note(
                || format!("本项最高 {} 分", num(line.max)),
                || format!("this line is worth at most {}", num(line.max)),
            );
        }
        let deduction = self.deduction.clamp(zero, base);
        if self.deduction > base {
            self.note(
                || format!("扣分以本项 {} 分为限，扣 {} 分", num(base), num(deduction)),
                || {
                    format!(
                        "deductions stop at this line's {}: {} deducted",
                        num(base),
                        num(deduction)
                    )
                },
            );
        }
        let bonus = self.bonus.clamp(zero, line.bonus_cap);
        if self.bonus > line.bonus_cap {
            self.note(
                || format!("加分最多 {} 分，加 {} 分", num(line.bonus_cap), num(bonus)),
                || {
                    format!(
                        "bonus capped at {}: {} added",
                        num(line.bonus_cap),
                        num(bonus)
                    )
                },
            );
        }
        LineScore {
            id: line.id.clone(),
            name: match self.locale {
                Some(Locale::En) => line.name_en.clone(),
                _ => line.name.clone(),
            },
            category: line.category.clone(),
            max: line.max,
            bonus_cap: line.bonus_cap,
            base,
            deduction,
            bonus,
            score: base - deduction + bonus,
            notes: self.notes,
            hints: Vec::new(),
        }
    }
}

/// Reads the line's inputs and scores it; `None` when an input is bad (the reader has the problem).
pub fn evaluate(line: &Line, facts: &mut FactReader) -> Option<LineScore> {
    let draft = match &line.rule {
        Rule::Flags(rule) => simple::flags(&rule.flags, facts),
        Rule::Choice(rule) => simple::choice(rule, facts),
        Rule::DeductPerCount(rule) => simple::deduct_per_count(line, rule, facts),
        Rule::DeductPerMissing(rule) => simple::deduct_per_missing(line, rule, facts),
        Rule::TiersAndUnits(rule) => simple::tiers_and_units(rule, facts),
        Rule::PartnersPerMajor(rule) => majors::partners_per_major(line, rule, facts),
        Rule::MajorCoverage(rule) => majors::major_coverage(line, rule, facts),
        Rule::OrderMajors(rule) => majors::order_majors(line, rule, facts),
        Rule::OrderClasses(rule) => majors::order_classes(rule, facts),
        Rule::Ratio(rule) => ratio::ratio(line, rule, facts),
        Rule::RatioShortfalls(rule) => ratio::ratio_shortfalls(line, &rule.ratios, facts),
    }?;
    Some(draft.finish(line))
}
