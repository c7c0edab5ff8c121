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
    "aclitem",
    "any",
    "anyarray",
    "anycompatible",
    "anycompatiblearray",
    "anycompatiblemultirange",
    "anycompatiblenonarray",
    "anycompatiblerange",
    "anyelement",
    "anyenum",
    "anymultirange",
    "anynonarray",
    "anyrange",
    "bit",
    "bool",
    "boolean",
    "box",
    "bpchar",
    "bytea",
    "char",
    "cid",
    "cidr",
    "circle",
    "cstring",
    "date",
    "datemultirange",
    "daterange",
    "decimal",
    "event_trigger",
    "fdw_handler",
    "float4",
    "float8",
    "gtsvector",
    "index_am_handler",
    "inet",
    "int2",
    "int2vector",
    "int4",
    "int4multirange",
    "int4range",
    "int8",
    "int8multirange",
    "int8range",
    "integer",
    "internal",
    "interval",
    "json",
    "jsonb",
    "jsonpath",
    "language_handler",
    "line",
    "lseg",
    "macaddr",
    "macaddr8",
    "money",
    "name",
    "numeric",
    "nummultirange",
    "numrange",
    "oid",
    "oidvector",
    "path",
    "pg_lsn",
    "pg_snapshot",
    "point",
    "polygon",
    "record",
    "refcursor",
    "regclass",
    "regcollation",
    "regconfig",
    "regdictionary",
    "regnamespace",
    "regoper",
    "regoperator",
    "regproc",
    "regprocedure",
    "regrole",
    "regtype",
    "smallint",
    "bigint",
    "real",
    "table_am_handler",
    "text",
    "tid",
    "time",
    "timestamp",
    "timestamptz",
    "timetz",
    "trigger",
    "tsm_handler",
    "tsmultirange",
    "tsquery",
    "tsrange",
    "tstzmultirange",
    "tstzrange",
    "tsvector",
    "txid_snapshot",
    "uuid",
    "varbit",
    "varchar",
    "void",
    "xid",
    "xid8",
    "xml",
];

pub fn is_builtin(name: &str) -> bool {
    BUILTIN.contains(&name)
}

/// Resolved (schema, name) of a type name: `None` schema for pg_catalog types.
pub fn resolve_type_name(tn: &TypeName, r: &Resolver) -> (Option<String>, String) {
    let parts: Vec<String> = tn
        .names
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.clone()),
            _ => None,
        })
        .collect();
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
/// Drops a type's modifiers, as the server does for the argument and result types of
/// routines, aggregates and operators (their signature is made of type OIDs alone).
pub fn drop_modifiers(tn: &mut TypeName) {
    tn.typmods.clear();
    tn.typemod = -1;
}

/// A routine's, aggregate's or operator's argument type as the server keys it: the type
/// without its modifiers.
pub fn signature_type_sql(tn: &TypeName, r: &Resolver) -> String {
    if tn.typmods.is_empty() {
        return type_sql(tn, r);
    }
    let mut bare = tn.clone();
    drop_modifiers(&mut bare);
    type_sql(&bare, r)
}

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
    let mask = mods
        .first()
        .and_then(|m| m.parse::<i64>().ok())
        .unwrap_or(FULL);
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

