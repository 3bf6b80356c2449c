//! Across documents: which mentions name the same actor.
//!
//! People are clustered by their names. A full name is split into family and given
//! names (family name first for names whose first part is a listed Chinese, Korean or
//! Vietnamese family name, so "Mr Xi" is Xi Jinping). Two full names are one person
//! when their given names agree and their family names are equal or transliteration
//! variants (Zelensky / Zelenskyy); a shared family name never merges two full names
//! whose given names disagree (Wang Yi / Wang Wenbin). A bare family name ("Xi",
//! "Mr Li") joins the one full name with that family name in its document, else the one
//! in the whole input; when there are several it stays unassigned rather than guessed.
//! Bodies are clustered by name and nationality ("Chinese foreign ministry" and
//! "China’s foreign ministry" are one), and a bare name or "the ministry" joins the one
//! body of that kind mentioned before it. Descriptions of people ("the Belarusian
//! leader", "the premier") join the actor whose roles and nationality fit, preferring
//! actors mentioned just before in the same document.
//!
//! Results do not depend on the order of the documents: documents are visited in id
//! order and actors are numbered after sorting by name.
//!
//! ```
//! use corroborate::{extract::actors, resolve, segment, Document};
//! let docs = vec![
//!     Document::new("a", "Chinese President Xi Jinping met Wang Yi."),
//!     Document::new("b", "Mr Xi spoke. Foreign ministry spokesman Wang Wenbin agreed."),
//! ];
//! let mentions: Vec<_> = docs.iter().map(|d| actors::mentions(d, &segment::sentences(d))).collect();
//! let r = resolve::actors(&docs, &mentions);
//! let names: Vec<&str> = r.actors.iter().map(|a| a.name.as_str()).collect();
//! assert_eq!(names, ["Wang Wenbin", "Wang Yi", "Xi Jinping"]);
//! assert_eq!(r.actors[2].aliases, ["Mr Xi", "President Xi Jinping", "Xi"]);
//! ```

use crate::extract::actors::lexicon::{Lexicon, Map};
use crate::extract::actors::{LocalMention, MentionForm};
use crate::extract::DocumentExtraction;
use crate::model::{Actor, ActorId, ActorKind, Document, Mention, Quote, QuoteId, QuoteKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Actors and quotations across a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// One actor per person or body, sorted by name, ids from 0.
    pub actors: Vec<Actor>,
    /// Every quotation, direct and indirect, in document-id then text order.
    pub quotes: Vec<Quote>,
}

/// The actors of `docs` and their quotations with speakers, from each document's own
/// extraction (`found[d]` is [`crate::extract::document`] of `docs[d]`).
///
/// The result does not depend on the order of `docs`.
///
/// ```
/// use corroborate::{extract, resolve, Document};
/// let docs = [
///     Document::new("a", "“We will win,” President Xi Jinping said."),
///     Document::new("b", "“We will surely win,” Mr Xi said."),
/// ];
/// let found: Vec<_> = docs.iter().map(extract::document).collect();
/// let x = resolve::extraction(&docs, &found);
/// assert_eq!(x.actors.len(), 1);
/// assert_eq!(x.actors[0].name, "Xi Jinping");
/// assert!(x.quotes.iter().all(|q| q.speaker == Some(x.actors[0].id)));
/// ```
pub fn extraction(docs: &[Document], found: &[DocumentExtraction]) -> Extraction {
    let mentions: Vec<&[LocalMention]> = found.iter().map(|f| f.mentions.as_slice()).collect();
    let resolution = resolve_actors(docs, &mentions);
    // Documents in id order; each document's quotes are already in text order, so the
    // list comes out sorted unless two documents share an id.
    let mut order: Vec<usize> = (0..docs.len().min(found.len())).collect();
    order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id));
    let mut quotes = Vec::with_capacity(found.iter().map(|f| f.quotes.len()).sum());
    for &d in &order {
        let doc = &docs[d];
        for q in &found[d].quotes {
            quotes.push(Quote {
                id: QuoteId(0),
                doc: doc.id.clone(),
                span: q.span,
                text: q.span.slice(&doc.text).to_string(),
                kind: q.kind,
                speaker: q.speaker.and_then(|mi| resolution.actor_of(d, mi)),
                speaker_text: q.speaker_span.map(|s| s.slice(&doc.text).to_string()),
                speaker_span: q.speaker_span,
                cue: q.cue.map(|s| s.slice(&doc.text).to_string()),
            });
        }
    }
    let key = |q: &Quote| (q.span.start, q.span.end, q.kind == QuoteKind::Indirect);
    let in_order = quotes
        .windows(2)
        .all(|w| (&w[0].doc, key(&w[0])) <= (&w[1].doc, key(&w[1])));
    if !in_order {
        quotes.sort_by(|a, b| (&a.doc, key(a)).cmp(&(&b.doc, key(b))));
    }
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = QuoteId(i as u32);
    }
    Extraction {
        actors: resolution.actors,
        quotes,
    }
}

