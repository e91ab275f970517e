//! Hints (RUBRIC.md §9): for a line below its best, the least change of one input that gains
//! a point, holding the others fixed.
//!
//! Every kind of rule names its candidates from its own parameters (so a custom rubric gets
//! hints too), and every candidate is then *re-scored by the rule itself* on the facts with
//! that one change: `gain` is the difference of the two scores, never a formula of its own,
//! and a candidate that gains nothing is dropped. Only the ratio searches need many trial
//! values; they run on the rule's own step arithmetic ([`super::ratio::proposal`]) and only
//! the value found is re-scored in full.

use super::{evaluate, ratio, LineScore};
use crate::cell;
use crate::facts::{FactReader, Major};
use crate::format::{join, num};
use crate::locale::Locale;
use crate::rubric::{Line, MajorNeed, RatioRule, Rubric, Rule};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::cmp::Ordering;

/// One hint: `{path, current, needed, gain, text}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// The input to change (`internship.local`, `majors[2].partners`, `majors[1]`,
    /// `order_classes`); with a ledger still the derived input's path.
    pub path: String,
    /// Its value now: a count, a yes/no, a choice's value, or (C2) the bases a major has.
    pub current: Value,
    /// The value it must reach; (C2) the bases it lacks; (C3) the number of majors with an
    /// order class; (C4) the students of one more class.
    pub needed: Value,
    /// The line's score after the change less its score before.
    pub gain: Decimal,
    /// In the locale asked for.
    pub text: String,
}

/// Fills in the hints of every scored line below its best (a deduction, or a bonus below
/// its cap). `facts` are the facts the lines were scored from, without any problem.
pub fn attach_hints(rubric: &Rubric, facts: &Value, scores: &mut [LineScore], locale: Locale) {
    let mut work = Work {
        rubric,
        facts,
        copy: None,
        locale,
    };
    for score in scores {
        let best = score.max.checked_add(score.bonus_cap);
        if best.is_none_or(|best| score.score >= best) {
            continue;
        }
        if let Some(line) = rubric.line(&score.id) {
            let mut hints = work.line(line, score);
            hints.sort_by(|a, b| by_path(&a.path, &b.path));
            score.hints = hints;
        }
    }
}

/// One change to the facts, for a trial.
enum Change<'c> {
    /// The value at a JSON pointer replaced.
    Set(&'c str, Value),
    /// One more item at the end of the list at a JSON pointer.
    Push(&'c str, Value),
}

/// The facts and a copy to try changes on (made once, at the first trial; each change is
/// undone after its trial, so no trial sees another's).
struct Work<'a> {
    rubric: &'a Rubric,
    facts: &'a Value,
    copy: Option<Value>,
    locale: Locale,
}

/// What an input is called in a hint's text, and the Chinese measure word of its count.
struct Named<'n> {
    zh: &'n str,
    en: &'n str,
    unit: &'n str,
}

