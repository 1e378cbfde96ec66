//! Calendar dates (`YYYY-MM-DD`), strictly parsed, with day arithmetic for expiry checks.
//!
//! The core never reads a clock: `today` is part of every scenario, so the same input gives
//! the same report natively and in the browser, today and in a year.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian calendar date between 1900-01-01 and 9999-12-31.
///
/// ```
/// use adcredit_core::Date;
/// let a = Date::parse("2026-11-24").unwrap();
/// let b = Date::parse("2026-12-31").unwrap();
/// assert_eq!(a.days_until(b), 37);
/// assert!(Date::parse("2026-02-30").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(as = "String", rename = "IsoDate")
)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a string is not a [`Date`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateParseError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// Year outside 1900–9999.
    Year,
    /// Month outside 1–12.
    Month,
    /// No such day in that month; carries the month's length.
    Day {
        /// Days in that month.
        days_in_month: u8,
    },
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format => f.write_str("is not a date in YYYY-MM-DD form"),
            Self::Year => f.write_str("is not a supported date (years 1900 to 9999)"),
            Self::Month => f.write_str("is not a date (months run from 01 to 12)"),
            Self::Day { days_in_month } => {
                write!(f, "is not a date (that month has {days_in_month} days)")
            }
        }
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Parse `YYYY-MM-DD` exactly (no time, no time zone, no other separators).
    pub fn parse(s: &str) -> Result<Date, DateParseError> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(DateParseError::Format);
        }
        let num = |r: std::ops::Range<usize>| {
            b[r].iter()
                .fold(0u16, |acc, c| acc * 10 + u16::from(c - b'0'))
        };
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        if !(1900..=9999).contains(&year) {
            return Err(DateParseError::Year);
        }
        let month = u8::try_from(month).map_err(|_| DateParseError::Month)?;
        if !(1..=12).contains(&month) {
            return Err(DateParseError::Month);
        }
        let dim = days_in_month(year, month);
        let day = u8::try_from(day).map_err(|_| DateParseError::Day { days_in_month: dim })?;
        if day == 0 || day > dim {
            return Err(DateParseError::Day { days_in_month: dim });
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's days-from-civil.
    fn days_from_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.days_from_epoch() - self.days_from_epoch()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The month's English name and the year, for messages ("February 2026").
    pub fn month_name(self) -> String {
        format!("{} {}", MONTH_NAMES[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date string such as \"2026-11-24\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        Date::parse(v).map_err(|e| E::custom(format_args!("{v:?} {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            ("2026-11-24", "2026-11-24"),
            ("2024-02-29", "2024-02-29"),
            (
                "2026-02-29",
                "error: is not a date (that month has 28 days)",
            ),
            (
                "2026-02-30",
                "error: is not a date (that month has 28 days)",
            ),
            (
                "2026-04-31",
                "error: is not a date (that month has 30 days)",
            ),
            (
                "2026-13-01",
                "error: is not a date (months run from 01 to 12)",
            ),
            (
                "2026-00-10",
                "error: is not a date (months run from 01 to 12)",
            ),
            (
                "2026-01-00",
                "error: is not a date (that month has 31 days)",
            ),
            (
                "1899-12-31",
                "error: is not a supported date (years 1900 to 9999)",
            ),
            ("2026-1-5", "error: is not a date in YYYY-MM-DD form"),
            ("24/11/2026", "error: is not a date in YYYY-MM-DD form"),
            (
                "2026-11-24T00:00:00Z",
                "error: is not a date in YYYY-MM-DD form",
            ),
            ("", "error: is not a date in YYYY-MM-DD form"),
        ];
        for (input, expected) in cases {
            let got = match Date::parse(input) {
                Ok(d) => d.to_string(),
                Err(e) => format!("error: {e}"),
            };
            assert_eq!(got, expected, "{input}");
        }
    }

    #[test]
    fn day_arithmetic() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").days_from_epoch(), 0);
        assert_eq!(d("2000-03-01").days_from_epoch(), 11_017);
        assert_eq!(d("2026-11-24").days_until(d("2027-11-24")), 365);
        assert_eq!(d("2028-02-28").days_until(d("2028-03-01")), 2);
        assert_eq!(d("2026-11-24").days_until(d("2026-11-20")), -4);
        assert_eq!(d("2026-02-01").month_name(), "February 2026");
    }
}
