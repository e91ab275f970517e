//! The assessment year (`2023-2024`) and its two semesters (RUBRIC.md §7).

use super::date::{days_in_month, Date};
use crate::cell;
use serde_json::Value;

/// [option] Where the year and its second semester start: first month 9, second semester's
/// first month 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearOptions {
    pub first_month: u8,
    pub second_semester_month: u8,
}

impl Default for YearOptions {
    fn default() -> YearOptions {
        YearOptions {
            first_month: 9,
            second_semester_month: 2,
        }
    }
}

impl YearOptions {
    /// Both months in 1..=12 and different (the second semester cannot start the year).
    pub fn is_valid(self) -> bool {
        (1..=12).contains(&self.first_month)
            && (1..=12).contains(&self.second_semester_month)
            && self.first_month != self.second_semester_month
    }
}

/// A closed range of days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub first: Date,
    pub last: Date,
}

impl Period {
    pub fn contains(self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }
}

/// An assessment year, named by the calendar year it starts in (`2023-2024` → 2023).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssessmentYear {
    pub start: i32,
    pub options: YearOptions,
}

/// Why `year` could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearFault {
    Missing,
    NotAYear,
}

/// Dashes people type between the two years: ASCII (also from full-width －), en and em
/// dashes, the horizontal bar, and a tilde.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '~' | '～')
}

/// Reads `2023-2024`, `2023—2024`, `2023-2024学年` (also `学年度`, `年度`); the years must be
/// consecutive.
pub fn read_year(value: &Value, options: YearOptions) -> Result<AssessmentYear, YearFault> {
    let text = match value {
        Value::Null => return Err(YearFault::Missing),
        Value::String(s) => cell::normalize(s),
        _ => return Err(YearFault::NotAYear),
    };
    if text.is_empty() {
        return Err(YearFault::Missing);
    }
    let text = ["学年度", "学年", "年度"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(&text)
        .trim_end();
    let (first, second) = text.split_once(is_dash).ok_or(YearFault::NotAYear)?;
    // Two dashes in a row (`2023——2024`) are one dash as typed with a Chinese IME.
    let second = second.trim_start_matches(is_dash);
    let year = |s: &str| -> Option<i32> {
        let s = s.trim();
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    match (year(first), year(second)) {
        (Some(a), Some(b)) if b.checked_sub(a) == Some(1) && a < 9999 => {
            Ok(AssessmentYear { start: a, options })
        }
        _ => Err(YearFault::NotAYear),
    }
}

impl AssessmentYear {
    pub fn new(start: i32, options: YearOptions) -> AssessmentYear {
        AssessmentYear { start, options }
    }

    /// The first day of `month` in the year it falls in within this assessment year.
    fn month_start(self, month: u8) -> Option<Date> {
        let year = if month >= self.options.first_month {
            self.start
        } else {
            self.start.checked_add(1)?
        };
        Date::new(year, month, 1)
    }

    /// 09-01 of the first year to 08-31 of the second (with the default options).
    pub fn period(self) -> Option<Period> {
        let first = self.month_start(self.options.first_month)?;
        let next = Date::new(self.start.checked_add(1)?, self.options.first_month, 1)?;
        Some(Period {
            first,
            last: next.add_days(-1)?,
        })
    }

    /// 第一学期 (`1`: 09-01 … 01-31) or 第二学期 (`2`: 02-01 … 08-31); `None` for others.
    pub fn semester(self, which: u8) -> Option<Period> {
        let year = self.period()?;
        let second_first = self.month_start(self.options.second_semester_month)?;
        match which {
            1 => Some(Period {
                first: year.first,
                last: second_first.add_days(-1)?,
            }),
            2 => Some(Period {
                first: second_first,
                last: year.last,
            }),
            _ => None,
        }
    }

    /// The twelve (year, month) pairs of the year in order, from the first month.
    pub fn months(self) -> Vec<(i32, u8)> {
        // Written without subtraction so that even an invalid option (month 0) cannot panic.
        let first = self.options.first_month;
        (0..12u8)
            .map(|k| {
                let m = (first % 12 + 11 + k) % 12 + 1;
                let y = if m >= first {
                    self.start
                } else {
                    self.start.saturating_add(1)
                };
                (y, m)
            })
            .collect()
    }

    /// `2023-2024`, as a message names the year.
    pub fn label(self) -> String {
        format!("{}-{}", self.start, self.start.saturating_add(1))
    }
}

/// The last day of a month, e.g. for a due day beyond a short month.
pub fn clamp_day(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::new(year, month, day.min(days_in_month(year, month)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("a real date")
    }

    fn year(text: &str) -> Result<i32, YearFault> {
        read_year(&json!(text), YearOptions::default()).map(|y| y.start)
    }

    #[test]
    fn year_forms() {
        for text in [
            "2023-2024",
            "2023—2024",
            "2023——2024",
            "2023–2024",
            "2023-2024学年",
            "2023-2024 学年",
            "２０２３－２０２４",
            " 2023 - 2024 ",
            "2023~2024",
        ] {
            assert_eq!(year(text), Ok(2023), "{text}");
        }
        for text in [
            "2023-2025",
            "2024-2023",
            "2023",
            "23-24",
            "2023/2024",
            "2023-2024年",
        ] {
            assert_eq!(year(text), Err(YearFault::NotAYear), "{text}");
        }
        assert_eq!(year(""), Err(YearFault::Missing));
        assert_eq!(
            read_year(&Value::Null, YearOptions::default()),
            Err(YearFault::Missing)
        );
        assert_eq!(
            read_year(&json!(2023), YearOptions::default()),
            Err(YearFault::NotAYear)
        );
    }

    #[test]
    fn periods_of_2023_2024() {
        let y = AssessmentYear::new(2023, YearOptions::default());
        assert_eq!(
            y.period(),
            Some(Period {
                first: d(2023, 9, 1),
                last: d(2024, 8, 31)
            })
        );
        assert_eq!(
            y.semester(1),
            Some(Period {
                first: d(2023, 9, 1),
                last: d(2024, 1, 31)
            })
        );
        assert_eq!(
            y.semester(2),
            Some(Period {
                first: d(2024, 2, 1),
                last: d(2024, 8, 31)
            })
        );
        assert_eq!(y.semester(3), None);
        assert_eq!(y.months().first(), Some(&(2023, 9)));
        assert_eq!(y.months().last(), Some(&(2024, 8)));
    }

    #[test]
    fn other_options() {
        // A year from March with the second semester from September: 2023-03-01 … 2024-02-29
        // (2024 is a leap year), semesters 03-01 … 08-31 and 09-01 … 02-29.
        let options = YearOptions {
            first_month: 3,
            second_semester_month: 9,
        };
        let y = AssessmentYear::new(2023, options);
        assert_eq!(y.period().map(|p| p.last), Some(d(2024, 2, 29)));
        assert_eq!(y.semester(1).map(|p| p.last), Some(d(2023, 8, 31)));
        assert_eq!(y.semester(2).map(|p| p.first), Some(d(2023, 9, 1)));
        assert!(!YearOptions {
            first_month: 9,
            second_semester_month: 9
        }
        .is_valid());
        assert_eq!(clamp_day(2023, 2, 30), Some(d(2023, 2, 28)));
    }
}
