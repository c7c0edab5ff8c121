//! CREATE TABLE, ALTER TABLE, CREATE INDEX and renames of relations.

use pg_query::protobuf::{
    self, AlterTableCmd, AlterTableStmt, AlterTableType, ConstrType, CreateStmt, IndexStmt, Node,
};
use pg_query::NodeEnum;

use super::{comment, name_list, names, node_string, Replay};
use crate::catalog::expr::{self, deparse_stmt};
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::catalog::types::type_sql;
use crate::emit::quote;
use crate::syntax::Stmt;

impl Replay {
    pub(super) fn create_table(&mut self, pos: Pos, stmt: &Stmt, s: &CreateStmt) {
        let Some(rv) = &s.relation else { return };
        let name = self.create_name(&rv.schemaname, &rv.relname);
        if rv.relpersistence == "t" {
            self.unsupported(stmt, "CREATE TEMPORARY TABLE");
            return;
        }
        if self.catalog.tables.contains_key(&name)
            || (self.resolver().relation_exists(&name) && !s.if_not_exists)
        {
            if !s.if_not_exists {
                self.reject(stmt, format!("relation {} already exists", name.sql()));
            }
            return;
        }
        let access = self.new_access(Some(DefaultAclKind::Tables), Some(&name.schema));
        let mut t = Table {
            pos,
            unlogged: rv.relpersistence == "u",
            replica_identity: "DEFAULT".into(),
            access,
            ..Default::default()
        };
        // A typed table's columns are its type's attributes; its elements only add options
        // to them (`col WITH OPTIONS ...`) and constraints.
        if let Some(tn) = &s.of_typename {
            let Some((ty, attributes)) = self.composite_for_table(stmt, tn) else {
                return;
            };
            t.columns = attributes.iter().map(Attribute::column).collect();
            t.of_type = Some(ty);
        }
        let mut with_options: Vec<String> = Vec::new();
        // Without USING, the session's default (a partitioned table has none).
        let am = if s.access_method.is_empty() && s.partspec.is_none() {
            self.default_access_method.clone()
        } else {
            Some(s.access_method.clone())
        };
        t.access_method = am.filter(|am| !am.is_empty() && am != "heap");
        // `WITH (OIDS=FALSE)` is accepted and means nothing since PostgreSQL 12.
        t.options = reloptions(&s.options)
            .into_iter()
            .filter(|o| o != "oids=false")
            .collect();
        let parents: Vec<QualName> = s
            .inh_relations
            .iter()
            .filter_map(|n| match &n.node {
                Some(NodeEnum::RangeVar(p)) => {
                    Some(self.resolver().relation(&p.schemaname, &p.relname))
                }
                _ => None,
            })
            .collect();
        // Each parent must exist (the table itself does not yet); one an extension may
        // hold is left out, with a warning.
        let mut parents = parents;
        for p in parents.clone() {
            if self.catalog.tables.contains_key(&p) {
                continue;
            }
            let msg = format!("relation {} does not exist", p.sql());
            if p == name {
                self.reject(stmt, msg);
                return;
            }
            if self.maybe_missing(stmt, &p, msg) {
                return;
            }
            parents.retain(|x| *x != p);
        }
        // Inherited columns come first, in parent order; one that several parents have is
        // merged into one column (inherited from each), of one type.
        for p in &parents {
            if let Some(parent) = self.catalog.tables.get(p) {
                for c in &parent.columns {
                    match t.column(&c.name) {
                        None => {
                            // What the server copies: not the statistics target or
                            // the attribute options (n_distinct, ...).
                            let mut ic = c.clone();
                            ic.inherited = true;
                            ic.identity = None;
                            ic.fdw_options.clear();
                            ic.statistics = None;
                            ic.options.clear();
                            t.columns.push(ic);
                        }
                        Some(merged) if merged.type_sql != c.type_sql => {
                            let msg =
                                format!("inherited column {} has a type conflict", named(&c.name));
                            self.reject(stmt, msg);
                            return;
                        }
                        Some(_) => {}
                    }
                }
                // A partition's constraints come from `inherit_partition` below.
                for (n, c) in parent.constraints.iter().filter(|_| s.partbound.is_none()) {
                    if c.kind == ConstraintKind::Check && !c.def.contains("NO INHERIT") {
                        let mut ic = c.clone();
                        ic.inherited = true;
                        t.constraints.insert(n.clone(), ic);
                    }
                }
            }
        }
        if let Some(bound) = &s.partbound {
            let parent = parents
                .first()
                .cloned()
                .unwrap_or_else(|| QualName::new("", ""));
            let bound = self.partition_bound_sql(&parent, bound);
            t.partition_of = Some((parent, bound));
        } else {
            t.inherits = parents;
        }
        if let Some(spec) = &s.partspec {
            t.partition_by = Some(partition_spec_sql(spec, &self.resolver()));
            t.partition_deps = expr::references(
                &Node {
                    node: Some(NodeEnum::PartitionSpec(spec.clone())),
                },
                &self.resolver(),
            );
            t.partition_key = spec
                .part_params
                .iter()
                .map(|p| match &p.node {
                    Some(NodeEnum::PartitionElem(e)) if !e.name.is_empty() => Some(e.name.clone()),
                    Some(_) | None => None,
                })
                .collect();
        }
        let mut pending: Vec<(Option<String>, protobuf::Constraint)> = Vec::new();
        // LIKE clauses whose indexes and comments come once the table exists.
        let mut likes: Vec<(QualName, u32)> = Vec::new();
        for elt in &s.table_elts {
            match &elt.node {
                Some(NodeEnum::ColumnDef(cd)) if t.of_type.is_some() => {
                    let Some(i) = t.columns.iter().position(|c| c.name == cd.colname) else {
                        self.reject(
                            stmt,
                            format!("column {} does not exist", named(&cd.colname)),
                        );
                        return;
                    };
                    if with_options.contains(&cd.colname) {
                        self.reject(
                            stmt,
                            format!("column {} specified more than once", named(&cd.colname)),
                        );
                        return;
                    }
                    with_options.push(cd.colname.clone());
                    let of_type = t.columns.get(i).cloned();
                    let (col, cons) =
                        self.column_def(pos, stmt, &name, cd, of_type.as_ref(), t.unlogged);
                    if let Some(c) = t.columns.get_mut(i) {
                        *c = col;
                    }
                    pending.extend(cons.into_iter().map(|c| (Some(cd.colname.clone()), c)));
                }
                Some(NodeEnum::ColumnDef(cd)) => {
                    let inherited = t
                        .columns
                        .iter()
                        .find(|c| c.name == cd.colname && c.inherited)
                        .cloned();
                    let (col, cons) =
                        self.column_def(pos, stmt, &name, cd, inherited.as_ref(), t.unlogged);
                    match t.columns.iter_mut().find(|c| c.name == col.name) {
                        Some(existing) if !existing.inherited => {
                            self.reject(
                                stmt,
                                format!("column {} specified more than once", named(&col.name)),
                            );
                        }
                        Some(existing) => {
                            // A local definition of an inherited column merges into it (a
                            // partition's columns are never its own).
                            existing.inherited = s.partbound.is_some();
                            existing.not_null |= col.not_null;
                            if col.default.is_some() {
                                existing.default = col.default;
                            }
                        }
                        None => t.columns.push(col),
                    }
                    pending.extend(cons.into_iter().map(|c| (Some(cd.colname.clone()), c)));
                }
                Some(NodeEnum::Constraint(c)) => pending.push((None, (**c).clone())),
                Some(NodeEnum::TableLikeClause(like)) => {
                    if !self.like(pos, stmt, &name, &mut t, like, &mut likes) {
                        return;
                    }
                }
                _ => self.unsupported(stmt, "this CREATE TABLE element"),
            }
        }
        for n in t.constraints.keys() {
            self.on_table.note_constraint(&name, n);
        }
        let parent = t.partition_of.as_ref().map(|(p, _)| p.clone());
        self.catalog.tables.insert(name.clone(), t);
        self.settle_generated(&name, &s.table_elts);
        if let Some(parent) = parent {
            self.children = None;
            if self
                .catalog
                .tables
                .get(&parent)
                .is_some_and(|p| p.partition_by.is_some())
            {
                self.inherit_partition(stmt, pos, &parent, &name, false);
            } else {
                self.reject(stmt, format!("{} is not partitioned", named(&parent.name)));
            }
        }
        // The server makes checks with the table, then the key indexes, then foreign keys:
        // unnamed ones are named in that order, and a foreign key finds the key it rests on.
        pending.sort_by_key(|(_, c)| match ConstrType::try_from(c.contype) {
            Ok(
                ConstrType::ConstrPrimary | ConstrType::ConstrUnique | ConstrType::ConstrExclusion,
            ) => 1,
            Ok(ConstrType::ConstrForeign) => 2,
            Ok(_) | Err(_) => 0,
        });
        drop_redundant_keys(&mut pending);
        for (col, c) in pending {
            self.add_constraint(pos, stmt, &name, c, col.as_deref());
        }
        for (source, options) in likes {
            self.like_copies(pos, stmt, &name, &source, options);
        }
    }

    /// The generation expressions of a table just created, settled over all its columns.
    fn settle_generated(&mut self, table: &QualName, elts: &[Node]) {
        let r = self.resolver();
        let scope = crate::catalog::typing::Scope::table(&r, table);
        let mut settled = Vec::new();
        for elt in elts {
            let Some(NodeEnum::ColumnDef(cd)) = &elt.node else {
                continue;
            };
            for c in &cd.constraints {
                if let Some(NodeEnum::Constraint(c)) = &c.node {
                    if c.contype == ConstrType::ConstrGenerated as i32 {
                        if let Some(e) = &c.raw_expr {
                            settled
                                .push((cd.colname.clone(), expr::expr_sql_in(e, &r, Some(&scope))));
                        }
                    }
                }
            }
        }
        let Some(t) = self.catalog.tables.get_mut(table) else {
            return;
        };
        for (column, sql) in settled {
            if let Some(col) = t.column_mut(&column) {
                col.generated = Some(sql);
            }
        }
    }

    /// The qualified name a CREATE of `schema.name` makes.
    pub(super) fn create_name(&self, schema: &str, name: &str) -> QualName {
        if schema.is_empty() {
            QualName::new(self.resolver().creation_schema(), name)
        } else {
            QualName::new(schema, name)
        }
    }

    /// The composite type a typed table is `OF`, with its attributes; `None` (reported) when
    /// it is missing or not composite.
    fn composite_for_table(
        &mut self,
        stmt: &Stmt,
        tn: &protobuf::TypeName,
    ) -> Option<(QualName, Vec<Attribute>)> {
        let q = super::generic::type_qualname(&tn.names, &self.resolver());
        let key = ObjKey {
            kind: ObjKind::Type,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        };
        match self.catalog.objects.get(&key).map(|o| o.attributes.clone()) {
            Some(Some(attributes)) => Some((q, attributes)),
            Some(None) => {
                self.reject(stmt, format!("type {} is not a composite type", q.sql()));
                None
            }
            None => {
                self.missing(stmt, &q, format!("type {} does not exist", q.sql()));
                None
            }
        }
    }

    /// A column and the constraints written on it (other than NOT NULL / DEFAULT / identity).
    /// `serial` types make an owned sequence and a `nextval` default, as the server does.
    /// A definition without a type (`col WITH OPTIONS ...` of a typed table or a partition)
    /// adds its options to column `known`, which the table has already.
    fn column_def(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        table: &QualName,
        cd: &protobuf::ColumnDef,
        known: Option<&Column>,
        unlogged: bool,
    ) -> (Column, Vec<protobuf::Constraint>) {
        let serial = cd.type_name.as_ref().and_then(serial_type);
        let (serial_default, serial_deps) = match serial {
            Some(int) => self.serial_sequence(pos, table, &cd.colname, int, unlogged),
            None => (String::new(), Vec::new()),
        };
        let r = self.resolver();
        let untyped = known.filter(|_| cd.type_name.is_none());
        let ty = match (serial, untyped) {
            (Some(int), _) => int.to_string(),
            (None, Some(k)) => k.type_sql.clone(),
            (None, None) => cd
                .type_name
                .as_ref()
                .map(|t| type_sql(t, &r))
                .unwrap_or_default(),
        };
        let mut col = match untyped {
            Some(k) => k.clone(),
            None => Column::new(cd.colname.clone(), ty),
        };
        col.not_null |= cd.is_not_null || serial.is_some();
        if serial.is_some() {
            col.default = Some((serial_default, pos));
            col.default_deps = serial_deps;
        }
        if let Some(c) = &cd.coll_clause {
            col.collation = Some(collation_sql(&c.collname, &r));
        }
        if !cd.compression.is_empty() {
            col.compression = Some(cd.compression.clone());
        }
        if let Some(d) = &cd.raw_default {
            (col.default, col.default_deps) = column_default(d, &col.type_sql, &r, pos);
        }
        let mut others = Vec::new();
        let mut unmodelled = false;
        for c in &cd.constraints {
            let Some(NodeEnum::Constraint(c)) = &c.node else {
                continue;
            };
            match ConstrType::try_from(c.contype).unwrap_or(ConstrType::Undefined) {
                ConstrType::ConstrNotnull => col.not_null = true,
                ConstrType::ConstrNull => col.not_null = false,
                ConstrType::ConstrDefault => {
                    if let Some(e) = &c.raw_expr {
                        (col.default, col.default_deps) = column_default(e, &col.type_sql, &r, pos);
                    }
                }
                ConstrType::ConstrIdentity => {
                    col.not_null = true;
                    col.identity = Some(identity_from(table, &cd.colname, c, pos));
                }
                ConstrType::ConstrGenerated => {
                    // Over the table's columns (those it has, when it is being created: the
                    // expression is settled again once it has them all, `settle_generated`).
                    let scope = crate::catalog::typing::Scope::table(&r, table);
                    col.generated = c
                        .raw_expr
                        .as_ref()
                        .map(|e| expr::expr_sql_in(e, &r, Some(&scope)));
                    col.generated_deps = c
                        .raw_expr
                        .as_ref()
                        .map(|e| expr::references_in(e, &r, &scope))
                        .unwrap_or_default();
                    col.generated_reads =
                        c.raw_expr.as_deref().map(column_refs).unwrap_or_default();
                }
                ConstrType::ConstrCheck
                | ConstrType::ConstrPrimary
                | ConstrType::ConstrUnique
                | ConstrType::ConstrExclusion
                | ConstrType::ConstrForeign => others.push((**c).clone()),
                ConstrType::ConstrAttrDeferrable
                | ConstrType::ConstrAttrNotDeferrable
                | ConstrType::ConstrAttrDeferred
                | ConstrType::ConstrAttrImmediate
                | ConstrType::ConstrAttrEnforced
                | ConstrType::ConstrAttrNotEnforced => {
                    if let Some(prev) = others.last_mut() {
                        unmodelled |= !apply_attr(prev, c.contype);
                    }
                }
                ConstrType::Undefined => {}
            }
        }
        self.stored.note(&col.type_sql);
        if unmodelled {
            self.unsupported(stmt, "NOT ENFORCED on a column constraint");
        }
        (col, others)
    }

