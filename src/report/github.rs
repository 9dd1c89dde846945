//! GitHub Actions workflow commands: one annotation per finding.
//!
//! `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE name::message`
//! with GitHub's escaping (`%`, CR and LF in the message; also `:` and `,` in
//! properties). GitHub shows at most 10 error and 10 warning annotations a
//! step (and 10 notices), so past that findings are printed as plain log lines
//! and one closing `::notice` says how many were not annotated.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::report::fingerprint::PathMapper;
use crate::report::stream::{Stream, StreamError};
use crate::report::{FileResult, Summary, human};

/// Annotations GitHub shows per kind and step.
pub const ANNOTATION_LIMIT: usize = 10;

/// Escape a message (the part after `::`).
#[must_use]
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (`file=`, `title=`).
#[must_use]
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// `--format github`.
pub struct GithubStream<'w> {
    w: &'w mut dyn Write,
    mapper: &'w PathMapper,
    /// [errors, warnings, notices] annotated so far, and left over.
    shown: [usize; 3],
    rest: [usize; 3],
}

impl<'w> GithubStream<'w> {
    /// A stream onto `w`.
    pub fn new(w: &'w mut dyn Write, mapper: &'w PathMapper) -> Self {
        Self {
            w,
            mapper,
            shown: [0; 3],
            rest: [0; 3],
        }
    }
}

impl Stream for GithubStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        // One notice slot is kept for the closing summary.
        let limits = [ANNOTATION_LIMIT, ANNOTATION_LIMIT, ANNOTATION_LIMIT - 1];
        let path = self.mapper.best(&r.path);
        for l in &r.diagnostics {
            let d = &l.diag;
            let k = match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            };
            // Article text may hold control characters: never pass them on.
            let message = human::sanitize(&d.message);
            if self.shown[k] < limits[k] {
                self.shown[k] += 1;
                writeln!(
                    self.w,
                    "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    command(d.severity),
                    escape_property(&human::sanitize(&path)),
                    l.at.start.line,
                    l.at.start.column,
                    l.at.end.line,
                    l.at.end.column,
                    escape_property(&human::sanitize(&format!("{} {}", d.code, d.name))),
                    escape_data(&message)
                )?;
            } else {
                self.rest[k] += 1;
                writeln!(
                    self.w,
                    "{}:{}:{}: {}[{}] {}",
                    human::sanitize_line(&path),
                    l.at.start.line,
                    l.at.start.column,
                    d.severity.as_str(),
                    d.code,
                    human::sanitize_line(&message)
                )?;
            }
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _: &Summary) -> Result<(), StreamError> {
        if self.rest.iter().any(|&n| n > 0) {
            let mut parts = Vec::new();
            for (n, what) in self.rest.iter().zip(["error", "warning", "info"]) {
                if *n > 0 {
                    parts.push(format!("{n} {what}{}", if *n == 1 { "" } else { "s" }));
                }
            }
            writeln!(
                self.w,
                "::notice title=encyclint::{} more not annotated (GitHub shows {ANNOTATION_LIMIT} errors and {ANNOTATION_LIMIT} warnings a step); they are in the log above, and all of them are in the SARIF report",
                escape_data(&parts.join(", "))
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
