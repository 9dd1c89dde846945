//! The index file: its header, its sections, and building it.
//!
//! ```text
//! "ENCYIDX5"  12 × u64 (little endian): checksum, sources hash, titles, aliases, extra targets,
//!             block size, fst keys, then the byte length of each section below, in order
//! fst         every key (a title's fold key, a redirect's fold key, a title's loose key
//!             when it differs), cut short (see below) → its rank: 0, 1, 2, ... in key
//!             order; as parts of `FST_PART` keys in key order (u64 count, u64 byte length
//!             of each, then each part's fst), built side by side
//! records     one record per fst key, in rank order, each after its key's tail, with a
//!             table of offsets (u64 each) of every 16th record
//! aliases     the redirect keys, sorted, front-coded, each with its target id
//! extra       redirect targets that are not titles, sorted, front-coded
//! sources     the files the index was built from: path, size, mtime, xxh3 of the bytes
//! ```
//!
//! Keys are cut short in the fst: it holds each key up to and with the first byte that
//! tells it from both of its neighbours in key order (the whole key when it is the prefix
//! of another), and the rest, the key's *tail*, is written before its record (`varint
//! length`, then the bytes). No other key starts with the bytes the fst holds of a key
//! with a tail, so a lookup walks the fst along its key, and at a final node compares
//! the rest of its key with that node's tail. The fst is then a trie of the keys'
//! distinguishing prefixes: a quarter of the nodes of the whole keys on titles, and so
//! about a quarter of the builder's work (the longest pass of a build).
//!
//! The canonical titles are not stored as text: a title is its fold key (the fst key of its
//! record) with some letters upper-cased, written as a *member* of the record: one varint
//! `n << 3 | first << 2 | 0 << 1 | loose`, `first` when the first character is upper-cased,
//! then `n` more character indices to upper-case, as gaps (`index - previous - 1`); a title
//! that is not its fold key with letters upper-cased (a `ß`, a `ǅ`, a fold that changes the
//! length) is written in full: `len << 3 | 1 << 1 | loose`, then its bytes. `loose` says
//! that the title's loose key is its fold key (so the same fst key serves did-you-mean).
//!
//! A record is either one title and nothing else, `member word << 1` then the member's
//! rest (most records: `Quantum mechanics` is one byte, `10`), or
//! `titles << 2 | more << 1 | 1`, the title members in title-key order, and when `more`:
//! a count and the target ids of the redirects whose fold key this is, then a count and
//! the title ids of the titles whose loose key (only) this is. A *title id* is
//! `rank << 8 | j`, the `j`-th title member of record `rank` (at most 255 are kept per
//! key); a *target id* is `title id << 1`, or `extra << 1 | 1` for the `extra`-th
//! redirect target that is not a title. From an id, the title is found by walking the
//! fst from its root to the key whose value is the rank (the values grow with the keys,
//! so each step takes the last transition whose output does not pass the rank), and
//! adding the record's tail.
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
use super::normalize::{
    ascii_title_key_into, fold_append, loose_is_fold_ascii, loose_of_fold, title_key,
};

/// The first bytes of an index file (the format version is its last byte).
pub const MAGIC: &[u8; 8] = b"ENCYIDX5";
/// What every format's magic starts with.
pub(crate) const MAGIC_STEM: &[u8; 7] = b"ENCYIDX";
const WORDS: usize = 7 + SECTIONS;
pub(crate) const HEADER_LEN: usize = 8 + WORDS * 8;
/// Keys per part of the fst section (see the module's documentation).
pub(crate) const FST_PART: usize = 1 << 19;
/// Strings per front-coded block.
pub(crate) const BLOCK: usize = 16;
/// Records per block of the records section's offset table.
pub(crate) const RECORDS_BLOCK: usize = 16;
/// The sections after the header, in file order.
pub(crate) const SECTIONS: usize = 5;

