//! One component per route (see [`crate::route::Route`]).

pub mod home;
pub mod not_found;
