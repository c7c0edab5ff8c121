//! Blanks what psql would consume itself: meta-command lines (`\restrict KEY`, `\connect db`,
//! `\set ...`) and the data of `COPY ... FROM stdin;` up to its `\.` line. Every blanked byte
//! becomes a space (newlines are kept), so offsets and line numbers do not move. On the way
//! it notes the `\connect` lines (which database the text after them runs in) and a quote,
//! comment or dollar quote left open at the end, with where it opens.

use std::ops::Range;

/// What blanking met.
#[derive(Debug, Default)]
pub struct Blanked {
    /// Byte ranges of skipped COPY data.
    pub copies: Vec<Range<usize>>,
    /// `\connect` (`\c`) lines, in order.
    pub connects: Vec<Connect>,
    /// What is still open at the end of the text, if anything.
    pub open: Option<Open>,
}

/// A psql `\connect` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connect {
    /// The line, without its newline.
    pub line: Range<usize>,
    /// The database it connects to; `None` for the current one (`\connect -`, no argument).
    pub database: Option<String>,
    /// The line as written (blanking removes it from the text).
    pub written: String,
}

/// A token that opens and is never closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unclosed {
    /// `'...` (also `E'`, `B'`, `X'`, `U&'`).
    String,
    /// `"...`
    Identifier,
    /// `/* ...`
    Comment,
    /// `$tag$ ...`
    DollarQuote,
}

impl Unclosed {
    /// Whether PostgreSQL's scanner message is about this kind of token.
    pub fn is_named_in(self, scanner_message: &str) -> bool {
        let phrases: &[&str] = match self {
            Unclosed::String => &[
                "unterminated quoted string",
                "unterminated bit string",
                "unterminated hexadecimal string",
                "unterminated Unicode escape",
            ],
            Unclosed::Identifier => &["unterminated quoted identifier"],
            Unclosed::Comment => &["unterminated /* comment"],
            Unclosed::DollarQuote => &["unterminated dollar-quoted string"],
        };
        phrases.iter().any(|p| scanner_message.starts_with(p))
    }

    /// What it is, for a help text.
    pub fn noun(self) -> &'static str {
        match self {
            Unclosed::String => "the string",
            Unclosed::Identifier => "the quoted identifier",
            Unclosed::Comment => "the comment",
            Unclosed::DollarQuote => "the dollar-quoted string",
        }
    }
}

/// An unclosed token and the byte offset where it opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Open {
    pub what: Unclosed,
    pub at: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Normal,
    Single { escapes: bool },
    Double,
    LineComment,
    Block(u32),
}

