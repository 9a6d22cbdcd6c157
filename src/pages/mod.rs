//! One component per route (see [`crate::route::Route`]). Pages take the index from context
//! and render no site chrome, so that other layouts (embeds) can show them too.

pub mod compare;
pub mod compare_pick;
pub mod home;
pub mod import;
pub mod lists;
pub mod not_found;
pub mod participant;
pub mod readout;
pub mod statement;
