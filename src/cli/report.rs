//! `encyclint report merge`: the JSON reports of a run's shards joined into
//! the whole run's report ([`crate::report::merge`]).

use std::io::{self, Write};
use std::path::PathBuf;

use crate::diagnostic::Severity;
use crate::report::fingerprint::PathMapper;
use crate::report::stream::{self, StreamError};
use crate::report::{OutputFormat, human, merge};
use crate::source;

/// `encyclint report merge`.
///
/// # Errors
/// Write errors.
pub fn merge(
    reports: &[PathBuf],
    format: OutputFormat,
    max_warnings: Option<usize>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if matches!(format, OutputFormat::Human | OutputFormat::Html) {
        writeln!(
            err,
            "error: `report merge` cannot write the {} format: it shows the articles' text, which a JSON report does not hold; use json, jsonl, short, sarif, github, junit or gitlab, or run `check` on the whole set",
            if format == OutputFormat::Human {
                "human"
            } else {
                "html"
            }
        )?;
        return Ok(2);
    }
    let mut parts = Vec::with_capacity(reports.len());
    let names: Vec<String> = reports.iter().map(|p| p.display().to_string()).collect();
    for (path, name) in reports.iter().zip(&names) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                writeln!(
                    err,
                    "error: cannot read the report {}: {}",
                    human::sanitize_line(name),
                    source::io_reason(&e)
                )?;
                return Ok(2);
            }
        };
        match merge::read(name, &text) {
            Ok(p) => parts.push(p),
            Err(e) => {
                writeln!(err, "error: {}", human::sanitize_line(&e.0))?;
                return Ok(2);
            }
        }
    }
    let (files, summary) = match merge::merge(parts, &names) {
        Ok(m) => m,
        Err(e) => {
            writeln!(err, "error: {}", human::sanitize_line(&e.0))?;
            return Ok(2);
        }
    };
    let mut failures = Vec::new();
    let mut errors = false;
    for r in &files {
        for l in &r.diagnostics {
            if r.failed && l.diag.code.starts_with('E') {
                failures.push(format!(
                    "error[{}]: {}: {}",
                    l.diag.code,
                    human::sanitize_line(&r.path),
                    human::sanitize_line(&l.diag.message)
                ));
            } else if l.diag.severity == Severity::Error {
                errors = true;
            }
        }
    }
    let mapper = PathMapper::from_env();
    match stream::write(format, out, &mapper, files, &summary) {
        Ok(()) => {}
        Err(StreamError::Io(e)) => return Err(e),
        Err(StreamError::Refused(m)) => {
            writeln!(err, "error: {m}")?;
            return Ok(2);
        }
    }
    for f in &failures {
        writeln!(err, "{f}")?;
    }
    let over_warnings = max_warnings.is_some_and(|m| summary.warnings > m);
    Ok(if !failures.is_empty() {
        2
    } else if errors || over_warnings {
        1
    } else {
        0
    })
}