    /// Adds a table constraint (naming it as PostgreSQL would when unnamed).
    pub(super) fn add_constraint(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        table: &QualName,
        mut c: protobuf::Constraint,
        column: Option<&str>,
    ) {
        let kind = match ConstrType::try_from(c.contype).unwrap_or(ConstrType::Undefined) {
            ConstrType::ConstrPrimary => ConstraintKind::PrimaryKey,
            ConstrType::ConstrUnique => ConstraintKind::Unique,
            ConstrType::ConstrCheck => ConstraintKind::Check,
            ConstrType::ConstrExclusion => ConstraintKind::Exclude,
            ConstrType::ConstrForeign => ConstraintKind::ForeignKey,
            ConstrType::ConstrNotnull => {
                // ALTER TABLE ... ADD [CONSTRAINT x] NOT NULL col (PostgreSQL 18 syntax)
                for k in name_list(&c.keys) {
                    if let Some(col) = self
                        .catalog
                        .tables
                        .get_mut(table)
                        .and_then(|t| t.column_mut(&k))
                    {
                        col.not_null = true;
                    }
                }
                return;
            }
            ConstrType::Undefined
            | ConstrType::ConstrNull
            | ConstrType::ConstrDefault
            | ConstrType::ConstrIdentity
            | ConstrType::ConstrGenerated
            | ConstrType::ConstrAttrDeferrable
            | ConstrType::ConstrAttrNotDeferrable
            | ConstrType::ConstrAttrDeferred
            | ConstrType::ConstrAttrImmediate
            | ConstrType::ConstrAttrEnforced
            | ConstrType::ConstrAttrNotEnforced => {
                self.unsupported(stmt, "this table constraint");
                return;
            }
        };
        if let Some(col) = column {
            let key = Node {
                node: Some(NodeEnum::String(protobuf::String {
                    sval: col.to_string(),
                })),
            };
            match kind {
                ConstraintKind::PrimaryKey | ConstraintKind::Unique => c.keys = vec![key],
                ConstraintKind::ForeignKey => c.fk_attrs = vec![key],
                ConstraintKind::Check | ConstraintKind::Exclude => {}
            }
        }
        let mut columns = match kind {
            ConstraintKind::PrimaryKey | ConstraintKind::Unique => name_list(&c.keys),
            ConstraintKind::ForeignKey => name_list(&c.fk_attrs),
            ConstraintKind::Check | ConstraintKind::Exclude => {
                column.map(|c| vec![c.to_string()]).unwrap_or_default()
            }
        };
        let Some(t) = self.catalog.tables.get(table) else {
            self.missing(
                stmt,
                table,
                format!("relation {} does not exist", table.sql()),
            );
            return;
        };
        let references = {
            let r = self.resolver();
            c.pktable
                .as_ref()
                .map(|p| r.relation(&p.schemaname, &p.relname))
        };
        // What the server checks before it adds the constraint: its columns, and the table
        // and columns a foreign key references.
        if let Some(k) = columns.iter().find(|k| t.column(k).is_none()) {
            let msg = format!("column {} named in key does not exist", named(k));
            self.reject(stmt, msg);
            return;
        }
        if let Some(referenced) = &references {
            let Some(rt) = self.catalog.tables.get(referenced) else {
                self.missing(
                    stmt,
                    referenced,
                    format!("relation {} does not exist", referenced.sql()),
                );
                return;
            };
            if let Some(k) = name_list(&c.pk_attrs)
                .into_iter()
                .find(|k| rt.column(k).is_none())
            {
                self.reject(
                    stmt,
                    format!(
                        "column {} referenced in foreign key constraint does not exist",
                        named(&k)
                    ),
                );
                return;
            }
        }
        let name = if c.conname.is_empty() {
            self.choose_constraint_name(table, kind, &c, &columns)
        } else {
            c.conname.clone()
        };
        let r = self.resolver();
        if kind == ConstraintKind::ForeignKey && c.pk_attrs.is_empty() {
            // REFERENCES t means t's primary key.
            let pk = references
                .as_ref()
                .and_then(|q| self.catalog.tables.get(q))
                .and_then(|t| {
                    t.constraints
                        .values()
                        .find(|k| k.kind == ConstraintKind::PrimaryKey)
                });
            if let Some(pk) = pk {
                c.pk_attrs = pk
                    .columns
                    .iter()
                    .map(|col| Node {
                        node: Some(NodeEnum::String(protobuf::String { sval: col.clone() })),
                    })
                    .collect();
            }
        }
        let mut def = constraint_def(&c, &r, table);
        let mut deps = expr::references_in(
            &Node {
                node: Some(NodeEnum::Constraint(Box::new(c.clone()))),
            },
            &r,
            &crate::catalog::typing::Scope::table(&r, table),
        );
        if kind == ConstraintKind::Exclude {
            // Each element is a list: the index element, then its operator.
            let elems = c.exclusions.iter().filter_map(|x| match &x.node {
                Some(NodeEnum::List(l)) => match l.items.first().and_then(|i| i.node.as_ref()) {
                    Some(NodeEnum::IndexElem(e)) => Some(&**e),
                    _ => None,
                },
                _ => None,
            });
            deps.extend(self.default_opclasses(table, &c.access_method, elems));
        }
        if kind == ConstraintKind::PrimaryKey
            || kind == ConstraintKind::Unique
            || kind == ConstraintKind::Exclude
        {
            // USING INDEX adopts an existing index under the constraint's name.
            if !c.indexname.is_empty() {
                let idx = QualName::new(table.schema.clone(), c.indexname.clone());
                if let Some(i) = self.catalog.indexes.remove(&idx) {
                    def = index_as_constraint(kind, &i.def, &c);
                    if columns.is_empty() {
                        columns = i.columns.clone();
                    }
                }
            }
        }
        if self.refuse_second_primary_key(stmt, table, kind) {
            return;
        }
        // Found above, and nothing since removes a table.
        let Some(t) = self.catalog.tables.get(table) else {
            return;
        };
        match t.constraints.get(&name) {
            // A CHECK the table inherits merges with the same one written on it (a
            // partition's stays its parent's; an inheritance child's becomes its own).
            Some(k)
                if k.kind == ConstraintKind::Check
                    && kind == ConstraintKind::Check
                    && k.def == def
                    && k.inherited
                    && k.parent.is_some() =>
            {
                return
            }
            Some(k)
                if k.kind == ConstraintKind::Check
                    && kind == ConstraintKind::Check
                    && k.def == def
                    && k.inherited => {}
            Some(_) => {
                self.reject(
                    stmt,
                    format!(
                        "constraint {} for relation {} already exists",
                        named(&name),
                        named(&table.name)
                    ),
                );
                return;
            }
            None => {}
        }
        let con = Constraint {
            kind,
            def,
            columns,
            references,
            inherited: false,
            parent: None,
            deps,
            pos,
        };
        self.store_constraint(table, &name, con);
    }

    /// Whether `table`, which has a primary key, is refused a second one (`kind`), with the
    /// server's message.
    pub(super) fn refuse_second_primary_key(
        &mut self,
        stmt: &Stmt,
        table: &QualName,
        kind: ConstraintKind,
    ) -> bool {
        let has_one = self.catalog.tables.get(table).is_some_and(|t| {
            t.constraints
                .values()
                .any(|k| k.kind == ConstraintKind::PrimaryKey)
        });
        if kind != ConstraintKind::PrimaryKey || !has_one {
            return false;
        }
        self.reject(
            stmt,
            format!(
                "multiple primary keys for table {} are not allowed",
                named(&table.name)
            ),
        );
        true
    }

