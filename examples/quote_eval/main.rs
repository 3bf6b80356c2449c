//! Scores direct quotations and their speakers on the train split of PolNeAR, political
//! news from seven US outlets with hand-annotated attributions (source, cue, content).
//!
//! ```sh
//! POLNEAR_DIR=/path/to/PolNeAR/data/train cargo run --release --example quote_eval
//! POLNEAR_DIR=... cargo run --release --example quote_eval -- --show 20 --family 3
//! ```
//!
//! `POLNEAR_DIR` holds `text/*.txt`, `attributions/*.ann` (brat standoff, character
//! offsets) and `corenlp/*.txt.xml` (the automatic CoreNLP layer the corpus ships; an
//! article without it falls back to capitalization). An article annotated by several
//! annotators is read once, with the first annotation file in name order. Nothing is
//! fetched at run time; the output is the same on every run.
//!
//! **The reference.** A gold direct quotation is a run of text between double quotation
//! marks (`“…”`, `"…"`, or `''…''` as the wire copy of one outlet writes them), paired
//! per paragraph (a mark left open runs to the paragraph's end, the convention for a
//! quotation that continues into the next paragraph), with at least half of its
//! characters inside the content of one annotated attribution. Its speaker is that
//! attribution's source. Quoted runs outside every content (titles, nicknames, scare
//! quotes) are no quotations. The annotation has no coreference layer, so a source is
//! read as follows:
//!
//! - a source that contains a name is that name: the first run of PERSON tokens
//!   (CoreNLP; a proper noun tagged PERSON elsewhere in the article counts) that is no
//!   possessive or modifier ("Trump's attorney, Alan Garten" is Alan Garten), else a
//!   capitalized run; a name after a preposition is no speaker ("a spokesman for Bernie
//!   Sanders" is matched by its words);
//! - `he`/`she`/`him`/`his`/`her` refer to the nearest preceding person of that gender
//!   (given name, title, or the pronouns of its CoreNLP chain) among the named sources
//!   and the persons CoreNLP parses as a clause's subject outside quotations; `who` to the
//!   name just before it ("Jim Roe, who ..."); a pronoun with no such person (31
//!   quotations) is left out of the speaker scores;
//! - a definite description whose head names a role ("the senator", "the former
//!   secretary of state") refers to the nearest preceding named source, and its own
//!   words count too; `they`/`it` likewise;
//! - `I`/`we`/`you` and other descriptions ("a spokesman", "officials", "the report")
//!   are matched by their own words only.
//!
//! Checked by reading (`--gold-check 50`, two samples spread over the corpus): of the
//! "he"/"she" sources given a person, 42 of 47 and 47 of 49 were given the right one; the
//! others are antecedents that are neither a subject nor a source, and a body CoreNLP
//! tags as a person.
//!
//! **The scores.**
//!
//! - *detection*: a predicted direct quote and a gold one match when each has at least
//!   half of its bytes inside the other (one to one, largest overlap first); precision
//!   over all predicted direct quotes, recall over all gold ones;
//! - *speaker accuracy*: of the matched quotations scored for speakers, the share whose
//!   predicted speaker is the same person;
//! - *end-to-end*: a true positive is a matched quotation with the same person as
//!   speaker; precision is over predicted quotes that have a speaker (an actor, or words
//!   that name the speaker and are no bare pronoun; quotes matched to a gold quotation
//!   that is not scored are left out), recall over gold quotations scored for speakers.
//!   Two speakers are the same person when the predicted speaker's words overlap the gold
//!   source's words (pronouns excepted); when the annotated cue only sources ("according
//!   to", "reported") and the predicted speaker is named inside the attribution's content
//!   ("“...,” Sanders said, according to CNN": one attribution per token, so the
//!   annotation gives the quotation to CNN); or when the actor's name and the gold name
//!   share the family name (the last word, suffixes such as "Jr." dropped) and do not name
//!   different given names.
//!
//! Misses fall into families (see `families.rs`): 1 partial quotations inside reported
//! speech, 2 quotations that continue a speaker (the attribution's cue in an earlier
//! paragraph or sentence), 3 pronouns and descriptions, 4 quotation marks that are not
//! speech given a speaker, 5 the rest (quote not found, a name resolved to another
//! actor, a cue or speaker not found).
//!
//! Options: `--show N` prints N misses (evenly spread over the corpus) with their context,
//! `--family K` only those of family K; `--gold-check N` prints N "he"/"she" sources with
//! the person the reference reads them as, to check the reference by reading;
//! `--cues N` prints the N annotated cue words most common among each family's misses;
//! `--fold-apostrophe-pairs` hands the library the text with `''` written as `"` (spans
//! mapped back), to measure what reading that convention would gain.

