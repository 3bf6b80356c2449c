//! Who a claim or a quotation is given to, and whether two such parties can be one.
//!
//! A party is compared by identity before anything else: a name is read apart from the
//! titles and occupations written before it ("Singer Tom Reed" is Tom Reed, a singer),
//! without corporate suffixes ("Advanced Micro Devices Inc." is Advanced Micro Devices);
//! two different full names are two people whatever their roles; a description ("the
//! finance minister") is compared by role; a generic body ("authorities", "state
//! media") says what kind of source, not which, so it never conflicts with anyone; and
//! a person who heads a body and speaks for it (a role naming it: "AMD chief executive",
//! "director of the agency") is related to it, never in conflict with it.

use super::words::words;
use crate::lexicon::{GenericWord, Lexicon as One};
use crate::model::{Actor, ActorId, ActorKind, Role, RolePart, Span};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Who a claim is given to (speaker) or credited to (source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    /// The resolved actor, when known.
    pub actor: Option<ActorId>,
    /// The name to show: the actor's name, or the words as written.
    pub name: String,
    /// What identifies it; shared by every mention of one actor.
    pub identity: Arc<Identity>,
    /// For a description ("the finance minister"), its role words, the noun last.
    pub role: Option<Vec<String>>,
    /// Where the name stands.
    pub span: Span,
    /// The actor's kind, when resolved.
    pub kind: Option<ActorKind>,
    /// The words written right before the name where this mention stands, folded
    /// ("Brightwater Mining chief executive" before "Karen Liu"): the body and role this
    /// mention gives the person, which resolution may have kept apart.
    pub title: Vec<String>,
    /// Who it is was guessed, not stated where the claim stands: a pronoun ("he said")
    /// resolved to someone, or a speaker named in another sentence.
    pub guessed: bool,
}

/// What identifies a party, read once per actor (or per written name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// Folded identifying words of every form of the name: titles, occupations,
    /// corporate suffixes and words that say only what kind of source it is left out.
    pub tokens: BTreeSet<String>,
    /// The words of the fullest personal name, in order, titles and occupations left out
    /// ("Head Coach Maria Lopez" gives `maria lopez`); empty for a body.
    pub personal: Vec<String>,
    /// Each role phrase's words up to its noun (for comparing descriptions by role): the
    /// roles resolution learned and the titles written before the name.
    pub roles: Vec<Vec<String>>,
    /// Every word of every role phrase, complements included ("director of the relief
    /// agency" gives `director`, `relief`, `agency`): the bodies a person heads.
    pub role_words: BTreeSet<String>,
    /// The initials of a body's name of several words ("amd" for Advanced Micro Devices).
    pub initials: Option<String>,
    /// Named only by words of a kind of source ("officials", "Iranian media").
    pub generic: bool,
}

/// How two parties stand to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same one (one actor, agreeing names, a fitting description).
    Same,
    /// A person and a body the person heads and speaks for.
    Related,
    /// Nothing to tell them apart: a generic body, or a guessed speaker.
    Unknown,
    /// Two that cannot be one.
    Different,
}

/// Most characters of a given name taken for a short form of a longer one ("Phil" of
/// "Phillip"): a shorter shared beginning is a coincidence.
const MIN_SHORT_FORM_CHARS: usize = 3;

/// Words that say what kind of source something is, not which one: never identifying
/// words of a name.
const GENERIC: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "in",
    "to",
    "mr",
    "mrs",
    "ms",
    "dr",
    "media",
    "medium",
    "report",
    "reports",
    "reported",
    "news",
    "agency",
    "state",
    "run",
    "official",
    "officials",
    "source",
    "sources",
    "international",
    "local",
    "foreign",
    "western",
    "its",
    "his",
    "her",
    "their",
    "president",
    "presidential",
    "leader",
    "minister",
    "ministry",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "office",
    "government",
    "said",
    "statement",
    "s",
];

