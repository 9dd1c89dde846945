//! Balance rules (B): pro/con coverage of debates.
//!
//! They read the facts of [`crate::analysis::balance`] (voices of sentences,
//! tallies per section and article); B004 and B005 read heading and sentence
//! text the model gives them.

pub mod editorializing;
pub mod last_word_asymmetry;
pub mod one_sided_debate;
pub mod pov_heading;
pub mod unbalanced_coverage;

use crate::analysis::balance::block_voices;
use crate::model::{Block, Section};
use crate::span::Span;

/// `item `Label``, `paragraph` or `entry` for messages.
pub(crate) fn block_name(b: &Block) -> String {
    match b {
        Block::Item(i) => match &i.label {
            Some(l) => format!("item `{l}`"),
            None => "list entry".to_string(),
        },
        Block::Paragraph(_) => "paragraph".to_string(),
    }
}

/// Where to point at a block: its label, else its span.
pub(crate) fn block_anchor(b: &Block) -> Span {
    match b {
        Block::Item(i) => i.label_span.unwrap_or(i.span),
        Block::Paragraph(p) => p.span,
    }
}

/// Up to `n` distinct cues of a section's voices of one side, quoted, in order.
pub(crate) fn cue_list(s: &Section, side: crate::model::Stance, n: usize) -> String {
    let mut seen: Vec<String> = Vec::new();
    for b in &s.blocks {
        for (_, v) in block_voices(b) {
            if v.stance == side && !seen.contains(&v.cue.text) {
                seen.push(v.cue.text.clone());
            }
        }
    }
    let more = seen.len().saturating_sub(n);
    let mut out: Vec<String> = seen.into_iter().take(n).map(|c| format!("`{c}`")).collect();
    if more > 0 {
        out.push(format!("{more} more"));
    }
    out.join(", ")
}

/// `1 sentence`, `3 sentences`.
pub(crate) fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::diagnostic::Diagnostic;
    use crate::settings::Settings;
    use crate::source::Format;
    use crate::span::LineIndex;

    /// Check `text` and keep the diagnostics of `code`, with their 1-based lines.
    pub fn findings(format: Format, text: &str, code: &str) -> Vec<(usize, Diagnostic)> {
        let lines = LineIndex::new(text);
        crate::rules::testing::check(format, text, None, &Settings::default())
            .into_iter()
            .filter(|d| d.code == code)
            .map(|d| (lines.line_col(text, d.span.offset).line, d))
            .collect()
    }

    #[track_caller]
    pub fn assert_fires(format: Format, text: &str, code: &str, line: usize) -> Diagnostic {
        let f = findings(format, text, code);
        let hit = f.iter().find(|(l, _)| *l == line);
        assert!(
            hit.is_some(),
            "{code} should fire on line {line}; got {:?}",
            f.iter().map(|(l, d)| (l, &d.message)).collect::<Vec<_>>()
        );
        hit.map(|(_, d)| d.clone()).expect("checked above")
    }

    #[track_caller]
    pub fn assert_clean(format: Format, text: &str, code: &str) {
        let f = findings(format, text, code);
        assert!(
            f.is_empty(),
            "{code} should not fire; got {:?}",
            f.iter().map(|(l, d)| (l, &d.message)).collect::<Vec<_>>()
        );
    }
}

#[cfg(test)]
mod seed_tests {
    use super::test_support::assert_fires;
    use crate::source::Format;

    const SEED: &str = include_str!("../../../fixtures/defense-cooperation.txt");

    #[test]
    fn the_seed_shows_what_the_issue_asks() {
        assert_fires(Format::Text, SEED, "B004", 26);
        let d = assert_fires(Format::Text, SEED, "B003", 26);
        assert!(
            d.message
                .contains("the proponents have the last word in 4 of 4 exchanges"),
            "{}",
            d.message
        );
        assert!(d.message.contains("7 of 7 in the article"), "{}", d.message);
        assert_eq!(d.labels.len(), 4);
        let d = assert_fires(Format::Text, SEED, "B005", 2);
        assert!(
            d.message.contains("`the practical record is that`"),
            "{}",
            d.message
        );
    }
}