/// The header of an index file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Header {
    pub checksum: u64,
    pub sources_hash: u64,
    pub titles: u64,
    pub aliases: u64,
    pub extra: u64,
    /// Keys of the fst (and records).
    pub keys: u64,
    /// `(start, end)` of fst, records, aliases, extra, sources.
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
            let len = usize::try_from(word(7 + i)).map_err(|_| "corrupt index header")?;
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
            keys: word(6),
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
    /// Room for `bytes` of strings of about 20 bytes each.
    pub(crate) fn reserve(&mut self, bytes: usize) {
        self.data.reserve(bytes);
        self.ends.reserve(bytes / 20);
    }
    pub(crate) fn append(&mut self, other: Self) {
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
    sorted_by(keys, |_, _| Ordering::Equal)
}

/// Indices of `keys` sorted by key, then by `then` of two indices, then by
/// index. The first eight bytes of each key are compared as one number first.
fn sorted_by(keys: &Arena, then: impl Fn(usize, usize) -> Ordering + Sync) -> Vec<u32> {
    let mut pairs: Vec<(u64, u32)> = (0..keys.len())
        .into_par_iter()
        .map(|i| (prefix(keys.get(i)), i as u32))
        .collect();
    pairs.par_sort_unstable_by(|a, b| {
        let (i, j) = (a.1 as usize, b.1 as usize);
        a.0.cmp(&b.0)
            .then_with(|| keys.get(i).cmp(keys.get(j)))
            .then_with(|| then(i, j))
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
pub struct Builder {
    titles: Arena,
    alias_keys: Arena,
    alias_targets: Arena,
    sources: Vec<SourceRecord>,
    /// Keys per fst part ([`FST_PART`]; smaller in tests, to have several).
    fst_part: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            titles: Arena::default(),
            alias_keys: Arena::default(),
            alias_targets: Arena::default(),
            sources: Vec::new(),
            fst_part: FST_PART,
        }
    }
}

/// Add the title key of `t` (as written) to `out`, unless it is blank.
pub(crate) fn push_title(out: &mut Arena, t: &str) {
    if t.is_ascii() {
        ascii_title_key_into(t.as_bytes(), &mut out.data);
        if out.data.len() > out.ends.last().copied().unwrap_or(0) {
            out.ends.push(out.data.len());
        }
        return;
    }
    let k = title_key(t);
    if !k.is_empty() {
        out.push(k.as_bytes());
    }
}

/// The fold key of a title key (see [`fold_append`]) as the next string of `out`.
fn fold_bytes(s: &[u8], out: &mut Arena) {
    fold_append(s, &mut out.data);
    out.ends.push(out.data.len());
}

/// The fold keys of every string of `keys`, in the same order (in parallel).
fn folds_of(keys: &Arena) -> Arena {
    let n = keys.len();
    let chunk = 1 << 16;
    let parts: Vec<Arena> = (0..n.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let mut a = Arena::default();
            for i in c * chunk..((c + 1) * chunk).min(n) {
                fold_bytes(keys.get(i), &mut a);
            }
            a
        })
        .collect();
    let mut out = Arena::default();
    out.data.reserve(keys.data.len());
    out.ends.reserve(n);
    for p in parts {
        out.append(p);
    }
    out
}

/// The strings of `titles` in `order`, each once (equal titles are next to
/// each other in `order`), copied in parallel; and the index of each one kept.
fn gather_unique(titles: &Arena, order: &[u32]) -> (Arena, Vec<u32>) {
    let chunk = 1 << 16;
    let parts: Vec<(Arena, Vec<u32>)> = order
        .par_chunks(chunk)
        .enumerate()
        .map(|(c, ids)| {
            let (mut t, mut kept) = (Arena::default(), Vec::with_capacity(ids.len()));
            let mut prev = (c > 0).then(|| titles.get(order[c * chunk - 1] as usize));
            for &i in ids {
                let title = titles.get(i as usize);
                if prev != Some(title) {
                    t.push(title);
                    kept.push(i);
                }
                prev = Some(title);
            }
            (t, kept)
        })
        .collect();
    let mut t = Arena::default();
    t.data.reserve(parts.iter().map(|p| p.0.data.len()).sum());
    t.ends.reserve(parts.iter().map(|p| p.0.len()).sum());
    let mut kept = Vec::with_capacity(order.len());
    for (pt, pk) in parts {
        t.append(pt);
        kept.extend(pk);
    }
    (t, kept)
}

