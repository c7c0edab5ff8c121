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
        let end = if location.is_some() { start + 1 } else { self.span.end.min(start + 60) };
        d = d.at(&self.file, start..end);
        d
    }
}

/// Parses all files (in parallel, and the statements of each file in parallel). Statements
/// come back in file order, then source order. Parse errors are returned as diagnostics.
pub fn parse_sources(files: &[Arc<SourceFile>]) -> (Vec<Stmt>, Vec<Diag>) {
    let per_file: Vec<(Vec<Stmt>, Vec<Diag>)> = files.par_iter().map(parse_file).collect();
    let mut stmts = Vec::new();
    let mut diags = Vec::new();
    for (s, d) in per_file {
        stmts.extend(s);
        diags.extend(d);
    }
    (stmts, diags)
}

fn parse_file(file: &Arc<SourceFile>) -> (Vec<Stmt>, Vec<Diag>) {
    let spans = match split_statements(&file.text) {
        Ok(s) => s,
        Err(msg) => {
            let d = Diag::error("scan-error", format!("cannot tokenize {}: {msg}", file.name))
                .at(file, 0..file.text.len().min(1));
            return (Vec::new(), vec![d]);
        }
    };
    let results: Vec<Result<Vec<Stmt>, Diag>> = spans.into_par_iter().map(|span| parse_one(file, span)).collect();
    let mut stmts = Vec::new();
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(s) => stmts.extend(s),
            Err(d) => diags.push(d),
        }
    }
    (stmts, diags)
}

fn parse_one(file: &Arc<SourceFile>, span: Range<usize>) -> Result<Vec<Stmt>, Diag> {
    let text = &file.text[span.clone()];
    match pg_query::parse(text, 0) {
        Ok(result) => Ok(result
            .protobuf
            .stmts
            .into_iter()
            .filter_map(|raw| raw.stmt.and_then(|n| n.node))
            .map(|node| Stmt { file: Arc::clone(file), span: span.clone(), node })
            .collect()),
        Err(e) => {
            let msg = match e {
                pg_query::Error::Parse(m) => m,
                other => other.to_string(),
            };
            let at = error_offset(text, &msg);
            Err(Diag::error("parse-error", msg)
                .at(file, span.start + at..span.start + at + 1)
                .with_help("PostgreSQL's parser rejects this statement; fix the SQL or remove it"))
        }
    }
}

/// Best offset for a parser message: the token named in `at or near "X"`, else the end.
fn error_offset(text: &str, msg: &str) -> usize {
    if msg.contains("at end of input") {
        return text.trim_end().len().saturating_sub(1);
    }
    let near = msg.split("at or near \"").nth(1).and_then(|r| r.rsplit_once('"')).map(|(t, _)| t);
    if let (Some(near), Ok(scan)) = (near, pg_query::scan(text)) {
        for tok in scan.tokens {
            if text.get(tok.start as usize..tok.end as usize) == Some(near) {
                return tok.start as usize;
            }
        }
    }
    0
}
