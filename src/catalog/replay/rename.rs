//! ALTER ... RENAME. The server refers to objects by OID, so a rename carries every reference
//! along: column types, defaults, constraint, index and view definitions, function
//! signatures, triggers and policies of a renamed table, comments. The catalog keeps names
//! as text, so a rename rewrites that text where it names the object.

use pg_query::protobuf::{self, ObjectType};
use pg_query::NodeEnum;

use super::{name_list, Replay};
use crate::catalog::model::*;
use crate::emit::quote;
use crate::syntax::Stmt;

impl Replay {
    pub(super) fn rename(&mut self, stmt: &Stmt, s: &protobuf::RenameStmt) {
        use ObjectType as O;
        let kind = O::try_from(s.rename_type).unwrap_or(O::Undefined);
        let rel = s.relation.as_ref().map(|rv| self.resolver().relation(&rv.schemaname, &rv.relname));
        let found = match (kind, rel) {
            (O::ObjectTable | O::ObjectForeignTable, Some(q)) => match self.catalog.tables.remove(&q) {
                Some(t) => {
                    let new = QualName::new(q.schema.clone(), s.newname.clone());
                    self.catalog.tables.insert(new.clone(), t);
                    self.retarget(&q, &new);
                    true
                }
                None => false,
            },
            (O::ObjectView | O::ObjectMatview, Some(q)) => {
                let kind = if kind == O::ObjectView { ObjKind::View } else { ObjKind::MaterializedView };
                let key = ObjKey { kind, schema: q.schema.clone(), name: q.name.clone(), sub: String::new() };
                match self.catalog.objects.remove(&key) {
                    Some(o) => {
                        let new = QualName::new(q.schema.clone(), s.newname.clone());
                        self.catalog.objects.insert(ObjKey { name: s.newname.clone(), ..key }, o);
                        self.retarget(&q, &new);
                        true
                    }
                    None => false,
                }
            }
            (O::ObjectSequence, Some(q)) => match self.catalog.sequences.remove(&q) {
                Some(seq) => {
                    let new = QualName::new(q.schema.clone(), s.newname.clone());
                    self.catalog.sequences.insert(new.clone(), seq);
                    self.retarget(&q, &new);
                    true
                }
                None => false,
            },
            (O::ObjectIndex, Some(q)) => match self.catalog.indexes.remove(&q) {
                Some(mut i) => {
                    let new = QualName::new(q.schema.clone(), s.newname.clone());
                    for head in ["CREATE INDEX ", "CREATE UNIQUE INDEX "] {
                        let old_head = format!("{head}{} ON ", quote::ident(&q.name));
                        if let Some(rest) = i.def.strip_prefix(&old_head) {
                            i.def = format!("{head}{} ON {rest}", quote::ident(&new.name));
                        }
                    }
                    self.catalog.indexes.insert(new.clone(), i);
                    self.retarget(&q, &new);
                    true
                }
                None => false,
            },
            (O::ObjectColumn, Some(q)) => self.rename_column(&q, &s.subname, &s.newname),
            (O::ObjectTabconstraint, Some(q)) => {
                let renamed = match self.catalog.tables.get_mut(&q) {
                    Some(t) => match t.constraints.remove(&s.subname) {
                        Some(c) => {
                            t.constraints.insert(s.newname.clone(), c);
                            true
                        }
                        None => false,
                    },
                    None => false,
                };
                if renamed {
                    let rekey = |prefix: &str, old: &str, new: &str| (format!("{prefix}{old}"), format!("{prefix}{new}"));
                    let on = format!(" ON {}", q.sql());
                    let con = rekey("CONSTRAINT ", &format!("{}{on}", quote::ident(&s.subname)), &format!("{}{on}", quote::ident(&s.newname)));
                    let idx = rekey("INDEX ", &QualName::new(q.schema.clone(), s.subname.clone()).sql(), &QualName::new(q.schema.clone(), s.newname.clone()).sql());
                    for (old, new) in [con, idx] {
                        if let Some(c) = self.catalog.comments.remove(&old) {
                            self.catalog.comments.insert(new, c);
                        }
                    }
                }
                renamed
            }
            (O::ObjectType | O::ObjectDomain, _) => {
                let parts = match s.object.as_deref().and_then(|o| o.node.as_ref()) {
                    Some(NodeEnum::List(l)) => name_list(&l.items),
                    _ => Vec::new(),
                };
                let r = self.resolver();
                let q = match parts.as_slice() {
                    [sch, n] => QualName::new(sch.clone(), n.clone()),
                    [n] => QualName::new(r.user_type_schema(n).unwrap_or_else(|| r.creation_schema()), n.clone()),
                    _ => QualName::new("", parts.join(".")),
                };
                let objkind = if kind == O::ObjectType { ObjKind::Type } else { ObjKind::Domain };
                let key = ObjKey { kind: objkind, schema: q.schema.clone(), name: q.name.clone(), sub: String::new() };
                match self.catalog.objects.remove(&key) {
                    Some(o) => {
                        let new = QualName::new(q.schema.clone(), s.newname.clone());
                        self.catalog.objects.insert(ObjKey { name: s.newname.clone(), ..key }, o);
                        self.retarget(&q, &new);
                        true
                    }
                    None => false,
                }
            }
            (
                O::Undefined
                | O::ObjectAccessMethod
                | O::ObjectAmop
                | O::ObjectAmproc
                | O::ObjectAttribute
                | O::ObjectCast
                | O::ObjectColumn
                | O::ObjectTable
                | O::ObjectForeignTable
                | O::ObjectView
                | O::ObjectMatview
                | O::ObjectSequence
                | O::ObjectIndex
                | O::ObjectTabconstraint
                | O::ObjectCollation
                | O::ObjectConversion
                | O::ObjectDatabase
                | O::ObjectDefault
                | O::ObjectDefacl
                | O::ObjectDomconstraint
                | O::ObjectEventTrigger
                | O::ObjectExtension
                | O::ObjectFdw
                | O::ObjectForeignServer
                | O::ObjectFunction
                | O::ObjectLanguage
                | O::ObjectLargeobject
                | O::ObjectOpclass
                | O::ObjectOperator
                | O::ObjectOpfamily
                | O::ObjectParameterAcl
                | O::ObjectPolicy
                | O::ObjectProcedure
                | O::ObjectPublication
                | O::ObjectPublicationNamespace
                | O::ObjectPublicationRel
                | O::ObjectRole
                | O::ObjectRoutine
                | O::ObjectRule
                | O::ObjectSchema
                | O::ObjectStatisticExt
                | O::ObjectSubscription
                | O::ObjectTablespace
                | O::ObjectTransform
                | O::ObjectTrigger
                | O::ObjectTsconfiguration
                | O::ObjectTsdictionary
                | O::ObjectTsparser
                | O::ObjectTstemplate
                | O::ObjectUserMapping
                | O::ObjectAggregate,
                _,
            ) => {
                self.unsupported(stmt, &format!("ALTER {} ... RENAME", kind.as_str_name()));
                return;
            }
        };
        if !found && !s.missing_ok {
            self.warn(stmt, format!("{} to rename does not exist", kind.as_str_name()));
        }
    }

