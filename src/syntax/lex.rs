//! A fast reading of SQL text into the few things statement splitting needs to see: where
//! each token starts and ends, and which tokens are `;`, parentheses and the keywords that
//! open and close a `BEGIN ATOMIC` body. It follows the rules of PostgreSQL's scanner
//! (`scan.l`) for what can hide a `;`: comments (nested `/* */`), string constants (`'...'`
//! with `''`, `E'...'` with backslash escapes, `B'`, `X'`, `N'`, `U&'`, and continuation
//! across a newline), quoted identifiers, dollar quotes, identifiers holding `$`.
//!
//! It is a shortcut, never a second opinion: wherever the scanner could report an error (an
//! unterminated token, a zero-length quoted identifier, a number or parameter with letters,
//! an escape that makes a byte sequence, a NUL byte) it gives up (`None`), and the caller
//! asks the scanner itself. So when it answers, its answer is the scanner's.

use std::ops::Range;

/// What splitting needs to know of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Semicolon,
    Open,
    Close,
    Begin,
    Atomic,
    Case,
    End,
    /// Every other token: words, literals, operators, punctuation.
    Other,
}

/// The tokens of `text` (comments and whitespace left out), with their byte ranges, as a
/// list (for tests; splitting takes them one by one from `each_token`).
#[cfg(test)]
pub fn tokens(text: &str) -> Option<Vec<(Tok, Range<usize>)>> {
    let mut out = Vec::new();
    each_token(text, |tok, range| out.push((tok, range)))?;
    Some(out)
}

/// Hands each token of `text` (comments and whitespace left out) with its byte range to
/// `f`, in order; `None` where the scanner could report an error (`f` may have had some
/// tokens by then).
pub fn each_token(text: &str, mut f: impl FnMut(Tok, Range<usize>)) -> Option<()> {
    let b = text.as_bytes();
    // The scanner is handed a C string: a NUL byte anywhere is its error.
    if b.contains(&0) {
        return None;
    }
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let start = i;
        let tok = match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                i += 1;
                continue;
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = line_comment_end(b, i);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = block_comment_end(b, i)?;
                continue;
            }
            b'\'' => {
                i = string_end(b, i + 1, false)?;
                Tok::Other
            }
            b'"' => {
                i = quoted_identifier_end(b, i + 1)?;
                Tok::Other
            }
            b'$' => {
                i = dollar_end(b, i)?;
                Tok::Other
            }
            b'0'..=b'9' => {
                i = number_end(b, i)?;
                Tok::Other
            }
            b'(' => {
                i += 1;
                Tok::Open
            }
            b')' => {
                i += 1;
                Tok::Close
            }
            b';' => {
                i += 1;
                Tok::Semicolon
            }
            c if is_ident_start(c) => {
                let next = b.get(i + 1).copied();
                match (c.to_ascii_lowercase(), next) {
                    (b'e', Some(b'\'')) => {
                        i = string_end(b, i + 2, true)?;
                        Tok::Other
                    }
                    (b'b' | b'x' | b'n', Some(b'\'')) => {
                        i = string_end(b, i + 2, false)?;
                        Tok::Other
                    }
                    (b'u', Some(b'&')) if b.get(i + 2) == Some(&b'\'') => {
                        i = string_end(b, i + 3, false)?;
                        Tok::Other
                    }
                    (b'u', Some(b'&')) if b.get(i + 2) == Some(&b'"') => {
                        i = quoted_identifier_end(b, i + 3)?;
                        Tok::Other
                    }
                    _ => {
                        i += 1;
                        while b.get(i).is_some_and(|&c| is_ident_cont(c)) {
                            i += 1;
                        }
                        keyword(b.get(start..i)?)
                    }
                }
            }
            c if is_op_char(c) => {
                // An operator runs to the first comment mark inside it; one as long as a
                // name is the scanner's "operator too long".
                let mut j = i + 1;
                while b.get(j).is_some_and(|&c| is_op_char(c))
                    && !matches!(b.get(j..j + 2), Some(b"--" | b"/*"))
                {
                    j += 1;
                }
                if j - i >= 63 {
                    return None;
                }
                i = j;
                Tok::Other
            }
            _ => {
                i += 1;
                Tok::Other
            }
        };
        f(tok, start..i);
    }
    Some(())
}

