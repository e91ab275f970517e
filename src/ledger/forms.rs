//! 合作形式 (`projects[i].forms`): the twelve forms, as codes or Chinese words, in a list or
//! in one text.

use super::text;
use crate::cell;
use crate::format::join;
use crate::locale::Text;
use crate::problem::{Code, Problem};
use serde_json::Value;

/// 合作形式 (第八条 and the 平台 plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    MajorBuilding,
    OrderClass,
    Apprenticeship,
    Internship,
    CampusBase,
    ExternalBase,
    Faculty,
    IndustryCollege,
    Research,
    Entrepreneurship,
    EquipmentSharing,
    Other,
}

impl Form {
    pub const ALL: [Form; 12] = [
        Form::MajorBuilding,
        Form::OrderClass,
        Form::Apprenticeship,
        Form::Internship,
        Form::CampusBase,
        Form::ExternalBase,
        Form::Faculty,
        Form::IndustryCollege,
        Form::Research,
        Form::Entrepreneurship,
        Form::EquipmentSharing,
        Form::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Form::MajorBuilding => "major_building",
            Form::OrderClass => "order_class",
            Form::Apprenticeship => "apprenticeship",
            Form::Internship => "internship",
            Form::CampusBase => "campus_base",
            Form::ExternalBase => "external_base",
            Form::Faculty => "faculty",
            Form::IndustryCollege => "industry_college",
            Form::Research => "research",
            Form::Entrepreneurship => "entrepreneurship",
            Form::EquipmentSharing => "equipment_sharing",
            Form::Other => "other",
        }
    }

    /// The Chinese words accepted for the form; the first is its name.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Form::MajorBuilding => &["专业建设"],
            // The combined labels as RUBRIC.md writes them are accepted too, since a person
            // may copy them; the separator `/` is not a list separator.
            Form::OrderClass => &["订单班", "定向班", "订单班/定向班"],
            Form::Apprenticeship => &["现代学徒制"],
            Form::Internship => &["岗位实习"],
            Form::CampusBase => &["校内实训基地"],
            Form::ExternalBase => &["校外实训基地"],
            Form::Faculty => &["师资培养"],
            Form::IndustryCollege => &["产业学院"],
            Form::Research => &["科技创新", "技术研发", "科技创新/技术研发"],
            Form::Entrepreneurship => &["创新创业"],
            Form::EquipmentSharing => &["设备共享"],
            Form::Other => &["其他"],
        }
    }

    /// One word (already width-folded and trimmed): a code in any case, or a Chinese word.
    pub fn from_word(word: &str) -> Option<Form> {
        let lower = word.to_ascii_lowercase();
        Form::ALL
            .into_iter()
            .find(|f| f.code() == lower || f.words().contains(&word))
    }
}

/// List separators of `forms` text: 、，,；; and spaces (full-width ones already folded).
fn is_separator(c: char) -> bool {
    matches!(c, '、' | ',' | ';' | ' ' | '，' | '；' | '\u{3000}')
}

pub(crate) fn read_forms(
    value: &Value,
    path: &str,
    label: &dyn Fn(&str, &str) -> Text,
    problems: &mut Vec<Problem>,
) -> Vec<Form> {
    let label = label("合作形式", "the forms of cooperation");
    let expected = Text::new(
        format!(
            "合作形式（{}），多个用顿号分隔",
            join(
                &Form::ALL.iter().map(|f| f.words()[0]).collect::<Vec<_>>(),
                "、"
            )
        ),
        format!(
            "forms of cooperation ({}), several separated by commas",
            join(
                &Form::ALL.iter().map(|f| f.code()).collect::<Vec<_>>(),
                ", "
            )
        ),
    );
    // Every word, from a list of cells or from one text; other values are unknown words.
    let mut words: Vec<String> = Vec::new();
    let mut add = |v: &Value| match v {
        Value::String(s) => words.extend(
            cell::normalize(s)
                .split(is_separator)
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        ),
        Value::Null => {}
        other => words.push(cell::show(other)),
    };
    match value {
        Value::Array(items) => items.iter().for_each(&mut add),
        other => add(other),
    }
    if words.is_empty() {
        problems.push(text::missing(path, &label, &expected));
        return Vec::new();
    }
    let mut forms = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for word in words {
        match Form::from_word(&word) {
            Some(form) if !forms.contains(&form) => forms.push(form),
            Some(_) => {}
            None if !unknown.contains(&word) => unknown.push(word),
            None => {}
        }
    }
    if !unknown.is_empty() {
        let quoted = join(
            &unknown
                .iter()
                .map(|w| format!("「{w}」"))
                .collect::<Vec<_>>(),
            "、",
        );
        let quoted_en = join(
            &unknown.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>(),
            ", ",
        );
        problems.push(Problem::new(
            path,
            Code::UnknownChoice,
            Text::new(
                format!(
                    "{}（{path}）中的{quoted}不是可选的合作形式，应填写{}",
                    label.zh, expected.zh
                ),
                format!(
                    "{} ({path}) has {quoted_en}, not a form of cooperation; expected {}",
                    label.en, expected.en
                ),
            ),
        ));
    }
    forms
}
