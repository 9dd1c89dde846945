//! `lint`: one source in, its article and diagnostics out.
//!
//! Parse → analyse → policy schema → rules → suppressions → settings → sort.
//! Pure: no IO, no printing; the CLI and the tests call this.

use crate::diagnostic::Diagnostic;
use crate::index::TitleIndex;
use crate::model::Article;
use crate::rules::{self, RuleContext};
use crate::schema::{Policy, SchemaError};
use crate::settings::Settings;
use crate::source::SourceFile;

/// Everything shared by all files of a run; built once.
pub struct Context<'a> {
    /// Run settings.
    pub settings: &'a Settings,
    /// The compiled policy schema.
    pub policy: &'a Policy,
    /// Known titles and redirects, if any index source was given.
    pub titles: Option<&'a TitleIndex>,
}

/// The result of linting one file.
#[derive(Debug)]
pub struct Linted {
    /// The article with its facts.
    pub article: Article,
    /// Findings, sorted by offset then code.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parse and analyse without checking (what `encyclint parse` prints).
#[must_use]
pub fn analyse(src: &SourceFile, cx: &Context<'_>) -> Article {
    crate::analysis::article(src, cx.titles, cx.settings)
}

/// Lint one source.
///
/// # Errors
/// A [`SchemaError`] when the policy itself fails while evaluating.
pub fn lint(src: &SourceFile, cx: &Context<'_>) -> Result<Linted, SchemaError> {
    let article = analyse(src, cx);
    let mut diagnostics = cx.policy.check_article(&article, &src.text)?;
    let rcx = RuleContext {
        source: src,
        article: &article,
        settings: cx.settings,
        index: cx.titles,
    };
    diagnostics.extend(rules::run(&rcx));
    let diagnostics = crate::suppress::apply(src, diagnostics, cx.settings);
    let diagnostics = finish(diagnostics, cx.settings, &src.text);
    Ok(Linted {
        article,
        diagnostics,
    })
}

/// Apply settings (enabled, severity), clamp spans, sort and dedupe.
#[must_use]
pub fn finish(diagnostics: Vec<Diagnostic>, settings: &Settings, text: &str) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| settings.enabled(&d.code))
        .map(|mut d| {
            d.severity = settings.severity(&d.code, d.severity);
            d.span = d.span.clamp_to(text);
            for l in &mut d.labels {
                l.span = l.span.clamp_to(text);
            }
            d
        })
        .collect();
    out.sort_by(|a, b| {
        (a.span.start(), &a.code, &a.message).cmp(&(b.span.start(), &b.code, &b.message))
    });
    out.dedup_by(|a, b| a.span == b.span && a.code == b.code && a.message == b.message);
    out
}
