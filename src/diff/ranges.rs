//! Range types. No ALTER changes a range's definition: a changed range is dropped and
//! created again. Renaming it aside, as an enum is (see enums.rs), would not do: its
//! constructor functions keep their names and the new range could not make its own. So the
//! columns that hold it (as itself, an array of it, or its multirange) take their text form
//! before the old range is dropped, and are cast to the new one once it exists.

use std::collections::BTreeSet;

use super::Diff;
use crate::catalog::graph::type_name;
use crate::catalog::{ObjKey, QualName};

/// The changed ranges that columns of FROM tables staying in TO hold.
pub(super) fn plan_ranges(d: &Diff) -> BTreeSet<ObjKey> {
    let mut out = BTreeSet::new();
    for (k, new) in &d.to.objects {
        let Some(old) = d.from.objects.get(k) else {
            continue;
        };
        if !old.is_range() || !new.is_range() || old.create == new.create {
            continue;
        }
        let names = names(d, k);
        let used = d
            .from
            .tables
            .iter()
            .filter(|(q, _)| !d.dropped_tables.contains(*q))
            .any(|(_, t)| {
                t.columns
                    .iter()
                    .any(|c| type_name(&c.type_sql).is_some_and(|ty| names.contains(&ty)))
            });
        if used {
            out.insert(k.clone());
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
    d.ranges.iter().flat_map(|k| names(d, k)).collect()
}