/// Generational suffixes after a personal name ("Jr."): no identifying words.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The folded words of `s`, a possessive ending removed.
fn folded(s: &str) -> Vec<String> {
    words(s, Span::new(0, s.len()))
        .into_iter()
        .map(|w| {
            let n = w.norm.as_ref();
            n.strip_suffix("'s").unwrap_or(n).to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a folded word is a title, a role noun or an occupation: a word that may stand
/// before a name without being part of it.
fn title_word(w: &str) -> bool {
    let one = One::get();
    one.titles.contains_key(w)
        || one.roles.contains(w)
        || one.comparison.occupations.contains(w)
        || TITLE_ONLY_WORDS.contains(&w)
}

/// Whether a folded word is a courtesy title ("mr", "dr"), which says no role.
fn honorific(w: &str) -> bool {
    One::get().titles.get(w).copied().unwrap_or(false)
}

/// A person's name as written, split into the titles before it and the name itself:
/// "Palmer Public Safety Director Jon Owen" gives (`palmer public safety director`,
/// `jon owen`). The last word is always the name's.
fn split_title(ws: &[String]) -> (&[String], &[String]) {
    let cut = ws
        .iter()
        .take(ws.len().saturating_sub(1))
        .rposition(|w| title_word(w))
        .map_or(0, |k| k + 1);
    let (title, mut name) = ws.split_at(cut);
    while let Some((last, rest)) = name.split_last() {
        if rest.is_empty() || !NAME_SUFFIXES.contains(&last.as_str()) {
            break;
        }
        name = rest;
    }
    (title, name)
}

/// A body's name without the corporate suffixes that end it ("advanced micro devices
/// inc" gives `advanced micro devices`).
fn without_suffixes(ws: &[String]) -> &[String] {
    let suffixes = &One::get().comparison.corporate_suffixes;
    let mut ws = ws;
    while let Some((last, rest)) = ws.split_last() {
        if rest.is_empty() || !suffixes.contains(last.as_str()) {
            break;
        }
        ws = rest;
    }
    ws
}

/// Whether folded words name only a kind of source: generic nouns with qualifiers,
/// nationalities or places before them, a generic noun last ("state television",
/// "Iranian officials", "the police").
pub fn generic_words(ws: &[String]) -> bool {
    let one = One::get();
    let Some((last, rest)) = ws.split_last() else {
        return false;
    };
    one.comparison.generic_words.get(last.as_str()) == Some(&GenericWord::Noun)
        && rest.iter().all(|w| {
            one.comparison.generic_words.contains_key(w.as_str())
                || one.nationalities.contains_key(w.as_str())
                || one.places.contains_key(w.as_str())
        })
}

/// Whether the words after a body's name make it the body speaking through its own
/// people ("CNN management", "AMD officials"): generic-body words only, a noun last.
pub fn speaks_for_body(after_name: &str) -> bool {
    let ws = folded(after_name);
    !ws.is_empty() && generic_words(&ws)
}

/// A role phrase as lower-case words up to its noun, without determiners, possessives
/// and nationality adjectives: "the Chinese Foreign Minister" -> ["foreign", "minister"],
/// "president of Belarus" -> ["president"], "ambassador to Minsk" -> ["ambassador"]
/// ("secretary of state" and "head of government" stay whole).
pub fn role_words(role: &Role) -> Vec<String> {
    let one = One::get();
    role.title()
        .filter(|w| {
            !matches!(w.part, RolePart::Determiner | RolePart::Possessor)
                && !one.nationalities.contains_key(w.text)
        })
        .map(|w| w.text.to_string())
        .collect()
}

/// The role words of a description ("the finance minister" -> ["finance", "minister"]),
/// when `written` is one: a determiner, then words ending in a role noun or an
/// occupation.
pub fn description_role(written: &str) -> Option<Vec<String>> {
    let lower = written.to_lowercase();
    if !["the ", "a ", "an "].iter().any(|d| lower.starts_with(d)) {
        return None;
    }
    let ws = role_words(&Role::new(&lower));
    let last = ws.last()?;
    let one = One::get();
    (one.roles.contains(last.as_str()) || one.comparison.occupations.contains(last.as_str()))
        .then_some(ws)
}

/// Most words read back from a name as the title written before it.
const MAX_TITLE_WORDS: usize = 6;

/// Words that end a title read back from a name: what stands before them is no part of
/// it ("Mayor Ellen Brandt and Police Chief Victor Salas").
const NOT_TITLE_WORDS: &[&str] = &[
    "and", "or", "with", "by", "for", "to", "at", "in", "on", "from", "said", "says", "told", "as",
    "than", "that", "who", "when", "while", "after", "before",
];

/// The folded words written right before byte `at` of `text`, back to a punctuation
/// mark, a word that cannot be part of a title, or [`MAX_TITLE_WORDS`].
pub fn written_title(text: &str, at: usize) -> Vec<String> {
    let Some(before) = text.get(..at) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for raw in before.split(' ').rev().skip(1) {
        let word_like = !raw.is_empty()
            && raw
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '\'' | '\u{2019}'));
        if !word_like || out.len() == MAX_TITLE_WORDS {
            break;
        }
        let w = folded(raw).join(" ");
        if w.is_empty() || NOT_TITLE_WORDS.contains(&w.as_str()) {
            break;
        }
        out.push(w);
    }
    out.reverse();
    out
}

/// Words that may stand in a title written without a name ("President-elect", "Acting
/// Governor") besides titles, role nouns and description words.
const TITLE_ONLY_WORDS: &[&str] = &["elect", "designate"];

/// The role words of a title written alone, without a determiner or a name
/// ("President-elect", "Deputy Minister"): every word a title, role, occupation or
/// description word, the last a title.
pub fn bare_title(written: &str) -> Option<Vec<String>> {
    let ws = folded(written);
    let last = ws
        .iter()
        .rev()
        .find(|w| !TITLE_ONLY_WORDS.contains(&w.as_str()))?;
    let fits = |w: &String| {
        title_word(w)
            || TITLE_ONLY_WORDS.contains(&w.as_str())
            || One::get().is(w, crate::lexicon::flag::MODIFIER)
    };
    let role = ws
        .iter()
        .filter(|w| !TITLE_ONLY_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    (title_word(last) && !honorific(last) && ws.iter().all(fits)).then_some(role)
}

/// Whether `w` is a capitalised day or month name ("Tuesday", "March"), which names no
/// source ("citing new floods on Tuesday").
fn calendar_name(w: &str) -> bool {
    let mut chars = w.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    let lex = One::get();
    capitalised && (lex.is_weekday_name(w) || lex.is_month_name(w))
}

/// Whether an unresolved speaker reads as a name ("Qin Gang", "the Kremlin") rather than
/// a description ("a 12-point paper", "officials").
pub fn looks_named(s: &str) -> bool {
    s.split_whitespace()
        .enumerate()
        .filter(|(i, w)| !(*i == 0 && matches!(*w, "The" | "A" | "An" | "This" | "These")))
        .any(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a speaker is written as a pronoun.
pub fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "we" | "i" | "you" | "him" | "her" | "them"
    )
}

impl Identity {
    /// The identity of a resolved actor: its name and aliases, its roles.
    pub fn of_actor(a: &Actor) -> Identity {
        let mut id = Identity::default();
        let forms = std::iter::once(&a.name).chain(&a.aliases);
        let person = a.kind == ActorKind::Person;
        for form in forms {
            id.add_form(form, person);
        }
        for r in &a.roles {
            id.roles.push(role_words(r));
            id.role_words.extend(r.words().map(|w| w.text.to_string()));
        }
        id.generic = generic_words(&folded(&a.name));
        id
    }

    /// The identity of a name or description as written, unresolved.
    pub fn of_written(text: &str) -> Identity {
        let mut id = Identity::default();
        let ws = folded(text);
        let body = ws
            .last()
            .is_some_and(|w| One::get().heads.contains_key(w.as_str()));
        id.add_form(text, !body);
        id.generic = generic_words(&ws);
        id
    }

    /// Reads one written form of the name.
    fn add_form(&mut self, form: &str, person: bool) {
        let ws = folded(form);
        let name: &[String] = if person {
            let (title, name) = split_title(&ws);
            // "President-elect" holds the role "president" to come
            let title: Vec<String> = title
                .iter()
                .filter(|w| !honorific(w) && !TITLE_ONLY_WORDS.contains(&w.as_str()))
                .cloned()
                .collect();
            if !title.is_empty() {
                self.role_words.extend(title.iter().cloned());
                self.roles.push(title);
            }
            if name.len() > self.personal.len() {
                self.personal = name.to_vec();
            }
            name
        } else {
            let name = without_suffixes(&ws);
            let initials: String = name
                .iter()
                .filter(|w| !matches!(w.as_str(), "of" | "and" | "the" | "for" | "&"))
                .filter_map(|w| w.chars().next())
                .collect();
            if initials.chars().count() >= 2 && self.initials.is_none() {
                self.initials = Some(initials);
            }
            name
        };
        self.tokens.extend(
            name.iter()
                .filter(|w| !GENERIC.contains(&w.as_str()))
                .cloned(),
        );
    }

    /// Whether this person's roles name the body `other` (its identifying words, its
    /// initials, or the noun a description of it ends in: "director of the agency" and
    /// "the agency").
    fn heads(&self, other: &Identity, other_role: Option<&[String]>, other_name: &str) -> bool {
        if self.role_words.is_empty() {
            return false;
        }
        let named = other.tokens.iter().any(|t| self.role_words.contains(t))
            || other
                .initials
                .as_ref()
                .is_some_and(|i| self.role_words.contains(i));
        let head = other_role
            .and_then(|r| r.last().cloned())
            .or_else(|| folded(other_name).last().cloned());
        named
            || head.is_some_and(|h| {
                One::get().heads.contains_key(h.as_str()) && self.role_words.contains(&h)
            })
    }
}

/// Whether two given names can be one: equal, a short form of the other ("Phil",
/// "Phillip"), an initial ("J."), or one letter apart ("Jon", "John").
fn given_names_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() == 1 {
        return long.starts_with(short);
    }
    if short.chars().count() >= MIN_SHORT_FORM_CHARS && long.starts_with(short) {
        return true;
    }
    one_edit_apart(short, long)
}

/// Whether two words differ by one inserted, deleted or replaced character.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(&long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Whether two personal names can name one person: one's words all in the other's
/// ("Reed" and "Tom Reed"; "Wu Xiaoling" and "Xiaoling Wu"), or the same family name
/// with given names that agree ("Jon Owen" and "John Owen"). `None` when either is
/// empty.
pub fn names_agree(a: &[String], b: &[String]) -> Option<bool> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.iter().all(|w| long.contains(w)) {
        return Some(true);
    }
    let shared: Vec<&String> = short.iter().filter(|w| long.contains(w)).collect();
    if shared.is_empty() {
        return Some(false);
    }
    // The words that differ, in order, must pair up as forms of one given name.
    let rest_a: Vec<&String> = short.iter().filter(|w| !long.contains(w)).collect();
    let rest_b: Vec<&String> = long.iter().filter(|w| !short.contains(w)).collect();
    Some(
        rest_a.len() <= rest_b.len()
            && rest_a
                .iter()
                .zip(&rest_b)
                .all(|(x, y)| given_names_agree(x, y)),
    )
}

