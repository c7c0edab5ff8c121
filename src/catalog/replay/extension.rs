//! `ALTER EXTENSION e SET SCHEMA s`: the server moves the extension and every object it
//! holds into the new schema, and whatever refers to those objects (by OID) names them there
//! from then on.
//!
//! The catalog does not list what an extension holds (pg_dump leaves its members out), so it
//! goes by the names the schema's other objects use: a name in the extension's schema that
//! the catalog does not define is the extension's, as the dependency graph takes it to be
//! (`graph::Names`). When several extensions share the schema, a name is the moving
//! extension's where PostgreSQL 15's contrib lists it for that extension and for none of the
//! others (`contrib::holds`); a name it lists for none of them, or for both (an
//! operator such as `<>`, which the operand types would tell apart), stays where it is,
//! with a warning.

use std::cell::RefCell;
use std::collections::BTreeSet;

use pg_query::protobuf::AlterObjectSchemaStmt;

use super::{node_string, Replay};
use crate::catalog::model::*;
use crate::syntax::Stmt;

impl Replay {
    /// `ALTER EXTENSION e SET SCHEMA s`.
    pub(super) fn move_extension(&mut self, stmt: &Stmt, s: &AlterObjectSchemaStmt) {
        let name = s
            .object
            .as_deref()
            .and_then(node_string)
            .unwrap_or_default();
        let Some(old) = self.catalog.extensions.get(&name).map(|e| e.schema.clone()) else {
            if !s.missing_ok {
                self.reject(stmt, format!("extension \"{name}\" does not exist"));
            }
            return;
        };
        if !self.catalog.schemas.contains_key(&s.newschema) {
            self.reject(stmt, format!("schema \"{}\" does not exist", s.newschema));
            return;
        }
        let Some(old) = old.filter(|o| *o != s.newschema) else {
            return;
        };
        self.shaped(super::super::graph::Node::Extension(name.clone()));
        let sharing: Vec<String> = self
            .catalog
            .extensions
            .iter()
            .filter(|(n, e)| **n != name && e.schema.as_deref() == Some(old.as_str()))
            .map(|(n, _)| n.clone())
            .collect();
        let defined = defined_in(&self.catalog, &old);
        let unknown: RefCell<BTreeSet<String>> = RefCell::new(BTreeSet::new());
        let moves = |n: &str, op: bool| {
            if defined.contains(&(n.to_string(), op)) {
                return false;
            }
            if sharing.is_empty() {
                return true;
            }
            let ours = crate::catalog::contrib::holds(&name, n);
            let theirs = sharing.iter().any(|e| crate::catalog::contrib::holds(e, n));
            if ours == theirs {
                unknown.borrow_mut().insert(n.to_string());
            }
            ours && !theirs
        };
        self.move_names(&old, &s.newschema, &moves);
        if let Some(e) = self.catalog.extensions.get_mut(&name) {
            e.schema = Some(s.newschema.clone());
        }
        let unknown = unknown.into_inner();
        if !unknown.is_empty() {
            let names: Vec<String> = unknown.into_iter().collect();
            let others = sharing.join(", ");
            self.warn(stmt, format!("extension {name} shares schema {old} with {others}: which of them holds {} is not known offline, so they are taken to stay in {old}", names.join(", ")));
        }
    }

    /// Every reference to a name of schema `old` that `moves` picks (its value, and whether it
    /// is an operator) now names it in schema `new`.
    fn move_names(&mut self, old: &str, new: &str, moves: &dyn Fn(&str, bool) -> bool) {
        let text = |sql: &mut String| {
            *sql = super::rename::rewrite_qualified(sql, old, &|n, op| {
                moves(n, op).then(|| {
                    if op {
                        super::operator::operator_sql(new, n)
                    } else {
                        QualName::new(new, n).sql()
                    }
                })
            });
        };
        let name = |q: &mut QualName| {
            if q.schema == old && moves(&q.name, false) {
                q.schema = new.to_string();
            }
        };
        let c = &mut self.catalog;
        for t in c.tables.values_mut() {
            for col in &mut t.columns {
                text(&mut col.type_sql);
                col.collation.iter_mut().for_each(text);
                if let Some((d, _)) = &mut col.default {
                    text(d);
                }
                col.generated.iter_mut().for_each(text);
                col.default_deps.iter_mut().for_each(name);
                col.generated_deps.iter_mut().for_each(name);
            }
            for k in t.constraints.values_mut() {
                text(&mut k.def);
                k.deps.iter_mut().for_each(name);
            }
            t.partition_by.iter_mut().for_each(text);
        }
        for i in c.indexes.values_mut() {
            text(&mut i.def);
            text(&mut i.shape);
            i.deps.iter_mut().for_each(name);
        }
        let objects = std::mem::take(&mut c.objects);
        for (mut k, mut o) in objects {
            let key_before = k.clone();
            text(&mut k.sub);
            text(&mut o.create);
            o.after.iter_mut().for_each(text);
            text(&mut o.target);
            o.deps.iter_mut().for_each(name);
            o.soft_deps.iter_mut().for_each(name);
            if let Some(r) = &mut o.routine {
                text(&mut r.result);
            }
            for a in o.attributes.iter_mut().flatten() {
                text(&mut a.type_sql);
                a.collation.iter_mut().for_each(text);
            }
            if let Some(d) = &mut o.domain {
                text(&mut d.base);
                d.default.iter_mut().for_each(text);
                d.checks.values_mut().for_each(text);
            }
            o.column_defaults.values_mut().for_each(text);
            if k != key_before {
                self.on_table.note_object(&k, &o);
            }
            c.objects.insert(k, o);
        }
        c.retarget_notes(|target| {
            let mut t = target.to_string();
            text(&mut t);
            t
        });
    }
}

