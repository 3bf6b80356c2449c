//! Numbers as outlets write them: "12" or "twelve", "1,500" or "1500" or "1.5 thousand",
//! "40%" or "40 percent" or "40 per cent", "$3.5 billion" or "US$3.5bn" or
//! "$3,500 million". Every format of one value reads back to that value.

use crate::rng::Rng;

/// Number words up to twelve, the ones newsrooms spell out.
const SMALL: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
];

/// A value a claim states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// A count of things.
    Count(u32),
    /// A percentage, in tenths of a percent (125 is 12.5%).
    Percent(u32),
    /// Money, in millions of dollars.
    Money(u32),
}

impl Amount {
    /// A base claim's amount: half counts, a quarter percentages, a quarter money.
    pub fn draw(rng: &mut Rng) -> Amount {
        let r = rng.unit();
        if r < 0.5 {
            let n = match rng.below(4) {
                0 => rng.between(2, 12),
                1 => rng.between(13, 400),
                2 => rng.between(1, 60) * 100,
                _ => rng.between(1000, 9999),
            };
            Amount::Count(n)
        } else if r < 0.75 {
            let half = if rng.chance(0.3) { 5 } else { 0 };
            Amount::Percent(rng.between(1, 80) * 10 + half)
        } else if rng.chance(0.5) {
            Amount::Money(rng.between(2, 900))
        } else {
            Amount::Money(rng.between(1, 90) * 100)
        }
    }

    /// A different value of the same kind, for a deliberate disagreement.
    pub fn changed(self, rng: &mut Rng) -> Amount {
        match self {
            Amount::Percent(tenths) => {
                let delta = rng.pick(&[-30i64, 20, 50]);
                Amount::Percent((i64::from(tenths) + delta).max(10) as u32)
            }
            Amount::Count(n) => Amount::Count(scaled(n, rng)),
            Amount::Money(m) => Amount::Money(scaled(m, rng)),
        }
    }

    /// The number itself (a count, tenths of a percent, or millions).
    pub fn value(self) -> u32 {
        match self {
            Amount::Count(n) | Amount::Percent(n) | Amount::Money(n) => n,
        }
    }

    /// The amount in one of its written forms, chosen by `rng`.
    pub fn render(self, rng: &mut Rng) -> String {
        let style = rng.unit();
        match self {
            Amount::Count(n) => count(n, style),
            Amount::Percent(tenths) => percent(tenths, style),
            Amount::Money(m) => money(m, style),
        }
    }
}

/// `n` scaled by one of a few factors, never below 2 nor equal to `n`.
fn scaled(n: u32, rng: &mut Rng) -> u32 {
    let factor = rng.pick(&[0.5, 0.8, 1.25, 1.5, 2.0]);
    let m = ((f64::from(n) * factor) as u32).max(2);
    if m == n {
        n + 1
    } else {
        m
    }
}

/// A decimal without trailing zeros ("3.5", "3", "0.25").
pub fn decimal(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Thousands separated by commas ("1,500").
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count in the form `style` (uniform in 0..1) picks.
pub fn count(n: u32, style: f64) -> String {
    if n <= 12 && style < 0.5 {
        return SMALL[n as usize].to_string();
    }
    if n >= 1000 {
        if style < 0.45 {
            return grouped(u64::from(n));
        }
        if style < 0.8 || !n.is_multiple_of(100) {
            return n.to_string();
        }
        return format!("{} thousand", decimal(f64::from(n) / 1000.0));
    }
    n.to_string()
}

/// A percentage in tenths in the form `style` picks.
pub fn percent(tenths: u32, style: f64) -> String {
    let v = decimal(f64::from(tenths) / 10.0);
    if style < 0.4 {
        format!("{v}%")
    } else if style < 0.75 {
        format!("{v} percent")
    } else {
        format!("{v} per cent")
    }
}

/// Money in millions of dollars in the form `style` picks.
pub fn money(millions: u32, style: f64) -> String {
    if millions >= 1000 {
        let b = decimal(f64::from(millions) / 1000.0);
        return if style < 0.35 {
            format!("${b} billion")
        } else if style < 0.6 {
            format!("{b} billion dollars")
        } else if style < 0.8 {
            format!("US${b}bn")
        } else {
            format!("${} million", grouped(u64::from(millions)))
        };
    }
    if style < 0.5 {
        format!("${millions} million")
    } else if style < 0.8 {
        format!("{millions} million dollars")
    } else {
        format!("US${millions}m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(grouped(1500), "1,500");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(count(7, 0.1), "seven");
        assert_eq!(count(1501, 0.9), "1501");
        assert_eq!(count(1500, 0.9), "1.5 thousand");
        assert_eq!(count(1500, 0.5), "1500");
        assert_eq!(percent(125, 0.1), "12.5%");
        assert_eq!(percent(40, 0.9), "4 per cent");
        assert_eq!(money(3500, 0.7), "US$3.5bn");
        assert_eq!(money(3500, 0.9), "$3,500 million");
        assert_eq!(decimal(6.0), "6");
    }
}