    /// What the server does once `column` of `table` has a new type (`ATPostAlterTypeCleanup`):
    /// the CHECK constraints and the indexes that read the column are made again from their
    /// definitions, parsed against the new type (`c IN ('a')` on a `varchar` column is stored
    /// as `(c)::text = ...`; once the column is `text`, the cast is gone). The column's default
    /// keeps its expression (the server only casts it, and a cast it adds is not printed).
    fn resettle_after_type_change(&mut self, table: &QualName, column: &str) {
        let checks: Vec<(String, String)> = self
            .catalog
            .tables
            .get(table)
            .map(|t| {
                t.constraints
                    .iter()
                    .filter(|(_, k)| k.kind == ConstraintKind::Check)
                    .map(|(n, k)| (n.clone(), k.def.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for (name, def) in checks {
            let Some(c) = stored_constraint(&def) else {
                continue;
            };
            if !c
                .raw_expr
                .as_deref()
                .is_some_and(|e| reads_column(e, column))
            {
                continue;
            }
            let r = self.resolver();
            let def = constraint_def(&c, &r, table);
            let deps = expr::references_in(
                &Node {
                    node: Some(NodeEnum::Constraint(Box::new(c))),
                },
                &r,
                &crate::catalog::typing::Scope::table(&r, table),
            );
            if let Some(k) = self
                .catalog
                .tables
                .get_mut(table)
                .and_then(|t| t.constraints.get_mut(&name))
            {
                k.def = def;
                k.deps = deps;
            }
        }
        for q in self.on_table.indexes(&self.catalog, table) {
            let Some(old) = self.catalog.indexes.get(&q) else {
                continue;
            };
            let Some(NodeEnum::IndexStmt(s)) = crate::catalog::alter::parse_one(&old.def) else {
                continue;
            };
            let reads = s
                .index_params
                .iter()
                .chain(&s.index_including_params)
                .chain(s.where_clause.as_deref())
                .any(|p| reads_column(p, column));
            if !reads {
                continue;
            }
            let Some(old) = self.catalog.indexes.remove(&q) else {
                continue;
            };
            self.store_index(old.pos, table, *s);
            if let Some(new) = self.catalog.indexes.get_mut(&q) {
                new.attached_to = old.attached_to;
                new.extensions = old.extensions;
                new.statistics = old.statistics;
            }
        }
    }

    /// Gives `table` constraint `c` named `name`: a primary key's columns become NOT NULL.
    pub(super) fn store_constraint(&mut self, table: &QualName, name: &str, c: Constraint) {
        let Some(t) = self.catalog.tables.get_mut(table) else {
            return;
        };
        if c.kind == ConstraintKind::PrimaryKey {
            for k in &c.columns {
                if let Some(col) = t.column_mut(k) {
                    col.not_null = true;
                }
            }
        }
        t.constraints.insert(name.to_string(), c);
        self.on_table.note_constraint(table, name);
    }

    pub(super) fn alter_table(&mut self, pos: Pos, stmt: &Stmt, s: &AlterTableStmt) {
        let Some(rv) = &s.relation else { return };
        let name = self.resolver().relation(&rv.schemaname, &rv.relname);
        let objtype =
            protobuf::ObjectType::try_from(s.objtype).unwrap_or(protobuf::ObjectType::Undefined);
        if objtype == protobuf::ObjectType::ObjectIndex {
            if self.catalog.indexes.contains_key(&name) {
                self.shaped(super::super::graph::Node::Index(name.clone()));
            }
            for cmd in &s.cmds {
                if let Some(NodeEnum::AlterTableCmd(c)) = &cmd.node {
                    self.alter_index_cmd(stmt, &name, c);
                }
            }
            return;
        }
        if objtype == protobuf::ObjectType::ObjectType {
            self.alter_composite(stmt, rv, &s.cmds);
            return;
        }
        // OWNER TO, whatever the relation is (pg_dump writes ALTER TABLE for sequences and views).
        for cmd in &s.cmds {
            if let Some(NodeEnum::AlterTableCmd(c)) = &cmd.node {
                // (A missing relation is reported below; an index follows its table.)
                if c.subtype == AlterTableType::AtChangeOwner as i32
                    && self.resolver().relation_exists(&name)
                    && !self.catalog.indexes.contains_key(&name)
                {
                    self.change_relation_owner(stmt, &name, c.newowner.as_ref());
                }
            }
        }
        // ALTER SEQUENCE ... OWNER TO (above) and SET [UN]LOGGED arrive here, and ALTER
        // TABLE naming a sequence (old pg_dump's OWNER TO), which the server takes as well.
        if objtype == protobuf::ObjectType::ObjectSequence
            || (!self.catalog.tables.contains_key(&name)
                && self.catalog.sequences.contains_key(&name))
        {
            self.alter_sequence_cmds(stmt, &name, s);
            return;
        }
        if !self.catalog.tables.contains_key(&name) {
            if self.resolver().relation_exists(&name) {
                self.alter_view(stmt, &name, &s.cmds);
                return;
            }
            if !s.missing_ok {
                self.missing(
                    stmt,
                    &name,
                    format!("relation {} does not exist", name.sql()),
                );
            }
            return;
        }
        for cmd in &s.cmds {
            if let Some(NodeEnum::AlterTableCmd(c)) = &cmd.node {
                let adds_constraint = c.subtype == AlterTableType::AtAddConstraint as i32;
                // A constraint and a default record their own statement; an owner is not
                // the table's shape.
                let own = [
                    AlterTableType::AtAddConstraint,
                    AlterTableType::AtColumnDefault,
                    AlterTableType::AtChangeOwner,
                ]
                .iter()
                .any(|t| c.subtype == *t as i32);
                if !own {
                    self.shaped(super::super::graph::Node::Table(name.clone()));
                }
                let before: Vec<String> = if adds_constraint && rv.inh {
                    self.catalog
                        .tables
                        .get(&name)
                        .map_or(Vec::new(), |t| t.constraints.keys().cloned().collect())
                } else {
                    Vec::new()
                };
                if let Some(msg) = self
                    .refused_on_hierarchy(&name, rv.inh, c)
                    .or_else(|| self.refused_on_typed(&name, c))
                    .or_else(|| self.refused_on_row_type(&name, rv.inh, c))
                    .or_else(|| self.refused_on_replica_identity(&name, c))
                    .or_else(|| self.refused_persistence(&name, c))
                {
                    self.reject(stmt, msg);
                    continue;
                }
                if let Some(subtype) = super::trigger::trigger_state_cmd(c) {
                    self.set_trigger_state(stmt, &name, subtype, &c.name, rv.inh);
                    continue;
                }
                self.alter_table_cmd(pos, stmt, &name, c);
                if rv.inh {
                    self.recurse_cmd(pos, stmt, &name, c, &before);
                } else if c.subtype == AlterTableType::AtDropColumn as i32 {
                    // `ALTER TABLE ONLY parent DROP COLUMN`: the children keep it as their own.
                    for child in self.children_of(&name) {
                        if let Some(col) = self
                            .catalog
                            .tables
                            .get_mut(&child)
                            .and_then(|t| t.column_mut(&c.name))
                        {
                            col.inherited = false;
                        }
                    }
                }
            }
        }
    }

    /// What the server refuses of command `c` on `table` for its place in a hierarchy
    /// (`recurse`: without ONLY): changing an inherited column or constraint alone, or a
    /// partitioned table alone where its partitions must follow.
    fn refused_on_hierarchy(
        &mut self,
        table: &QualName,
        recurse: bool,
        c: &AlterTableCmd,
    ) -> Option<String> {
        let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
        if subtype == AlterTableType::AtAlterColumnType && self.column_inherited(table, &c.name) {
            return Some(format!("cannot alter inherited column {}", named(&c.name)));
        }
        if subtype == AlterTableType::AtDropColumn && self.column_inherited(table, &c.name) {
            return Some(format!("cannot drop inherited column {}", named(&c.name)));
        }
        if subtype == AlterTableType::AtDropConstraint
            && self
                .catalog
                .tables
                .get(table)
                .and_then(|t| t.constraints.get(&c.name))
                .is_some_and(|k| k.inherited)
        {
            return Some(format!(
                "cannot drop inherited constraint {} of relation {}",
                named(&c.name),
                named(&table.name)
            ));
        }
        if recurse {
            if subtype == AlterTableType::AtAlterColumnType {
                if let Some(q) = self.merged_from_outside(table, &c.name) {
                    return Some(format!(
                        "cannot alter inherited column {} of relation {}",
                        named(&c.name),
                        named(&q.name)
                    ));
                }
            }
            return None;
        }
        let added = match c.def.as_ref().and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::Constraint(k)) if subtype == AlterTableType::AtAddConstraint => Some(k),
            _ => None,
        };
        let partitioned = self
            .catalog
            .tables
            .get(table)
            .is_some_and(|t| t.partition_by.is_some());
        if let Some(k) =
            added.filter(|k| partitioned && k.contype == ConstrType::ConstrForeign as i32)
        {
            let referenced = k
                .pktable
                .as_ref()
                .map(|p| p.relname.clone())
                .unwrap_or_default();
            return Some(format!(
                "cannot use ONLY for foreign key on partitioned table {} referencing relation {}",
                named(&table.name),
                named(&referenced)
            ));
        }
        let with_partitions = partitioned && !self.partitions_of(table).is_empty();
        if !with_partitions {
            return None;
        }
        if added.is_some_and(|k| k.contype == ConstrType::ConstrCheck as i32 && !k.is_no_inherit) {
            return Some("constraint must be added to child tables too".to_string());
        }
        if subtype == AlterTableType::AtDropColumn {
            return Some(
                "cannot drop column from only the partitioned table when partitions exist"
                    .to_string(),
            );
        }
        if subtype == AlterTableType::AtDropConstraint {
            return Some(
                "cannot remove constraint from only the partitioned table when partitions exist"
                    .to_string(),
            );
        }
        if subtype == AlterTableType::AtAlterColumnType {
            return Some(format!(
                "type of inherited column {} must be changed in child tables too",
                named(&c.name)
            ));
        }
        None
    }

    /// A change that gives the rows of `table` (and, with `recurse`, of its partitions and
    /// children) new values, a column's type or a column added with a value, while a column
    /// stores its row type: the server cannot change the values stored there.
    fn refused_on_row_type(
        &mut self,
        table: &QualName,
        recurse: bool,
        c: &AlterTableCmd,
    ) -> Option<String> {
        if !new_values(c) {
            return None;
        }
        let mut tables = vec![table.clone()];
        let mut next = 0;
        while let Some(t) = tables.get(next).cloned().filter(|_| recurse) {
            for child in self.children_of(&t) {
                if !tables.contains(&child) {
                    tables.push(child);
                }
            }
            next += 1;
        }
        tables.iter().find_map(|t| {
            let (q, column) = self.column_storing(t, crate::catalog::containers::Storing::Row)?;
            Some(format!(
                "cannot alter table {} because column \"{}.{column}\" uses its row type",
                named(&t.name),
                q.name
            ))
        })
    }

    /// What the server refuses of `ALTER TABLE table INHERIT parent` for the columns: the
    /// child must already have each of the parent's, of the same type and collation, and
    /// NOT NULL where the parent's is (they merge: each counts one more parent).
    fn refused_inherit(&self, table: &QualName, parent: &QualName) -> Option<String> {
        let t = self.catalog.tables.get(table)?;
        let pt = self.catalog.tables.get(parent)?;
        pt.columns.iter().find_map(|pc| match t.column(&pc.name) {
            None => Some(format!("child table is missing column {}", named(&pc.name))),
            Some(c) if c.type_sql != pc.type_sql => Some(format!(
                "child table {} has different type for column {}",
                named(&table.name),
                named(&pc.name)
            )),
            Some(c) if c.collation != pc.collation => Some(format!(
                "child table {} has different collation for column {}",
                named(&table.name),
                named(&pc.name)
            )),
            Some(c) if pc.not_null && !c.not_null => Some(format!(
                "column {} in child table must be marked NOT NULL",
                named(&pc.name)
            )),
            Some(_) => None,
        })
    }

    /// A table below `table` whose column `column` comes from more parents than it has in
    /// `table`'s tree: the server refuses to change its type from `table`, since a parent
    /// outside the tree would be left with the old type.
    fn merged_from_outside(&mut self, table: &QualName, column: &str) -> Option<QualName> {
        let mut tree: Vec<QualName> = vec![table.clone()];
        let mut i = 0;
        while let Some(q) = tree.get(i).cloned() {
            i += 1;
            for child in self.children_of(&q) {
                if !tree.contains(&child) {
                    tree.push(child);
                }
            }
        }
        tree.iter().skip(1).find_map(|q| {
            let t = self.catalog.tables.get(q)?;
            t.column(column)?;
            let in_tree = t.parents().filter(|p| tree.contains(p)).count();
            (self.catalog.inhcount(q, column) > in_tree).then(|| q.clone())
        })
    }

    /// What the server refuses of command `c` on a typed table: its columns are its type's.
    /// `SET LOGGED` of a table referencing an unlogged one, `SET UNLOGGED` of one a logged
    /// table references (a table referencing itself aside).
    fn refused_persistence(&self, table: &QualName, c: &AlterTableCmd) -> Option<String> {
        let to_logged = c.subtype == AlterTableType::AtSetLogged as i32;
        if !to_logged && c.subtype != AlterTableType::AtSetUnLogged as i32 {
            return None;
        }
        let fks = |t: &'_ Table| -> Vec<QualName> {
            t.constraints
                .values()
                .filter_map(|k| k.references.clone())
                .collect()
        };
        let other = if to_logged {
            fks(self.catalog.tables.get(table)?)
                .into_iter()
                .find(|r| r != table && self.catalog.tables.get(r).is_some_and(|t| t.unlogged))
        } else {
            self.catalog
                .tables
                .iter()
                .find(|(r, t)| *r != table && !t.unlogged && fks(t).contains(table))
                .map(|(r, _)| r.clone())
        }?;
        Some(format!(
            "could not change table \"{}\" to {} because it references {} table \"{}\"",
            table.name,
            if to_logged { "logged" } else { "unlogged" },
            if to_logged { "unlogged" } else { "logged" },
            other.name
        ))
    }

    /// `DROP NOT NULL` of a column in the index the table's replica identity uses.
    fn refused_on_replica_identity(&self, table: &QualName, c: &AlterTableCmd) -> Option<String> {
        if c.subtype != AlterTableType::AtDropNotNull as i32 {
            return None;
        }
        let t = self.catalog.tables.get(table)?;
        let index = t.replica_identity.strip_prefix("USING INDEX ")?;
        let iq = QualName::new(table.schema.clone(), index);
        let columns = match self.catalog.indexes.get(&iq) {
            Some(i) => &i.columns,
            None => &t.constraints.get(index)?.columns,
        };
        columns
            .contains(&c.name)
            .then(|| format!("column \"{}\" is in index used as replica identity", c.name))
    }

    fn refused_on_typed(&self, table: &QualName, c: &AlterTableCmd) -> Option<String> {
        self.catalog.tables.get(table)?.of_type.as_ref()?;
        let refusals = [
            (
                AlterTableType::AtAddColumn,
                "cannot add column to typed table",
            ),
            (
                AlterTableType::AtDropColumn,
                "cannot drop column from typed table",
            ),
            (
                AlterTableType::AtAlterColumnType,
                "cannot alter column type of typed table",
            ),
            (
                AlterTableType::AtAddInherit,
                "cannot change inheritance of typed table",
            ),
            (
                AlterTableType::AtDropInherit,
                "cannot change inheritance of typed table",
            ),
        ];
        refusals
            .iter()
            .find(|(t, _)| *t as i32 == c.subtype)
            .map(|(_, msg)| msg.to_string())
    }

    /// `ALTER TABLE t OF type`: the table's columns must be the type's attributes, in order,
    /// with their types and collations.
    fn add_of(&mut self, stmt: &Stmt, table: &QualName, tn: &protobuf::TypeName) {
        let Some((ty, attributes)) = self.composite_for_table(stmt, tn) else {
            return;
        };
        let Some(t) = self.catalog.tables.get(table) else {
            return;
        };
        let refused = if !t.inherits.is_empty() || t.partition_of.is_some() {
            Some("typed tables cannot inherit".to_string())
        } else if let Some(extra) = t.columns.get(attributes.len()) {
            Some(format!("table has extra column {}", named(&extra.name)))
        } else {
            attributes
                .iter()
                .enumerate()
                .find_map(|(i, a)| match t.columns.get(i) {
                    None => Some(format!("table is missing column {}", named(&a.name))),
                    Some(c) if c.name != a.name => Some(format!(
                        "table has column {} where type requires {}",
                        named(&c.name),
                        named(&a.name)
                    )),
                    Some(c) if c.type_sql != a.type_sql || c.collation != a.collation => {
                        Some(format!(
                            "table {} has different type for column {}",
                            named(&table.name),
                            named(&a.name)
                        ))
                    }
                    Some(_) => None,
                })
        };
        match refused {
            Some(msg) => self.reject(stmt, msg),
            None => self.set_on_table(table, |t| t.of_type = Some(ty)),
        }
    }

    /// Tables that inherit from `parent` or are its partitions.
    pub(super) fn children_of(&mut self, parent: &QualName) -> Vec<QualName> {
        let tables = &self.catalog.tables;
        let index = self.children.get_or_insert_with(|| {
            let mut index: std::collections::BTreeMap<QualName, Vec<QualName>> =
                std::collections::BTreeMap::new();
            for (q, t) in tables {
                for p in t
                    .inherits
                    .iter()
                    .chain(t.partition_of.as_ref().map(|(p, _)| p))
                {
                    index.entry(p.clone()).or_default().push(q.clone());
                }
            }
            index
        });
        index.get(parent).cloned().unwrap_or_default()
    }

    /// Forgets the index of children when `node` may change who inherits from whom: a
    /// table created as a child or a partition, INHERIT / NO INHERIT, ATTACH / DETACH, a
    /// DROP, a rename or a new schema.
    pub(super) fn note_hierarchy(&mut self, node: &NodeEnum) {
        let child = |s: &CreateStmt| !s.inh_relations.is_empty() || s.partbound.is_some();
        let hierarchy_cmds = [
            AlterTableType::AtAddInherit,
            AlterTableType::AtDropInherit,
            AlterTableType::AtAttachPartition,
            AlterTableType::AtDetachPartition,
            AlterTableType::AtDetachPartitionFinalize,
        ];
        let changes = if let NodeEnum::CreateStmt(s) = node {
            child(s)
        } else if let NodeEnum::CreateForeignTableStmt(s) = node {
            s.base_stmt.as_ref().is_some_and(child)
        } else if let NodeEnum::AlterTableStmt(s) = node {
            s.cmds.iter().any(|c| matches!(&c.node, Some(NodeEnum::AlterTableCmd(c)) if hierarchy_cmds.iter().any(|t| *t as i32 == c.subtype)))
        } else {
            matches!(
                node,
                NodeEnum::DropStmt(_)
                    | NodeEnum::RenameStmt(_)
                    | NodeEnum::AlterObjectSchemaStmt(_)
            )
        };
        if changes {
            self.children = None;
        }
    }

    /// What an ALTER TABLE without ONLY does to the children of `parent` (after `parent`
    /// itself changed): columns added, dropped and altered, CHECK constraints added and
    /// dropped, down the whole hierarchy. `before` names the constraints `parent` had.
    // Only the commands listed recurse; `alter_table_cmd` already named every kind (and
    // reported the unsupported ones) for the table itself.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn recurse_cmd(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        parent: &QualName,
        c: &AlterTableCmd,
        before: &[String],
    ) {
        let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
        let recurses = matches!(
            subtype,
            AlterTableType::AtAddColumn
                | AlterTableType::AtDropColumn
                | AlterTableType::AtAlterColumnType
                | AlterTableType::AtColumnDefault
                | AlterTableType::AtSetNotNull
                | AlterTableType::AtDropNotNull
                | AlterTableType::AtSetStatistics
                | AlterTableType::AtSetStorage
                | AlterTableType::AtSetCompression
                | AlterTableType::AtDropExpression
                | AlterTableType::AtAddConstraint
                | AlterTableType::AtDropConstraint
        );
        if !recurses {
            return;
        }
        for child in self.children_of(parent) {
            let partition = self
                .catalog
                .tables
                .get(&child)
                .and_then(|t| t.partition_of.as_ref())
                .is_some_and(|(p, _)| p == parent);
            match subtype {
                AlterTableType::AtAddColumn => {
                    let Some(NodeEnum::ColumnDef(cd)) =
                        c.def.as_ref().and_then(|d| d.node.as_ref())
                    else {
                        return;
                    };
                    let Some(mut col) = self
                        .catalog
                        .tables
                        .get(parent)
                        .and_then(|t| t.column(&cd.colname))
                        .cloned()
                    else {
                        return;
                    };
                    let Some(t) = self.catalog.tables.get_mut(&child) else {
                        continue;
                    };
                    if t.column(&col.name).is_none() {
                        col.inherited = true;
                        col.identity = None;
                        t.columns.push(col);
                    }
                }
                AlterTableType::AtDropColumn => {
                    // The child keeps a column it defines itself or inherits from elsewhere.
                    let Some(t) = self.catalog.tables.get(&child) else {
                        continue;
                    };
                    let inherited_only = t.column(&c.name).is_some_and(|col| col.inherited);
                    let parents: Vec<&QualName> = t
                        .inherits
                        .iter()
                        .chain(t.partition_of.as_ref().map(|(p, _)| p))
                        .filter(|p| *p != parent)
                        .collect();
                    let elsewhere = parents.iter().any(|p| {
                        self.catalog
                            .tables
                            .get(*p)
                            .is_some_and(|pt| pt.column(&c.name).is_some())
                    });
                    if !inherited_only || elsewhere {
                        continue;
                    }
                    self.drop_column(&child, &c.name);
                }
                AlterTableType::AtAlterColumnType
                | AlterTableType::AtColumnDefault
                | AlterTableType::AtSetNotNull
                | AlterTableType::AtDropNotNull
                | AlterTableType::AtSetStatistics
                | AlterTableType::AtSetStorage
                | AlterTableType::AtSetCompression
                | AlterTableType::AtDropExpression => {
                    if self
                        .catalog
                        .tables
                        .get(&child)
                        .and_then(|t| t.column(&c.name))
                        .is_none()
                    {
                        continue;
                    }
                    self.alter_table_cmd(pos, stmt, &child, c);
                }
                AlterTableType::AtAddConstraint if partition => {
                    // A partition gets a copy of every kind, named its own way, and passes
                    // it down itself.
                    let added: Vec<(String, ConstraintKind)> = self
                        .catalog
                        .tables
                        .get(parent)
                        .into_iter()
                        .flat_map(|t| &t.constraints)
                        .filter(|(n, _)| !before.contains(n))
                        .map(|(n, k)| (n.clone(), k.kind))
                        .collect();
                    for (n, kind) in added {
                        match kind {
                            ConstraintKind::Check => {
                                self.partition_check(stmt, pos, parent, &n, &child, false)
                            }
                            ConstraintKind::PrimaryKey
                            | ConstraintKind::Unique
                            | ConstraintKind::ForeignKey => {
                                self.partition_constraint(stmt, pos, parent, &n, &child)
                            }
                            ConstraintKind::Exclude => self.unsupported(
                                stmt,
                                "an exclusion constraint on a partitioned table",
                            ),
                        }
                    }
                    continue;
                }
                // Handled with the parent's (`drop_partition_copies`).
                AlterTableType::AtDropConstraint if partition => continue,
                AlterTableType::AtAddConstraint => {
                    let added: Vec<(String, Constraint)> = self
                        .catalog
                        .tables
                        .get(parent)
                        .into_iter()
                        .flat_map(|t| &t.constraints)
                        .filter(|(n, k)| {
                            !before.contains(n)
                                && k.kind == ConstraintKind::Check
                                && !k.def.contains("NO INHERIT")
                        })
                        .map(|(n, k)| {
                            (
                                n.clone(),
                                Constraint {
                                    inherited: true,
                                    ..k.clone()
                                },
                            )
                        })
                        .collect();
                    if added.is_empty() {
                        return;
                    }
                    let Some(t) = self.catalog.tables.get_mut(&child) else {
                        continue;
                    };
                    for (n, k) in added {
                        self.on_table.note_constraint(&child, &n);
                        t.constraints.entry(n).or_insert(k);
                    }
                }
                AlterTableType::AtDropConstraint => {
                    let Some(t) = self.catalog.tables.get_mut(&child) else {
                        continue;
                    };
                    if !t.constraints.get(&c.name).is_some_and(|k| k.inherited) {
                        continue;
                    }
                    t.constraints.remove(&c.name);
                }
                _ => return,
            }
            self.recurse_cmd(pos, stmt, &child, c, before);
        }
    }

    /// Drops a column with what goes with it: constraints and indexes over it, sequences it
    /// owns, its comment. Whether it existed.
    pub(super) fn drop_column(&mut self, table: &QualName, column: &str) -> bool {
        let Some(t) = self.catalog.tables.get_mut(table) else {
            return false;
        };
        let before = t.columns.len();
        t.columns.retain(|col| col.name != column);
        if t.columns.len() == before {
            return false;
        }
        super::privileges::forget_column(&mut t.access, column);
        // What reads the column goes with it (refused before, without CASCADE).
        self.drop_column_readers(table, column);
        let Some(t) = self.catalog.tables.get_mut(table) else {
            return false;
        };
        let gone: Vec<String> = t
            .constraints
            .iter()
            .filter(|(_, k)| k.columns.iter().any(|c| c == column))
            .map(|(n, _)| n.clone())
            .collect();
        for n in &gone {
            t.constraints.remove(n);
        }
        for n in &gone {
            self.forget_constraint(table, n);
        }
        let col_ref = (table.clone(), column.to_string());
        let owned: Vec<QualName> = self
            .on_table
            .sequences(&self.catalog, table)
            .into_iter()
            .filter(|q| {
                self.catalog
                    .sequences
                    .get(q)
                    .is_some_and(|s| s.owned_by.as_ref() == Some(&col_ref))
            })
            .collect();
        for q in owned {
            self.catalog.sequences.remove(&q);
            self.catalog.forget_notes(&format!("SEQUENCE {}", q.sql()));
        }
        let indexes: Vec<QualName> = self
            .on_table
            .indexes(&self.catalog, table)
            .into_iter()
            .filter(|q| {
                self.catalog
                    .indexes
                    .get(q)
                    .is_some_and(|i| i.columns.iter().any(|c| c == column))
            })
            .collect();
        for q in indexes {
            self.catalog.indexes.remove(&q);
            self.catalog.forget_notes(&comment::index_target(&q));
        }
        self.catalog
            .forget_notes(&format!("COLUMN {}.{}", table.sql(), quote::ident(column)));
        true
    }

