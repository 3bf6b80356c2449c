//! Sentences to claims: normalized content tokens, attribution set apart, polarity.
//!
//! A [`Claim`] is one sentence of a document ([`build`]), or, after alignment, one
//! clause of a sentence that carries two statements and finds no group whole
//! ([`refine`], [`clause_spans`]). Its `tokens` are what alignment compares:
//!
//! - case and quote style are folded (`’` is `'`), possessive `'s` is dropped;
//! - numbers (digits or number words, with their magnitude words) become `<num>`,
//!   `%`/`percent`/`per cent` become `<pct>`, currency signs and words `<money>`,
//!   weekdays and relative days `<day>`, month names `<month>`: a changed figure or
//!   day still aligns, so it can be compared afterwards;
//! - the attribution ("Kovač said", "according to the ministry", `“…,” said Kovač`) is
//!   set apart: its span is kept in [`Claim::attribution`], its words are not content,
//!   so a claim credited to another speaker still aligns;
//! - negation cues set [`crate::model::Polarity::Negative`] and are not content either;
//! - function words are dropped, words are folded by a light English stemmer
//!   (irregular verbs from a table, then plural/`-ed`/`-ing`/`-ise` endings), and
//!   synonyms and phrasal verbs from our own lexicon map to one canonical word.
//!
//! Each choice can be switched off in [`ClaimsConfig`]. The tokens are interned: ids into
//! a [`crate::model::Vocabulary`] that the claims built together share, so alignment
//! compares integers. There is no I/O here: the word lists come from the one lexicon
//! (`crate::lexicon`). This stage does not depend on alignment; the pipeline composes them
//! (build, align, refine, align again if refine split a sentence).
//!
//! Rooms: `lexicon` (the word lists, parsed once), `stem`, `tokens` (the sentence's
//! words and its quoted words), `attribution`, `normalize` (tokens to terms), `clauses`
//! (where a sentence carries two statements), `interner` (terms to a shared
//! vocabulary), `build` and `refine` (the two steps).

mod attribution;
mod build;
mod clauses;
pub(crate) mod interner;
mod lexicon;
mod normalize;
mod refine;
mod stem;
mod tokens;

use crate::model::{Claim, Document, Quote, Sentence};
use serde::{Deserialize, Serialize};

pub use build::build;
pub use clauses::clause_spans;
pub use normalize::{normalize_sentence, Normalized};
pub use refine::refine;
pub use tokens::{has_quotation_mark, quoted_words};

/// The term a single lower-case word becomes in claim tokens: its surface synonym
/// (`=issued`), else its stem mapped to its synonym group ("struck" and "hit" give one
/// term). Other stages use it to ask whether two words name the same action.
pub(crate) fn canonical_word(lower: &str) -> String {
    let lex = lexicon::Lexicon::builtin();
    if let Some(c) = lex.surface.get(lower) {
        return c.clone();
    }
    let stem = lex.stem(lower);
    match lex.synonym.get(&stem) {
        Some(c) => c.clone(),
        None => stem,
    }
}

/// Whether the reporting part of a sentence ("Kovač said", "according to X") counts as
/// content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AttributionMode {
    /// Default: the speaker phrase and cue are set apart, so a claim credited to
    /// another speaker, or quoted in another form, still aligns.
    #[default]
    SetApart,
    /// Every word counts as content.
    Content,
}

/// How numbers, days and months enter the content tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum NumberMode {
    /// Default: typed placeholders (`<num>`, `<pct>`, `<money>`, `<day>`, `<month>`), so a
    /// changed figure or day still aligns.
    #[default]
    Placeholders,
    /// Literal digits and words.
    Literal,
}

/// Word folding before comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StemMode {
    /// Default: irregular verb table plus English suffix rules.
    #[default]
    Light,
    /// Lower-case only.
    None,
}

/// Function words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StopWordMode {
    /// Default: English function words are dropped.
    #[default]
    English,
    /// Function words are content.
    Keep,
}

/// Synonym canonicalization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SynonymMode {
    /// Default: our English synonym and phrasal-verb lexicon maps each group to one word.
    #[default]
    English,
    /// No synonyms.
    None,
}

/// Settings of claim normalization: what becomes a content token. The defaults are what
/// was measured (see `benches/compare.sh`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimsConfig {
    /// Attribution handling. Default [`AttributionMode::SetApart`].
    pub attribution: AttributionMode,
    /// Numbers and days. Default [`NumberMode::Placeholders`].
    pub numbers: NumberMode,
    /// Word folding. Default [`StemMode::Light`].
    pub stemming: StemMode,
    /// Function words. Default [`StopWordMode::English`].
    pub stop_words: StopWordMode,
    /// Synonyms. Default [`SynonymMode::English`].
    pub synonyms: SynonymMode,
}

/// What the claims stage reads of the settings: its own section and the number of
/// threads. A [`&Config`](crate::Config) converts into it, so
/// `claims::build(&inputs, &config)` reads `config.claims` and `config.threads`.
#[derive(Clone, Copy, Debug)]
pub struct ClaimsSettings<'a> {
    /// Claim normalization.
    pub claims: &'a ClaimsConfig,
    /// Threads (`0`: every core); the claims are the same for any number.
    pub threads: usize,
}

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
    /// Its tokens from the text layer ([`crate::text::Tokens::new`] of its text from
    /// `head.end`), when the caller has them; else the stage makes them.
    pub tokens: Option<&'a crate::text::Tokens>,
}

/// One claim per sentence of every document, segmenting each with
/// [`crate::segment::sentences`], without quotations.
///
/// ```
/// use corroborate::{claims, Config, Document, Polarity};
/// let doc = Document::new("a", "The ministry did not approve the plan on Monday, Kovač said.");
/// let cs = claims::from_documents(&[doc], &Config::default());
/// assert_eq!(cs[0].tokens, "ministry approv plan <day>");
/// assert_eq!(cs[0].polarity, Polarity::Negative);
/// assert_eq!(cs[0].attribution.map(|s| &cs[0].text[s.start - cs[0].span.start..s.end - cs[0].span.start]), Some("Kovač"));
/// ```
pub fn from_documents<'a>(
    docs: &[Document],
    settings: impl Into<ClaimsSettings<'a>>,
) -> Vec<Claim> {
    let settings = settings.into();
    let sentences: Vec<Vec<Sentence>> =
        crate::par::map(docs, settings.threads, 2, crate::segment::sentences);
    let inputs: Vec<DocInput<'_>> = docs
        .iter()
        .zip(&sentences)
        .map(|(doc, s)| DocInput {
            doc,
            sentences: s,
            quotes: &[],
            tokens: None,
        })
        .collect();
    build(&inputs, settings)
}

#[cfg(test)]
mod tests {
    use super::lexicon::Lexicon;
    use super::*;

    fn toks(s: &str) -> String {
        normalize_sentence(s, &ClaimsConfig::default()).tokens
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
            &ClaimsConfig::default(),
        );
        let text = "Anna Kovač, the spokesperson, said the talks would resume.";
        let (a, b) = n.speaker.unwrap();
        assert_eq!(&text[a..b], "Anna Kovač, the spokesperson");
        assert_eq!(n.tokens, "talk resum");
    }
}
