//! SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//!
//! One run per invocation. `tool.driver.rules` lists only the rules that fired,
//! with their descriptions, help and URL taken from the registry docs (the one
//! source of truth). Paths are relative to the repository root under the
//! `%SRCROOT%` base; regions count Unicode code points (`columnKind`), as the
//! JSON report does. Each result carries a `partialFingerprints` entry (code +
//! hash of its line's text, white space collapsed) so alerts survive edits
//! elsewhere in the file, and fixes with their `artifactChanges`.
//!
//! GitHub refuses a whole upload with more than 25,000 results in a run or
//! over 10 MB gzipped, so [`SarifStream`] checks both before writing anything.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::diagnostic::Severity;
use crate::report::fingerprint::{PathMapper, uri_encode};
use crate::report::stream::{Spool, Stream, StreamError, write_indented};
use crate::report::{FileResult, Located, Positioned, Summary};
use crate::rules;

/// The most results GitHub code scanning accepts in one run.
pub const MAX_RESULTS: usize = 25_000;
/// The largest gzipped SARIF file GitHub code scanning accepts (10 MB).
pub const MAX_GZIP_BYTES: u64 = 10_000_000;
/// Where the tool is documented.
pub const INFORMATION_URI: &str = "https://github.com/encyclint/encyclint";
/// The `partialFingerprints` key.
pub const FINGERPRINT_KEY: &str = "encyclintLineHash/v1";

/// Why no SARIF was written.
#[derive(Debug)]
pub enum SarifError {
    /// More results than GitHub accepts in a run.
    TooManyResults(usize),
    /// The file would be over GitHub's size limit once gzipped.
    TooLarge(u64),
    /// Writing failed.
    Io(io::Error),
}

impl fmt::Display for SarifError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SarifError::TooManyResults(n) => write!(
                f,
                "{n} results is over the {MAX_RESULTS} GitHub code scanning accepts in one SARIF run; \
                 no SARIF written (narrow the paths, use --select, or record known findings with --write-baseline)"
            ),
            SarifError::TooLarge(n) => write!(
                f,
                "the SARIF file would be {n} bytes gzipped, over the {MAX_GZIP_BYTES} GitHub code scanning accepts; \
                 no SARIF written (narrow the paths, use --select, or record known findings with --write-baseline)"
            ),
            SarifError::Io(e) => write!(f, "cannot write SARIF: {e}"),
        }
    }
}

impl std::error::Error for SarifError {}

impl From<io::Error> for SarifError {
    fn from(e: io::Error) -> Self {
        SarifError::Io(e)
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(p: &Positioned) -> Value {
    json!({
        "startLine": p.start.line,
        "startColumn": p.start.column,
        "endLine": p.end.line,
        "endColumn": p.end.column,
    })
}

fn artifact_location(mapper: &PathMapper, file: &str) -> Value {
    match mapper.relative(file) {
        Some(rel) => json!({"uri": uri_encode(&rel), "uriBaseId": "%SRCROOT%"}),
        None => {
            let abs = mapper.absolute(file).to_string_lossy().replace('\\', "/");
            let abs = if abs.starts_with('/') {
                abs
            } else {
                format!("/{abs}")
            };
            json!({"uri": format!("file://{}", uri_encode(&abs))})
        }
    }
}

/// The `rules[]` entry of a code: registry docs, or a bare entry for codes a
/// user's policy schema invented.
fn rule_descriptor(code: &str, name: &str) -> Value {
    match rules::lookup(code) {
        Some(r) => {
            let what = r.section("What it does").unwrap_or_else(|| r.summary());
            let why = r
                .section("Why is this bad?")
                .or_else(|| r.section("Why flag this?"));
            let full = match why {
                Some(w) => format!("{what}\n\n{w}"),
                None => what,
            };
            let docs = r.docs_text();
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": full},
                "help": {"text": docs, "markdown": docs},
                "helpUri": r.url(),
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"tags": [r.family.as_str()]},
            })
        }
        None => {
            let text = format!("`{name}`, a constraint of the policy schema");
            json!({
                "id": code,
                "name": name,
                "shortDescription": {"text": text},
                "fullDescription": {"text": text},
                "help": {"text": "See the x-message and x-help annotations of the policy schema.".to_string()},
            })
        }
    }
}

