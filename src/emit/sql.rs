//! The migration as SQL text.

use std::ops::Range;

use crate::diff::{Change, Hazard};

/// One statement per paragraph, each ending in `;`, with its note and hazards as comments
/// above it. Function bodies are not validated at creation (as in pg_dump output), so a
/// function may name a table created after it.
pub fn render(changes: &[Change]) -> String {
    render_spans(changes).0
}

/// How the SQL is written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// `--provenance`: a `-- from: FILE:LINE` comment above each statement, naming where
    /// its object is defined in TO (in FROM, for an object that only FROM has).
    pub provenance: bool,
}

/// `render`, with options.
pub fn render_with(changes: &[Change], opts: &Options) -> String {
    render_spans_with(changes, opts).0
}

/// `render`, and the byte range of each change's statement in the text.
///
/// A migration that cannot run as one transaction (a statement that cannot run inside one,
/// one that runs in a transaction of its own, a label that must be committed before use) is
/// written as `BEGIN; ... COMMIT;` blocks, with the statements that cannot run inside one
/// between them, under a header that says how to run it.
pub fn render_spans(changes: &[Change]) -> (String, Vec<Range<usize>>) {
    render_spans_with(changes, &Options::default())
}

fn render_spans_with(changes: &[Change], opts: &Options) -> (String, Vec<Range<usize>>) {
    let mut spans = Vec::with_capacity(changes.len());
    if changes.is_empty() {
        return (String::new(), spans);
    }
    let mut out = String::new();
    let blocks = changes
        .iter()
        .any(|c| outside(c) || c.own_transaction || commits_after(c));
    if blocks {
        out.push_str("-- This migration runs as several transactions: run it with psql -f, not psql -1 -f.\n");
        out.push_str("-- Each BEGIN ... COMMIT block is atomic; statements between blocks cannot run inside one.\n\n");
    }
    let needs_unchecked_bodies = changes
        .iter()
        .any(|c| c.sql.contains(" FUNCTION ") || c.sql.contains(" PROCEDURE "));
    if needs_unchecked_bodies {
        out.push_str("SET check_function_bodies = false;\n\n");
    }
    let mut open = false;
    let mut commit_next = false;
    for c in changes {
        if blocks {
            if open && (outside(c) || c.own_transaction || commit_next) {
                out.push_str("COMMIT;\n\n");
                open = false;
            }
            if !open && !outside(c) {
                out.push_str("BEGIN;\n\n");
                open = true;
            }
            commit_next = c.own_transaction || commits_after(c);
        }
        if let Some(at) = c
            .provenance
            .to
            .as_ref()
            .or(c.provenance.from.as_ref())
            .filter(|_| opts.provenance)
        {
            out.push_str(&format!("-- from: {}\n", at.shown()));
        }
        if let Some(note) = &c.note {
            for line in note.lines() {
                out.push_str(&format!("-- {line}\n"));
            }
        }
        for h in &c.hazards {
            out.push_str(&format!("-- hazard: {}: {h}\n", h.kind()));
        }
        let start = out.len();
        out.push_str(&c.sql);
        spans.push(start..out.len());
        out.push_str(";\n\n");
    }
    if open {
        out.push_str("COMMIT;\n\n");
    }
    (out, spans)
}

/// Whether a change cannot run inside a transaction block.
fn outside(c: &Change) -> bool {
    !c.transactional()
}

/// Whether what a change did must be committed before the next statement runs.
fn commits_after(c: &Change) -> bool {
    c.hazards
        .iter()
        .any(|h| matches!(h, Hazard::NeedsCommit { .. }))
}
