//! Segmentation throughput on a generated news-like corpus of 10 MB or more.
//!
//! The corpus is built here from sentence templates (titles, initials, abbreviations,
//! quotes, money and percentages, ellipses, lists, headlines, paragraphs), so the
//! number of sentences is known by construction; the bench checks the segmenter finds
//! exactly that many before it times anything.
//!
//! Run: `cargo bench --bench segment`

use corroborate::{segment, Document};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// One sentence each; `{P}` a person, `{Q}` another, `{C}` a place, `{N}` a number,
/// `{D}` a weekday, `{O}` an organisation.
const TEMPLATES: &[&str] = &[
    "{P} met {Q} in {C} on {D} to discuss a ceasefire.",
    "Mr. {P} told reporters the talks were \u{201c}constructive and frank.\u{201d}",
    "\u{201c}We are ready to work with all parties,\u{201d} Dr. {Q} said on {D}.",
    "The U.S. Treasury said it would review sanctions on {O} Inc. within {N} days.",
    "Shares of {O} Corp. fell {N}.5% to $1.{N}bn in early trading.",
    "Gen. {P} and Sen. {Q} visited the base in {C} at 9 a.m. on Jan. {N}.",
    "The agreement, signed in Sept. {N}, covers about 1,{N}00 jobs (most of them in {C}).",
    "Was the deal worth it?",
    "\u{201c}Absolutely not!\u{201d} {Q} replied.",
    "According to the U.N. Security Council, {N} people were displaced last week.",
    "The report by J. R. {P} runs to {N} pages, see p. {N} for the summary.",
    "Critics say the plan is vague . . . and that it favours {C}.",
    "{P}, who arrived in {C} on {D}, is expected to meet Rep. {Q} of the U.K. delegation.",
    "Prices rose {N}.2 percent in the year to March, the statistics office said.",
    "\"The numbers speak for themselves,\" said {Q}, a spokesman for {O} Ltd.",
    "Officials in {C} declined to comment on the claim, which appeared on example.com.",
    "Mrs. {P} called the decision \u{2018}deeply regrettable.\u{2019}",
    "The vote passed {N} to 12 after a debate that ran past 11 p.m. on {D}.",
    "St. {Q}'s Hospital said No. {N} ward would reopen in Feb. next year.",
    "It is unclear what happens next\u{2026}",
    "The ministry's statement (released late on {D}) did not mention {C} at all.",
    "Analysts at {O} Co. expect growth of 2.{N}% this year, vs. 3.1% last year.",
];

const PEOPLE: &[&str] = &[
    "Anna Kovac",
    "Lukas Weber",
    "Mei Chen",
    "Omar Haddad",
    "Ingrid Hansen",
    "Kwame Mensah",
    "Sofia Rossi",
    "Daniel Murphy",
    "Priya Sharma",
    "Jan Novak",
];
const PLACES: &[&str] = &[
    "Beijing", "Minsk", "Geneva", "Nairobi", "Lima", "Warsaw", "Hanoi",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const ORGS: &[&str] = &["Acme", "Zenith", "Orion", "Borealis", "Vertex"];

/// A small deterministic generator, so the corpus is the same on every run.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Documents of about `target` bytes in total, and how many sentences they hold.
fn corpus(target: usize) -> (Vec<Document>, usize) {
    let mut rng = Lcg(42);
    let mut docs = Vec::new();
    let (mut bytes, mut count) = (0, 0);
    while bytes < target {
        let mut text = String::new();
        // A headline: a line without final punctuation, then a blank line.
        text.push_str(&format!(
            "{} and {} Agree on Talks in {}\n\n",
            PLACES[rng.next(PLACES.len())],
            PLACES[rng.next(PLACES.len())],
            PLACES[rng.next(PLACES.len())]
        ));
        count += 1;
        let paragraphs = 4 + rng.next(8);
        for p in 0..paragraphs {
            if p > 0 {
                text.push_str(if rng.next(3) == 0 { "\r\n\r\n" } else { "\n\n" });
            }
            let sentences = 1 + rng.next(4);
            for s in 0..sentences {
                if s > 0 {
                    text.push(' ');
                }
                let t = TEMPLATES[rng.next(TEMPLATES.len())];
                let mut out = String::with_capacity(t.len() + 32);
                let mut rest = t;
                while let Some(open) = rest.find('{') {
                    out.push_str(&rest[..open]);
                    let key = &rest[open + 1..open + 2];
                    match key {
                        "P" | "Q" => out.push_str(PEOPLE[rng.next(PEOPLE.len())]),
                        "C" => out.push_str(PLACES[rng.next(PLACES.len())]),
                        "D" => out.push_str(DAYS[rng.next(DAYS.len())]),
                        "O" => out.push_str(ORGS[rng.next(ORGS.len())]),
                        _ => out.push_str(&(2 + rng.next(28)).to_string()),
                    }
                    rest = &rest[open + 3..];
                }
                out.push_str(rest);
                text.push_str(&out);
                count += 1;
            }
        }
        bytes += text.len();
        docs.push(Document::new(format!("d{}", docs.len()), text));
    }
    (docs, count)
}

fn count_sentences(docs: &[Document]) -> usize {
    docs.iter().map(|d| segment::sentences(d).len()).sum()
}

fn bench(c: &mut Criterion) {
    let (docs, expected) = corpus(10 * 1024 * 1024 + 1);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let found = count_sentences(&docs);
    assert_eq!(found, expected, "sentence count on the generated corpus");
    assert!(bytes > 10 * 1024 * 1024);

    let mut group = c.benchmark_group("segment");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("sentences_10MB", |b| {
        b.iter(|| black_box(count_sentences(black_box(&docs))))
    });
    group.bench_function("tokens_10MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += segment::tokens(&d.text, d.body()).len();
            }
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
