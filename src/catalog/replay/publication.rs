//! Publications: the CREATE statement keeps `FOR ALL TABLES` and the options (`publish`
//! canonical, `publish_via_partition_root` only when on); each member is a follow-up
//! statement, `ALTER PUBLICATION p ADD TABLE ONLY t [(columns)] [WHERE (...)]` or `ADD
//! TABLES IN SCHEMA s`, as pg_dump prints them. ALTER PUBLICATION ADD / SET / DROP and SET
//! (options) are replayed.

use pg_query::protobuf::{self, AlterPublicationAction, Node, PublicationObjSpecType};
use pg_query::NodeEnum;

use super::{node_string, Replay};
use crate::catalog::expr;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::syntax::Stmt;

/// The `publish` actions in the server's order.
const ACTIONS: [&str; 4] = ["insert", "update", "delete", "truncate"];

/// One member: a table (with its column list and row filter) or a schema.
#[derive(Clone, Debug, PartialEq)]
enum Member {
    Table {
        table: QualName,
        columns: Vec<String>,
        filter: Option<Box<Node>>,
    },
    Schema(String),
}

impl Member {
    fn key(&self) -> String {
        match self {
            Member::Table { table, .. } => format!("TABLE {}", table.sql()),
            Member::Schema(s) => format!("SCHEMA {s}"),
        }
    }
}

fn string_node(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(protobuf::String {
            sval: s.to_string(),
        })),
    }
}

fn member_spec(m: &Member) -> Node {
    let spec = match m {
        Member::Table {
            table,
            columns,
            filter,
        } => protobuf::PublicationObjSpec {
            pubobjtype: PublicationObjSpecType::PublicationobjTable as i32,
            name: String::new(),
            pubtable: Some(Box::new(protobuf::PublicationTable {
                relation: Some(protobuf::RangeVar {
                    schemaname: table.schema.clone(),
                    relname: table.name.clone(),
                    inh: false,
                    relpersistence: "p".into(),
                    ..Default::default()
                }),
                where_clause: filter.clone(),
                columns: columns.iter().map(|c| string_node(c)).collect(),
            })),
            location: 0,
        },
        Member::Schema(s) => protobuf::PublicationObjSpec {
            pubobjtype: PublicationObjSpecType::PublicationobjTablesInSchema as i32,
            name: s.clone(),
            pubtable: None,
            location: 0,
        },
    };
    Node {
        node: Some(NodeEnum::PublicationObjSpec(Box::new(spec))),
    }
}

/// `ALTER PUBLICATION p ADD <member>`.
fn member_sql(publication: &str, m: &Member) -> String {
    let stmt = protobuf::AlterPublicationStmt {
        pubname: publication.to_string(),
        options: Vec::new(),
        pubobjects: vec![member_spec(m)],
        for_all_tables: false,
        action: AlterPublicationAction::ApAddObjects as i32,
    };
    expr::deparse_stmt(NodeEnum::AlterPublicationStmt(stmt))
        .unwrap_or_else(|e| format!("/* cannot deparse: {e} */"))
}

/// Reads members back from follow-up statements.
fn members_of(after: &[String]) -> Vec<Member> {
    let mut out = Vec::new();
    for s in after {
        if let Some(NodeEnum::AlterPublicationStmt(a)) = crate::catalog::alter::parse_one(s) {
            for o in &a.pubobjects {
                if let Some(m) = raw_member(o) {
                    out.push(m);
                }
            }
        }
    }
    out
}

/// A member as written in a canonical statement (already qualified).
fn raw_member(o: &Node) -> Option<Member> {
    let Some(NodeEnum::PublicationObjSpec(spec)) = &o.node else {
        return None;
    };
    match &spec.pubtable {
        Some(t) => {
            let rv = t.relation.as_ref()?;
            let filter = t.where_clause.clone();
            Some(Member::Table {
                table: QualName::new(rv.schemaname.clone(), rv.relname.clone()),
                columns: super::name_list(&t.columns),
                filter,
            })
        }
        None => Some(Member::Schema(spec.name.clone())),
    }
}

