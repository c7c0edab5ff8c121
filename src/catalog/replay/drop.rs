//! DROP of every modelled kind; `IF EXISTS` on a missing object is a no-op, so a
//! `pg_dump --clean --if-exists` prelude replays to nothing on an empty catalog.

use pg_query::protobuf::{DropStmt, ObjectType};
use pg_query::NodeEnum;

use super::{name_list, Replay};
use crate::catalog::model::*;
use crate::syntax::Stmt;

impl Replay {
    pub(super) fn drop(&mut self, stmt: &Stmt, s: &DropStmt) {
        use ObjectType as O;
        let kind = O::try_from(s.remove_type).unwrap_or(O::Undefined);
        for obj in &s.objects {
            let node = obj.node.as_ref();
            let parts = match node {
                Some(NodeEnum::List(l)) => name_list(&l.items),
                Some(NodeEnum::String(x)) => vec![x.sval.clone()],
                _ => Vec::new(),
            };
            let rel = |r: &Replay| match parts.as_slice() {
                [sch, n] => QualName::new(sch.clone(), n.clone()),
                [n] => r.resolver().relation("", n),
                _ => QualName::new("", parts.join(".")),
            };
            let found = match kind {
                O::ObjectTable | O::ObjectForeignTable => {
                    let q = rel(self);
                    let found = self.catalog.tables.remove(&q).is_some();
                    if found {
                        self.forget_relation(&q);
                    }
                    found
                }
                O::ObjectSequence => {
                    let q = rel(self);
                    let found = self.catalog.sequences.remove(&q).is_some();
                    self.catalog.comments.remove(&format!("SEQUENCE {}", q.sql()));
                    found
                }
                O::ObjectIndex => {
                    let q = rel(self);
                    let found = self.catalog.indexes.remove(&q).is_some();
                    self.catalog.comments.remove(&format!("INDEX {}", q.sql()));
                    found
                }
                O::ObjectSchema => {
                    let name = parts.first().cloned().unwrap_or_default();
                    let found = self.catalog.schemas.remove(&name).is_some();
                    if found {
                        self.catalog.tables.retain(|q, _| q.schema != name);
                        self.catalog.sequences.retain(|q, _| q.schema != name);
                        self.catalog.indexes.retain(|q, _| q.schema != name);
                        self.catalog.objects.retain(|k, _| k.schema != name);
                        self.catalog.default_acls.retain(|k, _| k.schema.as_ref() != Some(&name));
                    }
                    found
                }
                O::ObjectExtension => {
                    let name = parts.first().cloned().unwrap_or_default();
                    self.catalog.extensions.remove(&name).is_some() || name == "plpgsql"
                }
                O::ObjectTrigger | O::ObjectPolicy | O::ObjectRule => {
                    let objkind = match kind {
                        O::ObjectTrigger => ObjKind::Trigger,
                        O::ObjectPolicy => ObjKind::Policy,
                        _ => ObjKind::Rule,
                    };
                    match parts.split_last() {
                        Some((name, t)) => {
                            let t = match t {
                                [sch, n] => QualName::new(sch.clone(), n.clone()),
                                [n] => self.resolver().relation("", n),
                                _ => QualName::new("", ""),
                            };
                            let key = ObjKey { kind: objkind, schema: t.schema.clone(), name: name.clone(), sub: t.name.clone() };
                            self.remove_object(&key)
                        }
                        None => false,
                    }
                }
                O::ObjectRole | O::ObjectDatabase | O::ObjectTablespace => true,
                _ => match self.generic_key(kind, node) {
                    Some(key) => {
                        let key = if matches!(key.kind, ObjKind::View | ObjKind::MaterializedView) {
                            let q = rel(self);
                            ObjKey { schema: q.schema, name: q.name, ..key }
                        } else {
                            key
                        };
                        let found = self.remove_object(&key);
                        if found && key.kind == ObjKind::Operator {
                            self.unlink_operator(stmt, &key);
                        }
                        found
                    }
                    None => {
                        self.unsupported(stmt, &format!("DROP {}", kind.as_str_name()));
                        true
                    }
                },
            };
            if !found && !s.missing_ok {
                self.warn(stmt, format!("{} {} does not exist", kind.as_str_name(), parts.join(".")));
            }
        }
    }

    fn remove_object(&mut self, key: &ObjKey) -> bool {
        match self.catalog.objects.remove(key) {
            Some(o) => {
                self.catalog.comments.remove(&o.target);
                if matches!(key.kind, ObjKind::View | ObjKind::MaterializedView) {
                    self.forget_relation(&QualName::new(key.schema.clone(), key.name.clone()));
                }
                true
            }
            None => false,
        }
    }

    /// Removes what hangs on a dropped relation: its indexes, triggers, policies, rules,
    /// owned sequences and comments.
    fn forget_relation(&mut self, q: &QualName) {
        self.catalog.indexes.retain(|_, i| i.table != *q);
        self.catalog.objects.retain(|_, o| o.table.as_ref() != Some(q));
        self.catalog.sequences.retain(|_, s| s.owned_by.as_ref().map(|(t, _)| t) != Some(q));
        let prefix_col = format!("COLUMN {}.", q.sql());
        let on = format!(" ON {}", q.sql());
        let exact = [format!("TABLE {}", q.sql()), format!("FOREIGN TABLE {}", q.sql()), format!("VIEW {}", q.sql()), format!("MATERIALIZED VIEW {}", q.sql())];
        self.catalog.comments.retain(|k, _| !(k.starts_with(&prefix_col) || k.ends_with(&on) || exact.contains(k)));
    }
}