/// Actors across documents, and which actor each local mention belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// The actors, numbered in order of name.
    pub actors: Vec<Actor>,
    /// For document `d` (in the order given) and its mention `m`, the actor of that
    /// mention, or `None` (a place, an ambiguous bare name, an unresolved description).
    pub assignment: Vec<Vec<Option<ActorId>>>,
}

impl Resolution {
    /// The actor of mention `mention` of document `doc` (indices as given).
    pub fn actor_of(&self, doc: usize, mention: usize) -> Option<ActorId> {
        self.assignment.get(doc)?.get(mention).copied().flatten()
    }
}

/// A person's name, normalized.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PersonName {
    given: Vec<String>,
    family: String,
    /// Read family name first ("Xi Jinping").
    family_first: bool,
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let f = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ý' => 'y',
            'ř' => 'r',
            c if c.is_alphanumeric() || c == '-' => c,
            _ => continue,
        };
        out.push(f);
    }
    out
}

/// A spelling skeleton for transliteration variants: doubled letters collapse and
/// common endings of Slavic names agree (Zelenskyy / Zelensky / Zelenskiy).
fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars().filter(|c| *c != '-') {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    for (from, to) in [
        ("skiy", "sky"),
        ("skii", "sky"),
        ("skij", "sky"),
        ("kh", "h"),
        ("ck", "k"),
    ] {
        if out.ends_with(from) {
            out.truncate(out.len() - from.len());
            out.push_str(to);
        }
    }
    out
}

fn family_eq(a: &str, b: &str) -> bool {
    a == b || skeleton_eq(a, &skeleton(a), b, &skeleton(b))
}

/// [`family_eq`] with the skeletons already made.
fn skeleton_eq(a: &str, x: &str, b: &str, y: &str) -> bool {
    a == b
        || x == y
        || (x.len() >= 6
            && y.len() >= 6
            && x.len().abs_diff(y.len()) <= 1
            && x.as_bytes()[0] == y.as_bytes()[0]
            && strsim::levenshtein(x, y) <= 1)
}

fn given_eq(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            x == y
                || skeleton(x) == skeleton(y)
                || (x.chars().count() >= 5 && strsim::levenshtein(x, y) <= 1)
        }
        _ => false,
    }
}

fn person_name(name: &str) -> Option<PersonName> {
    let mut parts: Vec<String> = name
        .split(|c: char| c.is_whitespace())
        .map(fold)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.len() {
        0 => None,
        1 => Some(PersonName {
            given: vec![],
            family: parts.pop().unwrap_or_default(),
            family_first: false,
        }),
        _ => {
            if crate::extract::actors::reads_family_first(&parts) {
                let family = parts.remove(0);
                Some(PersonName {
                    given: parts,
                    family,
                    family_first: true,
                })
            } else {
                let family = parts.pop().unwrap_or_default();
                Some(PersonName {
                    given: parts,
                    family,
                    family_first: false,
                })
            }
        }
    }
}

