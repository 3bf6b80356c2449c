//! The single-sentence edits of the corruption suite: typed changes of a fact (date,
//! number, speaker, quotation word, polarity), made only where another outlet of the same
//! event states the same fact, and meaning-preserving controls.
//!
//! "Another outlet states the same fact" is decided by the suite's own reading
//! (`text.rs`), never by the crate's alignment: the same number before the same noun, the
//! same date, a shared run of five or more quoted words (with the same speaker's name for
//! a speaker swap), the same verb phrase; each also needs [`MIN_SHARED`] more content
//! words in common, so that "two people" in two sentences about different happenings
//! does not count.

use crate::dev_news::DevNews;
use crate::text::{self, Word};
use corroborate::{FlagKind, Span};
use std::collections::{BTreeMap, BTreeSet};

// The rules that find each kind of edit, apart from the types they share.
#[path = "quote_rules.rs"]
mod quote_rules;
#[path = "value_rules.rs"]
mod value_rules;
#[path = "wording_rules.rs"]
mod wording_rules;

/// Receives one candidate edit: its class and subtype, the original bytes replaced, the
/// replacement and the other outlet's sentence stating the same fact.
type Add<'x> = dyn FnMut(Class, &'static str, Span, String, (usize, Span)) + 'x;

/// Content words (besides the edited fact's own) a sentence of another outlet must share
/// with the edited one to state the same fact.
pub const MIN_SHARED: usize = 3;

/// The share of the shorter sentence's content words two sentences of two outlets must
/// have in common to state the same fact (with [`MIN_SHARED`]), or for a control's
/// sentence to have a counterpart (with [`CONTROL_MIN_SHARED`]).
pub const MIN_SHARED_RATIO: f64 = 0.3;

/// Content words a sentence of another outlet must share with a control's sentence for
/// the control to be one the tool could compare (controls of a value also need the same
/// value there).
pub const CONTROL_MIN_SHARED: usize = 4;

/// Quoted words two outlets must share in a row to quote the same statement.
pub const MIN_SHARED_QUOTE_RUN: usize = 5;

/// A change of one fact, which the tool should flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Typed {
    /// A day of the month, a month or a weekday changed.
    Date,
    /// A number in digits or words changed.
    Number,
    /// A quotation's speaker swapped for another person named in the event's articles.
    Speaker,
    /// One word inside a direct quotation swapped for a synonym.
    QuoteWord,
    /// A negation added or removed, or a word swapped for its antonym.
    Polarity,
}

impl Typed {
    /// Every typed edit, in report order.
    pub const ALL: [Typed; 5] = [
        Typed::Date,
        Typed::Number,
        Typed::Speaker,
        Typed::QuoteWord,
        Typed::Polarity,
    ];

    /// Its name in output.
    pub fn name(self) -> &'static str {
        match self {
            Typed::Date => "date",
            Typed::Number => "number",
            Typed::Speaker => "speaker",
            Typed::QuoteWord => "quotation word",
            Typed::Polarity => "polarity",
        }
    }

    /// The flag kind that reports it.
    pub fn kind(self) -> FlagKind {
        match self {
            Typed::Date => FlagKind::Date,
            Typed::Number => FlagKind::Quantity,
            Typed::Speaker => FlagKind::Attribution,
            Typed::QuoteWord => FlagKind::QuoteWording,
            Typed::Polarity => FlagKind::Polarity,
        }
    }
}

/// An edit that keeps the meaning, which the tool must not flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Control {
    /// `said` ↔ `told reporters`.
    ToldReporters,
    /// `"Q," X said.` ↔ `X said: "Q."`.
    QuoteOrder,
    /// `was not` ↔ `wasn't`.
    Contraction,
    /// `two` ↔ `2`.
    NumberFormat,
    /// `October 23` ↔ `Oct. 23`.
    MonthAbbreviation,
    /// A synonym of a word that carries no fact (`attorney` ↔ `lawyer`).
    Synonym,
    /// `6 p.m.` ↔ `6:00 p.m.`.
    ClockFormat,
    /// Brackets or an ellipsis inside a quotation.
    QuoteMarks,
}

