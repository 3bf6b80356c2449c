//! Edits around quotations and speakers: a one-word swap inside a quotation another outlet
//! quotes too, a speaker swapped for another person named in the event, and the
//! quote/attribution order and bracket/ellipsis controls.

use super::{
    adjacent, in_compound, raw, Add, Class, Control, EventText, Sent, Typed, MIN_SHARED,
    MIN_SHARED_QUOTE_RUN,
};
use crate::text::{self, Word};
use corroborate::Span;
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------
// Quotations

/// Words swapped inside a quotation: a synonym, so the quotation's meaning hardly changes
/// but its words do (a misquote).
const QUOTE_SYNONYMS: &[(&str, &str)] = &[
    ("important", "significant"),
    ("significant", "important"),
    ("big", "large"),
    ("large", "big"),
    ("small", "little"),
    ("little", "small"),
    ("very", "extremely"),
    ("extremely", "very"),
    ("really", "truly"),
    ("happy", "glad"),
    ("glad", "happy"),
    ("difficult", "hard"),
    ("hard", "difficult"),
    ("easy", "simple"),
    ("simple", "easy"),
    ("help", "assist"),
    ("start", "begin"),
    ("begin", "start"),
    ("started", "began"),
    ("began", "started"),
    ("think", "believe"),
    ("believe", "think"),
    ("want", "wish"),
    ("need", "require"),
    ("needed", "required"),
    ("try", "attempt"),
    ("tried", "attempted"),
    ("show", "demonstrate"),
    ("make", "create"),
    ("made", "created"),
    ("create", "make"),
    ("build", "construct"),
    ("people", "persons"),
    ("children", "kids"),
    ("kids", "children"),
    ("home", "house"),
    ("house", "home"),
    ("quick", "fast"),
    ("fast", "quick"),
    ("quickly", "rapidly"),
    ("soon", "shortly"),
    ("terrible", "awful"),
    ("awful", "terrible"),
    ("horrible", "terrible"),
    ("wonderful", "marvellous"),
    ("amazing", "incredible"),
    ("incredible", "amazing"),
    ("beautiful", "lovely"),
    ("strong", "powerful"),
    ("powerful", "strong"),
    ("proud", "pleased"),
    ("pleased", "delighted"),
    ("delighted", "pleased"),
    ("excited", "thrilled"),
    ("thrilled", "excited"),
    ("worried", "concerned"),
    ("concerned", "worried"),
    ("afraid", "scared"),
    ("scared", "frightened"),
    ("sure", "certain"),
    ("certain", "sure"),
    ("talk", "speak"),
    ("talked", "spoke"),
    ("saw", "noticed"),
    ("see", "notice"),
    ("seems", "appears"),
    ("seem", "appear"),
    ("going", "heading"),
    ("came", "arrived"),
    ("chance", "opportunity"),
    ("opportunity", "chance"),
    ("problem", "issue"),
    ("problems", "issues"),
    ("issue", "problem"),
    ("issues", "problems"),
    ("decision", "choice"),
    ("choice", "decision"),
    ("idea", "notion"),
    ("way", "manner"),
    ("company", "firm"),
    ("business", "company"),
    ("fight", "battle"),
    ("attack", "assault"),
    ("building", "structure"),
    ("area", "region"),
    ("region", "area"),
    ("country", "nation"),
    ("nation", "country"),
    ("world", "globe"),
    ("moment", "instant"),
    ("family", "relatives"),
    ("friends", "companions"),
    ("shocked", "stunned"),
    ("stunned", "shocked"),
    ("tragedy", "disaster"),
    ("disaster", "catastrophe"),
    ("safe", "secure"),
    ("dangerous", "hazardous"),
    ("everyone", "everybody"),
    ("everybody", "everyone"),
    ("maybe", "perhaps"),
    ("perhaps", "maybe"),
    ("probably", "likely"),
    ("continue", "proceed"),
    ("allow", "permit"),
    ("stop", "halt"),
    ("huge", "enormous"),
    ("enormous", "huge"),
    ("entire", "whole"),
    ("whole", "entire"),
    ("deal", "agreement"),
    ("agreement", "deal"),
    ("effort", "attempt"),
    ("goal", "aim"),
    ("clear", "obvious"),
    ("obvious", "clear"),
    ("great", "excellent"),
    ("good", "fine"),
    ("best", "finest"),
    ("bad", "poor"),
    ("job", "work"),
    ("work", "job"),
    ("place", "location"),
    ("team", "squad"),
    ("game", "match"),
    ("win", "victory"),
    ("fans", "supporters"),
    ("players", "athletes"),
    ("city", "town"),
    ("town", "city"),
    ("street", "road"),
    ("car", "vehicle"),
    ("guys", "men"),
    ("life", "existence"),
    ("future", "prospects"),
    ("happened", "occurred"),
    ("happen", "occur"),
    ("feel", "sense"),
    ("felt", "sensed"),
    ("love", "adore"),
    ("support", "backing"),
    ("working", "labouring"),
    ("know", "realise"),
    ("thought", "believed"),
    ("looking", "seeking"),
];

