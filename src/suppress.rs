//! Inline suppressions in Markdown and wikitext, as HTML comments (markdownlint's forms):
//!
//! ```markdown
//! <!-- encyclint-disable S004, B005 -->   from this line on
//! <!-- encyclint-enable S004 -->          and back on
//! <!-- encyclint-disable-line S007 -->    this line only
//! <!-- encyclint-disable-next-line S006 -->
//! <!-- encyclint-disable-file B002 -->    the whole file
//! ```
//!
//! Codes may be rule names too, separated by commas or spaces; no code means
//! every rule. For a finding on line L, the last `disable`/`enable` on or
//! before L that names its code (or all codes) decides. Comments inside fenced
//! code blocks are text, not directives (Markdown). Plain-text articles have no comments:
//! they use `[per-file-ignores]` in `encyclint.toml`.
//!
//! Every suppression must earn its place: one that suppressed nothing, or names
//! an unknown rule, is reported as S100 `unused-suppression` (itself
//! suppressible only by naming S100). Codes that are not enabled in this run
//! are not judged. The linter applies this after the rules ran, then finishes
//! every finding once (settings, order).

use crate::diagnostic::Diagnostic;
use crate::rules::{self, meta::UnusedSuppression};
use crate::settings::Settings;
use crate::source::{Format, SourceFile};
use crate::span::{LineIndex, Span};

/// The kinds of directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `encyclint-disable`: from here on.
    Disable,
    /// `encyclint-enable`: from here on, undoes a disable.
    Enable,
    /// `encyclint-disable-line`.
    DisableLine,
    /// `encyclint-disable-next-line`.
    DisableNextLine,
    /// `encyclint-disable-file`.
    DisableFile,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Disable => "encyclint-disable",
            Kind::Enable => "encyclint-enable",
            Kind::DisableLine => "encyclint-disable-line",
            Kind::DisableNextLine => "encyclint-disable-next-line",
            Kind::DisableFile => "encyclint-disable-file",
        }
    }
}

/// One parsed directive.
#[derive(Debug, Clone)]
pub struct Directive {
    /// Which.
    pub kind: Kind,
    /// Codes as resolved (empty: all rules).
    pub codes: Vec<String>,
    /// Words that named no rule.
    pub unknown: Vec<String>,
    /// The comment.
    pub span: Span,
    /// 1-based line of the comment's start.
    pub line: usize,
    /// 1-based line of the comment's end.
    pub end_line: usize,
    used_all: bool,
    used: Vec<bool>,
}

impl Directive {
    fn covers(&self, code: &str) -> Option<usize> {
        if self.codes.is_empty() {
            return Some(usize::MAX);
        }
        self.codes.iter().position(|c| c == code)
    }

    fn mark(&mut self, idx: usize) {
        if idx == usize::MAX {
            self.used_all = true;
        } else if let Some(u) = self.used.get_mut(idx) {
            *u = true;
        }
    }
}

/// Lines (1-based) inside fenced code blocks. Lines are the source's own, as
/// [`LineIndex`] counts them (`\n`, `\r\n` and a lone `\r` each end one).
fn fenced_lines(text: &str, lines: &LineIndex) -> Vec<bool> {
    let mut out = vec![false];
    let mut fence: Option<(char, usize)> = None;
    for n in 1..=lines.line_count() {
        let start = lines.line_start(n).unwrap_or(text.len());
        let end = lines.line_start(n + 1).unwrap_or(text.len());
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        let t = line.trim_start();
        let marker = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| t.chars().take_while(|c| *c == m).count());
        match (fence, marker) {
            (None, Some(m)) if run >= 3 => {
                fence = Some((m, run));
                out.push(true);
            }
            (Some((fm, fr)), Some(m))
                if m == fm && run >= fr && t[run * m.len_utf8()..].trim().is_empty() =>
            {
                fence = None;
                out.push(true);
            }
            _ => out.push(fence.is_some()),
        }
    }
    out
}

