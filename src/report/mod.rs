//! Reporters: diagnostics of a run in every output format, one file each:
//! human (miette, `human.rs`), JSON and JSON Lines (`json.rs`), short, SARIF,
//! GitHub annotations, JUnit, GitLab Code Quality and a self-contained HTML
//! page with charts (`html.rs`, its SVG in `html/charts.rs`), with the stable
//! fingerprints they share (`fingerprint.rs`).
//!
//! Per-file work (positions, human and HTML rendering) happens in the parallel
//! stage through [`locate`], [`human::render`] and [`html::render_file`]. Each
//! format is a [`stream::Stream`]: it takes the files' results one at a time in
//! input order and writes as it goes, so a run's memory does not grow with its
//! findings (`stream.rs`). Only the HTML format needs more than diagnostics:
//! the figures of each article ([`html::ArticleCharts`]), computed in the
//! worker thread only when that is the format.

pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;
pub mod stream;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;
use crate::span::{LineCol, Span};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Rich diagnostics with source snippets (miette).
    Human,
    /// The versioned JSON report (`schema/report.schema.json`).
    Json,
    /// JSON Lines: one diagnostic per line, as in the JSON report.
    Jsonl,
    /// `path:line:col: severity[CODE] message`, one line each.
    Short,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML: one test suite per file.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// One self-contained HTML page: summary, charts, findings with snippets,
    /// rule explanations.
    Html,
}

/// A span with its positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Positioned {
    /// Bytes.
    pub span: Span,
    /// Start position.
    pub start: LineCol,
    /// End position (exclusive end, as line/column of the byte after).
    pub end: LineCol,
}

/// A diagnostic with every span positioned.
#[derive(Debug, Clone)]
pub struct Located {
    /// The diagnostic.
    pub diag: Diagnostic,
    /// Its primary span.
    pub at: Positioned,
    /// Its secondary labels' spans, in order.
    pub labels: Vec<Positioned>,
    /// Its fix edits' spans, in order.
    pub edits: Vec<Positioned>,
    /// The code and a hash of the text of the line the primary span starts
    /// on, white space collapsed ([`fingerprint::line_hash`]): the stable
    /// context that baselines and fingerprints use, and that the JSON report
    /// carries so that reports can be merged and converted later.
    pub line_hash: String,
}

/// What one file contributed to the report.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    /// Display path.
    pub path: String,
    /// Findings in offset order.
    pub diagnostics: Vec<Located>,
    /// This file's part of the report, rendered in its worker thread when the
    /// format draws files one by one (human snippets, the HTML section); empty
    /// otherwise.
    pub rendered: String,
    /// The file could not be read or checked (exit 2).
    pub failed: bool,
    /// The article's figures, for the HTML format only.
    pub charts: Option<Box<html::ArticleCharts>>,
}

/// Counts for the summary line and the JSON summary.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Files checked (or attempted).
    pub files: usize,
    /// Findings by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Fixes applied, when `--fix` ran.
    pub fixed: Option<usize>,
    /// Run-level notes (e.g. references not judged without an index).
    pub notes: Vec<String>,
}

impl Summary {
    /// Add a file's findings.
    pub fn add(&mut self, r: &FileResult) {
        self.files += 1;
        for d in &r.diagnostics {
            match d.diag.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

fn position(src: &SourceFile, span: Span) -> Positioned {
    let span = span.clamp_to(&src.text);
    Positioned {
        span,
        start: src.lines.line_col(&src.text, span.offset),
        end: src.lines.line_col(&src.text, span.end()),
    }
}

/// Position every span of the diagnostics of one file.
#[must_use]
pub fn locate(src: &SourceFile, diags: Vec<Diagnostic>) -> Vec<Located> {
    diags
        .into_iter()
        .map(|d| Located {
            at: position(src, d.span),
            labels: d.labels.iter().map(|l| position(src, l.span)).collect(),
            edits: d
                .fix
                .iter()
                .flat_map(|f| f.edits.iter())
                .map(|e| position(src, e.span))
                .collect(),
            line_hash: fingerprint::line_hash(&d.code, line_text(src, d.span)),
            diag: d,
        })
        .collect()
}

/// A diagnostic about a file as a whole (unreadable, crashed): no snippet.
#[must_use]
pub fn file_level(d: Diagnostic) -> Located {
    let p = Positioned {
        span: Span::new(0, 0),
        start: LineCol { line: 1, column: 1 },
        end: LineCol { line: 1, column: 1 },
    };
    Located {
        line_hash: fingerprint::line_hash(&d.code, ""),
        diag: d,
        at: p,
        labels: Vec::new(),
        edits: Vec::new(),
    }
}

/// The text of the line `span` starts on, without its line end.
fn line_text(src: &SourceFile, span: Span) -> &str {
    let text: &str = &src.text;
    let start = span.clamp_to(text).offset;
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| start + p);
    &text[line_start..line_end]
}
