//! The reviewer's view of a migration (`--format summary`): the objects removed, changed and
//! added, each section grouped by schema and ordered by kind and name, each object with where
//! it is defined, why it is rebuilt, what its statements risk and, where it has a definition
//! as text (views, routines, triggers, policies, rules, types, indexes, constraints, column
//! defaults), a diff of FROM's definition against TO's; counts at the end.
//!
//! It reads the planned `Migration` only: objects, actions, reasons, hazards and provenance
//! are typed on each change (`diff::about`), definitions come from `Migration::definitions`.
//!
//! Definitions of one line (a view, a constraint, a default: canonical text is one line) get
//! a word-level diff, with long unchanged stretches elided; longer ones (routine bodies) a
//! unified line diff with two lines of context (changed words stand out in colour).

use std::collections::BTreeMap;

use similar::{ChangeTag, TextDiff};

use crate::catalog::hazard::Loss;
use crate::catalog::ObjKind;
use crate::diff::{Action, Change, Hazard, ObjectKind, ObjectRef, Origin};
use crate::emit::quote;
use crate::Migration;

/// How the summary is written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// ANSI colours (a terminal; `--color`).
    pub color: bool,
}

/// Words of unchanged text kept on either side of a change in a word-level diff.
const WORD_CONTEXT: usize = 8;
/// Names longer than this push the places after them out of line.
const NAME_COLUMN: usize = 48;
/// Lines of unchanged text kept around a change in a line diff.
const LINE_CONTEXT: usize = 2;

/// ANSI styles.
#[derive(Clone, Copy)]
enum Style {
    Bold,
    Dim,
    Red,
    Green,
    Yellow,
    Cyan,
    RedBold,
    GreenBold,
    YellowBold,
    RedReverse,
    GreenReverse,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Bold => "1",
            Style::Dim => "2",
            Style::Red => "31",
            Style::Green => "32",
            Style::Yellow => "33",
            Style::Cyan => "36",
            Style::RedBold => "1;31",
            Style::GreenBold => "1;32",
            Style::YellowBold => "1;33",
            Style::RedReverse => "7;31",
            Style::GreenReverse => "7;32",
        }
    }
}

struct Out {
    text: String,
    color: bool,
}

impl Out {
    fn paint(&self, style: Style, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("\x1b[{}m{s}\x1b[0m", style.code())
        } else {
            s.to_string()
        }
    }

    fn line(&mut self, indent: usize, s: &str) {
        for _ in 0..indent {
            self.text.push(' ');
        }
        self.text.push_str(s);
        self.text.push('\n');
    }
}

/// The three sections, in the order a reviewer reads them: what goes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Removed,
    Changed,
    Added,
}

/// One object the migration touches, with its statements.
struct Entry<'m> {
    object: &'m ObjectRef,
    action: &'m Action,
    changes: Vec<&'m Change>,
    /// The kinds of the parts created with a new table (its constraints, indexes,
    /// defaults, triggers, ...), listed on its line instead of one line each.
    parts: Vec<ObjectKind>,
}

impl Entry<'_> {
    fn section(&self) -> Section {
        match self.action {
            Action::Drop => Section::Removed,
            Action::Alter | Action::Rebuild(_) => Section::Changed,
            Action::Create => Section::Added,
        }
    }

    /// Its hazards, each once, the gravest first.
    fn hazards(&self) -> Vec<&Hazard> {
        let mut hs: Vec<&Hazard> = self.changes.iter().flat_map(|c| c.hazards.iter()).collect();
        hs.sort_by_key(|h| (gravity(h), *h));
        hs.dedup();
        hs
    }
}

/// Hazards in the order a reviewer weighs them.
fn gravity(h: &Hazard) -> u8 {
    match h {
        Hazard::DataLoss(_) => 0,
        Hazard::Rewrite { .. } | Hazard::Copy { .. } => 1,
        Hazard::Lock { .. } => 2,
        Hazard::IndexBuild { .. } => 3,
        Hazard::Scan { .. } => 4,
        Hazard::MayFail { .. } => 5,
        Hazard::NoTransaction => 6,
        Hazard::NeedsCommit { .. } => 7,
    }
}

