//! Reconciliation and reports: data-driven cases (`tests/data/reconcile/cases.json`),
//! properties over synthetic clusters, and the HTML page in headless Chromium.

#[path = "../data/reconcile/synth.rs"]
mod synth;

use corroborate::model::*;
use corroborate::reconcile::{self, Input};
use corroborate::report;
use corroborate::Config;
use proptest::prelude::*;
use serde::Deserialize;
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------
// Data-driven cases: documents with their annotations given by the text they cover.

#[derive(Deserialize)]
struct Case {
    name: String,
    #[serde(default)]
    actors: Vec<CaseActor>,
    docs: Vec<CaseDoc>,
    /// Each group lists claims as "doc:index".
    groups: Vec<Vec<String>>,
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct CaseActor {
    name: String,
    #[serde(default = "person")]
    kind: ActorKind,
    #[serde(default)]
    aliases: Vec<String>,
}

fn person() -> ActorKind {
    ActorKind::Person
}

#[derive(Deserialize)]
struct CaseDoc {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<Date>,
    #[serde(default)]
    claims: Vec<CaseClaim>,
    #[serde(default)]
    times: Vec<CaseTime>,
    #[serde(default)]
    quantities: Vec<CaseQuantity>,
    #[serde(default)]
    quotes: Vec<CaseQuote>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CaseClaim {
    Text(String),
    Full {
        text: String,
        speaker: Option<String>,
    },
}

#[derive(Deserialize)]
struct CaseTime {
    text: String,
    value: String,
    #[serde(default)]
    start: Option<Date>,
    #[serde(default)]
    end: Option<Date>,
    #[serde(default)]
    vague: bool,
}

#[derive(Deserialize)]
struct CaseQuantity {
    text: String,
    value: f64,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default = "exact")]
    approx: Approx,
}

fn exact() -> Approx {
    Approx::Exact
}

#[derive(Deserialize)]
struct CaseQuote {
    text: String,
    #[serde(default = "direct")]
    kind: QuoteKind,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    speaker_text: Option<String>,
    #[serde(default)]
    cue: Option<String>,
}

fn direct() -> QuoteKind {
    QuoteKind::Direct
}

#[derive(Deserialize, Debug)]
struct Expect {
    kind: FlagKind,
    group: u32,
    #[serde(default)]
    severity: Option<Severity>,
    /// Changes the word diff must contain, as "old->new", "+new" or "-old".
    #[serde(default)]
    diff: Vec<String>,
    /// Evidence values that must all appear.
    #[serde(default)]
    values: Vec<String>,
}

struct Built {
    docs: Vec<Document>,
    actors: Vec<Actor>,
    quotes: Vec<Quote>,
    times: Vec<TimeExpr>,
    quantities: Vec<Quantity>,
    claims: Vec<Claim>,
    groups: Vec<Group>,
}

impl Built {
    fn input(&self) -> Input<'_> {
        Input {
            documents: &self.docs,
            actors: &self.actors,
            quotes: &self.quotes,
            times: &self.times,
            quantities: &self.quantities,
            claims: &self.claims,
            groups: &self.groups,
        }
    }
}

fn find(case: &str, doc: &Document, needle: &str) -> Span {
    let start = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{case}: {needle:?} not in {}", doc.id));
    Span::new(start, start + needle.len())
}

