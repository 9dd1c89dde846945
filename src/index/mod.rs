//! The title index: which articles exist, under which names.
//!
//! Built once per run from the titles of the articles being linted and the
//! optional `--titles` and `--aliases` files, then shared read-only by every
//! worker thread. Each source becomes a [`Layer`]: one [`fst::Map`] plus a
//! string table, either built in memory or memory-mapped from a prebuilt
//! index file (`encyclint index build`), so a 7-million-title index loads
//! without reading it.
//!
//! Keys (see [`normalize`]) live in three ranges of one map:
//!
//! | key | value |
//! |---|---|
//! | `E` title key | offset of the canonical title (the title itself, or a redirect's target, flagged) |
//! | `C` fold key `\0` n | offset of the n-th title (or redirect target) with that case-folded key |
//! | `L` loose key `\0` n | offset of the n-th title with that loose key (suggestions only) |
//!
//! The string table holds each canonical title once, length-prefixed.

pub mod normalize;
mod store;

use std::fmt;
use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::Arc;

use fst::{Automaton, IntoStreamer, Streamer};

pub use normalize::{fold_key, loose_key, title_key};
pub use store::{MAGIC, build_bytes, build_into};

/// Largest number of titles sharing one folded or loose key that are kept.
const MAX_GROUP: usize = 255;
/// Flag on an `E` value: the key is a redirect, the value its target.
const ALIAS_FLAG: u64 = 1 << 63;

/// An index source that cannot be used.
#[derive(Debug)]
pub struct IndexError {
    /// The file.
    pub path: String,
    /// Why.
    pub reason: String,
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for IndexError {}

/// How a reference matched an index entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The title itself (first letter, `_` and spacing aside, as MediaWiki does).
    Exact,
    /// Through a redirect.
    Alias,
    /// Only when case is ignored beyond the first letter.
    Case,
}

/// A resolved reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The title it names.
    pub canonical: String,
    /// How it matched.
    pub how: Match,
}

/// How a did-you-mean suggestion was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SuggestionKind {
    /// Same title once case, hyphens and spacing, and US/UK spelling are ignored.
    Variant,
    /// Singular for plural or the reverse.
    Number,
    /// A small edit away (the distance, in characters).
    Edit(usize),
}

/// A did-you-mean candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The title proposed.
    pub title: String,
    /// Why.
    pub kind: SuggestionKind,
}

/// Bytes of a layer: owned, or a window of a memory-mapped file.
#[derive(Clone)]
pub(crate) struct Bytes {
    data: Arc<Backing>,
    start: usize,
    end: usize,
}

enum Backing {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        let all: &[u8] = match &*self.data {
            Backing::Owned(v) => v,
            Backing::Mapped(m) => m,
        };
        &all[self.start..self.end]
    }
}

/// One index source.
pub struct Layer {
    /// Where it came from, for messages.
    pub origin: String,
    map: fst::Map<Bytes>,
    strings: Bytes,
    /// Titles in it.
    pub titles: u64,
    /// Redirects in it.
    pub aliases: u64,
}

impl fmt::Debug for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Layer")
            .field("origin", &self.origin)
            .field("titles", &self.titles)
            .field("aliases", &self.aliases)
            .finish()
    }
}

impl Layer {
    /// A layer from index bytes (as written by [`build_bytes`]).
    ///
    /// # Errors
    /// Bytes that are not an encyclint index.
    pub fn from_bytes(origin: impl Into<String>, bytes: Vec<u8>) -> Result<Self, IndexError> {
        Self::from_backing(origin.into(), Arc::new(Backing::Owned(bytes)))
    }

    /// Memory-map a prebuilt index file.
    ///
    /// # Errors
    /// Unreadable, or not an encyclint index.
    pub fn open(path: &Path) -> Result<Self, IndexError> {
        let origin = path.display().to_string();
        let err = |reason: String| IndexError {
            path: origin.clone(),
            reason,
        };
        let file = std::fs::File::open(path).map_err(|e| err(crate::source::io_reason(&e)))?;
        let mmap = store::map_file(&file).map_err(|e| err(crate::source::io_reason(&e)))?;
        Self::from_backing(origin, Arc::new(Backing::Mapped(mmap)))
    }

