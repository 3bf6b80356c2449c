//! Configuration of the pipeline, with documented defaults, and a builder that checks
//! every value before a run starts.
//!
//! ```
//! use corroborate::Config;
//! let config = Config::builder().threads(2).align_threshold(0.35).build().unwrap();
//! assert_eq!(config.threads, 2);
//! assert_eq!(config.align.threshold, 0.35);
//!
//! let err = Config::builder().align_threshold(1.5).build().unwrap_err();
//! assert_eq!(err.field, "align.threshold");
//! assert_eq!(err.to_string(), "align.threshold = 1.5: must be a number from 0 to 1");
//! ```

use crate::align::{AlignConfig, AlignSettings};
use crate::claims::{ClaimsConfig, ClaimsSettings};
use crate::extract::time::TimeConfig;
use crate::reconcile::{ReconcileConfig, ReconcileSettings};

/// Settings for every stage. `Config::default()` is what [`crate`]'s one-call functions use.
///
/// Build one with [`Config::builder`] to have its values checked; a `Config` changed
/// field by field is checked by [`Config::validate`], which
/// [`Reconciler`](crate::Reconciler) calls before it runs.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Config {
    /// How documents are partitioned into stories (one per real-world happening)
    /// before claims.
    pub stories: crate::stories::StoriesConfig,
    /// Claim normalization: what becomes a claim's content tokens.
    pub claims: ClaimsConfig,
    /// Cross-document alignment.
    pub align: AlignConfig,
    /// Flags, events and coverage.
    pub reconcile: ReconcileConfig,
    /// Temporal expressions: date order of `1/3`, anchor borrowing.
    pub time: TimeConfig,
    /// Threads for the stages that run in parallel; `0` (the default) uses every
    /// available core. The output is the same for any number.
    pub threads: usize,
}

// The stages sit below the configuration: each reads its own section and the thread
// count, and a whole `Config` converts into that pair.

impl<'a> From<&'a Config> for AlignSettings<'a> {
    fn from(config: &'a Config) -> AlignSettings<'a> {
        AlignSettings {
            align: &config.align,
            threads: config.threads,
        }
    }
}

impl<'a> From<&'a Config> for ClaimsSettings<'a> {
    fn from(config: &'a Config) -> ClaimsSettings<'a> {
        ClaimsSettings {
            claims: &config.claims,
            threads: config.threads,
        }
    }
}

impl<'a> From<&'a Config> for ReconcileSettings<'a> {
    fn from(config: &'a Config) -> ReconcileSettings<'a> {
        ReconcileSettings {
            reconcile: &config.reconcile,
            threads: config.threads,
        }
    }
}

/// Most threads a configuration may ask for: more is a mistake (a count of documents
/// or bytes passed by accident), not a machine.
pub const MAX_THREADS: usize = 4096;

/// Longest window, in days, within which a bare weekday or date may borrow its year and
/// month from the publication date: ten years is no longer "nearby".
pub const MAX_BORROW_DAYS: u32 = 3660;

/// A configuration value out of its range: which field, the value, and the rule.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{field} = {value}: {rule}")]
#[non_exhaustive]
pub struct ConfigError {
    /// The field, as a path from [`Config`] (`align.threshold`).
    pub field: &'static str,
    /// The value given, as written by Rust's `Display`.
    pub value: String,
    /// What the value must be.
    pub rule: &'static str,
}

impl Config {
    /// A builder starting from the defaults.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Checks every value: thresholds are finite numbers from 0 to 1, counts that must
    /// allow at least one item are at least 1, and the thread count is at most
    /// [`MAX_THREADS`].
    pub fn validate(&self) -> Result<(), ConfigError> {
        let a = &self.align;
        unit("align.threshold", a.threshold)?;
        unit("align.candidate_threshold", a.candidate_threshold)?;
        unit("align.link_threshold", a.link_threshold)?;
        unit("align.context_threshold", a.context_threshold)?;
        at_least("align.context_tokens", a.context_tokens, 1)?;
        let r = &self.reconcile;
        at_least("reconcile.quote.min_matched", r.quote.min_matched, 1)?;
        at_least("reconcile.max_variants", r.max_variants, 2)?;
        at_least(
            "reconcile.max_evidence_per_value",
            r.max_evidence_per_value,
            1,
        )?;
        if self.time.borrow_within_days > MAX_BORROW_DAYS {
            return Err(ConfigError {
                field: "time.borrow_within_days",
                value: self.time.borrow_within_days.to_string(),
                rule: "must be at most 3660 days",
            });
        }
        if self.threads > MAX_THREADS {
            return Err(ConfigError {
                field: "threads",
                value: self.threads.to_string(),
                rule: "must be at most 4096 (0 uses every core)",
            });
        }
        Ok(())
    }
}

