//! COMMENT ON and SECURITY LABEL: the comment, and each provider's label, are keyed by the
//! canonical target (`TABLE public.t`).

use pg_query::protobuf::{CommentStmt, ObjectType, SecLabelStmt};
use pg_query::NodeEnum;

use super::{name_list, Replay};
use crate::catalog::model::*;
use crate::emit::quote;
use crate::syntax::Stmt;

impl Replay {
    pub(super) fn comment(&mut self, pos: Pos, stmt: &Stmt, s: &CommentStmt) {
        let Some(target) = self.object_target(s.objtype, s.object.as_deref()) else {
            let kind = ObjectType::try_from(s.objtype)
                .map(|o| o.as_str_name().to_string())
                .unwrap_or_default();
            self.unsupported(stmt, &format!("COMMENT ON {kind}"));
            return;
        };
        let Some(target) = target else { return };
        if let Some((q, msg)) = self.missing_relation_part(s.objtype, s.object.as_deref()) {
            self.missing(stmt, &q, msg);
            return;
        }
        if s.comment.is_empty() {
            self.catalog.comments.remove(&target);
        } else {
            self.catalog.comments.insert(
                target,
                Comment {
                    text: s.comment.clone(),
                    pos,
                },
            );
        }
    }

    /// `SECURITY LABEL [FOR provider] ON <target> IS 'label' | NULL`, on the kinds the server
    /// takes labels for. (A server refuses it when no label provider is loaded, as a stock
    /// one is; the catalog keeps it as a server with the provider would.)
    pub(super) fn security_label(&mut self, pos: Pos, stmt: &Stmt, s: &SecLabelStmt) {
        use ObjectType as O;
        let kind = O::try_from(s.objtype).unwrap_or(O::Undefined);
        let labelled = match kind {
            O::ObjectAggregate
            | O::ObjectColumn
            | O::ObjectDatabase
            | O::ObjectDomain
            | O::ObjectEventTrigger
            | O::ObjectForeignTable
            | O::ObjectFunction
            | O::ObjectLanguage
            | O::ObjectLargeobject
            | O::ObjectMatview
            | O::ObjectProcedure
            | O::ObjectPublication
            | O::ObjectRole
            | O::ObjectRoutine
            | O::ObjectSchema
            | O::ObjectSequence
            | O::ObjectSubscription
            | O::ObjectTable
            | O::ObjectTablespace
            | O::ObjectType
            | O::ObjectView => true,
            O::Undefined
            | O::ObjectAccessMethod
            | O::ObjectAmop
            | O::ObjectAmproc
            | O::ObjectAttribute
            | O::ObjectCast
            | O::ObjectCollation
            | O::ObjectConversion
            | O::ObjectDefault
            | O::ObjectDefacl
            | O::ObjectDomconstraint
            | O::ObjectExtension
            | O::ObjectFdw
            | O::ObjectForeignServer
            | O::ObjectIndex
            | O::ObjectOpclass
            | O::ObjectOperator
            | O::ObjectOpfamily
            | O::ObjectParameterAcl
            | O::ObjectPolicy
            | O::ObjectPublicationNamespace
            | O::ObjectPublicationRel
            | O::ObjectRule
            | O::ObjectStatisticExt
            | O::ObjectTabconstraint
            | O::ObjectTransform
            | O::ObjectTrigger
            | O::ObjectTsconfiguration
            | O::ObjectTsdictionary
            | O::ObjectTsparser
            | O::ObjectTstemplate
            | O::ObjectUserMapping => false,
        };
        if !labelled {
            self.reject(
                stmt,
                "security labels are not supported for this type of object".to_string(),
            );
            return;
        }
        let Some(target) = self.object_target(s.objtype, s.object.as_deref()) else {
            self.unsupported(
                stmt,
                &format!("SECURITY LABEL ON {}", super::rename::sql_words(kind)),
            );
            return;
        };
        // On a database, a role or a tablespace: not part of a schema, as for comments.
        let Some(target) = target else { return };
        if let Some((q, msg)) = self.missing_relation_part(s.objtype, s.object.as_deref()) {
            self.missing(stmt, &q, msg);
            return;
        }
        let provider = Some(s.provider.clone()).filter(|p| !p.is_empty());
        // `IS NULL` reaches here as an empty label.
        if s.label.is_empty() {
            if let Some(labels) = self.catalog.security_labels.get_mut(&target) {
                labels.remove(&provider);
                if labels.is_empty() {
                    self.catalog.security_labels.remove(&target);
                }
            }
        } else {
            self.catalog
                .security_labels
                .entry(target)
                .or_default()
                .insert(
                    provider,
                    Comment {
                        text: s.label.clone(),
                        pos,
                    },
                );
        }
    }

