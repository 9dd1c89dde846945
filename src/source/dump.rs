//! MediaWiki XML exports and dumps (`.xml`, `.xml.bz2`, `.xml.gz` with a
//! `<mediawiki>` root), read page by page: never the whole file in memory.
//!
//! A bzip2 or gzip file is decompressed on a thread of its own, which hands
//! the XML reader chunks through a bounded channel, so decompressing and
//! reading the XML overlap. With more than one thread, a bzip2 file's
//! blocks are decompressed side by side on the rayon pool (`source::bz2`),
//! with the same bytes and errors as the one-thread decoder. bzip2 and gzip
//! files of several concatenated
//! streams (multistream dumps) are read to their end. Each `<page>` gives its
//! title, namespace, redirect target (`<redirect title="..."/>`, or a text
//! that starts with `#REDIRECT`) and the text of its last revision. A page's
//! text over the size limit is not kept: the page says how large it was.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::{InputError, io_reason};

/// How dump file names end (any case).
pub const DUMP_SUFFIXES: &[&str] = &[".xml", ".xml.bz2", ".xml.gz"];

/// Whether a file name says it is a MediaWiki XML export or dump.
#[must_use]
pub fn is_dump_path(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    DUMP_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// One `<page>` of a dump.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The title as the dump writes it (`Category:X` outside namespace 0).
    pub title: String,
    /// The namespace number (0: articles).
    pub ns: i64,
    /// The target, when the page is a redirect.
    pub redirect: Option<String>,
    /// The `<redirect>` element's `title` as written (`Some("")`: an element
    /// without one; `None`: no element), before a `#REDIRECT` text is read.
    pub redirect_element: Option<String>,
    /// The wikitext of its last revision; empty when it was over the limit.
    pub text: String,
    /// Bytes of wikitext the page has, kept or not.
    pub text_len: u64,
}

impl Page {
    /// Whether the text was over the size limit and not kept.
    #[must_use]
    pub fn too_large(&self, limit: u64) -> bool {
        self.text_len > super::readable_limit(limit)
    }
}

/// Why a dump could not be read on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpError {
    /// Byte offset in the (decompressed) XML.
    pub offset: u64,
    /// What went wrong.
    pub reason: String,
}

impl std::fmt::Display for DumpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the dump cannot be read past byte {} of its XML: {}",
            self.offset, self.reason
        )
    }
}

impl std::error::Error for DumpError {}

enum Chunk {
    Data(Vec<u8>),
    Failed(io::Error),
    Done,
}

/// The read end of a decompressing thread.
struct Threaded {
    rx: Receiver<Chunk>,
    cur: Vec<u8>,
    pos: usize,
    done: bool,
}

const CHUNK: usize = 1 << 18;

/// Bytes of a page title kept.
const MAX_TITLE: usize = 1024;

impl Threaded {
    /// Run `produce` on a thread of its own; it hands chunks over with the
    /// sender.
    fn spawn_with(produce: impl FnOnce(SyncSender<Chunk>) + Send + 'static) -> io::Result<Self> {
        let (tx, rx): (SyncSender<Chunk>, _) = sync_channel(8);
        std::thread::Builder::new()
            .name("encyclint-decompress".into())
            .spawn(move || produce(tx))?;
        Ok(Self {
            rx,
            cur: Vec::new(),
            pos: 0,
            done: false,
        })
    }

    fn spawn(r: Box<dyn Read + Send>) -> io::Result<Self> {
        Self::spawn_with(move |tx| chunks(r, &tx, 0))
    }

