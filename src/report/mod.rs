//! Reporters: diagnostics of a run in every output format: human (miette,
//! `human.rs`), JSON and short (here), SARIF, GitHub annotations, JUnit,
//! GitLab Code Quality and a self-contained HTML page with charts (`html.rs`,
//! its SVG in `html/charts.rs`), one file each, with the stable fingerprints
//! they share (`fingerprint.rs`).
//!
//! Per-file work (positions, human and HTML rendering) happens in the parallel
//! stage through [`locate`], [`human::render`] and [`html::render_file`]; the
//! writers here only serialise what they are given, in the order given, to any
//! `Write`. Only the HTML format needs more than diagnostics: the figures of
//! each article ([`html::ArticleCharts`]), computed in the worker thread only
//! when that is the format.

pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod junit;
pub mod sarif;

use std::io::{self, Write};

use serde_json::{Value, json};

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
    /// The text of the line the primary span starts on (no line end): the
    /// stable context that baselines and fingerprints hash.
    pub line_text: String,
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
            line_text: line_text(src, d.span),
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
        diag: d,
        at: p,
        labels: Vec::new(),
        edits: Vec::new(),
        line_text: String::new(),
    }
}

/// The text of the line `span` starts on, without its line end.
fn line_text(src: &SourceFile, span: Span) -> String {
    let text: &str = &src.text;
    let start = span.clamp_to(text).offset;
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| start + p);
    text[line_start..line_end].to_string()
}

fn span_json(p: &Positioned) -> Value {
    json!({
        "offset": p.span.offset,
        "length": p.span.length,
        "line": p.start.line,
        "column": p.start.column,
        "end_line": p.end.line,
        "end_column": p.end.column,
    })
}

/// One diagnostic as a JSON report entry.
#[must_use]
pub fn diagnostic_json(file: &str, l: &Located) -> Value {
    let d = &l.diag;
    let mut labels: Vec<Value> = Vec::new();
    if let Some(m) = &d.label {
        labels.push(json!({"message": m, "span": span_json(&l.at)}));
    }
    for (lab, p) in d.labels.iter().zip(&l.labels) {
        labels.push(json!({"message": lab.message, "span": span_json(p)}));
    }
    let fix = d.fix.as_ref().map(|f| {
        json!({
            "title": f.title,
            "applicability": f.applicability,
            "edits": f.edits.iter().zip(&l.edits).map(|(e, p)| json!({"span": span_json(p), "text": e.text})).collect::<Vec<_>>(),
        })
    });
    json!({
        "file": file,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.as_str(),
        "message": d.message,
        "help": d.help,
        "span": span_json(&l.at),
        "labels": labels,
        "fix": fix,
    })
}

/// The JSON report.
///
/// # Errors
/// Write errors.
pub fn write_json(w: &mut dyn Write, results: &[FileResult], summary: &Summary) -> io::Result<()> {
    let diagnostics: Vec<Value> = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|l| diagnostic_json(&r.path, l)))
        .collect();
    let mut sum = json!({
        "files": summary.files,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "infos": summary.infos,
    });
    if let Some(f) = summary.fixed {
        sum["fixed"] = json!(f);
    }
    let mut report = json!({
        "version": 1,
        "tool": {"name": "encyclint", "version": env!("CARGO_PKG_VERSION")},
        "summary": sum,
        "diagnostics": diagnostics,
    });
    if !summary.notes.is_empty() {
        report["notes"] = json!(summary.notes);
    }
    serde_json::to_writer_pretty(&mut *w, &report)?;
    writeln!(w)
}

/// One line per finding.
///
/// # Errors
/// Write errors.
pub fn write_short(w: &mut dyn Write, results: &[FileResult]) -> io::Result<()> {
    for r in results {
        for l in &r.diagnostics {
            writeln!(
                w,
                "{}:{}:{}: {}[{}] {}",
                human::sanitize_line(&r.path),
                l.at.start.line,
                l.at.start.column,
                l.diag.severity.as_str(),
                l.diag.code,
                human::sanitize_line(&l.diag.message)
            )?;
        }
    }
    Ok(())
}

/// The human report: the pre-rendered snippets, then a summary line.
///
/// # Errors
/// Write errors.
pub fn write_human(w: &mut dyn Write, results: &[FileResult], summary: &Summary) -> io::Result<()> {
    for r in results {
        w.write_all(r.rendered.as_bytes())?;
    }
    for n in &summary.notes {
        writeln!(w, "note: {n}")?;
    }
    let plural = |n: usize, s: &str| {
        if n == 1 {
            format!("{n} {s}")
        } else {
            format!("{n} {s}s")
        }
    };
    let with_findings = results.iter().filter(|r| !r.diagnostics.is_empty()).count();
    if summary.errors + summary.warnings + summary.infos == 0 {
        writeln!(
            w,
            "All clean: {} checked, no findings.",
            plural(summary.files, "file")
        )?;
    } else {
        writeln!(
            w,
            "Found {}, {} and {} in {} ({} checked).",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            plural(summary.infos, "info"),
            plural(with_findings, "file"),
            summary.files
        )?;
    }
    Ok(())
}
