//! The run's input list, kept compact.
//!
//! A run over a large tree holds its whole input list from discovery to the
//! end: the articles' own titles are read, for the index, before any article
//! is checked. As a `Vec<Input>` a file cost about 100 bytes (the enum and
//! its path's allocation), 5 MB for 51,360 files. Here the inputs are one
//! byte string: each path is written as the length it shares with the path
//! before it and the rest (front coding; files in one folder share most of
//! their path), so a file costs its name and a few bytes. Every
//! 64th entry (`RESTART`) is written whole, so that blocks of entries can be
//! read on their own: in parallel ([`Inputs::par_filter_map`]) or to reach one
//! entry ([`Inputs::get`]).
//!
//! Entries are decoded into owned [`Input`]s as they are read; the order is
//! the order they were pushed in.

use rayon::prelude::*;

use super::discover::{FileInput, Input};

/// Entries per block: the first of each block is written without a shared
/// prefix.
const RESTART: usize = 64;

/// A file whose shown name is the end of its path, from byte `at`.
const FILE_TAIL: u8 = 0;
/// A file with a shown name of its own.
const FILE_OWN: u8 = 1;
/// Standard input, with the name it is shown as.
const STDIN: u8 = 2;
/// A path that could not be walked: shown name, reason.
const BROKEN: u8 = 3;
/// An input kept as it is in [`Inputs::others`] (a path that is not UTF-8).
const OTHER: u8 = 4;

/// A compact, ordered list of inputs (see the module documentation).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    bytes: Vec<u8>,
    /// Where each block of [`RESTART`] entries starts in `bytes`.
    restarts: Vec<usize>,
    len: usize,
    /// Inputs not written in `bytes`: files whose path is not UTF-8.
    others: Vec<Input>,
    /// The last path written in the current block.
    last: String,
}

impl Inputs {
    /// An empty list.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// How many inputs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no input.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Add `input` at the end.
    pub fn push(&mut self, input: Input) {
        if self.len.is_multiple_of(RESTART) {
            self.restarts.push(self.bytes.len());
            self.last.clear();
        }
        self.len += 1;
        match input {
            Input::File(f) => match f.path().to_str() {
                Some(path) => {
                    let shared = shared_prefix(&self.last, path);
                    match f.tail() {
                        Some(_) => self.bytes.push(FILE_TAIL),
                        None => self.bytes.push(FILE_OWN),
                    }
                    put_len(&mut self.bytes, shared);
                    put_str(&mut self.bytes, &path[shared..]);
                    match f.tail() {
                        Some(at) => put_len(&mut self.bytes, at),
                        None => put_str(&mut self.bytes, f.shown()),
                    }
                    self.last.truncate(shared);
                    self.last.push_str(&path[shared..]);
                }
                None => {
                    self.bytes.push(OTHER);
                    put_len(&mut self.bytes, self.others.len());
                    self.others.push(Input::File(f));
                }
            },
            Input::Stdin(name) => {
                self.bytes.push(STDIN);
                put_str(&mut self.bytes, &name);
            }
            Input::Broken(shown, reason) => {
                self.bytes.push(BROKEN);
                put_str(&mut self.bytes, &shown);
                put_str(&mut self.bytes, &reason);
            }
        }
    }

