//! Owners and privileges: GRANT / REVOKE, `ALTER ... OWNER TO`, `ALTER DEFAULT PRIVILEGES`,
//! the role statements run as (`SET ROLE`, `SET SESSION AUTHORIZATION`), and the owner and
//! ACL a new object starts with. ACLs follow the server's rules (`acl.rs`); what the catalog
//! cannot place is reported with its location, never dropped.

use pg_query::protobuf::{
    AccessPriv, AlterDefaultPrivilegesStmt, AlterOwnerStmt, DropBehavior, GrantStmt,
    GrantTargetType, Node, ObjectType, ReassignOwnedStmt, RoleSpec, RoleSpecType, VariableSetKind,
    VariableSetStmt,
};
use pg_query::NodeEnum;

use super::{name_list, node_string, Replay};
use crate::catalog::acl::{self, Acl, AclKind, Privs, RevokeError, Role};
use crate::catalog::model::*;
use crate::syntax::Stmt;

/// An object that has an owner or an ACL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Target {
    Schema(String),
    Table(QualName),
    Sequence(QualName),
    /// The identity sequence of a table's column.
    IdentitySequence(QualName, String),
    Object(ObjKey),
}

/// A role as a statement names it, before it is seen from an object's owner.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Who {
    Public,
    /// `CURRENT_USER` / `CURRENT_ROLE` / `SESSION_USER` while the script's own role is
    /// unknown.
    Runner,
    Named(String),
}

impl Who {
    /// The role, seen from an object owned by `owner`; `None` when the script's unnamed role
    /// meets an object someone named owns (it may be any role).
    fn role(&self, owner: Option<&str>) -> Option<Role> {
        match self {
            Who::Public => Some(Role::Public),
            Who::Runner => owner.is_none().then_some(Role::Owner),
            Who::Named(n) => Some(Role::named(n, owner)),
        }
    }
}

/// What one GRANT / REVOKE changes on one target.
struct GrantChange<'a> {
    is_grant: bool,
    /// Object-level privileges (`None`: ALL).
    privs: Option<Privs>,
    /// Column privileges: (column, privileges or `None` for ALL).
    columns: &'a [(String, Option<Privs>)],
    grantees: &'a [Who],
    grant_option: bool,
    cascade: bool,
}

impl Replay {
    /// The role statements run as; `None` is the role that runs the script.
    pub(super) fn current_role(&self) -> Option<String> {
        self.set_role.clone().or_else(|| self.session_role.clone())
    }

    /// Owner and ACL of an object the current role creates now (`default`: the kind of
    /// default privileges that apply, if any).
    pub(super) fn new_access(
        &self,
        default: Option<DefaultAclKind>,
        schema: Option<&str>,
    ) -> Access {
        self.new_access_as(self.current_role(), default, schema)
    }

    /// Owner and ACL of an object created now for `owner`.
    pub(super) fn new_access_as(
        &self,
        owner: Option<String>,
        default: Option<DefaultAclKind>,
        schema: Option<&str>,
    ) -> Access {
        let acl = default.and_then(|k| {
            let acl = self.catalog.default_privileges(owner.as_deref(), schema, k);
            acl::normalized(acl, k.acl_kind())
        });
        Access::new(owner, acl)
    }

    /// The owner of a new schema: its `AUTHORIZATION` role, else the current role.
    pub(super) fn schema_owner(
        &mut self,
        stmt: &Stmt,
        authrole: Option<&RoleSpec>,
    ) -> Option<String> {
        match authrole.and_then(|r| self.who(stmt, r)) {
            Some(Who::Named(n)) => Some(n),
            Some(Who::Runner) | Some(Who::Public) | None => self.current_role(),
        }
    }

    /// `SET ROLE`, `SET SESSION AUTHORIZATION` and their RESETs.
    pub(super) fn role_setting(&mut self, stmt: &Stmt, s: &VariableSetStmt) {
        let value = s.args.first().and_then(node_string);
        let kind = match VariableSetKind::try_from(s.kind) {
            Ok(k) => k,
            Err(_) => {
                self.unsupported(
                    stmt,
                    &format!("SET {} with an unknown form ({})", s.name, s.kind),
                );
                return;
            }
        };
        let to = match kind {
            VariableSetKind::VarSetValue => value.filter(|v| !v.eq_ignore_ascii_case("none")),
            VariableSetKind::VarSetDefault
            | VariableSetKind::VarReset
            | VariableSetKind::VarResetAll => None,
            VariableSetKind::VarSetCurrent
            | VariableSetKind::VarSetMulti
            | VariableSetKind::Undefined => {
                self.unsupported(stmt, &format!("this form of SET {}", s.name));
                return;
            }
        };
        if s.name == "role" {
            self.set_role = to;
        } else {
            self.session_role = to;
            self.set_role = None;
        }
    }

    pub(super) fn grant(&mut self, stmt: &Stmt, s: &GrantStmt) {
        let GrantStmt {
            is_grant,
            targtype,
            objtype,
            objects,
            privileges,
            grantees,
            grant_option,
            grantor: _,
            behavior,
        } = s;
        let Some(objtype) = self.known_object_type(stmt, *objtype) else {
            return;
        };
        let Some(cascade) = self.cascade(stmt, *behavior) else {
            return;
        };
        let Some(grantees) = self.grantees(stmt, grantees) else {
            return;
        };
        let Some((privs, columns)) = self.privilege_list(stmt, privileges) else {
            return;
        };
        let targets = match GrantTargetType::try_from(*targtype) {
            Ok(GrantTargetType::AclTargetObject) => self.grant_targets(stmt, objtype, objects),
            Ok(GrantTargetType::AclTargetAllInSchema) => self.all_in_schema(stmt, objtype, objects),
            Ok(GrantTargetType::AclTargetDefaults) | Ok(GrantTargetType::Undefined) | Err(_) => {
                self.unsupported(stmt, &format!("GRANT / REVOKE with target type {targtype}"));
                return;
            }
        };
        let change = GrantChange {
            is_grant: *is_grant,
            privs,
            columns: &columns,
            grantees: &grantees,
            grant_option: *grant_option,
            cascade,
        };
        for t in targets {
            self.apply_grant(stmt, &t, &change);
        }
    }

