//! The one walk over parse trees: every child node of every node kind, parents before
//! children. Names hide anywhere an expression can go (a function called inside
//! XMLSERIALIZE, a JSON constructor, a TABLESAMPLE argument, an XMLTABLE column default), and
//! a walk that skips a kind misses them twice: the dependency is not recorded, and
//! verification, which reads dependencies the same way, does not notice.
//!
//! So `children` names every kind (no wildcard: a kind added to pg_query does not compile
//! until it is placed) and, in each, every field that holds nodes, field by field from
//! pg_query's protobuf definitions: a `Node`, a list of them, or a message of a node kind (a
//! `RangeVar`, a `TypeName`, a `WithClause`), which is visited as a node too, so that `f`
//! sees it. The test below checks the fields: for each kind and each field (and field of a
//! field) that can hold a node, a marker placed there alone is visited.

use pg_query::protobuf::Node;
use pg_query::NodeEnum;

/// Visits `node` and everything under it, parents before children. `f` may change a node
/// in place, not replace it with another kind.
pub fn walk(node: &mut Node, f: &mut dyn FnMut(&mut NodeEnum)) {
    visit(node, &mut |n| {
        f(n);
        Next::Into
    });
}

/// What a visit does after a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Visits its children.
    Into,
    /// Passes over them.
    Over,
}

/// `walk`, where `f` decides whether to go into each node's children.
pub fn visit(node: &mut Node, f: &mut dyn FnMut(&mut NodeEnum) -> Next) {
    let Some(n) = node.node.as_mut() else { return };
    if f(n) == Next::Into {
        children(n, f);
    }
}

fn opt(v: &mut Option<Box<Node>>, f: &mut dyn FnMut(&mut NodeEnum) -> Next) {
    if let Some(x) = v {
        visit(x, f);
    }
}

fn all(v: &mut [Node], f: &mut dyn FnMut(&mut NodeEnum) -> Next) {
    for x in v {
        visit(x, f);
    }
}

/// A field holding a message of a node kind, visited as that node (moved into a `Node` and
/// back).
macro_rules! as_node {
    ($field:expr, $kind:ident, $f:expr) => {
        if let Some(x) = $field.take() {
            let mut n = Node {
                node: Some(NodeEnum::$kind(x)),
            };
            visit(&mut n, $f);
            if let Some(NodeEnum::$kind(x)) = n.node {
                $field = Some(x);
            }
        }
    };
}

