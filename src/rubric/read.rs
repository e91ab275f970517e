//! Reads a rubric from JSON by hand, so that *every* problem in a malformed rubric is
//! reported at once with its path (`rubric.lines[4].rule.step`), as facts are — and so the
//! Wasm carries no generated deserialisers.

use super::*;
use crate::cell;
use crate::format::join;
use serde_json::{Map, Value};

struct Reader {
    problems: Vec<Problem>,
}

type Object = Map<String, Value>;

impl Reader {
    fn fail(&mut self, path: &str, zh: String, en: String) {
        self.problems
            .push(Problem::new(path, Code::InvalidRubric, Text::new(zh, en)));
    }

    fn object<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a Object> {
        let object = value.as_object();
        if object.is_none() {
            self.fail(
                path,
                format!("{path} 应为对象 {{…}}，收到的是「{}」", cell::show(value)),
                format!(
                    "{path} should be an object {{…}}, got “{}”",
                    cell::show(value)
                ),
            );
        }
        object
    }

    /// Reports keys this rubric format does not know (a typo would otherwise be ignored).
    fn known(&mut self, object: &Object, path: &str, keys: &[&str]) {
        for key in object.keys().filter(|k| !keys.contains(&k.as_str())) {
            self.fail(
                &format!("{path}.{key}"),
                format!(
                    "{path} 中有未知的字段「{key}」，可用字段：{}",
                    join(keys, "、")
                ),
                format!(
                    "{path} has an unknown field “{key}”; known fields: {}",
                    join(keys, ", ")
                ),
            );
        }
    }

