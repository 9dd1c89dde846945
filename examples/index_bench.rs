//! Lookup benchmark for the title index (issue 4).
//!
//! ```text
//! cargo run --release --example index_bench -- INDEX_OR_TITLES QUERIES [ALIASES]
//! ```
//! Prints load time, exact-resolution throughput over every query, and
//! suggestion throughput over the first 2,000 queries that do not resolve.
//! With `INDEX_ONCE=1`, a title list is loaded as `check` loads it for one
//! run (held in memory as read when it has no build in the cache).
//! `INDEX_DUMP=FILE` writes each query's answer instead (compare two dumps
//! with `cmp`).

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line example: it prints

use std::path::Path;
use std::time::Instant;

use encyclint::index::{self, TitleIndex};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: index_bench INDEX_OR_TITLES QUERIES [ALIASES]");
        std::process::exit(2);
    }
    let t = Instant::now();
    let mut ix = TitleIndex::new();
    let load = if std::env::var_os("INDEX_ONCE").is_some() {
        index::load_titles_once
    } else {
        index::load_titles
    };
    match load(Path::new(&args[1])) {
        Ok(l) => ix.push(l),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
    if let Some(a) = args.get(3) {
        ix.push(index::load_aliases(Path::new(a)).expect("aliases").0);
    }
    let load = t.elapsed();
    let mut queries = Vec::new();
    index::read_lines(Path::new(&args[2]), |l| queries.push(l.to_string())).expect("queries");

    if let Ok(dump) = std::env::var("INDEX_DUMP") {
        dump_answers(&ix, &queries, Path::new(&dump));
        return;
    }
    let t = Instant::now();
    let mut resolved = 0usize;
    let mut misses = Vec::new();
    for q in &queries {
        if ix.resolve(q).is_some() {
            resolved += 1;
        } else if misses.len() < 2000 {
            misses.push(q.clone());
        }
    }
    let lookups = t.elapsed();

    let t = Instant::now();
    let mut with_suggestion = 0usize;
    for q in &misses {
        if !ix.suggest(q, 3).is_empty() {
            with_suggestion += 1;
        }
    }
    let suggest = t.elapsed();
    let titles: u64 = ix.layers().iter().map(|l| l.titles).sum();
    let aliases: u64 = ix.layers().iter().map(|l| l.aliases).sum();
    println!(
        "index: {titles} titles, {aliases} redirects; load {:.3} s",
        load.as_secs_f64()
    );
    println!(
        "resolve: {} queries in {:.3} s = {:.0}/s ({resolved} resolved)",
        queries.len(),
        lookups.as_secs_f64(),
        queries.len() as f64 / lookups.as_secs_f64()
    );
    println!(
        "suggest: {} misses in {:.3} s = {:.0}/s ({with_suggestion} with a suggestion)",
        misses.len(),
        suggest.as_secs_f64(),
        misses.len() as f64 / suggest.as_secs_f64().max(1e-9)
    );
}

/// Every answer of the index to `queries`, one line each, into `path`: the
/// resolution of each query, and for those that do not resolve, the first ten
/// suggestions (for comparing two builds of the index answer by answer).
fn dump_answers(ix: &TitleIndex, queries: &[String], path: &Path) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("dump file"));
    for q in queries {
        match ix.resolve(q) {
            Some(r) => writeln!(out, "{q}\t{:?}\t{}", r.how, r.canonical),
            None => {
                let s: Vec<String> = ix
                    .suggest(q, 10)
                    .into_iter()
                    .map(|s| format!("{:?}={}", s.kind, s.title))
                    .collect();
                writeln!(out, "{q}\tnone\t{}", s.join("|"))
            }
        }
        .expect("write");
    }
}
