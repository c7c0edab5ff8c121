//! ARCHITECTURE.md stays true: every path it names in backquotes exists.

#[test]
fn every_path_named_in_architecture_md_exists() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut missing = Vec::new();
    let mut checked = 0;
    let mut dir = String::new();
    for quoted in text.split('`').skip(1).step_by(2) {
        let looks_like_path = (quoted.starts_with("src/")
            || quoted.starts_with("tests/")
            || quoted.starts_with("fixtures/")
            || quoted.starts_with("benches/"))
            && !quoted.contains(' ')
            && !quoted.contains('<')
            && !quoted.contains('*');
        let bare_file = quoted.ends_with(".rs") && !quoted.contains('/');
        if looks_like_path {
            // A directory mentioned before bare file names (`src/diff/`: `tables.rs`, ...).
            if quoted.starts_with("src/") || quoted.starts_with("tests/") {
                dir = if quoted.ends_with('/') {
                    quoted.to_string()
                } else {
                    quoted
                        .rsplit_once('/')
                        .map_or(String::new(), |(d, _)| format!("{d}/"))
                };
            }
            checked += 1;
            if !root.join(quoted.trim_end_matches('/')).exists() {
                missing.push(quoted.to_string());
            }
        } else if bare_file && !dir.is_empty() {
            checked += 1;
            let direct = root.join(&dir).join(quoted);
            let nested = walk_has(&root.join(&dir), quoted);
            if !direct.exists() && !nested {
                missing.push(format!("{dir}{quoted}"));
            }
        }
    }
    assert!(
        checked >= 10,
        "only {checked} paths found in ARCHITECTURE.md"
    );
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist: {missing:?}"
    );
}

/// Whether a file of that name exists anywhere under `dir`.
fn walk_has(dir: &std::path::Path, name: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(|e| e.ok()).any(|e| {
        let p = e.path();
        if p.is_dir() {
            walk_has(&p, name)
        } else {
            p.file_name().is_some_and(|n| n == name)
        }
    })
}
