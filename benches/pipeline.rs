//! Per-article cost of each stage: parse, analyse (parse + facts), validate
//! (the policy schema on an analysed article) and the whole `lint`, on the seed
//! and on three real Wikipedia articles in both formats (`benches/data/`).
//!
//! Run with `cargo bench --bench pipeline`; `cargo bench --bench pipeline -- lint`
//! filters. Throughput is reported in bytes of article text.

use std::path::Path;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use encyclint::linter::{self, Context};
use encyclint::parse::{self, ParseOptions};
use encyclint::schema::Policy;
use encyclint::settings::Settings;
use encyclint::source::{Format, SourceFile};

const ARTICLES: &[&str] = &[
    "fixtures/defense-cooperation.txt",
    "benches/data/Bodmin.txt",
    "benches/data/Bodmin.md",
    "benches/data/Chemical_biology.txt",
    "benches/data/Chemical_biology.md",
    "benches/data/Anarchism.txt",
    "benches/data/Anarchism.md",
];

fn main() {
    divan::main();
}

fn source(path: &str) -> SourceFile {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
    let name = full
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .to_string();
    let format = Format::from_path(&name);
    SourceFile::new(name, text, format)
}

#[divan::bench(args = ARTICLES)]
fn parse(bencher: Bencher, path: &str) {
    let src = source(path);
    bencher
        .counter(BytesCount::new(src.text.len()))
        .bench(|| parse::parse(black_box(&src), &ParseOptions::default()));
}

#[divan::bench(args = ARTICLES)]
fn analyse(bencher: Bencher, path: &str) {
    let src = source(path);
    let settings = Settings::default();
    let policy = Policy::builtin();
    let cx = Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    bencher
        .counter(BytesCount::new(src.text.len()))
        .bench(|| linter::analyse(black_box(&src), &cx));
}

#[divan::bench(args = ARTICLES)]
fn validate(bencher: Bencher, path: &str) {
    let src = source(path);
    let settings = Settings::default();
    let policy = Policy::builtin();
    let cx = Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    let article = linter::analyse(&src, &cx);
    bencher.counter(BytesCount::new(src.text.len())).bench(|| {
        policy
            .check(black_box(&article), &src.text)
            .expect("built-in policy evaluates")
    });
}

#[divan::bench(args = ARTICLES)]
fn lint(bencher: Bencher, path: &str) {
    let src = source(path);
    let settings = Settings::default();
    let policy = Policy::builtin();
    let cx = Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    bencher
        .counter(BytesCount::new(src.text.len()))
        .bench(|| linter::lint(black_box(&src), &cx).expect("built-in policy evaluates"));
}
