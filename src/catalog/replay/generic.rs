//! Objects kept as canonical definitions: views, functions, triggers, types, policies, rules
//! and the other CREATE kinds. Identity, DROP / COMMENT target and canonical text.

use std::collections::BTreeMap;

use pg_query::protobuf::{self, AlterTableType, FunctionParameterMode, Node, ObjectType};
use pg_query::NodeEnum;

use super::{name_list, Replay};
use crate::catalog::expr;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::catalog::types::type_sql;
use crate::emit::quote;
use crate::syntax::Stmt;

/// Identity of a generic object and where it hangs.
struct Ident {
    key: ObjKey,
    target: String,
    table: Option<QualName>,
}

impl Replay {
    pub(super) fn create_generic(&mut self, pos: Pos, stmt: &Stmt) {
        // `SET x FROM CURRENT` takes the session's value.
        let options = if let NodeEnum::CreateFunctionStmt(f) = &*stmt.node {
            if self.refuse_option_values(stmt, &f.options) {
                return;
            }
            let mut options = f.options.clone();
            self.set_from_current(stmt, &mut options);
            Some(options)
        } else {
            None
        };
        let r = self.resolver();
        let Some((ident, replace)) = identify(&stmt.node, &r, true) else {
            let k = super::statement_kind(&stmt.node);
            self.unsupported(stmt, &k);
            return;
        };
        if ident.key.kind == ObjKind::Language && ident.key.name == "plpgsql" {
            return; // always installed
        }
        let mut node = NodeEnum::clone(&stmt.node);
        clear_replace(&mut node);
        // A materialized view without USING takes the session's default access method.
        if let NodeEnum::CreateTableAsStmt(c) = &mut node {
            if let Some(into) = c.into.as_mut() {
                if into.access_method.is_empty() {
                    into.access_method = self.default_access_method.clone().unwrap_or_default();
                }
                if into.access_method == "heap" {
                    into.access_method.clear();
                }
            }
        }
        qualify_name(&mut node, &ident.key);
        qualify_trigger_function(&mut node, &r);
        if let NodeEnum::CreateFunctionStmt(f) = &mut node {
            if let Some(options) = options {
                f.options = options;
            }
            super::function::canonical_options(f);
        }
        if let Some(refused) = super::kinds::refused(&node) {
            self.reject(stmt, refused);
            return;
        }
        if let Some(name) = super::view::sort_on_column_list_name(&node, &r) {
            self.reject(stmt, format!("column \"{name}\" does not exist"));
            return;
        }
        super::view::canonical(&mut node);
        let (implied, unresolved) = match super::kinds::canonicalize(&mut node, &ident.key, &r) {
            Ok(after) => (after, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        let attributes = if let NodeEnum::CompositeTypeStmt(c) = &node {
            Some(
                c.coldeflist
                    .iter()
                    .filter_map(|n| match &n.node {
                        Some(NodeEnum::ColumnDef(cd)) => Some(attribute(cd, &r)),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            )
        } else {
            None
        };
        let domain = if let NodeEnum::CreateDomainStmt(dm) = &node {
            Some(super::domain::domain_def(dm, &ident.key, &r))
        } else {
            None
        };
        // Three kinds have canonical text of their own; every other kind is deparsed.
        #[allow(clippy::wildcard_enum_match_arm)]
        let create = match &node {
            NodeEnum::CreateDomainStmt(_) => domain
                .as_ref()
                .map(|dm| {
                    dm.create_sql(&QualName::new(
                        ident.key.schema.clone(),
                        ident.key.name.clone(),
                    ))
                })
                .unwrap_or_default(),
            NodeEnum::CreateEnumStmt(e) => super::enums::enum_sql(&ident.key, &name_list(&e.vals)),
            NodeEnum::CompositeTypeStmt(_) => {
                composite_sql(&ident.key, attributes.as_deref().unwrap_or_default())
            }
            _ => match super::kinds::create_sql(&node, &r) {
                Ok(s) => s,
                Err(e) => {
                    self.warn(stmt, format!("cannot deparse: {e}"));
                    return;
                }
            },
        };
        let mut deps = expr::references(
            &Node {
                node: Some(node.clone()),
            },
            &r,
        );
        let (mut soft_deps, routine) = if let NodeEnum::CreateFunctionStmt(f) = &node {
            (
                crate::catalog::body::body_references(f, &create, stmt.body.as_deref(), &r),
                Some(routine(f, &r)),
            )
        } else {
            (Vec::new(), None)
        };
        let default_for = if let NodeEnum::CreateOpClassStmt(c) = &node {
            c.datatype
                .as_ref()
                .filter(|_| c.is_default)
                .map(|t| crate::catalog::types::signature_type_sql(t, &r))
        } else {
            None
        };
        let (hard, soft) = super::kinds::references(&node, &implied, &r);
        deps.extend(hard);
        soft_deps.extend(soft);
        // `CREATE TYPE x;` makes a shell that the full definition fills in later.
        let fills_shell = self.catalog.objects.get(&ident.key).is_some_and(|o| {
            o.create
                == format!(
                    "CREATE TYPE {}",
                    QualName::new(ident.key.schema.clone(), ident.key.name.clone()).sql()
                )
        });
        if let (NodeEnum::CreateTrigStmt(tr), Some(table)) = (&node, &ident.table) {
            if let Some(msg) = self.trigger_clash(table, &tr.trigname, tr.row, replace) {
                self.reject(stmt, msg);
                return;
            }
        }
        if self.catalog.objects.contains_key(&ident.key) && !replace && !fills_shell {
            self.reject(stmt, format!("{} already exists", ident.target));
            return;
        }
        let labels = if let NodeEnum::CreateEnumStmt(e) = &node {
            name_list(&e.vals)
        } else {
            Vec::new()
        };
        if let Some(e) = unresolved {
            self.warn(stmt, e);
        }
        let pos = match self.catalog.objects.get(&ident.key).map(|o| o.pos) {
            Some(created) => {
                self.shaped(super::super::graph::Node::Object(ident.key.clone()));
                created
            }
            None => pos,
        };
        // A placeholder view, or one replaced with the same columns, says their types.
        // A base type's is its shell.
        let placeholder = if let NodeEnum::DefineStmt(d) = &node {
            (ident.key.kind == ObjKind::Type && super::basetype::is_base_type(d)).then(|| {
                format!(
                    "CREATE TYPE {}",
                    QualName::new(ident.key.schema.clone(), ident.key.name.clone()).sql()
                )
            })
        } else if let NodeEnum::ViewStmt(v) = &node {
            if super::view::is_placeholder(v) {
                Some(create.clone())
            } else {
                let names = crate::catalog::alter::view_column_names;
                let old = self.catalog.objects.get(&ident.key);
                old.and_then(|old| old.placeholder.clone())
                    .filter(|p| names(p).is_some_and(|p| names(&create) == Some(p)))
                    // A view replaced with the same column names, written by hand where pg_dump
                    // writes its placeholder (made first with a stand-in query, read by a
                    // function, then given its own query): the placeholder of the columns the
                    // view had, when their types are known.
                    .or_else(|| {
                        let old = old?;
                        let columns =
                            names(&old.create).filter(|c| names(&create).as_ref() == Some(c))?;
                        let r = self.resolver();
                        let types = crate::catalog::typing::view_output_types(&old.create, &r)?;
                        placeholder_view(&ident.key, &columns, &types, &r)
                    })
            }
        } else {
            None
        };
        // CREATE OR REPLACE keeps the owner and the privileges.
        let access = match self.catalog.objects.get(&ident.key) {
            Some(old) => old.access.clone(),
            None if ident.key.kind.has_owner() => {
                let schema = Some(ident.key.schema.as_str()).filter(|s| !s.is_empty());
                self.new_access(ident.key.kind.default_acl_kind(), schema)
            }
            None => Access::default(),
        };
        let row_trigger = matches!(&node, NodeEnum::CreateTrigStmt(tr) if tr.row);
        let obj = Object {
            create,
            target: ident.target,
            after: implied,
            deps,
            soft_deps,
            table: ident.table,
            row_trigger,
            labels,
            routine,
            attributes,
            domain,
            column_defaults: BTreeMap::new(),
            cluster_on: None,
            default_for,
            placeholder,
            extensions: Vec::new(),
            label_renames: Vec::new(),
            access,
            pos,
        };
        let key = ident.key.clone();
        let trigger_on = obj.table.clone().filter(|_| key.kind == ObjKind::Trigger);
        self.on_table.note_object(&ident.key, &obj);
        self.stored.note_object(&obj);
        self.catalog.objects.insert(ident.key, obj);
        if let Some(table) = trigger_on {
            self.trigger_created(&table, &key.name);
        }
        self.after_create(pos, stmt, &key);
    }

    /// Applies an ALTER to an object kept as canonical text: its CREATE statement is parsed
    /// again, `edit` changes the tree, and the canonical text and what derives from it
    /// (dependencies, a function's signature) are stored anew. `edit` returns a description
    /// of what it could not apply, which is reported.
    pub(super) fn edit_object(
        &mut self,
        stmt: &Stmt,
        key: &ObjKey,
        edit: impl FnOnce(&mut NodeEnum, &Resolver) -> Result<(), String>,
    ) {
        let Some(obj) = self.catalog.objects.get(key) else {
            let q = QualName::new(key.schema.clone(), key.name.clone());
            self.missing(stmt, &q, format!("{} does not exist", fallback_target(key)));
            return;
        };
        let parsed = pg_query::parse(&obj.create, 0)
            .ok()
            .and_then(|p| p.protobuf.stmts.into_iter().next())
            .and_then(|s| s.stmt)
            .and_then(|n| n.node);
        let Some(mut node) = parsed else {
            self.warn(
                stmt,
                format!("cannot read back the definition of {}", obj.target),
            );
            return;
        };
        let r = self.resolver();
        let result = edit(&mut node, &r);
        let _ = super::kinds::canonicalize(&mut node, key, &r);
        let create = super::kinds::create_sql(&node, &r);
        let mut deps = expr::references(
            &Node {
                node: Some(node.clone()),
            },
            &r,
        );
        let (mut soft_deps, routine) = match (&node, &create) {
            (NodeEnum::CreateFunctionStmt(f), Ok(text)) => (
                crate::catalog::body::body_references(f, text, None, &r),
                Some(routine(f, &r)),
            ),
            _ => (Vec::new(), None),
        };
        let (hard, soft) = super::kinds::references(&node, &obj.after, &r);
        deps.extend(hard);
        soft_deps.extend(soft);
        if let Err(what) = result {
            self.unsupported(stmt, &what);
            return;
        }
        let create = match create {
            Ok(c) => c,
            Err(e) => {
                self.warn(stmt, format!("cannot deparse: {e}"));
                return;
            }
        };
        self.shaped(super::super::graph::Node::Object(key.clone()));
        if let Some(obj) = self.catalog.objects.get_mut(key) {
            obj.create = create;
            obj.deps = deps;
            obj.soft_deps = soft_deps;
            if routine.is_some() {
                obj.routine = routine;
            }
        }
    }

    /// `ALTER POLICY name ON table [TO roles] [USING (...)] [WITH CHECK (...)]`.
    pub(super) fn alter_policy(&mut self, stmt: &Stmt, s: &protobuf::AlterPolicyStmt) {
        let Some(rv) = &s.table else { return };
        let table = self.resolver().relation(&rv.schemaname, &rv.relname);
        let key = ObjKey {
            kind: ObjKind::Policy,
            schema: table.schema.clone(),
            name: s.policy_name.clone(),
            sub: table.name.clone(),
        };
        let (roles, qual, check) = (s.roles.clone(), s.qual.clone(), s.with_check.clone());
        self.edit_object(stmt, &key, |node, _| {
            let NodeEnum::CreatePolicyStmt(p) = node else {
                return Err("ALTER POLICY on something that is not a policy".into());
            };
            if !roles.is_empty() {
                p.roles = roles;
            }
            if qual.is_some() {
                p.qual = qual;
            }
            if check.is_some() {
                p.with_check = check;
            }
            Ok(())
        });
    }

    /// `ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE` on a composite type.
    pub(super) fn alter_composite(&mut self, stmt: &Stmt, rv: &protobuf::RangeVar, cmds: &[Node]) {
        let r = self.resolver();
        let schema = if rv.schemaname.is_empty() {
            r.user_type_schema(&rv.relname)
                .unwrap_or_else(|| r.creation_schema())
        } else {
            rv.schemaname.clone()
        };
        let key = ObjKey {
            kind: ObjKind::Type,
            schema,
            name: rv.relname.clone(),
            sub: String::new(),
        };
        let mut changes = Vec::new();
        let mut unknown = false;
        for cmd in cmds {
            let Some(NodeEnum::AlterTableCmd(c)) = &cmd.node else {
                continue;
            };
            let def = c.def.as_ref().and_then(|d| d.node.as_ref());
            match (AlterTableType::try_from(c.subtype), def) {
                (Ok(AlterTableType::AtAddColumn), Some(NodeEnum::ColumnDef(cd))) => {
                    let a = attribute(cd, &r);
                    changes.push((a.name.clone(), Some(a), true, c.behavior));
                }
                (Ok(AlterTableType::AtAlterColumnType), Some(NodeEnum::ColumnDef(cd))) => {
                    let a = Attribute {
                        name: c.name.clone(),
                        ..attribute(cd, &r)
                    };
                    changes.push((c.name.clone(), Some(a), false, c.behavior));
                }
                (Ok(AlterTableType::AtDropColumn), _) => {
                    changes.push((c.name.clone(), None, false, c.behavior))
                }
                (Ok(AlterTableType::AtChangeOwner), _) => {}
                _ => unknown = true,
            }
        }
        if unknown {
            self.unsupported(stmt, "this ALTER TYPE action");
        }
        if self.catalog.objects.contains_key(&key) {
            self.shaped(super::super::graph::Node::Object(key.clone()));
        }
        let Some(obj) = self.catalog.objects.get(&key) else {
            self.warn(
                stmt,
                format!(
                    "type {} does not exist",
                    quote::qualified(&key.schema, &key.name)
                ),
            );
            return;
        };
        if obj.attributes.is_none() {
            self.unsupported(stmt, "ALTER TYPE on a type that is not composite");
            return;
        }
        // The typed tables of the type change with it, when CASCADE says so.
        let q = QualName::new(key.schema.clone(), key.name.clone());
        let typed: Vec<QualName> = self
            .catalog
            .tables
            .iter()
            .filter(|(_, t)| t.of_type.as_ref() == Some(&q))
            .map(|(t, _)| t.clone())
            .collect();
        if !typed.is_empty() && changes.iter().any(|c| !super::depend::cascades(c.3)) {
            self.reject(
                stmt,
                format!(
                    "cannot alter type \"{}\" because it is the type of a typed table",
                    key.name
                ),
            );
            return;
        }
        // An attribute changing type changes the values a column storing the type holds.
        let retyped = changes.iter().any(|(_, new, add, _)| new.is_some() && !add);
        if let Some((table, column)) = retyped
            .then(|| self.column_storing(&q, crate::catalog::containers::Storing::Row))
            .flatten()
        {
            self.reject(
                stmt,
                format!(
                    "cannot alter type \"{}\" because column \"{}.{column}\" uses it",
                    key.name, table.name
                ),
            );
            return;
        }
        for a in changes.iter().filter_map(|c| c.1.as_ref()) {
            self.stored.note(&a.type_sql);
        }
        for (name, new, add, _) in changes {
            let Some(attrs) = self
                .catalog
                .objects
                .get_mut(&key)
                .and_then(|o| o.attributes.as_mut())
            else {
                return;
            };
            match (&new, add) {
                (Some(a), true) => attrs.push(a.clone()),
                (Some(a), false) => {
                    if let Some(x) = attrs.iter_mut().find(|x| x.name == name) {
                        x.type_sql = a.type_sql.clone();
                        x.collation = a.collation.clone();
                    }
                }
                (None, _) => {
                    attrs.retain(|x| x.name != name);
                    // What was said about the attribute goes with it.
                    self.catalog
                        .forget_notes(&super::comment::column_target(&q, &name));
                }
            }
            for t in &typed {
                match (&new, add) {
                    (Some(a), true) => {
                        if let Some(table) = self.catalog.tables.get_mut(t) {
                            table.columns.push(a.column());
                        }
                    }
                    (Some(a), false) => {
                        if let Some(col) = self
                            .catalog
                            .tables
                            .get_mut(t)
                            .and_then(|table| table.column_mut(&name))
                        {
                            col.type_sql = a.type_sql.clone();
                            col.collation = a.collation.clone();
                        }
                    }
                    (None, _) => {
                        self.drop_column(t, &name);
                    }
                }
            }
        }
        if let Some(obj) = self.catalog.objects.get_mut(&key) {
            obj.create = composite_sql(&key, obj.attributes.as_deref().unwrap_or_default());
        }
    }

    /// DROP / COMMENT target for generic kinds, by reference node.
    pub(super) fn generic_target(
        &self,
        kind: ObjectType,
        node: Option<&NodeEnum>,
    ) -> Option<String> {
        self.generic_key(kind, node).and_then(|k| {
            self.catalog
                .objects
                .get(&k)
                .map(|o| o.target.clone())
                .or_else(|| Some(fallback_target(&k)))
        })
    }

    /// The key of a generic object named by a DROP / COMMENT reference.
    pub(super) fn generic_key(&self, kind: ObjectType, node: Option<&NodeEnum>) -> Option<ObjKey> {
        use ObjectType as O;
        let r = self.resolver();
        if let Some(key) = super::kinds::key_of(kind, node, &r) {
            return key;
        }
        let obj_kind = match kind {
            O::ObjectType => ObjKind::Type,
            O::ObjectDomain => ObjKind::Domain,
            O::ObjectFunction | O::ObjectRoutine => ObjKind::Function,
            O::ObjectProcedure => ObjKind::Procedure,
            O::ObjectAggregate => ObjKind::Aggregate,
            O::ObjectView => ObjKind::View,
            O::ObjectMatview => ObjKind::MaterializedView,
            O::ObjectEventTrigger => ObjKind::EventTrigger,
            O::ObjectCollation => ObjKind::Collation,
            O::ObjectStatisticExt => ObjKind::Statistics,
            O::ObjectPublication => ObjKind::Publication,
            O::ObjectSubscription => ObjKind::Subscription,
            O::ObjectFdw => ObjKind::ForeignDataWrapper,
            O::ObjectForeignServer => ObjKind::Server,
            O::ObjectTsconfiguration => ObjKind::TextSearchConfiguration,
            O::ObjectTsdictionary => ObjKind::TextSearchDictionary,
            O::ObjectTsparser => ObjKind::TextSearchParser,
            O::ObjectTstemplate => ObjKind::TextSearchTemplate,
            O::ObjectLanguage => ObjKind::Language,
            O::ObjectConversion => ObjKind::Conversion,
            O::ObjectAccessMethod => ObjKind::AccessMethod,
            // Keyed by `kinds::key_of` above.
            O::ObjectCast
            | O::ObjectOpclass
            | O::ObjectOperator
            | O::ObjectOpfamily
            | O::ObjectTransform => return None,
            // Relations and what hangs on them, schemas, extensions and the global kinds:
            // each caller handles these itself (or deliberately does not track them).
            O::ObjectTable
            | O::ObjectForeignTable
            | O::ObjectSequence
            | O::ObjectIndex
            | O::ObjectColumn
            | O::ObjectTabconstraint
            | O::ObjectDomconstraint
            | O::ObjectTrigger
            | O::ObjectPolicy
            | O::ObjectRule
            | O::ObjectSchema
            | O::ObjectExtension
            | O::ObjectDatabase
            | O::ObjectRole
            | O::ObjectTablespace => return None,
            // Not modelled: `None` makes the caller report the statement.
            O::Undefined
            | O::ObjectAmop
            | O::ObjectAmproc
            | O::ObjectAttribute
            | O::ObjectDefault
            | O::ObjectDefacl
            | O::ObjectLargeobject
            | O::ObjectParameterAcl
            | O::ObjectPublicationNamespace
            | O::ObjectPublicationRel
            | O::ObjectUserMapping => return None,
        };
        // A projection: a reference of any other node kind names no object of ours.
        #[allow(clippy::wildcard_enum_match_arm)]
        let (schema, name, sub) = match node? {
            NodeEnum::ObjectWithArgs(o) => {
                let q = qual_from_list(&name_list(&o.objname), &r, obj_kind);
                let args: Vec<String> = o
                    .objargs
                    .iter()
                    .filter_map(|a| match &a.node {
                        Some(NodeEnum::TypeName(t)) => {
                            Some(crate::catalog::types::signature_type_sql(t, &r))
                        }
                        _ => None,
                    })
                    .collect();
                let kind2 = if obj_kind == ObjKind::Function {
                    // DROP ROUTINE / FUNCTION may name a procedure.
                    let probe = ObjKey {
                        kind: ObjKind::Procedure,
                        schema: q.schema.clone(),
                        name: q.name.clone(),
                        sub: args.join(", "),
                    };
                    if self.catalog.objects.contains_key(&probe) {
                        ObjKind::Procedure
                    } else {
                        obj_kind
                    }
                } else {
                    obj_kind
                };
                return Some(ObjKey {
                    kind: kind2,
                    schema: q.schema,
                    name: q.name,
                    sub: args.join(", "),
                });
            }
            NodeEnum::TypeName(t) => {
                let q = type_qualname(&t.names, &r);
                (q.schema, q.name, String::new())
            }
            NodeEnum::List(l) => {
                let q = qual_from_list(&name_list(&l.items), &r, obj_kind);
                (q.schema, q.name, String::new())
            }
            NodeEnum::String(s) => (String::new(), s.sval.clone(), String::new()),
            _ => return None,
        };
        Some(ObjKey {
            kind: obj_kind,
            schema,
            name,
            sub,
        })
    }
}

pub(super) fn fallback_target(k: &ObjKey) -> String {
    let name = if k.schema.is_empty() {
        quote::ident(&k.name)
    } else {
        quote::qualified(&k.schema, &k.name)
    };
    match k.kind {
        ObjKind::Operator => super::operator::operator_target(k),
        ObjKind::OperatorClass | ObjKind::OperatorFamily => format!(
            "{} {name} USING {}",
            k.kind.sql_keyword(),
            quote::ident(&k.sub)
        ),
        ObjKind::Cast => format!("CAST ({} AS {})", k.name, k.sub),
        ObjKind::Transform => format!("TRANSFORM FOR {} LANGUAGE {}", k.name, quote::ident(&k.sub)),
        ObjKind::UserMapping => format!(
            "USER MAPPING FOR {} SERVER {}",
            super::foreign::mapping_user_sql(&k.sub),
            quote::ident(&k.name)
        ),
        ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate => {
            format!("{} {name}({})", k.kind.sql_keyword(), k.sub)
        }
        ObjKind::Type
        | ObjKind::Domain
        | ObjKind::View
        | ObjKind::MaterializedView
        | ObjKind::Trigger
        | ObjKind::EventTrigger
        | ObjKind::Rule
        | ObjKind::Policy
        | ObjKind::Collation
        | ObjKind::Statistics
        | ObjKind::Publication
        | ObjKind::Subscription
        | ObjKind::ForeignDataWrapper
        | ObjKind::Server
        | ObjKind::TextSearchConfiguration
        | ObjKind::TextSearchDictionary
        | ObjKind::TextSearchParser
        | ObjKind::TextSearchTemplate
        | ObjKind::Language
        | ObjKind::Conversion
        | ObjKind::AccessMethod => format!("{} {name}", k.kind.sql_keyword()),
    }
}

fn qual_from_list(parts: &[String], r: &Resolver, kind: ObjKind) -> QualName {
    match parts {
        [s, n] => QualName::new(s.clone(), n.clone()),
        [n] => {
            let schema = match kind {
                ObjKind::View | ObjKind::MaterializedView => r.relation("", n).schema,
                ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate => r
                    .user_function_schema(n)
                    .unwrap_or_else(|| r.creation_schema()),
                ObjKind::Type | ObjKind::Domain => {
                    r.user_type_schema(n).unwrap_or_else(|| r.creation_schema())
                }
                ObjKind::EventTrigger
                | ObjKind::Publication
                | ObjKind::Subscription
                | ObjKind::ForeignDataWrapper
                | ObjKind::Server
                | ObjKind::Language
                | ObjKind::AccessMethod
                | ObjKind::UserMapping
                | ObjKind::Cast => String::new(),
                ObjKind::Trigger
                | ObjKind::Rule
                | ObjKind::Policy
                | ObjKind::Collation
                | ObjKind::Statistics
                | ObjKind::TextSearchConfiguration
                | ObjKind::TextSearchDictionary
                | ObjKind::TextSearchParser
                | ObjKind::TextSearchTemplate
                | ObjKind::Operator
                | ObjKind::OperatorClass
                | ObjKind::OperatorFamily
                | ObjKind::Conversion
                | ObjKind::Transform => r.creation_schema(),
            };
            QualName::new(schema, n.clone())
        }
        _ => QualName::new("", parts.join(".")),
    }
}

pub(crate) fn type_qualname(names: &[Node], r: &Resolver) -> QualName {
    qual_from_list(&name_list(names), r, ObjKind::Type)
}

/// A composite type's attribute: name, canonical type and collation.
fn attribute(cd: &protobuf::ColumnDef, r: &Resolver) -> Attribute {
    let type_sql = cd
        .type_name
        .as_ref()
        .map(|t| type_sql(t, r))
        .unwrap_or_default();
    let collation = cd
        .coll_clause
        .as_ref()
        .map(|c| super::table::collation_sql(&c.collname, r));
    Attribute {
        name: cd.colname.clone(),
        type_sql,
        collation,
    }
}

pub(crate) fn composite_sql(key: &ObjKey, attrs: &[Attribute]) -> String {
    let body: Vec<String> = attrs
        .iter()
        .map(|a| format!("{} {}", quote::ident(&a.name), a.type_with_collation()))
        .collect();
    format!(
        "CREATE TYPE {} AS ({})",
        quote::qualified(&key.schema, &key.name),
        body.join(", ")
    )
}

/// Canonical text names the trigger function a trigger calls with its schema (a pg_dump
/// 9.x file names it through `search_path`); a pg_catalog function goes bare.
fn qualify_trigger_function(n: &mut NodeEnum, r: &Resolver) {
    let NodeEnum::CreateTrigStmt(t) = n else {
        return;
    };
    let parts = name_list(&t.funcname);
    match parts.as_slice() {
        [name] => {
            if let Some(schema) = r.function_schema(name) {
                t.funcname = vec![str_node(&schema), str_node(name)];
            }
        }
        [schema, name] if schema == "pg_catalog" => t.funcname = vec![str_node(name)],
        _ => {}
    }
}

/// Canonical text never says OR REPLACE; the diff decides how to apply a change.
#[allow(clippy::wildcard_enum_match_arm)]
fn clear_replace(n: &mut NodeEnum) {
    match n {
        NodeEnum::ViewStmt(v) => v.replace = false,
        NodeEnum::CreateFunctionStmt(f) => f.replace = false,
        NodeEnum::CreateTrigStmt(t) => t.replace = false,
        NodeEnum::RuleStmt(r) => r.replace = false,
        NodeEnum::DefineStmt(d) => d.replace = false,
        _ => {}
    }
}

/// Writes the object's own name schema-qualified into its CREATE statement, so the canonical
/// text creates it where the input did, whatever the search path when it runs.
#[allow(clippy::wildcard_enum_match_arm)]
pub(super) fn qualify_name(n: &mut NodeEnum, key: &ObjKey) {
    if key.schema.is_empty() {
        return;
    }
    let qualified = || vec![str_node(&key.schema), str_node(&key.name)];
    match n {
        NodeEnum::CreateFunctionStmt(f) => f.funcname = qualified(),
        NodeEnum::DefineStmt(d) => d.defnames = qualified(),
        NodeEnum::CreateRangeStmt(r) => r.type_name = qualified(),
        NodeEnum::CreateStatsStmt(st) => st.defnames = qualified(),
        NodeEnum::CreateOpClassStmt(o) => o.opclassname = qualified(),
        NodeEnum::CreateOpFamilyStmt(o) => o.opfamilyname = qualified(),
        NodeEnum::CreateConversionStmt(c) => c.conversion_name = qualified(),
        NodeEnum::CreateTableAsStmt(c) => {
            if let Some(rel) = c.into.as_mut().and_then(|i| i.rel.as_mut()) {
                rel.schemaname = key.schema.clone();
            }
        }
        // Relations are qualified with the other RangeVars; the rest are not in a schema or
        // hang on a table.
        _ => {}
    }
}

/// pg_dump's placeholder of view `key` with `columns` of `types`, canonical: `CREATE VIEW v
/// AS SELECT NULL::type AS column, ...`.
fn placeholder_view(
    key: &ObjKey,
    columns: &[String],
    types: &[String],
    r: &Resolver,
) -> Option<String> {
    if columns.len() != types.len() || columns.is_empty() {
        return None;
    }
    let list: Vec<String> = columns
        .iter()
        .zip(types)
        .map(|(c, t)| format!("NULL::{t} AS {}", quote::ident(c)))
        .collect();
    let sql = format!(
        "CREATE VIEW {} AS SELECT {}",
        QualName::new(key.schema.clone(), key.name.clone()).sql(),
        list.join(", ")
    );
    let mut node = crate::catalog::alter::parse_one(&sql)?;
    if !matches!(&node, NodeEnum::ViewStmt(v) if super::view::is_placeholder(v)) {
        return None;
    }
    super::view::canonical(&mut node);
    super::kinds::create_sql(&node, r).ok()
}

fn str_node(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(protobuf::String {
            sval: s.to_string(),
        })),
    }
}

/// What CREATE OR REPLACE FUNCTION may not change.
fn routine(f: &protobuf::CreateFunctionStmt, r: &Resolver) -> Routine {
    let mut result = f
        .return_type
        .as_ref()
        .map(|t| format!("{}{}", if t.setof { "SETOF " } else { "" }, type_sql(t, r)))
        .unwrap_or_default();
    let mut input_names = Vec::new();
    let mut defaults = 0;
    for p in &f.parameters {
        let Some(NodeEnum::FunctionParameter(fp)) = &p.node else {
            continue;
        };
        let mode =
            FunctionParameterMode::try_from(fp.mode).unwrap_or(FunctionParameterMode::FuncParamIn);
        let ty = fp
            .arg_type
            .as_ref()
            .map(|t| type_sql(t, r))
            .unwrap_or_default();
        match mode {
            FunctionParameterMode::FuncParamOut | FunctionParameterMode::FuncParamTable => {
                result.push_str(&format!(", {} {ty}", fp.name))
            }
            FunctionParameterMode::FuncParamInout => {
                result.push_str(&format!(", {} {ty}", fp.name));
                input_names.push(fp.name.clone());
            }
            FunctionParameterMode::FuncParamIn
            | FunctionParameterMode::FuncParamVariadic
            | FunctionParameterMode::FuncParamDefault
            | FunctionParameterMode::Undefined => input_names.push(fp.name.clone()),
        }
        if fp.defexpr.is_some() {
            defaults += 1;
        }
    }
    Routine {
        result,
        input_names,
        defaults,
        atomic: f.sql_body.is_some(),
    }
}

/// The argument types of `CREATE AGGREGATE name (args)` (the grammar gives a list of
/// parameters and the number of direct arguments of an ordered-set aggregate, -1 if none).
fn aggregate_args(args: &[Node], r: &Resolver) -> (Vec<String>, Option<usize>) {
    let types = match args.first().and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::List(l)) => l
            .items
            .iter()
            .filter_map(|p| match &p.node {
                Some(NodeEnum::FunctionParameter(fp)) => fp
                    .arg_type
                    .as_ref()
                    .map(|t| crate::catalog::types::signature_type_sql(t, r)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let direct = match args.get(1).and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::Integer(i)) => usize::try_from(i.ival).ok(),
        _ => None,
    };
    (types, direct)
}

/// Function identity: the types of its IN / INOUT / VARIADIC arguments.
fn function_args(params: &[Node], r: &Resolver) -> String {
    params
        .iter()
        .filter_map(|p| match &p.node {
            Some(NodeEnum::FunctionParameter(fp)) => {
                let mode = FunctionParameterMode::try_from(fp.mode)
                    .unwrap_or(FunctionParameterMode::FuncParamIn);
                let counts = !matches!(
                    mode,
                    FunctionParameterMode::FuncParamOut | FunctionParameterMode::FuncParamTable
                );
                counts.then(|| {
                    fp.arg_type
                        .as_ref()
                        .map(|t| crate::catalog::types::signature_type_sql(t, r))
                        .unwrap_or_default()
                })
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Identity of a CREATE statement; the bool says whether it may replace an existing one.
#[allow(clippy::wildcard_enum_match_arm)]
fn identify(n: &NodeEnum, r: &Resolver, _create: bool) -> Option<(Ident, bool)> {
    let obj =
        |kind: ObjKind, q: QualName, sub: String, target: String, table: Option<QualName>| Ident {
            key: ObjKey {
                kind,
                schema: q.schema,
                name: q.name,
                sub,
            },
            target,
            table,
        };
    let create_q = |schema: &str, name: &str| {
        if schema.is_empty() {
            QualName::new(r.creation_schema(), name)
        } else {
            QualName::new(schema, name)
        }
    };
    let list_q = |names: &[Node]| {
        let parts = name_list(names);
        match parts.as_slice() {
            [s, n] => QualName::new(s.clone(), n.clone()),
            [n] => QualName::new(r.creation_schema(), n.clone()),
            _ => QualName::new("", parts.join(".")),
        }
    };
    // An object outside schemas, known by its name alone.
    let global = |kind: ObjKind, name: &str| {
        let t = format!("{} {}", kind.sql_keyword(), quote::ident(name));
        obj(kind, QualName::new("", name), String::new(), t, None)
    };
    Some(match n {
        NodeEnum::ViewStmt(v) => {
            let rv = v.view.as_ref()?;
            let q = create_q(&rv.schemaname, &rv.relname);
            let t = format!("VIEW {}", q.sql());
            (obj(ObjKind::View, q, String::new(), t, None), v.replace)
        }
        NodeEnum::CreateTableAsStmt(c) => {
            if ObjectType::try_from(c.objtype).ok()? != ObjectType::ObjectMatview {
                return None;
            }
            let rv = c.into.as_ref()?.rel.as_ref()?;
            let q = create_q(&rv.schemaname, &rv.relname);
            let t = format!("MATERIALIZED VIEW {}", q.sql());
            (
                obj(ObjKind::MaterializedView, q, String::new(), t, None),
                false,
            )
        }
        NodeEnum::CreateFunctionStmt(f) => {
            let q = list_q(&f.funcname);
            let kind = if f.is_procedure {
                ObjKind::Procedure
            } else {
                ObjKind::Function
            };
            let args = function_args(&f.parameters, r);
            let t = format!("{} {}({args})", kind.sql_keyword(), q.sql());
            (obj(kind, q, args, t, None), f.replace)
        }
        NodeEnum::CreateTrigStmt(tr) => {
            let rv = tr.relation.as_ref()?;
            let table = r.relation(&rv.schemaname, &rv.relname);
            let t = crate::catalog::triggers::trigger_target(&table, &tr.trigname);
            let q = QualName::new(table.schema.clone(), tr.trigname.clone());
            (
                obj(ObjKind::Trigger, q, table.name.clone(), t, Some(table)),
                tr.replace,
            )
        }
        NodeEnum::CreatePolicyStmt(p) => {
            let rv = p.table.as_ref()?;
            let table = r.relation(&rv.schemaname, &rv.relname);
            let t = format!("POLICY {} ON {}", quote::ident(&p.policy_name), table.sql());
            let q = QualName::new(table.schema.clone(), p.policy_name.clone());
            (
                obj(ObjKind::Policy, q, table.name.clone(), t, Some(table)),
                false,
            )
        }
        NodeEnum::RuleStmt(rs) => {
            let rv = rs.relation.as_ref()?;
            let table = r.relation(&rv.schemaname, &rv.relname);
            let t = format!("RULE {} ON {}", quote::ident(&rs.rulename), table.sql());
            let q = QualName::new(table.schema.clone(), rs.rulename.clone());
            (
                obj(ObjKind::Rule, q, table.name.clone(), t, Some(table)),
                rs.replace,
            )
        }
        NodeEnum::CreateEnumStmt(e) => {
            let q = list_q(&e.type_name);
            let t = format!("TYPE {}", q.sql());
            (obj(ObjKind::Type, q, String::new(), t, None), false)
        }
        NodeEnum::CreateRangeStmt(e) => {
            let q = list_q(&e.type_name);
            let t = format!("TYPE {}", q.sql());
            (obj(ObjKind::Type, q, String::new(), t, None), false)
        }
        NodeEnum::CompositeTypeStmt(c) => {
            let rv = c.typevar.as_ref()?;
            let q = create_q(&rv.schemaname, &rv.relname);
            let t = format!("TYPE {}", q.sql());
            (obj(ObjKind::Type, q, String::new(), t, None), false)
        }
        NodeEnum::CreateDomainStmt(d) => {
            let q = list_q(&d.domainname);
            let t = format!("DOMAIN {}", q.sql());
            (obj(ObjKind::Domain, q, String::new(), t, None), false)
        }
        NodeEnum::DefineStmt(d) => {
            let kind = match ObjectType::try_from(d.kind).ok()? {
                ObjectType::ObjectAggregate => ObjKind::Aggregate,
                ObjectType::ObjectOperator => ObjKind::Operator,
                ObjectType::ObjectType => ObjKind::Type,
                ObjectType::ObjectCollation => ObjKind::Collation,
                ObjectType::ObjectTsparser => ObjKind::TextSearchParser,
                ObjectType::ObjectTsdictionary => ObjKind::TextSearchDictionary,
                ObjectType::ObjectTstemplate => ObjKind::TextSearchTemplate,
                ObjectType::ObjectTsconfiguration => ObjKind::TextSearchConfiguration,
                _ => return None,
            };
            let q = list_q(&d.defnames);
            let (sub, t) = match kind {
                ObjKind::Aggregate => {
                    let mut d = d.clone();
                    super::aggregate::new_style(&mut d);
                    let (types, direct) = aggregate_args(&d.args, r);
                    // Identity: every argument type, as `ALTER AGGREGATE` and `GRANT ... ON
                    // FUNCTION` name them; the target spells `*` and ordered-set arguments.
                    let spelled = match direct {
                        _ if types.is_empty() => "*".to_string(),
                        // `VARIADIC t ORDER BY VARIADIC t` is stored as one argument (the
                        // last direct one) and must be spelled so again.
                        Some(n) if n == types.len() => {
                            let (init, last) = types.split_at(n - 1);
                            let last = last.join("");
                            let direct: Vec<String> = init
                                .iter()
                                .cloned()
                                .chain([format!("VARIADIC {last}")])
                                .collect();
                            format!("{} ORDER BY VARIADIC {last}", direct.join(", "))
                        }
                        Some(n) if n < types.len() => {
                            let (direct, ordered) = types.split_at(n);
                            format!("{} ORDER BY {}", direct.join(", "), ordered.join(", "))
                                .trim_start()
                                .to_string()
                        }
                        Some(_) | None => types.join(", "),
                    };
                    let t = format!("AGGREGATE {}({spelled})", q.sql());
                    (types.join(", "), t)
                }
                ObjKind::Operator => {
                    let args = super::operator::define_operator_args(d, r);
                    let t = super::operator::operator_target(&ObjKey {
                        kind,
                        schema: q.schema.clone(),
                        name: q.name.clone(),
                        sub: args.clone(),
                    });
                    (args, t)
                }
                _ => (String::new(), format!("{} {}", kind.sql_keyword(), q.sql())),
            };
            (obj(kind, q, sub, t, None), d.replace)
        }
        NodeEnum::CreateEventTrigStmt(e) => (global(ObjKind::EventTrigger, &e.trigname), false),
        NodeEnum::CreateStatsStmt(s) => {
            let q = list_q(&s.defnames);
            let t = format!("STATISTICS {}", q.sql());
            // A statistics object goes with its table.
            let table = s.relations.first().and_then(|n| match &n.node {
                Some(NodeEnum::RangeVar(rv)) => Some(r.relation(&rv.schemaname, &rv.relname)),
                _ => None,
            });
            (obj(ObjKind::Statistics, q, String::new(), t, table), false)
        }
        NodeEnum::CreatePublicationStmt(p) => (global(ObjKind::Publication, &p.pubname), false),
        NodeEnum::CreateSubscriptionStmt(s) => (global(ObjKind::Subscription, &s.subname), false),
        NodeEnum::CreateFdwStmt(f) => (global(ObjKind::ForeignDataWrapper, &f.fdwname), false),
        NodeEnum::CreateForeignServerStmt(f) => (global(ObjKind::Server, &f.servername), false),
        NodeEnum::CreateUserMappingStmt(u) => {
            let user = super::foreign::mapping_user(u.user.as_ref());
            let t = format!(
                "USER MAPPING FOR {} SERVER {}",
                super::foreign::mapping_user_sql(&user),
                quote::ident(&u.servername)
            );
            (
                obj(
                    ObjKind::UserMapping,
                    QualName::new("", u.servername.clone()),
                    user,
                    t,
                    None,
                ),
                false,
            )
        }
        NodeEnum::CreateCastStmt(c) => {
            let s = type_sql(c.sourcetype.as_ref()?, r);
            let d = type_sql(c.targettype.as_ref()?, r);
            let t = format!("CAST ({s} AS {d})");
            (obj(ObjKind::Cast, QualName::new("", s), d, t, None), false)
        }
        NodeEnum::CreateOpClassStmt(c) => {
            let q = list_q(&c.opclassname);
            let t = format!(
                "OPERATOR CLASS {} USING {}",
                q.sql(),
                quote::ident(&c.amname)
            );
            (
                obj(ObjKind::OperatorClass, q, c.amname.clone(), t, None),
                false,
            )
        }
        NodeEnum::CreateOpFamilyStmt(c) => {
            let q = list_q(&c.opfamilyname);
            let t = format!(
                "OPERATOR FAMILY {} USING {}",
                q.sql(),
                quote::ident(&c.amname)
            );
            (
                obj(ObjKind::OperatorFamily, q, c.amname.clone(), t, None),
                false,
            )
        }
        NodeEnum::CreateConversionStmt(c) => {
            let q = list_q(&c.conversion_name);
            let t = format!("CONVERSION {}", q.sql());
            (obj(ObjKind::Conversion, q, String::new(), t, None), false)
        }
        NodeEnum::CreateAmStmt(a) => (global(ObjKind::AccessMethod, &a.amname), false),
        NodeEnum::CreateTransformStmt(tr) => {
            let ty = type_sql(tr.type_name.as_ref()?, r);
            let t = format!("TRANSFORM FOR {ty} LANGUAGE {}", quote::ident(&tr.lang));
            (
                obj(
                    ObjKind::Transform,
                    QualName::new("", ty),
                    tr.lang.clone(),
                    t,
                    None,
                ),
                tr.replace,
            )
        }
        NodeEnum::CreatePlangStmt(p) => (global(ObjKind::Language, &p.plname), p.replace),
        _ => return None,
    })
}
