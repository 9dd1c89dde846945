//! S002 title-artifact.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::model::Artifact;
use crate::rules::{Findings, RuleContext};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags wiki chrome left in a title or heading by a copy from a web page: a glued `Edit` button (`Defense CooperationEdit`), `[edit]`, `[edit source]`, or lines such as `From Wikipedia, the free encyclopedia` after the title.
    ///
    /// ## Why is this bad?
    /// The chrome becomes part of the title: the article no longer matches its own name in
    /// the title index, references to it fail to resolve, and readers see the noise.
    ///
    /// ## Example
    /// ```text
    /// Defense CooperationEdit
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Defense Cooperation
    /// ```
    ///
    /// ## How to fix
    /// Remove the chrome. `--fix` does it (a safe fix: only the chrome is removed).
    ///
    /// ## Fix
    /// Always available and safe.
    ///
    /// ## Guideline
    /// Wikipedia: Article titles (WP:TITLE); copy-paste chrome is never article text.
    pub TitleArtifact {
        code: "S002",
        name: "title-artifact",
        family: Structure,
        severity: Error,
        fix: Always,
        since: "0.1.0",
        check: Some(check),
    }
}

fn removal(text: &str, a: &Artifact) -> Span {
    // Take the white space before the chrome with it (`Title [edit]`), and the
    // line end after a whole chrome line.
    let mut start = a.span.start();
    let before = &text[..start];
    let trimmed = before.trim_end_matches([' ', '\t']);
    if !trimmed.ends_with('\n') && !trimmed.ends_with('\r') && !trimmed.is_empty() {
        start = trimmed.len();
    }
    let mut end = a.span.end();
    let line_start = before.rfind(['\n', '\r']).map_or(0, |p| p + 1);
    if line_start == a.span.start() {
        // A whole line: remove its line ending too.
        let rest = &text[end..];
        end += if rest.starts_with("\r\n") {
            2
        } else {
            usize::from(rest.starts_with(['\n', '\r']))
        };
    }
    Span::new(start, end)
}

fn report(
    cx: &RuleContext<'_>,
    what: &str,
    clean: &str,
    artifacts: &[Artifact],
    out: &mut Findings<'_>,
) {
    let text: &str = &cx.source.text;
    for a in artifacts {
        let shown: String = a.text.chars().take(60).collect();
        let d = TitleArtifact::META
            .diag(a.span, format!("wiki chrome `{shown}` in the {what}"))
            .with_label("copied from the page, not part of the text")
            .with_help(format!("remove it: the {what} is `{clean}`"))
            .with_fix(Fix {
                title: format!("remove `{shown}`"),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span: removal(text, a),
                    text: String::new(),
                }],
            });
        out.push(d);
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    if let Some(t) = &cx.article.title {
        report(cx, "title", &t.text, &t.artifacts, out);
    }
    for s in cx.article.sections_flat() {
        report(cx, "heading", &s.heading.text, &s.heading.artifacts, out);
    }
}
