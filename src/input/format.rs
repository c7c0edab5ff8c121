//! What a file is, by its first bytes (never its name): gzip-compressed SQL is decompressed;
//! pg_dump's own archive formats (custom, directory, tar), other compressions and other
//! archives are refused with the command that turns them into SQL.

use std::io::Read;
use std::path::Path;

use crate::diag::Diag;

/// What the first bytes of a file say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Text (or anything else: the decoder judges it).
    Plain,
    Gzip,
    /// `PGDMP`: a custom-format archive, or the `toc.dat` of a directory-format one.
    PgDumpArchive,
    /// A tar archive; `toc`: it holds a `toc.dat`, so pg_dump wrote it (`-Ft`).
    Tar {
        toc: bool,
    },
    Zip,
    /// Another compression: its name and the command that decompresses it to stdout.
    Compressed(&'static str, &'static str),
}

fn sniff(bytes: &[u8]) -> Kind {
    const OTHERS: &[(&[u8], &str, &str)] = &[
        (b"\x28\xB5\x2F\xFD", "zstd", "zstd -dc"),
        (b"BZh", "bzip2", "bzip2 -dc"),
        (b"\xFD7zXZ\x00", "xz", "xz -dc"),
        (b"\x04\x22\x4D\x18", "lz4", "lz4 -dc"),
    ];
    if bytes.starts_with(b"\x1F\x8B") {
        return Kind::Gzip;
    }
    if bytes.starts_with(b"PGDMP") {
        return Kind::PgDumpArchive;
    }
    if bytes.get(257..262) == Some(b"ustar".as_slice()) {
        return Kind::Tar {
            toc: tar_has_toc(bytes),
        };
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Kind::Zip;
    }
    for (magic, name, command) in OTHERS {
        if bytes.starts_with(magic) {
            return Kind::Compressed(name, command);
        }
    }
    Kind::Plain
}

/// Whether a tar archive has a member named `toc.dat` (walking its 512-byte headers).
fn tar_has_toc(bytes: &[u8]) -> bool {
    let mut at = 0usize;
    while let Some(header) = bytes.get(at..at.saturating_add(512)) {
        let name = header.get(..100).unwrap_or_default();
        let name = name.split(|&b| b == 0).next().unwrap_or_default();
        if name.is_empty() {
            return false;
        }
        if name == b"toc.dat" || name.ends_with(b"/toc.dat") {
            return true;
        }
        let size = header
            .get(124..136)
            .and_then(|s| std::str::from_utf8(s).ok())
            .map(|s| s.trim_matches(|c: char| c == '\0' || c == ' '));
        let Some(Ok(size)) = size.map(|s| usize::from_str_radix(s, 8)) else {
            return false;
        };
        at = at
            .saturating_add(512)
            .saturating_add(size.div_ceil(512).saturating_mul(512));
    }
    false
}

