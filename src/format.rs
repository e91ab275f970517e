//! How numbers appear in notes: points without trailing zeros, percentages with two decimals.
//!
//! Written out by hand from the decimal's digits rather than through `Display`, which keeps
//! the shipped Wasm free of the general number-formatting machinery.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero (四舍五入) to `decimals` places.
pub fn round(value: Decimal, decimals: u32) -> Decimal {
    // Most scores are whole: nothing to round, and rounding is not free in Wasm.
    if value.scale() <= decimals {
        return value;
    }
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// The decimal's digits with exactly `places` decimals (`places` ≥ its scale).
fn fixed(value: Decimal, places: u32) -> String {
    let mut value = value;
    value.rescale(places);
    // Digits by hand into a stack buffer, least significant first: cheaper in the module
    // than `Display`, and no allocation but the answer's.
    let wide = value.mantissa().unsigned_abs();
    let places = places as usize;
    let mut digits = [0u8; 40];
    let mut n = 0;
    // 128-bit division is a library call in Wasm; every score and percentage fits 64 bits.
    if let Ok(mut mantissa) = u64::try_from(wide) {
        while mantissa > 0 || n <= places {
            digits[n] = b'0' + (mantissa % 10) as u8;
            mantissa /= 10;
            n += 1;
        }
    } else {
        let mut mantissa = wide;
        while (mantissa > 0 || n <= places) && n < digits.len() {
            digits[n] = b'0' + (mantissa % 10) as u8;
            mantissa /= 10;
            n += 1;
        }
    }
    let mut out = String::with_capacity(n + 2);
    if value.is_sign_negative() && !value.is_zero() {
        out.push('-');
    }
    for i in (0..n).rev() {
        if i + 1 == places {
            out.push('.');
        }
        out.push(char::from(digits[i]));
    }
    out
}

/// Joins texts with a separator. (The standard `join` is generic machinery many times the
/// size of this loop in the shipped module.)
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// A score or count as people write it: 3, 2.5, 0.25.
pub fn num(value: Decimal) -> String {
    let value = value.normalize();
    fixed(value, value.scale())
}

/// A percentage with two decimals: 57.00, 17.50.
pub fn pct(value: Decimal) -> String {
    fixed(round(value, 2), 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(num(d("3.00")), "3");
        assert_eq!(num(d("2.50")), "2.5");
        assert_eq!(num(d("0.25")), "0.25");
        assert_eq!(num(d("-1.5")), "-1.5");
        assert_eq!(num(d("0")), "0");
        assert_eq!(pct(d("57")), "57.00");
        assert_eq!(pct(d("17.5")), "17.50");
        assert_eq!(pct(d("0.005")), "0.01");
        assert_eq!(pct(d("33.333333333333333333")), "33.33");
        assert_eq!(pct(d("0")), "0.00");
    }
}
