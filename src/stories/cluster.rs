//! Average-link agglomeration over the sparse graph of scored document pairs.
//!
//! Every document starts as a story of its own; the two stories whose documents are,
//! on average, most alike are merged, as long as that average reaches
//! [`StoriesConfig::threshold`] and their dates allow one happening. The average is the
//! sum of the pair similarities between the two stories over the product of their
//! sizes: a pair that blocking never scored counts as 0, so one shared name between two
//! large stories does not chain them (the failure of single-link clustering). Each
//! merge touches only the merged story's neighbours; a priority queue with stamps
//! skips entries made stale by a merge. Ties are broken by story ids, so the result
//! depends only on the input.

use super::dates::DocDates;
use super::marks::Marks;
use super::profile::Profile;
use super::similarity::Edge;
use super::StoriesConfig;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Most date ranges a story keeps (see [`DocDates::union`]).
pub(crate) const MAX_STORY_DATES: usize = 64;

/// What a story is checked by before a merge: its days and its marks.
#[derive(Clone, Debug, Default)]
pub(crate) struct Side {
    /// The days its documents speak of.
    pub dates: DocDates,
    /// Its names and numbers.
    pub marks: Marks,
}

impl Side {
    /// The side of a story of one document.
    pub fn of_profile(p: &Profile) -> Side {
        Side {
            dates: p.dates.clone(),
            marks: Marks::of_document(&p.named, &p.lead_named, p.follow_up),
        }
    }

    /// Whether the two stories, whose documents' average similarity is `average`, may
    /// be one happening: days within the window, and no conflict of marks unless they
    /// are as alike as [`StoriesConfig::conflict_max_similarity`] (reports that alike
    /// are one happening whose outlets disagree on a number or a name, which is what
    /// the later stages are for).
    pub fn may_join(&self, other: &Side, average: f64, config: &StoriesConfig) -> bool {
        self.dates.compatible(&other.dates, config.window_days)
            && (average >= config.conflict_max_similarity
                || !(self.marks.conflict(&other.marks, config)
                    || self.marks.follow_up_conflict(&other.marks)))
    }

    /// Both stories' sides together.
    fn merge(self, other: Side) -> Side {
        Side {
            dates: self.dates.union(&other.dates, MAX_STORY_DATES),
            marks: self.marks.merge(other.marks),
        }
    }
}

/// One story while stories are being merged.
#[derive(Clone, Debug, Default)]
pub(crate) struct Node {
    /// Its documents (indices), unsorted.
    pub members: Vec<u32>,
    /// Its days and marks.
    pub side: Side,
    /// Per neighbouring story, the sum of the similarities of their scored pairs.
    pub adj: FxHashMap<u32, f64>,
    /// Whether it still stands (not merged into another).
    pub alive: bool,
    /// Bumped at every change, to recognize stale queue entries.
    stamp: u32,
}

