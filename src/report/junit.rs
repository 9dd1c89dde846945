//! JUnit XML: one `<testsuite>` per file, one failing `<testcase>` per finding,
//! or one passing test case for a clean file, so CI dashboards count articles.
//! A file that could not be checked is an `<error>`.

use std::io::{self, Write};

use crate::report::stream::{Spool, Stream, StreamError};
use crate::report::{FileResult, Summary};

/// Escape text for XML 1.0 (attributes and content); characters XML cannot
/// carry at all (most C0 controls) become `?`.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('?'),
            c if crate::report::human::is_dangerous(c) => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

/// `--format junit`. The root element carries the run's totals, so the
/// suites are spooled and written after it at the end.
pub struct JunitStream<'w> {
    w: &'w mut dyn Write,
    suites: Spool,
    tests: usize,
    failures: usize,
    errors: usize,
}

impl<'w> JunitStream<'w> {
    /// A stream onto `w`.
    pub fn new(w: &'w mut dyn Write) -> Self {
        Self {
            w,
            suites: Spool::new(),
            tests: 0,
            failures: 0,
            errors: 0,
        }
    }
}

impl Stream for JunitStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        let w = &mut self.suites;
        let path = escape(&r.path);
        let n = r.diagnostics.len();
        let (f, e) = if r.failed { (0, n.max(1)) } else { (n, 0) };
        self.tests += n.max(1);
        self.failures += f;
        self.errors += e;
        writeln!(
            w,
            r#"  <testsuite name="{path}" tests="{}" failures="{f}" errors="{e}">"#,
            n.max(1)
        )?;
        if n == 0 {
            writeln!(
                w,
                r#"    <testcase name="encyclint" classname="{path}" file="{path}"/>"#
            )?;
        }
        for l in &r.diagnostics {
            let d = &l.diag;
            let line = l.at.start.line;
            let col = l.at.start.column;
            writeln!(
                w,
                r#"    <testcase name="{} {} at {line}:{col}" classname="{path}" file="{path}" line="{line}">"#,
                escape(&d.code),
                escape(&d.name)
            )?;
            let tag = if r.failed { "error" } else { "failure" };
            let mut body = format!(
                "{}:{line}:{col}: {}[{}] {}",
                r.path,
                d.severity.as_str(),
                d.code,
                d.message
            );
            if let Some(h) = &d.help {
                body.push_str("\nhelp: ");
                body.push_str(h);
            }
            writeln!(
                w,
                r#"      <{tag} type="{}" message="{}">{}</{tag}>"#,
                d.severity.as_str(),
                escape(&d.message),
                escape(&body)
            )?;
            writeln!(w, "    </testcase>")?;
        }
        writeln!(w, "  </testsuite>")
    }

    fn finish(mut self: Box<Self>, _: &Summary) -> Result<(), StreamError> {
        let (tests, failures, errors) = (self.tests, self.failures, self.errors);
        writeln!(self.w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            self.w,
            r#"<testsuites name="encyclint" tests="{tests}" failures="{failures}" errors="{errors}">"#
        )?;
        self.suites.copy_to(self.w)?;
        writeln!(self.w, "</testsuites>")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("a<b>&\"'\x1b\u{202E}"),
            "a&lt;b&gt;&amp;&quot;&apos;??"
        );
    }
}
