//! Platform targets (平台建设目标, RUBRIC.md §10): what each department's facts measure
//! against the targets of 《产教融合协同创新平台建设实施方案》, and the college's figures.
//!
//! Nothing here scores: a department's facts are validated exactly as `scoreDepartment`
//! validates them (a department with any error is reported with its errors and left out of
//! the college's figures), then measured from the ledger (§7) and three optional inputs.

use crate::cell;
use crate::department::{assess_department, Rejected};
use crate::facts::FactReader;
use crate::format::pct;
use crate::ledger::{
    counts_for_year, identify, read_year, run_ledger, Enterprise, Form, LedgerOptions, Project,
    YearOptions,
};
use crate::locale::{Locale, Text};
use crate::report::{warnings_out, Num, ProblemOut};
use crate::rubric::Rubric;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// Reads and checks the optional inputs of §10 (`employment.employed`, `platform.committee`,
/// `platform.research_outputs`) so that a bad value is an error like any other, in
/// `scoreDepartment` and `validateFacts` too. Blank means not reported (未填报).
pub(crate) fn check_inputs(reader: &mut FactReader) {
    if let Some(Some(_)) = reader.optional_count("employment.employed") {
        // As a part of its whole, like C6's `local`: `exceeds_total` above the graduates,
        // `zero_total` for no graduates (each problem once, whichever line reads it first).
        reader.ratio("employment.employed", "employment.graduates");
    }
    reader.optional_flag("platform.committee");
    reader.optional_count("platform.research_outputs");
}

/// One target of §10: its id, names, and the figure that meets it.
struct Target {
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    /// A count to reach, or a percentage (`employment`, `majors_co_built`).
    target: u64,
}

const TARGETS: [Target; 8] = [
    Target {
        id: "enterprises",
        zh: "参与平台建设的优质企业（家）",
        en: "quality enterprises in platform building",
        target: 3,
    },
    Target {
        id: "platform_projects",
        zh: "科技创新、创新创业、设备共享项目（个）",
        en: "research, entrepreneurship and equipment-sharing projects",
        target: 3,
    },
    Target {
        id: "majors_co_built",
        zh: "校企共建专业占比（%）",
        en: "majors co-built with enterprises (%)",
        target: 100,
    },
    Target {
        id: "industry_college",
        zh: "产业学院（个）",
        en: "industry colleges",
        target: 1,
    },
    Target {
        id: "committee",
        zh: "专业建设委员会",
        en: "specialty building committee",
        target: 1,
    },
    Target {
        id: "training_base",
        zh: "多功能实训基地（有产业学院时，个）",
        en: "multi-purpose training bases (where an industry college exists)",
        target: 1,
    },
    Target {
        id: "employment",
        zh: "就业率（%）",
        en: "employment rate (%)",
        target: 96,
    },
    Target {
        id: "research_outputs",
        zh: "科研成果（项）",
        en: "research outputs",
        target: 1,
    },
];

/// What the ledger of one department measures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct LedgerMeasures {
    /// Every row (a row without a credit code may take another row's: identity needs all).
    projects: Vec<Project>,
    /// Which rows count for the year.
    counting: Vec<bool>,
    platform_projects: u64,
    majors: u64,
    co_built: u64,
    industry_college: u64,
    campus_base: u64,
}

/// One department's figures: `None` where the input is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Measures {
    ledger: Option<LedgerMeasures>,
    /// employed, graduates.
    employment: Option<(u64, u64)>,
    committee: Option<bool>,
    research_outputs: Option<u64>,
}

/// A figure: a count, or a part of a whole as a percentage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Figure {
    Count(u64),
    Percent(u64, u64),
}

impl Figure {
    /// The exact value (a percentage to 28 significant digits: 2 of 3 cannot be exact).
    fn value(self) -> Option<Decimal> {
        match self {
            Figure::Count(n) => Some(Decimal::from(n)),
            Figure::Percent(part, whole) => Decimal::from(part)
                .checked_mul(Decimal::ONE_HUNDRED)?
                .checked_div(Decimal::from(whole)),
        }
    }

    /// Whether it reaches `target`, decided in whole numbers: part × 100 ≥ target × whole.
    fn reaches(self, target: u64) -> bool {
        match self {
            Figure::Count(n) => n >= target,
            Figure::Percent(part, whole) => {
                u128::from(part) * 100 >= u128::from(target) * u128::from(whole)
            }
        }
    }

    fn show(self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Percent(..) => self.value().map_or_else(String::new, pct) + "%",
        }
    }
}

fn blank(value: Option<&Value>) -> bool {
    value.is_none_or(cell::is_blank)
}

