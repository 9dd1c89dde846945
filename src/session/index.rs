//! The title index of a run: the checked articles' own titles (when more than
//! one is checked), each dump's titles and redirects, then the title lists,
//! then the alias lists (or, in their place, sources loaded before the run: a
//! binding's shared index). An editor's index has the same shape with the
//! workspace's titles first.

use std::path::PathBuf;

use super::discover::{Input, Inputs};
use super::dumps;
use crate::index::{self, IndexError, TitleIndex};
use crate::source;

/// Build the run's index: the articles' own titles (when there are more than
/// one, or any beside a dump), each dump's titles and redirects, then the
/// sources `lists` gives (the title and alias lists, see [`lists`], or an
/// index loaded before the run), called after the dumps are read so that
/// errors come in the CLI's order. `None` when there is no source at all:
/// references are then not judged.
///
/// Each compressed dump whose path is in `spool` has its article pages
/// written to a temporary copy while its titles are read; the copies are
/// added to `spooled` for [`dumps::work`], which then does not decompress
/// the dump again.
///
/// # Errors
/// A dump that cannot be read, or the error of `lists`.
pub fn build(
    inputs: &Inputs,
    lists: impl FnOnce() -> Result<Vec<index::Layer>, IndexError>,
    max_file_size: u64,
    spool: &[PathBuf],
    spooled: &mut Vec<dumps::Spooled>,
) -> Result<Option<TitleIndex>, IndexError> {
    let mut ix = TitleIndex::new();
    let articles = inputs
        .iter()
        .filter(|i| matches!(i, Input::File(..) | Input::Stdin(_)) && !dumps::is_dump(i))
        .count();
    let has_dump = inputs.iter().any(|i| dumps::is_dump(&i));
    if articles > 1 || (articles > 0 && has_dump) {
        let mut own: Vec<Box<str>> = inputs.par_filter_map(|i| match &i {
            Input::File(f) if !dumps::is_dump(&i) => {
                let src = source::read_file(f.path(), f.shown(), max_file_size).ok()?;
                crate::parse::source_title(&src).map(String::into_boxed_str)
            }
            _ => None,
        });
        own.sort_unstable();
        let titles = own.into_iter().map(String::from);
        ix.push(own_titles("checked articles", titles)?);
    }
    // A dump's titles and redirects: a complete index of its own pages.
    for i in inputs {
        if let Input::File(f) = &i
            && dumps::is_dump(&i)
        {
            let (path, name) = (f.path(), f.shown());
            let copy = (dumps::compressed(name) && spool.iter().any(|s| s == path))
                .then_some(max_file_size);
            let (layer, copy) = dumps::index_layer(path, name, copy)?;
            if let Some(layer) = layer {
                ix.push(layer);
            }
            spooled.extend(copy);
        }
    }
    for layer in lists()? {
        ix.push(layer);
    }
    Ok((!ix.is_empty()).then_some(ix))
}

/// A source of article titles known in memory (the checked articles, an
/// editor's workspace).
///
/// # Errors
/// Never in practice: the index is built in memory.
pub fn own_titles(
    origin: &str,
    titles: impl IntoIterator<Item = String>,
) -> Result<index::Layer, IndexError> {
    let bytes = index::build_bytes(titles.into_iter(), std::iter::empty());
    index::Layer::from_bytes(origin, bytes)
}

/// The title lists, then the alias lists, each a source.
///
/// # Errors
/// A title or alias file that cannot be read.
pub fn lists(titles: &[PathBuf], aliases: &[PathBuf]) -> Result<Vec<index::Layer>, IndexError> {
    lists_with(titles, aliases, index::load_titles)
}

/// [`lists`] for one run: a title list not built yet is held in memory as
/// read instead of built ([`index::load_titles_once`]).
///
/// # Errors
/// As [`lists`].
pub fn run_lists(titles: &[PathBuf], aliases: &[PathBuf]) -> Result<Vec<index::Layer>, IndexError> {
    lists_with(titles, aliases, index::load_titles_once)
}

fn lists_with(
    titles: &[PathBuf],
    aliases: &[PathBuf],
    load: fn(&std::path::Path) -> Result<index::Layer, IndexError>,
) -> Result<Vec<index::Layer>, IndexError> {
    let mut out = Vec::new();
    for t in titles {
        out.push(load(t)?);
    }
    for a in aliases {
        out.push(index::load_aliases(a)?.0);
    }
    Ok(out)
}
