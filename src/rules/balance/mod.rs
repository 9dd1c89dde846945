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
/// How the balance rules read a section (see [`judged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Judged {
    /// Not a debate about the subject: narrative, a named historical dispute,
    /// a section given to one viewpoint by design. No balance finding.
    No,
    /// A debate its heading announces: criticism and replies, for and against.
    Debate,
    /// A debate read from the content alone (mostly exchanges, or criticism
    /// the heading does not announce): the whole section is judged, not its
    /// paragraphs one by one, since its heading names another topic.
    Content,
    /// Reviews and reactions (`Reception`, `Critical response`, `Legacy`):
    /// the due weight of reviews is the critical consensus, which the text
    /// states and a word count does not see, so B002 leaves them alone; B001
    /// and B003 still read them (a panned work whose section quotes only the
    /// pans, or where every exchange ends with one side).
    Reception,
}

/// Heading words that announce criticism or a debate about the subject: the
/// words that make a section a controversy section, and the participles.
fn is_debate_word(w: &str) -> bool {
    crate::parse::DEBATE_HEADING_WORDS.contains(&w) || matches!(w, "criticized" | "criticised")
}

/// Heading words of reviews and reactions.
const RECEPTION_WORDS: &[&str] = &[
    "reception",
    "reviews",
    "review",
    "response",
    "responses",
    "reaction",
    "reactions",
    "legacy",
    "assessment",
    "assessments",
    "evaluation",
    "appraisal",
    "acclaim",
];

/// Words a heading may add to the cue without naming a topic or a viewpoint of
/// its own (`Critical reception`, `Criticism and response`, `Reception of the film`).
const PLAIN_HEADING_WORDS: &[&str] = &[
    "and",
    "of",
    "the",
    "its",
    "his",
    "her",
    "their",
    "to",
    "in",
    "for",
    "against",
    "s",
    "a",
    "an",
    "critical",
    "public",
    "popular",
    "initial",
    "contemporary",
    "later",
    "subsequent",
    "modern",
    "general",
    "early",
    "other",
    "major",
    "further",
    "recent",
    "praise",
    "support",
    "impact",
    "influence",
    "commentary",
    "analysis",
    "arguments",
    "pros",
    "cons",
    "views",
    "issues",
    "concerns",
    "allegations",
    "film",
    "book",
    "novel",
    "play",
    "album",
    "game",
    "series",
    "show",
    "act",
    "law",
    "theory",
    "policy",
    "plan",
    "company",
    "church",
    "movement",
    "organization",
    "organisation",
    "party",
    "government",
    "program",
    "programme",
    "project",
    "treaty",
    "bill",
    "work",
    "works",
    "song",
    "single",
    "episode",
    "season",
    "band",
    "group",
    "character",
    "design",
    "product",
    "system",
    "practice",
    "practices",
    "method",
    "ideas",
];

/// Whether the balance rules judge section `s`, and how. A section is judged
/// only when it is a debate about the article's subject:
///
/// - its heading is a bare criticism, controversy or reception cue, possibly
///   with the subject's name or a plain qualifier (`Criticism`, `Critical
///   reception`, `Criticism of Wikipedia`), and at least two of its sentences
///   are attributed to a side;
/// - or, whatever its heading, most of its blocks are exchanges between the
///   sides, or (for a heading that names no topic) three or more sentences take
///   a side, two of them against the subject, a third of the section; these
///   count only the voices read from a predicate with a side, not those read
///   from what is reported or from the flow of the text.
///
/// A heading that names a topic or a viewpoint (`Eutychian controversy`,
/// `Socialist critique`, `Opposition to evolution`, `Effects of poor reception`)
/// is not a debate about the subject by its heading: such a section reports a
/// historical dispute or one side's position, by design.
pub(crate) fn judged(s: &Section, title: &str) -> Judged {
    let f = &s.facts.balance;
    if !f.controversy {
        return Judged::No;
    }
    // A parenthesis qualifies the heading (`Controversies and debates (from
    // a pragmatic defender's perspective)`, which B004 reports); the words
    // outside it say what the section is.
    let mut h = String::new();
    let mut depth = 0usize;
    for c in s.heading.text.to_lowercase().chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => h.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let t = title.to_lowercase();
    let title_words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let debate = words.iter().any(|w| is_debate_word(w));
    let reception = !debate && words.iter().any(|w| RECEPTION_WORDS.contains(w));
    let plain = words.iter().all(|w| {
        is_debate_word(w)
            || RECEPTION_WORDS.contains(w)
            || PLAIN_HEADING_WORDS.contains(w)
            || title_words.contains(w)
    });
    let by_heading = s.kind == crate::model::SectionKind::Controversy && plain;
    let mut strong = crate::model::BalanceFacts::default();
    for b in &s.blocks {
        strong.add(&crate::analysis::balance::block_facts_where(b, |v| !v.weak));
    }
    let sentences: usize = s.blocks.iter().map(|b| b.sentences().len()).sum();
    let mostly_exchanges = strong.exchanges >= 2 && strong.exchanges * 2 > s.blocks.len();
    let criticised = plain
        && strong.attributed_sentences >= 3
        && strong.con_sentences >= 2
        && strong.attributed_sentences * 3 >= sentences;
    if by_heading && f.attributed_sentences >= 2 {
        if reception {
            Judged::Reception
        } else {
            Judged::Debate
        }
    } else if mostly_exchanges || criticised {
        Judged::Content
    } else {
        Judged::No
    }
}

