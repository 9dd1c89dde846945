//! The index file: its header, its sections, and building it.
//!
//! ```text
//! "ENCYIDX2"  12 × u64 (little endian): checksum, sources hash, titles, aliases, extra targets,
//!             block size, then the byte length of each section below, in order
//! fst         folded key → one entry, or the offset of a group (below)
//! groups      varint count, entries; varint count, title ids (loose-only members)
//! titles      the canonical titles (title keys), sorted, front-coded in blocks
//! aliases     the redirect keys, sorted, front-coded, each with its target's entry
//! extra       redirect targets that are not titles, sorted, front-coded
//! sources     the files the index was built from: path, size, mtime, xxh3 of the bytes
//! ```
//!
//! A *target id* numbers the titles (`0..titles`, in sorted order) and then the extra targets.
//! An *entry* is `id << 2 | alias << 1 | loose`: `alias` when it is a redirect's fold key
//! pointing at its target, `loose` when the title's loose key is its fold key (so the same
//! key serves did-you-mean). Titles whose loose key differs are listed again under their
//! loose key, as group members of the second kind. An fst value is `entry << 1` for a key
//! with a single entry and nothing else, or `offset << 1 | 1` for a group.
//!
//! Front coding: each block of [`BLOCK`] strings starts at an offset listed at the
//! start of the section (u64 each); an entry is `varint shared, varint suffix length,
//! suffix[, varint value]`, `shared` counting bytes in common with the previous entry of
//! its block (0 for the first). Lookups binary-search the blocks' first strings.
//!
//! The checksum (xxh3-64 of everything after the header) is verified when an index is
//! opened, so a damaged file is refused by name instead of answering wrongly.

use std::cmp::Ordering;
use std::io::{self, Write};

use rayon::prelude::*;

use super::MAX_GROUP;
use super::normalize::{loose_of_fold, title_key};

/// The first bytes of an index file (the format version is its last byte).
pub const MAGIC: &[u8; 8] = b"ENCYIDX2";
/// What every format's magic starts with.
pub(crate) const MAGIC_STEM: &[u8; 7] = b"ENCYIDX";
const WORDS: usize = 12;
pub(crate) const HEADER_LEN: usize = 8 + WORDS * 8;
/// Strings per front-coded block.
pub(crate) const BLOCK: usize = 16;
/// The sections after the header, in file order.
pub(crate) const SECTIONS: usize = 6;

/// The header of an index file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Header {
    pub checksum: u64,
    pub sources_hash: u64,
    pub titles: u64,
    pub aliases: u64,
    pub extra: u64,
    /// `(start, end)` of fst, groups, titles, aliases, extra, sources.
    pub sections: [(usize, usize); SECTIONS],
}

impl Header {
    /// Read and check a header against the length of the whole file.
    pub(crate) fn read(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() < 8 || &bytes[..7] != MAGIC_STEM {
            return Err("not an encyclint title index (bad magic bytes)".into());
        }
        if bytes[7] != MAGIC[7] {
            return Err(format!(
                "an index of another format ({}); this encyclint reads {}: rebuild it with `encyclint index build`",
                String::from_utf8_lossy(&bytes[..8]),
                String::from_utf8_lossy(MAGIC)
            ));
        }
        if bytes.len() < HEADER_LEN {
            return Err("truncated index: the header is incomplete".into());
        }
        let word = |i: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[8 + i * 8..16 + i * 8]);
            u64::from_le_bytes(b)
        };
        if word(5) != BLOCK as u64 {
            return Err("corrupt index header (block size)".into());
        }
        let mut sections = [(0, 0); SECTIONS];
        let mut at = HEADER_LEN;
        for (i, s) in sections.iter_mut().enumerate() {
            let len = usize::try_from(word(6 + i)).map_err(|_| "corrupt index header")?;
            let end = at.checked_add(len).ok_or("corrupt index header")?;
            *s = (at, end);
            at = end;
        }
        if at != bytes.len() {
            return Err(format!(
                "truncated or corrupt index: the header says {at} bytes, the file has {}",
                bytes.len()
            ));
        }
        Ok(Self {
            checksum: word(0),
            sources_hash: word(1),
            titles: word(2),
            aliases: word(3),
            extra: word(4),
            sections,
        })
    }
}

