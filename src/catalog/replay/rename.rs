//! `ALTER ... RENAME TO` and `ALTER ... SET SCHEMA`, and `ALTER ... DEPENDS ON EXTENSION`.
//!
//! The server refers to objects by OID, so a rename carries every reference along: column
//! types, defaults, constraint, index and view definitions, function signatures, triggers and
//! policies of a renamed table, comments. The catalog keeps names as text, so a rename
//! rewrites that text where it names the object. Relations, columns, constraints, types and
//! domains are renamed by `rename` (`retarget` follows them); the kinds kept as canonical
//! text (foreign-data wrappers, servers, publications, event triggers, languages, text search
//! objects, operators, operator classes and families, conversions, collations, statistics,
//! rules) by `rename_object` / `set_object_schema`, which rewrite qualified occurrences token
//! by token in the texts of the objects that need the renamed one (and, for global names, the
//! fields that hold them); triggers by `rename_trigger` (`trigger.rs`), their clones with them.

use pg_query::protobuf::{self, ObjectType, Token};
use pg_query::NodeEnum;

use super::{name_list, Replay};
use crate::catalog::model::*;
use crate::emit::quote;
use crate::syntax::Stmt;

/// The value of an identifier token as written (`"A"` -> `A`, `Ab` -> `ab`).
pub(super) fn ident_value(text: &str) -> String {
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => text.to_lowercase(),
    }
}

/// Rewrites every `schema.name` naming `old` in canonical SQL text into `new` (an operator
/// name when `operator`).
pub(super) fn rename_in_sql(sql: &str, old: &QualName, new: &QualName, operator: bool) -> String {
    let replacement = if operator {
        super::operator::operator_sql(&new.schema, &new.name)
    } else {
        new.sql()
    };
    rewrite_qualified(sql, &old.schema, &|name, op| {
        (op == operator && name == old.name).then(|| replacement.clone())
    })
}

/// Rewrites the qualified names of schema `schema` in canonical SQL text (scanned with the
/// server's scanner): `f` is shown each one's name (an identifier's value, or an operator's
/// text, `op`) and returns what replaces `schema.name`, or `None` to leave it.
pub(super) fn rewrite_qualified(
    sql: &str,
    schema: &str,
    f: &dyn Fn(&str, bool) -> Option<String>,
) -> String {
    let Ok(scan) = pg_query::scan(sql) else {
        return sql.to_string();
    };
    let toks = &scan.tokens;
    let text = |t: &protobuf::ScanToken| sql.get(t.start as usize..t.end as usize).unwrap_or("");
    let is_ident = |t: &protobuf::ScanToken| {
        Token::try_from(t.token).is_ok_and(|t| t == Token::Ident) || t.keyword_kind != 0
    };
    let mut out = String::new();
    let mut at = 0usize;
    let mut i = 0usize;
    while let Some([first, dot, name]) = toks.get(i..i + 3) {
        let dot = Token::try_from(dot.token).is_ok_and(|t| t == Token::Ascii46);
        let replacement = if is_ident(first) && dot && ident_value(text(first)) == schema {
            if is_ident(name) {
                f(&ident_value(text(name)), false)
            } else {
                f(text(name), true)
            }
        } else {
            None
        };
        match replacement {
            Some(r) => {
                out.push_str(sql.get(at..first.start as usize).unwrap_or(""));
                out.push_str(&r);
                at = name.end as usize;
                i += 3;
            }
            None => i += 1,
        }
    }
    out.push_str(sql.get(at..).unwrap_or(""));
    out
}

/// Canonical SQL text with schema `old` renamed `new`: its qualified names, and the
/// constants of the OID alias types that name its objects (`'old.s'::regclass`), which the
/// server stores as OIDs and prints with the new name.
fn schema_renamed_in_sql(sql: &str, old: &str, new: &str) -> String {
    let names = rewrite_qualified(sql, old, &|name, op| {
        Some(if op {
            format!("{}.{name}", quote::ident(new))
        } else {
            QualName::new(new, name).sql()
        })
    });
    let Ok(scan) = pg_query::scan(&names) else {
        return names;
    };
    let toks = &scan.tokens;
    let text = |t: &protobuf::ScanToken| names.get(t.start as usize..t.end as usize).unwrap_or("");
    let mut out = String::new();
    let mut at = 0usize;
    for w in toks.windows(3) {
        let [lit, cast, ty] = w else { continue };
        let constant = Token::try_from(lit.token).is_ok_and(|t| t == Token::Sconst);
        let cast = Token::try_from(cast.token).is_ok_and(|t| t == Token::Typecast);
        if !constant || !cast {
            continue;
        }
        let Some(value) = text(lit)
            .strip_prefix('\'')
            .and_then(|v| v.strip_suffix('\''))
            .map(|v| v.replace("''", "'"))
        else {
            continue;
        };
        let renamed = match ident_value(text(ty)).as_str() {
            "regnamespace" if ident_value(&value) == old => quote::ident(new),
            "regclass" | "regtype" | "regproc" | "regprocedure" | "regoper" | "regoperator"
            | "regconfig" | "regdictionary" | "regcollation" => {
                schema_renamed_in_sql(&value, old, new)
            }
            _ => continue,
        };
        if renamed != value {
            out.push_str(names.get(at..lit.start as usize).unwrap_or(""));
            out.push_str(&quote::literal(&renamed));
            at = lit.end as usize;
        }
    }
    out.push_str(names.get(at..).unwrap_or(""));
    out
}

/// A publication's `ADD TABLES IN SCHEMA old` member statement, naming `new` instead.
fn schema_member_renamed(sql: &str, old: &str, new: &str) -> String {
    let Some(NodeEnum::AlterPublicationStmt(mut p)) = crate::catalog::alter::parse_one(sql) else {
        return sql.to_string();
    };
    let mut renamed = false;
    for o in &mut p.pubobjects {
        if let Some(NodeEnum::PublicationObjSpec(spec)) = o.node.as_mut() {
            let in_schema = spec.pubobjtype
                == protobuf::PublicationObjSpecType::PublicationobjTablesInSchema as i32;
            if in_schema && spec.name == old {
                spec.name = new.to_string();
                renamed = true;
            }
        }
    }
    if !renamed {
        return sql.to_string();
    }
    crate::catalog::expr::deparse_stmt(NodeEnum::AlterPublicationStmt(p))
        .unwrap_or_else(|_| sql.to_string())
}

/// Sets the name of a global object (no schema) in its CREATE or follow-up statement.
#[allow(clippy::wildcard_enum_match_arm)]
fn set_global_name(node: &mut NodeEnum, new: &str) {
    match node {
        NodeEnum::CreateFdwStmt(f) => f.fdwname = new.into(),
        NodeEnum::CreateForeignServerStmt(s) => s.servername = new.into(),
        NodeEnum::CreatePublicationStmt(p) => p.pubname = new.into(),
        NodeEnum::AlterPublicationStmt(p) => p.pubname = new.into(),
        NodeEnum::CreateEventTrigStmt(e) => e.trigname = new.into(),
        NodeEnum::AlterEventTrigStmt(e) => e.trigname = new.into(),
        NodeEnum::CreatePlangStmt(p) => p.plname = new.into(),
        NodeEnum::RuleStmt(r) => r.rulename = new.into(),
        NodeEnum::AlterTableStmt(a) => {
            // A rule's ENABLE / DISABLE statement.
            for c in &mut a.cmds {
                if let Some(NodeEnum::AlterTableCmd(c)) = c.node.as_mut() {
                    c.name = new.into();
                }
            }
        }
        // Nothing else is renamed by field.
        _ => {}
    }
}

/// Writes key `key`'s name into a statement of the object (its CREATE, or a follow-up that
/// names it).
#[allow(clippy::wildcard_enum_match_arm)]
fn set_own_name(node: &mut NodeEnum, key: &ObjKey) {
    let q = || vec![str_node(&key.schema), str_node(&key.name)];
    match node {
        NodeEnum::AlterTsconfigurationStmt(a) => a.cfgname = q(),
        NodeEnum::AlterStatsStmt(a) => a.defnames = q(),
        NodeEnum::AlterOpFamilyStmt(a) => a.opfamilyname = q(),
        other => super::generic::qualify_name(other, key),
    }
}

fn str_node(s: &str) -> pg_query::protobuf::Node {
    pg_query::protobuf::Node {
        node: Some(NodeEnum::String(protobuf::String {
            sval: s.to_string(),
        })),
    }
}

/// Object `k`'s CREATE and follow-up statements with `old` renamed to `new`; its own name,
/// which may read the same as the renamed one's, is written back (a rule's and a schemaless
/// object's are not qualified, so they keep theirs).
fn rename_in_object(
    o: &mut crate::catalog::Object,
    k: &ObjKey,
    old: &QualName,
    new: &QualName,
    operator: bool,
) {
    let own = |s: String| {
        if k.schema.is_empty() || k.kind == ObjKind::Rule {
            s
        } else {
            rewrite_own(&s, k)
        }
    };
    o.create = own(rename_in_sql(&o.create, old, new, operator));
    o.after = o
        .after
        .iter()
        .map(|a| own(rename_in_sql(a, old, new, operator)))
        .collect();
}

