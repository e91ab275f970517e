//! The engine's JavaScript face, run as WebAssembly in Node by wasm-bindgen-test:
//! `cargo test --target wasm32-unknown-unknown --test wasm`.
#![cfg(target_arch = "wasm32")]

use coop_engine::wasm::cells::{credit_code, filing_days, missed_months};
use coop_engine::wasm::{
    derived_inputs, platform_targets, rank_departments, rubric_info, score_department, score_line,
    validate_facts, weighted_score,
};
use js_sys::{Function, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "common/hints.rs"]
mod hints;
#[path = "common/patch.rs"]
mod patch;
use patch::{merge_patch, patch_rubric};

const BASE: &str = include_str!("cases/base-facts.json");
const SUITES: &[&str] = &[
    include_str!("cases/example.json"),
    include_str!("cases/a-organisation.json"),
    include_str!("cases/b1-partners.json"),
    include_str!("cases/c1-curriculum.json"),
    include_str!("cases/c2-bases.json"),
    include_str!("cases/c3-c4-orders.json"),
    include_str!("cases/c5-internship.json"),
    include_str!("cases/c6-employment.json"),
    include_str!("cases/c7-faculty.json"),
    include_str!("cases/input-forms.json"),
    include_str!("cases/errors.json"),
    include_str!("cases/ledger.json"),
    include_str!("cases/hints.json"),
];

const OPTION_SUITES: &[&str] = &[
    include_str!("cases/options/rubric-options.json"),
    include_str!("cases/options/hints-options.json"),
];

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property")
}

/// Every line's `hints` a case expects, as they cross the JS face.
fn assert_hints(result: &Value, expect: &Value, what: &Value) {
    for (id, want) in expect["items"].as_object().into_iter().flatten() {
        let Some(want) = want.get("hints") else {
            continue;
        };
        let got = result["items"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|i| i["id"] == id.as_str())
            .map_or(&Value::Null, |i| &i["hints"]);
        let wrong = hints::hint_mismatches(id, want, got);
        assert!(wrong.is_empty(), "{what}: {}", wrong.join("; "));
    }
}

#[wasm_bindgen_test]
fn the_example_scores_88_through_the_js_face() {
    let result = score_department(&js(BASE), &JsValue::UNDEFINED);
    assert_eq!(get(&result, "ok"), JsValue::TRUE);
    assert_eq!(get(&result, "total").as_f64(), Some(88.0));
    assert_eq!(get(&result, "deduction_total").as_f64(), Some(11.0));
    assert_eq!(get(&result, "bonus_total").as_f64(), Some(7.0));
}

