//! Foreign data: foreign-data wrappers, servers, user mappings (generic objects, kept as
//! canonical CREATE text) and foreign tables (tables with a `ForeignTable` part: they have
//! columns, constraints, parents and partitions like any table). CREATE, ALTER, DROP USER
//! MAPPING and `OPTIONS (ADD | SET | DROP ...)` everywhere.

use pg_query::protobuf::{self, Node, RoleSpec, RoleSpecType};
use pg_query::NodeEnum;

use super::{name_list, Replay};
use crate::catalog::model::*;
use crate::catalog::options;
use crate::catalog::resolve::Resolver;
use crate::emit::quote;
use crate::syntax::Stmt;

/// The user of a user mapping as the catalog keys it: a role name, `public`, or
/// `CURRENT_USER` (who that is is only known when the statement runs; pg_dump writes the
/// role's name).
pub(super) fn mapping_user(r: Option<&RoleSpec>) -> String {
    let Some(r) = r else { return "public".into() };
    match RoleSpecType::try_from(r.roletype) {
        Ok(RoleSpecType::RolespecCstring) => r.rolename.clone(),
        Ok(RoleSpecType::RolespecPublic) | Ok(RoleSpecType::Undefined) | Err(_) => "public".into(),
        Ok(
            RoleSpecType::RolespecCurrentRole
            | RoleSpecType::RolespecCurrentUser
            | RoleSpecType::RolespecSessionUser,
        ) => "CURRENT_USER".into(),
    }
}

/// The user of a user mapping as SQL.
pub(crate) fn mapping_user_sql(user: &str) -> String {
    match user {
        "public" => "PUBLIC".into(),
        "CURRENT_USER" => "CURRENT_USER".into(),
        u => quote::ident(u),
    }
}

/// Key of the user mapping of `user` on `server`.
pub(super) fn mapping_key(user: &str, server: &str) -> ObjKey {
    ObjKey {
        kind: ObjKind::UserMapping,
        schema: String::new(),
        name: server.to_string(),
        sub: user.to_string(),
    }
}

/// A function name as the catalog writes it: user and extension functions qualified,
/// builtins bare.
pub(super) fn function_name(names: &[Node], r: &Resolver) -> Vec<Node> {
    let parts = name_list(names);
    let out: Vec<String> = match parts.as_slice() {
        [s, n] if s == "pg_catalog" => vec![n.clone()],
        [n] => match r.function_schema(n) {
            Some(s) => vec![s, n.clone()],
            None => vec![n.clone()],
        },
        _ => parts,
    };
    out.iter()
        .map(|s| Node {
            node: Some(NodeEnum::String(protobuf::String { sval: s.clone() })),
        })
        .collect()
}

/// Canonical `HANDLER` / `VALIDATOR` of a foreign-data wrapper: each once (a later mention
/// wins), `NO HANDLER` / `NO VALIDATOR` left out, handler first, names qualified.
pub(super) fn canonical_fdw_functions(items: &mut Vec<Node>, r: &Resolver) {
    let mut handler = None;
    let mut validator = None;
    for item in std::mem::take(items) {
        let Some(NodeEnum::DefElem(mut d)) = item.node else {
            continue;
        };
        if let Some(NodeEnum::List(l)) = d.arg.as_deref_mut().and_then(|a| a.node.as_mut()) {
            l.items = function_name(&l.items, r);
        }
        d.location = 0;
        let slot = if d.defname == "handler" {
            &mut handler
        } else {
            &mut validator
        };
        *slot = d.arg.is_some().then_some(Node {
            node: Some(NodeEnum::DefElem(d)),
        });
    }
    items.extend(handler);
    items.extend(validator);
}

/// Canonical form of the foreign-data statements kept as generic objects.
#[allow(clippy::wildcard_enum_match_arm)]
pub(super) fn canonicalize(node: &mut NodeEnum, r: &Resolver) {
    match node {
        NodeEnum::CreateFdwStmt(f) => {
            canonical_fdw_functions(&mut f.func_options, r);
            options::canonical(&mut f.options);
        }
        NodeEnum::CreateForeignServerStmt(s) => {
            s.if_not_exists = false;
            options::canonical(&mut s.options);
        }
        NodeEnum::CreateUserMappingStmt(u) => {
            u.if_not_exists = false;
            if let Some(role) = u.user.as_mut() {
                role.location = 0;
            }
            options::canonical(&mut u.options);
        }
        // Other kinds are canonicalized elsewhere.
        _ => {}
    }
}

/// Edits a generic option list in a parse tree. Items the server would reject (ADD of an
/// existing name, DROP of a missing one) are applied as far as they go: the input is a dump
/// the server accepted.
fn edit_options(list: &mut Vec<Node>, items: &[Node]) -> Result<(), String> {
    let (mut map, _) = options::from_nodes(list);
    let _ = options::apply(&mut map, items);
    *list = options::to_nodes(&map);
    Ok(())
}

