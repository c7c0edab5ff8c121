//! Canonical type names, as PostgreSQL's `format_type` prints them: `int4` and `integer` are
//! both `integer`, `varchar(10)` is `character varying(10)`, user types are schema-qualified.

use pg_query::protobuf::{a_const, TypeName};
use pg_query::NodeEnum;

use super::resolve::Resolver;
use crate::emit::quote;

/// pg_catalog's internal name -> its SQL spelling, for types `format_type` spells specially.
fn builtin_spelling(internal: &str) -> Option<&'static str> {
    Some(match internal {
        "int2" | "smallint" => "smallint",
        "int4" | "integer" | "int" => "integer",
        "int8" | "bigint" => "bigint",
        "float4" | "real" => "real",
        "float8" => "double precision",
        "bool" | "boolean" => "boolean",
        "varchar" => "character varying",
        "bpchar" => "character",
        "numeric" | "decimal" => "numeric",
        "timestamp" => "timestamp without time zone",
        "timestamptz" => "timestamp with time zone",
        "time" => "time without time zone",
        "timetz" => "time with time zone",
        "interval" => "interval",
        "bit" => "bit",
        "varbit" => "bit varying",
        _ => return None,
    })
}

/// Names of pg_catalog types that may be written unqualified.
const BUILTIN: &[&str] = &[
    "aclitem", "any", "anyarray", "anycompatible", "anycompatiblearray", "anycompatiblemultirange",
    "anycompatiblenonarray", "anycompatiblerange", "anyelement", "anyenum", "anymultirange", "anynonarray",
    "anyrange", "bit", "bool", "boolean", "box", "bpchar", "bytea", "char", "cid", "cidr", "circle", "cstring",
    "date", "datemultirange", "daterange", "decimal", "event_trigger", "fdw_handler", "float4", "float8",
    "gtsvector", "index_am_handler", "inet", "int2", "int2vector", "int4", "int4multirange", "int4range",
    "int8", "int8multirange", "int8range", "integer", "internal", "interval", "json", "jsonb", "jsonpath",
    "language_handler", "line", "lseg", "macaddr", "macaddr8", "money", "name", "numeric", "nummultirange",
    "numrange", "oid", "oidvector", "path", "pg_lsn", "pg_snapshot", "point", "polygon", "record",
    "refcursor", "regclass", "regcollation", "regconfig", "regdictionary", "regnamespace", "regoper",
    "regoperator", "regproc", "regprocedure", "regrole", "regtype", "smallint", "bigint", "real",
    "table_am_handler", "text", "tid", "time", "timestamp", "timestamptz", "timetz", "trigger",
    "tsm_handler", "tsmultirange", "tsquery", "tsrange", "tstzmultirange", "tstzrange", "tsvector",
    "txid_snapshot", "uuid", "varbit", "varchar", "void", "xid", "xid8", "xml",
];

pub fn is_builtin(name: &str) -> bool {
    BUILTIN.contains(&name)
}

/// Resolved (schema, name) of a type name: `None` schema for pg_catalog types.
pub fn resolve_type_name(tn: &TypeName, r: &Resolver) -> (Option<String>, String) {
    let parts: Vec<String> = tn.names.iter().filter_map(|n| match &n.node {
        Some(NodeEnum::String(s)) => Some(s.sval.clone()),
        _ => None,
    }).collect();
    match parts.as_slice() {
        [schema, name] if schema == "pg_catalog" => (None, name.clone()),
        [.., schema, name] => (Some(schema.clone()), name.clone()),
        [name] => {
            if let Some(s) = r.user_type_schema(name) {
                (Some(s), name.clone())
            } else if is_builtin(name) {
                (None, name.clone())
            } else {
                (Some(r.creation_schema()), name.clone())
            }
        }
        [] => (None, String::new()),
    }
}

/// The canonical spelling of a type, e.g. `character varying(20)[]`, `public.mood`.
pub fn type_sql(tn: &TypeName, r: &Resolver) -> String {
    let (schema, name) = resolve_type_name(tn, r);
    let mods: Vec<String> = tn.typmods.iter().map(typmod_sql).collect();
    let mut out = match (&schema, builtin_spelling(&name)) {
        (None, Some(spelled)) => builtin_with_mods(&name, spelled, &mods),
        (None, None) => with_mods(quote::ident(&name), &mods),
        (Some(s), _) => with_mods(quote::qualified(s, &name), &mods),
    };
    if tn.pct_type {
        out.push_str("%TYPE");
    }
    if !tn.array_bounds.is_empty() {
        out.push_str("[]");
    }
    if tn.setof {
        out = format!("SETOF {out}");
    }
    out
}

fn with_mods(base: String, mods: &[String]) -> String {
    if mods.is_empty() {
        base
    } else {
        format!("{base}({})", mods.join(","))
    }
}

fn builtin_with_mods(internal: &str, spelled: &str, mods: &[String]) -> String {
    match internal {
        "timestamp" | "timestamptz" | "time" | "timetz" => {
            let (head, tail) = spelled.split_once(' ').unwrap_or((spelled, ""));
            match mods.first() {
                Some(p) => format!("{head}({p}) {tail}"),
                None => spelled.to_string(),
            }
        }
        "interval" => interval_sql(mods),
        "bpchar" if mods.is_empty() => "bpchar".to_string(),
        _ => with_mods(spelled.to_string(), mods),
    }
}

/// `interval` typmods from the grammar: a field mask, then an optional precision.
fn interval_sql(mods: &[String]) -> String {
    const FULL: i64 = 0x7FFF;
    let mask = mods.first().and_then(|m| m.parse::<i64>().ok()).unwrap_or(FULL);
    let fields = match mask {
        4 => " year",
        2 => " month",
        8 => " day",
        1024 => " hour",
        2048 => " minute",
        4096 => " second",
        6 => " year to month",
        1032 => " day to hour",
        3080 => " day to minute",
        7176 => " day to second",
        3072 => " hour to minute",
        7168 => " hour to second",
        6144 => " minute to second",
        _ => "",
    };
    match mods.get(1) {
        Some(p) if fields.is_empty() => format!("interval({p})"),
        Some(p) => format!("interval{fields}({p})"),
        None => format!("interval{fields}"),
    }
}

fn typmod_sql(n: &pg_query::protobuf::Node) -> String {
    match &n.node {
        Some(NodeEnum::AConst(c)) => match &c.val {
            Some(a_const::Val::Ival(i)) => i.ival.to_string(),
            Some(a_const::Val::Sval(s)) => s.sval.clone(),
            Some(a_const::Val::Fval(f)) => f.fval.clone(),
            Some(a_const::Val::Boolval(b)) => b.boolval.to_string(),
            Some(a_const::Val::Bsval(b)) => b.bsval.clone(),
            None => "NULL".to_string(),
        },
        Some(NodeEnum::ColumnRef(c)) => c
            .fields
            .iter()
            .filter_map(|f| match &f.node {
                Some(NodeEnum::String(s)) => Some(s.sval.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("."),
        _ => super::expr::deparse_expr_raw(n).unwrap_or_default(),
    }
}
