//! The hooks of `.pre-commit-hooks.yaml`, run by the pre-commit framework the way it runs
//! them for a user: `pre-commit try-repo` clones this repository (uncommitted changes
//! included) and runs a hook in a temporary git repository that keeps its schema as
//! `db/migrations/*.sql` and a snapshot `db/structure.sql`. The hooks run the pgdumpdiff on
//! PATH (`language: system`): the binary under test.
//!
//! The framework is required: without it the test fails and says how to install it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const INSTALL: &str = "pip install pre-commit";

struct Repo {
    dir: PathBuf,
    home: PathBuf,
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

impl Repo {
    fn new(name: &str) -> Repo {
        let base =
            std::env::temp_dir().join(format!("pgdumpdiff-hooks-{}-{name}", std::process::id()));
        let (dir, home) = (base.join("repo"), base.join("pre-commit-home"));
        let _ = std::fs::remove_dir_all(&base);
        std::fs::create_dir_all(&dir).expect("tmp");
        std::fs::create_dir_all(&home).expect("tmp");
        let r = Repo { dir, home };
        r.git(&["init", "-q"]);
        r
    }

    fn git(&self, args: &[&str]) {
        let o = Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(&self.dir)
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", text(&o));
    }

    fn write(&self, name: &str, content: &str) {
        let p = self.dir.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, content).expect("write");
    }

    /// `pre-commit try-repo <this repository> <hook> --all-files` in the temporary repository,
    /// with the binary under test first on PATH.
    fn hook(&self, id: &str) -> Output {
        self.hook_with(id, &[])
    }

    /// `hook`, with more environment (`SKIP=...`).
    fn hook_with(&self, id: &str, env: &[(&str, &str)]) -> Output {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
            .parent()
            .expect("bin dir")
            .to_path_buf();
        let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .expect("PATH");
        let out = Command::new("pre-commit")
            .args([
                "try-repo",
                env!("CARGO_MANIFEST_DIR"),
                id,
                "--all-files",
                "--color",
                "never",
            ])
            .current_dir(&self.dir)
            .env("PATH", path)
            .env("PRE_COMMIT_HOME", &self.home)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("SKIP")
            .envs(env.iter().copied())
            .output();
        match out {
            Ok(o) => o,
            Err(e) => panic!("the pre-commit framework is needed to run the hooks as users do ({e}); install it: {INSTALL}"),
        }
    }
}

const INIT: &str = "CREATE TABLE account (id integer PRIMARY KEY, email text NOT NULL);\n";
const NAME: &str = "ALTER TABLE account ADD COLUMN name text;\n";
/// What `pg_dump --schema-only` writes for the migrations above (a snapshot as Rails and
/// others commit it).
const STRUCTURE: &str = "SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.account (
    id integer NOT NULL,
    email text NOT NULL
);
ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);
";

#[test]
fn the_snapshot_hook_fails_until_the_snapshot_matches_the_migrations() {
    let r = Repo::new("snapshot");
    r.write("db/migrations/001_init.sql", INIT);
    r.write("db/structure.sql", STRUCTURE);
    r.git(&["add", "."]);
    let o = r.hook("pgdumpdiff-snapshot");
    assert!(
        o.status.success(),
        "the snapshot matches the migrations:\n{}",
        text(&o)
    );
    assert!(
        text(&o).contains("schema snapshot matches the migrations") && text(&o).contains("Passed"),
        "{}",
        text(&o)
    );
    r.git(&["commit", "-q", "-m", "init"]);

    // A new migration without the snapshot updated: the hook fails and says what changes.
    r.write("db/migrations/002_name.sql", NAME);
    r.git(&["add", "."]);
    let o = r.hook("pgdumpdiff-snapshot");
    assert!(!o.status.success(), "the snapshot is behind:\n{}", text(&o));
    assert!(
        text(&o).contains("Failed")
            && text(&o).contains("exit code: 2")
            && text(&o)
                .contains("changes: 1 statement on 1 object (1 changed): table public.account"),
        "{}",
        text(&o)
    );

    // The snapshot brought up to date: it passes again.
    r.write(
        "db/structure.sql",
        &STRUCTURE.replace(
            "    email text NOT NULL\n",
            "    email text NOT NULL,\n    name text\n",
        ),
    );
    r.git(&["add", "."]);
    let o = r.hook("pgdumpdiff-snapshot");
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn the_data_loss_hook_passes_additive_changes_and_blocks_drops() {
    let r = Repo::new("no-data-loss");
    r.write("README", "app\n");
    r.git(&["add", "."]);
    r.git(&["commit", "-q", "-m", "start"]);
    // The first snapshot: HEAD has none, which is an error (never an empty schema); the
    // README says to skip the hook for that commit, and pre-commit's SKIP does.
    r.write("db/structure.sql", STRUCTURE);
    r.git(&["add", "."]);
    let o = r.hook("pgdumpdiff-no-data-loss");
    assert!(
        !o.status.success()
            && text(&o).contains("exit code: 1")
            && text(&o).contains("cannot read git:HEAD:db/structure.sql"),
        "{}",
        text(&o)
    );
    let o = r.hook_with(
        "pgdumpdiff-no-data-loss",
        &[("SKIP", "pgdumpdiff-no-data-loss")],
    );
    assert!(
        o.status.success() && text(&o).contains("Skipped"),
        "{}",
        text(&o)
    );
    r.git(&["commit", "-q", "-m", "snapshot"]);

    // Nothing changed, then a column added: both pass.
    let o = r.hook("pgdumpdiff-no-data-loss");
    assert!(o.status.success(), "{}", text(&o));
    r.write(
        "db/structure.sql",
        &STRUCTURE.replace(
            "    email text NOT NULL\n",
            "    email text NOT NULL,\n    name text\n",
        ),
    );
    r.git(&["add", "."]);
    let o = r.hook("pgdumpdiff-no-data-loss");
    assert!(
        o.status.success(),
        "an added column is no data loss:\n{}",
        text(&o)
    );
    r.git(&["commit", "-q", "-m", "name"]);

    // A column dropped from the snapshot: blocked.
    r.write(
        "db/structure.sql",
        STRUCTURE
            .replace(
                "    id integer NOT NULL,\n    email text NOT NULL\n",
                "    id integer NOT NULL\n",
            )
            .as_str(),
    );
    r.git(&["add", "."]);
    let o = r.hook("pgdumpdiff-no-data-loss");
    assert!(
        !o.status.success(),
        "dropping columns loses data:\n{}",
        text(&o)
    );
    let out = text(&o);
    assert!(out.contains("Failed") && out.contains("exit code: 3") && out.contains("destructive: 2 statements on 1 object (1 changed); 2 statements lose data: table public.account"), "{out}");
}
