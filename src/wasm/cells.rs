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
use crate::format::join;
use crate::ledger::{self, credit, text, CodeFault, Date, DateFault, YearOptions};
use crate::locale::{Locale, Text};
use crate::problem::{Code, Problem};
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

/// Only the locale matters to these exports (the ledger's and calendar's options are not part
/// of a rubric); read without the general reader, so a call costs one property lookup.
fn locale_of(options: &JsValue) -> Locale {
    if !options.is_object() {
        return Locale::Zh;
    }
    js_sys::Reflect::get(options, &JsValue::from_str("locale"))
        .ok()
        .and_then(|tag| tag.as_string())
        .map_or(Locale::Zh, |tag| Locale::from_tag(&tag))
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
    let locale = locale_of(options);
    let signed_label = Text::new("签订日期", "the signing date");
    let filed_label = Text::new("备案日期", "the filing date");
    let signed = date_cell(&input::read(signed), "signed", &signed_label);
    let filed = date_cell(&input::read(filed), "filed", &filed_label);
    match (signed, filed) {
        (Ok(signed), Ok(filed)) if filed < signed => throw(
            vec![Problem::new(
                "filed",
                Code::DateOrder,
                Text::new(
                    format!(
                        "备案日期（filed）为 {}，早于签订日期 {}，应不早于签订日期",
                        filed.iso(),
                        signed.iso()
                    ),
                    format!(
                        "the filing date (filed) is {}, before the signing date {}; it cannot be earlier",
                        filed.iso(),
                        signed.iso()
                    ),
                ),
            )],
            locale,
        ),
        // At most 9999 years apart: exact as an f64.
        (Ok(signed), Ok(filed)) => signed.days_until(filed) as f64,
        (signed, filed) => throw(
            signed.err().into_iter().chain(filed.err()).collect(),
            locale,
        ),
    }
}

/// `creditCode`'s answer: whether the code passes GB 32100-2015, and a sentence saying so or
/// why not (the length, the character refused, or the check character expected).
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct CreditCodeCheck {
    pub valid: bool,
    pub message: String,
}

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
    let checked = match &value {
        _ if cell::is_blank(&value) => Err(text::missing("credit_code", &label, &expected).message),
        Value::String(s) => credit::check_code(s).map_err(|fault| {
            let reason = match fault {
                CodeFault::Length(n) => Text::new(
                    format!("有 {n} 个字符，不是 18 个"),
                    format!("{n} characters, not 18"),
                ),
                CodeFault::Character(at, c) => Text::new(
                    format!("第 {at} 个字符「{c}」不能用于信用代码（不含 I、O、Z、S、V）"),
                    format!(
                        "character {at} “{c}” cannot appear in a credit code (no I, O, Z, S, V)"
                    ),
                ),
                CodeFault::Check(expected) => Text::new(
                    format!("校验码不符（按前 17 位应为「{expected}」）"),
                    format!("the check character is wrong (the first 17 call for “{expected}”)"),
                ),
            };
            let code = Code::BadCreditCode;
            text::wrong("credit_code", code, &label, &value, &reason, &expected).message
        }),
        // A number cannot hold 18 characters exactly (nor letters): the cell must be text.
        _ => Err(text::wrong(
            "credit_code",
            Code::BadCreditCode,
            &label,
            &value,
            &Text::new(
                "不是文字（请把单元格设为文本格式后重新输入）",
                "not text (format the cell as text and type it again)",
            ),
            &expected,
        )
        .message),
    };
    let answer = match checked {
        Ok(folded) => CreditCodeCheck {
            valid: true,
            message: Text::new(
                format!("统一社会信用代码「{folded}」校验通过（GB 32100-2015）"),
                format!("the unified social credit code “{folded}” is valid (GB 32100-2015)"),
            )
            .get(locale)
            .to_string(),
        },
        Err(message) => CreditCodeCheck {
            valid: false,
            message: message.get(locale).to_string(),
        },
    };
    to_js(&answer)
}

