//! Enum label renames that TO's own history makes certain.
//!
//! Two dumps never make a rename certain: a label that disappears while another appears may
//! be a drop plus an add, so `enums.rs` rebuilds the type. But an enum replayed from a
//! history (a folder of numbered migrations, a file that creates the enum and later renames
//! a label) remembers the renames it went through (`Object::label_renames`). When FROM is
//! an earlier state of that history, those renames are what happened to FROM's labels.
//!
//! A FROM label missing from TO is renamed when TO's history renames exactly that label
//! (a chain `a -> b -> c` is followed to its end; every rename of the label must end at the
//! same label), to a label TO has and FROM has not, and no two labels go to the same one.
//! Every FROM label missing from TO must be accounted for this way, and the renamed labels
//! must keep their order inside TO's (the labels TO adds are added in place afterwards).
//! Otherwise nothing of that enum is renamed and the type is rebuilt, as for two dumps.
//!
//! The renames run first: `Migration` replays them onto FROM (which carries a renamed
//! label into every stored value, as the server does) and diffs that against TO, so the
//! rest of the migration starts from the renamed labels.

use super::{Change, ObjectRef, Phase};
use crate::catalog::graph::Node;
use crate::catalog::{Catalog, ObjKey, QualName};
use crate::emit::quote;

/// One `ALTER TYPE ... RENAME VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelRename {
    pub key: ObjKey,
    pub old: String,
    pub new: String,
}

impl LabelRename {
    pub fn sql(&self) -> String {
        let q = QualName::new(self.key.schema.clone(), self.key.name.clone());
        format!(
            "ALTER TYPE {} RENAME VALUE {} TO {}",
            q.sql(),
            quote::literal(&self.old),
            quote::literal(&self.new)
        )
    }

    /// The statement as a change of the migration (it runs before the planned ones).
    pub fn change(&self, to: &Catalog) -> Change {
        let pos = to.objects.get(&self.key).map_or(0, |o| o.pos);
        let note = Some("TO's history renames this label".to_string());
        let node = Node::Object(self.key.clone());
        let object = ObjectRef::of(&node, to, to);
        Change {
            note,
            ..Change::new(Phase::Create, node, pos, 0, self.sql(), object)
        }
    }
}

/// The label renames TO's history makes certain, enum by enum in key order, each enum's in
/// FROM's label order.
pub fn certain(from: &Catalog, to: &Catalog) -> Vec<LabelRename> {
    let mut out = Vec::new();
    for (k, new) in &to.objects {
        let Some(old) = from.objects.get(k) else {
            continue;
        };
        if !old.is_enum()
            || !new.is_enum()
            || old.labels == new.labels
            || new.label_renames.is_empty()
        {
            continue;
        }
        for (o, n) in renames(&old.labels, &new.labels, &new.label_renames) {
            out.push(LabelRename {
                key: k.clone(),
                old: o,
                new: n,
            });
        }
    }
    out
}

/// The renames turning labels `from` into a part of `to` in `to`'s order, read from
/// `history` (see the module documentation); empty when they are not certain.
fn renames(from: &[String], to: &[String], history: &[(String, String)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for label in from.iter().filter(|l| !to.contains(l)) {
        let mut ends: Vec<&String> = history
            .iter()
            .enumerate()
            .filter(|(_, (o, _))| o == label)
            .filter_map(|(i, _)| chain_end(history, i))
            .collect();
        ends.sort();
        ends.dedup();
        match ends.as_slice() {
            [end]
                if to.contains(end)
                    && !from.contains(end)
                    && !out.iter().any(|(_, n)| n == *end) =>
            {
                out.push((label.clone(), (*end).clone()))
            }
            _ => return Vec::new(),
        }
    }
    let renamed: Vec<&String> = from
        .iter()
        .map(|l| out.iter().find(|(o, _)| o == l).map_or(l, |(_, n)| n))
        .collect();
    let order: Vec<&String> = to.iter().filter(|l| renamed.contains(l)).collect();
    if order != renamed {
        return Vec::new();
    }
    out
}

/// Where the rename at `history[i]` leads, following later renames of its new name.
fn chain_end(history: &[(String, String)], i: usize) -> Option<&String> {
    let ((_, first), later) = history.get(i..)?.split_first()?;
    let mut end = first;
    for (o, n) in later {
        if o == end {
            end = n;
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::renames;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    fn h(xs: &[(&str, &str)]) -> Vec<(String, String)> {
        xs.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn pairs(xs: &[(&str, &str)]) -> Vec<(String, String)> {
        h(xs)
    }

    #[test]
    fn a_renamed_label_is_renamed() {
        assert_eq!(
            renames(&v(&["a", "b"]), &v(&["a", "c"]), &h(&[("b", "c")])),
            pairs(&[("b", "c")])
        );
    }

    #[test]
    fn chains_are_followed_to_their_end() {
        assert_eq!(
            renames(
                &v(&["a", "b"]),
                &v(&["x", "b"]),
                &h(&[("a", "m"), ("m", "x")])
            ),
            pairs(&[("a", "x")])
        );
        // FROM taken halfway through the chain.
        assert_eq!(
            renames(
                &v(&["m", "b"]),
                &v(&["x", "b"]),
                &h(&[("a", "m"), ("m", "x")])
            ),
            pairs(&[("m", "x")])
        );
    }

    #[test]
    fn renames_with_added_labels() {
        assert_eq!(
            renames(&v(&["a", "b"]), &v(&["n", "a", "c"]), &h(&[("b", "c")])),
            pairs(&[("b", "c")])
        );
    }

    #[test]
    fn anything_uncertain_renames_nothing() {
        // A missing label the history does not rename: not FROM's history.
        assert_eq!(
            renames(&v(&["a", "b"]), &v(&["c"]), &h(&[("b", "c")])),
            pairs(&[])
        );
        // The rename leads to a label FROM already has.
        assert_eq!(
            renames(&v(&["a", "b"]), &v(&["b"]), &h(&[("a", "b")])),
            pairs(&[])
        );
        // Renamed twice, to different ends.
        assert_eq!(
            renames(
                &v(&["a"]),
                &v(&["x", "y"]),
                &h(&[("a", "x"), ("q", "a"), ("a", "y")])
            ),
            pairs(&[])
        );
        // The renamed labels are not in TO's order.
        assert_eq!(
            renames(&v(&["a", "b"]), &v(&["b", "c"]), &h(&[("a", "c")])),
            pairs(&[])
        );
        // Two labels renamed to the same one.
        assert_eq!(
            renames(&v(&["a", "b"]), &v(&["c"]), &h(&[("a", "c"), ("b", "c")])),
            pairs(&[])
        );
    }
}
