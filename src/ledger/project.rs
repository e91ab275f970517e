//! Reading `projects[]`, one row per signed agreement (RUBRIC.md §7), every problem located.

use super::credit::{self, CodeFault};
use super::date::{read_date, Date, DateFault};
use super::forms::read_forms;
pub use super::forms::Form;
use super::text;
use crate::cell;
use crate::format::join;
use crate::locale::Text;
use crate::problem::{Code, Problem};
use serde_json::Value;

/// One project row that read without error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    /// Its index in `projects`, for paths.
    pub index: usize,
    pub id: Option<String>,
    /// The name as typed, trimmed.
    pub enterprise: String,
    /// Folded and checked.
    pub credit_code: Option<String>,
    /// The index in the majors list given to [`read_projects`].
    pub major: usize,
    /// Distinct, in the order given.
    pub forms: Vec<Form>,
    pub signed: Date,
    pub filed: Option<Date>,
    pub expires: Option<Date>,
    pub ended: Option<Date>,
    /// 第一学期, 第二学期.
    pub self_checks: [Option<Date>; 2],
}

impl Project {
    pub fn has(&self, form: Form) -> bool {
        self.forms.contains(&form)
    }
}

/// The rows that read without error (rows with any problem are left out: nothing is scored
/// while an error stands), and every problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ledger {
    pub projects: Vec<Project>,
    pub problems: Vec<Problem>,
}

fn field_label(index: usize, enterprise: Option<&str>, zh: &str, en: &str) -> Text {
    let n = index + 1;
    match enterprise {
        Some(name) => Text::new(
            format!("第 {n} 个合作项目（{name}）的{zh}"),
            format!("{en} of project {n} ({name})"),
        ),
        None => Text::new(
            format!("第 {n} 个合作项目的{zh}"),
            format!("{en} of project {n}"),
        ),
    }
}

/// Reads `projects` against the department's major names (trimmed, as `majors[].name`).
/// `None` when there is no ledger (`projects` absent, given here as `null`).
pub fn read_projects(value: &Value, majors: &[&str]) -> Option<Ledger> {
    let rows = match value {
        Value::Null => return None,
        Value::Array(rows) => rows,
        other => {
            let problem = text::wrong(
                "projects",
                Code::Missing,
                &Text::new("合作项目台账", "the project ledger"),
                other,
                &Text::new("不是列表", "not a list"),
                &Text::new(
                    "项目列表（没有项目时为空列表）",
                    "a list of projects (an empty list when there are none)",
                ),
            );
            return Some(Ledger {
                projects: Vec::new(),
                problems: vec![problem],
            });
        }
    };
    let mut ledger = Ledger::default();
    // Ids seen so far (width-folded and trimmed), with the row that first had each.
    let mut ids: Vec<(String, usize)> = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let mut problems = Vec::new();
        let project = read_row(index, row, majors, &mut ids, &mut problems);
        if problems.is_empty() {
            if let Some(project) = project {
                ledger.projects.push(project);
            }
        }
        ledger.problems.append(&mut problems);
    }
    Some(ledger)
}