/// Measures facts that validated cleanly (so every value read here reads).
fn measure(facts: &Value) -> Measures {
    let get = |path: &str| {
        path.split('.')
            .try_fold(facts, |node, key| node.get(key))
            .filter(|v| !cell::is_blank(v))
    };
    let count = |path: &str| get(path).and_then(|v| cell::read_count(v).ok());
    let names: Vec<String> = facts
        .get("majors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| m.get("name").and_then(|n| cell::read_text(n).ok()))
        .collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let year = facts.get("year").unwrap_or(&Value::Null);
    let ledger = (!blank(facts.get("projects")))
        .then(|| {
            let projects = facts.get("projects").unwrap_or(&Value::Null);
            let result = run_ledger(projects, &name_refs, year, LedgerOptions::default())?;
            let year = read_year(year, YearOptions::default()).ok()?;
            let counting: Vec<bool> = result
                .projects
                .iter()
                .map(|p| counts_for_year(p, year))
                .collect();
            let counted = || {
                result
                    .projects
                    .iter()
                    .zip(&counting)
                    .filter(|(_, c)| **c)
                    .map(|(p, _)| p)
            };
            let with = |forms: &[Form]| {
                counted()
                    .filter(|p| forms.iter().any(|f| p.has(*f)))
                    .count() as u64
            };
            let mut co_built = vec![false; names.len()];
            for p in counted().filter(|p| p.has(Form::MajorBuilding)) {
                if let Some(flag) = co_built.get_mut(p.major) {
                    *flag = true;
                }
            }
            Some(LedgerMeasures {
                platform_projects: with(&[
                    Form::Research,
                    Form::Entrepreneurship,
                    Form::EquipmentSharing,
                ]),
                majors: names.len() as u64,
                co_built: co_built.iter().filter(|b| **b).count() as u64,
                industry_college: with(&[Form::IndustryCollege]),
                campus_base: with(&[Form::CampusBase]),
                counting,
                projects: result.projects,
            })
        })
        .flatten();
    Measures {
        ledger,
        employment: count("employment.employed")
            .zip(count("employment.graduates"))
            .filter(|(_, g)| *g > 0),
        committee: get("platform.committee").and_then(|v| cell::read_bool(v).ok()),
        research_outputs: count("platform.research_outputs"),
    }
}

/// Distinct enterprises among the counting rows of several ledgers taken as one (§7 sameness).
fn distinct_enterprises(ledgers: &[&LedgerMeasures]) -> u64 {
    let all: Vec<Project> = ledgers
        .iter()
        .flat_map(|l| l.projects.iter().cloned())
        .collect();
    let counting: Vec<bool> = ledgers
        .iter()
        .flat_map(|l| l.counting.iter().copied())
        .collect();
    let mut seen: Vec<Enterprise> = Vec::new();
    for (who, counts) in identify(&all).into_iter().zip(counting) {
        if counts && !seen.contains(&who) {
            seen.push(who);
        }
    }
    seen.len() as u64
}

/// The figure of target `index` (in [`TARGETS`] order) for one department.
fn figure(index: usize, m: &Measures) -> Option<Figure> {
    let ledger = m.ledger.as_ref();
    match TARGETS.get(index)?.id {
        "enterprises" => ledger.map(|l| Figure::Count(distinct_enterprises(&[l]))),
        "platform_projects" => ledger.map(|l| Figure::Count(l.platform_projects)),
        "majors_co_built" => ledger.map(|l| Figure::Percent(l.co_built, l.majors)),
        "industry_college" => ledger.map(|l| Figure::Count(l.industry_college)),
        "committee" => m.committee.map(|c| Figure::Count(u64::from(c))),
        "training_base" => ledger.map(|l| Figure::Count(l.campus_base)),
        "employment" => m.employment.map(|(e, g)| Figure::Percent(e, g)),
        _ => m.research_outputs.map(Figure::Count),
    }
}

/// The input a target is measured from, for "未填报".
fn source(id: &str) -> &'static str {
    match id {
        "committee" => "platform.committee",
        "employment" => "employment.employed",
        "research_outputs" => "platform.research_outputs",
        _ => "projects",
    }
}

/// One department's row for one target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRow {
    pub id: &'static str,
    /// In the locale asked for.
    pub name: &'static str,
    /// `None` when its input is absent.
    pub actual: Option<Decimal>,
    pub target: Decimal,
    /// `None` when not reported (未填报) or not applicable.
    pub met: Option<bool>,
    /// Why, in the locale asked for.
    pub note: String,
}