/// Memory-map an index file read-only.
///
/// # Errors
/// The OS refuses the mapping.
#[allow(unsafe_code)]
pub(crate) fn map_file(file: &std::fs::File) -> io::Result<memmap2::Mmap> {
    // SAFETY: the mapping is read-only and private to this process. If another
    // process truncates or rewrites the file while it is mapped, reads may see
    // the new bytes or fault; `encyclint index build` writes to a temporary
    // file and renames it into place, so it never rewrites a mapped index.
    unsafe { memmap2::Mmap::map(file) }
}

// --- varints -------------------------------------------------------------------

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// The varint at `*at`, moving `*at` past it; `None` past the end or over 64 bits.
pub(crate) fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn get_len(bytes: &[u8], at: &mut usize) -> Option<usize> {
    usize::try_from(get_varint(bytes, at)?).ok()
}

// --- front-coded strings ----------------------------------------------------------

/// Sorted strings, front-coded in blocks, optionally each with a value.
#[derive(Clone, Copy)]
pub(crate) struct FrontCoded<'a> {
    offsets: &'a [u8],
    data: &'a [u8],
    count: usize,
    values: bool,
}

impl<'a> FrontCoded<'a> {
    /// A view of a section of `count` strings; `None` when its block table does not fit.
    pub(crate) fn new(section: &'a [u8], count: u64, values: bool) -> Option<Self> {
        let count = usize::try_from(count).ok()?;
        let blocks = count.div_ceil(BLOCK);
        let table = blocks.checked_mul(8)?;
        if table > section.len() {
            return None;
        }
        let (offsets, data) = section.split_at(table);
        Some(Self {
            offsets,
            data,
            count,
            values,
        })
    }

    fn block_start(&self, b: usize) -> Option<usize> {
        let raw = self.offsets.get(b * 8..b * 8 + 8)?;
        let mut w = [0u8; 8];
        w.copy_from_slice(raw);
        usize::try_from(u64::from_le_bytes(w)).ok()
    }

    /// The first string of block `b`, borrowed.
    fn first(&self, b: usize) -> Option<&'a [u8]> {
        let mut at = self.block_start(b)?;
        let shared = get_len(self.data, &mut at)?;
        let len = get_len(self.data, &mut at)?;
        if shared != 0 {
            return None;
        }
        self.data.get(at..at.checked_add(len)?)
    }

    /// Decode block `b` in order, calling `f(index in block, string, value)` until it
    /// returns `false`. `None` when the block is corrupt.
    fn walk(&self, b: usize, mut f: impl FnMut(usize, &[u8], u64) -> bool) -> Option<()> {
        let mut at = self.block_start(b)?;
        let n = BLOCK.min(self.count.checked_sub(b * BLOCK)?);
        let mut cur: Vec<u8> = Vec::with_capacity(64);
        for i in 0..n {
            let shared = get_len(self.data, &mut at)?;
            let len = get_len(self.data, &mut at)?;
            if shared > cur.len() {
                return None;
            }
            cur.truncate(shared);
            cur.extend_from_slice(self.data.get(at..at.checked_add(len)?)?);
            at += len;
            let v = if self.values {
                get_varint(self.data, &mut at)?
            } else {
                0
            };
            if !f(i, &cur, v) {
                break;
            }
        }
        Some(())
    }

    /// The `i`-th string and its value.
    pub(crate) fn get(&self, i: usize) -> Option<(String, u64)> {
        if i >= self.count {
            return None;
        }
        let mut out = None;
        self.walk(i / BLOCK, |j, s, v| {
            if j == i % BLOCK {
                out = Some((String::from_utf8_lossy(s).into_owned(), v));
                false
            } else {
                true
            }
        })?;
        out
    }

    /// The index and value of `key`, if present.
    pub(crate) fn find(&self, key: &[u8]) -> Option<(usize, u64)> {
        let blocks = self.count.div_ceil(BLOCK);
        // The last block whose first string is <= key.
        let (mut lo, mut hi) = (0usize, blocks);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.first(mid)?.cmp(key) {
                Ordering::Greater => hi = mid,
                _ => lo = mid + 1,
            }
        }
        let b = lo.checked_sub(1)?;
        let mut out = None;
        self.walk(b, |j, s, v| match s.cmp(key) {
            Ordering::Less => true,
            Ordering::Equal => {
                out = Some((b * BLOCK + j, v));
                false
            }
            Ordering::Greater => false,
        })?;
        out
    }

    /// Check that every block decodes and the strings are strictly sorted UTF-8.
    #[cfg(test)]
    pub(crate) fn validate(&self) -> bool {
        let mut prev: Vec<u8> = Vec::new();
        let mut ok = true;
        let mut n = 0usize;
        for b in 0..self.count.div_ceil(BLOCK) {
            let walked = self.walk(b, |_, s, _| {
                ok &= (n == 0 || prev.as_slice() < s) && std::str::from_utf8(s).is_ok();
                prev.clear();
                prev.extend_from_slice(s);
                n += 1;
                ok
            });
            if walked.is_none() || !ok {
                return false;
            }
        }
        n == self.count
    }
}

