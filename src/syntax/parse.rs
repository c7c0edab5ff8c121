//! Parsing: every statement of every source through `pg_query::parse`, in parallel with rayon,
//! results kept in input order. A statement the parser rejects becomes a diagnostic pointing
//! at the offending token.

use std::ops::Range;
use std::sync::Arc;

use pg_query::NodeEnum;
use rayon::prelude::*;

use super::split::split_statements;
use crate::diag::Diag;
use crate::input::SourceFile;

/// One parsed statement and where it came from.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub file: Arc<SourceFile>,
    /// Byte range of the statement in `file` (without its `;`).
    pub span: Range<usize>,
    pub node: NodeEnum,
}

impl Stmt {
    pub fn text(&self) -> &str {
        &self.file.text[self.span.clone()]
    }

    /// A diagnostic pointing at this statement (or at `location` inside it, if known).
    pub fn diag(&self, mut d: Diag, location: Option<i32>) -> Diag {
        let start = match location {
            Some(l) if l >= 0 => self.span.start + l as usize,
            _ => self.span.start,
        };
        let end = if location.is_some() {
            start + 1
        } else {
            self.span.end.min(start + 60)
        };
        d = d.at(&self.file, start..end);
        d
    }
}

/// Parses all files (in parallel, and the statements of each file in parallel). Statements
/// come back in file order, then source order. Parse errors are returned as diagnostics.
/// (On the pool of `deep`, which has room for the deepest tree the parser hands over.)
pub fn parse_sources(files: &[Arc<SourceFile>]) -> (Vec<Stmt>, Vec<Diag>) {
    let per_file: Vec<(Vec<Stmt>, Vec<Diag>)> =
        super::deep::run(|| files.par_iter().map(parse_file).collect());
    let mut stmts = Vec::new();
    let mut diags = Vec::new();
    for (s, d) in per_file {
        stmts.extend(s);
        diags.extend(d);
    }
    (stmts, diags)
}

/// Statements parsed at a time by `parse_streaming`: enough to keep every thread busy, few
/// enough that their parse trees stay small next to the catalog they build.
const CHUNK: usize = 2048;

/// Parses all files and hands the statements to `each` a chunk at a time, in input order,
/// while the next chunk parses (in parallel); a chunk's parse trees are dropped once `each`
/// returns, so memory holds two chunks of trees, never the whole input's. Returns the parse
/// errors, in input order.
pub fn parse_streaming(
    files: &[Arc<SourceFile>],
    each: &mut (dyn FnMut(&[Stmt]) + Send),
) -> Vec<Diag> {
    let split: Vec<(Vec<Range<usize>>, Option<Diag>)> = files
        .par_iter()
        .map(|file| match split_statements(&file.text) {
            Ok(spans) => (spans, None),
            Err(msg) => (Vec::new(), Some(scan_error(file, &msg))),
        })
        .collect();
    let mut diags: Vec<Diag> = Vec::new();
    let mut jobs: Vec<(&Arc<SourceFile>, Range<usize>)> = Vec::new();
    for (file, (spans, err)) in files.iter().zip(split) {
        diags.extend(err);
        jobs.extend(spans.into_iter().map(|s| (file, s)));
    }
    let parse = |chunk: &[(&Arc<SourceFile>, Range<usize>)]| -> (Vec<Stmt>, Vec<Diag>) {
        let results: Vec<(Vec<Stmt>, Option<Diag>)> = chunk
            .par_iter()
            .map(|(file, span)| parse_one(file, span.clone()))
            .collect();
        let mut stmts = Vec::with_capacity(results.len());
        let mut diags = Vec::new();
        for (s, d) in results {
            stmts.extend(s);
            diags.extend(d);
        }
        (stmts, diags)
    };
    let mut chunks = jobs.chunks(CHUNK);
    let mut current = chunks.next().map(parse);
    // The chunk replayed last is dropped beside the next replay, not before it.
    let mut replayed: Option<Vec<Stmt>> = None;
    while let Some((stmts, chunk_diags)) = current.take() {
        diags.extend(chunk_diags);
        let next = chunks.next();
        let done = replayed.take();
        let ((), parsed) = rayon::join(
            || each(&stmts),
            || {
                drop(done);
                next.map(parse)
            },
        );
        current = parsed;
        replayed = Some(stmts);
    }
    diags
}

fn parse_file(file: &Arc<SourceFile>) -> (Vec<Stmt>, Vec<Diag>) {
    let spans = match split_statements(&file.text) {
        Ok(s) => s,
        Err(msg) => return (Vec::new(), vec![scan_error(file, &msg)]),
    };
    let results: Vec<(Vec<Stmt>, Option<Diag>)> = spans
        .into_par_iter()
        .map(|span| parse_one(file, span))
        .collect();
    let mut stmts = Vec::new();
    let mut diags = Vec::new();
    for (s, d) in results {
        stmts.extend(s);
        diags.extend(d);
    }
    (stmts, diags)
}