/// The summary of `m`.
pub fn render(m: &Migration, opts: &Options) -> String {
    let mut out = Out {
        text: String::new(),
        color: opts.color,
    };
    let changes = m.changes();
    if changes.is_empty() {
        out.line(0, "No changes: FROM and TO have the same schema.");
        return out.text;
    }
    // Objects in order of first appearance, then sorted: section, schema, kind, name.
    let mut index: BTreeMap<&crate::catalog::graph::Node, usize> = BTreeMap::new();
    let mut entries: Vec<Entry> = Vec::new();
    for c in changes {
        let i = *index.entry(&c.object.node).or_insert_with(|| {
            entries.push(Entry {
                object: &c.object,
                action: &c.action,
                changes: Vec::new(),
                parts: Vec::new(),
            });
            entries.len() - 1
        });
        if let Some(e) = entries.get_mut(i) {
            e.changes.push(c);
        }
    }
    let key = |e: &Entry| {
        (
            e.section(),
            group(e.object).map(natural),
            e.object.kind,
            natural(&display_name(e.object)),
        )
    };
    entries.sort_by_cached_key(key);
    let totals_line = totals(&out, &entries, changes);
    let entries = fold_parts(entries);

    for section in [Section::Removed, Section::Changed, Section::Added] {
        let items: Vec<&Entry> = entries.iter().filter(|e| e.section() == section).collect();
        if items.is_empty() {
            continue;
        }
        if !out.text.is_empty() {
            out.line(0, "");
        }
        let (title, style) = match section {
            Section::Removed => ("Removed", Style::RedBold),
            Section::Changed => ("Changed", Style::YellowBold),
            Section::Added => ("Added", Style::GreenBold),
        };
        let count: usize = items.iter().map(|e| 1 + e.parts.len()).sum();
        let heading = out.paint(style, &format!("{title} ({count})"));
        out.line(0, &heading);
        let width = items
            .iter()
            .map(|e| e.object.kind.name().len())
            .max()
            .unwrap_or(0);
        let names = items
            .iter()
            .map(|e| head_name(e).chars().count())
            .max()
            .unwrap_or(0)
            .min(NAME_COLUMN);
        let mut current: Option<Option<&str>> = None;
        for e in items {
            let g = group(e.object);
            if current != Some(g) {
                let name = g.map_or_else(
                    || "outside schemas".to_string(),
                    |s| format!("schema {}", quote::ident(s)),
                );
                let name = out.paint(Style::Bold, &name);
                out.line(2, &name);
                current = Some(g);
            }
            entry(&mut out, m, e, width, names);
        }
    }
    out.line(0, "");
    out.line(0, &totals_line);
    out.text
}

/// The parts of each new table that are new with it and risk nothing (its constraints,
/// indexes, defaults, triggers, policies, rules) folded into the table's entry: on a large
/// migration a new table reads as one line.
fn fold_parts(entries: Vec<Entry<'_>>) -> Vec<Entry<'_>> {
    let new_table = |e: &Entry| {
        matches!(e.action, Action::Create)
            && matches!(e.object.kind, ObjectKind::Table | ObjectKind::ForeignTable)
    };
    let tables: Vec<(Option<String>, String)> = entries
        .iter()
        .filter(|e| new_table(e))
        .map(|e| (e.object.schema.clone(), e.object.name.clone()))
        .collect();
    let parent = |e: &Entry| -> Option<(Option<String>, String)> {
        let t = e.object.table.as_ref()?;
        let key = (e.object.schema.clone(), t.clone());
        (matches!(e.action, Action::Create) && e.hazards().is_empty() && tables.contains(&key))
            .then_some(key)
    };
    let mut folded: BTreeMap<(Option<String>, String), Vec<ObjectKind>> = BTreeMap::new();
    let mut kept = Vec::new();
    for e in entries {
        match parent(&e) {
            Some(key) => folded.entry(key).or_default().push(e.object.kind),
            None => kept.push(e),
        }
    }
    for e in kept.iter_mut().filter(|e| new_table(e)) {
        e.parts = folded
            .remove(&(e.object.schema.clone(), e.object.name.clone()))
            .unwrap_or_default();
    }
    kept
}

/// A sort key that orders the numbers inside names by value: `t2` before `t10`.
fn natural(s: &str) -> Vec<(String, u128)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                out.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u128::MAX),
                ));
                digits.clear();
            }
            text.push(c);
        }
    }
    out.push((text, digits.parse().unwrap_or(0)));
    out
}