fn rewrite_own(sql: &str, key: &ObjKey) -> String {
    match crate::catalog::alter::parse_one(sql) {
        Some(mut n) => {
            set_own_name(&mut n, key);
            crate::catalog::expr::deparse_stmt(n).unwrap_or_else(|_| sql.to_string())
        }
        None => sql.to_string(),
    }
}

fn rewrite_global(sql: &str, new: &str) -> String {
    match crate::catalog::alter::parse_one(sql) {
        Some(mut n) => {
            set_global_name(&mut n, new);
            crate::catalog::expr::deparse_stmt(n).unwrap_or_else(|_| sql.to_string())
        }
        None => sql.to_string(),
    }
}

/// The kinds of relation that `relocate` moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    /// A table or a foreign table.
    Table,
    /// A view or a materialized view.
    View(ObjKind),
    Sequence,
    Index,
}

/// The relation kind of an object type, if it is one.
fn relation(kind: ObjectType) -> Option<Relation> {
    use ObjectType as O;
    match kind {
        O::ObjectTable | O::ObjectForeignTable => Some(Relation::Table),
        O::ObjectView => Some(Relation::View(ObjKind::View)),
        O::ObjectMatview => Some(Relation::View(ObjKind::MaterializedView)),
        O::ObjectSequence => Some(Relation::Sequence),
        O::ObjectIndex => Some(Relation::Index),
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
        | O::ObjectDatabase
        | O::ObjectDefault
        | O::ObjectDefacl
        | O::ObjectDomain
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
        | O::ObjectSubscription
        | O::ObjectStatisticExt
        | O::ObjectTabconstraint
        | O::ObjectTablespace
        | O::ObjectTransform
        | O::ObjectTrigger
        | O::ObjectTsconfiguration
        | O::ObjectTsdictionary
        | O::ObjectTsparser
        | O::ObjectTstemplate
        | O::ObjectType
        | O::ObjectUserMapping => None,
    }
}

/// How an object type reads in SQL (`MATERIALIZED VIEW`, `TEXT SEARCH CONFIGURATION`), for
/// messages.
pub(super) fn sql_words(kind: ObjectType) -> &'static str {
    use ObjectType as O;
    match kind {
        O::Undefined => "OBJECT",
        O::ObjectAccessMethod => "ACCESS METHOD",
        O::ObjectAggregate => "AGGREGATE",
        O::ObjectAmop => "OPERATOR FAMILY ... OPERATOR",
        O::ObjectAmproc => "OPERATOR FAMILY ... FUNCTION",
        O::ObjectAttribute => "TYPE ... ATTRIBUTE",
        O::ObjectCast => "CAST",
        O::ObjectColumn => "COLUMN",
        O::ObjectCollation => "COLLATION",
        O::ObjectConversion => "CONVERSION",
        O::ObjectDatabase => "DATABASE",
        O::ObjectDefault => "DEFAULT",
        O::ObjectDefacl => "DEFAULT PRIVILEGES",
        O::ObjectDomain => "DOMAIN",
        O::ObjectDomconstraint => "DOMAIN ... CONSTRAINT",
        O::ObjectEventTrigger => "EVENT TRIGGER",
        O::ObjectExtension => "EXTENSION",
        O::ObjectFdw => "FOREIGN DATA WRAPPER",
        O::ObjectForeignServer => "SERVER",
        O::ObjectForeignTable => "FOREIGN TABLE",
        O::ObjectFunction => "FUNCTION",
        O::ObjectIndex => "INDEX",
        O::ObjectLanguage => "LANGUAGE",
        O::ObjectLargeobject => "LARGE OBJECT",
        O::ObjectMatview => "MATERIALIZED VIEW",
        O::ObjectOpclass => "OPERATOR CLASS",
        O::ObjectOperator => "OPERATOR",
        O::ObjectOpfamily => "OPERATOR FAMILY",
        O::ObjectParameterAcl => "PARAMETER",
        O::ObjectPolicy => "POLICY",
        O::ObjectProcedure => "PROCEDURE",
        O::ObjectPublication => "PUBLICATION",
        O::ObjectPublicationNamespace => "PUBLICATION ... TABLES IN SCHEMA",
        O::ObjectPublicationRel => "PUBLICATION ... TABLE",
        O::ObjectRole => "ROLE",
        O::ObjectRoutine => "ROUTINE",
        O::ObjectRule => "RULE",
        O::ObjectSchema => "SCHEMA",
        O::ObjectSequence => "SEQUENCE",
        O::ObjectSubscription => "SUBSCRIPTION",
        O::ObjectStatisticExt => "STATISTICS",
        O::ObjectTabconstraint => "TABLE ... CONSTRAINT",
        O::ObjectTable => "TABLE",
        O::ObjectTablespace => "TABLESPACE",
        O::ObjectTransform => "TRANSFORM",
        O::ObjectTrigger => "TRIGGER",
        O::ObjectTsconfiguration => "TEXT SEARCH CONFIGURATION",
        O::ObjectTsdictionary => "TEXT SEARCH DICTIONARY",
        O::ObjectTsparser => "TEXT SEARCH PARSER",
        O::ObjectTstemplate => "TEXT SEARCH TEMPLATE",
        O::ObjectType => "TYPE",
        O::ObjectUserMapping => "USER MAPPING",
        O::ObjectView => "VIEW",
    }
}

/// Functions, procedures and aggregates (one name space, `pg_proc`).
fn routine(kind: ObjectType) -> bool {
    use ObjectType as O;
    matches!(
        kind,
        O::ObjectFunction | O::ObjectProcedure | O::ObjectAggregate | O::ObjectRoutine
    )
}

/// The kinds renamed here.
fn renamable(kind: ObjectType) -> bool {
    use ObjectType as O;
    matches!(
        kind,
        O::ObjectFdw
            | O::ObjectForeignServer
            | O::ObjectPublication
            | O::ObjectEventTrigger
            | O::ObjectLanguage
            | O::ObjectTsconfiguration
            | O::ObjectTsdictionary
            | O::ObjectTsparser
            | O::ObjectTstemplate
            | O::ObjectOpclass
            | O::ObjectOpfamily
            | O::ObjectConversion
            | O::ObjectCollation
            | O::ObjectStatisticExt
            | O::ObjectOperator
    )
}

impl Replay {
    /// `ALTER <kind> x RENAME TO y` for the kinds of this module (and `ALTER RULE r ON t
    /// RENAME TO s`); `false` for other kinds.
    pub(super) fn rename_object(&mut self, stmt: &Stmt, s: &protobuf::RenameStmt) -> bool {
        let kind = ObjectType::try_from(s.rename_type).unwrap_or(ObjectType::Undefined);
        if kind == ObjectType::ObjectRule {
            let Some(rv) = &s.relation else { return false };
            let table = self.resolver().relation(&rv.schemaname, &rv.relname);
            let old = ObjKey {
                kind: ObjKind::Rule,
                schema: table.schema.clone(),
                name: s.subname.clone(),
                sub: table.name.clone(),
            };
            let new = ObjKey {
                name: s.newname.clone(),
                ..old.clone()
            };
            self.move_object(stmt, &old, &new, s.missing_ok);
            return true;
        }
        if routine(kind) {
            let Some(old) =
                self.generic_key(kind, s.object.as_deref().and_then(|o| o.node.as_ref()))
            else {
                return false;
            };
            let new = ObjKey {
                name: s.newname.clone(),
                ..old.clone()
            };
            self.move_routine(stmt, &old, &new, s.missing_ok);
            return true;
        }
        if !renamable(kind) {
            return false;
        }
        let Some(old) = self.generic_key(kind, s.object.as_deref().and_then(|o| o.node.as_ref()))
        else {
            return false;
        };
        let new = ObjKey {
            name: s.newname.clone(),
            ..old.clone()
        };
        self.move_object(stmt, &old, &new, s.missing_ok);
        true
    }

    /// `ALTER TYPE | DOMAIN t SET SCHEMA s`: the type (its array type and a range's
    /// multirange with it) moves, and what names it follows.
    fn move_type(&mut self, stmt: &Stmt, old: &ObjKey, schema: &str, missing_ok: bool) {
        // ALTER TYPE may name a domain.
        let old = [old.kind, ObjKind::Domain, ObjKind::Type]
            .into_iter()
            .map(|kind| ObjKey {
                kind,
                ..old.clone()
            })
            .find(|k| self.catalog.objects.contains_key(k));
        let Some(old) = old else {
            if !missing_ok {
                self.reject(stmt, "the type does not exist".to_string());
            }
            return;
        };
        if !self.catalog.schemas.contains_key(schema) {
            self.reject(stmt, format!("schema \"{schema}\" does not exist"));
            return;
        }
        if old.schema == schema {
            return;
        }
        let new = ObjKey {
            schema: schema.to_string(),
            ..old.clone()
        };
        let taken = [ObjKind::Type, ObjKind::Domain].into_iter().any(|kind| {
            self.catalog.objects.contains_key(&ObjKey {
                kind,
                ..new.clone()
            })
        });
        if taken {
            self.reject(
                stmt,
                format!(
                    "type \"{}\" already exists in schema \"{schema}\"",
                    old.name
                ),
            );
            return;
        }
        let Some(o) = self.catalog.objects.remove(&old) else {
            return;
        };
        let multirange = o.multirange();
        self.on_table.note_object(&new, &o);
        self.catalog.objects.insert(new.clone(), o);
        let (oq, nq) = (
            QualName::new(old.schema.clone(), old.name.clone()),
            QualName::new(new.schema.clone(), new.name.clone()),
        );
        self.retarget(&oq, &nq);
        if let Some(m) = multirange {
            self.retarget(&m, &QualName::new(schema, m.name.clone()));
        }
        self.shaped(crate::catalog::graph::Node::Object(new));
    }

