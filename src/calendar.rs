//! The report calendar (RUBRIC.md §8): A3's `reports.due` and `reports.missed` from the date
//! each monthly report went through OA.

use crate::cell;
use crate::format::join;
use crate::ledger::date::{read_date, Date, DateFault};
use crate::ledger::text;
use crate::ledger::year::{clamp_day, AssessmentYear};
use crate::ledger::{year_problem, YearOptions};
use crate::locale::Text;
use crate::problem::{Code, Problem};
use serde_json::Value;

/// [option] Reports are due on or before `due_day` of every month of the year except the
/// vacation months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarOptions {
    pub due_day: u8,
    pub vacation_months: Vec<u8>,
}

impl Default for CalendarOptions {
    fn default() -> CalendarOptions {
        CalendarOptions {
            due_day: 5,
            vacation_months: vec![1, 2, 7, 8],
        }
    }
}

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    /// `2023-09`, the key form.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    fn zh(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }

    fn en(self) -> String {
        format!("{} {}", month_en(self.month), self.year)
    }
}

fn month_en(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The due months of the year, in order: 8 for 2023-2024 with the default options.
pub fn due_months(year: AssessmentYear, options: &CalendarOptions) -> Vec<YearMonth> {
    year.months()
        .into_iter()
        .filter(|(_, m)| !options.vacation_months.contains(m))
        .map(|(year, month)| YearMonth { year, month })
        .collect()
}

/// What became of one due month's report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthStatus {
    /// Through OA on or before the due day (a date before the month included).
    OnTime(Date),
    /// Through OA after the due day.
    Late(Date),
    /// No date: not reported.
    NotReported,
    /// Rejected by the assessors as incomplete (`rejected`, 退回, 不合格).
    Rejected,
}

impl MonthStatus {
    pub fn missed(self) -> bool {
        !matches!(self, MonthStatus::OnTime(_))
    }
}

/// Every due month with its status, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    pub months: Vec<(YearMonth, MonthStatus)>,
}

impl Calendar {
    /// `reports.due`.
    pub fn due(&self) -> u64 {
        self.months.len() as u64
    }

    /// `reports.missed`.
    pub fn missed(&self) -> u64 {
        self.months.iter().filter(|(_, s)| s.missed()).count() as u64
    }

    /// The A3 note: each missed month and why, in month order
    /// ("2023年11月 逾期（11月7日）；2024年4月 未上报；2024年3月 退回").
    pub fn note(&self) -> Text {
        let missed: Vec<&(YearMonth, MonthStatus)> =
            self.months.iter().filter(|(_, s)| s.missed()).collect();
        if missed.is_empty() {
            return Text::new(
                format!("应报 {} 个月，均按时上报", self.due()),
                format!("all {} monthly reports due were on time", self.due()),
            );
        }
        let zh: Vec<String> = missed
            .iter()
            .map(|(month, status)| match status {
                MonthStatus::Late(d) if d.year() == month.year => {
                    format!("{} 逾期（{}月{}日）", month.zh(), d.month(), d.day())
                }
                MonthStatus::Late(d) => format!("{} 逾期（{}）", month.zh(), d.zh()),
                MonthStatus::Rejected => format!("{} 退回", month.zh()),
                _ => format!("{} 未上报", month.zh()),
            })
            .collect();
        let en: Vec<String> = missed
            .iter()
            .map(|(month, status)| match status {
                MonthStatus::Late(d) if d.year() == month.year => {
                    format!("{} late ({} {})", month.en(), d.day(), month_en(d.month()))
                }
                MonthStatus::Late(d) => format!(
                    "{} late ({} {} {})",
                    month.en(),
                    d.day(),
                    month_en(d.month()),
                    d.year()
                ),
                MonthStatus::Rejected => format!("{} rejected", month.en()),
                _ => format!("{} not reported", month.en()),
            })
            .collect();
        Text::new(join(&zh, "；"), join(&en, "; "))
    }
}

