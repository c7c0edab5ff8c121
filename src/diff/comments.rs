//! COMMENT ON changes, re-emitted for objects that are dropped and recreated.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};

use super::Diff;
use crate::catalog::graph::Node;
use crate::catalog::{Catalog, Comment, ConstraintKind, ObjKey, ObjKind, QualName};
use crate::emit::quote;

/// Comments and security labels: the comment targets TO holds are listed once, and only
/// when some comment or label needs its object.
pub(super) fn diff_notes(d: &mut Diff) {
    let to = d.to;
    // The kinds of target a comment or label names (its first word): only those are listed.
    let kinds: BTreeSet<&str> = [d.from, d.to]
        .into_iter()
        .flat_map(|c| c.comments.keys().chain(c.security_labels.keys()))
        .filter_map(|t| t.split(' ').next())
        .collect();
    let live = Live {
        catalog: to,
        kinds,
        targets: OnceCell::new(),
    };
    diff_comments(d, &live);
    diff_security_labels(d, &live);
}

/// TO's comment targets, worked out on first use.
struct Live<'a> {
    catalog: &'a Catalog,
    /// The first words of the targets looked up.
    kinds: BTreeSet<&'a str>,
    targets: OnceCell<BTreeMap<String, Node>>,
}

impl Live<'_> {
    fn get(&self) -> &BTreeMap<String, Node> {
        self.targets.get_or_init(|| {
            // A column's comment falls back on its relation's target.
            let columns = self.kinds.contains("COLUMN");
            targets_of(self.catalog, &|kind| {
                self.kinds.contains(kind) || (columns && matches!(kind, "TABLE" | "FOREIGN"))
            })
        })
    }
}

fn diff_comments(d: &mut Diff, live: &Live) {
    let comment = |target: &str| {
        let head = format!("COMMENT ON {target}");
        move |text: Option<&str>| {
            format!(
                "{head} IS {}",
                text.map_or("NULL".to_string(), quote::literal)
            )
        }
    };
    for (target, c) in &d.to.comments {
        said(
            d,
            live,
            target,
            d.from.comments.get(target),
            Some(c),
            &comment(target),
        );
    }
    for (target, c) in d
        .from
        .comments
        .iter()
        .filter(|(t, _)| !d.to.comments.contains_key(*t))
    {
        said(d, live, target, Some(c), None, &comment(target));
    }
}

/// `SECURITY LABEL` changes, as comments change: each provider's label on its own.
fn diff_security_labels(d: &mut Diff, live: &Live) {
    let none = BTreeMap::new();
    let label = |target: &str, provider: &Option<String>| {
        let head = match provider {
            Some(p) => format!("SECURITY LABEL FOR {} ON {target}", quote::ident(p)),
            None => format!("SECURITY LABEL ON {target}"),
        };
        move |text: Option<&str>| {
            format!(
                "{head} IS {}",
                text.map_or("NULL".to_string(), quote::literal)
            )
        }
    };
    for (target, labels) in &d.to.security_labels {
        let old = d.from.security_labels.get(target).unwrap_or(&none);
        for (provider, c) in labels {
            said(
                d,
                live,
                target,
                old.get(provider),
                Some(c),
                &label(target, provider),
            );
        }
    }
    for (target, labels) in &d.from.security_labels {
        let new = d.to.security_labels.get(target).unwrap_or(&none);
        for (provider, c) in labels.iter().filter(|(p, _)| !new.contains_key(*p)) {
            said(d, live, target, Some(c), None, &label(target, provider));
        }
    }
}

