//! The types an expression can have, as far as the typer knows them: `pg_catalog`'s (through
//! `facts`), the catalog's enums and the domains over either. What the server's rules read
//! off a type lives here: its category and preference, its element or array type, which
//! implicit coercions exist (`pg_cast`, with the catalog's own casts making a pair
//! undecidable), and how a cast to it is written.

use pg_query::protobuf::{self, Node, TypeName};
use pg_query::NodeEnum;

use crate::catalog::facts::{TypeRow, TYPES};
use crate::catalog::model::{ObjKey, ObjKind, QualName};
use crate::catalog::resolve::Resolver;

/// The type of an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    /// A string literal or NULL not yet given a type.
    Unknown,
    /// A `pg_catalog` type (array types included), by its position in `facts::TYPES`.
    Builtin(u16),
    /// A user enum.
    Enum(QualName),
    /// An array of a user enum.
    EnumArray(QualName),
    /// A user domain, over a builtin type or an enum.
    Domain(QualName, Box<Ty>),
    /// A type of an installed extension that converts implicitly to builtin types
    /// (`contrib::TYPES`, by position), in the schema it is installed in.
    Extension(QualName, usize),
}

/// A type category (`pg_type.typcategory`).
pub const STRING: u8 = b'S';
const ENUM: u8 = b'E';
const ARRAY: u8 = b'A';
const UNKNOWN: u8 = b'X';
const PSEUDO: u8 = b'P';

fn row(i: u16) -> Option<&'static TypeRow> {
    TYPES.get(usize::from(i))
}

/// The builtin type named `name` (as `format_type` prints it, without modifiers).
pub fn builtin(name: &str) -> Option<Ty> {
    let name = if name == "bpchar" { "character" } else { name };
    let i = TYPES.binary_search_by(|r| r.0.cmp(name)).ok()?;
    u16::try_from(i).ok().map(Ty::Builtin)
}

/// `builtin`, for the names the typer itself uses (always present).
pub fn named(name: &str) -> Ty {
    builtin(name).unwrap_or(Ty::Unknown)
}

impl Ty {
    /// A canonical type as the catalog spells it (`character varying(10)`, `public.mood[]`,
    /// `numeric(10,2)`), when the typer knows it: builtin, enum, or a domain over either.
    pub fn of_sql(type_sql: &str, r: &Resolver) -> Option<Ty> {
        let array = type_sql.ends_with("[]");
        let base = crate::catalog::types::base_type(type_sql);
        if base.contains('"') && !base.starts_with("\"char\"") || base.contains(" COLLATE ") {
            return None;
        }
        if let Some(b) = builtin(&base) {
            return if array { b.array_of() } else { Some(b) };
        }
        let q = crate::catalog::expr::parse_qualified(&base).filter(|q| !q.schema.is_empty())?;
        let key = |kind| ObjKey {
            kind,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        };
        let own_type = r.catalog.objects.get(&key(ObjKind::Type));
        if own_type.is_some_and(|o| o.is_enum()) {
            return Some(if array { Ty::EnumArray(q) } else { Ty::Enum(q) });
        }
        if own_type.is_none() && !array {
            let installed = r
                .catalog
                .extensions
                .iter()
                .filter(|(_, e)| e.schema.as_ref() == Some(&q.schema))
                .find_map(|(name, _)| crate::catalog::contrib::ext_type(name, &q.name));
            if let Some(i) = installed {
                return Some(Ty::Extension(q, i));
            }
        }
        let domain = r
            .catalog
            .objects
            .get(&key(ObjKind::Domain))
            .and_then(|o| o.domain.as_ref())?;
        if array {
            return None;
        }
        match Ty::of_sql(&domain.base, r)? {
            Ty::Domain(..) | Ty::Unknown => None,
            base @ (Ty::Builtin(_) | Ty::Enum(_) | Ty::EnumArray(_) | Ty::Extension(..)) => {
                Some(Ty::Domain(q, Box::new(base)))
            }
        }
    }

