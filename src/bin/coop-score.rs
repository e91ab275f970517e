//! Scores departments' facts files and prints their score sheets.
//!
//!     coop-score [--en] [--json] [--rubric RUBRIC.json] [FACTS.json ...]
//!
//! With no file it scores `examples/department.json`, the RUBRIC.md §3 department.

use coop_engine::{report, Locale, Rubric};
use std::process::ExitCode;

const EXAMPLE: &str = include_str!("../../examples/department.json");

struct Args {
    locale: Locale,
    json: bool,
    rubric: Option<String>,
    files: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        locale: Locale::Zh,
        json: false,
        rubric: None,
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--en" => args.locale = Locale::En,
            "--json" => args.json = true,
            "--rubric" => args.rubric = Some(it.next().ok_or("--rubric needs a file")?),
            "-h" | "--help" => {
                return Err(
                    "usage: coop-score [--en] [--json] [--rubric RUBRIC.json] [FACTS.json ...]"
                        .into(),
                )
            }
            _ => args.files.push(arg),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let rubric = match &args.rubric {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                Rubric::from_json(&text)
                    .map_err(|problems| coop_engine::problem::join_messages(&problems, args.locale))
            }) {
            Ok(rubric) => rubric,
            Err(message) => {
                eprintln!("{path}: {message}");
                return ExitCode::from(2);
            }
        },
        None => coop_engine::builtin().clone(),
    };
    let inputs: Vec<(String, Result<String, String>)> = if args.files.is_empty() {
        vec![("examples/department.json".into(), Ok(EXAMPLE.to_string()))]
    } else {
        args.files
            .iter()
            .map(|f| {
                (
                    f.clone(),
                    std::fs::read_to_string(f).map_err(|e| e.to_string()),
                )
            })
            .collect()
    };
    let mut failed = false;
    for (name, text) in inputs {
        let facts = text
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).map_err(|e| e.to_string()));
        let facts = match facts {
            Ok(facts) => facts,
            Err(message) => {
                eprintln!("{name}: {message}");
                failed = true;
                continue;
            }
        };
        let result = coop_engine::assess_department(&rubric, &facts, args.locale);
        if args.json {
            failed |= result.is_err();
            println!(
                "{}",
                report::assessment_json(&result, rubric.decimals, args.locale)
            );
            continue;
        }
        let warnings = match result {
            Ok(score) => {
                print_sheet(&score, args.locale);
                score.warnings
            }
            Err(rejected) => {
                failed = true;
                eprintln!("{name}:");
                for p in &rejected.problems {
                    eprintln!("  [{}] {}", p.code.as_str(), p.message(args.locale));
                }
                rejected.warnings
            }
        };
        // Warnings change no score: shown after the sheet (or the errors), never failing.
        for w in &warnings {
            eprintln!("  ({}) {}", w.code.as_str(), w.message(args.locale));
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_sheet(score: &coop_engine::DepartmentScore, locale: Locale) {
    use coop_engine::format::num;
    let zh = locale == Locale::Zh;
    println!(
        "{} {}",
        score.department,
        score.year.as_deref().unwrap_or("")
    );
    println!(
        "{}",
        if zh {
            "编号  分值  基础  扣分  加分  得分  考核内容"
        } else {
            "line   max  base   ded bonus score  item"
        }
    );
    for line in &score.lines {
        println!(
            "{:<4}{:>5} {:>5} {:>5} {:>5} {:>5}  {}",
            line.id,
            num(line.max),
            num(line.base),
            num(line.deduction),
            num(line.bonus),
            num(line.score),
            line.name
        );
        for note in &line.notes {
            println!("{:34}· {}", "", note);
        }
    }
    for c in &score.categories {
        println!("{} {} ({}): {}", c.id, c.name, num(c.max), num(c.score));
    }
    if zh {
        println!(
            "扣分合计 {}，加分合计 {}，总分 {}",
            num(score.deduction_total),
            num(score.bonus_total),
            num(score.total)
        );
    } else {
        println!(
            "deductions {}, bonuses {}, total {}",
            num(score.deduction_total),
            num(score.bonus_total),
            num(score.total)
        );
    }
}
