//! S006 misplaced-heading.

use crate::declare_rule;

use crate::model::Block;
use crate::rules::structure::normalize_heading;
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags an item whose label repeats the heading of another section, such as a `Controversies and debates:` item inside the procurement section when a `Controversies and debates` section follows.
    ///
    /// ## Why is this bad?
    /// The item is really a heading (or a stray copy of a section's opening) in the wrong
    /// place: its content belongs to the other section, readers meet the same topic twice,
    /// and analyses that work per section (such as the balance of a debate) miss it.
    ///
    /// ## Example
    /// ```text
    /// Defense procurement, arms control, and technology
    /// Controversies and debates: In debates over defense cooperation, ...
    /// Controversies and debates (from a pragmatic defender's perspective)
    /// ```
    ///
    /// ## How to fix
    /// Move the item's text into the section it names (or make it that section's opening
    /// paragraph), and delete the label.
    ///
    /// ## Options
    /// Labels and headings are compared case-insensitively, without parenthetical remarks;
    /// a label also matches a heading that it begins (`Controversies` and
    /// `Controversies and debates`).
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style: Layout (MOS:LAYOUT), headings and sections.
    pub MisplacedHeading {
        code: "S006",
        name: "misplaced-heading",
        family: Structure,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn matches(label: &str, heading: &str) -> bool {
    label == heading
        || (label.split(' ').count() >= 2
            && heading.starts_with(label)
            && heading[label.len()..].starts_with(' '))
}

/// Items that are turns of a dialogue (`Calvin: ...`, `Hobbes: ...`, a
/// speaker's name coming back) or entries of a glossary (three or more
/// one-word terms in a row): their labels are names and terms, not headings.
fn turns(blocks: &[Block]) -> Vec<bool> {
    let short_label = |b: &Block| match b {
        Block::Item(i) => i
            .label
            .as_deref()
            .filter(|l| l.split_whitespace().count() <= 2)
            .map(str::to_lowercase),
        Block::Paragraph(_) => None,
    };
    let labels: Vec<Option<String>> = blocks.iter().map(short_label).collect();
    let mut out = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        if labels[i].is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < blocks.len() && labels[j].is_some() {
            j += 1;
        }
        let run = &labels[i..j];
        let repeats = run.iter().enumerate().any(|(k, l)| run[..k].contains(l));
        let glossary = run.len() >= 3
            && run
                .iter()
                .all(|l| l.as_deref().is_some_and(|l| !l.contains(' ')));
        if (run.len() >= 2 && repeats) || glossary {
            out[i..j].iter_mut().for_each(|t| *t = true);
        }
        i = j;
    }
    out
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let sections = cx.article.sections_flat();
    let headings: Vec<(String, &crate::model::Section)> = sections
        .iter()
        .map(|s| (normalize_heading(&s.heading.text), *s))
        .collect();
    let mut check_blocks = |owner: Option<&crate::model::Section>, blocks: &[Block]| {
        let talk = turns(blocks);
        for (i, b) in blocks.iter().enumerate() {
            let Block::Item(item) = b else { continue };
            if talk[i] {
                continue;
            }
            let (Some(label), Some(label_span)) = (&item.label, item.label_span) else {
                continue;
            };
            let key = normalize_heading(label);
            if key.is_empty() {
                continue;
            }
            let other = headings.iter().find(|(h, s)| {
                !owner.is_some_and(|o| std::ptr::eq(o, *s)) && !h.is_empty() && matches(&key, h)
            });
            if let Some((_, s)) = other {
                let here = owner.map_or("the lead".to_string(), |o| {
                    format!("section `{}`", o.heading.text)
                });
                out.push(
                    MisplacedHeading::META
                        .diag(
                            label_span,
                            format!(
                                "item `{label}` in {here} repeats the heading of another section"
                            ),
                        )
                        .with_label("this label is a heading")
                        .with_secondary(s.heading.text_span, "the section it names")
                        .with_help(format!(
                            "move this text into `{}` and drop the label",
                            s.heading.text
                        )),
                );
            }
        }
    };
    check_blocks(None, &cx.article.lead);
    for s in &sections {
        check_blocks(Some(s), &s.blocks);
    }
}