fn result(mapper: &PathMapper, file: &str, l: &Located, rule_index: usize) -> Value {
    let d = &l.diag;
    let text = match &d.help {
        Some(h) => format!("{}\nhelp: {h}", d.message),
        None => d.message.clone(),
    };
    let location = artifact_location(mapper, file);
    let mut r = json!({
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region(&l.at)}}],
        "partialFingerprints": {FINGERPRINT_KEY: l.line_hash},
    });
    if !d.labels.is_empty() {
        let related: Vec<Value> = d
            .labels
            .iter()
            .zip(&l.labels)
            .enumerate()
            .map(|(i, (lab, p))| {
                json!({
                    "id": i,
                    "message": {"text": lab.message},
                    "physicalLocation": {"artifactLocation": location, "region": region(p)},
                })
            })
            .collect();
        r["relatedLocations"] = Value::Array(related);
    }
    if let Some(fix) = &d.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .zip(&l.edits)
            .map(|(e, p)| {
                let mut rep = json!({"deletedRegion": region(p)});
                if !e.text.is_empty() {
                    rep["insertedContent"] = json!({"text": e.text});
                }
                rep
            })
            .collect();
        if !replacements.is_empty() {
            r["fixes"] = json!([{
                "description": {"text": fix.title},
                "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
            }]);
        }
    }
    r
}

/// The log around its results: everything but the results, which go where
/// the empty `"results": []` is.
fn frame(fired: &[(String, String)], failed: Vec<Value>) -> Value {
    let rules: Vec<Value> = fired.iter().map(|(c, n)| rule_descriptor(c, n)).collect();
    let mut invocation = json!({"executionSuccessful": failed.is_empty()});
    if !failed.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(failed);
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "encyclint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "automationDetails": {"id": "encyclint/"},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": [],
        }],
    })
}

/// Where the results go in the pretty-printed frame. A JSON string holds no
/// raw line break, so this can only be the member itself.
const RESULTS: &str = "\n      \"results\": []";

/// `--format sarif`. Results are spooled as they come (up to GitHub's limit;
/// past it they are only counted); the log is written at the end, or refused.
/// Rules are listed in the order they first fired, so each result's
/// `ruleIndex` is known when it is written.
pub struct SarifStream<'w> {
    w: &'w mut dyn Write,
    mapper: &'w PathMapper,
    fired: Vec<(String, String)>,
    index: BTreeMap<String, usize>,
    results: Spool,
    count: usize,
    failed: Vec<Value>,
}

impl<'w> SarifStream<'w> {
    /// A stream onto `w`.
    pub fn new(w: &'w mut dyn Write, mapper: &'w PathMapper) -> Self {
        Self {
            w,
            mapper,
            fired: Vec::new(),
            index: BTreeMap::new(),
            results: Spool::new(),
            count: 0,
            failed: Vec::new(),
        }
    }
}

