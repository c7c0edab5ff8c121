//! Constants as the server prints them. A string literal given a type becomes a constant of
//! that type when the statement is parsed, and ruleutils prints it back through the type's
//! output function, labelled with the type unless the form says it: `5`, `'-1'::integer`,
//! `1.50`, `'7'::bigint`, `true`, `'x'::text`, `'2020-01-01 00:00:00'::timestamp without
//! time zone`. Where this module cannot reproduce the output function (a time zone, an
//! interval, a JSON document), the literal keeps its text, labelled: the same value, only
//! perhaps spelled otherwise than the server would.

use pg_query::protobuf::{self, a_const, Node, TypeName};
use pg_query::NodeEnum;

use super::ty::Ty;
use crate::catalog::resolve::Resolver;

/// The constant the string literal `value` becomes as a value of type `ty` (not a domain:
/// the server prints a domain's constant under a cast of its own), `None` when `value`
/// does not read as one (the server would refuse it).
pub fn literal(value: &str, ty: &Ty, r: &Resolver) -> Option<Node> {
    let tn = || ty.type_name(r);
    let name = match ty {
        Ty::Builtin(_) => ty.name(),
        Ty::Enum(_) | Ty::EnumArray(_) => return Some(typed(value, tn()?)),
        // A string type's constant prints as written (citext); another's input function
        // may rewrite it.
        Ty::Extension(..) if ty.category() == super::ty::STRING => {
            return Some(typed(value, tn()?))
        }
        Ty::Unknown | Ty::Domain(..) | Ty::Extension(..) => return None,
    };
    let as_written = || tn().map(|t| typed(value, t));
    match name.as_str() {
        "integer" => Some(int4(value.trim().parse().ok()?)),
        "smallint" => Some(typed(&value.trim().parse::<i16>().ok()?.to_string(), tn()?)),
        "bigint" => Some(typed(&value.trim().parse::<i64>().ok()?.to_string(), tn()?)),
        "numeric" => Some(numeric(&normalize_numeric(value.trim())?)),
        "boolean" => Some(boolean(value)?),
        "double precision" => value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| plain_float(*v))
            .and_then(|v| Some(typed(&v.to_string(), tn()?)))
            .or_else(as_written),
        "real" => value
            .trim()
            .parse::<f32>()
            .ok()
            .filter(|v| plain_float(f64::from(*v)))
            .and_then(|v| Some(typed(&v.to_string(), tn()?)))
            .or_else(as_written),
        "date" => Some(typed(
            &date(value).unwrap_or_else(|| value.to_string()),
            tn()?,
        )),
        "timestamp without time zone" => Some(typed(
            &timestamp(value).unwrap_or_else(|| value.to_string()),
            tn()?,
        )),
        "timestamp with time zone" if r.utc => Some(typed(
            &timestamptz_utc(value).unwrap_or_else(|| value.to_string()),
            tn()?,
        )),
        "time without time zone" => Some(typed(
            &time(value.trim()).unwrap_or_else(|| value.to_string()),
            tn()?,
        )),
        "interval" => Some(typed(
            &interval(value).unwrap_or_else(|| value.to_string()),
            tn()?,
        )),
        "jsonb" => Some(typed(
            &super::json::jsonb(value).unwrap_or_else(|| value.to_string()),
            tn()?,
        )),
        "uuid" => Some(typed(
            &uuid(value).unwrap_or_else(|| value.to_string()),
            tn()?,
        )),
        // A relation named as `expr` names it in a `::regclass` cast: qualified.
        "regclass" => {
            let q = crate::catalog::expr::parse_qualified(value)
                .map(|q| r.relation(&q.schema, &q.name).sql());
            Some(typed(&q.unwrap_or_else(|| value.to_string()), tn()?))
        }
        _ => as_written(),
    }
}

/// An `integer` constant: bare, or `'-n'::integer` when negative (so that it reads back as
/// one constant).
pub fn int4(v: i32) -> Node {
    if v < 0 {
        cast(&v.to_string(), "int4")
    } else {
        constant(a_const::Val::Ival(protobuf::Integer { ival: v }))
    }
}

fn boolean(value: &str) -> Option<Node> {
    let v = match value.trim().to_ascii_lowercase().as_str() {
        "t" | "tr" | "tru" | "true" | "y" | "ye" | "yes" | "on" | "1" => true,
        "f" | "fa" | "fal" | "fals" | "false" | "n" | "no" | "off" | "of" | "0" => false,
        _ => return None,
    };
    Some(constant(a_const::Val::Boolval(protobuf::Boolean {
        boolval: v,
    })))
}