/// The schema an object is listed under (`None`: outside schemas). A schema is listed under
/// itself.
fn group(o: &ObjectRef) -> Option<&str> {
    match o.kind {
        ObjectKind::Schema => Some(o.name.as_str()),
        ObjectKind::Extension
        | ObjectKind::Table
        | ObjectKind::ForeignTable
        | ObjectKind::Default
        | ObjectKind::Constraint
        | ObjectKind::Index
        | ObjectKind::Sequence
        | ObjectKind::Other(_) => o.schema.as_deref(),
    }
}

/// An object's name as a summary lists it: qualified, with what tells it apart.
fn display_name(o: &ObjectRef) -> String {
    let q = match &o.schema {
        Some(s) => format!("{}.{}", quote::ident(s), quote::ident(&o.name)),
        None => quote::ident(&o.name),
    };
    let table = || match (&o.schema, &o.table) {
        (Some(s), Some(t)) => quote::qualified(s, t),
        (None, Some(t)) => quote::ident(t),
        (_, None) => String::new(),
    };
    let sig = o.signature.clone().unwrap_or_default();
    match o.kind {
        ObjectKind::Schema | ObjectKind::Extension => quote::ident(&o.name),
        ObjectKind::Table | ObjectKind::ForeignTable | ObjectKind::Sequence => q,
        ObjectKind::Default => format!("{}.{}", table(), quote::ident(&o.name)),
        ObjectKind::Constraint
        | ObjectKind::Other(ObjKind::Trigger | ObjKind::Rule | ObjKind::Policy) => {
            format!("{} on {}", quote::ident(&o.name), table())
        }
        ObjectKind::Index => format!("{q} on {}", table()),
        ObjectKind::Other(ObjKind::Function | ObjKind::Procedure | ObjKind::Aggregate) => {
            format!("{q}({sig})")
        }
        // Operators are symbols, never quoted.
        ObjectKind::Other(ObjKind::Operator) => format!(
            "{}{}({sig})",
            o.schema
                .as_ref()
                .map(|s| format!("{}.", quote::ident(s)))
                .unwrap_or_default(),
            o.name
        ),
        ObjectKind::Other(ObjKind::OperatorClass | ObjKind::OperatorFamily) => {
            format!("{q} using {sig}")
        }
        ObjectKind::Other(ObjKind::Cast) => format!("({} as {sig})", o.name),
        ObjectKind::Other(ObjKind::Transform) => format!("for {} language {sig}", o.name),
        ObjectKind::Other(ObjKind::UserMapping) => {
            format!("for {sig} server {}", quote::ident(&o.name))
        }
        ObjectKind::Other(
            ObjKind::Type
            | ObjKind::Domain
            | ObjKind::View
            | ObjKind::MaterializedView
            | ObjKind::EventTrigger
            | ObjKind::Collation
            | ObjKind::Statistics
            | ObjKind::Publication
            | ObjKind::Subscription
            | ObjKind::ForeignDataWrapper
            | ObjKind::Server
            | ObjKind::TextSearchConfiguration
            | ObjKind::TextSearchDictionary
            | ObjKind::TextSearchParser
            | ObjKind::TextSearchTemplate
            | ObjKind::Language
            | ObjKind::Conversion
            | ObjKind::AccessMethod,
        ) => q,
    }
}

/// Where an object comes from, as the summary shows it: FROM's place for a removed object,
/// TO's for an added one, both for a changed one.
fn places(e: &Entry) -> String {
    // An entry is made with its first change.
    let Some(p) = e.changes.first().map(|c| &c.provenance) else {
        return String::new();
    };
    let show = |o: &Option<Origin>| o.as_ref().map(|o| o.shown().to_string());
    match (show(&p.from), show(&p.to)) {
        (Some(a), Some(b)) if matches!(e.action, Action::Alter | Action::Rebuild(_)) => {
            format!("{a} → {b}")
        }
        (Some(a), _) if matches!(e.action, Action::Drop) => a,
        (_, Some(b)) => b,
        (Some(a), None) => a,
        (None, None) => String::new(),
    }
}