fn build(case: &Case) -> Built {
    let name = &case.name;
    let docs: Vec<Document> = case
        .docs
        .iter()
        .map(|d| {
            let mut doc = Document::new(d.id.as_str(), d.text.as_str());
            doc.published = d.published;
            doc
        })
        .collect();
    let actor_id = |n: &str| {
        case.actors
            .iter()
            .position(|a| a.name == n || a.aliases.iter().any(|x| x == n))
            .map(|i| ActorId(i as u32))
            .unwrap_or_else(|| panic!("{name}: unknown actor {n}"))
    };
    let actors: Vec<Actor> = case
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut forms: Vec<&str> = std::iter::once(a.name.as_str())
                .chain(a.aliases.iter().map(String::as_str))
                .collect();
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            let mut mentions = Vec::new();
            for d in &docs {
                let mut taken: Vec<Span> = Vec::new();
                for f in &forms {
                    for (at, _) in d.text.match_indices(f) {
                        let s = Span::new(at, at + f.len());
                        let bounded = !d.text[..at].ends_with(char::is_alphanumeric)
                            && !d.text[s.end..].starts_with(char::is_alphanumeric);
                        if bounded && !taken.iter().any(|t| t.overlaps(s)) {
                            taken.push(s);
                        }
                    }
                }
                taken.sort();
                mentions.extend(taken.into_iter().map(|s| Mention {
                    doc: d.id.clone(),
                    span: s,
                    text: s.slice(&d.text).to_string(),
                    form: Default::default(),
                }));
            }
            Actor {
                id: ActorId(i as u32),
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                roles: Vec::new(),
                mentions,
            }
        })
        .collect();
    let mut b = Built {
        docs: docs.clone(),
        actors,
        quotes: Vec::new(),
        times: Vec::new(),
        quantities: Vec::new(),
        claims: Vec::new(),
        groups: Vec::new(),
    };
    let mut claim_ids = std::collections::BTreeMap::new();
    for (cd, doc) in case.docs.iter().zip(&docs) {
        for t in &cd.times {
            let span = find(name, doc, &t.text);
            let interval = t.start.map(|start| Interval {
                start,
                end: t.end.unwrap_or(start),
                granularity: Granularity::Day,
            });
            b.times.push(TimeExpr {
                id: TimeId(b.times.len() as u32),
                doc: doc.id.clone(),
                span,
                text: t.text.clone(),
                kind: TimeKind::Date,
                value: t.value.parse().expect("a TIMEX3 value in a case"),
                interval,
                vague: t.vague,
            });
        }
        for q in &cd.quantities {
            let span = find(name, doc, &q.text);
            b.quantities.push(Quantity {
                id: QuantityId(b.quantities.len() as u32),
                doc: doc.id.clone(),
                span,
                text: q.text.clone(),
                value: q.value,
                value_max: q.value,
                unit: q.unit.as_deref().map(corroborate::Unit::from_name),
                approx: q.approx,
            });
        }
        let first_quote = b.quotes.len();
        for q in &cd.quotes {
            let span = find(name, doc, &q.text);
            let speaker_span = q.speaker_text.as_deref().map(|t| find(name, doc, t));
            b.quotes.push(Quote {
                id: QuoteId(b.quotes.len() as u32),
                doc: doc.id.clone(),
                span,
                text: q.text.clone(),
                kind: q.kind,
                speaker: q.speaker.as_deref().map(actor_id),
                speaker_text: q.speaker_text.clone(),
                speaker_span,
                cue: q.cue.clone(),
            });
        }
        for (i, c) in cd.claims.iter().enumerate() {
            let (text, speaker) = match c {
                CaseClaim::Text(t) => (t.as_str(), None),
                CaseClaim::Full { text, speaker } => (text.as_str(), speaker.as_deref()),
            };
            let span = find(name, doc, text);
            let id = ClaimId(b.claims.len() as u32);
            claim_ids.insert(format!("{}:{i}", cd.id), id);
            b.claims.push(Claim {
                id,
                doc: doc.id.clone(),
                span,
                text: text.to_string(),
                sentence: i,
                speaker: speaker.map(actor_id),
                quotes: b.quotes[first_quote..]
                    .iter()
                    .filter(|q| span.contains(q.span))
                    .map(|q| q.id)
                    .collect(),
                times: Vec::new(),
                quantities: Vec::new(),
                polarity: Polarity::Positive,
                attribution: None,
                cue: None,
                tokens: Default::default(),
            });
        }
    }
    corroborate::attach_times_and_quantities(&mut b.claims, &b.times, &b.quantities);
    b.groups = case
        .groups
        .iter()
        .enumerate()
        .map(|(g, members)| Group {
            id: GroupId(g as u32),
            claims: members
                .iter()
                .map(|m| {
                    *claim_ids
                        .get(m)
                        .unwrap_or_else(|| panic!("{name}: no claim {m}"))
                })
                .collect(),
            score: 0.9,
            story: Default::default(),
            corroboration: Default::default(),
            joined: Default::default(),
        })
        .collect();
    b
}

fn diff_strings(f: &Flag) -> Vec<String> {
    f.diffs
        .iter()
        .flat_map(|d| d.changes())
        .map(|o| match o.kind {
            DiffOpKind::Insert => format!("+{}", o.new.to_lowercase()),
            DiffOpKind::Delete => format!("-{}", o.old.to_lowercase()),
            _ => format!("{}->{}", o.old.to_lowercase(), o.new.to_lowercase()),
        })
        .collect()
}

/// Every span a report points with must slice to the text it reports.
fn assert_evidence_valid(docs: &[Document], r: &Report) {
    for f in &r.flags {
        assert!(f.evidence.len() >= 2, "flag with one side: {f:?}");
        for e in &f.evidence {
            let doc = docs
                .iter()
                .find(|d| d.id == e.doc)
                .expect("evidence doc exists");
            assert_eq!(
                doc.text.get(e.span.start..e.span.end),
                Some(e.text.as_str())
            );
            assert_eq!(
                doc.text.get(e.context.start..e.context.end),
                Some(r.context_text(e))
            );
            assert!(e.context.contains(e.span));
            for h in &e.highlights {
                assert!(e.context.contains(*h), "highlight outside context: {f:?}");
            }
        }
        for d in &f.diffs {
            let (a, b) = (&f.evidence[d.from], &f.evidence[d.to]);
            for op in &d.ops {
                if let Some(s) = op.old_span {
                    let doc = docs.iter().find(|x| x.id == a.doc).expect("doc");
                    assert_eq!(s.slice(&doc.text), op.old);
                }
                if let Some(s) = op.new_span {
                    let doc = docs.iter().find(|x| x.id == b.doc).expect("doc");
                    assert_eq!(s.slice(&doc.text), op.new);
                }
            }
        }
    }
}