impl<'a> Work<'a> {
    /// A reader of the facts as given, for the inputs' current values (derived ones too).
    fn reader(&self) -> FactReader<'a> {
        FactReader::new(self.facts, &self.rubric.facts, Locale::Zh)
    }

    /// Whether the field of `majors[index]` comes from the project ledger (RUBRIC.md §7):
    /// the ledger is in use and the field is left blank. Such an input is changed the way
    /// a person would change it, by one more project in the ledger.
    fn derived(&self, index: usize, field: &str) -> bool {
        let given = self
            .facts
            .pointer(&format!("/majors/{index}/{field}"))
            .is_some_and(|v| !cell::is_blank(v));
        self.ledger() && !given
    }

    /// Whether the facts have a project ledger (`projects` given, even empty).
    fn ledger(&self) -> bool {
        !self.facts.get("projects").unwrap_or(&Value::Null).is_null()
    }

    /// The line scored by its own rule on the facts with `change`, which is then undone.
    fn trial(&mut self, line: &Line, change: Change) -> Option<LineScore> {
        let copy = self.copy.get_or_insert_with(|| self.facts.clone());
        let (pointer, old) = match change {
            Change::Set(pointer, value) => {
                let slot = copy.pointer_mut(pointer)?;
                (pointer, Some(std::mem::replace(slot, value)))
            }
            Change::Push(pointer, item) => {
                copy.pointer_mut(pointer)?.as_array_mut()?.push(item);
                (pointer, None)
            }
        };
        let mut reader = FactReader::new(copy, &self.rubric.facts, Locale::Zh);
        let scored = evaluate(line, &mut reader);
        let clean = reader.into_problems().is_empty();
        if let Some(slot) = copy.pointer_mut(pointer) {
            match old {
                Some(old) => *slot = old,
                None => {
                    if let Some(list) = slot.as_array_mut() {
                        list.pop();
                    }
                }
            }
        }
        scored.filter(|_| clean)
    }

    /// The hint for one change, when it gains; the texts get what the gain does in words.
    fn hint(
        &mut self,
        (line, before): (&Line, &LineScore),
        change: Change,
        (path, current, needed): (String, Value, Value),
        zh: impl FnOnce(&str) -> String,
        en: impl FnOnce(&str) -> String,
    ) -> Option<Hint> {
        let after = self.trial(line, change)?;
        let gain = after.score.checked_sub(before.score)?;
        if gain <= Decimal::ZERO {
            return None;
        }
        let effect = effect(before, &after, gain, self.locale);
        let text = match self.locale {
            Locale::Zh => zh(&effect),
            Locale::En => en(&effect),
        };
        Some(Hint {
            path,
            current,
            needed,
            gain,
            text,
        })
    }

    /// A yes/no input that is "no", answered "yes".
    fn yes(
        &mut self,
        scored: (&Line, &LineScore),
        fact: &str,
        zh: impl FnOnce(&str) -> String,
        en: impl FnOnce(&str) -> String,
    ) -> Option<Hint> {
        if self.reader().flag(fact)? {
            return None;
        }
        let what = (fact.to_string(), json!(false), json!(true));
        self.hint(
            scored,
            Change::Set(&pointer(fact), json!(true)),
            what,
            zh,
            en,
        )
    }

    /// A count raised from `current` to `needed`, the text naming it as `named`.
    fn count(
        &mut self,
        scored: (&Line, &LineScore),
        (path, change): (&str, Change),
        (current, needed): (u64, u64),
        named: Named,
    ) -> Option<Hint> {
        let what = (path.to_string(), json!(current), json!(needed));
        let more = needed.saturating_sub(current);
        let Named { zh, en, unit } = named;
        self.hint(
            scored,
            change,
            what,
            |effect| format!("{zh}再增加 {more}{unit}（达到 {needed}{unit}）{effect}"),
            |effect| format!("{en}: {more} more (reaching {needed}), {effect}"),
        )
    }

    /// Every hint of one line, in no particular order.
    fn line(&mut self, line: &Line, score: &LineScore) -> Vec<Hint> {
        let scored = (line, score);
        let mut hints = Vec::new();
        match &line.rule {
            Rule::Flags(rule) => {
                for flag in &rule.flags {
                    let (zh, en) = (&flag.label, &flag.label_en);
                    hints.extend(self.yes(
                        scored,
                        &flag.fact,
                        |effect| format!("{zh}{effect}"),
                        |effect| format!("{en}: {effect}"),
                    ));
                }
            }
            Rule::DeductPerMissing(rule) => {
                for item in &rule.items {
                    let (zh, en) = (&item.label, &item.label_en);
                    hints.extend(self.yes(
                        scored,
                        &item.fact,
                        |effect| format!("补上{zh}{effect}"),
                        |effect| format!("add the {en}: {effect}"),
                    ));
                }
            }
            Rule::Choice(rule) => {
                let chosen = self.reader().choice(&rule.fact, &rule.choices);
                let Some(now) = chosen.and_then(|i| rule.choices.get(i)) else {
                    return hints;
                };
                // The least step up: the choice worth the fewest points above the present one.
                let better = rule.choices.iter().filter(|c| c.points > now.points);
                if let Some(next) = better.min_by_key(|c| c.points) {
                    let what = (rule.fact.clone(), json!(now.value), json!(next.value));
                    let change = Change::Set(&pointer(&rule.fact), json!(next.value));
                    let (zh, en) = (&next.label, &next.label_en);
                    hints.extend(self.hint(
                        scored,
                        change,
                        what,
                        |effect| format!("改为{zh}{effect}"),
                        |effect| format!("{en} instead: {effect}"),
                    ));
                }
            }
            // Missed reports cannot be undone (RUBRIC.md §9): A3 has no hint.
            Rule::DeductPerCount(_) => {}
            Rule::PartnersPerMajor(_) => self.partners(scored, &mut hints),
            Rule::TiersAndUnits(rule) => {
                let mut reader = self.reader();
                let (tier, units) = (reader.count(&rule.tier_fact), reader.count(&rule.unit_fact));
                let (Some(tier), Some(units)) = (tier, units) else {
                    return hints;
                };
                // The base changes only where a tier starts: the nearest tier above that gains.
                let mut starts: Vec<u64> = rule.tiers.iter().map(|t| t.at).collect();
                starts.retain(|at| *at > tier && *at <= rule.tier_max);
                starts.sort_unstable();
                let (zh, en) = (&rule.tier_label, &rule.tier_label_en);
                for at in starts {
                    let what = (rule.tier_fact.clone(), json!(tier), json!(at));
                    let change = Change::Set(&pointer(&rule.tier_fact), json!(at));
                    let more = at.saturating_sub(tier);
                    let hint = self.hint(
                        scored,
                        change,
                        what,
                        |effect| format!("再有 {more} 个{zh}（达到 {at} 个）{effect}"),
                        |effect| format!("{more} more {en} (reaching {at}): {effect}"),
                    );
                    if hint.is_some() {
                        hints.extend(hint);
                        break;
                    }
                }
                if let (Some(needed), true) = (units.checked_add(1), score.bonus < line.bonus_cap) {
                    let unit = spaced(&rule.unit);
                    let named = Named {
                        zh: &rule.unit_label,
                        en: &rule.unit_label_en,
                        unit: &unit,
                    };
                    let change = (
                        rule.unit_fact.as_str(),
                        Change::Set(&pointer(&rule.unit_fact), json!(needed)),
                    );
                    hints.extend(self.count(scored, change, (units, needed), named));
                }
            }
            Rule::MajorCoverage(rule) => self.bases(scored, &rule.needs, &mut hints),
            Rule::OrderMajors(_) => self.order_majors(scored, &mut hints),
            Rule::OrderClasses(rule) => {
                // A class of 0 students is not running: one more class has at least 1.
                let size = rule.size.max(1);
                let major = self.facts.pointer("/majors/0/name").cloned();
                let class = json!({ "name": NEW_CLASS, "major": major, "students": size });
                let what = ("order_classes".to_string(), json!(0), json!(size));
                hints.extend(self.hint(
                    scored,
                    Change::Push("/order_classes", class),
                    what,
                    |effect| format!("再开设 1 个 {size} 人及以上的订单班{effect}"),
                    |effect| format!("one more order class of {size} or more students: {effect}"),
                ));
            }
            Rule::Ratio(rule) => self.ratios(scored, std::slice::from_ref(rule), true, &mut hints),
            Rule::RatioShortfalls(rule) => self.ratios(scored, &rule.ratios, false, &mut hints),
        }
        hints
    }

    /// B1: each major without a partner gets one; while the bonus is below its cap, the first
    /// major (in input order) whose one more partner gains gets it.
    fn partners(&mut self, scored: (&Line, &LineScore), hints: &mut Vec<Hint>) {
        let (line, score) = scored;
        let mut reader = self.reader();
        let Some(majors) = reader.majors() else {
            return;
        };
        let mut bonus_open = score.bonus < line.bonus_cap;
        for major in majors.iter() {
            let i = major.index;
            let count = reader.major_count(i, "partners", "合作企业数", "partner enterprises");
            let Some(current) = count else {
                continue;
            };
            let Some(needed) = current.checked_add(1) else {
                continue;
            };
            if current > 0 && !bonus_open {
                continue;
            }
            let path = format!("majors[{i}].partners");
            let name = &major.name;
            let hint = if self.derived(i, "partners") {
                let what = (path, json!(current), json!(needed));
                let change = Change::Push("/projects", project(name, json!(["other"])));
                self.hint(
                    scored,
                    change,
                    what,
                    |effect| format!("在合作项目台账中为该专业（{name}）增加一个与新合作企业的合作项目（合作企业达到 {needed} 家）{effect}"),
                    |effect| format!("add a project with a new partner enterprise for {name} to the project ledger (reaching {needed} partners): {effect}"),
                )
            } else {
                let pointer = format!("/majors/{i}/partners");
                let (zh, en) = (
                    format!("「{name}」的合作企业"),
                    format!("partner enterprises of {name}"),
                );
                let named = Named {
                    zh: &zh,
                    en: &en,
                    unit: " 家",
                };
                self.count(
                    scored,
                    (&path, Change::Set(&pointer, json!(needed))),
                    (current, needed),
                    named,
                )
            };
            if current > 0 && hint.is_some() {
                bonus_open = false;
            }
            hints.extend(hint);
        }
    }

    /// C2: each major lacking a base gets what it lacks (both bases when both are missing).
    fn bases(&mut self, scored: (&Line, &LineScore), needs: &[MajorNeed], hints: &mut Vec<Hint>) {
        let mut reader = self.reader();
        let Some(majors) = reader.majors() else {
            return;
        };
        for major in majors.iter() {
            let i = major.index;
            let (mut has, mut lacks) = (Vec::new(), Vec::new());
            for need in needs {
                match reader.major_flag(i, &need.field, &need.label, &need.label_en) {
                    Some(true) => has.push(need),
                    Some(false) => lacks.push(need),
                    None => return,
                }
            }
            let Some(first) = lacks.first() else {
                continue;
            };
            let fields =
                |list: &[&MajorNeed]| -> Value { list.iter().map(|n| json!(n.field)).collect() };
            let what = (format!("majors[{i}]"), fields(&has), fields(&lacks));
            let zh: Vec<&str> = lacks.iter().map(|n| n.label.as_str()).collect();
            let en: Vec<&str> = lacks.iter().map(|n| n.label_en.as_str()).collect();
            let (zh, en, name) = (join(&zh, "、"), join(&en, " and "), &major.name);
            let hint = if self.derived(i, &first.field) {
                let change = Change::Push("/projects", project(name, what.2.clone()));
                self.hint(
                    scored,
                    change,
                    what,
                    |effect| format!("在合作项目台账中为该专业（{name}）增加一个含{zh}的合作项目{effect}"),
                    |effect| format!("add a project with the {en} for {name} to the project ledger: {effect}"),
                )
            } else {
                let pointer = format!("/majors/{i}");
                let Some(mut row) = self.facts.pointer(&pointer).cloned() else {
                    continue;
                };
                let Some(fields) = row.as_object_mut() else {
                    continue;
                };
                for need in &lacks {
                    fields.insert(need.field.clone(), json!(true));
                }
                self.hint(
                    scored,
                    Change::Set(&pointer, row),
                    what,
                    |effect| format!("「{name}」建成{zh}{effect}"),
                    |effect| format!("{name} gets its {en}: {effect}"),
                )
            };
            hints.extend(hint);
        }
    }

    /// C3: one more major with an order class (the first in input order without one).
    fn order_majors(&mut self, scored: (&Line, &LineScore), hints: &mut Vec<Hint>) {
        let mut reader = self.reader();
        let (Some(majors), Some(count)) = (reader.majors(), reader.order_class_count()) else {
            return;
        };
        let mut has_class = vec![false; majors.iter().map(|m| m.index + 1).max().unwrap_or(0)];
        for class in 0..count {
            if let Some(flag) = reader
                .order_class_major(class)
                .and_then(|m| has_class.get_mut(m))
            {
                *flag = true;
            }
        }
        let with = |m: &&Major| has_class.get(m.index).copied().unwrap_or(false);
        let k = majors.iter().filter(with).count();
        let Some(next) = majors.iter().find(|m| !with(m)) else {
            return;
        };
        let name = &next.name;
        let class = json!({ "name": NEW_CLASS, "major": name, "students": 30 });
        let needed = k + 1;
        let what = ("order_classes".to_string(), json!(k), json!(needed));
        hints.extend(self.hint(
            scored,
            Change::Push("/order_classes", class),
            what,
            |effect| format!("再有 1 个专业（如「{name}」）开设订单班（达到 {needed} 个专业）{effect}"),
            |effect| format!("one more major with an order class (such as {name}; {needed} in all): {effect}"),
        ));
    }

    /// C5, C6 (`bonus`), C7: for each ratio, the least part that gains, found on the rule's
    /// own step arithmetic and then re-scored in full.
    fn ratios(
        &mut self,
        scored: (&Line, &LineScore),
        rules: &[RatioRule],
        bonus: bool,
        hints: &mut Vec<Hint>,
    ) {
        let line = scored.0;
        let mut reader = self.reader();
        let mut values = Vec::with_capacity(rules.len());
        for rule in rules {
            match reader.ratio(&rule.part, &rule.whole) {
                Some(value) => values.push(value),
                None => return,
            }
        }
        let now = points(line, rules, &values, bonus);
        for (j, rule) in rules.iter().enumerate() {
            let Some(&(current, whole)) = values.get(j) else {
                return;
            };
            let mut trial = values.clone();
            let mut at = |part: u64| {
                if let Some(value) = trial.get_mut(j) {
                    value.0 = part;
                }
                points(line, rules, &trial, bonus)
            };
            if at(whole) <= now {
                continue;
            }
            // The score never falls as the part grows: the least part that gains lies in
            // (lo, hi], with lo gaining nothing and hi gaining.
            let (mut lo, mut hi) = (current, whole);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if at(mid) > now {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            let unit = spaced(&rule.unit);
            let named = Named {
                zh: &rule.label,
                en: &rule.label_en,
                unit: &unit,
            };
            let change = (
                rule.part.as_str(),
                Change::Set(&pointer(&rule.part), json!(hi)),
            );
            hints.extend(self.count(scored, change, (current, hi), named));
        }
    }
}

