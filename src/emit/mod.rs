//! Emit: the renderers of a planned migration, one per output format (`--format`): `sql`
//! (the migration itself), `summary` (the reviewer's view), `json` (the plan for machines).
//! They read the typed changes only, never the printed SQL. `quote` is the one place
//! identifiers are quoted.

pub mod json;
pub mod quote;
pub mod sql;
pub mod summary;