    /// The objects a GRANT / REVOKE names, each resolved (missing ones reported).
    fn grant_targets(&mut self, stmt: &Stmt, objtype: ObjectType, objects: &[Node]) -> Vec<Target> {
        use ObjectType as O;
        let mut out = Vec::new();
        for obj in objects {
            let node = obj.node.as_ref();
            let found = match objtype {
                O::ObjectTable | O::ObjectSequence => match node {
                    Some(NodeEnum::RangeVar(rv)) => {
                        let q = self.resolver().relation(&rv.schemaname, &rv.relname);
                        self.relation_target(&q, objtype == O::ObjectSequence)
                    }
                    _ => None,
                },
                O::ObjectFunction | O::ObjectProcedure | O::ObjectRoutine => {
                    self.routine_key(objtype, node).map(Target::Object)
                }
                O::ObjectType | O::ObjectDomain => self.type_key(objtype, node).map(Target::Object),
                O::ObjectSchema => match node {
                    Some(NodeEnum::String(x)) if self.catalog.schemas.contains_key(&x.sval) => {
                        Some(Target::Schema(x.sval.clone()))
                    }
                    _ => None,
                },
                O::ObjectLanguage | O::ObjectFdw | O::ObjectForeignServer => {
                    if let (O::ObjectLanguage, Some(NodeEnum::String(x))) = (objtype, node) {
                        if x.sval == "plpgsql" {
                            self.unsupported(
                                stmt,
                                "privileges on LANGUAGE plpgsql (built in, not part of the schema)",
                            );
                            continue;
                        }
                    }
                    self.generic_key(objtype, node)
                        .filter(|k| self.catalog.objects.contains_key(k))
                        .map(Target::Object)
                }
                O::ObjectDatabase
                | O::ObjectTablespace
                | O::ObjectLargeobject
                | O::ObjectParameterAcl => {
                    self.unsupported(
                        stmt,
                        &format!(
                            "GRANT / REVOKE on {} (not part of a schema)",
                            kind_words(objtype)
                        ),
                    );
                    return out;
                }
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
                | O::ObjectDomconstraint
                | O::ObjectEventTrigger
                | O::ObjectExtension
                | O::ObjectForeignTable
                | O::ObjectIndex
                | O::ObjectMatview
                | O::ObjectOpclass
                | O::ObjectOperator
                | O::ObjectOpfamily
                | O::ObjectPolicy
                | O::ObjectPublication
                | O::ObjectPublicationNamespace
                | O::ObjectPublicationRel
                | O::ObjectRole
                | O::ObjectRule
                | O::ObjectSubscription
                | O::ObjectStatisticExt
                | O::ObjectTabconstraint
                | O::ObjectTransform
                | O::ObjectTrigger
                | O::ObjectTsconfiguration
                | O::ObjectTsdictionary
                | O::ObjectTsparser
                | O::ObjectTstemplate
                | O::ObjectUserMapping
                | O::ObjectView => {
                    self.unsupported(stmt, &format!("GRANT / REVOKE on {}", kind_words(objtype)));
                    return out;
                }
            };
            match found {
                Some(t) => out.push(t),
                None => {
                    let name = object_name(node);
                    self.warn(stmt, format!("GRANT / REVOKE on {} {name}, which the schema does not hold (missing, or part of an extension); ignored", kind_words(objtype)));
                }
            }
        }
        out
    }

    /// A relation named by GRANT ON TABLE / SEQUENCE: a table, a sequence, an identity
    /// sequence, a view or a materialized view.
    fn relation_target(&self, q: &QualName, sequences_only: bool) -> Option<Target> {
        if self.catalog.sequences.contains_key(q) {
            return Some(Target::Sequence(q.clone()));
        }
        if !sequences_only {
            if self.catalog.tables.contains_key(q) {
                return Some(Target::Table(q.clone()));
            }
            let view = [ObjKind::View, ObjKind::MaterializedView]
                .into_iter()
                .map(|kind| ObjKey {
                    kind,
                    schema: q.schema.clone(),
                    name: q.name.clone(),
                    sub: String::new(),
                })
                .find(|k| self.catalog.objects.contains_key(k));
            if let Some(k) = view {
                return Some(Target::Object(k));
            }
        }
        // Identity sequences are not in the sequence map: their table's columns name them.
        // The server names one `<table>_<column>_seq`: try those splits before every table.
        let names_it = |tq: &QualName, col: &str| {
            self.catalog
                .tables
                .get(tq)
                .and_then(|t| t.column(col))
                .and_then(|c| c.identity.as_ref())
                .is_some_and(|i| i.sequence == *q)
        };
        if let Some(stem) = q.name.strip_suffix("_seq") {
            for (at, _) in stem.match_indices('_') {
                let (table, column) = (
                    QualName::new(q.schema.clone(), &stem[..at]),
                    &stem[at + 1..],
                );
                if names_it(&table, column) {
                    return Some(Target::IdentitySequence(table, column.to_string()));
                }
            }
        }
        self.identity_of(q)
            .map(|(t, c)| Target::IdentitySequence(t, c))
    }