/// The members a list of publication objects names, resolved: tables qualified with their
/// column list in table order and canonical row filter (a table named without ONLY brings
/// its inheritance children, not partitions), schemas by name.
fn resolve_members(objects: &[Node], r: &Resolver) -> Result<Vec<Member>, String> {
    let mut out = Vec::new();
    let mut last = PublicationObjSpecType::Undefined;
    for o in objects {
        let Some(NodeEnum::PublicationObjSpec(spec)) = &o.node else {
            continue;
        };
        let mut kind = PublicationObjSpecType::try_from(spec.pubobjtype)
            .map_err(|_| format!("publication object type {}", spec.pubobjtype))?;
        if kind == PublicationObjSpecType::PublicationobjContinuation {
            kind = last;
        }
        last = kind;
        match kind {
            PublicationObjSpecType::PublicationobjTable => {
                let Some(t) = &spec.pubtable else { continue };
                let Some(rv) = &t.relation else { continue };
                let table = r.relation(&rv.schemaname, &rv.relname);
                let mut columns = super::name_list(&t.columns);
                if let Some(tab) = r.catalog.tables.get(&table) {
                    columns.sort_by_key(|c| {
                        tab.columns
                            .iter()
                            .position(|x| x.name == *c)
                            .unwrap_or(usize::MAX)
                    });
                }
                let filter = t.where_clause.clone().map(|mut n| {
                    expr::normalize(&mut n, r);
                    n
                });
                let mut tables = vec![table.clone()];
                let partitioned = r
                    .catalog
                    .tables
                    .get(&table)
                    .is_some_and(|t| t.partition_by.is_some());
                if rv.inh && !partitioned {
                    let mut i = 0;
                    while let Some(parent) = tables.get(i).cloned() {
                        for (q, t) in &r.catalog.tables {
                            if t.inherits.contains(&parent) && !tables.contains(q) {
                                tables.push(q.clone());
                            }
                        }
                        i += 1;
                    }
                }
                for q in tables {
                    out.push(Member::Table {
                        table: q,
                        columns: columns.clone(),
                        filter: filter.clone(),
                    });
                }
            }
            PublicationObjSpecType::PublicationobjTablesInSchema => {
                out.push(Member::Schema(spec.name.clone()))
            }
            PublicationObjSpecType::PublicationobjTablesInCurSchema => {
                out.push(Member::Schema(r.creation_schema()))
            }
            PublicationObjSpecType::PublicationobjContinuation
            | PublicationObjSpecType::Undefined => {
                return Err("a publication object of unknown type".into())
            }
        }
    }
    Ok(out)
}

/// The follow-up statements of publication `name` with `members`, in a stable order.
fn member_statements(name: &str, members: &[Member]) -> Vec<String> {
    let mut v: Vec<&Member> = members.iter().collect();
    v.sort_by_key(|m| m.key());
    v.dedup_by_key(|m| m.key());
    v.into_iter().map(|m| member_sql(name, m)).collect()
}