    /// Comments that go with a dropped constraint: its own and its index's.
    pub(super) fn forget_constraint(&mut self, table: &QualName, name: &str) {
        // A key constraint's index goes with it, and so does the clustering mark on it (a
        // plain index of that name is another's: a CHECK constraint may share its name).
        if !self
            .catalog
            .indexes
            .contains_key(&QualName::new(table.schema.clone(), name))
        {
            self.move_cluster_mark(table, name, None);
        }
        self.catalog.forget_notes(&format!(
            "CONSTRAINT {} ON {}",
            quote::ident(name),
            table.sql()
        ));
        self.catalog.forget_notes(&format!(
            "INDEX {}",
            QualName::new(table.schema.clone(), name).sql()
        ));
    }

    fn alter_index_cmd(&mut self, stmt: &Stmt, index: &QualName, c: &AlterTableCmd) {
        let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
        match subtype {
            AlterTableType::AtAttachPartition => {
                if let Some(NodeEnum::PartitionCmd(pc)) =
                    c.def.as_ref().and_then(|d| d.node.as_ref())
                {
                    if let Some(child) = &pc.name {
                        let child = self.resolver().relation(&child.schemaname, &child.relname);
                        self.attach_index(stmt, index, &child);
                    }
                }
            }
            AlterTableType::AtSetStatistics => self.set_index_statistics(stmt, index, c),
            AlterTableType::AtChangeOwner | AlterTableType::AtSetTableSpace => {}
            // Not modelled on an index (SET / RESET options), or not valid on one: reported.
            AlterTableType::Undefined
            | AlterTableType::AtAddColumn
            | AlterTableType::AtAddColumnToView
            | AlterTableType::AtColumnDefault
            | AlterTableType::AtCookedColumnDefault
            | AlterTableType::AtDropNotNull
            | AlterTableType::AtSetNotNull
            | AlterTableType::AtSetExpression
            | AlterTableType::AtDropExpression
            | AlterTableType::AtSetOptions
            | AlterTableType::AtResetOptions
            | AlterTableType::AtSetStorage
            | AlterTableType::AtSetCompression
            | AlterTableType::AtDropColumn
            | AlterTableType::AtAddIndex
            | AlterTableType::AtReAddIndex
            | AlterTableType::AtAddConstraint
            | AlterTableType::AtReAddConstraint
            | AlterTableType::AtReAddDomainConstraint
            | AlterTableType::AtAlterConstraint
            | AlterTableType::AtValidateConstraint
            | AlterTableType::AtAddIndexConstraint
            | AlterTableType::AtDropConstraint
            | AlterTableType::AtReAddComment
            | AlterTableType::AtAlterColumnType
            | AlterTableType::AtAlterColumnGenericOptions
            | AlterTableType::AtClusterOn
            | AlterTableType::AtDropCluster
            | AlterTableType::AtSetLogged
            | AlterTableType::AtSetUnLogged
            | AlterTableType::AtDropOids
            | AlterTableType::AtSetAccessMethod
            | AlterTableType::AtSetRelOptions
            | AlterTableType::AtResetRelOptions
            | AlterTableType::AtReplaceRelOptions
            | AlterTableType::AtEnableTrig
            | AlterTableType::AtEnableAlwaysTrig
            | AlterTableType::AtEnableReplicaTrig
            | AlterTableType::AtDisableTrig
            | AlterTableType::AtEnableTrigAll
            | AlterTableType::AtDisableTrigAll
            | AlterTableType::AtEnableTrigUser
            | AlterTableType::AtDisableTrigUser
            | AlterTableType::AtEnableRule
            | AlterTableType::AtEnableAlwaysRule
            | AlterTableType::AtEnableReplicaRule
            | AlterTableType::AtDisableRule
            | AlterTableType::AtAddInherit
            | AlterTableType::AtDropInherit
            | AlterTableType::AtAddOf
            | AlterTableType::AtDropOf
            | AlterTableType::AtReplicaIdentity
            | AlterTableType::AtEnableRowSecurity
            | AlterTableType::AtDisableRowSecurity
            | AlterTableType::AtForceRowSecurity
            | AlterTableType::AtNoForceRowSecurity
            | AlterTableType::AtGenericOptions
            | AlterTableType::AtDetachPartition
            | AlterTableType::AtDetachPartitionFinalize
            | AlterTableType::AtAddIdentity
            | AlterTableType::AtSetIdentity
            | AlterTableType::AtDropIdentity
            | AlterTableType::AtReAddStatistics => self.unsupported(stmt, "this ALTER INDEX"),
        }
    }

    /// `ALTER INDEX i ALTER COLUMN n SET STATISTICS k`: the target of an expression column,
    /// on the index and, as the server recurses, on the partitions' indexes attached to it.
    fn set_index_statistics(&mut self, stmt: &Stmt, index: &QualName, c: &AlterTableCmd) {
        let Some(i) = self.catalog.indexes.get(index) else {
            if self.constraint_name_taken(&index.schema, &index.name, true) {
                self.unsupported(stmt, "a statistics target on the index of a constraint");
            } else {
                self.missing(
                    stmt,
                    index,
                    format!("relation {} does not exist", index.sql()),
                );
            }
            return;
        };
        let Some(n) = u32::try_from(c.num).ok().filter(|n| *n > 0) else {
            self.unsupported(stmt, "ALTER INDEX ... ALTER COLUMN naming the column");
            return;
        };
        // `SET STATISTICS DEFAULT` (PostgreSQL 17) comes without a value.
        let target = match c.def.as_deref() {
            None => Some(-1),
            Some(d) => node_string(d).and_then(|s| s.parse::<i32>().ok()),
        };
        let Some(target) = target else {
            self.unsupported(stmt, "this statistics target");
            return;
        };
        let refused = match i.column_kinds.get((n - 1) as usize) {
            None => Some(format!(
                "column number {n} of relation {} does not exist",
                named(&index.name)
            )),
            Some(IndexColumnKind::Included) => Some(format!(
                "cannot alter statistics on included column {n} of index {}",
                named(&index.name)
            )),
            Some(IndexColumnKind::Plain) => Some(format!(
                "cannot alter statistics on non-expression column {n} of index {}",
                named(&index.name)
            )),
            Some(IndexColumnKind::Expression) if target < -1 => {
                Some(format!("statistics target {target} is too low"))
            }
            Some(IndexColumnKind::Expression) => None,
        };
        if let Some(msg) = refused {
            self.reject(stmt, msg);
            return;
        }
        // Above the maximum, the server warns and stores the maximum.
        let target = target.min(10000);
        let mut todo = vec![index.clone()];
        while let Some(q) = todo.pop() {
            todo.extend(
                self.catalog
                    .indexes
                    .iter()
                    .filter(|(_, x)| x.attached_to.as_ref() == Some(&q))
                    .map(|(k, _)| k.clone()),
            );
            if let Some(x) = self.catalog.indexes.get_mut(&q) {
                if target < 0 {
                    x.statistics.remove(&n);
                } else {
                    x.statistics.insert(n, target);
                }
            }
        }
    }

