//! What sets two happenings of one kind apart: the names and numbers each one's reports
//! keep putting in their titles and leads that the other's reports never mention.
//!
//! Two earthquakes on one island share the island, the country and every word of the
//! kind; what they do not share is the magnitude, the toll and the day, which each
//! one's reports repeat in their leads. A story's *core* is the name, name phrase and
//! number keys of the title and lead held by at least [`StoriesConfig::core_share`] of
//! its documents (and by two at least). Two stories of two documents or more *conflict*
//! when each has a core key that no document of the other mentions anywhere: then they
//! are two happenings, however alike their words. One side's core being all known to
//! the other is no conflict: a trial report that names the gunman found later still
//! names the victim and the place of the shooting. A story of one document has no core
//! and never conflicts, so a lone report joins by similarity alone, unless its lead
//! says it reports another happening of the kind ("another fire", "an aftershock"):
//! then it joins no side whose lead numbers it never names while that side never names
//! the numbers of its own lead ([`Marks::follow_up_conflict`]).

use super::profile::Key;
use super::StoriesConfig;
use rustc_hash::FxHashMap;

/// Fewest documents that make a key a story's core (a key one report puts in its lead
/// says nothing about what the story's reports agree on).
const MIN_CORE_DOCS: u32 = 2;

/// The kind of a number key.
const NUMBER_KIND: u8 = super::profile::KeyKind::Number as u8;

/// The name and number keys of a story, for telling it from another of its kind.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Marks {
    /// How many documents.
    pub size: u32,
    /// Per name, name phrase or number key, how many documents mention it anywhere.
    pub named: FxHashMap<Key, u32>,
    /// Per name phrase or number key, its kind and how many documents have it in their
    /// title or lead.
    pub lead: FxHashMap<Key, (u8, u32)>,
    /// Whether it is one report whose title or lead says it reports another happening
    /// of a kind already reported ("another quake", "an aftershock").
    pub follow_up: bool,
}

impl Marks {
    /// The marks of one document with those `named` keys and those `lead` keys (with
    /// their kinds) in its title or lead, which says it reports another happening of a
    /// kind when `follow_up`.
    pub fn of_document(named: &[Key], lead: &[(Key, u8)], follow_up: bool) -> Marks {
        Marks {
            size: 1,
            named: named.iter().map(|&k| (k, 1)).collect(),
            lead: lead.iter().map(|&(k, kind)| (k, (kind, 1))).collect(),
            follow_up,
        }
    }

    /// Both stories' marks together; the larger maps take the smaller ones, so that a
    /// document's keys are moved a logarithmic number of times at most.
    pub fn merge(mut self, mut other: Marks) -> Marks {
        if self.named.len() < other.named.len() {
            std::mem::swap(&mut self.named, &mut other.named);
        }
        if self.lead.len() < other.lead.len() {
            std::mem::swap(&mut self.lead, &mut other.lead);
        }
        for (k, n) in other.named {
            *self.named.entry(k).or_default() += n;
        }
        for (k, (kind, n)) in other.lead {
            self.lead.entry(k).or_insert((kind, 0)).1 += n;
        }
        self.size += other.size;
        self.follow_up = false;
        self
    }

    /// Whether each story has a core key of one kind (two name phrases, or two
    /// numbers) that the other does not mention: two tolls, two suspects' names. Kinds
    /// are not mixed: one story's own number against the other's own name is what two
    /// groups of reports of one happening look like when each quotes its own people.
    pub fn conflict(&self, other: &Marks, config: &StoriesConfig) -> bool {
        self.own_core_kinds(other, config) & other.own_core_kinds(self, config) != 0
    }

    /// The kinds (bit `1 << kind`) of the core keys of `self` that `other` does not
    /// mention: mentioned by fewer than [`StoriesConfig::foreign_share`] of its
    /// documents.
    fn own_core_kinds(&self, other: &Marks, config: &StoriesConfig) -> u32 {
        self.own_kinds(other, config, MIN_CORE_DOCS)
    }

    /// Whether a story of one document and a story of several would conflict if that
    /// one document's title and lead were a story's core: the first report of another
    /// happening of the kind, which the batch may pair with a later report of its own
    /// before either meets the story. Merging never asks this (a lone report's lead
    /// names many things its story's other reports do not); [`super::Stories::add`]
    /// reports it as a possible difference from the batch.
    pub fn lone_conflict(&self, story: &Marks, config: &StoriesConfig) -> bool {
        self.size == 1
            && story.size >= MIN_CORE_DOCS
            && self.own_kinds(story, config, 1) & story.own_core_kinds(self, config) != 0
    }