impl Control {
    /// Every control, in report order.
    pub const ALL: [Control; 8] = [
        Control::ToldReporters,
        Control::QuoteOrder,
        Control::Contraction,
        Control::NumberFormat,
        Control::MonthAbbreviation,
        Control::Synonym,
        Control::ClockFormat,
        Control::QuoteMarks,
    ];

    /// Its name in output.
    pub fn name(self) -> &'static str {
        match self {
            Control::ToldReporters => "said/told reporters",
            Control::QuoteOrder => "quote/attribution order",
            Control::Contraction => "contraction",
            Control::NumberFormat => "number words/digits",
            Control::MonthAbbreviation => "month abbreviation",
            Control::Synonym => "fact-free synonym",
            Control::ClockFormat => "clock format",
            Control::QuoteMarks => "brackets/ellipsis in quotation",
        }
    }
}

/// Whether an edit changes a fact or keeps the meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// A typed change of a fact.
    Typed(Typed),
    /// A meaning-preserving control.
    Control(Control),
}

impl Class {
    /// Its name in output.
    pub fn name(self) -> &'static str {
        match self {
            Class::Typed(t) => t.name(),
            Class::Control(c) => c.name(),
        }
    }
}

/// One edit of one sentence of one article.
#[derive(Clone, Debug)]
pub struct Case {
    /// The gold event.
    pub event: String,
    /// The edited article, an index into [`DevNews::docs`].
    pub doc: usize,
    /// The edited sentence in the original text.
    pub sentence: Span,
    /// What the edit does.
    pub class: Class,
    /// A finer name ("weekday", "antonym", "digits to words").
    pub subtype: &'static str,
    /// The original bytes replaced.
    pub replace: Span,
    /// What replaces them (never empty).
    pub with: String,
    /// The other outlet's sentence stating the same fact: article index and span.
    pub partner: (usize, Span),
}

impl Case {
    /// The edited article's text.
    pub fn edited_text(&self, original: &str) -> String {
        let mut out = String::with_capacity(original.len() + self.with.len());
        out.push_str(&original[..self.replace.start]);
        out.push_str(&self.with);
        out.push_str(&original[self.replace.end..]);
        out
    }

    /// The new bytes in the edited text.
    pub fn region(&self) -> Span {
        Span::new(self.replace.start, self.replace.start + self.with.len())
    }

    /// The edited sentence in the edited text.
    pub fn edited_sentence(&self) -> Span {
        Span::new(
            self.sentence.start,
            self.sentence.end + self.with.len() - self.replace.len(),
        )
    }

    /// A position of the edited text mapped back into the original: positions inside the
    /// new bytes go to the start (`end == false`) or end of the replaced ones.
    pub fn to_original(&self, p: usize, end: bool) -> usize {
        let new_end = self.replace.start + self.with.len();
        if p <= self.replace.start {
            p
        } else if p >= new_end {
            p - new_end + self.replace.end
        } else if end {
            self.replace.end
        } else {
            self.replace.start
        }
    }
}

/// One sentence read by the suite.
struct Sent {
    doc: usize,
    span: Span,
    words: Vec<Word>,
    content: BTreeSet<String>,
    /// Capitalised content words (names of people, places, bodies), lower-cased.
    names: BTreeSet<String>,
}

/// One direct quotation with its words.
struct Quoted {
    doc: usize,
    words: Vec<Word>,
    lower: Vec<String>,
}

/// An event's articles as the suite reads them.
struct EventText<'a> {
    news: &'a DevNews,
    seed: u64,
    sents: Vec<Sent>,
    quotes: BTreeMap<usize, Vec<Span>>,
    quoted: Vec<Quoted>,
    /// Full names of people named in the event's articles, by surname.
    persons: BTreeMap<String, String>,
}

