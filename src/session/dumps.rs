//! MediaWiki dumps in a run: each namespace-0 page that is not a redirect is
//! a unit of work of its own, read as the run goes (never the whole dump in
//! memory), and the dump's titles with its redirects are the index of its
//! own pages.
//!
//! A compressed dump is decompressed once: the pass that reads its titles
//! writes its article pages to an unnamed temporary file ([`Spooled`]), and
//! the check reads them back from there ([`work`]), in the same order and as
//! the same units of work, so the report is the same bytes. A plain `.xml`
//! is read twice (reading XML again costs less than writing a copy of it).

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;

use super::discover::{Input, Inputs};
use crate::index::{self, IndexError};
use crate::source::dump::{self, Page};

/// One unit of a run's work: an input, a page of a dump, or a dump that
/// could not be read (on from some point).
#[derive(Debug, Clone)]
pub enum Work {
    /// A file, standard input, or a path that could not be walked.
    Input(Input),
    /// A page of the dump shown as `dump`.
    Page {
        /// The dump's shown path.
        dump: String,
        /// The page.
        page: Page,
    },
    /// The dump shown as `dump` cannot be read (on): why.
    DumpFailed {
        /// The dump's shown path.
        dump: String,
        /// The reason, one line.
        reason: String,
    },
}

/// Whether an input is a MediaWiki XML export or dump (by its name).
#[must_use]
pub fn is_dump(input: &Input) -> bool {
    matches!(input, Input::File(f) if dump::is_dump_path(f.shown()))
}

/// Whether a page of a dump is linted: an article (namespace 0) that is not
/// a redirect.
#[must_use]
pub fn is_article(page: &Page) -> bool {
    page.ns == 0 && page.redirect.is_none()
}

/// The run's work in input order: every input, with each dump replaced by its
/// article pages (read as the iterator is driven: from its [`Spooled`] copy
/// when `spooled` has one for its path, else from the dump). Page texts over
/// `limit` bytes are not kept (the page then fails as too large).
/// An input as [`work`] sees it: a dump file by its parts, or anything else.
enum Dumped {
    File(PathBuf, String),
    Other(Input),
}

pub fn work(
    inputs: Inputs,
    limit: u64,
    spooled: Vec<Spooled>,
) -> impl Iterator<Item = Work> + Send + 'static {
    let mut spooled = spooled;
    inputs
        .into_iter()
        .flat_map(move |input| -> Box<dyn Iterator<Item = Work> + Send> {
            let input = match input {
                Input::File(f) if dump::is_dump_path(f.shown()) => {
                    let (path, name) = f.into_parts();
                    Dumped::File(path, name)
                }
                other => Dumped::Other(other),
            };
            match input {
                Dumped::File(path, name)
                    if dump::is_dump_path(&name)
                        && let Some(at) = spooled.iter().position(|s| s.path == path) =>
                {
                    Box::new(spooled.swap_remove(at).pages(name))
                }
                Dumped::File(path, name) => match dump::open(&path, &name, limit) {
                    Err(e) => Box::new(std::iter::once(Work::DumpFailed {
                        dump: name,
                        reason: e.to_string(),
                    })),
                    Ok(pages) => Box::new(pages.filter_map(move |p| match p {
                        Ok(page) if is_article(&page) => Some(Work::Page {
                            dump: name.clone(),
                            page,
                        }),
                        Ok(_) => None,
                        Err(e) => Some(Work::DumpFailed {
                            dump: name.clone(),
                            reason: e.to_string(),
                        }),
                    })),
                },
                Dumped::Other(Input::Stdin(name)) if dump::is_dump_path(&name) => {
                    Box::new(std::iter::once(Work::DumpFailed {
                        dump: name,
                        reason:
                            "a MediaWiki dump is read from a file, not standard input (it is read \
                             twice: once for its titles, once for its pages); name the file"
                                .to_string(),
                    }))
                }
                Dumped::Other(other) => Box::new(std::iter::once(Work::Input(other))),
            }
        })
}

/// Drive `it` on a thread of its own, `ahead` items ahead of the caller, so
/// reading a dump overlaps with checking its pages.
pub fn prefetch<T: Send + 'static>(
    it: impl Iterator<Item = T> + Send + 'static,
    ahead: usize,
) -> impl Iterator<Item = T> {
    let (tx, rx) = sync_channel(ahead.max(1));
    let spawned = std::thread::Builder::new()
        .name("encyclint-pages".into())
        .spawn(move || {
            for x in it {
                if tx.send(x).is_err() {
                    return;
                }
            }
        });
    // Without a thread, nothing comes: say so rather than hang.
    let failed = spawned.is_err();
    rx.into_iter().take(if failed { 0 } else { usize::MAX })
}

