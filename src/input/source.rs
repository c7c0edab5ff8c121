//! Source files and how a command-line argument turns into them.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::diag::Diag;

/// One SQL text as the user gave it, with psql meta-commands blanked (same length, so byte
/// offsets are those of the original file).
#[derive(Debug)]
pub struct SourceFile {
    /// Name shown in diagnostics (the path as given, `<stdin>`, `git:REV:PATH`).
    pub name: String,
    /// The text the parser sees.
    pub text: String,
    /// Byte offset of the start of each line, for line:column.
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        SourceFile { name: name.into(), text, line_starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self.text.get(start..offset.min(self.text.len())).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

/// What one side of the diff is, as written on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceSpec {
    /// An empty database.
    Empty,
    /// Standard input.
    Stdin,
    /// A file at a git revision: `git:REV:PATH`.
    Git { rev: String, path: String },
    /// A file, or a directory of `*.sql` files replayed in name order.
    Path(PathBuf),
}

impl SourceSpec {
    pub fn parse(arg: &str) -> SourceSpec {
        if arg == "EMPTY" {
            return SourceSpec::Empty;
        }
        if arg == "-" {
            return SourceSpec::Stdin;
        }
        if let Some(rest) = arg.strip_prefix("git:") {
            if let Some((rev, path)) = rest.split_once(':') {
                return SourceSpec::Git { rev: rev.to_string(), path: path.to_string() };
            }
        }
        SourceSpec::Path(PathBuf::from(arg))
    }

    /// The local files this side reads (a directory's `*.sql` files; none for stdin, git
    /// and `EMPTY`).
    pub fn local_files(&self) -> Vec<PathBuf> {
        match self {
            SourceSpec::Path(p) if p.is_dir() => sql_files_under(p).unwrap_or_default(),
            SourceSpec::Path(p) => vec![p.clone()],
            SourceSpec::Empty | SourceSpec::Stdin | SourceSpec::Git { .. } => Vec::new(),
        }
    }
}

/// Reads every source file of one side, in replay order, with non-SQL lines blanked.
/// Warnings (skipped COPY data) are pushed to `diags`. The error is boxed: a `Diag` is
/// large, and the `Ok` side is a vector.
pub fn load(spec: &SourceSpec, diags: &mut Vec<Diag>) -> Result<Vec<Arc<SourceFile>>, Box<Diag>> {
    let raw: Vec<(String, String)> = match spec {
        SourceSpec::Empty => Vec::new(),
        SourceSpec::Stdin => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Box::new(Diag::error("io", format!("cannot read standard input: {e}"))))?;
            vec![("<stdin>".to_string(), text)]
        }
        SourceSpec::Git { rev, path } => vec![(format!("git:{rev}:{path}"), git_show(rev, path)?)],
        SourceSpec::Path(path) if path.is_dir() => sql_files_under(path)?
            .into_iter()
            .map(|p| read_file(&p).map(|t| (p.display().to_string(), t)))
            .collect::<Result<_, _>>()?,
        SourceSpec::Path(path) => vec![(path.display().to_string(), read_file(path)?)],
    };
    Ok(raw
        .into_iter()
        .map(|(name, text)| {
            let file_name = name.clone();
            let (text, skipped) = blank_non_sql_owned(text);
            let file = Arc::new(SourceFile::new(name, text));
            for span in skipped {
                diags.push(
                    Diag::warning("copy-data-skipped", format!("{file_name}: COPY data skipped (only the schema is read)"))
                        .at(&file, span),
                );
            }
            file
        })
        .collect())
}

fn blank_non_sql_owned(text: String) -> (String, Vec<std::ops::Range<usize>>) {
    let mut bytes = text.into_bytes();
    let skipped = super::blank_non_sql(&mut bytes);
    // Blanking only replaces whole ASCII-or-multibyte runs with spaces, keeping UTF-8 valid.
    let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, skipped)
}

fn read_file(path: &Path) -> Result<String, Box<Diag>> {
    let bytes = std::fs::read(path).map_err(|e| Diag::error("io", format!("cannot read {}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        Box::new(Diag::error("encoding", format!("{} is not UTF-8 (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to())))
    })
}

/// Every `*.sql` file beneath `dir`, sorted by path (so `000-x.sql` replays before `001-y.sql`).
fn sql_files_under(dir: &Path) -> Result<Vec<PathBuf>, Box<Diag>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Diag::error("io", format!("cannot walk {}: {e}", dir.display())))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "sql") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// The file PATH at revision REV, read with `git cat-file blob` (a blob only: a tree or a
/// missing path is an error, never an empty schema). REV is never taken as an option: a
/// leading `-` is refused and `--end-of-options` closes git's options anyway.
fn git_show(rev: &str, path: &str) -> Result<String, Box<Diag>> {
    if rev.is_empty() || rev.starts_with('-') || path.is_empty() {
        return Err(Box::new(
            Diag::error("git", format!("git:{rev}:{path} is not a valid git input"))
                .with_help("write git:REV:PATH, e.g. git:HEAD:db/structure.sql; REV must not be empty or start with '-'"),
        ));
    }
    let out = Command::new("git")
        .args(["cat-file", "blob", "--end-of-options"])
        .arg(format!("{rev}:{path}"))
        .output()
        .map_err(|e| Diag::error("git", format!("cannot run git: {e}")))?;
    if !out.status.success() {
        return Err(Box::new(Diag::error(
            "git",
            format!("cannot read git:{rev}:{path}: {}", String::from_utf8_lossy(&out.stderr).trim()),
        )));
    }
    String::from_utf8(out.stdout).map_err(|_| Box::new(Diag::error("encoding", format!("git:{rev}:{path} is not UTF-8"))))
}
