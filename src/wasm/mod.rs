//! The engine's JavaScript face (RUBRIC.md §6): plain JS objects in and out.
//!
//! Only conversion happens here. Facts arrive as any JS value and are read into JSON
//! (numbers keep the decimal a person typed); results leave as plain objects. Problems
//! with facts are data (`ok: false`), never exceptions; `weightedScore` and
//! `rankDepartments` throw one `Error` whose message lists every problem in Chinese.

mod convert;

use crate::locale::Locale;
use crate::problem::{join_messages, Problem};
use crate::report;
use crate::rubric::{self, Rubric};
use serde_json::Value;
use std::borrow::Cow;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

/// Options every export accepts: `{ locale: "zh" | "en", rubric: <a rubric object> }`.
struct Options {
    locale: Locale,
    /// The built-in rubric is borrowed, a custom one owned.
    rubric: Result<Cow<'static, Rubric>, Vec<Problem>>,
}

fn to_json(value: &JsValue) -> Value {
    convert::from_js(value)
}

/// The built-in rubric, read once. The JS engine's own `JSON.parse` reads the text, which
/// keeps a JSON text parser out of the module.
fn builtin() -> Result<Cow<'static, Rubric>, Vec<Problem>> {
    static BUILTIN: OnceLock<Result<Rubric, Vec<Problem>>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            let value = js_sys::JSON::parse(rubric::TRIAL_2023)
                .map(|v| to_json(&v))
                .unwrap_or(Value::Null);
            Rubric::from_value(&value)
        })
        .as_ref()
        .map(Cow::Borrowed)
        .map_err(Clone::clone)
}

fn options(value: &JsValue) -> Options {
    let json = to_json(value);
    let locale = json
        .get("locale")
        .and_then(Value::as_str)
        .map_or(Locale::Zh, Locale::from_tag);
    let rubric = match json.get("rubric") {
        Some(custom) if !custom.is_null() => Rubric::from_value(custom).map(Cow::Owned),
        _ => builtin(),
    };
    Options { locale, rubric }
}

fn to_js(value: &Value) -> JsValue {
    convert::to_js(value)
}

/// The one place engine problems become a thrown JS `Error`. Everything Rust owns is
/// dropped before the throw, so abandoning the Wasm frames leaks nothing.
fn value_or_throw(result: Result<Value, Vec<Problem>>, locale: Locale) -> JsValue {
    let message = match result {
        Ok(value) => return to_js(&value),
        Err(problems) => join_messages(&problems, locale),
    };
    let error = js_sys::Error::new(&message);
    drop(message);
    wasm_bindgen::throw_val(error.into())
}

/// Facts (RUBRIC.md §3) → the score sheet (§5), or `{ ok: false, errors }`; never throws.
#[wasm_bindgen(js_name = scoreDepartment)]
pub fn score_department(facts: JsValue, options_value: JsValue) -> JsValue {
    let options = options(&options_value);
    let result = options.rubric.and_then(|rubric| {
        crate::score_department(&rubric, &to_json(&facts))
            .map(|score| report::department_json(&score, rubric.decimals, options.locale))
    });
    to_js(&result.unwrap_or_else(|problems| report::errors_json(&problems, options.locale)))
}

/// Facts → `{ ok, errors }`.
#[wasm_bindgen(js_name = validateFacts)]
pub fn validate_facts(facts: JsValue, options_value: JsValue) -> JsValue {
    let options = options(&options_value);
    let problems = match &options.rubric {
        Ok(rubric) => crate::validate_facts(rubric, &to_json(&facts)),
        Err(problems) => problems.clone(),
    };
    to_js(&report::validation_json(&problems, options.locale))
}

/// One line ("C5") from just the facts it reads → `{ ok: true, item }` or `{ ok: false, errors }`.
#[wasm_bindgen(js_name = scoreLine)]
pub fn score_line(line: &str, facts: JsValue, options_value: JsValue) -> JsValue {
    let options = options(&options_value);
    let result = options.rubric.and_then(|rubric| {
        crate::score_line(&rubric, line, &to_json(&facts)).map(|item| {
            report::object(vec![
                ("ok", Value::Bool(true)),
                (
                    "item",
                    report::line_json(&item, rubric.decimals, options.locale),
                ),
            ])
        })
    });
    to_js(&result.unwrap_or_else(|problems| report::errors_json(&problems, options.locale)))
}

/// Sm = S1 × 40% + S2 × 60%, rounded; throws on a non-number or a score outside 0–118.
#[wasm_bindgen(js_name = weightedScore)]
pub fn weighted_score(s1: JsValue, s2: JsValue, options_value: JsValue) -> JsValue {
    let Options { locale, rubric } = options(&options_value);
    let result = rubric.and_then(|rubric| {
        crate::weighted_score(&rubric, &to_json(&s1), &to_json(&s2)).map(report::number)
    });
    // Release the arguments' JS handles now: a throw would skip their drops.
    drop((s1, s2, options_value));
    value_or_throw(result, locale)
}

/// `[{department, s1, s2}]` → the same rows, in the same order, with `final` and `rank`.
#[wasm_bindgen(js_name = rankDepartments)]
pub fn rank_departments(rows: JsValue, options_value: JsValue) -> JsValue {
    let Options { locale, rubric } = options(&options_value);
    let result = rubric.and_then(|rubric| {
        crate::rank_departments(&rubric, &to_json(&rows)).map(|ranked| report::ranked_json(&ranked))
    });
    drop((rows, options_value));
    value_or_throw(result, locale)
}

/// The rubric in use as data: ids, names, max, bonus caps, weights and every rule's parameters.
#[wasm_bindgen(js_name = rubricInfo)]
pub fn rubric_info(options_value: JsValue) -> JsValue {
    let Options { locale, rubric } = options(&options_value);
    let result = rubric.map(|rubric| report::rubric_json(&rubric, locale));
    drop(options_value);
    value_or_throw(result, locale)
}

/// A small free-list allocator instead of the standard dlmalloc: the engine's allocations
/// are few and short-lived, and this saves kilobytes of the shipped module.
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
