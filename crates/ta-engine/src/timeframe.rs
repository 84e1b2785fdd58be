//! Time buckets for higher timeframes: the one definition the batch plan and the live runner
//! both use, so a bar lands in the same bucket either way.
//!
//! Timestamps are instants in nanoseconds since the Unix epoch (UTC). A timeframe is written
//! as a Polars duration (`30s`, `15m`, `4h`, `1d`, `2w`, `1mo`, `1q`, `1y`):
//! - fixed lengths (`ns`..`h`) make buckets aligned to the epoch plus the offset, in absolute
//!   time (an hour is an hour, whatever the time zone);
//! - days and weeks follow the local calendar of the time zone (UTC when none): a day runs from
//!   local midnight to local midnight (23 or 25 hours across a DST change), weeks start on
//!   Monday, `n` days count from 1970-01-01;
//! - months (`mo`, `q` = 3, `y` = 12) start on the first of the month, local midnight;
//! - the offset (e.g. `-8h` for New York's 16:00-to-16:00 sessions) moves every boundary by
//!   that much wall-clock time.
//!
//! A local boundary that falls in a DST gap moves to the first instant after the gap; one that
//! falls in a repeated hour takes its first occurrence.

use chrono::{Datelike, Duration as Span, LocalResult, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use crate::TaError;

const NANOS_PER_DAY: i64 = 86_400_000_000_000;

/// A Polars duration: calendar months, calendar days and a fixed part, with a sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Duration {
    pub months: i64,
    pub days: i64,
    pub nanos: i64,
}

impl Duration {
    /// Parses Polars duration syntax: an optional `-`, then `<count><unit>` parts.
    pub fn parse(text: &str) -> Result<Self, TaError> {
        let bad = || TaError::InvalidTimeframe {
            text: text.to_string(),
        };
        let (negative, mut rest) = match text.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, text),
        };
        if rest.is_empty() {
            return Err(bad());
        }
        let mut out = Duration::default();
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let letters = rest[digits..]
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .count();
            if digits == 0 || letters == 0 {
                return Err(bad());
            }
            let count: i64 = rest[..digits].parse().map_err(|_| bad())?;
            let unit = &rest[digits..digits + letters];
            let fixed = |scale: i64| count.checked_mul(scale).ok_or_else(bad);
            match unit {
                "ns" => out.nanos += count,
                "us" => out.nanos += fixed(1_000)?,
                "ms" => out.nanos += fixed(1_000_000)?,
                "s" => out.nanos += fixed(1_000_000_000)?,
                "m" => out.nanos += fixed(60_000_000_000)?,
                "h" => out.nanos += fixed(3_600_000_000_000)?,
                "d" => out.days += count,
                "w" => out.days += fixed(7)?,
                "mo" => out.months += count,
                "q" => out.months += fixed(3)?,
                "y" => out.months += fixed(12)?,
                _ => return Err(bad()),
            }
            rest = &rest[digits + letters..];
        }
        if negative {
            out = Duration {
                months: -out.months,
                days: -out.days,
                nanos: -out.nanos,
            };
        }
        Ok(out)
    }

    fn is_zero(&self) -> bool {
        self.months == 0 && self.days == 0 && self.nanos == 0
    }
}

/// How instants are grouped into buckets of one timeframe.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucketing {
    every: Duration,
    offset: Duration,
    zone: Option<Tz>,
}

impl Bucketing {
    /// Buckets of `every` (a positive duration of one kind: fixed, days/weeks or months),
    /// moved by `offset` (fixed and days only), in time zone `tz` (an IANA name).
    pub fn new(every: &str, offset: Option<&str>, tz: Option<&str>) -> Result<Self, TaError> {
        let bad = || TaError::InvalidTimeframe {
            text: every.to_string(),
        };
        let length = Duration::parse(every)?;
        let kinds = [length.months != 0, length.days != 0, length.nanos != 0];
        if length.is_zero()
            || length.months < 0
            || length.days < 0
            || length.nanos < 0
            || kinds.iter().filter(|k| **k).count() != 1
        {
            return Err(bad());
        }
        let offset = match offset {
            Some(text) => {
                let parsed = Duration::parse(text)?;
                if parsed.months != 0 {
                    return Err(TaError::InvalidTimeframe {
                        text: text.to_string(),
                    });
                }
                parsed
            }
            None => Duration::default(),
        };
        let zone = match tz {
            Some(name) => Some(name.parse::<Tz>().map_err(|_| TaError::InvalidTimeZone {
                name: name.to_string(),
            })?),
            None => None,
        };
        Ok(Bucketing {
            every: length,
            offset,
            zone,
        })
    }

