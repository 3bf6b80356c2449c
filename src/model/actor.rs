//! Actors (people and bodies), their mentions, and quotations.

use super::{DocId, Span};
use serde::{Deserialize, Serialize};

/// The identifier of an [`Actor`], unique within one run. Ids are assigned after sorting
/// actors by content, so the same documents in any order give the same ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub u32);

/// What kind of actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A person.
    Person,
    /// A government body, company, party or other organization.
    Organization,
    /// A news outlet or agency.
    Outlet,
    /// A document that speaks: a joint statement, a position paper.
    Document,
}

/// How a mention refers to its actor.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReferenceForm {
    /// By name ("Xi Jinping", "Mr Xi", "Beijing").
    #[default]
    Name,
    /// By a pronoun that refers back to it ("he", "she").
    Pronoun,
    /// By a description ("the Chinese president", "the billionaire").
    Description,
}

/// One place where an actor is named or referred to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The document.
    pub doc: DocId,
    /// The mention's bytes.
    #[serde(flatten)]
    pub span: Span,
    /// The mention's text, equal to the span's slice.
    pub text: String,
    /// Name, pronoun or description.
    #[serde(default)]
    pub form: ReferenceForm,
}

/// A real person or body, with every name it goes by across all documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Its id.
    pub id: ActorId,
    /// The fullest name seen ("Xi Jinping").
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// Every other form seen ("Xi", "Mr Xi", "President Xi Jinping"), sorted.
    pub aliases: Vec<String>,
    /// Roles learned from titles and appositions ("president of Belarus"), sorted by
    /// phrase.
    pub roles: Vec<Role>,
    /// Every mention, in document then offset order.
    pub mentions: Vec<Mention>,
}

/// A role an actor is given in the text ("Chinese Foreign Minister", "president of
/// Belarus"): the phrase as written and its words, read once where it is found.
/// Serialized as the phrase.
///
/// ```
/// use corroborate::{Role, RolePart};
/// let r = Role::new("China’s  foreign ministry spokesperson");
/// assert_eq!(r.phrase(), "China’s foreign ministry spokesperson");
/// let first = r.words().next().unwrap();
/// assert_eq!((first.text, first.part), ("china", RolePart::Possessor));
/// let title = |phrase: &str| -> Vec<String> {
///     Role::new(phrase).title().map(|w| w.text.to_string()).collect()
/// };
/// assert_eq!(title("president of Belarus"), ["president"]);
/// assert_eq!(title("US Secretary of State"), ["us", "secretary", "of", "state"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Role {
    phrase: String,
    /// The phrase in lower case; the words are ranges of it.
    lower: String,
    words: Vec<(u32, u32, RolePart)>,
}

/// One word of a [`Role`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleWord<'r> {
    /// The word in lower case, a possessive ending removed ("china" for "China’s").
    pub text: &'r str,
    /// What the word is in the phrase.
    pub part: RolePart,
}

/// What a word of a [`Role`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RolePart {
    /// "the", "a" or "an".
    Determiner,
    /// A possessor ("China’s", "the country’s").
    Possessor,
    /// "of", "to", "at", "in" or "for": what follows completes the role ("president
    /// of Belarus", "ambassador to Minsk").
    Preposition,
    /// Any other word: a qualifier, the role noun, a word of its complement.
    Word,
}

impl Role {
    /// The role written as `phrase` (runs of white space count as one space).
    pub fn new(phrase: &str) -> Role {
        let mut collapsed = String::with_capacity(phrase.len());
        for w in phrase.split_whitespace() {
            if !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed.push_str(w);
        }
        let lower = collapsed.to_lowercase();
        let mut words = Vec::new();
        // The words are joined by single spaces: each starts one byte after the last.
        let mut start = 0;
        for w in lower.split(' ') {
            let word_start = start;
            start += w.len() + 1;
            if w.is_empty() {
                continue;
            }
            let (text, part) = match w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")) {
                Some(owner) => (owner, RolePart::Possessor),
                None => (
                    w,
                    match w {
                        "the" | "a" | "an" => RolePart::Determiner,
                        "of" | "to" | "at" | "in" | "for" => RolePart::Preposition,
                        _ => RolePart::Word,
                    },
                ),
            };
            words.push((word_start as u32, (word_start + text.len()) as u32, part));
        }
        Role {
            phrase: collapsed,
            lower,
            words,
        }
    }

    /// The phrase as written.
    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    /// Its words, in order.
    pub fn words(&self) -> impl Iterator<Item = RoleWord<'_>> + '_ {
        self.words.iter().map(|&(a, b, part)| RoleWord {
            text: self.lower.get(a as usize..b as usize).unwrap_or_default(),
            part,
        })
    }

    /// Whether the phrase is empty (a name's country with no role: "Putin of Russia").
    pub fn is_empty(&self) -> bool {
        self.phrase.is_empty()
    }

    /// The words that name the role itself, before what completes it: "president" of
    /// "president of Belarus", "ambassador" of "ambassador to Minsk". "Secretary of
    /// State" and "head of government" stay whole.
    pub fn title(&self) -> impl Iterator<Item = RoleWord<'_>> + '_ {
        let words: Vec<RoleWord<'_>> = self.words().collect();
        let cut = match words.iter().position(|x| x.part == RolePart::Preposition) {
            Some(i)
                if !words.get(i + 1).is_some_and(|n| {
                    n.part == RolePart::Word && matches!(n.text, "state" | "government")
                }) =>
            {
                i
            }
            _ => words.len(),
        };
        words.into_iter().take(cut)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.phrase)
    }
}

impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.phrase)
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
        let phrase = String::deserialize(d)?;
        Ok(Role::new(&phrase))
    }
}

/// Direct words in quotation marks, or reported (indirect) speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech or sourcing: "X said that ...", "according to X, ...".
    Indirect,
}

/// The identifier of a [`Quote`], unique within one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuoteId(pub u32);

/// A quotation or reported statement and who it is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Its id.
    pub id: QuoteId,
    /// The document.
    pub doc: DocId,
    /// The quoted words, without the quotation marks.
    #[serde(flatten)]
    pub span: Span,
    /// The quoted words, equal to the span's slice.
    pub text: String,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The actor it is attributed to, or `None` when the text does not say who.
    pub speaker: Option<ActorId>,
    /// The words that name the speaker in this document ("he", "the ministry").
    pub speaker_text: Option<String>,
    /// Where `speaker_text` stands.
    pub speaker_span: Option<Span>,
    /// The reporting cue ("said", "according to", "quoted ... as saying").
    pub cue: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_serializes_as_its_phrase() {
        let r = Role::new("head of the country’s top legislature");
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, "\"head of the country’s top legislature\"");
        assert_eq!(serde_json::from_str::<Role>(&json).unwrap(), r);
        let parts: Vec<RolePart> = r.words().map(|w| w.part).collect();
        use RolePart::*;
        assert_eq!(
            parts,
            [Word, Preposition, Determiner, Possessor, Word, Word]
        );
        let texts: Vec<&str> = r.words().map(|w| w.text).collect();
        assert_eq!(
            texts,
            ["head", "of", "the", "country", "top", "legislature"]
        );
        assert_eq!(r.title().count(), 1);
        assert_eq!(Role::new("  ").words().count(), 0);
    }
}