/// A canonical type without its modifiers or array brackets: `character varying(20)[]` ->
/// `character varying`, `timestamp(3) without time zone` -> `timestamp without time zone`,
/// `interval year to month` -> `interval`.
pub fn base_type(type_sql: &str) -> String {
    let t = type_sql.strip_suffix("[]").unwrap_or(type_sql);
    let mut out = String::new();
    let mut depth = 0;
    let mut quoted = false;
    for ch in t.chars() {
        match ch {
            '"' => {
                quoted = !quoted;
                out.push(ch);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.starts_with("interval") {
        return "interval".to_string();
    }
    out
}

/// The user collation a canonical `COLLATE` names (schema-qualified; `pg_catalog`'s are
/// written bare).
pub fn user_collation(sql: &str) -> Option<super::QualName> {
    super::expr::parse_qualified(sql).filter(|q| !q.schema.is_empty())
}

/// Whether `source::target` is a valid explicit cast, as `ALTER COLUMN ... TYPE ... USING
/// col::target` needs: the same type, a cast in `pg_cast` (builtin, a user `CREATE CAST` in
/// `c`, or one an extension `c` installed creates), an I/O conversion to or from a string
/// type, or element-wise between arrays. Any other user-defined type but an enum is given the
/// benefit of the doubt.
pub fn explicit_cast(c: &super::Catalog, source: &str, target: &str) -> bool {
    let (sa, ta) = (source.ends_with("[]"), target.ends_with("[]"));
    let (s, t) = (base_type(source), base_type(target));
    let string = |x: &str| {
        matches!(
            x,
            "text" | "character varying" | "character" | "bpchar" | "name"
        )
    };
    if (!sa && string(&s)) || (!ta && string(&t)) {
        return true;
    }
    // An extension's type has the casts its script creates (`text[]` to `hstore`, say),
    // element-wise between arrays, and no other.
    let extension_type = |x: &str| {
        super::expr::parse_qualified(x)
            .filter(|q| !q.schema.is_empty())
            .filter(|q| super::contrib::type_extension(c, q).is_some())
            .map(|q| q.name)
    };
    let (es, et) = (extension_type(&s), extension_type(&t));
    if es.is_some() || et.is_some() {
        let name = |ext: Option<String>, base: &str, array: bool| {
            let name = ext.unwrap_or_else(|| base.to_string());
            if array && !(sa && ta) {
                format!("{name}[]")
            } else {
                name
            }
        };
        return (s == t && sa == ta)
            || super::contrib::has_cast(&name(es, &s, sa), &name(et, &t, ta));
    }
    if sa != ta {
        return false;
    }
    if s == t || super::builtin::has_cast(&s, &t) {
        return true;
    }
    if c.has_user_cast(&s, &t) {
        return true;
    }
    // No cast joins two enums, two composite types (a table's row type is one) or two
    // ranges: only their text forms do.
    let no_casts = |x: &str| {
        super::expr::parse_qualified(x).is_some_and(|q| {
            c.tables.contains_key(&q)
                || c.objects
                    .get(&super::ObjKey::named(super::ObjKind::Type, &q))
                    .is_some_and(|o| o.is_enum() || o.attributes.is_some() || o.is_range())
        })
    };
    let user = |x: &str| crate::catalog::graph::type_name(x).is_some();
    (user(&s) || user(&t)) && !no_casts(&s) && !no_casts(&t)
}

/// What `ALTER COLUMN ... TYPE` does to the values of a column, from PostgreSQL's rules: a
/// binary-coercible change whose values need no conversion rewrites nothing; any other
/// rewrites the table and rebuilds its indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// Binary coercible, every value kept as it is: no rewrite (`varchar(10)` to
    /// `varchar(20)` or `text`, `numeric(10,2)` to `numeric(12,2)`, `cidr` to `inet`).
    Relabel,
    /// Every row rewritten, every value kept (`integer` to `bigint`, anything to `text`, an
    /// enum to one holding all its labels).
    Widen,
    /// Every row rewritten; a value the new type cannot hold fails the statement or is cut
    /// short or rounded (`bigint` to `integer`, `text` to `integer`, `varchar(20)` to
    /// `varchar(10)`, an enum losing a label).
    Narrow,
}

/// A canonical type split into its base, its modifiers and whether it is an array:
/// `character varying(20)` -> (`character varying`, [20], false).
fn type_parts(type_sql: &str) -> (String, Vec<i64>, bool) {
    let array = type_sql.ends_with("[]");
    let t = type_sql.trim_end_matches("[]");
    let mods = match (t.find('('), t.find(')')) {
        (Some(a), Some(b)) if a < b && !t.starts_with('"') => t[a + 1..b]
            .split(',')
            .filter_map(|m| m.trim().parse().ok())
            .collect(),
        _ => Vec::new(),
    };
    (base_type(t), mods, array)
}

/// How a column of type `from` converts to `to` (both canonical), as `ALTER COLUMN ... TYPE
/// to USING col::to` does it on a table that holds rows.
pub fn conversion(c: &super::Catalog, from: &str, to: &str) -> Conversion {
    use Conversion::*;
    if from == to {
        return Relabel;
    }
    let (fb, fm, fa) = type_parts(from);
    let (tb, tm, ta) = type_parts(to);
    if fa != ta {
        return if ta && !fa {
            Narrow
        } else if tb == "text" && !ta {
            Widen
        } else {
            Narrow
        };
    }
    let varlen = |b: &str| matches!(b, "character varying" | "text");
    // A length or precision limit that is kept or lifted.
    let limit_kept =
        |f: &[i64], t: &[i64]| t.is_empty() || (!f.is_empty() && t.first() >= f.first());
    match (fb.as_str(), tb.as_str()) {
        (f, t) if varlen(f) && varlen(t) => {
            let f_limit = if f == "text" { Vec::new() } else { fm.clone() };
            let t_limit = if t == "text" { Vec::new() } else { tm.clone() };
            if limit_kept(&f_limit, &t_limit) {
                Relabel
            } else {
                Narrow
            }
        }
        ("numeric", "numeric") => match (fm.as_slice(), tm.as_slice()) {
            (_, []) => Relabel,
            ([], _) => Narrow,
            ([fp, fscale @ ..], [tp, tscale @ ..]) => {
                let (fp, fs, tp, ts) = (
                    *fp,
                    fscale.first().copied().unwrap_or(0),
                    *tp,
                    tscale.first().copied().unwrap_or(0),
                );
                if ts == fs && tp >= fp {
                    Relabel
                } else if ts >= fs && tp - ts >= fp - fs {
                    Widen
                } else {
                    Narrow
                }
            }
        },
        (f, t)
            if f == t
                && matches!(
                    f,
                    "bit varying"
                        | "timestamp without time zone"
                        | "timestamp with time zone"
                        | "time without time zone"
                        | "time with time zone"
                        | "interval"
                ) =>
        {
            if limit_kept(&fm, &tm) {
                Relabel
            } else {
                Narrow
            }
        }
        (f, t) if f == t && matches!(f, "character" | "bit") => {
            if tm.first().unwrap_or(&1) >= fm.first().unwrap_or(&1) {
                Widen
            } else {
                Narrow
            }
        }
        ("cidr", "inet") => Relabel,
        ("smallint", "integer" | "bigint" | "numeric" | "real" | "double precision")
        | ("integer", "bigint" | "numeric" | "double precision")
        | ("bigint", "numeric")
        | ("real", "double precision")
        | ("date", "timestamp without time zone" | "timestamp with time zone")
        | ("timestamp without time zone", "timestamp with time zone")
        | ("timestamp with time zone", "timestamp without time zone")
        | ("time without time zone", "time with time zone" | "interval")
        | ("jsonb", "json")
        | ("inet", "text")
        | ("character", "character varying" | "text") => Widen,
        (_, "text") if !ta => Widen,
        (f, t) => match (enum_labels(c, f), enum_labels(c, t)) {
            (Some(fl), Some(tl)) if fl.iter().all(|l| tl.contains(l)) => Widen,
            _ => Narrow,
        },
    }
}

/// The labels of enum type `type_sql` (qualified, canonical), if it is one in `c`.
fn enum_labels<'c>(c: &'c super::Catalog, type_sql: &str) -> Option<&'c [String]> {
    let q = super::expr::parse_qualified(type_sql)?;
    let key = super::ObjKey {
        kind: super::ObjKind::Type,
        schema: q.schema,
        name: q.name,
        sub: String::new(),
    };
    c.objects
        .get(&key)
        .filter(|o| o.is_enum())
        .map(|o| o.labels.as_slice())
}

