//! `encyclint.toml`: the project's settings, found by walking up from the
//! working directory (or named with `--config FILE`).
//!
//! ```toml
//! schema = "policy.json"          # relative to this file
//! titles = ["titles.txt"]
//! aliases = "aliases.toml"
//! complete-index = false
//! max-findings-per-file = 10000    # 0: no limit
//! select = ["S", "B"]
//! ignore = ["S007"]
//! include = ["articles/**"]
//! exclude = ["drafts", "*.tmp.md"]
//!
//! [rules]
//! S004 = "off"
//! unbalanced-coverage = "error"
//!
//! [balance]
//! max_share = 0.7
//!
//! [per-file-ignores]
//! "stubs/*.txt" = ["S003", "S004"]
//! ```
//!
//! Every table denies unknown keys: a typo is an error that names the key and
//! the file (exit 2), never a setting silently ignored. Paths are relative to
//! the config file; globs are matched against paths relative to it (a pattern
//! without `/` also matches a file or directory name at any depth). The CLI
//! applies the config first and its own flags after, so flags win.
//! `schema/config.schema.json` describes the same keys for editors; a test
//! keeps the two in sync. Nothing here prints.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::model::WatchCategory;
use crate::rules;
use crate::settings::{Level, Settings, WatchSettings};

/// The config file's name.
pub const FILE_NAME: &str = "encyclint.toml";

/// The JSON schema of the config file (`encyclint schema config`).
pub const CONFIG_SCHEMA: &str = include_str!("../schema/config.schema.json");

/// One path or a list of paths.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// `titles = "titles.txt"`.
    One(String),
    /// `titles = ["a.txt", "b.txt"]`.
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// `[balance]`: thresholds of the balance analysis (see `settings::BalanceSettings`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BalanceTable {
    /// B002: share of attributed words above which one side dominates (0..1).
    pub max_share: Option<f64>,
    /// B002: fewest attributed sentences a section needs to be judged.
    pub min_sentences: Option<usize>,
    /// B003: fewest exchanges before the last word is judged.
    pub min_exchanges: Option<usize>,
    /// B003: share of exchanges one side may close before it is flagged (0..1).
    pub max_last_word_share: Option<f64>,
    /// Extra heading words that make a section a controversy section.
    pub controversy_headings: Option<Vec<String>>,
}

/// One category of `[words-to-watch]`: `puffery = { severity = "info", add = [...] }`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchCategoryTable {
    /// `off`, `info`, `warning` or `error`.
    pub severity: Option<String>,
    /// Phrases to flag in this category too.
    pub add: Option<Vec<String>>,
}

/// `[words-to-watch]`: each category's severity and added phrases, and phrases
/// never flagged (B005). Unknown categories are refused by name in
/// `watch_settings` (serde cannot deny unknown fields beside `flatten`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WatchTable {
    /// Phrases no longer flagged, whatever their category.
    pub remove: Option<Vec<String>>,
    /// The categories.
    #[serde(flatten)]
    pub categories: BTreeMap<String, WatchCategoryTable>,
}

/// The file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// A policy schema instead of the built-in one.
    pub schema: Option<String>,
    /// Title lists for the reference index.
    pub titles: Option<OneOrMany>,
    /// Alias files for the reference index.
    pub aliases: Option<OneOrMany>,
    /// The title index is complete: an unresolved reference is an error.
    pub complete_index: Option<bool>,
    /// Findings a file reports at most (0: no limit).
    pub max_findings_per_file: Option<usize>,
    /// Only these rules.
    pub select: Option<Vec<String>>,
    /// Never these rules.
    pub ignore: Option<Vec<String>>,
    /// When set, only files matching these globs are checked in directories.
    pub include: Option<Vec<String>>,
    /// Files and directories never checked in directories.
    pub exclude: Option<Vec<String>>,
    /// Rule levels by code or name: `off`, `info`, `warning`, `error`.
    pub rules: Option<BTreeMap<String, String>>,
    /// Balance thresholds.
    pub balance: Option<BalanceTable>,
    /// Words to watch by category.
    pub words_to_watch: Option<WatchTable>,
    /// Codes ignored in files matching a glob.
    pub per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
}

