//! The compliance table of RUBRIC.md §7: warnings, never errors, never a change of score.

use super::count::{counts_for_year, counts_in, identify};
use super::project::Project;
use super::year::AssessmentYear;
use crate::locale::{Locale, Text};

/// The warning codes of §7.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningCode {
    FilingLate,
    NotFiled,
    SelfCheckMissing,
    Expired,
    Ended,
}

impl WarningCode {
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::FilingLate => "filing_late",
            WarningCode::NotFiled => "not_filed",
            WarningCode::SelfCheckMissing => "self_check_missing",
            WarningCode::Expired => "expired",
            WarningCode::Ended => "ended",
        }
    }
}

/// One warning: `{path, code, message}` like a problem, but it never makes `ok` false.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub code: WarningCode,
    pub message: Text,
}

impl Warning {
    pub fn message(&self, locale: Locale) -> &str {
        self.message.get(locale)
    }
}

/// [option] Days allowed for 备案 after signing (第九条: within one week, default 7), and the
/// days after expiry within which a new agreement is a renewal (第十三条; RUBRIC.md writes 30
/// and does not mark it an option, so the default must stay 30).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComplianceOptions {
    pub filing_days: i64,
    pub renewal_days: i64,
}

impl Default for ComplianceOptions {
    fn default() -> ComplianceOptions {
        ComplianceOptions {
            filing_days: 7,
            renewal_days: 30,
        }
    }
}

fn project_name(p: &Project) -> Text {
    let n = p.index + 1;
    Text::new(
        format!("第 {n} 个合作项目（{}）", p.enterprise),
        format!("project {n} ({})", p.enterprise),
    )
}

