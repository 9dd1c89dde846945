//! Reading index sources from disk: title lists, alias lists (plain or gzip),
//! and prebuilt index files, within limits; and whether an index is stale.
//!
//! A title list is UTF-8 text, one title a line (`alias<TAB>target` for an
//! alias list), `\n` or `\r\n` line ends, gzip-compressed or not. Refused,
//! naming the file and the line: a title longer than MediaWiki's 255 bytes,
//! NUL and other control characters (a tab only as the alias separator),
//! bytes that are not UTF-8, a file larger than [`Limits::file_bytes`] and
//! text (after gunzip) larger than [`Limits::unpacked_bytes`]. Lines are read
//! into a buffer that never grows past [`MAX_LINE`] bytes, so one enormous line
//! or a gzip bomb stops with an error at once instead of filling memory.

use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::listed::Listed;
use super::store::{Arena, MAGIC_STEM, SourceRecord, push_title};
use super::{Builder, IndexError, Layer};

/// The longest title MediaWiki allows, in bytes.
pub const MAX_TITLE_BYTES: usize = 255;
/// The longest line read (two titles, a tab and some spacing); longer stops the read.
pub const MAX_LINE: usize = 1024;
/// The default of both limits: 4 GiB.
pub const DEFAULT_MAX_BYTES: u64 = 4 << 30;
/// The environment variable that sets both limits, in bytes.
pub const MAX_BYTES_ENV: &str = "ENCYCLINT_INDEX_MAX_BYTES";

/// How much a title or alias list may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The file on disk (compressed or not).
    pub file_bytes: u64,
    /// The text, once unpacked.
    pub unpacked_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            file_bytes: DEFAULT_MAX_BYTES,
            unpacked_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl Limits {
    /// The defaults, or both limits from [`MAX_BYTES_ENV`] when it holds a number.
    #[must_use]
    pub fn from_env() -> Self {
        match std::env::var(MAX_BYTES_ENV)
            .ok()
            .and_then(|v| v.trim().parse().ok())
        {
            Some(n) => Self {
                file_bytes: n,
                unpacked_bytes: n,
            },
            None => Self::default(),
        }
    }
}

/// Read a titles file: a prebuilt index (by its magic bytes), or text with one
/// title a line, gzip-compressed or not, within [`Limits::from_env`].
///
/// # Errors
/// Unreadable, over a limit, a bad line, bad gzip, or a bad index.
pub fn load_titles(path: &Path) -> Result<Layer, IndexError> {
    load_titles_as(path, false)
}

/// Read a titles file for one run, as [`load_titles`] does, except that a
/// title list with no build of it in the cache is not built into an index:
/// it is held in memory as read (`Listed`), which takes a fraction of the
/// time and answers every question the same. The run that finds the list
/// unchanged since a run that held it so builds and caches it, as
/// [`load_titles`] does, so that a list in use is mapped from then on and a
/// list used once is never built.
///
/// # Errors
/// As [`load_titles`].
pub fn load_titles_once(path: &Path) -> Result<Layer, IndexError> {
    load_titles_as(path, true)
}

fn load_titles_as(path: &Path, once: bool) -> Result<Layer, IndexError> {
    let origin = path.display().to_string();
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut head))
        .map_err(|e| IndexError {
            path: origin.clone(),
            reason: crate::source::io_reason(&e),
        })?;
    if head[..n].starts_with(MAGIC_STEM) {
        return Layer::open(path);
    }
    let limits = Limits::from_env();
    if let Some(cached) = cache_path(path, limits) {
        return load_cached(path, &cached, limits, once);
    }
    if once {
        return load_listed(path, limits);
    }
    let mut b = Builder::new();
    read_titles(path, limits, false, &mut b)?;
    Layer::from_bytes(origin, b.into_bytes())
}

