//! Enum labels: `ALTER TYPE ... ADD VALUE` and `ALTER TYPE ... RENAME VALUE`.
//!
//! The server keeps a label as a `pg_enum` row that stored values point at by OID, so a
//! rename carries every stored value of the type along. The catalog keeps those values as
//! text, so a rename rewrites them: typed literals `'old'::schema.type` (and array literals
//! `'{old,...}'::schema.type[]`) in column defaults and generation expressions, constraints,
//! indexes, views, policies, triggers, rules, domains, routine defaults and `BEGIN ATOMIC`
//! bodies, and the bound values of partitions keyed on a column of the type (which pg_dump
//! prints without a cast). Function bodies kept as strings are not rewritten (nor does the
//! server rewrite them). A literal written without its type (a hand-written view's
//! `m = 'old'`) is not recognized; pg_dump always writes the cast.
//!
//! Each enum also records the renames its own history performed (`Object::label_renames`),
//! which the diff reads to rename a label rather than rebuild the type.

use pg_query::protobuf::{self, Token};

use super::Replay;
use crate::catalog::model::*;
use crate::emit::quote;
use crate::syntax::Stmt;

/// The canonical CREATE statement of an enum with these labels.
pub(super) fn enum_sql(key: &ObjKey, labels: &[String]) -> String {
    let labels: Vec<String> = labels.iter().map(|l| quote::literal(l)).collect();
    format!(
        "CREATE TYPE {} AS ENUM ({})",
        quote::qualified(&key.schema, &key.name),
        labels.join(", ")
    )
}

impl Replay {
    /// `ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'x' [BEFORE | AFTER 'y']` and
    /// `ALTER TYPE t RENAME VALUE 'x' TO 'y'`, refused where the server refuses them.
    pub(super) fn alter_enum(&mut self, stmt: &Stmt, s: &protobuf::AlterEnumStmt) {
        let q = super::generic::type_qualname(&s.type_name, &self.resolver());
        let key = ObjKey {
            kind: ObjKind::Type,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        };
        let Some(obj) = self.catalog.objects.get(&key) else {
            self.warn(stmt, format!("type {} does not exist", q.sql()));
            return;
        };
        if !obj.is_enum() {
            self.warn(stmt, format!("{} is not an enum", q.sql()));
            return;
        }
        let labels = obj.labels.clone();
        let renamed = !s.old_val.is_empty();
        let problem = if renamed {
            if !labels.contains(&s.old_val) {
                Some(format!(
                    "{} is not an existing enum label",
                    quote::literal(&s.old_val)
                ))
            } else if labels.contains(&s.new_val) {
                Some(format!(
                    "enum label {} already exists",
                    quote::literal(&s.new_val)
                ))
            } else {
                None
            }
        } else if labels.contains(&s.new_val) {
            if s.skip_if_new_val_exists {
                return;
            }
            Some(format!(
                "enum label {} already exists",
                quote::literal(&s.new_val)
            ))
        } else if !s.new_val_neighbor.is_empty() && !labels.contains(&s.new_val_neighbor) {
            Some(format!(
                "{} is not an existing enum label",
                quote::literal(&s.new_val_neighbor)
            ))
        } else {
            None
        };
        if let Some(p) = problem {
            self.warn(stmt, p);
            return;
        }
        self.shaped(super::super::graph::Node::Object(key.clone()));
        let Some(obj) = self.catalog.objects.get_mut(&key) else {
            return;
        };
        if renamed {
            for l in &mut obj.labels {
                if *l == s.old_val {
                    *l = s.new_val.clone();
                }
            }
            obj.label_renames
                .push((s.old_val.clone(), s.new_val.clone()));
        } else {
            let at = match obj.labels.iter().position(|l| *l == s.new_val_neighbor) {
                Some(i) if s.new_val_is_after => i + 1,
                Some(i) => i,
                None => obj.labels.len(),
            };
            obj.labels.insert(at, s.new_val.clone());
        }
        obj.create = enum_sql(&key, &obj.labels);
        if renamed {
            self.rename_label_in_values(&q, &s.old_val, &s.new_val);
        }
    }

