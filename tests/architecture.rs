//! The layering of `src/` as ARCHITECTURE.md states it, checked on the source.
//!
//! A module may name (`crate::x`, in code, tests or docs) only modules of its
//! own layer or below, and two modules of one layer may not name each other.
//! Every top-level module must have a layer, so a new one cannot slip past.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom-up; the same list as ARCHITECTURE.md's "Layers".
const LAYERS: &[&[&str]] = &[
    &["span", "source", "diagnostic", "text", "guard"],
    &["model", "settings", "index"],
    &["parse"],
    &["analysis"],
    &["rules", "schema"],
    &["linter", "suppress"],
    &["fix", "baseline", "config", "report"],
    &["session"],
    &["cli", "lsp", "python"],
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for e in entries {
            rust_files(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// Top-level modules and the files of each.
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    let mut out = BTreeMap::new();
    for e in fs::read_dir(src()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || name == "main" {
            continue;
        }
        let mut files = Vec::new();
        rust_files(&p, &mut files);
        out.entry(name).or_insert_with(Vec::new).extend(files);
    }
    out
}

/// Every `crate::name` written in `text`.
fn named(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        out.insert(name);
    }
    out
}

#[test]
fn every_module_has_a_layer() {
    for name in modules().keys() {
        assert!(
            layer_of(name).is_some(),
            "src/{name} has no layer: add it to LAYERS here and in ARCHITECTURE.md"
        );
    }
}

#[test]
fn layers_are_one_way() {
    let mods = modules();
    let mut edges: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut upward = Vec::new();
    for (m, files) in &mods {
        let Some(lm) = layer_of(m) else { continue };
        for f in files {
            let text = fs::read_to_string(f).unwrap();
            for target in named(&text) {
                let Some(lt) = layer_of(&target) else {
                    continue;
                };
                if target == *m {
                    continue;
                }
                let at = f.strip_prefix(src()).unwrap().display().to_string();
                if lt > lm {
                    upward.push(format!(
                        "src/{at} names crate::{target} (a layer above {m})"
                    ));
                }
                edges.entry((m.clone(), target)).or_insert(at);
            }
        }
    }
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
    let mut cycles = Vec::new();
    for ((a, b), at) in &edges {
        if layer_of(a) == layer_of(b)
            && a < b
            && let Some(back) = edges.get(&(b.clone(), a.clone()))
        {
            cycles.push(format!("{a} <-> {b} (src/{at}, src/{back})"));
        }
    }
    assert!(
        cycles.is_empty(),
        "cycles within a layer:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn lines_are_counted_only_by_line_index() {
    // `str::lines` ignores a lone `\r`, and counting `\n` ignores it too: article
    // text is split by `text::lines` and positioned by `span::LineIndex`. The
    // files below split compiled-in data or doc strings, never articles.
    const ALLOWED: &[&str] = &["text/tsv.rs", "rules/mod.rs"];
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut bad = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(src())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.contains(&rel.as_str()) || rel == "span.rs" {
            continue;
        }
        let text = fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains(".lines()") || line.contains("matches('\\n')") {
                bad.push(format!("src/{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "line counting outside LineIndex:\n{}",
        bad.join("\n")
    );
}
