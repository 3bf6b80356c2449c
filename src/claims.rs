//! Sentences to claims: normalized content tokens, attribution set apart, polarity.
//!
//! A [`Claim`] is one sentence of a document. Its `tokens` are what alignment compares:
//!
//! - case and quote style are folded (`’` is `'`), possessive `'s` is dropped;
//! - numbers (digits or number words, with their magnitude words) become `<num>`,
//!   `%`/`percent`/`per cent` become `<pct>`, currency signs and words `<money>`,
//!   weekdays and relative days `<day>`, month names `<month>`: a changed figure or
//!   day still aligns, so it can be compared afterwards;
//! - the attribution ("Kovač said", "according to the ministry", `“…,” said Kovač`) is
//!   set apart: its span is kept in [`Claim::attribution`], its words are not content,
//!   so a claim credited to another speaker still aligns;
//! - negation cues set [`Polarity::Negative`] and are not content either;
//! - function words are dropped, words are folded by a light English stemmer
//!   (irregular verbs from a table, then plural/`-ed`/`-ing`/`-ise` endings), and
//!   synonyms and phrasal verbs from our own lexicon map to one canonical word.
//!
//! Each choice can be switched off in [`AlignConfig`]. There is no I/O here: the
//! lexicons are compiled in from `data/align/`.

use crate::align::{AlignConfig, AttributionMode, NumberMode, StemMode, StopWordMode, SynonymMode};
use crate::model::{Claim, ClaimId, Document, Polarity, Quote, Sentence, Span};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The inputs [`build`] takes for one document: its sentences and, when the extraction
/// stage has run, its quotations (whose speakers become the claims' speakers).
#[derive(Clone, Copy, Debug)]
pub struct DocInput<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its sentences, from [`crate::segment::sentences`] or reference boundaries.
    pub sentences: &'a [Sentence],
    /// Its quotations, if extracted (empty otherwise).
    pub quotes: &'a [Quote],
}

/// Claims of documents, segmenting each with [`crate::segment::sentences`].
///
/// ```
/// use corroborate::{claims, align::AlignConfig, Document, Polarity};
/// let doc = Document::new("a", "The ministry did not approve the plan on Monday, Kovač said.");
/// let cs = claims::from_documents(&[doc], &AlignConfig::default());
/// assert_eq!(cs[0].tokens, "ministry approv plan <day>");
/// assert_eq!(cs[0].polarity, Polarity::Negative);
/// assert_eq!(cs[0].attribution.map(|s| &cs[0].text[s.start - cs[0].span.start..s.end - cs[0].span.start]), Some("Kovač"));
/// ```
pub fn from_documents(docs: &[Document], config: &AlignConfig) -> Vec<Claim> {
    let sentences: Vec<Vec<Sentence>> = docs.iter().map(crate::segment::sentences).collect();
    let inputs: Vec<DocInput<'_>> = docs
        .iter()
        .zip(&sentences)
        .map(|(doc, s)| DocInput {
            doc,
            sentences: s,
            quotes: &[],
        })
        .collect();
    build(&inputs, config)
}

/// One claim per sentence of every document. Claim ids follow document id, then offset,
/// so they do not depend on the order of `inputs`. Sentences whose span is out of
/// bounds or not on character boundaries are skipped.
pub fn build(inputs: &[DocInput<'_>], config: &AlignConfig) -> Vec<Claim> {
    let mut order: Vec<&DocInput<'_>> = inputs.iter().collect();
    order.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .clamp(1, order.len().max(1));
    let chunk = order.len().div_ceil(threads).max(1);
    let mut parts: Vec<Vec<Claim>> = Vec::new();
    if threads == 1 {
        parts.push(build_docs(&order, config));
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = order
                .chunks(chunk)
                .map(|docs| scope.spawn(move || build_docs(docs, config)))
                .collect();
            for h in handles {
                // a worker only panics on a bug; surface it rather than lose claims
                parts.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
        });
    }
    let mut out: Vec<Claim> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        for mut c in part {
            c.id = ClaimId(out.len() as u32);
            out.push(c);
        }
    }
    out
}

