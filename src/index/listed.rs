//! A title list held in memory for one run: the one-off form of `--titles`.
//!
//! Building an index (sorting every key, building the fst) takes about ten
//! seconds of work for seven million titles, while a run that checks a few
//! articles asks the list a few hundred questions. A [`Listed`] keeps the
//! title keys as read and answers the same four questions a [`super::Layer`]
//! built from the same list answers, with the same answers:
//!
//! - the titles of a fold key (the builder's record: the distinct title keys
//!   with that fold key, in byte order, the first [`MAX_GROUP`]), from an array
//!   of `(hash of the fold key, title)` sorted by hash;
//! - the titles of a loose key (the record's titles whose loose key is their
//!   fold key, then the titles whose loose key only it is, by fold key and
//!   title, the first [`MAX_GROUP`], each one kept in its own fold key's
//!   record), from the same array and one of `(hash of the loose key, title)`
//!   for the titles whose loose key is not their fold key;
//! - did-you-mean, the loose keys the fuzzy automaton accepts, in key order,
//!   until 256 titles are found: the automaton accepts only keys that start
//!   with the query's first character and whose length in bytes is within the
//!   edit distance of the query's, so the keys are kept in buckets by first
//!   byte and length and only those buckets are read.
//!
//! Everything is built on all threads in one pass over the keys and two
//! parallel sorts of `(u32, u32)` pairs; hash collisions are resolved by
//! comparing the keys themselves, so they cost time, never answers.

use std::sync::OnceLock;

use rayon::prelude::*;

use super::MAX_GROUP;
use super::normalize::{fold_append, loose_is_fold_fast, loose_of_fold};
use super::store::Arena;

/// Titles per chunk of the parallel passes.
const CHUNK: usize = 1 << 15;
/// Bucket of a key: its first byte and its length (at most this) in bytes.
const LEN_BITS: u32 = 10;
const MAX_LEN: usize = (1 << LEN_BITS) - 1;
/// The fuzzy walk stops once this many titles are found (as [`super::Layer`]'s).
const FUZZY_MAX: usize = 256;

/// One title list in memory (see the module's documentation).
pub(crate) struct Listed {
    /// Title keys as read (blank lines left out, duplicates kept).
    titles: Arena,
    /// `(hash of the fold key, title)` for every title, sorted (see [`hash`]).
    by_fold: Vec<(u32, u32)>,
    /// `(hash of the loose key, title)` for the titles whose loose key is not
    /// their fold key (and not empty), sorted.
    by_loose: Vec<(u32, u32)>,
    /// Whether title `i`'s loose key is not its fold key (one bit each).
    respelt: Vec<u64>,
    /// Titles by bucket of their loose key: `starts[b]..starts[b + 1]` in `bucketed`.
    starts: Vec<u32>,
    bucketed: Vec<u32>,
    /// Distinct titles.
    pub(crate) distinct: u64,
    /// The index bytes of the same titles, built when asked for.
    bytes: OnceLock<Vec<u8>>,
}

/// The top 32 bits of the xxh3 of `s`: enough to make most runs one title
/// (keys are compared anyway), and half the memory of whole hashes.
fn hash(s: &[u8]) -> u32 {
    (xxhash_rust::xxh3::xxh3_64(s) >> 32) as u32
}

/// The fold key of a title key into `buf` (see [`fold_append`]).
fn fold_into<'a>(title: &[u8], buf: &'a mut Vec<u8>) -> &'a [u8] {
    buf.clear();
    fold_append(title, buf);
    buf
}

/// The loose key of a fold key when it is not the fold key itself.
fn respelling(fold: &[u8]) -> Option<String> {
    let f = std::str::from_utf8(fold).unwrap_or("");
    if loose_is_fold_fast(f) == Some(true) {
        return None;
    }
    let loose = loose_of_fold(f);
    (loose != f).then_some(loose)
}

/// Bucket bounds and the entries they bound.
type Piece<'a> = (&'a [u32], &'a mut [(u32, u32)]);