/// A body's name without determiners or nationality words: "the Chinese foreign
/// ministry" and "China’s Foreign Ministry" both give "foreign ministry".
fn body_key(name: &str) -> String {
    let lex = Lexicon::get();
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_end_matches('’')
        })
        .collect();
    let mut start = 0;
    while start + 1 < words.len()
        && (matches!(words[start], "the" | "a" | "an")
            || lex.nationality.contains_key(words[start])
            || lex.places.contains_key(words[start]))
    {
        start += 1;
    }
    words[start..].join(" ")
}

#[derive(Default)]
struct Cluster {
    kind: Option<ActorKind>,
    members: Vec<(usize, usize)>,
    /// Documents with a member.
    docs: BTreeSet<usize>,
}

impl Cluster {
    fn new(kind: ActorKind) -> Cluster {
        Cluster {
            kind: Some(kind),
            ..Cluster::default()
        }
    }
    fn add(&mut self, d: usize, mi: usize) {
        self.members.push((d, mi));
        self.docs.insert(d);
    }
}

/// One actor per person or body across `docs`. `mentions[d]` are the mentions of
/// `docs[d]` from [`crate::extract::actors::mentions`]. Place mentions are left out.
pub fn actors(docs: &[Document], mentions: &[Vec<LocalMention>]) -> Resolution {
    let mentions: Vec<&[LocalMention]> = mentions.iter().map(Vec::as_slice).collect();
    resolve_actors(docs, &mentions)
}

