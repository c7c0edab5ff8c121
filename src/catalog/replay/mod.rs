//! Replay: applies each parsed statement to the catalog the way the server would. Every
//! statement kind is named in `apply`: modelled, ignored with a reason, or reported.

mod aggregate;
mod basetype;
mod column_use;
mod comment;
mod depend;
mod domain;
mod drop;
mod enums;
mod extension;
mod foreign;
mod function;
mod generic;
mod kinds;
mod names;
mod on_table;
mod operator;
mod partition;
mod privileges;
mod publication;
mod range;
mod rename;
mod sequence;
mod stored;
pub(crate) mod subscription;
mod table;
mod textsearch;
mod trigger;
mod view;

pub(crate) use generic::type_qualname;
pub(crate) use publication::member_schemas;
pub(crate) use table::serial_type;
pub(crate) use view::fold_aliases;

use pg_query::protobuf::{a_const, Node};
use pg_query::NodeEnum;

use super::model::*;
use super::resolve::Resolver;
use crate::diag::Diag;
use crate::syntax::Stmt;

/// How strict the replay is.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReplayOptions {
    /// Unsupported statements are errors instead of warnings.
    pub strict: bool,
}

/// Builds the catalog from statements in replay order, starting from an empty database
/// (which holds the `public` schema).
pub fn build(stmts: &[Stmt], opts: ReplayOptions) -> (Catalog, Vec<Diag>) {
    let mut b = Builder::new(opts);
    b.apply(stmts);
    b.finish()
}

/// A new database as PostgreSQL 15 makes it: schema public (with this owner and ACL) and
/// plpgsql, with these comments; pg_dump 12+ leaves them out of its output, older versions
/// write them.
fn new_database() -> Catalog {
    let mut empty = Catalog::default();
    empty.schemas.insert(
        "public".into(),
        Schema {
            access: public_schema_access(),
            pos: 0,
        },
    );
    for (target, text) in [
        ("SCHEMA public", "standard public schema"),
        ("EXTENSION plpgsql", "PL/pgSQL procedural language"),
        ("LANGUAGE plpgsql", "PL/pgSQL procedural language"),
    ] {
        empty.comments.insert(
            target.into(),
            Comment {
                text: text.into(),
                pos: 0,
            },
        );
    }
    empty
}

/// A replay fed statements a batch at a time (as `syntax::parse_streaming` hands them over),
/// so that no more parse trees than one batch's are held.
pub struct Builder {
    r: Replay,
    /// The position the next statement takes.
    next: Pos,
    /// The line the last statement started on, and its file (by address): statements come
    /// in file order, so the next one's line is found from there.
    line: Option<(usize, usize)>,
}

impl Builder {
    /// A replay starting from a new, empty database.
    pub fn new(opts: ReplayOptions) -> Builder {
        Builder::onto(new_database(), opts)
    }

    /// A replay onto an existing catalog, in a new session (default `search_path`, the role
    /// that runs the script), as `psql -f` would run statements against a database holding
    /// `base`. New objects are positioned after everything `base` holds.
    pub fn onto(base: Catalog, opts: ReplayOptions) -> Builder {
        let next = base.max_pos().max(base.sources.last_pos()) + 1;
        let on_table = on_table::OnTable::of(&base);
        let stored = stored::Stored::of(&base);
        Builder {
            r: Replay {
                catalog: base,
                search_path: default_path(),
                utc: true,
                default_access_method: None,
                settings: std::collections::BTreeMap::new(),
                diags: Vec::new(),
                opts,
                session_role: None,
                set_role: None,
                reverse: None,
                children: None,
                on_table,
                stored,
                pos: next,
            },
            next,
            line: None,
        }
    }

    pub fn apply(&mut self, stmts: &[Stmt]) {
        self.apply_inspecting(stmts, &mut |_, _| {});
    }

    /// `apply`, showing `inspect` each statement with the replay as it stands just before
    /// the statement (its catalog and search path): how hazards are read off a migration.
    pub(crate) fn apply_inspecting(
        &mut self,
        stmts: &[Stmt],
        inspect: &mut dyn FnMut(&Stmt, &Replay),
    ) {
        for stmt in stmts {
            let file = std::sync::Arc::as_ptr(&stmt.file) as usize;
            let from = self.line.filter(|(f, _)| *f == file).map_or(1, |(_, l)| l);
            let line = stmt.file.line_from(stmt.span.start, from);
            self.line = Some((file, line));
            self.r
                .catalog
                .sources
                .record(self.next, &stmt.file.name, line);
            inspect(stmt, &self.r);
            self.r.pos = self.next;
            self.r.apply(self.next, stmt);
            self.next += 1;
        }
    }