    fn from_backing(origin: String, data: Arc<Backing>) -> Result<Self, IndexError> {
        let whole = Bytes {
            start: 0,
            end: 0,
            data: Arc::clone(&data),
        };
        let len = match &*data {
            Backing::Owned(v) => v.len(),
            Backing::Mapped(m) => m.len(),
        };
        let whole = Bytes { end: len, ..whole };
        let header = store::Header::read(whole.as_ref()).map_err(|reason| IndexError {
            path: origin.clone(),
            reason,
        })?;
        let map_bytes = Bytes {
            data: Arc::clone(&data),
            start: header.map_start,
            end: header.map_end,
        };
        let strings = Bytes {
            data,
            start: header.map_end,
            end: header.strings_end,
        };
        let map = fst::Map::new(map_bytes).map_err(|e| IndexError {
            path: origin.clone(),
            reason: format!("corrupt index: {e}"),
        })?;
        Ok(Self {
            origin,
            map,
            strings,
            titles: header.titles,
            aliases: header.aliases,
        })
    }

    /// The string at `offset` of the string table (empty if out of range).
    fn string(&self, offset: u64) -> &str {
        store::read_string(self.strings.as_ref(), offset)
    }

    fn exact(&self, key: &str) -> Option<(String, bool)> {
        let mut k = Vec::with_capacity(key.len() + 1);
        k.push(b'E');
        k.extend_from_slice(key.as_bytes());
        let v = self.map.get(&k)?;
        Some((
            self.string(v & !ALIAS_FLAG).to_string(),
            v & ALIAS_FLAG != 0,
        ))
    }

    /// Every value in the group `tag key \0 *`.
    fn group(&self, tag: u8, key: &str) -> Vec<(String, bool)> {
        let mut lo = Vec::with_capacity(key.len() + 2);
        lo.push(tag);
        lo.extend_from_slice(key.as_bytes());
        lo.push(0);
        let mut hi = lo.clone();
        hi.pop();
        hi.push(1);
        let mut stream = self.map.range().ge(&lo).lt(&hi).into_stream();
        let mut out = Vec::new();
        while let Some((_, v)) = stream.next() {
            out.push((
                self.string(v & !ALIAS_FLAG).to_string(),
                v & ALIAS_FLAG != 0,
            ));
        }
        out
    }

    /// Loose keys within `max` edits of `loose` sharing its first character.
    fn fuzzy(&self, loose: &str, max: usize) -> Vec<(String, String)> {
        let Some(first) = loose.chars().next() else {
            return Vec::new();
        };
        let mut prefix = vec![b'L'];
        prefix.extend_from_slice(first.to_string().as_bytes());
        let aut = Fuzzy {
            prefix,
            rest: loose.as_bytes()[first.len_utf8()..].to_vec(),
            max: u8::try_from(max).unwrap_or(u8::MAX),
        };
        let mut stream = self.map.search(aut).into_stream();
        let mut out = Vec::new();
        while let Some((k, v)) = stream.next() {
            // `L` loose `\0` n
            let key = String::from_utf8_lossy(&k[1..k.len().saturating_sub(2)]).into_owned();
            out.push((key, self.string(v).to_string()));
            if out.len() >= 256 {
                break;
            }
        }
        out
    }
}

/// Known titles and redirects, from every index source of a run.
#[derive(Debug, Default)]
pub struct TitleIndex {
    layers: Vec<Layer>,
}

impl TitleIndex {
    /// An empty index.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a source.
    pub fn push(&mut self, layer: Layer) {
        self.layers.push(layer);
    }