    /// A function, procedure or aggregate named by GRANT / ALTER ... OWNER TO.
    fn routine_key(&self, objtype: ObjectType, node: Option<&NodeEnum>) -> Option<ObjKey> {
        let k = self.generic_key(objtype, node)?;
        let kinds = [ObjKind::Function, ObjKind::Procedure, ObjKind::Aggregate];
        if let Some(k) = kinds
            .iter()
            .map(|&kind| ObjKey { kind, ..k.clone() })
            .find(|k| self.catalog.objects.contains_key(k))
        {
            return Some(k);
        }
        // `GRANT ... ON FUNCTION f` without arguments names the only function called f.
        let unspecified = matches!(node, Some(NodeEnum::ObjectWithArgs(o)) if o.args_unspecified);
        if !unspecified {
            return None;
        }
        let mut same: Vec<&ObjKey> = self
            .catalog
            .objects
            .keys()
            .filter(|o| kinds.contains(&o.kind) && o.schema == k.schema && o.name == k.name)
            .collect();
        match (same.pop(), same.is_empty()) {
            (Some(only), true) => Some(only.clone()),
            _ => None,
        }
    }

    /// A type or domain (either keyword names both).
    fn type_key(&self, objtype: ObjectType, node: Option<&NodeEnum>) -> Option<ObjKey> {
        let k = self.generic_key(objtype, node)?;
        [ObjKind::Type, ObjKind::Domain]
            .iter()
            .map(|&kind| ObjKey { kind, ..k.clone() })
            .find(|k| self.catalog.objects.contains_key(k))
    }

    /// `ALL TABLES / SEQUENCES / FUNCTIONS / PROCEDURES / ROUTINES IN SCHEMA s, ...`.
    fn all_in_schema(&mut self, stmt: &Stmt, objtype: ObjectType, schemas: &[Node]) -> Vec<Target> {
        use ObjectType as O;
        let mut out = Vec::new();
        for s in name_list(schemas) {
            if !self.catalog.schemas.contains_key(&s) {
                self.warn(
                    stmt,
                    format!("GRANT / REVOKE ... IN SCHEMA: schema {s} does not exist; ignored"),
                );
                continue;
            }
            let kinds: &[ObjKind] = match objtype {
                O::ObjectTable => {
                    out.extend(
                        self.catalog
                            .tables
                            .keys()
                            .filter(|q| q.schema == s)
                            .map(|q| Target::Table(q.clone())),
                    );
                    &[ObjKind::View, ObjKind::MaterializedView]
                }
                O::ObjectSequence => {
                    out.extend(
                        self.catalog
                            .sequences
                            .keys()
                            .filter(|q| q.schema == s)
                            .map(|q| Target::Sequence(q.clone())),
                    );
                    for (q, t) in self.catalog.tables.iter().filter(|(q, _)| q.schema == s) {
                        out.extend(
                            t.columns
                                .iter()
                                .filter(|c| c.identity.is_some())
                                .map(|c| Target::IdentitySequence(q.clone(), c.name.clone())),
                        );
                    }
                    &[]
                }
                O::ObjectFunction => &[ObjKind::Function, ObjKind::Aggregate],
                O::ObjectProcedure => &[ObjKind::Procedure],
                O::ObjectRoutine => &[ObjKind::Function, ObjKind::Aggregate, ObjKind::Procedure],
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
                | O::ObjectForeignTable
                | O::ObjectIndex
                | O::ObjectLanguage
                | O::ObjectLargeobject
                | O::ObjectMatview
                | O::ObjectOpclass
                | O::ObjectOperator
                | O::ObjectOpfamily
                | O::ObjectParameterAcl
                | O::ObjectPolicy
                | O::ObjectPublication
                | O::ObjectPublicationNamespace
                | O::ObjectPublicationRel
                | O::ObjectRole
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
                | O::ObjectUserMapping
                | O::ObjectView => {
                    self.unsupported(
                        stmt,
                        &format!("GRANT / REVOKE ON ALL {} IN SCHEMA", kind_words(objtype)),
                    );
                    return out;
                }
            };
            out.extend(
                self.catalog
                    .objects
                    .keys()
                    .filter(|k| k.schema == s && kinds.contains(&k.kind))
                    .map(|k| Target::Object(k.clone())),
            );
        }
        out
    }

    /// The owner of a target (outer `None`: it does not exist).
    pub(super) fn owner_of(&self, t: &Target) -> Option<Option<String>> {
        self.access(t).map(|a| a.owner.clone())
    }

    fn access(&self, t: &Target) -> Option<&Access> {
        match t {
            Target::Schema(n) => self.catalog.schemas.get(n).map(|s| &s.access),
            Target::Table(q) | Target::IdentitySequence(q, _) => {
                self.catalog.tables.get(q).map(|t| &t.access)
            }
            Target::Sequence(q) => self.catalog.sequences.get(q).map(|s| &s.access),
            Target::Object(k) => self.catalog.objects.get(k).map(|o| &o.access),
        }
    }

    fn access_mut(&mut self, t: &Target) -> Option<&mut Access> {
        match t {
            Target::Schema(n) => self.catalog.schemas.get_mut(n).map(|s| &mut s.access),
            Target::Table(q) | Target::IdentitySequence(q, _) => {
                self.catalog.tables.get_mut(q).map(|t| &mut t.access)
            }
            Target::Sequence(q) => self.catalog.sequences.get_mut(q).map(|s| &mut s.access),
            Target::Object(k) => self.catalog.objects.get_mut(k).map(|o| &mut o.access),
        }
    }

