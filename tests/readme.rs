//! The README's recipes work as written: each ```sh block after a `<!-- recipe: NAME -->`
//! marker runs, unchanged, in bash, in a directory that holds the files it names, with
//! `pgdumpdiff` (the binary under test), `psql` and `pg_dump` on PATH and libpq pointed at a
//! throwaway PostgreSQL holding the databases it names; then what it promises is checked
//! (the database migrated, the downgrade round-tripped, ...). The JSON example of
//! `docs/json.md` is what pgdumpdiff prints for its inputs, and the README's first command
//! runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::pg::Cluster;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each fenced block of `text` after a `<!-- KEY: NAME -->` line, by name.
fn blocks(text: &str, key: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut lines = text.lines();
    let marker = format!("<!-- {key}: ");
    while let Some(line) = lines.next() {
        let Some(name) = line
            .strip_prefix(&marker)
            .and_then(|r| r.strip_suffix(" -->"))
        else {
            continue;
        };
        let fence = lines.next().unwrap_or_default();
        assert!(
            fence.starts_with("```"),
            "a fenced block must follow the {key} marker {name}"
        );
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        out.insert(name.to_string(), format!("{}\n", body.join("\n")));
    }
    out
}

struct Sandbox(PathBuf);

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Sandbox {
    fn new(name: &str) -> Sandbox {
        let p =
            std::env::temp_dir().join(format!("pgdumpdiff-readme-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("tmp");
        Sandbox(p)
    }

    fn write(&self, name: &str, text: &str) {
        let p = self.0.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, text).expect("write");
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// Runs `script` in bash here, with the tools on PATH and libpq pointed at `pg`.
    fn bash(&self, pg: &Cluster, script: &str, env: &[(&str, String)]) -> Output {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
            .parent()
            .expect("bin dir")
            .to_path_buf();
        let path = std::env::var_os("PATH").unwrap_or_default();
        let paths = [bin_dir, pg.bin_dir().to_path_buf()]
            .into_iter()
            .chain(std::env::split_paths(&path));
        let mut c = Command::new("bash");
        c.arg("-c")
            .arg(script)
            .current_dir(&self.0)
            .env("PATH", std::env::join_paths(paths).expect("PATH"))
            .env_remove("NO_COLOR");
        for (k, v) in pg
            .client_env()
            .into_iter()
            .chain(env.iter().map(|(k, v)| (*k, v.clone())))
        {
            c.env(k, v);
        }
        c.output().expect("bash runs")
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Whether the schemas of two SQL texts are the same, by pgdumpdiff (exit 0).
fn same(a: &Path, b: &Path) -> Result<(), String> {
    let o = Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
        .arg("--check")
        .arg(a)
        .arg(b)
        .output()
        .expect("runs");
    if o.status.code() == Some(0) {
        Ok(())
    } else {
        Err(text(&o))
    }
}

/// Production as it is.
const PROD: &str = "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users, total numeric(10,2));
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100::numeric;
";

/// Development: production plus additive changes.
const DEV: &str = "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE orders (id integer PRIMARY KEY, user_id integer REFERENCES users, total numeric(10,2));
CREATE INDEX orders_user_id ON orders (user_id);
CREATE VIEW big_orders AS SELECT id, total, user_id FROM orders WHERE total > 100::numeric;
CREATE TABLE audit (at timestamp with time zone NOT NULL DEFAULT now(), what text);
";

/// What turns PROD into DEV, written by hand.
const PENDING: &str = "ALTER TABLE users ADD COLUMN email text;
CREATE INDEX orders_user_id ON orders (user_id);
CREATE OR REPLACE VIEW big_orders AS SELECT id, total, user_id FROM orders WHERE total > 100::numeric;
CREATE TABLE audit (at timestamp with time zone NOT NULL DEFAULT now(), what text);
";

/// A database named `name` holding `sql`.
fn database(pg: &Cluster, name: &str, sql: &str) {
    pg.create_db_named(name);
    pg.psql(name, sql, true)
        .unwrap_or_else(|e| panic!("{name} does not load: {e}"));
}

#[test]
fn the_readme_recipes_run_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let recipes = blocks(&readme, "recipe");
    let names: Vec<&str> = recipes.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        ["ci", "downgrade", "laptop", "pending", "review", "sync"],
        "every recipe has its check here"
    );
    let pg = Cluster::start();
    let recipe = |name: &str| recipes[name].as_str();
    let mut failures: Vec<String> = Vec::new();
    let mut check = |name: &str, result: Result<(), String>| {
        if let Err(e) = result {
            failures.push(format!("=== recipe {name}:\n{}\n{e}", recipe(name)));
        }
    };

    // Laptop: app_prod migrated to app_dev's schema.
    let s = Sandbox::new("laptop");
    database(&pg, "app_prod", PROD);
    database(&pg, "app_dev", DEV);
    let o = s.bash(&pg, recipe("laptop"), &[]);
    s.write("after.sql", &pg.dump_with("app_prod", false));
    check(
        "laptop",
        if o.status.success() {
            same(&s.0.join("after.sql"), &s.0.join("dev.sql"))
        } else {
            Err(text(&o))
        },
    );

    // Review: the summary of two dumps, and a plan that parses.
    let s = Sandbox::new("review");
    s.write(
        "prod-monday.sql",
        &pg.dump_of(&format!("{PROD}CREATE TABLE legacy (x integer);\n"))
            .expect("loads"),
    );
    s.write("prod-friday.sql", &pg.dump_of(DEV).expect("loads"));
    let o = s.bash(&pg, recipe("review"), &[]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let plan: Result<serde_json::Value, _> = serde_json::from_str(&s.read("plan.json"));
    check(
        "review",
        match (o.status.code(), plan) {
            (Some(3), Ok(p))
                if out.starts_with("Removed (1)\n")
                    && out.contains("Changed (")
                    && out.contains("Added (")
                    && p["summary"]["destructive"] == true =>
            {
                Ok(())
            }
            (code, p) => Err(format!("exit {code:?}, plan {p:?}:\n{}", text(&o))),
        },
    );

    // Sync: the dev database brought to intended.sql.
    let s = Sandbox::new("sync");
    database(&pg, "dev", PROD);
    s.write("intended.sql", DEV);
    let o = s.bash(&pg, recipe("sync"), &[]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    check(
        "sync",
        if o.status.success()
            && out.contains("ALTER TABLE public.users ADD COLUMN email text;")
            && out.ends_with("same: no changes\n")
        {
            Ok(())
        } else {
            Err(text(&o))
        },
    );

    // Pending: the hand-written script does the whole job.
    let s = Sandbox::new("pending");
    s.write("prod.sql", &pg.dump_of(PROD).expect("loads"));
    s.write("pending.sql", PENDING);
    s.write("intended.sql", DEV);
    let o = s.bash(&pg, recipe("pending"), &[]);
    check(
        "pending",
        if o.status.success() && o.stdout.is_empty() {
            Ok(())
        } else {
            Err(text(&o))
        },
    );
    // ... and without its last statement, what remains is that statement.
    s.write(
        "pending.sql",
        &PENDING
            .lines()
            .take(3)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    let o = s.bash(&pg, recipe("pending"), &[]);
    check(
        "pending",
        if o.status.code() == Some(2)
            && String::from_utf8_lossy(&o.stdout).contains("CREATE TABLE public.audit (")
        {
            Ok(())
        } else {
            Err(text(&o))
        },
    );

    // Downgrade: the upgrade and the rollback round-trip on the server.
    let s = Sandbox::new("downgrade");
    s.write("prod.sql", &pg.dump_of(PROD).expect("loads"));
    s.write("dev.sql", &pg.dump_of(DEV).expect("loads"));
    let o = s.bash(&pg, recipe("downgrade"), &[]);
    let round_trip = || -> Result<(), String> {
        // The last command's status: the rollback has something to do.
        if o.status.code() != Some(2) {
            return Err(text(&o));
        }
        let (upgrade, rollback) = (s.read("upgrade.sql"), s.read("rollback.sql"));
        if !rollback.contains("DROP TABLE public.audit;") {
            return Err(format!(
                "the rollback does not drop what the upgrade adds:\n{rollback}"
            ));
        }
        s.write(
            "upgraded.sql",
            &pg.dump_of(&format!("{}\n{upgrade}", s.read("prod.sql")))?,
        );
        s.write(
            "rolled-back.sql",
            &pg.dump_of(&format!("{}\n{rollback}", s.read("dev.sql")))?,
        );
        same(&s.0.join("upgraded.sql"), &s.0.join("dev.sql"))?;
        same(&s.0.join("rolled-back.sql"), &s.0.join("prod.sql"))
    };
    check("downgrade", round_trip());

    // CI: drift is reported with the SQL that fixes it; once applied, the step passes.
    let s = Sandbox::new("ci");
    s.write("db/migrations/001_init.sql", PROD);
    s.write(
        "db/migrations/002_email.sql",
        "ALTER TABLE users ADD COLUMN email text;\n",
    );
    database(&pg, "staging", PROD);
    let env = [("DATABASE_URL", pg.uri("staging"))];
    let o = s.bash(&pg, recipe("ci"), &env);
    let fix = String::from_utf8_lossy(&o.stdout).into_owned();
    let ci = || -> Result<(), String> {
        if o.status.code() != Some(2)
            || !fix.contains("ALTER TABLE public.users ADD COLUMN email text;")
        {
            return Err(format!(
                "drift must fail the step and print the fix:\n{}",
                text(&o)
            ));
        }
        pg.psql("staging", &fix, true)?;
        let again = s.bash(&pg, recipe("ci"), &env);
        if again.status.success() && again.stdout.is_empty() {
            Ok(())
        } else {
            Err(format!("after the fix:\n{}", text(&again)))
        }
    };
    check("ci", ci());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_json_example_in_docs_is_what_pgdumpdiff_prints() {
    let doc = std::fs::read_to_string(root().join("docs/json.md")).expect("docs/json.md");
    let examples = blocks(&doc, "example");
    let s = Sandbox::new("json-doc");
    s.write("a.sql", &examples["a.sql"]);
    s.write("b.sql", &examples["b.sql"]);
    let o = Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
        .args(["--format", "json", "a.sql", "b.sql"])
        .current_dir(&s.0)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        examples["output"],
        "docs/json.md's example output is stale"
    );
}

#[test]
fn the_readme_first_command_and_the_help_examples() {
    // `cargo run --release -- ARGS` runs the binary with ARGS, from the repository root.
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let line = readme
        .lines()
        .find(|l| l.trim_start().starts_with("cargo run --release -- "))
        .expect("the example command");
    let args: Vec<&str> = line
        .trim_start()
        .trim_start_matches("cargo run --release -- ")
        .split_whitespace()
        .collect();
    let o = Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
        .args(&args)
        .current_dir(root())
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(String::from_utf8_lossy(&o.stdout)
        .contains("ALTER TABLE public.jobs DROP COLUMN legacy_code;"));
    assert!(readme.contains("\n    cargo test --release\n"));
    let help = Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
        .arg("--help")
        .output()
        .expect("runs");
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    for example in [
        "pgdumpdiff --format summary",
        "pgdumpdiff - intended.sql",
        "--pending pending.sql",
        "--check --fail-on destructive git:HEAD:",
        "pgdumpdiff --unsafe dev.sql prod.sql",
    ] {
        assert!(help.contains(example), "--help shows {example}:\n{help}");
    }
}