    /// A function, procedure or aggregate `old` renamed or moved to `new`, refused as the
    /// server refuses it: a missing routine, a missing schema, a routine of the same name
    /// and arguments already there.
    fn move_routine(&mut self, stmt: &Stmt, old: &ObjKey, new: &ObjKey, missing_ok: bool) {
        if !self.catalog.objects.contains_key(old) {
            if !missing_ok {
                let what = old.kind.sql_keyword().to_lowercase();
                self.missing(
                    stmt,
                    &QualName::new(old.schema.clone(), old.name.clone()),
                    format!("{what} {}({}) does not exist", old.name, old.sub),
                );
            }
            return;
        }
        if !self.catalog.schemas.contains_key(&new.schema) {
            self.reject(stmt, format!("schema \"{}\" does not exist", new.schema));
            return;
        }
        if old == new {
            return;
        }
        let taken = [ObjKind::Function, ObjKind::Procedure, ObjKind::Aggregate]
            .into_iter()
            .any(|kind| {
                self.catalog.objects.contains_key(&ObjKey {
                    kind,
                    ..new.clone()
                })
            });
        if taken {
            self.reject(
                stmt,
                format!(
                    "function {}({}) already exists in schema \"{}\"",
                    new.name, new.sub, new.schema
                ),
            );
            return;
        }
        self.move_object(stmt, old, new, missing_ok);
    }

    /// What calls routine `oq` (renamed or moved to `nq`) names it anew, as the server's
    /// stored expressions do: defaults, generated columns, constraints, indexes, and the
    /// objects whose definitions need it (views, triggers, policies, rules, aggregates,
    /// operators, casts, SQL-standard bodies, domains). Function bodies kept as strings are
    /// not rewritten (the server does not rewrite them either). The name alone says which
    /// routine is called only when no other routine of the schema has it: otherwise the
    /// calls are left and reported.
    fn rename_routine_users(&mut self, stmt: &Stmt, old: &ObjKey, oq: &QualName, nq: &QualName) {
        let overloaded = self.catalog.objects.keys().any(|k| {
            matches!(
                k.kind,
                ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate
            ) && k.schema == oq.schema
                && k.name == oq.name
        });
        let used = |deps: &[QualName]| deps.contains(oq);
        let c = &self.catalog;
        let users = c.tables.values().any(|t| {
            t.columns
                .iter()
                .any(|col| used(&col.default_deps) || used(&col.generated_deps))
                || t.constraints.values().any(|k| used(&k.deps))
        }) || c.indexes.values().any(|i| used(&i.deps))
            || c.objects.values().any(|o| used(&o.deps));
        if !users {
            return;
        }
        if overloaded {
            self.warn(
                stmt,
                format!(
                    "what calls {} is not followed: another routine of that name remains",
                    super::generic::fallback_target(old)
                ),
            );
            return;
        }
        let rw = |s: &mut String| *s = rename_in_sql(s, oq, nq, false);
        let name = |q: &mut QualName| {
            if q == oq {
                *q = nq.clone();
            }
        };
        for t in self.catalog.tables.values_mut() {
            for col in &mut t.columns {
                if used(&col.default_deps) {
                    if let Some((d, _)) = &mut col.default {
                        rw(d);
                    }
                    col.default_deps.iter_mut().for_each(name);
                }
                if used(&col.generated_deps) {
                    col.generated.iter_mut().for_each(rw);
                    col.generated_deps.iter_mut().for_each(name);
                }
            }
            for k in t.constraints.values_mut().filter(|k| used(&k.deps)) {
                rw(&mut k.def);
                k.deps.iter_mut().for_each(name);
            }
        }
        for i in self.catalog.indexes.values_mut().filter(|i| used(&i.deps)) {
            rw(&mut i.def);
            i.deps.iter_mut().for_each(name);
        }
        let objects: Vec<ObjKey> = self
            .catalog
            .objects
            .iter()
            .filter(|(_, o)| used(&o.deps))
            .map(|(k, _)| k.clone())
            .collect();
        for k in objects {
            if let Some(o) = self.catalog.objects.get_mut(&k) {
                rename_in_object(o, &k, oq, nq, false);
                if let Some(d) = &mut o.domain {
                    d.default.iter_mut().for_each(rw);
                    d.checks.values_mut().for_each(rw);
                    d.default_reads.iter_mut().for_each(name);
                    d.check_reads.values_mut().flatten().for_each(name);
                }
            }
            self.edit_object(stmt, &k, |_, _| Ok(()));
        }
    }

    /// `ALTER <kind> x SET SCHEMA s` for the kinds of this module; `false` for others.
    pub(super) fn set_object_schema(
        &mut self,
        stmt: &Stmt,
        s: &protobuf::AlterObjectSchemaStmt,
    ) -> bool {
        let kind = ObjectType::try_from(s.object_type).unwrap_or(ObjectType::Undefined);
        if matches!(kind, ObjectType::ObjectType | ObjectType::ObjectDomain) {
            let Some(old) =
                self.generic_key(kind, s.object.as_deref().and_then(|o| o.node.as_ref()))
            else {
                return false;
            };
            self.move_type(stmt, &old, &s.newschema, s.missing_ok);
            return true;
        }
        if routine(kind) {
            let Some(old) =
                self.generic_key(kind, s.object.as_deref().and_then(|o| o.node.as_ref()))
            else {
                return false;
            };
            let new = ObjKey {
                schema: s.newschema.clone(),
                ..old.clone()
            };
            self.move_routine(stmt, &old, &new, s.missing_ok);
            return true;
        }
        if !renamable(kind)
            || matches!(
                kind,
                ObjectType::ObjectFdw
                    | ObjectType::ObjectForeignServer
                    | ObjectType::ObjectPublication
                    | ObjectType::ObjectEventTrigger
                    | ObjectType::ObjectLanguage
            )
        {
            return false;
        }
        let Some(old) = self.generic_key(kind, s.object.as_deref().and_then(|o| o.node.as_ref()))
        else {
            return false;
        };
        let new = ObjKey {
            schema: s.newschema.clone(),
            ..old.clone()
        };
        self.move_object(stmt, &old, &new, s.missing_ok);
        true
    }

    /// Moves object `old` to key `new` (another name or schema), rewriting its text, its
    /// comment and the objects that name it.
    fn move_object(&mut self, stmt: &Stmt, old: &ObjKey, new: &ObjKey, missing_ok: bool) {
        if old == new {
            return;
        }
        if self.catalog.objects.contains_key(new) {
            self.warn(
                stmt,
                format!("{} already exists", super::generic::fallback_target(new)),
            );
            return;
        }
        let Some(mut o) = self.catalog.objects.remove(old) else {
            if !missing_ok {
                self.warn(
                    stmt,
                    format!("{} does not exist", super::generic::fallback_target(old)),
                );
            }
            return;
        };
        let global = old.schema.is_empty() || old.kind == ObjKind::Rule;
        let (oq, nq) = (
            QualName::new(old.schema.clone(), old.name.clone()),
            QualName::new(new.schema.clone(), new.name.clone()),
        );
        if global {
            o.create = rewrite_global(&o.create, &new.name);
            o.after = o
                .after
                .iter()
                .map(|a| rewrite_global(a, &new.name))
                .collect();
        } else {
            o.create = rewrite_own(&o.create, new);
            o.after = o.after.iter().map(|a| rewrite_own(a, new)).collect();
        }
        let old_target = o.target.clone();
        o.target = if old.kind == ObjKind::Rule {
            format!(
                "RULE {} ON {}",
                quote::ident(&new.name),
                QualName::new(new.schema.clone(), new.sub.clone()).sql()
            )
        } else {
            super::generic::fallback_target(new)
        };
        self.catalog.move_notes(&old_target, &o.target);
        self.on_table.note_object(new, &o);
        self.catalog.objects.insert(new.clone(), o);
        self.edit_object(stmt, new, |_, _| Ok(()));
        self.follow_rename(stmt, old, new, &oq, &nq);
    }

