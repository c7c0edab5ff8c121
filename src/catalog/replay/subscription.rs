//! Subscriptions (logical replication): the CREATE statement in pg_dump's form, `WITH
//! (connect = false, slot_name = ...)` and then only the settings away from their defaults,
//! whatever the input wrote (`connect`, `enabled`, `create_slot` and `copy_data` act once,
//! at creation, and are not kept). ALTER SUBSCRIPTION changes the connection, the
//! publications and the settings; REFRESH, ENABLE / DISABLE and SKIP change nothing pg_dump
//! prints. The options the server refuses are refused with its message.

use pg_query::protobuf::{self, AlterSubscriptionType, Node};
use pg_query::NodeEnum;

use super::Replay;
use crate::catalog::model::*;
use crate::catalog::options::setting;
use crate::syntax::Stmt;

/// What pg_dump prints of a subscription besides its name, connection and publications.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Settings {
    /// `None` is `slot_name = NONE`; by default the slot is named as the subscription.
    pub slot_name: Option<String>,
    pub binary: bool,
    pub streaming: bool,
    pub two_phase: bool,
    pub disable_on_error: bool,
    /// `off` by default.
    pub synchronous_commit: String,
}

impl Settings {
    fn defaults(name: &str) -> Settings {
        Settings {
            slot_name: Some(name.to_string()),
            binary: false,
            streaming: false,
            two_phase: false,
            disable_on_error: false,
            synchronous_commit: "off".to_string(),
        }
    }

    /// Reads the `WITH (...)` list of CREATE SUBSCRIPTION (`creating`) or of ALTER
    /// SUBSCRIPTION ... SET, which takes fewer.
    fn apply(&mut self, options: &[Node], creating: bool) -> Result<(), String> {
        for o in options {
            let Some(NodeEnum::DefElem(d)) = &o.node else {
                return Err("an option that is not `name = value`".to_string());
            };
            let value = d.arg.as_deref().and_then(super::node_string);
            let flag = || boolean(&d.defname, value.as_deref());
            match d.defname.as_str() {
                "slot_name" => {
                    let v = value.ok_or_else(|| "slot_name requires a parameter".to_string())?;
                    self.slot_name = (v != "none").then_some(v);
                }
                "binary" => self.binary = flag()?,
                "streaming" => self.streaming = flag()?,
                "disable_on_error" => self.disable_on_error = flag()?,
                "synchronous_commit" => {
                    let v = value
                        .ok_or_else(|| "synchronous_commit requires a parameter".to_string())?;
                    let v = v.to_lowercase();
                    if !matches!(
                        v.as_str(),
                        "local" | "remote_write" | "remote_apply" | "on" | "off"
                    ) {
                        return Err(format!(
                            "invalid value for parameter \"synchronous_commit\": \"{v}\""
                        ));
                    }
                    self.synchronous_commit = v;
                }
                "two_phase" if creating => self.two_phase = flag()?,
                "connect" | "enabled" | "create_slot" | "copy_data" if creating => {
                    flag()?;
                }
                other => return Err(format!("unrecognized subscription parameter: \"{other}\"")),
            }
        }
        Ok(())
    }

    /// The `WITH (...)` items pg_dump prints.
    fn options(&self) -> Vec<Node> {
        let mut out = vec![
            setting("connect", "false"),
            setting("slot_name", self.slot_name.as_deref().unwrap_or("none")),
        ];
        if self.binary {
            out.push(setting("binary", "true"));
        }
        if self.streaming {
            out.push(setting("streaming", "on"));
        }
        if self.two_phase {
            out.push(setting("two_phase", "on"));
        }
        if self.disable_on_error {
            out.push(setting("disable_on_error", "true"));
        }
        if self.synchronous_commit != "off" {
            out.push(setting("synchronous_commit", &self.synchronous_commit));
        }
        out
    }