/// Whether a dump is worth a [`Spooled`] copy: it is compressed, so reading
/// it again would decompress it again.
#[must_use]
pub fn compressed(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".bz2") || lower.ends_with(".gz")
}

/// The titles and redirects of a dump's namespace-0 pages, as one index
/// source. `None` when the dump cannot be opened (the check says why).
///
/// With `spool` (the page size limit of the check), the article pages are
/// also written to an unnamed temporary file as they are read, and that copy
/// is returned for [`work`]; without it, or when the copy cannot be written
/// (the check then reads the dump again), texts are not kept.
///
/// # Errors
/// Never in practice: the index is built in memory.
pub fn index_layer(
    path: &Path,
    name: &str,
    spool: Option<u64>,
) -> Result<(Option<index::Layer>, Option<Spooled>), IndexError> {
    // Texts are not needed for the titles: a limit of 0 keeps none.
    let Ok(pages) = dump::open(path, name, spool.unwrap_or(0)) else {
        return Ok((None, None));
    };
    let mut writer = spool.and_then(|_| SpoolWriter::new().ok());
    let mut titles = Vec::new();
    let mut redirects = Vec::new();
    for p in pages {
        let p = match p {
            Ok(p) => p,
            Err(e) => {
                if let Some(w) = writer.as_mut() {
                    w.failed(&e.to_string());
                }
                break;
            }
        };
        if let Some(w) = writer.as_mut()
            && is_article(&p)
        {
            w.page(&p);
        }
        if p.ns != 0 {
            continue;
        }
        // Only the `<redirect>` element: a `#REDIRECT` text is not read for
        // the titles (a limit of 0 keeps no text), whether it was kept or not.
        match p.redirect_element {
            Some(target) if !target.is_empty() => redirects.push((p.title, target)),
            Some(_) => {}
            None => titles.push(p.title),
        }
    }
    titles.sort();
    let bytes = index::build_bytes(titles.into_iter(), redirects.into_iter());
    let layer = index::Layer::from_bytes(name, bytes)?;
    let spooled = writer.and_then(|w| w.finish(path).ok());
    Ok((Some(layer), spooled))
}

/// A dump's units of work, written once while its titles were read: its
/// article pages in order, then the error that ended it, if one did.
#[derive(Debug)]
pub struct Spooled {
    path: PathBuf,
    file: File,
}

const SPOOL_PAGE: u8 = 0;
const SPOOL_FAILED: u8 = 1;

/// Writes a [`Spooled`] copy; the first write error drops it.
struct SpoolWriter {
    out: BufWriter<File>,
    failed: Option<io::Error>,
}

impl SpoolWriter {
    fn new() -> io::Result<Self> {
        Ok(Self {
            out: BufWriter::with_capacity(1 << 18, tempfile::tempfile()?),
            failed: None,
        })
    }

    fn write(&mut self, parts: &[&[u8]]) {
        if self.failed.is_some() {
            return;
        }
        for part in parts {
            if let Err(e) = self.out.write_all(part) {
                self.failed = Some(e);
                return;
            }
        }
    }

    fn page(&mut self, p: &Page) {
        let (title, text) = (p.title.as_bytes(), p.text.as_bytes());
        self.write(&[
            &[SPOOL_PAGE],
            &(title.len() as u64).to_le_bytes(),
            title,
            &p.text_len.to_le_bytes(),
            &(text.len() as u64).to_le_bytes(),
            text,
        ]);
    }

    fn failed(&mut self, reason: &str) {
        self.write(&[
            &[SPOOL_FAILED],
            &(reason.len() as u64).to_le_bytes(),
            reason.as_bytes(),
        ]);
    }

    fn finish(self, path: &Path) -> io::Result<Spooled> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let mut file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.rewind()?;
        Ok(Spooled {
            path: path.to_path_buf(),
            file,
        })
    }
}

