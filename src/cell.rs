//! What a person typed in a cell, understood once, here, for every host.
//!
//! Numbers arrive as JSON numbers or as text ("１２", " 12 ", "1,200"); yes/no inputs as
//! booleans, 1/0 or words (是/否, √/×, yes/no …). An empty value is *missing*, never zero,
//! and nothing is guessed: "12.5" in a count is an error, not 12 or 13.

use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;
use serde_json::Value;
use std::borrow::Cow;

/// Counts above this are refused as out of range: no department has a billion students,
/// and the bound keeps every later product far inside `Decimal`'s range.
pub const COUNT_LIMIT: u64 = 1_000_000_000;

/// Why a raw value could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Missing,
    NotANumber,
    NotAnInteger,
    Negative,
    NotABool,
    UnknownChoice,
    TooLarge,
}

/// Folds full-width forms (digits, ．，－＋％ and the ideographic space) to ASCII and trims.
/// ASCII text (most cells) is only trimmed, without a copy.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text.trim());
    }
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' => ' ',
            _ => c,
        })
        .collect();
    Cow::Owned(folded.trim().to_string())
}

/// The value as a message should quote it: text as typed (shortened), numbers as numbers.
pub fn show(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("{short}…")
            } else {
                short
            }
        }
        Value::Array(_) => "[…]".to_string(),
        Value::Object(_) => "{…}".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(_) => {
            read_decimal(value).map_or_else(|_| "?".to_string(), crate::format::num)
        }
    }
}

/// True for null and for text that is empty once trimmed.
pub fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => normalize(s).is_empty(),
        _ => false,
    }
}

/// Any decimal number, sign and fraction allowed (ranges are the caller's business).
pub fn read_decimal(value: &Value) -> Result<Decimal, Fault> {
    match value {
        Value::Null => Err(Fault::Missing),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Ok(Decimal::from(u))
            } else if let Some(i) = n.as_i64() {
                Ok(Decimal::from(i))
            } else {
                // A JS or JSON float becomes the decimal the person typed: 70.335 stays
                // 70.335, not 70.33499999999999 (15 significant digits, as spreadsheets show).
                let f = n.as_f64().ok_or(Fault::NotANumber)?;
                if !f.is_finite() {
                    return Err(Fault::NotANumber);
                }
                // A whole float (a JS number such as 87) is exact as an integer: no conversion.
                if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
                    return Ok(Decimal::from(f as i64));
                }
                Decimal::from_f64(f)
                    .map(|d| d.normalize())
                    .ok_or(Fault::TooLarge)
            }
        }
        Value::String(s) => {
            let text = normalize(s);
            if text.is_empty() {
                Err(Fault::Missing)
            } else {
                parse_decimal_text(&text)
            }
        }
        _ => Err(Fault::NotANumber),
    }
}

/// A count: a whole number from 0 to [`COUNT_LIMIT`].
pub fn read_count(value: &Value) -> Result<u64, Fault> {
    let number = read_decimal(value)?;
    if number.is_sign_negative() && !number.is_zero() {
        return Err(Fault::Negative);
    }
    if !number.fract().is_zero() {
        return Err(Fault::NotAnInteger);
    }
    if number > Decimal::from(COUNT_LIMIT) {
        return Err(Fault::TooLarge);
    }
    u64::try_from(number.trunc()).map_err(|_| Fault::TooLarge)
}

/// A yes/no input in any of the accepted forms.
pub fn read_bool(value: &Value) -> Result<bool, Fault> {
    match value {
        Value::Null => Err(Fault::Missing),
        Value::Bool(b) => Ok(*b),
        Value::Number(n) => match n.as_f64() {
            Some(1.0) => Ok(true),
            Some(0.0) => Ok(false),
            _ => Err(Fault::NotABool),
        },
        Value::String(s) => {
            let text = normalize(s).to_ascii_lowercase();
            match text.as_str() {
                "" => Err(Fault::Missing),
                "true" | "1" | "是" | "有" | "√" | "✓" | "✔" | "y" | "yes" => Ok(true),
                "false" | "0" | "否" | "无" | "没有" | "×" | "✗" | "✘" | "n" | "no" => {
                    Ok(false)
                }
                _ => Err(Fault::NotABool),
            }
        }
        _ => Err(Fault::NotABool),
    }
}

