//! S007 heading-style.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::rules::{Findings, RuleContext};
use crate::span::Span;

/// Headings longer than this many words are flagged.
pub const MAX_WORDS: usize = 12;

declare_rule! {
    /// ## What it does
    /// Flags a heading that ends with punctuation (`History.`, `Reception:`), runs over 12 words, or skips a level (`##` followed by `####`).
    ///
    /// ## Why is this bad?
    /// Headings are labels, not sentences: terminal punctuation reads as prose and breaks
    /// section links; a long heading is a paragraph in disguise; a skipped level breaks the
    /// outline that screen readers and tables of contents build.
    ///
    /// ## Example
    /// ```markdown
    /// ## Early life.
    /// #### Education
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Early life
    /// ### Education
    /// ```
    ///
    /// ## How to fix
    /// Drop the punctuation (`--fix` does), shorten the heading, or use the next level down.
    ///
    /// ## Fix
    /// Sometimes: removing terminal punctuation is safe; the other cases need a person.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style: Section headings (MOS:HEADINGS) and accessibility (MOS:ACCESS#Headings).
    pub HeadingStyle {
        code: "S007",
        name: "heading-style",
        family: Structure,
        severity: Warning,
        fix: Sometimes,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let text: &str = &cx.source.text;
    let mut prev_level: u8 = 1;
    let mut stack: Vec<&crate::model::Section> = cx.article.sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        let h = &s.heading;
        let written = h.text_span.slice(text).trim_end();
        if let Some(last) = h.text.chars().next_back()
            && matches!(last, '.' | ':' | ';' | ',')
            && !h.text.ends_with("...")
            && !ends_with_abbreviation(&h.text)
        {
            let end = h.text_span.start() + written.len();
            let p = Span::new(end - last.len_utf8(), end);
            out.push(
                HeadingStyle::META
                    .diag(p, format!("heading `{}` ends with `{last}`", h.text))
                    .with_label("terminal punctuation")
                    .with_help("headings are labels, not sentences: drop the punctuation")
                    .with_fix(Fix {
                        title: format!("remove `{last}`"),
                        applicability: Applicability::Safe,
                        edits: vec![Edit {
                            span: p,
                            text: String::new(),
                        }],
                    }),
            );
        }
        let words = h.text.split_whitespace().count();
        if words > MAX_WORDS {
            out.push(
                HeadingStyle::META
                    .diag(
                        h.text_span,
                        format!("heading has {words} words (more than {MAX_WORDS})"),
                    )
                    .with_help(
                        "shorten the heading; put the detail in the section's first sentence",
                    ),
            );
        }
        if h.level > prev_level + 1 && prev_level >= 1 {
            out.push(
                HeadingStyle::META
                    .diag(
                        h.span,
                        format!(
                            "heading level {} follows level {prev_level}, skipping a level",
                            h.level
                        ),
                    )
                    .with_help(format!("use level {} here", prev_level + 1)),
            );
        }
        prev_level = h.level;
        stack.extend(s.subsections.iter().rev());
    }
}

fn ends_with_abbreviation(s: &str) -> bool {
    let last = s.rsplit(' ').next().unwrap_or("");
    let core = last.trim_end_matches('.');
    (core.contains('.') && core.split('.').all(|p| p.chars().count() <= 2))
        || matches!(core, "Inc" | "Ltd" | "Co" | "Jr" | "Sr" | "St")
}
