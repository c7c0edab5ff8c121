//! Domains: CREATE DOMAIN into a `Domain` (base type, default, NOT NULL, named checks) and
//! ALTER DOMAIN on it. Unnamed checks get the name the server would choose.

use std::collections::{BTreeMap, BTreeSet};

use pg_query::protobuf::{self, ConstrType};
use pg_query::NodeEnum;

use super::Replay;
use crate::catalog::expr;
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::catalog::types::type_sql;
use crate::syntax::Stmt;

/// The domain a CREATE DOMAIN statement makes.
pub(super) fn domain_def(dm: &protobuf::CreateDomainStmt, key: &ObjKey, r: &Resolver) -> Domain {
    let mut base = dm
        .type_name
        .as_ref()
        .map(|t| type_sql(t, r))
        .unwrap_or_default();
    if let Some(c) = &dm.coll_clause {
        base.push_str(&format!(
            " COLLATE {}",
            super::table::collation_sql(&c.collname, r)
        ));
    }
    let mut d = Domain {
        base,
        default: None,
        not_null: false,
        checks: BTreeMap::new(),
        default_reads: Vec::new(),
        check_reads: BTreeMap::new(),
    };
    for c in &dm.constraints {
        if let Some(NodeEnum::Constraint(c)) = &c.node {
            apply_constraint(&mut d, &key.name, c, r);
        }
    }
    d
}

impl Replay {
    /// `ALTER DOMAIN`: SET / DROP DEFAULT (`T`), DROP / SET NOT NULL (`N` / `O`), ADD /
    /// DROP / VALIDATE CONSTRAINT (`C` / `X` / `V`).
    pub(super) fn alter_domain(&mut self, stmt: &Stmt, s: &protobuf::AlterDomainStmt) {
        let names = super::name_list(&s.type_name);
        let r = self.resolver();
        let key = match names.as_slice() {
            [schema, name] => ObjKey {
                kind: ObjKind::Domain,
                schema: schema.clone(),
                name: name.clone(),
                sub: String::new(),
            },
            [name] => ObjKey {
                kind: ObjKind::Domain,
                schema: r
                    .user_type_schema(name)
                    .unwrap_or_else(|| r.creation_schema()),
                name: name.clone(),
                sub: String::new(),
            },
            _ => {
                self.unsupported(stmt, "ALTER DOMAIN with this name");
                return;
            }
        };
        let default = s.def.as_ref().map(|d| expr::default_sql(d, &r));
        let default_reads = s
            .def
            .as_ref()
            .map(|d| expr::references(d, &r))
            .unwrap_or_default();
        let constraint = match s.def.as_ref().and_then(|d| d.node.as_ref()) {
            Some(NodeEnum::Constraint(c)) => Some(c.as_ref().clone()),
            _ => None,
        };
        let mut checked = None;
        if let Some(c) = &constraint {
            let mut tmp = Domain {
                base: String::new(),
                default: None,
                not_null: false,
                checks: BTreeMap::new(),
                default_reads: Vec::new(),
                check_reads: BTreeMap::new(),
            };
            if let Some(obj) = self
                .catalog
                .objects
                .get(&key)
                .and_then(|o| o.domain.as_ref())
            {
                tmp.checks = obj.checks.clone();
                tmp.check_reads = obj.check_reads.clone();
                tmp.base = obj.base.clone();
            }
            apply_constraint(&mut tmp, &key.name, c, &r);
            checked = Some(tmp);
        }
        // Checking the stored values: the server does not look inside a composite type,
        // and refuses when one that holds the domain is a column's type.
        let checks_values = match s.subtype.as_str() {
            "O" | "V" => true,
            "C" => constraint
                .as_ref()
                .is_some_and(|c| c.contype == ConstrType::ConstrCheck as i32 && !c.skip_validation),
            _ => false,
        };
        if checks_values {
            let q = QualName::new(key.schema.clone(), key.name.clone());
            if let Some((table, column)) =
                self.column_storing(&q, crate::catalog::containers::Storing::DomainValues)
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
        }
        if self.catalog.objects.contains_key(&key) {
            self.shaped(super::super::graph::Node::Object(key.clone()));
        }
        let Some(obj) = self.catalog.objects.get_mut(&key) else {
            if !s.missing_ok {
                self.warn(
                    stmt,
                    format!(
                        "domain {} does not exist",
                        QualName::new(key.schema, key.name).sql()
                    ),
                );
            }
            return;
        };
        let Some(d) = obj.domain.as_mut() else { return };
        let reads = |d: &Domain| -> BTreeSet<QualName> {
            d.default_reads
                .iter()
                .chain(d.check_reads.values().flatten())
                .cloned()
                .collect()
        };
        let read_before = reads(d);
        match s.subtype.as_str() {
            "T" => {
                d.default = default;
                d.default_reads = default_reads;
            }
            "N" => d.not_null = false,
            "O" => d.not_null = true,
            "C" => {
                if let Some(tmp) = checked {
                    d.checks = tmp.checks;
                    d.check_reads = tmp.check_reads;
                    d.not_null |= tmp.not_null;
                }
            }
            "X" => {
                d.check_reads.remove(&s.name);
                if d.checks.remove(&s.name).is_none() && !s.missing_ok {
                    self.diags.push(stmt.diag(
                        crate::diag::Diag::warning(
                            "replay",
                            format!("constraint {} does not exist", s.name),
                        ),
                        None,
                    ));
                }
            }
            "V" => {
                if let Some(c) = d.checks.get_mut(&s.name) {
                    if let Some(v) = c.strip_suffix(" NOT VALID") {
                        *c = v.to_string();
                    }
                }
            }
            other => {
                let msg = format!("ALTER DOMAIN subcommand {other:?}");
                self.unsupported(stmt, &msg);
                return;
            }
        }
        // What the default and checks read follows them; the base type stays needed.
        let read_after = reads(d);
        let base = crate::catalog::graph::type_name(&d.base);
        obj.deps.retain(|n| {
            read_after.contains(n) || !read_before.contains(n) || base.as_ref() == Some(n)
        });
        for n in read_after {
            if !obj.deps.contains(&n) {
                obj.deps.push(n);
            }
        }
        let q = QualName::new(key.schema.clone(), key.name.clone());
        if let Some(obj) = self.catalog.objects.get_mut(&key) {
            if let Some(d) = &obj.domain {
                obj.create = d.create_sql(&q);
                obj.after = d.after_sql(&q);
            }
        }
    }
}

