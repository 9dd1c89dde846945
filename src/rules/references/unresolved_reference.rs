//! R001 unresolved-reference.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity};
use crate::index::SuggestionKind;
use crate::rules::references::retarget;
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags a `See X` reference (or wiki link, or `.md` link) whose target is neither the title nor a redirect of any article in the title index.
    ///
    /// Targets are compared as MediaWiki compares page names: the first letter's case,
    /// `_` for space, runs of white space and Unicode normalisation (NFC) do not matter.
    /// Up to three did-you-mean titles are offered, best first: the same title once case,
    /// hyphens and US/UK spelling (`defense`/`defence`) are ignored, then singular/plural,
    /// then titles a strict edit distance away (one edit up to 9 letters, two from 10,
    /// none below 4; same first letter, same digits), so `crisis management` is never
    /// offered `Risk management`.
    ///
    /// ## Why is this bad?
    /// A cross-reference that leads nowhere is a broken promise to the reader: they look for
    /// the article and find nothing, or a different one.
    ///
    /// ## Example
    /// ```text
    /// Light: Light behaves as a wave and a particle. See Photon and Quatnum.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Light: Light behaves as a wave and a particle. See Photon and Quantum.
    /// ```
    ///
    /// ## How to fix
    /// Correct the title, point the reference at an existing article, or write the missing
    /// article. If the index is incomplete, add the title with `--titles`.
    ///
    /// ## Fix
    /// Sometimes: when one suggestion is clearly best (it alone is in the best group). The fix
    /// is safe when it only changes hyphens, spacing or US/UK spelling, unsafe for a plural or
    /// an edit, which may name a different article.
    ///
    /// ## Options
    /// - `--titles FILE`, `--aliases FILE`: the index (the linted articles' own titles are always in it).
    /// - `--complete-index`: the index holds every article, so an unresolved reference is an
    ///   error rather than a warning. Without any index, references are not judged at all.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style, linking (MOS:LINK) and "See also" sections (MOS:SEEALSO):
    /// links should lead to existing articles.
    pub UnresolvedReference {
        code: "R001",
        name: "unresolved-reference",
        family: References,
        severity: Warning,
        fix: Sometimes,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let Some(index) = cx.index else { return };
    let text: &str = &cx.source.text;
    for r in cx.article.iter_references() {
        if r.resolved != Some(false) {
            continue;
        }
        let shown: String = r.target().chars().take(80).collect();
        let mut d = UnresolvedReference::META
            .diag(r.span, format!("reference to `{shown}` does not resolve"))
            .with_label("no article or redirect with this title in the index");
        if cx.settings.complete_index {
            d.severity = Severity::Error;
        }
        if out.past_limit(r.span.start()) {
            // Never shown: counted in S101, without the search for suggestions.
            out.push(d);
            continue;
        }
        let suggestions = index.suggest(r.target(), 3);
        if suggestions.is_empty() {
            d = d.with_help("check the title, or add it to the index with --titles");
        } else {
            let names: Vec<String> = suggestions
                .iter()
                .map(|s| format!("`{}`", s.title))
                .collect();
            d = d.with_help(format!("did you mean {}?", or_list(&names)));
            let best = &suggestions[0];
            let clearly_best = suggestions.get(1).is_none_or(|s| s.kind > best.kind);
            if clearly_best {
                let applicability = if best.kind == SuggestionKind::Variant {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                };
                if let Some(fix) = retarget(text, r, &best.title, applicability) {
                    d = d.with_fix(fix);
                }
            }
        }
        out.push(d);
    }
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} or {b}"),
        [rest @ .., last] => format!("{}, or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Applicability, Severity};
    use crate::rules::references::test_support::{line, lint, lint_with};
    use crate::settings::Settings;
    use crate::source::Format;

    const QUATNUM: &str = "Light\nLight is both a wave and a particle.\nSee Photon and Quatnum.\n";

    #[test]
    fn quatnum_gets_quantum_with_a_fix() {
        let titles: &[&str] = &["Photon", "Quantum", "Light"];
        let d = lint(Format::Text, QUATNUM, Some((titles, &[])), "R001");
        assert_eq!(d.len(), 1);
        assert_eq!(line(QUATNUM, &d[0]), 3);
        assert_eq!(d[0].message, "reference to `Quatnum` does not resolve");
        assert_eq!(d[0].help.as_deref(), Some("did you mean `Quantum`?"));
        assert_eq!(d[0].severity, Severity::Warning);
        let fix = d[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(fix.edits[0].text, "Quantum");
        assert_eq!(fix.edits[0].span.slice(QUATNUM), "Quatnum");
    }

    #[test]
    fn markdown_wikilinks_too() {
        let md = "# Light\n\nLight is a wave. See [[Photon]] and [[Quatnum]].\n";
        let titles: &[&str] = &["Photon", "Quantum"];
        let d = lint(Format::Markdown, md, Some((titles, &[])), "R001");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].fix.as_ref().map(|f| f.edits[0].span.slice(md)),
            Some("Quatnum")
        );
    }

    #[test]
    fn complete_index_makes_it_an_error() {
        let titles: &[&str] = &["Photon", "Quantum"];
        let s = Settings {
            complete_index: true,
            ..Settings::default()
        };
        let d = lint_with(Format::Text, QUATNUM, Some((titles, &[])), "R001", &s);
        assert_eq!(d[0].severity, Severity::Error);
    }

    #[test]
    fn resolved_or_unjudged_references_are_clean() {
        let titles: &[&str] = &["Photon", "Quatnum"];
        assert!(lint(Format::Text, QUATNUM, Some((titles, &[])), "R001").is_empty());
        assert!(lint(Format::Text, QUATNUM, None, "R001").is_empty());
    }

    #[test]
    fn spelling_variant_fix_is_safe_and_keeps_prose_case() {
        let text = "Arms\nArms are made. See defense industry.\n";
        let titles: &[&str] = &["Defence industry"];
        let d = lint(Format::Text, text, Some((titles, &[])), "R001");
        let fix = d[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(fix.edits[0].text, "defence industry");
    }

    #[test]
    fn no_loose_suggestion() {
        let text = "Crises\nCrises happen. See crisis management.\n";
        let titles: &[&str] = &["Risk management"];
        let d = lint(Format::Text, text, Some((titles, &[])), "R001");
        assert_eq!(d.len(), 1);
        assert!(d[0].fix.is_none());
        assert!(!d[0].help.as_deref().unwrap_or("").contains("Risk"));
    }
}
