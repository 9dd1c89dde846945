//! Fixtures, the command line and the registry, in one test binary.
//!
//! The other files in `tests/` are binaries of their own, one per concern:
//! `architecture` (the layers), `bad_input`, `baseline_fix`, `ci_formats`,
//! `config`, `determinism`, `promises`, `properties`, `references` and
//! `regressions` (fuzz seeds and crashes).

// Every article under fixtures/ against its `.expect` sidecar and snapshot, through the real binary.
mod fixtures;
// The command line: exit codes, stdin, formats, parse/schema/rules/explain.
mod cli;
// The registry against the README, the schema and the fixtures.
mod registry;
// The commands shown in the docs.
mod docs;
// Wikitext on the shared real pages.
mod wikitext;
// MediaWiki exports and dumps.
mod dumps;
// Shared helpers.
mod util;
