//! Functions and procedures: the canonical form of their options (a fixed order, defaults
//! left out, as pg_dump prints them) and ALTER FUNCTION / PROCEDURE / ROUTINE.

use pg_query::protobuf::{self, Node, VariableSetKind};
use pg_query::NodeEnum;

use super::{node_string, Replay};
use crate::syntax::Stmt;

/// Puts a CREATE FUNCTION's options in canonical form (and its arguments: `IN` left out):
/// each option once, in pg_dump's order,
/// without those that only restate the default (`VOLATILE`, `CALLED ON NULL INPUT`,
/// `SECURITY INVOKER`, `NOT LEAKPROOF`, `PARALLEL UNSAFE`, the default `COST` and `ROWS`).
pub(super) fn canonical_options(f: &mut protobuf::CreateFunctionStmt) {
    // `IN` is the default mode (pg_dump spells it out for procedures only). Argument and
    // result types are stored without their modifiers: `varchar(3)` is `character varying`.
    for p in &mut f.parameters {
        if let Some(NodeEnum::FunctionParameter(fp)) = p.node.as_mut() {
            if fp.mode == protobuf::FunctionParameterMode::FuncParamIn as i32 {
                fp.mode = protobuf::FunctionParameterMode::FuncParamDefault as i32;
            }
            if let Some(t) = fp.arg_type.as_mut() {
                crate::catalog::types::drop_modifiers(t);
            }
        }
    }
    if let Some(t) = f.return_type.as_mut() {
        crate::catalog::types::drop_modifiers(t);
    }
    let language = option(&f.options, "language")
        .unwrap_or_default()
        .to_lowercase();
    let set_returning = f.return_type.as_ref().is_some_and(|t| t.setof)
        || f.parameters.iter().any(|p| matches!(&p.node, Some(NodeEnum::FunctionParameter(fp)) if fp.mode == protobuf::FunctionParameterMode::FuncParamTable as i32));
    let default_cost = if matches!(language.as_str(), "c" | "internal") {
        1.0
    } else {
        100.0
    };
    let is_default = |name: &str, value: Option<String>| -> bool {
        let v = value.unwrap_or_default().to_lowercase();
        match name {
            "volatility" => v == "volatile",
            "strict" | "security" | "leakproof" | "window" => v == "false",
            "parallel" => v == "unsafe",
            "cost" => v.parse::<f64>().is_ok_and(|c| c == default_cost),
            "rows" => set_returning && v.parse::<f64>().is_ok_and(|r| r == 1000.0),
            _ => false,
        }
    };
    let mut opts: Vec<Node> = Vec::new();
    for o in std::mem::take(&mut f.options) {
        let Some(NodeEnum::DefElem(d)) = &o.node else {
            opts.push(o);
            continue;
        };
        if is_default(&d.defname, d.arg.as_deref().and_then(node_string)) {
            continue;
        }
        if d.defname != "set" {
            // A later mention wins, as in the server.
            opts.retain(
                |x| !matches!(&x.node, Some(NodeEnum::DefElem(e)) if e.defname == d.defname),
            );
        }
        opts.push(o);
    }
    opts.sort_by_key(|o| match &o.node {
        Some(NodeEnum::DefElem(d)) => rank(&d.defname),
        _ => u8::MAX,
    });
    f.options = opts;
}

/// pg_dump's order of function options.
fn rank(name: &str) -> u8 {
    match name {
        "language" => 0,
        "window" => 1,
        "volatility" => 2,
        "strict" => 3,
        "security" => 4,
        "leakproof" => 5,
        "parallel" => 6,
        "cost" => 7,
        "rows" => 8,
        "support" => 9,
        "set" => 10,
        "as" => 11,
        _ => 12,
    }
}

fn option(opts: &[Node], name: &str) -> Option<String> {
    opts.iter().find_map(|o| match &o.node {
        Some(NodeEnum::DefElem(d)) if d.defname == name => d.arg.as_deref().and_then(node_string),
        _ => None,
    })
}