/// The name of the order class a hint tries: no real class is called this.
const NEW_CLASS: &str = "（新订单班）";

/// The ledger row a hint tries: a new enterprise, counting for any year from 2000 on.
fn project(major: &str, forms: Value) -> Value {
    json!({ "enterprise": "（新合作企业）", "major": major, "forms": forms, "signed": "2000-01-01" })
}

/// A measure word after a number: " 人", or nothing.
fn spaced(unit: &str) -> String {
    if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    }
}

/// The line's score with these parts and wholes, by the rule's own arithmetic and the
/// line's limits (as `Draft::finish` applies them): the ratio searches' measure.
fn points(line: &Line, rules: &[RatioRule], values: &[(u64, u64)], bonus: bool) -> Decimal {
    let (mut off, mut extra) = (Decimal::ZERO, Decimal::ZERO);
    for (rule, &(part, whole)) in rules.iter().zip(values) {
        let (deduction, more) = ratio::proposal(rule, ratio::percentage(part, whole));
        // The rubric's checks bound every step count and point: these sums cannot overflow.
        off += deduction;
        extra += more;
    }
    let kept = line.max - off.clamp(Decimal::ZERO, line.max);
    if bonus {
        kept + extra.clamp(Decimal::ZERO, line.bonus_cap)
    } else {
        kept
    }
}