fn build_docs(order: &[&DocInput<'_>], config: &AlignConfig) -> Vec<Claim> {
    let mut norm = Normalizer {
        lex: Lexicon::builtin(),
        config,
        cache: WordCache::default(),
    };
    let mut out = Vec::new();
    for input in order {
        let mut sents: Vec<&Sentence> = input.sentences.iter().collect();
        sents.sort_by_key(|s| (s.span.start, s.span.end));
        for s in sents {
            let Some(text) = input.doc.text.get(s.span.start..s.span.end) else {
                continue;
            };
            let n = norm.normalize(text);
            let shift = |r: (usize, usize)| Span::new(s.span.start + r.0, s.span.start + r.1);
            let quotes: Vec<&Quote> = input
                .quotes
                .iter()
                .filter(|q| q.doc == input.doc.id && s.span.overlaps(q.span))
                .collect();
            out.push(Claim {
                id: ClaimId(0),
                doc: input.doc.id.clone(),
                span: s.span,
                text: text.to_string(),
                sentence: s.index,
                speaker: quotes.iter().find_map(|q| q.speaker),
                quotes: quotes.iter().map(|q| q.id).collect(),
                polarity: n.polarity,
                attribution: n.speaker.map(shift),
                cue: n.cue.map(shift),
                tokens: n.tokens,
            });
        }
    }
    out
}

/// What [`normalize_sentence`] finds in one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalized {
    /// Content tokens in text order, separated by single spaces (see the module docs).
    pub tokens: String,
    /// Negative when a negation cue stands outside the attribution.
    pub polarity: Polarity,
    /// The speaker phrase of the attribution, as byte offsets into the sentence.
    pub speaker: Option<(usize, usize)>,
    /// The reporting cue ("said", "according to"), as byte offsets into the sentence.
    pub cue: Option<(usize, usize)>,
}

/// Normalizes one sentence with the built-in lexicons (see the module docs).
///
/// ```
/// use corroborate::{claims, align::AlignConfig};
/// let a = claims::normalize_sentence("“The talks will resume on Friday,” said Wang.", &AlignConfig::default());
/// let b = claims::normalize_sentence("According to Mr Wang, negotiations would restart on Thursday.", &AlignConfig::default());
/// assert_eq!(a.tokens, b.tokens);
/// ```
pub fn normalize_sentence(text: &str, config: &AlignConfig) -> Normalized {
    Normalizer {
        lex: Lexicon::builtin(),
        config,
        cache: WordCache::default(),
    }
    .normalize(text)
}

/// The passages of `text` inside double quotation marks (`“…”`, `„…“`, `«…»`, `"…"`),
/// each as its words, lower-case and verbatim (no stemming, no synonyms), function
/// words left out: the wording a quotation holds to. A quotation mark opens a passage
/// outside one and closes it inside one, so a mark typed the wrong way round does not
/// swallow the rest of the sentence; an unclosed passage runs to the end.
///
/// ```
/// use corroborate::claims;
/// let q = claims::quoted_words("Ties were raised to an “all-weather” partnership, “a historic leap,” he said.");
/// assert_eq!(q, vec![vec!["all-weather"], vec!["historic", "leap"]]);
/// ```
pub fn quoted_words(text: &str) -> Vec<Vec<String>> {
    let lex = Lexicon::builtin();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut inside = false;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Vec<String>>| {
        if !word.is_empty() {
            let w = word.trim_matches(|c| c == '-' || c == '\'');
            if !w.is_empty() && !lex.stop.contains(w) && !lex.negation.contains(w) {
                if let Some(last) = out.last_mut() {
                    last.push(w.to_string());
                }
            }
            word.clear();
        }
    };
    for c in text.chars() {
        if matches!(
            c,
            '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»'
        ) {
            flush(&mut word, &mut out);
            inside = !inside;
            if inside {
                out.push(Vec::new());
            }
        } else if !inside {
            continue;
        } else if c.is_alphanumeric() || c == '-' || is_quote_mark(c) {
            word.extend(
                c.to_lowercase()
                    .map(|c| if is_quote_mark(c) { '\'' } else { c }),
            );
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out.retain(|p| !p.is_empty());
    out
}

/// Normalizes sentences, remembering each distinct word's stem and stop-word status.
struct Normalizer<'a> {
    lex: &'static Lexicon,
    config: &'a AlignConfig,
    cache: WordCache,
}

impl Normalizer<'_> {
    fn normalize(&mut self, text: &str) -> Normalized {
        normalize(text, self.lex, self.config, &mut self.cache)
    }
}

