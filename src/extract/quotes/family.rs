//! A speaker named by the family name alone ("Clinton said", or "she said" after
//! "Clinton spoke") in a document that names two people of that family in full ("Hillary
//! Clinton", "Bill Clinton"): the bare name names no one by itself, and resolution
//! leaves it without an actor. The speaker is the person of that family whom the
//! pronoun's gender or the bare name's own title ("Mrs. Clinton") fits, and of those the
//! one the document names most often before (the subject of the article), the first
//! introduced on a tie.

use super::frame::Frame;
use crate::extract::actors::{Gender, MentionForm};
use crate::model::ActorKind;
use rustc_hash::FxHashMap;

/// How many full names of one family before a mention are weighed (the latest ones).
const FULL_NAMES_WEIGHED: usize = 64;

/// The person mentions named in full (two words or more), by the lower-cased last
/// word of their name, in text order.
pub(super) struct FullNames<'t> {
    by_family: FxHashMap<&'t str, Vec<usize>>,
}

impl<'t> FullNames<'t> {
    pub(super) fn new(f: &Frame<'t>) -> FullNames<'t> {
        let mut by_family: FxHashMap<&'t str, Vec<usize>> = FxHashMap::default();
        for (mi, m) in f.mentions.iter().enumerate() {
            if m.kind != ActorKind::Person || m.form != MentionForm::Name || m.quoted {
                continue;
            }
            let (first, last) = name_toks(f, mi);
            if first < last {
                by_family.entry(f.toks.lower(last)).or_default().push(mi);
            }
        }
        FullNames { by_family }
    }

    /// The mention named in full that the one-word person mention `mi` stands for,
    /// `gender` being what a pronoun for it says; `None` when `mi` is no bare family
    /// name or no full name of its family before it fits.
    pub(super) fn full_name(&self, f: &Frame, mi: usize, gender: Option<Gender>) -> Option<usize> {
        let m = &f.mentions[mi];
        if m.kind != ActorKind::Person || m.form != MentionForm::Name {
            return None;
        }
        let (first, last) = name_toks(f, mi);
        if first != last {
            return None;
        }
        let family = self.by_family.get(f.toks.lower(last))?;
        let upto = family.partition_point(|&c| f.mentions[c].span.start < m.span.start);
        let before = &family[upto.saturating_sub(FULL_NAMES_WEIGHED)..upto];
        let gender = gender.or(m.gender);
        let fits = |c: usize, strict: bool| {
            let g = f.mentions[c].gender;
            match gender {
                Some(want) if strict => g == Some(want),
                Some(want) => g.is_none_or(|g| g == want),
                None => true,
            }
        };
        // A full name that states the gender first ("she": "Hillary Clinton" over a
        // "Chelsea Clinton" of unknown gender only when none states it).
        let strict = before.iter().any(|&c| fits(c, true));
        // One family has a few given names: count each as it comes (given name, count,
        // latest mention); on a tie the one introduced first, the article's subject.
        let given = |c: usize| f.toks.lower(name_toks(f, c).0);
        let mut seen: Vec<(&str, usize, usize)> = Vec::new();
        for &c in before.iter().filter(|&&c| fits(c, strict)) {
            crate::work::tick(seen.len() + 1);
            match seen.iter_mut().find(|(g, _, _)| *g == given(c)) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 = c;
                }
                None => seen.push((given(c), 1, c)),
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for &(_, count, latest) in &seen {
            if best.is_none_or(|(n, _)| count > n) {
                best = Some((count, latest));
            }
        }
        best.map(|(_, c)| c)
    }
}

/// The first and last token of mention `mi`'s name (titles left out).
fn name_toks(f: &Frame, mi: usize) -> (usize, usize) {
    let (_, last) = f.mention_toks(mi);
    let first = f.toks.at_or_after(f.mentions[mi].name_span.start).min(last);
    (first, last)
}