/// A quotation's words in `s`, as the suite reads them.
struct SentenceQuote {
    span: Span,
    words: Vec<Word>,
}

/// The direct quotations (or their parts) inside `s`.
fn sentence_quotes(et: &EventText, s: &Sent) -> Vec<SentenceQuote> {
    let t = et.text(s.doc);
    let quotes = et.quotes.get(&s.doc).map(Vec::as_slice).unwrap_or_default();
    quotes
        .iter()
        .filter(|q| q.overlaps(s.span))
        .map(|q| {
            let span = Span::new(q.start.max(s.span.start), q.end.min(s.span.end));
            SentenceQuote {
                span,
                words: text::words(t, span),
            }
        })
        .collect()
}

/// Quotations another outlet quotes too (a shared run of five or more words): typed
/// one-word swaps, quote/attribution order and bracket/ellipsis controls.
pub(super) fn quotations(et: &EventText, s: &Sent, add: &mut Add) {
    let t = et.text(s.doc);
    for q in sentence_quotes(et, s) {
        // a title in quotation marks ("Take Me Out to the Ball Game") is no statement
        let capitals = q.words.iter().filter(|w| w.capitalized(t)).count();
        if q.words.len() < MIN_SHARED_QUOTE_RUN || capitals * 2 > q.words.len() {
            continue;
        }
        let lower: Vec<String> = q.words.iter().map(|w| w.lower.clone()).collect();
        let Some((run, partner)) = et.shared_quote(s.doc, &lower) else {
            continue;
        };
        let mut rng = et.rng(s.doc, q.span.start);
        // one word of the shared run swapped for a synonym
        let swappable: Vec<&Word> = q.words[run.clone()]
            .iter()
            .filter(|w| QUOTE_SYNONYMS.iter().any(|(a, _)| *a == w.lower) && !in_compound(t, w))
            .collect();
        if !swappable.is_empty() {
            let w = swappable[rng.below(swappable.len())];
            if let Some((_, b)) = QUOTE_SYNONYMS.iter().find(|(a, _)| *a == w.lower) {
                add(
                    Class::Typed(Typed::QuoteWord),
                    "synonym",
                    w.span,
                    text::with_case_of(b, raw(t, w)),
                    partner,
                );
            }
        }
        quote_order(et, s, &q, partner, add);
        quote_marks(et, s, &q, partner, add);
    }
}

/// Words in a row before a reporting cue that may be an apposition after the speaker's
/// name ("John Smith, the police chief, said").
const MAX_APPOSITION: usize = 12;

/// Words before a name that make it the object of a preposition, not a speaker.
const PREPOSITIONS: &[&str] = &[
    "of", "for", "to", "with", "by", "from", "at", "in", "on", "against", "about",
];

