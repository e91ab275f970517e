//! The project ledger (合作项目台账, RUBRIC.md §7): where B1's partners and C2's bases come
//! from, and the compliance warnings of 第九条–第十三条.
//!
//! Self-contained: it takes raw cell values (`serde_json::Value`, as facts arrive) and the
//! department's major names, and returns typed results with located problems. It knows
//! nothing of the facts reader or of scoring.

pub mod compliance;
pub mod count;
pub mod credit;
pub mod date;
pub mod forms;
pub mod project;
pub mod text;
pub mod year;

pub use compliance::{compliance, ComplianceOptions, Warning, WarningCode};
pub use count::{
    counts_for_year, counts_in, derive_majors, derived_input_problems, identify, Enterprise,
    GivenFields, MajorDerived,
};
pub use credit::{check_code, fold_code, fold_name, CodeFault};
pub use date::{read_date, Date, DateFault};
pub use project::{read_projects, Form, Ledger, Project};
pub use year::{read_year, AssessmentYear, Period, YearFault, YearOptions};

use crate::locale::Text;
use crate::problem::Problem;
use serde_json::Value;

/// The problem with `year` when a ledger or a calendar needs it: `missing`, or `not_a_date`.
pub fn year_problem(value: &Value, options: YearOptions) -> Result<AssessmentYear, Problem> {
    let label = Text::new("考核学年", "the assessment year");
    let expected = Text::new(
        "相连的两个年份，如 2023-2024",
        "two consecutive years such as 2023-2024",
    );
    match read_year(value, options) {
        Ok(year) => Ok(year),
        Err(YearFault::Missing) => Err(text::missing("year", &label, &expected)),
        Err(YearFault::NotAYear) => Err(text::wrong(
            "year",
            crate::problem::Code::NotADate,
            &label,
            value,
            &Text::new("无法识别为学年", "not an assessment year"),
            &expected,
        )),
    }
}

/// [option] Every parameter of the ledger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LedgerOptions {
    pub year: YearOptions,
    pub compliance: ComplianceOptions,
}

/// Everything the ledger yields for one department.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerResult {
    /// The rows that read without error.
    pub projects: Vec<Project>,
    /// One per major, in the order of the names given.
    pub majors: Vec<MajorDerived>,
    pub warnings: Vec<Warning>,
    /// Every error, `year` included; nothing may be scored while there is one.
    pub errors: Vec<Problem>,
}

/// Reads the ledger of one department: `projects` and `year` as raw values (`null` when
/// absent), `majors` the major names in order. `None` when there is no ledger. With any
/// error, `majors` and `warnings` are empty (nothing is derived from a ledger with errors).
pub fn run_ledger(
    projects: &Value,
    majors: &[&str],
    year: &Value,
    options: LedgerOptions,
) -> Option<LedgerResult> {
    let ledger = read_projects(projects, majors)?;
    let mut result = LedgerResult {
        projects: ledger.projects,
        errors: ledger.problems,
        ..LedgerResult::default()
    };
    let year = match year_problem(year, options.year) {
        Ok(year) => Some(year),
        Err(problem) => {
            result.errors.insert(0, problem);
            None
        }
    };
    if let (Some(year), true) = (year, result.errors.is_empty()) {
        result.majors = derive_majors(&result.projects, majors.len(), year);
        result.warnings = compliance(&result.projects, year, options.compliance);
    }
    Some(result)
}
