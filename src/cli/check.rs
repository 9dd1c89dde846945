//! `check` and `parse`: discover → read → lint (in parallel) → report → exit code.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline::{Baseline, Entry};
use crate::cli::{CheckArgs, ColorChoice, guard};
use crate::config::{self, Config, FileRules};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix;
use crate::index::{self, TitleIndex};
use crate::linter::{self, Context, Linted};
use crate::report::fingerprint::PathMapper;
use crate::report::{self, FileResult, OutputFormat, Summary, human};
use crate::rules::meta::{InvalidSchema, IoError};
use crate::rules::references::orphan_article::{self, CorpusArticle};
use crate::schema::{Policy, SchemaError};
use crate::settings::Settings;
use crate::source::{self, SourceFile};

/// Extensions of articles found in directories.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Per-directory ignore files (gitignore syntax) that only encyclint reads.
pub const IGNORE_FILE: &str = ".encyclintignore";

/// One input of the run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Input {
    Stdin(String),
    File(PathBuf, String),
    /// A path that could not be walked, with the reason.
    Broken(String, String),
}

fn display(p: &Path) -> String {
    let s = p.to_string_lossy().into_owned();
    match s.strip_prefix("./") {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

fn has_article_ext(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Expand paths into inputs, sorted within each directory argument.
/// Paths are `PathBuf`s, not strings: a file name that is not UTF-8 is checked
/// and shown lossily.
/// Files found in directories pass the config's include/exclude globs; files
/// named on the command line are always checked.
fn discover(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    filter: Option<(&FileRules, &PathMapper)>,
) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin(stdin_name.unwrap_or("-").to_string()));
            continue;
        }
        let p = display(path);
        match std::fs::metadata(path) {
            Err(e) => out.push(Input::Broken(p.clone(), source::io_reason(&e))),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let mut excluded = 0;
                let walker = ignore::WalkBuilder::new(path)
                    .follow_links(false)
                    .require_git(false)
                    .add_custom_ignore_filename(IGNORE_FILE)
                    .build();
                for entry in walker {
                    match entry {
                        Ok(e) => {
                            let is_file =
                                e.file_type().is_some_and(|t| t.is_file() || t.is_symlink());
                            if is_file && has_article_ext(e.path()) {
                                let shown = display(e.path());
                                if filter
                                    .is_some_and(|(f, m)| !f.walk_includes(&m.absolute(&shown)))
                                {
                                    excluded += 1;
                                } else {
                                    found.push(Input::File(e.path().to_path_buf(), shown));
                                }
                            }
                        }
                        Err(e) => {
                            let reason = e.to_string();
                            found.push(Input::Broken(p.clone(), reason.to_lowercase()));
                        }
                    }
                }
                if excluded == 0
                    && !found.iter().any(|i| matches!(i, Input::File(..)))
                    && !found.iter().any(|i| matches!(i, Input::Broken(..)))
                {
                    out.push(Input::Broken(
                        p.clone(),
                        "no articles (.txt, .md, .markdown) in this directory".into(),
                    ));
                }
                found.sort();
                out.extend(found);
            }
            Ok(_) => out.push(Input::File(path.clone(), p)),
        }
    }
    out
}

fn io_diag(reason: &str) -> Diagnostic {
    IoError::META.diag(crate::span::Span::new(0, 0), reason.to_string())
}

fn failed(path: String, d: Diagnostic, format: OutputFormat) -> FileResult {
    let human = if format == OutputFormat::Human {
        format!(
            "error[{}]: {}: {}\n",
            d.code,
            human::sanitize_line(&path),
            human::sanitize_line(&d.message)
        )
    } else {
        String::new()
    };
    FileResult {
        path,
        diagnostics: vec![report::file_level(d)],
        human,
        failed: true,
    }
}

/// What `--fix`/`--diff` do with the fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FixMode {
    Off,
    Write,
    Diff,
}

