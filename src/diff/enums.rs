//! Enums. Labels added in place: `ALTER TYPE ... ADD VALUE`, no rebuild. Labels removed or
//! reordered, or a new label used by the migration itself (the server refuses a label in the
//! transaction that adds it): the type is rebuilt. The old type is renamed aside, the new one
//! created, every column recast through text (its default dropped and restored by the
//! column diff), and the old type dropped at the end. Labels renamed: the two catalogs
//! cannot tell a rename from a drop plus an add, so a rebuild; where TO's history makes a
//! rename certain, `label_renames.rs` has renamed the label before this diff runs.

use std::collections::BTreeMap;

use super::Diff;
use crate::catalog::{Catalog, ObjKey, QualName};
use crate::emit::quote;

/// What happens to one changed enum.
pub(crate) enum EnumPlan {
    /// `ALTER TYPE ... ADD VALUE` statements, in order.
    AddValues(Vec<String>),
    /// Rename aside, create, recast columns, drop the old type.
    Rebuild,
}

/// Plans every enum whose labels change.
pub(super) fn plan_enums(d: &Diff) -> BTreeMap<ObjKey, EnumPlan> {
    let mut out = BTreeMap::new();
    for (k, new) in &d.to.objects {
        let Some(old) = d.from.objects.get(k) else {
            continue;
        };
        if !old.is_enum() || !new.is_enum() || old.labels == new.labels {
            continue;
        }
        let q = QualName::new(k.schema.clone(), k.name.clone());
        let plan = match add_values(&q, &old.labels, &new.labels) {
            Some(stmts) if !new_label_used(d.to, &q, &old.labels, &new.labels) => {
                EnumPlan::AddValues(stmts)
            }
            _ => EnumPlan::Rebuild,
        };
        out.insert(k.clone(), plan);
    }
    out
}

/// The ADD VALUE statements turning `old` into `new`, if `old` keeps its order inside `new`.
fn add_values(q: &QualName, old: &[String], new: &[String]) -> Option<Vec<String>> {
    let kept: Vec<&String> = new.iter().filter(|l| old.contains(l)).collect();
    if kept.len() != old.len() || kept.iter().zip(old).any(|(a, b)| *a != b) {
        return None;
    }
    let mut stmts = Vec::new();
    for (i, label) in new.iter().enumerate() {
        if old.contains(label) {
            continue;
        }
        let place = match (
            i.checked_sub(1).and_then(|p| new.get(p)),
            new.iter().skip(i).find(|l| old.contains(l)),
        ) {
            (Some(prev), _) => format!(" AFTER {}", quote::literal(prev)),
            (None, Some(next)) => format!(" BEFORE {}", quote::literal(next)),
            (None, None) => String::new(),
        };
        stmts.push(format!(
            "ALTER TYPE {} ADD VALUE {}{place}",
            q.sql(),
            quote::literal(label)
        ));
    }
    Some(stmts)
}

/// Whether TO spells a new label as a literal of the type outside function bodies (a
/// default, a constraint, an index, a view): the migration would use it before commit.
/// Only what refers to the type can spell one of its literals.
fn new_label_used(to: &Catalog, q: &QualName, old: &[String], new: &[String]) -> bool {
    let literals: Vec<String> = new
        .iter()
        .filter(|l| !old.contains(l))
        .map(|l| format!("{}::{}", quote::literal(l), q.sql()))
        .collect();
    let uses = |deps: &[QualName], text: &str| {
        deps.contains(q) && literals.iter().any(|lit| text.contains(lit.as_str()))
    };
    let in_tables = to.tables.values().any(|t| {
        t.columns.iter().any(|c| {
            c.default
                .as_ref()
                .is_some_and(|(d, _)| uses(&c.default_deps, d))
                || c.generated
                    .as_deref()
                    .is_some_and(|g| uses(&c.generated_deps, g))
        }) || t.constraints.values().any(|c| uses(&c.deps, &c.def))
    });
    in_tables
        || to.indexes.values().any(|i| uses(&i.deps, &i.def))
        || to.objects.iter().any(|(k, o)| {
            !matches!(
                k.kind,
                crate::catalog::ObjKind::Function | crate::catalog::ObjKind::Procedure
            ) && (uses(&o.deps, &o.create) || uses(&o.soft_deps, &o.create))
        })
}

/// The name the old type takes while columns move to the new one.
pub(super) fn aside_name(k: &ObjKey) -> String {
    format!("{}__pgdumpdiff_old", k.name)
}