/// A config that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong, naming the key.
    pub reason: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for ConfigError {}

/// Which files of a directory walk are checked, and per-file ignores.
#[derive(Debug, Clone, Default)]
pub struct FileRules {
    /// Globs are relative to this directory.
    pub base: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
    per_file: Vec<(GlobSet, BTreeSet<String>)>,
}

impl FileRules {
    fn candidate(&self, abs: &Path) -> PathBuf {
        abs.strip_prefix(&self.base)
            .map_or_else(|_| abs.to_path_buf(), Path::to_path_buf)
    }

    /// Whether a file found by walking a directory is checked.
    #[must_use]
    pub fn walk_includes(&self, abs: &Path) -> bool {
        let rel = self.candidate(abs);
        if self.exclude.is_match(&rel) {
            return false;
        }
        self.include.as_ref().is_none_or(|inc| inc.is_match(&rel))
    }

    /// Codes ignored in this file.
    #[must_use]
    pub fn ignored_codes(&self, abs: &Path) -> BTreeSet<String> {
        let rel = self.candidate(abs);
        self.per_file
            .iter()
            .filter(|(g, _)| g.is_match(&rel))
            .flat_map(|(_, c)| c.iter().cloned())
            .collect()
    }
}

/// A loaded, checked config.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from.
    pub path: PathBuf,
    /// `schema`, resolved against the file's directory.
    pub schema: Option<PathBuf>,
    /// `titles`, resolved.
    pub titles: Vec<PathBuf>,
    /// `aliases`, resolved.
    pub aliases: Vec<PathBuf>,
    /// `complete-index`.
    pub complete_index: Option<bool>,
    /// `max-findings-per-file`.
    pub max_findings_per_file: Option<usize>,
    /// `select`, resolved to codes.
    pub select: Option<BTreeSet<String>>,
    /// `ignore`, resolved to codes.
    pub ignore: BTreeSet<String>,
    /// `[rules]`, by code.
    pub levels: BTreeMap<String, Level>,
    /// `[balance]`.
    pub balance: BalanceTable,
    /// `[words-to-watch]`, checked.
    pub watch: WatchSettings,
    /// include / exclude / per-file-ignores.
    pub files: FileRules,
}

/// `[words-to-watch]` checked: known categories, known severities, phrases
/// lower-cased and collapsed.
fn watch_settings(path: &Path, table: WatchTable) -> Result<WatchSettings, ConfigError> {
    let err = |reason: String| ConfigError {
        path: path.to_path_buf(),
        reason,
    };
    let phrase = |p: &str| crate::text::collapse_ws(&p.to_lowercase());
    let mut out = WatchSettings {
        remove: table
            .remove
            .unwrap_or_default()
            .iter()
            .map(|p| phrase(p))
            .collect(),
        ..WatchSettings::default()
    };
    for (name, t) in table.categories {
        let Some(category) = WatchCategory::parse(&name) else {
            let known: Vec<&str> = WatchCategory::ALL.iter().map(|c| c.as_str()).collect();
            return Err(err(format!(
                "unknown key `words-to-watch.{name}`: the categories are {}, and `remove`",
                known.join(", ")
            )));
        };
        if let Some(sev) = t.severity {
            match sev.as_str() {
                "off" => {
                    out.severity.remove(&category);
                    out.off.insert(category);
                }
                other => match Severity::parse(other) {
                    Some(s) => {
                        out.severity.insert(category, s);
                    }
                    None => {
                        return Err(err(format!(
                            "`words-to-watch.{name}.severity` = \"{sev}\": use off, info, warning or error"
                        )));
                    }
                },
            }
        }
        if let Some(add) = t.add {
            out.add
                .entry(category)
                .or_default()
                .extend(add.iter().map(|p| phrase(p)).filter(|p| !p.is_empty()));
        }
    }
    Ok(out)
}

