//! Reads a department's facts (RUBRIC.md §3) from JSON, collecting every problem at once.
//!
//! The reader is lazy: each rubric line asks for the inputs it needs, so a single line can be
//! scored from a fragment (`{"internship": {…}}`) and a whole department reports every bad
//! input, each once, with its path.

use crate::calendar::{self, CalendarOptions, CalendarResult};
use crate::cell::{self, Fault};
use crate::format::join;
use crate::ledger::{self, GivenFields, LedgerOptions, LedgerResult, MajorDerived, Warning};
use crate::locale::{Locale, Text};
use crate::problem::{Code, Problem};
use crate::rubric::{Choice, Label};
use serde_json::Map;
use serde_json::Value;
use std::rc::Rc;

/// What a count was expected to be, for messages.
fn count_expected() -> Text {
    Text::new("不小于 0 的整数", "a whole number, 0 or more")
}

fn bool_expected() -> Text {
    Text::new(
        "是/否（也可填 √/×、有/无、1/0、Y/N）",
        "yes/no (or 是/否, √/×, 1/0, Y/N)",
    )
}

/// Which input a value is, for naming it in a message.
#[derive(Clone, Copy)]
enum Subject<'s> {
    /// A single fact, named by the rubric's labels.
    Fact,
    /// A field of one major: its index and the field's name in both languages.
    Major(usize, &'s str, &'s str),
    /// The head count of one order class.
    ClassStudents(usize),
}

/// One major as read: its name, and its index in `majors`.
#[derive(Clone, Debug)]
pub struct Major {
    pub index: usize,
    pub name: String,
}

pub struct FactReader<'a> {
    root: &'a Value,
    labels: &'a [(String, Label)],
    problems: Vec<Problem>,
    /// Paths with a problem. Kept in a `serde_json::Map`, the ordered map the crate already
    /// carries, because every further `BTreeMap` type costs the Wasm kilobytes of code.
    reported: Map<String, Value>,
    /// Shared, so that each rule reading the majors gets them without a copy.
    majors: Option<Option<Rc<[Major]>>>,
    /// Each listed major's index by name, for order classes naming their major.
    major_index: Map<String, Value>,
    /// Whether every major's name could be read (duplicates aside): only then can an order
    /// class's major be said not to exist.
    major_names_read: bool,
    /// The distinct major names in input order, for messages.
    major_names: Vec<String>,
    /// The project ledger (RUBRIC.md §7), read at most once, when first needed: `Some(None)`
    /// when the facts have none. Shared so that rules can hold it while reading on.
    ledger: Option<Option<Rc<LedgerResult>>>,
    /// The report calendar (RUBRIC.md §8), likewise.
    calendar: Option<Option<Rc<CalendarResult>>>,
    /// The ledger's compliance warnings (never problems: they change no score).
    warnings: Vec<Warning>,
    locale: Locale,
    /// No notes are wanted (see [`FactReader::quiet`]).
    quiet: bool,
}

/// The majors' fields the ledger derives (RUBRIC.md §7 "Derived inputs").
const LEDGER_FIELDS: [&str; 3] = ["partners", "campus_base", "external_base"];

/// The report facts the calendar derives (RUBRIC.md §8).
const CALENDAR_FACTS: [&str; 2] = ["reports.missed", "reports.due"];

