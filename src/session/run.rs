//! A run in one call, for front ends other than the CLI (the Python
//! binding): [`check_json`] is `encyclint check --format json PATHS` giving
//! the report's bytes; [`Session::check_batch`] and [`Session::totals_tail`]
//! are a run in pieces (a cluster's batches), added up by [`Totals`].
//!
//! Everything goes through what the CLI's `check` uses: [`Session::new`],
//! [`Session::discover`], the run's index (with each dump's titles),
//! [`Session::check_work`] on the run's [`Work`] (a dump's pages read ahead
//! by [`dumps::prefetch`]) in batches on [`ordered::for_each_ordered`], the corpus-level findings, and the JSON
//! report's [`Stream`](crate::report::stream::Stream), so the same paths give
//! the same bytes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Input, Inputs, Options, RefStats, Session, SetupError, Work, dumps, ordered};
use crate::index::TitleIndex;
use crate::report::{self, FileResult, OutputFormat, Summary, json};

/// What the files of a run (or of one piece of it) add up to: the figures
/// its summary and notes are made of. Pieces add up with [`Totals::add`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Files checked (or attempted).
    pub files: usize,
    /// Findings of severity error (input errors included).
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// References found.
    pub found: usize,
    /// That resolve.
    pub resolved: usize,
    /// That do not.
    pub unresolved: usize,
    /// That resolve only by case or through a redirect.
    pub non_canonical: usize,
    /// Findings the baseline knew.
    pub known: usize,
    /// Baseline entries that matched nothing.
    pub stale: usize,
}

impl Totals {
    /// Add another piece of the run.
    pub fn add(&mut self, o: &Totals) {
        self.files += o.files;
        self.errors += o.errors;
        self.warnings += o.warnings;
        self.infos += o.infos;
        self.found += o.found;
        self.resolved += o.resolved;
        self.unresolved += o.unresolved;
        self.non_canonical += o.non_canonical;
        self.known += o.known;
        self.stale += o.stale;
    }

    fn add_file(&mut self, r: &FileResult, refs: &RefStats, known: usize, stale: usize) {
        let mut s = Summary::default();
        s.add(r);
        self.files += s.files;
        self.errors += s.errors;
        self.warnings += s.warnings;
        self.infos += s.infos;
        self.found += refs.found;
        self.resolved += refs.resolved;
        self.unresolved += refs.unresolved;
        self.non_canonical += refs.non_canonical;
        self.known += known;
        self.stale += stale;
    }
}

/// Notes on what the baseline at `path` matched.
#[must_use]
pub fn baseline_notes(path: &Path, known: usize, stale: usize) -> Vec<String> {
    let mut notes = vec![format!(
        "{known} known finding(s) matched the baseline {}",
        path.display()
    )];
    if stale > 0 {
        notes.push(format!(
            "{stale} baseline entr{} no longer found: run with --write-baseline {} to shrink it",
            if stale == 1 { "y is" } else { "ies are" },
            path.display()
        ));
    }
    notes
}

/// One file of a batch.
struct Checked {
    result: FileResult,
    refs: RefStats,
    known: usize,
    stale: usize,
}

impl Session {
    /// Check `inputs` on `threads` threads with this session's index, in
    /// input order, without the corpus-level findings: each file's result
    /// (a dump's article pages each have one, as in the CLI), and what they
    /// add up to.
    #[must_use]
    pub fn check_batch(&self, inputs: &[Input], threads: usize) -> (Vec<FileResult>, Totals) {
        let inputs: Inputs = inputs.iter().cloned().collect();
        let (checked, totals) = self.check_each(inputs, threads, false);
        (checked.into_iter().map(|c| c.result).collect(), totals)
    }

    /// Check the work of `inputs` (each dump replaced by its article pages,
    /// read ahead on a thread of their own as the CLI does) in batches, in
    /// order.
    fn check_each(&self, inputs: Inputs, threads: usize, corpus: bool) -> (Vec<Checked>, Totals) {
        let mut out = Vec::with_capacity(inputs.len());
        let mut totals = Totals::default();
        let any_dump = inputs.iter().any(|i| dumps::is_dump(&i));
        let all = dumps::work(inputs, self.max_file_size, self.take_spooled());
        let batch_len = threads.max(1) * ordered::WINDOW_PER_THREAD * 4;
        let mut work: Box<dyn Iterator<Item = Work>> = if any_dump {
            Box::new(dumps::prefetch(all, batch_len))
        } else {
            Box::new(all)
        };
        let mut batch: Vec<Work> = Vec::with_capacity(batch_len);
        loop {
            batch.clear();
            batch.extend(work.by_ref().take(batch_len));
            if batch.is_empty() {
                break;
            }
            ordered::for_each_ordered(
                &batch,
                threads,
                |_, w| {
                    let mut o = self.check_work(w);
                    if !corpus {
                        o.refs.corpus = None;
                    }
                    Checked {
                        refs: std::mem::take(&mut o.refs),
                        known: o.known,
                        stale: o.stale.len(),
                        result: o.into_result(String::new()),
                    }
                },
                |_, c: Checked| {
                    totals.add_file(&c.result, &c.refs, c.known, c.stale);
                    out.push(c);
                    Ok::<(), ()>(())
                },
            )
            .ok();
        }
        (out, totals)
    }

