//! Which enterprise a row is, which rows count, and the inputs B1 and C2 take from the
//! ledger (RUBRIC.md §7 "Derived inputs").

use super::credit::fold_name;
use super::project::{Form, Project};
use super::text;
use super::year::{AssessmentYear, Period};
use crate::cell;
use crate::format::join;
use crate::locale::Text;
use crate::problem::Problem;
use serde_json::Value;

/// An enterprise's identity: its credit code, or, without one, its folded name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Enterprise {
    Code(String),
    Name(String),
}

/// The identity of each project, in ledger order. A row without a code takes the code of
/// the first row (in ledger order) with the same folded name that has one.
pub fn identify(projects: &[Project]) -> Vec<Enterprise> {
    let names: Vec<String> = projects.iter().map(|p| fold_name(&p.enterprise)).collect();
    projects
        .iter()
        .zip(&names)
        .map(|(project, name)| {
            let code = project.credit_code.clone().or_else(|| {
                projects
                    .iter()
                    .zip(&names)
                    .find(|(other, other_name)| other.credit_code.is_some() && *other_name == name)
                    .and_then(|(other, _)| other.credit_code.clone())
            });
            match code {
                Some(code) => Enterprise::Code(code),
                None => Enterprise::Name(name.clone()),
            }
        })
        .collect()
}

/// Counts for a period: signed on or before its last day, not expired and not ended before
/// its first day (`expires` and `ended` are the last days on which the project counts).
pub fn counts_in(project: &Project, period: Period) -> bool {
    project.signed <= period.last
        && project.expires.is_none_or(|d| d >= period.first)
        && project.ended.is_none_or(|d| d >= period.first)
}

/// Counts for the assessment year.
pub fn counts_for_year(project: &Project, year: AssessmentYear) -> bool {
    year.period().is_some_and(|p| counts_in(project, p))
}

/// What the ledger says of one major, with the enterprises behind each value (display names:
/// each enterprise under the name of its first counting row), for the notes of B1 and C2.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MajorDerived {
    /// Distinct enterprises among the major's counting projects.
    pub partners: u64,
    pub campus_base: bool,
    pub external_base: bool,
    pub partner_names: Vec<String>,
    pub campus_base_names: Vec<String>,
    pub external_base_names: Vec<String>,
}

impl MajorDerived {
    /// B1's note for one major: its partner count and the enterprises that earned it.
    pub fn partners_note(&self, major: &str) -> Text {
        let n = self.partners;
        if n == 0 {
            return Text::new(
                format!("{major}：合作项目台账中没有本学年计入的合作项目，合作企业 0 家"),
                format!(
                    "{major}: no project of the ledger counts this year, 0 partner enterprises"
                ),
            );
        }
        Text::new(
            format!(
                "{major}：合作企业 {n} 家（{}），据合作项目台账",
                join(&self.partner_names, "、")
            ),
            format!(
                "{major}: {n} partner enterprise{} in the project ledger ({})",
                if n == 1 { "" } else { "s" },
                join(&self.partner_names, ", ")
            ),
        )
    }

    /// C2's note for one major: the enterprises behind each base, or none.
    pub fn bases_note(&self, major: &str) -> Text {
        let list = |names: &[String], separator: &str, none: &str| {
            if names.is_empty() {
                none.to_string()
            } else {
                join(names, separator)
            }
        };
        Text::new(
            format!(
                "{major}：校内实训基地（{}）；校外实训基地（{}）",
                list(&self.campus_base_names, "、", "无"),
                list(&self.external_base_names, "、", "无")
            ),
            format!(
                "{major}: on-campus training base ({}); off-campus training base ({})",
                list(&self.campus_base_names, ", ", "none"),
                list(&self.external_base_names, ", ", "none")
            ),
        )
    }
}

/// One [`MajorDerived`] per major (`major_count` of them, by the index of
/// [`Project::major`]).
pub fn derive_majors(
    projects: &[Project],
    major_count: usize,
    year: AssessmentYear,
) -> Vec<MajorDerived> {
    let identities = identify(projects);
    let mut majors = vec![MajorDerived::default(); major_count];
    // Per major, the identities already named in each list.
    let mut seen: Vec<[Vec<&Enterprise>; 3]> = vec![Default::default(); major_count];
    for (project, who) in projects.iter().zip(&identities) {
        if !counts_for_year(project, year) {
            continue;
        }
        let (Some(derived), Some(seen)) =
            (majors.get_mut(project.major), seen.get_mut(project.major))
        else {
            continue;
        };
        let [partners, campus, external] = seen;
        if !partners.contains(&who) {
            partners.push(who);
            derived.partner_names.push(project.enterprise.clone());
            derived.partners += 1;
        }
        if project.has(Form::CampusBase) && !campus.contains(&who) {
            campus.push(who);
            derived.campus_base_names.push(project.enterprise.clone());
            derived.campus_base = true;
        }
        if project.has(Form::ExternalBase) && !external.contains(&who) {
            external.push(who);
            derived.external_base_names.push(project.enterprise.clone());
            derived.external_base = true;
        }
    }
    majors
}

/// Which of the derived fields a `majors[i]` row gives a value for (`""` and `null` are no
/// value; `false` and `0` are).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GivenFields {
    pub partners: bool,
    pub campus_base: bool,
    pub external_base: bool,
}

impl GivenFields {
    pub fn of_row(row: &Value) -> GivenFields {
        let given = |field: &str| row.get(field).is_some_and(|v| !cell::is_blank(v));
        GivenFields {
            partners: given("partners"),
            campus_base: given("campus_base"),
            external_base: given("external_base"),
        }
    }
}

