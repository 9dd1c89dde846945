//! `encyclint check`: flags → a [`Session`] → every input checked in parallel
//! → the report and the exit code.
//!
//! The work itself (config, settings, index, per-file lint, fixes, ignores,
//! baseline) is the library's [`crate::session`]; this module only maps flags
//! to options, renders in the worker threads, and hands the results to
//! [`output`].

mod output;

use std::io::{self, IsTerminal, Write};

use crate::cli::{CheckArgs, ColorChoice};
use crate::report::{FileResult, OutputFormat, html, human};
use crate::session::{FileOutcome, FixMode, Inputs, Options, Session, Work, discover};

/// How human output is drawn.
#[derive(Debug, Clone, Copy)]
struct Render {
    format: OutputFormat,
    color: bool,
    width: usize,
}

impl Render {
    /// This file's part of the report, when the format draws files one by
    /// one (human, HTML).
    fn rendered(self, o: &FileOutcome) -> String {
        match self.format {
            OutputFormat::Human if o.failed => o
                .diagnostics
                .iter()
                .map(|l| {
                    format!(
                        "error[{}]: {}: {}\n",
                        l.diag.code,
                        human::sanitize_line(&o.path),
                        human::sanitize_line(&l.diag.message)
                    )
                })
                .collect(),
            OutputFormat::Human => o.source.as_ref().map_or_else(String::new, |src| {
                o.diagnostics
                    .iter()
                    .map(|l| human::render(src, &l.diag, self.color, self.width))
                    .collect()
            }),
            OutputFormat::Html => html::render_file(
                &o.path,
                o.source.as_ref(),
                &o.diagnostics,
                o.charts.as_deref(),
                o.failed,
            ),
            _ => String::new(),
        }
    }

    /// Render the findings of a file read again for corpus-level rules.
    fn again(self, src: &crate::source::SourceFile, r: &FileResult) -> String {
        match self.format {
            OutputFormat::Human => r
                .diagnostics
                .iter()
                .map(|l| human::render(src, &l.diag, self.color, self.width))
                .collect(),
            OutputFormat::Html => html::render_file(
                &r.path,
                Some(src),
                &r.diagnostics,
                r.charts.as_deref(),
                r.failed,
            ),
            _ => String::new(),
        }
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// The session options the flags ask for.
fn options(args: &CheckArgs) -> Options {
    Options {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        complete_index: args.complete_index,
        schema: args.schema.clone(),
        config: args.config.clone(),
        cwd: std::env::current_dir().ok(),
        titles: args.titles.clone(),
        aliases: args.aliases.clone(),
        // A baseline being rewritten is not applied: every finding goes into the new one.
        baseline: args
            .baseline
            .clone()
            .filter(|_| args.write_baseline.is_none()),
        fix: if args.diff {
            FixMode::Diff
        } else if args.fix {
            FixMode::Write
        } else {
            FixMode::Off
        },
        max_file_size: args.max_file_size,
        max_findings: args.max_findings_per_file,
        // Only the HTML report draws the articles; other formats keep nothing more.
        charts: args.format == OutputFormat::Html,
    }
}

/// Say so (on stderr) when a temporary file of an interrupted `--fix` lies
/// beside the articles; `--fix` removes those old enough not to be another
/// run's write in progress.
fn strays(inputs: &Inputs, fix: bool, err: &mut dyn Write) -> io::Result<()> {
    for p in discover::stray_temporaries(inputs) {
        let shown = human::sanitize_line(&discover::display(&p));
        let old = std::fs::metadata(&p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > discover::STRAY_AGE);
        if fix && old && std::fs::remove_file(&p).is_ok() {
            writeln!(
                err,
                "note: removed {shown}, a temporary file left by an interrupted --fix"
            )?;
        } else {
            writeln!(
                err,
                "warning: {shown} is a temporary file left by an interrupted --fix (the article beside it is intact); delete it, or run --fix again"
            )?;
        }
    }
    Ok(())
}

/// `encyclint check`.
///
/// # Errors
/// Write errors.
pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let mut session = match Session::new(&options(args)) {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "{}", human::sanitize_line(&e.to_string()))?;
            return Ok(2);
        }
    };
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    if let Some(n) = args.threads {
        // Only fails if a pool was already built (as in tests): keep that one.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let inputs = session.discover(&args.paths, args.stdin_filename.as_deref());
    // A compressed dump this run checks is decompressed once: its pages are
    // kept aside while its titles are read.
    match args.shard {
        None => session.spool_dumps(&inputs),
        Some(shard) => session.spool_dumps(&shard.select(&inputs, &session.mapper)),
    }
    if let Err(e) = session.load_index(&inputs) {
        writeln!(err, "{}", human::sanitize_line(&e.to_string()))?;
        return Ok(2);
    }
    super::index::warn_stale(session.index.as_ref(), err)?;
    let inputs = match args.shard {
        None => inputs,
        Some(shard) => {
            // After the index: every shard judges references against the
            // titles of every article, as a single run does.
            let why = if args.write_baseline.is_some() {
                Some("--write-baseline records the findings of every file")
            } else if session.wants_corpus_rules(&inputs) {
                Some("R006 (orphan-article) needs every article in one run")
            } else {
                None
            };
            if let Some(why) = why {
                writeln!(
                    err,
                    "error: --shard {shard} cannot be used here: {why}; run it without --shard"
                )?;
                return Ok(2);
            }
            shard.select(&inputs, &session.mapper)
        }
    };
    strays(&inputs, session.fix == FixMode::Write, err)?;
    let render = Render {
        format: args.format,
        color: use_color(args.color),
        width: 100,
    };
    let corpus = session.wants_corpus_rules(&inputs);
    let bar = output::progress_bar(inputs.len());
    let check = |_: usize, w: &Work| {
        let mut o = session.check_work(w);
        bar.inc(1);
        if !corpus {
            // Only R006 reads an article's title and targets after the fact.
            o.refs.corpus = None;
        }
        let rendered = render.rendered(&o);
        output::Checked {
            refs: std::mem::take(&mut o.refs),
            fixed: o.fixed,
            diff: std::mem::take(&mut o.diff),
            known: o.known,
            stale: std::mem::take(&mut o.stale),
            result: o.into_result(rendered),
        }
    };
    let run = output::Run::new(args, &session);
    if session.fix == FixMode::Diff || (!corpus && args.write_baseline.is_none()) {
        // Results come back in input order whatever the thread count, and are
        // written as they come. The work takes the input list over, so it is
        // held once, not copied. Dumps are read page by page as the run goes,
        // on a thread of their own.
        let work = output::work(inputs, &session, threads);
        return run.stream(work, threads, check, &bar, out, err);
    }
    // R006 and --write-baseline need every file before the report.
    let work = output::work(inputs.clone(), &session, threads);
    let mut checked = Vec::with_capacity(inputs.len());
    output::for_each_batched(work, threads, check, |c| {
        checked.push(c);
        Ok(())
    })?;
    bar.finish_and_clear();
    run.finish_collected(&inputs, |src, r| render.again(src, r), checked, out, err)
}
