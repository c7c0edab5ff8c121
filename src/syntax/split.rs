//! Statement splitting on PostgreSQL's scanner tokens: a `;` ends a statement unless it is
//! inside parentheses or a `BEGIN ATOMIC ... END` function body. Comments, strings and
//! dollar quotes are the scanner's business, so they never split anything. The tokens come
//! from `lex` (the scanner's rules for the few tokens that matter, without building the
//! millions of tokens of a large dump), or from the scanner itself wherever `lex` leaves
//! the text to it.

use std::ops::Range;

use pg_query::protobuf::Token;

use super::lex::{self, Tok};

/// Byte ranges of the statements of `text` (without the closing `;`), or the scanner's error.
pub fn split_statements(text: &str) -> Result<Vec<Range<usize>>, String> {
    let mut splitter = Splitter::default();
    match lex::each_token(text, |kind, range| splitter.push(kind, range)) {
        Some(()) => Ok(splitter.finish()),
        None => split_with_scanner(text),
    }
}

/// The same split, on the tokens of PostgreSQL's scanner.
pub fn split_with_scanner(text: &str) -> Result<Vec<Range<usize>>, String> {
    let scan = pg_query::scan(text).map_err(|e| e.to_string())?;
    let mut splitter = Splitter::default();
    for tok in &scan.tokens {
        // Only these tokens matter to splitting; the hundreds of other token kinds
        // (keywords, literals, operators) are all alike to it.
        #[allow(clippy::wildcard_enum_match_arm)]
        let kind = match Token::try_from(tok.token).unwrap_or(Token::Nul) {
            Token::SqlComment | Token::CComment => continue,
            Token::Ascii59 => Tok::Semicolon,
            Token::Ascii40 => Tok::Open,
            Token::Ascii41 => Tok::Close,
            Token::BeginP => Tok::Begin,
            Token::Atomic => Tok::Atomic,
            Token::Case => Tok::Case,
            Token::EndP => Tok::End,
            _ => Tok::Other,
        };
        splitter.push(kind, tok.start as usize..tok.end as usize);
    }
    Ok(splitter.finish())
}

/// Statements as their tokens come, one at a time.
#[derive(Default)]
struct Splitter {
    out: Vec<Range<usize>>,
    /// Where the statement under way starts, once it has a token.
    start: Option<usize>,
    parens: i32,
    atomic: i32,
    cases: i32,
    prev: Option<Tok>,
    last_end: usize,
}

impl Splitter {
    fn push(&mut self, kind: Tok, range: Range<usize>) {
        match kind {
            Tok::Semicolon if self.parens == 0 && self.atomic == 0 => {
                if let Some(st) = self.start.take() {
                    self.out.push(st..self.last_end);
                }
                self.prev = Some(kind);
                return;
            }
            Tok::Open => self.parens += 1,
            Tok::Close => self.parens -= 1,
            Tok::Atomic if self.prev == Some(Tok::Begin) => self.atomic += 1,
            Tok::Case if self.atomic > 0 => self.cases += 1,
            Tok::End if self.atomic > 0 => {
                if self.cases > 0 {
                    self.cases -= 1;
                } else {
                    self.atomic -= 1;
                }
            }
            Tok::Semicolon | Tok::Begin | Tok::Atomic | Tok::Case | Tok::End | Tok::Other => {}
        }
        self.start.get_or_insert(range.start);
        self.last_end = range.end;
        self.prev = Some(kind);
    }

    fn finish(mut self) -> Vec<Range<usize>> {
        if let Some(st) = self.start {
            self.out.push(st..self.last_end);
        }
        self.out
    }
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

    /// Every SQL file of the project (and of the shared corpus when it is beside it) splits
    /// the same on `lex`'s tokens as on the scanner's, and most take the fast way.
    #[test]
    fn lex_splits_as_the_scanner_does_on_every_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut files, mut fast) = (0, 0);
        for dir in ["fixtures", "tests/inputs", "../shared/corpus"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                files += 1;
                if lex::tokens(&text).is_some() {
                    fast += 1;
                }
                assert_eq!(
                    split_statements(&text),
                    split_with_scanner(&text),
                    "{}",
                    entry.path().display()
                );
            }
        }
        assert!(files > 500, "only {files} files read");
        assert!(
            fast * 10 > files * 9,
            "{fast} of {files} split the fast way"
        );
    }

    /// Texts made by mutating the project's SQL around what the lexer reads (quotes,
    /// backslashes, dollars, comment marks, prefixes, digits, NUL and non-ASCII bytes) split
    /// the same on `lex`'s tokens as on the scanner's. `PGDUMPDIFF_SPLIT_MUTATIONS` sets how
    /// many (default 20,000).
    #[test]
    fn lex_splits_as_the_scanner_does_on_mutated_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seeds: Vec<String> = Vec::new();
        for entry in walkdir::WalkDir::new(root.join("fixtures"))
            .into_iter()
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "sql") {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    seeds.push(text);
                }
            }
        }
        assert!(seeds.len() > 200, "only {} seeds", seeds.len());
        let runs: u64 = std::env::var("PGDUMPDIFF_SPLIT_MUTATIONS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20_000);
        const PIECES: &[&str] = &[
            "'",
            "''",
            "\\",
            "\\'",
            "\"",
            "\"\"",
            "$",
            "$$",
            "$a$",
            "$1",
            "$1a",
            "--",
            "/*",
            "*/",
            "\n",
            "\r",
            " ",
            "\t",
            "\x0b",
            "\x0c",
            "E'",
            "e'",
            "B'",
            "X'",
            "N'",
            "U&'",
            "u&\"",
            ";",
            "(",
            ")",
            "BEGIN ATOMIC ",
            " END",
            "CASE ",
            "1",
            "1e",
            "0x",
            ".",
            "\0",
            "\u{e9}",
            "\\x4",
            "\\u00",
            "a$",
            "é'",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| -> usize {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n.max(1) as u64) as usize
        };
        for run in 0..runs {
            let seed = &seeds[next(seeds.len())];
            // A window of the seed, mutated a few times at character boundaries.
            let start = seed.floor_char_boundary(next(seed.len()));
            let end = seed.floor_char_boundary((start + 1 + next(600)).min(seed.len()));
            let mut text = seed[start..end].to_string();
            for _ in 0..1 + next(4) {
                let at = text.floor_char_boundary(next(text.len() + 1));
                let piece = PIECES[next(PIECES.len())];
                if next(4) == 0 && at < text.len() {
                    let to = text.floor_char_boundary((at + 1 + next(8)).min(text.len()));
                    text.replace_range(at..to, piece);
                } else {
                    text.insert_str(at, piece);
                }
            }
            assert_eq!(
                split_statements(&text),
                split_with_scanner(&text),
                "mutation {run}: {text:?}"
            );
        }
    }

    #[test]
    fn keeps_begin_atomic_bodies_whole() {
        let s = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END; SELECT 3";
        assert_eq!(split(s).len(), 2);
    }
}