/// [`actors`] over borrowed mention lists.
fn resolve_actors(docs: &[Document], mentions: &[&[LocalMention]]) -> Resolution {
    let mut order: Vec<usize> = (0..docs.len().min(mentions.len())).collect();
    order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id).then(a.cmp(&b)));
    let mut assign: Vec<Vec<Option<usize>>> =
        mentions.iter().map(|m| vec![None; m.len()]).collect();
    let mut clusters: Vec<Cluster> = Vec::new();

    // Kind and form of every mention, compact: the passes below filter on them, and
    // scanning these is much cheaper than scanning the mentions themselves.
    let meta: Vec<Vec<(ActorKind, MentionForm)>> = mentions
        .iter()
        .map(|ms| ms.iter().map(|m| (m.kind, m.form)).collect())
        .collect();
    let body_meta = |(kind, form): (ActorKind, MentionForm)| {
        kind != ActorKind::Person && form != MentionForm::Place
    };

    // The normalized name of every person name mention, made once per distinct name.
    let mut person_names: Vec<Option<PersonName>> = Vec::new();
    let mut name_index: Map<&str, usize> = Map::default();
    let names: Vec<Vec<Option<usize>>> = mentions
        .iter()
        .zip(docs)
        .map(|(ms, doc)| {
            ms.iter()
                .map(|m| {
                    (m.kind == ActorKind::Person && m.form == MentionForm::Name).then(|| {
                        let name = m.name(&doc.text);
                        *name_index.entry(name).or_insert_with(|| {
                            person_names.push(person_name(name));
                            person_names.len() - 1
                        })
                    })
                })
                .collect()
        })
        .collect();
    let person = |d: usize, mi: usize| -> Option<&PersonName> {
        names[d][mi].and_then(|i| person_names[i].as_ref())
    };

    // 1. Full person names, unioned by compatibility.
    let mut full: BTreeMap<&PersonName, Vec<(usize, usize)>> = BTreeMap::new();
    for &d in &order {
        for mi in 0..names[d].len() {
            if let Some(p) = person(d, mi).filter(|p| !p.given.is_empty()) {
                full.entry(p).or_default().push((d, mi));
            }
        }
    }
    let keys: Vec<&PersonName> = full.keys().copied().collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            if family_eq(&keys[i].family, &keys[j].family)
                && given_eq(&keys[i].given, &keys[j].given)
            {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut root_cluster: BTreeMap<usize, usize> = BTreeMap::new();
    // (family, its skeleton, cluster) for every full name
    let mut by_family: Vec<(String, String, usize)> = Vec::new();
    // (last given name, cluster) for names read family-first: a bare "Kabo" after
    // "Wei Kabo" is that person when no full name has the family name Kabo (the
    // family-first reading was wrong).
    let mut by_last_given: Vec<(String, usize)> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let r = find(&mut parent, i);
        let c = *root_cluster.entry(r).or_insert_with(|| {
            clusters.push(Cluster::new(ActorKind::Person));
            clusters.len() - 1
        });
        by_family.push((k.family.clone(), skeleton(&k.family), c));
        if k.family_first {
            if let Some(last) = k.given.last() {
                by_last_given.push((last.clone(), c));
            }
        }
        for &(d, mi) in &full[k] {
            assign[d][mi] = Some(c);
            clusters[c].add(d, mi);
        }
    }

    // 2. Bare family names.
    let mut surname_only: BTreeMap<String, usize> = BTreeMap::new();
    let mut family_cands: Map<String, (String, BTreeSet<usize>)> = Map::default();
    for &d in &order {
        for (mi, &(kind, form)) in meta[d].iter().enumerate() {
            if kind != ActorKind::Person || form != MentionForm::Name || assign[d][mi].is_some() {
                continue;
            }
            let Some(p) = person(d, mi) else {
                continue;
            };
            // The full names a family name fits depend on the family name alone: made
            // once per distinct family name.
            if !family_cands.contains_key(&p.family) {
                let sk = skeleton(&p.family);
                let mut cands: BTreeSet<usize> = by_family
                    .iter()
                    .filter(|(f, fs, _)| skeleton_eq(f, fs, &p.family, &sk))
                    .map(|&(_, _, c)| c)
                    .collect();
                if cands.is_empty() {
                    cands = by_last_given
                        .iter()
                        .filter(|(g, _)| *g == p.family)
                        .map(|&(_, c)| c)
                        .collect();
                }
                family_cands.insert(p.family.clone(), (sk, cands));
            }
            let Some((sk, cands)) = family_cands.get(&p.family) else {
                continue;
            };
            // The candidates in this document: one of them (however often listed)
            // is picked, several are ambiguous.
            let mut in_doc = cands
                .iter()
                .copied()
                .filter(|&c| clusters[c].docs.contains(&d));
            let pick = if let Some(first) = in_doc.next() {
                in_doc.all(|c| c == first).then_some(first)
            } else if !cands.is_empty() {
                (cands.len() == 1)
                    .then(|| cands.iter().next().copied())
                    .flatten()
            } else {
                Some(*surname_only.entry(sk.clone()).or_insert_with(|| {
                    clusters.push(Cluster::new(ActorKind::Person));
                    clusters.len() - 1
                }))
            };
            if let Some(c) = pick {
                assign[d][mi] = Some(c);
                clusters[c].add(d, mi);
            }
        }
    }

    // 3. Bodies by name: qualified (with nationality) first, then bare names.
    let mut bodies: BTreeMap<(String, Option<String>), usize> = BTreeMap::new();
    let body_of = |m: &LocalMention| m.kind != ActorKind::Person && m.form != MentionForm::Place;
    // The key of every body mention, made once per distinct name.
    let mut key_index: Map<&str, usize> = Map::default();
    let mut key_list: Vec<String> = Vec::new();
    let body_keys: Vec<Vec<usize>> = mentions
        .iter()
        .zip(docs)
        .map(|(ms, doc)| {
            ms.iter()
                .map(|m| {
                    if body_of(m) {
                        let name = m.name(&doc.text);
                        *key_index.entry(name).or_insert_with(|| {
                            key_list.push(body_key(name));
                            key_list.len() - 1
                        })
                    } else {
                        usize::MAX
                    }
                })
                .collect()
        })
        .collect();
    let body_key_of = |d: usize, mi: usize| -> &str {
        key_list
            .get(body_keys[d][mi])
            .map(String::as_str)
            .unwrap_or("")
    };
    let anaphoric = |d: usize, mi: usize, m: &LocalMention| {
        m.form == MentionForm::Description
            && m.nationality.is_none()
            && body_key_of(d, mi) == m.head
    };
    for pass in 0..2 {
        for &d in &order {
            for (mi, &km) in meta[d].iter().enumerate() {
                if !body_meta(km) || assign[d][mi].is_some() {
                    continue;
                }
                let m = &mentions[d][mi];
                if anaphoric(d, mi, m) {
                    continue;
                }
                let key = body_key_of(d, mi).to_string();
                let qualified = m.nationality.is_some();
                if (pass == 0) != qualified {
                    continue;
                }
                let c = if qualified {
                    *bodies
                        .entry((key, m.nationality.clone()))
                        .or_insert_with(|| {
                            clusters.push(Cluster::new(m.kind));
                            clusters.len() - 1
                        })
                } else {
                    // A bare name joins the one qualified body of that name, preferring
                    // this document.
                    let cands: Vec<usize> = bodies
                        .iter()
                        .filter(|((k, n), _)| *k == key && n.is_some())
                        .map(|(_, &c)| c)
                        .collect();
                    let in_doc: Vec<usize> = cands
                        .iter()
                        .copied()
                        .filter(|&c| clusters[c].docs.contains(&d))
                        .collect();
                    if in_doc.len() == 1 {
                        in_doc[0]
                    } else if in_doc.is_empty() && cands.len() == 1 {
                        cands[0]
                    } else {
                        *bodies.entry((key, None)).or_insert_with(|| {
                            clusters.push(Cluster::new(m.kind));
                            clusters.len() - 1
                        })
                    }
                };
                assign[d][mi] = Some(c);
                clusters[c].add(d, mi);
            }
        }
    }
    // "the ministry", "the statement": the latest body with that head before it in the
    // document, else the one such body in the document or the input, else its own.
    let mut bodies_by_head: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (c, cl) in clusters.iter().enumerate() {
        for &(d, mi) in &cl.members {
            let m = &mentions[d][mi];
            if body_of(m) {
                bodies_by_head.entry(m.head.as_str()).or_default().insert(c);
            }
        }
    }
    for &d in &order {
        for (mi, &km) in meta[d].iter().enumerate() {
            if !body_meta(km) || assign[d][mi].is_some() {
                continue;
            }
            let m = &mentions[d][mi];
            let head = m.head.as_str();
            let before = mentions[d][..mi]
                .iter()
                .enumerate()
                .rev()
                .find(|(j, o)| body_of(o) && o.head == head && assign[d][*j].is_some())
                .and_then(|(j, _)| assign[d][j]);
            let c = before.or_else(|| {
                let none = BTreeSet::new();
                let cands = bodies_by_head.get(head).unwrap_or(&none);
                let in_doc: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&c| clusters[c].docs.contains(&d))
                    .collect();
                if in_doc.len() == 1 {
                    Some(in_doc[0])
                } else if in_doc.is_empty() && cands.len() == 1 {
                    cands.iter().next().copied()
                } else {
                    None
                }
            });
            let c = c.unwrap_or_else(|| {
                *bodies
                    .entry((body_key_of(d, mi).to_string(), None))
                    .or_insert_with(|| {
                        clusters.push(Cluster::new(m.kind));
                        clusters.len() - 1
                    })
            });
            assign[d][mi] = Some(c);
            clusters[c].add(d, mi);
            bodies_by_head.entry(m.head.as_str()).or_default().insert(c);
        }
    }

    // 4. Descriptions of people, by role and nationality.
    let mut roles_of: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); clusters.len()];
    let mut nats_of: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); clusters.len()];
    // The role phrases as words ("finance minister" -> ["finance", "minister"]).
    let mut phrases_of: Vec<BTreeSet<Vec<String>>> = vec![BTreeSet::new(); clusters.len()];
    let lex = Lexicon::get();
    for (c, cl) in clusters.iter().enumerate() {
        for &(d, mi) in &cl.members {
            let m = &mentions[d][mi];
            roles_of[c].extend(m.role_heads.iter().map(String::as_str));
            nats_of[c].extend(m.nationality.as_deref());
            phrases_of[c].extend(m.roles.iter().map(|r| role_words(r, lex)));
        }
    }
    for &d in &order {
        for (mi, &(kind, form)) in meta[d].iter().enumerate() {
            if kind != ActorKind::Person || form != MentionForm::Description {
                continue;
            }
            let m = &mentions[d][mi];
            // The words up to the head ("leader of Belarus" -> ["leader"]).
            let mut desc_words = role_words(m.name(&docs[d].text), lex);
            if let Some(pos) = desc_words.iter().position(|w| *w == m.head) {
                desc_words.truncate(pos + 1);
            }
            let fits = |c: usize| -> u8 {
                if clusters[c].kind != Some(ActorKind::Person) {
                    return 0;
                }
                if let Some(n) = &m.nationality {
                    if !nats_of[c].contains(n.as_str()) {
                        return 0;
                    }
                }
                let fit = role_fit(&m.head, &roles_of[c]);
                if fit == 0 || desc_words.len() < 2 || desc_words.last() != Some(&m.head) {
                    return fit;
                }
                // A leader known by another title ("the Belarusian leader" for a
                // president) fits only bare or vaguely qualified: "the opposition leader"
                // names a role of its own.
                if fit < 3
                    && !desc_words[..desc_words.len() - 1]
                        .iter()
                        .all(|w| crate::extract::actors::lexicon::vague_qualifier(w))
                {
                    return 0;
                }
                // "the finance minister" is not the interior minister: among the actor's
                // role phrases with this head, one must carry the description's words.
                let same_head: Vec<&Vec<String>> = phrases_of[c]
                    .iter()
                    .filter(|p| p.last() == Some(&m.head) && p.len() > 1)
                    .collect();
                if same_head.is_empty() {
                    fit
                } else if same_head
                    .iter()
                    .any(|p| desc_words.iter().all(|w| p.contains(w)))
                {
                    fit + 1
                } else {
                    0
                }
            };
            // Candidates mentioned before in this document, latest first.
            let mut best: Option<(u8, usize)> = None;
            let mut seen = BTreeSet::new();
            for j in (0..mi).rev() {
                if let Some(c) = assign[d][j] {
                    if seen.insert(c) {
                        let f = fits(c);
                        if f > 0 && best.map(|(bf, _)| f > bf).unwrap_or(true) {
                            best = Some((f, c));
                        }
                    }
                }
            }
            let pick = best.map(|(_, c)| c).or_else(|| {
                // Else the one fitting actor anywhere (this document first).
                let scored: Vec<(u8, usize)> = (0..clusters.len())
                    .map(|c| (fits(c), c))
                    .filter(|&(f, _)| f > 0)
                    .collect();
                let top = scored.iter().map(|&(f, _)| f).max()?;
                let tops: Vec<usize> = scored
                    .iter()
                    .filter(|&&(f, _)| f == top)
                    .map(|&(_, c)| c)
                    .collect();
                (tops.len() == 1).then(|| tops[0])
            });
            if let Some(c) = pick {
                assign[d][mi] = Some(c);
                clusters[c].add(d, mi);
            }
        }
    }

    build(docs, mentions, clusters, assign)
}

