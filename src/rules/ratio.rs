//! Ratios against a threshold (C5, C6, C7).
//!
//! Ratios are exact: part × 100 / whole percentage points, never rounded before use.
//! Below a threshold every *started* step costs (the source: "达到计满分 … 未达到，每低5%扣1分"
//! gives full marks only when the threshold is reached); above it every *full* step earns.

use super::Draft;
use crate::facts::FactReader;
use crate::format::{num, pct};
use crate::rubric::{ExcessRounding, Line, RatioRule, ShortfallRounding};
use rust_decimal::Decimal;

/// part / whole in percentage points; `whole` is above zero (the reader checks it).
pub(super) fn percentage(part: u64, whole: u64) -> Decimal {
    Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole)
}

fn shortfall_steps(shortfall: Decimal, step: Decimal, rounding: ShortfallRounding) -> Decimal {
    let steps = shortfall / step;
    match rounding {
        ShortfallRounding::Up => steps.ceil(),
        ShortfallRounding::Down => steps.floor(),
    }
}

fn excess_steps(excess: Decimal, step: Decimal, rounding: ExcessRounding) -> Decimal {
    let steps = excess / step;
    match rounding {
        ExcessRounding::Down => steps.floor(),
        ExcessRounding::Exclusive if steps.fract().is_zero() && steps > Decimal::ZERO => {
            steps - Decimal::ONE
        }
        ExcessRounding::Exclusive => steps.floor(),
    }
}

/// The deduction and the bonus a ratio proposes, before the line's limits: the one piece of
/// arithmetic the rule and its hints' searches share, so a hint can never disagree with the
/// score it predicts.
pub(super) fn proposal(rule: &RatioRule, ratio: Decimal) -> (Decimal, Decimal) {
    if ratio < rule.threshold {
        let gap = rule.threshold - ratio;
        let steps = shortfall_steps(gap, rule.step, rule.shortfall_rounding);
        (steps * rule.per_step, Decimal::ZERO)
    } else {
        let steps = excess_steps(ratio - rule.threshold, rule.step, rule.excess_rounding);
        (Decimal::ZERO, steps * rule.per_step)
    }
}

fn rounding_note(rounding: ShortfallRounding, step: &str) -> (String, String) {
    match rounding {
        ShortfallRounding::Up => (
            format!("不足 {step}% 按 {step}% 计"),
            format!("a started {step}% counts in full"),
        ),
        ShortfallRounding::Down => (
            format!("不足 {step}% 不计"),
            format!("only full {step}% steps count"),
        ),
    }
}

/// Notes and deduction for a ratio below its threshold.
fn shortfall(
    draft: &mut Draft,
    rule: &RatioRule,
    rounding: ShortfallRounding,
    ratio: Decimal,
) -> Decimal {
    let label_en = &rule.label_en;
    let gap = rule.threshold - ratio;
    let (deduction, _) = proposal(rule, ratio);
    let (threshold, step, per) = (num(rule.threshold), num(rule.step), num(rule.per_step));
    let (ratio, gap, points) = (pct(ratio), pct(gap), num(deduction));
    let (how_zh, how_en) = rounding_note(rounding, &step);
    draft.note(
        || format!("{} {ratio}%，低于 {threshold}% 要求 {gap} 个百分点，每低 {step}% 扣 {per} 分（{how_zh}），扣 {points} 分", rule.label),
        || format!("{label_en} {ratio}%, {gap} points below the {threshold}% required; {per} per {step}% short ({how_en}): {points} deducted"),
    );
    deduction
}

/// C5, C6: below the threshold a deduction per started step, above it a bonus per full step.
pub fn ratio(line: &Line, rule: &RatioRule, facts: &mut FactReader) -> Option<Draft> {
    let (part, whole) = facts.ratio(&rule.part, &rule.whole)?;
    let ratio = percentage(part, whole);
    let mut draft = Draft::full(line, facts.notes_in());
    let label_en = &rule.label_en;
    if ratio < rule.threshold {
        draft.deduction = shortfall(&mut draft, rule, rule.shortfall_rounding, ratio);
        return Some(draft);
    }
    let excess = ratio - rule.threshold;
    let steps = excess_steps(excess, rule.step, rule.excess_rounding);
    (_, draft.bonus) = proposal(rule, ratio);
    let (threshold, step, per) = (num(rule.threshold), num(rule.step), num(rule.per_step));
    let (ratio, over) = (pct(ratio), pct(excess));
    if line.bonus_cap.is_zero() || excess.is_zero() {
        draft.bonus = Decimal::ZERO;
        draft.note(
            || format!("{} {ratio}%，达到 {threshold}% 要求，得满分", rule.label),
            || format!("{label_en} {ratio}%, meets the {threshold}% required: full marks"),
        );
    } else if steps.is_zero() {
        draft.note(
            || format!("{} {ratio}%，达到 {threshold}% 要求，得满分；超过 {over} 个百分点，不足 {step}% 不加分", rule.label),
            || format!("{label_en} {ratio}%, meets the {threshold}% required: full marks; {over} points over is less than a {step}% step, no bonus"),
        );
    } else {
        let (exclusive_zh, exclusive_en) = match rule.excess_rounding {
            ExcessRounding::Exclusive => (
                "（恰为整数倍时最后一档不计）",
                " (an exact multiple does not count its last step)",
            ),
            ExcessRounding::Down => ("", ""),
        };
        let points = num(draft.bonus);
        draft.note(
            || format!("{} {ratio}%，超过 {threshold}% 要求 {over} 个百分点，每超过 {step}% 加 {per} 分{exclusive_zh}，加 {points} 分", rule.label),
            || format!("{label_en} {ratio}%, {over} points above the {threshold}% required; {per} per full {step}%{exclusive_en}: {points} added"),
        );
    }
    Some(draft)
}

/// C7: several ratios, each costing points per started step below its threshold.
pub fn ratio_shortfalls(
    line: &Line,
    ratios: &[RatioRule],
    facts: &mut FactReader,
) -> Option<Draft> {
    let read: Vec<Option<(u64, u64)>> = ratios
        .iter()
        .map(|r| facts.ratio(&r.part, &r.whole))
        .collect();
    let mut draft = Draft::full(line, facts.notes_in());
    for (rule, parts) in ratios.iter().zip(read) {
        let (part, whole) = parts?;
        let ratio = percentage(part, whole);
        if ratio < rule.threshold {
            let deduction = shortfall(&mut draft, rule, rule.shortfall_rounding, ratio);
            draft.deduction += deduction;
        } else {
            let label_en = &rule.label_en;
            let (ratio, threshold) = (pct(ratio), num(rule.threshold));
            draft.note(
                || format!("{} {ratio}%，达到 {threshold}% 要求，不扣分", rule.label),
                || {
                    format!(
                        "{label_en} {ratio}%, meets the {threshold}% required: nothing deducted"
                    )
                },
            );
        }
    }
    Some(draft)
}
