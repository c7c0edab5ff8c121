//! Statement splitting on PostgreSQL's scanner tokens: a `;` ends a statement unless it is
//! inside parentheses or a `BEGIN ATOMIC ... END` function body. Comments, strings and
//! dollar quotes are the scanner's business, so they never split anything.

use std::ops::Range;

use pg_query::protobuf::Token;

/// Byte ranges of the statements of `text` (without the closing `;`), or the scanner's error.
pub fn split_statements(text: &str) -> Result<Vec<Range<usize>>, String> {
    let scan = pg_query::scan(text).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut parens = 0i32;
    let mut atomic = 0i32;
    let mut cases = 0i32;
    let mut prev = Token::Nul;
    let mut last_end = 0;
    for tok in &scan.tokens {
        let kind = Token::try_from(tok.token).unwrap_or(Token::Nul);
        if matches!(kind, Token::SqlComment | Token::CComment) {
            continue;
        }
        let (s, e) = (tok.start as usize, tok.end as usize);
        // Only these tokens open or close a nesting; the hundreds of other token kinds
        // (keywords, literals, operators) leave it as it is.
        #[allow(clippy::wildcard_enum_match_arm)]
        match kind {
            Token::Ascii59 if parens == 0 && atomic == 0 => {
                if let Some(st) = start.take() {
                    out.push(st..last_end);
                }
                prev = kind;
                continue;
            }
            Token::Ascii40 => parens += 1,
            Token::Ascii41 => parens -= 1,
            Token::Atomic if prev == Token::BeginP => atomic += 1,
            Token::Case if atomic > 0 => cases += 1,
            Token::EndP if atomic > 0 => {
                if cases > 0 {
                    cases -= 1;
                } else {
                    atomic -= 1;
                }
            }
            _ => {}
        }
        if start.is_none() {
            start = Some(s);
        }
        last_end = e;
        prev = kind;
    }
    if let Some(st) = start {
        out.push(st..last_end);
    }
    Ok(out)
}

/// The string constants of `text` (`'it''s'` gives `it's`), as the scanner reads them.
pub fn string_constants(text: &str) -> Vec<String> {
    let Ok(scan) = pg_query::scan(text) else {
        return Vec::new();
    };
    scan.tokens
        .iter()
        .filter(|t| t.token == Token::Sconst as i32)
        .filter_map(|t| text.get(t.start as usize..t.end as usize))
        .filter_map(|s| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
        .map(|s| s.replace("''", "'"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_statements(s)
            .unwrap()
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn splits_on_semicolons_outside_quotes_and_comments() {
        assert_eq!(
            split("select 1; -- a;b\nselect ';', $x$;$x$ /* ; */; asdf"),
            vec!["select 1", "select ';', $x$;$x$", "asdf"]
        );
    }

    #[test]
    fn keeps_begin_atomic_bodies_whole() {
        let s = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END; SELECT 3";
        assert_eq!(split(s).len(), 2);
    }
}
