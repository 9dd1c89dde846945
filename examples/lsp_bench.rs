//! How fast `encyclint lsp` answers an edit, and whether its memory stays flat.
//!
//! ```text
//! cargo build --release && cargo run --release --example lsp_bench
//! cargo run --release --example lsp_bench -- [--edits N] [--timed N] [ARTICLE.md]
//! ```
//!
//! Starts the release binary (`target/release/encyclint lsp`) with the
//! article's directory as the workspace folder (default: the largest article
//! of `../shared/corpus/wiki/md`, so its titles are the index), opens the
//! article, then makes `--edits` edits (default 1,000) one at a time: insert a
//! word at the start of a line in the middle, then delete it again. Each
//! edit waits for the `publishDiagnostics` of its version. It reports the
//! time from sending `didChange` to receiving that publish over the first
//! `--timed` edits (default 200): median, p95 and max; and the server's
//! resident memory after the first publish and after the last edit.
//! docs/benchmarks.md records the figures.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a report on stdout

#[path = "../tests/support/lsp_client.rs"]
mod lsp_client;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_client::{Client, file_uri, rss_kib};
use serde_json::json;

fn largest_article(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .max_by_key(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut edits = 1000usize;
    let mut timed = 200usize;
    let mut article = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--edits" => edits = args.next().and_then(|n| n.parse().ok()).expect("--edits N"),
            "--timed" => timed = args.next().and_then(|n| n.parse().ok()).expect("--timed N"),
            _ => article = Some(PathBuf::from(a)),
        }
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let article = article
        .or_else(|| largest_article(&repo.join("../shared/corpus/wiki/md")))
        .expect("no article given and none in ../shared/corpus/wiki/md");
    let article = article.canonicalize().expect("the article exists");
    let exe = std::env::current_exe().expect("this example's path");
    // target/<profile>/examples/lsp_bench -> target/<profile>/encyclint
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("encyclint"))
        .filter(|b| b.is_file())
        .expect("no encyclint binary beside this example: run `cargo build --release` first");
    let text = std::fs::read_to_string(&article).expect("read the article");
    let root = article.parent().expect("a directory").to_path_buf();
    let uri = file_uri(&article);

    let mut c = Client::start(&bin, &root);
    let started = Instant::now();
    c.initialize(json!({"capabilities": {}, "workspaceFolders": [{"uri": file_uri(&root), "name": "corpus"}]}));
    c.open(&uri, "markdown", &text);
    let first = c.diagnostics(&uri);
    let open_time = started.elapsed();
    let findings = first["diagnostics"].as_array().map_or(0, Vec::len);
    let rss_start = rss_kib(c.pid());

    // Edit in the middle of the article: a line that starts a paragraph.
    let lines: Vec<&str> = text.split('\n').collect();
    let line = (lines.len() / 2..lines.len())
        .find(|&i| lines[i].chars().next().is_some_and(char::is_alphabetic))
        .unwrap_or(lines.len() / 2);
    let word = "Indeed ";
    let mut times = Vec::with_capacity(timed);
    for i in 0..edits {
        let version = i + 2;
        let change = if i % 2 == 0 {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": word})
        } else {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": word.len()}}, "text": ""})
        };
        let sent = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
        let published = c.diagnostics(&uri);
        let took = sent.elapsed();
        assert_eq!(
            published["version"], version,
            "a publish per edit, in order"
        );
        if i < timed {
            times.push(took);
        }
        c.seen.clear();
    }
    let rss_end = rss_kib(c.pid());
    let status = c.shutdown();
    assert_eq!(status.code(), Some(0), "the server exits cleanly");

    times.sort();
    let kib = |k: Option<u64>| {
        k.map_or_else(
            || "n/a".to_string(),
            |k| format!("{:.1} MB", k as f64 / 1024.0),
        )
    };
    println!(
        "article: {} ({} bytes, {} lines, {findings} findings); workspace {}",
        article.display(),
        text.len(),
        lines.len(),
        root.display()
    );
    println!(
        "open (initialize, workspace scan, first publish): {}",
        ms(open_time)
    );
    println!(
        "didChange -> publishDiagnostics over {} edits: median {}, p95 {}, max {}",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().expect("at least one edit")),
    );
    println!(
        "RSS: {} after the first publish, {} after {edits} edits",
        kib(rss_start),
        kib(rss_end)
    );
}
