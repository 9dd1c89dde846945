//! The rule registry: every code encyclint can emit, with its docs.
//!
//! Each rule lives in its own file under `rules/<family>/`, declared with
//! [`declare_rule!`](crate::declare_rule): the `///` doc block becomes both the
//! rustdoc of the rule and [`RuleMeta::docs`], the single source of `explain`,
//! `rules`, the README table and SARIF rule metadata. A rule either has a
//! `check` function (Rust reads the model and its facts) or is schema-backed
//! (`check: None`, the policy schema raises it through an `x-code`
//! annotation, and its docs carry a `## Schema` section).

pub mod balance;
pub mod findings;
pub mod meta;
pub mod references;
pub mod selectors;
pub mod structure;
#[cfg(test)]
pub(crate) mod testing;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Article;
use crate::settings::Settings;
use crate::source::SourceFile;
use crate::span::Span;
pub use findings::{Findings, Overflow};

/// Rule families, by code prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// `S`: title, lead, sections, headings, items.
    Structure,
    /// `B`: pro/con coverage of debates.
    Balance,
    /// `R`: `See X` references.
    References,
    /// `J`: policy-schema constraints.
    Schema,
    /// `E`: input and configuration errors.
    Input,
}

impl Family {
    /// The lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Balance => "balance",
            Family::References => "references",
            Family::Schema => "schema",
            Family::Input => "input",
        }
    }
}

/// Whether a rule can offer fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixAvailability {
    /// Never.
    None,
    /// For some findings.
    Sometimes,
    /// For every finding.
    Always,
}

/// What a rule's check function sees.
pub struct RuleContext<'a> {
    /// The file.
    pub source: &'a SourceFile,
    /// The parsed and analysed article.
    pub article: &'a Article,
    /// Run settings.
    pub settings: &'a Settings,
    /// The title index, when references are judged.
    pub index: Option<&'a crate::index::TitleIndex>,
}

/// A rule's check: read the context, push diagnostics.
pub type CheckFn = fn(&RuleContext<'_>, &mut Findings<'_>);

/// Everything known about a rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// Stable code, e.g. `S002`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `title-artifact`.
    pub name: &'static str,
    /// Family.
    pub family: Family,
    /// Default severity.
    pub severity: Severity,
    /// Fix availability.
    pub fix: FixAvailability,
    /// Version that introduced it.
    pub since: &'static str,
    /// The Markdown doc block.
    pub docs: &'static str,
    /// The check, or `None` for schema-backed and pipeline codes.
    pub check: Option<CheckFn>,
    /// The file that declares the rule (`file!()` at the declaration).
    pub file: &'static str,
    /// The line of the declaration.
    pub line: u32,
}

impl RuleMeta {
    /// A diagnostic of this rule at its default severity.
    #[must_use]
    pub fn diag(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.name, self.severity, span, message)
    }

    /// The docs with the one leading space of each `///` line removed.
    #[must_use]
    pub fn docs_text(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// The first sentence under `## What it does`.
    #[must_use]
    pub fn summary(&self) -> String {
        let docs = self.docs_text();
        let body = docs.split("## What it does").nth(1).unwrap_or(&docs);
        let para: Vec<&str> = body
            .trim_start()
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let para = para.join(" ");
        match para.find(". ") {
            Some(i) => para[..=i].to_string(),
            None => para,
        }
    }

    /// The docs section `## heading`, if present.
    #[must_use]
    pub fn section(&self, heading: &str) -> Option<String> {
        let docs = self.docs_text();
        let marker = format!("## {heading}");
        let start = docs.find(&marker)? + marker.len();
        let rest = &docs[start..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        Some(rest[..end].trim().to_string())
    }

    /// The whole explanation, as `encyclint explain` prints it (Markdown).
    #[must_use]
    pub fn explanation(&self) -> String {
        let fix = match self.fix {
            FixAvailability::None => "none",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        };
        let schema = if self.check.is_none() && self.section("Schema").is_some() {
            "Enforced by the policy schema. "
        } else {
            ""
        };
        format!(
            "# {} ({})\n\nFamily: {}. Default severity: {}. Fix: {fix}. {schema}Since {}.\n\n{}\n",
            self.name,
            self.code,
            self.family.as_str(),
            self.severity.as_str(),
            self.since,
            self.docs_text()
        )
    }

    /// Where the rule is declared, `src/...rs:LINE`.
    #[must_use]
    pub fn source(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// Where the rule is documented.
    #[must_use]
    pub fn url(&self) -> String {
        format!(
            "https://github.com/encyclint/encyclint/blob/main/README.md#{}",
            self.code.to_lowercase()
        )
    }
}

/// Declare a rule: a unit struct with the doc block and a `META` constant.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub $ty:ident {
            code: $code:literal,
            name: $name:literal,
            family: $family:ident,
            severity: $sev:ident,
            fix: $fix:ident,
            since: $since:literal,
            check: $check:expr $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $ty;
        impl $ty {
            /// The rule's registry entry.
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $name,
                family: $crate::rules::Family::$family,
                severity: $crate::diagnostic::Severity::$sev,
                fix: $crate::rules::FixAvailability::$fix,
                since: $since,
                docs: concat!($($doc, "\n"),*),
                check: $check,
                file: file!(),
                line: line!(),
            };
        }
    };
}