/// Writes sorted strings as a front-coded section.
struct FrontCoder {
    offsets: Vec<u8>,
    data: Vec<u8>,
    prev: Vec<u8>,
    count: usize,
}

impl FrontCoder {
    fn new() -> Self {
        Self {
            offsets: Vec::new(),
            data: Vec::new(),
            prev: Vec::new(),
            count: 0,
        }
    }

    fn push(&mut self, s: &[u8], value: Option<u64>) {
        let shared = if self.count.is_multiple_of(BLOCK) {
            self.offsets
                .extend_from_slice(&(self.data.len() as u64).to_le_bytes());
            0
        } else {
            self.prev.iter().zip(s).take_while(|(a, b)| a == b).count()
        };
        put_varint(&mut self.data, shared as u64);
        put_varint(&mut self.data, (s.len() - shared) as u64);
        self.data.extend_from_slice(&s[shared..]);
        if let Some(v) = value {
            put_varint(&mut self.data, v);
        }
        self.prev.clear();
        self.prev.extend_from_slice(s);
        self.count += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        self.offsets.append(&mut self.data);
        self.offsets
    }
}

// --- building ---------------------------------------------------------------------

/// Many byte strings in one buffer.
#[derive(Default)]
pub(crate) struct Arena {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Arena {
    pub(crate) fn push(&mut self, s: &[u8]) {
        self.data.extend_from_slice(s);
        self.ends.push(self.data.len());
    }
    pub(crate) fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
    fn append(&mut self, other: Self) {
        let base = self.data.len();
        self.data.extend_from_slice(&other.data);
        self.ends.extend(other.ends.iter().map(|e| e + base));
    }
}

/// The first eight bytes of `s`, big-endian, zero-padded: their order is the strings'.
fn prefix(s: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = s.len().min(8);
    b[..n].copy_from_slice(&s[..n]);
    u64::from_be_bytes(b)
}

/// Indices of `keys` sorted by key (then by index, so the first of equal keys comes first).
fn sorted(keys: &Arena) -> Vec<u32> {
    let mut pairs: Vec<(u64, u32)> = (0..keys.len())
        .into_par_iter()
        .map(|i| (prefix(keys.get(i)), i as u32))
        .collect();
    pairs.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| keys.get(a.1 as usize).cmp(keys.get(b.1 as usize)))
            .then(a.1.cmp(&b.1))
    });
    pairs.into_iter().map(|(_, i)| i).collect()
}

