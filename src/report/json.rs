//! The versioned JSON report (`schema/report.schema.json`) and JSON Lines.
//!
//! The JSON report is written as the run goes, byte for byte what
//! `serde_json::to_writer_pretty` prints for the whole document: its keys are
//! in alphabetical order, so `diagnostics` and `files` (every file of the run,
//! spooled) come first and the summary, which needs the whole run, last.
//! JSON Lines (`--format jsonl`) is one compact diagnostic per line and
//! nothing else, for pipelines.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use crate::report::stream::{Spool, Stream, StreamError, write_indented};
use crate::report::{FileResult, Located, Positioned, Summary};

/// A position as the report writes it (members in alphabetical order, as
/// serde_json's map prints them).
#[derive(Serialize)]
struct SpanEntry {
    column: usize,
    end_column: usize,
    end_line: usize,
    length: usize,
    line: usize,
    offset: usize,
}

impl From<&Positioned> for SpanEntry {
    fn from(p: &Positioned) -> Self {
        Self {
            column: p.start.column,
            end_column: p.end.column,
            end_line: p.end.line,
            length: p.span.len(),
            line: p.start.line,
            offset: p.span.start(),
        }
    }
}

#[derive(Serialize)]
struct LabelEntry<'a> {
    message: &'a str,
    span: SpanEntry,
}

#[derive(Serialize)]
struct EditEntry<'a> {
    span: SpanEntry,
    text: &'a str,
}

#[derive(Serialize)]
struct FixEntry<'a> {
    applicability: &'a crate::diagnostic::Applicability,
    edits: Vec<EditEntry<'a>>,
    title: &'a str,
}

/// One diagnostic of the JSON report, written straight from the diagnostic
/// (no `Value` tree per finding); members in alphabetical order, so the
/// bytes are those of [`diagnostic_json`] printed by serde_json.
#[derive(Serialize)]
pub struct DiagnosticEntry<'a> {
    code: &'a str,
    file: &'a str,
    fix: Option<FixEntry<'a>>,
    help: Option<&'a str>,
    labels: Vec<LabelEntry<'a>>,
    line_hash: &'a str,
    message: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
    severity: &'a str,
    span: SpanEntry,
}

/// One diagnostic as a JSON report entry; `page` is the page's title for a
/// page of a dump (`file` is then the dump).
#[must_use]
pub fn diagnostic_entry<'a>(
    file: &'a str,
    page: Option<&'a str>,
    l: &'a Located,
) -> DiagnosticEntry<'a> {
    let d = &l.diag;
    let mut labels = Vec::with_capacity(d.labels.len() + 1);
    if let Some(m) = &d.label {
        labels.push(LabelEntry {
            message: m,
            span: (&l.at).into(),
        });
    }
    for (lab, p) in d.labels.iter().zip(&l.labels) {
        labels.push(LabelEntry {
            message: &lab.message,
            span: p.into(),
        });
    }
    let fix = d.fix.as_ref().map(|f| FixEntry {
        applicability: &f.applicability,
        edits: f
            .edits
            .iter()
            .zip(&l.edits)
            .map(|(e, p)| EditEntry {
                span: p.into(),
                text: &e.text,
            })
            .collect(),
        title: &f.title,
    });
    DiagnosticEntry {
        code: &d.code,
        file,
        fix,
        help: d.help.as_deref(),
        labels,
        line_hash: &l.line_hash,
        message: &d.message,
        name: &d.name,
        page,
        severity: d.severity.as_str(),
        span: (&l.at).into(),
    }
}

/// [`diagnostic_entry`] as a JSON value.
#[must_use]
pub fn diagnostic_json(file: &str, page: Option<&str>, l: &Located) -> Value {
    serde_json::to_value(diagnostic_entry(file, page, l)).unwrap_or(Value::Null)
}

/// The members of the report after `diagnostics` and `files`: `notes`,
/// `summary`, `tool` and `version` (what a run checked in pieces, a
/// binding's, gives once its pieces are added up).
#[must_use]
pub fn tail(summary: &Summary) -> Value {
    let mut sum = json!({
        "files": summary.files,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "infos": summary.infos,
    });
    if let Some(f) = summary.fixed {
        sum["fixed"] = json!(f);
    }
    if let Some(r) = &summary.references {
        sum["references"] = json!({
            "found": r.found,
            "resolved": r.resolved,
            "unresolved": r.unresolved,
            "non_canonical": r.non_canonical,
            "index_titles": r.titles,
            "index_redirects": r.redirects,
        });
    }
    let mut t = json!({
        "version": 1,
        "tool": {"name": "encyclint", "version": env!("CARGO_PKG_VERSION")},
        "summary": sum,
    });
    if !summary.notes.is_empty() {
        t["notes"] = json!(summary.notes);
    }
    t
}

/// `--format json`.
pub struct JsonStream<'w> {
    w: &'w mut dyn Write,
    started: bool,
    diagnostics: usize,
    files: Spool,
    file_count: usize,
}