    pub fn finish(self) -> (Catalog, Vec<Diag>) {
        (self.r.catalog, self.r.diags)
    }
}

/// Applies statements to an existing catalog, in a new session (default `search_path`, the
/// role that runs the script), as `psql -f` would run them against a database holding
/// `base`. New objects are positioned after everything `base` holds.
pub fn replay_onto(base: Catalog, stmts: &[Stmt], opts: ReplayOptions) -> (Catalog, Vec<Diag>) {
    let mut b = Builder::onto(base, opts);
    b.apply(stmts);
    b.finish()
}

/// Whether a `TimeZone` setting names UTC (the names the server reads as UTC, in any case).
fn is_utc(zone: &str) -> bool {
    matches!(
        zone.to_ascii_lowercase().as_str(),
        "utc" | "etc/utc" | "gmt" | "etc/gmt" | "z" | "zulu" | "uct" | "universal"
    )
}

fn default_path() -> Vec<String> {
    vec!["public".to_string()]
}

/// The `public` schema of a new PostgreSQL 15 database: owned by `pg_database_owner`, which
/// may create in it; everyone may use it.
fn public_schema_access() -> Access {
    use super::acl::{AclKind, Privs, Role};
    let mut acl = AclKind::Schema.default_acl();
    acl.grant(&Role::Public, &Role::Owner, Privs::from_letters("U"), false);
    Access::new(Some("pg_database_owner".to_string()), Some(acl))
}

pub(crate) struct Replay {
    pub catalog: Catalog,
    pub search_path: Vec<String>,
    /// Whether the session's `TimeZone` is UTC (see `Resolver::utc`).
    pub utc: bool,
    /// The session's `default_table_access_method` when it is not `heap` (pg_dump sets it
    /// before each table or materialized view it creates).
    default_access_method: Option<String>,
    /// The session's values of the settings `SET x FROM CURRENT` can take into a function,
    /// each as the list of values pg_dump then prints (see `function::set_from_current`):
    /// `search_path` and placeholder settings (`app.x`), as the script set them.
    settings: std::collections::BTreeMap<String, Vec<String>>,
    pub diags: Vec<Diag>,
    opts: ReplayOptions,
    /// `SET SESSION AUTHORIZATION` role; `None`: the role that runs the script.
    session_role: Option<String>,
    /// `SET ROLE` role, which overrides the session's.
    set_role: Option<String>,
    /// Who depends on what, built when a DROP needs it (see `depend`).
    reverse: Option<depend::Reverse>,
    /// Inheritance children and partitions by parent, built when an ALTER TABLE recurses
    /// (see `table::children_of`), dropped by a statement that can change the hierarchy.
    children: Option<std::collections::BTreeMap<QualName, Vec<QualName>>>,
    /// What hangs on each table (see `on_table`).
    on_table: on_table::OnTable,
    /// The types columns store (see `stored`).
    stored: stored::Stored,
    /// The position of the statement being applied.
    pos: Pos,
}