    /// For a table, a column of a table or a sequence that does not exist: its name and the
    /// server's message. (Columns of views are not modelled, so they are not checked.)
    fn missing_relation_part(
        &self,
        objtype: i32,
        object: Option<&pg_query::protobuf::Node>,
    ) -> Option<(QualName, String)> {
        let kind = ObjectType::try_from(objtype).unwrap_or(ObjectType::Undefined);
        let list = match object.and_then(|o| o.node.as_ref()) {
            Some(NodeEnum::List(l)) => name_list(&l.items),
            Some(NodeEnum::String(s)) => vec![s.sval.clone()],
            _ => return None,
        };
        let r = self.resolver();
        let rel = |parts: &[String]| match parts {
            [s, n] => Some(QualName::new(s.clone(), n.clone())),
            [n] => Some(r.relation("", n)),
            _ => None,
        };
        if kind == ObjectType::ObjectTable || kind == ObjectType::ObjectSequence {
            let q = rel(&list)?;
            return (!r.relation_exists(&q))
                .then(|| (q.clone(), format!("relation {} does not exist", q.sql())));
        }
        if kind == ObjectType::ObjectColumn {
            let (col, t) = list.split_last()?;
            let q = rel(t)?;
            // A composite type's attributes are columns too (pg_dump comments on them).
            let attributes = self
                .catalog
                .objects
                .get(&ObjKey {
                    kind: ObjKind::Type,
                    schema: q.schema.clone(),
                    name: q.name.clone(),
                    sub: String::new(),
                })
                .and_then(|o| o.attributes.as_ref());
            if let Some(attributes) = attributes.filter(|_| !r.relation_exists(&q)) {
                return (!attributes.iter().any(|a| a.name == *col)).then(|| {
                    (
                        q.clone(),
                        format!("column \"{col}\" of relation {} does not exist", q.sql()),
                    )
                });
            }
            if !r.relation_exists(&q) {
                return Some((q.clone(), format!("relation {} does not exist", q.sql())));
            }
            let table = self.catalog.tables.get(&q)?;
            return table.column(col).is_none().then(|| {
                (
                    q.clone(),
                    format!("column \"{col}\" of relation {} does not exist", q.sql()),
                )
            });
        }
        None
    }