    fn acl_kind(t: &Target) -> Option<AclKind> {
        match t {
            Target::Schema(_) => Some(AclKind::Schema),
            Target::Table(_) => Some(AclKind::Relation),
            Target::Sequence(_) | Target::IdentitySequence(_, _) => Some(AclKind::Sequence),
            Target::Object(k) => k.kind.acl_kind(),
        }
    }

    /// The grantor of what the current role grants or revokes on an object owned by `owner`:
    /// the owner when the role is the owner or the script's own role (assumed to own or be
    /// superuser, which acts as the owner), else the role itself.
    fn grantor(&self, owner: Option<&str>) -> Role {
        match self.current_role() {
            None => Role::Owner,
            Some(r) => Role::named(&r, owner),
        }
    }

    fn apply_grant(&mut self, stmt: &Stmt, t: &Target, c: &GrantChange) {
        let Some(kind) = Self::acl_kind(t) else {
            self.unsupported(stmt, "privileges on an object kind without privileges");
            return;
        };
        let Some(owner) = self.owner_of(t) else {
            return;
        };
        let owner = owner.as_deref();
        let grantor = self.grantor(owner);
        let Some(grantees) = c
            .grantees
            .iter()
            .map(|w| w.role(owner))
            .collect::<Option<Vec<Role>>>()
        else {
            self.unsupported(
                stmt,
                "CURRENT_USER as a grantee while the script's role is unknown",
            );
            return;
        };
        if c.grant_option && c.is_grant && grantees.contains(&Role::Public) {
            self.warn(
                stmt,
                "grant options cannot be granted to PUBLIC; ignored".to_string(),
            );
            return;
        }
        let mut failed = false;
        // Object-level privileges.
        if let Some(privs) =
            c.privs
                .map(|p| p.intersect(kind.valid()))
                .or(if c.columns.is_empty() {
                    Some(kind.all())
                } else {
                    None
                })
        {
            let table_level = privs;
            let is_relation = matches!(t, Target::Table(_))
                || matches!(t, Target::Object(k) if k.kind.acl_kind() == Some(AclKind::Relation));
            let Some(access) = self.access_mut(t) else {
                return;
            };
            let mut acl = match t {
                Target::IdentitySequence(_, col) => access
                    .identity_sequences
                    .get(col)
                    .cloned()
                    .unwrap_or_else(|| kind.default_acl()),
                Target::Schema(_) | Target::Table(_) | Target::Sequence(_) | Target::Object(_) => {
                    acl::effective(access.acl.as_ref(), kind)
                }
            };
            for g in &grantees {
                if c.is_grant {
                    acl.grant(g, &grantor, privs, c.grant_option);
                } else if acl.revoke(g, &grantor, privs, c.grant_option, c.cascade)
                    == Err(RevokeError::DependentPrivileges)
                {
                    failed = true;
                }
            }
            // A table-level REVOKE takes the same privileges from every column.
            if !c.is_grant && is_relation {
                let col_privs = table_level.intersect(AclKind::Column.all());
                let names: Vec<String> = access.columns.keys().cloned().collect();
                for name in names {
                    if let Some(col) = access.columns.get_mut(&name) {
                        for g in &grantees {
                            failed |= col
                                .revoke(g, &grantor, col_privs, c.grant_option, c.cascade)
                                .is_err();
                        }
                        if col.is_empty() {
                            access.columns.remove(&name);
                        }
                    }
                }
            }
            match t {
                Target::IdentitySequence(_, col) => match acl::normalized(acl, kind) {
                    Some(a) => {
                        access.identity_sequences.insert(col.clone(), a);
                    }
                    None => {
                        access.identity_sequences.remove(col);
                    }
                },
                Target::Schema(_) | Target::Table(_) | Target::Sequence(_) | Target::Object(_) => {
                    access.acl = acl::normalized(acl, kind)
                }
            }
        }
        // Column privileges.
        if !c.columns.is_empty() {
            if kind != AclKind::Relation {
                self.warn(
                    stmt,
                    "column privileges on something that is not a table; ignored".to_string(),
                );
                return;
            }
            let existing: Option<Vec<String>> = match t {
                Target::Table(q) => self
                    .catalog
                    .tables
                    .get(q)
                    .map(|tb| tb.columns.iter().map(|c| c.name.clone()).collect()),
                Target::Schema(_)
                | Target::Sequence(_)
                | Target::IdentitySequence(_, _)
                | Target::Object(_) => None,
            };
            for (col, p) in c.columns {
                if existing.as_ref().is_some_and(|cols| !cols.contains(col)) {
                    self.warn(
                        stmt,
                        format!("column {col} does not exist; its privileges are ignored"),
                    );
                    continue;
                }
                let privs = p
                    .unwrap_or_else(|| AclKind::Column.all())
                    .intersect(AclKind::Column.all());
                let Some(access) = self.access_mut(t) else {
                    return;
                };
                let mut acl = access.columns.remove(col).unwrap_or_default();
                for g in &grantees {
                    if c.is_grant {
                        acl.grant(g, &grantor, privs, c.grant_option);
                    } else {
                        failed |= acl
                            .revoke(g, &grantor, privs, c.grant_option, c.cascade)
                            .is_err();
                    }
                }
                if !acl.is_empty() {
                    access.columns.insert(col.clone(), acl);
                }
            }
        }
        if failed {
            self.warn(stmt, "REVOKE without CASCADE of a grant option others depend on: the server refuses it; those privileges are kept".to_string());
        }
    }

