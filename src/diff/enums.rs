//! Enums. Labels added in place: `ALTER TYPE ... ADD VALUE`, no rebuild. Labels removed or
//! reordered, or a new label used by the migration itself (the server refuses a label in the
//! transaction that adds it): the type is rebuilt. The old type is renamed aside, the new one
//! created, every column recast through text (its default dropped and restored by the
//! column diff), and the old type dropped at the end. Labels renamed: the two catalogs
//! cannot tell a rename from a drop plus an add, so a rebuild; where TO's history makes a
//! rename certain, `label_renames.rs` has renamed the label before this diff runs.

use std::collections::{BTreeMap, BTreeSet};

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
    // Enums whose labels can be added in place: their statements, and the literals of the
    // new labels, which TO must not use (looked for in one pass over TO).
    let mut added = BTreeMap::new();
    for (k, new) in d.to.objects.iter().filter(|(_, o)| o.is_enum()) {
        let Some(old) = d.from.objects.get(k) else {
            continue;
        };
        if !old.is_enum() || old.labels == new.labels {
            continue;
        }
        let q = QualName::new(k.schema.clone(), k.name.clone());
        match add_values(&q, &old.labels, &new.labels) {
            Some(stmts) => {
                let literals: Vec<String> = new
                    .labels
                    .iter()
                    .filter(|l| !old.labels.contains(l))
                    .map(|l| format!("{}::{}", quote::literal(l), q.sql()))
                    .collect();
                added.insert(q, (k, stmts, literals));
            }
            None => {
                out.insert(k.clone(), EnumPlan::Rebuild);
            }
        }
    }
    let literals: BTreeMap<&QualName, &[String]> = added
        .iter()
        .map(|(q, (_, _, lits))| (q, lits.as_slice()))
        .collect();
    let used = new_labels_used(d.to, &literals);
    for (q, (k, stmts, _)) in added {
        let plan = if used.contains(&q) {
            EnumPlan::Rebuild
        } else {
            EnumPlan::AddValues(stmts)
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

/// The enums of `literals` (each with its new labels' literals) whose new labels TO spells
/// as a literal of the type outside function bodies (a default, a constraint, an index, a
/// view): the migration would use them before commit. Only what refers to a type can spell
/// one of its literals.
fn new_labels_used(to: &Catalog, literals: &BTreeMap<&QualName, &[String]>) -> BTreeSet<QualName> {
    let mut used = BTreeSet::new();
    if literals.is_empty() {
        return used;
    }
    let mut uses = |deps: &[QualName], text: &str| {
        for q in deps {
            if let Some(lits) = literals.get(q) {
                if lits.iter().any(|lit| text.contains(lit.as_str())) {
                    used.insert(q.clone());
                }
            }
        }
    };
    for t in to.tables.values() {
        for c in &t.columns {
            if let Some((def, _)) = &c.default {
                uses(&c.default_deps, def);
            }
            if let Some(g) = &c.generated {
                uses(&c.generated_deps, g);
            }
        }
        for c in t.constraints.values() {
            uses(&c.deps, &c.def);
        }
    }
    for i in to.indexes.values() {
        uses(&i.deps, &i.def);
    }
    for (k, o) in &to.objects {
        if !matches!(
            k.kind,
            crate::catalog::ObjKind::Function | crate::catalog::ObjKind::Procedure
        ) {
            uses(&o.deps, &o.create);
            uses(&o.soft_deps, &o.create);
        }
    }
    used
}

/// The name the old type takes while columns move to the new one.
pub(super) fn aside_name(k: &ObjKey) -> String {
    format!("{}__pgdumpdiff_old", k.name)
}