/// A `numeric` constant (already in `numeric_out`'s form): bare when it reads as a numeric
/// literal (a decimal point, no sign), else `'v'::numeric`.
pub fn numeric(v: &str) -> Node {
    let bare = v.starts_with(|c: char| c.is_ascii_digit()) && v.contains(['.', 'e', 'E']);
    if bare {
        constant(a_const::Val::Fval(protobuf::Float {
            fval: v.to_string(),
        }))
    } else {
        cast(v, "numeric")
    }
}

/// `numeric_out` of what `numeric_in` reads from `v`: no leading zeros, the scale as written
/// (an exponent moves it), `-` only on a value other than zero. `None` for what it does not
/// cover (NaN, Infinity) or cannot read.
pub fn normalize_numeric(v: &str) -> Option<String> {
    let (negative, rest) = match v.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, v.strip_prefix('+').unwrap_or(v)),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (rest.get(..i)?, rest.get(i + 1..)?.parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty()
        || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        || exponent.abs() > 1000
    {
        return None;
    }
    // All the digits, and where the decimal point goes among them.
    let digits: String = format!("{int}{frac}");
    let point = i64::try_from(int.len()).ok()? + i64::from(exponent);
    let scale = (i64::try_from(frac.len()).ok()? - i64::from(exponent)).max(0);
    let mut whole = String::new();
    let mut fraction = String::new();
    for (i, c) in (0_i64..).zip(digits.chars()) {
        if i < point {
            whole.push(c);
        } else {
            fraction.push(c);
        }
    }
    // Zeros between the point and the first digit (a negative `point`), or after the last
    // digit before the point.
    if point < 0 {
        fraction = format!("{}{fraction}", "0".repeat(usize::try_from(-point).ok()?));
    } else if point > i64::try_from(digits.len()).ok()? {
        whole.push_str(&"0".repeat(usize::try_from(point).ok()? - digits.len()));
    }
    let scale = usize::try_from(scale).ok()?;
    if fraction.len() > scale {
        // Only zeros can go (the exponent moved the point past them).
        let (kept, dropped) = fraction.split_at(scale);
        if dropped.chars().any(|c| c != '0') {
            return None;
        }
        fraction = kept.to_string();
    }
    while fraction.len() < scale {
        fraction.push('0');
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let zero = whole == "0" && fraction.chars().all(|c| c == '0');
    let sign = if negative && !zero { "-" } else { "" };
    Some(if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    })
}

/// Whether `float8out` prints `v` in plain decimal notation, as Rust's shortest form does.
fn plain_float(v: f64) -> bool {
    v.is_finite() && (v == 0.0 || (1e-4..1e15).contains(&v.abs()))
}