/// The storage a column of type `type_sql` has by default (`pg_type.typstorage`), as `ALTER
/// COLUMN ... SET STORAGE` spells it: what a column returns to when its storage setting is
/// gone (PostgreSQL 15 has no `SET STORAGE DEFAULT`). `None` for a type whose default is
/// not known here (an extension's, other than those listed).
pub fn default_storage(c: &super::Catalog, type_sql: &str) -> Option<&'static str> {
    if type_sql.ends_with("[]") {
        return Some("EXTENDED");
    }
    let base = base_type(type_sql);
    let builtin = match base.as_str() {
        "smallint"
        | "integer"
        | "bigint"
        | "real"
        | "double precision"
        | "boolean"
        | "date"
        | "time without time zone"
        | "time with time zone"
        | "timestamp without time zone"
        | "timestamp with time zone"
        | "interval"
        | "uuid"
        | "money"
        | "oid"
        | "regclass"
        | "regtype"
        | "regproc"
        | "regprocedure"
        | "\"char\""
        | "name"
        | "macaddr"
        | "macaddr8"
        | "point"
        | "lseg"
        | "box"
        | "line"
        | "circle"
        | "pg_lsn"
        | "tsquery"
        | "xid"
        | "xid8"
        | "cid"
        | "tid" => Some("PLAIN"),
        "numeric" | "inet" | "cidr" => Some("MAIN"),
        "text" | "character varying" | "character" | "bytea" | "json" | "jsonb" | "xml"
        | "tsvector" | "bit" | "bit varying" | "path" | "polygon" | "jsonpath" | "int4range"
        | "int8range" | "numrange" | "tsrange" | "tstzrange" | "daterange" | "public.citext"
        | "public.hstore" | "public.ltree" => Some("EXTENDED"),
        _ => None,
    };
    if builtin.is_some() {
        return builtin;
    }
    let q = super::expr::parse_qualified(&base)?;
    let object = |kind| {
        c.objects.get(&super::model::ObjKey {
            kind,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        })
    };
    if let Some(d) = object(super::model::ObjKind::Domain).and_then(|o| o.domain.as_ref()) {
        let base = d.base.split(" COLLATE ").next().unwrap_or(&d.base);
        return default_storage(c, base);
    }
    let ty = object(super::model::ObjKind::Type)?;
    if ty.is_enum() {
        Some("PLAIN")
    } else if ty.attributes.is_some() || ty.is_range() {
        Some("EXTENDED")
    } else {
        None
    }
}
