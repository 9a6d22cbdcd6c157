//! The pieces pages are made of.

pub mod load_status;
pub mod statement_card;
