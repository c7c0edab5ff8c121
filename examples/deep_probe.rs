use prost::Message;
fn kinds(n: usize) -> Vec<(&'static str, String)> {
    let sum = format!("SELECT {}", (0..n).map(|i| format!("a{i}")).collect::<Vec<_>>().join(" + "));
    let mut case = String::from("1");
    for _ in 0..n { case = format!("CASE WHEN x THEN {case} ELSE 0 END"); }
    let concat = format!("SELECT {}", (0..n).map(|i| format!("('x{i}'::text)")).collect::<Vec<_>>().join(" || "));
    let mut f = String::from("x"); for _ in 0..n { f = format!("f({f})"); }
    let mut p = String::from("x"); for _ in 0..n { p = format!("(SELECT {p})"); }
    let mut neg = String::from("x"); for _ in 0..n { neg = format!("- {neg}"); }
    vec![("sum", sum), ("case", format!("SELECT {case}")), ("concat", concat), ("func", format!("SELECT {f}")), ("subselect", format!("SELECT {p}")), ("neg", format!("SELECT {neg}"))]
}
fn main() {
    let mb: usize = std::env::var("STACK_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
    std::thread::Builder::new().stack_size(mb << 20).spawn(run).unwrap().join().unwrap();
}
fn run() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args[1].parse().unwrap();
    let only = args.get(2).cloned();
    for (k, sql) in kinds(n) {
        if only.as_deref().is_some_and(|o| o != k) { continue; }
        let r = pg_query::parse(&sql, 0);
        match r {
            Ok(res) => {
                let bytes = res.protobuf.encode_to_vec();
                let c = res.protobuf.clone(); drop(c);
                let d = pg_query::deparse(&res.protobuf, Default::default());
                println!("{k} n={n}: parse ok ({} bytes), deparse {}", bytes.len(), match &d { Ok(s) => format!("ok {}", s.len()), Err(e) => format!("ERR {e}") });
            }
            Err(e) => println!("{k} n={n}: parse ERR {e}"),
        }
    }
}
