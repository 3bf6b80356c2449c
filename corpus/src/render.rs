//! One outlet's sentence for a base claim. Every rendering makes its own surface
//! choices, so two outlets' sentences for one claim differ as real copy does: synonym
//! swaps, clause order, "X said" / "according to X" / quotation forms, the form of a
//! person's name, number formats, dropped or added modifiers, quote and dash style, and
//! now and then a passive paraphrase. A [`Change`] makes the rendering disagree with the
//! claim on purpose.

use crate::cast::{Cast, RefForm, Reference};
use crate::claim::{Change, ClaimKind, ClaimSpec, NounPhrase};
use crate::coin::capitalise;
use crate::date::WEEKDAYS;
use crate::lexicon::{
    VerbForm, ADJECTIVES, ADVERBS, APPROXIMATORS, NOUNS, SAY_VERBS, TAILS, TIME_VARIANTS,
    URGE_VERBS, VERBS,
};
use crate::numbers::Amount;
use crate::rng::Rng;

/// Chance that an outlet adds an adverb the claim does not have.
const ADDED_ADVERB: f64 = 0.08;
/// How much more often than other modifiers a location or trailing phrase is kept.
const PHRASE_KEEP_BONUS: f64 = 0.1;
/// Share of time phrases written "on <weekday>"; the rest use [`TIME_VARIANTS`].
const PLAIN_WEEKDAY: f64 = 0.85;
/// Share of quotations with curly marks.
const CURLY_QUOTES: f64 = 0.5;

/// How freely outlets reword.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Chance that a word with synonyms is swapped for another member of its group.
    pub synonym_rate: f64,
    /// Chance that an optional modifier (adjective, adverb, place, trailing phrase) stays.
    pub keep_modifier: f64,
}

impl Style {
    /// No rewording: the plain form of everything, every modifier kept.
    pub const PLAIN: Style = Style {
        synonym_rate: 0.0,
        keep_modifier: 1.0,
    };
}

/// A member of `group`: the first, or at the synonym rate any.
fn choose<'a>(rng: &mut Rng, group: &[&'a str], style: Style) -> &'a str {
    if rng.chance(style.synonym_rate) {
        rng.pick(group)
    } else {
        group[0]
    }
}

/// A form of a verb of group `group`.
fn verb(rng: &mut Rng, group: usize, form: VerbForm, style: Style) -> &'static str {
    let g = VERBS[group];
    let v = if rng.chance(style.synonym_rate) {
        rng.pick(g)
    } else {
        g[0]
    };
    v.form(form)
}

/// "the [adjective] [topic] noun".
fn noun_phrase(rng: &mut Rng, np: NounPhrase, cast: &Cast, style: Style) -> String {
    let mut s = String::from("the");
    if let Some(a) = np.adjective {
        if rng.chance(style.keep_modifier) {
            s.push(' ');
            s.push_str(choose(rng, ADJECTIVES[a], style));
        }
    }
    if let Some(t) = np.topic {
        s.push(' ');
        s.push_str(&cast.topics[t]);
    }
    s.push(' ');
    s.push_str(choose(rng, NOUNS[np.noun], style));
    s
}