/// Every rule, in code order.
pub static ALL: &[&RuleMeta] = &[
    &meta::IoError::META,
    &meta::InvalidSchema::META,
    &meta::SchemaViolation::META,
    &structure::missing_title::MissingTitle::META,
    &structure::title_artifact::TitleArtifact::META,
    &structure::missing_lead::MissingLead::META,
    &structure::empty_section::EmptySection::META,
    &structure::duplicate_heading::DuplicateHeading::META,
    &structure::misplaced_heading::MisplacedHeading::META,
    &structure::heading_style::HeadingStyle::META,
    &structure::malformed_item::MalformedItem::META,
    &meta::UnusedSuppression::META,
    &meta::TooManyFindings::META,
    &balance::one_sided_debate::OneSidedDebate::META,
    &balance::unbalanced_coverage::UnbalancedCoverage::META,
    &balance::last_word_asymmetry::LastWordAsymmetry::META,
    &balance::pov_heading::PovHeading::META,
    &balance::editorializing::Editorializing::META,
    &references::unresolved_reference::UnresolvedReference::META,
    &references::malformed_reference_list::MalformedReferenceList::META,
    &references::duplicate_reference::DuplicateReference::META,
    &references::self_reference::SelfReference::META,
    &references::non_canonical_reference::NonCanonicalReference::META,
    &references::orphan_article::OrphanArticle::META,
];

/// Look a rule up by code (`S002`) or name (`title-artifact`), case-insensitively.
#[must_use]
pub fn lookup(key: &str) -> Option<&'static RuleMeta> {
    ALL.iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
}

/// Run every enabled rule with a check function, into `out`.
pub fn run(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    for rule in ALL {
        if let Some(check) = rule.check
            && cx.settings.enabled(rule.code)
        {
            check(cx, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_invariants() {
        let codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_by_key(|c| (family_order(c), c.to_string()));
        assert_eq!(
            codes, sorted,
            "registry must be in code order, E/J first then S, B, R"
        );
        for r in ALL {
            assert!(
                r.code.len() == 4 && r.code[1..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                r.code
            );
            let prefix = match r.family {
                Family::Structure => 'S',
                Family::Balance => 'B',
                Family::References => 'R',
                Family::Schema => 'J',
                Family::Input => 'E',
            };
            assert!(
                r.code.starts_with(prefix),
                "{} is not in family {:?}",
                r.code,
                r.family
            );
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.name
            );
            for h in [
                "What it does",
                "Why is this bad?",
                "Example",
                "How to fix",
                "Guideline",
            ] {
                assert!(r.section(h).is_some(), "{} lacks `## {h}`", r.code);
            }
            // Raised by `suppress` and the linter, not a schema.
            let pipeline = [
                meta::UnusedSuppression::META.code,
                meta::TooManyFindings::META.code,
            ]
            .contains(&r.code);
            if r.check.is_none()
                && !pipeline
                && matches!(
                    r.family,
                    Family::Structure | Family::Balance | Family::References
                )
            {
                assert!(
                    r.section("Schema").is_some(),
                    "schema-backed {} lacks `## Schema`",
                    r.code
                );
            }
            assert!(!r.summary().is_empty());
            assert!(
                r.file.starts_with("src/rules/") && r.line > 0,
                "{} declared at {}",
                r.code,
                r.source()
            );
            assert!(
                r.explanation()
                    .starts_with(&format!("# {} ({})", r.name, r.code))
            );
        }
        let mut names: Vec<&str> = ALL.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len(), "names must be unique");
    }

    fn family_order(code: &str) -> usize {
        "EJSBR".find(&code[..1]).unwrap_or(9)
    }

    #[test]
    fn lookup_by_code_or_name() {
        assert_eq!(lookup("s002").map(|r| r.name), Some("title-artifact"));
        assert_eq!(lookup("title-artifact").map(|r| r.code), Some("S002"));
        assert!(lookup("nope").is_none());
    }
}
