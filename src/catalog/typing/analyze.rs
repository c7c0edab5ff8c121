//! Parse analysis of one expression, as far as it changes what ruleutils prints: each node
//! is typed bottom-up, and where the server would coerce an argument, fold a literal into a
//! constant or rewrite a construct, the parse tree is changed into the tree of what pg_dump
//! prints. A node the typer cannot decide is left as it is, untyped, and so is every node
//! above it that would need its type; its typed children are settled on their own (their
//! printed form does not depend on their parent).

use pg_query::protobuf::{self, a_const, AExprKind, BoolExprType, Node, SelectStmt};
use pg_query::NodeEnum;

use super::constant;
use super::from::{self, Cte};
use super::resolve::{self, Candidate};
use super::scope::{Lookup, Scope};
use super::ty::{named, Ty};
use crate::catalog::resolve::Resolver;
use crate::syntax::walk::{visit, Next};

/// The type of a settled expression: what the typer reasons with, and the exact canonical
/// type (with modifiers, `character varying(10)`) that an explicit cast is compared with.
#[derive(Clone, Debug)]
pub struct Typed {
    pub ty: Ty,
    pub exact: String,
}

impl Typed {
    fn of(ty: Ty) -> Typed {
        let exact = ty.name();
        Typed { ty, exact }
    }
}

pub struct Analyzer<'r, 'c> {
    pub r: &'r Resolver<'c>,
}

fn strings(nodes: &[Node]) -> Vec<String> {
    nodes
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.clone()),
            _ => None,
        })
        .collect()
}

fn string_nodes(parts: &[&str]) -> Vec<Node> {
    parts
        .iter()
        .map(|p| Node {
            node: Some(NodeEnum::String(protobuf::String {
                sval: p.to_string(),
            })),
        })
        .collect()
}

fn op_expr(name: &str, l: Node, r: Node) -> Node {
    Node {
        node: Some(NodeEnum::AExpr(Box::new(protobuf::AExpr {
            kind: AExprKind::AexprOp as i32,
            name: string_nodes(&[name]),
            lexpr: Some(Box::new(l)),
            rexpr: Some(Box::new(r)),
            location: 0,
            ..Default::default()
        }))),
    }
}

/// `AND` / `OR` of `args`, flattened as the grammar reads the printed form back (`(a AND
/// b) AND c` is one `AND` of three).
fn bool_expr(op: BoolExprType, args: Vec<Node>) -> Node {
    let mut flat = Vec::new();
    for (i, a) in args.into_iter().enumerate() {
        match a.node {
            Some(NodeEnum::BoolExpr(b)) if i == 0 && b.boolop == op as i32 => flat.extend(b.args),
            other => flat.push(Node { node: other }),
        }
    }
    Node {
        node: Some(NodeEnum::BoolExpr(Box::new(protobuf::BoolExpr {
            boolop: op as i32,
            args: flat,
            location: 0,
            ..Default::default()
        }))),
    }
}

