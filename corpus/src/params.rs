//! The knobs of a corpus, validated once: a [`Params`] that exists is a valid one, so
//! [`crate::generate`] cannot fail.

use std::fmt;

/// Default outlets in the events layout.
pub const DEFAULT_SOURCES: u32 = 5;
/// Default outlets in the stories layout: the pool each story draws its reporters from.
pub const DEFAULT_STORY_SOURCES: u32 = 40;
/// Default base claims per event.
pub const DEFAULT_SENTENCES_PER_EVENT: u32 = 20;
/// Default base claims per story, besides its headline and the facts of its kind.
pub const DEFAULT_SENTENCES_PER_STORY: u32 = 10;
/// Default mean share of an event's claims one article carries.
pub const DEFAULT_CARRY: f64 = 0.6;
/// Default share of an article's sentences that belong to no claim.
pub const DEFAULT_FILLER: f64 = 0.25;
/// Default chance of swapping a word for a synonym.
pub const DEFAULT_SYNONYM_RATE: f64 = 0.35;
/// Default chance of keeping an optional modifier.
pub const DEFAULT_KEEP_MODIFIER: f64 = 0.75;
/// Default share of renderings that disagree with their claim on purpose.
pub const DEFAULT_CONFLICT_RATE: f64 = 0.05;
/// Default mean number of articles per story.
pub const DEFAULT_COVERAGE: f64 = 6.0;
/// Default share of stories that are a second happening of an earlier story's kind.
pub const DEFAULT_TWIN_RATE: f64 = 0.3;
/// Default share of articles without a publication date.
pub const DEFAULT_UNDATED: f64 = 0.15;
/// Default new stories per day when the window is not given.
pub const DEFAULT_STORIES_PER_DAY: u32 = 40;
/// Filler share above which an article would be almost all filler (and the filler
/// count, `claims * filler / (1 - filler)`, would explode).
const MAX_FILLER: f64 = 0.95;

/// How documents are grouped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Layout {
    /// The alignment benchmark: every source writes one article about every event.
    Events {
        /// Number of events.
        events: u32,
    },
    /// A mixed feed: stories of many kinds, some of them two happenings of one kind,
    /// each reported by a few outlets over several days.
    Stories {
        /// Number of stories.
        stories: u32,
        /// Mean articles per story.
        coverage: f64,
        /// Days over which the stories happen (0: one day per 40 stories, at least
        /// two weeks).
        days: u32,
        /// Share of stories that repeat an earlier story's kind elsewhere.
        twin_rate: f64,
        /// Share of articles without a publication date.
        undated: f64,
    },
}

/// A bad parameter value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    message: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParamError {}

/// Validated corpus parameters; see [`ParamsBuilder`] for each knob.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    layout: Layout,
    seed: u64,
    sources: u32,
    sentences_per_event: u32,
    carry: f64,
    filler: f64,
    synonym_rate: f64,
    keep_modifier: f64,
    conflict_rate: f64,
    threads: usize,
}

/// Builds [`Params`]; [`ParamsBuilder::build`] checks every value.
#[derive(Clone, Debug)]
pub struct ParamsBuilder {
    params: Params,
}

impl Params {
    /// The alignment-benchmark layout with `events` events and the defaults of
    /// `gen_corpus.py` (5 sources, 20 claims per event, seed 1).
    pub fn events(events: u32) -> ParamsBuilder {
        ParamsBuilder {
            params: Params {
                layout: Layout::Events { events },
                seed: 1,
                sources: DEFAULT_SOURCES,
                sentences_per_event: DEFAULT_SENTENCES_PER_EVENT,
                carry: DEFAULT_CARRY,
                filler: DEFAULT_FILLER,
                synonym_rate: DEFAULT_SYNONYM_RATE,
                keep_modifier: DEFAULT_KEEP_MODIFIER,
                conflict_rate: DEFAULT_CONFLICT_RATE,
                threads: 0,
            },
        }
    }

    /// The mixed-feed layout with `stories` stories (40 outlets, 10 claims per story, a
    /// mean of 6 articles per story, 30% twins, 15% undated articles).
    pub fn stories(stories: u32) -> ParamsBuilder {
        let mut b = Params::events(1);
        b.params.layout = Layout::Stories {
            stories,
            coverage: DEFAULT_COVERAGE,
            days: 0,
            twin_rate: DEFAULT_TWIN_RATE,
            undated: DEFAULT_UNDATED,
        };
        b.params.sources = DEFAULT_STORY_SOURCES;
        b.params.sentences_per_event = DEFAULT_SENTENCES_PER_STORY;
        b
    }

