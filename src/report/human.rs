//! Human output through miette: code, message, labelled snippet, help.
//!
//! Two guards sit between article text and the terminal. Control characters
//! (C0 but tab and line ends, DEL, C1, bidi overrides and isolates) are replaced
//! by same-length placeholders, so an escape sequence or a right-to-left override
//! in an article can neither act on the terminal nor shift a label. And miette is
//! never handed the whole file: it gets a window of the lines around the span,
//! cut to a few hundred bytes around the span on very long lines, with every
//! span clamped into it (miette panics on a span past the end and on a label
//! past column 65,535).

use std::fmt;
use std::io;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::stream::{Stream, StreamError};
use crate::report::{FileResult, Summary};
use crate::source::SourceFile;
use crate::span::Span;

/// Longest stretch of one line shown around a span.
const WINDOW: usize = 240;

/// Replace characters that could act on a terminal with placeholders of the
/// same UTF-8 length, so byte offsets stay valid.
#[must_use]
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            c if is_dangerous(c) => match c.len_utf8() {
                1 => out.push('?'),
                2 => out.push('¿'),
                3 => out.push('\u{FFFD}'),
                _ => out.push_str("????"),
            },
            c => out.push(c),
        }
    }
    out
}

/// Control characters and invisible direction/format controls.
#[must_use]
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// Sanitise a one-line string for a terminal (file names, messages).
#[must_use]
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace(['\n', '\r'], " ")
}

/// A window of the source that miette renders, with line numbers of the file.
struct Snippet {
    name: String,
    text: String,
    /// 0-based line of the window's first line in the file.
    first_line: usize,
    /// 0-based column (in chars) of the window's first byte on its line.
    first_col: usize,
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let line = inner.line();
        let column = if line == 0 {
            inner.column() + self.first_col
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

struct Render<'a> {
    diag: &'a Diagnostic,
    message: String,
    help: Option<String>,
    snippet: Snippet,
    labels: Vec<LabeledSpan>,
    code: String,
    url: Option<String>,
}

impl fmt::Debug for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Render<'_> {}

impl miette::Diagnostic for Render<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.snippet)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.clone().into_iter()))
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Secondary labels this many lines away or less share the primary's snippet.
const NEARBY_LINES: usize = 6;

/// Build the window of `src` shown for `d`: the lines of its primary span and
/// of nearby secondary labels when they fit, else a stretch of the primary
/// span's line around it.
fn window(src: &SourceFile, d: &Diagnostic) -> (usize, usize) {
    let text: &str = &src.text;
    let span = d.span.clamp_to(text);
    let line_of = |o: usize| src.lines.line_col(text, o).line;
    let primary_line = line_of(span.start());
    let (mut lo, mut hi) = (span.start(), span.end());
    for l in &d.labels {
        let ls = l.span.clamp_to(text);
        if line_of(ls.start()).abs_diff(primary_line) <= NEARBY_LINES {
            lo = lo.min(ls.start());
            hi = hi.max(ls.end());
        }
    }
    let whole = lines_around(text, lo, hi);
    if whole.1 - whole.0 <= 3 * WINDOW {
        return whole;
    }
    let (line_start, line_end) = lines_around(text, span.start(), span.end());
    let mut start = line_start;
    let mut end = line_end;
    if span.start() - line_start > WINDOW {
        start = floor_boundary(text, span.start() - WINDOW / 2);
    }
    let capped = span.end().min(span.start() + 4 * WINDOW);
    if end > capped && end - capped > WINDOW / 2 {
        end = ceil_boundary(text, capped + WINDOW / 2);
    }
    (start, end.max(start))
}

/// From the start of the line holding `lo` to the end of the line holding `hi`.
fn lines_around(text: &str, lo: usize, hi: usize) -> (usize, usize) {
    let start = text[..lo].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let end = text[hi..].find(['\n', '\r']).map_or(text.len(), |p| hi + p);
    (start, end)
}