#[test]
fn data_driven_cases() {
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("../data/reconcile/cases.json")).expect("cases parse");
    assert!(cases.len() >= 15);
    let mut failures = Vec::new();
    for case in &cases {
        let b = build(case);
        let r = reconcile::check(&b.input(), &Config::default());
        assert_evidence_valid(&b.docs, &r);
        let got: BTreeSet<(u32, FlagKind)> = r.flags.iter().map(|f| (f.group.0, f.kind)).collect();
        let want: BTreeSet<(u32, FlagKind)> =
            case.expect.iter().map(|e| (e.group, e.kind)).collect();
        if got != want {
            failures.push(format!(
                "{}: got {got:?}, want {want:?}\n  {:#?}",
                case.name,
                r.flags.iter().map(|f| &f.summary).collect::<Vec<_>>()
            ));
            continue;
        }
        for e in &case.expect {
            let f = r
                .flags
                .iter()
                .find(|f| f.group.0 == e.group && f.kind == e.kind)
                .expect("present");
            if let Some(s) = e.severity {
                if f.severity != s {
                    failures.push(format!(
                        "{}: severity {:?}, want {s:?}",
                        case.name, f.severity
                    ));
                }
            }
            let diffs = diff_strings(f);
            for d in &e.diff {
                if !diffs.contains(&d.to_lowercase()) {
                    failures.push(format!("{}: diff {d} missing from {diffs:?}", case.name));
                }
            }
            for v in &e.values {
                if !f.evidence.iter().any(|x| &x.value == v) {
                    failures.push(format!(
                        "{}: value {v} missing from {:?}",
                        case.name, f.evidence
                    ));
                }
            }
            assert!(!f.summary.contains('\n'), "summary is one line");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------
// Synthetic clusters with known changes.

fn synth_input(s: &synth::Synth) -> Input<'_> {
    Input {
        documents: &s.docs,
        actors: &s.actors,
        quotes: &s.quotes,
        times: &s.times,
        quantities: &s.quantities,
        claims: &s.claims,
        groups: &s.groups,
    }
}

#[test]
fn synthetic_cluster_flags_exactly_the_typed_changes() {
    for seed in 0..20 {
        let s = synth::cluster(12, 10, seed, 150);
        let r = reconcile::check(&synth_input(&s), &Config::default());
        let got: BTreeSet<(u32, FlagKind)> = r.flags.iter().map(|f| (f.group.0, f.kind)).collect();
        assert_eq!(got, s.expected, "seed {seed}");
        assert_evidence_valid(&s.docs, &r);
    }
}

#[test]
fn events_and_coverage_follow_the_groups() {
    let s = synth::cluster(4, 3, 7, 0);
    let r = reconcile::check(&synth_input(&s), &Config::default());
    assert!(r.flags.is_empty());
    assert_eq!(r.stories.len(), 1);
    assert_eq!(r.stories[0].documents.len(), 4);
    assert_eq!(r.coverage.rows.len(), 3);
    for row in &r.coverage.rows {
        assert_eq!(row.carried_by.len(), 4);
        assert!(row.missing_from.is_empty());
    }
    // "were approved" is a happening: one event per group, in time order, each carried
    // by every outlet, with the time the outlets agree on.
    assert_eq!(r.events.len(), 3, "{:?}", r.events);
    let starts: Vec<Date> = r.events.iter().filter_map(|e| e.time.sort_key()).collect();
    assert_eq!(starts.len(), 3);
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "timeline in time order"
    );
    for e in &r.events {
        assert_eq!(e.kind, EventKind::Other);
        assert_eq!(e.outlets.len(), 4);
        assert_eq!(e.claims.len(), 4);
        assert!(e.flags.is_empty());
    }
}

