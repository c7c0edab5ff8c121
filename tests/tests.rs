//! The one integration-test root: every test module is declared here.

mod common;

mod architecture;
mod as_written;
mod cli;
mod corpus;
mod deep;
mod determinism;
mod equal;
mod fixtures;
mod formats;
mod fuzz;
mod gates;
mod histories;
mod hooks;
mod hostile;
mod pending;
mod populate;
mod privileges;
mod readme;
