//! Migrations tried on a database that holds rows. FROM is loaded and populated
//! (`populate.rs`); rows that TO itself cannot hold are taken out first; the migration is
//! applied; then every table on both sides must hold the rows it held, and every column on
//! both sides at least as many non-NULL values.
//!
//! Rows TO cannot hold: each table of FROM that TO has too (same `schema.name`) has its rows
//! (the columns both sides have) copied into a database loaded with TO, with
//! `session_replication_role = replica` (no triggers, no foreign key checks while loading),
//! then TO's validated foreign keys and deferrable unique and exclusion constraints (which
//! replica mode skips as well) are checked on what arrived. A table whose rows do not
//! load (a new NOT NULL column without a default, integer turned uuid, a tighter CHECK, a
//! narrower varchar, a removed enum label, a key that no longer matches) cannot be kept by
//! any migration: it is truncated in FROM (CASCADE) before the migration is applied, and the
//! copy is tried again until everything loads. Whatever goes wrong after that is the
//! migration's fault. The copy also tells how many rows each table of TO should hold
//! afterwards (a partition detached keeps its rows, its parent no longer counts them).
//!
//! Rows are counted per table: its own rows for an ordinary table (`ONLY`), its
//! partitions' for a partitioned one.

use std::collections::BTreeMap;

use super::pg::Cluster;
use super::populate::{json_array, json_str, populate, quote_ident, quote_literal};

/// Rows and non-NULL values of every user table of a database.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub tables: BTreeMap<String, TableStats>,
}

#[derive(Debug, Default, Clone)]
pub struct TableStats {
    /// `r` or `p`.
    pub kind: char,
    pub rows: u64,
    /// Non-NULL values per column, and whether the column is generated.
    pub cols: BTreeMap<String, (u64, bool)>,
}

const STATS: &str = r#"
-- A FROM item (to alias) for the rows of a table with the columns `cols` (SQL text): its own
-- rows for an ordinary table, its partitions' for a partitioned one (foreign partitions left
-- out).
CREATE FUNCTION pg_temp.pgdd_rows(rel oid, cols text) RETURNS text LANGUAGE sql STABLE AS $rows$
  SELECT CASE WHEN c.relkind = 'r' THEN format('ONLY %s', rel::regclass)
         ELSE format('(%s)', coalesce(
           (SELECT string_agg(format('SELECT %s FROM ONLY %s', cols, t.relid), ' UNION ALL ' ORDER BY t.relid::text)
            FROM pg_catalog.pg_partition_tree(rel) t JOIN pg_catalog.pg_class l ON l.oid = t.relid
            WHERE l.relkind = 'r'),
           format('SELECT %s FROM ONLY %s WHERE false', cols, rel::regclass))) END
  FROM pg_catalog.pg_class c WHERE c.oid = rel
$rows$;

CREATE FUNCTION pg_temp.pgdd_stats() RETURNS SETOF text LANGUAGE plpgsql AS $stats$
DECLARE
  r record;
  counts bigint[];
BEGIN
  FOR r IN
    SELECT format('%I.%I', n.nspname, c.relname) AS name, c.oid, c.relkind,
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum IS NOT NULL) AS cols,
           array_agg(a.attgenerated <> '' ORDER BY a.attnum) FILTER (WHERE a.attnum IS NOT NULL) AS generated
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    GROUP BY 1, 2, 3
    ORDER BY 1
  LOOP
    EXECUTE format('SELECT ARRAY[count(*)%s] FROM %s AS x',
                   (SELECT string_agg(format(', count(%I)', x), '' ORDER BY o) FROM unnest(r.cols) WITH ORDINALITY u(x, o)),
                   pg_temp.pgdd_rows(r.oid, coalesce((SELECT string_agg(quote_ident(x), ', ' ORDER BY o) FROM unnest(r.cols) WITH ORDINALITY u(x, o)), '')))
      INTO counts;
    RETURN NEXT concat_ws(chr(31), 'T', r.name, r.relkind, counts[1]);
    FOR i IN 1 .. coalesce(cardinality(r.cols), 0) LOOP
      RETURN NEXT concat_ws(chr(31), 'C', r.name, r.cols[i], counts[i + 1], r.generated[i]);
    END LOOP;
  END LOOP;
