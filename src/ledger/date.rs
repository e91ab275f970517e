//! Civil dates as people type them in a ledger (RUBRIC.md §7 "Dates").
//!
//! A small date type of our own rather than a date crate: the engine needs only the proleptic
//! Gregorian calendar, day differences and a handful of written forms, and every crate that
//! offers more (time zones, formatting machinery) costs the Wasm module more than this file.

use crate::cell;
use serde_json::Value;

/// Serial day numbers of the 1900 date system stop at 9999-12-31.
pub const SERIAL_MAX: u32 = 2_958_465;

/// A day of the proleptic Gregorian calendar. Field order makes the derived ordering the
/// calendar order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a value is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFault {
    /// `null` or text that is empty once trimmed: no date (yet).
    Missing,
    /// Something given that reads as no accepted date form.
    NotADate,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of a month; 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A real calendar day of the years 1..=9999, or `None` (2023-02-30 is no date).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`: exact for
    /// the proleptic Gregorian calendar, and small (no tables).
    pub fn days(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` after 1970-01-01, or `None` outside the years 1..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        // Hinnant's `civil_from_days`; the range check first keeps every step far from overflow.
        if !(-719_162..=2_932_896).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The date `n` days later (earlier for negative `n`), if still within 1..=9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(n)?)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days() - self.days()
    }

    /// `2023-03-01`, for messages in either language and for paths.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `2023年3月1日`, for Chinese notes.
    pub fn zh(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// A spreadsheet serial day number of the 1900 date system: 1 is 1900-01-01, 60 is the
    /// fictitious 1900-02-29 (kept by Excel for Lotus 1-2-3 compatibility), so from 61 on the
    /// serial counts from 1899-12-30.
    pub fn from_serial(serial: u32) -> Option<Date> {
        // 1970-01-01 is serial 25569; 1899-12-31 is 25568 days before it.
        match serial {
            1..=59 => Date::from_days(i64::from(serial) - 25_568),
            61..=SERIAL_MAX => Date::from_days(i64::from(serial) - 25_569),
            _ => None,
        }
    }
}

/// Reads one date cell: a written form, or a serial day number as a JSON number or digit text.
pub fn read_date(value: &Value) -> Result<Date, DateFault> {
    match value {
        Value::Null => Err(DateFault::Missing),
        Value::Number(n) => match n.as_f64() {
            Some(f) => serial_date(f),
            None => Err(DateFault::NotADate),
        },
        Value::String(s) => {
            let text = cell::normalize(s);
            if text.is_empty() {
                Err(DateFault::Missing)
            } else {
                parse_date_text(&text).ok_or(DateFault::NotADate)
            }
        }
        _ => Err(DateFault::NotADate),
    }
}

/// A serial with an optional fraction (a time of day, ignored).
fn serial_date(f: f64) -> Result<Date, DateFault> {
    if !f.is_finite() || f < 1.0 || f >= f64::from(SERIAL_MAX) + 1.0 {
        return Err(DateFault::NotADate);
    }
    // In range, so the whole part fits a u32 exactly: the cast cannot truncate.
    let whole = f.floor() as u32;
    Date::from_serial(whole).ok_or(DateFault::NotADate)
}

/// Digits only, at least one.
fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A number of at most `max_len` ASCII digits.
fn small_number(s: &str, max_len: usize) -> Option<u32> {
    if !digits(s) || s.len() > max_len {
        return None;
    }
    s.parse().ok()
}

/// Year (exactly four digits), month and day as text, into a real date.
pub(crate) fn ymd(year: &str, month: &str, day: &str) -> Option<Date> {
    if year.len() != 4 {
        return None;
    }
    let year = i32::try_from(small_number(year, 4)?).ok()?;
    let month = u8::try_from(small_number(month, 2)?).ok()?;
    let day = u8::try_from(small_number(day, 2)?).ok()?;
    Date::new(year, month, day)
}

/// A time of day after the date, ignored but required to look like one (`10:30`,
/// `10:30:00.000`, `10:30:00Z`, `10:30:00+08:00`), so that `2023-03-01 foo` is no date.
fn looks_like_time(s: &str) -> bool {
    let s = s.trim();
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && s.contains(':')
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'+' | b'-' | b'Z'))
}

