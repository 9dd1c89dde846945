//! What `check` writes once every file was checked: corpus-level findings,
//! the baseline, the report in the chosen format, errors on stderr, and the
//! exit code.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use crate::baseline::{Baseline, Entry};
use crate::cli::CheckArgs;
use crate::diagnostic::Severity;
use crate::report::fingerprint::PathMapper;
use crate::report::{self, FileResult, OutputFormat, human};
use crate::session::{FixMode, Input, RefStats, Session};
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

/// One file, as the report and the run's totals need it.
pub(super) struct Checked {
    pub result: FileResult,
    pub refs: RefStats,
    pub fixed: usize,
    pub diff: String,
    pub known: usize,
    pub stale: Vec<Entry>,
}

/// Everything after the parallel stage; returns the exit code.
pub(super) fn finish(
    args: &CheckArgs,
    session: &Session,
    inputs: &[Input],
    render: impl Fn(&SourceFile, &FileResult) -> String,
    checked: Vec<Checked>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if session.fix == FixMode::Diff {
        return write_diffs(&checked, out, err);
    }
    let mut results: Vec<FileResult> = Vec::with_capacity(checked.len());
    let mut stats: Vec<RefStats> = Vec::with_capacity(checked.len());
    let mut fixed = 0;
    let mut known = 0;
    let mut stale: Vec<Entry> = Vec::new();
    for c in checked {
        results.push(c.result);
        stats.push(c.refs);
        fixed += c.fixed;
        known += c.known;
        stale.extend(c.stale);
    }

    // Corpus-level findings, once every article was checked.
    if session.wants_corpus_rules(&stats) {
        for (i, extra) in session.corpus_findings(&stats) {
            let r = &mut results[i];
            if let Some(src) = session.add_corpus_findings(&inputs[i], &mut r.diagnostics, extra) {
                r.rendered = render(&src, r);
            }
        }
    }

    let mut notes = Vec::new();
    if let Some(path) = &args.write_baseline {
        match write_baseline(path, &mut results, &session.mapper) {
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
    if let Some(path) = args
        .baseline
        .as_ref()
        .filter(|_| session.baseline.is_some())
    {
        notes.extend(baseline_notes(path, known, &stale, err)?);
    }
    let mut summary = session.summary(&results, &stats);
    if session.fix == FixMode::Write {
        summary.fixed = Some(fixed);
    }
    summary.notes.extend(notes);
    match args.format {
        OutputFormat::Human => report::write_human(out, &results, &summary)?,
        OutputFormat::Json => report::write_json(out, &results, &summary)?,
        OutputFormat::Short => report::write_short(out, &results)?,
        OutputFormat::Sarif => match report::sarif::write_sarif(out, &results, &session.mapper) {
            Ok(()) => {}
            Err(report::sarif::SarifError::Io(e)) => return Err(e),
            Err(e) => {
                writeln!(err, "error: {e}")?;
                return Ok(2);
            }
        },
        OutputFormat::Github => report::github::write_github(out, &results, &session.mapper)?,
        OutputFormat::Junit => report::junit::write_junit(out, &results)?,
        OutputFormat::Gitlab => report::gitlab::write_gitlab(out, &results, &session.mapper)?,
        OutputFormat::Html => report::html::write_html(out, &results, &summary)?,
    }
    out.flush()?;
    if args.format != OutputFormat::Human {
        // Input errors also go to stderr, one line each, for people and logs.
        write_failures(&results, err)?;
    }
    let any_failed = results.iter().any(|r| r.failed);
    let over_warnings = args.max_warnings.is_some_and(|m| summary.warnings > m);
    let errors = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|l| l.diag.severity == Severity::Error && !l.diag.code.starts_with('E'));
    Ok(if any_failed {
        2
    } else if errors || over_warnings {
        1
    } else {
        0
    })
}

/// One line on stderr per file that could not be read or checked.
fn write_failures(results: &[FileResult], err: &mut dyn Write) -> io::Result<()> {
    for r in results.iter().filter(|r| r.failed) {
        for l in &r.diagnostics {
            writeln!(
                err,
                "error[{}]: {}: {}",
                l.diag.code,
                human::sanitize_line(&r.path),
                human::sanitize_line(&l.diag.message)
            )?;
        }
    }
    Ok(())
}

fn write_diffs(checked: &[Checked], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    for c in checked {
        out.write_all(c.diff.as_bytes())?;
    }
    out.flush()?;
    let results: Vec<FileResult> = checked.iter().map(|c| c.result.clone()).collect();
    write_failures(&results, err)?;
    let changed = checked.iter().filter(|c| !c.diff.is_empty()).count();
    if changed > 0 {
        writeln!(err, "would fix {changed} file(s); run with --fix to apply")?;
    }
    Ok(if results.iter().any(|r| r.failed) {
        2
    } else {
        u8::from(changed > 0)
    })
}

/// `--write-baseline`: record every finding of the files that were checked,
/// then drop them from the report (they are known now).
fn write_baseline(
    path: &Path,
    results: &mut [FileResult],
    mapper: &PathMapper,
) -> io::Result<usize> {
    let entries: Vec<Entry> = results
        .iter()
        .filter(|r| !r.failed)
        .flat_map(|r| {
            let key = mapper.best(&r.path);
            r.diagnostics.iter().map(move |l| Entry::of(&key, l))
        })
        .collect();
    let n = entries.len();
    Baseline::new(entries).save(path)?;
    for r in results.iter_mut().filter(|r| !r.failed) {
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
    let mut notes = vec![format!(
        "{known} known finding(s) matched the baseline {}",
        path.display()
    )];
    if !stale.is_empty() {
        notes.push(format!(
            "{} baseline entr{} no longer found: run with --write-baseline {} to shrink it",
            stale.len(),
            if stale.len() == 1 { "y is" } else { "ies are" },
            path.display()
        ));
    }
    Ok(notes)
}
