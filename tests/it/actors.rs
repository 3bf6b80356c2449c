//! Actor identities within and across documents: data-driven cases
//! (tests/data/actors/) on the seed articles and on small document sets.

use crate::quotes::seeds;
use corroborate::resolve::Extraction;
use corroborate::{Actor, Document};

fn by_form<'a>(x: &'a Extraction, form: &str) -> Option<&'a Actor> {
    x.actors.iter().find(|a| a.name == form).or_else(|| {
        x.actors
            .iter()
            .find(|a| a.aliases.iter().any(|s| s == form))
    })
}

/// Checks one assertion line; returns an error message.
fn check(x: &Extraction, line: &str) -> Option<String> {
    let f: Vec<&str> = line.split(" | ").map(str::trim).collect();
    match f[0] {
        "same" => {
            let Some(a) = by_form(x, f[1]) else {
                return Some(format!("{line}: no actor {:?}", f[1]));
            };
            for form in &f[2..] {
                let ok = a.name == *form || a.aliases.iter().any(|s| s == form);
                if !ok {
                    let other = by_form(x, form).map(|o| o.name.clone());
                    return Some(format!(
                        "{line}: {form:?} is not in {:?} (aliases {:?}); it is in {other:?}",
                        a.name, a.aliases
                    ));
                }
            }
            None
        }
        "distinct" => {
            let a = x.actors.iter().find(|a| a.name == f[1]);
            let b = x.actors.iter().find(|a| a.name == f[2]);
            match (a, b) {
                (Some(a), Some(b)) if a.id != b.id => None,
                _ => Some(format!(
                    "{line}: not two actors named so ({:?})",
                    x.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
                )),
            }
        }
        "refers" => {
            let owner = x.actors.iter().find(|a| {
                a.mentions
                    .iter()
                    .any(|m| m.doc.as_str().starts_with(f[1]) && m.text == f[2])
            });
            match owner {
                Some(a) if a.name == f[3] => None,
                other => Some(format!("{line}: belongs to {:?}", other.map(|a| &a.name))),
            }
        }
        "unassigned" => {
            let owner = x.actors.iter().find(|a| {
                a.mentions
                    .iter()
                    .any(|m| m.doc.as_str().starts_with(f[1]) && m.text == f[2])
            });
            owner.map(|a| format!("{line}: assigned to {:?}", a.name))
        }
        "not_actor" => by_form(x, f[1]).map(|a| format!("{line}: is actor {:?}", a.name)),
        "role" => match x.actors.iter().find(|a| a.name == f[1]) {
            Some(a) if a.roles.iter().any(|r| r.phrase() == f[2]) => None,
            Some(a) => Some(format!("{line}: roles are {:?}", a.roles)),
            None => Some(format!("{line}: no actor {:?}", f[1])),
        },
        other => panic!("unknown assertion {other:?}"),
    }
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

#[test]
fn seed_actor_identities() {
    let x = corroborate::actors_and_quotes(&seeds());
    let mut errors = Vec::new();
    let mut n = 0;
    for line in lines(include_str!("../data/actors/seeds.txt")) {
        n += 1;
        errors.extend(check(&x, line));
    }
    assert!(n >= 30);
    assert!(
        errors.is_empty(),
        "{} of {n} wrong:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn actor_cases() {
    let mut errors = Vec::new();
    let mut n = 0;
    for block in include_str!("../data/actors/cases.txt")
        .split("\n---\n")
        .skip(1)
    {
        let mut docs = Vec::new();
        let mut checks = Vec::new();
        for line in lines(block) {
            match line.strip_prefix("doc ").and_then(|r| r.split_once(": ")) {
                Some((id, text)) => docs.push(Document::new(id, text)),
                None => checks.push(line),
            }
        }
        let x = corroborate::actors_and_quotes(&docs);
        for c in checks {
            n += 1;
            errors.extend(check(&x, c));
        }
    }
    assert!(
        errors.is_empty(),
        "{} of {n} wrong:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn actor_ids_follow_names_and_mentions_slice() {
    let docs = seeds();
    let x = corroborate::actors_and_quotes(&docs);
    for (i, a) in x.actors.iter().enumerate() {
        assert_eq!(a.id.0 as usize, i);
        assert!(!a.mentions.is_empty());
        for m in &a.mentions {
            let doc = docs.iter().find(|d| d.id == m.doc).expect("doc");
            assert_eq!(m.span.slice(&doc.text), m.text);
        }
    }
    assert!(x.actors.windows(2).all(|w| w[0].name <= w[1].name));
}