fn read_row(
    index: usize,
    row: &Value,
    majors: &[&str],
    ids: &mut Vec<(String, usize)>,
    problems: &mut Vec<Problem>,
) -> Option<Project> {
    let path = |field: &str| format!("projects[{index}].{field}");
    let Some(fields) = row.as_object() else {
        problems.push(text::wrong(
            &format!("projects[{index}]"),
            Code::Missing,
            &Text::new(
                format!("第 {} 个合作项目", index + 1),
                format!("project {}", index + 1),
            ),
            row,
            &Text::new("不是一行项目", "not a project row"),
            &Text::new(
                "包含企业、专业、合作形式和日期的一行",
                "a row with the enterprise, major, forms and dates",
            ),
        ));
        return None;
    };
    let get = |field: &str| fields.get(field).unwrap_or(&Value::Null);
    let enterprise = cell::read_text(get("enterprise")).ok();
    let name = enterprise.as_deref();
    let label = |zh: &str, en: &str| field_label(index, name, zh, en);

    // enterprise: required text.
    if enterprise.is_none() {
        let label = label("合作企业名称", "the enterprise name");
        let expected = Text::new("企业全称", "the enterprise's full name");
        let value = get("enterprise");
        problems.push(if cell::is_blank(value) {
            text::missing(&path("enterprise"), &label, &expected)
        } else {
            text::wrong(
                &path("enterprise"),
                Code::Missing,
                &label,
                value,
                &Text::new("不是文字", "not text"),
                &expected,
            )
        });
    }

    // id: optional, unique when given.
    let id = cell::read_text(get("id")).ok();
    if let Some(id) = &id {
        let key = cell::normalize(id).into_owned();
        match ids.iter().find(|(seen, _)| *seen == key) {
            Some((_, first)) => problems.push(Problem::new(
                path("id"),
                Code::DuplicateProject,
                Text::new(
                    format!(
                        "第 {} 个合作项目的编号「{id}」（{}）与第 {} 个项目相同，每个项目编号只应出现一次",
                        index + 1,
                        path("id"),
                        first + 1
                    ),
                    format!(
                        "project {} has the id “{id}” ({}) of project {}; each id may appear only once",
                        index + 1,
                        path("id"),
                        first + 1
                    ),
                ),
            )),
            None => ids.push((key, index)),
        }
    }

    // credit_code: optional, checked when given.
    let mut credit_code = None;
    let code_value = get("credit_code");
    if !cell::is_blank(code_value) {
        let code_label = label("统一社会信用代码", "the unified social credit code");
        let raw = match code_value {
            Value::String(s) => Some(s.as_str()),
            _ => None,
        };
        let checked = raw.map(credit::check_code);
        match checked {
            Some(Ok(code)) => credit_code = Some(code),
            fault => {
                let reason = match fault {
                    Some(Err(CodeFault::Length(n))) => Text::new(
                        format!("有 {n} 个字符，不是 18 个"),
                        format!("{n} characters, not 18"),
                    ),
                    Some(Err(CodeFault::Character(at, c))) => Text::new(
                        format!("第 {at} 个字符「{c}」不能用于信用代码（不含 I、O、Z、S、V）"),
                        format!("character {at} “{c}” cannot appear in a credit code (no I, O, Z, S, V)"),
                    ),
                    Some(Err(CodeFault::Check(expected))) => Text::new(
                        format!("校验码不符（按前 17 位应为「{expected}」）"),
                        format!("the check character is wrong (the first 17 call for “{expected}”)"),
                    ),
                    _ => Text::new("不是文字", "not text"),
                };
                problems.push(text::wrong(
                    &path("credit_code"),
                    Code::BadCreditCode,
                    &code_label,
                    code_value,
                    &reason,
                    &Text::new(
                        "统一社会信用代码（18 位，GB 32100-2015）",
                        "an 18-character unified social credit code (GB 32100-2015)",
                    ),
                ));
            }
        }
    }

    // major: must name a listed major.
    let major = read_major(get("major"), majors, &label, &path("major"), problems);

    let forms = read_forms(get("forms"), &path("forms"), &label, problems);

    // Dates: signed required; the others optional but never before signing.
    let mut date = |field: &str, zh: &str, en: &str, required: bool| -> Option<Date> {
        let value = get(field);
        match read_date(value) {
            Ok(d) => Some(d),
            Err(DateFault::Missing) => {
                if required {
                    problems.push(text::missing(
                        &path(field),
                        &label(zh, en),
                        &text::date_expected(),
                    ));
                }
                None
            }
            Err(DateFault::NotADate) => {
                problems.push(text::not_a_date(&path(field), &label(zh, en), value));
                None
            }
        }
    };
    let signed = date("signed", "签订日期", "the signing date", true);
    let filed = date("filed", "备案日期", "the filing date", false);
    let expires = date("expires", "到期日期", "the expiry date", false);
    let ended = date("ended", "终止日期", "the end date", false);
    if let Some(signed) = signed {
        for (field, day, zh, en) in [
            ("filed", filed, "备案日期", "the filing date"),
            ("expires", expires, "到期日期", "the expiry date"),
            ("ended", ended, "终止日期", "the end date"),
        ] {
            if let Some(day) = day.filter(|d| *d < signed) {
                let l = label(zh, en);
                problems.push(Problem::new(
                    path(field),
                    Code::DateOrder,
                    Text::new(
                        format!(
                            "{}（{}）为 {}，早于签订日期 {}，应不早于签订日期",
                            l.zh,
                            path(field),
                            day.iso(),
                            signed.iso()
                        ),
                        format!(
                            "{} ({}) is {}, before the signing date {}; it cannot be earlier",
                            l.en,
                            path(field),
                            day.iso(),
                            signed.iso()
                        ),
                    ),
                ));
            }
        }
    }

    let self_checks = read_self_checks(index, get("self_checks"), &label, problems);

    Some(Project {
        index,
        id,
        enterprise: enterprise?,
        credit_code,
        major: major?,
        forms,
        signed: signed?,
        filed,
        expires,
        ended,
        self_checks,
    })
}