/// The pairs of `parts` sorted by hash: a counting sort on the top bits of the hashes
/// (spread evenly), then each small run sorted.
fn by_hash(parts: Vec<Vec<(u32, u32)>>) -> Vec<(u32, u32)> {
    let len: usize = parts.iter().map(Vec::len).sum();
    let bits = (usize::BITS - len.leading_zeros()).clamp(1, 16);
    let shift = 32 - bits;
    let mut starts = vec![0u32; (1 << bits) + 1];
    for p in parts.iter().flatten() {
        starts[(p.0 >> shift) as usize + 1] += 1;
    }
    for b in 0..1usize << bits {
        starts[b + 1] += starts[b];
    }
    let mut out = vec![(0u32, 0u32); len];
    let mut next = starts.clone();
    for part in parts {
        for p in part {
            let at = &mut next[(p.0 >> shift) as usize];
            out[*at as usize] = p;
            *at += 1;
        }
    }
    // Each run of one top-bits value sorted, runs in groups on all threads.
    let group = 1usize << 12;
    let mut pieces: Vec<Piece<'_>> = Vec::new();
    let mut rest: &mut [(u32, u32)] = &mut out;
    for g in (0..1usize << bits).step_by(group) {
        let bounds = &starts[g..=(g + group).min(1 << bits)];
        let len = (bounds[bounds.len() - 1] - bounds[0]) as usize;
        let (piece, tail) = rest.split_at_mut(len);
        pieces.push((bounds, piece));
        rest = tail;
    }
    pieces.into_par_iter().for_each(|(bounds, piece)| {
        let base = bounds[0];
        for w in bounds.windows(2) {
            let run = &mut piece[(w[0] - base) as usize..(w[1] - base) as usize];
            if run.len() > 1 {
                run.sort_unstable();
            }
        }
    });
    out
}

fn bucket_of(key: &[u8]) -> Option<usize> {
    let &first = key.first()?;
    Some(usize::from(first) << LEN_BITS | key.len().min(MAX_LEN))
}

/// What the parallel pass finds out about one chunk of titles.
#[derive(Default)]
struct Keyed {
    by_fold: Vec<(u32, u32)>,
    by_loose: Vec<(u32, u32)>,
    respelt: Vec<u32>,
    buckets: Vec<u32>,
}

