//! One-cell answers for the worksheet functions (备案天数, 信用代码校验, 未报月份): the ledger's
//! and the calendar's own readers (RUBRIC.md §7, §8) applied to the values of a few cells, so
//! that a sheet and the engine can never read a date or a credit code differently.
//!
//! Like `weightedScore`, a value that cannot be used throws one JS `Error` listing every
//! problem in Chinese (English on request); `creditCode` answers a bad code as data instead,
//! since "not valid, because …" is its answer. No input can trap the module.

use super::{input, throw, to_js};
use crate::calendar::{self, CalendarOptions, MonthStatus, YearMonth};
use crate::cell;
use crate::ledger::{self, credit, text, CodeFault, Date, DateFault, YearOptions};
use crate::locale::{Locale, Text};
use crate::problem::{Code, Problem};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

/// Only the locale matters to these exports (the ledger's and the calendar's options are not
/// part of a rubric).
fn locale_of(options: &JsValue) -> Locale {
    input::read(options)
        .get("locale")
        .and_then(Value::as_str)
        .map_or(Locale::Zh, Locale::from_tag)
}

/// One date cell; `Err` is its problem (missing or not a date), located at `path`.
fn date_cell(value: &Value, path: &str, label: &Text) -> Result<Date, Problem> {
    match ledger::read_date(value) {
        Ok(day) => Ok(day),
        Err(DateFault::Missing) => Err(text::missing(path, label, &text::date_expected())),
        Err(DateFault::NotADate) => Err(text::not_a_date(path, label, value)),
    }
}

/// Whole days from signing to filing (备案, 第九条: within one week). Throws when either is
/// no date (empty included) or the filing is before the signing (`date_order`).
#[wasm_bindgen(js_name = filingDays)]
pub fn filing_days(signed: &JsValue, filed: &JsValue, options: &JsValue) -> f64 {
    let filed_label = Text::new("备案日期", "the filing date");
    let signed = date_cell(
        &input::read(signed),
        "signed",
        &Text::new("签订日期", "the signing date"),
    );
    let filed = date_cell(&input::read(filed), "filed", &filed_label);
    let problems = match (signed, filed) {
        // At most 9999 years apart: exact as an f64.
        (Ok(signed), Ok(filed)) if filed >= signed => return signed.days_until(filed) as f64,
        (Ok(signed), Ok(filed)) => vec![text::wrong(
            "filed",
            Code::DateOrder,
            &filed_label,
            &Value::from(filed.iso()),
            &Text::new(
                format!("早于签订日期 {}", signed.iso()),
                format!("before the signing date {}", signed.iso()),
            ),
            &Text::new(
                "不早于签订日期的日期",
                "a date on or after the signing date",
            ),
        )],
        (signed, filed) => [signed.err(), filed.err()].into_iter().flatten().collect(),
    };
    throw(problems, locale_of(options))
}

// The answers are built as JSON values, which the module already knows how to hand to JS
// (own `Serialize` structs would each add their serializer to the module); their types:
#[wasm_bindgen(typescript_custom_section)]
const CELL_TYPES: &str = r#"
/** `creditCode`'s answer: whether the code passes GB 32100-2015, and a sentence saying so or why not. */
export interface CreditCodeCheck { valid: boolean; message: string }
/** One due month of `missedMonths`: `date` is the day through OA (`2023-09-04`) when on time or late. */
export interface MonthOut { month: string; status: "on_time" | "late" | "not_reported" | "rejected"; date: string | null }
/** `missedMonths`' answer: A3's `reports.due` and `reports.missed`, every due month in order, and the A3 note. */
export interface MissedMonths { year: string; due: number; missed: number; months: MonthOut[]; note: string }
"#;