/// Names next to a reporting cue outside quotations in `s`, in text order: before it
/// (also across an apposition) or after it ("said X", "according to X"); each a run of
/// capitalised words that [`text::person_name`] reads as a person.
pub(super) fn speaker_names(et: &EventText, s: &Sent) -> Vec<Span> {
    let t = et.text(s.doc);
    let ws = &s.words;
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        if !super::REPORTING_CUES.contains(&w.lower.as_str()) || et.in_quote(s.doc, w.span) {
            continue;
        }
        let mut runs = Vec::new();
        if i > 0 && adjacent(t, &ws[i - 1], w) {
            runs.push(text::capitalized_run_before(t, ws, i));
        }
        if i > 0 && t[ws[i - 1].span.end..w.span.start].trim() == "," {
            // an apposition: the name before the comma that opens it
            let opening = (i.saturating_sub(MAX_APPOSITION + 1)..i - 1)
                .rev()
                .find(|&j| t[ws[j].span.end..ws[j + 1].span.start].trim() == ",");
            if let Some(j) = opening.filter(|&j| !ws[j + 1].capitalized(t)) {
                runs.push(text::capitalized_run_before(t, ws, j + 1));
            }
        }
        // after the cue only a name that ends the clause ("said X.", "said X, who ...",
        // "according to X of ..."), not the subject of the reported clause
        let start = if w.lower == "according" { i + 2 } else { i + 1 };
        if start < ws.len() && (start == i + 2 || adjacent(t, w, &ws[start])) {
            let r = text::capitalized_run_after(t, ws, start);
            let tail = ws
                .get(r.end)
                .map_or(&t[ws[r.end - 1].span.end..s.span.end], |n| {
                    &t[ws[r.end - 1].span.end..n.span.end]
                });
            let ends =
                tail.starts_with([',', '.', ';']) || [" of", " who", " from"].contains(&tail);
            if ends {
                runs.push(r);
            }
        }
        for r in runs {
            // "the shooting of Kimani (Kiki) Gray says": the name is not the subject
            let governed = r.start > 0
                && (PREPOSITIONS.contains(&ws[r.start - 1].lower.as_str())
                    || t[ws[r.start - 1].span.end..ws[r.start].span.start].contains(['(', ')']));
            if governed {
                continue;
            }
            if let Some(name) = text::person_name(t, &ws[r]).filter(|n| !et.in_quote(s.doc, *n)) {
                out.push(name);
            }
        }
    }
    out
}

/// The speaker named in `s`: the first name next to a reporting cue that is a full name
/// or the surname of a person named in full elsewhere in the event.
fn speaker_name(et: &EventText, s: &Sent) -> Option<Span> {
    let t = et.text(s.doc);
    speaker_names(et, s).into_iter().find(|n| {
        let full = &t[n.start..n.end];
        full.contains(' ') || et.persons.contains_key(full)
    })
}

/// The speaker named in `s` swapped for another person named in the event's articles,
/// where another outlet names the same speaker: for a quotation, the outlet quoting the
/// same words names the speaker in that sentence or one next to it; for reported speech,
/// a sentence of another outlet names the speaker and states the same fact (content words
/// in common as for every other typed edit).
pub(super) fn speakers(et: &EventText, s: &Sent, add: &mut Add) {
    let t = et.text(s.doc);
    let Some(name) = speaker_name(et, s) else {
        return;
    };
    let full = &t[name.start..name.end];
    let surname = full.rsplit(' ').next().unwrap_or(full);
    let names = |doc: usize, u: &Sent| {
        let tu = et.text(doc);
        u.words
            .iter()
            .any(|w| raw(tu, w) == surname && !et.in_quote(doc, w.span))
    };
    let quoted = sentence_quotes(et, s).into_iter().find_map(|q| {
        let lower: Vec<String> = q.words.iter().map(|w| w.lower.clone()).collect();
        (q.words.len() >= MIN_SHARED_QUOTE_RUN)
            .then(|| et.shared_quote(s.doc, &lower))
            .flatten()
    });
    let (sub, partner) = if let Some((_, partner)) = quoted {
        let Some(at) = et
            .sents
            .iter()
            .position(|u| u.doc == partner.0 && u.span == partner.1)
        else {
            return;
        };
        let lo = at.saturating_sub(1);
        let hi = (at + 2).min(et.sents.len());
        if !et.sents[lo..hi]
            .iter()
            .any(|u| u.doc == partner.0 && names(u.doc, u))
        {
            return;
        }
        ("speaker of a quotation", partner)
    } else {
        let exclude: BTreeSet<String> = full
            .split(' ')
            .filter_map(|w| text::content(&w.to_lowercase()))
            .collect();
        let Some(partner) = et.partner(s, MIN_SHARED, &exclude, |u| names(u.doc, u)) else {
            return;
        };
        ("speaker of reported speech", partner)
    };
    let present: BTreeSet<&str> = s.words.iter().map(|w| raw(t, w)).collect();
    let options: Vec<(&String, &String)> = et
        .persons
        .iter()
        .filter(|(sur, whole)| {
            !present.contains(sur.as_str())
                && !whole.split(' ').any(|p| full.split(' ').any(|q| p == q))
        })
        .collect();
    if options.is_empty() {
        return;
    }
    let mut rng = et.rng(s.doc, name.start);
    let (sur, whole) = options[rng.below(options.len())];
    let with = if full.contains(' ') {
        whole.clone()
    } else {
        sur.clone()
    };
    add(Class::Typed(Typed::Speaker), sub, name, with, partner);
}