impl<'a> FactReader<'a> {
    pub fn new(root: &'a Value, labels: &'a [(String, Label)], locale: Locale) -> FactReader<'a> {
        let mut reader = FactReader {
            root,
            labels,
            problems: Vec::new(),
            reported: Map::new(),
            majors: None,
            major_index: Map::new(),
            major_names_read: false,
            major_names: Vec::new(),
            ledger: None,
            calendar: None,
            warnings: Vec::new(),
            locale,
            quiet: false,
        };
        if !root.is_object() {
            reader.report(Problem::new(
                "",
                Code::Missing,
                Text::new(
                    format!(
                        "未提供考核数据：应为一个对象（JSON），收到的是「{}」",
                        cell::show(root)
                    ),
                    format!(
                        "no facts given: expected an object (JSON), got “{}”",
                        cell::show(root)
                    ),
                ),
            ));
        }
        reader
    }

    /// The language notes are written in; `None` for a hint's trial (RUBRIC.md §9), whose
    /// notes nobody reads: they are then not formatted at all, which was most of a trial's work.
    pub fn notes_in(&self) -> Option<Locale> {
        (!self.quiet).then_some(self.locale)
    }

    /// The same reader, writing no notes: for trials whose score alone matters.
    pub fn quiet(mut self) -> FactReader<'a> {
        self.quiet = true;
        self
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    /// Every problem, and the ledger's warnings (empty unless the ledger read without error).
    pub fn into_findings(self) -> (Vec<Problem>, Vec<Warning>) {
        (self.problems, self.warnings)
    }

    /// The project ledger, read (and its problems reported) the first time it is asked for;
    /// `None` when the facts have no `projects`. Its `majors` are indexed like `majors[]`
    /// and empty when the ledger, the year or the list of majors has a problem.
    pub fn ledger(&mut self) -> Option<Rc<LedgerResult>> {
        if let Some(cached) = &self.ledger {
            return cached.clone();
        }
        let projects = self.lookup("projects");
        if projects.is_null() {
            self.ledger = Some(None);
            return None;
        }
        let majors_ok = self.majors_ok();
        let names: Vec<&str> = self.major_names.iter().map(String::as_str).collect();
        let Some(mut result) = ledger::run_ledger(
            projects,
            &names,
            self.lookup("year"),
            LedgerOptions::default(),
        ) else {
            self.ledger = Some(None);
            return None;
        };
        for problem in std::mem::take(&mut result.errors) {
            // A project may well name a major whose own name could not be read (or a list of
            // majors that is missing): the problem with the majors says enough, as for order
            // classes.
            if problem.code == Code::UnknownMajor && !self.major_names_read {
                continue;
            }
            self.report(problem);
        }
        // The ledger's values are the majors' only when every major was read: indices match
        // `majors[]` only then.
        if !majors_ok {
            result.majors.clear();
        }
        self.warnings.append(&mut result.warnings);
        let shared = Rc::new(result);
        self.ledger = Some(Some(shared.clone()));
        Some(shared)
    }

    /// What the ledger derived for the major at `index` (`majors[index]`), when it did.
    pub fn derived_major(&self, index: usize) -> Option<&MajorDerived> {
        self.ledger.as_ref()?.as_ref()?.majors.get(index)
    }

    /// The report calendar, read (and its problems reported) the first time it is asked for;
    /// `None` when the facts have no `reports.months`.
    pub fn calendar(&mut self) -> Option<Rc<CalendarResult>> {
        if let Some(cached) = &self.calendar {
            return cached.clone();
        }
        let result = calendar::run_calendar(
            self.lookup("reports.months"),
            self.lookup("year"),
            ledger::YearOptions::default(),
            &CalendarOptions::default(),
        )
        .map(|result| {
            // The year's problem, when the ledger reports it too, is kept once (by its path).
            for problem in &result.problems {
                self.report(problem.clone());
            }
            Rc::new(result)
        });
        self.calendar = Some(result.clone());
        result
    }

    /// A count the calendar derives (`reports.missed`, `reports.due`): `None` when `path` is
    /// not one or there is no calendar; else the count, or `None` inside when the calendar or
    /// a value given for the same input (`derived_input`) has a problem.
    fn calendar_count(&mut self, path: &str) -> Option<Option<u64>> {
        if !CALENDAR_FACTS.contains(&path) {
            return None;
        }
        let calendar = self.calendar()?;
        if !cell::is_blank(self.lookup(path)) {
            let reports = self.lookup("reports");
            for problem in calendar::derived_input_problems(reports) {
                if problem.path == path {
                    self.report(problem);
                }
            }
            return Some(None);
        }
        // The calendar's values stand only when it read without a problem.
        if !calendar.problems.is_empty() {
            return Some(None);
        }
        let count = if path == "reports.due" {
            calendar.calendar.due()
        } else {
            calendar.calendar.missed()
        };
        Some(Some(count))
    }

    /// The note a derived count brings to its line: the calendar's list of missed months for
    /// `reports.missed` (RUBRIC.md §8), when the calendar is in use and read cleanly.
    pub fn derived_note(&self, path: &str) -> Option<Text> {
        let calendar = self.calendar.as_ref()?.as_ref()?;
        (path == CALENDAR_FACTS[0] && calendar.problems.is_empty())
            .then(|| calendar.calendar.note())
    }

    /// A field of one major the ledger derives: `None` when `field` is not one or there is
    /// no ledger; else its value, or `None` inside when there is a problem (a value given as
    /// well is `derived_input`).
    fn ledger_field(&mut self, index: usize, field: &str) -> Option<Option<&MajorDerived>> {
        if !LEDGER_FIELDS.contains(&field) {
            return None;
        }
        self.ledger()?;
        if !cell::is_blank(self.major_field(index, field)) {
            let given = GivenFields {
                partners: field == "partners",
                campus_base: field == "campus_base",
                external_base: field == "external_base",
            };
            for problem in ledger::derived_input_problems(index, given) {
                self.report(problem);
            }
            return Some(None);
        }
        Some(self.derived_major(index))
    }

    /// Records a problem unless one was already recorded at the same path.
    pub fn report(&mut self, problem: Problem) {
        // When the facts are not even an object, that one problem says everything.
        if self.reported.contains_key("") {
            return;
        }
        if self
            .reported
            .insert(problem.path.clone(), Value::Null)
            .is_none()
        {
            self.problems.push(problem);
        }
    }

    fn failed(&self, path: &str) -> bool {
        self.reported.contains_key(path) || self.reported.contains_key("")
    }

    fn label(&self, path: &str) -> Text {
        match self
            .labels
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, label)| label)
        {
            Some(label) => Text::new(&label.zh, &label.en),
            None => Text::new(path, path),
        }
    }

    fn lookup(&self, path: &str) -> &'a Value {
        let mut node = self.root;
        for key in path.split('.') {
            node = node.get(key).unwrap_or(&Value::Null);
        }
        node
    }

    /// A count at `path` (required).
    pub fn count(&mut self, path: &str) -> Option<u64> {
        if let Some(derived) = self.calendar_count(path) {
            return derived;
        }
        let value = self.lookup(path);
        self.read_count_value(&|| path.to_string(), Subject::Fact, value)
    }

    /// A count that may be absent: `Some(None)` when blank, `None` when bad.
    pub fn optional_count(&mut self, path: &str) -> Option<Option<u64>> {
        if let Some(derived) = self.calendar_count(path) {
            return derived.map(Some);
        }
        let value = self.lookup(path);
        if cell::is_blank(value) {
            return Some(None);
        }
        self.count(path).map(Some)
    }

    /// A yes/no input at `path`.
    pub fn flag(&mut self, path: &str) -> Option<bool> {
        let value = self.lookup(path);
        self.read_flag_value(&|| path.to_string(), Subject::Fact, value)
    }

    /// A yes/no input that may be absent: `Some(None)` when blank, `None` when bad.
    pub fn optional_flag(&mut self, path: &str) -> Option<Option<bool>> {
        if cell::is_blank(self.lookup(path)) {
            return Some(None);
        }
        self.flag(path).map(Some)
    }

    /// One of `choices` at `path`, by value or alias (any case): the index of the choice.
    pub fn choice(&mut self, path: &str, choices: &[Choice]) -> Option<usize> {
        let value = self.lookup(path);
        let label = self.label(path);
        let listed = || {
            let listed = choices
                .iter()
                .map(|c| match c.aliases.first() {
                    Some(alias) => format!("{alias}（{}）", c.value),
                    None => c.value.clone(),
                })
                .collect::<Vec<_>>();
            join(&listed, "、")
        };
        let text = match value {
            Value::String(s) => cell::normalize(s).to_ascii_lowercase(),
            Value::Null => String::new(),
            other => cell::show(other),
        };
        if text.is_empty() {
            let expected = Text::new(
                format!("以下之一：{}", listed()),
                format!("one of {}", listed()),
            );
            self.report(fault_problem(
                path,
                &label,
                value,
                Fault::Missing,
                &expected,
            ));
            return None;
        }
        let found = choices.iter().position(|c| {
            c.value.eq_ignore_ascii_case(&text)
                || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(&text))
        });
        if found.is_none() {
            let expected = Text::new(
                format!("以下之一：{}", listed()),
                format!("one of {}", listed()),
            );
            self.report(fault_problem(
                path,
                &label,
                value,
                Fault::UnknownChoice,
                &expected,
            ));
        }
        found
    }

    /// Text at `path` (required), e.g. the department's name.
    pub fn text(&mut self, path: &str) -> Option<String> {
        let value = self.lookup(path);
        let label = self.label(path);
        match cell::read_text(value) {
            Ok(text) => Some(text),
            Err(fault) => {
                let expected = Text::new("文字", "text");
                self.report(fault_problem(path, &label, value, fault, &expected));
                None
            }
        }
    }

    /// A part and its whole, for a ratio: the whole must be above zero and the part within it.
    pub fn ratio(&mut self, part: &str, whole: &str) -> Option<(u64, u64)> {
        let part_value = self.count(part);
        let w = self.count(whole)?;
        // A zero whole is its own problem, whatever the part holds.
        if w == 0 {
            let label = self.label(whole);
            self.report(Problem::new(
                whole,
                Code::ZeroTotal,
                Text::new(
                    format!(
                        "{}（{whole}）为 0，无法计算比例，应填写大于 0 的人数或数量",
                        label.zh
                    ),
                    format!(
                        "{} ({whole}) is 0, so no ratio can be computed; expected a number above 0",
                        label.en
                    ),
                ),
            ));
            return None;
        }
        let p = part_value?;
        self.within(part, p, whole, w)?;
        Some((p, w))
    }

    /// Checks `part ≤ whole`, reporting `exceeds_total` at the part.
    pub fn within(&mut self, part: &str, p: u64, whole: &str, w: u64) -> Option<()> {
        if p <= w {
            return Some(());
        }
        let (part_label, whole_label) = (self.label(part), self.label(whole));
        self.report(Problem::new(
            part,
            Code::ExceedsTotal,
            Text::new(
                format!(
                    "{}（{part}）为 {p}，超过了{}（{whole}）{w}，部分不能大于总数",
                    part_label.zh, whole_label.zh
                ),
                format!(
                    "{} ({part}) is {p}, more than {} ({whole}) {w}; a part cannot exceed its whole",
                    part_label.en, whole_label.en
                ),
            ),
        ));
        None
    }

    /// Whether the list of majors reads cleanly (reading it once if need be), without a copy.
    fn majors_ok(&mut self) -> bool {
        if self.majors.is_none() {
            let read = self.read_majors().map(Rc::from);
            self.majors = Some(read);
        }
        matches!(self.majors, Some(Some(_)))
    }

    /// The list of majors: present, not empty, every name given and unique.
    pub fn majors(&mut self) -> Option<Rc<[Major]>> {
        if let Some(cached) = &self.majors {
            return cached.clone();
        }
        let read: Option<Rc<[Major]>> = self.read_majors().map(Rc::from);
        self.majors = Some(read.clone());
        read
    }

    fn read_majors(&mut self) -> Option<Vec<Major>> {
        let items = match self.lookup("majors") {
            Value::Array(items) => items,
            other => {
                let (zh, en) = if cell::is_blank(other) {
                    (
                        "专业列表（majors）未填写，应至少列出一个专业".to_string(),
                        "the list of majors (majors) is missing; list at least one major"
                            .to_string(),
                    )
                } else {
                    (
                        format!(
                            "专业列表（majors）应为列表，收到的是「{}」",
                            cell::show(other)
                        ),
                        format!(
                            "the list of majors (majors) should be a list, got “{}”",
                            cell::show(other)
                        ),
                    )
                };
                self.report(Problem::new("majors", Code::Missing, Text::new(zh, en)));
                return None;
            }
        };
        if items.is_empty() {
            self.report(Problem::new(
                "majors",
                Code::NoMajors,
                Text::new(
                    "专业列表（majors）为空，应至少列出一个专业",
                    "the list of majors (majors) is empty; list at least one major",
                ),
            ));
            return None;
        }
        let mut majors = Vec::with_capacity(items.len());
        let mut by_name = Map::new();
        let mut ok = true;
        let mut names_read = true;
        for (index, item) in items.iter().enumerate() {
            let path = format!("majors[{index}].name");
            let value = item.get("name").unwrap_or(&Value::Null);
            let n = index + 1;
            match cell::read_text(value) {
                Ok(name) => {
                    if let Some(first) = by_name.get(&name).and_then(Value::as_u64) {
                        let first = first + 1;
                        self.report(Problem::new(
                            path.as_str(),
                            Code::DuplicateMajor,
                            Text::new(
                                format!("第 {n} 个专业「{name}」与第 {first} 个专业重名（{path}），每个专业只应列出一次"),
                                format!("major {n} “{name}” repeats major {first} ({path}); list each major once"),
                            ),
                        ));
                        ok = false;
                    } else {
                        by_name.insert(name.clone(), Value::from(index));
                        self.major_names.push(name.clone());
                        majors.push(Major { index, name });
                    }
                }
                Err(fault) => {
                    let label = Text::new(
                        format!("第 {n} 个专业的名称"),
                        format!("the name of major {n}"),
                    );
                    let expected = Text::new("专业名称", "the major's name");
                    self.report(fault_problem(&path, &label, value, fault, &expected));
                    ok = false;
                    names_read = false;
                }
            }
        }
        self.major_index = by_name;
        self.major_names_read = names_read;
        ok.then_some(majors)
    }

    fn major_label(&self, index: usize, field_zh: &str, field_en: &str) -> Text {
        let name = self
            .lookup("majors")
            .get(index)
            .and_then(|m| m.get("name"))
            .and_then(|n| cell::read_text(n).ok());
        match name {
            Some(name) => Text::new(
                format!("第 {} 个专业「{name}」的{field_zh}", index + 1),
                format!("{field_en} of major {} “{name}”", index + 1),
            ),
            None => Text::new(
                format!("第 {} 个专业的{field_zh}", index + 1),
                format!("{field_en} of major {}", index + 1),
            ),
        }
    }

    fn major_field(&self, index: usize, field: &str) -> &'a Value {
        self.lookup("majors")
            .get(index)
            .and_then(|m| m.get(field))
            .unwrap_or(&Value::Null)
    }

    /// A count field of one major, e.g. `majors[2].partners`.
    pub fn major_count(
        &mut self,
        index: usize,
        field: &str,
        field_zh: &str,
        field_en: &str,
    ) -> Option<u64> {
        if let Some(derived) = self.ledger_field(index, field) {
            // Only `partners` is a count; a base read as a count is 1 or 0.
            return derived.map(|m| match field {
                "partners" => m.partners,
                "campus_base" => u64::from(m.campus_base),
                _ => u64::from(m.external_base),
            });
        }
        let path = || format!("majors[{index}].{field}");
        let value = self.major_field(index, field);
        self.read_count_value(&path, Subject::Major(index, field_zh, field_en), value)
    }

    /// A yes/no field of one major, e.g. `majors[1].external_base`.
    pub fn major_flag(
        &mut self,
        index: usize,
        field: &str,
        field_zh: &str,
        field_en: &str,
    ) -> Option<bool> {
        if let Some(derived) = self.ledger_field(index, field) {
            return derived.map(|m| match field {
                "campus_base" => m.campus_base,
                "external_base" => m.external_base,
                // `partners` is a count: as a yes/no it says whether there is one.
                _ => m.partners > 0,
            });
        }
        let path = || format!("majors[{index}].{field}");
        let value = self.major_field(index, field);
        self.read_flag_value(&path, Subject::Major(index, field_zh, field_en), value)
    }

    /// The order classes (an empty list is fine): how many there are.
    pub fn order_class_count(&mut self) -> Option<usize> {
        let problem = match self.lookup("order_classes") {
            Value::Array(items) => return Some(items.len()),
            other if cell::is_blank(other) => Text::new(
                "订单班列表（order_classes）未提供；没有订单班时应为空列表",
                "the list of order classes (order_classes) is missing; give an empty list when there are none",
            ),
            other => Text::new(
                format!("订单班列表（order_classes）应为列表，收到的是「{}」", cell::show(other)),
                format!("the list of order classes (order_classes) should be a list, got “{}”", cell::show(other)),
            ),
        };
        self.report(Problem::new("order_classes", Code::Missing, problem));
        None
    }

    fn class_field(&self, index: usize, field: &str) -> &'a Value {
        self.lookup("order_classes")
            .get(index)
            .and_then(|c| c.get(field))
            .unwrap_or(&Value::Null)
    }

    /// How messages name an order class: "第 2 个订单班「中联订单班」".
    fn class_label(&self, index: usize) -> Text {
        let n = index + 1;
        match cell::read_text(self.class_field(index, "name")) {
            Ok(name) => Text::new(
                format!("第 {n} 个订单班「{name}」"),
                format!("order class {n} “{name}”"),
            ),
            Err(_) => Text::new(format!("第 {n} 个订单班"), format!("order class {n}")),
        }
    }

    /// An order class's name (required: the template and the notes name classes).
    pub fn order_class_name(&mut self, index: usize) -> Option<String> {
        let path = format!("order_classes[{index}].name");
        let value = self.class_field(index, "name");
        let n = index + 1;
        match cell::read_text(value) {
            Ok(name) => Some(name),
            Err(fault) => {
                let label = Text::new(
                    format!("第 {n} 个订单班的名称"),
                    format!("the name of order class {n}"),
                );
                self.report(fault_problem(
                    &path,
                    &label,
                    value,
                    fault,
                    &Text::new("班级名称", "the class's name"),
                ));
                None
            }
        }
    }

    /// An order class's head count: at least 1, since a class with no students is not
    /// running (RUBRIC.md C4).
    pub fn order_class_students(&mut self, index: usize) -> Option<u64> {
        let value = self.class_field(index, "students");
        let path = || format!("order_classes[{index}].students");
        let students = self.read_count_value(&path, Subject::ClassStudents(index), value)?;
        if students == 0 {
            let path = path();
            let class = self.class_label(index);
            self.report(Problem::new(
                path.as_str(),
                Code::OutOfRange,
                Text::new(
                    format!("{}的学生人数（{path}）为 0：没有学生的订单班不在办，应填写不小于 1 的人数，或删去该班", class.zh),
                    format!("students of {} ({path}) is 0: a class with no students is not running; expected 1 or more, or remove the class", class.en),
                ),
            ));
            return None;
        }
        Some(students)
    }

    /// The major an order class belongs to, as an index into `majors` (which must name it).
    pub fn order_class_major(&mut self, index: usize) -> Option<usize> {
        let majors_ok = self.majors_ok();
        let path = || format!("order_classes[{index}].major");
        let value = self.class_field(index, "major");
        let major_name = match cell::read_text(value) {
            Ok(name) => name,
            Err(fault) => {
                let (path, class) = (path(), self.class_label(index));
                let label = Text::new(
                    format!("{}的所属专业", class.zh),
                    format!("the major of {}", class.en),
                );
                let expected = Text::new("专业列表中的一个专业名称", "the name of a listed major");
                self.report(fault_problem(&path, &label, value, fault, &expected));
                return None;
            }
        };
        if let Some(major) = self.major_index.get(&major_name).and_then(Value::as_u64) {
            return usize::try_from(major).ok().filter(|_| majors_ok);
        }
        // A class naming no listed major is its own problem even when the list has another
        // (a duplicate name): only when some major's name could not be read may the class
        // mean that one, and then the name's problem says enough.
        if !self.major_names_read {
            return None;
        }
        let known = join(&self.major_names, "、");
        let (path, class) = (path(), self.class_label(index));
        self.report(Problem::new(
            path.as_str(),
            Code::UnknownMajor,
            Text::new(
                format!("{}所属专业「{major_name}」不在专业列表中（{path}），应为：{known}", class.zh),
                format!("{} names the major “{major_name}”, which is not in the list of majors ({path}); expected one of: {known}", class.en),
            ),
        ));
        None
    }

    /// How messages name an input; built only when there is a problem to report.
    fn subject_label(&self, path: &str, subject: Subject) -> Text {
        match subject {
            Subject::Fact => self.label(path),
            Subject::Major(index, field_zh, field_en) => {
                self.major_label(index, field_zh, field_en)
            }
            Subject::ClassStudents(index) => {
                let class = self.class_label(index);
                Text::new(
                    format!("{}的学生人数", class.zh),
                    format!("students of {}", class.en),
                )
            }
        }
    }

    fn read_count_value(
        &mut self,
        path: &dyn Fn() -> String,
        subject: Subject,
        value: &Value,
    ) -> Option<u64> {
        self.read_value(path, subject, value, cell::read_count, count_expected)
    }

    fn read_flag_value(
        &mut self,
        path: &dyn Fn() -> String,
        subject: Subject,
        value: &Value,
    ) -> Option<bool> {
        self.read_value(path, subject, value, cell::read_bool, bool_expected)
    }

    /// Reads one value with `read`; a fault becomes a problem naming the input. The path is
    /// built only when needed: while nothing is wrong (the usual case) no text is made.
    fn read_value<T>(
        &mut self,
        path: &dyn Fn() -> String,
        subject: Subject,
        value: &Value,
        read: fn(&Value) -> Result<T, Fault>,
        expected: fn() -> Text,
    ) -> Option<T> {
        if !self.reported.is_empty() && self.failed(&path()) {
            return None;
        }
        match read(value) {
            Ok(read) => Some(read),
            Err(fault) => {
                let path = path();
                let label = self.subject_label(&path, subject);
                self.report(fault_problem(&path, &label, value, fault, &expected()));
                None
            }
        }
    }
}

