//! The roles a SQL script names, so a throwaway cluster can create them before loading it:
//! every role specification the parser finds (grantees, `OWNER TO`, `AUTHORIZATION`,
//! `FOR ROLE`, policy roles, role memberships) and the targets of `SET ROLE` /
//! `SET SESSION AUTHORIZATION`. Built-in roles (`postgres`, `pg_*`) are left out.

use pg_query::protobuf::VariableSetStmt;
use pg_query::NodeEnum;

/// Role names `sql` mentions, sorted, without duplicates.
pub fn roles_in(sql: &str) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    let Ok(parsed) = pg_query::parse(sql, 0) else {
        return Vec::new();
    };
    for raw in &parsed.protobuf.stmts {
        let Some(node) = raw.stmt.as_ref().and_then(|s| s.node.as_ref()) else {
            continue;
        };
        if let NodeEnum::VariableSetStmt(VariableSetStmt { name, args, .. }) = node {
            if name == "role" || name == "session_authorization" {
                out.extend(args.iter().filter_map(|a| match &a.node {
                    Some(NodeEnum::AConst(c)) => match &c.val {
                        Some(pg_query::protobuf::a_const::Val::Sval(s)) => Some(s.sval.clone()),
                        _ => None,
                    },
                    _ => None,
                }));
            }
            continue;
        }
        // Every RoleSpec of the statement, wherever the grammar put it: the tree's debug form
        // names each one `RoleSpec { roletype: RolespecCstring, rolename: "..." }`.
        out.extend(named_role_specs(&format!("{node:?}")));
    }
    out.into_iter()
        .filter(|r| r != "postgres" && r != "none" && !r.starts_with("pg_"))
        .collect()
}

/// The `rolename` strings of named role specifications in a parse tree's debug text.
fn named_role_specs(debug: &str) -> Vec<String> {
    const MARK: &str = "roletype: RolespecCstring, rolename: \"";
    let mut out = Vec::new();
    let mut rest = debug;
    while let Some(at) = rest.find(MARK) {
        rest = &rest[at + MARK.len()..];
        let mut name = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => name.extend(chars.next()),
                c => name.push(c),
            }
        }
        out.push(name);
    }
    out
}

#[test]
fn finds_roles_wherever_the_grammar_puts_them() {
    let sql = "GRANT SELECT ON t TO alice, PUBLIC; ALTER TABLE t OWNER TO \"Bob\"; \
               ALTER DEFAULT PRIVILEGES FOR ROLE carol GRANT USAGE ON TYPES TO dave; \
               CREATE SCHEMA s AUTHORIZATION erin; SET ROLE frank; REVOKE ALL ON t FROM postgres;";
    assert_eq!(
        roles_in(sql),
        vec!["Bob", "alice", "carol", "dave", "erin", "frank"]
    );
}
