//! Input: resolve FROM / TO into an ordered list of source files (file, directory walked in
//! name order, stdin, `git:REV:PATH`, `EMPTY`), turn each file's bytes into text (`format`:
//! gzip unwrapped, archives refused; `encoding`: byte-order marks and `SET client_encoding`),
//! blank out what the SQL parser must not see (`meta`: psql meta-commands, `COPY ... FROM
//! stdin` data) without moving any byte, and pick one database of pg_dumpall output
//! (`dumpall`).

mod dumpall;
mod encoding;
mod format;
mod meta;
mod source;

pub use encoding::canonical_name as canonical_encoding;
pub use meta::{blank_non_sql, Blanked, Connect, Open, Unclosed};
pub use source::{load, InputOptions, SourceFile, SourceSpec};
