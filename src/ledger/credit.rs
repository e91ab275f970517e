//! 统一社会信用代码 (GB 32100-2015) and the folding of names and codes for comparison.
//!
//! RUBRIC.md §7 asks for NFKC folding. Full NFKC (the `unicode-normalization` crate) added
//! about 121 KB to a release wasm32 module, three times the budget, so names and codes are
//! folded here by the part of NFKC that people actually type in these cells: full-width ASCII
//! (U+FF01–U+FF5E) to ASCII and the ideographic space U+3000 (and no-break space) to a space.
//! Other compatibility characters (circled digits, ligatures, half-width katakana) stay as
//! they are. Letter case is likewise folded for ASCII letters only (after the width folding,
//! so full-width Ａ folds to a as well): Unicode case tables cost another 36 KB, and enterprise names
//! mix Chinese with Latin letters, not with Greek or Cyrillic.

/// The 31 characters a code may use, in the order of their values 0..=30: digits and the
/// upper-case letters except I, O, Z, S, V (GB 32100-2015, table 1).
const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1..=17: 3^(i−1) mod 31 (GB 32100-2015, 5.2).
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Full-width ASCII and the ideographic space folded, then trimmed (U+3000 included): the
/// same folding as every other cell (`cell::normalize`).
pub fn fold_width(text: &str) -> String {
    crate::cell::normalize(text).into_owned()
}

/// An enterprise name as compared: width-folded, trimmed, letter case ignored.
pub fn fold_name(name: &str) -> String {
    fold_width(name).to_ascii_lowercase()
}

/// A credit code as checked: width-folded, trimmed, upper-cased.
pub fn fold_code(code: &str) -> String {
    fold_width(code).to_ascii_uppercase()
}

/// Why a credit code is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeFault {
    /// Not 18 characters once folded (the count found).
    Length(usize),
    /// A character outside the alphabet, at this position (1-based).
    Character(usize, char),
    /// The 18th character is not the check character; the expected one.
    Check(char),
}

/// The value 0..=30 of one character of the alphabet.
fn value_of(c: char) -> Option<u32> {
    let byte = u8::try_from(c).ok()?;
    ALPHABET
        .iter()
        .position(|&a| a == byte)
        .and_then(|p| u32::try_from(p).ok())
}

/// The check character for the weighted sum Σ Ci × Wi of the first 17 characters:
/// C18 = 31 − (Σ mod 31), where 31 becomes 0.
pub fn check_character(weighted_sum: u32) -> char {
    let check = (31 - weighted_sum % 31) % 31;
    ALPHABET.get(check as usize).map_or('?', |&b| char::from(b))
}

/// Checks a code (folded first); returns the folded code when good. Written with iterators
/// rather than indexing, so that no bounds-check panic path ships in the module.
pub fn check_code(raw: &str) -> Result<String, CodeFault> {
    let code = fold_code(raw);
    let count = code.chars().count();
    if count != 18 {
        return Err(CodeFault::Length(count));
    }
    let mut sum = 0u32;
    let mut last = None;
    for (i, c) in code.chars().enumerate() {
        let value = value_of(c).ok_or(CodeFault::Character(i + 1, c))?;
        match WEIGHTS.get(i) {
            // At most 30 × 30 × 17: far inside u32.
            Some(weight) => sum += value * weight,
            None => last = Some(c),
        }
    }
    let expected = check_character(sum);
    if last == Some(expected) {
        Ok(code)
    } else {
        Err(CodeFault::Check(expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_powers_of_three_mod_31() {
        let mut w = 1u32;
        for weight in WEIGHTS {
            assert_eq!(weight, w);
            w = w * 3 % 31;
        }
    }

    #[test]
    fn hand_worked_codes() {
        // 91350100M000100Y4_: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4.
        // Σ = 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25
        //   + 0·13 + 1·8 + 0·24 + 0·10 + 30·30 + 4·28
        //   = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640;
        // 1640 mod 31 = 1640 − 52·31 (1612) = 28; 31 − 28 = 3 → "3".
        assert_eq!(
            check_code("91350100M000100Y43"),
            Ok("91350100M000100Y43".to_string())
        );
        assert_eq!(check_code("91350100M000100Y44"), Err(CodeFault::Check('3')));
        // 11111111111111111_: Σ of all weights = 1+3+9+27+19+26+16+17+20+29+25+13+8+24+10
        // +30+28 = 305; 305 mod 31 = 305 − 279 = 26; 31 − 26 = 5 → "5".
        assert_eq!(check_code("111111111111111115").map(|_| ()), Ok(()));
        // RUBRIC.md §7's example 91430100MA4L16JK0_: 9·1 + 1·3 + 4·9 + 3·27 + 0·19 + 1·26
        // + 0·16 + 0·17 + M(21)·20 + A(10)·29 + 4·25 + L(20)·13 + 1·8 + 6·24 + J(18)·10
        // + K(19)·30 + 0·28 = 9+3+36+81+26+420+290+100+260+8+144+180+570 = 2127;
        // 2127 mod 31 = 2127 − 68·31 (2108) = 19; 31 − 19 = 12 → "C".
        assert_eq!(check_code("91430100MA4L16JK0C").map(|_| ()), Ok(()));
        // 00000000000000000_: Σ = 0, 0 mod 31 = 0, 31 − 0 = 31 → 0 → "0".
        assert_eq!(check_code("000000000000000000").map(|_| ()), Ok(()));
        // 10000000000000000_: Σ = 1; 31 − 1 = 30 → "Y".
        assert_eq!(check_code("10000000000000000Y").map(|_| ()), Ok(()));
    }

    #[test]
    fn folding_and_faults() {
        // Full-width, lower case and spaces fold to the code above.
        assert_eq!(
            check_code("　９１３５０１００ｍ０００１００ｙ４３ "),
            Ok("91350100M000100Y43".to_string())
        );
        assert_eq!(check_code("9135"), Err(CodeFault::Length(4)));
        assert_eq!(check_code(""), Err(CodeFault::Length(0)));
        // I, O, Z, S, V are not in the alphabet.
        assert_eq!(
            check_code("91350100O000100Y43"),
            Err(CodeFault::Character(9, 'O'))
        );
        assert_eq!(
            check_code("9135010０M000100Y4中"),
            Err(CodeFault::Character(18, '中'))
        );
        assert_eq!(
            fold_name(" 三一重工ＡＢＣ有限公司　"),
            "三一重工abc有限公司"
        );
    }
}