/// Whether two role nouns name one occupation: equal, or one another word for the
/// other ("lawyer" and "attorney", "spokeswoman" and "spokesman").
fn same_occupation(a: &str, b: &str) -> bool {
    let same = &One::get().comparison.same_occupation;
    let canonical = |w: &str| same.get(w).map_or(w.to_string(), String::clone);
    a == b || canonical(a) == canonical(b)
}

/// Whether a description's role words can describe an actor with these role phrases:
/// the actor's roles are unknown, or one has the description's noun and, where the
/// actor's phrases with that noun say more ("interior minister"), carries the
/// description's other words too ("the finance minister" is not the interior minister).
fn role_fits(desc: &[String], phrases: &[Vec<String>]) -> bool {
    let Some(head) = desc.last() else {
        return true;
    };
    if phrases.is_empty() {
        return true;
    }
    // A bare generic noun ("the leader", "a senior official") fits anyone; with words
    // that say which ("the opposition leader", "the police chief") it is a role.
    if matches!(head.as_str(), "official" | "leader" | "head" | "chief")
        && desc[..desc.len() - 1]
            .iter()
            .all(|w| crate::extract::actors::lexicon::vague_qualifier(w))
    {
        return true;
    }
    let same = |w: &String| same_occupation(w, head);
    let with_head: Vec<&Vec<String>> = phrases
        .iter()
        .filter(|p| p.last().is_some_and(same))
        .collect();
    if with_head.is_empty() {
        return false;
    }
    desc.len() == 1
        || with_head.iter().all(|p| p.len() == 1)
        || with_head
            .iter()
            .any(|p| desc[..desc.len() - 1].iter().all(|w| p.contains(w)))
}

