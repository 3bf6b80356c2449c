//! Mentions of actors in one document: people, organizations, outlets and speaking
//! documents, named ("President Xi Jinping", "the Foreign Ministry") or described
//! ("the Belarusian leader", "the ministry", "the joint statement").
//!
//! Names are capitalized word sequences; titles and honorifics before them
//! ("President", "Foreign Minister", "Mr") are part of the mention but not of the name.
//! Roles come from the words before a name ("Belarusian leader Alexander Lukashenko",
//! "foreign ministry spokesman Wang Wenbin") and from appositions after it
//! ("Lukashenko, the president of Belarus"). Place names and capitalized words that
//! open sentences are not people. Which actor a mention belongs to across documents is
//! decided by [`crate::resolve`].
//!
//! ```
//! use corroborate::{extract::actors, segment, Document, ActorKind};
//! let doc = Document::new("a", "Belarusian leader Alexander Lukashenko met Mr Xi in Beijing.");
//! let m = actors::mentions(&doc, &segment::sentences(&doc));
//! let people: Vec<&str> = m.iter().filter(|m| m.kind == ActorKind::Person).map(|m| m.text(&doc.text)).collect();
//! assert_eq!(people, ["Alexander Lukashenko", "Mr Xi"]);
//! assert_eq!(m[0].roles[0].phrase(), "Belarusian leader");
//! assert_eq!(m[0].nationality.as_deref(), Some("Belarus"));
//! ```

mod description;
mod finder;
pub(crate) mod initial;
pub(crate) mod lexicon;
mod names;
mod person;
mod roles;

pub use names::reads_family_first;

use crate::extract::marks::{self, Marked};
use crate::model::{ActorKind, Document, Role, Sentence, Span};
use crate::text::Tokens;
use finder::{fill_place, Finder};
use initial::{mark_headlines, sentence_initial};
use lexicon::{Lexicon, Set};
use serde::{Deserialize, Serialize};

/// How a mention refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// By name, with or without a title ("Xi", "President Xi Jinping", "Foreign Ministry").
    Name,
    /// By a definite description ("the Belarusian leader", "the ministry").
    Description,
    /// A place name ("Beijing"); an actor only when it speaks.
    Place,
}

/// One mention of an actor in one document, before cross-document resolution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMention {
    /// The mention's bytes in the document (title included, nationality not); its
    /// text is [`LocalMention::text`].
    pub span: Span,
    /// What the mention names.
    pub kind: ActorKind,
    /// Name, description or place.
    pub form: MentionForm,
    /// Where the name without titles ("Xi Jinping"), or the description without its
    /// determiner ("Belarusian leader"), stands in the document; its text is
    /// [`LocalMention::name`].
    pub name_span: Span,
    /// For descriptions and bodies: the lower-case head word ("leader", "ministry").
    pub head: String,
    /// The country the mention ties its actor to ("Chinese President" gives China).
    pub nationality: Option<String>,
    /// Roles stated here ("Belarusian leader", "president of Belarus").
    pub roles: Vec<Role>,
    /// Lower-case role nouns of those roles and titles ("leader", "president").
    pub role_heads: Vec<String>,
    /// Whether the mention stands inside a direct quotation's marks.
    pub quoted: bool,
    /// The person's gender when a title or role word says it ("Mr", "spokeswoman").
    pub gender: Option<Gender>,
}

impl LocalMention {
    /// The mention's text in `doc_text`, the text of the document it was found in.
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        doc_text
            .get(self.span.start..self.span.end)
            .unwrap_or_default()
    }

    /// The mention's name (titles and determiner left out) in `doc_text`.
    pub fn name<'t>(&self, doc_text: &'t str) -> &'t str {
        doc_text
            .get(self.name_span.start..self.name_span.end)
            .unwrap_or_default()
    }
}

/// Grammatical gender of a person, as titles and role words state it; used to keep
/// "she" from resolving to "Mr Smith".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// He.
    Male,
    /// She.
    Female,
}

