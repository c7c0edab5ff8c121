//! From bytes to text: a byte-order mark decides the encoding (UTF-8 skipped, UTF-16
//! decoded); otherwise the `SET client_encoding` lines pg_dump writes do, each from where it
//! stands (a pg_dumpall file declares one per database), and text before any declaration is
//! UTF-8. PostgreSQL's encoding names and aliases map to decoders in one table, `ENCODINGS`.
//! Bytes the encoding in force cannot read are an error at their line and column.

use encoding_rs::Encoding;

use super::source::SourceFile;
use crate::diag::Diag;

/// How the bytes of one PostgreSQL encoding become text.
#[derive(Clone, Copy, Debug)]
enum Decoding {
    /// UTF-8, checked.
    Utf8,
    /// SQL_ASCII: bytes with no encoding; read as UTF-8, anything else is an error.
    Bytes,
    /// ISO 8859-1: each byte is the code point of the same number.
    Latin1,
    /// ISO 8859-9: ISO 8859-1 with six Turkish letters in place of Icelandic ones.
    Latin5,
    /// An encoding `encoding_rs` decodes exactly.
    Table(&'static Encoding),
    /// PostgreSQL knows it, pgdumpdiff cannot decode it: only ASCII text passes.
    Unsupported,
}

/// One PostgreSQL encoding: its name, the other names `SET client_encoding` accepts for it
/// (compared as PostgreSQL does: lower case, letters and digits only), and its decoding.
struct PgEncoding {
    name: &'static str,
    aliases: &'static [&'static str],
    decoding: Decoding,
}

const fn enc(
    name: &'static str,
    aliases: &'static [&'static str],
    decoding: Decoding,
) -> PgEncoding {
    PgEncoding {
        name,
        aliases,
        decoding,
    }
}

