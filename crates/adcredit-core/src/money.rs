//! Exact money: a newtype over [`Decimal`] that is parsed from and written as decimal strings.
//!
//! Amounts never pass through a float. Parsing accepts only plain decimal notation
//! (`"150"`, `"150.5"`, `"-0.25"`), bounded to 15 integer digits and 12 decimals so that no
//! sum a scenario can produce overflows; arithmetic is checked anyway and reports overflow as an
//! error instead of panicking.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

/// Most digits accepted before the decimal point.
pub const MAX_INTEGER_DIGITS: usize = 15;
/// Most digits accepted after the decimal point.
pub const MAX_FRACTION_DIGITS: usize = 12;

/// An exact amount of money in some currency (the currency is carried by its context).
///
/// ```
/// use adcredit_core::Money;
/// let a: Money = "150.5".parse().unwrap();
/// let b: Money = "49.50".parse().unwrap();
/// assert_eq!(a.checked_add(b).unwrap().to_string(), "200.00");
/// assert!("12,50".parse::<Money>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(as = "String"))]
pub struct Money(Decimal);

/// Why a string is not a [`Money`] amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyParseError {
    /// Not plain decimal notation (commas, exponents, spaces, letters, empty…).
    NotDecimal,
    /// Well-formed, but with more digits than an amount may have.
    TooManyDigits,
}

impl fmt::Display for MoneyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotDecimal => f.write_str("is not a decimal amount"),
            Self::TooManyDigits => write!(
                f,
                "has too many digits (at most {MAX_INTEGER_DIGITS} before the decimal point and {MAX_FRACTION_DIGITS} after)"
            ),
        }
    }
}

impl Money {
    /// Zero, with two decimals.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// The underlying decimal.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// How many decimal places the amount was written with (`"10.50"` → 2, `"10"` → 0).
    pub fn scale(self) -> u32 {
        self.0.scale()
    }

    /// Whether the amount is strictly greater than zero.
    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }

    /// Whether the amount is strictly below zero (negative zero is zero).
    pub fn is_negative(self) -> bool {
        self.0 < Decimal::ZERO
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Whether the amount has more significant decimals than `places`
    /// (`"10.500"` has one significant decimal: trailing zeros do not count).
    pub fn has_more_decimals_than(self, places: u32) -> bool {
        self.0.normalize().scale() > places
    }

    /// `self + other`, or an overflow error naming `what` was being added up.
    pub fn checked_add(self, other: Money) -> Result<Money, Error> {
        self.0
            .checked_add(other.0)
            .map(Money)
            .ok_or_else(|| Error::Overflow {
                what: "a sum of amounts".into(),
            })
    }

    /// `self - other`, or an overflow error.
    pub fn checked_sub(self, other: Money) -> Result<Money, Error> {
        self.0
            .checked_sub(other.0)
            .map(Money)
            .ok_or_else(|| Error::Overflow {
                what: "a difference of amounts".into(),
            })
    }

    /// `self * n` for a whole number `n`, or an overflow error.
    pub fn checked_mul_int(self, n: u32) -> Result<Money, Error> {
        self.0
            .checked_mul(Decimal::from(n))
            .map(Money)
            .ok_or_else(|| Error::Overflow {
                what: "a multiple of an amount".into(),
            })
    }

    /// The larger of `self - other` and zero.
    pub fn saturating_surplus_over(self, other: Money) -> Result<Money, Error> {
        let d = self.checked_sub(other)?;
        Ok(if d.is_negative() { Money::ZERO } else { d })
    }

    /// Parse plain decimal notation exactly. See the module docs for what is accepted.
    pub fn parse(s: &str) -> Result<Money, MoneyParseError> {
        let body = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f)) {
            return Err(MoneyParseError::NotDecimal);
        }
        let significant_int = int.trim_start_matches('0').len();
        if significant_int > MAX_INTEGER_DIGITS || frac.map_or(0, str::len) > MAX_FRACTION_DIGITS {
            return Err(MoneyParseError::TooManyDigits);
        }
        let mut d = Decimal::from_str_exact(s).map_err(|_| MoneyParseError::TooManyDigits)?;
        if d.is_zero() {
            // Negative zero is zero; keep the scale the amount was written with.
            d.set_sign_positive(true);
        }
        Ok(Money(d))
    }

    /// The amount as written for people and JSON: at least two decimals, more only when the
    /// amount has significant ones (`"10"` → `"10.00"`, `"10.500"` → `"10.50"`, `"10.005"` →
    /// `"10.005"`).
    fn render(self) -> String {
        self.with_decimals(2)
    }

    /// The amount with at least `places` decimals and no insignificant zeros beyond them: for
    /// messages in a currency with other minor units (`with_decimals(0)` of 20000.00 is `20000`).
    pub fn with_decimals(self, places: u32) -> String {
        let mut d = self.0.normalize();
        if d.scale() < places {
            d.rescale(places);
        }
        d.to_string()
    }
}

impl FromStr for Money {
    type Err = MoneyParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.render())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MoneyVisitor)
    }
}

struct MoneyVisitor;

const NUMBER_NOT_STRING: &str =
    "must be a decimal string such as \"12.50\", not a number (numbers can lose digits)";

impl Visitor<'_> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal string such as \"12.50\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
        Money::parse(v).map_err(|e| E::custom(format_args!("{v:?} {e}")))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Money, E> {
        Err(E::custom(NUMBER_NOT_STRING))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Money, E> {
        Err(E::custom(NUMBER_NOT_STRING))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Money, E> {
        Err(E::custom(NUMBER_NOT_STRING))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Money edge cases: `input,expected` where expected is the rendering or `error: …`.
    const CASES: &str = include_str!("../tests/data/money.csv");

    #[test]
    fn money_table() {
        let mut n = 0;
        for (line_no, line) in CASES.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let (input, expected) = line.rsplit_once(',').expect("two columns");
            let input = input.trim_matches('"');
            let got = match Money::parse(input) {
                Ok(m) => m.to_string(),
                Err(e) => format!("error: {e}"),
            };
            assert_eq!(got, expected, "line {}: {input:?}", line_no + 1);
            n += 1;
        }
        assert!(n >= 30, "only {n} money cases");
    }

    #[test]
    fn decimals_ignore_trailing_zeros() {
        let m = Money::parse("10.500").unwrap();
        assert!(!m.has_more_decimals_than(2));
        assert!(Money::parse("10.005").unwrap().has_more_decimals_than(2));
    }
}