/// The object's name with the parts folded into it: `public.t (with 2 constraints)`.
fn head_name(e: &Entry) -> String {
    let mut name = display_name(e.object);
    if !e.parts.is_empty() {
        let mut kinds: Vec<(ObjectKind, usize)> = Vec::new();
        for k in &e.parts {
            match kinds.iter_mut().find(|(x, _)| x == k) {
                Some((_, n)) => *n += 1,
                None => kinds.push((*k, 1)),
            }
        }
        kinds.sort();
        let list: Vec<String> = kinds
            .iter()
            .map(|(k, n)| {
                if *n == 1 {
                    format!("1 {}", k.name())
                } else {
                    format!("{n} {}", k.plural())
                }
            })
            .collect();
        name.push_str(&format!(" (with {})", list.join(", ")));
    }
    name
}

fn entry(out: &mut Out, m: &Migration, e: &Entry, width: usize, names: usize) {
    let (mark, style) = match e.section() {
        Section::Removed => ("-", Style::Red),
        Section::Changed => ("~", Style::Yellow),
        Section::Added => ("+", Style::Green),
    };
    let kind = format!("{:<width$}", e.object.kind.name());
    let name = head_name(e);
    let mut head = format!(
        "{} {} {}",
        out.paint(style, mark),
        kind,
        out.paint(style, &name)
    );
    let places = places(e);
    let hazards = e.hazards();
    let (tags, details): (Vec<&Hazard>, Vec<&Hazard>) =
        hazards.iter().partition(|h| tag(e.object, h).is_some());
    if !places.is_empty() || !tags.is_empty() {
        let pad = names.saturating_sub(name.chars().count()) + 2;
        head.push_str(&" ".repeat(pad));
        head.push_str(&out.paint(Style::Dim, &places));
    }
    for h in &tags {
        let style = if h.is_data_loss() {
            Style::Red
        } else {
            Style::Yellow
        };
        head.push_str("  ");
        head.push_str(&out.paint(
            style,
            &format!("[{}]", tag(e.object, h).unwrap_or_default()),
        ));
    }
    out.line(4, &head);
    let body = 7 + width;
    let definitions = m
        .definitions(e.object)
        .filter(|_| matches!(e.action, Action::Alter | Action::Rebuild(_)));
    let same = definitions.as_ref().is_some_and(|(a, b)| a == b);
    if let Action::Rebuild(reason) = e.action {
        let unchanged = if same { " (definition unchanged)" } else { "" };
        let why = out.paint(Style::Yellow, &format!("rebuilt{unchanged}: {reason}"));
        out.line(body, &why);
    }
    if matches!(e.action, Action::Alter) {
        let mut notes: Vec<&str> = e.changes.iter().filter_map(|c| c.note.as_deref()).collect();
        notes.dedup();
        for n in notes {
            let n = out.paint(Style::Dim, &format!("note: {n}"));
            out.line(body, &n);
        }
    }
    match (&definitions, e.action) {
        (Some((a, b)), _) if a != b => definition_diff(out, body, a, b),
        (Some(_), Action::Rebuild(_)) => {}
        (Some(_) | None, Action::Alter | Action::Rebuild(_)) => statements(out, body, e),
        (Some(_) | None, Action::Create | Action::Drop) => {}
    }
    for h in details {
        let style = if h.is_data_loss() {
            Style::Red
        } else {
            Style::Yellow
        };
        let text = out.paint(style, &format!("! {}: {h}", h.kind()));
        out.line(body, &text);
    }
}

