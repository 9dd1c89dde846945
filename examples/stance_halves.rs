//! Stance figures on two halves of `fixtures/accuracy/stance-dev.tsv`, split
//! by a stable hash of the article name, so that errors can be studied on one
//! half (`a`) while the other (`b`) stays unread and measures what carries over.
//!
//! ```text
//! cargo run --release --example stance_halves            # P/R per side on a, b and all
//! cargo run --release --example stance_halves -- a       # also the misses of half a
//! cargo run --release --example stance_halves -- c       # also the misses of set c
//! ```
//! Set c (`fixtures/accuracy/stance-dev-c.tsv`, other articles, labelled in
//! session 16) is printed as its own line when it is there.
//! Prints no misses of half `b` unless asked (`-- b`): read them only to report.
//! Then the written debates (`fixtures/accuracy/debates-dev.tsv`) and set c of
//! them (`fixtures/accuracy/debates-c.tsv`, written blind to the rules and
//! inserted into real host articles), with the set-c cases not as expected.

#![allow(clippy::print_stdout)] // a report on stdout

#[path = "../tests/support/accuracy.rs"]
mod accuracy;

use encyclint::source::Format;

fn main() {
    let show: Option<char> = std::env::args()
        .nth(1)
        .and_then(|a| a.chars().next())
        .filter(|c| matches!(c, 'a' | 'b' | 'c'));
    let rows = accuracy::stance_rows();
    // Set c (session 16): other articles, labelled apart, read while designing.
    let set_c = accuracy::stance_rows_of("stance-dev-c.tsv").unwrap_or_default();
    let sets = [
        ("a", Some('a')),
        ("b", Some('b')),
        ("all", None),
        ("c", Some('c')),
    ];
    for (label, pick) in sets {
        let part: Vec<_> = if pick == Some('c') {
            set_c.clone()
        } else {
            rows.iter()
                .filter(|r| pick.is_none_or(|h| accuracy::stance_half(&r.article) == h))
                .cloned()
                .collect()
        };
        if part.is_empty() {
            continue;
        }
        let n_articles = part
            .iter()
            .map(|r| r.article.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let st = accuracy::stance_report(&part);
        let mut line = format!(
            "Stance {} {label} ({} sentences, {n_articles} articles):",
            if pick == Some('c') { "set" } else { "half" },
            part.len()
        );
        for side in ["pro", "con"] {
            let (p, r) = st.of(side);
            line.push_str(&format!(" {side} P {p:.3} R {r:.3};"));
        }
        println!("{line}");
        if pick.is_some() && pick == show {
            for (want, got, actor, s) in &st.misses {
                println!("  {want}->{got} [{actor}] {s}");
            }
        }
    }
    // The balance acceptance on the written debates, as `examples/accuracy.rs`
    // counts it: B001 on one-sided criticism, B003 on a last word, none of
    // B001-B003 on a balanced section.
    let table = accuracy::debate_table();
    for (kind, (ok, n)) in table {
        println!("Debates, {kind}: {ok} of {n} as expected");
    }
    // Set c: written blind to the rules, each inserted into a real host
    // article (`../shared/corpus/wiki`), in both formats.
    // Set d: written blind like set c, and never read: its figures only,
    // unless asked (`-- d`), which spends it.
    for (name, format) in [("md", Format::Markdown), ("txt", Format::Text)] {
        let Some((table, wrong)) = accuracy::hosted_table(&accuracy::debates_d(), format) else {
            break;
        };
        for (kind, (ok, n)) in table {
            println!("Debates d ({name}), {kind}: {ok} of {n} as expected");
        }
        if std::env::args().nth(1).as_deref() == Some("d") {
            for (case, codes) in wrong {
                println!("  {case}: {}", codes.join(","));
            }
        }
    }
    for (name, format) in [("md", Format::Markdown), ("txt", Format::Text)] {
        let Some((table, wrong)) = accuracy::debate_c_table(format) else {
            println!("Debates c: ../shared/corpus/wiki not found");
            return;
        };
        for (kind, (ok, n)) in table {
            println!("Debates c ({name}), {kind}: {ok} of {n} as expected");
        }
        // The odd cases are the half read while designing, the even the unread.
        let odd = |case: &str| {
            case.rsplit('-')
                .next()
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n % 2 == 1)
        };
        let read = wrong.iter().filter(|(c, _)| odd(c)).count();
        println!(
            "Debates c ({name}): not as expected {read} of 30 in the read half (odd), {} of 30 in the unread half (even)",
            wrong.len() - read
        );
        for (case, codes) in wrong {
            println!(
                "  {case}: {}",
                if codes.is_empty() {
                    "-".to_string()
                } else {
                    codes.join(",")
                }
            );
        }
    }
}