/// The strings of `keys` at `ids`, in that order, copied in parallel.
fn gather(keys: &Arena, ids: &[u32]) -> Arena {
    let parts: Vec<Arena> = ids
        .par_chunks(1 << 16)
        .map(|ids| {
            let mut a = Arena::default();
            for &i in ids {
                a.push(keys.get(i as usize));
            }
            a
        })
        .collect();
    let mut out = Arena::default();
    out.data.reserve(parts.iter().map(|p| p.data.len()).sum());
    out.ends.reserve(ids.len());
    for p in parts {
        out.append(p);
    }
    out
}

/// The single character `c` upper-cases to, if it is one.
pub(crate) fn upper1(c: char) -> Option<char> {
    let mut u = c.to_uppercase();
    match (u.next(), u.next()) {
        (Some(x), None) => Some(x),
        _ => None,
    }
}

/// The character indices of `fold` to upper-case to write `title`, in
/// `ups`; `false` when `title` is not `fold` with some letters upper-cased.
pub(crate) fn case_edit(title: &[u8], fold: &[u8], ups: &mut Vec<usize>) -> bool {
    ups.clear();
    if title.is_ascii() && fold.is_ascii() {
        if title.len() != fold.len() {
            return false;
        }
        for (i, (&t, &f)) in title.iter().zip(fold).enumerate() {
            if t != f {
                if f.is_ascii_lowercase() && t == f.to_ascii_uppercase() {
                    ups.push(i);
                } else {
                    return false;
                }
            }
        }
        return true;
    }
    let (Ok(title), Ok(fold)) = (std::str::from_utf8(title), std::str::from_utf8(fold)) else {
        return false;
    };
    let mut tc = title.chars();
    for (i, f) in fold.chars().enumerate() {
        let Some(t) = tc.next() else {
            return false;
        };
        if t != f {
            if upper1(f) == Some(t) {
                ups.push(i);
            } else {
                return false;
            }
        }
    }
    tc.next().is_none()
}

/// How many bytes of `key` the fst holds: up to and with the first byte that
/// tells it from both neighbours (`prev` before it, `next` after it, in key
/// order), or all of it when it is a prefix of `next`. No other key starts with
/// the bytes kept unless they are the whole key.
fn cut_of(prev: &[u8], key: &[u8], next: &[u8]) -> usize {
    let common = |a: &[u8], b: &[u8]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
    (common(prev, key).max(common(key, next)) + 1).min(key.len())
}

/// The tail of a record (the bytes of its key past the fst's cut), moving `*at` past it.
pub(crate) fn read_tail<'a>(data: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let n = get_len(data, at)?;
    let tail = data.get(*at..at.checked_add(n)?)?;
    *at += n;
    Some(tail)
}

/// Write one title member of a record: how the title is spelt from its key.
fn put_member(
    out: &mut Vec<u8>,
    title: &[u8],
    fold: &[u8],
    loose_same: bool,
    ups: &mut Vec<usize>,
) {
    let flag = u64::from(loose_same);
    if case_edit(title, fold, ups) {
        let first = ups.first() == Some(&0);
        let rest = &ups[usize::from(first)..];
        put_varint(out, (rest.len() as u64) << 3 | u64::from(first) << 2 | flag);
        let mut prev = 0;
        for &p in rest {
            put_varint(out, (p - prev - 1) as u64);
            prev = p;
        }
    } else {
        put_varint(out, (title.len() as u64) << 3 | 0b10 | flag);
        out.extend_from_slice(title);
    }
}

/// A title member of a record, decoded against its key: the title (when a
/// key is given) and whether its loose key is its fold key.
pub(crate) fn read_member(
    data: &[u8],
    at: &mut usize,
    key: Option<&[u8]>,
) -> Option<(Option<String>, bool)> {
    let m = get_varint(data, at)?;
    member_body(m, data, at, key)
}