/// A month key: `2023-09`, `2023-9`, `2023/9`, `2023.9`, `2023年9月`.
pub fn read_key(key: &str) -> Option<YearMonth> {
    let text = cell::normalize(key);
    let (year, month) = match text.strip_suffix('月') {
        Some(rest) => rest.split_once('年')?,
        None => text.split_once(['-', '/', '.'])?,
    };
    let number = |s: &str, len: usize| -> Option<u32> {
        let s = s.trim();
        (!s.is_empty() && s.len() <= len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if year.trim().len() != 4 {
        return None;
    }
    let year = i32::try_from(number(year, 4)?).ok()?;
    let month = u8::try_from(number(month, 2)?).ok()?;
    (1..=12)
        .contains(&month)
        .then_some(YearMonth { year, month })
}

/// `rejected`, 退回, 不合格, ignoring case and spaces (U+3000 and no-break spaces are folded
/// to ASCII spaces first, so ASCII tests suffice and keep Unicode tables out of the module).
pub fn is_rejection(value: &Value) -> bool {
    let Value::String(s) = value else {
        return false;
    };
    let word: String = cell::normalize(s)
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(word.as_str(), "rejected" | "退回" | "不合格")
}

/// The calendar read from `reports.months`, and every problem with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarResult {
    /// Complete (every due month) only when `problems` is empty.
    pub calendar: Calendar,
    pub problems: Vec<Problem>,
}

/// Reads `reports.months` (`null` when absent: no calendar) for an assessment year.
pub fn read_months(
    value: &Value,
    year: AssessmentYear,
    options: &CalendarOptions,
) -> Option<CalendarResult> {
    let entries = match value {
        Value::Null => return None,
        Value::Object(entries) => entries,
        other => {
            return Some(CalendarResult {
                calendar: Calendar::default(),
                problems: vec![text::wrong(
                    "reports.months",
                    Code::NotADate,
                    &Text::new("月报上报日期", "the monthly report dates"),
                    other,
                    &Text::new("不是按月份填写的日期", "not dates by month"),
                    &Text::new(
                        "按月份填写的上报日期，如 {\"2023-09\": \"2023-09-04\"}",
                        "dates by month, e.g. {\"2023-09\": \"2023-09-04\"}",
                    ),
                )],
            })
        }
    };
    let due = due_months(year, options);
    let mut statuses: Vec<(YearMonth, MonthStatus)> =
        due.iter().map(|&m| (m, MonthStatus::NotReported)).collect();
    // The key that set each due month, to find a month given twice (`2023-9`, `2023-09`).
    let mut set_by: Vec<Option<&str>> = vec![None; due.len()];
    let mut problems = Vec::new();
    let keys: Vec<String> = due.iter().map(|m| m.key()).collect();
    let (listed, listed_en) = (join(&keys, "、"), join(&keys, ", "));
    for (key, date) in entries {
        let path = format!("reports.months.{key}");
        let slot = read_key(key).and_then(|m| due.iter().position(|d| *d == m));
        let Some(slot) = slot else {
            problems.push(Problem::new(
                path.as_str(),
                Code::UnknownMonth,
                Text::new(
                    format!(
                        "月报（{path}）的月份「{key}」不是 {} 学年应报的月份，应为以下之一：{listed}",
                        year.label()
                    ),
                    format!(
                        "the monthly report month “{key}” ({path}) is not a due month of {}; expected one of {listed_en}",
                        year.label()
                    ),
                ),
            ));
            continue;
        };
        if let Some(first) = set_by.get(slot).copied().flatten() {
            problems.push(Problem::new(
                path.as_str(),
                Code::UnknownMonth,
                Text::new(
                    format!("月报（{path}）的月份「{key}」与「{first}」是同一个月，每个月只应填写一次"),
                    format!("the monthly report month “{key}” ({path}) repeats “{first}”; give each month once"),
                ),
            ));
            continue;
        }
        if let Some(s) = set_by.get_mut(slot) {
            *s = Some(key.as_str());
        }
        let Some((month, status)) = statuses.get_mut(slot) else {
            continue;
        };
        if is_rejection(date) {
            *status = MonthStatus::Rejected;
            continue;
        }
        match read_date(date) {
            Ok(day) => {
                let deadline = clamp_day(month.year, month.month, options.due_day);
                *status = if deadline.is_some_and(|deadline| day <= deadline) {
                    MonthStatus::OnTime(day)
                } else {
                    MonthStatus::Late(day)
                };
            }
            Err(DateFault::Missing) => *status = MonthStatus::NotReported,
            Err(DateFault::NotADate) => problems.push(text::not_a_date(
                &path,
                &Text::new(
                    format!("{} 月报的上报日期", month.zh()),
                    format!("the report date of {}", month.en()),
                ),
                date,
            )),
        }
    }
    Some(CalendarResult {
        calendar: Calendar { months: statuses },
        problems,
    })
}

/// `derived_input` at `reports.missed` and `reports.due` when `reports` gives them although
/// `reports.months` is given (`""` and `null` are no value).
pub fn derived_input_problems(reports: &Value) -> Vec<Problem> {
    let source = Text::new(
        "月报上报日历（reports.months）",
        "the report calendar (reports.months)",
    );
    [
        (
            "missed",
            "未按要求上报的月报数",
            "the number of missed reports",
        ),
        ("due", "应报月报数", "the number of reports due"),
    ]
    .into_iter()
    .filter(|(field, ..)| reports.get(field).is_some_and(|v| !cell::is_blank(v)))
    .map(|(field, zh, en)| {
        text::derived_input(&format!("reports.{field}"), &Text::new(zh, en), &source)
    })
    .collect()
}

/// Reads the calendar of one department: `months` is `reports.months` and `year` the raw
/// `year` (`null` when absent). `None` when there is no calendar. Problems include `year`'s.
pub fn run_calendar(
    months: &Value,
    year: &Value,
    year_options: YearOptions,
    options: &CalendarOptions,
) -> Option<CalendarResult> {
    if months.is_null() {
        return None;
    }
    match year_problem(year, year_options) {
        Ok(year) => read_months(months, year, options),
        Err(problem) => Some(CalendarResult {
            calendar: Calendar::default(),
            problems: vec![problem],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn y2023() -> AssessmentYear {
        AssessmentYear::new(2023, YearOptions::default())
    }

    fn read(months: Value) -> CalendarResult {
        read_months(&months, y2023(), &CalendarOptions::default()).expect("a calendar")
    }

    #[test]
    fn eight_due_months_in_2023_2024() {
        let keys: Vec<String> = due_months(y2023(), &CalendarOptions::default())
            .into_iter()
            .map(YearMonth::key)
            .collect();
        assert_eq!(
            keys,
            [
                "2023-09", "2023-10", "2023-11", "2023-12", "2024-03", "2024-04", "2024-05",
                "2024-06"
            ]
        );
    }

    #[test]
    fn the_rubric_note() {
        let r = read(json!({
            "2023-9": "2023-09-04", "2023-10": "2023-10-05", "2023-11": "2023-11-07",
            "2023-12": "2023-11-30", "2024-03": " Rejected ", "2024-04": "",
            "2024-05": 45413, "2024-06": "2024年6月5日 17:30"
        }));
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.calendar.due(), 8);
        // 45413 = 2024-05-01 (45292 = 2024-01-01, + 121 days: Jan 31, Feb 29, Mar 31, Apr 30).
        assert_eq!(r.calendar.missed(), 3);
        assert_eq!(
            r.calendar.note().zh,
            "2023年11月 逾期（11月7日）；2024年3月 退回；2024年4月 未上报"
        );
        assert_eq!(
            r.calendar.note().en,
            "Nov 2023 late (7 Nov); Mar 2024 rejected; Apr 2024 not reported"
        );
    }

    #[test]
    fn empty_object_misses_everything_and_keys_are_checked() {
        let r = read(json!({}));
        assert_eq!((r.calendar.due(), r.calendar.missed()), (8, 8));
        let r = read(
            json!({"2024-01": "2024-01-03", "2023-13": "", "2023-09": "soon",
                            "2023-9": "2023-09-01", "2023-10": "2023-11-02"}),
        );
        let got: Vec<(String, &str)> = r
            .problems
            .iter()
            .map(|p| (p.path.clone(), p.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("reports.months.2023-09".to_string(), "not_a_date"),
                ("reports.months.2023-13".to_string(), "unknown_month"),
                ("reports.months.2023-9".to_string(), "unknown_month"),
                ("reports.months.2024-01".to_string(), "unknown_month"),
            ]
        );
        assert!(r.calendar.note().zh.contains("2023年10月 逾期（11月2日）"));
    }

    #[test]
    fn derived_inputs_and_year() {
        let p = derived_input_problems(&json!({"missed": 1, "due": ""}));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "reports.missed");
        let r = run_calendar(
            &json!({}),
            &json!("2023"),
            YearOptions::default(),
            &CalendarOptions::default(),
        )
        .expect("a calendar");
        assert_eq!(r.problems[0].path, "year");
        assert_eq!(r.problems[0].code.as_str(), "not_a_date");
        assert_eq!(
            run_calendar(
                &Value::Null,
                &json!("2023-2024"),
                YearOptions::default(),
                &CalendarOptions::default()
            ),
            None
        );
    }
}
