//! The one integration-test binary. Each module is one area; cases live as data files
//! under `tests/data/` where they can.

mod actors;
mod align;
mod align_shared;
mod cli;
mod facts;
mod imports;
mod ingest;
mod parties;
mod provenance;
mod quantity;
mod quotes;
mod reconcile;
mod segment;
mod stories;
mod support;
mod time;
