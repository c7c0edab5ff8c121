//! Helpers shared by the integration tests.

pub mod pg;
pub mod populate;
pub mod roles;
pub mod rows;
pub mod synth;

/// The migration from `from` to `to` (SQL texts), via the library.
pub fn migrate(from: &str, to: &str) -> String {
    migrate_with(from, to, false)
}

/// The migration from `from` to `to`; with `privileges`, owners and grants too.
pub fn migrate_with(from: &str, to: &str, privileges: bool) -> String {
    let a = pgdumpdiff::catalog_from_sql("a.sql", from).unwrap_or_else(|d| {
        panic!(
            "FROM does not load: {}",
            d.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let b = pgdumpdiff::catalog_from_sql("b.sql", to).unwrap_or_else(|d| {
        panic!(
            "TO does not load: {}",
            d.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let mut m = pgdumpdiff::Migration::new(&a, &b);
    m.set_safety(false);
    m.set_options(pgdumpdiff::DiffOptions {
        with_privileges: privileges,
        ..Default::default()
    });
    m.add_all_changes();
    m.sql()
}

/// The migration from `from` to `to` with what the checks found wrong with it: self-
/// verification (FROM + migration means TO) and idempotence (the diff engine finds nothing
/// more to do after the migration); with `privileges`, owners and grants too.
pub fn migrate_checked(from: &str, to: &str, privileges: bool) -> (String, Vec<String>) {
    migrate_checked_with(
        from,
        to,
        pgdumpdiff::DiffOptions {
            with_privileges: privileges,
            ..Default::default()
        },
    )
}

/// `migrate_checked` with any diff options.
pub fn migrate_checked_with(
    from: &str,
    to: &str,
    opts: pgdumpdiff::DiffOptions,
) -> (String, Vec<String>) {
    let a = pgdumpdiff::catalog_from_sql("a.sql", from).unwrap_or_else(|d| {
        panic!(
            "FROM does not load: {}",
            d.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let b = pgdumpdiff::catalog_from_sql("b.sql", to).unwrap_or_else(|d| {
        panic!(
            "TO does not load: {}",
            d.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let mut m = pgdumpdiff::Migration::new(&a, &b);
    m.set_safety(false);
    m.set_options(opts);
    m.add_all_changes();
    let mut problems = Vec::new();
    if let Err(f) = m.verify() {
        let lines: Vec<String> = f.diagnostics().iter().map(|d| format!("{d}")).collect();
        problems.push(format!("self-verification fails:\n{}", lines.join("\n")));
    }
    let remaining = m.remaining();
    if !remaining.is_empty() {
        problems.push(format!(
            "after the migration the diff engine still finds:\n{}",
            remaining.join(";\n")
        ));
    }
    (m.sql(), problems)
}

/// A unified diff of two texts, for assertion messages.
pub fn unified(expected: &str, got: &str) -> String {
    similar::TextDiff::from_lines(expected, got)
        .unified_diff()
        .header("expected", "got")
        .to_string()
}
