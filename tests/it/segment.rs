//! Sentence segmentation and tokens: data-driven rule cases, the seeds, and properties.

use corroborate::{segment, Document, Sentence, Span, TokenKind};
use proptest::prelude::*;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Case {
    rule: String,
    text: String,
    sentences: Vec<String>,
}

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/segment"))
}

fn split(text: &str) -> Vec<&str> {
    segment::sentence_spans(text, Span::new(0, text.len()))
        .iter()
        .map(|s| s.span.slice(text))
        .collect()
}

/// Every case in `tests/data/segment/cases.json` must come out exactly as written.
#[test]
fn rule_cases() {
    let raw = std::fs::read_to_string(data_dir().join("cases.json")).expect("cases.json");
    let cases: Vec<Case> = serde_json::from_str(&raw).expect("cases.json is valid");
    assert!(
        cases.len() >= 60,
        "at least 60 cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let got = split(&case.text);
        if got != case.sentences {
            failures.push(format!(
                "rule: {}\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                case.rule, case.text, case.sentences, got
            ));
        }
    }
    let passed = cases.len() - failures.len();
    println!("segment rule cases: {passed}/{} passed", cases.len());
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[derive(Deserialize)]
struct TokenCase {
    text: String,
    /// Each token as `text:kind`, kind `w` (word), `n` (number) or `p` (punctuation).
    tokens: Vec<String>,
}

/// Every case in `tests/data/segment/tokens.json` must tokenize exactly as written.
#[test]
fn token_cases() {
    let raw = std::fs::read_to_string(data_dir().join("tokens.json")).expect("tokens.json");
    let cases: Vec<TokenCase> = serde_json::from_str(&raw).expect("tokens.json is valid");
    let mut wrong = Vec::new();
    for case in &cases {
        let text = &case.text;
        let got: Vec<String> = segment::tokens(text, Span::new(0, text.len()))
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    TokenKind::Word => "w",
                    TokenKind::Number => "n",
                    TokenKind::Punct => "p",
                    other => panic!("no case name for {other:?}"),
                };
                format!("{}:{kind}", t.span.slice(text))
            })
            .collect();
        if got != case.tokens {
            wrong.push(format!(
                "tokens of {text:?}\n  got:  {got:?}\n  want: {:?}",
                case.tokens
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Checks the invariants of a segmentation of `doc`; returns the sentences.
fn check_sentences(doc: &Document) -> Vec<Sentence> {
    let text = &doc.text;
    let body = doc.body();
    let sentences = segment::sentences(doc);
    let mut covered = body.start;
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(s.span.start >= covered, "ordered, non-overlapping: {s:?}");
        assert!(
            s.span.start < s.span.end && s.span.end <= text.len(),
            "{s:?}"
        );
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        let slice = s.span.slice(text);
        assert_eq!(slice.trim(), slice, "no surrounding whitespace");
        assert!(
            text[covered..s.span.start].chars().all(char::is_whitespace),
            "gap before {s:?} holds only whitespace"
        );
        if i > 0 {
            assert!(s.paragraph >= sentences[i - 1].paragraph);
        }
        covered = s.span.end;
        check_tokens(text, s.span);
    }
    assert!(
        text[covered..].chars().all(char::is_whitespace),
        "tail is whitespace"
    );
    sentences
}

fn check_tokens(text: &str, span: Span) {
    let mut covered = span.start;
    for t in segment::tokens(text, span) {
        assert!(
            t.span.start >= covered && t.span.start < t.span.end,
            "{t:?}"
        );
        assert!(span.contains(t.span), "{t:?} inside {span:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        let s = t.span.slice(text);
        assert!(
            !s.chars().any(char::is_whitespace),
            "token {s:?} has no whitespace"
        );
        assert!(text[covered..t.span.start].chars().all(char::is_whitespace));
        if t.kind == TokenKind::Punct {
            assert_eq!(s.chars().count(), 1, "{s:?}");
        }
        covered = t.span.end;
    }
    assert!(text[covered..span.end].chars().all(char::is_whitespace));
}

fn seed(name_prefix: &str) -> Document {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    let path = entries
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(name_prefix))
        })
        .expect("seed file");
    let bytes = std::fs::read(&path).expect("seed bytes");
    corroborate::ingest::parse_text(&path.to_string_lossy(), &bytes).expect("seed parses")
}

