//! Parsing: every statement of every source through `pg_query::parse`, in parallel with rayon,
//! results kept in input order. A statement the parser rejects becomes a diagnostic pointing
//! at the offending token.

use std::ops::Range;
use std::sync::Arc;

use pg_query::NodeEnum;
use rayon::prelude::*;

use super::body::{self, Body};
use super::split::split_statements;
use crate::diag::Diag;
use crate::input::SourceFile;

/// One parsed statement and where it came from.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub file: Arc<SourceFile>,
    /// Byte range of the statement in `file` (without its `;`).
    pub span: Range<usize>,
    /// Shared by the statements of two sides that read the same (see `parse_streaming_pair`).
    pub node: Arc<NodeEnum>,
    /// The body of a `CREATE FUNCTION`, parsed beside it (and shared as the tree is).
    pub body: Option<Arc<Body>>,
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
    super::deep::run(|| {
        let (jobs, mut diags) = jobs(files);
        let parsed: Vec<Parsed> = jobs.par_iter().map(Job::parse).collect();
        let mut stmts = Vec::with_capacity(jobs.len());
        for (job, p) in jobs.iter().zip(parsed) {
            stmts.extend(job.stmts(&p.trees));
            diags.extend(p.diag);
        }
        (stmts, diags)
    })
}

/// What takes a side's statements as they are parsed, a chunk at a time.
pub type Each<'a> = &'a mut (dyn FnMut(&[Stmt]) + Send);

/// Statements parsed at a time by `parse_streaming`: enough to keep every thread busy, few
/// enough that their parse trees stay small next to the catalog they build.
const CHUNK: usize = 2048;

/// Parses all files and hands the statements to `each` a chunk at a time, in input order,
/// while the next chunk parses (in parallel); a chunk's parse trees are dropped once `each`
/// returns, so memory holds two chunks of trees, never the whole input's. Returns the parse
/// errors, in input order.
pub fn parse_streaming(files: &[Arc<SourceFile>], each: Each<'_>) -> Vec<Diag> {
    let [diags, _] = parse_streaming_pair([files, &[]], [each, &mut |_| {}]);
    diags
}

/// `parse_streaming` for two sides at once (FROM and TO), each side's statements handed to
/// its own `each`, the two side by side. A statement of the second side that reads exactly
/// as one of the first side's, at about the same place (two dumps of one schema mostly
/// do), is parsed once and its tree shared: the text decides the tree.
pub fn parse_streaming_pair(sides: [&[Arc<SourceFile>]; 2], each: [Each<'_>; 2]) -> [Vec<Diag>; 2] {
    let ([a, b], [mut diags_a, mut diags_b]) = {
        let ((a, da), (b, db)) = rayon::join(|| jobs(sides[0]), || jobs(sides[1]));
        ([a, b], [da, db])
    };
    let twins = twins(&a, &b);
    let rounds = rounds(a.len(), &twins);
    let parse = |(ra, rb): &(Range<usize>, Range<usize>)| -> ParsedRound {
        // Where in this round's chunk of the first side the twin of `j` is, if it is there.
        let twin_here = |j: usize| {
            twins
                .get(j)
                .copied()
                .flatten()
                .filter(|t| ra.contains(t))
                .map(|t| t - ra.start)
        };
        let own_b: Vec<usize> = rb.clone().filter(|&j| twin_here(j).is_none()).collect();
        let todo: Vec<&Job> = a
            .get(ra.clone())
            .unwrap_or_default()
            .iter()
            .chain(own_b.iter().filter_map(|&j| b.get(j)))
            .collect();
        let mut parsed: Vec<Parsed> = todo.par_iter().map(|job| job.parse()).collect();
        let parsed_b = parsed.split_off(ra.len());
        let mut own = own_b.into_iter().zip(parsed_b).peekable();
        let mut side_b = Vec::new();
        let mut diags = [Vec::new(), Vec::new()];
        for j in rb.clone() {
            let Some(job) = b.get(j) else { continue };
            let result = match own.next_if(|(k, _)| *k == j) {
                Some((_, p)) => p,
                None => {
                    // A twin in this round's chunk of the first side: its tree, unless
                    // the first side's parse said something (said of its own place).
                    match twin_here(j).and_then(|t| parsed.get(t)) {
                        Some(p) if p.diag.is_none() => Parsed {
                            trees: p.trees.clone(),
                            diag: None,
                        },
                        _ => job.parse(),
                    }
                }
            };
            side_b.extend(job.stmts(&result.trees));
            diags[1].extend(result.diag);
        }
        let mut side_a = Vec::new();
        for (job, result) in a.get(ra.clone()).unwrap_or_default().iter().zip(parsed) {
            side_a.extend(job.stmts(&result.trees));
            diags[0].extend(result.diag);
        }
        ([side_a, side_b], diags)
    };
    let [each_a, each_b] = each;
    let mut rounds = rounds.iter();
    let mut current = rounds.next().map(parse);
    // The round replayed last is dropped beside the next replay, not before it.
    let mut replayed: Option<[Vec<Stmt>; 2]> = None;
    while let Some(([stmts_a, stmts_b], [da, db])) = current.take() {
        diags_a.extend(da);
        diags_b.extend(db);
        let next = rounds.next();
        let done = replayed.take();
        let (_, parsed) = rayon::join(
            || rayon::join(|| each_a(&stmts_a), || each_b(&stmts_b)),
            || {
                drop(done);
                next.map(parse)
            },
        );
        current = parsed;
        replayed = Some([stmts_a, stmts_b]);
    }
    [diags_a, diags_b]
}

/// One round's statements of each side, and its parse errors and warnings.
type ParsedRound = ([Vec<Stmt>; 2], [Vec<Diag>; 2]);

/// One statement's span of a file, to be parsed.
struct Job<'a> {
    file: &'a Arc<SourceFile>,
    span: Range<usize>,
}

