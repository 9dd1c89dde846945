//! What checking one file gives back.

use crate::baseline::Entry;
use crate::diagnostic::Diagnostic;
use crate::model::Article;
use crate::report::html::ArticleCharts;
use crate::report::{self, FileResult, Located};
use crate::rules::references::orphan_article::CorpusArticle;
use crate::source::SourceFile;

/// What one file contributed to a run.
#[derive(Debug, Default)]
pub struct FileOutcome {
    /// The path shown.
    pub path: String,
    /// The text the diagnostics point into (after fixes when they were
    /// applied); `None` when the file could not be read or checked.
    pub source: Option<SourceFile>,
    /// The page's title, for a page of a dump.
    pub page: Option<String>,
    /// Findings left after per-file ignores and the baseline, positioned.
    pub diagnostics: Vec<Located>,
    /// The file could not be read or checked (exit 2).
    pub failed: bool,
    /// Reference counts and the corpus facts for R006.
    pub refs: RefStats,
    /// Fixes written.
    pub fixed: usize,
    /// The `--diff` of the file.
    pub diff: String,
    /// Findings the baseline knew.
    pub known: usize,
    /// Baseline entries of this file that matched nothing.
    pub stale: Vec<Entry>,
    /// The article's figures for the HTML report, when the session was asked
    /// for them ([`super::Options::charts`]).
    pub charts: Option<Box<ArticleCharts>>,
}

impl FileOutcome {
    /// A file that could not be read or checked, with its one diagnostic.
    #[must_use]
    pub fn failed(path: impl Into<String>, d: Diagnostic) -> Self {
        Self {
            path: path.into(),
            diagnostics: vec![report::file_level(d)],
            failed: true,
            ..Self::default()
        }
    }

    /// The part the reporters read, with this file's pre-rendered output.
    #[must_use]
    pub fn into_result(self, rendered: String) -> FileResult {
        FileResult {
            path: self.path,
            page: self.page,
            diagnostics: self.diagnostics,
            rendered,
            failed: self.failed,
            charts: self.charts,
        }
    }
}

/// What one file tells the run about its references: counts, and for R006
/// its title and targets.
#[derive(Debug, Clone, Default)]
pub struct RefStats {
    /// References found.
    pub found: usize,
    /// That resolve.
    pub resolved: usize,
    /// That do not.
    pub unresolved: usize,
    /// That resolve only by case or through a redirect.
    pub non_canonical: usize,
    /// The article's title and targets (not for stdin, which cannot be re-read).
    pub corpus: Option<CorpusArticle>,
}

impl RefStats {
    /// Add another file's counts (not its corpus facts).
    pub fn add(&mut self, other: &RefStats) {
        self.found += other.found;
        self.resolved += other.resolved;
        self.unresolved += other.unresolved;
        self.non_canonical += other.non_canonical;
    }

    pub(super) fn of(article: &Article) -> Self {
        let mut stats = Self {
            corpus: Some(CorpusArticle::of(article)),
            ..Self::default()
        };
        for r in article.iter_references() {
            stats.found += 1;
            stats.resolved += usize::from(r.resolved == Some(true));
            stats.unresolved += usize::from(r.resolved == Some(false));
            stats.non_canonical += usize::from(crate::analysis::references::is_non_canonical(r));
        }
        stats
    }
}
