//! HTML: one self-contained page for people. A summary (files, errors,
//! warnings, findings per rule, with a chart), then each file with its article
//! charts (the balance of each controversy section, its references) and its
//! findings grouped by rule, each with the lines around it, the span
//! highlighted, labels, help and fix; the explanation of every rule that fired
//! is embedded and linked. A small inline script filters findings by rule and
//! severity; without it everything is shown.
//!
//! Nothing is fetched: the CSS, the SVG charts ([`charts`]) and the script are
//! inline, and a Content-Security-Policy allows only that one script (by hash),
//! inline styles and `data:` images. Article text and file names are untrusted:
//! every string goes through [`esc`] or [`esc_html`], control and direction
//! characters are never written raw, and rule codes (a policy schema names its
//! own) become ids only through [`anchor`]. The output is deterministic: no
//! timestamp, no hash-map order.
//!
//! Per-file sections are rendered in the worker threads ([`render_file`]);
//! [`write_html`] writes the page around them.

pub mod charts;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

pub use charts::{ArticleCharts, Debate, References, RuleCount};

use crate::diagnostic::{Applicability, Severity};
use crate::report::human::is_dangerous;
use crate::report::stream::{Stream, StreamError};
use crate::report::{FileResult, Located, Summary};
use crate::rules;
use crate::source::SourceFile;
use crate::span::Span;

/// Escape for HTML text, attribute values and SVG text: `& < > " '` become
/// references, and control and direction characters (C0 but tab and line
/// feed, DEL, C1, bidi overrides and isolates, zero-width and BOM) become
/// U+FFFD, so nothing in `s` can open markup, end an attribute or reorder text.
#[must_use]
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if is_dangerous(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escape for HTML text content (never inside SVG or an attribute): as [`esc`],
/// but a control or direction character is shown as a visible `U+XXXX` mark, so
/// a reader sees what is hidden in the article.
#[must_use]
pub fn esc_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if is_dangerous(c) => {
                let _ = write!(out, r#"<span class="ctl">U+{:04X}</span>"#, c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// The id of a rule's explanation: `rule-` and the code, every character
/// outside `[A-Za-z0-9-]` written as `_xx` hex (so distinct codes never share
/// an id and no code can break out of an attribute or a URL fragment).
#[must_use]
pub fn anchor(code: &str) -> String {
    let mut out = String::from("rule-");
    for b in code.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "_{b:02x}");
        }
    }
    out
}

/// Lines shown before and after the lines of a finding.
const CONTEXT: usize = 2;
/// A secondary label this many lines from the primary span or fewer shares its snippet.
const NEARBY: usize = 6;
/// More lines than this: the middle is elided.
const MAX_LINES: usize = 14;
/// Bytes shown either side of the marks on a long line.
const WINDOW: usize = 240;
/// Bytes shown of a long line around the finding's lines (context only).
const CONTEXT_CUT: usize = 120;

/// A highlighted range of a snippet: the primary span (`None`) or a label.
#[derive(Clone, Copy)]
struct Mark {
    span: Span,
    label: Option<usize>,
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

/// Byte range of the 1-based `line`, without its line end.
fn line_range(src: &SourceFile, line: usize) -> (usize, usize) {
    let text: &str = &src.text;
    let start = src.lines.line_start(line).unwrap_or(text.len());
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| start + p);
    let start = if line == 1 {
        start.max(src.bom_len()).min(end)
    } else {
        start
    };
    (start, end)
}

/// The last line a span covers (its start line when it is empty).
fn last_line(src: &SourceFile, s: Span) -> usize {
    let end = if s.is_empty() { s.start() } else { s.end() - 1 };
    src.lines.line_col(&src.text, end).line
}

