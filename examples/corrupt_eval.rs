//! A corruption suite on real news: one sentence of one article of a gold event is
//! edited, the event's articles (with the edited one) go through the whole pipeline, and
//! the flags are compared with those of the unedited event.
//!
//! ```sh
//! cargo run --release --example corrupt_eval -- [DIR] [--seed N] [--per-event N]
//!     [--controls-per-event N] [--event E] [--show misses|false-alarms|all] [--cases]
//! ```
//!
//! `DIR` is the development news (`DEV_NEWS_DIR`, default `../shared/dev-news`). The
//! edits are generated deterministically (fixed seed) by the suite's own reading of the
//! text, never by the crate's alignment (see `support/edits.rs`):
//!
//! - **typed edits** change one fact (date: weekday, day of month, month; number: digits
//!   or words; speaker: swapped for another person named in the event's articles;
//!   quotation word: a one-word synonym swap; polarity: a negation added or removed, an
//!   antonym), only where another outlet of the event states the same fact. One is
//!   **found** when `check` on the edited event raises a flag that `check` on the
//!   unedited event does not (same kind, evidence spans mapped back, and values), of the
//!   kind that reports the edit, with evidence on the edited words. **Kind accuracy** is
//!   found over flagged with any kind.
//! - **controls** keep the meaning (`said` ↔ `told reporters`, quotation/attribution
//!   order, contractions, number words ↔ digits, month abbreviations, fact-free synonyms,
//!   clock format, brackets and ellipses inside a quotation; all outside quotations but
//!   the last two). One is a **false alarm** when a new flag has evidence on the edited
//!   words; the wider count takes any new flag with evidence in the edited sentence. For
//!   a control, a flag the unedited event raises on the same spans is not new whatever
//!   its values (the control did not cause it).
//!
//! Evidence is "on the edited words" when its span overlaps them or ends or starts right
//! at them.
//!
//! At most `--per-event` typed edits (default 4) of each type and `--controls-per-event`
//! controls (default 3) of each type are drawn per event, one per sentence and type.
//! `--show` lists the misses, the false alarms or every case with the sentences, the
//! other outlet's sentence and the new flags; `--cases` only lists the cases. Each miss
//! carries a `why:` line (`support/miss_reason.rs`): the two documents in different
//! stories, the two claims below the join's candidate threshold or the decision
//! threshold, a better candidate in the other document, a link not merged, or aligned
//! with what was extracted on the edited words; the summary counts misses by type and
//! that family.

#[path = "support/dev_news.rs"]
mod dev_news;
#[path = "support/edits.rs"]
mod edits;
#[path = "support/miss_reason.rs"]
mod miss_reason;
#[path = "support/text.rs"]
mod text;

use corroborate::{Document, Flag, FlagKind, Report, Span};
use dev_news::DevNews;
use edits::{Case, Class, Control, Typed};
use std::collections::{BTreeMap, BTreeSet};

/// The seed of the default draw.
const DEFAULT_SEED: u64 = 13;
/// Typed edits of each type drawn per event, by default.
const DEFAULT_TYPED_PER_EVENT: usize = 4;
/// Controls of each type drawn per event, by default.
const DEFAULT_CONTROLS_PER_EVENT: usize = 3;

/// A flag as compared across runs: kind, and each evidence item's document, span (in the
/// unedited text) and value (the value left empty when only the places count).
type FlagKey = (FlagKind, Vec<(String, usize, usize, String)>);

/// The key of `flag`, its spans mapped into the unedited text by `map`; with `values`
/// false a flag whose values changed on the same spans keeps its key.
fn flag_key(flag: &Flag, map: &dyn Fn(&str, Span) -> Span, values: bool) -> FlagKey {
    let mut ev: Vec<(String, usize, usize, String)> = flag
        .evidence
        .iter()
        .map(|e| {
            let s = map(e.doc.as_str(), e.span);
            let v = if values {
                e.value.to_string()
            } else {
                String::new()
            };
            (e.doc.as_str().to_string(), s.start, s.end, v)
        })
        .collect();
    ev.sort();
    ev.dedup();
    (flag.kind, ev)
}

