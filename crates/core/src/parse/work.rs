//! Work units: how many elements (bytes, tokens, mentions, people, topics, …) the parser's
//! loops visit, for the scaling test (`tests/scaling.rs`), which asserts that the work at
//! twice the input stays about twice the work, family by adversarial family. Wall time on a
//! shared machine is too noisy for that; a count is exact.
//!
//! Counted only with the `work-count` feature: without it [`add`] is an empty inline function
//! and the parser is exactly as fast. Every loop that visits a variable number of elements
//! calls [`add`] with that number (searches count what they visit before they stop), so a
//! loop nested in another shows up as work that grows faster than the input.

#[cfg(feature = "work-count")]
thread_local! {
    static UNITS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records `units` elements visited.
#[inline(always)]
pub(crate) fn add(units: usize) {
    #[cfg(feature = "work-count")]
    UNITS.with(|u| u.set(u.get() + units as u64));
    #[cfg(not(feature = "work-count"))]
    let _ = units;
}

/// The units counted on this thread since the last call, and resets the count.
#[cfg(feature = "work-count")]
pub fn take() -> u64 {
    UNITS.with(|u| u.replace(0))
}
