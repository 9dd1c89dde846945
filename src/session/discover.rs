//! Finding the articles of a run: paths to [`Input`]s, sorted, with the
//! `.gitignore`/`.encyclintignore` rules and the config's include/exclude globs.

use std::path::{Path, PathBuf};

pub use super::inputs::Inputs;
use crate::config::FileRules;
use crate::report::fingerprint::PathMapper;
use crate::source;

/// Extensions of articles found in directories.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "wiki", "wikitext", "mediawiki"];

/// Per-directory ignore files (gitignore syntax) that only encyclint reads.
pub const IGNORE_FILE: &str = ".encyclintignore";

/// One input of the run. A run's list of them is kept compact ([`Inputs`]);
/// an `Input` is what reading an entry of the list gives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input, shown under this name.
    Stdin(String),
    /// A file to read, and the path it is shown as.
    File(FileInput),
    /// A path that could not be walked (shown name), with the reason.
    Broken(Box<str>, Box<str>),
}

impl Input {
    /// A file input (see [`FileInput::new`]).
    #[must_use]
    pub fn file(path: PathBuf, shown: String) -> Self {
        Input::File(FileInput::new(path, shown))
    }

    /// A path that could not be walked, shown as `shown`, with the reason.
    #[must_use]
    pub fn broken(shown: impl Into<Box<str>>, reason: impl Into<Box<str>>) -> Self {
        Input::Broken(shown.into(), reason.into())
    }

    /// The path shown for this input.
    #[must_use]
    pub fn display(&self) -> &str {
        match self {
            Input::Stdin(name) => name,
            Input::File(f) => f.shown(),
            Input::Broken(name, _) => name,
        }
    }
}

/// A file to read and the name it is shown as, kept in one allocation when
/// the name is the path or its end (`./a.md` shown as `a.md`). Ordered by
/// path, as `PathBuf`s are (by components), then by shown name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileInput {
    path: Box<Path>,
    shown: Shown,
}

/// Where a [`FileInput`]'s shown name is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Shown {
    /// The path from this byte on (the path is UTF-8).
    Tail(usize),
    /// A name of its own (a path that is not UTF-8, or another name).
    Own(Box<str>),
}

impl FileInput {
    /// The file at `path`, shown as `shown`.
    #[must_use]
    pub fn new(path: PathBuf, shown: String) -> Self {
        let tail = path
            .to_str()
            .and_then(|p| p.ends_with(shown.as_str()).then(|| p.len() - shown.len()));
        let shown = match tail {
            Some(at) => Shown::Tail(at),
            None => Shown::Own(shown.into_boxed_str()),
        };
        FileInput {
            path: path.into_boxed_path(),
            shown,
        }
    }

    /// The file at `path`, shown as its end from byte `at` (a char boundary
    /// of a UTF-8 path, as [`Self::tail`] gave it); shown whole otherwise.
    #[must_use]
    pub(super) fn with_tail(path: PathBuf, at: usize) -> Self {
        let shown = match path.to_str() {
            Some(p) if p.is_char_boundary(at) => Shown::Tail(at),
            _ => Shown::Tail(0),
        };
        FileInput {
            path: path.into_boxed_path(),
            shown,
        }
    }

    /// Where the shown name starts in the path, when it is the path's end.
    #[must_use]
    pub(super) fn tail(&self) -> Option<usize> {
        match self.shown {
            Shown::Tail(at) => Some(at),
            Shown::Own(_) => None,
        }
    }

    /// The path to read.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name the file is shown as in reports.
    #[must_use]
    pub fn shown(&self) -> &str {
        match &self.shown {
            // `new` checked that the path is UTF-8 and that `at` is a char boundary.
            Shown::Tail(at) => self.path.to_str().map_or("", |p| &p[*at..]),
            Shown::Own(name) => name,
        }
    }