/// How the edited claim was aligned in the edited run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Aligned {
    /// In a group with the other outlet's sentence that states the same fact.
    WithPartner,
    /// In a group, but not with that sentence.
    Elsewhere,
    /// In no group.
    Alone,
}

impl Aligned {
    fn name(self) -> &'static str {
        match self {
            Aligned::WithPartner => "aligned with the other outlet's sentence",
            Aligned::Elsewhere => "aligned, but not with that sentence",
            Aligned::Alone => "not aligned",
        }
    }
}

/// What one edited run shows.
struct Outcome {
    /// Flags not raised on the unedited event.
    new: Vec<Flag>,
    /// Indices into `new` of flags with evidence on the edited words.
    on_edit: Vec<usize>,
    /// Indices into `new` of flags with evidence in the edited sentence.
    in_sentence: Vec<usize>,
    aligned: Aligned,
    /// For a typed edit not found: why (see `support/miss_reason.rs`).
    why: Option<String>,
}

impl Outcome {
    /// Whether a new flag of `kind` has evidence on the edited words.
    fn found(&self, kind: FlagKind) -> bool {
        self.on_edit.iter().any(|&i| self.new[i].kind == kind)
    }
}

/// The flags of one unedited event, keyed with and without values.
struct Baseline {
    with_values: BTreeSet<FlagKey>,
    places: BTreeSet<FlagKey>,
}

/// Runs `case` and compares its flags with `baseline`: for a typed edit a flag is new
/// unless the unedited event has it with the same places and values (a changed value on a
/// flagged span is the edit reported); for a control, unless it has it on the same
/// places (a flag the text already had, whose values the control rewrote, is not the
/// control's doing).
fn run_case(
    news: &DevNews,
    case: &Case,
    baseline: &Baseline,
) -> Result<Outcome, corroborate::Error> {
    let doc = &news.docs[case.doc];
    let mut docs: Vec<Document> = news.event_docs(&case.event);
    for d in &mut docs {
        if d.id == doc.id {
            d.text = case.edited_text(&doc.text);
        }
    }
    let report = dev_news::check(&docs)?;
    let id = doc.id.as_str();
    let map = |d: &str, s: Span| {
        if d == id {
            Span::new(
                case.to_original(s.start, false),
                case.to_original(s.end, true),
            )
        } else {
            s
        }
    };
    let typed = matches!(case.class, Class::Typed(_));
    let known = if typed {
        &baseline.with_values
    } else {
        &baseline.places
    };
    let new: Vec<Flag> = report
        .flags
        .iter()
        .filter(|f| !known.contains(&flag_key(f, &map, typed)))
        .cloned()
        .collect();
    // evidence touches a span when it overlaps it or ends or starts right at it (a
    // quotation's evidence may start after an edited bracket)
    let touching = |within: Span| -> Vec<usize> {
        (0..new.len())
            .filter(|&i| {
                new[i].evidence.iter().any(|e| {
                    e.doc.as_str() == id && e.span.start <= within.end && within.start <= e.span.end
                })
            })
            .collect()
    };
    let on_edit = touching(case.region());
    let in_sentence = touching(case.edited_sentence());
    let partner_id = news.docs[case.partner.0].id.as_str();
    let aligned = alignment(&report, case, id, partner_id);
    let mut outcome = Outcome {
        new,
        on_edit,
        in_sentence,
        aligned,
        why: None,
    };
    if let Class::Typed(t) = case.class {
        if !outcome.found(t.kind()) {
            outcome.why = Some(miss_reason::reason(
                &report,
                id,
                case.region(),
                partner_id,
                case.partner.1,
                aligned == Aligned::WithPartner,
            ));
        }
    }
    Ok(outcome)
}