fn seed_sentences(prefix: &str) -> (Document, Vec<String>) {
    let doc = seed(prefix);
    let s = check_sentences(&doc)
        .iter()
        .map(|s| s.span.slice(&doc.text).to_string())
        .collect();
    (doc, s)
}

#[test]
fn seed_000_unclosed_quote_does_not_swallow_the_rest() {
    let (_, s) = seed_sentences("000");
    let i = s
        .iter()
        .position(|x| x.starts_with("He said Xi, in his peace plan"))
        .expect("sentence with the unclosed quote");
    assert!(
        s[i].ends_with("to the international community."),
        "{}",
        s[i]
    );
    assert!(s[i + 1].starts_with("China has long had a close relationship"));
    assert_eq!(s.len(), 12);
    assert!(s.iter().all(|x| !x.contains('\n')));
}

#[test]
fn seed_001_dateline_is_skipped_and_quote_edges_hold() {
    let (doc, s) = seed_sentences("001");
    assert!(
        s[0].starts_with("A peaceful conclusion in Ukraine"),
        "{}",
        s[0]
    );
    assert!(segment::sentences(&doc)[0].span.start >= doc.head.end);
    assert!(s.iter().any(
        |x| x.starts_with("Mr Lukashenko said he \u{201c}completely supports")
            && x.ends_with("distributed by his advisers.")
    ));
    assert!(s
        .iter()
        .any(|x| x.starts_with("All of Central Asia") && x.ends_with("\u{201c}said he.")));
    assert!(s
        .iter()
        .any(|x| x.starts_with("\u{201c}After all,") && x.ends_with("sovereign state?")));
}

#[test]
fn seed_002_headline_is_its_own_sentence() {
    let (doc, s) = seed_sentences("002");
    assert_eq!(
        s[0],
        "China, Belarus Issue Vague Call for Bringing Peace to Ukraine"
    );
    let sentences = segment::sentences(&doc);
    assert_eq!(sentences[0].paragraph, 0);
    assert_eq!(sentences[1].paragraph, 1);
    assert!(s.iter().any(|x| x == "\u{a9}2023 Bloomberg L.P."));
    assert!(s.iter().any(|x| x.ends_with("as a \u{201c}war.\u{201d}")));
}

#[test]
fn seed_004_one_line_article_is_split() {
    let (_, s) = seed_sentences("004");
    assert!(s.len() >= 20, "{} sentences", s.len());
    assert!(s.iter().all(|x| x.len() < 600));
}

#[test]
fn all_seeds_hold_the_invariants() {
    for p in ["000", "001", "002", "003", "004"] {
        let (_, s) = seed_sentences(p);
        assert!(!s.is_empty());
    }
}

/// Pieces that exercise the segmenter's rules, for generated texts.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr.",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "U.S.",
        "The",
        "he",
        "said",
        ".",
        "?",
        "!",
        "...",
        ". . .",
        " . ",
        "\u{2026}",
        "\u{201c}",
        "\u{201d}",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "1.",
        "2)",
        "a.",
        "b.",
        "\u{2022}",
        "\u{2043}",
        "3.5",
        "$1,200",
        "p.m.",
        "I.",
        "J.",
        "e.g.",
        "x@y.com",
        "https://a.b/c.",
        "\u{a0}",
        "\u{3002}",
        "\u{2029}",
        "é",
        "\u{301}",
        "\u{feff}",
        "-",
        ",",
        "\t",
        "Inc.",
        "No.",
        "10",
        "\u{ff1f}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Cases per property: 2000, or `PROPTEST_CASES` for a long run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// Longer texts of news-like words with multi-byte letters and quotes, so that
