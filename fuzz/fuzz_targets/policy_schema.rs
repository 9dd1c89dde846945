//! Policy-schema loading on arbitrary bytes: parse as JSON (as `--schema`
//! does), compile offline, then check small articles with it. A schema may be
//! refused (E002) and evaluating it may fail (backtracking limit), but nothing
//! panics and nothing is fetched.
//!
//! The body lives in `tests/common/mod.rs`, shared with `tests/regressions.rs`,
//! which replays the seeds and every saved crash under plain `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::fuzz_policy_schema(data));
