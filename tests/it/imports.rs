//! The top-level modules of `src/` import each other without a circle: a lower layer
//! never reaches back into a higher one. The graph is read from the source tree itself
//! (every `crate::x` path and every `super::` path that climbs to the crate root, in
//! code, not in comments or doc links), so a new circle fails here with its path.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("read src/")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a Rust file with comments, strings and character literals blanked out,
/// so that only paths written in code remain.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &src[i..];
        if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            let mut depth = 0;
            while i < b.len() {
                if src[i..].starts_with("/*") {
                    depth += 1;
                    i += 2;
                } else if src[i..].starts_with("*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(rest) {
            let close = format!("\"{}", "#".repeat(hashes));
            let body = i + 2 + hashes;
            i = src[body..]
                .find(&close)
                .map_or(b.len(), |k| body + k + close.len());
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' {
            // a character literal ('x', '\n', '\u{..}'); otherwise a lifetime
            let len = if b.get(i + 1) == Some(&b'\\') {
                src[i + 3..].find('\'').map(|k| k + 4)
            } else {
                rest.chars().nth(1).and_then(|c| {
                    let after = 1 + c.len_utf8();
                    (b.get(i + after) == Some(&b'\'')).then_some(after + 1)
                })
            };
            match len {
                Some(n) => {
                    i += n;
                    out.push_str("' '");
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().expect("not at the end");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The number of `#`s of a raw string (`r"`, `r#"`, `br#"`) starting here.
fn raw_string_start(s: &str) -> Option<usize> {
    let s = s.strip_prefix('b').unwrap_or(s);
    let s = s.strip_prefix('r')?;
    let hashes = s.bytes().take_while(|&c| c == b'#').count();
    (s.as_bytes().get(hashes) == Some(&b'"')).then_some(hashes)
}

/// The first identifiers of the items of a `{...}` use group starting at `s[0]`.
fn group_heads(s: &str) -> Vec<&str> {
    let mut depth = 0;
    let mut heads = Vec::new();
    let mut start = 1;
    for (k, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                heads.push(s[start..k].trim());
                start = k + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    heads
        .into_iter()
        .map(|h| {
            let end = h
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(h.len());
            &h[..end]
        })
        .filter(|h| !h.is_empty())
        .collect()
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The crate root's `pub use m::{..}` and `pub use m::*` re-exports: name to module,
/// and the modules re-exported whole.
fn root_exports(lib: &str) -> (BTreeMap<String, String>, Vec<String>) {
    let mut names = BTreeMap::new();
    let mut globs = Vec::new();
    for stmt in lib.split(';') {
        let Some(at) = stmt.find("pub use ") else {
            continue;
        };
        let path = stmt[at + "pub use ".len()..].trim();
        let Some((module, items)) = path.split_once("::") else {
            continue;
        };
        let items = items.trim();
        if items == "*" {
            globs.push(module.to_string());
        } else if items.starts_with('{') {
            for name in group_heads(items) {
                names.insert(name.to_string(), module.to_string());
            }
        } else {
            names.insert(ident(items).to_string(), module.to_string());
        }
    }
    (names, globs)
}

/// The module path of a file under `src/` (`reconcile/fact/mod.rs` is
/// `[reconcile, fact]`).
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    if last != "mod.rs" {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

/// The top-level modules each file's code names, with where (file:line).
type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn import_graph(src: &Path) -> (BTreeSet<String>, Graph) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let lib = code_only(&fs::read_to_string(src.join("lib.rs")).expect("read lib.rs"));
    let (exports, globs) = root_exports(&lib);
    let mut modules = BTreeSet::new();
    for entry in fs::read_dir(src).expect("read src/") {
        let path = entry.expect("directory entry").path();
        let name = path
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        if path.is_dir() && name != "bin" || path.extension().is_some_and(|e| e == "rs") {
            modules.insert(name);
        }
    }
    modules.remove("lib");
    // a name at the crate root: a module, a re-exported item, or an item of a module
    // re-exported whole; macros and the root's own items name no module
    let owner = |name: &str| -> Option<String> {
        if modules.contains(name) {
            Some(name.to_string())
        } else if let Some(m) = exports.get(name) {
            Some(m.clone())
        } else if name.starts_with(|c: char| c.is_ascii_uppercase()) && globs.len() == 1 {
            Some(globs[0].clone())
        } else {
            None
        }
    };
    let mut graph = Graph::new();
    for file in &files {
        let rel = file.strip_prefix(src).expect("under src/");
        let path = module_path(rel);
        if path.is_empty() || path[0] == "bin" || path[0] == "lib" {
            continue;
        }
        let code = code_only(&fs::read_to_string(file).expect("read a source file"));
        // inline modules (`mod tests {`) deepen `super::` by one while open
        let mut inline: Vec<usize> = Vec::new();
        let mut depth = 0usize;
        let mut i = 0;
        let bytes = code.as_bytes();
        while i < bytes.len() {
            let rest = &code[i..];
            let word_start =
                i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
            let mut named: Vec<&str> = Vec::new();
            let mut step = 1;
            if rest.starts_with('{') {
                depth += 1;
            } else if rest.starts_with('}') {
                depth = depth.saturating_sub(1);
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
            } else if word_start && rest.starts_with("mod ") {
                let name = ident(rest["mod ".len()..].trim_start());
                let after = rest["mod ".len()..].trim_start()[name.len()..].trim_start();
                if after.starts_with('{') {
                    inline.push(depth);
                }
            } else if word_start && rest.starts_with("crate::") {
                let tail = &rest["crate::".len()..];
                named = if tail.starts_with('{') {
                    group_heads(tail)
                } else {
                    vec![ident(tail)]
                };
                step = "crate::".len();
            } else if word_start && rest.starts_with("super::") {
                let mut tail = rest;
                let mut ups = 0;
                while let Some(t) = tail.strip_prefix("super::") {
                    tail = t;
                    ups += 1;
                }
                step = rest.len() - tail.len();
                let levels = path.len() + inline.len();
                if ups == levels {
                    named = if tail.starts_with('{') {
                        group_heads(tail)
                    } else {
                        vec![ident(tail)]
                    };
                }
            }
            for name in named {
                if let Some(to) = owner(name) {
                    if to != path[0] {
                        let line = code[..i].matches('\n').count() + 1;
                        graph
                            .entry(path[0].clone())
                            .or_default()
                            .entry(to)
                            .or_default()
                            .push(format!("{}:{line}", rel.display()));
                    }
                }
            }
            i += step;
            while i < bytes.len() && !code.is_char_boundary(i) {
                i += 1;
            }
        }
    }
    (modules, graph)
}

/// A circle of the graph, as the modules along it, first again at the end.
fn find_cycle(modules: &BTreeSet<String>, graph: &Graph) -> Option<Vec<String>> {
    // depth-first search with colours: 1 on the current path, 2 finished
    fn visit(
        m: &str,
        graph: &Graph,
        colour: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        colour.insert(m.to_string(), 1);
        path.push(m.to_string());
        for next in graph.get(m).into_iter().flat_map(|e| e.keys()) {
            match colour.get(next.as_str()) {
                Some(1) => {
                    let from = path.iter().position(|p| p == next).expect("on the path");
                    let mut cycle = path[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(next, graph, colour, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        colour.insert(m.to_string(), 2);
        None
    }
    let mut colour = BTreeMap::new();
    for m in modules {
        if !colour.contains_key(m) {
            if let Some(c) = visit(m, graph, &mut colour, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn top_level_modules_import_without_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (modules, graph) = import_graph(&src);
    // the reader must see the graph it checks: the pipeline reaches every stage
    let pipeline = graph
        .get("pipeline")
        .expect("the pipeline imports the stages");
    for stage in [
        "segment",
        "extract",
        "resolve",
        "claims",
        "align",
        "reconcile",
    ] {
        assert!(pipeline.contains_key(stage), "pipeline -> {stage} not seen");
    }
    if let Some(cycle) = find_cycle(&modules, &graph) {
        let mut msg = format!("import circle: {}\n", cycle.join(" -> "));
        for pair in cycle.windows(2) {
            let at = &graph[&pair[0]][&pair[1]];
            msg.push_str(&format!(
                "  {} -> {}: {}\n",
                pair[0],
                pair[1],
                at.join(", ")
            ));
        }
        panic!("{msg}");
    }
}

#[test]
fn a_circle_is_found_and_named() {
    let modules: BTreeSet<String> = ["a", "b", "c"].map(String::from).into();
    let mut graph = Graph::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a")] {
        graph
            .entry(from.into())
            .or_default()
            .insert(to.into(), vec![format!("{from}.rs:1")]);
    }
    assert_eq!(
        find_cycle(&modules, &graph),
        Some(["a", "b", "c", "a"].map(String::from).to_vec())
    );
    graph.get_mut("c").expect("c").clear();
    assert_eq!(find_cycle(&modules, &graph), None);
}

#[test]
fn comments_strings_and_doc_links_are_not_code() {
    let code = code_only(
        "/// see [`crate::x`]\nlet s = \"crate::y\"; // crate::z\nlet c = '\"'; let e = '\\''; fn f<'a>() {}\nuse crate::{w::V, q};",
    );
    assert!(!code.contains("crate::x") && !code.contains("crate::y") && !code.contains("crate::z"));
    assert!(code.contains("fn f<'a>()"));
    assert_eq!(group_heads("{w::V, q};"), ["w", "q"]);
}
