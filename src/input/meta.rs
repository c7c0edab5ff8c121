//! Blanks what psql would consume itself: meta-command lines (`\restrict KEY`, `\connect db`,
//! `\set ...`) and the data of `COPY ... FROM stdin;` up to its `\.` line. Every blanked byte
//! becomes a space (newlines are kept), so offsets and line numbers do not move.

use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Normal,
    Single { escapes: bool },
    Double,
    LineComment,
    Block(u32),
}

/// Blanks meta-commands and COPY data in place; returns the byte ranges of skipped COPY data.
pub fn blank_non_sql(text: &mut [u8]) -> Vec<Range<usize>> {
    let mut copies = Vec::new();
    let mut state = State::Normal;
    let mut stmt_start = 0;
    let mut at_line_start = true;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        match state {
            State::Normal => {
                if at_line_start && c == b'\\' {
                    let end = line_end(text, i);
                    blank(text, i..end);
                    i = end;
                    continue;
                }
                match c {
                    b'\'' => {
                        let escapes = i > 0 && matches!(text[i - 1], b'e' | b'E') && (i < 2 || !is_ident_byte(text[i - 2]));
                        state = State::Single { escapes };
                    }
                    b'"' => state = State::Double,
                    b'-' if text.get(i + 1) == Some(&b'-') => state = State::LineComment,
                    b'/' if text.get(i + 1) == Some(&b'*') => {
                        state = State::Block(1);
                        i += 1;
                    }
                    b'$' => {
                        if let Some(tag_len) = dollar_tag(text, i) {
                            let tag = text[i..i + tag_len].to_vec();
                            let body_start = i + tag_len;
                            let close = find(text, body_start, &tag).unwrap_or(text.len());
                            i = (close + tag_len).min(text.len());
                            at_line_start = false;
                            continue;
                        }
                    }
                    b';' => {
                        if is_copy_from_stdin(&text[stmt_start..i]) {
                            let data_start = line_end(text, i).saturating_add(1).min(text.len());
                            let data_end = copy_data_end(text, data_start);
                            blank(text, data_start..data_end);
                            copies.push(data_start..data_end);
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
                    state = if depth == 1 { State::Normal } else { State::Block(depth - 1) };
                    i += 1;
                } else if c == b'/' && text.get(i + 1) == Some(&b'*') {
                    state = State::Block(depth + 1);
                    i += 1;
                }
            }
        }
        at_line_start = c == b'\n' || (at_line_start && (c == b' ' || c == b'\t') && state == State::Normal);
        i += 1;
    }
    copies
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Length of a dollar-quote opening tag (`$$`, `$body$`) at `i`, if there is one.
fn dollar_tag(text: &[u8], i: usize) -> Option<usize> {
    if i > 0 && is_ident_byte(text[i - 1]) {
        return None; // part of an identifier such as a$b, or a parameter like $1 after a word
    }
    let mut j = i + 1;
    while j < text.len() && text[j] != b'$' {
        let b = text[j];
        let ok = if j == i + 1 { b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 } else { is_ident_byte(b) };
        if !ok {
            return None;
        }
        j += 1;
    }
    (j < text.len()).then_some(j + 1 - i)
}

fn find(text: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    text.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn line_end(text: &[u8], i: usize) -> usize {
    text[i..].iter().position(|&b| b == b'\n').map_or(text.len(), |p| p + i)
}

fn blank(text: &mut [u8], range: Range<usize>) {
    for b in &mut text[range] {
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
        let content = &text[line..end];
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
            s = &trimmed[line_end(trimmed, 0)..];
        } else if trimmed.starts_with(b"/*") {
            let mut depth = 0usize;
            let mut i = 0;
            while i + 1 < trimmed.len() {
                match &trimmed[i..i + 2] {
                    b"/*" => {
                        depth += 1;
                        i += 2;
                    }
                    b"*/" => {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => i += 1,
                }
            }
            s = &trimmed[i.min(trimmed.len())..];
            if depth > 0 {
                return &[];
            }
        } else {
            return trimmed;
        }
    }
}

fn is_copy_from_stdin(stmt: &[u8]) -> bool {
    let s = String::from_utf8_lossy(skip_leading_comments(stmt)).to_ascii_lowercase();
    let words: Vec<&str> = s.split_whitespace().collect();
    words.first() == Some(&"copy") && words.windows(2).any(|w| w[0] == "from" && w[1].trim_end_matches(';') == "stdin")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, usize) {
        let mut b = s.as_bytes().to_vec();
        let n = blank_non_sql(&mut b).len();
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
        assert!(!out.contains('1') && !out.contains('2') && !out.contains("\\."), "{out}");
    }

    #[test]
    fn skips_copy_data() {
        let (out, n) = run("COPY t (a) FROM stdin;\n1\n2\n\\.\nCREATE TABLE u ();\n");
        assert_eq!(n, 1);
        assert_eq!(out, "COPY t (a) FROM stdin;\n \n \n  \nCREATE TABLE u ();\n");
    }
}
