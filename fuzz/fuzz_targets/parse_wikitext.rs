//! The wikitext parser on arbitrary UTF-8: no panic, no hang (nested
//! templates, unclosed constructs, stray braces), every span in the source on
//! char boundaries, sentences and references inside their block.
//!
//! The body lives in `tests/common/mod.rs`, shared with `tests/regressions.rs`,
//! which replays the seeds and every saved crash under plain `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::fuzz_parse(data, encyclint::source::Format::Wikitext));