#[test]
fn timeline_orders_events_and_reports_conflicts() {
    let json = r#"[{"name": "timeline",
      "actors": [{"name": "Xi Jinping", "aliases": ["Xi"]}, {"name": "Alexander Lukashenko", "aliases": ["Lukashenko"]}],
      "docs": [
        {"id": "a", "text": "Xi met Lukashenko in Beijing on Wednesday. China published a plan last week.",
         "claims": ["Xi met Lukashenko in Beijing on Wednesday.", "China published a plan last week."],
         "times": [{"text": "Wednesday", "value": "2023-03-01", "start": "2023-03-01"},
                   {"text": "last week", "value": "2023-W08", "start": "2023-02-20", "end": "2023-02-26"}]},
        {"id": "b", "text": "Xi met Lukashenko in Beijing on Thursday. China published a plan on Friday.",
         "claims": ["Xi met Lukashenko in Beijing on Thursday.", "China published a plan on Friday."],
         "times": [{"text": "Thursday", "value": "2023-03-02", "start": "2023-03-02"},
                   {"text": "on Friday", "value": "2023-02-24", "start": "2023-02-24"}]}],
      "groups": [["a:0", "b:0"], ["a:1", "b:1"]], "expect": []}]"#;
    let cases: Vec<Case> = serde_json::from_str(json).expect("parse");
    let b = build(&cases[0]);
    let r = reconcile::check(&b.input(), &Config::default());
    assert_eq!(r.flags.len(), 1);
    assert_eq!(r.flags[0].kind, FlagKind::Date);
    assert_eq!(r.events.len(), 2);
    let plan = &r.events[0];
    assert_eq!(plan.kind, EventKind::Publication);
    match &plan.time {
        EventTime::Agreed {
            interval: Some(i),
            value,
        } => {
            assert_eq!(i.start.to_string(), "2023-02-24");
            assert_eq!(value, "2023-02-24");
        }
        t => panic!("plan time {t:?}"),
    }
    let meeting = &r.events[1];
    assert_eq!(meeting.kind, EventKind::Meeting);
    assert_eq!(meeting.place.as_deref(), Some("Beijing"));
    assert_eq!(meeting.participants, [ActorId(0), ActorId(1)]);
    assert_eq!(meeting.flags, [0]);
    assert!(matches!(&meeting.time, EventTime::Conflict { values } if values.len() == 2));
    let md = report::markdown(&r);
    let flags_at = md.find("## Flags").expect("flags section");
    let timeline_at = md.find("## Timeline").expect("timeline");
    let coverage_at = md.find("## Coverage").expect("coverage");
    assert!(flags_at < timeline_at && timeline_at < coverage_at);
    assert!(md.contains("conflict: 2023-03-01 vs 2023-03-02"), "{md}");
}

// ---------------------------------------------------------------------------------------
// Properties.

/// A copy of a document set, grouped claim by claim with the original.
fn with_copies(s: &synth::Synth) -> synth::Synth {
    let copy_id = |d: &DocId| DocId(format!("{}-copy", d.0));
    let mut docs = s.docs.clone();
    docs.extend(s.docs.iter().map(|d| Document {
        id: copy_id(&d.id),
        ..d.clone()
    }));
    let mut actors = s.actors.clone();
    for a in &mut actors {
        let copies: Vec<Mention> = a
            .mentions
            .iter()
            .map(|m| Mention {
                doc: copy_id(&m.doc),
                ..m.clone()
            })
            .collect();
        a.mentions.extend(copies);
    }
    let nq = s.quotes.len() as u32;
    let mut quotes = s.quotes.clone();
    quotes.extend(s.quotes.iter().map(|q| Quote {
        id: QuoteId(q.id.0 + nq),
        doc: copy_id(&q.doc),
        ..q.clone()
    }));
    let nt = s.times.len() as u32;
    let mut times = s.times.clone();
    times.extend(s.times.iter().map(|t| TimeExpr {
        id: TimeId(t.id.0 + nt),
        doc: copy_id(&t.doc),
        ..t.clone()
    }));
    let nn = s.quantities.len() as u32;
    let mut quantities = s.quantities.clone();
    quantities.extend(s.quantities.iter().map(|q| Quantity {
        id: QuantityId(q.id.0 + nn),
        doc: copy_id(&q.doc),
        ..q.clone()
    }));
    let nc = s.claims.len() as u32;
    let mut claims = s.claims.clone();
    claims.extend(s.claims.iter().map(|c| Claim {
        id: ClaimId(c.id.0 + nc),
        doc: copy_id(&c.doc),
        quotes: c.quotes.iter().map(|q| QuoteId(q.0 + nq)).collect(),
        times: c.times.iter().map(|t| TimeId(t.0 + nt)).collect(),
        quantities: c.quantities.iter().map(|q| QuantityId(q.0 + nn)).collect(),
        ..c.clone()
    }));
    let groups = s
        .claims
        .iter()
        .map(|c| Group {
            id: GroupId(c.id.0),
            claims: vec![c.id, ClaimId(c.id.0 + nc)],
            score: 1.0,
            story: Default::default(),
            corroboration: Default::default(),
            joined: Default::default(),
        })
        .collect();
    synth::Synth {
        docs,
        actors,
        quotes,
        times,
        quantities,
        claims,
        groups,
        expected: BTreeSet::new(),
    }
}

fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_set_compared_with_its_copy_raises_no_flag(seed in any::<u64>(), docs in 1usize..6, facts in 1usize..6, rate in 0usize..1000) {
        let s = synth::cluster(docs, facts, seed, rate);
        let copies = with_copies(&s);
        let r = reconcile::check(&synth_input(&copies), &Config::default());
        prop_assert!(r.flags.is_empty(), "{:?}", r.flags.iter().map(|f| &f.summary).collect::<Vec<_>>());
    }

    #[test]
    fn reports_do_not_depend_on_input_order(seed in any::<u64>(), order in any::<u64>(), docs in 2usize..7, facts in 1usize..6, rate in 0usize..1000) {
        let s = synth::cluster(docs, facts, seed, rate);
        let base = reconcile::check(&synth_input(&s), &Config::default());
        let (mut d, mut a, mut q, mut t, mut n, mut c, mut g) =
            (s.docs.clone(), s.actors.clone(), s.quotes.clone(), s.times.clone(), s.quantities.clone(), s.claims.clone(), s.groups.clone());
        shuffle(&mut d, order);
        shuffle(&mut a, order ^ 1);
        shuffle(&mut q, order ^ 2);
        shuffle(&mut t, order ^ 3);
        shuffle(&mut n, order ^ 4);
        shuffle(&mut c, order ^ 5);
        shuffle(&mut g, order ^ 6);
        for grp in &mut g {
            shuffle(&mut grp.claims, order ^ 7);
        }
        let input = Input { documents: &d, actors: &a, quotes: &q, times: &t, quantities: &n, claims: &c, groups: &g };
        let shuffled = reconcile::check(&input, &Config::default());
        prop_assert_eq!(report::json(&base), report::json(&shuffled));
        prop_assert_eq!(report::html(&base), report::html(&shuffled));
    }

    #[test]
    fn evidence_spans_are_valid(seed in any::<u64>(), docs in 2usize..8, facts in 1usize..6, rate in 0usize..1000) {
        let s = synth::cluster(docs, facts, seed, rate);
        let r = reconcile::check(&synth_input(&s), &Config::default());
        assert_evidence_valid(&s.docs, &r);
        let got: BTreeSet<(u32, FlagKind)> = r.flags.iter().map(|f| (f.group.0, f.kind)).collect();
        prop_assert_eq!(got, s.expected.clone());
    }

    #[test]
    fn arbitrary_text_and_spans_never_panic(text in "\\PC{0,80}", a in 0usize..100, b in 0usize..100, c in 0usize..100) {
        // Spans from a buggy upstream stage (out of range, inside a character) are skipped.
        let d1 = Document::new("a", text.clone());
        let d2 = Document::new("b", format!("{text} not"));
        let claim = |id: u32, doc: &Document, s: Span| Claim {
            id: ClaimId(id), doc: doc.id.clone(), span: s, text: String::new(), sentence: 0,
            speaker: None, quotes: vec![], times: vec![], quantities: vec![], polarity: Polarity::Positive, attribution: None, cue: None, tokens: Default::default(),
        };
        let docs = [d1.clone(), d2.clone()];
        let claims = [claim(0, &d1, Span { start: a.min(b), end: a.max(b) }), claim(1, &d2, Span { start: c.min(b), end: c.max(b) }), claim(2, &d2, Span::new(0, d2.text.len()))];
        let groups = [Group { id: GroupId(0), claims: vec![ClaimId(0), ClaimId(1), ClaimId(2)], score: 0.5, story: Default::default(), corroboration: Default::default(), joined: Default::default() }];
        let input = Input { documents: &docs, claims: &claims, groups: &groups, ..Input::default() };
        let r = reconcile::check(&input, &Config::default());
        assert_evidence_valid(&docs, &r);
        let _ = (report::markdown(&r), report::html(&r));
    }
}

// ---------------------------------------------------------------------------------------
// The HTML page in a real browser.

fn chromium() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n)))
        .find(|p| p.is_file())
}