/// What one file contributed besides its findings.
#[derive(Debug, Default)]
struct Extra {
    /// Fixes written.
    fixed: usize,
    /// The `--diff` of the file.
    diff: String,
    /// Findings the baseline knew.
    known: usize,
    /// Baseline entries of this file that matched nothing.
    stale: Vec<Entry>,
}

struct Run<'a> {
    cx: Context<'a>,
    format: OutputFormat,
    color: bool,
    width: usize,
    max_size: u64,
    fix: FixMode,
    files: Option<&'a FileRules>,
    mapper: &'a PathMapper,
    baseline: Option<&'a Baseline>,
}

/// What one file tells the corpus-level pass: reference counts and, for
/// R006, its title and targets.
#[derive(Default)]
struct RefStats {
    found: usize,
    resolved: usize,
    unresolved: usize,
    non_canonical: usize,
    corpus: Option<CorpusArticle>,
}

impl Run<'_> {
    #[cfg(test)]
    fn check_source(&self, src: &SourceFile) -> FileResult {
        self.check_source_with(src, None, linter::lint).0
    }

    /// Lint (fixing first when asked and allowed: `writable` is the file to
    /// write, `None` for stdin), filter, render and position one file. A panic
    /// anywhere in that (parser, schema, rules, miette) becomes an error for
    /// this file only; a file that fails is never written.
    fn check_source_with(
        &self,
        src: &SourceFile,
        writable: Option<&Path>,
        lint: impl FnOnce(&SourceFile, &Context<'_>) -> Result<Linted, SchemaError>,
    ) -> (FileResult, RefStats, Extra) {
        let fixing = match self.fix {
            FixMode::Off => false,
            FixMode::Write => writable.is_some(),
            FixMode::Diff => true,
        };
        let checked = guard::catch(|| {
            let (l, fixes, fixed_src) = if fixing {
                let f = fix::fix_source(src, &self.cx)?;
                (f.linted, f.fixes, Some(f.source))
            } else {
                (lint(src, &self.cx)?, 0, None)
            };
            let refs = l.article.references();
            let stats = RefStats {
                found: refs.len(),
                resolved: refs.iter().filter(|r| r.resolved == Some(true)).count(),
                unresolved: refs.iter().filter(|r| r.resolved == Some(false)).count(),
                non_canonical: refs
                    .iter()
                    .filter(|r| crate::analysis::references::is_non_canonical(r))
                    .count(),
                corpus: Some(CorpusArticle::of(&l.article)),
            };
            let mut extra = Extra::default();
            let src = match fixed_src {
                Some(new) if fixes > 0 && new.text != src.text => {
                    match (self.fix, writable) {
                        (FixMode::Write, Some(path)) => {
                            if let Err(e) = fix::write_atomic(path, &new.text) {
                                let d = io_diag(&format!(
                                    "cannot write the fixes: {}",
                                    source::io_reason(&e)
                                ));
                                return Ok((
                                    failed(src.path.clone(), d, self.format),
                                    stats,
                                    extra,
                                ));
                            }
                            extra.fixed = fixes;
                        }
                        _ => extra.diff = fix::unified_diff(&src.path, &src.text, &new.text),
                    }
                    new
                }
                _ => src.clone(),
            };
            let mut diags = l.diagnostics;
            if let Some(files) = self.files {
                let ignored = files.ignored_codes(&self.mapper.absolute(&src.path));
                diags.retain(|d| !ignored.contains(&d.code));
            }
            let mut result = self.located(&src, diags);
            if let Some(b) = self.baseline {
                let key = self.mapper.best(&src.path);
                let mut known = b.for_file(&key);
                let before = result.diagnostics.len();
                result
                    .diagnostics
                    .retain(|l| !known.take(&Entry::of(&key, l)));
                extra.known = before - result.diagnostics.len();
                extra.stale = known.stale();
                if self.format == OutputFormat::Human {
                    result.human = result
                        .diagnostics
                        .iter()
                        .map(|l| human::render(&src, &l.diag, self.color, self.width))
                        .collect();
                }
            }
            Ok::<_, SchemaError>((result, stats, extra))
        });
        match checked {
            Ok(Ok(result)) => result,
            Ok(Err(schema_err)) => {
                let d =
                    InvalidSchema::META.diag(crate::span::Span::new(0, 0), schema_err.to_string());
                (
                    failed(src.path.clone(), d, self.format),
                    RefStats::default(),
                    Extra::default(),
                )
            }
            Err(panic) => {
                let d = IoError::META.diag(
                    crate::span::Span::new(0, 0),
                    format!(
                        "internal error: encyclint panicked while checking this file: {panic}; \
                         the other files were checked. Please report this file."
                    ),
                );
                (
                    failed(src.path.clone(), d, self.format),
                    RefStats::default(),
                    Extra::default(),
                )
            }
        }
    }

    /// Render (for human output) and position a file's diagnostics.
    fn located(&self, src: &SourceFile, diags: Vec<Diagnostic>) -> FileResult {
        let human = if self.format == OutputFormat::Human {
            diags
                .iter()
                .map(|d| human::render(src, d, self.color, self.width))
                .collect()
        } else {
            String::new()
        };
        FileResult {
            path: src.path.clone(),
            diagnostics: report::locate(src, diags),
            human,
            failed: false,
        }
    }

    fn check_input(&self, input: &Input) -> (FileResult, RefStats, Extra) {
        let none = || (RefStats::default(), Extra::default());
        let fail = |name: &str, reason: &str| {
            let (s, e) = none();
            (failed(name.to_string(), io_diag(reason), self.format), s, e)
        };
        match input {
            Input::Broken(path, reason) => fail(path, reason),
            Input::Stdin(name) => match source::read_stdin(name, self.max_size) {
                // Stdin cannot be read again for R006, so it takes no part in it.
                Ok(src) => {
                    let (r, mut stats, extra) = self.check_source_with(&src, None, linter::lint);
                    stats.corpus = None;
                    (r, stats, extra)
                }
                Err(e) => fail(name, &e.to_string()),
            },
            Input::File(path, name) => match source::read_file(path, name, self.max_size) {
                Ok(src) => self.check_source_with(&src, Some(path), linter::lint),
                Err(e) => fail(name, &e.to_string()),
            },
        }
    }

    /// Add corpus-level findings (R006) to a file's result: re-read the file
    /// to place and render them.
    fn add_corpus_findings(&self, input: &Input, result: &mut FileResult, extra: Vec<Diagnostic>) {
        let Input::File(path, name) = input else {
            return;
        };
        let Ok(src) = source::read_file(path, name, self.max_size) else {
            return;
        };
        let mut diags: Vec<Diagnostic> = result.diagnostics.drain(..).map(|l| l.diag).collect();
        diags.extend(extra);
        let diags = linter::finish(diags, self.cx.settings, &src.text);
        *result = self.located(&src, diags);
    }
}