    /// The sources, in lookup order.
    #[must_use]
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Whether there is nothing to look up.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.layers.is_empty()
    }

    /// An in-memory index of these titles and `(alias, target)` redirects.
    ///
    /// # Panics
    /// Never: building into memory cannot fail.
    #[must_use]
    pub fn from_titles<'a>(
        titles: impl IntoIterator<Item = &'a str>,
        aliases: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        let bytes = build_bytes(
            titles.into_iter().map(str::to_string),
            aliases
                .into_iter()
                .map(|(a, t)| (a.to_string(), t.to_string())),
        );
        let layer = Layer::from_bytes("titles", bytes).expect("freshly built index is valid");
        Self {
            layers: vec![layer],
        }
    }

    /// Resolve a reference target: the title it names and how, or `None`.
    #[must_use]
    pub fn resolve(&self, target: &str) -> Option<Resolution> {
        let key = title_key(target);
        if key.is_empty() {
            return None;
        }
        let mut alias = None;
        for l in &self.layers {
            match l.exact(&key) {
                Some((canonical, false)) => {
                    return Some(Resolution {
                        canonical,
                        how: Match::Exact,
                    });
                }
                Some((canonical, true)) if alias.is_none() => alias = Some(canonical),
                _ => {}
            }
        }
        if let Some(canonical) = alias {
            return Some(Resolution {
                canonical,
                how: Match::Alias,
            });
        }
        let fold = key.to_lowercase();
        let mut best: Option<(bool, String)> = None;
        for l in &self.layers {
            for (canonical, is_alias) in l.group(b'C', &fold) {
                if acronym_differs(&key, &canonical) {
                    continue;
                }
                // Titles before redirect targets, then alphabetical: deterministic.
                let cand = (is_alias, canonical);
                if best.as_ref().is_none_or(|b| cand < *b) {
                    best = Some(cand);
                }
            }
        }
        best.map(|(_, canonical)| Resolution {
            canonical,
            how: Match::Case,
        })
    }

    /// Up to `max` did-you-mean titles for a target that does not resolve,
    /// best first: spelling variants, then singular/plural, then titles within
    /// a strict edit distance ([`normalize::max_distance`]) that share the
    /// first letter and every digit.
    #[must_use]
    pub fn suggest(&self, target: &str, max: usize) -> Vec<Suggestion> {
        let loose = loose_key(target);
        if loose.is_empty() || max == 0 {
            return Vec::new();
        }
        let mut found: Vec<Suggestion> = Vec::new();
        let add = |title: String, kind: SuggestionKind, found: &mut Vec<Suggestion>| match found
            .iter_mut()
            .find(|s| s.title == title)
        {
            Some(s) if kind < s.kind => s.kind = kind,
            Some(_) => {}
            None => found.push(Suggestion { title, kind }),
        };
        for l in &self.layers {
            for (t, _) in l.group(b'L', &loose) {
                add(t, SuggestionKind::Variant, &mut found);
            }
            for v in normalize::number_variants(&loose) {
                for (t, _) in l.group(b'L', &v) {
                    add(t, SuggestionKind::Number, &mut found);
                }
            }
        }
        let n = loose.chars().count();
        let k = normalize::max_distance(n);
        if k > 0 {
            let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
            let want = digits(&loose);
            for l in &self.layers {
                for (cand_loose, t) in l.fuzzy(&loose, k) {
                    let d = normalize::osa_distance(&loose, &cand_loose);
                    if d == 0
                        || d > k
                        || digits(&cand_loose) != want
                        || !normalize::plausible_typo(&loose, &cand_loose)
                    {
                        continue;
                    }
                    add(t, SuggestionKind::Edit(d), &mut found);
                }
            }
        }
        found.sort_by(|a, b| (a.kind, &a.title).cmp(&(b.kind, &b.title)));
        found.truncate(max);
        found
    }
}

/// Whether `canonical` has an all-capitals word (`POET`, `NATO`) that
/// `written` does not: `poet` is not the acronym, whatever the case rules say.
fn acronym_differs(written: &str, canonical: &str) -> bool {
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    written
        .split(' ')
        .zip(canonical.split(' '))
        .any(|(w, c)| caps(c) && !caps(w))
}

/// Something that knows article titles: the index of a run, or a layer of
/// titles an editor keeps in memory.
pub trait TitleLookup: Sync {
    /// Whether `title` (as written) names a known article.
    fn is_title(&self, title: &str) -> bool;
}

impl TitleLookup for TitleIndex {
    fn is_title(&self, title: &str) -> bool {
        self.resolve(title).is_some()
    }
}

/// Read a titles file: a prebuilt index (by its magic bytes), or text with one
/// title a line, gzip-compressed or not.
///
/// # Errors
/// Unreadable, bad gzip, or not UTF-8 text.
pub fn load_titles(path: &Path) -> Result<Layer, IndexError> {
    let origin = path.display().to_string();
    let err = |reason: String| IndexError {
        path: origin.clone(),
        reason,
    };
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut head))
        .map_err(|e| err(crate::source::io_reason(&e)))?;
    if head[..n] == MAGIC[..] {
        return Layer::open(path);
    }
    let mut titles = Vec::new();
    read_lines(path, |line| {
        if !line.trim().is_empty() {
            titles.push(line.to_string());
        }
    })?;
    Layer::from_bytes(origin, build_bytes(titles.into_iter(), std::iter::empty()))
}