#[wasm_bindgen_test]
fn every_golden_case_gives_the_same_totals_and_error_codes() {
    let base: Value = serde_json::from_str(BASE).unwrap();
    let mut checked = 0;
    for suite in SUITES {
        let suite: Value = serde_json::from_str(suite).unwrap();
        for case in suite["cases"].as_array().unwrap() {
            let facts = match case.get("facts") {
                Some(facts) => facts.clone(),
                None => {
                    // A case without a patch scores the base facts as they are.
                    let mut facts = base.clone();
                    if let Some(patch) = case.get("patch") {
                        merge_patch(&mut facts, patch);
                    }
                    facts
                }
            };
            let result = score_department(&js(&facts.to_string()), &JsValue::UNDEFINED);
            let result: Value =
                serde_json::from_str(&String::from(JSON::stringify(&result).unwrap())).unwrap();
            let expect = &case["expect"];
            assert_eq!(result["ok"], expect["ok"], "{}", case["description"]);
            if let Some(total) = expect["total"].as_f64() {
                assert_eq!(
                    result["total"].as_f64(),
                    Some(total),
                    "{}",
                    case["description"]
                );
            }
            assert_hints(&result, expect, &case["description"]);
            if let Some(errors) = expect["errors"].as_array() {
                let mut want: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{} {}", e["path"], e["code"]))
                    .collect();
                let mut got: Vec<String> = result["errors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| format!("{} {}", e["path"], e["code"]))
                    .collect();
                want.sort();
                got.sort();
                assert_eq!(want, got, "{}", case["description"]);
            }
            if let Some(warnings) = expect["warnings"].as_array() {
                let key = |e: &Value| format!("{} {}", e["path"], e["code"]);
                let mut want: Vec<String> = warnings.iter().map(key).collect();
                let mut got: Vec<String> = result["warnings"]
                    .as_array()
                    .expect("warnings[] in the result")
                    .iter()
                    .map(key)
                    .collect();
                want.sort();
                got.sort();
                assert_eq!(want, got, "{}", case["description"]);
            }
            checked += 1;
        }
    }
    assert!(checked >= 40);
}

/// The §3 department with its B1 and C2 inputs taken from a ledger and A3's from a calendar.
fn ledger_facts() -> Value {
    let mut facts: Value = serde_json::from_str(BASE).unwrap();
    merge_patch(
        &mut facts,
        &serde_json::json!({
            "majors": [{"name": "机电一体化技术"}, {"name": "工业机器人技术"}, {"name": "电气自动化技术"}],
            "reports": {"due": null, "missed": null,
                        "months": {"2023-09": "2023-09-04", "2023-11": "2023-11-07"}},
            "projects": [
                {"enterprise": "三一重工股份有限公司", "major": "机电一体化技术",
                 "forms": "校内实训基地、校外实训基地", "signed": "2023-03-01", "filed": "2023-03-10",
                 "self_checks": {"1": "2024-01-10", "2": "2024-07-01"}}
            ]
        }),
    );
    facts
}

#[wasm_bindgen_test]
fn ledger_and_calendar_through_the_js_face() {
    let facts = js(&ledger_facts().to_string());
    let result = score_department(&facts, &JsValue::UNDEFINED);
    // The warnings come last, after the totals (the JS object keeps the fields' order).
    let keys = js_sys::Object::keys(&result.clone().into());
    assert_eq!(
        keys.get(keys.length() - 1).as_string().as_deref(),
        Some("warnings")
    );
    let result: Value =
        serde_json::from_str(&String::from(JSON::stringify(&result).unwrap())).unwrap();
    assert_eq!(result["ok"], Value::Bool(true), "{result}");
    // B1: 机电 1 partner, the other two none → 10 − 6 = 4. A3: 8 due, 2023-09 on time,
    // 2023-11 late, six not reported → 7 missed → 3.
    let item = |id: &str| {
        result["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item("B1")["score"].as_f64(), Some(4.0));
    assert_eq!(item("A3")["score"].as_f64(), Some(3.0));
    assert_eq!(result["warnings"][0]["path"], "projects[0].filed");
    assert_eq!(result["warnings"][0]["code"], "filing_late");
    // validateFacts reports the same warning, in English on request, with `ok` true.
    let checked = validate_facts(&facts, &js(r#"{"locale": "en"}"#));
    let checked: Value =
        serde_json::from_str(&String::from(JSON::stringify(&checked).unwrap())).unwrap();
    assert_eq!(checked["ok"], Value::Bool(true));
    let message = checked["warnings"][0]["message"].as_str().unwrap();
    assert!(message.contains("9 days later"), "{message}");
    // scoreLine needs only what its line reads.
    let b1 = score_line(
        "B1",
        &js(
            r#"{"year": "2023-2024", "majors": [{"name": "甲"}, {"name": "乙"}],
               "projects": [{"enterprise": "A", "major": "甲", "forms": "其他", "signed": "2023-10-01"},
                            {"enterprise": "B", "major": "甲", "forms": "其他", "signed": "2023-10-01"}]}"#,
        ),
        &JsValue::UNDEFINED,
    );
    assert_eq!(get(&get(&b1, "item"), "score").as_f64(), Some(8.0));
    let a3 = score_line(
        "A3",
        &js(r#"{"year": "2023-2024", "reports": {"months": {"2023-09": "2023-09-04"}}}"#),
        &JsValue::UNDEFINED,
    );
    assert_eq!(get(&get(&a3, "item"), "score").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
fn js_numbers_arrive_as_the_decimals_typed() {
    assert_eq!(
        weighted_score(
            &JsValue::from_f64(70.335),
            &JsValue::from_f64(80.1725),
            &JsValue::UNDEFINED
        ),
        76.24
    );
    assert_eq!(
        weighted_score(
            &JsValue::from_f64(87.0),
            &JsValue::from_f64(91.5),
            &JsValue::UNDEFINED
        ),
        89.7
    );
    assert_eq!(
        weighted_score(
            &JsValue::from_str("87.5"),
            &JsValue::from_str("８０"),
            &JsValue::UNDEFINED
        ),
        83.0
    );
}

#[wasm_bindgen_test]
fn weighted_score_throws_a_chinese_error_on_bad_input() {
    // Call through JS so the thrown Error can be caught and read.
    let call = Function::new_with_args(
        "f, a, b",
        "try { f(a, b); return null } catch (e) { return e.message }",
    );
    let f = wasm_bindgen::closure::Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|a, b| {
        JsValue::from_f64(weighted_score(&a, &b, &JsValue::UNDEFINED))
    });
    let message = call
        .call3(
            &JsValue::NULL,
            f.as_ref().unchecked_ref(),
            &JsValue::from_str("abc"),
            &JsValue::from_f64(200.0),
        )
        .unwrap()
        .as_string()
        .expect("an error");
    assert!(
        message.contains("「abc」") && message.contains("不是数字") && message.contains("超出范围"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn ranks_share_and_skip() {
    let rows = js(
        r#"[{"department":"甲","s1":90,"s2":90},{"department":"乙","s1":95,"s2":80},{"department":"丙","s1":90,"s2":90},{"department":"丁","s1":60,"s2":60}]"#,
    );
    let ranked = rank_departments(&rows, &JsValue::UNDEFINED);
    let ranks: Vec<f64> = js_sys::Array::from(&ranked)
        .iter()
        .map(|r| get(&r, "rank").as_f64().unwrap())
        .collect();
    assert_eq!(ranks, [1.0, 3.0, 1.0, 4.0]);
}

#[wasm_bindgen_test]
fn any_js_value_gives_an_answer_never_a_trap() {
    let odd = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(f64::NAN),
        JsValue::from_str("facts"),
        js_sys::Symbol::for_("x").into(),
        js_sys::BigInt::from(12).into(),
        Function::new_no_args("return 1").into(),
        js(
            r#"{"majors": [null, 1, "x", {"name": {}}], "order_classes": {"a": 1}, "internship": [1, 2]}"#,
        ),
    ];
    for value in odd {
        let result = score_department(&value, &JsValue::UNDEFINED);
        assert_eq!(get(&result, "ok"), JsValue::FALSE);
        assert_eq!(
            get(&validate_facts(&value, &JsValue::UNDEFINED), "ok"),
            JsValue::FALSE
        );
        assert_eq!(
            get(&score_line("C5", &value, &JsValue::UNDEFINED), "ok"),
            JsValue::FALSE
        );
    }
    // A cyclic object is cut off, not followed forever.
    let cyclic = js_sys::Object::new();
    Reflect::set(&cyclic, &JsValue::from_str("self"), &cyclic).unwrap();
    assert_eq!(
        get(&score_department(&cyclic.into(), &JsValue::UNDEFINED), "ok"),
        JsValue::FALSE
    );
}

#[wasm_bindgen_test]
fn score_line_needs_only_its_own_facts() {
    let result = score_line(
        "c5",
        &js(r#"{"internship": {"local": "１１４", "total": " 200 "}}"#),
        &JsValue::UNDEFINED,
    );
    assert_eq!(get(&get(&result, "item"), "score").as_f64(), Some(19.0));
    let info = rubric_info(&js(r#"{"locale": "en"}"#));
    assert_eq!(get(&info, "max_total").as_f64(), Some(118.0));
    assert_eq!(js_sys::Array::from(&get(&info, "lines")).length(), 12);
}

/// The option suites through the JS face: the patched rubric crosses as `options.rubric`.
#[wasm_bindgen_test]
fn every_option_case_gives_the_same_numbers_and_located_refusals() {
    let base: Value = serde_json::from_str(BASE).unwrap();
    let builtin: Value = serde_json::from_str(coop_engine::rubric::TRIAL_2023).unwrap();
    let mut checked = 0;
    for suite in OPTION_SUITES {
        let suite: Value = serde_json::from_str(suite).unwrap();
        for case in suite["cases"].as_array().unwrap() {
            let mut facts = base.clone();
            if let Some(patch) = case.get("patch") {
                merge_patch(&mut facts, patch);
            }
            let mut rubric = builtin.clone();
            patch_rubric(&mut rubric, &case["rubric_patch"]);
            let options = serde_json::json!({ "rubric": rubric });
            let result = score_department(&js(&facts.to_string()), &js(&options.to_string()));
            let result: Value =
                serde_json::from_str(&String::from(JSON::stringify(&result).unwrap())).unwrap();
            let expect = &case["expect"];
            let what = &case["description"];
            assert_eq!(result["ok"], expect["ok"], "{what}: {result}");
            for field in ["total", "deduction_total", "bonus_total"] {
                if let Some(want) = expect[field].as_f64() {
                    assert_eq!(result[field].as_f64(), Some(want), "{what}: {field}");
                }
            }
            for (id, want) in expect["items"].as_object().into_iter().flatten() {
                let got = result["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|i| i["id"] == id.as_str())
                    .unwrap();
                for field in ["base", "deduction", "bonus", "score"] {
                    assert_eq!(
                        got[field].as_f64(),
                        want[field].as_f64(),
                        "{what}: {id}.{field}"
                    );
                }
            }
            assert_hints(&result, expect, what);
            if let Some(errors) = expect["errors"].as_array() {
                let key = |e: &Value| format!("{} {}", e["path"], e["code"]);
                let mut want: Vec<String> = errors.iter().map(key).collect();
                let mut got: Vec<String> = result["errors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(key)
                    .collect();
                want.sort();
                got.sort();
                assert_eq!(want, got, "{what}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 15);
}

/// A JS object graph with repeated references (each level refers twice to the next) would
/// take 2^depth steps to walk naively; the bounded reader answers at once.
#[wasm_bindgen_test]
fn repeated_references_cost_bounded_work() {
    let make = Function::new_no_args(
        "let o = {department: '甲'}; for (let i = 0; i < 60; i++) { o = {x: o, y: o, majors: o, internship: o}; } return o;",
    );
    let deep = make.call0(&JsValue::NULL).unwrap();
    let started = js_sys::Date::now();
    let result = score_department(&deep, &JsValue::UNDEFINED);
    assert_eq!(get(&result, "ok"), JsValue::FALSE);
    let rubric = js_sys::Object::new();
    Reflect::set(&rubric, &JsValue::from_str("rubric"), &deep).unwrap();
    let refused = score_department(&js(BASE), &rubric.into());
    assert_eq!(get(&refused, "ok"), JsValue::FALSE);
    assert!(js_sys::Date::now() - started < 5_000.0, "took too long");
}

const PLATFORM_SUITE: &str = include_str!("platform-cases/targets.json");

/// The platform-target suite (tests/platform-cases) through `platformTargets`: every
/// department's rows, errors and the college's figures as the native runner checks them.
#[wasm_bindgen_test]
fn every_platform_case_through_the_js_face() {
    let base: Value = serde_json::from_str(BASE).unwrap();
    let suite: Value = serde_json::from_str(PLATFORM_SUITE).unwrap();
    let mut checked = 0;
    for case in suite["cases"].as_array().unwrap() {
        let list: Vec<Value> = case["departments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                d.get("facts").cloned().unwrap_or_else(|| {
                    let mut facts = base.clone();
                    merge_patch(&mut facts, &d["patch"]);
                    facts
                })
            })
            .collect();
        let result = platform_targets(&js(&Value::Array(list).to_string()), &JsValue::UNDEFINED);
        let result: Value =
            serde_json::from_str(&String::from(JSON::stringify(&result).unwrap())).unwrap();
        let what = &case["description"];
        let same = |a: &Value, b: &Value| a == b || (a.is_number() && a.as_f64() == b.as_f64());
        let want = case["expect"]["departments"].as_array().unwrap();
        let got = result["departments"].as_array().unwrap();
        assert_eq!(want.len(), got.len(), "{what}");
        for (w, g) in want.iter().zip(got) {
            assert_eq!(w["department"], g["department"], "{what}");
            if let Some(errors) = w["errors"].as_array() {
                let key = |e: &Value| format!("{} {}", e["path"], e["code"]);
                let mut w: Vec<String> = errors.iter().map(key).collect();
                let mut g: Vec<String> = g["errors"].as_array().unwrap().iter().map(key).collect();
                w.sort();
                g.sort();
                assert_eq!(w, g, "{what}");
                continue;
            }
            for (id, t) in w["targets"].as_object().unwrap() {
                let row = g["targets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["id"] == id.as_str())
                    .unwrap();
                assert!(same(&t["actual"], &row["actual"]), "{what}: {id} {row}");
                assert_eq!(t["met"], row["met"], "{what}: {id}");
            }
        }
        for (id, c) in case["expect"]["college"].as_object().unwrap() {
            let row = result["college"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == id.as_str())
                .unwrap();
            for field in ["actual", "departments_met", "departments_reported"] {
                assert!(same(&c[field], &row[field]), "{what}: college {id} {row}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 10);
}

// --- the one-cell exports of the worksheet functions (src/wasm/cells.rs) ---------------------

/// The message of the `Error` a call throws, or `None` when it answers; a trap reads
/// "trap: …" (a `WebAssembly.RuntimeError` is an `Error` too).
fn thrown(call: impl Fn() -> JsValue + 'static) -> Option<String> {
    let f = wasm_bindgen::closure::Closure::<dyn Fn() -> JsValue>::new(call);
    let catch = Function::new_with_args(
        "f",
        "try { f(); return null } catch (e) { \
         return (e instanceof WebAssembly.RuntimeError ? 'trap: ' : '') + \
         (e instanceof Error ? e.message : 'not an Error') }",
    );
    catch
        .call1(&JsValue::NULL, f.as_ref().unchecked_ref())
        .unwrap()
        .as_string()
}

fn en() -> JsValue {
    js(r#"{"locale": "en"}"#)
}

fn days(signed: JsValue, filed: JsValue) -> f64 {
    filing_days(&signed, &filed, &JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn filing_days_counts_whole_days_in_every_date_form() {
    let s = |t: &str| JsValue::from_str(t);
    let n = JsValue::from_f64;
    // RUBRIC.md §7: 2023-03-01 → 2023-03-09 is 8 days.
    assert_eq!(days(s("2023-03-01"), s("2023-03-09")), 8.0);
    // Serial 44986 is 2023-03-01 (45000 is 2023-03-15, 14 days later); 44994 is 2023-03-09;
    // a fraction is a time of day.
    assert_eq!(days(n(44986.0), n(44994.0)), 8.0);
    assert_eq!(days(n(44986.75), s("2023/3/9")), 8.0);
    assert_eq!(days(s("44986"), s("2023年3月9日")), 8.0);
    assert_eq!(days(s("2023.3.1"), s("２０２３－０３－０６ 10:30")), 5.0);
    // Across 2024-02-29.
    assert_eq!(days(s("2024-02-28"), s("2024-03-01")), 2.0);
    assert_eq!(days(s("2023-03-01"), s("2023-03-01")), 0.0);
}

#[wasm_bindgen_test]
fn filing_days_refuses_with_located_messages() {
    let message = |signed: JsValue, filed: JsValue, options: JsValue| {
        thrown(move || JsValue::from_f64(filing_days(&signed, &filed, &options))).expect("an error")
    };
    let s = |t: &str| JsValue::from_str(t);
    let m = message(s("2023-03-09"), s("2023-03-01"), JsValue::UNDEFINED);
    assert!(
        m.contains("备案日期（filed）填的是「2023-03-01」，早于签订日期 2023-03-09"),
        "{m}"
    );
    let m = message(s("明天"), JsValue::NULL, JsValue::UNDEFINED);
    assert!(
        m.contains("签订日期（signed）填的是「明天」，无法识别为日期"),
        "{m}"
    );
    assert!(m.contains("备案日期（filed）未填写"), "{m}");
    // 60 is the fictitious 1900-02-29.
    let m = message(JsValue::from_f64(60.0), s("2023-03-01"), JsValue::UNDEFINED);
    assert!(m.contains("「60」") && m.contains("无法识别为日期"), "{m}");
    let m = message(s("2023-03-09"), s("2023-03-01"), en());
    assert!(m.contains("before the signing date 2023-03-09"), "{m}");
}

fn check(code: JsValue, options: JsValue) -> (bool, String) {
    let answer = credit_code(&code, &options);
    (
        get(&answer, "valid").as_bool().expect("valid"),
        get(&answer, "message").as_string().expect("message"),
    )
}

#[wasm_bindgen_test]
fn credit_codes_by_gb_32100() {
    let s = |t: &str| JsValue::from_str(t);
    // RUBRIC.md §7's code. By hand: values 9,1,4,3,0,1,0,0,M=21,A=10,4,L=20,1,6,J=18,K=19,0
    // × weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 = 9+3+36+81+26+420+290+100
    // +260+8+144+180+570 = 2127; 2127 mod 31 = 19; 31 − 19 = 12 → "C".
    let (valid, message) = check(s("91430100MA4L16JK0C"), JsValue::UNDEFINED);
    assert!(valid, "{message}");
    assert!(message.contains("统一社会信用代码校验通过"), "{message}");
    // Full-width, lower case and spaces fold to the same code.
    assert!(check(s(" ９１４３０１００ma4l16jk0c　"), JsValue::UNDEFINED).0);
    let (valid, message) = check(s("91430100MA4L16JK0D"), JsValue::UNDEFINED);
    assert!(!valid);
    assert!(message.contains("按前 17 位应为「C」"), "{message}");
    let (_, message) = check(s("91430100MA4L16JK0D"), en());
    assert!(message.contains("call for “C”"), "{message}");
    let (valid, message) = check(s("91430100MA4L16JK0"), JsValue::UNDEFINED);
    assert!(
        !valid && message.contains("有 17 个字符，不是 18 个"),
        "{message}"
    );
    let (valid, message) = check(s("91430100MA4L16JKOC"), JsValue::UNDEFINED);
    assert!(!valid && message.contains("第 17 个字符「O」"), "{message}");
    let (valid, message) = check(JsValue::from_f64(914301001234.0), JsValue::UNDEFINED);
    assert!(!valid && message.contains("不是文字"), "{message}");
    let (valid, message) = check(s(" "), JsValue::UNDEFINED);
    assert!(!valid && message.contains("未填写"), "{message}");
}

fn months_answer(year: &str, months: &str) -> Value {
    let answer = missed_months(&JsValue::from_str(year), &js(months), &JsValue::UNDEFINED);
    serde_json::from_str(&String::from(JSON::stringify(&answer).unwrap())).unwrap()
}

#[wasm_bindgen_test]
fn missed_months_from_reports_months() {
    // RUBRIC.md §8 for 2023-2024: due 2023-09 … -12 and 2024-03 … -06. 45413 is 2024-05-01
    // (45292 is 2024-01-01, + 31 + 29 + 31 + 30).
    let a = months_answer(
        "2023-2024",
        r#"{"2023-9": "2023-09-04", "2023-10": "2023-10-05", "2023-11": "2023-11-07",
            "2023-12": "2023-11-30", "2024-03": " Rejected ", "2024-04": "",
            "2024-05": 45413, "2024-06": "2024年6月5日 17:30"}"#,
    );
    assert_eq!(a["year"], "2023-2024");
    assert_eq!(
        (a["due"].as_u64(), a["missed"].as_u64()),
        (Some(8), Some(3))
    );
    assert_eq!(
        a["note"],
        "2023年11月 逾期（11月7日）；2024年3月 退回；2024年4月 未上报"
    );
    let statuses: Vec<&str> = a["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "on_time",
            "on_time",
            "late",
            "on_time",
            "rejected",
            "not_reported",
            "on_time",
            "on_time"
        ]
    );
    assert_eq!(a["months"][2]["date"], "2023-11-07");
    assert_eq!(a["months"][6]["date"], "2024-05-01");
    // `{}`: every due month missed.
    let a = months_answer("2023-2024", "{}");
    assert_eq!(
        (a["due"].as_u64(), a["missed"].as_u64()),
        (Some(8), Some(8))
    );
}

#[wasm_bindgen_test]
fn missed_months_from_a_sheets_columns() {
    // Headings as a spreadsheet stores a typed month: the serial of its first day
    // (2023-09-01 = 45292 − 122 = 45170; 2023-11-01 = 45231; 2024-03-01 = 45292 + 31 + 29
    // = 45352), or text. Dates: 45173 = 2023-09-04, 45237 = 2023-11-07 (late).
    let a = months_answer(
        "2023—2024学年",
        r#"[{"month": 45170, "date": 45173},
            {"month": "2023年10月", "date": "2023/10/5"},
            {"month": 45231, "date": 45237},
            {"month": "2023-12", "date": ""},
            {"month": 45352, "date": "2024-03-05", "review": "退 回"},
            {"month": "2024-4", "date": "2024年4月3日"},
            {"month": "2024-05-01", "date": "2024-05-06"},
            {"month": null, "date": "", "review": null}]"#,
    );
    assert_eq!(
        (a["due"].as_u64(), a["missed"].as_u64()),
        (Some(8), Some(5))
    );
    assert_eq!(
        a["note"],
        "2023年11月 逾期（11月7日）；2023年12月 未上报；2024年3月 退回；2024年5月 逾期（5月6日）；2024年6月 未上报"
    );
}

#[wasm_bindgen_test]
fn missed_months_refuses_with_every_problem_located() {
    let message = |year: &str, months: &str| {
        let (year, months) = (JsValue::from_str(year), js(months));
        thrown(move || missed_months(&year, &months, &JsValue::UNDEFINED)).expect("an error")
    };
    let m = message(
        "2023-2024",
        r#"[{"month": "2024-01", "date": "2024-01-03"},
            {"month": "2023-09", "date": "soon"},
            {"month": 45170, "date": "2023-09-01"},
            {"month": "2023-10", "date": "2023-10-01", "review": "通过"},
            {"month": "", "date": "2023-11-01"},
            {"month": "九月", "date": ""}]"#,
    );
    for part in [
        "月报（reports.months.2024-01）的月份「2024-01」不是 2023-2024 学年应报的月份",
        "2023年9月 月报的上报日期（reports.months.2023-09）填的是「soon」，无法识别为日期",
        "月份（months[2].month）填的是「2023-09」，与前面一列是同一个月",
        "月报的考评意见（months[3].review）填的是「通过」，不是认可的考评意见",
        "月份（months[4].month）未填写",
        "月报（reports.months.九月）的月份「九月」不是 2023-2024 学年应报的月份",
    ] {
        assert!(m.contains(part), "{part} in {m}");
    }
    let m = message("2023", "{}");
    assert!(m.contains("考核学年（year）填的是「2023」"), "{m}");
    let m = message("2023-2024", r#"{"2024-01": ""}"#);
    assert!(m.contains("不是 2023-2024 学年应报的月份"), "{m}");
    let (year, months) = (JsValue::from_str("2023-2024"), js(r#"{"2023-13": ""}"#));
    let m = thrown(move || missed_months(&year, &months, &en())).expect("an error");
    assert!(m.contains("is not a due month of 2023-2024"), "{m}");
}

#[wasm_bindgen_test]
fn the_cell_exports_never_trap() {
    let odd = || {
        [
            JsValue::UNDEFINED,
            JsValue::NULL,
            JsValue::from_f64(f64::NAN),
            JsValue::from_f64(f64::INFINITY),
            JsValue::from_f64(-1.0e300),
            JsValue::TRUE,
            js_sys::Symbol::for_("x").into(),
            js_sys::BigInt::from(12).into(),
            Function::new_no_args("return 1").into(),
            js(r#"[[1, 2], {"month": {}}]"#),
            js(r#"{"2023-09": [1], "x": {}}"#),
        ]
    };
    let no_trap = |answer: Option<String>| {
        assert!(!answer.is_some_and(|m| m.starts_with("trap")), "a trap");
    };
    for a in odd() {
        assert!(get(&credit_code(&a, &a), "valid").is_falsy());
        for b in odd() {
            // BigInt 12 reads as the serial 12 (1900-01-12): that pair answers 0 days.
            let (a1, b1) = (a.clone(), b.clone());
            no_trap(thrown(move || {
                JsValue::from_f64(filing_days(&a1, &b1, &a1))
            }));
            let (a2, b2) = (a.clone(), b.clone());
            // None of these is a year: every call throws its problems.
            let m = thrown(move || missed_months(&a2, &b2, &b2));
            assert!(m.is_some_and(|m| m.contains("year")));
        }
    }
}

/// A result as JSON, through the JS engine's own `JSON.stringify`.
fn plain(result: &JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(result).unwrap())).unwrap()
}

/// RUBRIC.md §7 "Derived inputs" and §8, as data: the §3 example's ledger (机电 三一/中联/华鑫
/// with 校内 at 三一 and 校外 at 中联; 机器人 中联 with 校内 only; 电气 none) and a calendar of
/// 2023-2024 with 2023-09 on time, 2023-10 late (the 9th), 2023-11 退回 and the five other due
/// months not reported: 8 due, 7 missed. A value typed for a derived input is not looked at.
#[wasm_bindgen_test]
fn derived_inputs_are_the_ledgers_and_the_calendars_values() {
    let facts = js(r#"{
        "year": "2023-2024",
        "majors": [{"name": "机电一体化技术", "partners": 9}, {"name": "工业机器人技术"}, {"name": "电气自动化技术"}],
        "projects": [
            {"id": "JD-2023-01", "enterprise": "三一重工股份有限公司", "credit_code": "91430100MA4L16JK0C",
             "major": "机电一体化技术", "forms": ["order_class", "campus_base"], "signed": "2023-03-01",
             "filed": "2023-03-06", "expires": "2026-02-28"},
            {"id": "JD-2023-02", "enterprise": "中联重科股份有限公司", "major": "机电一体化技术",
             "forms": "校外实训基地", "signed": "2023-09-15", "filed": "2023-09-20"},
            {"id": "JD-2022-05", "enterprise": "郴州华鑫机械有限公司", "major": "机电一体化技术",
             "forms": "岗位实习", "signed": "2022-06-01", "filed": "2022-06-03"},
            {"id": "JQ-2023-01", "enterprise": "中联重科股份有限公司", "major": "工业机器人技术",
             "forms": "订单班、校内实训基地", "signed": "2023-10-08", "filed": "2023-10-10"}
        ],
        "reports": {"months": {"2023-09": "2023-09-04", "2023-10": "2023-10-09", "2023-11": "退回"}}
    }"#);
    let got: Value = plain(&derived_inputs(&facts, &JsValue::UNDEFINED));
    let want = serde_json::json!({"ok": true, "values": [
        {"path": "majors[0].partners", "value": 3},
        {"path": "majors[0].campus_base", "value": true},
        {"path": "majors[0].external_base", "value": true},
        {"path": "majors[1].partners", "value": 1},
        {"path": "majors[1].campus_base", "value": true},
        {"path": "majors[1].external_base", "value": false},
        {"path": "majors[2].partners", "value": 0},
        {"path": "majors[2].campus_base", "value": false},
        {"path": "majors[2].external_base", "value": false},
        {"path": "reports.due", "value": 8},
        {"path": "reports.missed", "value": 7}
    ]});
    assert_eq!(got, want);
}

/// Nothing is derived from a ledger with a problem: the problems instead, located.
#[wasm_bindgen_test]
fn derived_inputs_refuses_a_ledger_with_a_problem() {
    let facts = js(r#"{
        "year": "2023-2024",
        "majors": [{"name": "机电一体化技术"}],
        "projects": [{"id": "P1", "enterprise": "三一重工股份有限公司", "major": "数控技术",
                      "forms": "订单班", "signed": "2023-03-01", "filed": "2023-03-06"}],
        "reports": {"months": {"2023-13": "2023-09-04"}}
    }"#);
    let got: Value = plain(&derived_inputs(&facts, &JsValue::UNDEFINED));
    assert_eq!(got["ok"], false);
    let mut codes: Vec<String> = got["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["path"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        [
            "projects[0].major unknown_major",
            "reports.months.2023-13 unknown_month"
        ]
    );
    // Without ledger or calendar there is nothing to derive, and nothing wrong.
    let none: Value = plain(&derived_inputs(
        &js(r#"{"majors": [{"name": "x"}]}"#),
        &JsValue::UNDEFINED,
    ));
    assert_eq!(none, serde_json::json!({"ok": true, "values": []}));
}