    fn alter_table_cmd(&mut self, pos: Pos, stmt: &Stmt, table: &QualName, c: &AlterTableCmd) {
        // The callers found the table; were it gone all the same, the command is reported
        // and skipped here, once, and the arms below look it up without a second check.
        if !self.catalog.tables.contains_key(table) {
            self.missing(
                stmt,
                table,
                format!("relation {} does not exist", table.sql()),
            );
            return;
        }
        let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
        let r = self.resolver();
        let def = c.def.as_ref().and_then(|d| d.node.as_ref());
        let col_name = c.name.clone();
        match subtype {
            AlterTableType::AtAddColumn => {
                if let Some(NodeEnum::ColumnDef(cd)) = def {
                    if self
                        .catalog
                        .tables
                        .get(table)
                        .and_then(|t| t.column(&cd.colname))
                        .is_some()
                    {
                        if !c.missing_ok {
                            self.reject(
                                stmt,
                                format!(
                                    "column {} of relation {} already exists",
                                    named(&cd.colname),
                                    table.sql()
                                ),
                            );
                        }
                        return;
                    }
                    let unlogged = self.catalog.tables.get(table).is_some_and(|t| t.unlogged);
                    let (col, cons) = self.column_def(pos, stmt, table, cd, None, unlogged);
                    let Some(t) = self.catalog.tables.get_mut(table) else {
                        return;
                    };
                    t.columns.push(col);
                    for k in cons {
                        self.add_constraint(pos, stmt, table, k, Some(&cd.colname));
                    }
                }
            }
            AlterTableType::AtColumnDefault => {
                let node = def.map(|d| Node {
                    node: Some(d.clone()),
                });
                let ty = self
                    .catalog
                    .tables
                    .get(table)
                    .and_then(|t| t.column(&col_name))
                    .map(|c| c.type_sql.clone())
                    .unwrap_or_default();
                let (value, deps) = node
                    .as_ref()
                    .map_or((None, Vec::new()), |n| column_default(n, &ty, &r, pos));
                self.with_column(stmt, table, &col_name, |col| {
                    col.default = value;
                    col.default_deps = deps;
                });
            }
            AlterTableType::AtDropNotNull => {
                self.with_column(stmt, table, &col_name, |col| col.not_null = false)
            }
            AlterTableType::AtSetNotNull => {
                self.with_column(stmt, table, &col_name, |col| col.not_null = true)
            }
            AlterTableType::AtSetStatistics => {
                let v = def
                    .and_then(|d| {
                        node_string(&Node {
                            node: Some(d.clone()),
                        })
                    })
                    .and_then(|s| s.parse::<i32>().ok());
                self.with_column(stmt, table, &col_name, |col| {
                    col.statistics = v.filter(|&v| v >= 0)
                });
            }
            AlterTableType::AtSetStorage => {
                let v = def
                    .and_then(|d| {
                        node_string(&Node {
                            node: Some(d.clone()),
                        })
                    })
                    .map(|s| s.to_uppercase());
                // The type's own storage is no setting (pg_dump prints none for it).
                let default = self
                    .catalog
                    .tables
                    .get(table)
                    .and_then(|t| t.column(&col_name))
                    .and_then(|c| {
                        crate::catalog::types::default_storage(&self.catalog, &c.type_sql)
                    });
                let v = v.filter(|s| Some(s.as_str()) != default);
                self.with_column(stmt, table, &col_name, |col| col.storage = v);
            }
            AlterTableType::AtSetCompression => {
                let v = def.and_then(|d| {
                    node_string(&Node {
                        node: Some(d.clone()),
                    })
                });
                self.with_column(stmt, table, &col_name, |col| {
                    col.compression = v.filter(|v| v != "default")
                });
            }
            AlterTableType::AtDropColumn => {
                let needs: Vec<super::column_use::Reader> = self
                    .column_dependents(table, &col_name)
                    .into_iter()
                    .filter(|r| !matches!(r, super::column_use::Reader::Statistics(_)))
                    .collect();
                if !needs.is_empty() && !super::depend::cascades(c.behavior) {
                    let list: Vec<String> = needs
                        .iter()
                        .take(5)
                        .map(|r| super::column_use::describe(table, r))
                        .collect();
                    self.reject(
                        stmt,
                        format!(
                            "cannot drop column {} of table {} because other objects depend on it: {}",
                            quote::ident(&col_name),
                            table.sql(),
                            list.join(", ")
                        ),
                    );
                    return;
                }
                if !self.drop_column(table, &col_name) && !c.missing_ok {
                    self.reject(
                        stmt,
                        format!(
                            "column {} of relation {} does not exist",
                            named(&col_name),
                            table.sql()
                        ),
                    );
                }
            }
            AlterTableType::AtAlterColumnType => {
                if let Some(NodeEnum::ColumnDef(cd)) = def {
                    let t = self.catalog.tables.get(table);
                    let generated = t
                        .and_then(|t| t.column(&col_name))
                        .is_some_and(|c| c.generated.is_some());
                    let read_by_generated = t.is_some_and(|t| {
                        t.columns
                            .iter()
                            .any(|c| c.generated.is_some() && c.generated_reads.contains(&col_name))
                    });
                    if generated && cd.raw_default.is_some() {
                        self.reject(
                            stmt,
                            format!(
                                "cannot specify USING when altering type of generated column {}",
                                named(&col_name)
                            ),
                        );
                        return;
                    }
                    if t.is_some_and(|t| t.partition_key.iter().flatten().any(|k| *k == col_name)) {
                        self.reject(
                            stmt,
                            format!(
                                "cannot alter column {} because it is part of the partition key of relation {}",
                                named(&col_name),
                                named(&table.name)
                            ),
                        );
                        return;
                    }
                    if read_by_generated && !generated {
                        self.reject(
                            stmt,
                            "cannot alter type of a column used by a generated column".to_string(),
                        );
                        return;
                    }
                    let ty = cd
                        .type_name
                        .as_ref()
                        .map(|t| type_sql(t, &r))
                        .unwrap_or_default();
                    let coll = cd
                        .coll_clause
                        .as_ref()
                        .map(|c| collation_sql(&c.collname, &r));
                    self.stored.note(&ty);
                    // Without COLLATE, the column takes the new type's default collation.
                    self.with_column(stmt, table, &col_name, |col| {
                        col.type_sql = ty;
                        col.collation = coll;
                    });
                    self.resettle_after_type_change(table, &col_name);
                }
            }
            AlterTableType::AtAddConstraint => {
                if let Some(NodeEnum::Constraint(k)) = def {
                    self.add_constraint(pos, stmt, table, (**k).clone(), None);
                }
            }
            AlterTableType::AtValidateConstraint => {
                if let Some(k) = self
                    .catalog
                    .tables
                    .get_mut(table)
                    .and_then(|t| t.constraints.get_mut(&col_name))
                {
                    k.def = k.def.replace(" NOT VALID", "");
                }
            }
            AlterTableType::AtDropConstraint => {
                let Some(t) = self.catalog.tables.get_mut(table) else {
                    return;
                };
                if t.constraints.remove(&col_name).is_none() {
                    if !c.missing_ok {
                        self.reject(
                            stmt,
                            format!(
                                "constraint {} of relation {} does not exist",
                                named(&col_name),
                                table.sql()
                            ),
                        );
                    }
                } else {
                    self.forget_constraint(table, &col_name);
                    self.drop_partition_copies(table, &col_name);
                }
            }
            AlterTableType::AtAddIdentity => {
                if let Some(NodeEnum::Constraint(k)) = def {
                    let id = identity_from(table, &col_name, k, pos);
                    if let Some(t) = self.catalog.tables.get_mut(table) {
                        t.access.identity_sequences.remove(&col_name);
                    }
                    self.with_column(stmt, table, &col_name, |col| {
                        col.identity = Some(id);
                        col.not_null = true;
                    });
                }
            }
            AlterTableType::AtSetIdentity => {
                let opts: Vec<Node> = match def {
                    Some(NodeEnum::List(l)) => l.items.clone(),
                    _ => Vec::new(),
                };
                self.with_column(stmt, table, &col_name, |col| {
                    if let Some(id) = col.identity.as_mut() {
                        for o in &opts {
                            if let Some(NodeEnum::DefElem(d)) = &o.node {
                                if d.defname == "generated" {
                                    id.kind = identity_kind(
                                        d.arg.as_deref().and_then(node_string).as_deref(),
                                    );
                                }
                            }
                        }
                        super::sequence::apply_seq_options(&mut id.options, &opts);
                    }
                });
            }
            AlterTableType::AtDropIdentity => {
                if let Some(t) = self.catalog.tables.get_mut(table) {
                    t.access.identity_sequences.remove(&col_name);
                }
                self.with_column(stmt, table, &col_name, |col| col.identity = None)
            }
            AlterTableType::AtSetExpression => {
                let node = def.map(|d| Node {
                    node: Some(d.clone()),
                });
                let scope = crate::catalog::typing::Scope::table(&r, table);
                let v = node
                    .as_ref()
                    .map(|n| expr::expr_sql_in(n, &r, Some(&scope)));
                let deps = node
                    .as_ref()
                    .map(|n| expr::references_in(n, &r, &scope))
                    .unwrap_or_default();
                let reads = node.as_ref().map(column_refs).unwrap_or_default();
                self.with_column(stmt, table, &col_name, |col| {
                    col.generated = v;
                    col.generated_deps = deps;
                    col.generated_reads = reads;
                });
            }
            AlterTableType::AtDropExpression => {
                self.with_column(stmt, table, &col_name, |col| col.generated = None)
            }
            AlterTableType::AtSetLogged => self.set_persistence(table, false),
            AlterTableType::AtSetUnLogged => self.set_persistence(table, true),
            AlterTableType::AtSetRelOptions
            | AlterTableType::AtResetRelOptions
            | AlterTableType::AtReplaceRelOptions => {
                let items: Vec<Node> = match def {
                    Some(NodeEnum::List(l)) => l.items.clone(),
                    _ => Vec::new(),
                };
                let Some(t) = self.catalog.tables.get_mut(table) else {
                    return;
                };
                let mut opts: Vec<String> = if subtype == AlterTableType::AtReplaceRelOptions {
                    Vec::new()
                } else {
                    t.options.clone()
                };
                for (k, v) in reloption_pairs(&items) {
                    opts.retain(|o| o.split('=').next() != Some(k.as_str()));
                    if subtype != AlterTableType::AtResetRelOptions {
                        opts.push(format!("{k}={v}"));
                    }
                }
                t.options = opts;
            }
            AlterTableType::AtEnableRowSecurity => {
                self.set_on_table(table, |t| t.rls_enabled = true)
            }
            AlterTableType::AtDisableRowSecurity => {
                self.set_on_table(table, |t| t.rls_enabled = false)
            }
            AlterTableType::AtForceRowSecurity => self.set_on_table(table, |t| t.rls_forced = true),
            AlterTableType::AtNoForceRowSecurity => {
                self.set_on_table(table, |t| t.rls_forced = false)
            }
            AlterTableType::AtClusterOn => {
                let index = QualName::new(table.schema.clone(), col_name.clone());
                let on_table = self
                    .catalog
                    .indexes
                    .get(&index)
                    .is_some_and(|i| i.table == *table)
                    || self
                        .catalog
                        .tables
                        .get(table)
                        .is_some_and(|t| t.constraints.contains_key(&col_name));
                if !on_table {
                    self.reject(
                        stmt,
                        format!(
                            "index {} for table {} does not exist",
                            named(&col_name),
                            table.sql()
                        ),
                    );
                    return;
                }
                self.set_on_table(table, |t| t.cluster_on = Some(col_name));
            }
            AlterTableType::AtDropCluster => self.set_on_table(table, |t| t.cluster_on = None),
            AlterTableType::AtReplicaIdentity => {
                if let Some(NodeEnum::ReplicaIdentityStmt(ri)) = def {
                    let v = match ri.identity_type.as_str() {
                        "f" => "FULL".to_string(),
                        "n" => "NOTHING".to_string(),
                        "i" => format!("USING INDEX {}", quote::ident(&ri.name)),
                        _ => "DEFAULT".to_string(),
                    };
                    self.set_on_table(table, |t| t.replica_identity = v);
                }
            }
            AlterTableType::AtAttachPartition => {
                if let Some(NodeEnum::PartitionCmd(pc)) = def {
                    if let (Some(child), Some(bound)) = (&pc.name, &pc.bound) {
                        let child = r.relation(&child.schemaname, &child.relname);
                        let bound = self.partition_bound_sql(table, bound);
                        self.attach_partition(stmt, pos, table, &child, bound);
                    }
                }
            }
            AlterTableType::AtDetachPartition | AlterTableType::AtDetachPartitionFinalize => {
                if let Some(NodeEnum::PartitionCmd(pc)) = def {
                    if let Some(child) = &pc.name {
                        let child = r.relation(&child.schemaname, &child.relname);
                        self.detach_partition(stmt, table, &child);
                    }
                }
            }
            AlterTableType::AtAddInherit => {
                // The child already has the parent's columns: they merge and stay its own.
                if let Some(NodeEnum::RangeVar(p)) = def {
                    let p = r.relation(&p.schemaname, &p.relname);
                    if !self.catalog.tables.contains_key(&p) {
                        let msg = format!("relation {} does not exist", p.sql());
                        if self.maybe_missing(stmt, &p, msg) {
                            return;
                        }
                    }
                    if self
                        .catalog
                        .tables
                        .get(table)
                        .is_some_and(|t| t.inherits.contains(&p))
                    {
                        self.reject(
                            stmt,
                            format!(
                                "relation {} would be inherited from more than once",
                                named(&p.name)
                            ),
                        );
                        return;
                    }
                    if self.catalog.descends_from(&p, table) {
                        self.reject(stmt, "circular inheritance not allowed".to_string());
                        return;
                    }
                    if let Some(msg) = self.refused_inherit(table, &p) {
                        self.reject(stmt, msg);
                        return;
                    }
                    let checks: Vec<(String, Constraint)> =
                        self.catalog.tables.get(&p).map_or(Vec::new(), |pt| {
                            pt.constraints
                                .iter()
                                .filter(|(_, k)| {
                                    k.kind == ConstraintKind::Check && !k.def.contains("NO INHERIT")
                                })
                                .map(|(n, k)| {
                                    (
                                        n.clone(),
                                        Constraint {
                                            inherited: true,
                                            ..k.clone()
                                        },
                                    )
                                })
                                .collect()
                        });
                    let Some(t) = self.catalog.tables.get_mut(table) else {
                        return;
                    };
                    t.inherits.push(p);
                    for (n, k) in checks {
                        self.on_table.note_constraint(table, &n);
                        t.constraints.entry(n).or_insert(k);
                    }
                }
            }
            AlterTableType::AtDropInherit => {
                // What the child inherited from that parent alone becomes its own.
                if let Some(NodeEnum::RangeVar(p)) = def {
                    let p = r.relation(&p.schemaname, &p.relname);
                    let Some(t) = self.catalog.tables.get(table) else {
                        return;
                    };
                    if !t.inherits.contains(&p) {
                        self.reject(
                            stmt,
                            format!(
                                "relation {} is not a parent of relation {}",
                                named(&p.name),
                                named(&table.name)
                            ),
                        );
                        return;
                    }
                    let others: Vec<&Table> = t
                        .inherits
                        .iter()
                        .chain(t.partition_of.as_ref().map(|(q, _)| q))
                        .filter(|q| **q != p)
                        .filter_map(|q| self.catalog.tables.get(q))
                        .collect();
                    let kept_cols: Vec<String> = t
                        .columns
                        .iter()
                        .filter(|c| others.iter().any(|o| o.column(&c.name).is_some()))
                        .map(|c| c.name.clone())
                        .collect();
                    let kept_checks: Vec<String> = t
                        .constraints
                        .keys()
                        .filter(|n| others.iter().any(|o| o.constraints.contains_key(*n)))
                        .cloned()
                        .collect();
                    let Some(t) = self.catalog.tables.get_mut(table) else {
                        return;
                    };
                    t.inherits.retain(|x| *x != p);
                    for c in t
                        .columns
                        .iter_mut()
                        .filter(|c| !kept_cols.contains(&c.name))
                    {
                        c.inherited = false;
                    }
                    for (_, k) in t
                        .constraints
                        .iter_mut()
                        .filter(|(n, _)| !kept_checks.contains(n))
                    {
                        k.inherited = false;
                    }
                }
            }
            // OWNER TO is applied by alter_table, before the other commands.
            AlterTableType::AtGenericOptions => self.alter_table_options(stmt, table, def),
            AlterTableType::AtAlterColumnGenericOptions => {
                self.alter_column_options(stmt, table, &col_name, def)
            }
            AlterTableType::AtChangeOwner
            | AlterTableType::AtSetTableSpace
            | AlterTableType::AtDropOids => {}
            AlterTableType::AtSetAccessMethod => {
                let am = c.name.clone();
                self.set_on_table(table, |t| {
                    t.access_method = Some(am).filter(|a| a != "heap" && !a.is_empty())
                });
            }
            // One trigger's state: `alter_table` sends it to `set_trigger_state` (which
            // needs to know about ONLY) and never here.
            AlterTableType::AtEnableTrig
            | AlterTableType::AtEnableAlwaysTrig
            | AlterTableType::AtEnableReplicaTrig
            | AlterTableType::AtDisableTrig => {}
            AlterTableType::AtEnableTrigAll
            | AlterTableType::AtDisableTrigAll
            | AlterTableType::AtEnableTrigUser
            | AlterTableType::AtDisableTrigUser => {
                self.unsupported(stmt, "ENABLE / DISABLE TRIGGER ALL / USER")
            }
            AlterTableType::AtEnableRule
            | AlterTableType::AtEnableAlwaysRule
            | AlterTableType::AtEnableReplicaRule
            | AlterTableType::AtDisableRule => self.set_rule_state(stmt, table, subtype, &col_name),
            AlterTableType::AtAddOf => match def {
                Some(NodeEnum::TypeName(tn)) => self.add_of(stmt, table, tn),
                _ => self.unsupported(stmt, "ALTER TABLE ... OF without a type"),
            },
            AlterTableType::AtDropOf => {
                if self
                    .catalog
                    .tables
                    .get(table)
                    .is_some_and(|t| t.of_type.is_none())
                {
                    self.reject(stmt, format!("{} is not a typed table", named(&table.name)));
                }
                self.set_on_table(table, |t| t.of_type = None);
            }
            AlterTableType::AtSetOptions => {
                let pairs = match def {
                    Some(NodeEnum::List(l)) => reloption_pairs(&l.items),
                    _ => Vec::new(),
                };
                self.with_column(stmt, table, &col_name, |col| col.options.extend(pairs));
            }
            AlterTableType::AtResetOptions => {
                let names: Vec<String> = match def {
                    Some(NodeEnum::List(l)) => reloption_pairs(&l.items)
                        .into_iter()
                        .map(|(k, _)| k)
                        .collect(),
                    _ => Vec::new(),
                };
                self.with_column(stmt, table, &col_name, |col| {
                    col.options.retain(|k, _| !names.contains(k))
                });
            }
            AlterTableType::AtAlterConstraint
            | AlterTableType::AtAddIndexConstraint
            | AlterTableType::AtAddIndex
            | AlterTableType::AtReAddIndex
            | AlterTableType::AtReAddConstraint
            | AlterTableType::AtReAddDomainConstraint
            | AlterTableType::AtReAddComment
            | AlterTableType::AtReAddStatistics
            | AlterTableType::AtCookedColumnDefault
            | AlterTableType::AtAddColumnToView
            | AlterTableType::Undefined => {
                let what = format!("ALTER TABLE {}", subtype.as_str_name());
                self.unsupported(stmt, &what);
            }
        }
    }

    /// Applies `f` to table `table`, which `alter_table_cmd` has checked exists.
    /// `SET LOGGED` / `SET UNLOGGED`: the server sets every sequence the table owns (identity
    /// sequences follow the table's persistence in the model) along with it.
    fn set_persistence(&mut self, table: &QualName, unlogged: bool) {
        self.set_on_table(table, |t| t.unlogged = unlogged);
        for q in self.on_table.sequences(&self.catalog, table) {
            if let Some(s) = self.catalog.sequences.get_mut(&q) {
                s.unlogged = unlogged;
            }
        }
    }

    fn set_on_table(&mut self, table: &QualName, f: impl FnOnce(&mut Table)) {
        if let Some(t) = self.catalog.tables.get_mut(table) {
            f(t);
        }
    }

    fn with_column(
        &mut self,
        stmt: &Stmt,
        table: &QualName,
        column: &str,
        f: impl FnOnce(&mut Column),
    ) {
        match self
            .catalog
            .tables
            .get_mut(table)
            .and_then(|t| t.column_mut(column))
        {
            Some(col) => f(col),
            None => self.reject(
                stmt,
                format!(
                    "column {} of relation {} does not exist",
                    named(column),
                    table.sql()
                ),
            ),
        }
    }

    pub(super) fn create_index(&mut self, pos: Pos, stmt: &Stmt, s: &IndexStmt) {
        let Some(rv) = &s.relation else { return };
        let table = self.resolver().relation(&rv.schemaname, &rv.relname);
        if !self.resolver().relation_exists(&table) {
            self.missing(
                stmt,
                &table,
                format!("relation {} does not exist", table.sql()),
            );
            return;
        }
        if let Some(t) = self.catalog.tables.get(&table) {
            let named_columns = s
                .index_params
                .iter()
                .chain(&s.index_including_params)
                .filter_map(|p| match &p.node {
                    Some(NodeEnum::IndexElem(e)) if !e.name.is_empty() => Some(e.name.clone()),
                    _ => None,
                });
            if let Some(k) = named_columns.into_iter().find(|k| t.column(k).is_none()) {
                self.reject(stmt, format!("column {} does not exist", named(&k)));
                return;
            }
        }
        let mut s = s.clone();
        let named = !s.idxname.is_empty();
        if s.idxname.is_empty() {
            let params: Vec<Node> = s
                .index_params
                .iter()
                .chain(&s.index_including_params)
                .cloned()
                .collect();
            let cols = names::name_addition(&names::index_column_names(&params));
            let label = if s.primary {
                "pkey"
            } else if !s.exclude_op_names.is_empty() {
                "excl"
            } else if s.isconstraint {
                "key"
            } else {
                "idx"
            };
            let name2 = (!s.primary).then_some(cols.as_str());
            s.idxname = names::choose_name(&table.name, name2, label, |n| {
                self.relation_name_taken(&table.schema, n)
            });
        }
        let name = QualName::new(table.schema.clone(), s.idxname.clone());
        if self.catalog.indexes.contains_key(&name)
            || (named && self.resolver().relation_exists(&name))
        {
            if !s.if_not_exists {
                self.reject(stmt, format!("relation {} already exists", name.sql()));
            }
            return;
        }
        // An index on a partitioned table is created on each partition too, unless ONLY.
        let recurse = rv.inh;
        self.store_index(pos, &table, s);
        if recurse
            && self
                .catalog
                .tables
                .get(&table)
                .is_some_and(|t| t.partition_by.is_some())
        {
            for part in self.partitions_of(&table) {
                self.partition_index(stmt, pos, &name, &part);
            }
        }
    }