/// The opening and closing marks around `q`, when both are there.
fn marks(t: &str, q: Span) -> Option<(&str, &str)> {
    let open = t[..q.start].chars().next_back()?;
    let close = t[q.end..].chars().next()?;
    let ok = matches!((open, close), ('“', '”') | ('"', '"'));
    ok.then(|| {
        (
            &t[q.start - open.len_utf8()..q.start],
            &t[q.end..q.end + close.len_utf8()],
        )
    })
}

/// Words of an attribution ("Laurence Mark and Bill Condon, the new producers of the
/// show, said") that a quote/attribution order control moves.
const MAX_ATTRIBUTION_WORDS: usize = 16;

/// Personal pronouns that open a sentence as a speaker.
const PRONOUNS: [&str; 6] = ["He", "She", "They", "It", "We", "I"];

/// `"Q," X said.` ↔ `X said: "Q."`, for a sentence that is exactly one of the two.
fn quote_order(et: &EventText, s: &Sent, q: &SentenceQuote, partner: (usize, Span), add: &mut Add) {
    let t = et.text(s.doc);
    let Some((open, close)) = marks(t, q.span) else {
        return;
    };
    let sentence = &t[s.span.start..s.span.end];
    let inner = &t[q.span.start..q.span.end];
    let quote_first = q.span.start == s.span.start + open.len();
    if quote_first {
        // "Q," X said [in a statement].
        let Some(body) = inner.strip_suffix(',') else {
            return;
        };
        let rest = &t[q.span.end + close.len()..s.span.end];
        let Some(mid) = rest.strip_prefix(' ').and_then(|r| r.strip_suffix('.')) else {
            return;
        };
        if mid.contains(['"', '“', '”']) || mid.split(' ').count() > MAX_ATTRIBUTION_WORDS {
            return;
        }
        let (who, cue) = if let Some(who) = mid.strip_prefix("said ").or(mid.strip_prefix("says "))
        {
            (who, &mid[..4])
        } else if let Some(at) = mid.find(" said").or(mid.find(" says")) {
            (&mid[..at], &mid[at + 1..])
        } else {
            return;
        };
        if who.is_empty() || cue.contains(',') {
            return;
        }
        let who = text::with_case_of(who.trim_end_matches(','), "X");
        // an apposition closes with a comma before the verb
        let sep = if who.contains(',') { ", " } else { " " };
        let with = format!("{who}{sep}{cue}: {open}{body}.{close}");
        add(
            Class::Control(Control::QuoteOrder),
            "quote first to speaker first",
            s.span,
            with,
            partner,
        );
    } else if q.span.end + close.len() == s.span.end {
        // X said: "Q."
        // a quotation that opened in an earlier sentence has no attribution before it here
        let Some(prefix) = (q.span.start - s.span.start)
            .checked_sub(open.len())
            .and_then(|n| sentence.get(..n))
        else {
            return;
        };
        let Some(body) = inner.strip_suffix('.') else {
            return;
        };
        let Some(head) = [" said: ", " said, ", " says: ", " says, "]
            .iter()
            .find_map(|c| prefix.strip_suffix(c).map(|h| (h, &c[1..5])))
        else {
            return;
        };
        let (who, cue) = head;
        if who.contains(['"', '“', '”']) || who.split(' ').count() > 6 || who.is_empty() {
            return;
        }
        let who = if PRONOUNS.contains(&who) && who != "I" {
            who.to_lowercase()
        } else {
            who.to_string()
        };
        let with = format!("{open}{body},{close} {who} {cue}.");
        add(
            Class::Control(Control::QuoteOrder),
            "speaker first to quote first",
            s.span,
            with,
            partner,
        );
    }
}