fn read_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn read_string(r: &mut impl Read) -> io::Result<String> {
    let n = read_u64(r)?;
    let mut bytes = Vec::new();
    r.take(n).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != n {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    String::from_utf8(bytes).map_err(io::Error::other)
}

impl Spooled {
    /// The dump's units of work, as [`work`] gives them from the dump itself.
    fn pages(self, dump: String) -> impl Iterator<Item = Work> + Send + 'static {
        let mut r = BufReader::with_capacity(1 << 18, self.file);
        let mut done = false;
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            let mut tag = [0u8; 1];
            let next = match r.read(&mut tag) {
                Ok(0) => {
                    done = true;
                    return None;
                }
                Ok(_) if tag[0] == SPOOL_PAGE => (|| {
                    let title = read_string(&mut r)?;
                    let text_len = read_u64(&mut r)?;
                    let text = read_string(&mut r)?;
                    Ok(Work::Page {
                        dump: dump.clone(),
                        page: Page {
                            title,
                            text,
                            text_len,
                            ..Page::default()
                        },
                    })
                })(),
                Ok(_) if tag[0] == SPOOL_FAILED => {
                    read_string(&mut r).map(|reason| Work::DumpFailed {
                        dump: dump.clone(),
                        reason,
                    })
                }
                Ok(_) => Err(io::Error::other("unknown record")),
                Err(e) => Err(e),
            };
            Some(next.unwrap_or_else(|e| {
                done = true;
                Work::DumpFailed {
                    dump: dump.clone(),
                    reason: format!(
                        "its pages cannot be read back from their temporary copy: {}",
                        crate::source::io_reason(&e)
                    ),
                }
            }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const DUMP: &str = r#"<?xml version="1.0"?>
<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">
  <page><title>Alpha</title><ns>0</ns><revision><text>'''Alpha''' links [[Omega]] and [[Beta]].</text></revision></page>
  <page><title>Beta</title><ns>0</ns><redirect title="Alpha" /><revision><text>#REDIRECT [[Alpha]]</text></revision></page>
  <page><title>Gamma</title><ns>0</ns><revision><text>#redirect [[Alpha]]</text></revision></page>
  <page><title>Category:X</title><ns>14</ns><revision><text>x</text></revision></page>
  <page><title>Big</title><ns>0</ns><revision><text>0123456789 0123456789</text></revision></page>
  <page><title>Omega &amp; more</title><ns>0</ns><revision><text>'''Omega''' &#233;.</text></revision></page>
"#;

    fn bz2(dir: &Path, name: &str, xml: &str) -> PathBuf {
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(xml.as_bytes()).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, bz.finish().unwrap()).unwrap();
        p
    }

    fn shown(w: impl Iterator<Item = Work>) -> Vec<String> {
        w.map(|w| format!("{w:?}")).collect()
    }

    #[test]
    fn the_spooled_copy_gives_the_work_of_the_dump() {
        let dir = tempfile::tempdir().unwrap();
        let whole = format!("{DUMP}</mediawiki>\n");
        let cut = &DUMP[..DUMP.find("<title>Omega").unwrap() + 9];
        for (xml, limit) in [(whole.as_str(), 1000), (whole.as_str(), 15), (cut, 1000)] {
            let p = bz2(dir.path(), "d.xml.bz2", xml);
            let name = "d.xml.bz2".to_string();
            let inputs: Inputs = vec![Input::file(p.clone(), name.clone())].into();
            let direct = shown(work(inputs.clone(), limit, Vec::new()));
            let (layer, copy) = index_layer(&p, &name, Some(limit)).unwrap();
            let copy = copy.expect("a copy is kept");
            assert_eq!(shown(work(inputs, limit, vec![copy])), direct, "{limit}");
            assert!(direct.len() >= 3, "{direct:?}");
            // The titles are those of the pass that keeps no text.
            let (plain, none) = index_layer(&p, &name, None).unwrap();
            assert!(none.is_none());
            let (a, b) = (layer.unwrap(), plain.unwrap());
            assert_eq!((a.titles, a.aliases), (b.titles, b.aliases));
        }
    }

    #[test]
    fn a_copy_is_used_once_and_only_for_its_own_dump() {
        let dir = tempfile::tempdir().unwrap();
        let xml = format!("{DUMP}</mediawiki>\n");
        let a = bz2(dir.path(), "a.xml.bz2", &xml);
        let b = bz2(dir.path(), "b.xml.bz2", &xml.replace("Alpha", "Zed"));
        let (_, copy) = index_layer(&a, "a.xml.bz2", Some(1000)).unwrap();
        let inputs: Inputs = vec![
            Input::file(b.clone(), "b.xml.bz2".into()),
            Input::file(a.clone(), "a.xml.bz2".into()),
            Input::file(a.clone(), "a.xml.bz2".into()),
        ]
        .into();
        let direct = shown(work(inputs.clone(), 1000, Vec::new()));
        assert_eq!(shown(work(inputs, 1000, vec![copy.unwrap()])), direct);
        assert!(direct[0].contains("Zed"), "{direct:?}");
    }
}