impl<'c> Analyzer<'_, 'c> {
    /// Settles the expression `n` in `scope` and says its type, `None` when undecided.
    pub fn expr(&self, n: &mut Node, scope: &Scope) -> Option<Typed> {
        let kind = n.node.as_mut()?;
        self.node(kind, scope)
    }

    fn opt(&self, n: &mut Option<Box<Node>>, scope: &Scope) -> Option<Typed> {
        n.as_deref_mut().and_then(|x| self.expr(x, scope))
    }

    // The kinds not listed carry no type the typer works out: their children are settled
    // on their own (`children`).
    #[allow(clippy::wildcard_enum_match_arm)]
    pub fn node(&self, n: &mut NodeEnum, scope: &Scope) -> Option<Typed> {
        match n {
            NodeEnum::AConst(c) => self.a_const(n_const(c)?, n),
            NodeEnum::ColumnRef(c) => match scope.lookup(&strings(&c.fields)) {
                Lookup::Column(t)
                    if c.fields
                        .iter()
                        .all(|f| matches!(f.node, Some(NodeEnum::String(_)))) =>
                {
                    let ty = Ty::of_sql(&t, self.r)?;
                    Some(Typed { ty, exact: t })
                }
                Lookup::Column(_) | Lookup::Unsure => None,
            },
            NodeEnum::TypeCast(_) => self.type_cast(n, scope),
            NodeEnum::AExpr(_) => self.a_expr(n, scope),
            NodeEnum::BoolExpr(b) => {
                let mut ok = true;
                for a in &mut b.args {
                    let t = self.expr(a, scope);
                    ok &= match t {
                        Some(t) => self.coerce(a, &t, &named("boolean")).is_some(),
                        None => false,
                    };
                }
                ok.then(|| Typed::of(named("boolean")))
            }
            NodeEnum::NullTest(t) => {
                self.opt(&mut t.arg, scope);
                Some(Typed::of(named("boolean")))
            }
            NodeEnum::BooleanTest(t) => {
                if let Some(arg) = t.arg.as_deref_mut() {
                    let ty = self.expr(arg, scope)?;
                    self.coerce(arg, &ty, &named("boolean"))?;
                }
                Some(Typed::of(named("boolean")))
            }
            NodeEnum::FuncCall(_) => self.func_call(n, scope),
            NodeEnum::SqlvalueFunction(f) => {
                use protobuf::SqlValueFunctionOp as O;
                let t = match O::try_from(f.op).unwrap_or(O::SqlvalueFunctionOpUndefined) {
                    O::SvfopCurrentDate => "date",
                    O::SvfopCurrentTime | O::SvfopCurrentTimeN => "time with time zone",
                    O::SvfopCurrentTimestamp | O::SvfopCurrentTimestampN => {
                        "timestamp with time zone"
                    }
                    O::SvfopLocaltime | O::SvfopLocaltimeN => "time without time zone",
                    O::SvfopLocaltimestamp | O::SvfopLocaltimestampN => {
                        "timestamp without time zone"
                    }
                    O::SvfopCurrentRole
                    | O::SvfopCurrentUser
                    | O::SvfopUser
                    | O::SvfopSessionUser
                    | O::SvfopCurrentCatalog
                    | O::SvfopCurrentSchema => "name",
                    O::SqlvalueFunctionOpUndefined => return None,
                };
                Some(Typed::of(named(t)))
            }
            NodeEnum::CoalesceExpr(c) => {
                let t = self.common(&mut c.args, scope)?;
                Some(Typed::of(t))
            }
            NodeEnum::MinMaxExpr(m) => {
                let t = self.common(&mut m.args, scope)?;
                Some(Typed::of(t))
            }
            NodeEnum::AArrayExpr(a) => {
                if a.elements.is_empty()
                    || a.elements
                        .iter()
                        .any(|e| matches!(e.node, Some(NodeEnum::AArrayExpr(_))))
                {
                    self.children(n, scope);
                    return None;
                }
                let t = self.common(&mut a.elements, scope)?;
                Some(Typed::of(t.array_of()?))
            }
            NodeEnum::CaseExpr(_) => self.case(n, scope),
            NodeEnum::CollateClause(c) => {
                let t = self.opt(&mut c.arg, scope)?;
                (t.ty != Ty::Unknown).then_some(t)
            }
            NodeEnum::SubLink(s) => {
                use protobuf::SubLinkType as S;
                let link = S::try_from(s.sub_link_type).unwrap_or(S::Undefined);
                self.opt(&mut s.testexpr, scope);
                let out = match s.subselect.as_deref_mut().and_then(|x| x.node.as_mut()) {
                    Some(NodeEnum::SelectStmt(sel)) if link == S::ExprSublink => {
                        self.select_named(sel, Some(scope), true).0
                    }
                    Some(NodeEnum::SelectStmt(sel)) => self.select(sel, Some(scope), true),
                    _ => None,
                };
                match link {
                    S::ExistsSublink | S::AllSublink | S::AnySublink => {
                        Some(Typed::of(named("boolean")))
                    }
                    S::ExprSublink => match out.as_deref() {
                        Some([Some(t)]) => Some(t.clone()),
                        _ => None,
                    },
                    S::Undefined
                    | S::RowcompareSublink
                    | S::MultiexprSublink
                    | S::ArraySublink
                    | S::CteSublink => None,
                }
            }
            NodeEnum::SelectStmt(s) => {
                self.select(s, Some(scope), true);
                None
            }
            // A type name holds no expression to settle (its modifiers are constants).
            NodeEnum::TypeName(_) => None,
            _ => {
                self.children(n, scope);
                None
            }
        }
    }

    /// A function or procedure parameter's default, as the server stores it: settled in an
    /// empty scope, a literal (or NULL) made a constant of the parameter's type `type_sql`
    /// (not a domain's: left as written), any other type cast implicitly, which ruleutils
    /// does not print.
    pub fn parameter_default(&self, d: &mut Node, type_sql: &str) {
        let t = self.expr(d, &Scope::default());
        if let Some(t) = t.filter(|t| t.ty == Ty::Unknown) {
            if let Some(to) =
                Ty::of_sql(type_sql, self.r).filter(|to| !matches!(to, Ty::Domain(..)))
            {
                self.coerce(d, &t, &to);
            }
        }
    }

    /// Settles each child of a node the typer does not model, on its own.
    pub fn children(&self, n: &mut NodeEnum, scope: &Scope) {
        let mut first = true;
        let mut holder = Node {
            node: Some(std::mem::replace(
                n,
                NodeEnum::List(protobuf::List { items: vec![] }),
            )),
        };
        visit(&mut holder, &mut |child| {
            if first {
                first = false;
                return Next::Into;
            }
            self.node(child, scope);
            Next::Over
        });
        if let Some(back) = holder.node {
            *n = back;
        }
    }

    /// The type of a constant, rewritten as the server prints it (`-1` is `'-1'::integer`,
    /// `.5` is `0.5`, a decimal too large for `bigint` is `'...'::numeric`).
    fn a_const(&self, c: Const, n: &mut NodeEnum) -> Option<Typed> {
        let (ty, node) = match c {
            Const::Unknown => return Some(Typed::of(Ty::Unknown)),
            Const::Int(i) => (named("integer"), constant::int4(i)),
            Const::Bool => return Some(Typed::of(named("boolean"))),
            // `B'101'` and `X'1F'` are bit strings, stored as `'101'::"bit"` and
            // `'00011111'::"bit"`.
            Const::Bits(b) => match bits(&b) {
                Some(bits) => (
                    named("bit"),
                    constant::typed(&bits, named("bit").type_name(self.r)?),
                ),
                None => return Some(Typed::of(named("bit"))),
            },
            Const::Float(f) => {
                if !f.contains(['.', 'e', 'E']) {
                    match f.parse::<i64>() {
                        Ok(_) => (
                            named("bigint"),
                            constant::typed(&f, named("bigint").type_name(self.r)?),
                        ),
                        Err(_) => (
                            named("numeric"),
                            constant::numeric(&constant::normalize_numeric(&f)?),
                        ),
                    }
                } else {
                    (
                        named("numeric"),
                        constant::numeric(&constant::normalize_numeric(&f)?),
                    )
                }
            }
        };
        if let Some(x) = node.node {
            *n = x;
        }
        Some(Typed::of(ty))
    }

    /// `x::t`: a literal is the constant of type `t`; a cast to the type `x` already has
    /// is no cast at all; any other stays a cast.
    fn type_cast(&self, n: &mut NodeEnum, scope: &Scope) -> Option<Typed> {
        let NodeEnum::TypeCast(tc) = n else {
            return None;
        };
        let target_sql = tc
            .type_name
            .as_ref()
            .map(|t| crate::catalog::types::type_sql(t, self.r))?;
        let arg_t = self.opt(&mut tc.arg, scope);
        let target = Ty::of_sql(&target_sql, self.r)?;
        let modifiers = tc.type_name.as_ref().is_some_and(|t| !t.typmods.is_empty());
        let typed = Typed {
            ty: target.clone(),
            exact: target_sql.clone(),
        };
        let arg_t = arg_t?;
        if arg_t.ty == Ty::Unknown {
            let value = match tc.arg.as_deref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::AConst(protobuf::AConst {
                    val: Some(a_const::Val::Sval(s)),
                    ..
                })) => Some(s.sval.clone()),
                _ => None,
            };
            if modifiers || matches!(target, Ty::Domain(..)) || target.is_array() {
                return Some(typed);
            }
            if let Some(v) = value {
                if let Some(c) = constant::literal(&v, &target, self.r).and_then(|c| c.node) {
                    *n = c;
                }
            }
            return Some(typed);
        }
        let same = arg_t.exact == target_sql || (!modifiers && arg_t.ty == target);
        if same {
            if let Some(arg) = tc.arg.take().and_then(|a| a.node) {
                *n = arg;
            }
            return Some(arg_t);
        }
        Some(typed)
    }

    /// Coerces `n`, of type `from`, to `to`, as an argument is coerced to its parameter:
    /// an unknown literal becomes a constant, another type is cast. `None` (and `n` left as
    /// it was) where the typer cannot do it as the server would.
    // Only literals (and a COLLATE over one) have the unknown type.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn coerce(&self, n: &mut Node, from: &Typed, to: &Ty) -> Option<()> {
        if from.ty == *to || to.name() == "\"any\"" {
            return Some(());
        }
        if from.ty == Ty::Unknown {
            let replaced = match n.node.as_mut()? {
                NodeEnum::AConst(protobuf::AConst { isnull: true, .. }) => {
                    constant::null(to.type_name(self.r)?)
                }
                NodeEnum::AConst(protobuf::AConst {
                    val: Some(a_const::Val::Sval(s)),
                    ..
                }) => constant::literal(&s.sval, to, self.r)?,
                NodeEnum::CollateClause(c) => {
                    let arg = c.arg.as_deref_mut()?;
                    return self.coerce(arg, from, to);
                }
                _ => return None,
            };
            *n = replaced;
            return Some(());
        }
        if matches!(to, Ty::Domain(..)) || to.is_pseudo() {
            return None;
        }
        let tn = to.type_name(self.r)?;
        let arg = std::mem::take(n);
        let mut cast = protobuf::TypeCast {
            arg: Some(Box::new(arg)),
            type_name: Some(tn),
            location: 0,
        };
        // A cast of ARRAY[...] to an array type goes onto its elements, as `expr` puts it.
        if crate::catalog::expr::is_array_cast_of_array(&cast) {
            if let Some(array) = crate::catalog::expr::array_cast_into_elements(&mut cast, self.r) {
                *n = Node { node: Some(array) };
                return Some(());
            }
        }
        *n = Node {
            node: Some(NodeEnum::TypeCast(Box::new(cast))),
        };
        Some(())
    }

    /// Coerces each argument to its parameter, all or none.
    fn coerce_all(&self, args: &mut [&mut Node], types: &[Typed], params: &[Ty]) -> Option<()> {
        self.coerce_args(args, types, params, &[])
    }

    /// `coerce_all`, where the arguments at positions `hidden` print without their implicit
    /// casts (ruleutils prints the arguments of SQL-syntax functions so: `POSITION('x'::text
    /// IN v)` for a `varchar` v) and are kept as they are when already typed.
    fn coerce_args(
        &self,
        args: &mut [&mut Node],
        types: &[Typed],
        params: &[Ty],
        hidden: &[usize],
    ) -> Option<()> {
        let mut out = Vec::new();
        for (i, ((a, t), p)) in args.iter().zip(types).zip(params).enumerate() {
            let mut copy = (**a).clone();
            if !(hidden.contains(&i) && t.ty != Ty::Unknown) {
                self.coerce(&mut copy, t, p)?;
            }
            out.push(copy);
        }
        for (a, c) in args.iter_mut().zip(out) {
            **a = c;
        }
        Some(())
    }

    /// Settles `args` to their common type (`select_common_type`), all or none.
    fn common(&self, args: &mut [Node], scope: &Scope) -> Option<Ty> {
        let mut types = Vec::new();
        for a in args.iter_mut() {
            types.push(self.expr(a, scope));
        }
        let types: Vec<Typed> = types.into_iter().collect::<Option<_>>()?;
        let tys: Vec<Ty> = types.iter().map(|t| t.ty.clone()).collect();
        let common = resolve::common_type(&tys, self.r)?;
        let mut refs: Vec<&mut Node> = args.iter_mut().collect();
        let params = vec![common.clone(); refs.len()];
        self.coerce_all(&mut refs, &types, &params)?;
        Some(common)
    }

    /// `CASE WHEN c THEN r ... ELSE d END`: conditions are boolean, results take their
    /// common type, and a missing ELSE is `ELSE NULL` of that type. A CASE with an operand
    /// (`CASE x WHEN ...`) is settled only inside.
    fn case(&self, n: &mut NodeEnum, scope: &Scope) -> Option<Typed> {
        let NodeEnum::CaseExpr(c) = n else {
            return None;
        };
        // With an operand, each WHEN value is the right side of `operand = value`.
        let operand = c.arg.as_deref_mut().map(|a| self.expr(a, scope));
        let mut conditions_ok = true;
        let mut results: Vec<Option<Typed>> = Vec::new();
        for w in &mut c.args {
            let Some(NodeEnum::CaseWhen(w)) = w.node.as_mut() else {
                return None;
            };
            if let Some(e) = w.expr.as_deref_mut() {
                conditions_ok &= match (self.expr(e, scope), &operand) {
                    (Some(t), None) => self.coerce(e, &t, &named("boolean")).is_some(),
                    (Some(t), Some(Some(o))) => {
                        match resolve::operator("=", &[o.ty.clone(), t.ty.clone()], self.r) {
                            Some(eq) => eq.params.get(1).is_some_and(|p| {
                                self.coerce_args(&mut [e], &[t], std::slice::from_ref(p), &[0])
                                    .is_some()
                            }),
                            None => false,
                        }
                    }
                    (None, _) | (Some(_), Some(None)) => false,
                };
            }
            results.push(self.opt(&mut w.result, scope));
        }
        let default = match c.defresult.as_deref_mut() {
            Some(d) => self.expr(d, scope),
            None => Some(Typed::of(Ty::Unknown)),
        };
        results.push(default);
        let results: Vec<Typed> = results.into_iter().collect::<Option<_>>()?;
        if !conditions_ok {
            return None;
        }
        let tys: Vec<Ty> = results.iter().map(|t| t.ty.clone()).collect();
        let common = resolve::common_type(&tys, self.r)?;
        // Coerce on copies: all results or none.
        let mut new_results = Vec::new();
        for (w, t) in c.args.iter().zip(&results) {
            let Some(NodeEnum::CaseWhen(w)) = w.node.as_ref() else {
                return None;
            };
            let mut r = w.result.as_deref()?.clone();
            self.coerce(&mut r, t, &common)?;
            new_results.push(r);
        }
        let mut d = c.defresult.as_deref().cloned().unwrap_or(Node {
            node: Some(NodeEnum::AConst(protobuf::AConst {
                isnull: true,
                val: None,
                location: 0,
            })),
        });
        self.coerce(&mut d, results.last()?, &common)?;
        for (w, r) in c.args.iter_mut().zip(new_results) {
            if let Some(NodeEnum::CaseWhen(w)) = w.node.as_mut() {
                w.result = Some(Box::new(r));
            }
        }
        c.defresult = Some(Box::new(d));
        Some(Typed::of(common))
    }

    /// A call of a builtin function: its arguments coerced to the parameters of the
    /// function the server picks.
    fn func_call(&self, n: &mut NodeEnum, scope: &Scope) -> Option<Typed> {
        let NodeEnum::FuncCall(f) = n else {
            return None;
        };
        let plain = !f.func_variadic
            && f.agg_order.is_empty()
            && f.agg_filter.is_none()
            && f.over.is_none()
            && !f.agg_within_group
            && !f.agg_distinct;
        let name = match strings(&f.funcname).as_slice() {
            [name] => Some(name.clone()),
            [s, name] if s == "pg_catalog" => Some(name.clone()),
            _ => None,
        };
        let mut types = Vec::new();
        for a in &mut f.args {
            types.push(self.expr(a, scope));
        }
        if !plain
            || f.args
                .iter()
                .any(|a| matches!(a.node, Some(NodeEnum::NamedArgExpr(_))))
        {
            let mut rest = std::mem::replace(n, NodeEnum::List(protobuf::List { items: vec![] }));
            if let NodeEnum::FuncCall(f) = &mut rest {
                for x in f.agg_order.iter_mut().chain(f.agg_filter.as_deref_mut()) {
                    self.expr(x, scope);
                }
            }
            *n = rest;
            return None;
        }
        let types: Vec<Typed> = types.into_iter().collect::<Option<_>>()?;
        let tys: Vec<Ty> = types.iter().map(|t| t.ty.clone()).collect();
        // A function of the catalog: its arguments are cast to its parameters as a builtin's
        // are (`public.f((score)::integer)` for a domain value passed where its base type is
        // taken).
        let user = match strings(&f.funcname).as_slice() {
            [s, n] if s != "pg_catalog" => Some((Some(s.clone()), n.clone())),
            [n] => Some((None, n.clone())),
            _ => None,
        };
        if let Some((schema, n)) = user.filter(|_| !f.agg_star) {
            if let Some((chosen, known)) =
                resolve::user_function_call(schema.as_deref(), &n, &tys, self.r)
            {
                if chosen.returns_set {
                    return None;
                }
                let mut refs: Vec<&mut Node> = f.args.iter_mut().collect();
                self.coerce_args(&mut refs, &types, &chosen.params, &[])?;
                return known.then(|| Typed::of(chosen.result));
            }
        }
        let name = name?;
        let chosen: Candidate = if f.agg_star {
            resolve::function(&name, &[], self.r)?
        } else {
            resolve::function(&name, &tys, self.r)?
        };
        if chosen.returns_set {
            return None;
        }
        let sql_syntax = f.funcformat == protobuf::CoercionForm::CoerceSqlSyntax as i32;
        // Arguments SQL syntax spells as keywords (`EXTRACT(epoch FROM x)`, `NORMALIZE(x,
        // NFC)`) stay bare.
        let keyword = match name.as_str() {
            "extract" if sql_syntax => Some(0),
            "normalize" | "is_normalized" if sql_syntax => Some(1),
            _ => None,
        };
        let hidden: Vec<usize> = if sql_syntax {
            (0..f.args.len()).collect()
        } else {
            Vec::new()
        };
        let mut refs: Vec<&mut Node> = f
            .args
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| Some(*i) != keyword)
            .map(|(_, a)| a)
            .collect();
        let keep = |v: &[Typed]| {
            v.iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != keyword)
                .map(|(_, t)| t.clone())
                .collect::<Vec<_>>()
        };
        let params: Vec<Ty> = chosen
            .params
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != keyword)
            .map(|(_, t)| t.clone())
            .collect();
        self.coerce_args(&mut refs, &keep(&types), &params, &hidden)?;
        Some(Typed::of(chosen.result))
    }

    fn a_expr(&self, n: &mut NodeEnum, scope: &Scope) -> Option<Typed> {
        let NodeEnum::AExpr(e) = n else { return None };
        let kind = AExprKind::try_from(e.kind).unwrap_or(AExprKind::Undefined);
        let names = strings(&e.name);
        let [op] = names.as_slice() else {
            self.children(n, scope);
            return None;
        };
        let op = op.clone();
        match kind {
            AExprKind::AexprOp
            | AExprKind::AexprDistinct
            | AExprKind::AexprNotDistinct
            | AExprKind::AexprNullif => {
                let l = self.opt(&mut e.lexpr, scope);
                let r = self.opt(&mut e.rexpr, scope);
                let args: Vec<Typed> = match (&e.lexpr, l, r) {
                    (None, _, Some(r)) => vec![r],
                    (Some(_), Some(l), Some(r)) => vec![l, r],
                    _ => return None,
                };
                let tys: Vec<Ty> = args.iter().map(|t| t.ty.clone()).collect();
                let chosen = resolve::operator(&op, &tys, self.r)?;
                let mut refs: Vec<&mut Node> = e
                    .lexpr
                    .as_deref_mut()
                    .into_iter()
                    .chain(e.rexpr.as_deref_mut())
                    .collect();
                self.coerce_all(&mut refs, &args, &chosen.params)?;
                if kind == AExprKind::AexprNotDistinct {
                    // `a IS NOT DISTINCT FROM b` is kept as `NOT (a IS DISTINCT FROM b)`.
                    e.kind = AExprKind::AexprDistinct as i32;
                    let inner =
                        std::mem::replace(n, NodeEnum::List(protobuf::List { items: vec![] }));
                    let not = protobuf::BoolExpr {
                        boolop: BoolExprType::NotExpr as i32,
                        args: vec![Node { node: Some(inner) }],
                        location: 0,
                        ..Default::default()
                    };
                    *n = NodeEnum::BoolExpr(Box::new(not));
                }
                Some(match kind {
                    AExprKind::AexprNullif => args.first()?.clone(),
                    AExprKind::AexprDistinct | AExprKind::AexprNotDistinct => {
                        Typed::of(named("boolean"))
                    }
                    AExprKind::AexprOp
                    | AExprKind::Undefined
                    | AExprKind::AexprOpAny
                    | AExprKind::AexprOpAll
                    | AExprKind::AexprIn
                    | AExprKind::AexprLike
                    | AExprKind::AexprIlike
                    | AExprKind::AexprSimilar
                    | AExprKind::AexprBetween
                    | AExprKind::AexprNotBetween
                    | AExprKind::AexprBetweenSym
                    | AExprKind::AexprNotBetweenSym => Typed::of(chosen.result),
                })
            }
            AExprKind::AexprLike | AExprKind::AexprIlike => {
                e.kind = AExprKind::AexprOp as i32;
                self.a_expr(n, scope)
            }
            AExprKind::AexprSimilar => {
                // `x SIMILAR TO p` is `x ~ similar_to_escape(p)`.
                if let Some(Some(NodeEnum::FuncCall(f))) =
                    e.rexpr.as_deref_mut().map(|r| r.node.as_mut())
                {
                    if matches!(strings(&f.funcname).as_slice(), [s, name] if s == "pg_catalog" && name == "similar_to_escape")
                    {
                        f.funcname = string_nodes(&["similar_to_escape"]);
                        f.funcformat = protobuf::CoercionForm::CoerceExplicitCall as i32;
                    }
                }
                e.kind = AExprKind::AexprOp as i32;
                self.a_expr(n, scope)
            }
            AExprKind::AexprOpAny | AExprKind::AexprOpAll => {
                let l = self.opt(&mut e.lexpr, scope);
                let r = self.opt(&mut e.rexpr, scope);
                let (l, r) = (l?, r?);
                let element = if r.ty == Ty::Unknown {
                    Ty::Unknown
                } else {
                    r.ty.base().element()?
                };
                let chosen = resolve::operator(&op, &[l.ty.clone(), element], self.r)?;
                if chosen.result != named("boolean") {
                    return None;
                }
                let [lp, rp] = chosen.params.as_slice() else {
                    return None;
                };
                let array = rp.array_of()?;
                let mut refs: Vec<&mut Node> = e
                    .lexpr
                    .as_deref_mut()
                    .into_iter()
                    .chain(e.rexpr.as_deref_mut())
                    .collect();
                self.coerce_all(&mut refs, &[l, r], &[lp.clone(), array])?;
                Some(Typed::of(named("boolean")))
            }
            AExprKind::AexprIn => self.in_list(n, &op, scope),
            AExprKind::AexprBetween
            | AExprKind::AexprNotBetween
            | AExprKind::AexprBetweenSym
            | AExprKind::AexprNotBetweenSym => {
                let Some(NodeEnum::List(bounds)) = e.rexpr.as_deref().and_then(|r| r.node.as_ref())
                else {
                    return None;
                };
                let [lo, hi] = bounds.items.as_slice() else {
                    return None;
                };
                let x = e.lexpr.as_deref()?.clone();
                let (lo, hi) = (lo.clone(), hi.clone());
                use BoolExprType::{AndExpr, OrExpr};
                let within = |a: &Node, b: &Node| {
                    bool_expr(
                        AndExpr,
                        vec![
                            op_expr(">=", x.clone(), a.clone()),
                            op_expr("<=", x.clone(), b.clone()),
                        ],
                    )
                };
                let outside = |a: &Node, b: &Node| {
                    bool_expr(
                        OrExpr,
                        vec![
                            op_expr("<", x.clone(), a.clone()),
                            op_expr(">", x.clone(), b.clone()),
                        ],
                    )
                };
                let mut rewritten = match kind {
                    AExprKind::AexprBetween => within(&lo, &hi),
                    AExprKind::AexprNotBetween => outside(&lo, &hi),
                    AExprKind::AexprBetweenSym => {
                        bool_expr(OrExpr, vec![within(&lo, &hi), within(&hi, &lo)])
                    }
                    AExprKind::AexprNotBetweenSym
                    | AExprKind::Undefined
                    | AExprKind::AexprOp
                    | AExprKind::AexprOpAny
                    | AExprKind::AexprOpAll
                    | AExprKind::AexprDistinct
                    | AExprKind::AexprNotDistinct
                    | AExprKind::AexprNullif
                    | AExprKind::AexprIn
                    | AExprKind::AexprLike
                    | AExprKind::AexprIlike
                    | AExprKind::AexprSimilar => {
                        bool_expr(AndExpr, vec![outside(&lo, &hi), outside(&hi, &lo)])
                    }
                };
                let t = self.expr(&mut rewritten, scope);
                // Only a fully typed rewrite replaces the BETWEEN (the operands are settled
                // either way).
                match t {
                    Some(t) => {
                        if let Some(x) = rewritten.node {
                            *n = x;
                        }
                        Some(t)
                    }
                    None => {
                        self.children(n, scope);
                        None
                    }
                }
            }
            AExprKind::Undefined => {
                self.children(n, scope);
                None
            }
        }
    }

    /// `x IN (a, b)` is `x = ANY (ARRAY[a, b])` over the common type of `x` and the items
    /// without column references (a single such item is `x = a`), and each item with
    /// column references is a comparison of its own, OR-ed on (`NOT IN`: `<> ALL`, AND-ed).
    fn in_list(&self, n: &mut NodeEnum, op: &str, scope: &Scope) -> Option<Typed> {
        let NodeEnum::AExpr(e) = n else { return None };
        let Some(NodeEnum::List(items)) = e.rexpr.as_deref().and_then(|r| r.node.as_ref()) else {
            self.children(n, scope);
            return None;
        };
        let items = items.items.clone();
        let x = e.lexpr.as_deref()?.clone();
        let has_vars = |i: &Node| {
            let mut found = false;
            let mut copy = i.clone();
            visit(&mut copy, &mut |k| {
                found |= matches!(k, NodeEnum::ColumnRef(_));
                if matches!(k, NodeEnum::SelectStmt(_)) {
                    Next::Over
                } else {
                    Next::Into
                }
            });
            found
        };
        let (vars, consts): (Vec<Node>, Vec<Node>) = items.into_iter().partition(|i| has_vars(i));
        let any = op == "=";
        let (combine, kind) = if any {
            (BoolExprType::OrExpr, AExprKind::AexprOpAny)
        } else {
            (BoolExprType::AndExpr, AExprKind::AexprOpAll)
        };
        let mut parts = Vec::new();
        let mut singles = vars;
        if consts.len() > 1 {
            // The array's element type: the common type of x and the items.
            let mut all = vec![x.clone()];
            all.extend(consts.iter().cloned());
            let mut typed_all = Vec::new();
            for a in all.iter_mut() {
                typed_all.push(self.expr(a, scope));
            }
            let typed_all: Vec<Typed> = typed_all.into_iter().collect::<Option<_>>()?;
            let tys: Vec<Ty> = typed_all.iter().map(|t| t.ty.clone()).collect();
            let common = resolve::common_type(&tys, self.r)?;
            common.array_of()?;
            let mut elements = Vec::new();
            for (c, t) in all.iter().skip(1).zip(typed_all.iter().skip(1)) {
                let mut c = c.clone();
                self.coerce(&mut c, t, &common)?;
                elements.push(c);
            }
            let array = Node {
                node: Some(NodeEnum::AArrayExpr(protobuf::AArrayExpr {
                    elements,
                    list_start: 0,
                    list_end: 0,
                    location: 0,
                })),
            };
            parts.push(Node {
                node: Some(NodeEnum::AExpr(Box::new(protobuf::AExpr {
                    kind: kind as i32,
                    name: string_nodes(&[op]),
                    lexpr: Some(Box::new(x.clone())),
                    rexpr: Some(Box::new(array)),
                    location: 0,
                    ..Default::default()
                }))),
            });
        } else {
            let mut all = consts;
            all.extend(singles);
            singles = all;
        }
        for s in singles {
            parts.push(op_expr(op, x.clone(), s));
        }
        let mut rewritten = if parts.len() == 1 {
            parts.pop()?
        } else {
            let mut it = parts.into_iter();
            let first = it.next()?;
            it.fold(first, |acc, p| bool_expr(combine, vec![acc, p]))
        };
        let t = self.expr(&mut rewritten, scope);
        match t {
            Some(t) => {
                if let Some(x) = rewritten.node {
                    *n = x;
                }
                Some(t)
            }
            None => {
                self.children(n, scope);
                None
            }
        }
    }

    /// Settles a SELECT (and the queries under it) with `outer` around it; says the types
    /// of its output columns. `resolve` gives an unknown output column type `text`, as the
    /// server does for any query but a branch of a set operation.
    pub fn select(
        &self,
        s: &mut SelectStmt,
        outer: Option<&Scope>,
        resolve: bool,
    ) -> Option<Vec<Option<Typed>>> {
        self.select_in(s, outer, resolve, Naming::Unnamed).0
    }

    /// `select`, where the output column names are not visible (a statement of a SQL-standard
    /// function body): each output is named as ruleutils prints it there, as where they are
    /// visible but for an expression the server calls `?column?`, which gets no `AS`.
    pub fn select_hidden(&self, s: &mut SelectStmt, outer: Option<&Scope>) {
        self.select_in(s, outer, true, Naming::Hidden);
    }

    /// `select`, where the output column names are visible (a view's, a FROM item's, a
    /// CTE's, a scalar sub-query's, the first branch of a set operation's): each output is
    /// named as ruleutils prints it (`upper(b) AS upper`, `1 AS "?column?"`, a column
    /// reference by its own name without `AS`); says the names too (`from::output_names`,
    /// read after the `*`s are expanded and before the expressions are settled).
    pub fn select_named(
        &self,
        s: &mut SelectStmt,
        outer: Option<&Scope>,
        resolve: bool,
    ) -> (Option<Vec<Option<Typed>>>, Option<Vec<String>>) {
        self.select_in(s, outer, resolve, Naming::Visible)
    }

    fn select_in(
        &self,
        s: &mut SelectStmt,
        outer: Option<&Scope>,
        resolve: bool,
        naming: Naming,
    ) -> (Option<Vec<Option<Typed>>>, Option<Vec<String>>) {
        let mut ctes = Vec::new();
        if let Some(w) = s.with_clause.as_mut() {
            for c in &mut w.ctes {
                if let Some(NodeEnum::CommonTableExpr(cte)) = c.node.as_mut() {
                    let mut columns = None;
                    if let Some(Some(NodeEnum::SelectStmt(q))) =
                        cte.ctequery.as_deref_mut().map(|q| q.node.as_mut())
                    {
                        let empty = Scope::default();
                        columns = self.select_named(q, outer.or(Some(&empty)), true).1;
                    }
                    if let Some(cols) = columns.as_mut() {
                        for (c, a) in cols.iter_mut().zip(&cte.aliascolnames) {
                            if let Some(NodeEnum::String(s)) = &a.node {
                                *c = s.sval.clone();
                            }
                        }
                    }
                    ctes.push(Cte {
                        name: cte.ctename.clone(),
                        columns,
                    });
                }
            }
        }
        if s.op != protobuf::SetOperation::SetopNone as i32 {
            let (l, names) = match s.larg.as_deref_mut() {
                Some(x) => self.select_in(x, outer, false, naming),
                None => (None, None),
            };
            let r = s
                .rarg
                .as_deref_mut()
                .and_then(|x| self.select(x, outer, false));
            if resolve {
                name_branches(s);
            }
            if let Some(names) = &names {
                sort_by_position(s, names);
            }
            return (self.set_operation(s, l, r), names);
        }
        let empty = Scope::default();
        let mut scope = Scope {
            rels: Vec::new(),
            parent: outer,
            value: None,
        };
        let mut items = Vec::new();
        for f in &mut s.from_clause {
            items.push(self.add_from_item(f, &mut scope, &ctes, outer.unwrap_or(&empty)));
        }
        self.expand_stars(&mut s.target_list, &items, &scope);
        let names = from::output_names(s);
        if let Some(names) = names.as_ref() {
            match naming {
                Naming::Visible => name_outputs(s, names, true),
                Naming::Hidden => name_outputs(s, names, false),
                Naming::Unnamed => {}
            }
        }
        // Join conditions see the relations of the whole FROM list.
        for f in &mut s.from_clause {
            self.join_quals(f, &scope);
        }
        if !s.values_lists.is_empty() {
            return (self.values(&mut s.values_lists, &scope, resolve), names);
        }
        let mut out = Vec::new();
        for t in &mut s.target_list {
            let Some(NodeEnum::ResTarget(rt)) = t.node.as_mut() else {
                continue;
            };
            let Some(val) = rt.val.as_deref_mut() else {
                continue;
            };
            let mut ty = self.expr(val, &scope);
            if resolve {
                if let Some(u) = ty.as_ref().filter(|t| t.ty == Ty::Unknown) {
                    ty = self
                        .coerce(val, u, &named("text"))
                        .map(|_| Typed::of(named("text")));
                }
            }
            out.push(ty);
        }
        for x in s.where_clause.iter_mut().chain(s.having_clause.iter_mut()) {
            self.expr(x, &scope);
        }
        for x in s
            .group_clause
            .iter_mut()
            .chain(s.sort_clause.iter_mut())
            .chain(s.distinct_clause.iter_mut())
        {
            self.expr(x, &scope);
        }
        output_references(s);
        (Some(out), names)
    }

    /// A VALUES list: each column takes the common type of its rows (unknown in all:
    /// `text`, unless `resolve` is off), and its literals become constants of that type.
    /// The other values keep their form: ruleutils prints a VALUES item without its
    /// implicit cast.
    fn values(
        &self,
        rows: &mut [Node],
        scope: &Scope,
        resolve: bool,
    ) -> Option<Vec<Option<Typed>>> {
        let mut typed: Vec<Vec<Option<Typed>>> = Vec::new();
        for row in rows.iter_mut() {
            let Some(NodeEnum::List(l)) = row.node.as_mut() else {
                self.expr(row, scope);
                return None;
            };
            typed.push(l.items.iter_mut().map(|i| self.expr(i, scope)).collect());
        }
        let width = typed.first().map_or(0, Vec::len);
        if typed.iter().any(|r| r.len() != width) {
            return None;
        }
        let mut out = Vec::new();
        for col in 0..width {
            let column: Option<Vec<Typed>> = typed
                .iter()
                .map(|r| r.get(col).cloned().flatten())
                .collect();
            let common = column.as_ref().and_then(|c| {
                let tys: Vec<Ty> = c.iter().map(|t| t.ty.clone()).collect();
                resolve::common_type(&tys, self.r)
            });
            let (Some(column), Some(common)) = (column, common) else {
                out.push(None);
                continue;
            };
            if !resolve && column.iter().all(|t| t.ty == Ty::Unknown) {
                out.push(Some(Typed::of(Ty::Unknown)));
                continue;
            }
            // All rows or none.
            let mut settled = Vec::new();
            for (row, t) in rows.iter().zip(&column) {
                let Some(NodeEnum::List(l)) = row.node.as_ref() else {
                    return None;
                };
                let mut item = l.items.get(col)?.clone();
                if t.ty == Ty::Unknown {
                    self.coerce(&mut item, t, &common)?;
                }
                settled.push(item);
            }
            for (row, item) in rows.iter_mut().zip(settled) {
                if let Some(NodeEnum::List(l)) = row.node.as_mut() {
                    if let Some(slot) = l.items.get_mut(col) {
                        *slot = item;
                    }
                }
            }
            out.push(Some(Typed::of(common)));
        }
        Some(out)
    }

    /// `UNION` / `INTERSECT` / `EXCEPT`: each output column takes the common type of the
    /// branches' (unknown in all: `text`), and each branch's column is coerced to it.
    fn set_operation(
        &self,
        s: &mut SelectStmt,
        l: Option<Vec<Option<Typed>>>,
        r: Option<Vec<Option<Typed>>>,
    ) -> Option<Vec<Option<Typed>>> {
        let (l, r) = (l?, r?);
        if l.len() != r.len() {
            return None;
        }
        let mut out = Vec::new();
        for (a, b) in l.iter().zip(&r) {
            let common = match (a, b) {
                (Some(a), Some(b)) => resolve::common_type(&[a.ty.clone(), b.ty.clone()], self.r),
                _ => None,
            };
            out.push(common);
        }
        for (i, t) in out.iter().enumerate() {
            if let Some(t) = t {
                for side in [s.larg.as_deref_mut(), s.rarg.as_deref_mut()]
                    .into_iter()
                    .flatten()
                {
                    self.coerce_output(side, i, t);
                }
            }
        }
        Some(out.into_iter().map(|t| t.map(Typed::of)).collect())
    }

    /// Coerces output column `i` of a set operation's branch to `to` (all its leaves).
    fn coerce_output(&self, s: &mut SelectStmt, i: usize, to: &Ty) {
        if s.op != protobuf::SetOperation::SetopNone as i32 {
            for side in [s.larg.as_deref_mut(), s.rarg.as_deref_mut()]
                .into_iter()
                .flatten()
            {
                self.coerce_output(side, i, to);
            }
            return;
        }
        let Some(Some(NodeEnum::ResTarget(rt))) = s.target_list.get_mut(i).map(|t| t.node.as_mut())
        else {
            return;
        };
        let Some(val) = rt.val.as_deref_mut() else {
            return;
        };
        // Already settled: only an unknown literal is left to coerce.
        let unknown = matches!(&val.node, Some(NodeEnum::AConst(c)) if c.isnull || matches!(c.val, Some(a_const::Val::Sval(_))));
        if unknown {
            self.coerce(val, &Typed::of(Ty::Unknown), to);
        }
    }

    // Only joins hold conditions.
    #[allow(clippy::wildcard_enum_match_arm)]
    fn join_quals(&self, n: &mut Node, scope: &Scope) {
        if let Some(NodeEnum::JoinExpr(j)) = n.node.as_mut() {
            for side in j.larg.iter_mut().chain(j.rarg.iter_mut()) {
                self.join_quals(side, scope);
            }
            self.opt(&mut j.quals, scope);
        }
    }
}

