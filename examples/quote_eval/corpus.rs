//! Reading PolNeAR: attributions (brat standoff), the CoreNLP layer, quoted runs.

use crate::reference::Gender;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// One annotated attribution, as byte ranges into the article text.
#[derive(Debug, Default)]
pub(crate) struct Attribution {
    pub(crate) source: Vec<Range<usize>>,
    pub(crate) cue: Vec<Range<usize>>,
    pub(crate) content: Vec<Range<usize>>,
}

/// One article and its annotation.
pub(crate) struct Article {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) attributions: Vec<Attribution>,
    /// The corpus's automatic CoreNLP layer, when its file is there.
    pub(crate) nlp: Option<CoreNlp>,
}

/// What the corpus's CoreNLP files give: tokens with their named-entity class and
/// coreference chains, as byte ranges.
#[derive(Default)]
pub(crate) struct CoreNlp {
    /// Token bytes and whether CoreNLP tags the token PERSON (or a proper noun of no
    /// other entity class).
    pub(crate) tokens: Vec<(Range<usize>, bool)>,
    /// Whether the token is the head of a clause's subject (basic dependencies `nsubj`,
    /// `nsubjpass`).
    pub(crate) subject: Vec<bool>,
    /// Coreference chains: each mention as a byte range.
    pub(crate) chains: Vec<Vec<Range<usize>>>,
}

