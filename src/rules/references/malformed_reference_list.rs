//! R002 malformed-reference-list.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::model::ListProblemKind;
use crate::rules::{Findings, RuleContext};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a garbled `See` list: one that names no article (`See .`), has an empty entry (`See , and X`, `See X,, Y`) or ends in a separator (`See X, Y,.`, `See X and.`).
    ///
    /// ## Why is this bad?
    /// A garbled list usually means a target was lost in an edit or a conversion: the reader
    /// is promised a reference that is not there, and tools that split the list may misread it.
    ///
    /// ## Example
    /// ```text
    /// Optics: The study of light. See , and Photon.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Optics: The study of light. See Photon.
    /// ```
    ///
    /// ## How to fix
    /// Restore the missing title, or remove the stray separator (or the empty `See`).
    ///
    /// ## Fix
    /// Sometimes, and safe: a stray separator is removed. An empty list has no fix, since only
    /// the writer knows what it should name.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style, "See also" sections (MOS:SEEALSO) and hatnotes (WP:HATNOTE).
    pub MalformedReferenceList {
        code: "R002",
        name: "malformed-reference-list",
        family: References,
        severity: Warning,
        fix: Sometimes,
        since: "0.1.0",
        check: Some(check),
    }
}

/// The span to delete for a stray separator: with the white space on one side.
fn removal(text: &str, span: Span, kind: ListProblemKind) -> Span {
    let after = &text[span.end()..];
    let ws_after = after.len() - after.trim_start_matches([' ', '\t']).len();
    let before = &text[..span.start()];
    let ws_before = before.len() - before.trim_end_matches([' ', '\t']).len();
    match kind {
        // `See , and X` / `X,, Y`: take the space after; `X and.`: the space before.
        ListProblemKind::EmptyEntry if ws_after > 0 && !text[span.start()..].starts_with(",,") => {
            Span::new(span.start(), span.end() + ws_after)
        }
        ListProblemKind::DanglingSeparator if span.slice(text).chars().all(char::is_alphabetic) => {
            Span::new(span.start() - ws_before, span.end())
        }
        _ => span,
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let text: &str = &cx.source.text;
    for b in cx.article.blocks() {
        for list in b.ref_lists() {
            for p in &list.problems {
                let shown: String = p.span.slice(text).chars().take(40).collect();
                let d = match p.kind {
                    ListProblemKind::Empty => MalformedReferenceList::META
                        .diag(p.span, "`See` list names no article")
                        .with_label("nothing to see here")
                        .with_help("name the article meant, or remove the empty reference"),
                    ListProblemKind::EmptyEntry | ListProblemKind::DanglingSeparator => {
                        let what = if p.kind == ListProblemKind::EmptyEntry {
                            format!("`See` list has an empty entry at `{shown}`")
                        } else {
                            format!("`See` list ends with a dangling `{shown}`")
                        };
                        MalformedReferenceList::META
                            .diag(p.span, what)
                            .with_label("separator with nothing to separate")
                            .with_help("restore the missing title, or remove the separator")
                            .with_fix(Fix {
                                title: format!("remove `{shown}`"),
                                applicability: Applicability::Safe,
                                edits: vec![Edit {
                                    span: removal(text, p.span, p.kind),
                                    text: String::new(),
                                }],
                            })
                    }
                };
                out.push(d.with_secondary(list.span, "in this list"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::references::test_support::{line, lint};
    use crate::source::Format;

    fn apply(text: &str, d: &crate::diagnostic::Diagnostic) -> String {
        let e = &d.fix.as_ref().expect("a fix").edits[0];
        format!(
            "{}{}{}",
            &text[..e.span.start()],
            e.text,
            &text[e.span.end()..]
        )
    }

    #[test]
    fn garbled_lists_fire_with_safe_fixes() {
        let text = "Optics\nThe study of light. See , and Photon.\nLenses bend light. See Lens,, Prism.\nSee Mirror and.\nSee .\n";
        let d = lint(Format::Text, text, None, "R002");
        let lines: Vec<usize> = d.iter().map(|d| line(text, d)).collect();
        assert_eq!(lines, [2, 3, 4, 5], "{d:?}");
        assert!(apply(text, &d[0]).contains("See Photon."));
        assert!(apply(text, &d[1]).contains("See Lens, Prism."));
        assert!(apply(text, &d[2]).contains("See Mirror."));
        assert!(d[3].fix.is_none());
        assert_eq!(d[3].message, "`See` list names no article");
    }

    #[test]
    fn markdown_too() {
        let md = "# Optics\n\nThe study of light. See , and Photon.\n";
        assert_eq!(lint(Format::Markdown, md, None, "R002").len(), 1);
    }

    #[test]
    fn well_formed_lists_are_clean() {
        let text =
            "Optics\nThe study of light. See Photon, Lens, and Washington, D.C.\nSee also Prism.\n";
        assert!(lint(Format::Text, text, None, "R002").is_empty());
    }
}