    /// The layout.
    pub fn layout(&self) -> Layout {
        self.layout
    }
    /// The seed: the same parameters and seed give the same bytes.
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// Number of outlets.
    pub fn sources(&self) -> u32 {
        self.sources
    }
    /// Base claims per event (or story).
    pub fn sentences_per_event(&self) -> u32 {
        self.sentences_per_event
    }
    /// Mean share of the claims an article carries.
    pub fn carry(&self) -> f64 {
        self.carry
    }
    /// Share of an article's sentences that belong to no claim.
    pub fn filler(&self) -> f64 {
        self.filler
    }
    /// Chance of a synonym swap per word that has synonyms.
    pub fn synonym_rate(&self) -> f64 {
        self.synonym_rate
    }
    /// Chance of keeping an optional modifier.
    pub fn keep_modifier(&self) -> f64 {
        self.keep_modifier
    }
    /// Share of renderings that disagree with their claim.
    pub fn conflict_rate(&self) -> f64 {
        self.conflict_rate
    }
    /// Worker threads (0: all cores). Changes the speed, never the output.
    pub fn threads(&self) -> usize {
        self.threads
    }
}

impl ParamsBuilder {
    /// Seed (default 1).
    pub fn seed(mut self, seed: u64) -> Self {
        self.params.seed = seed;
        self
    }
    /// Outlets: all of them report every event; in the stories layout, the pool each
    /// story's reporters come from.
    pub fn sources(mut self, sources: u32) -> Self {
        self.params.sources = sources;
        self
    }
    /// Base claims per event or story.
    pub fn sentences_per_event(mut self, n: u32) -> Self {
        self.params.sentences_per_event = n;
        self
    }
    /// Mean share of the claims an article carries (default 0.6).
    pub fn carry(mut self, carry: f64) -> Self {
        self.params.carry = carry;
        self
    }
    /// Share of sentences that belong to no claim (default 0.25).
    pub fn filler(mut self, filler: f64) -> Self {
        self.params.filler = filler;
        self
    }
    /// Chance of a synonym swap (default 0.35).
    pub fn synonym_rate(mut self, rate: f64) -> Self {
        self.params.synonym_rate = rate;
        self
    }
    /// Chance of keeping an optional modifier (default 0.75).
    pub fn keep_modifier(mut self, keep: f64) -> Self {
        self.params.keep_modifier = keep;
        self
    }
    /// Share of renderings with a deliberate disagreement (default 0.05).
    pub fn conflict_rate(mut self, rate: f64) -> Self {
        self.params.conflict_rate = rate;
        self
    }
    /// Worker threads, 0 for all cores (default 0).
    pub fn threads(mut self, threads: usize) -> Self {
        self.params.threads = threads;
        self
    }
    /// Mean articles per story (stories layout; default 6).
    pub fn coverage(mut self, mean: f64) -> Self {
        if let Layout::Stories { coverage, .. } = &mut self.params.layout {
            *coverage = mean;
        }
        self
    }
    /// Days over which stories happen (stories layout; 0 for automatic).
    pub fn days(mut self, n: u32) -> Self {
        if let Layout::Stories { days, .. } = &mut self.params.layout {
            *days = n;
        }
        self
    }
    /// Share of stories that are a second happening of an earlier kind (stories layout).
    pub fn twin_rate(mut self, rate: f64) -> Self {
        if let Layout::Stories { twin_rate, .. } = &mut self.params.layout {
            *twin_rate = rate;
        }
        self
    }
    /// Share of articles without a publication date (stories layout).
    pub fn undated(mut self, share: f64) -> Self {
        if let Layout::Stories { undated, .. } = &mut self.params.layout {
            *undated = share;
        }
        self
    }

    /// The parameters, or the first value out of range.
    pub fn build(self) -> Result<Params, ParamError> {
        let p = self.params;
        let fail = |message: String| Err(ParamError { message });
        let share = |name: &str, x: f64| -> Result<(), ParamError> {
            if (0.0..=1.0).contains(&x) {
                Ok(())
            } else {
                Err(ParamError {
                    message: format!("{name} must be between 0 and 1, not {x}"),
                })
            }
        };
        share("--carry", p.carry)?;
        share("--synonym-rate", p.synonym_rate)?;
        share("--keep-modifier", p.keep_modifier)?;
        share("--conflict-rate", p.conflict_rate)?;
        if !(0.0..MAX_FILLER).contains(&p.filler) {
            return fail(format!(
                "--filler must be at least 0 and below {MAX_FILLER}, not {}",
                p.filler
            ));
        }
        if p.sources < 2 {
            return fail(format!("--sources must be at least 2, not {}", p.sources));
        }
        if p.sentences_per_event < 1 {
            return fail("--sentences-per-event must be at least 1".to_string());
        }
        match p.layout {
            Layout::Events { events } if events < 1 => {
                return fail("--events must be at least 1".to_string())
            }
            Layout::Stories {
                stories,
                coverage,
                twin_rate,
                undated,
                ..
            } => {
                if stories < 1 {
                    return fail("--stories must be at least 1".to_string());
                }
                if !(1.0..=f64::from(p.sources)).contains(&coverage) {
                    return fail(format!(
                        "--coverage must be between 1 and --sources ({}), not {coverage}",
                        p.sources
                    ));
                }
                share("--twin-rate", twin_rate)?;
                share("--undated", undated)?;
            }
            Layout::Events { .. } => {}
        }
        Ok(p)
    }
}