/// The scanner's `op_chars`: `~!@#^&|`?+-*/%<>=`.
fn is_op_char(c: u8) -> bool {
    matches!(
        c,
        b'~' | b'!'
            | b'@'
            | b'#'
            | b'^'
            | b'&'
            | b'|'
            | b'`'
            | b'?'
            | b'+'
            | b'-'
            | b'*'
            | b'/'
            | b'%'
            | b'<'
            | b'>'
            | b'='
    )
}

/// `[A-Za-z\200-\377_]`
fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

/// `[A-Za-z\200-\377_0-9\$]`
fn is_ident_cont(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit() || c == b'$'
}

fn keyword(word: &[u8]) -> Tok {
    if word.eq_ignore_ascii_case(b"begin") {
        Tok::Begin
    } else if word.eq_ignore_ascii_case(b"atomic") {
        Tok::Atomic
    } else if word.eq_ignore_ascii_case(b"case") {
        Tok::Case
    } else if word.eq_ignore_ascii_case(b"end") {
        Tok::End
    } else {
        Tok::Other
    }
}

/// After `--`: up to the end of the line (a comment ends at `\n` or `\r`).
fn line_comment_end(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'\n' || c == b'\r'))
        .map_or(b.len(), |p| i + p)
}

/// After a `/* ... */` comment, nested ones included.
fn block_comment_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match (b.get(i)?, b.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

/// After a string constant whose body starts at `i`: `''` is a quote, and with `escapes` a
/// backslash takes the next byte along. A closing quote followed by whitespace holding a
/// newline and another quote continues the string, in the same mode.
fn string_end(b: &[u8], mut i: usize, escapes: bool) -> Option<usize> {
    loop {
        match *b.get(i)? {
            b'\\' if escapes => match *b.get(i + 1)? {
                // Escapes that make bytes (octal, hex, Unicode) can make invalid text,
                // which the scanner reports: leave those to it.
                b'0'..=b'7' | b'x' | b'u' | b'U' => return None,
                _ => i += 2,
            },
            b'\'' if b.get(i + 1) == Some(&b'\'') => i += 2,
            b'\'' => match continuation(b, i + 1) {
                Some(next) => i = next,
                None => return Some(i + 1),
            },
            _ => i += 1,
        }
    }
}

/// Where a string closed just before `i` goes on (the scanner's `quotecontinue`): past
/// blanks and `--` comments up to a newline, then blanks, newlines and comments that end in
/// a newline, to an opening quote.
fn continuation(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match b.get(i)? {
            b' ' | b'\t' | 0x0b | 0x0c => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => i = line_comment_end(b, i),
            b'\n' | b'\r' => break,
            _ => return None,
        }
    }
    loop {
        match b.get(i)? {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = line_comment_end(b, i);
                // Here a comment counts only when a newline ends it.
                b.get(i)?;
            }
            b'\'' => return Some(i + 1),
            _ => return None,
        }
    }
}

