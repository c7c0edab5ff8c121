//! Text search: configurations (a parser, and per token type the dictionaries to consult,
//! kept as one `ADD MAPPING` follow-up statement per token type, as pg_dump prints them),
//! dictionaries (a template and options, in the order the server stores them), parsers and
//! templates (functions). `COPY = other` copies another configuration's mappings, the
//! builtin ones included.

use std::collections::BTreeMap;

use pg_query::protobuf::{self, AlterTsConfigType, Node};
use pg_query::NodeEnum;

use super::{name_list, node_string, Replay};
use crate::catalog::model::*;
use crate::catalog::resolve::Resolver;
use crate::emit::quote;
use crate::syntax::Stmt;

/// The default parser's token types, in the server's order (pg_dump prints mappings so).
const TOKENS: [&str; 23] = [
    "asciiword",
    "word",
    "numword",
    "email",
    "url",
    "host",
    "sfloat",
    "version",
    "hword_numpart",
    "hword_part",
    "hword_asciipart",
    "blank",
    "tag",
    "protocol",
    "numhword",
    "asciihword",
    "hword",
    "url_path",
    "file",
    "float",
    "int",
    "uint",
    "entity",
];

/// The builtin snowball configurations (one per language, with its `<language>_stem`
/// dictionary) and `simple`.
const LANGUAGES: [&str; 28] = [
    "arabic",
    "armenian",
    "basque",
    "catalan",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "greek",
    "hindi",
    "hungarian",
    "indonesian",
    "irish",
    "italian",
    "lithuanian",
    "nepali",
    "norwegian",
    "portuguese",
    "romanian",
    "russian",
    "serbian",
    "spanish",
    "swedish",
    "tamil",
    "turkish",
    "yiddish",
];

/// Token types -> dictionaries, one configuration's mappings.
pub(crate) type Mappings = BTreeMap<String, Vec<String>>;

/// The mappings of builtin configuration `pg_catalog.<name>`: word tokens go to the
/// language's stemmer (ASCII words to english_stem for russian and hindi), the others to
/// `simple`.
fn builtin_mappings(name: &str) -> Option<Mappings> {
    let simple_all = name == "simple";
    if !simple_all && !LANGUAGES.contains(&name) {
        return None;
    }
    let stem = format!("{name}_stem");
    let ascii_stem = if matches!(name, "russian" | "hindi") {
        "english_stem".to_string()
    } else {
        stem.clone()
    };
    let mut m = Mappings::new();
    for tok in TOKENS {
        let dict = match tok {
            "blank" | "tag" | "protocol" | "entity" => continue,
            _ if simple_all => "simple".to_string(),
            "asciiword" | "asciihword" | "hword_asciipart" => ascii_stem.clone(),
            "word" | "hword" | "hword_part" => stem.clone(),
            _ => "simple".to_string(),
        };
        m.insert(tok.to_string(), vec![dict]);
    }
    Some(m)
}

/// Sort key of a token type: the default parser's order, then by name.
fn token_rank(tok: &str) -> (usize, String) {
    (
        TOKENS
            .iter()
            .position(|t| *t == tok)
            .unwrap_or(TOKENS.len()),
        tok.to_string(),
    )
}

/// The follow-up statements of configuration `cfg` with mappings `m`.
pub(super) fn mapping_statements(cfg: &QualName, m: &Mappings) -> Vec<String> {
    let mut toks: Vec<&String> = m.keys().collect();
    toks.sort_by_key(|t| token_rank(t));
    toks.into_iter()
        .map(|t| {
            format!(
                "ALTER TEXT SEARCH CONFIGURATION {} ADD MAPPING FOR {} WITH {}",
                cfg.sql(),
                quote::ident(t),
                m[t].join(", ")
            )
        })
        .collect()
}

/// Reads mappings back from follow-up statements made by `mapping_statements`.
pub(crate) fn mappings_of(after: &[String]) -> Mappings {
    let mut m = Mappings::new();
    for s in after {
        if let Some(NodeEnum::AlterTsconfigurationStmt(a)) = crate::catalog::alter::parse_one(s) {
            let dicts: Vec<String> = a.dicts.iter().map(dotted).collect();
            for t in name_list(&a.tokentype) {
                m.insert(t, dicts.clone());
            }
        }
    }
    m
}

/// A `List` of name parts, quoted and dotted.
fn dotted(n: &Node) -> String {
    match &n.node {
        Some(NodeEnum::List(l)) => name_list(&l.items)
            .iter()
            .map(|p| quote::ident(p))
            .collect::<Vec<_>>()
            .join("."),
        _ => node_string(n).map(|s| quote::ident(&s)).unwrap_or_default(),
    }
}