/// Blanks meta-commands and COPY data in place; returns what it met on the way.
pub fn blank_non_sql(text: &mut [u8]) -> Blanked {
    let mut out = Blanked::default();
    let mut state = State::Normal;
    let mut opened = 0;
    let mut stmt_start = 0;
    let mut at_line_start = true;
    let mut i = 0;
    while i < text.len() {
        let Some(&c) = text.get(i) else { break };
        match state {
            State::Normal => {
                if at_line_start && c == b'\\' {
                    let end = line_end(text, i);
                    let line = text.get(i..end).unwrap_or_default();
                    if let Some(database) = connect_target(line) {
                        let written = String::from_utf8_lossy(line).into_owned();
                        out.connects.push(Connect {
                            line: i..end,
                            database,
                            written,
                        });
                    }
                    blank(text, i..end);
                    i = end;
                    continue;
                }
                match c {
                    b'\'' => {
                        let back = |k: usize| i.checked_sub(k).and_then(|p| text.get(p)).copied();
                        let escapes = matches!(back(1), Some(b'e' | b'E'))
                            && !back(2).is_some_and(is_ident_byte);
                        state = State::Single { escapes };
                        opened = i;
                    }
                    b'"' => {
                        state = State::Double;
                        opened = i;
                    }
                    b'-' if text.get(i + 1) == Some(&b'-') => state = State::LineComment,
                    b'/' if text.get(i + 1) == Some(&b'*') => {
                        state = State::Block(1);
                        opened = i;
                        i += 1;
                    }
                    b'$' => {
                        if let Some(tag) = dollar_tag(text, i)
                            .and_then(|n| text.get(i..i + n))
                            .map(<[u8]>::to_vec)
                        {
                            let tag_len = tag.len();
                            let body_start = i + tag_len;
                            let Some(close) = find(text, body_start, &tag) else {
                                out.open = Some(Open {
                                    what: Unclosed::DollarQuote,
                                    at: i,
                                });
                                return out;
                            };
                            i = (close + tag_len).min(text.len());
                            at_line_start = false;
                            continue;
                        }
                    }
                    b';' => {
                        if text.get(stmt_start..i).is_some_and(is_copy_from_stdin) {
                            let data_start = line_end(text, i).saturating_add(1).min(text.len());
                            let data_end = copy_data_end(text, data_start);
                            blank(text, data_start..data_end);
                            out.copies.push(data_start..data_end);
                            i = data_end;
                            stmt_start = i;
                            at_line_start = true;
                            continue;
                        }
                        stmt_start = i + 1;
                    }
                    _ => {}
                }
            }
            State::Single { escapes } => {
                if escapes && c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == b'\'' {
                    if text.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    state = State::Normal;
                }
            }
            State::Double => {
                if c == b'"' {
                    state = State::Normal;
                }
            }
            State::LineComment => {
                if c == b'\n' {
                    state = State::Normal;
                }
            }
            State::Block(depth) => {
                if c == b'*' && text.get(i + 1) == Some(&b'/') {
                    state = if depth == 1 {
                        State::Normal
                    } else {
                        State::Block(depth - 1)
                    };
                    i += 1;
                } else if c == b'/' && text.get(i + 1) == Some(&b'*') {
                    state = State::Block(depth + 1);
                    i += 1;
                }
            }
        }
        at_line_start =
            c == b'\n' || (at_line_start && (c == b' ' || c == b'\t') && state == State::Normal);
        i += 1;
    }
    let what = match state {
        State::Normal | State::LineComment => None,
        State::Single { .. } => Some(Unclosed::String),
        State::Double => Some(Unclosed::Identifier),
        State::Block(_) => Some(Unclosed::Comment),
    };
    out.open = what.map(|what| Open { what, at: opened });
    out
}

/// The database a meta-command line connects to, if it is `\connect` / `\c`: the outer
/// `Option` says whether it is one, the inner one is `None` for "the current database".
/// Arguments are read as psql reads them (double quotes keep case, a leading
/// `-reuse-previous=...` is an option), and a connection string's `dbname` counts.
fn connect_target(line: &[u8]) -> Option<Option<String>> {
    let line = String::from_utf8_lossy(line);
    let mut words = psql_words(line.strip_prefix('\\')?);
    let command = words.next()?;
    if command != "connect" && command != "c" {
        return None;
    }
    let Some(first) = words.find(|w| !w.starts_with("-reuse-previous")) else {
        return Some(None);
    };
    if first == "-" {
        return Some(None);
    }
    if let Some(rest) = first
        .strip_prefix("postgresql://")
        .or_else(|| first.strip_prefix("postgres://"))
    {
        let db = rest
            .split_once('/')
            .map(|(_, d)| d.split('?').next().unwrap_or(d).to_string());
        return Some(db.filter(|d| !d.is_empty()));
    }
    if first.contains('=') {
        return Some(conninfo_dbname(&first));
    }
    Some(Some(first))
}

/// Whitespace-separated words as psql reads meta-command arguments: `"..."` keeps its
/// content (`""` is a quote), `'...'` too (with backslash escapes and `''`).
fn psql_words(s: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = s.chars().peekable();
    std::iter::from_fn(move || {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        chars.peek()?;
        let mut word = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
            match c {
                '"' => {
                    while let Some(q) = chars.next() {
                        if q == '"' && chars.next_if_eq(&'"').is_none() {
                            break;
                        }
                        word.push(q);
                    }
                }
                '\'' => {
                    while let Some(q) = chars.next() {
                        match q {
                            '\\' => word.extend(chars.next()),
                            '\'' if chars.next_if_eq(&'\'').is_some() => word.push('\''),
                            '\'' => break,
                            other => word.push(other),
                        }
                    }
                }
                other => word.push(other),
            }
        }
        Some(word)
    })
}

