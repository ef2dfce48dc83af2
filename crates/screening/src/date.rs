use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A date of birth as lists give them: often only a year, sometimes a year and month.
///
/// Serialised as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// The text was not a date in one of the accepted shapes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date: {0:?}")]
pub struct BadDate(pub String);

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A date from parts, refusing impossible months and days.
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        if !(1000..=2999).contains(&year) {
            return None;
        }
        match (month, day) {
            (None, Some(_)) => return None,
            (Some(m), _) if !(1..=12).contains(&m) => return None,
            (Some(m), Some(d)) => {
                chrono::NaiveDate::from_ymd_opt(year, u32::from(m), u32::from(d))?;
            }
            _ => {}
        }
        Some(PartialDate { year, month, day })
    }

    /// Parses the date spellings found in sanctions lists: ISO (`1952-10-07`, `1952-10`,
    /// `1952`), OFAC (`07 Oct 1952`, `Oct 1952`, `circa 1952`), UK (`07/10/1952`,
    /// `00/00/1952`, `--/--/1952`). Returns every year of a range such as OFAC's
    /// `1964 to 1966` (at most 15).
    pub fn parse_many(text: &str) -> Vec<PartialDate> {
        let t = text.trim();
        let t = t
            .strip_prefix("circa")
            .or_else(|| t.strip_prefix("Circa"))
            .or_else(|| t.strip_prefix("c."))
            .or_else(|| t.strip_prefix("approximately"))
            .unwrap_or(t)
            .trim();
        if let Some((a, b)) = t.split_once(" to ").or_else(|| t.split_once(" - ")) {
            if let (Some(a), Some(b)) = (Self::parse_one(a), Self::parse_one(b))
                && a.year <= b.year
                && b.year - a.year <= 15
            {
                return (a.year..=b.year).map(PartialDate::year).collect();
            }
            return Vec::new();
        }
        Self::parse_one(t).into_iter().collect()
    }

    fn parse_one(t: &str) -> Option<PartialDate> {
        let t = t.trim().trim_end_matches('.');
        if t.is_empty() {
            return None;
        }
        // ISO shapes, possibly with a time part.
        let iso = t.split('T').next().unwrap_or(t);
        let parts: Vec<&str> = iso.split('-').collect();
        if parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            && parts.first().is_some_and(|p| p.len() == 4)
        {
            let year = parts[0].parse().ok()?;
            let month = parts
                .get(1)
                .and_then(|m| m.parse().ok())
                .filter(|m| *m != 0);
            let day = parts
                .get(2)
                .and_then(|d| d.parse().ok())
                .filter(|d| *d != 0);
            if parts.len() > 3 {
                return None;
            }
            return PartialDate::new(year, month, if month.is_some() { day } else { None });
        }
        // Day-first numeric shapes: dd/mm/yyyy with unknown parts as 00 or --.
        if t.contains('/') {
            let parts: Vec<&str> = t.split('/').map(str::trim).collect();
            let (d, m, y) = match parts.as_slice() {
                [d, m, y] => (*d, *m, *y),
                [m, y] => ("", *m, *y),
                _ => return None,
            };
            let year = y.parse().ok()?;
            let num = |s: &str| s.parse::<u8>().ok().filter(|v| *v != 0);
            let month = num(m);
            let day = if month.is_some() { num(d) } else { None };
            return PartialDate::new(year, month, day);
        }
        // OFAC shapes: "07 Oct 1952", "Oct 1952", "1952".
        let words: Vec<&str> = t.split_whitespace().collect();
        let month_of = |w: &str| {
            let w = w.to_ascii_lowercase();
            MONTHS
                .iter()
                .position(|m| w.starts_with(m))
                .and_then(|i| u8::try_from(i + 1).ok())
        };
        match words.as_slice() {
            [y] => PartialDate::new(y.parse().ok()?, None, None),
            [m, y] => PartialDate::new(y.parse().ok()?, Some(month_of(m)?), None),
            [d, m, y] => {
                PartialDate::new(y.parse().ok()?, Some(month_of(m)?), Some(d.parse().ok()?))
            }
            _ => None,
        }
    }
}

impl From<chrono::NaiveDate> for PartialDate {
    fn from(d: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        PartialDate {
            year: d.year(),
            month: u8::try_from(d.month()).ok(),
            day: u8::try_from(d.day()).ok(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = BadDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut all = PartialDate::parse_many(s);
        if all.len() == 1 {
            Ok(all.remove(0))
        } else {
            Err(BadDate(s.to_owned()))
        }
    }
}

impl TryFrom<String> for PartialDate {
    type Error = BadDate;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> Self {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_date_spellings_parse_to_the_same_partial_dates() {
        let full = PartialDate::new(1952, Some(10), Some(7));
        assert_eq!(
            PartialDate::parse_many("07 Oct 1952"),
            full.into_iter().collect::<Vec<_>>()
        );
        assert_eq!("1952-10-07".parse().ok(), full);
        assert_eq!("07/10/1952".parse().ok(), full);
        assert_eq!("00/00/1952".parse().ok(), Some(PartialDate::year(1952)));
        assert_eq!("--/--/1952".parse().ok(), Some(PartialDate::year(1952)));
        assert_eq!("circa 1960".parse().ok(), Some(PartialDate::year(1960)));
        assert_eq!(
            "Oct 1952"
                .parse::<PartialDate>()
                .map(|d| d.to_string())
                .ok(),
            Some("1952-10".into())
        );
        assert_eq!(PartialDate::parse_many("1964 to 1966").len(), 3);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!("1952-02-30".parse::<PartialDate>().is_err());
        assert!("31 Foo 1952".parse::<PartialDate>().is_err());
        assert!("".parse::<PartialDate>().is_err());
    }
}
