//! One index source, opened: the fst of folded keys, their records and the
//! front-coded redirect stores, owned or memory-mapped, and the lookups the
//! query layer needs.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use fst::{Automaton, Streamer};

use super::IndexError;
use super::fuzzy::Fuzzy;
use super::listed::Listed;
use super::store::{self, FrontCoded, Header, Record, SourceRecord};

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

/// One index source. Cloning shares its bytes.
#[derive(Clone)]
pub struct Layer {
    /// Where it came from, for messages.
    pub origin: String,
    /// The fst's parts, in key order.
    parts: Vec<Part>,
    data: Arc<Backing>,
    header: Header,
    sources: Vec<SourceRecord>,
    /// Titles in it.
    pub titles: u64,
    /// Redirects in it.
    pub aliases: u64,
    /// A title list held in memory for one run, answering in place of the
    /// (then empty) fst: see `listed.rs`.
    listed: Option<Arc<Listed>>,
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

/// One part of the fst: its keys are the keys of ranks `base..` up to the next
/// part's base, and its values their ranks.
#[derive(Clone)]
struct Part {
    map: fst::Map<Bytes>,
    base: u64,
    /// Its first (least) key.
    first: Vec<u8>,
}

const FST: usize = 0;
const RECORDS: usize = 1;
const ALIASES: usize = 2;
const EXTRA: usize = 3;
const SOURCES: usize = 4;
/// The longest fst key walked to (keys are titles of at most a few hundred bytes).
const MAX_KEY: usize = 1 << 12;

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
        let blocks = usize::try_from(header.keys)
            .ok()
            .map(|k| k.div_ceil(store::RECORDS_BLOCK));
        if blocks
            .and_then(|b| b.checked_mul(8))
            .is_none_or(|t| t > section(RECORDS).len())
        {
            return Err(corrupt("titles"));
        }
        FrontCoded::new(section(ALIASES), header.aliases, true)
            .ok_or_else(|| corrupt("redirects"))?;
        FrontCoded::new(section(EXTRA), header.extra, false)
            .ok_or_else(|| corrupt("redirect targets"))?;
        let sources = store::read_sources(section(SOURCES)).ok_or_else(|| corrupt("sources"))?;
        let parts = Self::parts(&data, header.sections[FST]).ok_or_else(|| corrupt("keys"))?;
        let keys = parts.iter().map(|p| p.map.len() as u64).sum::<u64>();
        if keys != header.keys {
            return Err(corrupt("titles"));
        }
        Ok(Self {
            origin,
            parts,
            titles: header.titles,
            aliases: header.aliases,
            data,
            header,
            sources,
            listed: None,
        })
    }

    /// A layer of a title list held in memory (see `listed.rs`): the same
    /// answers as the index built from the same titles.
    pub(crate) fn from_listed(origin: String, listed: Listed) -> Result<Self, IndexError> {
        let mut layer = Self::from_bytes(origin, super::Builder::new().into_bytes())?;
        layer.titles = listed.distinct;
        layer.listed = Some(Arc::new(listed));
        Ok(layer)
    }

    /// The fst's parts, read from its section (`(start, end)` in `data`):
    /// a count, the byte length of each part, then the parts. Empty parts are
    /// left out; `None` when the lengths do not add up or a part is no fst.
    fn parts(data: &Arc<Backing>, (start, end): (usize, usize)) -> Option<Vec<Part>> {
        let all = data.all().get(start..end)?;
        let word = |i: usize| -> Option<u64> {
            let b = all.get(i.checked_mul(8)?..i.checked_mul(8)? + 8)?;
            Some(u64::from_le_bytes(b.try_into().ok()?))
        };
        let count = usize::try_from(word(0)?).ok()?;
        if count.checked_add(1)?.checked_mul(8)? > all.len() {
            return None;
        }
        let mut at = start + (count + 1) * 8;
        let (mut parts, mut base) = (Vec::with_capacity(count), 0u64);
        for i in 0..count {
            let len = usize::try_from(word(i + 1)?).ok()?;
            let stop = at.checked_add(len).filter(|&e| e <= end)?;
            let map = fst::Map::new(Bytes {
                data: Arc::clone(data),
                start: at,
                end: stop,
            })
            .ok()?;
            at = stop;
            let n = map.len() as u64;
            let first = map.stream().next().map(|(k, _)| k.to_vec());
            if let Some(first) = first {
                if parts.last().is_some_and(|p: &Part| p.first >= first) {
                    return None;
                }
                parts.push(Part { map, base, first });
            }
            base = base.checked_add(n)?;
        }
        (at == end).then_some(parts)
    }

    /// The rank and record of key `key`: a walk of the fst along the key that,
    /// at each final node, compares the rest of the key with that key's tail.
    fn find(&self, key: &[u8]) -> Option<(u64, Record)> {
        let i = self.parts.partition_point(|p| p.first.as_slice() <= key);
        let fst = self.parts.get(i.checked_sub(1)?)?.map.as_fst();
        let mut node = fst.root();
        let mut acc = 0u64;
        for depth in 0..=key.len() {
            if node.is_final() {
                let rank = acc.checked_add(node.final_output().value())?;
                let (data, tail, mut at) = self.body(rank)?;
                if key.get(depth..) == Some(tail) {
                    return Some((rank, store::read_record(data, &mut at, Some(key))?));
                }
                if !tail.is_empty() {
                    return None;
                }
            }
            let t = node.transition(node.find_input(*key.get(depth)?)?);
            acc = acc.checked_add(t.out.value())?;
            node = fst.node(t.addr);
        }
        None
    }

    /// The rank of key `key`.
    #[cfg(test)]
    fn rank_of(&self, key: &[u8]) -> Option<u64> {
        self.find(key).map(|(rank, _)| rank)
    }

    /// The whole index this layer reads, in the format of
    /// [`super::build_bytes`]: [`Self::from_bytes`] of these bytes gives the
    /// same layer (how a binding ships an index to another process).
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        if let Some(l) = &self.listed {
            return l.bytes();
        }
        self.data.all()
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

    /// The key of rank `rank`: a walk of the fst from the root that takes, at
    /// each node, the last transition whose output does not pass the rank, to
    /// the final node of the rank, then the record's tail.
    fn key_of_rank(&self, rank: u64) -> Option<Vec<u8>> {
        let i = self.parts.partition_point(|p| p.base <= rank);
        let fst = self.parts.get(i.checked_sub(1)?)?.map.as_fst();
        let mut node = fst.root();
        let mut acc = 0u64;
        let mut key = Vec::with_capacity(64);
        while key.len() <= MAX_KEY {
            if node.is_final() && acc.checked_add(node.final_output().value())? == rank {
                let (_, tail, _) = self.body(rank)?;
                key.extend_from_slice(tail);
                return Some(key);
            }
            let mut pick = None;
            for t in node.transitions() {
                if acc.checked_add(t.out.value())? <= rank {
                    pick = Some(t);
                } else {
                    break;
                }
            }
            let t = pick?;
            acc += t.out.value();
            key.push(t.inp);
            node = fst.node(t.addr);
        }
        None
    }

    /// The records' data, the tail of the key of rank `rank`, and where its
    /// record starts in the data.
    fn body(&self, rank: u64) -> Option<(&[u8], &[u8], usize)> {
        if rank >= self.header.keys {
            return None;
        }
        let sec = self.section(RECORDS);
        let blocks = usize::try_from(self.header.keys)
            .ok()?
            .div_ceil(store::RECORDS_BLOCK);
        let (table, data) = sec.split_at_checked(blocks.checked_mul(8)?)?;
        let rank = usize::try_from(rank).ok()?;
        let b = rank / store::RECORDS_BLOCK;
        let mut w = [0u8; 8];
        w.copy_from_slice(table.get(b * 8..b * 8 + 8)?);
        let mut at = usize::try_from(u64::from_le_bytes(w)).ok()?;
        for _ in 0..rank % store::RECORDS_BLOCK {
            store::skip_record(data, &mut at)?;
        }
        let tail = store::read_tail(data, &mut at)?;
        Some((data, tail, at))
    }

    /// The record of the key of rank `rank`, its titles spelt from `key` (the whole key).
    fn record(&self, rank: u64, key: &[u8]) -> Option<Record> {
        let (data, _, mut at) = self.body(rank)?;
        store::read_record(data, &mut at, Some(key))
    }

    /// The title of title id `id` (`rank << 8 | j`).
    fn title(&self, id: u64) -> Option<String> {
        let rank = id >> 8;
        let key = self.key_of_rank(rank)?;
        let rec = self.record(rank, &key)?;
        let j = usize::try_from(id & 0xff).ok()?;
        rec.titles.into_iter().nth(j).map(|(t, _)| t)
    }

    /// The canonical string of target `id` (a title, or a redirect target that is not one).
    fn canonical(&self, id: u64) -> Option<String> {
        if id & 1 == 0 {
            self.title(id >> 1)
        } else {
            let i = usize::try_from(id >> 1).ok()?;
            self.store(EXTRA, self.header.extra, false)?
                .get(i)
                .map(|(s, _)| s)
        }
    }

    /// The title with this exact key, or the target of the redirect with it.
    pub(super) fn exact(&self, key: &str) -> Option<(String, bool)> {
        if let Some(l) = &self.listed {
            return l.exact(key);
        }
        let fold = key.to_lowercase();
        if let Some((_, rec)) = self.find(fold.as_bytes())
            && rec.titles.iter().any(|(t, _)| t == key)
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
        if let Some(l) = &self.listed {
            return l.folded(fold);
        }
        let Some((_, rec)) = self.find(fold.as_bytes()) else {
            return Vec::new();
        };
        let mut out: Vec<(String, bool)> =
            rec.titles.into_iter().map(|(t, _)| (t, false)).collect();
        out.extend(
            rec.aliases
                .into_iter()
                .filter_map(|t| Some((self.canonical(t)?, true))),
        );
        out
    }

    /// The titles of record `rec` whose loose key is its key.
    fn loose_members(&self, rec: Record) -> Vec<String> {
        let mut out: Vec<String> = rec
            .titles
            .into_iter()
            .filter(|(_, same)| *same)
            .map(|(t, _)| t)
            .collect();
        out.extend(rec.loose.into_iter().filter_map(|id| self.title(id)));
        out
    }

    /// The titles whose loose key is `loose`.
    pub(super) fn loose(&self, loose: &str) -> Vec<String> {
        if let Some(l) = &self.listed {
            return l.loose(loose);
        }
        match self.find(loose.as_bytes()) {
            Some((_, rec)) => self.loose_members(rec),
            None => Vec::new(),
        }
    }

    /// Loose keys within `max` edits of `loose` sharing its first character,
    /// each with a title that has it, in key order.
    pub(super) fn fuzzy(&self, loose: &str, max: usize) -> Vec<(String, String)> {
        if let Some(l) = &self.listed {
            return l.fuzzy(loose, max);
        }
        let Some(first) = loose.chars().next() else {
            return Vec::new();
        };
        let aut = Fuzzy {
            prefix: first.to_string().into_bytes(),
            rest: loose.as_bytes()[first.len_utf8()..].to_vec(),
            max: u8::try_from(max).unwrap_or(u8::MAX),
        };
        let mut out = Vec::new();
        for part in &self.parts {
            let done = self.search(part.map.as_fst(), &aut, |key, data, mut at| {
                let Some(rec) = store::read_record(data, &mut at, Some(key)) else {
                    return true;
                };
                let key = String::from_utf8_lossy(key).into_owned();
                for t in self.loose_members(rec) {
                    out.push((key.clone(), t));
                }
                out.len() < 256
            });
            if done.is_none() {
                break;
            }
        }
        out
    }

    /// Call `found(key, records' data, start of the key's record)` for each
    /// key of `fst` (with its tail) that `aut` matches, in key order, until it
    /// returns `false` (then `None`).
    fn search<A, F>(&self, fst: &fst::raw::Fst<Bytes>, aut: &A, mut found: F) -> Option<()>
    where
        A: Automaton,
        A::State: Clone,
        F: FnMut(&[u8], &[u8], usize) -> bool,
    {
        struct Frame<'f, S> {
            node: fst::raw::Node<'f>,
            state: S,
            acc: u64,
            next: usize,
        }
        let mut key: Vec<u8> = Vec::with_capacity(64);
        let mut stack = Vec::with_capacity(64);
        // A node is reported on the way in, then its transitions are walked.
        let mut enter =
            |node: fst::raw::Node<'_>, state: &A::State, acc: u64, key: &mut Vec<u8>| {
                if !node.is_final() {
                    return true;
                }
                let Some(rank) = acc.checked_add(node.final_output().value()) else {
                    return true;
                };
                let Some((data, tail, at)) = self.body(rank) else {
                    return true;
                };
                let mut s = state.clone();
                for &b in tail {
                    if !aut.can_match(&s) {
                        return true;
                    }
                    s = aut.accept(&s, b);
                }
                if !aut.is_match(&s) {
                    return true;
                }
                let len = key.len();
                key.extend_from_slice(tail);
                let go_on = found(key, data, at);
                key.truncate(len);
                go_on
            };
        let root = fst.root();
        let start = aut.start();
        if !enter(root, &start, 0, &mut key) {
            return None;
        }
        stack.push(Frame {
            node: root,
            state: start,
            acc: 0,
            next: 0,
        });
        while let Some(top) = stack.last_mut() {
            if top.next >= top.node.len() || !aut.can_match(&top.state) || key.len() > MAX_KEY {
                stack.pop();
                key.pop();
                continue;
            }
            let t = top.node.transition(top.next);
            top.next += 1;
            let state = aut.accept(&top.state, t.inp);
            let acc = top.acc.saturating_add(t.out.value());
            let node = fst.node(t.addr);
            key.push(t.inp);
            if !enter(node, &state, acc, &mut key) {
                return None;
            }
            stack.push(Frame {
                node,
                state,
                acc,
                next: 0,
            });
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key is found from its rank and its rank from the key, with the
    /// fst in one part and in several (parts of 7 and of 1,000 keys).
    #[test]
    fn every_key_is_found_again_from_its_rank() {
        let titles: Vec<String> = (0..3000)
            .map(|i| format!("Title {} of {}", i % 701, i % 11))
            .chain(["Defence-industry", "Colour", "QUANTUM", "Quantum", "É", "a"].map(String::from))
            .collect();
        let aliases: Vec<(String, String)> = (0..200)
            .map(|i| (format!("Alias {i}"), format!("Title {i} of 3")))
            .collect();
        let mut answers = Vec::new();
        for part in [store::FST_PART, 1000, 7] {
            let bytes =
                store::build_bytes_in_parts(titles.iter().cloned(), aliases.iter().cloned(), part);
            let layer = Layer::from_bytes("t", bytes).unwrap();
            assert_eq!(
                layer.parts.len() as u64,
                layer.header.keys.div_ceil(part as u64)
            );
            let mut n = 0u64;
            let mut keys: Vec<Vec<u8>> = Vec::new();
            for p in &layer.parts {
                assert_eq!(p.base, n);
                let mut stream = p.map.stream();
                while let Some((cut, rank)) = stream.next() {
                    assert_eq!(rank, n);
                    let key = layer.key_of_rank(rank).unwrap();
                    assert!(key.starts_with(cut), "{key:?} {cut:?}");
                    assert_eq!(layer.rank_of(&key), Some(rank));
                    keys.push(key);
                    n += 1;
                }
            }
            assert_eq!(n, layer.header.keys);
            assert!(keys.windows(2).all(|w| w[0] < w[1]));
            // A key's cut and tail never answer for another string: not for its
            // prefixes, nor for the key with a byte more or one changed.
            let known: std::collections::HashSet<&[u8]> = keys.iter().map(Vec::as_slice).collect();
            for key in &keys {
                for end in 0..key.len() {
                    let prefix = &key[..end];
                    assert_eq!(layer.rank_of(prefix).is_some(), known.contains(prefix));
                }
                let mut longer = key.clone();
                longer.push(b'z');
                assert_eq!(
                    layer.rank_of(&longer).is_some(),
                    known.contains(&longer[..])
                );
                let mut other = key.clone();
                *other.last_mut().unwrap() ^= 1;
                assert_eq!(layer.rank_of(&other).is_some(), known.contains(&other[..]));
            }
            assert_eq!(layer.key_of_rank(n), None);
            assert_eq!(layer.rank_of(b""), None);
            assert_eq!(layer.rank_of(b"\xff"), None);
            // The same answers whatever the parts.
            answers.push((
                layer.exact("Quantum"),
                layer.folded("title 5 of 5"),
                layer.exact("Alias 7"),
                layer.fuzzy("title 5 of 4", 1),
            ));
        }
        assert!(answers.windows(2).all(|w| w[0] == w[1]), "{answers:?}");
        assert!(!answers[0].3.is_empty());
    }

    #[test]
    fn a_section_whose_part_lengths_do_not_add_up_is_refused() {
        let bytes =
            store::build_bytes_in_parts((0..50).map(|i| format!("T{i}")), std::iter::empty(), 7);
        let header = Header::read(&bytes).unwrap();
        let (start, end) = header.sections[FST];
        let data = Arc::new(Backing::Owned(bytes));
        assert_eq!(Layer::parts(&data, (start, end)).map(|p| p.len()), Some(8));
        assert!(Layer::parts(&data, (start, end - 1)).is_none());
        let mut bad = data.all().to_vec();
        // Part count one too large: the lengths no longer fit.
        bad[start] += 1;
        assert!(Layer::parts(&Arc::new(Backing::Owned(bad)), (start, end)).is_none());
    }
}
