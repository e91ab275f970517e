//! Hints (RUBRIC.md §9): for a line below its best, the least change of one input that gains
//! a point, holding the others fixed.
//!
//! Every kind of rule names its candidates from its own parameters (so a custom rubric gets
//! hints too), and every candidate is then *re-scored by the rule itself* on the facts with
//! that one change: `gain` is the difference of the two scores, never a formula of its own,
//! and a candidate that gains nothing is dropped. Only the ratio searches need many trial
//! values; they run on the rule's own step arithmetic ([`super::ratio::proposal`]) and only
//! the value found is re-scored in full.
//!
//! Written for a small module: one non-generic trial path, texts through `format_args!` (only
//! the locale's is formatted), and no sorting machinery or JSON-pointer parsing.

use super::{evaluate, ratio, LineScore};
use crate::cell;
use crate::facts::{FactReader, Major};
use crate::format::{join, num};
use crate::locale::Locale;
use crate::rubric::{Line, MajorNeed, RatioRule, Rubric, Rule};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::fmt::Arguments;

/// One hint: `{path, current, needed, gain, text}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// The input to change (`internship.local`, `majors[2].partners`, `majors[1]`,
    /// `order_classes`); with a ledger still the derived input's path.
    pub path: String,
    /// Its value now: a count, a yes/no, a choice's value, or (C2) the bases a major has;
    /// (C3) the number of majors with an order class; (C4) 0, the students of the class
    /// not yet there.
    pub current: Value,
    /// The value it must reach; (C2) the bases the major lacks; (C3) the number of majors
    /// with an order class to reach; (C4) the students of one more class.
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
        reader: None,
    };
    for score in scores {
        let best = score.max.checked_add(score.bonus_cap);
        if best.is_none_or(|best| score.score >= best) {
            continue;
        }
        if let Some(line) = rubric.line(&score.id) {
            let mut hints = Vec::new();
            work.line(line, score, &mut hints);
            // By path; a handful of hints at most, so an insertion sort (the standard sorts
            // cost the module kilobytes).
            for i in 1..hints.len() {
                let mut j = i;
                while j > 0 && by_path(&hints[j - 1].path, &hints[j].path) == Ordering::Greater {
                    hints.swap(j - 1, j);
                    j -= 1;
                }
            }
            score.hints = hints;
        }
    }
}

/// One change to the facts, for a trial, at a place named as hints name inputs
/// (`majors[2].partners`).
enum Change {
    /// The value at a place replaced.
    Set(String, Value),
    /// One more item at the end of the list at a place.
    Push(&'static str, Value),
}

/// What a hint says before the effect of its gain, and what it changes.
struct Candidate {
    change: Change,
    path: String,
    current: Value,
    needed: Value,
    /// The text up to the gain's effect, in the locale asked for.
    lead: String,
}

/// The facts and a copy to try changes on (made once, at the first trial; each change is
/// undone after its trial, so no trial sees another's).
struct Work<'a> {
    rubric: &'a Rubric,
    facts: &'a Value,
    copy: Option<Value>,
    locale: Locale,
    /// One reader of the facts as given, handed back after each use: what it has read
    /// (the majors above all) is then read once per department, not once per line.
    reader: Option<FactReader<'a>>,
}