/// Whether a heading announces criticism (`Criticism`, `Criticisms of X`,
/// `Critique`, `Opposition`) rather than a debate or a controversy.
pub(crate) fn criticism_heading(heading: &str) -> bool {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            matches!(
                w,
                "criticism" | "criticisms" | "critique" | "critiques" | "opposition"
            )
        })
}

/// Sentences in the article's own voice that answer the side before them
/// (`However, the game has no scoring system ...` after the critics), or with
/// no side read that deny or defend (`The accusation was denied by the
/// team's management`, `Capcom has defended the practice`), counted
/// for the other side: (pro sentences, pro words, con sentences, con words).
/// The side before is carried across the blocks of the section.
pub(crate) fn own_voice_replies(s: &Section) -> (usize, usize, usize, usize) {
    let mut out = (0, 0, 0, 0);
    let mut last: Option<crate::model::Stance> = None;
    for b in &s.blocks {
        for sent in b.sentences() {
            if let Some(v) = sent.voices().last() {
                last = Some(v.stance);
                continue;
            }
            let Some(before) = last else { continue };
            if !opens_with_contrast(&sent.text) && !rebuts(&sent.text) {
                continue;
            }
            let n = sent.text.split_whitespace().count();
            match before.other() {
                crate::model::Stance::Pro => {
                    out.0 += 1;
                    out.1 += n;
                }
                crate::model::Stance::Con => {
                    out.2 += 1;
                    out.3 += n;
                }
            }
            last = Some(before.other());
        }
    }
    out
}

/// Verbs of an answer: `The accusation was denied by the management`,
/// `Capcom has defended the practice`, `the FIA declared ...` is not one.
const REBUTTALS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "defended",
    "defends",
    "defend",
    "defending",
    "rebutted",
    "rebuts",
    "refuted",
    "refutes",
    "countered",
    "counters",
    "responded",
    "responds",
    "replied",
    "replies",
    "retorted",
    "disputed",
    "disputes",
    "contested",
    "contests",
];

/// Whether a sentence with no side of its own answers the one before with a
/// verb of denial or defence.
fn rebuts(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| REBUTTALS.contains(&w.to_lowercase().as_str()))
}

/// Whether a sentence opens with a word that sets it against the one before.
fn opens_with_contrast(text: &str) -> bool {
    let lower = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    const OPENERS: &[&str] = &[
        "however",
        "but",
        "yet",
        "nevertheless",
        "nonetheless",
        "in fact",
        "in response",
        "in reply",
        "conversely",
        "by contrast",
        "in contrast",
        "on the other hand",
        "despite this",
        "despite these",
        "despite the criticism",
        "even so",
        "still",
    ];
    // Whole words: `even so`, not `even some`; `still,` only before its comma.
    OPENERS.iter().any(|o| {
        lower.strip_prefix(o).is_some_and(|rest| {
            let next = rest.chars().next();
            if *o == "still" {
                next == Some(',')
            } else {
                next.is_none_or(|c| !c.is_alphanumeric())
            }
        })
    })
}

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
            .map(|d| (lines.line_col(text, d.span.start()).line, d))
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
        assert_fires(Format::Text, SEED, "B001", 31);
        assert_fires(Format::Text, SEED, "B002", 26);
        assert_eq!(d.labels.len(), 4);
        let d = assert_fires(Format::Text, SEED, "B005", 2);
        assert!(
            d.message.contains("`the practical record is that`"),
            "{}",
            d.message
        );
    }
}

#[cfg(test)]
mod reply_tests {
    use super::opens_with_contrast;

    #[test]
    fn contrast_openers_are_whole_words() {
        assert!(opens_with_contrast("However, the plan works."));
        assert!(opens_with_contrast("Even so, sales rose."));
        assert!(opens_with_contrast("Still, it sold well."));
        assert!(opens_with_contrast("\"But it works,\" he said."));
        assert!(!opens_with_contrast("Even some colleagues turned on him."));
        assert!(!opens_with_contrast("Still photographs were taken."));
        assert!(!opens_with_contrast("Butter was sold."));
        assert!(!opens_with_contrast("Yesterday it rained."));
        assert!(super::rebuts(
            "The accusation was denied by the management."
        ));
        assert!(super::rebuts("Capcom has defended the practice."));
        assert!(!super::rebuts(
            "The FIA declared that the figure was permitted."
        ));
    }
}