    /// `ALTER <kind> name OWNER TO role` for kinds other than relations.
    pub(super) fn alter_owner(&mut self, stmt: &Stmt, s: &AlterOwnerStmt) {
        use ObjectType as O;
        let AlterOwnerStmt {
            object_type,
            relation: _,
            object,
            newowner,
        } = s;
        let Some(objtype) = self.known_object_type(stmt, *object_type) else {
            return;
        };
        let Some(new) = self.new_owner(stmt, newowner.as_ref()) else {
            return;
        };
        let node = object.as_deref().and_then(|o| o.node.as_ref());
        let target = match objtype {
            O::ObjectSchema => match node {
                Some(NodeEnum::String(x)) => {
                    Some(Target::Schema(x.sval.clone())).filter(|t| self.access(t).is_some())
                }
                _ => None,
            },
            O::ObjectFunction | O::ObjectProcedure | O::ObjectRoutine | O::ObjectAggregate => {
                self.routine_key(objtype, node).map(Target::Object)
            }
            O::ObjectType | O::ObjectDomain => self.type_key(objtype, node).map(Target::Object),
            O::ObjectLanguage if matches!(node, Some(NodeEnum::String(x)) if x.sval == "plpgsql") =>
            {
                // plpgsql comes with every database; its owner is not part of the schema.
                return;
            }
            O::ObjectLanguage
            | O::ObjectFdw
            | O::ObjectForeignServer
            | O::ObjectCollation
            | O::ObjectConversion
            | O::ObjectEventTrigger
            | O::ObjectPublication
            | O::ObjectTsconfiguration
            | O::ObjectTsdictionary
            | O::ObjectStatisticExt => self
                .generic_key(objtype, node)
                .filter(|k| self.catalog.objects.contains_key(k))
                .map(Target::Object),
            O::ObjectOperator | O::ObjectOpclass | O::ObjectOpfamily => {
                self.operator_key(objtype, node).map(Target::Object)
            }
            O::Undefined
            | O::ObjectAccessMethod
            | O::ObjectAmop
            | O::ObjectAmproc
            | O::ObjectAttribute
            | O::ObjectCast
            | O::ObjectColumn
            | O::ObjectDatabase
            | O::ObjectDefault
            | O::ObjectDefacl
            | O::ObjectDomconstraint
            | O::ObjectExtension
            | O::ObjectForeignTable
            | O::ObjectIndex
            | O::ObjectLargeobject
            | O::ObjectMatview
            | O::ObjectParameterAcl
            | O::ObjectPolicy
            | O::ObjectPublicationNamespace
            | O::ObjectPublicationRel
            | O::ObjectRole
            | O::ObjectRule
            | O::ObjectSequence
            | O::ObjectSubscription
            | O::ObjectTabconstraint
            | O::ObjectTable
            | O::ObjectTablespace
            | O::ObjectTransform
            | O::ObjectTrigger
            | O::ObjectTsparser
            | O::ObjectTstemplate
            | O::ObjectUserMapping
            | O::ObjectView => {
                self.unsupported(stmt, &format!("ALTER {} ... OWNER TO", kind_words(objtype)));
                return;
            }
        };
        match target {
            Some(t) => self.set_owner(&t, new),
            None => {
                let name = object_name(node);
                self.warn(stmt, format!("OWNER TO on {} {name}, which the schema does not hold (missing, or part of an extension); ignored", kind_words(objtype)));
            }
        }
    }

    /// Operators, operator classes and families, named by an owner change.
    fn operator_key(&self, objtype: ObjectType, node: Option<&NodeEnum>) -> Option<ObjKey> {
        let (kind, parts, sub) = match (objtype, node?) {
            (ObjectType::ObjectOperator, NodeEnum::ObjectWithArgs(o)) => {
                let r = self.resolver();
                let mut args: Vec<String> = o
                    .objargs
                    .iter()
                    .map(|a| match &a.node {
                        Some(NodeEnum::TypeName(t)) => crate::catalog::types::type_sql(t, &r),
                        _ => "NONE".to_string(),
                    })
                    .collect();
                if args.len() == 1 {
                    args.insert(0, "NONE".to_string()); // a prefix operator
                }
                (
                    ObjKind::Operator,
                    name_list(&o.objname),
                    Some(args.join(", ")),
                )
            }
            (ObjectType::ObjectOpclass | ObjectType::ObjectOpfamily, NodeEnum::List(l)) => {
                let mut parts = name_list(&l.items);
                if parts.is_empty() {
                    return None;
                }
                let am = parts.remove(0);
                let kind = if objtype == ObjectType::ObjectOpclass {
                    ObjKind::OperatorClass
                } else {
                    ObjKind::OperatorFamily
                };
                (kind, parts, Some(am))
            }
            _ => return None,
        };
        let (schema, name) = match parts.as_slice() {
            [s, n] => (Some(s.clone()), n.clone()),
            [n] => (None, n.clone()),
            _ => return None,
        };
        let mut found = self.catalog.objects_of(kind).map(|(k, _)| k).filter(|k| {
            k.name == name
                && schema.as_ref().is_none_or(|s| *s == k.schema)
                && sub.as_ref().is_none_or(|am| *am == k.sub)
        });
        match (found.next(), found.next()) {
            (Some(k), None) => Some(k.clone()),
            _ => None,
        }
    }

