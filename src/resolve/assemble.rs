//! The actors a resolution ends with: one per non-empty cluster, named by its fullest
//! name, with every alias, role and mention, numbered after sorting by name.

use super::{Resolution, State};
use crate::extract::actors::MentionForm;
use crate::model::{Actor, ActorId, ActorKind, Mention, ReferenceForm, Role};
use std::collections::{BTreeMap, BTreeSet};

/// The actors of the clusters of `state`, and the actor of every mention.
pub(super) fn actors(state: State) -> Resolution {
    let State {
        docs,
        mentions,
        clusters,
        assign,
        ..
    } = state;
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
        let roles: BTreeSet<&Role> = ms
            .iter()
            .flat_map(|&(d, mi)| mentions[d][mi].roles.iter())
            .filter(|r| !r.is_empty())
            .collect();
        let mention_list: Vec<Mention> = ms
            .iter()
            .map(|&(d, mi)| Mention {
                doc: docs[d].id.clone(),
                span: mentions[d][mi].span,
                text: mentions[d][mi].text(&docs[d].text).to_string(),
                form: match mentions[d][mi].form {
                    MentionForm::Description => ReferenceForm::Description,
                    MentionForm::Name | MentionForm::Place => ReferenceForm::Name,
                },
            })
            .collect();
        actors.push((
            Actor {
                id: ActorId(0),
                name,
                kind: cl.kind.unwrap_or(ActorKind::Person),
                aliases: aliases.into_iter().map(str::to_string).collect(),
                roles: roles.into_iter().cloned().collect(),
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