/// Render one diagnostic for a terminal.
#[must_use]
pub fn render(src: &SourceFile, d: &Diagnostic, color: bool, width: usize) -> String {
    let text: &str = &src.text;
    let (mut ws, we) = window(src, d);
    // Never show a BOM: the window starts after it (spans inside it move up).
    let bom = src.bom_len();
    if ws < bom && we >= bom {
        ws = bom;
    }
    let pos = src.lines.line_col(text, ws);
    let snippet = Snippet {
        name: sanitize_line(&src.shown()),
        text: sanitize(&text[ws..we]),
        first_line: pos.line - 1,
        first_col: pos.column - 1,
    };
    let local = |s: Span| -> Option<SourceSpan> {
        let mut s = s.clamp_to(text);
        if s.start() < bom && ws == bom {
            s = Span::new(bom, s.end().max(bom));
        }
        if s.start() < ws || s.start() > we {
            return None;
        }
        let end = s.end().min(we);
        Some((s.start() - ws, end - s.start()).into())
    };
    let mut labels = Vec::new();
    if let Some(p) = local(d.span) {
        labels.push(LabeledSpan::new_primary_with_span(
            d.label.as_deref().map(sanitize_line),
            p,
        ));
    }
    for l in &d.labels {
        if let Some(p) = local(l.span) {
            labels.push(LabeledSpan::new_with_span(
                Some(sanitize_line(&l.message)),
                p,
            ));
        }
    }
    let r = Render {
        diag: d,
        message: sanitize_line(&d.message),
        help: d.help.as_deref().map(sanitize_line),
        snippet,
        labels,
        code: format!("{} {}", d.code, d.name),
        url: None,
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, &r).is_err() {
        out = format!(
            "{}: {}[{}] {}\n",
            sanitize_line(&src.shown()),
            d.severity.as_str(),
            d.code,
            r.message
        );
    }
    out
}

/// `--format human`: each file's snippets (rendered in its worker thread) as
/// it completes, then the run's notes and one summary line.
pub struct HumanStream<'w> {
    w: &'w mut dyn io::Write,
    with_findings: usize,
}

impl<'w> HumanStream<'w> {
    /// A stream onto `w`.
    pub fn new(w: &'w mut dyn io::Write) -> Self {
        Self {
            w,
            with_findings: 0,
        }
    }
}

impl Stream for HumanStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        self.w.write_all(r.rendered.as_bytes())?;
        if !r.diagnostics.is_empty() {
            self.with_findings += 1;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, summary: &Summary) -> Result<(), StreamError> {
        let w = self.w;
        for n in &summary.notes {
            writeln!(w, "note: {n}")?;
        }
        let plural = |n: usize, s: &str| {
            if n == 1 {
                format!("{n} {s}")
            } else {
                format!("{n} {s}s")
            }
        };
        if summary.errors + summary.warnings + summary.infos == 0 {
            writeln!(
                w,
                "All clean: {} checked, no findings.",
                plural(summary.files, "file")
            )?;
        } else {
            writeln!(
                w,
                "Found {}, {} and {} in {} ({} checked).",
                plural(summary.errors, "error"),
                plural(summary.warnings, "warning"),
                plural(summary.infos, "info"),
                plural(self.with_findings, "file"),
                summary.files
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    #[test]
    fn escapes_never_reach_the_output() {
        let text = "Title\x1b]0;pwned\x07 here\u{202E}evil\n";
        let src = SourceFile::new("a\x1b[2J.txt", text, Format::Text);
        let d = Diagnostic::new(
            "S002",
            "title-artifact",
            Severity::Error,
            Span::new(0, 12),
            "msg \x1b[31m",
        );
        let out = render(&src, &d, false, 80);
        assert!(!out.contains('\x1b'), "{out:?}");
        assert!(!out.contains('\u{202E}'), "{out:?}");
        assert!(!out.contains('\x07'), "{out:?}");
    }

    #[test]
    fn spans_past_the_end_and_far_columns_do_not_panic() {
        let long = format!("T\n{}X\n", "a".repeat(100_000));
        let src = SourceFile::new("a.txt", long.clone(), Format::Text);
        let d = Diagnostic::new("S001", "x", Severity::Warning, Span::new(100_002, 1), "far");
        let out = render(&src, &d, false, 80);
        assert!(out.contains("far"));
        let d = Diagnostic::new(
            "S001",
            "x",
            Severity::Warning,
            Span::new(10_000_000, 5),
            "past end",
        );
        assert!(render(&src, &d, false, 80).contains("past end"));
        let d = Diagnostic::new(
            "S001",
            "x",
            Severity::Warning,
            Span::new(2, 100_001),
            "whole line",
        );
        assert!(render(&src, &d, false, 80).contains("whole line"));
    }
}