/// The rest of a title member after its word `m`.
fn member_body(
    m: u64,
    data: &[u8],
    at: &mut usize,
    key: Option<&[u8]>,
) -> Option<(Option<String>, bool)> {
    let loose_same = m & 1 != 0;
    let n = usize::try_from(m >> 3).ok()?;
    if m & 0b10 != 0 {
        let raw = data.get(*at..at.checked_add(n)?)?;
        *at += n;
        let s = key.map(|_| String::from_utf8_lossy(raw).into_owned());
        return Some((s, loose_same));
    }
    let Some(key) = key else {
        for _ in 0..n {
            get_varint(data, at)?;
        }
        return Some((None, loose_same));
    };
    let key = std::str::from_utf8(key).ok()?;
    // The character indices to upper-case, in order.
    let mut ups = Vec::with_capacity(n + 1);
    if m & 0b100 != 0 {
        ups.push(0usize);
    }
    let mut prev = 0usize;
    for _ in 0..n {
        let g = usize::try_from(get_varint(data, at)?).ok()?;
        prev = prev.checked_add(g)?.checked_add(1)?;
        ups.push(prev);
    }
    let mut out = String::with_capacity(key.len() + 2);
    let mut next = ups.iter().copied().peekable();
    for (i, c) in key.chars().enumerate() {
        if next.peek() == Some(&i) {
            next.next();
            out.push(upper1(c)?);
        } else {
            out.push(c);
        }
    }
    if next.peek().is_some() {
        return None;
    }
    Some((Some(out), loose_same))
}

/// One record of the records section, decoded.
#[derive(Default, Debug)]
pub(crate) struct Record {
    /// The titles whose fold key is the key, each with whether its loose key is the same.
    pub titles: Vec<(String, bool)>,
    /// Target ids of the redirects whose fold key is the key.
    pub aliases: Vec<u64>,
    /// Title ids of titles whose loose key (only) is the key.
    pub loose: Vec<u64>,
}

/// Read the record at `*at`; titles are decoded against `key` when given.
pub(crate) fn read_record(data: &[u8], at: &mut usize, key: Option<&[u8]>) -> Option<Record> {
    let mut rec = Record::default();
    let x = get_varint(data, at)?;
    let mut push = |t: Option<(Option<String>, bool)>| -> Option<()> {
        let (s, same) = t?;
        if let Some(s) = s {
            rec.titles.push((s, same));
        }
        Some(())
    };
    if x & 1 == 0 {
        // One title and nothing else: its member word, shifted.
        let mut at2 = *at;
        push(member_body(x >> 1, data, &mut at2, key))?;
        *at = at2;
        return Some(rec);
    }
    let n_titles = x >> 2;
    for _ in 0..n_titles.min(MAX_GROUP as u64 + 1) {
        push(read_member(data, at, key))?;
    }
    if n_titles > MAX_GROUP as u64 + 1 {
        return None;
    }
    if x & 0b10 != 0 {
        for list in [&mut rec.aliases, &mut rec.loose] {
            let n = get_varint(data, at)?;
            if n > MAX_GROUP as u64 {
                return None;
            }
            for _ in 0..n {
                list.push(get_varint(data, at)?);
            }
        }
    }
    Some(rec)
}

/// Skip the record at `*at`, its tail first.
pub(crate) fn skip_record(data: &[u8], at: &mut usize) -> Option<()> {
    read_tail(data, at)?;
    read_record(data, at, None).map(|_| ())
}

impl Builder {
    /// An empty builder.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a title (as written; blank ones are ignored).
    pub fn title(&mut self, t: &str) {
        push_title(&mut self.titles, t);
    }

    /// Add the titles of `keys`, made by [`push_title`] (on other threads).
    pub(crate) fn title_keys(&mut self, keys: Arena) {
        self.titles.append(keys);
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
    #[allow(clippy::too_many_lines)]
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
            fst_part,
        } = self;