    /// Every stored value `old` of enum `ty` now reads `new` (see the module documentation).
    fn rename_label_in_values(&mut self, ty: &QualName, old: &str, new: &str) {
        let typed = |s: &mut String| *s = typed_label_renamed(s, ty, old, new);
        let c = &mut self.catalog;
        // Which partition key columns of each partitioned table are of the type.
        let keys: Vec<(QualName, PartitionKey)> = c
            .tables
            .iter()
            .filter_map(|(q, t)| Some((q.clone(), partition_key(t, ty)?)))
            .collect();
        for t in c.tables.values_mut() {
            for col in &mut t.columns {
                if let Some((d, _)) = &mut col.default {
                    typed(d);
                }
                if let Some(g) = &mut col.generated {
                    typed(g);
                }
            }
            for k in t.constraints.values_mut() {
                typed(&mut k.def);
            }
            if let Some((parent, bound)) = &mut t.partition_of {
                typed(bound);
                if let Some((_, key)) = keys.iter().find(|(q, _)| q == parent) {
                    *bound = bound_label_renamed(bound, key, old, new);
                }
            }
        }
        for i in c.indexes.values_mut() {
            typed(&mut i.def);
        }
        for o in c.objects.values_mut() {
            typed(&mut o.create);
            o.after.iter_mut().for_each(typed);
            o.column_defaults.values_mut().for_each(typed);
            if let Some(d) = &mut o.domain {
                d.default.iter_mut().for_each(typed);
                d.checks.values_mut().for_each(typed);
            }
        }
    }
}

/// The partition key of a partitioned table as far as enum `ty` goes: whether it is a list
/// key, and for each key element whether it is a plain column of type `ty`. `None` when no
/// key column is of the type.
struct PartitionKey {
    list: bool,
    of_type: Vec<bool>,
}

fn partition_key(t: &Table, ty: &QualName) -> Option<PartitionKey> {
    let spec = t.partition_by.as_deref()?;
    let type_sql = ty.sql();
    let of_type: Vec<bool> = t
        .partition_key
        .iter()
        .map(|c| {
            c.as_deref()
                .and_then(|c| t.column(c))
                .is_some_and(|c| c.type_sql == type_sql)
        })
        .collect();
    of_type.iter().any(|b| *b).then(|| PartitionKey {
        list: spec.starts_with("LIST"),
        of_type,
    })
}

/// A partition bound (`FOR VALUES IN ('a', 'b')`, `FOR VALUES FROM ('a', 1) TO ('c', 2)`)
/// with the untyped literals `old` of the key columns of the enum renamed to `new`.
fn bound_label_renamed(bound: &str, key: &PartitionKey, old: &str, new: &str) -> String {
    let Ok(scan) = pg_query::scan(bound) else {
        return bound.to_string();
    };
    let toks = &scan.tokens;
    let is = |i: usize, want: Token| {
        toks.get(i)
            .is_some_and(|t| Token::try_from(t.token).is_ok_and(|x| x == want))
    };
    let text = |i: usize| {
        toks.get(i)
            .and_then(|t| bound.get(t.start as usize..t.end as usize))
            .unwrap_or("")
    };
    let mut out = String::new();
    let mut at = 0usize;
    let (mut depth, mut element) = (0usize, 0usize);
    for (i, tok) in toks.iter().enumerate() {
        if is(i, Token::Ascii40) {
            depth += 1;
            if depth == 1 {
                element = 0;
            }
        } else if is(i, Token::Ascii41) {
            depth = depth.saturating_sub(1);
        } else if depth == 1 && is(i, Token::Ascii44) {
            element += 1;
        } else if depth == 1 && is(i, Token::Sconst) && !is(i + 1, Token::Typecast) {
            let column = if key.list { 0 } else { element };
            if key.of_type.get(column).copied().unwrap_or(false)
                && string_value(text(i)).as_deref() == Some(old)
            {
                out.push_str(&bound[at..tok.start as usize]);
                out.push_str(&quote::literal(new));
                at = tok.end as usize;
            }
        }
    }
    out.push_str(&bound[at..]);
    out
}

