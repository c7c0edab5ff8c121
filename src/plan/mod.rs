//! Plan: orders changes. Drops first, in reverse FROM dump order (dependents before what
//! they depend on); then creates and alters in TO dump order, which pg_dump made
//! dependency-safe. Ties keep the order the diff produced them in.

use crate::diff::{Change, Phase};

/// Sorts changes into the order they must run in.
pub fn order(mut changes: Vec<Change>) -> Vec<Change> {
    changes.sort_by(|a, b| {
        a.phase.cmp(&b.phase).then_with(|| match a.phase {
            Phase::Drop => b.pos.cmp(&a.pos),
            Phase::Create => a.pos.cmp(&b.pos),
        })
        .then(a.seq.cmp(&b.seq))
    });
    changes
}
