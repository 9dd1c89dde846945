//! GitLab Code Quality JSON: an array of issues with `description`,
//! `check_name`, `fingerprint`, `severity` and `location.path` /
//! `location.lines.begin`. GitLab needs each fingerprint unique in a report,
//! so identical findings in one file are told apart by their occurrence.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::diagnostic::Severity;
use crate::report::FileResult;
use crate::report::fingerprint::{PathMapper, fnv1a, line_hash, normalise};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// Write the Code Quality report.
///
/// # Errors
/// Write errors.
pub fn write_gitlab(
    w: &mut dyn Write,
    results: &[FileResult],
    mapper: &PathMapper,
) -> io::Result<()> {
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut issues: Vec<Value> = Vec::new();
    for r in results {
        let path = mapper.best(&r.path);
        for l in &r.diagnostics {
            let d = &l.diag;
            let context = line_hash(&d.code, &l.line_text);
            let key = (path.clone(), format!("{context}{}", normalise(&d.message)));
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            let fp = format!(
                "{:016x}",
                fnv1a(&[
                    &path,
                    &d.code,
                    &context,
                    &normalise(&d.message),
                    &n.to_string()
                ])
            );
            issues.push(json!({
                "type": "issue",
                "description": format!("{}: {}", d.code, d.message),
                "check_name": d.code,
                "categories": ["Style"],
                "fingerprint": fp,
                "severity": severity(d.severity),
                "location": {"path": path, "lines": {"begin": l.at.start.line, "end": l.at.end.line}},
            }));
        }
    }
    serde_json::to_writer_pretty(&mut *w, &issues)?;
    writeln!(w)
}