fn row(index: usize, target: &Target, m: &Measures, locale: Locale) -> TargetRow {
    let figure = figure(index, m);
    let name = if locale == Locale::En {
        target.en
    } else {
        target.zh
    };
    // training_base applies only where an industry college exists (§10).
    let applicable =
        target.id != "training_base" || m.ledger.as_ref().is_some_and(|l| l.industry_college > 0);
    let met = figure
        .filter(|_| applicable)
        .map(|f| f.reaches(target.target));
    let en = locale == Locale::En;
    let goal = match target.id {
        "majors_co_built" => "100%".to_string(),
        "employment" => format!("≥ {}%", target.target),
        "committee" if en => "yes".to_string(),
        "committee" => "有".to_string(),
        _ => format!("≥ {}", target.target),
    };
    // Only the language asked for is formatted (as for the lines' notes).
    let note = match (figure, met) {
        (None, _) if en => format!("not reported ({})", source(target.id)),
        (None, _) => format!("未填报（{}）", source(target.id)),
        (Some(f), None) if en => format!("{}: no industry college, not applicable", f.show()),
        (Some(f), None) => format!("{}：没有产业学院，不适用", f.show()),
        (Some(f), Some(met)) => {
            let shown = match (target.id, met, en) {
                ("committee", true, true) => "yes".to_string(),
                ("committee", false, true) => "no".to_string(),
                ("committee", true, false) => "有".to_string(),
                ("committee", false, false) => "没有".to_string(),
                _ => f.show(),
            };
            match (met, en) {
                (true, true) => format!("{shown}, target {goal}: met"),
                (false, true) => format!("{shown}, target {goal}: not met"),
                (true, false) => format!("{shown}，目标 {goal}，达到"),
                (false, false) => format!("{shown}，目标 {goal}，未达到"),
            }
        }
    };
    TargetRow {
        id: target.id,
        name,
        actual: figure.and_then(Figure::value),
        target: Decimal::from(target.target),
        met,
        note,
    }
}

/// One department: its name and its targets, or what is wrong with its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentTargets {
    /// As given (`None` when it cannot be read).
    pub department: Option<String>,
    pub targets: Result<Vec<TargetRow>, Rejected>,
}

/// The college's row for one target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollegeRow {
    pub id: &'static str,
    pub name: &'static str,
    /// `None` when no department reported the input.
    pub actual: Option<Decimal>,
    pub departments_met: usize,
    pub departments_reported: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformTargets {
    pub departments: Vec<DepartmentTargets>,
    pub college: Vec<CollegeRow>,
    pub locale: Locale,
}

/// §10 for a list of departments' facts, in input order; notes in Chinese.
pub fn platform_targets(rubric: &Rubric, facts_list: &[Value]) -> PlatformTargets {
    platform_targets_in(rubric, facts_list, Locale::Zh)
}

/// Like [`platform_targets`], with names, notes and messages in `locale`.
pub fn platform_targets_in(
    rubric: &Rubric,
    facts_list: &[Value],
    locale: Locale,
) -> PlatformTargets {
    let mut measured: Vec<Measures> = Vec::new();
    let departments: Vec<DepartmentTargets> = facts_list
        .iter()
        .map(|facts| {
            let department = facts
                .get("department")
                .and_then(|d| cell::read_text(d).ok());
            let targets = assess_department(rubric, facts, locale).map(|_| {
                let m = measure(facts);
                let rows = TARGETS
                    .iter()
                    .enumerate()
                    .map(|(i, t)| row(i, t, &m, locale))
                    .collect();
                measured.push(m);
                rows
            });
            DepartmentTargets {
                department,
                targets,
            }
        })
        .collect();
    let rows: Vec<&Vec<TargetRow>> = departments
        .iter()
        .filter_map(|d| d.targets.as_ref().ok())
        .collect();
    let college = TARGETS
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let of_departments = || rows.iter().filter_map(|r| r.get(i));
            CollegeRow {
                id: target.id,
                name: if locale == Locale::En {
                    target.en
                } else {
                    target.zh
                },
                actual: college_figure(i, &measured).and_then(Figure::value),
                departments_met: of_departments().filter(|r| r.met == Some(true)).count(),
                departments_reported: of_departments().filter(|r| r.met.is_some()).count(),
            }
        })
        .collect();
    PlatformTargets {
        departments,
        college,
        locale,
    }
}

