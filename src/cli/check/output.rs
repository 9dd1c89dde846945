//! What `check` writes: each file's part of the report as it completes (or,
//! for R006 and `--write-baseline`, once every file was checked), the
//! summary, errors on stderr, and the exit code.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use crate::baseline::{Baseline, Entry};
use crate::cli::CheckArgs;
use crate::diagnostic::Severity;
use crate::report::fingerprint::PathMapper;
use crate::report::stream::{Stream, StreamError};
use crate::report::{self, FileResult, OutputFormat, Summary, human};
use crate::session::{self, FixMode, Inputs, RefStats, Session, Work, dumps, ordered};
use crate::source::{self, SourceFile};

/// Runs of at least this many files show a progress bar (on a terminal).
pub const PROGRESS_MIN_FILES: usize = 200;

/// A progress bar on stderr for long runs, only when stderr is a terminal; it is
/// cleared before the report is written, so it never mixes with the output.
pub(super) fn progress_bar(files: usize) -> indicatif::ProgressBar {
    if files < PROGRESS_MIN_FILES || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(files as u64),
        indicatif::ProgressDrawTarget::stderr_with_hz(10),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("checking {bar:30} {pos}/{len} files, eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// The run's work: the inputs, each dump read page by page ahead of the
/// checks on a thread of its own. Without a dump, the inputs as they are.
pub(super) fn work(
    inputs: Inputs,
    session: &Session,
    threads: usize,
) -> Box<dyn Iterator<Item = Work>> {
    let has_dump = inputs.iter().any(|i| dumps::is_dump(&i));
    let all = dumps::work(inputs, session.max_file_size, session.take_spooled());
    if has_dump {
        Box::new(dumps::prefetch(all, batch_len(threads)))
    } else {
        Box::new(all)
    }
}

/// How many units of work are checked together: enough to keep every thread
/// busy, few enough that a dump's pages never pile up in memory.
fn batch_len(threads: usize) -> usize {
    threads.max(1) * ordered::WINDOW_PER_THREAD * 4
}

/// Check `work` in batches on `threads` threads, handing each result to
/// `sink` in order.
///
/// # Errors
/// The first error of `sink`.
pub(super) fn for_each_batched<R: Send>(
    work: impl Iterator<Item = Work>,
    threads: usize,
    check: impl Fn(usize, &Work) -> R + Sync,
    mut sink: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let n = batch_len(threads);
    let mut work = work;
    let mut batch: Vec<Work> = Vec::with_capacity(n);
    loop {
        batch.clear();
        batch.extend(work.by_ref().take(n));
        if batch.is_empty() {
            return Ok(());
        }
        ordered::for_each_ordered(&batch, threads, &check, |_, r| sink(r))?;
    }
}

/// One file, as the report and the run's totals need it.
pub(super) struct Checked {
    pub result: FileResult,
    pub refs: RefStats,
    pub fixed: usize,
    pub diff: String,
    pub known: usize,
    pub stale: Vec<Entry>,
}

/// What a run adds up as its files go by: counts, and the few things said
/// after the report (input errors, stale baseline entries).
#[derive(Default)]
struct Totals {
    counts: Summary,
    refs: RefStats,
    fixed: usize,
    known: usize,
    stale: Vec<Entry>,
    /// `error[CODE]: path: message` of each file that could not be checked.
    failures: Vec<String>,
    /// A finding of severity error (not an input error).
    errors: bool,
    changed: usize,
}

impl Totals {
    /// Count a file; returns its result for the report.
    fn add(&mut self, c: Checked) -> FileResult {
        self.counts.add(&c.result);
        self.refs.add(&c.refs);
        self.fixed += c.fixed;
        self.known += c.known;
        self.stale.extend(c.stale);
        if !c.diff.is_empty() {
            self.changed += 1;
        }
        let r = c.result;
        if r.failed {
            for l in &r.diagnostics {
                self.failures.push(format!(
                    "error[{}]: {}: {}",
                    l.diag.code,
                    human::sanitize_line(&r.path),
                    human::sanitize_line(&l.diag.message)
                ));
            }
        }
        self.errors |= r
            .diagnostics
            .iter()
            .any(|l| l.diag.severity == Severity::Error && !l.diag.code.starts_with('E'));
        r
    }
}

/// A run's settings for writing, once the inputs are known.
pub(super) struct Run<'a> {
    args: &'a CheckArgs,
    session: &'a Session,
}

impl<'a> Run<'a> {
    pub(super) fn new(args: &'a CheckArgs, session: &'a Session) -> Self {
        Self { args, session }
    }

    /// Check every input on `threads` threads and write each file's part of
    /// the report (or its diff) as soon as the files before it are written.
    pub(super) fn stream(
        self,
        work: impl Iterator<Item = Work>,
        threads: usize,
        check: impl Fn(usize, &Work) -> Checked + Sync,
        bar: &indicatif::ProgressBar,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<u8> {
        let mut totals = Totals::default();
        if self.session.fix == FixMode::Diff {
            for_each_batched(work, threads, check, |mut c| {
                let diff = std::mem::take(&mut c.diff);
                let changed = !diff.is_empty();
                totals.add(c);
                if changed {
                    totals.changed += 1;
                }
                out.write_all(diff.as_bytes())
            })?;
            bar.finish_and_clear();
            return write_diffs(&totals, out, err);
        }
        let mut stream = report::stream::open(self.args.format, out, &self.session.mapper);
        for_each_batched(work, threads, check, |c| stream.file(totals.add(c)))?;
        bar.finish_and_clear();
        self.finish(stream, totals, Vec::new(), err)
    }

    /// Write the report of a run whose results were all kept: corpus-level
    /// findings are added, and `--write-baseline` records and drops every
    /// finding. `inputs` are the run's, in the order of `checked`.
    pub(super) fn finish_collected(
        self,
        inputs: &Inputs,
        render: impl Fn(&SourceFile, &FileResult) -> String,
        checked: Vec<Checked>,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<u8> {
        let session = self.session;
        let mut checked = checked;
        // Corpus-level findings, once every article was checked.
        if checked.iter().filter(|c| c.refs.corpus.is_some()).count() > 1 {
            let stats: Vec<RefStats> = checked.iter().map(|c| c.refs.clone()).collect();
            // By input index, ascending: one pass over the inputs.
            let mut all = inputs.iter().enumerate();
            for (i, extra) in session.corpus_findings(&stats) {
                let Some((_, input)) = all.find(|(k, _)| *k == i) else {
                    break;
                };
                let r = &mut checked[i].result;
                if let Some(src) = session.add_corpus_findings(&input, &mut r.diagnostics, extra) {
                    r.rendered = render(&src, r);
                }
            }
        }
        let mut notes = Vec::new();
        if let Some(path) = &self.args.write_baseline {
            match write_baseline(path, &mut checked, &session.mapper) {
                Ok(n) => notes.push(format!(
                    "wrote {n} known finding(s) to the baseline {}",
                    path.display()
                )),
                Err(e) => {
                    writeln!(
                        err,
                        "error: cannot write the baseline {}: {}",
                        path.display(),
                        source::io_reason(&e)
                    )?;
                    return Ok(2);
                }
            }
        }
        let mut totals = Totals::default();
        let mut stream = report::stream::open(self.args.format, out, &session.mapper);
        for c in checked {
            stream.file(totals.add(c))?;
        }
        self.finish(stream, totals, notes, err)
    }

    /// The summary, the end of the report, input errors and the exit code.
    fn finish(
        self,
        stream: Box<dyn Stream + '_>,
        totals: Totals,
        mut notes: Vec<String>,
        err: &mut dyn Write,
    ) -> io::Result<u8> {
        let (args, session) = (self.args, self.session);
        if let Some(path) = args
            .baseline
            .as_ref()
            .filter(|_| session.baseline.is_some())
        {
            notes.extend(baseline_notes(path, totals.known, &totals.stale, err)?);
        }
        let mut summary = session.summary(totals.counts, &totals.refs);
        if session.fix == FixMode::Write {
            summary.fixed = Some(totals.fixed);
        }
        summary.notes.extend(notes);
        match stream.finish(&summary) {
            Ok(()) => {}
            Err(StreamError::Io(e)) => return Err(e),
            Err(StreamError::Refused(m)) => {
                writeln!(err, "error: {m}")?;
                return Ok(2);
            }
        }
        if args.format != OutputFormat::Human {
            // Input errors also go to stderr, one line each, for people and logs.
            for f in &totals.failures {
                writeln!(err, "{f}")?;
            }
        }
        let over_warnings = args.max_warnings.is_some_and(|m| summary.warnings > m);
        Ok(if !totals.failures.is_empty() {
            2
        } else if totals.errors || over_warnings {
            1
        } else {
            0
        })
    }
}

fn write_diffs(totals: &Totals, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    out.flush()?;
    for f in &totals.failures {
        writeln!(err, "{f}")?;
    }
    let changed = totals.changed;
    if changed > 0 {
        writeln!(err, "would fix {changed} file(s); run with --fix to apply")?;
    }
    Ok(if totals.failures.is_empty() {
        u8::from(changed > 0)
    } else {
        2
    })
}

/// `--write-baseline`: record every finding of the files that were checked,
/// then drop them from the report (they are known now).
fn write_baseline(path: &Path, checked: &mut [Checked], mapper: &PathMapper) -> io::Result<usize> {
    let entries: Vec<Entry> = checked
        .iter()
        .map(|c| &c.result)
        .filter(|r| !r.failed)
        .flat_map(|r| {
            let key = mapper.best(&r.path);
            r.diagnostics.iter().map(move |l| Entry::of(&key, l))
        })
        .collect();
    let n = entries.len();
    Baseline::new(entries).save(path)?;
    for r in checked
        .iter_mut()
        .map(|c| &mut c.result)
        .filter(|r| !r.failed)
    {
        r.diagnostics.clear();
        r.rendered.clear();
    }
    Ok(n)
}

/// Notes on what the baseline matched; each stale entry also goes to stderr.
fn baseline_notes(
    path: &Path,
    known: usize,
    stale: &[Entry],
    err: &mut dyn Write,
) -> io::Result<Vec<String>> {
    for e in stale {
        writeln!(
            err,
            "warning: stale baseline entry: {}: {} {} (no longer found)",
            human::sanitize_line(&e.file),
            e.code,
            human::sanitize_line(&e.message)
        )?;
    }
    Ok(session::baseline_notes(path, known, stale.len()))
}
