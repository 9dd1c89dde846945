//! Finding the articles of a run: paths to [`Input`]s, sorted, with the
//! `.gitignore`/`.encyclintignore` rules and the config's include/exclude globs.

use std::path::{Path, PathBuf};

use crate::config::FileRules;
use crate::report::fingerprint::PathMapper;
use crate::source;

/// Extensions of articles found in directories.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "wiki", "wikitext", "mediawiki"];

/// Per-directory ignore files (gitignore syntax) that only encyclint reads.
pub const IGNORE_FILE: &str = ".encyclintignore";

/// One input of the run.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input, shown under this name.
    Stdin(String),
    /// A file to read, and the path it is shown as.
    File(PathBuf, String),
    /// A path that could not be walked, with the reason.
    Broken(String, String),
}

impl Input {
    /// The path shown for this input.
    #[must_use]
    pub fn display(&self) -> &str {
        match self {
            Input::Stdin(name) | Input::File(_, name) | Input::Broken(name, _) => name,
        }
    }
}

/// A path as shown in reports: lossy for names that are not UTF-8, without `./`.
#[must_use]
pub fn display(p: &Path) -> String {
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
#[must_use]
pub fn discover(
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
            Ok(m) if m.is_dir() => walk(path, &p, filter, &mut out),
            Ok(_) => out.push(Input::File(path.clone(), p)),
        }
    }
    out
}

/// The articles under one directory argument, sorted.
fn walk(path: &Path, shown: &str, filter: Option<(&FileRules, &PathMapper)>, out: &mut Vec<Input>) {
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
                let is_file = e.file_type().is_some_and(|t| t.is_file() || t.is_symlink());
                if is_file && has_article_ext(e.path()) {
                    let name = display(e.path());
                    if filter.is_some_and(|(f, m)| !f.walk_includes(&m.absolute(&name))) {
                        excluded += 1;
                    } else {
                        found.push(Input::File(e.path().to_path_buf(), name));
                    }
                }
            }
            Err(e) => {
                let reason = e.to_string();
                found.push(Input::Broken(shown.to_string(), reason.to_lowercase()));
            }
        }
    }
    if excluded == 0 && found.is_empty() {
        out.push(Input::Broken(
            shown.to_string(),
            "no articles (.txt, .md, .markdown) in this directory".into(),
        ));
    }
    found.sort();
    out.extend(found);
}
