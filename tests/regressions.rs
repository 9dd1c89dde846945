//! Replays, under plain `cargo test` on stable, every fuzz seed
//! (`fuzz/seeds/<target>/`) and every input a fuzz target ever crashed on
//! (`tests/regressions/<target>/`), through the very code the fuzz targets run
//! (`tests/common/mod.rs`). To keep a new crash: copy the artifact from
//! `fuzz/artifacts/<target>/` into `tests/regressions/<target>/` with a name
//! that says what it was, fix the bug, and this test guards it.

mod common;

use std::fs;
use std::path::Path;

use encyclint::source::Format;

fn replay(target: &str, body: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for dir in [
        root.join("fuzz/seeds").join(target),
        root.join("tests/regressions").join(target),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for f in files {
            let data = fs::read(&f).unwrap();
            if let Err(e) = std::panic::catch_unwind(|| body(&data)) {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_string()))
                    .unwrap_or_default();
                panic!("{target}: {} fails again: {msg}", f.display());
            }
            n += 1;
        }
    }
    n
}

#[test]
fn parse_text_inputs() {
    assert!(replay("parse_text", |d| common::fuzz_parse(d, Format::Text)) > 0);
}

#[test]
fn parse_markdown_inputs() {
    assert!(
        replay("parse_markdown", |d| common::fuzz_parse(
            d,
            Format::Markdown
        )) > 0
    );
}

#[test]
fn parse_wikitext_inputs() {
    assert!(
        replay("parse_wikitext", |d| common::fuzz_parse(
            d,
            Format::Wikitext
        )) > 0
    );
}

#[test]
fn check_file_inputs() {
    assert!(replay("check_file", common::fuzz_check_file) > 0);
}

#[test]
fn policy_schema_inputs() {
    assert!(replay("policy_schema", common::fuzz_policy_schema) > 0);
}
