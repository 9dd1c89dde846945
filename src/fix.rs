//! `--fix` and `--diff`: apply safe fixes, re-lint until nothing changes, and
//! write the result atomically.
//!
//! Only [`Applicability::Safe`] fixes are applied. A fix is taken whole or not
//! at all: when its edits overlap an edit already taken this round it waits for
//! the next round, where it is recomputed against the new text. Rounds stop at a
//! fixpoint or after [`MAX_ROUNDS`]. The new text is written to a temporary
//! file in the same directory, given the original's permissions, and renamed
//! over it, so a reader sees the old file or the new one, never half of one.
//! The CLI never calls this for stdin or for a file that failed to read.

use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::linter::{self, Context, Linted};
use crate::schema::SchemaError;
use crate::source::SourceFile;

/// Fix rounds before giving up on a fixpoint.
pub const MAX_ROUNDS: usize = 4;

/// Apply the safe fixes of `diagnostics` that do not overlap; returns the new
/// text and how many fixes were applied.
#[must_use]
pub fn apply_safe(text: &str, diagnostics: &[Diagnostic]) -> (String, usize) {
    let mut fixes: Vec<&[Edit]> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe && !f.edits.is_empty())
        .map(|f| f.edits.as_slice())
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.span.start()).min().unwrap_or(0));
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for edits in fixes {
        let fits = edits.iter().all(|e| {
            let s = e.span;
            s.end() <= text.len()
                && text.is_char_boundary(s.start())
                && text.is_char_boundary(s.end())
                && taken
                    .iter()
                    .all(|t| s.end() <= t.span.start() || t.span.end() <= s.start())
                && edits
                    .iter()
                    .filter(|o| !std::ptr::eq(*o, e))
                    .all(|o| s.end() <= o.span.start() || o.span.end() <= s.start())
        });
        if fits {
            taken.extend(edits.iter());
            applied += 1;
        }
    }
    taken.sort_by_key(|e| (e.span.start(), e.span.len()));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.span.start()]);
        out.push_str(&e.text);
        at = e.span.end();
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// The outcome of fixing one source.
#[derive(Debug)]
pub struct Fixed {
    /// The source after all rounds (the original when nothing applied).
    pub source: SourceFile,
    /// Fixes applied over all rounds.
    pub fixes: usize,
    /// The lint of [`Self::source`].
    pub linted: Linted,
}

/// Lint, apply safe fixes and re-lint, up to [`MAX_ROUNDS`] times.
///
/// # Errors
/// A [`SchemaError`] from linting: then nothing must be written.
pub fn fix_source(src: &SourceFile, cx: &Context<'_>) -> Result<Fixed, SchemaError> {
    let mut cur = src.clone();
    let mut total = 0;
    let mut round = 0;
    loop {
        let linted = linter::lint(&cur, cx)?;
        if round == MAX_ROUNDS {
            return Ok(Fixed {
                source: cur,
                fixes: total,
                linted,
            });
        }
        let (text, n) = apply_safe(&cur.text, &linted.diagnostics);
        if n == 0 || *text == *cur.text {
            return Ok(Fixed {
                source: cur,
                fixes: total,
                linted,
            });
        }
        total += n;
        round += 1;
        let page = cur.page.take();
        cur = SourceFile::new(cur.path.clone(), text, cur.format);
        cur.page = page;
    }
}

/// Replace `path`'s contents atomically: a temporary file beside it (beside
/// the target, for a symlink) with the same permissions, renamed over it.
///
/// # Errors
/// Any IO error; the original is then untouched.
pub fn write_atomic(path: &Path, contents: &str) -> io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let perms = std::fs::metadata(&target)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".encyclint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of a fix, `a/PATH` → `b/PATH`, with control characters
/// made visible (see [`crate::report::human::sanitize`]).
#[must_use]
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    crate::report::human::sanitize(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};
    use crate::span::Span;

    fn fix(start: usize, end: usize, text: &str, app: Applicability) -> Diagnostic {
        Diagnostic::new("S002", "x", Severity::Error, Span::new(start, end), "m").with_fix(Fix {
            title: "t".into(),
            applicability: app,
            edits: vec![Edit {
                span: Span::new(start, end),
                text: text.into(),
            }],
        })
    }

    #[test]
    fn applies_safe_non_overlapping_in_order() {
        let ds = vec![
            fix(6, 11, "there", Applicability::Safe),
            fix(0, 5, "Hi", Applicability::Safe),
            fix(0, 2, "XX", Applicability::Safe), // overlaps the one above: next round
            fix(5, 6, "_", Applicability::Unsafe),
        ];
        assert_eq!(apply_safe("hello world", &ds), ("Hi there".to_string(), 2));
    }

    #[test]
    fn out_of_range_edits_are_skipped() {
        let ds = vec![
            fix(3, 99, "", Applicability::Safe),
            fix(1, 2, "", Applicability::Safe),
        ];
        assert_eq!(apply_safe("aé", &ds), ("aé".to_string(), 0));
    }

    #[test]
    fn atomic_write_keeps_permissions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        write_atomic(&p, "new").expect("atomic write");
        assert_eq!(std::fs::read_to_string(&p).expect("read"), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        let leftovers = std::fs::read_dir(dir.path()).expect("ls").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }
}