/// One due month in `missedMonths`' answer.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct MonthOut {
    /// `2023-09`.
    pub month: String,
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"on_time\" | \"late\" | \"not_reported\" | \"rejected\"")
    )]
    pub status: &'static str,
    /// The date the report went through OA (`2023-09-04`), for on-time and late months.
    pub date: Option<String>,
}

/// `missedMonths`' answer: A3's `reports.due` and `reports.missed` with the A3 note.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct MissedMonths {
    /// `2023-2024`.
    pub year: String,
    pub due: u32,
    pub missed: u32,
    /// Every due month of the year, in order.
    pub months: Vec<MonthOut>,
    /// The A3 note: each missed month and why, or that all were on time.
    pub note: String,
}

/// The due months of an assessment year with each report's status (RUBRIC.md §8).
///
/// `months` is either `reports.months` itself (`{"2023-09": "2023-09-04", …}`) or a sheet's
/// columns, `[{month, date, review}]`: the month as typed in the heading row (`2023-09`,
/// `2023年9月`, or a date or serial in the month, as a spreadsheet stores a typed `2023-9`),
/// the date the report went through OA, and the assessors' mark (empty, or 退回 / 不合格 /
/// rejected). A due month in no column is not reported. Throws every problem at once.
#[wasm_bindgen(js_name = missedMonths)]
pub fn missed_months(year: &JsValue, months: &JsValue, options: &JsValue) -> JsValue {
    let locale = locale_of(options);
    let calendar_options = CalendarOptions::default();
    let year = ledger::year_problem(&input::read(year), YearOptions::default());
    let months = input::read(months);
    let (entries, mut problems) = match months {
        Value::Array(columns) => {
            let due = year
                .as_ref()
                .map(|y| calendar::due_months(*y, &calendar_options))
                .ok();
            from_columns(&columns, due.as_deref())
        }
        other => (other, Vec::new()),
    };
    let year = match year {
        Ok(year) => year,
        Err(problem) => {
            problems.insert(0, problem);
            throw(problems, locale)
        }
    };
    let Some(result) = calendar::read_months(&entries, year, &calendar_options) else {
        let expected = Text::new("按月份填写的上报日期", "the report dates by month");
        let label = Text::new("月报上报日期", "the monthly report dates");
        problems.push(text::missing("months", &label, &expected));
        throw(problems, locale)
    };
    problems.extend(result.problems);
    if !problems.is_empty() {
        throw(problems, locale);
    }
    let calendar = result.calendar;
    let answer = MissedMonths {
        year: year.label(),
        due: u32::try_from(calendar.due()).unwrap_or(u32::MAX),
        missed: u32::try_from(calendar.missed()).unwrap_or(u32::MAX),
        months: calendar
            .months
            .iter()
            .map(|(month, status)| {
                let (status, date) = match status {
                    MonthStatus::OnTime(d) => ("on_time", Some(d.iso())),
                    MonthStatus::Late(d) => ("late", Some(d.iso())),
                    MonthStatus::NotReported => ("not_reported", None),
                    MonthStatus::Rejected => ("rejected", None),
                };
                MonthOut {
                    month: month.key(),
                    status,
                    date,
                }
            })
            .collect(),
        note: calendar.note().get(locale).to_string(),
    };
    to_js(&answer)
}

/// The month a heading cell names: a month key as text (`2023-09`, `2023年9月`), else a date
/// in that month (text or serial; a spreadsheet turns a typed `2023-9` into the serial of
/// 2023-09-01). Keys are tried first: `2023.9` is September, not the serial 2023.9.
fn heading_month(value: &Value) -> Option<YearMonth> {
    if let Value::String(s) = value {
        if let Some(month) = calendar::read_key(s) {
            return Some(month);
        }
    }
    let day = ledger::read_date(value).ok()?;
    Some(YearMonth {
        year: day.year(),
        month: day.month(),
    })
}

fn month_zh(month: YearMonth) -> String {
    format!("{}年{}月", month.year, month.month)
}