    fn rename_column(&mut self, table: &QualName, old: &str, new: &str) -> bool {
        let Some(t) = self.catalog.tables.get_mut(table) else { return false };
        let Some(col) = t.column_mut(old) else { return false };
        col.name = new.to_string();
        let (old_id, new_id) = (quote::ident(old), quote::ident(new));
        for c in t.constraints.values_mut() {
            c.def = replace_name(&c.def, &old_id, &new_id);
            for k in &mut c.columns {
                if k == old {
                    *k = new.to_string();
                }
            }
        }
        for i in self.catalog.indexes.values_mut().filter(|i| i.table == *table) {
            i.def = replace_name(&i.def, &old_id, &new_id);
            for k in &mut i.columns {
                if k == old {
                    *k = new.to_string();
                }
            }
        }
        for s in self.catalog.sequences.values_mut() {
            if let Some((t, c)) = &mut s.owned_by {
                if t == table && c == old {
                    *c = new.to_string();
                }
            }
        }
        let prefix = format!("COLUMN {}.", table.sql());
        if let Some(c) = self.catalog.comments.remove(&format!("{prefix}{old_id}")) {
            self.catalog.comments.insert(format!("{prefix}{new_id}"), c);
        }
        true
    }

    /// Every reference to `old` (a relation or a type) now names `new`.
    fn retarget(&mut self, old: &QualName, new: &QualName) {
        let (o, n) = (old.sql(), new.sql());
        let text = |s: &mut String| *s = replace_name(s, &o, &n);
        let name = |q: &mut QualName| {
            if q == old {
                *q = new.clone();
            }
        };
        let c = &mut self.catalog;
        for t in c.tables.values_mut() {
            for col in &mut t.columns {
                text(&mut col.type_sql);
                if let Some((d, _)) = &mut col.default {
                    text(d);
                }
                if let Some(g) = &mut col.generated {
                    text(g);
                }
                col.default_deps.iter_mut().for_each(name);
                col.generated_deps.iter_mut().for_each(name);
            }
            for k in t.constraints.values_mut() {
                text(&mut k.def);
                k.references.iter_mut().for_each(name);
                k.deps.iter_mut().for_each(name);
            }
            t.inherits.iter_mut().for_each(name);
            if let Some((p, _)) = &mut t.partition_of {
                name(p);
            }
        }
        for i in c.indexes.values_mut() {
            text(&mut i.def);
            name(&mut i.table);
            i.attached_to.iter_mut().for_each(name);
            i.deps.iter_mut().for_each(name);
        }
        for s in c.sequences.values_mut() {
            if let Some((t, _)) = &mut s.owned_by {
                name(t);
            }
        }
        let objects = std::mem::take(&mut c.objects);
        for (mut k, mut obj) in objects {
            text(&mut obj.create);
            obj.after.iter_mut().for_each(text);
            let target_before = obj.target.clone();
            text(&mut obj.target);
            obj.deps.iter_mut().for_each(name);
            obj.soft_deps.iter_mut().for_each(name);
            if obj.table.as_ref() == Some(old) {
                obj.table = Some(new.clone());
                k.sub = new.name.clone();
            }
            text(&mut k.sub);
            if obj.target != target_before {
                if let Some(cm) = c.comments.remove(&target_before) {
                    c.comments.insert(obj.target.clone(), cm);
                }
            }
            c.objects.insert(k, obj);
        }
        let comments = std::mem::take(&mut c.comments);
        c.comments = comments.into_iter().map(|(mut k, v)| {
            text(&mut k);
            (k, v)
        }).collect();
    }
}

/// `text` with every occurrence of the name `old` (not part of a longer name) replaced.
fn replace_name(text: &str, old: &str, new: &str) -> String {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$' || c == '"';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(old) {
        let before = rest[..i].chars().last().or_else(|| out.chars().last());
        let after = rest[i + old.len()..].chars().next();
        let whole = !before.is_some_and(|c| ident(c) || c == '.') && !after.is_some_and(ident);
        out.push_str(&rest[..i]);
        out.push_str(if whole { new } else { old });
        rest = &rest[i + old.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::replace_name;

    #[test]
    fn replaces_whole_names_only() {
        assert_eq!(replace_name("public.s, public.s_x, x.public.s, 'public.s'::regclass", "public.s", "public.t"), "public.t, public.s_x, x.public.s, 'public.t'::regclass");
        assert_eq!(replace_name("public.s[]", "public.s", "public.\"T\""), "public.\"T\"[]");
    }
}
