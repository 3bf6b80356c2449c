//! Per-document extraction: actor mentions, quotations, times and quantities.
//!
//! Everything here looks at one document at a time; cross-document work is in
//! `resolve`.

pub mod actors;
pub mod quantity;
pub mod quotes;
pub mod time;