/// The run's title index: the checked articles' own titles (when more than
/// one is checked), then `--titles`, then `--aliases`. `None` when there is
/// no source at all: references are then not judged.
fn build_index(
    args: &CheckArgs,
    settings: &Settings,
    inputs: &[Input],
) -> Result<Option<TitleIndex>, index::IndexError> {
    let mut ix = TitleIndex::new();
    let articles = inputs
        .iter()
        .filter(|i| matches!(i, Input::File(..) | Input::Stdin(_)))
        .count();
    if articles > 1 {
        let mut titles: Vec<String> = inputs
            .par_iter()
            .filter_map(|i| match i {
                Input::File(path, name) => source::read_file(path, name, args.max_file_size).ok(),
                _ => None,
            })
            .filter_map(|src| crate::parse::quick_title(&src.text, src.format))
            .collect();
        titles.sort();
        let bytes = index::build_bytes(titles.into_iter(), std::iter::empty());
        ix.push(index::Layer::from_bytes("checked articles", bytes)?);
    }
    // The flag wins over the config's lists.
    let titles: Vec<&PathBuf> = match &args.titles {
        Some(t) => vec![t],
        None => settings.titles.iter().collect(),
    };
    let aliases: Vec<&PathBuf> = match &args.aliases {
        Some(a) => vec![a],
        None => settings.aliases.iter().collect(),
    };
    for t in titles {
        ix.push(index::load_titles(t)?);
    }
    for a in aliases {
        let (pairs, _skipped) = index::read_aliases(a)?;
        let bytes = index::build_bytes(std::iter::empty(), pairs.into_iter());
        ix.push(index::Layer::from_bytes(a.display().to_string(), bytes)?);
    }
    Ok((!ix.is_empty()).then_some(ix))
}

