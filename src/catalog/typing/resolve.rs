//! Which builtin function or operator a call names, by PostgreSQL's rules ("Type
//! Conversion" chapter: Operators, Functions; `func_select_candidate` and its callers): an
//! exact match first, then the candidates every argument can be coerced to, narrowed by
//! exact matches, preferred types, the categories of unknown arguments (string first) and,
//! last, unknown arguments taking the one known type. Polymorphic parameters are bound to the
//! argument types (`enforce_generic_type_consistency`), and `select_common_type` is the rule
//! of CASE, COALESCE, GREATEST, ARRAY[] and IN lists. Every answer is `None` where the rules
//! do not single one out, or where the catalog has a function or operator of the same name
//! (the server would weigh it too).

use super::ty::{implicit, is_polymorphic, named, Ty, STRING};
use crate::catalog::facts::{NO_TYPE, OPERATORS, PROCS, VARIADIC};
use crate::catalog::model::{ObjKey, ObjKind};
use crate::catalog::resolve::Resolver;

/// A candidate: what each argument is declared as (variadic and default arguments laid
/// out for this call) and the result type.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub params: Vec<Ty>,
    pub result: Ty,
    /// Whether it returns a set.
    pub returns_set: bool,
}

fn ty(i: u16) -> Ty {
    Ty::Builtin(i)
}

/// The builtin operators named `name` taking a left operand (`binary`) or not.
fn operators(name: &str, binary: bool) -> Vec<Candidate> {
    let lo = OPERATORS.partition_point(|o| o.0 < name);
    OPERATORS
        .get(lo..)
        .unwrap_or_default()
        .iter()
        .take_while(|o| o.0 == name)
        .filter(|o| (o.1 != NO_TYPE) == binary)
        .map(|o| Candidate {
            params: if binary {
                vec![ty(o.1), ty(o.2)]
            } else {
                vec![ty(o.2)]
            },
            result: ty(o.3),
            returns_set: false,
        })
        .collect()
}

/// The builtin functions named `name` that a call with `nargs` arguments can name, their
/// variadic parameter spread and their defaults left out, as `FuncnameGetCandidates` lays
/// them out.
fn functions(name: &str, nargs: usize) -> Vec<Candidate> {
    let lo = PROCS.partition_point(|p| p.0 < name);
    let mut out = Vec::new();
    for p in PROCS
        .get(lo..)
        .unwrap_or_default()
        .iter()
        .take_while(|p| p.0 == name)
    {
        let declared: Vec<Ty> = p.1.iter().map(|&i| ty(i)).collect();
        let n = declared.len();
        let variadic = p.4 & VARIADIC != 0 && n <= nargs;
        let defaults = n > nargs && nargs + usize::from(p.3) >= n;
        if n != nargs && !variadic && !defaults {
            continue;
        }
        let mut params = declared.clone();
        if variadic {
            let Some(last) = params.pop() else { continue };
            let element = if last.name() == "\"any\"" {
                last
            } else {
                match last.element() {
                    Some(e) => e,
                    None => continue,
                }
            };
            params.extend(std::iter::repeat_n(element, nargs + 1 - n));
        }
        if defaults {
            params.truncate(nargs);
        }
        out.push(Candidate {
            params,
            result: ty(p.2),
            returns_set: p.4 & crate::catalog::facts::SETOF != 0,
        });
    }
    out
}

/// Whether the catalog has an operator named `name` in a schema of the path.
fn user_operator(name: &str, r: &Resolver) -> bool {
    r.search_path.iter().any(|s| {
        let lo = ObjKey {
            kind: ObjKind::Operator,
            schema: s.clone(),
            name: name.to_string(),
            sub: String::new(),
        };
        r.catalog
            .objects
            .range(lo..)
            .next()
            .is_some_and(|(k, _)| k.kind == ObjKind::Operator && &k.schema == s && k.name == name)
    })
}

/// Whether an argument of type `arg`, an extension's type, could meet an operator `name` of
/// that extension: one is, and the extension's schema is on the path (off it, as under
/// pg_dump's empty path, only `pg_catalog`'s operators take part, through the type's
/// implicit casts).
fn extension_operator(arg: &Ty, name: &str, r: &Resolver) -> bool {
    let Ty::Extension(q, i) = arg.base() else {
        return false;
    };
    crate::catalog::contrib::TYPES.get(i).is_some_and(|t| {
        r.search_path.contains(&q.schema) && crate::catalog::contrib::holds(t.extension, name)
    })
}