/// Checks one 统一社会信用代码 as the ledger checks `credit_code` (folded first: full-width,
/// spaces, letter case). Never throws: an empty cell or a number is "not valid" with its reason.
#[wasm_bindgen(js_name = creditCode)]
pub fn credit_code(code: &JsValue, options: &JsValue) -> JsValue {
    let locale = locale_of(options);
    let value = input::read(code);
    let label = Text::new("统一社会信用代码", "the unified social credit code");
    let expected = Text::new(
        "统一社会信用代码（18 位，GB 32100-2015）",
        "an 18-character unified social credit code (GB 32100-2015)",
    );
    // Why the value is refused, or `None` when the code passes.
    let reason = match &value {
        _ if cell::is_blank(&value) => {
            let message = text::missing("credit_code", &label, &expected).message;
            return answer(false, &message, locale);
        }
        Value::String(s) => match credit::check_code(s) {
            Ok(_) => None,
            Err(CodeFault::Length(n)) => Some(Text::new(
                format!("有 {n} 个字符，不是 18 个"),
                format!("{n} characters, not 18"),
            )),
            Err(CodeFault::Character(at, c)) => Some(Text::new(
                format!("第 {at} 个字符「{c}」不能用于信用代码（不含 I、O、Z、S、V）"),
                format!("character {at} “{c}” cannot appear in a credit code (no I, O, Z, S, V)"),
            )),
            Err(CodeFault::Check(expected)) => Some(Text::new(
                format!("校验码不符（按前 17 位应为「{expected}」）"),
                format!("the check character is wrong (the first 17 call for “{expected}”)"),
            )),
        },
        // A number cannot hold 18 characters exactly (nor letters): the cell must be text.
        _ => Some(Text::new(
            "不是文字（请把单元格设为文本格式后重新输入）",
            "not text (format the cell as text and type it again)",
        )),
    };
    match reason {
        None => answer(
            true,
            &Text::new(
                "统一社会信用代码校验通过（GB 32100-2015）",
                "the unified social credit code is valid (GB 32100-2015)",
            ),
            locale,
        ),
        Some(reason) => {
            let code = Code::BadCreditCode;
            let problem = text::wrong("credit_code", code, &label, &value, &reason, &expected);
            answer(false, &problem.message, locale)
        }
    }
}

/// `{ valid, message }`.
fn answer(valid: bool, message: &Text, locale: Locale) -> JsValue {
    let mut answer = Map::new();
    answer.insert("valid".into(), Value::Bool(valid));
    answer.insert("message".into(), message.get(locale).into());
    to_js(&answer)
}

/// The due months of an assessment year with each report's status (RUBRIC.md §8).
///
/// `months` is either `reports.months` itself (`{"2023-09": "2023-09-04", …}`) or a sheet's
/// columns, `[{month, date, review}]`: the month as typed in the heading row (`2023-09`,
/// `2023年9月`, or a date or serial in the month, as a spreadsheet stores a typed `2023-9`),
/// the date the report went through OA, and the assessors' mark (empty, or 退回 / 不合格 /
/// rejected). A due month in no column is not reported. Throws every problem at once, located
/// as the calendar locates them (`reports.months.2023-09`).
#[wasm_bindgen(js_name = missedMonths)]
pub fn missed_months(year: &JsValue, months: &JsValue, options: &JsValue) -> JsValue {
    let locale = locale_of(options);
    let (entries, mut problems) = match input::read(months) {
        Value::Array(columns) => from_columns(&columns),
        other => (other, Vec::new()),
    };
    // `null` (no months at all) is no calendar: read as `{}`, every due month missed.
    let entries = if entries.is_null() {
        Value::Object(Map::new())
    } else {
        entries
    };
    let year = match ledger::year_problem(&input::read(year), YearOptions::default()) {
        Ok(year) => year,
        Err(problem) => {
            problems.insert(0, problem);
            throw(problems, locale)
        }
    };
    // Never `None`: `entries` is not null.
    let Some(result) = calendar::read_months(&entries, year, &CalendarOptions::default()) else {
        throw(problems, locale)
    };
    problems.extend(result.problems);
    if !problems.is_empty() {
        throw(problems, locale)
    }
    let calendar = result.calendar;
    let mut months = Vec::new();
    for (month, status) in &calendar.months {
        let (status, date) = match status {
            MonthStatus::OnTime(d) => ("on_time", Value::from(d.iso())),
            MonthStatus::Late(d) => ("late", Value::from(d.iso())),
            MonthStatus::NotReported => ("not_reported", Value::Null),
            MonthStatus::Rejected => ("rejected", Value::Null),
        };
        let mut out = Map::new();
        out.insert("month".into(), month.key().into());
        out.insert("status".into(), status.into());
        out.insert("date".into(), date);
        months.push(Value::Object(out));
    }
    let mut answer = Map::new();
    answer.insert("year".into(), year.label().into());
    answer.insert("due".into(), calendar.due().into());
    answer.insert("missed".into(), calendar.missed().into());
    answer.insert("months".into(), Value::Array(months));
    answer.insert("note".into(), calendar.note().get(locale).into());
    to_js(&answer)
}

