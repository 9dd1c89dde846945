//! Resolved settings for one run: which rules are on, at what severity, and the
//! options rules read. Built by the CLI from flags (and the config file); the
//! library only reads it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::diagnostic::Severity;
use crate::model::WatchCategory;

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Not run / not reported.
    Off,
    /// Reported at this severity.
    On(Severity),
}

/// Options for the balance analysis and B rules.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceSettings {
    /// B002: the share of attributed words above which one side dominates.
    pub max_share: f64,
    /// B002: the fewest attributed sentences a section needs to be judged.
    pub min_sentences: usize,
    /// B003: the fewest exchanges before the last word is judged.
    pub min_exchanges: usize,
    /// B003: the share of exchanges one side may close before it is flagged.
    pub max_last_word_share: f64,
    /// Extra heading words that make a section a controversy section.
    pub controversy_headings: Vec<String>,
}

impl Default for BalanceSettings {
    fn default() -> Self {
        Self {
            max_share: 2.0 / 3.0,
            min_sentences: 3,
            min_exchanges: 3,
            max_last_word_share: 0.8,
            controversy_headings: Vec::new(),
        }
    }
}

/// Words to watch (B005) as configured: words added to and removed from each
/// category, and each category's severity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WatchSettings {
    /// Phrases added, by category (lower case, whole words).
    pub add: BTreeMap<WatchCategory, Vec<String>>,
    /// Phrases no longer flagged, whatever their category (lower case).
    pub remove: BTreeSet<String>,
    /// Severity by category, over the built-in defaults.
    pub severity: BTreeMap<WatchCategory, Severity>,
    /// Categories not reported at all.
    pub off: BTreeSet<WatchCategory>,
}

impl WatchSettings {
    /// The severity findings of `category` are reported at.
    #[must_use]
    pub fn severity_of(&self, category: WatchCategory) -> Severity {
        self.severity
            .get(&category)
            .copied()
            .unwrap_or(match category {
                WatchCategory::Said | WatchCategory::Euphemism | WatchCategory::Cliche => {
                    Severity::Info
                }
                _ => Severity::Warning,
            })
    }
}

/// Everything a lint run is configured with.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Per-rule overrides by code.
    pub levels: BTreeMap<String, Level>,
    /// When set, only these codes run.
    pub select: Option<BTreeSet<String>>,
    /// Codes that never run.
    pub ignore: BTreeSet<String>,
    /// The title index is complete: an unresolved reference is an error.
    pub complete_index: bool,
    /// Balance thresholds.
    pub balance: BalanceSettings,
    /// Words to watch.
    pub watch: WatchSettings,
    /// Title lists for the reference index (from `encyclint.toml`, resolved paths).
    pub titles: Vec<PathBuf>,
    /// Alias files for the reference index (from `encyclint.toml`, resolved paths).
    pub aliases: Vec<PathBuf>,
    /// How many findings a file reports at most.
    pub max_findings: FindingsLimit,
}

/// How many findings a file reports at most (`--max-findings-per-file`); the
/// rest are counted in one S101 finding. A real article has tens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingsLimit(usize);

impl FindingsLimit {
    /// The default: ten thousand.
    pub const DEFAULT: usize = 10_000;

    /// At most `n` findings a file; `0` is no limit.
    #[must_use]
    pub fn new(n: usize) -> Self {
        Self(n)
    }

    /// The limit, `None` when there is none.
    #[must_use]
    pub fn get(self) -> Option<usize> {
        (self.0 > 0).then_some(self.0)
    }
}

impl Default for FindingsLimit {
    fn default() -> Self {
        Self(Self::DEFAULT)
    }
}

impl Settings {
    /// Whether `code` is reported at all.
    #[must_use]
    pub fn enabled(&self, code: &str) -> bool {
        if self.ignore.contains(code) {
            return false;
        }
        if let Some(sel) = &self.select
            && !sel.contains(code)
        {
            return false;
        }
        !matches!(self.levels.get(code), Some(Level::Off))
    }

    /// The severity `code` is reported at, given its default.
    #[must_use]
    pub fn severity(&self, code: &str, default: Severity) -> Severity {
        match self.levels.get(code) {
            Some(Level::On(s)) => *s,
            _ => default,
        }
    }
}