/// The environment variable naming the directory where title lists are kept
/// built; empty turns the cache off. When it is set, every title list is
/// cached; when it is not, lists of at least [`CACHE_MIN_BYTES`] are, in
/// `$XDG_CACHE_HOME/encyclint` (or `~/.cache/encyclint`).
pub const CACHE_ENV: &str = "ENCYCLINT_INDEX_CACHE";
/// The smallest title list cached by default (smaller ones build in well under a second).
pub const CACHE_MIN_BYTES: u64 = 4 << 20;

/// Where the built form of the title list `path` is cached, if it is.
fn cache_path(path: &Path, limits: Limits) -> Option<PathBuf> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let dir = match std::env::var_os(CACHE_ENV) {
        Some(v) if v.is_empty() => return None,
        Some(v) => PathBuf::from(v),
        None if meta.len() < CACHE_MIN_BYTES => return None,
        None => std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|h| PathBuf::from(h).join(".cache"))
            })?
            .join("encyclint"),
    };
    let abs = std::fs::canonicalize(path).ok()?;
    // One cache file per list and set of limits (a list refused under lower
    // limits must not be let through by a build made under higher ones).
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(super::MAGIC);
    h.update(&path_bytes(&abs));
    h.update(&limits.file_bytes.to_le_bytes());
    h.update(&limits.unpacked_bytes.to_le_bytes());
    Some(dir.join(format!("titles-{:016x}.idx", h.digest())))
}

/// The title list `path` from its cached build at `cached` when that was built
/// from the same bytes; otherwise built (recording the list as its source,
/// so the next run can tell) and cached. A cache that cannot be read or
/// written is passed over: the list is then built as without one.
fn load_cached(
    path: &Path,
    cached: &Path,
    limits: Limits,
    once: bool,
) -> Result<Layer, IndexError> {
    let origin = path.display().to_string();
    if let Ok(mut layer) = Layer::open(cached) {
        let abs = std::fs::canonicalize(path).map(|p| path_bytes(&p));
        let same_file =
            matches!(layer.sources(), [s] if abs.as_deref().is_ok_and(|a| a == s.path.as_slice()));
        if same_file && stale_sources(&layer).is_empty() {
            layer.origin = origin;
            return Ok(layer);
        }
    }
    if once {
        // Built and cached only when the list is in use: used again unchanged
        // (a note of its size and time beside where its build would be), or
        // built before (the build is stale or damaged: rebuilt as it was).
        let seen = cached.with_extension("seen");
        let stamp = std::fs::metadata(path)
            .map(|m| format!("{} {}\n", m.len(), mtime_ns(&m)))
            .unwrap_or_default();
        let again = cached.exists()
            || std::fs::read_to_string(&seen).is_ok_and(|s| !stamp.is_empty() && s == stamp);
        if !again {
            let layer = load_listed(path, limits)?;
            let _ = write_cache(&seen, stamp.as_bytes());
            return Ok(layer);
        }
    }
    let mut b = Builder::new();
    if let Some(s) = read_titles(path, limits, true, &mut b)? {
        b.source(s);
    }
    let bytes = b.into_bytes();
    if write_cache(cached, &bytes).is_ok() {
        let _ = std::fs::remove_file(cached.with_extension("seen"));
    }
    Layer::from_bytes(origin, bytes)
}

/// The title list `path` held in memory as read for one run, never built nor
/// cached (what [`load_titles_once`] does with a list not built yet), within
/// [`Limits::from_env`]: the same answers as the index built from it.
///
/// # Errors
/// As [`load_titles`].
pub fn hold_titles(path: &Path) -> Result<Layer, IndexError> {
    load_listed(path, Limits::from_env())
}

fn load_listed(path: &Path, limits: Limits) -> Result<Layer, IndexError> {
    let mut all = Arena::default();
    if let Ok(m) = std::fs::metadata(path) {
        // Room for the text as read (a gzip list grows as it is read).
        all.reserve(usize::try_from(m.len()).unwrap_or(0));
    }
    read_source(path, limits, false, |r| {
        batches(r, BATCH, &mut |first, chunk| {
            all.append(title_keys(first, chunk, (BATCH / 32).max(1))?);
            Ok(())
        })
    })?;
    if all.len() >= u32::MAX as usize {
        return Err(IndexError {
            path: path.display().to_string(),
            reason: "more than 4,294,967,295 titles".into(),
        });
    }
    Layer::from_listed(path.display().to_string(), Listed::new(all))
}

