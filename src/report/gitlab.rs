//! GitLab Code Quality JSON: an array of issues with `description`,
//! `check_name`, `fingerprint`, `severity` and `location.path` /
//! `location.lines.begin`. GitLab needs each fingerprint unique in a report,
//! so identical findings in one file are told apart by their occurrence.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::json;

use crate::diagnostic::Severity;
use crate::report::fingerprint::{PathMapper, fnv1a, normalise};
use crate::report::stream::{Stream, StreamError, write_indented};
use crate::report::{FileResult, Summary};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// `--format gitlab`: the array written one issue at a time.
pub struct GitlabStream<'w> {
    w: &'w mut dyn Write,
    mapper: &'w PathMapper,
    issues: usize,
}

impl<'w> GitlabStream<'w> {
    /// A stream onto `w`.
    pub fn new(w: &'w mut dyn Write, mapper: &'w PathMapper) -> Self {
        Self {
            w,
            mapper,
            issues: 0,
        }
    }
}

impl Stream for GitlabStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        // Fingerprints hash the path, so only findings of one file can collide.
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let path = self.mapper.best(&r.path);
        for l in &r.diagnostics {
            let d = &l.diag;
            let context = &l.line_hash;
            let n = seen
                .entry(format!("{context}{}", normalise(&d.message)))
                .or_insert(0);
            *n += 1;
            let fp = format!(
                "{:016x}",
                fnv1a(&[
                    &path,
                    &d.code,
                    context,
                    &normalise(&d.message),
                    &n.to_string()
                ])
            );
            let issue = json!({
                "type": "issue",
                "description": format!("{}: {}", d.code, d.message),
                "check_name": d.code,
                "categories": ["Style"],
                "fingerprint": fp,
                "severity": severity(d.severity),
                "location": {"path": path, "lines": {"begin": l.at.start.line, "end": l.at.end.line}},
            });
            let sep: &[u8] = if self.issues == 0 { b"[\n  " } else { b",\n  " };
            self.w.write_all(sep)?;
            let text = serde_json::to_string_pretty(&issue).map_err(io::Error::other)?;
            write_indented(self.w, &text, 2)?;
            self.issues += 1;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _: &Summary) -> Result<(), StreamError> {
        let end: &[u8] = if self.issues == 0 { b"[]\n" } else { b"\n]\n" };
        self.w.write_all(end)?;
        Ok(())
    }
}