/// R006 (orphan-article) is opt-in: in most runs nothing is meant to link to
/// every checked article, so it runs only when selected explicitly
/// (`--select R006`, or `orphan-article`).
fn r006_selected(settings: &Settings) -> bool {
    settings.enabled("R006") && settings.select.as_ref().is_some_and(|s| s.contains("R006"))
}

/// Runs of at least this many files show a progress bar (on a terminal).
pub const PROGRESS_MIN_FILES: usize = 200;

/// A progress bar on stderr for long runs, only when stderr is a terminal; it is
/// cleared before the report is written, so it never mixes with the output.
fn progress_bar(files: usize) -> indicatif::ProgressBar {
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

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// Settings from the config file, then the flags: flags win (a rule the
/// command line selects runs even if the config turned it off).
fn settings(args: &CheckArgs, config: Option<&Config>) -> Result<Settings, String> {
    let mut s = Settings {
        complete_index: args.complete_index,
        ..Settings::default()
    };
    if let Some(c) = config {
        c.apply(&mut s);
    }
    if !args.select.is_empty() {
        let sel = crate::rules::selectors::resolve(&args.select)?;
        for code in &sel {
            s.ignore.remove(code);
            if s.levels.get(code) == Some(&crate::settings::Level::Off) {
                s.levels.remove(code);
            }
        }
        s.select = Some(sel);
    }
    if !args.ignore.is_empty() {
        s.ignore
            .extend(crate::rules::selectors::resolve(&args.ignore)?);
    }
    Ok(s)
}

/// The config named by `--config`, else the nearest `encyclint.toml`.
fn load_config(args: &CheckArgs) -> Result<Option<Config>, String> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| config::discover(&cwd)),
    };
    path.map(|p| config::load(&p).map_err(|e| e.to_string()))
        .transpose()
}

