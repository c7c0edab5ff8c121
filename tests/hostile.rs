//! Bad and hostile input: arguments that must never be taken as options, output files that
//! must never clobber an input or a device, usage errors that exit 1; and the inputs people
//! really have (compressed dumps, pg_dump archives, byte-order marks, other encodings,
//! pg_dumpall output, cut-short files), kept under `tests/inputs/`.

use std::io::Write;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pgdumpdiff"))
}

struct Tmp(PathBuf);

impl Tmp {
    fn new(name: &str) -> Tmp {
        let p =
            std::env::temp_dir().join(format!("pgdumpdiff-hostile-{}-{name}", std::process::id()));
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
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(&self.0)
            .output()
            .expect("git runs");
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run pgdumpdiff")
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
    for arg in [
        format!("git:--output={}:schema.sql", planted.display()),
        "git:-p:schema.sql".to_string(),
    ] {
        let o = run_in(&t.0, &[&arg, "schema.sql"]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{arg}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert_eq!(stdout(&o), "", "{arg}: nothing printed");
        assert!(
            stderr(&o).contains("not a valid git input"),
            "{arg}: {}",
            stderr(&o)
        );
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
    for arg in [
        "git:HEAD:missing.sql",
        "git:nosuchrev:db/schema.sql",
        "git:HEAD:db",
    ] {
        let o = run_in(&t.0, &[arg, "db/schema.sql"]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{arg}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert_eq!(stdout(&o), "", "{arg}");
        assert!(
            stderr(&o).contains(&format!("cannot read {arg}")),
            "{arg}: {}",
            stderr(&o)
        );
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
        (
            "TO through a link",
            vec!["-o", "link.sql", "a.sql", "b.sql"],
        ),
        (
            "TO spelled otherwise",
            vec!["-o", "./m/../b.sql", "a.sql", "b.sql"],
        ),
        (
            "a file of a FROM directory",
            vec!["-o", "m/001.sql", "m", "b.sql"],
        ),
    ];
    for (what, args) in cases {
        let o = run_in(&t.0, &args);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{what}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert!(
            stderr(&o).contains("refusing to overwrite it"),
            "{what}: {}",
            stderr(&o)
        );
    }
    assert_eq!(std::fs::read_to_string(&a).expect("a"), A);
    assert_eq!(std::fs::read_to_string(&b).expect("b"), B);
    assert_eq!(
        std::fs::read_to_string(t.0.join("m/001.sql")).expect("m/001"),
        A
    );
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
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(std::fs::read_to_string(&real).expect("real"), MIGRATION);
    assert_eq!(
        std::fs::metadata(&real).expect("real").permissions().mode() & 0o7777,
        0o640,
        "mode kept"
    );
    // A dangling link: the file it names is created.
    std::os::unix::fs::symlink("real/new.sql", t.0.join("dangling.sql")).expect("symlink");
    let o = run_in(&t.0, &["-o", "dangling.sql", "a.sql", "b.sql"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(t.0.join("real/new.sql")).expect("created"),
        MIGRATION
    );
    let leftovers: Vec<_> = walk(&t.0)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
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
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the fifo"))
    };
    let o = run_in(&t.0, &["-o", "pipe", "a.sql", "b.sql"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(reader.join().expect("reader"), MIGRATION);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo(),
        "still a FIFO"
    );
}

#[test]
fn standard_input_cannot_be_both_sides() {
    let t = Tmp::new("stdin-twice");
    let o = run_in(&t.0, &["-", "-"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("cannot both be standard input"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_exit_1_and_help_exits_0() {
    let t = Tmp::new("usage");
    t.file("a.sql", A);
    for args in [
        vec!["--no-such-flag", "a.sql", "a.sql"],
        vec!["a.sql"],
        vec!["-j", "many", "a.sql", "a.sql"],
    ] {
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

/// A data file of these tests.
fn input(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/inputs")
        .join(rel)
}

fn inputs_dir() -> PathBuf {
    input("")
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(input(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// Asserts an error run: exit 1, nothing on stdout, and each of `wanted` in stderr.
fn assert_error(o: &Output, what: &str, wanted: &[&str]) {
    assert_eq!(
        o.status.code(),
        Some(1),
        "{what}: {}{}",
        stdout(o),
        stderr(o)
    );
    assert_eq!(stdout(o), "", "{what}");
    for w in wanted {
        assert!(stderr(o).contains(w), "{what}: no {w:?} in:\n{}", stderr(o));
    }
}

#[test]
fn gzip_compressed_dumps_are_read_as_a_file_on_stdin_and_in_a_directory() {
    let t = Tmp::new("gzip");
    let plain = read("gzip/schema.sql");
    let schema = input("gzip/schema.sql").display().to_string();
    std::fs::write(t.0.join("schema.sql.gz"), gzip(&plain)).expect("write");
    // Known by its bytes, not its name.
    std::fs::write(t.0.join("compressed.sql"), gzip(&plain)).expect("write");
    for name in ["schema.sql.gz", "compressed.sql"] {
        let o = run_in(&t.0, &[name, &schema]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{name}: {}{}",
            stdout(&o),
            stderr(&o)
        );
        assert_eq!(stderr(&o), "", "{name}");
    }
    let want = run_in(&t.0, &["EMPTY", &schema]);
    let got = run_in(&t.0, &["EMPTY", "schema.sql.gz"]);
    assert_eq!(got.status.code(), Some(2), "{}", stderr(&got));
    assert!(
        stdout(&got).contains("COMMENT ON TABLE public.t IS 'café';"),
        "{}",
        stdout(&got)
    );
    assert_eq!(stdout(&got), stdout(&want));

    let mut child = bin()
        .args(["-", &schema])
        .current_dir(&t.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&gzip(&plain))
        .expect("write stdin");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdin: {}{}",
        stdout(&o),
        stderr(&o)
    );

    // A folder of migrations, the second one compressed: without it TO would differ.
    t.file(
        "m/001_create.sql",
        &String::from_utf8_lossy(&read("gzip/migrations/001_create.sql")),
    );
    std::fs::write(
        t.0.join("m/002_name.sql.gz"),
        gzip(&read("gzip/migrations/002_name.sql")),
    )
    .expect("write");
    let o = run_in(&t.0, &["m", &schema]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "directory: {}{}",
        stdout(&o),
        stderr(&o)
    );

    let whole = gzip(&plain);
    std::fs::write(t.0.join("cut.sql.gz"), &whole[..whole.len() / 2]).expect("write");
    assert_error(
        &run_in(&t.0, &["cut.sql.gz", &schema]),
        "truncated gzip",
        &[
            "cannot decompress cut.sql.gz (gzip)",
            "truncated or corrupt",
        ],
    );
}

fn gzip_stored(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::none());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// A gzip bomb, built here from the inside out: zeros, then 56 layers of gzip in one
/// another, each about 80 MiB once decompressed (stored: building them is quick), the outer
/// one compressed, to a file of a few hundred kB. Unwrapped, 4.4 GiB: past the limit at the
/// 52nd layer, while no more than two layers (160 MiB) are ever held. Each layer is 64 copies of one gzip member (a file of
/// several members decompresses to their contents one after the other), so that building
/// it takes one member per layer, not the 4.4 GiB. Nothing is written to `-o`; gzip inside
/// gzip too deep stops too; a dump gzipped twice reads as itself.
#[test]
fn a_gzip_bomb_stops_at_the_limit_and_writes_nothing() {
    const COPIES: usize = 64;
    let t = Tmp::new("gzip-bomb");
    // Decompresses to 80 MiB of zeros, repeated.
    let mut member = gzip_stored(&vec![0u8; (80 << 20) / COPIES]);
    for _ in 0..54 {
        // Repeated, decompresses to the layer below: the previous member, repeated.
        member = gzip_stored(&member);
    }
    std::fs::write(t.0.join("bomb.sql.gz"), gzip(&member).repeat(COPIES)).expect("write");
    let schema = input("gzip/schema.sql").display().to_string();
    let o = run_in(&t.0, &["-o", "out.sql", &schema, "bomb.sql.gz"]);
    assert_error(
        &o,
        "gzip bomb",
        &[
            "bomb.sql.gz decompresses to more than 4 GiB, all its gzip layers together",
            "gunzip -c bomb.sql.gz > out.sql",
        ],
    );
    assert_eq!(
        walk(&t.0),
        vec![t.0.join("bomb.sql.gz")],
        "nothing written beside the bomb"
    );

    let mut deep = read("gzip/schema.sql");
    for _ in 0..101 {
        deep = gzip(&deep);
    }
    std::fs::write(t.0.join("deep.sql.gz"), &deep).expect("write");
    let o = run_in(&t.0, &["-o", "out.sql", &schema, "deep.sql.gz"]);
    assert_error(
        &o,
        "gzip 101 times",
        &["deep.sql.gz is gzip inside gzip more than 100 times"],
    );
    assert!(!t.0.join("out.sql").exists());

    std::fs::write(
        t.0.join("twice.sql.gz"),
        gzip(&gzip(&read("gzip/schema.sql"))),
    )
    .expect("write");
    let o = run_in(&t.0, &["twice.sql.gz", &schema]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "gzip twice: {}{}",
        stdout(&o),
        stderr(&o)
    );
}

#[test]
fn pg_dump_archives_are_refused_with_the_command_that_converts_them() {
    let cases = [
        (
            "archives/app.custom",
            "is a pg_dump archive in custom format (pg_dump -Fc), not SQL text",
            "pg_restore --schema-only -f out.sql archives/app.custom",
        ),
        (
            "archives/app.tar",
            "is a pg_dump archive in tar format (pg_dump -Ft), not SQL text",
            "pg_restore --schema-only -f out.sql archives/app.tar",
        ),
        (
            "archives/app_dir",
            "is a pg_dump archive in directory format (pg_dump -Fd; it holds toc.dat)",
            "pg_restore --schema-only -f out.sql archives/app_dir",
        ),
        (
            "archives/app_dir/toc.dat",
            "is the table of contents of a pg_dump archive in directory format",
            "pg_restore --schema-only -f out.sql archives/app_dir",
        ),
    ];
    for (arg, what, command) in cases {
        let o = run_in(&inputs_dir(), &[arg, "gzip/schema.sql"]);
        assert_error(&o, arg, &[&format!("{arg} {what}"), command]);
        assert!(!stderr(&o).contains("UTF-8"), "{arg}: {}", stderr(&o));
    }
    let t = Tmp::new("archive-gz");
    std::fs::write(
        t.0.join("app.custom.gz"),
        gzip(&read("archives/app.custom")),
    )
    .expect("write");
    let o = run_in(&t.0, &["EMPTY", "app.custom.gz"]);
    assert_error(
        &o,
        "gzipped archive",
        &[
            "app.custom.gz is a gzip-compressed pg_dump archive in custom format",
            "gunzip -c app.custom.gz | pg_restore --schema-only -f out.sql",
        ],
    );
}

#[test]
fn a_utf8_byte_order_mark_is_skipped_and_columns_stay_right() {
    let o = run_in(&inputs_dir(), &["bom.sql", "gzip/schema.sql"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stderr(&o), "");
    assert_error(
        &run_in(&inputs_dir(), &["bom_error.sql", "bom.sql"]),
        "BOM and a syntax error",
        &["bom_error.sql:1:8: syntax error at or near \"TABEL\""],
    );
    // UTF-16 (Windows' redirections write it) is decoded when its byte-order mark says so.
    let t = Tmp::new("utf16");
    let text = String::from_utf8_lossy(&read("bom.sql")).into_owned();
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    std::fs::write(t.0.join("le.sql"), le).expect("write");
    std::fs::write(t.0.join("be.sql"), be).expect("write");
    let schema = input("gzip/schema.sql").display().to_string();
    for name in ["le.sql", "be.sql"] {
        let o = run_in(&t.0, &[name, &schema]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{name}: {}{}",
            stdout(&o),
            stderr(&o)
        );
    }
}

#[test]
fn a_dump_is_decoded_from_the_encoding_it_declares() {
    let cases = [
        ("latin1", "café crème"),
        ("latin5", "İstanbul şehri"),
        ("latin9", "prix en €"),
        ("win1251", "привет"),
        ("koi8r", "привет"),
        ("euc_jp", "日本語"),
        ("sjis", "日本語"),
        ("gbk", "中文"),
        ("big5", "中文"),
    ];
    for (file, text) in cases {
        let o = run_in(&inputs_dir(), &["EMPTY", &format!("encodings/{file}.sql")]);
        assert_eq!(o.status.code(), Some(2), "{file}: {}", stderr(&o));
        assert_eq!(stdout(&o), format!("CREATE TABLE public.t (\n    id integer NOT NULL,\n    name text\n);\n\nCOMMENT ON TABLE public.t IS '{text}';\n\n"), "{file}");
    }
    // Columns count characters of the decoded text.
    assert_error(
        &run_in(&inputs_dir(), &["EMPTY", "encodings/latin1_error.sql"]),
        "LATIN1 parse error",
        &["latin1_error.sql:11:31: syntax error at or near \"oops\""],
    );
}

#[test]
fn text_that_is_not_in_its_encoding_is_an_error_at_the_first_bad_byte() {
    let cases: [(&str, &[&str]); 4] = [
        ("not_utf8", &["not_utf8.sql:3:27: encodings/not_utf8.sql is not UTF-8 and declares no encoding: invalid byte 0xE9", "SET client_encoding = 'LATIN1';"]),
        ("sql_ascii", &["sql_ascii.sql:11:27: encodings/sql_ascii.sql declares client_encoding 'SQL_ASCII'", "this byte starts no UTF-8 character: 0xE9"]),
        ("euc_tw", &["euc_tw.sql:11:24: encodings/euc_tw.sql declares client_encoding 'EUC_TW', which pgdumpdiff cannot decode", "SET client_encoding line to 'UTF8'"]),
        ("euc_jp_bad", &["euc_jp_bad.sql:11:26: encodings/euc_jp_bad.sql: invalid byte sequence for encoding EUC_JP (its SET client_encoding) at 0xC6"]),
    ];
    for (file, wanted) in cases {
        assert_error(
            &run_in(&inputs_dir(), &["EMPTY", &format!("encodings/{file}.sql")]),
            file,
            wanted,
        );
    }
}

#[test]
fn pg_dumpall_output_needs_database_and_reads_only_that_database() {
    let dir = inputs_dir();
    assert_error(
        &run_in(&dir, &["dumpall/cluster.sql", "dumpall/app.sql"]),
        "no --database",
        &["cluster.sql:47:1: dumpall/cluster.sql holds 4 databases (pg_dumpall output): \"template1\", \"Odd db\", \"app\", \"postgres\"", "pick one with --database NAME"],
    );
    assert_error(
        &run_in(
            &dir,
            &[
                "--database",
                "nope",
                "dumpall/cluster.sql",
                "dumpall/app.sql",
            ],
        ),
        "unknown database",
        &["dumpall/cluster.sql has no database \"nope\""],
    );

    let o = run_in(
        &dir,
        &[
            "--database",
            "app",
            "dumpall/cluster.sql",
            "dumpall/app.sql",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stderr(&o).matches("pgdumpdiff::cluster-objects").count(),
        1,
        "one note: {}",
        stderr(&o)
    );
    for part in [
        "only database \"app\" is read (from line 186)",
        "its 2 roles and 1 tablespace are cluster objects, not compared",
        "\"template1\", \"Odd db\", \"postgres\"",
    ] {
        assert!(stderr(&o).contains(part), "{part}: {}", stderr(&o));
    }
    assert!(
        !stderr(&o).contains("CREATE DATABASE") && !stderr(&o).contains("not supported"),
        "the next database's CREATE DATABASE is not read: {}",
        stderr(&o)
    );

    // "Odd db" is LATIN1: its own SET client_encoding decodes it.
    let o = run_in(
        &dir,
        &["-q", "--database", "Odd db", "EMPTY", "dumpall/cluster.sql"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "CREATE TABLE public.u (\n    x integer\n);\n\nCOMMENT ON TABLE public.u IS 'café';\n\n"
    );
    let o = run_in(
        &dir,
        &[
            "-q",
            "--database",
            "postgres",
            "EMPTY",
            "dumpall/cluster.sql",
        ],
    );
    assert_eq!(
        stdout(&o),
        "CREATE TABLE public.only_in_postgres (\n    x integer\n);\n\n"
    );

    // pg_dump -C: one \connect, one database, read whole (with or without --database).
    for args in [
        vec!["dumpall/app_create.sql", "dumpall/app.sql"],
        vec![
            "--database",
            "app",
            "dumpall/app_create.sql",
            "dumpall/app.sql",
        ],
    ] {
        let o = run_in(&dir, &args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{args:?}: {}{}",
            stdout(&o),
            stderr(&o)
        );
    }
    assert_error(
        &run_in(
            &dir,
            &[
                "--database",
                "shop",
                "dumpall/app_create.sql",
                "dumpall/app.sql",
            ],
        ),
        "pg_dump -C of another database",
        &["has no database \"shop\": it connects to \"app\""],
    );
}

/// Stderr of one diagnostic stays small whatever the input.
const SMALL: usize = 4096;

#[test]
fn unclosed_tokens_and_nul_bytes_are_reported_where_they_open() {
    let cases = [
        ("string", "string.sql:2:23: unterminated quoted string"),
        (
            "identifier",
            "identifier.sql:3:14: unterminated quoted identifier",
        ),
        ("comment", "comment.sql:2:1: unterminated /* comment"),
        (
            "nul",
            "nul.sql:2:18: unclosed/nul.sql holds a NUL byte (0x00)",
        ),
    ];
    for (file, wanted) in cases {
        let o = run_in(&inputs_dir(), &["EMPTY", &format!("unclosed/{file}.sql")]);
        assert_error(&o, file, &[wanted]);
        assert!(
            !o.stderr.contains(&0),
            "{file}: no NUL byte reaches the terminal"
        );
        assert!(o.stderr.len() < SMALL, "{file}: {} bytes", o.stderr.len());
    }
}

#[test]
fn a_huge_statement_cut_short_is_reported_in_a_few_lines() {
    let t = Tmp::new("huge");
    let body = "    RETURN 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';\n"
        .repeat(50_000);
    let dollar = String::from_utf8_lossy(&read("unclosed/dollar.sql")).replace("FILL\n", &body);
    t.file("dollar.sql", &dollar);
    let o = run_in(&t.0, &["EMPTY", "dollar.sql"]);
    assert_error(
        &o,
        "dollar",
        &[
            "dollar.sql:5:8: unterminated dollar-quoted string",
            "is the file cut short?",
        ],
    );
    assert!(o.stderr.len() < SMALL, "{} bytes", o.stderr.len());

    // One 3 MB line: the message and the snippet are cut, the column is not.
    let fill = "y".repeat(3_000_000);
    let long = String::from_utf8_lossy(&read("unclosed/long_literal.sql")).replace("FILL", &fill);
    t.file("long_literal.sql", &long);
    let o = run_in(&t.0, &["EMPTY", "long_literal.sql"]);
    let column = "COMMENT ON TABLE t IS '".len() + fill.len() + "' ".len() + 1;
    assert_error(
        &o,
        "long line",
        &[&format!(
            "long_literal.sql:2:{column}: syntax error at or near \"oops\""
        )],
    );
    assert!(o.stderr.len() < SMALL, "{} bytes", o.stderr.len());
}

/// Each `tests/inputs/rejected/*.sql` with where the server stops on it and its message.
const REJECTED: &[(&str, &str)] = &[
    ("duplicate_column", "duplicate_column.sql:2:1: column \"a\" specified more than once"),
    ("long_names_collide", "long_names_collide.sql:3:1: relation public.customer_order_line_item_history_archive_partition_2024_january already exists"),
    ("table_twice", "table_twice.sql:4:1: relation public.t already exists"),
    ("index_missing_table", "index_missing_table.sql:3:1: relation public.u does not exist"),
    ("index_missing_column", "index_missing_column.sql:3:1: column \"x\" does not exist"),
    ("fk_missing_table", "fk_missing_table.sql:3:1: relation public.u does not exist"),
    ("fk_missing_column", "fk_missing_column.sql:3:1: column \"uid\" referenced in foreign key constraint does not exist"),
    ("comment_missing_column", "comment_missing_column.sql:3:1: column \"nope\" of relation public.t does not exist"),
    ("alter_missing_table", "alter_missing_table.sql:3:1: relation public.u does not exist"),
    ("partition_drop_inherited_check", "partition_drop_inherited_check.sql:4:1: cannot drop inherited constraint \"m_v_check\" of relation \"m_2024\""),
    ("partition_drop_inherited_key", "partition_drop_inherited_key.sql:4:1: cannot drop inherited constraint \"m_2024_pkey\" of relation \"m_2024\""),
    ("partition_second_primary_key", "partition_second_primary_key.sql:4:1: multiple primary keys for table \"m_2024\" are not allowed"),
    ("partition_index_name_taken", "partition_index_name_taken.sql:5:1: relation public.m_2024_v_idx already exists"),
    ("attach_missing_check", "attach_missing_check.sql:4:1: child table is missing constraint \"m_v_check\""),
    ("attach_missing_not_null", "attach_missing_not_null.sql:4:1: column \"id\" in child table must be marked NOT NULL"),
    ("attach_other_primary_key", "attach_other_primary_key.sql:4:1: multiple primary keys for table \"loose\" are not allowed"),
    ("attach_index_mismatch", "attach_index_mismatch.sql:6:1: cannot attach index \"m_2024_id\" as a partition of index \"m_v\""),
    ("alter_inherited_column", "alter_inherited_column.sql:4:1: cannot alter inherited column \"v\""),
    ("drop_inherited_column", "drop_inherited_column.sql:4:1: cannot drop inherited column \"y\""),
    ("drop_attached_index", "drop_attached_index.sql:5:1: cannot drop index m_2024_v_idx because index m_v requires it"),
    ("conversion_unknown_encoding", "conversion_unknown_encoding.sql:2:1: destination encoding \"\" does not exist"),
    ("inherit_itself", "inherit_itself.sql:3:1: relation public.base does not exist"),
    ("inherit_missing_parent", "inherit_missing_parent.sql:3:1: relation public.nope does not exist"),
    ("inherit_circular", "inherit_circular.sql:4:1: circular inheritance not allowed"),
    ("attach_circular", "attach_circular.sql:4:1: circular inheritance not allowed"),
    ("alter_type_of_stored_row_type", "alter_type_of_stored_row_type.sql:4:1: cannot alter table \"addr\" because column \"cust.home\" uses its row type"),
    ("add_column_default_to_stored_row_type", "add_column_default_to_stored_row_type.sql:5:1: cannot alter table \"addr\" because column \"cust.homes\" uses its row type"),
    ("alter_partitioned_under_stored_partition_row_type", "alter_partitioned_under_stored_partition_row_type.sql:6:1: cannot alter table \"addr1\" because column \"cust.home\" uses its row type"),
    ("alter_attribute_of_stored_composite", "alter_attribute_of_stored_composite.sql:6:1: cannot alter type \"c\" because column \"t.v\" uses it"),
    ("rename_schema_name_taken", "rename_schema_name_taken.sql:4:1: schema \"b\" already exists"),
    ("rename_schema_reserved_name", "rename_schema_reserved_name.sql:3:1: unacceptable schema name \"pg_a\""),
    ("schema_element_other_schema", "schema_element_other_schema.sql:3:1: CREATE specifies a schema (other) different from the one being created (s2)"),
    ("rename_column_only_parent", "rename_column_only_parent.sql:4:1: inherited column \"a\" must be renamed in child tables too"),
    ("rename_inherited_column", "rename_inherited_column.sql:4:1: cannot rename inherited column \"v\""),
    ("rename_column_merged_from_two_parents", "rename_column_merged_from_two_parents.sql:5:1: cannot rename inherited column \"a\""),
    ("rename_attribute_of_typed_table", "rename_attribute_of_typed_table.sql:4:1: cannot alter type \"ct\" because it is the type of a typed table"),
    ("rename_column_taken_in_child", "rename_column_taken_in_child.sql:4:1: column \"x\" of relation \"c\" already exists"),
    ("domain_check_over_array_column", "domain_check_over_array_column.sql:4:1: cannot alter type \"d\" because column \"t.v\" uses it"),
    ("alter_renamed_stored_row_type", "alter_renamed_stored_row_type.sql:6:1: cannot alter table \"address\" because column \"t.v\" uses its row type"),
    ("domain_check_over_composite_column", "domain_check_over_composite_column.sql:5:1: cannot alter type \"money2\" because column \"t.p\" uses it"),
    ("trigger_rename_clone", "trigger_rename_clone.sql:6:1: cannot rename trigger \"audit\" on table \"m_2024\""),
    ("trigger_rename_missing", "trigger_rename_missing.sql:5:1: trigger \"audits\" for table \"t\" does not exist"),
    ("trigger_rename_name_taken", "trigger_rename_name_taken.sql:7:1: trigger \"check_2024\" for relation \"m_2024\" already exists"),
    ("drop_column_read_by_view", "drop_column_read_by_view.sql:4:1: cannot drop column a of table public.t because other objects depend on it: view public.v"),
    ("rename_function_name_taken", "rename_function_name_taken.sql:4:1: function g(integer) already exists in schema \"public\""),
    ("rename_policy_name_taken", "rename_policy_name_taken.sql:5:1: policy \"q\" for table \"t\" already exists"),
    ("rename_view_column_taken", "rename_view_column_taken.sql:4:1: column \"a\" of relation \"v\" already exists"),
    ("rename_domain_constraint_missing", "rename_domain_constraint_missing.sql:3:1: constraint \"nope\" for domain d does not exist"),
    ("sequence_set_logged_on_table", "sequence_set_logged_on_table.sql:3:1: \"t\" is not a sequence"),
    ("cluster_view_on_other_index", "cluster_view_on_other_index.sql:5:1: \"base_a\" is not an index for table \"mv\""),
    ("drop_column_read_by_policy", "drop_column_read_by_policy.sql:5:1: cannot drop column a of table public.t because other objects depend on it: policy p on table public.t"),
    ("set_unlogged_referenced_by_logged", "set_unlogged_referenced_by_logged.sql:6:1: could not change table \"s\" to unlogged because it references logged table \"t\""),
    ("create_schema_reserved_name", "create_schema_reserved_name.sql:2:1: unacceptable schema name \"pg_x\""),
    ("function_set_two_values", "function_set_two_values.sql:3:1: SET work_mem takes only one argument"),
    ("alter_function_set_two_values", "alter_function_set_two_values.sql:3:1: SET statement_timeout takes only one argument"),
    ("publication_missing_schema", "publication_missing_schema.sql:3:1: schema \"nope\" does not exist"),
    ("view_order_by_column_list_name", "view_order_by_column_list_name.sql:3:1: column \"x\" does not exist"),
    ("view_values_order_by_column_list_name", "view_values_order_by_column_list_name.sql:2:1: column \"y\" does not exist"),
    ("drop_not_null_in_replica_identity", "drop_not_null_in_replica_identity.sql:5:1: column \"v\" is in index used as replica identity"),
];

#[test]
fn what_postgresql_rejects_pgdumpdiff_rejects_with_its_location() {
    let listed: Vec<String> = std::fs::read_dir(input("rejected"))
        .expect("rejected/")
        .flatten()
        .map(|e| {
            e.file_name()
                .to_string_lossy()
                .trim_end_matches(".sql")
                .to_string()
        })
        .collect();
    assert_eq!(
        listed.len(),
        REJECTED.len(),
        "every data file has its case: {listed:?}"
    );
    let pg = crate::common::pg::Cluster::start();
    for (file, wanted) in REJECTED {
        let path = format!("rejected/{file}.sql");
        let sql = String::from_utf8_lossy(&read(&path)).into_owned();
        // The server refuses the file, ...
        let db = pg.create_db();
        let server = pg.psql(&db, &sql, false);
        pg.drop_db(&db);
        assert!(server.is_err(), "{file}: PostgreSQL loads it");
        // ... and so does pgdumpdiff, as TO and as FROM, naming the file, line and message.
        for args in [["EMPTY", path.as_str()], [path.as_str(), "EMPTY"]] {
            let o = run_in(&inputs_dir(), &args);
            assert_error(&o, file, &[wanted]);
        }
    }
}

#[test]
fn a_drop_of_something_missing_is_a_warning_that_names_it_and_strict_makes_it_an_error() {
    let o = run_in(&inputs_dir(), &["EMPTY", "drop_missing.sql"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    for w in [
        "drop_missing.sql:2:1: FUNCTION public.gone(integer) does not exist; the DROP is skipped",
        "drop_missing.sql:3:1: TABLE public.nothing does not exist; the DROP is skipped",
    ] {
        assert!(stderr(&o).contains(w), "no {w:?} in:\n{}", stderr(&o));
    }
    let o = run_in(&inputs_dir(), &["--strict", "EMPTY", "drop_missing.sql"]);
    assert_error(
        &o,
        "strict",
        &["drop_missing.sql:2:1: FUNCTION public.gone(integer) does not exist"],
    );
}