/// One text said about `target` (its comment, or a provider's security label), `old` in
/// FROM and `new` in TO: set when it changes or its object is created again (a new object
/// has none), removed when TO has none and the object stays. `sql` writes the statement
/// that sets it (`None`: removes it).
fn said(
    d: &mut Diff,
    live: &Live,
    target: &str,
    old: Option<&Comment>,
    new: Option<&Comment>,
    sql: &dyn Fn(Option<&str>) -> String,
) {
    match (old, new) {
        (_, Some(c)) => {
            let unchanged = old.is_some_and(|o| o.text == c.text);
            if !unchanged || recreated(d, target) {
                let node = node_of(live.get(), target).unwrap_or_else(|| unknown_target(target));
                d.create(&node, c.pos, sql(Some(&c.text)));
            }
        }
        (Some(o), None) => {
            if !recreated(d, target) && !dropped_column(live.get(), target) {
                if let Some(node) = node_of(live.get(), target) {
                    d.create(&node, o.pos, sql(None));
                }
            }
        }
        (None, None) => {}
    }
}

/// Whether the commented object (or the relation a column belongs to) is recreated.
fn recreated(d: &Diff, target: &str) -> bool {
    if d.recreated.contains(target) {
        return true;
    }
    let Some(col) = target.strip_prefix("COLUMN ") else {
        return false;
    };
    let rel = col.rsplit_once('.').map_or(col, |(r, _)| r);
    [
        "TABLE",
        "FOREIGN TABLE",
        "VIEW",
        "MATERIALIZED VIEW",
        "TYPE",
    ]
    .iter()
    .any(|k| d.recreated.contains(&format!("{k} {rel}")))
}

/// Whether `target` is a column of a table that TO holds without it: the column is dropped
/// (or renamed), and its comment goes with it.
fn dropped_column(live: &BTreeMap<String, Node>, target: &str) -> bool {
    let Some(col) = target.strip_prefix("COLUMN ") else {
        return false;
    };
    let rel = col.rsplit_once('.').map_or(col, |(r, _)| r);
    !live.contains_key(target)
        && ["TABLE", "FOREIGN TABLE"]
            .iter()
            .any(|k| matches!(live.get(&format!("{k} {rel}")), Some(Node::Table(_))))
}

/// Every comment target that exists in a catalog, with the object it hangs on (a column's
/// comment hangs on its table).
pub(super) fn targets(c: &Catalog) -> BTreeMap<String, Node> {
    targets_of(c, &|_| true)
}

