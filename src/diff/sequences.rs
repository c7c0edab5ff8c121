//! Sequences: every option, AS type, OWNED BY.

use super::Diff;
use crate::catalog::graph::Node;
use crate::catalog::model::{QualName, Sequence};
use crate::catalog::SeqOptions;
use crate::emit::quote;

/// Option clauses of CREATE / ALTER SEQUENCE. With `old`, only what differs; `alter`
/// spells the ALTER forms.
pub(crate) fn options_sql(new: &SeqOptions, old: Option<&SeqOptions>, alter: bool) -> String {
    option_clauses(new, old, alter).join(" ")
}

/// The clauses of `options_sql`, one per option (`INCREMENT BY 2`, `NO CYCLE`).
pub(crate) fn option_clauses(
    new: &SeqOptions,
    old: Option<&SeqOptions>,
    alter: bool,
) -> Vec<String> {
    let n = new.resolved();
    let o = old.map(SeqOptions::resolved);
    let mut parts = Vec::new();
    let changed = |f: &dyn Fn(&crate::catalog::model::ResolvedSeq) -> String| {
        o.as_ref().is_none_or(|o| f(o) != f(&n))
    };
    if (!alter || changed(&|s| s.data_type.clone())) && (new.data_type.is_some() || alter) {
        parts.push(format!("AS {}", n.data_type));
    }
    if changed(&|s| s.start.to_string()) {
        parts.push(format!("START WITH {}", n.start));
    }
    if changed(&|s| s.increment.to_string()) {
        parts.push(format!("INCREMENT BY {}", n.increment));
    }
    if changed(&|s| s.min_value.to_string()) {
        parts.push(format!("MINVALUE {}", n.min_value));
    }
    if changed(&|s| s.max_value.to_string()) {
        parts.push(format!("MAXVALUE {}", n.max_value));
    }
    if changed(&|s| s.cache.to_string()) {
        parts.push(format!("CACHE {}", n.cache));
    }
    if changed(&|s| s.cycle.to_string()) && (alter || n.cycle) {
        parts.push(if n.cycle {
            "CYCLE".to_string()
        } else {
            "NO CYCLE".to_string()
        });
    }
    parts
}

/// Where a changed sequence must restart: PostgreSQL checks the sequence's current value
/// against the new bounds (`RESTART value (-200) cannot be less than MINVALUE (-100)`), all
/// options of the statement at once, so one statement that sets the bounds and restarts
/// passes where the bounds alone fail. The current value is not in a dump; the old start is
/// where a sequence that never ran stands, so when the new bounds exclude it the sequence
/// restarts at its new start (a sequence that ran past the old start within the new bounds
/// keeps its value).
pub(crate) fn restart(new: &SeqOptions, old: &SeqOptions) -> Option<i64> {
    let (n, o) = (new.resolved(), old.resolved());
    (o.start < n.min_value || o.start > n.max_value).then_some(n.start)
}