mod corpus;
mod families;
mod reference;

use corpus::{load_articles, overlap, overlap_all, Article};
use corroborate::{Document, QuoteKind};
use families::{classify_gold_miss, FAMILIES};
use reference::{check_pronoun_rule, gold_quotes, is_pronoun, same_name, GoldQuote, GoldSpeaker};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// A predicted quote needs this share of its bytes inside a gold quote, and the gold
/// quote this share of its bytes inside the predicted one, for the two to match.
const MATCH_SHARE: f64 = 0.5;

/// Bytes of context printed on each side of a shown miss.
const CONTEXT_BYTES: usize = 220;

/// A direct quote as the library found it.
pub(crate) struct PredictedQuote {
    pub(crate) span: Range<usize>,
    /// The fullest name of the speaker's actor.
    pub(crate) actor: Option<String>,
    /// The words that name the speaker here.
    pub(crate) speaker_span: Option<Range<usize>>,
    pub(crate) cue: Option<String>,
}

/// One miss: a gold quotation without its speaker, or a speaker given to a quote that
/// is none.
struct Miss {
    family: usize,
    /// A finer reason, printed in the breakdown.
    reason: String,
    article: usize,
    gold: Option<usize>,
    predicted: Option<usize>,
    /// Whether the library gave this quote a speaker (counted in precision).
    predicted_speaker: bool,
}

/// The one place that calls the library: direct quotes of one article with speakers.
fn extract_direct_quotes(doc: &Document) -> Vec<PredictedQuote> {
    let x = corroborate::actors_and_quotes(std::slice::from_ref(doc));
    x.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| PredictedQuote {
            span: q.span.start..q.span.end,
            actor: q
                .speaker
                .and_then(|id| x.actors.iter().find(|a| a.id == id).map(|a| a.name.clone())),
            speaker_span: q.speaker_span.map(|s| s.start..s.end),
            cue: q.cue.clone(),
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<usize>().ok())
    };
    let show = flag("--show").unwrap_or(0);
    let gold_check = flag("--gold-check");
    let fold_pairs = args.iter().any(|a| a == "--fold-apostrophe-pairs");
    let only_family = flag("--family");
    let Some(dir) = std::env::var_os("POLNEAR_DIR") else {
        eprintln!(
            "quote_eval: set POLNEAR_DIR to PolNeAR's data/train directory \
             (the one holding text/ and attributions/)"
        );
        std::process::exit(2);
    };
    let articles = match load_articles(Path::new(&dir)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("quote_eval: {e}");
            std::process::exit(2);
        }
    };
    let mut eval = Evaluation::default();
    for (ai, article) in articles.iter().enumerate() {
        let predicted = if fold_pairs {
            // What-if: the library reads `''` as `"`; spans are mapped back.
            let (text, back) = fold_apostrophe_pairs(&article.text);
            let doc = Document::new(article.id.clone(), text);
            let mut p = extract_direct_quotes(&doc);
            for q in &mut p {
                q.span = back[q.span.start]..back[q.span.end];
                q.speaker_span = q.speaker_span.take().map(|s| back[s.start]..back[s.end]);
            }
            p
        } else {
            extract_direct_quotes(&Document::new(article.id.clone(), article.text.clone()))
        };
        eval.score_article(ai, article, predicted);
    }
    eval.print(&articles, show, only_family, flag("--cues").unwrap_or(0));
    if let Some(n) = gold_check {
        check_pronoun_rule(&articles, n);
    }
}

/// `text` with every `''` written as `"`, and for each byte offset of the new text
/// (and its end) the offset in `text`.
fn fold_apostrophe_pairs(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut back = Vec::with_capacity(text.len() + 1);
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with("''") {
            out.push('"');
            back.push(i);
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push(c);
        for k in 0..c.len_utf8() {
            back.push(i + k);
        }
        i += c.len_utf8();
    }
    back.push(text.len());
    (out, back)
}