/// `YYYY-MM-DD`, checked; anything else is not normalized.
fn date(v: &str) -> Option<String> {
    let v = v.trim();
    let parts: Vec<&str> = v.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    // ISO order, the month and day with one or two digits (`2024-1-2`).
    let digits = |x: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (y >= 1 && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]]` as `timestamp_out` prints it (ISO date style):
/// seconds always, fractions without trailing zeros.
fn timestamp(v: &str) -> Option<String> {
    let v = v.trim();
    let (day, time_of_day) = match v.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (v, None),
    };
    let day = date(day)?;
    let Some(t) = time_of_day else {
        return Some(format!("{day} 00:00:00"));
    };
    let t = time(t).filter(|t| !t.starts_with("24"))?;
    Some(format!("{day} {t}"))
}

/// `HH:MM[:SS[.ffffff]]` as `time_out` prints it: seconds always, fractions without
/// trailing zeros (`24:00:00` is a time of day, not of a timestamp).
fn time(time: &str) -> Option<String> {
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let parts: Vec<&str> = hms.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (*h, *m, "00"),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    if h.len() != 2
        || m.len() != 2
        || s.len() != 2
        || frac.len() > 6
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (h, m, s): (u32, u32, u32) = (h.parse().ok()?, m.parse().ok()?, s.parse().ok()?);
    let midnight = h == 24 && m == 0 && s == 0 && frac.chars().all(|c| c == '0');
    if (h > 23 && !midnight) || m > 59 || s > 59 {
        return None;
    }
    let frac = frac.trim_end_matches('0');
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    Some(format!("{h:02}:{m:02}:{s:02}{frac}"))
}

/// A timestamp with time zone as `timestamptz_out` prints it in a UTC session: the text of
/// a timestamp, with a zone offset (`Z`, `UTC`, `+HH`, `+HH:MM`, `+HHMM`, `-...`, after a
/// space or not) moved into UTC, or read in UTC without one; `+00` after it.
fn timestamptz_utc(v: &str) -> Option<String> {
    let v = v.trim();
    let (local, offset) = split_offset(v)?;
    let ts = timestamp(local)?;
    let (day, t) = ts.split_once(' ')?;
    let (y, rest) = day.split_once('-')?;
    let (mo, d) = rest.split_once('-')?;
    let (hms, frac) = t.split_once('.').unwrap_or((t, ""));
    let mut parts = hms.split(':').map(|p| p.parse::<i64>().ok());
    let (h, mi, s) = (parts.next()??, parts.next()??, parts.next()??);
    let days = days_from_civil(y.parse().ok()?, mo.parse().ok()?, d.parse().ok()?);
    let secs = days * 86_400 + h * 3600 + mi * 60 + s - offset;
    let (days, secs) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, mo, d) = civil_from_days(days);
    if y < 1 {
        return None;
    }
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    Some(format!(
        "{y:04}-{mo:02}-{d:02} {:02}:{:02}:{:02}{frac}+00",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    ))
}

/// The text before a zone offset and the offset in seconds east of UTC (0 without one).
fn split_offset(v: &str) -> Option<(&str, i64)> {
    for utc in ["Z", "z", "UTC", "utc", "+00", "+00:00"] {
        if let Some(rest) = v.strip_suffix(utc) {
            if rest.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
                return Some((rest.trim_end(), 0));
            }
        }
    }
    // A sign after the time of day (the date has its own `-`s).
    let Some(i) = v
        .rfind(['+', '-'])
        .filter(|&i| v.get(..i).is_some_and(|b| b.contains(':')))
    else {
        return Some((v, 0));
    };
    let (local, zone) = (v.get(..i)?.trim_end(), v.get(i..)?);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits = zone.get(1..)?;
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => (digits.get(..2)?, digits.get(2..)?),
        None => (digits, "0"),
    };
    if !(1..=2).contains(&h.len()) || m.len() > 2 {
        return None;
    }
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    if h > 15 || m > 59 {
        return None;
    }
    Some((local, sign * (h * 3600 + m * 60)))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// An interval written as whole quantities of units (`1 day`, `2 hours 30 minutes`, `-1
/// week`, `1 year 2 mons`) and at most one `[-]H:MM[:SS[.ffffff]]`, as `interval_out`
/// prints it (`IntervalStyle` postgres): years and months, days, then the time as
/// `HH:MM:SS`. `None` for any other form (fractions of units, `ago`, ISO 8601).
fn interval(v: &str) -> Option<String> {
    let v = v.trim();
    let v = v.strip_prefix('@').unwrap_or(v);
    let (mut months, mut days, mut micros) = (0_i64, 0_i64, 0_i64);
    let mut tokens = v.split_whitespace().peekable();
    let mut clock = false;
    let mut any = false;
    while let Some(t) = tokens.next() {
        any = true;
        if t.contains(':') {
            if clock {
                return None;
            }
            clock = true;
            let (neg, t) = match t.strip_prefix('-') {
                Some(r) => (true, r),
                None => (false, t.strip_prefix('+').unwrap_or(t)),
            };
            let (hms, frac) = t.split_once('.').unwrap_or((t, ""));
            let parts: Vec<&str> = hms.split(':').collect();
            let (h, m, s) = match parts.as_slice() {
                [h, m] => (*h, *m, "0"),
                [h, m, s] => (*h, *m, *s),
                _ => return None,
            };
            if frac.len() > 6 || !frac.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let (h, m, s): (i64, i64, i64) = (h.parse().ok()?, m.parse().ok()?, s.parse().ok()?);
            if h < 0 || !(0..60).contains(&m) || !(0..60).contains(&s) {
                return None;
            }
            let f: i64 = format!("{frac:0<6}").parse().ok()?;
            let total = ((h * 60 + m) * 60 + s) * 1_000_000 + f;
            micros += if neg { -total } else { total };
            continue;
        }
        let n: i64 = t.parse().ok()?;
        let unit = tokens.next()?.to_ascii_lowercase();
        match unit.as_str() {
            "microsecond" | "microseconds" | "us" | "usec" | "usecs" => micros += n,
            "millisecond" | "milliseconds" | "ms" | "msec" | "msecs" => micros += n * 1_000,
            "second" | "seconds" | "s" | "sec" | "secs" => micros += n * 1_000_000,
            "minute" | "minutes" | "m" | "min" | "mins" => micros += n * 60_000_000,
            "hour" | "hours" | "h" | "hr" | "hrs" => micros += n * 3_600_000_000,
            "day" | "days" | "d" => days += n,
            "week" | "weeks" | "w" => days += n * 7,
            "month" | "months" | "mon" | "mons" => months += n,
            "year" | "years" | "y" | "yr" | "yrs" => months += n * 12,
            _ => return None,
        }
        if n.abs() > 1_000_000 {
            return None;
        }
    }
    if !any {
        return None;
    }
    let mut out = String::new();
    let (mut is_zero, mut is_before) = (true, false);
    let mut part = |value: i64, unit: &str, out: &mut String| {
        if value == 0 {
            return;
        }
        if !is_zero {
            out.push(' ');
        }
        if is_before && value > 0 {
            out.push('+');
        }
        out.push_str(&format!(
            "{value} {unit}{}",
            if value == 1 { "" } else { "s" }
        ));
        is_before = value < 0;
        is_zero = false;
    };
    part(months / 12, "year", &mut out);
    part(months % 12, "mon", &mut out);
    part(days, "day", &mut out);
    if is_zero || micros != 0 {
        let minus = micros < 0;
        let a = micros.abs();
        let (h, m, s, f) = (
            a / 3_600_000_000,
            a / 60_000_000 % 60,
            a / 1_000_000 % 60,
            a % 1_000_000,
        );
        if !is_zero {
            out.push(' ');
        }
        out.push_str(if minus {
            "-"
        } else if is_before {
            "+"
        } else {
            ""
        });
        out.push_str(&format!("{h:02}:{m:02}:{s:02}"));
        if f != 0 {
            let f = format!("{f:06}");
            out.push('.');
            out.push_str(f.trim_end_matches('0'));
        }
    }
    Some(out)
}