/// The comment targets of `c` of the kinds `want` takes: a target's kind is its first word
/// (`TABLE`, `FOREIGN`, `COLUMN`, `CONSTRAINT`, ...).
fn targets_of(c: &Catalog, want: &dyn Fn(&str) -> bool) -> BTreeMap<String, Node> {
    let mut out = BTreeMap::new();
    let (schemas, extensions, tables, foreign) = (
        want("SCHEMA"),
        want("EXTENSION"),
        want("TABLE"),
        want("FOREIGN"),
    );
    let (columns, constraints, indexes, sequences) = (
        want("COLUMN"),
        want("CONSTRAINT"),
        want("INDEX"),
        want("SEQUENCE"),
    );
    for s in c.schemas.keys().filter(|_| schemas) {
        out.insert(
            format!("SCHEMA {}", quote::ident(s)),
            Node::Schema(s.clone()),
        );
    }
    for e in c.extensions.keys().filter(|_| extensions) {
        out.insert(
            format!("EXTENSION {}", quote::ident(e)),
            Node::Extension(e.clone()),
        );
    }
    for (q, t) in &c.tables {
        let kind = match (t.foreign.is_some(), foreign, tables) {
            (true, true, _) => Some("FOREIGN TABLE"),
            (false, _, true) => Some("TABLE"),
            (true, false, _) | (false, _, false) => None,
        };
        if let Some(kind) = kind {
            out.insert(format!("{kind} {}", q.sql()), Node::Table(q.clone()));
        }
        for col in t.columns.iter().filter(|_| columns) {
            out.insert(
                format!("COLUMN {}.{}", q.sql(), quote::ident(&col.name)),
                Node::Table(q.clone()),
            );
        }
        for (name, con) in t.constraints.iter().filter(|_| constraints || indexes) {
            let node = Node::Constraint(q.clone(), name.clone());
            if constraints {
                out.insert(
                    format!("CONSTRAINT {} ON {}", quote::ident(name), q.sql()),
                    node.clone(),
                );
            }
            if indexes
                && matches!(
                    con.kind,
                    ConstraintKind::PrimaryKey | ConstraintKind::Unique | ConstraintKind::Exclude
                )
            {
                // The index behind the constraint, which shares its name.
                out.insert(
                    format!(
                        "INDEX {}",
                        QualName::new(q.schema.clone(), name.clone()).sql()
                    ),
                    node,
                );
            }
        }
    }
    for q in c.sequences.keys().filter(|_| sequences) {
        out.insert(format!("SEQUENCE {}", q.sql()), Node::Sequence(q.clone()));
    }
    for q in c.indexes.keys().filter(|_| indexes) {
        out.insert(format!("INDEX {}", q.sql()), Node::Index(q.clone()));
    }
    for (k, o) in &c.objects {
        if o.target.split(' ').next().is_some_and(want) {
            out.insert(o.target.clone(), Node::Object(k.clone()));
        }
        for name in o
            .domain
            .iter()
            .flat_map(|d| d.checks.keys())
            .filter(|_| constraints)
        {
            let q = QualName::new(k.schema.clone(), k.name.clone());
            out.insert(
                format!("CONSTRAINT {} ON DOMAIN {}", quote::ident(name), q.sql()),
                Node::Object(k.clone()),
            );
        }
        if tables && matches!(k.kind, ObjKind::View | ObjKind::MaterializedView) {
            let rel = QualName::new(k.schema.clone(), k.name.clone()).sql();
            out.insert(format!("TABLE {rel}"), Node::Object(k.clone()));
        }
        // A composite type's attributes, commented on as columns.
        for a in o.attributes.iter().flatten().filter(|_| columns) {
            let rel = QualName::new(k.schema.clone(), k.name.clone()).sql();
            out.insert(
                format!("COLUMN {rel}.{}", quote::ident(&a.name)),
                Node::Object(k.clone()),
            );
        }
    }
    out
}

/// The object a comment target hangs on; a view column's comment hangs on its view.
pub(super) fn node_of(live: &BTreeMap<String, Node>, target: &str) -> Option<Node> {
    live.get(target).cloned().or_else(|| {
        let col = target.strip_prefix("COLUMN ")?;
        let rel = col.rsplit_once('.').map_or(col, |(r, _)| r);
        live.get(&format!("TABLE {rel}"))
            .or_else(|| live.get(&format!("FOREIGN TABLE {rel}")))
            .cloned()
    })
}

/// A comment on something the catalog does not hold (the server will say what is wrong).
fn unknown_target(target: &str) -> Node {
    Node::Object(ObjKey {
        kind: ObjKind::Type,
        schema: String::new(),
        name: target.to_string(),
        sub: "comment".to_string(),
    })
}

