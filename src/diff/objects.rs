//! Generic objects (views, functions, triggers, types, policies, ...): created, dropped, or
//! rebuilt (drop + create) when their definition or something under them changes.

use std::collections::BTreeSet;

use super::{Diff, Hazard};
use crate::catalog::{ObjKey, ObjKind, QualName};

pub(super) fn diff_objects(d: &mut Diff) {
    // Objects that must be dropped and created again.
    let mut rebuild: BTreeSet<ObjKey> = BTreeSet::new();
    for (k, o) in &d.to.objects {
        if let Some(old) = d.from.objects.get(k) {
            if old.create != o.create && !replaceable(k.kind) {
                rebuild.insert(k.clone());
            }
        }
    }
    // Propagate: anything over a rebuilt object or a reshaped table is rebuilt too.
    loop {
        let rebuilt_names: BTreeSet<QualName> = rebuild.iter().map(|k| QualName::new(k.schema.clone(), k.name.clone())).collect();
        let mut grew = false;
        for (k, old) in &d.from.objects {
            if rebuild.contains(k) || !d.to.objects.contains_key(k) {
                continue;
            }
            let over_changed = old.deps.iter().any(|dep| rebuilt_names.contains(dep) || d.reshaped_tables.contains(dep));
            let on_reshaped = matches!(k.kind, ObjKind::Policy | ObjKind::Rule | ObjKind::Trigger)
                && old.table.as_ref().is_some_and(|t| d.reshaped_tables.contains(t));
            if (over_changed || on_reshaped) && k.kind != ObjKind::Function && k.kind != ObjKind::Procedure {
                rebuild.insert(k.clone());
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    for (k, o) in &d.from.objects {
        let gone = !d.to.objects.contains_key(k);
        if !(gone || rebuild.contains(k)) {
            continue;
        }
        if o.table.as_ref().is_some_and(|t| d.dropped_tables.contains(t)) {
            continue;
        }
        let hazard = (gone && k.kind == ObjKind::Type).then_some(Hazard::DataLoss);
        d.push(super::Phase::Drop, o.pos, format!("DROP {}", o.target), hazard);
    }
    for (k, o) in &d.to.objects {
        let old = d.from.objects.get(k);
        let create = match old {
            None => true,
            Some(_) if rebuild.contains(k) => true,
            Some(old) if old.create != o.create => {
                // Replaceable kinds: CREATE OR REPLACE in place.
                let sql = o.create.replacen("CREATE ", "CREATE OR REPLACE ", 1);
                d.create(o.pos, sql);
                false
            }
            Some(old) => {
                if old.after != o.after {
                    if o.after.is_empty() && k.kind == ObjKind::Trigger {
                        let table = o.table.as_ref().map(QualName::sql).unwrap_or_default();
                        d.create(o.pos, format!("ALTER TABLE {table} ENABLE TRIGGER {}", crate::emit::quote::ident(&k.name)));
                    }
                    emit_after(d, o.pos, &o.after);
                }
                false
            }
        };
        if create {
            d.recreated.insert(o.target.clone());
            d.create(o.pos, o.create.clone());
            emit_after(d, o.pos, &o.after);
        }
    }
}

fn emit_after(d: &mut Diff, pos: usize, after: &[String]) {
    for a in after {
        d.create(pos, a.clone());
    }
}

/// Kinds whose changed definition can be applied with CREATE OR REPLACE. Functions only
/// when the signature's result is unchanged: the canonical text holds it, so a function
/// whose return type changes is dropped and created instead (see `rebuild` above).
fn replaceable(kind: ObjKind) -> bool {
    matches!(kind, ObjKind::Function | ObjKind::Procedure)
}