    fn required<'a>(&mut self, object: &'a Object, path: &str, key: &str) -> Option<&'a Value> {
        let value = object.get(key).filter(|v| !v.is_null());
        if value.is_none() {
            self.fail(
                &format!("{path}.{key}"),
                format!("{path} 缺少字段「{key}」"),
                format!("{path} lacks the field “{key}”"),
            );
        }
        value
    }

    fn string(&mut self, object: &Object, path: &str, key: &str) -> String {
        match self.required(object, path, key) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.fail(
                    &format!("{path}.{key}"),
                    format!("{path}.{key} 应为文字，收到的是「{}」", cell::show(other)),
                    format!("{path}.{key} should be text, got “{}”", cell::show(other)),
                );
                String::new()
            }
            None => String::new(),
        }
    }

    fn optional_string(&mut self, object: &Object, path: &str, key: &str) -> String {
        match object.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(_) => self.string(object, path, key),
        }
    }

    fn decimal(&mut self, object: &Object, path: &str, key: &str) -> Decimal {
        match self.required(object, path, key) {
            Some(value) => cell::read_decimal(value).unwrap_or_else(|_| {
                self.fail(
                    &format!("{path}.{key}"),
                    format!("{path}.{key} 应为数字，收到的是「{}」", cell::show(value)),
                    format!(
                        "{path}.{key} should be a number, got “{}”",
                        cell::show(value)
                    ),
                );
                Decimal::ZERO
            }),
            None => Decimal::ZERO,
        }
    }

    fn optional_decimal(&mut self, object: &Object, path: &str, key: &str) -> Decimal {
        match object.get(key) {
            None | Some(Value::Null) => Decimal::ZERO,
            Some(_) => self.decimal(object, path, key),
        }
    }

    fn whole(&mut self, object: &Object, path: &str, key: &str) -> u64 {
        match self.required(object, path, key) {
            Some(value) => cell::read_count(value).unwrap_or_else(|_| {
                self.fail(
                    &format!("{path}.{key}"),
                    format!(
                        "{path}.{key} 应为不小于 0 的整数，收到的是「{}」",
                        cell::show(value)
                    ),
                    format!(
                        "{path}.{key} should be a whole number, 0 or more, got “{}”",
                        cell::show(value)
                    ),
                );
                0
            }),
            None => 0,
        }
    }

    fn flag(&mut self, object: &Object, path: &str, key: &str) -> bool {
        match object.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.fail(
                    &format!("{path}.{key}"),
                    format!(
                        "{path}.{key} 应为 true 或 false，收到的是「{}」",
                        cell::show(other)
                    ),
                    format!(
                        "{path}.{key} should be true or false, got “{}”",
                        cell::show(other)
                    ),
                );
                false
            }
        }
    }

    /// An option spelled as one of `choices` (the first is the default when absent).
    fn option(&mut self, object: &Object, path: &str, key: &str, choices: &[&str]) -> usize {
        match object.get(key) {
            None | Some(Value::Null) => 0,
            Some(value) => match value
                .as_str()
                .and_then(|s| choices.iter().position(|c| *c == s))
            {
                Some(index) => index,
                None => {
                    self.fail(
                        &format!("{path}.{key}"),
                        format!(
                            "{path}.{key} 为「{}」，应为 {}",
                            cell::show(value),
                            join(choices, "、")
                        ),
                        format!(
                            "{path}.{key} is “{}”; expected one of {}",
                            cell::show(value),
                            join(choices, ", ")
                        ),
                    );
                    0
                }
            },
        }
    }

    fn list<'a>(&mut self, object: &'a Object, path: &str, key: &str) -> &'a [Value] {
        match self.required(object, path, key) {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.fail(
                    &format!("{path}.{key}"),
                    format!(
                        "{path}.{key} 应为列表 […]，收到的是「{}」",
                        cell::show(other)
                    ),
                    format!(
                        "{path}.{key} should be a list […], got “{}”",
                        cell::show(other)
                    ),
                );
                &[]
            }
            None => &[],
        }
    }

    /// Reads each object of a list with `read`, skipping items that are not objects.
    fn each<T>(
        &mut self,
        object: &Object,
        path: &str,
        key: &str,
        mut read: impl FnMut(&mut Self, &Object, &str) -> T,
    ) -> Vec<T> {
        let items = self.list(object, path, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let at = format!("{path}.{key}[{i}]");
            if let Some(obj) = self.object(item, &at) {
                out.push(read(self, obj, &at));
            }
        }
        out
    }

    fn flag_item(&mut self, o: &Object, at: &str) -> Flag {
        self.known(o, at, &["fact", "points", "label", "label_en"]);
        Flag {
            fact: self.string(o, at, "fact"),
            points: self.optional_decimal(o, at, "points"),
            label: self.string(o, at, "label"),
            label_en: self.optional_string(o, at, "label_en"),
        }
    }

    fn ratio(&mut self, o: &Object, at: &str) -> RatioRule {
        self.known(
            o,
            at,
            &[
                "kind",
                "part",
                "whole",
                "threshold",
                "step",
                "per_step",
                "shortfall_rounding",
                "excess_rounding",
                "label",
                "label_en",
            ],
        );
        RatioRule {
            part: self.string(o, at, "part"),
            whole: self.string(o, at, "whole"),
            threshold: self.decimal(o, at, "threshold"),
            step: self.decimal(o, at, "step"),
            per_step: self.decimal(o, at, "per_step"),
            shortfall_rounding: self.shortfall(o, at),
            excess_rounding: [ExcessRounding::Down, ExcessRounding::Exclusive]
                [self.option(o, at, "excess_rounding", &["down", "exclusive"])],
            label: self.string(o, at, "label"),
            label_en: self.optional_string(o, at, "label_en"),
        }
    }

    fn shortfall(&mut self, o: &Object, at: &str) -> ShortfallRounding {
        [ShortfallRounding::Up, ShortfallRounding::Down]
            [self.option(o, at, "shortfall_rounding", &["up", "down"])]
    }

    fn rule(&mut self, o: &Object, at: &str) -> Option<Rule> {
        let kind = self.string(o, at, "kind");
        let keys =
            |extra: &[&'static str]| -> Vec<&'static str> { [&["kind"][..], extra].concat() };
        let rule = match kind.as_str() {
            "flags" => {
                self.known(o, at, &keys(&["flags"]));
                Rule::Flags {
                    flags: self.each(o, at, "flags", Self::flag_item),
                }
            }
            "choice" => {
                self.known(o, at, &keys(&["fact", "choices"]));
                Rule::Choice {
                    fact: self.string(o, at, "fact"),
                    choices: self.each(o, at, "choices", |r, c, p| {
                        r.known(c, p, &["value", "aliases", "points", "label", "label_en"]);
                        let aliases = r.optional_strings(c, p, "aliases");
                        Choice {
                            value: r.string(c, p, "value"),
                            aliases,
                            points: r.decimal(c, p, "points"),
                            label: r.string(c, p, "label"),
                            label_en: r.optional_string(c, p, "label_en"),
                        }
                    }),
                }
            }
            "deduct_per_count" => {
                self.known(
                    o,
                    at,
                    &keys(&[
                        "fact", "whole", "per", "label", "label_en", "unit", "unit_en",
                    ]),
                );
                let whole = self.optional_string(o, at, "whole");
                Rule::DeductPerCount {
                    fact: self.string(o, at, "fact"),
                    whole: (!whole.is_empty()).then_some(whole),
                    per: self.decimal(o, at, "per"),
                    label: self.string(o, at, "label"),
                    label_en: self.optional_string(o, at, "label_en"),
                    unit: self.optional_string(o, at, "unit"),
                    unit_en: self.optional_string(o, at, "unit_en"),
                }
            }
            "deduct_per_missing" => {
                self.known(o, at, &keys(&["per", "items"]));
                Rule::DeductPerMissing {
                    per: self.decimal(o, at, "per"),
                    items: self.each(o, at, "items", Self::flag_item),
                }
            }
            "partners_per_major" => {
                self.known(
                    o,
                    at,
                    &keys(&["per_major_without", "bonus_per", "bonus_mode"]),
                );
                Rule::PartnersPerMajor {
                    per_major_without: self.decimal(o, at, "per_major_without"),
                    bonus_per: self.decimal(o, at, "bonus_per"),
                    bonus_mode: [BonusMode::PerExtraEnterprise, BonusMode::PerMajorWithExtra][self
                        .option(
                            o,
                            at,
                            "bonus_mode",
                            &["per_extra_enterprise", "per_major_with_extra"],
                        )],
                }
            }
            "tiers_and_units" => {
                self.known(
                    o,
                    at,
                    &keys(&[
                        "tier_fact",
                        "tier_max",
                        "tiers",
                        "tier_label",
                        "tier_label_en",
                        "unit_fact",
                        "bonus_per_unit",
                        "unit_label",
                        "unit_label_en",
                        "unit",
                        "unit_en",
                    ]),
                );
                Rule::TiersAndUnits {
                    tier_fact: self.string(o, at, "tier_fact"),
                    tier_max: self.whole(o, at, "tier_max"),
                    tiers: self.each(o, at, "tiers", |r, t, p| {
                        r.known(t, p, &["at", "points"]);
                        Tier {
                            at: r.whole(t, p, "at"),
                            points: r.decimal(t, p, "points"),
                        }
                    }),
                    tier_label: self.string(o, at, "tier_label"),
                    tier_label_en: self.optional_string(o, at, "tier_label_en"),
                    unit_fact: self.string(o, at, "unit_fact"),
                    bonus_per_unit: self.decimal(o, at, "bonus_per_unit"),
                    unit_label: self.string(o, at, "unit_label"),
                    unit_label_en: self.optional_string(o, at, "unit_label_en"),
                    unit: self.optional_string(o, at, "unit"),
                    unit_en: self.optional_string(o, at, "unit_en"),
                }
            }
            "major_coverage" => {
                self.known(
                    o,
                    at,
                    &keys(&["per_major_lacking", "none_at_all_scores_zero", "needs"]),
                );
                Rule::MajorCoverage {
                    per_major_lacking: self.decimal(o, at, "per_major_lacking"),
                    none_at_all_scores_zero: self.flag(o, at, "none_at_all_scores_zero"),
                    needs: self.each(o, at, "needs", |r, n, p| {
                        r.known(n, p, &["field", "label", "label_en"]);
                        MajorNeed {
                            field: r.string(n, p, "field"),
                            label: r.string(n, p, "label"),
                            label_en: r.optional_string(n, p, "label_en"),
                        }
                    }),
                }
            }
            "order_majors" => {
                self.known(o, at, &keys(&["per_major", "all_majors_full"]));
                Rule::OrderMajors {
                    per_major: self.decimal(o, at, "per_major"),
                    all_majors_full: self.flag(o, at, "all_majors_full"),
                }
            }
            "order_classes" => {
                self.known(
                    o,
                    at,
                    &keys(&["size", "points_at_or_above", "points_below"]),
                );
                Rule::OrderClasses {
                    size: self.whole(o, at, "size"),
                    points_at_or_above: self.decimal(o, at, "points_at_or_above"),
                    points_below: self.decimal(o, at, "points_below"),
                }
            }
            "ratio" => Rule::Ratio(self.ratio(o, at)),
            "ratio_shortfalls" => {
                self.known(o, at, &keys(&["shortfall_rounding", "ratios"]));
                Rule::RatioShortfalls {
                    shortfall_rounding: self.shortfall(o, at),
                    ratios: self.each(o, at, "ratios", Self::ratio),
                }
            }
            "" => return None,
            other => {
                let kinds = "flags, choice, deduct_per_count, deduct_per_missing, partners_per_major, tiers_and_units, major_coverage, order_majors, order_classes, ratio, ratio_shortfalls";
                self.fail(
                    &format!("{at}.kind"),
                    format!("{at}.kind「{other}」不是已知的规则类型，应为 {kinds}"),
                    format!(
                        "{at}.kind “{other}” is not a known rule kind; expected one of {kinds}"
                    ),
                );
                return None;
            }
        };
        Some(rule)
    }

    fn optional_strings(&mut self, o: &Object, at: &str, key: &str) -> Vec<String> {
        match o.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => {
                let items = self.list(o, at, key);
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| match item {
                        Value::String(s) => Some(s.clone()),
                        other => {
                            self.fail(
                                &format!("{at}.{key}[{i}]"),
                                format!(
                                    "{at}.{key}[{i}] 应为文字，收到的是「{}」",
                                    cell::show(other)
                                ),
                                format!(
                                    "{at}.{key}[{i}] should be text, got “{}”",
                                    cell::show(other)
                                ),
                            );
                            None
                        }
                    })
                    .collect()
            }
        }
    }
}