    /// `ALTER TABLE / VIEW / SEQUENCE / MATERIALIZED VIEW ... OWNER TO`: an owned sequence
    /// (serial, identity) follows its table.
    pub(super) fn change_relation_owner(
        &mut self,
        stmt: &Stmt,
        q: &QualName,
        newowner: Option<&RoleSpec>,
    ) {
        let Some(new) = self.new_owner(stmt, newowner) else {
            return;
        };
        let Some(t) = self.relation_target(q, false) else {
            self.warn(
                stmt,
                format!("relation {} does not exist; its owner is ignored", q.sql()),
            );
            return;
        };
        match &t {
            Target::IdentitySequence(table, _) => {
                if self
                    .catalog
                    .tables
                    .get(table)
                    .is_some_and(|tb| tb.access.owner != new)
                {
                    self.warn(
                        stmt,
                        format!(
                            "{} is an identity sequence: it belongs to the owner of {}; ignored",
                            q.sql(),
                            table.sql()
                        ),
                    );
                }
                return;
            }
            Target::Table(_) => {
                let owned = self.on_table.sequences(&self.catalog, q);
                for s in owned {
                    self.set_owner(&Target::Sequence(s), new.clone());
                }
            }
            Target::Schema(_) | Target::Sequence(_) | Target::Object(_) => {}
        }
        self.set_owner(&t, new);
    }

    /// Makes `new` the owner: the server rewrites the ACLs (`aclnewowner`).
    fn set_owner(&mut self, t: &Target, new: Option<String>) {
        let kind = Self::acl_kind(t);
        let Some(access) = self.access_mut(t) else {
            return;
        };
        if access.owner == new {
            return;
        }
        if let Some(n) = &new {
            if let (Some(kind), Some(acl)) = (kind, access.acl.as_mut()) {
                acl.new_owner(n);
                access.acl = acl::normalized(acl.clone(), kind);
            }
            for col in access.columns.values_mut() {
                col.new_owner(n);
            }
            let seqs: Vec<String> = access.identity_sequences.keys().cloned().collect();
            for c in seqs {
                if let Some(mut acl) = access.identity_sequences.remove(&c) {
                    acl.new_owner(n);
                    if let Some(a) = acl::normalized(acl, AclKind::Sequence) {
                        access.identity_sequences.insert(c, a);
                    }
                }
            }
        }
        access.owner = new;
    }

    /// `REASSIGN OWNED BY old, ... TO new`: every object an old role owns changes owner.
    pub(super) fn reassign_owned(&mut self, stmt: &Stmt, s: &ReassignOwnedStmt) {
        let ReassignOwnedStmt { roles, newrole } = s;
        let Some(new) = self.new_owner(stmt, newrole.as_ref()) else {
            return;
        };
        let Some(old) = self.grantees(stmt, roles) else {
            return;
        };
        let old: Vec<Option<String>> = old
            .into_iter()
            .filter_map(|w| match w {
                Who::Named(n) => Some(Some(n)),
                Who::Runner => Some(self.current_role()),
                Who::Public => None,
            })
            .collect();
        let c = &self.catalog;
        let mut targets: Vec<Target> = Vec::new();
        targets.extend(
            c.schemas
                .iter()
                .filter(|(_, x)| old.contains(&x.access.owner))
                .map(|(n, _)| Target::Schema(n.clone())),
        );
        targets.extend(
            c.tables
                .iter()
                .filter(|(_, x)| old.contains(&x.access.owner))
                .map(|(q, _)| Target::Table(q.clone())),
        );
        targets.extend(
            c.sequences
                .iter()
                .filter(|(_, x)| old.contains(&x.access.owner))
                .map(|(q, _)| Target::Sequence(q.clone())),
        );
        targets.extend(
            c.objects
                .iter()
                .filter(|(k, x)| k.kind.has_owner() && old.contains(&x.access.owner))
                .map(|(k, _)| Target::Object(k.clone())),
        );
        for t in targets {
            self.set_owner(&t, new.clone());
        }
    }

    /// The role an `OWNER TO` names; `Some(None)` is the script's own unnamed role.
    fn new_owner(&mut self, stmt: &Stmt, spec: Option<&RoleSpec>) -> Option<Option<String>> {
        let Some(spec) = spec else {
            self.unsupported(stmt, "OWNER TO without a role");
            return None;
        };
        match self.who(stmt, spec)? {
            Who::Named(n) => Some(Some(n)),
            Who::Runner => Some(self.current_role()),
            Who::Public => {
                self.warn(stmt, "OWNER TO PUBLIC is not a role; ignored".to_string());
                None
            }
        }
    }