        // 1. The titles, by fold key then title key, unique.
        let folds = folds_of(&titles);
        let order = sorted_by(&folds, |i, j| titles.get(i).cmp(titles.get(j)));
        // Copied in that order without duplicates, so that every later pass reads
        // them front to back instead of jumping about the input.
        let (sorted_titles, kept_ids) = gather_unique(&titles, &order);
        drop((titles, order));
        let sorted_folds = gather(&folds, &kept_ids);
        drop((folds, kept_ids));
        let (titles, folds) = (sorted_titles, sorted_folds);
        let n_titles = titles.len();
        // The position of a title key with fold key `fold`.
        let find_title = |fold: &[u8], key: &[u8]| -> Option<usize> {
            let (mut lo, mut hi) = (0, n_titles);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                match folds
                    .get(mid)
                    .cmp(fold)
                    .then_with(|| titles.get(mid).cmp(key))
                {
                    Ordering::Less => lo = mid + 1,
                    Ordering::Greater => hi = mid,
                    Ordering::Equal => return Some(mid),
                }
            }
            None
        };

        // 2. Loose keys that differ from the fold key.
        let chunk = 1 << 15;
        let loose_parts: Vec<(Arena, Vec<u32>, Vec<bool>)> = (0..n_titles.div_ceil(chunk))
            .into_par_iter()
            .map(|c| {
                let (mut keys, mut who, mut same) = (Arena::default(), Vec::new(), Vec::new());
                for p in c * chunk..((c + 1) * chunk).min(n_titles) {
                    let fold = std::str::from_utf8(folds.get(p)).unwrap_or("");
                    if loose_is_fold_ascii(fold) == Some(true) {
                        same.push(true);
                        continue;
                    }
                    let loose = loose_of_fold(fold);
                    let s = loose == fold;
                    same.push(s);
                    if !s && !loose.is_empty() {
                        keys.push(loose.as_bytes());
                        who.push(p as u32);
                    }
                }
                (keys, who, same)
            })
            .collect();
        let mut loose_keys = Arena::default();
        let mut loose_who: Vec<u32> = Vec::new();
        let mut loose_same: Vec<bool> = Vec::with_capacity(n_titles);
        for (k, w, s) in loose_parts {
            loose_keys.append(k);
            loose_who.extend(w);
            loose_same.extend(s);
        }
        let loose_order: Vec<u32> = {
            let mut o: Vec<u32> = (0..loose_keys.len() as u32).collect();
            o.par_sort_unstable_by(|&a, &b| {
                loose_keys
                    .get(a as usize)
                    .cmp(loose_keys.get(b as usize))
                    .then(loose_who[a as usize].cmp(&loose_who[b as usize]))
            });
            o
        };

        // 3. Redirects: a title always wins over a redirect of the same name.
        let alias_folds = folds_of(&alias_keys);
        let target_folds = folds_of(&alias_targets);
        // The kept redirects, each with the position of its target among the titles
        // (u32::MAX: an extra target).
        let (kept, target): (Vec<u32>, Vec<u32>) = (0..alias_keys.len())
            .into_par_iter()
            .filter(|&i| find_title(alias_folds.get(i), alias_keys.get(i)).is_none())
            .map(|i| {
                let t = find_title(target_folds.get(i), alias_targets.get(i));
                (i as u32, t.map_or(u32::MAX, |p| p as u32))
            })
            .unzip();
        drop(target_folds);
        let mut extra_keys = Arena::default();
        for (&i, _) in kept.iter().zip(&target).filter(|(_, t)| **t == u32::MAX) {
            extra_keys.push(alias_targets.get(i as usize));
        }
        let mut extra_order = sorted(&extra_keys);
        extra_order.dedup_by(|a, b| extra_keys.get(*a as usize) == extra_keys.get(*b as usize));
        let mut coder = FrontCoder::new();
        for &i in &extra_order {
            coder.push(extra_keys.get(i as usize), None);
        }
        let extra_store = coder.finish();
        let n_extra = extra_order.len();
        // Kept redirects by fold key (then name, then input order).
        let mut by_fold: Vec<u32> = (0..kept.len() as u32).collect();
        by_fold.par_sort_unstable_by(|&a, &b| {
            let (ia, ib) = (kept[a as usize] as usize, kept[b as usize] as usize);
            alias_folds
                .get(ia)
                .cmp(alias_folds.get(ib))
                .then_with(|| alias_keys.get(ia).cmp(alias_keys.get(ib)))
                .then(a.cmp(&b))
        });

        // 4. The fst keys, in order: each a run of titles (by fold key), of
        // redirects (by fold key) and of loose-only titles (by loose key).
        // A key's rank is its fst value; title ids are `rank << 8 | j`.
        let key_of = |g: (usize, usize, usize)| -> Option<&[u8]> {
            let mut best: Option<&[u8]> = None;
            for k in [
                (g.0 < n_titles).then(|| folds.get(g.0)),
                by_fold
                    .get(g.1)
                    .map(|&a| alias_folds.get(kept[a as usize] as usize)),
                loose_order.get(g.2).map(|&l| loose_keys.get(l as usize)),
            ]
            .into_iter()
            .flatten()
            {
                if best.is_none_or(|b| k < b) {
                    best = Some(k);
                }
            }
            best
        };
        // Group ends (exclusive) in the three runs.
        let mut groups: Vec<[u32; 3]> = Vec::new();
        let mut title_id: Vec<u64> = vec![u64::MAX; n_titles];
        let mut at = (0usize, 0usize, 0usize);
        while let Some(key) = key_of(at) {
            let rank = groups.len() as u64;
            let start = at.0;
            while at.0 < n_titles && folds.get(at.0) == key {
                let j = at.0 - start;
                if j < MAX_GROUP {
                    title_id[at.0] = rank << 8 | j as u64;
                }
                at.0 += 1;
            }
            while at.1 < by_fold.len()
                && alias_folds.get(kept[by_fold[at.1] as usize] as usize) == key
            {
                at.1 += 1;
            }
            while at.2 < loose_order.len() && loose_keys.get(loose_order[at.2] as usize) == key {
                at.2 += 1;
            }
            groups.push([at.0 as u32, at.1 as u32, at.2 as u32]);
        }
        if groups.len() as u64 >= 1 << 55 {
            return Err(too_many());
        }
        // Target ids: `title id << 1`, or `extra << 1 | 1`.
        let target_id = |k: usize| -> Option<u64> {
            let t = target[k];
            if t == u32::MAX {
                let key = alias_targets.get(kept[k] as usize);
                let pos = extra_order
                    .binary_search_by(|&e| extra_keys.get(e as usize).cmp(key))
                    .ok()?;
                Some((pos as u64) << 1 | 1)
            } else {
                let id = title_id[t as usize];
                (id != u64::MAX).then_some(id << 1)
            }
        };

        // 5. The redirect store: names sorted, the first redirect of a name wins.
        let mut kept_keys = Arena::default();
        for &i in &kept {
            kept_keys.push(alias_keys.get(i as usize));
        }
        let mut alias_order = sorted(&kept_keys);
        alias_order.dedup_by(|a, b| kept_keys.get(*a as usize) == kept_keys.get(*b as usize));
        let mut coder = FrontCoder::new();
        let mut n_aliases = 0;
        for &k in &alias_order {
            if let Some(t) = target_id(k as usize) {
                coder.push(kept_keys.get(k as usize), Some(t));
                n_aliases += 1;
            }
        }
        let alias_store = coder.finish();
        drop((alias_order, kept_keys));

        // 6. Where each key is cut: the fst holds a key up to the first byte that
        // tells it from both its neighbours, its record the rest (its tail).
        let n_keys = groups.len();
        let key_at = |g: usize| -> &[u8] {
            let prev = if g == 0 { [0; 3] } else { groups[g - 1] };
            key_of((prev[0] as usize, prev[1] as usize, prev[2] as usize)).unwrap_or(b"")
        };
        let mut cuts: Vec<u32> = vec![0; n_keys];
        cuts.par_chunks_mut(1 << 16)
            .enumerate()
            .for_each(|(c, cuts)| {
                let lo = c << 16;
                let mut prev: &[u8] = if lo == 0 { b"" } else { key_at(lo - 1) };
                let mut key = key_at(lo);
                for (g, cut) in (lo..).zip(cuts.iter_mut()) {
                    let next: &[u8] = if g + 1 < n_keys { key_at(g + 1) } else { b"" };
                    *cut = u32::try_from(cut_of(prev, key, next)).unwrap_or(u32::MAX);
                    (prev, key) = (key, next);
                }
            });

        // 7. The fst (in parts) and the records, side by side.
        let record_of = |g: usize, out: &mut Vec<u8>, ups: &mut Vec<usize>, ids: &mut Vec<u64>| {
            let prev = if g == 0 { [0; 3] } else { groups[g - 1] };
            let end = groups[g];
            let (t0, t1) = (prev[0] as usize, end[0] as usize);
            let t1 = t1.min(t0 + MAX_GROUP);
            let key = key_of((t0, prev[1] as usize, prev[2] as usize)).unwrap_or(b"");
            let tail = key.get(cuts[g] as usize..).unwrap_or(b"");
            put_varint(out, tail.len() as u64);
            out.extend_from_slice(tail);
            let has_more = end[1] > prev[1] || end[2] > prev[2];
            if t1 - t0 == 1 && !has_more {
                let mut m = Vec::with_capacity(16);
                let p = t0;
                put_member(&mut m, titles.get(p), key, loose_same[p], ups);
                let mut a = 0;
                let word = get_varint(&m, &mut a).unwrap_or(0);
                put_varint(out, word << 1);
                out.extend_from_slice(&m[a..]);
                return;
            }
            put_varint(out, ((t1 - t0) as u64) << 2 | u64::from(has_more) << 1 | 1);
            for (p, &same) in loose_same.iter().enumerate().take(t1).skip(t0) {
                put_member(out, titles.get(p), key, same, ups);
            }
            if has_more {
                ids.clear();
                for k in prev[1]..end[1] {
                    if let Some(t) = target_id(by_fold[k as usize] as usize)
                        && ids.last() != Some(&t)
                    {
                        ids.push(t);
                    }
                }
                ids.sort_unstable();
                ids.dedup();
                ids.truncate(MAX_GROUP);
                put_varint(out, ids.len() as u64);
                for &t in ids.iter() {
                    put_varint(out, t);
                }
                ids.clear();
                for l in prev[2]..end[2] {
                    let p = loose_who[loose_order[l as usize] as usize] as usize;
                    if title_id[p] != u64::MAX {
                        ids.push(title_id[p]);
                    }
                }
                ids.sort_unstable();
                ids.dedup();
                ids.truncate(MAX_GROUP);
                put_varint(out, ids.len() as u64);
                for &t in ids.iter() {
                    put_varint(out, t);
                }
            }
        };
        // The fst in parts of `fst_part` keys, each built on its own thread: the
        // fst builder is sequential and was the longest pass of a large build.
        // A part's values are the keys' global ranks.
        let build_fst = || -> io::Result<Vec<u8>> {
            let n = groups.len();
            let part = fst_part.max(1);
            let parts: Vec<Vec<u8>> = (0..n.div_ceil(part).max(1))
                .into_par_iter()
                .map(|p| -> io::Result<Vec<u8>> {
                    let (lo, hi) = (p * part, ((p + 1) * part).min(n));
                    let mut map = fst::MapBuilder::new(Vec::new()).map_err(io::Error::other)?;
                    let mut prev = if lo == 0 { [0u32; 3] } else { groups[lo - 1] };
                    for (rank, g) in groups.iter().enumerate().take(hi).skip(lo) {
                        let key = key_of((prev[0] as usize, prev[1] as usize, prev[2] as usize))
                            .unwrap_or(b"");
                        let key = key.get(..cuts[rank] as usize).unwrap_or(key);
                        map.insert(key, rank as u64).map_err(io::Error::other)?;
                        prev = *g;
                    }
                    map.into_inner().map_err(io::Error::other)
                })
                .collect::<io::Result<_>>()?;
            let mut section =
                Vec::with_capacity(8 + parts.len() * 8 + parts.iter().map(Vec::len).sum::<usize>());
            section.extend_from_slice(&(parts.len() as u64).to_le_bytes());
            for part in &parts {
                section.extend_from_slice(&(part.len() as u64).to_le_bytes());
            }
            for part in parts {
                section.extend_from_slice(&part);
            }
            Ok(section)
        };
        let build_records = || -> Vec<u8> {
            let n = groups.len();
            let chunk = RECORDS_BLOCK * 1024;
            let parts: Vec<(Vec<u64>, Vec<u8>)> = (0..n.div_ceil(chunk))
                .into_par_iter()
                .map(|c| {
                    let (mut offs, mut data) = (Vec::new(), Vec::new());
                    let (mut ups, mut ids) = (Vec::new(), Vec::new());
                    for g in c * chunk..((c + 1) * chunk).min(n) {
                        if g % RECORDS_BLOCK == 0 {
                            offs.push(data.len() as u64);
                        }
                        record_of(g, &mut data, &mut ups, &mut ids);
                    }
                    (offs, data)
                })
                .collect();
            let blocks = n.div_ceil(RECORDS_BLOCK);
            let mut table = Vec::with_capacity(blocks * 8);
            let mut base = 0u64;
            for (offs, data) in &parts {
                for o in offs {
                    table.extend_from_slice(&(o + base).to_le_bytes());
                }
                base += data.len() as u64;
            }
            for (_, data) in parts {
                table.extend_from_slice(&data);
            }
            table
        };
        let (fst_bytes, records) = rayon::join(build_fst, build_records);
        let fst_bytes = fst_bytes?;
        drop((groups, cuts, title_id, folds, titles));

        // 8. The file.
        let (source_bytes, sources_hash) = write_sources(&sources);
        let body: [&[u8]; SECTIONS] = [
            &fst_bytes,
            &records,
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
            n_keys as u64,
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
    build_bytes_in_parts(titles, aliases, FST_PART)
}

