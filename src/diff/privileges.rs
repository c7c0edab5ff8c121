//! Owners, privileges and default privileges (only with `--with-privileges`).
//!
//! For an object both sides hold: `ALTER ... OWNER TO` when the owner changes, then REVOKE
//! what TO no longer grants (latest grants first, since later grants may rest on earlier
//! grant options) and GRANT what it adds, in TO's order. An object the migration creates
//! (new, or dropped and created again) gets its owner and grants right after its CREATE.
//! Default privileges change at the end, so they never touch what the migration creates.
//!
//! The owner question. A side that never says who owns an object (a hand-written schema, a
//! `pg_dump --no-owner` dump) leaves it to "whoever runs the script". pgdumpdiff reads that
//! as "TO does not care": an owner TO states is always applied (`OWNER TO` is harmless when it
//! already holds), an owner TO leaves unstated is left as it is, and an object the migration
//! rebuilds keeps FROM's owner. The alternative, `OWNER TO CURRENT_USER`, would hand objects
//! to whoever runs the migration, which is never what the person diffing asked for. ACLs are
//! recorded relative to the owner (see `catalog/acl.rs`), so "granted by the owner" matches
//! whatever the owner is called on either side.
//!
//! A created object starts with the server's default for its kind, or with what FROM's
//! default privileges give the role that creates it. That role is whoever runs the
//! migration, which a dump cannot say; the migration is written to be right for any of the
//! likely ones (TO's owner, or the script's unnamed role): it revokes what any of them could
//! have received and TO does not want, and grants what not all of them would have.

use super::Diff;
use crate::catalog::acl::{self, Acl, AclKind, Privs, Role};
use crate::catalog::graph::Node;
use crate::catalog::{Access, Catalog, DefaultAclKey, DefaultAclKind, ObjKind, Pos, QualName};
use crate::emit::quote;

pub(super) fn diff_privileges(d: &mut Diff) {
    schemas(d);
    tables(d);
    sequences(d);
    objects(d);
    default_acls(d);
}

/// One object whose owner and privileges are compared.
struct Obj {
    node: Node,
    pos: Pos,
    /// What follows `ALTER` in an owner change (`TABLE public.t`); `None`: the owner is not
    /// the object's own (identity sequences follow their table).
    alter: Option<String>,
    /// What follows `ON` in GRANT / REVOKE (`TABLE public.t`).
    grant_on: String,
    kind: Option<AclKind>,
    /// The kind of default privileges a new object of this kind receives.
    defaults: Option<DefaultAclKind>,
    schema: Option<String>,
}

