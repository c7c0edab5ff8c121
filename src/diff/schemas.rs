//! Schemas and extensions.

use super::Diff;
use crate::catalog::graph::Node;
use crate::emit::quote;

pub(super) fn diff_schemas(d: &mut Diff) {
    for (name, s) in &d.from.schemas {
        if !d.to.schemas.contains_key(name) {
            d.drop(
                &Node::Schema(name.clone()),
                s.pos,
                format!("DROP SCHEMA {}", quote::ident(name)),
            );
        }
    }
    for (name, s) in &d.to.schemas {
        if !d.from.schemas.contains_key(name) {
            d.create(
                &Node::Schema(name.clone()),
                s.pos,
                format!("CREATE SCHEMA {}", quote::ident(name)),
            );
        }
    }
}

pub(super) fn diff_extensions(d: &mut Diff) {
    for (name, e) in &d.from.extensions {
        if !d.to.extensions.contains_key(name) {
            d.drop(
                &Node::Extension(name.clone()),
                e.pos,
                format!("DROP EXTENSION {}", quote::ident(name)),
            );
        }
    }
    for (name, e) in &d.to.extensions {
        match d.from.extensions.get(name) {
            None => {
                let mut sql = format!("CREATE EXTENSION IF NOT EXISTS {}", quote::ident(name));
                if let Some(s) = &e.schema {
                    sql.push_str(&format!(" WITH SCHEMA {}", quote::ident(s)));
                }
                if let (Some(v), false) = (&e.version, d.opts.ignore_extension_versions) {
                    sql.push_str(&format!(" VERSION {}", quote::literal(v)));
                }
                d.create(&Node::Extension(name.clone()), e.pos, sql);
            }
            Some(old) => {
                if old.version != e.version && !d.opts.ignore_extension_versions {
                    if let Some(v) = &e.version {
                        d.create(
                            &Node::Extension(name.clone()),
                            e.pos,
                            format!(
                                "ALTER EXTENSION {} UPDATE TO {}",
                                quote::ident(name),
                                quote::literal(v)
                            ),
                        );
                    }
                }
                if old.schema != e.schema {
                    if let Some(s) = &e.schema {
                        d.create(
                            &Node::Extension(name.clone()),
                            e.pos,
                            format!(
                                "ALTER EXTENSION {} SET SCHEMA {}",
                                quote::ident(name),
                                quote::ident(s)
                            ),
                        );
                    }
                }
            }
        }
    }
}