impl<'a> EventText<'a> {
    fn new(news: &'a DevNews, event: &str, seed: u64) -> EventText<'a> {
        let mut sents = Vec::new();
        let mut quotes = BTreeMap::new();
        let mut quoted = Vec::new();
        for &d in news
            .events
            .get(event)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let doc = &news.docs[d];
            for s in corroborate::segment::sentences(doc) {
                let words = text::words(&doc.text, s.span);
                let content = words
                    .iter()
                    .filter_map(|w| text::content(&w.lower))
                    .collect();
                let names = words
                    .iter()
                    .filter(|w| w.capitalized(&doc.text))
                    .filter(|w| {
                        let raw = &doc.text[w.span.start..w.span.end];
                        !text::WEEKDAYS.contains(&raw) && text::month_index(raw).is_none()
                    })
                    .filter_map(|w| text::content(&w.lower))
                    .collect();
                sents.push(Sent {
                    doc: d,
                    span: s.span,
                    words,
                    content,
                    names,
                });
            }
            let qs = text::quotations(&doc.text);
            for &q in &qs {
                let words = text::words(&doc.text, q);
                let lower = words.iter().map(|w| w.lower.clone()).collect();
                quoted.push(Quoted {
                    doc: d,
                    words,
                    lower,
                });
            }
            quotes.insert(d, qs);
        }
        let mut et = EventText {
            news,
            seed,
            sents,
            quotes,
            quoted,
            persons: BTreeMap::new(),
        };
        et.persons = et.find_persons();
        et
    }

    /// A generator for the edit at `offset` of `doc`: the same edit on every run.
    fn rng(&self, doc: usize, offset: usize) -> text::SplitMix {
        let mut r = text::SplitMix(self.seed ^ ((doc as u64) << 32) ^ offset as u64);
        r.next_u64();
        r
    }

    fn text(&self, doc: usize) -> &'a str {
        &self.news.docs[doc].text
    }

    fn in_quote(&self, doc: usize, span: Span) -> bool {
        self.quotes
            .get(&doc)
            .is_some_and(|q| text::touches_quote(q, span))
    }

    /// The sentence of another article that `has` accepts and that shares the most
    /// content words with `s`: at least `min` and [`MIN_SHARED_RATIO`] of the shorter
    /// sentence's, not counting `exclude`. Two sentences that both name someone or
    /// something but share no name are about different subjects ("Lowe is believed to be
    /// seeking ..." and "Teixeira is believed to be seeking ...").
    fn partner(
        &self,
        s: &Sent,
        min: usize,
        exclude: &BTreeSet<String>,
        has: impl Fn(&Sent) -> bool,
    ) -> Option<(usize, Span)> {
        let mut best: Option<(usize, &Sent)> = None;
        for t in self.sents.iter().filter(|t| t.doc != s.doc) {
            let shared = s
                .content
                .intersection(&t.content)
                .filter(|w| !exclude.contains(*w))
                .count();
            let shorter = s.content.len().min(t.content.len()) as f64;
            let close = shared >= min && shared as f64 >= MIN_SHARED_RATIO * shorter;
            let other_subject =
                !s.names.is_empty() && !t.names.is_empty() && s.names.is_disjoint(&t.names);
            let close = close && !other_subject;
            if close && best.is_none_or(|(b, _)| shared > b) && has(t) {
                best = Some((shared, t));
            }
        }
        best.map(|(_, t)| (t.doc, t.span))
    }

    /// The sentence of `doc` containing `at`.
    fn sentence_at(&self, doc: usize, at: usize) -> Option<&Sent> {
        self.sents
            .iter()
            .find(|s| s.doc == doc && s.span.start <= at && at < s.span.end)
    }

    /// The quotation of another article sharing the longest run (at least
    /// [`MIN_SHARED_QUOTE_RUN`]) of words with `words`: the run's range in `words`, and
    /// the other article with the sentence where its copy of the run starts.
    fn shared_quote(
        &self,
        doc: usize,
        words: &[String],
    ) -> Option<(std::ops::Range<usize>, (usize, Span))> {
        let mut best: Option<(std::ops::Range<usize>, &Quoted, usize)> = None;
        for q in self.quoted.iter().filter(|q| q.doc != doc) {
            let (run, at) = longest_common_run(words, &q.lower);
            if run.len() >= MIN_SHARED_QUOTE_RUN
                && best.as_ref().is_none_or(|(b, _, _)| run.len() > b.len())
            {
                best = Some((run, q, at));
            }
        }
        let (run, q, at) = best?;
        let s = self.sentence_at(q.doc, q.words[at].span.start)?;
        Some((run, (q.doc, s.span)))
    }

    /// People named in the event's articles, by surname: names of two or three
    /// capitalised words outside quotations that speak (next to a reporting verb, also
    /// across an apposition) or follow a personal title ("Mr", "Dr", "Governor").
    fn find_persons(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for s in &self.sents {
            let t = self.text(s.doc);
            let mut found: Vec<Span> = quote_rules::speaker_names(self, s);
            for (i, w) in s.words.iter().enumerate() {
                if PERSON_TITLES.contains(&&t[w.span.start..w.span.end]) {
                    let run = text::capitalized_run_after(t, &s.words, i);
                    found.extend(text::person_name(t, &s.words[run]));
                }
            }
            for name in found {
                let full = &t[name.start..name.end];
                if full.contains(' ') && !self.in_quote(s.doc, name) {
                    let surname = full.rsplit(' ').next().unwrap_or(full);
                    out.entry(surname.to_string())
                        .or_insert_with(|| full.to_string());
                }
            }
        }
        out
    }
}

