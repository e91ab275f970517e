//! Where a rubric file is malformed, and what was expected, for the serde derives of
//! `file.rs`.
//!
//! A small `Deserializer` over a `serde_json::Value` that knows its place (`lines[9].rule.step`)
//! and keeps serde's error as data instead of text. Why not `serde_path_to_error` and
//! `serde_json`'s own value deserializer, which do the same: together they took 45 KB of the
//! shipped module (a path wrapper around every derived visitor, a sequence form for every
//! struct, serde's English messages), and the module must stay under 300 KB / 110 KB gzipped
//! for WPS. Here a struct is only ever an object, so serde's sequence form of each struct is
//! never reached and the linker drops it, and the messages are put in Chinese first.

use crate::locale::Text;
use crate::problem::{Code, Problem};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde::de::{
    self, DeserializeSeed, Expected, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::Value;
use std::fmt;

/// One step of a path: a field or a list index.
#[derive(Debug)]
enum Step {
    Key(String),
    Index(usize),
}

#[derive(Debug)]
enum Kind {
    Missing(&'static str),
    Unknown(String, &'static [&'static str]),
    UnknownChoice(String, &'static [&'static str]),
    Invalid { got: String, want: String },
    Other(String),
}

/// A malformed part of a rubric: where (innermost step first, as it bubbles up) and what.
/// Boxed, so that every `Result` the derived code passes around stays one word wide: that
/// alone takes kilobytes of moves off the module.
#[derive(Debug)]
pub struct ShapeError(Box<Inner>);

#[derive(Debug)]
struct Inner {
    steps: Vec<Step>,
    kind: Kind,
}

impl ShapeError {
    #[inline(never)]
    fn new(kind: Kind) -> ShapeError {
        ShapeError(Box::new(Inner {
            steps: Vec::new(),
            kind,
        }))
    }

    #[inline(never)]
    fn under(mut self, step: Step) -> ShapeError {
        self.0.steps.push(step);
        self
    }

    /// The located problem, its path starting at `at` (e.g. `rubric.lines[9].rule`).
    pub fn problem(self, at: &str) -> Problem {
        let Inner { steps, kind } = *self.0;
        let mut path = at.to_string();
        for step in steps.iter().rev() {
            match step {
                Step::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        let (zh, en) = match kind {
            Kind::Missing(field) => {
                // Serde notices a missing field at its object; the path names the field.
                let parent = path.clone();
                path = format!("{parent}.{field}");
                (
                    format!("{parent} 缺少字段「{field}」"),
                    format!("{parent} lacks the field “{field}”"),
                )
            }
            Kind::Unknown(field, known) => {
                let parent = path.strip_suffix(&format!(".{field}")).unwrap_or(&path);
                (
                    format!(
                        "{parent} 中有未知的字段「{field}」（{path}），可用字段：{}",
                        known.join("、")
                    ),
                    format!(
                        "{parent} has an unknown field “{field}” ({path}); known fields: {}",
                        known.join(", ")
                    ),
                )
            }
            Kind::UnknownChoice(value, known) => (
                format!("{path} 为「{value}」，应为 {}", known.join("、")),
                format!("{path} is “{value}”; expected one of {}", known.join(", ")),
            ),
            Kind::Invalid { got, want } => {
                let (want_zh, want_en) = wanted(&want);
                (
                    format!("{path} 应为{want_zh}，收到的是「{got}」"),
                    format!("{path} should be {want_en}, got “{got}”"),
                )
            }
            Kind::Other(message) => (
                format!("{path} 格式有误：{message}"),
                format!("{path} is malformed: {message}"),
            ),
        };
        Problem::new(path, Code::InvalidRubric, Text::new(zh, en))
    }
}

/// What serde says was expected, in both languages.
fn wanted(expected: &str) -> (String, String) {
    let (zh, en) = if expected.starts_with("struct ") || expected == "a map" {
        ("对象 {…}", "an object {…}")
    } else if expected == "a sequence" {
        ("列表 […]", "a list […]")
    } else if expected.contains("string") || expected.starts_with("variant") {
        ("文字", "text")
    } else if expected == "a boolean" {
        ("true 或 false", "true or false")
    } else if expected == "a number" {
        ("数字", "a number")
    } else if expected.starts_with("a whole number") {
        ("不小于 0 的整数", "a whole number, 0 or more")
    } else if expected.starts_with("enum ") {
        ("可选值之一（文字）", "one of the options (text)")
    } else {
        return (expected.to_string(), expected.to_string());
    };
    (zh.to_string(), en.to_string())
}

/// The value as a message quotes it. Floats go through `Decimal` (as everywhere in the
/// engine), which also keeps the general float formatting out of this path.
fn shown(unexpected: &Unexpected) -> String {
    match *unexpected {
        Unexpected::Bool(b) => b.to_string(),
        Unexpected::Unsigned(u) => u.to_string(),
        Unexpected::Signed(i) => i.to_string(),
        Unexpected::Float(f) => Decimal::from_f64(f).map_or_else(|| "?".into(), crate::format::num),
        Unexpected::Str(s) => s.chars().take(40).collect(),
        Unexpected::Unit => "null".into(),
        Unexpected::Seq => "[…]".into(),
        Unexpected::Map => "{…}".into(),
        Unexpected::Other(other) => other.into(),
        _ => "?".into(),
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("malformed rubric")
    }
}

impl std::error::Error for ShapeError {}

impl de::Error for ShapeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        ShapeError::new(Kind::Other(message.to_string()))
    }