/// The one place a reading fault becomes a located, plain-language problem.
pub fn fault_problem(
    path: &str,
    label: &Text,
    value: &Value,
    fault: Fault,
    expected: &Text,
) -> Problem {
    let (code, reason_zh, reason_en) = match fault {
        Fault::Missing => (Code::Missing, "", ""),
        Fault::NotANumber => (Code::NotANumber, "不是数字", "not a number"),
        Fault::NotAnInteger => (Code::NotAnInteger, "不是整数", "not a whole number"),
        Fault::Negative => (Code::Negative, "不能为负数", "which is negative"),
        Fault::NotABool => (Code::NotABool, "无法识别为是或否", "neither yes nor no"),
        Fault::UnknownChoice => (Code::UnknownChoice, "不是可选项", "not one of the choices"),
        Fault::TooLarge => (Code::OutOfRange, "数值过大", "far too large"),
    };
    let (zh, en) = if fault == Fault::Missing {
        (
            format!("{}（{path}）未填写，应填写{}", label.zh, expected.zh),
            format!("{} ({path}) is missing; expected {}", label.en, expected.en),
        )
    } else {
        let shown = cell::show(value);
        (
            format!(
                "{}（{path}）填的是「{shown}」，{reason_zh}，应填写{}",
                label.zh, expected.zh
            ),
            format!(
                "{} ({path}) is “{shown}”, {reason_en}; expected {}",
                label.en, expected.en
            ),
        )
    };
    Problem::new(path, code, Text::new(zh, en))
}