    /// Give back memory kept for growth.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.restarts.shrink_to_fit();
        self.others.shrink_to_fit();
        self.last = String::new();
    }

    /// The inputs in order.
    #[must_use]
    pub fn iter(&self) -> Iter<'_> {
        self.block_iter(0, self.len)
    }

    /// The input at `i`.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<Input> {
        (i < self.len).then(|| {
            let block = i / RESTART;
            self.block_iter(block, self.len)
                .nth(i - block * RESTART)
                .unwrap_or_else(|| unreachable!("entry {i} of {} is in its block", self.len))
        })
    }

    /// `f` of every input for which it gives a value, in input order, the
    /// inputs read block by block on the rayon pool (nothing but the
    /// values is held).
    pub fn par_filter_map<R: Send>(&self, f: impl Fn(Input) -> Option<R> + Sync + Send) -> Vec<R> {
        (0..self.restarts.len())
            .into_par_iter()
            .flat_map_iter(|b| self.block_iter(b, RESTART).filter_map(&f))
            .collect()
    }

    /// The inputs as a vector.
    #[must_use]
    pub fn to_vec(&self) -> Vec<Input> {
        self.iter().collect()
    }

    /// `n` entries at most from the start of block `block`.
    fn block_iter(&self, block: usize, n: usize) -> Iter<'_> {
        let start = block * RESTART;
        Iter {
            inputs: self,
            pos: self
                .restarts
                .get(block)
                .copied()
                .unwrap_or(self.bytes.len()),
            left: n.min(self.len.saturating_sub(start)),
            prev: String::new(),
        }
    }
}

impl FromIterator<Input> for Inputs {
    fn from_iter<T: IntoIterator<Item = Input>>(iter: T) -> Self {
        let mut out = Self::new();
        out.extend(iter);
        out.shrink_to_fit();
        out
    }
}

impl Extend<Input> for Inputs {
    fn extend<T: IntoIterator<Item = Input>>(&mut self, iter: T) {
        for i in iter {
            self.push(i);
        }
    }
}

impl From<Vec<Input>> for Inputs {
    fn from(v: Vec<Input>) -> Self {
        v.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Inputs {
    type Item = Input;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for Inputs {
    type Item = Input;
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        IntoIter {
            left: self.len,
            inputs: self,
            pos: 0,
            prev: String::new(),
        }
    }
}

/// The inputs of an [`Inputs`], in order.
#[derive(Debug)]
pub struct Iter<'a> {
    inputs: &'a Inputs,
    pos: usize,
    left: usize,
    /// The path of the entry before, in this block.
    prev: String,
}

impl Iterator for Iter<'_> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        Some(decode(
            &self.inputs.bytes,
            &mut self.pos,
            &mut self.prev,
            |k| self.inputs.others[k].clone(),
        ))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// The inputs of an [`Inputs`] it owns, in order.
#[derive(Debug)]
pub struct IntoIter {
    inputs: Inputs,
    pos: usize,
    left: usize,
    prev: String,
}

