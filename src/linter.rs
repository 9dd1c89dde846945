//! `lint`: one source in, its article and diagnostics out.
//!
//! Parse → analyse → policy schema → rules → suppressions → settings → sort.
//! Pure: no IO, no printing; the CLI and the tests call this.

use crate::diagnostic::Diagnostic;
use crate::index::TitleIndex;
use crate::model::Article;
use crate::rules::meta::TooManyFindings;
use crate::rules::{self, Findings, Overflow, RuleContext};
use crate::schema::{Policy, SchemaError};
use crate::settings::Settings;
use crate::source::SourceFile;
use crate::suppress::Suppressions;

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
    let mut suppressions = Suppressions::new(src, cx.settings);
    let (mut diagnostics, overflow) = {
        let mut gate = |d: &Diagnostic| suppressions.as_mut().is_none_or(|s| s.keep(d));
        let mut findings = Findings::new(cx.settings, &src.text).with_gate(&mut gate);
        findings.extend(cx.policy.check_article(&article, &src.text)?);
        let rcx = RuleContext {
            source: src,
            article: &article,
            settings: cx.settings,
            index: cx.titles,
        };
        rules::run(&rcx, &mut findings);
        findings.into_sorted()
    };
    let mut added = suppressions.map(Suppressions::unused).unwrap_or_default();
    added.extend(too_many(&overflow, cx.settings));
    if !added.is_empty() {
        diagnostics.extend(added);
        diagnostics = finish(diagnostics, cx.settings, &src.text);
    }
    Ok(Linted {
        article,
        diagnostics,
    })
}

/// The S101 finding that counts the findings past the limit, if any were.
fn too_many(overflow: &Overflow, settings: &Settings) -> Option<Diagnostic> {
    let meta = &TooManyFindings::META;
    let (Some(first), Some(severity)) = (overflow.first, overflow.severity) else {
        return None;
    };
    let limit = settings.max_findings.get().unwrap_or(0);
    let codes: Vec<String> = overflow
        .by_code
        .iter()
        .map(|(code, n)| format!("{n} {code}"))
        .collect();
    let mut d = meta
        .diag(
            first,
            format!(
                "{} more findings in this file are not shown: the limit is {limit} a file",
                overflow.count
            ),
        )
        .with_label("the first finding not shown")
        .with_help(format!(
            "not shown: {}; `--max-findings-per-file N` raises the limit (0: none)",
            codes.join(", ")
        ));
    d.severity = severity;
    Some(d)
}

/// Apply settings (enabled, severity), clamp spans, sort and dedupe.
#[must_use]
pub fn finish(diagnostics: Vec<Diagnostic>, settings: &Settings, text: &str) -> Vec<Diagnostic> {
    rules::findings::finish(diagnostics, settings, text)
}
