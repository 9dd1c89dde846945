//! The versioned JSON report (`schema/report.schema.json`) and JSON Lines.
//!
//! The JSON report is written as the run goes, byte for byte what
//! `serde_json::to_writer_pretty` prints for the whole document: its keys are
//! in alphabetical order, so `diagnostics` and `files` (every file of the run,
//! spooled) come first and the summary, which needs the whole run, last.
//! JSON Lines (`--format jsonl`) is one compact diagnostic per line and
//! nothing else, for pipelines.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::report::stream::{Spool, Stream, StreamError, write_indented};
use crate::report::{FileResult, Located, Positioned, Summary};

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
        "line_hash": l.line_hash,
    })
}

/// The members of the report after `diagnostics` and `files`.
fn tail(summary: &Summary) -> Value {
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

fn pretty(v: &Value) -> io::Result<String> {
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
            write_indented(self.w, &pretty(&diagnostic_json(&r.path, l))?, 4)?;
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
            serde_json::to_writer(&mut *self.w, &diagnostic_json(&r.path, l))?;
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
            .flat_map(|r| r.diagnostics.iter().map(|l| diagnostic_json(&r.path, l)))
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
            diagnostic_json("a.txt", &results[0].diagnostics[0])
        );
    }
}