END
$stats$;
"#;

/// Loads each file of `routes` (`[{"t": table, "cols": [...], "file": path, "rows": n}]`)
/// into its table, then checks TO's validated foreign keys and its deferrable unique and
/// exclusion constraints (replica mode skips them) on the result; prints `E index error`
/// for a route that does not load and `V table error` for a table whose rows break a
/// constraint. The enum labels the migration renames (`[{"type": t, "old": a, "new": b}]`)
/// are renamed back first, so that rows with the old labels load (this database is only
/// counted, never compared).
const LOAD: &str = r#"
CREATE FUNCTION pg_temp.pgdd_load(routes jsonb, renames jsonb) RETURNS SETOF text LANGUAGE plpgsql AS $load$
DECLARE
  r jsonb;
  i int := 0;
  k record;
  bad boolean;
BEGIN
  FOR r IN SELECT e.value FROM jsonb_array_elements(renames) WITH ORDINALITY e(value, o) ORDER BY e.o DESC LOOP
    BEGIN
      EXECUTE format('ALTER TYPE %s RENAME VALUE %L TO %L', r ->> 'type', r ->> 'new', r ->> 'old');
    EXCEPTION WHEN OTHERS THEN
      NULL;   -- not this way: rows with the old label do not load
    END;
  END LOOP;
  FOR r IN SELECT e.value FROM jsonb_array_elements(routes) WITH ORDINALITY e(value, o) ORDER BY e.o LOOP
    BEGIN
      IF jsonb_array_length(r -> 'cols') = 0 THEN
        EXECUTE format('INSERT INTO %s SELECT FROM generate_series(1, %s)', r ->> 't', r ->> 'rows');
      ELSE
        EXECUTE format('COPY %s (%s) FROM %L', r ->> 't',
                       (SELECT string_agg(quote_ident(c), ', ' ORDER BY o) FROM jsonb_array_elements_text(r -> 'cols') WITH ORDINALITY u(c, o)),
                       r ->> 'file');
      END IF;
    EXCEPTION WHEN OTHERS THEN
      RETURN NEXT concat_ws(chr(31), 'E', i, SQLERRM);
    END;
    i := i + 1;
  END LOOP;
  FOR k IN
    SELECT con.conname, con.confmatchtype, con.conrelid, con.confrelid,
           format('%I.%I', sn.nspname, src.relname) AS name,
           (SELECT array_agg(quote_ident(a.attname) ORDER BY u.o) FROM unnest(con.conkey) WITH ORDINALITY u(n, o)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.n) AS cols,
           (SELECT array_agg(quote_ident(a.attname) ORDER BY u.o) FROM unnest(con.confkey) WITH ORDINALITY u(n, o)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = u.n) AS refs
    FROM pg_catalog.pg_constraint con
    JOIN pg_catalog.pg_class src ON src.oid = con.conrelid
    JOIN pg_catalog.pg_namespace sn ON sn.oid = src.relnamespace
    WHERE con.contype = 'f' AND con.convalidated AND src.relkind IN ('r', 'p')
      AND sn.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint up WHERE up.oid = con.conparentid AND up.conrelid = con.conrelid)
    ORDER BY 5, 1
  LOOP
    EXECUTE format('SELECT EXISTS (SELECT FROM (SELECT %s FROM %s AS s) x WHERE (%s AND NOT EXISTS (SELECT FROM %s AS y WHERE %s))%s)',
                   array_to_string(k.cols, ', '),
                   pg_temp.pgdd_rows(k.conrelid, array_to_string(k.cols, ', ')),
                   (SELECT string_agg(format('x.%s IS NOT NULL', c), ' AND ') FROM unnest(k.cols) c),
                   pg_temp.pgdd_rows(k.confrelid, array_to_string(k.refs, ', ')),
                   (SELECT string_agg(format('y.%s = x.%s', f, c), ' AND ') FROM unnest(k.refs, k.cols) u(f, c)),
                   CASE WHEN k.confmatchtype = 'f' THEN format(' OR num_nulls(%s) NOT IN (0, %s)',
                       (SELECT string_agg('x.' || c, ', ') FROM unnest(k.cols) c), cardinality(k.cols)) ELSE '' END)
      INTO bad;
    IF bad THEN
      RETURN NEXT concat_ws(chr(31), 'V', k.name, format('rows break foreign key %I', k.conname));
    END IF;
  END LOOP;
  -- Replica mode skips the checks of deferrable unique and exclusion constraints too: two
  -- rows that clash (an expression in the constraint: any two rows may).
  FOR k IN
    SELECT con.conname, con.conrelid, con.contype, coalesce(ix.indnullsnotdistinct, false) AS nulls_equal,
           format('%I.%I', sn.nspname, src.relname) AS name,
           (SELECT array_agg(coalesce(quote_ident(a.attname), '') ORDER BY u.o) FROM unnest(con.conkey) WITH ORDINALITY u(n, o)
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.n) AS cols,
           (SELECT array_agg(format('OPERATOR(%I.%s)', ons.nspname, op.oprname) ORDER BY u.o) FROM unnest(con.conexclop) WITH ORDINALITY u(x, o)
            JOIN pg_catalog.pg_operator op ON op.oid = u.x JOIN pg_catalog.pg_namespace ons ON ons.oid = op.oprnamespace) AS ops
    FROM pg_catalog.pg_constraint con
    JOIN pg_catalog.pg_class src ON src.oid = con.conrelid
    JOIN pg_catalog.pg_namespace sn ON sn.oid = src.relnamespace
    LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid
    WHERE con.contype IN ('u', 'p', 'x') AND con.condeferrable AND con.conparentid = 0 AND src.relkind IN ('r', 'p')
      AND sn.nspname NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 5, 1
  LOOP
    IF k.cols IS NULL OR '' = ANY (k.cols) THEN
      EXECUTE format('SELECT count(*) > 1 FROM %s AS s', pg_temp.pgdd_rows(k.conrelid, '1')) INTO bad;
    ELSE
      EXECUTE format('WITH r AS (SELECT row_number() OVER () AS pgdd_n, %s FROM %s AS s) SELECT EXISTS (SELECT FROM r a JOIN r b ON a.pgdd_n < b.pgdd_n AND %s)',
                     array_to_string(k.cols, ', '),
                     pg_temp.pgdd_rows(k.conrelid, array_to_string(k.cols, ', ')),
                     (SELECT string_agg(CASE WHEN k.contype = 'x' THEN format('a.%s %s b.%s', c, k.ops[o], c)
                                             WHEN k.nulls_equal THEN format('a.%s IS NOT DISTINCT FROM b.%s', c, c)
                                             ELSE format('a.%s = b.%s', c, c) END, ' AND ' ORDER BY o)
                      FROM unnest(k.cols) WITH ORDINALITY u(c, o)))
        INTO bad;
    END IF;
    IF bad THEN
      RETURN NEXT concat_ws(chr(31), 'V', k.name, format('rows clash under constraint %I', k.conname));
    END IF;
  END LOOP;
