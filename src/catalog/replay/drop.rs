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
            let cascade = super::depend::cascades(s.behavior);
            let found = match kind {
                O::ObjectTable | O::ObjectForeignTable => {
                    let q = rel(self);
                    if !self.catalog.tables.contains_key(&q) {
                        false
                    } else {
                        self.drop_table_tree(stmt, &q, cascade);
                        true
                    }
                }
                O::ObjectSequence => {
                    let q = rel(self);
                    if !self.catalog.sequences.contains_key(&q) {
                        false
                    } else if self.refused(stmt, &q, None, cascade, "sequence") {
                        true
                    } else {
                        self.catalog.sequences.remove(&q);
                        self.catalog.forget_notes(&format!("SEQUENCE {}", q.sql()));
                        true
                    }
                }
                O::ObjectIndex => {
                    let q = rel(self);
                    let found = self.catalog.indexes.contains_key(&q);
                    // A partition's index goes only with the partitioned index it is attached to.
                    if let Some(p) = self
                        .catalog
                        .indexes
                        .get(&q)
                        .and_then(|i| i.attached_to.clone())
                        .filter(|p| self.catalog.indexes.contains_key(p))
                    {
                        self.reject(
                            stmt,
                            format!(
                                "cannot drop index {} because index {} requires it",
                                q.name, p.name
                            ),
                        );
                        continue;
                    }
                    // The partitions' indexes attached to a partitioned index go with it.
                    let mut gone = vec![q];
                    while let Some(q) = gone.pop() {
                        let Some(index) = self.catalog.indexes.remove(&q) else {
                            continue;
                        };
                        self.catalog.forget_notes(&super::comment::index_target(&q));
                        self.move_cluster_mark(&index.table, &q.name, None);
                        let partitioned = self
                            .catalog
                            .tables
                            .get(&index.table)
                            .is_some_and(|t| t.partition_by.is_some());
                        if partitioned {
                            gone.extend(
                                self.catalog
                                    .indexes
                                    .iter()
                                    .filter(|(_, i)| i.attached_to.as_ref() == Some(&q))
                                    .map(|(k, _)| k.clone()),
                            );
                        }
                    }
                    found
                }
                O::ObjectSchema => {
                    let name = parts.first().cloned().unwrap_or_default();
                    let c = &self.catalog;
                    let used = c
                        .tables
                        .keys()
                        .chain(c.sequences.keys())
                        .chain(c.indexes.keys())
                        .any(|q| q.schema == name)
                        || c.objects.keys().any(|k| k.schema == name);
                    if used && !cascade && c.schemas.contains_key(&name) {
                        self.warn(
                            stmt,
                            format!("cannot drop schema {name} because objects in it remain"),
                        );
                        continue;
                    }
                    let found = self.catalog.schemas.remove(&name).is_some();
                    if found {
                        self.schema_leaves_publications(&name);
                        // What other schemas hold that needs something of this one goes
                        // too (CASCADE, or nothing needs it).
                        let c = &self.catalog;
                        let inside: Vec<(QualName, bool)> =
                            c.tables
                                .keys()
                                .map(|q| (q.clone(), true))
                                .chain(c.sequences.keys().map(|q| (q.clone(), false)))
                                .chain(c.objects.keys().filter(|k| k.sub.is_empty()).map(|k| {
                                    (QualName::new(k.schema.clone(), k.name.clone()), false)
                                }))
                                .filter(|(q, _)| q.schema == name)
                                .collect();
                        for (q, table) in inside {
                            self.drop_cascade(&q, table.then_some(&q));
                        }
                        self.catalog.tables.retain(|q, _| q.schema != name);
                        self.catalog.sequences.retain(|q, _| q.schema != name);
                        self.catalog.indexes.retain(|q, _| q.schema != name);
                        self.catalog.objects.retain(|k, _| k.schema != name);
                        self.catalog
                            .default_acls
                            .retain(|k, _| k.schema.as_ref() != Some(&name));
                        // The schema's comment and those of everything in it.
                        let schema = crate::emit::quote::ident(&name);
                        let inside = format!(" {schema}.");
                        let on = format!(" ON {schema}.");
                        let own = format!("SCHEMA {schema}");
                        self.catalog.retain_notes(|k| {
                            !(k == own || k.contains(&inside) || k.contains(&on))
                        });
                    }
                    found
                }
                O::ObjectExtension => {
                    let name = parts.first().cloned().unwrap_or_default();
                    self.catalog
                        .forget_notes(&format!("EXTENSION {}", crate::emit::quote::ident(&name)));
                    self.catalog.extensions.remove(&name).is_some() || name == "plpgsql"
                }
                O::ObjectTrigger => {
                    let (name, table) = self.on_table_target(&parts);
                    self.drop_trigger(stmt, &table, &name)
                }
                O::ObjectPolicy => self.drop_on_table(ObjKind::Policy, &parts),
                O::ObjectRule => self.drop_on_table(ObjKind::Rule, &parts),
                O::ObjectRole | O::ObjectDatabase | O::ObjectTablespace => true,
                // Kept as generic objects, or not modelled: `generic_key` decides, and what it
                // does not know is reported below.
                O::Undefined
                | O::ObjectAccessMethod
                | O::ObjectAggregate
                | O::ObjectAmop
                | O::ObjectAmproc
                | O::ObjectAttribute
                | O::ObjectCast
                | O::ObjectColumn
                | O::ObjectCollation
                | O::ObjectConversion
                | O::ObjectDefault
                | O::ObjectDefacl
                | O::ObjectDomain
                | O::ObjectDomconstraint
                | O::ObjectEventTrigger
                | O::ObjectFdw
                | O::ObjectForeignServer
                | O::ObjectFunction
                | O::ObjectLanguage
                | O::ObjectLargeobject
                | O::ObjectMatview
                | O::ObjectOpclass
                | O::ObjectOperator
                | O::ObjectOpfamily
                | O::ObjectParameterAcl
                | O::ObjectProcedure
                | O::ObjectPublication
                | O::ObjectPublicationNamespace
                | O::ObjectPublicationRel
                | O::ObjectRoutine
                | O::ObjectSubscription
                | O::ObjectStatisticExt
                | O::ObjectTabconstraint
                | O::ObjectTransform
                | O::ObjectTsconfiguration
                | O::ObjectTsdictionary
                | O::ObjectTsparser
                | O::ObjectTstemplate
                | O::ObjectType
                | O::ObjectUserMapping
                | O::ObjectView => match self.generic_key(kind, node) {
                    Some(key) => {
                        let key = if matches!(key.kind, ObjKind::View | ObjKind::MaterializedView) {
                            let q = rel(self);
                            ObjKey {
                                schema: q.schema,
                                name: q.name,
                                ..key
                            }
                        } else {
                            key
                        };
                        if !self.catalog.objects.contains_key(&key) {
                            false
                        } else if self.object_refused(stmt, &key, cascade) {
                            true
                        } else {
                            // (A CASCADE through a cycle, a base type and its input
                            // function, may have taken it already.)
                            if self.remove_object(&key) && key.kind == ObjKind::Operator {
                                self.unlink_operator(stmt, &key);
                            }
                            true
                        }
                    }
                    None => {
                        self.unsupported(stmt, &format!("DROP {}", super::rename::sql_words(kind)));
                        true
                    }
                },
            };
            if !found && !s.missing_ok {
                // As psql goes past it (pg_dump --clean without --if-exists writes these).
                let what = self
                    .object_target(s.remove_type, Some(obj))
                    .flatten()
                    .unwrap_or_else(|| parts.join("."));
                self.warn(stmt, format!("{what} does not exist; the DROP is skipped"));
            }
        }
    }

    /// DROP of an object that hangs on a table (`name ON table`): whether it existed.
    fn drop_on_table(&mut self, kind: ObjKind, parts: &[String]) -> bool {
        let (name, t) = self.on_table_target(parts);
        let key = ObjKey {
            kind,
            schema: t.schema.clone(),
            name,
            sub: t.name.clone(),
        };
        self.remove_object(&key)
    }

    /// The name and the table of `name ON table` (a DROP's parts).
    fn on_table_target(&self, parts: &[String]) -> (String, QualName) {
        let Some((name, t)) = parts.split_last() else {
            return (String::new(), QualName::new("", ""));
        };
        let t = match t {
            [sch, n] => QualName::new(sch.clone(), n.clone()),
            [n] => self.resolver().relation("", n),
            _ => QualName::new("", ""),
        };
        (name.clone(), t)
    }

    /// Whether the server refuses to drop `q` because something still needs it; with
    /// CASCADE, that something goes first.
    fn refused(
        &mut self,
        stmt: &Stmt,
        q: &QualName,
        owner: Option<&QualName>,
        cascade: bool,
        what: &str,
    ) -> bool {
        if cascade {
            self.drop_cascade(q, owner);
            return false;
        }
        let needs = self.dependents(q, owner);
        self.refuse_for(stmt, q, what, &needs)
    }

    /// Refuses the DROP of `what` `q` that `needs` still need, with the server's message;
    /// whether it did (something needs it).
    fn refuse_for(
        &mut self,
        stmt: &Stmt,
        q: &QualName,
        what: &str,
        needs: &[super::depend::Dependent],
    ) -> bool {
        if needs.is_empty() {
            return false;
        }
        let list: Vec<String> = needs.iter().take(5).map(super::depend::describe).collect();
        self.warn(
            stmt,
            format!(
                "cannot drop {what} {} because other objects depend on it: {}",
                q.sql(),
                list.join(", ")
            ),
        );
        true
    }

    /// `refused` for a generic object. Functions are known by name only in what depends on
    /// them, so a function is only held back when no other overload of its name remains.
    fn object_refused(&mut self, stmt: &Stmt, key: &ObjKey, cascade: bool) -> bool {
        let q = QualName::new(key.schema.clone(), key.name.clone());
        let owner = matches!(key.kind, ObjKind::View | ObjKind::MaterializedView).then_some(&q);
        if matches!(
            key.kind,
            ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate
        ) {
            let overloads = self
                .catalog
                .objects
                .keys()
                .filter(|k| k.kind == key.kind && k.schema == key.schema && k.name == key.name)
                .count();
            if overloads > 1 {
                return false;
            }
        }
        let what = key.kind.sql_keyword().to_lowercase();
        // A range's multirange goes with it: what holds the multirange needs the range.
        let multirange = self.catalog.objects.get(key).and_then(|o| o.multirange());
        self.refused(stmt, &q, owner, cascade, &what)
            || multirange.is_some_and(|m| self.refused(stmt, &m, None, cascade, &what))
    }

    /// DROP TABLE `q`: a partitioned table's partitions, at every level, go with it (the
    /// server needs no CASCADE for them); what else needs any of them refuses the drop, or
    /// goes too with CASCADE.
    fn drop_table_tree(&mut self, stmt: &Stmt, q: &QualName, cascade: bool) {
        let mut tree = vec![q.clone()];
        let mut i = 0;
        while let Some(t) = tree.get(i).cloned() {
            // (Only a partitioned table has partitions: no index of children for the others.)
            if self
                .catalog
                .tables
                .get(&t)
                .is_some_and(|t| t.partition_by.is_some())
            {
                tree.extend(self.partitions_of(&t));
            }
            i += 1;
        }
        if !cascade {
            let mut blocking: Vec<super::depend::Dependent> = tree
                .iter()
                .flat_map(|t| self.dependents(t, Some(t)))
                .filter(|d| {
                    use super::depend::Dependent as D;
                    // What the tree's own tables hold goes with them (a foreign key of the
                    // partitioned table to itself needs each of its partitions).
                    !matches!(d, D::Table(t) | D::Column(t, _) | D::Default(t, _) | D::Constraint(t, _)
                        if tree.contains(t))
                })
                .collect();
            blocking.sort();
            blocking.dedup();
            if self.refuse_for(stmt, q, "table", &blocking) {
                return;
            }
        }
        // The deepest partitions first.
        for t in tree.iter().rev() {
            if cascade {
                self.drop_cascade(t, Some(t));
            }
            self.remove_table(t);
        }
    }

    /// Drops a table with everything that hangs on it: comments of its columns, constraints
    /// and clones of triggers above it, its indexes, triggers, policies, rules and owned
    /// sequences.
    pub(super) fn remove_table(&mut self, q: &QualName) -> bool {
        for name in self.clones_held(q) {
            self.catalog
                .forget_notes(&crate::catalog::triggers::trigger_target(q, &name));
        }
        let Some(t) = self.catalog.tables.remove(q) else {
            return false;
        };
        for name in t.constraints.keys() {
            self.forget_constraint(q, name);
        }
        for c in &t.columns {
            self.catalog.forget_notes(&format!(
                "COLUMN {}.{}",
                q.sql(),
                crate::emit::quote::ident(&c.name)
            ));
        }
        self.forget_relation(q, true);
        true
    }

    pub(super) fn remove_object(&mut self, key: &ObjKey) -> bool {
        match self.catalog.objects.remove(key) {
            Some(o) => {
                self.catalog.forget_notes(&o.target);
                if o.attributes.is_some() {
                    // A composite type's attributes, commented on as columns.
                    let q = QualName::new(key.schema.clone(), key.name.clone());
                    self.catalog
                        .forget_notes_under(&format!("COLUMN {}.", q.sql()));
                }
                if matches!(key.kind, ObjKind::View | ObjKind::MaterializedView) {
                    // A materialized view can have indexes.
                    self.forget_relation(
                        &QualName::new(key.schema.clone(), key.name.clone()),
                        key.kind == ObjKind::MaterializedView,
                    );
                }
                true
            }
            None => false,
        }
    }

    /// Removes what hangs on a dropped relation: its indexes, triggers, policies, rules,
    /// owned sequences and comments (a table's columns and constraints are the caller's).
    /// `table` is false for a view, which has no indexes or owned sequences to look for.
    fn forget_relation(&mut self, q: &QualName, table: bool) {
        if table {
            self.leave_publications(q);
        }
        let c = &mut self.catalog;
        if table {
            for k in self.on_table.indexes(c, q) {
                c.indexes.remove(&k);
                c.forget_notes(&super::comment::index_target(&k));
            }
            for k in self.on_table.sequences(c, q) {
                c.sequences.remove(&k);
                c.forget_notes(&format!("SEQUENCE {}", k.sql()));
            }
        }
        // What hangs on it (triggers, policies, rules, statistics) goes with it.
        for k in self.on_table.objects(c, q) {
            if let Some(o) = c.objects.remove(&k) {
                c.forget_notes(&o.target);
            }
        }
        let rel = q.sql();
        for kind in ["TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW"] {
            c.forget_notes(&format!("{kind} {rel}"));
        }
        // Columns of a view or materialized view.
        let prefix = format!("COLUMN {rel}.");
        c.forget_notes_under(&prefix);
    }
}