/// Whether the predicted speaker is the gold one.
fn same_speaker(article: &Article, gold: &GoldQuote, p: &PredictedQuote) -> bool {
    let Some(g) = &gold.speaker else { return false };
    let text = &article.text;
    let source = &article.attributions[gold.attribution].source;
    let words_overlap = p
        .speaker_span
        .as_ref()
        .is_some_and(|s| overlap_all(s, source) > 0 && !is_pronoun(&text[s.clone()]));
    let pronoun_echo = p
        .speaker_span
        .as_ref()
        .is_some_and(|s| overlap_all(s, source) > 0);
    let names = |n: &str| p.actor.as_deref().is_some_and(|a| same_name(n, a));
    // "“...,” Sanders said, according to CNN": the annotation marks one attribution per
    // token, so the outer source (CNN) gets the quotation and the inner speaker stands
    // inside its content. When the annotated cue only sources ("according to",
    // "reported"), a named speaker inside that content counts too.
    let att = &article.attributions[gold.attribution];
    let sourcing = att.cue.iter().any(|r| {
        let cue = text[r.clone()].to_lowercase();
        ["according", "report", "quoted", "citing"]
            .iter()
            .any(|w| cue.contains(w))
    });
    let nested = sourcing
        && p.actor.is_some()
        && p.speaker_span.as_ref().is_some_and(|s| {
            overlap_all(s, &att.content) == s.len() && !is_pronoun(&text[s.clone()])
        });
    if nested {
        return true;
    }
    match g {
        GoldSpeaker::Named(n) => words_overlap || names(n),
        GoldSpeaker::Refers {
            antecedent,
            or_words,
        } => {
            antecedent.as_deref().is_some_and(names)
                || (*or_words && (words_overlap || pronoun_echo && p.actor.is_none()))
        }
        GoldSpeaker::Words => pronoun_echo,
    }
}

/// Whether a gold quotation counts for the speaker scores: it has a source, and a
/// personal pronoun source has a referent.
fn scored(g: &GoldQuote) -> bool {
    !matches!(
        g.speaker,
        None | Some(GoldSpeaker::Refers {
            antecedent: None,
            or_words: false
        })
    )
}

/// Whether a predicted quote names a speaker at all.
fn has_speaker(article: &Article, p: &PredictedQuote) -> bool {
    p.actor.is_some()
        || p.speaker_span
            .as_ref()
            .is_some_and(|s| !is_pronoun(&article.text[s.clone()]))
}