impl<'w> JsonStream<'w> {
    /// A report onto `w`.
    pub fn new(w: &'w mut dyn Write) -> Self {
        Self {
            w,
            started: false,
            diagnostics: 0,
            files: Spool::new(),
            file_count: 0,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.w.write_all(b"{\n  \"diagnostics\": [")?;
        }
        Ok(())
    }
}

fn pretty(v: &impl Serialize) -> io::Result<String> {
    serde_json::to_string_pretty(v).map_err(io::Error::other)
}

impl Stream for JsonStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        self.start()?;
        for l in &r.diagnostics {
            let sep: &[u8] = if self.diagnostics == 0 {
                b"\n    "
            } else {
                b",\n    "
            };
            self.w.write_all(sep)?;
            write_indented(
                self.w,
                &pretty(&diagnostic_entry(r.file(), r.page.as_deref(), l))?,
                4,
            )?;
            self.diagnostics += 1;
        }
        let sep: &[u8] = if self.file_count == 0 {
            b"\n    "
        } else {
            b",\n    "
        };
        self.files.write_all(sep)?;
        serde_json::to_writer(&mut self.files, &r.path)?;
        self.file_count += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>, summary: &Summary) -> Result<(), StreamError> {
        self.start()?;
        let close: &[u8] = if self.diagnostics == 0 {
            b"],\n  \"files\": ["
        } else {
            b"\n  ],\n  \"files\": ["
        };
        self.w.write_all(close)?;
        self.files.copy_to(self.w)?;
        let close: &[u8] = if self.file_count == 0 {
            b"],"
        } else {
            b"\n  ],"
        };
        self.w.write_all(close)?;
        // `{\n  "notes": ...\n}` without its opening brace.
        let rest = pretty(&tail(summary))?;
        self.w.write_all(&rest.as_bytes()[1..])?;
        self.w.write_all(b"\n")?;
        Ok(())
    }
}

/// `--format jsonl`: one diagnostic per line, as in the JSON report.
pub struct JsonlStream<'w> {
    w: &'w mut dyn Write,
}

impl<'w> JsonlStream<'w> {
    /// A stream onto `w`.
    pub fn new(w: &'w mut dyn Write) -> Self {
        Self { w }
    }
}

impl Stream for JsonlStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        for l in &r.diagnostics {
            serde_json::to_writer(
                &mut *self.w,
                &diagnostic_entry(r.file(), r.page.as_deref(), l),
            )?;
            self.w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _: &Summary) -> Result<(), StreamError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::report::locate;
    use crate::source::{Format, SourceFile};
    use crate::span::Span;

    fn result(path: &str, n: usize) -> FileResult {
        let src = SourceFile::new(path, "Title\nA lead.\n", Format::Text);
        let diags = (0..n)
            .map(|i| {
                Diagnostic::new(
                    "S004",
                    "empty-section",
                    Severity::Warning,
                    Span::new(i, 1),
                    format!("m{i}"),
                )
            })
            .collect();
        FileResult {
            path: path.into(),
            diagnostics: locate(&src, diags),
            ..FileResult::default()
        }
    }

    /// The whole document built in memory and printed by serde_json: what
    /// the streamed report must equal byte for byte.
    fn whole(results: &[FileResult], summary: &Summary) -> String {
        let mut doc = tail(summary);
        doc["diagnostics"] = results
            .iter()
            .flat_map(|r| {
                r.diagnostics
                    .iter()
                    .map(|l| diagnostic_json(r.file(), r.page.as_deref(), l))
            })
            .collect();
        doc["files"] = results.iter().map(|r| json!(r.path)).collect();
        serde_json::to_string_pretty(&doc).unwrap() + "\n"
    }

    fn streamed(results: &[FileResult], summary: &Summary) -> String {
        let mut out = Vec::new();
        let mut s: Box<dyn Stream> = Box::new(JsonStream::new(&mut out));
        for r in results {
            s.file(r.clone()).unwrap();
        }
        s.finish(summary).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn streamed_json_equals_the_whole_document() {
        let mut summary = Summary::default();
        for results in [
            vec![],
            vec![result("a.txt", 0)],
            vec![
                result("a.txt", 2),
                result("b \"q\".txt", 0),
                result("c.txt", 1),
            ],
        ] {
            for r in &results {
                summary.add(r);
            }
            assert_eq!(streamed(&results, &summary), whole(&results, &summary));
            summary.notes.push("a note".into());
            summary.fixed = Some(3);
        }
    }

    #[test]
    fn jsonl_is_one_parsable_diagnostic_per_line() {
        let results = [result("a.txt", 2), result("b.txt", 1)];
        let mut out = Vec::new();
        let mut s: Box<dyn Stream> = Box::new(JsonlStream::new(&mut out));
        for r in &results {
            s.file(r.clone()).unwrap();
        }
        s.finish(&Summary::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<Value> = text
            .split_terminator('\n')
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[2]["file"], "b.txt");
        assert_eq!(
            lines[0],
            diagnostic_json("a.txt", None, &results[0].diagnostics[0])
        );
    }
}
