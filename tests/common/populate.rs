//! Puts rows into every user table of a database, so that a migration is tried on a database
//! that holds data: about two rows per ordinary or partitioned table (one where two cannot
//! coexist), outside `pg_catalog` / `information_schema`, not owned by an extension.
//!
//! Two steps, both in the server. The catalog is read once (tables, columns, types, CHECK
//! and foreign keys); from it, each column gets an ordered list of candidate values (a pair:
//! row 1, row 2), worked out here:
//!
//! - a foreign key column takes the key of an existing row of the table it references (the
//!   referenced tables are populated first), then NULL; a self-reference NULL first;
//! - a partition key column takes the literals of its partition bounds (and its ancestors');
//! - a column with a default or a BY DEFAULT identity takes DEFAULT; generated columns and
//!   GENERATED ALWAYS identities are left out of the INSERT;
//! - then values by type, through domains, arrays, composites and ranges (text, numbers,
//!   booleans, dates and times, uuid, json, enum labels, inet, bytea, intervals, ...),
//!   with the literals of the CHECK constraints on the column (or its domain) among them,
//!   and strings that their patterns match (`~` simple regular expressions, LIKE);
//! - NULL last.
//!
//! Then one PL/pgSQL function tries INSERTs: a candidate whose cast fails (a domain CHECK, a
//! number out of range) is dropped first; when an INSERT fails, the error says which
//! columns are at fault (the column of a NOT NULL violation, the columns of the CHECK,
//! UNIQUE, foreign key or exclusion constraint it names, the columns of the domain it names,
//! the partition key when no partition takes the row) and the one of them moved least so
//! far takes its next candidate. Stages: two rows, one row, and where the table has
//! triggers or rules, the same with `session_replication_role = replica`. Tables go in
//! dependency order (referenced tables and partitions first), in passes while a pass fills
//! a table. Everything is a pure function of the schema, so the same schema gets the same
//! rows.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::pg::Cluster;

/// What `populate` did: rows per table, and why the empty ones are empty.
#[derive(Debug, Default)]
pub struct Report {
    /// Every user table (`schema.name`, quoted as needed) and the rows it holds (its
    /// partitions' rows for a partitioned table).
    pub rows: BTreeMap<String, u64>,
    /// The tables left empty, with the last error the populator met.
    pub empty: BTreeMap<String, String>,
}