impl Party {
    /// Whether this party is a person (resolved as one, described by a role, or an
    /// unresolved name that is no body's).
    pub fn is_person(&self) -> bool {
        match self.kind {
            Some(k) => k == ActorKind::Person,
            None => self.role.is_some() || !self.identity.personal.is_empty(),
        }
    }

    /// How this party stands to `other`: identity first (one actor, two full names),
    /// then descriptions by role, people and the bodies they head, bodies by name.
    pub fn relation(&self, other: &Party) -> Relation {
        if self.actor.is_some() && self.actor == other.actor {
            return Relation::Same;
        }
        if self.guessed || other.guessed || self.identity.generic || other.identity.generic {
            return Relation::Unknown;
        }
        let same = |yes: bool| {
            if yes {
                Relation::Same
            } else {
                Relation::Different
            }
        };
        match (&self.role, &other.role) {
            (Some(r), Some(s)) => {
                return same(
                    role_fits(r, std::slice::from_ref(s)) || role_fits(s, std::slice::from_ref(r)),
                )
            }
            (Some(_), None) => return other.relation_to_description(self),
            (None, Some(_)) => return self.relation_to_description(other),
            (None, None) => {}
        }
        if self.titled_by(other) || other.titled_by(self) {
            return Relation::Related;
        }
        match (self.is_person(), other.is_person()) {
            (true, true) => match names_agree(&self.identity.personal, &other.identity.personal) {
                Some(agree) => same(agree),
                None => same(self.shares_a_name_word(other)),
            },
            (true, false) => self.relation_to_body(other),
            (false, true) => other.relation_to_body(self),
            (false, false) => same(
                self.shares_a_name_word(other)
                    || self
                        .identity
                        .initials
                        .as_ref()
                        .is_some_and(|i| other.identity.tokens.contains(i))
                    || other
                        .identity
                        .initials
                        .as_ref()
                        .is_some_and(|i| self.identity.tokens.contains(i)),
            ),
        }
    }