    /// `ALTER DEFAULT PRIVILEGES [FOR ROLE r, ...] [IN SCHEMA s, ...] GRANT / REVOKE ...`.
    pub(super) fn alter_default_privileges(&mut self, stmt: &Stmt, s: &AlterDefaultPrivilegesStmt) {
        let AlterDefaultPrivilegesStmt { options, action } = s;
        let Some(action) = action else {
            self.unsupported(stmt, "ALTER DEFAULT PRIVILEGES without an action");
            return;
        };
        let GrantStmt {
            is_grant,
            targtype: _,
            objtype,
            objects: _,
            privileges,
            grantees,
            grant_option,
            grantor: _,
            behavior,
        } = action;
        let mut roles: Vec<Option<String>> = Vec::new();
        let mut schemas: Vec<Option<String>> = Vec::new();
        for o in options {
            let Some(NodeEnum::DefElem(d)) = &o.node else {
                continue;
            };
            let items = match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::List(l)) => l.items.clone(),
                _ => Vec::new(),
            };
            match d.defname.as_str() {
                "roles" => {
                    for i in &items {
                        let Some(NodeEnum::RoleSpec(r)) = &i.node else {
                            continue;
                        };
                        match self.who(stmt, r) {
                            Some(Who::Named(n)) => roles.push(Some(n)),
                            Some(Who::Runner) => roles.push(self.current_role()),
                            Some(Who::Public) | None => {}
                        }
                    }
                }
                "schemas" => schemas.extend(name_list(&items).into_iter().map(Some)),
                other => {
                    self.unsupported(stmt, &format!("ALTER DEFAULT PRIVILEGES option {other}"))
                }
            }
        }
        if roles.is_empty() {
            roles.push(self.current_role());
        }
        if schemas.is_empty() {
            schemas.push(None);
        }
        let kind = match ObjectType::try_from(*objtype) {
            Ok(ObjectType::ObjectTable) => DefaultAclKind::Tables,
            Ok(ObjectType::ObjectSequence) => DefaultAclKind::Sequences,
            Ok(ObjectType::ObjectFunction)
            | Ok(ObjectType::ObjectRoutine)
            | Ok(ObjectType::ObjectProcedure) => DefaultAclKind::Functions,
            Ok(ObjectType::ObjectType) | Ok(ObjectType::ObjectDomain) => DefaultAclKind::Types,
            Ok(ObjectType::ObjectSchema) => DefaultAclKind::Schemas,
            Ok(ObjectType::Undefined)
            | Ok(ObjectType::ObjectAccessMethod)
            | Ok(ObjectType::ObjectAggregate)
            | Ok(ObjectType::ObjectAmop)
            | Ok(ObjectType::ObjectAmproc)
            | Ok(ObjectType::ObjectAttribute)
            | Ok(ObjectType::ObjectCast)
            | Ok(ObjectType::ObjectColumn)
            | Ok(ObjectType::ObjectCollation)
            | Ok(ObjectType::ObjectConversion)
            | Ok(ObjectType::ObjectDatabase)
            | Ok(ObjectType::ObjectDefault)
            | Ok(ObjectType::ObjectDefacl)
            | Ok(ObjectType::ObjectDomconstraint)
            | Ok(ObjectType::ObjectEventTrigger)
            | Ok(ObjectType::ObjectExtension)
            | Ok(ObjectType::ObjectFdw)
            | Ok(ObjectType::ObjectForeignServer)
            | Ok(ObjectType::ObjectForeignTable)
            | Ok(ObjectType::ObjectIndex)
            | Ok(ObjectType::ObjectLanguage)
            | Ok(ObjectType::ObjectLargeobject)
            | Ok(ObjectType::ObjectMatview)
            | Ok(ObjectType::ObjectOpclass)
            | Ok(ObjectType::ObjectOperator)
            | Ok(ObjectType::ObjectOpfamily)
            | Ok(ObjectType::ObjectParameterAcl)
            | Ok(ObjectType::ObjectPolicy)
            | Ok(ObjectType::ObjectPublication)
            | Ok(ObjectType::ObjectPublicationNamespace)
            | Ok(ObjectType::ObjectPublicationRel)
            | Ok(ObjectType::ObjectRole)
            | Ok(ObjectType::ObjectRule)
            | Ok(ObjectType::ObjectSubscription)
            | Ok(ObjectType::ObjectStatisticExt)
            | Ok(ObjectType::ObjectTabconstraint)
            | Ok(ObjectType::ObjectTablespace)
            | Ok(ObjectType::ObjectTransform)
            | Ok(ObjectType::ObjectTrigger)
            | Ok(ObjectType::ObjectTsconfiguration)
            | Ok(ObjectType::ObjectTsdictionary)
            | Ok(ObjectType::ObjectTsparser)
            | Ok(ObjectType::ObjectTstemplate)
            | Ok(ObjectType::ObjectUserMapping)
            | Ok(ObjectType::ObjectView) => {
                let name = ObjectType::try_from(*objtype)
                    .map(kind_words)
                    .unwrap_or_default();
                self.unsupported(stmt, &format!("ALTER DEFAULT PRIVILEGES ON {name}"));
                return;
            }
            Err(_) => {
                self.unsupported(
                    stmt,
                    &format!("ALTER DEFAULT PRIVILEGES on object type {objtype}"),
                );
                return;
            }
        };
        if kind == DefaultAclKind::Schemas && schemas.iter().any(Option::is_some) {
            self.warn(stmt, "ALTER DEFAULT PRIVILEGES IN SCHEMA ... ON SCHEMAS is refused by the server; ignored".to_string());
            return;
        }
        let Some(cascade) = self.cascade(stmt, *behavior) else {
            return;
        };
        let Some(who) = self.grantees(stmt, grantees) else {
            return;
        };
        let Some((privs, columns)) = self.privilege_list(stmt, privileges) else {
            return;
        };
        if !columns.is_empty() {
            self.warn(
                stmt,
                "ALTER DEFAULT PRIVILEGES cannot name columns; ignored".to_string(),
            );
            return;
        }
        let acl_kind = kind.acl_kind();
        let privs = privs
            .unwrap_or_else(|| acl_kind.all())
            .intersect(acl_kind.valid());
        for role in &roles {
            for schema in &schemas {
                let key = DefaultAclKey {
                    role: role.clone(),
                    schema: schema.clone(),
                    kind,
                };
                let base = if schema.is_none() {
                    acl_kind.default_acl()
                } else {
                    Acl::default()
                };
                let mut acl = self
                    .catalog
                    .default_acls
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| base.clone());
                for w in &who {
                    let Some(g) = w.role(role.as_deref()) else {
                        self.unsupported(
                            stmt,
                            "CURRENT_USER as a grantee while the script's role is unknown",
                        );
                        continue;
                    };
                    if *is_grant {
                        acl.grant(&g, &Role::Owner, privs, *grant_option);
                    } else if acl
                        .revoke(&g, &Role::Owner, privs, *grant_option, cascade)
                        .is_err()
                    {
                        self.warn(
                            stmt,
                            "REVOKE of a grant option others depend on; ignored".to_string(),
                        );
                    }
                }
                if acl == base {
                    self.catalog.default_acls.remove(&key);
                } else {
                    self.catalog.default_acls.insert(key, acl);
                }
            }
        }
    }

    /// An `ObjectType` value, or a report of an unknown one.
    fn known_object_type(&mut self, stmt: &Stmt, v: i32) -> Option<ObjectType> {
        match ObjectType::try_from(v) {
            Ok(o) => Some(o),
            Err(_) => {
                self.unsupported(
                    stmt,
                    &format!("an object type the parser did not name ({v})"),
                );
                None
            }
        }
    }

    /// Whether REVOKE cascades.
    fn cascade(&mut self, stmt: &Stmt, v: i32) -> Option<bool> {
        match DropBehavior::try_from(v) {
            Ok(DropBehavior::DropCascade) => Some(true),
            Ok(DropBehavior::DropRestrict) | Ok(DropBehavior::Undefined) => Some(false),
            Err(_) => {
                self.unsupported(
                    stmt,
                    &format!("a drop behavior the parser did not name ({v})"),
                );
                None
            }
        }
    }

    fn grantees(&mut self, stmt: &Stmt, nodes: &[Node]) -> Option<Vec<Who>> {
        let mut out = Vec::new();
        for n in nodes {
            match &n.node {
                Some(NodeEnum::RoleSpec(r)) => out.push(self.who(stmt, r)?),
                _ => {
                    self.unsupported(stmt, "a grantee that is not a role");
                    return None;
                }
            }
        }
        Some(out)
    }

    fn who(&mut self, stmt: &Stmt, r: &RoleSpec) -> Option<Who> {
        let RoleSpec {
            roletype,
            rolename,
            location,
        } = r;
        match RoleSpecType::try_from(*roletype) {
            Ok(RoleSpecType::RolespecCstring) => Some(Who::Named(rolename.clone())),
            Ok(RoleSpecType::RolespecPublic) => Some(Who::Public),
            Ok(RoleSpecType::RolespecCurrentRole) | Ok(RoleSpecType::RolespecCurrentUser) => {
                Some(self.current_role().map_or(Who::Runner, Who::Named))
            }
            Ok(RoleSpecType::RolespecSessionUser) => {
                Some(self.session_role.clone().map_or(Who::Runner, Who::Named))
            }
            Ok(RoleSpecType::Undefined) | Err(_) => {
                let d = crate::diag::Diag::warning("unsupported-statement", format!("a role specification the parser did not name ({roletype}); statement ignored"));
                self.diags.push(stmt.diag(d, Some(*location)));
                None
            }
        }
    }

    /// Object-level privileges (`None`: ALL) and column privileges of a GRANT / REVOKE.
    #[allow(clippy::type_complexity)]
    fn privilege_list(
        &mut self,
        stmt: &Stmt,
        nodes: &[Node],
    ) -> Option<(Option<Privs>, Vec<(String, Option<Privs>)>)> {
        if nodes.is_empty() {
            return Some((None, Vec::new()));
        }
        let mut object = Privs::NONE;
        let mut any_object = false;
        let mut columns: Vec<(String, Option<Privs>)> = Vec::new();
        for n in nodes {
            let Some(NodeEnum::AccessPriv(p)) = &n.node else {
                self.unsupported(stmt, "a privilege that is not a privilege name");
                return None;
            };
            let AccessPriv { priv_name, cols } = p;
            let privs = if priv_name.is_empty() {
                None // ALL (columns)
            } else {
                match Privs::from_keyword(priv_name) {
                    Some(x) => Some(x),
                    None => {
                        self.unsupported(
                            stmt,
                            &format!("the privilege {}", priv_name.to_uppercase()),
                        );
                        return None;
                    }
                }
            };
            if cols.is_empty() {
                object = object.union(privs.unwrap_or(Privs::NONE));
                any_object = true;
            } else {
                for c in name_list(cols) {
                    match columns.iter_mut().find(|(n, _)| *n == c) {
                        Some((_, p)) => {
                            *p = match (*p, privs) {
                                (Some(a), Some(b)) => Some(a.union(b)),
                                _ => None,
                            }
                        }
                        None => columns.push((c, privs)),
                    }
                }
            }
        }
        Some((any_object.then_some(object), columns))
    }
}