    /// The operator classes of the catalog (not the server's) that the columns of an index
    /// or exclusion constraint on `table` (access method `am`, its elements `elems`) which
    /// name none use: the access method's default for the column's type. The index needs
    /// them as it needs a class it names.
    fn default_opclasses<'e>(
        &self,
        table: &QualName,
        am: &str,
        elems: impl Iterator<Item = &'e protobuf::IndexElem>,
    ) -> Vec<QualName> {
        let am = if am.is_empty() { "btree" } else { am };
        let Some(t) = self.catalog.tables.get(table) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for e in elems {
            let Some(c) = t.column(&e.name).filter(|_| e.opclass.is_empty()) else {
                continue;
            };
            // As `Object::default_for` spells it: without modifiers, an array as an array.
            let base = crate::catalog::types::base_type(&c.type_sql);
            let ty = match c.type_sql.ends_with("[]") {
                true => format!("{base}[]"),
                false => base,
            };
            let before = out.len();
            out.extend(
                self.catalog
                    .objects_of(ObjKind::OperatorClass)
                    .filter(|(k, o)| k.sub == am && o.default_for.as_deref() == Some(ty.as_str()))
                    .map(|(k, _)| QualName::new(k.schema.clone(), k.name.clone())),
            );
            if out.len() > before {
                continue;
            }
            // Else an extension's (btree_gist's, say), named in its schema: the graph takes
            // a name the catalog does not hold there for the extensions of that schema.
            out.extend(self.catalog.extensions.iter().filter_map(|(name, e)| {
                let class = crate::catalog::contrib::default_opclass(name, am, &ty)?;
                Some(QualName::new(e.schema.clone()?, class))
            }));
        }
        out
    }

    /// Adds index `s` (named, on `table`) to the catalog as the server stores it: an index
    /// on a partitioned table reads `ON ONLY` however it was written, since its partitions'
    /// indexes are indexes of their own, attached to it.
    pub(super) fn store_index(&mut self, pos: Pos, table: &QualName, s: IndexStmt) {
        let name = QualName::new(table.schema.clone(), s.idxname.clone());
        let r = self.resolver();
        let mut idx = s;
        idx.concurrent = false;
        idx.if_not_exists = false;
        // Storage parameters are stored as text: `fillfactor = 70` is `fillfactor='70'`.
        for o in &mut idx.options {
            if let Some(NodeEnum::DefElem(d)) = o.node.as_mut() {
                let value = reloption_value(d);
                d.arg = Some(Box::new(super::string_node(&value)));
            }
        }
        if let Some(rv) = idx.relation.as_mut() {
            rv.inh = self
                .catalog
                .tables
                .get(table)
                .is_none_or(|t| t.partition_by.is_none());
        }
        let mut columns = Vec::new();
        let key_kind = |p: &Node| match &p.node {
            Some(NodeEnum::IndexElem(e)) if e.expr.is_some() => IndexColumnKind::Expression,
            _ => IndexColumnKind::Plain,
        };
        let column_kinds = idx
            .index_params
            .iter()
            .map(key_kind)
            .chain(
                idx.index_including_params
                    .iter()
                    .map(|_| IndexColumnKind::Included),
            )
            .collect();
        for p in &idx.index_params {
            if let Some(NodeEnum::IndexElem(e)) = &p.node {
                if !e.name.is_empty() {
                    columns.push(e.name.clone());
                }
                if let Some(x) = &e.expr {
                    columns.extend(column_refs(x));
                }
            }
        }
        let mut node = Node {
            node: Some(NodeEnum::IndexStmt(Box::new(idx))),
        };
        let mut deps = expr::references(&node, &r);
        if let Some(NodeEnum::IndexStmt(i)) = &node.node {
            let elems = i.index_params.iter().filter_map(|p| match &p.node {
                Some(NodeEnum::IndexElem(e)) => Some(&**e),
                _ => None,
            });
            deps.extend(self.default_opclasses(table, &i.access_method, elems));
        }
        expr::normalize(&mut node, &r);
        let shape = match &node.node {
            Some(NodeEnum::IndexStmt(i)) => index_shape(i),
            _ => String::new(),
        };
        let def = node
            .node
            .map(deparse_stmt)
            .unwrap_or_else(|| Err("empty".into()))
            .unwrap_or_else(|e| format!("/* {e} */"));
        let index = Index {
            table: table.clone(),
            def,
            columns,
            attached_to: None,
            shape,
            deps,
            extensions: Vec::new(),
            statistics: std::collections::BTreeMap::new(),
            column_kinds,
            pos,
        };
        self.on_table.note_index(&name, &index);
        self.catalog.indexes.insert(name, index);
    }

    /// The sequence behind a `serial` column (named as the server names it, `<table>_<col>_seq`,
    /// owned by the column, unlogged on an unlogged table); returns the column's canonical default and what it needs.
    fn serial_sequence(
        &mut self,
        pos: Pos,
        table: &QualName,
        column: &str,
        int: &str,
        unlogged: bool,
    ) -> (String, Vec<QualName>) {
        let name = names::choose_name(&table.name, Some(column), "seq", |n| {
            self.relation_name_taken(&table.schema, n)
        });
        let q = QualName::new(table.schema.clone(), name);
        let data_type = (int != "bigint").then(|| int.to_string());
        let options = SeqOptions {
            data_type,
            ..SeqOptions::default()
        };
        // Created with the table, by the same role (default privileges for sequences apply).
        let access = self.new_access(Some(DefaultAclKind::Sequences), Some(&table.schema));
        let seq = Sequence {
            options,
            owned_by: Some((table.clone(), column.to_string())),
            unlogged,
            access,
            pos,
        };
        self.on_table.note_sequence(&q, &seq);
        self.catalog.sequences.insert(q.clone(), seq);
        let text = format!(
            "nextval({}::regclass)",
            crate::emit::quote::literal(&q.sql())
        );
        let r = self.resolver();
        match expr::parse_expr(&text) {
            Some(e) => (expr::default_sql(&e, &r), expr::references(&e, &r)),
            None => (text, vec![q]),
        }
    }

    /// Whether a relation (table, index, sequence, view, composite type, or the index of a
    /// key constraint) named `name` exists in `schema`.
    pub(super) fn relation_name_taken(&self, schema: &str, name: &str) -> bool {
        let q = QualName::new(schema, name);
        self.resolver().relation_exists(&q)
            || self.catalog.objects.contains_key(&ObjKey {
                kind: ObjKind::Type,
                schema: schema.to_string(),
                name: name.to_string(),
                sub: String::new(),
            })
            || self.constraint_name_taken(schema, name, true)
    }

    /// Whether a constraint named `name` exists in `schema` (with `keys_only`, only those
    /// that own an index).
    pub(super) fn constraint_name_taken(&self, schema: &str, name: &str, keys_only: bool) -> bool {
        self.on_table
            .constraint_named(&self.catalog, schema, name, |c| {
                !keys_only
                    || matches!(
                        c.kind,
                        ConstraintKind::PrimaryKey
                            | ConstraintKind::Unique
                            | ConstraintKind::Exclude
                    )
            })
    }

    /// The name the server gives an unnamed table constraint.
    fn choose_constraint_name(
        &self,
        table: &QualName,
        kind: ConstraintKind,
        c: &protobuf::Constraint,
        columns: &[String],
    ) -> String {
        let schema = &table.schema;
        let index_taken = |n: &str| {
            self.relation_name_taken(schema, n) || self.constraint_name_taken(schema, n, false)
        };
        let con_taken = |n: &str| self.constraint_name_taken(schema, n, false);
        match kind {
            ConstraintKind::PrimaryKey => {
                names::choose_name(&table.name, None, "pkey", index_taken)
            }
            ConstraintKind::Unique => names::choose_name(
                &table.name,
                Some(&names::name_addition(columns)),
                "key",
                index_taken,
            ),
            ConstraintKind::Exclude => {
                let elems: Vec<Node> = c
                    .exclusions
                    .iter()
                    .filter_map(|x| match &x.node {
                        Some(NodeEnum::List(l)) => l.items.first().cloned(),
                        _ => None,
                    })
                    .collect();
                names::choose_name(
                    &table.name,
                    Some(&names::name_addition(&names::index_column_names(&elems))),
                    "excl",
                    index_taken,
                )
            }
            ConstraintKind::ForeignKey => names::choose_name(
                &table.name,
                Some(&names::name_addition(columns)),
                "fkey",
                con_taken,
            ),
            ConstraintKind::Check => {
                // Named after its column when it reads exactly one.
                let mut cols: Vec<String> =
                    c.raw_expr.as_deref().map(column_refs).unwrap_or_default();
                cols.sort();
                cols.dedup();
                let col = if cols.len() == 1 {
                    cols.first().cloned()
                } else {
                    None
                };
                names::choose_name(&table.name, col.as_deref(), "check", con_taken)
            }
        }
    }
}

/// A column's default (canonical text, position) and what it refers to, as the server
/// stores it for a column of type `type_sql`.
fn column_default(
    e: &Node,
    type_sql: &str,
    r: &Resolver,
    pos: Pos,
) -> (Option<(String, Pos)>, Vec<QualName>) {
    match expr::stored_default(e, type_sql, r) {
        Some(d) => (
            Some((expr::default_sql(&d, r), pos)),
            expr::references(&d, r),
        ),
        None => (None, Vec::new()),
    }
}

/// The integer type behind `smallserial`, `serial` and `bigserial` (and `serial2/4/8`).
/// Whether `ALTER TABLE` command `c` gives every row a new value: a column's type changes,
/// or a column comes with a default (a NULL default is none), an identity or a generated
/// expression.
fn new_values(c: &AlterTableCmd) -> bool {
    let subtype = AlterTableType::try_from(c.subtype).unwrap_or(AlterTableType::Undefined);
    if subtype == AlterTableType::AtAlterColumnType {
        return true;
    }
    let Some(NodeEnum::ColumnDef(cd)) = c.def.as_ref().and_then(|d| d.node.as_ref()) else {
        return false;
    };
    if subtype != AlterTableType::AtAddColumn {
        return false;
    }
    let valued = |e: Option<&Node>| e.is_some_and(|e| !expr::is_null_constant(e));
    cd.type_name.as_ref().and_then(serial_type).is_some()
        || valued(cd.raw_default.as_deref())
        || cd.constraints.iter().any(|k| {
            if let Some(NodeEnum::Constraint(k)) = &k.node {
                match ConstrType::try_from(k.contype).unwrap_or(ConstrType::Undefined) {
                    ConstrType::ConstrDefault => valued(k.raw_expr.as_deref()),
                    ConstrType::ConstrIdentity | ConstrType::ConstrGenerated => true,
                    ConstrType::ConstrNotnull
                    | ConstrType::ConstrNull
                    | ConstrType::ConstrCheck
                    | ConstrType::ConstrPrimary
                    | ConstrType::ConstrUnique
                    | ConstrType::ConstrExclusion
                    | ConstrType::ConstrForeign
                    | ConstrType::ConstrAttrDeferrable
                    | ConstrType::ConstrAttrNotDeferrable
                    | ConstrType::ConstrAttrDeferred
                    | ConstrType::ConstrAttrImmediate
                    | ConstrType::ConstrAttrEnforced
                    | ConstrType::ConstrAttrNotEnforced
                    | ConstrType::Undefined => false,
                }
            } else {
                false
            }
        })
}

pub(crate) fn serial_type(tn: &protobuf::TypeName) -> Option<&'static str> {
    // Read in place: every column's type passes here.
    fn word(n: &Node) -> Option<&str> {
        if let Some(NodeEnum::String(s)) = n.node.as_ref() {
            Some(s.sval.as_str())
        } else {
            None
        }
    }
    let name = match tn.names.as_slice() {
        [n] => word(n)?,
        [s, n] if word(s) == Some("pg_catalog") => word(n)?,
        _ => return None,
    };
    if !tn.array_bounds.is_empty() {
        return None;
    }
    match name {
        "smallserial" | "serial2" => Some("smallint"),
        "serial" | "serial4" => Some("integer"),
        "bigserial" | "serial8" => Some("bigint"),
        _ => None,
    }
}

/// Column names read by an expression.
fn column_refs(n: &Node) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = n.clone();
    expr::walk(&mut n, &mut |x| {
        if let NodeEnum::ColumnRef(c) = x {
            if let Some(last) = c.fields.last().and_then(node_string) {
                out.push(last);
            }
        }
    });
    out
}

/// Applies a column constraint's attribute (`DEFERRABLE`, `INITIALLY DEFERRED`, ...) to the
/// constraint before it. `false`: an attribute the catalog does not model.
fn apply_attr(c: &mut protobuf::Constraint, attr: i32) -> bool {
    match ConstrType::try_from(attr).unwrap_or(ConstrType::Undefined) {
        ConstrType::ConstrAttrDeferrable => c.deferrable = true,
        ConstrType::ConstrAttrNotDeferrable => c.deferrable = false,
        ConstrType::ConstrAttrDeferred => c.initdeferred = true,
        ConstrType::ConstrAttrImmediate => c.initdeferred = false,
        // A constraint is enforced unless it says otherwise.
        ConstrType::ConstrAttrEnforced => {}
        ConstrType::ConstrAttrNotEnforced => return false,
        // Not attributes: the caller sends none of these.
        ConstrType::Undefined
        | ConstrType::ConstrNull
        | ConstrType::ConstrNotnull
        | ConstrType::ConstrDefault
        | ConstrType::ConstrIdentity
        | ConstrType::ConstrGenerated
        | ConstrType::ConstrCheck
        | ConstrType::ConstrPrimary
        | ConstrType::ConstrUnique
        | ConstrType::ConstrExclusion
        | ConstrType::ConstrForeign => {}
    }
    true
}

/// `ALWAYS` or `BY DEFAULT` from the grammar's `a` / `d` (a character code, `97` / `100`,
/// in `SET GENERATED`).
fn identity_kind(when: Option<&str>) -> String {
    match when {
        Some("a") | Some("always") | Some("97") => "ALWAYS".to_string(),
        _ => "BY DEFAULT".to_string(),
    }
}

/// The exclusion constraint `def` (`EXCLUDE USING gist (a WITH &&)`) as the parser reads it,
/// for its elements; an empty constraint if it does not read back.
fn exclusion_elements(def: &str) -> protobuf::Constraint {
    stored_constraint(def).unwrap_or_default()
}

/// A constraint's stored definition (what follows `ADD CONSTRAINT name`) as the parser reads
/// it back.
fn stored_constraint(def: &str) -> Option<protobuf::Constraint> {
    let parsed = crate::catalog::alter::parse_one(&format!("ALTER TABLE t ADD {def}"));
    let Some(NodeEnum::AlterTableStmt(a)) = parsed else {
        return None;
    };
    a.cmds.iter().find_map(|cmd| match &cmd.node {
        Some(NodeEnum::AlterTableCmd(c)) => match c.def.as_deref().and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::Constraint(k)) => Some((**k).clone()),
            _ => None,
        },
        _ => None,
    })
}

/// Whether expression `n` reads column `column`.
fn reads_column(n: &Node, column: &str) -> bool {
    column_refs(n).iter().any(|k| k == column)
}

