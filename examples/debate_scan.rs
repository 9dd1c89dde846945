//! Every sentence of the debate-like sections (criticism, reception,
//! controversy, legacy, response, ...) of a directory of Markdown articles, with
//! the side the analysis reads: unlabelled real text to find classes of misses
//! in. One TSV line a sentence: article, heading, side (`pro`/`con`/`none`),
//! the voices (`side[actor|cue]`), the sentence.
//!
//! ```text
//! cargo run --release --example debate_scan -- /tmp/enwiki/md/enwiki_wx > scan.tsv
//! ```
//! Articles of the held-out half `b` of `fixtures/accuracy/stance-dev.tsv` are
//! left out, so that their sentences stay unread.

#![allow(clippy::print_stdout)] // a report on stdout

#[path = "../tests/support/accuracy.rs"]
mod accuracy;

use encyclint::model::Stance;
use encyclint::settings::Settings;
use encyclint::source::{Format, SourceFile};

const HEADINGS: &[&str] = &[
    "critic",
    "reception",
    "controvers",
    "legacy",
    "response",
    "reaction",
    "debate",
    "opposition",
    "assessment",
    "evaluation",
    "dispute",
    "review",
    "impact",
    "influence",
    "appraisal",
    "allegation",
    "scandal",
];

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_default();
    let labelled = std::fs::read_to_string("fixtures/accuracy/stance-dev.tsv").unwrap_or_default();
    let held: std::collections::BTreeSet<&str> = labelled
        .lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|a| accuracy::stance_half(a) == 'b')
        .collect();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    for path in names {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let src = SourceFile::new("a.md", text, Format::Markdown);
        let a = encyclint::analysis::article(&src, None, &Settings::default());
        let title = a.title.as_ref().map_or("", |t| t.text.as_str()).to_string();
        if held.contains(title.as_str()) {
            continue;
        }
        for s in a.sections_flat() {
            let h = s.heading.text.to_lowercase();
            if !HEADINGS.iter().any(|w| h.contains(w)) {
                continue;
            }
            for b in &s.blocks {
                for sen in b.sentences() {
                    let side = match sen.stance() {
                        Some(Stance::Pro) => "pro",
                        Some(Stance::Con) => "con",
                        None => "none",
                    };
                    let vs: Vec<String> = sen.voices().iter().map(accuracy::voice_tag).collect();
                    println!(
                        "{title}\t{}\t{side}\t{}\t{}",
                        s.heading.text,
                        vs.join(" "),
                        sen.text.replace(['\n', '\t'], " ")
                    );
                }
            }
        }
    }
}