/// Whether the claim carrying the edit was aligned with the other outlet's sentence.
fn alignment(report: &Report, case: &Case, id: &str, partner_id: &str) -> Aligned {
    let region = case.region();
    let claim_of = |c: corroborate::ClaimId| report.claims.iter().find(|x| x.id == c);
    let mut out = Aligned::Alone;
    for g in &report.groups {
        let members: Vec<_> = g.claims.iter().filter_map(|&c| claim_of(c)).collect();
        let holds_edit = members.iter().any(|c| {
            c.doc.as_str() == id
                && c.span
                    .overlaps(Span::new(region.start, region.end.max(region.start + 1)))
        });
        if !holds_edit {
            continue;
        }
        if members
            .iter()
            .any(|c| c.doc.as_str() == partner_id && c.span.overlaps(case.partner.1))
        {
            return Aligned::WithPartner;
        }
        out = Aligned::Elsewhere;
    }
    out
}

/// Draws the cases: every candidate of every event, shuffled with `seed`, kept up to the
/// caps per event and type and one per sentence and type; then in event, document and
/// offset order.
fn draw(news: &DevNews, events: &[String], args: &Args) -> Vec<Case> {
    let mut all: Vec<Case> = events
        .iter()
        .flat_map(|e| edits::candidates(news, e, args.seed))
        .collect();
    let mut rng = text::SplitMix(args.seed);
    rng.shuffle(&mut all);
    // every subtype and replaced word of an event and type gets its first case before any
    // gets a second, so a frequent word ("after") does not fill the draw
    let mut seen: BTreeMap<(String, Class, &str, String), usize> = BTreeMap::new();
    let mut ranked: Vec<(usize, Case)> = all
        .into_iter()
        .map(|c| {
            let word = news.docs[c.doc].text[c.replace.start..c.replace.end].to_lowercase();
            let n = seen
                .entry((c.event.clone(), c.class, c.subtype, word))
                .or_default();
            *n += 1;
            (*n, c)
        })
        .collect();
    ranked.sort_by_key(|(n, _)| *n);
    let all = ranked.into_iter().map(|(_, c)| c);
    let mut per_type: BTreeMap<(String, Class), usize> = BTreeMap::new();
    let mut per_sentence: BTreeSet<(usize, usize, Class)> = BTreeSet::new();
    let mut out = Vec::new();
    for c in all {
        let cap = match c.class {
            Class::Typed(_) => args.typed_per_event,
            Class::Control(_) => args.controls_per_event,
        };
        let n = per_type.entry((c.event.clone(), c.class)).or_default();
        if *n >= cap || !per_sentence.insert((c.doc, c.sentence.start, c.class)) {
            continue;
        }
        *n += 1;
        out.push(c);
    }
    out.sort_by(|a, b| {
        (&a.event, a.doc, a.replace.start, a.class).cmp(&(
            &b.event,
            b.doc,
            b.replace.start,
            b.class,
        ))
    });
    out
}

/// Counts of a set of cases.
#[derive(Default, Clone, Copy)]
struct Count {
    cases: usize,
    hit: usize,
    any: usize,
}

impl Count {
    fn pct(a: usize, b: usize) -> String {
        if b == 0 {
            "-".into()
        } else {
            format!("{:.1}%", 100.0 * a as f64 / b as f64)
        }
    }
}

struct Args {
    dir: Option<String>,
    seed: u64,
    typed_per_event: usize,
    controls_per_event: usize,
    event: Option<String>,
    show: Option<String>,
    cases_only: bool,
}

fn parse_args() -> Result<Args, Box<dyn std::error::Error>> {
    let mut a = Args {
        dir: None,
        seed: DEFAULT_SEED,
        typed_per_event: DEFAULT_TYPED_PER_EVENT,
        controls_per_event: DEFAULT_CONTROLS_PER_EVENT,
        event: None,
        show: None,
        cases_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--seed" => a.seed = value()?.parse()?,
            "--per-event" => a.typed_per_event = value()?.parse()?,
            "--controls-per-event" => a.controls_per_event = value()?.parse()?,
            "--event" => a.event = Some(value()?),
            "--show" => {
                let v = value()?;
                if !["misses", "false-alarms", "all"].contains(&v.as_str()) {
                    return Err("--show misses|false-alarms|all".into());
                }
                a.show = Some(v);
            }
            "--cases" => a.cases_only = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}").into()),
            _ => a.dir = Some(arg),
        }
    }
    Ok(a)
}