/// The names schema `schema` holds in `c` (relations, types, functions and every other
/// kind with a name), each with whether it is an operator's.
fn defined_in(c: &Catalog, schema: &str) -> BTreeSet<(String, bool)> {
    let mut out = BTreeSet::new();
    let relations = c
        .tables
        .keys()
        .chain(c.sequences.keys())
        .chain(c.indexes.keys());
    out.extend(
        relations
            .filter(|q| q.schema == schema)
            .map(|q| (q.name.clone(), false)),
    );
    for (k, o) in c.objects.iter().filter(|(k, _)| k.schema == schema) {
        out.insert((k.name.clone(), k.kind == ObjKind::Operator));
        if let Some(m) = o.multirange().filter(|m| m.schema == schema) {
            out.insert((m.name, false));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;

    fn catalog(sql: &str) -> Catalog {
        crate::catalog_from_sql("t.sql", sql).expect("loads")
    }

    /// What a catalog built by moving extensions disagrees on with one built where they
    /// already are (positions aside).
    fn differences(moved: &Catalog, there: &Catalog) -> Vec<String> {
        crate::verify::meaning::differences(moved, there, &crate::DiffOptions::default())
            .iter()
            .map(|d| format!("{d:?}"))
            .collect()
    }

    const USES: &str = "CREATE TABLE t (a SCHEMA_.citext DEFAULT 'x'::SCHEMA_.citext CHECK (a OPERATOR(SCHEMA_.~~) 'x%'::SCHEMA_.citext), h public.hstore);\n\
        CREATE INDEX t_a ON t (SCHEMA_.regexp_replace(a, 'x'::SCHEMA_.citext, 'y'));\n\
        CREATE FUNCTION f(x SCHEMA_.citext) RETURNS SCHEMA_.citext LANGUAGE sql AS 'select x';\n\
        COMMENT ON FUNCTION f(SCHEMA_.citext) IS 'f';\n\
        CREATE DOMAIN d AS SCHEMA_.citext CHECK (VALUE OPERATOR(SCHEMA_.~~) '%@%');\n\
        CREATE TYPE c AS (a SCHEMA_.citext, h public.hstore);\n\
        CREATE VIEW v AS SELECT SCHEMA_.regexp_replace(a, 'x'::SCHEMA_.citext, 'y'), h OPERATOR(public.->) 'k' AS k FROM t;\n";

    #[test]
    fn what_refers_to_an_extension_follows_it_to_its_new_schema() {
        let head = "CREATE SCHEMA ext;\nCREATE EXTENSION citext WITH SCHEMA public;\nCREATE EXTENSION hstore WITH SCHEMA public;\n";
        let moved = catalog(&format!(
            "{head}{}ALTER EXTENSION citext SET SCHEMA ext;\n",
            USES.replace("SCHEMA_", "public")
        ));
        let there = catalog(&format!(
            "{}{}",
            head.replace("citext WITH SCHEMA public", "citext WITH SCHEMA ext"),
            USES.replace("SCHEMA_", "ext")
        ));
        assert_eq!(differences(&moved, &there), Vec::<String>::new());
        assert_eq!(
            moved
                .extensions
                .get("citext")
                .and_then(|e| e.schema.as_deref()),
            Some("ext")
        );
        assert!(moved.comments.contains_key("FUNCTION public.f(ext.citext)"));
        // hstore's names stay where hstore is.
        assert!(moved
            .tables
            .values()
            .any(|t| t.column("h").is_some_and(|c| c.type_sql == "public.hstore")));
    }

    #[test]
    fn a_name_two_extensions_of_the_schema_may_hold_stays_with_a_warning() {
        let sql = "CREATE SCHEMA ext;\nCREATE EXTENSION citext;\nCREATE EXTENSION hstore;\n\
                   CREATE TABLE t (a public.citext CHECK (a OPERATOR(public.<>) ''::public.citext));\n\
                   ALTER EXTENSION citext SET SCHEMA ext;\n";
        let file = std::sync::Arc::new(crate::input::SourceFile::new("t.sql", sql.to_string()));
        let l = crate::catalog_from_files(&[file], &crate::LoadOptions::default(), Vec::new())
            .expect("loads");
        let warnings: Vec<&str> = l.warnings.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(warnings, ["extension citext shares schema public with hstore: which of them holds <> is not known offline, so they are taken to stay in public"]);
        let check = l
            .catalog
            .tables
            .values()
            .flat_map(|t| t.constraints.values())
            .map(|c| c.def.clone())
            .collect::<Vec<_>>();
        assert_eq!(check, ["CHECK (a OPERATOR(public.<>) ''::ext.citext)"]);
    }

    #[test]
    fn the_server_refuses_a_missing_extension_or_schema() {
        let file = |sql: &str| {
            std::sync::Arc::new(crate::input::SourceFile::new("t.sql", sql.to_string()))
        };
        let errors = |sql: &str| match crate::catalog_from_files(
            &[file(sql)],
            &crate::LoadOptions::default(),
            Vec::new(),
        ) {
            Ok(_) => Vec::new(),
            Err(d) => d.iter().map(|d| d.message.clone()).collect(),
        };
        assert_eq!(
            errors("ALTER EXTENSION citext SET SCHEMA public;"),
            ["extension \"citext\" does not exist"]
        );
        assert_eq!(
            errors("CREATE EXTENSION citext;\nALTER EXTENSION citext SET SCHEMA nowhere;"),
            ["schema \"nowhere\" does not exist"]
        );
    }
}
