//! The migration as SQL text.

use crate::diff::Change;

/// One statement per paragraph, each ending in `;`. Function bodies are not validated at
/// creation (as in pg_dump output), so a function may name a table created after it.
pub fn render(changes: &[Change]) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let needs_unchecked_bodies = changes.iter().any(|c| c.sql.contains(" FUNCTION ") || c.sql.contains(" PROCEDURE "));
    if needs_unchecked_bodies {
        out.push_str("SET check_function_bodies = false;\n\n");
    }
    for c in changes {
        if let Some(note) = &c.note {
            for line in note.lines() {
                out.push_str(&format!("-- {line}\n"));
            }
        }
        out.push_str(&c.sql);
        out.push_str(";\n\n");
    }
    out
}