/// Canonical `publish` value: the actions named, in the server's order.
fn publish_value(v: &str) -> String {
    let named: Vec<String> = v.split(',').map(|a| a.trim().to_lowercase()).collect();
    ACTIONS
        .iter()
        .filter(|a| named.iter().any(|n| n == *a))
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// Canonical options: `publish` always (default all four actions), then
/// `publish_via_partition_root` when true.
fn canonical_options(
    options: &[Node],
    mut publish: String,
    mut via_root: bool,
) -> (Vec<Node>, String, bool) {
    for o in options {
        if let Some(NodeEnum::DefElem(d)) = &o.node {
            let v = d.arg.as_deref().and_then(node_string);
            match d.defname.as_str() {
                "publish" => publish = publish_value(&v.unwrap_or_default()),
                "publish_via_partition_root" => {
                    via_root =
                        v.is_none_or(|v| matches!(v.to_lowercase().as_str(), "true" | "on" | "1"))
                }
                _ => {}
            }
        }
    }
    let elem = |name: &str, arg: Node| Node {
        node: Some(NodeEnum::DefElem(Box::new(protobuf::DefElem {
            defname: name.into(),
            arg: Some(Box::new(arg)),
            defaction: protobuf::DefElemAction::DefelemUnspec as i32,
            ..Default::default()
        }))),
    };
    let mut out = vec![elem("publish", string_node(&publish))];
    if via_root {
        out.push(elem("publish_via_partition_root", string_node("true")));
    }
    (out, publish, via_root)
}

/// Canonical CREATE PUBLICATION; returns its members as follow-up statements.
pub(super) fn canonicalize(
    p: &mut protobuf::CreatePublicationStmt,
    r: &Resolver,
) -> Result<Vec<String>, String> {
    let (opts, _, _) = canonical_options(&p.options, ACTIONS.join(", "), false);
    p.options = opts;
    let members = resolve_members(&std::mem::take(&mut p.pubobjects), r)?;
    Ok(member_statements(&p.pubname, &members))
}

/// Tables and schemas the members name: the publication is created after them (a member
/// going away is the server's business, so they order creation only).
pub(super) fn member_names(after: &[String]) -> Vec<QualName> {
    members_of(after)
        .into_iter()
        .filter_map(|m| match m {
            Member::Table { table, .. } => Some(table),
            Member::Schema(_) => None,
        })
        .collect()
}

/// The schemas whose tables the members publish (`TABLES IN SCHEMA s`): the publication needs
/// each (such a member is added once its schema is there, and removed before its schema goes,
/// which takes the member along on the server).
pub(crate) fn member_schemas(after: &[String]) -> Vec<String> {
    members_of(after)
        .into_iter()
        .filter_map(|m| match m {
            Member::Schema(s) => Some(s),
            Member::Table { .. } => None,
        })
        .collect()
}

/// Whether follow-up statement `s` makes table `q` a member.
pub(super) fn names_member_table(s: &str, q: &QualName) -> bool {
    members_of(std::slice::from_ref(&s.to_string()))
        .iter()
        .any(|m| matches!(m, Member::Table { table, .. } if table == q))
}

impl Replay {
    /// A dropped schema leaves every publication that publishes its tables (the server
    /// removes the membership).
    pub(super) fn schema_leaves_publications(&mut self, schema: &str) {
        self.drop_members(|m| matches!(m, Member::Schema(x) if x == schema));
    }

    /// A dropped table leaves every publication (the server removes the membership).
    pub(super) fn leave_publications(&mut self, q: &QualName) {
        self.drop_members(|m| matches!(m, Member::Table { table, .. } if table == q));
    }

    /// Removes the member statements of every publication that name a member `gone` says.
    fn drop_members(&mut self, gone: impl Fn(&Member) -> bool) {
        let first = ObjKey {
            kind: ObjKind::Publication,
            schema: String::new(),
            name: String::new(),
            sub: String::new(),
        };
        for (_, o) in self
            .catalog
            .objects
            .range_mut(first..)
            .take_while(|(k, _)| k.kind == ObjKind::Publication)
        {
            o.after
                .retain(|s| !members_of(std::slice::from_ref(s)).iter().any(&gone));
        }
    }

    /// `ALTER PUBLICATION p ADD / SET / DROP members` or `SET (options)`.
    pub(super) fn alter_publication(&mut self, stmt: &Stmt, s: &protobuf::AlterPublicationStmt) {
        let key = ObjKey {
            kind: ObjKind::Publication,
            schema: String::new(),
            name: s.pubname.clone(),
            sub: String::new(),
        };
        let Some(obj) = self.catalog.objects.get(&key) else {
            self.warn(stmt, format!("publication {} does not exist", s.pubname));
            return;
        };
        if !s.options.is_empty() {
            let options = s.options.clone();
            self.edit_object(stmt, &key, |node, _| {
                let NodeEnum::CreatePublicationStmt(p) = node else {
                    return Err("ALTER PUBLICATION on something else".into());
                };
                // SET (...) changes the options it names; the others stay.
                let mut publish = ACTIONS.join(", ");
                let mut via_root = false;
                for o in &p.options {
                    if let Some(NodeEnum::DefElem(d)) = &o.node {
                        match d.defname.as_str() {
                            "publish" => {
                                publish = d.arg.as_deref().and_then(node_string).unwrap_or_default()
                            }
                            "publish_via_partition_root" => via_root = true,
                            _ => {}
                        }
                    }
                }
                p.options = canonical_options(&options, publish, via_root).0;
                Ok(())
            });
            return;
        }
        let mut members = members_of(&obj.after);
        let r = self.resolver();
        let given = match resolve_members(&s.pubobjects, &r) {
            Ok(g) => g,
            Err(e) => {
                self.unsupported(stmt, &e);
                return;
            }
        };
        if let Some(missing) = given.iter().find_map(|m| match m {
            Member::Schema(x) if !r.catalog.schemas.contains_key(x) => Some(x.clone()),
            Member::Schema(_) | Member::Table { .. } => None,
        }) {
            self.reject(stmt, format!("schema \"{missing}\" does not exist"));
            return;
        }
        match AlterPublicationAction::try_from(s.action) {
            Ok(AlterPublicationAction::ApAddObjects) => members.extend(given),
            Ok(AlterPublicationAction::ApDropObjects) => {
                members.retain(|m| !given.iter().any(|g| g.key() == m.key()))
            }
            Ok(AlterPublicationAction::ApSetObjects) => members = given,
            Ok(AlterPublicationAction::Undefined) | Err(_) => {
                self.unsupported(stmt, &format!("ALTER PUBLICATION action {}", s.action));
                return;
            }
        }
        let after = member_statements(&s.pubname, &members);
        self.set_after(stmt, &key, after);
    }
}