    /// Points the objects that name renamed object `old` at `new`.
    fn follow_rename(
        &mut self,
        stmt: &Stmt,
        old: &ObjKey,
        new: &ObjKey,
        oq: &QualName,
        nq: &QualName,
    ) {
        match old.kind {
            ObjKind::Server => {
                // User mappings are keyed by their server; foreign tables name it.
                let mappings: Vec<ObjKey> = self
                    .catalog
                    .objects
                    .keys()
                    .filter(|k| k.kind == ObjKind::UserMapping && k.name == old.name)
                    .cloned()
                    .collect();
                for k in mappings {
                    if let Some(mut m) = self.catalog.objects.remove(&k) {
                        let nk = ObjKey {
                            name: new.name.clone(),
                            ..k.clone()
                        };
                        m.create = match crate::catalog::alter::parse_one(&m.create) {
                            Some(NodeEnum::CreateUserMappingStmt(mut u)) => {
                                u.servername = new.name.clone();
                                crate::catalog::expr::deparse_stmt(NodeEnum::CreateUserMappingStmt(
                                    u,
                                ))
                                .unwrap_or(m.create)
                            }
                            _ => m.create,
                        };
                        let old_target =
                            std::mem::replace(&mut m.target, super::generic::fallback_target(&nk));
                        self.catalog.move_notes(&old_target, &m.target);
                        self.on_table.note_object(&nk, &m);
                        self.catalog.objects.insert(nk.clone(), m);
                        self.edit_object(stmt, &nk, |_, _| Ok(()));
                    }
                }
                for t in self.catalog.tables.values_mut() {
                    if let Some(f) = t.foreign.as_mut().filter(|f| f.server == old.name) {
                        f.server = new.name.clone();
                    }
                }
            }
            ObjKind::ForeignDataWrapper => {
                let servers: Vec<ObjKey> = self
                    .catalog
                    .objects
                    .iter()
                    .filter(|(k, o)| k.kind == ObjKind::Server && o.deps.contains(oq))
                    .map(|(k, _)| k.clone())
                    .collect();
                for k in servers {
                    let name = new.name.clone();
                    self.edit_object(stmt, &k, |node, _| {
                        if let NodeEnum::CreateForeignServerStmt(s) = node {
                            s.fdwname = name;
                        }
                        Ok(())
                    });
                }
            }
            ObjKind::Collation => {
                let (o, n) = (oq.sql(), nq.sql());
                for t in self.catalog.tables.values_mut() {
                    for c in &mut t.columns {
                        if c.collation.as_deref() == Some(o.as_str()) {
                            c.collation = Some(n.clone());
                        }
                    }
                }
                self.rename_in_dependents(stmt, old, oq, nq);
            }
            ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate => {
                self.rename_routine_users(stmt, old, oq, nq);
            }
            ObjKind::Type
            | ObjKind::Domain
            | ObjKind::Subscription
            | ObjKind::View
            | ObjKind::MaterializedView
            | ObjKind::Trigger
            | ObjKind::EventTrigger
            | ObjKind::Rule
            | ObjKind::Policy
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::UserMapping
            | ObjKind::TextSearchConfiguration
            | ObjKind::TextSearchDictionary
            | ObjKind::TextSearchParser
            | ObjKind::TextSearchTemplate
            | ObjKind::Operator
            | ObjKind::OperatorClass
            | ObjKind::OperatorFamily
            | ObjKind::Cast
            | ObjKind::Language
            | ObjKind::Conversion
            | ObjKind::AccessMethod
            | ObjKind::Transform => {
                if !old.schema.is_empty() {
                    self.rename_in_dependents(stmt, old, oq, nq);
                }
            }
        }
    }

    /// Rewrites `oq` into `nq` in the texts of the objects that need `oq` and can name an
    /// object of its kind (a name alone does not say which kind it is: an operator class and
    /// its family share theirs).
    fn rename_in_dependents(&mut self, stmt: &Stmt, old: &ObjKey, oq: &QualName, nq: &QualName) {
        let operator = old.kind == ObjKind::Operator;
        let users_of: &[ObjKind] = match old.kind {
            ObjKind::TextSearchDictionary | ObjKind::TextSearchParser => {
                &[ObjKind::TextSearchConfiguration]
            }
            ObjKind::TextSearchTemplate => &[ObjKind::TextSearchDictionary],
            ObjKind::Operator => &[
                ObjKind::Operator,
                ObjKind::OperatorClass,
                ObjKind::OperatorFamily,
            ],
            ObjKind::OperatorFamily => &[ObjKind::OperatorClass, ObjKind::OperatorFamily],
            // Expressions anywhere can name a collation.
            ObjKind::Collation => &[
                ObjKind::View,
                ObjKind::MaterializedView,
                ObjKind::Function,
                ObjKind::Procedure,
                ObjKind::Domain,
                ObjKind::Type,
                ObjKind::Policy,
                ObjKind::Trigger,
                ObjKind::Rule,
                ObjKind::Statistics,
                ObjKind::Publication,
            ],
            ObjKind::Type
            | ObjKind::Domain
            | ObjKind::Function
            | ObjKind::Procedure
            | ObjKind::Aggregate
            | ObjKind::View
            | ObjKind::MaterializedView
            | ObjKind::Trigger
            | ObjKind::EventTrigger
            | ObjKind::Rule
            | ObjKind::Policy
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::Subscription
            | ObjKind::ForeignDataWrapper
            | ObjKind::Server
            | ObjKind::UserMapping
            | ObjKind::TextSearchConfiguration
            | ObjKind::OperatorClass
            | ObjKind::Cast
            | ObjKind::Language
            | ObjKind::Conversion
            | ObjKind::AccessMethod
            | ObjKind::Transform => &[],
        };
        let users: Vec<ObjKey> = self
            .catalog
            .objects
            .iter()
            .filter(|(k, o)| {
                users_of.contains(&k.kind)
                    && (o.deps.contains(oq)
                        || (operator
                            && (o.create.contains(&old.name)
                                || o.after.iter().any(|a| a.contains(&old.name)))))
            })
            .map(|(k, _)| k.clone())
            .collect();
        for k in users {
            if let Some(o) = self.catalog.objects.get_mut(&k) {
                rename_in_object(o, &k, oq, nq, operator);
            }
            self.edit_object(stmt, &k, |_, _| Ok(()));
        }
    }

    /// `ALTER FUNCTION / PROCEDURE / TRIGGER / MATERIALIZED VIEW / INDEX x [NO] DEPENDS ON
    /// EXTENSION e`: the object goes when the extension is dropped. Kept as the set of such
    /// extensions on the object.
    pub(super) fn depends_on_extension(
        &mut self,
        stmt: &Stmt,
        s: &protobuf::AlterObjectDependsStmt,
    ) {
        use ObjectType as O;
        let kind = O::try_from(s.object_type).unwrap_or(O::Undefined);
        let ext = s
            .extname
            .as_ref()
            .map(|e| e.sval.clone())
            .unwrap_or_default();
        let r = self.resolver();
        let rel = s
            .relation
            .as_ref()
            .map(|rv| r.relation(&rv.schemaname, &rv.relname));
        let apply = |set: &mut Vec<String>| {
            set.retain(|e| *e != ext);
            if !s.remove {
                set.push(ext.clone());
                set.sort();
            }
        };
        match (kind, rel) {
            (O::ObjectIndex, Some(q)) => match self.catalog.indexes.get_mut(&q) {
                Some(i) => apply(&mut i.extensions),
                None => self.warn(stmt, format!("index {} does not exist", q.sql())),
            },
            (O::ObjectTrigger, Some(t)) => {
                let name = s
                    .object
                    .as_deref()
                    .and_then(super::node_string)
                    .unwrap_or_default();
                let key = ObjKey {
                    kind: ObjKind::Trigger,
                    schema: t.schema.clone(),
                    name,
                    sub: t.name.clone(),
                };
                match self.catalog.objects.get_mut(&key) {
                    Some(o) => apply(&mut o.extensions),
                    None => self.warn(stmt, format!("trigger on {} does not exist", t.sql())),
                }
            }
            (O::ObjectMatview, Some(q)) => {
                let key = ObjKey {
                    kind: ObjKind::MaterializedView,
                    schema: q.schema.clone(),
                    name: q.name.clone(),
                    sub: String::new(),
                };
                match self.catalog.objects.get_mut(&key) {
                    Some(o) => apply(&mut o.extensions),
                    None => self.warn(
                        stmt,
                        format!("materialized view {} does not exist", q.sql()),
                    ),
                }
            }
            (O::ObjectFunction | O::ObjectProcedure | O::ObjectRoutine, _) => {
                let key = self.generic_key(kind, s.object.as_deref().and_then(|o| o.node.as_ref()));
                match key.and_then(|k| self.catalog.objects.get_mut(&k)) {
                    Some(o) => apply(&mut o.extensions),
                    None => self.warn(stmt, "the function does not exist".to_string()),
                }
            }
            _ => {
                let what = format!("ALTER {} ... DEPENDS ON EXTENSION", sql_words(kind));
                self.unsupported(stmt, &what);
            }
        }
    }
}

