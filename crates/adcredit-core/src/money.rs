//! Exact money: a newtype over [`Decimal`] that is parsed from and written as decimal strings.
//!
//! Amounts never pass through a float. Parsing accepts only plain decimal notation
//! (`"150"`, `"150.5"`, `"-0.25"`), bounded to 15 integer digits and 12 decimals. Arithmetic is
//! exact or an error: `rust_decimal` holds 28 significant digits and, when a result needs more,
//! its own `checked_add` silently drops decimals; [`Money::checked_add`] and its siblings add
//! the integer mantissas at the larger scale instead and return [`Error::Overflow`] when the
//! exact result does not fit, never a rounded amount.
//!
//! An amount also carries how many decimals it is *shown* with (two unless said otherwise):
//! [`Money::shown_with`] sets it from the currency, so that a report in JPY writes `"50000"`
//! and one in USD `"50000.00"`. It is presentation only: equality, order and hashing look at
//! the value alone.

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
#[derive(Clone, Copy, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(as = "String"))]
pub struct Money {
    value: Decimal,
    /// Fewest decimals the amount is written with (more only when it has significant ones).
    shown: u8,
}

/// Decimals an amount is shown with when its currency is not known.
const DEFAULT_SHOWN: u8 = 2;

impl PartialEq for Money {
    fn eq(&self, other: &Money) -> bool {
        self.value == other.value
    }
}

impl Eq for Money {}

impl PartialOrd for Money {
    fn partial_cmp(&self, other: &Money) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Money {
    fn cmp(&self, other: &Money) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl std::hash::Hash for Money {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.value.hash(h);
    }
}

impl Default for Money {
    fn default() -> Money {
        Money::ZERO
    }
}

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
    /// Zero, shown with two decimals.
    pub const ZERO: Money = Money {
        value: Decimal::ZERO,
        shown: DEFAULT_SHOWN,
    };

    fn new(value: Decimal) -> Money {
        Money {
            value,
            shown: DEFAULT_SHOWN,
        }
    }

    /// The underlying decimal.
    pub fn decimal(self) -> Decimal {
        self.value
    }

    /// How many decimal places the amount was written with (`"10.50"` → 2, `"10"` → 0).
    pub fn scale(self) -> u32 {
        self.value.scale()
    }

    /// The same amount, shown with at least `places` decimals (a currency's, see
    /// `Currency::decimals`); significant decimals beyond them are never hidden.
    ///
    /// ```
    /// use adcredit_core::Money;
    /// let yen = Money::parse("50000").unwrap().shown_with(0);
    /// assert_eq!(yen.to_string(), "50000");
    /// assert_eq!(Money::parse("50000").unwrap().to_string(), "50000.00");
    /// assert_eq!(Money::parse("0.5").unwrap().shown_with(0).to_string(), "0.5");
    /// ```
    pub fn shown_with(self, places: u32) -> Money {
        Money {
            value: self.value,
            shown: u8::try_from(places).unwrap_or(u8::MAX),
        }
    }

    /// Whether the amount is strictly greater than zero.
    pub fn is_positive(self) -> bool {
        self.value > Decimal::ZERO
    }

    /// Whether the amount is strictly below zero (negative zero is zero).
    pub fn is_negative(self) -> bool {
        self.value < Decimal::ZERO
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.value.is_zero()
    }

    /// Whether the amount has more significant decimals than `places`
    /// (`"10.500"` has one significant decimal: trailing zeros do not count).
    pub fn has_more_decimals_than(self, places: u32) -> bool {
        self.value.normalize().scale() > places
    }

    /// `self + other` exactly, or an overflow error (its path is filled in by the caller,
    /// see [`Error::at`]).
    ///
    /// ```
    /// use adcredit_core::Money;
    /// let big = Money::parse("999999999999999.999999999999").unwrap();
    /// let mut sum = big;
    /// let mut failed = false;
    /// for _ in 0..80 {
    ///     match sum.checked_add(Money::parse("999999999999999.99").unwrap()) {
    ///         Ok(s) => sum = s,
    ///         Err(_) => { failed = true; break }
    ///     }
    /// }
    /// // 29 significant digits do not fit: an error, never a rounded sum.
    /// assert!(failed);
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, Error> {
        self.exact(
            exact_sum(self.value, other.value, false),
            "a sum of amounts",
        )
    }