    /// A bzip2 file decompressed on the rayon pool ([`super::bz2`]), or on
    /// this thread alone from its start when that stops, skipping the chunks
    /// already handed over: the same chunks either way.
    fn spawn_bz2(file: File, path: std::path::PathBuf) -> io::Result<Self> {
        Self::spawn_with(move |tx| {
            let mut sent = 0usize;
            let r = super::bz2::decompress(file, CHUNK, |c| {
                sent += 1;
                tx.send(Chunk::Data(c)).is_ok()
            });
            match r {
                Ok(()) => {
                    let _ = tx.send(Chunk::Done);
                }
                Err(super::bz2::Fallback) => match File::open(&path) {
                    Ok(f) => chunks(
                        Box::new(bzip2::read::MultiBzDecoder::new(BufReader::new(f))),
                        &tx,
                        sent,
                    ),
                    Err(e) => {
                        let _ = tx.send(Chunk::Failed(e));
                    }
                },
            }
        })
    }
}

/// Read `r` to its end in chunks of [`CHUNK`] bytes (a short read is not the
/// end) and send them, but the first `skip`; then `Done`, or the error that
/// stopped it (the bytes of an unfinished chunk are dropped).
fn chunks(mut r: Box<dyn Read + Send>, tx: &SyncSender<Chunk>, skip: usize) {
    let mut k = 0usize;
    loop {
        let mut buf = vec![0u8; CHUNK];
        let mut n = 0;
        // Fill the chunk; a short read is not the end.
        let end = loop {
            match r.read(&mut buf[n..]) {
                Ok(0) => break true,
                Ok(k) => {
                    n += k;
                    if n == buf.len() {
                        break false;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Chunk::Failed(e));
                    return;
                }
            }
        };
        buf.truncate(n);
        if n > 0 && k >= skip && tx.send(Chunk::Data(buf)).is_err() {
            return;
        }
        k += 1;
        if end {
            let _ = tx.send(Chunk::Done);
            return;
        }
    }
}

impl Read for Threaded {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Threaded {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.pos >= self.cur.len() && !self.done {
            match self.rx.recv() {
                Ok(Chunk::Data(d)) => {
                    self.cur = d;
                    self.pos = 0;
                }
                Ok(Chunk::Done) => self.done = true,
                Ok(Chunk::Failed(e)) => {
                    self.done = true;
                    return Err(e);
                }
                Err(_) => {
                    self.done = true;
                    return Err(io::Error::other("the decompressing thread stopped"));
                }
            }
        }
        Ok(&self.cur[self.pos.min(self.cur.len())..])
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
    }
}

/// Open a file as XML, decompressing `.bz2` and `.gz` on a thread of its own.
fn open_xml(path: &Path, name: &str) -> Result<Box<dyn BufRead + Send>, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| InputError::Io(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(InputError::Io("is a directory".into()));
    }
    if !meta.file_type().is_file() {
        return Err(InputError::NotRegular("not a regular file"));
    }
    let file = File::open(path).map_err(|e| InputError::Io(io_reason(&e)))?;
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".bz2") && rayon::current_num_threads() > 1 {
        return Threaded::spawn_bz2(file, path.to_path_buf())
            .map(|t| Box::new(t) as Box<dyn BufRead + Send>)
            .map_err(|e| InputError::Io(io_reason(&e)));
    }
    let decoder: Option<Box<dyn Read + Send>> = if lower.ends_with(".bz2") {
        Some(Box::new(bzip2::read::MultiBzDecoder::new(BufReader::new(
            file,
        ))))
    } else if lower.ends_with(".gz") {
        Some(Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(
            file,
        ))))
    } else {
        return Ok(Box::new(BufReader::with_capacity(CHUNK, file)));
    };
    let r = decoder.map(Threaded::spawn).transpose();
    match r {
        Ok(Some(t)) => Ok(Box::new(t)),
        Ok(None) => Err(InputError::Io("nothing to read".into())),
        Err(e) => Err(InputError::Io(io_reason(&e))),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Title,
    Ns,
    Text,
}

/// The pages of a dump, in order. After an error the iterator ends.
pub struct Pages {
    reader: Reader<Box<dyn BufRead + Send>>,
    buf: Vec<u8>,
    limit: u64,
    finished: bool,
    closed_root: bool,
}

