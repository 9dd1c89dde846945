//! One index source, opened: an fst map and its string table, owned or
//! memory-mapped, and the three kinds of lookup the query layer needs.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use fst::{IntoStreamer, Streamer};

use super::fuzzy::Fuzzy;
use super::{ALIAS_FLAG, IndexError, store};

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

/// One index source. Cloning shares its bytes.
#[derive(Clone)]
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
    /// A layer from index bytes (as written by [`super::build_bytes`]).
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

    /// The whole index this layer reads, in the format of
    /// [`super::build_bytes`]: [`Self::from_bytes`] of these bytes gives the
    /// same layer (how a binding ships an index to another process).
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        match &*self.strings.data {
            Backing::Owned(v) => v,
            Backing::Mapped(m) => m,
        }
    }

    /// The string at `offset` of the string table (empty if out of range).
    fn string(&self, offset: u64) -> &str {
        store::read_string(self.strings.as_ref(), offset)
    }

    pub(super) fn exact(&self, key: &str) -> Option<(String, bool)> {
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
    pub(super) fn group(&self, tag: u8, key: &str) -> Vec<(String, bool)> {
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
    pub(super) fn fuzzy(&self, loose: &str, max: usize) -> Vec<(String, String)> {
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