    /// The items of `ALTER SUBSCRIPTION ... SET (...)` that turn `self` into `to`, if an
    /// ALTER can (two_phase cannot change).
    pub(crate) fn set_to(&self, to: &Settings) -> Option<Vec<Node>> {
        if self.two_phase != to.two_phase {
            return None;
        }
        let mut out = Vec::new();
        if self.slot_name != to.slot_name {
            out.push(setting(
                "slot_name",
                to.slot_name.as_deref().unwrap_or("none"),
            ));
        }
        let flags = [
            ("binary", self.binary, to.binary),
            ("streaming", self.streaming, to.streaming),
            (
                "disable_on_error",
                self.disable_on_error,
                to.disable_on_error,
            ),
        ];
        for (name, a, b) in flags {
            if a != b {
                out.push(setting(name, if b { "true" } else { "false" }));
            }
        }
        if self.synchronous_commit != to.synchronous_commit {
            out.push(setting("synchronous_commit", &to.synchronous_commit));
        }
        Some(out)
    }
}

/// An option's value as the server reads a boolean (a bare name is true).
fn boolean(name: &str, value: Option<&str>) -> Result<bool, String> {
    match value.map(str::to_lowercase).as_deref() {
        None | Some("true" | "on" | "yes" | "1") => Ok(true),
        Some("false" | "off" | "no" | "0") => Ok(false),
        Some(_) => Err(format!("{name} requires a Boolean value")),
    }
}

/// The settings a canonical CREATE SUBSCRIPTION holds.
pub(crate) fn settings(s: &protobuf::CreateSubscriptionStmt) -> Result<Settings, String> {
    let mut out = Settings::defaults(&s.subname);
    out.apply(&s.options, true)?;
    Ok(out)
}

/// CREATE SUBSCRIPTION in canonical form: pg_dump's options, publications as written.
pub(super) fn canonical(s: &mut protobuf::CreateSubscriptionStmt) -> Result<Vec<String>, String> {
    let settings = settings(s)?;
    s.options = settings.options();
    s.conninfo_location = 0;
    Ok(Vec::new())
}

/// The publications a subscription names, in order.
pub(crate) fn publications(list: &[Node]) -> Vec<String> {
    list.iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.clone()),
            _ => None,
        })
        .collect()
}

fn key(name: &str) -> ObjKey {
    ObjKey::named(ObjKind::Subscription, &QualName::new("", name))
}

impl Replay {
    pub(super) fn alter_subscription(&mut self, stmt: &Stmt, a: &protobuf::AlterSubscriptionStmt) {
        use AlterSubscriptionType as T;
        let kind = T::try_from(a.kind).unwrap_or(T::Undefined);
        match kind {
            // Nothing pg_dump prints: the subscription must exist, no more.
            T::AlterSubscriptionRefresh
            | T::AlterSubscriptionEnabled
            | T::AlterSubscriptionSkip => {
                if !self.catalog.objects.contains_key(&key(&a.subname)) {
                    self.reject(
                        stmt,
                        format!("subscription \"{}\" does not exist", a.subname),
                    );
                }
            }
            T::Undefined => self.unsupported(stmt, "this ALTER SUBSCRIPTION"),
            T::AlterSubscriptionOptions
            | T::AlterSubscriptionConnection
            | T::AlterSubscriptionSetPublication
            | T::AlterSubscriptionAddPublication
            | T::AlterSubscriptionDropPublication => {
                // What the server refuses leaves the subscription as it was (`edit` changes
                // nothing then), and is refused with its message.
                let mut refused = None;
                self.edit_object(stmt, &key(&a.subname), |node, _| {
                    let NodeEnum::CreateSubscriptionStmt(s) = node else {
                        return Err("ALTER SUBSCRIPTION on something that is not one".to_string());
                    };
                    refused = edit(s, a, kind).err();
                    Ok(())
                });
                if let Some(e) = refused {
                    self.reject(stmt, e);
                }
            }
        }
    }

    pub(super) fn drop_subscription(&mut self, stmt: &Stmt, d: &protobuf::DropSubscriptionStmt) {
        let k = key(&d.subname);
        if !self.remove_object(&k) && !d.missing_ok {
            self.warn(
                stmt,
                format!(
                    "SUBSCRIPTION {} does not exist; the DROP is skipped",
                    crate::emit::quote::ident(&d.subname)
                ),
            );
        }
    }
}