/// Which outputs of a select are named as ruleutils prints them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Naming {
    /// Where the names are visible (a view's query).
    Visible,
    /// Where they are not (a statement of a SQL-standard function body).
    Hidden,
    /// Left as written.
    Unnamed,
}

/// Names each output as ruleutils prints it: an expression by the name the server gave it
/// (`AS upper`, and where names are `visible`, `AS "?column?"`), a column reference named as
/// its column without `AS`.
fn name_outputs(s: &mut SelectStmt, names: &[String], visible: bool) {
    for (t, name) in s.target_list.iter_mut().zip(names) {
        let Some(NodeEnum::ResTarget(rt)) = t.node.as_mut() else {
            continue;
        };
        let column = match rt.val.as_deref().and_then(|v| v.node.as_ref()) {
            Some(NodeEnum::ColumnRef(c)) => strings(&c.fields).last().cloned(),
            _ => None,
        };
        rt.name = if column.as_ref() == Some(name) || (!visible && name == "?column?") {
            String::new()
        } else {
            name.clone()
        };
    }
}

/// A constant, alone or cast.
// Any other kind is an expression.
#[allow(clippy::wildcard_enum_match_arm)]
fn is_constant(n: &Node) -> bool {
    match &n.node {
        Some(NodeEnum::AConst(_)) => true,
        Some(NodeEnum::TypeCast(tc)) => tc.arg.as_deref().is_some_and(is_constant),
        _ => false,
    }
}

