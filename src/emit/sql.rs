//! The migration as SQL text.

use std::ops::Range;

use crate::diff::Change;

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
pub fn render_spans(changes: &[Change]) -> (String, Vec<Range<usize>>) {
    render_spans_with(changes, &Options::default())
}

fn render_spans_with(changes: &[Change], opts: &Options) -> (String, Vec<Range<usize>>) {
    let mut spans = Vec::with_capacity(changes.len());
    if changes.is_empty() {
        return (String::new(), spans);
    }
    let mut out = String::new();
    let needs_unchecked_bodies = changes.iter().any(|c| c.sql.contains(" FUNCTION ") || c.sql.contains(" PROCEDURE "));
    if needs_unchecked_bodies {
        out.push_str("SET check_function_bodies = false;\n\n");
    }
    for c in changes {
        if let Some(at) = c.provenance.to.as_ref().or(c.provenance.from.as_ref()).filter(|_| opts.provenance) {
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
    (out, spans)
}