/// Read an aliases file: `alias<TAB>target` a line (`.gz` accepted); lines
/// without a tab are skipped and counted.
///
/// # Errors
/// Unreadable, bad gzip, or not UTF-8 text.
pub fn read_aliases(path: &Path) -> Result<(Vec<(String, String)>, usize), IndexError> {
    let mut out = Vec::new();
    let mut skipped = 0;
    read_lines(path, |line| {
        if line.trim().is_empty() || line.starts_with('#') {
            return;
        }
        match line.split_once('\t') {
            Some((a, t)) if !a.trim().is_empty() && !t.trim().is_empty() => {
                out.push((a.to_string(), t.to_string()))
            }
            _ => skipped += 1,
        }
    })?;
    Ok((out, skipped))
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Call `f` with every line of a text file, gunzipping it when it starts with
/// the gzip magic bytes.
///
/// # Errors
/// IO errors, and lines that are not UTF-8 (named by line number).
pub fn read_lines(path: &Path, mut f: impl FnMut(&str)) -> Result<(), IndexError> {
    let origin = path.display().to_string();
    let err = |reason: String| IndexError {
        path: origin.clone(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| err(crate::source::io_reason(&e)))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let gz = reader
        .fill_buf()
        .map_err(|e| err(crate::source::io_reason(&e)))?
        .starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead> = if gz {
        Box::new(std::io::BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    };
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| {
            err(format!(
                "line {}: {}",
                line_no + 1,
                crate::source::io_reason(&e)
            ))
        })?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let line =
            std::str::from_utf8(&buf).map_err(|_| err(format!("line {line_no} is not UTF-8")))?;
        f(line.trim_end_matches(['\n', '\r']));
    }
}

/// A byte automaton for the `L` range: the prefix (`L` and the first
/// character) exactly, then the rest of the loose key within `max`
/// optimal-string-alignment edits, then `\0` and one ordinal byte.
struct Fuzzy {
    prefix: Vec<u8>,
    rest: Vec<u8>,
    max: u8,
}

#[derive(Clone)]
enum FuzzyState {
    Prefix(usize),
    Dp {
        prev: Vec<u8>,
        row: Vec<u8>,
        last: u8,
    },
    AfterNul,
    Done,
    Dead,
}

impl Automaton for Fuzzy {
    type State = FuzzyState;

    fn start(&self) -> FuzzyState {
        FuzzyState::Prefix(0)
    }

    fn is_match(&self, state: &FuzzyState) -> bool {
        matches!(state, FuzzyState::Done)
    }

    fn can_match(&self, state: &FuzzyState) -> bool {
        match state {
            FuzzyState::Dead => false,
            FuzzyState::Dp { row, .. } => row.iter().any(|&d| d <= self.max),
            _ => true,
        }
    }

    fn accept(&self, state: &FuzzyState, byte: u8) -> FuzzyState {
        let cap = self.max.saturating_add(1);
        match state {
            FuzzyState::Prefix(i) => {
                if self.prefix.get(*i) != Some(&byte) {
                    FuzzyState::Dead
                } else if i + 1 == self.prefix.len() {
                    let row: Vec<u8> = (0..=self.rest.len())
                        .map(|j| u8::try_from(j).unwrap_or(u8::MAX).min(cap))
                        .collect();
                    FuzzyState::Dp {
                        prev: row.clone(),
                        row,
                        last: 0,
                    }
                } else {
                    FuzzyState::Prefix(i + 1)
                }
            }
            FuzzyState::Dp { prev, row, last } => {
                if byte == 0 {
                    return if row.last().is_some_and(|&d| d <= self.max) {
                        FuzzyState::AfterNul
                    } else {
                        FuzzyState::Dead
                    };
                }
                let q = &self.rest;
                let mut next = vec![0u8; row.len()];
                next[0] = row[0].saturating_add(1).min(cap);
                for j in 1..row.len() {
                    let cost = u8::from(q[j - 1] != byte);
                    let mut v = row[j]
                        .saturating_add(1)
                        .min(next[j - 1].saturating_add(1))
                        .min(row[j - 1].saturating_add(cost));
                    if j > 1 && byte == q[j - 2] && *last == q[j - 1] && *last != 0 {
                        v = v.min(prev[j - 2].saturating_add(1));
                    }
                    next[j] = v.min(cap);
                }
                FuzzyState::Dp {
                    prev: row.clone(),
                    row: next,
                    last: byte,
                }
            }
            FuzzyState::AfterNul => FuzzyState::Done,
            FuzzyState::Done | FuzzyState::Dead => FuzzyState::Dead,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TitleIndex {
        TitleIndex::from_titles(
            [
                "Quantum",
                "Photon",
                "Crisis management",
                "Risk management",
                "Defence industry",
                "Pride and Prejudice",
                "Joint exercise",
                "Revolutions of 1917–23",
                "Bush",
                "BUSH",
            ],
            [
                ("USA", "United States"),
                ("Pride & Prejudice", "Pride and Prejudice"),
            ],
        )
    }

    #[test]
    fn resolution_levels() {
        let ix = index();
        assert_eq!(
            ix.resolve("photon"),
            Some(Resolution {
                canonical: "Photon".into(),
                how: Match::Exact
            })
        );
        assert_eq!(
            ix.resolve("Crisis_management"),
            Some(Resolution {
                canonical: "Crisis management".into(),
                how: Match::Exact
            })
        );
        assert_eq!(
            ix.resolve("USA"),
            Some(Resolution {
                canonical: "United States".into(),
                how: Match::Alias
            })
        );
        assert_eq!(
            ix.resolve("Crisis Management"),
            Some(Resolution {
                canonical: "Crisis management".into(),
                how: Match::Case
            })
        );
        assert_eq!(ix.resolve("bush").map(|r| r.how), Some(Match::Exact));
        assert_eq!(ix.resolve("BuSh").map(|r| r.canonical), Some("Bush".into()));
        assert_eq!(ix.resolve("Quatnum"), None);
        let poet = TitleIndex::from_titles(["POET"], []);
        assert_eq!(
            poet.resolve("poet"),
            None,
            "an acronym is not matched by case"
        );
        assert_eq!(poet.resolve("Poet"), None);
        assert!(poet.resolve("poET").is_none());
        assert_eq!(ix.resolve(""), None);
        assert_eq!(ix.resolve("   "), None);
    }

    fn titles(s: &[Suggestion]) -> Vec<&str> {
        s.iter().map(|s| s.title.as_str()).collect()
    }

    #[test]
    fn suggestions_are_strict() {
        let ix = index();
        assert_eq!(titles(&ix.suggest("Quatnum", 3)), ["Quantum"]);
        assert_eq!(ix.suggest("Quatnum", 3)[0].kind, SuggestionKind::Edit(1));
        assert_eq!(
            ix.suggest("defense-industry", 3),
            [Suggestion {
                title: "Defence industry".into(),
                kind: SuggestionKind::Variant
            }]
        );
        assert_eq!(
            ix.suggest("joint exercises", 3),
            [Suggestion {
                title: "Joint exercise".into(),
                kind: SuggestionKind::Number
            }]
        );
        assert!(titles(&ix.suggest("crisis managment", 3)).contains(&"Crisis management"));
        assert!(
            ix.suggest("Crisis manager", 3)
                .iter()
                .all(|s| s.title != "Risk management")
        );
        assert!(
            ix.suggest("Revolutions of 1918–23", 3).is_empty(),
            "digits must match"
        );
        assert!(ix.suggest("Qu", 3).is_empty());
        let people = TitleIndex::from_titles(
            ["William Barley", "History of Tornio", "Chemical kinetics"],
            [],
        );
        assert!(
            people.suggest("William Hamley", 3).is_empty(),
            "two edits in a short word"
        );
        assert!(people.suggest("History of Toronto", 3).is_empty());
        assert!(people.suggest("Chemical genetics", 3).is_empty());
        assert!(ix.suggest("", 3).is_empty());
    }

    #[test]
    fn crisis_management_never_suggests_risk_management() {
        let ix = TitleIndex::from_titles(["Risk management"], []);
        assert!(ix.suggest("crisis management", 3).is_empty());
    }

    #[test]
    fn index_bytes_round_trip_and_bad_bytes_are_refused() {
        let bytes = build_bytes(["A", "B"].into_iter().map(String::from), std::iter::empty());
        assert!(bytes.starts_with(MAGIC));
        let l = Layer::from_bytes("x", bytes.clone()).unwrap();
        assert_eq!((l.titles, l.aliases), (2, 0));
        assert!(Layer::from_bytes("x", b"nonsense".to_vec()).is_err());
        assert!(Layer::from_bytes("x", bytes[..bytes.len() - 3].to_vec()).is_err());
        assert!(Layer::from_bytes("x", Vec::new()).is_err());
    }

    #[test]
    fn is_title_keeps_and_titles_whole() {
        let ix = index();
        assert!(ix.is_title("Pride and Prejudice"));
        assert!(ix.is_title("pride & prejudice"));
        assert!(!ix.is_title("Photon and Quatnum"));
    }
}