END
$load$;
"#;

/// The statistics of `db`.
pub fn stats(pg: &Cluster, db: &str) -> Result<Stats, String> {
    let out = pg
        .query(
            db,
            &format!("{STATS}\nSELECT * FROM pg_temp.pgdd_stats();\n"),
        )
        .map_err(|e| format!("cannot count rows: {e}"))?;
    parse_stats(&out)
}

fn parse_stats(records: &[String]) -> Result<Stats, String> {
    let mut s = Stats::default();
    for r in records {
        let f: Vec<&str> = r.split('\x1f').collect();
        let bad = || format!("unexpected statistics record {r:?}");
        match f[..] {
            ["T", name, kind, rows] => {
                s.tables.insert(
                    name.to_string(),
                    TableStats {
                        kind: kind.chars().next().ok_or_else(bad)?,
                        rows: rows.parse().map_err(|_| bad())?,
                        cols: BTreeMap::new(),
                    },
                );
            }
            ["C", name, col, nonnull, generated] => {
                let t = s.tables.get_mut(name).ok_or_else(bad)?;
                t.cols.insert(
                    col.to_string(),
                    (nonnull.parse().map_err(|_| bad())?, generated == "t"),
                );
            }
            _ => return Err(bad()),
        }
    }
    Ok(s)
}

