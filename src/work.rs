//! A count of the steps the actor and quote stages take, kept in test builds only, so
//! that tests can hold their cost linear in the length of a document without timing
//! anything. Outside tests [`tick`] is empty and compiles away.
//!
//! The steps counted are the reads of a token by the mention finder and by quote
//! attribution, the marks and characters the quotation-mark scanner looks at, and
//! the comparisons actor resolution makes (name pairs, candidate actors): every loop
//! that could walk a document again for each thing it finds goes through one of them.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` steps.
#[inline(always)]
pub(crate) fn tick(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps counted on this thread since the last call.
#[cfg(test)]
pub(crate) fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}