/// Applies ALTER SUBSCRIPTION `a` (of kind `kind`) to the canonical CREATE `s`.
fn edit(
    s: &mut protobuf::CreateSubscriptionStmt,
    a: &protobuf::AlterSubscriptionStmt,
    kind: AlterSubscriptionType,
) -> Result<(), String> {
    use AlterSubscriptionType as T;
    match kind {
        T::AlterSubscriptionConnection => s.conninfo = a.conninfo.clone(),
        T::AlterSubscriptionOptions => {
            let mut settings = settings(s)?;
            settings.apply(&a.options, false)?;
            s.options = settings.options();
        }
        T::AlterSubscriptionSetPublication
        | T::AlterSubscriptionAddPublication
        | T::AlterSubscriptionDropPublication => {
            // Only `refresh` and `copy_data` go with these; neither is kept.
            for o in &a.options {
                match &o.node {
                    Some(NodeEnum::DefElem(d))
                        if matches!(d.defname.as_str(), "refresh" | "copy_data") => {}
                    Some(NodeEnum::DefElem(d)) => {
                        return Err(format!(
                            "unrecognized subscription parameter: \"{}\"",
                            d.defname
                        ))
                    }
                    _ => return Err("an option that is not `name = value`".to_string()),
                }
            }
            let mut list = publications(&s.publication);
            let named = publications(&a.publication);
            if kind == T::AlterSubscriptionAddPublication {
                if let Some(p) = named.iter().find(|p| list.contains(p)) {
                    return Err(format!(
                        "publication \"{p}\" is already in subscription \"{}\"",
                        s.subname
                    ));
                }
                list.extend(named);
            } else if kind == T::AlterSubscriptionDropPublication {
                if let Some(p) = named.iter().find(|p| !list.contains(p)) {
                    return Err(format!(
                        "publication \"{p}\" is not in subscription \"{}\"",
                        s.subname
                    ));
                }
                list.retain(|p| !named.contains(p));
                if list.is_empty() {
                    return Err("cannot drop all the publications from a subscription".to_string());
                }
            } else {
                list = named;
            }
            s.publication = list.iter().map(|p| super::string_node(p)).collect();
        }
        T::Undefined
        | T::AlterSubscriptionRefresh
        | T::AlterSubscriptionEnabled
        | T::AlterSubscriptionSkip => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::table::tests::errors;

    const BASE: &str =
        "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false);\n";

    #[test]
    fn what_the_server_refuses_of_a_subscription_is_refused() {
        for (alter, message) in [
            (
                "ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (refresh = false);",
                "publication \"p\" is already in subscription \"s\"",
            ),
            (
                "ALTER SUBSCRIPTION s DROP PUBLICATION q WITH (refresh = false);",
                "publication \"q\" is not in subscription \"s\"",
            ),
            (
                "ALTER SUBSCRIPTION s DROP PUBLICATION p WITH (refresh = false);",
                "cannot drop all the publications from a subscription",
            ),
            (
                "ALTER SUBSCRIPTION s SET (two_phase = on);",
                "unrecognized subscription parameter: \"two_phase\"",
            ),
            (
                "ALTER SUBSCRIPTION s SET (binary = maybe);",
                "binary requires a Boolean value",
            ),
            (
                "ALTER SUBSCRIPTION t ENABLE;",
                "subscription \"t\" does not exist",
            ),
        ] {
            assert_eq!(errors(&format!("{BASE}{alter}")), [message], "{alter}");
        }
        assert_eq!(
            errors(&format!("{BASE}ALTER SUBSCRIPTION s ADD PUBLICATION q WITH (refresh = false);\nALTER SUBSCRIPTION s SET (streaming = on, slot_name = NONE);\nALTER SUBSCRIPTION s DISABLE;")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_subscription_reads_as_pg_dump_prints_it() {
        let written = "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p, q WITH (enabled = false, create_slot = false, streaming, synchronous_commit = 'LOCAL');";
        let dumped = "CREATE SUBSCRIPTION s CONNECTION 'dbname=x' PUBLICATION p, q WITH (connect = false, slot_name = 's', streaming = on, synchronous_commit = local);";
        let load = |sql: &str| crate::catalog_from_sql("t.sql", sql).expect("loads");
        let (a, b) = (load(written), load(dumped));
        let key = crate::catalog::ObjKey::named(
            crate::catalog::ObjKind::Subscription,
            &crate::catalog::QualName::new("", "s"),
        );
        let create =
            |c: &crate::catalog::Catalog| c.objects.get(&key).expect("there").create.clone();
        assert_eq!(create(&a), create(&b));
    }
}