pub(crate) fn load_articles(dir: &Path) -> Result<Vec<Article>, String> {
    let ann_dir = dir.join("attributions");
    let text_dir = dir.join("text");
    let mut files: Vec<_> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    files.sort();
    let mut out: Vec<Article> = Vec::new();
    for path in files {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        // "<article>_<annotator>.ann": the annotator id is the last four characters.
        let Some((id, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if out.last().is_some_and(|a| a.id == id) {
            continue;
        }
        let text_path = text_dir.join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .map_err(|e| format!("{}: {e}", text_path.display()))?;
        let ann = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_at.push(text.len());
        let attributions = parse_ann(&ann, &byte_at);
        let nlp = std::fs::read_to_string(dir.join("corenlp").join(format!("{id}.txt.xml")))
            .ok()
            .map(|xml| read_corenlp(&xml, &byte_at));
        out.push(Article {
            id: id.to_string(),
            text,
            attributions,
            nlp,
        });
    }
    if out.is_empty() {
        return Err(format!("no .ann files in {}", ann_dir.display()));
    }
    Ok(out)
}

/// The attributions of a brat standoff file. Text-bound lines (`T1\tSource 10 12;14 20\t..`)
/// give typed character ranges; event lines (`E1\tAttribution:T4 Content:T3 Cue:T2
/// Source:T1`) tie them together. Other lines (notes, continuation lines of a multi-line
/// span text) are skipped.
pub(crate) fn parse_ann(ann: &str, byte_at: &[usize]) -> Vec<Attribution> {
    let to_bytes = |c: usize| byte_at.get(c).copied();
    let mut spans: BTreeMap<&str, Vec<Range<usize>>> = BTreeMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else {
            continue;
        };
        let is_id = |p: char| {
            id.strip_prefix(p)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if is_id('T') {
            let Some((_kind, ranges)) = body.split_once(' ') else {
                continue;
            };
            let mut rs = Vec::new();
            for r in ranges.split(';') {
                let mut p = r.split_whitespace().filter_map(|n| n.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (p.next(), p.next()) {
                    if let (Some(a), Some(b)) = (to_bytes(a), to_bytes(b)) {
                        if a < b {
                            rs.push(a..b);
                        }
                    }
                }
            }
            spans.insert(id, rs);
        } else if is_id('E') {
            events.push(
                body.split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .collect(),
            );
        }
    }
    let mut out = Vec::new();
    for ev in events {
        let mut a = Attribution::default();
        for (role, tid) in ev {
            let Some(rs) = spans.get(tid) else { continue };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            match role {
                "Source" => a.source.extend(rs.iter().cloned()),
                "Cue" => a.cue.extend(rs.iter().cloned()),
                "Content" => a.content.extend(rs.iter().cloned()),
                _ => {}
            }
        }
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    out
}

/// The text between `<name>` and `</name>` in `block`.
pub(crate) fn tag<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let a = block.find(&open)? + open.len();
    let b = a + block[a..].find(&format!("</{name}>"))?;
    Some(&block[a..b])
}

/// Tokens, PERSON tags and coreference chains of a CoreNLP XML file (character offsets,
/// converted with `byte_at`). The layout is regular, so a scan for tags is enough.
pub(crate) fn read_corenlp(xml: &str, byte_at: &[usize]) -> CoreNlp {
    let mut nlp = CoreNlp::default();
    let (sentences, coref) = xml.split_once("<coreference>").unwrap_or((xml, ""));
    // Global index of each sentence's first token (sentence ids count from 1).
    let mut sentence_first: Vec<usize> = Vec::new();
    let mut person_words: std::collections::BTreeSet<String> = Default::default();
    let mut untagged_proper: Vec<(usize, bool, String)> = Vec::new();
    for sentence in sentences.split("<sentence id=\"").skip(1) {
        sentence_first.push(nlp.tokens.len());
        for token in sentence.split("<token id=").skip(1) {
            let num = |name| tag(token, name).and_then(|v| v.parse::<usize>().ok());
            let (Some(a), Some(b)) = (num("CharacterOffsetBegin"), num("CharacterOffsetEnd"))
            else {
                continue;
            };
            let (Some(&a), Some(&b)) = (byte_at.get(a), byte_at.get(b)) else {
                continue;
            };
            let ner = tag(token, "NER").unwrap_or("O");
            let proper = tag(token, "POS").is_some_and(|p| p.starts_with("NNP"));
            let word = tag(token, "word").unwrap_or("");
            if ner == "PERSON" {
                person_words.insert(word.to_string());
            }
            nlp.tokens.push((a..b, ner == "PERSON"));
            untagged_proper.push((nlp.tokens.len() - 1, proper && ner == "O", word.to_string()));
        }
        nlp.subject.resize(nlp.tokens.len(), false);
        let first = sentence_first.last().copied().unwrap_or(0);
        let basic = sentence
            .split_once("<dependencies type=\"basic-dependencies\">")
            .and_then(|(_, rest)| rest.split_once("</dependencies>"))
            .map(|(deps, _)| deps)
            .unwrap_or("");
        for dep in basic.split("<dep type=\"").skip(1) {
            if !(dep.starts_with("nsubj\"") || dep.starts_with("nsubjpass\"")) {
                continue;
            }
            let idx = dep
                .split_once("<dependent idx=\"")
                .and_then(|(_, r)| r.split_once('"'))
                .and_then(|(n, _)| n.parse::<usize>().ok());
            if let Some(slot) = idx.and_then(|i| nlp.subject.get_mut(first + i.saturating_sub(1))) {
                *slot = true;
            }
        }
    }
    // CoreNLP's four-class tagger misses many names ("Trump" is often `O`): a proper
    // noun of no entity class is a name when the same word is tagged PERSON elsewhere.
    for (k, proper, word) in untagged_proper {
        if proper && person_words.contains(&word) {
            nlp.tokens[k].1 = true;
        }
    }
    for chain in coref.split("<coreference>").skip(1) {
        let mut mentions = Vec::new();
        for m in chain.split("<mention").skip(1) {
            let num = |name| tag(m, name).and_then(|v| v.parse::<usize>().ok());
            let (Some(s), Some(a), Some(b)) = (num("sentence"), num("start"), num("end")) else {
                continue;
            };
            let Some(&first) = sentence_first.get(s.wrapping_sub(1)) else {
                continue;
            };
            let (ta, tb) = (first + a.saturating_sub(1), first + b.saturating_sub(1));
            if let (Some(x), Some(y)) = (
                nlp.tokens.get(ta),
                tb.checked_sub(1).and_then(|t| nlp.tokens.get(t)),
            ) {
                if x.0.start < y.0.end {
                    mentions.push(x.0.start..y.0.end);
                }
            }
        }
        if !mentions.is_empty() {
            nlp.chains.push(mentions);
        }
    }
    nlp
}

impl CoreNlp {
    /// The gender the pronouns of the chain holding `r` say, by majority.
    pub(crate) fn chain_gender(&self, text: &str, r: &Range<usize>) -> Option<Gender> {
        let chain = self
            .chains
            .iter()
            .find(|c| c.iter().any(|m| overlap(m, r) > 0))?;
        let (mut male, mut female) = (0, 0);
        for m in chain {
            match text[m.clone()].to_lowercase().as_str() {
                "he" | "him" | "his" | "himself" => male += 1,
                "she" | "her" | "hers" | "herself" => female += 1,
                _ => {}
            }
        }
        match male.cmp(&female) {
            std::cmp::Ordering::Greater => Some(Gender::Male),
            std::cmp::Ordering::Less => Some(Gender::Female),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The person a span names: the first run of PERSON tokens inside `ranges` that is no
    /// possessive or modifier of more words ("Trump's attorney, Alan Garten" names Alan
    /// Garten; "the Trump campaign" and "a spokesman for Trump's campaign" name nobody; a
    /// bare possessor, "Clinton's", names Clinton).
    pub(crate) fn person_in(&self, text: &str, ranges: &[Range<usize>]) -> Option<Range<usize>> {
        const JOINERS: &[&str] = &[
            "of", "at", "from", "who", "which", "with", "in", "for", "and", "on", "said", "says",
            "told",
        ];
        for r in ranges {
            let inside: Vec<&(Range<usize>, bool)> = self.tokens
                [self.tokens.partition_point(|t| t.0.start < r.start)..]
                .iter()
                .take_while(|t| t.0.end <= r.end)
                .collect();
            let mut k = 0;
            while k < inside.len() {
                if !inside[k].1 {
                    k += 1;
                    continue;
                }
                let a = k;
                while k < inside.len() && inside[k].1 {
                    k += 1;
                }
                let word = |j: usize| inside.get(j).map(|t| &text[t.0.clone()]).unwrap_or("");
                let possessive = matches!(word(k), "'s" | "’s" | "'" | "’");
                let more_after_possessive = possessive
                    && inside[k + 1..]
                        .iter()
                        .any(|t| text[t.0.clone()].chars().any(char::is_alphanumeric));
                let modifier = more_after_possessive
                    || word(k).chars().next().is_some_and(char::is_lowercase)
                        && !JOINERS.contains(&word(k));
                if !modifier {
                    return Some(inside[a].0.start..inside[k - 1].0.end);
                }
            }
        }
        None
    }

    /// Runs of PERSON tokens that head a clause's subject, outside `quoted`, in text
    /// order: the people a later pronoun most likely means.
    pub(crate) fn subject_persons(&self, text: &str, quoted: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < self.tokens.len() {
            if !self.tokens[k].1 {
                k += 1;
                continue;
            }
            let a = k;
            while k < self.tokens.len() && self.tokens[k].1 {
                k += 1;
            }
            let r = self.tokens[a].0.start..self.tokens[k - 1].0.end;
            let next = self.tokens.get(k).map(|t| &text[t.0.clone()]).unwrap_or("");
            let possessive = matches!(next, "'s" | "’s" | "'" | "’");
            if (a..k).any(|t| self.subject[t]) && !possessive && overlap_all(&r, quoted) == 0 {
                out.push(r);
            }
        }
        out
    }
}

/// Runs of text between double quotation marks, paired within each line (paragraph),
/// marks and surrounding spaces left out. Curly marks pair by glyph; a straight mark
/// (`"`, or `''`, two apostrophes, as some wire copy writes it) opens when none is open
/// and closes otherwise. A mark left open runs to the line end.
pub(crate) fn quoted_runs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut open: Option<usize> = None;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = line_start + i;
            let straight = match c {
                '"' => Some(1),
                '\'' if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                    chars.next();
                    Some(2)
                }
                _ => None,
            };
            match (c, straight) {
                (_, Some(len)) => match open.take() {
                    Some(o) => push_trimmed(text, o..at, &mut out),
                    None => open = Some(at + len),
                },
                ('“', _) => {
                    if let Some(o) = open {
                        push_trimmed(text, o..at, &mut out);
                    }
                    open = Some(at + c.len_utf8());
                }
                ('”', _) => {
                    if let Some(o) = open.take() {
                        push_trimmed(text, o..at, &mut out);
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            push_trimmed(text, o..line_start + line.len(), &mut out);
        }
        line_start += line.len();
    }
    out
}

pub(crate) fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let a = r.start + (s.len() - s.trim_start().len());
    let b = r.end - (s.len() - s.trim_end().len());
    if a < b && text[a..b].chars().any(char::is_alphanumeric) {
        out.push(a..b);
    }
}

pub(crate) fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

pub(crate) fn overlap_all(a: &Range<usize>, bs: &[Range<usize>]) -> usize {
    bs.iter().map(|b| overlap(a, b)).sum()
}