/// Every encoding PostgreSQL names (its `pg_encname_tbl`, aliases included).
static ENCODINGS: &[PgEncoding] = &[
    enc("SQL_ASCII", &[], Decoding::Bytes),
    enc("UTF8", &["unicode"], Decoding::Utf8),
    enc("LATIN1", &["iso88591"], Decoding::Latin1),
    enc(
        "LATIN2",
        &["iso88592"],
        Decoding::Table(encoding_rs::ISO_8859_2),
    ),
    enc(
        "LATIN3",
        &["iso88593"],
        Decoding::Table(encoding_rs::ISO_8859_3),
    ),
    enc(
        "LATIN4",
        &["iso88594"],
        Decoding::Table(encoding_rs::ISO_8859_4),
    ),
    enc("LATIN5", &["iso88599"], Decoding::Latin5),
    enc(
        "LATIN6",
        &["iso885910"],
        Decoding::Table(encoding_rs::ISO_8859_10),
    ),
    enc(
        "LATIN7",
        &["iso885913"],
        Decoding::Table(encoding_rs::ISO_8859_13),
    ),
    enc(
        "LATIN8",
        &["iso885914"],
        Decoding::Table(encoding_rs::ISO_8859_14),
    ),
    enc(
        "LATIN9",
        &["iso885915"],
        Decoding::Table(encoding_rs::ISO_8859_15),
    ),
    enc(
        "LATIN10",
        &["iso885916"],
        Decoding::Table(encoding_rs::ISO_8859_16),
    ),
    enc("ISO_8859_5", &[], Decoding::Table(encoding_rs::ISO_8859_5)),
    enc("ISO_8859_6", &[], Decoding::Table(encoding_rs::ISO_8859_6)),
    enc("ISO_8859_7", &[], Decoding::Table(encoding_rs::ISO_8859_7)),
    enc("ISO_8859_8", &[], Decoding::Table(encoding_rs::ISO_8859_8)),
    enc(
        "WIN866",
        &["alt", "windows866"],
        Decoding::Table(encoding_rs::IBM866),
    ),
    enc(
        "WIN874",
        &["windows874"],
        Decoding::Table(encoding_rs::WINDOWS_874),
    ),
    enc(
        "WIN1250",
        &["windows1250"],
        Decoding::Table(encoding_rs::WINDOWS_1250),
    ),
    enc(
        "WIN1251",
        &["win", "windows1251"],
        Decoding::Table(encoding_rs::WINDOWS_1251),
    ),
    enc(
        "WIN1252",
        &["windows1252"],
        Decoding::Table(encoding_rs::WINDOWS_1252),
    ),
    enc(
        "WIN1253",
        &["windows1253"],
        Decoding::Table(encoding_rs::WINDOWS_1253),
    ),
    enc(
        "WIN1254",
        &["windows1254"],
        Decoding::Table(encoding_rs::WINDOWS_1254),
    ),
    enc(
        "WIN1255",
        &["windows1255"],
        Decoding::Table(encoding_rs::WINDOWS_1255),
    ),
    enc(
        "WIN1256",
        &["windows1256"],
        Decoding::Table(encoding_rs::WINDOWS_1256),
    ),
    enc(
        "WIN1257",
        &["windows1257"],
        Decoding::Table(encoding_rs::WINDOWS_1257),
    ),
    enc(
        "WIN1258",
        &["abc", "tcvn", "tcvn5712", "vscii", "windows1258"],
        Decoding::Table(encoding_rs::WINDOWS_1258),
    ),
    enc("KOI8R", &["koi8"], Decoding::Table(encoding_rs::KOI8_R)),
    enc("KOI8U", &[], Decoding::Table(encoding_rs::KOI8_U)),
    enc("EUC_JP", &[], Decoding::Table(encoding_rs::EUC_JP)),
    // encoding_rs's EUC-KR is Windows-949, a superset of both.
    enc("EUC_KR", &[], Decoding::Table(encoding_rs::EUC_KR)),
    enc(
        "UHC",
        &["win949", "windows949"],
        Decoding::Table(encoding_rs::EUC_KR),
    ),
    // GB 2312 in EUC form is a subset of GBK.
    enc("EUC_CN", &[], Decoding::Table(encoding_rs::GBK)),
    enc(
        "GBK",
        &["win936", "windows936"],
        Decoding::Table(encoding_rs::GBK),
    ),
    enc("GB18030", &[], Decoding::Table(encoding_rs::GB18030)),
    enc(
        "SJIS",
        &["mskanji", "shiftjis", "win932", "windows932"],
        Decoding::Table(encoding_rs::SHIFT_JIS),
    ),
    enc(
        "BIG5",
        &["win950", "windows950"],
        Decoding::Table(encoding_rs::BIG5),
    ),
    enc("EUC_TW", &[], Decoding::Unsupported),
    enc("EUC_JIS_2004", &[], Decoding::Unsupported),
    enc("SHIFT_JIS_2004", &[], Decoding::Unsupported),
    enc("JOHAB", &[], Decoding::Unsupported),
    enc("MULE_INTERNAL", &[], Decoding::Unsupported),
];

/// The names of the encodings pgdumpdiff decodes, for help texts.
fn decodable() -> String {
    let names: Vec<&str> = ENCODINGS
        .iter()
        .filter(|e| !matches!(e.decoding, Decoding::Unsupported))
        .map(|e| e.name)
        .collect();
    names.join(", ")
}

/// A name as PostgreSQL compares encoding names: lower case, letters and digits only.
fn clean(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn lookup(name: &str) -> Option<&'static PgEncoding> {
    let key = clean(name);
    ENCODINGS
        .iter()
        .find(|e| clean(e.name) == key || e.aliases.contains(&key.as_str()))
}

/// PostgreSQL's own name of the encoding `name` names (an alias, in any case), as its
/// catalogs hold it and pg_dump prints it; `None` when the server knows no such encoding.
pub fn canonical_name(name: &str) -> Option<&'static str> {
    lookup(name).map(|e| e.name)
}

