//! A problem with an input: where it is, a stable code, and what a person should do.

use crate::format::join;
use crate::locale::{Locale, Text};

/// The stable error codes of RUBRIC.md §4, plus `invalid_rubric` for a malformed rubric file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    Missing,
    NotANumber,
    NotAnInteger,
    Negative,
    NotABool,
    UnknownChoice,
    OutOfRange,
    ExceedsTotal,
    ZeroTotal,
    NoMajors,
    DuplicateMajor,
    UnknownMajor,
    InvalidRubric,
    // The ledger's and the calendar's codes (RUBRIC.md §4, §7, §8).
    NotADate,
    DateOrder,
    BadCreditCode,
    DuplicateProject,
    DerivedInput,
    UnknownMonth,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Missing => "missing",
            Code::NotANumber => "not_a_number",
            Code::NotAnInteger => "not_an_integer",
            Code::Negative => "negative",
            Code::NotABool => "not_a_bool",
            Code::UnknownChoice => "unknown_choice",
            Code::OutOfRange => "out_of_range",
            Code::ExceedsTotal => "exceeds_total",
            Code::ZeroTotal => "zero_total",
            Code::NoMajors => "no_majors",
            Code::DuplicateMajor => "duplicate_major",
            Code::UnknownMajor => "unknown_major",
            Code::InvalidRubric => "invalid_rubric",
            Code::NotADate => "not_a_date",
            Code::DateOrder => "date_order",
            Code::BadCreditCode => "bad_credit_code",
            Code::DuplicateProject => "duplicate_project",
            Code::DerivedInput => "derived_input",
            Code::UnknownMonth => "unknown_month",
        }
    }
}

/// One located problem. `path` names the offending input (`majors[2].partners`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub code: Code,
    pub message: Text,
}

impl Problem {
    pub fn new(path: impl Into<String>, code: Code, message: Text) -> Problem {
        Problem {
            path: path.into(),
            code,
            message,
        }
    }

    pub fn message(&self, locale: Locale) -> &str {
        self.message.get(locale)
    }
}

/// Joins several problems into one line, for callers that can only throw one error.
pub fn join_messages(problems: &[Problem], locale: Locale) -> String {
    let separator = match locale {
        Locale::Zh => "；",
        Locale::En => "; ",
    };
    join(
        &problems
            .iter()
            .map(|p| p.message(locale))
            .collect::<Vec<_>>(),
        separator,
    )
}