/// How a file is named in the commands a help text suggests.
fn shell_word(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%".contains(c))
    {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

/// The most bytes gzip decompression produces for one input, all layers together (a
/// gzip inside a gzip counts both): 4 GiB, hundreds of times a large schema dump, so that a
/// small file that expands without end (a gzip bomb) stops there instead of exhausting
/// memory. Each layer is read through `Read::take`, so no more than this (beside the
/// compressed bytes) is ever held. A larger input (a whole dump with its data, say) can be
/// decompressed first: a plain file has no limit but memory.
pub const GUNZIP_LIMIT: u64 = 4 << 30;

/// The most layers of gzip inside gzip unwrapped: a file can decompress to itself (a gzip
/// quine), and would be unwrapped forever, a few hundred bytes at a time.
pub const GZIP_LAYERS: usize = 100;

/// The SQL text of a file: gzip unwrapped (however many times, up to `GZIP_LAYERS` and
/// `GUNZIP_LIMIT`), archives refused. `name` is what diagnostics call it; `path` is set when
/// it is a file a command can be given.
pub fn sql_bytes(
    name: &str,
    path: Option<&Path>,
    mut bytes: Vec<u8>,
) -> Result<Vec<u8>, Box<Diag>> {
    let arg = path.map_or_else(
        || "FILE".to_string(),
        |p| shell_word(&p.display().to_string()),
    );
    let mut gzipped = false;
    let (mut budget, mut layers) = (GUNZIP_LIMIT, 0);
    loop {
        let refuse = |what: String, help: String| {
            Err(Box::new(
                Diag::error("not-sql", format!("{name} is {what}, not SQL text")).with_help(help),
            ))
        };
        let restore = |format: &str| {
            if gzipped {
                format!("pg_restore reads {format} archives; convert it to SQL first: gunzip -c {arg} | pg_restore --schema-only -f out.sql")
            } else {
                format!("pg_restore reads {format} archives; convert it to SQL first: pg_restore --schema-only -f out.sql {arg}")
            }
        };
        let gz = if gzipped { "a gzip-compressed " } else { "a " };
        match sniff(&bytes) {
            Kind::Plain => return Ok(bytes),
            Kind::Gzip => {
                layers += 1;
                if layers > GZIP_LAYERS {
                    return Err(Box::new(
                        Diag::error("gzip-too-deep", format!("{name} is gzip inside gzip more than {GZIP_LAYERS} times, where pgdumpdiff stops"))
                            .with_help("a dump is compressed once; this file is more likely made to never end (it may decompress to itself)"),
                    ));
                }
                // One byte past the budget tells a layer that fits from one that does not.
                let mut out = Vec::new();
                let read = flate2::read::MultiGzDecoder::new(bytes.as_slice()).take(budget.saturating_add(1)).read_to_end(&mut out);
                match read {
                    Err(e) => {
                        return Err(Box::new(
                            Diag::error("gzip", format!("cannot decompress {name} (gzip): {e}"))
                                .with_help("the file is truncated or corrupt; check it with gzip -t"),
                        ))
                    }
                    Ok(n) if n as u64 > budget => {
                        let layered = if layers > 1 { ", all its gzip layers together" } else { "" };
                        return Err(Box::new(
                            Diag::error("gzip-too-large", format!("{name} decompresses to more than {} GiB{layered}, where pgdumpdiff stops", GUNZIP_LIMIT >> 30))
                                .with_help(format!("a schema dump is rarely that large, a gzip bomb always is; if this really is a dump, decompress it yourself and give pgdumpdiff the SQL: gunzip -c {arg} > out.sql")),
                        ));
                    }
                    Ok(n) => budget -= n as u64,
                }
                bytes = out;
                gzipped = true;
            }
            Kind::PgDumpArchive if path.is_some_and(|p| p.file_name().is_some_and(|n| n == "toc.dat")) => {
                let dir = path.and_then(Path::parent).map_or_else(|| "DIR".to_string(), |d| shell_word(&d.display().to_string()));
                return refuse(
                    "the table of contents of a pg_dump archive in directory format (pg_dump -Fd)".into(),
                    format!("pg_restore reads directory archives; convert it to SQL first: pg_restore --schema-only -f out.sql {dir}"),
                );
            }
            Kind::PgDumpArchive => return refuse(format!("{gz}pg_dump archive in custom format (pg_dump -Fc)"), restore("custom")),
            Kind::Tar { toc: true } => return refuse(format!("{gz}pg_dump archive in tar format (pg_dump -Ft)"), restore("tar")),
            Kind::Tar { toc: false } => {
                return refuse(format!("{gz}tar archive"), "extract the SQL files from it (tar -xf) and give pgdumpdiff the file or their directory".into())
            }
            Kind::Zip => return refuse("a zip archive".into(), "extract the SQL files from it (unzip) and give pgdumpdiff the file or their directory".into()),
            Kind::Compressed(what, command) => {
                return refuse(
                    format!("{what}-compressed"),
                    format!("pgdumpdiff reads plain and gzip-compressed SQL; decompress it first: {command} {arg} > out.sql"),
                )
            }
        }
    }
}

/// A directory is a folder of SQL files, unless pg_dump wrote it (`-Fd`: it holds `toc.dat`).
pub fn check_directory(dir: &Path) -> Result<(), Box<Diag>> {
    if dir.join("toc.dat").is_file() {
        let arg = shell_word(&dir.display().to_string());
        return Err(Box::new(
            Diag::error("not-sql", format!("{} is a pg_dump archive in directory format (pg_dump -Fd; it holds toc.dat), not a folder of SQL files", dir.display()))
                .with_help(format!("pg_restore reads directory archives; convert it to SQL first: pg_restore --schema-only -f out.sql {arg}")),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_magic_bytes() {
        assert_eq!(sniff(b"CREATE TABLE t ();"), Kind::Plain);
        assert_eq!(sniff(b"\x1F\x8B\x08\x00"), Kind::Gzip);
        assert_eq!(sniff(b"PGDMP\x01\x0e"), Kind::PgDumpArchive);
        assert_eq!(sniff(b"BZh91AY"), Kind::Compressed("bzip2", "bzip2 -dc"));
        let mut tar = vec![0u8; 1024];
        tar[..7].copy_from_slice(b"toc.dat");
        tar[124..135].copy_from_slice(b"00000000000");
        tar[257..262].copy_from_slice(b"ustar");
        assert_eq!(sniff(&tar), Kind::Tar { toc: true });
        tar[..7].copy_from_slice(b"abc.sql");
        assert_eq!(sniff(&tar), Kind::Tar { toc: false });
    }
}
