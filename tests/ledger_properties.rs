//! Property tests of the ledger and the calendar: no input of any shape panics, and dates
//! round-trip through their serials.
#![cfg(not(target_arch = "wasm32"))]

use coop_engine::calendar::{self, CalendarOptions};
use coop_engine::ledger::{self, Date, LedgerOptions, YearOptions};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Leaves people might type in a ledger: dates in every form, serials, words, junk.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-10.0f64..3_000_000.0).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[0-9]{1,5}[-/.年][0-9]{1,3}[-/.月][0-9]{1,3}日?( [0-9:]{0,8})?".prop_map(Value::String),
        "[0-9０-９.]{0,12}".prop_map(Value::String),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "订单班、校内实训基地",
            "rejected",
            "退 回",
            "2023-2024",
            "2023—2024学年",
            "91430100MA4L16JK0C",
            "机电一体化技术",
            "　",
            "",
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ]
}

/// A project row with any values in its fields (and some odd fields).
fn row() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "id",
        "enterprise",
        "credit_code",
        "major",
        "forms",
        "signed",
        "filed",
        "expires",
        "ended",
        "self_checks",
        "x",
    ]);
    let value = leaf().prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[0-9a-z-]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    prop::collection::btree_map(keys, value, 0..11)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

proptest! {
    #[test]
    fn no_ledger_input_panics(rows in prop::collection::vec(row(), 0..8), year in leaf()) {
        let majors = ["机电一体化技术", "工业机器人技术"];
        let projects = Value::Array(rows);
        let result = ledger::run_ledger(&projects, &majors, &year, LedgerOptions::default());
        prop_assert!(result.is_some());
        let result = ledger::run_ledger(&projects, &majors, &json!("2023-2024"), LedgerOptions::default());
        if let Some(r) = result {
            // Derived only without errors, and then one row per major.
            prop_assert!(r.errors.is_empty() == (r.majors.len() == majors.len()));
        }
    }

    #[test]
    fn no_calendar_input_panics(
        months in prop::collection::btree_map("[0-9年月/.-]{0,9}", leaf(), 0..10),
        year in leaf(),
        due_day in 0u8..40,
        first in 0u8..14,
    ) {
        let months = Value::Object(months.into_iter().collect());
        let options = CalendarOptions { due_day, vacation_months: vec![1, 2, 7, 8] };
        let year_options = YearOptions { first_month: first, second_semester_month: 2 };
        let _ = calendar::run_calendar(&months, &year, year_options, &options);
        let r = calendar::run_calendar(&months, &json!("2023-2024"), YearOptions::default(), &CalendarOptions::default());
        prop_assert!(r.is_some_and(|r| r.calendar.due() == 8));
    }

    #[test]
    fn serials_round_trip(serial in 61u32..=2_958_465) {
        let date = Date::from_serial(serial).expect("a serial in range is a date");
        // n ≥ 61 is 1899-12-30 + n days; 1899-12-30 is 25569 days before 1970-01-01.
        prop_assert_eq!(date.days() + 25_569, i64::from(serial));
        let text = json!(format!("{}年{}月{}日", date.year(), date.month(), date.day()));
        prop_assert_eq!(ledger::read_date(&text), Ok(date));
        prop_assert_eq!(ledger::read_date(&json!(date.iso())), Ok(date));
    }
}
