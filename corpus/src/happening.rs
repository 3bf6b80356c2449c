//! One drawn happening of a kind (its place, organisations, label and numbers) and its
//! sentences as one article writes them: the kind's templates filled with the
//! happening's values, numbers in the outlet's format and the date relative to the
//! article's publication date.

use crate::cast::{Cast, RefForm};
use crate::claim::Change;
use crate::coin;
use crate::date::Day;
use crate::happenings::{Figure, Kind};
use crate::numbers;
use crate::rng::Rng;
use crate::vocab::COMPANY_SUFFIXES;

/// What one article knows when it writes a date.
#[derive(Clone, Copy, Debug)]
pub struct Dateline {
    /// The day the article came out (also for an outlet that does not print it: its
    /// relative dates are written from that day).
    pub written: Day,
    /// Whether the outlet writes "3 March" rather than "March 3".
    pub day_first: bool,
}

/// A happening: everything its articles' templates refer to.
#[derive(Clone, Debug)]
pub struct Happening {
    /// Its kind.
    pub kind: &'static Kind,
    /// People, places, topics and day.
    pub cast: Cast,
    /// Where it happened.
    pub place: String,
    /// The country.
    pub country: &'static str,
    /// Main organisation.
    pub organisation: String,
    /// Second organisation.
    pub second_organisation: String,
    /// The kind's label for it ("warehouse", "fraud").
    pub label: &'static str,
    /// Its numbers, `{n1}` first.
    pub values: Vec<u32>,
    /// Index in the cast of the central person, if the kind has one.
    pub protagonist: Option<usize>,
}

/// An organisation from a template: `{company}` a coined company, `{coined}` a coined
/// name, `{country}` and `{place}` the happening's.
pub fn organisation(rng: &mut Rng, template: &str, country: &str, place: &str) -> String {
    let mut out = template
        .replace("{country}", country)
        .replace("{place}", place);
    if out.contains("{company}") {
        let company = format!("{} {}", coin::name(rng), rng.pick(COMPANY_SUFFIXES));
        out = out.replace("{company}", &company);
    }
    if out.contains("{coined}") {
        out = out.replace("{coined}", &coin::name(rng));
    }
    out
}

/// A value drawn for `figure`.
pub fn draw_value(rng: &mut Rng, figure: Figure) -> u32 {
    match figure {
        Figure::Count(lo, hi)
        | Figure::Percent(lo, hi)
        | Figure::Money(lo, hi)
        | Figure::Tenths(lo, hi)
        | Figure::Plain(lo, hi) => rng.between(lo, hi),
    }
}

/// Another value of `figure`, for a deliberate disagreement.
fn changed_value(rng: &mut Rng, figure: Figure, value: u32) -> u32 {
    match figure {
        Figure::Count(..) => numbers::Amount::Count(value).changed(rng).value(),
        Figure::Money(..) => numbers::Amount::Money(value).changed(rng).value(),
        Figure::Percent(..) => numbers::Amount::Percent(value).changed(rng).value(),
        Figure::Tenths(..) => value + rng.between(2, 5),
        Figure::Plain(..) => value + rng.between(1, 3),
    }
}

/// `value` written in one of the forms of `figure`; `headline` keeps to digits.
fn write_value(rng: &mut Rng, figure: Figure, value: u32, headline: bool) -> String {
    let style = if headline { 0.3 } else { rng.unit() };
    match figure {
        Figure::Count(..) if headline => numbers::grouped(u64::from(value)),
        Figure::Count(..) => numbers::count(value, style),
        Figure::Percent(..) => numbers::percent(value, style),
        Figure::Money(..) => numbers::money(value, style),
        Figure::Tenths(..) => format!("{}.{}", value / 10, value % 10),
        Figure::Plain(..) => value.to_string(),
    }
}

/// How an article writes the day `day`, seen from `dateline`.
pub fn date_phrase(rng: &mut Rng, day: Day, dateline: Dateline) -> String {
    let written = dateline.written;
    let delta = written.0 - day.0;
    let weekday = format!("on {}", day.weekday_name());
    let dated = format!("on {}", day.month_day(dateline.day_first));
    let r = rng.unit();
    match delta {
        i32::MIN..=-1 => dated,
        0 if r < 0.5 => weekday,
        0 if r < 0.7 => "today".to_string(),
        1 if r < 0.45 => weekday,
        1 if r < 0.7 => "yesterday".to_string(),
        0 | 1 => dated,
        2..=6 if r < 0.55 => weekday,
        2..=6 if r < 0.65 && day.week_start() < written.week_start() => "last week".to_string(),
        2..=6 if r < 0.65 => "earlier this week".to_string(),
        _ if r < 0.3 && day.week_start() == written.week_start().plus(-7) => {
            "last week".to_string()
        }
        _ => dated,
    }
}