    /// `self - other` exactly, or an overflow error.
    pub fn checked_sub(self, other: Money) -> Result<Money, Error> {
        self.exact(
            exact_sum(self.value, other.value, true),
            "a difference of amounts",
        )
    }

    /// `self * n` for a whole number `n` exactly, or an overflow error.
    pub fn checked_mul_int(self, n: u32) -> Result<Money, Error> {
        let product = self
            .value
            .mantissa()
            .checked_mul(i128::from(n))
            .and_then(|m| Decimal::try_from_i128_with_scale(m, self.value.scale()).ok());
        self.exact(product, "a multiple of an amount")
    }

    /// `self * num / den` rounded toward zero to `places` decimals ("half of 0.05" with two
    /// decimals is 0.02: a part never exceeds what it is a part of), or an overflow error;
    /// `den` zero is an overflow too.
    ///
    /// ```
    /// use adcredit_core::Money;
    /// let m = Money::parse("1000.00").unwrap();
    /// assert_eq!(m.part(1, 3, 2).unwrap().to_string(), "333.33");
    /// assert_eq!(m.part(3, 4, 0).unwrap().to_string(), "750.00");
    /// assert!(m.part(1, 0, 2).is_err());
    /// ```
    pub fn part(self, num: u32, den: u32, places: u32) -> Result<Money, Error> {
        // On the integer mantissa (at most 27 digits, so times `num` and a power of ten it
        // stays far inside i128): integer division truncates toward zero. Decimal's own
        // division would cost the rules module 5 KB gzip for this one use.
        let scale = self.value.scale();
        let ten = |e: u32| 10i128.checked_pow(e);
        let scaled = self.value.mantissa().checked_mul(i128::from(num));
        let value = if places >= scale {
            scaled
                .zip(ten(places - scale))
                .and_then(|(m, t)| m.checked_mul(t))
                .zip((den != 0).then_some(i128::from(den)))
                .map(|(m, d)| m / d)
        } else {
            scaled
                .zip(ten(scale - places).and_then(|t| t.checked_mul(i128::from(den))))
                .filter(|(_, d)| *d != 0)
                .map(|(m, d)| m / d)
        }
        .and_then(|m| Decimal::try_from_i128_with_scale(m, places).ok());
        self.exact(value, "a part of an amount")
    }

    fn exact(self, result: Option<Decimal>, what: &str) -> Result<Money, Error> {
        match result {
            Some(value) => Ok(Money {
                value,
                shown: self.shown,
            }),
            None => Err(Error::Overflow {
                path: String::new(),
                what: what.to_owned(),
            }),
        }
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
        Ok(Money::new(d))
    }

    /// The amount as written for people and JSON: at least its shown decimals (two unless
    /// [`Money::shown_with`] said otherwise), more only when the amount has significant ones
    /// (`"10"` → `"10.00"`, `"10.500"` → `"10.50"`, `"10.005"` → `"10.005"`).
    fn render(self) -> String {
        self.with_decimals(u32::from(self.shown))
    }

    /// [`Money::render`] into a buffer on the stack (serialising a 10,000-line report writes
    /// 60,000 amounts; each would otherwise be a heap string).
    fn rendered(self) -> Digits {
        let mut d = self.value.normalize();
        let places = u32::from(self.shown);
        if d.scale() < places {
            d.rescale(places);
        }
        Digits::of(d)
    }

    /// The amount with at least `places` decimals and no insignificant zeros beyond them: for
    /// messages in a currency with other minor units (`with_decimals(0)` of 20000.00 is `20000`).
    pub fn with_decimals(self, places: u32) -> String {
        let mut out = String::new();
        self.push_with_decimals(&mut out, places);
        out
    }

    /// [`Money::with_decimals`], appended to `out`.
    pub(crate) fn push_with_decimals(self, out: &mut String, places: u32) {
        let mut d = self.value.normalize();
        if d.scale() < places {
            d.rescale(places);
        }
        out.push_str(Digits::of(d).as_str());
    }
}

/// A decimal written as `Decimal`'s `Display` writes it (`-12.50`, `0.05`, `0`), in a buffer
/// on the stack: a sign, at most 29 digits of the 96-bit mantissa (more zeros when the scale
/// asks for them, at most 28), a point and a leading `0`.
struct Digits {
    buf: [u8; 64],
    len: usize,
}