    /// The bucket `[start, end)` that contains instant `t` (nanoseconds since the epoch).
    pub fn bucket(&self, t: i64) -> (i64, i64) {
        if self.every.nanos != 0 {
            let period = self.every.nanos;
            let shift = self.offset.nanos + self.offset.days * NANOS_PER_DAY;
            let start = (t - shift).div_euclid(period) * period + shift;
            return (start, start + period);
        }
        // Calendar buckets: find the local date, step back by the offset, bucket the date.
        let local = self.local(t) - self.wall_offset();
        let date = local.date();
        let (first, next) = if self.every.months != 0 {
            let index = i64::from(date.year()) * 12 + i64::from(date.month0());
            let start = index.div_euclid(self.every.months) * self.every.months;
            (month_start(start), month_start(start + self.every.months))
        } else {
            // Whole weeks start on Monday (1969-12-29); other day counts on 1970-01-01.
            let anchor = if self.every.days % 7 == 0 {
                NaiveDate::from_ymd_opt(1969, 12, 29)
            } else {
                NaiveDate::from_ymd_opt(1970, 1, 1)
            }
            .unwrap_or_default();
            let since = (date - anchor).num_days();
            let start = since.div_euclid(self.every.days) * self.every.days;
            (
                anchor + Span::days(start),
                anchor + Span::days(start + self.every.days),
            )
        };
        (self.instant(first), self.instant(next))
    }

    fn wall_offset(&self) -> Span {
        Span::nanoseconds(self.offset.nanos) + Span::days(self.offset.days)
    }

    /// Local wall-clock time of instant `t`.
    fn local(&self, t: i64) -> NaiveDateTime {
        let utc = chrono::DateTime::from_timestamp_nanos(t).naive_utc();
        match self.zone {
            Some(zone) => zone.from_utc_datetime(&utc).naive_local(),
            None => utc,
        }
    }

    /// The instant of local midnight of `date`, moved by the offset.
    fn instant(&self, date: NaiveDate) -> i64 {
        let wall = date.and_hms_opt(0, 0, 0).unwrap_or_default() + self.wall_offset();
        let Some(zone) = self.zone else {
            return nanos(wall);
        };
        // In a DST gap, step forward (a minute at a time) to the first time that exists.
        let mut probe = wall;
        for _ in 0..=180 {
            match zone.from_local_datetime(&probe) {
                LocalResult::Single(t) => return nanos(t.naive_utc()),
                LocalResult::Ambiguous(first, _) => return nanos(first.naive_utc()),
                LocalResult::None => probe += Span::minutes(1),
            }
        }
        nanos(wall)
    }
}

fn month_start(index: i64) -> NaiveDate {
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
    let month = u32::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default()
}