/// `text[within]` with the edit's replaced bytes marked `[[ ]]`, on one line.
fn marked(text: &str, within: Span, mark: Span) -> String {
    dev_news::marked(text, within, mark, &[])
}

fn print_case(news: &DevNews, case: &Case, outcome: Option<&Outcome>) {
    let doc = &news.docs[case.doc];
    let edited = case.edited_text(&doc.text);
    let partner = &news.docs[case.partner.0];
    println!(
        "== {} · {} ({}) · {} {}-{}",
        case.event,
        case.class.name(),
        case.subtype,
        doc.id.as_str(),
        case.replace.start,
        case.replace.end
    );
    println!(
        "  before: {}",
        marked(&doc.text, case.sentence, case.replace)
    );
    println!(
        "  after:  {}",
        marked(&edited, case.edited_sentence(), case.region())
    );
    println!(
        "  other:  {} {}",
        partner.id.as_str(),
        marked(&partner.text, case.partner.1, Span::new(0, 0))
    );
    if let Some(o) = outcome {
        println!("  alignment: {}", o.aligned.name());
        if let Some(why) = &o.why {
            println!("  why: {why}");
        }
        for (i, f) in o.new.iter().enumerate() {
            let place = if o.on_edit.contains(&i) {
                "on the edit"
            } else if o.in_sentence.contains(&i) {
                "in the sentence"
            } else {
                "elsewhere"
            };
            println!("  new flag ({place}): {} · {}", f.kind.as_str(), f.summary);
        }
    }
    println!();
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let news = dev_news::load(&dev_news::corpus_dir(args.dir.as_deref()))?;
    let events: Vec<String> = match &args.event {
        Some(e) if news.events.contains_key(e) => vec![e.clone()],
        Some(e) => return Err(format!("no event {e:?} in the corpus").into()),
        None => news.events.keys().cloned().collect(),
    };
    let cases = draw(&news, &events, &args);
    if args.cases_only {
        for c in &cases {
            print_case(&news, c, None);
        }
        println!("{} cases", cases.len());
        return Ok(());
    }
    let mut baselines: BTreeMap<&str, Baseline> = BTreeMap::new();
    for e in &events {
        let report = dev_news::check(&news.event_docs(e))?;
        let keys = |values| {
            report
                .flags
                .iter()
                .map(|f| flag_key(f, &|_, s| s, values))
                .collect()
        };
        baselines.insert(
            e,
            Baseline {
                with_values: keys(true),
                places: keys(false),
            },
        );
    }
    let mut outcomes = Vec::with_capacity(cases.len());
    for c in &cases {
        let Some(baseline) = baselines.get(c.event.as_str()) else {
            continue;
        };
        outcomes.push(run_case(&news, c, baseline)?);
    }
    if let Some(show) = &args.show {
        for (c, o) in cases.iter().zip(&outcomes) {
            let wanted = match (show.as_str(), c.class) {
                ("all", _) => true,
                ("misses", Class::Typed(t)) => !o.found(t.kind()),
                ("false-alarms", Class::Control(_)) => !o.in_sentence.is_empty(),
                _ => false,
            };
            if wanted {
                print_case(&news, c, Some(o));
            }
        }
    }
    summarize(&cases, &outcomes, events.len(), args.seed);
    Ok(())
}