impl Stream for SarifStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        for l in &r.diagnostics {
            self.count += 1;
            if self.count > MAX_RESULTS {
                continue;
            }
            let code = l.diag.code.as_str();
            let i = match self.index.get(code) {
                Some(i) => *i,
                None => {
                    let i = self.fired.len();
                    self.fired.push((code.to_string(), l.diag.name.clone()));
                    self.index.insert(code.to_string(), i);
                    i
                }
            };
            let sep: &[u8] = if self.count == 1 {
                b"\n        "
            } else {
                b",\n        "
            };
            self.results.write_all(sep)?;
            let text = serde_json::to_string_pretty(&result(self.mapper, &r.path, l, i))
                .map_err(io::Error::other)?;
            write_indented(&mut self.results, &text, 8)?;
            if r.failed {
                self.failed.push(json!({
                    "level": "error",
                    "message": {"text": format!("{}: {}", r.path, l.diag.message)},
                    "descriptor": {"id": l.diag.code},
                }));
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>, _: &Summary) -> Result<(), StreamError> {
        if self.count > MAX_RESULTS {
            return Err(StreamError::Refused(
                SarifError::TooManyResults(self.count).to_string(),
            ));
        }
        let failed = std::mem::take(&mut self.failed);
        let text =
            serde_json::to_string_pretty(&frame(&self.fired, failed)).map_err(io::Error::other)?;
        let (head, tail) = match text.find(RESULTS) {
            Some(at) if self.count > 0 => (&text[..at], &text[at + RESULTS.len()..]),
            _ => (text.as_str(), ""),
        };
        let parts = |w: &mut dyn Write, results: &mut Spool| -> io::Result<()> {
            w.write_all(head.as_bytes())?;
            if !tail.is_empty() {
                w.write_all(b"\n      \"results\": [")?;
                results.copy_to(w)?;
                w.write_all(b"\n      ]")?;
                w.write_all(tail.as_bytes())?;
            }
            w.write_all(b"\n")
        };
        // Uncompressed text under the limit is under it gzipped too; only big
        // logs pay for the compression.
        let len = text.len() as u64 + self.results.len() + 16;
        if len > MAX_GZIP_BYTES {
            let mut enc = flate2::write::GzEncoder::new(Count(0), flate2::Compression::default());
            parts(&mut enc, &mut self.results)?;
            let z = enc.finish()?.0;
            if z > MAX_GZIP_BYTES {
                return Err(StreamError::Refused(SarifError::TooLarge(z).to_string()));
            }
        }
        parts(self.w, &mut self.results)?;
        Ok(())
    }
}

/// Counts the bytes written to it.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The gzipped size of `bytes`.
#[cfg(test)]
fn gzipped_len(bytes: &[u8]) -> io::Result<u64> {
    let mut enc = flate2::write::GzEncoder::new(Count(0), flate2::Compression::default());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::diagnostic::Diagnostic;
    use crate::source::{Format, SourceFile};
    use crate::span::Span;

    fn write_sarif(
        out: &mut Vec<u8>,
        results: &[FileResult],
        mapper: &PathMapper,
    ) -> Result<(), StreamError> {
        crate::report::stream::write(
            crate::report::OutputFormat::Sarif,
            out,
            mapper,
            results.iter().cloned(),
            &Summary::default(),
        )
    }

    #[test]
    fn refuses_more_results_than_github_accepts() {
        let src = SourceFile::new("a.txt", "T\n", Format::Text);
        let d = Diagnostic::new(
            "S004",
            "empty-section",
            Severity::Warning,
            Span::new(0, 1),
            "m",
        );
        let one = crate::report::locate(&src, vec![d]);
        let mapper = PathMapper::new("/r".into(), "/r".into());
        let mut r = FileResult {
            path: "a.txt".into(),
            ..FileResult::default()
        };
        r.diagnostics = std::iter::repeat_n(one[0].clone(), MAX_RESULTS).collect();
        let mut out = Vec::new();
        assert!(write_sarif(&mut out, std::slice::from_ref(&r), &mapper).is_ok());
        r.diagnostics.push(one[0].clone());
        let mut out = Vec::new();
        let e = write_sarif(&mut out, &[r], &mapper)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("25001 results") && e.contains("25000"), "{e}");
        assert!(out.is_empty(), "nothing is written");
    }

    #[test]
    fn gzip_counts_compressed_bytes() {
        let n = gzipped_len(&vec![b'a'; 1_000_000]).unwrap_or(u64::MAX);
        assert!(n < 10_000, "{n}");
    }
}