/// Open a dump and check that its root element is `<mediawiki>`. Page texts
/// over `limit` bytes are not kept.
///
/// # Errors
/// The file cannot be opened or decompressed, is not XML, or its root is
/// not `<mediawiki>`.
pub fn open(path: &Path, name: &str, limit: u64) -> Result<Pages, InputError> {
    let limit = super::readable_limit(limit);
    let r = open_xml(path, name)?;
    let mut reader = Reader::from_reader(r);
    reader.config_mut().expand_empty_elements = false;
    let mut buf = Vec::with_capacity(1 << 16);
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let root = e.local_name().as_ref().to_string();
                if root != "mediawiki" {
                    return Err(InputError::NotDump(format!(
                        "the root element is <{root}>, not <mediawiki>"
                    )));
                }
                break;
            }
            Ok(Event::Eof) => {
                return Err(InputError::NotDump("no XML element in it".into()));
            }
            Ok(Event::Text(t)) if t.xml10_content().trim().is_empty() => {}
            Ok(Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_)) => {}
            Ok(Event::Text(_) | Event::CData(_) | Event::GeneralRef(_)) => {
                return Err(InputError::NotDump(
                    "text before the root element (not XML)".into(),
                ));
            }
            Ok(Event::End(_)) => {
                return Err(InputError::NotDump(
                    "a closing tag before any element".into(),
                ));
            }
            Err(e) => {
                return Err(InputError::NotDump(format!("not XML: {}", xml_reason(&e))));
            }
        }
    }
    Ok(Pages {
        reader,
        buf,
        limit,
        finished: false,
        closed_root: false,
    })
}

fn xml_reason(e: &quick_xml::Error) -> String {
    match e {
        quick_xml::Error::Io(io) => io_reason(io),
        other => other.to_string(),
    }
}

impl Pages {
    fn fail(&mut self, reason: String) -> Option<Result<Page, DumpError>> {
        self.finished = true;
        Some(Err(DumpError {
            offset: self
                .reader
                .error_position()
                .max(self.reader.buffer_position()),
            reason,
        }))
    }
}

fn redirect_of(e: &BytesStart<'_>) -> Option<String> {
    let a = e.try_get_attribute("title").ok()??;
    let v = a.normalized_value(XmlVersion::Implicit1_0).ok()?;
    Some(v.into_owned())
}

fn push(page: &mut Page, field: Field, s: &str, limit: u64) {
    match field {
        // MediaWiki titles are at most 255 bytes: a longer one is cut, so a
        // hostile dump cannot grow it without bound.
        Field::Title if page.title.len() < MAX_TITLE => page.title.push_str(s),
        Field::Title => {}
        Field::Ns => {
            if let Ok(n) = s.trim().parse() {
                page.ns = n;
            }
        }
        Field::Text => {
            page.text_len += s.len() as u64;
            if page.text_len <= limit {
                page.text.push_str(s);
            } else {
                page.text = String::new();
            }
        }
        Field::None => {}
    }
}

/// `#REDIRECT [[Target]]`: the target.
fn redirect_in_text(text: &str) -> Option<String> {
    let t = text.trim_start();
    if !t.get(..9)?.eq_ignore_ascii_case("#redirect") {
        return None;
    }
    let open = t.find("[[")?;
    let rest = &t[open + 2..];
    let close = rest.find("]]")?;
    let target = rest[..close].split(['|', '#']).next()?.trim();
    (!target.is_empty()).then(|| target.to_string())
}

