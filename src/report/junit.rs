//! JUnit XML: one `<testsuite>` per file, one failing `<testcase>` per finding,
//! or one passing test case for a clean file, so CI dashboards count articles.
//! A file that could not be checked is an `<error>`.

use std::io::{self, Write};

use crate::report::FileResult;

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

/// Write the JUnit report.
///
/// # Errors
/// Write errors.
pub fn write_junit(w: &mut dyn Write, results: &[FileResult]) -> io::Result<()> {
    let tests: usize = results.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures: usize = results
        .iter()
        .filter(|r| !r.failed)
        .map(|r| r.diagnostics.len())
        .sum();
    let errors: usize = results
        .iter()
        .filter(|r| r.failed)
        .map(|r| r.diagnostics.len().max(1))
        .sum();
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<testsuites name="encyclint" tests="{tests}" failures="{failures}" errors="{errors}">"#
    )?;
    for r in results {
        let path = escape(&r.path);
        let n = r.diagnostics.len();
        let (f, e) = if r.failed { (0, n.max(1)) } else { (n, 0) };
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
        writeln!(w, "  </testsuite>")?;
    }
    writeln!(w, "</testsuites>")
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
