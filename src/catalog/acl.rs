//! Access control lists, modelled the way the server stores them: a list of aclitems, each a
//! grantee, a grantor, a set of privileges and the subset held WITH GRANT OPTION. An object
//! whose ACL was never touched has none (the server's NULL `relacl`), which means the
//! hard-wired default of its kind (`acldefault`): functions, types and languages grant
//! EXECUTE / USAGE to PUBLIC, everything else grants all to the owner alone.
//!
//! Roles are recorded relative to the object's owner: an aclitem for (or granted by) the
//! owner says `Role::Owner`, whatever the owner is called. The server rewrites every
//! aclitem when the owner changes (`aclnewowner`), so this is the same information, and it
//! lets an object owned by "whoever ran the script" (no `OWNER TO`) compare equal to the
//! same object owned by a named role, grants included.
//!
//! Two ACLs are equal when they hold the same aclitems in any order. The server keeps them in
//! the order they were first granted, and pg_dump prints that order, but the order decides
//! nothing about access; a migration appends new aclitems in TO's order, which reproduces
//! TO's order whenever FROM's aclitems are a prefix of it.

use std::fmt;

/// A set of privileges: one bit per privilege (the letters of aclitem's text form).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Privs(u16);

/// Every privilege: its letter in aclitem text, its keyword in GRANT, in the order
/// pgdumpdiff writes them.
const PRIVILEGES: [(char, &str); 13] = [
    ('r', "SELECT"),
    ('a', "INSERT"),
    ('w', "UPDATE"),
    ('d', "DELETE"),
    ('D', "TRUNCATE"),
    ('x', "REFERENCES"),
    ('t', "TRIGGER"),
    ('m', "MAINTAIN"),
    ('X', "EXECUTE"),
    ('U', "USAGE"),
    ('C', "CREATE"),
    ('T', "TEMPORARY"),
    ('c', "CONNECT"),
];

impl Privs {
    pub const NONE: Privs = Privs(0);

    /// The privileges named by aclitem letters, e.g. `"arwdDxt"`; unknown letters are ignored.
    pub fn from_letters(s: &str) -> Privs {
        let mut p = Privs::NONE;
        for ch in s.chars() {
            if let Some(i) = PRIVILEGES.iter().position(|(l, _)| *l == ch) {
                p.0 |= 1 << i;
            }
        }
        p
    }

    /// The privilege a GRANT keyword names (`select`, `temp`, ...), as the parser spells it.
    pub fn from_keyword(word: &str) -> Option<Privs> {
        let word = match word.to_ascii_lowercase().as_str() {
            "temp" => "temporary".to_string(),
            w => w.to_string(),
        };
        PRIVILEGES
            .iter()
            .position(|(_, k)| k.eq_ignore_ascii_case(&word))
            .map(|i| Privs(1 << i))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, o: Privs) -> Privs {
        Privs(self.0 | o.0)
    }

    pub fn intersect(self, o: Privs) -> Privs {
        Privs(self.0 & o.0)
    }

    pub fn minus(self, o: Privs) -> Privs {
        Privs(self.0 & !o.0)
    }

    pub fn contains(self, o: Privs) -> bool {
        self.0 & o.0 == o.0
    }

    /// GRANT keywords, comma separated (`SELECT, INSERT`).
    pub fn keywords(self) -> String {
        PRIVILEGES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, (_, k))| *k)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Privs {
    /// aclitem letters, e.g. `arwdDxt`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (l, _)) in PRIVILEGES.iter().enumerate() {
            if self.0 & (1 << i) != 0 {
                write!(f, "{l}")?;
            }
        }
        Ok(())
    }
}

/// What a privilege applies to; decides which privileges exist and the built-in default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AclKind {
    /// Tables, views, materialized views, foreign tables.
    Relation,
    Sequence,
    Column,
    /// Functions, procedures and aggregates.
    Function,
    Language,
    Schema,
    /// Types and domains.
    Type,
    ForeignDataWrapper,
    ForeignServer,
}

impl AclKind {
    /// The privileges `ALL` means (PostgreSQL 15: tables have no MAINTAIN).
    pub fn all(self) -> Privs {
        Privs::from_letters(match self {
            AclKind::Relation => "arwdDxt",
            AclKind::Sequence => "rwU",
            AclKind::Column => "arwx",
            AclKind::Function => "X",
            AclKind::Language
            | AclKind::Type
            | AclKind::ForeignDataWrapper
            | AclKind::ForeignServer => "U",
            AclKind::Schema => "UC",
        })
    }