/// Whether a function named `name` other than `pg_catalog`'s could take part: one of the
/// catalog's in a schema of the path, or one an extension shadows.
fn user_function(name: &str, r: &Resolver) -> bool {
    r.user_function_schema(name).is_some()
        || r.catalog
            .extensions
            .keys()
            .any(|e| crate::catalog::builtin::extension_shadows(e, name))
}

/// A call of the catalog's function `name` (in `schema`, or found on the path when none is
/// written), where the server's choice is certain: the only function, procedure or
/// aggregate of that name the call can see (no builtin, no extension's, in no other schema
/// of the path), a function without VARIADIC or defaulted parameters, of the call's arity,
/// whose parameters the typer knows (no pseudo-type) and takes each argument implicitly.
/// Its parameters, and its result type (`None` where the typer does not know it; `returns_set`
/// for a set).
pub fn user_function_call(
    schema: Option<&str>,
    name: &str,
    args: &[Ty],
    r: &Resolver,
) -> Option<(Candidate, bool)> {
    use pg_query::protobuf::FunctionParameterMode as Mode;
    use pg_query::NodeEnum;
    let schema = match schema {
        Some(s) => s.to_string(),
        None => {
            if crate::catalog::builtin::is_function(name)
                || r.catalog
                    .extensions
                    .keys()
                    .any(|e| crate::catalog::builtin::extension_shadows(e, name))
            {
                return None;
            }
            let mut on_path = r
                .search_path
                .iter()
                .filter(|s| r.user_function_exists(s, name));
            let s = on_path.next()?.clone();
            if on_path.next().is_some() || r.function_schema(name).as_deref() != Some(&s) {
                return None;
            }
            s
        }
    };
    let schema: &str = &schema;
    let same_name = |kind: ObjKind| {
        let lo = ObjKey {
            kind,
            schema: schema.to_string(),
            name: name.to_string(),
            sub: String::new(),
        };
        r.catalog
            .objects
            .range(lo..)
            .take_while(move |(k, _)| k.kind == kind && k.schema == schema && k.name == name)
            .map(|(_, o)| o)
    };
    if same_name(ObjKind::Procedure).next().is_some()
        || same_name(ObjKind::Aggregate).next().is_some()
    {
        return None;
    }
    let mut functions = same_name(ObjKind::Function);
    let (Some(o), None) = (functions.next(), functions.next()) else {
        return None;
    };
    let routine = o.routine.as_ref()?;
    let Some(NodeEnum::CreateFunctionStmt(f)) = crate::catalog::alter::parse_one(&o.create) else {
        return None;
    };
    let mut params = Vec::new();
    for p in &f.parameters {
        let Some(NodeEnum::FunctionParameter(fp)) = &p.node else {
            return None;
        };
        match Mode::try_from(fp.mode).ok()? {
            Mode::FuncParamOut | Mode::FuncParamTable => continue,
            Mode::FuncParamIn | Mode::FuncParamInout | Mode::FuncParamDefault => {}
            Mode::FuncParamVariadic | Mode::Undefined => return None,
        }
        if fp.defexpr.is_some() {
            return None;
        }
        let t = Ty::of_sql(
            &crate::catalog::types::signature_type_sql(fp.arg_type.as_ref()?, r),
            r,
        )?;
        if t.is_pseudo() {
            return None;
        }
        params.push(t);
    }
    if params.len() != args.len() || coercible(args, &params, r) != Some(true) {
        return None;
    }
    let (returns_set, result) = match routine.result.strip_prefix("SETOF ") {
        Some(r) => (true, r),
        None => (false, routine.result.as_str()),
    };
    let result = Ty::of_sql(result, r).filter(|t| !t.is_pseudo());
    let known = result.is_some();
    Some((
        Candidate {
            params,
            result: result.unwrap_or(Ty::Unknown),
            returns_set,
        },
        known,
    ))
}

