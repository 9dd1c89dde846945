//! R005 non-canonical-reference.

use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::index::Match;
use crate::rules::references::retarget;
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags a reference that resolves only through a redirect or only when case is ignored, and offers the canonical title.
    ///
    /// The first letter's case, `_` for space and spacing never count, as in MediaWiki:
    /// `See deterrence` naming `Deterrence` is canonical.
    ///
    /// ## Why is this bad?
    /// A case-only match is a broken link in MediaWiki unless someone created a redirect, and
    /// a redirect can be retargeted or deleted later. Naming the canonical title makes the
    /// reference exact and lets the index count inbound references correctly.
    ///
    /// ## Example
    /// ```text
    /// Crises: Governments plan for them. See Crisis Management and USA.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Crises: Governments plan for them. See Crisis management and United States.
    /// ```
    ///
    /// ## How to fix
    /// Write the canonical title. `--fix` does it.
    ///
    /// ## Fix
    /// Safe whenever the target is written verbatim (not for `.md` links, whose target is a
    /// file name): the reference keeps pointing at the same article.
    ///
    /// ## Options
    /// `--aliases FILE` (`alias<TAB>target` a line) adds redirects. On Wikipedia itself,
    /// links to redirects are not broken (WP:NOTBROKEN); `--ignore R005` if you follow that.
    ///
    /// ## Guideline
    /// Wikipedia: Redirect (WP:NOTBROKEN) and Manual of Style, linking (MOS:LINK).
    pub NonCanonicalReference {
        code: "R005",
        name: "non-canonical-reference",
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
        if !crate::analysis::references::is_non_canonical(r) {
            continue;
        }
        let Some(res) = index.resolve(r.target()) else {
            continue;
        };
        let shown: String = r.target().chars().take(80).collect();
        let (message, label) = match res.how {
            Match::Alias => (
                format!("`{shown}` is a redirect to `{}`", res.canonical),
                "a redirect",
            ),
            Match::Case | Match::Exact => (
                format!(
                    "`{shown}` matches `{}` only when case is ignored",
                    res.canonical
                ),
                "case differs",
            ),
        };
        let mut d = NonCanonicalReference::META
            .diag(r.span, message)
            .with_label(label)
            .with_help(format!(
                "name the article by its title, `{}`",
                res.canonical
            ));
        if let Some(fix) = retarget(text, r, &res.canonical, Applicability::Safe) {
            d = d.with_fix(fix);
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Applicability;
    use crate::rules::references::test_support::lint;
    use crate::source::Format;

    const TITLES: &[&str] = &["Crisis management", "United States", "Deterrence"];
    const ALIASES: &[(&str, &str)] = &[("USA", "United States")];

    #[test]
    fn case_and_redirects_fire_with_safe_fixes() {
        let text = "Crises\nPlans. See Crisis Management and USA.\n";
        let d = lint(Format::Text, text, Some((TITLES, ALIASES)), "R005");
        assert_eq!(d.len(), 2);
        assert_eq!(
            d[0].message,
            "`Crisis Management` matches `Crisis management` only when case is ignored"
        );
        assert_eq!(d[1].message, "`USA` is a redirect to `United States`");
        for x in &d {
            assert_eq!(
                x.fix.as_ref().map(|f| f.applicability),
                Some(Applicability::Safe)
            );
        }
        assert_eq!(d[1].fix.as_ref().unwrap().edits[0].text, "United States");
    }

    #[test]
    fn first_letter_case_is_canonical() {
        let text = "Crises\nPlans. See crisis management and deterrence.\n";
        assert!(lint(Format::Text, text, Some((TITLES, ALIASES)), "R005").is_empty());
        let md = "# Crises\n\nPlans. See [[United_States]].\n";
        assert!(lint(Format::Markdown, md, Some((TITLES, ALIASES)), "R005").is_empty());
    }
}
