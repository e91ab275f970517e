//! JS values → JSON values through `serde-wasm-bindgen`, with the total work bounded.
//!
//! Facts stay raw JSON on purpose: the domain rules (`cell.rs`, `facts.rs`) read what people
//! typed ("１２", "是") and locate every problem, which a typed target could not. The seed
//! below only bounds the reading: a JS object graph may repeat references
//! (`a.x = a; a.y = a`, nested), which a plain recursive conversion would walk exponentially
//! (or, with a cycle, forever), so every value read spends one unit of a budget and nesting
//! is cut at a fixed depth. Past either limit a value reads as `null` (missing) without being
//! looked at, and a value serde-wasm-bindgen cannot read (a symbol, a function) is `null` too.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::Cell;
use std::fmt;
use wasm_bindgen::JsValue;

/// Nesting deeper than this is not facts.
const MAX_DEPTH: usize = 32;

/// The most values read from one argument: far above any department's facts (a few hundred
/// values) or rubric (about five hundred), far below what could stall the page.
const MAX_VALUES: usize = 100_000;

/// Reads plain data: objects, arrays, strings, numbers, booleans; anything else is `null`.
pub fn read(value: &JsValue) -> Value {
    let budget = Cell::new(MAX_VALUES);
    let seed = Bounded {
        budget: &budget,
        depth: 0,
    };
    seed.deserialize(serde_wasm_bindgen::Deserializer::from(value.clone()))
        .unwrap_or(Value::Null)
}

#[derive(Clone, Copy)]
struct Bounded<'b> {
    budget: &'b Cell<usize>,
    depth: usize,
}

impl Bounded<'_> {
    fn child(self) -> Self {
        Bounded {
            budget: self.budget,
            depth: self.depth + 1,
        }
    }

    fn exhausted(self) -> bool {
        self.budget.get() == 0
    }
}

impl<'de> DeserializeSeed<'de> for Bounded<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        let left = self.budget.get();
        if self.depth > MAX_DEPTH || left == 0 {
            // Ignoring does not look inside the value: no further JS calls.
            return d.deserialize_ignored_any(IgnoredAny).map(|_| Value::Null);
        }
        self.budget.set(left - 1);
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("plain data")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // NaN and the infinities are no number a person typed: missing.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_bytes<E>(self, _: &[u8]) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while !self.exhausted() {
            match seq.next_element_seed(self.child()) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => break,
                // An unreadable element (a symbol) is missing, like `undefined`.
                Err(_) => items.push(Value::Null),
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while !self.exhausted() {
            // Keys of a plain object are text, read as text at once (one call, where the
            // general reader would first ask the key whether it is null, a boolean, a number…);
            // a `Map`'s other keys are skipped with their values.
            match map.next_key::<String>() {
                Ok(Some(key)) => {
                    let value = map.next_value_seed(self.child()).unwrap_or(Value::Null);
                    object.insert(key, value);
                }
                Ok(None) => break,
                Err(_) => {
                    let _ = map.next_value::<IgnoredAny>();
                }
            }
        }
        Ok(Value::Object(object))
    }
}
