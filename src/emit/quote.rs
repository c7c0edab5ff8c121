//! Identifier and literal quoting: the one place that decides when PostgreSQL needs quotes.

use pg_query::protobuf::{KeywordKind, Token};

/// Quotes `name` exactly when PostgreSQL requires it (as `quote_ident` does).
pub fn ident(name: &str) -> String {
    let plain = !name.is_empty()
        && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b == b'_')
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        // No keyword of PostgreSQL's has a digit.
        && (name.bytes().any(|b| b.is_ascii_digit()) || !is_keyword(name));
    if plain {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// Whether `name` must be quoted for being a keyword; PostgreSQL's scanner decides, once
/// per name and thread (names repeat throughout a schema).
fn is_keyword(name: &str) -> bool {
    thread_local! {
        static KNOWN: std::cell::RefCell<std::collections::HashMap<String, bool>> = std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if let Some(k) = KNOWN.with(|m| m.borrow().get(name).copied()) {
        return k;
    }
    let k = scan_keyword(name);
    KNOWN.with(|m| m.borrow_mut().insert(name.to_string(), k));
    k
}

fn scan_keyword(name: &str) -> bool {
    let Ok(scan) = pg_query::scan(name) else {
        return true;
    };
    match scan.tokens.as_slice() {
        [tok] => {
            let kind =
                KeywordKind::try_from(tok.keyword_kind).unwrap_or(KeywordKind::ReservedKeyword);
            let single_ident = Token::try_from(tok.token).is_ok_and(|t| t == Token::Ident);
            !(single_ident || kind == KeywordKind::UnreservedKeyword)
        }
        _ => true,
    }
}

/// `schema.name`, each part quoted as needed.
pub fn qualified(schema: &str, name: &str) -> String {
    format!("{}.{}", ident(schema), ident(name))
}

/// A SQL string literal (standard_conforming_strings = on).
pub fn literal(s: &str) -> String {
    if s.contains('\\') {
        format!("E'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(ident("users"), "users");
        assert_eq!(ident("user"), "\"user\"");
        assert_eq!(ident("Users"), "\"Users\"");
        assert_eq!(ident("name"), "name");
        assert_eq!(ident("select"), "\"select\"");
        assert_eq!(ident("a b"), "\"a b\"");
        assert_eq!(ident("x\"y"), "\"x\"\"y\"");
        assert_eq!(ident("1a"), "\"1a\"");
        assert_eq!(literal("it's"), "'it''s'");
    }
}