fn nanos(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp_nanos_opt().unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        nanos(
            NaiveDate::from_ymd_opt(y, mo, d)
                .unwrap()
                .and_hms_opt(h, mi, 0)
                .unwrap(),
        )
    }

    const HOUR: i64 = 3_600_000_000_000;

    #[test]
    fn durations_parse_as_polars_writes_them() {
        let d = Duration::parse("1h30m").unwrap();
        assert_eq!(d.nanos, 90 * 60_000_000_000);
        assert_eq!(Duration::parse("2mo").unwrap().months, 2);
        assert_eq!(Duration::parse("1q").unwrap().months, 3);
        assert_eq!(Duration::parse("2w").unwrap().days, 14);
        assert_eq!(Duration::parse("-8h").unwrap().nanos, -8 * HOUR);
        for bad in ["", "-", "h", "1x", "1h-", "1.5h", "99999999999999999999h"] {
            assert!(Duration::parse(bad).is_err(), "{bad}");
        }
        assert!(Bucketing::new("1d12h", None, None).is_err());
        assert!(Bucketing::new("0h", None, None).is_err());
        assert!(Bucketing::new("1h", None, Some("Mars/Olympus")).is_err());
    }

    #[test]
    fn fixed_buckets_align_to_the_epoch() {
        let b = Bucketing::new("5m", None, None).unwrap();
        assert_eq!(
            b.bucket(at(2024, 1, 2, 9, 4)),
            (at(2024, 1, 2, 9, 0), at(2024, 1, 2, 9, 5))
        );
        assert_eq!(b.bucket(at(2024, 1, 2, 9, 5)).0, at(2024, 1, 2, 9, 5));
        let before_epoch = Bucketing::new("1h", None, None).unwrap().bucket(-1);
        assert_eq!(before_epoch, (-HOUR, 0));
        let shifted = Bucketing::new("1d", Some("-8h"), None).unwrap();
        assert_eq!(
            shifted.bucket(at(2024, 1, 2, 17, 0)).0,
            at(2024, 1, 2, 16, 0)
        );
    }

    #[test]
    fn local_days_follow_dst() {
        let b = Bucketing::new("1d", None, Some("America/New_York")).unwrap();
        // 2024-03-10 is 23 hours long in New York: 05:00 UTC to 04:00 UTC the next day.
        let (start, end) = b.bucket(at(2024, 3, 10, 12, 0));
        assert_eq!((start, end), (at(2024, 3, 10, 5, 0), at(2024, 3, 11, 4, 0)));
        let (start, end) = b.bucket(at(2024, 11, 3, 12, 0));
        assert_eq!(end - start, 25 * HOUR);
        // NYSE sessions: 16:00 to 16:00 local.
        let s = Bucketing::new("1d", Some("-8h"), Some("America/New_York")).unwrap();
        assert_eq!(
            s.bucket(at(2024, 5, 6, 21, 0)),
            (at(2024, 5, 6, 20, 0), at(2024, 5, 7, 20, 0))
        );
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        let w = Bucketing::new("1w", None, None).unwrap();
        // 2024-01-04 is a Thursday; its week starts Monday 2024-01-01.
        assert_eq!(
            w.bucket(at(2024, 1, 4, 10, 0)),
            (at(2024, 1, 1, 0, 0), at(2024, 1, 8, 0, 0))
        );
        let m = Bucketing::new("1mo", None, None).unwrap();
        assert_eq!(
            m.bucket(at(2024, 2, 29, 23, 59)),
            (at(2024, 2, 1, 0, 0), at(2024, 3, 1, 0, 0))
        );
        let q = Bucketing::new("1q", None, None).unwrap();
        assert_eq!(
            q.bucket(at(2024, 5, 15, 0, 0)),
            (at(2024, 4, 1, 0, 0), at(2024, 7, 1, 0, 0))
        );
        let y = Bucketing::new("1y", None, None).unwrap();
        assert_eq!(y.bucket(at(1969, 7, 1, 0, 0)).0, at(1969, 1, 1, 0, 0));
    }

    #[test]
    fn every_instant_is_in_its_bucket() {
        for (every, tz) in [
            ("15m", None),
            ("1d", Some("Europe/London")),
            ("2d", None),
            ("1w", Some("Asia/Kolkata")),
            ("1mo", Some("America/New_York")),
        ] {
            let b = Bucketing::new(every, Some("2h"), tz).unwrap();
            let mut t = at(2023, 12, 25, 0, 0);
            while t < at(2024, 4, 5, 0, 0) {
                let (start, end) = b.bucket(t);
                assert!(start <= t && t < end, "{every} {tz:?} {t}");
                assert_eq!(b.bucket(end).0, end);
                t += 37 * 60_000_000_000;
            }
        }
    }
}