/// Find every directive in a Markdown or wikitext source.
#[must_use]
pub fn directives(src: &SourceFile) -> Vec<Directive> {
    let text: &str = &src.text;
    let fenced = if src.format == Format::Markdown {
        fenced_lines(text, &src.lines)
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("<!--") {
        let start = from + i;
        let body_start = start + 4;
        let Some(j) = text[body_start..].find("-->") else {
            break;
        };
        let end = body_start + j + 3;
        from = end;
        let body = text[body_start..body_start + j].trim();
        let line = src.lines.line_col(text, start).line;
        if fenced.get(line).copied().unwrap_or(false) {
            continue;
        }
        let Some(rest) = body.strip_prefix("encyclint-") else {
            continue;
        };
        let (word, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let kind = match word {
            "disable" => Kind::Disable,
            "enable" => Kind::Enable,
            "disable-line" => Kind::DisableLine,
            "disable-next-line" => Kind::DisableNextLine,
            "disable-file" => Kind::DisableFile,
            _ => continue,
        };
        let mut codes = Vec::new();
        let mut unknown = Vec::new();
        for a in args
            .split([',', ' ', '\t', '\n', '\r'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            match rules::lookup(a) {
                Some(r) if !codes.iter().any(|c| c == r.code) => codes.push(r.code.to_string()),
                Some(_) => {}
                None => unknown.push(a.to_string()),
            }
        }
        let end_line = src.lines.line_col(text, end).line;
        let used = vec![false; codes.len()];
        out.push(Directive {
            kind,
            codes,
            unknown,
            span: Span::new(start, end),
            line,
            end_line,
            used_all: false,
            used,
        });
    }
    out
}

/// Which directive, if any, suppresses a finding of `code` on `line`.
fn suppressor(dirs: &[Directive], code: &str, line: usize) -> Option<(usize, usize)> {
    // Whole file and single lines first: they are the most specific.
    for (i, d) in dirs.iter().enumerate() {
        let applies = match d.kind {
            Kind::DisableFile => true,
            Kind::DisableLine => (d.line..=d.end_line).contains(&line),
            Kind::DisableNextLine => d.end_line + 1 == line,
            Kind::Disable | Kind::Enable => false,
        };
        if let Some(idx) = d.covers(code).filter(|_| applies) {
            return Some((i, idx));
        }
    }
    let mut state = None;
    for (i, d) in dirs.iter().enumerate() {
        if d.line > line {
            break;
        }
        match d.kind {
            Kind::Disable if d.covers(code).is_some() => state = d.covers(code).map(|idx| (i, idx)),
            Kind::Enable if d.covers(code).is_some() => state = None,
            _ => {}
        }
    }
    state
}

/// A file's inline suppressions, judging findings as they come.
pub struct Suppressions<'a> {
    src: &'a SourceFile,
    settings: &'a Settings,
    dirs: Vec<Directive>,
}

impl<'a> Suppressions<'a> {
    /// The directives of `src`; `None` when it has none (plain text has none).
    #[must_use]
    pub fn new(src: &'a SourceFile, settings: &'a Settings) -> Option<Self> {
        if !matches!(src.format, Format::Markdown | Format::Wikitext)
            || !src.text.contains("encyclint-")
        {
            return None;
        }
        let dirs = directives(src);
        (!dirs.is_empty()).then_some(Self {
            src,
            settings,
            dirs,
        })
    }

    /// Whether `d` is reported: `false` when a directive suppresses it (the
    /// directive is then used). Findings of rules the settings turn off are
    /// not judged and use no directive.
    pub fn keep(&mut self, d: &Diagnostic) -> bool {
        if !self.settings.enabled(&d.code) {
            return false;
        }
        let line = self.src.lines.line_col(&self.src.text, d.span.start()).line;
        match suppressor(&self.dirs, &d.code, line) {
            Some((i, idx)) => {
                self.dirs[i].mark(idx);
                false
            }
            None => true,
        }
    }

    /// An S100 finding per suppression that suppressed nothing or names an
    /// unknown rule, once every finding was judged.
    #[must_use]
    pub fn unused(self) -> Vec<Diagnostic> {
        let Self {
            src,
            settings,
            dirs,
        } = self;
        let text: &str = &src.text;
        let mut unused = Vec::new();
        let meta = &UnusedSuppression::META;
        for d in dirs.iter().filter(|d| d.kind != Kind::Enable) {
            let kw = d.kind.keyword();
            for u in &d.unknown {
                unused.push(
                    meta.diag(d.span, format!("`{kw}` names `{u}`, which is not a rule"))
                        .with_label("unknown rule")
                        .with_help("use a code or name from `encyclint rules`"),
                );
            }
            if d.codes.is_empty() {
                if !d.used_all && d.unknown.is_empty() {
                    unused.push(
                        meta.diag(d.span, format!("`{kw}` suppresses no finding"))
                            .with_label("nothing to suppress here")
                            .with_help("remove the comment"),
                    );
                }
                continue;
            }
            for (code, used) in d.codes.iter().zip(&d.used) {
                if !used && settings.enabled(code) && code != meta.code {
                    unused.push(
                        meta.diag(
                            d.span,
                            format!("`{kw} {code}` suppresses no {code} finding"),
                        )
                        .with_label("nothing to suppress here")
                        .with_help(if d.codes.len() == 1 {
                            "remove the comment".to_string()
                        } else {
                            format!("remove `{code}` from the comment")
                        }),
                    );
                }
            }
        }
        // S100 findings are suppressed only by directives that name S100.
        unused.retain(|u| {
            let line = src.lines.line_col(text, u.span.start()).line;
            !matches!(suppressor(&dirs, meta.code, line), Some((i, _)) if !dirs[i].codes.is_empty())
        });
        unused
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    /// Drop suppressed findings and add an S100 finding per suppression that
    /// suppressed nothing, as the linter's sink does finding by finding.
    fn apply(
        src: &SourceFile,
        diagnostics: Vec<Diagnostic>,
        settings: &Settings,
    ) -> Vec<Diagnostic> {
        let Some(mut sup) = Suppressions::new(src, settings) else {
            return diagnostics;
        };
        let mut kept: Vec<Diagnostic> = diagnostics.into_iter().filter(|d| sup.keep(d)).collect();
        kept.extend(sup.unused());
        kept
    }

    fn md(text: &str) -> SourceFile {
        SourceFile::new("a.md", text, Format::Markdown)
    }

    fn diag_at(src: &SourceFile, line: usize, code: &str) -> Diagnostic {
        let off = src.lines.line_start(line).unwrap_or(0);
        Diagnostic::new(code, "x", Severity::Warning, Span::new(off, 1), "m")
    }

    fn codes(v: &[Diagnostic]) -> Vec<String> {
        v.iter()
            .map(|d| format!("{}@{}", d.code, d.span.start()))
            .collect()
    }

    #[test]
    fn wikitext_comments_are_directives_too() {
        let src = SourceFile::new(
            "a.wiki",
            "A\n<!-- encyclint-disable-next-line B005 -->\nB\n```\n<!-- encyclint-disable-line B005 -->\n",
            Format::Wikitext,
        );
        let ds = vec![diag_at(&src, 3, "B005"), diag_at(&src, 5, "B005")];
        let out = apply(&src, ds, &Settings::default());
        // No Markdown fences in wikitext: both comments are directives.
        assert!(out.is_empty(), "{:?}", codes(&out));
        let txt = SourceFile::new(
            "a.txt",
            "A\n<!-- encyclint-disable-file -->\n",
            Format::Text,
        );
        assert_eq!(
            apply(&txt, vec![diag_at(&txt, 1, "B005")], &Settings::default()).len(),
            1
        );
    }

    #[test]
    fn disable_enable_ranges() {
        let src =
            md("# T\n<!-- encyclint-disable S004 -->\nA\n<!-- encyclint-enable S004 -->\nB\n");
        let ds = vec![
            diag_at(&src, 3, "S004"),
            diag_at(&src, 5, "S004"),
            diag_at(&src, 3, "S005"),
        ];
        let out = apply(&src, ds, &Settings::default());
        let c = codes(&out);
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(out.iter().all(|d| d.code != "S100"), "{c:?}");
    }

    #[test]
    fn next_line_file_and_all() {
        let src = md(
            "# T\n<!-- encyclint-disable-next-line -->\nA\nB\n<!-- encyclint-disable-file S007 -->\n",
        );
        let ds = vec![
            diag_at(&src, 3, "S004"),
            diag_at(&src, 4, "S004"),
            diag_at(&src, 1, "S007"),
        ];
        let out = apply(&src, ds, &Settings::default());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span.start(), src.lines.line_start(4).unwrap_or(0));
    }

    #[test]
    fn unused_and_unknown_are_reported() {
        let src = md("# T\n<!-- encyclint-disable-next-line S004, nonsense -->\nA\n");
        let out = apply(&src, Vec::new(), &Settings::default());
        let msgs: Vec<&str> = out.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            out.iter().filter(|d| d.code == "S100").count(),
            2,
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("nonsense")));
        // Text articles have no directives.
        let txt = SourceFile::new("a.txt", "T\n<!-- encyclint-disable -->\n", Format::Text);
        assert!(apply(&txt, Vec::new(), &Settings::default()).is_empty());
    }

    #[test]
    fn fenced_comments_are_text_with_any_line_ending() {
        // A CR-only file: the fence must be seen on its own lines too.
        let src = md("# T\r```\r<!-- encyclint-disable -->\r```\rA\r");
        assert!(directives(&src).is_empty());
        let out = apply(&src, vec![diag_at(&src, 5, "S004")], &Settings::default());
        assert_eq!(
            codes(&out),
            [format!("S004@{}", src.lines.line_start(5).unwrap())]
        );
    }

    #[test]
    fn fenced_comments_are_text() {
        let src = md("# T\n```\n<!-- encyclint-disable -->\n```\nA\n");
        assert!(directives(&src).is_empty());
        let out = apply(&src, vec![diag_at(&src, 5, "S004")], &Settings::default());
        assert_eq!(out.len(), 1);
    }
}
