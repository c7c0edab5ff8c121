//! Bad and hostile input: arguments that must never be taken as options, output files that
//! must never clobber an input or a device, usage errors that exit 1.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
}

struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        let p = std::env::temp_dir().join(format!("pgdumpdiff-hostile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("tmp");
        Tmp(p)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("dir");
        }
        std::fs::write(&p, text).expect("write");
        p
    }

    fn git(&self, args: &[&str]) {
        let o = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(&self.0)
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().args(args).current_dir(dir).output().expect("run pgdumpdiff")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const A: &str = "CREATE TABLE t (id integer);\n";
const B: &str = "CREATE TABLE t (id integer, name text);\n";
const MIGRATION: &str = "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t ADD COLUMN name text;\n\n";

#[test]
fn a_git_revision_is_never_taken_as_an_option() {
    let t = Tmp::new("git-option");
    t.git(&["init", "-q"]);
    t.file("schema.sql", A);
    t.git(&["add", "schema.sql"]);
    t.git(&["commit", "-q", "-m", "one"]);
    let planted = t.0.join("planted");
    for arg in [format!("git:--output={}:schema.sql", planted.display()), "git:-p:schema.sql".to_string()] {
        let o = run_in(&t.0, &[&arg, "schema.sql"]);
        assert_eq!(o.status.code(), Some(1), "{arg}: {}{}", stdout(&o), stderr(&o));
        assert_eq!(stdout(&o), "", "{arg}: nothing printed");
        assert!(stderr(&o).contains("not a valid git input"), "{arg}: {}", stderr(&o));
        assert!(!planted.exists(), "{arg}: git wrote a file");
    }
}

#[test]
fn a_git_failure_is_an_error_never_an_empty_schema() {
    let t = Tmp::new("git-fail");
    t.git(&["init", "-q"]);
    t.file("db/schema.sql", A);
    t.git(&["add", "db/schema.sql"]);
    t.git(&["commit", "-q", "-m", "one"]);
    // A missing path, a missing revision, and a directory (a tree, not a file).
    for arg in ["git:HEAD:missing.sql", "git:nosuchrev:db/schema.sql", "git:HEAD:db"] {
        let o = run_in(&t.0, &[arg, "db/schema.sql"]);
        assert_eq!(o.status.code(), Some(1), "{arg}: {}{}", stdout(&o), stderr(&o));
        assert_eq!(stdout(&o), "", "{arg}");
        assert!(stderr(&o).contains(&format!("cannot read {arg}")), "{arg}: {}", stderr(&o));
    }
    let o = run_in(&t.0, &["git:HEAD:db/schema.sql", "db/schema.sql"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn the_output_file_is_never_an_input() {
    let t = Tmp::new("out-input");
    let a = t.file("a.sql", A);
    let b = t.file("b.sql", B);
    t.file("m/001.sql", A);
    let link = t.0.join("link.sql");
    std::os::unix::fs::symlink(&b, &link).expect("symlink");
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("FROM", vec!["-o", "a.sql", "a.sql", "b.sql"]),
        ("TO", vec!["-o", "b.sql", "a.sql", "b.sql"]),
        ("TO through a link", vec!["-o", "link.sql", "a.sql", "b.sql"]),
        ("TO spelled otherwise", vec!["-o", "./m/../b.sql", "a.sql", "b.sql"]),
        ("a file of a FROM directory", vec!["-o", "m/001.sql", "m", "b.sql"]),
    ];
    for (what, args) in cases {
        let o = run_in(&t.0, &args);
        assert_eq!(o.status.code(), Some(1), "{what}: {}{}", stdout(&o), stderr(&o));
        assert!(stderr(&o).contains("refusing to overwrite it"), "{what}: {}", stderr(&o));
    }
    assert_eq!(std::fs::read_to_string(&a).expect("a"), A);
    assert_eq!(std::fs::read_to_string(&b).expect("b"), B);
    assert_eq!(std::fs::read_to_string(t.0.join("m/001.sql")).expect("m/001"), A);
}

#[test]
fn the_output_goes_through_a_symlink_and_keeps_the_files_mode() {
    let t = Tmp::new("out-link");
    t.file("a.sql", A);
    t.file("b.sql", B);
    let real = t.file("real/migration.sql", "old\n");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = t.0.join("migration.sql");
    std::os::unix::fs::symlink("real/migration.sql", &link).expect("symlink");
    let o = run_in(&t.0, &["-o", "migration.sql", "a.sql", "b.sql"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::read_to_string(&real).expect("real"), MIGRATION);
    assert_eq!(std::fs::metadata(&real).expect("real").permissions().mode() & 0o7777, 0o640, "mode kept");
    // A dangling link: the file it names is created.
    std::os::unix::fs::symlink("real/new.sql", t.0.join("dangling.sql")).expect("symlink");
    let o = run_in(&t.0, &["-o", "dangling.sql", "a.sql", "b.sql"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(t.0.join("real/new.sql")).expect("created"), MIGRATION);
    let leftovers: Vec<_> = walk(&t.0).into_iter().filter(|p| p.to_string_lossy().ends_with(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_fifo_is_written_to_never_replaced() {
    let t = Tmp::new("out-fifo");
    t.file("a.sql", A);
    t.file("b.sql", B);
    let fifo = t.0.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the fifo"))
    };
    let o = run_in(&t.0, &["-o", "pipe", "a.sql", "b.sql"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(reader.join().expect("reader"), MIGRATION);
    assert!(std::fs::symlink_metadata(&fifo).expect("fifo").file_type().is_fifo(), "still a FIFO");
}

#[test]
fn standard_input_cannot_be_both_sides() {
    let t = Tmp::new("stdin-twice");
    let o = run_in(&t.0, &["-", "-"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("cannot both be standard input"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_1_and_help_exits_0() {
    let t = Tmp::new("usage");
    t.file("a.sql", A);
    for args in [vec!["--no-such-flag", "a.sql", "a.sql"], vec!["a.sql"], vec!["-j", "many", "a.sql", "a.sql"]] {
        let o = run_in(&t.0, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty(), "{args:?}: says why");
    }
    for args in [["--help"], ["--version"]] {
        let o = run_in(&t.0, &args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(!stdout(&o).is_empty(), "{args:?}");
    }
}