/// Walks the children of one node.
fn children(n: &mut NodeEnum, f: &mut dyn FnMut(&mut NodeEnum) -> Next) {
    match n {
        NodeEnum::Alias(x) => all(&mut x.colnames, f),
        NodeEnum::RangeVar(x) => as_node!(x.alias, Alias, f),
        NodeEnum::TableFunc(x) => {
            all(&mut x.ns_uris, f);
            all(&mut x.ns_names, f);
            opt(&mut x.docexpr, f);
            opt(&mut x.rowexpr, f);
            all(&mut x.colnames, f);
            all(&mut x.coltypes, f);
            all(&mut x.coltypmods, f);
            all(&mut x.colcollations, f);
            all(&mut x.colexprs, f);
            all(&mut x.coldefexprs, f);
            all(&mut x.colvalexprs, f);
            all(&mut x.passingvalexprs, f);
            opt(&mut x.plan, f);
        }
        NodeEnum::IntoClause(x) => {
            as_node!(x.rel, RangeVar, f);
            all(&mut x.col_names, f);
            all(&mut x.options, f);
            as_node!(x.view_query, Query, f);
        }
        NodeEnum::Var(x) => opt(&mut x.xpr, f),
        NodeEnum::Param(x) => opt(&mut x.xpr, f),
        NodeEnum::Aggref(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.aggargtypes, f);
            all(&mut x.aggdirectargs, f);
            all(&mut x.args, f);
            all(&mut x.aggorder, f);
            all(&mut x.aggdistinct, f);
            opt(&mut x.aggfilter, f);
        }
        NodeEnum::GroupingFunc(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
            all(&mut x.refs, f);
        }
        NodeEnum::WindowFunc(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
            opt(&mut x.aggfilter, f);
            all(&mut x.run_condition, f);
        }
        NodeEnum::WindowFuncRunCondition(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::MergeSupportFunc(x) => opt(&mut x.xpr, f),
        NodeEnum::SubscriptingRef(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.refupperindexpr, f);
            all(&mut x.reflowerindexpr, f);
            opt(&mut x.refexpr, f);
            opt(&mut x.refassgnexpr, f);
        }
        NodeEnum::FuncExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::NamedArgExpr(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::OpExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::DistinctExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::NullIfExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::ScalarArrayOpExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::BoolExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::SubLink(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.testexpr, f);
            all(&mut x.oper_name, f);
            opt(&mut x.subselect, f);
        }
        NodeEnum::SubPlan(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.testexpr, f);
            all(&mut x.param_ids, f);
            all(&mut x.set_param, f);
            all(&mut x.par_param, f);
            all(&mut x.args, f);
        }
        NodeEnum::AlternativeSubPlan(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.subplans, f);
        }
        NodeEnum::FieldSelect(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::FieldStore(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
            all(&mut x.newvals, f);
            all(&mut x.fieldnums, f);
        }
        NodeEnum::RelabelType(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::CoerceViaIo(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::ArrayCoerceExpr(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
            opt(&mut x.elemexpr, f);
        }
        NodeEnum::ConvertRowtypeExpr(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::CollateExpr(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::CaseExpr(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
            all(&mut x.args, f);
            opt(&mut x.defresult, f);
        }
        NodeEnum::CaseWhen(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.expr, f);
            opt(&mut x.result, f);
        }
        NodeEnum::CaseTestExpr(x) => opt(&mut x.xpr, f),
        NodeEnum::ArrayExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.elements, f);
        }
        NodeEnum::RowExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
            all(&mut x.colnames, f);
        }
        NodeEnum::RowCompareExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.opnos, f);
            all(&mut x.opfamilies, f);
            all(&mut x.inputcollids, f);
            all(&mut x.largs, f);
            all(&mut x.rargs, f);
        }
        NodeEnum::CoalesceExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::MinMaxExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
        }
        NodeEnum::SqlvalueFunction(x) => opt(&mut x.xpr, f),
        NodeEnum::XmlExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.named_args, f);
            all(&mut x.arg_names, f);
            all(&mut x.args, f);
        }
        NodeEnum::JsonReturning(x) => as_node!(x.format, JsonFormat, f),
        NodeEnum::JsonValueExpr(x) => {
            opt(&mut x.raw_expr, f);
            opt(&mut x.formatted_expr, f);
            as_node!(x.format, JsonFormat, f);
        }
        NodeEnum::JsonConstructorExpr(x) => {
            opt(&mut x.xpr, f);
            all(&mut x.args, f);
            opt(&mut x.func, f);
            opt(&mut x.coercion, f);
            as_node!(x.returning, JsonReturning, f);
        }
        NodeEnum::JsonIsPredicate(x) => {
            opt(&mut x.expr, f);
            as_node!(x.format, JsonFormat, f);
        }
        NodeEnum::JsonBehavior(x) => opt(&mut x.expr, f),
        NodeEnum::JsonExpr(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.formatted_expr, f);
            as_node!(x.format, JsonFormat, f);
            opt(&mut x.path_spec, f);
            as_node!(x.returning, JsonReturning, f);
            all(&mut x.passing_names, f);
            all(&mut x.passing_values, f);
            as_node!(x.on_empty, JsonBehavior, f);
            as_node!(x.on_error, JsonBehavior, f);
        }
        NodeEnum::JsonTablePathScan(x) => {
            opt(&mut x.plan, f);
            as_node!(x.path, JsonTablePath, f);
            opt(&mut x.child, f);
        }
        NodeEnum::JsonTableSiblingJoin(x) => {
            opt(&mut x.plan, f);
            opt(&mut x.lplan, f);
            opt(&mut x.rplan, f);
        }
        NodeEnum::NullTest(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::BooleanTest(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::MergeAction(x) => {
            opt(&mut x.qual, f);
            all(&mut x.target_list, f);
            all(&mut x.update_colnos, f);
        }
        NodeEnum::CoerceToDomain(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.arg, f);
        }
        NodeEnum::CoerceToDomainValue(x) => opt(&mut x.xpr, f),
        NodeEnum::SetToDefault(x) => opt(&mut x.xpr, f),
        NodeEnum::CurrentOfExpr(x) => opt(&mut x.xpr, f),
        NodeEnum::NextValueExpr(x) => opt(&mut x.xpr, f),
        NodeEnum::InferenceElem(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.expr, f);
        }
        NodeEnum::ReturningExpr(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.retexpr, f);
        }
        NodeEnum::TargetEntry(x) => {
            opt(&mut x.xpr, f);
            opt(&mut x.expr, f);
        }
        NodeEnum::JoinExpr(x) => {
            opt(&mut x.larg, f);
            opt(&mut x.rarg, f);
            all(&mut x.using_clause, f);
            as_node!(x.join_using_alias, Alias, f);
            opt(&mut x.quals, f);
            as_node!(x.alias, Alias, f);
        }
        NodeEnum::FromExpr(x) => {
            all(&mut x.fromlist, f);
            opt(&mut x.quals, f);
        }
        NodeEnum::OnConflictExpr(x) => {
            all(&mut x.arbiter_elems, f);
            opt(&mut x.arbiter_where, f);
            all(&mut x.on_conflict_set, f);
            opt(&mut x.on_conflict_where, f);
            all(&mut x.excl_rel_tlist, f);
        }
        NodeEnum::Query(x) => {
            opt(&mut x.utility_stmt, f);
            all(&mut x.cte_list, f);
            all(&mut x.rtable, f);
            all(&mut x.rteperminfos, f);
            as_node!(x.jointree, FromExpr, f);
            all(&mut x.merge_action_list, f);
            opt(&mut x.merge_join_condition, f);
            all(&mut x.target_list, f);
            as_node!(x.on_conflict, OnConflictExpr, f);
            all(&mut x.returning_list, f);
            all(&mut x.group_clause, f);
            all(&mut x.grouping_sets, f);
            opt(&mut x.having_qual, f);
            all(&mut x.window_clause, f);
            all(&mut x.distinct_clause, f);
            all(&mut x.sort_clause, f);
            opt(&mut x.limit_offset, f);
            opt(&mut x.limit_count, f);
            all(&mut x.row_marks, f);
            opt(&mut x.set_operations, f);
            all(&mut x.constraint_deps, f);
            all(&mut x.with_check_options, f);
        }
        NodeEnum::TypeName(x) => {
            all(&mut x.names, f);
            all(&mut x.typmods, f);
            all(&mut x.array_bounds, f);
        }
        NodeEnum::ColumnRef(x) => all(&mut x.fields, f),
        NodeEnum::AExpr(x) => {
            all(&mut x.name, f);
            opt(&mut x.lexpr, f);
            opt(&mut x.rexpr, f);
        }
        NodeEnum::TypeCast(x) => {
            opt(&mut x.arg, f);
            as_node!(x.type_name, TypeName, f);
        }
        NodeEnum::CollateClause(x) => {
            opt(&mut x.arg, f);
            all(&mut x.collname, f);
        }
        NodeEnum::FuncCall(x) => {
            all(&mut x.funcname, f);
            all(&mut x.args, f);
            all(&mut x.agg_order, f);
            opt(&mut x.agg_filter, f);
            as_node!(x.over, WindowDef, f);
        }
        NodeEnum::AIndices(x) => {
            opt(&mut x.lidx, f);
            opt(&mut x.uidx, f);
        }
        NodeEnum::AIndirection(x) => {
            opt(&mut x.arg, f);
            all(&mut x.indirection, f);
        }
        NodeEnum::AArrayExpr(x) => all(&mut x.elements, f),
        NodeEnum::ResTarget(x) => {
            all(&mut x.indirection, f);
            opt(&mut x.val, f);
        }
        NodeEnum::MultiAssignRef(x) => opt(&mut x.source, f),
        NodeEnum::SortBy(x) => {
            opt(&mut x.node, f);
            all(&mut x.use_op, f);
        }
        NodeEnum::WindowDef(x) => {
            all(&mut x.partition_clause, f);
            all(&mut x.order_clause, f);
            opt(&mut x.start_offset, f);
            opt(&mut x.end_offset, f);
        }
        NodeEnum::RangeSubselect(x) => {
            opt(&mut x.subquery, f);
            as_node!(x.alias, Alias, f);
        }
        NodeEnum::RangeFunction(x) => {
            all(&mut x.functions, f);
            as_node!(x.alias, Alias, f);
            all(&mut x.coldeflist, f);
        }
        NodeEnum::RangeTableFunc(x) => {
            opt(&mut x.docexpr, f);
            opt(&mut x.rowexpr, f);
            all(&mut x.namespaces, f);
            all(&mut x.columns, f);
            as_node!(x.alias, Alias, f);
        }
        NodeEnum::RangeTableFuncCol(x) => {
            as_node!(x.type_name, TypeName, f);
            opt(&mut x.colexpr, f);
            opt(&mut x.coldefexpr, f);
        }
        NodeEnum::RangeTableSample(x) => {
            opt(&mut x.relation, f);
            all(&mut x.method, f);
            all(&mut x.args, f);
            opt(&mut x.repeatable, f);
        }
        NodeEnum::ColumnDef(x) => {
            as_node!(x.type_name, TypeName, f);
            opt(&mut x.raw_default, f);
            opt(&mut x.cooked_default, f);
            as_node!(x.identity_sequence, RangeVar, f);
            as_node!(x.coll_clause, CollateClause, f);
            all(&mut x.constraints, f);
            all(&mut x.fdwoptions, f);
        }
        NodeEnum::TableLikeClause(x) => as_node!(x.relation, RangeVar, f),
        NodeEnum::IndexElem(x) => {
            opt(&mut x.expr, f);
            all(&mut x.collation, f);
            all(&mut x.opclass, f);
            all(&mut x.opclassopts, f);
        }
        NodeEnum::DefElem(x) => opt(&mut x.arg, f),
        NodeEnum::LockingClause(x) => all(&mut x.locked_rels, f),
        NodeEnum::XmlSerialize(x) => {
            opt(&mut x.expr, f);
            as_node!(x.type_name, TypeName, f);
        }
        NodeEnum::PartitionElem(x) => {
            opt(&mut x.expr, f);
            all(&mut x.collation, f);
            all(&mut x.opclass, f);
        }
        NodeEnum::PartitionSpec(x) => all(&mut x.part_params, f),
        NodeEnum::PartitionBoundSpec(x) => {
            all(&mut x.listdatums, f);
            all(&mut x.lowerdatums, f);
            all(&mut x.upperdatums, f);
        }
        NodeEnum::PartitionRangeDatum(x) => opt(&mut x.value, f),
        NodeEnum::PartitionCmd(x) => {
            as_node!(x.name, RangeVar, f);
            as_node!(x.bound, PartitionBoundSpec, f);
        }
        NodeEnum::RangeTblEntry(x) => {
            as_node!(x.alias, Alias, f);
            as_node!(x.eref, Alias, f);
            as_node!(x.tablesample, TableSampleClause, f);
            as_node!(x.subquery, Query, f);
            all(&mut x.joinaliasvars, f);
            all(&mut x.joinleftcols, f);
            all(&mut x.joinrightcols, f);
            as_node!(x.join_using_alias, Alias, f);
            all(&mut x.functions, f);
            as_node!(x.tablefunc, TableFunc, f);
            all(&mut x.values_lists, f);
            all(&mut x.coltypes, f);
            all(&mut x.coltypmods, f);
            all(&mut x.colcollations, f);
            all(&mut x.groupexprs, f);
            all(&mut x.security_quals, f);
        }
        NodeEnum::RangeTblFunction(x) => {
            opt(&mut x.funcexpr, f);
            all(&mut x.funccolnames, f);
            all(&mut x.funccoltypes, f);
            all(&mut x.funccoltypmods, f);
            all(&mut x.funccolcollations, f);
        }
        NodeEnum::TableSampleClause(x) => {
            all(&mut x.args, f);
            opt(&mut x.repeatable, f);
        }
        NodeEnum::WithCheckOption(x) => opt(&mut x.qual, f),
        NodeEnum::GroupingSet(x) => all(&mut x.content, f),
        NodeEnum::WindowClause(x) => {
            all(&mut x.partition_clause, f);
            all(&mut x.order_clause, f);
            opt(&mut x.start_offset, f);
            opt(&mut x.end_offset, f);
        }
        NodeEnum::WithClause(x) => all(&mut x.ctes, f),
        NodeEnum::InferClause(x) => {
            all(&mut x.index_elems, f);
            opt(&mut x.where_clause, f);
        }
        NodeEnum::OnConflictClause(x) => {
            as_node!(x.infer, InferClause, f);
            all(&mut x.target_list, f);
            opt(&mut x.where_clause, f);
        }
        NodeEnum::CtesearchClause(x) => all(&mut x.search_col_list, f),
        NodeEnum::CtecycleClause(x) => {
            all(&mut x.cycle_col_list, f);
            opt(&mut x.cycle_mark_value, f);
            opt(&mut x.cycle_mark_default, f);
        }
        NodeEnum::CommonTableExpr(x) => {
            all(&mut x.aliascolnames, f);
            opt(&mut x.ctequery, f);
            as_node!(x.search_clause, CtesearchClause, f);
            as_node!(x.cycle_clause, CtecycleClause, f);
            all(&mut x.ctecolnames, f);
            all(&mut x.ctecoltypes, f);
            all(&mut x.ctecoltypmods, f);
            all(&mut x.ctecolcollations, f);
        }
        NodeEnum::MergeWhenClause(x) => {
            opt(&mut x.condition, f);
            all(&mut x.target_list, f);
            all(&mut x.values, f);
        }
        NodeEnum::ReturningClause(x) => {
            all(&mut x.options, f);
            all(&mut x.exprs, f);
        }
        NodeEnum::JsonOutput(x) => {
            as_node!(x.type_name, TypeName, f);
            as_node!(x.returning, JsonReturning, f);
        }
        NodeEnum::JsonArgument(x) => as_node!(x.val, JsonValueExpr, f),
        NodeEnum::JsonFuncExpr(x) => {
            as_node!(x.context_item, JsonValueExpr, f);
            opt(&mut x.pathspec, f);
            all(&mut x.passing, f);
            as_node!(x.output, JsonOutput, f);
            as_node!(x.on_empty, JsonBehavior, f);
            as_node!(x.on_error, JsonBehavior, f);
        }
        NodeEnum::JsonTablePathSpec(x) => opt(&mut x.string, f),
        NodeEnum::JsonTable(x) => {
            as_node!(x.context_item, JsonValueExpr, f);
            as_node!(x.pathspec, JsonTablePathSpec, f);
            all(&mut x.passing, f);
            all(&mut x.columns, f);
            as_node!(x.on_error, JsonBehavior, f);
            as_node!(x.alias, Alias, f);
        }
        NodeEnum::JsonTableColumn(x) => {
            as_node!(x.type_name, TypeName, f);
            as_node!(x.pathspec, JsonTablePathSpec, f);
            as_node!(x.format, JsonFormat, f);
            all(&mut x.columns, f);
            as_node!(x.on_empty, JsonBehavior, f);
            as_node!(x.on_error, JsonBehavior, f);
        }
        NodeEnum::JsonKeyValue(x) => {
            opt(&mut x.key, f);
            as_node!(x.value, JsonValueExpr, f);
        }
        NodeEnum::JsonParseExpr(x) => {
            as_node!(x.expr, JsonValueExpr, f);
            as_node!(x.output, JsonOutput, f);
        }
        NodeEnum::JsonScalarExpr(x) => {
            opt(&mut x.expr, f);
            as_node!(x.output, JsonOutput, f);
        }
        NodeEnum::JsonSerializeExpr(x) => {
            as_node!(x.expr, JsonValueExpr, f);
            as_node!(x.output, JsonOutput, f);
        }
        NodeEnum::JsonObjectConstructor(x) => {
            all(&mut x.exprs, f);
            as_node!(x.output, JsonOutput, f);
        }
        NodeEnum::JsonArrayConstructor(x) => {
            all(&mut x.exprs, f);
            as_node!(x.output, JsonOutput, f);
        }
        NodeEnum::JsonArrayQueryConstructor(x) => {
            opt(&mut x.query, f);
            as_node!(x.output, JsonOutput, f);
            as_node!(x.format, JsonFormat, f);
        }
        NodeEnum::JsonAggConstructor(x) => {
            as_node!(x.output, JsonOutput, f);
            opt(&mut x.agg_filter, f);
            all(&mut x.agg_order, f);
            as_node!(x.over, WindowDef, f);
        }
        NodeEnum::JsonObjectAgg(x) => {
            as_node!(x.constructor, JsonAggConstructor, f);
            as_node!(x.arg, JsonKeyValue, f);
        }
        NodeEnum::JsonArrayAgg(x) => {
            as_node!(x.constructor, JsonAggConstructor, f);
            as_node!(x.arg, JsonValueExpr, f);
        }
        NodeEnum::RawStmt(x) => opt(&mut x.stmt, f),
        NodeEnum::InsertStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.cols, f);
            opt(&mut x.select_stmt, f);
            as_node!(x.on_conflict_clause, OnConflictClause, f);
            as_node!(x.returning_clause, ReturningClause, f);
            as_node!(x.with_clause, WithClause, f);
        }
        NodeEnum::DeleteStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.using_clause, f);
            opt(&mut x.where_clause, f);
            as_node!(x.returning_clause, ReturningClause, f);
            as_node!(x.with_clause, WithClause, f);
        }
        NodeEnum::UpdateStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.target_list, f);
            opt(&mut x.where_clause, f);
            all(&mut x.from_clause, f);
            as_node!(x.returning_clause, ReturningClause, f);
            as_node!(x.with_clause, WithClause, f);
        }
        NodeEnum::MergeStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.source_relation, f);
            opt(&mut x.join_condition, f);
            all(&mut x.merge_when_clauses, f);
            as_node!(x.returning_clause, ReturningClause, f);
            as_node!(x.with_clause, WithClause, f);
        }
        NodeEnum::SelectStmt(x) => {
            all(&mut x.distinct_clause, f);
            as_node!(x.into_clause, IntoClause, f);
            all(&mut x.target_list, f);
            all(&mut x.from_clause, f);
            opt(&mut x.where_clause, f);
            all(&mut x.group_clause, f);
            opt(&mut x.having_clause, f);
            all(&mut x.window_clause, f);
            all(&mut x.values_lists, f);
            all(&mut x.sort_clause, f);
            opt(&mut x.limit_offset, f);
            opt(&mut x.limit_count, f);
            all(&mut x.locking_clause, f);
            as_node!(x.with_clause, WithClause, f);
            as_node!(x.larg, SelectStmt, f);
            as_node!(x.rarg, SelectStmt, f);
        }
        NodeEnum::SetOperationStmt(x) => {
            opt(&mut x.larg, f);
            opt(&mut x.rarg, f);
            all(&mut x.col_types, f);
            all(&mut x.col_typmods, f);
            all(&mut x.col_collations, f);
            all(&mut x.group_clauses, f);
        }
        NodeEnum::ReturnStmt(x) => opt(&mut x.returnval, f),
        NodeEnum::PlassignStmt(x) => {
            all(&mut x.indirection, f);
            as_node!(x.val, SelectStmt, f);
        }
        NodeEnum::CreateSchemaStmt(x) => {
            as_node!(x.authrole, RoleSpec, f);
            all(&mut x.schema_elts, f);
        }
        NodeEnum::AlterTableStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.cmds, f);
        }
        NodeEnum::AlterTableCmd(x) => {
            as_node!(x.newowner, RoleSpec, f);
            opt(&mut x.def, f);
        }
        NodeEnum::AlterCollationStmt(x) => all(&mut x.collname, f),
        NodeEnum::AlterDomainStmt(x) => {
            all(&mut x.type_name, f);
            opt(&mut x.def, f);
        }
        NodeEnum::GrantStmt(x) => {
            all(&mut x.objects, f);
            all(&mut x.privileges, f);
            all(&mut x.grantees, f);
            as_node!(x.grantor, RoleSpec, f);
        }
        NodeEnum::ObjectWithArgs(x) => {
            all(&mut x.objname, f);
            all(&mut x.objargs, f);
            all(&mut x.objfuncargs, f);
        }
        NodeEnum::AccessPriv(x) => all(&mut x.cols, f),
        NodeEnum::GrantRoleStmt(x) => {
            all(&mut x.granted_roles, f);
            all(&mut x.grantee_roles, f);
            all(&mut x.opt, f);
            as_node!(x.grantor, RoleSpec, f);
        }
        NodeEnum::AlterDefaultPrivilegesStmt(x) => {
            all(&mut x.options, f);
            as_node!(x.action, GrantStmt, f);
        }
        NodeEnum::CopyStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.query, f);
            all(&mut x.attlist, f);
            all(&mut x.options, f);
            opt(&mut x.where_clause, f);
        }
        NodeEnum::VariableSetStmt(x) => all(&mut x.args, f),
        NodeEnum::CreateStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.table_elts, f);
            all(&mut x.inh_relations, f);
            as_node!(x.partbound, PartitionBoundSpec, f);
            as_node!(x.partspec, PartitionSpec, f);
            as_node!(x.of_typename, TypeName, f);
            all(&mut x.constraints, f);
            all(&mut x.nnconstraints, f);
            all(&mut x.options, f);
        }
        NodeEnum::Constraint(x) => {
            opt(&mut x.raw_expr, f);
            all(&mut x.keys, f);
            all(&mut x.including, f);
            all(&mut x.exclusions, f);
            all(&mut x.options, f);
            opt(&mut x.where_clause, f);
            as_node!(x.pktable, RangeVar, f);
            all(&mut x.fk_attrs, f);
            all(&mut x.pk_attrs, f);
            all(&mut x.fk_del_set_cols, f);
            all(&mut x.old_conpfeqop, f);
        }
        NodeEnum::CreateTableSpaceStmt(x) => {
            as_node!(x.owner, RoleSpec, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterTableSpaceOptionsStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterTableMoveAllStmt(x) => all(&mut x.roles, f),
        NodeEnum::CreateExtensionStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterExtensionStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterExtensionContentsStmt(x) => opt(&mut x.object, f),
        NodeEnum::CreateFdwStmt(x) => {
            all(&mut x.func_options, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterFdwStmt(x) => {
            all(&mut x.func_options, f);
            all(&mut x.options, f);
        }
        NodeEnum::CreateForeignServerStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterForeignServerStmt(x) => all(&mut x.options, f),
        NodeEnum::CreateForeignTableStmt(x) => {
            as_node!(x.base_stmt, CreateStmt, f);
            all(&mut x.options, f);
        }
        NodeEnum::CreateUserMappingStmt(x) => {
            as_node!(x.user, RoleSpec, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterUserMappingStmt(x) => {
            as_node!(x.user, RoleSpec, f);
            all(&mut x.options, f);
        }
        NodeEnum::DropUserMappingStmt(x) => as_node!(x.user, RoleSpec, f),
        NodeEnum::ImportForeignSchemaStmt(x) => {
            all(&mut x.table_list, f);
            all(&mut x.options, f);
        }
        NodeEnum::CreatePolicyStmt(x) => {
            as_node!(x.table, RangeVar, f);
            all(&mut x.roles, f);
            opt(&mut x.qual, f);
            opt(&mut x.with_check, f);
        }
        NodeEnum::AlterPolicyStmt(x) => {
            as_node!(x.table, RangeVar, f);
            all(&mut x.roles, f);
            opt(&mut x.qual, f);
            opt(&mut x.with_check, f);
        }
        NodeEnum::CreateAmStmt(x) => all(&mut x.handler_name, f),
        NodeEnum::CreateTrigStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.funcname, f);
            all(&mut x.args, f);
            all(&mut x.columns, f);
            opt(&mut x.when_clause, f);
            all(&mut x.transition_rels, f);
            as_node!(x.constrrel, RangeVar, f);
        }
        NodeEnum::CreateEventTrigStmt(x) => {
            all(&mut x.whenclause, f);
            all(&mut x.funcname, f);
        }
        NodeEnum::CreatePlangStmt(x) => {
            all(&mut x.plhandler, f);
            all(&mut x.plinline, f);
            all(&mut x.plvalidator, f);
        }
        NodeEnum::CreateRoleStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterRoleStmt(x) => {
            as_node!(x.role, RoleSpec, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterRoleSetStmt(x) => {
            as_node!(x.role, RoleSpec, f);
            as_node!(x.setstmt, VariableSetStmt, f);
        }
        NodeEnum::DropRoleStmt(x) => all(&mut x.roles, f),
        NodeEnum::CreateSeqStmt(x) => {
            as_node!(x.sequence, RangeVar, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterSeqStmt(x) => {
            as_node!(x.sequence, RangeVar, f);
            all(&mut x.options, f);
        }
        NodeEnum::DefineStmt(x) => {
            all(&mut x.defnames, f);
            all(&mut x.args, f);
            all(&mut x.definition, f);
        }
        NodeEnum::CreateDomainStmt(x) => {
            all(&mut x.domainname, f);
            as_node!(x.type_name, TypeName, f);
            as_node!(x.coll_clause, CollateClause, f);
            all(&mut x.constraints, f);
        }
        NodeEnum::CreateOpClassStmt(x) => {
            all(&mut x.opclassname, f);
            all(&mut x.opfamilyname, f);
            as_node!(x.datatype, TypeName, f);
            all(&mut x.items, f);
        }
        NodeEnum::CreateOpClassItem(x) => {
            as_node!(x.name, ObjectWithArgs, f);
            all(&mut x.order_family, f);
            all(&mut x.class_args, f);
            as_node!(x.storedtype, TypeName, f);
        }
        NodeEnum::CreateOpFamilyStmt(x) => all(&mut x.opfamilyname, f),
        NodeEnum::AlterOpFamilyStmt(x) => {
            all(&mut x.opfamilyname, f);
            all(&mut x.items, f);
        }
        NodeEnum::DropStmt(x) => all(&mut x.objects, f),
        NodeEnum::TruncateStmt(x) => all(&mut x.relations, f),
        NodeEnum::CommentStmt(x) => opt(&mut x.object, f),
        NodeEnum::SecLabelStmt(x) => opt(&mut x.object, f),
        NodeEnum::DeclareCursorStmt(x) => opt(&mut x.query, f),
        NodeEnum::IndexStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.index_params, f);
            all(&mut x.index_including_params, f);
            all(&mut x.options, f);
            opt(&mut x.where_clause, f);
            all(&mut x.exclude_op_names, f);
        }
        NodeEnum::CreateStatsStmt(x) => {
            all(&mut x.defnames, f);
            all(&mut x.stat_types, f);
            all(&mut x.exprs, f);
            all(&mut x.relations, f);
        }
        NodeEnum::StatsElem(x) => opt(&mut x.expr, f),
        NodeEnum::AlterStatsStmt(x) => {
            all(&mut x.defnames, f);
            opt(&mut x.stxstattarget, f);
        }
        NodeEnum::CreateFunctionStmt(x) => {
            all(&mut x.funcname, f);
            all(&mut x.parameters, f);
            as_node!(x.return_type, TypeName, f);
            all(&mut x.options, f);
            opt(&mut x.sql_body, f);
        }
        NodeEnum::FunctionParameter(x) => {
            as_node!(x.arg_type, TypeName, f);
            opt(&mut x.defexpr, f);
        }
        NodeEnum::AlterFunctionStmt(x) => {
            as_node!(x.func, ObjectWithArgs, f);
            all(&mut x.actions, f);
        }
        NodeEnum::DoStmt(x) => all(&mut x.args, f),
        NodeEnum::CallStmt(x) => {
            as_node!(x.funccall, FuncCall, f);
            as_node!(x.funcexpr, FuncExpr, f);
            all(&mut x.outargs, f);
        }
        NodeEnum::RenameStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.object, f);
        }
        NodeEnum::AlterObjectDependsStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.object, f);
            as_node!(x.extname, String, f);
        }
        NodeEnum::AlterObjectSchemaStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.object, f);
        }
        NodeEnum::AlterOwnerStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.object, f);
            as_node!(x.newowner, RoleSpec, f);
        }
        NodeEnum::AlterOperatorStmt(x) => {
            as_node!(x.opername, ObjectWithArgs, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterTypeStmt(x) => {
            all(&mut x.type_name, f);
            all(&mut x.options, f);
        }
        NodeEnum::RuleStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.where_clause, f);
            all(&mut x.actions, f);
        }
        NodeEnum::TransactionStmt(x) => all(&mut x.options, f),
        NodeEnum::CompositeTypeStmt(x) => {
            as_node!(x.typevar, RangeVar, f);
            all(&mut x.coldeflist, f);
        }
        NodeEnum::CreateEnumStmt(x) => {
            all(&mut x.type_name, f);
            all(&mut x.vals, f);
        }
        NodeEnum::CreateRangeStmt(x) => {
            all(&mut x.type_name, f);
            all(&mut x.params, f);
        }
        NodeEnum::AlterEnumStmt(x) => all(&mut x.type_name, f),
        NodeEnum::ViewStmt(x) => {
            as_node!(x.view, RangeVar, f);
            all(&mut x.aliases, f);
            opt(&mut x.query, f);
            all(&mut x.options, f);
        }
        NodeEnum::CreatedbStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterDatabaseStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterDatabaseSetStmt(x) => as_node!(x.setstmt, VariableSetStmt, f),
        NodeEnum::DropdbStmt(x) => all(&mut x.options, f),
        NodeEnum::AlterSystemStmt(x) => as_node!(x.setstmt, VariableSetStmt, f),
        NodeEnum::ClusterStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.params, f);
        }
        NodeEnum::VacuumStmt(x) => {
            all(&mut x.options, f);
            all(&mut x.rels, f);
        }
        NodeEnum::VacuumRelation(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.va_cols, f);
        }
        NodeEnum::ExplainStmt(x) => {
            opt(&mut x.query, f);
            all(&mut x.options, f);
        }
        NodeEnum::CreateTableAsStmt(x) => {
            opt(&mut x.query, f);
            as_node!(x.into, IntoClause, f);
        }
        NodeEnum::RefreshMatViewStmt(x) => as_node!(x.relation, RangeVar, f),
        NodeEnum::LockStmt(x) => all(&mut x.relations, f),
        NodeEnum::ConstraintsSetStmt(x) => all(&mut x.constraints, f),
        NodeEnum::ReindexStmt(x) => {
            as_node!(x.relation, RangeVar, f);
            all(&mut x.params, f);
        }
        NodeEnum::CreateConversionStmt(x) => {
            all(&mut x.conversion_name, f);
            all(&mut x.func_name, f);
        }
        NodeEnum::CreateCastStmt(x) => {
            as_node!(x.sourcetype, TypeName, f);
            as_node!(x.targettype, TypeName, f);
            as_node!(x.func, ObjectWithArgs, f);
        }
        NodeEnum::CreateTransformStmt(x) => {
            as_node!(x.type_name, TypeName, f);
            as_node!(x.fromsql, ObjectWithArgs, f);
            as_node!(x.tosql, ObjectWithArgs, f);
        }
        NodeEnum::PrepareStmt(x) => {
            all(&mut x.argtypes, f);
            opt(&mut x.query, f);
        }
        NodeEnum::ExecuteStmt(x) => all(&mut x.params, f),
        NodeEnum::DropOwnedStmt(x) => all(&mut x.roles, f),
        NodeEnum::ReassignOwnedStmt(x) => {
            all(&mut x.roles, f);
            as_node!(x.newrole, RoleSpec, f);
        }
        NodeEnum::AlterTsdictionaryStmt(x) => {
            all(&mut x.dictname, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterTsconfigurationStmt(x) => {
            all(&mut x.cfgname, f);
            all(&mut x.tokentype, f);
            all(&mut x.dicts, f);
        }
        NodeEnum::PublicationTable(x) => {
            as_node!(x.relation, RangeVar, f);
            opt(&mut x.where_clause, f);
            all(&mut x.columns, f);
        }
        NodeEnum::PublicationObjSpec(x) => as_node!(x.pubtable, PublicationTable, f),
        NodeEnum::CreatePublicationStmt(x) => {
            all(&mut x.options, f);
            all(&mut x.pubobjects, f);
        }
        NodeEnum::AlterPublicationStmt(x) => {
            all(&mut x.options, f);
            all(&mut x.pubobjects, f);
        }
        NodeEnum::CreateSubscriptionStmt(x) => {
            all(&mut x.publication, f);
            all(&mut x.options, f);
        }
        NodeEnum::AlterSubscriptionStmt(x) => {
            all(&mut x.publication, f);
            all(&mut x.options, f);
        }
        NodeEnum::List(x) => all(&mut x.items, f),
        NodeEnum::IntList(x) => all(&mut x.items, f),
        NodeEnum::OidList(x) => all(&mut x.items, f),
        // Kinds that hold no node.
        NodeEnum::JsonFormat(_)
        | NodeEnum::JsonTablePath(_)
        | NodeEnum::RangeTblRef(_)
        | NodeEnum::ParamRef(_)
        | NodeEnum::RoleSpec(_)
        | NodeEnum::AStar(_)
        | NodeEnum::RtepermissionInfo(_)
        | NodeEnum::SortGroupClause(_)
        | NodeEnum::RowMarkClause(_)
        | NodeEnum::ReturningOption(_)
        | NodeEnum::TriggerTransition(_)
        | NodeEnum::AtalterConstraint(_)
        | NodeEnum::ReplicaIdentityStmt(_)
        | NodeEnum::VariableShowStmt(_)
        | NodeEnum::DropTableSpaceStmt(_)
        | NodeEnum::AlterEventTrigStmt(_)
        | NodeEnum::ClosePortalStmt(_)
        | NodeEnum::FetchStmt(_)
        | NodeEnum::InlineCodeBlock(_)
        | NodeEnum::CallContext(_)
        | NodeEnum::NotifyStmt(_)
        | NodeEnum::ListenStmt(_)
        | NodeEnum::UnlistenStmt(_)
        | NodeEnum::LoadStmt(_)
        | NodeEnum::AlterDatabaseRefreshCollStmt(_)
        | NodeEnum::CheckPointStmt(_)
        | NodeEnum::DiscardStmt(_)
        | NodeEnum::DeallocateStmt(_)
        | NodeEnum::DropSubscriptionStmt(_)
        | NodeEnum::Integer(_)
        | NodeEnum::Float(_)
        | NodeEnum::Boolean(_)
        | NodeEnum::String(_)
        | NodeEnum::BitString(_)
        | NodeEnum::AConst(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use pg_query::protobuf;
    use prost::Message;

    use super::*;

    const MARKER: &str = "walk-marker";

    /// A protobuf field: key (tag, length-delimited) and payload.
    fn field(tag: u32, payload: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        prost::encoding::encode_key(tag, prost::encoding::WireType::LengthDelimited, &mut out);
        prost::encoding::encode_varint(payload.len() as u64, &mut out);
        out.extend_from_slice(payload);
        out
    }

    /// The encoded node of kind `kind` (its tag in `Node`) whose fields along `path` (tags,
    /// outermost first) hold `payload`, innermost.
    fn nested(kind: u32, path: &[u32], payload: &[u8]) -> Option<Node> {
        let mut bytes = payload.to_vec();
        for &tag in path.iter().rev() {
            bytes = field(tag, &bytes);
        }
        Node::decode(field(kind, &bytes).as_slice()).ok()
    }

    fn visits_marker(mut n: Node) -> bool {
        let mut seen = false;
        walk(&mut n, &mut |x| {
            if let NodeEnum::String(s) = x {
                seen |= s.sval == MARKER;
            }
        });
        seen
    }

    /// Places a marker node under every field of kind `kind` reachable along `path` (message
    /// fields are followed `depth` more levels); returns the paths where the marker sits as a
    /// node but was not visited, and counts those where it was.
    fn explore(
        kind: u32,
        path: &[u32],
        depth: usize,
        marker: &[u8],
        found: &mut usize,
        missed: &mut Vec<String>,
    ) {
        let Some(parent) = nested(kind, path, &[]) else {
            return;
        };
        let parent = format!("{parent:?}");
        let as_node = format!("String(String {{ sval: {MARKER:?} }})");
        for tag in 1..=64 {
            let mut p = path.to_vec();
            p.push(tag);
            // A field that takes a message (or a node): an empty one changes the value.
            let Some(empty) = nested(kind, &p, &[]) else {
                continue;
            };
            if format!("{empty:?}") == parent {
                continue;
            }
            let Some(with) = nested(kind, &p, marker) else {
                continue;
            };
            if format!("{with:?}").contains(&as_node) {
                if visits_marker(with.clone()) {
                    *found += 1;
                } else {
                    missed.push(format!(
                        "{p:?} of {}",
                        format!("{with:?}").split('(').nth(1).unwrap_or("?")
                    ));
                }
            } else if depth > 0 {
                explore(kind, &p, depth - 1, marker, found, missed);
            }
        }
    }

    #[test]
    fn every_field_that_holds_a_node_is_walked() {
        let marker = Node {
            node: Some(NodeEnum::String(protobuf::String {
                sval: MARKER.into(),
            })),
        }
        .encode_to_vec();
        let (mut found, mut missed, mut kinds) = (0, Vec::new(), 0);
        // Every kind of node: tags 1.. until one decodes to nothing.
        for kind in 1..400 {
            if nested(kind, &[], &[]).is_none_or(|n| n.node.is_none()) {
                continue;
            }
            kinds += 1;
            explore(kind, &[], 2, &marker, &mut found, &mut missed);
        }
        assert!(kinds > 250, "only {kinds} node kinds found");
        assert!(
            found > 500,
            "only {found} fields holding nodes found: the probe is broken"
        );
        assert!(
            missed.is_empty(),
            "{} fields holding a node are not walked:\n{}",
            missed.len(),
            missed.join("\n")
        );
    }
}
