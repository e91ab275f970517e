//! Rule kinds over a department's single inputs: flags, a choice, counted failures,
//! missing documents, and tiers with bonus units (A1–A4, C1).

use super::Draft;
use crate::facts::FactReader;
use crate::format::{join, num};
use crate::locale::Text;
use crate::problem::{Code, Problem};
use crate::rubric::{ChoiceRule, DeductPerCount, DeductPerMissing, Flag, Line, TiersAndUnits};
use rust_decimal::Decimal;

/// A1: points for each "yes".
pub fn flags(flags: &[Flag], facts: &mut FactReader) -> Option<Draft> {
    let answers: Vec<Option<bool>> = flags.iter().map(|f| facts.flag(&f.fact)).collect();
    let mut draft = Draft::new(facts.notes_in());
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for (flag, answer) in flags.iter().zip(answers) {
        let yes = answer?;
        if yes {
            draft.base += flag.points;
        }
        let (yes_zh, yes_en) = if yes { ("是", "yes") } else { ("否", "no") };
        let points = num(flag.points);
        zh.push(format!("{}：{yes_zh}（{points} 分）", flag.label));
        en.push(format!("{}: {yes_en} ({points})", flag.label_en));
    }
    let base = num(draft.base);
    draft.note(
        || format!("{}；得 {base} 分", join(&zh, "；")),
        || format!("{}; {base} point(s)", join(&en, "; ")),
    );
    Some(draft)
}

/// A2: the chosen option's points.
pub fn choice(rule: &ChoiceRule, facts: &mut FactReader) -> Option<Draft> {
    let (fact, choices) = (&rule.fact, &rule.choices);
    let chosen = choices.get(facts.choice(fact, choices)?)?;
    let scale_zh: Vec<String> = choices
        .iter()
        .map(|c| format!("{} {} 分", c.label, num(c.points)))
        .collect();
    let scale_en: Vec<String> = choices
        .iter()
        .map(|c| format!("{} {}", c.label_en, num(c.points)))
        .collect();
    let mut draft = Draft {
        base: chosen.points,
        ..Draft::new(facts.notes_in())
    };
    let points = num(chosen.points);
    draft.note(
        || {
            format!(
                "{}，得 {points} 分（{}）",
                chosen.label,
                join(&scale_zh, "，")
            )
        },
        || {
            format!(
                "{}: {points} point(s) ({})",
                chosen.label_en,
                join(&scale_en, ", ")
            )
        },
    );
    Some(draft)
}

/// A3: full marks less `per` for each counted failure.
pub fn deduct_per_count(
    line: &Line,
    rule: &DeductPerCount,
    facts: &mut FactReader,
) -> Option<Draft> {
    let DeductPerCount {
        fact,
        whole,
        per,
        label,
        label_en,
        unit,
        unit_en,
    } = rule;
    let count = facts.count(fact);
    let limit = match whole {
        Some(whole) => facts.optional_count(whole)?,
        None => None,
    };
    let count = count?;
    if let (Some(whole), Some(limit)) = (whole, limit) {
        facts.within(fact, count, whole, limit)?;
    }
    let mut draft = Draft::full(line, facts.notes_in());
    draft.deduction = Decimal::from(count) * *per;

    if count == 0 {
        draft.note(
            || format!("{label} 0 {unit}，不扣分"),
            || format!("{label_en}: none, nothing deducted"),
        );
    } else {
        let (per, points) = (num(*per), num(draft.deduction));
        draft.note(
            || format!("{label} {count} {unit}，每{unit}扣 {per} 分，扣 {points} 分"),
            || format!("{label_en}: {count} {unit_en}, {per} each, {points} deducted"),
        );
    }
    // With the report calendar (RUBRIC.md §8), the months missed and why.
    if let Some(Text { zh, en }) = facts.derived_note(fact) {
        draft.note(|| zh, || en);
    }
    Some(draft)
}

/// A4: full marks less `per` for each required document missing.
pub fn deduct_per_missing(
    line: &Line,
    rule: &DeductPerMissing,
    facts: &mut FactReader,
) -> Option<Draft> {
    let (per, items) = (rule.per, &rule.items);
    let answers: Vec<Option<bool>> = items.iter().map(|f| facts.flag(&f.fact)).collect();
    let mut missing = Vec::new();
    for (item, answer) in items.iter().zip(answers) {
        if !answer? {
            missing.push(item);
        }
    }
    let mut draft = Draft::full(line, facts.notes_in());
    draft.deduction = Decimal::from(missing.len() as u64) * per;
    if missing.is_empty() {
        let all: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        draft.note(
            || format!("{}齐全，不扣分", join(&all, "、")),
            || "every plan and summary is there; nothing deducted".into(),
        );
    } else {
        let zh: Vec<&str> = missing.iter().map(|i| i.label.as_str()).collect();
        let en: Vec<&str> = missing.iter().map(|i| i.label_en.as_str()).collect();
        let (per, points) = (num(per), num(draft.deduction));
        draft.note(
            || format!("缺{}，每缺一项扣 {per} 分，扣 {points} 分", join(&zh, "、")),
            || format!("missing {}: {per} each, {points} deducted", join(&en, ", ")),
        );
    }
    Some(draft)
}

/// C1: points by tier of one count, plus a bonus per unit of another.
pub fn tiers_and_units(rule: &TiersAndUnits, facts: &mut FactReader) -> Option<Draft> {
    let TiersAndUnits {
        tier_fact,
        tier_max,
        tiers,
        tier_label,
        tier_label_en,
        unit_fact,
        bonus_per_unit,
        unit_label,
        unit_label_en,
        unit,
        ..
    } = rule;
    let tier_value = facts.count(tier_fact);
    let units = facts.count(unit_fact);
    let tier_value = tier_value?;
    if tier_value > *tier_max {
        facts.report(Problem::new(
            tier_fact.as_str(),
            Code::OutOfRange,
            Text::new(
                format!("{tier_label}（{tier_fact}）填的是 {tier_value}，应在 0–{tier_max} 之间"),
                format!(
                    "{} ({tier_fact}) is {tier_value}; expected 0–{tier_max}",
                    tier_label_en
                ),
            ),
        ));
        return None;
    }
    let units = units?;
    let base = tiers
        .iter()
        .filter(|t| t.at <= tier_value)
        .max_by_key(|t| t.at)
        .map_or(Decimal::ZERO, |t| t.points);
    let mut draft = Draft {
        base,
        ..Draft::new(facts.notes_in())
    };
    let points = num(base);
    draft.note(
        || format!("{tier_value} 个{tier_label}，得 {points} 分"),
        || format!("{tier_value} {tier_label_en}: {points} point(s)"),
    );
    draft.bonus = Decimal::from(units) * *bonus_per_unit;
    if units == 0 {
        draft.note(
            || format!("{unit_label} 0 {unit}，不加分"),
            || format!("{unit_label_en}: none, no bonus"),
        );
    } else {
        let (per, points) = (num(*bonus_per_unit), num(draft.bonus));
        draft.note(
            || format!("{unit_label} {units} {unit}，每{unit}加 {per} 分，加 {points} 分"),
            || format!("{unit_label_en}: {units}, {per} each, {points} added"),
        );
    }
    Some(draft)
}
