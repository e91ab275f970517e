//! RFC 7386 JSON merge patch, shared by the native and the Wasm test runners, and the
//! golden cases' `rubric_patch`.

use serde_json::Value;

/// RFC 7386 JSON merge patch.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(entries) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            if let Value::Object(map) = target {
                for (key, value) in entries {
                    if value.is_null() {
                        map.remove(key);
                    } else {
                        merge_patch(map.entry(key.clone()).or_insert(Value::Null), value);
                    }
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// A golden case's `rubric_patch` applied to a rubric: a merge patch, except that `lines`
/// is an object keyed by line id (`{"C5": {"rule": {…}}}`), each merged into that line, so
/// a case can change one parameter without restating the twelve lines.
pub fn patch_rubric(rubric: &mut Value, patch: &Value) {
    let mut patch = patch.clone();
    if let Some(Value::Object(lines)) = patch.as_object_mut().and_then(|p| p.remove("lines")) {
        for (id, line_patch) in &lines {
            let line = rubric["lines"]
                .as_array_mut()
                .and_then(|all| all.iter_mut().find(|l| l["id"] == id.as_str()))
                .unwrap_or_else(|| panic!("rubric_patch names no line {id}"));
            merge_patch(line, line_patch);
        }
    }
    merge_patch(rubric, &patch);
}