fn write_cache(cached: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let dir = cached.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(cached).map_err(|e| e.error)?;
    Ok(())
}

/// Read an aliases file (`alias<TAB>target` a line, `.gz` accepted) into a
/// layer of its own; also returns the lines skipped for having no tab.
///
/// # Errors
/// As [`load_titles`].
pub fn load_aliases(path: &Path) -> Result<(Layer, usize), IndexError> {
    let mut b = Builder::new();
    let (skipped, _) = read_aliases(path, Limits::from_env(), false, &mut b)?;
    Ok((
        Layer::from_bytes(path.display().to_string(), b.into_bytes())?,
        skipped,
    ))
}

/// Add every title of a title list to `b`; with `record`, also return the
/// file as a source of the index (its absolute path, size, time and hash).
///
/// # Errors
/// Unreadable, over a limit, a bad line, or bad gzip.
pub fn read_titles(
    path: &Path,
    limits: Limits,
    record: bool,
    b: &mut Builder,
) -> Result<Option<SourceRecord>, IndexError> {
    read_titles_in(path, limits, record, b, BATCH)
}

/// Bytes of whole lines read before they are keyed, in parallel, as a batch.
const BATCH: usize = 8 << 20;

/// [`read_titles`] in batches of about `batch` bytes (tests use small ones).
fn read_titles_in(
    path: &Path,
    limits: Limits,
    record: bool,
    b: &mut Builder,
    batch: usize,
) -> Result<Option<SourceRecord>, IndexError> {
    read_source(path, limits, record, |r| {
        batches(r, batch, &mut |first, chunk| {
            b.title_keys(title_keys(first, chunk, (batch / 32).max(1))?);
            Ok(())
        })
    })
}

/// Why one line of a title list is refused (its number is added by the caller).
enum Refused {
    Long,
    NotUtf8(usize),
    Reason(String),
}

/// The title keys of `chunk`, whole lines of a title list whose first is line
/// `first`, keyed in pieces of about `piece` bytes on all threads and put
/// together in order; or the first line refused, as reading line by line
/// would refuse it.
fn title_keys(first: usize, chunk: &[u8], piece: usize) -> Result<Arena, Stop> {
    let mut pieces: Vec<&[u8]> = Vec::new();
    let mut s = 0;
    while s < chunk.len() {
        let mut e = (s + piece).min(chunk.len());
        if e < chunk.len() {
            e = memchr::memchr(b'\n', &chunk[e - 1..]).map_or(chunk.len(), |i| e + i);
        }
        pieces.push(&chunk[s..e]);
        s = e;
    }
    let keyed: Vec<Result<Arena, (usize, Refused)>> = pieces
        .par_iter()
        .enumerate()
        .map(|(k, piece)| {
            let mut out = Arena::default();
            let mut rest: &[u8] = piece;
            let mut i = 0;
            while !rest.is_empty() {
                let (line, next) = match memchr::memchr(b'\n', rest) {
                    Some(n) => (&rest[..n], &rest[n + 1..]),
                    None => (rest, &rest[rest.len()..]),
                };
                if line.len() > MAX_LINE {
                    return Err((i, Refused::Long));
                }
                let text = line_text(line, first == 1 && k == 0 && i == 0)
                    .map_err(|byte| (i, Refused::NotUtf8(byte)))?;
                let t = text.trim();
                if t.len() > MAX_TITLE_BYTES {
                    return Err((i, Refused::Reason(too_long(t.len()))));
                }
                if (!t.is_ascii() || t.bytes().any(|b| b < 0x20 || b == 0x7f))
                    && let Some(c) = t.chars().find(|c| c.is_control())
                {
                    return Err((i, Refused::Reason(control(c))));
                }
                if !t.is_empty() {
                    push_title(&mut out, t);
                }
                rest = next;
                i += 1;
            }
            Ok(out)
        })
        .collect();
    let mut all = Arena::default();
    for (k, part) in keyed.into_iter().enumerate() {
        match part {
            Ok(a) => all.append(a),
            Err((i, why)) => {
                let before: usize = pieces[..k]
                    .iter()
                    .map(|p| memchr::memchr_iter(b'\n', p).count())
                    .sum();
                let no = first + before + i;
                return Err(match why {
                    Refused::Long => long_line(no),
                    Refused::NotUtf8(byte) => {
                        Stop::Line(format!("line {no} is not UTF-8 (byte {byte} of the line)"))
                    }
                    Refused::Reason(r) => Stop::Line(format!("line {no}: {r}")),
                });
            }
        }
    }
    Ok(all)
}