/// A hazard about the object itself (or the table it belongs to) that needs no more words
/// than its kind, shown as a tag on the object's line: `[data-loss]` on a dropped table,
/// `[lock: ACCESS EXCLUSIVE]`, `[rewrite]`. `None`: it is written out on its own line.
fn tag(o: &ObjectRef, h: &Hazard) -> Option<String> {
    let own = |q: &crate::catalog::QualName| {
        o.schema.as_deref() == Some(q.schema.as_str())
            && match o.kind {
                ObjectKind::Table
                | ObjectKind::ForeignTable
                | ObjectKind::Sequence
                | ObjectKind::Other(ObjKind::View | ObjKind::MaterializedView) => q.name == o.name,
                ObjectKind::Schema
                | ObjectKind::Extension
                | ObjectKind::Default
                | ObjectKind::Constraint
                | ObjectKind::Index
                | ObjectKind::Other(_) => o.table.as_deref() == Some(q.name.as_str()),
            }
    };
    match h {
        Hazard::Lock { lock, relation } if own(relation) => Some(format!("lock: {}", lock.name())),
        Hazard::Rewrite { table }
        | Hazard::IndexBuild { table }
        | Hazard::Scan { table }
        | Hazard::Copy { to: table, .. }
            if own(table) =>
        {
            Some(h.kind().to_string())
        }
        Hazard::DataLoss(Loss::Table(q) | Loss::Sequence(q)) if own(q) => {
            Some(h.kind().to_string())
        }
        Hazard::NoTransaction => Some(h.kind().to_string()),
        Hazard::Lock { .. }
        | Hazard::Rewrite { .. }
        | Hazard::IndexBuild { .. }
        | Hazard::Scan { .. }
        | Hazard::Copy { .. }
        | Hazard::DataLoss(_)
        | Hazard::MayFail { .. }
        | Hazard::NeedsCommit { .. } => None,
    }
}

/// The first line of each statement (a longer one ends in `…`).
fn statements(out: &mut Out, indent: usize, e: &Entry) {
    for c in &e.changes {
        let mut lines = c.sql.lines();
        let first = lines.next().unwrap_or("");
        let more = if lines.next().is_some() { " …" } else { "" };
        out.line(indent, &format!("{first}{more}"));
    }
}

fn definition_diff(out: &mut Out, indent: usize, a: &str, b: &str) {
    if a.lines().count() <= 1 && b.lines().count() <= 1 {
        word_diff(out, indent, a, b);
    } else {
        line_diff(out, indent, a, b);
    }
}

/// One line: unchanged words, `[-removed-]` and `{+added+}` (coloured on a terminal), with
/// long unchanged stretches elided.
fn word_diff(out: &mut Out, indent: usize, a: &str, b: &str) {
    let (old, new) = (tokens(a), tokens(b));
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new);
    let changes: Vec<(ChangeTag, &str)> = ops
        .iter()
        .flat_map(|op| op.iter_changes(&old, &new))
        .map(|c| (c.tag(), c.value()))
        .collect();
    let near: Vec<bool> = (0..changes.len())
        .map(|i| {
            let lo = i.saturating_sub(WORD_CONTEXT);
            let hi = (i + WORD_CONTEXT + 1).min(changes.len());
            changes
                .get(lo..hi)
                .is_some_and(|w| w.iter().any(|(t, _)| *t != ChangeTag::Equal))
        })
        .collect();
    let mut text = String::new();
    let mut elided = false;
    let mut run: Option<(ChangeTag, String)> = None;
    let flush = |text: &mut String, run: &mut Option<(ChangeTag, String)>| {
        if let Some((tag, s)) = run.take() {
            text.push_str(&match tag {
                ChangeTag::Delete if out.color => out.paint(Style::RedReverse, &s),
                ChangeTag::Insert if out.color => out.paint(Style::GreenReverse, &s),
                ChangeTag::Delete => format!("[-{s}-]"),
                ChangeTag::Insert => format!("{{+{s}+}}"),
                ChangeTag::Equal => s,
            });
        }
    };
    for ((tag, value), &is_near) in changes.iter().zip(&near) {
        if *tag == ChangeTag::Equal && !is_near {
            flush(&mut text, &mut run);
            if !elided {
                if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
                text.push('…');
                elided = true;
            }
            continue;
        }
        if elided && !value.starts_with(char::is_whitespace) {
            text.push(' ');
        }
        elided = false;
        match &mut run {
            Some((t, s)) if t == tag => s.push_str(value),
            _ => {
                flush(&mut text, &mut run);
                run = Some((*tag, value.to_string()));
            }
        }
    }
    flush(&mut text, &mut run);
    out.line(indent, text.trim());
}