impl Listed {
    /// Key the titles of `titles` (title keys, as [`super::store::push_title`] makes them).
    pub(crate) fn new(titles: Arena) -> Self {
        let n = titles.len();
        let chunks: Vec<Keyed> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| {
                let mut k = Keyed::default();
                let (lo, hi) = (c * CHUNK, ((c + 1) * CHUNK).min(n));
                k.by_fold.reserve(hi - lo);
                k.buckets.reserve(hi - lo);
                let mut buf = Vec::with_capacity(64);
                for i in lo..hi {
                    let fold = fold_into(titles.get(i), &mut buf);
                    let id = i as u32;
                    k.by_fold.push((hash(fold), id));
                    let bucket = match respelling(fold) {
                        None => bucket_of(fold),
                        Some(loose) => {
                            k.respelt.push(id);
                            let b = bucket_of(loose.as_bytes());
                            if b.is_some() {
                                k.by_loose.push((hash(loose.as_bytes()), id));
                            }
                            b
                        }
                    };
                    k.buckets.push(bucket.map_or(u32::MAX, |b| b as u32));
                }
                k
            })
            .collect();
        let mut by_fold = Vec::with_capacity(chunks.len());
        let mut by_loose = Vec::with_capacity(chunks.len());
        let mut respelt = vec![0u64; n.div_ceil(64)];
        let mut buckets = Vec::with_capacity(n);
        for k in chunks {
            by_fold.push(k.by_fold);
            by_loose.push(k.by_loose);
            for i in k.respelt {
                respelt[i as usize / 64] |= 1 << (i % 64);
            }
            buckets.extend(k.buckets);
        }
        let (by_fold, by_loose) = rayon::join(|| by_hash(by_fold), || by_hash(by_loose));
        // Titles by bucket (a counting sort; input order within a bucket).
        let n_buckets = 256 << LEN_BITS;
        let mut starts = vec![0u32; n_buckets + 1];
        for &b in &buckets {
            if b != u32::MAX {
                starts[b as usize + 1] += 1;
            }
        }
        for b in 0..n_buckets {
            starts[b + 1] += starts[b];
        }
        let mut next = starts.clone();
        let mut bucketed = vec![0u32; starts[n_buckets] as usize];
        for (i, &b) in buckets.iter().enumerate() {
            if b != u32::MAX {
                let at = &mut next[b as usize];
                bucketed[*at as usize] = i as u32;
                *at += 1;
            }
        }
        drop(buckets);
        let mut me = Self {
            titles,
            by_fold,
            by_loose,
            respelt,
            starts,
            bucketed,
            distinct: 0,
            bytes: OnceLock::new(),
        };
        me.distinct = me.count_distinct();
        me
    }

    /// Distinct titles: equal titles have equal fold keys, so they share a
    /// run of equal hashes in `by_fold` (most runs are one title).
    fn count_distinct(&self) -> u64 {
        let mut n = 0u64;
        let mut t: Vec<&[u8]> = Vec::new();
        for run in self.by_fold.chunk_by(|a, b| a.0 == b.0) {
            if let [_] = run {
                n += 1;
                continue;
            }
            t.clear();
            t.extend(run.iter().map(|&(_, i)| self.titles.get(i as usize)));
            t.sort_unstable();
            t.dedup();
            n += t.len() as u64;
        }
        n
    }

    fn is_respelt(&self, i: u32) -> bool {
        self.respelt
            .get(i as usize / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    fn title(&self, i: u32) -> &[u8] {
        self.titles.get(i as usize)
    }

    /// The entries of a sorted `(hash, title)` array with hash `h`.
    fn run(pairs: &[(u32, u32)], h: u32) -> &[(u32, u32)] {
        let lo = pairs.partition_point(|p| p.0 < h);
        let hi = lo + pairs[lo..].partition_point(|p| p.0 == h);
        &pairs[lo..hi]
    }

    /// The record's titles of fold key `fold`: distinct, in byte order, the first [`MAX_GROUP`].
    fn group(&self, fold: &[u8]) -> Vec<&[u8]> {
        let mut buf = Vec::with_capacity(fold.len());
        let mut out: Vec<&[u8]> = Self::run(&self.by_fold, hash(fold))
            .iter()
            .map(|&(_, i)| self.title(i))
            .filter(|t| fold_into(t, &mut buf) == fold)
            .collect();
        out.sort_unstable();
        out.dedup();
        out.truncate(MAX_GROUP);
        out
    }

    /// Whether title key `title` (of fold key `fold`) is in its fold key's record.
    fn kept(&self, title: &[u8], fold: &[u8]) -> bool {
        self.group(fold).contains(&title)
    }

    /// The title with this exact key (as [`super::Layer`]'s `exact`; a title list has no redirects).
    pub(crate) fn exact(&self, key: &str) -> Option<(String, bool)> {
        let fold = key.to_lowercase();
        self.group(fold.as_bytes())
            .contains(&key.as_bytes())
            .then(|| (key.to_string(), false))
    }

    /// The titles whose fold key is `fold`.
    pub(crate) fn folded(&self, fold: &str) -> Vec<(String, bool)> {
        self.group(fold.as_bytes())
            .into_iter()
            .map(|t| (String::from_utf8_lossy(t).into_owned(), false))
            .collect()
    }

    /// The titles whose loose key is `loose`: those whose fold key it is too
    /// (the record's titles, when the key's loose key is itself), then the
    /// others by fold key and title, each kept in its own record.
    pub(crate) fn loose(&self, loose: &str) -> Vec<String> {
        let key = loose.as_bytes();
        let mut out: Vec<String> = if respelling(key).is_none() {
            self.group(key)
                .into_iter()
                .map(|t| String::from_utf8_lossy(t).into_owned())
                .collect()
        } else {
            Vec::new()
        };
        let mut buf = Vec::with_capacity(64);
        let mut others: Vec<(Vec<u8>, &[u8])> = Vec::new();
        for &(_, i) in Self::run(&self.by_loose, hash(key)) {
            let t = self.title(i);
            let fold = fold_into(t, &mut buf).to_vec();
            if fold != key && respelling(&fold).as_deref() == Some(loose) {
                others.push((fold, t));
            }
        }
        others.sort_unstable();
        others.dedup();
        out.extend(
            others
                .into_iter()
                .filter(|(fold, t)| self.kept(t, fold))
                .take(MAX_GROUP)
                .map(|(_, t)| String::from_utf8_lossy(t).into_owned()),
        );
        out
    }

    /// Loose keys within `max` edits of `loose` sharing its first character,
    /// each with a title that has it, in key order, until [`FUZZY_MAX`] are found.
    pub(crate) fn fuzzy(&self, loose: &str, max: usize) -> Vec<(String, String)> {
        let Some(first) = loose.chars().next() else {
            return Vec::new();
        };
        let prefix = &loose.as_bytes()[..first.len_utf8()];
        let rest = &loose.as_bytes()[first.len_utf8()..];
        let max = u8::try_from(max).unwrap_or(u8::MAX);
        let m = usize::from(max);
        let lo = loose.len().saturating_sub(m).max(prefix.len());
        let hi = (loose.len() + m).min(MAX_LEN);
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut buf = Vec::with_capacity(64);
        let mut dp = Dp::default();
        for len in lo..=hi {
            let b = usize::from(prefix[0]) << LEN_BITS | len;
            let (s, e) = (self.starts[b] as usize, self.starts[b + 1] as usize);
            for &i in &self.bucketed[s..e] {
                let t = self.title(i);
                let fold = fold_into(t, &mut buf);
                if self.is_respelt(i) {
                    let Some(l) = respelling(fold) else { continue };
                    if dp.accepts(prefix, rest, max, l.as_bytes()) {
                        keys.push(l.into_bytes());
                    }
                } else if dp.accepts(prefix, rest, max, fold) {
                    keys.push(fold.to_vec());
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let mut out = Vec::new();
        for key in keys {
            let k = String::from_utf8_lossy(&key).into_owned();
            for t in self.loose(&k) {
                out.push((k.clone(), t));
            }
            if out.len() >= FUZZY_MAX {
                break;
            }
        }
        out
    }

    /// The index bytes of these titles (built once, when asked).
    pub(crate) fn bytes(&self) -> &[u8] {
        self.bytes.get_or_init(|| {
            let mut b = super::Builder::new();
            let mut copy = Arena::default();
            for i in 0..self.titles.len() {
                copy.push(self.titles.get(i));
            }
            b.title_keys(copy);
            b.into_bytes()
        })
    }
}

/// The rows of the fuzzy automaton's table (`super::fuzzy::Fuzzy`), reused.
#[derive(Default)]
struct Dp {
    prev: Vec<u8>,
    row: Vec<u8>,
    next: Vec<u8>,
}

impl Dp {
    /// Whether the fuzzy automaton of `prefix`, `rest` and `max` accepts `key`,
    /// walked as the fst search walks it: `can_match` before each byte,
    /// `is_match` at the end.
    ///
    /// Only the cells of a row within `max` of its diagonal are computed: the
    /// others are at least their distance from it, more than `max`, and so
    /// the cap in the automaton's table too.
    fn accepts(&mut self, prefix: &[u8], rest: &[u8], max: u8, key: &[u8]) -> bool {
        let Some(body) = key.strip_prefix(prefix) else {
            return false;
        };
        let (m, k) = (rest.len(), usize::from(max));
        if body.len().abs_diff(m) > k {
            return false;
        }
        let cap = max.saturating_add(1);
        self.row.clear();
        self.row
            .extend((0..=m).map(|j| u8::try_from(j).unwrap_or(u8::MAX).min(cap)));
        self.prev.clear();
        self.prev.extend_from_slice(&self.row);
        self.next.clear();
        self.next.resize(m + 1, cap);
        let mut last = 0u8;
        for (r, &byte) in body.iter().enumerate() {
            // Row `r` is `self.row`: any cell within `max`? Only its band can be.
            let (blo, bhi) = (r.saturating_sub(k).max(1), (r + k).min(m));
            if self.row[0] > max && !self.row[blo.min(bhi + 1)..=bhi].iter().any(|&d| d <= max) {
                return false;
            }
            let (row, next, prev) = (&self.row, &mut self.next, &self.prev);
            let (lo, hi) = ((r + 1).saturating_sub(k).max(1), (r + 1 + k).min(m));
            next[0] = row[0].saturating_add(1).min(cap);
            if lo > 1 && lo - 1 <= m {
                next[lo - 1] = cap;
            }
            for j in lo..=hi {
                let cost = u8::from(rest[j - 1] != byte);
                let mut v = row[j]
                    .saturating_add(1)
                    .min(next[j - 1].saturating_add(1))
                    .min(row[j - 1].saturating_add(cost));
                if j > 1 && byte == rest[j - 2] && last == rest[j - 1] && last != 0 {
                    v = v.min(prev[j - 2].saturating_add(1));
                }
                next[j] = v.min(cap);
            }
            if hi < m {
                next[hi + 1] = cap;
            }
            std::mem::swap(&mut self.prev, &mut self.row);
            std::mem::swap(&mut self.row, &mut self.next);
            last = byte;
        }
        self.row[m] <= max
    }
}

#[cfg(test)]
mod tests {
    use super::super::fuzzy::Fuzzy;
    use super::*;
    use fst::Automaton;

    /// The table of [`Dp`] accepts exactly what the automaton accepts.
    #[test]
    fn the_table_accepts_what_the_automaton_accepts() {
        let words = [
            "quantum",
            "quatnum",
            "qunatum",
            "quantm",
            "quantums",
            "q",
            "qu",
            "quanta",
            "quantum x",
            "crisis management",
            "crisis managment",
            "crisis manager",
            "é",
            "éa",
            "éab",
            "ébа",
            "aab",
            "aba",
            "baa",
            "ab",
            "a",
            "abc",
            "acb",
            "bac",
            "abcd",
            "abdc",
            "badc",
            "abcdefghijkl",
            "abcdefghijlk",
            "bacdefghijkl",
            "abcdefghij",
            "abcdefghijklmn",
            "acbdefghijkl",
            "abcdefhgijkl",
            "xbcdefghijkl",
            "abcdefghijk",
            "abcdefghijklm",
            "abdcefghijkl",
            "abcdefghjikl",
            "abcefghijkl",
            "abbcdefghijkl",
            "aabcdefghijkl",
            "abcdefghijkkl",
        ];
        let mut dp = Dp::default();
        for q in words {
            let first = q.chars().next().unwrap();
            for max in 0..=2u8 {
                let aut = Fuzzy {
                    prefix: first.to_string().into_bytes(),
                    rest: q.as_bytes()[first.len_utf8()..].to_vec(),
                    max,
                };
                for k in words {
                    let mut s = aut.start();
                    let mut ok = true;
                    for &b in k.as_bytes() {
                        if !aut.can_match(&s) {
                            ok = false;
                            break;
                        }
                        s = aut.accept(&s, b);
                    }
                    let want = ok && aut.is_match(&s);
                    let got = dp.accepts(&aut.prefix, &aut.rest, max, k.as_bytes());
                    assert_eq!(got, want, "{q:?} {k:?} {max}");
                }
            }
        }
    }
}