impl<'a> Work<'a> {
    /// A reader of the facts as given, for the inputs' current values (derived ones too);
    /// [`Work::keep`] hands it back. The facts scored without a problem, so a reader that is
    /// not handed back (an early return) only costs a fresh one.
    fn reader(&mut self) -> FactReader<'a> {
        let (facts, labels) = (self.facts, &self.rubric.facts);
        self.reader
            .take()
            .unwrap_or_else(|| FactReader::new(facts, labels, Locale::Zh))
    }

    fn keep(&mut self, reader: FactReader<'a>) {
        self.reader = Some(reader);
    }

    /// Text in the locale asked for; only that one is formatted.
    fn say(&self, zh: Arguments, en: Arguments) -> String {
        std::fmt::format(match self.locale {
            Locale::Zh => zh,
            Locale::En => en,
        })
    }

    /// Whether `majors[index].<field>` comes from the project ledger (RUBRIC.md §7): the
    /// facts have `projects` (even empty) and the field is blank. Such an input is changed
    /// the way a person would change it: by one more project in the ledger.
    fn derived(&self, index: usize, field: &str) -> bool {
        let ledger = !self.facts.get("projects").unwrap_or(&Value::Null).is_null();
        let given = self
            .facts
            .get("majors")
            .and_then(|m| m.get(index)?.get(field));
        ledger && given.is_none_or(cell::is_blank)
    }

    /// The line scored by its own rule on the facts with `change`, which is then undone.
    fn trial(&mut self, line: &Line, change: Change) -> Option<LineScore> {
        let copy = self.copy.get_or_insert_with(|| self.facts.clone());
        let (place, old) = match change {
            Change::Set(place, value) => {
                let old = std::mem::replace(at(copy, &place)?, value);
                (place, Some(old))
            }
            Change::Push(place, item) => {
                at(copy, place)?.as_array_mut()?.push(item);
                (place.to_string(), None)
            }
        };
        let mut reader = FactReader::new(copy, &self.rubric.facts, Locale::Zh).quiet();
        let scored = evaluate(line, &mut reader);
        let clean = reader.into_problems().is_empty();
        match (at(copy, &place), old) {
            (Some(slot), Some(old)) => *slot = old,
            (Some(Value::Array(list)), None) => drop(list.pop()),
            _ => {}
        }
        scored.filter(|_| clean)
    }

    /// The hint a candidate makes, when its change gains.
    fn hint(&mut self, line: &Line, before: &LineScore, candidate: Candidate) -> Option<Hint> {
        let Candidate {
            change,
            path,
            current,
            needed,
            mut lead,
        } = candidate;
        let after = self.trial(line, change)?;
        let gain = after.score.checked_sub(before.score)?;
        if gain <= Decimal::ZERO {
            return None;
        }
        // What the gain does: fewer points off, more bonus, or simply more points.
        let same_base = after.base == before.base;
        let less_off = same_base && after.bonus == before.bonus;
        let more_bonus = same_base && after.deduction == before.deduction;
        let points = num(gain);
        let (zh, en) = match (less_off, more_bonus) {
            (true, _) => ("少扣", "point(s) less deducted"),
            (_, true) => ("多加", "bonus point(s) more"),
            _ => ("多得", "point(s) more"),
        };
        lead.push_str(&self.say(
            format_args!("可{zh} {points} 分"),
            format_args!("{points} {en}"),
        ));
        Some(Hint {
            path,
            current,
            needed,
            gain,
            text: lead,
        })
    }

    /// A yes/no input that is "no", answered "yes".
    fn yes(&mut self, fact: &str, lead: String) -> Option<Candidate> {
        let mut reader = self.reader();
        let flag = reader.flag(fact);
        self.keep(reader);
        if flag? {
            return None;
        }
        Some(Candidate {
            change: Change::Set(fact.to_string(), Value::Bool(true)),
            path: fact.to_string(),
            current: Value::Bool(false),
            needed: Value::Bool(true),
            lead,
        })
    }

    /// A count raised from `current` to `needed`: "本地实习再增加 6 人（达到 120 人）".
    fn count(
        &self,
        (path, change): (String, Change),
        (current, needed): (u64, u64),
        (zh, en, unit): (&str, &str, &str),
    ) -> Candidate {
        let more = needed.saturating_sub(current);
        let lead = self.say(
            format_args!("{zh}再增加 {more}{unit}（达到 {needed}{unit}）"),
            format_args!("{en}: {more} more (reaching {needed}), "),
        );
        Candidate {
            change,
            path,
            current: Value::from(current),
            needed: Value::from(needed),
            lead,
        }
    }

    /// Every hint of one line, in no particular order.
    fn line(&mut self, line: &Line, score: &LineScore, hints: &mut Vec<Hint>) {
        let mut candidates = Vec::new();
        match &line.rule {
            Rule::Flags(rule) => {
                for flag in &rule.flags {
                    let (zh, en) = (&flag.label, &flag.label_en);
                    let lead = self.say(format_args!("{zh}"), format_args!("{en}: "));
                    candidates.extend(self.yes(&flag.fact, lead));
                }
            }
            Rule::DeductPerMissing(rule) => {
                for item in &rule.items {
                    let (zh, en) = (&item.label, &item.label_en);
                    let lead = self.say(format_args!("补上{zh}"), format_args!("add the {en}: "));
                    candidates.extend(self.yes(&item.fact, lead));
                }
            }
            Rule::Choice(rule) => {
                let mut reader = self.reader();
                let chosen = reader.choice(&rule.fact, &rule.choices);
                self.keep(reader);
                let Some(now) = chosen.and_then(|i| rule.choices.get(i)) else {
                    return;
                };
                // The least step up: the choice worth the fewest points above the present one.
                let better = rule.choices.iter().filter(|c| c.points > now.points);
                if let Some(next) = better.min_by_key(|c| c.points) {
                    let (zh, en) = (&next.label, &next.label_en);
                    candidates.push(Candidate {
                        change: Change::Set(rule.fact.clone(), Value::from(next.value.as_str())),
                        path: rule.fact.clone(),
                        current: Value::from(now.value.as_str()),
                        needed: Value::from(next.value.as_str()),
                        lead: self.say(format_args!("改为{zh}"), format_args!("{en} instead: ")),
                    });
                }
            }
            // Missed reports cannot be undone (RUBRIC.md §9): A3 has no hint.
            Rule::DeductPerCount(_) => {}
            Rule::PartnersPerMajor(_) => return self.partners(line, score, hints),
            Rule::TiersAndUnits(rule) => {
                let mut reader = self.reader();
                let (tier, units) = (reader.count(&rule.tier_fact), reader.count(&rule.unit_fact));
                self.keep(reader);
                let (Some(tier), Some(units)) = (tier, units) else {
                    return;
                };
                // The base changes only where a tier starts: the nearest start above that
                // gains (tiers are few; no sorting).
                let (zh, en) = (&rule.tier_label, &rule.tier_label_en);
                let mut from = tier;
                while let Some(start) = (rule.tiers.iter().map(|t| t.at))
                    .filter(|at| *at > from && *at <= rule.tier_max)
                    .min()
                {
                    from = start;
                    let more = start.saturating_sub(tier);
                    let lead = self.say(
                        format_args!("再有 {more} 个{zh}（达到 {start} 个）"),
                        format_args!("{more} more {en} (reaching {start}): "),
                    );
                    let candidate = Candidate {
                        change: Change::Set(rule.tier_fact.clone(), Value::from(start)),
                        path: rule.tier_fact.clone(),
                        current: Value::from(tier),
                        needed: Value::from(start),
                        lead,
                    };
                    if let Some(hint) = self.hint(line, score, candidate) {
                        hints.push(hint);
                        break;
                    }
                }
                if let (Some(needed), true) = (units.checked_add(1), score.bonus < line.bonus_cap) {
                    let unit = spaced(&rule.unit);
                    let change = (
                        rule.unit_fact.clone(),
                        Change::Set(rule.unit_fact.clone(), Value::from(needed)),
                    );
                    let named = (
                        rule.unit_label.as_str(),
                        rule.unit_label_en.as_str(),
                        unit.as_str(),
                    );
                    candidates.push(self.count(change, (units, needed), named));
                }
            }
            Rule::MajorCoverage(rule) => self.bases(&rule.needs, &mut candidates),
            Rule::OrderMajors(_) => self.order_majors(&mut candidates),
            Rule::OrderClasses(rule) => {
                // A class of 0 students is not running: one more class has at least 1.
                let size = rule.size.max(1);
                let major = self.facts.get("majors").and_then(|m| m.get(0)?.get("name"));
                let class = new_class(major.cloned().unwrap_or_default(), size);
                candidates.push(Candidate {
                    change: Change::Push("order_classes", class),
                    path: "order_classes".to_string(),
                    current: Value::from(0),
                    needed: Value::from(size),
                    lead: self.say(
                        format_args!("再开设 1 个 {size} 人及以上的订单班"),
                        format_args!("one more order class of {size} or more students: "),
                    ),
                });
            }
            Rule::Ratio(rule) => {
                self.ratios(line, std::slice::from_ref(rule), true, &mut candidates)
            }
            Rule::RatioShortfalls(rule) => self.ratios(line, &rule.ratios, false, &mut candidates),
        }
        for candidate in candidates {
            hints.extend(self.hint(line, score, candidate));
        }
    }

    /// B1: each major without a partner gets one; while the bonus is below its cap, the first
    /// major (in input order) whose one more partner gains gets it.
    fn partners(&mut self, line: &Line, score: &LineScore, hints: &mut Vec<Hint>) {
        let mut reader = self.reader();
        let Some(majors) = reader.majors() else {
            return;
        };
        let mut bonus_open = score.bonus < line.bonus_cap;
        for major in majors.iter() {
            let i = major.index;
            let count = reader.major_count(i, "partners", "合作企业数", "partner enterprises");
            let (Some(current), true) = (count, bonus_open || count == Some(0)) else {
                continue;
            };
            let needed = current.saturating_add(1);
            let path = format!("majors[{i}].partners");
            let name = &major.name;
            let candidate = if self.derived(i, "partners") {
                let lead = self.say(
                    format_args!("在合作项目台账中为该专业（{name}）增加一个与新合作企业的合作项目（合作企业达到 {needed} 家）"),
                    format_args!("add a project with a new partner enterprise for {name} to the project ledger (reaching {needed} partners): "),
                );
                Candidate {
                    change: Change::Push("projects", project(name, vec![Value::from("other")])),
                    path,
                    current: Value::from(current),
                    needed: Value::from(needed),
                    lead,
                }
            } else {
                let (zh, en) = (
                    format!("「{name}」的合作企业"),
                    format!("partner enterprises of {name}"),
                );
                let change = (path.clone(), Change::Set(path, Value::from(needed)));
                self.count(change, (current, needed), (&zh, &en, " 家"))
            };
            let hint = self.hint(line, score, candidate);
            if current > 0 && hint.is_some() {
                bonus_open = false;
            }
            hints.extend(hint);
        }
        self.keep(reader);
    }

    /// C2: each major lacking a base gets what it lacks (both bases when both are missing).
    fn bases(&mut self, needs: &[MajorNeed], candidates: &mut Vec<Candidate>) {
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
            let fields = |list: &[&MajorNeed]| -> Vec<Value> {
                list.iter().map(|n| Value::from(n.field.as_str())).collect()
            };
            let zh: Vec<&str> = lacks.iter().map(|n| n.label.as_str()).collect();
            let en: Vec<&str> = lacks.iter().map(|n| n.label_en.as_str()).collect();
            let (zh, en, name) = (join(&zh, "、"), join(&en, " and "), &major.name);
            let path = format!("majors[{i}]");
            let (change, lead) = if self.derived(i, &first.field) {
                let lead = self.say(
                    format_args!("在合作项目台账中为该专业（{name}）增加一个含{zh}的合作项目"),
                    format_args!("add a project with the {en} for {name} to the project ledger: "),
                );
                (
                    Change::Push("projects", project(name, fields(&lacks))),
                    lead,
                )
            } else {
                let row = self.facts.get("majors").and_then(|m| m.get(i));
                let Some(Value::Object(row)) = row.cloned() else {
                    continue;
                };
                let mut row = row;
                for need in &lacks {
                    row.insert(need.field.clone(), Value::Bool(true));
                }
                let lead = self.say(
                    format_args!("「{name}」建成{zh}"),
                    format_args!("{name} gets its {en}: "),
                );
                (Change::Set(path.clone(), Value::Object(row)), lead)
            };
            candidates.push(Candidate {
                change,
                path,
                current: Value::Array(fields(&has)),
                needed: Value::Array(fields(&lacks)),
                lead,
            });
        }
        self.keep(reader);
    }

    /// C3: one more major with an order class (the first in input order without one).
    fn order_majors(&mut self, candidates: &mut Vec<Candidate>) {
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
        self.keep(reader);
        let with = |m: &&Major| has_class.get(m.index).copied().unwrap_or(false);
        let k = majors.iter().filter(with).count();
        let Some(next) = majors.iter().find(|m| !with(m)) else {
            return;
        };
        let (name, needed) = (&next.name, k + 1);
        candidates.push(Candidate {
            change: Change::Push("order_classes", new_class(Value::from(name.as_str()), 30)),
            path: "order_classes".to_string(),
            current: Value::from(k),
            needed: Value::from(needed),
            lead: self.say(
                format_args!("再有 1 个专业（如「{name}」）开设订单班（达到 {needed} 个专业）"),
                format_args!(
                    "one more major with an order class (such as {name}; {needed} in all): "
                ),
            ),
        });
    }

    /// C5, C6 (`bonus`), C7: for each ratio, the least part that gains, found on the rule's
    /// own step arithmetic (re-scored in full afterwards, as every candidate).
    fn ratios(
        &mut self,
        line: &Line,
        rules: &[RatioRule],
        bonus: bool,
        candidates: &mut Vec<Candidate>,
    ) {
        let mut reader = self.reader();
        let mut values = Vec::with_capacity(rules.len());
        for rule in rules {
            match reader.ratio(&rule.part, &rule.whole) {
                Some(value) => values.push(value),
                None => return,
            }
        }
        self.keep(reader);
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
            let change = (
                rule.part.clone(),
                Change::Set(rule.part.clone(), Value::from(hi)),
            );
            let named = (rule.label.as_str(), rule.label_en.as_str(), unit.as_str());
            candidates.push(self.count(change, (current, hi), named));
        }
    }
}