/// What says which encoding a stretch of bytes is in.
#[derive(Clone, Debug)]
enum Declared {
    /// Nothing: UTF-8.
    Nothing,
    /// A byte-order mark.
    Bom(&'static str),
    /// `SET client_encoding = 'NAME'` (or psql's `\encoding NAME`), as written.
    Set(String),
}

/// Decodes a whole file into a `SourceFile` (same lines; a skipped byte-order mark moves
/// nothing but the first line's bytes).
pub fn decode(name: String, bytes: &[u8]) -> Result<SourceFile, Box<Diag>> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_run(name, rest, &[(0, Declared::Bom("UTF-8"))]);
    }
    for (bom, encoding, label) in [
        (b"\xFF\xFE", encoding_rs::UTF_16LE, "UTF-16LE"),
        (b"\xFE\xFF", encoding_rs::UTF_16BE, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let mut text = String::new();
            return match decode_table(encoding, rest, &mut text) {
                Ok(()) => Ok(SourceFile::new(name, text)),
                Err(bad) => Err(bad_bytes(name, text, rest, bad, &Declared::Bom(label))),
            };
        }
    }
    let mut runs = vec![(0, Declared::Nothing)];
    runs.extend(declarations(bytes));
    decode_run(name, bytes, &runs)
}

/// Decodes `bytes`, each run from its start offset with the encoding its declaration names.
fn decode_run(
    name: String,
    bytes: &[u8],
    runs: &[(usize, Declared)],
) -> Result<SourceFile, Box<Diag>> {
    let mut text = String::with_capacity(bytes.len());
    for (i, (start, declared)) in runs.iter().enumerate() {
        let end = runs.get(i + 1).map_or(bytes.len(), |r| r.0);
        let Some(run) = bytes.get(*start..end) else {
            continue;
        };
        let result = match declared {
            Declared::Nothing | Declared::Bom(_) => decode_utf8(run, &mut text),
            Declared::Set(enc) => match lookup(enc).map(|e| e.decoding) {
                Some(Decoding::Utf8 | Decoding::Bytes) => decode_utf8(run, &mut text),
                Some(Decoding::Latin1) => {
                    text.extend(run.iter().map(|&b| char::from(b)));
                    Ok(())
                }
                Some(Decoding::Latin5) => {
                    text.extend(run.iter().map(|&b| latin5(b)));
                    Ok(())
                }
                Some(Decoding::Table(encoding)) => decode_table(encoding, run, &mut text),
                Some(Decoding::Unsupported) | None => {
                    match run.iter().position(|b| !b.is_ascii()) {
                        None => decode_utf8(run, &mut text),
                        Some(bad) => {
                            decode_utf8(run.get(..bad).unwrap_or_default(), &mut text).ok();
                            Err(bad)
                        }
                    }
                }
            },
        };
        if let Err(bad) = result {
            return Err(bad_bytes(name, text, run, bad, declared));
        }
    }
    Ok(SourceFile::new(name, text))
}

/// ISO 8859-9 differs from ISO 8859-1 in six places.
fn latin5(b: u8) -> char {
    match b {
        0xD0 => 'Ğ',
        0xDD => 'İ',
        0xDE => 'Ş',
        0xF0 => 'ğ',
        0xFD => 'ı',
        0xFE => 'ş',
        other => char::from(other),
    }
}

/// Appends `run` as UTF-8; on error, the valid part is appended and the offset of the first
/// bad byte returned.
fn decode_utf8(run: &[u8], text: &mut String) -> Result<(), usize> {
    match std::str::from_utf8(run) {
        Ok(s) => {
            text.push_str(s);
            Ok(())
        }
        Err(e) => {
            let good = e.valid_up_to();
            if let Some(Ok(s)) = run.get(..good).map(std::str::from_utf8) {
                text.push_str(s);
            }
            Err(good)
        }
    }
}

