//! The engine's JavaScript face (RUBRIC.md §6): plain JS objects in and out.
//!
//! Only conversion happens here. Arguments cross through `serde-wasm-bindgen` into JSON
//! values (bounded: see `input.rs`); results are the `Serialize` structs of `report.rs`,
//! crossing back through `serde-wasm-bindgen` as plain objects. Problems with facts are data
//! (`ok: false`), never exceptions; `weightedScore`, `rankDepartments` and `rubricInfo`
//! throw one `Error` whose message lists every problem in Chinese (English on request).

pub mod cells;
mod derived;
mod input;

pub use derived::derived_inputs;

use crate::locale::Locale;
use crate::problem::{join_messages, Problem};
use crate::report::{
    self, Department, Errors, LineOut, LineScored, RubricInfo, Scored, Validation,
};
use crate::rubric::{self, Rubric};
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

// The result types' TypeScript declarations are derived from `report.rs` (tsify); this is
// the one type they name that is not a struct there.
#[wasm_bindgen(typescript_custom_section)]
const NUM_TYPE: &str = r#"
/** A decimal from the engine, already rounded to the rubric's decimals. */
export type Num = number;
"#;

/// Options every export accepts: `{ locale: "zh" | "en", rubric: <a rubric object> }`.
struct Options {
    locale: Locale,
    /// The built-in rubric is borrowed, a custom one owned.
    rubric: Result<Cow<'static, Rubric>, Vec<Problem>>,
}

fn builtin() -> Result<Cow<'static, Rubric>, Vec<Problem>> {
    static BUILTIN: OnceLock<Result<Rubric, Vec<Problem>>> = OnceLock::new();
    BUILTIN
        // The JS engine's own `JSON.parse` reads the text: no JSON text parser in the module.
        .get_or_init(|| {
            let value = js_sys::JSON::parse(rubric::TRIAL_2023).unwrap_or(JsValue::NULL);
            Rubric::from_owned_value(input::read(&value))
        })
        .as_ref()
        .map(Cow::Borrowed)
        .map_err(Clone::clone)
}

fn options(value: &JsValue) -> Options {
    // Most calls pass no options: skip the crossing altogether.
    if value.is_undefined() || value.is_null() {
        return Options {
            locale: Locale::Zh,
            rubric: builtin(),
        };
    }
    let mut json = input::read(value);
    let locale = json
        .get("locale")
        .and_then(Value::as_str)
        .map_or(Locale::Zh, Locale::from_tag);
    let rubric = match json.get_mut("rubric").map(Value::take) {
        Some(custom) if !custom.is_null() => Rubric::from_owned_value(custom).map(Cow::Owned),
        _ => builtin(),
    };
    Options { locale, rubric }
}

/// The one serializer of results: plain objects (never `Map`s), absent fields left out.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    // Only plain structs, texts and finite numbers are serialised: this cannot fail.
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// The one place engine problems become a thrown JS `Error`. Everything Rust owns is
/// dropped before the throw, so abandoning the Wasm frames leaks nothing (the arguments are
/// borrowed: the glue releases them itself).
fn throw(problems: Vec<Problem>, locale: Locale) -> ! {
    let message = join_messages(&problems, locale);
    drop(problems);
    let error = js_sys::Error::new(&message);
    drop(message);
    wasm_bindgen::throw_val(error.into())
}

fn value_or_throw(result: Result<JsValue, Vec<Problem>>, locale: Locale) -> JsValue {
    match result {
        Ok(value) => value,
        Err(problems) => throw(problems, locale),
    }
}

/// Facts (RUBRIC.md §3) → the score sheet (§5), or `{ ok: false, errors }`; never throws.
#[wasm_bindgen(js_name = scoreDepartment)]
pub fn score_department(facts: &JsValue, options_value: &JsValue) -> JsValue {
    let Options { locale, rubric } = options(options_value);
    let rubric = match rubric {
        Ok(rubric) => rubric,
        Err(problems) => return to_js(&Errors::new(&problems, locale)),
    };
    match crate::assess_department(&rubric, &input::read(facts), locale) {
        Ok(score) => to_js(&Scored::Ok(Department::new(&score, rubric.decimals))),
        Err(rejected) => to_js(&Scored::Err(Errors::with_warnings(
            &rejected.problems,
            &rejected.warnings,
            locale,
        ))),
    }
}

/// Facts → `{ ok, errors, warnings }`.
#[wasm_bindgen(js_name = validateFacts)]
pub fn validate_facts(facts: &JsValue, options_value: &JsValue) -> JsValue {
    let Options { locale, rubric } = options(options_value);
    let (problems, warnings) = match &rubric {
        Ok(rubric) => crate::check_facts(rubric, &input::read(facts)),
        Err(problems) => (problems.clone(), Vec::new()),
    };
    to_js(&Validation::with_warnings(&problems, &warnings, locale))
}

/// One line ("C5") from just the facts it reads → `{ ok: true, item }` or `{ ok: false, errors }`.
#[wasm_bindgen(js_name = scoreLine)]
pub fn score_line(line: &str, facts: &JsValue, options_value: &JsValue) -> JsValue {
    let Options { locale, rubric } = options(options_value);
    let rubric = match rubric {
        Ok(rubric) => rubric,
        Err(problems) => return to_js(&Errors::new(&problems, locale)),
    };
    match crate::score_line_in(&rubric, line, &input::read(facts), locale) {
        Ok(item) => to_js(&LineScored::Ok(LineOut {
            ok: true,
            item: report::Item::new(&item, rubric.decimals),
        })),
        Err(problems) => to_js(&LineScored::Err(Errors::new(&problems, locale))),
    }
}