impl Report {
    /// The empty tables and why, one per line.
    pub fn describe_empty(&self) -> String {
        self.empty
            .iter()
            .map(|(t, why)| format!("  {t}: {why}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Populates every user table of `db`; an error is a populator failure (not a table it
/// could not fill, which the report lists).
pub fn populate(pg: &Cluster, db: &str) -> Result<Report, String> {
    let records = pg
        .query(db, CATALOG)
        .map_err(|e| format!("cannot read the catalog: {e}"))?;
    let catalog = Catalog::parse(&records)?;
    if catalog.tables.is_empty() {
        return Ok(Report::default());
    }
    let plan = catalog.plan();
    let tag = "$pgdd_plan$";
    assert!(!plan.contains(tag), "the plan holds its own quote tag");
    let sql = format!("{FILL}\nBEGIN;\nSET CONSTRAINTS ALL IMMEDIATE;\nSELECT pg_temp.pgdd_populate({tag}{plan}{tag}::jsonb);\nCOMMIT;\n");
    let out = pg
        .query(db, &sql)
        .map_err(|e| format!("the populator failed: {e}"))?;
    let mut report = Report::default();
    for r in out {
        let f: Vec<&str> = r.split('\x1f').collect();
        let [table, rows, error] = f[..] else {
            return Err(format!("unexpected populator output {r:?}"));
        };
        let rows: u64 = rows
            .parse()
            .map_err(|_| format!("unexpected row count in {r:?}"))?;
        report.rows.insert(table.to_string(), rows);
        if rows == 0 {
            report.empty.insert(
                table.to_string(),
                if error.is_empty() {
                    "not tried".to_string()
                } else {
                    error.to_string()
                },
            );
        }
    }
    Ok(report)
}

/// The catalog facts the candidates come from, one record per line, fields separated by
/// U+001F and list items by U+001D. Record kinds: T (table), C (column), K (CHECK), F
/// (foreign key), Y (type).
const CATALOG: &str = r#"
CREATE TEMP VIEW pgdd_tables AS
SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS name, c.relkind
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e');

SELECT concat_ws(chr(31), 'T', t.oid, t.name, t.relkind,
    coalesce((SELECT i.inhparent FROM pg_catalog.pg_inherits i WHERE i.inhrelid = t.oid AND c.relispartition), 0),
    coalesce(pg_catalog.pg_get_expr(c.relpartbound, c.oid), ''),
    EXISTS (SELECT FROM pg_catalog.pg_trigger g WHERE g.tgrelid = t.oid AND NOT g.tgisinternal)
      OR EXISTS (SELECT FROM pg_catalog.pg_rewrite r WHERE r.ev_class = t.oid AND r.rulename <> '_RETURN'),
    coalesce((SELECT string_agg(coalesce(a.attname::text, ''), chr(29) ORDER BY k.o)
              FROM pg_catalog.pg_partitioned_table pt
              CROSS JOIN unnest(pt.partattrs::int2[]) WITH ORDINALITY k(n, o)
              LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = k.n
              WHERE pt.partrelid = t.oid), ''))
FROM pgdd_tables t JOIN pg_catalog.pg_class c ON c.oid = t.oid
ORDER BY t.name;

SELECT concat_ws(chr(31), 'C', a.attrelid, a.attname, a.atttypid, format_type(a.atttypid, a.atttypmod),
    a.attnotnull, a.atthasdef OR a.attidentity = 'd', a.attgenerated <> '' OR a.attidentity = 'a')
FROM pg_catalog.pg_attribute a
WHERE a.attrelid IN (SELECT oid FROM pgdd_tables) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum;

SELECT concat_ws(chr(31), 'K', con.conrelid,
    coalesce((SELECT string_agg(a.attname::text, chr(29) ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)), ''),
    pg_catalog.pg_get_constraintdef(con.oid))
FROM pg_catalog.pg_constraint con
WHERE con.contype = 'c' AND con.conrelid IN (SELECT oid FROM pgdd_tables)
ORDER BY con.conrelid, con.conname;

-- Foreign keys of each table (a partition's clones included), not the copies the server
-- makes for each partition of a referenced partitioned table.
SELECT concat_ws(chr(31), 'F', con.conrelid, con.confrelid,
    (SELECT string_agg(a.attname::text, chr(29) ORDER BY k.o) FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n),
    (SELECT string_agg(a.attname::text, chr(29) ORDER BY k.o) FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n))
FROM pg_catalog.pg_constraint con
WHERE con.contype = 'f' AND con.conrelid IN (SELECT oid FROM pgdd_tables)
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint up WHERE up.oid = con.conparentid AND up.conrelid = con.conrelid)
ORDER BY con.conrelid, con.conname;

WITH RECURSIVE ty(oid) AS (
    SELECT DISTINCT a.atttypid FROM pg_catalog.pg_attribute a
    WHERE a.attrelid IN (SELECT oid FROM pgdd_tables) AND a.attnum > 0 AND NOT a.attisdropped
  UNION
    SELECT s.x FROM ty JOIN pg_catalog.pg_type t ON t.oid = ty.oid
    CROSS JOIN LATERAL (
        SELECT t.typbasetype WHERE t.typtype = 'd'
        UNION ALL SELECT t.typelem WHERE t.typelem <> 0 AND t.typsubscript = 'pg_catalog.array_subscript_handler'::regproc
        UNION ALL SELECT a.atttypid FROM pg_catalog.pg_attribute a
                  WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
        UNION ALL SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid
        UNION ALL SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid) s(x)
)
SELECT concat_ws(chr(31), 'Y', t.oid, n.nspname, t.typname, t.typtype, t.typcategory, t.typbasetype, t.typtypmod,
    CASE WHEN t.typsubscript = 'pg_catalog.array_subscript_handler'::regproc THEN t.typelem ELSE 0 END,
    coalesce((SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid), 0),
    coalesce((SELECT r.rngtypid FROM pg_catalog.pg_range r WHERE r.rngmultitypid = t.oid), 0),
    coalesce((SELECT string_agg(e.enumlabel::text, chr(29) ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e
              WHERE e.enumtypid = t.oid), ''),
    coalesce((SELECT string_agg(a.atttypid::text, chr(29) ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
              WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), ''),
    coalesce((SELECT string_agg(pg_catalog.pg_get_constraintdef(con.oid), chr(29) ORDER BY con.conname)
              FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c'), ''))
FROM ty JOIN pg_catalog.pg_type t ON t.oid = ty.oid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
ORDER BY t.oid;

DROP VIEW pgdd_tables;
"#;

/// A candidate: the value for row 1 and for row 2.
type Pair = (String, String);

struct Table {
    oid: u32,
    name: String,
    /// `r` or `p`.
    kind: char,
    /// The partitioned table this one is a partition of (0: none).
    parent: u32,
    /// The partition bound (`FOR VALUES ...`, `DEFAULT`), empty for a table that is none.
    bound: String,
    /// Whether user triggers or rules may stand in the way (then the last stages turn them off).
    triggers: bool,
    /// Partition key columns of a partitioned table ("" for an expression).
    key: Vec<String>,
    cols: Vec<Column>,
    checks: Vec<Check>,
    fks: Vec<ForeignKey>,
}

struct Column {
    name: String,
    ty: u32,
    /// The type as the server prints it, typmod included: the cast of every literal.
    typed: String,
    not_null: bool,
    has_default: bool,
    /// Generated, or an identity GENERATED ALWAYS: not in the INSERT.
    skip: bool,
}

struct Check {
    cols: Vec<String>,
    def: String,
}

struct ForeignKey {
    target: u32,
    cols: Vec<String>,
    target_cols: Vec<String>,
}

struct Type {
    schema: String,
    name: String,
    typtype: char,
    category: char,
    base: u32,
    typmod: i32,
    elem: u32,
    subtype: u32,
    /// For a multirange: its range type.
    range: u32,
    labels: Vec<String>,
    attrs: Vec<u32>,
    checks: Vec<String>,
}

struct Catalog {
    tables: Vec<Table>,
    types: BTreeMap<u32, Type>,
}

fn list(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('\x1d').map(str::to_string).collect()
    }
}

fn num<T: std::str::FromStr>(s: &str, record: &str) -> Result<T, String> {
    s.parse()
        .map_err(|_| format!("unexpected catalog record {record:?}"))
}

impl Catalog {
    fn parse(records: &[String]) -> Result<Catalog, String> {
        let mut tables: Vec<Table> = Vec::new();
        let mut types = BTreeMap::new();
        let mut by_oid: BTreeMap<u32, usize> = BTreeMap::new();
        for r in records {
            let f: Vec<&str> = r.split('\x1f').collect();
            let bad = || format!("unexpected catalog record {r:?}");
            let table = |oid: &str, by_oid: &BTreeMap<u32, usize>| -> Result<usize, String> {
                by_oid.get(&num::<u32>(oid, r)?).copied().ok_or_else(bad)
            };
            match f[..] {
                ["T", oid, name, kind, parent, bound, triggers, key] => {
                    by_oid.insert(num(oid, r)?, tables.len());
                    tables.push(Table {
                        oid: num(oid, r)?,
                        name: name.to_string(),
                        kind: kind.chars().next().ok_or_else(bad)?,
                        parent: num(parent, r)?,
                        bound: bound.to_string(),
                        triggers: triggers == "t",
                        key: list(key),
                        cols: Vec::new(),
                        checks: Vec::new(),
                        fks: Vec::new(),
                    });
                }
                ["C", rel, name, ty, typed, not_null, has_default, skip] => {
                    let i = table(rel, &by_oid)?;
                    tables[i].cols.push(Column {
                        name: name.to_string(),
                        ty: num(ty, r)?,
                        typed: typed.to_string(),
                        not_null: not_null == "t",
                        has_default: has_default == "t",
                        skip: skip == "t",
                    });
                }
                ["K", rel, cols, def] => {
                    let i = table(rel, &by_oid)?;
                    tables[i].checks.push(Check {
                        cols: list(cols),
                        def: def.to_string(),
                    });
                }
                ["F", rel, target, cols, target_cols] => {
                    let i = table(rel, &by_oid)?;
                    tables[i].fks.push(ForeignKey {
                        target: num(target, r)?,
                        cols: list(cols),
                        target_cols: list(target_cols),
                    });
                }
                ["Y", oid, schema, name, typtype, category, base, typmod, elem, subtype, range, labels, attrs, checks] =>
                {
                    let attrs = list(attrs)
                        .iter()
                        .map(|a| num(a, r))
                        .collect::<Result<Vec<u32>, String>>()?;
                    types.insert(
                        num(oid, r)?,
                        Type {
                            schema: schema.to_string(),
                            name: name.to_string(),
                            typtype: typtype.chars().next().ok_or_else(bad)?,
                            category: category.chars().next().ok_or_else(bad)?,
                            base: num(base, r)?,
                            typmod: num(typmod, r)?,
                            elem: num(elem, r)?,
                            subtype: num(subtype, r)?,
                            range: num(range, r)?,
                            labels: list(labels),
                            attrs,
                            checks: list(checks),
                        },
                    );
                }
                _ => return Err(bad()),
            }
        }
        Ok(Catalog { tables, types })
    }

    fn table(&self, oid: u32) -> Option<&Table> {
        self.tables.iter().find(|t| t.oid == oid)
    }

    /// The tables in the order they are populated: a table after the tables its foreign keys
    /// reference and after its partitions (cycles broken by name order).
    fn order(&self) -> Vec<usize> {
        fn visit(c: &Catalog, i: usize, state: &mut [u8], out: &mut Vec<usize>) {
            if state[i] != 0 {
                return;
            }
            state[i] = 1;
            let t = &c.tables[i];
            let mut deps: Vec<usize> = t
                .fks
                .iter()
                .filter(|f| f.target != t.oid)
                .filter_map(|f| c.tables.iter().position(|x| x.oid == f.target))
                .collect();
            deps.extend(
                c.tables
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.parent == t.oid)
                    .map(|(j, _)| j),
            );
            deps.sort_by(|a, b| c.tables[*a].name.cmp(&c.tables[*b].name));
            for d in deps {
                visit(c, d, state, out);
            }
            state[i] = 2;
            out.push(i);
        }
        let mut state = vec![0u8; self.tables.len()];
        let mut out = Vec::new();
        for i in 0..self.tables.len() {
            visit(self, i, &mut state, &mut out);
        }
        out
    }

    /// The tables that hold the rows of `t`: itself, or for a partitioned table its
    /// partitions that are ordinary tables (a foreign partition is not scanned).
    fn storage<'a>(&'a self, t: &'a Table) -> Vec<&'a Table> {
        if t.kind == 'r' {
            return vec![t];
        }
        let mut out: Vec<&Table> = self
            .tables
            .iter()
            .filter(|c| c.parent == t.oid)
            .flat_map(|c| self.storage(c))
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// A FROM item (aliased) for the rows of `t`, with the columns `cols` (SQL text).
    fn rows_of(&self, t: &Table, cols: &str) -> String {
        let parts: Vec<String> = self
            .storage(t)
            .iter()
            .map(|s| format!("SELECT {cols} FROM ONLY {}", s.name))
            .collect();
        if parts.is_empty() {
            format!("(SELECT {cols} FROM ONLY {} WHERE false) AS rows", t.name)
        } else {
            format!("({}) AS rows", parts.join(" UNION ALL "))
        }
    }

    /// The populator's input: one JSON object per table, in population order.
    fn plan(&self) -> String {
        let mut items = Vec::new();
        for i in self.order() {
            let t = &self.tables[i];
            let cols: Vec<&Column> = t.cols.iter().filter(|c| !c.skip).collect();
            let (bounds, keys) = self.partition_values(t);
            let cands: Vec<String> = cols
                .iter()
                .map(|c| {
                    let pairs = self.column_candidates(
                        t,
                        c,
                        bounds.get(&c.name).map_or(&[][..], Vec::as_slice),
                    );
                    json_array(
                        pairs
                            .iter()
                            .map(|(a, b)| json_array([json_str(a), json_str(b)])),
                    )
                })
                .collect();
            let domains: Vec<String> = cols
                .iter()
                .map(|c| json_array(self.domains(c.ty).into_iter().map(|d| json_str(&d))))
                .collect();
            items.push(format!(
                "{{\"t\": {}, \"count\": {}, \"replica\": {}, \"cols\": {}, \"keys\": {}, \"domains\": {}, \"cands\": {}}}",
                json_str(&t.name),
                json_str(&format!("SELECT count(*) FROM {}", self.rows_of(t, ""))),
                t.triggers,
                json_array(cols.iter().map(|c| json_str(&c.name))),
                json_array(keys.iter().map(|k| json_str(k))),
                json_array(domains),
                json_array(cands)
            ));
        }
        format!("[\n{}\n]", items.join(",\n"))
    }

    /// The domains a column's type goes through (`schema.name`, as errors name them).
    fn domains(&self, mut ty: u32) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(t) = self.types.get(&ty).filter(|t| t.typtype == 'd') {
            out.push(format!("{}.{}", t.schema, t.name));
            ty = t.base;
        }
        out
    }

    /// Literal values for the partition key columns of `t` (from its bound and its
    /// ancestors' bounds, and for a partitioned table its partitions' bounds), by column;
    /// and every partition key column (a row outside the bounds is their fault).
    fn partition_values(&self, t: &Table) -> (BTreeMap<String, Vec<Pair>>, BTreeSet<String>) {
        let mut values: BTreeMap<String, Vec<Pair>> = BTreeMap::new();
        let mut keys = BTreeSet::new();
        let add = |bound: &str, key: &[String], values: &mut BTreeMap<String, Vec<Pair>>| {
            for (i, pairs) in bound_values(bound, key.len()).into_iter().enumerate() {
                if let Some(k) = key.get(i).filter(|k| !k.is_empty()) {
                    values.entry(k.clone()).or_default().extend(pairs);
                }
            }
        };
        // The table's own bound, then its ancestors'.
        let mut child = t;
        while let Some(parent) = self.table(child.parent) {
            add(&child.bound, &parent.key, &mut values);
            keys.extend(parent.key.iter().filter(|k| !k.is_empty()).cloned());
            child = parent;
        }
        if t.kind == 'p' {
            keys.extend(t.key.iter().filter(|k| !k.is_empty()).cloned());
            for p in self.tables.iter().filter(|p| p.parent == t.oid) {
                add(&p.bound, &t.key, &mut values);
            }
        }
        (values, keys)
    }

    /// The candidate pairs of one column, as SQL expressions, best first.
    fn column_candidates(&self, t: &Table, c: &Column, bounds: &[Pair]) -> Vec<Pair> {
        let lit = |v: &str| format!("{}::{}", quote_literal(v), c.typed);
        let mut out: Vec<Pair> = Vec::new();
        fn push(out: &mut Vec<Pair>, pair: Pair) {
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
        let null = format!("NULL::{}", c.typed);
        let mut referenced = false;
        let mut self_referenced = false;
        for fk in t.fks.iter().filter(|f| f.cols.contains(&c.name)) {
            if fk.target == t.oid {
                self_referenced = true;
                continue;
            }
            let Some(target) = self.table(fk.target) else {
                continue;
            };
            referenced = true;
            let at = fk.cols.iter().position(|x| x == &c.name).unwrap_or(0);
            let keys = fk
                .target_cols
                .iter()
                .map(|k| quote_ident(k))
                .collect::<Vec<_>>()
                .join(", ");
            let rows = self.rows_of(target, &keys);
            let not_null = fk
                .target_cols
                .iter()
                .map(|k| format!("{} IS NOT NULL", quote_ident(k)))
                .collect::<Vec<_>>()
                .join(" AND ");
            let key = |offset: u32| {
                format!("(SELECT {} FROM {rows} WHERE {not_null} ORDER BY {keys} LIMIT 1 OFFSET {offset})", quote_ident(&fk.target_cols[at]))
            };
            let first = format!("{}::{}", key(0), c.typed);
            push(
                &mut out,
                (
                    first.clone(),
                    format!("coalesce({}, {})::{}", key(1), key(0), c.typed),
                ),
            );
            push(&mut out, (first.clone(), first));
        }
        if referenced {
            push(&mut out, (null.clone(), null));
            return out;
        }
        for (a, b) in bounds {
            push(&mut out, (lit(a), lit(b)));
        }
        if self_referenced && !c.not_null {
            push(&mut out, (null.clone(), null.clone()));
        }
        if c.has_default {
            push(&mut out, ("DEFAULT".to_string(), "DEFAULT".to_string()));
        }
        let typed = self.values(c.ty, 0);
        let mut checks: Vec<&str> = t
            .checks
            .iter()
            .filter(|k| k.cols.contains(&c.name))
            .map(|k| k.def.as_str())
            .collect();
        let mut ty = c.ty;
        while let Some(d) = self.types.get(&ty).filter(|d| d.typtype == 'd') {
            checks.extend(d.checks.iter().map(String::as_str));
            ty = d.base;
        }
        let literals = check_literals(&checks);
        for (a, b) in typed.iter().take(2) {
            push(&mut out, (lit(a), lit(b)));
        }
        for (a, b) in &literals {
            push(&mut out, (lit(a), lit(b)));
        }
        for (a, b) in typed.iter().skip(2) {
            push(&mut out, (lit(a), lit(b)));
        }
        push(&mut out, (null.clone(), null));
        out
    }

    /// Text values of a type, pairs for row 1 and row 2, best first (casts may still fail:
    /// the populator drops those).
    fn values(&self, oid: u32, depth: usize) -> Vec<Pair> {
        let Some(t) = self.types.get(&oid) else {
            return Vec::new();
        };
        if depth > 4 {
            return Vec::new();
        }
        let pairs = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        let inner = |of: u32| {
            self.values(of, depth + 1)
                .into_iter()
                .take(3)
                .collect::<Vec<_>>()
        };
        match t.typtype {
            'd' => return self.values(t.base, depth + 1),
            'e' => {
                let l = &t.labels;
                let mut out = Vec::new();
                if l.len() >= 2 {
                    out.push((l[0].clone(), l[1].clone()));
                }
                out.extend(l.iter().map(|x| (x.clone(), x.clone())));
                return out;
            }
            'c' => {
                let fields: Vec<Vec<Pair>> =
                    t.attrs.iter().map(|a| self.values(*a, depth + 1)).collect();
                let row = |pick: fn(&Pair) -> &String| {
                    format!(
                        "({})",
                        fields
                            .iter()
                            .map(|f| f.first().map_or(String::new(), |p| quote_element(pick(p))))
                            .collect::<Vec<_>>()
                            .join(",")
                    )
                };
                let empty = format!("({})", ",".repeat(t.attrs.len().saturating_sub(1)));
                return vec![(row(|p| &p.0), row(|p| &p.1)), (empty.clone(), empty)];
            }
            'r' => {
                let mut out: Vec<Pair> = inner(t.subtype)
                    .iter()
                    .map(|(a, b)| {
                        (
                            format!("[{0},{0}]", quote_element(a)),
                            format!("[{0},{0}]", quote_element(b)),
                        )
                    })
                    .collect();
                out.push(("empty".to_string(), "empty".to_string()));
                return out;
            }
            'm' => {
                return self
                    .values(t.range, depth + 1)
                    .into_iter()
                    .map(|(a, b)| (format!("{{{a}}}"), format!("{{{b}}}")))
                    .collect();
            }
            _ => {}
        }
        if t.elem != 0 {
            let mut out: Vec<Pair> = inner(t.elem)
                .iter()
                .map(|(a, b)| {
                    (
                        format!("{{{}}}", quote_element(a)),
                        format!("{{{}}}", quote_element(b)),
                    )
                })
                .collect();
            out.push(("{}".to_string(), "{}".to_string()));
            return out;
        }
        let numbers: &[(&str, &str)] = &[
            ("1", "2"),
            ("10", "20"),
            ("100", "200"),
            ("0", "0"),
            ("-1", "-2"),
            ("0.5", "1.5"),
        ];
        match t.name.as_str() {
            "bool" => pairs(&[("true", "false"), ("true", "true"), ("false", "false")]),
            "int2" | "int4" | "int8" | "numeric" | "float4" | "float8" | "money" | "oid" => {
                pairs(numbers)
            }
            "bpchar" if t.typmod == 5 => pairs(&[("1", "2"), ("a", "b"), ("Y", "N"), ("A", "B")]),
            "text" | "varchar" | "bpchar" | "name" | "citext" => pairs(&[
                ("1", "2"),
                ("a", "b"),
                ("A", "B"),
                ("x1@example.com", "x2@example.com"),
                ("", ""),
            ]),
            "char" => pairs(&[("a", "b"), ("1", "2")]),
            "date" => pairs(&[("2020-01-01", "2020-01-02"), ("2030-06-01", "2030-06-02")]),
            "timestamp" => pairs(&[
                ("2020-01-01 10:00:00", "2020-01-02 10:00:00"),
                ("2030-06-01 10:00:00", "2030-06-02 10:00:00"),
            ]),
            "timestamptz" => pairs(&[
                ("2020-01-01 10:00:00+00", "2020-01-02 10:00:00+00"),
                ("2030-06-01 10:00:00+00", "2030-06-02 10:00:00+00"),
            ]),
            "time" => pairs(&[("10:00:00", "11:00:00")]),
            "timetz" => pairs(&[("10:00:00+00", "11:00:00+00")]),
            "interval" => pairs(&[("1 day", "2 days"), ("1 hour", "2 hours")]),
            "uuid" => pairs(&[(
                "00000000-0000-4000-8000-000000000001",
                "00000000-0000-4000-8000-000000000002",
            )]),
            "json" | "jsonb" => pairs(&[
                (r#"{"n": 1}"#, r#"{"n": 2}"#),
                ("{}", "{}"),
                ("[]", "[]"),
                ("1", "2"),
            ]),
            "inet" => pairs(&[("192.0.2.1", "192.0.2.2")]),
            "cidr" => pairs(&[("192.0.2.0/24", "198.51.100.0/24")]),
            "macaddr" => pairs(&[("08:00:2b:01:02:01", "08:00:2b:01:02:02")]),
            "macaddr8" => pairs(&[("08:00:2b:01:02:03:04:01", "08:00:2b:01:02:03:04:02")]),
            "bytea" => pairs(&[(r"\x01", r"\x02"), ("", "")]),
            "bit" | "varbit" => pairs(&[("1", "0"), ("0", "1"), ("1", "1")]),
            "tsvector" | "tsquery" => pairs(&[("a", "b")]),
            "xml" => pairs(&[("<a>1</a>", "<a>2</a>")]),
            "point" => pairs(&[("(1,1)", "(2,2)")]),
            "lseg" | "box" => pairs(&[("(0,0),(1,1)", "(0,0),(2,2)")]),
            "path" => pairs(&[("[(0,0),(1,1)]", "[(0,0),(2,2)]")]),
            "polygon" => pairs(&[("((0,0),(1,1),(1,0))", "((0,0),(2,2),(2,0))")]),
            "circle" => pairs(&[("<(0,0),1>", "<(0,0),2>")]),
            "line" => pairs(&[("{1,-1,0}", "{1,-1,1}")]),
            "pg_lsn" => pairs(&[("0/1", "0/2")]),
            "regclass" => pairs(&[("pg_catalog.pg_class", "pg_catalog.pg_type")]),
            _ => match t.category {
                'N' if !t.name.starts_with("reg") => pairs(numbers),
                'S' => pairs(&[("1", "2"), ("a", "b"), ("", "")]),
                'B' => pairs(&[("true", "false")]),
                'D' => pairs(&[("2020-01-01", "2020-01-02")]),
                'T' => pairs(&[("1 day", "2 days")]),
                'I' => pairs(&[("192.0.2.1", "192.0.2.2")]),
                _ => pairs(&[("1", "2"), ("a", "b"), ("", "")]),
            },
        }
    }
}

/// Values of each key column (by position) that a partition bound admits: the lower bound
/// of a range (and the next integer when it is below the upper one), the list of a list
/// partition, small integers for a hash partition (one of them lands in it); pairs for row
/// 1 and row 2.
fn bound_values(bound: &str, columns: usize) -> Vec<Vec<Pair>> {
    let tokens = tokens(bound);
    let groups = paren_groups(&tokens);
    let word = |w: &str| {
        tokens
            .iter()
            .any(|t| matches!(t, Token::Word(x) if x.eq_ignore_ascii_case(w)))
    };
    let mut out = vec![Vec::new(); columns.max(1)];
    if word("IN") {
        let values: Vec<String> = groups
            .first()
            .map(|g| g.iter().filter_map(Token::value).collect())
            .unwrap_or_default();
        if values.len() >= 2 {
            out[0].push((values[0].clone(), values[1].clone()));
        }
        out[0].extend(values.iter().map(|v| (v.clone(), v.clone())));
    } else if word("FROM") && groups.len() >= 2 {
        for (i, slot) in out.iter_mut().enumerate() {
            let lower = groups[0].get(i).and_then(Token::value);
            let upper = groups[1].get(i).and_then(Token::value);
            let int = |v: &Option<String>| v.as_ref().and_then(|v| v.parse::<i64>().ok());
            match (&lower, int(&lower), int(&upper)) {
                (Some(l), Some(lo), Some(hi)) if lo + 1 < hi => {
                    slot.extend([(l.clone(), (lo + 1).to_string()), (l.clone(), l.clone())])
                }
                (Some(l), _, _) => slot.push((l.clone(), l.clone())),
                (None, _, Some(hi)) => slot.push(((hi - 1).to_string(), (hi - 1).to_string())),
                (None, _, None) => {}
            }
        }
    } else if word("WITH") {
        out[0].extend((1..=12).map(|n| (n.to_string(), n.to_string())));
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Str(String),
    Num(String),
    Word(String),
    Open,
    Close,
    Other(char),
}

impl Token {
    /// The value a literal token stands for (not MINVALUE, MAXVALUE or NULL).
    fn value(&self) -> Option<String> {
        match self {
            Token::Str(s) | Token::Num(s) => Some(s.clone()),
            Token::Word(_) | Token::Open | Token::Close | Token::Other(_) => None,
        }
    }
}

/// A rough scan of SQL text: string literals (unescaped), numbers, words, parentheses, other
/// characters one by one (whitespace left out).
fn tokens(sql: &str) -> Vec<Token> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            let mut s = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        s.push('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                s.push(chars[i]);
                i += 1;
            }
            i += 1;
            out.push(Token::Str(s));
        } else if c.is_ascii_digit()
            || (c == '-'
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && !matches!(
                    out.last(),
                    Some(Token::Num(_) | Token::Word(_) | Token::Str(_) | Token::Close)
                ))
        {
            let start = i;
            i += 1;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            out.push(Token::Num(chars[start..i].iter().collect()));
        } else if c.is_alphabetic() || c == '_' || c == '"' {
            let start = i;
            if c == '"' {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len()
                    && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$')
                {
                    i += 1;
                }
            }
            out.push(Token::Word(
                chars[start..i.min(chars.len())].iter().collect(),
            ));
        } else {
            if !c.is_whitespace() {
                out.push(match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    c => Token::Other(c),
                });
            }
            i += 1;
        }
    }
    out
}

/// The comma-separated items of each top-level parenthesised group (an item is its first
/// token).
fn paren_groups(tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut groups = Vec::new();
    let mut depth = 0;
    let mut current: Vec<Token> = Vec::new();
    let mut item_start = true;
    for t in tokens {
        match t {
            Token::Open => {
                depth += 1;
                if depth == 1 {
                    current = Vec::new();
                    item_start = true;
                }
            }
            Token::Close => {
                depth -= 1;
                if depth == 0 {
                    groups.push(std::mem::take(&mut current));
                }
            }
            Token::Other(',') if depth == 1 => item_start = true,
            Token::Str(_) | Token::Num(_) | Token::Word(_) | Token::Other(_) => {
                if depth == 1 && item_start {
                    current.push(t.clone());
                    item_start = false;
                }
            }
        }
    }
    groups
}

/// Values taken from CHECK constraint definitions: strings that their patterns match (`~`
/// regular expressions, `~~` LIKE), their literals, and for a number its neighbours (`x >
/// 10` wants 11); pairs for row 1 and row 2, two different literals first.
fn check_literals(defs: &[&str]) -> Vec<Pair> {
    let mut values: Vec<String> = Vec::new();
    let mut matching: Vec<Pair> = Vec::new();
    for def in defs {
        let tokens = tokens(def);
        for (i, t) in tokens.iter().enumerate() {
            let Some(v) = t.value() else { continue };
            let op: String = tokens[..i]
                .iter()
                .rev()
                .map_while(|t| {
                    if let Token::Other(c) = t {
                        Some(*c)
                    } else {
                        None
                    }
                })
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let example = |n: usize| match op.as_str() {
                "~" | "~*" => regex_example(&v, n),
                "~~" | "~~*" => Some(like_example(&v, n)),
                _ => None,
            };
            if let (Some(a), Some(b)) = (example(1), example(2)) {
                matching.push((a, b));
            }
            let mut found = vec![v.clone()];
            if let Ok(n) = v.parse::<i64>() {
                found.extend([(n + 1).to_string(), (n - 1).to_string()]);
            } else if let Ok(x) = v.parse::<f64>() {
                found.extend([(x + 1.0).to_string(), (x - 1.0).to_string()]);
            }
            for f in found {
                if !values.contains(&f) {
                    values.push(f);
                }
            }
        }
    }
    values.truncate(12);
    let mut out = matching;
    if values.len() >= 2 {
        out.push((values[0].clone(), values[1].clone()));
    }
    out.extend(values.iter().map(|v| (v.clone(), v.clone())));
    out
}

/// A string a LIKE pattern matches (`_` as `x` or `y`, `%` as nothing).
fn like_example(pattern: &str, variant: usize) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => {}
            '_' => out.push(if variant == 1 { 'x' } else { 'y' }),
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// A string that a simple regular expression matches: literals, `.`, bracket expressions,
/// `\d` `\w` `\s`, groups (the first alternative), quantifiers (their least count), anchors;
/// `variant` takes another member of each class (row 2 differs from row 1 where it can).
/// None where the expression is beyond this (back references, lookaheads, ...).
fn regex_example(re: &str, variant: usize) -> Option<String> {
    let c: Vec<char> = re.chars().collect();
    let mut pos = 0;
    let s = regex_alternatives(&c, &mut pos, variant)?;
    (pos == c.len()).then_some(s)
}

fn regex_alternatives(c: &[char], pos: &mut usize, v: usize) -> Option<String> {
    let first = regex_sequence(c, pos, v)?;
    while c.get(*pos) == Some(&'|') {
        *pos += 1;
        regex_sequence(c, pos, v)?;
    }
    Some(first)
}

fn regex_sequence(c: &[char], pos: &mut usize, v: usize) -> Option<String> {
    let mut out = String::new();
    while let Some(&ch) = c.get(*pos) {
        if ch == '|' || ch == ')' {
            break;
        }
        *pos += 1;
        let atom = match ch {
            '^' | '$' => continue,
            '(' => {
                if c.get(*pos) == Some(&'?') {
                    return None;
                }
                let inner = regex_alternatives(c, pos, v)?;
                if c.get(*pos) != Some(&')') {
                    return None;
                }
                *pos += 1;
                inner
            }
            '[' => regex_class(c, pos, v)?.to_string(),
            '.' => "a".to_string(),
            '\\' => {
                let e = *c.get(*pos)?;
                *pos += 1;
                match e {
                    'd' => char::from(b'0' + (v % 10) as u8).to_string(),
                    'w' => "a".to_string(),
                    's' => " ".to_string(),
                    e if e.is_ascii_alphanumeric() => return None,
                    e => e.to_string(),
                }
            }
            '*' | '+' | '?' | '{' => return None,
            ch => ch.to_string(),
        };
        let times = match c.get(*pos) {
            Some('*') | Some('?') => {
                *pos += 1;
                0
            }
            Some('+') => {
                *pos += 1;
                1
            }
            Some('{') => {
                let close = c[*pos..].iter().position(|x| *x == '}')? + *pos;
                let n: String = c[*pos + 1..close]
                    .iter()
                    .take_while(|x| x.is_ascii_digit())
                    .collect();
                *pos = close + 1;
                n.parse().ok()?
            }
            _ => 1,
        };
        if c.get(*pos).is_some_and(|x| *x == '?') {
            *pos += 1; // lazy
        }
        for _ in 0..times {
            out.push_str(&atom);
        }
    }
    Some(out)
}

/// One character a bracket expression admits (`[A-Z]`, `[^@]`, `[[:digit:]]`, ...), the
/// `v`-th where there is a choice.
fn regex_class(c: &[char], pos: &mut usize, v: usize) -> Option<char> {
    let negated = c.get(*pos) == Some(&'^');
    if negated {
        *pos += 1;
    }
    let mut members: Vec<char> = Vec::new();
    let mut first = true;
    loop {
        let ch = *c.get(*pos)?;
        *pos += 1;
        if ch == ']' && !first {
            break;
        }
        first = false;
        if ch == '[' && c.get(*pos) == Some(&':') {
            let close = c[*pos..].iter().position(|x| *x == ']')? + *pos;
            let name: String = c[*pos + 1..close.saturating_sub(1)].iter().collect();
            *pos = close + 1;
            members.extend(match name.as_str() {
                "digit" => ('0'..='9').collect::<Vec<_>>(),
                "upper" => ('A'..='Z').collect(),
                "space" => vec![' '],
                "lower" | "alpha" | "alnum" | "word" => ('a'..='z').collect(),
                _ => ('a'..='z').collect(),
            });
        } else if c.get(*pos) == Some(&'-') && c.get(*pos + 1).is_some_and(|x| *x != ']') {
            let end = c[*pos + 1];
            *pos += 2;
            members.extend(ch..=end);
        } else if ch == '\\' {
            members.push(*c.get(*pos)?);
            *pos += 1;
        } else {
            members.push(ch);
        }
    }
    if negated {
        let pool: Vec<char> = ('a'..='z')
            .chain('0'..='9')
            .filter(|x| !members.contains(x))
            .collect();
        return pool.get(v.saturating_sub(1)).or(pool.first()).copied();
    }
    members
        .get(v.saturating_sub(1))
        .or(members.first())
        .copied()
}

/// A value inside an array, composite or range literal: always double-quoted.
fn quote_element(v: &str) -> String {
    format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn quote_literal(v: &str) -> String {
    format!("'{}'", v.replace('\'', "''"))
}

pub fn quote_ident(v: &str) -> String {
    format!("\"{}\"", v.replace('"', "\"\""))
}

pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn json_array<I: IntoIterator<Item = String>>(items: I) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(", "))
}

/// The populator: `pgdd_fill` fills one table (NULL, or why it could not), `pgdd_populate`
/// goes over the plan in passes and prints, per table, `name U+001F rows U+001F last error`.
const FILL: &str = r#"
CREATE FUNCTION pg_temp.pgdd_fill(t jsonb) RETURNS text LANGUAGE plpgsql AS $fill$
DECLARE
  tbl text := t ->> 't';
  counted bigint;
  cols text[] := ARRAY(SELECT jsonb_array_elements_text(t -> 'cols'));
  n int := jsonb_array_length(t -> 'cols');
  cands jsonb := '[]';
  kept jsonb;
  cand jsonb;
  pos int[];
  moved int[];
  rows_wanted int;
  replica boolean;
  clashes int;
  defaults_gone boolean;
  changed boolean;
  ins text;
  vals text[];
  st text; msg text; cn text; coln text; sn text; tn text; dn text;
  last text;
  blame text[];
  best int;
BEGIN
  -- Candidates whose values the column does not accept (a domain CHECK, a number out of
  -- range, text that is no valid value of the type) go first.
  FOR i IN 1 .. n LOOP
    kept := '[]';
    FOR cand IN SELECT value FROM jsonb_array_elements(t -> 'cands' -> (i - 1)) LOOP
      IF cand ->> 0 <> 'DEFAULT' THEN
        BEGIN
          EXECUTE format('SELECT %s, %s', cand ->> 0, cand ->> 1);
        EXCEPTION WHEN OTHERS THEN
          CONTINUE;
        END;
      END IF;
      kept := kept || jsonb_build_array(cand);
    END LOOP;
    IF jsonb_array_length(kept) = 0 THEN
      kept := '[["DEFAULT", "DEFAULT"]]';
    END IF;
    cands := cands || jsonb_build_array(kept);
  END LOOP;

  FOR stage IN 0 .. 3 LOOP
    replica := stage >= 2;
    rows_wanted := 2 - stage % 2;
    CONTINUE WHEN replica AND NOT (t ->> 'replica')::boolean;
    pos := array_fill(1, ARRAY[n]);
    moved := array_fill(0, ARRAY[n]);
    clashes := 0;
    defaults_gone := false;
    FOR attempt IN 1 .. 80 LOOP
      IF n > 0 THEN
        vals := '{}';
        FOR r IN 1 .. rows_wanted LOOP
          vals := vals || ('(' || (SELECT string_agg(cands -> (k - 1) -> (pos[k] - 1) ->> (r - 1), ', ' ORDER BY k) FROM generate_series(1, n) k) || ')');
        END LOOP;
        ins := format('INSERT INTO %s (%s) VALUES %s', tbl,
                      (SELECT string_agg(quote_ident(c), ', ' ORDER BY o) FROM unnest(cols) WITH ORDINALITY u(c, o)),
                      array_to_string(vals, ', '));
      ELSE
        ins := format('INSERT INTO %s SELECT FROM generate_series(1, %s)', tbl, rows_wanted);
      END IF;
      BEGIN
        PERFORM set_config('session_replication_role', CASE WHEN replica THEN 'replica' ELSE 'origin' END, true);
        EXECUTE ins;
        EXECUTE t ->> 'count' INTO counted;
        IF counted = 0 THEN
          RAISE EXCEPTION USING ERRCODE = 'PD001', MESSAGE = 'the INSERT left the table empty (a rule or a trigger)';
        END IF;
        PERFORM set_config('session_replication_role', 'origin', true);
        RETURN NULL;
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, cn = CONSTRAINT_NAME,
                                coln = COLUMN_NAME, sn = SCHEMA_NAME, tn = TABLE_NAME, dn = PG_DATATYPE_NAME;
      END;
      last := format('%s [%s]', msg, st);
      -- Which columns are at fault?
      blame := '{}';
      IF st = '23502' AND coln <> '' THEN
        blame := ARRAY[coln];
      ELSIF dn <> '' THEN
        blame := ARRAY(SELECT cols[k] FROM generate_series(1, n) k WHERE t -> 'domains' -> (k - 1) ? (sn || '.' || dn));
      ELSIF cn <> '' AND tn <> '' THEN
        blame := ARRAY(SELECT a.attname::text FROM pg_catalog.pg_constraint con
                       JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
                       WHERE con.conrelid = to_regclass(format('%I.%I', sn, tn)) AND con.conname = cn);
        IF blame = '{}' THEN
          blame := ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index x
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey::int2[])
                         WHERE x.indexrelid = to_regclass(format('%I.%I', sn, cn)));
        END IF;
        IF blame = '{}' THEN
          blame := cols;   -- an expression: any column may be at fault
        END IF;
      ELSIF st = '23514' THEN
        blame := ARRAY(SELECT jsonb_array_elements_text(t -> 'keys'));   -- no partition takes the row
      END IF;
      IF st IN ('23505', '23P01') AND rows_wanted = 2 THEN
        clashes := clashes + 1;
        EXIT WHEN clashes > 4;   -- the two rows clash: one row
      END IF;
      best := NULL;
      FOR k IN 1 .. n LOOP
        IF cols[k] = ANY (blame) AND pos[k] < jsonb_array_length(cands -> (k - 1)) AND (best IS NULL OR moved[k] < moved[best]) THEN
          best := k;
        END IF;
      END LOOP;
      IF best IS NOT NULL THEN
        pos[best] := pos[best] + 1;
        moved[best] := moved[best] + 1;
        CONTINUE;
      END IF;
      EXIT WHEN defaults_gone OR blame <> '{}';
      -- An error that names no column (a default or a trigger that raises): values instead
      -- of the defaults.
      defaults_gone := true;
      changed := false;
      FOR k IN 1 .. n LOOP
        IF cands -> (k - 1) -> (pos[k] - 1) ->> 0 = 'DEFAULT' AND pos[k] < jsonb_array_length(cands -> (k - 1)) THEN
          pos[k] := pos[k] + 1;
          changed := true;
        END IF;
      END LOOP;
      EXIT WHEN NOT changed;
    END LOOP;
  END LOOP;
  RETURN coalesce(last, 'nothing to try');
END
$fill$;

CREATE FUNCTION pg_temp.pgdd_populate(plan jsonb) RETURNS SETOF text LANGUAGE plpgsql AS $populate$
DECLARE
  t jsonb;
  why jsonb := '{}';
  progress boolean;
  r text;
  cnt bigint;
BEGIN
  FOR pass IN 1 .. 4 LOOP
    progress := false;
    FOR t IN SELECT e.value FROM jsonb_array_elements(plan) WITH ORDINALITY e(value, o) ORDER BY e.o LOOP
      EXECUTE t ->> 'count' INTO cnt;
      CONTINUE WHEN cnt > 0;
      r := pg_temp.pgdd_fill(t);
      IF r IS NULL THEN
        progress := true;
        why := why - (t ->> 't');
      ELSE
        why := why || jsonb_build_object(t ->> 't', r);
      END IF;
    END LOOP;
    EXIT WHEN NOT progress;
  END LOOP;
  FOR t IN SELECT e.value FROM jsonb_array_elements(plan) WITH ORDINALITY e(value, o) ORDER BY e.o LOOP
    EXECUTE t ->> 'count' INTO cnt;
    RETURN NEXT concat_ws(chr(31), t ->> 't', cnt, coalesce(why ->> (t ->> 't'), ''));
  END LOOP;
END
$populate$;
"#;

#[test]
fn values_from_bounds_and_patterns() {
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        bound_values("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", 1),
        vec![vec![pair("2024-01-01", "2024-01-01")]]
    );
    assert_eq!(
        bound_values("FOR VALUES FROM (0, 'a') TO (1000, 'b')", 2),
        vec![vec![pair("0", "1"), pair("0", "0")], vec![pair("a", "a")]]
    );
    assert_eq!(
        bound_values("FOR VALUES FROM (MINVALUE) TO (10)", 1),
        vec![vec![pair("9", "9")]]
    );
    assert_eq!(
        bound_values("FOR VALUES IN ('a', 'it''s')", 1),
        vec![vec![
            pair("a", "it's"),
            pair("a", "a"),
            pair("it's", "it's")
        ]]
    );
    assert_eq!(bound_values("DEFAULT", 1), vec![Vec::<Pair>::new()]);
    assert_eq!(
        regex_example("^[A-Z]{3}-[0-9]+$", 1).as_deref(),
        Some("AAA-0")
    );
    assert_eq!(
        regex_example("^[A-Z]{3}-[0-9]+$", 2).as_deref(),
        Some("BBB-1")
    );
    assert_eq!(
        regex_example(r"^[^@\s]+@[^@]+\.[a-z]{2,}$", 1).as_deref(),
        Some("a@a.aa")
    );
    assert_eq!(
        regex_example(r"^(foo|bar)\d*[[:upper:]]?x$", 1).as_deref(),
        Some("foox")
    );
    assert_eq!(regex_example("(?=x)", 1), None);
    assert_eq!(like_example("AB%_", 1), "ABx");
    assert_eq!(
        check_literals(&["CHECK ((sku ~ '^[A-Z]{2}$'::text) AND (n > 10))"]),
        vec![
            pair("AA", "BB"),
            pair("^[A-Z]{2}$", "10"),
            pair("^[A-Z]{2}$", "^[A-Z]{2}$"),
            pair("10", "10"),
            pair("11", "11"),
            pair("9", "9")
        ]
    );
}