    /// How this named party stands to a description (`desc`, whose `role` is set).
    fn relation_to_description(&self, desc: &Party) -> Relation {
        let r = desc.role.as_deref().unwrap_or_default();
        if self.is_person() {
            let fits = role_fits(r, &self.identity.roles);
            return if fits {
                Relation::Same
            } else {
                Relation::Different
            };
        }
        // "a Vodafone customer representative" speaks for Vodafone
        if self.identity.tokens.iter().any(|t| r.contains(t)) {
            Relation::Related
        } else {
            Relation::Different
        }
    }

    /// How this person stands to a body: related when a role names it.
    fn relation_to_body(&self, body: &Party) -> Relation {
        if self
            .identity
            .heads(&body.identity, body.role.as_deref(), &body.name)
        {
            Relation::Related
        } else {
            Relation::Different
        }
    }

    /// Whether the title written before this person's name names all of `other`
    /// ("Brightwater Mining chief executive Karen Liu" and "Brightwater Mining"): the
    /// person heads or speaks for it, whatever kind resolution gave it.
    fn titled_by(&self, other: &Party) -> bool {
        let words = &other.identity.tokens;
        self.is_person()
            && !self.title.is_empty()
            && !words.is_empty()
            && words.iter().all(|w| self.title.contains(w))
    }

    fn shares_a_name_word(&self, other: &Party) -> bool {
        let (a, b) = (&self.identity.tokens, &other.identity.tokens);
        if a.is_empty() || b.is_empty() {
            // only generic words: "media reports" vs "state media"
            return a.is_empty() && b.is_empty();
        }
        a.intersection(b).next().is_some()
    }

