//! Owners and privileges through the library: what compares equal however it is spelled,
//! what the owner question decides, and what is reported instead of modelled.

use std::sync::Arc;

use crate::common::{migrate, migrate_with};
use pgdumpdiff::input::SourceFile;

fn diff(from: &str, to: &str) -> String {
    migrate_with(from, to, true)
}

/// The warnings a script replays with.
fn warnings(sql: &str) -> Vec<String> {
    let file = Arc::new(SourceFile::new("x.sql", sql.to_string()));
    let loaded =
        pgdumpdiff::catalog_from_files(&[file], &pgdumpdiff::LoadOptions::default(), Vec::new())
            .unwrap_or_else(|d| panic!("{d:?}"));
    loaded
        .warnings
        .iter()
        .map(|d| format!("{}: {d}", d.location().unwrap_or_default()))
        .collect()
}

#[test]
fn the_same_acl_spelled_differently_is_no_change() {
    let all = "CREATE TABLE t (a int); GRANT ALL ON t TO bob; GRANT SELECT, INSERT ON t TO carol; GRANT UPDATE ON t TO carol;";
    let listed = "CREATE TABLE t (a int); GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE public.t TO bob; \
                  GRANT INSERT, UPDATE, SELECT ON t TO carol;";
    assert_eq!(diff(all, listed), "");
    let function = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';";
    let given_back = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'; \
                      REVOKE ALL ON FUNCTION f() FROM PUBLIC; GRANT EXECUTE ON FUNCTION f() TO PUBLIC;";
    assert_eq!(diff(function, given_back), "");
    // The server keeps aclitems in grant order; the order grants nothing.
    let two = "CREATE TABLE t (a int); GRANT SELECT ON t TO bob; GRANT SELECT ON t TO carol;";
    let one = "CREATE TABLE t (a int); GRANT SELECT ON t TO carol, bob;";
    assert_eq!(diff(two, one), "");
    // A grant to the owner adds nothing to what the owner holds.
    let plain = "CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice;";
    let to_owner =
        "CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice; GRANT SELECT ON t TO alice;";
    assert_eq!(diff(plain, to_owner), "");
}

#[test]
fn an_owner_only_one_side_states() {
    let dumped = "CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice; GRANT SELECT ON t TO bob;";
    let written = "CREATE TABLE t (a int); GRANT SELECT ON t TO bob;";
    // TO does not say who owns t: it stays as it is, and the owner's grants match.
    assert_eq!(diff(dumped, written), "");
    // TO says: applied (harmless if it already holds).
    assert_eq!(diff(written, dumped), "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t OWNER TO alice;\n\n");
}

#[test]
fn an_owner_change_takes_the_new_owners_grants_in() {
    let from =
        "CREATE TABLE t (a int); GRANT SELECT, INSERT ON t TO alice; GRANT SELECT ON t TO bob;";
    let to = "CREATE TABLE t (a int); GRANT SELECT ON t TO bob; ALTER TABLE t OWNER TO alice;";
    assert_eq!(diff(from, to), "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t OWNER TO alice;\n\n");
}

#[test]
fn default_privileges_decide_what_a_new_object_starts_with() {
    let rule = "ALTER DEFAULT PRIVILEGES FOR ROLE alice GRANT SELECT ON TABLES TO bob;";
    let from = format!("{rule} SET ROLE alice; CREATE TABLE t (a int); RESET ROLE;");
    let to = format!("{rule} SET ROLE alice; CREATE TABLE t (a int); RESET ROLE; ALTER TABLE t OWNER TO alice; GRANT SELECT ON t TO bob;");
    assert_eq!(
        diff(&from, &to),
        "",
        "alice created t: it started with bob's SELECT"
    );
    let bare = format!("{rule} CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice;");
    assert_eq!(
        diff(&from, &bare),
        "REVOKE SELECT ON TABLE public.t FROM bob;\n\n"
    );
}

#[test]
fn without_the_option_nothing_about_privileges_is_emitted() {
    let a = "CREATE TABLE t (a int);";
    let b = "CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice; GRANT SELECT ON t TO bob; \
             ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO bob;";
    assert_eq!(migrate(a, b), "");
    assert_eq!(
        diff(a, b),
        "-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t OWNER TO alice;\n\nGRANT SELECT ON TABLE public.t TO bob;\n\nALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO bob;\n\n"
    );
}