/// Where an unqualified text search object named `name` of `kind` is found: a user object
/// in a schema of the path, else the builtin one (`None`).
fn find(r: &Resolver, kind: ObjKind, name: &str) -> Option<String> {
    r.search_path
        .iter()
        .filter(|s| s.as_str() != "pg_catalog")
        .find(|s| {
            r.catalog.objects.contains_key(&ObjKey {
                kind,
                schema: s.to_string(),
                name: name.to_string(),
                sub: String::new(),
            })
        })
        .cloned()
}

/// Canonical name of a referenced text search object: user objects qualified, builtins
/// bare (as pg_dump prints dictionaries) or `pg_catalog.`-qualified (`qualify_builtin`, as
/// pg_dump prints parsers and templates).
fn ref_parts(parts: &[String], r: &Resolver, kind: ObjKind, qualify_builtin: bool) -> Vec<String> {
    let (schema, name) = match parts {
        [s, n] => (Some(s.clone()), n.clone()),
        [n] => (find(r, kind, n), n.clone()),
        _ => return parts.to_vec(),
    };
    match schema {
        Some(s) if s != "pg_catalog" => vec![s, name],
        _ if qualify_builtin => vec!["pg_catalog".into(), name],
        _ => vec![name],
    }
}

fn str_nodes(parts: &[String]) -> Vec<Node> {
    parts
        .iter()
        .map(|p| Node {
            node: Some(NodeEnum::String(protobuf::String { sval: p.clone() })),
        })
        .collect()
}

/// The name parts of a definition argument (`TEMPLATE = simple`, `PARSER = "default"`).
fn arg_parts(arg: Option<&Node>) -> Vec<String> {
    match arg.and_then(|a| a.node.as_ref()) {
        Some(NodeEnum::TypeName(t)) => name_list(&t.names),
        Some(NodeEnum::List(l)) => name_list(&l.items),
        Some(_) => arg.and_then(node_string).into_iter().collect(),
        None => Vec::new(),
    }
}

fn name_arg(parts: &[String]) -> Option<Box<Node>> {
    Some(Box::new(Node {
        node: Some(NodeEnum::TypeName(protobuf::TypeName {
            names: str_nodes(parts),
            typemod: -1,
            ..Default::default()
        })),
    }))
}

fn string_arg(s: String) -> Option<Box<Node>> {
    Some(Box::new(Node {
        node: Some(NodeEnum::String(protobuf::String { sval: s })),
    }))
}

/// Canonical definition list of a text search CREATE: fixed items in pg_dump's order with
/// their names qualified, then (dictionaries) the options as strings in stored order.
pub(super) fn canonicalize(d: &mut protobuf::DefineStmt, kind: ObjKind, r: &Resolver) {
    let order: &[&str] = match kind {
        ObjKind::TextSearchParser => &["start", "gettoken", "end", "headline", "lextypes"],
        ObjKind::TextSearchTemplate => &["init", "lexize"],
        ObjKind::TextSearchDictionary => &["template"],
        ObjKind::TextSearchConfiguration => &["parser", "copy"],
        ObjKind::Type
        | ObjKind::Domain
        | ObjKind::Function
        | ObjKind::Procedure
        | ObjKind::Aggregate
        | ObjKind::View
        | ObjKind::MaterializedView
        | ObjKind::Trigger
        | ObjKind::EventTrigger
        | ObjKind::Rule
        | ObjKind::Policy
        | ObjKind::Collation
        | ObjKind::Statistics
        | ObjKind::Publication
        | ObjKind::Subscription
        | ObjKind::ForeignDataWrapper
        | ObjKind::Server
        | ObjKind::UserMapping
        | ObjKind::Operator
        | ObjKind::OperatorClass
        | ObjKind::OperatorFamily
        | ObjKind::Cast
        | ObjKind::Language
        | ObjKind::Conversion
        | ObjKind::AccessMethod
        | ObjKind::Transform => return,
    };
    let mut fixed: Vec<(usize, Node)> = Vec::new();
    let mut rest: Vec<Node> = Vec::new();
    for item in std::mem::take(&mut d.definition) {
        let Some(NodeEnum::DefElem(mut e)) = item.node else {
            continue;
        };
        e.location = 0;
        let name = e.defname.to_lowercase();
        match order.iter().position(|o| *o == name) {
            Some(i) => {
                let parts = arg_parts(e.arg.as_deref());
                e.arg = if matches!(
                    kind,
                    ObjKind::TextSearchParser | ObjKind::TextSearchTemplate
                ) {
                    let f = super::foreign::function_name(&str_nodes(&parts), r);
                    name_arg(&name_list(&f))
                } else if kind == ObjKind::TextSearchDictionary {
                    name_arg(&ref_parts(&parts, r, ObjKind::TextSearchTemplate, true))
                } else {
                    name_arg(&ref_parts(
                        &parts,
                        r,
                        if name == "copy" {
                            ObjKind::TextSearchConfiguration
                        } else {
                            ObjKind::TextSearchParser
                        },
                        true,
                    ))
                };
                e.defname = name;
                fixed.retain(|(j, _)| *j != i);
                fixed.push((
                    i,
                    Node {
                        node: Some(NodeEnum::DefElem(e)),
                    },
                ));
            }
            None => {
                // A dictionary option: the server stores its value as a string; a later
                // mention replaces an earlier one.
                let v = e.arg.as_deref().and_then(node_string).unwrap_or_default();
                e.arg = string_arg(v);
                rest.retain(
                    |x| !matches!(&x.node, Some(NodeEnum::DefElem(o)) if o.defname == e.defname),
                );
                rest.push(Node {
                    node: Some(NodeEnum::DefElem(e)),
                });
            }
        }
    }
    fixed.sort_by_key(|(i, _)| *i);
    d.definition = fixed.into_iter().map(|(_, n)| n).chain(rest).collect();
}