/// The slots a template uses, to decide which disagreements it can carry.
fn can_carry(template: &str, change: Change) -> bool {
    match change {
        Change::Number => template.contains("{n"),
        Change::Date => template.contains("{date}"),
        Change::Speaker => template.contains("{who}") || template.contains("{by}"),
        Change::Polarity => false,
    }
}

/// A change `template` can carry: `wanted`, else another number, else none.
pub fn fitting_change(template: &str, wanted: Option<Change>) -> Option<Change> {
    let wanted = wanted?;
    if can_carry(template, wanted) {
        Some(wanted)
    } else if can_carry(template, Change::Number) {
        Some(Change::Number)
    } else {
        None
    }
}

impl Happening {
    /// The officials who can be quoted: everyone but the central person.
    pub fn officials(&self) -> Vec<usize> {
        (0..self.cast.people.len())
            .filter(|&i| Some(i) != self.protagonist)
            .collect()
    }

    /// `template` filled for one article. `speaker` is the official quoted, `change` a
    /// deliberate disagreement the template can carry (see [`fitting_change`]).
    pub fn fill(
        &self,
        rng: &mut Rng,
        template: &str,
        dateline: Dateline,
        speaker: usize,
        change: Option<Change>,
        headline: bool,
    ) -> String {
        let officials = self.officials();
        let mut speaker = speaker;
        if change == Some(Change::Speaker) && officials.len() > 1 {
            let at = officials.iter().position(|&i| i == speaker).unwrap_or(0);
            speaker = officials[(at + 1) % officials.len()];
        }
        let who = self.cast.people[speaker].reference(RefForm::draw(rng));
        // The first number slot the template uses is the one a number change alters.
        let changed_slot = (change == Some(Change::Number))
            .then(|| (1..=self.values.len()).find(|i| template.contains(&format!("{{n{i}}}"))))
            .flatten();
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            self.fill_slot(
                rng,
                slot,
                &mut out,
                &who,
                dateline,
                change,
                changed_slot,
                headline,
            );
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        coin::capitalise(&out)
    }

    #[allow(clippy::too_many_arguments)]
    fn fill_slot(
        &self,
        rng: &mut Rng,
        slot: &str,
        out: &mut String,
        who: &crate::cast::Reference,
        dateline: Dateline,
        change: Option<Change>,
        changed_slot: Option<usize>,
        headline: bool,
    ) {
        match slot {
            "place" => out.push_str(&self.place),
            "country" => out.push_str(self.country),
            "org" => out.push_str(&self.organisation),
            "org2" => out.push_str(&self.second_organisation),
            "x" => out.push_str(self.label),
            "who" => out.push_str(&who.subject()),
            "by" => out.push_str(who.plain()),
            "t" => out.push_str(rng.pick_ref(&self.cast.topics).as_str()),
            "actor" | "actor_full" => {
                let p = &self.cast.people[self.protagonist.unwrap_or(0)];
                let titled = p.title.title.starts_with(|c: char| c.is_uppercase());
                let form = match slot {
                    "actor_full" if !headline && titled && rng.chance(0.5) => RefForm::Titled,
                    "actor_full" => RefForm::Full,
                    _ if rng.chance(0.6) => RefForm::Family,
                    _ => RefForm::Full,
                };
                out.push_str(p.reference(form).plain());
            }
            "date" => {
                let mut day = self.cast.day;
                if change == Some(Change::Date) {
                    day = day.plus(if rng.chance(0.5) { -1 } else { 1 });
                }
                out.push_str(&date_phrase(rng, day, dateline));
            }
            _ => {
                let i = slot
                    .strip_prefix('n')
                    .and_then(|n| n.parse::<usize>().ok())
                    .filter(|&i| (1..=self.values.len()).contains(&i));
                if let Some(i) = i {
                    let figure = self.kind.figures[i - 1];
                    let mut value = self.values[i - 1];
                    if changed_slot == Some(i) {
                        value = changed_value(rng, figure, value);
                    }
                    out.push_str(&write_value(rng, figure, value, headline));
                }
            }
        }
    }
}
