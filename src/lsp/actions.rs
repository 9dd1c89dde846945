//! Code actions and hover over one document's findings.
//!
//! - a quick fix for every fix a finding carries: safe ones (what `--fix`
//!   applies) are preferred, unsafe ones are offered for review;
//! - `source.fixAll.encyclint`: every safe fix, to a fixpoint, as
//!   [`crate::fix::fix_source`] does for `--fix`;
//! - in Markdown, "disable CODE for this line": an
//!   `<!-- encyclint-disable-next-line CODE -->` line above the finding (see
//!   [`crate::suppress`]);
//! - hover on a finding: its rule's explanation, as `encyclint explain` prints it.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, DocumentChanges, Hover, HoverContents, MarkupContent, MarkupKind,
    OneOf, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics;
use super::position::Text;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::rules;
use crate::source::Format;
use crate::span::Span;

/// The kind of the fix-everything source action.
pub const FIX_ALL: &str = "source.fixAll.encyclint";

/// One open document, as the actions see it.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    /// Its URI.
    pub uri: &'a Uri,
    /// The version its findings belong to.
    pub version: i32,
    /// Its text, for positions.
    pub text: Text<'a>,
    /// Its text.
    pub raw: &'a str,
    /// Its format.
    pub format: Format,
    /// Its findings (after settings and per-file ignores).
    pub diagnostics: &'a [Diagnostic],
    /// The client takes versioned `documentChanges` (else plain `changes`).
    pub versioned: bool,
}

impl Doc<'_> {
    /// A workspace edit of this document.
    #[must_use]
    pub fn edit(&self, edits: Vec<TextEdit>) -> WorkspaceEdit {
        if self.versioned {
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri: self.uri.clone(),
                        version: Some(self.version),
                    },
                    edits: edits.into_iter().map(OneOf::Left).collect(),
                }])),
                ..WorkspaceEdit::default()
            }
        } else {
            WorkspaceEdit {
                changes: Some(HashMap::from([(self.uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            }
        }
    }

    fn text_edit(&self, span: Span, new_text: String) -> TextEdit {
        TextEdit {
            range: self.text.range(span),
            new_text,
        }
    }
}

/// Whether the client asked for actions of `kind` (`only` absent: every kind;
/// `source.fixAll` also asks for `source.fixAll.encyclint`).
#[must_use]
pub fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            let k = k.as_str();
            kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// The quick fix of one finding, if it carries a fix that fits the text.
#[must_use]
pub fn quick_fix(doc: &Doc<'_>, d: &Diagnostic) -> Option<CodeAction> {
    let fix = d.fix.as_ref()?;
    if fix.applicability == Applicability::DisplayOnly || fix.edits.is_empty() {
        return None;
    }
    let fits = fix.edits.iter().all(|e| {
        e.span.end() <= doc.raw.len()
            && doc.raw.is_char_boundary(e.span.start())
            && doc.raw.is_char_boundary(e.span.end())
    });
    if !fits {
        return None;
    }
    let safe = fix.applicability == Applicability::Safe;
    let edits = fix
        .edits
        .iter()
        .map(|e| doc.text_edit(e.span, e.text.clone()))
        .collect();
    let review = if safe { "" } else { " (unsafe: review it)" };
    Some(CodeAction {
        title: format!("{}: {}{review}", d.code, fix.title),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostics::to_lsp(d, &doc.text, doc.uri)]),
        edit: Some(doc.edit(edits)),
        is_preferred: Some(safe),
        ..CodeAction::default()
    })
}