/// What a migration applied to a populated FROM gave.
pub struct Outcome {
    /// The dump after the migration (from a database without rows when it fails only with
    /// rows); `None` when it does not apply at all.
    pub dump: Option<String>,
    pub problems: Vec<String>,
    /// What FROM held: tables populated, emptied because TO cannot hold their rows, left
    /// empty by the populator (one line).
    pub summary: String,
}

/// FROM populated and trimmed to what TO can hold, before the migration.
struct Prepared {
    /// Statistics of FROM before the migration.
    before: Stats,
    /// What each table of TO holds when FROM's rows are copied into it.
    expected: Stats,
    /// Tables emptied because TO cannot hold their rows, and why.
    truncated: Vec<(String, String)>,
}

/// Applies `migration` (in one transaction with `single_tx`) to a database loaded from
/// `from` and populated, checks that no row and no value is lost (see the module's
/// documentation), and dumps the result (with owners and privileges with `privileges`).
pub fn apply(
    pg: &Cluster,
    from: &str,
    to: &str,
    migration: &str,
    single_tx: bool,
    privileges: bool,
) -> Outcome {
    let mut problems = Vec::new();
    let db = pg.create_db();
    if let Err(e) = pg.psql(&db, from, false) {
        pg.drop_db(&db);
        return Outcome {
            dump: None,
            problems: vec![format!("FROM does not load: {e}")],
            summary: "FROM does not load".to_string(),
        };
    }
    let mut notes = Vec::new();
    let mut summary = String::new();
    let prepared = match populate(pg, &db) {
        Err(e) => {
            problems.push(format!("cannot populate FROM: {e}"));
            None
        }
        Ok(report) => {
            summary = format!(
                "{} of {} tables populated",
                report.rows.len() - report.empty.len(),
                report.rows.len()
            );
            if !report.empty.is_empty() {
                summary.push_str(&format!(
                    "; left empty: {}",
                    report
                        .empty
                        .iter()
                        .map(|(t, why)| format!("{t} ({why})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if !report.rows.is_empty() && report.empty.len() == report.rows.len() {
                problems.push(format!(
                    "no table of FROM could be populated:\n{}",
                    report.describe_empty()
                ));
            } else if !report.empty.is_empty() {
                notes.push(format!(
                    "tables the populator left empty:\n{}",
                    report.describe_empty()
                ));
            }
            if report.rows.values().any(|n| *n > 0) && may_create_tables(to) {
                match prepare(pg, &db, to, migration) {
                    Ok(p) => Some(p),
                    Err(e) => {
                        problems.push(format!("cannot copy FROM's rows into TO: {e}"));
                        None
                    }
                }
            } else {
                None
            }
        }
    };
    if let Some(p) = &prepared {
        if !p.truncated.is_empty() {
            summary.push_str(&format!(
                "; emptied for TO: {}",
                p.truncated
                    .iter()
                    .map(|(t, why)| format!("{t} ({why})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            notes.push(format!(
                "tables emptied before the migration, TO cannot hold their rows:\n{}",
                p.truncated
                    .iter()
                    .map(|(t, why)| format!("  {t}: {why}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        }
    }

    let dump = match pg.psql(&db, migration, single_tx) {
        Ok(()) => {
            if let Some(p) = &prepared {
                match stats(pg, &db) {
                    Ok(after) => problems.extend(losses(&p.before, &p.expected, &after)),
                    Err(e) => problems.push(e),
                }
            }
            Some(pg.dump_with(&db, privileges))
        }
        Err(with_rows) => {
            // Without rows?
            let empty = pg.create_db();
            let applied = pg
                .psql(&empty, from, false)
                .and_then(|_| pg.psql(&empty, migration, single_tx));
            let dump = applied
                .as_ref()
                .ok()
                .map(|_| pg.dump_with(&empty, privileges));
            pg.drop_db(&empty);
            match applied {
                Ok(()) => problems.push(format!(
                    "fails on a database with rows: {}",
                    failing_statement(&with_rows, migration)
                )),
                Err(e) => problems.push(format!("the migration does not apply: {e}\n{migration}")),
            }
            dump
        }
    };
    pg.drop_db(&db);
    if !problems.is_empty() {
        problems.extend(notes.into_iter().map(|n| format!("note: {n}")));
    }
    Outcome {
        dump,
        problems,
        summary,
    }
}

/// Whether `sql` may create a table (when it does not, no table of FROM is in TO, and no
/// rows need copying): a CREATE TABLE of any kind, SELECT INTO, or code that runs (DO, CALL).
fn may_create_tables(sql: &str) -> bool {
    use pg_query::NodeEnum;
    let Ok(parsed) = pg_query::parse(sql, 0) else {
        return true;
    };
    parsed
        .protobuf
        .stmts
        .iter()
        .filter_map(|s| s.stmt.as_ref().and_then(|n| n.node.as_ref()))
        .any(|n| {
            matches!(
                n,
                NodeEnum::CreateStmt(_)
                    | NodeEnum::CreateTableAsStmt(_)
                    | NodeEnum::CreateForeignTableStmt(_)
                    | NodeEnum::DoStmt(_)
                    | NodeEnum::CallStmt(_)
            ) || matches!(n, NodeEnum::SelectStmt(s) if s.into_clause.is_some())
        })
}

/// The enum labels `migration` renames, in order: the type (SQL), the old label, the new.
fn label_renames(migration: &str) -> Vec<(String, String, String)> {
    use pg_query::NodeEnum;
    let Ok(parsed) = pg_query::parse(migration, 0) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for stmt in parsed
        .protobuf
        .stmts
        .iter()
        .filter_map(|s| s.stmt.as_ref().and_then(|n| n.node.as_ref()))
    {
        if let NodeEnum::AlterEnumStmt(a) = stmt {
            if !a.old_val.is_empty() {
                let names: Vec<String> = a
                    .type_name
                    .iter()
                    .filter_map(|n| {
                        if let Some(NodeEnum::String(s)) = &n.node {
                            Some(quote_ident(&s.sval))
                        } else {
                            None
                        }
                    })
                    .collect();
                out.push((names.join("."), a.old_val.clone(), a.new_val.clone()));
            }
        }
    }
    out
}

/// psql's error, with the statement at the line it names.
fn failing_statement(error: &str, sql: &str) -> String {
    let error = error.trim();
    let line = error
        .split(".sql:")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse::<usize>().ok());
    let message = error
        .split_once(".sql:")
        .and_then(|(_, rest)| rest.split_once(": "))
        .map_or(error, |(_, m)| m);
    let lines: Vec<&str> = sql.lines().collect();
    match line.filter(|n| (1..=lines.len()).contains(n)) {
        Some(n) => {
            // psql names the statement's last line: back to the end of the one before.
            let start = lines[..n - 1]
                .iter()
                .rposition(|l| l.trim_end().ends_with(';'))
                .map_or(0, |i| i + 1);
            let statement: Vec<&str> = lines[start..n]
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            format!("{message}\n  statement: {}", statement.join(" "))
        }
        None => message.to_string(),
    }
}

/// FROM's partitions that TO does not have, under a partitioned table TO has partitioned
/// otherwise or not at all (the nearest of their ancestors that TO has): the migration
/// copies their rows into it (a partition that goes while the table above it keeps its
/// partitioning takes its rows along). Partition -> that table.
fn repartitioned(
    pg: &Cluster,
    from_db: &str,
    to_db: &str,
) -> Result<BTreeMap<String, String>, String> {
    const KEYS: &str = "SELECT concat_ws(chr(31), format('%I.%I', n.nspname, c.relname), coalesce(pg_catalog.pg_get_partkeydef(c.oid), ''))
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')";
    let keys = |db: &str| -> Result<BTreeMap<String, String>, String> {
        let rows = pg.query(db, KEYS)?;
        rows.iter()
            .map(|r| match r.split('\x1f').collect::<Vec<_>>()[..] {
                [name, key] => Ok((name.to_string(), key.to_string())),
                _ => Err(format!("unexpected partition key record {r:?}")),
            })
            .collect()
    };
    let (from_keys, to_keys) = (keys(from_db)?, keys(to_db)?);
    // Each leaf partition, then its ancestors from the nearest up.
    let trees = pg.query(
        from_db,
        "SELECT (SELECT string_agg(format('%I.%I', an.nspname, a.relname), chr(31) ORDER BY up.n)
                   FROM pg_catalog.pg_partition_ancestors(c.oid) WITH ORDINALITY AS up(oid, n)
                   JOIN pg_catalog.pg_class a ON a.oid = up.oid JOIN pg_catalog.pg_namespace an ON an.oid = a.relnamespace)
         FROM pg_catalog.pg_class c WHERE c.relkind = 'r' AND c.relispartition",
    )?;
    let mut out = BTreeMap::new();
    for r in &trees {
        let mut names = r.split('\x1f');
        let Some(part) = names.next() else {
            return Err(format!("unexpected partition ancestors record {r:?}"));
        };
        if to_keys.contains_key(part) {
            continue;
        }
        let Some(kept) = names.find(|a| to_keys.contains_key(*a)) else {
            continue;
        };
        if from_keys.get(kept) != to_keys.get(kept) {
            out.insert(part.to_string(), kept.to_string());
        }
    }
    Ok(out)
}

/// Copies FROM's rows into a database loaded with TO until everything loads, truncating in
/// FROM the tables whose rows TO cannot hold.
fn prepare(pg: &Cluster, from_db: &str, to: &str, migration: &str) -> Result<Prepared, String> {
    let renames = json_array(label_renames(migration).iter().map(|(ty, old, new)| {
        format!(
            "{{\"type\": {}, \"old\": {}, \"new\": {}}}",
            json_str(ty),
            json_str(old),
            json_str(new)
        )
    }));
    let to_db = pg.create_db();
    let r = pg.psql(&to_db, to, false).map_err(|e| format!("TO does not load: {e}")).and_then(|_| {
        let shape = stats(pg, &to_db)?;
        let repartitioned = repartitioned(pg, from_db, &to_db)?;
        let mut before = stats(pg, from_db)?;
        let mut truncated: Vec<(String, String)> = Vec::new();
        let mut round = 0;
        loop {
            // Each table of FROM with rows that TO has too, and the columns both have (TO's
            // generated columns compute themselves).
            // (A partition TO does not have sends its rows to its partitioned table if TO
            // partitions that one differently.)
            let routes: Vec<(&String, &String, Vec<&String>, u64)> = before
                .tables
                .iter()
                .filter(|(_, t)| t.kind == 'r' && t.rows > 0)
                .filter_map(|(name, t)| {
                    let target = if shape.tables.contains_key(name) { name } else { repartitioned.get(name)? };
                    let there = shape.tables.get(target)?;
                    Some((name, target, t.cols.keys().filter(|c| there.cols.get(*c).is_some_and(|(_, generated)| !generated)).collect(), t.rows))
                })
                .collect();
            let mut export = String::new();
            let mut load = Vec::new();
            for (i, (name, target, cols, rows)) in routes.iter().enumerate() {
                let file = pg.server_file(&format!("rows-{to_db}-{round}-{i}.copy")).to_string_lossy().into_owned();
                if !cols.is_empty() {
                    let list = cols.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
                    export.push_str(&format!("COPY (SELECT {list} FROM ONLY {name}) TO {};\n", quote_literal(&file)));
                }
                load.push(format!("{{\"t\": {}, \"cols\": {}, \"file\": {}, \"rows\": {rows}}}", json_str(target), json_array(cols.iter().map(|c| json_str(c))), json_str(&file)));
            }
            if !export.is_empty() {
                pg.psql(from_db, &export, false).map_err(|e| format!("cannot export FROM's rows: {e}"))?;
            }
            let tag = "$pgdd_routes$";
            let loads = json_array(load);
            assert!(!loads.contains(tag) && !renames.contains(tag), "the routes hold their own quote tag");
            let mut import = String::new();
            if round > 0 {
                let all: Vec<&String> = shape.tables.keys().collect();
                if !all.is_empty() {
                    import.push_str(&format!("TRUNCATE {} CASCADE;\n", all.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")));
                }
            }
            import.push_str(&format!("{STATS}\n{LOAD}\nSET session_replication_role = replica;\nSELECT pg_temp.pgdd_load({tag}{loads}{tag}::jsonb, {tag}{renames}{tag}::jsonb);\nSET session_replication_role = origin;\nSELECT * FROM pg_temp.pgdd_stats();\n"));
            let out = pg.query(&to_db, &import).map_err(|e| format!("cannot load FROM's rows into TO: {e}"))?;
            let (failures, counted): (Vec<&String>, Vec<&String>) = out.iter().partition(|r| r.starts_with("E\x1f") || r.starts_with("V\x1f"));
            let mut failed: Vec<(String, String)> = Vec::new();
            for f in failures {
                let parts: Vec<&str> = f.splitn(3, '\x1f').collect();
                let [kind, at, why] = parts[..] else { return Err(format!("unexpected load output {f:?}")) };
                // A route that fails, or the routes into the TO table whose rows break a key.
                let tables: Vec<String> = if kind == "E" {
                    at.parse::<usize>().ok().and_then(|i| routes.get(i)).map(|r| r.0.clone()).into_iter().collect()
                } else {
                    routes.iter().filter(|r| r.1 == at).map(|r| r.0.clone()).collect()
                };
                for table in tables {
                    if !failed.iter().any(|(t, _)| *t == table) {
                        failed.push((table, why.lines().next().unwrap_or_default().to_string()));
                    }
                }
            }
            if failed.is_empty() {
                let expected = parse_stats(&counted.into_iter().cloned().collect::<Vec<_>>())?;
                return Ok(Prepared { before, expected, truncated });
            }
            if round >= 5 {
                return Err(format!("rows still fail to load after {round} rounds: {failed:?}"));
            }
            let list = failed.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", ");
            pg.psql(from_db, &format!("TRUNCATE ONLY {list} CASCADE;\n"), false).map_err(|e| format!("cannot truncate {list}: {e}"))?;
            truncated.extend(failed);
            before = stats(pg, from_db)?;
            round += 1;
        }
    });
    pg.drop_db(&to_db);
    let prefix = format!("rows-{to_db}-");
    if let Ok(entries) = std::fs::read_dir(pg.server_file("")) {
        for e in entries.filter_map(Result::ok) {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    r
}

/// Rows and values lost: every table on both sides must hold what TO holds with FROM's rows
/// copied into it, every column on both sides at least as many non-NULL values.
pub fn losses(before: &Stats, expected: &Stats, after: &Stats) -> Vec<String> {
    let mut out = Vec::new();
    for (name, e) in &expected.tables {
        let (Some(b), Some(a)) = (before.tables.get(name), after.tables.get(name)) else {
            continue;
        };
        if a.rows != e.rows {
            let had = if b.rows == e.rows {
                format!("{} rows", e.rows)
            } else {
                format!("{} rows ({} of them its own under TO)", b.rows, e.rows)
            };
            let what = if a.rows < e.rows {
                "data loss: table"
            } else {
                "rows appeared: table"
            };
            out.push(format!("{what} {name} had {had}, has {}", a.rows));
        }
        for (col, (want, _)) in &e.cols {
            if !b.cols.contains_key(col) {
                continue;
            }
            if let Some((got, _)) = a.cols.get(col) {
                if got < want {
                    out.push(format!(
                        "column {name}.{} lost values: {want} non-NULL before, {got} after",
                        quote_ident_if_needed(col)
                    ));
                }
            }
        }
    }
    out
}

fn quote_ident_if_needed(name: &str) -> String {
    if name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
    {
        name.to_string()
    } else {
        quote_ident(name)
    }
}