/// Text such as a major's name: trimmed, not empty; a number is taken as its text.
pub fn read_text(value: &Value) -> Result<String, Fault> {
    match value {
        Value::String(s) => {
            let text = s.trim();
            if normalize(text).is_empty() {
                Err(Fault::Missing)
            } else {
                Ok(text.to_string())
            }
        }
        Value::Number(_) => read_decimal(value).map(crate::format::num),
        Value::Null => Err(Fault::Missing),
        _ => Err(Fault::NotANumber),
    }
}

/// Reads "12", "-3", "1,200", "0.5", ".5"; thousands separators only in groups of three.
fn parse_decimal_text(text: &str) -> Result<Decimal, Fault> {
    let (negative, unsigned) = match (text.strip_prefix('-'), text.strip_prefix('+')) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => (false, text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole_digits = if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        let first_ok = digits_only(first) && first.len() <= 3;
        let rest: Vec<&str> = groups.collect();
        if !first_ok || !rest.iter().all(|g| g.len() == 3 && digits_only(g)) {
            return Err(Fault::NotANumber);
        }
        whole.replace(',', "")
    } else if whole.is_empty() && fraction.is_some() {
        "0".to_string()
    } else if digits_only(whole) {
        whole.to_string()
    } else {
        return Err(Fault::NotANumber);
    };
    if let Some(f) = fraction {
        if !digits_only(f) {
            return Err(Fault::NotANumber);
        }
    }
    let digits = whole_digits.trim_start_matches('0').len() + fraction.map_or(0, str::len);
    if digits > 27 {
        return Err(Fault::TooLarge);
    }
    let fraction = fraction.unwrap_or_default();
    let mut mantissa: i128 = 0;
    for digit in whole_digits.bytes().chain(fraction.bytes()) {
        mantissa = mantissa * 10 + i128::from(digit - b'0');
    }
    let scale = u32::try_from(fraction.len()).map_err(|_| Fault::TooLarge)?;
    let value =
        Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale)
            .map_err(|_| Fault::TooLarge)?;
    Ok(value.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_in_the_forms_people_type() {
        assert_eq!(read_count(&json!(12)), Ok(12));
        assert_eq!(read_count(&json!(12.0)), Ok(12));
        assert_eq!(read_count(&json!("１２")), Ok(12));
        assert_eq!(read_count(&json!(" 12 ")), Ok(12));
        assert_eq!(read_count(&json!("1,200")), Ok(1200));
        assert_eq!(read_count(&json!("１，２００")), Ok(1200));
        assert_eq!(read_count(&json!("1,20")), Err(Fault::NotANumber));
        assert_eq!(read_count(&json!("12.5")), Err(Fault::NotAnInteger));
        assert_eq!(read_count(&json!(-1)), Err(Fault::Negative));
        assert_eq!(read_count(&json!("")), Err(Fault::Missing));
        assert_eq!(read_count(&json!("　")), Err(Fault::Missing));
        assert_eq!(read_count(&json!("65%")), Err(Fault::NotANumber));
        assert_eq!(read_count(&json!(true)), Err(Fault::NotANumber));
        assert_eq!(read_count(&json!(1e300)), Err(Fault::TooLarge));
    }

    #[test]
    fn floats_read_as_the_decimal_typed() {
        assert_eq!(read_decimal(&json!(70.335)), Ok(Decimal::new(70335, 3)));
        assert_eq!(read_decimal(&json!(80.1725)), Ok(Decimal::new(801725, 4)));
        assert_eq!(read_decimal(&json!(".5")), Ok(Decimal::new(5, 1)));
        assert_eq!(read_decimal(&json!("-0.50")), Ok(Decimal::new(-5, 1)));
        assert_eq!(read_decimal(&json!("1,234.5")), Ok(Decimal::new(12345, 1)));
    }

    #[test]
    fn bools_in_every_accepted_form() {
        for yes in ["是", "有", "√", "✓", "Y", "yes", "TRUE", "1", " 是 "] {
            assert_eq!(read_bool(&json!(yes)), Ok(true), "{yes}");
        }
        for no in ["否", "无", "×", "✗", "n", "No", "false", "0"] {
            assert_eq!(read_bool(&json!(no)), Ok(false), "{no}");
        }
        assert_eq!(read_bool(&json!("maybe")), Err(Fault::NotABool));
        assert_eq!(read_bool(&json!(2)), Err(Fault::NotABool));
        assert_eq!(read_bool(&json!("")), Err(Fault::Missing));
    }
}