    /// The type a domain is over; any other type itself.
    pub fn base(&self) -> Ty {
        match self {
            Ty::Domain(_, b) => (**b).clone(),
            other @ (Ty::Unknown
            | Ty::Builtin(_)
            | Ty::Enum(_)
            | Ty::EnumArray(_)
            | Ty::Extension(..)) => other.clone(),
        }
    }

    /// `pg_type.typcategory` (of the base type, for a domain).
    pub fn category(&self) -> u8 {
        match self {
            Ty::Unknown => UNKNOWN,
            Ty::Builtin(i) => row(*i).map_or(UNKNOWN, |r| r.2),
            Ty::Enum(_) => ENUM,
            Ty::EnumArray(_) => ARRAY,
            Ty::Domain(_, b) => b.category(),
            Ty::Extension(_, i) => crate::catalog::contrib::TYPES
                .get(*i)
                .map_or(UNKNOWN, |t| t.category),
        }
    }

    /// `pg_type.typispreferred`.
    pub fn preferred(&self) -> bool {
        match self {
            Ty::Builtin(i) => row(*i).is_some_and(|r| r.3),
            Ty::Unknown | Ty::Enum(_) | Ty::EnumArray(_) | Ty::Domain(..) | Ty::Extension(..) => {
                false
            }
        }
    }

    /// The name as `format_type` prints it (qualified for a user type).
    pub fn name(&self) -> String {
        match self {
            Ty::Unknown => "unknown".to_string(),
            Ty::Builtin(i) => row(*i).map_or_else(String::new, |r| r.0.to_string()),
            Ty::Enum(q) | Ty::Domain(q, _) | Ty::Extension(q, _) => q.sql(),
            Ty::EnumArray(q) => format!("{}[]", q.sql()),
        }
    }

    /// Whether it is a pseudo-type (`anyelement`, `"any"`, `internal`, ...).
    pub fn is_pseudo(&self) -> bool {
        matches!(self, Ty::Builtin(_)) && self.category() == PSEUDO
    }

    pub fn is_array(&self) -> bool {
        match self {
            Ty::Builtin(i) => row(*i).is_some_and(|r| !r.4.is_empty()),
            Ty::EnumArray(_) => true,
            Ty::Unknown | Ty::Enum(_) | Ty::Domain(..) | Ty::Extension(..) => false,
        }
    }

    /// The element type of an array type.
    pub fn element(&self) -> Option<Ty> {
        match self {
            Ty::Builtin(i) => row(*i)
                .filter(|r| !r.4.is_empty())
                .and_then(|r| builtin(r.4)),
            Ty::EnumArray(q) => Some(Ty::Enum(q.clone())),
            Ty::Unknown | Ty::Enum(_) | Ty::Domain(..) | Ty::Extension(..) => None,
        }
    }

    /// The array type of this element type.
    pub fn array_of(&self) -> Option<Ty> {
        match self {
            Ty::Builtin(_) if !self.is_array() && !self.is_pseudo() => {
                builtin(&format!("{}[]", self.name()))
            }
            Ty::Enum(q) => Some(Ty::EnumArray(q.clone())),
            Ty::Builtin(_)
            | Ty::Unknown
            | Ty::EnumArray(_)
            | Ty::Domain(..)
            | Ty::Extension(..) => None,
        }
    }

    /// Whether it is one of the string types whose literal is kept as written.
    pub fn is(&self, name: &str) -> bool {
        matches!(self, Ty::Builtin(_)) && self.name() == name
    }