/// The configuration variable a `SET` option names.
fn set_name(n: &Node) -> Option<(&str, i32)> {
    match &n.node {
        Some(NodeEnum::DefElem(d)) if d.defname == "set" => {
            match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::VariableSetStmt(v)) => Some((v.name.as_str(), v.kind)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The settings that take a list of values (`GUC_LIST_INPUT`): `SET name TO a, b`.
const LIST_SETTINGS: [&str; 10] = [
    "datestyle",
    "local_preload_libraries",
    "log_destination",
    "search_path",
    "session_preload_libraries",
    "shared_preload_libraries",
    "synchronous_standby_names",
    "temp_tablespaces",
    "unix_socket_directories",
    "wal_consistency_checking",
];

/// Whether `SET name TO` with `values` values is one the server refuses ("takes only one
/// argument"): more than one value for a setting that is not a list. A setting an extension
/// defines (its name has a dot) is left alone: its flags are the extension's.
pub(super) fn too_many_values(name: &str, kind: i32, values: usize) -> bool {
    kind == VariableSetKind::VarSetValue as i32
        && values > 1
        && !name.contains('.')
        && !LIST_SETTINGS.contains(&name.to_lowercase().as_str())
}

impl Replay {
    /// Refuses a `SET name TO a, b` of a setting that takes one value, as the server does;
    /// says whether it did.
    pub(super) fn refuse_values(
        &mut self,
        stmt: &Stmt,
        name: &str,
        kind: i32,
        values: usize,
    ) -> bool {
        let refused = too_many_values(name, kind, values);
        if refused {
            self.reject(stmt, format!("SET {name} takes only one argument"));
        }
        refused
    }

    /// `refuse_values` for each `SET` option of a CREATE or ALTER FUNCTION.
    pub(super) fn refuse_option_values(&mut self, stmt: &Stmt, options: &[Node]) -> bool {
        options.iter().any(|o| match &o.node {
            Some(NodeEnum::DefElem(d)) if d.defname == "set" => {
                match d.arg.as_deref().and_then(|a| a.node.as_ref()) {
                    Some(NodeEnum::VariableSetStmt(v)) => {
                        self.refuse_values(stmt, &v.name, v.kind, v.args.len())
                    }
                    _ => false,
                }
            }
            _ => false,
        })
    }

    /// `ALTER FUNCTION / PROCEDURE / ROUTINE f(args) action ...`: options replace options of
    /// the same name; `SET x` replaces the setting of `x`, `RESET x` / `RESET ALL` remove.
    pub(super) fn alter_function(&mut self, stmt: &Stmt, s: &protobuf::AlterFunctionStmt) {
        let kind = protobuf::ObjectType::try_from(s.objtype)
            .unwrap_or(protobuf::ObjectType::ObjectFunction);
        let func = s.func.as_ref().map(|f| NodeEnum::ObjectWithArgs(f.clone()));
        let Some(key) = self.generic_key(kind, func.as_ref()) else {
            self.unsupported(stmt, "ALTER FUNCTION on this object");
            return;
        };
        if self.refuse_option_values(stmt, &s.actions) {
            return;
        }
        let mut actions = s.actions.clone();
        self.set_from_current(stmt, &mut actions);
        self.edit_object(stmt, &key, |node, _| {
            let NodeEnum::CreateFunctionStmt(f) = node else {
                return Err("ALTER FUNCTION on something that is not a function".into());
            };
            for a in actions {
                match set_name(&a) {
                    Some((name, kind)) => {
                        let name = name.to_string();
                        f.options.retain(|o| {
                            set_name(o).is_none_or(|(n, _)| {
                                n != name && kind != VariableSetKind::VarResetAll as i32
                            })
                        });
                        let reset = kind == VariableSetKind::VarReset as i32
                            || kind == VariableSetKind::VarResetAll as i32;
                        if !reset {
                            f.options.push(a);
                        }
                    }
                    None => f.options.push(a),
                }
            }
            canonical_options(f);
            Ok(())
        });
    }
}

/// Whether the replay follows the session's value of setting `name` for `SET name FROM
/// CURRENT`: `search_path`, and placeholder settings (`app.x`), whose value the server keeps
/// as set. Other settings show their value as the server formats it (units, spellings, the
/// server's configuration), which the replay does not model.
fn followed(name: &str) -> bool {
    name == "search_path" || name.contains('.')
}

/// A string constant.
fn string_const(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::AConst(protobuf::AConst {
            isnull: false,
            location: -1,
            val: Some(protobuf::a_const::Val::Sval(protobuf::String {
                sval: s.to_string(),
            })),
        })),
    }
}

impl Replay {
    /// `SET name = ...`, `SET name TO DEFAULT`, `RESET name`, `RESET ALL` of the session.
    pub(super) fn note_setting(&mut self, name: &str, kind: i32, args: &[Node]) {
        match VariableSetKind::try_from(kind).unwrap_or(VariableSetKind::Undefined) {
            VariableSetKind::VarSetValue if followed(name) => {
                let values: Option<Vec<String>> = args.iter().map(node_string).collect();
                match values {
                    // The server shows one setting as the list it was given; pg_dump splits
                    // `search_path` (a list) into its names, and prints others whole.
                    Some(v) if name == "search_path" => {
                        self.settings.insert(name.to_string(), v);
                    }
                    Some(v) => {
                        self.settings.insert(name.to_string(), vec![v.join(", ")]);
                    }
                    None => {
                        self.settings.remove(name);
                    }
                }
            }
            VariableSetKind::VarResetAll => self.settings.clear(),
            VariableSetKind::VarSetValue
            | VariableSetKind::VarSetDefault
            | VariableSetKind::VarReset
            | VariableSetKind::VarSetCurrent
            | VariableSetKind::VarSetMulti
            | VariableSetKind::Undefined => {
                self.settings.remove(name);
            }
        }
    }

    /// `SELECT set_config(name, value, false)` of the session.
    pub(super) fn note_setting_text(&mut self, name: &str, value: &str) {
        if !followed(name) {
            return;
        }
        let values = if name == "search_path" {
            value
                .split(',')
                .map(|p| p.trim().trim_matches('"').to_string())
                .filter(|p| !p.is_empty())
                .collect()
        } else {
            vec![value.to_string()]
        };
        self.settings.insert(name.to_string(), values);
    }

    /// The `SET name FROM CURRENT` options of a CREATE or ALTER FUNCTION take the session's
    /// value, as the server stores it then: `SET name TO value`. A setting whose value the
    /// replay does not know is reported and left as written.
    pub(super) fn set_from_current(&mut self, stmt: &Stmt, options: &mut [Node]) {
        for o in options {
            let Some(NodeEnum::DefElem(d)) = o.node.as_mut() else {
                continue;
            };
            if d.defname != "set" {
                continue;
            }
            let Some(NodeEnum::VariableSetStmt(v)) =
                d.arg.as_deref_mut().and_then(|a| a.node.as_mut())
            else {
                continue;
            };
            if v.kind != VariableSetKind::VarSetCurrent as i32 {
                continue;
            }
            let values = match self.settings.get(&v.name) {
                Some(values) => Some(values.clone()),
                // The server's default, unless its configuration says otherwise.
                None if v.name == "search_path" => {
                    Some(vec!["$user".to_string(), "public".to_string()])
                }
                None => None,
            };
            match values.filter(|v| !v.is_empty()) {
                Some(values) => {
                    v.kind = VariableSetKind::VarSetValue as i32;
                    v.args = values.iter().map(|s| string_const(s)).collect();
                }
                None => {
                    let what = format!(
                        "SET {} FROM CURRENT (the session's value of this setting, as the server shows it)",
                        v.name
                    );
                    self.unsupported(stmt, &what);
                }
            }
        }
    }
}
