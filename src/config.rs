//! Configuration of the pipeline, with documented defaults.

/// Settings for every stage. `Config::default()` is what [`crate`]'s one-call functions use.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Config {
    /// How documents are partitioned into stories (one per real-world happening)
    /// before claims.
    pub stories: crate::stories::StoriesConfig,
    /// Claim normalization: what becomes a claim's content tokens.
    pub claims: crate::claims::ClaimsConfig,
    /// Cross-document alignment.
    pub align: crate::align::AlignConfig,
    /// Flags, events and coverage.
    pub reconcile: crate::reconcile::ReconcileConfig,
    /// Temporal expressions: date order of `1/3`, anchor borrowing.
    pub time: crate::extract::time::TimeConfig,
    /// Threads for the stages that run in parallel; `0` (the default) uses every
    /// available core. The output is the same for any number.
    pub threads: usize,
}
