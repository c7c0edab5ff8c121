//! Range types. No ALTER changes a range's definition: a changed range is dropped and
//! created again. Renaming it aside, as an enum is (see enums.rs), would not do: its
//! constructor functions keep their names and the new range could not make its own. So the
//! columns that hold it (as itself, an array of it, or its multirange) take their text form
//! before the old range is dropped, and are cast to the new one once it exists.

use std::collections::{BTreeMap, BTreeSet};

use super::Diff;
use crate::catalog::containers::{Containers, Storing};
use crate::catalog::{ObjKey, QualName};

/// The ranges changed or made again (over a type made again, `remade`) that columns of FROM
/// tables staying in TO store (as the range, its multirange, or inside an array, a domain or
/// a composite type), with what holds their values.
pub(super) fn plan_ranges(d: &Diff, remade: &BTreeSet<QualName>) -> BTreeMap<ObjKey, Containers> {
    let mut out = BTreeMap::new();
    let mut stored = None;
    for (k, new) in &d.to.objects {
        let Some(old) = d.from.objects.get(k) else {
            continue;
        };
        let changed = old.create != new.create
            || remade.contains(&QualName::new(k.schema.clone(), k.name.clone()));
        if !old.is_range() || !new.is_range() || !changed {
            continue;
        }
        let stored = stored.get_or_insert_with(|| d.from.stored_type_names());
        let mut held = Containers::default();
        for q in names(d, k) {
            let c = d.from.containers(&q, stored);
            held.same.extend(c.same);
            held.holders.extend(c.holders);
        }
        let used = d
            .from
            .tables
            .iter()
            .filter(|(q, _)| !d.dropped_tables.contains(*q))
            .any(|(_, t)| {
                t.columns
                    .iter()
                    .any(|c| held.refuses(&c.type_sql, Storing::Row))
            });
        if used {
            out.insert(k.clone(), held);
        }
    }
    out
}

/// Range `k` and its multirange, as FROM and TO name them.
pub(super) fn names(d: &Diff, k: &ObjKey) -> Vec<QualName> {
    let multiranges = [d.from, d.to]
        .into_iter()
        .filter_map(|c| c.objects.get(k).and_then(|o| o.multirange()));
    std::iter::once(QualName::new(k.schema.clone(), k.name.clone()))
        .chain(multiranges)
        .collect()
}

/// The types whose columns are cast to their new definition: each rebuilt range and its
/// multirange.
pub(super) fn recast(d: &Diff) -> Vec<QualName> {
    d.ranges.keys().flat_map(|k| names(d, k)).collect()
}