/// Appends `run` decoded by `encoding`; on a malformed sequence, what came before it is
/// appended and the sequence's offset returned.
fn decode_table(encoding: &'static Encoding, run: &[u8], text: &mut String) -> Result<(), usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut read = 0;
    loop {
        let rest = run.get(read..).unwrap_or_default();
        text.reserve(
            decoder
                .max_utf8_buffer_length_without_replacement(rest.len())
                .unwrap_or(rest.len() * 3)
                .max(4),
        );
        let (result, n) = decoder.decode_to_string_without_replacement(rest, text, true);
        read += n;
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Ok(()),
            encoding_rs::DecoderResult::OutputFull => continue,
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                return Err(read.saturating_sub(usize::from(bad) + usize::from(after)));
            }
        }
    }
}

/// The error for the first byte the encoding in force cannot read: `decoded` is the text
/// before it, `run[bad..]` the bytes from it on (shown as best they can be, for the snippet).
fn bad_bytes(
    name: String,
    decoded: String,
    run: &[u8],
    bad: usize,
    declared: &Declared,
) -> Box<Diag> {
    let rest = run.get(bad..).unwrap_or_default();
    let byte = rest
        .first()
        .map_or_else(String::new, |b| format!("0x{b:02X}"));
    let at = decoded.len();
    let mut text = decoded;
    text.push_str(&String::from_utf8_lossy(rest));
    let file = std::sync::Arc::new(SourceFile::new(name.clone(), text));
    let convert =
        "convert it to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8, with the encoding its text is in)";
    let (message, help) = match declared {
        Declared::Nothing => (
            format!("{name} is not UTF-8 and declares no encoding: invalid byte {byte}"),
            format!("pg_dump writes the dump's encoding near the top, as SET client_encoding = 'LATIN1'; add that line with the encoding the file is in, or {convert}"),
        ),
        Declared::Bom(label) => (
            format!("{name} starts with a {label} byte-order mark but is not {label}: invalid byte {byte}"),
            convert.to_string(),
        ),
        Declared::Set(enc) => match lookup(enc) {
            Some(e @ PgEncoding { decoding: Decoding::Bytes, .. }) => (
                format!("{name} declares client_encoding '{}' (bytes with no encoding), and this byte starts no UTF-8 character: {byte}", e.name),
                format!("pgdumpdiff reads SQL_ASCII text as UTF-8: {convert}, or change the SET client_encoding line to the encoding the text is in"),
            ),
            Some(e @ PgEncoding { decoding: Decoding::Unsupported, .. }) => (
                format!("{name} declares client_encoding '{}', which pgdumpdiff cannot decode, and holds text that is not ASCII", e.name),
                format!("convert the file to UTF-8 (iconv) and change its SET client_encoding line to 'UTF8'; pgdumpdiff decodes {}", decodable()),
            ),
            Some(e) => (
                format!("{name}: invalid byte sequence for encoding {} (its SET client_encoding) at {byte}", e.name),
                format!("the text does not match the encoding it declares: change the SET client_encoding line to the encoding the text is in, or {convert}"),
            ),
            None => (
                format!("{name} declares client_encoding '{enc}', which is not a PostgreSQL encoding, and holds text that is not ASCII"),
                format!("change the SET client_encoding line to the encoding the text is in; pgdumpdiff decodes {}", decodable()),
            ),
        },
    };
    Box::new(
        Diag::error("encoding", message)
            .at(&file, at..at + 1)
            .with_help(help),
    )
}

/// Lines that set the client encoding, with the offset of the line's start: pg_dump's
/// `SET client_encoding = 'UTF8';` (also `TO`, unquoted, `SET NAMES`) and psql's
/// `\encoding NAME`, each at the start of a line. `DEFAULT` goes back to UTF-8.
fn declarations(bytes: &[u8]) -> Vec<(usize, Declared)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in bytes.split(|&b| b == b'\n') {
        if let Some(name) = declared_encoding(line) {
            let declared = if name.eq_ignore_ascii_case("default") {
                Declared::Nothing
            } else {
                Declared::Set(name)
            };
            out.push((start, declared));
        }
        start += line.len() + 1;
    }
    out
}

