//! Text helpers every layer above may use: reader-visible text with a map back
//! to source bytes, white-space collapsing, word counting, tokens, wiki chrome
//! and the data-file format.
//!
//! A leaf: it imports nothing of the crate but [`crate::span`]. Positions (lines
//! and columns) are not computed here; only [`crate::span::LineIndex`] does that.

pub mod chrome;
pub mod lines;
pub mod plain;
pub mod tokens;
pub mod tsv;
pub mod word_table;
pub mod words;

pub use chrome::strip_chrome;
pub use lines::lines;
pub use plain::{PlainText, collapse_ws, collapse_ws_cow};
pub use tokens::{Tok, opens_quote, token_chunks, tokenize, words_in};
pub use tsv::tsv_rows;
pub use word_table::WordTable;
pub use words::word_count;