/// Add every redirect of an alias list to `b`; returns the lines skipped for
/// having no `alias<TAB>target`, and the source as [`read_titles`] does.
///
/// # Errors
/// As [`read_titles`].
pub fn read_aliases(
    path: &Path,
    limits: Limits,
    record: bool,
    b: &mut Builder,
) -> Result<(usize, Option<SourceRecord>), IndexError> {
    let mut skipped = 0;
    let source = read_text(path, limits, record, |_, line| {
        if line.trim().is_empty() || line.starts_with('#') {
            return Ok(());
        }
        let (a, t) = line.split_once('\t').unwrap_or((line, ""));
        let (a, t) = (a.trim(), t.trim());
        for side in [a, t] {
            if side.len() > MAX_TITLE_BYTES {
                return Err(too_long(side.len()));
            }
            if let Some(c) = side.chars().find(|c| c.is_control()) {
                return Err(control(c));
            }
        }
        if a.is_empty() || t.is_empty() {
            skipped += 1;
        } else {
            b.alias(a, t);
        }
        Ok(())
    })?;
    Ok((skipped, source))
}

/// Call `f` with every line of a title list (the checks of [`read_titles`]
/// apply to the whole line).
///
/// # Errors
/// As [`read_titles`].
pub fn read_lines(path: &Path, mut f: impl FnMut(&str)) -> Result<(), IndexError> {
    read_text(path, Limits::from_env(), false, |_, line| {
        if line.len() > MAX_TITLE_BYTES {
            return Err(too_long(line.len()));
        }
        if let Some(c) = line.chars().find(|c| c.is_control()) {
            return Err(control(c));
        }
        f(line);
        Ok(())
    })
    .map(|_| ())
}

fn too_long(n: usize) -> String {
    format!("a title of {n} bytes, longer than MediaWiki's limit of {MAX_TITLE_BYTES}")
}

fn control(c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\t' => " (tab)",
        '\r' => " (carriage return)",
        '\u{1b}' => " (escape)",
        _ => "",
    };
    format!(
        "control character U+{:04X}{name}: a title list is text, one title a line",
        u32::from(c)
    )
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Why a read stopped.
enum Stop {
    /// Reading failed at this line (or a counting reader went over its limit).
    Read(usize, io::Error),
    /// A line was refused: the whole reason.
    Line(String),
}

/// Counts (and optionally hashes) what passes through; stops past `limit`.
struct Counted<R> {
    inner: R,
    n: u64,
    limit: u64,
    hash: Option<xxhash_rust::xxh3::Xxh3>,
    over: bool,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n += k as u64;
        if let Some(h) = &mut self.hash {
            h.update(&buf[..k]);
        }
        if self.n > self.limit {
            self.over = true;
            return Err(io::Error::other("over the limit"));
        }
        Ok(k)
    }
}

/// The file's modification time in nanoseconds since the epoch (0 if unknown).
fn mtime_ns(meta: &std::fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| u64::try_from(d.as_nanos()).ok())
        .unwrap_or(0)
}

/// A path as bytes of the platform's path (for the sources record).
fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned().into_bytes()
    }
}

fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Read the lines of a text file (gunzipping it when it starts with the gzip
/// magic bytes) within `limits`, calling `f(line number, line)` without the
/// line end; `f` refuses a line with a reason.
fn read_text(
    path: &Path,
    limits: Limits,
    record: bool,
    mut f: impl FnMut(usize, &str) -> Result<(), String>,
) -> Result<Option<SourceRecord>, IndexError> {
    read_source(path, limits, record, |r| lines(r, &mut f))
}

/// Open a text file (gunzipping it when it starts with the gzip magic bytes)
/// within `limits` and let `read` take its text; with `record`, return the
/// file as a source (its absolute path, size, time and hash).
fn read_source(
    path: &Path,
    limits: Limits,
    record: bool,
    mut read: impl FnMut(&mut dyn BufRead) -> Result<(), Stop>,
) -> Result<Option<SourceRecord>, IndexError> {
    let origin = path.display().to_string();
    let err = |reason: String| IndexError {
        path: origin.clone(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| err(crate::source::io_reason(&e)))?;
    let meta = file
        .metadata()
        .map_err(|e| err(crate::source::io_reason(&e)))?;
    if meta.is_dir() {
        return Err(err("is a directory, not a title list".into()));
    }
    if meta.is_file() && meta.len() > limits.file_bytes {
        return Err(err(format!(
            "is {} bytes, more than the limit of {} bytes for a title list ({MAX_BYTES_ENV} sets it)",
            meta.len(),
            limits.file_bytes
        )));
    }
    let mut raw = io::BufReader::with_capacity(
        1 << 20,
        Counted {
            inner: file,
            n: 0,
            limit: limits.file_bytes,
            hash: record.then(xxhash_rust::xxh3::Xxh3::new),
            over: false,
        },
    );
    let gz = match raw.fill_buf() {
        Ok(b) => b.starts_with(&[0x1f, 0x8b]),
        Err(e) => {
            return Err(err(if raw.get_ref().over {
                format!(
                    "is more than the limit of {} bytes for a title list ({MAX_BYTES_ENV} sets it)",
                    limits.file_bytes
                )
            } else {
                crate::source::io_reason(&e)
            }));
        }
    };
    let mut over_unpacked = false;
    let result = if gz {
        let mut text = io::BufReader::with_capacity(
            1 << 20,
            Counted {
                inner: flate2::bufread::MultiGzDecoder::new(&mut raw),
                n: 0,
                limit: limits.unpacked_bytes,
                hash: None,
                over: false,
            },
        );
        let r = read(&mut text);
        over_unpacked = text.get_ref().over;
        r
    } else {
        read(&mut raw)
    };
    if let Err(stop) = result {
        let reason = if raw.get_ref().over {
            format!(
                "is more than the limit of {} bytes for a title list ({MAX_BYTES_ENV} sets it)",
                limits.file_bytes
            )
        } else if over_unpacked {
            format!(
                "unpacks to more than the limit of {} bytes for a title list ({MAX_BYTES_ENV} sets it)",
                limits.unpacked_bytes
            )
        } else {
            match stop {
                Stop::Line(reason) => reason,
                Stop::Read(line, e) if gz => format!(
                    "line {line}: bad gzip data: {}",
                    crate::source::io_reason(&e)
                ),
                Stop::Read(line, e) => format!("line {line}: {}", crate::source::io_reason(&e)),
            }
        };
        return Err(err(reason));
    }
    if !record {
        return Ok(None);
    }
    // Read to the end, so the hash covers every byte of the file.
    let mut sink = [0u8; 1 << 16];
    loop {
        match raw.read(&mut sink) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(err(crate::source::io_reason(&e))),
        }
    }
    let counted = raw.into_inner();
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Ok(Some(SourceRecord {
        path: path_bytes(&abs),
        size: counted.n,
        mtime_ns: mtime_ns(&meta),
        hash: counted.hash.map_or(0, |h| h.digest()),
    }))
}

/// The text of a line without its `\r` (and, on the file's first line, a
/// byte-order mark); `Err(n)` when its `n`-th byte (from 1) is not UTF-8.
fn line_text(mut bytes: &[u8], first_line: bool) -> Result<&str, usize> {
    if let Some(b) = bytes.strip_suffix(b"\r") {
        bytes = b;
    }
    if first_line && let Some(b) = bytes.strip_prefix("\u{feff}".as_bytes()) {
        bytes = b;
    }
    std::str::from_utf8(bytes).map_err(|e| e.valid_up_to() + 1)
}

/// Split `r` into lines of at most [`MAX_LINE`] bytes.
fn lines(
    r: &mut dyn BufRead,
    f: &mut impl FnMut(usize, &str) -> Result<(), String>,
) -> Result<(), Stop> {
    let mut carry: Vec<u8> = Vec::with_capacity(MAX_LINE);
    let mut no = 0usize;
    let mut emit = |no: usize, bytes: &[u8]| -> Result<(), Stop> {
        let line = line_text(bytes, no == 1).map_err(|byte| {
            Stop::Line(format!("line {no} is not UTF-8 (byte {byte} of the line)"))
        })?;
        f(no, line).map_err(|reason| Stop::Line(format!("line {no}: {reason}")))
    };
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Stop::Read(no + 1, e)),
        };
        if buf.is_empty() {
            if !carry.is_empty() {
                emit(no + 1, &carry)?;
            }
            return Ok(());
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                no += 1;
                if carry.len() + i > MAX_LINE {
                    return Err(long_line(no));
                }
                if carry.is_empty() {
                    emit(no, &buf[..i])?;
                } else {
                    carry.extend_from_slice(&buf[..i]);
                    emit(no, &carry)?;
                    carry.clear();
                }
                r.consume(i + 1);
            }
            None => {
                let n = buf.len();
                if carry.len() + n > MAX_LINE {
                    return Err(long_line(no + 1));
                }
                carry.extend_from_slice(buf);
                r.consume(n);
            }
        }
    }
}