/// Columns of a sheet's 月报 block → `reports.months`, with every problem of the headings
/// and the assessors' row located by column (`months[2].month`). Dates are left to the
/// calendar, except that an unreadable one is located here by its column. `due` is `None`
/// when the year could not be read (the headings are then checked only for being months).
fn from_columns(columns: &[Value], due: Option<&[YearMonth]>) -> (Value, Vec<Problem>) {
    let mut entries = Map::new();
    let mut problems = Vec::new();
    let mut seen: Vec<(YearMonth, usize)> = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let field = |name: &str| column.get(name).unwrap_or(&Value::Null);
        let (heading, date, review) = (field("month"), field("date"), field("review"));
        if cell::is_blank(heading) && cell::is_blank(date) && cell::is_blank(review) {
            continue; // a spare column of a generous range
        }
        let n = i + 1;
        let path = |name: &str| format!("months[{i}].{name}");
        let label = Text::new(
            format!("第 {n} 列的月份"),
            format!("the month of column {n}"),
        );
        let expected = Text::new(
            "月份，如 2023-09、2023年9月，或该月中的一个日期",
            "a month such as 2023-09 or 2023年9月, or a date in that month",
        );
        if cell::is_blank(heading) {
            problems.push(text::missing(&path("month"), &label, &expected));
            continue;
        }
        let Some(month) = heading_month(heading) else {
            let reason = Text::new("无法识别为月份", "not a month");
            let code = Code::UnknownMonth;
            problems.push(text::wrong(
                &path("month"),
                code,
                &label,
                heading,
                &reason,
                &expected,
            ));
            continue;
        };
        if let Some(due) = due.filter(|due| !due.contains(&month)) {
            let keys: Vec<String> = due.iter().map(|m| m.key()).collect();
            problems.push(Problem::new(
                path("month"),
                Code::UnknownMonth,
                Text::new(
                    format!(
                        "第 {n} 列的月份（{}）是 {}，不是本学年应报的月份，应为以下之一：{}",
                        path("month"),
                        month_zh(month),
                        join(&keys, "、")
                    ),
                    format!(
                        "the month of column {n} ({}) is {}, not a due month of the year; expected one of {}",
                        path("month"),
                        month.key(),
                        join(&keys, ", ")
                    ),
                ),
            ));
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(m, _)| *m == month) {
            problems.push(Problem::new(
                path("month"),
                Code::UnknownMonth,
                Text::new(
                    format!(
                        "第 {n} 列的月份（{}）{} 与第 {} 列相同，每个月只应填写一次",
                        path("month"),
                        month_zh(month),
                        first + 1
                    ),
                    format!(
                        "the month of column {n} ({}) {} repeats column {}; give each month once",
                        path("month"),
                        month.key(),
                        first + 1
                    ),
                ),
            ));
            continue;
        }
        seen.push((month, i));
        if !cell::is_blank(review) && !calendar::is_rejection(review) {
            problems.push(text::wrong(
                &path("review"),
                Code::UnknownChoice,
                &Text::new(
                    format!("{} 月报的考评意见", month_zh(month)),
                    format!("the assessors' mark of {}", month.key()),
                ),
                review,
                &Text::new("不是认可的考评意见", "not a mark the calendar knows"),
                &Text::new(
                    "留空（认可）或 退回、不合格",
                    "empty (accepted) or rejected (退回, 不合格)",
                ),
            ));
            continue;
        }
        if !calendar::is_rejection(review) && !calendar::is_rejection(date) {
            if let Err(DateFault::NotADate) = ledger::read_date(date) {
                problems.push(text::not_a_date(
                    &path("date"),
                    &Text::new(
                        format!("{} 月报的上报日期", month_zh(month)),
                        format!("the report date of {}", month.key()),
                    ),
                    date,
                ));
                continue;
            }
        }
        // The assessors' 退回 overrides the date: the report went through but was refused.
        let entry = if calendar::is_rejection(review) {
            review.clone()
        } else {
            date.clone()
        };
        entries.insert(month.key(), entry);
    }
    (Value::Object(entries), problems)
}
