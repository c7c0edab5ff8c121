//! What depends on a named object, as the server records it: a DROP without CASCADE of
//! something still in use is refused (the server would refuse it), and with CASCADE it takes
//! its dependents along. A migration that drops things in the wrong order fails to replay,
//! so verification sees it.
//!
//! The reverse index of names is built on demand and kept while statements only remove
//! things (a run of DROPs): each hit is checked against the catalog as it is now.

use std::collections::BTreeMap;

use pg_query::protobuf::{self, AlterTableType};
use pg_query::NodeEnum;

use super::Replay;
use crate::catalog::graph::type_name;
use crate::catalog::model::*;
use crate::emit::quote;

/// Something that needs a named object.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Dependent {
    /// An inheritance child or partition, or a typed table of the type.
    Table(QualName),
    /// A column of the type, or generated from an expression using it.
    Column(QualName, String),
    Default(QualName, String),
    Constraint(QualName, String),
    Index(QualName),
    Object(ObjKey),
}

/// Name -> what may depend on it (checked again on use).
pub(super) type Reverse = BTreeMap<QualName, Vec<Dependent>>;

impl Replay {
    /// Forgets the reverse index unless `node` only removes things.
    pub(super) fn note_statement(&mut self, node: &NodeEnum) {
        if !removes_only(node) {
            self.reverse = None;
        }
    }

    fn reverse_index(&mut self) -> &Reverse {
        self.reverse.get_or_insert_with(|| build(&self.catalog))
    }

