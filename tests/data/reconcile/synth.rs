//! A generator of synthetic news clusters with known disagreements, shared by the
//! reconcile tests and the `check` bench (included with `#[path]`).
//!
//! Each fact is one sentence per document built from a template; document 0 states the
//! facts as they are, every other document either rewords a fact (a speaker alias, a
//! dated or undated weekday, the time before or after the speaker, curly or straight
//! quotation marks) or carries one typed change (date, speaker, number,
//! polarity, one word inside the quotation). `expected` lists, per group, the kinds of
//! change present, which is what reconciliation must flag.
#![allow(dead_code)]

use corroborate::model::*;
use std::collections::BTreeSet;

/// One generated cluster: every stage's output, and the flags it must raise.
pub struct Synth {
    pub docs: Vec<Document>,
    pub actors: Vec<Actor>,
    pub quotes: Vec<Quote>,
    pub times: Vec<TimeExpr>,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
    pub groups: Vec<Group>,
    /// (group, kind) pairs that must be flagged, sorted.
    pub expected: BTreeSet<(u32, FlagKind)>,
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PEOPLE: &[(&str, &[&str])] = &[
    ("Xi Jinping", &["Xi", "Mr Xi", "President Xi Jinping"]),
    ("Alexander Lukashenko", &["Lukashenko", "Mr Lukashenko"]),
    ("Wang Yi", &["Mr Wang"]),
    ("Olaf Scholz", &["Scholz", "Mr Scholz"]),
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const VOCAB: &[&str] = &[
    "cooperation",
    "trade",
    "friendship",
    "relations",
    "partnership",
    "development",
    "security",
    "investment",
    "technology",
    "future",
    "region",
    "dialogue",
    "progress",
    "industry",
    "culture",
    "energy",
];
const CHANGES: &[FlagKind] = &[
    FlagKind::Date,
    FlagKind::Attribution,
    FlagKind::Quantity,
    FlagKind::Polarity,
    FlagKind::QuoteWording,
];

struct Fact {
    speaker: usize,
    weekday: usize,
    number: u32,
    quote: Vec<&'static str>,
}

/// A cluster of `n_docs` documents reporting `n_facts` facts; each non-reference
/// document changes a fact with probability `change_per_mille / 1000`.
pub fn cluster(n_docs: usize, n_facts: usize, seed: u64, change_per_mille: usize) -> Synth {
    let mut rng = Rng(seed
        .wrapping_mul(2654435761)
        .wrapping_add(0x9E37_79B9_7F4A_7C15)
        | 1);
    let facts: Vec<Fact> = (0..n_facts)
        .map(|_| Fact {
            speaker: rng.below(PEOPLE.len()),
            weekday: rng.below(WEEKDAYS.len()),
            number: 10 + rng.below(900) as u32,
            quote: (0..8).map(|_| VOCAB[rng.below(VOCAB.len())]).collect(),
        })
        .collect();
    let anchor = Date::from_ymd(2023, 3, 6).expect("valid"); // a Monday
    let mut s = Synth {
        docs: Vec::new(),
        actors: Vec::new(),
        quotes: Vec::new(),
        times: Vec::new(),
        quantities: Vec::new(),
        claims: Vec::new(),
        groups: (0..n_facts)
            .map(|k| Group {
                id: GroupId(k as u32),
                claims: Vec::new(),
                score: 0.9,
                story: Default::default(),
                corroboration: Default::default(),
                joined: Default::default(),
            })
            .collect(),
        expected: BTreeSet::new(),
    };
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); PEOPLE.len()];
    for d in 0..n_docs {
        let id = DocId(format!("doc{d:04}"));
        let dated = d % 2 == 0;
        let mut text = String::new();
        for (k, f) in facts.iter().enumerate() {
            let change = if d == 0 || rng.below(1000) >= change_per_mille {
                None
            } else {
                Some(CHANGES[rng.below(CHANGES.len())])
            };
            if let Some(kind) = change {
                s.expected.insert((k as u32, kind));
            }
            let speaker = if change == Some(FlagKind::Attribution) {
                (f.speaker + 1 + rng.below(PEOPLE.len() - 1)) % PEOPLE.len()
            } else {
                f.speaker
            };
            let (name, aliases) = PEOPLE[speaker];
            let form = match rng.below(aliases.len() + 1) {
                0 => name,
                i => aliases[i - 1],
            };
            let weekday = if change == Some(FlagKind::Date) {
                (f.weekday + 1 + rng.below(WEEKDAYS.len() - 1)) % WEEKDAYS.len()
            } else {
                f.weekday
            };
            let number = if change == Some(FlagKind::Quantity) {
                f.number * 2 + 7
            } else {
                f.number
            };
            let verb = match change {
                Some(FlagKind::Polarity) if rng.below(2) == 0 => "were not approved",
                Some(FlagKind::Polarity) => "were rejected",
                _ => "were approved",
            };
            let mut quote = f.quote.clone();
            if change == Some(FlagKind::QuoteWording) {
                let at = rng.below(quote.len());
                let old = quote[at];
                let pick = VOCAB
                    .iter()
                    .copied()
                    .filter(|w| *w != old)
                    .nth(rng.below(VOCAB.len() - 1));
                quote[at] = pick.unwrap_or("unity");
            }
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            // Meaning-preserving rewordings: where the time stands, the quotation marks.
            let time_first = rng.below(3) == 0;
            let (open, close) = if rng.below(2) == 0 {
                ("“", ".”")
            } else {
                ("\"", ".\"")
            };
            let mut tp = (0, 0);
            if time_first {
                text.push_str("On ");
                tp = (text.len(), text.len() + WEEKDAYS[weekday].len());
                text.push_str(WEEKDAYS[weekday]);
                text.push_str(", ");
            }
            let sp = (text.len(), text.len() + form.len());
            text.push_str(form);
            if time_first {
                text.push_str(" said that ");
            } else {
                text.push_str(" said on ");
                tp = (text.len(), text.len() + WEEKDAYS[weekday].len());
                text.push_str(WEEKDAYS[weekday]);
                text.push_str(" that ");
            }
            let qn = format!("{number} tonnes");
            let np = (text.len(), text.len() + qn.len());
            text.push_str(&qn);
            text.push_str(&format!(" of grain for item {k} {verb}, adding: {open}"));
            let qstart = text.len();
            let qtext = quote.join(" ");
            text.push_str(&qtext);
            let qend = text.len();
            text.push_str(close);
            let end = text.len();
            let actor = ActorId(speaker as u32);
            mentions[speaker].push(Mention {
                doc: id.clone(),
                span: Span::new(sp.0, sp.1),
                text: form.to_string(),
                form: Default::default(),
            });
            let quote_id = QuoteId(s.quotes.len() as u32);
            s.quotes.push(Quote {
                id: quote_id,
                doc: id.clone(),
                span: Span::new(qstart, qend),
                text: qtext,
                kind: QuoteKind::Direct,
                speaker: Some(actor),
                speaker_text: Some(form.to_string()),
                speaker_span: Some(Span::new(sp.0, sp.1)),
                cue: Some("adding".into()),
            });
            let day = anchor.add_days(weekday as i64).expect("in range");
            let time_id = TimeId(s.times.len() as u32);
            s.times.push(TimeExpr {
                id: time_id,
                doc: id.clone(),
                span: Span::new(tp.0, tp.1),
                text: WEEKDAYS[weekday].to_string(),
                kind: TimeKind::Date,
                value: TimeValue::Date(if dated {
                    CalendarValue::Day(day)
                } else {
                    CalendarValue::Weekday(weekday as u32 + 1)
                }),
                interval: dated.then_some(Interval {
                    start: day,
                    end: day,
                    granularity: Granularity::Day,
                }),
                vague: false,
            });
            let quantity_id = QuantityId(s.quantities.len() as u32);
            s.quantities.push(Quantity {
                id: quantity_id,
                doc: id.clone(),
                span: Span::new(np.0, np.1),
                text: qn,
                value: number as f64,
                value_max: number as f64,
                unit: Some(Unit::from_name("tonne")),
                approx: Approx::Exact,
            });
            let claim_id = ClaimId(s.claims.len() as u32);
            s.groups[k].claims.push(claim_id);
            s.claims.push(Claim {
                id: claim_id,
                doc: id.clone(),
                span: Span::new(start, end),
                text: text[start..end].to_string(),
                sentence: k,
                speaker: Some(actor),
                quotes: vec![quote_id],
                times: vec![time_id],
                quantities: vec![quantity_id],
                polarity: Polarity::Positive,
                attribution: None,
                cue: None,
                tokens: Default::default(),
            });
        }
        let mut doc = Document::new(id.as_str(), text);
        doc.published = dated.then_some(anchor.add_days(6).expect("in range"));
        s.docs.push(doc);
    }
    for (i, (name, aliases)) in PEOPLE.iter().enumerate() {
        s.actors.push(Actor {
            id: ActorId(i as u32),
            name: name.to_string(),
            kind: ActorKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: Vec::new(),
            mentions: std::mem::take(&mut mentions[i]),
        });
    }
    s
}