/// A source file of an index: where, how big, when, and the xxh3 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRecord {
    /// The absolute path, as bytes of the platform's path.
    pub path: Vec<u8>,
    /// Its length in bytes.
    pub size: u64,
    /// Its modification time, nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u64,
    /// xxh3-64 of its bytes.
    pub hash: u64,
}

pub(crate) fn write_sources(sources: &[SourceRecord]) -> (Vec<u8>, u64) {
    let mut out = Vec::new();
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    put_varint(&mut out, sources.len() as u64);
    for s in sources {
        put_varint(&mut out, s.path.len() as u64);
        out.extend_from_slice(&s.path);
        put_varint(&mut out, s.size);
        put_varint(&mut out, s.mtime_ns);
        out.extend_from_slice(&s.hash.to_le_bytes());
        h.update(&(s.path.len() as u64).to_le_bytes());
        h.update(&s.path);
        h.update(&s.hash.to_le_bytes());
    }
    (out, h.digest())
}

pub(crate) fn read_sources(bytes: &[u8]) -> Option<Vec<SourceRecord>> {
    let mut at = 0;
    let n = get_len(bytes, &mut at)?;
    let mut out = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let len = get_len(bytes, &mut at)?;
        let path = bytes.get(at..at.checked_add(len)?)?.to_vec();
        at += len;
        let size = get_varint(bytes, &mut at)?;
        let mtime_ns = get_varint(bytes, &mut at)?;
        let raw = bytes.get(at..at + 8)?;
        at += 8;
        let mut w = [0u8; 8];
        w.copy_from_slice(raw);
        out.push(SourceRecord {
            path,
            size,
            mtime_ns,
            hash: u64::from_le_bytes(w),
        });
    }
    (at == bytes.len()).then_some(out)
}

/// What a build kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Built {
    /// Distinct titles.
    pub titles: u64,
    /// Distinct redirects kept (a redirect named like a title is dropped: the title wins).
    pub aliases: u64,
}

/// Collects titles and redirects (normalised as they come) and writes an index.
#[derive(Default)]
pub struct Builder {
    titles: Arena,
    alias_keys: Arena,
    alias_targets: Arena,
    sources: Vec<SourceRecord>,
}

/// Bits of a sort payload: a loose-only member (a title id) rather than an entry.
const LOOSE_MEMBER: u64 = 1 << 63;

impl Builder {
    /// An empty builder.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a title (as written; blank ones are ignored).
    pub fn title(&mut self, t: &str) {
        let k = title_key(t);
        if !k.is_empty() {
            self.titles.push(k.as_bytes());
        }
    }

    /// Add a redirect: `alias` names the page `target`.
    pub fn alias(&mut self, alias: &str, target: &str) {
        let (a, t) = (title_key(alias), title_key(target));
        if !a.is_empty() && !t.is_empty() && a != t {
            self.alias_keys.push(a.as_bytes());
            self.alias_targets.push(t.as_bytes());
        }
    }

    /// Record a source file (for staleness checks).
    pub fn source(&mut self, s: SourceRecord) {
        self.sources.push(s);
    }

    /// Titles added so far (before duplicates are removed).
    #[must_use]
    pub fn len(&self) -> usize {
        self.titles.len() + self.alias_keys.len()
    }

