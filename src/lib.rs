//! The scoring engine of the school–enterprise cooperation assessment (校企合作考核).
//!
//! Facts of one department (RUBRIC.md §3) go in as JSON, exactly as people typed them in
//! cells; out come every line's base, deduction, bonus and score with a note saying why, or
//! every problem with the facts at once, each located by its path. The rubric is data
//! (`rubrics/*.json`, the 2023 trial built in). All arithmetic is exact decimal arithmetic.
//!
//! The core knows nothing of WebAssembly or spreadsheets; `wasm` is a thin layer on top.
#![forbid(unsafe_code)]

pub mod calendar;
pub mod cell;
pub mod department;
pub mod facts;
pub mod format;
pub mod ledger;
pub mod locale;
pub mod platform;
pub mod problem;
pub mod report;
pub mod rubric;
pub mod rules;
pub mod weighting;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use department::{
    assess_department, check_facts, score_department, score_department_in, score_line,
    score_line_in, validate_facts, CategoryScore, DepartmentScore, Rejected,
};
pub use locale::{Locale, Text};
pub use platform::{platform_targets, platform_targets_in, PlatformTargets};
pub use problem::{Code, Problem};
pub use rubric::{builtin, Rubric};
pub use rules::LineScore;
pub use weighting::{rank_departments, weighted_score, RankedRow};
