//! S008 malformed-item.

use crate::declare_rule;

use crate::model::Block;
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags a `Label: body` item whose label or body is empty, such as `Interoperability:` with nothing after the colon or a Markdown `- **Basing**:` entry.
    ///
    /// ## Why is this bad?
    /// An item pairs a short label with what it says about it. A label without a body is a
    /// placeholder or a heading written as an item; an empty label leaves the body without
    /// its topic.
    ///
    /// ## Example
    /// ```text
    /// Basing and access arrangements:
    /// ```
    ///
    /// ## How to fix
    /// Write the body, turn the label into a heading, or delete the item.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style: Lists (MOS:LIST), definition-style entries.
    pub MalformedItem {
        code: "S008",
        name: "malformed-item",
        family: Structure,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

/// Whether an empty-bodied `Label:` at `i` introduces what follows (a list or
/// a quotation: "Supporters cite the following benefits:") rather than being an
/// item that lost its body. It introduces when the next block of the same
/// section is neither a labelled item nor absent.
fn introduces(blocks: &[Block], i: usize) -> bool {
    match blocks.get(i + 1) {
        None => false,
        Some(Block::Item(next)) => next.label.is_none(),
        Some(Block::Paragraph(_)) => true,
    }
}

fn check_blocks(blocks: &[Block], out: &mut Findings<'_>) {
    for (i, b) in blocks.iter().enumerate() {
        let Block::Item(item) = b else { continue };
        let Some(label) = &item.label else { continue };
        let label_empty = !label.chars().any(char::is_alphanumeric);
        let body_empty = !item.body.chars().any(char::is_alphanumeric);
        if label_empty {
            out.push(
                MalformedItem::META
                    .diag(
                        item.label_span.unwrap_or(item.span),
                        "item has an empty label",
                    )
                    .with_help("give the item a short label naming its topic"),
            );
        } else if body_empty && !introduces(blocks, i) {
            out.push(
                MalformedItem::META
                    .diag(
                        item.label_span.unwrap_or(item.span),
                        format!("item `{label}` has no body"),
                    )
                    .with_label("nothing follows the colon")
                    .with_help("write the body, make the label a heading, or delete the item"),
            );
        }
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    check_blocks(&cx.article.lead, out);
    for s in cx.article.sections_flat() {
        check_blocks(&s.blocks, out);
    }
}
