//! Rule kinds over the per-major table and the order classes (B1, C2, C3, C4).

use super::Draft;
use crate::facts::{FactReader, Major};
use crate::format::{join, num};
use crate::ledger::MajorDerived;
use crate::locale::Text;
use crate::rubric::{BonusMode, Line, MajorCoverage, OrderClasses, OrderMajors, PartnersPerMajor};
use rust_decimal::Decimal;

fn dec(n: usize) -> Decimal {
    Decimal::from(n as u64)
}

/// B1: every major needs a partner enterprise; partners beyond the first earn a bonus.
pub fn partners_per_major(
    line: &Line,
    rule: &PartnersPerMajor,
    facts: &mut FactReader,
) -> Option<Draft> {
    let PartnersPerMajor {
        per_major_without,
        bonus_per,
        bonus_mode,
    } = rule;
    let majors = facts.majors()?;
    let counts: Vec<Option<u64>> = majors
        .iter()
        .map(|m| facts.major_count(m.index, "partners", "合作企业数", "partner enterprises"))
        .collect();
    let mut without = Vec::new();
    let mut extras = Vec::new();
    for (major, count) in majors.iter().zip(counts) {
        let count = count?;
        if count == 0 {
            without.push(major.name.as_str());
        } else if count > 1 {
            extras.push((major.name.as_str(), count - 1));
        }
    }
    let mut draft = Draft::full(line, facts.notes_in());
    draft.deduction = dec(without.len()) * *per_major_without;
    if without.is_empty() {
        draft.note(
            || "每个专业均有合作企业，不扣分".into(),
            || "every major has a partner enterprise; nothing deducted".into(),
        );
    } else {
        let (per, points) = (num(*per_major_without), num(draft.deduction));
        draft.note(
            || {
                format!(
                    "{} 没有合作企业，每少一个专业扣 {} 分，扣 {} 分",
                    join(&without, "、"),
                    per,
                    points
                )
            },
            || {
                format!(
                    "no partner enterprise for {}: {} per major, {} deducted",
                    join(&without, ", "),
                    per,
                    points
                )
            },
        );
    }
    // "机电一体化技术 +2": the enterprises a major has beyond its first, in both languages.
    let listed: Vec<String> = extras
        .iter()
        .map(|(name, n)| format!("{name} +{n}"))
        .collect();
    match bonus_mode {
        BonusMode::PerExtraEnterprise => {
            let units: u64 = extras.iter().map(|(_, n)| n).sum();
            draft.bonus = Decimal::from(units) * *bonus_per;
            if units == 0 {
                draft.note(
                    || "没有专业的合作企业超过 1 家，不加分".into(),
                    || "no major has more than one partner; no bonus".into(),
                );
            } else {
                let (points, per) = (num(draft.bonus), num(*bonus_per));
                draft.note(
                    || {
                        format!(
                            "超过 1 家的合作企业共 {units} 家（{}），每家加 {} 分，加 {} 分",
                            join(&listed, "，"),
                            per,
                            points
                        )
                    },
                    || {
                        format!(
                            "{units} partner(s) beyond each major's first ({}), {} each, {} added",
                            join(&listed, ", "),
                            per,
                            points
                        )
                    },
                );
            }
        }
        BonusMode::PerMajorWithExtra => {
            draft.bonus = dec(extras.len()) * *bonus_per;
            let names: Vec<&str> = extras.iter().map(|(name, _)| *name).collect();
            if extras.is_empty() {
                draft.note(
                    || "没有专业的合作企业超过 1 家，不加分".into(),
                    || "no major has more than one partner; no bonus".into(),
                );
            } else {
                let (points, per) = (num(draft.bonus), num(*bonus_per));
                draft.note(
                    || {
                        format!(
                            "合作企业超过 1 家的专业 {} 个（{}），每个加 {} 分，加 {} 分",
                            extras.len(),
                            join(&names, "、"),
                            per,
                            points
                        )
                    },
                    || {
                        format!(
                            "{} major(s) with more than one partner ({}), {} each, {} added",
                            extras.len(),
                            join(&names, ", "),
                            per,
                            points
                        )
                    },
                );
            }
        }
    }
    ledger_notes(&mut draft, &majors, facts, MajorDerived::partners_note);
    Some(draft)
}

/// With a project ledger (RUBRIC.md §7), one note per major naming the enterprises behind
/// its derived values (`note` picks which: partners for B1, bases for C2).
fn ledger_notes(
    draft: &mut Draft,
    majors: &[Major],
    facts: &FactReader,
    note: fn(&MajorDerived, &str) -> Text,
) {
    for major in majors {
        if let Some(derived) = facts.derived_major(major.index) {
            let Text { zh, en } = note(derived, &major.name);
            draft.note(|| zh, || en);
        }
    }
}