/// Reads the whole rubric; `Err` with every problem when anything is malformed.
pub fn read(value: &Value) -> Result<Rubric, Vec<Problem>> {
    let mut r = Reader {
        problems: Vec::new(),
    };
    let root = "rubric";
    let Some(o) = r.object(value, root) else {
        return Err(r.problems);
    };
    r.known(
        o,
        root,
        &[
            "id",
            "title",
            "title_en",
            "source",
            "weights",
            "decimals",
            "facts",
            "categories",
            "lines",
        ],
    );
    let weights = match r
        .required(o, root, "weights")
        .and_then(|w| r.object(w, "rubric.weights"))
    {
        Some(w) => {
            r.known(w, "rubric.weights", &["self", "assessor"]);
            Weights {
                self_score: r.decimal(w, "rubric.weights", "self"),
                assessor: r.decimal(w, "rubric.weights", "assessor"),
            }
        }
        None => Weights {
            self_score: Decimal::ZERO,
            assessor: Decimal::ZERO,
        },
    };
    let mut facts = Vec::new();
    if let Some(map) = o
        .get("facts")
        .filter(|f| !f.is_null())
        .and_then(|f| r.object(f, "rubric.facts"))
    {
        for (path, label) in map {
            let at = format!("rubric.facts.{path}");
            if let Some(l) = r.object(label, &at) {
                r.known(l, &at, &["zh", "en"]);
                let label = Label {
                    zh: r.string(l, &at, "zh"),
                    en: r.optional_string(l, &at, "en"),
                };
                facts.push((path.clone(), label));
            }
        }
    }
    let rubric = Rubric {
        id: r.string(o, root, "id"),
        title: r.string(o, root, "title"),
        title_en: r.optional_string(o, root, "title_en"),
        source: r.optional_string(o, root, "source"),
        weights,
        decimals: u32::try_from(r.whole(o, root, "decimals")).unwrap_or(u32::MAX),
        facts,
        categories: r.each(o, root, "categories", |r, c, at| {
            r.known(c, at, &["id", "name", "name_en", "max"]);
            Category {
                id: r.string(c, at, "id"),
                name: r.string(c, at, "name"),
                name_en: r.optional_string(c, at, "name_en"),
                max: r.decimal(c, at, "max"),
            }
        }),
        lines: r
            .each(o, root, "lines", |r, l, at| {
                r.known(
                    l,
                    at,
                    &[
                        "id",
                        "category",
                        "name",
                        "name_en",
                        "max",
                        "bonus_cap",
                        "source",
                        "rule",
                    ],
                );
                let rule_at = format!("{at}.rule");
                let rule = r
                    .required(l, at, "rule")
                    .and_then(|v| r.object(v, &rule_at))
                    .and_then(|o| r.rule(o, &rule_at));
                let (id, category, name) = (
                    r.string(l, at, "id"),
                    r.string(l, at, "category"),
                    r.string(l, at, "name"),
                );
                let name_en = r.optional_string(l, at, "name_en");
                let (max, bonus_cap) = (
                    r.decimal(l, at, "max"),
                    r.optional_decimal(l, at, "bonus_cap"),
                );
                let source = r.optional_string(l, at, "source");
                rule.map(|rule| Line {
                    id,
                    category,
                    name,
                    name_en,
                    max,
                    bonus_cap,
                    source,
                    rule,
                })
            })
            .into_iter()
            .flatten()
            .collect(),
        data: value.clone(),
    };
    if r.problems.is_empty() {
        let mut rubric = rubric;
        fill_english(&mut rubric);
        Ok(rubric)
    } else {
        Err(r.problems)
    }
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
            Rule::Flags { flags: items } | Rule::DeductPerMissing { items, .. } => {
                for item in items {
                    or(&mut item.label_en, &item.label);
                }
            }
            Rule::Choice { choices, .. } => {
                for choice in choices {
                    or(&mut choice.label_en, &choice.label);
                }
            }
            Rule::DeductPerCount {
                label,
                label_en,
                unit,
                unit_en,
                ..
            } => {
                or(label_en, label);
                or(unit_en, unit);
            }
            Rule::TiersAndUnits {
                tier_label,
                tier_label_en,
                unit_label,
                unit_label_en,
                ..
            } => {
                or(tier_label_en, tier_label);
                or(unit_label_en, unit_label);
            }
            Rule::MajorCoverage { needs, .. } => {
                for need in needs {
                    or(&mut need.label_en, &need.label);
                }
            }
            Rule::Ratio(ratio) => or(&mut ratio.label_en, &ratio.label),
            Rule::RatioShortfalls { ratios, .. } => {
                for ratio in ratios {
                    or(&mut ratio.label_en, &ratio.label);
                }
            }
            Rule::PartnersPerMajor { .. }
            | Rule::OrderMajors { .. }
            | Rule::OrderClasses { .. } => {}
        }
    }
}