/// The statements of one span, or a parse error; a warning when the span had to be read
/// without `WITH OIDS`.
fn parse_one(file: &Arc<SourceFile>, span: Range<usize>) -> (Vec<Stmt>, Option<Diag>) {
    let text = &file.text[span.clone()];
    let stmts = |result: pg_query::ParseResult| -> Vec<Stmt> {
        result
            .protobuf
            .stmts
            .into_iter()
            .filter_map(|raw| raw.stmt.and_then(|n| n.node))
            .map(|node| Stmt {
                file: Arc::clone(file),
                span: span.clone(),
                node,
            })
            .collect()
    };
    match pg_query::parse(text, 0) {
        Ok(result) => (stmts(result), None),
        Err(e) => {
            if let Some((fixed, at)) = without_oids(text) {
                if let Ok(result) = pg_query::parse(&fixed, 0) {
                    let d = Diag::warning("with-oids", "WITH OIDS is gone since PostgreSQL 12; the table is read without OIDs, as a dump restored today would have it")
                        .at(file, span.start + at..span.start + at + "WITH OIDS".len());
                    return (stmts(result), Some(d));
                }
            }
            (Vec::new(), Some(parse_error(file, &span, text, e)))
        }
    }
}

/// `text` with a `WITH OIDS` clause blanked (same length, so offsets hold), and where it was.
fn without_oids(text: &str) -> Option<(String, usize)> {
    use pg_query::protobuf::Token;
    let scan = pg_query::scan(text).ok()?;
    let kind = |t: &pg_query::protobuf::ScanToken| Token::try_from(t.token).unwrap_or(Token::Nul);
    let (with, oids) = scan.tokens.windows(2).find_map(|w| match w {
        [with, oids]
            if matches!(kind(with), Token::With | Token::WithLa) && kind(oids) == Token::Oids =>
        {
            Some((with, oids))
        }
        _ => None,
    })?;
    let (start, end) = (with.start as usize, oids.end as usize);
    let mut fixed = text.to_string();
    fixed.replace_range(start..end, &" ".repeat(end - start));
    Some((fixed, start))
}

fn parse_error(
    file: &Arc<SourceFile>,
    span: &Range<usize>,
    text: &str,
    e: pg_query::Error,
) -> Diag {
    let msg = match e {
        pg_query::Error::Parse(m) => m,
        other @ (pg_query::Error::Conversion(_)
        | pg_query::Error::Decode(_)
        | pg_query::Error::InvalidJson(_)
        | pg_query::Error::InvalidPointer
        | pg_query::Error::Scan(_)
        | pg_query::Error::IsUtility(_)
        | pg_query::Error::Split(_)) => other.to_string(),
    };
    let at = error_offset(text, &msg);
    Diag::error("parse-error", shorten_near(&msg))
        .at(file, span.start + at..span.start + at + 1)
        .with_help("PostgreSQL's parser rejects this statement; fix the SQL or remove it")
}

/// The scanner's error for a whole file, at the place it means: a string, identifier,
/// comment or dollar quote left open is reported where it opens (found by the same reading
/// of quotes that blanks psql meta-commands), anything else at the token it names.
fn scan_error(file: &Arc<SourceFile>, msg: &str) -> Diag {
    let msg = msg.strip_prefix("Error scanning: ").unwrap_or(msg);
    let mut bytes = file.text.as_bytes().to_vec();
    let open = crate::input::blank_non_sql(&mut bytes)
        .open
        .filter(|o| o.what.is_named_in(msg));
    match open {
        Some(open) => {
            let what = msg.split(" at or near").next().unwrap_or(msg);
            Diag::error("scan-error", what.to_string())
                .at(file, open.at..open.at + 1)
                .with_help(format!(
                    "{} opens here and is never closed: is the file cut short?",
                    open.what.noun()
                ))
        }
        None => {
            let at = near_token(msg)
                .and_then(|near| file.text.find(near))
                .unwrap_or(0);
            Diag::error("scan-error", shorten_near(msg)).at(file, at..at + 1)
        }
    }
}

/// The token a PostgreSQL message names: `... at or near "X"`.
fn near_token(msg: &str) -> Option<&str> {
    msg.split_once("at or near \"")
        .and_then(|(_, r)| r.rsplit_once('"'))
        .map(|(t, _)| t)
}

/// A message whose `at or near "X"` token is long (a whole string literal, the rest of the
/// file) with the token cut to its start.
fn shorten_near(msg: &str) -> String {
    const KEEP: usize = 40;
    match (msg.split_once("at or near \""), near_token(msg)) {
        (Some((head, _)), Some(near)) if near.chars().count() > KEEP => {
            let cut: String = near.chars().take(KEEP).collect();
            format!("{head}at or near \"{cut}...\"")
        }
        _ => msg.to_string(),
    }
}

/// Best offset for a parser message: the token named in `at or near "X"`, else the end.
fn error_offset(text: &str, msg: &str) -> usize {
    if msg.contains("at end of input") {
        return text.trim_end().len().saturating_sub(1);
    }
    if let (Some(near), Ok(scan)) = (near_token(msg), pg_query::scan(text)) {
        for tok in scan.tokens {
            if text.get(tok.start as usize..tok.end as usize) == Some(near) {
                return tok.start as usize;
            }
        }
    }
    0
}