/// The trailing phrase with a leading space, or nothing when the claim has none or the
/// outlet drops it.
fn tail(rng: &mut Rng, spec: &ClaimSpec, cast: &Cast, style: Style) -> String {
    let Some(t) = &spec.tail else {
        return String::new();
    };
    if !rng.chance(style.keep_modifier + PHRASE_KEEP_BONUS) {
        return String::new();
    }
    let noun = choose(rng, NOUNS[t.noun], style);
    let mut out = String::from(" ");
    let template = TAILS[t.template];
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let slot = rest.as_bytes().get(open + 1).copied().unwrap_or(b'?');
        match slot {
            b'a' => out.push_str(&t.word),
            b't' => out.push_str(&cast.topics[t.topic]),
            b'n' => out.push_str(noun),
            b'p' => out.push_str(&cast.places[t.place]),
            _ => out.push_str(&cast.organisations[t.organisation]),
        }
        rest = &rest[(open + 3).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// Everything a rendering decides once and several sentence shapes use.
struct Parts {
    who: Reference,
    time: Option<String>,
    number: String,
    adverb: Option<&'static str>,
    negated: bool,
    subject: String,
    object: String,
    location: String,
    open_quote: &'static str,
    close_quote: &'static str,
}

fn parts(
    rng: &mut Rng,
    spec: &ClaimSpec,
    cast: &Cast,
    style: Style,
    change: Option<Change>,
) -> Parts {
    let mut speaker = spec.speaker;
    if change == Some(Change::Speaker) {
        speaker = (speaker + 1) % cast.people.len();
    }
    let who = cast.people[speaker].reference(RefForm::draw(rng));
    let mut weekday = cast.day.weekday();
    if change == Some(Change::Date) {
        weekday = (weekday + if rng.chance(0.5) { 1 } else { 6 }) % 7;
    }
    let day = WEEKDAYS[weekday];
    let time = spec.timed.then(|| {
        if rng.chance(PLAIN_WEEKDAY) {
            format!("on {day}")
        } else {
            rng.pick(TIME_VARIANTS).replace("{d}", day)
        }
    });
    let amount = if change == Some(Change::Number) {
        spec.amount.changed(rng)
    } else {
        spec.amount
    };
    let mut number = amount.render(rng);
    if let Some(g) = spec.approximator {
        number = format!("{} {number}", choose(rng, APPROXIMATORS[g], style));
    }
    let mut adverb = spec.adverb.filter(|_| rng.chance(style.keep_modifier));
    if adverb.is_none() && rng.chance(ADDED_ADVERB) {
        adverb = Some(rng.pick(ADVERBS));
    }
    let subject = noun_phrase(rng, spec.subject, cast, style);
    let object = noun_phrase(rng, spec.object, cast, style);
    let location = format!("{} {}", spec.preposition, cast.location(spec.location));
    let (open_quote, close_quote) = if rng.chance(CURLY_QUOTES) {
        ("\u{201c}", "\u{201d}")
    } else {
        ("\"", "\"")
    };
    Parts {
        who,
        time,
        number,
        adverb,
        negated: change == Some(Change::Polarity),
        subject,
        object,
        location,
        open_quote,
        close_quote,
    }
}

/// One outlet's sentence for `spec`, disagreeing with it when `change` is given.
pub fn render(
    rng: &mut Rng,
    spec: &ClaimSpec,
    cast: &Cast,
    style: Style,
    change: Option<Change>,
) -> String {
    let p = parts(rng, spec, cast, style, change);
    match spec.kind {
        ClaimKind::Statement | ClaimKind::Quotation => reported(rng, spec, cast, style, &p),
        ClaimKind::Action => action(rng, spec, cast, style, &p),
        ClaimKind::Quantity => quantity(rng, spec, cast, style, &p),
        ClaimKind::Appeal => appeal(rng, spec, cast, style, &p),
    }
}

/// A reporting verb.
fn say(rng: &mut Rng, style: Style) -> &'static str {
    choose(rng, SAY_VERBS, style)
}

/// Reported speech or a direct quotation.
fn reported(rng: &mut Rng, spec: &ClaimSpec, cast: &Cast, style: Style, p: &Parts) -> String {
    let not = if p.negated { "not " } else { "" };
    let adverb = p.adverb.map(|a| format!("{a} ")).unwrap_or_default();
    let form = if matches!(spec.auxiliary, "had" | "has") {
        VerbForm::Participle
    } else {
        VerbForm::Base
    };
    let v = verb(rng, spec.verb, form, style);
    let mut clause = format!(
        "{} {} {not}{adverb}{v} {}",
        p.subject, spec.auxiliary, p.object
    );
    if rng.chance(style.keep_modifier + PHRASE_KEEP_BONUS) {
        clause.push(' ');
        clause.push_str(&p.location);
    }
    if matches!(spec.amount, Amount::Percent(_)) && rng.chance(0.7) {
        clause.push_str(" by ");
        clause.push_str(&p.number);
    }
    if spec.kind == ClaimKind::Statement {
        if let Some(t) = &p.time {
            clause.push(' ');
            clause.push_str(t);
        }
    }
    clause.push_str(&tail(rng, spec, cast, style));
    let said = say(rng, style);
    let who = &p.who;
    let r = rng.unit();
    let text = if spec.kind == ClaimKind::Statement {
        if r < 0.35 {
            let that = if rng.chance(0.4) { "that " } else { "" };
            format!("{} {said} {that}{clause}.", who.subject())
        } else if r < 0.65 {
            format!("{clause}, {} {said}.", who.subject())
        } else if r < 0.85 {
            format!("According to {}, {clause}.", who.plain())
        } else {
            format!("{clause}, according to {}.", who.plain())
        }
    } else {
        let (oq, cq) = (p.open_quote, p.close_quote);
        let quoted = capitalise(&clause);
        if r < 0.45 {
            format!("{oq}{quoted},{cq} {} {said}.", who.subject())
        } else if r < 0.75 {
            format!("{} {said}: {oq}{quoted}.{cq}", who.subject())
        } else {
            format!("{oq}{quoted},{cq} said {}.", who.plain())
        }
    };
    capitalise(&text)
}

/// "X signed the accord in Lyon on Monday", or its passive.
fn action(rng: &mut Rng, spec: &ClaimSpec, cast: &Cast, style: Style, p: &Parts) -> String {
    let agent = if rng.chance(0.2) && rng.chance(0.5) {
        p.subject.clone()
    } else {
        p.who.subject()
    };
    let passive = rng.chance(0.15);
    let core = if passive {
        let not = if p.negated { "not " } else { "" };
        let v = verb(rng, spec.verb, VerbForm::Participle, style);
        format!(
            "{} was {not}{v} by {}",
            p.object,
            agent.trim_end_matches(',')
        )
    } else {
        let v = if p.negated {
            format!("did not {}", verb(rng, spec.verb, VerbForm::Base, style))
        } else {
            verb(rng, spec.verb, VerbForm::Past, style).to_string()
        };
        let adverb = p.adverb.map(|a| format!("{a} ")).unwrap_or_default();
        format!("{agent} {adverb}{v} {}", p.object)
    };
    let mut after = String::new();
    if rng.chance(style.keep_modifier + PHRASE_KEEP_BONUS) {
        after.push(' ');
        after.push_str(&p.location);
    }
    after.push_str(&tail(rng, spec, cast, style));
    let time_first = p.time.is_some() && rng.chance(0.5);
    if let (Some(t), false) = (&p.time, time_first) {
        after.push(' ');
        after.push_str(t);
    }
    // A passive agent in apposition ("by Ana Lee, the spokeswoman") closes with a comma
    // when the sentence goes on.
    let close = if passive && agent.ends_with(',') && !after.is_empty() {
        ","
    } else {
        ""
    };
    let text = match &p.time {
        Some(t) if time_first => format!("{t}, {core}{close}{after}."),
        _ => format!("{core}{close}{after}."),
    };
    capitalise(&text)
}

/// A counted, percentage or money claim, sometimes attributed.
fn quantity(rng: &mut Rng, spec: &ClaimSpec, cast: &Cast, style: Style, p: &Parts) -> String {
    let n = &p.number;
    let loc = &p.location;
    let mut core = match spec.amount {
        Amount::Count(_) => {
            if rng.chance(0.3) {
                let v = past_or_negated(rng, spec.verb, p.negated, style);
                format!("{} {v} {n} {} {loc}", p.subject, spec.counted)
            } else {
                let were = if p.negated { "were not" } else { "were" };
                let v = verb(rng, spec.verb, VerbForm::Participle, style);
                format!("{n} {} {were} {v} {loc}", spec.counted)
            }
        }
        Amount::Percent(_) => {
            if rng.chance(0.5) {
                let dir = if p.negated { "fell" } else { "rose" };
                format!("{} {dir} {n} {loc}", p.subject)
            } else {
                let dir = if p.negated { "declined" } else { "increased" };
                format!("{} {loc} {dir} by {n}", p.subject)
            }
        }
        Amount::Money(_) => {
            if rng.chance(0.6) {
                let v = past_or_negated(rng, spec.verb, p.negated, style);
                format!("{} {v} {n} for {}", p.subject, p.object)
            } else {
                let not = if p.negated { "not " } else { "" };
                let v = verb(rng, spec.verb, VerbForm::Participle, style);
                format!("{n} was {not}{v} for {} by {}", p.object, p.subject)
            }
        }
    };
    core.push_str(&tail(rng, spec, cast, style));
    let mut text = match &p.time {
        Some(t) if rng.chance(0.4) => format!("{t}, {core}"),
        Some(t) => format!("{core} {t}"),
        None => core,
    };
    if rng.chance(0.35) {
        let said = say(rng, style);
        text = match rng.below(3) {
            0 => format!("{text}, {} {said}", p.who.subject()),
            1 => format!("{} {said} {text}", p.who.subject()),
            _ => format!("According to {}, {text}", p.who.plain()),
        };
    }
    capitalise(&text) + "."
}

/// The simple past, or "did not" and the base form.
fn past_or_negated(rng: &mut Rng, group: usize, negated: bool, style: Style) -> String {
    if negated {
        format!("did not {}", verb(rng, group, VerbForm::Base, style))
    } else {
        verb(rng, group, VerbForm::Past, style).to_string()
    }
}

/// "X urged all sides to respect the truce", or "the truce should be respected, X said".
fn appeal(rng: &mut Rng, spec: &ClaimSpec, cast: &Cast, style: Style, p: &Parts) -> String {
    let not = if p.negated { "not " } else { "" };
    let topic_np = noun_phrase(
        rng,
        NounPhrase {
            topic: Some(spec.topic),
            ..spec.object
        },
        cast,
        style,
    );
    let r = rng.unit();
    let mut body = if r < 0.15 {
        let v = verb(rng, spec.verb, VerbForm::Participle, style);
        let said = say(rng, style);
        format!(
            "{topic_np}{} should {not}be {v}, {} {said}",
            tail(rng, spec, cast, style),
            p.who.subject()
        )
    } else if r < 0.6 {
        let urged = choose(rng, URGE_VERBS, style);
        let v = verb(rng, spec.verb, VerbForm::Base, style);
        format!(
            "{} {urged} {} to {not}{v} {topic_np}{}",
            p.who.subject(),
            spec.addressee,
            tail(rng, spec, cast, style)
        )
    } else {
        let v = verb(rng, spec.verb, VerbForm::Base, style);
        let said = if rng.chance(style.synonym_rate) {
            "argued"
        } else {
            "said"
        };
        format!(
            "{} should {not}{v} {topic_np}{}, {} {said}",
            spec.addressee,
            tail(rng, spec, cast, style),
            p.who.subject()
        )
    };
    if let Some(t) = &p.time {
        body = if rng.chance(0.3) {
            format!("{t}, {body}")
        } else {
            format!("{body} {t}")
        };
    }
    if rng.chance(0.1) {
        if let Some(i) = body.find(", ") {
            body.replace_range(i..i + 2, " \u{2014} ");
        }
    }
    capitalise(&body) + "."
}
