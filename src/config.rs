//! Configuration of the pipeline, with documented defaults.

/// Settings for every stage. `Config::default()` is what [`crate`]'s one-call functions use.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Config {
    /// Claim normalization and cross-document alignment.
    pub align: crate::align::AlignConfig,
    /// Flags, events and coverage.
    pub reconcile: crate::reconcile::ReconcileConfig,
    /// Temporal expressions: date order of `1/3`, anchor borrowing.
    pub time: crate::extract::time::TimeConfig,
}
