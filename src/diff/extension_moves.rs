//! Extensions that TO keeps in another schema than FROM.
//!
//! `ALTER EXTENSION e SET SCHEMA s` moves the extension with everything it holds, and what
//! refers to those objects names them in the new schema from then on (the replay does the
//! same, `catalog::replay::extension`). Compared as they stand, FROM's column of type
//! `public.citext` and TO's of type `ext.citext` would read as a column changing type; so
//! the moves run first: `Migration` replays them onto FROM and plans the rest from there
//! (as it does for `label_renames`). A schema TO adds for an extension is created first.

use super::{Action, Change, ObjectRef, Phase};
use crate::catalog::graph::Node;
use crate::catalog::Catalog;
use crate::emit::quote;

/// The statements that move FROM's extensions into the schemas TO has them in (after the
/// schemas TO adds for them), in extension name order.
pub fn first(from: &Catalog, to: &Catalog) -> Vec<Change> {
    let mut out = Vec::new();
    for (name, e) in &to.extensions {
        let Some(old) = from.extensions.get(name) else {
            continue;
        };
        let Some(schema) = e
            .schema
            .as_ref()
            .filter(|s| old.schema.as_ref() != Some(*s))
        else {
            continue;
        };
        let created = out
            .iter()
            .any(|c: &Change| c.node == Node::Schema(schema.clone()));
        if !from.schemas.contains_key(schema) && !created {
            let pos = to.schemas.get(schema).map_or(0, |s| s.pos);
            out.push(change(
                from,
                to,
                Node::Schema(schema.clone()),
                pos,
                format!("CREATE SCHEMA {}", quote::ident(schema)),
                Action::Create,
            ));
        }
        let sql = format!(
            "ALTER EXTENSION {} SET SCHEMA {}",
            quote::ident(name),
            quote::ident(schema)
        );
        out.push(change(
            from,
            to,
            Node::Extension(name.clone()),
            e.pos,
            sql,
            Action::Alter,
        ));
    }
    out
}

fn change(
    from: &Catalog,
    to: &Catalog,
    node: Node,
    pos: usize,
    sql: String,
    action: Action,
) -> Change {
    let object = ObjectRef::of(&node, from, to);
    Change {
        action,
        ..Change::new(Phase::Create, node, pos, 0, sql, object)
    }
}