/// `CREATE TEXT SEARCH CONFIGURATION x (COPY = y)` is `(PARSER = <y's parser>)` followed by
/// y's mappings: the definition is rewritten so, and the mapping statements returned.
pub(super) fn resolve_copy(
    d: &mut protobuf::DefineStmt,
    cfg: &QualName,
    r: &Resolver,
) -> Result<Vec<String>, String> {
    let Some(i) = d
        .definition
        .iter()
        .position(|n| matches!(&n.node, Some(NodeEnum::DefElem(e)) if e.defname == "copy"))
    else {
        return Ok(Vec::new());
    };
    let source = match d.definition.get(i).and_then(|n| n.node.as_ref()) {
        Some(NodeEnum::DefElem(e)) => arg_parts(e.arg.as_deref()),
        _ => Vec::new(),
    };
    let (parser, mappings) = match source.as_slice() {
        [s, n] if s == "pg_catalog" => (
            Some(vec!["pg_catalog".to_string(), "default".to_string()]),
            builtin_mappings(n),
        ),
        [s, n] => user_configuration(r, &QualName::new(s.clone(), n.clone())),
        _ => (None, None),
    };
    let (Some(parser), Some(mappings)) = (parser, mappings) else {
        return Err(format!(
            "text search configuration {} to copy does not exist",
            source.join(".")
        ));
    };
    if let Some(NodeEnum::DefElem(e)) = d.definition.get_mut(i).and_then(|n| n.node.as_mut()) {
        e.defname = "parser".into();
        e.arg = name_arg(&parser);
    }
    let keep = d.definition.remove(i);
    d.definition
        .retain(|n| !matches!(&n.node, Some(NodeEnum::DefElem(e)) if e.defname == "parser"));
    d.definition.insert(0, keep);
    Ok(mapping_statements(cfg, &mappings))
}

/// Parser (name parts) and mappings of a configuration in the catalog.
fn user_configuration(r: &Resolver, q: &QualName) -> (Option<Vec<String>>, Option<Mappings>) {
    let key = ObjKey {
        kind: ObjKind::TextSearchConfiguration,
        schema: q.schema.clone(),
        name: q.name.clone(),
        sub: String::new(),
    };
    let Some(o) = r.catalog.objects.get(&key) else {
        return (None, None);
    };
    let parser = match crate::catalog::alter::parse_one(&o.create) {
        Some(NodeEnum::DefineStmt(d)) => d.definition.iter().find_map(|n| match &n.node {
            Some(NodeEnum::DefElem(e)) if e.defname == "parser" => {
                Some(arg_parts(e.arg.as_deref()))
            }
            _ => None,
        }),
        _ => None,
    };
    (parser, Some(mappings_of(&o.after)))
}

