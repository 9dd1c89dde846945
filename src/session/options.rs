//! How a run is configured: the options a front end gives, the settings they
//! make with the config file, and why a run could not start.

use std::path::PathBuf;

use crate::config::{self, Config};
use crate::settings::{Level, Settings};

/// What `--fix`/`--diff` do with the fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixMode {
    /// Report only.
    #[default]
    Off,
    /// Apply safe fixes to files on disk (never to stdin).
    Write,
    /// Compute the fixes and give them as a unified diff.
    Diff,
}

/// How a run is configured, before anything is loaded.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these rules (codes, prefixes or names).
    pub select: Vec<String>,
    /// Never these rules.
    pub ignore: Vec<String>,
    /// The index holds every article (R001 is an error).
    pub complete_index: bool,
    /// A policy schema to use instead of the built-in one (or the config's).
    pub schema: Option<PathBuf>,
    /// The config file; `None` looks for the nearest `encyclint.toml` from `cwd`.
    pub config: Option<PathBuf>,
    /// Where to look for a config file when none is named; `None`: no config.
    pub cwd: Option<PathBuf>,
    /// Title lists (replace the config's when given).
    pub titles: Option<PathBuf>,
    /// Alias lists (replace the config's when given).
    pub aliases: Option<PathBuf>,
    /// Known findings that do not fail the run.
    pub baseline: Option<PathBuf>,
    /// What to do with fixes.
    pub fix: FixMode,
    /// Largest file read, in bytes.
    pub max_file_size: u64,
    /// Findings a file reports at most (`Some(0)`: no limit; `None`: the default).
    pub max_findings: Option<usize>,
    /// Compute each article's figures for the HTML report
    /// ([`crate::report::html::ArticleCharts`]); off, nothing beyond the
    /// diagnostics is kept.
    pub charts: bool,
}

/// Why a run could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupError {
    /// A rule code for errors that have one (`E002` for a bad schema).
    pub code: Option<&'static str>,
    /// What went wrong, naming the file.
    pub message: String,
}

impl SetupError {
    pub(super) fn plain(message: impl Into<String>) -> Self {
        Self {
            code: None,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code {
            Some(c) => write!(f, "error[{c}]: {}", self.message),
            None => write!(f, "error: {}", self.message),
        }
    }
}

impl std::error::Error for SetupError {}

/// Settings from the config file, then the options: options win (a rule the
/// command line selects runs even if the config turned it off).
///
/// # Errors
/// A selector that names no rule.
pub fn settings(opts: &Options, config: Option<&Config>) -> Result<Settings, String> {
    let mut s = Settings {
        complete_index: opts.complete_index,
        ..Settings::default()
    };
    if let Some(c) = config {
        c.apply(&mut s);
    }
    if opts.complete_index {
        s.complete_index = true;
    }
    if let Some(n) = opts.max_findings {
        s.max_findings = crate::settings::FindingsLimit::new(n);
    }
    if !opts.select.is_empty() {
        let sel = crate::rules::selectors::resolve(&opts.select)?;
        for code in &sel {
            s.ignore.remove(code);
            if s.levels.get(code) == Some(&Level::Off) {
                s.levels.remove(code);
            }
        }
        s.select = Some(sel);
    }
    if !opts.ignore.is_empty() {
        s.ignore
            .extend(crate::rules::selectors::resolve(&opts.ignore)?);
    }
    Ok(s)
}

/// The config named in the options, else the nearest `encyclint.toml` from `cwd`.
///
/// # Errors
/// A config file that cannot be read or is invalid.
pub fn load_config(opts: &Options) -> Result<Option<Config>, String> {
    let path = match &opts.config {
        Some(p) => Some(p.clone()),
        None => opts.cwd.as_deref().and_then(config::discover),
    };
    path.map(|p| config::load(&p).map_err(|e| e.to_string()))
        .transpose()
}