/// After a quoted identifier whose body starts at `i` (`""` is a quote); an empty one is the
/// scanner's error.
fn quoted_identifier_end(b: &[u8], mut i: usize) -> Option<usize> {
    let body = i;
    loop {
        match *b.get(i)? {
            b'"' if b.get(i + 1) == Some(&b'"') => i += 2,
            b'"' if i == body => return None,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// After what starts with `$` at `i`: a parameter (`$1`), a dollar-quoted string
/// (`$tag$ ... $tag$`), or a lone `$` (the scanner's `dolqfailed`: the word after it is a
/// token of its own).
fn dollar_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if b.get(j).is_some_and(u8::is_ascii_digit) {
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        // `$1abc` is the scanner's "trailing junk after parameter", and a number past
        // 2147483647 its "parameter number too large": both left to it (so is any of ten
        // digits or more).
        return match b.get(j) {
            Some(&c) if is_ident_cont(c) => None,
            _ if j - i > 10 => None,
            _ => Some(j),
        };
    }
    if b.get(j).is_some_and(|&c| is_ident_start(c)) {
        j += 1;
        while b
            .get(j)
            .is_some_and(|&c| is_ident_start(c) || c.is_ascii_digit())
        {
            j += 1;
        }
    }
    if b.get(j) != Some(&b'$') {
        return Some(i + 1);
    }
    let delimiter = b.get(i..=j)?;
    let body = j + 1;
    let close = b
        .get(body..)?
        .windows(delimiter.len())
        .position(|w| w == delimiter)?;
    Some(body + close + delimiter.len())
}

/// After a plain decimal number (`12`, `1.5`) starting at `i`. Anything with letters or
/// underscores in it (`1e5`, `0x1F`, `1_000`, `12abc`) is left to the scanner, which knows
/// which of them are errors.
fn number_end(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() || c == b'.' {
            i += 1;
        } else if is_ident_cont(c) {
            return None;
        } else {
            break;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Tok, &str)> {
        tokens(s)
            .unwrap()
            .into_iter()
            .map(|(t, r)| (t, &s[r]))
            .collect()
    }

    #[test]
    fn reads_what_can_hide_a_semicolon() {
        let s = "a$b$ 'x;''y' E'\\';' $q$;$x$;$q$ \"a;\"\"b\" /* ; /* ; */ ; */ -- ;\n U&'\\;' b;";
        let toks = kinds(s);
        let semis = toks.iter().filter(|(t, _)| *t == Tok::Semicolon).count();
        assert_eq!(semis, 1, "{toks:?}");
        assert_eq!(toks.first(), Some(&(Tok::Other, "a$b$")));
    }

    #[test]
    fn e_strings_only_at_a_token_start() {
        // `somee` is a word, so its quote opens a standard string, where `\` is a byte.
        let toks = kinds("somee'\\' ; t.e'\\'' ;");
        assert_eq!(
            toks,
            vec![
                (Tok::Other, "somee"),
                (Tok::Other, "'\\'"),
                (Tok::Semicolon, ";"),
                (Tok::Other, "t"),
                (Tok::Other, "."),
                (Tok::Other, "e'\\''"),
                (Tok::Semicolon, ";"),
            ]
        );
    }

    #[test]
    fn continuation_keeps_the_escape_mode() {
        let toks = kinds("E'a' -- c\n  -- d\n '\\';' ;");
        assert_eq!(toks.len(), 2, "{toks:?}");
        // Without a newline there is no continuation: two strings.
        assert_eq!(kinds("'a' 'b'").len(), 2);
    }

    #[test]
    fn gives_up_where_the_scanner_may_fail() {
        for bad in [
            "'open",
            "\"open",
            "/* open",
            "$x$ open",
            "\"\"",
            "select 1abc",
            "select 0x1F",
            "select $1a",
            "select $9223372036854775807",
            "select 1 ++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++ 1",
            "select E'\\x41'",
            "select E'\\u0041'",
            "select 1\0",
            "select 1 -- a NUL \0 in a comment",
        ] {
            assert_eq!(tokens(bad), None, "{bad}");
        }
    }

    #[test]
    fn keywords_are_words_only() {
        let toks = kinds("BEGIN atomic \"end\" Case end_x");
        let kinds: Vec<Tok> = toks.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            kinds,
            vec![Tok::Begin, Tok::Atomic, Tok::Other, Tok::Case, Tok::Other]
        );
    }
}