    /// What still needs `q`, apart from the parts of `owner` (the relation being dropped,
    /// whose columns, constraints, indexes and triggers go with it).
    pub(super) fn dependents(&mut self, q: &QualName, owner: Option<&QualName>) -> Vec<Dependent> {
        let candidates = self.reverse_index().get(q).cloned().unwrap_or_default();
        let c = &self.catalog;
        let mut out: Vec<Dependent> = candidates
            .into_iter()
            .filter(|d| match d {
                Dependent::Table(t) => {
                    owner != Some(t)
                        && c.tables.get(t).is_some_and(|t| {
                            t.inherits.contains(q)
                                || t.partition_of.as_ref().is_some_and(|(p, _)| p == q)
                                || t.of_type.as_ref() == Some(q)
                                || t.partition_deps.contains(q)
                        })
                }
                Dependent::Column(t, col) => {
                    owner != Some(t)
                        && c.tables
                            .get(t)
                            .and_then(|t| t.column(col))
                            .is_some_and(|col| {
                                type_name(&col.type_sql).as_ref() == Some(q)
                                    || col.generated_deps.contains(q)
                                    || col
                                        .collation
                                        .as_deref()
                                        .and_then(crate::catalog::types::user_collation)
                                        .as_ref()
                                        == Some(q)
                            })
                }
                Dependent::Default(t, col) => {
                    owner != Some(t)
                        && c.tables
                            .get(t)
                            .and_then(|t| t.column(col))
                            .is_some_and(|col| {
                                col.default.is_some() && col.default_deps.contains(q)
                            })
                }
                Dependent::Constraint(t, n) => {
                    owner != Some(t)
                        && c.tables
                            .get(t)
                            .and_then(|t| t.constraints.get(n))
                            .is_some_and(|k| {
                                !k.inherited
                                    && (k.deps.contains(q)
                                        || k.references.as_ref() == Some(q)
                                        || k.references.as_ref().is_some_and(|r| {
                                            c.partition_ancestors(q).any(|p| p == r)
                                        }))
                            })
                }
                Dependent::Index(i) => c
                    .indexes
                    .get(i)
                    .is_some_and(|i| owner != Some(&i.table) && i.deps.contains(q)),
                // An object names itself (a view's own name, a recursive function).
                Dependent::Object(k) => {
                    !(k.schema == q.schema && k.name == q.name)
                        && c.objects.get(k).is_some_and(|o| {
                            owner.is_none_or(|t| o.table.as_ref() != Some(t)) && o.deps.contains(q)
                        })
                }
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Removes a dependent (and, through `drop_cascade`, what depends on it in turn).
    pub(super) fn remove_dependent(&mut self, d: &Dependent) {
        match d {
            Dependent::Table(t) => {
                if self.catalog.tables.contains_key(t) {
                    self.drop_cascade(t, Some(t));
                    self.remove_table(t);
                }
            }
            Dependent::Column(t, col) => {
                self.drop_column(t, col);
            }
            Dependent::Default(t, col) => {
                if let Some(c) = self
                    .catalog
                    .tables
                    .get_mut(t)
                    .and_then(|t| t.column_mut(col))
                {
                    c.default = None;
                    c.default_deps.clear();
                }
            }
            Dependent::Constraint(t, n) => {
                if let Some(t2) = self.catalog.tables.get_mut(t) {
                    t2.constraints.remove(n);
                }
                self.forget_constraint(t, n);
            }
            Dependent::Index(i) => {
                self.catalog.indexes.remove(i);
                self.catalog.forget_notes(&super::comment::index_target(i));
            }
            Dependent::Object(k) => {
                let q = QualName::new(k.schema.clone(), k.name.clone());
                if self.remove_object(k) {
                    self.drop_cascade(&q, None);
                }
            }
        }
    }

    /// `DROP ... CASCADE`: everything that needs `q`, recursively.
    pub(super) fn drop_cascade(&mut self, q: &QualName, owner: Option<&QualName>) {
        for d in self.dependents(q, owner) {
            self.remove_dependent(&d);
        }
    }
}

/// How a dependent reads in a message.
pub(super) fn describe(d: &Dependent) -> String {
    match d {
        Dependent::Table(t) => format!("table {}", t.sql()),
        Dependent::Column(t, c) => format!("column {} of table {}", quote::ident(c), t.sql()),
        Dependent::Default(t, c) => format!(
            "default value for column {} of table {}",
            quote::ident(c),
            t.sql()
        ),
        Dependent::Constraint(t, n) => {
            format!("constraint {} on table {}", quote::ident(n), t.sql())
        }
        Dependent::Index(i) => format!("index {}", i.sql()),
        Dependent::Object(k) => format!(
            "{} {}",
            k.kind.sql_keyword().to_lowercase(),
            quote::qualified(&k.schema, &k.name)
        ),
    }
}

fn build(c: &Catalog) -> Reverse {
    // The foreign keys to each partitioned table.
    let mut referencing: BTreeMap<&QualName, Vec<(&QualName, &String)>> = BTreeMap::new();
    for (tq, t) in &c.tables {
        for (n, k) in &t.constraints {
            if let Some(r) = c.partitioned_reference(k) {
                referencing.entry(r).or_default().push((tq, n));
            }
        }
    }
    let mut r: Reverse = BTreeMap::new();
    let mut add = |q: &QualName, d: Dependent| r.entry(q.clone()).or_default().push(d);
    for (tq, t) in &c.tables {
        for p in t
            .inherits
            .iter()
            .chain(t.partition_of.as_ref().map(|(p, _)| p))
            .chain(t.of_type.as_ref())
            .chain(&t.partition_deps)
        {
            add(p, Dependent::Table(tq.clone()));
        }
        for col in &t.columns {
            if let Some(ty) = type_name(&col.type_sql) {
                add(&ty, Dependent::Column(tq.clone(), col.name.clone()));
            }
            if let Some(coll) = col
                .collation
                .as_deref()
                .and_then(crate::catalog::types::user_collation)
            {
                add(&coll, Dependent::Column(tq.clone(), col.name.clone()));
            }
            for g in &col.generated_deps {
                add(g, Dependent::Column(tq.clone(), col.name.clone()));
            }
            for d in &col.default_deps {
                add(d, Dependent::Default(tq.clone(), col.name.clone()));
            }
        }
        for (n, k) in &t.constraints {
            for d in k.deps.iter().chain(k.references.as_ref()) {
                add(d, Dependent::Constraint(tq.clone(), n.clone()));
            }
        }
        // A foreign key to a partitioned table needs each of its partitions, at every
        // level (the server records a constraint on each): the partitions are found from
        // below, each under every ancestor.
        for p in c.partition_ancestors(tq) {
            for (rq, n) in referencing.get(p).into_iter().flatten() {
                add(tq, Dependent::Constraint((*rq).clone(), (*n).clone()));
            }
        }
    }
    for (iq, i) in &c.indexes {
        for d in &i.deps {
            add(d, Dependent::Index(iq.clone()));
        }
    }
    for (k, o) in &c.objects {
        for d in &o.deps {
            add(d, Dependent::Object(k.clone()));
        }
    }
    r
}

/// Statements that can only take dependencies away (so the reverse index stays valid).
// Any statement not listed may add a dependency: the safe answer for it is `false`.
#[allow(clippy::wildcard_enum_match_arm)]
fn removes_only(node: &NodeEnum) -> bool {
    match node {
        NodeEnum::DropStmt(_) => true,
        NodeEnum::AlterTableStmt(s) => s.cmds.iter().all(|c| match &c.node {
            Some(NodeEnum::AlterTableCmd(c)) => {
                let sub = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
                matches!(
                    sub,
                    AlterTableType::AtDropColumn
                        | AlterTableType::AtDropConstraint
                        | AlterTableType::AtDropNotNull
                        | AlterTableType::AtDropIdentity
                ) || (sub == AlterTableType::AtColumnDefault && c.def.is_none())
            }
            _ => false,
        }),
        NodeEnum::VariableSetStmt(_) | NodeEnum::CommentStmt(_) => true,
        _ => false,
    }
}

/// Whether a DROP says CASCADE.
pub(super) fn cascades(behavior: i32) -> bool {
    behavior == protobuf::DropBehavior::DropCascade as i32
}

#[cfg(test)]
mod tests {
    use super::super::table::tests::warnings;

    #[test]
    fn a_foreign_key_to_a_partitioned_table_needs_each_partition() {
        let base = "CREATE TABLE p (id int PRIMARY KEY) PARTITION BY RANGE (id);\n\
                    CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10) PARTITION BY RANGE (id);\n\
                    CREATE TABLE p11 PARTITION OF p1 FOR VALUES FROM (0) TO (5);\n\
                    CREATE TABLE r (pid int REFERENCES p);\n";
        for q in ["p1", "p11"] {
            assert_eq!(
                warnings(&format!("{base}DROP TABLE {q};")),
                [format!("cannot drop table public.{q} because other objects depend on it: constraint r_pid_fkey on table public.r")]
            );
        }
        // Detached, it is on its own; the whole tree, or the key first, goes as well.
        for ok in [
            "ALTER TABLE p DETACH PARTITION p1;\nDROP TABLE p1;",
            "ALTER TABLE r DROP CONSTRAINT r_pid_fkey;\nDROP TABLE p11;",
            "DROP TABLE r;\nDROP TABLE p;",
            "DROP TABLE p1 CASCADE;",
        ] {
            assert_eq!(
                warnings(&format!("{base}{ok}")),
                Vec::<String>::new(),
                "{ok}"
            );
        }
        // A key of the partitioned table to itself: its partitions cannot go alone, the
        // table can.
        let own =
            "CREATE TABLE s (id int PRIMARY KEY, up int REFERENCES s) PARTITION BY RANGE (id);\n\
                   CREATE TABLE s1 PARTITION OF s FOR VALUES FROM (0) TO (10);\n";
        assert_eq!(
            warnings(&format!("{own}DROP TABLE s1;")),
            ["cannot drop table public.s1 because other objects depend on it: constraint s_up_fkey on table public.s"]
        );
        assert_eq!(
            warnings(&format!("{own}DROP TABLE s;")),
            Vec::<String>::new()
        );
    }
}
