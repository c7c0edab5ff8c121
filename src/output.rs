//! Where the migration goes: standard output, or `-o FILE`.
//!
//! A regular FILE is replaced atomically (a temporary file beside it, renamed over it), keeping
//! its mode and owner, so a failed run leaves the old content whole. A symbolic link is
//! followed: the file it names is replaced and the link stays. A device, FIFO or socket
//! (`-o /dev/null`, `-o /dev/stdout`) is written to directly, never replaced. FILE must not be
//! one of the inputs.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Symbolic links followed before giving up (the kernel's own limit).
const MAX_LINKS: usize = 40;

/// `path` with every symbolic link along the final component followed, even when the last one
/// is dangling (the file it names is then created).
fn follow_links(path: &Path) -> Result<PathBuf, String> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)
                    .map_err(|e| format!("cannot read the link {}: {e}", p.display()))?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(format!(
        "cannot write {}: too many levels of symbolic links",
        path.display()
    ))
}

/// Refuses an output FILE that is one of the files read as input (the migration would
/// overwrite the schema it was computed from).
pub fn check_not_an_input(output: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    let Ok(out) = fs::metadata(output) else {
        return Ok(());
    };
    if !out.is_file() {
        return Ok(());
    }
    for input in inputs {
        if fs::metadata(input).is_ok_and(|m| m.dev() == out.dev() && m.ino() == out.ino()) {
            return Err(format!(
                "the output file {} is the input {}: refusing to overwrite it",
                output.display(),
                input.display()
            ));
        }
    }
    Ok(())
}

/// Writes `text` to standard output or to `path` (see the module documentation).
pub fn write(path: Option<&Path>, text: &str) -> Result<(), String> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(text.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| format!("cannot write output: {e}"));
    };
    let target = follow_links(path)?;
    match fs::metadata(&target) {
        Ok(m) if m.is_dir() => Err(format!(
            "cannot write {}: it is a directory",
            path.display()
        )),
        Ok(m) if !m.is_file() => OpenOptions::new()
            .write(true)
            .open(&target)
            .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|_| f.flush()))
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        Ok(m) => replace(&target, text, Some(&m))
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => replace(&target, text, None)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        Err(e) => Err(format!("cannot write {}: {e}", path.display())),
    }
}

/// Writes a new file beside `target` and renames it over `target`; with `existing`, the new
/// file takes its mode and (where allowed) its owner first.
fn replace(target: &Path, text: &str, existing: Option<&fs::Metadata>) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "migration.sql".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        // create_new: never follow a link or reuse a file someone placed at the temporary name.
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o666)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.flush()?;
        if let Some(m) = existing {
            // Owner first: chown clears set-id bits, which the mode then restores.
            let _ = std::os::unix::fs::fchown(&f, Some(m.uid()), Some(m.gid()));
            f.set_permissions(fs::Permissions::from_mode(m.mode() & 0o7777))?;
        }
        drop(f);
        fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