/// A score argument: a JS number or text crosses as itself, without the general reader.
fn score_value(value: &JsValue) -> Value {
    if let Some(f) = value.as_f64() {
        return serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number);
    }
    input::read(value)
}

/// Sm = S1 × 40% + S2 × 60%, rounded; throws on a non-number or a score outside 0–118.
/// The arguments are borrowed (nothing to release, even on a throw) and the answer is a
/// plain number: the call crosses the boundary as few times as it can.
#[wasm_bindgen(js_name = weightedScore)]
pub fn weighted_score(s1: &JsValue, s2: &JsValue, options_value: &JsValue) -> f64 {
    let Options { locale, rubric } = options(options_value);
    let result = rubric
        .and_then(|rubric| crate::weighted_score(&rubric, &score_value(s1), &score_value(s2)));
    match result {
        Ok(sm) => sm.to_f64().unwrap_or(f64::NAN),
        Err(problems) => throw(problems, locale),
    }
}

/// `[{department, s1, s2}]` → the same rows, in the same order, with `final` and `rank`.
#[wasm_bindgen(js_name = rankDepartments)]
pub fn rank_departments(rows: &JsValue, options_value: &JsValue) -> JsValue {
    let Options { locale, rubric } = options(options_value);
    let result = rubric.and_then(|rubric| {
        crate::rank_departments(&rubric, &input::read(rows))
            .map(|ranked| to_js(&report::ranked(&ranked)))
    });
    value_or_throw(result, locale)
}

/// A list of departments' facts → the platform targets of RUBRIC.md §10: `{ departments:
/// [{ ok, department, targets } | { ok: false, department, errors, warnings }], college }`.
/// Throws only when the argument is not a list.
#[wasm_bindgen(js_name = platformTargets)]
pub fn platform_targets(facts_list: &JsValue, options_value: &JsValue) -> JsValue {
    let Options { locale, rubric } = options(options_value);
    let result = rubric.and_then(|rubric| match input::read(facts_list) {
        Value::Array(list) => {
            let targets = crate::platform::platform_targets_in(&rubric, &list, locale);
            Ok(to_js(&crate::platform::PlatformOut::new(&targets)))
        }
        other => Err(vec![crate::platform::not_a_list(&other)]),
    });
    value_or_throw(result, locale)
}

/// The rubric in use as data: ids, names, max, bonus caps, weights and every rule's parameters.
#[wasm_bindgen(js_name = rubricInfo)]
pub fn rubric_info(options_value: &JsValue) -> JsValue {
    let Options { locale, rubric } = options(options_value);
    let result = rubric.map(|rubric| to_js(&RubricInfo::new(&rubric, locale)));
    value_or_throw(result, locale)
}

/// Timing aids for `node scripts/bench-wasm.mjs --stages` (built only with `--features
/// profile`, never shipped): each stage of `scoreDepartment` on its own — reading the facts
/// across the boundary, scoring (`times` times, from facts already in Rust), and writing the
/// result back (`times` times). The script times `times` = 1 against `times` = 0 (the facts'
/// JSON text parsed, nothing else), so that every timed call stays short: on a shared machine
/// a long loop is timed with other processes' time slices in it, a short call mostly is not.
#[cfg(feature = "profile")]
mod profile {
    use super::*;

    #[wasm_bindgen(js_name = profileRead)]
    pub fn read(facts: JsValue) -> usize {
        match input::read(&facts) {
            Value::Object(map) => map.len(),
            _ => 0,
        }
    }

    #[wasm_bindgen(js_name = profileReadJson)]
    pub fn read_json(facts: JsValue) -> usize {
        let text: String = js_sys::JSON::stringify(&facts)
            .map(String::from)
            .unwrap_or_default();
        match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(map)) => map.len(),
            _ => 0,
        }
    }

    /// The §3 facts given as JSON text, scored with the built-in rubric (`None` when refused).
    fn scored(facts: &str) -> Option<crate::department::DepartmentScore> {
        let facts: Value = serde_json::from_str(facts).unwrap_or(Value::Null);
        crate::score_department_in(rubric::builtin(), &facts, Locale::Zh).ok()
    }

    #[wasm_bindgen(js_name = profileWriteJson)]
    pub fn write_json(facts: &str, times: u32) -> JsValue {
        let score = scored(facts);
        let score = score.as_ref().map(|s| Department::new(s, 2));
        let mut last = JsValue::NULL;
        for _ in 0..times {
            let text = serde_json::to_string(&score).unwrap_or_default();
            last = js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL);
        }
        last
    }

    #[wasm_bindgen(js_name = profileScore)]
    pub fn score(facts: &str, times: u32, hints: bool) -> bool {
        let facts: Value = serde_json::from_str(facts).unwrap_or(Value::Null);
        let rubric = rubric::builtin();
        (0..times).all(|_| {
            if hints {
                crate::score_department_in(rubric, &facts, Locale::Zh).is_ok()
            } else {
                crate::department::score_without_hints(rubric, &facts)
            }
        })
    }

    #[wasm_bindgen(js_name = profileWrite)]
    pub fn write(facts: &str, times: u32) -> JsValue {
        let score = scored(facts);
        let score = score.as_ref().map(|s| Department::new(s, 2));
        let mut last = JsValue::NULL;
        for _ in 0..times {
            last = to_js(&score);
        }
        last
    }
}

/// Talc instead of the standard dlmalloc: smaller in the module and faster per call (the
/// engine allocates many small, short-lived strings and vectors).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
