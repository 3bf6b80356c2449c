//! The cost of finding actors and quotes (the per-document stage and this one) held
//! linear in the length of one document: long documents of eleven kinds, doubled, at
//! most double the steps counted by [`crate::work`] and the quoted text.

use crate::model::Document;
use crate::work::take;

/// The steps of finding the actors and quotes of one document made of `text`, and
/// the quotes found.
fn cost(text: String) -> (u64, Vec<crate::model::Quote>) {
    take();
    let doc = Document::new("long", text);
    let found = [crate::extract::document(&doc)];
    let x = crate::resolve::extraction(std::slice::from_ref(&doc), &found);
    (take(), x.quotes)
}

/// A name no other of these is one letter away from: the number written in
/// syllables.
fn name(mut i: usize, first: bool) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ren", "to", "va", "sel", "dor", "ban", "qui", "zet", "fa", "ru", "ne",
        "pol", "gar",
    ];
    let mut s = String::from(if first { "Ab" } else { "Ur" });
    for _ in 0..5 {
        s.push_str(SYL[i % 16]);
        i /= 16;
    }
    s
}

/// Long documents of kinds that once cost the square of their length: each is made
/// of `n` copies of a unit (or `n` generated sentences).
fn long_document(kind: &str, n: usize) -> String {
    let repeat = |unit: &str| unit.repeat(n);
    match kind {
        "sentence" => repeat(
            "Alexander Lukashenko, the president of Belarus, met Mr Xi in Beijing on \
             Wednesday, officials said. ",
        ),
        "news" => repeat(
            "President Xi Jinping said on Wednesday that the talks would go on. “We \
             agree,” he said. According to the ministry, the plan is sound. The Chinese \
             president, Xi Jinping, told reporters that peace matters. The leader said: \
             “Yes.” ",
        ),
        "unpaired curly marks" => repeat("He said “we will go "),
        "unpaired curly openers" => repeat("“peace will come "),
        "unpaired straight marks" => repeat("He said \"we will go "),
        "unpaired single marks" => repeat("He said ‘we will go "),
        "run-on line" => repeat("the minister Wang Yi told reporters "),
        "pronouns" => repeat("Mr Li met Mr Wang. She said the talks were useful. "),
        "modifiers" => repeat("official "),
        "distinct names" => (0..n)
            .map(|i| format!("Mr {} {} met the minister. ", name(i, true), name(i, false)))
            .collect(),
        "descriptions" => (0..n)
            .map(|i| {
                format!(
                    "President {} {} spoke. The president said the talks went well. ",
                    name(i, true),
                    name(i, false)
                )
            })
            .collect(),
        other => panic!("no long document {other:?}"),
    }
}

const KINDS: [&str; 11] = [
    "sentence",
    "news",
    "unpaired curly marks",
    "unpaired curly openers",
    "unpaired straight marks",
    "unpaired single marks",
    "run-on line",
    "pronouns",
    "modifiers",
    "distinct names",
    "descriptions",
];

/// Copies in the shorter document: enough that a cost growing with the square of
/// the length would show as four times the work when doubled.
const COPIES: usize = 400;

#[test]
fn doubling_a_document_at_most_doubles_the_work() {
    for kind in KINDS {
        let (once, _) = cost(long_document(kind, COPIES));
        let (twice, _) = cost(long_document(kind, 2 * COPIES));
        assert!(
            twice <= 2 * once + once / 20,
            "{kind}: {once} steps for {COPIES} copies, {twice} for {}",
            2 * COPIES
        );
    }
}

#[test]
fn doubling_a_document_at_most_doubles_the_quoted_text() {
    let size = |qs: &[crate::model::Quote]| -> usize { qs.iter().map(|q| q.text.len()).sum() };
    for kind in KINDS {
        let (_, once) = cost(long_document(kind, COPIES));
        let (_, twice) = cost(long_document(kind, 2 * COPIES));
        assert!(
            twice.len() <= 2 * once.len() + 2,
            "{kind}: quotes {} then {}",
            once.len(),
            twice.len()
        );
        assert!(
            size(&twice) <= 2 * size(&once) + 2_000,
            "{kind}: {} bytes of quotes, then {}",
            size(&once),
            size(&twice)
        );
    }
}