/// Words that report speech, before or after the speaker's name.
const REPORTING_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "insisted",
    "warned",
    "recalled",
    "noted",
    "wrote",
    "according",
];

/// Titles that a person's name follows.
const PERSON_TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "President",
    "Sen",
    "Senator",
    "Gov",
    "Governor",
    "Mayor",
    "Judge",
    "Chief",
    "Officer",
    "Detective",
    "Sgt",
    "Coach",
    "Minister",
    "Spokesman",
    "Spokeswoman",
];

/// The longest run of equal consecutive words of `a` and `b`: its range in `a` and where
/// it starts in `b`.
fn longest_common_run(a: &[String], b: &[String]) -> (std::ops::Range<usize>, usize) {
    let mut best = (0..0, 0);
    let mut prev = vec![0usize; b.len() + 1];
    for (i, wa) in a.iter().enumerate() {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, wb) in b.iter().enumerate() {
            if wa == wb {
                cur[j + 1] = prev[j] + 1;
                if cur[j + 1] > best.0.len() {
                    best = (i + 1 - cur[j + 1]..i + 1, j + 1 - cur[j + 1]);
                }
            }
        }
        prev = cur;
    }
    best
}

/// Every candidate edit of `event`, in document and offset order; `seed` picks the new
/// values.
pub fn candidates(news: &DevNews, event: &str, seed: u64) -> Vec<Case> {
    let et = EventText::new(news, event, seed);
    let mut out = Vec::new();
    for s in &et.sents {
        let mut add = |class: Class,
                       subtype: &'static str,
                       replace: Span,
                       with: String,
                       partner: (usize, Span)| {
            if !with.is_empty() && s.span.contains(replace) {
                out.push(Case {
                    event: event.to_string(),
                    doc: s.doc,
                    sentence: s.span,
                    class,
                    subtype,
                    replace,
                    with,
                    partner,
                });
            }
        };
        value_rules::numbers(&et, s, &mut add);
        value_rules::dates(&et, s, &mut add);
        value_rules::clock(&et, s, &mut add);
        quote_rules::quotations(&et, s, &mut add);
        quote_rules::speakers(&et, s, &mut add);
        wording_rules::polarity(&et, s, &mut add);
        wording_rules::wording(&et, s, &mut add);
    }
    out
}

/// The text of a word.
fn raw<'t>(t: &'t str, w: &Word) -> &'t str {
    &t[w.span.start..w.span.end]
}

/// Whether `w` is part of a hyphenated compound ("big-league", "state-approved"), where a
/// synonym or an antonym of the part is no edit of the whole.
fn in_compound(t: &str, w: &Word) -> bool {
    t[..w.span.start].ends_with('-') || t[w.span.end..].starts_with('-')
}

/// Whether only one space separates `a` and `b`.
fn adjacent(t: &str, a: &Word, b: &Word) -> bool {
    t.get(a.span.end..b.span.start) == Some(" ")
}

/// The content forms of `words`.
fn set(words: &[&str]) -> BTreeSet<String> {
    words.iter().filter_map(|w| text::content(w)).collect()
}