    /// Whether nothing was added.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Build the index into memory.
    #[must_use]
    pub fn into_bytes(self) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing to memory cannot fail.
        let _ = self.write(&mut out);
        out
    }

    /// Build the index and write it to `out`.
    ///
    /// # Errors
    /// Write errors, and more than 2^32 titles and targets.
    pub fn write(self, out: &mut dyn Write) -> io::Result<Built> {
        let too_many = || io::Error::other("more than 4,294,967,295 titles and redirect targets");
        if self.titles.len() >= u32::MAX as usize || self.alias_keys.len() >= u32::MAX as usize {
            return Err(too_many());
        }
        let Self {
            titles,
            alias_keys,
            alias_targets,
            sources,
        } = self;

        // 1. The titles, sorted and unique: their ids.
        let mut order = sorted(&titles);
        order.dedup_by(|a, b| titles.get(*a as usize) == titles.get(*b as usize));
        let mut coder = FrontCoder::new();
        for &i in &order {
            coder.push(titles.get(i as usize), None);
        }
        let n_titles = order.len();
        let title_store = coder.finish();
        let title_id = |k: &[u8]| -> Option<usize> {
            order
                .binary_search_by(|&i| titles.get(i as usize).cmp(k))
                .ok()
        };

        // 2. Redirects: a title always wins over a redirect of the same name.
        let mut kept: Vec<u32> = Vec::new();
        let mut target: Vec<u32> = Vec::new(); // title id, or u32::MAX: an extra target
        for i in 0..alias_keys.len() {
            if title_id(alias_keys.get(i)).is_some() {
                continue;
            }
            kept.push(i as u32);
            target.push(title_id(alias_targets.get(i)).map_or(u32::MAX, |t| t as u32));
        }
        let mut extra_keys = Arena::default();
        for (&i, _) in kept.iter().zip(&target).filter(|(_, t)| **t == u32::MAX) {
            extra_keys.push(alias_targets.get(i as usize));
        }
        let mut extra_order = sorted(&extra_keys);
        extra_order.dedup_by(|a, b| extra_keys.get(*a as usize) == extra_keys.get(*b as usize));
        if n_titles + extra_order.len() >= (u32::MAX >> 2) as usize {
            return Err(too_many());
        }
        let mut coder = FrontCoder::new();
        for &i in &extra_order {
            coder.push(extra_keys.get(i as usize), None);
        }
        let extra_store = coder.finish();
        let n_extra = extra_order.len();
        let mut entries: Vec<u64> = Vec::with_capacity(kept.len());
        for (&i, &t) in kept.iter().zip(&target) {
            let id = if t == u32::MAX {
                let k = alias_targets.get(i as usize);
                let pos = extra_order
                    .binary_search_by(|&e| extra_keys.get(e as usize).cmp(k))
                    .unwrap_or(0);
                n_titles + pos
            } else {
                t as usize
            };
            entries.push((id as u64) << 2 | 0b10);
        }
        drop((extra_keys, extra_order, target, alias_targets));
        // Redirect keys, sorted; the first redirect of a name wins.
        let mut kept_keys = Arena::default();
        for &i in &kept {
            kept_keys.push(alias_keys.get(i as usize));
        }
        let mut alias_order = sorted(&kept_keys);
        alias_order.dedup_by(|a, b| kept_keys.get(*a as usize) == kept_keys.get(*b as usize));
        let mut coder = FrontCoder::new();
        for &i in &alias_order {
            coder.push(kept_keys.get(i as usize), Some(entries[i as usize] >> 2));
        }
        let n_aliases = alias_order.len();
        let alias_store = coder.finish();
        drop((alias_order, alias_keys, order, titles));

        // 3. Folded keys (and loose keys that differ) with their entries, sorted.
        let view = FrontCoded::new(&title_store, n_titles as u64, false).ok_or_else(too_many)?;
        let blocks = n_titles.div_ceil(BLOCK);
        let chunk = 4096; // blocks per task
        let parts: Vec<(Arena, Vec<u64>)> = (0..blocks.div_ceil(chunk))
            .into_par_iter()
            .map(|c| {
                let mut keys = Arena::default();
                let mut vals = Vec::new();
                for b in c * chunk..((c + 1) * chunk).min(blocks) {
                    let _ = view.walk(b, |j, s, _| {
                        let id = (b * BLOCK + j) as u64;
                        let fold = std::str::from_utf8(s).unwrap_or("").to_lowercase();
                        let loose = loose_of_fold(&fold);
                        let same = loose == fold;
                        keys.push(fold.as_bytes());
                        vals.push(id << 2 | u64::from(same));
                        if !same && !loose.is_empty() {
                            keys.push(loose.as_bytes());
                            vals.push(id | LOOSE_MEMBER);
                        }
                        true
                    });
                }
                (keys, vals)
            })
            .collect();
        let mut keys = Arena::default();
        let mut vals: Vec<u64> = Vec::new();
        for (k, v) in parts {
            keys.append(k);
            vals.extend(v);
        }
        for (i, &e) in kept.iter().zip(&entries) {
            let fold = std::str::from_utf8(kept_keys.get(*i as usize))
                .unwrap_or("")
                .to_lowercase();
            keys.push(fold.as_bytes());
            vals.push(e);
        }
        drop((kept, entries, kept_keys));
        let mut items: Vec<(u64, u32)> = (0..keys.len())
            .into_par_iter()
            .map(|i| (prefix(keys.get(i)), i as u32))
            .collect();
        items.par_sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| keys.get(a.1 as usize).cmp(keys.get(b.1 as usize)))
                .then_with(|| vals[a.1 as usize].cmp(&vals[b.1 as usize]))
        });

        // 4. The fst and its groups.
        let mut map = fst::MapBuilder::memory();
        let mut groups = Vec::new();
        let mut at = 0;
        let (mut cs, mut ls): (Vec<u64>, Vec<u64>) = (Vec::new(), Vec::new());
        while at < items.len() {
            let key = keys.get(items[at].1 as usize);
            cs.clear();
            ls.clear();
            while at < items.len() && keys.get(items[at].1 as usize) == key {
                let v = vals[items[at].1 as usize];
                at += 1;
                let list = if v & LOOSE_MEMBER != 0 {
                    &mut ls
                } else {
                    &mut cs
                };
                let v = v & !LOOSE_MEMBER;
                if list.last() != Some(&v) && list.len() < MAX_GROUP {
                    list.push(v);
                }
            }
            let value = if cs.len() == 1 && ls.is_empty() {
                cs[0] << 1
            } else {
                let off = groups.len() as u64;
                put_varint(&mut groups, cs.len() as u64);
                for &e in &cs {
                    put_varint(&mut groups, e);
                }
                put_varint(&mut groups, ls.len() as u64);
                for &t in &ls {
                    put_varint(&mut groups, t);
                }
                off << 1 | 1
            };
            map.insert(key, value).map_err(io::Error::other)?;
        }
        drop((items, keys, vals));
        let fst_bytes = map.into_inner().map_err(io::Error::other)?;

        // 5. The file.
        let (source_bytes, sources_hash) = write_sources(&sources);
        let body: [&[u8]; SECTIONS] = [
            &fst_bytes,
            &groups,
            &title_store,
            &alias_store,
            &extra_store,
            &source_bytes,
        ];
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for s in body {
            h.update(s);
        }
        let mut header = Vec::with_capacity(HEADER_LEN);
        header.extend_from_slice(MAGIC);
        for w in [
            h.digest(),
            sources_hash,
            n_titles as u64,
            n_aliases as u64,
            n_extra as u64,
            BLOCK as u64,
        ] {
            header.extend_from_slice(&w.to_le_bytes());
        }
        for s in body {
            header.extend_from_slice(&(s.len() as u64).to_le_bytes());
        }
        out.write_all(&header)?;
        for s in body {
            out.write_all(s)?;
        }
        out.flush()?;
        Ok(Built {
            titles: n_titles as u64,
            aliases: n_aliases as u64,
        })
    }
}