impl Replay {
    /// `CREATE FOREIGN TABLE`: a table (columns, constraints, INHERITS, PARTITION OF) with a
    /// server, options and per-column options.
    pub(super) fn create_foreign_table(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        s: &protobuf::CreateForeignTableStmt,
    ) {
        let Some(base) = &s.base_stmt else { return };
        let Some(rv) = &base.relation else { return };
        let name = self.create_name(&rv.schemaname, &rv.relname);
        let existed = self.catalog.tables.contains_key(&name);
        self.create_table(pos, stmt, base);
        if existed {
            return;
        }
        let (opts, problem) = options::from_nodes(&s.options);
        if let Err(e) = problem {
            self.warn(stmt, e);
        }
        let mut problems = Vec::new();
        if let Some(t) = self.catalog.tables.get_mut(&name) {
            t.foreign = Some(ForeignTable {
                server: s.servername.clone(),
                options: opts,
            });
            for elt in &base.table_elts {
                if let Some(NodeEnum::ColumnDef(cd)) = &elt.node {
                    if let Some(col) = t.column_mut(&cd.colname) {
                        let (o, p) = options::from_nodes(&cd.fdwoptions);
                        col.fdw_options = o;
                        problems.extend(p.err());
                    }
                }
            }
        }
        for p in problems {
            self.warn(stmt, p);
        }
    }

    /// `ALTER FOREIGN TABLE t OPTIONS (...)`.
    pub(super) fn alter_table_options(
        &mut self,
        stmt: &Stmt,
        table: &QualName,
        def: Option<&NodeEnum>,
    ) {
        let items = match def {
            Some(NodeEnum::List(l)) => l.items.clone(),
            _ => Vec::new(),
        };
        let result = match self
            .catalog
            .tables
            .get_mut(table)
            .and_then(|t| t.foreign.as_mut())
        {
            Some(f) => options::apply(&mut f.options, &items),
            None => Err(format!("{} is not a foreign table", table.sql())),
        };
        if let Err(e) = result {
            self.warn(stmt, e);
        }
    }

    /// `ALTER FOREIGN TABLE t ALTER COLUMN c OPTIONS (...)`.
    pub(super) fn alter_column_options(
        &mut self,
        stmt: &Stmt,
        table: &QualName,
        column: &str,
        def: Option<&NodeEnum>,
    ) {
        let items = match def {
            Some(NodeEnum::List(l)) => l.items.clone(),
            _ => Vec::new(),
        };
        let result = match self
            .catalog
            .tables
            .get_mut(table)
            .and_then(|t| t.column_mut(column))
        {
            Some(c) => options::apply(&mut c.fdw_options, &items),
            None => Err(format!("column {column} of {} does not exist", table.sql())),
        };
        if let Err(e) = result {
            self.warn(stmt, e);
        }
    }

    /// `ALTER FOREIGN DATA WRAPPER w [HANDLER f | NO HANDLER] [VALIDATOR f | NO VALIDATOR]
    /// [OPTIONS (...)]`.
    pub(super) fn alter_fdw(&mut self, stmt: &Stmt, s: &protobuf::AlterFdwStmt) {
        let key = ObjKey {
            kind: ObjKind::ForeignDataWrapper,
            schema: String::new(),
            name: s.fdwname.clone(),
            sub: String::new(),
        };
        let (funcs, opts) = (s.func_options.clone(), s.options.clone());
        self.edit_object(stmt, &key, |node, _| {
            let NodeEnum::CreateFdwStmt(f) = node else {
                return Err("ALTER FOREIGN DATA WRAPPER on something else".into());
            };
            // A later item of the same name wins when the list is made canonical.
            f.func_options.extend(funcs);
            edit_options(&mut f.options, &opts)
        });
    }

    /// `ALTER SERVER s [VERSION 'v' | VERSION NULL] [OPTIONS (...)]`.
    pub(super) fn alter_server(&mut self, stmt: &Stmt, s: &protobuf::AlterForeignServerStmt) {
        let key = ObjKey {
            kind: ObjKind::Server,
            schema: String::new(),
            name: s.servername.clone(),
            sub: String::new(),
        };
        let (has_version, version, opts) = (s.has_version, s.version.clone(), s.options.clone());
        self.edit_object(stmt, &key, |node, _| {
            let NodeEnum::CreateForeignServerStmt(f) = node else {
                return Err("ALTER SERVER on something else".into());
            };
            if has_version {
                f.version = version;
            }
            edit_options(&mut f.options, &opts)
        });
    }

    /// `ALTER USER MAPPING FOR u SERVER s OPTIONS (...)`.
    pub(super) fn alter_user_mapping(&mut self, stmt: &Stmt, s: &protobuf::AlterUserMappingStmt) {
        let key = mapping_key(&mapping_user(s.user.as_ref()), &s.servername);
        let opts = s.options.clone();
        self.edit_object(stmt, &key, |node, _| {
            let NodeEnum::CreateUserMappingStmt(u) = node else {
                return Err("ALTER USER MAPPING on something else".into());
            };
            edit_options(&mut u.options, &opts)
        });
    }

    /// `DROP USER MAPPING [IF EXISTS] FOR u SERVER s`.
    pub(super) fn drop_user_mapping(&mut self, stmt: &Stmt, s: &protobuf::DropUserMappingStmt) {
        let user = mapping_user(s.user.as_ref());
        let key = mapping_key(&user, &s.servername);
        match self.catalog.objects.remove(&key) {
            Some(o) => {
                self.catalog.forget_notes(&o.target);
            }
            None if s.missing_ok => {}
            None => self.warn(
                stmt,
                format!(
                    "user mapping for {} on server {} does not exist",
                    mapping_user_sql(&user),
                    quote::ident(&s.servername)
                ),
            ),
        }
    }
}