/// Every warning for the projects counting for the year, by project then by column.
pub fn compliance(
    projects: &[Project],
    year: AssessmentYear,
    options: ComplianceOptions,
) -> Vec<Warning> {
    let Some(period) = year.period() else {
        return Vec::new();
    };
    let identities = identify(projects);
    let mut warnings = Vec::new();
    for (i, p) in projects.iter().enumerate() {
        if !counts_for_year(p, year) {
            continue;
        }
        let name = project_name(p);
        let path = |field: &str| format!("projects[{}].{field}", p.index);
        let mut warn = |field: &str, code: WarningCode, zh: String, en: String| {
            warnings.push(Warning {
                path: path(field),
                code,
                message: Text::new(zh, en),
            });
        };
        let limit = options.filing_days;
        match p.filed {
            Some(filed) => {
                let days = p.signed.days_until(filed);
                if days > limit {
                    warn(
                        "filed",
                        WarningCode::FilingLate,
                        format!(
                            "{}于 {} 签订、{} 备案，相隔 {days} 天，超过 {limit} 天的备案期限（{}）",
                            name.zh,
                            p.signed.iso(),
                            filed.iso(),
                            path("filed")
                        ),
                        format!(
                            "{} was signed on {} and filed on {}, {days} days later, beyond the {limit} days allowed ({})",
                            name.en,
                            p.signed.iso(),
                            filed.iso(),
                            path("filed")
                        ),
                    );
                }
            }
            None => {
                let days = p.signed.days_until(period.last);
                if days > limit {
                    warn(
                        "filed",
                        WarningCode::NotFiled,
                        format!(
                            "{}于 {} 签订，至学年末（{}）已 {days} 天仍未备案，应在签订后 {limit} 天内备案（{}）",
                            name.zh,
                            p.signed.iso(),
                            period.last.iso(),
                            path("filed")
                        ),
                        format!(
                            "{} was signed on {} and is not filed {days} days later at the year's end ({}); it should be filed within {limit} days ({})",
                            name.en,
                            p.signed.iso(),
                            period.last.iso(),
                            path("filed")
                        ),
                    );
                }
            }
        }
        for (slot, key, zh, en) in [
            (0usize, "1", "第一学期", "the first semester"),
            (1, "2", "第二学期", "the second semester"),
        ] {
            let Some(semester) = u8::try_from(slot + 1).ok().and_then(|s| year.semester(s)) else {
                continue;
            };
            if counts_in(p, semester) && p.self_checks.get(slot).copied().flatten().is_none() {
                let field = format!("self_checks.{key}");
                warn(
                    &field,
                    WarningCode::SelfCheckMissing,
                    format!(
                        "{}在{zh}（{} 至 {}）计入考核，但没有该学期自查报告的日期（{}）",
                        name.zh,
                        semester.first.iso(),
                        semester.last.iso(),
                        path(&field)
                    ),
                    format!(
                        "{} counted in {en} ({} to {}) but has no self-check date for it ({})",
                        name.en,
                        semester.first.iso(),
                        semester.last.iso(),
                        path(&field)
                    ),
                );
            }
        }
        if let Some(expires) = p.expires.filter(|d| period.contains(*d)) {
            let window = expires.add_days(options.renewal_days).unwrap_or(expires);
            let renewed = projects
                .iter()
                .zip(&identities)
                .enumerate()
                .any(|(j, (q, who))| {
                    j != i
                        && q.major == p.major
                        && identities.get(i) == Some(who)
                        && q.signed > p.signed
                        && q.signed <= window
                });
            if !renewed {
                let days = options.renewal_days;
                warn(
                    "expires",
                    WarningCode::Expired,
                    format!(
                        "{}的协议于 {} 到期，到期后 {days} 天内（至 {}）没有与同一企业、同一专业续签的项目（{}）",
                        name.zh,
                        expires.iso(),
                        window.iso(),
                        path("expires")
                    ),
                    format!(
                        "the agreement of {} expired on {} and no project with the same enterprise and major was signed within {days} days after (by {}) ({})",
                        name.en,
                        expires.iso(),
                        window.iso(),
                        path("expires")
                    ),
                );
            }
        }
        if let Some(ended) = p.ended.filter(|d| period.contains(*d)) {
            let from = ended.add_days(1).unwrap_or(ended);
            warn(
                "ended",
                WarningCode::Ended,
                format!(
                    "{}于 {} 终止：本学年仍计入，自 {} 起不再计入（{}）",
                    name.zh,
                    ended.iso(),
                    from.iso(),
                    path("ended")
                ),
                format!(
                    "{} ended on {}: it counts for this year, and no longer from {} ({})",
                    name.en,
                    ended.iso(),
                    from.iso(),
                    path("ended")
                ),
            );
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::super::date::Date;
    use super::super::project::Form;
    use super::super::year::YearOptions;
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("a real date")
    }

    const Y: AssessmentYear = AssessmentYear {
        start: 2023,
        options: YearOptions {
            first_month: 9,
            second_semester_month: 2,
        },
    };

    fn project(index: usize, signed: Date) -> Project {
        Project {
            index,
            id: None,
            enterprise: "甲".into(),
            credit_code: None,
            major: 0,
            forms: vec![Form::Other],
            signed,
            filed: signed.add_days(7),
            expires: None,
            ended: None,
            self_checks: [Some(d(2024, 1, 10)), Some(d(2024, 7, 10))],
        }
    }

    fn codes(w: &[Warning]) -> Vec<(String, &'static str)> {
        w.iter()
            .map(|w| (w.path.clone(), w.code.as_str()))
            .collect()
    }

    #[test]
    fn a_clean_project_has_none() {
        let p = project(0, d(2023, 3, 1));
        assert_eq!(compliance(&[p], Y, ComplianceOptions::default()), vec![]);
    }

    #[test]
    fn filing() {
        let mut p = project(0, d(2023, 3, 1));
        p.filed = Some(d(2023, 3, 9)); // 8 days
        let w = compliance(&[p.clone()], Y, ComplianceOptions::default());
        assert_eq!(codes(&w), vec![("projects[0].filed".into(), "filing_late")]);
        assert!(w[0].message.zh.contains("相隔 8 天"));
        p.filed = None;
        let w = compliance(&[p.clone()], Y, ComplianceOptions::default());
        assert_eq!(codes(&w), vec![("projects[0].filed".into(), "not_filed")]);
        // Signed 2024-08-24: 7 days to 2024-08-31, not more than 7.
        p.signed = d(2024, 8, 24);
        assert_eq!(compliance(&[p], Y, ComplianceOptions::default()), vec![]);
    }

    #[test]
    fn self_checks_expiry_and_end() {
        let mut p = project(0, d(2023, 3, 1));
        p.self_checks = [None, None];
        p.ended = Some(d(2024, 1, 15));
        let w = compliance(&[p.clone()], Y, ComplianceOptions::default());
        assert_eq!(
            codes(&w),
            vec![
                ("projects[0].self_checks.1".into(), "self_check_missing"),
                ("projects[0].ended".into(), "ended")
            ]
        );
        assert!(w[1].message.zh.contains("自 2024-01-16 起不再计入"));

        let mut old = project(0, d(2021, 6, 1));
        old.expires = Some(d(2024, 5, 31));
        let mut renewal = project(1, d(2024, 6, 30)); // 30 days after expiry: a renewal
        renewal.filed = Some(d(2024, 7, 1));
        assert_eq!(
            compliance(
                &[old.clone(), renewal.clone()],
                Y,
                ComplianceOptions::default()
            ),
            vec![]
        );
        renewal.signed = d(2024, 7, 1); // 31 days after
        renewal.filed = Some(d(2024, 7, 1));
        assert_eq!(
            codes(&compliance(
                &[old, renewal],
                Y,
                ComplianceOptions::default()
            )),
            vec![("projects[0].expires".into(), "expired")]
        );
    }
}