impl Iterator for IntoIter {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let others = &mut self.inputs.others;
        Some(decode(
            &self.inputs.bytes,
            &mut self.pos,
            &mut self.prev,
            |k| std::mem::replace(&mut others[k], Input::Stdin(String::new())),
        ))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for IntoIter {}

/// The entry at `*pos` (moved past it); `prev` is the path of the entry
/// before in its block, or empty at a block's start; `other` gives an input
/// kept aside.
fn decode(
    bytes: &[u8],
    pos: &mut usize,
    prev: &mut String,
    other: impl FnOnce(usize) -> Input,
) -> Input {
    let tag = bytes[*pos];
    *pos += 1;
    match tag {
        FILE_TAIL | FILE_OWN => {
            let shared = get_len(bytes, pos);
            prev.truncate(shared);
            prev.push_str(get_str(bytes, pos));
            let path = std::path::PathBuf::from(prev.as_str());
            if tag == FILE_TAIL {
                let at = get_len(bytes, pos);
                Input::File(FileInput::with_tail(path, at))
            } else {
                let shown = get_str(bytes, pos).to_string();
                Input::File(FileInput::new(path, shown))
            }
        }
        STDIN => Input::Stdin(get_str(bytes, pos).to_string()),
        BROKEN => {
            let shown = get_str(bytes, pos);
            let reason = get_str(bytes, pos);
            Input::broken(shown, reason)
        }
        _ => other(get_len(bytes, pos)),
    }
}

/// The length of the longest common prefix of `a` and `b` that ends on a
/// character boundary of both.
fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// A length as LEB128.
fn put_len(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn get_len(bytes: &[u8], pos: &mut usize) -> usize {
    let mut n = 0usize;
    let mut shift = 0;
    loop {
        let b = bytes[*pos];
        *pos += 1;
        n |= usize::from(b & 0x7f) << shift;
        if b < 0x80 {
            return n;
        }
        shift += 7;
    }
}

fn get_str<'a>(bytes: &'a [u8], pos: &mut usize) -> &'a str {
    let n = get_len(bytes, pos);
    let s = &bytes[*pos..*pos + n];
    *pos += n;
    // Written from a `&str` whole by `put_str`.
    std::str::from_utf8(s).unwrap_or_else(|_| unreachable!("entries are written from strings"))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn sample() -> Vec<Input> {
        let mut v = vec![
            Input::Stdin("-".into()),
            Input::broken("missing/", "no such file or directory"),
        ];
        for i in 0..150 {
            let dir = ["articles/a", "articles/ab", "./notes", "日本/記事"][i % 4];
            let path = format!("{dir}/{i:03}-é.md");
            let shown = crate::session::discover::display(std::path::Path::new(&path));
            v.push(Input::file(PathBuf::from(path), shown));
        }
        v.push(Input::file(PathBuf::from("x/y.md"), "Y".into()));
        v.push(Input::file(PathBuf::from("x/yz.md"), "x/yz.md".into()));
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = std::ffi::OsStr::from_bytes(b"x/\xff.md");
            v.push(Input::file(PathBuf::from(odd), "x/\u{fffd}.md".into()));
        }
        v.push(Input::file(PathBuf::from("x/z.md"), "x/z.md".into()));
        v
    }

    #[test]
    fn the_list_gives_back_what_was_pushed_in_every_way_it_is_read() {
        let want = sample();
        let list: Inputs = want.clone().into();
        assert_eq!(list.len(), want.len());
        assert_eq!(list.to_vec(), want);
        assert_eq!(list.iter().len(), want.len());
        let par: Vec<Input> = list.par_filter_map(Some);
        assert_eq!(par, want);
        let files = list.par_filter_map(|i| matches!(i, Input::File(_)).then_some(()));
        assert_eq!(files.len(), want.len() - 2);
        for (i, w) in want.iter().enumerate() {
            assert_eq!(list.get(i).as_ref(), Some(w), "entry {i}");
        }
        assert_eq!(list.get(want.len()), None);
        let owned: Vec<Input> = list.clone().into_iter().collect();
        assert_eq!(owned, want);
        // The shown names and paths survive, not just equality.
        let Some(Input::File(f)) = list.get(3) else {
            panic!("a file")
        };
        assert_eq!(f.path(), std::path::Path::new("articles/ab/001-é.md"));
        assert_eq!(f.shown(), "articles/ab/001-é.md");
        let Some(Input::File(f)) = list.get(4) else {
            panic!("a file")
        };
        assert_eq!(f.path(), std::path::Path::new("./notes/002-é.md"));
        assert_eq!(f.shown(), "notes/002-é.md");
    }

    #[test]
    fn files_in_one_folder_cost_little_more_than_their_names() {
        let list: Inputs = (0..1000)
            .map(|i| {
                let p = format!("bench/.work/scale/x16/c5/Some_article_title_{i:04}.md");
                Input::file(PathBuf::from(&p), p)
            })
            .collect();
        // Each path is 54 bytes; as a `Vec<Input>` a file took about 100.
        assert!(list.bytes.len() < 1000 * 16, "{} bytes", list.bytes.len());
        assert_eq!(list.len(), 1000);
    }

    #[test]
    fn an_empty_list_reads_as_empty() {
        let list = Inputs::new();
        assert!(list.is_empty());
        assert_eq!(list.iter().count(), 0);
        assert!(list.par_filter_map(Some).is_empty());
        assert_eq!(list.get(0), None);
    }

    #[test]
    fn a_shared_prefix_never_splits_a_character() {
        assert_eq!(shared_prefix("a/é.md", "a/è.md"), 2);
        assert_eq!(shared_prefix("abc", "abd"), 2);
        assert_eq!(shared_prefix("", "abc"), 0);
        assert_eq!(shared_prefix("abc", "abc/d"), 3);
    }
}