    /// Privileges a GRANT may name for this kind (ALL, plus MAINTAIN on tables).
    pub fn valid(self) -> Privs {
        match self {
            AclKind::Relation => self.all().union(Privs::from_letters("m")),
            AclKind::Sequence
            | AclKind::Column
            | AclKind::Function
            | AclKind::Language
            | AclKind::Schema
            | AclKind::Type
            | AclKind::ForeignDataWrapper
            | AclKind::ForeignServer => self.all(),
        }
    }

    /// The ACL of an object nobody granted anything on (`acldefault`), PUBLIC first.
    pub fn default_acl(self) -> Acl {
        let owner = |p: &str| AclItem {
            grantee: Role::Owner,
            grantor: Role::Owner,
            privs: Privs::from_letters(p),
            grant_options: Privs::NONE,
        };
        let public = |p: &str| AclItem {
            grantee: Role::Public,
            grantor: Role::Owner,
            privs: Privs::from_letters(p),
            grant_options: Privs::NONE,
        };
        Acl(match self {
            AclKind::Column => Vec::new(),
            AclKind::Function => vec![public("X"), owner("X")],
            AclKind::Language | AclKind::Type => vec![public("U"), owner("U")],
            AclKind::Relation
            | AclKind::Sequence
            | AclKind::Schema
            | AclKind::ForeignDataWrapper
            | AclKind::ForeignServer => {
                vec![owner(&self.all().to_string())]
            }
        })
    }
}

/// A grantee or grantor.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Every role (grantees only).
    Public,
    /// The object's owner, whoever that is.
    Owner,
    Named(String),
}

impl Role {
    /// `name` as seen from an object owned by `owner`.
    pub fn named(name: &str, owner: Option<&str>) -> Role {
        if owner == Some(name) {
            Role::Owner
        } else {
            Role::Named(name.to_string())
        }
    }
}

/// One aclitem.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AclItem {
    pub grantee: Role,
    pub grantor: Role,
    pub privs: Privs,
    /// The privileges the grantee may grant on (a subset of `privs`).
    pub grant_options: Privs,
}

/// Why the server refuses a REVOKE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevokeError {
    /// Grants made on the strength of the revoked grant option exist (RESTRICT).
    DependentPrivileges,
}

/// An ACL: aclitems in the order the server keeps them; compared as a set.
#[derive(Clone, Debug, Default, Eq)]
pub struct Acl(pub Vec<AclItem>);

impl PartialEq for Acl {
    fn eq(&self, other: &Acl) -> bool {
        self.0.len() == other.0.len() && self.0.iter().all(|i| other.0.contains(i))
    }
}

impl Acl {
    pub fn items(&self) -> &[AclItem] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The aclitem of `grantee` granted by `grantor`.
    pub fn get(&self, grantee: &Role, grantor: &Role) -> Option<&AclItem> {
        self.0
            .iter()
            .find(|i| i.grantee == *grantee && i.grantor == *grantor)
    }

    /// GRANT: adds to the aclitem of (grantee, grantor), or appends a new one.
    pub fn grant(&mut self, grantee: &Role, grantor: &Role, privs: Privs, with_grant_option: bool) {
        if privs.is_empty() {
            return;
        }
        let options = if with_grant_option {
            privs
        } else {
            Privs::NONE
        };
        match self
            .0
            .iter_mut()
            .find(|i| i.grantee == *grantee && i.grantor == *grantor)
        {
            Some(i) => {
                i.privs = i.privs.union(privs);
                i.grant_options = i.grant_options.union(options);
            }
            None => self.0.push(AclItem {
                grantee: grantee.clone(),
                grantor: grantor.clone(),
                privs,
                grant_options: options,
            }),
        }
    }

    /// REVOKE [GRANT OPTION FOR]: takes `privs` (or only their grant options) from the
    /// aclitem of (grantee, grantor); an aclitem left with nothing goes. Grants that rested on
    /// a lost grant option go too with `cascade`; without it they make the REVOKE fail, and
    /// the ACL is left as it was.
    pub fn revoke(
        &mut self,
        grantee: &Role,
        grantor: &Role,
        privs: Privs,
        option_only: bool,
        cascade: bool,
    ) -> Result<(), RevokeError> {
        let mut next = self.clone();
        next.revoke_in_place(grantee, grantor, privs, option_only, cascade)?;
        *self = next;
        Ok(())
    }

