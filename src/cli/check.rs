//! `check` and `parse`: discover → read → lint (in parallel) → report → exit code.

use std::io::{self, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline::{Baseline, Entry};
use crate::cli::{CheckArgs, ColorChoice};
use crate::config::{self, Config, FileRules};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix;
use crate::linter::{self, Context};
use crate::report::fingerprint::PathMapper;
use crate::report::{self, FileResult, OutputFormat, Summary, human};
use crate::rules::meta::{InvalidSchema, IoError};
use crate::schema::Policy;
use crate::settings::Settings;
use crate::source::{self, SourceFile};

/// Extensions of articles found in directories.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

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
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Expand paths into inputs, sorted within each directory argument. Files
/// found in directories pass the config's include/exclude globs; files named
/// on the command line are always checked.
fn discover(paths: &[String], stdin_name: Option<&str>, filter: Option<(&FileRules, &PathMapper)>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin(stdin_name.unwrap_or("-").to_string()));
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => out.push(Input::Broken(p.clone(), source::io_reason(&e))),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let mut excluded = 0;
                let walker = ignore::WalkBuilder::new(path).follow_links(false).require_git(false).build();
                for entry in walker {
                    match entry {
                        Ok(e) => {
                            let is_file = e.file_type().is_some_and(|t| t.is_file() || t.is_symlink());
                            if is_file && has_article_ext(e.path()) {
                                let shown = display(e.path());
                                if filter.is_some_and(|(f, m)| !f.walk_includes(&m.absolute(&shown))) {
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
                    out.push(Input::Broken(p.clone(), "no articles (.txt, .md, .markdown) in this directory".into()));
                }
                found.sort();
                out.extend(found);
            }
            Ok(_) => out.push(Input::File(path.to_path_buf(), display(path))),
        }
    }
    out
}

fn io_diag(reason: &str) -> Diagnostic {
    IoError::META.diag(crate::span::Span::new(0, 0), reason.to_string())
}

fn failed(path: String, d: Diagnostic, format: OutputFormat) -> FileResult {
    let human = if format == OutputFormat::Human {
        format!("error[{}]: {}: {}\n", d.code, human::sanitize_line(&path), human::sanitize_line(&d.message))
    } else {
        String::new()
    };
    FileResult { path, diagnostics: vec![report::file_level(d)], human, failed: true }
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

impl Run<'_> {
    /// Lint `src` (fixing it first when asked and allowed: `writable` is the
    /// file to write, `None` for stdin); a file that fails is never written.
    fn check_source(&self, src: &SourceFile, writable: Option<&Path>) -> (FileResult, Extra) {
        let fixing = match self.fix {
            FixMode::Off => false,
            FixMode::Write => writable.is_some(),
            FixMode::Diff => true,
        };
        let linted = catch_unwind(AssertUnwindSafe(|| {
            if fixing {
                fix::fix_source(src, &self.cx).map(|f| (f.linted.diagnostics, f.fixes, Some(f.source)))
            } else {
                linter::lint(src, &self.cx).map(|l| (l.diagnostics, 0, None))
            }
        }));
        let (diags, fixes, fixed_src) = match linted {
            Ok(Ok(l)) => l,
            Ok(Err(schema_err)) => {
                let d = InvalidSchema::META.diag(crate::span::Span::new(0, 0), schema_err.to_string());
                return (failed(src.path.clone(), d, self.format), Extra::default());
            }
            Err(_) => {
                let d = IoError::META.diag(
                    crate::span::Span::new(0, 0),
                    "internal error: encyclint crashed while checking this file; the other files were checked. Please report this file.",
                );
                return (failed(src.path.clone(), d, self.format), Extra::default());
            }
        };
        let mut extra = Extra::default();
        let src = match fixed_src {
            Some(new) if fixes > 0 && new.text != src.text => {
                match (self.fix, writable) {
                    (FixMode::Write, Some(path)) => {
                        if let Err(e) = fix::write_atomic(path, &new.text) {
                            let d = io_diag(&format!("cannot write the fixes: {}", source::io_reason(&e)));
                            return (failed(src.path.clone(), d, self.format), extra);
                        }
                        extra.fixed = fixes;
                    }
                    _ => extra.diff = fix::unified_diff(&src.path, &src.text, &new.text),
                }
                new
            }
            _ => src.clone(),
        };
        let mut diags = diags;
        if let Some(files) = self.files {
            let ignored = files.ignored_codes(&self.mapper.absolute(&src.path));
            diags.retain(|d| !ignored.contains(&d.code));
        }
        let mut located = report::locate(&src, diags);
        if let Some(b) = self.baseline {
            let key = self.mapper.best(&src.path);
            let mut known = b.for_file(&key);
            let before = located.len();
            located.retain(|l| !known.take(&Entry::of(&key, l)));
            extra.known = before - located.len();
            extra.stale = known.stale();
        }
        let human = if self.format == OutputFormat::Human {
            located.iter().map(|l| human::render(&src, &l.diag, self.color, self.width)).collect()
        } else {
            String::new()
        };
        (FileResult { path: src.path.clone(), diagnostics: located, human, failed: false }, extra)
    }

    fn check_input(&self, input: &Input) -> (FileResult, Extra) {
        match input {
            Input::Broken(path, reason) => (failed(path.clone(), io_diag(reason), self.format), Extra::default()),
            Input::Stdin(name) => match source::read_stdin(name, self.max_size) {
                Ok(src) => self.check_source(&src, None),
                Err(e) => (failed(name.clone(), io_diag(&e.to_string()), self.format), Extra::default()),
            },
            Input::File(path, name) => match source::read_file(path, name, self.max_size) {
                Ok(src) => self.check_source(&src, Some(path)),
                Err(e) => (failed(name.clone(), io_diag(&e.to_string()), self.format), Extra::default()),
            },
        }
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal(),
    }
}

/// Settings from the config file, then the flags: flags win (a rule the
/// command line selects runs even if the config turned it off).
fn settings(args: &CheckArgs, config: Option<&Config>) -> Result<Settings, String> {
    let mut s = Settings::default();
    if let Some(c) = config {
        c.apply(&mut s);
    }
    if !args.select.is_empty() {
        let sel = Settings::resolve_selectors(&args.select)?;
        for code in &sel {
            s.ignore.remove(code);
            if s.levels.get(code) == Some(&crate::settings::Level::Off) {
                s.levels.remove(code);
            }
        }
        s.select = Some(sel);
    }
    if !args.ignore.is_empty() {
        s.ignore.extend(Settings::resolve_selectors(&args.ignore)?);
    }
    Ok(s)
}

/// The config named by `--config`, else the nearest `encyclint.toml`.
fn load_config(args: &CheckArgs) -> Result<Option<Config>, String> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir().ok().and_then(|cwd| config::discover(&cwd)),
    };
    path.map(|p| config::load(&p).map_err(|e| e.to_string())).transpose()
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
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let schema = args.schema.clone().or_else(|| config.as_ref().and_then(|c| c.schema.clone()));
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
    let inputs = discover(&args.paths, args.stdin_filename.as_deref(), files.map(|f| (f, &mapper)));
    let fix_mode = if args.diff {
        FixMode::Diff
    } else if args.fix {
        FixMode::Write
    } else {
        FixMode::Off
    };
    let run = Run {
        cx: Context { settings: &settings, policy: &policy, titles: None },
        format: args.format,
        color: use_color(args.color),
        width: 100,
        max_size: args.max_file_size,
        fix: fix_mode,
        files,
        mapper: &mapper,
        baseline: baseline.as_ref(),
    };
    let (mut results, extras): (Vec<FileResult>, Vec<Extra>) = inputs.par_iter().map(|i| run.check_input(i)).unzip();
    if fix_mode == FixMode::Diff {
        return write_diffs(&results, &extras, out, err);
    }
    let mut notes = Vec::new();
    if let Some(path) = &args.write_baseline {
        match write_baseline(path, &mut results, &mapper) {
            Ok(n) => notes.push(format!("wrote {n} known finding(s) to the baseline {}", path.display())),
            Err(e) => {
                writeln!(err, "error: cannot write the baseline {}: {}", path.display(), source::io_reason(&e))?;
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
    let refs = results.iter().map(|r| r.diagnostics.len()).sum::<usize>();
    let _ = refs;
    summary.notes.push(
        "`See` references were not judged: no title index (pass --titles, or check the articles they name together)"
            .to_string(),
    );
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
                writeln!(err, "error[{}]: {}: {}", l.diag.code, human::sanitize_line(&r.path), human::sanitize_line(&l.diag.message))?;
            }
        }
    }
    let any_failed = results.iter().any(|r| r.failed);
    let over_warnings = args.max_warnings.is_some_and(|m| summary.warnings > m);
    let errors = results.iter().flat_map(|r| &r.diagnostics).any(|l| l.diag.severity == Severity::Error && !r_failed(l));
    Ok(if any_failed {
        2
    } else if errors || over_warnings {
        1
    } else {
        0
    })
}

/// `--diff`: the diffs on stdout, a count on stderr; exit 1 when there is
/// anything to fix, 2 when a file failed.
fn write_diffs(results: &[FileResult], extras: &[Extra], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    for e in extras {
        out.write_all(e.diff.as_bytes())?;
    }
    out.flush()?;
    for r in results.iter().filter(|r| r.failed) {
        for l in &r.diagnostics {
            writeln!(err, "error[{}]: {}: {}", l.diag.code, human::sanitize_line(&r.path), human::sanitize_line(&l.diag.message))?;
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
fn write_baseline(path: &Path, results: &mut [FileResult], mapper: &PathMapper) -> io::Result<usize> {
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
    let mut notes = vec![format!("{known} known finding(s) matched the baseline {}", path.display())];
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
pub fn parse(file: &str, stdin_name: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
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
    let cx = Context { settings: &settings, policy: &policy, titles: None };
    let article = linter::analyse(&src, &cx);
    serde_json::to_writer_pretty(&mut *out, &article)?;
    writeln!(out)?;
    Ok(0)
}
