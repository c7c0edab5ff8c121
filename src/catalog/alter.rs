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

/// The output columns of a view's canonical CREATE: name and canonical expression text.
fn view_columns(sql: &str) -> Option<Vec<(String, String)>> {
    let query = match parse_one(sql)? {
        NodeEnum::ViewStmt(v) => v.query?,
        NodeEnum::CreateTableAsStmt(c) => c.query?,
        _ => return None,
    };
    let NodeEnum::SelectStmt(sel) = query.node? else { return None };
    if sel.op != protobuf::SetOperation::SetopNone as i32 {
        return None;
    }
    let mut out = Vec::new();
    for t in &sel.target_list {
        let Some(NodeEnum::ResTarget(rt)) = &t.node else { return None };
        let val = rt.val.as_deref()?;
        if matches!(&val.node, Some(NodeEnum::ColumnRef(c)) if c.fields.iter().any(|f| matches!(f.node, Some(NodeEnum::AStar(_))))) {
            return None;
        }
        let name = if rt.name.is_empty() { expr::column_name(val)? } else { rt.name.clone() };
        out.push((name, expr::deparse_expr_raw(val).ok()?));
    }
    Some(out)
}

/// Whether view `old` can become `new` with CREATE OR REPLACE VIEW: the server requires the
/// old columns to stay, in order, with their names and types, and accepts new ones after
/// them. Types are not known offline, so each old column must keep its very expression
/// (then it keeps its type, as long as what it reads keeps its own: the caller checks that
/// nothing under the view changes).
pub fn view_replaceable(old: &str, new: &str) -> bool {
    let (Some(a), Some(b)) = (view_columns(old), view_columns(new)) else { return false };
    a.len() <= b.len() && a.iter().zip(&b).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    #[test]
    fn views_replace_in_place_when_old_columns_stay() {
        let a = "CREATE VIEW public.v AS SELECT t.a, t.b AS x FROM public.t";
        assert!(super::view_replaceable(a, "CREATE VIEW public.v AS SELECT t.a, t.b AS x, t.c FROM public.t WHERE t.a > 1"));
        assert!(!super::view_replaceable(a, "CREATE VIEW public.v AS SELECT t.b AS x, t.a FROM public.t"));
        assert!(!super::view_replaceable(a, "CREATE VIEW public.v AS SELECT t.a FROM public.t"));
        assert!(!super::view_replaceable(a, "CREATE VIEW public.v AS SELECT t.a, t.b || 'x' AS x FROM public.t"));
    }

    #[test]
    fn policy_alters_in_place_only_what_alter_policy_can_change() {
        let a = "CREATE POLICY p ON public.t FOR SELECT TO PUBLIC USING (a > 1)";
        let b = "CREATE POLICY p ON public.t FOR SELECT TO app USING (a > 2)";
        assert_eq!(super::policy(a, b).as_deref(), Some("ALTER POLICY p ON public.t TO app USING (a > 2)"));
        let c = "CREATE POLICY p ON public.t FOR UPDATE TO PUBLIC USING (a > 1)";
        assert_eq!(super::policy(a, c), None);
    }
}
