//! R004 self-reference.

use crate::declare_rule;

use crate::index::fold_key;
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags a reference to the article's own title (directly, by case, or through a redirect).
    ///
    /// Works without an index too: the target is compared with the title as MediaWiki
    /// compares page names, ignoring case.
    ///
    /// ## Why is this bad?
    /// Sending readers to the page they are already reading wastes their time and usually
    /// means another article was meant.
    ///
    /// ## Example
    /// ```text
    /// Photon
    /// A photon is a quantum of light. See Photon and Quantum.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Photon
    /// A photon is a quantum of light. See Quantum.
    /// ```
    ///
    /// ## How to fix
    /// Remove the reference, or point it at the related article that was meant.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style, linking (MOS:SELFLINK): do not link an article to itself.
    pub SelfReference {
        code: "R004",
        name: "self-reference",
        family: References,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let Some(title) = &cx.article.title else {
        return;
    };
    let own = fold_key(&title.text);
    if own.is_empty() {
        return;
    }
    for r in cx.article.iter_references() {
        let names_self =
            fold_key(r.target()) == own || r.canonical().is_some_and(|c| fold_key(c) == own);
        if names_self {
            let shown: String = r.target().chars().take(80).collect();
            out.push(
                SelfReference::META
                    .diag(r.span, format!("`{shown}` refers to this article itself"))
                    .with_label("this article")
                    .with_secondary(title.text_span, "the article's title")
                    .with_help("remove the reference, or name the related article meant"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::references::test_support::{line, lint};
    use crate::source::Format;

    #[test]
    fn own_title_fires_with_or_without_index() {
        let text = "Photon\nA quantum of light. See photon and Quantum.\n";
        let d = lint(Format::Text, text, None, "R004");
        assert_eq!((d.len(), line(text, &d[0])), (1, 2));
        let titles: &[&str] = &["Photon"];
        let aliases: &[(&str, &str)] = &[("Light quantum", "Photon")];
        let text = "Photon\nA quantum of light. See Light quantum.\n";
        assert_eq!(
            lint(Format::Text, text, Some((titles, aliases)), "R004").len(),
            1
        );
    }

    #[test]
    fn other_titles_are_fine() {
        let md = "# Photon\n\nA quantum of light. See [[Quantum]] and [[Photonics]].\n";
        assert!(lint(Format::Markdown, md, None, "R004").is_empty());
    }
}
