//! The title index of a run: the checked articles' own titles (when more than
//! one is checked), then the title lists, then the alias lists. An editor's
//! index has the same shape with the workspace's titles first.

use std::path::PathBuf;

use rayon::prelude::*;

use super::discover::Input;
use crate::index::{self, IndexError, TitleIndex};
use crate::source;

/// Build the run's index. `None` when there is no source at all: references
/// are then not judged.
///
/// # Errors
/// A title or alias file that cannot be read.
pub fn build(
    inputs: &[Input],
    titles: &[PathBuf],
    aliases: &[PathBuf],
    max_file_size: u64,
) -> Result<Option<TitleIndex>, IndexError> {
    let mut ix = TitleIndex::new();
    let articles = inputs
        .iter()
        .filter(|i| matches!(i, Input::File(..) | Input::Stdin(_)))
        .count();
    if articles > 1 {
        let mut own: Vec<String> = inputs
            .par_iter()
            .filter_map(|i| match i {
                Input::File(path, name) => source::read_file(path, name, max_file_size).ok(),
                _ => None,
            })
            .filter_map(|src| crate::parse::quick_title(&src.text, src.format))
            .collect();
        own.sort();
        ix.push(own_titles("checked articles", own)?);
    }
    for layer in lists(titles, aliases)? {
        ix.push(layer);
    }
    Ok((!ix.is_empty()).then_some(ix))
}

/// A source of article titles known in memory (the checked articles, an
/// editor's workspace).
///
/// # Errors
/// Never in practice: the index is built in memory.
pub fn own_titles(origin: &str, titles: Vec<String>) -> Result<index::Layer, IndexError> {
    let bytes = index::build_bytes(titles.into_iter(), std::iter::empty());
    index::Layer::from_bytes(origin, bytes)
}

/// The title lists, then the alias lists, each a source.
///
/// # Errors
/// A title or alias file that cannot be read.
pub fn lists(titles: &[PathBuf], aliases: &[PathBuf]) -> Result<Vec<index::Layer>, IndexError> {
    let mut out = Vec::new();
    for t in titles {
        out.push(index::load_titles(t)?);
    }
    for a in aliases {
        out.push(index::load_aliases(a)?.0);
    }
    Ok(out)
}