/// The DOM of `page` after its script ran in headless Chromium, and the browser's log.
fn run_chromium(browser: &std::path::Path, page: &str, tag: &str) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("corroborate-html-{tag}-{}", std::process::id()));
    let profile = dir.join("profile");
    std::fs::create_dir_all(&profile).expect("temp dir");
    let file = dir.join("report.html");
    std::fs::write(&file, page).expect("write page");
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .expect("run chromium");
    let _ = std::fs::remove_dir_all(&dir);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn html_loads_in_headless_chromium_with_one_entry_per_flag() {
    let Some(browser) = chromium() else {
        // CI installs chromium (.ci/run); there a missing browser is a failure.
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but no chromium on PATH"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install -y chromium)");
        return;
    };
    let s = synth::cluster(6, 8, 42, 400);
    let r = reconcile::check(&synth_input(&s), &Config::default());
    assert!(
        r.flags.len() >= 5,
        "enough flags to count: {}",
        r.flags.len()
    );
    let page = report::html(&r);
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no external resources"
    );
    let (dom, log) = run_chromium(&browser, &page, "flags");
    let marker = dom
        .find("<div id=\"script-ok\"")
        .and_then(|at| dom[at..].find('>').map(|end| &dom[at..at + end]))
        .unwrap_or_else(|| panic!("the script did not run; stderr:\n{log}"));
    assert!(
        marker.contains(&format!("data-flags=\"{}\"", r.flags.len())),
        "the script counted {marker}, want {} flags",
        r.flags.len()
    );
    assert!(
        !dom.contains("id=\"script-error\""),
        "script error in page: {dom}"
    );
    let console_errors: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error")))
        .collect();
    assert!(console_errors.is_empty(), "{console_errors:?}");
    assert_eq!(
        dom.matches("<article class=\"flag\"").count(),
        r.flags.len()
    );
    assert!(dom.contains(&format!(
        "{} of {} flags shown",
        r.flags.len(),
        r.flags.len()
    )));
    // the copy graph: a wire story and two copies of it draw two arrows as SVG
    let wire = "A storm cut power to twelve thousand homes in the river valley on Sunday night. \
        Crews from three counties worked through the night to restore the lines that fell. \
        The utility said most customers should have power again by Tuesday evening. \
        Schools in the valley will stay closed on Monday while the roads are cleared.";
    let docs = [
        Document::new("wire", wire),
        Document::new("copy-1", wire),
        Document::new(
            "copy-2",
            format!("{wire}\n\nThe library opened as a warming centre."),
        ),
    ];
    let r = corroborate::reconcile(&docs).expect("report");
    assert_eq!(r.provenance.len(), 2);
    let page = report::html(&r);
    assert!(!page.contains("http://") && !page.contains("https://"));
    let (dom, log) = run_chromium(&browser, &page, "copies");
    let marker = dom
        .find("<div id=\"script-ok\"")
        .and_then(|at| dom[at..].find('>').map(|end| &dom[at..at + end]))
        .unwrap_or_else(|| panic!("the script did not run; stderr:\n{log}"));
    assert!(marker.contains("data-copy-links=\"2\""), "{marker}");
    assert!(marker.contains("data-graph-drawn=\"true\""), "{marker}");
    assert_eq!(dom.matches("class=\"copy-node\"").count(), 3);
}

// ---------------------------------------------------------------------------------------
// The seeds through the real extraction stages. Until alignment is merged, each sentence
// is one claim and the groups are given by hand (`tests/data/reconcile/seeds.json`):
// these test reconciliation on real extractor output, not alignment.

#[derive(Deserialize)]
struct SeedCase {
    name: String,
    /// (document id prefix, words inside the sentence)
    members: Vec<(String, String)>,
    #[serde(default)]
    expect: Vec<FlagKind>,
    #[serde(default)]
    forbid: Vec<FlagKind>,
    #[serde(default)]
    diff: Vec<String>,
}

fn seed_docs() -> Vec<Document> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    corroborate::ingest::read_paths(&paths).expect("seeds read")
}