/// `derived_input` at `majors[i].partners` / `.campus_base` / `.external_base` for each field
/// given although the ledger derives it.
pub fn derived_input_problems(index: usize, given: GivenFields) -> Vec<Problem> {
    let source = Text::new("合作项目台账", "the project ledger");
    [
        (
            given.partners,
            "partners",
            "合作企业数",
            "the number of partner enterprises",
        ),
        (
            given.campus_base,
            "campus_base",
            "校内实训基地",
            "the on-campus training base",
        ),
        (
            given.external_base,
            "external_base",
            "校外实训基地",
            "the off-campus training base",
        ),
    ]
    .into_iter()
    .filter(|(g, ..)| *g)
    .map(|(_, field, zh, en)| {
        let n = index + 1;
        text::derived_input(
            &format!("majors[{index}].{field}"),
            &Text::new(format!("第 {n} 个专业的{zh}"), format!("{en} of major {n}")),
            &source,
        )
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::super::date::Date;
    use super::super::year::YearOptions;
    use super::*;
    use serde_json::json;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("a real date")
    }

    fn project(enterprise: &str, code: Option<&str>, major: usize, signed: Date) -> Project {
        Project {
            index: 0,
            id: None,
            enterprise: enterprise.to_string(),
            credit_code: code.map(str::to_string),
            major,
            forms: vec![Form::Other],
            signed,
            filed: None,
            expires: None,
            ended: None,
            self_checks: [None, None],
        }
    }

    const Y: AssessmentYear = AssessmentYear {
        start: 2023,
        options: YearOptions {
            first_month: 9,
            second_semester_month: 2,
        },
    };

    #[test]
    fn identity_by_code_then_name() {
        let code = "91430100MA4L16JK0C";
        let p = vec![
            project("甲公司", None, 0, d(2023, 1, 1)),
            project("甲公司 ", Some(code), 0, d(2023, 1, 1)),
            project("ＡＢＣ公司", Some(code), 0, d(2023, 1, 1)),
            project("abc公司", None, 0, d(2023, 1, 1)),
            project("乙公司", None, 0, d(2023, 1, 1)),
        ];
        let ids = identify(&p);
        // Row 0 has no code; the first row named 甲公司 with one is row 1.
        assert_eq!(ids[0], Enterprise::Code(code.into()));
        assert_eq!(ids[2], Enterprise::Code(code.into()));
        // Row 3 folds to the name "abc公司" of row 2, which has the code.
        assert_eq!(ids[3], Enterprise::Code(code.into()));
        assert_eq!(ids[4], Enterprise::Name("乙公司".into()));
    }

    #[test]
    fn counting_edges() {
        let year = Y.period().unwrap();
        let mut p = project("甲", None, 0, d(2024, 8, 31));
        assert!(counts_in(&p, year));
        p.signed = d(2024, 9, 1);
        assert!(!counts_in(&p, year));
        p.signed = d(2020, 1, 1);
        p.expires = Some(d(2023, 8, 31));
        assert!(!counts_in(&p, year));
        p.expires = Some(d(2023, 9, 1));
        assert!(counts_in(&p, year));
        p.ended = Some(d(2023, 8, 31));
        assert!(!counts_in(&p, year));
        p.ended = Some(d(2024, 3, 15));
        assert!(counts_for_year(&p, Y));
        p.expires = None;
        assert!(counts_in(&p, Y.semester(2).unwrap()));
        p.ended = Some(d(2024, 1, 31));
        assert!(counts_in(&p, Y.semester(1).unwrap()));
        assert!(!counts_in(&p, Y.semester(2).unwrap()));
    }

    #[test]
    fn partners_and_bases_per_major() {
        let mut a = project("甲", None, 0, d(2023, 3, 1));
        a.forms = vec![Form::CampusBase];
        let b = project("甲", None, 0, d(2023, 10, 1));
        let mut c = project("乙", None, 0, d(2024, 9, 1)); // signed after the year: not counted
        c.forms = vec![Form::ExternalBase];
        let mut e = project("甲", None, 1, d(2023, 3, 1));
        e.forms = vec![Form::ExternalBase];
        let m = derive_majors(&[a, b, c, e], 3, Y);
        assert_eq!(m[0].partners, 1);
        assert_eq!(m[0].partner_names, vec!["甲".to_string()]);
        assert!(m[0].campus_base && !m[0].external_base);
        assert_eq!(m[1].partners, 1);
        assert!(m[1].external_base);
        assert_eq!(m[2], MajorDerived::default());
        assert_eq!(
            m[0].partners_note("机电").zh,
            "机电：合作企业 1 家（甲），据合作项目台账"
        );
        assert_eq!(
            m[0].partners_note("机电").en,
            "机电: 1 partner enterprise in the project ledger (甲)"
        );
        assert_eq!(
            m[0].bases_note("机电").zh,
            "机电：校内实训基地（甲）；校外实训基地（无）"
        );
        assert_eq!(
            m[2].partners_note("电气").zh,
            "电气：合作项目台账中没有本学年计入的合作项目，合作企业 0 家"
        );
    }

    #[test]
    fn derived_input_only_for_values_given() {
        let row = json!({"name": "x", "partners": "", "campus_base": false, "external_base": null});
        let given = GivenFields::of_row(&row);
        assert_eq!(
            given,
            GivenFields {
                partners: false,
                campus_base: true,
                external_base: false
            }
        );
        let problems = derived_input_problems(2, given);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "majors[2].campus_base");
        assert_eq!(problems[0].code.as_str(), "derived_input");
        assert!(problems[0].message.zh.contains("已由合作项目台账计算"));
    }
}
