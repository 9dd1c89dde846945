//! Reference rules (R): `See X` references against the title index.
//!
//! R001, R003, R005 read the resolution the analysis stored on each
//! [`Reference`] (and ask the index only for suggestions); R002 reads the
//! list problems the parser recorded; R004 compares targets with the title;
//! R006 is corpus-level and runs once after every article was checked.

pub mod duplicate_reference;
pub mod malformed_reference_list;
pub mod non_canonical_reference;
pub mod orphan_article;
pub mod self_reference;
pub mod unresolved_reference;

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::model::Reference;
use crate::span::Span;

/// Where the target is written inside the reference's span (the span itself
/// for `See X`, the inside of `[[X]]` for a wiki link); `None` when the
/// target is not written verbatim (a `.md` link's file name).
#[must_use]
pub fn target_span(text: &str, r: &Reference) -> Option<Span> {
    let written = r.span.slice(text);
    if *written == *r.target() {
        return Some(r.span);
    }
    let mut found = written.match_indices(r.target());
    let (pos, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(Span::new(
        r.span.start() + pos,
        r.span.start() + pos + r.target().len(),
    ))
}

/// `canonical` written with the first-letter case of `written` (first-letter
/// case never matters to MediaWiki, and `See deterrence` reads as prose).
#[must_use]
pub fn fit_case(written: &str, canonical: &str) -> String {
    let (Some(w), Some(c)) = (written.chars().next(), canonical.chars().next()) else {
        return canonical.to_string();
    };
    if w.is_lowercase() && c.is_uppercase() {
        let rest = &canonical[c.len_utf8()..];
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            // Keep acronyms (`NATO`) as they are.
            if !rest.chars().next().is_some_and(char::is_uppercase) {
                return format!("{l}{rest}");
            }
        }
    }
    canonical.to_string()
}

/// A fix that rewrites the target of `r` to `canonical`, if its text can be located.
#[must_use]
pub fn retarget(
    text: &str,
    r: &Reference,
    canonical: &str,
    applicability: Applicability,
) -> Option<Fix> {
    let span = target_span(text, r)?;
    let new = fit_case(span.slice(text), canonical);
    if new == span.slice(text) {
        return None;
    }
    Some(Fix {
        title: format!("replace with `{new}`"),
        applicability,
        edits: vec![Edit { span, text: new }],
    })
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Lint tiny articles with a given index.

    use crate::diagnostic::Diagnostic;
    use crate::index::TitleIndex;
    use crate::settings::Settings;
    use crate::source::Format;

    /// Titles and `(alias, target)` redirects for a test index; `None`: no index.
    pub type Index<'a> = Option<(&'a [&'a str], &'a [(&'a str, &'a str)])>;

    /// Diagnostics with `code` for `text`, with an index of `titles` and `aliases` (`None`: no index).
    pub fn lint(format: Format, text: &str, index: Index<'_>, code: &str) -> Vec<Diagnostic> {
        lint_with(format, text, index, code, &Settings::default())
    }

    /// [`lint`] with settings.
    pub fn lint_with(
        format: Format,
        text: &str,
        index: Index<'_>,
        code: &str,
        settings: &Settings,
    ) -> Vec<Diagnostic> {
        let ix = index.map(|(t, a)| TitleIndex::from_titles(t.iter().copied(), a.iter().copied()));
        crate::rules::testing::check(format, text, ix.as_ref(), settings)
            .into_iter()
            .filter(|d| d.code == code)
            .collect()
    }

    /// 1-based line of a diagnostic.
    pub fn line(text: &str, d: &Diagnostic) -> usize {
        crate::span::LineIndex::new(text)
            .line_col(text, d.span.start())
            .line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_writer_for_the_first_letter_only() {
        assert_eq!(fit_case("quatnum", "Quantum"), "quantum");
        assert_eq!(fit_case("Quatnum", "Quantum"), "Quantum");
        assert_eq!(fit_case("nato", "NATO"), "NATO");
        assert_eq!(fit_case("", "X"), "X");
    }
}