impl Digits {
    fn of(d: Decimal) -> Digits {
        // The mantissa's digits, least significant first, then zeros up to the scale.
        let mut rev = [b'0'; 40];
        let mut n = 0;
        let mut m = d.mantissa().unsigned_abs();
        // 128-bit division is a library call: divide in 64 bits once the rest fits (always,
        // for amounts below 18 digits).
        while m > u128::from(u64::MAX) {
            rev[n] = b'0' + (m % 10) as u8;
            m /= 10;
            n += 1;
        }
        let mut m = m as u64;
        while m > 0 {
            rev[n] = b'0' + (m % 10) as u8;
            m /= 10;
            n += 1;
        }
        let scale = d.scale() as usize;
        n = n.max(scale);
        let mut out = Digits {
            buf: [0; 64],
            len: 0,
        };
        let mut push = |b: u8| {
            out.buf[out.len] = b;
            out.len += 1;
        };
        if d.is_sign_negative() {
            push(b'-');
        }
        if n == scale {
            push(b'0');
        }
        for i in (scale..n).rev() {
            push(rev[i]);
        }
        if scale > 0 {
            push(b'.');
            for i in (0..scale).rev() {
                push(rev[i]);
            }
        }
        out
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits, '-' and '.' are written.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// `a + b` (or `a - b`) computed on the integer mantissas at the larger scale, so the result
/// is exact or `None`: rust_decimal's own `checked_add` would drop decimals, rounding, when
/// the exact sum needs more than its 96-bit mantissa.
fn exact_sum(a: Decimal, b: Decimal, subtract: bool) -> Option<Decimal> {
    let scale = a.scale().max(b.scale());
    let lift = |d: Decimal| {
        d.mantissa()
            .checked_mul(10i128.checked_pow(scale - d.scale())?)
    };
    let (x, y) = (lift(a)?, lift(b)?);
    let sum = if subtract {
        x.checked_sub(y)?
    } else {
        x.checked_add(y)?
    };
    Decimal::try_from_i128_with_scale(sum, scale).ok()
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
        s.serialize_str(self.rendered().as_str())
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

    /// `part`: amount, numerator, denominator, decimals → the share, or an error.
    #[test]
    fn parts_round_toward_zero() {
        for (amount, num, den, places, want) in [
            ("1000.00", 1, 2, 2, "500.00"),
            ("1000", 1, 3, 2, "333.33"),
            ("1000.00", 2, 3, 2, "666.66"),
            ("0.05", 1, 2, 2, "0.02"),
            ("-0.05", 1, 2, 2, "-0.02"),
            ("0.125", 1, 1, 2, "0.12"),
            ("50001", 1, 2, 0, "25000.00"),
            ("120.00", 3, 4, 2, "90.00"),
            (
                "999999999999999.999999999999",
                99,
                100,
                2,
                "989999999999999.99",
            ),
            (
                "999999999999999.999999999999",
                1,
                3,
                12,
                "333333333333333.333333333333",
            ),
            ("10.00", 1, 0, 2, "error"),
        ] {
            let got = Money::parse(amount)
                .unwrap()
                .part(num, den, places)
                .map_or_else(|_| "error".to_owned(), |m| m.to_string());
            assert_eq!(got, want, "{amount} × {num}/{den} to {places} decimals");
        }
    }

    #[test]
    fn digits_are_written_as_decimal_displays_them() {
        use proptest::prelude::*;
        let mut runner = proptest::test_runner::TestRunner::default();
        let any = (any::<u128>(), 0u32..=28, any::<bool>(), 0u32..=40);
        runner
            .run(&any, |(bits, scale, negative, digits)| {
                // Mantissas of every length, up to the 96 bits a Decimal holds.
                let m = if digits >= 39 {
                    bits
                } else {
                    bits % 10u128.pow(digits)
                };
                let m = (m % (1u128 << 96)) as i128;
                let mut d = Decimal::from_i128_with_scale(m, scale);
                d.set_sign_negative(negative);
                let digits = Digits::of(d);
                prop_assert_eq!(digits.as_str(), d.to_string());
                Ok(())
            })
            .unwrap();
        for (m, scale) in [(0, 0), (0, 2), (5, 2), (1, 28), (i128::from(u64::MAX), 28)] {
            let d = Decimal::from_i128_with_scale(m, scale);
            assert_eq!(Digits::of(d).as_str(), d.to_string());
        }
    }

    #[test]
    fn decimals_ignore_trailing_zeros() {
        let m = Money::parse("10.500").unwrap();
        assert!(!m.has_more_decimals_than(2));
        assert!(Money::parse("10.005").unwrap().has_more_decimals_than(2));
    }
}