/// The nearest `encyclint.toml` in `start` or one of its ancestors.
#[must_use]
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

fn glob_set(path: &Path, key: &str, patterns: &[String]) -> Result<GlobSet, ConfigError> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let p = p.trim_end_matches('/');
        let mut forms = vec![p.to_string(), format!("{p}/**")];
        if !p.contains('/') {
            forms.push(format!("**/{p}"));
            forms.push(format!("**/{p}/**"));
        }
        for f in forms {
            let g: Glob = GlobBuilder::new(&f)
                .literal_separator(true)
                .build()
                .map_err(|e| ConfigError {
                    path: path.to_path_buf(),
                    reason: format!("`{key}`: invalid glob `{p}`: {}", e.kind()),
                })?;
            b.add(g);
        }
    }
    b.build().map_err(|e| ConfigError {
        path: path.to_path_buf(),
        reason: format!("`{key}`: {e}"),
    })
}

fn share(path: &Path, key: &str, v: Option<f64>) -> Result<(), ConfigError> {
    match v {
        Some(x) if !(x > 0.0 && x <= 1.0) => Err(ConfigError {
            path: path.to_path_buf(),
            reason: format!("`balance.{key}` = {x}: must be a share above 0 and at most 1"),
        }),
        _ => Ok(()),
    }
}

/// Parse and check config text; `path` names the file in errors and anchors
/// relative paths.
///
/// # Errors
/// Invalid TOML, an unknown key, an unknown rule or level, a bad glob or threshold.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let err = |reason: String| ConfigError {
        path: path.to_path_buf(),
        reason,
    };
    let raw: ConfigFile =
        toml::from_str(text).map_err(|e| err(e.to_string().trim_end().to_string()))?;
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let resolve = |s: String| {
        if Path::new(&s).is_absolute() {
            PathBuf::from(s)
        } else {
            dir.join(s)
        }
    };
    let selectors = |key: &str, list: &[String]| {
        rules::selectors::resolve(list).map_err(|e| err(format!("`{key}`: {e}")))
    };

    let mut levels = BTreeMap::new();
    for (key, value) in raw.rules.unwrap_or_default() {
        let rule = rules::lookup(&key).ok_or_else(|| {
            err(format!(
                "[rules]: unknown rule `{key}` (see `encyclint rules`)"
            ))
        })?;
        let level = if value.eq_ignore_ascii_case("off") {
            Level::Off
        } else {
            Level::On(Severity::parse(&value).ok_or_else(|| {
                err(format!("[rules] {key} = \"{value}\": expected \"off\", \"info\", \"warning\" or \"error\""))
            })?)
        };
        levels.insert(rule.code.to_string(), level);
    }
    let balance = raw.balance.unwrap_or_default();
    share(path, "max_share", balance.max_share)?;
    share(path, "max_last_word_share", balance.max_last_word_share)?;
    let watch = watch_settings(path, raw.words_to_watch.unwrap_or_default())?;

    let mut per_file = Vec::new();
    for (glob, codes) in raw.per_file_ignores.unwrap_or_default() {
        let key = format!("[per-file-ignores] \"{glob}\"");
        per_file.push((
            glob_set(path, &key, std::slice::from_ref(&glob))?,
            selectors(&key, &codes)?,
        ));
    }
    let files = FileRules {
        base: dir.clone(),
        include: raw
            .include
            .as_deref()
            .map(|p| glob_set(path, "include", p))
            .transpose()?,
        exclude: glob_set(path, "exclude", raw.exclude.as_deref().unwrap_or_default())?,
        per_file,
    };
    Ok(Config {
        watch,
        path: path.to_path_buf(),
        schema: raw.schema.map(resolve),
        titles: raw
            .titles
            .map(OneOrMany::into_vec)
            .unwrap_or_default()
            .into_iter()
            .map(resolve)
            .collect(),
        aliases: raw
            .aliases
            .map(OneOrMany::into_vec)
            .unwrap_or_default()
            .into_iter()
            .map(resolve)
            .collect(),
        complete_index: raw.complete_index,
        max_findings_per_file: raw.max_findings_per_file,
        select: raw
            .select
            .as_deref()
            .map(|s| selectors("select", s))
            .transpose()?,
        ignore: raw
            .ignore
            .as_deref()
            .map(|s| selectors("ignore", s))
            .transpose()?
            .unwrap_or_default(),
        levels,
        balance,
        files,
    })
}