/// Written forms, already folded to ASCII digits and trimmed.
fn parse_date_text(text: &str) -> Option<Date> {
    // A serial as digit text: "45000", "45000.5" (not "45000.", which is no number).
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if digits(whole) && (digits(fraction) || !text.contains('.')) {
        // Longer digit runs (`20230301`) are beyond every serial; parsing them could overflow.
        return Date::from_serial(small_number(whole, 7)?);
    }
    // Split off a time after a space or `T`.
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    if let Some(time) = time {
        if !looks_like_time(time) {
            return None;
        }
    }
    if let Some(rest) = date.strip_suffix('日') {
        let (year, rest) = rest.split_once('年')?;
        let (month, day) = rest.split_once('月')?;
        return ymd(year, month, day);
    }
    let separator = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = date.split(separator);
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("a real date")
    }

    #[test]
    fn days_round_trip_and_known_values() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2000, 3, 1).days(), 11_017);
        assert_eq!(d(1, 1, 1).days(), -719_162);
        assert_eq!(d(9999, 12, 31).days(), 2_932_896);
        for days in [-719_162, -1, 0, 59, 60, 11_016, 19_417, 2_932_896] {
            assert_eq!(Date::from_days(days).map(Date::days), Some(days));
        }
        assert_eq!(Date::from_days(2_932_897), None);
        assert_eq!(d(2024, 2, 28).add_days(1), Some(d(2024, 2, 29)));
        assert_eq!(d(2023, 2, 28).add_days(1), Some(d(2023, 3, 1)));
        assert_eq!(d(2023, 3, 1).days_until(d(2023, 3, 9)), 8);
    }

    #[test]
    fn calendar_validity() {
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(Date::new(2023, 2, 30), None);
        assert!(Date::new(2024, 2, 29).is_some());
        assert_eq!(Date::new(1900, 2, 29), None);
        assert!(Date::new(2000, 2, 29).is_some());
        assert_eq!(Date::new(2023, 13, 1), None);
        assert_eq!(Date::new(2023, 4, 31), None);
        assert_eq!(Date::new(2023, 0, 1), None);
    }

    #[test]
    fn serials_of_the_1900_system() {
        // Serial 1 = 1900-01-01; 59 = 1900-02-28; 60 is the fictitious 1900-02-29;
        // 61 = 1900-03-01; n ≥ 61 is 1899-12-30 + n days.
        assert_eq!(Date::from_serial(1), Some(d(1900, 1, 1)));
        assert_eq!(Date::from_serial(59), Some(d(1900, 2, 28)));
        assert_eq!(Date::from_serial(60), None);
        assert_eq!(Date::from_serial(61), Some(d(1900, 3, 1)));
        assert_eq!(Date::from_serial(25_569), Some(d(1970, 1, 1)));
        assert_eq!(Date::from_serial(45_000), Some(d(2023, 3, 15)));
        assert_eq!(Date::from_serial(SERIAL_MAX), Some(d(9999, 12, 31)));
        assert_eq!(Date::from_serial(0), None);
        assert_eq!(Date::from_serial(SERIAL_MAX + 1), None);
        assert_eq!(read_date(&json!(45000.75)), Ok(d(2023, 3, 15)));
        assert_eq!(read_date(&json!("45000")), Ok(d(2023, 3, 15)));
        assert_eq!(read_date(&json!("４５０００.５")), Ok(d(2023, 3, 15)));
        assert_eq!(read_date(&json!(60)), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!(60.5)), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!(0.5)), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!(-3)), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!(2_958_466)), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!(2_958_465.9)), Ok(d(9999, 12, 31)));
        assert_eq!(read_date(&json!("20230301")), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!("45000.")), Err(DateFault::NotADate));
    }

    #[test]
    fn written_forms() {
        let want = Ok(d(2023, 3, 1));
        for text in [
            "2023-03-01",
            "2023-3-1",
            "2023/3/1",
            "2023/03/01",
            "2023.3.1",
            "2023年3月1日",
            "2023年03月01日",
            " 2023-03-01 ",
            "２０２３－０３－０１",
            "２０２３年３月１日",
            "2023-03-01 10:30",
            "2023-03-01T10:30:00",
            "2023-03-01T10:30:00.000Z",
            "2023/3/1 8:05:00",
            "2023年3月1日 08:00",
        ] {
            assert_eq!(read_date(&json!(text)), want, "{text}");
        }
    }

    #[test]
    fn anything_else_is_not_a_date() {
        for text in [
            "2023-02-30",
            "2023-3",
            "2023年3月",
            "2023年3月1",
            "3/1/2023",
            "23-3-1",
            "2023-03-01 foo",
            "2023-03-01T",
            "2023-03/01",
            "2023-03-01-02",
            "2023--03",
            "明天",
            "20230301",
            "2023-003-01",
        ] {
            assert_eq!(read_date(&json!(text)), Err(DateFault::NotADate), "{text}");
        }
        assert_eq!(read_date(&json!(true)), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!([])), Err(DateFault::NotADate));
        assert_eq!(read_date(&json!("")), Err(DateFault::Missing));
        assert_eq!(read_date(&json!("　")), Err(DateFault::Missing));
        assert_eq!(read_date(&Value::Null), Err(DateFault::Missing));
    }
}