impl Replay {
    pub fn resolver(&self) -> Resolver<'_> {
        Resolver {
            catalog: &self.catalog,
            search_path: &self.search_path,
            utc: self.utc,
        }
    }

    /// A statement (or part of one) the catalog does not model.
    pub fn unsupported(&mut self, stmt: &Stmt, what: &str) {
        let msg = format!("{what} is not supported; ignored");
        let d = if self.opts.strict {
            Diag::error("unsupported-statement", msg)
        } else {
            Diag::warning("unsupported-statement", msg)
        };
        self.diags.push(stmt.diag(d, None));
    }

    /// Records that the statement being applied changes `node`, which existed before it
    /// (provenance: `Catalog::shaped`).
    pub fn shaped(&mut self, node: super::graph::Node) {
        self.catalog.shaped.insert(node, self.pos);
    }

    /// Something the server would reject, where pgdumpdiff is not sure it knows all the
    /// server holds (an object an extension may have made), or a statement psql goes past
    /// (a DROP of something missing, as `pg_dump --clean` writes them): a warning.
    pub fn warn(&mut self, stmt: &Stmt, msg: String) {
        self.diags
            .push(stmt.diag(Diag::warning("replay", msg), None));
    }

    /// Something the server rejects (a duplicate, a missing object), with its message: an
    /// error, as the statement would be on the server.
    pub fn reject(&mut self, stmt: &Stmt, msg: String) {
        self.diags.push(
            stmt.diag(
                Diag::error("rejected", msg).with_help(
                    "PostgreSQL refuses this statement: the input does not load as written",
                ),
                None,
            ),
        );
    }

    /// Object `q` is missing: rejected, unless it sits in a schema an extension installs
    /// into (the extension may have made it; pgdumpdiff does not model extension contents).
    pub fn missing(&mut self, stmt: &Stmt, q: &QualName, msg: String) {
        self.maybe_missing(stmt, q, msg);
    }

    /// As `missing`; says whether the statement was refused (false: only a warning, the
    /// object may be an extension's).
    pub fn maybe_missing(&mut self, stmt: &Stmt, q: &QualName, msg: String) -> bool {
        let extension_schema = self
            .catalog
            .extensions
            .values()
            .any(|e| e.schema.as_deref() == Some(q.schema.as_str()));
        if extension_schema {
            self.warn(stmt, msg);
            false
        } else {
            self.reject(stmt, msg);
            true
        }
    }

    fn apply(&mut self, pos: Pos, stmt: &Stmt) {
        let node: &NodeEnum = &stmt.node;
        self.note_statement(node);
        self.note_hierarchy(node);
        match node {
            NodeEnum::VariableSetStmt(s)
                if s.name == "role" || s.name == "session_authorization" =>
            {
                self.role_setting(stmt, s)
            }
            // RESET ALL ends a SET ROLE (not a SET SESSION AUTHORIZATION).
            NodeEnum::VariableSetStmt(s)
                if s.kind == pg_query::protobuf::VariableSetKind::VarResetAll as i32 =>
            {
                self.set_role = None
            }
            NodeEnum::VariableSetStmt(s) => {
                if !self.refuse_values(stmt, &s.name, s.kind, s.args.len()) {
                    self.set(s)
                }
            }
            NodeEnum::SelectStmt(s) => self.select(s),
            NodeEnum::CreateSchemaStmt(s) => {
                // AUTHORIZATION names the owner (and the schema, when it has no name).
                let owner = self.schema_owner(stmt, s.authrole.as_ref());
                let name = if s.schemaname.is_empty() {
                    owner.clone().unwrap_or_default()
                } else {
                    s.schemaname.clone()
                };
                if name.starts_with("pg_") {
                    // The prefix is reserved for system schemas.
                    self.reject(stmt, format!("unacceptable schema name \"{name}\""));
                    return;
                }
                if !self.catalog.schemas.contains_key(&name) {
                    let access =
                        self.new_access_as(owner.clone(), Some(DefaultAclKind::Schemas), None);
                    self.catalog
                        .schemas
                        .insert(name.clone(), Schema { access, pos });
                }
                if !s.schema_elts.is_empty() {
                    let owner = s.authrole.as_ref().and(owner);
                    self.schema_elements(pos, stmt, &name, owner, &s.schema_elts);
                }
            }
            NodeEnum::CreateExtensionStmt(s) => {
                let mut schema = None;
                let mut version = None;
                for o in &s.options {
                    if let Some(NodeEnum::DefElem(d)) = &o.node {
                        match d.defname.as_str() {
                            "schema" => schema = def_string(d.arg.as_deref()),
                            "new_version" => version = def_string(d.arg.as_deref()),
                            _ => {}
                        }
                    }
                }
                if s.extname != "plpgsql" && !self.catalog.extensions.contains_key(&s.extname) {
                    // Without WITH SCHEMA, an extension lands in the creation schema.
                    let schema = schema.or_else(|| Some(self.resolver().creation_schema()));
                    self.catalog.create_extension(
                        &s.extname,
                        Extension {
                            schema,
                            version,
                            pos,
                        },
                    );
                }
            }
            NodeEnum::AlterExtensionStmt(s) => {
                let v = s.options.iter().find_map(|o| match &o.node {
                    Some(NodeEnum::DefElem(d)) if d.defname == "new_version" => {
                        def_string(d.arg.as_deref())
                    }
                    _ => None,
                });
                if let (Some(e), Some(v)) = (self.catalog.extensions.get_mut(&s.extname), v) {
                    e.version = Some(v);
                }
            }
            NodeEnum::CreateStmt(s) => self.create_table(pos, stmt, s),
            NodeEnum::AlterTableStmt(s) => self.alter_table(pos, stmt, s),
            NodeEnum::IndexStmt(s) => self.create_index(pos, stmt, s),
            NodeEnum::CreateSeqStmt(s) => self.create_sequence(pos, stmt, s),
            NodeEnum::AlterSeqStmt(s) => self.alter_sequence(pos, stmt, s),
            NodeEnum::CommentStmt(s) => self.comment(pos, stmt, s),
            NodeEnum::SecLabelStmt(s) => self.security_label(pos, stmt, s),
            NodeEnum::DropStmt(s) => self.drop(stmt, s),
            NodeEnum::RenameStmt(s) => self.rename(stmt, s),

            NodeEnum::ViewStmt(_)
            | NodeEnum::CreateFunctionStmt(_)
            | NodeEnum::CreateTrigStmt(_)
            | NodeEnum::CreateEnumStmt(_)
            | NodeEnum::CompositeTypeStmt(_)
            | NodeEnum::CreateDomainStmt(_)
            | NodeEnum::CreateRangeStmt(_)
            | NodeEnum::CreatePolicyStmt(_)
            | NodeEnum::RuleStmt(_)
            | NodeEnum::CreateTableAsStmt(_)
            | NodeEnum::DefineStmt(_)
            | NodeEnum::CreateEventTrigStmt(_)
            | NodeEnum::CreateStatsStmt(_)
            | NodeEnum::CreatePublicationStmt(_)
            | NodeEnum::CreateSubscriptionStmt(_)
            | NodeEnum::CreateFdwStmt(_)
            | NodeEnum::CreateForeignServerStmt(_)
            | NodeEnum::CreateUserMappingStmt(_)
            | NodeEnum::CreateCastStmt(_)
            | NodeEnum::CreateOpClassStmt(_)
            | NodeEnum::CreateOpFamilyStmt(_)
            | NodeEnum::CreateConversionStmt(_)
            | NodeEnum::CreateAmStmt(_)
            | NodeEnum::CreatePlangStmt(_)
            | NodeEnum::CreateTransformStmt(_) => self.create_generic(pos, stmt),

            NodeEnum::AlterEnumStmt(s) => self.alter_enum(stmt, s),
            NodeEnum::AlterDomainStmt(s) => self.alter_domain(stmt, s),
            NodeEnum::AlterFunctionStmt(s) => self.alter_function(stmt, s),
            NodeEnum::AlterPolicyStmt(s) => self.alter_policy(stmt, s),
            NodeEnum::AlterTsconfigurationStmt(s) => self.alter_ts_configuration(stmt, s),
            NodeEnum::AlterPublicationStmt(s) => self.alter_publication(stmt, s),
            NodeEnum::AlterSubscriptionStmt(s) => self.alter_subscription(stmt, s),
            NodeEnum::DropSubscriptionStmt(s) => self.drop_subscription(stmt, s),
            NodeEnum::AlterOperatorStmt(s) => self.alter_operator(stmt, s),
            NodeEnum::AlterObjectSchemaStmt(s)
                if s.object_type == pg_query::protobuf::ObjectType::ObjectExtension as i32 =>
            {
                self.move_extension(stmt, s)
            }
            NodeEnum::AlterObjectSchemaStmt(s) => {
                if !self.set_relation_schema(stmt, s) && !self.set_object_schema(stmt, s) {
                    let kind = pg_query::protobuf::ObjectType::try_from(s.object_type)
                        .map(rename::sql_words)
                        .unwrap_or("OBJECT");
                    self.unsupported(stmt, &format!("ALTER {kind} ... SET SCHEMA"));
                }
            }
            NodeEnum::AlterObjectDependsStmt(s) => self.depends_on_extension(stmt, s),
            NodeEnum::ClusterStmt(s) => self.cluster(stmt, s),
            // Fills a materialized view with rows: data, not schema (like INSERT).
            NodeEnum::RefreshMatViewStmt(_) => {}
            NodeEnum::AlterOpFamilyStmt(s) => self.alter_opfamily(stmt, s),
            // Records the collation library's current version: nothing pg_dump shows.
            NodeEnum::AlterCollationStmt(_) => {}
            NodeEnum::AlterStatsStmt(s) => self.alter_statistics(stmt, s),
            NodeEnum::AlterEventTrigStmt(s) => self.alter_event_trigger(stmt, s),
            NodeEnum::AlterTsdictionaryStmt(s) => self.alter_ts_dictionary(stmt, s),
            NodeEnum::CreateForeignTableStmt(s) => self.create_foreign_table(pos, stmt, s),
            NodeEnum::AlterFdwStmt(s) => self.alter_fdw(stmt, s),
            NodeEnum::AlterForeignServerStmt(s) => self.alter_server(stmt, s),
            NodeEnum::AlterUserMappingStmt(s) => self.alter_user_mapping(stmt, s),
            NodeEnum::DropUserMappingStmt(s) => self.drop_user_mapping(stmt, s),
            // The tables it makes are read from the remote server: nothing offline knows them.
            NodeEnum::ImportForeignSchemaStmt(_) => self.unsupported(
                stmt,
                "IMPORT FOREIGN SCHEMA (its tables come from the remote server)",
            ),
            NodeEnum::AlterTypeStmt(_)
            | NodeEnum::AlterExtensionContentsStmt(_)
            | NodeEnum::DoStmt(_)
            | NodeEnum::AlterTableMoveAllStmt(_)
            | NodeEnum::AlterTableSpaceOptionsStmt(_)
            | NodeEnum::CreateTableSpaceStmt(_)
            | NodeEnum::DropTableSpaceStmt(_)
            | NodeEnum::CreatedbStmt(_)
            | NodeEnum::AlterDatabaseStmt(_)
            | NodeEnum::AlterDatabaseRefreshCollStmt(_)
            | NodeEnum::AlterDatabaseSetStmt(_)
            | NodeEnum::DropdbStmt(_)
            | NodeEnum::AlterSystemStmt(_)
            | NodeEnum::AlterRoleSetStmt(_)
            | NodeEnum::DropOwnedStmt(_) => {
                let kind = statement_kind(node);
                self.unsupported(stmt, &kind);
            }

            NodeEnum::AlterOwnerStmt(s) => self.alter_owner(stmt, s),
            NodeEnum::GrantStmt(s) => self.grant(stmt, s),
            NodeEnum::AlterDefaultPrivilegesStmt(s) => self.alter_default_privileges(stmt, s),
            NodeEnum::ReassignOwnedStmt(s) => self.reassign_owned(stmt, s),

            // Roles and their memberships are cluster-wide, not schema objects.
            NodeEnum::GrantRoleStmt(_)
            | NodeEnum::CreateRoleStmt(_)
            | NodeEnum::AlterRoleStmt(_)
            | NodeEnum::DropRoleStmt(_) => {}

            // Data and session statements leave the schema as it is.
            NodeEnum::InsertStmt(_)
            | NodeEnum::UpdateStmt(_)
            | NodeEnum::DeleteStmt(_)
            | NodeEnum::MergeStmt(_)
            | NodeEnum::CopyStmt(_)
            | NodeEnum::TransactionStmt(_)
            | NodeEnum::VariableShowStmt(_)
            | NodeEnum::ExplainStmt(_)
            | NodeEnum::NotifyStmt(_)
            | NodeEnum::ListenStmt(_)
            | NodeEnum::UnlistenStmt(_)
            | NodeEnum::LockStmt(_)
            | NodeEnum::CheckPointStmt(_)
            | NodeEnum::DiscardStmt(_)
            | NodeEnum::PrepareStmt(_)
            | NodeEnum::ExecuteStmt(_)
            | NodeEnum::DeallocateStmt(_)
            | NodeEnum::VacuumStmt(_)
            | NodeEnum::ReindexStmt(_)
            | NodeEnum::ConstraintsSetStmt(_)
            | NodeEnum::LoadStmt(_)
            | NodeEnum::DeclareCursorStmt(_)
            | NodeEnum::FetchStmt(_)
            | NodeEnum::ClosePortalStmt(_)
            | NodeEnum::CallStmt(_)
            | NodeEnum::TruncateStmt(_) => {}

            NodeEnum::Alias(_)
            | NodeEnum::RangeVar(_)
            | NodeEnum::TableFunc(_)
            | NodeEnum::IntoClause(_)
            | NodeEnum::Var(_)
            | NodeEnum::Param(_)
            | NodeEnum::Aggref(_)
            | NodeEnum::GroupingFunc(_)
            | NodeEnum::WindowFunc(_)
            | NodeEnum::WindowFuncRunCondition(_)
            | NodeEnum::MergeSupportFunc(_)
            | NodeEnum::SubscriptingRef(_)
            | NodeEnum::FuncExpr(_)
            | NodeEnum::NamedArgExpr(_)
            | NodeEnum::OpExpr(_)
            | NodeEnum::DistinctExpr(_)
            | NodeEnum::NullIfExpr(_)
            | NodeEnum::ScalarArrayOpExpr(_)
            | NodeEnum::BoolExpr(_)
            | NodeEnum::SubLink(_)
            | NodeEnum::SubPlan(_)
            | NodeEnum::AlternativeSubPlan(_)
            | NodeEnum::FieldSelect(_)
            | NodeEnum::FieldStore(_)
            | NodeEnum::RelabelType(_)
            | NodeEnum::CoerceViaIo(_)
            | NodeEnum::ArrayCoerceExpr(_)
            | NodeEnum::ConvertRowtypeExpr(_)
            | NodeEnum::CollateExpr(_)
            | NodeEnum::CaseExpr(_)
            | NodeEnum::CaseWhen(_)
            | NodeEnum::CaseTestExpr(_)
            | NodeEnum::ArrayExpr(_)
            | NodeEnum::RowExpr(_)
            | NodeEnum::RowCompareExpr(_)
            | NodeEnum::CoalesceExpr(_)
            | NodeEnum::MinMaxExpr(_)
            | NodeEnum::SqlvalueFunction(_)
            | NodeEnum::XmlExpr(_)
            | NodeEnum::JsonFormat(_)
            | NodeEnum::JsonReturning(_)
            | NodeEnum::JsonValueExpr(_)
            | NodeEnum::JsonConstructorExpr(_)
            | NodeEnum::JsonIsPredicate(_)
            | NodeEnum::JsonBehavior(_)
            | NodeEnum::JsonExpr(_)
            | NodeEnum::JsonTablePath(_)
            | NodeEnum::JsonTablePathScan(_)
            | NodeEnum::JsonTableSiblingJoin(_)
            | NodeEnum::NullTest(_)
            | NodeEnum::BooleanTest(_)
            | NodeEnum::MergeAction(_)
            | NodeEnum::CoerceToDomain(_)
            | NodeEnum::CoerceToDomainValue(_)
            | NodeEnum::SetToDefault(_)
            | NodeEnum::CurrentOfExpr(_)
            | NodeEnum::NextValueExpr(_)
            | NodeEnum::InferenceElem(_)
            | NodeEnum::ReturningExpr(_)
            | NodeEnum::TargetEntry(_)
            | NodeEnum::RangeTblRef(_)
            | NodeEnum::JoinExpr(_)
            | NodeEnum::FromExpr(_)
            | NodeEnum::OnConflictExpr(_)
            | NodeEnum::Query(_)
            | NodeEnum::TypeName(_)
            | NodeEnum::ColumnRef(_)
            | NodeEnum::ParamRef(_)
            | NodeEnum::AExpr(_)
            | NodeEnum::TypeCast(_)
            | NodeEnum::CollateClause(_)
            | NodeEnum::RoleSpec(_)
            | NodeEnum::FuncCall(_)
            | NodeEnum::AStar(_)
            | NodeEnum::AIndices(_)
            | NodeEnum::AIndirection(_)
            | NodeEnum::AArrayExpr(_)
            | NodeEnum::ResTarget(_)
            | NodeEnum::MultiAssignRef(_)
            | NodeEnum::SortBy(_)
            | NodeEnum::WindowDef(_)
            | NodeEnum::RangeSubselect(_)
            | NodeEnum::RangeFunction(_)
            | NodeEnum::RangeTableFunc(_)
            | NodeEnum::RangeTableFuncCol(_)
            | NodeEnum::RangeTableSample(_)
            | NodeEnum::ColumnDef(_)
            | NodeEnum::TableLikeClause(_)
            | NodeEnum::IndexElem(_)
            | NodeEnum::DefElem(_)
            | NodeEnum::LockingClause(_)
            | NodeEnum::XmlSerialize(_)
            | NodeEnum::PartitionElem(_)
            | NodeEnum::PartitionSpec(_)
            | NodeEnum::PartitionBoundSpec(_)
            | NodeEnum::PartitionRangeDatum(_)
            | NodeEnum::PartitionCmd(_)
            | NodeEnum::RangeTblEntry(_)
            | NodeEnum::RtepermissionInfo(_)
            | NodeEnum::RangeTblFunction(_)
            | NodeEnum::TableSampleClause(_)
            | NodeEnum::WithCheckOption(_)
            | NodeEnum::SortGroupClause(_)
            | NodeEnum::GroupingSet(_)
            | NodeEnum::WindowClause(_)
            | NodeEnum::RowMarkClause(_)
            | NodeEnum::WithClause(_)
            | NodeEnum::InferClause(_)
            | NodeEnum::OnConflictClause(_)
            | NodeEnum::CtesearchClause(_)
            | NodeEnum::CtecycleClause(_)
            | NodeEnum::CommonTableExpr(_)
            | NodeEnum::MergeWhenClause(_)
            | NodeEnum::ReturningOption(_)
            | NodeEnum::ReturningClause(_)
            | NodeEnum::TriggerTransition(_)
            | NodeEnum::JsonOutput(_)
            | NodeEnum::JsonArgument(_)
            | NodeEnum::JsonFuncExpr(_)
            | NodeEnum::JsonTablePathSpec(_)
            | NodeEnum::JsonTable(_)
            | NodeEnum::JsonTableColumn(_)
            | NodeEnum::JsonKeyValue(_)
            | NodeEnum::JsonParseExpr(_)
            | NodeEnum::JsonScalarExpr(_)
            | NodeEnum::JsonSerializeExpr(_)
            | NodeEnum::JsonObjectConstructor(_)
            | NodeEnum::JsonArrayConstructor(_)
            | NodeEnum::JsonArrayQueryConstructor(_)
            | NodeEnum::JsonAggConstructor(_)
            | NodeEnum::JsonObjectAgg(_)
            | NodeEnum::JsonArrayAgg(_)
            | NodeEnum::RawStmt(_)
            | NodeEnum::SetOperationStmt(_)
            | NodeEnum::ReturnStmt(_)
            | NodeEnum::PlassignStmt(_)
            | NodeEnum::AlterTableCmd(_)
            | NodeEnum::AtalterConstraint(_)
            | NodeEnum::ReplicaIdentityStmt(_)
            | NodeEnum::ObjectWithArgs(_)
            | NodeEnum::AccessPriv(_)
            | NodeEnum::Constraint(_)
            | NodeEnum::CreateOpClassItem(_)
            | NodeEnum::StatsElem(_)
            | NodeEnum::FunctionParameter(_)
            | NodeEnum::InlineCodeBlock(_)
            | NodeEnum::CallContext(_)
            | NodeEnum::VacuumRelation(_)
            | NodeEnum::PublicationTable(_)
            | NodeEnum::PublicationObjSpec(_)
            | NodeEnum::Integer(_)
            | NodeEnum::Float(_)
            | NodeEnum::Boolean(_)
            | NodeEnum::String(_)
            | NodeEnum::BitString(_)
            | NodeEnum::List(_)
            | NodeEnum::IntList(_)
            | NodeEnum::OidList(_)
            | NodeEnum::AConst(_) => {
                let kind = statement_kind(node);
                self.unsupported(stmt, &format!("a bare {kind} node"));
            }
        }
    }

    /// The elements of `CREATE SCHEMA name [AUTHORIZATION owner] CREATE ...`, as the server
    /// runs them: sequences first, then tables, views, indexes, triggers and grants, each
    /// created in the new schema (a name qualified with another schema is refused), with the
    /// new schema first on the search path, and by its owner when AUTHORIZATION names one.
    fn schema_elements(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        schema: &str,
        owner: Option<String>,
        elements: &[pg_query::protobuf::Node],
    ) {
        let mut nodes: Vec<(u8, NodeEnum)> = Vec::new();
        for e in elements {
            let Some(mut node) = e.node.clone() else {
                continue;
            };
            let Some((rank, rv)) = schema_element(&mut node) else {
                let kind = statement_kind(&node);
                self.unsupported(stmt, &format!("a {kind} in CREATE SCHEMA"));
                continue;
            };
            if let Some(rv) = rv {
                if rv.schemaname.is_empty() {
                    rv.schemaname = schema.to_string();
                } else if rv.schemaname != schema {
                    self.reject(
                        stmt,
                        format!(
                            "CREATE specifies a schema ({}) different from the one being created ({schema})",
                            rv.schemaname
                        ),
                    );
                    return;
                }
            }
            nodes.push((rank, node));
        }
        nodes.sort_by_key(|(rank, _)| *rank);
        let path = std::mem::take(&mut self.search_path);
        self.search_path = std::iter::once(schema.to_string())
            .chain(path.iter().filter(|p| *p != schema).cloned())
            .collect();
        let role = match owner {
            Some(o) => self.set_role.replace(o),
            None => self.set_role.clone(),
        };
        for (_, node) in nodes {
            let element = Stmt {
                file: stmt.file.clone(),
                span: stmt.span.clone(),
                node: std::sync::Arc::new(node),
                body: None,
            };
            self.apply(pos, &element);
        }
        self.set_role = role;
        self.search_path = path;
    }

    /// `SET search_path = ...` and `SET TIME ZONE` (which the text of a timestamp with time
    /// zone is read in); other settings do not shape the schema.
    fn set(&mut self, s: &pg_query::protobuf::VariableSetStmt) {
        use pg_query::protobuf::VariableSetKind as K;
        let kind = K::try_from(s.kind).unwrap_or(K::Undefined);
        if s.name == "timezone" || kind == K::VarResetAll {
            self.utc = match kind {
                K::VarSetValue => match s.args.as_slice() {
                    [v] => node_string(v).is_some_and(|z| is_utc(&z)),
                    _ => false,
                },
                K::VarSetDefault | K::VarReset | K::VarResetAll => true,
                K::Undefined | K::VarSetCurrent | K::VarSetMulti => false,
            };
        }
        if s.name == "default_table_access_method" || kind == K::VarResetAll {
            self.default_access_method = match (kind, s.args.as_slice()) {
                (K::VarSetValue, [v]) => node_string(v).filter(|am| am != "heap"),
                _ => None,
            };
        }
        self.note_setting(&s.name, s.kind, &s.args);
        if s.name == "search_path" {
            self.search_path = s.args.iter().filter_map(node_string).collect();
            if self.search_path.is_empty() {
                self.search_path = default_path();
            }
        }
    }

    /// `SELECT pg_catalog.set_config('search_path', '...', false)`.
    fn select(&mut self, s: &pg_query::protobuf::SelectStmt) {
        for t in &s.target_list {
            let Some(NodeEnum::ResTarget(rt)) = &t.node else {
                continue;
            };
            let Some(NodeEnum::FuncCall(f)) = rt.val.as_ref().and_then(|v| v.node.as_ref()) else {
                continue;
            };
            let name = f.funcname.last().and_then(node_string);
            if name.as_deref() != Some("set_config") {
                continue;
            }
            let args: Vec<Option<String>> = f.args.iter().map(node_string).collect();
            if let [Some(var), Some(value), ..] = args.as_slice() {
                if var.eq_ignore_ascii_case("timezone") {
                    self.utc = is_utc(value);
                }
                self.note_setting_text(var, value);
                if var == "search_path" {
                    self.search_path = value
                        .split(',')
                        .map(|p| p.trim().trim_matches('"').to_string())
                        .filter(|p| !p.is_empty())
                        .collect();
                }
            }
        }
    }
}

