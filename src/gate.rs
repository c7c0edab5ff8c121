//! Gates for CI and hooks: which changes fail a check (`--fail-on`), and the one-line
//! verdict `--check` prints. Levels are defined on the typed hazards of each statement
//! (`catalog::hazard`), never on the statement's text.

use std::fmt;

use crate::catalog::hazard::Lock;
use crate::diff::{Action, Change, Hazard};

/// The changes that fail a check (`--fail-on`), from the strictest level to the most lenient.
/// A run whose changes all stay below the level passes (exit 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum FailOn {
    /// Every change fails: FROM and TO must be the same schema.
    #[default]
    Any,
    /// A statement with any hazard fails: a lock on a relation that exists (any level), a
    /// rewrite, an index build, a validating scan, a statement that may fail on rows, data
    /// loss, a statement that cannot run in a transaction or needs a commit first. What
    /// passes only creates new objects (and comments, and objects on new tables).
    Hazard,
    /// A statement that blocks reads of a relation that exists (an `ACCESS EXCLUSIVE` lock),
    /// rewrites a table, or loses data fails. Index builds (`SHARE`), validations (`SHARE
    /// UPDATE EXCLUSIVE`) and statements that may fail on rows pass.
    Blocking,
    /// Only a statement that loses data fails (`DROP TABLE`, `DROP COLUMN`, a narrowing
    /// type change, ...): additive changes pass.
    Destructive,
}

impl FailOn {
    /// The level's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FailOn::Any => "any",
            FailOn::Hazard => "hazard",
            FailOn::Blocking => "blocking",
            FailOn::Destructive => "destructive",
        }
    }

    /// Whether `c` reaches this level.
    pub fn reached_by(self, c: &Change) -> bool {
        match self {
            FailOn::Any => true,
            FailOn::Hazard => !c.hazards.is_empty(),
            FailOn::Blocking => c.hazards.iter().any(|h| match h {
                Hazard::Lock { lock, .. } => *lock == Lock::AccessExclusive,
                Hazard::Rewrite { .. } | Hazard::Copy { .. } | Hazard::DataLoss(_) => true,
                Hazard::IndexBuild { .. }
                | Hazard::Scan { .. }
                | Hazard::MayFail { .. }
                | Hazard::NoTransaction
                | Hazard::NeedsCommit { .. } => false,
            }),
            FailOn::Destructive => c.hazards.iter().any(Hazard::is_data_loss),
        }
    }
}

/// What a check concludes about a migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No statement: FROM and TO are the same schema.
    Same,
    /// Changes, none of which reaches the `--fail-on` level.
    Allowed,
    /// Changes that reach the level, none losing data.
    Changes,
    /// Changes that reach the level, some losing data.
    Destructive,
}

/// The verdict on a migration: its outcome and the counts that explain it.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub outcome: Outcome,
    pub fail_on: FailOn,
    pub statements: usize,
    /// Objects created, dropped, changed in place, dropped and created again.
    pub created: usize,
    pub dropped: usize,
    pub altered: usize,
    pub rebuilt: usize,
    /// Statements that reach the level.
    pub failing: usize,
    /// Statements that lose data.
    pub destructive: usize,
    /// The objects of the first few statements that reach the level (labels).
    pub examples: Vec<String>,
}

/// At most this many objects are named in a verdict.
const EXAMPLES: usize = 3;

impl Verdict {
    pub fn of(changes: &[Change], fail_on: FailOn) -> Verdict {
        let mut objects: Vec<(&crate::diff::ObjectRef, &Action)> =
            changes.iter().map(|c| (&c.object, &c.action)).collect();
        objects.sort_by(|a, b| a.0.node.cmp(&b.0.node));
        objects.dedup_by(|a, b| a.0.node == b.0.node);
        let count = |f: fn(&Action) -> bool| objects.iter().filter(|(_, a)| f(a)).count();
        let failing: Vec<&Change> = changes.iter().filter(|c| fail_on.reached_by(c)).collect();
        let destructive = changes
            .iter()
            .filter(|c| FailOn::Destructive.reached_by(c))
            .count();
        let outcome = if changes.is_empty() {
            Outcome::Same
        } else if failing.is_empty() {
            Outcome::Allowed
        } else if destructive > 0 {
            Outcome::Destructive
        } else {
            Outcome::Changes
        };
        // The objects named: those that lose data, or else those that reach the level.
        let named = |c: &&Change| {
            if outcome == Outcome::Destructive {
                FailOn::Destructive.reached_by(c)
            } else {
                fail_on.reached_by(c)
            }
        };
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut examples: Vec<String> = Vec::new();
        for c in changes.iter().filter(named) {
            if seen.insert(c.object.label.as_str()) && examples.len() < EXAMPLES {
                examples.push(c.object.label.clone());
            }
        }
        if seen.len() > EXAMPLES {
            examples.push(format!("and {} more", seen.len() - EXAMPLES));
        }
        Verdict {
            outcome,
            fail_on,
            statements: changes.len(),
            created: count(|a| matches!(a, Action::Create)),
            dropped: count(|a| matches!(a, Action::Drop)),
            altered: count(|a| matches!(a, Action::Alter)),
            rebuilt: count(|a| matches!(a, Action::Rebuild(_))),
            failing: failing.len(),
            destructive,
            examples,
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self.outcome {
            Outcome::Same => return write!(f, "same: no changes"),
            Outcome::Allowed => "allowed",
            Outcome::Changes => "changes",
            Outcome::Destructive => "destructive",
        };
        let objects = self.created + self.dropped + self.altered + self.rebuilt;
        write!(
            f,
            "{word}: {} on {} (",
            plural(self.statements, "statement", "statements"),
            plural(objects, "object", "objects")
        )?;
        let parts: Vec<String> = [
            (self.dropped, "removed"),
            (self.altered, "changed"),
            (self.rebuilt, "rebuilt"),
            (self.created, "added"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
        write!(f, "{})", parts.join(", "))?;
        match (self.outcome, self.fail_on) {
            (Outcome::Allowed, level) => write!(f, "; none reaches --fail-on {}", level.name()),
            (Outcome::Destructive, _) => write!(
                f,
                "; {} data: {}",
                plural(self.destructive, "statement loses", "statements lose"),
                self.examples.join(", ")
            ),
            (Outcome::Changes, FailOn::Any) => write!(f, ": {}", self.examples.join(", ")),
            (Outcome::Same, _) => Ok(()),
            (Outcome::Changes, level) => write!(
                f,
                "; {} --fail-on {}: {}",
                plural(self.failing, "statement reaches", "statements reach"),
                level.name(),
                self.examples.join(", ")
            ),
        }
    }
}
