//! Sentences to claims: normalized content tokens, attribution set apart, polarity.
//!
//! A [`Claim`] is one sentence of a document, or one clause of a sentence that carries
//! two statements and finds no group whole ([`build_aligned`], [`clause_spans`]). Its
//! `tokens` are what alignment compares:
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
use crate::model::{ActorId, Claim, ClaimId, Document, Group, Polarity, Quote, Sentence, Span};
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
    with_segmented(docs, |inputs| build(inputs, config))
}

/// One claim per sentence of every document. Claim ids follow document id, then offset,
/// so they do not depend on the order of `inputs`. Sentences whose span is out of
/// bounds or not on character boundaries are skipped. [`build_aligned`] splits the
/// sentences that carry several statements and find no group whole.
pub fn build(inputs: &[DocInput<'_>], config: &AlignConfig) -> Vec<Claim> {
    build_all(inputs, config).0
}

/// Claims and their groups ([`crate::align::groups`]), a sentence split into clauses
/// where it carries several statements (see [`clause_spans`]) and finds no group whole.
///
/// Outlets package statements differently: one writes "China made a peace plan public
/// last week, urging adherence to national sovereignty", another "China last week laid
/// out a 12-point peace initiative". The sentence is the unit while some other outlet
/// carries it whole (splitting it then only loses the group, or lets a bare participial
/// clause match loosely); only a sentence that finds no group as a whole is replaced by
/// its clauses, and the claims are aligned again. That second alignment runs only when
/// some ungrouped sentence has clauses. Claim ids follow document id, then offset.
///
/// ```
/// use corroborate::{claims::{self, DocInput}, align::AlignConfig, Document};
/// let docs = [
///     Document::new("a", "The ministry raised the steel tariff on Monday, citing weak demand."),
///     Document::new("b", "On Monday the ministry raised its tariff on steel by a fifth."),
/// ];
/// let sentences: Vec<_> = docs.iter().map(corroborate::segment::sentences).collect();
/// let inputs: Vec<DocInput> = docs.iter().zip(&sentences)
///     .map(|(doc, s)| DocInput { doc, sentences: s, quotes: &[] })
///     .collect();
/// let (cs, groups) = claims::build_aligned(&inputs, &AlignConfig::default());
/// assert_eq!(groups.len(), 1);
/// let texts: Vec<&str> = groups[0].claims.iter().map(|id| cs[id.0 as usize].text.as_str()).collect();
/// assert!(texts.contains(&"The ministry raised the steel tariff on Monday, citing weak demand."));
/// ```
pub fn build_aligned(inputs: &[DocInput<'_>], config: &AlignConfig) -> (Vec<Claim>, Vec<Group>) {
    let (whole, clauses) = build_all(inputs, config);
    let groups = crate::align::groups(&whole, config);
    let mut grouped = vec![false; whole.len()];
    for g in &groups {
        for id in &g.claims {
            if let Some(x) = grouped.get_mut(id.0 as usize) {
                *x = true;
            }
        }
    }
    if !clauses
        .iter()
        .zip(&grouped)
        .any(|(c, &g)| !g && !c.is_empty())
    {
        return (whole, groups);
    }
    let mut out: Vec<Claim> = Vec::with_capacity(whole.len());
    for ((c, parts), grouped) in whole.into_iter().zip(clauses).zip(grouped) {
        if grouped || parts.is_empty() {
            out.push(c);
        } else {
            out.extend(parts);
        }
    }
    for (i, c) in out.iter_mut().enumerate() {
        c.id = ClaimId(i as u32);
    }
    let groups = crate::align::groups(&out, config);
    (out, groups)
}

/// [`build_aligned`] for documents segmented with [`crate::segment::sentences`], without
/// quotations: claims, a sentence split into clauses where it finds no group whole, and
/// their groups.
pub fn from_documents_aligned(docs: &[Document], config: &AlignConfig) -> (Vec<Claim>, Vec<Group>) {
    with_segmented(docs, |inputs| build_aligned(inputs, config))
}

/// Runs `f` on the documents segmented with [`crate::segment::sentences`], without
/// quotations.
fn with_segmented<R>(docs: &[Document], f: impl FnOnce(&[DocInput<'_>]) -> R) -> R {
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
    f(&inputs)
}

/// Every sentence's claim (ids in document-id then offset order) and, beside each, the
/// claims of its clauses (empty when it carries one statement).
fn build_all(inputs: &[DocInput<'_>], config: &AlignConfig) -> (Vec<Claim>, Vec<Vec<Claim>>) {
    let mut order: Vec<&DocInput<'_>> = inputs.iter().collect();
    order.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));
    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .clamp(1, order.len().max(1));
    let chunk = order.len().div_ceil(threads).max(1);
    let mut parts: Vec<Vec<Built>> = Vec::new();
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
    let mut whole: Vec<Claim> = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    let mut clauses: Vec<Vec<Claim>> = Vec::with_capacity(whole.capacity());
    for part in parts {
        for b in part {
            let mut c = b.whole;
            c.id = ClaimId(whole.len() as u32);
            whole.push(c);
            clauses.push(b.clauses);
        }
    }
    (whole, clauses)
}

/// One sentence's claim, and its clauses' claims when it carries several statements.
struct Built {
    whole: Claim,
    clauses: Vec<Claim>,
}

fn build_docs(order: &[&DocInput<'_>], config: &AlignConfig) -> Vec<Built> {
    let mut norm = Normalizer {
        lex: Lexicon::builtin(),
        config,
        cache: WordCache::default(),
    };
    let mut out: Vec<Built> = Vec::new();
    // Sentences that are one clause, normalized once per text: wire copies and
    // syndicated articles repeat sentences verbatim, and normalizing depends only on
    // the text (offsets are relative to the sentence).
    // (Each text points at its first claim in `out`, whose fields are reused.)
    let mut seen: crate::extract::actors::lexicon::Map<&str, usize> = Default::default();
    for input in order {
        let mut sents: Vec<&Sentence> = input.sentences.iter().collect();
        sents.sort_by_key(|s| (s.span.start, s.span.end));
        for s in sents {
            let Some(text) = input.doc.text.get(s.span.start..s.span.end) else {
                continue;
            };
            let make = |start: usize, end: usize, n: Normalized| {
                let shift = |r: (usize, usize)| Span::new(s.span.start + r.0, s.span.start + r.1);
                let span = Span::new(s.span.start + start, s.span.start + end);
                let quotes: Vec<&Quote> = input
                    .quotes
                    .iter()
                    .filter(|q| q.doc == input.doc.id && span.overlaps(q.span))
                    .collect();
                Claim {
                    id: ClaimId(0),
                    doc: input.doc.id.clone(),
                    span,
                    text: text[start..end].to_string(),
                    sentence: s.index,
                    speaker: quotes.iter().find_map(|q| q.speaker),
                    quotes: quotes.iter().map(|q| q.id).collect(),
                    times: Vec::new(),
                    quantities: Vec::new(),
                    polarity: n.polarity,
                    attribution: n.speaker.map(shift),
                    cue: n.cue.map(shift),
                    tokens: n.tokens,
                }
            };
            if let Some(&first) = seen.get(text) {
                let c: &Claim = &out[first].whole;
                let back = |x: Span| (x.start - c.span.start, x.end - c.span.start);
                let n = Normalized {
                    tokens: c.tokens.clone(),
                    polarity: c.polarity,
                    speaker: c.attribution.map(back),
                    cue: c.cue.map(back),
                };
                out.push(Built {
                    whole: make(0, text.len(), n),
                    clauses: Vec::new(),
                });
                continue;
            }
            let toks = raw_tokens(text);
            let n = norm.normalize_tokens(&toks, text.len());
            let parts = clauses(&toks, norm.lex);
            if parts.len() <= 1 {
                seen.insert(text, out.len());
            }
            let whole = make(0, text.len(), n);
            let mut split: Vec<Claim> = Vec::new();
            if parts.len() > 1 {
                let mut main: Option<Option<ActorId>> = None;
                for (k, part) in parts.iter().enumerate() {
                    let (a, b) = part.toks;
                    let start = if k == 0 { 0 } else { toks[a].start };
                    let end = if k + 1 == parts.len() {
                        text.len()
                    } else {
                        part.end
                    };
                    if text.get(start..end).is_none() {
                        split.clear();
                        break;
                    }
                    let mut n = norm.normalize_tokens(&toks[a..b], end - start);
                    if part.join == Join::Participle {
                        // its subject is the main clause's: the one who does what it says
                        // ("…, urging X"), so those words are its content too; after a
                        // reporting participle ("…, adding that X") the subject is the
                        // speaker, set apart like any attribution
                        if let Some((p, q)) = part.subject {
                            let reporting = norm
                                .lex
                                .reporting
                                .get(&toks[a].lower)
                                .is_some_and(|cues| cues.iter().any(|c| c.len() == 1));
                            if !reporting {
                                let subj = norm.normalize_tokens(&toks[p..q], 0).tokens;
                                if !subj.is_empty() {
                                    n.tokens =
                                        format!("{subj} {}", n.tokens).trim_end().to_string();
                                }
                            }
                        }
                    }
                    let mut c = make(start, end, n);
                    if part.join == Join::Participle && c.quotes.is_empty() {
                        // …and what it says is said by whoever says the main clause
                        c.speaker = main.flatten();
                    }
                    if part.join != Join::Participle {
                        main = Some(c.speaker);
                    }
                    split.push(c);
                }
            }
            out.push(Built {
                whole,
                clauses: split,
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

    fn normalize_tokens(&mut self, toks: &[Raw], len: usize) -> Normalized {
        normalize_tokens(toks, len, self.lex, self.config, &mut self.cache)
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
    /// The clause lexicon (`data/align/clauses.txt`).
    clause: ClauseLex,
}

/// The words [`clause_spans`] decides with, by kind (`data/align/clauses.txt`).
#[derive(Default)]
struct ClauseLex {
    prep: HashSet<String>,
    aux: HashSet<String>,
    pronoun: HashSet<String>,
    det: HashSet<String>,
    conj: HashSet<String>,
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
            clause: ClauseLex::default(),
        };
        for line in entries(include_str!("../data/align/clauses.txt")) {
            let mut parts = line.split_whitespace();
            let (Some(kind), Some(word)) = (parts.next(), parts.next()) else {
                continue;
            };
            let set = match kind {
                "prep" => &mut lex.clause.prep,
                "aux" => &mut lex.clause.aux,
                "pronoun" => &mut lex.clause.pronoun,
                "det" => &mut lex.clause.det,
                "conj" => &mut lex.clause.conj,
                _ => continue,
            };
            set.insert(word.to_lowercase());
        }
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

// ---------------------------------------------------------------- clauses

/// How a clause joins the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// The first clause of its sentence.
    First,
    /// A participial clause after a comma ("…, urging adherence to sovereignty"): its
    /// subject is the main clause's.
    Participle,
    /// A main clause after a semicolon.
    Semicolon,
    /// A main clause with its own subject after ", and" / ", but".
    Conjunction,
}

/// One clause of a sentence: its token range (the conjunction before it left out),
/// where its text ends when another clause follows (byte offset into the sentence,
/// the separating comma left out), and how it joins the clause before.
#[derive(Clone, Copy, Debug)]
struct Clause {
    toks: (usize, usize),
    end: usize,
    join: Join,
    /// For a participial clause, the token range of the subject it shares with the
    /// clause before: the words before that clause's first finite verb outside a
    /// quotation, back to the nearest punctuation.
    subject: Option<(usize, usize)>,
}

/// A place where a clause may start: the token it starts at, the token range and
/// byte end of what comes before it, and the kind of join.
#[derive(Clone, Copy, Debug)]
struct Cut {
    start: usize,
    left_end_tok: usize,
    left_end: usize,
    join: Join,
}

/// The byte ranges of the clauses of one sentence, each a statement of its own (see
/// [`Claim`]): a main clause and a participial clause after a comma ("…, urging …",
/// "…, calling for …"), two main clauses joined by a semicolon, or by ", and" / ", but"
/// when the second has its own subject and finite verb. Nothing is split inside a
/// quotation, parentheses or a dash-bounded aside; every clause has at least three
/// words and the one before a cut a finite verb. A sentence that carries one
/// statement is one range. Ranges are trimmed: separators and the conjunction belong to
/// no clause, the last clause keeps the final punctuation.
///
/// ```
/// use corroborate::claims;
/// let s = "China made a peace plan public last week, urging adherence to national sovereignty.";
/// let parts: Vec<&str> = claims::clause_spans(s).into_iter().map(|r| &s[r]).collect();
/// assert_eq!(parts, ["China made a peace plan public last week", "urging adherence to national sovereignty."]);
/// let q = "“We stay, and we fight,” he said, and he left the hall.";
/// let parts: Vec<&str> = claims::clause_spans(q).into_iter().map(|r| &q[r]).collect();
/// assert_eq!(parts, ["“We stay, and we fight,” he said", "he left the hall."]);
/// // a list after "including" and a verb phrase sharing the subject stay whole
/// let l = "He called for closer ties, including on trade, and praised the plan.";
/// assert_eq!(claims::clause_spans(l).len(), 1);
/// ```
pub fn clause_spans(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let text = sentence.trim_end();
    let toks = raw_tokens(text);
    let parts = clauses(&toks, Lexicon::builtin());
    if parts.is_empty() {
        return std::iter::once(0..text.len()).collect();
    }
    let n = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let start = if k == 0 { 0 } else { toks[c.toks.0].start };
            let end = if k + 1 == n { text.len() } else { c.end };
            start..end
        })
        .collect()
}

fn is_word(t: &Raw) -> bool {
    matches!(t.kind, RawKind::Word | RawKind::Number)
}

/// Whether a token reads as a finite verb: an auxiliary or modal, a past form from the
/// irregular-verb table, or a lower-case `-ed` word.
fn finite(t: &Raw, lex: &Lexicon) -> bool {
    t.kind == RawKind::Word
        && !t.cap
        && (lex.clause.aux.contains(&t.lower)
            || lex.irregular.contains_key(&t.lower)
            || (t.lower.len() >= 5 && t.lower.ends_with("ed")))
}

/// The clauses of a sentence's tokens (see [`clause_spans`]); empty when the sentence
/// is one clause, else at least two.
fn clauses(toks: &[Raw], lex: &Lexicon) -> Vec<Clause> {
    // one clause: no allocation for the common case
    let whole = |_: usize| Vec::<Clause>::new();
    let n = toks.len();
    // a cut needs a separator before a word that can open a clause; most sentences
    // have none, and are settled by this one look at each separator
    let opener = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == RawKind::Word
                && !t.cap
                && ((t.lower.ends_with("ing") && !lex.clause.prep.contains(&t.lower))
                    || lex.clause.conj.contains(&t.lower))
        })
    };
    let worth = n >= 7
        && toks
            .iter()
            .enumerate()
            .any(|(i, t)| match t.lower.as_str() {
                ";" => true,
                "," => {
                    opener(i + 1)
                        || (i + 2 < n && toks[i + 1].kind == RawKind::Punct && opener(i + 2))
                }
                _ => false,
            });
    if !worth {
        return whole(n);
    }
    // whether the text after each token stands outside quotations, brackets and asides
    let mut outside = Vec::with_capacity(n);
    let (mut quote, mut depth, mut dash) = (false, 0u32, false);
    for t in toks {
        if t.kind == RawKind::Punct {
            match t.lower.as_str() {
                "\"" => quote = !quote,
                "\u{201C}" | "\u{00AB}" | "\u{201E}" => quote = true,
                "\u{201D}" | "\u{00BB}" => quote = false,
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                "\u{2014}" | "\u{2013}" if !quote && depth == 0 => dash = !dash,
                _ => {}
            }
        }
        outside.push(!quote && depth == 0 && !dash);
    }
    let is_close = |i: usize| {
        toks[i].kind == RawKind::Punct
            && matches!(toks[i].lower.as_str(), "\"" | "\u{201D}" | "\u{00BB}")
    };
    // the separator ending just before token `j`: (its char, the token range end and byte
    // end of what precedes it); a comma inside a quotation that closes right there counts
    let sep_before = |j: usize| -> Option<(&str, usize, usize)> {
        if j >= 2 && outside[j - 1] && matches!(toks[j - 1].lower.as_str(), "," | ";") {
            return Some((toks[j - 1].lower.as_str(), j - 1, toks[j - 2].end));
        }
        if j >= 3
            && is_close(j - 1)
            && outside[j - 1]
            && !outside[j - 2]
            && matches!(toks[j - 2].lower.as_str(), "," | ";")
        {
            return Some((toks[j - 2].lower.as_str(), j, toks[j - 1].end));
        }
        None
    };
    let word_at = |i: usize| toks.get(i).filter(|t| t.kind == RawKind::Word);
    let mut cuts: Vec<Cut> = Vec::new();
    for j in 2..n {
        let Some(t) = word_at(j) else { continue };
        let Some((sep, left_end_tok, left_end)) = sep_before(j) else {
            continue;
        };
        let cut = |start, join| Cut {
            start,
            left_end_tok,
            left_end,
            join,
        };
        if sep == ";" {
            cuts.push(cut(j, Join::Semicolon));
            continue;
        }
        // ", urging …": a lower-case -ing word that is no preposition, followed by a word
        // that does not continue a list ("…, shelling and looting")
        if !t.cap
            && t.lower.ends_with("ing")
            && t.lower.chars().count() >= 6
            && !lex.clause.prep.contains(&t.lower)
            && word_at(j + 1).is_some_and(|u| !matches!(u.lower.as_str(), "and" | "or"))
        {
            cuts.push(cut(j, Join::Participle));
            continue;
        }
        // ", and the two leaders signed …": a subject of its own, then a finite verb
        if !t.cap && lex.clause.conj.contains(&t.lower) && own_subject(toks, j + 1, lex) {
            cuts.push(cut(j + 1, Join::Conjunction));
        }
    }
    if cuts.is_empty() {
        return whole(n);
    }
    let words = |a: usize, b: usize| toks[a..b].iter().filter(|t| is_word(t)).count();
    let has_finite = |a: usize, b: usize| toks[a..b].iter().any(|t| finite(t, lex));
    let mut out: Vec<Clause> = Vec::new();
    let mut start = 0;
    let mut join = Join::First;
    let mut subject = None;
    for (k, c) in cuts.iter().enumerate() {
        let right_end = cuts.get(k + 1).map_or(n, |d| d.left_end_tok);
        let left_ok = words(start, c.left_end_tok) >= 3 && has_finite(start, c.left_end_tok);
        let right_ok = c.start < right_end
            && words(c.start, right_end) >= 3
            && (c.join != Join::Semicolon || has_finite(c.start, right_end));
        if left_ok && right_ok {
            out.push(Clause {
                toks: (start, c.left_end_tok),
                end: c.left_end,
                join,
                subject,
            });
            subject = match (c.join, join) {
                (Join::Participle, Join::Participle) => subject,
                (Join::Participle, _) => (start..c.left_end_tok)
                    .find(|&m| finite(&toks[m], lex) && (m == 0 || outside[m - 1]))
                    .and_then(|verb| {
                        let from = (start..verb)
                            .rev()
                            .find(|&m| toks[m].kind == RawKind::Punct)
                            .map_or(start, |m| m + 1);
                        (from < verb).then_some((from, verb))
                    }),
                _ => None,
            };
            start = c.start;
            join = c.join;
        }
    }
    if out.is_empty() {
        return out;
    }
    out.push(Clause {
        toks: (start, n),
        end: toks.last().map_or(0, |t| t.end),
        join,
        subject,
    });
    out
}

/// Whether the words from token `i` open a clause with its own subject: a subject
/// pronoun, or a noun phrase (a determiner or a capitalised word) followed within a
/// few words by a finite verb, after at most a short fronted phrase ("following the
/// talks, the two leaders signed …"). A verb right after the conjunction ("…, and
/// denied it") shares the first clause's subject: no cut.
fn own_subject(toks: &[Raw], i: usize, lex: &Lexicon) -> bool {
    const FRONTED: usize = 5;
    const NP: usize = 6;
    let opens = |t: &Raw| {
        t.kind == RawKind::Word
            && (lex.clause.pronoun.contains(&t.lower)
                || lex.clause.det.contains(&t.lower)
                || (t.cap && !finite(t, lex)))
    };
    let mut s = i;
    match toks.get(s) {
        Some(t) if opens(t) => {}
        Some(t)
            if t.kind == RawKind::Word && !finite(t, lex) && !lex.clause.aux.contains(&t.lower) =>
        {
            // a fronted phrase ending in a comma
            let Some(k) = (s + 1..(s + 1 + FRONTED).min(toks.len()))
                .find(|&k| toks[k].kind == RawKind::Punct)
            else {
                return false;
            };
            if toks[k].lower != "," {
                return false;
            }
            s = k + 1;
            if !toks.get(s).is_some_and(opens) {
                return false;
            }
        }
        _ => return false,
    }
    let t = &toks[s];
    if !t.cap && lex.clause.pronoun.contains(&t.lower) || t.lower == "i" {
        return toks.get(s + 1).is_some_and(|u| u.kind == RawKind::Word);
    }
    for u in toks.iter().skip(s + 1).take(NP) {
        if u.kind == RawKind::Punct {
            return false;
        }
        if finite(u, lex) {
            return true;
        }
    }
    false
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
    normalize_tokens(&raw_tokens(text), text.len(), lex, config, cache)
}

/// [`normalize`] on tokens already found; offsets stay those of the tokens, `len` is
/// the text's length (a capacity hint).
fn normalize_tokens(
    toks: &[Raw],
    len: usize,
    lex: &Lexicon,
    config: &AlignConfig,
    cache: &mut WordCache,
) -> Normalized {
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
        if let Some((np, c)) = attribution(toks, lex, &is_reporting) {
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
                            if let Some(np_end) = source_phrase_end(toks, end) {
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
    let mut tokens = String::with_capacity(len);
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
