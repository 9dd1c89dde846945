//! The title index: which articles exist, under which names.
//!
//! Built once per run from the titles of the articles being linted and the
//! optional `--titles` and `--aliases` files, then shared read-only by every
//! worker thread. Each source becomes a [`Layer`], built in memory or
//! memory-mapped from a prebuilt index file (`encyclint index build`), so a
//! 7-million-title index opens in the time it takes to check its checksum.
//!
//! A layer is an [`fst::Map`] of folded keys (see [`normalize`]), each with a
//! record that spells its canonical titles as the key with some letters
//! upper-cased, plus front-coded stores of the redirects and their targets (see
//! `store.rs` for the format): exact, case-folded and did-you-mean lookups all
//! walk the fst. A prebuilt index also records the files it was built from, so a
//! run can say when it is stale ([`stale_sources`]).
//!
//! | file | owns |
//! |---|---|
//! | `store.rs` | the index file format: building it ([`Builder`]), its header, front coding |
//! | `layer.rs` | one opened source (owned or memory-mapped) and its raw lookups |
//! | `query.rs` | [`TitleIndex`]: resolution and did-you-mean over every layer |
//! | `fuzzy.rs` | the edit-distance automaton behind did-you-mean |
//! | `load.rs` | reading title lists, alias lists and index files from disk, within [`Limits`]; staleness |
//! | `normalize.rs` | title keys: MediaWiki's, case-folded and loose |
//!
//! The index knows titles, not articles: it imports nothing above the model layer.
mod fuzzy;
mod layer;
mod listed;
mod load;
pub mod normalize;
mod query;
mod store;

use std::fmt;

pub use layer::Layer;
pub use load::{
    CACHE_ENV, CACHE_MIN_BYTES, DEFAULT_MAX_BYTES, Limits, MAX_BYTES_ENV, MAX_TITLE_BYTES, Stale,
    hold_titles, load_aliases, load_titles, load_titles_once, read_aliases, read_lines,
    read_titles, stale_sources,
};
pub use normalize::{fold_key, loose_key, title_key};
pub use query::TitleIndex;
pub use store::{Builder, Built, MAGIC, SourceRecord, build_bytes};

/// Largest number of titles sharing one folded or loose key that are kept.
const MAX_GROUP: usize = 255;

/// An index source that cannot be used.
#[derive(Debug)]
pub struct IndexError {
    /// The file.
    pub path: String,
    /// Why.
    pub reason: String,
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for IndexError {}

/// How a reference matched an index entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The title itself (first letter, `_` and spacing aside, as MediaWiki does).
    Exact,
    /// Through a redirect.
    Alias,
    /// Only when case is ignored beyond the first letter.
    Case,
}

/// A resolved reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The title it names.
    pub canonical: String,
    /// How it matched.
    pub how: Match,
}

/// How a did-you-mean suggestion was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SuggestionKind {
    /// Same title once case, hyphens and spacing, and US/UK spelling are ignored.
    Variant,
    /// Singular for plural or the reverse.
    Number,
    /// A small edit away (the distance, in characters).
    Edit(usize),
}

/// A did-you-mean candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The title proposed.
    pub title: String,
    /// Why.
    pub kind: SuggestionKind,
}

/// Something that knows article titles: the index of a run, or a layer of
/// titles an editor keeps in memory.
pub trait TitleLookup: Sync {
    /// Whether `title` (as written) names a known article.
    fn is_title(&self, title: &str) -> bool;
}

impl TitleLookup for TitleIndex {
    fn is_title(&self, title: &str) -> bool {
        self.resolve(title).is_some()
    }
}