/// The gender a title or role word states, if any.
pub(crate) fn gender_of(word: &str) -> Option<Gender> {
    match word {
        "mr" | "sir" | "lord" | "king" | "prince" | "emperor" | "spokesman" | "chairman"
        | "congressman" | "councilman" | "father" | "herr" | "monsieur" | "sheikh" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "madam" | "madame" | "dame" | "lady" | "queen" | "princess"
        | "empress" | "spokeswoman" | "chairwoman" | "congresswoman" | "councilwoman" | "frau" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// The actor mentions of `doc`, in text order.
///
/// `sentences` are the document's sentences from [`crate::segment::sentences`]; a word
/// counts as sentence-initial only where both they and the punctuation agree, so a
/// segmenter that splits after "Mr." does not turn "Xi" into a sentence opener.
pub fn mentions(doc: &Document, sentences: &[Sentence]) -> Vec<LocalMention> {
    let body = doc.body();
    let toks = Tokens::new(&doc.text, body.start);
    let marks = marks::scan(&doc.text, body.start);
    mentions_in(doc, sentences, &toks, &marks, false)
}

/// [`mentions`] over tokens and quotation marks already found.
///
/// With `lazy_places`, place mentions carry only their spans, kind and form (their
/// head is empty and their country `None`) until [`complete_place`] fills them in:
/// most places never speak, and only a speaking place is used as an actor.
pub(crate) fn mentions_in(
    doc: &Document,
    sentences: &[Sentence],
    toks: &Tokens,
    marks: &[Marked],
    lazy_places: bool,
) -> Vec<LocalMention> {
    let lex = Lexicon::get();
    let starts: Set<usize> = sentences.iter().map(|s| s.span.start).collect();
    let mut initial = sentence_initial(&doc.text, toks, &starts);
    mark_headlines(toks, &mut initial);
    let mut finder = Finder {
        text: &doc.text,
        toks,
        lex,
        initial: &initial,
        cap_elsewhere: Set::default(),
        out: Vec::with_capacity(toks.len() / 16),
        lazy_places,
        full_buf: String::new(),
        rest_buf: String::new(),
    };
    let elsewhere = |(i, t): (usize, &crate::text::Token)| {
        (t.cap() && !initial[i] && t.kind != crate::text::TokenKind::Punct).then(|| toks.lower(i))
    };
    // Sized once: growing the set rehashes every word again.
    let caps = toks
        .all()
        .iter()
        .enumerate()
        .filter(|&(i, t)| t.cap() && !initial[i] && t.kind != crate::text::TokenKind::Punct)
        .count();
    finder.cap_elsewhere.reserve(caps);
    finder
        .cap_elsewhere
        .extend(toks.all().iter().enumerate().filter_map(elsewhere));
    finder.run();
    let mut out = finder.out;
    for m in &mut out {
        m.quoted = marks::inside_any(marks, m.span);
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by_key(|m| m.span);
    share_gender(&doc.text, &mut out);
    out
}

/// Gives every person mention the gender another mention of the same family name in
/// the document states ("Ms Ardern" makes "Jacinda Ardern" female).
fn share_gender(text: &str, out: &mut [LocalMention]) {
    let is_name = |m: &LocalMention| m.kind == ActorKind::Person && m.form == MentionForm::Name;
    if !out.iter().any(|m| is_name(m) && m.gender.is_some()) {
        return;
    }
    // Family names made once per person name, as byte ranges into one lower-cased
    // buffer (a name's words lower-cased one by one are its lower-cased words).
    let mut buf = String::new();
    let mut lower = String::new();
    type Family = Option<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)>;
    let families: Vec<Family> = out
        .iter()
        .map(|m| {
            if !is_name(m) {
                return None;
            }
            // Lower-cased into one reused buffer; non-ASCII the same as `to_lowercase`.
            let name = m.name(text);
            if name.is_ascii() {
                lower.clear();
                lower.push_str(name);
                lower.make_ascii_lowercase();
            } else {
                lower = name.to_lowercase();
            }
            // More than three words are never read family-first.
            let (mut head, mut n, mut last) = ([""; 3], 0, None);
            for w in lower.split_whitespace() {
                if let Some(slot) = head.get_mut(n) {
                    *slot = w;
                }
                n += 1;
                last = Some(w);
            }
            let family_first = n <= 3 && reads_family_first(&head[..n]);
            let (w, given) = if family_first {
                (Some(head[0]), head.get(1).copied())
            } else {
                (last, (n >= 2).then_some(head[0]))
            };
            let w = w?;
            let at = buf.len();
            buf.push_str(w);
            let family = at..buf.len();
            // The given name of a full name, so that two people of one family are seen.
            let given = given.filter(|g| !g.is_empty()).map(|g| {
                let at = buf.len();
                buf.push_str(g);
                at..buf.len()
            });
            Some((family, given))
        })
        .collect();
    let family = |f: &Family| f.clone().map(|(r, _)| &buf[r]);
    // The gender stated for each family name; `None` when two members of a family are
    // named ("Donald Trump", "Ivanka Trump"), so a bare "Trump" gets none: two members
    // who state different genders, or two different given names.
    let mut known: lexicon::Map<&str, Option<Gender>> = lexicon::Map::default();
    let mut given_of: lexicon::Map<&str, &str> = lexicon::Map::default();
    for (fam, given) in families.iter().flatten() {
        if let (fam, Some(g)) = (&buf[fam.clone()], given.clone().map(|r| &buf[r])) {
            if *given_of.entry(fam).or_insert(g) != g {
                known.insert(fam, None);
            }
        }
    }
    for (m, f) in out.iter().zip(&families) {
        if let (Some(f), Some(g)) = (family(f), m.gender) {
            let stated = known.entry(f).or_insert(Some(g));
            if *stated != Some(g) {
                *stated = None;
            }
        }
    }
    let genders: Vec<Option<Gender>> = out
        .iter()
        .zip(&families)
        .map(|(m, f)| match family(f) {
            Some(f) if m.gender.is_none() => known.get(f).copied().flatten(),
            _ => m.gender,
        })
        .collect();
    for (m, g) in out.iter_mut().zip(genders) {
        m.gender = g;
    }
}

/// Fills in a place mention left empty by [`mentions_in`] with `lazy_places`, the
/// same as it would have been found without.
pub(crate) fn complete_place(toks: &Tokens, m: &mut LocalMention) {
    if m.form != MentionForm::Place || !m.head.is_empty() {
        return;
    }
    let a = toks.at_or_after(m.span.start);
    let b = toks.at_or_after(m.span.end).saturating_sub(1);
    if a <= b && b < toks.len() {
        fill_place(toks, a, b, m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, ActorKind, MentionForm)> {
        let doc = Document::new("t", text);
        mentions(&doc, &[])
            .into_iter()
            .map(|m| (m.text(&doc.text).to_string(), m.kind, m.form))
            .collect()
    }

    #[test]
    fn titles_and_places() {
        let m = names("Chinese President Xi Jinping met Lukashenko in Beijing on Wednesday.");
        let texts: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["President Xi Jinping", "Lukashenko", "Beijing"]);
        assert_eq!(m[2].2, MentionForm::Place);
    }

    #[test]
    fn sentence_initial_common_word_is_not_a_name() {
        let m = names("Respect for the rules matters. Political choices are hard.");
        assert!(m.is_empty(), "{m:?}");
    }
}