/// `sql` with every literal `'old'::ty` reading `'new'::ty`, and every array literal of
/// `ty[]` holding `old` holding `new` instead.
fn typed_label_renamed(sql: &str, ty: &QualName, old: &str, new: &str) -> String {
    if !sql.contains("::") {
        return sql.to_string();
    }
    let Ok(scan) = pg_query::scan(sql) else {
        return sql.to_string();
    };
    let toks = &scan.tokens;
    let is = |i: usize, want: Token| {
        toks.get(i)
            .is_some_and(|t| Token::try_from(t.token).is_ok_and(|x| x == want))
    };
    let text = |i: usize| {
        toks.get(i)
            .and_then(|t| sql.get(t.start as usize..t.end as usize))
            .unwrap_or("")
    };
    let is_name = |i: usize, want: &str| {
        toks.get(i).is_some_and(|t| {
            Token::try_from(t.token).is_ok_and(|x| x == Token::Ident) || t.keyword_kind != 0
        }) && super::rename::ident_value(text(i)) == want
    };
    let mut out = String::new();
    let mut at = 0usize;
    for (i, tok) in toks.iter().enumerate() {
        let cast_to_type = is(i, Token::Sconst)
            && is(i + 1, Token::Typecast)
            && is_name(i + 2, &ty.schema)
            && is(i + 3, Token::Ascii46)
            && is_name(i + 4, &ty.name)
            && !is(i + 5, Token::Ascii46);
        if !cast_to_type {
            continue;
        }
        let Some(value) = string_value(text(i)) else {
            continue;
        };
        let array = is(i + 5, Token::Ascii91) && is(i + 6, Token::Ascii93);
        let renamed = if array {
            array_elements(&value)
                .filter(|e| e.iter().any(|x| x.as_deref() == Some(old)))
                .map(|e| {
                    let e: Vec<Option<String>> = e
                        .into_iter()
                        .map(|x| {
                            if x.as_deref() == Some(old) {
                                Some(new.to_string())
                            } else {
                                x
                            }
                        })
                        .collect();
                    quote::literal(&array_text(&e))
                })
        } else {
            (value == old).then(|| quote::literal(new))
        };
        if let Some(r) = renamed {
            out.push_str(&sql[at..tok.start as usize]);
            out.push_str(&r);
            at = tok.end as usize;
        }
    }
    out.push_str(&sql[at..]);
    out
}

/// The value of a string constant token (`'it''s'`, `E'a\\b'`); `None` for forms it does
/// not read (Unicode escapes, other backslash escapes).
fn string_value(token: &str) -> Option<String> {
    if let Some(body) = token.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
        return Some(body.replace("''", "'"));
    }
    let body = token
        .strip_prefix(['E', 'e'])?
        .strip_prefix('\'')?
        .strip_suffix('\'')?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                e @ ('\\' | '\'') => out.push(e),
                _ => return None,
            },
            '\'' => {
                chars.next().filter(|n| *n == '\'')?;
                out.push('\'');
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// The elements of a one-dimensional array literal (`{a,"b c",NULL}`), `None` for a NULL;
/// `None` for anything else (nested arrays, bounds decoration).
fn array_elements(text: &str) -> Option<Vec<Option<String>>> {
    let inner = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut out = Vec::new();
    if inner.trim().is_empty() {
        return Some(out);
    }
    let mut chars = inner.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            chars.next();
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next()? {
                    '\\' => s.push(chars.next()?),
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(Some(s));
            while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                chars.next();
            }
        } else {
            let mut s = String::new();
            while let Some(c) = chars.peek().copied().filter(|c| *c != ',') {
                chars.next();
                match c {
                    '{' | '}' | '"' => return None,
                    '\\' => s.push(chars.next()?),
                    c => s.push(c),
                }
            }
            let s = s.trim_end().to_string();
            out.push((!s.eq_ignore_ascii_case("NULL")).then_some(s));
        }
        match chars.next() {
            None => return Some(out),
            Some(',') => {}
            Some(_) => return None,
        }
    }
}