/// How an object stands before its privileges change.
enum Before<'a> {
    /// It exists in FROM and survives: its access there.
    Kept(&'a Access),
    /// The migration creates it; a rebuilt object passes its owner in FROM.
    Created { old_owner: Option<&'a str> },
}

fn schemas(d: &mut Diff) {
    for (name, s) in &d.to.schemas {
        let o = Obj {
            node: Node::Schema(name.clone()),
            pos: s.pos,
            alter: Some(format!("SCHEMA {}", quote::ident(name))),
            grant_on: format!("SCHEMA {}", quote::ident(name)),
            kind: Some(AclKind::Schema),
            defaults: Some(DefaultAclKind::Schemas),
            schema: None,
        };
        let before = match d.from.schemas.get(name) {
            Some(f) => Before::Kept(&f.access),
            None => Before::Created { old_owner: None },
        };
        object(d, &o, before, &s.access);
    }
}

fn tables(d: &mut Diff) {
    for (q, t) in &d.to.tables {
        let o = Obj {
            node: Node::Table(q.clone()),
            pos: t.pos,
            alter: Some(format!("TABLE {}", q.sql())),
            grant_on: format!("TABLE {}", q.sql()),
            kind: Some(AclKind::Relation),
            defaults: Some(DefaultAclKind::Tables),
            schema: Some(q.schema.clone()),
        };
        // A rebuilt table (dropped and created again) starts over, keeping FROM's owner.
        let rebuilt = d.rebuilt_tables.contains(q);
        let before = match d.from.tables.get(q) {
            Some(f) if !rebuilt => Before::Kept(&f.access),
            Some(f) => Before::Created {
                old_owner: f.access.owner.as_deref(),
            },
            None => Before::Created { old_owner: None },
        };
        let old = d.from.tables.get(q).filter(|_| !rebuilt);
        let owner = object(d, &o, before, &t.access);
        // Columns: those FROM has in the same form keep their privileges; others start bare.
        for c in &t.columns {
            let old_col = old
                .and_then(|f| f.column(&c.name))
                .filter(|oc| oc.generated == c.generated);
            let from = old_col
                .and(old)
                .and_then(|f| f.access.columns.get(&c.name))
                .map(|a| owned_by(a, &t.access))
                .unwrap_or_default();
            let to = t.access.columns.get(&c.name).cloned().unwrap_or_default();
            let on = format!("TABLE {}", q.sql());
            let change = AclChange {
                on: &on,
                column: Some(&c.name),
                kind: AclKind::Column,
                owner: &owner,
                keep_order: true,
            };
            let stmts = acl_statements(&change, &from, &from, &to);
            for s in stmts {
                d.create(&o.node, t.pos, s);
            }
        }
        // Identity sequences: their owner is the table's.
        for c in &t.columns {
            let Some(id) = &c.identity else { continue };
            let old_id = old
                .and_then(|f| f.column(&c.name))
                .filter(|oc| oc.generated == c.generated)
                .and_then(|oc| oc.identity.as_ref());
            let kept = old_id.is_some_and(|oi| oi.sequence == id.sequence);
            let start = if kept {
                owned_by(
                    &acl::effective(
                        old.and_then(|f| f.access.identity_sequences.get(&c.name)),
                        AclKind::Sequence,
                    ),
                    &t.access,
                )
            } else {
                AclKind::Sequence.default_acl()
            };
            let to = acl::effective(t.access.identity_sequences.get(&c.name), AclKind::Sequence);
            let on = format!("SEQUENCE {}", id.sequence.sql());
            let pos = t.pos.max(id.pos);
            let change = AclChange {
                on: &on,
                column: None,
                kind: AclKind::Sequence,
                owner: &owner,
                keep_order: kept,
            };
            for s in acl_statements(&change, &start, &start, &to) {
                d.create(&o.node, pos, s);
            }
        }
    }
}

fn sequences(d: &mut Diff) {
    for (q, s) in &d.to.sequences {
        let o = Obj {
            node: Node::Sequence(q.clone()),
            pos: s.pos,
            alter: Some(format!("SEQUENCE {}", q.sql())),
            grant_on: format!("SEQUENCE {}", q.sql()),
            kind: Some(AclKind::Sequence),
            defaults: Some(DefaultAclKind::Sequences),
            schema: Some(q.schema.clone()),
        };
        match d.from.sequences.get(q) {
            None => {
                object(d, &o, Before::Created { old_owner: None }, &s.access);
            }
            Some(f) => {
                // A sequence owned by a table changes owner with it (ALTER TABLE recurses).
                let follows = |c: &Catalog, seq: &crate::catalog::Sequence| {
                    seq.owned_by.as_ref().and_then(|(t, _)| {
                        c.tables
                            .get(t)
                            .map(|tt| (t.clone(), tt.access.owner.clone()))
                    })
                };
                let mut before = f.access.clone();
                if let (Some((ft, _)), Some((tt, towner))) = (follows(d.from, f), follows(d.to, s))
                {
                    let table_moves = ft == tt
                        && d.from
                            .tables
                            .get(&ft)
                            .is_some_and(|x| x.access.owner != towner)
                        && towner.is_some();
                    if table_moves && s.access.owner == towner {
                        if let (Some(n), Some(acl)) = (&towner, before.acl.as_mut()) {
                            acl.new_owner(n);
                        }
                        before.owner = towner;
                    }
                }
                object(d, &o, Before::Kept(&before), &s.access);
            }
        }
    }
}

fn objects(d: &mut Diff) {
    for (k, ob) in &d.to.objects {
        if !k.kind.has_owner() && k.kind.acl_kind().is_none() {
            continue;
        }
        let q = QualName::new(k.schema.clone(), k.name.clone());
        let grant_on = match k.kind {
            ObjKind::View | ObjKind::MaterializedView => format!("TABLE {}", q.sql()),
            ObjKind::Aggregate => format!("FUNCTION {}({})", q.sql(), k.sub),
            ObjKind::Server => format!("FOREIGN SERVER {}", quote::ident(&k.name)),
            ObjKind::Domain => format!("TYPE {}", q.sql()),
            ObjKind::Type
            | ObjKind::Function
            | ObjKind::Procedure
            | ObjKind::Trigger
            | ObjKind::EventTrigger
            | ObjKind::Rule
            | ObjKind::Policy
            | ObjKind::Collation
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::Subscription
            | ObjKind::ForeignDataWrapper
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
            | ObjKind::Transform => ob.target.clone(),
        };
        let o = Obj {
            node: Node::Object(k.clone()),
            pos: ob.pos,
            alter: k.kind.has_owner().then(|| ob.target.clone()),
            grant_on,
            kind: k.kind.acl_kind(),
            defaults: k.kind.default_acl_kind(),
            schema: Some(k.schema.clone()).filter(|s| !s.is_empty()),
        };
        let old = d.from.objects.get(k);
        let rebuilt = d.rebuilt_objects.contains_key(k);
        let before = match old {
            Some(f) if !rebuilt => Before::Kept(&f.access),
            Some(f) => Before::Created {
                old_owner: f.access.owner.as_deref(),
            },
            None => Before::Created { old_owner: None },
        };
        let owner = object(d, &o, before, &ob.access);
        // Column privileges of views.
        for (col, to) in &ob.access.columns {
            let from = old
                .filter(|_| !rebuilt)
                .and_then(|f| f.access.columns.get(col))
                .map(|a| owned_by(a, &ob.access))
                .unwrap_or_default();
            let change = AclChange {
                on: &o.grant_on,
                column: Some(col),
                kind: AclKind::Column,
                owner: &owner,
                keep_order: true,
            };
            for s in acl_statements(&change, &from, &from, to) {
                d.create(&o.node, ob.pos, s);
            }
        }
        if let Some(f) = old.filter(|_| !rebuilt) {
            for (col, from) in &f.access.columns {
                if !ob.access.columns.contains_key(col) {
                    let from = &owned_by(from, &ob.access);
                    let change = AclChange {
                        on: &o.grant_on,
                        column: Some(col),
                        kind: AclKind::Column,
                        owner: &owner,
                        keep_order: true,
                    };
                    for s in acl_statements(&change, from, from, &Acl::default()) {
                        d.create(&o.node, ob.pos, s);
                    }
                }
            }
        }
    }
}

/// A FROM ACL of a part of an object (a column, an identity sequence) once the object has
/// TO's owner, if TO names one (the server rewrites them all on `OWNER TO`).
fn owned_by(acl: &Acl, to: &Access) -> Acl {
    let mut acl = acl.clone();
    if let Some(n) = &to.owner {
        acl.new_owner(n);
    }
    acl
}

/// Owner and object-level privileges of one object; returns the owner's name to use in
/// statements (`CURRENT_USER` when nobody names it).
fn object(d: &mut Diff, o: &Obj, before: Before, to: &Access) -> String {
    let is_created = matches!(before, Before::Created { .. });
    let mut stmts: Vec<String> = Vec::new();
    let (owner, lower, upper) = match before {
        Before::Kept(from) => {
            let mut acl = o.kind.map(|k| acl::effective(from.acl.as_ref(), k));
            let owner = match (&to.owner, &from.owner) {
                (Some(b), a) if a.as_ref() != Some(b) => {
                    if let Some(alter) = &o.alter {
                        stmts.push(format!("ALTER {alter} OWNER TO {}", quote::ident(b)));
                    }
                    if let Some(acl) = acl.as_mut() {
                        acl.new_owner(b);
                    }
                    Some(b.clone())
                }
                (b, a) => b.clone().or_else(|| a.clone()),
            };
            (owner, acl.clone(), acl)
        }
        Before::Created { old_owner } => {
            let owner = to.owner.clone().or_else(|| old_owner.map(str::to_string));
            if let (Some(b), Some(alter)) = (&owner, &o.alter) {
                stmts.push(format!("ALTER {alter} OWNER TO {}", quote::ident(b)));
            }
            let starts = o.kind.map(|k| {
                start_acls(
                    d.from,
                    k,
                    o.defaults,
                    to.owner.as_deref(),
                    o.schema.as_deref(),
                )
            });
            match starts.as_deref().and_then(<[_]>::split_first) {
                Some((first, rest)) => {
                    let lower = rest.iter().fold(first.clone(), |a, s| a.intersection(s));
                    let upper = rest.iter().fold(first.clone(), |mut a, s| {
                        a.merge(s);
                        a
                    });
                    (owner, Some(lower), Some(upper))
                }
                None => (owner, None, None),
            }
        }
    };
    let owner_name = owner
        .as_deref()
        .map_or_else(|| "CURRENT_USER".to_string(), quote::ident);
    if let (Some(kind), Some(lower), Some(upper)) = (o.kind, lower, upper) {
        let target = acl::effective(to.acl.as_ref(), kind);
        if !(lower == target && upper == target) {
            let change = AclChange {
                on: &o.grant_on,
                column: None,
                kind,
                owner: &owner_name,
                keep_order: !is_created,
            };
            stmts.extend(acl_statements(&change, &lower, &upper, &target));
        }
    }
    // A created object: right after its CREATE (a sequence must have its owner before OWNED
    // BY ties it to a table).
    match d.creation_of(&o.node).filter(|_| is_created) {
        Some(at) => {
            for s in stmts {
                d.create_at(&o.node, at, s);
            }
        }
        None => {
            for s in stmts {
                d.create(&o.node, o.pos, s);
            }
        }
    }
    owner_name
}

/// The ACLs a new object may start with: its kind's default, or what FROM's default
/// privileges give TO's owner or the script's unnamed role (whoever creates it).
fn start_acls(
    from: &Catalog,
    kind: AclKind,
    defaults: Option<DefaultAclKind>,
    owner: Option<&str>,
    schema: Option<&str>,
) -> Vec<Acl> {
    let mut out = vec![kind.default_acl()];
    if let Some(dk) = defaults {
        let schema = if dk == DefaultAclKind::Schemas {
            None
        } else {
            schema
        };
        for role in [owner, None] {
            let a = from.default_privileges(role, schema, dk);
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// How an ACL change is spelled.
struct AclChange<'a> {
    /// What follows `ON` (`TABLE public.t`, or `TABLES` for default privileges).
    on: &'a str,
    /// The column the statements name, for column privileges.
    column: Option<&'a str>,
    kind: AclKind,
    /// The owner's name, for aclitems of the owner.
    owner: &'a str,
    /// Whether the result must list aclitems in `to`'s order (object ACLs, which the server
    /// keeps in grant order; default privileges are kept sorted).
    keep_order: bool,
}

/// REVOKE and GRANT statements turning an ACL into `to`. What `upper` (everything the
/// object may hold) has beyond `to` is revoked; what `to` has beyond `lower` (what it surely
/// holds) is granted. For an existing object `lower` and `upper` are its ACL.
///
/// The server changes an aclitem in place and appends new ones, and pg_dump prints, in ACL
/// order, the aclitems that differ from the kind's default. With `keep_order`, kept
/// aclitems that would come out of `to`'s order behind a new one are revoked and granted
/// again; an order-only difference alone never reaches this function.
///
/// Order: whole aclitems go first, newest first (later grants may rest on the grant options
/// of earlier ones); then aclitems kept in place grow, then shrink (growing first so that
/// none empties and loses its place); then new aclitems are granted in `to`'s order.
fn acl_statements(c: &AclChange, lower: &Acl, upper: &Acl, to: &Acl) -> Vec<String> {
    let regrant = if c.keep_order {
        out_of_order(c.kind, upper, to)
    } else {
        Vec::new()
    };
    let key = |i: &acl::AclItem| (i.grantee.clone(), i.grantor.clone());
    let stays =
        |i: &acl::AclItem| to.get(&i.grantee, &i.grantor).is_some() && !regrant.contains(&key(i));
    let mut whole = Vec::new();
    let mut grow = Vec::new();
    let mut shrink = Vec::new();
    let mut new = Vec::new();
    for u in upper.items().iter().rev() {
        if !stays(u) {
            whole.push(statement(c, false, u.privs, false, u));
            continue;
        }
        let Some(t) = to.get(&u.grantee, &u.grantor) else {
            continue;
        };
        let gone = u.privs.minus(t.privs);
        let options_gone = u.grant_options.intersect(t.privs).minus(t.grant_options);
        if !gone.is_empty() {
            shrink.push(statement(c, false, gone, false, u));
        }
        if !options_gone.is_empty() {
            shrink.push(statement(c, false, options_gone, true, u));
        }
    }
    for t in to.items() {
        let l = lower
            .get(&t.grantee, &t.grantor)
            .filter(|_| !regrant.contains(&key(t)));
        let (have, have_options) =
            l.map_or((Privs::NONE, Privs::NONE), |l| (l.privs, l.grant_options));
        let with_option = t.grant_options.minus(have_options);
        let plain = t.privs.minus(have).minus(with_option);
        let list = if l.is_some() { &mut grow } else { &mut new };
        if !plain.is_empty() {
            list.push(statement(c, true, plain, false, t));
        }
        if !with_option.is_empty() {
            list.push(statement(c, true, with_option, true, t));
        }
    }
    whole
        .into_iter()
        .chain(grow)
        .chain(shrink)
        .chain(new)
        .collect()
}

/// One GRANT or REVOKE of `privs` for the grantee of `item`, made by its grantor
/// (`option`: WITH GRANT OPTION, or REVOKE GRANT OPTION FOR).
fn statement(
    c: &AclChange,
    grant: bool,
    privs: Privs,
    option: bool,
    item: &acl::AclItem,
) -> String {
    let list = match c.column {
        Some(col) => privs
            .keywords()
            .split(", ")
            .map(|k| format!("{k} ({})", quote::ident(col)))
            .collect::<Vec<_>>()
            .join(", "),
        // ALL where it saves listing several privileges.
        None if privs == c.kind.all() && privs.keywords().contains(',') => "ALL".to_string(),
        None => privs.keywords(),
    };
    let grantee = match &item.grantee {
        Role::Public => "PUBLIC".to_string(),
        Role::Owner => c.owner.to_string(),
        Role::Named(n) => quote::ident(n),
    };
    let on = c.on;
    let sql = match (grant, option) {
        (true, false) => format!("GRANT {list} ON {on} TO {grantee}"),
        (true, true) => format!("GRANT {list} ON {on} TO {grantee} WITH GRANT OPTION"),
        (false, false) => format!("REVOKE {list} ON {on} FROM {grantee}"),
        (false, true) => format!("REVOKE GRANT OPTION FOR {list} ON {on} FROM {grantee}"),
    };
    // Only the grantor can grant (or revoke) in its own name.
    match &item.grantor {
        Role::Named(n) => format!("SET ROLE {};\n{sql};\nRESET ROLE", quote::ident(n)),
        Role::Owner | Role::Public => sql,
    }
}

/// The kept aclitems that must be granted again for the result to list the printed
/// aclitems (those that differ from the kind's default) in `to`'s order: those after the
/// longest run at the start of `to` that `from` already holds in that order.
fn out_of_order(kind: AclKind, from: &Acl, to: &Acl) -> Vec<(Role, Role)> {
    let base = kind.default_acl();
    let printed: Vec<&acl::AclItem> = to
        .items()
        .iter()
        .filter(|i| !base.items().contains(i))
        .collect();
    let position = |i: &acl::AclItem| {
        from.items()
            .iter()
            .position(|f| f.grantee == i.grantee && f.grantor == i.grantor)
    };
    let mut last = None;
    let mut run = 0;
    for t in &printed {
        match position(t) {
            Some(p) if last.is_none_or(|l| p > l) => {
                last = Some(p);
                run += 1;
            }
            _ => break,
        }
    }
    printed
        .iter()
        .skip(run)
        .filter(|t| position(t).is_some())
        .map(|t| (t.grantee.clone(), t.grantor.clone()))
        .collect()
}

/// `ALTER DEFAULT PRIVILEGES` for every entry that changes; all revokes first (two entries
/// may name the same role: FOR ROLE r and the script's own role).
fn default_acls(d: &mut Diff) {
    let keys: std::collections::BTreeSet<&DefaultAclKey> = d
        .from
        .default_acls
        .keys()
        .chain(d.to.default_acls.keys())
        .collect();
    let mut revokes = Vec::new();
    let mut grants = Vec::new();
    for key in keys {
        if let Some(s) = &key.schema {
            if !d.to.schemas.contains_key(s) {
                continue; // the entry goes with its schema
            }
        }
        let kind = key.kind.acl_kind();
        let base = if key.schema.is_none() {
            kind.default_acl()
        } else {
            Acl::default()
        };
        let from = d
            .from
            .default_acls
            .get(key)
            .cloned()
            .unwrap_or_else(|| base.clone());
        let to =
            d.to.default_acls
                .get(key)
                .cloned()
                .unwrap_or_else(|| base.clone());
        if from == to {
            continue;
        }
        let mut prefix = "ALTER DEFAULT PRIVILEGES".to_string();
        if let Some(r) = &key.role {
            prefix.push_str(&format!(" FOR ROLE {}", quote::ident(r)));
        }
        if let Some(s) = &key.schema {
            prefix.push_str(&format!(" IN SCHEMA {}", quote::ident(s)));
        }
        let owner = key
            .role
            .as_deref()
            .map_or_else(|| "CURRENT_USER".to_string(), quote::ident);
        let node = default_acl_node(key);
        let change = AclChange {
            on: key.kind.sql_keyword(),
            column: None,
            kind,
            owner: &owner,
            keep_order: false,
        };
        for s in acl_statements(&change, &from, &from, &to) {
            let sql = format!("{prefix} {s}");
            if s.starts_with("REVOKE") {
                revokes.push((node.clone(), sql));
            } else {
                grants.push((node.clone(), sql));
            }
        }
    }
    for (node, sql) in revokes.into_iter().chain(grants) {
        d.create(&node, usize::MAX - 1, sql);
    }
}

/// The plan node of a default-privileges entry: one no catalog object depends on, so its
/// changes run at the end (by position) and never before an object the migration creates.
/// A schema the entry names is created earlier (by position); entries of a schema the
/// migration drops are not emitted (they go with it).
fn default_acl_node(key: &DefaultAclKey) -> Node {
    let name = format!("{:?} {:?} {:?}", key.role, key.schema, key.kind);
    Node::Object(crate::catalog::ObjKey {
        kind: ObjKind::Cast,
        schema: String::new(),
        name,
        sub: "default privileges".to_string(),
    })
}
