//! A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temp dir, listening only on
//! a unix socket there. As root, the server runs as the `postgres` OS user (PostgreSQL
//! refuses to run as root). Missing binaries fail loudly with the install command.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const INSTALL: &str = "apt-get install -y postgresql-15   (Debian/Ubuntu; the tests need initdb, pg_ctl, psql and pg_dump)";

pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    next_db: AtomicUsize,
}

fn bindir() -> PathBuf {
    if let Ok(dir) = std::env::var("PG_BINDIR") {
        return PathBuf::from(dir);
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return dir;
        }
    }
    for v in ["18", "17", "16", "15"] {
        let dir = PathBuf::from(format!("/usr/lib/postgresql/{v}/bin"));
        if dir.join("initdb").exists() {
            return dir;
        }
    }
    panic!("PostgreSQL server binaries not found (no pg_config --bindir, no /usr/lib/postgresql/*/bin). Install them: {INSTALL}");
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.arg("-u").arg("postgres").arg("--").arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn check(what: &str, out: std::io::Result<Output>) -> Output {
    let out = out.unwrap_or_else(|e| panic!("{what}: cannot run: {e}. Install: {INSTALL}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl Cluster {
    pub fn start() -> Cluster {
        let bin = bindir();
        // Tests run in parallel threads of one process: each cluster gets its own dir and port.
        static CLUSTERS: AtomicUsize = AtomicUsize::new(0);
        let n = CLUSTERS.fetch_add(1, Ordering::SeqCst) as u32;
        let base = std::env::temp_dir().join(format!("pgdumpdiff-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&base).expect("temp dir");
        if is_root() {
            check(
                "chown",
                Command::new("chown")
                    .arg("postgres:postgres")
                    .arg(&base)
                    .output(),
            );
        }
        let port = 20000 + ((std::process::id() * 8 + n) % 20000) as u16;
        let data = base.join("data");
        check(
            "initdb",
            as_server_user(&bin.join("initdb"))
                .args([
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                    "-D",
                ])
                .arg(&data)
                .current_dir(&base)
                .output(),
        );
        let conf = format!(
            "listen_addresses = ''\nport = {port}\nunix_socket_directories = '{}'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nautovacuum = off\nmax_locks_per_transaction = 1024\njit = off\n",
            base.display()
        );
        let mut existing =
            std::fs::read_to_string(data.join("postgresql.conf")).unwrap_or_default();
        existing.push_str(&conf);
        std::fs::write(data.join("postgresql.conf"), existing).expect("postgresql.conf");
        check(
            "pg_ctl start",
            as_server_user(&bin.join("pg_ctl"))
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(base.join("server.log"))
                .args(["-w", "-t", "60", "start"])
                .current_dir(&base)
                .output(),
        );
        Cluster {
            dir: base,
            bin,
            port,
            next_db: AtomicUsize::new(0),
        }
    }

    fn client(&self, program: &str) -> Command {
        let mut c = Command::new(self.bin.join(program));
        c.env("PGHOST", &self.dir)
            .env("PGPORT", self.port.to_string())
            .env("PGUSER", "postgres");
        c.env_remove("PGDATABASE")
            .env_remove("PGSERVICE")
            .env_remove("PGPASSWORD");
        c
    }

    /// The environment that points libpq clients (psql, pg_dump) at this cluster.
    pub fn client_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("PGHOST", self.dir.display().to_string()),
            ("PGPORT", self.port.to_string()),
            ("PGUSER", "postgres".to_string()),
        ]
    }

    /// The directory of the server's client programs (psql, pg_dump).
    pub fn bin_dir(&self) -> &Path {
        &self.bin
    }

    /// A connection URI for database `db` of this cluster.
    pub fn uri(&self, db: &str) -> String {
        format!(
            "postgresql:///{db}?host={}&port={}&user=postgres",
            self.dir.display(),
            self.port
        )
    }

    /// A new empty database named `name`.
    pub fn create_db_named(&self, name: &str) {
        self.psql(
            "postgres",
            &format!("CREATE DATABASE {name} TEMPLATE template0"),
            false,
        )
        .expect("CREATE DATABASE");
    }

    /// A new empty database; returns its name.
    pub fn create_db(&self) -> String {
        let name = format!("t{}", self.next_db.fetch_add(1, Ordering::SeqCst));
        // FILE_COPY: a copy of template0's files, faster here than WAL_LOG (which writes the
        // whole template to the WAL) with fsync off.
        self.psql(
            "postgres",
            &format!("CREATE DATABASE {name} TEMPLATE template0 STRATEGY FILE_COPY"),
            false,
        )
        .expect("CREATE DATABASE");
        name
    }

    pub fn drop_db(&self, name: &str) {
        let _ = self.psql(
            "postgres",
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            false,
        );
    }

    /// Runs SQL text in `db` (stops at the first error); `single_tx` wraps it in one
    /// transaction. Returns psql's stderr on failure.
    pub fn psql(&self, db: &str, sql: &str, single_tx: bool) -> Result<(), String> {
        let file = self.dir.join(format!(
            "run-{}.sql",
            self.next_db.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::write(&file, sql).expect("write sql");
        let mut c = self.client("psql");
        c.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-f"])
            .arg(&file);
        if single_tx {
            c.arg("-1");
        }
        c.env("PGOPTIONS", "-c client_min_messages=warning");
        let out = c
            .output()
            .unwrap_or_else(|e| panic!("cannot run psql: {e}. Install: {INSTALL}"));
        let _ = std::fs::remove_file(&file);
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// Runs SQL text in `db` (stops at the first error) and returns what its queries print,
    /// unaligned and without headers, one value per record: each query must return one
    /// column, and records are separated by NUL bytes (values may hold newlines).
    pub fn query(&self, db: &str, sql: &str) -> Result<Vec<String>, String> {
        let file = self.dir.join(format!(
            "run-{}.sql",
            self.next_db.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::write(&file, sql).expect("write sql");
        let mut c = self.client("psql");
        c.args([
            "-X",
            "-q",
            "-A",
            "-t",
            "-0",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            db,
            "-f",
        ])
        .arg(&file);
        c.env("PGOPTIONS", "-c client_min_messages=warning");
        let out = c
            .output()
            .unwrap_or_else(|e| panic!("cannot run psql: {e}. Install: {INSTALL}"));
        let _ = std::fs::remove_file(&file);
        if out.status.success() {
            let text = String::from_utf8_lossy(&out.stdout);
            Ok(text
                .split('\0')
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// A path for a file the server writes or reads (`COPY ... TO 'file'`): inside the
    /// cluster's directory, which the server's OS user owns.
    pub fn server_file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// `pg_dump --schema-only` of `db`; without `privileges`, `--no-owner --no-privileges`.
    pub fn dump_with(&self, db: &str, privileges: bool) -> String {
        let mut c = self.client("pg_dump");
        c.arg("--schema-only");
        if !privileges {
            c.args(["--no-owner", "--no-privileges"]);
        }
        let out = check("pg_dump", c.args(["-d", db]).output());
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Loads `sql` into a fresh database and returns its pg_dump without owners and
    /// privileges.
    pub fn dump_of(&self, sql: &str) -> Result<String, String> {
        self.dump_of_with(sql, false)
    }

    /// Loads `sql` into a fresh database and returns its pg_dump (see `dump_with`).
    pub fn dump_of_with(&self, sql: &str, privileges: bool) -> Result<String, String> {
        let db = self.create_db();
        let r = self
            .psql(&db, sql, false)
            .map(|_| self.dump_with(&db, privileges));
        self.drop_db(&db);
        r
    }

    /// Creates each role (NOLOGIN) unless it exists. Roles belong to the cluster, so every
    /// later database sees them.
    pub fn ensure_roles(&self, roles: &[String]) -> Result<(), String> {
        let mut sql = String::new();
        for r in roles {
            let name = format!("\"{}\"", r.replace('"', "\"\""));
            sql.push_str(&format!("DO $roles$ BEGIN CREATE ROLE {name} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $roles$;\n"));
        }
        if sql.is_empty() {
            return Ok(());
        }
        self.psql("postgres", &sql, false)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = as_server_user(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .current_dir(&self.dir)
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A dump without what differs between equal schemas: comments, blank lines, SET lines,
/// `set_config`, `\restrict`. With `sort_columns`, the lines inside each CREATE TABLE are
/// sorted (no ALTER can reorder columns, so column order is not held against a migration).
pub fn normalize(dump: &str, sort_columns: bool) -> String {
    let mut out = Vec::new();
    let mut block: Option<Vec<String>> = None;
    for line in dump.lines() {
        let l = line.trim_end();
        if l.trim().is_empty()
            || l.starts_with("--")
            || (l.starts_with("SET ") && l.ends_with(';'))
            || l.starts_with("SELECT pg_catalog.set_config('search_path'")
            || l.starts_with("\\restrict")
            || l.starts_with("\\unrestrict")
        {
            continue;
        }
        if sort_columns {
            if let Some(b) = block.as_mut() {
                if l.starts_with(')') {
                    let mut b = block.take().unwrap_or_default();
                    b.sort();
                    out.extend(b);
                    out.push(l.to_string());
                } else {
                    b.push(l.trim_end_matches(',').to_string());
                }
                continue;
            }
            if (l.starts_with("CREATE TABLE") || l.starts_with("CREATE UNLOGGED TABLE"))
                && l.ends_with('(')
            {
                out.push(l.to_string());
                block = Some(Vec::new());
                continue;
            }
        }
        out.push(l.to_string());
    }
    out.join("\n")
}