/// The key a heading cell gives its column in `reports.months`: a month key typed as text
/// stays as typed (the calendar reads `2023-09`, `2023年9月`, and names a wrong one as
/// typed); a date in the month, as text or as the serial a spreadsheet makes of a typed
/// `2023-9`, becomes that month's key. Keys go first: `2023.9` is September, not serial 2023.9.
fn heading_key(heading: &Value) -> String {
    let text = match heading {
        Value::String(s) if calendar::read_key(s).is_some() => return s.clone(),
        Value::String(s) => s.clone(),
        other => cell::show(other),
    };
    match ledger::read_date(heading) {
        Ok(day) => YearMonth {
            year: day.year(),
            month: day.month(),
        }
        .key(),
        Err(_) => text,
    }
}

/// Columns of a sheet's 月报 block → `reports.months`. Each column's value is its date, or
/// `rejected` when the assessors' row says so; a blank heading over a used column, a mark
/// that is not a rejection, and a month given twice are problems located by column
/// (`months[2].review`). Everything else (an unknown month, an unreadable date) the calendar
/// itself finds and locates by month (`reports.months.2023-09`).
fn from_columns(columns: &[Value]) -> (Value, Vec<Problem>) {
    let mut entries = Map::new();
    let mut problems = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let field = |name: &str| column.get(name).unwrap_or(&Value::Null);
        let (heading, date, review) = (field("month"), field("date"), field("review"));
        if cell::is_blank(heading) && cell::is_blank(date) && cell::is_blank(review) {
            continue; // a spare column of a generous range
        }
        let path = format!("months[{i}]");
        if cell::is_blank(heading) {
            problems.push(text::missing(
                &format!("{path}.month"),
                &Text::new("月份", "the month"),
                &Text::new("月份，如 2023-09", "a month such as 2023-09"),
            ));
            continue;
        }
        let key = heading_key(heading);
        if !cell::is_blank(review) && !calendar::is_rejection(review) {
            problems.push(text::wrong(
                &format!("{path}.review"),
                Code::UnknownChoice,
                &Text::new("月报的考评意见", "the assessors' mark on a report"),
                review,
                &Text::new("不是认可的考评意见", "not a mark the calendar knows"),
                &Text::new(
                    "留空（认可）或 退回、不合格",
                    "empty (accepted) or rejected (退回, 不合格)",
                ),
            ));
        }
        // The assessors' 退回 overrides the date: the report went through but was refused.
        let value = if calendar::is_rejection(review) {
            review.clone()
        } else {
            date.clone()
        };
        // A month given again is refused; the first column's value stays (and is checked).
        if entries.contains_key(&key) {
            problems.push(text::wrong(
                &format!("{path}.month"),
                Code::UnknownMonth,
                &Text::new("月份", "the month"),
                &Value::String(key),
                &Text::new("与前面一列是同一个月", "the month of an earlier column"),
                &Text::new("每个月只填一列", "each month in one column only"),
            ));
        } else {
            entries.insert(key, value);
        }
    }
    (Value::Object(entries), problems)
}