/// Hand `g` the text of `r` as batches of whole lines, each of about `size`
/// bytes or more, with the number of its first line. A line is at most
/// [`MAX_LINE`] bytes: a longer one stops the read once the lines before it
/// are handed over, as does a read error, so the first fault in the file is
/// the one reported, as when reading line by line.
fn batches(
    r: &mut dyn BufRead,
    size: usize,
    g: &mut impl FnMut(usize, &[u8]) -> Result<(), Stop>,
) -> Result<(), Stop> {
    let mut batch: Vec<u8> = Vec::new();
    // The number of the batch's first line; bytes and number of its whole lines.
    let (mut first, mut whole, mut lines) = (1usize, 0usize, 0usize);
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                g(first, &batch[..whole])?;
                return Err(Stop::Read(first + lines, e));
            }
        };
        if buf.is_empty() {
            return if batch.is_empty() {
                Ok(())
            } else {
                g(first, &batch)
            };
        }
        let (at, n) = (batch.len(), buf.len());
        batch.extend_from_slice(buf);
        r.consume(n);
        for i in memchr::memchr_iter(b'\n', &batch[at..]) {
            whole = at + i + 1;
            lines += 1;
        }
        if batch.len() - whole > MAX_LINE {
            g(first, &batch[..whole])?;
            return Err(long_line(first + lines));
        }
        if whole >= size {
            g(first, &batch[..whole])?;
            batch.drain(..whole);
            first += lines;
            (whole, lines) = (0, 0);
        }
    }
}

fn long_line(no: usize) -> Stop {
    Stop::Line(format!(
        "line {no}: more than {MAX_LINE} bytes without a line end (a title is at most {MAX_TITLE_BYTES} bytes)"
    ))
}

/// A source of an index that changed since the index was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The index.
    pub index: String,
    /// The changed source file.
    pub source: String,
}

