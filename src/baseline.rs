//! Baselines: known findings that do not fail CI.
//!
//! `--write-baseline FILE` records every current finding; `--baseline FILE`
//! drops the findings it lists from the report, so only new ones count. A
//! finding is matched by its file (relative to the repository root), its code,
//! its message and a hash of the text of its line, all with white space
//! collapsed, and never by its line number: inserting or deleting lines
//! elsewhere does not turn a known finding into a new one. Entries are a
//! multiset, so two identical findings need two entries. Entries of checked
//! files that matched nothing are stale: the problem was fixed, and rewriting
//! the baseline shrinks it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::Located;
use crate::report::fingerprint::normalise;

/// The file format version.
pub const VERSION: u32 = 1;

/// One known finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, relative to the repository root.
    pub file: String,
    /// The rule code.
    pub code: String,
    /// The message, white space collapsed.
    pub message: String,
    /// Hash of the code and the text of the finding's line (white space collapsed).
    pub context: String,
}

impl Entry {
    /// The entry of a finding in `file`.
    #[must_use]
    pub fn of(file: &str, l: &Located) -> Self {
        Self {
            file: file.to_string(),
            code: l.diag.code.clone(),
            message: normalise(&l.diag.message),
            context: l.line_hash.clone(),
        }
    }
}

/// A baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// Known findings, sorted.
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// A baseline of these entries (sorted, so the file is deterministic).
    #[must_use]
    pub fn new(mut findings: Vec<Entry>) -> Self {
        findings.sort();
        Self {
            version: VERSION,
            findings,
        }
    }

    /// The entries of one file, as a multiset.
    #[must_use]
    pub fn for_file(&self, file: &str) -> Known {
        let mut counts = BTreeMap::new();
        for e in self.findings.iter().filter(|e| e.file == file) {
            *counts.entry(e.clone()).or_insert(0) += 1;
        }
        Known { counts }
    }

    /// Read a baseline.
    ///
    /// # Errors
    /// Unreadable, not a baseline, or a newer format.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {}", path.display(), crate::source::io_reason(&e)))?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not an encyclint baseline: {e}", path.display()))?;
        if b.version != VERSION {
            return Err(format!(
                "{}: baseline version {} is not supported (expected {VERSION})",
                path.display(),
                b.version
            ));
        }
        Ok(b)
    }

    /// Write the baseline atomically, pretty-printed with a final newline.
    ///
    /// # Errors
    /// IO errors.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        if path.exists() {
            crate::fix::write_atomic(path, &text)
        } else {
            std::fs::write(path, text)
        }
    }
}

/// The known findings of one file, consumed as they match.
#[derive(Debug, Clone, Default)]
pub struct Known {
    counts: BTreeMap<Entry, usize>,
}

impl Known {
    /// Whether the finding is known; consumes one matching entry.
    pub fn take(&mut self, entry: &Entry) -> bool {
        match self.counts.get_mut(entry) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// The entries that matched nothing.
    #[must_use]
    pub fn stale(self) -> Vec<Entry> {
        self.counts
            .into_iter()
            .flat_map(|(e, n)| std::iter::repeat_n(e, n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(msg: &str) -> Entry {
        Entry {
            file: "a.txt".into(),
            code: "S002".into(),
            message: msg.into(),
            context: "0".into(),
        }
    }

    #[test]
    fn multiset_matching_and_stale() {
        let b = Baseline::new(vec![
            e("x"),
            e("x"),
            e("y"),
            Entry {
                file: "b.txt".into(),
                ..e("z")
            },
        ]);
        let mut k = b.for_file("a.txt");
        assert!(k.take(&e("x")));
        assert!(k.take(&e("x")));
        assert!(!k.take(&e("x")));
        assert!(!k.take(&e("z")));
        assert_eq!(k.stale(), vec![e("y")]);
    }
}