    /// Whether one of the two is a lone follow-up report (its lead says it reports
    /// another happening of a kind: "a second quake", "an aftershock"), both put numbers
    /// in their leads, and no document of either mentions a lead number of the other:
    /// the report of a second quake shares the island and the kind with the reports of
    /// another quake, not the magnitude or the toll of its lead. A follow-up that names
    /// a lead number of the other anywhere (the first quake's magnitude, in passing) is
    /// no other happening than that one and may join it.
    pub fn follow_up_conflict(&self, other: &Marks) -> bool {
        let (report, side) = match (self.follow_up, other.follow_up) {
            (true, _) => (self, other),
            (false, true) => (other, self),
            (false, false) => return false,
        };
        let ours = report.lead_numbers();
        let theirs = side.lead_numbers();
        !ours.is_empty()
            && !theirs.is_empty()
            && ours.iter().all(|k| !side.named.contains_key(k))
            && theirs.iter().all(|k| !report.named.contains_key(k))
    }

    /// The number keys that a document of the story puts in its title or lead.
    fn lead_numbers(&self) -> Vec<Key> {
        self.lead
            .iter()
            .filter(|(_, &(kind, _))| kind == NUMBER_KIND)
            .map(|(&k, _)| k)
            .collect()
    }

    /// [`Marks::own_core_kinds`] with cores of at least `min_docs` documents.
    fn own_kinds(&self, other: &Marks, config: &StoriesConfig, min_docs: u32) -> u32 {
        if self.size < min_docs {
            return 0;
        }
        let share = (config.core_share * f64::from(self.size)).ceil() as u32;
        let need = share.max(min_docs);
        // a report that strayed into `other` early does not make the key its own
        let foreign = (config.foreign_share * f64::from(other.size)).max(1.0);
        let mut kinds = 0;
        for (k, &(kind, n)) in &self.lead {
            if n >= need && f64::from(other.named.get(k).copied().unwrap_or(0)) < foreign {
                kinds |= 1 << kind;
            }
        }
        kinds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBER: u8 = super::super::profile::KeyKind::Number as u8;

    fn story(docs: &[(&[Key], &[Key])]) -> Marks {
        docs.iter()
            .map(|(named, lead)| {
                let lead: Vec<(Key, u8)> = lead.iter().map(|&k| (k, NUMBER)).collect();
                Marks::of_document(named, &lead, false)
            })
            .reduce(Marks::merge)
            .unwrap_or_default()
    }

    #[test]
    fn two_happenings_with_their_own_leads_conflict() {
        let c = StoriesConfig::default();
        // keys: 1 the island, 2 one magnitude, 3 another, 4 a toll
        let first = story(&[(&[1, 2], &[1, 2]), (&[1, 2], &[2])]);
        let second = story(&[(&[1, 3, 4], &[3, 4]), (&[1, 4], &[1, 4])]);
        assert!(first.conflict(&second, &c));
        // a follow-up that mentions the first one's magnitude is no other happening
        let follow = story(&[(&[1, 2, 4], &[4]), (&[1, 4], &[4])]);
        assert!(!first.conflict(&follow, &c));
        // a lone report never conflicts
        assert!(!first.conflict(&story(&[(&[3], &[3])]), &c));
    }

    #[test]
    fn a_lone_follow_up_with_numbers_of_its_own_is_another_happening() {
        // keys: 1 the island, 2 the first quake's magnitude, 3 its toll, 4 and 5 the
        // follow-up's magnitude and count of injured
        let first = story(&[(&[1, 2, 3], &[2, 3]), (&[1, 2, 3], &[2])]);
        let lead: Vec<(Key, u8)> = [4, 5].iter().map(|&k| (k, NUMBER)).collect();
        let follow_up = Marks::of_document(&[1, 4, 5], &lead, true);
        assert!(follow_up.follow_up_conflict(&first));
        assert!(first.follow_up_conflict(&follow_up));
        // naming the first one's magnitude in passing ties it to that happening
        let naming = Marks::of_document(&[1, 2, 4, 5], &lead, true);
        assert!(!naming.follow_up_conflict(&first));
        // without the follow-up word it is a lone report, judged by similarity alone
        let plain = Marks::of_document(&[1, 4, 5], &lead, false);
        assert!(!plain.follow_up_conflict(&first));
        // once merged into a story it is no longer a lone report
        assert!(!follow_up.clone().merge(plain).follow_up_conflict(&first));
    }
}