/// SQL text as tokens for a word-level diff: words (letters, digits, `_`, `$`), runs of
/// spaces, and every other character alone, so `a, b` against `a, b, c` differs by `, c`.
fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq)]
    enum Class {
        Word,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_alphanumeric() || c == '_' || c == '$' {
            Class::Word
        } else if c.is_whitespace() {
            Class::Space
        } else {
            Class::Other
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        let joins = prev.as_ref().is_some_and(|p| *p == k && k != Class::Other);
        if !joins && i > start {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A unified diff of the lines, with hunk headers; in colour, changed words stand out.
fn line_diff(out: &mut Out, indent: usize, a: &str, b: &str) {
    let diff = TextDiff::from_lines(a, b);
    for group in diff.grouped_ops(LINE_CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (old, new) = (
            first.old_range().start..last.old_range().end,
            first.new_range().start..last.new_range().end,
        );
        let header = format!(
            "@@ -{},{} +{},{} @@",
            old.start + 1,
            old.len(),
            new.start + 1,
            new.len()
        );
        let header = out.paint(Style::Cyan, &header);
        out.line(indent, &header);
        for op in &group {
            for change in diff.iter_inline_changes(op) {
                let (sign, style, strong) = match change.tag() {
                    ChangeTag::Delete => ("-", Style::Red, Style::RedReverse),
                    ChangeTag::Insert => ("+", Style::Green, Style::GreenReverse),
                    ChangeTag::Equal => (" ", Style::Dim, Style::Dim),
                };
                let mut text = String::new();
                for (emphasized, value) in change.iter_strings_lossy() {
                    let value = value.trim_end_matches('\n');
                    text.push_str(&if emphasized && change.tag() != ChangeTag::Equal {
                        out.paint(strong, value)
                    } else {
                        out.paint(style, value)
                    });
                }
                let sign = out.paint(style, sign);
                out.line(indent, &format!("{sign}{text}"));
            }
        }
    }
}

/// Counts at the end: objects per section, statements, statements per hazard kind.
fn totals(out: &Out, entries: &[Entry], changes: &[Change]) -> String {
    let count = |s: Section| entries.iter().filter(|e| e.section() == s).count();
    let rebuilt = entries
        .iter()
        .filter(|e| matches!(e.action, Action::Rebuild(_)))
        .count();
    let mut parts: Vec<String> = Vec::new();
    if count(Section::Removed) > 0 {
        parts.push(format!("{} removed", count(Section::Removed)));
    }
    match (count(Section::Changed), rebuilt) {
        (0, _) => {}
        (n, 0) => parts.push(format!("{n} changed")),
        (n, r) => parts.push(format!("{n} changed ({r} rebuilt)")),
    }
    if count(Section::Added) > 0 {
        parts.push(format!("{} added", count(Section::Added)));
    }
    let mut line = format!(
        "{}; {} statement{}",
        parts.join(", "),
        changes.len(),
        if changes.len() == 1 { "" } else { "s" }
    );
    let mut kinds: BTreeMap<(u8, &str), usize> = BTreeMap::new();
    for c in changes {
        let mut seen: Vec<&str> = Vec::new();
        for h in &c.hazards {
            if !seen.contains(&h.kind()) {
                seen.push(h.kind());
                *kinds.entry((gravity(h), h.kind())).or_default() += 1;
            }
        }
    }
    if !kinds.is_empty() {
        let list: Vec<String> = kinds.iter().map(|((_, k), n)| format!("{n} {k}")).collect();
        line.push_str(&format!("; statements with hazards: {}", list.join(", ")));
    }
    out.paint(Style::Bold, &line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_splits_into_words_spaces_and_single_signs() {
        assert_eq!(
            tokens("SELECT a, b_2 FROM public.t"),
            ["SELECT", " ", "a", ",", " ", "b_2", " ", "FROM", " ", "public", ".", "t"]
        );
        assert_eq!(
            tokens("x::text  ||'é'"),
            ["x", ":", ":", "text", "  ", "|", "|", "'", "é", "'"]
        );
    }

    #[test]
    fn numbers_in_names_sort_by_value() {
        let mut names = vec!["t10", "t9", "t100", "a", "t9b"];
        names.sort_by_key(|n| natural(n));
        assert_eq!(names, ["a", "t9", "t9b", "t10", "t100"]);
    }
}