/// `dbname` of a libpq connection string (`host=x dbname='my db'`).
fn conninfo_dbname(s: &str) -> Option<String> {
    let mut chars = s.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let key: String =
            std::iter::from_fn(|| chars.next_if(|c| *c != '=' && !c.is_whitespace())).collect();
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        chars.next_if_eq(&'=')?;
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '\'' => break,
                    other => value.push(other),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
        }
        if key == "dbname" {
            return Some(value);
        }
        if key.is_empty() {
            return None;
        }
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Length of a dollar-quote opening tag (`$$`, `$body$`) at `i`, if there is one.
fn dollar_tag(text: &[u8], i: usize) -> Option<usize> {
    if i.checked_sub(1)
        .and_then(|p| text.get(p))
        .is_some_and(|&b| is_ident_byte(b))
    {
        return None; // part of an identifier such as a$b, or a parameter like $1 after a word
    }
    let mut j = i + 1;
    while let Some(&b) = text.get(j).filter(|&&b| b != b'$') {
        let ok = if j == i + 1 {
            b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
        } else {
            is_ident_byte(b)
        };
        if !ok {
            return None;
        }
        j += 1;
    }
    (j < text.len()).then_some(j + 1 - i)
}

fn find(text: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    text.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn line_end(text: &[u8], i: usize) -> usize {
    text.get(i..)
        .and_then(|t| t.iter().position(|&b| b == b'\n'))
        .map_or(text.len(), |p| p + i)
}

/// Turns every byte of `range` but newlines into a space (whole lines keep UTF-8 valid).
pub fn blank(text: &mut [u8], range: Range<usize>) {
    for b in text.get_mut(range).into_iter().flatten() {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// End (exclusive, including its newline) of the `\.` line closing COPY data at `start`.
fn copy_data_end(text: &[u8], start: usize) -> usize {
    let mut line = start;
    while line < text.len() {
        let end = line_end(text, line);
        let content = text.get(line..end).unwrap_or_default();
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        if content == b"\\." {
            return (end + 1).min(text.len());
        }
        line = end + 1;
    }
    text.len()
}

/// The statement text after its leading blanks and comments (pg_dump puts a `-- Data for
/// Name: ...` block before each COPY).
fn skip_leading_comments(mut s: &[u8]) -> &[u8] {
    loop {
        let trimmed = s.trim_ascii_start();
        if trimmed.starts_with(b"--") {
            s = trimmed.get(line_end(trimmed, 0)..).unwrap_or_default();
        } else if trimmed.starts_with(b"/*") {
            let mut depth = 0usize;
            let mut i = 0;
            while i + 1 < trimmed.len() {
                match trimmed.get(i..i + 2) {
                    Some(b"/*") => {
                        depth += 1;
                        i += 2;
                    }
                    Some(b"*/") => {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => i += 1,
                }
            }
            s = trimmed.get(i..).unwrap_or_default();
            if depth > 0 {
                return &[];
            }
        } else {
            return trimmed;
        }
    }
}

fn is_copy_from_stdin(stmt: &[u8]) -> bool {
    let stmt = skip_leading_comments(stmt);
    // Every statement passes here and few are COPY: a first word that starts with ASCII
    // and is not `copy` settles it before the whole text is lowered and split. Leading
    // whitespace is what `split_whitespace` skips; past a non-ASCII byte the full reading
    // below decides.
    let first = stmt
        .iter()
        .position(|&b| !(b.is_ascii() && char::from(b).is_whitespace()));
    match first.and_then(|at| stmt.get(at..)) {
        None => return false,
        Some(word) if word.first().is_some_and(u8::is_ascii) => {
            if !word
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"copy"))
            {
                return false;
            }
        }
        Some(_) => {}
    }
    let s = String::from_utf8_lossy(stmt).to_ascii_lowercase();
    let words: Vec<&str> = s.split_whitespace().collect();
    words.first() == Some(&"copy") && words.windows(2).any(|w| matches!(w, [from, target] if *from == "from" && target.trim_end_matches(';') == "stdin"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, usize) {
        let mut b = s.as_bytes().to_vec();
        let n = blank_non_sql(&mut b).copies.len();
        (String::from_utf8(b).unwrap(), n)
    }

    #[test]
    fn blanks_restrict_lines_keeping_offsets() {
        let (out, _) = run("\\restrict abc\nCREATE TABLE t ();\n\\unrestrict abc\n");
        assert_eq!(out, "             \nCREATE TABLE t ();\n               \n");
    }

    #[test]
    fn keeps_backslash_lines_inside_dollar_quotes() {
        let src = "CREATE FUNCTION f() RETURNS text AS $$\n\\x\n$$ LANGUAGE sql;\n";
        assert_eq!(run(src).0, src);
    }

    #[test]
    fn skips_copy_data_after_a_comment_block() {
        let src = "CREATE TABLE t (a int);\n\n--\n-- Data for Name: t; Type: TABLE DATA\n--\n\nCOPY t (a) FROM stdin;\n1\n\\.\n/* x */ COPY t (a) FROM stdin;\n2\n\\.\n";
        let (out, n) = run(src);
        assert_eq!(n, 2);
        assert!(
            !out.contains('1') && !out.contains('2') && !out.contains("\\."),
            "{out}"
        );
    }

    #[test]
    fn copy_from_stdin_is_read_after_any_whitespace_and_case() {
        for (stmt, copy) in [
            ("COPY t (a) FROM stdin", true),
            ("\x0b\tcopy t FROM STDIN", true),
            ("\u{a0}CoPy t from stdin;", true),
            ("copyx t from stdin", false),
            ("cop", false),
            ("  \n", false),
            ("COPY t TO stdout", false),
            ("SELECT 'copy t from stdin'", false),
        ] {
            assert_eq!(is_copy_from_stdin(stmt.as_bytes()), copy, "{stmt:?}");
        }
    }

    fn connects(s: &str) -> Vec<Option<String>> {
        let mut b = s.as_bytes().to_vec();
        blank_non_sql(&mut b)
            .connects
            .into_iter()
            .map(|c| c.database)
            .collect()
    }

    #[test]
    fn connect_lines_name_their_database_as_psql_reads_them() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(connects("\\connect app\n"), vec![some("app")]);
        assert_eq!(
            connects("\\c \"Mixed\"\"Case\"\n"),
            vec![some("Mixed\"Case")]
        );
        assert_eq!(
            connects("\\connect -reuse-previous=on \"dbname='Odd db'\"\n"),
            vec![some("Odd db")]
        );
        assert_eq!(
            connects("\\connect -reuse-previous=on \"dbname='it\\'s'\"\n"),
            vec![some("it's")]
        );
        assert_eq!(
            connects("\\connect postgresql://h/web?sslmode=require\n\\connect -\n"),
            vec![some("web"), None]
        );
        // Not at the start of a line, or inside a string: not a meta-command.
        assert_eq!(
            connects("SELECT 1; \\connect x\nSELECT '\n\\connect y\n';\n"),
            Vec::<Option<String>>::new()
        );
        assert_eq!(connects("\\encoding UTF8\n"), Vec::<Option<String>>::new());
    }

    #[test]
    fn an_unclosed_token_is_found_where_it_opens() {
        let open = |s: &str| {
            let mut b = s.as_bytes().to_vec();
            blank_non_sql(&mut b).open
        };
        assert_eq!(open("SELECT 'a''b';"), None);
        assert_eq!(
            open("SELECT 1;\nSELECT 'a''b;\n"),
            Some(Open {
                what: Unclosed::String,
                at: 17
            })
        );
        assert_eq!(
            open("SELECT \"x;"),
            Some(Open {
                what: Unclosed::Identifier,
                at: 7
            })
        );
        assert_eq!(
            open("/* a /* b */ c"),
            Some(Open {
                what: Unclosed::Comment,
                at: 0
            })
        );
        assert_eq!(
            open("SELECT 1; CREATE FUNCTION f() AS $body$ x $$ y"),
            Some(Open {
                what: Unclosed::DollarQuote,
                at: 33
            })
        );
        assert_eq!(open("-- it's\nSELECT 1;"), None);
    }

    #[test]
    fn skips_copy_data() {
        let (out, n) = run("COPY t (a) FROM stdin;\n1\n2\n\\.\nCREATE TABLE u ();\n");
        assert_eq!(n, 1);
        assert_eq!(
            out,
            "COPY t (a) FROM stdin;\n \n \n  \nCREATE TABLE u ();\n"
        );
    }
}