/// The encoding a line sets, if it is one of the lines `declarations` reads.
fn declared_encoding(line: &[u8]) -> Option<String> {
    if !matches!(line.first(), Some(b'S' | b's' | b'\\')) {
        return None;
    }
    let line = std::str::from_utf8(line.get(..line.len().min(200))?)
        .ok()?
        .trim_end();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '=')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let value = if let Some(rest) = line.strip_prefix("\\encoding") {
        words(rest).first().cloned()?
    } else {
        let w = words(line.strip_suffix(';')?);
        let lower: Vec<String> = w.iter().map(|s| s.to_ascii_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        match lower.as_slice() {
            ["set", "client_encoding", "to", _]
            | ["set", "session", "client_encoding", "to", _] => w.last()?.clone(),
            ["set", "client_encoding", _]
            | ["set", "session", "client_encoding", _]
            | ["set", "names", _] => w.last()?.clone(),
            _ => return None,
        }
    };
    let unquoted = value
        .strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .unwrap_or(&value);
    (!unquoted.is_empty()).then(|| unquoted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_compare_as_postgresql_does() {
        assert_eq!(lookup("latin1").map(|e| e.name), Some("LATIN1"));
        assert_eq!(lookup("ISO-8859-1").map(|e| e.name), Some("LATIN1"));
        assert_eq!(lookup("iso_8859_5").map(|e| e.name), Some("ISO_8859_5"));
        assert_eq!(lookup("Windows-1252").map(|e| e.name), Some("WIN1252"));
        assert_eq!(lookup("Shift_JIS").map(|e| e.name), Some("SJIS"));
        assert_eq!(lookup("unicode").map(|e| e.name), Some("UTF8"));
        assert!(lookup("klingon").is_none());
    }

    #[test]
    fn declarations_are_read_at_the_start_of_lines() {
        let names = |s: &str| -> Vec<String> {
            declarations(s.as_bytes())
                .into_iter()
                .map(|(at, d)| match d {
                    Declared::Set(n) => format!("{at}:{n}"),
                    Declared::Nothing | Declared::Bom(_) => format!("{at}:-"),
                })
                .collect()
        };
        assert_eq!(
            names("SET client_encoding = 'LATIN1';\nx\n"),
            vec!["0:LATIN1"]
        );
        assert_eq!(names("--\nset CLIENT_ENCODING to win1252;\n\\encoding SQL_ASCII\nSET client_encoding TO DEFAULT;\n"), vec!["3:win1252", "35:SQL_ASCII", "55:-"]);
        // A function's SET clause is indented and has no semicolon of its own.
        assert!(names("CREATE FUNCTION f() RETURNS int\n    SET client_encoding TO 'LATIN1'\n    AS $$ SELECT 1 $$;\n").is_empty());
    }

    #[test]
    fn each_declaration_holds_from_where_it_stands() {
        let mut bytes = b"-- caf\xC3\xA9\nSET client_encoding = 'LATIN1';\n-- caf\xE9\nSET client_encoding = 'LATIN5';\n-- \xFE\n".to_vec();
        let file = decode("x.sql".into(), &bytes).expect("decodes");
        assert_eq!(file.text, "-- café\nSET client_encoding = 'LATIN1';\n-- café\nSET client_encoding = 'LATIN5';\n-- ş\n");
        bytes.truncate(10);
        bytes.push(0xE9);
        let err = decode("x.sql".into(), &bytes).expect_err("not UTF-8");
        assert_eq!(err.location().as_deref(), Some("x.sql:2:2"));
    }

    #[test]
    fn multibyte_encodings_report_the_first_bad_sequence() {
        // EUC-JP: "日本" then a lead byte with no trail.
        let bytes = b"SET client_encoding = 'EUC_JP';\n-- \xC6\xFC\xCB\xDC \xC6\n";
        let err = decode("j.sql".into(), bytes).expect_err("malformed");
        assert_eq!(err.location().as_deref(), Some("j.sql:2:7"));
        let ok = decode(
            "j.sql".into(),
            b"SET client_encoding = 'EUC_JP';\n-- \xC6\xFC\xCB\xDC\n",
        )
        .expect("decodes");
        assert!(ok.text.ends_with("-- 日本\n"), "{}", ok.text);
    }
}
