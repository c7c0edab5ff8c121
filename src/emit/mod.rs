//! Emit: SQL text for the planned changes. `quote` is the one place identifiers are quoted.

pub mod quote;
pub mod sql;