    fn revoke_in_place(
        &mut self,
        grantee: &Role,
        grantor: &Role,
        privs: Privs,
        option_only: bool,
        cascade: bool,
    ) -> Result<(), RevokeError> {
        let Some(at) = self
            .0
            .iter()
            .position(|i| i.grantee == *grantee && i.grantor == *grantor)
        else {
            return Ok(());
        };
        let Some(item) = self.0.get_mut(at) else {
            return Ok(());
        };
        let old_options = item.grant_options;
        item.grant_options = item.grant_options.minus(privs);
        if !option_only {
            item.privs = item.privs.minus(privs);
        }
        let lost = old_options.minus(item.grant_options);
        if item.privs.is_empty() && item.grant_options.is_empty() {
            self.0.remove(at);
        }
        if !lost.is_empty() {
            self.recursive_revoke(grantee, lost, cascade)?;
        }
        Ok(())
    }

    /// Grants made by `grantor` that it can no longer make (it lost the grant option on
    /// `lost` and holds it from nobody else). The owner never loses its grant options.
    fn recursive_revoke(
        &mut self,
        grantor: &Role,
        lost: Privs,
        cascade: bool,
    ) -> Result<(), RevokeError> {
        if *grantor == Role::Owner || *grantor == Role::Public {
            return Ok(());
        }
        let still: Privs = self
            .0
            .iter()
            .filter(|i| i.grantee == *grantor)
            .fold(Privs::NONE, |a, i| a.union(i.grant_options));
        let lost = lost.minus(still);
        if lost.is_empty() {
            return Ok(());
        }
        while let Some(dep) = self
            .0
            .iter()
            .find(|i| i.grantor == *grantor && !i.privs.intersect(lost).is_empty())
            .map(|i| i.grantee.clone())
        {
            if !cascade {
                return Err(RevokeError::DependentPrivileges);
            }
            self.revoke_in_place(&dep, grantor, lost, false, cascade)?;
        }
        Ok(())
    }

    /// `ALTER ... OWNER TO new_owner` (`aclnewowner`): aclitems of the new owner become the
    /// owner's, merged into the first aclitem with the same grantee and grantor.
    pub fn new_owner(&mut self, new_owner: &str) {
        let me = Role::Named(new_owner.to_string());
        let mut out: Vec<AclItem> = Vec::with_capacity(self.0.len());
        for mut i in std::mem::take(&mut self.0) {
            if i.grantee == me {
                i.grantee = Role::Owner;
            }
            if i.grantor == me {
                i.grantor = Role::Owner;
            }
            match out
                .iter_mut()
                .find(|o| o.grantee == i.grantee && o.grantor == i.grantor)
            {
                Some(o) => {
                    o.privs = o.privs.union(i.privs);
                    o.grant_options = o.grant_options.union(i.grant_options);
                }
                None => out.push(i),
            }
        }
        self.0 = out;
    }

    /// Adds every aclitem of `other` (`aclmerge`): per-schema default privileges on top of the
    /// global ones.
    pub fn merge(&mut self, other: &Acl) {
        for i in &other.0 {
            match self
                .0
                .iter_mut()
                .find(|o| o.grantee == i.grantee && o.grantor == i.grantor)
            {
                Some(o) => {
                    o.privs = o.privs.union(i.privs);
                    o.grant_options = o.grant_options.union(i.grant_options);
                }
                None => self.0.push(i.clone()),
            }
        }
    }

    /// What both ACLs grant: the aclitems they share, each with the privileges both give.
    pub fn intersection(&self, other: &Acl) -> Acl {
        let mut out = Acl::default();
        for i in &self.0 {
            if let Some(o) = other.get(&i.grantee, &i.grantor) {
                let privs = i.privs.intersect(o.privs);
                let grant_options = i.grant_options.intersect(o.grant_options);
                if !(privs.is_empty() && grant_options.is_empty()) {
                    out.0.push(AclItem {
                        grantee: i.grantee.clone(),
                        grantor: i.grantor.clone(),
                        privs,
                        grant_options,
                    });
                }
            }
        }
        out
    }

    /// Restricts every aclitem to `privs` (dropping aclitems left empty).
    pub fn restrict(&mut self, privs: Privs) {
        for i in &mut self.0 {
            i.privs = i.privs.intersect(privs);
            i.grant_options = i.grant_options.intersect(privs);
        }
        self.0
            .retain(|i| !(i.privs.is_empty() && i.grant_options.is_empty()));
    }
}

/// An ACL that is `None` while it is the kind's default (the server's NULL).
pub fn effective(acl: Option<&Acl>, kind: AclKind) -> Acl {
    acl.cloned().unwrap_or_else(|| kind.default_acl())
}