/// Read and parse a config file.
///
/// # Errors
/// Unreadable, or any [`parse`] error.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        reason: crate::source::io_reason(&e),
    })?;
    parse(&text, path)
}

impl Config {
    /// Apply to `settings` (before the CLI's own flags are applied).
    pub fn apply(&self, settings: &mut Settings) {
        settings
            .levels
            .extend(self.levels.iter().map(|(k, v)| (k.clone(), *v)));
        if let Some(sel) = &self.select {
            settings.select = Some(sel.clone());
        }
        settings.ignore.extend(self.ignore.iter().cloned());
        if let Some(c) = self.complete_index {
            settings.complete_index = c;
        }
        if let Some(n) = self.max_findings_per_file {
            settings.max_findings = crate::settings::FindingsLimit::new(n);
        }
        settings.titles.extend(self.titles.iter().cloned());
        settings.aliases.extend(self.aliases.iter().cloned());
        let b = &mut settings.balance;
        let t = &self.balance;
        if let Some(v) = t.max_share {
            b.max_share = v;
        }
        if let Some(v) = t.min_sentences {
            b.min_sentences = v;
        }
        if let Some(v) = t.min_exchanges {
            b.min_exchanges = v;
        }
        if let Some(v) = t.max_last_word_share {
            b.max_last_word_share = v;
        }
        if let Some(v) = &t.controversy_headings {
            b.controversy_headings.clone_from(v);
        }
        settings.watch = self.watch.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Config, ConfigError> {
        parse(text, Path::new("/proj/encyclint.toml"))
    }

    #[test]
    fn levels_by_code_or_name() {
        let c = p("[rules]\nS004 = \"off\"\nmissing-lead = \"error\"\n").unwrap_or_default();
        assert_eq!(c.levels.get("S004"), Some(&Level::Off));
        assert_eq!(c.levels.get("S003"), Some(&Level::On(Severity::Error)));
    }

    #[test]
    fn unknown_keys_name_the_key_and_file() {
        let e = p("shema = \"x.json\"\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("/proj/encyclint.toml") && e.contains("shema"),
            "{e}"
        );
        let e = p("[balance]\nmax_shar = 0.5\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("max_shar"), "{e}");
        let e = p("[rules]\nZ999 = \"off\"\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("Z999"), "{e}");
        let e = p("[rules]\nS004 = \"loud\"\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("loud"), "{e}");
        let e = p("[balance]\nmax_share = 1.5\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("max_share"), "{e}");
    }

    #[test]
    fn paths_are_relative_to_the_file_and_globs_match_names() {
        let c = p("schema = \"policy.json\"\ntitles = \"t.txt\"\nexclude = [\"drafts\"]\n[per-file-ignores]\n\"stubs/*.txt\" = [\"S003\"]\n")
            .unwrap_or_default();
        assert_eq!(c.schema, Some(PathBuf::from("/proj/policy.json")));
        assert_eq!(c.titles, vec![PathBuf::from("/proj/t.txt")]);
        assert!(!c.files.walk_includes(Path::new("/proj/a/drafts/x.md")));
        assert!(c.files.walk_includes(Path::new("/proj/a/x.md")));
        assert!(
            c.files
                .ignored_codes(Path::new("/proj/stubs/a.txt"))
                .contains("S003")
        );
        assert!(
            c.files
                .ignored_codes(Path::new("/proj/stubs/deeper/a.txt"))
                .is_empty()
        );
    }
}
