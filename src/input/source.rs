//! Source files and how a command-line argument turns into them.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::{dumpall, encoding, format, meta};
use crate::diag::Diag;

/// One SQL text as the user gave it, decoded to UTF-8, with psql meta-commands blanked (same
/// length, so byte offsets and lines are those of the decoded file).
#[derive(Debug)]
pub struct SourceFile {
    /// Name shown in diagnostics (the path as given, `<stdin>`, `git:REV:PATH`).
    pub name: String,
    /// The text the parser sees.
    pub text: String,
    /// Byte offset of the start of each line, for line:column.
    line_starts: Vec<usize>,
}

/// Bytes of source a diagnostic may show on either side of its span: a few lines, never a
/// whole (possibly one-line, many-megabyte) statement.
const SNIPPET_BYTES: usize = 240;

impl SourceFile {
    pub fn new(name: impl Into<String>, text: String) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// The 1-based line of a byte offset at or past the start of line `from`, walked to from
    /// there (as `line_col` finds it when `from` is past the offset).
    pub fn line_from(&self, offset: usize, from: usize) -> usize {
        let start = from.checked_sub(1).and_then(|i| self.line_starts.get(i));
        if start.is_none_or(|&s| s > offset) {
            return self.line_col(offset).0;
        }
        let mut line = from;
        while self
            .line_starts
            .get(line)
            .is_some_and(|&next| next <= offset)
        {
            line += 1;
        }
        line
    }

    /// Byte offset where the 1-based `line` starts (the end of the text past the last line).
    fn line_start(&self, line: usize) -> usize {
        line.checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// How much of `span` a diagnostic underlines: its first line, at most `SNIPPET_BYTES`,
    /// at least one byte.
    pub fn label_len(&self, span: std::ops::Range<usize>) -> usize {
        let (line, _) = self.line_col(span.start);
        let line_end = self.line_start(line + 1).saturating_sub(1).max(span.start);
        let end = span
            .end
            .min(line_end)
            .min(span.start.saturating_add(SNIPPET_BYTES));
        end.saturating_sub(span.start).max(1)
    }

    /// Runs `f` over the text's bytes. `f` may only turn whole lines' bytes into spaces
    /// (newlines kept), which keeps the text UTF-8 and every offset and line where it was.
    pub(super) fn edit<T>(&mut self, f: impl FnOnce(&mut [u8]) -> T) -> T {
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        let out = f(&mut bytes);
        self.text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        out
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// What miette reads of a file: a window of the requested lines around the span, cut to
/// `SNIPPET_BYTES` on either side, with the file's own line and column numbers. The file is
/// shared by every diagnostic that points into it, never copied.
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        let start = floor_char(text, span.offset());
        let end = ceil_char(
            text,
            span.offset()
                .saturating_add(span.len().min(SNIPPET_BYTES))
                .max(start),
        );
        let (first, _) = self.line_col(start);
        let (last, _) = self.line_col(end);
        let lo = floor_char(
            text,
            self.line_start(first.saturating_sub(before).max(1))
                .max(start.saturating_sub(SNIPPET_BYTES)),
        );
        let hi = ceil_char(
            text,
            self.line_start(last + after + 1)
                .min(end.saturating_add(SNIPPET_BYTES)),
        );
        let window = text.get(lo..hi).ok_or(MietteError::OutOfBounds)?;
        let inner = <str as SourceCode>::read_span(
            window,
            &SourceSpan::new((start - lo).into(), end - start),
            before,
            after,
        )?;
        let offset = lo + inner.span().offset();
        let (line, column) = self.line_col(offset);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new(offset.into(), inner.span().len()),
            line - 1,
            column - 1,
            inner.line_count(),
        )))
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
                return SourceSpec::Git {
                    rev: rev.to_string(),
                    path: path.to_string(),
                };
            }
        }
        SourceSpec::Path(PathBuf::from(arg))
    }

    /// The local files this side reads (a directory's `*.sql` and `*.sql.gz` files; none for
    /// stdin, git and `EMPTY`).
    pub fn local_files(&self) -> Vec<PathBuf> {
        match self {
            SourceSpec::Path(p) if p.is_dir() => sql_files_under(p).unwrap_or_default(),
            SourceSpec::Path(p) => vec![p.clone()],
            SourceSpec::Empty | SourceSpec::Stdin | SourceSpec::Git { .. } => Vec::new(),
        }
    }
}

/// How to read input.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// With pg_dumpall output (several databases), the one whose sections are read.
    pub database: Option<String>,
}