    /// Canonical `KIND name` target of an object reference (COMMENT ON, DROP).
    /// `None`: kind not modelled; `Some(None)`: deliberately not tracked (e.g. DATABASE).
    pub(super) fn object_target(
        &self,
        objtype: i32,
        object: Option<&pg_query::protobuf::Node>,
    ) -> Option<Option<String>> {
        use ObjectType as O;
        let kind = O::try_from(objtype).unwrap_or(O::Undefined);
        let node = object.and_then(|o| o.node.as_ref());
        let list = match node {
            Some(NodeEnum::List(l)) => name_list(&l.items),
            Some(NodeEnum::String(s)) => vec![s.sval.clone()],
            _ => Vec::new(),
        };
        let r = self.resolver();
        let rel = |parts: &[String]| match parts {
            [s, n] => QualName::new(s.clone(), n.clone()),
            [n] => r.relation("", n),
            _ => QualName::new("", parts.join(".")),
        };
        // `KIND name ON table` (triggers, policies, rules).
        let on_table = |what: &str| {
            list.split_last()
                .map(|(name, t)| format!("{what} {} ON {}", quote::ident(name), rel(t).sql()))
        };
        Some(Some(match kind {
            O::ObjectTable => format!("TABLE {}", rel(&list).sql()),
            O::ObjectForeignTable => format!("FOREIGN TABLE {}", rel(&list).sql()),
            O::ObjectView => format!("VIEW {}", rel(&list).sql()),
            O::ObjectMatview => format!("MATERIALIZED VIEW {}", rel(&list).sql()),
            O::ObjectSequence => format!("SEQUENCE {}", rel(&list).sql()),
            O::ObjectIndex => index_target(&rel(&list)),
            O::ObjectColumn => {
                let (col, t) = list.split_last()?;
                column_target(&rel(t), col)
            }
            O::ObjectTabconstraint => {
                let (con, t) = list.split_last()?;
                constraint_target(con, &rel(t))
            }
            O::ObjectDomconstraint => {
                // (domain type name, constraint name)
                let Some(NodeEnum::List(l)) = node else {
                    return None;
                };
                let (Some(NodeEnum::TypeName(t)), Some(con)) = (
                    l.items.first().and_then(|n| n.node.as_ref()),
                    l.items.get(1).and_then(super::node_string),
                ) else {
                    return None;
                };
                let (schema, name) = crate::catalog::types::resolve_type_name(t, &r);
                let q = QualName::new(schema.unwrap_or_else(|| r.creation_schema()), name);
                format!("CONSTRAINT {} ON DOMAIN {}", quote::ident(&con), q.sql())
            }
            O::ObjectSchema => format!("SCHEMA {}", quote::ident(list.first()?)),
            O::ObjectExtension => format!("EXTENSION {}", quote::ident(list.first()?)),
            O::ObjectDatabase | O::ObjectRole | O::ObjectTablespace => return Some(None),
            O::ObjectTrigger => on_table("TRIGGER")?,
            O::ObjectPolicy => on_table("POLICY")?,
            O::ObjectRule => on_table("RULE")?,
            // Kept as generic objects, or not modelled: `generic_key` decides, and `None`
            // is reported by the caller.
            O::Undefined
            | O::ObjectAccessMethod
            | O::ObjectAggregate
            | O::ObjectAmop
            | O::ObjectAmproc
            | O::ObjectAttribute
            | O::ObjectCast
            | O::ObjectCollation
            | O::ObjectConversion
            | O::ObjectDefault
            | O::ObjectDefacl
            | O::ObjectDomain
            | O::ObjectEventTrigger
            | O::ObjectFdw
            | O::ObjectForeignServer
            | O::ObjectFunction
            | O::ObjectLanguage
            | O::ObjectLargeobject
            | O::ObjectOpclass
            | O::ObjectOperator
            | O::ObjectOpfamily
            | O::ObjectParameterAcl
            | O::ObjectProcedure
            | O::ObjectPublication
            | O::ObjectPublicationNamespace
            | O::ObjectPublicationRel
            | O::ObjectRoutine
            | O::ObjectSubscription
            | O::ObjectStatisticExt
            | O::ObjectTransform
            | O::ObjectTsconfiguration
            | O::ObjectTsdictionary
            | O::ObjectTsparser
            | O::ObjectTstemplate
            | O::ObjectType
            | O::ObjectUserMapping => return self.generic_target(kind, node).map(Some),
        }))
    }
}

/// The comment target of an index.
pub(super) fn index_target(index: &QualName) -> String {
    format!("INDEX {}", index.sql())
}

/// The comment target of a table's column.
pub(super) fn column_target(table: &QualName, column: &str) -> String {
    format!("COLUMN {}.{}", table.sql(), quote::ident(column))
}

/// The comment target of a table's constraint.
pub(super) fn constraint_target(name: &str, table: &QualName) -> String {
    format!("CONSTRAINT {} ON {}", quote::ident(name), table.sql())
}