/// [`build_bytes`] with fst parts of `fst_part` keys (tests use small ones).
pub(crate) fn build_bytes_in_parts(
    titles: impl Iterator<Item = String>,
    aliases: impl Iterator<Item = (String, String)>,
    fst_part: usize,
) -> Vec<u8> {
    let mut b = Builder::new();
    b.fst_part = fst_part;
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
    fn titles_are_case_edits_of_their_fold_keys_or_written_in_full() {
        let mut ups = Vec::new();
        for (title, full) in [
            ("Quantum", false),
            ("NATO summit", false),
            ("Éric Rohmer", false),
            ("ßeta", false),
            ("İstanbul", true),
            ("ǅemal", true),
            ("1917", false),
        ] {
            let fold = title.to_lowercase();
            assert_eq!(
                !case_edit(title.as_bytes(), fold.as_bytes(), &mut ups),
                full,
                "{title}"
            );
            for same in [false, true] {
                let mut rec = Vec::new();
                put_member(&mut rec, title.as_bytes(), fold.as_bytes(), same, &mut ups);
                let mut at = 0;
                let got = read_member(&rec, &mut at, Some(fold.as_bytes()));
                assert_eq!(got, Some((Some(title.to_string()), same)));
                assert_eq!(at, rec.len());
            }
        }
        let mut rec = Vec::new();
        put_member(&mut rec, b"Quantum", b"quantum", true, &mut ups);
        assert_eq!(rec, [0b101], "one byte for the commonest title");
    }

    #[test]
    fn header_checks_magic_version_and_lengths() {
        assert!(Header::read(b"ENCYIDX5").is_err());
        let bytes = build_bytes(["A"].into_iter().map(String::from), std::iter::empty());
        assert!(Header::read(&bytes).is_ok());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Header::read(&longer).unwrap_err().contains("corrupt"));
        let mut old = bytes.clone();
        old[7] = b'1';
        assert!(Header::read(&old).unwrap_err().contains("ENCYIDX1"));
        old[7] = b'2';
        let e = Header::read(&old).unwrap_err();
        assert!(e.contains("ENCYIDX2") && e.contains("rebuild it"), "{e}");
        old[7] = b'3';
        let e = Header::read(&old).unwrap_err();
        assert!(e.contains("ENCYIDX3") && e.contains("ENCYIDX5"), "{e}");
        old[7] = b'4';
        let e = Header::read(&old).unwrap_err();
        assert!(e.contains("ENCYIDX4") && e.contains("rebuild it"), "{e}");
        assert!(Header::read(b"PK\x03\x04").unwrap_err().contains("magic"));
    }
}
