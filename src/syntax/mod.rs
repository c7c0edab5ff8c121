//! Syntax: split each source into statements with their byte spans (on PostgreSQL's scanner
//! rules: `lex`, or the scanner itself), then parse every statement with PostgreSQL's parser,
//! and each function body beside it (`body`), in parallel, keeping input order. pg_query's
//! types leave this module only as the parse trees of statements and bodies.

pub mod body;
pub mod deep;
mod lex;
mod parse;
mod split;
pub mod walk;

pub use parse::{parse_sources, parse_streaming, parse_streaming_pair, Stmt};
pub use split::{split_statements, split_with_scanner, string_constants};