/// The operator `name` applied to `args` (one for a prefix operator, two for a binary
/// one): its parameter types, bound to the arguments, and its result type.
pub fn operator(name: &str, args: &[Ty], r: &Resolver) -> Option<Candidate> {
    if user_operator(name, r) || args.iter().any(|a| extension_operator(a, name, r)) {
        return None;
    }
    let candidates = operators(name, args.len() == 2);
    if let [left, right] = args {
        // One unknown side is taken to be the other's type (or its base type) for an exact
        // match.
        let (l, rt, was_unknown) = match (left, right) {
            (Ty::Unknown, t) if *t != Ty::Unknown => (t.clone(), t.clone(), true),
            (t, Ty::Unknown) if *t != Ty::Unknown => (t.clone(), t.clone(), true),
            (l, rt) => (l.clone(), rt.clone(), false),
        };
        if let Some(c) = candidates
            .iter()
            .find(|c| c.params == [l.clone(), rt.clone()])
        {
            return finish(c, args, r);
        }
        if was_unknown {
            let b = l.base();
            if b != l {
                if let Some(c) = candidates
                    .iter()
                    .find(|c| c.params == [b.clone(), b.clone()])
                {
                    return finish(c, args, r);
                }
            }
        }
    } else if let Some(c) = candidates.iter().find(|c| c.params == args) {
        return finish(c, args, r);
    }
    let chosen = choose(candidates, args, r)?;
    finish(&chosen, args, r)
}

/// The function `name` called with `args` (no named arguments, no VARIADIC).
pub fn function(name: &str, args: &[Ty], r: &Resolver) -> Option<Candidate> {
    if user_function(name, r) {
        return None;
    }
    let candidates = functions(name, args.len());
    if candidates.is_empty() {
        return None;
    }
    let exact: Vec<&Candidate> = candidates.iter().filter(|c| c.params == args).collect();
    if let [c] = exact.as_slice() {
        return finish(c, args, r);
    }
    if !exact.is_empty() {
        return None;
    }
    // A one-argument call of a type's name may be a cast written as a call.
    if args.len() == 1 && crate::catalog::facts::TYPES.iter().any(|t| t.1 == name) {
        return None;
    }
    let chosen = choose(candidates, args, r)?;
    finish(&chosen, args, r)
}

/// Binds polymorphic parameters to the arguments (`enforce_generic_type_consistency`).
fn finish(c: &Candidate, args: &[Ty], r: &Resolver) -> Option<Candidate> {
    let params = bind(&c.params, args, r)?;
    let result = if is_polymorphic(&c.result) {
        bound(&c.result, &params, &c.params)?
    } else {
        c.result.clone()
    };
    Some(Candidate {
        params,
        result,
        returns_set: c.returns_set,
    })
}

/// The types polymorphic parameters take for these arguments, `None` when they are
/// inconsistent or cannot be determined. Domains are taken as their base types; an
/// unknown argument takes what the others determine.
fn bind(params: &[Ty], args: &[Ty], r: &Resolver) -> Option<Vec<Ty>> {
    if !params.iter().any(is_polymorphic) {
        return Some(params.to_vec());
    }
    let element = family_element(params, args, false, r)?;
    let compatible = family_element(params, args, true, r)?;
    params
        .iter()
        .map(|p| {
            if !is_polymorphic(p) {
                return Some(p.clone());
            }
            let (compat, kind) = poly(p);
            let e = if compat {
                compatible.clone()
            } else {
                element.clone()
            }?;
            match kind.as_str() {
                "element" | "nonarray" | "enum" | "" => Some(e),
                "array" => e.array_of(),
                _ => None,
            }
        })
        .collect()
}

/// A polymorphic type's family (`anycompatible...` or not) and kind: `element`, `array`,
/// `nonarray`, `enum`, `range`, `multirange` (`""` for `anycompatible` itself).
fn poly(t: &Ty) -> (bool, String) {
    let name = t.name();
    let compatible = name.starts_with("anycompatible");
    let kind = if compatible {
        name.trim_start_matches("anycompatible")
    } else {
        name.trim_start_matches("any")
    };
    (compatible, kind.to_string())
}