    /// The summary of a run that adds up to `t`, with its notes on
    /// references, the index and the baseline (`baseline`: the path the run
    /// was given).
    #[must_use]
    pub fn summary_of(&self, t: &Totals, baseline: Option<&Path>) -> Summary {
        let counts = Summary {
            files: t.files,
            errors: t.errors,
            warnings: t.warnings,
            infos: t.infos,
            ..Summary::default()
        };
        let refs = RefStats {
            found: t.found,
            resolved: t.resolved,
            unresolved: t.unresolved,
            non_canonical: t.non_canonical,
            corpus: None,
        };
        let mut summary = self.summary(counts, &refs);
        if let Some(path) = baseline.filter(|_| self.baseline.is_some()) {
            summary.notes.extend(baseline_notes(path, t.known, t.stale));
        }
        summary
    }

    /// The members of the JSON report after `diagnostics` and `files`
    /// (`notes`, `summary`, `tool`, `version`) for a run that adds up to `t`.
    #[must_use]
    pub fn totals_tail(&self, t: &Totals, baseline: Option<&Path>) -> Value {
        json::tail(&self.summary_of(t, baseline))
    }
}

/// `encyclint check --format json PATHS` without the process: load the
/// session, find the inputs, build the run's index (`loaded`, an index loaded
/// before the run, stands for the title and alias lists when given), check
/// every file on `threads` threads, add the corpus-level findings (R006,
/// when selected), and give the JSON report, byte for byte what the CLI
/// writes. Nothing is fixed or written, whatever `opts.fix` says.
///
/// # Errors
/// What stops a run before any file is checked (config, selectors, schema,
/// baseline, title lists), with the CLI's message.
pub fn check_json(
    opts: &Options,
    paths: &[PathBuf],
    threads: usize,
    loaded: Option<&TitleIndex>,
) -> Result<Vec<u8>, SetupError> {
    let opts = Options {
        fix: super::FixMode::Off,
        charts: false,
        ..opts.clone()
    };
    let mut session = Session::new(&opts)?;
    let inputs = session.discover(paths, None);
    session.spool_dumps(&inputs);
    session.index = session.run_index(&inputs, loaded)?;
    let corpus = session.wants_corpus_rules(&inputs);
    let (mut checked, totals) = session.check_each(inputs.clone(), threads, corpus);
    // R006 is never wanted beside a dump: the results are then the inputs,
    // one for one.
    if corpus && checked.iter().filter(|c| c.refs.corpus.is_some()).count() > 1 {
        let stats: Vec<RefStats> = checked.iter().map(|c| c.refs.clone()).collect();
        // By input index, ascending: one pass over the inputs.
        let mut all = inputs.iter().enumerate();
        for (i, extra) in session.corpus_findings(&stats) {
            let Some((_, input)) = all.find(|(k, _)| *k == i) else {
                break;
            };
            let r = &mut checked[i].result;
            let _ = session.add_corpus_findings(&input, &mut r.diagnostics, extra);
        }
    }
    // The counts are taken again: corpus-level findings add to them.
    let mut totals = Totals {
        files: 0,
        errors: 0,
        warnings: 0,
        infos: 0,
        ..totals
    };
    let mut counts = Summary::default();
    for c in &checked {
        counts.add(&c.result);
    }
    totals.files = counts.files;
    totals.errors = counts.errors;
    totals.warnings = counts.warnings;
    totals.infos = counts.infos;
    let summary = session.summary_of(&totals, opts.baseline.as_deref());
    let mut out = Vec::new();
    report::stream::write(
        OutputFormat::Json,
        &mut out,
        &session.mapper,
        checked.into_iter().map(|c| c.result),
        &summary,
    )
    .map_err(|e| SetupError::plain(e.to_string()))?;
    Ok(out)
}