// ---------------------------------------------------------------- lexicons

/// The compiled-in lexicons, parsed once.
struct Lexicon {
    stop: HashSet<String>,
    negation: HashSet<String>,
    irregular: HashMap<String, String>,
    /// Single stem -> canonical stem.
    synonym: HashMap<String, String>,
    /// Exact lower-case word form -> canonical stem (`=issued` entries: a form that
    /// names the group only as written, where its stem is ambiguous).
    surface: HashMap<String, String>,
    /// First stem -> (whole phrase stems, canonical), longest first.
    phrases: HashMap<String, Vec<(Vec<String>, String)>>,
    /// First lower-case word -> reporting cue phrases (lower-case words), longest first.
    reporting: HashMap<String, Vec<Vec<String>>>,
    /// [`SEPARABLE`] particles, stemmed.
    separable: Vec<String>,
}

fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

impl Lexicon {
    fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        let stop = entries(include_str!("../data/align/stopwords.txt"))
            .map(str::to_string)
            .collect();
        let negation = entries(include_str!("../data/align/negation.txt"))
            .map(str::to_string)
            .collect();
        let verbs = include_str!("../data/align/irregular_verbs.txt");
        // a base form stays itself even where it is another verb's form ("lay" is the
        // past of "lie", but "laid out" must meet "lay out")
        let bases: HashSet<&str> = entries(verbs)
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        let mut irregular = HashMap::new();
        for line in entries(verbs) {
            let mut forms = line.split_whitespace();
            let Some(base) = forms.next() else { continue };
            for f in forms.filter(|f| !bases.contains(f)) {
                irregular
                    .entry(f.to_string())
                    .or_insert_with(|| base.to_string());
            }
        }
        let mut lex = Lexicon {
            stop,
            negation,
            irregular,
            synonym: HashMap::new(),
            surface: HashMap::new(),
            phrases: HashMap::new(),
            reporting: HashMap::new(),
            separable: Vec::new(),
        };
        lex.separable = SEPARABLE.iter().map(|w| lex.stem(w)).collect();
        for line in entries(include_str!("../data/align/reporting.txt")) {
            let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
            if let Some(first) = words.first() {
                lex.reporting.entry(first.clone()).or_default().push(words);
            }
        }
        for v in lex.reporting.values_mut() {
            v.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        }
        let mut synonym = HashMap::new();
        let mut surface = HashMap::new();
        let mut phrases: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
        for line in entries(include_str!("../data/align/synonyms.txt")) {
            let (forms, words): (Vec<&str>, Vec<&str>) = line
                .split(',')
                .map(str::trim)
                .partition(|e| e.starts_with('='));
            let group: Vec<Vec<String>> = words
                .into_iter()
                .map(|e| {
                    e.split_whitespace()
                        .map(|w| lex.stem(&w.to_lowercase()))
                        .collect::<Vec<_>>()
                })
                .filter(|e| !e.is_empty())
                .collect();
            let Some(head) = group.first() else { continue };
            let canonical = head.join("_");
            for f in forms {
                surface
                    .entry(f.trim_start_matches('=').to_lowercase())
                    .or_insert_with(|| canonical.clone());
            }
            for e in &group {
                if e.len() == 1 {
                    synonym
                        .entry(e[0].clone())
                        .or_insert_with(|| canonical.clone());
                } else {
                    let list = phrases.entry(e[0].clone()).or_default();
                    if !list.iter().any(|(p, _)| p == e) {
                        list.push((e.clone(), canonical.clone()));
                    }
                }
            }
        }
        for v in phrases.values_mut() {
            v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        lex.synonym = synonym;
        lex.surface = surface;
        lex.phrases = phrases;
        lex
    }