/// The element type bound by the `anyelement` family (or, with `compatible`, the
/// `anycompatible` family); `Some(None)` when the family does not occur.
fn family_element(
    params: &[Ty],
    args: &[Ty],
    compatible: bool,
    r: &Resolver,
) -> Option<Option<Ty>> {
    let mut found: Vec<Ty> = Vec::new();
    let mut occurs = false;
    for (p, a) in params.iter().zip(args) {
        if !is_polymorphic(p) || p.name().starts_with("anycompatible") != compatible {
            continue;
        }
        occurs = true;
        let (_, kind) = poly(p);
        if kind.ends_with("range") {
            return None;
        }
        if *a == Ty::Unknown {
            continue;
        }
        let a = a.base();
        let e = if kind == "array" { a.element()? } else { a };
        if matches!(e, Ty::Domain(..) | Ty::Unknown) {
            return None;
        }
        found.push(e);
    }
    if !occurs {
        return Some(None);
    }
    let e = if compatible {
        common_type(&found, r).or_else(|| found.is_empty().then(|| named("text")))?
    } else {
        let first = found.first()?.clone();
        if found.iter().any(|f| *f != first) {
            return None;
        }
        first
    };
    for p in params {
        let (family, kind) = poly(p);
        if is_polymorphic(p) && family == compatible {
            let ok = match kind.as_str() {
                "nonarray" => !e.is_array(),
                "enum" => matches!(e, Ty::Enum(_)),
                _ => true,
            };
            if !ok {
                return None;
            }
        }
    }
    Some(Some(e))
}

/// The result type of a polymorphic function from its bound parameters.
fn bound(result: &Ty, bound_params: &[Ty], declared: &[Ty]) -> Option<Ty> {
    let (compat, kind) = poly(result);
    // The element the family was bound to, read off a bound parameter of the family.
    let element = declared.iter().zip(bound_params).find_map(|(d, b)| {
        let (dcompat, dkind) = poly(d);
        (is_polymorphic(d) && dcompat == compat)
            .then(|| {
                if dkind == "array" {
                    b.element()
                } else {
                    Some(b.clone())
                }
            })
            .flatten()
    })?;
    match kind.as_str() {
        "element" | "nonarray" | "enum" | "" => Some(element),
        "array" => element.array_of(),
        _ => None,
    }
}

/// Narrows the candidates to one (`func_match_argtypes`, then `func_select_candidate`).
fn choose(candidates: Vec<Candidate>, args: &[Ty], r: &Resolver) -> Option<Candidate> {
    let mut matching = Vec::new();
    for c in candidates {
        if coercible(args, &c.params, r)? {
            matching.push(c);
        }
    }
    if matching.len() <= 1 {
        return matching.into_iter().next();
    }
    select(matching, args, r)
}

/// Whether every argument can be coerced implicitly to its parameter, polymorphic ones
/// consistently (`can_coerce_type`).
fn coercible(args: &[Ty], params: &[Ty], r: &Resolver) -> Option<bool> {
    for (a, p) in args.iter().zip(params) {
        if !implicit(a, p, r)? {
            return Some(false);
        }
    }
    Some(bind(params, args, r).is_some())
}

/// `func_select_candidate`.
fn select(mut candidates: Vec<Candidate>, args: &[Ty], r: &Resolver) -> Option<Candidate> {
    let base: Vec<Ty> = args.iter().map(Ty::base).collect();
    let unknown = |i: usize| base.get(i).is_none_or(|t| *t == Ty::Unknown);
    // Most exact matches.
    keep_best(&mut candidates, |c| {
        c.params
            .iter()
            .enumerate()
            .filter(|(i, p)| !unknown(*i) && base.get(*i) == Some(*p))
            .count()
    });
    if candidates.len() == 1 {
        return candidates.pop();
    }
    // Most exact matches or preferred types of the argument's category.
    keep_best(&mut candidates, |c| {
        c.params
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                !unknown(*i)
                    && base
                        .get(*i)
                        .is_some_and(|b| b == *p || (p.preferred() && p.category() == b.category()))
            })
            .count()
    });
    if candidates.len() == 1 {
        return candidates.pop();
    }
    let nunknown = (0..args.len()).filter(|&i| unknown(i)).count();
    if nunknown == 0 {
        return None;
    }
    // The category of each unknown argument: string if any candidate takes one there, else
    // the one all candidates agree on.
    let mut slots: Vec<Option<(u8, bool)>> = vec![None; args.len()];
    let mut resolved = true;
    for (i, slot) in slots.iter_mut().enumerate() {
        if !unknown(i) {
            continue;
        }
        let mut category: Option<(u8, bool)> = None;
        let mut conflict = false;
        for c in &candidates {
            let Some(p) = c.params.get(i) else { continue };
            let (pc, pp) = (p.category(), p.preferred());
            category = match category {
                None => Some((pc, pp)),
                Some((sc, sp)) if sc == pc => Some((sc, sp || pp)),
                Some(_) if pc == STRING => Some((pc, pp)),
                Some(s) => {
                    conflict = true;
                    Some(s)
                }
            };
        }
        if conflict && category.is_none_or(|(c, _)| c != STRING) {
            resolved = false;
            break;
        }
        *slot = category;
    }
    if resolved {
        let kept: Vec<Candidate> = candidates
            .iter()
            .filter(|c| {
                slots.iter().enumerate().all(|(i, s)| match s {
                    None => true,
                    Some((cat, preferred)) => c
                        .params
                        .get(i)
                        .is_some_and(|p| p.category() == *cat && (!preferred || p.preferred())),
                })
            })
            .cloned()
            .collect();
        if !kept.is_empty() {
            candidates = kept;
        }
        if candidates.len() == 1 {
            return candidates.pop();
        }
    }
    // Last: unknown arguments take the one type all known arguments have.
    if nunknown < args.len() {
        let mut known = base.iter().filter(|t| **t != Ty::Unknown);
        let first = known.next()?.clone();
        if known.all(|t| *t == first) {
            let assumed = vec![first; args.len()];
            let mut found = Vec::new();
            for c in &candidates {
                if coercible(&assumed, &c.params, r)? {
                    found.push(c.clone());
                }
            }
            if found.len() == 1 {
                return found.pop();
            }
        }
    }
    None
}