#[test]
fn seeds_through_real_extraction() {
    use corroborate::extract;
    let docs = seed_docs();
    let x = corroborate::actors_and_quotes(&docs);
    let mut times: Vec<TimeExpr> = extract::time::anchor_undated(&docs, &Default::default())
        .into_iter()
        .flatten()
        .collect();
    let mut quantities: Vec<Quantity> = docs
        .iter()
        .flat_map(extract::quantity::quantities)
        .collect();
    // ids across the documents, as the pipeline numbers them
    for (k, t) in times.iter_mut().enumerate() {
        t.id = TimeId(k as u32);
    }
    for (k, q) in quantities.iter_mut().enumerate() {
        q.id = QuantityId(k as u32);
    }
    let mut claims = Vec::new();
    for doc in &docs {
        for s in corroborate::segment::sentences(doc) {
            let quotes = x
                .quotes
                .iter()
                .filter(|q| q.doc == doc.id && s.span.overlaps(q.span))
                .map(|q| q.id)
                .collect();
            claims.push(Claim {
                id: ClaimId(claims.len() as u32),
                doc: doc.id.clone(),
                span: s.span,
                text: s.span.slice(&doc.text).to_string(),
                sentence: s.index,
                speaker: None,
                quotes,
                times: Vec::new(),
                quantities: Vec::new(),
                polarity: Polarity::Positive,
                attribution: None,
                cue: None,
                tokens: Default::default(),
            });
        }
    }
    corroborate::attach_times_and_quantities(&mut claims, &times, &quantities);
    let cases: Vec<SeedCase> =
        serde_json::from_str(include_str!("../data/reconcile/seeds.json")).expect("parse");
    let mut failures = Vec::new();
    for case in &cases {
        let members: Vec<ClaimId> = case
            .members
            .iter()
            .map(|(d, words)| {
                claims
                    .iter()
                    .find(|c| {
                        c.doc.as_str().starts_with(d.as_str()) && c.text.contains(words.as_str())
                    })
                    .unwrap_or_else(|| panic!("{}: no sentence of {d} has {words:?}", case.name))
                    .id
            })
            .collect();
        let groups = [Group {
            id: GroupId(0),
            claims: members,
            score: 0.9,
            story: Default::default(),
            corroboration: Default::default(),
            joined: Default::default(),
        }];
        let input = Input {
            documents: &docs,
            actors: &x.actors,
            quotes: &x.quotes,
            times: &times,
            quantities: &quantities,
            claims: &claims,
            groups: &groups,
        };
        let r = reconcile::check(&input, &Config::default());
        assert_evidence_valid(&docs, &r);
        let kinds: BTreeSet<FlagKind> = r.flags.iter().map(|f| f.kind).collect();
        let summaries: Vec<&String> = r.flags.iter().map(|f| &f.summary).collect();
        for k in &case.expect {
            if !kinds.contains(k) {
                failures.push(format!("{}: no {k:?} flag; got {summaries:#?}", case.name));
            }
        }
        for k in &case.forbid {
            if kinds.contains(k) {
                failures.push(format!("{}: false {k:?} flag: {summaries:#?}", case.name));
            }
        }
        let diffs: Vec<String> = r.flags.iter().flat_map(diff_strings).collect();
        for d in &case.diff {
            if !diffs.contains(d) {
                failures.push(format!("{}: diff {d} missing from {diffs:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------
// The whole pipeline on sentence pairs: one typed change, or a meaning-preserving
// rewording (`tests/data/reconcile/pipeline_pairs.json`). Each pair is two one-line
// articles published the same day unless the pair says otherwise; the report must carry a flag of the changed kind, or
// no flag at all for a rewording. Figures are printed with `--nocapture`.

#[derive(Deserialize)]
struct PipelinePair {
    a: String,
    b: String,
    kind: Option<FlagKind>,
    /// Publication dates, when not both 2023-03-02.
    #[serde(default)]
    published: Option<(String, String)>,
}

#[test]
fn claims_name_the_times_and_quantities_inside_them() {
    let r = corroborate::reconcile(&seed_docs()).expect("seeds reconcile");
    assert!(r
        .times
        .iter()
        .enumerate()
        .all(|(k, t)| t.id.0 as usize == k));
    assert!(r
        .quantities
        .iter()
        .enumerate()
        .all(|(k, q)| q.id.0 as usize == k));
    let mut named = (0, 0);
    for c in &r.claims {
        let inside = |doc: &DocId, s: Span| doc == &c.doc && c.span.contains(s);
        let times: Vec<TimeId> = r
            .times
            .iter()
            .filter(|t| inside(&t.doc, t.span))
            .map(|t| t.id)
            .collect();
        let quantities: Vec<QuantityId> = r
            .quantities
            .iter()
            .filter(|q| inside(&q.doc, q.span))
            .map(|q| q.id)
            .collect();
        assert_eq!(
            (&c.times, &c.quantities),
            (&times, &quantities),
            "claim {}",
            c.id.0
        );
        named.0 += times.len();
        named.1 += quantities.len();
    }
    assert!(named.0 >= 30 && named.1 >= 20, "{named:?}");
}

#[test]
fn whole_pipeline_on_typed_changes_and_rewordings() {
    let pairs: Vec<PipelinePair> =
        serde_json::from_str(include_str!("../data/reconcile/pipeline_pairs.json")).expect("parse");
    let (mut changes, mut found, mut rewordings, mut false_alarms) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for p in &pairs {
        let mut a = Document::new("a", p.a.as_str());
        let mut b = Document::new("b", p.b.as_str());
        let (pa, pb) = p
            .published
            .clone()
            .unwrap_or(("2023-03-02".into(), "2023-03-02".into()));
        a.published = Some(pa.parse().expect("date"));
        b.published = Some(pb.parse().expect("date"));
        let r = corroborate::reconcile(&[a.clone(), b.clone()]).expect("pipeline");
        assert_evidence_valid(&[a, b], &r);
        let kinds: BTreeSet<FlagKind> = r.flags.iter().map(|f| f.kind).collect();
        match p.kind {
            Some(k) => {
                changes += 1;
                if kinds.contains(&k) {
                    found += 1;
                } else {
                    misses.push(format!(
                        "missed {k:?} ({} groups, got {kinds:?}): {}",
                        r.groups.len(),
                        p.b
                    ));
                }
            }
            None => {
                rewordings += 1;
                if !kinds.is_empty() {
                    false_alarms += 1;
                    misses.push(format!("false alarm {kinds:?}: {} / {}", p.a, p.b));
                }
            }
        }
    }
    eprintln!(
        "whole pipeline: {found}/{changes} typed changes found with the right kind, \
         {false_alarms}/{rewordings} rewordings with a false alarm\n{}",
        misses.join("\n")
    );
    assert!(changes >= 15 && rewordings >= 15);
    // The targets of the held-out suite: 90% of changes found, false alarms on <= 5%.
    assert!(found * 10 >= changes * 9, "{found}/{changes} found");
    assert!(
        false_alarms * 20 <= rewordings,
        "{false_alarms}/{rewordings} false alarms"
    );
}

#[test]
fn reports_escape_markup_from_the_articles() {
    let json = r#"[{"name": "markup",
      "docs": [
        {"id": "a<b>", "text": "The council approved the <script>alert(1)</script> plan & budget.",
         "claims": ["The council approved the <script>alert(1)</script> plan & budget."]},
        {"id": "b\"q", "text": "The council rejected the <script>alert(1)</script> plan & budget.",
         "claims": ["The council rejected the <script>alert(1)</script> plan & budget."]}],
      "groups": [["a<b>:0", "b\"q:0"]], "expect": []}]"#;
    let cases: Vec<Case> = serde_json::from_str(json).expect("parse");
    let b = build(&cases[0]);
    let r = reconcile::check(&b.input(), &Config::default());
    assert_eq!(r.flags.len(), 1);
    let html = report::html(&r);
    assert!(!html.contains("<script>alert"), "unescaped markup in HTML");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("a&lt;b&gt;") && html.contains("b&quot;q"));
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the page's own script"
    );
    let md = report::markdown(&r);
    assert!(!md.contains("<script>"), "markdown escapes angle brackets");
}

#[test]
fn descriptions_as_agents_survive_case_folding_that_changes_lengths() {
    // "İ" lower-cases to two characters: offsets found in a folded copy must not be used
    // on the original text.
    let a = Document::new(
        "a",
        "İİİİ İİ, the economist halted the İzmir port project. The İzmir port project was halted by the economist near İzmir.",
    );
    let b = Document::new(
        "b",
        "İİİİ İİ, the governor halted the İzmir port project. The İzmir port project was halted by the governor near İzmir.",
    );
    let r = corroborate::reconcile(&[a.clone(), b.clone()]).expect("pipeline");
    assert_evidence_valid(&[a, b], &r);
}

/// Several outlets on each side of a plainly written number make a high-confidence
/// flag; one outlet against one cannot; `--min-confidence` keeps the events' flag
/// references valid.
#[test]
fn confidence_follows_outlets_and_filters_cleanly() {
    let sentence = |n: u32| {
        format!(
            "The regional ministry said on March 3 that {n} people died in the flood in the northern province of Varnia."
        )
    };
    let mut docs = Vec::new();
    for (i, n) in [40, 40, 40, 45, 45, 45].into_iter().enumerate() {
        let mut d = Document::new(format!("d{i}"), sentence(n));
        d.source = Some(format!("Outlet {i}"));
        docs.push(d);
    }
    let report = corroborate::Reconciler::default().reconcile(&docs).unwrap();
    let flag = report
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::Quantity)
        .expect("the death toll is flagged");
    assert_eq!(flag.confidence, Confidence::High, "{:?}", flag.reasons);
    assert!(flag
        .reasons
        .iter()
        .any(|r| r.contains("3 outlets on one side and 3")));

    let pair = [docs[0].clone(), docs[3].clone()];
    let report = corroborate::Reconciler::default().reconcile(&pair).unwrap();
    let flag = report
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::Quantity)
        .expect("the death toll is flagged");
    assert_ne!(flag.confidence, Confidence::High, "{:?}", flag.reasons);
    assert!(report
        .flags
        .windows(2)
        .all(|w| w[0].confidence <= w[1].confidence));

    // three figures side by side, each carried by two outlets: more likely counts of
    // different things than one count misreported, so not high
    let mut three = docs.clone();
    for (i, n) in [50, 50].into_iter().enumerate() {
        let mut d = Document::new(format!("e{i}"), sentence(n));
        d.source = Some(format!("Outlet e{i}"));
        three.push(d);
    }
    let mixed = corroborate::Reconciler::default()
        .reconcile(&three)
        .unwrap();
    let flag = mixed
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::Quantity)
        .expect("the death toll is flagged");
    assert_eq!(flag.support.len(), 3);
    assert_ne!(flag.confidence, Confidence::High, "{:?}", flag.reasons);

    let kept = reconcile::with_min_confidence(report.clone(), Confidence::High);
    assert!(kept.flags.is_empty());
    assert!(kept.events.iter().all(|e| e.flags.is_empty()));
    let all = reconcile::with_min_confidence(report.clone(), Confidence::Low);
    assert_eq!(all, report);
}
