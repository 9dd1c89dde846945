//! B005 editorializing.

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::RuleContext;

declare_rule! {
    /// ## What it does
    /// Flags words to watch that put the article's own voice into a claim: `the practical record is that`, `of course`, `Clearly,`, `it is widely believed`, and a peacock term (`world-renowned`).
    ///
    /// The list (`data/words-to-watch.tsv`) is short on purpose and each entry names the
    /// guideline it comes from. Sentence adverbs (`Clearly,`, `Unfortunately,`) count only
    /// when they open a clause and are followed by a comma, so `clearly visible` is not
    /// flagged; idioms (`as a matter of course`) and text inside quotation marks are skipped.
    ///
    /// ## Why is this bad?
    /// Such phrases state the writer's judgment as fact ("clearly", "the record is
    /// that"), presume agreement ("of course"), or hide who holds a view ("it is widely
    /// believed"). An encyclopedia attributes opinions and lets facts speak.
    ///
    /// ## Example
    /// ```text
    /// While it can be controversial, the practical record is that well-managed cooperation reduces risk.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Proponents such as the 2019 RAND study argue that well-managed cooperation reduces risk.
    /// ```
    ///
    /// ## How to fix
    /// Attribute the judgment to a named source, or delete the phrase and state the fact.
    ///
    /// ## Options
    /// None; the list lives in `data/words-to-watch.tsv`, each entry with its source.
    ///
    /// ## Guideline
    /// MOS:EDITORIAL, MOS:WEASEL and WP:PEACOCK (Manual of Style, "Words to watch"); WP:NPOV.
    pub Editorializing {
        code: "B005",
        name: "editorializing",
        family: Balance,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Vec<Diagnostic>) {
    // The analysis found the words to watch (outside quotations); report them.
    for b in cx.article.blocks() {
        for s in b.sentences() {
            for w in &s.watch {
                out.push(
                    Editorializing::META
                        .diag(w.span, format!("`{}` {} ({})", w.text, w.why, w.source))
                        .with_label("words to watch")
                        .with_help("attribute the judgment to a named source, or state the fact without it"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::balance::test_support::{assert_clean, assert_fires};
    use crate::source::Format;

    #[test]
    fn fires_on_editorial_phrases() {
        let t = "Plan\nWhile it is disputed, the practical record is that it works.\n";
        let d = assert_fires(Format::Text, t, "B005", 2);
        assert!(
            d.message.starts_with("`the practical record is that`"),
            "{}",
            d.message
        );
        let md = "# Plan\n\nThe plan works.\nClearly, it is the best plan.\n";
        assert_fires(Format::Markdown, md, "B005", 4);
    }

    #[test]
    fn clean_text() {
        let t = "Plan\nThe plan is clearly visible from space, as a matter of course. He said \"of course\" twice.\n";
        assert_clean(Format::Text, t, "B005");
        let t =
            "Plan\nHe wrote: \"It is new. Of course it is. Clearly, it works.\" Then he left.\n";
        assert_clean(Format::Text, t, "B005");
    }
}