/// Keeps the candidates with the highest score.
fn keep_best(candidates: &mut Vec<Candidate>, score: impl Fn(&Candidate) -> usize) {
    let best = candidates.iter().map(&score).max().unwrap_or(0);
    candidates.retain(|c| score(c) == best);
}

/// `select_common_type`: the type CASE results, COALESCE and GREATEST arguments, ARRAY[]
/// elements and IN lists are coerced to. All the same known type: that type (a domain
/// kept); all unknown: `text`; otherwise the first known base type, replaced by a later
/// one of its category that it coerces to implicitly and not back, unless it is
/// preferred. `None` for types of different categories (an error on the server).
pub fn common_type(types: &[Ty], r: &Resolver) -> Option<Ty> {
    if let Some(first) = types.first() {
        if *first != Ty::Unknown && types.iter().all(|t| t == first) {
            return Some(first.clone());
        }
    }
    let mut chosen: Option<Ty> = None;
    for t in types.iter().map(Ty::base) {
        if t == Ty::Unknown {
            continue;
        }
        match &chosen {
            None => chosen = Some(t),
            Some(c) if *c == t => {}
            Some(c) => {
                if c.category() != t.category() {
                    return None;
                }
                if !c.preferred() && implicit(c, &t, r)? && !implicit(&t, c, r)? {
                    chosen = Some(t);
                }
            }
        }
    }
    Some(chosen.unwrap_or_else(|| named("text")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::model::Catalog;

    fn with<T>(f: impl FnOnce(&Resolver) -> T) -> T {
        let c = Catalog::default();
        let path = vec!["public".to_string()];
        f(&Resolver {
            catalog: &c,
            search_path: &path,
            utc: true,
        })
    }

    fn names(c: &Candidate) -> Vec<String> {
        c.params
            .iter()
            .map(Ty::name)
            .chain(std::iter::once(c.result.name()))
            .collect()
    }

    #[test]
    fn polymorphic_operators_bind_to_their_arguments() {
        with(|r| {
            let found = operator("||", &[named("text"), named("integer")], r).map(|c| names(&c));
            assert_eq!(
                found,
                Some(vec![
                    "text".to_string(),
                    "integer".to_string(),
                    "text".to_string()
                ])
            );
            let found = function("array_append", &[named("integer[]"), named("integer")], r)
                .map(|c| names(&c));
            assert_eq!(
                found,
                Some(vec![
                    "integer[]".to_string(),
                    "integer".to_string(),
                    "integer[]".to_string()
                ])
            );
        });
    }

    #[test]
    fn unknown_literals_resolve_to_strings() {
        with(|r| {
            let found = operator("||", &[Ty::Unknown, Ty::Unknown], r).map(|c| names(&c));
            assert_eq!(
                found,
                Some(vec![
                    "text".to_string(),
                    "text".to_string(),
                    "text".to_string()
                ])
            );
            let found = function("length", &[Ty::Unknown], r).map(|c| names(&c));
            assert_eq!(found, Some(vec!["text".to_string(), "integer".to_string()]));
            let found =
                operator("=", &[named("character varying"), Ty::Unknown], r).map(|c| names(&c));
            assert_eq!(
                found,
                Some(vec![
                    "text".to_string(),
                    "text".to_string(),
                    "boolean".to_string()
                ])
            );
        });
    }
}