fn identity_from(table: &QualName, column: &str, c: &protobuf::Constraint, pos: Pos) -> Identity {
    let mut options = SeqOptions::default();
    super::sequence::apply_seq_options(&mut options, &c.options);
    let seq_name = c.options.iter().find_map(|o| match &o.node {
        Some(NodeEnum::DefElem(d)) if d.defname == "sequence_name" => {
            match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::List(l)) => {
                    let parts = name_list(&l.items);
                    match parts.as_slice() {
                        [s, n] => Some(QualName::new(s.clone(), n.clone())),
                        [n] => Some(QualName::new(table.schema.clone(), n.clone())),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    });
    let sequence = seq_name.unwrap_or_else(|| {
        QualName::new(
            table.schema.clone(),
            truncate_ident(&format!("{}_{}_seq", table.name, column)),
        )
    });
    Identity {
        kind: identity_kind(Some(&c.generated_when)),
        sequence,
        options,
        pos,
    }
}

/// Canonical collation name: builtin collations bare, others qualified (an unqualified
/// name is the user collation of the search path, if there is one).
pub(super) fn collation_sql(names: &[Node], r: &Resolver) -> String {
    let parts = name_list(names);
    match parts.as_slice() {
        [s, n] if s == "pg_catalog" => quote::ident(n),
        [s, n] => quote::qualified(s, n),
        [n] => match super::kinds::in_path(r, ObjKind::Collation, n) {
            Some(s) => quote::qualified(&s, n),
            None => quote::ident(n),
        },
        _ => parts.join("."),
    }
}

/// `key=value` pairs of a WITH (...) list, in the order written (the server keeps it).
fn reloptions(options: &[Node]) -> Vec<String> {
    reloption_pairs(options)
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect()
}

/// A storage parameter's value as the server stores it: text, `true` when none is given.
fn reloption_value(d: &protobuf::DefElem) -> String {
    d.arg
        .as_deref()
        .and_then(node_string)
        .unwrap_or_else(|| "true".to_string())
        .to_lowercase()
}

fn reloption_pairs(options: &[Node]) -> Vec<(String, String)> {
    options
        .iter()
        .filter_map(|o| match &o.node {
            Some(NodeEnum::DefElem(d)) => {
                let key = if d.defnamespace.is_empty() {
                    d.defname.clone()
                } else {
                    format!("{}.{}", d.defnamespace, d.defname)
                };
                Some((key, reloption_value(d)))
            }
            _ => None,
        })
        .collect()
}

/// Canonical definition of a constraint of `table`, as written after `ADD CONSTRAINT name`:
/// its expressions settled over the table's columns as the server stores them.
pub(super) fn constraint_def(c: &protobuf::Constraint, r: &Resolver, table: &QualName) -> String {
    let mut c = c.clone();
    c.conname = String::new();
    c.initially_valid = !c.skip_validation;
    c.location = 0;
    let mut node = Node {
        node: Some(NodeEnum::Constraint(Box::new(c))),
    };
    expr::normalize_in(
        &mut node,
        r,
        Some(&crate::catalog::typing::Scope::table(r, table)),
    );
    let stmt = AlterTableStmt {
        relation: Some(protobuf::RangeVar {
            relname: "t".into(),
            inh: true,
            relpersistence: "p".into(),
            ..Default::default()
        }),
        cmds: vec![Node {
            node: Some(NodeEnum::AlterTableCmd(Box::new(AlterTableCmd {
                subtype: AlterTableType::AtAddConstraint as i32,
                def: Some(Box::new(node)),
                behavior: protobuf::DropBehavior::DropRestrict as i32,
                ..Default::default()
            }))),
        }],
        objtype: protobuf::ObjectType::ObjectTable as i32,
        missing_ok: false,
    };
    match deparse_stmt(NodeEnum::AlterTableStmt(stmt)) {
        Ok(s) => s
            .strip_prefix("ALTER TABLE t ADD ")
            .map(str::to_string)
            .unwrap_or(s),
        Err(e) => format!("/* cannot deparse constraint: {e} */"),
    }
}

/// `PRIMARY KEY USING INDEX i` turns into the index's own definition.
fn index_as_constraint(kind: ConstraintKind, index_def: &str, c: &protobuf::Constraint) -> String {
    let cols = index_def
        .split_once(" (")
        .map(|(_, rest)| rest)
        .unwrap_or("");
    let cols = cols.split(')').next().unwrap_or("");
    let head = if kind == ConstraintKind::PrimaryKey {
        "PRIMARY KEY"
    } else {
        "UNIQUE"
    };
    let mut s = format!("{head} ({cols})");
    if c.deferrable {
        s.push_str(" DEFERRABLE");
    }
    if c.initdeferred {
        s.push_str(" INITIALLY DEFERRED");
    }
    s
}

/// Identifiers are at most 63 bytes.
pub(super) fn truncate_ident(s: &str) -> String {
    let mut end = s.len().min(63);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// What `LIKE source INCLUDING ...` copies (`CREATE_TABLE_LIKE_*` in the server).
mod like {
    pub const COMMENTS: u32 = 1 << 0;
    pub const COMPRESSION: u32 = 1 << 1;
    pub const CONSTRAINTS: u32 = 1 << 2;
    pub const DEFAULTS: u32 = 1 << 3;
    pub const GENERATED: u32 = 1 << 4;
    pub const IDENTITY: u32 = 1 << 5;
    pub const INDEXES: u32 = 1 << 6;
    pub const STATISTICS: u32 = 1 << 7;
    pub const STORAGE: u32 = 1 << 8;
}

impl Replay {
    /// `LIKE source [INCLUDING ...]` in a CREATE TABLE: the source's columns (names, types,
    /// collations, NOT NULL) at this place among the elements, with what the options
    /// include: defaults, generation expressions, storage, compression, CHECK constraints;
    /// identity (`identity_copy`); indexes, extended statistics and comments are noted in
    /// `later` (see `like_copies`). False: refused.
    fn like(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        table: &QualName,
        t: &mut Table,
        l: &protobuf::TableLikeClause,
        later: &mut Vec<(QualName, u32)>,
    ) -> bool {
        let Some(rv) = &l.relation else {
            return true;
        };
        let q = self.resolver().relation(&rv.schemaname, &rv.relname);
        let Some(source) = self.catalog.tables.get(&q) else {
            let msg = format!("relation {} does not exist", q.sql());
            if self.resolver().relation_exists(&q) {
                self.unsupported(stmt, "CREATE TABLE ... (LIKE a view or sequence)");
                return true;
            }
            return !self.maybe_missing(stmt, &q, msg);
        };
        let has = |bit: u32| l.options & bit != 0;
        let mut columns = Vec::new();
        for c in &source.columns {
            let mut col = Column::new(c.name.clone(), c.type_sql.clone());
            col.collation = c.collation.clone();
            col.not_null = c.not_null;
            if has(like::DEFAULTS) && c.generated.is_none() {
                col.default = c.default.as_ref().map(|(d, _)| (d.clone(), pos));
                col.default_deps = c.default_deps.clone();
            }
            if has(like::GENERATED) && c.generated.is_some() {
                col.generated = c.generated.clone();
                col.generated_deps = c.generated_deps.clone();
                col.generated_reads = c.generated_reads.clone();
            }
            if has(like::STORAGE) {
                col.storage = c.storage.clone();
            }
            if has(like::COMPRESSION) {
                col.compression = c.compression.clone();
            }
            if has(like::IDENTITY) {
                col.identity = c
                    .identity
                    .as_ref()
                    .map(|id| self.identity_copy(table, c, id, pos));
            }
            columns.push(col);
        }
        let checks: Vec<(String, Constraint)> = if has(like::CONSTRAINTS) {
            source
                .constraints
                .iter()
                .filter(|(_, c)| c.kind == ConstraintKind::Check)
                .map(|(n, c)| {
                    let mut c = c.clone();
                    c.inherited = false;
                    c.parent = None;
                    c.pos = pos;
                    (n.clone(), c)
                })
                .collect()
        } else {
            Vec::new()
        };
        for col in columns {
            if t.column(&col.name).is_some() {
                self.reject(
                    stmt,
                    format!("column {} specified more than once", named(&col.name)),
                );
                return false;
            }
            t.columns.push(col);
        }
        for (n, c) in checks {
            t.constraints.entry(n).or_insert(c);
        }
        if has(like::INDEXES) || has(like::COMMENTS) || has(like::STATISTICS) {
            later.push((q, l.options));
        }
        true
    }

    /// The identity `LIKE ... INCLUDING IDENTITY` gives `table`'s copy of column `c`: a new
    /// sequence named as the server names it, with the source's options. The server writes
    /// them all out (its copy is even a `bigint` sequence holding the source's bounds, which
    /// a dump restores as the column's type): so here they are explicit, the type left to
    /// the column.
    fn identity_copy(&self, table: &QualName, c: &Column, id: &Identity, pos: Pos) -> Identity {
        let mut typed = id.options.clone();
        typed.data_type.get_or_insert_with(|| c.type_sql.clone());
        let r = typed.resolved();
        let name = names::choose_name(&table.name, Some(&c.name), "seq", |n| {
            self.relation_name_taken(&table.schema, n)
        });
        Identity {
            kind: id.kind.clone(),
            sequence: QualName::new(table.schema.clone(), name),
            options: SeqOptions {
                data_type: None,
                increment: Some(r.increment),
                min_value: Some(r.min_value),
                max_value: Some(r.max_value),
                start: Some(r.start),
                cache: Some(r.cache),
                cycle: r.cycle,
            },
            pos,
        }
    }

    /// What `LIKE source INCLUDING INDEXES / STATISTICS / COMMENTS` gives `table` once it
    /// exists and has its own constraints, as the server expands the clause then: a copy of
    /// each of the source's key constraints and indexes, in the order they were made, named
    /// as new ones are (`t_pkey`, `t_a_key`, `t_a_excl`, `t_lower_idx`); a copy of each of
    /// its extended statistics objects (`statistics_copy`); the comments of the source's
    /// columns, of the CHECK constraints copied, of the indexes copied (not those of key
    /// constraints, which the server leaves behind) and of the statistics copied.
    fn like_copies(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        table: &QualName,
        source: &QualName,
        options: u32,
    ) {
        let has = |bit: u32| options & bit != 0;
        let Some(src) = self.catalog.tables.get(source).cloned() else {
            return;
        };
        // (the source's comment target, the copy's)
        let mut notes: Vec<(String, String)> = Vec::new();
        if has(like::COMMENTS) {
            for c in &src.columns {
                notes.push((
                    comment::column_target(source, &c.name),
                    comment::column_target(table, &c.name),
                ));
            }
            if has(like::CONSTRAINTS) {
                for n in src
                    .constraints
                    .iter()
                    .filter(|(_, c)| c.kind == ConstraintKind::Check)
                    .map(|(n, _)| n)
                {
                    notes.push((
                        comment::constraint_target(n, source),
                        comment::constraint_target(n, table),
                    ));
                }
            }
        }
        if has(like::INDEXES) {
            enum Copy {
                Key(String, Constraint),
                Index(QualName, Index),
            }
            let keys = src.constraints.iter().filter(|(_, c)| {
                matches!(
                    c.kind,
                    ConstraintKind::PrimaryKey | ConstraintKind::Unique | ConstraintKind::Exclude
                )
            });
            let mut copies: Vec<(Pos, String, Copy)> = keys
                .map(|(n, c)| (c.pos, n.clone(), Copy::Key(n.clone(), c.clone())))
                .collect();
            for q in self.indexes_on(source) {
                if let Some(i) = self.catalog.indexes.get(&q) {
                    copies.push((i.pos, q.name.clone(), Copy::Index(q.clone(), i.clone())));
                }
            }
            copies.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
            for (_, _, copy) in copies {
                match copy {
                    Copy::Key(old, c) => {
                        if self.refuse_second_primary_key(stmt, table, c.kind) {
                            return;
                        }
                        // Named as an unnamed one of the table's own would be; an exclusion
                        // constraint by its elements, read back from its definition.
                        let elements = match c.kind {
                            ConstraintKind::Exclude => exclusion_elements(&c.def),
                            ConstraintKind::PrimaryKey
                            | ConstraintKind::Unique
                            | ConstraintKind::ForeignKey
                            | ConstraintKind::Check => protobuf::Constraint::default(),
                        };
                        let n = self.choose_constraint_name(table, c.kind, &elements, &c.columns);
                        self.store_constraint(
                            table,
                            &n,
                            Constraint {
                                inherited: false,
                                parent: None,
                                pos,
                                ..c
                            },
                        );
                        if has(like::COMMENTS) {
                            notes.push((
                                comment::index_target(&QualName::new(source.schema.clone(), old)),
                                comment::index_target(&QualName::new(table.schema.clone(), n)),
                            ));
                        }
                    }
                    Copy::Index(old, i) => {
                        let Some(s) = self.clone_index(&i, table) else {
                            self.unsupported(
                                stmt,
                                "an index of the LIKE source that cannot be read back",
                            );
                            continue;
                        };
                        let q = QualName::new(table.schema.clone(), s.idxname.clone());
                        self.store_index(pos, table, s);
                        if has(like::COMMENTS) {
                            notes.push((comment::index_target(&old), comment::index_target(&q)));
                        }
                    }
                }
            }
        }
        if has(like::STATISTICS) {
            let mut stats: Vec<(Pos, ObjKey)> = self
                .on_table
                .objects(&self.catalog, source)
                .into_iter()
                .filter(|k| k.kind == ObjKind::Statistics)
                .filter_map(|k| Some((self.catalog.objects.get(&k)?.pos, k)))
                .collect();
            stats.sort();
            for (_, k) in stats {
                if let Some(copied) = self.statistics_copy(pos, stmt, table, &k) {
                    if has(like::COMMENTS) {
                        notes.push(copied);
                    }
                }
            }
        }
        for (from, to) in notes {
            if let Some(c) = self.catalog.comments.get(&from).cloned() {
                self.catalog
                    .comments
                    .insert(to, Comment { text: c.text, pos });
            }
        }
    }

    /// `LIKE ... INCLUDING STATISTICS`: a copy on `table` of the extended statistics object
    /// `source` (of the LIKE source), as the server makes it: the same kinds, columns and
    /// expressions, in `table`'s schema, named by the server's `ChooseExtendedStatisticName`
    /// (`t_a_b_stat`, `expr` for each expression, a number after `stat` when the name is
    /// taken among the schema's statistics), without the source's statistics target. The
    /// comment targets of the source and of the copy; `None` when it cannot be read back.
    fn statistics_copy(
        &mut self,
        pos: Pos,
        stmt: &Stmt,
        table: &QualName,
        source: &ObjKey,
    ) -> Option<(String, String)> {
        let o = self.catalog.objects.get(source)?;
        let from = o.target.clone();
        let Some(NodeEnum::CreateStatsStmt(mut st)) = crate::catalog::alter::parse_one(&o.create)
        else {
            self.unsupported(
                stmt,
                "an extended statistics object of the LIKE source that cannot be read back",
            );
            return None;
        };
        // Its columns in table order, then its expressions: canonical order, which is the
        // order the server reads them in to name the copy.
        let elements: Vec<String> = st
            .exprs
            .iter()
            .filter_map(|e| match &e.node {
                Some(NodeEnum::StatsElem(e)) if e.expr.is_none() => Some(e.name.clone()),
                Some(NodeEnum::StatsElem(_)) => Some("expr".to_string()),
                Some(_) | None => None,
            })
            .collect();
        let addition = names::name_addition(&elements);
        let name = names::choose_name(&table.name, Some(&addition), "stat", |n| {
            self.catalog.objects.contains_key(&ObjKey {
                kind: ObjKind::Statistics,
                schema: table.schema.clone(),
                name: n.to_string(),
                sub: String::new(),
            })
        });
        let key = ObjKey {
            kind: ObjKind::Statistics,
            schema: table.schema.clone(),
            name,
            sub: String::new(),
        };
        for rel in &mut st.relations {
            if let Some(NodeEnum::RangeVar(rv)) = rel.node.as_mut() {
                rv.schemaname = table.schema.clone();
                rv.relname = table.name.clone();
            }
        }
        let mut node = NodeEnum::CreateStatsStmt(st);
        super::generic::qualify_name(&mut node, &key);
        let copy = Stmt {
            file: stmt.file.clone(),
            span: stmt.span.clone(),
            node: std::sync::Arc::new(node),
            body: None,
        };
        self.create_generic(pos, &copy);
        let to = self.catalog.objects.get(&key)?.target.clone();
        Some((from, to))
    }

    /// A partition's bound of `parent` as the server prints it: each value written as a
    /// string is the output of its key column's type (`'2024-01-01'` of a `timestamp` key
    /// is `'2024-01-01 00:00:00'`).
    fn partition_bound_sql(&self, parent: &QualName, b: &protobuf::PartitionBoundSpec) -> String {
        let r = self.resolver();
        let key: Vec<Option<String>> = self
            .catalog
            .tables
            .get(parent)
            .map(|p| {
                p.partition_key
                    .iter()
                    .map(|c| Some(p.column(c.as_deref()?)?.type_sql.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let mut b = b.clone();
        let settle = |datums: &mut Vec<Node>, key: &mut dyn Iterator<Item = Option<&String>>| {
            for d in datums.iter_mut() {
                let ty = key.next().flatten();
                if let (Some(ty), Some(NodeEnum::AConst(c))) = (ty, d.node.as_mut()) {
                    if let Some(protobuf::a_const::Val::Sval(s)) = c.val.as_mut() {
                        if let Some(text) = crate::catalog::typing::output_text(&s.sval, ty, &r) {
                            s.sval = text;
                        }
                    }
                }
            }
        };
        // A list key has one element; a range bound one value per element.
        let first = key.first().cloned().flatten();
        settle(&mut b.listdatums, &mut std::iter::repeat(first.as_ref()));
        settle(&mut b.lowerdatums, &mut key.iter().map(Option::as_ref));
        settle(&mut b.upperdatums, &mut key.iter().map(Option::as_ref));
        partition_bound_text(&b)
    }
}

fn partition_bound_text(b: &protobuf::PartitionBoundSpec) -> String {
    let stmt = protobuf::CreateStmt {
        relation: Some(protobuf::RangeVar {
            relname: "c".into(),
            inh: true,
            relpersistence: "p".into(),
            ..Default::default()
        }),
        inh_relations: vec![Node {
            node: Some(NodeEnum::RangeVar(protobuf::RangeVar {
                relname: "p".into(),
                inh: true,
                relpersistence: "p".into(),
                ..Default::default()
            })),
        }],
        partbound: Some(b.clone()),
        oncommit: protobuf::OnCommitAction::OncommitNoop as i32,
        ..Default::default()
    };
    match deparse_stmt(NodeEnum::CreateStmt(stmt)) {
        Ok(s) => s
            .split_once(" PARTITION OF p ")
            .map(|(_, b)| b.to_string())
            .unwrap_or(s),
        Err(e) => format!("/* {e} */"),
    }
}

/// What the server compares to match a partition's index with its parent's: the
/// (normalized) definition without its name and table.
pub(super) fn index_shape(i: &IndexStmt) -> String {
    let mut i = i.clone();
    i.idxname = String::new();
    i.relation = Some(protobuf::RangeVar {
        relname: "t".into(),
        inh: true,
        relpersistence: "p".into(),
        ..Default::default()
    });
    match deparse_stmt(NodeEnum::IndexStmt(Box::new(i))) {
        Ok(s) => s
            .strip_prefix("CREATE ")
            .unwrap_or(&s)
            .replacen("INDEX ON t ", "", 1),
        Err(e) => format!("/* {e} */"),
    }
}

fn partition_spec_sql(spec: &protobuf::PartitionSpec, r: &Resolver) -> String {
    let mut spec = spec.clone();
    spec.location = 0;
    let stmt = protobuf::CreateStmt {
        relation: Some(protobuf::RangeVar {
            relname: "p".into(),
            inh: true,
            relpersistence: "p".into(),
            ..Default::default()
        }),
        partspec: Some(spec),
        oncommit: protobuf::OnCommitAction::OncommitNoop as i32,
        ..Default::default()
    };
    let mut n = Node {
        node: Some(NodeEnum::CreateStmt(stmt)),
    };
    expr::normalize(&mut n, r);
    match n.node.map(deparse_stmt) {
        Some(Ok(s)) => s
            .split_once("PARTITION BY ")
            .map(|(_, b)| b.to_string())
            .unwrap_or(s),
        Some(Err(e)) => format!("/* {e} */"),
        None => String::new(),
    }
}

/// Key constraints of one CREATE TABLE that would make the same index are made once, as the
/// server does (`UNIQUE PRIMARY KEY` is a primary key): the primary key is kept first, then
/// the first of equal others; a name written on a dropped one goes to the unnamed kept one.
/// Only keys over plain columns are compared (expressions and predicates belong to EXCLUDE
/// constraints, which are left as written).
fn drop_redundant_keys(pending: &mut Vec<(Option<String>, protobuf::Constraint)>) {
    let key_kind = |c: &protobuf::Constraint| {
        matches!(
            ConstrType::try_from(c.contype),
            Ok(ConstrType::ConstrPrimary | ConstrType::ConstrUnique)
        )
    };
    let shape = |col: &Option<String>, c: &protobuf::Constraint| {
        let mut cols = super::name_list(&c.keys);
        if cols.is_empty() {
            cols.extend(col.clone());
        }
        (
            cols,
            super::name_list(&c.including),
            c.access_method.clone(),
            c.nulls_not_distinct,
            c.deferrable,
            c.initdeferred,
        )
    };
    let pk = pending
        .iter()
        .position(|(_, c)| ConstrType::try_from(c.contype) == Ok(ConstrType::ConstrPrimary));
    let mut order: Vec<usize> = pk.into_iter().collect();
    order.extend((0..pending.len()).filter(|i| Some(*i) != pk));
    let mut kept: Vec<usize> = Vec::new();
    let mut gone: Vec<usize> = Vec::new();
    for i in order {
        let Some((col, c)) = pending.get(i) else {
            continue;
        };
        if !key_kind(c) {
            continue;
        }
        let same = kept.iter().copied().find(|&k| {
            pending
                .get(k)
                .is_some_and(|(kcol, kc)| shape(kcol, kc) == shape(col, c))
        });
        match same {
            Some(k) => {
                if !c.conname.is_empty() {
                    let name = c.conname.clone();
                    if let Some((_, kc)) =
                        pending.get_mut(k).filter(|(_, kc)| kc.conname.is_empty())
                    {
                        kc.conname = name;
                    }
                }
                gone.push(i);
            }
            None => kept.push(i),
        }
    }
    let mut i = 0;
    pending.retain(|_| {
        i += 1;
        !gone.contains(&(i - 1))
    });
}

/// A name as the server's messages print it: in double quotes.
fn named(name: &str) -> String {
    format!("\"{name}\"")
}

#[cfg(test)]
pub(super) mod tests {
    /// The messages of the warnings met replaying `sql`.
    pub(in crate::catalog::replay) fn warnings(sql: &str) -> Vec<String> {
        let file = std::sync::Arc::new(crate::input::SourceFile::new("t.sql", sql.to_string()));
        let l = crate::catalog_from_files(&[file], &crate::LoadOptions::default(), Vec::new())
            .expect("loads");
        l.warnings.iter().map(|d| d.message.clone()).collect()
    }

    /// The messages of the errors met replaying `sql` (none when it loads).
    pub(in crate::catalog::replay) fn errors(sql: &str) -> Vec<String> {
        let file = std::sync::Arc::new(crate::input::SourceFile::new("t.sql", sql.to_string()));
        match crate::catalog_from_files(&[file], &crate::LoadOptions::default(), Vec::new()) {
            Ok(_) => Vec::new(),
            Err(d) => d
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.message.clone())
                .collect(),
        }
    }

    #[test]
    fn index_statistics_are_kept_on_expression_columns_and_passed_to_attached_indexes() {
        let sql = "CREATE TABLE p (a int, b text) PARTITION BY RANGE (a);\nCREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);\n\
                   CREATE INDEX pe ON p ((a + 1), b);\nALTER INDEX pe ALTER COLUMN 1 SET STATISTICS 20000;\n\
                   CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20);";
        let c = crate::catalog_from_sql("t.sql", sql).expect("loads");
        let stats = |n: &str| {
            c.indexes
                .get(&crate::catalog::QualName::new("public", n))
                .map(|i| i.statistics.clone().into_iter().collect::<Vec<_>>())
        };
        // Above the maximum, the maximum; the partition's index follows; a later one does not.
        assert_eq!(stats("pe"), Some(vec![(1, 10000)]));
        assert_eq!(stats("p1_expr_b_idx"), Some(vec![(1, 10000)]));
        assert_eq!(stats("p2_expr_b_idx"), Some(vec![]));
        let reset = format!("{sql}\nALTER INDEX pe ALTER COLUMN 1 SET STATISTICS -1;");
        let c = crate::catalog_from_sql("t.sql", &reset).expect("loads");
        assert!(c.indexes.values().all(|i| i.statistics.is_empty()));
    }

    #[test]
    fn index_statistics_the_server_refuses_are_refused() {
        let base =
            "CREATE TABLE t (a int, b text);\nCREATE INDEX i ON t ((a + 1), b) INCLUDE (a);\n";
        let refused = |cmd: &str| errors(&format!("{base}{cmd}"));
        assert_eq!(
            refused("ALTER INDEX i ALTER COLUMN 1 SET STATISTICS 5;"),
            Vec::<String>::new()
        );
        assert_eq!(
            refused("ALTER INDEX i ALTER COLUMN 2 SET STATISTICS 5;"),
            ["cannot alter statistics on non-expression column 2 of index \"i\""]
        );
        assert_eq!(
            refused("ALTER INDEX i ALTER COLUMN 3 SET STATISTICS 5;"),
            ["cannot alter statistics on included column 3 of index \"i\""]
        );
        assert_eq!(
            refused("ALTER INDEX i ALTER COLUMN 4 SET STATISTICS 5;"),
            ["column number 4 of relation \"i\" does not exist"]
        );
        assert_eq!(
            refused("ALTER INDEX i ALTER COLUMN 1 SET STATISTICS -2;"),
            ["statistics target -2 is too low"]
        );
    }

    #[test]
    fn a_typed_table_has_its_types_columns_and_changes_with_it() {
        let sql = "CREATE TYPE ty AS (id int, name text COLLATE \"C\");\n\
                   CREATE TABLE t OF ty (id WITH OPTIONS PRIMARY KEY, name NOT NULL DEFAULT 'x');\n\
                   ALTER TYPE ty ADD ATTRIBUTE score numeric CASCADE, ALTER ATTRIBUTE id TYPE bigint CASCADE;";
        let c = crate::catalog_from_sql("t.sql", sql).expect("loads");
        let t = c
            .tables
            .get(&crate::catalog::QualName::new("public", "t"))
            .expect("t");
        assert_eq!(
            t.of_type,
            Some(crate::catalog::QualName::new("public", "ty"))
        );
        let cols: Vec<(&str, &str, Option<&str>, bool)> = t
            .columns
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.type_sql.as_str(),
                    c.collation.as_deref(),
                    c.not_null,
                )
            })
            .collect();
        assert_eq!(
            cols,
            [
                ("id", "bigint", None, true),
                ("name", "text", Some("\"C\""), true),
                ("score", "numeric", None, false)
            ]
        );
        assert_eq!(
            t.column("name")
                .and_then(|c| c.default.as_ref())
                .map(|d| d.0.as_str()),
            Some("'x'::text")
        );
        assert!(t.constraints.contains_key("t_pkey"));
        // DROP ... CASCADE takes the typed table along.
        let dropped = crate::catalog_from_sql("t.sql", &format!("{sql}\nDROP TYPE ty CASCADE;"))
            .expect("loads");
        assert!(dropped.tables.is_empty());
    }

    #[test]
    fn what_the_server_refuses_of_typed_tables_is_refused() {
        let base = "CREATE TYPE ty AS (id int, name text);\nCREATE TABLE t OF ty;\nCREATE TABLE p (id int, name text);\n";
        let refused = |cmd: &str| errors(&format!("{base}{cmd}"));
        assert_eq!(
            refused("CREATE TABLE u OF ty (nope WITH OPTIONS NOT NULL);"),
            ["column \"nope\" does not exist"]
        );
        assert_eq!(
            refused("CREATE TABLE u OF ty (id NOT NULL, id DEFAULT 1);"),
            ["column \"id\" specified more than once"]
        );
        assert_eq!(
            refused("CREATE TABLE u OF nope;"),
            ["type public.nope does not exist"]
        );
        assert_eq!(
            refused("ALTER TABLE t ADD COLUMN x int;"),
            ["cannot add column to typed table"]
        );
        assert_eq!(
            refused("ALTER TABLE t DROP COLUMN id;"),
            ["cannot drop column from typed table"]
        );
        assert_eq!(
            refused("ALTER TABLE t ALTER COLUMN id TYPE bigint;"),
            ["cannot alter column type of typed table"]
        );
        assert_eq!(
            refused("ALTER TABLE t RENAME COLUMN id TO x;"),
            ["cannot rename column of typed table"]
        );
        assert_eq!(
            refused("ALTER TABLE p NOT OF;"),
            ["\"p\" is not a typed table"]
        );
        assert_eq!(
            refused("ALTER TYPE ty ADD ATTRIBUTE x int;"),
            ["cannot alter type \"ty\" because it is the type of a typed table"]
        );
        assert_eq!(
            refused("ALTER TABLE p OF ty;\nALTER TABLE p NOT OF;"),
            Vec::<String>::new()
        );
        assert_eq!(
            refused("ALTER TABLE p ADD COLUMN x int;\nALTER TABLE p OF ty;"),
            ["table has extra column \"x\""]
        );
        assert_eq!(
            refused("ALTER TABLE p DROP COLUMN name;\nALTER TABLE p OF ty;"),
            ["table is missing column \"name\""]
        );
        assert_eq!(
            refused("ALTER TABLE p ALTER COLUMN name TYPE varchar;\nALTER TABLE p OF ty;"),
            ["table \"p\" has different type for column \"name\""]
        );
        assert_eq!(
            refused("CREATE TABLE q (name text, id int);\nALTER TABLE q OF ty;"),
            ["table has column \"name\" where type requires \"id\""]
        );
        assert_eq!(
            warnings(&format!("{base}DROP TYPE ty;")),
            ["cannot drop type public.ty because other objects depend on it: table public.t"]
        );
    }

    #[test]
    fn a_collation_in_use_is_not_dropped_and_cascade_takes_its_users() {
        let base = "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);\n\
                    CREATE TABLE t (id int, name text COLLATE ci, body text);\n";
        assert_eq!(
            warnings(&format!("{base}DROP COLLATION ci;")),
            ["cannot drop collation public.ci because other objects depend on it: column name of table public.t"]
        );
        assert_eq!(
            warnings(&format!("{base}CREATE INDEX t_body ON t (body COLLATE ci);\nALTER TABLE t DROP COLUMN name;\nDROP COLLATION ci;")),
            ["cannot drop collation public.ci because other objects depend on it: index public.t_body"]
        );
        let c = crate::catalog_from_sql("t.sql", &format!("{base}DROP COLLATION ci CASCADE;"))
            .expect("loads");
        let t = c
            .tables
            .get(&crate::catalog::QualName::new("public", "t"))
            .expect("the table stays");
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["id", "body"]);
    }

    #[test]
    fn a_column_constraint_attribute_not_modelled_is_reported() {
        assert_eq!(warnings("CREATE TABLE t (a int CHECK (a > 0) ENFORCED, b int UNIQUE DEFERRABLE INITIALLY DEFERRED);"), Vec::<String>::new());
        assert_eq!(
            warnings("CREATE TABLE t (a int CHECK (a > 0) NOT ENFORCED);"),
            ["NOT ENFORCED on a column constraint is not supported; ignored"]
        );
        assert_eq!(
            warnings("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int CHECK (b > 0) NOT ENFORCED;"),
            ["NOT ENFORCED on a column constraint is not supported; ignored"]
        );
    }

    #[test]
    fn like_including_statistics_copies_each_statistics_object_named_by_the_server() {
        let sql = "CREATE SCHEMA o;\n\
                   CREATE TABLE s (a int, b int, c text);\n\
                   CREATE STATISTICS s_ab (ndistinct) ON b, a FROM s;\n\
                   CREATE STATISTICS s_mix (mcv) ON (a * 2), c, (lower(c)) FROM s;\n\
                   CREATE STATISTICS s_ab2 ON a, b FROM s;\n\
                   ALTER STATISTICS s_ab SET STATISTICS 55;\n\
                   COMMENT ON STATISTICS s_ab IS 'ab';\n\
                   CREATE TABLE o.t (x int, LIKE s INCLUDING STATISTICS);\n\
                   CREATE TABLE t (LIKE s INCLUDING ALL);\n\
                   CREATE TABLE u (LIKE s INCLUDING ALL EXCLUDING STATISTICS);\n\
                   CREATE TABLE a_table_name_long_enough_to_be_clipped_when_the_stat_is_named (LIKE s INCLUDING STATISTICS);";
        assert_eq!(warnings(sql), Vec::<String>::new());
        let c = crate::catalog_from_sql("t.sql", sql).expect("loads");
        let stats: Vec<(String, String, Vec<String>)> = c
            .objects_of(crate::catalog::model::ObjKind::Statistics)
            .filter(|(k, _)| !k.name.starts_with("s_"))
            .map(|(k, o)| {
                (
                    format!("{}.{}", k.schema, k.name),
                    o.create.clone(),
                    o.after.clone(),
                )
            })
            .collect();
        let copy = |name: &str, create: &str| (name.to_string(), create.to_string(), Vec::new());
        assert_eq!(
            stats,
            [
                copy("o.t_a_b_stat", "CREATE STATISTICS o.t_a_b_stat (ndistinct) ON a, b FROM o.t"),
                copy("o.t_a_b_stat1", "CREATE STATISTICS o.t_a_b_stat1 ON a, b FROM o.t"),
                copy("o.t_c_expr_expr_stat", "CREATE STATISTICS o.t_c_expr_expr_stat (mcv) ON c, (a * 2), (lower(c)) FROM o.t"),
                copy("public.a_table_name_long_enough_to_be_clipped_when_th_c_expr_expr_stat", "CREATE STATISTICS public.a_table_name_long_enough_to_be_clipped_when_th_c_expr_expr_stat (mcv) ON c, (a * 2), (lower(c)) FROM public.a_table_name_long_enough_to_be_clipped_when_the_stat_is_named"),
                copy("public.a_table_name_long_enough_to_be_clipped_when_the_stat__a_b_stat1", "CREATE STATISTICS public.a_table_name_long_enough_to_be_clipped_when_the_stat__a_b_stat1 ON a, b FROM public.a_table_name_long_enough_to_be_clipped_when_the_stat_is_named"),
                copy("public.a_table_name_long_enough_to_be_clipped_when_the_stat_i_a_b_stat", "CREATE STATISTICS public.a_table_name_long_enough_to_be_clipped_when_the_stat_i_a_b_stat (ndistinct) ON a, b FROM public.a_table_name_long_enough_to_be_clipped_when_the_stat_is_named"),
                copy("public.t_a_b_stat", "CREATE STATISTICS public.t_a_b_stat (ndistinct) ON a, b FROM public.t"),
                copy("public.t_a_b_stat1", "CREATE STATISTICS public.t_a_b_stat1 ON a, b FROM public.t"),
                copy("public.t_c_expr_expr_stat", "CREATE STATISTICS public.t_c_expr_expr_stat (mcv) ON c, (a * 2), (lower(c)) FROM public.t"),
            ]
        );
        // The comment comes along with INCLUDING COMMENTS (in ALL) only.
        let commented: Vec<&str> = c
            .comments
            .keys()
            .map(String::as_str)
            .filter(|k| k.starts_with("STATISTICS "))
            .collect();
        assert_eq!(
            commented,
            ["STATISTICS public.s_ab", "STATISTICS public.t_a_b_stat"]
        );
    }
}
