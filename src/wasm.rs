//! The engine's JavaScript face (RUBRIC.md §6): plain JS objects in and out.
//!
//! Only conversion happens here. Facts arrive as any JS value and are read into JSON
//! (numbers keep the decimal a person typed); results leave as plain objects. Problems
//! with facts are data (`ok: false`), never exceptions; `weightedScore` and
//! `rankDepartments` throw one `Error` whose message lists every problem in Chinese.

use crate::locale::Locale;
use crate::problem::{join_messages, Problem};
use crate::report;
use crate::rubric::{self, Rubric};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Options every export accepts: `{ locale: "zh" | "en", rubric: <a rubric object> }`.
struct Options {
    locale: Locale,
    rubric: Result<Rubric, Vec<Problem>>,
}

fn to_json(value: &JsValue) -> Value {
    if value.is_undefined() {
        return Value::Null;
    }
    serde_wasm_bindgen::from_value(value.clone()).unwrap_or(Value::Null)
}

fn options(value: &JsValue) -> Options {
    let json = to_json(value);
    let locale = json
        .get("locale")
        .and_then(Value::as_str)
        .map_or(Locale::Zh, Locale::from_tag);
    let rubric = match json.get("rubric") {
        Some(custom) if !custom.is_null() => Rubric::from_value(custom),
        _ => Ok(rubric::builtin().clone()),
    };
    Options { locale, rubric }
}

fn to_js(value: &Value) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// The one place engine problems become a thrown JS error.
fn throw(problems: &[Problem], locale: Locale) -> JsError {
    JsError::new(&join_messages(problems, locale))
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
            serde_json::json!({ "ok": true, "item": report::line_json(&item, rubric.decimals, options.locale) })
        })
    });
    to_js(&result.unwrap_or_else(|problems| report::errors_json(&problems, options.locale)))
}

/// Sm = S1 × 40% + S2 × 60%, rounded; throws on a non-number or a score outside 0–118.
#[wasm_bindgen(js_name = weightedScore)]
pub fn weighted_score(
    s1: JsValue,
    s2: JsValue,
    options_value: JsValue,
) -> Result<JsValue, JsError> {
    let options = options(&options_value);
    let rubric = options.rubric.map_err(|p| throw(&p, options.locale))?;
    crate::weighted_score(&rubric, &to_json(&s1), &to_json(&s2))
        .map(|sm| to_js(&report::number(sm)))
        .map_err(|p| throw(&p, options.locale))
}

/// `[{department, s1, s2}]` → the same rows, in the same order, with `final` and `rank`.
#[wasm_bindgen(js_name = rankDepartments)]
pub fn rank_departments(rows: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let options = options(&options_value);
    let rubric = options.rubric.map_err(|p| throw(&p, options.locale))?;
    crate::rank_departments(&rubric, &to_json(&rows))
        .map(|ranked| to_js(&report::ranked_json(&ranked)))
        .map_err(|p| throw(&p, options.locale))
}

/// The rubric in use as data: ids, names, max, bonus caps, weights and every rule's parameters.
#[wasm_bindgen(js_name = rubricInfo)]
pub fn rubric_info(options_value: JsValue) -> Result<JsValue, JsError> {
    let options = options(&options_value);
    let rubric = options.rubric.map_err(|p| throw(&p, options.locale))?;
    Ok(to_js(&report::rubric_json(&rubric, options.locale)))
}