/// `encyclint check`.
///
/// # Errors
/// Write errors.
pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let config = match load_config(args) {
        Ok(c) => c,
        Err(e) => {
            writeln!(err, "error: {}", human::sanitize_line(&e))?;
            return Ok(2);
        }
    };
    let settings = match settings(args, config.as_ref()) {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(2);
        }
    };
    if let Some(n) = args.threads {
        // Only fails if a pool was already built (as in tests): keep that one.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let schema = args
        .schema
        .clone()
        .or_else(|| config.as_ref().and_then(|c| c.schema.clone()));
    let policy = match &schema {
        Some(p) => match Policy::from_file(p) {
            Ok(p) => p,
            Err(e) => {
                writeln!(err, "error[E002]: {}", human::sanitize_line(&e.to_string()))?;
                return Ok(2);
            }
        },
        None => Policy::builtin(),
    };
    let baseline = match &args.baseline {
        // A baseline being rewritten is not applied: every finding goes into the new one.
        Some(p) if args.write_baseline.is_none() => match Baseline::load(p) {
            Ok(b) => Some(b),
            Err(e) => {
                writeln!(err, "error: {}", human::sanitize_line(&e))?;
                return Ok(2);
            }
        },
        _ => None,
    };
    let mapper = PathMapper::from_env();
    let files = config.as_ref().map(|c| &c.files);
    let inputs = discover(
        &args.paths,
        args.stdin_filename.as_deref(),
        files.map(|f| (f, &mapper)),
    );
    let fix_mode = if args.diff {
        FixMode::Diff
    } else if args.fix {
        FixMode::Write
    } else {
        FixMode::Off
    };
    let index = match build_index(args, &settings, &inputs) {
        Ok(ix) => ix,
        Err(e) => {
            writeln!(err, "error: {}", human::sanitize_line(&e.to_string()))?;
            return Ok(2);
        }
    };
    let run = Run {
        cx: Context {
            settings: &settings,
            policy: &policy,
            titles: index.as_ref(),
        },
        format: args.format,
        color: use_color(args.color),
        width: 100,
        max_size: args.max_file_size,
        fix: fix_mode,
        files,
        mapper: &mapper,
        baseline: baseline.as_ref(),
    };
    // Results come back in input order whatever the thread count.
    let bar = progress_bar(inputs.len());
    let checked: Vec<(FileResult, RefStats, Extra)> = inputs
        .par_iter()
        .map(|i| {
            let r = run.check_input(i);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let mut results = Vec::with_capacity(checked.len());
    let mut stats = Vec::with_capacity(checked.len());
    let mut extras = Vec::with_capacity(checked.len());
    for (r, s, e) in checked {
        results.push(r);
        stats.push(s);
        extras.push(e);
    }
    if fix_mode == FixMode::Diff {
        return write_diffs(&results, &extras, out, err);
    }

    // Corpus-level facts, once every article was checked.
    let corpus: Vec<CorpusArticle> = stats
        .iter()
        .map(|s| s.corpus.clone().unwrap_or_default())
        .collect();
    if index.is_some()
        && r006_selected(&settings)
        && stats.iter().filter(|s| s.corpus.is_some()).count() > 1
    {
        let mut by_file: std::collections::BTreeMap<usize, Vec<Diagnostic>> =
            std::collections::BTreeMap::new();
        for (i, d) in orphan_article::check_corpus(&corpus) {
            by_file.entry(i).or_default().push(d);
        }
        for (i, extra) in by_file {
            run.add_corpus_findings(&inputs[i], &mut results[i], extra);
        }
    }

    let mut notes = Vec::new();
    if let Some(path) = &args.write_baseline {
        match write_baseline(path, &mut results, &mapper) {
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
    if let Some(path) = args.baseline.as_ref().filter(|_| baseline.is_some()) {
        notes.extend(baseline_notes(path, &extras, err)?);
    }
    let mut summary = Summary::default();
    for r in &results {
        summary.add(r);
    }
    if fix_mode == FixMode::Write {
        summary.fixed = Some(extras.iter().map(|e| e.fixed).sum());
    }
    let found: usize = stats.iter().map(|s| s.found).sum();
    match &index {
        None if found > 0 => summary.notes.push(
            "`See` references were not judged: no title index (pass --titles, or check the articles they name together)"
                .to_string(),
        ),
        None => {}
        Some(ix) => {
            let resolved: usize = stats.iter().map(|s| s.resolved).sum();
            let unresolved: usize = stats.iter().map(|s| s.unresolved).sum();
            let non_canonical: usize = stats.iter().map(|s| s.non_canonical).sum();
            let rate = if found == 0 { 100.0 } else { 100.0 * resolved as f64 / found as f64 };
            let titles: u64 = ix.layers().iter().map(|l| l.titles).sum();
            let aliases: u64 = ix.layers().iter().map(|l| l.aliases).sum();
            summary.notes.push(format!(
                "references: {found} found, {resolved} resolved ({rate:.1}%), {unresolved} unresolved, {non_canonical} non-canonical; index: {titles} titles, {aliases} redirects"
            ));
        }
    }
    summary.notes.extend(notes);
    match args.format {
        OutputFormat::Human => report::write_human(out, &results, &summary)?,
        OutputFormat::Json => report::write_json(out, &results, &summary)?,
        OutputFormat::Short => report::write_short(out, &results)?,
        OutputFormat::Sarif => match report::sarif::write_sarif(out, &results, &mapper) {
            Ok(()) => {}
            Err(report::sarif::SarifError::Io(e)) => return Err(e),
            Err(e) => {
                writeln!(err, "error: {e}")?;
                return Ok(2);
            }
        },
        OutputFormat::Github => report::github::write_github(out, &results, &mapper)?,
        OutputFormat::Junit => report::junit::write_junit(out, &results)?,
        OutputFormat::Gitlab => report::gitlab::write_gitlab(out, &results, &mapper)?,
    }
    out.flush()?;
    if args.format != OutputFormat::Human {
        // Input errors also go to stderr, one line each, for people and logs.
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
    }
    let any_failed = results.iter().any(|r| r.failed);
    let over_warnings = args.max_warnings.is_some_and(|m| summary.warnings > m);
    let errors = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|l| l.diag.severity == Severity::Error && !r_failed(l));
    Ok(if any_failed {
        2
    } else if errors || over_warnings {
        1
    } else {
        0
    })
}

fn write_diffs(
    results: &[FileResult],
    extras: &[Extra],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    for e in extras {
        out.write_all(e.diff.as_bytes())?;
    }
    out.flush()?;
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
    let changed = extras.iter().filter(|e| !e.diff.is_empty()).count();
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
        r.human.clear();
    }
    Ok(n)
}

/// Notes on what the baseline matched; each stale entry also goes to stderr.
fn baseline_notes(path: &Path, extras: &[Extra], err: &mut dyn Write) -> io::Result<Vec<String>> {
    let known: usize = extras.iter().map(|e| e.known).sum();
    let stale: Vec<&Entry> = extras.iter().flat_map(|e| &e.stale).collect();
    for e in &stale {
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

fn r_failed(l: &report::Located) -> bool {
    l.diag.code.starts_with('E')
}

/// `encyclint parse FILE`.
///
/// # Errors
/// Write errors.
pub fn parse(
    file: &str,
    stdin_name: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let src = if file == "-" {
        source::read_stdin(stdin_name.unwrap_or("-"), source::DEFAULT_MAX_FILE_SIZE)
    } else {
        source::read_file(Path::new(file), file, source::DEFAULT_MAX_FILE_SIZE)
    };
    let src = match src {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "error[E001]: {}: {e}", human::sanitize_line(file))?;
            return Ok(2);
        }
    };
    let settings = Settings::default();
    let policy = Policy::builtin();
    let cx = Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    let article = linter::analyse(&src, &cx);
    serde_json::to_writer_pretty(&mut *out, &article)?;
    writeln!(out)?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    #[test]
    fn a_panic_fails_only_its_file_with_the_message() {
        let settings = Settings::default();
        let policy = Policy::builtin();
        let mapper = PathMapper::from_env();
        let run = Run {
            cx: Context {
                settings: &settings,
                policy: &policy,
                titles: None,
            },
            format: OutputFormat::Human,
            color: false,
            width: 100,
            max_size: source::DEFAULT_MAX_FILE_SIZE,
            fix: FixMode::Off,
            files: None,
            mapper: &mapper,
            baseline: None,
        };
        let bad = SourceFile::new("bad.txt", "Title\nLead.\n", Format::Text);
        let good = SourceFile::new("good.txt", "Title\nLead.\n", Format::Text);
        let results = [
            run.check_source_with(&bad, None, |_, _| panic!("rule exploded"))
                .0,
            run.check_source(&good),
        ];
        assert!(results[0].failed);
        let msg = &results[0].diagnostics[0].diag.message;
        assert!(
            msg.contains("panicked while checking this file: rule exploded (at src/cli/check.rs:"),
            "{msg}"
        );
        assert!(
            results[0]
                .human
                .starts_with("error[E001]: bad.txt: internal error:"),
            "{}",
            results[0].human
        );
        assert_eq!(
            results[0].human.lines().count(),
            1,
            "one line, no backtrace"
        );
        assert!(!results[1].failed, "the next file is still checked");
        assert!(results.iter().any(|r| r.failed), "so the run exits 2");
    }
}
