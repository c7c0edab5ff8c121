//! The catalog: what PostgreSQL would hold after loading the input, built by replaying each
//! statement in order (`replay`). Plain values in ordered maps; pg_query types stop here.

pub mod acl;
pub mod alter;
pub mod body;
pub mod builtin;
pub mod containers;
pub mod contrib;
pub mod expr;
pub mod facts;
pub mod graph;
pub mod hazard;
pub mod model;
pub mod options;
mod replay;
pub mod resolve;
pub mod triggers;
pub mod types;
pub mod typing;

pub use model::*;
pub use replay::{build, replay_onto, Builder, ReplayOptions};