pub(super) fn diff_sequences(d: &mut Diff) {
    for (q, s) in &d.from.sequences {
        if d.to.sequences.contains_key(q) {
            continue;
        }
        // A sequence owned by a dropped table or column goes with it.
        let auto = s.owned_by.as_ref().is_some_and(|(t, c)| {
            d.dropped_tables.contains(t)
                || d.to.tables.get(t).is_none_or(|tt| tt.column(c).is_none())
        });
        if !auto {
            // The plan runs it once the defaults that use it have changed.
            d.drop(
                &Node::Sequence(q.clone()),
                s.pos,
                format!("DROP SEQUENCE {}", q.sql()),
            );
        }
    }
    for (q, s) in &d.to.sequences {
        match d.from.sequences.get(q) {
            None => {
                let opts = options_sql(&s.options, None, false);
                let kind = if s.unlogged {
                    "UNLOGGED SEQUENCE"
                } else {
                    "SEQUENCE"
                };
                let sql = if opts.is_empty() {
                    format!("CREATE {kind} {}", q.sql())
                } else {
                    format!("CREATE {kind} {} {opts}", q.sql())
                };
                d.create(&Node::Sequence(q.clone()), s.pos, sql);
                if let Some((t, c)) = &s.owned_by {
                    let pos = d.to.tables.get(t).map_or(s.pos, |tt| tt.pos.max(s.pos));
                    d.create(
                        &Node::SequenceOwner(q.clone()),
                        pos,
                        format!(
                            "ALTER SEQUENCE {} OWNED BY {}.{}",
                            q.sql(),
                            t.sql(),
                            quote::ident(c)
                        ),
                    );
                    // Owned only once the table's own SET [UN]LOGGED, which would set it too,
                    // has run.
                    if let (Some(a), Some(b)) = (d.from.tables.get(t), d.to.tables.get(t)) {
                        if a.unlogged != b.unlogged {
                            d.after(vec![Node::Table(t.clone())]);
                        }
                    }
                }
            }
            Some(old) => {
                if old.options.resolved() != s.options.resolved() {
                    let mut opts = options_sql(&s.options, Some(&old.options), true);
                    if let Some(at) = restart(&s.options, &old.options) {
                        opts.push_str(&format!(" RESTART WITH {at}"));
                    }
                    d.create(
                        &Node::Sequence(q.clone()),
                        s.pos,
                        format!("ALTER SEQUENCE {} {opts}", q.sql()),
                    );
                }
                let rebuilt = old
                    .owned_by
                    .as_ref()
                    .is_some_and(|(t, _)| d.rebuilt_tables.contains(t));
                if rebuilt {
                    // Keep the sequence (and its value) while its table is dropped and created.
                    d.drop(
                        &Node::SequenceOwner(q.clone()),
                        s.pos,
                        format!("ALTER SEQUENCE {} OWNED BY NONE", q.sql()),
                    );
                }
                persistence(d, q, old, s, rebuilt);
                if old.owned_by != s.owned_by || (rebuilt && s.owned_by.is_some()) {
                    let target = match &s.owned_by {
                        Some((t, c)) => format!("{}.{}", t.sql(), quote::ident(c)),
                        None => "NONE".to_string(),
                    };
                    let pos = s
                        .owned_by
                        .as_ref()
                        .and_then(|(t, _)| d.to.tables.get(t))
                        .map_or(s.pos, |tt| tt.pos.max(s.pos));
                    d.create(
                        &Node::SequenceOwner(q.clone()),
                        pos,
                        format!("ALTER SEQUENCE {} OWNED BY {target}", q.sql()),
                    );
                }
            }
        }
    }
}

/// `ALTER SEQUENCE ... SET [UN]LOGGED` for a kept sequence. `ALTER TABLE ... SET [UN]LOGGED`
/// sets every sequence the table owns at that moment too: where the owner stays and is not
/// made again, the sequence needs a statement of its own only when TO keeps it apart from
/// its table; where the owner changes and a table on either side changes persistence, the
/// statement runs after those tables and the new ownership, whatever the order.
fn persistence(d: &mut Diff, q: &QualName, old: &Sequence, new: &Sequence, rebuilt: bool) {
    let table = |o: &Option<(QualName, String)>| o.as_ref().map(|(t, _)| t.clone());
    let (from_owner, to_owner) = (table(&old.owned_by), table(&new.owned_by));
    let flips = |t: &QualName| {
        matches!(
            (d.from.tables.get(t), d.to.tables.get(t)),
            (Some(a), Some(b)) if a.unlogged != b.unlogged
        )
    };
    let set_by_table = match (&from_owner, &to_owner) {
        (Some(a), Some(b)) if a == b && !rebuilt && flips(a) => {
            d.to.tables.get(a).map(|t| t.unlogged)
        }
        _ => None,
    };
    let others: Vec<Node> = [from_owner, to_owner]
        .into_iter()
        .flatten()
        .filter(|t| flips(t))
        .map(Node::Table)
        .collect();
    let needed = match set_by_table {
        Some(unlogged) => unlogged != new.unlogged,
        None => old.unlogged != new.unlogged || !others.is_empty(),
    };
    if needed {
        d.create(
            &Node::Sequence(q.clone()),
            new.pos,
            format!(
                "ALTER SEQUENCE {} SET {}",
                q.sql(),
                if new.unlogged { "UNLOGGED" } else { "LOGGED" }
            ),
        );
        let mut after = others;
        after.push(Node::SequenceOwner(q.clone()));
        d.after(after);
    }
}