#[test]
fn privilege_statements_replay_without_warnings() {
    let sql = "CREATE SCHEMA s; CREATE TABLE s.t (a int, b int GENERATED ALWAYS AS IDENTITY); CREATE SEQUENCE s.q; \
               CREATE FUNCTION s.f(int) RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE VIEW s.v AS SELECT a FROM s.t; \
               CREATE TYPE s.e AS ENUM ('x'); CREATE DOMAIN s.d AS int; \
               GRANT SELECT, UPDATE (a) ON s.t TO bob WITH GRANT OPTION; GRANT USAGE ON SEQUENCE s.t_b_seq TO bob; \
               GRANT ALL ON ALL TABLES IN SCHEMA s TO carol; GRANT USAGE ON ALL SEQUENCES IN SCHEMA s TO carol; \
               REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA s FROM PUBLIC; GRANT USAGE ON TYPE s.e, s.d TO carol; \
               REVOKE GRANT OPTION FOR SELECT ON s.t FROM bob CASCADE; GRANT USAGE ON SCHEMA s TO PUBLIC; \
               ALTER TABLE s.t OWNER TO alice; ALTER SEQUENCE s.q OWNER TO alice; ALTER VIEW s.v OWNER TO alice; \
               ALTER FUNCTION s.f(int) OWNER TO alice; ALTER ROUTINE s.f(integer) OWNER TO alice; ALTER TYPE s.e OWNER TO alice; \
               ALTER DOMAIN s.d OWNER TO alice; ALTER SCHEMA s OWNER TO alice; \
               SET SESSION AUTHORIZATION alice; GRANT SELECT ON s.v TO dave; RESET SESSION AUTHORIZATION; \
               ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA s GRANT SELECT ON TABLES TO bob; \
               ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON ROUTINES FROM PUBLIC; \
               ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO bob; ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO bob;";
    assert_eq!(warnings(sql), Vec::<String>::new());
}

#[test]
fn what_is_not_modelled_is_reported_with_its_location() {
    let w = warnings("CREATE TABLE t (a int);\nGRANT CONNECT ON DATABASE db TO bob;\nGRANT SELECT ON missing TO bob;\n");
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].starts_with("x.sql:2:1") && w[0].contains("DATABASE"),
        "{w:?}"
    );
    assert!(
        w[1].starts_with("x.sql:3:1") && w[1].contains("missing"),
        "{w:?}"
    );
}

#[test]
fn reassign_owned_moves_every_object_of_a_role() {
    let from = "CREATE SCHEMA s AUTHORIZATION alice; CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice; CREATE TABLE u (a int);";
    let to = format!("{from} REASSIGN OWNED BY alice TO bob;");
    assert_eq!(diff(from, &to), "ALTER SCHEMA s OWNER TO bob;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.t (blocks reads and writes until commit)\nALTER TABLE public.t OWNER TO bob;\n\n");
}

#[test]
fn access_satisfies_what_to_states() {
    let table = |sql: &str| {
        let c = pgdumpdiff::catalog_from_sql("x.sql", sql).unwrap_or_else(|d| panic!("{d:?}"));
        c.tables
            .values()
            .next()
            .map(|t| t.access.clone())
            .expect("one table")
    };
    let dumped = table(
        "CREATE TABLE t (a int); ALTER TABLE t OWNER TO alice; GRANT SELECT ON t TO alice, bob;",
    );
    let written = table("CREATE TABLE t (a int); GRANT SELECT ON t TO bob;");
    assert!(
        dumped.satisfies(&written),
        "an owner TO does not state may be anyone"
    );
    assert!(!written.satisfies(&dumped), "an owner TO states must hold");
    let more = table("CREATE TABLE t (a int); GRANT SELECT, INSERT ON t TO bob;");
    assert!(!more.satisfies(&written) && !written.satisfies(&more));
}

#[test]
fn the_role_running_statements_owns_what_it_creates() {
    let to = "SET ROLE alice; CREATE TABLE a (x int); RESET ALL; \
              SET SESSION AUTHORIZATION bob; CREATE TABLE b (x int); SET ROLE carol; CREATE TABLE c (x int); RESET ROLE; CREATE TABLE d (x int); \
              RESET SESSION AUTHORIZATION; CREATE TABLE e (x int);";
    let from = "CREATE TABLE a (x int); CREATE TABLE b (x int); CREATE TABLE c (x int); CREATE TABLE d (x int); CREATE TABLE e (x int);";
    assert_eq!(
        diff(from, to),
        "-- hazard: lock: ACCESS EXCLUSIVE on public.a (blocks reads and writes until commit)\nALTER TABLE public.a OWNER TO alice;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.b (blocks reads and writes until commit)\nALTER TABLE public.b OWNER TO bob;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.c (blocks reads and writes until commit)\nALTER TABLE public.c OWNER TO carol;\n\n-- hazard: lock: ACCESS EXCLUSIVE on public.d (blocks reads and writes until commit)\nALTER TABLE public.d OWNER TO bob;\n\n"
    );
}
