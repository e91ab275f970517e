//! Messages of the ledger and the calendar, Chinese first, each naming the input by its path
//! and quoting the value (the style of the facts reader's messages).

use crate::cell;
use crate::locale::Text;
use crate::problem::{Code, Problem};
use serde_json::Value;

/// What a date cell should hold.
pub fn date_expected() -> Text {
    Text::new(
        "日期，如 2023-03-01、2023/3/1、2023.3.1、2023年3月1日 或表格中的日期",
        "a date such as 2023-03-01, 2023/3/1, 2023.3.1, 2023年3月1日 or a spreadsheet date",
    )
}

/// `label` (`path`) is missing; expected …
pub fn missing(path: &str, label: &Text, expected: &Text) -> Problem {
    Problem::new(
        path,
        Code::Missing,
        Text::new(
            format!("{}（{path}）未填写，应填写{}", label.zh, expected.zh),
            format!("{} ({path}) is missing; expected {}", label.en, expected.en),
        ),
    )
}

/// `label` (`path`) is “value”, which is not …; expected …
pub fn wrong(
    path: &str,
    code: Code,
    label: &Text,
    value: &Value,
    reason: &Text,
    expected: &Text,
) -> Problem {
    let shown = cell::show(value);
    Problem::new(
        path,
        code,
        Text::new(
            format!(
                "{}（{path}）填的是「{shown}」，{}，应填写{}",
                label.zh, reason.zh, expected.zh
            ),
            format!(
                "{} ({path}) is “{shown}”, {}; expected {}",
                label.en, reason.en, expected.en
            ),
        ),
    )
}

/// A date that reads as none of the accepted forms.
pub fn not_a_date(path: &str, label: &Text, value: &Value) -> Problem {
    wrong(
        path,
        Code::NotADate,
        label,
        value,
        &Text::new("无法识别为日期", "not a date"),
        &date_expected(),
    )
}

/// `derived_input`: a value given for an input that the ledger or the calendar derives.
pub fn derived_input(path: &str, label: &Text, source: &Text) -> Problem {
    Problem::new(
        path,
        Code::DerivedInput,
        Text::new(
            format!(
                "{}（{path}）已由{}计算，不应再填写；请删去此值",
                label.zh, source.zh
            ),
            format!(
                "{} ({path}) is computed from {}; leave it empty",
                label.en, source.en
            ),
        ),
    )
}
