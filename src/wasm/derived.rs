//! `derivedInputs`: the inputs the project ledger (RUBRIC.md §7 "Derived inputs") and the
//! report calendar (§8) stand for, as data — each major's partners and bases, and A3's two
//! counts — so that a host showing them (the add-in's grey computed cells) takes the values
//! the engine scores with, and never reads them back out of a line's notes.
//!
//! The values come from the same reading the rules use (`FactReader::ledger` and
//! `FactReader::calendar`): one derivation, one set of problems.

use super::{input, options, to_js, Options};
use crate::facts::FactReader;
use crate::problem::Problem;
use crate::report::Errors;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// One derived input: its path in the facts (`majors[0].partners`, `reports.missed`) and its
/// value, a count or a yes/no.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct DerivedValue {
    pub path: String,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | boolean"))]
    pub value: Value,
}

/// `derivedInputs`' answer on success: every input derived, majors first (in their order),
/// then the calendar's counts; empty when the facts have neither ledger nor calendar.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct DerivedOut {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "true"))]
    pub ok: bool,
    pub values: Vec<DerivedValue>,
}

/// `derivedInputs`' answer: the values, or `{ ok: false, errors }` when the ledger, the
/// calendar, the year or the list of majors they depend on has a problem.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
#[serde(untagged)]
pub enum Derived<'a> {
    Ok(DerivedOut),
    Err(Errors<'a>),
}

/// What the ledger and the calendar of `facts` derive, or every problem in the way.
fn derive(reader: &mut FactReader) -> Vec<DerivedValue> {
    let mut values = Vec::new();
    let value = |path: String, value: Value| DerivedValue { path, value };
    if let Some(ledger) = reader.ledger() {
        for (i, major) in ledger.majors.iter().enumerate() {
            values.push(value(
                format!("majors[{i}].partners"),
                major.partners.into(),
            ));
            values.push(value(
                format!("majors[{i}].campus_base"),
                major.campus_base.into(),
            ));
            values.push(value(
                format!("majors[{i}].external_base"),
                major.external_base.into(),
            ));
        }
    }
    if let Some(calendar) = reader.calendar() {
        if calendar.problems.is_empty() {
            values.push(value("reports.due".into(), calendar.calendar.due().into()));
            values.push(value(
                "reports.missed".into(),
                calendar.calendar.missed().into(),
            ));
        }
    }
    values
}

/// Facts (only `year`, `majors[].name`, `projects` and `reports.months` are read) → `{ ok:
/// true, values: [{ path, value }] }` or `{ ok: false, errors }`; never throws. Values a
/// person gave for the same inputs are not looked at: this says what the ledger gives.
#[wasm_bindgen(js_name = derivedInputs)]
pub fn derived_inputs(facts: &JsValue, options_value: &JsValue) -> JsValue {
    let Options { locale, rubric } = options(options_value);
    let rubric = match rubric {
        Ok(rubric) => rubric,
        Err(problems) => return to_js(&Errors::new(&problems, locale)),
    };
    let facts = input::read(facts);
    let mut reader = FactReader::new(&facts, &rubric.facts, locale);
    let values = derive(&mut reader);
    let problems: Vec<Problem> = reader.into_problems();
    if problems.is_empty() {
        to_js(&Derived::Ok(DerivedOut { ok: true, values }))
    } else {
        to_js(&Derived::Err(Errors::new(&problems, locale)))
    }
}