/// C2: every major needs every listed facility; each major lacking one costs points, and
/// when no major has any of them the line scores nothing.
pub fn major_coverage(line: &Line, rule: &MajorCoverage, facts: &mut FactReader) -> Option<Draft> {
    let MajorCoverage {
        per_major_lacking,
        none_at_all_scores_zero,
        needs,
    } = rule;
    let majors = facts.majors()?;
    let mut table: Vec<Vec<Option<bool>>> = Vec::with_capacity(majors.len());
    for major in majors.iter() {
        let row = needs
            .iter()
            .map(|need| facts.major_flag(major.index, &need.field, &need.label, &need.label_en))
            .collect();
        table.push(row);
    }
    let mut lacking_zh = Vec::new();
    let mut lacking_en = Vec::new();
    let mut any_at_all = false;
    for (major, row) in majors.iter().zip(table) {
        let mut lacks_zh = Vec::new();
        let mut lacks_en = Vec::new();
        for (need, has) in needs.iter().zip(row) {
            if has? {
                any_at_all = true;
            } else {
                lacks_zh.push(need.label.as_str());
                lacks_en.push(need.label_en.as_str());
            }
        }
        if !lacks_zh.is_empty() {
            lacking_zh.push(format!("{}缺{}", major.name, join(&lacks_zh, "、")));
            lacking_en.push(format!("{} lacks {}", major.name, join(&lacks_en, " and ")));
        }
    }
    let all_needs_zh: Vec<&str> = needs.iter().map(|n| n.label.as_str()).collect();
    let mut draft = Draft::full(line, facts.notes_in());
    if !any_at_all && *none_at_all_scores_zero {
        draft.deduction = draft.base;
        draft.note(
            || format!("所有专业均没有{}，该项不得分", join(&all_needs_zh, "、")),
            || "no major has any of these training bases; the line scores nothing".into(),
        );
    } else if lacking_zh.is_empty() {
        draft.note(
            || format!("各专业均有{}，得满分", join(&all_needs_zh, "、")),
            || "every major has every base; full marks".into(),
        );
    } else {
        draft.deduction = dec(lacking_zh.len()) * *per_major_lacking;
        let (points, per) = (num(draft.deduction), num(*per_major_lacking));
        draft.note(
            || {
                format!(
                    "{}；每少一个专业扣 {} 分，扣 {} 分",
                    join(&lacking_zh, "；"),
                    per,
                    points
                )
            },
            || {
                format!(
                    "{}; {} per major, {} deducted",
                    join(&lacking_en, "; "),
                    per,
                    points
                )
            },
        );
    }
    ledger_notes(&mut draft, &majors, facts, MajorDerived::bases_note);
    Some(draft)
}

/// C3: points per major that runs an order class; full marks when every major does.
pub fn order_majors(line: &Line, rule: &OrderMajors, facts: &mut FactReader) -> Option<Draft> {
    let OrderMajors {
        per_major,
        all_majors_full,
    } = rule;
    let majors = facts.majors();
    let count = facts.order_class_count()?;
    let class_majors: Vec<Option<usize>> = (0..count).map(|i| facts.order_class_major(i)).collect();
    let majors = majors?;
    let mut has_class = vec![false; majors.iter().map(|m| m.index + 1).max().unwrap_or(0)];
    for major in class_majors {
        if let Some(flag) = has_class.get_mut(major?) {
            *flag = true;
        }
    }
    let with_class: Vec<&str> = majors
        .iter()
        .filter(|m| has_class.get(m.index).copied().unwrap_or(false))
        .map(|m| m.name.as_str())
        .collect();
    let (k, n) = (with_class.len(), majors.len());
    let mut draft = Draft::new(facts.notes_in());
    if k == n && *all_majors_full {
        draft.base = line.max;
        draft.note(
            || format!("{n} 个专业均有订单班，得满分"),
            || format!("all {n} majors run order classes; full marks"),
        );
    } else if k == 0 {
        draft.note(
            || format!("{n} 个专业均没有订单班，得 0 分"),
            || format!("none of the {n} majors runs an order class; 0 points"),
        );
    } else {
        draft.base = dec(k) * *per_major;
        let (points, per) = (num(draft.base), num(*per_major));
        draft.note(
            || {
                format!(
                    "{n} 个专业中 {k} 个有订单班（{}），每个专业得 {} 分，计 {} 分",
                    join(&with_class, "、"),
                    per,
                    points
                )
            },
            || {
                format!(
                    "{k} of {n} majors run order classes ({}), {} each: {}",
                    join(&with_class, ", "),
                    per,
                    points
                )
            },
        );
    }
    Some(draft)
}

/// C4: points per order class by its size.
pub fn order_classes(rule: &OrderClasses, facts: &mut FactReader) -> Option<Draft> {
    let OrderClasses {
        size,
        points_at_or_above,
        points_below,
    } = rule;
    let count = facts.order_class_count()?;
    let mut sizes = Vec::with_capacity(count);
    for i in 0..count {
        let name = facts.order_class_name(i);
        sizes.push(name.and(facts.order_class_students(i)));
    }
    let sizes: Vec<u64> = sizes.into_iter().collect::<Option<_>>()?;
    let large = sizes.iter().filter(|students| **students >= *size).count();
    let small = sizes.len() - large;
    let mut draft = Draft {
        base: dec(large) * *points_at_or_above + dec(small) * *points_below,
        ..Draft::new(facts.notes_in())
    };
    if sizes.is_empty() {
        draft.note(
            || "没有订单班，得 0 分".into(),
            || "no order classes; 0 points".into(),
        );
    } else {
        let (points, each_large, each_small) = (
            num(draft.base),
            num(*points_at_or_above),
            num(*points_below),
        );
        draft.note(
            || format!("{size} 人及以上订单班 {large} 个（每个 {each_large} 分），不足 {size} 人订单班 {small} 个（每个 {each_small} 分），计 {points} 分"),
            || format!("{large} order class(es) of {size} or more ({each_large} each), {small} of fewer than {size} ({each_small} each): {points}"),
        );
    }
    Some(draft)
}