/// The lines around a finding, as HTML rows: line numbers, the text escaped,
/// the primary span in `<mark class="p">`, labels in `<mark class="l">` with
/// their number after them. Long lines are cut around the marks.
fn snippet(src: &SourceFile, l: &Located) -> String {
    let text: &str = &src.text;
    let mut marks = vec![Mark {
        span: l.at.span.clamp_to(text),
        label: None,
    }];
    let first = l.at.start.line;
    let (mut lo, mut hi) = (first, last_line(src, l.at.span));
    for (i, p) in l.labels.iter().enumerate() {
        let s = p.span.clamp_to(text);
        let (a, b) = (p.start.line, last_line(src, s));
        if a.abs_diff(first) <= NEARBY || b.abs_diff(first) <= NEARBY {
            lo = lo.min(a);
            hi = hi.max(b);
        }
        marks.push(Mark {
            span: s,
            label: Some(i + 1),
        });
    }
    let hit_lines = (first, last_line(src, l.at.span));
    let mut count = src.lines.line_count();
    // A final line end opens no line worth showing.
    if count > 1 && src.lines.line_start(count) == Some(text.len()) {
        count -= 1;
    }
    let lo = lo.saturating_sub(CONTEXT).max(1);
    let hi = (hi + CONTEXT).min(count).max(lo);
    let mut lines: Vec<Option<usize>> = (lo..=hi).map(Some).collect();
    let mut elided = 0;
    if lines.len() > MAX_LINES {
        let keep = MAX_LINES / 2;
        elided = lines.len() - 2 * keep;
        let tail = lines.split_off(lines.len() - keep);
        lines.truncate(keep);
        lines.push(None);
        lines.extend(tail);
    }
    let mut out = String::from(r#"<pre class="snippet">"#);
    for line in lines {
        let Some(n) = line else {
            let _ = write!(
                out,
                r#"<span class="row gap"><span class="ln">⋮</span><span class="src">{elided} lines not shown</span></span>"#
            );
            continue;
        };
        let hit = n >= hit_lines.0 && n <= hit_lines.1;
        let _ = write!(
            out,
            r#"<span class="row{}"><span class="ln">{n}</span><span class="src">"#,
            if hit { " hit" } else { "" }
        );
        row(&mut out, src, line_range(src, n), &marks);
        out.push_str("</span></span>");
    }
    out.push_str("</pre>");
    out
}

/// One line of a snippet, cut to a window around its marks when long.
fn row(out: &mut String, src: &SourceFile, (ls, le): (usize, usize), marks: &[Mark]) {
    let text: &str = &src.text;
    // The marks on this line: ranges clipped to it (and whether the span ends
    // here), and carets for empty spans.
    let mut ranges: Vec<(usize, usize, Option<usize>, bool)> = Vec::new();
    let mut carets: Vec<(usize, Option<usize>)> = Vec::new();
    for m in marks {
        let (s, e) = (m.span.start(), m.span.end());
        if !m.span.is_empty() && s < le && e > ls {
            ranges.push((s.max(ls), e.min(le), m.label, e <= le));
        } else if s >= ls && s <= le && (m.span.is_empty() || s == le) {
            carets.push((s, m.label));
        }
    }
    let (mut from, mut to) = (ls, le);
    if (ranges.is_empty() && carets.is_empty() && le - ls > CONTEXT_CUT + 40)
        || le - ls > 3 * WINDOW
    {
        let starts = ranges.iter().map(|r| r.0).chain(carets.iter().map(|c| c.0));
        let ends = ranges.iter().map(|r| r.1).chain(carets.iter().map(|c| c.0));
        match (starts.min(), ends.max()) {
            (Some(a), Some(b)) => {
                from = floor_boundary(text, a.saturating_sub(WINDOW).max(ls));
                to = ceil_boundary(text, (b.min(a + 4 * WINDOW) + WINDOW).min(le));
            }
            _ => to = floor_boundary(text, ls + CONTEXT_CUT),
        }
    }
    if from > ls {
        out.push_str(r#"<span class="cut" title="text cut">…</span>"#);
    }
    let mut cuts = vec![from, to];
    for b in ranges
        .iter()
        .flat_map(|r| [r.0, r.1])
        .chain(carets.iter().map(|c| c.0))
    {
        if b > from && b < to {
            cuts.push(b);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let points = |out: &mut String, at: usize| {
        // An empty span is shown as a caret where it points.
        for (_, label) in carets.iter().filter(|c| c.0 == at) {
            match label {
                None => out.push_str(r#"<mark class="p at" title="here">‸</mark>"#),
                Some(i) => {
                    let _ = write!(
                        out,
                        r#"<mark class="l at">‸</mark><sup class="n">{i}</sup>"#
                    );
                }
            }
        }
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        points(out, a);
        let covered = |primary: bool| {
            ranges
                .iter()
                .any(|r| r.2.is_none() == primary && r.0 <= a && b <= r.1)
        };
        let piece = esc_html(&text[a..b]);
        match (covered(true), covered(false)) {
            (true, true) => {
                let _ = write!(out, r#"<mark class="p l">{piece}</mark>"#);
            }
            (true, false) => {
                let _ = write!(out, r#"<mark class="p">{piece}</mark>"#);
            }
            (false, true) => {
                let _ = write!(out, r#"<mark class="l">{piece}</mark>"#);
            }
            (false, false) => out.push_str(&piece),
        }
        for r in &ranges {
            if let (Some(i), true) = (r.2, r.3)
                && r.1 == b
            {
                let _ = write!(out, r#"<sup class="n">{i}</sup>"#);
            }
        }
    }
    points(out, to);
    if to < le {
        out.push_str(r#"<span class="cut" title="text cut">…</span>"#);
    }
}

fn fix_note(a: Applicability) -> &'static str {
    match a {
        Applicability::Safe => "safe: applied by --fix",
        Applicability::Unsafe => "unsafe: review before applying",
        Applicability::DisplayOnly => "a suggestion",
    }
}

/// One finding as an `<article class="finding">` with `data-sev` and `data-rule`.
fn finding(out: &mut String, src: Option<&SourceFile>, l: &Located, failed: bool) {
    let d = &l.diag;
    let sev = d.severity.as_str();
    let _ = write!(
        out,
        r##"<article class="finding" data-sev="{sev}" data-rule="{}"><p class="head"><span class="sev sev-{sev}">{sev}</span> <a class="code" href="#{}" title="{}">{}</a> "##,
        esc(&d.code),
        anchor(&d.code),
        esc(&d.name),
        esc_html(&d.code),
    );
    if failed || src.is_none() {
        out.push_str(r#"<span class="pos">the whole file</span></p>"#);
    } else {
        let _ = write!(
            out,
            r#"<span class="pos">line {}, column {}</span></p>"#,
            l.at.start.line, l.at.start.column
        );
    }
    let _ = write!(out, r#"<p class="msg">{}</p>"#, esc_html(&d.message));
    if let Some(src) = src.filter(|_| !failed) {
        out.push_str(&snippet(src, l));
        let mut items = String::new();
        if let Some(m) = &d.label {
            let _ = write!(
                items,
                r#"<li><mark class="p">highlighted</mark> {}</li>"#,
                esc_html(m)
            );
        }
        for (i, (lab, p)) in d.labels.iter().zip(&l.labels).enumerate() {
            let _ = write!(
                items,
                r#"<li><mark class="l">{}</mark> {} <span class="pos">(line {}, column {})</span></li>"#,
                i + 1,
                esc_html(&lab.message),
                p.start.line,
                p.start.column
            );
        }
        if !items.is_empty() {
            let _ = write!(out, r#"<ul class="labels">{items}</ul>"#);
        }
    }
    if let Some(h) = &d.help {
        let _ = write!(
            out,
            r#"<p class="help"><strong>help:</strong> {}</p>"#,
            esc_html(h)
        );
    }
    if let Some(f) = &d.fix {
        let _ = write!(
            out,
            r#"<p class="fix"><strong>fix</strong> ({}): {}</p>"#,
            fix_note(f.applicability),
            esc_html(&f.title)
        );
    }
    out.push_str("</article>");
}

/// `1 error, 2 warnings` (only the severities present), or `no findings`.
fn severity_counts(counts: &BTreeMap<Severity, usize>) -> String {
    let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .filter_map(|s| {
            let n = *counts.get(s)?;
            Some(format!(
                "{n} {}{}",
                s.as_str(),
                if n == 1 { "" } else { "s" }
            ))
        })
        .collect();
    if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    }
}

/// One file's part of the page, rendered in its worker thread: its heading,
/// counts, article charts and findings grouped by rule (the worst severity
/// first, then by code; in source order within a rule). `src` gives the
/// snippets; without it (a file that could not be read) findings have none.
#[must_use]
pub fn render_file(
    path: &str,
    src: Option<&SourceFile>,
    diagnostics: &[Located],
    charts: Option<&ArticleCharts>,
    failed: bool,
) -> String {
    let mut out = String::new();
    let _ = write!(out, r#"<h3 class="path">{}</h3>"#, esc_html(path));
    let mut counts: BTreeMap<Severity, usize> = BTreeMap::new();
    for l in diagnostics {
        *counts.entry(l.diag.severity).or_default() += 1;
    }
    let summary = if failed {
        "could not be checked".to_string()
    } else {
        severity_counts(&counts)
    };
    let _ = write!(out, r#"<p class="counts">{summary}</p>"#);
    if let Some(c) = charts {
        out.push_str(r#"<div class="charts">"#);
        if c.references.total > 0 {
            out.push_str(&charts::references(&c.references));
        }
        for d in &c.debates {
            out.push_str(&charts::debate(d));
        }
        out.push_str("</div>");
    }
    // Group by rule: worst severity first, then code.
    let mut groups: BTreeMap<(std::cmp::Reverse<Severity>, &str), Vec<&Located>> = BTreeMap::new();
    let mut worst: BTreeMap<&str, Severity> = BTreeMap::new();
    for l in diagnostics {
        let w = worst.entry(&l.diag.code).or_insert(l.diag.severity);
        *w = (*w).max(l.diag.severity);
    }
    for l in diagnostics {
        let w = worst[l.diag.code.as_str()];
        groups
            .entry((std::cmp::Reverse(w), &l.diag.code))
            .or_default()
            .push(l);
    }
    for ((_, code), ls) in groups {
        let mut c: BTreeMap<Severity, usize> = BTreeMap::new();
        for l in &ls {
            *c.entry(l.diag.severity).or_default() += 1;
        }
        let _ = write!(
            out,
            r##"<section class="group" data-rule="{}"><h4><a class="code" href="#{}">{}</a> <span class="name">{}</span> <span class="count">{}</span></h4>"##,
            esc(code),
            anchor(code),
            esc_html(code),
            esc_html(&ls[0].diag.name),
            severity_counts(&c)
        );
        for l in ls {
            finding(&mut out, src, l, failed);
        }
        out.push_str("</section>");
    }
    out
}

/// The page's script: shows the filter form and hides the findings it filters
/// out. It reads only the page's own attributes and writes only `hidden` and a
/// count, never markup.
const SCRIPT: &str = r#""use strict";
(function () {
  var form = document.getElementById("filters");
  var status = document.getElementById("shown");
  if (!form || !status) { return; }
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  function apply() {
    var on = { sev: new Set(), rule: new Set() };
    boxes.forEach(function (b) { if (b.checked) { on[b.name].add(b.value); } });
    var findings = document.querySelectorAll(".finding");
    var shown = 0;
    findings.forEach(function (f) {
      var show = on.sev.has(f.dataset.sev) && on.rule.has(f.dataset.rule);
      f.hidden = !show;
      if (show) { shown += 1; }
    });
    document.querySelectorAll(".group").forEach(function (g) {
      g.hidden = !g.querySelector(".finding:not([hidden])");
    });
    status.textContent = shown + " of " + findings.length + " findings shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("click", function (e) {
    var t = e.target.closest("button[data-group]");
    if (!t) { return; }
    boxes.forEach(function (b) { if (b.name === t.dataset.group) { b.checked = t.value === "all"; } });
    apply();
  });
  form.hidden = false;
  apply();
  document.documentElement.setAttribute("data-filters", "on");
})();
"#;

/// `sha256-` and the base64 SHA-256 of [`SCRIPT`], for the page's
/// Content-Security-Policy (a unit test recomputes it).
const SCRIPT_HASH: &str = "sha256-bhwZsHSd/OIYPTC/rwo1sY+Uo+3SXjMURfjQcBLNeYI=";

const CSS: &str = r#"
:root { --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --bg: #fff; --soft: #f5f5f2; --p: #fff1a8; --l: #d9e8fb; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { color: var(--ink); background: var(--bg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
body { margin: 0 auto; max-width: 70rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.4rem 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 0; }
h4 { font-size: 1rem; margin: 0.8rem 0 0.4rem; }
a { color: #1d4f91; }
code, pre, .code, .ln { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1.2rem; margin: 0; }
.lede { color: var(--muted); margin: 0; }
.totals { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 1rem 0; padding: 0; }
.totals div { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.9rem; min-width: 7rem; background: var(--soft); }
.totals dt { font-size: 0.8rem; color: var(--muted); }
.totals dd { margin: 0; font-size: 1.4rem; font-weight: 650; }
.notes { color: var(--muted); }
table { border-collapse: collapse; margin: 0.8rem 0; }
caption { text-align: left; font-weight: 650; padding-bottom: 0.3rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.8rem 0.25rem 0; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
.chart { margin: 0.8rem 0; }
.overview { display: flex; flex-wrap: wrap; align-items: flex-start; column-gap: 2rem; }
.overview .chart { flex: 1 1 480px; min-width: 0; max-width: 640px; }
.chart svg { display: block; max-width: 100%; height: auto; font-size: 12px; font-family: inherit; }
.chart svg text { fill: var(--ink); }
.chart svg text.on-pro { fill: #fff; font-weight: 700; }
.chart svg text.on-con { fill: #111; font-weight: 700; }
.chart figcaption { font-size: 0.85rem; color: var(--muted); max-width: 44rem; }
.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.8rem 0; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: 0.3rem 0.8rem 0.5rem; }
.filters label { margin-right: 0.9rem; white-space: nowrap; }
.filters button { font: inherit; font-size: 0.85rem; margin-left: 0.3rem; }
.filters .bulk { display: block; font-size: 0.85rem; color: var(--muted); margin-bottom: 0.3rem; }
#shown { font-weight: 600; }
.file { border-top: 1px solid var(--line); padding: 1rem 0 0.5rem; }
.file > .counts { margin: 0.1rem 0 0.4rem; color: var(--muted); }
.charts { display: flex; flex-direction: column; gap: 0.2rem; }
.group { margin-left: 0.2rem; }
.group .count { font-weight: 400; color: var(--muted); font-size: 0.9rem; }
.finding { border: 1px solid var(--line); border-left-width: 6px; border-radius: 4px; padding: 0.5rem 0.8rem; margin: 0.5rem 0 0.8rem; background: var(--bg); break-inside: avoid; }
.finding[data-sev="error"] { border-left: 6px solid #a4262c; }
.finding[data-sev="warning"] { border-left: 6px dashed #8a6100; }
.finding[data-sev="info"] { border-left: 6px dotted #1d4f91; }
.finding p { margin: 0.25rem 0; }
.head .pos, .labels .pos { color: var(--muted); font-size: 0.9rem; }
.msg { font-weight: 600; }
.sev { display: inline-block; font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; padding: 0 0.4rem; border-radius: 3px; border: 2px solid; }
.sev-error { background: #a4262c; border-color: #a4262c; color: #fff; }
.sev-warning { border-style: dashed; border-color: #8a6100; color: #5c4100; background: #fdf0c2; }
.sev-info { border-style: dotted; border-color: #1d4f91; color: #1d4f91; }
.snippet { margin: 0.4rem 0; padding: 0.3rem 0; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.row { display: grid; grid-template-columns: 3.5rem 1fr; }
.row.hit { background: #ecebe4; }
.row.hit .ln { font-weight: 700; color: var(--ink); border-right: 3px solid var(--ink); }
.ln { color: var(--muted); text-align: right; padding-right: 0.6rem; border-right: 3px solid transparent; user-select: none; }
.src { padding-left: 0.6rem; }
.gap .src { color: var(--muted); font-style: italic; }
mark { color: inherit; }
mark.p { background: var(--p); text-decoration: underline 2px solid; text-underline-offset: 3px; }
mark.l { background: var(--l); text-decoration: underline 1px dotted; text-underline-offset: 3px; }
mark.p.l { background: var(--p); text-decoration: underline 2px double; }
mark.at { padding: 0 1px; }
sup.n { font-size: 0.7em; font-weight: 700; border: 1px solid; border-radius: 3px; padding: 0 2px; margin-left: 1px; }
.cut { color: var(--muted); }
.ctl { font-size: 0.75em; border: 1px solid #a4262c; color: #a4262c; border-radius: 2px; padding: 0 2px; }
.labels { margin: 0.2rem 0; padding-left: 1.2rem; font-size: 0.92rem; }
.help strong, .fix strong { font-weight: 650; }
.rule { border-top: 1px solid var(--line); padding-top: 0.6rem; }
.rule pre { background: var(--soft); border: 1px solid var(--line); padding: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
@media print {
  html { font-size: 11pt; background: #fff; }
  body { max-width: none; padding: 0; }
  nav, .filters { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .finding, .chart, .totals div, tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .file { break-before: auto; }
  .snippet, .row.hit, .totals div { background: none; }
  .sev { background: none; color: #000; }
  mark.p { background: none; text-decoration: underline 2px solid; }
  mark.l { background: none; text-decoration: underline 1px dotted; }
}
"#;

/// Rules that fired, each with its name and worst severity and count, most
/// findings first (then by code).
fn rule_counts(results: &[FileResult]) -> Vec<RuleCount> {
    let mut by_code: BTreeMap<&str, RuleCount> = BTreeMap::new();
    for l in results.iter().flat_map(|r| &r.diagnostics) {
        let d = &l.diag;
        let e = by_code.entry(&d.code).or_insert_with(|| RuleCount {
            code: d.code.clone(),
            name: d.name.clone(),
            severity: d.severity,
            count: 0,
        });
        e.count += 1;
        e.severity = e.severity.max(d.severity);
    }
    let mut rows: Vec<RuleCount> = by_code.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    rows
}

/// Inline Markdown: `` `code` `` spans; everything else escaped.
fn md_inline(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i % 2 == 1 && i + 1 < parts.len() {
            let _ = write!(out, "<code>{}</code>", esc_html(p));
        } else {
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(&esc_html(p));
        }
    }
    out
}

/// A tiny, safe Markdown: ATX headings (shifted under the page's `<h2>`),
/// paragraphs, `- ` lists, fenced code and code spans. Everything is escaped;
/// nothing else is interpreted.
#[must_use]
pub fn markdown(md: &str) -> String {
    let mut out = String::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut fence: Option<Vec<&str>> = None;
    let flush = |out: &mut String, para: &mut Vec<&str>, list: &mut Vec<String>| {
        if !para.is_empty() {
            let _ = write!(out, "<p>{}</p>", md_inline(&para.join(" ")));
            para.clear();
        }
        if !list.is_empty() {
            out.push_str("<ul>");
            for item in list.iter() {
                let _ = write!(out, "<li>{}</li>", md_inline(item));
            }
            out.push_str("</ul>");
            list.clear();
        }
    };
    for line in crate::text::lines(md) {
        if let Some(code) = &mut fence {
            if line.trim_start().starts_with("```") {
                let _ = write!(
                    out,
                    "<pre><code>{}</code></pre>",
                    esc_html(&code.join("\n"))
                );
                fence = None;
            } else {
                code.push(line);
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            flush(&mut out, &mut para, &mut list);
            fence = Some(Vec::new());
        } else if trimmed.is_empty() {
            flush(&mut out, &mut para, &mut list);
        } else if let Some((hashes, rest)) = line.split_once(' ')
            && !hashes.is_empty()
            && hashes.len() <= 4
            && hashes.bytes().all(|b| b == b'#')
        {
            flush(&mut out, &mut para, &mut list);
            let level = hashes.len() + 2;
            let _ = write!(out, "<h{level}>{}</h{level}>", md_inline(rest.trim()));
        } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            if !para.is_empty() {
                let _ = write!(out, "<p>{}</p>", md_inline(&para.join(" ")));
                para.clear();
            }
            list.push(item.trim().to_string());
        } else if line.starts_with(char::is_whitespace)
            && let Some(last) = list.last_mut()
        {
            last.push(' ');
            last.push_str(trimmed);
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut Vec::new(), &mut list);
            }
            para.push(trimmed);
        }
    }
    if let Some(code) = fence {
        let _ = write!(
            out,
            "<pre><code>{}</code></pre>",
            esc_html(&code.join("\n"))
        );
    }
    flush(&mut out, &mut para, &mut list);
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `--format html`: the page draws the whole run's charts at its top, so it
/// keeps every file's result (its rendered section and figures, no source
/// text) and writes the page at the end.
pub struct HtmlStream<'w> {
    w: &'w mut dyn Write,
    results: Vec<FileResult>,
}

impl<'w> HtmlStream<'w> {
    /// A page onto `w`.
    pub fn new(w: &'w mut dyn Write) -> Self {
        Self {
            w,
            results: Vec::new(),
        }
    }
}

impl Stream for HtmlStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        self.results.push(r);
        Ok(())
    }

    fn finish(self: Box<Self>, summary: &Summary) -> Result<(), StreamError> {
        write_html(self.w, &self.results, summary)?;
        Ok(())
    }
}

/// Write the page: head, summary, filters, the files' pre-rendered sections
/// (a file without one, such as after `--write-baseline`, is rendered here
/// without snippets), the explanations of the rules that fired.
///
/// # Errors
/// Write errors.
pub fn write_html(w: &mut dyn Write, results: &[FileResult], summary: &Summary) -> io::Result<()> {
    let rows = rule_counts(results);
    let total: usize = rows.iter().map(|r| r.count).sum();
    let with_findings = results.iter().filter(|r| !r.diagnostics.is_empty()).count();
    let mut sev: BTreeMap<Severity, usize> = BTreeMap::new();
    for (s, n) in [
        (Severity::Error, summary.errors),
        (Severity::Warning, summary.warnings),
        (Severity::Info, summary.infos),
    ] {
        if n > 0 {
            sev.insert(s, n);
        }
    }
    let headline = format!(
        "{} in {} ({} checked)",
        severity_counts(&sev),
        plural(with_findings, "file", "files"),
        summary.files
    );
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="encyclint {version}">
<title>encyclint report: {headline}</title>
<style>{CSS}</style>
</head>
<body>
{defs}<header><h1>encyclint report</h1><p class="lede">{headline}</p>
<nav aria-label="Contents"><ul><li><a href="#summary">Summary</a></li><li><a href="#files">Files</a></li><li><a href="#rules">Rules</a></li></ul></nav></header>
<main>
<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<dl class="totals">"##,
        version = env!("CARGO_PKG_VERSION"),
        defs = charts::DEFS,
    );
    let mut totals = vec![
        ("files checked", summary.files),
        ("files with findings", with_findings),
        ("errors", summary.errors),
        ("warnings", summary.warnings),
        ("infos", summary.infos),
    ];
    if let Some(f) = summary.fixed {
        totals.push(("fixes applied", f));
    }
    for (k, v) in totals {
        let _ = write!(out, "<div><dt>{k}</dt><dd>{v}</dd></div>");
    }
    out.push_str("</dl>\n");
    if !summary.notes.is_empty() {
        out.push_str(r#"<ul class="notes">"#);
        for n in &summary.notes {
            let _ = write!(out, "<li>{}</li>", esc_html(n));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(r#"<div class="overview">"#);
    out.push_str(&charts::per_rule(&rows));
    out.push('\n');
    if !rows.is_empty() {
        out.push_str(r#"<table class="by-rule"><caption>Findings by rule</caption><thead><tr><th scope="col">code</th><th scope="col">rule</th><th scope="col">severity</th><th scope="col" class="num">findings</th></tr></thead><tbody>"#);
        for r in &rows {
            let _ = write!(
                out,
                r##"<tr><td><a class="code" href="#{}">{}</a></td><td>{}</td><td>{}</td><td class="num">{}</td></tr>"##,
                anchor(&r.code),
                esc_html(&r.code),
                esc_html(&r.name),
                r.severity.as_str(),
                r.count
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</div></section>\n");

    let _ = write!(
        out,
        r#"<section id="files" aria-labelledby="files-h"><h2 id="files-h">Files</h2>
<form id="filters" class="filters" hidden aria-label="Filter findings"><fieldset><legend>Severity</legend>"#
    );
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = sev.get(&s).copied().unwrap_or(0);
        let _ = write!(
            out,
            r#"<label><input type="checkbox" name="sev" value="{0}" checked> {0} ({n})</label>"#,
            s.as_str()
        );
    }
    out.push_str(r#"</fieldset><fieldset><legend>Rule</legend><span class="bulk">show <button type="button" data-group="rule" value="all">all</button><button type="button" data-group="rule" value="none">none</button></span>"#);
    for r in &rows {
        let _ = write!(
            out,
            r#"<label><input type="checkbox" name="rule" value="{}" checked> {} {} ({})</label>"#,
            esc(&r.code),
            esc_html(&r.code),
            esc_html(&r.name),
            r.count
        );
    }
    out.push_str("</fieldset></form>");
    let _ = writeln!(
        out,
        r#"<p id="shown" role="status">{}</p>"#,
        plural(total, "finding", "findings")
    );
    w.write_all(out.as_bytes())?;

    for (i, r) in results.iter().enumerate() {
        let _ = write!(w, r#"<section class="file" id="file-{}">"#, i + 1);
        if r.rendered.is_empty() {
            let part = render_file(&r.path, None, &r.diagnostics, r.charts.as_deref(), r.failed);
            w.write_all(part.as_bytes())?;
        } else {
            w.write_all(r.rendered.as_bytes())?;
        }
        writeln!(w, "</section>")?;
    }
    writeln!(w, "</section>")?;

    let mut out = String::from(
        r#"<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules</h2>"#,
    );
    let mut codes: Vec<&RuleCount> = rows.iter().collect();
    codes.sort_by(|a, b| a.code.cmp(&b.code));
    if codes.is_empty() {
        out.push_str("<p>No rule fired.</p>");
    }
    for r in codes {
        let _ = write!(out, r#"<section class="rule" id="{}">"#, anchor(&r.code));
        match rules::ALL.iter().find(|m| m.code == r.code) {
            Some(meta) => out.push_str(&markdown(&meta.explanation())),
            None => {
                let _ = write!(
                    out,
                    "<h3>{} ({})</h3><p>A code of the policy schema: encyclint has no explanation of it; see the schema's <code>x-message</code> and <code>x-help</code>.</p>",
                    esc_html(&r.name),
                    esc_html(&r.code)
                );
            }
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        r#"</section>
</main>
<footer><p>Written by encyclint {}. <code>encyclint explain CODE</code> prints the explanations above.</p></footer>
<script>{SCRIPT}</script>
</body>
</html>
"#,
        env!("CARGO_PKG_VERSION")
    );
    w.write_all(out.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::locate;
    use crate::schema::Policy;
    use crate::settings::Settings;
    use crate::source::Format;

    /// Lint `text` as `path` and render the whole page, as the CLI does.
    fn page(files: &[(&str, &str)]) -> String {
        let settings = Settings::default();
        let policy = Policy::builtin();
        let cx = crate::linter::Context {
            settings: &settings,
            policy: &policy,
            titles: None,
        };
        let mut results = Vec::new();
        let mut summary = Summary::default();
        for (path, text) in files {
            let format = if path.ends_with(".md") {
                Format::Markdown
            } else {
                Format::Text
            };
            let src = SourceFile::new(*path, *text, format);
            let linted = crate::linter::lint(&src, &cx).expect("lint");
            let charts = ArticleCharts::of(&linted.article, &src);
            let diagnostics = locate(&src, linted.diagnostics);
            let rendered = render_file(path, Some(&src), &diagnostics, Some(&charts), false);
            let r = FileResult {
                path: (*path).to_string(),
                diagnostics,
                rendered,
                failed: false,
                charts: Some(Box::new(charts)),
                page: None,
            };
            summary.add(&r);
            results.push(r);
        }
        let mut out = Vec::new();
        write_html(&mut out, &results, &summary).expect("write");
        String::from_utf8(out).expect("utf-8")
    }

    /// Every tag the page may contain.
    const TAGS: &[&str] = &[
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "svg",
        "defs",
        "pattern",
        "rect",
        "circle",
        "path",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "nav",
        "ul",
        "li",
        "a",
        "main",
        "section",
        "dl",
        "div",
        "dt",
        "dd",
        "figure",
        "desc",
        "line",
        "text",
        "g",
        "figcaption",
        "table",
        "caption",
        "thead",
        "tr",
        "th",
        "tbody",
        "td",
        "form",
        "fieldset",
        "legend",
        "label",
        "input",
        "button",
        "span",
        "article",
        "pre",
        "mark",
        "sup",
        "strong",
        "code",
        "footer",
        "script",
    ];

    /// The tags of `html`, and anything after a `<` that is not one.
    fn tags(html: &str) -> (Vec<String>, Vec<String>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        for piece in html.split('<').skip(1) {
            let name: String = piece
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect();
            if TAGS.contains(&name.as_str()) {
                ok.push(name);
            } else {
                bad.push(piece.chars().take(30).collect());
            }
        }
        (ok, bad)
    }

    const HOSTILE: &str = "Hostile <script>alert(1)</script> articleEdit\n\
        A lead with \"><img src=x onerror=alert(2)> and </style><script>alert(3)</script> and ]]> and <!-- and \u{1b}[31m red \u{7} bell \u{202E}evil\u{202C} \u{2066}iso\u{2069} and \u{200B}zw, of course.\n\
        Controversies <b>and</b> debates\n\
        Cost </textarea><svg onload=alert(4)>: Critics argue that it is <script>dear</script>. Supporters respond that it pays.\n\
        Risk: Critics argue that it fails. Supporters respond that it works \u{202E}fine.\n\
        Values: Proponents emphasize that norms are shared, of course.\n\
        See also\n\
        <img src=x onerror=alert(5)>\n";

    fn assert_inert(html: &str) {
        let (ok, bad) = tags(html);
        assert!(bad.is_empty(), "markup from the article: {bad:?}");
        assert_eq!(
            ok.iter().filter(|t| *t == "script").count(),
            2,
            "one script element"
        );
        assert_eq!(
            ok.iter().filter(|t| *t == "style").count(),
            2,
            "one style element"
        );
        assert!(!ok.iter().any(|t| t == "img" || t == "textarea"));
        for c in html.chars() {
            assert!(
                !is_dangerous(c) || c == '\n' || c == '\t',
                "raw control or direction character U+{:04X}",
                c as u32
            );
        }
        assert!(!html.contains("]]>"));
        assert!(!html.contains("<!--"));
        assert_eq!(html.matches("</style>").count(), 1);
        assert_eq!(html.matches("</script>").count(), 1);
        // Attributes are only the page's own: no event handler anywhere in a tag.
        for piece in html.split('<').skip(1) {
            let tag = piece.split('>').next().unwrap_or("");
            assert!(
                !tag.to_ascii_lowercase().contains(" on"),
                "handler in <{tag}>"
            );
        }
    }

    #[test]
    fn hostile_articles_and_names_are_only_ever_escaped() {
        let name = "evil\"><script>alert(6)</script>\u{202E}txt.txt";
        let html = page(&[(name, HOSTILE)]);
        assert_inert(&html);
        assert!(html.contains("Hostile &lt;script&gt;alert(1)&lt;/script&gt; article"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.contains("&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
        assert!(html.contains("]]&gt;"));
        assert!(
            html.contains(r#"<span class="ctl">U+202E</span>"#),
            "visible in text"
        );
        assert!(html.contains(r#"<span class="ctl">U+001B</span>"#));
        assert!(html.contains("evil&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;"));
        // The debate chart carries the hostile heading in its SVG title, escaped.
        assert!(
            html.contains("<title>Balance of the debate in section “Controversies &lt;b&gt;and&lt;/b&gt; debates” (line 3)</title>"),
            "{html}"
        );
        // Markdown too.
        let md = "# T <script>x</script>\n\n<script>alert(7)</script>\n\n## Cost <img src=x onerror=alert(8)>\n\n- **Cost**: Critics argue `</code><script>` it fails. Supporters respond it works.\n\n<style>body{display:none}</style>\n";
        assert_inert(&page(&[("a<b>.md", md), (name, HOSTILE)]));
    }

    #[test]
    fn policy_codes_cannot_break_out_of_ids_or_attributes() {
        assert_eq!(anchor("S002"), "rule-S002");
        assert_eq!(anchor("X\"><b>"), "rule-X_22_3e_3cb_3e");
        assert_ne!(anchor("a_b"), anchor("a.b"));
        let src = SourceFile::new("a.txt", "T\nLead.\n", Format::Text);
        let d = crate::diagnostic::Diagnostic::new(
            "X\"><script>",
            "n'ame<",
            Severity::Error,
            Span::new(0, 1),
            "m",
        );
        let ls = locate(&src, vec![d]);
        let r = FileResult {
            path: "a.txt".into(),
            rendered: render_file("a.txt", Some(&src), &ls, None, false),
            diagnostics: ls,
            ..FileResult::default()
        };
        let mut s = Summary::default();
        s.add(&r);
        let mut out = Vec::new();
        write_html(&mut out, &[r], &s).expect("write");
        let html = String::from_utf8(out).expect("utf-8");
        assert_inert(&html);
        assert!(html.contains(r#"data-rule="X&quot;&gt;&lt;script&gt;""#));
        assert!(html.contains("A code of the policy schema"));
    }

    #[test]
    fn same_input_same_bytes() {
        let seed = include_str!("../../fixtures/defense-cooperation.txt");
        let a = page(&[("seed.txt", seed), ("h.txt", HOSTILE)]);
        let b = page(&[("seed.txt", seed), ("h.txt", HOSTILE)]);
        assert_eq!(a, b);
        assert!(!a.contains("20") || !a.contains(":00:"), "no timestamp");
    }

    #[test]
    fn the_seed_page_has_every_finding_its_snippet_and_charts() {
        let seed = include_str!("../../fixtures/defense-cooperation.txt");
        let html = page(&[("fixtures/defense-cooperation.txt", seed)]);
        assert_inert(&html);
        assert_eq!(html.matches(r#"<article class="finding""#).count(), 8);
        assert_eq!(
            html.matches(r#"<article class="finding" data-sev="error""#)
                .count(),
            1
        );
        // S002 highlights `Edit` on line 1.
        assert!(
            html.contains(r#"<span class="row hit"><span class="ln">1</span><span class="src">Defense Cooperation<mark class="p">Edit</mark>"#),
            "{html}"
        );
        // B001: the label numbers follow their spans.
        assert!(html.contains(r#"<sup class="n">1</sup>"#));
        // Errors come first in a file.
        let s002 = html.find(r#"data-rule="S002""#).unwrap_or(usize::MAX);
        let b001 = html
            .find(r#"<section class="group" data-rule="B001""#)
            .unwrap_or(0);
        assert!(s002 < b001);
        // Rule explanations are embedded and linked.
        assert!(html.contains(r##"<a class="code" href="#rule-B002">B002</a>"##));
        assert!(html.contains(
            r#"<section class="rule" id="rule-B002"><h3>unbalanced-coverage (B002)</h3>"#
        ));
        assert!(html.contains("<pre><code>Debates\nCosts: Critics argue"));
        // Charts: per rule, the debate, each with a title and a description.
        assert!(html.contains("<title>Findings per rule</title>"));
        assert!(html.contains("Proponents hold 127 words (71%), critics 51 words (29%)."));
        assert!(html.contains("in order: proponents, proponents, proponents, proponents."));
        svgs_have_text_alternatives(&html);
        // Semantic headings in order, and a print stylesheet that drops the filters.
        let h1 = html.find("<h1>").unwrap_or(usize::MAX);
        let h2 = html.find("<h2 id=\"summary-h\">").unwrap_or(0);
        let h3 = html.find("<h3 class=\"path\">").unwrap_or(0);
        assert!(h1 < h2 && h2 < h3);
        assert!(html.contains(
            "<title>encyclint report: 1 error, 7 warnings in 1 file (1 checked)</title>"
        ));
        assert!(html.contains("@media print {\n  html { font-size: 11pt;"));
        assert!(html.contains("nav, .filters { display: none !important; }"));
    }

    /// Every chart's SVG opens with a `<title>` and a `<desc>` (the pattern
    /// definitions are hidden from assistive technology).
    fn svgs_have_text_alternatives(html: &str) {
        let mut charts = 0;
        for piece in html.split("<svg ").skip(1) {
            if piece.starts_with(r#"class="defs" aria-hidden="true""#) {
                continue;
            }
            charts += 1;
            let body = piece.split_once('>').map_or("", |(_, b)| b);
            assert!(piece.starts_with(r#"role="img""#), "{piece}");
            assert!(body.starts_with("<title>"), "{body}");
            let after = body.split_once("</title>").map_or("", |(_, b)| b);
            assert!(after.starts_with("<desc>") && !after.starts_with("<desc></desc>"));
        }
        assert!(charts >= 2, "{charts}");
    }

    #[test]
    fn references_chart_when_there_are_references() {
        let html = page(&[("a.txt", "Light\nLight is a wave. See Photon and Quantum.\n")]);
        assert!(html.contains("<title>References of the article</title>"));
        assert!(html.contains("2 references found, not judged: no title index."));
        svgs_have_text_alternatives(&html);
    }

    #[test]
    fn long_lines_are_cut_around_the_span_and_far_lines_elided() {
        let long = format!(
            "T\n{} Clearly, it works. {}\n",
            "word ".repeat(400),
            "more ".repeat(400)
        );
        let src = SourceFile::new("a.txt", long.as_str(), Format::Text);
        let at = long.find("Clearly,").unwrap_or(0);
        let d = crate::diagnostic::Diagnostic::new(
            "B005",
            "editorializing",
            Severity::Warning,
            Span::new(at, at + "Clearly,".len()),
            "m",
        );
        let s = snippet(&src, &locate(&src, vec![d])[0]);
        assert!(s.contains(r#"<mark class="p">Clearly,</mark>"#), "{s}");
        assert_eq!(
            s.matches(r#"<span class="cut" title="text cut">…</span>"#)
                .count(),
            2
        );
        assert!(s.len() < 1200, "{}", s.len());
        let mut many = String::from("T\nLead.\n");
        for i in 0..40 {
            many.push_str(&format!("Line {i} of the text.\n"));
        }
        let src = SourceFile::new("a.txt", many.as_str(), Format::Text);
        let d = crate::diagnostic::Diagnostic::new(
            "J001",
            "schema-violation",
            Severity::Error,
            Span::new(0, many.len()),
            "whole file",
        );
        let l = &locate(&src, vec![d])[0];
        let s = snippet(&src, l);
        assert!(s.contains("lines not shown"), "{s}");
        assert_eq!(s.matches(r#"<span class="ln">"#).count(), MAX_LINES + 1);
    }

    #[test]
    fn markdown_subset() {
        let h = markdown(
            "# Title (X1)\n\nA `<b>` para\ncontinued.\n\n## Options\n- `a` one\n  more\n- two\n\n```text\n<i>x</i>\n```\nTail `open",
        );
        assert_eq!(
            h,
            "<h3>Title (X1)</h3><p>A <code>&lt;b&gt;</code> para continued.</p><h4>Options</h4><ul><li><code>a</code> one more</li><li>two</li></ul><pre><code>&lt;i&gt;x&lt;/i&gt;</code></pre><p>Tail `open</p>"
        );
    }

    #[test]
    fn escapes() {
        assert_eq!(
            esc("a<b>&\"'\u{1b}\u{202E}\n"),
            "a&lt;b&gt;&amp;&quot;&#39;\u{FFFD}\u{FFFD}\n"
        );
        assert_eq!(
            esc_html("<\u{2066}>"),
            r#"&lt;<span class="ctl">U+2066</span>&gt;"#
        );
    }

    /// SHA-256 (FIPS 180-4), only to check [`SCRIPT_HASH`].
    fn sha256(data: &[u8]) -> [u8; 32] {
        const K: [u32; 64] = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
            0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
            0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
            0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
            0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
            0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
            0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
            0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2,
        ];
        let mut h: [u32; 8] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        let mut msg = data.to_vec();
        msg.push(0x80);
        while msg.len() % 64 != 56 {
            msg.push(0);
        }
        msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
        for chunk in msg.chunks(64) {
            let mut w = [0u32; 64];
            for (i, b) in chunk.chunks(4).enumerate() {
                w[i] = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
            }
            for i in 16..64 {
                let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
                let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let mut v = h;
            for i in 0..64 {
                let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
                let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
                let t1 = v[7]
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(K[i])
                    .wrapping_add(w[i]);
                let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
                let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
                let t2 = s0.wrapping_add(maj);
                v = [
                    t1.wrapping_add(t2),
                    v[0],
                    v[1],
                    v[2],
                    v[3].wrapping_add(t1),
                    v[4],
                    v[5],
                    v[6],
                ];
            }
            for (a, b) in h.iter_mut().zip(v) {
                *a = a.wrapping_add(b);
            }
        }
        let mut out = [0u8; 32];
        for (i, x) in h.iter().enumerate() {
            out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
        }
        out
    }

    fn base64(data: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in data.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for (i, shift) in [18, 12, 6, 0].iter().enumerate() {
                if i <= c.len() {
                    out.push(char::from(A[((n >> shift) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn the_policy_allows_exactly_the_page_script() {
        assert_eq!(
            base64(&sha256(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            SCRIPT_HASH,
            format!("sha256-{}", base64(&sha256(SCRIPT.as_bytes()))),
            "update SCRIPT_HASH after changing SCRIPT"
        );
    }
}