/// Build an index in memory from titles and `(alias, target)` redirects.
#[must_use]
pub fn build_bytes(
    titles: impl Iterator<Item = String>,
    aliases: impl Iterator<Item = (String, String)>,
) -> Vec<u8> {
    let mut b = Builder::new();
    for t in titles {
        b.title(&t);
    }
    for (a, t) in aliases {
        b.alias(&a, &t);
    }
    b.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coded(strings: &[&str], values: bool) -> Vec<u8> {
        let mut c = FrontCoder::new();
        for (i, s) in strings.iter().enumerate() {
            c.push(s.as_bytes(), values.then_some(i as u64 * 7));
        }
        c.finish()
    }

    #[test]
    fn front_coding_round_trips_and_finds() {
        let mut v: Vec<String> = (0..100).map(|i| format!("Title {i:03}")).collect();
        v.push("Zebra".into());
        let strings: Vec<&str> = v.iter().map(String::as_str).collect();
        let bytes = coded(&strings, true);
        let fc = FrontCoded::new(&bytes, strings.len() as u64, true).unwrap();
        assert!(fc.validate());
        for (i, s) in strings.iter().enumerate() {
            assert_eq!(fc.get(i), Some(((*s).to_string(), i as u64 * 7)));
            assert_eq!(fc.find(s.as_bytes()), Some((i, i as u64 * 7)));
        }
        assert_eq!(fc.find(b"Title 0005"), None);
        assert_eq!(fc.find(b"A"), None);
        assert_eq!(fc.find(b"Zz"), None);
        assert_eq!(fc.get(strings.len()), None);
    }

    #[test]
    fn damaged_front_coding_is_refused_not_a_panic() {
        let bytes = coded(&["Alpha", "Beta", "Gamma"], false);
        for cut in 0..bytes.len() {
            let short = &bytes[..cut];
            if let Some(fc) = FrontCoded::new(short, 3, false) {
                assert!(!fc.validate());
                let _ = fc.find(b"Beta");
                let _ = fc.get(2);
            }
        }
        let mut flipped = bytes.clone();
        for i in 0..flipped.len() {
            flipped[i] ^= 0xff;
            if let Some(fc) = FrontCoded::new(&flipped, 3, false) {
                let _ = fc.validate();
                let _ = fc.find(b"Gamma");
            }
            flipped[i] ^= 0xff;
        }
    }

    #[test]
    fn varints_round_trip_and_overlong_ones_are_refused() {
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut b = Vec::new();
            put_varint(&mut b, v);
            let mut at = 0;
            assert_eq!(get_varint(&b, &mut at), Some(v));
            assert_eq!(at, b.len());
        }
        assert_eq!(get_varint(&[0xff; 11], &mut 0), None);
        assert_eq!(get_varint(&[0x80], &mut 0), None);
    }

    #[test]
    fn sources_round_trip() {
        let s = vec![SourceRecord {
            path: b"/data/titles.txt".to_vec(),
            size: 12,
            mtime_ns: 99,
            hash: 0xdead_beef,
        }];
        let (bytes, h) = write_sources(&s);
        assert_eq!(read_sources(&bytes), Some(s.clone()));
        assert_ne!(h, write_sources(&[]).1);
        assert_eq!(read_sources(&bytes[..bytes.len() - 1]), None);
    }

    #[test]
    fn the_same_titles_in_any_order_give_the_same_bytes() {
        let titles: Vec<String> = (0..5000)
            .map(|i| format!("Title {} ({})", i % 977, i % 13))
            .collect();
        let aliases = || {
            (0..50).map(|i| {
                (
                    format!("Alias {i}"),
                    format!("Title {} ({})", i % 977, i % 13),
                )
            })
        };
        let a = build_bytes(titles.iter().cloned(), aliases());
        let b = build_bytes(titles.iter().rev().cloned(), aliases());
        assert_eq!(a, b);
        assert_eq!(a, build_bytes(titles.into_iter(), aliases()));
    }

    #[test]
    fn header_checks_magic_version_and_lengths() {
        assert!(Header::read(b"ENCYIDX2").is_err());
        let bytes = build_bytes(["A"].into_iter().map(String::from), std::iter::empty());
        assert!(Header::read(&bytes).is_ok());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Header::read(&longer).unwrap_err().contains("corrupt"));
        let mut old = bytes.clone();
        old[7] = b'1';
        assert!(Header::read(&old).unwrap_err().contains("ENCYIDX1"));
        assert!(Header::read(b"PK\x03\x04").unwrap_err().contains("magic"));
    }
}