/// An array literal's text as the server prints it (`array_out`): elements quoted when
/// empty, `NULL`, or holding a delimiter, brace, quote, backslash or space.
fn array_text(elements: &[Option<String>]) -> String {
    let one = |e: &Option<String>| match e {
        None => "NULL".to_string(),
        Some(s)
            if s.is_empty()
                || s.eq_ignore_ascii_case("NULL")
                || s.chars().any(|c| {
                    matches!(c, '{' | '}' | ',' | '"' | '\\')
                        || c.is_ascii_whitespace()
                        || c == '\u{b}'
                }) =>
        {
            format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
        }
        Some(s) => s.clone(),
    };
    format!(
        "{{{}}}",
        elements.iter().map(one).collect::<Vec<_>>().join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mood() -> QualName {
        QualName::new("public", "mood")
    }

    /// The catalog `sql` builds and the messages of the warnings met.
    fn replayed(sql: &str) -> (Catalog, Vec<String>) {
        let file = std::sync::Arc::new(crate::input::SourceFile::new("t.sql", sql.to_string()));
        let l = crate::catalog_from_files(&[file], &crate::LoadOptions::default(), Vec::new())
            .expect("loads");
        (
            l.catalog,
            l.warnings.iter().map(|d| d.message.clone()).collect(),
        )
    }

    fn enum_of(c: &Catalog) -> &Object {
        &c.objects[&ObjKey {
            kind: ObjKind::Type,
            schema: "public".into(),
            name: "mood".into(),
            sub: String::new(),
        }]
    }

    #[test]
    fn a_rename_is_recorded_and_carried_into_stored_values() {
        let (c, warnings) = replayed(
            "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE t (m mood DEFAULT 'ok', CHECK (m <> 'ok'::mood));\n\
             ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';\nALTER TYPE mood RENAME VALUE 'fine' TO 'good';",
        );
        assert_eq!(warnings, Vec::<String>::new());
        let e = enum_of(&c);
        assert_eq!(e.labels, ["sad", "good"]);
        assert_eq!(e.create, "CREATE TYPE public.mood AS ENUM ('sad', 'good')");
        assert_eq!(
            e.label_renames,
            [
                ("ok".to_string(), "fine".to_string()),
                ("fine".to_string(), "good".to_string())
            ]
        );
        let t = &c.tables[&QualName::new("public", "t")];
        assert_eq!(
            t.columns[0].default.as_ref().map(|d| d.0.as_str()),
            Some("'good'::public.mood")
        );
        assert_eq!(
            t.constraints["t_m_check"].def,
            "CHECK (m <> 'good'::public.mood)"
        );
    }

    #[test]
    fn what_the_server_refuses_is_reported_and_not_applied() {
        let (c, warnings) = replayed(
            "CREATE TYPE mood AS ENUM ('sad', 'ok');\nALTER TYPE mood RENAME VALUE 'nope' TO 'x';\nALTER TYPE mood RENAME VALUE 'sad' TO 'ok';\n\
             ALTER TYPE mood ADD VALUE 'ok';\nALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';\nALTER TYPE mood ADD VALUE 'x' AFTER 'nope';\n\
             CREATE TYPE pair AS (a int);\nALTER TYPE pair ADD VALUE 'x';",
        );
        assert_eq!(
            warnings,
            [
                "'nope' is not an existing enum label",
                "enum label 'ok' already exists",
                "enum label 'ok' already exists",
                "'nope' is not an existing enum label",
                "public.pair is not an enum",
            ]
        );
        assert_eq!(enum_of(&c).labels, ["sad", "ok"]);
        assert!(enum_of(&c).label_renames.is_empty());
    }

    #[test]
    fn typed_literals_of_the_type_only() {
        let sql = "CHECK (m <> 'ok'::public.mood AND x <> 'ok'::public.other AND y <> 'ok' AND z <> 'ok'::public.mood_x)";
        assert_eq!(
            typed_label_renamed(sql, &mood(), "ok", "fine"),
            "CHECK (m <> 'fine'::public.mood AND x <> 'ok'::public.other AND y <> 'ok' AND z <> 'ok'::public.mood_x)"
        );
        assert_eq!(
            typed_label_renamed("'it''s'::public.mood", &mood(), "it's", "a'b"),
            "'a''b'::public.mood"
        );
        assert_eq!(
            typed_label_renamed("'ok'::\"Public\".mood", &mood(), "ok", "fine"),
            "'ok'::\"Public\".mood"
        );
    }

    #[test]
    fn array_literals_of_the_type() {
        assert_eq!(
            typed_label_renamed("'{ok,sad}'::public.mood[]", &mood(), "ok", "so so"),
            "'{\"so so\",sad}'::public.mood[]"
        );
        assert_eq!(
            typed_label_renamed("'{\"ok\",NULL}'::public.mood[]", &mood(), "ok", "fine"),
            "'{fine,NULL}'::public.mood[]"
        );
        assert_eq!(
            typed_label_renamed("'{sad}'::public.mood[]", &mood(), "ok", "fine"),
            "'{sad}'::public.mood[]"
        );
        assert_eq!(
            typed_label_renamed("'{{ok}}'::public.mood[]", &mood(), "ok", "fine"),
            "'{{ok}}'::public.mood[]"
        );
    }

    #[test]
    fn partition_bounds_by_key_column() {
        let list = PartitionKey {
            list: true,
            of_type: vec![true],
        };
        assert_eq!(
            bound_label_renamed("FOR VALUES IN ('ok', 'sad')", &list, "ok", "fine"),
            "FOR VALUES IN ('fine', 'sad')"
        );
        let range = PartitionKey {
            list: false,
            of_type: vec![false, true],
        };
        assert_eq!(
            bound_label_renamed(
                "FOR VALUES FROM ('ok', 'ok') TO ('ok', MAXVALUE)",
                &range,
                "ok",
                "fine"
            ),
            "FOR VALUES FROM ('ok', 'fine') TO ('ok', MAXVALUE)"
        );
    }
}