impl Replay {
    /// `ALTER TEXT SEARCH CONFIGURATION x ADD / ALTER / DROP MAPPING ...`.
    pub(super) fn alter_ts_configuration(
        &mut self,
        stmt: &Stmt,
        s: &protobuf::AlterTsConfigurationStmt,
    ) {
        let r = self.resolver();
        let names = name_list(&s.cfgname);
        let q = match names.as_slice() {
            [sch, n] => QualName::new(sch.clone(), n.clone()),
            [n] => QualName::new(
                find(&r, ObjKind::TextSearchConfiguration, n)
                    .unwrap_or_else(|| r.creation_schema()),
                n.clone(),
            ),
            _ => QualName::new("", names.join(".")),
        };
        let dicts: Vec<String> = s
            .dicts
            .iter()
            .map(|d| {
                let parts = match &d.node {
                    Some(NodeEnum::List(l)) => name_list(&l.items),
                    _ => node_string(d).into_iter().collect(),
                };
                ref_parts(&parts, &r, ObjKind::TextSearchDictionary, false)
                    .iter()
                    .map(|p| quote::ident(p))
                    .collect::<Vec<_>>()
                    .join(".")
            })
            .collect();
        let tokens = name_list(&s.tokentype);
        let key = ObjKey {
            kind: ObjKind::TextSearchConfiguration,
            schema: q.schema.clone(),
            name: q.name.clone(),
            sub: String::new(),
        };
        let Some(obj) = self.catalog.objects.get(&key) else {
            self.warn(
                stmt,
                format!("text search configuration {} does not exist", q.sql()),
            );
            return;
        };
        let mut m = mappings_of(&obj.after);
        match AlterTsConfigType::try_from(s.kind) {
            Ok(
                AlterTsConfigType::AlterTsconfigAddMapping
                | AlterTsConfigType::AlterTsconfigAlterMappingForToken,
            ) => {
                for t in &tokens {
                    m.insert(t.clone(), dicts.clone());
                }
            }
            Ok(
                AlterTsConfigType::AlterTsconfigReplaceDict
                | AlterTsConfigType::AlterTsconfigReplaceDictForToken,
            ) => {
                let [old, new] = dicts.as_slice() else {
                    self.unsupported(stmt, "ALTER MAPPING REPLACE without two dictionaries");
                    return;
                };
                for (t, ds) in m.iter_mut() {
                    if tokens.is_empty() || tokens.contains(t) {
                        for d in ds.iter_mut() {
                            if d == old {
                                *d = new.clone();
                            }
                        }
                    }
                }
            }
            Ok(AlterTsConfigType::AlterTsconfigDropMapping) => {
                for t in &tokens {
                    if m.remove(t).is_none() && !s.missing_ok {
                        self.warn(
                            stmt,
                            format!("mapping for token type \"{t}\" does not exist"),
                        );
                    }
                }
            }
            Ok(AlterTsConfigType::AlterTsconfigTypeUndefined) | Err(_) => {
                self.unsupported(
                    stmt,
                    &format!("ALTER TEXT SEARCH CONFIGURATION action {}", s.kind),
                );
                return;
            }
        }
        self.set_after(stmt, &key, mapping_statements(&q, &m));
    }

    /// `ALTER TEXT SEARCH DICTIONARY d (option = value, option, ...)`: each option replaces
    /// the one of its name, at the end of the list; one without a value is removed.
    pub(super) fn alter_ts_dictionary(&mut self, stmt: &Stmt, s: &protobuf::AlterTsDictionaryStmt) {
        let r = self.resolver();
        let names = name_list(&s.dictname);
        let q = match names.as_slice() {
            [sch, n] => QualName::new(sch.clone(), n.clone()),
            [n] => QualName::new(
                find(&r, ObjKind::TextSearchDictionary, n).unwrap_or_else(|| r.creation_schema()),
                n.clone(),
            ),
            _ => QualName::new("", names.join(".")),
        };
        let key = ObjKey {
            kind: ObjKind::TextSearchDictionary,
            schema: q.schema,
            name: q.name,
            sub: String::new(),
        };
        let items = s.options.clone();
        self.edit_object(stmt, &key, |node, _| {
            let NodeEnum::DefineStmt(d) = node else {
                return Err("ALTER TEXT SEARCH DICTIONARY on something else".into());
            };
            for item in items {
                let Some(NodeEnum::DefElem(e)) = &item.node else {
                    continue;
                };
                let name = e.defname.to_lowercase();
                if name == "template" {
                    return Err("ALTER TEXT SEARCH DICTIONARY ... (TEMPLATE = ...)".into());
                }
                d.definition.retain(
                    |x| !matches!(&x.node, Some(NodeEnum::DefElem(o)) if o.defname == name),
                );
                if e.arg.is_some() {
                    d.definition.push(item.clone());
                }
            }
            Ok(())
        });
    }
}
