//! The index file: building it, and reading its header and string table.
//!
//! ```text
//! "ENCYIDX1"  map_len:u64  strings_len:u64  titles:u64  aliases:u64   (little endian)
//! fst map (map_len bytes)
//! string table (strings_len bytes): varint length + UTF-8, each canonical title once
//! ```
//! The same bytes serve an in-memory layer and a memory-mapped file.
//!
//! Building sorts every key once. Keys and values live in flat arenas rather
//! than one `String` each, so 7 million titles and 10 million redirects build
//! in a few GB at most; loading a built index reads only the header.

use std::collections::HashMap;
use std::io::{self, Seek, SeekFrom, Write};

use super::normalize::{fold_key, loose_key, title_key};
use super::{ALIAS_FLAG, MAX_GROUP};

/// The first bytes of an index file.
pub const MAGIC: &[u8; 8] = b"ENCYIDX1";
const HEADER_LEN: usize = 8 + 4 * 8;

/// Where the parts of an index are.
pub(crate) struct Header {
    pub map_start: usize,
    pub map_end: usize,
    pub strings_end: usize,
    pub titles: u64,
    pub aliases: u64,
}

impl Header {
    pub(crate) fn read(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err("not an encyclint title index (bad magic bytes)".into());
        }
        let word = |i: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[8 + i * 8..16 + i * 8]);
            u64::from_le_bytes(b)
        };
        let map_len = usize::try_from(word(0)).map_err(|_| "index too large".to_string())?;
        let strings_len = usize::try_from(word(1)).map_err(|_| "index too large".to_string())?;
        let map_end = HEADER_LEN
            .checked_add(map_len)
            .ok_or("corrupt index header")?;
        let strings_end = map_end
            .checked_add(strings_len)
            .ok_or("corrupt index header")?;
        if strings_end != bytes.len() {
            return Err(format!(
                "truncated or corrupt index: header says {strings_end} bytes, file has {}",
                bytes.len()
            ));
        }
        Ok(Self {
            map_start: HEADER_LEN,
            map_end,
            strings_end,
            titles: word(2),
            aliases: word(3),
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

/// The string at `offset` of a string table; empty when out of range.
pub(crate) fn read_string(table: &[u8], offset: u64) -> &str {
    let Ok(mut i) = usize::try_from(offset) else {
        return "";
    };
    let mut len = 0usize;
    let mut shift = 0;
    loop {
        let Some(&b) = table.get(i) else { return "" };
        i += 1;
        len |= usize::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
        if shift > 28 {
            return "";
        }
    }
    table
        .get(i..i.saturating_add(len))
        .and_then(|s| std::str::from_utf8(s).ok())
        .unwrap_or("")
}

fn write_string(table: &mut Vec<u8>, s: &str) -> u64 {
    let off = table.len() as u64;
    let mut len = s.len();
    loop {
        let b = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            table.push(b);
            break;
        }
        table.push(b | 0x80);
    }
    table.extend_from_slice(s.as_bytes());
    off
}

/// Many strings in one buffer.
#[derive(Default)]
struct Arena {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Arena {
    fn push(&mut self, s: &[u8]) {
        self.data.extend_from_slice(s);
        self.ends.push(self.data.len());
    }
    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }
    fn len(&self) -> usize {
        self.ends.len()
    }
    fn str(&self, i: usize) -> &str {
        std::str::from_utf8(self.get(i)).unwrap_or("")
    }
}

/// Keys with values, sorted before they go into the map.
#[derive(Default)]
struct Group {
    keys: Arena,
    vals: Vec<u64>,
}

impl Group {
    fn push(&mut self, key: &[u8], val: u64) {
        self.keys.push(key);
        self.vals.push(val);
    }

    /// Sorted by key then value, duplicates removed; for `E` keys only the
    /// first value of a key is kept, for grouped keys an ordinal byte is appended.
    fn insert_into<W: Write>(
        self,
        map: &mut fst::MapBuilder<W>,
        grouped: bool,
    ) -> Result<(), fst::Error> {
        let mut order: Vec<u32> = (0..u32::try_from(self.keys.len()).unwrap_or(u32::MAX)).collect();
        order.sort_by(|&a, &b| {
            (self.keys.get(a as usize), self.vals[a as usize])
                .cmp(&(self.keys.get(b as usize), self.vals[b as usize]))
        });
        let mut last: Option<(&[u8], u64)> = None;
        let mut ordinal = 0usize;
        let mut key = Vec::new();
        for i in order {
            let (k, v) = (self.keys.get(i as usize), self.vals[i as usize]);
            let same_key = last.is_some_and(|(lk, _)| lk == k);
            if same_key && (!grouped || last.is_some_and(|(_, lv)| lv == v)) {
                continue;
            }
            ordinal = if same_key { ordinal + 1 } else { 0 };
            last = Some((k, v));
            if grouped {
                if ordinal >= MAX_GROUP {
                    continue;
                }
                key.clear();
                key.extend_from_slice(k);
                key.push(0);
                key.push(u8::try_from(ordinal).unwrap_or(u8::MAX));
                map.insert(&key, v)?;
            } else {
                map.insert(k, v)?;
            }
        }
        Ok(())
    }
}

/// Build an index into `out` (which must be positioned at its start) from
/// titles and `(alias, target)` redirects; returns (titles, aliases) kept.
///
/// # Errors
/// Write errors.
pub fn build_into<W: Write + Seek>(
    titles: impl Iterator<Item = String>,
    aliases: impl Iterator<Item = (String, String)>,
    mut out: W,
) -> io::Result<(u64, u64)> {
    // Unique title keys, sorted.
    let mut raw = Arena::default();
    for t in titles {
        let k = title_key(&t);
        if !k.is_empty() {
            raw.push(k.as_bytes());
        }
    }
    let mut order: Vec<u32> = (0..u32::try_from(raw.len()).unwrap_or(u32::MAX)).collect();
    order.sort_unstable_by(|&a, &b| raw.get(a as usize).cmp(raw.get(b as usize)));
    order.dedup_by(|a, b| raw.get(*a as usize) == raw.get(*b as usize));
    let mut sorted = Arena::default();
    for &i in &order {
        sorted.push(raw.get(i as usize));
    }
    drop(order);
    drop(raw);

    let mut strings = Vec::new();
    let title_off: Vec<u64> = (0..sorted.len())
        .map(|i| write_string(&mut strings, sorted.str(i)))
        .collect();
    let find_title = |k: &str| -> Option<usize> {
        let (mut lo, mut hi) = (0, sorted.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match sorted.get(mid).cmp(k.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    };

    // Redirects: alias key and target offset; a title always wins over a redirect.
    let mut alias_keys = Arena::default();
    let mut alias_vals: Vec<u64> = Vec::new();
    let mut extra_targets: HashMap<String, u64> = HashMap::new();
    for (a, t) in aliases {
        let (ak, tk) = (title_key(&a), title_key(&t));
        if ak.is_empty() || tk.is_empty() || ak == tk || find_title(&ak).is_some() {
            continue;
        }
        let off = match find_title(&tk) {
            Some(i) => title_off[i],
            None => *extra_targets
                .entry(tk)
                .or_insert_with_key(|k| write_string(&mut strings, k)),
        };
        alias_keys.push(ak.as_bytes());
        alias_vals.push(off);
    }
    drop(extra_targets);

    let header_pos = out.stream_position()?;
    out.write_all(&[0u8; HEADER_LEN])?;
    let mut counted = Counting {
        inner: &mut out,
        n: 0,
    };
    {
        let mut map = fst::MapBuilder::new(&mut counted).map_err(io::Error::other)?;
        let mut c = Group::default();
        let mut key = Vec::new();
        for (i, &off) in title_off.iter().enumerate() {
            key.clear();
            key.push(b'C');
            key.extend_from_slice(fold_key(sorted.str(i)).as_bytes());
            c.push(&key, off);
        }
        for (i, &off) in alias_vals.iter().enumerate() {
            key.clear();
            key.push(b'C');
            key.extend_from_slice(fold_key(alias_keys.str(i)).as_bytes());
            c.push(&key, off | ALIAS_FLAG);
        }
        c.insert_into(&mut map, true).map_err(io::Error::other)?;

        let mut e = Group::default();
        for (i, &off) in title_off.iter().enumerate() {
            key.clear();
            key.push(b'E');
            key.extend_from_slice(sorted.get(i));
            e.push(&key, off);
        }
        // Aliases keep file order among themselves: the first redirect of a name wins.
        let mut alias_order: Vec<u32> =
            (0..u32::try_from(alias_keys.len()).unwrap_or(u32::MAX)).collect();
        alias_order.sort_by(|&a, &b| alias_keys.get(a as usize).cmp(alias_keys.get(b as usize)));
        alias_order.dedup_by(|a, b| alias_keys.get(*a as usize) == alias_keys.get(*b as usize));
        for &i in &alias_order {
            key.clear();
            key.push(b'E');
            key.extend_from_slice(alias_keys.get(i as usize));
            e.push(&key, alias_vals[i as usize] | ALIAS_FLAG);
        }
        let alias_count = alias_order.len() as u64;
        drop(alias_order);
        e.insert_into(&mut map, false).map_err(io::Error::other)?;

        let mut l = Group::default();
        for (i, &off) in title_off.iter().enumerate() {
            key.clear();
            key.push(b'L');
            key.extend_from_slice(loose_key(sorted.str(i)).as_bytes());
            l.push(&key, off);
        }
        l.insert_into(&mut map, true).map_err(io::Error::other)?;
        map.finish().map_err(io::Error::other)?;
        let map_len = counted.n;
        out.write_all(&strings)?;
        let end = out.stream_position()?;
        out.seek(SeekFrom::Start(header_pos))?;
        let mut header = Vec::with_capacity(HEADER_LEN);
        header.extend_from_slice(MAGIC);
        for w in [
            map_len,
            strings.len() as u64,
            sorted.len() as u64,
            alias_count,
        ] {
            header.extend_from_slice(&w.to_le_bytes());
        }
        out.write_all(&header)?;
        out.seek(SeekFrom::Start(end))?;
        out.flush()?;
        Ok((sorted.len() as u64, alias_count))
    }
}

/// Build an index in memory.
#[must_use]
pub fn build_bytes(
    titles: impl Iterator<Item = String>,
    aliases: impl Iterator<Item = (String, String)>,
) -> Vec<u8> {
    let mut cur = io::Cursor::new(Vec::new());
    // Writing to memory cannot fail.
    let _ = build_into(titles, aliases, &mut cur);
    cur.into_inner()
}

struct Counting<W> {
    inner: W,
    n: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.n += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_and_bad_offsets_are_empty() {
        let mut t = Vec::new();
        let a = write_string(&mut t, "Quantum");
        let long = "x".repeat(300);
        let b = write_string(&mut t, &long);
        assert_eq!(read_string(&t, a), "Quantum");
        assert_eq!(read_string(&t, b), long);
        assert_eq!(read_string(&t, 10_000), "");
        assert_eq!(read_string(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 0), "");
    }

    #[test]
    fn header_checks_lengths() {
        assert!(Header::read(b"ENCYIDX1").is_err());
        let bytes = build_bytes(["A"].into_iter().map(String::from), std::iter::empty());
        assert!(Header::read(&bytes).is_ok());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Header::read(&longer).is_err());
    }
}
