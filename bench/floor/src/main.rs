//! The parse-only floor: discover `.md`/`.markdown` files under the given
//! directories, read each one and parse it with comrak using the options
//! encyclint's Markdown front end uses. Nothing is checked or printed except a
//! count, so `encyclint check` on the same files can be compared with the least
//! work any Markdown linter built on comrak must do.
//!
//! Usage: encyclint-floor [--threads N] [--walk seq|par] [--walk-only] DIR...

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use comrak::{Arena, Options, parse_document};

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.wikilinks_title_after_pipe = true;
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.footnotes = true;
    o.extension.front_matter_delimiter = Some("---".to_string());
    o
}

fn is_md(p: &std::path::Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

fn walk_seq(dirs: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in dirs {
        for e in ignore::WalkBuilder::new(d).require_git(false).build().flatten() {
            if e.file_type().is_some_and(|t| t.is_file()) && is_md(e.path()) {
                out.push(e.into_path());
            }
        }
    }
    out.sort();
    out
}

fn walk_par(dirs: &[String], threads: usize) -> Vec<PathBuf> {
    let found = Mutex::new(Vec::new());
    for d in dirs {
        ignore::WalkBuilder::new(d).require_git(false).threads(threads).build_parallel().run(|| {
            let found = &found;
            Box::new(move |e| {
                if let Ok(e) = e {
                    if e.file_type().is_some_and(|t| t.is_file()) && is_md(e.path()) {
                        found.lock().expect("lock").push(e.into_path());
                    }
                }
                ignore::WalkState::Continue
            })
        });
    }
    let mut out = found.into_inner().expect("lock");
    out.sort();
    out
}

fn main() {
    let mut threads = 1usize;
    let mut par_walk = false;
    let mut walk_only = false;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => threads = args.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1),
            "--walk" => par_walk = args.next().as_deref() == Some("par"),
            "--walk-only" => walk_only = true,
            _ => dirs.push(a),
        }
    }
    let t0 = Instant::now();
    let files = if par_walk { walk_par(&dirs, threads) } else { walk_seq(&dirs) };
    let walk = t0.elapsed();
    if walk_only {
        eprintln!("{} files walked in {:.1} ms ({})", files.len(), walk.as_secs_f64() * 1e3, if par_walk { "parallel" } else { "sequential" });
        return;
    }
    let next = AtomicUsize::new(0);
    let nodes = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let opts = options();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let Ok(text) = std::fs::read_to_string(path) else { continue };
                    let arena = Arena::new();
                    let root = parse_document(&arena, &text, &opts);
                    nodes.fetch_add(root.descendants().count(), Ordering::Relaxed);
                    bytes.fetch_add(text.len(), Ordering::Relaxed);
                }
            });
        }
    });
    println!("{} files, {} bytes, {} nodes", files.len(), bytes.into_inner(), nodes.into_inner());
}