/// Applies one constraint of CREATE DOMAIN / ALTER DOMAIN ADD.
fn apply_constraint(d: &mut Domain, domain: &str, c: &protobuf::Constraint, r: &Resolver) {
    match ConstrType::try_from(c.contype) {
        Ok(ConstrType::ConstrNotnull) => d.not_null = true,
        Ok(ConstrType::ConstrNull) => d.not_null = false,
        Ok(ConstrType::ConstrDefault) => {
            d.default = c.raw_expr.as_ref().map(|e| expr::default_sql(e, r));
            d.default_reads = c
                .raw_expr
                .as_ref()
                .map(|e| expr::references(e, r))
                .unwrap_or_default();
        }
        Ok(ConstrType::ConstrCheck) => {
            let scope = crate::catalog::typing::Scope::domain(&d.base);
            let e = c
                .raw_expr
                .as_ref()
                .map(|e| expr::expr_sql_in(e, r, Some(&scope)))
                .unwrap_or_default();
            let mut def = format!("CHECK ({e})");
            if c.skip_validation {
                def.push_str(" NOT VALID");
            }
            let name = if c.conname.is_empty() {
                check_name(d, domain)
            } else {
                c.conname.clone()
            };
            let reads = c
                .raw_expr
                .as_ref()
                .map(|e| expr::references_in(e, r, &scope))
                .unwrap_or_default();
            d.check_reads.insert(name.clone(), reads);
            d.checks.insert(name, def);
        }
        // The server accepts no other constraint on a domain.
        Ok(_) | Err(_) => {}
    }
}

/// The name the server gives an unnamed domain check: `<domain>_check`, then `_check1`, ...
/// (truncated to 63 bytes like every identifier).
fn check_name(d: &Domain, domain: &str) -> String {
    let base = super::table::truncate_ident(&format!("{domain}_check"));
    if !d.checks.contains_key(&base) {
        return base;
    }
    (1..)
        .map(|i| super::table::truncate_ident(&format!("{domain}_check{i}")))
        .find(|n| !d.checks.contains_key(n))
        .unwrap_or(base)
}
