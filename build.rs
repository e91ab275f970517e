//! Embeds the built-in rubric minified: the file in `rubrics/` stays readable, and the
//! shipped module does not carry its indentation.

use std::{env, fs, path::Path};

fn main() {
    let source = "rubrics/2023-trial.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("rubrics/2023-trial.json");
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("the built-in rubric is valid JSON");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("2023-trial.min.json");
    fs::write(out, value.to_string()).expect("write the minified rubric");
}
