//! Stable identities of findings, shared by SARIF, GitLab and the baseline.
//!
//! A finding keeps its identity across unrelated edits: it is named by its
//! file (relative to the repository root), its code and the text around it
//! with white space collapsed, never by its line number. The hash is FNV-1a
//! 64, written out here so the value is the same on every platform and every
//! release (std's `DefaultHasher` promises neither).

use std::path::{Component, Path, PathBuf};

/// Collapse every run of white space to one space and trim the ends.
#[must_use]
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// FNV-1a, 64 bits, fed as it goes.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn separator(&mut self) {
        // A byte that cannot occur in normalised text keeps ("ab", "c") and
        // ("a", "bc") apart.
        self.bytes(&[0x1f]);
    }
}

/// FNV-1a, 64 bits.
#[must_use]
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h = Fnv::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h.separator();
        }
        h.bytes(p.as_bytes());
    }
    h.0
}

/// The fingerprint of a finding's context: its code and its line's text with
/// white space collapsed, as 16 hex digits. The same value as
/// `fnv1a(&[code, &normalise(line_text)])`, without building the normalised
/// line.
#[must_use]
pub fn line_hash(code: &str, line_text: &str) -> String {
    let mut h = Fnv::new();
    h.bytes(code.as_bytes());
    h.separator();
    for (i, w) in line_text.split_whitespace().enumerate() {
        if i > 0 {
            h.bytes(b" ");
        }
        h.bytes(w.as_bytes());
    }
    format!("{:016x}", h.0)
}

/// The repository root: the nearest ancestor of `cwd` holding `.git` (a
/// directory, or a file in a worktree), else `cwd` itself.
#[must_use]
pub fn repo_root(cwd: &Path) -> PathBuf {
    cwd.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(cwd)
        .to_path_buf()
}

/// Remove `.` and resolve `..` without touching the file system (symlinks
/// are kept as named, so a path stays the path the user sees).
fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Paths relative to one root, with `/` separators.
#[derive(Debug, Clone)]
pub struct PathMapper {
    cwd: PathBuf,
    root: PathBuf,
}

impl PathMapper {
    /// Map paths given relative to `cwd` onto `root`.
    #[must_use]
    pub fn new(cwd: PathBuf, root: PathBuf) -> Self {
        Self {
            cwd: lexical(&cwd),
            root: lexical(&root),
        }
    }

    /// From the process's working directory and its repository root.
    #[must_use]
    pub fn from_env() -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let root = repo_root(&cwd);
        Self::new(cwd, root)
    }

    /// `display` relative to the root (`docs/a.md`), or `None` when it lies
    /// outside the root; then [`Self::absolute`] names it.
    #[must_use]
    pub fn relative(&self, display: &str) -> Option<String> {
        let abs = self.absolute(display);
        let rel = abs.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.is_empty() {
            None
        } else {
            Some(parts.join("/"))
        }
    }

    /// `display` as an absolute path (lexically normalised).
    #[must_use]
    pub fn absolute(&self, display: &str) -> PathBuf {
        let p = Path::new(display);
        if p.is_absolute() {
            lexical(p)
        } else {
            lexical(&self.cwd.join(p))
        }
    }

    /// Relative when possible, else the absolute path, with `/` separators.
    #[must_use]
    pub fn best(&self, display: &str) -> String {
        self.relative(display)
            .unwrap_or_else(|| self.absolute(display).to_string_lossy().replace('\\', "/"))
    }
}

/// Percent-encode a path for a URI: everything but unreserved characters and `/`.
#[must_use]
pub fn uri_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_hash_is_the_hash_of_the_normalised_line() {
        for (code, line) in [
            ("S004", ""),
            ("B005", "  a\tb  c \u{a0} d "),
            ("R001", "See  X and   Y."),
        ] {
            assert_eq!(
                line_hash(code, line),
                format!("{:016x}", fnv1a(&[code, &normalise(line)]))
            );
        }
    }

    #[test]
    fn hash_ignores_white_space_but_not_words() {
        assert_eq!(
            line_hash("S002", "Defense  CooperationEdit "),
            line_hash("S002", "Defense CooperationEdit")
        );
        assert_ne!(
            line_hash("S002", "Defense CooperationEdit"),
            line_hash("S001", "Defense CooperationEdit")
        );
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
        // A fixed value: fingerprints must not change between releases.
        assert_eq!(format!("{:016x}", fnv1a(&["a"])), "af63dc4c8601ec8c");
    }

    #[test]
    fn paths_relative_to_the_root() {
        let m = PathMapper::new(PathBuf::from("/repo/docs"), PathBuf::from("/repo"));
        assert_eq!(m.relative("a.md").as_deref(), Some("docs/a.md"));
        assert_eq!(m.relative("./sub/../b.txt").as_deref(), Some("docs/b.txt"));
        assert_eq!(m.relative("/repo/x/y.md").as_deref(), Some("x/y.md"));
        assert_eq!(m.relative("/elsewhere/y.md"), None);
        assert_eq!(m.best("/elsewhere/y.md"), "/elsewhere/y.md");
        assert_eq!(uri_encode("a b/ü%.md"), "a%20b/%C3%BC%25.md");
    }
}
