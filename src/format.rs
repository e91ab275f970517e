//! How numbers appear in notes: points without trailing zeros, percentages with two decimals.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds half away from zero (四舍五入) to `decimals` places.
pub fn round(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// A score or count as people write it: 3, 2.5, 0.25.
pub fn num(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A percentage with two decimals: 57.00, 17.50.
pub fn pct(value: Decimal) -> String {
    format!("{:.2}", round(value, 2))
}