/// A candidate merge in the queue.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    avg: f64,
    a: u32,
    b: u32,
    stamp_a: u32,
    stamp_b: u32,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    /// Higher averages first, then lower ids.
    fn cmp(&self, other: &Self) -> Ordering {
        self.avg
            .total_cmp(&other.avg)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

/// Stories being merged: one node per document to begin with.
#[derive(Clone, Debug, Default)]
pub(crate) struct Agglomeration {
    /// The nodes; a node's id is its index, the smallest document index it ever held.
    pub nodes: Vec<Node>,
    queue: BinaryHeap<Candidate>,
}

impl Agglomeration {
    /// One story per document, with their sides, and the scored pairs between them.
    pub fn new(sides: Vec<Side>, edges: &[Edge]) -> Agglomeration {
        let mut nodes: Vec<Node> = sides
            .into_iter()
            .enumerate()
            .map(|(d, side)| Node {
                members: vec![d as u32],
                side,
                adj: FxHashMap::default(),
                alive: true,
                stamp: 0,
            })
            .collect();
        for e in edges {
            *nodes[e.a as usize].adj.entry(e.b).or_default() += e.sim;
            *nodes[e.b as usize].adj.entry(e.a).or_default() += e.sim;
        }
        let mut queue = BinaryHeap::with_capacity(edges.len());
        for e in edges {
            queue.push(Candidate {
                avg: e.sim,
                a: e.a,
                b: e.b,
                stamp_a: 0,
                stamp_b: 0,
            });
        }
        Agglomeration { nodes, queue }
    }

    /// Adds a story of one new document (its index is the number of nodes so far) with
    /// its scored pairs, given as the standing story of the other document and the
    /// similarity.
    pub fn push(&mut self, side: Side, links: &[(u32, f64)]) {
        let d = self.nodes.len() as u32;
        let mut node = Node {
            members: vec![d],
            side,
            adj: FxHashMap::default(),
            alive: true,
            stamp: 0,
        };
        for &(story, sim) in links {
            *node.adj.entry(story).or_default() += sim;
            *self.nodes[story as usize].adj.entry(d).or_default() += sim;
        }
        self.nodes.push(node);
    }

    /// Merges stories, best average first, until no pair of stories reaches the
    /// threshold.
    pub fn run(&mut self, config: &StoriesConfig) {
        while let Some(c) = self.queue.pop() {
            if c.avg < config.threshold {
                break;
            }
            let (na, nb) = (&self.nodes[c.a as usize], &self.nodes[c.b as usize]);
            if !na.alive || !nb.alive || na.stamp != c.stamp_a || nb.stamp != c.stamp_b {
                continue;
            }
            if !na.side.may_join(&nb.side, c.avg, config) {
                continue;
            }
            let keep = self.merge(c.a, c.b);
            self.push_neighbours(keep);
        }
        self.queue.clear();
    }

    /// The average similarity between stories `a` and `b` (0 when no pair was scored).
    pub fn average(&self, a: u32, b: u32) -> f64 {
        let (na, nb) = (&self.nodes[a as usize], &self.nodes[b as usize]);
        let sum = na.adj.get(&b).copied().unwrap_or(0.0);
        sum / (na.members.len() as f64 * nb.members.len() as f64)
    }

    /// Merges stories `a` and `b` into the one with the smaller id, which it returns.
    pub fn merge(&mut self, a: u32, b: u32) -> u32 {
        let (keep, gone) = (a.min(b), a.max(b));
        let mut gone_node = std::mem::take(&mut self.nodes[gone as usize]);
        let mut keep_node = std::mem::take(&mut self.nodes[keep as usize]);
        keep_node.adj.remove(&gone);
        gone_node.adj.remove(&keep);
        for (x, s) in gone_node.adj.drain() {
            *keep_node.adj.entry(x).or_default() += s;
            let n = &mut self.nodes[x as usize];
            n.adj.remove(&gone);
            *n.adj.entry(keep).or_default() += s;
        }
        keep_node.members.append(&mut gone_node.members);
        keep_node.side =
            std::mem::take(&mut keep_node.side).merge(std::mem::take(&mut gone_node.side));
        keep_node.stamp += 1;
        keep_node.alive = true;
        gone_node.alive = false;
        gone_node.stamp += 1;
        self.nodes[keep as usize] = keep_node;
        self.nodes[gone as usize] = gone_node;
        keep
    }

    /// Queues a merge of story `s` with each of its neighbours.
    fn push_neighbours(&mut self, s: u32) {
        let node = &self.nodes[s as usize];
        for &x in node.adj.keys() {
            let other = &self.nodes[x as usize];
            if !other.alive {
                continue;
            }
            let (a, b) = (s.min(x), s.max(x));
            self.queue.push(Candidate {
                avg: self.average(s, x),
                a,
                b,
                stamp_a: self.nodes[a as usize].stamp,
                stamp_b: self.nodes[b as usize].stamp,
            });
        }
    }

    /// The standing stories' members, each sorted, stories in order of their first
    /// member.
    pub fn partition(&self) -> Vec<Vec<u32>> {
        let mut out: Vec<Vec<u32>> = self
            .nodes
            .iter()
            .filter(|n| n.alive)
            .map(|n| {
                let mut m = n.members.clone();
                m.sort_unstable();
                m
            })
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> StoriesConfig {
        StoriesConfig {
            threshold: 0.3,
            ..StoriesConfig::default()
        }
    }

    fn edge(a: u32, b: u32, sim: f64) -> Edge {
        Edge { a, b, sim }
    }

    #[test]
    fn average_link_does_not_chain_through_one_pair() {
        // two tight triangles joined by one strong pair
        let edges = [
            edge(0, 1, 0.9),
            edge(0, 2, 0.9),
            edge(1, 2, 0.9),
            edge(3, 4, 0.9),
            edge(3, 5, 0.9),
            edge(4, 5, 0.9),
            edge(2, 3, 0.8),
        ];
        let mut g = Agglomeration::new(vec![Side::default(); 6], &edges);
        g.run(&config());
        assert_eq!(g.partition(), vec![vec![0, 1, 2], vec![3, 4, 5]]);
    }

    #[test]
    fn incompatible_dates_keep_stories_apart() {
        let day = |s: &str| {
            let d: crate::model::Date = s.parse().unwrap();
            let r = super::super::dates::DayRange::of(d, d);
            Side {
                dates: DocDates::new(vec![r], vec![r], 4),
                marks: Marks::default(),
            }
        };
        let dates = vec![day("2009-01-06"), day("2009-01-07"), day("2012-06-11")];
        let edges = [edge(0, 1, 0.9), edge(0, 2, 0.9), edge(1, 2, 0.9)];
        let mut g = Agglomeration::new(dates, &edges);
        g.run(&config());
        assert_eq!(g.partition(), vec![vec![0, 1], vec![2]]);
    }
}
