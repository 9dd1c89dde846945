//! S005 duplicate-heading.

use std::collections::BTreeMap;

use crate::declare_rule;

use crate::rules::structure::normalize_heading;
use crate::rules::{Findings, RuleContext};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a section heading that repeats an earlier heading of the article (compared case-insensitively, ignoring punctuation).
    ///
    /// ## Why is this bad?
    /// Section links (`Article#History`) reach only the first of two equal headings, the table
    /// of contents becomes ambiguous, and a repeated heading usually means a merge left two
    /// versions of the same section.
    ///
    /// ## Example
    /// ```markdown
    /// ## History
    /// ...
    /// ## History
    /// ```
    ///
    /// ## How to fix
    /// Merge the two sections, or give the second a heading that says how it differs.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style: section headings should be unique within a page (MOS:HEADINGS).
    pub DuplicateHeading {
        code: "S005",
        name: "duplicate-heading",
        family: Structure,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    for s in cx.article.sections_flat() {
        let key = normalize_heading(&s.heading.text);
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(first) => out.push(
                DuplicateHeading::META
                    .diag(
                        s.heading.text_span,
                        format!("heading `{}` repeats an earlier heading", s.heading.text),
                    )
                    .with_label("repeated here")
                    .with_secondary(*first, "first used here")
                    .with_help("merge the sections or make the second heading specific"),
            ),
            None => {
                seen.insert(key, s.heading.text_span);
            }
        }
    }
}