    /// The path and the shown name, owned.
    #[must_use]
    pub fn into_parts(self) -> (PathBuf, String) {
        let shown = self.shown().to_string();
        (self.path.into_path_buf(), shown)
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

/// `--shard K/N`: the K-th of N disjoint parts of a run's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, from 1.
    pub k: u32,
    /// How many parts.
    pub n: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a shard: write K/N with 1 <= K <= N, e.g. 2/4");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: u32 = k.trim().parse().map_err(|_| bad())?;
        let n: u32 = n.trim().parse().map_err(|_| bad())?;
        if k == 0 || n == 0 || k > n {
            return Err(bad());
        }
        Ok(Self { k, n })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}

impl Shard {
    /// Whether the file shown as `key` (its path relative to the repository
    /// root, `/`-separated: the same on every machine and checkout) is in this
    /// shard. A file's shard depends on nothing but its own path, so adding a
    /// file never moves another.
    #[must_use]
    pub fn holds(self, key: &str) -> bool {
        let h = crate::report::fingerprint::fnv1a(&[key]);
        // FNV's low bits are weak on short keys that differ at the end: mix
        // them in (SplitMix64's finaliser) before taking the remainder.
        let mut z = h;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        z % u64::from(self.n) == u64::from(self.k - 1)
    }

    /// The inputs of this shard, in their order. Standard input belongs to
    /// the first shard.
    #[must_use]
    pub fn select(self, inputs: &Inputs, mapper: &PathMapper) -> Inputs {
        inputs
            .iter()
            .filter(|i| match i {
                Input::Stdin(_) => self.k == 1,
                Input::File(f) => self.holds(&mapper.best(f.shown()).replace('\\', "/")),
                Input::Broken(name, _) => self.holds(&mapper.best(name).replace('\\', "/")),
            })
            .collect()
    }
}

/// How old a temporary file of `--fix` must be before a later `--fix`
/// removes it: older than any write in progress.
pub const STRAY_AGE: std::time::Duration = std::time::Duration::from_secs(60);

/// Whether `name` is a temporary file `--fix` writes before it renames it
/// over the article ([`crate::fix::write_atomic`]).
#[must_use]
pub fn is_fix_temporary(name: &str) -> bool {
    name.starts_with(".encyclint-") && name.ends_with(".tmp")
}

/// Temporary files of `--fix` in the directories of the inputs, sorted: one
/// found here was left by a run killed between writing and renaming (the
/// article itself is intact).
#[must_use]
pub fn stray_temporaries(inputs: &Inputs) -> Vec<PathBuf> {
    let dirs: std::collections::BTreeSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(f) => Some(
                f.path()
                    .parent()
                    .unwrap_or_else(|| Path::new(""))
                    .to_path_buf(),
            ),
            _ => None,
        })
        .collect();
    let mut found = Vec::new();
    for dir in dirs {
        let listed = if dir.as_os_str().is_empty() {
            std::fs::read_dir(".")
        } else {
            std::fs::read_dir(&dir)
        };
        let Ok(entries) = listed else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            if name.to_str().is_some_and(is_fix_temporary)
                && e.file_type().is_ok_and(|t| t.is_file())
            {
                found.push(dir.join(name));
            }
        }
    }
    found.sort();
    found
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
) -> Inputs {
    let mut out = Inputs::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin(stdin_name.unwrap_or("-").to_string()));
            continue;
        }
        let p = display(path);
        match std::fs::metadata(path) {
            Err(e) => out.push(Input::broken(p, source::io_reason(&e))),
            Ok(m) if m.is_dir() => walk(path, &p, filter, &mut out),
            Ok(_) => out.push(Input::file(path.clone(), p)),
        }
    }
    out.shrink_to_fit();
    out
}

