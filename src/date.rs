//! Calendar dates (`YYYY-MM-DD`) for review dates, and today's date.
//!
//! The graph only needs to read dates, print them and count the days between two of them, so a
//! small proleptic-Gregorian day count does the job without a date-time crate.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date without time zone, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when the day does not exist (e.g. 2026-02-30).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 9999) as u16;
        Date { year, month, day }
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days() - self.days()
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a date of the form YYYY-MM-DD", self.0)
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8).ok_or_else(err)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date, YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The date a source page states: a day, a month, a year, or explicitly none.
///
/// Many public pages show only a month or a year, and some no date at all; a source says so
/// rather than inventing a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceDate {
    /// `YYYY-MM-DD`.
    Day(Date),
    /// `YYYY-MM`.
    Month(u16, u8),
    /// `YYYY`.
    Year(u16),
    /// `"undated"`: the page shows no date.
    Undated,
}

impl SourceDate {
    /// The last day the date can mean (the end of its month or year), so an age measured from
    /// it is never longer than the real one; `None` for an undated page.
    pub fn latest_day(self) -> Option<Date> {
        match self {
            SourceDate::Day(d) => Some(d),
            SourceDate::Month(y, m) => Date::new(y, m, days_in_month(y, m)),
            SourceDate::Year(y) => Date::new(y, 12, 31),
            SourceDate::Undated => None,
        }
    }
}

impl FromStr for SourceDate {
    type Err = SourceDateError;

    fn from_str(s: &str) -> Result<SourceDate, SourceDateError> {
        let err = || SourceDateError(s.to_owned());
        let digits = |part: &str| part.bytes().all(|c| c.is_ascii_digit());
        match s.len() {
            _ if s == "undated" => Ok(SourceDate::Undated),
            10 => s.parse().map(SourceDate::Day).map_err(|_| err()),
            7 if s.as_bytes()[4] == b'-' && digits(&s[..4]) && digits(&s[5..]) => {
                let (y, m) = (
                    s[..4].parse().map_err(|_| err())?,
                    s[5..].parse().map_err(|_| err())?,
                );
                (1..=12)
                    .contains(&m)
                    .then_some(SourceDate::Month(y, m))
                    .ok_or_else(err)
            }
            4 if digits(s) => s.parse().map(SourceDate::Year).map_err(|_| err()),
            _ => Err(err()),
        }
    }
}

impl fmt::Display for SourceDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceDate::Day(d) => d.fmt(f),
            SourceDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            SourceDate::Year(y) => write!(f, "{y:04}"),
            SourceDate::Undated => f.write_str("undated"),
        }
    }
}

/// Why a text is not a source date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDateError(String);

impl fmt::Display for SourceDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a page date: write YYYY-MM-DD, YYYY-MM, YYYY or \"undated\"",
            self.0
        )
    }
}

impl std::error::Error for SourceDateError {}

impl JsonSchema for SourceDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SourceDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The date the source page states: YYYY-MM-DD, YYYY-MM, YYYY, or \"undated\".",
            "type": "string",
            "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|undated)$"
        })
    }
}

impl Serialize for SourceDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SourceDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2026-11-29".parse().unwrap();
        assert_eq!(d.to_string(), "2026-11-29");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-11-29",
            "2026/11/29",
            "2026-1-290",
            "2026-+1-01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2100-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn day_count_round_trips() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days(), 11_017);
        for days in [-1000, 0, 1, 59, 365, 10_957, 20_000, 30_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
    }

    #[test]
    fn days_between_counts_leap_years() {
        let a: Date = "2024-01-01".parse().unwrap();
        let b: Date = "2025-01-01".parse().unwrap();
        assert_eq!(a.days_until(b), 366);
        assert_eq!(b.days_until(a), -366);
    }

    #[test]
    fn source_dates_take_day_month_year_or_undated() {
        for (text, latest) in [
            ("2023-03-28", Some("2023-03-28")),
            ("2024-02", Some("2024-02-29")),
            ("2018", Some("2018-12-31")),
            ("undated", None),
        ] {
            let d: SourceDate = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
            assert_eq!(d.latest_day().map(|d| d.to_string()).as_deref(), latest);
        }
        for bad in [
            "",
            "2023-13",
            "23",
            "2023-3",
            "Undated",
            "2023-02-30",
            "maart 2023",
        ] {
            assert!(bad.parse::<SourceDate>().is_err(), "{bad}");
        }
    }
}