/// The sources of `layer` (a prebuilt index) that still exist but no longer
/// hold the bytes it was built from. A file of the same size and time is taken
/// as unchanged; otherwise its bytes are hashed again, so a file touched but
/// not changed is not stale. Missing or unreadable sources are not judged.
#[must_use]
pub fn stale_sources(layer: &Layer) -> Vec<Stale> {
    let mut out = Vec::new();
    for s in layer.sources() {
        let path = path_from_bytes(&s.path);
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let changed = if meta.len() != s.size {
            true
        } else if mtime_ns(&meta) == s.mtime_ns {
            false
        } else {
            match hash_file(&path) {
                Ok(h) => h != s.hash,
                Err(_) => continue,
            }
        };
        if changed {
            out.push(Stale {
                index: layer.origin.clone(),
                source: path.display().to_string(),
            });
        }
    }
    out
}

fn hash_file(path: &Path) -> io::Result<u64> {
    let mut f = std::fs::File::open(path)?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match f.read(&mut buf) {
            Ok(0) => return Ok(h.digest()),
            Ok(n) => h.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// The titles read in batches of any size give the index that reading
    /// them line by line gives: `\r\n` ends, a BOM, blank lines, spaces, other
    /// scripts and a last line with no line end.
    #[test]
    fn titles_read_in_batches_give_the_same_index_as_line_by_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("\u{feff}First title\r\n");
        for i in 0..500 {
            text.push_str(&format!(
                "Title {i}\n  \n Straße {i} \r\nΚόσμος {}\n",
                i % 7
            ));
        }
        text.push_str("Last one");
        let path = titles_file(dir.path(), "t.txt", text.as_bytes());
        let mut one = Builder::new();
        for (no, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let line = if no == 0 { &line[3..] } else { line };
            one.title(line.trim());
        }
        let want = one.into_bytes();
        for batch in [1, 7, 64, 1000, BATCH] {
            let mut b = Builder::new();
            read_titles_in(&path, Limits::default(), false, &mut b, batch).unwrap();
            assert!(b.into_bytes() == want, "batch {batch}");
        }
    }

    /// The first faulty line is named by its number whatever the batches.
    #[test]
    fn a_faulty_line_is_named_by_its_number_across_batches() {
        let dir = tempfile::tempdir().unwrap();
        let good = |n: usize| (0..n).map(|i| format!("Title {i}\n")).collect::<String>();
        let cases: Vec<(Vec<u8>, String)> = vec![
            (
                format!("{}A\u{1}B\n{}", good(999), good(10)).into_bytes(),
                "line 1000: control character U+0001".into(),
            ),
            (
                [good(1200).as_bytes(), b"\xff\xfe\n", good(3).as_bytes()].concat(),
                "line 1201 is not UTF-8 (byte 1 of the line)".into(),
            ),
            (
                format!("{}{}\n", good(300), "x".repeat(300)).into_bytes(),
                "line 301: a title of 300 bytes".into(),
            ),
            (
                format!("{}{}\nok\n", good(40), "y".repeat(MAX_LINE + 1)).into_bytes(),
                "line 41: more than 1024 bytes without a line end".into(),
            ),
            (
                // A fault before a line too long to read is reported first.
                format!("{}\u{7}\n{}", good(5), "z".repeat(4 * MAX_LINE)).into_bytes(),
                "line 6: control character U+0007".into(),
            ),
            (
                format!("{}{}", good(5), "z".repeat(4 * MAX_LINE)).into_bytes(),
                "line 6: more than 1024 bytes".into(),
            ),
        ];
        for (n, (bytes, want)) in cases.iter().enumerate() {
            let path = titles_file(dir.path(), &format!("bad{n}.txt"), bytes);
            for batch in [1, 100, 5000, BATCH] {
                let mut b = Builder::new();
                let e = read_titles_in(&path, Limits::default(), false, &mut b, batch)
                    .err()
                    .unwrap_or_else(|| panic!("case {n} batch {batch}: no error"));
                assert!(
                    e.reason.starts_with(want.as_str()),
                    "case {n} batch {batch}: {}",
                    e.reason
                );
            }
        }
    }
}
