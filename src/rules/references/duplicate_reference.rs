//! R003 duplicate-reference.

use std::collections::BTreeMap;

use crate::analysis::references::target_key;
use crate::declare_rule;

use crate::rules::{Findings, RuleContext};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a reference that names the same article as an earlier reference of the same paragraph or item.
    ///
    /// Two references are the same when they resolve to the same title (so a redirect and its
    /// target are the same), or, when not resolved, when their titles match as MediaWiki
    /// page names, ignoring case.
    ///
    /// ## Why is this bad?
    /// The repeat adds nothing for the reader, and often hides a copy-and-paste slip where a
    /// different article was meant.
    ///
    /// ## Example
    /// ```text
    /// Optics: The study of light. See Photon, Lens, and photon.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Optics: The study of light. See Photon and Lens.
    /// ```
    ///
    /// ## How to fix
    /// Remove the repeat, or replace it with the article that was meant.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style, linking (MOS:DUPLINK): link an article once per section.
    pub DuplicateReference {
        code: "R003",
        name: "duplicate-reference",
        family: References,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    for b in cx.article.blocks() {
        let mut seen: BTreeMap<String, Span> = BTreeMap::new();
        for r in b.refs() {
            let key = target_key(r);
            if key.is_empty() {
                continue;
            }
            match seen.get(&key) {
                Some(first) => {
                    let shown: String = r.target().chars().take(80).collect();
                    out.push(
                        DuplicateReference::META
                            .diag(
                                r.span,
                                format!("`{shown}` is referred to twice in this block"),
                            )
                            .with_label("repeated here")
                            .with_secondary(*first, "first referred to here")
                            .with_help("remove the repeat, or name the article that was meant"),
                    );
                }
                None => {
                    seen.insert(key, r.span);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::references::test_support::{line, lint};
    use crate::source::Format;

    #[test]
    fn same_target_twice_in_one_block() {
        let text = "Optics\nThe study of light. See Photon, Lens, and photon.\nSee Lens.\n";
        let d = lint(Format::Text, text, None, "R003");
        assert_eq!(d.len(), 1);
        assert_eq!(line(text, &d[0]), 2);
        assert_eq!(d[0].span.slice(text), "photon");
    }

    #[test]
    fn a_redirect_and_its_target_are_the_same() {
        let text = "Nations\nStates. See USA and United States.\n";
        let titles: &[&str] = &["United States"];
        let aliases: &[(&str, &str)] = &[("USA", "United States")];
        assert_eq!(
            lint(Format::Text, text, Some((titles, aliases)), "R003").len(),
            1
        );
    }

    #[test]
    fn different_blocks_are_fine() {
        let text = "Optics\nThe study of light. See Photon.\nParticles. See Photon.\n";
        assert!(lint(Format::Text, text, None, "R003").is_empty());
        let md = "# Optics\n\nSee [[Photon]].\n\nSee [[Photon]].\n";
        assert!(lint(Format::Markdown, md, None, "R003").is_empty());
    }
}