/// Security labels cannot round-trip on a stock PostgreSQL: it refuses every `SECURITY LABEL`
/// statement while no label provider is loaded ("no security label providers have been
/// loaded"), and none ships with it. So they are checked offline here: the catalog each side
/// builds, the statements the diff emits, and the self-verification that replays them.
#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;

    fn catalog(sql: &str) -> Catalog {
        crate::catalog_from_sql("t.sql", sql).expect("loads")
    }

    /// The migration from `a` to `b`, checked: self-verification passes and the diff engine
    /// finds nothing more to do after it.
    fn migration(a: &str, b: &str) -> Vec<String> {
        let (from, to) = (catalog(a), catalog(b));
        let mut m = crate::Migration::new(&from, &to);
        m.set_safety(false);
        m.add_all_changes();
        assert!(
            m.verify().is_ok(),
            "self-verification fails for:\n{}",
            m.sql()
        );
        assert_eq!(m.remaining(), Vec::<String>::new());
        m.statements()
    }

    const BASE: &str = "CREATE TABLE t (a int, b text);\nCREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'select x';\nCREATE VIEW v AS SELECT a FROM t;\n";

    #[test]
    fn labels_are_kept_by_target_and_provider_and_go_with_their_object() {
        let c = catalog(&format!(
            "{BASE}SECURITY LABEL FOR selinux ON TABLE t IS 'system_u:object_r:sepgsql_table_t:s0';\n\
             SECURITY LABEL FOR other ON TABLE t IS 'x';\nSECURITY LABEL ON COLUMN t.b IS 'b';\n\
             SECURITY LABEL FOR selinux ON FUNCTION f(integer) IS 'f';\nSECURITY LABEL FOR other ON TABLE t IS NULL;\n\
             ALTER TABLE t RENAME TO u;\nALTER TABLE u DROP COLUMN b;"
        ));
        let labels: Vec<(String, Option<String>, String)> = c
            .security_labels
            .iter()
            .flat_map(|(t, l)| {
                l.iter()
                    .map(move |(p, c)| (t.clone(), p.clone(), c.text.clone()))
            })
            .collect();
        let selinux = Some("selinux".to_string());
        assert_eq!(
            labels,
            [
                (
                    "FUNCTION public.f(integer)".to_string(),
                    selinux.clone(),
                    "f".to_string()
                ),
                (
                    "TABLE public.u".to_string(),
                    selinux,
                    "system_u:object_r:sepgsql_table_t:s0".to_string()
                )
            ]
        );
        let dropped = catalog(&format!(
            "{BASE}SECURITY LABEL FOR p ON VIEW v IS 'v';\nDROP VIEW v;"
        ));
        assert!(dropped.security_labels.is_empty());
    }

    #[test]
    fn labels_on_kinds_the_server_takes_none_for_are_refused() {
        let file = std::sync::Arc::new(crate::input::SourceFile::new(
            "t.sql",
            format!("{BASE}CREATE INDEX i ON t (a);\nSECURITY LABEL FOR p ON INDEX i IS 'x';"),
        ));
        let errors = crate::catalog_from_files(&[file], &crate::LoadOptions::default(), Vec::new())
            .err()
            .unwrap_or_default();
        let messages: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["security labels are not supported for this type of object"]
        );
    }

    #[test]
    fn labels_are_set_changed_and_removed_and_set_again_on_an_object_created_again() {
        let a = format!("{BASE}SECURITY LABEL FOR p ON TABLE t IS 'old';\nSECURITY LABEL FOR p ON COLUMN t.a IS 'a';\nSECURITY LABEL FOR p ON VIEW v IS 'v';\nSECURITY LABEL ON SCHEMA public IS 's';");
        let b = format!("{}SECURITY LABEL FOR p ON TABLE t IS 'new';\nSECURITY LABEL FOR q ON TABLE t IS 'q';\nSECURITY LABEL FOR p ON VIEW v IS 'v';\nSECURITY LABEL FOR p ON FUNCTION f(integer) IS 'it''s';", BASE.replace("SELECT a FROM t", "SELECT b FROM t"));
        let got = migration(&a, &b);
        let labels: Vec<&str> = got
            .iter()
            .map(String::as_str)
            .filter(|s| s.starts_with("SECURITY LABEL"))
            .collect();
        assert_eq!(
            labels,
            [
                "SECURITY LABEL ON SCHEMA public IS NULL",
                "SECURITY LABEL FOR p ON TABLE public.t IS 'new'",
                "SECURITY LABEL FOR q ON TABLE public.t IS 'q'",
                "SECURITY LABEL FOR p ON COLUMN public.t.a IS NULL",
                // The view is created again: its label with it.
                "SECURITY LABEL FOR p ON VIEW public.v IS 'v'",
                "SECURITY LABEL FOR p ON FUNCTION public.f(integer) IS 'it''s'",
            ]
        );
        // And back.
        assert!(migration(&b, &a)
            .iter()
            .any(|s| s == "SECURITY LABEL FOR p ON COLUMN public.t.a IS 'a'"));
    }
}