/// `ORDER BY` / `GROUP BY` a position (`ORDER BY 1`), or `ORDER BY` an output name, is
/// stored as a reference to that output, and ruleutils prints the output's expression
/// (`ORDER BY t.id`, `ORDER BY (upper(t.b))`); done here for any output but a constant
/// (which prints otherwise).
fn output_references(s: &mut SelectStmt) {
    let targets: Vec<(String, Option<Node>)> = s
        .target_list
        .iter()
        .map(|t| match &t.node {
            Some(NodeEnum::ResTarget(rt)) => (
                rt.name.clone(),
                rt.val.as_deref().filter(|v| !is_constant(v)).cloned(),
            ),
            _ => (String::new(), None),
        })
        .collect();
    let by_position = |n: &Node| -> Option<Node> {
        let Some(NodeEnum::AConst(protobuf::AConst {
            val: Some(a_const::Val::Ival(i)),
            ..
        })) = &n.node
        else {
            return None;
        };
        let i = usize::try_from(i.ival).ok()?.checked_sub(1)?;
        targets.get(i)?.1.clone()
    };
    for g in &mut s.group_clause {
        if let Some(x) = by_position(g) {
            *g = x;
        }
    }
    for o in &mut s.sort_clause {
        let Some(NodeEnum::SortBy(sb)) = o.node.as_mut() else {
            continue;
        };
        let Some(n) = sb.node.as_deref_mut() else {
            continue;
        };
        let by_name = match &n.node {
            Some(NodeEnum::ColumnRef(c)) => match strings(&c.fields).as_slice() {
                [name] if c.fields.len() == 1 => {
                    let mut found = targets.iter().filter(|(n, _)| n == name);
                    match (found.next(), found.next()) {
                        (Some((_, x)), None) => x.clone(),
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(x) = by_position(n).or(by_name) {
            *n = x;
        }
    }
}

/// The ORDER BY of a set operation sorts by output columns, which ruleutils prints by
/// position: an output column named by its name (`names`, the first branch's) reads as its
/// number.
fn sort_by_position(s: &mut SelectStmt, names: &[String]) {
    for o in &mut s.sort_clause {
        let Some(NodeEnum::SortBy(sb)) = o.node.as_mut() else {
            continue;
        };
        let Some(n) = sb.node.as_deref_mut() else {
            continue;
        };
        let Some(NodeEnum::ColumnRef(c)) = &n.node else {
            continue;
        };
        let fields = strings(&c.fields);
        let ([name], 1) = (fields.as_slice(), c.fields.len()) else {
            continue;
        };
        if names.iter().filter(|x| *x == name).count() != 1 {
            continue;
        }
        let Some(i) = names.iter().position(|x| x == name) else {
            continue;
        };
        n.node = Some(NodeEnum::AConst(protobuf::AConst {
            isnull: false,
            location: -1,
            val: Some(a_const::Val::Ival(protobuf::Integer {
                ival: i32::try_from(i + 1).unwrap_or(i32::MAX),
            })),
        }));
    }
}

/// The output columns of a set operation are named by its first branch, and ruleutils
/// prints those names on the other branches where an output would not have it anyway
/// (`SELECT 'a' AS l UNION SELECT 'b'` reads back as `... UNION SELECT 'b'::text AS l`,
/// `SELECT 1 UNION SELECT 2` as `SELECT 1 AS "?column?" UNION SELECT 2`).
fn name_branches(s: &mut SelectStmt) {
    let mut leaves: Vec<&mut SelectStmt> = Vec::new();
    collect_leaves(s, &mut leaves);
    let mut it = leaves.into_iter();
    let Some(first) = it.next() else { return };
    let names: Vec<Option<String>> = first
        .target_list
        .iter()
        .map(|t| match &t.node {
            Some(NodeEnum::ResTarget(rt)) if !rt.name.is_empty() => Some(rt.name.clone()),
            Some(NodeEnum::ResTarget(rt)) => rt
                .val
                .as_deref()
                .and_then(crate::catalog::expr::column_name),
            _ => None,
        })
        .collect();
    for leaf in it {
        for (t, name) in leaf.target_list.iter_mut().zip(&names) {
            let (Some(NodeEnum::ResTarget(rt)), Some(name)) = (t.node.as_mut(), name) else {
                continue;
            };
            // Named `AS` only where the name is not the one its expression has anyway.
            let figured = rt
                .val
                .as_deref()
                .and_then(crate::catalog::expr::column_name)
                .unwrap_or_else(|| "?column?".to_string());
            rt.name = if &figured == name {
                String::new()
            } else {
                name.clone()
            };
        }
    }
}

fn collect_leaves<'s>(s: &'s mut SelectStmt, out: &mut Vec<&'s mut SelectStmt>) {
    if s.op == protobuf::SetOperation::SetopNone as i32 {
        out.push(s);
        return;
    }
    if let Some(l) = s.larg.as_deref_mut() {
        collect_leaves(l, out);
    }
    if let Some(r) = s.rarg.as_deref_mut() {
        collect_leaves(r, out);
    }
}

/// What a constant is, read off its node.
enum Const {
    Unknown,
    Int(i32),
    Float(String),
    Bool,
    Bits(String),
}

/// The digits of a bit-string constant as pg_query holds it (`b101`, `x1F`), in binary.
fn bits(b: &str) -> Option<String> {
    if let Some(digits) = b.strip_prefix(['b', 'B']) {
        return digits
            .bytes()
            .all(|c| c == b'0' || c == b'1')
            .then(|| digits.to_string());
    }
    let hex = b.strip_prefix(['x', 'X'])?;
    hex.chars()
        .map(|c| c.to_digit(16).map(|d| format!("{d:04b}")))
        .collect()
}

fn n_const(c: &protobuf::AConst) -> Option<Const> {
    if c.isnull {
        return Some(Const::Unknown);
    }
    Some(match c.val.as_ref()? {
        a_const::Val::Sval(_) => Const::Unknown,
        a_const::Val::Ival(i) => Const::Int(i.ival),
        a_const::Val::Fval(f) => Const::Float(f.fval.clone()),
        a_const::Val::Boolval(_) => Const::Bool,
        a_const::Val::Bsval(b) => Const::Bits(b.bsval.clone()),
    })
}