fn unit(field: &'static str, x: f64) -> Result<(), ConfigError> {
    if x.is_finite() && (0.0..=1.0).contains(&x) {
        Ok(())
    } else {
        Err(ConfigError {
            field,
            value: x.to_string(),
            rule: "must be a number from 0 to 1",
        })
    }
}

fn at_least(field: &'static str, n: usize, min: usize) -> Result<(), ConfigError> {
    if n >= min {
        return Ok(());
    }
    Err(ConfigError {
        field,
        value: n.to_string(),
        rule: if min == 1 {
            "must be at least 1"
        } else {
            "must be at least 2"
        },
    })
}

/// Builds a [`Config`] from the defaults, one setting at a time; [`ConfigBuilder::build`]
/// checks the result with [`Config::validate`].
#[derive(Clone, Debug, Default)]
pub struct ConfigBuilder {
    config: Config,
}

impl ConfigBuilder {
    /// Threads for the stages that run in parallel (`0`: every core).
    pub fn threads(mut self, threads: usize) -> Self {
        self.config.threads = threads;
        self
    }

    /// Claim normalization settings.
    pub fn claims(mut self, claims: ClaimsConfig) -> Self {
        self.config.claims = claims;
        self
    }

    /// Alignment settings.
    pub fn align(mut self, align: AlignConfig) -> Self {
        self.config.align = align;
        self
    }

    /// The minimum score of an alignment link ([`AlignConfig::threshold`]).
    pub fn align_threshold(mut self, threshold: f64) -> Self {
        self.config.align.threshold = threshold;
        self
    }

    /// Reconciliation settings.
    pub fn reconcile(mut self, reconcile: ReconcileConfig) -> Self {
        self.config.reconcile = reconcile;
        self
    }

    /// How the documents are partitioned into stories ([`StoryMode::Cluster`] by
    /// default; [`StoryMode::One`] takes a curated cluster as one story).
    ///
    /// [`StoryMode::Cluster`]: crate::stories::StoryMode::Cluster
    /// [`StoryMode::One`]: crate::stories::StoryMode::One
    pub fn story_mode(mut self, mode: crate::stories::StoryMode) -> Self {
        self.config.stories.mode = mode;
        self
    }

    /// Temporal expression settings.
    pub fn time(mut self, time: TimeConfig) -> Self {
        self.config.time = time;
        self
    }

    /// The configuration, or the first value out of its range.
    pub fn build(self) -> Result<Config, ConfigError> {
        self.config.validate()?;
        Ok(self.config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(Config::builder().build(), Ok(Config::default()));
    }

    #[test]
    fn each_range_is_checked() {
        let bad = |c: Config| c.validate().unwrap_err().field;
        let mut c = Config::default();
        c.align.link_threshold = f64::NAN;
        assert_eq!(bad(c), "align.link_threshold");
        let mut c = Config::default();
        c.align.candidate_threshold = -0.1;
        assert_eq!(bad(c), "align.candidate_threshold");
        let mut c = Config::default();
        c.align.context_tokens = 0;
        assert_eq!(bad(c), "align.context_tokens");
        let mut c = Config::default();
        c.reconcile.max_variants = 1;
        assert_eq!(bad(c), "reconcile.max_variants");
        let mut c = Config::default();
        c.reconcile.quote.min_matched = 0;
        assert_eq!(bad(c), "reconcile.quote.min_matched");
        let mut c = Config::default();
        c.reconcile.max_evidence_per_value = 0;
        assert_eq!(bad(c), "reconcile.max_evidence_per_value");
        let mut c = Config::default();
        c.time.borrow_within_days = MAX_BORROW_DAYS + 1;
        assert_eq!(bad(c), "time.borrow_within_days");
        assert_eq!(
            Config::builder()
                .threads(MAX_THREADS + 1)
                .build()
                .unwrap_err()
                .field,
            "threads"
        );
        assert!(Config::builder().threads(MAX_THREADS).build().is_ok());
    }
}