/// A role phrase as lower-case words without determiners, possessives and
/// nationality adjectives: "the Chinese Foreign Minister" -> ["foreign", "minister"].
fn role_words(role: &str, lex: &Lexicon) -> Vec<String> {
    role.split_whitespace()
        .map(|w| {
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(w.as_str(), "the" | "a" | "an" | "of")
                && !lex.nationality.contains_key(w.as_str())
        })
        .collect()
}

/// How well a description's role noun fits an actor's roles: 0 not at all, 3 exactly.
fn role_fit(head: &str, roles: &BTreeSet<&str>) -> u8 {
    let spokes = ["spokesman", "spokeswoman", "spokesperson"];
    if roles.contains(head) || (spokes.contains(&head) && spokes.iter().any(|s| roles.contains(*s)))
    {
        return 3;
    }
    let heads_of_state = [
        "president",
        "premier",
        "prime minister",
        "chancellor",
        "king",
        "queen",
        "ruler",
        "monarch",
        "emperor",
        "dictator",
        "strongman",
        "autocrat",
    ];
    match head {
        "leader" if roles.contains("president") => 2,
        "leader" if heads_of_state.iter().any(|r| roles.contains(*r)) => 1,
        "ruler" | "strongman" | "autocrat" | "dictator"
            if roles.contains("president") || roles.contains("leader") =>
        {
            1
        }
        "president" if roles.contains("leader") => 1,
        _ => 0,
    }
}