/// In Markdown, "disable CODE for this line": a suppression comment on its
/// own line above the finding's first line, indented like it, or the code
/// added to the `disable-next-line` comment already there.
#[must_use]
pub fn disable_line(doc: &Doc<'_>, d: &Diagnostic) -> Option<CodeAction> {
    if doc.format != Format::Markdown || rules::lookup(&d.code).is_none() || d.code == "E001" {
        return None;
    }
    let line = doc.text.position(d.span.start()).line;
    let (start, content, ending) = doc.text.line(line)?;
    let edit = match line.checked_sub(1).and_then(|l| doc.text.line(l)) {
        Some((prev_start, prev, _)) if next_line_codes(prev).is_some() => {
            let codes = next_line_codes(prev)?;
            if codes.is_empty() || codes.iter().any(|c| c == &d.code) {
                return None; // already covers every rule or this one
            }
            let indent = &prev[..prev.len() - prev.trim_start().len()];
            let new = format!(
                "{indent}<!-- encyclint-disable-next-line {}, {} -->",
                codes.join(", "),
                d.code
            );
            doc.text_edit(Span::new(prev_start, prev_start + prev.len()), new)
        }
        _ => {
            let indent = &content[..content.len() - content.trim_start().len()];
            let ending = if ending.is_empty() { "\n" } else { ending };
            let new = format!(
                "{indent}<!-- encyclint-disable-next-line {} -->{ending}",
                d.code
            );
            doc.text_edit(Span::new(start, start), new)
        }
    };
    Some(CodeAction {
        title: format!("{}: disable {} for this line", d.code, d.name),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostics::to_lsp(d, &doc.text, doc.uri)]),
        edit: Some(doc.edit(vec![edit])),
        is_preferred: Some(false),
        ..CodeAction::default()
    })
}

