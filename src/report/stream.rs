//! Reports written as the run goes: one [`Stream`] per format takes each
//! file's result in input order and writes what it can at once, so a run
//! holds the findings of a few files, not of the corpus.
//!
//! What a format must know before it can write its first bytes (JUnit's
//! totals, SARIF's refusal over GitHub's limits) is spooled: the body goes to a
//! [`Spool`] (memory, then an anonymous temporary file past
//! [`SPOOL_MEMORY`]) and is copied out after the header at the end. Only the
//! HTML page, which draws charts of the whole run at its top, keeps every
//! file's result until the end.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use crate::report::fingerprint::PathMapper;
use crate::report::{FileResult, OutputFormat, Summary, github, gitlab, html, human, json, junit};
use crate::report::{sarif, short};

/// Why a report was not (completely) written.
#[derive(Debug)]
pub enum StreamError {
    /// Writing failed.
    Io(io::Error),
    /// The format refused the run (SARIF over GitHub's limits); nothing of
    /// the report was written.
    Refused(String),
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StreamError::Io(e) => write!(f, "cannot write the report: {e}"),
            StreamError::Refused(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for StreamError {}

impl From<io::Error> for StreamError {
    fn from(e: io::Error) -> Self {
        StreamError::Io(e)
    }
}

/// A report being written.
pub trait Stream {
    /// Take the next file's result (input order).
    ///
    /// # Errors
    /// Write errors.
    fn file(&mut self, r: FileResult) -> io::Result<()>;

    /// Write what comes after the last file; `summary` counts the whole run.
    ///
    /// # Errors
    /// Write errors, or the format's refusal.
    fn finish(self: Box<Self>, summary: &Summary) -> Result<(), StreamError>;
}

/// The stream of `format` onto `out`.
#[must_use]
pub fn open<'w>(
    format: OutputFormat,
    out: &'w mut dyn Write,
    mapper: &'w PathMapper,
) -> Box<dyn Stream + 'w> {
    match format {
        OutputFormat::Human => Box::new(human::HumanStream::new(out)),
        OutputFormat::Json => Box::new(json::JsonStream::new(out)),
        OutputFormat::Jsonl => Box::new(json::JsonlStream::new(out)),
        OutputFormat::Short => Box::new(short::ShortStream::new(out)),
        OutputFormat::Sarif => Box::new(sarif::SarifStream::new(out, mapper)),
        OutputFormat::Github => Box::new(github::GithubStream::new(out, mapper)),
        OutputFormat::Junit => Box::new(junit::JunitStream::new(out)),
        OutputFormat::Gitlab => Box::new(gitlab::GitlabStream::new(out, mapper)),
        OutputFormat::Html => Box::new(html::HtmlStream::new(out)),
    }
}

/// Write a whole report of results already in memory.
///
/// # Errors
/// As [`Stream::finish`].
pub fn write(
    format: OutputFormat,
    out: &mut dyn Write,
    mapper: &PathMapper,
    results: impl IntoIterator<Item = FileResult>,
    summary: &Summary,
) -> Result<(), StreamError> {
    let mut s = open(format, out, mapper);
    for r in results {
        s.file(r)?;
    }
    s.finish(summary)
}

/// Bytes kept in memory before a spool moves to a temporary file.
pub const SPOOL_MEMORY: usize = 1 << 20;

/// An append-only buffer that stays in memory while small and moves to an
/// anonymous temporary file (deleted by the system when closed, even if the
/// process is killed) when it grows; it can be copied out any number of times.
#[derive(Default)]
pub struct Spool {
    mem: Vec<u8>,
    file: Option<BufWriter<File>>,
    len: u64,
}

impl Spool {
    /// An empty spool.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes written so far.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Nothing written yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Copy everything written so far to `w`.
    ///
    /// # Errors
    /// Read or write errors.
    pub fn copy_to(&mut self, w: &mut dyn Write) -> io::Result<()> {
        match &mut self.file {
            None => w.write_all(&self.mem),
            Some(f) => {
                f.flush()?;
                let file = f.get_mut();
                file.seek(SeekFrom::Start(0))?;
                let mut buf = vec![0u8; 1 << 16];
                loop {
                    let n = file.read(&mut buf)?;
                    if n == 0 {
                        break;
                    }
                    w.write_all(&buf[..n])?;
                }
                file.seek(SeekFrom::End(0))?;
                Ok(())
            }
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.file.is_none() && self.mem.len() + buf.len() > SPOOL_MEMORY {
            let mut f = BufWriter::new(tempfile::tempfile()?);
            f.write_all(&self.mem)?;
            self.mem = Vec::new();
            self.file = Some(f);
        }
        match &mut self.file {
            Some(f) => f.write_all(buf)?,
            None => self.mem.extend_from_slice(buf),
        }
        self.len += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

/// Write `text` (one pretty-printed JSON value) indented by `indent` spaces on
/// every line but the first: JSON strings hold no raw line breaks, so this is
/// the value as it would print nested at that depth.
///
/// # Errors
/// Write errors.
pub fn write_indented(w: &mut dyn Write, text: &str, indent: usize) -> io::Result<()> {
    let pad = " ".repeat(indent);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            w.write_all(b"\n")?;
            w.write_all(pad.as_bytes())?;
        }
        w.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spool_moves_to_a_file_and_copies_out_twice() {
        let mut s = Spool::new();
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..5 {
            s.write_all(&chunk).unwrap();
        }
        s.write_all(b"end").unwrap();
        assert!(s.file.is_some(), "past SPOOL_MEMORY it is a file");
        assert_eq!(s.len(), 5 * (1 << 20) + 3);
        for _ in 0..2 {
            let mut out = Vec::new();
            s.copy_to(&mut out).unwrap();
            assert_eq!(out.len() as u64, s.len());
            assert!(out.ends_with(b"xend"));
        }
        s.write_all(b"!").unwrap();
        let mut out = Vec::new();
        s.copy_to(&mut out).unwrap();
        assert!(out.ends_with(b"end!"), "appends after a copy");
    }

    #[test]
    fn indenting_keeps_the_first_line() {
        let mut out = Vec::new();
        write_indented(&mut out, "{\n  \"a\": 1\n}", 4).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "{\n      \"a\": 1\n    }");
    }
}