fn summarize(cases: &[Case], outcomes: &[Outcome], events: usize, seed: u64) {
    // typed: per type and per (type, subtype)
    let mut typed: BTreeMap<(Typed, &str), Count> = BTreeMap::new();
    let mut misses_by_alignment: BTreeMap<Aligned, usize> = BTreeMap::new();
    let mut misses_by_reason: BTreeMap<String, usize> = BTreeMap::new();
    let mut wrong_kinds: BTreeMap<(Typed, FlagKind), usize> = BTreeMap::new();
    let mut controls: BTreeMap<(Control, &str), Count> = BTreeMap::new();
    let used_events: BTreeSet<&str> = cases.iter().map(|c| c.event.as_str()).collect();
    for (c, o) in cases.iter().zip(outcomes) {
        match c.class {
            Class::Typed(t) => {
                let n = typed.entry((t, c.subtype)).or_default();
                n.cases += 1;
                n.hit += usize::from(o.found(t.kind()));
                n.any += usize::from(!o.on_edit.is_empty());
                if !o.found(t.kind()) {
                    *misses_by_alignment.entry(o.aligned).or_default() += 1;
                    let family = o
                        .why
                        .as_deref()
                        .and_then(|w| w.split(':').next())
                        .unwrap_or("?");
                    *misses_by_reason
                        .entry(format!("{} {family}", t.name()))
                        .or_default() += 1;
                    for &i in &o.on_edit {
                        *wrong_kinds.entry((t, o.new[i].kind)).or_default() += 1;
                    }
                }
            }
            Class::Control(k) => {
                let n = controls.entry((k, c.subtype)).or_default();
                n.cases += 1;
                n.hit += usize::from(!o.on_edit.is_empty());
                n.any += usize::from(!o.in_sentence.is_empty());
            }
        }
    }
    let sum = |it: &mut dyn Iterator<Item = Count>| {
        it.fold(Count::default(), |a, b| Count {
            cases: a.cases + b.cases,
            hit: a.hit + b.hit,
            any: a.any + b.any,
        })
    };
    let all_typed = sum(&mut typed.values().copied());
    println!(
        "corruption suite: seed {seed}, {} cases over {} of {events} events",
        cases.len(),
        used_events.len()
    );
    println!(
        "typed edits: {} cases; recall (a new flag of the right kind on the edit) {} ({}/{}); flagged with any kind {}/{}; kind accuracy {} ({}/{})",
        all_typed.cases,
        Count::pct(all_typed.hit, all_typed.cases),
        all_typed.hit,
        all_typed.cases,
        all_typed.any,
        all_typed.cases,
        Count::pct(all_typed.hit, all_typed.any),
        all_typed.hit,
        all_typed.any
    );
    for t in Typed::ALL {
        let n = sum(&mut typed.iter().filter(|((x, _), _)| *x == t).map(|(_, c)| *c));
        if n.cases == 0 {
            continue;
        }
        println!(
            "  {:<15} recall {:>6} ({:>3}/{:<3}) any kind {:>3}; kind accuracy {}",
            t.name(),
            Count::pct(n.hit, n.cases),
            n.hit,
            n.cases,
            n.any,
            Count::pct(n.hit, n.any)
        );
        for ((_, sub), c) in typed.iter().filter(|((x, _), _)| *x == t) {
            println!("      {:<22} {:>3}/{:<3}", sub, c.hit, c.cases);
        }
    }
    println!("  misses by alignment of the edited claim:");
    for (a, n) in &misses_by_alignment {
        println!("      {:<44} {n}", a.name());
    }
    println!("  misses by reason (type, family):");
    for (r, n) in &misses_by_reason {
        println!("      {r:<44} {n}");
    }
    if !wrong_kinds.is_empty() {
        println!("  misses flagged with another kind on the edit:");
        for ((t, k), n) in &wrong_kinds {
            println!("      {} as {}: {n}", t.name(), k.as_str());
        }
    }
    let all_controls = sum(&mut controls.values().copied());
    println!(
        "controls: {} cases; false alarms (a new flag on the edited words) {} ({}/{}); a new flag anywhere in the edited sentence {} ({}/{})",
        all_controls.cases,
        Count::pct(all_controls.hit, all_controls.cases),
        all_controls.hit,
        all_controls.cases,
        Count::pct(all_controls.any, all_controls.cases),
        all_controls.any,
        all_controls.cases
    );
    for k in Control::ALL {
        let n = sum(&mut controls
            .iter()
            .filter(|((x, _), _)| *x == k)
            .map(|(_, c)| *c));
        if n.cases == 0 {
            continue;
        }
        println!(
            "  {:<31} {:>3}/{:<3} on the edit, {:>3} in the sentence",
            k.name(),
            n.hit,
            n.cases,
            n.any
        );
        for ((_, sub), c) in controls.iter().filter(|((x, _), _)| *x == k) {
            println!("      {:<27} {:>3}/{:<3} {:>3}", sub, c.hit, c.cases, c.any);
        }
    }
}
