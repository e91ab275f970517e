//! JS values ⇄ JSON values, by hand over `js_sys`.
//!
//! A generic serde bridge would do, but it drags in deserialiser machinery and float
//! formatting that triple the module's size; the engine needs only plain data.

use js_sys::{Array, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Nesting deeper than this is not facts; it is cut to `null` instead of overflowing the stack.
const MAX_DEPTH: usize = 32;

/// Reads plain data: objects, arrays, strings, numbers, booleans. Anything else
/// (undefined, functions, symbols, BigInt, non-finite numbers) reads as `null`, i.e. missing.
pub fn from_js(value: &JsValue) -> Value {
    read(value, 0)
}

fn read(value: &JsValue, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(b) = value.as_bool() {
        return Value::Bool(b);
    }
    if let Some(f) = value.as_f64() {
        return number(f);
    }
    if let Some(s) = value.as_string() {
        return Value::String(s);
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        return Value::Array(array.iter().map(|item| read(&item, depth + 1)).collect());
    }
    if value.is_object() && !value.is_function() {
        let object: &Object = value.unchecked_ref();
        let mut map = Map::new();
        for entry in Object::entries(object).iter() {
            let pair: Array = entry.unchecked_into();
            if let Some(key) = pair.get(0).as_string() {
                map.insert(key, read(&pair.get(1), depth + 1));
            }
        }
        return Value::Object(map);
    }
    Value::Null
}

fn number(f: f64) -> Value {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        // A whole number that JS holds exactly.
        Value::Number(Number::from(f as i64))
    } else {
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

/// Writes plain JS data: objects, arrays, strings, numbers, booleans, null.
pub fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(map) => {
            let object = Object::new();
            for (key, item) in map {
                // Setting a data property on a fresh plain object cannot fail.
                let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(item));
            }
            object.into()
        }
    }
}
