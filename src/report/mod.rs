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
pub mod merge;
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
    /// Display path (for a page of a dump: the dump's path and the page's
    /// title, [`crate::source::shown_name`]).
    pub path: String,
    /// The page's title, for a page of a dump.
    pub page: Option<String>,
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

impl FileResult {
    /// The file read: the display path, without the page of a dump.
    #[must_use]
    pub fn file(&self) -> &str {
        match &self.page {
            Some(p) => self
                .path
                .strip_suffix(p.as_str())
                .and_then(|s| s.strip_suffix(crate::source::PAGE_SEPARATOR))
                .unwrap_or(&self.path),
            None => &self.path,
        }
    }
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
    /// How the run's `See` references resolved, when there was an index to
    /// judge them.
    pub references: Option<References>,
}

/// The references of a run, against its title index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct References {
    /// References found.
    pub found: usize,
    /// That resolve.
    pub resolved: usize,
    /// That do not.
    pub unresolved: usize,
    /// That resolve only by case or through a redirect.
    pub non_canonical: usize,
    /// Titles in the index.
    pub titles: u64,
    /// Redirects in the index.
    pub redirects: u64,
}

impl References {
    /// The run-level note that says how the references resolved.
    #[must_use]
    pub fn note(&self) -> String {
        let rate = if self.found == 0 {
            100.0
        } else {
            100.0 * self.resolved as f64 / self.found as f64
        };
        format!(
            "references: {} found, {} resolved ({rate:.1}%), {} unresolved, {} non-canonical; index: {} titles, {} redirects",
            self.found,
            self.resolved,
            self.unresolved,
            self.non_canonical,
            self.titles,
            self.redirects
        )
    }

    /// Add the counts of another part of the same run (same index).
    pub fn add(&mut self, other: &References) {
        self.found += other.found;
        self.resolved += other.resolved;
        self.unresolved += other.unresolved;
        self.non_canonical += other.non_canonical;
        self.titles = self.titles.max(other.titles);
        self.redirects = self.redirects.max(other.redirects);
    }
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

/// Positions of spans in one file, remembering the last one asked for so
/// that many findings along one long line cost the distance between them.
struct Positioner<'a> {
    src: &'a SourceFile,
    last: (usize, LineCol),
    /// Line hashes by (line, code): a line is normalised once per code.
    hashes: std::collections::HashMap<(usize, &'a str), String>,
}

impl<'a> Positioner<'a> {
    fn new(src: &'a SourceFile) -> Self {
        Self {
            src,
            last: (0, LineCol { line: 1, column: 1 }),
            hashes: std::collections::HashMap::new(),
        }
    }

    fn line_col(&mut self, offset: usize) -> LineCol {
        let pos = self
            .src
            .lines
            .line_col_from(&self.src.text, offset, self.last);
        self.last = (offset, pos);
        pos
    }

    fn position(&mut self, span: Span) -> Positioned {
        let span = span.clamp_to(&self.src.text);
        Positioned {
            span,
            start: self.line_col(span.start()),
            end: self.line_col(span.end()),
        }
    }

    fn line_hash(&mut self, code: &'a str, line: usize) -> String {
        let src = self.src;
        self.hashes
            .entry((line, code))
            .or_insert_with(|| fingerprint::line_hash(code, line_text(src, line)))
            .clone()
    }
}

/// Position every span of the diagnostics of one file.
#[must_use]
pub fn locate(src: &SourceFile, diags: Vec<Diagnostic>) -> Vec<Located> {
    let mut p = Positioner::new(src);
    let hashes: Vec<String> = diags
        .iter()
        .map(|d| {
            let line = src.lines.line_of(d.span.clamp_to(&src.text).start());
            p.line_hash(&d.code, line)
        })
        .collect();
    drop(p);
    let mut p = Positioner::new(src);
    diags
        .into_iter()
        .zip(hashes)
        .map(|(d, line_hash)| Located {
            at: p.position(d.span),
            labels: d.labels.iter().map(|l| p.position(l.span)).collect(),
            edits: d
                .fix
                .iter()
                .flat_map(|f| f.edits.iter())
                .map(|e| p.position(e.span))
                .collect(),
            line_hash,
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

/// The text of the 1-based `line`, without its line end.
fn line_text(src: &SourceFile, line: usize) -> &str {
    let text: &str = &src.text;
    let start = src.lines.line_start(line).unwrap_or(text.len());
    let end = src.lines.line_start(line + 1).unwrap_or(text.len());
    text[start..end].trim_end_matches(['\n', '\r'])
}