    /// Whether two parties can be the same one as sources: the same actor, names that
    /// share an identifying word, or two unnamed kinds of source ("state television",
    /// "Iranian media"). A generic source against a named one is a difference of
    /// sourcing, shown as such.
    pub fn same_source(&self, other: &Party) -> bool {
        if self.actor.is_some() && self.actor == other.actor {
            return true;
        }
        if self.identity.generic || other.identity.generic {
            return self.identity.generic && other.identity.generic;
        }
        // Words read as a source that name no one ("citing manual floods") are compared
        // as words: one shared identifying word is one source.
        let unnamed = |p: &Party| {
            let name: Vec<&str> = p
                .name
                .split_whitespace()
                .filter(|w| !calendar_name(w.trim_matches(|c: char| !c.is_alphabetic())))
                .collect();
            p.actor.is_none() && p.role.is_none() && !looks_named(&name.join(" "))
        };
        if unnamed(self) || unnamed(other) {
            return self.shares_a_name_word(other);
        }
        self.relation(other) != Relation::Different
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn titles_and_occupations_before_a_name_are_roles() {
        // written | personal name | title
        let cases = "Singer Tom Reed | tom reed | singer
            Head Coach Maria Lopez | maria lopez | head coach
            Palmer Public Safety Director Jon Owen | jon owen | palmer public safety director
            Transport Minister Wu Xiaoling | wu xiaoling | transport minister
            Mr. Kelly | kelly |
            President-elect Ana Ruiz | ana ruiz | president
            Julie Bishop | julie bishop |
            Reed | reed |";
        for case in cases.lines() {
            let [written, name, title] =
                [0, 1, 2].map(|k| case.split('|').nth(k).unwrap_or("").trim());
            let id = Identity::of_written(written);
            assert_eq!(id.personal.join(" "), name, "{written}");
            let roles: Vec<String> = id.roles.iter().map(|r| r.join(" ")).collect();
            assert_eq!(roles.join("|"), title, "{written}");
        }
    }

    #[test]
    fn personal_names_agree_by_family_and_given_name() {
        for (a, b, want) in [
            ("tom reed", "reed", true),
            ("wu xiaoling", "xiaoling wu", true),
            ("jon owen", "john owen", true),
            ("phil stirling", "phillip stirling", true),
            ("j smith", "john smith", true),
            ("jon owen", "ed fogels", false),
            ("chela ortiz", "jerry ortiz", false),
            ("owen", "mcnutt", false),
        ] {
            assert_eq!(names_agree(&ws(a), &ws(b)), Some(want), "{a} / {b}");
        }
    }

    #[test]
    fn bodies_without_suffixes_and_by_initials() {
        let a = Identity::of_written("the Advanced Micro Devices Inc.");
        assert!(a.tokens.contains("devices") && !a.tokens.contains("inc"));
        let mut b = Identity::default();
        b.add_form("Advanced Micro Devices", false);
        assert_eq!(b.initials.as_deref(), Some("amd"));
    }

    #[test]
    fn titles_are_read_back_from_a_name() {
        for (text, name, want) in [
            (
                "Brightwater Mining chief executive Karen Liu said",
                "Karen",
                "brightwater mining chief executive",
            ),
            (
                "Mayor Ellen Brandt and Police Chief Victor Salas",
                "Victor",
                "police chief",
            ),
            ("on Monday. Salas said", "Salas", ""),
            ("“Nobody will go hungry,” Salas said", "Salas", ""),
        ] {
            let at = text.find(name).unwrap_or_default();
            assert_eq!(written_title(text, at).join(" "), want, "{text}");
        }
    }

    #[test]
    fn titles_written_alone_are_roles() {
        for (written, want) in [
            ("President-elect", Some("president")),
            ("Deputy Minister", Some("deputy minister")),
            ("Acting Governor", Some("acting governor")),
            ("Mr.", None),
            ("Tom Reed", None),
            ("President Xi", None),
        ] {
            assert_eq!(
                bare_title(written).map(|w| w.join(" ")).as_deref(),
                want,
                "{written}"
            );
        }
    }

    #[test]
    fn generic_bodies() {
        for (s, want) in [
            ("authorities", true),
            ("Iranian media", true),
            ("state television", true),
            ("the police", true),
            ("senior officials", true),
            ("Undersheriff Larry Waldie", false),
            ("the Foreign Ministry", false),
            ("CNN", false),
        ] {
            assert_eq!(generic_words(&folded(s)), want, "{s}");
        }
    }
}
