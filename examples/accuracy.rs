//! How well encyclint reads real text: `See` targets on the FOLDOC set and
//! plain-text headings against Markdown, with the misses grouped by class.
//!
//! ```text
//! cargo run --release --example accuracy            # figures and up to 8 misses per class
//! cargo run --release --example accuracy -- --all   # every miss
//! ```
//! The heading figures need `../shared` beside the checkout. docs/accuracy.md
//! explains the sets and records the figures.

#![allow(clippy::print_stdout)] // a report on stdout

#[path = "../tests/support/accuracy.rs"]
mod accuracy;
#[path = "../tests/support/headings.rs"]
mod headings;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `--dump-headings FILE`: one JSON line per benchmark pair (name, the
    // plain-text headings, the Markdown ones) for grouping misses offline.
    if let Some(path) = args
        .iter()
        .position(|a| a == "--dump-headings")
        .and_then(|i| args.get(i + 1))
    {
        dump_headings(path);
        return;
    }
    let all = args.iter().any(|a| a == "--all");
    let show = if all { usize::MAX } else { 8 };
    let rows = accuracy::foldoc_rows();
    let index = accuracy::foldoc_index();
    for (label, ix) in [
        ("without an index", None),
        ("with FOLDOC's headwords as the index", Some(&index)),
    ] {
        let r = accuracy::see_report(&rows, ix);
        println!(
            "See targets, {label}: recall {:.3}, precision {:.3}, {} of {} sentences exact",
            r.recall(),
            r.precision(),
            r.exact,
            r.sentences
        );
        for (class, misses) in r.by_class() {
            println!("  {class:?}: {}", misses.len());
            for m in misses.iter().take(show) {
                println!(
                    "    {:?}\n      want {:?}\n      got  {:?}",
                    m.row.sentence,
                    m.row
                        .targets
                        .iter()
                        .map(|a| a[0].as_str())
                        .collect::<Vec<_>>(),
                    m.got
                );
            }
        }
    }
    let st = accuracy::stance_report(&accuracy::stance_rows());
    for side in ["pro", "con"] {
        let (p, r) = st.of(side);
        println!("Stance, {side}: precision {p:.3}, recall {r:.3}");
    }
    let mut by: std::collections::BTreeMap<(String, String), Vec<_>> = Default::default();
    for m in &st.misses {
        by.entry((m.0.clone(), m.1.clone())).or_default().push(m);
    }
    for ((want, got), ms) in &by {
        println!("  labelled {want}, read {got}: {}", ms.len());
        for m in ms.iter().take(show) {
            println!(
                "    [{}] {}",
                m.2,
                m.3.chars().take(160).collect::<String>()
            );
        }
    }
    let mut table: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for d in accuracy::debates() {
        let codes = accuracy::debate_findings(&d);
        let ok = accuracy::debate_as_expected(&d, &codes);
        let e = table.entry(d.kind.clone()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
        if !ok && show > 8 {
            println!("  debate {} ({}) got {:?}", d.case, d.kind, codes);
        }
    }
    for (kind, (ok, n)) in table {
        println!("Debates, {kind}: {ok} of {n} as expected");
    }
    let wr = accuracy::watch_report(&accuracy::watch_rows());
    println!(
        "Words to watch: recall {:.3} over {} flaggable sentences; flagged neutral: hard {:.3}, plain {:.3}",
        wr.recall_all(),
        wr.recall.iter().map(|r| r.1).sum::<usize>(),
        wr.false_rate("hard"),
        wr.false_rate("plain")
    );
    for (cat, n, f) in &wr.recall {
        println!("  {cat}: {f} of {n}");
    }
    for (group, cats, s) in wr
        .false_alarms
        .iter()
        .take(if all { usize::MAX } else { 20 })
    {
        println!(
            "  false alarm ({group}) {cats:?}: {}",
            s.chars().take(150).collect::<String>()
        );
    }
    if all {
        for (cat, s) in &wr.misses {
            println!(
                "  missed ({cat}): {}",
                s.chars().take(150).collect::<String>()
            );
        }
    }
    let sets = [
        ("the 147 shared wiki pairs", accuracy::wiki_pairs()),
        (
            "the first 600 benchmark pairs",
            accuracy::benchmark_pairs(Some(600)),
        ),
        (
            "all 3,210 benchmark pairs",
            if all {
                accuracy::benchmark_pairs(None)
            } else {
                None
            },
        ),
    ];
    for (label, pairs) in sets {
        let Some(pairs) = pairs else {
            println!("Headings, {label}: not measured (../shared missing, or --all not given)");
            continue;
        };
        let mut r = accuracy::HeadingReport::default();
        for (name, txt, md) in &pairs {
            r.add(name, txt, md);
        }
        println!(
            "Headings, {label}: {} of {} identical ({:.1}%); {} more differ only by a licence \
             notice and {} more only by a `See` hatnote the Markdown marks as a heading ({} of \
             {}, {:.1}%, without them)",
            r.identical,
            r.pairs,
            100.0 * r.rate(),
            r.notice_only,
            r.hatnote_only,
            r.identical + r.notice_only + r.hatnote_only,
            r.pairs,
            100.0 * r.rate_without_notices()
        );
        let mut by: std::collections::BTreeMap<_, Vec<_>> = std::collections::BTreeMap::new();
        for m in &r.misses {
            by.entry(m.class).or_default().push(m);
        }
        for (class, misses) in by {
            println!("  {class:?}: {}", misses.len());
            for m in misses.iter().take(show) {
                println!(
                    "    {}: extra {:?} missing {:?}",
                    m.name, m.extra, m.missing
                );
            }
        }
    }
    match headings::report() {
        None => println!("Headings (hand-adjudicated): not measured (../shared missing)"),
        Some(r) => {
            for (half, f) in &r.by_half {
                println!(
                    "Headings (hand-adjudicated), {half}: {} of {} articles exact ({:.1}%), precision {:.3}, recall {:.3}",
                    f.exact,
                    f.articles,
                    100.0 * f.rate(),
                    f.precision(),
                    f.recall()
                );
            }
            if let (Some(d), Some(h)) = (r.by_half.get("dev"), r.by_half.get("held")) {
                let f = d.plus(*h);
                println!(
                    "Headings (hand-adjudicated), first 120 (dev and held): {} of {} articles exact ({:.1}%), precision {:.3}, recall {:.3}",
                    f.exact,
                    f.articles,
                    100.0 * f.rate(),
                    f.precision(),
                    f.recall()
                );
            }
            // Misses of the dev halves only, unless --all: the held halves are
            // for measuring, not for designing.
            for m in r.misses.iter().filter(|m| all || m.half.starts_with("dev")) {
                println!(
                    "  [{}] {}:{} {} {:?}",
                    m.half,
                    m.name,
                    m.line,
                    if m.extra { "extra" } else { "missing" },
                    m.text
                );
            }
        }
    }
}

/// Every benchmark pair's headings, one JSON line each, to `path`.
fn dump_headings(path: &str) {
    use encyclint::source::Format;
    let Some(pairs) = accuracy::benchmark_pairs(None) else {
        println!("../shared missing");
        return;
    };
    let mut out = String::new();
    for (name, txt, md) in &pairs {
        let row = serde_json::json!({
            "name": name,
            "txt": accuracy::headings(txt, Format::Text),
            "md": accuracy::headings(md, Format::Markdown),
        });
        out.push_str(&row.to_string());
        out.push('\n');
    }
    if let Err(e) = std::fs::write(path, out) {
        println!("{path}: {e}");
    }
}