/// The value at a place of `root` named as hints name inputs (`majors[2].partners`).
fn at<'v>(root: &'v mut Value, place: &str) -> Option<&'v mut Value> {
    let mut node = root;
    let keys = place.split(['.', '[', ']']).filter(|key| !key.is_empty());
    for key in keys {
        node = match node {
            Value::Array(items) => {
                let index = key.bytes().try_fold(0usize, |n, b| {
                    let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
                    n.checked_mul(10)?.checked_add(usize::from(digit))
                })?;
                items.get_mut(index)?
            }
            Value::Object(map) => map.get_mut(key)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The order class a hint tries: no real class is called this.
fn new_class(major: Value, students: u64) -> Value {
    let mut class = Map::new();
    class.insert("name".into(), Value::from("（新订单班）"));
    class.insert("major".into(), major);
    class.insert("students".into(), Value::from(students));
    Value::Object(class)
}

/// The ledger row a hint tries: a new enterprise, counting for any year from 2000 on.
fn project(major: &str, forms: Vec<Value>) -> Value {
    let mut row = Map::new();
    row.insert("enterprise".into(), Value::from("（新合作企业）"));
    row.insert("major".into(), Value::from(major));
    row.insert("forms".into(), Value::Array(forms));
    row.insert("signed".into(), Value::from("2000-01-01"));
    Value::Object(row)
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
