//! Calendar days: enough of the proleptic Gregorian calendar to place events and
//! publication dates and to write them as news does ("on Monday", "March 3").

/// Weekday names, Monday first (ISO 8601 order).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
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

/// A calendar day, counted in days from 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The day of a civil date (month and day 1-based).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Day {
        // Count from 1 March so the leap day falls at the end of the counted year.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
        let day_of_era = year_of_era as u32 * 365 + year_of_era as u32 / 4
            - year_of_era as u32 / 100
            + day_of_year;
        Day(era * 146_097 + day_of_era as i32 - 719_468)
    }

    /// The civil date of this day: (year, month 1-12, day 1-31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = (z - era * 146_097) as u32;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era as i32 + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// The day `n` days later (earlier for negative `n`).
    pub fn plus(self, n: i32) -> Day {
        Day(self.0 + n)
    }

    /// 0 for Monday through 6 for Sunday.
    pub fn weekday(self) -> usize {
        (self.0 + 3).rem_euclid(7) as usize
    }

    /// The weekday's name ("Monday").
    pub fn weekday_name(self) -> &'static str {
        WEEKDAYS[self.weekday()]
    }

    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// "March 3" (`day_first` false) or "3 March".
    pub fn month_day(self, day_first: bool) -> String {
        let (_, m, d) = self.ymd();
        let month = MONTHS[m as usize - 1];
        if day_first {
            format!("{d} {month}")
        } else {
            format!("{month} {d}")
        }
    }

    /// The Monday that starts this day's week.
    pub fn week_start(self) -> Day {
        self.plus(-(self.weekday() as i32))
    }
}

#[cfg(test)]
mod tests {
    use super::Day;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(Day(0).weekday_name(), "Thursday");
        assert_eq!(Day::from_ymd(2023, 1, 2).weekday_name(), "Monday");
        assert_eq!(Day::from_ymd(2024, 2, 29).iso(), "2024-02-29");
        assert_eq!(Day::from_ymd(2024, 2, 29).plus(1).iso(), "2024-03-01");
        for n in -800_000..800_000 {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Day(n));
        }
    }
}