/// The college's figure: enterprises distinct across the college, percentages as ratios of
/// sums, other counts summed (`committee`: departments with one), over the departments whose
/// input is present; `None` when there is none.
fn college_figure(index: usize, measured: &[Measures]) -> Option<Figure> {
    let id = TARGETS.get(index)?.id;
    if id == "enterprises" {
        let ledgers: Vec<&LedgerMeasures> =
            measured.iter().filter_map(|m| m.ledger.as_ref()).collect();
        return (!ledgers.is_empty()).then(|| Figure::Count(distinct_enterprises(&ledgers)));
    }
    let figures: Vec<Figure> = measured.iter().filter_map(|m| figure(index, m)).collect();
    if figures.is_empty() {
        return None;
    }
    // Counts far beyond any college's cannot be typed (a count reads only up to a bound), so
    // saturating sums never bite; they only rule out a panic.
    let (mut part, mut whole, mut percent) = (0u64, 0u64, false);
    for figure in figures {
        match figure {
            Figure::Count(n) => part = part.saturating_add(n),
            Figure::Percent(p, w) => {
                percent = true;
                part = part.saturating_add(p);
                whole = whole.saturating_add(w);
            }
        }
    }
    Some(if percent {
        Figure::Percent(part, whole)
    } else {
        Figure::Count(part)
    })
}

// ---- JSON ---------------------------------------------------------------------------------

/// One target of one department, `targets[]` of §10.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct TargetOut<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub actual: Option<Num>,
    pub target: Num,
    pub met: Option<bool>,
    pub note: &'a str,
}

/// A department whose facts validate: `{ ok: true, department, targets }`.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct DepartmentTargetsOut<'a> {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "true"))]
    pub ok: bool,
    pub department: &'a str,
    pub targets: Vec<TargetOut<'a>>,
}

/// A department whose facts do not: `{ ok: false, department, errors, warnings }`, as
/// `scoreDepartment` reports them.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct DepartmentErrorsOut<'a> {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "false"))]
    pub ok: bool,
    pub department: Option<&'a str>,
    pub errors: Vec<ProblemOut<'a>>,
    pub warnings: Vec<ProblemOut<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
#[serde(untagged)]
pub enum DepartmentTargetsResult<'a> {
    Ok(DepartmentTargetsOut<'a>),
    Err(DepartmentErrorsOut<'a>),
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct CollegeOut<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub actual: Option<Num>,
    pub departments_met: usize,
    pub departments_reported: usize,
}

/// `platformTargets`' answer.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify_next::Tsify))]
pub struct PlatformOut<'a> {
    pub departments: Vec<DepartmentTargetsResult<'a>>,
    pub college: Vec<CollegeOut<'a>>,
}

impl<'a> PlatformOut<'a> {
    pub fn new(result: &'a PlatformTargets) -> PlatformOut<'a> {
        let locale = result.locale;
        let department = |d: &'a DepartmentTargets| match &d.targets {
            Ok(rows) => DepartmentTargetsResult::Ok(DepartmentTargetsOut {
                ok: true,
                department: d.department.as_deref().unwrap_or_default(),
                targets: rows
                    .iter()
                    .map(|r| TargetOut {
                        id: r.id,
                        name: r.name,
                        actual: r.actual.map(Num),
                        target: Num(r.target),
                        met: r.met,
                        note: &r.note,
                    })
                    .collect(),
            }),
            Err(rejected) => DepartmentTargetsResult::Err(DepartmentErrorsOut {
                ok: false,
                department: d.department.as_deref(),
                errors: rejected
                    .problems
                    .iter()
                    .map(|p| ProblemOut::new(p, locale))
                    .collect(),
                warnings: warnings_out(&rejected.warnings, locale),
            }),
        };
        PlatformOut {
            departments: result.departments.iter().map(department).collect(),
            college: result
                .college
                .iter()
                .map(|c| CollegeOut {
                    id: c.id,
                    name: c.name,
                    actual: c.actual.map(Num),
                    departments_met: c.departments_met,
                    departments_reported: c.departments_reported,
                })
                .collect(),
        }
    }
}

/// The problem with a `factsList` that is not a list.
pub fn not_a_list(value: &Value) -> crate::problem::Problem {
    crate::problem::Problem::new(
        "factsList",
        crate::problem::Code::Missing,
        Text::new(
            format!(
                "应提供各二级学院考核数据的列表 [facts, …]，收到的是「{}」",
                cell::show(value)
            ),
            format!(
                "expected a list of departments' facts [facts, …], got “{}”",
                cell::show(value)
            ),
        ),
    )
}

/// `platformTargets`' answer as JSON (native callers).
pub fn platform_json(result: &PlatformTargets) -> Value {
    crate::report::to_json(&PlatformOut::new(result))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_compare_in_whole_numbers() {
        assert!(Figure::Percent(96, 100).reaches(96));
        assert!(!Figure::Percent(95, 99).reaches(96)); // 95.96%
        assert!(Figure::Percent(3, 3).reaches(100));
        assert!(!Figure::Percent(2, 3).reaches(100));
        assert_eq!(
            Figure::Percent(1, 8).value(),
            Some(Decimal::new(1250, 2)),
            "12.5% exactly"
        );
        assert_eq!(Figure::Percent(2, 3).show(), "66.67%");
    }
}
