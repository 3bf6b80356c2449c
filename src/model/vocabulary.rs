//! Interned content tokens: a claim's normalized tokens as small ids into a vocabulary
//! that the claims built together share, written out as text only at the edges (serde,
//! `Display`).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::{Arc, OnceLock};

/// A content token of a claim ("ministry", "approv", `<day>`): its index in the
/// [`Vocabulary`] it was interned in. Within one vocabulary, ids follow the terms' text
/// order, so comparing ids compares terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct TermId(pub u32);

/// The distinct content tokens of claims built together, sorted by text; a term's
/// [`TermId`] is its index. Immutable once built, and shared by its claims.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    terms: Vec<Box<str>>,
}

impl Vocabulary {
    /// The number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The text of `id`, if it is a term of this vocabulary.
    pub fn get(&self, id: TermId) -> Option<&str> {
        self.terms.get(id.0 as usize).map(|t| &**t)
    }

    /// The id of `term`, if it is one.
    pub fn id(&self, term: &str) -> Option<TermId> {
        self.terms
            .binary_search_by(|t| (**t).cmp(term))
            .ok()
            .map(|i| TermId(i as u32))
    }

    /// The terms, in id (text) order.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| &**t)
    }

    /// One vocabulary for the terms of several lists (each without repeats), and per
    /// list, the new id of each of its terms in list order. Ids follow text order, so
    /// the result does not depend on how the terms were split into lists.
    pub(crate) fn merge(lists: &[&[Box<str>]]) -> (Vocabulary, Vec<Vec<TermId>>) {
        let mut all: Vec<(&str, u32, u32)> = lists
            .iter()
            .enumerate()
            .flat_map(|(l, terms)| {
                terms
                    .iter()
                    .enumerate()
                    .map(move |(i, t)| (&**t, l as u32, i as u32))
            })
            .collect();
        all.sort_unstable();
        let mut terms: Vec<Box<str>> = Vec::new();
        let mut tables: Vec<Vec<TermId>> = lists.iter().map(|l| vec![TermId(0); l.len()]).collect();
        for (t, l, i) in all {
            if terms.last().is_none_or(|last| **last != *t) {
                terms.push(t.into());
            }
            tables[l as usize][i as usize] = TermId(terms.len() as u32 - 1);
        }
        (Vocabulary { terms }, tables)
    }

    /// The vocabulary's terms as an owned list, for [`Vocabulary::merge`].
    pub(crate) fn as_list(&self) -> &[Box<str>] {
        &self.terms
    }
}

/// A claim's normalized content tokens in text order (see [`crate::model::Claim::tokens`]):
/// interned ids and the vocabulary they index. Written out (serde, `Display`) as the
/// terms separated by single spaces. Two token lists are equal when they hold the same
/// terms in the same order, whatever their vocabularies.
#[derive(Clone)]
pub struct ContentTokens {
    ids: Box<[TermId]>,
    vocabulary: Arc<Vocabulary>,
}

impl ContentTokens {
    /// Tokens `ids` of `vocabulary`. Every id must be a term of it; ids that are not
    /// are skipped when the tokens are read as text.
    pub fn new(ids: impl Into<Box<[TermId]>>, vocabulary: Arc<Vocabulary>) -> ContentTokens {
        ContentTokens {
            ids: ids.into(),
            vocabulary,
        }
    }

    /// Tokens from text: words separated by whitespace, with a vocabulary of their own.
    pub fn from_text(text: &str) -> ContentTokens {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut terms: Vec<Box<str>> = words.iter().map(|&w| w.into()).collect();
        terms.sort_unstable();
        terms.dedup();
        let vocabulary = Vocabulary { terms };
        let ids: Vec<TermId> = words.iter().filter_map(|w| vocabulary.id(w)).collect();
        ContentTokens::new(ids, Arc::new(vocabulary))
    }

    /// The token ids, in text order.
    pub fn ids(&self) -> &[TermId] {
        &self.ids
    }

    /// The vocabulary the ids index.
    pub fn vocabulary(&self) -> &Arc<Vocabulary> {
        &self.vocabulary
    }

    /// Whether `self` and `other` index one vocabulary, so their ids compare directly.
    pub fn same_vocabulary(&self, other: &ContentTokens) -> bool {
        Arc::ptr_eq(&self.vocabulary, &other.vocabulary)
    }

    /// The tokens as text, in text order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().filter_map(|&id| self.vocabulary.get(id))
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl Default for ContentTokens {
    /// No tokens, in the empty vocabulary (one for the whole process: it never changes,
    /// and claims are made by the hundred thousand before their tokens are set).
    fn default() -> ContentTokens {
        static EMPTY: OnceLock<Arc<Vocabulary>> = OnceLock::new();
        ContentTokens {
            ids: Box::default(),
            vocabulary: Arc::clone(EMPTY.get_or_init(Arc::default)),
        }
    }
}

impl fmt::Display for ContentTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, t) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(t)?;
        }
        Ok(())
    }
}

impl fmt::Debug for ContentTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

impl PartialEq for ContentTokens {
    fn eq(&self, other: &ContentTokens) -> bool {
        if self.same_vocabulary(other) {
            self.ids == other.ids
        } else {
            self.len() == other.len() && self.iter().eq(other.iter())
        }
    }
}

impl PartialEq<str> for ContentTokens {
    fn eq(&self, other: &str) -> bool {
        if other.is_empty() {
            return self.is_empty();
        }
        let mut words = other.split(' ');
        self.iter().all(|t| words.next() == Some(t)) && words.next().is_none()
    }
}

impl PartialEq<&str> for ContentTokens {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl Serialize for ContentTokens {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ContentTokens {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ContentTokens, D::Error> {
        let text = String::deserialize(d)?;
        Ok(ContentTokens::from_text(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_ids_follow_text_order() {
        let a: Vec<Box<str>> = vec!["talk".into(), "<day>".into(), "ministry".into()];
        let b: Vec<Box<str>> = vec!["ministry".into(), "approv".into()];
        let (v, tables) = Vocabulary::merge(&[&a, &b]);
        assert_eq!(
            v.terms().collect::<Vec<_>>(),
            ["<day>", "approv", "ministry", "talk"]
        );
        assert_eq!(tables[0], [TermId(3), TermId(0), TermId(2)]);
        assert_eq!(tables[1], [TermId(2), TermId(1)]);
    }

    #[test]
    fn tokens_read_and_compare_as_text() {
        let t = ContentTokens::from_text("ministry approv plan <day> plan");
        assert_eq!(t.to_string(), "ministry approv plan <day> plan");
        assert_eq!(t, "ministry approv plan <day> plan");
        assert_eq!(
            t,
            ContentTokens::from_text("ministry approv plan <day> plan")
        );
        assert_ne!(t, ContentTokens::from_text("ministry approv plan"));
        assert_eq!(ContentTokens::default(), "");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"ministry approv plan <day> plan\"");
        let back: ContentTokens = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }
}
