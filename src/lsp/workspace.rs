//! The workspace as the title index: the title of every article under the
//! workspace folders, read without parsing ([`crate::parse::quick_title`]),
//! kept current as files are saved, created and deleted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

use crate::config::FileRules;
use crate::report::fingerprint::{PathMapper, uri_encode};
use crate::session::discover::{self, EXTENSIONS, Input, Inputs};
use crate::source::{self, Format};

/// The local path of a `file:` URI (percent-decoded).
#[must_use]
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme()?.as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    let path = uri.path().as_estr().decode().into_string().ok()?;
    Some(PathBuf::from(path.into_owned()))
}

/// The `file:` URI of an absolute path.
#[must_use]
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    Uri::from_str(&format!("file://{}", uri_encode(&s))).ok()
}

/// Whether encyclint reads files with this name (`.txt`, `.md`, `.markdown`,
/// `.wiki`, `.wikitext`, `.mediawiki`).
#[must_use]
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The titles of the workspace's articles, by path.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The workspace folders.
    pub roots: Vec<PathBuf>,
    titles: BTreeMap<PathBuf, String>,
}

impl Workspace {
    /// Read the title of every article under `roots` (as `check` would find
    /// them: `.gitignore`, `.encyclintignore` and the config's
    /// include/exclude apply).
    #[must_use]
    pub fn scan(roots: Vec<PathBuf>, files: Option<&FileRules>, max_file_size: u64) -> Self {
        let mapper = PathMapper::from_env();
        let inputs = if roots.is_empty() {
            Inputs::new()
        } else {
            discover::discover(&roots, None, files.map(|f| (f, &mapper)))
        };
        let titles = inputs
            .par_filter_map(|i| match i {
                Input::File(f) => {
                    let path = f.path();
                    Some((path.to_path_buf(), read_title(path, max_file_size)?))
                }
                _ => None,
            })
            .into_iter()
            .collect();
        Self { roots, titles }
    }

    /// Whether `path` is an article of this workspace (under a folder, read
    /// by encyclint, not excluded by the config).
    #[must_use]
    pub fn holds(&self, path: &Path, files: Option<&FileRules>) -> bool {
        is_article(path)
            && self.roots.iter().any(|r| path.starts_with(r))
            && files.is_none_or(|f| f.walk_includes(path))
    }

    /// Record the title of `path`; `true` when the titles changed.
    pub fn set(&mut self, path: &Path, title: Option<String>) -> bool {
        match title {
            Some(t) => self.titles.insert(path.to_path_buf(), t.clone()) != Some(t),
            None => self.titles.remove(path).is_some(),
        }
    }

    /// Read `path` again from disk; `true` when the titles changed.
    pub fn reread(&mut self, path: &Path, max_file_size: u64) -> bool {
        let title = read_title(path, max_file_size);
        self.set(path, title)
    }

    /// Every title, sorted, each once.
    #[must_use]
    pub fn titles(&self) -> Vec<String> {
        let mut out: Vec<String> = self.titles.values().cloned().collect();
        out.sort();
        out.dedup();
        out
    }

    /// How many articles have a title.
    #[must_use]
    pub fn len(&self) -> usize {
        self.titles.len()
    }

    /// Whether no article has a title.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }
}

/// The title of an article on disk, if it can be read and has one.
fn read_title(path: &Path, max_file_size: u64) -> Option<String> {
    let name = path.to_string_lossy();
    let src = source::read_file(path, &name, max_file_size).ok()?;
    crate::parse::source_title(&src).filter(|t| !t.trim().is_empty())
}

/// The title of an article's text (a wikitext article's is its file name).
#[must_use]
pub fn title_of(path: &Path, text: &str, format: Format) -> Option<String> {
    let title = match format {
        Format::Wikitext => {
            crate::parse::source_title(&source::SourceFile::new(path.to_string_lossy(), "", format))
        }
        f => crate::parse::quick_title(text, f),
    };
    title.filter(|t| !t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_and_paths_round_trip() {
        let u = Uri::from_str("file:///tmp/Caf%C3%A9%20x.md").unwrap();
        let p = uri_to_path(&u).unwrap();
        assert_eq!(p, PathBuf::from("/tmp/Café x.md"));
        assert_eq!(path_to_uri(&p).unwrap(), u);
        assert_eq!(
            uri_to_path(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }

    #[test]
    fn scan_reads_titles_and_follows_changes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::write(root.join("a.txt"), "Alpha\nAlpha is a letter.\n").unwrap();
        std::fs::write(root.join("b.md"), "# Beta\n\nBeta too.\n").unwrap();
        std::fs::write(root.join("notes.rs"), "fn main() {}\n").unwrap();
        let mut ws = Workspace::scan(vec![root.clone()], None, 1 << 20);
        assert_eq!(ws.titles(), ["Alpha", "Beta"]);
        let c = root.join("c.txt");
        assert!(ws.holds(&c, None));
        assert!(!ws.holds(&root.join("notes.rs"), None));
        assert!(!ws.holds(Path::new("/elsewhere/d.txt"), None));
        std::fs::write(&c, "Gamma\nText.\n").unwrap();
        assert!(ws.reread(&c, 1 << 20));
        assert!(!ws.reread(&c, 1 << 20), "no change the second time");
        std::fs::remove_file(root.join("a.txt")).unwrap();
        assert!(ws.reread(&root.join("a.txt"), 1 << 20));
        assert_eq!(ws.titles(), ["Beta", "Gamma"]);
    }
}