/// The statement kind as a readable name, e.g. `CreateFdwStmt` -> `CREATE FDW statement`.
pub(crate) fn statement_kind(node: &NodeEnum) -> String {
    let dbg = format!("{node:?}");
    let name = dbg.split('(').next().unwrap_or("statement");
    let mut words = String::new();
    for (i, ch) in name.trim_end_matches("Stmt").chars().enumerate() {
        if ch.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.push(ch.to_ascii_uppercase());
    }
    format!("{words} statement")
}

/// A `String` node (an option's value, a name part) holding `s`.
pub(crate) fn string_node(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(pg_query::protobuf::String {
            sval: s.to_string(),
        })),
    }
}

/// The string value of a String / A_Const string / identifier node.
// A projection: a node of any other kind holds no string.
#[allow(clippy::wildcard_enum_match_arm)]
pub(crate) fn node_string(n: &Node) -> Option<String> {
    match n.node.as_ref()? {
        NodeEnum::String(s) => Some(s.sval.clone()),
        NodeEnum::AConst(c) => match c.val.as_ref()? {
            a_const::Val::Sval(s) => Some(s.sval.clone()),
            a_const::Val::Ival(i) => Some(i.ival.to_string()),
            a_const::Val::Fval(f) => Some(f.fval.clone()),
            a_const::Val::Boolval(b) => Some(b.boolval.to_string()),
            a_const::Val::Bsval(b) => Some(b.bsval.clone()),
        },
        NodeEnum::Integer(i) => Some(i.ival.to_string()),
        NodeEnum::Float(f) => Some(f.fval.clone()),
        NodeEnum::Boolean(b) => Some(b.boolval.to_string()),
        NodeEnum::TypeName(t) => t.names.last().and_then(node_string),
        _ => None,
    }
}

pub(crate) fn def_string(arg: Option<&Node>) -> Option<String> {
    arg.and_then(node_string)
}

/// A list of String nodes as plain strings.
pub(crate) fn name_list(nodes: &[Node]) -> Vec<String> {
    nodes.iter().filter_map(node_string).collect()
}

/// A schema element's place in the order the server creates them, and the name it creates
/// (the table of an index or trigger), which takes the new schema; `None` for a statement
/// that is not an element.
// The grammar allows these kinds only.
#[allow(clippy::wildcard_enum_match_arm)]
fn schema_element(node: &mut NodeEnum) -> Option<(u8, Option<&mut pg_query::protobuf::RangeVar>)> {
    match node {
        NodeEnum::CreateSeqStmt(s) => Some((0, s.sequence.as_mut())),
        NodeEnum::CreateStmt(s) => Some((1, s.relation.as_mut())),
        NodeEnum::ViewStmt(s) => Some((2, s.view.as_mut())),
        NodeEnum::IndexStmt(s) => Some((3, s.relation.as_mut())),
        NodeEnum::CreateTrigStmt(s) => Some((4, s.relation.as_mut())),
        NodeEnum::GrantStmt(_) => Some((5, None)),
        _ => None,
    }
}