fn read_major(
    value: &Value,
    majors: &[&str],
    label: &dyn Fn(&str, &str) -> Text,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let label = label("所属专业", "the major");
    let expected = Text::new(
        format!("专业列表中的专业名称（{}）", join(majors, "、")),
        format!("the name of a listed major ({})", join(majors, ", ")),
    );
    match cell::read_text(value) {
        Ok(name) => {
            let found = majors.iter().position(|m| m.trim() == name);
            if found.is_none() {
                problems.push(text::wrong(
                    path,
                    Code::UnknownMajor,
                    &label,
                    value,
                    &Text::new("不在专业列表中", "not in the list of majors"),
                    &expected,
                ));
            }
            found
        }
        Err(_) if cell::is_blank(value) => {
            problems.push(text::missing(path, &label, &expected));
            None
        }
        Err(_) => {
            problems.push(text::wrong(
                path,
                Code::UnknownMajor,
                &label,
                value,
                &Text::new("不是专业名称", "not a major's name"),
                &expected,
            ));
            None
        }
    }
}

fn read_self_checks(
    index: usize,
    value: &Value,
    label: &dyn Fn(&str, &str) -> Text,
    problems: &mut Vec<Problem>,
) -> [Option<Date>; 2] {
    let mut dates = [None, None];
    let base = format!("projects[{index}].self_checks");
    let entries = match value {
        Value::Null => return dates,
        Value::Object(entries) => entries,
        Value::String(s) if cell::normalize(s).is_empty() => return dates,
        other => {
            problems.push(text::wrong(
                &base,
                Code::UnknownChoice,
                &label("自查报告日期", "the self-check dates"),
                other,
                &Text::new("不是按学期填写的日期", "not dates by semester"),
                &Text::new(
                    "按学期「1」「2」填写的日期，如 {\"1\": \"2024-01-10\", \"2\": \"\"}",
                    "dates by semester “1” and “2”, e.g. {\"1\": \"2024-01-10\", \"2\": \"\"}",
                ),
            ));
            return dates;
        }
    };
    for (key, date) in entries {
        let path = format!("{base}.{key}");
        let slot = match cell::normalize(key).as_ref() {
            "1" => 0,
            "2" => 1,
            _ => {
                problems.push(Problem::new(
                    path.as_str(),
                    Code::UnknownChoice,
                    Text::new(
                        format!(
                            "第 {} 个合作项目的自查报告（{path}）按学期填写，学期「{key}」不是可选项，应为「1」（第一学期）或「2」（第二学期）",
                            index + 1
                        ),
                        format!(
                            "the self-checks of project {} ({path}) are by semester; “{key}” is none, expected “1” (first semester) or “2” (second)",
                            index + 1
                        ),
                    ),
                ));
                continue;
            }
        };
        let (zh, en) = if slot == 0 {
            (
                "第一学期自查报告日期",
                "the first semester's self-check date",
            )
        } else {
            (
                "第二学期自查报告日期",
                "the second semester's self-check date",
            )
        };
        match read_date(date) {
            Ok(d) => dates[slot] = Some(d),
            Err(DateFault::Missing) => {}
            Err(DateFault::NotADate) => {
                problems.push(text::not_a_date(&path, &label(zh, en), date));
            }
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const MAJORS: [&str; 2] = ["机电一体化技术", "工业机器人技术"];

    fn read(rows: Value) -> Ledger {
        read_projects(&rows, &MAJORS).expect("a ledger")
    }

    fn codes(ledger: &Ledger) -> Vec<(String, &'static str)> {
        ledger
            .problems
            .iter()
            .map(|p| (p.path.clone(), p.code.as_str()))
            .collect()
    }

    fn good() -> Value {
        json!({ "id": "JD-2023-01", "enterprise": "三一重工股份有限公司",
          "credit_code": "91430100MA4L16JK0C", "major": "机电一体化技术",
          "forms": ["order_class", "campus_base"],
          "signed": "2023-03-01", "filed": "2023-03-06", "expires": "2026-02-28",
          "ended": "", "self_checks": { "1": "2024-01-10", "2": "" } })
    }

    #[test]
    fn the_rubric_example_reads() {
        let ledger = read(json!([good()]));
        assert_eq!(codes(&ledger), vec![]);
        let p = &ledger.projects[0];
        assert_eq!(p.forms, vec![Form::OrderClass, Form::CampusBase]);
        assert_eq!(p.major, 0);
        assert_eq!(p.credit_code.as_deref(), Some("91430100MA4L16JK0C"));
        assert_eq!(p.signed, Date::new(2023, 3, 1).unwrap());
        assert_eq!(p.self_checks, [Date::new(2024, 1, 10), None]);
        assert_eq!(p.ended, None);
    }

    #[test]
    fn absent_null_and_empty() {
        assert_eq!(read_projects(&Value::Null, &MAJORS), None);
        assert_eq!(read(json!([])), Ledger::default());
        assert_eq!(
            codes(&read(json!("x"))),
            vec![("projects".into(), "missing")]
        );
        assert_eq!(
            codes(&read(json!([1]))),
            vec![("projects[0]".into(), "missing")]
        );
    }

    #[test]
    fn forms_in_every_shape() {
        let forms = |v: Value| {
            let mut row = good();
            row["forms"] = v;
            read(json!([row]))
        };
        assert_eq!(
            forms(json!("订单班、校内实训基地；科技创新 ORDER_CLASS，其他")).projects[0].forms,
            vec![
                Form::OrderClass,
                Form::CampusBase,
                Form::Research,
                Form::Other
            ]
        );
        assert_eq!(
            forms(json!(["定向班", "技术研发,设备共享"])).projects[0].forms,
            vec![Form::OrderClass, Form::Research, Form::EquipmentSharing]
        );
        assert_eq!(
            codes(&forms(json!(""))),
            vec![("projects[0].forms".into(), "missing")]
        );
        assert_eq!(
            codes(&forms(json!([]))),
            vec![("projects[0].forms".into(), "missing")]
        );
        let bad = forms(json!("订单班、合资、捐赠、合资"));
        assert_eq!(
            codes(&bad),
            vec![("projects[0].forms".into(), "unknown_choice")]
        );
        assert!(bad.problems[0].message.zh.contains("「合资」、「捐赠」"));
        assert!(bad.projects.is_empty());
    }

    #[test]
    fn every_field_located() {
        let rows = json!([
            { "id": "A", "enterprise": " ", "credit_code": "91430100MA4L16JK0D",
              "major": "数控技术", "forms": "合资", "signed": "2023-02-30",
              "filed": "2023/3/x", "self_checks": { "1": "明天", "3": "2024-01-01" } },
            { "id": "A", "enterprise": "甲", "major": "机电一体化技术", "forms": "其他",
              "signed": "2023-03-01", "filed": "2023-02-28", "expires": "2023-01-01",
              "ended": "2022-12-31" },
            { "enterprise": "乙", "major": "机电一体化技术", "forms": "其他" }
        ]);
        let mut got = codes(&read(rows));
        got.sort();
        let mut want: Vec<(String, &str)> = vec![
            ("projects[0].enterprise".into(), "missing"),
            ("projects[0].credit_code".into(), "bad_credit_code"),
            ("projects[0].major".into(), "unknown_major"),
            ("projects[0].forms".into(), "unknown_choice"),
            ("projects[0].signed".into(), "not_a_date"),
            ("projects[0].filed".into(), "not_a_date"),
            ("projects[0].self_checks.1".into(), "not_a_date"),
            ("projects[0].self_checks.3".into(), "unknown_choice"),
            ("projects[1].id".into(), "duplicate_project"),
            ("projects[1].filed".into(), "date_order"),
            ("projects[1].expires".into(), "date_order"),
            ("projects[1].ended".into(), "date_order"),
            ("projects[2].signed".into(), "missing"),
        ];
        want.sort();
        assert_eq!(got, want);
    }
}