/// look-ahead windows end inside multi-byte characters.
fn long_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\u{201c}Why?\u{201d} ",
        "Ärztin ",
        "Zelenskyy\u{2019}s ",
        "Mr. ",
        "said. ",
        "Über ",
        "\u{201c}",
        "\u{201d} ",
        "\u{2014} ",
        "\u{4e2d}\u{56fd}",
        "\u{3002}",
        "Inc. ",
        "U.S. ",
        "(",
        ")",
        "1. ",
        "2) ",
        "\n",
        "\n\n",
        "\u{2026} ",
        "\u{1f600}",
        "S\u{e3}o ",
        "Paulo. ",
        "asked ",
        "the ",
        "said ",
        "No. ",
        "\u{20ac}12.2 ",
        "3.5% ",
        "e.g. ",
        "St. ",
    ]);
    prop::collection::vec(pieces, 0..300).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_text_segments_validly(text in any::<String>(), head in 0usize..8) {
        let mut doc = Document::new("p", text);
        let mut h = head.min(doc.text.len());
        while !doc.text.is_char_boundary(h) { h += 1; }
        doc.head = Span::new(0, h);
        check_sentences(&doc);
    }

    #[test]
    fn tricky_text_segments_validly(text in tricky_text(), head in 0usize..8) {
        let mut doc = Document::new("p", text);
        let mut h = head.min(doc.text.len());
        while !doc.text.is_char_boundary(h) { h += 1; }
        doc.head = Span::new(0, h);
        check_sentences(&doc);
    }

    #[test]
    fn long_text_segments_validly(text in long_text(), head in 0usize..8) {
        let mut doc = Document::new("p", text);
        let mut h = head.min(doc.text.len());
        while !doc.text.is_char_boundary(h) { h += 1; }
        doc.head = Span::new(0, h);
        check_sentences(&doc);
    }

    #[test]
    fn tokens_of_any_span_are_valid(text in tricky_text(), a in 0usize..200, b in 0usize..200) {
        let (a, b) = (a.min(b), a.max(b));
        let mut a = a.min(text.len());
        while !text.is_char_boundary(a) { a += 1; }
        let mut b = b.clamp(a, text.len());
        while !text.is_char_boundary(b) { b += 1; }
        check_tokens(&text, Span::new(a, b));
    }
}

/// Exact sentence spans against the reference boundaries of a corpus made by the
/// repository's generator (`corroborate-corpus`), whose `documents.jsonl` and
/// `sentences.tsv` are in `$SEGMENT_EVAL_DIR`. Ignored by default (the corpus is not in
/// the repository):
///
/// ```text
/// cargo run -p corroborate-corpus --release -- --events 125 --seed 1 --out /tmp/gc10k
/// SEGMENT_EVAL_DIR=/tmp/gc10k cargo test --release --test it generated_corpus -- --ignored --nocapture
/// ```
#[test]
#[ignore = "needs a generated corpus in $SEGMENT_EVAL_DIR"]
fn generated_corpus_boundaries() {
    use std::collections::{BTreeMap, BTreeSet};
    let dir = std::env::var("SEGMENT_EVAL_DIR").expect("SEGMENT_EVAL_DIR");
    let dir = Path::new(&dir);
    let tsv = std::fs::read_to_string(dir.join("sentences.tsv")).expect("sentences.tsv");
    let mut gold: BTreeMap<String, BTreeSet<(usize, usize)>> = BTreeMap::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (start, end) = (f[2].parse().expect("start"), f[3].parse().expect("end"));
        gold.entry(f[1].to_string())
            .or_default()
            .insert((start, end));
    }
    let jsonl = std::fs::read(dir.join("documents.jsonl")).expect("documents.jsonl");
    let docs = corroborate::ingest::parse_jsonl("documents.jsonl", &jsonl).expect("corpus parses");
    let (mut found, mut right, mut expected) = (0, 0, 0);
    for doc in &docs {
        let got: BTreeSet<(usize, usize)> = segment::sentences(doc)
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        let want = gold.get(doc.id.as_str()).cloned().unwrap_or_default();
        found += got.len();
        expected += want.len();
        right += got.intersection(&want).count();
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    println!("exact sentence spans: {right} right of {found} found, {expected} expected; precision {precision:.4}, recall {recall:.4}");
    assert!(precision >= 0.999 && recall >= 0.999);
}
