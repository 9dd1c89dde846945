//! One index source, opened: the fst of folded keys and the front-coded
//! title stores, owned or memory-mapped, and the lookups the query layer needs.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use fst::{IntoStreamer, Streamer};

use super::IndexError;
use super::fuzzy::Fuzzy;
use super::store::{self, FrontCoded, Header, SourceRecord};

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

impl Backing {
    fn all(&self) -> &[u8] {
        match self {
            Backing::Owned(v) => v,
            Backing::Mapped(m) => m,
        }
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.data.all()[self.start..self.end]
    }
}

/// The members of one fst key.
#[derive(Default)]
struct Members {
    /// Entries: `id << 2 | alias << 1 | loose`.
    entries: Vec<u64>,
    /// Titles listed under this key as their loose key only.
    loose: Vec<u64>,
}

/// One index source.
pub struct Layer {
    /// Where it came from, for messages.
    pub origin: String,
    map: fst::Map<Bytes>,
    data: Arc<Backing>,
    header: Header,
    sources: Vec<SourceRecord>,
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

const FST: usize = 0;
const GROUPS: usize = 1;
const TITLES: usize = 2;
const ALIASES: usize = 3;
const EXTRA: usize = 4;
const SOURCES: usize = 5;

impl Layer {
    /// A layer from index bytes (as written by [`super::Builder`]).
    ///
    /// # Errors
    /// Bytes that are not an encyclint index of this format, or are damaged.
    pub fn from_bytes(origin: impl Into<String>, bytes: Vec<u8>) -> Result<Self, IndexError> {
        Self::from_backing(origin.into(), Arc::new(Backing::Owned(bytes)))
    }

    /// Memory-map a prebuilt index file.
    ///
    /// # Errors
    /// Unreadable, not an encyclint index of this format, or damaged.
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
        let err = |reason: String| IndexError {
            path: origin.clone(),
            reason,
        };
        let all = data.all();
        let header = Header::read(all).map_err(err)?;
        let body = &all[store::HEADER_LEN..];
        if xxhash_rust::xxh3::xxh3_64(body) != header.checksum {
            return Err(err(
                "corrupt index: its checksum does not match (rebuild it with `encyclint index build`)"
                    .into(),
            ));
        }
        let section = |i: usize| &all[header.sections[i].0..header.sections[i].1];
        let corrupt = |what: &str| err(format!("corrupt index: {what}"));
        FrontCoded::new(section(TITLES), header.titles, false).ok_or_else(|| corrupt("titles"))?;
        FrontCoded::new(section(ALIASES), header.aliases, true)
            .ok_or_else(|| corrupt("redirects"))?;
        FrontCoded::new(section(EXTRA), header.extra, false)
            .ok_or_else(|| corrupt("redirect targets"))?;
        let sources = store::read_sources(section(SOURCES)).ok_or_else(|| corrupt("sources"))?;
        let (start, end) = header.sections[FST];
        let map = fst::Map::new(Bytes {
            data: Arc::clone(&data),
            start,
            end,
        })
        .map_err(|e| corrupt(&e.to_string()))?;
        Ok(Self {
            origin,
            map,
            titles: header.titles,
            aliases: header.aliases,
            data,
            header,
            sources,
        })
    }

    fn section(&self, i: usize) -> &[u8] {
        let (s, e) = self.header.sections[i];
        self.data.all().get(s..e).unwrap_or(&[])
    }

    fn store(&self, i: usize, count: u64, values: bool) -> Option<FrontCoded<'_>> {
        FrontCoded::new(self.section(i), count, values)
    }

    /// The files this index was built from (none for one built in memory).
    #[must_use]
    pub fn sources(&self) -> &[SourceRecord] {
        &self.sources
    }

    /// The hash of the sources, as recorded.
    #[must_use]
    pub fn sources_hash(&self) -> u64 {
        self.header.sources_hash
    }

    /// The canonical string of target `id` (a title, or a redirect target that is not one).
    fn canonical(&self, id: u64) -> Option<String> {
        if id < self.header.titles {
            let i = usize::try_from(id).ok()?;
            self.store(TITLES, self.header.titles, false)?
                .get(i)
                .map(|(s, _)| s)
        } else {
            let i = usize::try_from(id - self.header.titles).ok()?;
            self.store(EXTRA, self.header.extra, false)?
                .get(i)
                .map(|(s, _)| s)
        }
    }

    fn members(&self, value: u64) -> Members {
        if value & 1 == 0 {
            return Members {
                entries: vec![value >> 1],
                loose: Vec::new(),
            };
        }
        let groups = self.section(GROUPS);
        let mut at = usize::try_from(value >> 1).unwrap_or(usize::MAX);
        let list = |at: &mut usize| -> Vec<u64> {
            let n = store::get_varint(groups, at).unwrap_or(0);
            let mut out = Vec::new();
            for _ in 0..n.min(super::MAX_GROUP as u64) {
                match store::get_varint(groups, at) {
                    Some(v) => out.push(v),
                    None => break,
                }
            }
            out
        };
        let entries = list(&mut at);
        let loose = list(&mut at);
        Members { entries, loose }
    }

    /// The title with this exact key, or the target of the redirect with it.
    pub(super) fn exact(&self, key: &str) -> Option<(String, bool)> {
        if let Some(titles) = self.store(TITLES, self.header.titles, false)
            && titles.find(key.as_bytes()).is_some()
        {
            return Some((key.to_string(), false));
        }
        let aliases = self.store(ALIASES, self.header.aliases, true)?;
        let (_, target) = aliases.find(key.as_bytes())?;
        Some((self.canonical(target)?, true))
    }

    /// The titles and redirect targets whose folded key is `fold`, with
    /// whether each came through a redirect.
    pub(super) fn folded(&self, fold: &str) -> Vec<(String, bool)> {
        let Some(v) = self.map.get(fold.as_bytes()) else {
            return Vec::new();
        };
        self.members(v)
            .entries
            .into_iter()
            .filter_map(|e| Some((self.canonical(e >> 2)?, e & 0b10 != 0)))
            .collect()
    }

    /// The titles of one fst value whose loose key is that key.
    fn loose_members(&self, value: u64) -> impl Iterator<Item = String> + '_ {
        let m = self.members(value);
        m.entries
            .into_iter()
            .filter(|e| e & 0b11 == 0b01)
            .map(|e| e >> 2)
            .chain(m.loose)
            .filter_map(|id| self.canonical(id))
    }

    /// The titles whose loose key is `loose`.
    pub(super) fn loose(&self, loose: &str) -> Vec<String> {
        match self.map.get(loose.as_bytes()) {
            Some(v) => self.loose_members(v).collect(),
            None => Vec::new(),
        }
    }

    /// Loose keys within `max` edits of `loose` sharing its first character,
    /// each with a title that has it.
    pub(super) fn fuzzy(&self, loose: &str, max: usize) -> Vec<(String, String)> {
        let Some(first) = loose.chars().next() else {
            return Vec::new();
        };
        let aut = Fuzzy {
            prefix: first.to_string().into_bytes(),
            rest: loose.as_bytes()[first.len_utf8()..].to_vec(),
            max: u8::try_from(max).unwrap_or(u8::MAX),
        };
        let mut stream = self.map.search(aut).into_stream();
        let mut out = Vec::new();
        while let Some((k, v)) = stream.next() {
            let key = String::from_utf8_lossy(k).into_owned();
            for t in self.loose_members(v) {
                out.push((key.clone(), t));
            }
            if out.len() >= 256 {
                break;
            }
        }
        out
    }
}