/// A UUID written as 32 hex digits, in groups of 8-4-4-4-12 or not, as `uuid_out` prints it.
fn uuid(v: &str) -> Option<String> {
    let hex: String = v.chars().filter(|c| *c != '-').collect();
    let grouped = v.len() == 36
        && [8, 13, 18, 23]
            .iter()
            .all(|&i| v.as_bytes().get(i) == Some(&b'-'));
    if hex.len() != 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) || !(grouped || v.len() == 32)
    {
        return None;
    }
    let h = hex.to_ascii_lowercase();
    Some(format!(
        "{}-{}-{}-{}-{}",
        h.get(..8)?,
        h.get(8..12)?,
        h.get(12..16)?,
        h.get(16..20)?,
        h.get(20..)?
    ))
}

pub fn constant(val: a_const::Val) -> Node {
    Node {
        node: Some(NodeEnum::AConst(protobuf::AConst {
            isnull: false,
            val: Some(val),
            location: 0,
        })),
    }
}

/// `NULL::type`.
pub fn null(tn: TypeName) -> Node {
    let arg = Node {
        node: Some(NodeEnum::AConst(protobuf::AConst {
            isnull: true,
            val: None,
            location: 0,
        })),
    };
    Node {
        node: Some(NodeEnum::TypeCast(Box::new(protobuf::TypeCast {
            arg: Some(Box::new(arg)),
            type_name: Some(tn),
            location: 0,
        }))),
    }
}

/// `'v'::pg_catalog.<internal>`.
pub fn cast(v: &str, internal: &str) -> Node {
    let names = ["pg_catalog", internal]
        .iter()
        .map(|p| Node {
            node: Some(NodeEnum::String(protobuf::String {
                sval: p.to_string(),
            })),
        })
        .collect();
    typed(
        v,
        TypeName {
            names,
            typemod: -1,
            ..Default::default()
        },
    )
}

/// `'v'::type`.
pub fn typed(v: &str, tn: TypeName) -> Node {
    let arg = constant(a_const::Val::Sval(protobuf::String {
        sval: v.to_string(),
    }));
    Node {
        node: Some(NodeEnum::TypeCast(Box::new(protobuf::TypeCast {
            arg: Some(Box::new(arg)),
            type_name: Some(tn),
            location: 0,
        }))),
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_numeric as n;

    #[test]
    fn numeric_reads_as_numeric_out_prints() {
        assert_eq!(n("1.50").as_deref(), Some("1.50"));
        assert_eq!(n("007").as_deref(), Some("7"));
        assert_eq!(n(".5").as_deref(), Some("0.5"));
        assert_eq!(n("-0.00").as_deref(), Some("0.00"));
        assert_eq!(n("1e3").as_deref(), Some("1000"));
        assert_eq!(n("1.5e1").as_deref(), Some("15"));
        assert_eq!(n("1.25e-1").as_deref(), Some("0.125"));
        assert_eq!(n("+12.0").as_deref(), Some("12.0"));
        assert_eq!(n("abc"), None);
        assert_eq!(n("NaN"), None);
    }
}