/// Reads every source file of one side, in replay order, as text with non-SQL lines
/// blanked. Warnings (skipped COPY data, what pg_dumpall output left out) are pushed to
/// `diags`. The error is boxed: a `Diag` is large, and the `Ok` side is a vector.
pub fn load(
    spec: &SourceSpec,
    opts: &InputOptions,
    diags: &mut Vec<Diag>,
) -> Result<Vec<Arc<SourceFile>>, Box<Diag>> {
    let raw: Vec<(String, Option<PathBuf>, Vec<u8>)> = match spec {
        SourceSpec::Empty => Vec::new(),
        SourceSpec::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                Box::new(Diag::error(
                    "io",
                    format!("cannot read standard input: {e}"),
                ))
            })?;
            vec![("<stdin>".to_string(), None, bytes)]
        }
        SourceSpec::Git { rev, path } => {
            vec![(format!("git:{rev}:{path}"), None, git_show(rev, path)?)]
        }
        SourceSpec::Path(path) if path.is_dir() => {
            format::check_directory(path)?;
            let files = sql_files_under(path)?;
            if files.is_empty() {
                return Err(Box::new(
                    Diag::error("no-sql-files", format!("{} holds no *.sql or *.sql.gz file", path.display()))
                        .with_help("a directory input is a folder of migrations replayed in name order; for an empty schema, write EMPTY"),
                ));
            }
            files
                .into_iter()
                .map(|p| read_file(&p).map(|b| (p.display().to_string(), Some(p), b)))
                .collect::<Result<_, _>>()?
        }
        SourceSpec::Path(path) => vec![(
            path.display().to_string(),
            Some(path.clone()),
            read_file(path)?,
        )],
    };
    raw.into_iter()
        .map(|(name, path, bytes)| source_file(name, path.as_deref(), bytes, opts, diags))
        .collect()
}

/// One file's bytes to the text the parser sees: decompressed (archives refused), decoded,
/// checked for NUL bytes, meta-commands and COPY data blanked, a pg_dumpall section picked.
fn source_file(
    name: String,
    path: Option<&Path>,
    bytes: Vec<u8>,
    opts: &InputOptions,
    diags: &mut Vec<Diag>,
) -> Result<Arc<SourceFile>, Box<Diag>> {
    let bytes = format::sql_bytes(&name, path, bytes)?;
    let mut file = encoding::decode(name, &bytes)?;
    drop(bytes);
    if let Some(at) = file.text.find('\0') {
        // Shown as a visible character: a raw NUL would reach the terminal.
        let file = Arc::new(SourceFile::new(
            file.name,
            file.text.replace('\0', "\u{2400}"),
        ));
        return Err(Box::new(
            Diag::error(
                "nul-byte",
                format!(
                    "{} holds a NUL byte (0x00), which SQL text cannot",
                    file.name
                ),
            )
            .at(&file, at..at + 1)
            .with_help("the file is binary or corrupt here; PostgreSQL would refuse it too"),
        ));
    }
    let blanked = file.edit(meta::blank_non_sql);
    let (file, note) = dumpall::select(file, &blanked.connects, opts.database.as_deref())?;
    for span in blanked.copies {
        diags.push(
            Diag::warning(
                "copy-data-skipped",
                format!("{}: COPY data skipped (only the schema is read)", file.name),
            )
            .at(&file, span),
        );
    }
    diags.extend(note);
    Ok(file)
}

fn read_file(path: &Path) -> Result<Vec<u8>, Box<Diag>> {
    std::fs::read(path).map_err(|e| {
        Box::new(Diag::error(
            "io",
            format!("cannot read {}: {e}", path.display()),
        ))
    })
}

/// Every `*.sql` and `*.sql.gz` file beneath `dir`, sorted by path (so `000-x.sql` replays
/// before `001-y.sql.gz`).
fn sql_files_under(dir: &Path) -> Result<Vec<PathBuf>, Box<Diag>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry =
            entry.map_err(|e| Diag::error("io", format!("cannot walk {}: {e}", dir.display())))?;
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && (name.ends_with(".sql") || name.ends_with(".sql.gz")) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// The file PATH at revision REV, read with `git cat-file blob` (a blob only: a tree or a
/// missing path is an error, never an empty schema). REV is never taken as an option: a
/// leading `-` is refused and `--end-of-options` closes git's options anyway.
fn git_show(rev: &str, path: &str) -> Result<Vec<u8>, Box<Diag>> {
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
            format!(
                "cannot read git:{rev}:{path}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        )));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::SourceFile;

    #[test]
    fn a_line_walked_to_is_the_line_searched_for() {
        let f = SourceFile::new("t.sql", "a;\n\nb\n;c;\n\n".to_string());
        for offset in 0..=f.text.len() + 2 {
            let line = f.line_col(offset).0;
            for from in 0..=line + 1 {
                assert_eq!(
                    f.line_from(offset, from),
                    line,
                    "offset {offset} from {from}"
                );
            }
        }
    }
}