/// An object as a statement names it, for messages.
fn object_name(node: Option<&NodeEnum>) -> String {
    match node {
        Some(NodeEnum::RangeVar(rv)) if rv.schemaname.is_empty() => rv.relname.clone(),
        Some(NodeEnum::RangeVar(rv)) => format!("{}.{}", rv.schemaname, rv.relname),
        Some(NodeEnum::ObjectWithArgs(o)) => name_list(&o.objname).join("."),
        Some(NodeEnum::List(l)) => name_list(&l.items).join("."),
        Some(NodeEnum::String(x)) => x.sval.clone(),
        Some(other) => super::statement_kind(other),
        None => String::new(),
    }
}

/// An object type as words (`OBJECT_FOREIGN_SERVER` -> `FOREIGN SERVER`).
fn kind_words(o: ObjectType) -> String {
    o.as_str_name()
        .trim_start_matches("OBJECT_")
        .replace('_', " ")
}

/// Removes privileges that hang on a dropped column.
pub(super) fn forget_column(access: &mut Access, column: &str) {
    access.columns.remove(column);
    access.identity_sequences.remove(column);
}

/// A renamed column keeps its privileges.
pub(super) fn rename_column(access: &mut Access, old: &str, new: &str) {
    if let Some(acl) = access.columns.remove(old) {
        access.columns.insert(new.to_string(), acl);
    }
    if let Some(acl) = access.identity_sequences.remove(old) {
        access.identity_sequences.insert(new.to_string(), acl);
    }
}
