//! In-place changes between two canonical definitions of one object, worked out on their
//! parse trees (so the diff never handles parser types): what an ALTER can change without
//! dropping the object.

use pg_query::protobuf::{self, Node};
use pg_query::NodeEnum;

use super::expr;

fn parse_one(sql: &str) -> Option<NodeEnum> {
    pg_query::parse(sql, 0).ok()?.protobuf.stmts.into_iter().next()?.stmt?.node
}

/// `ALTER POLICY` turning policy `old` into `new`, when only its roles, USING or WITH CHECK
/// change (its command and PERMISSIVE / RESTRICTIVE cannot be altered).
pub fn policy(old: &str, new: &str) -> Option<String> {
    let (Some(NodeEnum::CreatePolicyStmt(a)), Some(NodeEnum::CreatePolicyStmt(b))) = (parse_one(old), parse_one(new)) else {
        return None;
    };
    if a.cmd_name != b.cmd_name || a.permissive != b.permissive || a.table != b.table || a.policy_name != b.policy_name {
        return None;
    }
    let text = |n: &Option<Box<Node>>| n.as_deref().map(|e| expr::deparse_expr_raw(e).unwrap_or_default());
    // A USING or WITH CHECK that goes away cannot be removed by ALTER POLICY.
    if (a.qual.is_some() && b.qual.is_none()) || (a.with_check.is_some() && b.with_check.is_none()) {
        return None;
    }
    let stmt = protobuf::AlterPolicyStmt {
        policy_name: b.policy_name.clone(),
        table: b.table.clone(),
        roles: b.roles.clone(),
        qual: if text(&a.qual) != text(&b.qual) { b.qual.clone() } else { None },
        with_check: if text(&a.with_check) != text(&b.with_check) { b.with_check.clone() } else { None },
    };
    expr::deparse_stmt(NodeEnum::AlterPolicyStmt(Box::new(stmt))).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn policy_alters_in_place_only_what_alter_policy_can_change() {
        let a = "CREATE POLICY p ON public.t FOR SELECT TO PUBLIC USING (a > 1)";
        let b = "CREATE POLICY p ON public.t FOR SELECT TO app USING (a > 2)";
        assert_eq!(super::policy(a, b).as_deref(), Some("ALTER POLICY p ON public.t TO app USING (a > 2)"));
        let c = "CREATE POLICY p ON public.t FOR UPDATE TO PUBLIC USING (a > 1)";
        assert_eq!(super::policy(a, c), None);
    }
}