/// The articles under one directory argument, sorted.
///
/// The walk gives each folder's entries sorted by name, depth first: the
/// order of `PathBuf`s (by components), so files go to the list as they are
/// found and the run never holds them in a `Vec`. Should an entry ever come
/// out of order, this argument's files are sorted after the walk.
fn walk(path: &Path, shown: &str, filter: Option<(&FileRules, &PathMapper)>, out: &mut Inputs) {
    let mut files = Inputs::new();
    let mut broken = Vec::new();
    let mut last = PathBuf::new();
    let mut sorted = true;
    let mut excluded = 0;
    let walker = ignore::WalkBuilder::new(path)
        .follow_links(false)
        .require_git(false)
        .add_custom_ignore_filename(IGNORE_FILE)
        .sort_by_file_name(std::ffi::OsStr::cmp)
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
                        sorted &= files.is_empty() || last.as_path() < e.path();
                        let l = last.as_mut_os_string();
                        l.clear();
                        l.push(e.path().as_os_str());
                        files.push(Input::file(e.path().to_path_buf(), name));
                    }
                }
            }
            Err(e) => {
                let reason = e.to_string();
                broken.push(Input::broken(shown, reason.to_lowercase()));
            }
        }
    }
    if excluded == 0 && files.is_empty() && broken.is_empty() {
        out.push(Input::broken(
            shown,
            "no articles (.txt, .md, .markdown) in this directory",
        ));
    }
    if sorted {
        out.extend(files);
    } else {
        let mut v = files.to_vec();
        v.sort();
        out.extend(v);
    }
    // After the files, as `Input`'s order puts them.
    broken.sort();
    out.extend(broken);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_input_shows_its_name_and_keeps_its_path() {
        let same = FileInput::new(PathBuf::from("a/b.md"), "a/b.md".into());
        assert!(matches!(same.shown, Shown::Tail(0)));
        let dotted = FileInput::new(PathBuf::from("./a/é.md"), display(Path::new("./a/é.md")));
        assert!(matches!(dotted.shown, Shown::Tail(2)));
        let other = FileInput::new(PathBuf::from("x/y.md"), "Y".into());
        assert!(matches!(other.shown, Shown::Own(_)));
        for (f, path, shown) in [
            (&same, "a/b.md", "a/b.md"),
            (&dotted, "./a/é.md", "a/é.md"),
            (&other, "x/y.md", "Y"),
        ] {
            assert_eq!(f.path(), Path::new(path));
            assert_eq!(f.shown(), shown);
            assert_eq!(Input::File(f.clone()).display(), shown);
            assert_eq!(
                f.clone().into_parts(),
                (PathBuf::from(path), shown.to_string())
            );
        }
        // Ordered by path as `PathBuf`s are: by components, not bytes.
        let mut v = [
            Input::file("a/b.md".into(), "a/b.md".into()),
            Input::file("a/b/c.md".into(), "a/b/c.md".into()),
            Input::file("a/b-c.md".into(), "a/b-c.md".into()),
        ];
        v.sort();
        let shown: Vec<&str> = v.iter().map(Input::display).collect();
        let mut want = [
            PathBuf::from("a/b.md"),
            PathBuf::from("a/b/c.md"),
            PathBuf::from("a/b-c.md"),
        ];
        want.sort();
        let want: Vec<String> = want.iter().map(|p| display(p)).collect();
        assert_eq!(shown, want);
    }

    #[test]
    fn a_walk_lists_files_in_the_order_of_their_paths() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "b.md",
            "b/c.md",
            "b-c.md",
            "B.md",
            "é.md",
            "a b.md",
            "b/a/z.md",
            "b/d.txt",
            "c.wiki",
            "b.md.d/x.md",
        ];
        for n in names {
            let p = dir.path().join(n);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "Title\n\nText.\n").unwrap();
        }
        let got: Vec<PathBuf> = discover(&[dir.path().to_path_buf()], None, None)
            .iter()
            .filter_map(|i| match i {
                Input::File(f) => Some(f.path().to_path_buf()),
                _ => None,
            })
            .collect();
        let mut want: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn shards_parse_and_refuse_nonsense() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { k: 2, n: 4 }));
        for bad in ["0/4", "5/4", "1/0", "1", "a/b", "-1/2", "1/2/3"] {
            let e = bad.parse::<Shard>().unwrap_err();
            assert!(e.contains(bad) && e.contains("K/N"), "{e}");
        }
    }

    #[test]
    fn every_path_is_in_exactly_one_shard_and_shards_are_even() {
        for n in [1u32, 2, 3, 4, 7] {
            let mut sizes = vec![0usize; n as usize];
            for i in 0..4000 {
                let key = format!("articles/{}/{i}.md", i % 13);
                let holders: Vec<u32> = (1..=n).filter(|&k| Shard { k, n }.holds(&key)).collect();
                assert_eq!(holders.len(), 1, "{key} in {holders:?} of {n}");
                sizes[holders[0] as usize - 1] += 1;
            }
            let even = 4000 / n as usize;
            for s in sizes {
                assert!(s.abs_diff(even) < even / 5 + 20, "{s} vs {even} of {n}");
            }
        }
    }

    #[test]
    fn a_shard_is_stable() {
        // The same path is in the same shard on every machine and version:
        // CI matrices rely on it. (Changing the hash moves files between jobs.)
        let got: Vec<u32> = ["a.md", "articles/Alan Turing.md", "x/y/z.txt"]
            .iter()
            .map(|key| (1..=4).find(|&k| Shard { k, n: 4 }.holds(key)).unwrap_or(0))
            .collect();
        assert_eq!(got, vec![1, 1, 4]);
    }
}