/// The most words an ellipsis control leaves out.
const MAX_ELIDED_WORDS: usize = 8;

/// Whether a word carries a fact an ellipsis must not drop (a negation or a number).
fn carries_fact(w: &Word) -> bool {
    w.lower == "not"
        || w.lower == "no"
        || w.lower == "never"
        || w.lower.ends_with("n't")
        || text::number_value(&w.lower).is_some()
}

/// Editorial marks inside a quotation: `[t]he` for a capital at its start, or words in the
/// middle left out at an ellipsis.
fn quote_marks(et: &EventText, s: &Sent, q: &SentenceQuote, partner: (usize, Span), add: &mut Add) {
    let t = et.text(s.doc);
    let starts_here = t[..q.span.start].ends_with(['"', '“']);
    if let Some(first) = q
        .words
        .first()
        .filter(|w| w.span.start == q.span.start && starts_here)
    {
        let c = t[first.span.start..].chars().next().unwrap_or(' ');
        if c.is_alphabetic() {
            let toggled: String = if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            };
            let span = Span::new(first.span.start, first.span.start + c.len_utf8());
            add(
                Class::Control(Control::QuoteMarks),
                "brackets",
                span,
                format!("[{toggled}]"),
                partner,
            );
        }
    }
    // a comma-bounded aside ("..., including Facebook, Flickr, ..."), else the opening
    // words up to the first comma ("After hearing about his other offers, ..."), left out;
    // never words that carry a fact
    let inner = &t[q.span.start..q.span.end];
    let commas: Vec<usize> = inner
        .match_indices(',')
        .map(|(i, _)| q.span.start + i)
        .collect();
    let words_between = |a: usize, b: usize| -> Vec<&Word> {
        q.words
            .iter()
            .filter(|w| w.span.start > a && w.span.end < b)
            .collect()
    };
    let droppable = |ws: &[&Word]| {
        (2..=MAX_ELIDED_WORDS).contains(&ws.len())
            && !ws
                .iter()
                .any(|w| carries_fact(w) || CLAUSE_WORDS.contains(&w.lower.as_str()))
    };
    for pair in commas.windows(2) {
        if droppable(&words_between(pair[0], pair[1])) {
            add(
                Class::Control(Control::QuoteMarks),
                "ellipsis",
                Span::new(pair[0], pair[1] + 1),
                " ...".to_string(),
                partner,
            );
            return;
        }
    }
    if let Some(&first_comma) = commas.first() {
        let opening = words_between(q.span.start.saturating_sub(1), first_comma);
        let rest = q
            .words
            .iter()
            .filter(|w| w.span.start > first_comma)
            .count();
        let subordinate = opening
            .first()
            .is_some_and(|w| OPENERS.contains(&w.lower.as_str()));
        if starts_here && subordinate && rest >= MIN_SHARED_QUOTE_RUN && droppable(&opening) {
            // "After hearing about his other offers, it seems" -> "... it seems"
            let span = Span::new(q.span.start, first_comma + 1);
            add(
                Class::Control(Control::QuoteMarks),
                "ellipsis",
                span,
                "...".to_string(),
                partner,
            );
        }
    }
}

/// Words that make a comma-bounded piece of a quotation a clause of its own ("he was
/// bleeding"), which an ellipsis must not drop.
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "can",
    "did", "does", "do", "he", "she", "they", "we", "i", "it", "you",
];

/// Words that open a subordinate or adverbial phrase a quotation can start without.
const OPENERS: &[&str] = &[
    "after", "before", "when", "while", "although", "though", "if", "as", "since", "because", "in",
    "on", "at", "for", "with", "however", "but", "and", "so", "now", "still", "yet",
];