impl Replay {
    pub(super) fn rename(&mut self, stmt: &Stmt, s: &protobuf::RenameStmt) {
        use ObjectType as O;
        let kind = O::try_from(s.rename_type).unwrap_or(O::Undefined);
        let rel = s
            .relation
            .as_ref()
            .map(|rv| self.resolver().relation(&rv.schemaname, &rv.relname));
        let found = match (kind, rel) {
            (
                O::ObjectTable
                | O::ObjectForeignTable
                | O::ObjectView
                | O::ObjectMatview
                | O::ObjectSequence
                | O::ObjectIndex,
                Some(q),
            ) => {
                let new = QualName::new(q.schema.clone(), s.newname.clone());
                relation(kind).is_some_and(|k| self.relocate(k, &q, &new))
            }
            (O::ObjectColumn, Some(q))
                if self
                    .catalog
                    .tables
                    .get(&q)
                    .is_some_and(|t| t.of_type.is_some()) =>
            {
                self.reject(stmt, "cannot rename column of typed table".to_string());
                return;
            }
            (O::ObjectColumn, Some(q)) if !self.catalog.tables.contains_key(&q) => {
                self.rename_view_column(stmt, &q, &s.subname, &s.newname, s.missing_ok);
                return;
            }
            (O::ObjectPolicy, Some(q)) => {
                self.rename_policy(stmt, &q, &s.subname, &s.newname);
                return;
            }
            (O::ObjectAttribute, Some(q)) => {
                let cascade = super::depend::cascades(s.behavior);
                self.rename_attribute(stmt, &q, &s.subname, &s.newname, cascade);
                return;
            }
            (O::ObjectDomconstraint, _) => {
                self.rename_domain_constraint(stmt, s);
                return;
            }
            (O::ObjectSchema, _) => {
                self.rename_schema(stmt, &s.subname, &s.newname);
                return;
            }
            (O::ObjectColumn, Some(q)) => {
                let recurse = s.relation.as_ref().is_some_and(|rv| rv.inh);
                self.rename_column_down(stmt, &q, &s.subname, &s.newname, recurse)
            }
            (O::ObjectTabconstraint, Some(q)) => {
                let renamed = match self.catalog.tables.get_mut(&q) {
                    Some(t) => match t.constraints.remove(&s.subname) {
                        Some(c) => {
                            t.constraints.insert(s.newname.clone(), c);
                            self.on_table.note_constraint(&q, &s.newname);
                            true
                        }
                        None => false,
                    },
                    None => false,
                };
                if renamed {
                    let rekey = |prefix: &str, old: &str, new: &str| {
                        (format!("{prefix}{old}"), format!("{prefix}{new}"))
                    };
                    let on = format!(" ON {}", q.sql());
                    let con = rekey(
                        "CONSTRAINT ",
                        &format!("{}{on}", quote::ident(&s.subname)),
                        &format!("{}{on}", quote::ident(&s.newname)),
                    );
                    let idx = rekey(
                        "INDEX ",
                        &QualName::new(q.schema.clone(), s.subname.clone()).sql(),
                        &QualName::new(q.schema.clone(), s.newname.clone()).sql(),
                    );
                    for (old, new) in [con, idx] {
                        self.catalog.move_notes(&old, &new);
                    }
                    // A key constraint's index is renamed with it, and keeps its clustering
                    // mark (a plain index of the old name is another's).
                    if !self
                        .catalog
                        .indexes
                        .contains_key(&QualName::new(q.schema.clone(), s.subname.clone()))
                    {
                        self.move_cluster_mark(&q, &s.subname, Some(&s.newname));
                    }
                }
                renamed
            }
            (O::ObjectTrigger, Some(q)) => {
                self.rename_trigger(stmt, &q, &s.subname, &s.newname);
                return;
            }
            (O::ObjectType | O::ObjectDomain, _) => {
                let parts = match s.object.as_deref().and_then(|o| o.node.as_ref()) {
                    Some(NodeEnum::List(l)) => name_list(&l.items),
                    _ => Vec::new(),
                };
                let r = self.resolver();
                let q = match parts.as_slice() {
                    [sch, n] => QualName::new(sch.clone(), n.clone()),
                    [n] => QualName::new(
                        r.user_type_schema(n).unwrap_or_else(|| r.creation_schema()),
                        n.clone(),
                    ),
                    _ => QualName::new("", parts.join(".")),
                };
                let objkind = if kind == O::ObjectType {
                    ObjKind::Type
                } else {
                    ObjKind::Domain
                };
                let key = ObjKey {
                    kind: objkind,
                    schema: q.schema.clone(),
                    name: q.name.clone(),
                    sub: String::new(),
                };
                let new = QualName::new(q.schema.clone(), s.newname.clone());
                match self.catalog.objects.remove(&key) {
                    Some(o) => {
                        let renamed = ObjKey {
                            name: s.newname.clone(),
                            ..key
                        };
                        self.on_table.note_object(&renamed, &o);
                        self.catalog.objects.insert(renamed.clone(), o);
                        self.retarget(&q, &new);
                        self.shaped(crate::catalog::graph::Node::Object(renamed));
                        true
                    }
                    // A range's multirange type: the range's definition names it, and so do
                    // the columns that hold it.
                    None if objkind == ObjKind::Type
                        && self.catalog.range_of_multirange(&q).is_some() =>
                    {
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
                if !self.rename_object(stmt, s) {
                    self.unsupported(stmt, &format!("ALTER {} ... RENAME", sql_words(kind)));
                }
                return;
            }
        };
        if !found && !s.missing_ok {
            self.warn(
                stmt,
                format!(
                    "{} to rename does not exist",
                    sql_words(kind).to_lowercase()
                ),
            );
        }
    }

    /// `ALTER TABLE [ONLY] q RENAME COLUMN old TO new`: as the server does, the column is
    /// renamed in every table that inherits it too (children and partitions, at any depth),
    /// what reads it in each following; refused on a column a table inherits (unless every
    /// parent it has it from is renamed with it), and with ONLY on a table that has
    /// children. Whether the column was there.
    fn rename_column_down(
        &mut self,
        stmt: &Stmt,
        q: &QualName,
        old: &str,
        new: &str,
        recurse: bool,
    ) -> bool {
        if self
            .catalog
            .tables
            .get(q)
            .is_none_or(|t| t.column(old).is_none())
        {
            return false;
        }
        let mut tree = vec![q.clone()];
        let mut i = 0;
        while let Some(t) = tree.get(i).cloned() {
            i += 1;
            for c in self.children_of(&t) {
                if !tree.contains(&c) {
                    tree.push(c);
                }
            }
        }
        if !recurse && tree.len() > 1 {
            self.reject(
                stmt,
                format!("inherited column \"{old}\" must be renamed in child tables too"),
            );
            return true;
        }
        if !recurse {
            tree.truncate(1);
        }
        // The server checks the tables below first, in the order it finds them, then the
        // one named.
        for t in tree.iter().skip(1).chain(tree.first()) {
            // The parents renamed with it, which the server counts as it recurses.
            let expected = self.catalog.tables.get(t).map_or(0, |tt| {
                tt.parents().filter(|p| *p != t && tree.contains(p)).count()
            });
            let expected = if t == q { 0 } else { expected };
            if self.catalog.inhcount(t, old) > expected {
                self.reject(stmt, format!("cannot rename inherited column \"{old}\""));
                return true;
            }
            if self
                .catalog
                .tables
                .get(t)
                .is_some_and(|tt| tt.column(new).is_some())
            {
                self.reject(
                    stmt,
                    format!("column \"{new}\" of relation \"{}\" already exists", t.name),
                );
                return true;
            }
        }
        for t in tree {
            if self.rename_column(&t, old, new) {
                self.follow_column_rename(stmt, &t, old, new);
                self.shaped(crate::catalog::graph::Node::Table(t));
            }
        }
        true
    }

    fn rename_column(&mut self, table: &QualName, old: &str, new: &str) -> bool {
        let Some(t) = self.catalog.tables.get_mut(table) else {
            return false;
        };
        let Some(col) = t.column_mut(old) else {
            return false;
        };
        col.name = new.to_string();
        super::privileges::rename_column(&mut t.access, old, new);
        let (old_id, new_id) = (quote::ident(old), quote::ident(new));
        for col in &mut t.columns {
            if col.generated_reads.iter().any(|k| k == old) {
                if let Some(g) = &mut col.generated {
                    *g = replace_name(g, &old_id, &new_id);
                }
                for k in &mut col.generated_reads {
                    if k == old {
                        *k = new.to_string();
                    }
                }
            }
        }
        for k in t.partition_key.iter_mut().flatten() {
            if k == old {
                *k = new.to_string();
            }
        }
        if let Some(spec) = &mut t.partition_by {
            *spec = replace_name(spec, &old_id, &new_id);
        }
        for c in t.constraints.values_mut() {
            // A foreign key's referenced columns are another table's, unless it is this one.
            c.def = match c.def.split_once(" REFERENCES ") {
                Some((own, referenced)) => {
                    let referenced = format!(" REFERENCES {referenced}");
                    let referenced = if c.references.as_ref() == Some(table) {
                        rename_referenced(&referenced, table, &old_id, &new_id)
                    } else {
                        referenced
                    };
                    format!("{}{referenced}", replace_name(own, &old_id, &new_id))
                }
                None => replace_name(&c.def, &old_id, &new_id),
            };
            for k in &mut c.columns {
                if k == old {
                    *k = new.to_string();
                }
            }
        }
        // Foreign keys of other tables that reference the column.
        for (tq, t) in self.catalog.tables.iter_mut() {
            if tq == table {
                continue;
            }
            for c in t.constraints.values_mut() {
                if c.references.as_ref() == Some(table) {
                    c.def = rename_referenced(&c.def, table, &old_id, &new_id);
                }
            }
        }
        for i in self
            .catalog
            .indexes
            .values_mut()
            .filter(|i| i.table == *table)
        {
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
        self.catalog
            .move_notes(&format!("{prefix}{old_id}"), &format!("{prefix}{new_id}"));
        true
    }

    /// Relation `q` (a table, view, materialized view, sequence or index, by `kind`) is now
    /// `new`: renamed, or moved to another schema. Whether it was there.
    fn relocate(&mut self, kind: Relation, q: &QualName, new: &QualName) -> bool {
        match kind {
            Relation::Table => match self.catalog.tables.remove(q) {
                Some(t) => {
                    self.catalog.tables.insert(new.clone(), t);
                    self.retarget(q, new);
                    self.shaped(crate::catalog::graph::Node::Table(new.clone()));
                    true
                }
                None => false,
            },
            Relation::View(kind) => {
                let key = ObjKey {
                    kind,
                    schema: q.schema.clone(),
                    name: q.name.clone(),
                    sub: String::new(),
                };
                match self.catalog.objects.remove(&key) {
                    Some(o) => {
                        let moved = ObjKey {
                            schema: new.schema.clone(),
                            name: new.name.clone(),
                            ..key
                        };
                        self.on_table.note_object(&moved, &o);
                        self.catalog.objects.insert(moved.clone(), o);
                        self.retarget(q, new);
                        self.shaped(crate::catalog::graph::Node::Object(moved));
                        true
                    }
                    None => false,
                }
            }
            Relation::Sequence => match self.catalog.sequences.remove(q) {
                Some(seq) => {
                    self.on_table.note_sequence(new, &seq);
                    self.catalog.sequences.insert(new.clone(), seq);
                    self.retarget(q, new);
                    self.shaped(crate::catalog::graph::Node::Sequence(new.clone()));
                    true
                }
                None => false,
            },
            Relation::Index => match self.catalog.indexes.remove(q) {
                Some(mut i) => {
                    for head in ["CREATE INDEX ", "CREATE UNIQUE INDEX "] {
                        let old_head = format!("{head}{} ON ", quote::ident(&q.name));
                        if let Some(rest) = i.def.strip_prefix(&old_head) {
                            i.def = format!("{head}{} ON {rest}", quote::ident(&new.name));
                        }
                    }
                    self.on_table.note_index(new, &i);
                    self.move_cluster_mark(&i.table, &q.name, Some(&new.name));
                    self.catalog.indexes.insert(new.clone(), i);
                    self.retarget(q, new);
                    self.shaped(crate::catalog::graph::Node::Index(new.clone()));
                    true
                }
                None => false,
            },
        }
    }

    /// `ALTER TABLE | FOREIGN TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE q SET SCHEMA s`:
    /// a table takes its indexes and the sequences its columns own (identity sequences too)
    /// along, as the server does. `false` for a statement about another kind of object.
    pub(super) fn set_relation_schema(
        &mut self,
        stmt: &Stmt,
        s: &protobuf::AlterObjectSchemaStmt,
    ) -> bool {
        let kind = relation(ObjectType::try_from(s.object_type).unwrap_or(ObjectType::Undefined))
            .filter(|k| *k != Relation::Index);
        let (Some(kind), Some(rv)) = (kind, s.relation.as_ref()) else {
            return false;
        };
        let q = self.resolver().relation(&rv.schemaname, &rv.relname);
        let new = QualName::new(s.newschema.clone(), q.name.clone());
        if !self.resolver().relation_exists(&q) {
            if !s.missing_ok {
                self.missing(stmt, &q, format!("relation {} does not exist", q.sql()));
            }
            return true;
        }
        if !self.catalog.schemas.contains_key(&s.newschema) {
            self.reject(stmt, format!("schema \"{}\" does not exist", s.newschema));
            return true;
        }
        if q == new {
            return true;
        }
        if self.relation_name_taken(&new.schema, &new.name) {
            self.reject(
                stmt,
                format!(
                    "relation \"{}\" already exists in schema \"{}\"",
                    new.name, new.schema
                ),
            );
            return true;
        }
        let (indexes, sequences) = match kind {
            Relation::Table => (
                self.on_table.indexes(&self.catalog, &q),
                self.on_table.sequences(&self.catalog, &q),
            ),
            Relation::View(_) | Relation::Sequence | Relation::Index => (Vec::new(), Vec::new()),
        };
        self.relocate(kind, &q, &new);
        for i in indexes {
            self.relocate(
                Relation::Index,
                &i,
                &QualName::new(new.schema.clone(), i.name.clone()),
            );
        }
        for sq in sequences {
            self.relocate(
                Relation::Sequence,
                &sq,
                &QualName::new(new.schema.clone(), sq.name.clone()),
            );
        }
        if let Some(t) = self.catalog.tables.get_mut(&new) {
            for id in t.columns.iter_mut().filter_map(|c| c.identity.as_mut()) {
                id.sequence.schema.clone_from(&new.schema);
            }
        }
        true
    }

    /// Every reference to `old` (a relation or a type) now names `new`.
    fn retarget(&mut self, old: &QualName, new: &QualName) {
        self.stored.renamed(old, new);
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
            t.of_type.iter_mut().for_each(name);
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
        self.on_table.retarget(old, new);
        let objects = std::mem::take(&mut c.objects);
        for (mut k, mut obj) in objects {
            text(&mut obj.create);
            obj.after.iter_mut().for_each(text);
            let target_before = obj.target.clone();
            text(&mut obj.target);
            obj.deps.iter_mut().for_each(name);
            obj.soft_deps.iter_mut().for_each(name);
            for a in obj.attributes.iter_mut().flatten() {
                text(&mut a.type_sql);
            }
            if let Some(d) = &mut obj.domain {
                text(&mut d.base);
                d.default.iter_mut().for_each(text);
                d.checks.values_mut().for_each(text);
                d.default_reads.iter_mut().for_each(name);
                d.check_reads.values_mut().flatten().for_each(name);
            }
            if obj.table.as_ref() == Some(old) {
                obj.table = Some(new.clone());
                // Triggers, policies and rules are known by their table's name too;
                // statistics only by their own.
                if k.sub == old.name {
                    k.sub = new.name.clone();
                }
            }
            text(&mut k.sub);
            if obj.target != target_before {
                c.move_notes(&target_before, &obj.target);
            }
            self.on_table.note_object(&k, &obj);
            c.objects.insert(k, obj);
        }
        c.retarget_notes(|k| {
            let mut k = k.to_string();
            text(&mut k);
            k
        });
    }
}

impl Replay {
    /// `ALTER SCHEMA old RENAME TO new`: the server refers to schemas by OID, so everything
    /// in the schema moves with it and every qualified name of one of its objects (in column
    /// types, defaults, constraints, indexes, signatures, the definitions of views,
    /// functions' SQL bodies, triggers, policies, ..., comments and security labels) now
    /// reads `new`; its privileges, comment and default privileges follow. Function bodies
    /// kept as strings and `SET search_path` values name schemas by text and stay.
    fn rename_schema(&mut self, stmt: &Stmt, old: &str, new: &str) {
        if matches!(old, "pg_catalog" | "pg_toast" | "information_schema") {
            // The one refusal a role that does not own the system's schemas gets; a
            // superuser may rename them, which no schema file can mean.
            self.reject(stmt, format!("must be owner of schema {old}"));
            return;
        }
        if !self.catalog.schemas.contains_key(old) {
            self.reject(stmt, format!("schema \"{old}\" does not exist"));
            return;
        }
        if self.catalog.schemas.contains_key(new)
            || matches!(new, "pg_catalog" | "pg_toast" | "information_schema")
        {
            self.reject(stmt, format!("schema \"{new}\" already exists"));
            return;
        }
        if new.starts_with("pg_") {
            self.reject(stmt, format!("unacceptable schema name \"{new}\""));
            return;
        }
        let rw = |s: &mut String| *s = schema_renamed_in_sql(s, old, new);
        let name = |q: &mut QualName| {
            if q.schema == old {
                q.schema = new.to_string();
            }
        };
        let rekey = |mut q: QualName| {
            name(&mut q);
            q
        };
        let c = &mut self.catalog;
        if let Some(sch) = c.schemas.remove(old) {
            c.schemas.insert(new.to_string(), sch);
        }
        for e in c.extensions.values_mut() {
            if e.schema.as_deref() == Some(old) {
                e.schema = Some(new.to_string());
            }
        }
        let tables = std::mem::take(&mut c.tables);
        for (q, mut t) in tables {
            for col in &mut t.columns {
                rw(&mut col.type_sql);
                col.collation.iter_mut().for_each(rw);
                if let Some((d, _)) = &mut col.default {
                    rw(d);
                }
                col.generated.iter_mut().for_each(rw);
                col.default_deps.iter_mut().for_each(name);
                col.generated_deps.iter_mut().for_each(name);
                if let Some(id) = &mut col.identity {
                    name(&mut id.sequence);
                }
            }
            for k in t.constraints.values_mut() {
                rw(&mut k.def);
                k.references.iter_mut().for_each(name);
                k.deps.iter_mut().for_each(name);
            }
            t.partition_by.iter_mut().for_each(rw);
            t.partition_deps.iter_mut().for_each(name);
            if let Some((p, bound)) = &mut t.partition_of {
                name(p);
                rw(bound);
            }
            t.inherits.iter_mut().for_each(name);
            t.of_type.iter_mut().for_each(name);
            c.tables.insert(rekey(q), t);
        }
        let indexes = std::mem::take(&mut c.indexes);
        for (q, mut i) in indexes {
            rw(&mut i.def);
            rw(&mut i.shape);
            name(&mut i.table);
            i.attached_to.iter_mut().for_each(name);
            i.deps.iter_mut().for_each(name);
            c.indexes.insert(rekey(q), i);
        }
        let sequences = std::mem::take(&mut c.sequences);
        for (q, mut s) in sequences {
            if let Some((t, _)) = &mut s.owned_by {
                name(t);
            }
            c.sequences.insert(rekey(q), s);
        }
        let objects = std::mem::take(&mut c.objects);
        for (mut k, mut o) in objects {
            if k.schema == old {
                k.schema = new.to_string();
            }
            rw(&mut k.sub);
            if matches!(k.kind, ObjKind::Cast | ObjKind::Transform) {
                rw(&mut k.name);
            }
            rw(&mut o.create);
            o.after.iter_mut().for_each(rw);
            if k.kind == ObjKind::Publication {
                // `TABLES IN SCHEMA s` names the schema itself.
                for a in &mut o.after {
                    *a = schema_member_renamed(a, old, new);
                }
            }
            rw(&mut o.target);
            o.deps.iter_mut().for_each(name);
            o.soft_deps.iter_mut().for_each(name);
            o.table.iter_mut().for_each(name);
            if let Some(r) = &mut o.routine {
                rw(&mut r.result);
            }
            for a in o.attributes.iter_mut().flatten() {
                rw(&mut a.type_sql);
                a.collation.iter_mut().for_each(rw);
            }
            if let Some(d) = &mut o.domain {
                rw(&mut d.base);
                d.default.iter_mut().for_each(rw);
                d.checks.values_mut().for_each(rw);
                d.default_reads.iter_mut().for_each(name);
                d.check_reads.values_mut().flatten().for_each(name);
            }
            o.column_defaults.values_mut().for_each(rw);
            c.objects.insert(k, o);
        }
        let acls = std::mem::take(&mut c.default_acls);
        c.default_acls = acls
            .into_iter()
            .map(|(mut k, acl)| {
                if k.schema.as_deref() == Some(old) {
                    k.schema = Some(new.to_string());
                }
                (k, acl)
            })
            .collect();
        c.move_notes(
            &format!("SCHEMA {}", quote::ident(old)),
            &format!("SCHEMA {}", quote::ident(new)),
        );
        c.retarget_notes(|k| {
            let mut k = k.to_string();
            rw(&mut k);
            k
        });
        use crate::catalog::graph::Node;
        let shaped = std::mem::take(&mut c.shaped);
        c.shaped = shaped
            .into_iter()
            .map(|(n, p)| {
                let n = match n {
                    Node::Schema(s) if s == old => Node::Schema(new.to_string()),
                    Node::Schema(s) => Node::Schema(s),
                    Node::Extension(e) => Node::Extension(e),
                    Node::Table(q) => Node::Table(rekey(q)),
                    Node::Default(q, col) => Node::Default(rekey(q), col),
                    Node::Constraint(q, k) => Node::Constraint(rekey(q), k),
                    Node::Index(q) => Node::Index(rekey(q)),
                    Node::Sequence(q) => Node::Sequence(rekey(q)),
                    Node::SequenceOwner(q) => Node::SequenceOwner(rekey(q)),
                    Node::Object(mut k) => {
                        if k.schema == old {
                            k.schema = new.to_string();
                        }
                        rw(&mut k.sub);
                        Node::Object(k)
                    }
                };
                (n, p)
            })
            .collect();
        self.on_table = super::on_table::OnTable::of(&self.catalog);
        self.stored = super::stored::Stored::of(&self.catalog);
        self.children = None;
        self.reverse = None;
        self.shaped(crate::catalog::graph::Node::Schema(new.to_string()));
    }
}

/// The column names and the query of a CREATE VIEW or CREATE MATERIALIZED VIEW.
// A view's statement is one of these two.
#[allow(clippy::wildcard_enum_match_arm)]
fn view_parts(
    node: &mut NodeEnum,
) -> Option<(
    &mut Vec<pg_query::protobuf::Node>,
    Option<&mut pg_query::protobuf::Node>,
)> {
    match node {
        NodeEnum::ViewStmt(v) => Some((&mut v.aliases, v.query.as_deref_mut())),
        NodeEnum::CreateTableAsStmt(c) => {
            let into = c.into.as_mut()?;
            Some((&mut into.col_names, c.query.as_deref_mut()))
        }
        _ => None,
    }
}

/// A foreign key's definition with column `old` of the referenced `table` (in the list after
/// `REFERENCES table`) renamed `new`.
fn rename_referenced(def: &str, table: &QualName, old: &str, new: &str) -> String {
    let head = format!("REFERENCES {}", table.sql());
    let Some((before, rest)) = def.split_once(&head) else {
        return def.to_string();
    };
    let Some((list, after)) = rest
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
    else {
        return def.to_string();
    };
    let gap = rest.len() - rest.trim_start().len();
    format!(
        "{before}{head}{}({}){after}",
        " ".repeat(gap),
        replace_name(list, old, new)
    )
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

impl Replay {
    /// `ALTER POLICY name ON table RENAME TO new`, with its comment.
    fn rename_policy(&mut self, stmt: &Stmt, table: &QualName, old: &str, new: &str) {
        let key = ObjKey {
            kind: ObjKind::Policy,
            schema: table.schema.clone(),
            name: old.to_string(),
            sub: table.name.clone(),
        };
        let renamed = ObjKey {
            name: new.to_string(),
            ..key.clone()
        };
        if !self.catalog.objects.contains_key(&key) {
            self.missing(
                stmt,
                table,
                format!(
                    "policy \"{old}\" for table \"{}\" does not exist",
                    table.name
                ),
            );
            return;
        }
        if old == new {
            return;
        }
        if self.catalog.objects.contains_key(&renamed) {
            self.reject(
                stmt,
                format!(
                    "policy \"{new}\" for table \"{}\" already exists",
                    table.name
                ),
            );
            return;
        }
        let Some(mut o) = self.catalog.objects.remove(&key) else {
            return;
        };
        if let Some(NodeEnum::CreatePolicyStmt(mut p)) = crate::catalog::alter::parse_one(&o.create)
        {
            p.policy_name = new.to_string();
            if let Ok(sql) = crate::catalog::expr::deparse_stmt(NodeEnum::CreatePolicyStmt(p)) {
                o.create = sql;
            }
        }
        let target = format!("POLICY {} ON {}", quote::ident(new), table.sql());
        let old_target = std::mem::replace(&mut o.target, target);
        self.catalog.move_notes(&old_target, &o.target);
        self.on_table.note_object(&renamed, &o);
        self.catalog.objects.insert(renamed.clone(), o);
        self.edit_object(stmt, &renamed, |_, _| Ok(()));
    }

    /// `ALTER VIEW | MATERIALIZED VIEW v RENAME COLUMN a TO b` (or ALTER TABLE naming a view):
    /// the output column takes the new name, with its default and comment, and the views
    /// and rules that read it follow.
    fn rename_view_column(
        &mut self,
        stmt: &Stmt,
        view: &QualName,
        old: &str,
        new: &str,
        missing_ok: bool,
    ) {
        let key = [ObjKind::View, ObjKind::MaterializedView]
            .into_iter()
            .map(|kind| ObjKey {
                kind,
                schema: view.schema.clone(),
                name: view.name.clone(),
                sub: String::new(),
            })
            .find(|k| self.catalog.objects.contains_key(k));
        let Some(key) = key else {
            if !missing_ok {
                self.missing(
                    stmt,
                    view,
                    format!("relation {} does not exist", view.sql()),
                );
            }
            return;
        };
        let names =
            crate::catalog::typing::relation_columns(&self.resolver(), view).unwrap_or_default();
        if !names.iter().any(|(n, _)| n == old) {
            self.reject(stmt, format!("column \"{old}\" does not exist"));
            return;
        }
        if old == new {
            return;
        }
        if names.iter().any(|(n, _)| n == new) {
            self.reject(
                stmt,
                format!(
                    "column \"{new}\" of relation \"{}\" already exists",
                    view.name
                ),
            );
            return;
        }
        let (o2, n2) = (old.to_string(), new.to_string());
        self.edit_object(stmt, &key, move |node, _| {
            let Some((aliases, query)) = view_parts(node) else {
                return Err("RENAME COLUMN of something that is not a view".into());
            };
            for a in aliases.iter_mut() {
                if let Some(NodeEnum::String(s)) = a.node.as_mut() {
                    if s.sval == o2 {
                        s.sval.clone_from(&n2);
                        return Ok(());
                    }
                }
            }
            let mut sel = match query.and_then(|q| q.node.as_mut()) {
                Some(NodeEnum::SelectStmt(s)) => Some(&mut **s),
                _ => None,
            };
            // A set operation's columns are named by its first branch.
            while let Some(s) = sel {
                if s.op == protobuf::SetOperation::SetopNone as i32 {
                    let names = crate::catalog::typing::output_names(s).unwrap_or_default();
                    let at = names.iter().position(|n| *n == o2);
                    if let Some(Some(NodeEnum::ResTarget(rt))) = at
                        .and_then(|i| s.target_list.get_mut(i))
                        .map(|t| t.node.as_mut())
                    {
                        rt.name.clone_from(&n2);
                        return Ok(());
                    }
                    break;
                }
                sel = s.larg.as_deref_mut();
            }
            Err("RENAME COLUMN of a view column named by its query only".into())
        });
        if let Some(o) = self.catalog.objects.get_mut(&key) {
            if let Some(d) = o.column_defaults.remove(old) {
                o.column_defaults.insert(new.to_string(), d);
            }
        }
        self.catalog.move_notes(
            &super::comment::column_target(view, old),
            &super::comment::column_target(view, new),
        );
        self.follow_column_rename(stmt, view, old, new);
    }

    /// `ALTER TYPE t RENAME ATTRIBUTE a TO b [CASCADE]` on a composite type, with its
    /// comment; the typed tables of the type rename their column with it (what reads it
    /// following) when CASCADE says so, and without it the server refuses while there is
    /// one.
    fn rename_attribute(
        &mut self,
        stmt: &Stmt,
        rv: &QualName,
        old: &str,
        new: &str,
        cascade: bool,
    ) {
        let r = self.resolver();
        let schema = if rv.schema.is_empty() {
            r.user_type_schema(&rv.name)
                .unwrap_or_else(|| r.creation_schema())
        } else {
            rv.schema.clone()
        };
        let q = QualName::new(schema, rv.name.clone());
        let key = ObjKey {
            kind: ObjKind::Type,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        };
        let Some(attrs) = self
            .catalog
            .objects
            .get(&key)
            .and_then(|o| o.attributes.as_ref())
        else {
            self.missing(stmt, &q, format!("type {} does not exist", q.sql()));
            return;
        };
        if !attrs.iter().any(|a| a.name == old) {
            self.reject(stmt, format!("column \"{old}\" does not exist"));
            return;
        }
        if old == new {
            return;
        }
        if attrs.iter().any(|a| a.name == new) {
            self.reject(
                stmt,
                format!("column \"{new}\" of relation \"{}\" already exists", q.name),
            );
            return;
        }
        let typed: Vec<QualName> = self
            .catalog
            .tables
            .iter()
            .filter(|(_, t)| t.of_type.as_ref() == Some(&q))
            .map(|(t, _)| t.clone())
            .collect();
        if !typed.is_empty() && !cascade {
            self.reject(
                stmt,
                format!(
                    "cannot alter type \"{}\" because it is the type of a typed table",
                    q.name
                ),
            );
            return;
        }
        if let Some(o) = self.catalog.objects.get_mut(&key) {
            if let Some(a) = o.attributes.iter_mut().flatten().find(|a| a.name == old) {
                a.name = new.to_string();
            }
            o.create =
                super::generic::composite_sql(&key, o.attributes.as_deref().unwrap_or_default());
        }
        self.shaped(crate::catalog::graph::Node::Object(key.clone()));
        self.catalog.move_notes(
            &super::comment::column_target(&q, old),
            &super::comment::column_target(&q, new),
        );
        for t in typed {
            if self.rename_column(&t, old, new) {
                self.follow_column_rename(stmt, &t, old, new);
                self.shaped(crate::catalog::graph::Node::Table(t));
            }
        }
    }

    /// `ALTER DOMAIN d RENAME CONSTRAINT c TO n`, with its comment.
    fn rename_domain_constraint(&mut self, stmt: &Stmt, s: &protobuf::RenameStmt) {
        let Some(key) = self.generic_key(
            ObjectType::ObjectDomain,
            s.object.as_deref().and_then(|o| o.node.as_ref()),
        ) else {
            self.unsupported(stmt, "ALTER DOMAIN ... RENAME CONSTRAINT of this domain");
            return;
        };
        let q = QualName::new(key.schema.clone(), key.name.clone());
        let Some(d) = self
            .catalog
            .objects
            .get_mut(&key)
            .and_then(|o| o.domain.as_mut())
        else {
            self.missing(stmt, &q, format!("type {} does not exist", q.sql()));
            return;
        };
        let (old, new) = (&s.subname, &s.newname);
        if !d.checks.contains_key(old) {
            self.reject(
                stmt,
                format!("constraint \"{old}\" for domain {} does not exist", q.name),
            );
            return;
        }
        if old == new {
            return;
        }
        if d.checks.contains_key(new) {
            self.reject(
                stmt,
                format!("constraint \"{new}\" for domain {} already exists", q.name),
            );
            return;
        }
        if let Some(c) = d.checks.remove(old) {
            d.checks.insert(new.clone(), c);
        }
        if let Some(c) = d.check_reads.remove(old) {
            d.check_reads.insert(new.clone(), c);
        }
        let (create, after) = (d.create_sql(&q), d.after_sql(&q));
        if let Some(o) = self.catalog.objects.get_mut(&key) {
            o.create = create;
            o.after = after;
        }
        self.shaped(crate::catalog::graph::Node::Object(key));
        let target = |n: &str| format!("CONSTRAINT {} ON DOMAIN {}", quote::ident(n), q.sql());
        self.catalog.move_notes(&target(old), &target(new));
    }
}

#[cfg(test)]
mod tests {
    use super::{replace_name, schema_renamed_in_sql};

    #[test]
    fn a_schema_renamed_reads_anew_in_names_and_oid_constants_only() {
        assert_eq!(
            schema_renamed_in_sql(
                "app.f(x.app, 'app.t') + nextval('app.s'::regclass) OPERATOR(app.+) 'app'::regnamespace",
                "app",
                "core"
            ),
            "core.f(x.app, 'app.t') + nextval('core.s'::regclass) OPERATOR(core.+) 'core'::regnamespace"
        );
    }

    #[test]
    fn replaces_whole_names_only() {
        assert_eq!(
            replace_name(
                "public.s, public.s_x, x.public.s, 'public.s'::regclass",
                "public.s",
                "public.t"
            ),
            "public.t, public.s_x, x.public.s, 'public.t'::regclass"
        );
        assert_eq!(
            replace_name("public.s[]", "public.s", "public.\"T\""),
            "public.\"T\"[]"
        );
    }

    #[test]
    fn a_renamed_function_is_followed_by_its_callers_unless_overloaded() {
        let sql = "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1';\n\
                   CREATE TABLE t (a int DEFAULT f(0) CHECK (f(a) > 0));\n\
                   CREATE VIEW v AS SELECT f(a) AS x FROM t;\n";
        let c =
            crate::catalog_from_sql("t.sql", &format!("{sql}ALTER FUNCTION f(int) RENAME TO g;"))
                .expect("loads");
        let t = c
            .tables
            .get(&crate::catalog::model::QualName::new("public", "t"));
        let default = t
            .and_then(|t| t.column("a"))
            .and_then(|c| c.default.clone());
        assert_eq!(default.map(|d| d.0), Some("public.g(0)".to_string()));
        let views: Vec<&str> = c.objects.values().map(|o| o.create.as_str()).collect();
        assert!(views.contains(&"CREATE VIEW public.v AS SELECT public.g(a) AS x FROM public.t"));
        // Another f remains: which calls named the renamed one is not known; reported.
        let warned = super::super::table::tests::warnings(&format!(
            "{sql}CREATE FUNCTION f(text) RETURNS int LANGUAGE sql AS 'SELECT 1';\n\
             ALTER FUNCTION f(int) RENAME TO g;"
        ));
        assert_eq!(
            warned,
            ["what calls FUNCTION public.f(integer) is not followed: another routine of that name remains"]
        );
    }
}