fn build(
    docs: &[Document],
    mentions: &[&[LocalMention]],
    clusters: Vec<Cluster>,
    assign: Vec<Vec<Option<usize>>>,
) -> Resolution {
    let mut actors: Vec<(Actor, usize)> = Vec::new();
    for (c, cl) in clusters.iter().enumerate() {
        if cl.members.is_empty() {
            continue;
        }
        let mut ms: Vec<(usize, usize)> = cl.members.clone();
        ms.sort_by(|&(d1, m1), &(d2, m2)| {
            docs[d1].id.cmp(&docs[d2].id).then(
                mentions[d1][m1]
                    .span
                    .start
                    .cmp(&mentions[d2][m2].span.start),
            )
        });
        // The fullest name: most words, then most frequent, then first in order.
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &(d, mi) in &ms {
            let m = &mentions[d][mi];
            if m.form == MentionForm::Name || m.form == MentionForm::Place {
                *counts.entry(m.name(&docs[d].text)).or_default() += 1;
            }
        }
        let name = counts
            .iter()
            .max_by(|a, b| {
                let wa = a.0.split_whitespace().count();
                let wb = b.0.split_whitespace().count();
                wa.cmp(&wb).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
            })
            .map(|(n, _)| n.to_string())
            .or_else(|| {
                ms.first()
                    .map(|&(d, mi)| mentions[d][mi].name(&docs[d].text).to_string())
            })
            .unwrap_or_default();
        // Every form written (with titles) and every bare name, except descriptions.
        let aliases: BTreeSet<&str> = ms
            .iter()
            .map(|&(d, mi)| (&mentions[d][mi], docs[d].text.as_str()))
            .filter(|(m, _)| m.form != MentionForm::Description)
            .flat_map(|(m, t)| [m.text(t), m.name(t)])
            .filter(|a| *a != name)
            .collect();
        let roles: BTreeSet<&str> = ms
            .iter()
            .flat_map(|&(d, mi)| mentions[d][mi].roles.iter())
            .filter(|r| !r.is_empty())
            .map(String::as_str)
            .collect();
        let mention_list: Vec<Mention> = ms
            .iter()
            .map(|&(d, mi)| Mention {
                doc: docs[d].id.clone(),
                span: mentions[d][mi].span,
                text: mentions[d][mi].text(&docs[d].text).to_string(),
            })
            .collect();
        actors.push((
            Actor {
                id: ActorId(0),
                name,
                kind: cl.kind.unwrap_or(ActorKind::Person),
                aliases: aliases.into_iter().map(str::to_string).collect(),
                roles: roles.into_iter().map(str::to_string).collect(),
                mentions: mention_list,
            },
            c,
        ));
    }
    actors.sort_by(|(a, _), (b, _)| {
        a.name.cmp(&b.name).then(a.kind.cmp(&b.kind)).then_with(|| {
            let fa = a.mentions.first().map(|m| (&m.doc, m.span.start));
            let fb = b.mentions.first().map(|m| (&m.doc, m.span.start));
            fa.cmp(&fb)
        })
    });
    let mut id_of = vec![None; clusters.len()];
    for (i, (a, c)) in actors.iter_mut().enumerate() {
        a.id = ActorId(i as u32);
        id_of[*c] = Some(a.id);
    }
    let assignment = assign
        .into_iter()
        .map(|v| v.into_iter().map(|c| c.and_then(|c| id_of[c])).collect())
        .collect();
    Resolution {
        actors: actors.into_iter().map(|(a, _)| a).collect(),
        assignment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_family_first() {
        let p = person_name("Xi Jinping").unwrap();
        assert_eq!(p.family, "xi");
        let p = person_name("Antony Blinken").unwrap();
        assert_eq!(p.family, "blinken");
    }

    #[test]
    fn transliteration_variants() {
        assert!(family_eq("zelensky", "zelenskyy"));
        assert!(family_eq("zelenskiy", "zelensky"));
        assert!(!family_eq("li", "liu"));
        assert!(!given_eq(&["yi".into()], &["wenbin".into()]));
    }
}