    fn invalid_type(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        ShapeError::new(Kind::Invalid {
            got: shown(&unexpected),
            want: expected.to_string(),
        })
    }

    fn invalid_value(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        Self::invalid_type(unexpected, expected)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        ShapeError::new(Kind::UnknownChoice(variant.to_string(), expected))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        ShapeError::new(Kind::Unknown(field.to_string(), expected))
    }

    fn missing_field(field: &'static str) -> Self {
        ShapeError::new(Kind::Missing(field))
    }
}

/// What a value is, as serde's visitors name it when it is not what they want: the same
/// as `deserialize_any` would hand them.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// The error for a value of the wrong type; one copy, not one per visitor.
#[inline(never)]
fn mismatch(value: &Value, expected: &dyn Expected) -> ShapeError {
    de::Error::invalid_type(unexpected(value), expected)
}

/// Reads a `T` from `value`; a problem is located under `at`.
pub fn read<T: de::DeserializeOwned>(value: &Value, at: &str) -> Result<T, Problem> {
    T::deserialize(Shape(value)).map_err(|error| error.problem(at))
}

/// The deserializer: one JSON value, borrowed (moving values through the derived code would
/// cost the module more than the few texts it copies).
pub struct Shape<'a>(pub &'a Value);

impl<'de> de::Deserializer<'de> for Shape<'_> {
    type Error = ShapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            Value::Object(map) => visitor.visit_map(Fields {
                entries: map.iter(),
                current: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Shape(value)),
        }
    }

    /// A struct is an object, never a list: serde's list form of a struct stays unused.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields {
                entries: map.iter(),
                current: None,
            }),
            other => Err(mismatch(other, &visitor)),
        }
    }

    /// An option such as `"up"` is text naming a unit variant.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(
                IntoDeserializer::<ShapeError>::into_deserializer(s.as_str()),
            ),
            other => Err(mismatch(other, &visitor)),
        }
    }

    // Text, lists, objects and booleans are asked for by type, each answered only for its
    // own kind of value: through `deserialize_any` every one of the derived visitors (a
    // dozen) got its own copy of the whole value walk, a third of the rubric reader.

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::String(s) => visitor.visit_str(s),
            other => Err(mismatch(other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            other => Err(mismatch(other, &visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Fields {
                entries: map.iter(),
                current: None,
            }),
            other => Err(mismatch(other, &visitor)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ShapeError> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(mismatch(other, &visitor)),
        }
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct newtype_struct tuple tuple_struct identifier ignored_any
    }
}

// The two ways an error is placed, out of line: the accessors below are copied for every
// derived visitor.

#[inline(never)]
fn at_index(error: ShapeError, i: usize) -> ShapeError {
    error.under(Step::Index(i))
}

#[inline(never)]
fn at_key(error: ShapeError, key: &str) -> ShapeError {
    error.under(Step::Key(key.to_string()))
}

struct Items<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = ShapeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ShapeError> {
        match self.items.next() {
            None => Ok(None),
            Some((i, item)) => seed
                .deserialize(Shape(item))
                .map(Some)
                .map_err(|e| at_index(e, i)),
        }
    }
}

struct Fields<'a> {
    entries: serde_json::map::Iter<'a>,
    /// The key just read and its value, waiting for `next_value_seed`.
    current: Option<(&'a String, &'a Value)>,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = ShapeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ShapeError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        let read = seed.deserialize(IntoDeserializer::<ShapeError>::into_deserializer(
            key.as_str(),
        ));
        match read {
            Ok(read) => {
                self.current = Some((key, value));
                Ok(Some(read))
            }
            // An unknown field is located at the field itself.
            Err(e) => Err(at_key(e, key)),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ShapeError> {
        let Some((key, value)) = self.current.take() else {
            return seed.deserialize(Shape(&Value::Null));
        };
        seed.deserialize(Shape(value)).map_err(|e| at_key(e, key))
    }
}