    /// The type name a cast to this type is written with, as `expr::normalize_type_name`
    /// leaves it.
    pub fn type_name(&self, r: &Resolver) -> Option<TypeName> {
        let (names, array) = match self {
            Ty::Unknown => return None,
            Ty::Builtin(i) => {
                let (element, array) = match self.element() {
                    Some(e) => (e, true),
                    None => (self.clone(), false),
                };
                let Ty::Builtin(e) = element else { return None };
                let _ = i;
                (vec!["pg_catalog".to_string(), row(e)?.1.to_string()], array)
            }
            Ty::Enum(q) | Ty::Domain(q, _) | Ty::Extension(q, _) => {
                (vec![q.schema.clone(), q.name.clone()], false)
            }
            Ty::EnumArray(q) => (vec![q.schema.clone(), q.name.clone()], true),
        };
        let mut tn = TypeName {
            names: names
                .into_iter()
                .map(|s| Node {
                    node: Some(NodeEnum::String(protobuf::String { sval: s })),
                })
                .collect(),
            typemod: -1,
            array_bounds: if array {
                vec![Node {
                    node: Some(NodeEnum::Integer(protobuf::Integer { ival: -1 })),
                }]
            } else {
                vec![]
            },
            ..Default::default()
        };
        crate::catalog::expr::normalize_type_name(&mut tn, r);
        Some(tn)
    }
}

/// How sure an answer about the catalog is: the catalog's own casts and operators can make
/// a question the builtin facts answer undecidable.
pub type Maybe<T> = Option<T>;

/// Whether a value of type `from` can be coerced implicitly to `to` (`can_coerce_type` with
/// `COERCION_IMPLICIT`, for one argument; polymorphic targets are checked as a whole by
/// `resolve`). `None` when the catalog holds a cast of its own between them.
pub fn implicit(from: &Ty, to: &Ty, r: &Resolver) -> Maybe<bool> {
    if from == to || *from == Ty::Unknown {
        return Some(true);
    }
    if to.is_pseudo() {
        return Some(polymorphic_accepts(to, from));
    }
    let (f, t) = (from.base(), to.base());
    if matches!(to, Ty::Domain(..)) {
        // Into a domain only from its base type, or what casts to it.
        return if f == t {
            Some(true)
        } else {
            implicit(&f, &t, r)
        };
    }
    if f == t {
        return Some(true);
    }
    if user_cast(&f, &t, r) {
        return None;
    }
    match (&f, &t) {
        (Ty::Builtin(_), Ty::Builtin(_)) => {
            if let Some((context, _)) = crate::catalog::builtin::cast(&f.name(), &t.name()) {
                return Some(context == b'i');
            }
            match (f.element(), t.element()) {
                (Some(fe), Some(te)) => implicit(&fe, &te, r),
                _ => Some(false),
            }
        }
        (Ty::Extension(_, i), Ty::Builtin(_)) => Some(
            crate::catalog::contrib::TYPES
                .get(*i)
                .is_some_and(|x| x.implicit.contains(&t.name().as_str())),
        ),
        (Ty::EnumArray(_), _) | (_, Ty::EnumArray(_)) => match (f.element(), t.element()) {
            (Some(fe), Some(te)) => implicit(&fe, &te, r),
            _ => Some(false),
        },
        _ => Some(false),
    }
}

/// Whether a cast the catalog defines (`CREATE CAST`) joins the two types.
fn user_cast(from: &Ty, to: &Ty, r: &Resolver) -> bool {
    r.catalog.has_user_cast(&from.name(), &to.name())
}

/// Whether a polymorphic parameter type takes an argument of type `arg` at all (its
/// consistency with the other arguments is `resolve`'s concern).
pub fn polymorphic_accepts(param: &Ty, arg: &Ty) -> bool {
    let arg = arg.base();
    let range = |t: &Ty| t.category() == b'R';
    let multirange = |t: &Ty| matches!(t, Ty::Builtin(_)) && t.name().ends_with("multirange");
    match param.name().as_str() {
        "\"any\"" | "anyelement" | "anycompatible" => true,
        "anyarray" | "anycompatiblearray" => arg.is_array(),
        "anynonarray" | "anycompatiblenonarray" => !arg.is_array(),
        "anyenum" => matches!(arg, Ty::Enum(_)),
        "anyrange" | "anycompatiblerange" => range(&arg),
        "anymultirange" | "anycompatiblemultirange" => multirange(&arg),
        _ => false,
    }
}

/// Whether `t` is one of the polymorphic pseudo-types (not `"any"`).
pub fn is_polymorphic(t: &Ty) -> bool {
    t.is_pseudo() && t.name().starts_with("any")
}
