//! The names the server chooses for objects created without one: `t_pkey`, `t_a_b_key`,
//! `t_a_fkey`, `t_a_check`, `t_lower_idx`, with a number after the label when the name is
//! taken, and both parts clipped so the whole fits in 63 bytes (PostgreSQL's
//! `makeObjectName` / `ChooseRelationName`).

use pg_query::protobuf::Node;
use pg_query::NodeEnum;

/// Identifiers are at most 63 bytes (NAMEDATALEN - 1).
const MAX: usize = 63;

/// Clips `s` to at most `n` bytes without splitting a character.
fn clip(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `name1[_name2][_label]`, with name1 and name2 shortened (the longer first) to fit.
pub(super) fn make_object_name(name1: &str, name2: Option<&str>, label: &str) -> String {
    let overhead = name2.map_or(0, |_| 1) + if label.is_empty() { 0 } else { label.len() + 1 };
    let avail = MAX.saturating_sub(overhead);
    let (mut n1, mut n2) = (name1.len(), name2.map_or(0, str::len));
    while n1 + n2 > avail {
        if n1 > n2 {
            n1 -= 1;
        } else {
            n2 -= 1;
        }
    }
    let mut out = clip(name1, n1).to_string();
    if let Some(n) = name2 {
        out.push('_');
        out.push_str(clip(n, n2));
    }
    if !label.is_empty() {
        out.push('_');
        out.push_str(label);
    }
    out
}

/// The first of `name1_name2_label`, `..._label1`, `..._label2`, ... that is not `taken`.
pub(super) fn choose_name(
    name1: &str,
    name2: Option<&str>,
    label: &str,
    taken: impl Fn(&str) -> bool,
) -> String {
    let mut pass = 0;
    loop {
        let l = if pass == 0 {
            label.to_string()
        } else {
            format!("{label}{pass}")
        };
        let name = make_object_name(name1, name2, &l);
        if !taken(&name) {
            return name;
        }
        pass += 1;
    }
}

/// Column names joined with `_`, stopping once the text reaches 64 bytes (the server's
/// `ChooseIndexNameAddition`, also used for foreign keys).
pub(super) fn name_addition(columns: &[String]) -> String {
    let mut buf = String::new();
    for c in columns {
        if !buf.is_empty() {
            buf.push('_');
        }
        buf.push_str(clip(c, MAX));
        if buf.len() > MAX {
            break;
        }
    }
    buf
}

/// The names of an index's columns as the server figures them for the index name: a column's
/// own name, a function's name for a call, `expr` for other expressions; a repeated name gets
/// a number.
pub(super) fn index_column_names(params: &[Node]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in params {
        let Some(NodeEnum::IndexElem(e)) = &p.node else {
            continue;
        };
        let base = if !e.name.is_empty() {
            e.name.clone()
        } else {
            e.expr
                .as_deref()
                .and_then(crate::catalog::expr::column_name)
                .unwrap_or_else(|| "expr".to_string())
        };
        let mut name = base.clone();
        let mut i = 0;
        while out.contains(&name) {
            i += 1;
            name = format!("{base}{i}");
        }
        out.push(name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fit_in_63_bytes_keeping_the_label() {
        assert_eq!(make_object_name("t", Some("a_b"), "key"), "t_a_b_key");
        assert_eq!(make_object_name("t", None, "pkey"), "t_pkey");
        let long = "x".repeat(60);
        let n = make_object_name(&long, Some("column_name"), "fkey");
        assert_eq!(n.len(), 63);
        assert!(n.ends_with("_column_name_fkey") || n.ends_with("_fkey"));
        assert_eq!(
            choose_name("t", Some("a"), "idx", |n| n == "t_a_idx" || n == "t_a_idx1"),
            "t_a_idx2"
        );
    }
}
