//! The whole check of one file, as `encyclint check` runs it: the input gate,
//! parse, built-in policy schema, rules, human rendering (with and without
//! colour) and the JSON report entry. The first byte picks format and colour.
//!
//! The body lives in `tests/common/mod.rs`, shared with `tests/regressions.rs`,
//! which replays the seeds and every saved crash under plain `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::fuzz_check_file(data));