/// `Some(acl)`, or `None` when it says no more than the kind's default.
pub fn normalized(acl: Acl, kind: AclKind) -> Option<Acl> {
    (acl != kind.default_acl()).then_some(acl)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(n: &str) -> Role {
        Role::Named(n.to_string())
    }

    #[test]
    fn letters_and_keywords() {
        let p = Privs::from_letters("arwdDxt");
        assert_eq!(p.to_string(), "rawdDxt");
        assert_eq!(p, AclKind::Relation.all());
        assert_eq!(Privs::from_keyword("temp"), Some(Privs::from_letters("T")));
        assert_eq!(Privs::from_keyword("alter system"), None);
        assert_eq!(Privs::from_letters("ra").keywords(), "SELECT, INSERT");
    }

    #[test]
    fn grant_merges_and_appends_in_order() {
        let mut acl = AclKind::Relation.default_acl();
        acl.grant(&named("bob"), &Role::Owner, Privs::from_letters("r"), false);
        acl.grant(
            &named("alice"),
            &Role::Owner,
            Privs::from_letters("a"),
            true,
        );
        acl.grant(&named("bob"), &Role::Owner, Privs::from_letters("w"), false);
        let who: Vec<&Role> = acl.items().iter().map(|i| &i.grantee).collect();
        assert_eq!(who, vec![&Role::Owner, &named("bob"), &named("alice")]);
        assert_eq!(
            acl.get(&named("bob"), &Role::Owner).map(|i| i.privs),
            Some(Privs::from_letters("rw"))
        );
        assert_eq!(
            acl.get(&named("alice"), &Role::Owner)
                .map(|i| i.grant_options),
            Some(Privs::from_letters("a"))
        );
    }

    #[test]
    fn revoke_from_public_changes_the_function_default() {
        let mut acl = AclKind::Function.default_acl();
        acl.revoke(
            &Role::Public,
            &Role::Owner,
            AclKind::Function.all(),
            false,
            false,
        )
        .expect("no dependents");
        assert_eq!(acl.items().len(), 1);
        assert_eq!(
            normalized(acl, AclKind::Function).map(|a| a.items().len()),
            Some(1)
        );
    }

    #[test]
    fn order_does_not_matter_for_equality() {
        let mut a = Acl::default();
        a.grant(&named("x"), &Role::Owner, Privs::from_letters("r"), false);
        a.grant(&named("y"), &Role::Owner, Privs::from_letters("r"), false);
        let mut b = Acl::default();
        b.grant(&named("y"), &Role::Owner, Privs::from_letters("r"), false);
        b.grant(&named("x"), &Role::Owner, Privs::from_letters("r"), false);
        assert_eq!(a, b);
        b.grant(&named("x"), &Role::Owner, Privs::from_letters("w"), false);
        assert_ne!(a, b);
    }

    #[test]
    fn revoking_a_grant_option_cascades_or_fails() {
        let mut acl = AclKind::Relation.default_acl();
        acl.grant(
            &named("carol"),
            &Role::Owner,
            Privs::from_letters("r"),
            true,
        );
        acl.grant(
            &named("bob"),
            &named("carol"),
            Privs::from_letters("r"),
            false,
        );
        let before = acl.clone();
        assert_eq!(
            acl.revoke(
                &named("carol"),
                &Role::Owner,
                Privs::from_letters("r"),
                true,
                false
            ),
            Err(RevokeError::DependentPrivileges)
        );
        assert_eq!(acl, before);
        acl.revoke(
            &named("carol"),
            &Role::Owner,
            Privs::from_letters("r"),
            true,
            true,
        )
        .expect("cascade");
        assert!(acl.get(&named("bob"), &named("carol")).is_none());
        let carol = acl
            .get(&named("carol"), &Role::Owner)
            .expect("keeps SELECT");
        assert_eq!(
            (carol.privs, carol.grant_options),
            (Privs::from_letters("r"), Privs::NONE)
        );
    }

    #[test]
    fn new_owner_merges_its_own_grants() {
        let mut acl = AclKind::Relation.default_acl();
        acl.grant(
            &named("alice"),
            &Role::Owner,
            Privs::from_letters("ar"),
            false,
        );
        acl.grant(&named("bob"), &Role::Owner, Privs::from_letters("r"), false);
        acl.new_owner("alice");
        assert_eq!(acl.items().len(), 2);
        assert_eq!(acl.items()[0].grantee, Role::Owner);
        assert_eq!(acl.items()[0].privs, AclKind::Relation.all());
    }
}