/// What the parser made of a job: its statements (a span holds one, rarely none), and an
/// error or a warning.
struct Parsed {
    trees: Vec<Tree>,
    diag: Option<Diag>,
}

/// A statement's parse tree, and its function body parsed.
#[derive(Clone)]
struct Tree {
    node: Arc<NodeEnum>,
    body: Option<Arc<Body>>,
}

impl Job<'_> {
    fn text(&self) -> &str {
        self.file.text.get(self.span.clone()).unwrap_or_default()
    }

    fn parse(&self) -> Parsed {
        let (nodes, diag) = parse_one(self.file, self.span.clone());
        let one = nodes.len() == 1;
        let trees = nodes
            .into_iter()
            .map(|node| {
                // Only a function has a body; the PL/pgSQL parser reads the whole statement:
                // the span's, when it is one.
                let body = if let (NodeEnum::CreateFunctionStmt(f), true) = (&node, one) {
                    body::parse(f, self.text()).map(Arc::new)
                } else {
                    None
                };
                Tree {
                    node: Arc::new(node),
                    body,
                }
            })
            .collect();
        Parsed { trees, diag }
    }

    fn stmts<'t>(&self, trees: &'t [Tree]) -> impl Iterator<Item = Stmt> + use<'_, 't> {
        trees.iter().map(|tree| Stmt {
            file: Arc::clone(self.file),
            span: self.span.clone(),
            node: Arc::clone(&tree.node),
            body: tree.body.clone(),
        })
    }
}

/// The statement spans of every file, in order, and the scanner's errors.
fn jobs(files: &[Arc<SourceFile>]) -> (Vec<Job<'_>>, Vec<Diag>) {
    let split: Vec<(Vec<Range<usize>>, Option<Diag>)> = files
        .par_iter()
        .map(|file| match split_statements(&file.text) {
            Ok(spans) => (spans, None),
            Err(msg) => (Vec::new(), Some(scan_error(file, &msg))),
        })
        .collect();
    let mut diags = Vec::new();
    let mut jobs = Vec::new();
    for (file, (spans, err)) in files.iter().zip(split) {
        diags.extend(err);
        jobs.extend(spans.into_iter().map(|span| Job { file, span }));
    }
    (jobs, diags)
}

/// For each statement of `b`, the statement of `a` with the same text, matched in order
/// (the first of `b`'s copies of a text with the first of `a`'s).
fn twins(a: &[Job], b: &[Job]) -> Vec<Option<usize>> {
    if b.is_empty() {
        return Vec::new();
    }
    // The first statement of `a` with each text, and after each the next with its text.
    let mut first: crate::hashing::FastMap<&str, usize> =
        crate::hashing::FastMap::with_capacity_and_hasher(a.len(), Default::default());
    let mut next_same = vec![usize::MAX; a.len()];
    for (i, job) in a.iter().enumerate().rev() {
        if let Some(later) = first.insert(job.text(), i) {
            if let Some(n) = next_same.get_mut(i) {
                *n = later;
            }
        }
    }
    b.iter()
        .map(|job| {
            let head = first.get_mut(job.text())?;
            let twin = *head;
            if twin == usize::MAX {
                return None;
            }
            *head = next_same.get(twin).copied().unwrap_or(usize::MAX);
            Some(twin)
        })
        .collect()
}

/// The statements of each side parsed and replayed together, round by round: a chunk of
/// `a`, and the statements of `b` up to the first whose twin comes with `a`'s next chunk
/// (it waits for it). A twin already gone, or further ahead, is parsed again.
fn rounds(a_len: usize, twins: &[Option<usize>]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let (mut a_next, mut b_next) = (0, 0);
    while a_next < a_len || b_next < twins.len() {
        let a_end = (a_next + CHUNK).min(a_len);
        let mut b_end = b_next;
        while b_end < twins.len() && b_end - b_next < 2 * CHUNK {
            match twins.get(b_end).copied().flatten() {
                Some(t) if (a_end..a_end + CHUNK).contains(&t) => break,
                Some(_) | None => b_end += 1,
            }
        }
        out.push((a_next..a_end, b_next..b_end));
        (a_next, b_next) = (a_end, b_end);
    }
    out
}

/// The statements of one span, or a parse error; a warning when the span had to be read
/// without `WITH OIDS`.
fn parse_one(file: &Arc<SourceFile>, span: Range<usize>) -> (Vec<NodeEnum>, Option<Diag>) {
    let text = file.text.get(span.clone()).unwrap_or_default();
    let stmts = |result: pg_query::ParseResult| -> Vec<NodeEnum> {
        result
            .protobuf
            .stmts
            .into_iter()
            .filter_map(|raw| raw.stmt.and_then(|n| n.node))
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