/// The codes of a line that is exactly one `disable-next-line` comment
/// (empty: every rule).
fn next_line_codes(line: &str) -> Option<Vec<String>> {
    let body = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim()
        .strip_prefix("encyclint-disable-next-line")?;
    if !body.is_empty() && !body.starts_with(char::is_whitespace) {
        return None;
    }
    Some(
        body.split([',', ' ', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// The fix-everything action: one edit from the old text to the new, as
/// small as their common start and end allow. `None` when nothing changes.
#[must_use]
pub fn fix_all(doc: &Doc<'_>, fixed: &str, fixes: usize) -> Option<CodeAction> {
    let old = doc.raw;
    if fixes == 0 || fixed == old {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(fixed.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !fixed.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(fixed.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(fixed.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !fixed.is_char_boundary(fixed.len() - suffix)
    {
        suffix -= 1;
    }
    let edit = doc.text_edit(
        Span::new(prefix, old.len() - suffix),
        fixed[prefix..fixed.len() - suffix].to_string(),
    );
    let s = if fixes == 1 { "" } else { "es" };
    Some(CodeAction {
        title: format!("encyclint: apply {fixes} safe fix{s}"),
        kind: Some(CodeActionKind::from(FIX_ALL)),
        edit: Some(doc.edit(vec![edit])),
        ..CodeAction::default()
    })
}

/// The explanation of every rule with a finding at `offset`, as Markdown,
/// over the range of the first such finding.
#[must_use]
pub fn hover(doc: &Doc<'_>, offset: usize) -> Option<Hover> {
    let here: Vec<&Diagnostic> = doc
        .diagnostics
        .iter()
        .filter(|d| d.span.start() <= offset && offset <= d.span.end())
        .collect();
    let first = here.first()?;
    let mut codes: Vec<&str> = Vec::new();
    let mut parts = Vec::new();
    for d in &here {
        if codes.contains(&d.code.as_str()) {
            continue;
        }
        codes.push(&d.code);
        if let Some(rule) = rules::lookup(&d.code) {
            parts.push(rule.explanation().trim_end().to_string());
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: Some(doc.text.range(first.span)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Fix};
    use crate::lsp::position::Encoding;
    use crate::span::LineIndex;
    use std::str::FromStr;

    fn with_doc<T>(
        raw: &str,
        format: Format,
        ds: &[Diagnostic],
        f: impl FnOnce(&Doc<'_>) -> T,
    ) -> T {
        let lines = LineIndex::new(raw);
        let uri = Uri::from_str("file:///w/a.md").unwrap();
        let doc = Doc {
            uri: &uri,
            version: 3,
            text: Text::new(raw, &lines, Encoding::Utf16),
            raw,
            format,
            diagnostics: ds,
            versioned: false,
        };
        f(&doc)
    }

    fn edits(a: &CodeAction) -> Vec<TextEdit> {
        a.edit
            .as_ref()
            .unwrap()
            .changes
            .as_ref()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .clone()
    }

    fn s002(raw: &str) -> Diagnostic {
        let at = raw.find("Edit").unwrap();
        rules::lookup("S002")
            .unwrap()
            .diag(Span::new(at, at + 4), "wiki chrome")
            .with_fix(Fix {
                title: "remove `Edit`".into(),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span: Span::new(at, at + 4),
                    text: String::new(),
                }],
            })
    }

    #[test]
    fn kinds_match_by_prefix() {
        assert!(wanted(None, FIX_ALL));
        let only = [CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(Some(&only), FIX_ALL));
        assert!(!wanted(Some(&only), "quickfix"));
        let only = [CodeActionKind::from("source.fix")];
        assert!(!wanted(Some(&only), FIX_ALL));
    }

    #[test]
    fn a_safe_fix_is_a_preferred_quick_fix_in_utf16_columns() {
        let raw = "# Café 😀 HistoryEdit\n\nLead.\n";
        let d = s002(raw);
        let a = with_doc(raw, Format::Markdown, &[], |doc| quick_fix(doc, &d)).unwrap();
        assert_eq!(a.title, "S002: remove `Edit`");
        assert_eq!(a.is_preferred, Some(true));
        let e = edits(&a);
        assert_eq!(
            (e[0].range.start.character, e[0].range.end.character),
            (17, 21)
        );
        assert_eq!(e[0].new_text, "");
    }

    #[test]
    fn disable_line_inserts_above_and_then_extends_the_comment() {
        let raw = "# Title\n\n  Some text here.\r\nMore.\n";
        let at = raw.find("Some").unwrap();
        let d = rules::lookup("B005")
            .unwrap()
            .diag(Span::new(at, at + 4), "x");
        let a = with_doc(raw, Format::Markdown, &[], |doc| disable_line(doc, &d)).unwrap();
        assert_eq!(a.title, "B005: disable editorializing for this line");
        let e = edits(&a);
        assert_eq!(
            e[0].range.start,
            lsp_types::Position {
                line: 2,
                character: 0
            }
        );
        assert_eq!(e[0].range.end, e[0].range.start);
        assert_eq!(
            e[0].new_text,
            "  <!-- encyclint-disable-next-line B005 -->\r\n"
        );

        let raw = "# Title\n\n<!-- encyclint-disable-next-line S006 -->\nSome text.\n";
        let at = raw.find("Some").unwrap();
        let d = rules::lookup("B005")
            .unwrap()
            .diag(Span::new(at, at + 4), "x");
        let a = with_doc(raw, Format::Markdown, &[], |doc| disable_line(doc, &d)).unwrap();
        let e = edits(&a);
        assert_eq!(e[0].range.start.line, 2);
        assert_eq!(
            e[0].new_text,
            "<!-- encyclint-disable-next-line S006, B005 -->"
        );

        let d = rules::lookup("B005").unwrap().diag(Span::new(0, 1), "x");
        assert!(with_doc(raw, Format::Text, &[], |doc| disable_line(doc, &d)).is_none());
    }

    #[test]
    fn fix_all_is_one_small_edit() {
        let raw = "Café HistoryEdit\nLead é.\n";
        let fixed = "Café History\nLead é.\n";
        let a = with_doc(raw, Format::Text, &[], |doc| fix_all(doc, fixed, 1)).unwrap();
        assert_eq!(a.kind, Some(CodeActionKind::from(FIX_ALL)));
        let e = edits(&a);
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].range.start.character, e[0].range.end.character),
            (12, 16)
        );
        assert_eq!(e[0].new_text, "");
        assert!(with_doc(raw, Format::Text, &[], |doc| fix_all(doc, raw, 0)).is_none());
    }

    #[test]
    fn hover_explains_the_rule_under_the_cursor() {
        let raw = "Defense CooperationEdit\nLead.\n";
        let ds = [s002(raw)];
        let h = with_doc(raw, Format::Text, &ds, |doc| hover(doc, 20)).unwrap();
        let HoverContents::Markup(m) = h.contents else {
            panic!("markup expected")
        };
        assert_eq!(m.kind, MarkupKind::Markdown);
        assert!(
            m.value.starts_with("# title-artifact (S002)"),
            "{}",
            m.value
        );
        assert_eq!(h.range.unwrap().start.character, 19);
        assert!(with_doc(raw, Format::Text, &ds, |doc| hover(doc, 3)).is_none());
    }
}