    /// Light English stemming: irregular verb table, then suffix rules. `word` is
    /// lower-case. Deterministic and idempotent enough for matching (the same rules
    /// apply to lexicon entries and text).
    fn stem(&self, word: &str) -> String {
        let w = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix('\''))
            .unwrap_or(word);
        if let Some(base) = self.irregular.get(w) {
            return strip_e(base.to_string());
        }
        if w.chars().count() <= 3 || !w.is_ascii() {
            return w.to_string();
        }
        let mut s = w.to_string();
        // plurals and third person
        if let Some(r) = s.strip_suffix("ies") {
            if r.len() >= 2 {
                s = format!("{r}y");
            }
        } else if s.ends_with("sses") || s.ends_with("shes") || s.ends_with("ches") {
            s.truncate(s.len() - 2);
        } else if s.ends_with('s')
            && !s.ends_with("ss")
            && !s.ends_with("us")
            && !s.ends_with("is")
            && s.len() > 3
        {
            s.pop();
        }
        // past and progressive
        for suf in ["ed", "ing"] {
            if s.ends_with(suf) && !s.ends_with("eed") {
                let r = &s[..s.len() - suf.len()];
                if r.len() >= 3 && r.bytes().any(is_vowel) {
                    let mut r = r.to_string();
                    if suf == "ed" && r.ends_with('i') {
                        r.pop();
                        r.push('y');
                    }
                    let b = r.as_bytes();
                    let n = b.len();
                    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
                        r.pop();
                    }
                    s = r;
                }
                break;
            }
        }
        if let Some(r) = s.strip_suffix("iz") {
            s = format!("{r}is");
        } else if let Some(r) = s.strip_suffix("ize") {
            s = format!("{r}ise");
        }
        if s.len() >= 6 {
            if let Some(r) = s.strip_suffix("our") {
                s = format!("{r}or");
            }
        }
        // the -ation noun of a verb: "elevation" as "elevate", "escalation" as "escalate"
        if let Some(r) = s.strip_suffix("ation") {
            if r.len() >= 3 && r.bytes().any(is_vowel) {
                s = format!("{r}ate");
            }
        }
        strip_e(s)
    }
}

fn strip_e(mut s: String) -> String {
    if s.len() > 3 && s.ends_with('e') && !s.ends_with("ee") {
        s.pop();
    }
    s
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

const WEEKDAYS: [&str; 11] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
];
/// Month names; "may" and "march" count only when capitalized.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const NUMBER_WORDS: [&str; 30] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
    "dozens",
];
const MAGNITUDES: [&str; 14] = [
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "bn",
    "mn",
    "m",
    "k",
    "tn",
];
const CURRENCY_WORDS: [&str; 8] = [
    "dollar", "dollars", "euro", "euros", "usd", "eur", "yuan", "rupees",
];

