//! MediaWiki dumps in a run: each namespace-0 page that is not a redirect is
//! a unit of work of its own, read as the run goes (never the whole dump in
//! memory), and the dump's titles with its redirects are the index of its
//! own pages.

use std::path::Path;
use std::sync::mpsc::sync_channel;

use super::discover::Input;
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
    matches!(input, Input::File(_, name) if dump::is_dump_path(name))
}

/// Whether a page of a dump is linted: an article (namespace 0) that is not
/// a redirect.
#[must_use]
pub fn is_article(page: &Page) -> bool {
    page.ns == 0 && page.redirect.is_none()
}

/// The run's work in input order: every input, with each dump replaced by its
/// article pages (read as the iterator is driven). Page texts over `limit`
/// bytes are not kept (the page then fails as too large).
pub fn work(inputs: Vec<Input>, limit: u64) -> impl Iterator<Item = Work> + Send + 'static {
    inputs
        .into_iter()
        .flat_map(move |input| -> Box<dyn Iterator<Item = Work> + Send> {
            match input {
                Input::File(path, name) if dump::is_dump_path(&name) => {
                    match dump::open(&path, &name, limit) {
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
                    }
                }
                Input::Stdin(name) if dump::is_dump_path(&name) => {
                    Box::new(std::iter::once(Work::DumpFailed {
                        dump: name,
                        reason:
                            "a MediaWiki dump is read from a file, not standard input (it is read \
                             twice: once for its titles, once for its pages); name the file"
                                .to_string(),
                    }))
                }
                other => Box::new(std::iter::once(Work::Input(other))),
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

/// The titles and redirects of a dump's namespace-0 pages, as one index
/// source. `None` when the dump cannot be opened (the check says why).
///
/// # Errors
/// Never in practice: the index is built in memory.
pub fn index_layer(path: &Path, name: &str) -> Result<Option<index::Layer>, IndexError> {
    // Texts are not needed: a limit of 0 keeps none.
    let Ok(pages) = dump::open(path, name, 0) else {
        return Ok(None);
    };
    let mut titles = Vec::new();
    let mut redirects = Vec::new();
    for p in pages.map_while(Result::ok).filter(|p| p.ns == 0) {
        match p.redirect {
            Some(target) if !target.is_empty() => redirects.push((p.title, target)),
            Some(_) => {}
            None => titles.push(p.title),
        }
    }
    titles.sort();
    let bytes = index::build_bytes(titles.into_iter(), redirects.into_iter());
    index::Layer::from_bytes(name, bytes).map(Some)
}