/// What a gain does, in words: fewer points off, more bonus, or simply more points.
fn effect(before: &LineScore, after: &LineScore, gain: Decimal, locale: Locale) -> String {
    let gain = num(gain);
    let same_base = after.base == before.base;
    let less_off = same_base && after.bonus == before.bonus;
    let more_bonus = same_base && after.deduction == before.deduction;
    match (locale, less_off, more_bonus) {
        (Locale::Zh, true, _) => format!("可少扣 {gain} 分"),
        (Locale::Zh, _, true) => format!("可多加 {gain} 分"),
        (Locale::Zh, ..) => format!("可多得 {gain} 分"),
        (Locale::En, true, _) => format!("{gain} point(s) less deducted"),
        (Locale::En, _, true) => format!("{gain} more bonus point(s)"),
        (Locale::En, ..) => format!("{gain} more point(s)"),
    }
}

/// A fact's dotted path (`internship.local`) as a JSON pointer (`/internship/local`).
fn pointer(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1);
    for key in path.split('.') {
        out.push('/');
        out.push_str(key);
    }
    out
}

/// Paths in order, indices as numbers (`majors[2]` before `majors[10]`).
fn by_path(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
        let (da, db) = (digits(a), digits(b));
        let order = if da > 0 && db > 0 {
            // Indices are written without leading zeros: the longer is the larger.
            da.cmp(&db).then_with(|| a.get(..da).cmp(&b.get(..db)))
        } else {
            a.first().cmp(&b.first())
        };
        if order != Ordering::Equal || a.is_empty() {
            return order;
        }
        let step = da.max(1);
        a = a.get(step..).unwrap_or_default();
        b = b.get(step..).unwrap_or_default();
    }
}