// ---------------------------------------------------------------- tokens

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RawKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug)]
struct Raw {
    start: usize,
    end: usize,
    kind: RawKind,
    cap: bool,
    lower: String,
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`'
    )
}

/// Words (letters with inner apostrophes or hyphens), numbers (digits with inner `.`/`,`)
/// and single punctuation characters, with byte offsets into `text`.
fn raw_tokens(text: &str) -> Vec<Raw> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|c| c.1);
    let off = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            while let Some(d) = at(i) {
                if d.is_ascii_digit() {
                    i += 1;
                } else if (d == '.' || d == ',') && at(i + 1).is_some_and(|e| e.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = RawKind::Number;
        } else if c.is_alphanumeric() {
            i += 1;
            while let Some(d) = at(i) {
                if d.is_alphanumeric() {
                    i += 1;
                } else if (is_quote_mark(d) || d == '-' || d == '\u{2010}')
                    && at(i + 1).is_some_and(char::is_alphanumeric)
                {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = RawKind::Word;
        } else {
            i += 1;
            kind = RawKind::Punct;
        }
        let s = &text[off(start)..off(i)];
        let lower: String = s
            .chars()
            .map(|c| if is_quote_mark(c) { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        out.push(Raw {
            start: off(start),
            end: off(i),
            kind,
            cap: c.is_uppercase(),
            lower,
        });
    }
    out
}

/// Words that open an apposition or a noun phrase naming a speaker.
fn is_boundary(t: &Raw) -> bool {
    t.kind == RawKind::Punct && !matches!(t.lower.as_str(), "$" | "%" | "&" | "-")
}

/// Finds the attribution: returns (speaker token range, cue token range).
/// Token ranges `(start, end)` of an attribution: the speaker phrase, if found, and the cue.
type Found = (Option<(usize, usize)>, (usize, usize));

fn attribution(toks: &[Raw], lex: &Lexicon, is_reporting: &dyn Fn(usize) -> bool) -> Option<Found> {
    const MAX_NP: usize = 7;
    for i in 0..toks.len() {
        if !is_reporting(i) {
            continue;
        }
        let Some(cands) = lex.reporting.get(&toks[i].lower) else {
            continue;
        };
        let Some(len) = cands.iter().map(Vec::len).find(|&n| {
            i + n <= toks.len()
                && cands
                    .iter()
                    .filter(|c| c.len() == n)
                    .any(|c| c.iter().zip(&toks[i..i + n]).all(|(w, t)| *w == t.lower))
        }) else {
            continue;
        };
        let cue = (i, i + len);
        let first = toks[i].lower.as_str();
        if matches!(first, "on" | "in" | "at") {
            // a channel ("on Twitter"): set apart, look on for the verb
            continue;
        }
        if first == "according" {
            let mut j = cue.1;
            while j < toks.len() && !is_boundary(&toks[j]) && j - cue.1 < MAX_NP {
                j += 1;
            }
            let np = (j > cue.1).then_some((cue.1, j));
            return Some((np, cue));
        }
        // speaker before the cue: back to a boundary, skipping one comma
        let mut k = i;
        if k > 0 && toks[k - 1].lower == "," {
            k -= 1;
        }
        let np_end = k;
        while k > 0 && !is_boundary(&toks[k - 1]) && np_end - (k - 1) <= MAX_NP {
            k -= 1;
        }
        let np_ok = k < np_end && (k == 0 || is_boundary(&toks[k - 1]));
        if np_ok {
            let mut start = k;
            // apposition: "Anna Kovač, the spokesperson, said"
            if start >= 2 && toks[start - 1].lower == "," {
                let mut m = start - 1;
                while m > 0 && toks[m - 1].kind == RawKind::Word && toks[m - 1].cap {
                    m -= 1;
                }
                if m < start - 1 && start - 1 - m <= 4 && (m == 0 || is_boundary(&toks[m - 1])) {
                    start = m;
                }
            }
            return Some((Some((start, np_end)), cue));
        }
        // speaker after the cue: "…,” said Kovač."
        if k == np_end {
            let mut j = cue.1;
            while j < toks.len() && !is_boundary(&toks[j]) && j - cue.1 < MAX_NP {
                j += 1;
            }
            if j > cue.1 && (j == toks.len() || is_boundary(&toks[j])) {
                return Some((Some((cue.1, j)), cue));
            }
        }
        return Some((None, cue));
    }
    None
}

/// Particles that may stand after the object of a two-word phrasal verb ("set the fund
/// up", "made the plan public").
const SEPARABLE: [&str; 10] = [
    "up", "out", "off", "down", "back", "away", "forward", "over", "aside", "public",
];

/// A two-word phrase of `list` whose second word is a [`SEPARABLE`] particle standing
/// up to three words after the verb at `i`, with no punctuation or cue between ("made a
/// peace plan public"): the particle's index and the phrase's canonical word.
fn separated<'l>(
    lex: &Lexicon,
    list: &'l [(Vec<String>, String)],
    i: usize,
    items: &[Item],
    cache: &WordCache,
) -> Option<(usize, &'l str)> {
    const GAP: usize = 3;
    for k in i + 2..(i + 2 + GAP).min(items.len()) {
        if matches!(items[k - 1], Item::Break) {
            return None;
        }
        let Item::Stem { id } = items[k] else {
            continue;
        };
        let w = cache.infos[id as usize].stem.as_str();
        if let Some((_, canon)) = list
            .iter()
            .find(|(p, _)| p.len() == 2 && p[1] == w && lex.separable.iter().any(|s| s == w))
        {
            return Some((k, canon));
        }
    }
    None
}

/// The end of the source phrase after "according to" that starts at token `from`: it
/// runs to the next punctuation or the sentence end within a few words, else `None`
/// (a long run is more likely content than a source).
fn source_phrase_end(toks: &[Raw], from: usize) -> Option<usize> {
    const MAX_NP: usize = 7;
    let mut j = from;
    while j < toks.len() && !is_boundary(&toks[j]) {
        if j - from >= MAX_NP {
            return None;
        }
        j += 1;
    }
    (j > from).then_some(j)
}

/// What a lower-case word is, worked out once per distinct word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Negation,
    Day,
    /// A month name; "may" and "march" only when capitalized.
    Month {
        needs_capital: bool,
    },
    NumberWord,
    /// "hundred", "thousand", ... (a number alone, else part of the one before).
    Magnitude {
        alone: bool,
    },
    Percent,
    Per,
    Cent,
    Currency,
    Us,
    Plain,
}

/// A distinct word: its class, stem (synonym-mapped later), stop-word status, and
/// whether it can open a reporting cue or a lexicon phrase.
struct WordInfo {
    class: Class,
    stem: String,
    stop: bool,
    reporting: bool,
    phrase: bool,
}

/// The per-worker word cache: lower-case word -> index into `infos`.
#[derive(Default)]
struct WordCache {
    ids: crate::align::FastMap<String, u32>,
    infos: Vec<WordInfo>,
}

impl WordCache {
    fn id(&mut self, w: &str, lex: &Lexicon, config: &AlignConfig) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let class = if lex.negation.contains(w) {
            Class::Negation
        } else if WEEKDAYS.contains(&w) {
            Class::Day
        } else if MONTHS.contains(&w) {
            Class::Month {
                needs_capital: matches!(w, "may" | "march"),
            }
        } else if NUMBER_WORDS.contains(&w) {
            Class::NumberWord
        } else if MAGNITUDES.contains(&w) {
            Class::Magnitude {
                alone: MAGNITUDES[..9].contains(&w),
            }
        } else if w == "percent" {
            Class::Percent
        } else if w == "per" {
            Class::Per
        } else if w == "cent" {
            Class::Cent
        } else if CURRENCY_WORDS.contains(&w) {
            Class::Currency
        } else if w == "us" {
            Class::Us
        } else {
            Class::Plain
        };
        let stop = config.stop_words == StopWordMode::English && lex.stop.contains(w);
        let stem = match (config.synonyms, lex.surface.get(w)) {
            (SynonymMode::English, Some(canonical)) => canonical.clone(),
            _ => match config.stemming {
                StemMode::Light => lex.stem(w),
                StemMode::None => w.to_string(),
            },
        };
        let phrase = lex.phrases.contains_key(&stem);
        let id = self.infos.len() as u32;
        self.infos.push(WordInfo {
            class,
            stem,
            stop,
            reporting: lex.reporting.contains_key(w),
            phrase,
        });
        self.ids.insert(w.to_string(), id);
        id
    }
}

enum Item {
    Stem { id: u32 },
    Fixed(&'static str),
    Break,
}

fn normalize(text: &str, lex: &Lexicon, config: &AlignConfig, cache: &mut WordCache) -> Normalized {
    let toks = raw_tokens(text);
    let ids: Vec<u32> = toks
        .iter()
        .map(|t| {
            if t.kind == RawKind::Word {
                cache.id(&t.lower, lex, config)
            } else {
                u32::MAX
            }
        })
        .collect();
    let is_reporting = |i: usize| ids[i] != u32::MAX && cache.infos[ids[i] as usize].reporting;
    let mut skip = vec![false; toks.len()];
    let mut speaker = None;
    let mut cue = None;
    if config.attribution == AttributionMode::SetApart {
        if let Some((np, c)) = attribution(&toks, lex, &is_reporting) {
            for s in &mut skip[c.0..c.1] {
                *s = true;
            }
            cue = Some((toks[c.0].start, toks[c.1 - 1].end));
            if let Some((a, b)) = np {
                for s in &mut skip[a..b] {
                    *s = true;
                }
                speaker = Some((toks[a].start, toks[b - 1].end));
            }
        }
        // channels anywhere ("told reporters", "on Twitter") are attribution too, and so
        // is a second source ("…, according to statements distributed by his advisers")
        for i in 0..toks.len() {
            if !is_reporting(i) {
                continue;
            }
            if let Some(cands) = lex.reporting.get(&toks[i].lower) {
                for c in cands.iter().filter(|c| c.len() > 1) {
                    if i + c.len() <= toks.len()
                        && c.iter().zip(&toks[i..]).all(|(w, t)| *w == t.lower)
                    {
                        let mut end = i + c.len();
                        if toks[i].lower == "according" {
                            if let Some(np_end) = source_phrase_end(&toks, end) {
                                end = np_end;
                            }
                        }
                        for s in &mut skip[i..end] {
                            *s = true;
                        }
                    }
                }
            }
        }
    }
    let mut polarity = Polarity::Positive;
    let mut items: Vec<Item> = Vec::with_capacity(toks.len());
    let typed = config.numbers == NumberMode::Placeholders;
    for (i, t) in toks.iter().enumerate() {
        if skip[i] {
            items.push(Item::Break);
            continue;
        }
        let prev_num = matches!(items.last(), Some(Item::Fixed("<num>")));
        match t.kind {
            RawKind::Punct => items.push(match t.lower.as_str() {
                "%" if typed => Item::Fixed("<pct>"),
                "$" | "€" | "£" | "¥" if typed => Item::Fixed("<money>"),
                _ => Item::Break,
            }),
            RawKind::Number => items.push(if typed {
                Item::Fixed("<num>")
            } else {
                Item::Stem {
                    id: cache.id(&t.lower, lex, config),
                }
            }),
            RawKind::Word => {
                let id = ids[i];
                let class = cache.infos[id as usize].class;
                if class == Class::Negation {
                    polarity = Polarity::Negative;
                    items.push(Item::Break);
                    continue;
                }
                if typed {
                    let next_is = |s: &str| toks.get(i + 1).is_some_and(|n| n.lower == s);
                    let fixed = match class {
                        Class::Day => Some("<day>"),
                        Class::Month { needs_capital } if t.cap || !needs_capital => {
                            Some("<month>")
                        }
                        Class::NumberWord => Some("<num>"),
                        Class::Magnitude { .. } if prev_num => {
                            items.push(Item::Break);
                            continue;
                        }
                        Class::Magnitude { alone: true } => Some("<num>"),
                        Class::Percent => Some("<pct>"),
                        Class::Per if next_is("cent") => Some("<pct>"),
                        Class::Cent if matches!(items.last(), Some(Item::Fixed("<pct>"))) => {
                            continue;
                        }
                        Class::Currency => Some("<money>"),
                        Class::Us if next_is("$") => continue,
                        _ => None,
                    };
                    if let Some(f) = fixed {
                        if !(f == "<num>" && prev_num) {
                            items.push(Item::Fixed(f));
                        }
                        continue;
                    }
                }
                items.push(Item::Stem { id });
            }
        }
    }
    let mut tokens = String::with_capacity(text.len());
    let mut push = |t: &str| {
        if !tokens.is_empty() {
            tokens.push(' ');
        }
        tokens.push_str(t);
    };
    let stem_at = |k: usize| match items.get(k) {
        Some(Item::Stem { id }) => Some(cache.infos[*id as usize].stem.as_str()),
        _ => None,
    };
    // particles of separated phrasal verbs ("made the plan public", "called the strike off")
    let mut taken: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if taken.contains(&i) {
            i += 1;
            continue;
        }
        match &items[i] {
            Item::Break => {}
            Item::Fixed(f) => push(f),
            Item::Stem { id } => {
                let info = &cache.infos[*id as usize];
                if config.synonyms == SynonymMode::English && info.phrase {
                    if let Some(list) = lex.phrases.get(&info.stem) {
                        let hit = list.iter().find(|(p, _)| {
                            p.iter()
                                .enumerate()
                                .all(|(k, w)| stem_at(i + k) == Some(w.as_str()))
                        });
                        if let Some((p, canon)) = hit {
                            push(canon);
                            i += p.len();
                            continue;
                        }
                        if let Some((at, canon)) = separated(lex, list, i, &items, cache) {
                            push(canon);
                            taken.push(at);
                            i += 1;
                            continue;
                        }
                    }
                }
                if !info.stop {
                    let canon = match config.synonyms {
                        SynonymMode::English => lex.synonym.get(&info.stem).unwrap_or(&info.stem),
                        SynonymMode::None => &info.stem,
                    };
                    push(canon);
                }
            }
        }
        i += 1;
    }
    Normalized {
        tokens,
        polarity,
        speaker,
        cue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> String {
        normalize_sentence(s, &AlignConfig::default()).tokens
    }

    #[test]
    fn stems_fold_inflections() {
        let lex = Lexicon::builtin();
        for (a, b) in [
            ("approved", "approve"),
            ("stopped", "stop"),
            ("parties", "party"),
            ("criticised", "criticize"),
            ("honour", "honor"),
            ("began", "begin"),
            ("begun", "begins"),
            ("elevation", "elevated"),
            ("escalation", "escalate"),
        ] {
            assert_eq!(lex.stem(a), lex.stem(b), "{a} vs {b}");
        }
    }

    #[test]
    fn numbers_and_days_are_typed() {
        assert_eq!(
            toks("At least 1,500 homes were hit on Monday."),
            toks("More than twelve houses were struck on Friday.")
        );
        assert_eq!(toks("Prices rose 40 per cent."), toks("Costs rose 40%."));
        assert_eq!(toks("It gave US$3.5bn."), toks("It gave $3,500 million."));
    }

    #[test]
    fn quoted_words_are_verbatim_passages() {
        assert_eq!(
            quoted_words("He called it “all-weather” and \"a historic leap\", adding: “We agree"),
            vec![vec!["all-weather"], vec!["historic", "leap"], vec!["agree"]]
        );
        assert!(quoted_words("No quotation here.").is_empty());
    }

    #[test]
    fn a_base_form_is_not_another_verbs_past() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.stem("laid"), lex.stem("lay"));
        assert_ne!(lex.stem("lay"), lex.stem("lie"));
    }

    #[test]
    fn attribution_is_set_apart() {
        let n = normalize_sentence(
            "Anna Kovač, the spokesperson, said the talks would resume.",
            &AlignConfig::default(),
        );
        let text = "Anna Kovač, the spokesperson, said the talks would resume.";
        let (a, b) = n.speaker.unwrap();
        assert_eq!(&text[a..b], "Anna Kovač, the spokesperson");
        assert_eq!(n.tokens, "talk resum");
    }
}
