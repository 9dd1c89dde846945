//! B004 pov-heading.

use std::sync::LazyLock;

use crate::declare_rule;

use crate::rules::{Findings, RuleContext};
use crate::span::Span;
use crate::text::{Tok, tokenize, tsv_rows};

declare_rule! {
    /// ## What it does
    /// Flags a heading that announces whose side a section takes, such as `(from a pragmatic defender's perspective)` or `The case for ...`.
    ///
    /// Patterns (in `data/pov-headings.tsv`): `from a/an/the/my/our ... perspective`
    /// (also `point of view`, `viewpoint`, `standpoint`) inside parentheses or opening the
    /// heading; and headings, or their parenthetical, that open with `The case for`, `The
    /// case against`, `In defense of`, `Criticism from`, `The truth about`, `Debunking`.
    ///
    /// ## Why is this bad?
    /// A heading that adopts a perspective tells the reader the section argues rather
    /// than describes. Headings should name the topic neutrally; views are attributed in
    /// the text, to the people who hold them.
    ///
    /// ## Example
    /// ```text
    /// Controversies and debates (from a pragmatic defender's perspective)
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Controversies and debates
    /// ```
    ///
    /// ## How to fix
    /// Drop the qualifier, or rename the section after its topic; attribute the
    /// perspective inside the section.
    ///
    /// ## Options
    /// None; the patterns live in `data/pov-headings.tsv`, each with its source.
    ///
    /// ## Guideline
    /// WP:NPOV; WP:STRUCTURE; MOS:HEADINGS (headings should be neutral); MOS:EDITORIAL.
    pub PovHeading {
        code: "B004",
        name: "pov-heading",
        family: Balance,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

const POV_HEADINGS: &str = include_str!("../../../data/pov-headings.tsv");

struct Patterns {
    perspective: Vec<Vec<String>>,
    openers: Vec<Vec<String>>,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let mut p = Patterns {
        perspective: Vec::new(),
        openers: Vec::new(),
    };
    for row in tsv_rows(POV_HEADINGS) {
        let [kind, phrase, ..] = row[..] else {
            continue;
        };
        let w: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        match kind {
            "perspective" => p.perspective.push(w),
            "opener" => p.openers.push(w),
            _ => {}
        }
    }
    p
});

fn starts_with(toks: &[Tok], i: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && phrase
            .iter()
            .enumerate()
            .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.word && t.lower == *w))
}

const DETERMINERS: &[&str] = &["a", "an", "the", "my", "our", "his", "her", "their", "its"];

/// A `from a ... perspective` phrase starting at token `i`: the index of its last token.
fn perspective_at(toks: &[Tok], i: usize) -> Option<usize> {
    if !(toks[i].word && toks[i].lower == "from") {
        return None;
    }
    if !toks
        .get(i + 1)
        .is_some_and(|t| t.word && DETERMINERS.contains(&t.lower.as_str()))
    {
        return None;
    }
    for k in i + 2..toks.len().min(i + 8) {
        if !toks[k].word {
            return None;
        }
        if let Some(p) = PATTERNS
            .perspective
            .iter()
            .find(|p| starts_with(toks, k, p))
        {
            return Some(k + p.len() - 1);
        }
    }
    None
}

/// The byte range of the point-of-view phrase in a heading, if any.
#[must_use]
pub fn pov_phrase(heading: &str) -> Option<(usize, usize)> {
    let toks = tokenize(heading);
    let first_word = toks.iter().position(|t| t.word)?;
    // Starts of the heading proper and of each parenthetical.
    let mut starts = vec![(first_word, None)];
    for (i, t) in toks.iter().enumerate() {
        if !t.word && t.lower == "(" {
            let close = toks[i..]
                .iter()
                .position(|c| !c.word && c.lower == ")")
                .map(|c| i + c);
            starts.push((i + 1, Some((i, close))));
        }
    }
    for (at, paren) in starts {
        if at >= toks.len() {
            continue;
        }
        let hit_end = perspective_at(&toks, at).or_else(|| {
            PATTERNS
                .openers
                .iter()
                .find(|p| starts_with(&toks, at, p))
                .map(|p| at + p.len() - 1)
        });
        if let Some(end) = hit_end {
            return Some(match paren {
                Some((open, Some(close))) => (toks[open].start, toks[close].end),
                _ => (toks[at].start, toks[end].end),
            });
        }
    }
    None
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    for s in cx.article.sections_flat() {
        let h = &s.heading;
        let base = h.text_span.clamp_to(&cx.source.text);
        let text = base.slice(&cx.source.text);
        let Some((a, b)) = pov_phrase(text) else {
            continue;
        };
        let span = Span::new(base.start() + a, base.start() + b);
        let phrase = span.slice(&cx.source.text);
        out.push(
            PovHeading::META
                .diag(
                    span,
                    format!("heading `{}` declares a point of view: `{phrase}`", h.text),
                )
                .with_label("a side, not a topic")
                .with_help("name the topic neutrally and attribute views inside the section"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::pov_phrase;
    use crate::rules::balance::test_support::{assert_clean, assert_fires};
    use crate::source::Format;

    #[test]
    fn phrases() {
        let h = "Controversies and debates (from a pragmatic defender's perspective)";
        let (a, b) = pov_phrase(h).unwrap_or_default();
        assert_eq!(&h[a..b], "(from a pragmatic defender's perspective)");
        assert!(pov_phrase("The case for intervention").is_some());
        assert!(pov_phrase("In defense of the treaty").is_some());
        assert!(pov_phrase("Criticism from the left").is_some());
        assert!(pov_phrase("From a Marxist point of view").is_some());
        assert!(pov_phrase("Perspective and composition").is_none());
        assert!(pov_phrase("Views from the bridge").is_none());
        assert!(pov_phrase("Criticism").is_none());
        assert!(pov_phrase("Case law").is_none());
        assert!(pov_phrase("").is_none());
    }

    #[test]
    fn fires_on_headings() {
        let t = "Plan\nThe plan is a policy.\nDebates (from a pragmatic defender's perspective)\nSome text here.\n";
        let d = assert_fires(Format::Text, t, "B004", 3);
        assert!(
            d.message
                .contains("`(from a pragmatic defender's perspective)`"),
            "{}",
            d.message
        );
        let md = "# Plan\n\nThe plan.\n\n## The case for the plan\n\nText.\n";
        assert_fires(Format::Markdown, md, "B004", 5);
    }

    #[test]
    fn clean_headings() {
        let t = "Plan\nThe plan is a policy.\nDebates\nSome text here.\nLinear perspective\nMore text.\n";
        assert_clean(Format::Text, t, "B004");
    }
}
