//! The one integration-test root: every test module is declared here.

mod common;

mod cli;
mod fixtures;
