//! Calendar dates (`YYYY-MM-DD`): parsing, day arithmetic, weekdays. Shared by the parser
//! (relative days), validation and the query engine (date ranges and sorting).

use std::fmt;

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
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

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.days_since_epoch() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.days_since_epoch() + 3).rem_euclid(7) as u32
    }
}

impl Date {
    /// Appends `YYYY-MM-DD`: digit by digit for years 0 to 9999 (the parser writes several
    /// dates per readout), through the formatting machinery otherwise.
    pub fn push_iso(self, out: &mut String) {
        let Ok(year) = u32::try_from(self.year) else {
            return self.push_formatted(out);
        };
        if year > 9999 || self.month > 99 || self.day > 99 {
            return self.push_formatted(out);
        }
        let push = |out: &mut String, n: u32, mut divisor: u32| {
            while divisor > 0 {
                out.push(char::from(b'0' + (n / divisor % 10) as u8));
                divisor /= 10;
            }
        };
        push(out, year, 1000);
        out.push('-');
        push(out, self.month, 10);
        out.push('-');
        push(out, self.day, 10);
    }

    fn push_formatted(self, out: &mut String) {
        use fmt::Write;
        // Writing to a String cannot fail.
        let _ = write!(out, "{:04}-{:02}-{:02}", self.year, self.month, self.day);
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut iso = String::with_capacity(10);
        self.push_iso(&mut iso);
        f.write_str(&iso)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn writes_iso_dates() {
        let iso = |year, month, day| Date { year, month, day }.to_string();
        assert_eq!(iso(2024, 7, 3), "2024-07-03");
        assert_eq!(iso(987, 12, 31), "0987-12-31");
        assert_eq!(iso(12_345, 1, 1), "12345-01-01");
        assert_eq!(iso(-44, 3, 15), "-044-03-15");
        let mut id = String::from("readout-");
        Date::new(2031, 11, 2).unwrap().push_iso(&mut id);
        assert_eq!(id, "readout-2031-11-02");
    }
}
