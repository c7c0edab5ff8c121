//! Name resolution the way the server does it: through the tracked `search_path`, against
//! the objects replayed so far.

use super::model::{Catalog, ObjKind, QualName};

/// Resolves unqualified names for one statement.
pub struct Resolver<'a> {
    pub catalog: &'a Catalog,
    pub search_path: &'a [String],
    /// The session's `TimeZone` when it is UTC (`true`: a file that sets none is read as
    /// in UTC); `false` after a `SET` of another zone, where a timestamp with time zone
    /// prints as the typer cannot tell.
    pub utc: bool,
}

impl Resolver<'_> {
    /// The schema a CREATE of an unqualified name lands in: the first schema of the path
    /// (other than pg_catalog), `public` if the path names none.
    pub fn creation_schema(&self) -> String {
        self.search_path
            .iter()
            .find(|s| s.as_str() != "pg_catalog" && !s.starts_with('$'))
            .cloned()
            .unwrap_or_else(|| "public".to_string())
    }

    fn schemas(&self) -> impl Iterator<Item = &String> {
        self.search_path
            .iter()
            .filter(|s| s.as_str() != "pg_catalog")
    }

    /// A relation name (table, view, sequence, index) as written, qualified.
    pub fn relation(&self, schema: &str, name: &str) -> QualName {
        if !schema.is_empty() {
            return QualName::new(schema, name);
        }
        for s in self.schemas() {
            let q = QualName::new(s.clone(), name);
            if self.relation_exists(&q) {
                return q;
            }
        }
        QualName::new(self.creation_schema(), name)
    }

    pub fn relation_exists(&self, q: &QualName) -> bool {
        let c = self.catalog;
        c.tables.contains_key(q)
            || c.sequences.contains_key(q)
            || c.indexes.contains_key(q)
            || [ObjKind::View, ObjKind::MaterializedView]
                .iter()
                .any(|&kind| {
                    c.objects.contains_key(&super::model::ObjKey {
                        kind,
                        schema: q.schema.clone(),
                        name: q.name.clone(),
                        sub: String::new(),
                    })
                })
    }

    /// The schema of a user-defined type (enum, domain, composite, range or its multirange,
    /// or a table's row type) named `name`, searching the path.
    pub fn user_type_schema(&self, name: &str) -> Option<String> {
        self.schemas()
            .find(|s| self.user_type_exists(s, name))
            .cloned()
    }

    pub fn user_type_exists(&self, schema: &str, name: &str) -> bool {
        let c = self.catalog;
        let key = |kind| super::model::ObjKey {
            kind,
            schema: schema.to_string(),
            name: name.to_string(),
            sub: String::new(),
        };
        c.objects.contains_key(&key(ObjKind::Type))
            || c.objects.contains_key(&key(ObjKind::Domain))
            || c.tables.contains_key(&QualName::new(schema, name))
            // A range's multirange type (builtin names are not looked for there).
            || (!super::types::is_builtin(name) && c.range_of_multirange(&QualName::new(schema, name)).is_some())
    }

    /// The schema of a user-defined function or procedure named `name`, searching the path.
    pub fn user_function_schema(&self, name: &str) -> Option<String> {
        self.schemas()
            .find(|s| self.user_function_exists(s, name))
            .cloned()
    }

    /// The schema of a function called unqualified as `name`, the way the server finds it:
    /// walking the path in order, `pg_catalog` first unless the path places it, the first
    /// schema that has a function of that name: a user function, a builtin (in `pg_catalog`),
    /// or a function an extension installed into that schema provides. So `lower(x)` is
    /// `pg_catalog.lower` even beside a `public.lower`, unless the path lists `public` before
    /// `pg_catalog`. `None` means `pg_catalog` (or a name nothing provides: left as written).
    /// Argument types are not weighed: among schemas the path lists before `pg_catalog`, a
    /// function of the name wins. An extension provides the functions `contrib` lists for it
    /// (any name that is not builtin, for an extension not listed there); of the builtin
    /// names, only those its version takes over (`builtin::extension_shadows`).
    pub fn function_schema(&self, name: &str) -> Option<String> {
        let builtin = super::builtin::is_function(name);
        let provides = |ext: &str| {
            if builtin {
                super::builtin::extension_shadows(ext, name)
            } else {
                super::contrib::provides_function(ext, name)
            }
        };
        self.path_schema(builtin, |s| self.user_function_exists(s, name), provides)
    }

    /// The schema of an operator class named unqualified as `name` (in an index or an
    /// exclusion constraint), found as `function_schema` finds a function: `None` for a
    /// `pg_catalog` class (`text_pattern_ops`) or a name nothing provides; a user class, or a
    /// class of an extension installed into a schema of the path (`gin_trgm_ops` of pg_trgm),
    /// is qualified with its schema. The access method is not weighed.
    pub fn opclass_schema(&self, name: &str) -> Option<String> {
        let user = |s: &str| {
            let lo = super::model::ObjKey {
                kind: ObjKind::OperatorClass,
                schema: s.to_string(),
                name: name.to_string(),
                sub: String::new(),
            };
            self.catalog
                .objects
                .range(lo..)
                .next()
                .is_some_and(|(k, _)| {
                    k.kind == ObjKind::OperatorClass && k.schema == s && k.name == name
                })
        };
        let builtin = super::builtin::is_opclass(name);
        self.path_schema(builtin, user, |ext| {
            !builtin && super::contrib::provides_opclass(ext, name)
        })
    }

    /// The first schema of the path (`pg_catalog` first unless the path places it) that has
    /// an object of some name: `pg_catalog` when `builtin` (answered `None`), a schema where
    /// `user` finds one, or a schema holding an extension that `provides` it.
    fn path_schema(
        &self,
        builtin: bool,
        user: impl Fn(&str) -> bool,
        provides: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let implicit =
            (!self.search_path.iter().any(|s| s == "pg_catalog")).then(|| "pg_catalog".to_string());
        for s in implicit.iter().chain(self.search_path.iter()) {
            if s == "pg_catalog" {
                if builtin {
                    return None;
                }
                continue;
            }
            if user(s) {
                return Some(s.clone());
            }
            let provided = self
                .catalog
                .extensions
                .iter()
                .any(|(ext, e)| e.schema.as_deref() == Some(s.as_str()) && provides(ext));
            if provided {
                return Some(s.clone());
            }
        }
        // A user object outside the path cannot be named unqualified: left as written.
        None
    }

    /// The schema of the first schema of the path (not `pg_catalog`) holding a user object
    /// of `kind` named `name` (any sub-part: argument types are not weighed).
    pub fn schema_holding(&self, kind: ObjKind, name: &str) -> Option<String> {
        self.schemas()
            .find(|s| {
                let lo = super::model::ObjKey {
                    kind,
                    schema: s.to_string(),
                    name: name.to_string(),
                    sub: String::new(),
                };
                self.catalog
                    .objects
                    .range(lo..)
                    .next()
                    .is_some_and(|(k, _)| k.kind == kind && &k.schema == *s && k.name == name)
            })
            .cloned()
    }

    pub fn user_function_exists(&self, schema: &str, name: &str) -> bool {
        let routine = [ObjKind::Function, ObjKind::Procedure, ObjKind::Aggregate]
            .iter()
            .any(|&kind| {
                let lo = super::model::ObjKey {
                    kind,
                    schema: schema.to_string(),
                    name: name.to_string(),
                    sub: String::new(),
                };
                self.catalog
                    .objects
                    .range(lo..)
                    .next()
                    .is_some_and(|(k, _)| k.kind == kind && k.schema == schema && k.name == name)
            });
        // A range type comes with constructor functions of its name and of its multirange's.
        let range = super::model::ObjKey {
            kind: ObjKind::Type,
            schema: schema.to_string(),
            name: name.to_string(),
            sub: String::new(),
        };
        routine
            || self
                .catalog
                .objects
                .get(&range)
                .is_some_and(|o| o.is_range())
            || (!super::builtin::is_function(name)
                && self
                    .catalog
                    .range_of_multirange(&QualName::new(schema, name))
                    .is_some())
    }
}
