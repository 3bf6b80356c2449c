//! The days a document or a story speaks of, and when two of them cannot be one
//! happening.
//!
//! Each side has *primary* days (a document's publication date, or, when it has none,
//! the dates of its title and lead) and *all* the days it names. Two sides are
//! compatible unless both have primary days and neither side's primary days come within
//! the window of any day the other names: a trial article of 2007 that recalls the
//! shooting of 24 June 2005 stays with the 2005 reports, while two keynotes of 2009 and
//! 2012 come apart. A side without primary days never conflicts.

/// A closed range of days, as day numbers (days since 1970-01-01).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub(crate) struct DayRange {
    /// First day.
    pub start: i32,
    /// Last day.
    pub end: i32,
}

impl DayRange {
    /// The days from `start` to `end`.
    pub fn of(start: crate::model::Date, end: crate::model::Date) -> DayRange {
        DayRange {
            start: day_number(start),
            end: day_number(end),
        }
    }

    /// Days between the two ranges (0 when they touch or overlap).
    fn gap(self, other: DayRange) -> i64 {
        (i64::from(other.start) - i64::from(self.end))
            .max(i64::from(self.start) - i64::from(other.end))
            .max(0)
    }
}

/// The day number of `d`.
pub(crate) fn day_number(d: crate::model::Date) -> i32 {
    let epoch = crate::model::Date::from_ymd(1970, 1, 1);
    epoch.map_or(0, |e| {
        e.days_until(d).clamp(i32::MIN as i64, i32::MAX as i64) as i32
    })
}

/// Primary days and all days named, each sorted and coalesced.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct DocDates {
    /// The days that say when the document's happening is.
    pub primary: Vec<DayRange>,
    /// Every day named (the primary ones included).
    pub all: Vec<DayRange>,
}

impl DocDates {
    /// Dates from unsorted ranges, each list coalesced and cut to its first `max`
    /// ranges.
    pub fn new(primary: Vec<DayRange>, all: Vec<DayRange>, max: usize) -> DocDates {
        DocDates {
            primary: coalesce(primary, max),
            all: coalesce(all, max),
        }
    }

    /// Whether `self` and `other` may be one happening, with primary days allowed
    /// `window` days from the other side's days.
    pub fn compatible(&self, other: &DocDates, window: u32) -> bool {
        if self.primary.is_empty() || other.primary.is_empty() {
            return true;
        }
        near(&self.primary, &other.all, window) || near(&other.primary, &self.all, window)
    }

    /// Both sides' days together, each list cut to `max` ranges.
    pub fn union(&self, other: &DocDates, max: usize) -> DocDates {
        let join = |a: &[DayRange], b: &[DayRange]| {
            let mut v = Vec::with_capacity(a.len() + b.len());
            v.extend_from_slice(a);
            v.extend_from_slice(b);
            coalesce(v, max)
        };
        DocDates {
            primary: join(&self.primary, &other.primary),
            all: join(&self.all, &other.all),
        }
    }
}

/// Sorted, overlapping or touching ranges merged; at most `max` kept, the widest gaps
/// closed first so the list still covers every day it covered.
fn coalesce(mut v: Vec<DayRange>, max: usize) -> Vec<DayRange> {
    v.sort_unstable();
    let mut out: Vec<DayRange> = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(last) if i64::from(r.start) <= i64::from(last.end) + 1 => {
                last.end = last.end.max(r.end)
            }
            _ => out.push(r),
        }
    }
    while out.len() > max.max(1) {
        // close the narrowest gap: the list grows to cover a few more days, never fewer
        let Some(k) = (0..out.len() - 1).min_by_key(|&k| (out[k].gap(out[k + 1]), k)) else {
            break;
        };
        out[k].end = out[k + 1].end.max(out[k].end);
        out.remove(k + 1);
    }
    out
}

/// Whether some range of `a` lies within `window` days of some range of `b` (both
/// sorted).
fn near(a: &[DayRange], b: &[DayRange], window: u32) -> bool {
    let w = i64::from(window);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].gap(b[j]) <= w {
            return true;
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> DayRange {
        let d: crate::model::Date = s.parse().unwrap();
        DayRange::of(d, d)
    }

    fn dates(primary: &[&str], other: &[&str]) -> DocDates {
        let p: Vec<DayRange> = primary.iter().map(|s| day(s)).collect();
        let mut all = p.clone();
        all.extend(other.iter().map(|s| day(s)));
        DocDates::new(p, all, 8)
    }

    #[test]
    fn a_later_article_recalling_the_day_stays_compatible() {
        let shooting = dates(&["2005-06-24"], &[]);
        let trial = dates(&["2007-04-03"], &["2005-06-24"]);
        assert!(shooting.compatible(&trial, 7));
        let other = dates(&["2009-01-06"], &["2004-05-01"]);
        assert!(!other.compatible(&trial, 7));
        assert!(dates(&[], &["2001-01-01"]).compatible(&trial, 7));
    }

    #[test]
    fn the_window_counts_days_between() {
        let a = dates(&["2024-01-01"], &[]);
        assert!(a.compatible(&dates(&["2024-01-08"], &[]), 7));
        assert!(!a.compatible(&dates(&["2024-01-09"], &[]), 7));
    }

    #[test]
    fn coalescing_keeps_every_day_covered() {
        let v: Vec<DayRange> = (0..10)
            .map(|k| DayRange {
                start: k * 10,
                end: k * 10,
            })
            .collect();
        let c = coalesce(v, 3);
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].start, c[2].end), (0, 90));
    }
}
