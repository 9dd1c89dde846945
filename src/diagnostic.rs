//! The one diagnostic type every rule, the schema layer and the input gate emit.
//!
//! A [`Diagnostic`] holds a code, a severity, a message, a primary byte span,
//! optional secondary labels, help and a [`Fix`]. Reporters turn it into
//! human, JSON, short or machine formats; nothing here prints.

use serde::Serialize;

use crate::span::Span;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational.
    Info,
    /// Worth a look; does not fail a run unless `--max-warnings` is exceeded.
    Warning,
    /// Fails the run (exit 1).
    Error,
}

impl Severity {
    /// The lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parse `error`, `warning`/`warn`, `info`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// Whether a fix may be applied without review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    /// Meaning-preserving: `--fix` applies it.
    Safe,
    /// Probably right but may change meaning: shown, applied only on request.
    Unsafe,
    /// A suggestion for a human.
    DisplayOnly,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// What to replace.
    pub span: Span,
    /// The replacement text.
    pub text: String,
}

/// A proposed change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, e.g. ``remove `Edit` from the title``.
    pub title: String,
    /// Whether `--fix` applies it.
    pub applicability: Applicability,
    /// Non-overlapping edits.
    pub edits: Vec<Edit>,
}

/// A secondary span with a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// What this span shows.
    pub message: String,
    /// Where.
    pub span: Span,
}

/// A finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Rule code, e.g. `S002` (a user schema may use its own codes).
    pub code: String,
    /// Rule name, e.g. `title-artifact`.
    pub name: String,
    /// Severity after settings were applied.
    pub severity: Severity,
    /// What is wrong with this instance, lower case, no trailing period.
    pub message: String,
    /// The primary span.
    pub span: Span,
    /// What the primary span shows (shown under the snippet).
    pub label: Option<String>,
    /// Secondary spans.
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
    /// A machine-applicable fix.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic with the given identity, severity, span and message.
    #[must_use]
    pub fn new(
        code: &str,
        name: &str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code: code.to_string(),
            name: name.to_string(),
            severity,
            message: message.into(),
            span,
            label: None,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// Set the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Set the primary label.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Add a secondary label.
    #[must_use]
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            message: message.into(),
            span,
        });
        self
    }

    /// Attach a fix.
    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
