//! Input: resolve FROM / TO into an ordered list of source files (file, directory walked in
//! name order, stdin, `git:REV:PATH`, `EMPTY`) and blank out what the SQL parser must not see
//! (psql meta-commands, `COPY ... FROM stdin` data) without moving any byte.

mod meta;
mod source;

pub use meta::blank_non_sql;
pub use source::{load, SourceFile, SourceSpec};