impl Iterator for Pages {
    type Item = Result<Page, DumpError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let mut page: Option<Page> = None;
        let mut field = Field::None;
        let mut in_revision = false;
        loop {
            self.buf.clear();
            let ev = match self.reader.read_event_into(&mut self.buf) {
                Ok(ev) => ev,
                Err(e) => {
                    let reason = xml_reason(&e);
                    return self.fail(reason);
                }
            };
            match ev {
                Event::Start(e) => match e.local_name().as_ref() {
                    "page" => page = Some(Page::default()),
                    "revision" if page.is_some() => {
                        // Keep the last revision's text only.
                        in_revision = true;
                        if let Some(p) = page.as_mut() {
                            p.text.clear();
                            p.text_len = 0;
                        }
                    }
                    "title" if page.is_some() && !in_revision => field = Field::Title,
                    "ns" if page.is_some() && !in_revision => field = Field::Ns,
                    "text" if in_revision => field = Field::Text,
                    "redirect" => {
                        if let Some(p) = page.as_mut() {
                            p.redirect = redirect_of(&e).or(Some(String::new()));
                            p.redirect_element.clone_from(&p.redirect);
                        }
                    }
                    _ => field = Field::None,
                },
                Event::Empty(e) => {
                    if e.local_name().as_ref() == "redirect"
                        && let Some(p) = page.as_mut()
                    {
                        p.redirect = redirect_of(&e).or(Some(String::new()));
                        p.redirect_element.clone_from(&p.redirect);
                    }
                }
                Event::Text(t) => {
                    if let Some(p) = page.as_mut() {
                        if field == Field::Text && p.text_len > self.limit {
                            // Not kept: count the bytes without decoding them
                            // (the titles-only pass reads every text so).
                            p.text_len += t.len() as u64;
                        } else {
                            push(p, field, &t.xml10_content(), self.limit);
                        }
                    }
                }
                Event::CData(t) => {
                    if let Some(p) = page.as_mut() {
                        push(p, field, &t.xml10_content(), self.limit);
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(p) = page.as_mut() {
                        let s = match r.resolve_char_ref() {
                            Ok(Some(c)) => c.to_string(),
                            Ok(None) => match quick_xml::escape::resolve_xml_entity(&r) {
                                Some(s) => s.to_string(),
                                None => format!("&{};", &*r),
                            },
                            Err(e) => return self.fail(e.to_string()),
                        };
                        push(p, field, &s, self.limit);
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "page" => {
                        let Some(mut p) = page.take() else {
                            continue;
                        };
                        if p.redirect.as_deref().is_none_or(str::is_empty)
                            && let Some(t) = redirect_in_text(&p.text)
                        {
                            p.redirect = Some(t);
                        }
                        return Some(Ok(p));
                    }
                    "revision" => in_revision = false,
                    "mediawiki" => self.closed_root = true,
                    _ => field = Field::None,
                },
                Event::Eof => {
                    self.finished = true;
                    if page.is_some() {
                        return self.fail("the dump ends inside a <page>".into());
                    }
                    if !self.closed_root {
                        return self.fail("the dump ends before </mediawiki>".into());
                    }
                    return None;
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const DUMP: &str = r#"<?xml version="1.0"?>
<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">
  <siteinfo><sitename>Wikipedia</sitename></siteinfo>
  <page>
    <title>Alpha &amp; Omega</title>
    <ns>0</ns>
    <id>1</id>
    <revision><id>1</id><text xml:space="preserve">old</text></revision>
    <revision><id>2</id><text bytes="30" xml:space="preserve">'''Alpha''' is &lt;b&gt;.&#10;See [[Beta]].</text></revision>
  </page>
  <page><title>Gamma</title><ns>0</ns><redirect title="Alpha &amp; Omega" /><revision><text>#REDIRECT [[Alpha &amp; Omega]]</text></revision></page>
  <page><title>Delta</title><ns>0</ns><revision><text>#redirect [[Alpha]]</text></revision></page>
  <page><title>Category:X</title><ns>14</ns><revision><text/></revision></page>
  <page><title>Big</title><ns>0</ns><revision><text>0123456789</text></revision></page>
</mediawiki>
"#;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn pages(path: &Path, limit: u64) -> Vec<Result<Page, DumpError>> {
        let name = path.to_string_lossy().into_owned();
        open(path, &name, limit).unwrap().collect()
    }

    #[test]
    fn plain_bz2_and_gz_read_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let xml = write(dir.path(), "a.xml", DUMP.as_bytes());
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(&DUMP.as_bytes()[..100]).unwrap();
        let mut bytes = bz.finish().unwrap();
        // A second stream, as in multistream dumps.
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(&DUMP.as_bytes()[100..]).unwrap();
        bytes.extend(bz.finish().unwrap());
        let bz2 = write(dir.path(), "a.xml.bz2", &bytes);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(DUMP.as_bytes()).unwrap();
        let gzp = write(dir.path(), "a.XML.GZ", &gz.finish().unwrap());
        let want = pages(&xml, 40);
        assert_eq!(pages(&bz2, 40), want);
        assert_eq!(pages(&gzp, 40), want);
        let got: Vec<Page> = want.into_iter().map(Result::unwrap).collect();
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].title, "Alpha & Omega");
        assert_eq!(got[0].text, "'''Alpha''' is <b>.\nSee [[Beta]].");
        assert_eq!(got[0].redirect, None);
        assert_eq!(got[1].redirect.as_deref(), Some("Alpha & Omega"));
        assert_eq!(got[1].redirect_element, got[1].redirect);
        assert_eq!(got[2].redirect.as_deref(), Some("Alpha"));
        assert_eq!(got[2].redirect_element, None, "read from the text");
        assert_eq!((got[3].ns, got[3].text.as_str()), (14, ""));
        assert_eq!(got[4].text, "0123456789");
        assert!(got[4].too_large(9) && !got[4].too_large(10));
        let small = pages(&xml, 9);
        let big = small[4].as_ref().unwrap();
        assert!(big.text.is_empty() && big.text_len == 10);
    }

    #[test]
    fn other_xml_and_broken_dumps_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "feed.xml",
            b"<?xml version=\"1.0\"?>\n<rss><channel/></rss>",
        );
        let e = open(&p, "feed.xml", 100).err().unwrap();
        assert_eq!(
            e.to_string(),
            "not a MediaWiki export or dump: the root element is <rss>, not <mediawiki>"
        );
        let p = write(dir.path(), "t.xml", b"just text");
        assert!(
            open(&p, "t.xml", 100)
                .err()
                .unwrap()
                .to_string()
                .contains("not XML")
        );
        let p = write(dir.path(), "b.xml.bz2", b"BZh9 not really");
        assert!(matches!(
            open(&p, "b.xml.bz2", 100).err(),
            Some(InputError::NotDump(_))
        ));
        let cut = &DUMP[..DUMP.find("<page><title>Delta").unwrap() + 26];
        let p = write(dir.path(), "cut.xml", cut.as_bytes());
        let got = pages(&p, 100);
        assert_eq!(got.len(), 3);
        let err = got[2].as_ref().unwrap_err();
        assert!(err.to_string().contains("ends inside a <page>"), "{err}");
    }

    #[test]
    fn cut_and_damaged_dumps_end_without_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = DUMP.as_bytes();
        let mut damaged: Vec<Vec<u8>> = (0..bytes.len())
            .step_by(7)
            .map(|n| bytes[..n].to_vec())
            .collect();
        for (i, b) in [b'<', b'>', b'&', b'"', 0xff, b'\0', b'/']
            .into_iter()
            .enumerate()
        {
            for at in (i * 13..bytes.len()).step_by(29) {
                let mut v = bytes.to_vec();
                v[at] = b;
                damaged.push(v);
            }
        }
        damaged.push(b"<mediawiki><page><title>".repeat(2000));
        damaged.push(
            b"<mediawiki>&#xFFFFFFFF;&bogus;<page><text>&#0;</text></page></mediawiki>".to_vec(),
        );
        let p = dir.path().join("d.xml");
        for v in damaged {
            std::fs::write(&p, &v).unwrap();
            if let Ok(pages) = open(&p, "d.xml", 100) {
                // Every iterator ends: after an error, nothing more comes.
                let n = pages.take(1000).count();
                assert!(n < 1000);
            }
        }
    }

    #[test]
    fn names() {
        assert!(is_dump_path("enwiki-pages-articles.XML.bz2"));
        assert!(is_dump_path("a/export.xml"));
        assert!(is_dump_path("x.xml.gz"));
        assert!(!is_dump_path("x.bz2"));
        assert!(!is_dump_path("x.wiki"));
    }
}