/// Predicted and gold quotes matched one to one, largest overlap first.
fn match_quotes(gold: &[GoldQuote], pred: &[PredictedQuote]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        // Both lists are in text order; only nearby predictions can overlap.
        let from = pred.partition_point(|p| p.span.end <= g.span.start);
        for (pi, p) in pred.iter().enumerate().skip(from) {
            if p.span.start >= g.span.end {
                break;
            }
            let o = overlap(&g.span, &p.span);
            let enough = |r: &Range<usize>| o as f64 >= MATCH_SHARE * r.len() as f64;
            if enough(&g.span) && enough(&p.span) {
                cands.push((o, gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, gi, pi) in cands {
        if !used_g[gi] && !used_p[pi] {
            used_g[gi] = true;
            used_p[pi] = true;
            out.push((gi, pi));
        }
    }
    out.sort();
    out
}

#[derive(Default)]
struct Evaluation {
    gold: usize,
    gold_sourced: usize,
    /// Gold quotations whose source is a personal pronoun the reference cannot resolve.
    gold_unresolved: usize,
    predicted: usize,
    predicted_with_speaker: usize,
    matched: usize,
    matched_sourced: usize,
    matched_right: usize,
    true_positive: usize,
    /// Per article: its gold quotes and predictions, kept for showing misses.
    kept: Vec<(Vec<GoldQuote>, Vec<PredictedQuote>)>,
    misses: Vec<Miss>,
}

impl Evaluation {
    fn score_article(&mut self, ai: usize, article: &Article, pred: Vec<PredictedQuote>) {
        let (gold, not_speech) = gold_quotes(article);
        let matches = match_quotes(&gold, &pred);
        self.gold += gold.len();
        self.gold_sourced += gold.iter().filter(|g| scored(g)).count();
        self.gold_unresolved += gold
            .iter()
            .filter(|g| g.speaker.is_some() && !scored(g))
            .count();
        self.predicted += pred.len();
        self.matched += matches.len();
        let mut pred_of = vec![None; gold.len()];
        let mut gold_of = vec![None; pred.len()];
        for &(gi, pi) in &matches {
            pred_of[gi] = Some(pi);
            gold_of[pi] = Some(gi);
        }
        // A speaker given to a gold quotation that is not scored is neither right nor
        // wrong.
        self.predicted_with_speaker += pred
            .iter()
            .enumerate()
            .filter(|&(pi, p)| {
                has_speaker(article, p) && gold_of[pi].is_none_or(|gi| scored(&gold[gi]))
            })
            .count();
        for (gi, g) in gold.iter().enumerate() {
            if !scored(g) {
                continue;
            }
            let p = pred_of[gi].map(|pi| &pred[pi]);
            let right = p.is_some_and(|p| same_speaker(article, g, p));
            if p.is_some() {
                self.matched_sourced += 1;
                self.matched_right += usize::from(right);
            }
            if right {
                self.true_positive += 1;
                continue;
            }
            let (family, reason) = classify_gold_miss(article, &gold, gi, p);
            self.misses.push(Miss {
                family,
                reason,
                article: ai,
                gold: Some(gi),
                predicted: pred_of[gi],
                predicted_speaker: p.is_some_and(|p| has_speaker(article, p)),
            });
        }
        // Speakers given to quotes the annotation has no speaker for.
        for (pi, p) in pred.iter().enumerate() {
            if gold_of[pi].is_some() || !has_speaker(article, p) {
                continue;
            }
            let marks_not_speech = not_speech.iter().any(|r| {
                let o = overlap(r, &p.span);
                o as f64 >= MATCH_SHARE * r.len().max(p.span.len()) as f64
            });
            let (family, reason) = if marks_not_speech {
                (
                    3,
                    "speaker given to quoted words the annotation has no speech for",
                )
            } else {
                (
                    4,
                    "speaker given to a quote that matches no gold quote (boundaries)",
                )
            };
            self.misses.push(Miss {
                family,
                reason: reason.to_string(),
                article: ai,
                gold: None,
                predicted: Some(pi),
                predicted_speaker: true,
            });
        }
        self.kept.push((gold, pred));
    }

    /// The annotated cues most common among each family's missed gold quotations, by
    /// their main word ("also bemoaned" counts as "bemoaned", "described ... as" as
    /// "described").
    fn print_cues(&self, articles: &[Article], n: usize) {
        const NOT_MAIN: &[&str] = &[
            "also", "then", "later", "has", "had", "have", "was", "is", "would", "will", "again",
            "that", "as", "of", "to", "for", "about", "on", "in", "with", "at", "by", "from", "up",
            "out", "it", "a", "the", "his", "her", "their", "been", "be", "being",
        ];
        for (f, name) in FAMILIES.iter().enumerate() {
            let mut count: BTreeMap<String, usize> = BTreeMap::new();
            for m in self.misses.iter().filter(|m| m.family == f) {
                let Some(gi) = m.gold else { continue };
                let article = &articles[m.article];
                let g = &self.kept[m.article].0[gi];
                let att = &article.attributions[g.attribution];
                let words: Vec<String> = att
                    .cue
                    .iter()
                    .flat_map(|r| article.text[r.clone()].split_whitespace())
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .filter(|w| !w.is_empty() && !NOT_MAIN.contains(&w.as_str()))
                    .collect();
                let main = words.first().cloned().unwrap_or_else(|| "(none)".into());
                *count.entry(main).or_default() += 1;
            }
            let mut top: Vec<(usize, String)> = count.into_iter().map(|(w, c)| (c, w)).collect();
            top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let list: Vec<String> = top
                .iter()
                .take(n)
                .map(|(c, w)| format!("{w} {c}"))
                .collect();
            println!("\ncues of missed quotations, {name}: {}", list.join(", "));
        }
    }

    fn print(&self, articles: &[Article], show: usize, only_family: Option<usize>, cues: usize) {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let f1 = |p: f64, r: f64| {
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        };
        println!("PolNeAR train: {} articles", articles.len());
        println!(
            "gold direct quotations: {} ({} scored for speakers; {} whose pronoun source the reference cannot resolve are left out)",
            self.gold, self.gold_sourced, self.gold_unresolved
        );
        println!(
            "predicted direct quotes: {} ({} with a speaker, outside left-out quotations)",
            self.predicted, self.predicted_with_speaker
        );
        let (dp, dr) = (
            pct(self.matched, self.predicted),
            pct(self.matched, self.gold),
        );
        println!(
            "(a) quote detection: precision {dp:.1}  recall {dr:.1}  F1 {:.1}  ({} matched)",
            f1(dp, dr),
            self.matched
        );
        println!(
            "(b) speaker accuracy on matched quotations: {:.1}  ({} of {})",
            pct(self.matched_right, self.matched_sourced),
            self.matched_right,
            self.matched_sourced
        );
        let (ep, er) = (
            pct(self.true_positive, self.predicted_with_speaker),
            pct(self.true_positive, self.gold_sourced),
        );
        println!(
            "(c) end-to-end speaker: precision {ep:.1}  recall {er:.1}  F1 {:.1}  ({} right)",
            f1(ep, er),
            self.true_positive
        );
        let mut by: BTreeMap<(usize, &str), usize> = BTreeMap::new();
        let mut per_family = [0usize; 5];
        for m in &self.misses {
            *by.entry((m.family, m.reason.as_str())).or_default() += 1;
            per_family[m.family] += 1;
        }
        println!("\nmisses: {}", self.misses.len());
        for (f, name) in FAMILIES.iter().enumerate() {
            println!(
                "  {name}: {} ({:.1}%)",
                per_family[f],
                pct(per_family[f], self.misses.len())
            );
            for ((_, reason), n) in by.range((f, "")..(f + 1, "")) {
                println!("      {reason}: {n}");
            }
            // Were every miss of this family put right: a gold quotation gains its
            // speaker (one more true positive, and one more prediction if it had none);
            // a speaker given to no quotation goes.
            let (mut tp, mut predicted) = (self.true_positive, self.predicted_with_speaker);
            for m in self.misses.iter().filter(|m| m.family == f) {
                match (m.gold.is_some(), m.predicted_speaker) {
                    (true, true) => tp += 1,
                    (true, false) => {
                        tp += 1;
                        predicted += 1;
                    }
                    (false, _) => predicted = predicted.saturating_sub(1),
                }
            }
            let (p, r) = (pct(tp, predicted), pct(tp, self.gold_sourced));
            println!(
                "      end-to-end F1 with this family put right: {:.1}",
                f1(p, r)
            );
        }
        if cues > 0 {
            self.print_cues(articles, cues);
        }
        if show > 0 {
            self.show(articles, show, only_family);
        }
    }

    fn show(&self, articles: &[Article], show: usize, only_family: Option<usize>) {
        let picked: Vec<&Miss> = self
            .misses
            .iter()
            .filter(|m| only_family.is_none_or(|f| m.family + 1 == f))
            .collect();
        let step = (picked.len() as f64 / show as f64).max(1.0);
        let mut k = 0.0;
        while (k as usize) < picked.len() && ((k / step) as usize) < show {
            let m = picked[k as usize];
            k += step;
            let article = &articles[m.article];
            let text = &article.text;
            let (gold, pred) = &self.kept[m.article];
            let g = m.gold.map(|gi| &gold[gi]);
            let p = m.predicted.map(|pi| &pred[pi]);
            let span = g
                .map(|g| g.span.clone())
                .or(p.map(|p| p.span.clone()))
                .unwrap_or(0..0);
            println!(
                "\n--- {} · {} @{}",
                FAMILIES[m.family], m.reason, article.id
            );
            println!("    {}", context(text, &span));
            if let Some(g) = g {
                let att = &article.attributions[g.attribution];
                let src: Vec<&str> = att.source.iter().map(|r| &text[r.clone()]).collect();
                let cue: Vec<&str> = att.cue.iter().map(|r| &text[r.clone()]).collect();
                println!(
                    "    gold: source {:?} cue {:?} -> {:?}",
                    src.join(" "),
                    cue.join(" "),
                    g.speaker
                );
            }
            match p {
                Some(p) => println!(
                    "    predicted: {:?} speaker words {:?} cue {:?}",
                    p.actor,
                    p.speaker_span.as_ref().map(|s| &text[s.clone()]),
                    p.cue
                ),
                None => println!("    predicted: no matching quote"),
            }
        }
    }
}

/// The text around `span`, the quotation in ⟦ ⟧, on one line.
pub(crate) fn context(text: &str, span: &Range<usize>) -> String {
    let mut a = span.start.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (span.end + CONTEXT_BYTES / 2).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    format!(
        "…{}⟦{}⟧{}…",
        &text[a..span.start],
        &text[span.clone()],
        &text[span.end..b]
    )
    .replace('\n', " ¶ ")
}
